"""Shared fixtures: the real corpus, run through the real pipeline."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tools.models import Archive
from tools.pipeline import build_archive

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def archive() -> Archive:
    return build_archive(CORPUS)


@dataclass(frozen=True)
class SharedSite:
    """The site every test that only reads a site shares: built once per run (across xdist
    workers too), from a copy of the corpus taken when the run began."""

    path: Path
    corpus: Path
    built_after: float  # when this run's first request for it came (time.time())
    output: str  # what the build printed


@pytest.fixture(scope="session")
def shared_site(tmp_path_factory: pytest.TempPathFactory) -> SharedSite:
    from filelock import FileLock

    from tools.shares import default_jobs

    from .site_helpers import build

    run = _run_folder(tmp_path_factory)
    folder = run / "shared-site"
    with FileLock(str(run / "shared-site.lock")):
        if not (folder / "done.json").exists():
            started = time.time()
            shutil.rmtree(folder, ignore_errors=True)
            shutil.copytree(CORPUS, folder / "corpus")
            # At least two processes, so the byte-for-byte test compares rendering in shares with one.
            result = build(folder / "site", folder / "corpus", "--jobs", str(max(2, default_jobs())))
            assert result.returncode == 0, result.stderr
            (folder / "done.json").write_text(json.dumps({"started": started, "output": result.stderr}))
    done = json.loads((folder / "done.json").read_text())
    return SharedSite(folder / "site", folder / "corpus", done["started"], done["output"])


def _run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of this run's own, the same for every xdist worker (their base folders' parent)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def site(shared_site: SharedSite) -> Path:
    """The real corpus built into a site once per run, through the real command."""
    return shared_site.path


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A private copy of the corpus that a test may break."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


def make_small_corpus(target: Path, keep: tuple[str, ...], lock: bool = False) -> Path:
    """A copy of the corpus with only some notices, for tests whose subject is not the whole
    corpus (escaping, concurrency, previews, a change to one notice): it builds in a few seconds.
    Without those notices the published URLs of the others would vanish, so the copy's URL lock
    is removed, or (``lock``) keeps only the URLs of what is kept."""
    shutil.copytree(CORPUS, target)
    dropped = [f.name for f in (target / "notices").iterdir() if f.name not in keep]
    for name in dropped:
        shutil.rmtree(target / "notices" / name)
    lock_file = target / "urls.lock"
    if not lock:
        lock_file.unlink()
        return target
    gone = tuple(f"{where}/{name}{end}" for name in dropped for where, end in (("notices", "/"), ("targets", "--")))
    lines = lock_file.read_text("utf-8").splitlines(keepends=True)
    lock_file.write_text("".join(line for line in lines if not line.startswith(gone)), encoding="utf-8")
    return target


SMALL = ("shenzhen-ai-action-plan-2023-2024", "cn-state-council-ai-plus-opinions-2025")


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """Two notices, one English and one Chinese, with no URL lock."""
    return make_small_corpus(tmp_path / "corpus", SMALL)


@pytest.fixture
def shenzhen_corpus(tmp_path: Path) -> Path:
    """The Shenzhen plan alone, with its published URLs locked: for a test that changes one
    notice and builds, a site of a few seconds instead of the whole archive's."""
    return make_small_corpus(tmp_path / "corpus", ("shenzhen-ai-action-plan-2023-2024",), lock=True)


Cli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def cli() -> Cli:
    """Run the real console command in a child process, as a maintainer would."""

    def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "tools", *args], cwd=cwd, capture_output=True, text=True, timeout=600, check=False
        )

    return run
