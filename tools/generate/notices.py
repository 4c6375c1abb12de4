"""Notice pages (metadata, full text as printed, an anchor on every measure) and measure pages.

The functions here gather plain values; the templates (``notice.md.j2``, ``measure.md.j2``)
turn them into the page, escaping every value.
"""

from __future__ import annotations

from typing import Any

from tools import urls
from tools.generate.context import ROLE_TITLES, Site
from tools.generate.templates import render
from tools.models import Measure, Node, Notice

ROLE_LABELS = {
    "title": "Title",
    "date": "Date",
    "release-info": "Release information",
    "document-number": "Document number",
    "addressees": "Addressees",
    "signatory": "Signed by",
    "preamble": "Preamble",
    "news": "News preamble (not part of the plan)",
    "report": "Report",
    "contents": "Table of contents",
    "footnote": "Note",
    "recital": "Recital",
    "notes": "Notes",
    "citation": "Citation",
    "enacting-formula": "Enacting formula",
    "publication": "Publication",
}

ROLE_SECTIONS = (
    ("lead", "Lead agencies"),
    ("responsible", "Responsible agencies"),
    ("cooperating", "Cooperating agencies"),
    ("assigned", "Agencies given duties"),
    ("mentioned", "Agencies mentioned"),
)


def notice_page(site: Site, n: Notice) -> str:
    url = urls.notice(n.id)
    rec = site.notice_records[n.id]
    return render(
        "notice.md.j2",
        url=url,
        site=site,
        n=n,
        rec=rec,
        search_filters=notice_filters(site, n, "notice"),
        banner=site.status_banner(n),
        issuers=[site.agencies[r.agency] for r in n.issuers if r.role == "issuer"],
        drafters=[site.agencies[r.agency] for r in n.issuers if r.role == "drafter"],
        jurisdiction_path=site.jurisdiction_path(n.meta["jurisdiction"]),
        language=site.language_name(n.meta["language"]),
        dates=_dates(n),
        licence=_licence(n),
        relations=[
            {
                "label": r["type"].replace("-", " ").capitalize(),
                "notice": r.get("notice"),
                "title": site.notices[r["notice"]].meta["title"] if r.get("notice") else r["title"],
                "note": r.get("note"),
            }
            for r in rec["relations"]
        ],
        roles=ROLE_LABELS,
        texts=_texts(site, n),
        language_pages=language_pages(site, n, None, n.meta["language"]) if n.translations else [],
        original_title=n.meta.get("title_original") or n.meta.get("title_zh"),
        involved=_involved_agencies(site, n),
        role_titles=ROLE_TITLES,
    )


def _texts(site: Site, n: Notice) -> list[dict[str, Any]]:
    """A notice's texts in several languages (none for a notice with one text)."""
    if not n.files.translations:
        return []
    out = [{"url": urls.notice(n.id), "label": text_label(site, n.meta["language"], "original"), "translator": None}]
    for t in n.files.translations:
        who = t.entry.get("translator") or {}
        by = ", ".join(x for x in (who.get("name"), who.get("organisation"), who.get("date")) if x)
        out.append(
            {"url": urls.notice_text(n.id, t.language), "label": text_label(site, t.language, t.role), "translator": by}
        )
    return out


# How the notice page says whether the terms allow commercial reuse (notice.schema.json).
COMMERCIAL_USE = {
    "allowed": "allowed",
    "not-allowed": "not allowed without the publisher's permission",
    "unclear": "unclear (see the note)",
}


def _licence(n: Notice) -> dict[str, Any] | None:
    """The reuse terms the provenance states for the text, as the page shows them; None if none."""
    licence = n.meta["source"].get("licence")
    return _licence_of(licence) if licence else None


def _licence_of(licence: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": licence["name"],
        "url": licence.get("url"),
        "terms": licence["terms"],
        "commercial_use": COMMERCIAL_USE[licence["commercial_use"]],
        "attribution": licence.get("attribution"),
        "note": licence.get("note"),
    }


def _dates(n: Notice) -> list[dict[str, Any]]:
    return [
        {
            "label": name.replace("_", " ").capitalize(),
            "date": entry["date"],
            "evidence": entry.get("evidence") if entry["source"] == "text" else None,
            "note": entry.get("note"),
        }
        for name, entry in (n.meta.get("dates") or {}).items()
    ]


def notice_filters(site: Site, n: Notice, page_type: str, **more: list[str]) -> list[tuple[str, list[str]]]:
    """Pagefind filters for a page of a notice: its notice, jurisdiction (and those above it),
    country (none for an international body's), level, kind and years."""
    values: dict[str, list[str]] = {
        "type": [page_type],
        "notice": [n.meta["short_title"]],
        # An international body's notice (the EU, the OECD) is in no country.
        "country": [country["name"] for country in [site.country(n.meta["jurisdiction"])] if country],
        "jurisdiction": [j["name"] for j in site.jurisdiction_path(n.meta["jurisdiction"])],
        "level": [n.meta["level"]],
        "kind": [n.meta["kind"]],
        "year": _years(n),
    }
    values |= more
    return list(values.items())


def _years(n: Notice) -> list[str]:
    years = {v["date"][:4] for v in (n.meta.get("dates") or {}).values()}
    if n.meta.get("period"):
        years |= {str(y) for y in range(n.meta["period"]["start"], n.meta["period"]["end"] + 1)}
    return sorted(years)


def _involved_agencies(site: Site, n: Notice) -> list[dict[str, Any]]:
    counts: dict[str, dict[str, int]] = {}
    for m in n.parsed.measures:
        for ref in m.agencies:
            counts.setdefault(ref.agency, {}).setdefault(ref.role, 0)
            counts[ref.agency][ref.role] += 1
    ordered = sorted(counts.items(), key=lambda kv: (-sum(kv[1].values()), site.agencies[kv[0]].name))
    return [{"agency": site.agencies[aid], "counts": c} for aid, c in ordered]


# How a page names a text of a notice, by its role (notice.schema.json ``texts``).
TEXT_ROLES = {
    "original": "original",
    "official-translation": "official translation",
    "unofficial-translation": "unofficial translation",
}


def text_label(site: Site, language: str, role: str) -> str:
    """ "Chinese (original)", "English (unofficial translation)"."""
    return f"{site.language_name(language)} ({TEXT_ROLES.get(role, role)})"


def language_pages(site: Site, n: Notice, measure: str | None, current: str) -> list[dict[str, Any]]:
    """The notice's (or a measure's) page in each of its languages, the original first: the
    language switch. Each language has a URL of its own, which a link can name."""
    out = []
    for lang, role in [(n.meta["language"], "original"), *((t.language, t.role) for t in n.files.translations)]:
        original = lang == n.meta["language"]
        if measure:
            url = urls.measure(n.id, measure) if original else urls.measure_text(n.id, measure, lang)
        else:
            url = urls.notice(n.id) if original else urls.notice_text(n.id, lang)
        out.append({"url": url, "lang": lang, "label": text_label(site, lang, role), "current": lang == current})
    return out


def measure_texts(site: Site, n: Notice, m: Measure) -> list[dict[str, Any]]:
    """The measure in each language the notice has it in, the original first: its paragraphs as
    printed, its points (by paragraph) and how a reader of that language cites it."""
    out = [
        {
            "lang": n.meta["language"],
            "label": text_label(site, n.meta["language"], "original"),
            "role": "original",
            "ms": m,
            "points": {pt.paragraph: pt for pt in m.points},
            "prefix": "",
        }
    ]
    out += [
        {
            "lang": text.language,
            "label": text_label(site, text.language, text.role),
            "role": text.role,
            "ms": found,
            "points": {pt.paragraph: pt for pt in found.points},
            "prefix": f"{text.language}-",
        }
        for text, found in n.counterparts(m.id)
    ]
    return out


def measure_page(
    site: Site, n: Notice, m: Measure, prev: Measure | None, nxt: Measure | None, language: str | None = None
) -> str:
    """A measure's page; with ``language``, its twin in the language of a translation."""
    url = urls.measure_text(n.id, m.id, language) if language else urls.measure(n.id, m.id)
    texts = measure_texts(site, n, m)
    shown = next((t for t in texts if t["lang"] == language), texts[0])
    crumbs = []
    for node_id in m.path:
        node = site.nodes[f"{n.id}/{node_id}"]
        crumbs.append({"id": node_id, "label": f"{node.numbering.printed.strip()} {node.title or ''}".strip()})
    return render(
        "measure.md.j2",
        url=url,
        site=site,
        n=n,
        ms=m,
        label=site.measure_label(shown["ms"]),
        excerpt=_excerpt(shown["ms"]),
        texts=texts,
        full_text=(urls.notice_text(n.id, language) + "#" + m.id) if language else urls.measure_anchor(n.id, m.id),
        language_pages=language_pages(site, n, m.id, shown["lang"]) if len(texts) > 1 else [],
        points={pt.paragraph: pt for pt in m.points},
        crumbs=crumbs,
        citation=site.citation(m),
        search_filters=notice_filters(
            site,
            n,
            "measure",
            theme=[site.themes[t].name for t in m.themes],
            agency=[site.agencies[r.agency].name for r in m.agencies],
        ),
        role_sections=ROLE_SECTIONS,
        targets=[site.targets[t] for t in m.targets],
        related=[(site.measures[key], score) for key, score in site.related.get(f"{m.notice}/{m.id}", [])],
        prev=prev,
        next=nxt,
    )


def translation_page(site: Site, n: Notice, language: str) -> str:
    """A notice's full text in one of its translations, with that text's provenance: its own
    URL, in its own language; the units the original has carry the original's anchors, so
    that a place in one text is the same place in the other."""
    text = next(t for t in n.files.translations if t.language == language)
    parse = n.translations[language]
    ids = {theirs: ours for ours, theirs in n.aligned.get(language, {}).items()}
    entry = text.entry
    licence = entry.get("licence")
    return render(
        "text.md.j2",
        url=urls.notice_text(n.id, language),
        site=site,
        n=n,
        text=text,
        entry=entry,
        parse=parse,
        anchors={node.id: ids.get(node.id, f"{language}-{node.id}") for node, _ in _walk(parse.nodes)},
        nodes=list(_walk(parse.nodes)),
        label=text_label(site, language, text.role),
        language_pages=language_pages(site, n, None, language),
        licence=_licence_of(licence) if licence else None,
        roles=ROLE_LABELS,
        search_filters=notice_filters(site, n, "notice"),
    )


def _walk(nodes: list[Node], depth: int = 1) -> list[tuple[Node, int]]:
    out: list[tuple[Node, int]] = []
    for node in nodes:
        out.append((node, depth))
        out += _walk(node.children, depth + 1)
    return out


def _excerpt(m: Measure) -> str:
    """The measure's own words after its number, for the page description."""
    first = m.paragraphs[0].strip() if m.paragraphs else ""
    number = m.number.strip()
    return (first[len(number) :] if first.startswith(number) else first).strip()[:200]


def part_page(site: Site, n: Notice, part: Node) -> str:
    """An annex, appendix or the addenda: its text as printed, its sections with their anchors."""
    url = urls.part(n.id, part.id)
    label = f"{part.numbering.printed.strip()} {part.title or ''}".strip()
    return render(
        "part.md.j2",
        url=url,
        site=site,
        n=n,
        part=part,
        label=label,
        nodes=_subtree(part),
        citation=f"{site.short(n.id)}, {part.numbering.printed.strip()}",
        search_filters=notice_filters(site, n, "part"),
    )


def _subtree(node: Node, depth: int = 0) -> list[tuple[Node, int]]:
    out = [(node, depth)]
    for child in node.children:
        out += _subtree(child, depth + 1)
    return out
