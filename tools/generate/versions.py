"""Version pages: an earlier text of a notice at a dated URL, and what changed since."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from tools import urls
from tools.generate.context import Site
from tools.generate.markup import a, block, e, filters, front_matter, md
from tools.models import Notice


def diff_html(old: str, new: str) -> str:
    """A line diff, escaped: removed lines in <del>, added lines in <ins>, context kept short."""
    rows = []
    for line in difflib.unified_diff(old.splitlines(), new.splitlines(), "earlier", "current", n=1, lineterm=""):
        if line.startswith(("---", "+++")):
            continue
        if line.startswith("@@"):
            rows.append(f'<span class="diff-hunk">{e(line)}</span>')
        elif line.startswith("-"):
            rows.append(f"<del>{e(line[1:])}</del>")
        elif line.startswith("+"):
            rows.append(f"<ins>{e(line[1:])}</ins>")
        else:
            rows.append(f"<span>{e(line[1:])}</span>")
    return '<pre class="diff">' + "\n".join(rows) + "</pre>" if rows else "<p>No change in the text.</p>"


def version_page(site: Site, n: Notice, version: dict[str, Any]) -> str:
    url = urls.version(n.id, version["id"])
    old = (Path(n.files.folder) / version["file"]).read_text("utf-8")
    out = front_matter(f"{n.meta['short_title']}, version of {version['id']}", version.get("note", ""))
    out += f"# {md(n.meta['short_title'])}: version of {md(version['id'])}\n"
    out += block(filters(type="version", notice=n.meta["short_title"]))
    facts = [
        ("Current version", a(url, urls.notice(n.id), n.meta["title"])),
        ("Retrieved", e(version["retrieved"])),
        (
            "Checksum",
            f'<code class="sha">sha256:{e(version["sha256"])}</code> <a href="source.txt" download>source.txt</a>',
        ),
    ]
    if version.get("note"):
        facts.append(("Note", e(version["note"])))
    out += block('<dl class="facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>")
    out += "## What changed since\n" + block(diff_html(old, n.files.text))
    paragraphs = "".join(f"<p>{e(line)}</p>" for line in old.splitlines() if line.strip())
    out += "## Text of this version\n" + block(f'<div class="version-text" data-pagefind-ignore>{paragraphs}</div>')
    return out
