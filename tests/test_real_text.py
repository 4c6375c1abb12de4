"""What real text brings: line endings, BOM, tabs, full-width spaces, Markdown residue from
PDF conversion, headings without spaces, and Chinese originals."""

from __future__ import annotations

from pathlib import Path

from tools.agencies import AliasIndex, find_clauses, split_names
from tools.models import Agency
from tools.outline import outline
from tools.parse import parse_notice, split_lines

from .conftest import Cli


def ids(text: str) -> list[str]:
    return [m.id for m in parse_notice("x", split_lines(text)).measures]


def test_crlf_bom_tabs_and_full_width_indentation() -> None:
    text = "\ufeffI.\tGoals\r\n\u3000\u3000(1)\tFirst thing.\r\n\u3000\u3000(2)Second thing.\r\nII. Tasks\r\n\t(1) Third.\r\n"
    assert ids(text) == ["i-1", "i-2", "ii-1"]
    parsed = parse_notice("x", split_lines(text))
    assert parsed.measures[1].number == "(2)" and parsed.measures[1].title == "Second thing"
    assert parsed.measures[0].paragraphs == ["\u3000\u3000(1)\tFirst thing."]  # kept as received


def test_markdown_residue_from_pdf_conversion() -> None:
    text = (
        "# Notice on the Example Plan\n\n## I. Goals\n\n**(1) Build computing power.** We shall build it.[^1]\n\n"
        "**(2) Train talent.** We shall train people.\n\n## II. Safeguards\n\n(1) Lead. We shall lead.\n\n[^1]: A footnote.\n"
    )
    parsed = parse_notice("x", split_lines(text))
    assert [m.id for m in parsed.measures] == ["i-1", "i-2", "ii-1"]
    assert parsed.measures[0].title == "Build computing power"
    assert parsed.measures[0].number == "(1)"  # residue never enters a printed number


def test_chinese_original_layout() -> None:
    text = (
        "关于印发《示范行动方案》的通知\n"
        "一、总体目标\n到2027年，建成一批算力中心。\n"
        "二、重点任务\n（一）加强算力供给\n1．建设城市级算力平台。统筹全市算力资源。（责任单位：市发展改革委、市工业和信息化局）\n"
        "2．建设智算中心。支持企业建设。[责任单位：市科技创新委，市财政局等]\n"
        "（二）培育人才\n3．打造人才高地。支持高校培养人才。\n"
        "三、保障措施\n（一）加强组织领导。建立工作机制。\n"
    )
    data = outline(text)
    assert [m["id"] for m in data["measures"]] == ["ii-1", "ii-2", "ii-3", "iii-1"]
    assert data["measures"][0]["title"] == "建设城市级算力平台"
    assert [p["id"] for p in data["parts"]] == ["i", "ii", "iii"]
    assert data["measures"][0]["responsible"] == ["（责任单位：市发展改革委、市工业和信息化局）"]
    assert data["measures"][1]["responsible"] == ["[责任单位：市科技创新委，市财政局等]"]


def test_chinese_regulation_layout() -> None:
    text = "第一章 总则\n第一条 为了促进人工智能产业发展，制定本条例。\n第二条 本条例适用于本市。\n第二章 发展\n第三条 市政府应当加强领导。\n"
    assert ids(text) == ["art-1", "art-2", "art-3"]


def test_chinese_units_split_by_the_registry() -> None:
    def agency(ident: str, zh: str) -> Agency:
        return Agency(ident, ident, "shenzhen", (), False, (), 1, name_zh=zh)

    index = AliasIndex.for_jurisdiction(
        [
            agency("drc", "市发展改革委"),
            agency("iit", "市工业和信息化局"),
            agency("sti", "市科技创新委"),
            agency("fin", "市财政局"),
        ],
        "shenzhen",
    )
    line = split_lines("1．建设平台。（责任单位：市发展改革委、市工业和信息化局，市财政局等）")
    clause = find_clauses(line)[0]
    found, unknown = split_names(clause.names, index)
    assert [a.id for a, _ in found] == ["drc", "iit", "fin"] and unknown == []


def test_outline_json_of_an_unseen_file(cli: Cli, tmp_path: Path) -> None:
    import json

    src = tmp_path / "unseen.txt"
    src.write_text(
        "Beijing Action Plan for AI (2025-2027)\r\n\r\nI. Objectives\r\nBy 2027, we shall cultivate over 20 AI enterprises.\r\n"
        "II. Key Tasks\r\n1. Computing. We shall build a platform. (Responsible unit: Municipal Economy Bureau)\r\n"
        "2. Data. We shall open more than 100 datasets.\r\n",
        encoding="utf-8",
    )
    result = cli("outline", str(src), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [(m["id"], m["number"], m["title"]) for m in data["measures"]] == [
        ("ii-1", "1.", "Computing"),
        ("ii-2", "2.", "Data"),
    ]
    assert data["measures"][0]["responsible"] == ["(Responsible unit: Municipal Economy Bureau)"]
    target = data["measures"][1]["targets"][0]
    assert (target["as_written"], target["value"], target["unit"], target["qualifier"], target["counted"]) == (
        "more than 100 datasets",
        100.0,
        "count",
        "over",
        "datasets",
    )
    assert target["sentence"] == "We shall open more than 100 datasets."
    outside = data["targets_outside_measures"][0]
    assert (outside["as_written"], outside["deadline"], outside["part"]) == ("over 20 AI enterprises", "by 2027", "i")
    # Each target says its kind, from the corpus's target kinds.
    assert (target["kind"], outside["kind"]) == ("other", "enterprises")
    text = cli("outline", str(src))
    assert "ii-1       1. Computing" in text.stdout


def test_outline_json_gives_each_measure_its_points(cli: Cli, tmp_path: Path) -> None:
    """Paragraphs and points of an article, with their anchors and citations, for a reviewer."""
    import json

    src = tmp_path / "law.txt"
    src.write_text(
        "Example Act\nArticle 1\nScope\n1. This Act applies to:\n(a) providers;\n(b) deployers.\n"
        "2. It does not apply to research.\nArticle 2 (Definitions) (1) In this Act:\n(2) Terms have their meaning.\n",
        encoding="utf-8",
    )
    result = cli("outline", str(src), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    first, second = data["measures"]
    assert (first["id"], first["title"], second["title"]) == ("art-1", "Scope", "Definitions")
    assert [(p["anchor"], p["cited_as"], p["line"]) for p in first["points"]] == [
        ("para-1", "Article 1(1)", 4),
        ("para-1-a", "Article 1(1)(a)", 5),
        ("para-1-b", "Article 1(1)(b)", 6),
        ("para-2", "Article 1(2)", 7),
    ]
    assert [p["cited_as"] for p in second["points"]] == ["Article 2(1)", "Article 2(2)"]


def test_outline_refuses_non_utf8(cli: Cli, tmp_path: Path) -> None:
    src = tmp_path / "gbk.txt"
    src.write_bytes("一、总体目标\n".encode("gb18030"))
    result = cli("outline", str(src))
    assert result.returncode == 1 and "not UTF-8" in result.stderr and "Traceback" not in result.stderr


def test_outline_lists_parts_and_measures_in_printed_order(cli: Cli, tmp_path: Path) -> None:
    src = tmp_path / "clauses.txt"
    src.write_text(
        "Directive\n1. Requirements\n1.1 Each agency must publish its systems.\n1.2 Testing\n"
        "1.2.1 Each agency must test its systems.\n1.3 Each agency must report yearly.\n",
        encoding="utf-8",
    )
    listing = cli("outline", str(src)).stdout
    ids = [line.split()[0] for line in listing.splitlines() if line.strip().startswith(("m-", "[p-"))]
    assert ids == ["[p-1]", "m-1-1", "[p-1-2]", "m-1-2-1", "m-1-3"]
