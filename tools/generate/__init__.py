"""Generate: the archive → a folder of Markdown pages (and open data) for MkDocs or Zensical.

Everything under the output folder is generated; hand-written pages are copied in beside
them. The folder is written next to its final place and swapped in, so a failure never
leaves half a tree behind.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

from tools import export, urls
from tools.generate import entities, notices, overview, versions
from tools.generate.context import Site
from tools.generate.markup import e, rel
from tools.models import Archive

Progress = Callable[[int, int], None]


def pages(site: Site) -> Iterator[tuple[str, str]]:
    """Every generated page as (path under the docs folder, Markdown)."""
    yield "index.md", overview.home_page(site)
    yield "search/index.md", overview.search_page(site)
    for language in overview.other_languages(site):
        yield urls.search(language) + "index.md", overview.search_page(site, language)
    yield "notices/index.md", overview.notices_index(site)
    yield "agencies/index.md", entities.agencies_index(site)
    yield "targets/index.md", entities.targets_index(site)
    yield "themes/index.md", entities.themes_index(site)
    yield "compare/index.md", overview.compare_page(site)
    yield "data/index.md", overview.data_page(site)
    for n in site.archive.notices:
        yield urls.notice(n.id) + "index.md", notices.notice_page(site, n)
        ms = n.parsed.measures
        for i, m in enumerate(ms):
            prev = ms[i - 1] if i > 0 else None
            nxt = ms[i + 1] if i + 1 < len(ms) else None
            yield urls.measure(n.id, m.id) + "index.md", notices.measure_page(site, n, m, prev, nxt)
        for version in n.meta.get("versions") or []:
            yield urls.version(n.id, version["id"]) + "index.md", versions.version_page(site, n, version)
    for agency in site.archive.registry.agencies:
        yield urls.agency(agency.id) + "index.md", entities.agency_page(site, agency)
    for t in site.targets.values():
        yield urls.target(t.id) + "index.md", entities.target_page(site, t)
    for theme in site.archive.registry.themes:
        yield urls.theme(theme.id) + "index.md", entities.theme_page(site, theme)


def page_count(site: Site) -> int:
    return (
        8
        + len(overview.other_languages(site))
        + sum(1 + len(n.parsed.measures) + len(n.meta.get("versions") or []) for n in site.archive.notices)
        + len(site.archive.registry.agencies)
        + len(site.targets)
        + len(site.archive.registry.themes)
    )


def generate(
    archive: Archive, out: Path, handwritten: Path, site_url: str = "", progress: Progress | None = None
) -> int:
    """Write the whole docs tree to ``out``; return the number of pages."""
    site = Site.build(archive)
    staging = out.with_name(out.name + ".staging")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    _copy_handwritten(handwritten, staging, exclude=out.name)
    total = page_count(site)
    written = 0
    for path, text in pages(site):
        target = staging / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written += 1
        if progress:
            progress(written, total)
    for n in archive.notices:
        shutil.copyfile(Path(n.files.folder) / "source.txt", staging / urls.notice(n.id) / "source.txt")
        for version in n.meta.get("versions") or []:
            shutil.copyfile(
                Path(n.files.folder) / version["file"], staging / urls.version(n.id, version["id"]) / "source.txt"
            )
    export.write_open_data(archive, staging / "data")
    (staging / "feeds").mkdir()
    for jurisdiction in [None, *overview.jurisdictions(site)]:
        feed_file = staging / overview.feed_path(jurisdiction)
        feed_file.write_text(overview.feed(site, site_url, jurisdiction), encoding="utf-8")
    for old, (new, _) in sorted(archive.registry.redirects.items()):
        page = staging / old / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(redirect_page(old, new), encoding="utf-8")
    _swap(staging, out)
    return written


def redirect_page(old: str, new: str) -> str:
    """A static redirect that keeps the #fragment and works on any host, without a plugin."""
    href = e(rel(old, new))
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<title>Moved</title><link rel="canonical" href="{href}">'
        f'<meta http-equiv="refresh" content="0; url={href}">'
        f'<script>location.replace("{href}" + location.hash)</script>'
        f'</head><body><p>This page has moved to <a href="{href}">{href}</a>.</p></body></html>\n'
    )


def _copy_handwritten(src: Path, dest: Path, exclude: str) -> None:
    for path in sorted(src.iterdir()):
        if path.name in {exclude, exclude + ".staging", exclude + ".old"}:
            continue
        if path.is_dir():
            shutil.copytree(path, dest / path.name)
        else:
            shutil.copyfile(path, dest / path.name)


def _swap(staging: Path, out: Path) -> None:
    old = out.with_name(out.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    staging.rename(out)
    shutil.rmtree(old, ignore_errors=True)
