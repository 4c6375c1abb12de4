"""Index: Pagefind over the rendered HTML (content only, filters and metadata from the pages)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


class IndexError_(Exception):
    """Pagefind failed; the message is its output."""


def pagefind_module(chinese: bool) -> str:
    """The extended build segments Chinese; use it when a notice is in Chinese and it is installed."""
    if chinese:
        try:
            import pagefind_bin_extended  # type: ignore[import-not-found]  # noqa: F401

            return "pagefind_bin_extended"
        except ImportError:
            pass
    return "pagefind"


def index_site(site_dir: Path, chinese: bool = False) -> str:
    """Index ``site_dir`` into ``site_dir/pagefind``; return Pagefind's summary."""
    shutil.rmtree(site_dir / "pagefind", ignore_errors=True)  # stale fragments would linger
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            pagefind_module(chinese),
            "--site",
            str(site_dir),
            "--exclude-selectors",
            ".headerlink",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise IndexError_(result.stdout + result.stderr)
    return result.stdout
