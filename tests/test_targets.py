"""Targets: every quantified commitment found (recall), and nothing else (precision)."""

from __future__ import annotations

import textwrap
from functools import cache
from pathlib import Path

import pytest

from tools.agencies import AliasIndex, attribute
from tools.load import load_registry
from tools.models import Archive, Registry, Target
from tools.parse import parse_notice, split_lines
from tools.targets import extract, find_quantities, places, with_agencies

from .test_parse import JINGAN, SHANGHAI, SHENZHEN, ZHANGJIANG, notice

# (location, value, value_max, unit, qualifier, deadline or frequency, kind): the whole ledger.
EXPECTED = {
    JINGAN: [
        ("i", 50, None, "count", "over", "by the end of 2028", "projects"),
        ("i", 10, None, "count", "over", "on a yearly basis", "projects"),
    ],
    ZHANGJIANG: [
        # "By 2026, Jing'an Park of Zhangjiang shall be basically built into …": dated, nothing counted.
        ("i", 0.0, None, "date", "by", "by 2026", "duties"),
        ("i-3", 175e9, None, "yuan", None, "by 2026", "output"),
        ("i-3", 10e9, None, "yuan per square kilometer", None, "by 2026", "output"),  # a rate
        ("i-3", 5, None, "count", None, "by 2026", "enterprises"),
        ("i-3", 40, None, "count", None, "by 2026", "enterprises"),
        ("i-3", 110, None, "count", "over", "by 2026", "patents"),
        ("i-4", 1e6, None, "square meters", None, "in three years", "space"),
        ("i-4", 1e6, None, "square meters", None, "in three years", "space"),
        ("i-4", 1e6, None, "square meters", None, "in three years", "space"),
        ("i-4", 1, 2, "count", "range", "by 2026", "laboratories-and-platforms"),
        ("i-4", 400, None, "count", "over", "by 2026", "enterprises"),
        ("ii-3", 100000, None, "square meters", None, "by the end of 2026", "space"),
        ("ii-3", 300, None, "count", None, None, "scenarios"),
        ("ii-3", 5, None, "count", "around", "by 2030", "laboratories-and-platforms"),
        # "By 2025, the science and technology service industry … shall develop into …"
        ("ii-4", 0.0, None, "date", "by", "by 2025", "duties"),
        # ii-6's "a total of 5 unicorn and hidden champion enterprises" states i-3's 5 again, and
        # ii-10 the three million square meters of i-4: one target each, not two.
        ("ii-6", 100, None, "count", None, "by the end of 2026", "enterprises"),
        ("ii-6", 1000, None, "count", None, "by the end of 2026", "enterprises"),
    ],
    SHANGHAI: [],
    SHENZHEN: [
        # "The Pengcheng Cloud Brain III project will start construction before the end of 2023."
        ("m-1", 0.0, None, "date", "by", "before the end of 2023", "duties"),
        ("m-4", 5, None, "count", "over", None, "laboratories-and-platforms"),
        # "Before the end of 2023, public data opening management measures … will be formulated."
        ("m-13", 0.0, None, "date", "by", "before the end of 2023", "duties"),
        ("m-16", 100e9, None, "yuan", None, None, "funds"),
        # Duties on a schedule: "… held on the 8th of each month", "on an annual basis", "on a
        # quarterly basis" (times a year).
        ("m-16", 12.0, None, "per year", None, "on the 8th of each month", "duties"),
        ("m-17", 1.0, None, "per year", None, "on an annual basis", "duties"),
        ("m-17", 4.0, None, "per year", None, "on a quarterly basis", "duties"),
    ],
}


def _row(t: Target) -> tuple[object, ...]:
    return (t.measure or t.part, t.value, t.value_max, t.unit, t.qualifier, t.frequency or t.deadline, t.kind)


def test_the_whole_ledger(archive: Archive) -> None:
    for notice_id, expected in EXPECTED.items():
        assert [_row(t) for t in notice(archive, notice_id).targets] == expected, notice_id


def test_what_is_counted(archive: Archive) -> None:
    counted = {(t.notice, t.measure or t.part, t.value): t.counted for n in archive.notices for t in n.targets}
    assert counted[(JINGAN, "i", 50)] == "AI demonstration application projects"
    assert counted[(ZHANGJIANG, "i-3", 175e9)] == "regional gross product"
    assert counted[(ZHANGJIANG, "i-3", 110)] == "PCT patent applications"
    assert counted[(ZHANGJIANG, "i-4", 400)] == "technology-based enterprises"
    assert counted[(ZHANGJIANG, "ii-3", 300)] == "major and characteristic block-chain application scenarios"
    assert counted[(ZHANGJIANG, "ii-3", 100000)] == "industrial space"
    assert counted[(SHENZHEN, "m-16", 100e9)] == "artificial intelligence fund group"
    assert counted[(SHENZHEN, "m-4", 5)] == "artificial intelligence joint laboratories"


def test_targets_sit_in_measures_or_parts(archive: Archive) -> None:
    for n in archive.notices:
        measure_ids = {m.id for m in n.parsed.measures}
        for t in n.targets:
            assert (t.measure in measure_ids and t.part is None) or (t.measure is None and t.part)
            assert t.sentence in n.files.text  # the sentence as printed, character for character
            assert t.as_written in t.sentence
    jingan = notice(archive, JINGAN).targets
    assert jingan[0].measure is None and jingan[0].part == "i"  # stated in the objectives, outside any measure
    ids = [t.id for n in archive.notices for t in n.targets]
    assert len(ids) == len(set(ids))


def test_ordinary_numbers_are_not_targets() -> None:
    for sentence in [
        'We shall build a convenient and efficient "15‑minute training service circle".',
        "We shall enable 72‐hour early warning of health risks for elderly living alone.",
        "Article 72. These Regulations shall come into effect on October 1, 2022.",
        'We shall establish a "1+4" high-tech zone linkage management mechanism.',
        "We shall hold the 8K+5G+AI Technology Summit Forum on the 8th of May.",
        "We shall build the four national-level incubators and focus on three key tasks.",
        "The Three-Year Action Plan (2026–2028) shall be implemented.",
        "Study and implement the spirit of the 20th National Congress, and build it.",
    ]:
        assert find_quantities(sentence, 1) == [], sentence


def test_quantities_need_a_commitment() -> None:
    assert find_quantities("The district has 40 listed companies.", 1) == []
    found = find_quantities("We shall attract at least 12 research institutes by 2027.", 1)
    assert [(f.value, f.qualifier, f.deadline_year, f.counted) for f in found] == [
        (12, "at least", 2027, "research institutes")
    ]


def test_what_exists_is_told_from_what_is_promised_in_chinese() -> None:
    def rows(text: str) -> list[tuple[object, ...]]:
        return [(f.value, f.deadline) for f in find_quantities(text, 1)]

    # 已 before the count's noun is "the already built", a target about them, not a count of them.
    assert rows("到2027年，已建成的算力中心利用率达到80%。") == [(80.0, "到2027年")]
    # A word of intent or a year to come before 拥有 makes it a promise.
    assert rows("到2027年，力争拥有国家级平台10个。") == [(10.0, "到2027年")]
    assert rows("到2027年拥有国家级平台10个。") == [(10.0, "到2027年")]
    # 截至 with no 已 is a deadline still; with 已 it dates what exists and is carried to no sentence.
    assert rows("截至2025年底，建成智能算力中心20个。") == [(20.0, "截至2025年底")]
    assert rows("截至2024年底，已累计建成5G基站3.5万个。新增5G基站1万个。") == [(10000.0, None)]
    # 实现有… is no 现有.
    assert rows("到2026年，实现有效覆盖的企业达到100家。") == [(100.0, "到2026年")]


# Duties with deadlines (issue "numbers a journalist can print"): every deadline of an order read,
# in listed items that have no "shall" of their own, with the event a deadline counts from.
NAIRR = (
    "(i)    Within 90 days of the date of this order, in coordination with the heads of agencies that the Director "
    "of NSF deems appropriate, launch a pilot program implementing the National AI Research Resource (NAIRR)."
)


def _duties(text: str) -> list[tuple[str, str | None, str]]:
    from tools.targets.duties import in_sentence

    return [(d.deadline or "", d.deadline_after, d.counted) for d in in_sentence(text, 1)]


def test_a_listed_duty_without_its_own_shall_is_read() -> None:
    assert _duties(NAIRR) == [
        (
            "within 90 days of the date of this order",
            "P90D",
            "launch a pilot program implementing the National AI Research Resource (NAIRR)",
        )
    ]
    assert _duties(
        "(ii) direct the Assistant Attorney General to convene, within 90 days of the date of this order, a meeting."
    )[0][2].startswith("direct the Assistant Attorney General")


def test_a_deadline_counted_from_an_event_keeps_the_event() -> None:
    ((deadline, after, _),) = _duties(
        "(i) the requirement to designate at each agency within 60 days of the issuance of the guidance a Chief "
        "Artificial Intelligence Officer who shall hold primary responsibility in their agency."
    )
    assert deadline == "within 60 days of the issuance of the guidance"
    assert after is None  # no date until the guidance's date is known


def test_the_first_deadline_of_a_sentence_governs_it() -> None:
    ((deadline, _, _),) = _duties(
        "By February 28, 2025, the Secretary of Defense shall identify sites to be operational by the end of 2027, "
        "and shall within 30 days report them."
    )
    assert deadline == "by February 28, 2025"


def test_conditions_and_standing_procedures_are_not_duties() -> None:
    assert (
        _duties(
            "Where, within 15 calendar days of receipt of the information, no objection has been raised, the authorisation shall be deemed justified."
        )
        == []
    )
    assert (
        _duties("The authority shall, within three months of receipt of the notification, inform the Commission.") == []
    )
    assert (
        _duties("The request shall be understood to have been approved within 30 days of the date of this order.") == []
    )


def test_a_dated_commitment_with_nothing_to_count_is_a_duty() -> None:
    """Shenzhen's "will start construction before the end of 2023": due at the year's end, with
    its subject; a sentence that counts something stays that target alone."""
    from tools.targets import find_quantities

    (found,) = find_quantities(
        "The Pengcheng Cloud Brain III project will start construction before the end of 2023.", 7
    )
    assert (found.unit, found.deadline_date, found.counted) == (
        "date",
        "2023-12-31",
        "The Pengcheng Cloud Brain III project will start construction",
    )
    counted = find_quantities("Before the end of 2025, we will build more than 5 joint laboratories.", 1)
    assert [(f.unit, f.value) for f in counted] == [("count", 5.0)]


def test_a_multiple_in_words_is_a_target_and_a_frequency_is_not() -> None:
    """Japan's plan: "immediately expand staffing to approximately twice the current level"."""
    from tools.targets import find_quantities

    (found,) = find_quantities("We will immediately expand staffing to approximately twice the current level.", 1)
    assert (found.value, found.unit, found.qualifier, found.counted) == (2.0, "times", "around", "staffing")
    # A schedule is no multiple: a recurring duty, twice a year.
    (schedule,) = find_quantities("The advisory forum shall hold meetings at least twice a year.", 1)
    assert (schedule.value, schedule.unit, schedule.frequency) == (2.0, "per year", "at least twice a year")


EO_14110 = "us-eo-14110-safe-secure-trustworthy-ai-2023"


@pytest.mark.parametrize(
    ("target", "agency"),
    [
        # The sentence's own subject, though the measure keeps the office as a partner of another item.
        (f"{EO_14110}--sec-4-4-b--180-days", "us-ostp"),  # "the Director of OSTP, in consultation with …, shall"
        (f"{EO_14110}--sec-4-5--180-days-2", "us-omb"),  # "the Director of OMB, in consultation with …; …, shall —"
        (f"{EO_14110}--sec-4-4-b--180-days-2", "us-doc"),  # "the Secretary of Commerce, acting through …, shall"
        # An item with no "shall" of its own: the holder its lead-in names.
        (f"{EO_14110}--sec-9-a--180-days", "us-omb"),  # "— the Director of OMB shall: … (iii) within 180 days …, issue"
        (f"{EO_14110}--sec-5-2-c--120-days", "us-uspto"),  # "the Under Secretary … and Director of the USPTO … shall:"
        (f"{EO_14110}--sec-4-4-b--180-days-4", "us-dhs"),  # "(iv) …, the Secretary of Homeland Security … shall: (A) …"
        # A passive lead-in takes its first item's holder ("(i) The Chairman of the CEA shall …").
        (f"{EO_14110}--sec-6-a--180-days", "us-cea"),  # "the following actions shall be taken within 180 days …:"
        (
            f"{EO_14110}--sec-10-1-b--60-days",
            None,
        ),  # "The Director of OMB's guidance shall specify …:" (each agency designates)
    ],
)
def test_a_duty_carries_the_agency_that_holds_it(archive: Archive, target: str, agency: str | None) -> None:
    found = {t.id: t for n in archive.notices for t in n.targets}
    assert found[target].agency == agency


# The agency that holds a target (tools/targets/holders.py), read from small texts shaped like the
# orders, acts and plans they come from.
@cache
def _registry() -> Registry:
    registry, problems = load_registry(Path(__file__).resolve().parent.parent / "corpus")
    assert problems == []
    return registry


def _holders(text: str, jurisdiction: str = "united-states") -> list[tuple[str, str | None]]:
    """(what the target says, its agency) for each target of a text, read as the pipeline reads it."""
    registry = _registry()
    parsed = parse_notice("x", split_lines(textwrap.dedent(text).lstrip("\n")))
    index = AliasIndex.for_jurisdiction(registry.agencies, jurisdiction, registry.within)
    attribute(parsed.measures, parsed.lines, index, "x")
    found = extract("x", places(parsed.nodes, parsed.lines), registry.target_kinds).targets
    return [(t.as_written, t.agency) for t in with_agencies(found, parsed, index)]


def test_an_item_of_a_list_has_its_lead_in_s_holder() -> None:
    """Class 1a: "the Director of OPM, in consultation with the Director of OMB, shall: … (iii)
    within 90 days …, coordinate …": every item that starts with its action, however far down
    the list or however deep, has the holder of the lead-in above it; an item with a subject of
    its own keeps it."""
    assert _holders("""
        Executive Order on Examples

             Sec. 10.  Talent.  (d)  To meet the critical hiring need, the Director of OPM, in consultation with the Director of OMB, shall:

                  (i)     within 60 days of the date of this order, conduct an evidence-based review of hiring; this review shall include the following job series;

                  (ii)    within 90 days of the date of this order, coordinate a pooled-hiring action across agencies;

                  (iii)   within 120 days of the date of this order, in consultation with the Attorney General and the Director of OSTP, issue guidance on pay flexibilities;

                  (iv)    To facilitate the vetting of staff, the Secretary of Homeland Security shall:

                       (A)  within 180 days of the date of this order, develop a framework to evaluate vetting; and

                  (v)     The Secretary of Labor shall, within 180 days of the date of this order, publish principles for employers.
        """) == [
        ("within 60 days of the date of this order", "us-opm"),
        ("within 90 days of the date of this order", "us-opm"),
        ("within 120 days of the date of this order", "us-opm"),
        ("within 180 days of the date of this order", "us-dhs"),  # (iv)'s lead-in, not (d)'s
        ("within 180 days of the date of this order", "us-dol"),  # its own subject
    ]
    # The lead-in's last sentence names the holder ("In particular, the Secretary of Commerce shall:");
    # a lead-in with no holder of its own has its first item's ("(i) The Secretary of State … shall").
    assert _holders("""
        Executive Order on Examples

        Sec. 11.  Leadership.  (b)  To advance global standards, the Secretary of State shall lead efforts with allies.  In particular, the Secretary of Commerce shall:

        (i)    within 270 days of the date of this order, establish a plan for global engagement; and

        (ii)   within 180 days of the date the plan is established, submit a report to the President.

        (c)  Within 365 days of the date of this order, to promote responsible development of AI abroad:

        (i)   The Secretary of State, in coordination with the Secretary of Commerce, shall publish a playbook.
        """) == [
        ("within 270 days of the date of this order", "us-doc"),
        ("within 180 days of the date the plan is established", "us-doc"),
        ("Within 365 days of the date of this order", "us-dos"),
    ]
    # A requirement listed in guidance ("the requirement to designate at each agency …") is no action of
    # the lead-in's holder: the holder is each agency, a class.
    assert _holders("""
        Executive Order on Examples

        Sec. 10.  Guidance.  (b)  The Director of OMB shall issue guidance to agencies.  The guidance shall specify:

        (i)     the requirement to designate at each agency within 60 days of the issuance of the guidance a Chief AI Officer who shall hold primary responsibility in their agency;
        """) == [("within 60 days of the issuance of the guidance", None)]


def test_a_short_name_the_notice_defines_stands_for_its_body() -> None:
    """Class 1b: "The Secretary of Energy (Secretary)", "the White House Task Force on Artificial
    Intelligence Education (Task Force)": the short name is read from the text, after a registry
    name; a short name given to something else ("the Genesis Mission (Mission)") names no holder."""
    assert _holders("""
        Executive Order on Examples

        Section 1.  Purpose.  The Secretary of Energy (Secretary) shall be responsible for implementing the Mission.  There is hereby established the White House Task Force on Artificial Intelligence Education (Task Force).  The Genesis Mission (Mission) is hereby established.

        Sec. 2.  Duties.  (a)  Within 90 days of the date of this order, the Secretary shall identify Federal computing resources.

        (b)  Within 60 days of the date of this order, the Task Force shall establish plans for a Presidential Challenge.

        (c)  Within 30 days of the date of this order, the Mission shall report on its progress.

        (d)  Within 120 days of the date of this order, the Secretary shall:

        (i)   identify initial data and model assets;
        """) == [
        ("Within 90 days of the date of this order", "us-doe"),
        ("Within 60 days of the date of this order", "us-ai-education-task-force"),
        ("Within 30 days of the date of this order", None),
        ("Within 120 days of the date of this order", "us-doe"),
    ]
    # A definition in the words of an act: "(hereinafter referred to as the "Minister")".
    assert _holders(
        """
        Act on Examples

        Article 1 (Purpose) The Minister of Science and ICT (hereinafter referred to as the "Minister") shall oversee this Act.

        Article 6 (Master Plan) (1) The Minister shall formulate a master plan within 2 years of the date this Act enters into force.
        """,
        "south-korea",
    ) == [("within 2 years of the date this Act enters into force", "kr-msit")]


def test_a_bare_title_takes_up_the_name_before_it() -> None:
    """Class 1b: "the Secretary of Energy shall issue … The Secretary shall publish a report …
    within 1 year"; "The Secretaries shall" takes up the two Secretaries of the sentence before."""
    assert _holders("""
        Executive Order on Examples

        Sec. 9.  Grids.  (d)  Within 90 days of the date of this order, the Secretary of Energy shall issue a request for information.  The Secretary shall publish a report within 1 year of the date of this order.

        (g)  By June 30, 2025, the Secretary of Defense and the Secretary of Energy shall announce winning proposals.  The Secretaries shall select at least one proposal developed jointly by a consortium.
        """) == [
        ("Within 90 days of the date of this order", "us-doe"),
        ("within 1 year of the date of this order", "us-doe"),
        ("By June 30, 2025", "us-dod"),
        ("at least one proposal developed jointly", "us-doe"),
    ]


def test_the_subject_of_shall_holds_it_not_its_partners() -> None:
    """Classes 1c and 1f: the subject of "shall", wherever the bodies it works "in consultation /
    coordination with" stand (before it too); not a body "as determined by" it, one it acts
    "through", one that receives its report, or one of nine it consults."""
    assert _holders("""
        Executive Order on Examples

        Sec. 4.  Duties.  (a)  Within 180 days of the date of this order, the Secretary of Homeland Security, in coordination with the Secretary of Commerce and with SRMAs and other regulators as determined by the Secretary of Homeland Security, shall incorporate the framework into safety guidelines.

        (b)  Within 120 days of the date of this order, and in consultation with the Secretary of Education and the Director of the NSF, the Secretary of Labor shall support the creation of opportunities for students.

        (c)  Within 180 days of the development of the guidance, the Director of OMB, in consultation with the Secretary of State; the Secretary of Commerce, acting through the Director of NIST; and the heads of other agencies that the Director of OMB deems appropriate, shall issue guidance to agencies for labeling.

        (d)  By February 28, 2025, the Secretary of Defense and the Secretary of Energy shall, if possible, each identify a minimum of 3 sites on Federal land.

        (e)  Within 180 days of the date of this order, the Director of OSTP, in consultation with the Secretary of State, the Secretary of Health and Human Services (HHS), the Secretary of Energy, and the heads of other relevant agencies as the Director of OSTP may deem appropriate, shall establish a framework.

        (f)  Within 180 days of the date of this order, to understand AI's implications, the President's Council of Advisors on Science and Technology shall submit to the President a report on the role of AI.

        (g)  To assist with such work, within 45 days of the date of this order, the heads of agencies whom the Director of NSF identifies shall each submit to the Director of NSF a report.

        (h)  Within 90 days of the date of this order, the Secretary of HHS shall, in consultation with the Secretary of Defense, establish an HHS AI Task Force.

        (i)  Within 1 year of the date of this order, the Secretary of Commerce, acting through the Director of NIST, shall publish guidelines.
        """) == [
        ("Within 180 days of the date of this order", "us-dhs"),
        ("Within 120 days of the date of this order", "us-dol"),  # the consultation clause comes first
        ("Within 180 days of the development of the guidance", "us-omb"),  # partners listed with semicolons
        # two holders: the first; the count the dated duty delivers is one target, with the duty's
        # deadline, and has its sentence's holder
        ("a minimum of 3 sites", "us-dod"),
        ("Within 180 days of the date of this order", "us-ostp"),  # not the Secretary of Energy it consults
        ("Within 180 days of the date of this order", "us-pcast"),  # PCAST, not the President it reports to
        ("within 45 days of the date of this order", None),  # the heads of agencies (a class), not NSF
        ("Within 90 days of the date of this order", "us-hhs"),  # the Secretary of HHS: HHS's
        ("Within 1 year of the date of this order", "us-doc"),  # the department, acting through NIST
    ]


def test_a_chinese_plan_s_responsible_units_hold_its_targets() -> None:
    """Class 1d: a plan's "(Responsible units: A, B, etc.)" or (牵头单位：A；配合单位：B) gives its
    targets to the unit that leads, or else to the first listed, duties and quantities alike."""
    assert _holders(
        """
        Action Plan for Artificial Intelligence

        1. Strengthen the supply of intelligent computing power clusters

        (1) Build a city-level intelligent computing power platform. The Pengcheng Cloud Brain III project will start construction before the end of 2023. (Responsible units: Municipal Development and Reform Commission, Municipal Science and Technology Innovation Commission, etc.)

        (2) Strengthen financial guarantee. Form an artificial intelligence fund group with a scale of 100 billion yuan. (Responsible units: Municipal Finance Bureau, Municipal Development and Reform Commission, etc.)
        """,
        "shenzhen",
    ) == [
        ("before the end of 2023", "shenzhen-development-and-reform-commission"),
        ("100 billion yuan", "shenzhen-finance-bureau"),
    ]
    assert _holders(
        """
        人工智能行动方案

        一、重点任务

        （一）建设智算中心。到2025年，建成智算中心3个以上。（牵头单位：工业和信息化部；配合单位：国家发展改革委）

        （二）培育企业。到2026年，培育龙头企业超过100家。国家发展改革委、工业和信息化部按职责分工负责。
        """,
        "china",
    ) == [("3个以上", "cn-miit"), ("超过100家", "cn-ndrc")]


def test_holders_outside_the_united_states() -> None:
    """Class 1e: "Member States shall ensure …", "Each Member State shall designate …", and the
    OECD's "INSTRUCTS the Digital Policy Committee, through its Working Party on AI Governance, to:"
    over its lettered items."""
    assert _holders(
        """
        REGULATION (EU) 2024/0000 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL

        Article 28

        Notifying authorities

        1. Each Member State shall designate or establish at least one notifying authority responsible for setting up the procedures.

        Article 57

        AI regulatory sandboxes

        1. Member States shall ensure that their competent authorities establish at least one AI regulatory sandbox at national level.

        2. The Commission shall, in consultation with the Member States, adopt at least three implementing acts.
        """,
        "european-union",
    ) == [
        ("at least one notifying authority responsible for setting up the procedures", "eu-member-states"),
        ("at least one AI regulatory sandbox", "eu-member-states"),
        ("at least three implementing acts", "eu-commission"),
    ]
    assert _holders(
        """
        Recommendation of the Council on Artificial Intelligence

        Section 2

        VII. INVITES non-Adherents to take due account of this Recommendation.

        VIII. INSTRUCTS the Digital Policy Committee, through its Working Party on AI Governance, to:

        a) continue its important work on artificial intelligence;

        b) report to Council, in consultation with other relevant committees, on the implementation of this Recommendation no later than five years following its revision.
        """,
        "oecd",
    ) == [("no later than five years following its revision", "oecd-digital-policy-committee")]


def test_a_recurring_duty_has_its_holder() -> None:
    """EO 14141 4(i) and 8(e): a frequency before the subject ("No less than annually the
    Secretary of Defense …"), and an item that opens with its frequency under a lead-in whose
    bare title has a comma phrase before "shall" ("the Secretary, after consulting …, shall:")."""
    assert _holders("""
        Executive Order on Examples

        Sec. 4.  Sites.  (i)  Within 1 year of the date of this order, the Secretary of Defense shall issue regulations.  No less than annually the Secretary of Defense, in consultation with the aforementioned individuals, shall review the need for updates to the regulations.

        Sec. 8.  Grids.  (e)  (ii)  Within 180 days of the date of this order, the Secretary of Energy shall facilitate industry-led convenings.  On an ongoing basis, the Secretary, after consulting with participants in the industry-led convenings, shall:

        (A)  on at least an annual basis, develop and publish supply and demand forecasts for transformers; and
        """) == [
        ("Within 1 year of the date of this order", "us-dod"),
        ("No less than annually", "us-dod"),
        ("Within 180 days of the date of this order", "us-doe"),
        ("on at least an annual basis", "us-doe"),
    ]


def test_every_judged_target_has_its_holder(archive: Archive) -> None:
    """The real notices: a few targets of each class, as the hand verdicts read them."""
    agency = {t.id: t.agency for n in archive.notices for t in n.targets}
    eo14110 = "us-eo-14110-safe-secure-trustworthy-ai-2023"
    assert agency[f"{eo14110}--sec-10-2-d--90-days"] == "us-opm"  # 1a
    assert agency[f"{eo14110}--sec-4-4-b--180-days-4"] == "us-dhs"  # 1a, (iv)(A)
    assert agency["us-eo-14363-genesis-mission-2025--sec-3-c--90-days"] == "us-doe"  # 1b
    assert agency["us-eo-14277-ai-education-youth-2025--sec-5-a--90-days"] == "us-ai-education-task-force"  # 1b
    assert agency["us-eo-14277-ai-education-youth-2025--sec-8-d--120-days"] == "us-dol"  # 1c
    assert agency[f"{SHENZHEN}--m-4--5-laboratories"] == "shenzhen-science-technology-and-innovation-commission"
    assert agency["oecd-ai-recommendation-2019-2024--sec-2-viii--5-years"] == "oecd-digital-policy-committee"
    assert agency[f"{eo14110}--sec-4-5--180-days-2"] == "us-omb"  # 1f: not NIST, one it consults
    assert agency[f"{eo14110}--sec-5-2-h--180-days"] == "us-pcast"  # 1f: PCAST, not the President it reports to

    # "at least twice a year" is how often (a recurring duty), never a multiple of 2.
    assert [
        (f.value, f.unit) for f in find_quantities("The advisory forum shall hold meetings at least twice a year.", 1)
    ] == [(2.0, "per year")]


def _recurring(text: str) -> list[tuple[float, str | None, str | None, str]]:
    return [(f.value, f.qualifier, f.frequency, f.counted) for f in find_quantities(text, 1) if f.unit == "per year"]


def test_a_duty_on_a_schedule_is_a_recurring_duty() -> None:
    """Recurring commitments with no deadline of their own, in plans and in laws, English and
    Chinese: recorded with how many times a year and the frequency as written."""
    assert _recurring(
        "Given the characteristics of AI, its trends, and social conditions - such as the extremely rapid "
        "technological progress - we will review and revise this Plan as needed, in principle annually."
    ) == [(1.0, None, "annually", "review and revise this Plan as needed")]  # the schedule is its value
    assert _recurring("Convene meetings at least twice per year under the auspices of CAISI at DOC.") == [
        (
            2.0,
            "at least",
            "at least twice per year",
            "convene meetings at least twice per year under the auspices of CAISI at DOC",
        )
    ]
    assert _recurring(
        "Encourage venture capital, and set up a special session on AI in the Venture Capital Day event held "
        "on the 8th of each month."
    )[0][:3] == (12.0, None, "on the 8th of each month")
    assert _recurring("Explore an indicator system, and release relevant data on a quarterly basis after that.") == [
        (4.0, None, "on a quarterly basis", "release relevant data on a quarterly basis after that")
    ]
    assert _recurring("(d) On an annual basis thereafter, the Secretary shall review and update the list.") == [
        (1.0, None, "On an annual basis thereafter", "review and update the list")
    ]
    assert _recurring("Member States shall, on an annual basis, report to the Commission about the fines.") == [
        (1.0, None, "on an annual basis", "report to the Commission about the fines")
    ]
    assert _recurring("(A) on at least an annual basis, develop and publish supply and demand forecasts.")[0][1:] == (
        "at least",
        "on at least an annual basis",
        "develop and publish supply and demand forecasts",
    )
    assert _recurring("This directive will be reviewed every two years.")[0][:3] == (0.5, None, "every two years")
    # In the passive, with its subject, as a dated duty is.
    assert _recurring("This directive will be reviewed every two years.")[0][3] == "This directive will be reviewed"
    assert _recurring("No less than annually the Secretary shall review the regulations.")[0][:2] == (1.0, "at least")
    assert _recurring("The Committee shall convene at least once a year to review the Guidelines.")[0][:2] == (
        1.0,
        "at least",
    )
    assert [(f.value, f.unit, f.frequency) for f in find_quantities("每季度发布人工智能产业统计数据。", 1)] == [
        (4.0, "per year", "每季度")
    ]
    assert [(f.value, f.unit) for f in find_quantities("每年更新发布政策措施。", 1)] == [(1.0, "per year")]


def test_a_frequency_that_commits_to_nothing_is_no_duty() -> None:
    for sentence in [
        # a description, with no verb of intent
        "Investments in AI lag behind, with this lag becoming increasingly pronounced each year.",
        # "a year" alone is a span, not a schedule
        "We will complete the review within a year.",
        # a condition
        "Where the Board meets annually, it shall invite observers.",
        # a definition
        "The term “annual report” means a report submitted each year.",
    ]:
        assert _recurring(sentence) == [], sentence
    # A count on a schedule is that count, with its frequency (no second, recurring duty).
    found = find_quantities("We shall nurture at least 10 benchmark projects each year.", 1)
    assert [(f.value, f.unit, f.frequency) for f in found] == [(10.0, "count", "each year")]
    # A dated duty that then recurs is the dated duty, with its frequency.
    found = find_quantities("By 2 August 2025, and once every two years thereafter, Member States shall report.", 1)
    assert [(f.unit, f.deadline_date, f.frequency) for f in found] == [
        ("date", "2025-08-02", "once every two years thereafter")
    ]


def test_a_year_alone_dates_a_commitment() -> None:
    """ "By 2026, Jing'an Park … shall be basically built into …" is due at the end of 2026;
    "before 2026" at the end of 2025; a year range is no deadline."""

    def dated(text: str) -> list[tuple[str, str | None]]:
        return [(f.unit, f.deadline_date) for f in find_quantities(text, 1)]

    assert dated("By 2026, Jing'an Park of Zhangjiang shall be basically built into a leading park.") == [
        ("date", "2026-12-31")
    ]
    assert dated("The service industry shall develop into an innovation-led system by 2025.") == [
        ("date", "2025-12-31")
    ]
    assert dated("Before 2026, the platform will be opened to the public.") == [("date", "2025-12-31")]
    assert dated("By the end of 2026, the industrial space will be expanded to the whole district.") == [
        ("date", "2026-12-31")
    ]
    assert dated("The plan for 2025-2026 shall be implemented.") == []
    assert dated("By 2026 the park was a leading one.") == []  # no will or shall: a description


def test_a_date_printed_day_month_year_is_a_deadline() -> None:
    def dated(text: str) -> list[tuple[str, str | None]]:
        return [(f.unit, f.deadline_date) for f in find_quantities(text, 1)]

    assert dated("By 2 November 2024, each Member State shall identify the public authorities.") == [
        ("date", "2024-11-02")
    ]
    assert dated(
        "The Commission shall, after consulting the Board, and no later than 2 February 2026, provide guidelines."
    ) == [("date", "2026-02-02")]
    # A date that says which systems a rule is for is not when it is due.
    assert dated(
        "Providers of models that have been placed on the market before 2 August 2025 shall take the necessary "
        "steps in order to comply by 2 August 2027."
    ) == [("date", "2027-08-02")]
    assert dated(
        "AI systems that have been placed on the market or put into service before 2 August 2027 shall be "
        "brought into compliance with this Regulation by 31 December 2030."
    ) == [("date", "2030-12-31")]


def test_what_a_body_is_made_of_is_not_a_target() -> None:
    for sentence in [
        "The Committee shall have 1 executive secretary, who shall be a member under paragraph (4) 3.",
        "The Board shall have two vice-chairpersons elected from among its members.",
        "The Council will have up to 3 deputy directors-general.",
        "The committee shall consist of up to 45 members.",
        "The panel is composed of 12 members appointed by the Minister.",
    ]:
        assert find_quantities(sentence, 1) == [], sentence
    # Members that are enterprises are what an alliance grows to, not its offices.
    assert [f.value for f in find_quantities("The alliance will have 500 member enterprises by 2027.", 1)] == [500.0]


def test_standing_limits_of_a_procedure_are_not_duties() -> None:
    """Limits that apply each time a case arises (the EU AI Act's articles 36, 73, 75): counted
    from what befalls a case or from a step of the procedure, or bare in a sentence that opens with
    its case. A one-off report, or a limit counted from the order, stays a duty."""
    for sentence in [
        "Where its designation has been suspended, restricted, or fully or partially withdrawn, the notified "
        "body shall inform the providers concerned within 10 days.",
        "(b) submit a report on its findings to the Commission within three months of having notified the changes.",
        "The provider shall confirm in writing, within three months of the suspension or restriction, that another "
        "notified body is assuming the functions.",
        "The report shall be made immediately, and, in any event, not later than 15 days after the provider or, "
        "where applicable, the deployer, becomes aware of the serious incident.",
        "The report shall be provided not later than 10 days after the date on which the provider becomes aware "
        "of the serious incident.",
        "The market surveillance authority shall take appropriate measures within seven days from the date it "
        "received the notification referred to in paragraph 1.",
        "In that case, the AI Office shall supply to the applicant authority without delay, and in any event "
        "within 30 days, any information that it considers relevant.",
        "In the event of the withdrawal of a designation, the notifying authority shall within one month inform "
        "the Commission.",
    ]:
        assert _duties(sentence) == [], sentence
    assert _duties("The Commission shall draw up a report not later than nine months before the end of the period.")
    assert _duties(
        "Within 90 days of the date of this order, the Secretary shall report on incidents he becomes aware of."
    )


def test_a_target_stated_again_is_one_target() -> None:
    """A plan's objective repeated in its tasks is one target; the same number of another thing,
    or by another year, is another target."""
    from tools.targets.placement import restates

    def one(text: str) -> object:
        (found,) = [f for f in find_quantities(text, 1) if f.unit != "date"]
        return found

    objective = one("There shall be 5 unicorn and invisible champion companies by 2026.")
    assert restates(
        one("By the end of 2026, we shall cultivate a total of 5 unicorn and hidden champion enterprises."), objective
    )
    reserve = one("We shall achieve the goal of reserving one million square meters in three years.")
    assert restates(one("We shall achieve in three-year the reserve of 1 million square meters."), reserve)
    assert not restates(
        one("We shall achieve the goal of releasing one million square meters in three years."), reserve
    )
    assert not restates(one("By 2026, we shall cultivate 5 future industrial technology centers."), objective)
    assert not restates(one("By 2030, we shall cultivate 5 unicorn and hidden champion enterprises."), objective)
    assert not restates(one("By 2026, we shall cultivate 6 unicorn and hidden champion enterprises."), objective)
    laboratories = one("By 2026, we shall build 10 key laboratories.")
    assert not restates(one("By 2026, we shall build 10 innovation laboratories."), laboratories)
    # Two deadlines of the same length are two duties.
    from tools.targets.duties import in_sentence

    (first,) = in_sentence("Within 90 days of the date of this order, the Secretary shall issue guidance.", 1)
    assert not restates(first, first)


def test_a_date_printed_day_first_is_a_deadline_and_a_date_before_it_a_condition() -> None:
    """The EU's "by 2 August 2025", "no later than 2 February 2026", "at the latest by 2 May 2025";
    "placed on the market before 2 August 2027" says which systems, not when."""
    from tools.targets.duties import in_sentence

    def read(text: str) -> list[tuple[str | None, str | None, str]]:
        return [(d.deadline, d.deadline_date, d.counted) for d in in_sentence(text, 1)]

    assert read("Codes of practice shall be ready at the latest by 2 May 2025.") == [
        ("at the latest by 2 May 2025", "2025-05-02", "Codes of practice shall be ready")
    ]
    assert read(
        "The Commission shall, after consulting the Board, and no later than 2 February 2026, provide guidelines."
    ) == [("no later than 2 February 2026", "2026-02-02", "provide guidelines")]
    assert read("By 2 November 2024, each Member State shall identify the public authorities.") == [
        ("by 2 November 2024", "2024-11-02", "identify the public authorities")
    ]
    # The deadline that ends the action, and a second clause after it, are not what is to be done.
    assert read("That guidance shall be issued by 2 August 2025, and shall be assessed regularly.") == [
        ("by 2 August 2025", "2025-08-02", "That guidance shall be issued")
    ]
    assert read(
        "1. Without prejudice to Article 5, point (a), AI systems that have been placed on the market before "
        "2 August 2027 shall be brought into compliance with this Regulation by 31 December 2030."
    ) == [
        (
            "by 31 December 2030",
            "2030-12-31",
            "AI systems that have been placed on the … shall be brought into compliance with this Regulation",
        )
    ]
    assert read("If, by 2 August 2025, a code of practice cannot be finalised, the Commission may act.") == []


def test_the_time_a_holder_has_to_comply_is_a_dated_duty() -> None:
    """Canada's "will have until June 24, 2026 to comply": due that day, with who is to comply."""
    from tools.targets.duties import in_sentence

    def read(text: str) -> list[tuple[str | None, str | None, str]]:
        return [(d.deadline, d.deadline_date, d.counted) for d in in_sentence(text, 1)]

    assert read("1.2.2 Agents of Parliament will have until June 24, 2026, to comply with the requirements.") == [
        ("until June 24, 2026", "2026-06-24", "Agents of Parliament to comply with the requirements")
    ]
    assert read("Existing systems shall have until 1 March 2027 to meet the new standard.") == [
        ("until 1 March 2027", "2027-03-01", "Existing systems to meet the new standard")
    ]


def test_a_count_that_a_dated_duty_delivers_is_one_target() -> None:
    """ "Within 540 days …, establish at least four new Institutes": one target, the count, due when
    the duty is; a count the duty only mentions leaves the duty its own target."""

    def read(text: str) -> list[tuple[str, float, str | None, str | None]]:
        return [(f.unit, f.value, f.deadline_after, f.deadline_date) for f in find_quantities(text, 1)]

    assert read(
        "(iii) Within 540 days of the date of this order, establish at least four new National AI Research Institutes."
    ) == [("count", 4.0, "P540D", None)]
    assert read(
        "By February 28, 2025, the Secretary of Defense and the Secretary of Energy shall, if possible, each "
        "identify a minimum of 3 sites on Federal land."
    ) == [("count", 3.0, None, "2025-02-28")]
    assert read(
        "Member States shall ensure that their competent authorities establish at least one AI regulatory sandbox "
        "at national level, which shall be operational by 2 August 2026."
    ) == [("count", 1.0, None, "2026-08-02")]
    assert read(
        "Within 90 days of the date of this order, the Secretary shall submit a report on the staffing of at least "
        "12 laboratories."
    ) == [("days", 90.0, "P90D", None), ("count", 12.0, "P90D", None)]


def test_a_duty_recurring_every_few_years_says_how_often() -> None:
    from tools.targets.duties import in_sentence

    for text, frequency in [
        (
            "By 2 August 2028 and every four years thereafter, the Commission shall evaluate the Regulation.",
            "every four years thereafter",
        ),
        (
            "By 2 August 2025, and once every two years thereafter, Member States shall report to the Commission.",
            "once every two years thereafter",
        ),
        (
            "The Committee shall review it no later than five years following its revision and at least every ten years thereafter.",
            "at least every ten years thereafter",
        ),
    ]:
        assert [d.frequency for d in in_sentence(text, 1)] == [frequency], text


def test_a_deadline_keeps_the_event_it_counts_from_in_any_wording() -> None:
    """ "Within 180 days of submitting the report required under subsection 4.5(a)": the event is
    part of the deadline, and there is no date until the event's is known."""
    for text, deadline in [
        (
            "(b) Within 180 days of submitting the report required under subsection 4.5(a) of this section, and "
            "updated periodically thereafter, the Secretary of Commerce shall develop guidance.",
            "within 180 days of submitting the report required under subsection 4.5(a) of this section",
        ),
        (
            "(ii) Within 180 days of establishing the plan described in subsection (d)(i) of this section, the "
            "Secretary shall submit a report to the President.",
            "within 180 days of establishing the plan described in subsection (d)(i) of this section",
        ),
        (
            "The Secretaries shall conclude such consultations within 90 days of the initiation of such "
            "consultations when feasible.",
            "within 90 days of the initiation of such consultations",
        ),
        (
            "(ii) The Task Force shall work to ensure the resources are ready for use within 180 days following the "
            "Task Force’s formal announcement of the first slate of public-private partnerships.",
            "within 180 days following the Task Force’s formal announcement of the first slate of public-private "
            "partnerships",
        ),
    ]:
        assert [(d, after) for d, after, _ in _duties(text)] == [(deadline, None)], text


def test_whichever_comes_later_has_no_date_until_both_are_known() -> None:
    ((deadline, after, _),) = _duties(
        "(iii) within 270 days of the date of this order or 180 days after the Copyright Office publishes its "
        "forthcoming AI study, whichever comes later, consult with the Director and issue recommendations."
    )
    assert after is None
    assert deadline == (
        "within 270 days of the date of this order or 180 days after the Copyright Office publishes its "
        "forthcoming AI study, whichever comes later"
    )
    ((_, after, _),) = _duties("Within 90 days of the date of this order or upon request, the Secretary shall report.")
    assert after == "P90D"


def test_how_long_a_thing_stays_open_is_no_duty() -> None:
    assert _duties("The solicitations shall close within 30 days of their issuance.") == []
    assert _duties("The comment period shall remain open within 60 days of the date of this order.") == []


def _duty_target(ident: str, measure: str, line: int, sentence: str) -> Target:
    from tools.targets.duties import in_sentence

    found = [*in_sentence(sentence, line), *find_quantities(sentence, line)][0]
    fields = {k: getattr(found, k) for k in found.__dataclass_fields__}
    return Target(id=ident, notice="n", measure=measure, part=None, kind="duties", **fields)


def test_a_deadline_from_an_event_falls_due_once_the_duty_that_makes_it_is_done() -> None:
    """The duty that produces the event: the subsection the deadline names (its item, where the
    subsection is an item of a measure; "(a)" of the same section), else the nearest duty before it
    that does the act to the thing; due that duty's recorded date plus the duration."""
    from types import SimpleNamespace
    from typing import cast

    from tools.follow import event_dues
    from tools.models import Notice, Update

    targets = [
        _duty_target(
            "guidance",
            "sec-10-1-b",
            10,
            "(b) Within 150 days of the date of this order, the Director of OMB shall issue guidance to agencies.",
        ),
        _duty_target(
            "tools",
            "sec-10-1-d",
            20,
            "(i) within 90 days of the issuance of the guidance, the Secretary of Commerce shall develop guidelines.",
        ),
        _duty_target(
            "first",
            "sec-4-3-a",
            30,
            "(i) Within 90 days of the date of this order, the Secretary shall publish guidelines.",
        ),
        _duty_target(
            "third",
            "sec-4-3-a",
            32,
            "(iii) Within 180 days of the date of this order, the Secretary shall incorporate the framework into "
            "safety guidelines.",
        ),
        _duty_target(
            "mandate",
            "sec-4-3-a",
            34,
            "(iv) Within 240 days of the completion of the guidelines described in subsection 4.3(a)(iii) of this "
            "section, the APNSA shall coordinate work.",
        ),
        _duty_target(
            "list",
            "sec-4-a",
            40,
            "Within 60 days of the date of this order, the Secretary shall identify and submit to the APST a "
            "detailed list of at least 20 challenges.",
        ),
        _duty_target(
            "review",
            "sec-4-b",
            42,
            "(b) Within 30 days of submission of the list described in subsection (a) of this section, the APST "
            "shall review the proposed list.",
        ),
        _duty_target(
            "report",
            "sec-4-5",
            50,
            "(a) Within 240 days of the date of this order, the Secretary shall submit a report.",
        ),
        _duty_target(
            "follow-up",
            "sec-4-5",
            52,
            "(b) Within 180 days of submitting the report required under subsection 4.5(a) of this section, the "
            "Secretary shall develop guidance.",
        ),
    ]

    def met(target: str, day: str) -> Update:
        return Update(target=target, date=day, outcome="met", quote="", line=1, path="")

    updates = {
        "guidance": [met("guidance", "2024-03-28")],
        "first": [met("first", "2024-01-10")],
        "third": [met("third", "2024-04-29")],
        "list": [met("list", "2026-02-13")],
    }
    dues = event_dues(cast(Notice, SimpleNamespace(targets=targets)), updates)
    assert dues == {
        "tools": ("2024-06-26", "guidance"),
        "mandate": ("2024-12-25", "third"),
        "review": ("2026-03-15", "list"),
    }  # the report of 4.5(a) has no record: its follow-up has no date yet
    updates["report"] = [met("report", "2024-07-01")]
    dues = event_dues(cast(Notice, SimpleNamespace(targets=targets)), updates)
    assert dues["follow-up"] == ("2024-12-28", "report")


def test_a_deadline_counted_back_from_a_period_the_text_defines_is_dated() -> None:
    for text, due in [
        (
            "2. The power shall be conferred on the Commission for a period of five years from 1 August 2024. The "
            "Commission shall draw up a report not later than nine months before the end of the five-year period.",
            "2028-11-01",
        ),
        (
            "The mandate runs for a period of three years from March 1, 2025. The Board shall submit its findings "
            "no later than 60 days before the end of the three-year period.",
            "2028-01-01",  # 60 days before 1 March 2028, a leap year
        ),
        # No period of that length defined: no date.
        (
            "The Commission shall draw up a report not later than nine months before the end of the five-year period.",
            None,
        ),
    ]:
        assert [f.deadline_date for f in find_quantities(text, 1)] == [due], text


def test_a_deadline_from_the_texts_own_date_counts_from_that_date_in_its_metadata() -> None:
    """ "within two years of the effective date of this Act": from when it took effect (its
    promulgation, for a text that takes effect then); "following its revision": from its amendment."""
    from types import SimpleNamespace
    from typing import cast

    from tools.follow import due_date
    from tools.models import Notice

    def due(sentence: str, dates: dict[str, str], text: str = "") -> str | None:
        meta = {"dates": {k: {"date": v} for k, v in dates.items()}}
        notice = cast(Notice, SimpleNamespace(meta=meta, files=SimpleNamespace(text=text)))
        return due_date(_duty_target("t", "art-18", 1, sentence), notice)[0]

    act = "The government shall, within two years of the effective date of this Act, complete the repeal of such laws."
    assert due(act, {"adopted": "2025-12-23", "in_force": "2026-01-14"}) == "2028-01-14"
    taking_effect = "This Act shall take effect on the date of its promulgation."
    assert due(act, {"adopted": "2025-12-23", "promulgated": "2026-01-14"}, taking_effect) == "2028-01-14"
    assert due(act, {"adopted": "2025-12-23"}) is None  # when it took effect is not known
    revised = (
        "The Committee shall report to Council no later than five years following its revision and at least every "
        "ten years thereafter."
    )
    assert due(revised, {"adopted": "2019-05-22", "amended": "2024-05-03"}) == "2029-05-03"
    regulation = "The Commission shall, within 12 months of the entry into force of this Regulation, adopt guidelines."
    assert due(regulation, {"adopted": "2024-06-13", "in_force": "2024-08-01"}) == "2025-08-01"


def test_what_a_duty_is_to_do_is_read_whole() -> None:
    """Not cut at an abbreviation or a section number, nor at a hard line break; the item's own
    action, not a clause that follows it, a purpose or the deadline; the action after "shall", not
    the subject."""
    assert _duties(
        "(ii) within 60 days of the date of this order, consider authorizing the use of appointments under "
        "5 C.F.R. 213.3102(i)(3) to hire staff;"
    )[0][2] == ("consider authorizing the use of appointments under 5 C.F.R. 213.3102(i)(3) to hire staff")
    assert _duties(
        "The Secretary shall, within 180 days of the date of this order, publish a plan, informed by the guidance "
        "issued pursuant to section 10.1(b) of this order, on benefits."
    )[0][2] == ("publish a plan, informed by the guidance issued pursuant to section 10.1(b) of this …")
    assert _duties(
        "Codes shall be filed under 42 U.S.C. 1320 within 30 days of the date of this order by the agencies."
    )[0][2].startswith("Codes shall be filed under 42 U.S.C. 1320 within")
    assert (
        _duties(
            "(i) within 60 days of the date of this order, conduct a review of hiring authority and grant it; this "
            "review shall include the following job series:"
        )[0][2]
        == "conduct a review of hiring authority and grant it"
    )
    assert (
        _duties(
            "(c) Within 365 days of the date of this order, to promote safe and responsible deployment of AI abroad:"
        )[0][2]
        == "the actions listed below"
    )
    assert (
        _duties(
            "To advance understanding, the following actions shall be taken within 180 days of the date of this order:"
        )[0][2]
        == "the actions listed below"
    )
    assert (
        _duties(
            "d) report to Council no later than five years following its revision and at least every ten years thereafter."
        )[0][2]
        == "report to Council"
    )
    (dated,) = find_quantities(
        "The Secretary of Energy, in consultation with the Secretary of Defense, shall take steps to enable "
        "transmission for Federal sites by the end of 2027.",
        1,
    )
    assert dated.counted == "take steps to enable transmission for Federal sites"
    (built,) = find_quantities(
        "The Pengcheng Cloud Brain III project will start construction before the end of 2023.", 7
    )
    assert built.counted == "The Pengcheng Cloud Brain III project will start construction"


def test_a_line_broken_off_mid_phrase_is_read_with_the_next() -> None:
    from tools.models import Node, Numbering, SourceLine
    from tools.targets.placement import extract

    raw = [
        "(h)  Within 180 days of the date of this order, the Secretary of Defense shall submit a report through the "
        "Assistant to the President for",
        "National Security Affairs that includes:",
        "",
        "The Secretary shall, within 90 days of the date of this order, report to",
    ]
    lines = [SourceLine(number=i + 1, raw=r, norm=r.strip(), index=i) for i, r in enumerate(raw) if r]
    node = Node("sec-1", Numbering("x", "", 1), None, line=1, end_line=4, is_measure=True, first=0, last=3)
    targets = extract("n", [(node, True, lines, "")], []).targets
    assert [(t.line, t.counted) for t in targets] == [
        (1, "submit a report through the Assistant to the President for National Security Affairs that …"),
        (4, "report to"),
    ]
    assert targets[0].sentence.endswith("for\nNational Security Affairs that includes:")


def test_what_a_count_counts_keeps_a_gloss_and_what_it_is_designated_as() -> None:
    (agents, _) = find_quantities(
        "We shall cultivate more than 10 benchmark projects for intelligent agents (agents) or vertical models on "
        "a yearly basis; form 50 projects by 2028.",
        1,
    )
    assert agents.counted == "benchmark projects for intelligent agents (agents) or vertical models"
    (zones,) = find_quantities(
        "By March 15, 2025, the Secretary of the Interior shall, if possible, designate at least five regions "
        "composed of lands or subsurface areas managed by the Department of the Interior as Priority Geothermal "
        "Zones (PGZs).",
        1,
    )
    assert (zones.value, zones.counted) == (5.0, "regions designated as Priority Geothermal Zones (PGZs)")
    (sites,) = find_quantities("The agency shall name 3 sites in the West as Testing Hubs by 2026.", 1)
    assert sites.counted == "sites designated as Testing Hubs"


def test_what_exists_and_rates_are_told_from_amounts_promised() -> None:
    """ "the 17 National Laboratories" counts what there is; "10 billion yuan per square kilometer" is
    a rate (its unit says so, and it adds up with no amount); "a minimum of 3 sites" is at least 3,
    for each holder when each is to identify them."""

    def read(text: str) -> list[tuple[float, str, str | None, str]]:
        return [(f.value, f.unit, f.qualifier, f.counted) for f in find_quantities(text, 1)]

    assert read("(v) establish an office to coordinate programs across the 17 National Laboratories.") == []
    # The offices there are counted nothing; the sentence is still a commitment dated by its year.
    assert read("We shall expand its 12 regional offices by 2027.") == [
        (0.0, "date", "by", "expand its 12 regional offices")
    ]
    assert read("We shall build at least 12 regional offices by 2027.") == [
        (12.0, "count", "at least", "regional offices")
    ]
    assert read(
        "By 2026, the regional gross product shall reach 175 billion yuan, achieving an output value of 10 billion "
        "yuan per square kilometer."
    ) == [(175e9, "yuan", None, "regional gross product"), (10e9, "yuan per square kilometer", None, "output value")]
    assert read("Each district shall invest 5 million yuan per capita in training by 2027.")[0][1] == "yuan per capita"
    assert read("We shall raise 100 million yuan per year for the fund by 2027.")[0][1] == "yuan"  # a yearly amount
    assert read(
        "By February 28, 2025, the Secretary of Defense and the Secretary of Energy shall, if possible, each "
        "identify a minimum of 3 sites on Federal land."
    ) == [(3.0, "count", "at least", "sites for each holder")]
    assert read("By 2026, the agency shall identify a minimum of 4 sites.") == [(4.0, "count", "at least", "sites")]


def test_a_count_cut_before_the_next_keeps_no_dangling_and() -> None:
    """ "at least one notifying authority and at least one market surveillance authority": two
    counts, the first of a notifying authority, not of a "notifying authority and"."""
    found = find_quantities(
        "Each Member State shall establish or designate as national competent authorities at least one notifying"
        " authority and at least one market surveillance authority for the purposes of this Regulation.",
        1,
    )
    assert [f.counted for f in found][:1] == ["notifying authority"]


def test_a_schedule_set_for_others_is_not_the_holder_s_recurring_duty() -> None:
    """The Secretary sets the requirement once; the providers report annually."""
    from tools.targets.duties import recurring

    assert not recurring(
        "The Secretary shall further establish appropriate requirements for transmission providers and"
        " transmission organizations to continue reporting information on an ongoing basis, and in any event"
        " no less than annually.",
        1,
    )
    assert not recurring("The Director shall require each grantee to report to the Director annually.", 1)
    # The holder's own schedule: its own verb, or a requirement laid on the holder itself.
    assert recurring("The Secretary shall report to the President annually on the progress made.", 1)
    assert recurring("Agencies shall be required to report annually on their use of AI.", 1)
    # Those an order directs hold what it directs them to do.
    assert recurring("I hereby direct the Secretary of Labor to report to the President annually on hiring.", 1)


def test_a_recurring_duty_says_its_action_then_how_often() -> None:
    """The schedule is the target's value: what is counted is the action without it, with no hedge
    left dangling ("in principle")."""
    from tools.targets.duties import recurring

    (forum,) = recurring("The advisory forum shall hold meetings at least twice a year.", 1)
    assert (forum.counted, forum.frequency) == ("hold meetings", "at least twice a year")
    (plan,) = recurring("We will review and revise this Plan as needed, in principle annually.", 1)
    assert plan.counted == "review and revise this Plan as needed"


def test_a_deadline_belongs_to_the_duty_of_its_own_shall() -> None:
    """Two duties in one sentence: the date is the second's, the count is what it delivers (one
    target), and the grantees' yearly reports are their schedule, not the count's frequency."""
    (found,) = find_quantities(
        "The Director of the National Science Foundation shall establish requirements for grantees to report"
        " annually on their use of AI, and shall fund at least 3 pilot projects by December 31, 2026.",
        1,
    )
    assert (found.value, found.counted, found.deadline, found.frequency) == (
        3.0,
        "pilot projects",
        "by December 31, 2026",
        None,
    )
    (guidance,) = find_quantities("That guidance shall be issued by 2 August 2025, and shall be assessed regularly.", 1)
    assert guidance.counted == "That guidance shall be issued"


def test_a_second_duty_with_its_own_deadline_is_read_too() -> None:
    """ "… review existing ECQs … and, within 365 days of the date of this order, implement new
    ECQs": two duties of one item; a later date that describes the first duty's object is not."""
    from tools.targets.duties import in_sentence

    found = in_sentence(
        "(vii) within 180 days of the date of this order, review existing Executive Core Qualifications and,"
        " within 365 days of the date of this order, implement new ECQs as appropriate in the SES assessment"
        " process;",
        1,
    )
    assert [(f.value, f.counted) for f in found] == [
        (180.0, "review existing Executive Core Qualifications"),
        (365.0, "implement new ECQs as appropriate in the SES assessment process"),
    ]
    assert (
        len(
            in_sentence(
                "By February 28, 2025, the Secretary shall identify sites that can be operational by the end of 2027.",
                1,
            )
        )
        == 1
    )


def test_a_subject_that_points_back_takes_the_holder_of_the_sentence_before() -> None:
    """ "That guidance shall be issued …", "They shall also annually report …": the body that
    holds the duty of the sentence before."""
    assert _holders("""
        Executive Order on Examples

        Sec. 4.  Guidance.  (a)  The Secretary of Commerce shall develop guidance on reporting incidents.  That guidance shall be issued within 90 days of the date of this order.

        (b)  The Director of OMB and the Director of OSTP shall review the agencies' plans.  They shall also report to the President within 180 days of the date of this order.  It is the policy of my Administration to act within 30 days of the date of this order.
        """) == [
        ("within 90 days of the date of this order", "us-doc"),
        ("within 180 days of the date of this order", "us-omb"),
    ]
    # The instrument itself points back to no body.
    from tools import regexes

    assert not regexes.ANAPHORIC_SUBJECT.match("This Regulation shall apply from 2 August 2026.")
    assert not regexes.ANAPHORIC_SUBJECT.match(
        "This order shall be implemented within 90 days of the date of this order."
    )
    assert regexes.ANAPHORIC_SUBJECT.match("That guidance shall be issued by 2 August 2025.")
