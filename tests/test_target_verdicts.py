"""Every target the pipeline finds, measured against a careful reader's verdict on it.

tests/data/hand_readings/target-verdicts.yaml judges each target of the archive (217, built
from main at ca31431, and the 40 more found once tdates19 was merged into int2, judged
2026-11-29) against its source text: `correct` (a real commitment, every field
right), `partly` (a real commitment with a field wrong) or `false` (not a commitment); for a
real one, `expected` gives its value, unit, due date and agency (`agency_also_acceptable`
lists other agencies the reader accepts). target-verdicts-summary.md, next to it, sorts the
errors into classes.

Here the real pipeline's targets are matched to the verdicts: by id on the same line, else by
(notice, line, value, unit), since ids change when a reading changes. A target is fully
right when its value, unit, due date and agency are the expected ones. The share counted is
of the real commitments judged (one the pipeline no longer finds counts as not right) and of
the false ones still found. Verdicts marked `arguable: true` are not counted. Targets the file
has not judged (new readings) are printed and counted apart. `pytest -s` prints everything.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tools.models import Archive, Target

from .site_helpers import load_yaml

VERDICTS = Path(__file__).resolve().parent / "data" / "hand_readings" / "target-verdicts.yaml"
COMPARED = ("value", "unit", "due", "agency")

# The floor, measured on 2026-11-29: on the tree the verdicts judged (ca31431), of 178 real
# commitments judged (not arguable) and 16 false targets (not arguable), 124 fully right
# (124/194 = 63.9%); after the due dates (an event dated by its duty's record, a date the text
# prints), a count merged with its duty and what exists no target, 127 of 178 + 15 (65.8%; every
# field still wrong was an agency). Once merged with the holders read by tools/targets/holders.py
# (int2), 178 of 178 + 1 (99.4%); with the 40 targets judged after the merge (257 verdicts), 213 of
# 217 + 2 (97.3%): 4 agencies wrong, 2 false targets left. Rounded down to the percent. Raise it
# when the pipeline improves; a fall is a regression.
# The goal is at least 95% fully right and no target that is not a commitment. Both are
# met (the share is tested on its own, test_the_share_fully_right_meets_the_goal): the last two
# false targets (art. 70's restated notifying authority, read as "1 and"; EO 14141 6(a)'s yearly
# reporting, the providers' schedule) went on 2026-11-29, so KNOWN_FALSE is empty and must stay so.
FULLY_RIGHT_FLOOR = 0.99  # 216 of 218 (99.1%): a subject that points back ("That guidance shall") read
GOAL = 0.95
# The false targets (not arguable) the pipeline still finds, by the id they were judged under.
# None may be added, but for a target judged for the first time; remove one when the pipeline
# stops finding it.
KNOWN_FALSE: set[str] = set()  # none left: every target judged not a commitment is gone

# Units as an id spells them (the last part of a target's id), for a verdict without `expected`.
_ID_UNITS = {"days", "months", "years", "percent", "yuan", "dollars", "times", "square-meters", "square-kilometers"}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# A recurring duty's id says how often (tools.targets.duties.frequency_words): times a year.
_RECURRING_IDS = {"annually": 1.0, "twice-a-year": 2.0, "quarterly": 4.0, "monthly": 12.0, "weekly": 52.0}


@dataclass(frozen=True)
class Verdict:
    id: str
    notice: str
    line: int
    verdict: str  # correct, partly, false
    arguable: bool
    expected: dict[str, Any] | None
    also: tuple[str, ...]  # agency_also_acceptable

    @property
    def real(self) -> bool:
        return self.verdict in ("correct", "partly")

    def key(self) -> tuple[str, int, float, str]:
        """(notice, line, value, unit): from `expected`, else read from the id."""
        if self.expected:
            return self.notice, self.line, float(self.expected["value"]), _unit(str(self.expected["unit"]))
        return (self.notice, self.line, *_value_unit(self.id))


def _unit(unit: str) -> str:
    return unit.replace("kilometre", "kilometer")


def _value_unit(ident: str) -> tuple[float, str]:
    """ "…--3-months-2" → (3, "months"); "…--by-2025-02-28" → (0, "date"); "…--1-million-square-meters"
    → (1e6, "square meters"); "…--17-laboratories" → (17, "count"); a recurring duty's "…--annually-2"
    → (1, "per year"), "…--every-2-years" → (0.5, "per year")."""
    slug = ident.rsplit("--", 1)[-1]
    if slug.startswith("by-"):
        return 0.0, "date"
    recurring = re.sub(r"-\d+$", "", slug)
    if recurring in _RECURRING_IDS:
        return _RECURRING_IDS[recurring], "per year"
    every = re.fullmatch(r"every-(?P<n>\d+)-years", recurring)
    if every:
        return 1 / float(every["n"]), "per year"
    m = re.fullmatch(r"(?P<n>\d+)-(?:(?P<scale>thousand|million|billion|trillion)-)?(?P<rest>.+?)(?:-\d+)?", slug)
    assert m, ident
    value = float(m["n"]) * _SCALES.get(m["scale"] or "", 1.0)
    rest = m["rest"]
    unit = {"percent": "%"}.get(rest, rest.replace("-", " ")) if rest in _ID_UNITS else "count"
    return value, unit


def _reading() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml(VERDICTS.read_text(encoding="utf-8"))
    return data


def verdicts() -> list[Verdict]:
    return [
        Verdict(
            id=r["id"],
            notice=r["notice"],
            line=int(r["line"]),
            verdict=r["verdict"],
            arguable=bool(r.get("arguable", False)),
            expected=r.get("expected"),
            also=tuple(r.get("agency_also_acceptable") or ()),
        )
        for r in _reading()["targets"]
    ]


def match(judged: list[Verdict], targets: list[Target]) -> dict[str, Target]:
    """Each verdict's target, by verdict id: the target of the same id on the same line, else one
    of the same (notice, line, value, unit) not taken already."""
    out: dict[str, Target] = {}
    by_id = {t.id: t for t in targets}
    for v in judged:
        t = by_id.get(v.id)
        if t is not None and t.line == v.line:
            out[v.id] = t
    taken = {t.id for t in out.values()}
    for v in judged:
        if v.id in out:
            continue
        key = v.key()
        t = next((t for t in targets if t.id not in taken and _key(t) == key), None)
        if t is not None:
            out[v.id] = t
            taken.add(t.id)
    return out


def _key(t: Target) -> tuple[str, int, float, str]:
    return t.notice, t.line, float(t.value), _unit(t.unit)


def differences(v: Verdict, t: Target) -> list[str]:
    """The compared fields in which the target is not what the reader expects."""
    assert v.expected is not None
    out = []
    for name in COMPARED:
        want, got = v.expected[name], getattr(t, name)
        if name == "value":
            same = float(want) == float(got)
        elif name == "unit":
            same = _unit(str(want)) == _unit(got)
        elif name == "agency":
            same = got == want or (got is not None and got in v.also)
        else:
            same = (str(want) if want is not None else None) == got
        if not same:
            out.append(f"{name} {got!r}, expected {want!r}")
    return out


@dataclass
class Score:
    right: int = 0  # real commitments (not arguable) found with every compared field right
    commitments: int = 0  # real commitments judged (not arguable)
    wrong: list[tuple[Verdict, Target, list[str]]] = field(default_factory=list)
    lost: list[Verdict] = field(default_factory=list)  # real commitments the pipeline no longer finds
    false_left: list[tuple[Verdict, Target]] = field(default_factory=list)  # false ones (not arguable) still found
    false_gone: int = 0
    arguable: int = 0  # verdicts not counted
    unjudged: list[Target] = field(default_factory=list)
    per_notice: Counter[str] = field(default_factory=Counter)  # fully right, by notice

    @property
    def counted(self) -> int:
        return self.commitments + len(self.false_left)

    @property
    def share(self) -> float:
        return self.right / self.counted if self.counted else 1.0


def score(archive: Archive) -> Score:
    targets = [t for n in archive.notices for t in n.targets]
    judged = verdicts()
    found = match(judged, targets)
    s = Score()
    for v in judged:
        t = found.get(v.id)
        if v.arguable:
            s.arguable += 1
        elif not v.real:
            if t is None:
                s.false_gone += 1
            else:
                s.false_left.append((v, t))
        else:
            s.commitments += 1
            if t is None:
                s.lost.append(v)
                continue
            diffs = differences(v, t)
            if diffs:
                s.wrong.append((v, t, diffs))
            else:
                s.right += 1
                s.per_notice[v.notice] += 1
    matched = {t.id for t in found.values()}
    s.unjudged = [t for t in targets if t.id not in matched]
    return s


def report(s: Score) -> str:
    lines = [
        f"fully right: {s.right} of {s.counted} ({s.share:.1%}; floor {FULLY_RIGHT_FLOOR:.0%}, goal {GOAL:.0%}): "
        f"{s.commitments} real commitments judged, {len(s.false_left)} false targets still found "
        f"({s.false_gone} gone); {s.arguable} arguable verdicts not counted; {len(s.unjudged)} targets not judged",
        "wrong fields:",
    ]
    lines += [f"  {t.id} (line {t.line}): {'; '.join(diffs)}" for _, t, diffs in s.wrong] or ["  none"]
    lines.append("real commitments no longer found:")
    lines += [f"  {v.id} (line {v.line})" for v in s.lost] or ["  none"]
    lines.append("false targets still found:")
    lines += [f"  {t.id} (line {t.line}): {t.as_written!r}" for _, t in s.false_left] or ["  none"]
    lines.append("not judged yet: judge them in target-verdicts.yaml")
    lines += [
        f"  {t.id} (line {t.line}): {t.value:g} {t.unit}, due {t.due}, agency {t.agency} — {t.counted}"
        for t in s.unjudged
    ] or ["  none"]
    return "\n".join(lines)


def test_the_verdicts_judge_targets_of_the_corpus(archive: Archive) -> None:
    data = _reading()
    judged = verdicts()
    assert len({v.id for v in judged}) == len(judged) == data["counts"]["targets"]
    assert Counter(v.verdict for v in judged) == {k: data["counts"][k] for k in ("correct", "partly", "false")}
    notices = {n.id for n in archive.notices}
    for v in judged:
        assert v.notice in notices and v.id.startswith(f"{v.notice}--"), v.id
        if v.real:
            assert v.expected is not None and set(COMPARED) <= set(v.expected), v.id
        else:
            _value_unit(v.id)  # a false one is matched by what its id says


def test_the_match_reads_an_id_as_the_pipeline_writes_it() -> None:
    assert _value_unit("x--art-36--3-months-2") == (3.0, "months")
    assert _value_unit("x--sec-4-a--by-2025-02-28") == (0.0, "date")
    assert _value_unit("x--ii-10--1-million-square-meters-3") == (1e6, "square meters")
    assert _value_unit("x--sec-5-2-g--17-laboratories") == (17.0, "count")
    assert _value_unit("x--i--70-percent") == (70.0, "%")
    assert _value_unit("x--sec-6-a--annually") == (1.0, "per year")
    assert _value_unit("x--art-74--annually-2") == (1.0, "per year")
    assert _value_unit("x--p-1-3--every-2-years") == (0.5, "per year")


def test_no_target_judged_false_is_found_beyond_the_known_ones(archive: Archive) -> None:
    s = score(archive)
    print("\n" + report(s))
    new = [v.id for v, _ in s.false_left if v.id not in KNOWN_FALSE]
    assert not new, f"targets judged not to be commitments are found again: {new}\n" + report(s)
    gone = KNOWN_FALSE - {v.id for v, _ in s.false_left}
    if gone:
        print(f"no longer found, remove from KNOWN_FALSE: {sorted(gone)}")


def test_the_share_fully_right_does_not_fall_below_the_floor(archive: Archive) -> None:
    s = score(archive)
    assert s.share >= FULLY_RIGHT_FLOOR, report(s)


def test_the_share_fully_right_meets_the_goal(archive: Archive) -> None:
    """The issue's goal, at least 95% fully right (met: 97.3%). Its other half, no target that is not
    a commitment, is not met yet (2 left): KNOWN_FALSE holds them as the floor."""
    s = score(archive)
    assert s.share >= GOAL, report(s)
