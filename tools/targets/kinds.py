"""What kind of target a quantity is (duties, funds, economic output, enterprises, patents …).

The kinds are data, not code (``target_kinds`` in ``corpus/themes.yaml``), each with the units
it is measured in and the words it counts; the first that fits wins, and a kind with neither is
the fallback. A kind is matched by unit, then by the head noun of what is counted, then by any
word of it; money whose counted phrase does not say what it is takes its kind from its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tools.models import TargetKind
from tools.targets.found import Found

MONEY_UNITS = ("yuan", "dollars")


def head_noun(counted: str) -> str:
    """The noun a counted phrase is about: "benchmark projects for agents" → "projects", "regions
    designated as Priority Geothermal Zones" → "regions"
    (a Chinese phrase is taken whole: its head is its end)."""
    if any("\u3400" <= ch <= "\u9fff" for ch in counted):
        return counted
    words = re.split(r"\s+(?:for|of|in|with|from|on|designated\s+as)\s+", counted, maxsplit=1)[0].split()
    return words[-1] if words else "items"


def kind_of(unit: str, counted: str, kinds: Sequence[TargetKind]) -> str:
    """The kind of a target: by unit, then by its head noun, then by any word it counts."""
    head = _kind_of(unit, head_noun(counted), kinds)
    return head if head != _fallback(kinds) else _kind_of(unit, counted, kinds)


def kind_in_context(found: Found, kinds: Sequence[TargetKind]) -> str:
    """The kind of a target; money whose counted phrase does not say what it is takes its kind
    from its sentence ("发放算力券，单个企业每年最高不超过500万元": funds)."""
    kind = kind_of(found.unit, found.counted, kinds)
    if kind == _fallback(kinds) and found.unit in MONEY_UNITS:
        return _kind_of(found.unit, found.sentence, kinds)
    return kind


def _fallback(kinds: Sequence[TargetKind]) -> str:
    rest = [k.id for k in kinds if not k.units and not k.keywords]
    return rest[0] if rest else "other"


def _has_word(text: str, word: str) -> bool:
    """Whether ``word`` occurs in ``text`` as a word (Chinese words have no spaces around them)."""
    if any("\u3400" <= ch <= "\u9fff" for ch in word):
        return word in text
    return bool(re.search(rf"\b{re.escape(word.lower())}\b", text))


def _kind_of(unit: str, counted: str, kinds: Sequence[TargetKind]) -> str:
    low = counted.lower()
    unit = unit.split(" per ")[0]  # a rate is of the kind of its amount ("yuan per square kilometer")
    for kind in kinds:
        unit_ok = not kind.units or unit in kind.units
        words_ok = not kind.keywords or any(_has_word(low, k) for k in kind.keywords)
        if kind.units and unit_ok and (words_ok or not kind.keywords):
            return kind.id
        if not kind.units and unit == "count" and kind.keywords and words_ok:
            return kind.id
    return _fallback(kinds)
