"""Targets: quantified commitments found in measures (and in parts outside any measure).

Three readers share one placement and id scheme:

- English quantities: a number, a range, or a spelled-out number with a scale such as "one
  million", with a unit or a counted noun phrase, in a sentence that commits to it (a verb of
  intent or a deadline);
- Chinese quantities: 50项以上, 超过1000家, 普及率超70%, 3至5个, 十期, 100亿元 (with 到2027年,
  2025年底前, 年均), the money a notice commits or caps among them;
- duties with a deadline: "Within 270 days of the date of this order, the Secretary … shall …",
  recorded with the number of days and what is to be done (their agency is added by the pipeline).

Years, clock and duration compounds ("72-hour", 72小时), ordinals, article and section
references, statutes ("50 U.S.C."), exponents ("10^26"), definitions,
dates and formulas ("1+4") are not quantities.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from tools import regexes
from tools.models import Measure, Node, Problem, SourceLine, Target, TargetKind
from tools.numerals import parse_number
from tools.parse import fold

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
    """Every target and duty in a paragraph, in order. ``context`` is the enclosing part's own
    text, whose deadline ("By 2026, ...", 到2026年) applies to targets that state none."""
    out = []
    carried = ""  # 到2026年 at the head of a paragraph holds for the sentences after it
    for sentence in sentences(text):
        if _is_chinese(sentence):
            out += _zh_in_sentence(sentence, line, f"{carried} {context}")
            year = regexes.DEADLINE_ZH.search(sentence)
            carried = year.group(0) if year else carried
            continue
        out += _duty_in_sentence(sentence, line)
        if regexes.DEFINITION.search(sentence):
            continue
        if not regexes.COMMITMENT.search(sentence) and not regexes.DEADLINE.search(sentence):
            continue
        for clause in regexes.CLAUSE_SPLIT.split(sentence):
            out += _in_clause(clause, sentence, line, context)
    return out


_HAN = re.compile(r"[\u4e00-\u9fff]")


def _is_chinese(text: str) -> bool:
    return len(_HAN.findall(text)) > len(text) // 4


def _in_clause(clause: str, sentence: str, line: int, context: str) -> list[Found]:
    found = []
    for m in regexes.QUANTITY.finditer(clause):
        num, scale, qual = m["num"], m["scale"], m["qual_before"]
        if num.isalpha() and not (scale or qual):
            continue  # "three key tasks" describes, "one million" or "at least ten" commits
        value = _number(num) * (regexes.SCALES[scale.lower()] if scale else 1)
        is_year = 1900 <= _number(num) <= 2100 and not scale and not num.count(",")
        after = clause[m.end() :]
        if m["times"]:
            found.append(_times(m, clause, sentence, line, context))
            continue
        if regexes.NUMBER_REFERENCE_BEFORE.search(clause[: m.start()]) or regexes.NUMBER_REFERENCE_AFTER.match(after):
            continue  # a section, an order, a statute or an exponent, not a quantity
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
        if not counted or regexes.NOT_COUNTED.match(counted):
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


def _times(m: re.Match[str], clause: str, sentence: str, line: int, context: str) -> Found:
    """A multiple: "increase … at least 20x by 2030"."""
    stated = regexes.DEADLINE.search(clause) or regexes.DEADLINE.search(sentence)
    deadline = stated or regexes.DEADLINE.search(context)
    before, _ = _counted_before(clause[: m.start()])
    return Found(
        line=line,
        sentence=sentence,
        as_written=m.group(0).strip(),
        value=_number(m["num"]),
        value_max=None,
        scale=None,
        unit="times",
        qualifier=_QUALIFIERS.get(" ".join((m["qual_before"] or "").lower().split())),
        counted=before or "multiple",
        deadline=_lower_first(deadline["deadline"]) if deadline else None,
        deadline_year=int(deadline["year"]) if deadline and deadline["year"] else None,
        deadline_source=("sentence" if stated else "part") if deadline else None,
        frequency=None,
    )


def _zh_in_sentence(sentence: str, line: int, context: str) -> list[Found]:
    """Chinese quantities in a sentence that commits to something (a verb of intent or a year)."""
    stated = regexes.DEADLINE_ZH.search(sentence)
    if regexes.SANCTION_ZH.search(sentence) or not (stated or regexes.COMMITMENT_ZH.search(sentence)):
        return []
    inherited = None if stated else regexes.DEADLINE_ZH.search(context)
    deadline = stated or inherited
    found = []
    for m in regexes.QUANTITY_ZH.finditer(sentence):
        value = parse_number(m["num"]) if not m["num"][0].isdigit() else float(m["num"])
        if value is None or (m["unit"] == "个" and m["num"] == "一" and not m["qual_before"]):
            continue  # 一个 is most often "a", not a count of one
        unit, scale = regexes.ZH_UNITS[m["unit"]], m["scale"] or (m["unit"][0] if unit_is_flops(m["unit"]) else None)
        factor = regexes.ZH_SCALES.get(m["scale"] or "", 1.0) * regexes.ZH_SCALES.get(m["unit"], 1.0)
        high = m["num2"] and (parse_number(m["num2"]) if not m["num2"][0].isdigit() else float(m["num2"]))
        clause_start = max(sentence.rfind(mark, 0, m.start()) for mark in "，,；;") + 1
        earlier = list(regexes.QUALIFIER_ZH.finditer(sentence, clause_start, m.start()))
        word = m["qual_after"] or m["qual_before"] or (earlier[-1].group(0) if earlier else "")
        qualifier = "range" if high else regexes.QUALIFIERS_ZH.get(word)
        year = (deadline["year"] or deadline["year2"]) if deadline else None
        # Nothing counted: kept with an empty phrase, so the maintainer is told (see ``unread``).
        counted = _counted_zh(sentence, m.start(), m.end()) or regexes.ZH_UNIT_NOUNS.get(unit, "")
        frequency = regexes.FREQUENCY_ZH.search(sentence[clause_start : m.start()])
        found.append(
            Found(
                line=line,
                sentence=sentence,
                as_written=m.group(0),
                value=float(value) * factor,
                value_max=float(high) * factor if high else None,
                scale=scale,
                unit=unit,
                qualifier=qualifier,
                counted=counted,
                deadline=deadline["deadline"] if deadline else None,
                deadline_year=int(year) if year else None,
                deadline_source=("sentence" if stated else "part") if deadline else None,
                frequency=frequency["frequency"] if frequency else None,
            )
        )
    return found


def unit_is_flops(unit: str) -> bool:
    return unit.endswith("FLOPS")


def _counted_zh(sentence: str, start: int, end: int) -> str:
    """What a Chinese number counts: the noun after its measure word (举办10期研修项目), else the
    phrase before it back to the last clause mark (开展标准宣贯的企业超过1000家)."""
    after = sentence[end:]
    stop = regexes.ZH_CLAUSE_MARK.search(after)
    following = (after[: stop.start()] if stop else after).strip()
    if following and not following.startswith(("以上", "左右", "的")):
        return following[: regexes.ZH_COUNTED_MAX]
    before = sentence[:start]
    marks = list(regexes.ZH_CLAUSE_MARK.finditer(before))
    phrase = before[marks[-1].end() :] if marks else before
    phrase = regexes.ZH_COUNTED_LEAD.sub("", regexes.DEADLINE_ZH.sub("", phrase).strip())
    return phrase[-regexes.ZH_COUNTED_MAX :]


_UNITS_ISO = {"day": "D", "month": "M", "year": "Y"}


def _duty_in_sentence(sentence: str, line: int) -> list[Found]:
    """A duty with a deadline: "Within 270 days of the date of this order, … shall …"."""
    action = regexes.DUTY_ACTION.search(sentence)
    within = regexes.DUTY_WITHIN.search(sentence)
    dated = None if within else regexes.DUTY_BY_DATE.search(sentence)
    if not action or not (within or dated):
        return []
    words = (action["action"] or regexes.DUTY_LISTED).split()
    what = " ".join(words[: regexes.DUTY_ACTION_WORDS]) + (" …" if len(words) > regexes.DUTY_ACTION_WORDS else "")
    if within:
        n = int(_number(within["n"]))
        unit = within["unit"].lower().rstrip("s") + "s"
        after = f"P{n}{_UNITS_ISO[unit[:-1]]}" if within["anchor"] else None
        deadline, value, date = within["deadline"], float(n), None
    else:
        assert dated is not None
        deadline, value, unit, after = dated["deadline"], 0.0, "date", None
        date = _iso_date(dated["date"])
    return [
        Found(
            line=line,
            sentence=sentence,
            as_written=deadline,
            value=value,
            value_max=None,
            scale=None,
            unit=unit,
            qualifier="within" if within else "by",
            counted=what,
            deadline=_lower_first(deadline),
            deadline_year=int(date[:4]) if date else None,
            deadline_source="sentence",
            frequency=None,
            deadline_after=after,
            deadline_date=date,
        )
    ]


def _iso_date(text: str) -> str:
    from datetime import datetime

    return datetime.strptime(" ".join(text.replace(",", " ").split()), "%B %d %Y").date().isoformat()


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
    """The noun a counted phrase is about: "benchmark projects for agents" → "projects"
    (a Chinese phrase is taken whole: its head is its end)."""
    if any("\u3400" <= ch <= "\u9fff" for ch in counted):
        return counted
    words = re.split(r"\s+(?:for|of|in|with|from|on)\s+", counted, maxsplit=1)[0].split()
    return words[-1] if words else "items"


def kind_of(unit: str, counted: str, kinds: Sequence[TargetKind]) -> str:
    """The kind of a target: by unit, then by its head noun, then by any word it counts."""
    head = _kind_of(unit, head_noun(counted), kinds)
    return head if head != _fallback(kinds) else _kind_of(unit, counted, kinds)


def _kind_in_context(found: Found, kinds: Sequence[TargetKind]) -> str:
    """The kind of a target; money whose counted phrase does not say what it is takes its kind
    from its sentence ("发放算力券，单个企业每年最高不超过500万元": funds)."""
    kind = kind_of(found.unit, found.counted, kinds)
    if kind == _fallback(kinds) and found.unit in MONEY_UNITS:
        return _kind_of(found.unit, found.sentence, kinds)
    return kind


MONEY_UNITS = ("yuan", "dollars")


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
    for kind in kinds:
        unit_ok = not kind.units or unit in kind.units
        words_ok = not kind.keywords or any(_has_word(low, k) for k in kind.keywords)
        if kind.units and unit_ok and (words_ok or not kind.keywords):
            return kind.id
        if not kind.units and unit == "count" and kind.keywords and words_ok:
            return kind.id
    return _fallback(kinds)


def _slug(found: Found, kind: str) -> str:
    if found.deadline_date:
        return f"by-{found.deadline_date}"
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
    targets: list[Target] = []
    unread: list[Found] = []
    used: set[str] = set()
    for node, is_measure, lines, context in places:
        for line in lines:
            text = _readable(line, node, strip)
            for found in find_quantities(text, line.number, context):
                found = _as_printed(found, text, line.raw)
                if not found.counted:
                    unread.append(found)
                    continue
                kind = _kind_in_context(found, kinds)
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
        if regexes.DEFINITIONS_TITLE.match(node.title or ""):
            continue  # defined terms state thresholds, not commitments
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


DUTY_UNITS = ("days", "months", "years", "date")
_GIVEN = ("lead", "responsible", "assigned")


def with_duty_agencies(found: Sequence[Target], measures: dict[str, Measure]) -> list[Target]:
    """Each duty with the agency it is given: the first agency of its measure, leading or
    given a duty, that its sentence names before "shall"."""
    out = []
    for target in found:
        measure = measures.get(target.measure or "")
        if target.unit in DUTY_UNITS and measure:
            subject = target.sentence.lower().split(" shall", 1)[0]
            agency = next(
                (r.agency for r in measure.agencies if r.role in _GIVEN and r.as_written.lower() in subject), None
            )
            target = replace(target, agency=agency)
        out.append(target)
    return out
