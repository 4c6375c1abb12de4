"""Duties with a deadline: "Within 270 days of the date of this order, the Secretary … shall …",
recorded with the number of days and what is to be done; or by a date ("By February 28, 2025,
the Secretary of Defense … shall …"), recorded with the date. Recurring duties with no deadline
of their own ("we will review and revise this Plan …, in principle annually", "Convene meetings
at least twice per year") are recorded with their frequency, counted in times a year.

Not duties: limits that stand in a condition ("Where …, within 15 days …"), and standing limits
of a procedure, that apply each time a case arises — counted from a step of the procedure
("within three months of receipt of the notification", "of the suspension"), from what befalls a
case ("not later than 15 days after the provider … becomes aware of the serious incident"), or
with no start of their own in a sentence that opens with its case ("Where its designation has
been suspended, …, the notified body shall inform the providers concerned within 10 days", "In
that case, … within 30 days").

A duty is found in the sentence; its agency is added later (``holders.with_agencies``), from
the text around it and the measure's agencies.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tools import regexes
from tools.targets.found import Found, lower_first, number

_UNITS_ISO = {"day": "D", "month": "M", "year": "Y"}


def in_sentence(sentence: str, line: int) -> list[Found]:
    """A duty with a deadline: "Within 270 days of the date of this order, … shall …". The first
    deadline of the sentence governs its duty ("By February 28, 2025 … identify sites … by the
    end of 2027" is due on February 28, 2025); one counted from an event keeps the event."""
    within = regexes.DUTY_WITHIN.search(sentence)
    dated = by_date(sentence)
    until = regexes.HAVE_UNTIL.search(sentence)
    if until and not (within and within.start() < until.start()):
        # "Existing systems … will have until June 24, 2026 to comply with the new requirements"
        within, dated = None, until
    if within and dated:
        within, dated = (within, None) if within.start() < dated.start() else (None, dated)
    first = within or dated
    if first is None or _conditional(sentence, first.start()):
        return []
    if _procedural(sentence, first, within):
        return []  # "within three months of receipt of the notification": a rule of procedure
    action = until["action"] if first is until else _action(sentence, first.end())
    if action is None or (action != regexes.DUTY_LISTED and regexes.NOT_AN_ACTION.match(action)):
        return []
    what = _what(sentence, action, first)
    if within:
        duty = _within_duty(sentence, line, within, what)
    else:
        assert dated is not None
        date = iso_date(dated["date"])
        duty = _duty(sentence, line, dated["deadline"], 0.0, "date", what, deadline_year=int(date[:4]))
        duty = replace(duty, qualifier="by", deadline_date=date)
    return [replace(duty, frequency=_frequency(sentence)), *_coordinated(sentence, line, first.end())]


def _within_duty(sentence: str, line: int, within: re.Match[str], what: str) -> Found:
    """A duty due within so many days, months or years ("within 365 days of the date of this order")."""
    unit = within["unit"].lower().rstrip("s") + "s"
    duty = _duty(sentence, line, within_text(within), float(int(number(within["n"]))), unit, what)
    return replace(duty, deadline_after=duration(within))


def _duty(
    sentence: str, line: int, deadline: str, value: float, unit: str, what: str, deadline_year: int | None = None
) -> Found:
    return Found(
        line=line,
        sentence=sentence,
        as_written=deadline,
        value=value,
        value_max=None,
        scale=None,
        unit=unit,
        qualifier="within",
        counted=what,
        deadline=lower_first(deadline),
        deadline_year=deadline_year,
        deadline_source="sentence",
        frequency=None,
        deadline_after=None,
        deadline_date=None,
    )


def _coordinated(sentence: str, line: int, after: int) -> list[Found]:
    """A second duty joined to the first with its own deadline and verb: "(vii) within 180 days …,
    review existing ECQs … and, within 365 days of the date of this order, implement new ECQs …"
    (not a later date that describes the first duty's object: "sites … operational by the end of
    2027")."""
    out = []
    for within in regexes.DUTY_WITHIN.finditer(sentence, after):
        action = regexes.COORDINATED_ACTION.match(sentence[within.end() :])
        if not regexes.COORDINATED_LEAD.search(sentence[: within.start()]) or not action:
            continue
        what = _words(action["action"].rstrip(" .;"), regexes.DUTY_ACTION_WORDS)
        out.append(_within_duty(sentence, line, within, what))
    return out


def by_date(sentence: str) -> re.Match[str] | None:
    """The first date a sentence sets as a deadline ("By February 28, 2025", "by 2 August 2027");
    not a date that says which things a rule is for ("placed on the market before 2 August
    2025")."""
    return next(
        (
            m
            for m in regexes.DUTY_BY_DATE.finditer(sentence)
            if not (
                m["deadline"].lower().startswith("before") and regexes.DESCRIBED_BEFORE.search(sentence, 0, m.start())
            )
        ),
        None,
    )


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
        second = regexes.COORDINATED_CUT.search(action)  # "… and, within 365 days …, implement …"
        action = action[: second.start()] if second and second.start() > 0 else action
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
    shall = _governing_shall(sentence, after_deadline)
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


def _governing_shall(sentence: str, after_deadline: int) -> re.Match[str] | None:
    """The "shall" a deadline belongs to: the last before it ("… shall establish requirements …,
    and shall fund at least 3 pilot projects by December 31, 2026": the second duty's; "That
    guidance shall be issued by 2 August 2025, and shall be assessed regularly"), else the first
    after it ("Within 45 days …, the Director shall …")."""
    shalls = list(regexes.DUTY_SHALL.finditer(sentence))
    before = [m for m in shalls if m.start() < after_deadline]
    after = [m for m in shalls if m.start() >= after_deadline]
    return before[-1] if before else after[0] if after else None


def dated_commitment(sentence: str, line: int) -> list[Found]:
    """A commitment dated to the end of a year, with no number to count: "The Pengcheng Cloud
    Brain III project will start construction before the end of 2023", "By 2026, Jing'an Park …
    shall be basically built into …". Due at the year's end ("before 2026": at the end of 2025)."""
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
    due = year - 1 if dated["deadline"].lower().startswith("before") and not dated["end"] else year
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
            deadline_date=f"{due}-12-31",
        )
    ]


RECURRING_UNIT = "per year"
_TIMES = {"once": 1, "twice": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10}
# How often, in words, by times a year (the label of a recurring duty and its id).
FREQUENCY_WORDS = {1.0: "annually", 2.0: "twice a year", 4.0: "quarterly", 12.0: "monthly", 52.0: "weekly"}


def per_year(frequency: str) -> float | None:
    """How many times a year a frequency comes round: "on an annual basis" 1, "at least twice per
    year" 2, "on the 8th of each month" 12, "once every two years" 0.5, "every ten years" 0.1, 每季度 4."""
    low = " ".join(frequency.lower().split())
    zh = regexes.RECURRING_ZH.search(frequency)
    if zh:
        return regexes.RECURRING_ZH_PER_YEAR[zh.group(0)]
    if re.search(r"semi-annual|biannual", low):
        return 2.0
    if re.search(r"\bannual|yearly|biennially", low):
        return 0.5 if "bienn" in low else 1.0
    for word, n in (("quarter", 4.0), ("month", 12.0), ("week", 52.0)):
        if re.search(rf"\b{word}(?:ly)?\b", low):
            return n * _times(low)
    every = re.search(r"\b(?:each|every)\s+(?P<n>two|three|four|five|six|ten|\d+)\s+(?P<unit>years|months)\b", low)
    if every:
        n = float(_TIMES.get(every["n"]) or every["n"])
        return _times(low) * (12.0 if every["unit"] == "months" else 1.0) / n
    return _times(low) if re.search(r"\byear\b", low) else None


def _times(low: str) -> float:
    m = re.search(r"\b(?P<n>once|twice|two|three|four|five|six|\d+)(?:\s+times)?\s+(?:a|per|each|every)\b", low)
    if not m:
        return 1.0
    return float(_TIMES.get(m["n"]) or m["n"])


def frequency_words(times_a_year: float) -> str:
    """ "annually", "twice a year", "quarterly", "every 2 years", "3 times a year"."""
    if times_a_year in FREQUENCY_WORDS:
        return FREQUENCY_WORDS[times_a_year]
    if times_a_year < 1:
        return f"every {1 / times_a_year:g} years"
    return f"{times_a_year:g} times a year"


def recurring(sentence: str, line: int) -> list[Found]:
    """A duty on a schedule, with no deadline of its own: "we will review and revise this Plan as
    needed, in principle annually", "Convene meetings at least twice per year", "release relevant
    data on a quarterly basis", "On an annual basis thereafter, the Secretary shall review …".
    Recorded with how many times a year it comes round (``per year``) and the frequency as
    written; none in a condition, a definition, or a sentence that commits to nothing."""
    found = regexes.FREQUENCY.search(sentence)
    if not found or regexes.BARE_RATE.match(found["frequency"]) or regexes.DEFINITION.search(sentence):
        return []
    if _conditional(sentence, found.start()) or regexes.NOT_APPLY.search(sentence):
        return []
    if others_schedule(sentence, found.start()):
        return []  # the schedule of those the holder requires to act, not the holder's own
    if not (
        regexes.WILL_OR_SHALL.search(sentence)
        or regexes.COMMITMENT.search(sentence)
        or regexes.RECURRING_ACTION.search(sentence)
    ):
        return []
    times = per_year(found["frequency"])
    if times is None:
        return []
    return [_recurring_found(sentence, line, found.group(0), found["frequency"], times, _what_recurs(sentence, found))]


def recurring_zh(sentence: str, line: int) -> list[Found]:
    """A Chinese duty on a schedule: 每年发布…, 每季度发布统计数据 (none in a sentence that commits
    to nothing)."""
    found = regexes.RECURRING_ZH.search(sentence)
    if not found or not (regexes.COMMITMENT_ZH.search(sentence) or regexes.ACTION_ZH.search(sentence)):
        return []
    clause = re.split(r"[，,；;。]", sentence[found.start() :])[0]
    return [_recurring_found(sentence, line, found.group(0), found.group(0), per_year(found.group(0)) or 1.0, clause)]


def _recurring_found(sentence: str, line: int, written: str, frequency: str, times: float, what: str) -> Found:
    qualifier = re.search(r"\b(?:at\s+least|no\s+less\s+than|not\s+less\s+than|up\s+to)\b", frequency, re.IGNORECASE)
    duty = _duty(sentence, line, written, times, RECURRING_UNIT, _words(what, regexes.DUTY_ACTION_WORDS))
    return replace(
        duty,
        qualifier=("up to" if qualifier.group(0).lower() == "up to" else "at least") if qualifier else None,
        deadline=None,
        deadline_source=None,
        frequency=" ".join(frequency.split()),
    )


def _what_recurs(sentence: str, found: re.Match[str]) -> str:
    """What is done on the schedule: the words after the sentence's "shall" or "will" (an action
    in the passive with its subject, as a dated duty's: "This directive will be reviewed every two
    years"); else the comma phrase that holds the frequency (with the one before it when it is no
    more than the frequency), without a leading "and"."""
    shall = regexes.DUTY_SHALL.search(sentence) or re.search(r"\bwill\b", sentence)
    if shall:
        rest = sentence[shall.end() :].lstrip(" ,")
        if rest.startswith(found.group(0)):  # "shall, on an annual basis, report …"
            rest = rest[len(found.group(0)) :].lstrip(" ,")
        listed = regexes.DUTY_LISTED_ACTION.match(rest)
        action = _without_frequency((listed["action"] if listed else rest).rstrip(" .;"), found.group(0))
        subject = _subject(sentence[: shall.start()]) if regexes.PASSIVE_ACTION.match(action) else ""
        return f"{subject} {shall.group(0)} {action}" if subject else _as_action(action)
    start = max(sentence.rfind(",", 0, found.start()), sentence.rfind(";", 0, found.start())) + 1
    end = min(
        (i for i in (sentence.find(",", found.end()), sentence.find(";", found.end())) if i >= 0), default=len(sentence)
    )
    phrase = sentence[start:end]
    if len(phrase.split()) <= len(found.group(0).split()) + 2:  # no more than the frequency:
        # "…, in principle annually" takes the phrase before it; "(A) on at least an annual
        # basis, develop and publish …", at the head of the sentence, the phrase after it.
        phrase = sentence[max(sentence.rfind(",", 0, start - 1), 0) : end] if start > 0 else sentence[end:]
    body = regexes.ITEM_NUMBER.sub("", phrase.strip(" ,.;")).strip()
    return _as_action(_without_frequency(re.sub(r"^(?:and|or)\s+", "", body, flags=re.IGNORECASE), found.group(0)))


def _without_frequency(action: str, frequency: str) -> str:
    """The action without the schedule it ends with, which the target states on its own ("hold
    meetings at least twice a year" → "hold meetings")."""
    cut = re.sub(rf"[\s,]*\b{re.escape(frequency)}$", "", action, flags=re.IGNORECASE)
    cut = regexes.SCHEDULE_HEDGE.sub("", cut)  # "…, in principle annually"
    return cut if len(cut.split()) >= 2 else action


def _as_action(text: str) -> str:
    """An item's action reads as a duty's does: "Convene meetings …" → "convene meetings …"."""
    first, _, rest = text.partition(" ")
    return f"{lower_first(first) if first[1:2].islower() else first}{' ' + rest if rest else ''}"


def _procedural(sentence: str, first: re.Match[str], within: re.Match[str] | None) -> bool:
    """Whether a time limit is a standing rule of a procedure, applying to each case (see the
    module's docstring): counted from a step of it or from what befalls a case, or a bare limit
    ("within 10 days") in a sentence that opens with the case it is for."""
    if regexes.PROCEDURAL_LIMIT.match(sentence[first.end() :].lstrip(" ,")) or _counted_from_procedure(
        sentence, first.end()
    ):
        return True
    if within is None or within["anchor"] or within["own"] or within["before"]:
        return False  # a date, or counted from the date of the text itself or its period: a duty
    if regexes.PROCEDURAL_EVENT.match(sentence, first.start()):
        return True
    bare = not within["event"] and not regexes.COUNTED_FROM.match(sentence, first.end())
    return bare and regexes.CONDITION.match(regexes.ITEM_NUMBER.sub("", sentence, count=1).lstrip()) is not None


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
    """How often a recurring duty recurs ("and at least annually thereafter"); not a schedule the
    holder sets for others ("requirements for grantees to report annually")."""
    found = regexes.FREQUENCY.search(sentence)
    return found["frequency"] if found and not others_schedule(sentence, found.start()) else None


def others_schedule(sentence: str, at: int) -> bool:
    """Whether the frequency at ``at`` is the schedule of those the holder requires to act."""
    return bool(regexes.OTHERS_SCHEDULE.search(sentence[:at]))


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
    """ "February 28, 2025" or "2 August 2025" as "2025-02-28", "2025-08-02"."""
    from datetime import datetime

    words = " ".join(text.replace(",", " ").split())
    return datetime.strptime(words, "%d %B %Y" if words[:1].isdigit() else "%B %d %Y").date().isoformat()


DUTY_UNITS = ("days", "months", "years", "date", RECURRING_UNIT)
