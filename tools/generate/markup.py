"""Small helpers for writing pages: escaping (a notice is data, not markup) and links."""

from __future__ import annotations

import html
import posixpath
import re


def e(text: object) -> str:
    """Escape text for HTML, quotes included."""
    return html.escape(str(text), quote=True)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~<>&])")


def md(text: str) -> str:
    """Escape text for use inside Markdown (headings, table cells)."""
    return _MD_SPECIAL.sub(lambda m: html.escape(m.group(1)) if m.group(1) in "<>&" else "\\" + m.group(1), text)


def plain_title(text: str) -> str:
    """A page title safe for templates that print it unescaped (angle brackets replaced)."""
    return text.replace("<", "‹").replace(">", "›").replace("\n", " ")


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


def a(from_url: str, to_url: str, label: str, cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    return f'<a href="{e(rel(from_url, to_url))}"{klass}>{e(label)}</a>'


def front_matter(title: str, description: str = "", hide: tuple[str, ...] = ()) -> str:
    lines = ["---", f"title: {_yaml(plain_title(title))}"]
    if description:
        lines.append(f"description: {_yaml(plain_title(description)[:300])}")
    if hide:
        lines.append("hide:")
        lines += [f"  - {h}" for h in hide]
    # Pagefind is the search; keep engines' own whole-site indexes (Zensical builds one) empty.
    lines += ["search:", "  exclude: true"]
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def _yaml(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


def filters(**values: str | list[str]) -> str:
    """Hidden Pagefind filter values for this page (captured by Pagefind, not indexed as text)."""
    out = []
    for name, value in values.items():
        for v in [value] if isinstance(value, str) else value:
            out.append(f'<span data-pagefind-filter="{e(name)}">{e(v)}</span>')
    return '<div hidden aria-hidden="true" data-pagefind-ignore>' + "".join(out) + "</div>"


def meta(**values: str) -> str:
    return (
        '<div hidden aria-hidden="true" data-pagefind-ignore>'
        + "".join(f'<span data-pagefind-meta="{e(k)}">{e(v)}</span>' for k, v in values.items())
        + "</div>"
    )


def table(headers: list[str], rows: list[list[str]], cls: str = "", caption: str = "") -> str:
    """An HTML table from already-escaped cells."""
    klass = f' class="{cls}"' if cls else ""
    cap = f"<caption>{e(caption)}</caption>" if caption else ""
    head = "".join(f'<th scope="col">{h}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (
        f'<div class="table-wrap"><table{klass}>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'
    )


def block(html_text: str) -> str:
    """A raw HTML block, separated so Markdown leaves it alone."""
    return "\n\n" + html_text + "\n\n"
