"""Duties with a deadline: "Within 270 days of the date of this order, the Secretary … shall …",
recorded with the number of days and what is to be done; or by a date ("By February 28, 2025,
the Secretary of Defense … shall …"), recorded with the date.

A duty is found in the sentence; its agency is added later by the pipeline
(``with_duty_agencies``), once the measure's agencies are known.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from tools import regexes
from tools.models import Measure, Target
from tools.targets.found import Found, lower_first, number

_UNITS_ISO = {"day": "D", "month": "M", "year": "Y"}


def in_sentence(sentence: str, line: int) -> list[Found]:
    """A duty with a deadline: "Within 270 days of the date of this order, … shall …"."""
    action = regexes.DUTY_ACTION.search(sentence)
    within = regexes.DUTY_WITHIN.search(sentence)
    dated = None if within else regexes.DUTY_BY_DATE.search(sentence)
    if not action or not (within or dated):
        return []
    words = (action["action"] or regexes.DUTY_LISTED).split()
    what = " ".join(words[: regexes.DUTY_ACTION_WORDS]) + (" …" if len(words) > regexes.DUTY_ACTION_WORDS else "")
    if within:
        n = int(number(within["n"]))
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
            deadline=lower_first(deadline),
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
