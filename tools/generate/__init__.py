"""Generate: the archive → a folder of Markdown pages (and open data) for MkDocs or Zensical.

Everything under the output folder is generated; hand-written pages are copied in beside
them. The folder is written next to its final place and swapped in, so a failure never
leaves half a tree behind.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Collection, Iterator
from functools import partial
from pathlib import Path

from tools import export, urls
from tools.files import swap_into_place
from tools.generate import entities, notices, overview, versions
from tools.generate.context import Site
from tools.generate.markup import rel
from tools.generate.templates import render
from tools.models import Archive, Notice
from tools.processes import map_forked
from tools.related import related

Progress = Callable[[int, int], None]


def pages(site: Site) -> Iterator[tuple[str, str]]:
    """Every generated page as (path under the docs folder, Markdown)."""
    return ((path, make()) for path, make in page_makers(site))


def page_makers(site: Site) -> Iterator[tuple[str, Callable[[], str]]]:
    """Every generated page as (path, a function that writes its Markdown): a process that
    writes a share of the pages computes only its own."""
    yield "index.md", partial(overview.home_page, site)
    yield "search/index.md", partial(overview.search_page, site)
    for language in overview.other_languages(site):
        yield urls.source(urls.search(language)), partial(overview.search_page, site, language)
    yield "notices/index.md", partial(overview.notices_index, site)
    yield "agencies/index.md", partial(entities.agencies_index, site)
    yield "targets/index.md", partial(entities.targets_index, site)
    for kind in site.archive.registry.target_kinds:
        yield urls.source(urls.target_kind(kind.id)), partial(entities.target_kind_page, site, kind)
    yield "themes/index.md", partial(entities.themes_index, site)
    yield "compare/index.md", partial(overview.compare_page, site)
    yield "data/index.md", partial(overview.data_page, site)
    for n in site.archive.notices:
        yield from notice_page_makers(site, n)
    yield from entity_page_makers(site)


def notice_pages(site: Site, n: Notice) -> Iterator[tuple[str, str]]:
    """A notice's own pages: the notice, each measure, each earlier version."""
    return ((path, make()) for path, make in notice_page_makers(site, n))


def notice_page_makers(site: Site, n: Notice) -> Iterator[tuple[str, Callable[[], str]]]:
    yield urls.source(urls.notice(n.id)), partial(notices.notice_page, site, n)
    ms = n.parsed.measures
    for i, m in enumerate(ms):
        prev = ms[i - 1] if i > 0 else None
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        yield urls.source(urls.measure(n.id, m.id)), partial(notices.measure_page, site, n, m, prev, nxt)
    for part in n.parsed.back_parts():
        yield urls.source(urls.part(n.id, part.id)), partial(notices.part_page, site, n, part)
    for version in n.meta.get("versions") or []:
        yield urls.source(urls.version(n.id, version["id"])), partial(versions.version_page, site, n, version)
    for language in n.translations:
        yield urls.source(urls.notice_text(n.id, language)), partial(notices.translation_page, site, n, language)
        for i, m in enumerate(ms):
            prev = ms[i - 1] if i > 0 else None
            nxt = ms[i + 1] if i + 1 < len(ms) else None
            page = partial(notices.measure_page, site, n, m, prev, nxt, language)
            yield urls.source(urls.measure_text(n.id, m.id, language)), page


def entity_pages(site: Site, named: set[tuple[str, str]] | None = None) -> Iterator[tuple[str, str]]:
    """The pages of agencies, targets and themes (``named``: only those, as ("agency", id) …)."""
    return ((path, make()) for path, make in entity_page_makers(site, named))


def entity_page_makers(
    site: Site, named: set[tuple[str, str]] | None = None
) -> Iterator[tuple[str, Callable[[], str]]]:
    for agency in site.archive.registry.agencies:
        if named is None or ("agency", agency.id) in named:
            yield urls.source(urls.agency(agency.id)), partial(entities.agency_page, site, agency)
    for t in site.targets.values():
        if named is None or ("target", t.id) in named:
            yield urls.source(urls.target(t.id)), partial(entities.target_page, site, t)
    for theme in site.archive.registry.themes:
        if named is None or ("theme", theme.id) in named:
            yield urls.source(urls.theme(theme.id)), partial(entities.theme_page, site, theme)


def pages_of(
    site: Site, notice_ids: Collection[str], entries: Collection[tuple[str, str]] = ()
) -> Iterator[tuple[str, str | bytes]]:
    """What a change to these notices (and registry ``entries``, as ("agency", id) …) changes
    first, at a cost that follows the change's size: the notices' own pages and files, their
    targets' pages, and the entries' pages. (The pages of other agencies and themes list
    measures from the whole archive; a full ``pages`` run brings them up to date.)"""
    named: set[tuple[str, str]] = set(entries)
    for n in site.archive.notices:
        if n.id in notice_ids:
            yield from notice_pages(site, n)
            yield from notice_files(n)
            named |= {("target", t.id) for t in n.targets}
    yield from entity_pages(site, named)


def notice_files(n: Notice) -> Iterator[tuple[str, bytes]]:
    """A notice's texts as received, served beside its page."""
    yield urls.notice(n.id) + "source.txt", (Path(n.files.folder) / "source.txt").read_bytes()
    for text in n.files.translations:
        yield urls.notice(n.id) + text.file, (Path(n.files.folder) / text.file).read_bytes()
    for version in n.meta.get("versions") or []:
        yield urls.version(n.id, version["id"]) + "source.txt", (Path(n.files.folder) / version["file"]).read_bytes()


class Tree:
    """Writes the docs tree. A full write goes to a staging folder swapped in at the end (a
    failure leaves the old tree); an incremental one rewrites only files whose bytes changed
    and removes files no longer produced, and ``changed`` says which (the preview renders those)."""

    def __init__(self, out: Path, incremental: bool = False) -> None:
        self.out, self.incremental = out, incremental and out.is_dir()
        self.root = out if self.incremental else out.with_name(out.name + ".staging")
        self.produced: set[str] = set()
        self.changed: list[str] = []
        if not self.incremental:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root.mkdir(parents=True)

    def put(self, relative: str, data: str | bytes) -> None:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        target = self.root / relative
        self.produced.add(relative)
        if self.incremental and target.is_file() and target.read_bytes() == raw:
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(raw)
        self.changed.append(relative)

    def finish(self) -> None:
        if not self.incremental:
            swap_into_place(self.root, self.out)
            return
        for path in sorted(self.root.rglob("*"), reverse=True):
            relative = path.relative_to(self.root).as_posix()
            if path.is_file() and relative not in self.produced:
                path.unlink()
                self.changed.append(relative)
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()


def generate(
    archive: Archive,
    out: Path,
    handwritten: Path,
    site_url: str = "",
    progress: Progress | None = None,
    incremental: bool = False,
    site: Site | None = None,
    jobs: int = 1,
) -> list[str]:
    """Write the whole docs tree to ``out``; return the files written (all, or those that changed).
    ``jobs`` processes write the pages of a full write (where processes can be forked)."""
    site = site or Site.build(archive, partial(related, jobs=jobs))
    tree = Tree(out, incremental)
    for own in sorted(p for p in handwritten.rglob("*") if p.is_file()):
        relative = own.relative_to(handwritten)
        if not relative.parts[0].startswith("generated"):  # left by builds before staging folders
            tree.put(relative.as_posix(), own.read_bytes())
    makers = list(page_makers(site))
    if tree.incremental:  # compares each page with what is there: in this process
        for path, make in makers:
            tree.put(path, make())
    else:  # each page straight to its file, in ``jobs`` processes
        told = (lambda n: progress(n, len(makers))) if progress else None
        map_forked(partial(_write_page, tree.root), makers, jobs, told)
        tree.produced |= {path for path, _ in makers}
        tree.changed += [path for path, _ in makers]
    for n in archive.notices:
        for path, data in notice_files(n):
            tree.put(path, data)
    for data_file, text in export.open_data_files(archive):
        tree.put("data/" + data_file, text)
    for jurisdiction in [None, *(j for j, _ in site.jurisdiction_tree())]:
        tree.put(overview.feed_path(jurisdiction), overview.feed(site, site_url, jurisdiction))
    tree.put("feeds/targets.xml", overview.targets_feed(site, site_url))
    for old, (new, _) in sorted(archive.registry.redirects.items()):
        tree.put(old + "index.html", redirect_page(old, new))
    tree.finish()
    return tree.changed


def _write_page(root: Path, page: tuple[str, Callable[[], str]]) -> None:
    path, make = page
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(make().encode("utf-8"))


def redirect_page(old: str, new: str) -> str:
    """A static redirect that keeps the #fragment and works on any host, without a plugin."""
    return render("redirect.html.j2", href=rel(old, new))
