"""An archive indexed in parts (each by a Pagefind process of its own, so memory follows the
part, not the archive) is searched as one: the shared site indexed again in parts, side by side
with its one-part index, in a real browser."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tools.index import index_site

from ..conftest import SharedSite
from ..site_helpers import serve
from .conftest import PREFIX

pytestmark = [pytest.mark.browser, pytest.mark.heavy]

# Every result of a search through the site's own search module (parts merged), with its page's
# URL (as the site writes it) and the filter counts.
SEARCH_ALL = """async ([root, term]) => {
  const search = await import(root + "assets/search/pagefind.js");
  const pagefind = search.createInstance({});
  const found = await pagefind.search(term);
  const pages = await Promise.all(found.results.map((r) => r.data()));
  return { count: found.unfilteredResultCount, urls: pages.map((p) => p.url), filters: await pagefind.filters() };
}"""


def _search(page: Page, root: str, path: str, term: str) -> dict[str, Any]:
    page.goto(root + path)
    found: dict[str, Any] = page.evaluate(SEARCH_ALL, [root, term])
    return found


@pytest.fixture(scope="module")
def in_parts(shared_site: SharedSite, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[float]]:
    """The shared site's pages (linked, not copied) indexed again in parts of 500 pages."""
    parted = tmp_path_factory.mktemp("parts") / "site"
    shutil.copytree(shared_site.path, parted, copy_function=os.link)
    indexed = index_site(parted, part_pages=500, jobs=2)
    return parted, indexed.peaks_mb


def test_each_part_is_indexed_by_a_process_of_its_own_that_holds_less(
    in_parts: tuple[Path, list[float]], shared_site: SharedSite
) -> None:
    parted, peaks = in_parts
    listing = json.loads((parted / "pagefind/parts.json").read_text("utf-8"))
    assert len(peaks) == 3 and [p["path"] for p in listing["parts"]] == ["part-2/", "part-3/"]
    for part in listing["parts"]:
        entry = json.loads((parted / "pagefind" / part["path"] / "pagefind-entry.json").read_text("utf-8"))
        assert sorted(entry["languages"]) == part["languages"] == sorted(listing["languages"])
        assert not list((parted / "pagefind" / part["path"]).glob("*.js"))  # searched by the first's engine
    whole = json.loads((shared_site.path / "pagefind/parts.json").read_text("utf-8"))
    assert whole["parts"] == [] and listing["languages"] == whole["languages"]
    found = re.search(r"indexed with Pagefind in [\d.]+s \(1 part, peak ([\d.]+) MB\)", shared_site.output)
    assert found, shared_site.output
    assert max(peaks) < float(found[1]), (peaks, found[1])


@pytest.mark.parametrize(
    ("path", "term"),
    [("search/", "computing power"), ("search/zh/", "算力")],  # each page's fragment is loaded: a few terms
)
def test_an_index_in_parts_finds_what_the_whole_index_finds(
    page: Page, site: Path, in_parts: tuple[Path, list[float]], path: str, term: str
) -> None:
    with serve(site, PREFIX) as whole_root, serve(in_parts[0], PREFIX) as parts_root:
        whole, parts = _search(page, whole_root, path, term), _search(page, parts_root, path, term)
    assert whole["count"] > 5 and parts["count"] == whole["count"]
    # The same pages (only their order may differ: each part ranks by its own word counts).
    assert sorted(parts["urls"]) == sorted(whole["urls"]) and all(u.startswith(PREFIX) for u in parts["urls"])
    assert parts["filters"] == whole["filters"]


def test_the_search_page_lists_results_from_every_part(page: Page, in_parts: tuple[Path, list[float]]) -> None:
    with serve(in_parts[0], PREFIX) as root:
        page.goto(root + "search/")
        page.locator("pagefind-input[instance=page] input").fill("computing power")
        summary = page.locator("pagefind-summary[instance=page]")
        expect(summary).to_have_text(re.compile(r"\d+ results? for computing power"))
        count = int(re.findall(r"\d+", summary.inner_text())[0])
        assert count == _search(page, root, "search/", "computing power")["count"]
        page.goto(root + "search/")
        page.locator("pagefind-input[instance=page] input").fill("computing power")
        first = page.locator("pagefind-results[instance=page] .pf-result-link").first
        expect(first).to_be_visible()
        first.click()
        expect(page.locator("h1")).to_be_visible()
