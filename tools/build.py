"""Build: corpus → checked archive → Markdown → HTML → search index, swapped in atomically."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tools import export, urls
from tools.files import remove_tree, swap_into_place
from tools.generate import generate
from tools.index import PagefindError, index_site, set_languages
from tools.models import Archive, Problem
from tools.pipeline import build_archive
from tools.processes import own_peak_mb
from tools.render import ENGINES, RenderError, engine_missing, read_config

Say = Callable[[str], None]


@dataclass
class BuildResult:
    ok: bool
    problems: list[Problem] = field(default_factory=list)
    message: str = ""
    timings: dict[str, float] = field(default_factory=dict)
    pages: int = 0


def work_folder(out: Path) -> Path:
    """A fresh folder of this build's own, beside its output: generated pages and HTML go there,
    so builds at the same time (``serve``, tests, other outputs) never touch each other's files."""
    out.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out.name}.build-", dir=out.parent))


def preview_folder(out: Path) -> Path:
    """Where a maintainer's preview of ``out`` keeps its generated pages between rebuilds."""
    return out.parent / f".{out.name}.preview"


def build_site(
    corpus: Path,
    out: Path,
    config_file: Path,
    say: Say = print,
    progress: Callable[[int, int], None] | None = None,
    engine: str = "mkdocs",
    jobs: int = 1,
    cache: Path | None = None,
) -> BuildResult:
    """Build the whole site into ``out``, in a folder of its own swapped in at the end: on any
    failure ``out`` is left as it was. ``jobs``: processes that parse, write and render pages
    (the site is the same for any number); ``cache``: a folder of parsed notices to reuse and
    keep (``pipeline.build_archive``). (A maintainer's preview is ``tools.preview``.)"""
    timings: dict[str, float] = {}
    if missing := engine_missing(engine):
        return BuildResult(False, [], missing, timings)
    start = time.perf_counter()
    archive = build_archive(corpus, cache, jobs=jobs)
    timings["parse"] = time.perf_counter() - start
    if archive.errors:
        return BuildResult(False, archive.problems, "the corpus has errors; nothing was built", timings)
    say(f"parsed {len(archive.notices)} notices in {timings['parse']:.2f}s")
    return _render(archive, out, config_file, say, progress, timings, engine, jobs)


def _render(
    archive: Archive,
    out: Path,
    config_file: Path,
    say: Say,
    progress: Callable[[int, int], None] | None,
    timings: dict[str, float],
    engine: str = "mkdocs",
    jobs: int = 1,
) -> BuildResult:
    site_url = str(read_config(config_file).get("site_url") or "")
    work = work_folder(out)
    try:
        t = time.perf_counter()
        docs = work / "docs"
        pages = len(generate(archive, docs, config_file.parent / "docs", site_url, progress, jobs=jobs))
        timings["generate"] = time.perf_counter() - t
        say(f"generated {pages} pages in {timings['generate']:.2f}s")
        staging = work / "site"
        t = time.perf_counter()
        peaks = ENGINES[engine](config_file, docs, staging, export.as_of(archive), jobs)
        timings["render"] = time.perf_counter() - t
        processes = f"{jobs} process{'es' * (jobs > 1)}" + (f", peak {_mb(peaks)}" if peaks else "")
        say(f"rendered with {engine} in {timings['render']:.2f}s ({processes})")
        t = time.perf_counter()
        set_languages(staging, page_languages(archive))
        indexed = index_site(staging, jobs=jobs)
        timings["index"] = time.perf_counter() - t
        parts = f"{indexed.parts} part{'s' * (indexed.parts > 1)}"
        say(f"indexed with Pagefind in {timings['index']:.2f}s ({parts}, peak {_mb(indexed.peaks_mb)})")
        swap_into_place(staging, out)
        say(f"peak memory of the build's own process: {_mb([own_peak_mb()])}")
    except (RenderError, PagefindError, OSError) as exc:
        return BuildResult(False, archive.problems, f"build failed, previous site kept: {exc}", timings)
    finally:
        remove_tree(work)
    return BuildResult(True, archive.problems, f"site written to {out}", timings, pages)


def _mb(peaks: list[float]) -> str:
    return " / ".join(f"{p:.0f}" for p in peaks) + " MB"


def page_languages(archive: Archive) -> dict[str, str]:
    """The pages that carry a notice's own text, for notices not in English."""
    out: dict[str, str] = {}
    for n in archive.notices:
        lang = str(n.meta.get("language", "en"))
        if not lang.startswith("en"):
            pages = [urls.notice(n.id), *(urls.measure(n.id, m.id) for m in n.parsed.measures)]
            pages += [urls.version(n.id, v["id"]) for v in n.meta.get("versions") or []]
            out |= dict.fromkeys([*pages, urls.search(lang)], lang)
        for language in n.translations:
            pages = [
                urls.notice_text(n.id, language),
                *(urls.measure_text(n.id, m.id, language) for m in n.parsed.measures),
            ]
            out |= dict.fromkeys([*pages, urls.search(language)], language)
    return out
