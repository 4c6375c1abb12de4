"""How usable the archive's largest page is: the EU AI Act's notice page (about 600 KB of text).

Serves a built site, opens the page in Chromium at 360 px (a phone) with the CPU slowed four
times (as Lighthouse does for a mid-range phone) and at full speed, and prints its size (bytes,
gzip bytes, DOM elements) and its paint timings. Usage:

    python -m benchmarks.big_page SITE_FOLDER [PAGE]
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.site_helpers import serve

PAGE = "notices/eu-ai-act-regulation-2024-1689/"
TIMINGS = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const paint = Object.fromEntries(performance.getEntriesByType('paint').map(p => [p.name, p.startTime]));
  return {
    first_contentful_paint_ms: Math.round(paint['first-contentful-paint'] || 0),
    dom_content_loaded_ms: Math.round(nav.domContentLoadedEventEnd),
    load_ms: Math.round(nav.loadEventEnd),
    dom_elements: document.getElementsByTagName('*').length,
  };
}"""


def measure(site: Path, page_path: str = PAGE) -> dict[str, object]:
    html = (site / page_path / "index.html").read_bytes()
    out: dict[str, object] = {"page": page_path, "html_bytes": len(html), "html_gzip_bytes": len(gzip.compress(html))}
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        for label, throttle in (("phone_4x_slower_cpu", 4), ("full_speed", 1)):
            page = browser.new_page(viewport={"width": 360, "height": 740})
            cdp = page.context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
            page.goto(base + page_path, wait_until="load")
            out[label] = page.evaluate(TIMINGS)
            page.close()
        browser.close()
    return out


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    print(json.dumps(measure(folder, sys.argv[2] if len(sys.argv) > 2 else PAGE), indent=2))
