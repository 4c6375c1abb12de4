"""Lookups every page generator needs, computed once from the archive."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from tools import export, related
from tools.models import Agency, Archive, Measure, Node, Notice, Target, Theme


@dataclass
class Site:
    archive: Archive
    records: dict[str, list[dict[str, Any]]]
    notices: dict[str, Notice] = field(default_factory=dict)
    notice_records: dict[str, dict[str, Any]] = field(default_factory=dict)
    agencies: dict[str, Agency] = field(default_factory=dict)
    themes: dict[str, Theme] = field(default_factory=dict)
    measures: dict[str, Measure] = field(default_factory=dict)
    targets: dict[str, Target] = field(default_factory=dict)
    nodes: dict[str, Node] = field(default_factory=dict)  # "notice/node-id" -> node
    related: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    as_of: str = ""
    _by_agency: dict[str, dict[str, dict[str, list[Measure]]]] | None = None

    @classmethod
    def build(cls, archive: Archive) -> Site:
        site = cls(archive, export.records(archive))
        site.as_of = export.as_of(archive)
        site.notices = {n.id: n for n in archive.notices}
        site.notice_records = {r["id"]: r for r in site.records["notices"]}
        site.agencies = {a.id: a for a in archive.registry.agencies}
        site.themes = {t.id: t for t in archive.registry.themes}
        site.kinds = {k.id: k.name for k in archive.registry.target_kinds}
        for notice in archive.notices:
            for m in notice.parsed.measures:
                site.measures[f"{notice.id}/{m.id}"] = m
            for t in notice.targets:
                site.targets[t.id] = t
            stack = list(notice.parsed.nodes)
            while stack:
                node = stack.pop()
                site.nodes[f"{notice.id}/{node.id}"] = node
                stack.extend(node.children)
        site.related = related.related([m for n in archive.notices for m in n.parsed.measures])
        return site

    def short(self, notice_id: str) -> str:
        return str(self.notices[notice_id].meta["short_title"])

    def measure_label(self, m: Measure) -> str:
        return f"{m.number.strip()} {m.title}" if m.title else m.number.strip().rstrip(":.")

    def citation(self, m: Measure) -> str:
        kind = "Article" if m.id.startswith("art-") else "measure"
        number = m.number.strip().rstrip(":.")
        label = number if kind == "Article" else f"measure {number}"
        return f"{self.short(m.notice)}, {label}"

    def agencies_of(self, m: Measure, role: str) -> list[Agency]:
        return [self.agencies[r.agency] for r in m.agencies if r.role == role]

    def measures_by_agency(self) -> dict[str, dict[str, dict[str, list[Measure]]]]:
        """agency -> notice -> role -> measures (computed once)."""
        if self._by_agency is None:
            self._by_agency = self._group_by_agency()
        return self._by_agency

    def _group_by_agency(self) -> dict[str, dict[str, dict[str, list[Measure]]]]:
        out: dict[str, dict[str, dict[str, list[Measure]]]] = defaultdict(
            lambda: defaultdict(lambda: defaultdict(list))
        )
        for notice in self.archive.notices:
            for m in notice.parsed.measures:
                for ref in m.agencies:
                    out[ref.agency][notice.id][ref.role].append(m)
        return out
