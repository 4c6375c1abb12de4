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


def make_small_corpus(target: Path, keep: tuple[str, ...]) -> Path:
    """A copy of the corpus with only some notices, for tests whose subject is not the corpus
    (escaping, concurrency, previews): it builds in a few seconds. Without those notices the
    published URLs of the others would vanish, so the copy has no URL lock."""
    shutil.copytree(CORPUS, target)
    for folder in (target / "notices").iterdir():
        if folder.name not in keep:
            shutil.rmtree(folder)
    (target / "urls.lock").unlink()
    return target


SMALL = ("shenzhen-ai-action-plan-2023-2024", "cn-state-council-ai-plus-opinions-2025")


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """Two notices, one English and one Chinese, with no URL lock."""
    return make_small_corpus(tmp_path / "corpus", SMALL)


Cli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def cli() -> Cli:
    """Run the real console command in a child process, as a maintainer would."""

    def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "tools", *args], cwd=cwd, capture_output=True, text=True, timeout=600, check=False
        )

    return run
