"""A Python-Markdown extension: the generated pages' blocks of HTML set aside whole, unparsed.

Our pages are mostly HTML written by the templates, one block to a paragraph. Python-Markdown
finds where each raw HTML block ends by parsing every tag in it with its HTML parser, in Python:
most of the time MkDocs spends on a page. This preprocessor runs first and sets aside, as they
are, the paragraphs that are plainly complete blocks, one after another: each opens with a
block-level tag and closes where the next opens, the last exactly at the paragraph's end, and
they hold nothing the parser treats specially (comments, scripts, styles, ``<hr>``). Anything
else is left to Python-Markdown as before, and so is the rest of a page after a paragraph that
may leave its parser inside a block (an unclosed tag or comment). The HTML is the same either
way, byte for byte (``tests/test_rawhtml.py`` converts every generated page both ways), so
nothing depends on this extension: it only saves time, in MkDocs and in Zensical alike (both
read ``markdown_extensions``). It runs before MkDocs' own pass that collects the ids in raw HTML
for its anchor checks (a second parse of every tag, as slow as the first):
``render.anchors_from_html`` reads them from each page's HTML instead, for the build and the
preview alike.
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?>")
_SPECIAL = re.compile(r"<!|<\?|<(?:script|style|pre|textarea|hr)\b", re.IGNORECASE)


def whole_blocks(paragraph: str, md: Markdown) -> list[str] | None:
    """The raw HTML blocks ``paragraph`` is made of, one after another, as Python-Markdown's
    parser would set each aside; None where the paragraph is anything else."""
    if _SPECIAL.search(paragraph) or "<" in _TAG.sub("", paragraph):  # a "<" that is no tag
        return None
    blocks: list[str] = []
    stack: list[str] = []
    start = 0
    for tag in _TAG.finditer(paragraph):
        closing, name = bool(tag[1]), tag[2].lower()
        if not stack and (closing or tag.start() != start or not md.is_block_level(name)):
            return None  # text, or an inline tag, between blocks
        if not closing and not tag[0].endswith("/>"):
            stack.append(name)
        elif closing and name in stack:
            while stack.pop() != name:
                pass
        if not stack:
            blocks.append(paragraph[start : tag.end()])
            start = tag.end()
    return blocks if blocks and not stack and start == len(paragraph) else None


def may_leave_open(paragraph: str) -> bool:
    """Whether the parser may still be inside a raw block (or a comment) after ``paragraph``:
    then what follows, blank lines and all, may be part of that block, and is left to it."""
    if paragraph.count("<!--") > paragraph.count("-->"):
        return True
    stack: list[str] = []
    for tag in _TAG.finditer(paragraph):
        name = tag[2].lower()
        if not tag[1] and not tag[0].endswith("/>"):
            stack.append(name)
        elif tag[1] and name in stack:
            while stack.pop() != name:
                pass
    return bool(stack) and any(line.lstrip(" ").startswith("<") for line in paragraph.split("\n"))


class WholeBlocks(Preprocessor):
    """Set aside the paragraphs made of whole HTML blocks, as the raw HTML parser would: each
    block ends in a newline if a blank line follows it, and blocks are set one line apart. A
    run of such paragraphs is set aside as one, which is the same HTML once put back."""

    def run(self, lines: list[str]) -> list[str]:
        paragraphs = "\n".join(lines).split("\n\n")
        out: list[str] = []
        run: list[str] = []
        for n, paragraph in enumerate(paragraphs):
            blocks = whole_blocks(paragraph, self.md) if n < len(paragraphs) - 1 else None
            if blocks is not None:
                blocks[-1] += "\n"
                run += blocks
                continue
            if run:
                out.append("\n" + self.md.htmlStash.store("\n".join(run)) + "\n")
                run = []
            if may_leave_open(paragraph):  # the rest is the parser's, as it is
                out += paragraphs[n:]
                break
            out.append(paragraph)
        return "\n\n".join(out).split("\n")


class WholeBlocksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After whitespace is normalised (30), before the raw HTML parser (20).
        md.preprocessors.register(WholeBlocks(md), "whole_html_blocks", 25)


def makeExtension(**kwargs: object) -> WholeBlocksExtension:
    return WholeBlocksExtension(**kwargs)
