"""Themes: assign the controlled vocabulary of corpus/themes.yaml to measures by keyword rules."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from tools.models import Theme

_SEPARATOR = re.compile(r"[\s\-‐‑]+")


def _key(phrase: str) -> str:
    """Keywords and matches compare in this form: lower case, spaces and hyphens alike."""
    return _SEPARATOR.sub(" ", phrase.lower()).strip()


_CJK = re.compile(r"[\u3400-\u9fff]")
# Words for matching keywords in Latin script: runs of letters and digits, and signs such as
# "&" as words of their own; spaces and hyphens only separate them ("data-driven" = "data driven").
_WORD = re.compile(r"[^\W_]+|[^\w\s\-‐‑]")


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.lower()))


@dataclass(frozen=True)
class _Keywords:
    latin: dict[tuple[str, ...], str]  # a keyword's words → its key
    longest: int  # the most words in a keyword
    first_words: frozenset[str]  # the words a Latin keyword starts with (most words start none)
    chinese: re.Pattern[str]  # Chinese keywords, which match anywhere (no spaces in Chinese)
    owners: dict[str, tuple[str, ...]]  # keyword key → theme ids


@lru_cache(maxsize=8)
def _keywords(themes: tuple[Theme, ...]) -> _Keywords:
    owners: dict[str, list[str]] = {}
    for theme in themes:
        for keyword in theme.keywords:
            owners.setdefault(_key(keyword), []).append(theme.id)
    latin = {_words(k): k for k in owners if not _CJK.search(k)}
    chinese = "|".join(re.escape(k) for k in sorted((k for k in owners if _CJK.search(k)), key=lambda k: (-len(k), k)))
    return _Keywords(
        latin,
        max((len(w) for w in latin), default=0),
        frozenset(w[0] for w in latin if w),
        re.compile(chinese or r"(?!x)x"),
        {k: tuple(v) for k, v in owners.items()},
    )


def _matches(text: str, themes: tuple[Theme, ...]) -> set[str]:
    """The keys of the keywords that occur in the text, as whole words (dictionary lookups of
    runs of up to ``longest`` words: fast however many keywords there are)."""
    table = _keywords(themes)
    words = _words(text)
    found: set[str] = set()
    i = 0
    while i < len(words):  # the longest keyword at each place, then past it ("foundation models" is not "models")
        if words[i] not in table.first_words:
            i += 1
            continue
        n = next((n for n in range(table.longest, 0, -1) if words[i : i + n] in table.latin), 0)
        if n:
            found.add(table.latin[words[i : i + n]])
        i += n or 1
    if _CJK.search(text):  # only text with Chinese in it can hold a Chinese keyword
        found |= {_key(m.group(0)) for m in table.chinese.finditer(text)}
    return found


def hits(text: str, theme: Theme) -> list[str]:
    """The theme's keywords that occur in the text."""
    found = _matches(text, (theme,))
    return [k for k in theme.keywords if _key(k) in found]


def assign(text: str, themes: Sequence[Theme]) -> list[str]:
    """Ids of the themes whose rule the text meets, in vocabulary order.

    A theme's rule: at least ``min_hits`` of its distinct keywords occur in the text
    (case-insensitive, as whole words in Latin script; a space and a hyphen match each other)."""
    table = _keywords(tuple(themes))
    counts: dict[str, set[str]] = {}
    for keyword in _matches(text, tuple(themes)):
        for theme_id in table.owners.get(keyword, ()):
            counts.setdefault(theme_id, set()).add(keyword)
    return [t.id for t in themes if len(counts.get(t.id, ())) >= t.min_hits]
