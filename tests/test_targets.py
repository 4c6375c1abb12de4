"""Targets: every quantified commitment found (recall), and nothing else (precision)."""

from __future__ import annotations

from tools.models import Archive, Target
from tools.targets import find_quantities

from .test_parse import JINGAN, SHANGHAI, SHENZHEN, ZHANGJIANG, notice

# (location, value, value_max, unit, qualifier, deadline or frequency, kind): the whole ledger.
EXPECTED = {
    JINGAN: [
        ("i", 50, None, "count", "over", "by the end of 2028", "projects"),
        ("i", 10, None, "count", "over", "on a yearly basis", "projects"),
    ],
    ZHANGJIANG: [
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
        ("ii-6", 5, None, "count", "in total", "by the end of 2026", "enterprises"),
        ("ii-6", 100, None, "count", None, "by the end of 2026", "enterprises"),
        ("ii-6", 1000, None, "count", None, "by the end of 2026", "enterprises"),
        ("ii-10", 1e6, None, "square meters", None, "in three-year", "space"),
        ("ii-10", 1e6, None, "square meters", None, "in three-year", "space"),
        ("ii-10", 1e6, None, "square meters", None, "in three-year", "space"),
    ],
    SHANGHAI: [],
    SHENZHEN: [
        # "The Pengcheng Cloud Brain III project will start construction before the end of 2023."
        ("m-1", 0.0, None, "date", "by", "before the end of 2023", "duties"),
        ("m-4", 5, None, "count", "over", None, "laboratories-and-platforms"),
        # "Before the end of 2023, public data opening management measures … will be formulated."
        ("m-13", 0.0, None, "date", "by", "before the end of 2023", "duties"),
        ("m-16", 100e9, None, "yuan", None, None, "funds"),
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
        "We shall hold the 8K+5G+AI Technology Summit Forum on the 8th of each month.",
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
    assert find_quantities("The advisory forum shall hold meetings at least twice a year.", 1) == []


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
    assert read("We shall expand its 12 regional offices by 2027.") == []
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
