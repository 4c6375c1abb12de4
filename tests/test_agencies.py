"""Agencies: responsible units split by the registry, aliases merged, mentions kept apart."""

from __future__ import annotations

import pytest

from tools.agencies import AliasIndex, find_clauses, match_key, split_names
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
