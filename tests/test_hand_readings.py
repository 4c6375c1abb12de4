"""The targets the pipeline finds, measured against careful readings by hand.

tests/data/hand_readings/<notice>.yaml hold what a careful reader finds in a notice, read from
its text alone (see each file's header for what counts). Two kinds of reading:

- ``time_limits:`` (the executive orders): every time limit. The pipeline's duty targets — the
  targets whose unit is days, months, years or a date, and the counts that carry a duty's
  deadline — are compared with them: recall is the share of hand-read time limits a target
  matches (same line, same number and unit, or the same date), precision the share of duty
  targets that match a hand-read time limit.
- ``commitments:`` (the plans): every quantified, dated and recurring commitment. The dated ones
  are time limits too, scored with the orders'. Then every quantified and dated commitment is
  compared with every target of the notice (but its recurring duties): a target matches one when
  it is on the same line with the same value and unit (a range: both ends), or, for a dated
  commitment with nothing to count, the same date; where the reading gives a deadline, the
  target's must agree (a target is *fully* right or it is not right). Recall is the share of
  hand-read commitments a target matches, precision the share of the notice's targets that
  match one. A commitment the text states twice (``restates: <line>``, a summary or a plan's
  objectives repeated in its tasks) counts once: a target for either statement finds it, and a
  second target for it is a false one. Targets and commitments are paired one to one.
- Recurring commitments (``kind: recurring``, with a ``frequency``) are compared with the
  recurring duties (unit ``per year``, how many times a year) on the same line, with the same
  frequency.

`pytest -s` prints the misses and the false ones. Entries marked `arguable: true` are neither
counted as misses when no target matches them nor make a target that matches them a false one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tools import regexes
from tools.models import Archive, Notice, Target
from tools.targets.found import number

from .site_helpers import load_yaml

HAND = Path(__file__).resolve().parent / "data" / "hand_readings"
DUTY_UNITS = ("days", "months", "years", "date")
RECURRING_UNIT = "per year"

# The floors: recall and precision measured on 2026-11-29 (109 hand-read time limits, 107
# found; 107 duty targets, all true), rounded down to the percent. Raise them when the
# pipeline improves; a fall is a regression. The goal, a recall of 95%, is met on these
# notices (98.2%): RECALL_GOAL is tested on its own.
RECALL_FLOOR = 0.98
PRECISION_FLOOR = 1.00
RECALL_GOAL = 0.95

# Per notice (recall, precision) of the time limits, measured on 2026-11-29, rounded down.
NOTICE_FLOORS: dict[str, tuple[float, float]] = {
    "us-eo-14363-genesis-mission-2025": (1.00, 1.00),  # 7 of 7; 7 targets, all true
    "us-eo-14110-safe-secure-trustworthy-ai-2023": (0.97, 1.00),  # 96 of 98; 96 targets, all true
    "shenzhen-ai-action-plan-2023-2024": (1.00, 1.00),  # 2 of 2; 2 targets, both true
    "jingan-zhangjiang-park-plan-2025-2026": (1.00, 1.00),  # 2 of 2; 2 targets, both true
}

# Quantified and dated commitments of the plans read for them: (recall, precision) measured on
# 2026-11-29, rounded down to the percent. COMMITMENT_GOAL is the "fully right ≥ 95%".
COMMITMENT_FLOORS: dict[str, tuple[float, float]] = {
    "shenzhen-ai-action-plan-2023-2024": (1.00, 1.00),  # 4 of 4; 4 targets, all true
    "jp-ai-basic-plan-2025": (1.00, 1.00),  # 1 of 1; 1 target, true
    "jingan-zhangjiang-park-plan-2025-2026": (1.00, 1.00),  # 17 of 17; 17 targets, all true
}
COMMITMENT_GOAL = 0.95
# Recurring commitments: (recall, precision) per notice, measured on 2026-11-29.
RECURRING_FLOORS: dict[str, tuple[float, float]] = {
    "shenzhen-ai-action-plan-2023-2024": (1.00, 1.00),  # 3 of 3; 3 duties, all true
    "jp-ai-basic-plan-2025": (1.00, 1.00),  # 1 of 1; 1 duty, true
    "jingan-zhangjiang-park-plan-2025-2026": (1.00, 1.00),  # none read, none found
}


# Time limits ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Limit:
    """One time limit read by hand."""

    notice: str
    line: int
    measure: str | None
    n: float | None
    unit: str
    date: str | None
    arguable: bool
    does: str

    def label(self) -> str:
        when = self.date if self.unit == "date" else f"{self.n:g} {self.unit}"
        return f"{self.notice}:{self.line} {self.measure or '-'} {when} — {self.does}"


def _limits(notice_id: str, data: dict[str, Any]) -> list[Limit]:
    if "time_limits" in data:
        rows = data["time_limits"]
    else:  # a plan read for commitments: its dated ones are its time limits
        rows = [
            {**c, "unit": "date", "date": c["deadline"], "does": c["what"]}
            for c in data["commitments"]
            if c.get("kind") == "dated"
        ]
    return [
        Limit(
            notice=notice_id,
            line=int(r["line"]),
            measure=r.get("measure"),
            n=float(r["n"]) if r.get("n") is not None else None,
            unit=r["unit"],
            date=str(r["date"]) if r.get("date") is not None else None,
            arguable=bool(r.get("arguable", False)),
            does=" ".join(str(r.get("does", "")).split()),
        )
        for r in rows
    ]


@cache  # read once per run: each score and count asks for it again
def _readings() -> dict[str, dict[str, Any]]:
    out = {}
    for path in sorted(HAND.glob("*.yaml")):
        data = load_yaml(path.read_text(encoding="utf-8"))
        if "time_limits" in data or "commitments" in data:
            out[data["notice"]] = data  # not another kind of reading (*-agencies.yaml)
    return out


def hand_readings() -> dict[str, list[Limit]]:
    """The time limits of every notice read for them (a plan with no dated commitment has none)."""
    out = {}
    for nid, data in _readings().items():
        limits = _limits(nid, data)
        if limits:
            out[nid] = limits
    return out


def _target_dates(t: Target) -> set[str]:
    dates = {d for d in (t.deadline_date, t.deadline) if d}
    if t.deadline_year is not None:
        dates.add(str(t.deadline_year))
    return dates


def _same_date(hand: str, t: Target) -> bool:
    # "2023-12-31" read by hand matches a target dated "2023-12-31" or the year "2023";
    # a hand-read year "2025" matches a target dated within it.
    return any(d == hand or hand.startswith(d) or d.startswith(hand) for d in _target_dates(t))


def matches(limit: Limit, t: Target) -> bool:
    if t.line != limit.line:
        return False
    if limit.unit == "date":
        return limit.date is not None and _same_date(limit.date, t)
    if limit.n is None:
        return False
    if t.unit == limit.unit:
        return float(t.value) == limit.n
    # A count that a dated duty is to deliver carries the duty's deadline ("Within 540 days …,
    # establish at least four new … Institutes" is one target, the count).
    stated = _duty_deadline(t)
    return stated is not None and stated == (limit.n, limit.unit)


def _duty_deadline(t: Target) -> tuple[float, str] | None:
    """The time limit a count carries from its sentence's duty ("within 540 days of …")."""
    m = regexes.DUTY_WITHIN.fullmatch(t.deadline or "") if t.unit not in DUTY_UNITS else None
    return (number(m["n"]), m["unit"].lower().rstrip("s") + "s") if m else None


def duty_targets(n: Notice) -> list[Target]:
    """The duties, and the counts that carry a duty's deadline (a date, or a number of days)."""
    return [t for t in n.targets if t.unit in DUTY_UNITS or t.deadline_date or _duty_deadline(t)]


def _describe(t: Target) -> str:
    if t.unit == "date":
        when = t.deadline_date or t.deadline
    elif t.unit in DUTY_UNITS:
        when = f"{t.value:g} {t.unit}"
    else:
        when = f"{t.value:g}{f'-{t.value_max:g}' if t.value_max else ''} {t.unit} ({t.deadline or 'no deadline'})"
    freq = f" [{t.frequency}]" if t.frequency else ""
    return f"{t.notice}:{t.line} {t.measure or t.part or '-'} {when}{freq} ({t.deadline_after or '-'}) — {t.as_written}"


@dataclass
class Score:
    limits: int  # hand-read entries counted for recall (not arguable)
    found: int
    targets: int
    true: int
    misses: list[Any]
    false: list[Target]
    other_measure: list[tuple[Target, str]]  # matched on line and time, not on measure

    @property
    def recall(self) -> float:
        return self.found / self.limits if self.limits else 1.0

    @property
    def precision(self) -> float:
        return self.true / self.targets if self.targets else 1.0


def _sum(per: dict[str, Score]) -> Score:
    return Score(
        limits=sum(s.limits for s in per.values()),
        found=sum(s.found for s in per.values()),
        targets=sum(s.targets for s in per.values()),
        true=sum(s.true for s in per.values()),
        misses=[m for s in per.values() for m in s.misses],
        false=[f for s in per.values() for f in s.false],
        other_measure=[o for s in per.values() for o in s.other_measure],
    )


def score(archive: Archive, notice_ids: list[str] | None = None) -> tuple[Score, dict[str, Score]]:
    readings = hand_readings()
    by_id = {n.id: n for n in archive.notices}
    per: dict[str, Score] = {}
    for nid in notice_ids or sorted(readings):
        limits = readings[nid]
        targets = duty_targets(by_id[nid])
        counted = [x for x in limits if not x.arguable]
        misses = [x for x in counted if not any(matches(x, t) for t in targets)]
        false = [t for t in targets if not any(matches(x, t) for x in limits)]
        other = [
            (t, x.measure) for t in targets for x in limits if matches(x, t) and x.measure and x.measure != t.measure
        ]
        per[nid] = Score(
            limits=len(counted),
            found=len(counted) - len(misses),
            targets=len(targets),
            true=len(targets) - len(false),
            misses=misses,
            false=false,
            other_measure=other,
        )
    return _sum(per), per


def _table(total: Score, per: dict[str, Score], what: str) -> list[str]:
    lines = [f"{'notice':<48} {'hand':>5} {'found':>6} {what:>5} {'true':>5} {'recall':>7} {'prec.':>6}"]
    for nid, s in [*per.items(), ("all", total)]:
        lines.append(
            f"{nid:<48} {s.limits:>5} {s.found:>6} {s.targets:>5} {s.true:>5} {s.recall:>7.1%} {s.precision:>6.1%}"
        )
    return lines


def report(total: Score, per: dict[str, Score]) -> str:
    lines = _table(total, per, "duty")
    lines.append("misses (read by hand, no target):")
    lines += [f"  {m.label()}" for m in total.misses] or ["  none"]
    lines.append("false (a duty target no hand reading has):")
    lines += [f"  {_describe(t)}" for t in total.false] or ["  none"]
    if total.other_measure:
        lines.append("matched, but given to another measure than the hand reading's (not scored):")
        lines += [f"  {_describe(t)} — read by hand as {m}" for t, m in total.other_measure]
    return "\n".join(lines)


# Commitments ---------------------------------------------------------------------------

# A frequency as the text gives it, as the reading names it (the first that fits).
_PERIODS = (
    ("quarterly", ("quarter", "季度")),
    ("monthly", ("month", "每月")),
    ("weekly", ("week", "每周")),
    ("twice a year", ("twice", "semi-annual", "half-year", "每半年")),
    ("every 2 years", ("two years", "2 years", "biennial")),
    ("every 3 years", ("three years", "3 years")),
    ("annual", ("annual", "year", "每年")),
)


def period(frequency: str | None) -> str | None:
    """ "on an annual basis", "in principle annually", 每年 → "annual"; "on the 8th of each
    month" → "monthly"."""
    low = (frequency or "").lower()
    return next((name for name, words in _PERIODS if any(w in low for w in words)), None)


@dataclass(frozen=True)
class Commitment:
    """One commitment read by hand."""

    notice: str
    line: int
    kind: str  # quantified | dated | recurring
    value: float | None
    value_max: float | None
    unit: str | None
    deadline: str | None
    frequency: str | None
    restates: int | None  # the line of the statement it repeats
    arguable: bool
    what: str

    def label(self) -> str:
        if self.kind == "recurring":
            amount = f"{self.frequency}"
        elif self.value is None:
            amount = f"by {self.deadline}"
        else:
            upper = f"-{self.value_max:g}" if self.value_max is not None else ""
            amount = f"{self.value:g}{upper} {self.unit}" + (f" by {self.deadline}" if self.deadline else "")
        again = f" (restates line {self.restates})" if self.restates else ""
        return f"{self.notice}:{self.line} {amount}{again} — {self.what}"


def commitments(notice_id: str, kinds: Sequence[str]) -> list[list[Commitment]]:
    """The notice's commitments of these kinds, each with the statements that repeat it (one
    group per commitment, the first statement first)."""
    rows = [
        Commitment(
            notice=notice_id,
            line=int(c["line"]),
            kind=c["kind"],
            value=float(c["value"]) if c.get("value") is not None else None,
            value_max=float(c["value_max"]) if c.get("value_max") is not None else None,
            # A rate ("10 billion yuan per square kilometer": unit yuan, per square kilometer) is
            # read with its unit saying so, as the pipeline's "yuan per square kilometer".
            unit=f"{c['unit']} per {c['per']}" if c.get("per") else c.get("unit"),
            deadline=str(c["deadline"]) if c.get("deadline") is not None else None,
            frequency=c.get("frequency"),
            restates=int(c["restates"]) if c.get("restates") is not None else None,
            arguable=bool(c.get("arguable", False)),
            what=" ".join(str(c["what"]).split()),
        )
        for c in _readings()[notice_id].get("commitments", [])
        if c["kind"] in kinds
    ]
    groups = [[c] for c in rows if c.restates is None]
    for c in (c for c in rows if c.restates is not None):
        # The k-th restatement of a value on a line repeats the k-th statement of it there.
        same = [g for g in groups if g[0].line == c.restates and _alike(g[0], c)]
        free = [g for g in same if not any(x.line == c.line for x in g[1:])]
        assert free, f"{c.label()}: no statement on line {c.restates} that it restates"
        free[0].append(c)
    return groups


def _alike(a: Commitment, b: Commitment) -> bool:
    return (a.kind, a.value, a.value_max, a.unit, a.frequency) == (b.kind, b.value, b.value_max, b.unit, b.frequency)


def fits(c: Commitment, t: Target) -> bool:
    """Whether a target is this hand-read commitment, fully: its line, its value and unit (or
    frequency, or date), and the deadline the reading gives."""
    if t.line != c.line:
        return False
    if c.kind == "recurring":
        return t.unit == RECURRING_UNIT and period(t.frequency) == c.frequency
    if c.value is None:  # dated, nothing to count
        return t.unit == "date" and c.deadline is not None and _same_date(c.deadline, t)
    if t.unit != c.unit or float(t.value) != c.value:
        return False
    if c.value_max is not None and t.value_max != c.value_max:
        return False
    return c.deadline is None or _same_date(c.deadline, t)


def _pair(groups: list[list[Commitment]], targets: list[Target]) -> dict[int, int]:
    """Targets paired one to one with commitment groups (a maximum matching): target index →
    group index."""
    fit = [[g for g, group in enumerate(groups) if any(fits(c, t) for c in group)] for t in targets]
    owner: dict[int, int] = {}  # group → target

    def place(ti: int, seen: set[int]) -> bool:
        for g in fit[ti]:
            if g not in seen:
                seen.add(g)
                if g not in owner or place(owner[g], seen):
                    owner[g] = ti
                    return True
        return False

    for ti in range(len(targets)):
        place(ti, set())
    return {ti: g for g, ti in owner.items()}


def score_commitments(
    archive: Archive, kinds: Sequence[str], which: Callable[[Target], bool], notice_ids: Sequence[str]
) -> tuple[Score, dict[str, Score]]:
    """Recall and precision of the targets ``which`` picks against the hand-read commitments of
    ``kinds``, per notice."""
    by_id = {n.id: n for n in archive.notices}
    per: dict[str, Score] = {}
    for nid in notice_ids:
        groups = commitments(nid, kinds)
        targets = [t for t in by_id[nid].targets if which(t)]
        paired = _pair(groups, targets)
        found = set(paired.values())
        counted = [g for g, group in enumerate(groups) if not all(c.arguable for c in group)]
        arguable = {g for g, group in enumerate(groups) if all(c.arguable for c in group)}
        # A target that fits only arguable commitments is not a false one; one that fits a
        # commitment another target already has is (a restatement counted twice).
        false = [
            t
            for ti, t in enumerate(targets)
            if ti not in paired and not any(any(fits(c, t) for c in groups[g]) for g in arguable)
        ]
        per[nid] = Score(
            limits=len(counted),
            found=len([g for g in counted if g in found]),
            targets=len(targets),
            true=len(targets) - len(false),
            misses=[groups[g][0] for g in counted if g not in found],
            false=false,
            other_measure=[],
        )
    return _sum(per), per


def _plans() -> list[str]:
    return sorted(nid for nid, data in _readings().items() if "commitments" in data)


def _counted_targets(t: Target) -> bool:
    return t.unit != RECURRING_UNIT


def _recurring_targets(t: Target) -> bool:
    return t.unit == RECURRING_UNIT


def score_quantified(archive: Archive, notice_ids: Sequence[str] | None = None) -> tuple[Score, dict[str, Score]]:
    return score_commitments(archive, ("quantified", "dated"), _counted_targets, notice_ids or _plans())


def score_recurring(archive: Archive, notice_ids: Sequence[str] | None = None) -> tuple[Score, dict[str, Score]]:
    return score_commitments(archive, ("recurring",), _recurring_targets, notice_ids or _plans())


def report_commitments(total: Score, per: dict[str, Score], what: str = "targ.") -> str:
    lines = _table(total, per, what)
    lines.append("misses (read by hand, no target fully right):")
    lines += [f"  {m.label()}" for m in total.misses] or ["  none"]
    lines.append("false (a target no hand reading has, one with another deadline, or a restatement counted twice):")
    lines += [f"  {_describe(t)}" for t in total.false] or ["  none"]
    return "\n".join(lines)


# Tests ---------------------------------------------------------------------------------


def test_every_hand_reading_names_a_notice_of_the_corpus(archive: Archive) -> None:
    ids = {n.id for n in archive.notices}
    readings = hand_readings()
    assert readings and set(_readings()) <= ids
    for limits in readings.values():
        assert limits
        for x in limits:
            assert x.unit in DUTY_UNITS
            assert (x.date is not None) if x.unit == "date" else (x.n is not None and x.n > 0)
    for nid in _plans():
        for group in commitments(nid, ("quantified", "dated", "recurring")):
            for c in group:
                assert c.kind in ("quantified", "dated", "recurring"), c.label()
                if c.kind == "quantified" and not c.arguable:
                    assert c.value is not None and c.value > 0 and c.unit, c.label()
                if c.kind == "dated":
                    assert c.value is None and c.deadline, c.label()
                if c.kind == "recurring":
                    assert period(c.frequency) == c.frequency, c.label()


def test_the_hand_readings_count_what_was_read(archive: Archive) -> None:
    readings = hand_readings()
    assert len(readings["us-eo-14363-genesis-mission-2025"]) == 7
    assert len([x for x in readings["us-eo-14110-safe-secure-trustworthy-ai-2023"] if not x.arguable]) == 98
    assert len(readings["shenzhen-ai-action-plan-2023-2024"]) == 2
    assert len(readings["jingan-zhangjiang-park-plan-2025-2026"]) == 2

    def count(nid: str, *kinds: str) -> tuple[int, int]:
        groups = commitments(nid, kinds)
        return len(groups), sum(len(g) for g in groups)

    # (commitments, statements): Zhangjiang states 5 of its objectives again in its tasks.
    assert count("jingan-zhangjiang-park-plan-2025-2026", "quantified", "dated") == (17, 21)
    assert count("jp-ai-basic-plan-2025", "quantified", "dated") == (1, 1)
    assert count("shenzhen-ai-action-plan-2023-2024", "quantified", "dated") == (5, 6)
    assert count("shenzhen-ai-action-plan-2023-2024", "recurring") == (3, 4)
    assert count("jp-ai-basic-plan-2025", "recurring") == (1, 1)


def test_duty_deadlines_do_not_fall_below_the_measured_recall_and_precision(archive: Archive) -> None:
    total, per = score(archive)
    print("\n" + report(total, per))
    assert total.recall >= RECALL_FLOOR, report(total, per)
    assert total.precision >= PRECISION_FLOOR, report(total, per)


def test_recall_meets_the_95_percent_goal(archive: Archive) -> None:
    """The issue's goal for time limits, on the notices read by hand."""
    total, per = score(archive)
    assert total.recall >= RECALL_GOAL and total.precision >= RECALL_GOAL, report(total, per)


@pytest.mark.parametrize("notice_id", sorted(NOTICE_FLOORS))
def test_each_notice_keeps_its_measured_recall_and_precision(archive: Archive, notice_id: str) -> None:
    total, per = score(archive, [notice_id])
    recall, precision = NOTICE_FLOORS[notice_id]
    assert per[notice_id].recall >= recall, report(total, per)
    assert per[notice_id].precision >= precision, report(total, per)


def test_the_floors_cover_every_hand_reading() -> None:
    assert set(NOTICE_FLOORS) == set(hand_readings())
    assert set(COMMITMENT_FLOORS) == set(RECURRING_FLOORS) == set(_plans())


@pytest.mark.parametrize("notice_id", sorted(COMMITMENT_FLOORS))
def test_each_plan_keeps_its_measured_commitments(archive: Archive, notice_id: str) -> None:
    total, per = score_quantified(archive, [notice_id])
    print("\n" + report_commitments(total, per))
    recall, precision = COMMITMENT_FLOORS[notice_id]
    assert per[notice_id].recall >= recall, report_commitments(total, per)
    assert per[notice_id].precision >= precision, report_commitments(total, per)


def test_quantified_commitments_meet_the_95_percent_goal(archive: Archive) -> None:
    """The issue's goal: targets fully right ≥ 95% (and none that is not a commitment), recall ≥ 95%
    of the quantified commitments of the plans read by hand: 22 of 22, 22 targets all right on
    2026-11-29 (20 of 22 and 20 of 24 before a restatement gave one target and a year alone dated
    a commitment)."""
    total, per = score_quantified(archive)
    print("\n" + report_commitments(total, per))
    assert total.recall >= COMMITMENT_GOAL and total.precision >= COMMITMENT_GOAL, report_commitments(total, per)


def test_time_limits_and_commitments_together_meet_the_95_percent_goal(archive: Archive) -> None:
    """Every hand-read time limit and quantified commitment, each counted once (a plan's dated
    commitments are in both scores: they count as time limits here). 124 of 127 (97.6%) on
    2026-11-29 (122, 96.1%, before a year alone dated a commitment)."""
    limits, _ = score(archive)
    quantified, per = score_commitments(archive, ("quantified",), _counted_targets, _plans())
    found, read = limits.found + quantified.found, limits.limits + quantified.limits
    assert found / read >= RECALL_GOAL, report_commitments(quantified, per)


@pytest.mark.parametrize("notice_id", sorted(RECURRING_FLOORS))
def test_each_plan_keeps_its_measured_recurring_duties(archive: Archive, notice_id: str) -> None:
    total, per = score_recurring(archive, [notice_id])
    print("\n" + report_commitments(total, per, "recur"))
    recall, precision = RECURRING_FLOORS[notice_id]
    assert per[notice_id].recall >= recall, report_commitments(total, per, "recur")
    assert per[notice_id].precision >= precision, report_commitments(total, per, "recur")
