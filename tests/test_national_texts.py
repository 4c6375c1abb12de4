"""The ten notices from shared/corpus-next: Chinese originals, America's AI Action Plan, Japan's AI
Basic Plan and four executive orders — measures as a careful reader counts them, ids that follow
the printed numbering, agencies and targets with their roles and deadlines (recall and precision)."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tools.models import Archive, Notice, Target
from tools.parse import parse_notice, split_lines
from tools.targets import find_quantities

from .test_parse import notice

AI_PLUS = "cn-state-council-ai-plus-opinions-2025"
STANDARDS = "cn-ai-industry-standardization-guide-2024"
CAPACITY = "cn-ai-capacity-building-action-plan-2024"
ALGORITHMS = "cn-algorithmic-recommendation-provisions-2021"
US_PLAN = "us-ai-action-plan-2025"
JAPAN = "jp-ai-basic-plan-2025"
EO_14110 = "us-eo-14110-safe-secure-trustworthy-ai-2023"
EO_14141 = "us-eo-14141-ai-infrastructure-2025"
EO_14277 = "us-eo-14277-ai-education-youth-2025"
EO_14363 = "us-eo-14363-genesis-mission-2025"

COUNTS = {
    AI_PLUS: 25,  # 17 numbered items in （一）–（六） and the single-paragraph parts （七）–（十四）
    STANDARDS: 44,
    CAPACITY: 15,  # five visions and ten actions
    ALGORITHMS: 35,  # 第一条–第三十五条
    US_PLAN: 103,  # the bullets of the 30 "Recommended Policy Actions" lists
    JAPAN: 63,  # the (i)… items of the four "[Specific Initiatives]"
    EO_14110: 83,
    EO_14141: 49,
    EO_14277: 23,
    EO_14363: 22,
}


@pytest.mark.parametrize(("notice_id", "count"), COUNTS.items())
def test_measure_counts(archive: Archive, notice_id: str, count: int) -> None:
    assert len(notice(archive, notice_id).parsed.measures) == count


def _ids(archive: Archive, notice_id: str) -> list[str]:
    return [m.id for m in notice(archive, notice_id).parsed.measures]


def test_executive_order_units_follow_the_printed_numbering(archive: Archive) -> None:
    ids = _ids(archive, EO_14110)
    assert ids[:3] == ["sec-4-1-a", "sec-4-1-b", "sec-4-2-a"]  # the (a) that starts on 4.1's own line
    assert "sec-4-5" in ids and "sec-4-6" in ids  # subsections whose lettered items are an inline list
    assert "sec-6-a" in ids  # "Supporting Workers.(a) To advance": no space before (a)
    assert not [
        i for i in ids if i.split("-")[:2] in (["sec", "1"], ["sec", "2"], ["sec", "3"])
    ]  # purpose, policy, terms
    m = {x.id: x for x in notice(archive, EO_14110).parsed.measures}
    assert m["sec-4-1-a"].cited_as == "Sec. 4.1 (a)" and m["sec-4-1-a"].number == "(a)"
    # (i), (ii), (A) inside a subsection are its content, never measures of their own.
    assert "developing a companion resource to the AI Risk Management Framework" in m["sec-4-1-a"].text
    assert _ids(archive, EO_14277)[:4] == ["sec-4-a", "sec-4-b", "sec-4-c", "sec-4-d"]


def test_letters_are_told_from_roman_numerals_by_their_sequence() -> None:
    text = "Sec. 1. Definitions. For purposes of this order:\n" + "".join(
        f"({c}) The term “t{c}” means x.\n" for c in "abcdefghijkl"
    )
    text += "Sec. 2. Duties.\n(a) The Secretary shall:\n(i) report;\n(ii) plan; and\n(iii) act.\n(b) The Director shall act.\n"
    parsed = parse_notice("x", split_lines(text))
    assert [m.id for m in parsed.measures] == ["sec-2-a", "sec-2-b"]  # (i) after (h) is a letter in the list
    assert parsed.problems == []


def test_bullets_under_a_recurring_label_are_measures(archive: Archive) -> None:
    ids = _ids(archive, US_PLAN)
    # No printed number: the id is the section's (a slug of its title) and the place within it.
    assert ids[:5] == [f"pillar-i-remove-red-tape-{i}" for i in range(1, 6)]
    assert ids[-3:] == [f"pillar-iii-invest-biosecurity-{i}" for i in range(1, 4)]
    plan = {m.id: m for m in notice(archive, US_PLAN).parsed.measures}
    assert plan["pillar-i-remove-red-tape-1"].cited_as == "Pillar I, Remove Red Tape and Onerous Regulation, item 1"
    # Footnotes are never measures, and the table of contents is front matter.
    assert all(not m.text.startswith(("1 Executive Order", "3 Executive Order")) for m in plan.values())
    roles = Counter(f.role for f in notice(archive, US_PLAN).parsed.front_matter)
    assert roles["contents"] >= 35


def test_japan_measures_are_the_specific_initiatives(archive: Archive) -> None:
    ids = _ids(archive, JAPAN)
    assert ids[:3] == ["chp-3-sec-1-1-i", "chp-3-sec-1-1-ii", "chp-3-sec-1-1-iii"]
    assert not [i for i in ids if i.startswith(("chp-1", "chp-2", "chp-4"))]  # concept, policies, follow-up


def test_chinese_parts_groups_and_continued_numbering(archive: Archive) -> None:
    ids = _ids(archive, AI_PLUS)
    assert ids[:4] == ["ii-1-1", "ii-1-2", "ii-1-3", "ii-2-1"]
    assert ids[-8:] == [f"iii-{i}" for i in range(7, 15)]  # （七）… continue across parts; each is a measure
    assert notice(archive, AI_PLUS).parsed.problems == []  # continuing numbering is not a skip
    assert _ids(archive, ALGORITHMS) == [f"art-{i}" for i in range(1, 36)]
    assert "iv-6" in _ids(archive, STANDARDS)  # 四（六）: a group with no numbered items is one measure


def test_numbered_lists_inside_an_article_are_never_measures() -> None:
    for introducer in ("有下列情形之一的：", "有下列情形之一的", "包括:"):
        text = f"第一章 总则\n第一条 {introducer}\n（一）甲；\n（二）乙。\n1.丙。\n第二条 本规定自公布之日起施行。\n"
        parsed = parse_notice("x", split_lines(text))
        assert [m.id for m in parsed.measures] == ["art-1", "art-2"], introducer


def test_pdf_residue_never_enters_a_number_or_title() -> None:
    text = "Chapter 1 General Provisions\n**Article 1:** These rules apply.\n**Article 2.** Build a platform.¹\n"
    parsed = parse_notice("x", split_lines(text))
    assert [(m.id, m.number) for m in parsed.measures] == [("art-1", "Article 1"), ("art-2", "Article 2")]
    text = "I. Tasks\n**(1) Build computing power.** We shall build it.[^1]\n(2) Data.³ Open data.\n"
    parsed = parse_notice("x", split_lines(text))
    assert [(m.number, m.title) for m in parsed.measures] == [("(1)", "Build computing power"), ("(2)", "Data")]


def test_a_part_with_its_own_clause_is_a_measure() -> None:
    text = (
        "一、总体要求\n坚持创新驱动。\n二、重点任务\n（一）建设平台。（责任单位：市经信委）\n"
        "三、加强组织保障\n建立工作机制。（责任单位：市发展改革委）\n"
    )
    parsed = parse_notice("x", split_lines(text))
    assert [m.id for m in parsed.measures] == ["ii-1", "iii"]
    # The clause may be written without a label, as units before 按职责分工负责 or 牵头负责.
    unlabelled = text.replace("（责任单位：市经信委）", "市经信委牵头负责。").replace(
        "（责任单位：市发展改革委）", "各地区各部门按职责分工负责。"
    )
    assert [m.id for m in parse_notice("x", split_lines(unlabelled)).measures] == ["ii-1", "iii"]


def _two_levels_in_one_style(chapter_end: str) -> str:
    return "Plan\n" + "".join(
        f"{c}. Chapter {c} title{chapter_end}\n"
        + "".join(f"{r}. Recommendation {r} of chapter {c}.\n" for r in range(1, 4))
        for c in range(1, 5)
    )


def test_two_levels_in_one_style_are_told_apart_by_shape() -> None:
    """Chapters that are titles and recommendations that are sentences, both numbered "1.": the
    titles are the upper level."""
    parsed = parse_notice("x", split_lines(_two_levels_in_one_style("")), path="plan.txt")
    assert [m.id for m in parsed.measures] == [f"m-{c}-{r}" for c in range(1, 5) for r in range(1, 4)]
    assert [n.title for n in parsed.nodes] == [f"Chapter {c} title" for c in range(1, 5)]
    assert parsed.problems == []


def test_numbering_that_defeats_the_parser_is_reported() -> None:
    # Both levels are sentences: nothing tells them apart, and the parser says so.
    parsed = parse_notice("x", split_lines(_two_levels_in_one_style(".")), path="plan.txt")
    messages = [str(p) for p in parsed.problems]
    assert any("repeats the one at line" in m for m in messages)  # which lines, and what repeats
    assert any(m.startswith("plan.txt:3:") and "numbering restarts" in m and "two levels" in m for m in messages)
    lists = "Plan\nThe plan sets out:\n" + "".join(f"({i}) Recommendation {i}.\n" for i in range(1, 6))
    parsed = parse_notice("x", split_lines(lists), path="plan.txt")
    assert str(parsed.problems[0]).startswith("plan.txt:3: warning: no measures were found, but 5 lines")


def _agencies(n: Notice) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for m in n.parsed.measures:
        for ref in m.agencies:
            found.setdefault(ref.agency, set()).add(ref.role)
    return found


def test_japan_lead_marks_and_names_with_commas(archive: Archive) -> None:
    japan = {m.id: m for m in notice(archive, JAPAN).parsed.measures}
    roles = [(r.agency, r.role) for r in japan["chp-3-sec-1-1-ii"].agencies]
    assert roles == [
        ("jp-cabinet-office", "lead"),
        ("jp-digital-agency", "responsible"),
        ("jp-all-ministries", "responsible"),
    ]
    # "Ministry of Economy, Trade and Industry (◎)": one agency, the lead, despite its commas.
    leads = {r.agency for m in japan.values() for r in m.agencies if r.role == "lead"}
    assert "jp-meti" in leads
    found = _agencies(notice(archive, JAPAN))
    assert set(found) == {
        "jp-aisi", "jp-all-ministries", "jp-caa", "jp-cabinet-office", "jp-cabinet-secretariat",
        "jp-digital-agency", "jp-maff", "jp-meti", "jp-mext", "jp-mhlw", "jp-mic", "jp-mod", "jp-moe",
        "jp-mofa", "jp-moj", "jp-npa", "jp-ppc", "jp-relevant-ministries",
    }  # fmt: skip
    # "[Reposted]" names no agency: not a clause, and not an error.
    assert all("Reposted" not in c.raw for m in japan.values() for c in m.responsible_clauses)


def test_us_plan_led_by(archive: Archive) -> None:
    plan = {m.id: m for m in notice(archive, US_PLAN).parsed.measures}
    assert [(r.agency, r.role) for r in plan["pillar-i-remove-red-tape-1"].agencies] == [("us-ostp", "lead")]
    assert ("us-omb", "lead") in [(r.agency, r.role) for r in plan["pillar-i-remove-red-tape-3"].agencies]
    # "Led by DOC through NIST's Center for AI Standards and Innovation (CAISI)".
    leads = {r.agency for r in plan["pillar-i-ensure-frontier-ai-3"].agencies if r.role == "lead"}
    assert leads == {"us-doc", "us-nist", "us-caisi"}
    assert [(r.agency, r.role) for r in plan["pillar-i-remove-red-tape-5"].agencies] == [("us-ftc", "mentioned")]


def test_executive_order_duties_in_sentences(archive: Archive) -> None:
    found = _agencies(notice(archive, EO_14363))
    assert found == {
        "us-cdo-council": {"mentioned"},
        "us-doe": {"assigned", "mentioned"},
        "us-nstc": {"assigned", "cooperating", "mentioned"},  # "in consultation with the APST and the NSTC"
        "us-omb": {"mentioned"},
        "us-ostp": {"assigned", "cooperating", "mentioned"},
        "us-president": {"mentioned"},
    }
    eo = {m.id: m for m in notice(archive, EO_14363).parsed.measures}
    assert [(r.agency, r.role) for r in eo["sec-2-b"].agencies] == [("us-doe", "assigned")]


def test_order_roles_partners_directions_and_longer_titles(archive: Archive) -> None:
    """Who must act in an order: partners named after "in coordination / consultation with"
    cooperate; "I hereby direct the Secretary of Commerce" gives the Secretary the duty; a longer
    title that contains a registry name ("Under Secretary of Commerce for Intellectual Property")
    is not that name; "acting through" names the office that acts."""
    eo = {m.id: m for m in notice(archive, EO_14110).parsed.measures}
    roles = {mid: {(r.agency, r.role) for r in eo[mid].agencies} for mid in eo}
    assert {
        ("us-doe", "cooperating"),
        ("us-dhs", "cooperating"),
        ("us-doc", "assigned"),
        ("us-nist", "assigned"),
    } <= roles["sec-4-1-a"]
    assert ("us-doc", "assigned") in roles["sec-4-2-c"]
    assert not {a for a, _ in roles["sec-5-2-c"]} & {"us-doc"}
    assert {("us-dos", "cooperating"), ("us-ntia", "assigned")} <= roles["sec-4-6"]


def test_chinese_duties_and_names(archive: Archive) -> None:
    rules = {m.id: m for m in notice(archive, ALGORITHMS).parsed.measures}
    # 国家网信部门负责统筹协调…: the national cyberspace department, i.e. the CAC, has a duty.
    assert [(r.agency, r.role) for r in rules["art-3"].agencies] == [
        ("cn-cac", "assigned"),
        ("cn-state-council", "mentioned"),
    ]
    assert set(_agencies(notice(archive, ALGORITHMS))) == {"cn-cac", "cn-miit", "cn-mps", "cn-samr", "cn-state-council"}
    issuers = [r.agency for r in notice(archive, STANDARDS).issuers]
    assert issuers == ["cn-miit", "cn-cac", "cn-ndrc", "cn-sac"]  # 中央网信办 and 国家网信办: one office


def _row(t: Target) -> tuple[object, ...]:
    return (t.measure or t.part, t.as_written, t.value, t.value_max, t.unit, t.qualifier, t.counted, t.deadline, t.kind)


CHINESE_LEDGERS = {
    AI_PLUS: [
        ("i", "超70%", 70.0, None, "%", "over", "新一代智能终端、智能体等应用普及率", "到2027年", "adoption"),
        ("i", "超90%", 90.0, None, "%", "over", "新一代智能终端、智能体等应用普及率", "到2030年", "adoption"),
    ],
    STANDARDS: [
        ("ii", "50项以上", 50.0, None, "count", "at least", "新制定国家标准和行业标准", "到2026年", "standards"),
        ("ii", "超过1000家", 1000.0, None, "count", "over", "开展标准宣贯和实施推广的企业", "到2026年", "enterprises"),
        ("ii", "20项以上", 20.0, None, "count", "at least", "参与制定国际标准", "到2026年", "standards"),
    ],
    CAPACITY: [("ii-6", "十期", 10.0, None, "count", None, "人工智能领域研修研讨项目", "2025年底前", "projects")],
    ALGORITHMS: [],  # fines (一万元以上十万元以下罚款) are sanctions, not targets
}


@pytest.mark.parametrize("notice_id", CHINESE_LEDGERS)
def test_the_whole_chinese_ledger(archive: Archive, notice_id: str) -> None:
    assert [_row(t) for t in notice(archive, notice_id).targets] == CHINESE_LEDGERS[notice_id]


def test_executive_order_targets_and_duties(archive: Archive) -> None:
    targets = notice(archive, EO_14363).targets
    quantities = [_row(t) for t in targets if t.kind != "duties"]
    assert quantities == [
        # Due with the duty of its sentence, and that duty's only target: "Within 60 days …, the
        # Secretary shall identify … at least 20"
        ("sec-4-a", "at least 20 science and technology challenges of national importance", 20.0, None, "count",
         "at least", "science and technology challenges of national importance",
         "within 60 days of the date of this order", "other"),
    ]  # fmt: skip
    duties = [(t.measure, t.value, t.unit, t.deadline_after, t.agency) for t in targets if t.kind == "duties"]
    assert duties == [
        # "the Secretary": the order's short name for the Secretary of Energy ("The Secretary of Energy (Secretary)")
        ("sec-3-c", 90.0, "days", "P90D", "us-doe"),
        ("sec-3-d", 120.0, "days", "P120D", "us-doe"),  # "… shall:" and its list of actions
        ("sec-3-e", 240.0, "days", "P240D", "us-doe"),
        ("sec-3-f", 270.0, "days", "P270D", "us-doe"),  # "seek to demonstrate an initial operating capability"
        # sec-4-a's 60 days are the count's above: one commitment, the count, with the deadline.
        ("sec-4-b", 30.0, "days", None, "us-ostp"),  # 30 days of the list's submission: dated by its record
        ("sec-4-d", 1.0, "per year", None, "us-doe"),  # "On an annual basis thereafter, the Secretary shall review …"
        ("sec-6-a", 1.0, "years", "P1Y", "us-doe"),
    ]
    # The list was submitted (met) on 2026-02-13: the review is due 30 days after.
    (review,) = [t for t in targets if t.measure == "sec-4-b"]
    assert (review.due, review.due_from) == ("2026-03-15", f"{EO_14363}--sec-4-a--20-challenges")
    (report,) = [t for t in targets if t.measure == "sec-6-a"]
    assert report.frequency == "on an annual basis thereafter"  # "Within 1 year …, and on an annual basis thereafter"
    eo = notice(archive, EO_14277).targets
    assert [(t.measure, t.deadline_after, t.agency) for t in eo if t.measure == "sec-8-a"] == [
        ("sec-8-a", "P120D", "us-dol")
    ]
    for n in archive.notices:
        # No statute, section, order number, exponent or date is a target.
        # (A duty in the passive keeps its subject: "Codes of practice shall be ready" is no citation.)
        assert not [t.as_written for t in n.targets if re.match(r"of |et seq|[A-Z](?:\.|\s|$)", t.counted)]


def test_no_ordinary_number_is_a_target_in_chinese() -> None:
    text = (
        "第七十二条 本条例自2025年6月3日起施行，72小时内完成，形成“1+4”格局，十四五期间，聚焦6大重点领域，"
        "依据国发〔2025〕11号，在十个工作日内办理。"
    )
    assert find_quantities(text, 1) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("到2027年，培育企业超过100家。", [(100.0, None, "count", "over", "企业", "到2027年")]),
        ("到2026年底，新制定标准不少于50项。", [(50.0, None, "count", "at least", "新制定标准", "到2026年底")]),
        ("2025年底前，建成智算中心3个以上。", [(3.0, None, "count", "at least", "智算中心", "2025年底前")]),
        ("力争推出大模型产品10款左右。", [(10.0, None, "count", "around", "大模型产品", None)]),
        ("累计突破人才1万人。", [(10000.0, None, "count", "over", "人才", None)]),
        ("年均举办活动两期，推广机器人五十台。", [(2.0, None, "count", None, "活动", None), (50.0, None, "count", None, "机器人", None)]),
        ("到2027年，培育3-5个大模型，3～5家龙头企业，3至5项标准。", [
            (3.0, 5.0, "count", "range", "大模型", "到2027年"), (3.0, 5.0, "count", "range", "龙头企业", "到2027年"),
            (3.0, 5.0, "count", "range", "标准", "到2027年")]),
        ("到2027年，智能算力规模超过10EFLOPS，新建算力200PFLOPS。", [
            (1e19, None, "FLOPS", "over", "智能算力规模", "到2027年"), (2e17, None, "FLOPS", None, "新建算力", "到2027年")]),
        ("新增产业空间20万平方米，改造楼宇5000平方米。", [
            (2e5, None, "square meters", None, "新增产业空间", None), (5000.0, None, "square meters", None, "改造楼宇", None)]),
        ("到2027年，普及率超70%，到2030年，普及率超90%。", [
            (70.0, None, "%", "over", "普及率", "到2027年"), (90.0, None, "%", "over", "普及率", "到2027年")]),
        ("设立100亿元人工智能产业基金。", [(1e10, None, "yuan", None, "人工智能产业基金", None)]),
        ("对单个项目给予最高不超过5000万元补贴。", [(5e7, None, "yuan", "up to", "补贴", None)]),
        ("发放算力券，每家企业每年最高不超过500万元。", [(5e6, None, "yuan", "up to", "每家企业每年", None)]),
        ("支持开展培训，补贴标准为每人2000元。", [(2000.0, None, "yuan", None, "补贴标准为每人", None)]),
    ],
)  # fmt: skip
def test_chinese_target_forms(sentence: str, expected: list[tuple[object, ...]]) -> None:
    found = find_quantities(sentence, 1)
    assert [(f.value, f.value_max, f.unit, f.qualifier, f.counted, f.deadline) for f in found] == expected


def test_staged_targets_are_separate_records_with_their_years() -> None:
    found = find_quantities("到2027年，普及率超70%。到2030年，普及率超90%。", 1)
    assert [(f.value, f.deadline_year) for f in found] == [(70.0, 2027), (90.0, 2030)]


def test_money_committed_or_capped_is_a_funding_kind(archive: Archive) -> None:
    from tools.targets import kind_of

    kinds = archive.registry.target_kinds
    assert kind_of("yuan", "人工智能产业基金", kinds) == "funds"
    assert kind_of("yuan", "补贴", kinds) == "funds"
    assert kind_of("yuan", "产业规模", kinds) == "output"  # an outcome, not money committed


def test_english_national_forms() -> None:
    (times,) = find_quantities("The program shall increase compute available to researchers at least 20x by 2030.", 1)
    assert (times.value, times.unit, times.qualifier, times.deadline_year) == (20.0, "times", "at least", 2030)
    (duty,) = find_quantities(
        "Within 6 months of the date of this order, the Secretary of Labor shall issue guidance.", 1
    )
    assert (duty.value, duty.unit, duty.deadline_after, duty.counted) == (6.0, "months", "P6M", "issue guidance")
    (dated,) = find_quantities("By February 28, 2025, the Secretary of Defense shall identify sites.", 1)
    assert (dated.unit, dated.deadline_date) == ("date", "2025-02-28")
    for reference in (
        "The Secretary shall act as described in section 4 of this order.",
        "Consistent with 50 U.S.C. 4501 et seq., the Secretary shall act.",
        "The threshold is 10^26 integer operations, and the Secretary shall review it.",
        "As set out in Executive Order 14091 of February 16, 2023, agencies shall act.",
    ):
        assert [f for f in find_quantities(reference, 1) if f.unit not in ("days", "date")] == [], reference


def test_recommendations_numbered_through_numbered_chapters() -> None:
    text = (
        "Strategy\nContents\n1. Introduction .......... 2\n2. Compute .......... 4\n\n1. Introduction\nIt makes 3 recommendations.\n"
        "2. Compute\n2.1 Public compute\nRecommendation 1: The Department shall publish a strategy within 6 months.\n"
        "Recommendation 2: UKRI shall fund at least 3 new supercomputing centres by 2027.\n"
        "3. Skills\n3.1 Training\nRecommendation 3: The Department for Education shall train 100,000 teachers by 2026.\n"
    )
    parsed = parse_notice("x", split_lines(text))
    assert [m.id for m in parsed.measures] == ["recommendation-1", "recommendation-2", "recommendation-3"]
    assert [f.role for f in parsed.front_matter][:4] == ["title", "contents", "contents", "contents"]
    assert parsed.problems == []
