"""What surrounds the headings: a heading line that also starts its first subsection, tables
of contents, labels of lists of measures, footnotes placed among the paragraphs, end notes, and
bullets that are prose."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from tools import regexes
from tools.models import SourceLine
from tools.numerals import from_roman
from tools.parse.headings import Heading, candidates, match_heading, title_span
from tools.parse.lines import normalise, raw_prefix, title_key
from tools.regexes import HeadingStyle


def split_inline(lines: Sequence[SourceLine], styles: Sequence[HeadingStyle]) -> list[SourceLine]:
    """Split "4.1.  Title.  (a)  Within …" into the heading and the subsection it starts."""
    out: list[SourceLine] = []
    for line in lines:
        out += _split_line(line, styles) if line.norm else [line]
    return [replace(seg, index=i) for i, seg in enumerate(out)]


def _split_line(line: SourceLine, styles: Sequence[HeadingStyle]) -> list[SourceLine]:
    heading = match_heading(line, styles)
    if heading is None:
        return [line]
    title, span = title_span(heading)
    body = heading.rest[span:].lstrip() if title else ""
    if not body:
        return [line]
    # The subsection it starts is the first of its list: "(i)" here is Roman, never the letter.
    inner = next(
        (h for h in candidates(SourceLine(line.number, body, body, 0), styles) if h.numbering.value == 1), None
    )
    if inner is None or inner.style.rank is not None or inner.style == heading.style:
        return [line]
    cut = raw_prefix(line.raw, normalise(line.raw)[: len(line.norm) - len(body)].rstrip())
    if cut is None:
        return [line]
    while cut < len(line.raw) and line.raw[cut].isspace():
        cut += 1
    first, second = line.raw[:cut], line.raw[cut:]
    return [SourceLine(line.number, first, normalise(first), 0), SourceLine(line.number, second, normalise(second), 0)]


# --- tables of contents, list labels and footnotes -----------------------------------------


def find_contents(lines: Sequence[SourceLine], styles: Sequence[HeadingStyle]) -> tuple[set[int], set[str]]:
    """The lines of a table of contents (by index), and the unnumbered titles it lists.

    A table of contents starts at its heading ("Table of Contents", 目录) and ends where the
    body repeats its first entry. Entries wrapped over two lines are joined."""
    start = next((ln.index for ln in lines if regexes.CONTENTS_HEADING.match(ln.norm)), None)
    if start is None:
        return set(), set()
    entries: list[str] = []
    members = {start}
    pending = ""
    for line in lines[start + 1 :]:
        if not line.norm:
            continue
        text = regexes.CONTENTS_LEADER.sub("", line.norm).strip()
        if len(text) > regexes.CONTENTS_MAX_CHARS or (entries and title_key(text) == title_key(entries[0])):
            break
        members.add(line.index)
        if regexes.CONTENTS_LEADER.search(line.norm) or match_heading(line, styles):
            entries.append(f"{pending} {text}".strip())
            pending = ""
        else:
            pending = f"{pending} {text}".strip()  # an entry wrapped onto the next line
    if pending:
        entries.append(pending)
    untitled = SourceLine(0, "", "", 0)
    titled = {title_key(e) for e in entries if not match_heading(replace(untitled, raw=e, norm=e), styles)}
    return members, titled


def find_labels(lines: Sequence[SourceLine], heading_lines: set[int], hints: dict[str, Any]) -> set[int]:
    """Lines that label a list of measures: short and unpunctuated, each time right before a
    numbered or bulleted item, and used more than once (or named in the ``measure_lists`` hint)."""
    found: dict[str, list[int]] = {}
    texts = [ln for ln in lines if ln.norm]
    for line, following in itertools.pairwise(texts):
        if line.index in heading_lines or following.index not in heading_lines:
            continue
        if regexes.LIST_LABEL.match(line.norm) and not regexes.SENTENCE_END.search(line.norm):
            found.setdefault(title_key(line.norm), []).append(line.index)
    named = {title_key(str(x)) for x in hints.get("measure_lists") or []}
    return {i for key, at in found.items() if len(at) > 1 or key in named for i in at}


def footnote_lines(lines: Sequence[SourceLine]) -> set[int]:
    """Footnotes a PDF conversion placed among the paragraphs: a line that starts with a number
    the text has cited as "[n]" before it. They are never headings, measures or targets."""
    cited: set[int] = set()
    out = set()
    for line in lines:
        m = regexes.FOOTNOTE_LINE.match(line.raw.strip())
        if m and int(m["num"]) in cited:
            out.add(line.index)
        for ref in regexes.FOOTNOTE_REF.findall(line.raw):
            cited |= {int(n) for n in re.findall(r"\d+", ref)}
    return out


def roman_footnotes(lines: Sequence[SourceLine]) -> dict[int, str]:
    """Footnotes a PDF conversion marked with lowercase Roman numerals and placed among the
    paragraphs ("ii《…》; http://…", "i Translation by: …"): a line that starts with the next
    numeral of the series (i, ii, iii …), whose mark the text before it carries fused onto a
    word ("Servicesii", "…China"iii"). Returns {segment index: numeral}; they are notes, never
    part of a measure."""
    out: dict[int, str] = {}
    expected, seen = 1, ""
    for line in lines:
        m = regexes.ROMAN_FOOTNOTE_LINE.match(line.raw.strip())
        numeral = m["num"] if m else ""
        if numeral and from_roman(numeral.upper()) == expected and _marked(seen, numeral):
            out[line.index] = numeral
            expected += 1
        else:
            seen += line.raw + "\n"
    return out


def _marked(text: str, numeral: str) -> bool:
    return re.search(rf"[A-Za-z\"”)]{numeral}(?![A-Za-z])", text) is not None


def notes_section(lines: Sequence[SourceLine], styles: Sequence[HeadingStyle]) -> set[int]:
    """An unnumbered "Endnotes" / "Notes" / "References" line and what follows it, up to the next
    annex or appendix: end notes, never measures."""
    start = next(
        (
            ln.index
            for ln in lines
            if regexes.REFERENCES_TITLE.match(ln.norm) and not candidates(ln, styles, items=True)
        ),
        None,
    )
    if start is None:
        return set()
    back = [s for s in styles if s.back_matter]
    end = next((ln.index for ln in lines[start + 1 :] if candidates(ln, back)), len(lines))
    return set(range(start, end))


def trailing_notes(headings: Sequence[Heading]) -> set[int]:
    """End notes with no heading: a run of one style at the very end that starts again at 1, where
    that style had run straight through the text before ("7." then "1. Review of …, 2025.").
    A decimal clause is never a note: "2.1" after "1.2" starts the next group ("1.1" … "2.2")."""
    if not headings or headings[-1].style.rank is not None or headings[-1].major is not None:
        return set()
    style = headings[-1].style
    run: list[Heading] = []
    for heading in reversed(headings):
        if heading.style is not style:
            break
        run.insert(0, heading)
    values = [h.numbering.value for h in run]
    start = next((i for i in range(len(values) - 1, -1, -1) if values[i] == 1), None)
    if start is None or start == 0 or values[start:] != list(range(1, len(values) - start + 1)):
        return set()
    before = [h.numbering.value for h in headings if h.style is style][: -(len(values) - start)]
    straight = before == list(range(before[0], before[0] + len(before))) if before else False
    return {h.line.index for h in run[start:]} if straight and before[-1] >= len(values) - start else set()


def stray_bullets(measures: Sequence[tuple[Any, Any]], labels: set[int]) -> set[int]:
    """Bullets read as measures beside numbered ones, where no label names a list of measures:
    they are prose between the numbered measures ("What we heard" • … • …)."""
    if labels:
        return set()
    bullets = {e.heading.line.index for e, _ in measures if e.heading.style.unnumbered}
    numbered = any(not e.heading.style.unnumbered for e, _ in measures)
    return bullets if bullets and numbered else set()
