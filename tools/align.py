"""Align a translation with its original by what is printed: 第五条 ↔ Article 5, 第二章 ↔
Section 2, （一） ↔ (1). A unit pairs with the unit of the same kind (a part or a measure) and
the same numbers on its path (a chapter's value, then the article's); its items pair by their
values. Nothing is paired by position: a unit without a counterpart is reported, with where
it is and, when the other text has a unit of another number in its place, that number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from tools.models import Node, ParsedNotice, Point, Problem
from tools.numerals import parse_number


@dataclass(frozen=True)
class Unit:
    """A numbered unit of one text, with the key it pairs by."""

    key: tuple[str, tuple[int, ...]]  # ("measure" or "part", the values on its path)
    id: str
    printed: str  # its number as printed: "第五条", "Article 5"
    line: int


@dataclass
class Alignment:
    """The original's unit ids paired with the translation's, and what has no counterpart."""

    pairs: dict[str, str] = field(default_factory=dict)  # original id -> translation id
    problems: list[Problem] = field(default_factory=list)


def units(nodes: Sequence[Node]) -> list[Unit]:
    """Every numbered unit of a parse, in the order of the text."""
    return list(_walk(nodes, ()))


def _walk(nodes: Sequence[Node], path: tuple[int, ...]) -> Iterator[Unit]:
    for node in nodes:
        values = (*path, node.numbering.value)
        kind = "measure" if node.is_measure else "part"
        yield Unit((kind, values), node.id, node.numbering.printed.strip() or node.heading_raw, node.line)
        yield from _walk(node.children, values)


def point_values(points: Sequence[Point]) -> list[int | None]:
    """The values of a measure's items as printed: "（一）" and "(1)" are both 1."""
    out: list[int | None] = []
    for point in points:
        bare = re.sub(r"[\s()（）.．、:：\[\]]", "", point.number)
        out.append(parse_number(bare) if bare else None)
    return out


def align(
    original: ParsedNotice,
    translation: ParsedNotice,
    original_path: str,
    translation_path: str,
) -> Alignment:
    """Pair the units of ``translation`` with those of ``original`` by their printed numbers."""
    result = Alignment()
    ours, theirs = units(original.nodes), units(translation.nodes)
    by_key: dict[tuple[str, tuple[int, ...]], Unit] = {}
    surplus: list[tuple[Unit, Unit]] = []  # a unit printed twice, and its first
    for unit in theirs:
        if unit.key in by_key:
            surplus.append((unit, by_key[unit.key]))
        else:
            by_key[unit.key] = unit
    ours_keys = {u.key for u in ours}
    name = translation_path.rsplit("/", 1)[-1]
    original_name = original_path.rsplit("/", 1)[-1]
    for place, unit in enumerate(ours):
        match = by_key.get(unit.key)
        if match:
            result.pairs[unit.id] = match.id
            continue
        why = f"{name} prints no {_numbers(unit)}"
        there = _in_place(theirs, ours, place, result.pairs)
        if there is not None:
            why += f"; in its place it has {there.printed} (line {there.line}): renumbered, or left out?"
        result.problems.append(Problem(original_path, unit.line, f"{unit.printed} has no counterpart in {name}: {why}"))
    for unit in theirs:
        if unit.key not in ours_keys:
            result.problems.append(
                Problem(
                    translation_path,
                    unit.line,
                    f"{unit.printed} has no counterpart in the original: {original_name} prints no {_numbers(unit)}",
                )
            )
    for unit, first in surplus:
        if unit.key in ours_keys:
            result.problems.append(
                Problem(
                    translation_path,
                    unit.line,
                    f"{unit.printed} is printed a second time (first at line {first.line}); the original has one: "
                    "renumbered?",
                )
            )
    result.problems += _point_problems(original, translation, result.pairs, translation_path)
    return result


def _numbers(unit: Unit) -> str:
    kind, values = unit.key
    where = "".join(f" in part {v}" for v in reversed(values[:-1]))
    return f"{'measure' if kind == 'measure' else 'part'} {values[-1]}{where}"


def _in_place(theirs: Sequence[Unit], ours: Sequence[Unit], place: int, pairs: dict[str, str]) -> Unit | None:
    """The translation's unit of the same kind that follows the counterpart of the original's
    unit before this one: what the translation prints where this unit would be."""
    kind = ours[place].key[0]
    same = [u for u in theirs if u.key[0] == kind]
    before = next((pairs[u.id] for u in reversed(ours[:place]) if u.key[0] == kind and u.id in pairs), None)
    at = next((i + 1 for i, u in enumerate(same) if u.id == before), 0) if before else 0
    return same[at] if at < len(same) and same[at].key != ours[place].key else None


def _point_problems(
    original: ParsedNotice, translation: ParsedNotice, pairs: dict[str, str], translation_path: str
) -> list[Problem]:
    """Paired measures whose items are numbered differently."""
    out = []
    theirs = {m.id: m for m in translation.measures}
    for measure in original.measures:
        other = theirs.get(pairs.get(measure.id, ""))
        if other is None:
            continue
        a, b = point_values(measure.points), point_values(other.points)
        if a != b:
            out.append(
                Problem(
                    translation_path,
                    other.line,
                    f"{other.number}: its items are numbered {_list(b)}, the original's {measure.number} {_list(a)}; "
                    "items pair by their numbers",
                )
            )
    return out


def _list(values: Sequence[int | None]) -> str:
    return "(" + ", ".join("?" if v is None else str(v) for v in values) + ")" if values else "(none)"
