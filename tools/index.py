"""Index: Pagefind over the rendered HTML (content only, filters and metadata from the pages).

`python -m pagefind` runs the extended build when `pagefind[extended]` is installed (it is a
dependency): that build segments Chinese, so a notice in Chinese is searchable word by word.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

from tools.processes import run_measured


class PagefindError(Exception):
    """Pagefind failed; the message is its output."""


def set_languages(site_dir: Path, languages: dict[str, str]) -> None:
    """Mark pages whose text is not English (``{url: "zh"}``) in their <html lang>.

    Engines set one language for the whole site, but Pagefind indexes each page by its
    <html lang> (and screen readers read by it): a Chinese notice must say it is Chinese.
    """
    pattern = re.compile(r'<html lang="[^"]*"')
    for url, lang in sorted(languages.items()):
        page = site_dir / url / "index.html"
        if page.is_file():
            html = page.read_text("utf-8")
            page.write_text(pattern.sub(f'<html lang="{lang}"', html, count=1), encoding="utf-8")


def index_site(site_dir: Path) -> float:
    """Index ``site_dir`` into ``site_dir/pagefind``; return Pagefind's peak memory in MB.

    The index is written beside the old one and swapped in, so a site being served keeps a
    working search until the new index is complete (and no stale fragment lingers)."""
    fresh, old = site_dir / ".pagefind-new", site_dir / ".pagefind-old"
    shutil.rmtree(fresh, ignore_errors=True)
    command = [
        sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-path", str(fresh),
        "--exclude-selectors", ".headerlink",
    ]  # fmt: skip
    code, output, peak = run_measured(command)
    if code != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        raise PagefindError(output)
    shutil.rmtree(old, ignore_errors=True)
    if (site_dir / "pagefind").exists():
        (site_dir / "pagefind").rename(old)
    fresh.rename(site_dir / "pagefind")
    shutil.rmtree(old, ignore_errors=True)
    return peak
