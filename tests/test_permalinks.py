"""Permalinks are a promise: the lock catches a URL that would disappear; a redirect keeps it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools import urls
from tools.models import Archive

from .conftest import Cli
from .site_helpers import build
from .test_check import _rehash, edit

pytestmark = pytest.mark.heavy  # builds a site, or runs the command many times: scheduled first

SHENZHEN = "notices/shenzhen-ai-action-plan-2023-2024"


def test_lock_lists_every_published_url(archive: Archive) -> None:
    lock = (Path(__file__).parent.parent / "corpus/urls.lock").read_text().split()
    assert "notices/shenzhen-ai-action-plan-2023-2024/m-16/" in lock
    assert "notices/shanghai-ai-industry-regulations/art-72/" in lock
    assert "agencies/jingan-science-technology-and-economy-commission/" in lock
    # The committed corpus through the whole pipeline, its checks included (what `check` prints).
    assert [str(p) for p in archive.problems if "not yet in the lock" in p.message] == []


def _drop_measure_18(corpus: Path) -> None:
    """A corrected text that merges measure (18) into (17): m-18 would vanish."""
    edit(corpus / SHENZHEN / "source.txt", "(18) Strengthen safety supervision.", "Strengthen safety supervision.")
    _rehash(corpus, SHENZHEN)
    edit(corpus / SHENZHEN / "notice.yaml", "expect_measures: 18", "expect_measures: 17")


def test_a_vanishing_url_fails_the_check(cli: Cli, shenzhen_corpus: Path) -> None:
    _drop_measure_18(shenzhen_corpus)
    result = cli("check", "--corpus", str(shenzhen_corpus))
    assert result.returncode == 1
    line = next(ln for ln in result.stderr.splitlines() if "m-18/ would disappear" in ln)
    lock_line = (shenzhen_corpus / "urls.lock").read_text().splitlines().index(f"{SHENZHEN}/m-18/") + 1
    assert line.startswith(f"{shenzhen_corpus}/urls.lock:{lock_line}:")


def test_a_redirect_keeps_it(cli: Cli, shenzhen_corpus: Path, project: Path, tmp_path: Path) -> None:
    _drop_measure_18(shenzhen_corpus)
    (shenzhen_corpus / "redirects.yaml").write_text(f"redirects:\n  {SHENZHEN}/m-18/: {SHENZHEN}/m-17/\n")
    result = cli("check", "--corpus", str(shenzhen_corpus))
    assert result.returncode == 0, result.stderr
    out = tmp_path / "site"
    assert build(out, shenzhen_corpus, "--config", str(project)).returncode == 0
    page = (out / SHENZHEN / "m-18/index.html").read_text()
    assert 'content="0; url=../m-17/"' in page and "location.hash" in page


def test_a_redirect_must_point_to_a_page(cli: Cli, shenzhen_corpus: Path) -> None:
    (shenzhen_corpus / "redirects.yaml").write_text(f"redirects:\n  old/page/: {SHENZHEN}/m-99/\n")
    result = cli("check", "--corpus", str(shenzhen_corpus))
    assert result.returncode == 1
    assert f"{shenzhen_corpus}/redirects.yaml:2: redirect target {SHENZHEN}/m-99/ is not a page" in result.stderr


def test_each_page_is_made_from_a_markdown_file_that_names_its_url(archive: Archive) -> None:
    # A notice's inner pages are `<url>.md` (no folder of their own in the docs: thousands fewer
    # to make and remove); the pages near the top keep `<url>index.md`, where mkdocs.yml's
    # not_in_nav patterns expect them. Either way the published URL is the same.
    n = next(n for n in archive.notices if n.translations)
    m, language = n.parsed.measures[0], sorted(n.translations)[0]
    inner = [
        urls.measure(n.id, m.id),
        urls.measure_text(n.id, m.id, language),
        urls.notice_text(n.id, language),
        urls.target_kind("count"),  # inside targets/kinds/, as a notice's pages are inside its folder
    ]
    top = ["", "notices/", urls.notice(n.id), urls.agency("cn-cac"), urls.target("t")]
    assert [urls.source(u) for u in inner] == [u[:-1] + ".md" for u in inner]
    assert [urls.source(u) for u in top] == [u + "index.md" for u in top]
    assert all(urls.page_of(urls.source(u)) == u for u in inner + top)
    assert urls.page_of("about.md") == "about/" and urls.page_of("notices/n/source.txt") is None
