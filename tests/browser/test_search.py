"""Search in a real browser (Debian's Chromium through Playwright), on the run's shared site.

Covers: search from the home page to a measure, a filter narrowing results (filters loaded only
when reached for), more results on request, a linked search, the first search prepared while the
page is idle (warm-up, fragments early), results loading as they scroll into view, a permalink
landing on its measure, keyboard search, Chinese search, and no request to any other host.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from ..conftest import SMALL, make_small_corpus
from ..site_helpers import build, project_copy, run_cli, serve
from .conftest import ENDLESS_ANIMATIONS, JINGAN, PREFIX, assert_no_request_left_the_site

pytestmark = [pytest.mark.browser, pytest.mark.heavy]


def test_search_from_home_to_measure(page: Page, base_url: str) -> None:
    page.goto(base_url)
    page.locator("pagefind-searchbox input").fill("virtual try-on")
    first = page.locator("pagefind-searchbox a.pf-searchbox-result").first
    expect(first).to_contain_text("Jing'an AI Demonstration Zone Plan (2026–2028) · 1. AI+ Commerce")
    first.click()
    expect(page).to_have_url(re.compile(re.escape(PREFIX + JINGAN + "ii-1-1/") + "$"))
    expect(page.locator("h1")).to_have_text(re.compile("AI\\+ Commerce"))
    expect(page.locator(".measure-text")).to_contain_text("virtual try-on")


def _results(page: Page) -> list[str]:
    links = page.locator("pagefind-results[instance=page] .pf-result-link")
    expect(links.first).to_be_visible()
    return [links.nth(i).get_attribute("href") or "" for i in range(links.count())]


def _search(page: Page, base_url: str, query: str) -> None:
    page.goto(base_url + "search/")
    page.locator("pagefind-input[instance=page] input").fill(query)
    summary = page.locator("pagefind-summary[instance=page]")
    expect(summary).to_have_text(re.compile(rf"\d+ results? for {re.escape(query)}"))


def test_computing_power_finds_measures_first(page: Page, base_url: str) -> None:
    _search(page, base_url, "computing power")
    first = _results(page)[0]
    assert re.search(r"/notices/[a-z0-9-]+/[a-z0-9-]+/$", urlsplit(first).path), first
    page.goto(base_url + urlsplit(first).path.removeprefix(PREFIX))
    expect(page.locator(".measure-text")).to_contain_text(re.compile("computing power", re.I))


def test_a_filter_narrows_results(page: Page, base_url: str) -> None:
    _search(page, base_url, "data")
    summary = page.locator("pagefind-summary[instance=page]")
    before = int(re.findall(r"\d+", summary.inner_text())[0])
    dropdown = page.locator("pagefind-filter-dropdown[filter=notice]")
    dropdown.locator("button.pf-dropdown-trigger").click()
    dropdown.locator(".pf-dropdown-option", has_text="Shenzhen AI Action Plan").click()
    # The summary says "Searching…" between the two counts: wait for a count that differs.
    expect(summary).to_have_text(re.compile(rf"^(?!{before} )\d+ results?"))
    after = int(re.findall(r"\d+", summary.inner_text())[0])
    assert 0 < after < before
    hrefs = _results(page)
    assert hrefs and all("shenzhen-ai-action-plan-2023-2024" in h for h in hrefs)


def _filter_chunks(requests: list[str]) -> list[str]:
    return [u for u in requests if "/pagefind/filter/" in u]


def test_filters_load_when_reached_for(page: Page, base_url: str) -> None:
    # Counting every filter value on each search is most of a search's time on a large archive:
    # a search loads no filter until the visitor reaches for one (docs/assets/search/pagefind.js).
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    _search(page, base_url, "data")
    expect(page.locator("pagefind-results[instance=page] .pf-result-link").first).to_be_visible()
    assert _filter_chunks(requests) == []
    trigger = page.locator("pagefind-filter-dropdown[filter=agency] button.pf-dropdown-trigger")
    expect(trigger).to_have_attribute("aria-label", "Agency filter")
    trigger.hover()
    trigger.click()
    option = page.locator("pagefind-filter-dropdown[filter=agency] .pf-dropdown-option").first
    expect(option).to_be_visible()
    expect(option).to_contain_text(re.compile(r"\d+$"))  # with its count for this search
    assert _filter_chunks(requests)
    width = page.evaluate("document.documentElement.clientWidth")
    for name in ("agency", "notice", "theme", "year"):  # every menu opens on the screen
        page.keyboard.press("Escape")
        page.locator(f"pagefind-filter-dropdown[filter={name}] button.pf-dropdown-trigger").click()
        menu = page.locator(f"pagefind-filter-dropdown[filter={name}] .pf-dropdown-menu")
        expect(menu).to_be_visible()
        box = menu.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, (name, box, width)


def test_search_boxes_without_filters_never_load_them(page: Page, base_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base_url)
    page.locator("pagefind-searchbox[instance=home] input").fill("computing power")
    expect(page.locator("pagefind-searchbox[instance=home] a.pf-searchbox-result").first).to_be_visible()
    page.goto(base_url + "themes/")  # on the home page, Ctrl+K goes to the home page's box
    page.keyboard.press("Control+k")
    page.keyboard.type("talent")
    expect(page.locator("pagefind-modal pagefind-results a").first).to_be_visible()
    assert _filter_chunks(requests) == []
    assert any("/pagefind/index/" in u for u in requests)


# Every result in view has its link: its fragment has loaded (results load as they come into view).
IN_VIEW_LOADED = """() => [...document.querySelectorAll("pagefind-results[instance=page] li.pf-result")]
  .filter((li) => { const box = li.getBoundingClientRect(); return box.bottom > 0 && box.top < innerHeight; })
  .every((li) => li.querySelector("a.pf-result-link"))"""


def test_more_results_on_request(page: Page, base_url: str) -> None:
    _search(page, base_url, "data")
    listed = page.locator("pagefind-results[instance=page] li.pf-result")
    expect(listed).to_have_count(20)
    more = page.get_by_role("button", name="Show 20 more results")
    # Brought into view, the results around it load and push it down: click it once those in view
    # have loaded, as a reader would (a click in between lands where the button was; on a busy
    # machine, about one run in twenty).
    more.scroll_into_view_if_needed()
    page.wait_for_function(IN_VIEW_LOADED)
    more.click()
    expect(listed).to_have_count(40)
    expect(listed.nth(20).locator("a.pf-result-link")).to_be_focused()  # the reader goes on at the 21st
    assert listed.nth(20).evaluate("e => e.getBoundingClientRect().top >= 0")
    # Reaching for a filter loads the filters and runs the same search again: the list keeps its length.
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.locator("pagefind-filter-dropdown[filter=agency] button.pf-dropdown-trigger").hover()
    option = page.locator("pagefind-filter-dropdown[filter=agency] .pf-dropdown-option").first
    page.locator("pagefind-filter-dropdown[filter=agency] button.pf-dropdown-trigger").click()
    expect(option).to_contain_text(re.compile(r"\d+$"))  # counted for this search: it ran again
    assert _filter_chunks(requests)
    page.keyboard.press("Escape")
    expect(listed).to_have_count(40)
    page.locator("pagefind-input[instance=page] input").fill("talent")  # a new search starts short
    expect(page.locator("pagefind-summary[instance=page]")).to_have_text(re.compile(r"\d+ results? for talent"))
    expect(listed).to_have_count(20)
    page.locator("pagefind-input[instance=page] input").fill("virtual try-on")
    expect(listed).to_have_count(1)
    expect(page.get_by_role("button", name="Show 20 more results")).to_be_hidden()


def test_a_search_can_be_linked_to(page: Page, base_url: str) -> None:
    page.goto(base_url + "search/?q=virtual+try-on")
    first = page.locator("pagefind-results[instance=page] .pf-result-link").first
    expect(first).to_have_attribute("href", re.compile(re.escape(JINGAN + "ii-1-1/")))
    page.locator("pagefind-input[instance=page] input").fill("talent")
    expect(page).to_have_url(re.compile(r"search/\?q=talent$"))  # the address follows the words
    page.goto(base_url)
    page.locator("pagefind-searchbox[instance=home] input").fill("computing power")
    expect(page.locator("pagefind-searchbox[instance=home] a.pf-searchbox-result").first).to_be_visible()
    page.keyboard.press("Escape")
    page.get_by_role("link", name="Search with filters").click()  # carries the words typed
    expect(page).to_have_url(re.compile(r"search/\?q=computing\+power$"))
    expect(page.locator("pagefind-summary[instance=page]")).to_have_text(
        re.compile(r"\d+ results? for computing power")
    )


def test_the_first_search_is_prepared_while_the_page_is_idle(browser: Browser, base_url: str) -> None:
    # On a short phone screen the results start below the fold, so the results component asks for
    # none: the best five results' fragments load anyway as soon as the search answers. And the
    # engine has already searched once (for the warm-up word) before anything is typed.
    page = browser.new_context(viewport={"width": 360, "height": 420}).new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base_url + "search/")
    word = page.locator("pagefind-config[instance=page]").get_attribute("data-warm-up")
    assert word and re.fullmatch(r"[a-z]{3,}", word), word
    # The warm-up waits for the page to be idle, which a busy machine delays: wait for it (typing
    # nothing meanwhile), up to ten seconds.
    deadline = time.monotonic() + 10
    while not any("/pagefind/index/" in u for u in requests) and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    page.wait_for_load_state("networkidle")
    assert any("/pagefind/index/" in u for u in requests), "the warm-up searched before anything was typed"
    assert not _fragments(requests)  # it shows nothing, so it loads no result
    page.locator("pagefind-input[instance=page] input").fill("computing power")
    expect(page.locator("pagefind-summary[instance=page]")).to_have_text(re.compile(r"\d+ results for computing power"))
    deadline = time.monotonic() + 10
    while len(_fragments(requests)) < 5 and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert len(_fragments(requests)) >= 5, _fragments(requests)
    page.context.close()


def _fragments(requests: list[str]) -> set[str]:
    return {u for u in requests if "/pagefind/fragment/" in u}


def test_results_load_as_they_scroll_into_view(page: Page, base_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 700})
    _search(page, base_url, "data")
    listed = page.locator("pagefind-results[instance=page] li.pf-result")
    expect(listed).to_have_count(20)
    # Those below the fold wait as placeholders, which shimmer a while, not for as long as the
    # page is open (Pagefind's for-ever shimmer kept a fifth of a core busy).
    expect(page.locator("pagefind-results[instance=page] .pf-skeleton").first).to_be_attached()
    assert page.evaluate(ENDLESS_ANIMATIONS) == 0
    for _ in range(40):
        page.mouse.wheel(0, 500)
    expect(page.get_by_role("button", name="Show 20 more results")).to_be_in_viewport()
    expect(page.locator("pagefind-results[instance=page] .pf-result-link")).to_have_count(20)


def test_permalink_lands_on_the_measure(page: Page, base_url: str) -> None:
    page.goto(base_url + JINGAN + "#iv-6")
    heading = page.locator("#iv-6")
    expect(heading).to_be_in_viewport()
    expect(heading).to_contain_text("Cultivate and Attract Composite Talent Teams")
    page.goto(base_url + JINGAN + "iv-6/")
    expect(page.locator("h1")).to_contain_text("(6) Cultivate and Attract Composite Talent Teams")
    expect(page.locator(".citation-text")).to_contain_text("Jing'an AI Demonstration Zone Plan (2026–2028), IV (6)")
    page.get_by_role("button", name="Copy link").click()
    expect(page.locator(".copy-status")).to_have_text("Copied.")
    expect(page.locator(".cite .permalink")).to_have_text(base_url + JINGAN + "iv-6/")


def test_keyboard_search(page: Page, base_url: str) -> None:
    page.goto(base_url + "themes/")
    page.keyboard.press("Control+k")
    dialog_input = page.locator("pagefind-modal input")
    expect(dialog_input).to_be_focused()
    page.keyboard.type("100 billion yuan fund")
    result = page.locator("pagefind-modal pagefind-results a").first
    expect(result).to_contain_text("Shenzhen AI Action Plan")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/ai-policy-archive/.*shenzhen-ai-action-plan-2023-2024"))


ZH_TEXT = (
    "深圳市人工智能算力发展行动方案（2025-2026年）\n2025年6月3日\n一、总体目标\n到2026年，建成一批智能算力中心。\n"
    "二、重点任务\n（一）建设城市级算力平台。统筹全市算力资源，推动算力调度。\n（二）培育人工智能企业。支持企业发展。\n"
)


def test_a_notice_in_chinese_is_searchable_word_by_word(browser: Browser, tmp_path: Path) -> None:
    corpus = make_small_corpus(tmp_path / "corpus", SMALL)  # the subject is the new notice
    source = tmp_path / "zh.txt"
    source.write_text(ZH_TEXT, encoding="utf-8")
    created = run_cli(
        "new", str(source), "--id", "shenzhen-computing-plan-zh", "--corpus", str(corpus),
        "--short-title", "深圳算力方案", "--jurisdiction", "shenzhen", "--level", "municipal",
        "--kind", "action-plan", "--issuer", "General Office of the Shenzhen Municipal People's Government",
        "--source-name", "test fixture",
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    site = tmp_path / "site"
    assert build(site, corpus, "--config", str(project_copy(tmp_path / "project"))).returncode == 0
    with serve(site, PREFIX) as url:
        page = browser.new_page()
        page.goto(url + "search/")
        page.get_by_role("link", name="Search the notices in Chinese").click()
        page.locator("pagefind-input[instance=page] input").fill("算力")
        first = page.locator("pagefind-results[instance=page] .pf-result-link").first
        expect(first).to_have_attribute("href", PREFIX + "notices/shenzhen-computing-plan-zh/ii-1/")
        page.close()


def test_chinese_measures_are_found_by_chinese_words(page: Page, base_url: str) -> None:
    # From the Chinese search page, linked from the home page and the English search page.
    page.goto(base_url)
    page.get_by_role("link", name="中文检索 · Search the notices in Chinese").first.click()
    page.locator("pagefind-input[instance=page] input").fill("智能算力")
    first = page.locator("pagefind-results[instance=page] .pf-result-link").first
    expect(first).to_have_attribute("href", re.compile(r"notices/cn-state-council-ai-plus-opinions-2025/"))
    # And from the search dialog of a Chinese notice's own page (Pagefind searches the page's language).
    page.goto(base_url + "notices/cn-algorithmic-recommendation-provisions-2021/")
    page.keyboard.press("Control+k")
    page.keyboard.type("算法推荐")
    expect(page.locator("pagefind-modal pagefind-results a").first).to_have_attribute(
        "href", re.compile(r"cn-algorithmic-recommendation-provisions-2021")
    )


def test_no_request_leaves_the_site(requests_seen: list[str], base_url: str) -> None:
    # Runs last in this module: every page visited above was recorded.
    assert_no_request_left_the_site(requests_seen, base_url)
