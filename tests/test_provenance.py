"""Provenance: earlier versions stay reachable at a dated URL, with what changed."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from .conftest import Cli
from .site_helpers import build
from .test_check import edit

pytestmark = pytest.mark.heavy  # builds a site, or runs the command many times: scheduled first

SHENZHEN = "notices/shenzhen-ai-action-plan-2023-2024"


def _add_earlier_version(corpus: Path) -> None:
    """The current text corrects a typo; the version received before it is archived."""
    folder = corpus / SHENZHEN
    (folder / "versions").mkdir()
    earlier = (folder / "source.txt").read_text().replace("Build a city-level", "Biuld a city-level", 1)
    (folder / "versions/2026-01-10.txt").write_text(earlier)
    digest = hashlib.sha256(earlier.encode()).hexdigest()
    with (folder / "notice.yaml").open("a") as fh:
        fh.write(
            "versions:\n  - id: 2026-01-10\n    file: versions/2026-01-10.txt\n"
            f"    sha256: {digest}\n    retrieved: 2026-01-10\n    note: First translation received; a typo was corrected.\n"
        )


def test_earlier_version_has_a_dated_page_with_the_change(
    cli: Cli, shenzhen_corpus: Path, project: Path, tmp_path: Path
) -> None:
    _add_earlier_version(shenzhen_corpus)
    assert cli("lock", "--corpus", str(shenzhen_corpus)).returncode == 0
    result = cli("check", "--corpus", str(shenzhen_corpus))
    assert result.returncode == 0, result.stderr
    out = tmp_path / "site"
    assert build(out, shenzhen_corpus, "--config", str(project)).returncode == 0
    page = (out / SHENZHEN / "versions/2026-01-10/index.html").read_text()
    assert "<del>(1) Biuld a city-level" in page and "<ins>(1) Build a city-level" in page
    assert (out / SHENZHEN / "versions/2026-01-10/source.txt").read_text().count("Biuld") == 1
    notice = (out / SHENZHEN / "index.html").read_text()
    assert 'href="versions/2026-01-10/"' in notice
    assert f"{SHENZHEN}/versions/2026-01-10/" in (shenzhen_corpus / "urls.lock").read_text()


def test_a_changed_archived_version_is_refused(cli: Cli, shenzhen_corpus: Path) -> None:
    _add_earlier_version(shenzhen_corpus)
    edit(shenzhen_corpus / SHENZHEN / "versions/2026-01-10.txt", "Biuld", "Build")
    result = cli("check", "--corpus", str(shenzhen_corpus))
    assert result.returncode == 1
    assert "sha256 of versions/2026-01-10.txt does not match; an archived version never changes" in result.stderr
