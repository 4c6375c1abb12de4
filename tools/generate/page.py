"""The page being rendered, whose URL links in it are made relative to.

``templates.render`` sets it around each page; the ``markup`` filters that link read it. It
lives apart from both so that neither imports the other. It is kept out of the template
context so that the shared macros are compiled once, not once per page.
"""

from __future__ import annotations

from contextvars import ContextVar

PAGE_URL: ContextVar[str] = ContextVar("page_url", default="")
