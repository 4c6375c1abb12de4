"""Statuses a careful tracker uses, and the evidence behind them: the progress records of
corpus/progress, each on its target's page and in the open data, through the real pipeline and
the built site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tools.follow import STATUSES, status_label
from tools.models import Archive, Target

from .site_helpers import load_yaml

pytestmark = pytest.mark.heavy  # reads the built site

PROGRESS = Path(__file__).resolve().parent.parent / "corpus" / "progress"
EO_14110 = "us-eo-14110-safe-secure-trustworthy-ai-2023"
EO_14363 = "us-eo-14363-genesis-mission-2025"


def _targets(archive: Archive) -> dict[str, Target]:
    return {t.id: t for n in archive.notices for t in n.targets}


def _records() -> dict[str, list[dict[str, object]]]:
    return {p.stem: load_yaml(p.read_text("utf-8"))["updates"] for p in sorted(PROGRESS.glob("*.yaml"))}


def test_the_28_records_are_in_each_on_a_target(archive: Archive) -> None:
    records = _records()
    assert sum(len(u) for u in records.values()) >= 28 and len(archive.progress) == sum(
        len(u) for u in records.values()
    )
    targets = _targets(archive)
    for target_id, updates in records.items():
        t = targets[target_id]  # a file is named after a target of the archive
        for u in updates:
            # The sentence the reporter matched is the target's (shortened with "…").
            assert " ".join(str(u["target_sentence"]).rstrip(" …").split()) in " ".join(t.sentence.split()), target_id
            assert u["source"]["publisher"] and u["note"]  # type: ignore[index]


def test_met_on_time_late_and_with_no_due_date(archive: Archive) -> None:
    targets = _targets(archive)
    # OMB's M-24-10 is dated 2024-03-28, the 150-day due date.
    omb = targets[f"{EO_14110}--sec-10-1-b--150-days"]
    assert (omb.due, omb.status, omb.days_late, status_label(omb)) == ("2024-03-28", "met", 0, "met, on time")
    # Treasury's report: the law firm wrote on 2024-04-29 of a release on 2024-03-27, a day early.
    treasury = targets[f"{EO_14110}--sec-4-3-a--150-days"]
    assert (treasury.met_on, treasury.days_late) == ("2024-03-27", 0)
    # DOE's 26 challenges, announced 2026-02-13 against a due date of 2026-01-23 (the count carries
    # the 60-day duty's deadline: one target).
    genesis = targets[f"{EO_14363}--sec-4-a--20-challenges"]
    assert (genesis.status, genesis.days_late, status_label(genesis)) == ("met", 21, "met, 21 days late")
    # 60 days after the OMB guidance: the event is dated by the guidance's own record (M-24-10 of
    # 2024-03-28), so due 2024-05-27; the officers were named by 2024-05-29.
    officers = targets[f"{EO_14110}--sec-10-1-b--60-days"]
    assert (officers.due, officers.due_source, officers.due_from) == (
        "2024-05-27",
        "event",
        f"{EO_14110}--sec-10-1-b--150-days",
    )
    assert (officers.status, officers.days_late, status_label(officers)) == ("met", 2, "met, 2 days late")
    # "In December 2023", against a due date of 2023-12-29: the month runs past it, so not known.
    hiring = targets[f"{EO_14110}--sec-10-2-d--60-days"]
    assert (hiring.met_on, hiring.days_late, status_label(hiring)) == ("2023-12", None, "met")


def test_void_only_for_a_notice_revoked_before_the_target_fell_due(archive: Archive) -> None:
    seen = set()
    for n in archive.notices:
        revoked = n.meta.get("revoked")
        for t in n.targets:
            seen.add(t.status)
            if t.status == "void":
                assert revoked and t.due and revoked["date"] < t.due, t.id
            if t.due is None:
                assert t.status != "void" and t.status not in ("open", "no-report"), t.id
            if t.status == "no-report":
                assert t.due and t.due < archive.as_of and not [u for u in archive.progress if u.target == t.id]
    assert seen <= set(STATUSES) and {"met", "no-report", "void", "no-date"} <= seen


def test_each_record_is_on_its_target_page_and_in_the_open_data(site: Path) -> None:
    data = {t["id"]: t for t in json.loads((site / "data/targets.json").read_text("utf-8"))["targets"]}
    for target_id, updates in _records().items():
        row = data[target_id]
        assert [u["quote"] for u in row["progress"]] == [u["quote"] for u in updates]
        assert row["status"] != "no-report" and row["status_label"].startswith(STATUSES[row["status"]].label)
        page = BeautifulSoup((site / "targets" / target_id / "index.html").read_text("utf-8"), "html.parser")
        shown = page.select("ul.updates li")
        assert len(shown) == len(updates)
        for li, u in zip(shown, updates, strict=True):
            text = li.get_text(" ", strip=True)
            source: dict[str, str] = u["source"]  # type: ignore[assignment]
            assert str(u["quote"]) in text and source["title"] in text and source["publisher"] in text
            assert str(u["date"]) in text
    late = BeautifulSoup((site / f"targets/{EO_14363}--sec-4-a--20-challenges/index.html").read_text(), "html.parser")
    assert late.select_one(".target-status .status").get_text() == "met, 21 days late"  # type: ignore[union-attr]
    # The targets page leads with what has evidence.
    index = BeautifulSoup((site / "targets/index.html").read_text("utf-8"), "html.parser")
    evidenced = index.select_one("table")
    assert evidenced is not None and len(evidenced.select("tbody tr")) == len(_records())


def test_a_passed_due_date_with_no_report_says_so_and_overdue_is_nowhere(site: Path) -> None:
    data = json.loads((site / "data/targets.json").read_text("utf-8"))["targets"]
    passed = next(t for t in data if t["status"] == "no-report")
    assert passed["status_label"] == "due date passed — no report recorded"
    page = BeautifulSoup((site / "targets" / passed["id"] / "index.html").read_text("utf-8"), "html.parser")
    assert page.select_one(".target-status .status").get_text() == "due date passed — no report recorded"  # type: ignore[union-attr]
    said = [
        p.relative_to(site)
        for p in site.rglob("*")
        if p.suffix in {".html", ".json", ".csv", ".xml", ".txt", ".js"}
        and "overdue" in p.read_text("utf-8", errors="replace").lower()
    ]
    assert not said
