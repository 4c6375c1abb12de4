"""English quantities: a number, a range, or a spelled-out number with a scale such as "one
million", with a unit or a counted noun phrase, in a sentence that commits to it (a verb of
intent or a deadline).

Years, clock and duration compounds ("72-hour"), ordinals, article and section references,
statutes ("50 U.S.C."), exponents ("10^26") and definitions are not quantities. A multiple
("at least 20x by 2030") is one, counted in "times".

The sentence has already been judged to commit (see ``reading``); this module reads one clause
of it.
"""

from __future__ import annotations

import re

from tools import regexes
from tools.targets.duties import by_date, duration, iso_date, within_text
from tools.targets.found import Found, lower_first, number
from tools.targets.kinds import MONEY_UNITS

_QUALIFIERS = {
    "more than": "over",
    "over": "over",
    "exceeding": "over",
    "at least": "at least",
    "no less than": "at least",
    "no fewer than": "at least",
    "not less than": "at least",
    "a minimum of": "at least",
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


def _singular(unit: str) -> str:
    """ "square kilometres" → "square kilometer"."""
    unit = unit.replace("kilometre", "kilometer").replace("metre", "meter")
    return unit[:-1] if unit.endswith("s") and not unit.endswith("ss") else unit


def _area_unit(text: str) -> str:
    low = text.lower()
    if "kilomet" in low:
        return "square kilometers"
    if low in {"mu"}:
        return "mu"
    return "square meters"


def _counted_after(after: str) -> str:
    """The noun phrase after a number, to the first word or mark that ends it; a short gloss in
    brackets does not ("benchmark projects for intelligent agents (agents) or vertical models")."""
    masked = regexes.GLOSS.sub(lambda m: "_" * len(m.group(0)), after)
    stop = regexes.COUNTED_STOP.search(masked)
    phrase = after[: stop.start()] if stop else after
    words = phrase.split()[: regexes.COUNTED_MAX_WORDS]
    # A phrase cut where the next count begins keeps no dangling "and" ("at least one notifying
    # authority and at least one market surveillance authority").
    while words and words[-1].lower() in {"and", "or", "plus"}:
        words.pop()
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


def in_clause(clause: str, sentence: str, line: int, context: str) -> list[Found]:
    """The quantities of one clause of a committing sentence. A deadline is the clause's, else
    the sentence's, else the one in ``context`` (the enclosing part's own text)."""
    found = []
    condition = regexes.CONDITION.match(clause)
    for m in regexes.QUANTITY.finditer(clause):
        if (condition and m.start() < condition.end()) or regexes.CONDITION_WITHIN.search(clause[: m.start()]):
            continue  # "Where … more than one Union act, …": when a rule applies, not a commitment
        num, scale, qual = m["num"], m["scale"], m["qual_before"]
        if num.isalpha() and not (scale or qual):
            continue  # "three key tasks" describes, "one million" or "at least ten" commits
        value = number(num) * (regexes.SCALES[scale.lower()] if scale else 1)
        is_year = 1900 <= number(num) <= 2100 and not scale and not num.count(",")
        after = clause[m.end() :]
        if num.lower() in regexes.MULTIPLE_WORDS and regexes.PER_PERIOD.match(after):
            continue  # "at least twice a year": how often, not a multiple
        if m["times"] or num.lower() in regexes.MULTIPLE_WORDS:
            found.append(_times(m, clause, sentence, line, context))
            continue
        if regexes.NUMBER_REFERENCE_BEFORE.search(clause[: m.start()]) or regexes.NUMBER_REFERENCE_AFTER.match(after):
            continue  # a section, an order, a statute or an exponent, not a quantity
        unit, unit_len = _unit(after)
        if is_year and not unit:
            continue
        if not qual and not unit and regexes.EXISTING_COUNT.search(clause[: m.start()]):
            continue  # "the 17 National Laboratories": what there is, not what is promised
        tail = after[unit_len:]
        rate = regexes.RATE_PER.match(tail) if unit in MONEY_UNITS else None
        if rate:  # "10 billion yuan per square kilometer": a rate, which adds up with no amount
            unit = f"{unit} per {_singular(rate['per'].lower())}"
        after_qual = regexes.QUALIFIER_AFTER.match(tail)
        if unit:
            of = re.match(r"\s+of\s+(.*)", tail)
            counted = _counted_after(of.group(1)) if of else ""
            if not counted:
                counted, verb = _counted_before(clause[: m.start()])
                noun = "space" if "square" in unit else "amount"
                counted = counted or (f"{noun} {_participle(verb)}" if verb else noun)
            per = re.match(r"\s+(per\s+\w+(?:\s+\w+)?)", tail)
            counted += f" {per.group(1)}" if per and not rate else ""
        else:
            counted = _counted_after(tail if not after_qual else tail[after_qual.end() :])
            if not counted:
                counted = _subject(clause[: m.start()])
            counted = _designated(clause[: m.start()], counted, tail)
            if counted and regexes.EACH_HOLDER.search(clause[: m.start()]):
                counted += " for each holder"  # "… shall each identify a minimum of 3 sites"
        if not counted or regexes.NOT_COUNTED.match(counted):
            continue
        qualifier_text = (qual or "").strip().lower() or (after_qual.group(0).strip().lower() if after_qual else "")
        qualifier = _QUALIFIERS.get(re.sub(r"\s+", " ", qualifier_text)) if qualifier_text else None
        if m["num2"]:
            qualifier = "range"
        stated = regexes.DEADLINE.search(clause) or regexes.DEADLINE.search(sentence)
        inherited = None if stated else regexes.DEADLINE.search(context)
        deadline = stated or inherited
        dated = _first_date(sentence)
        # "Within 60 days …, the Secretary shall identify … at least 20 challenges": the count is
        # due when the duty is.
        within = None if stated or dated else regexes.DUTY_WITHIN.search(sentence)
        frequency = regexes.FREQUENCY.search(clause)
        if frequency and regexes.OTHERS_SCHEDULE.search(clause[: frequency.start()]):
            frequency = None  # "requirements for grantees to report annually": theirs, not the count's
        found.append(
            Found(
                line=line,
                sentence=sentence,
                as_written=(m.group(0) + after[: unit_len or len(_counted_after(after)) + 1]).strip(),
                value=value,
                value_max=number(m["num2"]) * (regexes.SCALES[scale.lower()] if scale else 1) if m["num2"] else None,
                scale=scale.lower() if scale else None,
                unit=unit or "count",
                qualifier=qualifier,
                counted=counted,
                deadline=_deadline_text(dated or within or deadline),
                deadline_source="sentence" if stated or dated or within else "part" if deadline else None,
                deadline_after=duration(within) if within else None,
                deadline_year=_year(dated, deadline),
                frequency=frequency["frequency"] if frequency else None,
                deadline_date=iso_date(dated["date"]) if dated else None,
            )
        )
    return found


def _first_date(sentence: str) -> re.Match[str] | None:
    """A date the sentence states before any year ("By February 28, 2025, … at least 3 sites …
    by the end of 2027"): the first deadline of a sentence governs it."""
    dated = by_date(sentence)
    year = regexes.DEADLINE.search(sentence)
    return dated if dated and (year is None or dated.start() < year.start()) else None


def _deadline_text(deadline: re.Match[str] | None) -> str | None:
    if deadline is not None and deadline.re is regexes.DUTY_WITHIN:
        return lower_first(within_text(deadline))
    return lower_first(deadline["deadline"]) if deadline else None


def _year(dated: re.Match[str] | None, deadline: re.Match[str] | None) -> int | None:
    if dated:
        return int(dated["date"][-4:])
    return int(deadline["year"]) if deadline and deadline["year"] else None


def _times(m: re.Match[str], clause: str, sentence: str, line: int, context: str) -> Found:
    """A multiple: "increase … at least 20x by 2030"."""
    stated = regexes.DEADLINE.search(clause) or regexes.DEADLINE.search(sentence)
    deadline = stated or regexes.DEADLINE.search(context)
    before, _ = _counted_before(clause[: m.start()])
    grows = regexes.GROWTH_OBJECT.search(clause[: m.start()])
    before = grows["np"].strip() if grows else before
    return Found(
        line=line,
        sentence=sentence,
        as_written=m.group(0).strip(),
        value=number(m["num"]),
        value_max=None,
        scale=None,
        unit="times",
        qualifier=_QUALIFIERS.get(" ".join((m["qual_before"] or "").lower().split())),
        counted=before or "multiple",
        deadline=lower_first(deadline["deadline"]) if deadline else None,
        deadline_year=int(deadline["year"]) if deadline and deadline["year"] else None,
        deadline_source=("sentence" if stated else "part") if deadline else None,
        frequency=None,
    )


def _designated(before: str, counted: str, tail: str) -> str:
    """What a count of things designated as something is: "designate at least five regions composed
    of lands … managed by the Department of the Interior as Priority Geothermal Zones (PGZs)" counts
    "regions designated as Priority Geothermal Zones (PGZs)"."""
    named = regexes.DESIGNATED_AS.search(tail)
    if not counted or not named or not regexes.DESIGNATE_VERB.search(before):
        return counted
    head = regexes.COUNTED_QUALIFIER.split(counted, maxsplit=1)[0].strip()
    return f"{head} designated as {named['name']}"


def _subject(before: str) -> str:
    """For "The number of PCT patent applications shall reach more than 110": the thing counted."""
    m = re.search(r"(?:the\s+number\s+of\s+)?(?P<np>[\w\s\-]+?)\s+(?:shall|will)\s+(?:reach|exceed)\s*$", before, re.I)
    if not m:
        return ""
    np = re.sub(r"^(?:the|a|an)\s+", "", m["np"].strip(), flags=re.I)
    return re.sub(r"^number\s+of\s+", "", np, flags=re.I)
