"""The tree: headings nested by a stack of open styles, each node owning its lines."""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, field, replace

from tools import regexes
from tools.models import FrontMatter, Node, SourceLine
from tools.parse.headings import Heading, gist, heading_raw, split_title


@dataclass
class Open:
    heading: Heading
    node: Node
    rank: int | None
    children: list[Open] = field(default_factory=list)


def build_tree(headings: Sequence[Heading]) -> list[Open]:
    """Nest headings: a stack of open styles; a ranked heading closes all below its rank."""
    roots: list[Open] = []
    stack: list[Open] = []
    for heading in headings:
        entry = Open(heading, _node(heading), heading.style.rank)
        names = [open_.heading.style.name for open_ in stack]
        while stack and _holds_nothing(stack[-1].heading.style):
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


def _holds_nothing(style: regexes.HeadingStyle) -> bool:
    """A bullet holds no headings; an unnumbered title or the addenda do."""
    return style.unnumbered and style is not regexes.TITLED and style.rank is None


def _node(heading: Heading) -> Node:
    line = heading.line
    title = split_title(heading)
    if title is None and heading.style.unnumbered:
        title = gist(heading.rest)
    node = Node("", heading.numbering, title, line.number, line.number, first=line.index)
    node.heading_raw = heading_raw(heading)
    if heading.title_line is not None:
        node.heading_raw = f"{node.heading_raw} {heading.title_line.raw.strip()}"
        node.heading_lines = 2
    node.note = heading.note
    if heading.note is not None and not heading.style.titled and node.title is None:
        node.title = heading.note.norm  # a statute's marginal note is its section's title
        node.heading_raw = heading.note.raw.strip()
    return node


def walk(entries: Sequence[Open], ancestors: tuple[Open, ...] = ()) -> Iterable[tuple[Open, tuple[Open, ...]]]:
    for entry in entries:
        yield entry, ancestors
        yield from walk(entry.children, (*ancestors, entry))


def labelled_nodes(everything: Sequence[Open], labels: set[int]) -> set[int]:
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


def attach_text(everything: Sequence[Open], lines: Sequence[SourceLine], closing: Set[int] = frozenset()) -> None:
    """Each node owns the segments from its heading up to the next heading (the closing of a
    law, its sign-off, signatures and footnotes, belongs to none)."""
    starts = [e.node.first for e in everything] + [len(lines)]
    for entry, next_start in zip(everything, starts[1:], strict=False):
        own = [ln for ln in lines[entry.node.first : next_start] if ln.norm and ln.index not in closing]
        entry.node.paragraphs = own
        entry.node.end_line = own[-1].number if own else entry.node.line
        entry.node.last = own[-1].index if own else entry.node.first
        entry.node.children = [c.node for c in entry.children]


def split_back_matter(everything: Sequence[Open]) -> list[FrontMatter]:
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
