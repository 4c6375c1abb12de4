"""The text exactly as printed: every sentence of every notice is on its page, character for
character (only the whitespace between lines may differ), and every measure's lines on its own page."""

from __future__ import annotations

import re
from pathlib import Path

from tools import urls
from tools.models import Archive

from .site_helpers import parse_html

# A sentence ends at a full stop that is followed by a space, or at a Chinese full stop (which
# takes no space), or right before a subsection that starts without a space ("Workers.(a) To"):
# the places where a page may start a new block.
_SENTENCE_END = re.compile(r"(?<=[。！？；])|(?<=[.!?;])\s+|(?<=\.)(?=\([a-z0-9]\)\s)")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _article_text(page: Path) -> str:
    """The article's text as a reader sees it: hidden parts and permalink signs left out, each
    element's text apart from the next (as BeautifulSoup's get_text(" ") gives it)."""
    articles = parse_html(page).xpath("//article")
    assert len(articles) == 1, page
    for hidden in articles[0].xpath(".//*[@hidden or contains(concat(' ', @class, ' '), ' headerlink ')]"):
        hidden.drop_tree()  # its tail, the text after it, stays
    return _flat(" ".join(articles[0].itertext()))


def sentences(raw: str) -> list[str]:
    return [_flat(s) for s in _SENTENCE_END.split(raw) if s and s.strip()]


def test_every_sentence_is_on_its_notice_page(archive: Archive, site: Path) -> None:
    missing = []
    for n in archive.notices:
        shown = _article_text(site / urls.notice(n.id) / "index.html")
        missing += [(n.id, ln.number, s) for ln in n.files.lines for s in sentences(ln.raw) if s not in shown]
    assert missing == []


def test_every_measure_page_shows_its_lines_as_printed(archive: Archive, site: Path) -> None:
    missing = []
    for n in archive.notices:
        for m in n.parsed.measures:
            shown = _article_text(site / urls.measure(n.id, m.id) / "index.html")
            missing += [(n.id, m.id, p) for p in m.paragraphs if _flat(p) not in shown]
    assert missing == []


def test_headings_keep_their_punctuation_and_spacing(site: Path) -> None:
    shenzhen = _article_text(site / "notices/shenzhen-ai-action-plan-2023-2024/index.html")
    assert "(1) Build a city-level intelligent computing power platform. Integrate" in shenzhen
    zhangjiang = (site / "notices/jingan-zhangjiang-park-plan-2025-2026/index.html").read_text("utf-8")
    assert "(4) Space" not in zhangjiang
