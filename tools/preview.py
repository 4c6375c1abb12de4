"""Preview: a maintainer's site kept warm in memory, so that a change costs what it changes.

``start`` builds everything once, into the preview's own folders (never the published site).
After a change, ``update`` re-reads the corpus (unchanged notices come from memory), then writes
and renders first the pages of the notices that changed and of the agencies, targets and themes
they name; the browser can reload at once. ``catch_up`` then regenerates the whole tree with
related measures computed afresh, renders whatever else changed (overview pages, other notices'
related measures), and re-indexes search: after it, the preview is what a full build writes
(a test compares them).
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from tools import export, urls
from tools.build import page_languages
from tools.generate import Tree, generate, pages_of
from tools.generate.context import Site
from tools.index import PagefindError, index_site, set_languages
from tools.models import Archive, Problem
from tools.pipeline import Memo, build_archive
from tools.render import MkDocsSession, RenderError, read_config


@dataclass
class Step:
    """What one step of the preview did."""

    ok: bool
    message: str
    problems: list[Problem] = field(default_factory=list)
    rendered: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)


class PreviewSession:
    """The preview of ``corpus`` in ``folder`` (``docs/`` generated Markdown, ``site/`` HTML)."""

    def __init__(self, corpus: Path, config_file: Path, folder: Path, cache: Path | None = None) -> None:
        """``cache``: a folder where parsed notices are kept between runs of ``serve``."""
        self.corpus, self.config_file, self.cache = corpus, config_file, cache
        self.docs, self.site_dir = folder / "docs", folder / "site"
        self.handwritten = config_file.parent / "docs"
        self.site_url = str(read_config(config_file).get("site_url") or "")
        self.memo = Memo()
        self.site: Site | None = None
        self.renderer: MkDocsSession | None = None
        self.theme = self._theme_stamp()

    def start(self) -> Step:
        """Build the whole preview: with no engine session yet, the catch-up renders every page."""
        return self.catch_up()

    def update(self) -> Step:
        """Read the corpus again; write and render first what the changed notices' pages show."""
        try:
            return self._update()
        except (RenderError, PagefindError, OSError) as exc:
            return Step(False, f"the preview could not be updated: {exc}")

    def catch_up(self) -> Step:
        """Regenerate everything, render what else changed, and index search: the preview is
        then what a full build would write."""
        try:
            return self._catch_up()
        except (RenderError, PagefindError, OSError) as exc:
            return Step(False, f"the preview could not be brought up to date: {exc}")

    def _update(self) -> Step:
        begin = time.perf_counter()
        before = dict(self.memo.keys)
        archive = build_archive(self.corpus, self.cache, self.memo)
        if archive.errors:
            return Step(False, "the corpus has errors; the preview shows the last good version", archive.problems)
        changed = self.memo.changed_since(before)
        last = self.site.related if self.site else {}
        # The related measures of the last run, for now: catch_up computes them afresh.
        self.site = Site.build(archive, relate=lambda _: last)
        tree = Tree(self.docs, incremental=True)
        for path, data in pages_of(self.site, changed, self.memo.change.entries()):
            tree.put(path, data)
        rendered = self._render(archive, tree.changed)
        seconds = time.perf_counter() - begin
        told = _count(len(changed), "notice") + " changed"
        if entries := len(self.memo.change.entries()):
            told += f" ({_count(entries, 'registry entry', 'registry entries')} edited)"
        return Step(True, told, archive.problems, rendered, seconds, self._warnings())

    def _catch_up(self) -> Step:
        begin = time.perf_counter()
        archive = build_archive(self.corpus, self.cache, self.memo)
        if archive.errors:
            return Step(False, "the corpus has errors", archive.problems)
        self.site = Site.build(archive)
        written = generate(archive, self.docs, self.handwritten, self.site_url, incremental=True, site=self.site)
        rendered = self._render(archive, written)
        index_site(self.site_dir)
        seconds = time.perf_counter() - begin
        return Step(True, "preview and search current", archive.problems, rendered, seconds, self._warnings())

    def _warnings(self) -> list[str]:
        return list(self.renderer.warnings) if self.renderer else []

    def _theme_stamp(self) -> list[tuple[str, int]]:
        """The configuration and theme overrides: a session renders with them as they were."""
        theme = self.config_file.parent / "overrides"
        files = [self.config_file, *(sorted(theme.rglob("*")) if theme.is_dir() else [])]
        return [(str(f), f.stat().st_mtime_ns) for f in files if f.is_file()]

    def _render(self, archive: Archive, changed: list[str]) -> int:
        """Render the changed files; a new session when files came or went, the date moved, or
        the configuration or theme changed."""
        renderer, theme = self.renderer, self._theme_stamp()
        fresh = renderer is not None and renderer.as_of == export.as_of(archive) and theme == self.theme
        if not fresh or renderer is None or not renderer.update(changed):
            self.theme = theme
            self._restart(archive)
            return len(changed)
        languages = page_languages(archive)
        rendered = {url for path in changed if (url := urls.page_of(path))}
        set_languages(self.site_dir, {url: lang for url, lang in languages.items() if url in rendered})
        return len(changed)

    def _restart(self, archive: Archive) -> None:
        # MkDocs empties the site folder but for hidden entries: search keeps working meanwhile.
        index, kept = self.site_dir / "pagefind", self.site_dir / ".pagefind-kept"
        if index.is_dir():
            shutil.rmtree(kept, ignore_errors=True)
            index.rename(kept)
        self.renderer = MkDocsSession(self.config_file, self.docs, self.site_dir, export.as_of(archive))
        set_languages(self.site_dir, page_languages(archive))
        if kept.is_dir():
            kept.rename(index)


def _count(n: int, one: str, many: str = "") -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"
