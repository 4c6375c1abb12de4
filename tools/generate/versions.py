"""Version pages: an earlier text of a notice at a dated URL, and what changed since."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from tools import urls
from tools.generate.context import Site
from tools.generate.templates import render
from tools.models import Notice


def diff_rows(old: str, new: str) -> list[tuple[str, str]]:
    """A line diff as (kind, text) rows: hunk, del, ins or same; context kept short."""
    rows = []
    for line in difflib.unified_diff(old.splitlines(), new.splitlines(), "earlier", "current", n=1, lineterm=""):
        if line.startswith(("---", "+++")):
            continue
        if line.startswith("@@"):
            rows.append(("hunk", line))
        else:
            rows.append(({"-": "del", "+": "ins"}.get(line[:1], "same"), line[1:]))
    return rows


def version_page(site: Site, n: Notice, version: dict[str, Any]) -> str:
    old = (Path(n.files.folder) / version["file"]).read_text("utf-8")
    return render(
        "version.md.j2",
        url=urls.version(n.id, version["id"]),
        site=site,
        n=n,
        version=version,
        diff=diff_rows(old, n.files.text),
        old_lines=[line for line in old.splitlines() if line.strip()],
    )
