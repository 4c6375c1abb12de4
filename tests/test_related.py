"""Related measures: by text similarity, from other notices only, deterministic."""

from __future__ import annotations

from tools.models import Archive, Measure
from tools.related import related


def test_related_measures_come_from_other_notices(archive: Archive) -> None:
    measures = [m for n in archive.notices for m in n.parsed.measures]
    found = related(measures)
    assert found == related(list(measures))  # same input, same answer
    fund = [key for key, _ in found["shenzhen-ai-action-plan-2023-2024/m-16"]]
    assert fund[0] == "shanghai-ai-industry-regulations/art-33"  # both on funds and capital
    for key, others in found.items():
        notice = key.split("/")[0]
        assert all(other.split("/")[0] != notice for other, _ in others)
        assert [s for _, s in others] == sorted((s for _, s in others), reverse=True)


def _measure(notice: str, measure_id: str, text: str) -> Measure:
    return Measure(measure_id, notice, measure_id, None, text, 1, 1, [], [text])


def test_ties_go_by_key_and_weak_matches_are_left_out() -> None:
    chips = "Build intelligent computing centres with domestic chips and shared clusters."
    measures = [
        _measure("a", "m-1", chips),
        _measure("c", "m-9", chips),  # the same text in two other notices: a tie, broken by key
        _measure("b", "m-2", chips),
        _measure("b", "m-3", "Train judges on the review of algorithms in court cases."),
        _measure("d", "m-1", "Open public datasets on transport, with computing vouchers for small firms."),
    ]
    found = related(measures, per_measure=2)
    assert [key for key, _ in found["a/m-1"]] == ["b/m-2", "c/m-9"]
    assert found["a/m-1"][0][1] == found["a/m-1"][1][1]
    assert found["b/m-3"] == []  # nothing else is about courts
    assert all(score >= 0.12 for others in found.values() for _, score in others)
    assert related(measures, per_measure=2, jobs=2) == found
