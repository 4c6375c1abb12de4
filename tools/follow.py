"""Follow: each target's due date, its status as of the archive's date, and its value in a
unit that adds up — the stage after targets are found, before the archive is validated.

``due`` comes from the text: a stated date; a duration counted from the notice's own date
("within 270 days of the date of this order"), or from another of its dates in its metadata
("within two years of the effective date of this Act"); the end of a stated year ("by the end of
2028", "by 2026", 到2027年, 2025年底前); a duration counted from an event once a progress record dates
the duty that produces it ("60 days of the issuance of the guidance": the guidance's record);
nothing, where the text sets no deadline. ``status`` (one of ``STATUSES``, with the words every page, feed and data
file uses for it) says no more than the record shows:

- the latest progress record that says ``met``, ``partly-met`` or ``missed`` (a met target also
  gets ``met_on`` and ``days_late``: 0 on time, N days late, None where no due date is known or
  the evidence gives only a month that straddles it);
- else ``void`` if the notice was revoked or replaced before the target fell due (a target with
  no due date is never void: nobody can say it went first);
- else ``progress`` if a report shows steps taken but not completion;
- else ``no-date`` where no due date is known (a deadline counted from an event whose date is not
  known yet, or no deadline at all);
- else ``open`` until the due date and ``no-report`` after it: the date passed and no report is
  recorded here, which is not to say the target was missed.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from tools import regexes
from tools.models import Archive, Notice, Target, Update
from tools.targets.duties import RECURRING_UNIT

# Which date of a notice a duration is counted from, in order of preference.
ANCHOR_DATES = ("signed", "issued", "adopted", "promulgated", "published", "released")
# A deadline that ends before its year ("before 2026", 2026年前) rather than with it.
_BEFORE_YEAR = re.compile(r"\bbefore\s+(?:the\s+end\s+of\s+)?(?:19|20)\d{2}\b|(?<!底)前$", re.IGNORECASE)
_IN_YEARS = re.compile(r"\b(?:in|within)\s+(?:the\s+next\s+)?(?P<n>three|two|five|\d+)[\s-]years?\b", re.IGNORECASE)
_WORDS = {"two": 2, "three": 3, "five": 5}
# Base units that add up across targets, by the unit the text gives.
BASE_UNITS = {
    "yuan": "CNY",
    "dollars": "USD",
    "count": "count",
    "%": "percent",
    "FLOPS": "FLOPS",
    "square meters": "m²",
    "times": "times",
}
DECIDING = ("met", "missed", "partly-met")


@dataclass(frozen=True)
class Status:
    id: str
    label: str  # the words a page, a feed or the data shows
    meaning: str  # what it says, and what it does not


# Every status, in the order the targets page lists them: what has evidence first.
STATUSES = {
    s.id: s
    for s in (
        Status("met", "met", "a report shows it was done: on time, or N days late by the date the evidence gives"),
        Status("partly-met", "partly met", "a report shows part of it done"),
        Status("missed", "missed", "a report shows it was not done"),
        Status("progress", "in progress", "a report shows steps taken, not completion"),
        Status(
            "no-report",
            "due date passed — no report recorded",
            "the due date has passed and no report on it is recorded here (this does not say it was missed)",
        ),
        Status("open", "open", "not yet due"),
        Status(
            "no-date",
            "no date",
            "no due date is known: the deadline is counted from an event whose date is not known yet, "
            "or the text sets no deadline",
        ),
        Status("void", "void", "its notice was revoked or replaced before it fell due"),
    )
}


def follow(archive: Archive) -> Archive:
    """The archive with every target's due date, status and base value set."""
    updates: dict[str, list[Update]] = {}
    for update in sorted(archive.progress, key=lambda u: (u.date, u.line)):
        updates.setdefault(update.target, []).append(update)
    as_of = archive.as_of
    for notice in archive.notices:
        events = event_dues(notice, updates)
        notice.targets = [_followed(t, notice, updates.get(t.id, []), as_of, events.get(t.id)) for t in notice.targets]
    return archive


# A deadline counted from an event that another duty of the notice produces: "within 60 days of
# the issuance of the guidance (described in subsection 10.1(b))", "of submitting the report required
# under subsection 4.5(a)", "of submission of the list described in subsection (a) of this section";
# the subsection it names, the act (its first letters, to know the duty by its verb: "issu" issues)
# and the thing it names last ("guidance").
_EVENT = re.compile(
    r"\b(?:of|after|from|following)\s+(?:the\s+|its\s+|such\s+)?(?:(?P<act>issuance|completion|publication|"
    r"submission|establishment|release|delivery|development|designation|adoption|launch|selection|creation|"
    r"initiation|announcement)\s+of|(?P<doing>submitting|establishing|issuing|publishing|completing|developing|"
    r"releasing|adopting|designating|launching|selecting|creating))\s+(?:the\s+|its\s+)?(?:initial\s+)?"
    r"(?P<thing>[a-z]+)",
    re.IGNORECASE,
)
_SUBSECTION = re.compile(
    r"\b(?:sub)?section\s+(?P<ref>\d+(?:\.\d+)*(?:\([a-z]+\))*|(?:\([a-z]+\))+)",
    re.IGNORECASE,
)


def event_dues(notice: Notice, updates: dict[str, list[Update]]) -> dict[str, tuple[str, str]]:
    """Due dates of deadlines counted from an event, once the event's date is known: the date a
    progress record shows the duty that produces it done (the guidance issued), plus the
    duration. By target id: (due date, the id of the duty that produced the event)."""
    done = {
        t.id: (met[-1].done or met[-1].date)[:10]
        for t in notice.targets
        if (met := [u for u in updates.get(t.id, []) if u.outcome == "met"]) and len(met[-1].done or met[-1].date) >= 10
    }
    out = {}
    for target in notice.targets:
        event = _EVENT.search(target.deadline or "")
        if not event or target.deadline_after or target.unit not in _UNIT_ISO:
            continue
        producer = _producer(target, event, notice.targets)
        if producer is not None and producer.id in done:
            start = date.fromisoformat(done[producer.id])
            duration = f"P{target.value:g}{_UNIT_ISO[target.unit]}"
            out[target.id] = (add_duration(start, duration).isoformat(), producer.id)
    return out


def _producer(target: Target, event: re.Match[str], targets: Sequence[Target]) -> Target | None:
    """The duty whose doing is the event a deadline counts from. Where the deadline names its
    subsection ("4.3(a)(iii)", or "(a)" of the same section), the duty of that subsection (of its
    item, where the subsection is an item of a measure) that names the thing; else one of the same
    measure that names it; else the nearest duty before it in the notice that does the act to the
    thing ("issue guidance …" for "the issuance of the guidance")."""
    thing = event["thing"].lower()
    others = [t for t in targets if t.id != target.id]
    named = _SUBSECTION.search(target.deadline or "")
    if named:
        measures = {t.measure for t in targets}
        parts = re.findall(r"[a-z0-9]+", named["ref"].lower())
        if named["ref"].startswith("("):  # "(d)(i) of this section": within the target's own section
            section = re.match(r"sec-\d+(?:-\d+)*", target.measure or "")
            parts = ([section.group(0)] if section else []) + parts
        else:
            parts = ["sec", *parts]
        item = None
        while len(parts) > 1 and "-".join(parts) not in measures:
            item = item or parts[-1]
            parts = parts[:-1]
        measure = "-".join(parts)
        pool = [t for t in others if t.measure == measure and thing in f"{t.counted} {t.sentence}".lower()]
        if item:
            pool = [t for t in pool if re.match(rf"\s*\({re.escape(item)}\)", t.sentence, re.IGNORECASE)]
        return pool[0] if pool else None
    same = [t for t in others if t.measure == target.measure and thing in t.counted.lower()]
    if same:
        return same[0]
    act = (event["act"] or event["doing"]).lower()[:4]
    before = [
        t for t in others if t.line < target.line and t.counted.lower().startswith(act) and thing in t.counted.lower()
    ]
    return before[-1] if before else None


_UNIT_ISO = {"days": "D", "months": "M", "years": "Y"}


def _followed(
    target: Target, notice: Notice, updates: Sequence[Update], as_of: str, event: tuple[str, str] | None = None
) -> Target:
    due, how = (event[0], "event") if event else due_date(target, notice)
    value, unit = base_value(target)
    state = status(due, notice, updates, as_of)
    met = [u for u in updates if u.outcome == "met" and u.date <= as_of][-1:] if state == "met" else []
    return replace(
        target,
        due=due,
        due_source=how,
        status=state,
        met_on=(met[0].done or met[0].date) if met else None,
        days_late=days_late(due, met[0]) if met else None,
        due_from=event[1] if event else None,
        value_base=value,
        base_unit=unit,
    )


def anchor_date(notice: Notice) -> str | None:
    """The notice's own date, that durations in its text count from."""
    dates = notice.meta.get("dates") or {}
    return next((dates[k]["date"] for k in ANCHOR_DATES if k in dates), None)


def own_date(target: Target, notice: Notice) -> str | None:
    """For a deadline counted from another date of the text itself ("within two years of the
    effective date of this Act", "no later than five years following its revision"): that date, as
    the notice's metadata gives it ("" where it gives none); None for any other deadline. A text
    that takes effect on its promulgation took effect on the day it was promulgated."""
    within = regexes.DUTY_WITHIN.match(target.deadline or "")
    if within is None or not within["own"]:
        return None
    dates = notice.meta.get("dates") or {}
    for words, keys in regexes.OWN_DATES:
        if words.search(within["own"]):
            if (
                "in_force" in keys
                and "in_force" not in dates
                and regexes.EFFECTIVE_ON_PROMULGATION.search(notice.files.text)
            ):
                keys = ("promulgated",)
            return next((str(dates[k]["date"]) for k in keys if k in dates), "")
    return ""


def due_date(target: Target, notice: Notice) -> tuple[str | None, str | None]:
    """When the target falls due, as an ISO date, and how that was read: "stated" (a date),
    "counted" (a duration from the notice's date), "year" (the end of a stated year), "period"
    (no deadline of its own, in a plan with a period: the period's end). (None, None) where the
    text sets no deadline."""
    if target.deadline_date:
        return target.deadline_date, "stated"
    if target.unit == RECURRING_UNIT and not target.deadline:
        return None, None  # a duty on a schedule with no first deadline never falls due once
    own = own_date(target, notice)
    if own is not None:  # "within two years of the effective date of this Act"
        if not own or target.unit not in _UNIT_ISO:
            return None, None
        return add_duration(
            date.fromisoformat(own), f"P{target.value:g}{_UNIT_ISO[target.unit]}"
        ).isoformat(), "counted"
    anchor = anchor_date(notice)
    if target.deadline_after and anchor:
        return add_duration(date.fromisoformat(anchor), target.deadline_after).isoformat(), "counted"
    if target.deadline_year:
        before = bool(_BEFORE_YEAR.search(target.deadline or ""))
        return (f"{target.deadline_year - 1}-12-31" if before else f"{target.deadline_year}-12-31"), "year"
    years = _IN_YEARS.search(target.deadline or "")
    if years and anchor:
        n = _WORDS.get(years["n"].lower()) or int(years["n"])
        return add_duration(date.fromisoformat(anchor), f"P{n}Y").isoformat(), "counted"
    period = notice.meta.get("period")
    if period and not target.deadline:
        return f"{period['end']}-12-31", "period"
    return None, None


def add_duration(start: date, duration: str) -> date:
    """``start`` plus an ISO 8601 duration of days, months or years (P270D, P6M, P1Y); a month
    that has no such day ends on its last day."""
    m = re.fullmatch(r"P(?P<n>\d+)(?P<unit>[DMY])", duration)
    if not m:
        raise ValueError(f"unsupported duration {duration!r}")
    n = int(m["n"])
    if m["unit"] == "D":
        return start + timedelta(days=n)
    months = n * (12 if m["unit"] == "Y" else 1)
    year, month = divmod(start.month - 1 + months, 12)
    year, month = start.year + year, month + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def status(due: str | None, notice: Notice, updates: Sequence[Update], as_of: str) -> str:
    """One of ``STATUSES``, as of ``as_of`` (see the module's docstring)."""
    known = [u for u in updates if u.date <= as_of]
    deciding = [u for u in known if u.outcome in DECIDING]
    if deciding:
        return deciding[-1].outcome
    revoked = notice.meta.get("revoked")
    if revoked and revoked["date"] <= as_of and due is not None and revoked["date"] < due:
        return "void"
    if known:
        return "progress"
    if due is None:
        return "no-date"
    return "no-report" if due < as_of else "open"


def days_late(due: str | None, update: Update) -> int | None:
    """How late a met target was: 0 on time (on or before its due date), else the days after it,
    by the date its evidence shows it done. None where no due date is known, or where the evidence
    gives only a month ("In December 2023") that ends after the due date."""
    if due is None:
        return None
    done = update.done or update.date
    deadline = date.fromisoformat(due)
    if len(done) == 7:  # a month: on time only if the whole month is
        year, month = int(done[:4]), int(done[5:])
        return 0 if date(year, month, calendar.monthrange(year, month)[1]) <= deadline else None
    return max(0, (date.fromisoformat(done) - deadline).days)


def timing(t: Target) -> str:
    """ "on time", "N days late", or "" where that is not known."""
    if t.status != "met" or t.days_late is None:
        return ""
    return "on time" if t.days_late == 0 else f"{t.days_late} day{'s' * (t.days_late != 1)} late"


def status_label(t: Target) -> str:
    """The status in words, with a met target's timing: "met, 20 days late"."""
    label = STATUSES[t.status].label
    return f"{label}, {timing(t)}" if timing(t) else label


def base_value(target: Target) -> tuple[float | None, str | None]:
    """The value in a base unit that adds up (the printed value and unit are kept beside it).
    A duty's days are a deadline, not an amount."""
    unit = BASE_UNITS.get(target.unit)
    return (target.value, unit) if unit else (None, None)


# Units whose values add up across targets (a percentage or a multiple does not).
ADDITIVE = ("CNY", "USD", "count", "FLOPS", "m²")


@dataclass(frozen=True)
class Total:
    """The sum of some targets of one kind, in one base unit, falling due in one year."""

    kind: str
    jurisdiction: str
    year: int | None
    unit: str
    value: float
    targets: tuple[str, ...]
    restated: tuple[str, ...] = ()  # targets a notice states again, counted once
    includes: tuple[str, ...] = ()  # for a roll-up: the jurisdictions it adds in
    leaves_out: tuple[str, ...] = ()  # jurisdictions within it whose targets are part of their parent's


def totals(archive: Archive) -> list[Total]:
    """Per kind, jurisdiction and due year, the sum of the targets that add up (those of a notice
    revoked before they fell due, or with no due date known, left out); then for each country, the same over every jurisdiction within it, leaving out any
    whose targets are already counted in its parent's (corpus/jurisdictions.yaml says which)."""
    own: dict[tuple[str, str, int | None, str], list[Target]] = {}
    for notice in archive.notices:
        for t in notice.targets:
            if t.base_unit in ADDITIVE and t.value_base is not None and not _gone_first(t, notice, archive.as_of):
                year = int(t.due[:4]) if t.due else None
                own.setdefault((t.kind, notice.meta["jurisdiction"], year, t.base_unit), []).append(t)
    rows = [_total(key, group) for key, group in sorted(own.items(), key=_order)]
    return rows + _rollups(archive, own)


def _gone_first(t: Target, notice: Notice, as_of: str) -> bool:
    """Whether the target's notice was revoked before it fell due, or with no due date known."""
    revoked = notice.meta.get("revoked")
    return bool(revoked and revoked["date"] <= as_of and (t.due is None or revoked["date"] < t.due))


def _order(item: tuple[tuple[str, str, int | None, str], list[Target]]) -> tuple[str, str, int, str]:
    (kind, jurisdiction, year, unit), _ = item
    return kind, jurisdiction, year or 0, unit


def _total(key: tuple[str, str, int | None, str], group: Sequence[Target], **more: tuple[str, ...]) -> Total:
    kind, jurisdiction, year, unit = key
    counted = _once(group)
    restated = tuple(t.id for t in group if t not in counted)
    return Total(
        kind,
        jurisdiction,
        year,
        unit,
        sum(t.value_base or 0 for t in counted),
        tuple(t.id for t in counted),
        restated=restated,
        **more,
    )


def _once(group: Sequence[Target]) -> list[Target]:
    """A target a notice states twice (the same value of the same thing) counts once."""
    seen: set[tuple[str, float | None, str]] = set()
    out = []
    for t in group:
        key = (t.notice, t.value_base, " ".join(t.counted.lower().split()))
        if key not in seen:
            seen.add(key)
            out.append(t)
    return out


def _rollups(archive: Archive, own: dict[tuple[str, str, int | None, str], list[Target]]) -> list[Total]:
    reg = archive.registry
    counted_in_parent = {j.id for j in reg.jurisdictions if j.targets_counted_in_parent}
    out = []
    countries = sorted({reg.lineage(j)[-1] for _, j, _, _ in own})
    for country in countries:
        inside = sorted({j for _, j, _, _ in own if reg.within(j, country)})
        if len(inside) < 2:
            continue  # a single jurisdiction's rows already are the country's
        left_out = tuple(j for j in inside if set(reg.lineage(j)[1:]) & set(inside) and j in counted_in_parent)
        added = tuple(j for j in inside if j not in left_out)
        grouped: dict[tuple[str, str, int | None, str], list[Target]] = {}
        for (kind, j, year, unit), group in own.items():
            if j in added:
                grouped.setdefault((kind, country, year, unit), []).extend(group)
        out += [
            _total(key, group, includes=added, leaves_out=left_out)
            for key, group in sorted(grouped.items(), key=_order)
        ]
    return out
