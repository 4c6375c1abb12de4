"""Duties with a deadline: "Within 270 days of the date of this order, the Secretary … shall …",
recorded with the number of days and what is to be done; or by a date ("By February 28, 2025,
the Secretary of Defense … shall …"), recorded with the date.

A duty is found in the sentence; its agency is added later by the pipeline
(``with_duty_agencies``), once the measure's agencies are known.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from tools import regexes
from tools.models import Measure, Target
from tools.targets.found import Found, lower_first, number

_UNITS_ISO = {"day": "D", "month": "M", "year": "Y"}


def in_sentence(sentence: str, line: int) -> list[Found]:
    """A duty with a deadline: "Within 270 days of the date of this order, … shall …". The first
    deadline of the sentence governs its duty ("By February 28, 2025 … identify sites … by the
    end of 2027" is due on February 28, 2025); one counted from an event keeps the event."""
    within = regexes.DUTY_WITHIN.search(sentence)
    dated = regexes.DUTY_BY_DATE.search(sentence)
    until = regexes.HAVE_UNTIL.search(sentence)
    if until and not (within and within.start() < until.start()):
        # "Existing systems … will have until June 24, 2026 to comply with the new requirements"
        within, dated = None, until
    if within and dated:
        within, dated = (within, None) if within.start() < dated.start() else (None, dated)
    first = within or dated
    if first is None or _conditional(sentence, first.start()):
        return []
    if regexes.PROCEDURAL_LIMIT.match(sentence[first.end() :].lstrip(" ,")) or _counted_from_procedure(
        sentence, first.end()
    ):
        return []  # "within three months of receipt of the notification": a rule of procedure
    action = until["action"] if first is until else _action(sentence, first.end())
    if action is None or (action != regexes.DUTY_LISTED and regexes.NOT_AN_ACTION.match(action)):
        return []
    what = _what(sentence, action, first)
    if within:
        n = int(number(within["n"]))
        unit = within["unit"].lower().rstrip("s") + "s"
        after = duration(within)
        deadline, value, date = within_text(within), float(n), None
    else:
        assert dated is not None
        deadline, value, unit, after = dated["deadline"], 0.0, "date", None
        date = iso_date(dated["date"])
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
            deadline=lower_first(deadline),
            deadline_year=int(date[:4]) if date else None,
            deadline_source="sentence",
            frequency=_frequency(sentence),
            deadline_after=after,
            deadline_date=date,
        )
    ]


def _what(sentence: str, action: str, deadline: re.Match[str]) -> str:
    """What is to be done: the action, cut at a deadline that ends it or its clause ("… make a list
    publicly available by 2 August 2025", "be issued by 2 August 2025, and shall be assessed …",
    "report … no later than five years following its revision and at least every ten years …"); an
    action in the passive ("be ready") with its subject ("Codes of practice shall be ready"), and one
    that a holder "will have until …" to take with the holder. At most ``DUTY_ACTION_WORDS`` words
    of the action and ``SUBJECT_WORDS`` of the subject."""
    if action != regexes.DUTY_LISTED:
        at = re.search(rf",?\s*\b{re.escape(deadline['deadline'])}\s*(?:$|,?\s*and\b)", action)
        action = action[: at.start()] if at and at.start() > 0 else action
    subject = ""
    until = deadline.re is regexes.HAVE_UNTIL
    if action != regexes.DUTY_LISTED and (until or regexes.PASSIVE_ACTION.match(action)):
        verb = deadline if until else regexes.DUTY_SHALL.search(sentence)
        subject = _subject(sentence[: verb.start()] if verb else "")
        subject = f"{subject} {'to' if until else 'shall'} " if subject else ""
    return subject + _words(action, regexes.DUTY_ACTION_WORDS)


def _words(text: str, most: int) -> str:
    words = text.split()
    return " ".join(words[:most]) + (" …" if len(words) > most else "")


def _subject(before: str) -> str:
    """The subject of a passive duty: the words before its "shall", less its item number and the
    phrases that open the sentence ("Without prejudice to …, point (a), AI systems which are …" →
    "AI systems which are …")."""
    clause = regexes.ITEM_NUMBER.sub("", before).strip()
    clause = regexes.CLAUSE_NUMBER.sub("", clause)
    while opening := regexes.OPENING_PHRASE.match(clause):
        clause = clause[opening.end() :]
    return _words(clause.strip(" ,"), regexes.SUBJECT_WORDS)


def _action(sentence: str, after_deadline: int) -> str | None:
    """What the duty is: the words after "shall" (or a list after "shall:"); for an item of a list
    whose lead-in says "shall:", the phrase after its deadline."""
    shall = regexes.DUTY_SHALL.search(sentence)
    item = regexes.ITEM_NUMBER.match(sentence)
    start = item.end() if item else 0
    head = sentence[start:after_deadline].strip().lower()
    listed_item = head.startswith(("within", "no later", "not later", "by ", "subsequently"))
    if listed_item and regexes.PURPOSE_LEAD.match(sentence[after_deadline:]):
        return regexes.DUTY_LISTED  # "(c) Within 365 days …, to promote … abroad:" leads a list
    own = regexes.DUTY_LISTED_ACTION.match(sentence[after_deadline:]) if listed_item else None
    if own and shall and after_deadline + own.end() < shall.start() and sentence[after_deadline + own.end()] == ";":
        # "(i) within 60 days …, conduct a review …; this review shall include …": the item's own
        # action, not what a later clause says of it.
        return own["action"]
    if shall:
        if sentence[shall.end() :].lstrip().startswith(":"):
            return regexes.DUTY_LISTED
        listed = regexes.DUTY_LISTED_ACTION.match(sentence[shall.end() :])
        if listed and sentence[shall.end() + listed.end() :].startswith(":"):
            if regexes.PASSIVE_ACTION.match(listed["action"]):
                return regexes.DUTY_LISTED  # "the following actions shall be taken within 180 days …:"
            return f"{listed['action']}: the items listed below"  # "shall require: (i) …"
        return listed["action"] if listed else None
    if regexes.HEREBY_DIRECT.search(sentence[:after_deadline]):
        rest = sentence[after_deadline:]
        to = re.search(r"\bto\b\s*(?P<what>:|[a-z][^.;:]{3,400})", rest)
        return None if to is None else regexes.DUTY_LISTED if to["what"] == ":" else to["what"]
    # No "shall": an item of a list whose lead-in says "… shall:".
    if listed_item:
        return own["action"] if own else None
    body = regexes.REQUIREMENT_TO.sub("", sentence[start:].lstrip())
    return body if body[:1].islower() else None  # "(ii) direct the Assistant Attorney General … within 90 days"


def dated_commitment(sentence: str, line: int) -> list[Found]:
    """A commitment dated to the end of a year, with no number to count: "The Pengcheng Cloud
    Brain III project will start construction before the end of 2023." Due at the year's end."""
    dated, will = regexes.DATED_COMMITMENT.search(sentence), regexes.WILL_OR_SHALL.search(sentence)
    if not dated or not will or _conditional(sentence, dated.start()):
        return []
    # "The Secretary of Energy, in consultation with …, shall take steps to enable … by the end of
    # 2027": what is to be done is the action after "shall" (without its date); "Before the end of
    # 2023, public data opening measures … will be formulated": the sentence without its date,
    # subject and all.
    shall = regexes.DUTY_SHALL.search(sentence)
    action = regexes.DUTY_LISTED_ACTION.match(sentence[shall.end() :]) if shall else None
    if action and not regexes.PASSIVE_ACTION.match(action["action"]):
        what = _words(
            re.sub(r",?\s*$", "", regexes.DATED_COMMITMENT.sub("", action["action"])), regexes.DUTY_ACTION_WORDS
        )
    else:
        what = _words(regexes.DATED_COMMITMENT.sub("", sentence).strip(" ,."), regexes.DUTY_ACTION_WORDS)
    year = int(dated["year"])
    return [
        Found(
            line=line,
            sentence=sentence,
            as_written=dated["deadline"],
            value=0.0,
            value_max=None,
            scale=None,
            unit="date",
            qualifier="by",
            counted=what,
            deadline=lower_first(dated["deadline"]),
            deadline_year=year,
            deadline_source="sentence",
            frequency=_frequency(sentence),
            deadline_after=None,
            deadline_date=f"{year}-12-31",
        )
    ]


def _counted_from_procedure(sentence: str, after_deadline: int) -> bool:
    """ "within six months, or within 60 days …, starting from the notification …, decide": the
    limit runs from a step of a procedure named in the comma phrases right after it."""
    phrases = sentence[after_deadline:].split(",")[:4]
    return any(regexes.PROCEDURAL_LIMIT.match(p.strip()) for p in phrases)


def _conditional(sentence: str, at: int) -> bool:
    """Whether the deadline stands in a condition ("Where, within 15 days …, no objection …")."""
    opening = regexes.CONDITION.match(regexes.ITEM_NUMBER.sub("", sentence, count=1))
    return bool(regexes.CONDITION_WITHIN.search(sentence[:at])) or (
        opening is not None
        and at - (len(sentence) - len(regexes.ITEM_NUMBER.sub("", sentence, count=1))) < opening.end()
    )


def _frequency(sentence: str) -> str | None:
    """How often a recurring duty recurs ("and at least annually thereafter")."""
    found = regexes.FREQUENCY.search(sentence)
    return found["frequency"] if found else None


def duration(within: re.Match[str]) -> str | None:
    """ "Within 270 days of the date of this order" as an ISO 8601 duration after the notice's date
    ("P270D"); None where it counts from something else."""
    unit = within["unit"].lower().rstrip("s")
    return f"P{int(number(within['n']))}{_UNITS_ISO[unit]}" if within["anchor"] and not within["later"] else None


def shifted(day: str, n: int, unit: str) -> str:
    """An ISO date ``n`` days, months or years later (earlier when ``n`` is negative); a month that
    has no such day ends on its last day."""
    import calendar
    from datetime import date, timedelta

    start = date.fromisoformat(day)
    kind = unit.lower().rstrip("s")
    if kind == "day":
        return (start + timedelta(days=n)).isoformat()
    year, month = divmod(start.month - 1 + n * (12 if kind == "year" else 1), 12)
    year, month = start.year + year, month + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1])).isoformat()


def dated_by_period(found: Found, paragraph: str) -> Found:
    """A deadline counted back from the end of a period its paragraph defines: "not later than nine
    months before the end of the five-year period", the period being "five years from 1 August 2024",
    is due on 1 November 2028."""
    within = regexes.DUTY_WITHIN.match(found.deadline or "")
    if within is None or not within["period"] or found.deadline_date:
        return found
    length = re.fullmatch(r"(?P<n>\w+)-(?P<unit>year|month)", within["period"].lower())
    for period in regexes.PERIOD_FROM.finditer(paragraph):
        n, unit = int(number(period["n"])), period["unit"].lower().rstrip("s")
        if length and (int(number(length["n"])), length["unit"]) == (n, unit):
            end = shifted(iso_date(period["date"]), n, unit)
            due = shifted(end, -int(found.value), found.unit)
            return replace(found, deadline_date=due, deadline_year=int(due[:4]))
    return found


def within_text(within: re.Match[str]) -> str:
    """The deadline as it reads, with the later alternative it may give ("within 270 days of the
    date of this order or 180 days after …, whichever comes later")."""
    return (within["deadline"] + (within["later"] or "")).strip()


def iso_date(text: str) -> str:
    """ "February 28, 2025" or "2 August 2025" as an ISO date."""
    from datetime import datetime

    words = " ".join(text.replace(",", " ").split())
    return datetime.strptime(words, "%d %B %Y" if words[0].isdigit() else "%B %d %Y").date().isoformat()


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
