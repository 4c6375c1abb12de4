"""Render: the generated Markdown → HTML with MkDocs + Material (the default engine)."""

from __future__ import annotations

import html
import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml


class RenderError(Exception):
    """The engine refused the pages; the message lists its warnings."""


def read_config(config_file: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(config_file.read_text("utf-8"))
    return data


_ID = re.compile(r'\sid="([^"]+)"')


def anchors_from_html() -> Any:
    """A MkDocs plugin, added by our code (not listed in mkdocs.yml): it adds to each page's
    anchors the ids in its HTML. ``tools/rawhtml.py`` sets our HTML blocks aside before MkDocs'
    own pass reads their ids, and MkDocs checks links to anchors against what it read."""
    from mkdocs.plugins import BasePlugin

    class AnchorsFromHtml(BasePlugin):  # type: ignore[type-arg, no-untyped-call]
        def on_page_content(self, html_text: str, page: Any, config: Any, files: Any) -> str:
            found = {html.unescape(i) for i in _ID.findall(html_text)}
            page.present_anchor_ids = set(page.present_anchor_ids or ()) | found
            return html_text

    return AnchorsFromHtml()


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def build_date(as_of: str) -> Iterator[None]:
    """MkDocs stamps the sitemap with the build date; pin it to the corpus date (reproducible)."""
    from datetime import UTC, datetime

    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(datetime.fromisoformat(as_of).replace(tzinfo=UTC).timestamp()))
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


def render_mkdocs(config_file: Path, docs: Path, site_dir: Path, as_of: str, jobs: int = 1) -> list[float]:
    """Render the Markdown in ``docs`` into ``site_dir``; warnings are errors (strict), reported together.

    ``docs`` is the build's own folder (the configuration's ``docs_dir`` is overridden), so
    builds running at the same time never read each other's pages. ``jobs`` processes each
    render a share of the pages (``tools.shares``); the site is the same for any number.
    Returns the peak memory of each process that rendered, in MB.
    """
    from tools.shares import render_in_shares

    return render_in_shares(config_file, docs, site_dir, as_of, jobs).peaks_mb()


class MkDocsSession:
    """A MkDocs build kept in memory, for a maintainer's preview: after the first (full) build,
    ``update`` re-renders only the pages it is given, with the same configuration, theme,
    navigation and files, so its cost follows the change, not the size of the site.

    The navigation lists only the overview pages (``not_in_nav`` covers the rest), so a page
    rendered alone comes out as a full build would render it. When pages are added or removed,
    ``update`` says so and the caller starts a new session.
    """

    def __init__(self, config_file: Path, docs: Path, site_dir: Path, as_of: str) -> None:
        from mkdocs.config import load_config
        from mkdocs.plugins import BasePlugin

        session = self

        class Keep(BasePlugin):  # type: ignore[type-arg, no-untyped-call]
            """Keeps what the build computed once (files, navigation, template environment)."""

            def on_nav(self, nav: Any, config: Any, files: Any) -> Any:
                session._nav, session._files = nav, files
                return nav

            def on_env(self, env: Any, config: Any, files: Any) -> Any:
                session._env = env
                return env

        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        self.as_of = as_of
        self._config = load_config(str(config_file), docs_dir=str(docs), site_dir=str(site_dir), strict=True)
        self._config.plugins["policy-archive-session"] = Keep()
        self._config.plugins["policy-archive-anchors"] = anchors_from_html()
        self._nav: Any = None
        self._files: Any = None
        self._env: Any = None
        with collected() as messages:
            from mkdocs.commands.build import build

            with build_date(as_of):
                build(self._config)
            for page in self.pages():  # only their anchors are needed again; keeps memory flat
                page.markdown = page.content = None
        self.warnings = messages

    def pages(self) -> list[Any]:
        return [f.page for f in self._files.documentation_pages() if f.page is not None]

    def update(self, changed: list[str]) -> bool:
        """Re-render these pages (and copy these other files); False if the set of files changed."""
        from mkdocs.commands.build import _build_page, _populate_page

        docs = Path(self._config.docs_dir)
        files = [self._files.get_file_from_path(path) for path in changed]
        if any(f is None for f in files) or any(not (docs / path).is_file() for path in changed):
            return False
        pages = [f.page for f in files if f.page is not None]
        with collected() as messages:
            for page in pages:
                _populate_page(page, self._config, self._files)
            doc_files = self._files.documentation_pages()
            for page in pages:
                _build_page(page, self._config, doc_files, self._nav, self._env)
                page.validate_anchor_links(files=self._files, log_level=self._config.validation.links.anchors)
                page.markdown = page.content = None
            for f in files:
                if f.page is None:
                    f.copy_file()
        self.warnings = messages
        return True


@contextmanager
def collected() -> Iterator[list[str]]:
    """The engine's warnings while the block runs, raised as a RenderError if it fails."""
    from mkdocs import exceptions

    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        yield collector.messages
    except (exceptions.Abort, exceptions.ConfigurationError, exceptions.BuildError) as exc:
        raise RenderError("\n".join([*collector.messages, str(exc)])) from None
    finally:
        logger.removeHandler(collector)


def render_zensical(config_file: Path, docs: Path, site_dir: Path, as_of: str, jobs: int = 1) -> list[float]:
    """Render the same pages with Zensical, which reads the same mkdocs.yml (it spreads its own
    work over the cores, so ``jobs`` is not used).

    Zensical takes its folders only from the configuration, only inside the project (the
    configuration's folder), and keeps a cache there. So the project is a folder of this build's
    own, beside ``docs``: the pages copied in, and a copy of the configuration whose other paths
    are made absolute. Nothing is written into the checkout (Zensical's cache there had grown
    to 270 MB in a day of test runs), and builds at the same time never collide.
    """
    import shutil
    import subprocess
    import sys
    import tempfile

    if missing := engine_missing("zensical"):
        raise RenderError(missing)
    config = _paths_from(read_config(config_file), config_file.parent.resolve())
    work = Path(tempfile.mkdtemp(prefix=".zensical-", dir=docs.parent))
    try:
        shutil.copytree(docs, work / "docs")
        config["docs_dir"], config["site_dir"] = "docs", "site"  # Zensical refuses absolute ones
        project = work / "zensical.yml"
        project.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        with build_date(as_of):
            result = subprocess.run(
                [sys.executable, "-m", "zensical", "build", "-f", str(project), "--strict"],
                cwd=config_file.parent,  # where the configuration's Python extensions are found
                capture_output=True,
                text=True,
                check=False,
            )
        built = work / "site"
        if result.returncode != 0 or not (built / "index.html").exists():
            raise RenderError(_without_traceback(result.stdout + result.stderr))
        # Zensical writes its own whole-site search index; Pagefind replaces it and nothing loads it.
        (built / "search.json").unlink(missing_ok=True)
        shutil.rmtree(site_dir, ignore_errors=True)
        shutil.move(str(built), str(site_dir))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return []  # Zensical's own processes are not measured


def _without_traceback(output: str) -> str:
    """Zensical's report of a failed build: its located messages, and of the Python traceback
    it ends with (``--strict`` aborts by raising) only the last line, the reason."""
    report, _, traceback = output.partition("Traceback (most recent call last):")
    reason = traceback.strip().splitlines()[-1:] if traceback.strip() else []
    return "\n".join([report.rstrip(), *reason])


def _paths_from(config: dict[str, Any], base: Path) -> dict[str, Any]:
    """The configuration with the theme's and mkdocstrings' folders made absolute (from ``base``),
    to be read from another folder."""
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str(base / theme["custom_dir"])
    for plugin in config.get("plugins") or []:
        handlers = plugin.get("mkdocstrings", {}).get("handlers", {}) if isinstance(plugin, dict) else {}
        for handler in handlers.values():
            if "paths" in handler:
                handler["paths"] = [str(base / path) for path in handler["paths"]]
    return config


ENGINES = {"mkdocs": render_mkdocs, "zensical": render_zensical}


def engine_missing(engine: str) -> str | None:
    """Why ``engine`` cannot render here (told before any work is done), or None."""
    if engine != "zensical":
        return None  # MkDocs is a dependency of the project's own
    try:
        import zensical  # noqa: F401  (an optional dependency)
    except ImportError:
        return (
            "Zensical is not installed. Install it with `pip install -e '.[zensical]'` "
            "(or use the default engine, MkDocs)."
        )
    return None
