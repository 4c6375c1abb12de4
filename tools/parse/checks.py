"""What the parser says when the numbering looks wrong or defeats it."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from tools.models import Node, Problem, SourceLine
from tools.parse.headings import Heading, candidates
from tools.parse.tree import Open
from tools.regexes import HeadingStyle


def check_numbering(everything: Sequence[Open], path: str) -> list[Problem]:
    """Numbers of a style should run 1, 2, 3 … among siblings, or carry on from the last number
    of that style before them (numbering that continues across parts)."""
    problems = []
    last_local: dict[tuple[int, str, str | None], Node] = {}
    last_global: dict[str, int] = {}
    groups: dict[tuple[int, str], tuple[int, int]] = {}  # the last group of decimal clauses: major, line
    parents = {id(c): id(e) for e in everything for c in e.children}
    for entry in everything:
        node, style = entry.node, entry.heading.style
        if style.unnumbered:
            continue
        # Decimal clauses count within their group: "2.1" after "1.2" starts at 1 again.
        key = (parents.get(id(entry), 0), style.name, entry.heading.major)
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
        problems += _group_skipped(entry, parents.get(id(entry), 0), groups, path)
        last_local[key] = node
        last_global[style.name] = value
    return problems


def _group_skipped(
    entry: Open, parent: int, groups: dict[tuple[int, str], tuple[int, int]], path: str
) -> list[Problem]:
    """Groups of decimal clauses run on too: "3.1" straight after "1.2" has lost the clauses of 2."""
    major = entry.heading.major
    if major is None or not major.isdigit():
        return []
    key = (parent, entry.heading.style.name)
    before = groups.get(key)
    groups[key] = (int(major), entry.node.line)
    if before is None or int(major) <= before[0] + 1:
        return []
    first, last = before[0] + 1, int(major) - 1
    missing = str(first) if first == last else f"{first} to {last}"
    return [
        Problem(
            path,
            entry.node.line,
            f'"{entry.node.numbering.printed}" follows clauses of {before[0]} (line {before[1]}): no clause of '
            f"{missing}; check for a lost heading or a typo in the number",
        )
    ]


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
