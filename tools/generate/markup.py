"""Filters the page templates use: relative links, and text made safe for Markdown and front matter.

Everything here returns either plain text (escaped by the templates) or ``Markup`` that was
built from escaped parts; nothing assembles HTML from unescaped strings.
"""

from __future__ import annotations

import html
import json
import re

from markupsafe import Markup, escape

from tools.generate.page import PAGE_URL

# The characters Python-Markdown lets a backslash escape (with the tables extension's "|").
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def md(text: object) -> Markup:
    """Text for a Markdown heading or table cell: HTML-escaped, and Markdown syntax backslashed,
    so a notice's ``[x](javascript:…)``, ``*``, ``{: onclick}`` stay characters."""
    backslashed = _MD_SPECIAL.sub(r"\\\1", str(text).replace("\n", " "))
    return Markup(html.escape(backslashed, quote=True))


def front_value(text: object, limit: int | None = None) -> Markup:
    """A front-matter value. Material and Zensical print title and description into the page
    without escaping them, so the value is HTML-escaped here (once), then quoted for YAML."""
    plain = " ".join(str(text).split())
    if limit is not None:
        plain = plain[:limit]
    return Markup(json.dumps(html.escape(plain, quote=True), ensure_ascii=False))


def attrs(anchor: str = "", classes: str = "", **values: str) -> Markup:
    """A Markdown attribute list (``{#id .class key="v"}``) for a heading we generate."""
    parts = [f"#{html.escape(anchor)}"] if anchor else []
    parts += [f".{html.escape(c)}" for c in classes.split()]
    parts += [f'{html.escape(k.replace("_", "-"))}="{html.escape(v, quote=True)}"' for k, v in values.items()]
    return Markup("{" + " ".join(parts) + "}")


def web_address(url: object) -> str:
    """The address if it is an http(s) URL, else "" (so a ``javascript:`` value never becomes a link)."""
    text = str(url or "").strip()
    return text if re.match(r"^https?://[^\s\"'<>]+$", text, re.IGNORECASE) else ""


def rel(from_url: str, to_url: str) -> str:
    """Relative href from one site-relative page URL (a folder: "notices/a/" or "") to another
    (a folder, or a file such as "data/notices.json", perhaps with a #fragment); works under any
    sub-path."""
    to_url, hash_, fragment = to_url.partition("#")
    anchor = hash_ + fragment
    here = [p for p in from_url.split("/") if p]
    there = to_url.split("/")  # a folder URL ends in "": it keeps its trailing slash
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    path = "../" * (len(here) - common) + "/".join(there[common:])
    if not path:
        return anchor or "./"  # the page itself
    return path + anchor


# The helpers below join parts each passed through ``escape`` (Markup stays as it is), as
# ``Markup.format`` would, at a fraction of its cost: a large archive has millions of them.


def link(to: str, label: object, cls: str = "") -> Markup:
    """A link from the page being rendered (see ``page.PAGE_URL``), built from escaped parts."""
    klass = f' class="{escape(cls)}"' if cls else ""
    return Markup(f'<a href="{escape(rel(PAGE_URL.get(), to))}"{klass}>{escape(label)}</a>')


def cell(label: str, value: object, first: bool = False) -> Markup:
    """A table cell that names its column (for the stacked layout on a phone)."""
    if first:
        return Markup(f'<th scope="row" data-label="{escape(label)}">{escape(value)}</th>')
    return Markup(f'<td data-label="{escape(label)}">{escape(value)}</td>')
