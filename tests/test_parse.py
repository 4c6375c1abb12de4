"""The structure parser on the four real notices (and the news report)."""

from __future__ import annotations

import re

import pytest

from tools.models import Archive, Node, Notice
from tools.parse import normalise, parse_notice, split_lines

JINGAN = "jingan-ai-demonstration-zone-2026-2028"
ZHANGJIANG = "jingan-zhangjiang-park-plan-2025-2026"
SHANGHAI = "shanghai-ai-industry-regulations"
SHENZHEN = "shenzhen-ai-action-plan-2023-2024"
NEWS = "jingan-ai-plan-news-report"


def notice(archive: Archive, notice_id: str) -> Notice:
    return next(n for n in archive.notices if n.id == notice_id)


@pytest.mark.parametrize(
    ("notice_id", "count"), [(JINGAN, 32), (ZHANGJIANG, 24), (SHANGHAI, 72), (SHENZHEN, 18), (NEWS, 0)]
)
def test_measure_counts(archive: Archive, notice_id: str, count: int) -> None:
    assert len(notice(archive, notice_id).parsed.measures) == count


def test_ids_follow_printed_numbering(archive: Archive) -> None:
    ids = {n.id: [m.id for m in n.parsed.measures] for n in archive.notices}
    assert ids[JINGAN][:6] == ["ii-1-1", "ii-1-2", "ii-1-3", "ii-1-4", "ii-1-5", "ii-2-1"]
    assert ids[JINGAN][18:] == [f"iii-{i}" for i in range(1, 4)] + [f"iv-{i}" for i in range(1, 8)] + [
        f"v-{i}" for i in range(1, 5)
    ]
    # Zhangjiang's tasks run 1-15 straight through their groups: the group is not in the id.
    assert ids[ZHANGJIANG] == [f"i-{i}" for i in range(1, 6)] + [f"ii-{i}" for i in range(1, 16)] + [
        f"iii-{i}" for i in range(1, 5)
    ]
    assert ids[SHANGHAI] == [f"art-{i}" for i in range(1, 73)]
    assert ids[SHENZHEN] == [f"m-{i}" for i in range(1, 19)]


def test_numbers_are_kept_as_printed(archive: Archive) -> None:
    jingan = {m.id: m for m in notice(archive, JINGAN).parsed.measures}
    shanghai = {m.id: m for m in notice(archive, SHANGHAI).parsed.measures}
    assert jingan["iv-6"].number == "(6)"
    # A labelled number is the label and the number; the separator after it is the heading's.
    assert shanghai["art-8"].number == "Article 8"
    assert shanghai["art-21"].number == "Article 21"
    assert shanghai["art-1"].number == "Article 1"
    assert next(n for n in notice(archive, SHANGHAI).parsed.nodes[0].children if n.id == "art-8").heading_raw == (
        "Article 8:"
    )
    groups = [n for n in notice(archive, JINGAN).parsed.nodes[1].children]
    assert groups[3].numbering.printed == "(4 )" and groups[3].id == "ii-4"


def test_headings_without_space_and_run_together_words(archive: Archive) -> None:
    zj = {m.id: m for m in notice(archive, ZHANGJIANG).parsed.measures}
    assert zj["iii-1"].number == "(1)" and zj["iii-1"].title == "Strengthening organizational leadership"
    assert zj["ii-2"].title == 'Buildinga "1+4" high-tech zone linkage management and physical operation mechanism'
    assert zj["ii-3"].path == ["ii", "ii-g2"]  # task 3 sits in group (2) of part II


def test_titles(archive: Archive) -> None:
    jingan = {m.id: m for m in notice(archive, JINGAN).parsed.measures}
    shenzhen = {m.id: m for m in notice(archive, SHENZHEN).parsed.measures}
    shanghai = {m.id: m for m in notice(archive, SHANGHAI).parsed.measures}
    assert jingan["ii-1-1"].title == "AI+ Commerce"
    assert jingan["ii-4-3"].title == "AI+ Social Assistance"
    assert shenzhen["m-10"].title == "Promote “public service + AI”"
    assert shanghai["art-13"].title is None  # articles carry no titles


def test_multi_paragraph_measures_keep_every_paragraph(archive: Archive) -> None:
    jingan = {m.id: m for m in notice(archive, JINGAN).parsed.measures}
    assert len(jingan["ii-4-3"].paragraphs) == 2
    assert len(jingan["iv-6"].paragraphs) == 5
    assert "Skills Light Up the Future" in jingan["iv-6"].text


def test_inline_lists_belong_to_their_article(archive: Archive) -> None:
    shanghai = {m.id: m for m in notice(archive, SHANGHAI).parsed.measures}
    assert len(shanghai["art-66"].paragraphs) == 7
    assert "(6) Conduct education and outreach" in shanghai["art-66"].text
    assert "(5) Using deepfake technology" in shanghai["art-67"].text


def test_parts_and_groups(archive: Archive) -> None:
    def outline(nodes: list[Node]) -> list[str]:
        return [n.id for n in nodes if not n.is_measure]

    shanghai = notice(archive, SHANGHAI).parsed.nodes
    assert outline(shanghai) == [f"chp-{i}" for i in range(1, 7)]
    assert outline(shanghai[1].children) == ["chp-2-sec-1", "chp-2-sec-2"]
    assert shanghai[1].title == "Basic Elements and Technological Innovation"
    assert outline(notice(archive, SHENZHEN).parsed.nodes) == [f"p-{i}" for i in range(1, 7)]


def test_front_matter_roles(archive: Archive) -> None:
    roles = {n.id: [(f.role, f.line.number) for f in n.parsed.front_matter] for n in archive.notices}
    assert roles[SHANGHAI] == []  # the regulations carry no title line
    assert roles[SHENZHEN][0] == ("news", 1)  # the news preamble is not part of the plan
    assert ("addressees", 5) in roles[JINGAN] and ("date", 13) in roles[JINGAN]
    assert ("signatory", 9) in roles[JINGAN] and ("signatory", 11) in roles[JINGAN]
    assert ("document-number", 2) in roles[ZHANGJIANG] and ("title", 5) in roles[ZHANGJIANG]


def _covered(n: Notice) -> list[str]:
    """Every line the parse kept, in document order: front matter, nodes, back matter."""
    lines = [f.line for f in n.parsed.front_matter]

    def walk(nodes: list[Node]) -> None:
        for node in nodes:
            lines.extend(node.paragraphs)
            walk(node.children)

    walk(n.parsed.nodes)
    lines += [f.line for f in n.parsed.back_matter]
    return (
        [ln.raw for ln in sorted(lines, key=lambda ln: ln.number)]
        if lines == sorted(lines, key=lambda ln: ln.number)
        else ["out of order"]
    )


@pytest.mark.parametrize("notice_id", [JINGAN, ZHANGJIANG, SHANGHAI, SHENZHEN, NEWS])
def test_no_text_lost(archive: Archive, notice_id: str) -> None:
    n = notice(archive, notice_id)
    kept = re.sub(r"\s+", "", "".join(_covered(n)))
    source = re.sub(r"\s+", "", n.files.text)
    assert kept == source


@pytest.mark.parametrize("notice_id", [JINGAN, ZHANGJIANG, SHANGHAI, SHENZHEN])
def test_measure_text_is_verbatim(archive: Archive, notice_id: str) -> None:
    n = notice(archive, notice_id)
    for m in n.parsed.measures:
        assert m.text in n.files.text
        assert m.text.startswith(m.number)


def test_odd_whitespace_is_normalised_for_parsing_only(archive: Archive) -> None:
    n = notice(archive, JINGAN)
    raw_with_nbsp = [ln for ln in n.files.lines if "\u00a0" in ln.raw]
    assert raw_with_nbsp, "the seed has non-breaking spaces"
    assert all("\u00a0" not in ln.norm for ln in raw_with_nbsp)
    assert "\u00a0" in "".join(m.text for m in n.parsed.measures) + "".join(f.line.raw for f in n.parsed.front_matter)
    assert normalise("\u00a0 (4\u3000) Heading ") == "(4 ) Heading"


def test_windows_line_endings_and_bom() -> None:
    text = "\ufeffI. Part\r\n(1) First measure.\r\n(2) Second measure.\r\nII. Other\r\n(1) Third.\r\n"
    parsed = parse_notice("x", split_lines(text))
    assert [m.id for m in parsed.measures] == ["i-1", "i-2", "ii-1"]


def test_chinese_headings() -> None:
    text = (
        "一、总体要求\n（一）加快算力建设。建设智能算力平台。\n（二）培育企业。\n二、保障措施\n（一）加强组织领导。\n"
    )
    parsed = parse_notice("x", split_lines(text))
    assert [m.id for m in parsed.measures] == ["i-1", "i-2", "ii-1"]
    assert parsed.measures[0].title == "加快算力建设"


def test_translated_groups_in_upper_case_roman_numerals() -> None:
    # （一）（二） printed as "(I)", "(II)" … "(IV)" in a translation: Roman numerals, not letters,
    # so nothing is reported skipped; the tasks numbered straight through them keep their ids.
    text = (
        "I. General Requirements\nBy 2027, the city will lead.\nII. Key Tasks\n(I) Computing\n1. Build pools.\n2．Support chips.\n(II) Data\n3.Open data.\n"
        "(III) Models\n4. Train models.\n(IV) Talent\n5. Attract talent.\n"
    )
    parsed = parse_notice("x", split_lines(text), path="notices/x/source.txt")
    assert [str(p) for p in parsed.problems] == []
    assert [m.id for m in parsed.measures] == [f"ii-{i}" for i in range(1, 6)]
    groups = parsed.nodes[1].children
    assert [(g.numbering.printed, g.title) for g in groups] == [
        ("(I)", "Computing"),
        ("(II)", "Data"),
        ("(III)", "Models"),
        ("(IV)", "Talent"),
    ]
    # After "(H)", "(I)" is the next letter.
    letters = "ABCDEFGHIJ"
    lettered = "I. Part\n" + "".join(f"({c}) Item {c}.\n" for c in letters)
    parsed = parse_notice("x", split_lines(lettered), path="notices/x/source.txt")
    assert [m.id for m in parsed.measures] == [f"i-{c.lower()}" for c in letters]
    assert [str(p) for p in parsed.problems] == []


def test_duplicate_and_skipped_numbers_are_reported() -> None:
    text = "I. Part\n(1) One.\n(2) Two.\n(2) Two again.\n(5) Five.\n"
    parsed = parse_notice("x", split_lines(text), path="notices/x/source.txt")
    messages = [str(p) for p in parsed.problems]
    assert any(m.startswith("notices/x/source.txt:4:") and "repeats" in m for m in messages)
    assert any(m.startswith("notices/x/source.txt:5:") and "skips number" in m for m in messages)
    assert len({m.id for m in parsed.measures}) == 4  # ids stay unique even when numbers repeat
