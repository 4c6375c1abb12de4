"""Agencies: responsible units split by the registry, aliases merged, mentions kept apart."""

from __future__ import annotations

import pytest

from tools.agencies import AliasIndex, find_clauses, match_key, mentions, split_names, strongest
from tools.models import Archive, Measure
from tools.parse import split_lines

from .test_parse import JINGAN, SHANGHAI, SHENZHEN, ZHANGJIANG, notice


def responsible(archive: Archive, notice_id: str) -> dict[str, list[str]]:
    return {
        m.id: [r.agency for r in m.agencies if r.role == "responsible"]
        for m in notice(archive, notice_id).parsed.measures
    }


def test_every_measure_of_the_two_plans_has_its_units(archive: Archive) -> None:
    for notice_id in (JINGAN, SHENZHEN):
        measures: list[Measure] = notice(archive, notice_id).parsed.measures
        assert all(len(m.responsible_clauses) == 1 for m in measures)
        for m in measures:
            clause = m.responsible_clauses[0].names
            names = [r for r in m.agencies if r.role == "responsible"]
            # Every name in the clause became exactly one agency: rebuilding the clause from
            # what was matched gives the clause back (less "etc.").
            rebuilt = match_key(", ".join(r.as_written for r in names))
            assert rebuilt == match_key(clause).removesuffix(",etc.").removesuffix(",etc"), m.id


def test_names_with_commas_are_one_agency(archive: Archive) -> None:
    jingan = responsible(archive, JINGAN)
    shenzhen = responsible(archive, SHENZHEN)
    stec = "jingan-science-technology-and-economy-commission"
    assert jingan["ii-1-1"] == ["jingan-commerce-commission", stec]
    assert jingan["ii-3-3"] == [
        "jingan-data-bureau",
        "jingan-urban-operation-center",
        stec,
        "jingan-community-affairs-service-centers",
    ]
    assert "shenzhen-culture-radio-television-tourism-and-sports-bureau" in shenzhen["m-10"]
    assert len(shenzhen["m-10"]) == 7


def test_aliases_merge(archive: Archive) -> None:
    shenzhen = responsible(archive, SHENZHEN)
    iit = "shenzhen-industry-and-information-technology-bureau"
    assert iit in shenzhen["m-2"] and iit in shenzhen["m-4"]  # Industry and IT Bureau / Bureau of Industry and IT
    qianhai = "shenzhen-qianhai-administration"
    assert qianhai in shenzhen["m-3"] and qianhai in shenzhen["m-6"]  # Administration / Administration Bureau
    data = "shenzhen-government-services-data-administration"
    assert data in shenzhen["m-10"] and data in shenzhen["m-11"] and data in shenzhen["m-13"]
    zhangjiang_issuers = [r.agency for r in notice(archive, ZHANGJIANG).issuers if r.role == "drafter"]
    assert zhangjiang_issuers == ["jingan-science-technology-and-economy-commission"]
    stec = "jingan-science-technology-and-economy-commission"
    zj_ii1 = {r.agency: r.role for r in notice(archive, ZHANGJIANG).parsed.measures[5].agencies}
    assert zj_ii1[stec] == "mentioned"  # "District Science,Technology and Economy Commission" (no space)


def test_body_mentions_are_not_responsibility(archive: Archive) -> None:
    shanghai = {m.id: {r.agency: r.role for r in m.agencies} for m in notice(archive, SHANGHAI).parsed.measures}
    assert shanghai["art-6"]["shanghai-economy-and-informatization-commission"] == "assigned"
    assert shanghai["art-6"]["shanghai-cyberspace-administration"] == "assigned"
    assert shanghai["art-50"]["pudong-people-s-government"] == "mentioned"
    assert all(role != "responsible" for roles in shanghai.values() for role in roles.values())
    zhangjiang_members = {r.agency for r in notice(archive, ZHANGJIANG).parsed.measures[5].agencies}
    assert {"jingan-statistics-bureau", "jingan-planning-and-resources-bureau"} <= zhangjiang_members


def test_issuers_link_to_notices(archive: Archive) -> None:
    issuers = {n.id: [r.agency for r in n.issuers if r.role == "issuer"] for n in archive.notices}
    assert issuers[SHENZHEN] == ["shenzhen-party-committee-general-office", "shenzhen-government-general-office"]
    assert issuers[SHANGHAI] == ["shanghai-people-s-congress-standing-committee"]
    assert issuers["eu-ai-act-regulation-2024-1689"] == ["eu-european-parliament", "eu-council"]
    assert issuers["kr-ai-basic-act-2025"] == ["kr-national-assembly"]
    assert issuers["tw-ai-basic-act-2026"] == ["tw-legislative-yuan"]
    assert issuers["ca-directive-automated-decision-making-2025"] == ["ca-tbs"]
    assert issuers["oecd-ai-recommendation-2019-2024"] == ["oecd-council"]


def test_matching_is_scoped_to_jurisdiction(archive: Archive) -> None:
    index = AliasIndex.for_jurisdiction(archive.registry.agencies, "shenzhen")
    found, unknown = split_names("District Data Bureau, Municipal Finance Bureau", index)
    assert [a.id for a, _ in found] == ["shenzhen-finance-bureau"]
    assert unknown == ["District Data Bureau"]


def test_international_bodies_and_the_new_countries_are_roots_of_the_tree(archive: Archive) -> None:
    tree = {j.id: (j.level, j.parent) for j in archive.registry.jurisdictions}
    assert tree["european-union"] == tree["oecd"] == ("international", None)
    assert tree["south-korea"] == tree["taiwan"] == tree["canada"] == ("country", None)
    # Side by side with the countries, not above them: no country lies within the EU or the OECD.
    assert not any(archive.registry.within(j, body) for j in tree for body in ("european-union", "oecd") if j != body)
    levels = {n.id: n.meta["level"] for n in archive.notices}
    assert levels["eu-ai-act-regulation-2024-1689"] == levels["oecd-ai-recommendation-2019-2024"] == "international"


@pytest.mark.parametrize(
    ("jurisdiction", "written", "agency"),
    [
        ("european-union", "the Commission", "eu-commission"),
        ("south-korea", "the Commission", "kr-national-ai-committee"),  # Art. 7(13) of the translation
        ("united-states", "the Commission", None),
        ("european-union", "the Board", "eu-ai-board"),
        ("european-union", "European Data Protection Board", "eu-edpb"),
        ("japan", "the Board", None),
        ("european-union", "the Council", "eu-council"),
        ("oecd", "the Council", "oecd-council"),
        ("china", "the Council", None),
        ("south-korea", "the Committee", "kr-national-ai-committee"),
        ("taiwan", "the Committee", "tw-national-ai-strategic-committee"),
        ("south-korea", "AI Safety Institute", "kr-ai-safety-institute"),
        ("japan", "AI Safety Institute", "jp-aisi"),
        ("canada", "the President", None),
    ],
)
def test_short_forms_name_a_body_only_in_its_own_jurisdiction(
    archive: Archive, jurisdiction: str, written: str, agency: str | None
) -> None:
    index = AliasIndex.for_jurisdiction(archive.registry.agencies, jurisdiction, archive.registry.within)
    key = match_key(written)
    hit = index.longest_at(key, 0)
    assert (hit[1].id if hit and len(hit[0]) == len(key) else None) == agency


def test_no_notice_names_an_agency_outside_its_jurisdictions_reach(archive: Archive) -> None:
    registry, agencies = archive.registry, {a.id: a for a in archive.registry.agencies}
    for n in archive.notices:
        place = n.meta["jurisdiction"]
        for ref in [*n.issuers, *(r for m in n.parsed.measures for r in m.agencies)]:
            where = agencies[ref.agency].jurisdiction
            assert registry.within(place, where) or registry.within(where, place), (n.id, ref)


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("District Science, Technology and Economy Commission, District Data Bureau", 2),
        ("District Science,Technology and Economy Commission、District Data Bureau", 2),
        ("District Data Bureau and District Finance Bureau, etc.", 2),
    ],
)
def test_separators(archive: Archive, clause: str, expected: int) -> None:
    index = AliasIndex.for_jurisdiction(archive.registry.agencies, "shanghai/jingan")
    found, unknown = split_names(clause, index)
    assert len(found) == expected and unknown == []


@pytest.mark.parametrize(
    ("line", "clause"),
    [
        ("（一）建设平台。国家发展改革委、工信部按职责分工负责。", "国家发展改革委、工信部按职责分工负责。"),
        ("（二）统筹推进。由工信部牵头负责，有关部门配合。", "由工信部牵头负责，有关部门配合。"),
        # Prose that gives a role to someone is no clause: it is not a whole sentence closing the
        # line, its first verb is not 牵头 or 分工负责, or a unit's name would hold a verb.
        ("（三）支持龙头企业牵头组建创新联合体。", None),
        ("（四）统筹推进各项任务，由工信部牵头负责。", None),
        ("（五）鼓励企业积极参与。", None),
        ("（六）坚持企业牵头、产学研协同。", None),
        ("（七）建设平台。（责任单位：市经信委）", None),
    ],
)
def test_an_unlabelled_clause_is_the_sentence_that_closes_a_line(line: str, clause: str | None) -> None:
    found = [c.raw for c in find_clauses(split_lines(line)) if c.unlabelled]
    assert found == ([clause] if clause else [])


def roles(archive: Archive, sentence: str, jurisdiction: str = "united-states") -> dict[str, str]:
    """The agencies a sentence of a measure names, each with its strongest role."""
    index = AliasIndex.for_jurisdiction(archive.registry.agencies, jurisdiction, archive.registry.within)
    measure = Measure("m", "n", "1", None, sentence, 1, 1, [], [sentence])
    return {r.agency: r.role for r in strongest(mentions(measure, index, split_lines(sentence)))}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # An office the registry lacks, between two it has, does not cut the list of partners.
        (
            "(iii) within 180 days, in consultation with the Attorney General, the Special Advisor for AI"
            " & Crypto, and the Director of OSTP, issue an RFI to inform potential revisions to guidance.",
            {"us-doj": "cooperating", "us-ostp": "cooperating"},
        ),
        (
            "the Secretary of State, in coordination with the Chief Human Capital Officers Council; the"
            " Secretary of Energy; and the heads of other relevant agencies as appropriate, shall:",
            {"us-dos": "assigned", "us-doe": "cooperating"},
        ),
        # An acronym in parentheses is part of its item, not the end of the list.
        (
            "the Director of OSTP, in consultation with the Secretary of Health and Human Services (HHS),"
            " the Secretary of Energy, and the Director of National Intelligence, shall establish a framework.",
            {"us-ostp": "assigned", "us-hhs": "cooperating", "us-doe": "cooperating", "us-odni": "cooperating"},
        ),
        # The list ends at the first item that is no partner: what follows is not one.
        (
            "the Secretary of Commerce shall, in consultation with the Secretary of State, issue guidance,"
            " and the Secretary of Energy shall publish a report.",
            {"us-doc": "assigned", "us-dos": "cooperating", "us-doe": "assigned"},
        ),
        # The name right before "shall" is its subject, even after a list of partners put first.
        (
            "(d) Within 120 days of the date of this order, and in consultation with the Secretary of"
            " Education and the Director of the NSF, the Secretary of Labor shall support the creation of opportunities.",
            {"us-ed": "cooperating", "us-nsf": "cooperating", "us-dol": "assigned"},
        ),
        # The office a partner acts through is a partner too; the one the subject acts through acts.
        (
            "(i) The Secretary of State, in coordination with the Secretary of Commerce, acting through the"
            " director of NIST, shall publish an AI in Global Development Playbook.",
            {"us-dos": "assigned", "us-doc": "cooperating", "us-nist": "cooperating"},
        ),
        (
            "the Secretary of Commerce, acting through the Director of NIST, shall create guidelines for agencies.",
            {"us-doc": "assigned", "us-nist": "assigned"},
        ),
    ],
)
def test_a_list_of_partners_is_read_whole(archive: Archive, sentence: str, expected: dict[str, str]) -> None:
    assert roles(archive, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "(i) the heads of relevant SRMAs, in coordination with the Director of the Cybersecurity and"
            " Infrastructure Security Agency within the Department of Homeland Security for consideration of"
            " cross-sector risks, shall evaluate potential risks.",
            {"us-cisa": "cooperating", "us-dhs": "mentioned"},
        ),
        # Nor does the office's place cut the list that goes on after it.
        (
            "the Secretary of Homeland Security, in collaboration with CAISI at DOC, the Secretary of Energy,"
            " and the Director of OMB, shall establish an information sharing center.",
            {
                "us-dhs": "assigned",
                "us-caisi": "cooperating",
                "us-doc": "mentioned",
                "us-doe": "cooperating",
                "us-omb": "cooperating",
            },
        ),
        (
            "the Secretary of Commerce, acting through the Director of AISI at NIST, shall develop evaluations.",
            {"us-doc": "assigned", "us-caisi": "assigned", "us-nist": "mentioned"},
        ),
    ],
)
def test_where_an_office_sits_names_no_other_actor(archive: Archive, sentence: str, expected: dict[str, str]) -> None:
    assert roles(archive, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # However the sentence names the holder of the duty: after a parenthesis between dashes …
        (
            "(a) To mitigate privacy risks potentially exacerbated by AI — including by AI's facilitation of the"
            " collection of information about individuals, or the making of inferences — the Director of OMB shall:",
            {"us-omb": "assigned"},
        ),
        (
            "To strengthen the grid – and where feasible its resilience against attacks – the Secretary of Energy shall issue guidance.",
            {"us-doe": "assigned"},
        ),
        # … or by its head's full title, which holds the name of another department.
        (
            "(c) To promote innovation, the Under Secretary of Commerce for Intellectual Property and Director of"
            " the United States Patent and Trademark Office (USPTO Director) shall:",
            {"us-uspto": "assigned"},
        ),
        # The White House offices are named by their heads' titles, none of them the President.
        (
            "the Director of OSTP and the Director of OMB, in consultation with the Assistant to the President for"
            " Economic Policy, the Assistant to the President and Domestic Policy Advisor, and the Assistant to the"
            " President and Director of the Gender Policy Council, shall identify priority mission areas.",
            {
                "us-ostp": "assigned",
                "us-omb": "assigned",
                "us-nec": "cooperating",
                "us-dpc": "cooperating",
                "us-gpc": "cooperating",
            },
        ),
        (
            "(b) The Assistant to the President and Deputy Chief of Staff for Policy shall serve as Chair of the White House AI Council.",
            {"us-deputy-chief-of-staff-for-policy": "assigned", "us-white-house-ai-council": "mentioned"},
        ),
        # A name that owns the subject is not the subject.
        (
            "The Director of OMB’s guidance shall specify, to the extent appropriate and consistent with applicable law:",
            {"us-omb": "mentioned"},
        ),
        (
            "(h) Within 180 days of the date of this order, the President’s Council of Advisors on Science and"
            " Technology shall submit to the President a report on the potential role of AI.",
            {"us-pcast": "assigned", "us-president": "mentioned"},
        ),
        # What a body is made of is no duty of the body.
        (
            "(c) In addition to the Chair, the White House AI Council shall consist of the following members:",
            {"us-white-house-ai-council": "mentioned"},
        ),
        (
            "The White House Task Force on Artificial Intelligence Education shall be composed of the Secretary of Labor"
            " and the Secretary of Education.",
            {"us-ai-education-task-force": "mentioned", "us-dol": "mentioned", "us-ed": "mentioned"},
        ),
    ],
)
def test_the_holder_of_a_duty_is_assigned_however_named(
    archive: Archive, sentence: str, expected: dict[str, str]
) -> None:
    assert roles(archive, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "(xxiv) the Assistant to the President and Chief of Staff to the Vice President;",
        "As Vice President Vance remarked at the Paris AI Action Summit, restricting AI development would not help.",
        "the Assistant to the President for Presidential Personnel shall review the list.",
    ],
)
def test_a_name_inside_a_longer_title_is_not_named(archive: Archive, sentence: str) -> None:
    assert "us-president" not in roles(archive, sentence)
