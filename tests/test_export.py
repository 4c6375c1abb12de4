"""Open data: JSON valid against its schemas, CSV twins, deterministic output."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import jsonschema
import pytest

from .conftest import ParsedCorpus, SharedSite
from .site_helpers import load_yaml

DATASETS = ("notices", "measures", "agencies", "targets", "themes", "progress")


NOTICES = Path(__file__).resolve().parent.parent / "corpus" / "notices"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, parsed_corpus: ParsedCorpus) -> Path:
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("data")
    command = ["export", "--corpus", str(parsed_corpus.corpus), "--out", str(out), "--cache", str(parsed_corpus.cache)]
    subprocess.run([sys.executable, "-m", "tools", *command], check=True)
    return out


@pytest.mark.parametrize("name", DATASETS)
def test_json_matches_its_schema(exported: Path, name: str) -> None:
    doc = json.loads((exported / f"{name}.json").read_text("utf-8"))
    schema = json.loads((exported / "schemas" / f"{name}.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(doc)
    assert doc["schema_version"] == "3.1.0"
    rows = doc[name]
    assert all(row["url"].endswith("/") and not row["url"].startswith("/") for row in rows)
    with (exported / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == len(rows)


def test_measures_in_document_order_with_agencies(exported: Path) -> None:
    measures = json.loads((exported / "measures.json").read_text("utf-8"))["measures"]
    # The count a careful reader gets, notice by notice, as notice.yaml records it.
    expected = {
        p.parent.name: load_yaml(p.read_text())["parsing"]["expect_measures"] for p in NOTICES.glob("*/notice.yaml")
    }
    assert len(measures) == sum(expected.values())
    shenzhen = [m for m in measures if m["notice"] == "shenzhen-ai-action-plan-2023-2024"]
    assert [m["number"] for m in shenzhen] == [f"({i})" for i in range(1, 19)]
    m16 = shenzhen[15]
    assert m16["url"] == "notices/shenzhen-ai-action-plan-2023-2024/m-16/"
    assert {"id": "shenzhen-finance-bureau", "role": "responsible", "as_written": "Municipal Finance Bureau"} in m16[
        "agencies"
    ]
    assert m16["targets"] == [
        "shenzhen-ai-action-plan-2023-2024--m-16--100-billion-yuan",
        "shenzhen-ai-action-plan-2023-2024--m-16--monthly",  # the Venture Capital Day's AI session, monthly
    ]


def test_targets_point_back(exported: Path) -> None:
    targets = json.loads((exported / "targets.json").read_text("utf-8"))["targets"]
    outside = [t for t in targets if t["measure"] is None]
    assert {(t["notice"], t["part"]) for t in outside} == {
        ("jingan-ai-demonstration-zone-2026-2028", "i"),
        ("cn-state-council-ai-plus-opinions-2025", "i"),  # 一、总体要求: the staged 2027 and 2030 targets
        ("cn-ai-industry-standardization-guide-2024", "ii"),  # 二、总体要求: the 2026 targets
        # VIII, an operative paragraph (not a measure): the Committee reports "no later than five years"
        ("oecd-ai-recommendation-2019-2024", "sec-2-viii"),
        # the plan's prose, not one of its [Specific Initiatives]: "expand staffing to approximately twice"
        ("jp-ai-basic-plan-2025", "chp-3-sec-3"),
        # … and its chapter 4 on revisions: "review and revise this Plan as needed, in principle annually"
        ("jp-ai-basic-plan-2025", "chp-4-sec-2"),
        # the main objectives' own text: "By 2026, Jing'an Park of Zhangjiang shall be basically built into …"
        ("jingan-zhangjiang-park-plan-2025-2026", "i"),
        # the directive's review clause: "This directive will be reviewed every two years"
        ("ca-directive-automated-decision-making-2025", "p-1-3"),
        # … and its transition clauses: existing systems and Agents of Parliament "will have until
        # June 24, 2026 to comply"
        ("ca-directive-automated-decision-making-2025", "p-1-2-1"),
        ("ca-directive-automated-decision-making-2025", "p-1-2-2"),
    }
    for t in targets:  # every target points at a measure or part of its notice that exists
        assert (t["measure"] is None) != (t["part"] is None)


def test_relations_both_ways(exported: Path) -> None:
    notices = {n["id"]: n for n in json.loads((exported / "notices.json").read_text("utf-8"))["notices"]}
    assert {"type": "covered-by", "notice": "jingan-ai-plan-news-report"} in notices[
        "jingan-ai-demonstration-zone-2026-2028"
    ]["relations"]
    assert notices["shenzhen-ai-action-plan-2023-2024"]["status"] == "plan period ended"
    assert notices["shanghai-ai-industry-regulations"]["status"] == "in force"


def test_export_is_deterministic(exported: Path, shared_site: SharedSite) -> None:
    """The command's export and the build's (the shared site's data/, made in another process from
    a copy of the corpus): the same bytes."""
    files = [path for path in exported.rglob("*") if path.is_file()]
    assert len(files) == 18  # six datasets as JSON and CSV, and their schemas
    for path in files:
        assert (shared_site.path / "data" / path.relative_to(exported)).read_bytes() == path.read_bytes(), path


LICENSED = {
    "eu-ai-act-regulation-2024-1689": "allowed",
    "kr-ai-basic-act-2025": "unclear",
    "tw-ai-basic-act-2026": "allowed",
    "ca-directive-automated-decision-making-2025": "not-allowed",
    "oecd-ai-recommendation-2019-2024": "allowed",
}


def test_licences_are_in_the_open_data(exported: Path) -> None:
    """Each notice's reuse terms, as its notice.yaml states them (null where it states none: a
    licence is never guessed), in its own field of the notices' data, JSON and CSV."""
    notices = {n["id"]: n for n in json.loads((exported / "notices.json").read_text("utf-8"))["notices"]}
    for path in NOTICES.glob("*/notice.yaml"):
        meta = load_yaml(path.read_text("utf-8"))
        # A notice in several languages states each text's licence; the notice's is the original's.
        original = next((t for t in meta.get("texts") or [] if t["role"] == "original"), None)
        stated = original.get("licence") if original else meta["source"].get("licence")
        record = notices[path.parent.name]
        assert "licence" not in record["source"]
        if stated is None:
            assert record["licence"] is None, path
        else:
            assert {k: v for k, v in record["licence"].items() if v is not None} == stated, path
    assert {n: notices[n]["licence"]["commercial_use"] for n in LICENSED} == LICENSED
    pair = notices["cn-generative-ai-interim-measures-2023"]["texts"]
    assert [(t["language"], t["role"]) for t in pair] == [("zh", "original"), ("en", "unofficial-translation")]
    assert pair[1]["translator"]["name"] == "Josh Baughman" and pair[1]["licence"]["commercial_use"] == "allowed"
    measures = json.loads((exported / "measures.json").read_text("utf-8"))["measures"]
    art5 = next(m for m in measures if m["key"] == "cn-generative-ai-interim-measures-2023/art-5")
    assert (
        art5["language"] == "zh"
        and art5["translations"][0]["language"] == "en"
        and "Article 5" in art5["translations"][0]["text"]
    )
    assert (
        notices["eu-ai-act-regulation-2024-1689"]["licence"]["attribution"]
        == "© European Union, https://eur-lex.europa.eu"
    )
    with (exported / "notices.csv").open(encoding="utf-8", newline="") as fh:
        rows = {row["id"]: row for row in csv.DictReader(fh)}
    assert "commercial_use=not-allowed" in rows["ca-directive-automated-decision-making-2025"]["licence"]
    assert rows["us-eo-14363-genesis-mission-2025"]["licence"] == ""
