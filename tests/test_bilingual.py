"""One notice in two languages: the Chinese original and its English translation, aligned by
the numbers each prints (the real pipeline on the real corpus, and a deliberately broken copy)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import Cli, make_small_corpus
from tools.align import align, point_values
from tools.load import sha256
from tools.models import Archive

PAIR = "cn-generative-ai-interim-measures-2023"
ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "corpus" / "notices" / PAIR


def test_the_pair_is_one_notice_of_24_measures_with_both_texts(archive: Archive) -> None:
    n = next(n for n in archive.notices if n.id == PAIR)
    assert len(n.parsed.measures) == 24
    assert n.meta["language"] == "zh" and n.meta["translation"]["status"] == "original"
    english = n.translations["en"]
    assert len(english.measures) == 24
    assert n.aligned["en"]["art-5"] == "art-5" and n.aligned["en"]["chp-2"] == "sec-2"
    assert len(n.aligned["en"]) == 24 + 5
    # Agencies come from the original only: the seven issuers, resolved once each.
    assert len({r.agency for r in n.issuers}) == 7
    assert not [p for p in archive.problems if PAIR in p.path and p.severity == "error"]


def test_items_pair_by_their_values(archive: Archive) -> None:
    n = next(n for n in archive.notices if n.id == PAIR)
    zh = {m.id: m for m in n.parsed.measures}
    en = {m.id: m for m in n.translations["en"].measures}
    assert point_values(zh["art-4"].points) == point_values(en["art-4"].points) == [1, 2, 3, 4, 5]
    assert [p.number for p in zh["art-22"].points] == ["（一）", "（二）", "（三）"]
    assert [p.number for p in en["art-22"].points] == ["(1)", "(2)", "(3)"]


def test_each_article_is_the_source_character_for_character(archive: Archive) -> None:
    """Every article's text in either language is the lines of its file from its heading to the
    next numbered unit, footnote lines aside (they are the translation's notes)."""
    n = next(n for n in archive.notices if n.id == PAIR)
    for parse, name in ((n.parsed, "source.txt"), (n.translations["en"], "source.en.txt")):
        lines = (FOLDER / name).read_text("utf-8").splitlines()
        notes = {fm.line.number for fm in parse.back_matter}
        for m in parse.measures:
            own = [ln for i, ln in enumerate(lines[m.line - 1 : m.end_line], m.line) if ln.strip() and i not in notes]
            assert m.paragraphs == own, m.id
    en = n.translations["en"]
    assert not any("《" in p for m in en.measures for p in m.paragraphs if re.match(r"^[ivx]+《", p))
    assert [fm.number for fm in en.back_matter if fm.role == "footnote"] == ["iii", "iv", "v", "vi", "vii"]
    assert [fm.number for fm in en.front_matter if fm.role == "footnote"] == ["i", "ii"]


def test_a_translation_that_does_not_match_gets_located_messages(cli: Cli, tmp_path: Path) -> None:
    corpus = make_small_corpus(tmp_path / "corpus", (PAIR,))
    folder = corpus / "notices" / PAIR
    english = folder / "source.en.txt"
    text = english.read_text("utf-8")
    # Article 5 left out; Article 10 printed as "Article 11".
    start, end = text.index("**Article 5:**"), text.index("**Article 6:**")
    text = text[:start] + text[end:]
    text = text.replace("**Article 10:**", "**Article 11:**", 1)
    english.write_text(text, encoding="utf-8")
    meta = folder / "notice.yaml"
    meta.write_text(
        meta.read_text("utf-8").replace(
            "e39f7ab5eed110b8f37326e924789904fd35fc01b75eb4e80ff390af45aa4593", sha256(english)
        ),
        encoding="utf-8",
    )
    result = cli("check", "--corpus", str(corpus))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    original = f"{folder}/source.txt"
    translated = f"{folder}/source.en.txt"
    missing = [ln for ln in lines if ln.startswith(f"{original}:33: 第五条 has no counterpart in source.en.txt")]
    assert missing, result.stderr
    renumbered = [ln for ln in lines if ln.startswith(f"{original}:47: 第十条 has no counterpart in source.en.txt")]
    assert renumbered and "in its place it has Article 11 (line 107)" in renumbered[0], result.stderr
    twice = [ln for ln in lines if ln.startswith(translated) and "Article 11 is printed a second time" in ln]
    assert twice, result.stderr


def test_align_is_a_pure_function_of_two_parses(archive: Archive) -> None:
    n = next(n for n in archive.notices if n.id == PAIR)
    first = align(n.parsed, n.translations["en"], "a/source.txt", "a/source.en.txt")
    second = align(n.parsed, n.translations["en"], "a/source.txt", "a/source.en.txt")
    assert first.pairs == second.pairs and not first.problems


def _section_paragraphs(page: str, lang: str) -> list[str]:
    """The text of each paragraph of a measure page's section in ``lang``, as a browser reads it."""
    from html.parser import HTMLParser

    class Reader(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.depth, self.in_p, self.out = 0, False, []  # type: ignore[var-annotated]

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            a = dict(attrs)
            if tag == "section" and a.get("lang") == lang and "text" in (a.get("class") or ""):
                self.depth = 1
            elif tag == "section" and self.depth:
                self.depth += 1
            elif tag == "p" and self.depth and "text-label" not in (a.get("class") or ""):
                self.in_p = True
                self.out.append("")

        def handle_endtag(self, tag: str) -> None:
            if tag == "section" and self.depth:
                self.depth -= 1
            elif tag == "p":
                self.in_p = False

        def handle_data(self, data: str) -> None:
            if self.in_p and self.depth:
                self.out[-1] += data

    reader = Reader()
    reader.feed(page)
    return list(reader.out)


def test_every_article_page_shows_both_texts_as_in_the_sources(site: Path, archive: Archive) -> None:
    n = next(n for n in archive.notices if n.id == PAIR)
    english = {m.id: m for m in n.translations["en"].measures}
    sources = {
        "zh": (FOLDER / "source.txt").read_text("utf-8").splitlines(),
        "en": (FOLDER / "source.en.txt").read_text("utf-8").splitlines(),
    }
    notes = {fm.line.number for fm in n.translations["en"].back_matter}
    for m in n.parsed.measures:
        for url in (f"notices/{PAIR}/{m.id}/", f"notices/{PAIR}/{m.id}/en/"):
            page = (site / url / "index.html").read_text("utf-8")
            for lang, measure in (("zh", m), ("en", english[n.aligned["en"][m.id]])):
                lines = sources[lang][measure.line - 1 : measure.end_line]
                own = [
                    ln for i, ln in enumerate(lines, measure.line) if ln.strip() and not (lang == "en" and i in notes)
                ]
                assert _section_paragraphs(page, lang) == own, (url, lang)


TRANSLATIONS_TODAY = {
    "shanghai-ai-industry-regulations": None,
    "shenzhen-ai-action-plan-2023-2024": None,
    "jingan-ai-demonstration-zone-2026-2028": None,
    "jingan-zhangjiang-park-plan-2025-2026": None,
    "jp-ai-basic-plan-2025": "人工知能基本計画",
}


def test_notices_that_are_translations_say_so(site: Path) -> None:
    for notice, title in TRANSLATIONS_TODAY.items():
        page = (site / "notices" / notice / "index.html").read_text("utf-8")
        assert "original not archived" in page, notice
        if title:
            assert f'Original title: <span lang="ja">{title}</span>' in page
    original = (site / "notices" / "us-eo-14110-safe-secure-trustworthy-ai-2023" / "index.html").read_text("utf-8")
    assert "original not archived" not in original
