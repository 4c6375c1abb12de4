"""Targets that can be followed: due dates, statuses, values that add up, progress records and
totals — on the real corpus, through the real pipeline and the built site."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import lxml.html
import pytest
from bs4 import BeautifulSoup

from tools.follow import add_duration, totals
from tools.models import Archive, Target
from tools.pipeline import build_archive

from .conftest import CORPUS, Cli, make_small_corpus
from .site_helpers import build
from .test_parse import JINGAN, SHENZHEN, ZHANGJIANG, notice

pytestmark = pytest.mark.heavy  # builds a site, or runs the command many times: scheduled first

EO_14110 = "us-eo-14110-safe-secure-trustworthy-ai-2023"
EO_14141 = "us-eo-14141-ai-infrastructure-2025"
FUND = f"{SHENZHEN}--m-16--100-billion-yuan"


def _target(archive: Archive, notice_id: str, text: str) -> Target:
    return next(t for t in notice(archive, notice_id).targets if text in t.as_written)


def test_due_dates_and_statuses_of_the_seeds(archive: Archive) -> None:
    assert archive.as_of == "2026-11-29"  # judged at the corpus date (the latest retrieval), never the clock
    # Shenzhen's 2023–2024 targets state no deadline of their own: due at the end of the plan period;
    # its two dated commitments ("before the end of 2023") at the end of 2023; its duties on a
    # schedule ("on an annual basis") never fall due once.
    for t in notice(archive, SHENZHEN).targets:
        if t.unit == "per year":
            assert (t.due, t.due_source, t.status) == (None, None, "no-date")
            continue
        expected = ("2023-12-31", "stated") if t.unit == "date" else ("2024-12-31", "period")
        assert (t.due, t.due_source, t.status) == (*expected, "no-report")
    projects = _target(archive, JINGAN, "over 50")
    assert (projects.due, projects.due_source, projects.status) == ("2028-12-31", "year", "open")
    gross = _target(archive, ZHANGJIANG, "175 billion yuan")
    assert (gross.value_base, gross.base_unit, gross.value, gross.unit) == (1.75e11, "CNY", 1.75e11, "yuan")
    # "in three years" from the plan's date (2025-04-18)
    space = _target(archive, ZHANGJIANG, "one million square meters")
    assert (space.due, space.base_unit) == ("2028-04-18", "m²")


def test_duties_fall_due_counted_from_the_signing_date(archive: Archive) -> None:
    first = next(t for t in notice(archive, EO_14110).targets if t.measure == "sec-4-1-a")
    assert (first.deadline_after, first.due, first.due_source) == ("P270D", "2024-07-26", "counted")  # 2023-10-30 + 270
    # Due before the order was revoked (2025-01-20); NIST's documents came out on the day.
    assert (first.status, first.met_on, first.days_late) == ("met", "2024-07-26", 0)
    assert (first.value_base, first.base_unit) == (None, None)  # days are a deadline, not an amount
    cn = next(t for n in archive.notices for t in n.targets if t.as_written == "十期")
    assert (cn.due, cn.status) == ("2025-12-31", "progress")  # 2025年底前; one workshop of ten reported


def test_targets_of_a_revoked_order_are_void_when_it_went_first(archive: Archive) -> None:
    year = next(t for t in notice(archive, EO_14141).targets if t.measure == "sec-4-i")
    assert (year.due, year.status) == ("2026-01-14", "void")  # revoked 2025-07-23, before it fell due
    dated = _target(archive, EO_14141, "By March 15, 2025")
    assert (dated.due, dated.due_source, dated.status) == ("2025-03-15", "stated", "no-report")
    # A report decides before a revocation does: DOE's 16 sites, a part of the duty.
    sites = _target(archive, EO_14141, "3 sites")
    assert sites.status == "partly-met"
    # With no due date, nobody can say the revocation went first: no date, not void.
    undated = [t for t in notice(archive, EO_14141).targets if t.due is None and not t.id.endswith("-sites")]
    assert undated and {t.status for t in undated} == {"no-date"}


def test_durations_follow_the_calendar() -> None:
    from datetime import date

    assert add_duration(date(2023, 10, 30), "P270D") == date(2024, 7, 26)
    assert add_duration(date(2025, 8, 31), "P6M") == date(2026, 2, 28)  # a month with no 31st
    assert add_duration(date(2024, 2, 29), "P1Y") == date(2025, 2, 28)


def test_totals_match_a_hand_count(archive: Archive) -> None:
    rows = {(t.kind, t.jurisdiction, t.year, t.unit): t for t in totals(archive)}
    # Zhangjiang's enterprises by 2026: 5 unicorns, 40 listed, 400 technology-based (i-3, i-4),
    # then 100 new-track and 1,000 technology-based (ii-6); ii-6 states the 5 unicorns and
    # champions of i-3 again, which is one target, counted once.
    enterprises = rows[("enterprises", "shanghai/jingan", 2026, "count")]
    assert enterprises.value == 5 + 40 + 400 + 100 + 1000 and len(enterprises.targets) == 5
    # The three "one million square meters" of i-4 are restated in ii-10: one target each.
    space = rows[("space", "shanghai/jingan", 2028, "m²")]
    assert space.value == 3_000_000 and len(space.targets) == 3 and not space.restated
    assert rows[("funds", "shenzhen", 2024, "CNY")].value == 1e11
    # The 175 billion yuan of gross product; "10 billion yuan per square kilometer" is a rate, no amount.
    assert rows[("output", "shanghai/jingan", 2026, "CNY")].value == 1.75e11
    # China, all levels: the national guide's 1,000 enterprises and Jing'an's 1,545, said so.
    china = next(
        t for t in totals(archive) if (t.kind, t.jurisdiction, t.year) == ("enterprises", "china", 2026) and t.includes
    )
    assert china.value == 2545 and "shanghai/jingan" in china.includes and china.leaves_out == ()
    # Percentages do not add up, and a revoked order's targets are left out unless they fell due
    # before it was revoked (EO 14141's sites, due "By February 28, 2025").
    assert not [t for t in totals(archive) if t.unit == "percent"]
    counted = {i for t in totals(archive) for i in t.targets if i.startswith(EO_14141)}
    revoked = notice(archive, EO_14141).meta["revoked"]["date"]
    assert counted and all((t.due or "9999") < revoked for t in notice(archive, EO_14141).targets if t.id in counted)


def test_a_district_counted_in_its_city_is_never_added_twice(tmp_path: Path) -> None:
    # China's notices alone: the totals this test reads are China's.
    chinese = tuple(
        n.name
        for n in (CORPUS / "notices").iterdir()
        if n.name.startswith(("cn-", "jingan-", "shanghai-", "shenzhen-"))
    )
    corpus_copy = make_small_corpus(tmp_path / "corpus", chinese)
    path = corpus_copy / "jurisdictions.yaml"
    text = path.read_text()
    path.write_text(
        text.replace("  - id: shanghai/jingan\n", "  - id: shanghai/jingan\n    targets_counted_in_parent: true\n")
    )
    archive = build_archive(corpus_copy)
    china = next(
        t for t in totals(archive) if (t.kind, t.jurisdiction, t.year) == ("enterprises", "china", 2026) and t.includes
    )
    assert china.leaves_out == ("shanghai/jingan",) and china.value == 1000


def _with_progress(corpus: Path, target: str, body: str) -> None:
    (corpus / "progress").mkdir(exist_ok=True)
    (corpus / "progress" / f"{target}.yaml").write_text(body, encoding="utf-8")


MET = """updates:
  - date: 2024-06-30
    outcome: progress
    source:
      title: Shenzhen mid-year review
      url: https://example.org/shenzhen-review
    quote: The fund group has raised its first tranche.
  - date: 2025-03-01
    outcome: met
    source:
      notice: shenzhen-ai-action-plan-2023-2024
    quote: form an artificial intelligence fund group with a scale of 100 billion yuan
"""


def test_a_progress_record_turns_a_target_met_with_its_source_shown(
    shenzhen_corpus: Path, project: Path, tmp_path: Path
) -> None:
    _with_progress(shenzhen_corpus, FUND, MET)
    out = tmp_path / "site"
    result = build(out, shenzhen_corpus, "--config", str(project))
    assert result.returncode == 0, result.stderr
    targets = json.loads((out / "data/targets.json").read_text())["targets"]
    fund = next(t for t in targets if t["id"] == FUND)
    assert fund["status"] == "met" and [u["outcome"] for u in fund["progress"]] == ["progress", "met"]
    assert json.loads((out / "data/progress.json").read_text())["progress"][1]["source_notice"] == SHENZHEN
    page = BeautifulSoup((out / "targets" / FUND / "index.html").read_text(), "html.parser")
    # Due at the end of the plan period (2024-12-31), met by the report of 2025-03-01.
    assert page.select_one(".target-status .status").get_text() == "met, 60 days late"  # type: ignore[union-attr]
    assert fund["status_label"] == "met, 60 days late" and (fund["met_on"], fund["days_late"]) == ("2025-03-01", 60)
    updates = page.select("ul.updates li")
    assert len(updates) == 2
    assert updates[0].select_one("a[href='https://example.org/shenzhen-review']") is not None
    assert "Shenzhen mid-year review" in updates[0].get_text()
    assert updates[1].select_one("a[href$='notices/shenzhen-ai-action-plan-2023-2024/']") is not None
    steps = [li.get_text(" ", strip=True) for li in page.select("ol.target-timeline li")]
    assert [s.split()[0] for s in steps] == ["2023-05-31", "2024-06-30", "2024-12-31", "2025-03-01", "2026-11-21"]
    # The measure's and the notice's pages show the status too.
    measure = (out / "notices" / SHENZHEN / "m-16" / "index.html").read_text()
    assert 'class="status status-met"' in measure


@pytest.mark.parametrize(
    ("name", "body", "line", "message"),
    [
        (f"{SHENZHEN}--m-16--100-billion-yen", MET, 1, f"did you mean {FUND}"),
        (FUND, MET.replace("outcome: met", "outcome: achieved"), 9, "'achieved' is not one of met, missed"),
        (FUND, MET.replace("quote: form an", "quote: formed an"), 12, "the quote does not occur in shenzhen"),
        (FUND, MET.replace("date: 2025-03-01", "date: 2025-02-30"), 8, "2025-02-30 is not a real date"),
        (FUND, MET.replace("outcome: met", "outcome: met\n    done: 2025-04-01"), 10, "done (2025-04-01) is after the report's date"),
        (FUND, "updates:\n  - date: 2025-03-01\n    outcome: met\n    quote: nothing to say here\n", 2, "'source' is a required property"),
    ],
)  # fmt: skip
def test_a_bad_progress_record_is_refused_clearly(
    cli: Cli, shenzhen_corpus: Path, name: str, body: str, line: int, message: str
) -> None:
    # The record is on a Shenzhen target: the Shenzhen plan alone is checked.
    _with_progress(shenzhen_corpus, name, body)
    result = cli("check", "--corpus", str(shenzhen_corpus))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    where = f"{shenzhen_corpus}/progress/{name}.yaml:{line}:"
    assert any(ln.startswith(where) and message in ln for ln in result.stderr.splitlines()), result.stderr


def test_targets_page_and_feed(site: Path) -> None:
    page = BeautifulSoup((site / "targets/index.html").read_text(), "html.parser")
    headings = [h.get_text(" ", strip=True) for h in page.select("h2")]
    # What has evidence leads; then what fell due with no report, then what falls due soon.
    assert headings[0].startswith("With evidence (") and headings[1].startswith(
        "Due date passed — no report recorded ("
    )
    assert headings[2].startswith("Due in the next 12 months (")
    keys = {s["data-filter-key"] for s in page.select("select[data-filter-table='ledger-table']")}
    assert keys == {"status", "kind", "jurisdiction", "year"}
    options = {o.get("value"): o.get_text() for o in page.select("select[data-filter-key='status'] option")}
    assert options["no-report"] == "due date passed — no report recorded" and options["met"] == "met"
    row = page.select_one("#ledger-table tr[data-status='no-report'][data-kind='funds']")
    assert row is not None and "shenzhen" in str(row["data-jurisdiction"]).split()
    chart = page.select_one("figure.totals-chart svg[role=img]")
    assert chart is not None and chart.get("aria-describedby") == "totals-table" and chart.select_one("title")
    feed = ElementTree.parse(site / "feeds/targets.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    updated = [e.findtext(f"{atom}updated") or "" for e in feed.iter(f"{atom}entry")]
    assert updated == sorted(updated) and all("2025-11-21" <= u[:10] <= "2027-11-21" for u in updated)


def test_a_duty_due_on_a_date_is_labelled_with_that_date_never_a_number(site: Path, archive: Archive) -> None:
    # Its value is a date, not a count: "0 date" once stood in every list for "no later than 2 February 2026".
    labels = {}
    for page in (site / "targets/kinds").glob("*/index.html"):  # every target is on its kind's page
        rows = lxml.html.parse(str(page)).xpath("//th[@scope='row']/a")
        labels |= {a.get("href", "").strip("/").split("/")[-1]: a.text_content() for a in rows}
    dated = [t for n in archive.notices for t in n.targets if t.unit == "date"]
    assert len(dated) > 30
    for t in dated:
        assert labels[t.id] == t.deadline, t.id
    assert labels["eu-ai-act-regulation-2024-1689--art-6--by-2026-02-02"] == "no later than 2 February 2026"
    assert not [label for label in labels.values() if re.match(r"0(\.0)? ", label)]
    # The ledger's Value column too (its Unit column says "date"): "0.0" once stood there.
    ledger = lxml.html.parse(str(site / "targets/index.html"))
    values = {
        row.xpath("string(td[@data-label='Page']/a/@href)").strip("/"): row.xpath("string(th[@data-label='Value'])")
        for row in ledger.xpath("//table[@id='ledger-table']/tbody/tr")
    }
    assert len(values) == len(labels) == sum(len(n.targets) for n in archive.notices)
    assert {values[t.id] for t in dated} == {t.deadline for t in dated}
    assert values["eu-ai-act-regulation-2024-1689--art-6--by-2026-02-02"] == "no later than 2 February 2026"
    assert not [v for v in values.values() if re.fullmatch(r"0(\.0)?", v)]


def test_each_kind_of_target_has_a_page_and_its_old_anchor_still_leads_there(site: Path, archive: Archive) -> None:
    """Every kind the registry names has its page listing exactly its targets, in the notices'
    order; `targets/#kind-…` (where they were listed until November 2026) still lands on the
    kind, with the link to its page; a target's page and the comparison link to its kind's page."""
    index = lxml.html.parse(str(site / "targets/index.html"))
    kinds = archive.registry.target_kinds
    assert len(kinds) > 10
    for kind in kinds:
        expected = [t.id for n in archive.notices for t in n.targets if t.kind == kind.id]
        page = lxml.html.parse(str(site / f"targets/kinds/{kind.id}/index.html"))
        listed = [a.get("href").strip("/").split("/")[-1] for a in page.xpath("//article//th[@scope='row']/a")]
        assert listed == expected, kind.id
        assert page.xpath("string(//h1)").startswith(kind.name)
        if not expected:
            assert "None yet" in page.xpath("string(//article)")
        entry = index.xpath(f"//li[@id='kind-{kind.id}']")
        assert len(entry) == 1 and entry[0].xpath("string(a/@href)") == f"kinds/{kind.id}/", kind.id
        assert entry[0].text_content().endswith(f"({len(expected)})")
    t = next(t for n in archive.notices for t in n.targets if t.kind == "funds")
    target_page = (site / f"targets/{t.id}/index.html").read_text("utf-8")
    assert '<a href="../kinds/funds/">Funds committed or capped</a>' in target_page
    compare = lxml.html.parse(str(site / "compare/index.html"))
    assert "../targets/kinds/funds/" in compare.xpath("//table//th[@scope='row']/a/@href")
