"""One notice in two languages in a real browser, on the run's shared site: the side-by-side
layout at phone and desk widths, the language switch keeping the reader's place, axe, and search
from words of either language."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import PREFIX
from .test_axe import _serious

pytestmark = [pytest.mark.browser, pytest.mark.heavy]

PAIR = "notices/cn-generative-ai-interim-measures-2023/"


@pytest.mark.parametrize("width", [360, 1280])
def test_original_and_translation_side_by_side_or_one_after_the_other(page: Page, base_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + PAIR + "art-5/")
    zh, en = page.locator("section.text[lang=zh]"), page.locator("section.text[lang=en]")
    expect(zh).to_contain_text("第五条 鼓励生成式人工智能技术")
    expect(en).to_contain_text("Encourage the innovative application")
    expect(page.locator(".measure-of")).to_contain_text("第五条 / Article 5")
    a, b = zh.bounding_box(), en.bounding_box()
    assert a and b
    if width >= 1000:
        assert abs(a["y"] - b["y"]) < 2 and a["x"] + a["width"] <= b["x"], (a, b)
    else:
        assert b["y"] >= a["y"] + a["height"] - 1 and abs(a["x"] - b["x"]) < 2, (a, b)
    width_of_page = page.evaluate("document.documentElement.scrollWidth")
    assert width_of_page <= width, "the page scrolls sideways"
    assert _serious(page) == []


def test_the_language_switch_keeps_the_place(page: Page, base_url: str) -> None:
    page.goto(base_url + PAIR + "#art-12")
    switch = page.locator("nav.text-switch").first
    switch.get_by_role("link", name="English (unofficial translation)").click()
    expect(page).to_have_url(re.compile(re.escape(PREFIX + PAIR + "en/#art-12") + "$"))
    assert page.evaluate("document.documentElement.lang") == "en"
    expect(page.locator("#art-12")).to_contain_text("Article 12")
    assert _serious(page) == []
    page.locator("nav.text-switch").first.get_by_role("link", name="Chinese (original)").click()
    expect(page).to_have_url(re.compile(re.escape(PREFIX + PAIR + "#art-12") + "$"))
    expect(page.locator("#art-12")).to_contain_text("第十二条")
    # A link can name the language: the English measure page is a URL of its own.
    page.goto(base_url + PAIR + "art-5/en/")
    assert page.evaluate("document.documentElement.lang") == "en"
    expect(page.locator("nav.text-switch a[aria-current=page]")).to_have_text("English (unofficial translation)")


def test_without_javascript_both_texts_are_reachable(browser: Browser, base_url: str) -> None:
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    try:
        page.goto(base_url + PAIR)
        page.locator("nav.text-switch").first.get_by_role("link", name="English (unofficial translation)").click()
        expect(page.locator("#art-24")).to_contain_text("Article 24")
    finally:
        ctx.close()


def _finds(page: Page, base_url: str, search_page: str, query: str, want: str) -> None:
    """The search page lists the page whose address ends with ``want`` among its results. They
    arrive in steps (a result was once read before the one wanted had come): wait for it."""
    page.goto(base_url + search_page)
    page.locator("pagefind-input[instance=page] input").fill(query)
    expect(page.locator(f'pagefind-results[instance=page] .pf-result-link[href$="{want}"]').first).to_be_visible()


def test_search_finds_the_article_from_either_language(page: Page, base_url: str) -> None:
    # The Chinese search page finds the measure's page from its Chinese words; the English search
    # page finds the same measure (its English page) from the translation's words.
    _finds(page, base_url, "search/zh/", "构建应用生态体系", PAIR + "art-5/")
    _finds(page, base_url, "search/", "uplifting high-quality content", PAIR + "art-5/en/")
