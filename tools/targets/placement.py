"""Placement and ids: where a notice's targets are looked for, and the ``Target`` each becomes.

Every node is read (a measure over its lines, any other part over its own paragraphs), so a
target outside any measure is kept, on its part. The English, Chinese and duty readers share
this one placement and id scheme: ``<notice>--<node>--<value>-<unit>`` ("50-standards" when what
is counted is Chinese: the kind names it), with a suffix when two would be the same.

A target is read from a folded twin of its raw line with one character per raw character, so
its sentence and words are shown as the source prints them. A quantity in a committing sentence
whose counted thing cannot be read is kept aside (``Extraction.unread``) and reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from tools import regexes
from tools.models import Node, Problem, SourceLine, Target, TargetKind
from tools.parse import fold
from tools.targets.duties import DUTY_UNITS, RECURRING_UNIT, frequency_words
from tools.targets.found import Found
from tools.targets.kinds import head_noun, kind_in_context
from tools.targets.reading import find_quantities


@dataclass(frozen=True)
class Extraction:
    """What a notice commits to, and the quantities that look like targets but could not be read."""

    targets: list[Target]
    unread: list[Found]


def extract(
    notice_id: str,
    places: Iterable[tuple[Node, bool, Sequence[SourceLine], str]],
    kinds: Sequence[TargetKind],
    strip: re.Pattern[str] = regexes.RESPONSIBLE_CLAUSE,
) -> Extraction:
    """Targets of a notice. ``places`` gives each node, whether it is a measure, its lines,
    and the own text of the parts around it."""
    read: list[tuple[Node, bool, Found]] = []
    unread: list[Found] = []
    for node, is_measure, lines, context in places:
        for line, text, raw in _paragraphs(lines, node, strip):
            for found in find_quantities(text, line.number, context):
                found = _as_printed(found, text, raw)
                if not found.counted:
                    unread.append(found)
                    continue
                read.append((node, is_measure, found))
    targets: list[Target] = []
    used: set[str] = set()
    for node, is_measure, found in once(read):
        kind = kind_in_context(found, kinds)
        base = f"{notice_id}--{node.id}--{_slug(found, kind)}"
        ident, n = base, 2
        while ident in used:
            ident, n = f"{base}-{n}", n + 1
        used.add(ident)
        targets.append(
            Target(
                id=ident,
                notice=notice_id,
                measure=node.id if is_measure else None,
                part=None if is_measure else node.id,
                kind=kind,
                **{k: getattr(found, k) for k in Found.__dataclass_fields__},
            )
        )
    return Extraction(targets, unread)


def once(read: Sequence[tuple[Node, bool, Found]]) -> list[tuple[Node, bool, Found]]:
    """Each quantity once: a plan that states a target again in another of its parts (its Main
    Objectives repeated, with a date, in its Key Tasks; a summary of a measure) gives one target,
    the first statement's, or the first in a measure when the first is outside any."""
    kept: list[tuple[Node, bool, Found]] = []
    for node, is_measure, found in read:
        earlier = next((i for i, (n, _, f) in enumerate(kept) if n.id != node.id and restates(found, f)), None)
        if earlier is None:
            kept.append((node, is_measure, found))
        elif is_measure and not kept[earlier][1]:
            kept[earlier] = (node, is_measure, found)
    return kept


_SAME_WORDS = {
    "companies": "enterprises",
    "company": "enterprises",
    "enterprise": "enterprises",
    "firms": "enterprises",
}
_NOT_CONTENT = regexes.SLUG_STOPWORDS | {"total", "new", "more", "major", "key", "high-quality"}


def restates(found: Found, earlier: Found) -> bool:
    """Whether a quantity states an earlier one again: the same value (and upper end), unit and
    frequency, no other deadline, and the same thing counted — the same head noun and another
    word in common ("5 unicorn and invisible champion companies" and "a total of 5 unicorn and
    hidden champion enterprises"), or the same Chinese phrase. Duties are never restatements: two
    deadlines of the same length are two duties."""
    if found.unit in DUTY_UNITS or (found.value, found.value_max, found.unit, found.frequency) != (
        earlier.value,
        earlier.value_max,
        earlier.unit,
        earlier.frequency,
    ):
        return False
    when, before = _when(found), _when(earlier)
    if when and before and when != before:
        return False  # staged: the same number by another year
    if not found.counted.isascii() or not earlier.counted.isascii():
        return found.counted in earlier.counted or earlier.counted in found.counted
    words, other = _content_words(found.counted), _content_words(earlier.counted)
    head, other_head = (_SAME_WORDS.get(w, w) for w in (_head(found.counted), _head(earlier.counted)))
    return words == other or (head == other_head and len((words & other) - {head}) >= 1)


def _head(counted: str) -> str:
    """The head noun, also before an adjective that follows it ("notifying authority responsible
    for …" is about an authority)."""
    return head_noun(regexes.POSTMODIFIER.split(counted, maxsplit=1)[0]).lower()


def _content_words(counted: str) -> set[str]:
    words = {_SAME_WORDS.get(w, w) for w in re.findall(r"[\w-]+", counted.lower())}
    return words - _NOT_CONTENT


def _when(found: Found) -> str | None:
    """A quantity's deadline, comparable across statements: a date, a year, or a span of years."""
    if found.deadline_date:
        return found.deadline_date[:4]
    if found.deadline_year:
        return str(found.deadline_year)
    if found.deadline_after:
        return found.deadline_after
    span = regexes.DEADLINE.search(found.deadline or "")
    return re.sub(r"\byears?\b", "years", re.sub(r"[\s-]+", " ", span.group(0).lower())) if span else None


def _slug(found: Found, kind: str) -> str:
    if found.unit == "date" and found.deadline_date:
        return f"by-{found.deadline_date}"  # a dated duty with nothing counted: its date names it
    if found.unit == RECURRING_UNIT:  # a recurring duty: how often ("annually", "twice-a-year")
        return re.sub(r"[^a-z0-9]+", "-", frequency_words(found.value)).strip("-")
    if found.scale in regexes.SCALES_ZH:
        scale_value = regexes.SCALES_ZH[found.scale]
        return re.sub(r"[^a-z0-9]+", "-", f"{found.value / scale_value:g}-{found.scale}-{found.unit}".lower()).strip(
            "-"
        )
    value = found.value / regexes.SCALES[found.scale] if found.scale else found.value
    number = f"{value:g}".replace(".", "-")
    if found.value_max is not None:
        high = found.value_max / regexes.SCALES[found.scale] if found.scale else found.value_max
        number += f"-{high:g}"
    tail = found.scale + "-" if found.scale else ""
    unit = found.unit if found.unit != "count" else head_noun(found.counted)
    if not unit.isascii():
        unit = kind  # a Chinese phrase: the kind names it in the id ("50-standards")
    unit = {"%": "percent"}.get(unit, unit)
    return re.sub(r"[^a-z0-9]+", "-", f"{number}-{tail}{unit}".lower()).strip("-")


def _paragraphs(
    lines: Sequence[SourceLine], node: Node, strip: re.Pattern[str]
) -> Iterator[tuple[SourceLine, str, str]]:
    """Each paragraph as targets are read from it: its first line, its readable text and its raw
    text. A line that breaks off mid-phrase ("… through the Assistant to the President for") is
    read with the line that follows it in the source, joined by the line break."""
    at = 0
    while at < len(lines):
        first = lines[at]
        text, raw = _readable(first, node, strip), first.raw
        while (
            at + 1 < len(lines)
            and lines[at + 1].number == lines[at].number + 1
            and regexes.BROKEN_OFF.search(lines[at].raw)
        ):
            at += 1
            text, raw = f"{text}\n{_readable(lines[at], node, strip)}", f"{raw}\n{lines[at].raw}"
        yield first, text, raw
        at += 1


def _readable(line: SourceLine, node: Node, strip: re.Pattern[str]) -> str:
    """The line as targets are read from it, one character per raw character: clauses and the
    heading's own number blanked out."""
    text = strip.sub(lambda m: " " * len(m.group(0)), fold(line.raw))
    if line.index == node.first:
        printed = fold(node.numbering.printed.strip())
        at = text.find(printed) if printed else -1
        if at >= 0:
            text = text[:at] + " " * len(printed) + text[at + len(printed) :]
    return text


def _as_printed(found: Found, text: str, raw: str) -> Found:
    """The sentence and the words of a target as the source prints them (the same span of the
    raw line as of its folded twin)."""
    at = text.find(found.sentence)
    if at < 0:
        return found
    sentence = raw[at : at + len(found.sentence)]
    inner = found.sentence.find(found.as_written)
    written = sentence[inner : inner + len(found.as_written)] if inner >= 0 else found.as_written
    return replace(found, sentence=sentence, as_written=written)


def unread_problems(unread: Sequence[Found], path: str) -> list[Problem]:
    """A quantity in a sentence that commits to something, whose counted thing could not be read."""
    return [
        Problem(
            path,
            f.line,
            f"{f.as_written!r} looks like a target ({f.deadline or 'a commitment'}) but what it counts could "
            f"not be read in “{f.sentence[:80]}”; it is left out of the targets. If it is one, name what is "
            "counted next to the number",
            "warning",
        )
        for f in unread
    ]


def places(
    nodes: Sequence[Node], lines: Sequence[SourceLine], context: str = ""
) -> Iterator[tuple[Node, bool, Sequence[SourceLine], str]]:
    """Where targets are looked for: each node with its lines and the own text of the parts
    that enclose it (whose deadline applies to targets that state none)."""
    for node in nodes:
        if regexes.DEFINITIONS_TITLE.match(node.title or "") or node.back_matter:
            continue  # defined terms and annexes state thresholds and criteria, not commitments
        if node.is_measure:
            yield node, True, [ln for ln in lines[node.first : _last_index(node) + 1] if ln.norm], context
        else:
            yield node, False, node.paragraphs, context
            own = " ".join(ln.norm for ln in node.paragraphs[1:])
            yield from places(node.children, lines, f"{context} {own}".strip())


def _last_index(node: Node) -> int:
    while node.children:
        node = node.children[-1]
    return node.last
