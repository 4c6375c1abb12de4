"""What a reader finds in a sentence: a quantity or a duty, before it is placed and given an id.

The English, Chinese and duty readers all return ``Found``; ``placement`` turns each one into
a ``Target`` of its notice, with the same fields.
"""

from __future__ import annotations

from dataclasses import dataclass

from tools import regexes


@dataclass(frozen=True)
class Found:
    """A quantity or duty found in text, before it is placed and given an id."""

    line: int
    sentence: str
    as_written: str
    value: float
    value_max: float | None
    scale: str | None
    unit: str
    qualifier: str | None
    counted: str
    deadline: str | None
    deadline_year: int | None
    deadline_source: str | None
    frequency: str | None
    deadline_after: str | None = None  # ISO 8601 duration after the notice's date ("P270D")
    deadline_date: str | None = None  # a deadline stated as a date ("2025-02-28")


def number(text: str) -> float:
    """An English number as written: digits (with thousands commas) or a word ("ten")."""
    return float(regexes.NUMBER_WORDS.get(text.lower(), 0) or text.replace(",", ""))


def lower_first(text: str) -> str:
    """A deadline as it reads inside a sentence: "By 2030" → "by 2030"."""
    return text[:1].lower() + text[1:]
