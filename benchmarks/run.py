"""Benchmark: build synthetic corpora of N x the real one and measure every stage.

For each size N the five seed notices are cloned under new ids (N copies in all), then:
- a full build (per-stage wall time, pages, ms per page, peak memory, site and index size),
  with MkDocs and, for sizes up to --zensical-max, with Zensical;
- the bytes a typical search fetches in a real browser (Playwright + Debian's Chromium) and
  the time to its first results, against the size of the whole-index search Material's
  built-in (lunr) search would load for the same pages;
- the maintainer's preview as `serve` keeps it (warm, in memory): its first build, an update
  with nothing changed, then one notice's text changed: the time until its pages are rendered
  (the browser reloads then) and until the rest of the site and the search index are current.

Writes benchmarks/results/results.json, benchmarks/results/scaling.svg, a profile of the
Python stages, and the table between the benchmark markers in README.md.

    python benchmarks/run.py                 # N = 1, 8, 32
    python benchmarks/run.py --sizes 1 8 32 100 --zensical-max 32
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import hashlib
import io
import json
import os
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
STAGES = {
    "parse": r"parsed \d+ notices in ([\d.]+)s",
    "generate": r"generated \d+ pages in ([\d.]+)s",
    "render": r"rendered with \w+ in ([\d.]+)s",
    "index": r"indexed with Pagefind in ([\d.]+)s",
}
PEAKS = {  # each process's peak memory, as the build reports it (MB)
    "build": r"peak memory of the build's own process: ([\d.]+) MB",
    "render": r"rendered with \w+ in [\d.]+s \(\d+ process(?:es)?, peak ([\d. /]+) MB\)",
    "pagefind": r"indexed with Pagefind in [\d.]+s \(\d+ parts?, peak ([\d. /]+) MB\)",
}
CORES = len(os.sched_getaffinity(0))
QUERY = "computing power"


def is_seed(folder: Path) -> bool:
    """One of the five seed notices the benchmark's sizes are counted in (N× = 5N notices)."""
    meta = yaml.safe_load((folder / "notice.yaml").read_text("utf-8"))
    # A notice in several languages gives each text its own source (`texts:`).
    sources = [meta["source"]] if "source" in meta else [text["source"] for text in meta.get("texts", [])]
    return any(str(s.get("received_as", "")).startswith("shared/seeds/") for s in sources)


def make_corpus(n: int, dest: Path, base: str = "seeds") -> None:
    """n copies of the base notices (the five seeds, so that sizes compare with earlier runs,
    or the whole corpus); relations point to the clone's peers."""
    shutil.copytree(ROOT / "corpus", dest)
    for name in ("urls.lock", "redirects.yaml"):  # synthetic ids are never published
        (dest / name).unlink(missing_ok=True)
    originals = sorted(p for p in (dest / "notices").iterdir() if p.is_dir())
    if base == "seeds":
        for folder in originals:
            if not is_seed(folder):
                shutil.rmtree(folder)
        originals = [p for p in originals if p.exists()]
        kept = tuple(f"{p.name}--" for p in originals)
        for record in (dest / "progress").glob("*.yaml"):  # reports on the notices left out
            if not record.name.startswith(kept):
                record.unlink()
    for k in range(2, n + 1):
        for folder in originals:
            clone = folder.with_name(f"{folder.name}-x{k}")
            shutil.copytree(folder, clone)
            meta = clone / "notice.yaml"
            text = re.sub(r"(\n    notice: )([a-z0-9-]+)", rf"\g<1>\g<2>-x{k}", meta.read_text("utf-8"))
            text = re.sub(
                r"\nshort_title: (.*)", rf"\nshort_title: \g<1> (copy {k})", text
            )  # not " #k": a YAML comment
            meta.write_text(text, encoding="utf-8")


def run(command: list[str], log: Path) -> tuple[int, float, int]:
    """Run a command; return (exit code, wall seconds, peak resident memory in MB)."""
    start = time.perf_counter()
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
    return os.waitstatus_to_exitcode(status), time.perf_counter() - start, usage.ru_maxrss // 1024


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def build(corpus: Path, out: Path, engine: str, work: Path, extra: tuple[str, ...] = ()) -> dict[str, Any]:
    log = work / f"build-{engine}.log"
    command = [sys.executable, "-m", "tools", "build", "--corpus", str(corpus), "--out", str(out), "--engine", engine]
    code, wall, peak = run([*command, *extra], log)
    text = log.read_text()
    if code != 0:
        raise SystemExit(f"build failed ({engine}):\n{text[-2000:]}")
    stages = {name: float(m[1]) for name, rx in STAGES.items() if (m := re.search(rx, text))}
    peaks = {name: [float(v) for v in m[1].split(" / ")] for name, rx in PEAKS.items() if (m := re.search(rx, text))}
    pages = sum(1 for p in out.rglob("*.html") if "pagefind" not in p.parts)
    files = sum(1 for p in out.rglob("*") if p.is_file())
    return {"wall_s": round(wall, 2), "stages_s": stages, "pages": pages, "files": files, "ms_per_page": round(1000 * wall / pages, 2),
            "peak_mb": peak, "peaks_mb": peaks, "site_mb": round(size_mb(out), 1), "pagefind_mb": round(size_mb(out / "pagefind"), 2)}  # fmt: skip


def lunr_index_bytes(work: Path, corpus: Path) -> int:
    """The whole-site index Material's built-in search would ship for the same pages."""
    sys.path.insert(0, str(ROOT))
    from tools.generate import generate
    from tools.pipeline import build_archive

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    docs = work / "lunr-docs"  # the generated pages, without the front matter that keeps them out of search
    generate(build_archive(corpus), docs, ROOT / "docs")
    for page in docs.rglob("*.md"):
        page.write_text(page.read_text("utf-8").replace("search:\n  exclude: true\n", ""), encoding="utf-8")
    config.update(
        plugins=["search"], strict=False, site_dir=str(work / "lunr"),
        docs_dir=str(docs), theme={**config["theme"], "custom_dir": str(ROOT / "overrides")},
    )  # fmt: skip
    temp = work / "lunr.yml"
    temp.write_text(yaml.safe_dump(config))
    code, _, _ = run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(temp)], work / "lunr.log")
    if code != 0:
        raise SystemExit((work / "lunr.log").read_text()[-2000:])
    index = work / "lunr" / "search" / "search_index.json"
    return index.stat().st_size  # its folders go with the run's (see main())


# Timed in the page itself, so that nothing else (such as Playwright's own polling) runs on the
# page's thread meanwhile: from the input event until the first result is in the DOM, and until
# the browser has painted it (the next frame after it appears).
FIRST_RESULTS = """async ([query, input, result]) => {
  const box = document.querySelector(input);
  box.focus();
  let inDom = 0;
  const shown = new Promise((resolve) => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector(result)) return;
      observer.disconnect();
      inDom = performance.now();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
    }).observe(document.body, { subtree: true, childList: true });
  });
  const typed = performance.now();
  box.value = query;
  box.dispatchEvent(new Event("input", { bubbles: true }));
  const painted = await shown;
  return [inDom - typed, painted - typed];
}"""
SEARCHES = {  # where a visitor searches: the search page and the home page's box
    "search": ("search/", "pagefind-input[instance=page] input", "pagefind-results[instance=page] .pf-result-link"),
    "home": ("", "pagefind-searchbox[instance=home] input", "pagefind-searchbox[instance=home] a.pf-searchbox-result"),
}
RUNS = 5  # first visits, each in a fresh browser context; the median is reported


def _median(values: list[float]) -> int:
    return round(sorted(values)[len(values) // 2])


def _settle(page: Any, seen: dict[str, int]) -> None:
    """Wait until no response has arrived for half a second (the rest of the results' fragments)."""
    while True:
        before = len(seen)
        page.wait_for_timeout(500)
        if len(seen) == before:
            return


def search_in_browser(site: Path) -> dict[str, Any]:
    """Bytes fetched and time to first results for a visitor's first search, in Chromium."""
    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    from tests.site_helpers import serve

    times: dict[str, list[float]] = {name: [] for name in SEARCHES}
    in_dom: dict[str, list[float]] = {name: [] for name in SEARCHES}
    fetched: dict[str, int] = {}
    with serve(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        for run in range(RUNS):
            for name, (path, input_selector, result_selector) in SEARCHES.items():
                page = browser.new_context().new_page()
                seen: dict[str, int] = {}

                def count(response: Any, seen: dict[str, int] = seen) -> None:
                    with contextlib.suppress(PlaywrightError):  # the page closed first: not measured
                        seen[response.url] = len(response.body())

                page.on("response", count)
                page.goto(url + path)
                page.wait_for_load_state("networkidle")  # these pages preload Pagefind
                dom_ms, painted_ms = page.evaluate(FIRST_RESULTS, [QUERY, input_selector, result_selector])
                in_dom[name].append(dom_ms)
                times[name].append(painted_ms)
                _settle(page, seen)
                if run == 0 and name == "search":
                    fetched = seen
                page.context.close()
        browser.close()
    # Pagefind's engine and index (comparable with a whole-site index), and everything search
    # adds to a page: also the components' script and styles and our loader.
    engine = [n for u, n in fetched.items() if "/pagefind/" in u and "-ui." not in u and "highlight" not in u]
    all_search = [n for u, n in fetched.items() if "/pagefind/" in u or "/assets/search/" in u]
    return {
        "search_bytes": sum(engine), "search_requests": len(engine), "search_bytes_all": sum(all_search),
        "first_results_ms": _median(times["search"]), "first_results_home_ms": _median(times["home"]),
        "first_results_in_dom_ms": _median(in_dom["search"]), "first_results_home_in_dom_ms": _median(in_dom["home"]),
        "first_results_runs_ms": {name: [round(t) for t in ts] for name, ts in times.items()},
    }  # fmt: skip


def edit_one_notice(corpus: Path) -> None:
    """A maintainer's edit: one word of one notice's text (and its checksum)."""
    folder = corpus / "notices" / "shenzhen-ai-action-plan-2023-2024"
    source = folder / "source.txt"
    source.write_text(
        source.read_text("utf-8").replace("Build a city-level", "Build a municipal-level", 1), encoding="utf-8"
    )
    meta = folder / "notice.yaml"
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    meta.write_text(re.sub(r"sha256: [0-9a-f]{64}", f"sha256: {digest}", meta.read_text("utf-8")), encoding="utf-8")


def edit_one_agency(corpus: Path) -> None:
    """A maintainer's registry edit: a Chinese name for an agency the Shenzhen plan names."""
    registry = corpus / "agencies.yaml"
    line = '    name: "Shenzhen Municipal Industry and Information Technology Bureau"\n'
    registry.write_text(registry.read_text("utf-8").replace(line, line + '    name_zh: "深圳市工业和信息化局"\n'))


def preview(corpus: Path, work: Path) -> dict[str, float | str]:
    """The preview `serve` keeps: built once, then updated with nothing changed, then after one
    notice's text changed (pages first, then the rest of the site and search)."""
    sys.path.insert(0, str(ROOT))
    from tools.preview import PreviewSession

    session = PreviewSession(corpus, ROOT / "mkdocs.yml", work / "preview")
    timed: dict[str, float | str] = {}
    steps = {"start_s": session.start, "no_change_s": session.update}
    for name, step in steps.items():
        start = time.perf_counter()
        if not step().ok:
            raise SystemExit(f"preview failed at {name}")
        timed[name] = round(time.perf_counter() - start, 2)
    edit_one_notice(corpus)
    start = time.perf_counter()
    first = session.update()
    timed["one_notice_s"] = round(time.perf_counter() - start, 2)
    session.catch_up()
    timed["search_current_s"] = round(time.perf_counter() - start, 2)
    timed["first_pass_pages"] = first.rendered
    edit_one_agency(corpus)
    start = time.perf_counter()
    registry = session.update()
    timed["agency_edit_s"] = round(time.perf_counter() - start, 2)
    timed["agency_edit"] = registry.message  # which notices it redid: every copy names the agency
    session.catch_up()
    return timed


def profile(n: int, work: Path) -> str:
    """Where the Python stages spend their time (parse through generate), at size n."""
    sys.path.insert(0, str(ROOT))
    from tools.generate import generate
    from tools.pipeline import build_archive

    corpus = work / f"profile-corpus-{n}"
    make_corpus(n, corpus)
    profiler = cProfile.Profile()
    profiler.enable()
    archive = build_archive(corpus)
    generate(archive, work / "profile-docs", ROOT / "docs")
    profiler.disable()
    stream = io.StringIO()
    pstats.Stats(profiler, stream=stream).sort_stats("cumulative").print_stats(r"tools/", 25)
    return stream.getvalue()


def measure(
    n: int, zensical_max: int, work: Path, builds_only: bool = False, one_process_max: int = 100
) -> dict[str, Any]:
    """Every measurement at size n (``builds_only``: the two full builds alone; the one-process
    build only up to ``one_process_max``)."""
    corpus, out = work / "corpus", work / "site"
    make_corpus(n, corpus)
    result: dict[str, Any] = {"n": n, "notices": 5 * n}
    if n <= one_process_max:  # into a folder of its own, kept: see main() on removing files
        result["mkdocs_one_process"] = build(corpus, work / "site-one-process", "mkdocs", work, ("--jobs", "1"))
    result["mkdocs"] = build(corpus, out, "mkdocs", work, ("--jobs", str(CORES)))
    result["mkdocs"]["jobs"] = CORES
    if builds_only:
        return result
    result.update(search_in_browser(out))
    result["whole_index_bytes"] = lunr_index_bytes(work, corpus)
    result["search_share"] = round(result["search_bytes"] / result["whole_index_bytes"], 3)
    result["preview"] = preview(corpus, work)
    if n <= zensical_max:
        result["zensical"] = build(corpus, work / "site-zensical", "zensical", work)
    return result


def table(results: list[dict[str, Any]]) -> str:
    head = (
        "| N | notices | pages | files | parse s | generate s | render s | index s | total s | ms/page | peak MB "
        "| site MB | Pagefind MB | search KB (Pagefind) | whole-index KB (lunr) | share | search KB (all) "
        "| first results ms (search page / home) | preview: pages s | preview: search current s "
        "| preview: agency edit s | Zensical total s |\n|" + "---|" * 22
    )
    rows = []
    for r in results:
        m, s, v = r["mkdocs"], r["mkdocs"]["stages_s"], r["preview"]
        z = r.get("zensical", {}).get("wall_s", "—")
        rows.append(
            f"| {r['n']}× | {r['notices']} | {m['pages']} | {m['files']} | {s.get('parse', 0):.2f} "
            f"| {s.get('generate', 0):.2f} | {s.get('render', 0):.2f} | {s.get('index', 0):.2f} | {m['wall_s']:.1f} "
            f"| {m['ms_per_page']:.1f} | {m['peak_mb']} | {m['site_mb']} | {m['pagefind_mb']} "
            f"| {r['search_bytes'] / 1024:.0f} | {r['whole_index_bytes'] / 1024:.0f} | {r['search_share']:.1%} "
            f"| {r['search_bytes_all'] / 1024:.0f} | {r['first_results_ms']} / {r['first_results_home_ms']} "
            f"| {v['one_notice_s']:.2f} | {v['search_current_s']:.1f} | {v['agency_edit_s']:.2f} | {z} |"
        )
    return head + "\n" + "\n".join(rows)


def builds_table(results: list[dict[str, Any]]) -> str:
    """One process against every core: where the time goes, and each process's peak memory."""
    head = (
        "| N | pages | processes | parse s | generate s | render s | index s | total s | ms/page "
        "| peak MB: build / render processes / Pagefind |\n|" + "---|" * 10
    )
    rows = []
    for r in results:
        for m in [r[k] for k in ("mkdocs_one_process", "mkdocs") if k in r and "jobs" in r["mkdocs"]]:
            s, peaks = m["stages_s"], m.get("peaks_mb", {})
            jobs = m.get("jobs", 1)
            mb = " / ".join(f"{p:.0f}" for p in [*peaks.get("build", []), *peaks.get("render", [])])
            rows.append(
                f"| {r['n']}× | {m['pages']} | {jobs} | {s.get('parse', 0):.2f} | {s.get('generate', 0):.2f} "
                f"| {s.get('render', 0):.2f} | {s.get('index', 0):.2f} | {m['wall_s']:.1f} | {m['ms_per_page']:.1f} "
                f"| {mb} / {_pagefind_peak(peaks.get('pagefind', []))} |"
            )
    return head + "\n" + "\n".join(rows)


def _pagefind_peak(peaks: list[float]) -> str:
    """The largest Pagefind process's peak, and how many parts were indexed, one process each."""
    if not peaks:
        return "—"
    return f"{max(peaks):.0f}" + (f" ({len(peaks)} parts)" if len(peaks) > 1 else "")


def plot(results: list[dict[str, Any]]) -> str:
    """A small SVG: ms per page and search KB against corpus size (log scale on N)."""
    import math

    w, h, pad = 760, 300, 50
    xs = [math.log(r["n"]) for r in results]
    x0, x1 = min(xs), max(xs) or 1

    def x(v: float) -> float:
        return pad + (v - x0) / ((x1 - x0) or 1) * (w / 2 - 2 * pad)

    def panel(offset: float, title: str, series: list[tuple[str, list[float], str]]) -> str:
        top = max(max(vals) for _, vals, _ in series) or 1
        out = [f'<text x="{offset + pad}" y="20" font-size="13">{title}</text>']
        out.append(
            f'<line x1="{offset + pad}" y1="{h - pad}" x2="{offset + w / 2 - pad}" y2="{h - pad}" stroke="#999"/>'
        )
        for r, xv in zip(results, xs, strict=True):
            out.append(
                f'<text x="{offset + x(xv):.0f}" y="{h - pad + 16}" font-size="11" text-anchor="middle">{r["n"]}×</text>'
            )
        for i, (label, vals, color) in enumerate(series):
            pts = " ".join(
                f"{offset + x(xv):.1f},{h - pad - v / top * (h - 2 * pad):.1f}" for xv, v in zip(xs, vals, strict=True)
            )
            out.append(f'<polyline points="{pts}" fill="none" stroke="{color}" stroke-width="2"/>')
            out.append(
                f'<text x="{offset + pad}" y="{40 + 14 * i}" font-size="11" fill="{color}">{label} (max {max(vals):.1f})</text>'
            )
        return "".join(out)

    ms = [r["mkdocs"]["ms_per_page"] for r in results]
    ones = [r.get("mkdocs_one_process", r["mkdocs"])["ms_per_page"] for r in results]
    zs = [r.get("zensical", {}).get("ms_per_page", 0) for r in results]
    pf = [r["search_bytes"] / 1024 for r in results]
    lunr = [r["whole_index_bytes"] / 1024 for r in results]
    series = [("MkDocs, every core", ms, "#3949ab"), ("MkDocs, one process", ones, "#7986cb")]
    body = panel(0, "Build time per page (ms)", [*series, ("Zensical", zs, "#e65100")])
    body += panel(
        w / 2, "KB fetched by one search", [("Pagefind", pf, "#3949ab"), ("whole index (lunr)", lunr, "#c62828")]
    )
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" font-family="sans-serif">{body}</svg>\n'


def update_readme(text: str, marker: str = "benchmark") -> None:
    readme = ROOT / "README.md"
    content = readme.read_text()
    start, end = f"<!-- {marker}:start -->", f"<!-- {marker}:end -->"
    if start in content:
        before, rest = content.split(start, 1)
        after = rest.split(end, 1)[1]
        readme.write_text(f"{before}{start}\n{text}\n{end}{after}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--zensical-max", type=int, default=32, help="largest N also built with Zensical")
    parser.add_argument("--profile-size", type=int, default=8)
    parser.add_argument("--no-readme", action="store_true")
    parser.add_argument("--one-process-max", type=int, default=100, help="largest N also built in one process")
    parser.add_argument(
        "--builds-only",
        action="store_true",
        help="only the full builds (one process, every core); the other figures are kept from results.json",
    )
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    kept = {r["n"]: r for r in json.loads((RESULTS / "results.json").read_text())} if args.builds_only else {}
    # Every size's folders are removed at the end of the run, not before the next size: on a
    # file system without a journal (this machine's), ext4 creates files slowly for minutes after
    # many were removed, and a measurement would pay for the clean-up of the one before it.
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        for n in args.sizes:
            print(f"N={n}: building …", flush=True)
            work = Path(tmp) / f"n{n}"
            work.mkdir()
            kept[n] = {**kept.get(n, {}), **measure(n, args.zensical_max, work, args.builds_only, args.one_process_max)}
            print(json.dumps(kept[n]), flush=True)
    results = [kept[n] for n in sorted(kept)]
    if not args.builds_only:
        with tempfile.TemporaryDirectory(prefix="bench-profile-") as tmp:
            (RESULTS / "profile.txt").write_text(profile(args.profile_size, Path(tmp)))
    (RESULTS / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    complete = [r for r in results if "search_bytes" in r]  # sizes measured in full (300x: builds only)
    (RESULTS / "scaling.svg").write_text(plot(complete))
    text, builds = table(complete), builds_table(results)
    print(text, builds, sep="\n\n")
    if not args.no_readme:
        update_readme(text)
        update_readme(builds, "builds")


if __name__ == "__main__":
    main()
