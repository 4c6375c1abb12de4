"""Filters the page templates use: relative links, and text made safe for Markdown and front matter.

Everything here returns either plain text (escaped by the templates) or ``Markup`` that was
built from escaped parts; nothing assembles HTML from unescaped strings.
"""

from __future__ import annotations

import html
import json
import posixpath
import re

from markupsafe import Markup

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
    """Relative href from one site-relative page URL to another (works under any sub-path)."""
    anchor = ""
    if "#" in to_url:
        to_url, anchor = to_url.split("#", 1)
        anchor = "#" + anchor
    start = posixpath.dirname(from_url.rstrip("/") + "/x") if from_url else "."
    target = to_url or "."
    path = posixpath.relpath(target, start or ".")
    if to_url.endswith("/") and not path.endswith("/"):
        path += "/"
    if path in {".", "./"}:
        return anchor or "./"  # the page itself
    return path + anchor
