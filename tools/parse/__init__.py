"""Structure: a notice's text → front matter and a tree of parts, groups and measures.

One mechanism serves every layout. Each line is matched against the heading styles of
``regexes.HEADING_STYLES`` (a line may fit several: "(i)" is a letter after "(h)" and a Roman
numeral otherwise; the style whose sequence it continues wins). Headings nest by a stack: a
style already open closes what is inside it, a new style opens inside the current one, and
ranked styles (part > chapter > section > article) close everything below their rank.

What is *not* a heading is as important:

- numbered items after a line ending in a colon are an inline list (lists nest: "(i)" inside
  "(a)" inside "4.1."), and every numbered line inside an article is content of the article;
- the lines of a table of contents are front matter; but the unnumbered titles it lists are
  headings where they recur in the body (a plan whose sections have no numbers);
- an inline subsection that starts on its heading's line ("4.1. Title. (a) Within …") is split
  off into a segment of its own, so that each unit starts a segment; the raw characters of
  the two segments are the line's, in order.

Measures are the leaves of the tree below the top level (or any heading of a style that is
always a measure, such as an article, or a top-level part with its own responsible-unit
clause). Where a notice labels its lists of measures ("Recommended Policy Actions",
"[Specific Initiatives]", used again and again), the measures are the leaves under those
labels only. A measure's id is built from its printed numbers, dropping enclosing levels that
its numbering runs straight through; unnumbered items take their place among their siblings,
and unnumbered headings a short slug of their title.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence, Set
from dataclasses import dataclass
from typing import Any

from tools import regexes
from tools.models import FrontMatter, Measure, ParsedNotice, SourceLine
from tools.parse.checks import check_numbering, diagnose
from tools.parse.front import classify_front, closing_lines, enacting_formula, front_matter_role, preamble
from tools.parse.headings import (
    Heading,
    attach_notes,
    attach_title_lines,
    candidates,
    find_headings,
    heading_raw,
    match_heading,
    split_title,
)
from tools.parse.ids import assign_ids, cited_as, dedupe_ids, slug
from tools.parse.layout import (
    find_contents,
    find_labels,
    footnote_lines,
    notes_section,
    roman_footnotes,
    split_inline,
    stray_bullets,
    trailing_notes,
)
from tools.parse.lines import fold, normalise, split_lines
from tools.parse.points import find_points
from tools.parse.tree import Open, attach_text, build_tree, split_back_matter, walk
from tools.regexes import HeadingStyle

__all__ = [
    "Heading",
    "candidates",
    "check_numbering",
    "cited_as",
    "classify_front",
    "diagnose",
    "find_headings",
    "fold",
    "front_matter_role",
    "heading_raw",
    "match_heading",
    "normalise",
    "parse_notice",
    "slug",
    "split_lines",
    "split_title",
    "verbatim",
]


def parse_notice(
    notice_id: str,
    lines: Sequence[SourceLine],
    *,
    path: str = "source.txt",
    titles: Sequence[str] = (),
    hints: dict[str, Any] | None = None,
    styles: Sequence[HeadingStyle] = regexes.HEADING_STYLES,
) -> ParsedNotice:
    """Parse one notice. ``hints`` are the notice.yaml ``parsing`` block (all optional)."""
    hints = hints or {}
    segments = split_inline(lines, styles)
    contents, titled = find_contents(segments, styles)
    body_start = hints.get("body_starts_at_line")
    not_headings = set(hints.get("not_headings", []))
    skip = {ln.index for ln in segments if ln.number in not_headings or (body_start and ln.number < body_start)}
    skip |= contents | footnote_lines(segments)
    # Notes set apart from the body: footnotes marked i, ii, iii … among the paragraphs, and
    # what follows the body's end where the notice.yaml says where it ends.
    marked = roman_footnotes(segments)
    body_end = hints.get("body_ends_at_line")
    tail = [ln for ln in segments if body_end and ln.number >= body_end and ln.norm]
    apart = set(marked) | {ln.index for ln in tail}
    skip |= apart
    formula = enacting_formula(segments)
    if formula is not None:
        skip |= set(range(formula.index + 1))
    notes = notes_section(segments, styles)
    reading = _read(segments, styles, skip | notes, titled, hints, apart)
    bullets = stray_bullets(reading.measures, reading.labels)
    if bullets:  # bullets among numbered measures are prose: read again without them
        reading = _read(segments, styles, skip | notes | bullets, titled, hints, apart)
    roots, headings, measures = reading.roots, reading.headings, reading.measures
    everything = [e for e, _ in walk(roots)]
    problems = dedupe_ids(everything, path)
    first_heading = headings[0].line.index if headings else len(segments)
    roles = {int(k): v for k, v in (hints.get("front_matter_roles") or {}).items()}
    front_lines = [ln for ln in segments[:first_heading] if ln.index not in reading.notes]
    front_lines = [ln for ln in front_lines if ln.index not in apart]
    front = preamble(classify_front(front_lines, titles, roles, hints.get("default_front_role"), contents), formula)
    front += [FrontMatter("footnote", ln, marked[ln.index]) for ln in segments[:first_heading] if ln.index in marked]
    front.sort(key=lambda fm: fm.line.index)
    back = reading.closing or split_back_matter(everything)
    back += [FrontMatter("footnote", segments[i], n) for i, n in marked.items() if i > first_heading]
    back += [FrontMatter("notes", ln) for ln in tail]
    back.sort(key=lambda fm: fm.line.index)
    problems += check_numbering(everything, path)
    problems += diagnose(segments, headings, len(measures), path, styles)
    flat = [_to_measure(notice_id, e, anc, segments) for e, anc in measures]
    return ParsedNotice(notice_id, front, [e.node for e in roots], flat, back, problems, list(segments))


@dataclass
class _Reading:
    headings: list[Heading]
    roots: list[Open]
    measures: list[tuple[Open, tuple[Open, ...]]]
    labels: set[int]
    notes: set[int]  # the notes above headings
    closing: list[FrontMatter]


def _read(
    segments: Sequence[SourceLine],
    styles: Sequence[HeadingStyle],
    skip: set[int],
    titled: set[str],
    hints: dict[str, Any],
    apart: Set[int] = frozenset(),
) -> _Reading:
    """Headings, the tree and its measures, with the closing of the text and its end notes set apart."""
    headings = find_headings(segments, styles, skip, titled)
    notes = set(notes_section(segments, styles)) | trailing_notes(headings)
    annexes = [h.line.index for h in headings if h.style.back_matter]
    closing = closing_lines(segments, annexes, notes)
    closing_at = {fm.line.index for fm in closing}
    headings = [h for h in headings if h.line.index not in closing_at]
    title_lines = attach_title_lines(headings, segments)
    labels = find_labels(segments, {h.line.index for h in headings}, hints)
    above = attach_notes(headings, segments, styles, title_lines | labels | skip)
    roots = build_tree(headings)
    attach_text([e for e, _ in walk(roots)], segments, closing_at | above | apart)
    measures = assign_ids(roots, labels)
    return _Reading(headings, roots, measures, labels, above, closing)


def _to_measure(notice_id: str, entry: Open, ancestors: tuple[Open, ...], lines: Sequence[SourceLine]) -> Measure:
    node = entry.node
    own = _own_lines(entry, lines)
    return Measure(
        id=node.id,
        notice=notice_id,
        number=node.numbering.printed.strip(),
        title=node.title,
        cited_as=node.cited_as,
        text=verbatim(lines[node.first : own[-1].index + 1]),
        line=node.line,
        end_line=own[-1].number,
        path=[a.node.id for a in ancestors],
        paragraphs=[ln.raw for ln in own],
        first=node.first,
        last=own[-1].index,
        points=find_points(node.cited_as, own, node.heading_lines),
    )


def verbatim(segments: Sequence[SourceLine]) -> str:
    """The source text of consecutive segments: lines joined by line breaks, the two segments
    of one split line joined as they were."""
    out = segments[0].raw if segments else ""
    for previous, segment in itertools.pairwise(segments):
        out += ("" if previous.number == segment.number else "\n") + segment.raw
    return out.strip("\n")


def _own_lines(entry: Open, lines: Sequence[SourceLine]) -> list[SourceLine]:
    """A measure's own segments, and its children's when it is a measure with sub-headings."""
    if not entry.children:
        return entry.node.paragraphs
    last = entry
    while last.children:
        last = last.children[-1]
    return [ln for ln in lines[entry.node.first : last.node.last + 1] if ln.norm]
