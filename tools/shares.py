"""Render with MkDocs in shares: several processes take shares of the pages as they free up.

MkDocs' own ``build`` reads and converts every page before it writes the first, so its memory
grows with the site. Here each process loads the configuration, files and navigation once (they
are the same in every process, so every page renders as a full build renders it), then for
each share it is given: reads and converts a batch of pages, writes them and lets them go. A
process keeps at most one batch of pages, so memory follows the batch, not the archive.

One share is the navigation's pages (the overview and hand-written pages) with the theme's
own files; only it runs the ``env`` event, where plugins do their whole-site work (mkdocstrings
writes its inventory, autorefs resolves cross-references): those are the pages that use them.
The pages outside the navigation (notices, measures, agencies, targets, themes: generated
Markdown with no plugin syntax) are dealt into many small shares, taken by whichever process is
free, so the processes finish together. Anchor links between pages are checked at the end, from
what each share reports.
"""

from __future__ import annotations

import logging
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from tools.files import compiled_templates
from tools.processes import own_peak_mb
from tools.render import RenderError, anchors_from_html, build_date, collected

BATCH = 200  # pages read and converted before they are written; bounds each process's memory
SHARES_PER_JOB = 32  # small shares, so that no process waits long for the last one
NAVIGATION = -1  # the share of the navigation's pages


@dataclass
class Share:
    """What one share rendered: its warnings, its pages' anchors and links to anchors, and the
    peak memory of the process that rendered it."""

    index: int
    warnings: list[str] = field(default_factory=list)
    anchors: dict[str, set[str]] = field(default_factory=dict)
    links: list[tuple[str, str, str, str]] = field(default_factory=list)  # from, to, anchor, as written
    process: int = 0
    peak_mb: float = 0.0
    anchor_level: int = logging.INFO  # the configuration's validation.links.anchors


@dataclass
class Rendered:
    """The shares of a whole render."""

    shares: list[Share]

    def peaks_mb(self) -> list[float]:
        """The peak memory of each process that rendered, in MB."""
        peaks: dict[int, float] = {}
        for share in self.shares:
            peaks[share.process] = max(peaks.get(share.process, 0.0), share.peak_mb)
        return [peaks[p] for p in sorted(peaks)]


def render_in_shares(config_file: Path, docs: Path, site_dir: Path, as_of: str, jobs: int = 1) -> Rendered:
    """Render ``docs`` into ``site_dir`` in ``jobs`` processes (1: in this one)."""
    from mkdocs.utils import clean_directory

    site_dir.mkdir(parents=True, exist_ok=True)
    clean_directory(str(site_dir))
    count = jobs * SHARES_PER_JOB
    tasks = [(config_file, docs, site_dir, as_of, index, count) for index in [NAVIGATION, *range(count)]]
    if jobs == 1:
        try:
            shares = [render_share(*task) for task in tasks]
        finally:
            _PREPARED.clear()
    else:
        # spawn, not fork: a clean interpreter per process, the same on every platform.
        with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
            shares = list(pool.map(render_share, *zip(*tasks, strict=True)))
    warnings = [w for s in shares for w in s.warnings] + _broken_anchors(shares)
    if warnings:
        raise RenderError("\n".join([*warnings, f"Aborted with {len(warnings)} warnings in strict mode!"]))
    return Rendered(shares)


_PREPARED: dict[tuple[Path, Path, Path], tuple[Any, Any, Any, Any]] = {}  # per process, per render


def render_share(config_file: Path, docs: Path, site_dir: Path, as_of: str, index: int, count: int) -> Share:
    """Render share ``index`` of ``count``: every ``count``-th page outside the navigation from
    the ``index``-th, and as many of the other files; or (``NAVIGATION``) the navigation's pages
    and the theme's files."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    share = Share(index, process=os.getpid())
    with collected() as messages, build_date(as_of):
        key = (config_file, docs, site_dir)
        if key not in _PREPARED:
            _PREPARED[key] = _prepare(config_file, docs, site_dir)
        config, files, nav, env = _PREPARED[key]
        doc_files = files.documentation_pages()
        share.anchor_level = config.validation.links.anchors
        if index == NAVIGATION:
            _write_theme_files(config, files, nav, env)
            mine = [f for f in doc_files if not f.inclusion.is_not_in_nav()]
        else:
            for f in [f for f in files if not f.is_documentation_page() and f.inclusion.is_included()][index::count]:
                f.copy_file()
            mine = [f for f in doc_files if f.inclusion.is_not_in_nav()][index::count]
        for start in range(0, len(mine), BATCH):
            env = _render_batch(mine[start : start + BATCH], config, files, nav, env, share)
        _PREPARED[key] = (config, files, nav, env)
        if index == NAVIGATION:
            config.plugins.on_post_build(config=config)
    share.warnings = list(messages)
    share.peak_mb = own_peak_mb()
    return share


def _prepare(config_file: Path, docs: Path, site_dir: Path) -> tuple[Any, Any, Any, Any]:
    """What MkDocs' build computes before it reads the first page: the same in every share."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files, set_exclusions
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    config = load_config(str(config_file), docs_dir=str(docs), site_dir=str(site_dir), strict=True)
    config.plugins["policy-archive-anchors"] = anchors_from_html()
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    files = get_files(config)
    env = config.theme.get_env()
    env.bytecode_cache = compiled_templates()
    env.auto_reload = False  # no template changes during a render: not one stat per include per page
    files.add_files_from_theme(env, config)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = get_navigation(files, config)
    nav = config.plugins.on_nav(nav, config=config, files=files)
    for f in files.documentation_pages():
        if f.page is None:
            Page(None, f, config)
    return config, files, nav, env


def _write_theme_files(config: Any, files: Any, nav: Any, env: Any) -> None:
    """The theme's templates (404, sitemap): they list pages but need none of them read."""
    from mkdocs.commands.build import _build_extra_template, _build_theme_template

    for template in config.theme.static_templates:
        _build_theme_template(template, env, files, config, nav)
    for template in config.extra_templates:
        _build_extra_template(template, files, config, nav)


def _render_batch(batch: list[Any], config: Any, files: Any, nav: Any, env: Any, share: Share) -> Any:
    """Read, convert and write these pages, keeping of each only its anchors; return the
    template environment (the navigation's share runs the env event on it)."""
    from mkdocs.commands.build import _build_page, _populate_page

    doc_files = files.documentation_pages()
    for f in batch:
        _populate_page(f.page, config, files)
    if share.index == NAVIGATION:
        env = config.plugins.on_env(env, config=config, files=files)
    for f in batch:
        page = f.page
        _build_page(page, config, doc_files, nav, env)
        share.anchors[f.src_uri] = set(page.present_anchor_ids or ())
        for to_file, links in (page.links_to_anchors or {}).items():
            share.links += [(f.src_uri, to_file.src_uri, anchor, link) for anchor, link in links.items()]
        page.markdown = page.content = None
        page.toc = []
        page.links_to_anchors = None
    return env


def _broken_anchors(shares: list[Share]) -> list[str]:
    """Links to an anchor that the page linked to does not have, as MkDocs words them; they
    count as warnings only if the configuration's ``validation.links.anchors`` says so."""
    level = shares[0].anchor_level
    anchors = {uri: ids for s in shares for uri, ids in s.anchors.items()}
    found = []
    for source, target, anchor, link in sorted(link for s in shares for link in s.links):
        if target not in anchors or anchor in anchors[target]:
            continue
        problem = (
            "there is no such anchor on this page"
            if target == source
            else f"the doc '{target}' does not contain an anchor '#{anchor}'"
        )
        message = f"Doc file '{source}' contains a link '{link}', but {problem}."
        logging.getLogger("mkdocs.structure.pages").log(level, message)
        if level >= logging.WARNING:
            found.append(message)
    return found
