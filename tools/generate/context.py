"""Lookups every page generator needs, computed once from the archive."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tools import export
from tools.models import Agency, Archive, Measure, Node, Notice, Target, Theme
from tools.regexes import SCALES
from tools.related import related as related_measures
from tools.targets.duties import RECURRING_UNIT, frequency_words

# How pages name the roles an agency plays in measures, strongest first.
ROLE_TITLES = {
    "lead": "Leads",
    "responsible": "Responsible for",
    "cooperating": "Cooperates on",
    "assigned": "Assigned duties in",
    "mentioned": "Mentioned in",
}
LANGUAGES = {"en": "English", "zh": "Chinese", "ja": "Japanese"}
# What a reader of each language calls a search in it (a link they can recognise).
SEARCH_IN = {"zh": "中文检索", "ja": "日本語で検索"}
Relate = Callable[[Sequence[Measure]], dict[str, list[tuple[str, float]]]]


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
    coverage: dict[str, Any] | None = None  # the theme × notice grid, computed once
    warm_up: dict[str | None, str] = field(default_factory=dict)  # search warm-up word by language, computed once

    @classmethod
    def build(cls, archive: Archive, relate: Relate = related_measures) -> Site:
        """The lookups for ``archive``; ``relate`` finds each measure's related measures (a
        preview may pass the last run's, and compute them afresh a moment later)."""
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
        site.related = relate([m for n in archive.notices for m in n.parsed.measures])
        return site

    def short(self, notice_id: str) -> str:
        return str(self.notices[notice_id].meta["short_title"])

    def measure_label(self, m: Measure) -> str:
        return f"{m.number.strip()} {m.title}" if m.title else m.number.strip().rstrip(":.")

    def citation(self, m: Measure) -> str:
        """ "Shanghai AI Industry Regulations (2022), Article 13", "Executive Order 14110 (2023),
        Sec. 4.1 (a)": the notice and the printed numbers that make the measure's id unique."""
        return f"{self.short(m.notice)}, {m.cited_as or m.number.strip()}"

    def targets_of_kind(self, kind_id: str) -> list[Target]:
        """The targets of one kind, in the notices' order: its page lists them, the compare page
        counts them by notice."""
        return [t for n in self.archive.notices for t in n.targets if t.kind == kind_id]

    def ledger_value(self, t: Target) -> str:
        """The ledger's Value column, beside its Unit and Qualifier columns: the number as
        printed; for a duty due on a date or a recurring duty, which have no number to read
        ("0.0 date" once stood there), what ``value_label`` says."""
        if t.unit in (RECURRING_UNIT, "date"):
            return self.value_label(t)
        return f"{t.value:,.0f}" if float(t.value).is_integer() else f"{t.value:,}"

    def value_label(self, t: Target) -> str:
        """A target's value as a reader says it: "over 50", "175 billion yuan", "1–2"; a duty
        due on a date, that date as written ("no later than 2 February 2026"); a recurring
        duty's, how often: "at least twice a year"."""
        if t.unit == RECURRING_UNIT:
            return f"{t.qualifier + ' ' if t.qualifier else ''}{frequency_words(t.value)}"
        if t.unit == "date":  # its value is when it falls due, in the text's words (not a number)
            return t.deadline or f"by {t.deadline_date}"

        def num(v: float) -> str:
            if t.scale:
                return f"{v / SCALES[t.scale]:g} {t.scale}"
            return f"{v:,.0f}" if v >= 1000 else f"{v:g}"

        value = num(t.value) + (f"–{num(t.value_max)}" if t.value_max is not None else "")
        qualifier = {"over": "over ", "at least": "at least ", "around": "around ", "up to": "up to "}
        unit = "" if t.unit == "count" else f" {t.unit}"
        return f"{qualifier.get(t.qualifier or '', '')}{value}{unit}"

    def target_label(self, t: Target) -> str:
        """What a target commits to, in a reader's words: "over 5 artificial intelligence joint
        laboratories"; a recurring duty, its action and then how often: "hold meetings at least
        twice a year"."""
        if t.unit == RECURRING_UNIT:
            return f"{t.counted} {self.value_label(t)}".strip()
        return f"{self.value_label(t)} {t.counted}".strip()

    def jurisdiction_ids(self, jurisdiction: str) -> list[str]:
        """The jurisdiction and those it lies within, outermost (the country) first."""
        return list(reversed(self.archive.registry.lineage(jurisdiction)))

    def jurisdiction_path(self, jurisdiction: str) -> list[dict[str, str]]:
        """The jurisdiction and those above it, outermost first, each with its name and anchor."""
        names = {j.id: j.name for j in self.archive.registry.jurisdictions}
        return [
            {"id": j, "name": names.get(j, j), "anchor": j.replace("/", "-")}
            for j in self.jurisdiction_ids(jurisdiction)
        ]

    def country_of(self, n: Notice) -> str:
        """The outermost jurisdiction of a notice: its country, or the international body."""
        return self.jurisdiction_ids(n.meta["jurisdiction"])[0]

    def country(self, jurisdiction: str) -> dict[str, str] | None:
        """The country a jurisdiction lies in (id, name, anchor); None for an international body
        (the EU, the OECD), which is a root of the tree beside the countries, not a country."""
        root = self.jurisdiction_path(jurisdiction)[0]
        levels = {j.id: j.level for j in self.archive.registry.jurisdictions}
        return None if levels.get(root["id"]) == "international" else root

    def jurisdiction_tree(self, every: bool = False) -> list[tuple[str, int]]:
        """Every jurisdiction with a notice at or below it (``every``: every jurisdiction), depth
        first in registry order, with its depth."""
        used = {j for n in self.archive.notices for j in self.jurisdiction_ids(n.meta["jurisdiction"])}
        children: dict[str | None, list[str]] = defaultdict(list)
        for j in self.archive.registry.jurisdictions:
            if every or j.id in used:
                children[j.parent].append(j.id)
        out: list[tuple[str, int]] = []

        def walk(parent: str | None, depth: int) -> None:
            for child in children[parent]:
                out.append((child, depth))
                walk(child, depth + 1)

        walk(None, 0)
        return out

    def countries(self) -> list[dict[str, str]]:
        return [self.jurisdiction_path(j)[0] for j, depth in self.jurisdiction_tree() if depth == 0]

    def language_name(self, code: str) -> str:
        return LANGUAGES.get(code.split("-")[0], code)

    def search_label(self, code: str) -> str:
        """The link to a language's search page, in that language and in English."""
        english = f"Search the notices in {self.language_name(code)}"
        native = SEARCH_IN.get(code.split("-")[0])
        return f"{native} · {english}" if native else english

    def status_banner(self, n: Notice) -> dict[str, str] | None:
        """A notice that no longer applies says so at the top of its page."""
        revoked = n.meta.get("revoked")
        if not revoked or self.notice_records[n.id]["status"] != "revoked":
            return None
        how = "public record" if revoked["source"] == "public-record" else "stated in the text"
        return {
            "level": "warning",
            "title": f"Revoked on {revoked['date']}",
            "text": f"Revoked by {revoked['by']} on {revoked['date']} ({how}). The text is kept as it was issued; "
            "its measures and targets no longer apply.",
        }

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
