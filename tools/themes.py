"""Themes: assign the controlled vocabulary of corpus/themes.yaml to measures by keyword rules."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from tools.models import Theme


@lru_cache(maxsize=512)
def _pattern(keyword: str) -> re.Pattern[str]:
    # Word boundaries, case-insensitive; hyphens and spaces in a keyword match either.
    body = r"[\s\-‐‑]+".join(re.escape(part) for part in re.split(r"[\s\-]+", keyword.lower()))
    return re.compile(rf"(?<![\w]){body}(?![\w])", re.IGNORECASE)


def hits(text: str, theme: Theme) -> list[str]:
    """The theme's keywords that occur in the text."""
    return [k for k in theme.keywords if _pattern(k).search(text)]


def assign(text: str, themes: Sequence[Theme]) -> list[str]:
    """Ids of the themes whose rule the text meets, in vocabulary order."""
    return [t.id for t in themes if len(hits(text, t)) >= t.min_hits]
