"""Points: the numbered paragraphs and points inside a measure ("1.", "(a)", "(i)"), each with an
anchor and the citation a reader gives it ("Article 6(1)(a)").

They nest by the order in which a measure uses their styles, as inline lists do: the first
style is the paragraph, a new style opens inside it, a style already open closes what is
inside it. A point may start on the heading's own line ("Article 3 (Title) (1) …").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tools.models import Point, SourceLine
from tools.numerals import to_letters, to_roman
from tools.parse.headings import Heading, candidates, choose
from tools.regexes import HEADING_STYLES, LIST_INTRODUCER, POINT_AFTER_TITLE, HeadingStyle


def find_points(
    cited: str, paragraphs: Sequence[SourceLine], heading_lines: int, styles: Sequence[HeadingStyle] = HEADING_STYLES
) -> list[Point]:
    """The points of one measure, given its citation and its own lines (heading first)."""
    unranked = [s for s in styles if s.rank is None and not s.unnumbered]
    points: list[Point] = []
    open_: list[tuple[str, str]] = []  # (style name, id component), outermost first
    last: dict[str, int] = {}
    for place, paragraph in enumerate(paragraphs):
        if 0 < place < heading_lines:
            continue
        line = _after_heading(paragraph) if place == 0 else _unbulleted(paragraph)
        if line is None:
            continue
        found = [h for h in candidates(line, unranked, items=True) if h.major is None]
        names = [name for name, _ in open_]
        introduced = place > 0 and LIST_INTRODUCER.search(paragraphs[place - 1].norm)
        # After "… the following objectives:", "(i)" opens a list; it is not the letter after "(h)".
        opening = [h for h in found if introduced and h.numbering.value == 1 and h.style.name not in names]
        item = opening[0] if opening else choose(found, last)
        if item is None:
            continue
        if item.style.name in names:
            del open_[names.index(item.style.name) :]
        elif item.numbering.value != 1 and not open_:
            continue  # a stray number, not the first of a list
        open_.append((item.style.name, _component(item)))
        last[item.style.name] = item.numbering.value
        components = [c for _, c in open_]
        kind = "para" if components[0].isdigit() else "point"
        anchor = "-".join([kind, *components])
        taken = {p.anchor for p in points}
        if anchor in taken:  # a number printed twice (a quoted amendment): both stay reachable
            anchor = next(f"{anchor}-{n}" for n in range(2, len(points) + 3) if f"{anchor}-{n}" not in taken)
        points.append(
            Point(
                anchor=anchor,
                cited_as=cited + "".join(f"({c})" for c in components),
                number=item.numbering.printed.strip(),
                paragraph=place,
                line=line.number,
            )
        )
    return points


def _after_heading(line: SourceLine) -> SourceLine | None:
    """What follows "Article 3 (Title)" on the heading's own line, if it starts a point."""
    m = POINT_AFTER_TITLE.match(line.norm)
    return SourceLine(line.number, m["rest"], m["rest"], line.index) if m else None


def _unbulleted(line: SourceLine) -> SourceLine:
    """A numbered item printed as a Markdown list item ("- (1) …", from a PDF conversion) is
    the item: the bullet before its number is dropped."""
    m = _BULLET_BEFORE_NUMBER.match(line.norm)
    return SourceLine(line.number, line.raw, line.norm[m.end() :], line.index) if m else line


_BULLET_BEFORE_NUMBER = re.compile(r"^[-*•]\s+(?=[(（]?\w{1,4}[)）.．、])")


def _component(item: Heading) -> str:
    value = item.numbering.value
    if item.style.letter_id:
        return to_letters(value)
    if item.style.roman_id:
        return to_roman(value).lower()
    return str(value)
