"""The pages in a real browser (Debian's Chromium through Playwright), on the run's shared site.

Covers: pages and tables at phone and desk widths, screenshots at both widths and in dark mode
(saved in test-artifacts/), and no request to any other host. axe-core is in test_axe.py (a file of its
own, so the two cores share the browser tests evenly).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .conftest import ARTIFACTS, ENDLESS_ANIMATIONS, PAGES, assert_no_request_left_the_site

pytestmark = [pytest.mark.browser, pytest.mark.heavy]


WORDS_BROKEN = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll('.table-wrap th, .table-wrap td')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.textContent.matchAll(/[A-Za-z0-9'’]{2,}/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""


# The pages with long tables (each page is loaded once per width for all that is read of it).
TABLES = {"targets": "targets/", "themes": "themes/", "notices": "notices/", "compare": "compare/"}


@pytest.mark.parametrize("width", [360, 1280])
def test_pages_and_tables_at_phone_and_desk_widths(page: Page, base_url: str, width: int) -> None:
    """One page of each kind and the table pages: nothing scrolls sideways; in the tables no
    word breaks across lines, a wide table's first column stays in view, a list's records are
    cards on a phone, and the wide pages give their tables the whole width; no animation runs for
    as long as the page is open; a screenshot of each (test-artifacts/), and of the home page in
    dark mode."""
    page.set_viewport_size({"width": width, "height": 800})
    ARTIFACTS.mkdir(exist_ok=True)
    for name, path in {**PAGES, **TABLES}.items():
        page.goto(base_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{name} scrolls sideways at {width}px"
        assert page.evaluate(ENDLESS_ANIMATIONS) == 0, f"{name} has an animation that never ends"
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=False)
        if name in TABLES:
            assert page.evaluate(WORDS_BROKEN) == [], f"{name} at {width}px breaks words"
        if name == "compare":
            first_column = page.locator(".table-wide tbody tr > :first-child").first
            assert first_column.evaluate("e => getComputedStyle(e).position") == "sticky"
            records = page.locator(".table-wrap:not(.table-wide) tbody tr").first
            display = records.evaluate("e => getComputedStyle(e).display")
            assert display == ("block" if width == 360 else "table-row")  # cards on a phone
            if width == 1280:  # the wide pages give their tables the whole width
                primary = page.locator(".md-sidebar--primary")
                assert primary.evaluate("e => e.hidden || getComputedStyle(e).display == 'none'")
    page.emulate_media(color_scheme="dark")
    page.goto(base_url)
    page.screenshot(path=str(ARTIFACTS / f"home-{width}-dark.png"))


def test_no_request_leaves_the_site(requests_seen: list[str], base_url: str) -> None:
    # Runs last in this module: every page visited above was recorded.
    assert_no_request_left_the_site(requests_seen, base_url)
