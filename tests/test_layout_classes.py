"""Specification tests for six classes of layout the parser misreads (or did misread): what a careful
human reader makes of each, on short invented texts, several variants per class.

1. A national plan whose recommendations are numbered straight through the document ("1." … "N.")
   under chapters ("1. Title" or "Chapter 1 Title") and sections ("1.1 Title") that are numbered
   too, with prose, unnumbered sub-headings and bullets between them, and end notes numbered
   "1." … "k." again at the end.
2. A statute whose sections are bare numbers ("7 A person who …"), each with a marginal note (its
   title) on the line above, subsections "(1)" and paragraphs "(a)" as its content, definitions in
   between, and perhaps "PART 1" / "Part 2 — Title" headings.
3. A memorandum whose taskings are "(i)" items under lettered subsections under numbered sections,
   each with its own deadline; "(i)" right after "(h)" is still a Roman numeral when "(ii)" follows.
4. Chinese responsibility written without the 责任单位 label (…按职责分工负责。/ …牵头负责，…配合。),
   and counts of what already exists (已建成…, 现有…) that are not targets.
5. A plan whose items carry their kind's name ("Action 1.1  Build shared compute"), numbered
   within parts that may be lettered ("Part A"), titled after spaces alone; and sentences that
   only name a part or an item.
6. Chapters and parts numbered in words ("Chapter One", "PART TWO"), as translations print them.

Where the parser has no form yet (ids of bare-numbered statute sections), the tests choose the one
the existing conventions give and say so; most assertions are on counts, printed numbers, titles
and the first words of each measure, so the implementer keeps freedom over the rest.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from tools.agencies import AliasIndex, attribute
from tools.load import load_registry
from tools.models import Agency, Measure, Node, ParsedNotice
from tools.parse import normalise, parse_notice, split_lines
from tools.targets import find_quantities

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _parse(text: str, path: str = "source.txt") -> ParsedNotice:
    return parse_notice("x", split_lines(textwrap.dedent(text).lstrip("\n")), path=path)


def _nodes(parsed: ParsedNotice) -> dict[str, Node]:
    """Every node of the tree by id."""
    out: dict[str, Node] = {}
    pending = list(parsed.nodes)
    while pending:
        node = pending.pop()
        out[node.id] = node
        pending += node.children
    return out


def _ancestry(parsed: ParsedNotice, measure: Measure) -> list[str | None]:
    """The titles of the parts a measure sits in, outermost first."""
    nodes = _nodes(parsed)
    return [nodes[i].title for i in measure.path]


def _flat(text: str) -> str:
    """A measure's text as one normalised line (line breaks and "**" residue gone)."""
    return normalise(text)


def _covered(parsed: ParsedNotice) -> str:
    """The text the parse kept (front matter, every node's paragraphs and the note above its
    heading, back matter), in document order, without whitespace."""
    lines = [f.line for f in parsed.front_matter] + [f.line for f in parsed.back_matter]
    pending = list(parsed.nodes)
    while pending:
        node = pending.pop()
        lines += node.paragraphs + ([node.note] if node.note else [])
        pending += node.children
    return re.sub(r"\s+", "", "".join(ln.raw for ln in sorted(lines, key=lambda ln: ln.index)))


# =====================================================================================================
# 1. A national plan: recommendations numbered straight through numbered chapters and sections
# =====================================================================================================


@dataclass(frozen=True)
class Plan:
    text: str
    # For each recommendation, in order: the first words of its text after "N. " (normalised), and
    # the titles of the chapter (and section) it sits in.
    recommendations: tuple[tuple[str, tuple[str, ...]], ...]
    chapters: tuple[str, ...]
    notes: tuple[str, ...]  # words of each end note: in no measure
    titles: tuple[str, ...] | None = None  # the lead sentences, where recommendations have one


# Bare "1. Title" chapters, "1.1" sections, bare recommendations, bullets and unnumbered sub-headings
# in the prose, and an "Endnotes" heading before notes that restart at 1.
PLAN_BARE_CHAPTERS = Plan(
    """
    National Strategy for Artificial Intelligence in Public Services
    Foreword
    Artificial intelligence can make public services faster, fairer and more personal. This strategy sets out what the government will do over the next five years.
    1. Lay the foundations for trustworthy AI
    Public trust in AI depends on clear rules, good data and capable institutions.[1]
    1.1 Data and infrastructure
    Public-sector data is held in hundreds of separate systems.
    What we heard
    • Agencies struggle to find and share the data they already hold
    • Shared computing capacity is limited and costly
    1. The Ministry of Finance should establish a national public-sector data library by the end of 2026.
    2. Every agency should appoint a chief data officer accountable for the quality of its data.
    1.2 Rules and assurance
    Existing rules were not written with AI in mind.[2]
    3. The government should publish a register of the algorithmic tools used in decisions about individuals.
    4. An independent assurance body should be set up to test high-risk systems before they are deployed.
    2. Build skills across the public workforce
    2.1 Leaders
    5. The civil service college should offer AI training to all senior officials within two years.
    2.2 Specialists
    Demand for data scientists in government exceeds supply.
    6. The government should create a data and AI profession with its own pay framework.
    7. Agencies should be able to second specialists from universities for up to two years.
    3. Deliver better services
    3.1 Health and care
    8. The health ministry should pilot AI triage tools in at least ten hospitals.
    Our approach
    Pilots will be evaluated independently, and the results published.
    9. The health ministry should publish the evaluation of each pilot within six months of its end.
    Endnotes
    1. OECD, Recommendation of the Council on Artificial Intelligence, 2019.
    2. National Audit Office, Using data in government, 2024.
    3. Civil Service People Survey, 2025.
    """,
    (
        (
            "The Ministry of Finance should establish",
            ("Lay the foundations for trustworthy AI", "Data and infrastructure"),
        ),
        ("Every agency should appoint", ("Lay the foundations for trustworthy AI", "Data and infrastructure")),
        ("The government should publish a register", ("Lay the foundations for trustworthy AI", "Rules and assurance")),
        ("An independent assurance body", ("Lay the foundations for trustworthy AI", "Rules and assurance")),
        ("The civil service college should", ("Build skills across the public workforce", "Leaders")),
        ("The government should create", ("Build skills across the public workforce", "Specialists")),
        ("Agencies should be able to second", ("Build skills across the public workforce", "Specialists")),
        ("The health ministry should pilot", ("Deliver better services", "Health and care")),
        ("The health ministry should publish", ("Deliver better services", "Health and care")),
    ),
    ("Lay the foundations for trustworthy AI", "Build skills across the public workforce", "Deliver better services"),
    ("OECD, Recommendation of the Council", "National Audit Office", "Civil Service People Survey"),
)

# "Chapter 1 Title" chapters, "1.1" sections, recommendations with a bold lead sentence, and end
# notes that simply restart at 1 after the last recommendation, with no heading.
PLAN_CHAPTERS_BOLD_LEADS = Plan(
    """
    Artificial Intelligence Opportunities Plan
    Introduction
    This plan responds to the review of AI opportunities commissioned last year. It makes seven recommendations.
    Chapter 1 Invest in the foundations of AI
    The country has fallen behind its peers in computing capacity.
    1.1 Compute
    1. **Expand sovereign compute.** The government should expand public AI compute twentyfold by 2030.
    2. **Plan for the long term.** A ten-year compute strategy should be published alongside the next spending review.
    1.2 Data
    Key facts
    • Most valuable public datasets are not published
    • Researchers wait months for access to the rest
    3. **Open up public data.** The data office should identify five high-value datasets and make them available to researchers.
    Chapter 2 Change lives by embracing AI
    2.1 Public sector adoption
    4. **Scan, pilot, scale.** Each department should name a senior owner for AI adoption.
    5. **Buy differently.** Procurement rules should allow departments to run short, open challenges.
    6. **Share what works.** A central team should publish reusable components and guidance.
    Chapter 3 Secure our position
    3.1 Talent
    7. **Attract global talent.** The visa route for highly skilled researchers should be widened.
    1. Department for Science, Review of AI opportunities, 2025.
    2. Compute roadmap consultation, 2024.
    """,
    (
        ("Expand sovereign compute. The government", ("Invest in the foundations of AI", "Compute")),
        ("Plan for the long term. A ten-year", ("Invest in the foundations of AI", "Compute")),
        ("Open up public data. The data office", ("Invest in the foundations of AI", "Data")),
        ("Scan, pilot, scale. Each department", ("Change lives by embracing AI", "Public sector adoption")),
        ("Buy differently. Procurement rules", ("Change lives by embracing AI", "Public sector adoption")),
        ("Share what works. A central team", ("Change lives by embracing AI", "Public sector adoption")),
        ("Attract global talent. The visa route", ("Secure our position", "Talent")),
    ),
    ("Invest in the foundations of AI", "Change lives by embracing AI", "Secure our position"),
    ("Department for Science, Review", "Compute roadmap consultation"),
    (
        "Expand sovereign compute",
        "Plan for the long term",
        "Open up public data",
        "Scan, pilot, scale",
        "Buy differently",
        "Share what works",
        "Attract global talent",
    ),
)

# Bare "1. Title" chapters and no decimal sections at all: recommendations (with a plain lead
# sentence) follow their chapter directly; a bullet list introduced by a colon, a titled case study,
# and a "Notes" heading.
PLAN_NO_SECTIONS = Plan(
    """
    Digital Government and AI Roadmap
    Summary
    The roadmap makes eight recommendations in three areas.
    1. Strengthen governance
    Responsibility for AI is spread across many bodies.
    1. Create a single point of accountability. A minister should be given responsibility for AI across government.
    2. Publish clear principles. The cabinet office should publish principles for the use of AI by public bodies.
    Case study: benefits processing
    A pilot in two regional offices cut processing times by a third.
    3. Review the rules on automated decisions. The law on automated decision-making should be reviewed by 2026.
    2. Invest in people
    4. Train every manager. All line managers should complete basic AI training by 2027.
    5. Recruit specialists. Agencies should be allowed to offer market rates for scarce technical skills.
    3. Work in the open
    Openness builds trust. It means:
    • publishing the code of public algorithms
    • consulting users before deployment
    6. Publish algorithmic impact assessments. Every high-risk deployment should be preceded by a published assessment.
    7. Involve the public. Citizens' panels should be convened on the most sensitive uses of AI.
    8. Report annually. The government should report to parliament each year on progress against this roadmap.
    Notes
    1. Cabinet Office, Survey of AI use in government, 2024.
    2. Parliamentary Committee on Public Administration, Report on automated decisions, 2023.
    """,
    (
        ("Create a single point of accountability.", ("Strengthen governance",)),
        ("Publish clear principles.", ("Strengthen governance",)),
        ("Review the rules on automated decisions.", ("Strengthen governance",)),
        ("Train every manager.", ("Invest in people",)),
        ("Recruit specialists.", ("Invest in people",)),
        ("Publish algorithmic impact assessments.", ("Work in the open",)),
        ("Involve the public.", ("Work in the open",)),
        ("Report annually.", ("Work in the open",)),
    ),
    ("Strengthen governance", "Invest in people", "Work in the open"),
    ("Cabinet Office, Survey of AI use", "Parliamentary Committee on Public Administration"),
    (
        "Create a single point of accountability",
        "Publish clear principles",
        "Review the rules on automated decisions",
        "Train every manager",
        "Recruit specialists",
        "Publish algorithmic impact assessments",
        "Involve the public",
        "Report annually",
    ),
)

# "Chapter 1 Title" chapters, decimal sections, bare recommendations, a "References" heading.
PLAN_CHAPTERS_REFERENCES = Plan(
    """
    A Plan for Responsible AI in Schools
    Chapter 1 Give teachers time back
    Teachers spend a third of their week on administration.
    1.1 Marking and feedback
    1. The department should fund trials of AI-assisted marking in 200 schools by 2026.
    2. Exam boards should publish guidance on the use of AI in coursework.
    1.2 Planning
    3. A national library of AI-generated lesson resources should be quality assured by subject experts.
    Chapter 2 Keep pupils safe
    2.1 Safeguarding
    Schools told us that:
    • pupils use AI tools at home with no supervision
    • filters block some tools but not others
    4. The department should set product safety expectations for AI tools used in schools.
    5. Schools should review their safeguarding policies each year to cover AI.
    References
    1. Teacher Workload Survey, 2024.
    2. Ofqual, AI use in assessments, 2024.
    """,
    (
        ("The department should fund trials", ("Give teachers time back", "Marking and feedback")),
        ("Exam boards should publish guidance", ("Give teachers time back", "Marking and feedback")),
        ("A national library of AI-generated", ("Give teachers time back", "Planning")),
        ("The department should set product safety", ("Keep pupils safe", "Safeguarding")),
        ("Schools should review their safeguarding", ("Keep pupils safe", "Safeguarding")),
    ),
    ("Give teachers time back", "Keep pupils safe"),
    ("Teacher Workload Survey", "Ofqual, AI use in assessments"),
)

# Bare "1. Title" chapters and decimal sections, and end notes that restart at 1 with no heading.
PLAN_BARE_NO_NOTES_HEADING = Plan(
    """
    National Compute Strategy
    1. Build capacity
    1.1 Public compute
    1. The research council should procure a national AI supercomputer by 2027.
    2. Access to public compute should be free for academic researchers.
    1.2 Energy
    3. New data centres should be connected to the grid within three years of application.
    2. Make compute go further
    2.1 Efficiency
    4. The research council should fund research into energy-efficient training methods.
    5. Public compute should report its energy use every year.
    1. International Energy Agency, Energy and AI, 2025.
    2. Compute Review, 2023.
    """,
    (
        ("The research council should procure", ("Build capacity", "Public compute")),
        ("Access to public compute should be free", ("Build capacity", "Public compute")),
        ("New data centres should be connected", ("Build capacity", "Energy")),
        ("The research council should fund research", ("Make compute go further", "Efficiency")),
        ("Public compute should report", ("Make compute go further", "Efficiency")),
    ),
    ("Build capacity", "Make compute go further"),
    ("International Energy Agency", "Compute Review"),
)

PLANS = {
    "bare-chapters-endnotes": PLAN_BARE_CHAPTERS,
    "chapter-word-bold-leads-no-heading": PLAN_CHAPTERS_BOLD_LEADS,
    "no-decimal-sections-notes": PLAN_NO_SECTIONS,
    "chapter-word-references": PLAN_CHAPTERS_REFERENCES,
    "bare-chapters-no-notes-heading": PLAN_BARE_NO_NOTES_HEADING,
}


@pytest.mark.parametrize("plan", PLANS.values(), ids=PLANS.keys())
def test_plan_recommendations_are_the_measures(plan: Plan) -> None:
    """Recommendations 1 … N, each once and in order, with nothing else among them."""
    parsed = _parse(plan.text)
    assert [m.number.rstrip(".") for m in parsed.measures] == [str(i) for i in range(1, len(plan.recommendations) + 1)]
    starts = [f"{i}. {words}" for i, (words, _) in enumerate(plan.recommendations, 1)]
    assert [_flat(m.text)[: len(s)] for m, s in zip(parsed.measures, starts, strict=False)] == starts


@pytest.mark.parametrize("plan", PLANS.values(), ids=PLANS.keys())
def test_plan_chapters_and_sections_are_parts(plan: Plan) -> None:
    """Each recommendation sits in its chapter (and section); chapters are the top-level parts, in order."""
    parsed = _parse(plan.text)
    expected = [path for _, path in plan.recommendations]
    assert [tuple(_ancestry(parsed, m)) for m in parsed.measures[: len(expected)]] == expected
    assert [n.title for n in parsed.nodes][: len(plan.chapters)] == list(plan.chapters)
    assert all(not n.is_measure for n in parsed.nodes[: len(plan.chapters)])


@pytest.mark.parametrize("plan", PLANS.values(), ids=PLANS.keys())
def test_plan_end_notes_are_not_measures(plan: Plan) -> None:
    """The end notes are neither measures nor part of the last recommendation."""
    parsed = _parse(plan.text)
    assert len(parsed.measures) == len(plan.recommendations)
    for note in plan.notes:
        assert [m.number for m in parsed.measures if note in _flat(m.text)] == [], note


@pytest.mark.parametrize("plan", PLANS.values(), ids=PLANS.keys())
def test_plan_is_read_without_complaint(plan: Plan) -> None:
    """A well-formed plan: no numbering problem reported (two numberings that are both correct)."""
    assert [str(p) for p in _parse(plan.text).problems] == []


@pytest.mark.parametrize("plan", [p for p in PLANS.values() if p.titles], ids=[k for k, p in PLANS.items() if p.titles])
def test_plan_lead_sentences_are_titles(plan: Plan) -> None:
    parsed = _parse(plan.text)
    titles = list(plan.titles or ())
    assert [m.title for m in parsed.measures[: len(titles)]] == titles


def test_plan_ids_run_straight_through() -> None:
    """Recommendations numbered straight through chapters and sections drop them from their ids (as
    Shenzhen's "m-1" … "m-18" do), and are cited by their number alone."""
    parsed = _parse(PLAN_BARE_CHAPTERS.text)
    assert [m.id for m in parsed.measures] == [f"m-{i}" for i in range(1, 10)]
    assert [m.cited_as for m in parsed.measures] == [str(i) for i in range(1, 10)]


@pytest.mark.parametrize("plan", PLANS.values(), ids=PLANS.keys())
def test_plan_bullets_and_sub_headings_are_prose(plan: Plan) -> None:
    """Bullets and unnumbered sub-headings between recommendations are not measures."""
    parsed = _parse(plan.text)
    prose = ("•", "What we heard", "Key facts", "Our approach", "Case study", "Openness builds trust")
    assert [_flat(m.text)[:40] for m in parsed.measures if _flat(m.text).startswith(prose)] == []


# =====================================================================================================
# 2. A statute: bare section numbers, marginal notes above them, subsections and paragraphs inside
# =====================================================================================================


@dataclass(frozen=True)
class Section:
    number: str
    note: str  # the marginal note: the section's title
    start: str  # the first words after the number
    last: str  # the section's last line: the next marginal note is not part of it


STATUTE_WITH_PARTS = """
Artificial Intelligence (Safety and Accountability) Act 2025
An Act to make provision about the safe development and use of artificial intelligence systems, and for connected purposes.
PART 1
PRELIMINARY
Short title and commencement
1 (1) This Act may be cited as the Artificial Intelligence (Safety and Accountability) Act 2025.
(2) This Act comes into force on a day appointed by the Minister by regulations.
Interpretation
2 In this Act—
“deployer” means a person who puts an AI system into service in the course of a business;
“high-risk system” means an AI system of a description specified in Schedule 1;
“Regulator” means the AI Safety Regulator established by section 7.
Application to the Crown
3 This Act binds the Crown.
PART 2
DUTIES OF DEPLOYERS
Risk assessment
4 (1) A deployer of a high-risk system must carry out a risk assessment before putting the system into service.
(2) The assessment must—
(a) identify the risks the system poses to the health, safety and rights of individuals;
(b) set out the steps taken to reduce those risks; and
(c) be reviewed at least once in every period of 12 months.
(3) A deployer must keep a copy of each assessment for 5 years.
Transparency
5 A deployer must take reasonable steps to ensure that an individual who interacts with a high-risk system is told that it is an AI system.
Human oversight
6 (1) A deployer must ensure that a high-risk system is overseen by a person who has the competence to understand its outputs.
(2) Subsection (1) does not apply to a system used only for testing.
PART 3
THE REGULATOR
The AI Safety Regulator
7 (1) There is to be a body corporate called the AI Safety Regulator.
(2) Schedule 2 makes further provision about the Regulator.
Annual report
8 The Regulator must, as soon as practicable after the end of each financial year, lay before Parliament a report on the exercise of its functions.
"""

STATUTE_WITH_PARTS_SECTIONS = (
    Section("1", "Short title and commencement", "(1) This Act may be cited", "(2) This Act comes into force on a day appointed by the Minister by regulations."),
    Section("2", "Interpretation", "In this Act", "“Regulator” means the AI Safety Regulator established by section 7."),
    Section("3", "Application to the Crown", "This Act binds the Crown.", "3 This Act binds the Crown."),
    Section("4", "Risk assessment", "(1) A deployer of a high-risk system must", "(3) A deployer must keep a copy of each assessment for 5 years."),
    Section("5", "Transparency", "A deployer must take reasonable steps", "5 A deployer must take reasonable steps to ensure that an individual who interacts with a high-risk system is told that it is an AI system."),
    Section("6", "Human oversight", "(1) A deployer must ensure", "(2) Subsection (1) does not apply to a system used only for testing."),
    Section("7", "The AI Safety Regulator", "(1) There is to be a body corporate", "(2) Schedule 2 makes further provision about the Regulator."),
    Section("8", "Annual report", "The Regulator must, as soon as practicable", "8 The Regulator must, as soon as practicable after the end of each financial year, lay before Parliament a report on the exercise of its functions."),
)  # fmt: skip

# No parts; "Part 2 — Title" never appears; sections whose number is followed by text, by "(1)", or
# by "(a)" paragraphs directly; a definition section with its own marginal note.
STATUTE_NO_PARTS = """
Automated Decisions (Public Bodies) Act 2024
Purpose
1 The purpose of this Act is to ensure that automated decisions made by public bodies are lawful, fair and open to challenge.
Definitions
2 In this Act—
“automated decision” means a decision made without meaningful human involvement;
“public body” means a body listed in the Schedule.
Duty to notify
3 (1) A public body must notify an individual when a decision about them is an automated decision.
(2) The notice must be given—
(a) before the decision takes effect; or
(b) where that is not practicable, as soon as practicable afterwards.
Right to review
4 An individual who is the subject of an automated decision may ask the public body to have the decision reviewed by a person.
Register of systems
5 (1) Each public body must keep a register of the systems it uses to make automated decisions.
(2) The register must be published.
Regulations
6 The Minister may by regulations amend the Schedule.
"""

STATUTE_NO_PARTS_SECTIONS = (
    Section("1", "Purpose", "The purpose of this Act is", "1 The purpose of this Act is to ensure that automated decisions made by public bodies are lawful, fair and open to challenge."),
    Section("2", "Definitions", "In this Act", "“public body” means a body listed in the Schedule."),
    Section("3", "Duty to notify", "(1) A public body must notify", "(b) where that is not practicable, as soon as practicable afterwards."),
    Section("4", "Right to review", "An individual who is the subject", "4 An individual who is the subject of an automated decision may ask the public body to have the decision reviewed by a person."),
    Section("5", "Register of systems", "(1) Each public body must keep", "(2) The register must be published."),
    Section("6", "Regulations", "The Minister may by regulations", "6 The Minister may by regulations amend the Schedule."),
)  # fmt: skip

# Parts written "Part 1 — Title" on one line.
STATUTE_DASHED_PARTS = """
Online Safety (AI Content) Act 2026
Part 1 — Labelling
Duty to label
1 (1) A provider of a generative AI service must ensure that content generated by the service is labelled as such.
(2) A label must be clear and must not be removable by ordinary means.
Exemptions
2 Section 1 does not apply to content generated for the provider's internal use.
Part 2 — Enforcement
Enforcement notices
3 (1) The Commissioner may give a provider an enforcement notice if the Commissioner is satisfied that the provider has failed to comply with section 1.
(2) An enforcement notice must specify—
(a) the failure; and
(b) the steps the provider must take to remedy it.
Penalties
4 A provider who fails to comply with an enforcement notice is liable to a penalty not exceeding 4 per cent of its annual turnover.
"""

STATUTE_DASHED_PARTS_SECTIONS = (
    Section("1", "Duty to label", "(1) A provider of a generative AI service", "(2) A label must be clear and must not be removable by ordinary means."),
    Section("2", "Exemptions", "Section 1 does not apply", "2 Section 1 does not apply to content generated for the provider's internal use."),
    Section("3", "Enforcement notices", "(1) The Commissioner may give", "(b) the steps the provider must take to remedy it."),
    Section("4", "Penalties", "A provider who fails to comply", "4 A provider who fails to comply with an enforcement notice is liable to a penalty not exceeding 4 per cent of its annual turnover."),
)  # fmt: skip

STATUTES = {
    "with-parts": (STATUTE_WITH_PARTS, STATUTE_WITH_PARTS_SECTIONS),
    "no-parts": (STATUTE_NO_PARTS, STATUTE_NO_PARTS_SECTIONS),
    "dashed-parts": (STATUTE_DASHED_PARTS, STATUTE_DASHED_PARTS_SECTIONS),
}


@pytest.mark.parametrize(("text", "sections"), STATUTES.values(), ids=STATUTES.keys())
def test_statute_sections_are_the_measures(text: str, sections: tuple[Section, ...]) -> None:
    """Each numbered section is one measure; its subsections, paragraphs and definitions are its text."""
    parsed = _parse(text)
    assert [m.number for m in parsed.measures] == [s.number for s in sections]
    for m, s in zip(parsed.measures, sections, strict=False):
        assert f"{s.number} {s.start}" in _flat(m.text), s.number
        assert m.paragraphs[-1] == s.last, s.number


@pytest.mark.parametrize(("text", "sections"), STATUTES.values(), ids=STATUTES.keys())
def test_statute_marginal_notes_are_titles(text: str, sections: tuple[Section, ...]) -> None:
    """The short unpunctuated line above a section is its title, not a measure nor the end of the
    section before it."""
    parsed = _parse(text)
    assert [m.title for m in parsed.measures] == [s.note for s in sections]
    for m, following in zip(parsed.measures, sections[1:], strict=False):
        assert following.note not in m.paragraphs, m.number


@pytest.mark.parametrize(("text", "sections"), STATUTES.values(), ids=STATUTES.keys())
def test_statute_subsections_and_definitions_are_content(text: str, sections: tuple[Section, ...]) -> None:
    parsed = _parse(text)
    assert len(parsed.measures) == len(sections)
    assert not [m.number for m in parsed.measures if m.number.startswith("(") or m.number.startswith("“")]
    assert parsed.problems == []


def test_statute_ids_are_section_numbers() -> None:
    """Sections are numbered straight through the Act, like articles through a law: the id is the
    section's number alone, labelled "sec" (the label a "Sec. 4" heading has), whatever its part.
    (An assumed form: no bare-numbered section has an id yet.)"""
    parsed = _parse(STATUTE_WITH_PARTS)
    assert [m.id for m in parsed.measures] == [f"sec-{i}" for i in range(1, 9)]


def test_statute_parts_hold_their_sections() -> None:
    parsed = _parse(STATUTE_WITH_PARTS)
    # "PART 1" with its title on the next line, in capitals as printed.
    assert [(n.title or "").casefold() for n in parsed.nodes] == ["preliminary", "duties of deployers", "the regulator"]
    assert [len(n.children) for n in parsed.nodes] == [3, 3, 2]
    assert [_ancestry(parsed, m) for m in parsed.measures] == [["PRELIMINARY"]] * 3 + [["DUTIES OF DEPLOYERS"]] * 3 + [
        ["THE REGULATOR"]
    ] * 2
    dashed = _parse(STATUTE_DASHED_PARTS)
    assert [n.title for n in dashed.nodes] == ["Labelling", "Enforcement"]
    assert [_ancestry(dashed, m) for m in dashed.measures] == [["Labelling"]] * 2 + [["Enforcement"]] * 2


def test_statute_without_parts_is_flat() -> None:
    parsed = _parse(STATUTE_NO_PARTS)
    assert [m.path for m in parsed.measures] == [[]] * 6
    assert all(n.is_measure for n in parsed.nodes)


def test_statute_skipped_section_is_reported_not_renumbered() -> None:
    text = """
    Data (AI Training) Act 2025
    Scope
    1 This Act applies to data used to train AI systems.
    Consent
    2 A person must not use personal data to train an AI system without the consent of the data subject.
    Records
    3 A person who trains an AI system must keep a record of the data used.
    Offences
    5 A person who fails to comply with section 2 commits an offence.
    Commencement
    6 This Act comes into force on 1 January 2026.
    """
    parsed = _parse(text, path="notices/x/source.txt")
    # Numbers as printed, not renumbered; a section's line is the line of its number (its text
    # starts with its number, as every measure's does), so the problem points at "5 A person …".
    assert [m.number for m in parsed.measures] == ["1", "2", "3", "5", "6"]
    assert [m.title for m in parsed.measures] == ["Scope", "Consent", "Records", "Offences", "Commencement"]
    assert [m.line for m in parsed.measures] == [3, 5, 7, 9, 11]
    messages = [str(p) for p in parsed.problems]
    assert len(messages) == 1 and messages[0].startswith("notices/x/source.txt:9:"), messages
    assert "skips number 4" in messages[0]


def test_statute_wrapped_line_starting_with_a_number_is_not_a_section() -> None:
    """A line broken before a number ("…for a period of / 5 years …") continues its section: its
    number does not continue the sections' sequence and no marginal note stands above it."""
    text = """
    Records Act 2025
    Duty to keep records
    1 A deployer must keep the records mentioned in this Act for a period of
    5 years beginning with the date on which each record is made.
    Inspection
    2 The Regulator may inspect records kept under section 1.
    """
    parsed = _parse(text)
    assert [(m.number, m.title) for m in parsed.measures] == [("1", "Duty to keep records"), ("2", "Inspection")]
    assert parsed.measures[0].paragraphs[-1] == "5 years beginning with the date on which each record is made."
    assert parsed.problems == []


# =====================================================================================================
# 3. A memorandum: "(i)" taskings under lettered subsections under numbered sections
# =====================================================================================================

MEMO_SEC = """
MEMORANDUM FOR THE HEADS OF EXECUTIVE DEPARTMENTS AND AGENCIES
SUBJECT: Advancing the Responsible Acquisition of Artificial Intelligence
By the authority vested in me as President by the Constitution and the laws of the United States of America, I hereby direct as follows:
Section 1. Purpose. Federal agencies are buying AI systems at a growing pace. This memorandum sets out how they will do so responsibly.
Sec. 2. Definitions. For the purposes of this memorandum:
(a) The term “agency” means any executive department or agency.
(b) The term “AI system” means any data system, software, or process that uses artificial intelligence.
Sec. 3. Acquisition Practices.
(a) Guidance.
(i) Within 90 days of the date of this memorandum, the Director of the Office of Management and Budget shall issue guidance to agencies on the acquisition of AI systems.
(ii) Within 180 days of the date of this memorandum, the Administrator of General Services shall publish a guide to AI procurement for contracting officers.
(b) Contract Terms.
(i) Within 120 days of the date of this memorandum, the Secretary of Commerce shall develop model contract terms on the testing of AI systems.
(ii) Within 150 days of the date of this memorandum, the Administrator of General Services shall incorporate those terms into Government-wide contracts.
(iii) Within 1 year of the date of this memorandum, the Director of the Office of Management and Budget shall report on the use of the model terms.
(c) Reporting. Within 240 days of the date of this memorandum, the head of each agency shall report to the Director of the Office of Management and Budget on the AI systems it has acquired.
Sec. 4. Workforce.
(a) Within 60 days of the date of this memorandum, the Director of the Office of Personnel Management shall identify the skills contracting officers need to buy AI systems.
(b) Within 90 days of the date of this memorandum, the Administrator of General Services shall designate an AI acquisition lead in each regional office.
(c) Within 120 days of the date of this memorandum, the head of each agency shall name a senior official for AI acquisition.
(d) Within 150 days of the date of this memorandum, the Secretary of Labor shall publish a competency model for AI acquisition roles.
(e) Within 180 days of the date of this memorandum, the Director of the National Science Foundation shall fund research on the evaluation of AI systems.
(f) Within 200 days of the date of this memorandum, the Secretary of Defense shall share its AI acquisition playbook with civilian agencies.
(g) Within 210 days of the date of this memorandum, the Director of the Office of Management and Budget shall update the Federal Acquisition Regulation as needed.
(h) Training Programs.
(i) Within 90 days of the date of this memorandum, the Director of the Office of Personnel Management shall establish a training program on AI acquisition.
(ii) Within 180 days of the date of this memorandum, the Administrator of General Services shall make that training available to all contracting officers.
Sec. 5. General Provisions. (a) Nothing in this memorandum shall be construed to impair or otherwise affect the authority granted by law to an executive department or agency.
(b) This memorandum shall be implemented consistent with applicable law and subject to the availability of appropriations.
(c) This memorandum is not intended to, and does not, create any right or benefit enforceable at law or in equity by any party against the United States.
"""

# (a) … (g) of Sec. 4 are taskings without items: each is one measure. General provisions are
# counted as EO 14110 counts its Sec. 13 (a)–(c); definitions after "For the purposes of this
# memorandum:" are an inline list, as in EO 14110's Sec. 3.
MEMO_SEC_CITED = [
    "Sec. 3 (a) (i)", "Sec. 3 (a) (ii)", "Sec. 3 (b) (i)", "Sec. 3 (b) (ii)", "Sec. 3 (b) (iii)", "Sec. 3 (c)",
    *[f"Sec. 4 ({c})" for c in "abcdefg"], "Sec. 4 (h) (i)", "Sec. 4 (h) (ii)",
    "Sec. 5 (a)", "Sec. 5 (b)", "Sec. 5 (c)",
]  # fmt: skip
MEMO_SEC_STARTS = [
    "(i) Within 90 days", "(ii) Within 180 days", "(i) Within 120 days", "(ii) Within 150 days",
    "(iii) Within 1 year", "(c) Reporting.", "(a) Within 60 days", "(b) Within 90 days", "(c) Within 120 days",
    "(d) Within 150 days", "(e) Within 180 days", "(f) Within 200 days", "(g) Within 210 days",
    "(i) Within 90 days", "(ii) Within 180 days", "(a) Nothing in this memorandum", "(b) This memorandum shall",
    "(c) This memorandum is not intended",
]  # fmt: skip

# Bare "1." sections; "(a)" on its section's line; "(i)" on the line of "(h)"; a subsection whose
# "(i)" … "(iii)" follow "… describes:" and are one tasking's content (as in EO 14110's Sec. 4.1 (a)).
MEMO_BARE = """
MEMORANDUM FOR THE HEADS OF EXECUTIVE DEPARTMENTS AND AGENCIES
SUBJECT: Strengthening the Security of Federal AI Systems
1. Policy. It is the policy of my Administration that AI systems used by agencies are secure by design.
2. Securing Federal Systems. (a) Inventories.
(i) Within 60 days of the date of this memorandum, the head of each agency shall complete an inventory of the AI systems it operates.
(ii) Within 90 days of the date of this memorandum, the Director of the Office of Management and Budget shall publish a consolidated inventory.
(b) Testing. Within 120 days of the date of this memorandum, the Secretary of Homeland Security shall issue a testing protocol for AI systems that agencies operate.
(c) Incident Reporting. Within 180 days of the date of this memorandum, the Secretary of Homeland Security shall submit to the President a report that describes:
(i) the incidents involving AI systems reported by agencies;
(ii) the steps agencies took in response; and
(iii) any changes to law that the Secretary recommends.
3. Research and Standards.
(a) Within 90 days of the date of this memorandum, the Secretary of Commerce shall convene a workshop on AI security standards.
(b) Within 100 days of the date of this memorandum, the Secretary of Energy shall report on the security of AI models at the national laboratories.
(c) Within 120 days of the date of this memorandum, the Director of the National Science Foundation shall announce a research program on AI security.
(d) Within 130 days of the date of this memorandum, the Secretary of Defense shall share red-teaming methods with civilian agencies.
(e) Within 140 days of the date of this memorandum, the Secretary of State shall engage allies on common AI security standards.
(f) Within 150 days of the date of this memorandum, the Attorney General shall review the law on attacks against AI systems.
(g) Within 160 days of the date of this memorandum, the Secretary of the Treasury shall assess the security of AI systems in financial regulation.
(h) Shared Services. (i) Within 200 days of the date of this memorandum, the Administrator of General Services shall offer a shared AI security testing service.
(ii) Within 1 year of the date of this memorandum, the Director of the Office of Management and Budget shall require agencies to use the shared service where practicable.
"""

MEMO_BARE_CITED = [
    "2 (a) (i)", "2 (a) (ii)", "2 (b)", "2 (c)", *[f"3 ({c})" for c in "abcdefg"], "3 (h) (i)", "3 (h) (ii)",
]  # fmt: skip
MEMO_BARE_STARTS = [
    "(i) Within 60 days", "(ii) Within 90 days", "(b) Testing.", "(c) Incident Reporting.",
    "(a) Within 90 days", "(b) Within 100 days", "(c) Within 120 days", "(d) Within 130 days",
    "(e) Within 140 days", "(f) Within 150 days", "(g) Within 160 days",
    "(i) Within 200 days", "(ii) Within 1 year",
]  # fmt: skip

MEMOS = {"sec": (MEMO_SEC, MEMO_SEC_CITED, MEMO_SEC_STARTS), "bare": (MEMO_BARE, MEMO_BARE_CITED, MEMO_BARE_STARTS)}


@pytest.mark.parametrize(("text", "cited", "starts"), MEMOS.values(), ids=MEMOS.keys())
def test_memo_taskings_are_the_measures(text: str, cited: list[str], starts: list[str]) -> None:
    """Each "(i)" tasking is a measure, and so is a lettered subsection with no items; sections and
    subsections with items are parts. Cited as EO 14110's are: "Sec. 4.1 (a)", here "Sec. 3 (a) (ii)"."""
    parsed = _parse(text)
    assert len(parsed.measures) == len(cited)
    assert [m.cited_as for m in parsed.measures] == cited
    assert [_flat(m.text)[: len(s)] for m, s in zip(parsed.measures, starts, strict=False)] == starts


@pytest.mark.parametrize(
    ("text", "title"), [(MEMO_SEC, "Training Programs"), (MEMO_BARE, "Shared Services")], ids=MEMOS.keys()
)
def test_memo_roman_i_after_h(text: str, title: str) -> None:
    """ "(i)" right after "(h) Title." is the first Roman item of (h) when "(ii)" follows it (and
    "(h)" is then a part, not a measure), on a line of its own or on the line of "(h)"."""
    parsed = _parse(text)
    (h,) = [n for n in _nodes(parsed).values() if n.numbering.printed.strip() == "(h)"]
    assert (h.title, h.is_measure) == (title, False)
    assert [(c.numbering.printed.strip(), c.is_measure) for c in h.children] == [("(i)", True), ("(ii)", True)]
    assert parsed.problems == []


def test_memo_ids() -> None:
    parsed = _parse(MEMO_SEC)
    ids = [m.id for m in parsed.measures]
    assert ids[:6] == ["sec-3-a-i", "sec-3-a-ii", "sec-3-b-i", "sec-3-b-ii", "sec-3-b-iii", "sec-3-c"]
    assert ids[13:15] == ["sec-4-h-i", "sec-4-h-ii"]
    # Purpose and definitions are not measures; the definitions are Sec. 2's text.
    assert not [i for i in ids if i.startswith(("sec-1", "sec-2"))]
    assert "“AI system” means" in _flat(next(n for n in parsed.nodes if n.id == "sec-2").paragraphs[-1].raw)


def test_memo_items_after_a_colon_are_one_taskings_content() -> None:
    parsed = _parse(MEMO_BARE)
    (c,) = [m for m in parsed.measures if m.cited_as == "2 (c)"]
    assert "(iii) any changes to law that the Secretary recommends." in c.text
    assert len(c.paragraphs) == 4


def test_memo_deadlines_count_from_the_date_of_the_memorandum() -> None:
    """ "Within 90 days of the date of this memorandum" counts from the notice's date, as "of this
    order" does (an addition to the parser's classes: the taskings' deadlines, read per measure)."""
    (duty,) = find_quantities(
        "Within 90 days of the date of this memorandum, the Director of the Office of Management and Budget "
        "shall issue guidance to agencies on the acquisition of AI systems.",
        1,
    )
    assert (duty.value, duty.unit, duty.deadline_after) == (90.0, "days", "P90D")


# =====================================================================================================
# 4. Chinese: responsibility without the 责任单位 label; counts of what exists are not targets
# =====================================================================================================

RESPONSIBLE = {"lead", "responsible", "assigned"}  # 按职责分工负责 with no one leading: each is responsible
SHARING = {"responsible", "assigned"}  # 按职责分工负责 after another unit leads


@pytest.fixture(scope="module")
def national_index() -> AliasIndex:
    """National names from corpus/agencies.yaml (国家发展改革委, 工业和信息化部/工信部, 国家网信办 …)."""
    registry, problems = load_registry(CORPUS)
    assert problems == []
    return AliasIndex.for_jurisdiction(registry.agencies, "china", registry.within)


def _agency(ident: str, name: str, name_zh: str, *aliases_zh: str, collective: bool = False) -> Agency:
    return Agency(ident, name, "shanghai", (), collective, (), 0, name_zh=name_zh, aliases_zh=aliases_zh)


@pytest.fixture(scope="module")
def municipal_index() -> AliasIndex:
    """A small registry of municipal names as a Shanghai notice writes them (none has a Chinese name
    in corpus/agencies.yaml yet)."""
    agencies = [
        _agency("sh-drc", "Shanghai Development and Reform Commission", "上海市发展和改革委员会", "市发展改革委"),
        _agency("sh-eitc", "Shanghai Economy and Informatization Commission", "上海市经济和信息化委员会", "市经济信息化委"),
        _agency("sh-ca", "Shanghai Communications Administration", "上海市通信管理局", "市通信管理局"),
        _agency("sh-stc", "Shanghai Science and Technology Commission", "上海市科学技术委员会", "市科委"),
        _agency("sh-districts", "Shanghai district governments", "各区人民政府", "各区政府", collective=True),
    ]  # fmt: skip
    return AliasIndex.for_jurisdiction(agencies, "shanghai")


def _attributed(text: str, index: AliasIndex) -> tuple[dict[str, dict[str, str]], list[str]]:
    parsed = _parse(text, path="zh.txt")
    problems = attribute(parsed.measures, parsed.lines, index, "zh.txt")
    return {m.id: {r.agency: r.role for r in m.agencies} for m in parsed.measures}, [str(p) for p in problems]


ZH_NATIONAL = """
关于加快人工智能产业发展的实施意见
一、总体要求
坚持创新驱动、应用牵引，推动人工智能产业高质量发展。
二、重点任务
（一）加快算力设施建设。统筹布局智能算力中心，推动算力资源互联互通。国家发展改革委、工业和信息化部、国家网信办按职责分工负责。
（二）培育产业生态。支持龙头企业带动中小企业协同发展，在外交部指导下拓展国际合作。工业和信息化部牵头负责，国家发展改革委、国家市场监督管理总局配合。
（三）完善标准体系。加快制定人工智能基础共性标准和重点行业应用标准。
国家标准委牵头，工业和信息化部、国家市场监督管理总局按职责分工负责。
（四）强化安全保障。建立健全人工智能安全风险监测预警机制。国家网信办、公安部、工信部按职责分工负责。
三、保障措施
（一）加强组织领导。建立跨部门协调机制，统筹推进各项任务落实。
"""


def test_zh_units_before_an_unlabelled_responsibility(national_index: AliasIndex) -> None:
    found, problems = _attributed(ZH_NATIONAL, national_index)
    assert list(found) == ["ii-1", "ii-2", "ii-3", "ii-4", "iii-1"]
    # 按职责分工负责: each unit listed is responsible for the item.
    assert set(found["ii-1"]) == {"cn-ndrc", "cn-miit", "cn-cac"}
    assert all(role in RESPONSIBLE for role in found["ii-1"].values()), found["ii-1"]
    # 牵头负责 leads; the units after 配合 cooperate; a name in the prose is only mentioned.
    assert found["ii-2"] == {
        "cn-miit": "lead",
        "cn-ndrc": "cooperating",
        "cn-samr": "cooperating",
        "cn-mfa": "mentioned",
    }
    # 牵头 on a line of its own at the end of the item, then units that share the work.
    assert found["ii-3"]["cn-sac"] == "lead"
    assert set(found["ii-3"]) == {"cn-sac", "cn-miit", "cn-samr"}
    assert found["ii-3"]["cn-miit"] in SHARING and found["ii-3"]["cn-samr"] in SHARING
    # An alias (工信部) is the same ministry.
    assert set(found["ii-4"]) == {"cn-cac", "cn-mps", "cn-miit"}
    assert all(role in RESPONSIBLE for role in found["ii-4"].values()), found["ii-4"]
    assert found["iii-1"] == {}
    assert problems == []


def test_zh_the_first_unit_before_qiantou_leads(national_index: AliasIndex) -> None:
    text = """
    一、重点任务
    （一）推动人工智能赋能制造业。实施“人工智能+制造”行动，打造一批标杆工厂。工业和信息化部牵头负责，国家发展改革委配合。
    （二）推进数据标注产业发展。培育数据标注企业。工信部牵头，国家发展和改革委员会、国家网信办按职责分工负责。
    （三）完善安全治理。国家网信办牵头负责，公安部、国家市场监督管理总局、有关部门配合。
    """
    found, problems = _attributed(text, national_index)
    assert found["i-1"] == {"cn-miit": "lead", "cn-ndrc": "cooperating"}
    assert found["i-2"]["cn-miit"] == "lead"
    assert {k: v in SHARING for k, v in found["i-2"].items() if k != "cn-miit"} == {"cn-ndrc": True, "cn-cac": True}
    # A group of units (有关部门) cooperates as a clause's group would.
    assert found["i-3"] == {
        "cn-cac": "lead",
        "cn-mps": "cooperating",
        "cn-samr": "cooperating",
        "cn-relevant-departments": "cooperating",
    }
    assert problems == []


def test_zh_municipal_units(municipal_index: AliasIndex) -> None:
    """The brief's own forms, with municipal names (市发展改革委, 市经济信息化委 …)."""
    text = """
    二、主要任务
    （三）加快算力设施建设。推进智能算力集群建设，提升算力供给能力。市发展改革委、市经济信息化委、市通信管理局按职责分工负责。
    （四）建设高质量语料库。推动公共数据开放共享。市经济信息化委牵头负责，各区政府配合。
    （五）支持大模型创新。对符合条件的大模型企业给予支持。市科委、市经济信息化委按职责分工负责。
    """
    found, problems = _attributed(text, municipal_index)
    assert set(found["ii-3"]) == {"sh-drc", "sh-eitc", "sh-ca"}
    assert all(role in RESPONSIBLE for role in found["ii-3"].values()), found["ii-3"]
    assert found["ii-4"] == {"sh-eitc": "lead", "sh-districts": "cooperating"}
    assert set(found["ii-5"]) == {"sh-stc", "sh-eitc"}
    assert all(role in RESPONSIBLE for role in found["ii-5"].values()), found["ii-5"]
    assert problems == []


def test_zh_an_unknown_unit_is_reported(national_index: AliasIndex) -> None:
    """A unit before 牵头负责 or 按职责分工负责 that the registry does not know is reported, as an
    unknown name in a 责任单位 clause is."""
    text = """
    一、重点任务
    （一）推进公共数据开发利用。推动公共数据有序开放。国家数据局牵头负责，工业和信息化部配合。
    """
    found, problems = _attributed(text, national_index)
    assert found["i-1"] == {"cn-miit": "cooperating"}
    assert len(problems) == 1 and problems[0].startswith("zh.txt:2:") and "国家数据局" in problems[0], problems


def _targets(text: str) -> list[tuple[object, ...]]:
    return [(f.value, f.unit, f.qualifier, f.counted, f.deadline) for f in find_quantities(text, 1)]


ZH_EXISTING = [
    # What exists today (已建成, 现有) beside what is promised for 2027.
        ("目前，全市已建成智能算力中心12个，现有人工智能企业300余家。到2027年，建成智能算力中心20个以上，培育人工智能企业超过500家。",
         [(20.0, "count", "at least", "智能算力中心", "到2027年"), (500.0, "count", "over", "人工智能企业", "到2027年")]),
        # 截至2024年底 dates a count already reached; it is no deadline.
        ("截至2024年底，已累计建成5G基站3.5万个。到2026年，新增5G基站1万个。",
         [(10000.0, "count", None, "新增5G基站", "到2026年")]),
        # The base the commitment builds on, in the same sentence.
        ("在已建成10个国家级试点城市的基础上，到2027年再建设20个试点城市。",
         [(20.0, "count", None, "试点城市", "到2027年")]),
        ("现有国家级专精特新“小巨人”企业45家，力争到2026年培育“小巨人”企业60家。",
         [(60.0, "count", None, "“小巨人”企业", "到2026年")]),
        ("已培育人工智能领军企业8家，到2027年，培育领军企业15家。",
         [(15.0, "count", None, "领军企业", "到2027年")]),
        ("全市已有3个区建成国家人工智能创新应用先导区。到2027年，新增先导区2个。",
         [(2.0, "count", None, "新增先导区", "到2027年")]),
        # A sentence that only describes today commits to nothing (read correctly already).
        ("现有人工智能企业300家。到2027年，培育人工智能企业超过500家。",
         [(500.0, "count", "over", "人工智能企业", "到2027年")]),
]  # fmt: skip
ZH_EXISTING_IDS = ["built-and-existing", "as-of-a-date", "base-in-one-sentence", "existing-then-aim", "already-cultivated",
                   "already-have", "existing-alone"]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), ZH_EXISTING, ids=ZH_EXISTING_IDS)
def test_zh_counts_of_what_exists_are_not_targets(text: str, expected: list[tuple[object, ...]]) -> None:
    """已建成…个, 现有…家, 已培育…, 截至…已累计…: what already exists is no commitment, whatever verb it has."""
    assert _targets(text) == expected


@pytest.mark.parametrize(("text", "expected"), ZH_EXISTING, ids=ZH_EXISTING_IDS)
def test_zh_the_commitment_beside_an_existing_count_is_a_target(text: str, expected: list[tuple[object, ...]]) -> None:
    """The positive control: the commitment in the same text is found, as it is found today."""
    found = _targets(text)
    assert [row for row in found if row in expected] == expected


# =====================================================================================================
# Every class: no line of the text is lost
# =====================================================================================================

TEXTS = {
    **{f"plan-{k}": p.text for k, p in PLANS.items()},
    **{f"statute-{k}": t for k, (t, _) in STATUTES.items()},
    **{f"memo-{k}": t for k, (t, _, _) in MEMOS.items()},
    "zh-national": ZH_NATIONAL,
}


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_no_line_is_lost(text: str) -> None:
    """Every line is kept somewhere: front matter, a part, a measure or back matter (end notes too)."""
    assert _covered(_parse(text)) == re.sub(r"\s+", "", text)


def test_a_plan_of_decimal_actions_keeps_every_clause() -> None:
    """Only a text that states requirements ("must", "is responsible for:") keeps to the clauses
    that carry one (Canada's directive); a plan whose decimal clauses are actions states none,
    and each clause is a measure."""
    parsed = _parse(
        """
        National AI Strategy
        1. Research
        1.1 Establish a national AI research centre by 2027.
        1.2 Fund 20 doctoral programmes in AI.
        2. Skills
        2.1 Train 10,000 civil servants in data skills.
        2.2 Launch an AI apprenticeship scheme.
        """
    )
    assert [m.cited_as for m in parsed.measures] == ["1.1", "1.2", "2.1", "2.2"]
    required = _parse(
        """
        Directive on Example Systems
        1. Effective date
        1.1 This directive takes effect on April 1, 2026.
        2. Requirements
        The deputy head is responsible for:
        2.1 Publishing an assessment of each system.
        2.2 Testing each system before it is used.
        """
    )
    assert [m.cited_as for m in required.measures] == ["2.1", "2.2"]


# 5. Items that carry the name of their kind ("Action 1.1", "Recommendation 3"), numbered within
#    parts that may be lettered ("Part A"), their titles after spaces alone as often as after a
#    colon; and sentences that only name a part or an item, which are text.
LETTERED_PLAN = """
    Digital Futures Plan 2026–2028

    Part A  Foundations

    Action 1.1  Build shared compute
    The Ministry will establish a national AI compute facility of at least 500 GPUs by 30 June 2027.

    Action 1.2: Open data
    The statistics office will publish no fewer than 40 public datasets each year.

    PART B — People

    Action 2.1  Skills
    The Tertiary Education Commission will train 10,000 public servants in AI literacy by the end of 2028.

    Action 2.2  Safety review
    The Chief Digital Officer will report to Cabinet on the safety of public-sector AI systems.
"""


def test_labelled_items_numbered_within_lettered_parts() -> None:
    parsed = _parse(LETTERED_PLAN)
    assert [p.title for p in parsed.nodes] == ["Foundations", "People"]
    assert [m.id for m in parsed.measures] == [
        "part-a-action-1",
        "part-a-action-2",
        "part-b-action-1",
        "part-b-action-2",
    ]
    assert [m.number for m in parsed.measures] == ["Action 1.1", "Action 1.2", "Action 2.1", "Action 2.2"]
    assert [m.title for m in parsed.measures] == ["Build shared compute", "Open data", "Skills", "Safety review"]
    assert [_flat(m.text).split(" ")[-1] for m in parsed.measures] == ["2027.", "year.", "2028.", "systems."]


def test_labelled_items_with_a_title_after_spaces_and_no_parts() -> None:
    parsed = _parse(
        """
        Recommendation 1  Fund public compute
        Government should fund a compute facility.

        Recommendation 2. Open the data
        Government should open its data.

        Recommendation 3: Train people
        Government should train its staff.
        """
    )
    assert [m.id for m in parsed.measures] == ["recommendation-1", "recommendation-2", "recommendation-3"]
    assert [m.title for m in parsed.measures] == ["Fund public compute", "Open the data", "Train people"]


@pytest.mark.parametrize("sentence", ["Part 2 of this plan applies to", "Part B of this plan applies to"])
def test_a_sentence_that_names_a_part_or_an_item_is_text(sentence: str) -> None:
    parsed = _parse(
        f"""
        Plan

        {sentence} every agency.

        1. Build compute
        The Ministry will build a facility.

        2. Open data
        Action 2 of the plan is funded by the Treasury.
        """
    )
    assert parsed.nodes[0].title != "of this plan applies to every agency"
    assert [m.id for m in parsed.measures] == ["m-1", "m-2"]
    assert _flat(parsed.measures[1].text).endswith("Action 2 of the plan is funded by the Treasury.")


def test_decimal_clauses_in_groups_with_no_group_headings() -> None:
    """ "2.1" after "1.2" starts the next group: a measure of its own, never an end note, and
    no numbering problem; the same for labelled items ("Action 2.1")."""
    for label in ("", "Action "):
        parsed = _parse(
            f"""
            Plan

            {label}1.1 Build compute
            The Ministry will build a facility.

            {label}1.2 Open data
            The statistics office will publish datasets.

            {label}2.1 Skills
            The Commission will train staff.

            {label}2.2 Safety review
            The Officer will report to Cabinet.
            """
        )
        prefix = "action-" if label else "m-"
        assert [m.id for m in parsed.measures] == [f"{prefix}{n}" for n in ("1-1", "1-2", "2-1", "2-2")]
        assert [_flat(m.text).split(" ")[-1] for m in parsed.measures] == [
            "facility.",
            "datasets.",
            "staff.",
            "Cabinet.",
        ]
        assert [str(p) for p in parsed.problems] == []


def test_a_lost_group_of_decimal_clauses_is_reported() -> None:
    parsed = _parse(
        """
        Plan

        1.1 Build compute
        The Ministry will build a facility.

        1.2 Open data
        The statistics office will publish datasets.

        3.1 Skills
        The Commission will train staff.
        """
    )
    assert [m.id for m in parsed.measures] == ["m-1-1", "m-1-2", "m-3-1"]
    assert [str(p) for p in parsed.problems] == [
        'source.txt:9: "3.1" follows clauses of 1 (line 6): no clause of 2; '
        "check for a lost heading or a typo in the number"
    ]
    several = _parse("Plan\n\n1.1 Build compute\nText.\n\n4.1 Skills\nText.\n")
    assert [str(p) for p in several.problems] == [
        'source.txt:6: "4.1" follows clauses of 1 (line 3): no clause of 2 to 3; '
        "check for a lost heading or a typo in the number"
    ]


# 6. Chapters and parts numbered in words, as translations print them ("Chapter One", "PART TWO",
#    "Chapter Twenty-One"); a sentence that starts with a chapter in lower-case words is text.
WORDED_PLAN = """
    National Strategy for Trustworthy AI 2027–2030

    Chapter One  Guiding Principles

    1. This Strategy sets out how the Government will support trustworthy AI.
    2. The Ministry of Digital Affairs shall lead its implementation.

    CHAPTER TWO: Priority Actions

    3. By the end of 2028, build at least 3 public compute centres.
    4. Every ministry shall name an officer for the Strategy.
    Chapter one of this Strategy applies to every ministry.

    Chapter Three  Review

    5. The Ministry of Digital Affairs shall report every two years.
"""


def test_chapters_numbered_in_words() -> None:
    parsed = _parse(WORDED_PLAN)
    assert [(p.id, p.title) for p in parsed.nodes] == [
        ("chp-1", "Guiding Principles"),
        ("chp-2", "Priority Actions"),
        ("chp-3", "Review"),
    ]
    assert [m.id for m in parsed.measures] == ["m-1", "m-2", "m-3", "m-4", "m-5"]
    assert _flat(parsed.measures[3].text).endswith("Chapter one of this Strategy applies to every ministry.")
    assert [str(p) for p in parsed.problems] == []


@pytest.mark.parametrize(
    ("printed", "value"),
    [("One", 1), ("TWELVE", 12), ("Eighteen", 18), ("Twenty-One", 21), ("Twenty-one", 21), ("One-Two", None)],
)
def test_number_words(printed: str, value: int | None) -> None:
    from tools.numerals import parse_number

    assert parse_number(printed) == value
