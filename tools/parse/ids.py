"""Which nodes are measures, and the ids and citations built from their printed numbers.

Measures are the leaves of the tree below the top level (or any heading of a style that is
always a measure, such as an article, or a top-level part with its own responsible-unit
clause). Where a notice labels its lists of measures, the measures are the leaves under those
labels only. A measure's id is built from its printed numbers, dropping enclosing levels that
its numbering runs straight through; unnumbered items take their place among their siblings,
and unnumbered headings a short slug of their title.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from tools import regexes
from tools.models import Problem
from tools.numerals import to_letters, to_roman
from tools.parse.headings import full_number
from tools.parse.tree import Open, labelled_nodes, walk


def _is_back(entry: Open) -> bool:
    """An annex, appendix or addenda, or a part titled "References" or "Notes"."""
    return entry.heading.style.back_matter or bool(regexes.REFERENCES_TITLE.match(entry.node.title or ""))


def _all_decimal(entry: Open, ancestors: tuple[Open, ...]) -> bool:
    """A clause numbered in decimals all the way down ("6.2.6.1" under "6.2.6" under "6.2" under "6.")."""
    chain = (*ancestors, entry)
    return entry.heading.major is not None and all(e.heading.style.name in regexes.DECIMAL_FAMILY for e in chain)


def _requirements_only(candidates: list[tuple[Open, tuple[Open, ...]]]) -> bool:
    """Whether a text numbered in decimal clauses states requirements ("must", "is responsible
    for:"): then its measures are the clauses that carry one, and its effective date, scope and
    enquiries are not. A plan whose clauses are actions ("1.1 Establish a research centre") has
    none, and every clause is a measure."""
    decimal = [(e, anc) for e, anc in candidates if _all_decimal(e, anc)]
    return any(_carries_requirement(e, anc) for e, anc in decimal)


def _carries_requirement(entry: Open, ancestors: tuple[Open, ...]) -> bool:
    """Whether a decimal clause carries a requirement, of its own or by the clause above that
    introduces it. Other layouts: always."""
    if not _all_decimal(entry, ancestors):
        return True
    own = " ".join(p.norm for p in entry.node.paragraphs)
    if regexes.REQUIREMENT.search(own):
        return True
    return any(regexes.REQUIREMENT_LEAD.search(p.norm) for a in ancestors for p in a.node.paragraphs)


def _is_measure(entry: Open, depth: int, flat: bool, labelled: set[int] | None) -> bool:
    if entry.heading.style.frame:
        return False
    if entry.heading.style.always_measure:
        return True
    if entry.children:
        return False
    if labelled is not None:
        return id(entry) in labelled
    if depth > 0 or flat:
        return True
    # A part with its own responsible-unit clause (labelled, or units before 牵头负责 / 按职责分工负责
    # closing a line) and no numbered items is itself a measure.
    clauses = (regexes.RESPONSIBLE_CLAUSE, regexes.UNLABELLED_CLAUSE)
    return any(rx.search(p.raw) for p in entry.node.paragraphs for rx in clauses)


def _self_contained(entry: Open, ancestors: tuple[Open, ...]) -> bool:
    """A decimal clause whose first number is not its parent's: it carries its place itself."""
    major = entry.heading.major
    return major is not None and not (ancestors and full_number(ancestors[-1].heading) == major)


def _component(entry: Open, parent: Open | None) -> str:
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
    elif heading.major is not None and not (parent and full_number(parent.heading) == heading.major):
        number = f"{heading.major.replace('.', '-')}-{value}"  # "4.1" outside a section 4 keeps both numbers
    else:
        number = str(value)
    label = heading.label.lower() if style.label == "*" else style.label
    return f"{label}-{number}" if label else number


def cited_as(chain: Sequence[Open]) -> str:
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
        elif heading.major is not None and i and full_number(chain[i - 1].heading) == heading.major:
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


def _run_through(measures: list[tuple[Open, tuple[Open, ...]]]) -> set[tuple[str, str]]:
    """(measure style, ancestor style) pairs where numbering runs on across ancestors."""
    crossings: dict[tuple[str, str], bool] = {}
    by_style: dict[str, list[tuple[Open, tuple[Open, ...]]]] = {}
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


def assign_ids(roots: list[Open], labels: set[int] | None = None) -> list[tuple[Open, tuple[Open, ...]]]:
    """Give every node its id; return the measures in document order."""
    flat = all(not e.children for e in roots)
    everything = list(walk(roots))
    labelled = labelled_nodes([e for e, _ in everything], labels) if labels else None
    for entry, ancestors in everything:
        entry.node.back_matter = any(_is_back(x) for x in (*ancestors, entry))
        entry.node.annex = entry.heading.style.back_matter and not ancestors
    candidates = [
        (e, anc) for e, anc in everything if not e.node.back_matter and _is_measure(e, len(anc), flat, labelled)
    ]
    if _requirements_only(candidates):
        candidates = [(e, anc) for e, anc in candidates if _carries_requirement(e, anc)]
    measures = candidates
    for entry, _ in measures:
        entry.node.is_measure = True
    dropped = _run_through(measures)
    for entry, ancestors in everything:
        kept = [
            a
            for a in ancestors
            if not entry.node.is_measure or (entry.heading.style.name, a.heading.style.name) not in dropped
        ]
        if entry.heading.style.always_measure and not entry.node.back_matter:
            kept = []  # an article is numbered straight through its law: "Article 13" is unique
        elif entry.node.is_measure and _self_contained(entry, ancestors):
            kept = []  # "1.1" under "IV. UNDERLINES": the decimal number is unique by itself
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


def dedupe_ids(everything: Sequence[Open], path: str) -> list[Problem]:
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
