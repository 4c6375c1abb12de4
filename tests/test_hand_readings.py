"""The duties' deadlines the pipeline finds, measured against careful readings by hand.

tests/data/hand_readings/<notice>.yaml hold every time limit a careful reader finds in a
notice, read from its text alone (see each file's header for what counts). Here the
pipeline's duty targets — the targets whose unit is days, months, years or a date, and the
counts that carry a duty's deadline — are compared with them: recall is the share of hand-read time limits a target matches (same
line, same number and unit, or the same date), precision the share of duty targets that
match a hand-read time limit. `pytest -s` prints the misses and the false ones.

Entries marked `arguable: true` are neither counted as misses when no target matches them
nor make a target that matches them a false one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from tools import regexes
from tools.models import Archive, Notice, Target
from tools.targets.found import number

HAND = Path(__file__).resolve().parent / "data" / "hand_readings"
DUTY_UNITS = ("days", "months", "years", "date")

# The floors: recall and precision measured on 2026-11-29 (107 hand-read time limits, 104
# found; 104 duty targets, all true), rounded down to the percent. Raise them when the
# pipeline improves; a fall is a regression. The goal, a recall of 95%, is met on these
# three notices (97.2%): RECALL_GOAL is tested on its own.
RECALL_FLOOR = 0.97
PRECISION_FLOOR = 1.00
RECALL_GOAL = 0.95

# Per notice (recall, precision), measured on 2026-11-29, rounded down to the percent.
NOTICE_FLOORS: dict[str, tuple[float, float]] = {
    "us-eo-14363-genesis-mission-2025": (1.00, 1.00),  # 7 of 7; 7 targets, all true
    "us-eo-14110-safe-secure-trustworthy-ai-2023": (0.96, 1.00),  # 95 of 98; 95 targets, all true
    "shenzhen-ai-action-plan-2023-2024": (1.00, 1.00),  # 2 of 2; 2 targets, both true
}


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


def hand_readings() -> dict[str, list[Limit]]:
    out = {}
    for path in sorted(HAND.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "time_limits" not in data and "commitments" not in data:
            continue  # another kind of reading (e.g. *-agencies.yaml, read by test_hand_agencies)
        out[data["notice"]] = _limits(data["notice"], data)
    return out


def _target_dates(t: Target) -> set[str]:
    dates = {d for d in (t.deadline_date, t.deadline) if d}
    if t.deadline_year is not None:
        dates.add(str(t.deadline_year))
    return dates


def matches(limit: Limit, t: Target) -> bool:
    if t.line != limit.line:
        return False
    if limit.unit == "date":
        if limit.date is None:
            return False
        # "2023-12-31" read by hand matches a target dated "2023-12-31" or the year "2023";
        # a hand-read year "2025" matches a target dated within it.
        return any(d == limit.date or limit.date.startswith(d) or d.startswith(limit.date) for d in _target_dates(t))
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
    when = (t.deadline_date or t.deadline) if t.unit == "date" else f"{t.value:g} {t.unit}"
    return f"{t.notice}:{t.line} {t.measure or t.part or '-'} {when} ({t.deadline_after or '-'}) — {t.as_written}"


@dataclass
class Score:
    limits: int  # hand-read time limits counted for recall (not arguable)
    found: int
    targets: int
    true: int
    misses: list[Limit]
    false: list[Target]
    other_measure: list[tuple[Target, str]]  # matched on line and time, not on measure

    @property
    def recall(self) -> float:
        return self.found / self.limits if self.limits else 1.0

    @property
    def precision(self) -> float:
        return self.true / self.targets if self.targets else 1.0


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
    total = Score(
        limits=sum(s.limits for s in per.values()),
        found=sum(s.found for s in per.values()),
        targets=sum(s.targets for s in per.values()),
        true=sum(s.true for s in per.values()),
        misses=[m for s in per.values() for m in s.misses],
        false=[f for s in per.values() for f in s.false],
        other_measure=[o for s in per.values() for o in s.other_measure],
    )
    return total, per


def report(total: Score, per: dict[str, Score]) -> str:
    lines = [f"{'notice':<48} {'hand':>5} {'found':>6} {'duty':>5} {'true':>5} {'recall':>7} {'prec.':>6}"]
    for nid, s in per.items():
        lines.append(
            f"{nid:<48} {s.limits:>5} {s.found:>6} {s.targets:>5} {s.true:>5} {s.recall:>7.1%} {s.precision:>6.1%}"
        )
    lines.append(
        f"{'all':<48} {total.limits:>5} {total.found:>6} {total.targets:>5} {total.true:>5} "
        f"{total.recall:>7.1%} {total.precision:>6.1%}"
    )
    lines.append("misses (read by hand, no target):")
    lines += [f"  {m.label()}" for m in total.misses] or ["  none"]
    lines.append("false (a duty target no hand reading has):")
    lines += [f"  {_describe(t)}" for t in total.false] or ["  none"]
    if total.other_measure:
        lines.append("matched, but given to another measure than the hand reading's (not scored):")
        lines += [f"  {_describe(t)} — read by hand as {m}" for t, m in total.other_measure]
    return "\n".join(lines)


def test_every_hand_reading_names_a_notice_of_the_corpus(archive: Archive) -> None:
    ids = {n.id for n in archive.notices}
    readings = hand_readings()
    assert readings and set(readings) <= ids
    for limits in readings.values():
        assert limits
        for x in limits:
            assert x.unit in DUTY_UNITS
            assert (x.date is not None) if x.unit == "date" else (x.n is not None and x.n > 0)


def test_the_hand_readings_count_what_was_read(archive: Archive) -> None:
    readings = hand_readings()
    assert len(readings["us-eo-14363-genesis-mission-2025"]) == 7
    assert len([x for x in readings["us-eo-14110-safe-secure-trustworthy-ai-2023"] if not x.arguable]) == 98
    assert len(readings["shenzhen-ai-action-plan-2023-2024"]) == 2


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
