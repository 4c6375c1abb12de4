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
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from tools import regexes
from tools.models import FrontMatter, Measure, Node, Numbering, ParsedNotice, Problem, SourceLine
from tools.numerals import parse_number, to_letters, to_roman
from tools.regexes import HeadingStyle

_ODD_SPACE = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_MARKDOWN_RESIDUE = re.compile(r"^#{1,6}\s+|\*\*|__|\[\^\d+\]")
# Superscript digits are footnote marks fused to a word; NFKC would make "Article 1¹" "Article 11".
_SUPERSCRIPTS = re.compile(r"[\u00b9\u00b2\u00b3\u2070-\u2079]+")


def normalise(raw: str) -> str:
    """The twin of a line used for matching: footnote marks and Markdown residue removed, NFKC,
    odd spaces folded. Never shown: pages show the raw line."""
    text = unicodedata.normalize("NFKC", _SUPERSCRIPTS.sub("", raw))
    text = regexes.FOOTNOTE_REF.sub("", _MARKDOWN_RESIDUE.sub("", text))
    return _ODD_SPACE.sub(" ", text).strip()


def _fold_table() -> dict[int, str]:
    """Full-width forms to their ASCII twins, odd spaces and superscript digits to spaces: one
    character for one character."""
    table = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}  # ！…～ → !…~
    table |= dict.fromkeys([0x00A0, 0x3000, 0x202F, 0x205F, 0xFEFF, *range(0x2000, 0x200C)], " ")
    table |= dict.fromkeys([0x00B9, 0x00B2, 0x00B3, *range(0x2070, 0x207A)], " ")
    return table


_FOLD = _fold_table()


def fold(raw: str) -> str:
    """A twin of a line with exactly one character for each raw character, so that a span found
    in it is the same span of the raw line: full-width forms folded (，→, ２→2), odd spaces made
    spaces, and footnote marks and Markdown residue blanked out. Used where text found is shown."""
    blanked = _MARKDOWN_RESIDUE.sub(lambda m: " " * len(m.group(0)), raw)
    blanked = regexes.FOOTNOTE_REF.sub(lambda m: " " * len(m.group(0)), blanked)
    return blanked.translate(_FOLD)


def split_lines(text: str) -> list[SourceLine]:
    """Lines of a text with 1-based numbers; a BOM and CR line endings are tolerated."""
    body = text[1:] if text.startswith("\ufeff") else text
    raws = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if raws and raws[-1] == "":
        raws.pop()
    return [SourceLine(i + 1, raw, normalise(raw), i) for i, raw in enumerate(raws)]


@dataclass
class Heading:
    line: SourceLine
    style: HeadingStyle
    numbering: Numbering
    rest: str
    rest_start: int = 0  # where ``rest`` begins in the normalised line
    major: int | None = None  # "4" of a decimal "4.1"
    label: str = ""  # the printed word of a labelled part ("Pillar")


@dataclass
class _Open:
    heading: Heading
    node: Node
    rank: int | None
    children: list[_Open] = field(default_factory=list)


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
            printed = _printed_in_raw(line.raw, m["printed"])
            major = int(groups["major"]) if groups.get("major") else None
            numbering = Numbering(style.name, printed, value)
            found.append(Heading(line, style, numbering, rest, m.start("rest"), major, groups.get("label") or ""))
            break
    return found


def match_heading(line: SourceLine, styles: Sequence[HeadingStyle]) -> Heading | None:
    """The heading a line starts with, if any (the first style that fits)."""
    found = candidates(line, styles)
    return found[0] if found else None


def _printed_in_raw(raw: str, printed_norm: str) -> str:
    """The number exactly as printed in the raw line (e.g. ``(4 )``), without residue around it."""
    stripped = raw.lstrip().lstrip("#").lstrip("*_ ")
    length = len(printed_norm)
    # Raw may hold extra odd spaces; grow the slice until it normalises to the same text.
    for end in range(length, min(len(stripped), length + 8) + 1):
        if normalise(stripped[:end]) == printed_norm:
            return stripped[:end]
    return printed_norm


# --- segments: a heading line that also starts its first subsection is two segments -------


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
    title, span = _title_span(heading)
    body = heading.rest[span:].lstrip() if title else ""
    if not body:
        return [line]
    inner = match_heading(SourceLine(line.number, body, body, 0), styles)
    if inner is None or inner.numbering.value != 1 or inner.style.rank is not None or inner.style == heading.style:
        return [line]
    cut = _raw_prefix(line.raw, normalise(line.raw)[: len(line.norm) - len(body)].rstrip())
    if cut is None:
        return [line]
    while cut < len(line.raw) and line.raw[cut].isspace():
        cut += 1
    first, second = line.raw[:cut], line.raw[cut:]
    return [SourceLine(line.number, first, normalise(first), 0), SourceLine(line.number, second, normalise(second), 0)]


# --- tables of contents, list labels and footnotes -----------------------------------------


def _key(text: str) -> str:
    """A comparison form of a title: case, punctuation and spacing ignored."""
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


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
        if len(text) > regexes.CONTENTS_MAX_CHARS or (entries and _key(text) == _key(entries[0])):
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
    titled = {_key(e) for e in entries if not match_heading(replace(untitled, raw=e, norm=e), styles)}
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
            found.setdefault(_key(line.norm), []).append(line.index)
    named = {_key(str(x)) for x in hints.get("measure_lists") or []}
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


# --- headings ----------------------------------------------------------------------------


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
    previous: SourceLine | None = None
    for line in lines:
        if not line.norm:
            continue
        found: list[Heading] = []
        items: list[Heading] = []
        if line.index not in skipped:
            if titled and _key(line.norm) in titled:
                found = [Heading(line, regexes.TITLED, Numbering("titled", "", 0), line.norm)]
            else:
                found, items = candidates(line, styles), candidates(line, styles, items=True)
        heading = _choose(found, last)
        if items and all(h.style.rank is None for h in items):
            # An item of an open inline list, or any numbered line inside an article, is content.
            introduced = previous is not None and regexes.LIST_INTRODUCER.search(previous.norm)
            first_item = next((h for h in items if h.numbering.value == 1 or h.style.unnumbered), None)
            if any(lists.continues(h) for h in items) or in_article:
                heading = None
            elif first_item and introduced:
                lists.open.append((first_item.style.name, 2))
                heading = None
        if heading:
            lists.open.clear()
            if heading.style.rank is not None:
                in_article = heading.style.always_measure
            last[heading.style.name] = heading.numbering.value
            headings.append(heading)
        previous = line
    return headings


def _choose(found: list[Heading], last: dict[str, int]) -> Heading | None:
    """Of the styles a line fits, the one whose sequence it continues; else one that starts a
    sequence ("(i)" at the start of a list is a Roman one); else the first."""
    if len(found) < 2:
        return found[0] if found else None
    for heading in found:
        if last.get(heading.style.name) == heading.numbering.value - 1:
            return heading
    return next((h for h in found if h.numbering.value == 1), found[0])


def split_title(heading: Heading) -> str | None:
    """The heading's title: the whole rest of a short line, or its short first sentence."""
    title, _ = _title_span(heading)
    return title


def _title_span(heading: Heading) -> tuple[str | None, int]:
    """The title, tidied for navigation, and how many characters of ``rest`` it spans as printed."""
    rest = heading.rest
    if heading.style is regexes.TITLED:
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


def _gist(text: str, words: int = 12) -> str:
    """The first words of an item with neither number nor title, to name it in navigation."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def heading_raw(heading: Heading) -> str:
    """The heading as printed: the raw line's number and title sentence, punctuation and all.

    The page shows these characters; the tidied title is only for navigation. Falls back to
    the printed number when the raw characters cannot be lined up with the normalised ones.
    """
    _, span = _title_span(heading)
    end = heading.rest_start + span if span else heading.rest_start
    target = heading.line.norm[:end].rstrip()
    raw = heading.line.raw.strip()
    cut = _raw_prefix(raw, target)
    return raw[:cut].rstrip() if cut is not None else heading.numbering.printed.strip()


def _raw_prefix(raw: str, target: str) -> int | None:
    """The longest prefix of ``raw`` that normalises to ``target`` (residue such as ``**`` included)."""
    found = None
    low = max(0, len(target) - 24)
    for end in range(low, min(len(raw), len(target) + 48) + 1):
        if normalise(raw[:end]) == target:
            found = end
        elif found is not None:
            break
    return found


# --- the tree ----------------------------------------------------------------------------


def build_tree(headings: Sequence[Heading]) -> list[_Open]:
    """Nest headings: a stack of open styles; a ranked heading closes all below its rank."""
    roots: list[_Open] = []
    stack: list[_Open] = []
    for heading in headings:
        entry = _Open(heading, _node(heading), heading.style.rank)
        names = [open_.heading.style.name for open_ in stack]
        while stack and stack[-1].heading.style.unnumbered and stack[-1].heading.style is not regexes.TITLED:
            if stack[-1].heading.style is heading.style:
                break
            stack.pop()  # a bullet holds no headings: what follows it is its sibling's or its parent's
        names = [open_.heading.style.name for open_ in stack]
        if heading.style.name in names:
            del stack[names.index(heading.style.name) :]
        elif entry.rank is not None:
            while stack and not (stack[-1].rank is not None and stack[-1].rank < entry.rank):
                stack.pop()
        siblings = stack[-1].children if stack else roots
        if heading.style.unnumbered:
            place = 1 + sum(s.heading.style is heading.style for s in siblings)
            entry.node.numbering = replace(heading.numbering, value=place)
            heading.numbering = entry.node.numbering
        siblings.append(entry)
        stack.append(entry)
    return roots


def _node(heading: Heading) -> Node:
    line = heading.line
    title = split_title(heading)
    if title is None and heading.style.unnumbered:
        title = _gist(heading.rest)
    node = Node("", heading.numbering, title, line.number, line.number, first=line.index)
    node.heading_raw = heading_raw(heading)
    return node


def _walk(entries: Sequence[_Open], ancestors: tuple[_Open, ...] = ()) -> Iterable[tuple[_Open, tuple[_Open, ...]]]:
    for entry in entries:
        yield entry, ancestors
        yield from _walk(entry.children, (*ancestors, entry))


def _labelled(everything: Sequence[_Open], labels: set[int]) -> set[int]:
    """Nodes (by id()) under a list label: the label owner's later children and what they hold."""
    inside: set[int] = set()
    for label in labels:
        owner = next((e for e in reversed(everything) if e.node.first <= label <= e.node.last), None)
        pending = [c for c in owner.children if c.node.first > label] if owner else []
        while pending:
            entry = pending.pop()
            inside.add(id(entry))
            pending += entry.children
    return inside


def _is_measure(entry: _Open, depth: int, flat: bool, labelled: set[int] | None) -> bool:
    if entry.heading.style.always_measure:
        return True
    if entry.children:
        return False
    if labelled is not None:
        return id(entry) in labelled
    if depth > 0 or flat:
        return True
    # A part with its own responsible-unit clause and no numbered items is itself a measure.
    return any(regexes.RESPONSIBLE_CLAUSE.search(p.raw) for p in entry.node.paragraphs)


def _component(entry: _Open, parent: _Open | None) -> str:
    heading = entry.heading
    style, value = heading.style, heading.numbering.value
    if style is regexes.TITLED:
        return slug(entry.node.title or "") or str(value)
    if style.unnumbered:
        number = str(value)
    elif style.letter_id:
        number = to_letters(value)
    elif style.roman_id:
        number = to_roman(value).lower()
    elif heading.major is not None and not (parent and parent.heading.numbering.value == heading.major):
        number = f"{heading.major}-{value}"  # "4.1" outside a section 4 keeps both numbers
    else:
        number = str(value)
    label = heading.label.lower() if style.label == "*" else style.label
    return f"{label}-{number}" if label else number


def cited_as(chain: Sequence[_Open]) -> str:
    """How a reader cites a unit: the printed numbers that make its id unique, outermost first
    ("Sec. 4.1 (a)", "II (1) 3", "Article 13"); an unnumbered heading by its title, a bullet by
    its place ("item 2")."""
    parts: list[str] = []
    for i, entry in enumerate(chain):
        heading = entry.heading
        if heading.style is regexes.TITLED:
            parts.append(entry.node.title or "")
        elif heading.style.unnumbered:
            parts.append(f"item {heading.numbering.value}")
        elif heading.major is not None and i and chain[i - 1].heading.numbering.value == heading.major:
            parts[-1] = f"{parts[-1]}.{heading.numbering.value}"  # "Sec. 4" and "4.1" read "Sec. 4.1"
        else:
            parts.append(heading.numbering.printed.strip().rstrip(".、:：").strip())
    if any(e.heading.style.unnumbered for e in chain):
        return ", ".join(p for p in parts if p)
    joined = " ".join(parts)
    # Chinese numbers run together: 二（一）1, not 二 （一） 1.
    return re.sub(r"(?<=[\u3000-\u9fff\uff00-\uffef]) | (?=[\u3000-\u9fff\uff00-\uffef])", "", joined)


def slug(title: str) -> str:
    """A short id for a heading with no number: its first few significant words."""
    plain = re.sub(r"(?<=\w)\.(?=\w)|\.(?=\s)", "", title.casefold())  # "U.S." is one word
    words = [w for w in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", plain) if w not in regexes.SLUG_STOPWORDS]
    return "-".join(words[: regexes.SLUG_WORDS])


def _run_through(measures: list[tuple[_Open, tuple[_Open, ...]]]) -> set[tuple[str, str]]:
    """(measure style, ancestor style) pairs where numbering runs on across ancestors."""
    crossings: dict[tuple[str, str], bool] = {}
    by_style: dict[str, list[tuple[_Open, tuple[_Open, ...]]]] = {}
    for item in measures:
        if not item[0].heading.style.unnumbered:
            by_style.setdefault(item[0].heading.style.name, []).append(item)
    for style, items in by_style.items():
        for (prev, prev_anc), (cur, cur_anc) in itertools.pairwise(items):
            prev_by = {a.heading.style.name: a for a in prev_anc}
            for anc in cur_anc:
                before = prev_by.get(anc.heading.style.name)
                if before is None or before is anc:
                    continue
                key = (style, anc.heading.style.name)
                increasing = cur.heading.numbering.value > prev.heading.numbering.value
                crossings[key] = crossings.get(key, True) and increasing
    return {key for key, ok in crossings.items() if ok}


def assign_ids(roots: list[_Open], labels: set[int] | None = None) -> list[tuple[_Open, tuple[_Open, ...]]]:
    """Give every node its id; return the measures in document order."""
    flat = all(not e.children for e in roots)
    everything = list(_walk(roots))
    labelled = _labelled([e for e, _ in everything], labels) if labels else None
    measures = [(e, anc) for e, anc in everything if _is_measure(e, len(anc), flat, labelled)]
    for entry, _ in measures:
        entry.node.is_measure = True
    dropped = _run_through(measures)
    for entry, ancestors in everything:
        kept = [
            a
            for a in ancestors
            if not entry.node.is_measure or (entry.heading.style.name, a.heading.style.name) not in dropped
        ]
        if entry.heading.style.always_measure:
            kept = []  # an article is numbered straight through its law: "Article 13" is unique
        chain = [None, *ancestors]
        parts = [_component(a, chain[ancestors.index(a)]) for a in kept]
        parts.append(_component(entry, ancestors[-1] if ancestors else None))
        ident = "-".join(p for p in parts if p)
        entry.node.cited_as = cited_as([*kept, entry])
        if ident[:1].isdigit():
            ident = ("m-" if entry.node.is_measure else "p-") + ident
        entry.node.id = ident
        entry.node.parent_id = ancestors[-1].node.id if ancestors else None
    return measures


def _dedupe_ids(everything: Sequence[_Open], path: str) -> list[Problem]:
    measure_ids = {e.node.id for e in everything if e.node.is_measure}
    for entry in everything:
        # A group whose measures run straight through it would share an id with one of them.
        if not entry.node.is_measure and entry.node.id in measure_ids:
            head, _, last = entry.node.id.rpartition("-")
            entry.node.id = f"{head}-g{last}" if head else f"g{last}"
    seen: dict[str, int] = {}
    styles: dict[str, str] = {}
    problems = []
    for entry in everything:
        node = entry.node
        if node.id in seen:
            # Only a number repeated in the same style is a numbering error (a bullet's place
            # may equal a numbered sibling's number).
            if not entry.heading.style.unnumbered and styles[node.id] == entry.heading.style.name:
                problems.append(
                    Problem(
                        path,
                        node.line,
                        f'number "{node.numbering.printed}" repeats the one at line {seen[node.id]}; '
                        "renumber it or, if the original repeats it, add a parsing hint",
                    )
                )
            suffix = 2
            while f"{node.id}-{suffix}" in seen:
                suffix += 1
            node.id = f"{node.id}-{suffix}"
        seen[node.id] = node.line
        styles[node.id] = entry.heading.style.name
    return problems


def check_numbering(everything: Sequence[_Open], path: str) -> list[Problem]:
    """Numbers of a style should run 1, 2, 3 … among siblings, or carry on from the last number
    of that style before them (numbering that continues across parts)."""
    problems = []
    last_local: dict[tuple[int, str], Node] = {}
    last_global: dict[str, int] = {}
    parents = {id(c): id(e) for e in everything for c in e.children}
    for entry in everything:
        node, style = entry.node, entry.heading.style
        if style.unnumbered:
            continue
        key = (parents.get(id(entry), 0), style.name)
        before = last_local.get(key)
        value = node.numbering.value
        continues = before is None and last_global.get(style.name, 0) + 1 == value
        expected = before.numbering.value + 1 if before else 1
        what = "measure" if node.is_measure else "heading"
        if value > expected and not continues:
            missing = f"{expected}" if value == expected + 1 else f"{expected} to {value - 1}"
            problems.append(
                Problem(
                    path,
                    node.line,
                    f'{what} "{node.numbering.printed}" skips number {missing}; '
                    "check for a lost heading or a typo in the number",
                )
            )
        elif value < expected and before is not None:
            problems.append(
                Problem(
                    path,
                    node.line,
                    f'{what} "{node.numbering.printed}" goes back after "{before.numbering.printed}" '
                    f"(line {before.line}); check the numbering",
                )
            )
        last_local[key] = node
        last_global[style.name] = value
    return problems


def diagnose(
    lines: Sequence[SourceLine], headings: Sequence[Heading], measures: int, path: str, styles: Sequence[HeadingStyle]
) -> list[Problem]:
    """Say so when the numbering defeats the parser: numbered lines but no measure, or a number
    that restarts again and again (two levels sharing one numbering style)."""
    if measures == 0:
        taken = {h.line.index for h in headings}
        looks = [ln for ln in lines if ln.norm and ln.index not in taken and candidates(ln, styles)]
        if len(looks) >= 3:
            shown = ", ".join(str(ln.number) for ln in looks[:8]) + (" …" if len(looks) > 8 else "")
            return [
                Problem(
                    path,
                    looks[0].number,
                    f"no measures were found, but {len(looks)} lines look numbered (lines {shown}); they were read "
                    "as items of lists introduced by a colon, or of an article. If they are measures, check the lines "
                    "before them, or set `parsing: not_headings` / `expect_measures` in notice.yaml",
                    "warning",
                )
            ]
    # A number that goes back to 1 right after a heading of its own style: nothing above the new run.
    restarts = [
        h
        for previous, h in itertools.pairwise(headings)
        if h.numbering.value == 1 and previous.style is h.style and not h.style.unnumbered
    ]
    if len(restarts) > 2:
        shown = ", ".join(str(h.line.number) for h in restarts[:8])
        return [
            Problem(
                path,
                restarts[0].line.number,
                f'the numbering restarts at "{restarts[0].numbering.printed.strip()}" {len(restarts)} times (lines {shown}) '
                "with no heading of its own above each run: probably two levels share one numbering style (chapters "
                "and recommendations both numbered 1., 2., …). Check those lines; measures may be missing",
                "warning",
            )
        ]
    return []


# --- front and back matter -----------------------------------------------------------------


def front_matter_role(line: SourceLine, titles: Sequence[str], first: bool, after_addressees: bool) -> str:
    """The role of a paragraph outside the numbered body, judged from its shape."""
    norm = line.norm
    if regexes.DATE_LINE.match(norm):
        return "date"
    if regexes.RELEASE_INFO.match(norm):
        return "release-info"
    if regexes.DOCUMENT_NUMBER.search(norm) and len(norm) < 60:
        return "document-number"
    if normalise(norm).casefold() in {normalise(t).casefold() for t in titles}:
        return "title"
    if regexes.ADDRESSEES.match(norm):
        return "addressees"
    unpunctuated = not regexes.SENTENCE_END.search(norm)
    if first and unpunctuated:
        return "title"
    if after_addressees and unpunctuated and len(norm) < 120:
        return "signatory"
    return "preamble"


def classify_front(
    lines: Sequence[SourceLine],
    titles: Sequence[str],
    roles: dict[int, str],
    default: str | None = None,
    contents: set[int] | None = None,
) -> list[FrontMatter]:
    out = []
    after_addressees = False
    for i, line in enumerate(ln for ln in lines if ln.norm):
        role = roles.get(line.number) or (
            "contents"
            if line.index in (contents or set())
            else front_matter_role(line, titles, i == 0, after_addressees)
        )
        if default and role == "preamble":
            role = default
        after_addressees = after_addressees or role == "addressees"
        out.append(FrontMatter(role, line))
    return out


# --- the whole notice ----------------------------------------------------------------------


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
    headings = find_headings(segments, styles, skip, titled)
    roots = build_tree(headings)
    everything = [e for e, _ in _walk(roots)]
    _attach_text(everything, segments)
    labels = find_labels(segments, {h.line.index for h in headings}, hints)
    measures = assign_ids(roots, labels)
    problems = _dedupe_ids(everything, path)
    first_heading = headings[0].line.index if headings else len(segments)
    roles = {int(k): v for k, v in (hints.get("front_matter_roles") or {}).items()}
    front_lines = segments[:first_heading]
    front = classify_front(front_lines, titles, roles, hints.get("default_front_role"), contents)
    back = _split_back_matter(everything)
    problems += check_numbering(everything, path)
    problems += diagnose(segments, headings, len(measures), path, styles)
    flat = [_to_measure(notice_id, e, anc, segments) for e, anc in measures]
    return ParsedNotice(notice_id, front, [e.node for e in roots], flat, back, problems, list(segments))


def _attach_text(everything: Sequence[_Open], lines: Sequence[SourceLine]) -> None:
    """Each node owns the segments from its heading up to the next heading."""
    starts = [e.node.first for e in everything] + [len(lines)]
    for entry, next_start in zip(everything, starts[1:], strict=False):
        own = [ln for ln in lines[entry.node.first : next_start] if ln.norm]
        entry.node.paragraphs = own
        entry.node.end_line = own[-1].number if own else entry.node.line
        entry.node.last = own[-1].index if own else entry.node.first
        entry.node.children = [c.node for c in entry.children]


def _split_back_matter(everything: Sequence[_Open]) -> list[FrontMatter]:
    """A trailing date line and the signature block above it ("JOSEPH R. BIDEN JR.", "THE WHITE
    HOUSE,") are a sign-off, not part of the last measure."""
    if not everything:
        return []
    last = everything[-1].node
    back: list[FrontMatter] = []
    while len(last.paragraphs) > 1 and regexes.DATE_LINE.match(last.paragraphs[-1].norm):
        back.insert(0, FrontMatter("date", last.paragraphs.pop()))
    while back and len(last.paragraphs) > 1 and regexes.SIGNATURE_LINE.match(last.paragraphs[-1].norm):
        back.insert(0, FrontMatter("signatory", last.paragraphs.pop()))
    if last.paragraphs:
        last.end_line, last.last = last.paragraphs[-1].number, last.paragraphs[-1].index
    return back


def _to_measure(notice_id: str, entry: _Open, ancestors: tuple[_Open, ...], lines: Sequence[SourceLine]) -> Measure:
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
    )


def verbatim(segments: Sequence[SourceLine]) -> str:
    """The source text of consecutive segments: lines joined by line breaks, the two segments
    of one split line joined as they were."""
    out = segments[0].raw if segments else ""
    for previous, segment in itertools.pairwise(segments):
        out += ("" if previous.number == segment.number else "\n") + segment.raw
    return out.strip("\n")


def _own_lines(entry: _Open, lines: Sequence[SourceLine]) -> list[SourceLine]:
    """A measure's own segments, and its children's when it is a measure with sub-headings."""
    if not entry.children:
        return entry.node.paragraphs
    last = entry
    while last.children:
        last = last.children[-1]
    return [ln for ln in lines[entry.node.first : last.node.last + 1] if ln.norm]
