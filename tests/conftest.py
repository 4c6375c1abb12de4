"""Shared fixtures: the real corpus, run through the real pipeline."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tools.models import Archive
from tools.pipeline import build_archive

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def archive() -> Archive:
    return build_archive(CORPUS)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real corpus built into a site once, through the real command."""
    from .site_helpers import build

    out = tmp_path_factory.mktemp("build") / "site"
    result = build(out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A private copy of the corpus that a test may break."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


Cli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def cli() -> Cli:
    """Run the real console command in a child process, as a maintainer would."""

    def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "tools", *args], cwd=cwd, capture_output=True, text=True, timeout=600, check=False
        )

    return run
