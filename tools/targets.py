"""Targets: quantified commitments found in measures (and in parts outside any measure).

A target is a quantity (a number, a range, or a spelled-out number with a scale such as
"one million") with a unit or a counted noun phrase, in a sentence that commits to it (a
verb of intent or a deadline). Years, clock and duration compounds ("72-hour"), ordinals,
dates and formulas ("1+4") are not quantities.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from tools import regexes
from tools.models import Node, SourceLine, Target, TargetKind

_QUALIFIERS = {
    "more than": "over",
    "over": "over",
    "exceeding": "over",
    "at least": "at least",
    "no less than": "at least",
    "no fewer than": "at least",
    "not less than": "at least",
    "around": "around",
    "about": "around",
    "approximately": "around",
    "nearly": "around",
    "some": "around",
    "up to": "up to",
    "a total of": "in total",
    "or more": "at least",
    "and above": "at least",
    "or above": "at least",
}
_LEADING_NOISE = {"the", "a", "an", "and", "of", "to", "total", "form", "achieve", "establish", "create", "build"}
_VERB_PARTICIPLES = {"reserve": "reserved", "optimize": "optimized", "release": "released", "build": "built"}
_PRECEDING_TAIL = re.compile(
    r"\s+(?:shall|will|should)?\s*(?:reach|be|exceed|total|achieve)?\s*(?:of|with\s+a\s+scale\s+of|to|at)?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Found:
    """A quantity found in text, before it is placed and given an id."""

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


def _number(text: str) -> float:
    return float(regexes.NUMBER_WORDS.get(text.lower(), 0) or text.replace(",", ""))


def sentences(text: str) -> list[str]:
    return [s.strip() for s in regexes.SENTENCE_SPLIT.split(text) if s.strip()]


def _unit(after: str) -> tuple[str | None, int]:
    for pattern, canonical in (
        (regexes.MONEY_UNIT, "yuan"),
        (regexes.AREA_UNIT, None),
        (regexes.PERCENT_UNIT, "%"),
    ):
        m = pattern.match(after)
        if m:
            unit = canonical or _area_unit(m["unit"])
            return unit, m.end()
    return None, 0


def _area_unit(text: str) -> str:
    low = text.lower()
    if "kilomet" in low:
        return "square kilometers"
    if low in {"mu"}:
        return "mu"
    return "square meters"


def _counted_after(after: str) -> str:
    stop = regexes.COUNTED_STOP.search(after)
    phrase = after[: stop.start()] if stop else after
    words = phrase.split()[: regexes.COUNTED_MAX_WORDS]
    return " ".join(words).strip(" \"“”'")


def _counted_before(before: str) -> tuple[str, str | None]:
    """The noun phrase a money or area amount belongs to, read backwards; and a verb if that is all."""
    clause = re.split(r"[,;:]", before)[-1]
    clause = _PRECEDING_TAIL.sub("", clause).strip()
    words = clause.split()
    verb = None
    while words and (words[0].lower() in _LEADING_NOISE or words[0].lower().endswith("ing")):
        dropped = words.pop(0).lower()
        if dropped.endswith("ing") or dropped in _VERB_PARTICIPLES:
            verb = dropped
    if words and (words[-1].lower() in _VERB_PARTICIPLES or words[-1].lower().endswith("ing")):
        return "", words[-1].lower()  # "the goal of reserving": the verb says what is counted
    return " ".join(words[-8:]), verb


def _participle(verb: str) -> str:
    if verb in _VERB_PARTICIPLES:
        return _VERB_PARTICIPLES[verb]
    return verb[:-3] + "ed" if verb.endswith("ing") else verb


def find_quantities(text: str, line: int, context: str = "") -> list[Found]:
    """Every target in a paragraph, in order. ``context`` is the enclosing part's own text,
    whose deadline ("By 2026, ...") applies to targets that state none."""
    out = []
    for sentence in sentences(text):
        if not regexes.COMMITMENT.search(sentence) and not regexes.DEADLINE.search(sentence):
            continue
        for clause in regexes.CLAUSE_SPLIT.split(sentence):
            out += _in_clause(clause, sentence, line, context)
    return out


def _in_clause(clause: str, sentence: str, line: int, context: str) -> list[Found]:
    found = []
    for m in regexes.QUANTITY.finditer(clause):
        num, scale, qual = m["num"], m["scale"], m["qual_before"]
        if num.isalpha() and not (scale or qual):
            continue  # "three key tasks" describes, "one million" or "at least ten" commits
        value = _number(num) * (regexes.SCALES[scale.lower()] if scale else 1)
        is_year = 1900 <= _number(num) <= 2100 and not scale and not num.count(",")
        after = clause[m.end() :]
        unit, unit_len = _unit(after)
        if is_year and not unit:
            continue
        tail = after[unit_len:]
        after_qual = regexes.QUALIFIER_AFTER.match(tail)
        if unit:
            of = re.match(r"\s+of\s+(.*)", tail)
            counted = _counted_after(of.group(1)) if of else ""
            if not counted:
                counted, verb = _counted_before(clause[: m.start()])
                noun = "space" if "square" in unit else "amount"
                counted = counted or (f"{noun} {_participle(verb)}" if verb else noun)
            per = re.match(r"\s+(per\s+\w+(?:\s+\w+)?)", tail)
            counted += f" {per.group(1)}" if per else ""
        else:
            counted = _counted_after(tail if not after_qual else tail[after_qual.end() :])
            if not counted:
                counted = _subject(clause[: m.start()])
        if not counted:
            continue
        qualifier_text = (qual or "").strip().lower() or (after_qual.group(0).strip().lower() if after_qual else "")
        qualifier = _QUALIFIERS.get(re.sub(r"\s+", " ", qualifier_text)) if qualifier_text else None
        if m["num2"]:
            qualifier = "range"
        stated = regexes.DEADLINE.search(clause) or regexes.DEADLINE.search(sentence)
        inherited = None if stated else regexes.DEADLINE.search(context)
        deadline = stated or inherited
        frequency = regexes.FREQUENCY.search(clause)
        found.append(
            Found(
                line=line,
                sentence=sentence,
                as_written=(m.group(0) + after[: unit_len or len(_counted_after(after)) + 1]).strip(),
                value=value,
                value_max=_number(m["num2"]) * (regexes.SCALES[scale.lower()] if scale else 1) if m["num2"] else None,
                scale=scale.lower() if scale else None,
                unit=unit or "count",
                qualifier=qualifier,
                counted=counted,
                deadline=_lower_first(deadline["deadline"]) if deadline else None,
                deadline_source=("sentence" if stated else "part") if deadline else None,
                deadline_year=int(deadline["year"]) if deadline and deadline["year"] else None,
                frequency=frequency["frequency"] if frequency else None,
            )
        )
    return found


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _subject(before: str) -> str:
    """For "The number of PCT patent applications shall reach more than 110": the thing counted."""
    m = re.search(r"(?:the\s+number\s+of\s+)?(?P<np>[\w\s\-]+?)\s+(?:shall|will)\s+(?:reach|exceed)\s*$", before, re.I)
    if not m:
        return ""
    np = re.sub(r"^(?:the|a|an)\s+", "", m["np"].strip(), flags=re.I)
    return re.sub(r"^number\s+of\s+", "", np, flags=re.I)


def head_noun(counted: str) -> str:
    """The noun a counted phrase is about: "benchmark projects for agents" → "projects"."""
    words = re.split(r"\s+(?:for|of|in|with|from|on)\s+", counted, maxsplit=1)[0].split()
    return words[-1] if words else "items"


def kind_of(unit: str, counted: str, kinds: Sequence[TargetKind]) -> str:
    """The kind of a target: by unit, then by its head noun, then by any word it counts."""
    head = _kind_of(unit, head_noun(counted), kinds)
    return head if head != _fallback(kinds) else _kind_of(unit, counted, kinds)


def _fallback(kinds: Sequence[TargetKind]) -> str:
    rest = [k.id for k in kinds if not k.units and not k.keywords]
    return rest[0] if rest else "other"


def _kind_of(unit: str, counted: str, kinds: Sequence[TargetKind]) -> str:
    low = counted.lower()
    for kind in kinds:
        unit_ok = not kind.units or unit in kind.units
        words_ok = not kind.keywords or any(re.search(rf"\b{re.escape(k.lower())}\b", low) for k in kind.keywords)
        if kind.units and unit_ok and (words_ok or not kind.keywords):
            return kind.id
        if not kind.units and unit == "count" and kind.keywords and words_ok:
            return kind.id
    return _fallback(kinds)


def _slug(found: Found) -> str:
    value = found.value / regexes.SCALES[found.scale] if found.scale else found.value
    number = f"{value:g}".replace(".", "-")
    if found.value_max is not None:
        high = found.value_max / regexes.SCALES[found.scale] if found.scale else found.value_max
        number += f"-{high:g}"
    tail = found.scale + "-" if found.scale else ""
    unit = found.unit if found.unit != "count" else head_noun(found.counted)
    return re.sub(r"[^a-z0-9]+", "-", f"{number}-{tail}{unit}".lower()).strip("-")


def extract(
    notice_id: str,
    places: Iterable[tuple[Node, bool, Sequence[SourceLine], str]],
    kinds: Sequence[TargetKind],
    strip: re.Pattern[str] = regexes.RESPONSIBLE_CLAUSE,
) -> list[Target]:
    """Targets of a notice. ``places`` gives each node, whether it is a measure, its lines,
    and the own text of the parts around it."""
    targets: list[Target] = []
    used: set[str] = set()
    for node, is_measure, lines, context in places:
        for line in lines:
            text = strip.sub(" ", line.norm)
            if line.index == node.first:
                text = text[len(node.numbering.printed) :] if text.startswith(node.numbering.printed) else text
            for found in find_quantities(text, line.number, context):
                base = f"{notice_id}--{node.id}--{_slug(found)}"
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
                        kind=kind_of(found.unit, found.counted, kinds),
                        **{k: getattr(found, k) for k in Found.__dataclass_fields__},
                    )
                )
    return targets


def places(
    nodes: Sequence[Node], lines: Sequence[SourceLine], context: str = ""
) -> Iterator[tuple[Node, bool, Sequence[SourceLine], str]]:
    """Where targets are looked for: each node with its lines and the own text of the parts
    that enclose it (whose deadline applies to targets that state none)."""
    for node in nodes:
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
