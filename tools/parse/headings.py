"""Heading styles and their sequences: which lines start a heading, and of which style.

Each line is matched against the heading styles of ``regexes.HEADING_STYLES`` (a line may fit
several: "(i)" is a letter after "(h)" and a Roman numeral otherwise; the style whose sequence
it continues wins). Numbered items after a line ending in a colon are an inline list (lists
nest: "(i)" inside "(a)" inside "4.1."), and every numbered line inside an article is content
of the article, not a heading.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, field, replace
from itertools import pairwise

from tools import regexes
from tools.models import Numbering, SourceLine
from tools.numerals import parse_number
from tools.parse.lines import printed_in_raw, raw_prefix, title_key
from tools.regexes import HeadingStyle


@dataclass
class Heading:
    line: SourceLine
    style: HeadingStyle
    numbering: Numbering
    rest: str
    rest_start: int = 0  # where ``rest`` begins in the normalised line
    major: str | None = None  # "4" of a decimal "4.1", "6.2" of "6.2.1"
    label: str = ""  # the printed word of a labelled part ("Pillar")
    title_line: SourceLine | None = None  # the title printed on the line below ("Article 6" / "Prohibited …")
    note: SourceLine | None = None  # the marginal note or sub-heading printed just above


def candidates(line: SourceLine, styles: Sequence[HeadingStyle], items: bool = False) -> list[Heading]:
    """Every heading style the line could start with, in the order of ``styles``. With ``items``,
    also numbered lines whose text starts in lower case (list items may; headings may not)."""
    found = []
    for style in styles:
        for pattern in style.patterns:
            m = pattern.match(line.norm)
            if not m:
                continue
            groups = m.groupdict()
            value = 0 if style.unnumbered else parse_number(m["num"], letters=style.letter_id)
            rest = m["rest"].strip()
            if value is None or (style.needs_text and not items and not regexes.HEADING_TEXT_START.match(rest)):
                continue
            printed = printed_in_raw(line.raw, m["printed"])
            major = groups.get("major") or None
            numbering = Numbering(style.name, printed, value)
            found.append(Heading(line, style, numbering, rest, m.start("rest"), major, groups.get("label") or ""))
            break
    return found


def full_number(heading: Heading) -> str:
    """The number a decimal clause below would carry as its ``major``: "6.2" for "6.2", "6" for "6."."""
    value = str(heading.numbering.value)
    return f"{heading.major}.{value}" if heading.major else value


def match_heading(line: SourceLine, styles: Sequence[HeadingStyle]) -> Heading | None:
    """The heading a line starts with, if any (the first style that fits)."""
    found = candidates(line, styles)
    return found[0] if found else None


@dataclass
class _Lists:
    """Inline lists open at this point, innermost last: (style, next value)."""

    open: list[tuple[str, int]] = field(default_factory=list)

    def continues(self, heading: Heading) -> bool:
        """Whether the line is the next item of an open list (closing lists inside it)."""
        for depth in range(len(self.open) - 1, -1, -1):
            style, expected = self.open[depth]
            if heading.style.name == style and (heading.style.unnumbered or heading.numbering.value == expected):
                del self.open[depth + 1 :]
                self.open[depth] = (style, expected + 1)
                return True
        return False


def find_headings(
    lines: Sequence[SourceLine],
    styles: Sequence[HeadingStyle],
    skip: Iterable[int] = (),
    titled: frozenset[str] | set[str] = frozenset(),
) -> list[Heading]:
    """Headings in document order, leaving out inline lists and the numbered lines inside articles.

    ``skip`` holds line indexes that are never headings; ``titled`` the keys of unnumbered
    titles (from a table of contents) that are headings wherever they occur."""
    skipped = set(skip)
    headings: list[Heading] = []
    lists = _Lists()
    last: dict[str, int] = {}
    in_article = False
    in_back = False
    previous: SourceLine | None = None
    texts = [ln for ln in lines if ln.norm]
    titles = _title_shaped_level(texts, styles, skipped)
    for place, line in enumerate(texts):
        found: list[Heading] = []
        items: list[Heading] = []
        if line.index not in skipped:
            if titled and title_key(line.norm) in titled:
                found = [Heading(line, regexes.TITLED, Numbering("titled", "", 0), line.norm)]
            else:
                found, items = candidates(line, styles), candidates(line, styles, items=True)
        following = (
            candidates(texts[place + 1], styles, items=True) if len(found) > 1 and place + 1 < len(texts) else []
        )
        heading = choose(found, last, following)
        if heading and line.index in titles and heading.style.name == titles[line.index].name:
            heading = replace(heading, style=titles[line.index].upper)
        if heading and heading.style.needs_note:
            heading = heading if _is_note(texts[place - 1] if place else None, styles) else None
        if items and all(h.style.rank is None for h in items):
            # An item of an open inline list, or any numbered line inside an article, is content.
            introduced = previous is not None and regexes.LIST_INTRODUCER.search(previous.norm)
            # A decimal clause ("6.1") carries its own place in the document: never a list item.
            first_item = next(
                (h for h in items if (h.numbering.value == 1 or h.style.unnumbered) and h.major is None), None
            )
            if any(lists.continues(h) for h in items) or in_article:
                heading = None
            elif first_item and introduced:
                lists.open.append((first_item.style.name, 2))
                heading = None
        if heading:
            lists.open.clear()
            if heading.style.rank is not None:
                # Inside an article, and anywhere in an annex or the addenda, numbered lines are content.
                in_back = heading.style.back_matter or (in_back and heading.style.rank > 0)
                in_article = heading.style.always_measure or in_back
            last[heading.style.name] = heading.numbering.value
            headings.append(heading)
        previous = line
    return headings


@dataclass(frozen=True)
class _Level:
    name: str  # the style shared by two levels
    upper: HeadingStyle  # the style its title-shaped lines take


def _title_shaped_level(
    texts: Sequence[SourceLine], styles: Sequence[HeadingStyle], skipped: Set[int]
) -> dict[int, _Level]:
    """Two levels that share one numbering style ("1. Lay the foundations" chapters over "1. The
    Ministry should …" recommendations) are told apart by shape: the upper level's lines are
    short titles, numbered 1, 2, 3 … in order, with sentence-shaped lines of that style between
    them. Returns, by line index, the upper level's lines."""
    out: dict[int, _Level] = {}
    for style in styles:
        if style.rank is not None or style.unnumbered or not style.titled:
            continue
        found = [h for ln in texts if ln.index not in skipped for h in candidates(ln, [style])]
        titled = [h for h in found if _title_shaped(h.rest)]
        sentences = [h for h in found if not _title_shaped(h.rest)]
        numbers = [h.numbering.value for h in titled]
        if len(titled) < 2 or numbers != list(range(1, len(titled) + 1)) or not sentences:
            continue
        between = [any(a.line.index < h.line.index < b.line.index for h in sentences) for a, b in pairwise(titled)]
        if all(between):
            upper = replace(style, name=f"{style.name}-title")
            out |= {h.line.index: _Level(style.name, upper) for h in titled}
    return out


def _title_shaped(rest: str) -> bool:
    return len(rest) <= regexes.TITLE_MAX_CHARS and bool(regexes.NOTE_LINE.match(rest))


def _is_note(line: SourceLine | None, styles: Sequence[HeadingStyle]) -> bool:
    """A short title line that is not itself a heading: a marginal note or a sub-heading."""
    return line is not None and bool(regexes.NOTE_LINE.match(line.norm)) and not candidates(line, styles, items=True)


def attach_notes(
    headings: Sequence[Heading], lines: Sequence[SourceLine], styles: Sequence[HeadingStyle], taken: Set[int]
) -> set[int]:
    """The note printed just above a heading (a statute's marginal note, a sub-heading between
    clauses) belongs to that heading, not to the text before it. ``taken`` holds lines that are
    something else (title lines, list labels). Returns the indexes of the notes."""
    starts = {h.line.index: h for h in headings}
    texts = [ln for ln in lines if ln.norm]
    place = {ln.index: i for i, ln in enumerate(texts)}
    notes = set()
    for heading in headings:
        i = place.get(heading.line.index, 0)
        above = texts[i - 1] if i else None
        # Not the first line after a heading: that line is the heading's own text or title.
        owner_line = texts[i - 2] if i > 1 else None
        if above is None or above.index in taken or above.index in starts or owner_line is None:
            continue
        owner = starts.get(owner_line.index)
        if owner is not None and not owner.rest and not heading.style.needs_note:
            continue  # the line right below a heading printed alone is its text, not a note
        if _is_note(above, styles):
            heading.note = above
            notes.add(above.index)
    return notes


def attach_title_lines(headings: Sequence[Heading], lines: Sequence[SourceLine]) -> set[int]:
    """A ranked heading printed alone ("CHAPTER III", "Article 6", "ANNEX I") takes the short,
    unpunctuated line right below it as its title. Returns the indexes of those lines."""
    taken = {h.line.index for h in headings}
    used = set()
    for heading in headings:
        if heading.style.rank is None or heading.rest:
            continue
        below = next((ln for ln in lines[heading.line.index + 1 :] if ln.norm), None)
        if below is None or below.index in taken or not regexes.TITLE_LINE.match(below.norm):
            continue
        heading.title_line = below
        used.add(below.index)
    return used


def choose(found: list[Heading], last: dict[str, int], following: Sequence[Heading] = ()) -> Heading | None:
    """Of the styles a line fits, the one the next numbered line continues ("(i)" then "(ii)" is
    Roman, "(i)" then "(j)" a letter); else the one whose sequence it continues; else one that
    starts a sequence ("(i)" at the start of a list is a Roman one); else the first."""
    if len(found) < 2:
        return found[0] if found else None
    for heading in found:
        if any(f.style is heading.style and f.numbering.value == heading.numbering.value + 1 for f in following):
            return heading
    for heading in found:
        if last.get(heading.style.name) == heading.numbering.value - 1:
            return heading
    return next((h for h in found if h.numbering.value == 1), found[0])


def split_title(heading: Heading) -> str | None:
    """The heading's title: the whole rest of a short line, or its short first sentence."""
    title, _ = title_span(heading)
    return title


def title_span(heading: Heading) -> tuple[str | None, int]:
    """The title, tidied for navigation, and how many characters of ``rest`` it spans as printed."""
    rest = heading.rest
    if heading.style is regexes.TITLED:
        return rest, len(rest)
    if heading.title_line is not None:
        return heading.title_line.norm.rstrip("`").strip(), 0
    bracketed = regexes.BRACKETED_TITLE.match(rest) if not heading.style.titled else None
    if bracketed:  # "Article 1 (Purpose) The purpose of this Act …"
        return bracketed["title"].strip(), bracketed.end()
    # A chapter's or an annex's title is not a sentence: "ADDENDA <Act No. 20676, …>" whole.
    ranked = heading.style.rank is not None and not heading.style.needs_text and heading.style.titled
    if ranked and rest and len(rest) <= regexes.LABELLED_TITLE_MAX_CHARS and not regexes.SENTENCE_END.search(rest):
        return rest, len(rest)
    if not heading.style.titled or not rest:
        return None, 0
    # A chapter's or section's title may be long; an item's title is a short lead sentence.
    longest = regexes.LABELLED_TITLE_MAX_CHARS if heading.style.rank is not None else regexes.TITLE_MAX_CHARS
    sentence = regexes.FIRST_SENTENCE.match(rest)
    if sentence and len(sentence["title"]) <= longest:
        return sentence["title"].rstrip("。.").strip(), sentence.end("title")
    if len(rest) <= longest:
        return rest.rstrip("。.").strip(), len(rest)
    return None, 0


def gist(text: str, words: int = 12) -> str:
    """The first words of an item with neither number nor title, to name it in navigation."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def heading_raw(heading: Heading) -> str:
    """The heading as printed: the raw line's number and title sentence, punctuation and all.

    The page shows these characters; the tidied title is only for navigation. Falls back to
    the printed number when the raw characters cannot be lined up with the normalised ones.
    """
    _, span = title_span(heading)
    end = heading.rest_start + span if span else heading.rest_start
    target = heading.line.norm[:end].rstrip()
    raw = heading.line.raw.strip()
    cut = raw_prefix(raw, target)
    return raw[:cut].rstrip() if cut is not None else heading.numbering.printed.strip()
