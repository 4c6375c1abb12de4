"""The page templates (``templates/``): Jinja2 with autoescaping, so a notice is data, never markup.

A value reaches a page escaped unless a template marks it safe; the only values marked safe
are the ``Markup`` that the filters in ``markup`` build from escaped parts.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from tools import urls
from tools.generate import markup


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("tools.generate", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markup.md
    env.filters["fm"] = markup.front_value
    env.filters["rel"] = lambda to, here: markup.rel(here, to)
    env.filters["web_address"] = markup.web_address
    env.globals["attrs"] = markup.attrs
    env.globals["urls"] = urls
    return env


def render(name: str, **context: Any) -> str:
    """Render one template; ``url`` (the page's own URL) makes every link in it relative."""
    return environment().get_template(name).render(**context)
