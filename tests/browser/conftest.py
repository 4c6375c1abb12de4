"""What the browser tests share: Debian's Chromium through Playwright (one per test process),
and the run's shared site served under a sub-path, as GitHub Pages serves a project site."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect, sync_playwright

from ..site_helpers import ROOT, serve

PREFIX = "/ai-policy-archive/"
# Waits for what a page must come to show, up to 15 s (Playwright's default is 5): with `serve`
# building the whole site beside the suite on two cores, 20 more search results once took longer
# than 5 s to show. A page that never shows it still fails.
expect.set_options(timeout=15_000)
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
JINGAN = "notices/jingan-ai-demonstration-zone-2026-2028/"
# One page of each kind, which axe checks and the screenshots show.
PAGES = {
    "home": "",
    "notice": JINGAN,
    "measure": JINGAN + "iv-6/",
    "agency": "agencies/shenzhen-industry-and-information-technology-bureau/",
    "targets": "targets/",
    "target": "targets/jingan-ai-demonstration-zone-2026-2028--i--50-projects/",
    "kind": "targets/kinds/enterprises/",
    "compare": "compare/",
    "themes": "themes/",
    "search": "search/",
}
# Animations that run for as long as the page is open (they keep a phone's processor busy).
ENDLESS_ANIMATIONS = "document.getAnimations().filter(a => a.effect.getTiming().iterations === Infinity).length"


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    """The run's shared site, served under a sub-path as GitHub Pages serves a project site."""
    with serve(site, PREFIX) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    # CHROMIUM names another Chromium-based browser (GitHub's Ubuntu runners have Google Chrome).
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def requests_seen() -> list[str]:
    return []


VIEWPORT: ViewportSize = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def context(browser: Browser, requests_seen: list[str]) -> Iterator[BrowserContext]:
    ctx = browser.new_context(viewport=VIEWPORT)
    ctx.on("request", lambda r: requests_seen.append(r.url))
    yield ctx
    ctx.close()


@dataclass
class _Tab:
    page: Page
    crashed: bool = False


@pytest.fixture(scope="module")
def _tab(context: BrowserContext) -> list[_Tab]:
    return []


@pytest.fixture
def page(context: BrowserContext, _tab: list[_Tab]) -> Iterator[Page]:
    """The module's one tab, left after each test as a new one would be (no route, storage,
    cookie or page left; the pointer back in the corner; the desk's viewport, no media emulated:
    a test may set another width or dark mode on it). Opening a tab costs Chromium about half
    a CPU-second before it loads anything, and a new context loads and compiles the site's
    scripts and Pagefind's WebAssembly again: a search and a page took 3.5 CPU-s in a context of
    their own, 1.3 in this tab; the browser tests, 228 CPU-s and 192. A test that needs a fresh
    browser or no scripts opens a context of its own. A tab that crashed or was
    closed is replaced, so one test's crash is not the next one's."""
    if not _tab or _tab[0].crashed or _tab[0].page.is_closed():
        tab = _Tab(context.new_page())
        tab.page.on("crash", lambda _: setattr(tab, "crashed", True))
        _tab[:] = [tab]
    current = _tab[0]
    yield current.page
    if current.crashed or current.page.is_closed():
        return
    current.page.unroute_all(behavior="ignoreErrors")
    if current.page.url.startswith("http"):
        current.page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    current.page.goto("about:blank")
    context.clear_cookies()
    if current.page.viewport_size != VIEWPORT:
        current.page.set_viewport_size(VIEWPORT)
    current.page.emulate_media(media="null", color_scheme="null")
    current.page.mouse.move(0, 0)


def assert_no_request_left_the_site(requests_seen: list[str], base_url: str) -> None:
    """Every request the module's pages made went to the site (run last in a module)."""
    assert len(requests_seen) > 50
    hosts = {urlsplit(u).netloc for u in requests_seen if not u.startswith(("data:", "blob:"))}
    assert hosts == {urlsplit(base_url).netloc}
