"""The site's URL scheme, in one place. URLs are site-relative (no leading slash) so the
site works unchanged under a sub-path such as https://org.github.io/repo/."""

from __future__ import annotations


def notice(notice_id: str) -> str:
    return f"notices/{notice_id}/"


def measure(notice_id: str, measure_id: str) -> str:
    return f"notices/{notice_id}/{measure_id}/"


def part(notice_id: str, part_id: str) -> str:
    """An annex's, appendix's or the addenda's own page (its id never equals a measure's)."""
    return f"notices/{notice_id}/{part_id}/"


def notice_text(notice_id: str, language: str) -> str:
    """A notice's full text in one of its translations: a page of its own, in that language
    (its <html lang>, and so its search index, is the translation's)."""
    return f"notices/{notice_id}/{language}/"


def measure_text(notice_id: str, measure_id: str, language: str) -> str:
    """A measure's page in the language of one of its translations: the same two texts side by
    side, for readers (and the search index) of that language."""
    return f"notices/{notice_id}/{measure_id}/{language}/"


def measure_anchor(notice_id: str, measure_id: str) -> str:
    return f"notices/{notice_id}/#{measure_id}"


def version(notice_id: str, version_id: str) -> str:
    return f"notices/{notice_id}/versions/{version_id}/"


def agency(agency_id: str) -> str:
    return f"agencies/{agency_id}/"


def target(target_id: str) -> str:
    return f"targets/{target_id}/"


def target_kind(kind_id: str) -> str:
    """The targets of one kind: every kind the registry names has its page, with none or many."""
    return f"targets/kinds/{kind_id}/"


def theme(theme_id: str) -> str:
    return f"themes/{theme_id}/"


def source(url: str) -> str:
    """The Markdown file, under the docs folder, that makes the page at ``url``: ``<url>.md``
    for a page three folders down or deeper (a notice's measures, parts, versions and
    translations, most of the archive's pages; the kinds under ``targets/kinds/``),
    ``<url>index.md`` for the others. MkDocs and Zensical make the same page of either; a page
    with no folder of its own in the docs saves a build a folder to make and remove (thousands:
    the file system's slowest work in a build). The pages near the top keep theirs, where
    mkdocs.yml's ``not_in_nav`` patterns (``/notices/*/``) expect them."""
    return url[:-1] + ".md" if url.count("/") >= 3 else url + "index.md"


def page_of(source_path: str) -> str | None:
    """The URL of the page a Markdown file under the docs folder makes (None if it makes none)."""
    if source_path == "index.md" or source_path.endswith("/index.md"):
        return source_path.removesuffix("index.md")
    return source_path.removesuffix(".md") + "/" if source_path.endswith(".md") else None


INDEX_PAGES = ("notices/", "agencies/", "targets/", "themes/", "compare/", "search/", "data/")


def published(
    notice_measures: dict[str, list[str]],
    agencies: list[str],
    targets: list[str],
    themes: list[str],
    versions: dict[str, list[str]] | None = None,
    translations: dict[str, dict[str, list[str]]] | None = None,
    target_kinds: list[str] | None = None,
) -> list[str]:
    """Every URL the site publishes for the archive's entities, in a stable order."""
    out = list(INDEX_PAGES)
    for notice_id, measure_ids in notice_measures.items():
        out.append(notice(notice_id))
        out += [measure(notice_id, m) for m in measure_ids]
        out += [version(notice_id, v) for v in (versions or {}).get(notice_id, [])]
        for language, measured in (translations or {}).get(notice_id, {}).items():
            out.append(notice_text(notice_id, language))
            out += [measure_text(notice_id, m, language) for m in measured]
    out += [agency(a) for a in agencies]
    out += [target(t) for t in targets]
    out += [theme(t) for t in themes]
    out += [target_kind(k) for k in target_kinds or []]
    return out


def search(language: str | None = None) -> str:
    """The search page; Pagefind searches the index of the page's language, so each language
    of the notices gets its own search page."""
    return "search/" if language is None or language.startswith("en") else f"search/{language}/"
