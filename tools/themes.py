"""Themes: assign the controlled vocabulary of corpus/themes.yaml to measures by keyword rules."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from tools.models import Theme

_SEPARATOR = re.compile(r"[\s\-‐‑]+")


def _key(phrase: str) -> str:
    """Keywords and matches compare in this form: lower case, spaces and hyphens alike."""
    return _SEPARATOR.sub(" ", phrase.lower()).strip()


@lru_cache(maxsize=8)
def _matcher(themes: tuple[Theme, ...]) -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """One pattern for every keyword of every theme (longest first), and keyword → themes."""
    owners: dict[str, list[str]] = {}
    for theme in themes:
        for keyword in theme.keywords:
            owners.setdefault(_key(keyword), []).append(theme.id)
    parts = sorted(owners, key=lambda k: (-len(k), k))

    def words(keyword: str) -> str:
        return r"[\s\-‐‑]+".join(re.escape(w) for w in keyword.split(" "))

    # Word boundaries around the others; Chinese puts no spaces between words, so a Chinese
    # keyword matches anywhere. (One boundary for a whole alternation keeps the pattern fast.)
    latin = "|".join(words(k) for k in parts if not _is_cjk(k))
    chinese = "|".join(words(k) for k in parts if _is_cjk(k))
    body = "|".join(p for p in (rf"(?<!\w)(?:{latin})(?!\w)" if latin else "", chinese) if p)
    return re.compile(body or r"(?!x)x", re.IGNORECASE), {k: tuple(v) for k, v in owners.items()}


def _is_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def hits(text: str, theme: Theme) -> list[str]:
    """The theme's keywords that occur in the text."""
    pattern, _ = _matcher((theme,))
    found = {_key(m.group(0)) for m in pattern.finditer(text)}
    return [k for k in theme.keywords if _key(k) in found]


def assign(text: str, themes: Sequence[Theme]) -> list[str]:
    """Ids of the themes whose rule the text meets, in vocabulary order.

    A theme's rule: at least ``min_hits`` of its distinct keywords occur in the text
    (case-insensitive, on word boundaries; a space and a hyphen match each other)."""
    pattern, owners = _matcher(tuple(themes))
    counts: dict[str, set[str]] = {}
    for match in pattern.finditer(text):
        keyword = _key(match.group(0))
        for theme_id in owners.get(keyword, ()):
            counts.setdefault(theme_id, set()).add(keyword)
    return [t.id for t in themes if len(counts.get(t.id, ())) >= t.min_hits]
