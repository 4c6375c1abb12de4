"""Related measures: by text similarity, from other notices only, deterministic."""

from __future__ import annotations

from tools.models import Archive
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
