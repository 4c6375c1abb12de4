"""The Markdown extension that sets our pages' HTML blocks aside whole (tools/rawhtml.py) changes
no byte of any page: every generated page converted with it and without it."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from mkdocs.utils.meta import get_data

from tools.generate import generate
from tools.pipeline import build_archive
from tools.rawhtml import may_leave_open, whole_blocks

from .conftest import CORPUS, make_small_corpus
from .site_helpers import load_yaml

# Every kind of page (see tests/test_site.py), and the largest notice, with recitals, points and annexes.
NOTICES = (
    "shenzhen-ai-action-plan-2023-2024",
    "cn-generative-ai-interim-measures-2023",
    "jingan-zhangjiang-park-plan-2025-2026",
    "eu-ai-act-regulation-2024-1689",
)


def _converters() -> tuple[markdown.Markdown, markdown.Markdown]:
    """Python-Markdown as mkdocs.yml configures it, with the extension and without it."""
    config = load_yaml((CORPUS.parent / "mkdocs.yml").read_text("utf-8"))
    names, settings = [], {}
    for entry in config["markdown_extensions"]:
        name = next(iter(entry)) if isinstance(entry, dict) else entry
        names.append(name)
        settings[name] = entry[name] if isinstance(entry, dict) else {}
    assert "tools.rawhtml" in names
    without = [n for n in names if n != "tools.rawhtml"]
    return markdown.Markdown(extensions=names, extension_configs=settings), markdown.Markdown(
        extensions=without, extension_configs={n: settings[n] for n in without}
    )


def _same_both_ways(texts: list[str]) -> list[int]:
    fast, slow = _converters()
    different = []
    for n, text in enumerate(texts):
        fast.reset()
        slow.reset()
        if fast.convert(text) != slow.convert(text):
            different.append(n)
    return different


def test_every_generated_page_is_the_same_html_with_it(tmp_path: Path) -> None:
    corpus = make_small_corpus(tmp_path / "corpus", NOTICES)
    docs = tmp_path / "docs"
    generate(build_archive(corpus), docs, CORPUS.parent / "docs")
    pages = sorted(docs.rglob("*.md"))
    texts = [get_data(p.read_text("utf-8"))[0] for p in pages]
    assert len(pages) > 300
    assert [str(pages[n]) for n in _same_both_ways(texts)] == []
    # And it did set most blocks aside (else this test would prove nothing).
    md = markdown.Markdown()
    html = [p for t in texts for p in t.strip().split("\n\n") if p.startswith("<")]
    assert sum(whole_blocks(p, md) is not None for p in html) > 0.95 * len(html)
    assert not [p for p in html if whole_blocks(p, md) is None and may_leave_open(p)]  # none ends it early


@pytest.mark.parametrize(
    "text",
    [
        '<div class="a"><p>one</p></div>\n\nAfter.\n',
        '<div hidden><span data-x="1">a</span></div><div hidden><span>b</span></div>\n\n## Next\n',
        "<h4>Mentioned in (1)</h4><ul><li><a href=x>6.3.11</a></li></ul>\n\nText\n",
        "<div><p>a<br>b<br />c</p><img src=x></div>\n\nEnd\n",
        "<div>a</div> and text after\n\nEnd\n",  # text after a block: the parser's own way
        "<div>a</div>\ntext on the next line\n\nEnd\n",
        "<span>inline first</span><div>b</div>\n\nEnd\n",
        "<div><!-- a comment --></div>\n\nEnd\n",
        "<div>unclosed <p>para\n\nEnd\n",
        "<div>a &lt; b and 3 < 4</div>\n\nEnd\n",
        "<details><summary>S</summary><ul><li><q>x</q></li></ul></details>\n\n<nav><a href=y>last</a></nav>",
        "# Title\n\n<div>x</div>\n\n<div>y</div>\n",
        # A block left open runs on over blank lines: what follows is its, not set aside.
        '<div class="x">\n\n<p>inner</p>\n\n</div>\n\nEnd\n',
        "<pre>\ncode\n\n<div>x</div>\n\n</pre>\n\nEnd\n",
        "<!-- start\n\n<div>x</div>\n\nend -->\n\nEnd\n",
        "Text\n<div>opened\n\n<p>inner</p>\n\n</div>\n\nEnd\n",
    ],
)
def test_any_paragraph_is_the_same_html_with_it(text: str) -> None:
    assert _same_both_ways([text]) == []


def test_what_it_sets_aside_and_what_it_leaves() -> None:
    md = markdown.Markdown()
    assert whole_blocks("<div>a</div><ul><li>b</li></ul>", md) == ["<div>a</div>", "<ul><li>b</li></ul>"]
    assert whole_blocks("<div><p>a<br>b</p></div>", md) == ["<div><p>a<br>b</p></div>"]
    for left in ("<span>a</span>", "<div>a</div> tail", "<div>a", "<div>3 < 4</div>", "<div><!-- c --></div>"):
        assert whole_blocks(left, md) is None, left
