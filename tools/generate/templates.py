"""The page templates (``templates/``): Jinja2 with autoescaping, so a notice is data, never markup.

A value reaches a page escaped unless a template marks it safe; the only values marked safe
are the ``Markup`` that the filters in ``markup`` build from escaped parts.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from tools import follow, urls
from tools.files import compiled_templates
from tools.generate import markup
from tools.generate.page import PAGE_URL


def _rel(to: str, here: str | None = None) -> str:
    return markup.rel(PAGE_URL.get() if here is None else here, to)


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("tools.generate", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        bytecode_cache=compiled_templates(),
    )
    env.filters["md"] = markup.md
    env.filters["fm"] = markup.front_value
    env.filters["rel"] = _rel
    env.filters["web_address"] = markup.web_address
    env.globals["attrs"] = markup.attrs
    env.globals["link"] = markup.link
    env.globals["cell"] = markup.cell
    env.globals["urls"] = urls
    env.globals["STATUSES"] = follow.STATUSES
    env.filters["status_label"] = follow.status_label
    return env


def render(name: str, **context: Any) -> str:
    """Render one template; ``url`` (the page's own URL) makes every link in it relative."""
    token = PAGE_URL.set(str(context.get("url", "")))
    try:
        return environment().get_template(name).render(**context)
    finally:
        PAGE_URL.reset(token)
