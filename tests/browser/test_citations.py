"""Citing inside a law, in a real browser: a link to a paragraph or point of an EU article lands on
it, and the copy-citation box offers that point ("Article 5(1)(h)(i)"); recitals and annexes have
addresses of their own."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser]

EU = "notices/eu-ai-act-regulation-2024-1689/"

IN_VIEW = """el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; }"""


@pytest.mark.parametrize("width", [360, 1280])
def test_a_link_to_a_point_opens_the_article_at_that_point(page: Page, base_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base_url + EU + "art-5/#para-1-h-i")
    point = page.locator("#para-1-h-i")
    expect(point).to_contain_text("the targeted search for specific victims of abduction")
    assert point.evaluate(IN_VIEW)
    citation = page.locator(".cite .citation-text")
    expect(citation).to_have_text("EU Artificial Intelligence Act (2024), Article 5(1)(h)(i). AI Policy Archive.")
    expect(page.locator(".cite .permalink")).to_have_text(page.url)
    # Another point named in the address: the citation follows.
    page.evaluate("location.hash = '#para-2'")
    expect(citation).to_have_text("EU Artificial Intelligence Act (2024), Article 5(2). AI Policy Archive.")
    page.evaluate("location.hash = ''")
    expect(citation).to_have_text("EU Artificial Intelligence Act (2024), Article 5. AI Policy Archive.")


def test_recitals_points_and_annexes_on_the_notice_page(page: Page, base_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(base_url + EU + "#recital-12")
    recital = page.locator("#recital-12")
    expect(recital).to_contain_text("Recital 12")
    assert recital.evaluate(IN_VIEW)
    page.goto(base_url + EU + "#art-6-para-1-a")
    assert page.locator("#art-6-para-1-a").evaluate(IN_VIEW)
    page.goto(base_url + EU + "annex-iii/")
    expect(page.locator("h1")).to_contain_text("ANNEX III High-risk AI systems referred to in Article 6(2)")
