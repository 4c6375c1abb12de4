"""axe-core on every kind of page of the run's shared site (and with search results showing), in
a real browser (Debian's Chromium through Playwright), and no request to any other host."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .conftest import PAGES, assert_no_request_left_the_site

pytestmark = [pytest.mark.browser, pytest.mark.heavy]


# label-content-name-mismatch: off by default in axe (experimental), and exactly what WCAG 2.5.3
# asks: run it. resultTypes: every violation is still reported with all its nodes; passes and
# the like stop at their first node (the long tables took half a minute each without it).
AXE_OPTIONS = {"rules": {"label-content-name-mismatch": {"enabled": True}}, "resultTypes": ["violations"]}


def _serious(page: Page, within: str | None = None) -> list[str]:
    """Serious and critical violations on the page, or (``within``: a CSS selector) in that part of it."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=within, options=AXE_OPTIONS)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_serious_violation(page: Page, base_url: str, name: str) -> None:
    page.goto(base_url + PAGES[name])
    if name == "search":
        page.locator("pagefind-input[instance=page] input").fill("computing power")
        expect(page.locator("pagefind-results[instance=page] .pf-result-link").first).to_be_visible()
    assert _serious(page) == []


def test_axe_with_results_showing_in_the_home_box_and_the_dialog(page: Page, base_url: str) -> None:
    # The home box with its results (the page around it is the home page checked above: a second
    # run over all of it took three times as long), then the dialog, which makes the page inert.
    page.goto(base_url)
    page.locator("pagefind-searchbox[instance=home] input").fill("computing power")
    expect(page.locator('pagefind-searchbox[instance=home] [role="option"]').first).to_be_visible()
    assert _serious(page, "pagefind-searchbox[instance=home]") == []
    page.goto(base_url + "themes/")
    page.keyboard.press("Control+k")
    page.keyboard.type("computing power")
    expect(page.locator("pagefind-modal pagefind-results a").first).to_be_visible()
    assert _serious(page) == []


def test_no_request_leaves_the_site(requests_seen: list[str], base_url: str) -> None:
    # Runs last in this module: every page visited above was recorded.
    assert_no_request_left_the_site(requests_seen, base_url)
