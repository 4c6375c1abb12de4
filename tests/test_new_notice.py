"""A maintainer adds a notice: `new` + `check` + `lock` + `build`, in a copy of the corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import Cli
from .site_helpers import build, load_yaml

pytestmark = pytest.mark.heavy  # builds a site, or runs the command many times: scheduled first

TEXT = (
    "\ufeffShenzhen Action Plan for AI Agents (2025-2026)\r\n"
    "June 3, 2025\r\n"
    "\r\n"
    "I. Overall Goals\r\n"
    "By the end of 2026, we shall cultivate more than 30 intelligent agent enterprises.\r\n"
    "II. Key Measures\r\n"
    "(1)Build an agent testing platform.\tWe shall build a public testing platform for agents. "
    "(Responsible units: Municipal Bureau of Industry and Information Technology, Municipal Finance Bureau, etc.)\r\n"
    "(2) Open application scenarios. We shall open 100 application scenarios for agents each year. "
    "(Responsible units: Municipal Service Data Management Bureau, districts)\r\n"
)
NEW = "shenzhen-ai-agents-plan-2025-2026"


def test_add_a_notice_end_to_end(cli: Cli, shenzhen_corpus: Path, project: Path, tmp_path: Path) -> None:
    source = tmp_path / "agents.txt"
    source.write_bytes(TEXT.encode("utf-8"))
    locked_before = [u for u in (shenzhen_corpus / "urls.lock").read_text().splitlines() if u and not u.startswith("#")]
    created = cli(
        "new", str(source), "--id", NEW, "--corpus", str(shenzhen_corpus),
        "--short-title", "Shenzhen AI Agents Plan (2025–2026)", "--jurisdiction", "shenzhen",
        "--level", "municipal", "--kind", "action-plan",
        "--issuer", "General Office of the Shenzhen Municipal People's Government",
        "--source-name", "test fixture",
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    folder = shenzhen_corpus / "notices" / NEW
    assert (folder / "source.txt").read_bytes() == source.read_bytes()  # byte for byte, BOM and CRLF kept
    meta = load_yaml((folder / "notice.yaml").read_text())
    assert meta["title"] == "Shenzhen Action Plan for AI Agents (2025-2026)"
    assert meta["dates"]["issued"] == {"date": "2025-06-03", "source": "text", "evidence": "June 3, 2025"}
    assert meta["period"]["start"] == 2025 and meta["period"]["end"] == 2026
    assert "TODO translation" in created.stdout

    again = cli("new", str(source), "--id", NEW, "--corpus", str(shenzhen_corpus))
    assert again.returncode == 1 and "never overwrites" in again.stderr

    checked = cli("check", "--corpus", str(shenzhen_corpus))
    assert checked.returncode == 0, checked.stderr
    assert "new notice (not yet in urls.lock)" in checked.stdout
    assert "ii-1       (1) Build an agent testing platform" in checked.stdout
    assert "not yet in the lock" in checked.stderr  # a warning until `lock`

    assert cli("lock", "--corpus", str(shenzhen_corpus)).returncode == 0
    locked_after = [u for u in (shenzhen_corpus / "urls.lock").read_text().splitlines() if u and not u.startswith("#")]
    assert locked_after[: len(locked_before)] == locked_before  # nothing removed or reordered

    out = tmp_path / "site"
    assert build(out, shenzhen_corpus, "--config", str(project)).returncode == 0
    for url in locked_before:
        assert (out / url / "index.html").is_file(), f"existing URL changed: {url}"
    measures = json.loads((out / "data/measures.json").read_text())["measures"]
    mine = [m for m in measures if m["notice"] == NEW]
    assert [m["id"] for m in mine] == ["ii-1", "ii-2"]
    assert {a["id"] for a in mine[0]["agencies"]} == {
        "shenzhen-industry-and-information-technology-bureau",
        "shenzhen-finance-bureau",
    }
    assert {a["id"] for a in mine[1]["agencies"]} == {
        "shenzhen-government-services-data-administration",
        "shenzhen-districts",
    }
    targets = json.loads((out / "data/targets.json").read_text())["targets"]
    assert {(t["value"], t["frequency"] or t["deadline"]) for t in targets if t["notice"] == NEW} == {
        (30, "by the end of 2026"),
        (100, "each year"),
    }
    assert (out / f"notices/{NEW}/ii-2/index.html").is_file()
    finance = (out / "agencies/shenzhen-finance-bureau/index.html").read_text()
    assert "Shenzhen AI Agents Plan (2025–2026)" in finance


def test_new_refuses_bad_input_clearly(cli: Cli, corpus_copy: Path, tmp_path: Path) -> None:
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("一、总体目标\n".encode("gb18030"))
    result = cli("new", str(gbk), "--id", "x-plan", "--corpus", str(corpus_copy))
    assert result.returncode == 1 and "not UTF-8" in result.stderr and "Traceback" not in result.stderr
    bad_id = cli("new", str(gbk), "--id", "Bad_ID", "--corpus", str(corpus_copy))
    assert bad_id.returncode == 2 and "lowercase words joined by hyphens" in bad_id.stderr
    assert not (corpus_copy / "notices/x-plan").exists()
