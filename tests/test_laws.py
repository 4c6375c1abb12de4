"""The five laws and instruments of shared/corpus-next2 as a careful reader counts and cites them:
the EU's AI Act (articles, recitals, annexes, paragraphs and points), Korea's and Taiwan's AI
Basic Acts (titled articles, addenda), Canada's directive (decimal clauses, appendices) and the
OECD Recommendation (operative paragraphs framing principles and recommendations)."""

from __future__ import annotations

from collections import Counter

import pytest

from tools.models import Archive, Node

from .test_parse import notice

EU = "eu-ai-act-regulation-2024-1689"
KOREA = "kr-ai-basic-act-2025"
TAIWAN = "tw-ai-basic-act-2026"
CANADA = "ca-directive-automated-decision-making-2025"
OECD = "oecd-ai-recommendation-2019-2024"

# Canada: the deepest numbered clauses that carry a requirement — the deputy head's (section 6,
# under "… is responsible for:"), the Secretariat's (7.1–7.5) and the agents of Parliament's
# (8.3.2, 8.3.5); not the effective date, scope, exemptions, references or enquiries.
CANADA_CLAUSES = [
    "6.1.1", "6.1.2", "6.1.3", "6.2.1", "6.2.2.1", "6.2.3", "6.2.4", "6.2.5", "6.2.6.1", "6.2.6.2", "6.2.7",
    *[f"6.3.{i}" for i in (1, 2, 3)], "6.3.4.1", *[f"6.3.{i}" for i in range(5, 15)], "6.4.1.1", "6.5.1", "6.5.2",
    *[f"7.{i}" for i in range(1, 6)], "8.3.2", "8.3.5",
]  # fmt: skip


@pytest.mark.parametrize(
    ("notice_id", "count"), [(EU, 113), (KOREA, 43), (TAIWAN, 20), (CANADA, len(CANADA_CLAUSES)), (OECD, 10)]
)
def test_measure_counts(archive: Archive, notice_id: str, count: int) -> None:
    n = notice(archive, notice_id)
    assert len(n.parsed.measures) == count
    assert n.meta["parsing"]["expect_measures"] == count
    assert [str(p) for p in n.parsed.problems] == []


def test_eu_articles_are_the_measures_with_their_titles(archive: Archive) -> None:
    measures = notice(archive, EU).parsed.measures
    assert [m.id for m in measures] == [f"art-{i}" for i in range(1, 114)]
    by_id = {m.id: m for m in measures}
    assert by_id["art-5"].title == "Prohibited AI practices"
    assert by_id["art-1"].title == "Subject matter"  # the stray backtick of the source stays on the page only
    assert by_id["art-6"].path == ["chp-3", "chp-3-sec-1"]
    assert by_id["art-6"].cited_as == "Article 6"
    # "Article 18 of Regulation (EU) 2019/1020 shall apply …" is Article 94's text, not a heading.
    assert by_id["art-94"].paragraphs[-1].startswith("Article 18 of Regulation (EU) 2019/1020")


def test_eu_recitals_and_citations_are_the_preamble(archive: Archive) -> None:
    parsed = notice(archive, EU).parsed
    roles = Counter(f.role for f in parsed.front_matter)
    assert roles["recital"] == 180 and roles["enacting-formula"] == 1
    recitals = [f for f in parsed.front_matter if f.role == "recital"]
    assert [f.number for f in recitals] == [str(i) for i in range(1, 181)]
    assert recitals[11].anchor == "recital-12" and recitals[11].line.raw.startswith("(12) The notion of ‘AI system’")
    citations = (f.line.raw for f in parsed.front_matter if f.role == "citation")
    assert next(citations).startswith("Having regard to the Treaty")


def test_eu_closing_and_footnotes_are_back_matter(archive: Archive) -> None:
    parsed = notice(archive, EU).parsed
    footnotes = [f for f in parsed.back_matter if f.role == "footnote"]
    assert [f.number for f in footnotes] == [str(i) for i in range(1, 59)]
    assert footnotes[0].line.raw == "(1) OJ C 517, 22.12.2021, p. 56."
    assert parsed.back_matter[0].line.raw == "Done at Brussels, 13 June 2024."
    last = {m.id: m for m in parsed.measures}["art-113"]
    assert (
        last.paragraphs[-1]
        == "This Regulation shall be binding in its entirety and directly applicable in all Member States."
    )
    assert [f.role for f in parsed.back_matter[-2:]] == ["publication", "publication"]


def test_eu_annexes_are_parts_not_measures(archive: Archive) -> None:
    parsed = notice(archive, EU).parsed
    annexes = parsed.back_parts()
    numerals = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii"]
    assert [a.id for a in annexes] == [f"annex-{r}" for r in numerals]
    assert annexes[2].title == "High-risk AI systems referred to in Article 6(2)"
    assert all(not a.is_measure for a in annexes)
    assert [c.id for c in annexes[0].children] == ["annex-i-sec-a", "annex-i-sec-b"]


def test_eu_paragraphs_and_points_have_anchors_and_citations(archive: Archive) -> None:
    art5 = {m.id: m for m in notice(archive, EU).parsed.measures}["art-5"]
    points = {p.anchor: p for p in art5.points}
    assert points["para-1-a"].cited_as == "Article 5(1)(a)"
    # "(i)" after "(h) … for one of the following objectives:" opens a list; it is not the letter.
    assert points["para-1-h-i"].cited_as == "Article 5(1)(h)(i)"
    assert art5.paragraphs[points["para-1-h-i"].paragraph].startswith("(i) the targeted search")
    assert len({p.anchor for p in art5.points}) == len(art5.points)


def test_korea_titled_articles_and_addenda(archive: Archive) -> None:
    parsed = notice(archive, KOREA).parsed
    measures = {m.id: m for m in parsed.measures}
    assert list(measures) == [f"art-{i}" for i in range(1, 44)]
    assert measures["art-1"].title == "Purpose"
    # The first paragraph starts on the heading's line: "Article 3 (…) (1) Artificial …".
    assert [p.anchor for p in measures["art-3"].points][:2] == ["para-1", "para-2"]
    (addenda,) = parsed.back_parts()
    assert addenda.id == "addenda-1" and addenda.title == "<Act No. 20676, Jan. 21, 2025>"
    assert [c.id for c in addenda.children] == ["addenda-1-art-1", "addenda-1-art-2", "addenda-1-art-3"]


def test_taiwan_articles_with_plain_paragraphs(archive: Archive) -> None:
    measures = notice(archive, TAIWAN).parsed.measures
    assert [m.id for m in measures] == [f"art-{i}" for i in range(1, 21)]
    assert measures[19].paragraphs[-1] == "This Act shall take effect on the date of its promulgation."


def test_canada_deepest_clauses_are_the_measures(archive: Archive) -> None:
    parsed = notice(archive, CANADA).parsed
    assert [m.cited_as for m in parsed.measures] == CANADA_CLAUSES
    by_cite = {m.cited_as: m for m in parsed.measures}
    assert by_cite["6.2.6.1"].id == "m-6-2-6-1"
    # A sub-heading between clauses belongs to the clause below it, not to the text above.
    assert "Providing explanations after decisions" not in by_cite["6.2.2.1"].paragraphs
    assert [a.id for a in parsed.back_parts()] == ["appendix-a", "appendix-b", "appendix-c"]


def _all(nodes: list[Node]) -> list[Node]:
    return [x for n in nodes for x in (n, *_all(n.children))]


def test_oecd_operative_paragraphs_frame_the_principles(archive: Archive) -> None:
    parsed = notice(archive, OECD).parsed
    assert [m.cited_as for m in parsed.measures] == [f"1.{i}" for i in range(1, 6)] + [f"2.{i}" for i in range(1, 6)]
    frames = [n for n in _all(parsed.nodes) if n.numbering.style == "operative"]
    assert [f.numbering.printed for f in frames] == ["I.", "II.", "III.", "IV.", "V.", "VI.", "VII.", "VIII."]
    assert not any(f.is_measure for f in frames)
