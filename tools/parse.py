"""Structure: a notice's text → front matter and a tree of parts, groups and measures.

One mechanism serves every layout. Each line is matched against the heading styles of
``regexes.HEADING_STYLES``; headings nest by a stack (a style already open closes what is
inside it, a new style opens inside the current one, ranked styles such as chapters close
lower ranks). Numbered items after a line ending in a colon are an inline list, not headings.
Measures are the leaves of the tree below the top level (or any heading of a style that is
always a measure, such as an article). A measure's id is built from its printed numbers,
dropping the enclosing levels that its numbering runs straight through.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tools import regexes
from tools.models import FrontMatter, Measure, Node, Numbering, ParsedNotice, Problem, SourceLine
from tools.numerals import parse_number, to_roman
from tools.regexes import HeadingStyle

_ODD_SPACE = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_MARKDOWN_RESIDUE = re.compile(r"^#{1,6}\s+|\*\*|__|\[\^\d+\]")


def normalise(raw: str) -> str:
    """The twin of a line used for matching: NFKC, Markdown residue and odd spaces folded."""
    text = unicodedata.normalize("NFKC", raw)
    text = _MARKDOWN_RESIDUE.sub("", text)
    return _ODD_SPACE.sub(" ", text).strip()


def split_lines(text: str) -> list[SourceLine]:
    """Lines of a text with 1-based numbers; a BOM and CR line endings are tolerated."""
    body = text[1:] if text.startswith("\ufeff") else text
    raws = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if raws and raws[-1] == "":
        raws.pop()
    return [SourceLine(i + 1, raw, normalise(raw)) for i, raw in enumerate(raws)]


@dataclass
class Heading:
    line: SourceLine
    style: HeadingStyle
    numbering: Numbering
    rest: str
    rest_start: int = 0  # where ``rest`` begins in the normalised line


@dataclass
class _Open:
    heading: Heading
    node: Node
    rank: int | None
    children: list[_Open] = field(default_factory=list)


def match_heading(line: SourceLine, styles: Sequence[HeadingStyle]) -> Heading | None:
    """The heading a line starts with, if any."""
    for style in styles:
        for pattern in style.patterns:
            m = pattern.match(line.norm)
            if not m:
                continue
            value = parse_number(m["num"])
            rest = m["rest"].strip()
            if value is None or (style.needs_text and not regexes.HEADING_TEXT_START.match(rest)):
                continue
            printed = _printed_in_raw(line.raw, m["printed"])
            return Heading(line, style, Numbering(style.name, printed, value), rest, m.start("rest"))
    return None


def _printed_in_raw(raw: str, printed_norm: str) -> str:
    """The number exactly as printed in the raw line (e.g. ``(4 )``), not its normal form."""
    stripped = raw.lstrip()
    length = len(printed_norm)
    # Raw may hold extra odd spaces; grow the slice until it normalises to the same text.
    for end in range(length, min(len(stripped), length + 8) + 1):
        if normalise(stripped[:end]) == printed_norm:
            return stripped[:end]
    return printed_norm


def find_headings(
    lines: Sequence[SourceLine], styles: Sequence[HeadingStyle], skip: Iterable[int] = ()
) -> list[Heading]:
    """Headings in document order, leaving out colon-introduced inline lists."""
    skipped = set(skip)
    headings: list[Heading] = []
    list_style: str | None = None
    list_next = 0
    previous: SourceLine | None = None
    previous_heading: Heading | None = None
    for line in lines:
        if not line.norm:
            continue
        heading = None if line.number in skipped else match_heading(line, styles)
        if heading and list_style == heading.style.name and heading.numbering.value == list_next:
            list_next += 1
            heading = None
        elif (
            heading
            and heading.numbering.value == 1
            and not heading.style.rank
            and previous is not None
            and regexes.LIST_INTRODUCER.search(previous.norm)
            and (previous_heading is None or _has_body(previous_heading))
        ):
            list_style, list_next = heading.style.name, 2
            heading = None
        elif heading:
            list_style = None
        if heading:
            headings.append(heading)
        previous, previous_heading = line, heading
    return headings


def _has_body(heading: Heading) -> bool:
    """Whether a heading line carries body text after its title (so it can introduce a list)."""
    return split_title(heading) != heading.rest.rstrip("。.").strip()


def split_title(heading: Heading) -> str | None:
    """The heading's title: the whole rest of a short line, or its short first sentence."""
    title, _ = _title_span(heading)
    return title


def _title_span(heading: Heading) -> tuple[str | None, int]:
    """The title, tidied for navigation, and how many characters of ``rest`` it spans as printed."""
    rest = heading.rest
    if not heading.style.titled or not rest:
        return None, 0
    sentence = regexes.FIRST_SENTENCE.match(rest)
    if sentence and len(sentence["title"]) <= regexes.TITLE_MAX_CHARS:
        return sentence["title"].rstrip("。.").strip(), sentence.end("title")
    if len(rest) <= regexes.TITLE_MAX_CHARS:
        return rest.rstrip("。.").strip(), len(rest)
    return None, 0


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


def build_tree(headings: Sequence[Heading]) -> list[_Open]:
    """Nest headings: a stack of open styles, with ranked styles closing lower ranks."""
    roots: list[_Open] = []
    stack: list[_Open] = []
    for heading in headings:
        node = Node("", heading.numbering, split_title(heading), heading.line.number, heading.line.number)
        node.heading_raw = heading_raw(heading)
        entry = _Open(heading, node, heading.style.rank)
        names = [open_.heading.style.name for open_ in stack]
        if heading.style.name in names:
            del stack[names.index(heading.style.name) :]
        elif entry.rank is not None:
            while stack and _closes(entry.rank, stack):
                stack.pop()
        (stack[-1].children if stack else roots).append(entry)
        stack.append(entry)
    return roots


def _closes(rank: int, stack: list[_Open]) -> bool:
    """A ranked heading closes open headings until it sits below a lower-ranked one."""
    ranked_above = [e.rank for e in stack if e.rank is not None]
    return bool(ranked_above) and max(ranked_above) >= rank


def _walk(entries: Sequence[_Open], ancestors: tuple[_Open, ...] = ()) -> Iterable[tuple[_Open, tuple[_Open, ...]]]:
    for entry in entries:
        yield entry, ancestors
        yield from _walk(entry.children, (*ancestors, entry))


def _is_measure(entry: _Open, depth: int, flat: bool) -> bool:
    if entry.heading.style.always_measure:
        return True
    return not entry.children and (depth > 0 or flat)


def _component(entry: _Open) -> str:
    style = entry.heading.style
    value = entry.heading.numbering.value
    number = to_roman(value).lower() if style.roman_id else str(value)
    return f"{style.label}-{number}" if style.label else number


def _run_through(measures: list[tuple[_Open, tuple[_Open, ...]]]) -> set[tuple[str, str]]:
    """(measure style, ancestor style) pairs where numbering runs on across ancestors."""
    crossings: dict[tuple[str, str], bool] = {}
    by_style: dict[str, list[tuple[_Open, tuple[_Open, ...]]]] = {}
    for item in measures:
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


def assign_ids(roots: list[_Open]) -> list[tuple[_Open, tuple[_Open, ...]]]:
    """Give every node its id; return the measures in document order."""
    flat = all(not e.children for e in roots)
    everything = list(_walk(roots))
    measures = [(e, anc) for e, anc in everything if _is_measure(e, len(anc), flat)]
    for entry, _ in measures:
        entry.node.is_measure = True
    dropped = _run_through(measures)
    for entry, ancestors in everything:
        kept = [
            a
            for a in ancestors
            if not entry.node.is_measure or (entry.heading.style.name, a.heading.style.name) not in dropped
        ]
        parts = [_component(a) for a in kept] + [_component(entry)]
        ident = "-".join(parts)
        if ident[0].isdigit():
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
    problems = []
    for entry in everything:
        node = entry.node
        if node.id in seen:
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
    return problems


def check_numbering(measures: Sequence[Node], path: str) -> list[Problem]:
    """Within each id scope, measure numbers should run 1, 2, 3 ... in order."""
    problems = []
    last: dict[str, Node] = {}
    for node in measures:
        scope = node.id.rsplit("-", 1)[0] if "-" in node.id else ""
        scope_key = f"{scope}|{node.numbering.style}"
        before = last.get(scope_key)
        expected = before.numbering.value + 1 if before else 1
        value = node.numbering.value
        if value > expected:
            missing = f"{expected}" if value == expected + 1 else f"{expected} to {value - 1}"
            problems.append(
                Problem(
                    path,
                    node.line,
                    f'measure "{node.numbering.printed}" skips number {missing}; '
                    "check for a lost heading or a typo in the number",
                )
            )
        elif value < expected and before is not None:
            problems.append(
                Problem(
                    path,
                    node.line,
                    f'measure "{node.numbering.printed}" goes back after "{before.numbering.printed}" '
                    f"(line {before.line}); check the numbering",
                )
            )
        last[scope_key] = node
    return problems


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
    lines: Sequence[SourceLine], titles: Sequence[str], roles: dict[int, str], default: str | None = None
) -> list[FrontMatter]:
    out = []
    after_addressees = False
    for i, line in enumerate(ln for ln in lines if ln.norm):
        role = roles.get(line.number) or front_matter_role(line, titles, i == 0, after_addressees)
        if default and role == "preamble":
            role = default
        after_addressees = after_addressees or role == "addressees"
        out.append(FrontMatter(role, line))
    return out


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
    body_start = hints.get("body_starts_at_line")
    skip = set(hints.get("not_headings", []))
    if body_start:
        skip |= {ln.number for ln in lines if ln.number < body_start}
    headings = find_headings(lines, styles, skip)
    roots = build_tree(headings)
    measures = assign_ids(roots)
    everything = [e for e, _ in _walk(roots)]
    problems = _dedupe_ids(everything, path)
    _attach_text(everything, lines)
    first_heading = headings[0].line.number if headings else len(lines) + 1
    roles = {int(k): v for k, v in (hints.get("front_matter_roles") or {}).items()}
    front_lines = [ln for ln in lines if ln.number < first_heading]
    front = classify_front(front_lines, titles, roles, hints.get("default_front_role"))
    back = _split_back_matter(everything, lines)
    measure_nodes = [e.node for e, _ in measures]
    problems += check_numbering(measure_nodes, path)
    flat = [_to_measure(notice_id, e, anc, lines) for e, anc in measures]
    return ParsedNotice(notice_id, front, [e.node for e in roots], flat, back, problems)


def _attach_text(everything: Sequence[_Open], lines: Sequence[SourceLine]) -> None:
    """Each node owns the lines from its heading up to the next heading."""
    starts = [e.node.line for e in everything] + [len(lines) + 1]
    for entry, next_start in zip(everything, starts[1:], strict=False):
        own = [ln for ln in lines[entry.node.line - 1 : next_start - 1] if ln.norm]
        entry.node.paragraphs = own
        entry.node.end_line = own[-1].number if own else entry.node.line
        entry.node.children = [c.node for c in entry.children]


def _split_back_matter(everything: Sequence[_Open], lines: Sequence[SourceLine]) -> list[FrontMatter]:
    """Trailing date lines after the last node are a sign-off, not part of the last measure."""
    if not everything:
        return []
    last = everything[-1].node
    back: list[FrontMatter] = []
    while len(last.paragraphs) > 1 and regexes.DATE_LINE.match(last.paragraphs[-1].norm):
        back.insert(0, FrontMatter("date", last.paragraphs.pop()))
    last.end_line = last.paragraphs[-1].number if last.paragraphs else last.line
    return back


def _to_measure(notice_id: str, entry: _Open, ancestors: tuple[_Open, ...], lines: Sequence[SourceLine]) -> Measure:
    node = entry.node
    own = _own_lines(entry, lines)
    text = "\n".join(ln.raw for ln in lines[node.line - 1 : own[-1].number])
    return Measure(
        id=node.id,
        notice=notice_id,
        number=node.numbering.printed,
        title=node.title,
        text=text.strip("\n"),
        line=node.line,
        end_line=node.end_line,
        path=[a.node.id for a in ancestors],
        paragraphs=[ln.raw for ln in own],
    )


def _own_lines(entry: _Open, lines: Sequence[SourceLine]) -> list[SourceLine]:
    """A measure's own lines, and its children's when it is a measure with sub-headings."""
    if not entry.children:
        return entry.node.paragraphs
    last = entry
    while last.children:
        last = last.children[-1]
    return [ln for ln in lines[entry.node.line - 1 : last.node.end_line] if ln.norm]
