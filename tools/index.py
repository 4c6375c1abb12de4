"""Index: Pagefind over the rendered HTML (content only, filters and metadata from the pages).

`python -m pagefind` runs the extended build when `pagefind[extended]` is installed (it is a
dependency): that build segments Chinese, so a notice in Chinese is searchable word by word.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


class IndexError_(Exception):
    """Pagefind failed; the message is its output."""


def index_site(site_dir: Path) -> str:
    """Index ``site_dir`` into ``site_dir/pagefind``; return Pagefind's summary."""
    shutil.rmtree(site_dir / "pagefind", ignore_errors=True)  # stale fragments would linger
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--exclude-selectors", ".headerlink"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise IndexError_(result.stdout + result.stderr)
    return result.stdout
