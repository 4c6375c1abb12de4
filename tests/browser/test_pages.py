"""The pages in a real browser (Debian's Chromium through Playwright), on the run's shared site.

Covers: axe-core on every kind of page (and with search results showing), tables at phone and
desk widths, screenshots at both widths and in dark mode (saved in test-artifacts/), and no
request to any other host.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import ARTIFACTS, JINGAN, assert_no_request_left_the_site

pytestmark = [pytest.mark.browser, pytest.mark.heavy]


AXE_PAGES = {
    "home": "",
    "notice": JINGAN,
    "measure": JINGAN + "iv-6/",
    "agency": "agencies/shenzhen-industry-and-information-technology-bureau/",
    "targets": "targets/",
    "target": "targets/jingan-ai-demonstration-zone-2026-2028--i--50-projects/",
    "compare": "compare/",
    "themes": "themes/",
    "search": "search/",
}
# label-content-name-mismatch: off by default in axe (experimental), and exactly what WCAG 2.5.3
# asks: run it. resultTypes: every violation is still reported with all its nodes; passes and
# the like stop at their first node (the long tables took half a minute each without it).
AXE_OPTIONS = {"rules": {"label-content-name-mismatch": {"enabled": True}}, "resultTypes": ["violations"]}


def _serious(page: Page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=AXE_OPTIONS)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


@pytest.mark.parametrize("name", AXE_PAGES)
def test_axe_finds_no_serious_violation(page: Page, base_url: str, name: str) -> None:
    page.goto(base_url + AXE_PAGES[name])
    if name == "search":
        page.locator("pagefind-input[instance=page] input").fill("computing power")
        expect(page.locator("pagefind-results[instance=page] .pf-result-link").first).to_be_visible()
    assert _serious(page) == []


def test_axe_with_results_showing_in_the_home_box_and_the_dialog(page: Page, base_url: str) -> None:
    page.goto(base_url)
    page.locator("pagefind-searchbox[instance=home] input").fill("computing power")
    expect(page.locator('pagefind-searchbox[instance=home] [role="option"]').first).to_be_visible()
    assert _serious(page) == []
    page.goto(base_url + "themes/")
    page.keyboard.press("Control+k")
    page.keyboard.type("computing power")
    expect(page.locator("pagefind-modal pagefind-results a").first).to_be_visible()
    assert _serious(page) == []


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


@pytest.mark.parametrize("width", [360, 1280])
def test_tables_read_at_phone_and_desk_widths(browser: Browser, base_url: str, width: int) -> None:
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    page = ctx.new_page()
    ARTIFACTS.mkdir(exist_ok=True)
    for name in ("compare", "targets", "themes", "notices"):
        page.goto(base_url + f"{name}/")
        assert page.evaluate(WORDS_BROKEN) == [], f"{name} at {width}px breaks words"
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{name} scrolls sideways at {width}px"
        page.screenshot(path=str(ARTIFACTS / f"table-{name}-{width}.png"), full_page=False)
    page.goto(base_url + "compare/")
    first_column = page.locator(".table-wide tbody tr > :first-child").first
    assert first_column.evaluate("e => getComputedStyle(e).position") == "sticky"
    records = page.locator(".table-wrap:not(.table-wide) tbody tr").first
    display = records.evaluate("e => getComputedStyle(e).display")
    assert display == ("block" if width == 360 else "table-row")  # cards on a phone
    if width == 1280:  # the wide pages give their tables the whole width
        assert page.locator(".md-sidebar--primary").evaluate("e => e.hidden || getComputedStyle(e).display == 'none'")
    ctx.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_screenshots_and_layout(browser: Browser, base_url: str, width: int, requests_seen: list[str]) -> None:
    ctx = browser.new_context(viewport={"width": width, "height": 800})
    ctx.on("request", lambda r: requests_seen.append(r.url))
    page = ctx.new_page()
    ARTIFACTS.mkdir(exist_ok=True)
    for name, path in AXE_PAGES.items():
        page.goto(base_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{name} scrolls sideways at {width}px"
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=False)
    page.emulate_media(color_scheme="dark")
    page.goto(base_url)
    page.screenshot(path=str(ARTIFACTS / f"home-{width}-dark.png"))
    ctx.close()


def test_no_request_leaves_the_site(requests_seen: list[str], base_url: str) -> None:
    # Runs last in this module: every page visited above was recorded.
    assert_no_request_left_the_site(requests_seen, base_url)
