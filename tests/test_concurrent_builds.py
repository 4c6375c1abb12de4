"""Builds never collide: several builds of two corpora at once, from one checkout, each site
holding exactly its own corpus, and nothing left in the checkout or beside the sites."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from .conftest import SHORT, make_small_corpus
from .site_helpers import ROOT, load_yaml

pytestmark = pytest.mark.heavy  # builds a site, or runs the command many times: scheduled first

ONE = SHORT  # the subject is the builds, not the corpus: one short notice builds soonest
NOTICE = ONE[0]
MARK = "Second corpus: OECD principles"


def _second_corpus(tmp_path: Path) -> Path:
    corpus = make_small_corpus(tmp_path / "corpus-b", ONE)
    path = corpus / "notices" / NOTICE / "notice.yaml"
    meta = load_yaml(path.read_text("utf-8"))
    meta["short_title"] = MARK
    path.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return corpus


def _start(
    corpus: Path, project: Path, out: Path, command: str = "build", *extra: str, log: Path | None = None
) -> subprocess.Popen[str]:
    """A build (its output read when it ends), or with ``log`` a preview whose output goes to a
    file: nobody reads a pipe while it runs, and a full pipe would stop it."""
    one_process = ("--jobs", "1") if command == "build" else ()  # six at once already fill the cores
    command_line = [
        sys.executable,
        "-m",
        "tools",
        command,
        "--corpus",
        str(corpus),
        "--out",
        str(out),
        "--config",
        str(project),
        *one_process,
        *extra,
    ]
    if log is not None:
        with log.open("w", encoding="utf-8") as output:
            return subprocess.Popen(command_line, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT, text=True)
    return subprocess.Popen(command_line, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _short_title(site: Path) -> str:
    notices = json.loads((site / "data/notices.json").read_text("utf-8"))["notices"]
    return str(next(n["short_title"] for n in notices if n["id"] == NOTICE))


def test_builds_at_the_same_time_each_hold_their_own_corpus(project: Path, tmp_path: Path) -> None:
    corpus_a, corpus_b = make_small_corpus(tmp_path / "corpus-a", ONE), _second_corpus(tmp_path)
    checkout = project.parent  # the project the builds read (a copy, its reference a stub)
    before = _contents(checkout)
    # Left by a run that was killed earlier (SIGKILL skips clean-up) are not this test's business.
    stray_before = _stray(ROOT)
    sites = tmp_path / "sites"
    runs = {
        "a1": _start(corpus_a, project, sites / "a1"),
        "b1": _start(corpus_b, project, sites / "b1"),
        "a2": _start(corpus_a, project, sites / "a2"),
        "b2": _start(corpus_b, project, sites / "b2"),
    }
    # A maintainer's preview of corpus A at the same time (it writes only `.p.preview/`, never p/).
    log = tmp_path / "preview.log"
    preview = _start(corpus_a, project, sites / "p", "serve", "--no-watch", "--port", str(_free_port()), log=log)
    results = {name: run.communicate(timeout=900) for name, run in runs.items()}
    failed = {name: err for name, (_, err) in results.items() if runs[name].returncode != 0}
    assert failed == {}
    served = sites / ".p.preview" / "site"
    try:
        _wait_for(served / "pagefind" / "pagefind.js", preview, log)
    finally:
        preview.terminate()
        preview.communicate(timeout=60)
    for name, site in [*((name, sites / name) for name in runs), ("a-preview", served)]:
        expected = MARK if name.startswith("b") else "OECD AI Principles (2019, amended 2024)"
        assert _short_title(site) == expected, name
        page = (site / "notices" / NOTICE / "index.html").read_text("utf-8")
        assert (MARK in page) == name.startswith("b"), name
    # Only the sites and the preview's folder beside them; nothing new in the checkout.
    assert sorted(p.name for p in sites.iterdir()) == [".p.preview", "a1", "a2", "b1", "b2"]
    assert _contents(checkout) == before
    assert _stray(ROOT) == stray_before


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(path: Path, process: subprocess.Popen[str], log: Path, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert process.poll() is None, log.read_text("utf-8")
        assert time.monotonic() < deadline, f"{path} not written in {timeout}s"
        time.sleep(0.5)


def _contents(checkout: Path) -> list[str]:
    """What is in a checkout and its docs, but the notices ``serve`` has parsed, which it keeps
    in ``.cache/parse/`` for its next start (and nothing else there)."""
    names = [p.name for p in checkout.iterdir()] + [f"docs/{p.name}" for p in (checkout / "docs").iterdir()]
    cache = checkout / ".cache"
    if cache.exists():
        assert [p.name for p in cache.iterdir()] == ["parse"]
        names.remove(".cache")
    return sorted(names)


def _stray(root: Path) -> set[str]:
    """Work folders a build once made in the checkout (Zensical's project sat there)."""
    return {p.name for p in root.iterdir() if p.name.startswith((".zensical-", ".corpus"))}
