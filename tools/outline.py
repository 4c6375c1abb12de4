"""Outline: what the parser reads in any text file, with no metadata and no registry.

It is how a maintainer previews a notice before adding it, and how the parser's generality
is judged on notices it has never seen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tools import targets
from tools.agencies import find_clauses
from tools.models import FrontMatter, Node, ParsedNotice, Problem, SourceLine, Target, TargetKind
from tools.parse import parse_notice, split_lines


def outline(
    text: str, path: str = "source.txt", hints: dict[str, Any] | None = None, kinds: Sequence[TargetKind] = ()
) -> dict[str, Any]:
    """Parse ``text`` on its own and describe what was read: the same reading that ``check``
    and the open data use, without metadata or an agency registry. ``kinds``: the target kinds
    of a corpus (duties, funds, output …), to say what kind each target is."""
    lines = split_lines(text)
    parsed = parse_notice("outline", lines, path=path, hints=hints)
    extraction = targets.extract("outline", targets.places(parsed.nodes, parsed.lines), kinds=kinds)
    problems = [*parsed.problems, *targets.unread_problems(extraction.unread, path)]
    return describe(parsed, parsed.lines, extraction.targets, problems)


def describe(
    parsed: ParsedNotice,
    lines: Sequence[SourceLine],
    found: Sequence[Target],
    problems: Sequence[Problem] | None = None,
) -> dict[str, Any]:
    """A parse as plain data: parts, measures, responsible clauses as written, targets, problems."""
    return {
        "front_matter": [_matter(f) for f in parsed.front_matter],
        "back_matter": [_matter(f) for f in parsed.back_matter],
        "parts": _parts(parsed.nodes),
        "measures": [_measure(parsed, m.id, lines, found) for m in parsed.measures],
        "targets_outside_measures": [_target(t) for t in found if t.measure is None],
        "problems": [str(p) for p in (parsed.problems if problems is None else problems)],
    }


def _matter(f: FrontMatter) -> dict[str, Any]:
    return {"line": f.line.number, "role": f.role} | ({"number": f.number, "anchor": f.anchor} if f.number else {})


def _target(t: Target) -> dict[str, Any]:
    return {
        "kind": t.kind,
        "part": t.part,
        "line": t.line,
        "as_written": t.as_written,
        "value": t.value,
        "value_max": t.value_max,
        "unit": t.unit,
        "qualifier": t.qualifier,
        "counted": t.counted,
        "deadline": t.deadline,
        "deadline_after": t.deadline_after,
        "frequency": t.frequency,
        "sentence": t.sentence,
    }


def _parts(nodes: Sequence[Node]) -> list[dict[str, Any]]:
    return [
        {
            "id": n.id,
            "number": n.numbering.printed,
            "title": n.title,
            "line": n.line,
            "back_matter": n.back_matter,
            "parts": _parts(n.children),
        }
        for n in nodes
        if not n.is_measure
    ]


def _measure(
    parsed: ParsedNotice, measure_id: str, lines: Sequence[SourceLine], found: Sequence[Target]
) -> dict[str, Any]:
    m = next(x for x in parsed.measures if x.id == measure_id)
    own = [ln for ln in lines[m.first : m.last + 1] if ln.norm]
    return {
        "id": m.id,
        "number": m.number,
        "cited_as": m.cited_as,
        "title": m.title,
        "line": m.line,
        "path": m.path,
        "points": [{"anchor": p.anchor, "cited_as": p.cited_as, "number": p.number, "line": p.line} for p in m.points],
        "responsible": [c.raw for c in find_clauses(own)],
        "targets": [{k: v for k, v in _target(t).items() if k != "part"} for t in found if t.measure == m.id],
    }


def render_text(data: dict[str, Any]) -> str:
    """The outline as an indented listing for a terminal."""
    out: list[str] = []
    measures_by_parent: dict[str | None, list[dict[str, Any]]] = {}
    for m in data["measures"]:
        measures_by_parent.setdefault(m["path"][-1] if m["path"] else None, []).append(m)

    def show_measure(m: dict[str, Any], depth: int) -> None:
        title = f" {m['title']}" if m["title"] else ""
        out.append(f"{'  ' * depth}{m['id']:<10} {m['number'].strip()}{title}  (line {m['line']})")
        out.extend(f"{'  ' * depth}           units: {r}" for r in m["responsible"])
        out.extend(f"{'  ' * depth}           target: {t['as_written']}" for t in m["targets"])

    def show(parts: list[dict[str, Any]], parent: str | None, depth: int) -> None:
        # Parts and measures in the order they are printed.
        for kind, item in sorted(
            [("part", p) for p in parts] + [("measure", m) for m in measures_by_parent.get(parent, [])],
            key=lambda pair: pair[1]["line"],
        ):
            if kind == "measure":
                show_measure(item, depth)
                continue
            out.append(
                f"{'  ' * depth}[{item['id']}] {item['number'].strip()} {item['title'] or ''}  (line {item['line']})"
            )
            show(item["parts"], item["id"], depth + 1)

    show(data["parts"], None, 0)
    out.extend(f"[{t['part']}] target: {t['as_written']}  (line {t['line']})" for t in data["targets_outside_measures"])
    out.append(f"{len(data['measures'])} measures")
    out.extend(data["problems"])
    return "\n".join(out)
