"""Agencies: resolve responsible-unit clauses, issuers and body-text mentions to the registry.

Names are matched against the registry, longest first, never split on commas: a clause is
consumed from left to right by the longest registry name that fits, so "District Science,
Technology and Economy Commission" stays one agency. Matching ignores case, apostrophe
style and the spacing around commas; it is scoped to the notice's jurisdiction and the
jurisdictions above it ("shanghai" for "shanghai/jingan").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from tools import regexes
from tools.models import Agency, AgencyRef, Measure, Problem, ResponsibleClause, Role, SourceLine
from tools.parse import normalise

_FOLD = str.maketrans({"’": "'", "‘": "'", "`": "'", "，": ",", "、": ","})
_DUTY = re.compile(r"\b(?:shall|is\s+responsible|are\s+responsible|may|will)\b", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:^|[.;:!?。；]\s+)")


def match_key(text: str) -> str:
    """A comparison form of a name: lower case, one apostrophe, no space around commas."""
    text = unicodedata.normalize("NFKC", text).translate(_FOLD).lower()
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"\s*,\s*", ",", text).strip()


@dataclass(frozen=True)
class AliasIndex:
    """Registry names usable in one jurisdiction, longest first."""

    names: tuple[tuple[str, Agency], ...]

    @classmethod
    def for_jurisdiction(
        cls, agencies: Iterable[Agency], jurisdiction: str, within: Callable[[str, str], bool] | None = None
    ) -> AliasIndex:
        """``within(inner, outer)`` says whether one jurisdiction lies inside another (default:
        by the id's path, ``shanghai/jingan`` inside ``shanghai``); pass ``Registry.within``
        to follow the jurisdiction tree."""
        inside = within or in_scope
        # Bodies of the notice's jurisdiction and those above it go by any alias; bodies below
        # it (a district named in a municipal text) only by their full canonical name.
        pairs = {(match_key(a.name), a) for a in agencies if inside(a.jurisdiction, jurisdiction)}
        pairs |= {
            (match_key(name), agency)
            for agency in agencies
            if inside(jurisdiction, agency.jurisdiction)
            for name in all_names(agency)
        }
        return cls(tuple(sorted(pairs, key=lambda p: (-len(p[0]), p[0], p[1].id))))

    def longest_at(self, key: str, pos: int) -> tuple[str, Agency] | None:
        for name, agency in self.names:
            end = pos + len(name)
            if key.startswith(name, pos) and (end == len(key) or not key[end].isalnum()):
                return name, agency
        return None


def in_scope(inner: str, outer: str) -> bool:
    """Whether jurisdiction ``inner`` lies within ``outer`` by its id's path alone."""
    return inner == outer or inner.startswith(outer + "/")


def all_names(agency: Agency) -> tuple[str, ...]:
    """Every name an agency goes by, in every language."""
    return (agency.name, *agency.aliases, *([agency.name_zh] if agency.name_zh else []), *agency.aliases_zh)


def find_clauses(lines: Sequence[SourceLine]) -> list[ResponsibleClause]:
    return [
        ResponsibleClause(line.number, m.group(0), normalise(m["names"]))
        for line in lines
        for m in regexes.RESPONSIBLE_CLAUSE.finditer(line.raw)
    ]


def split_names(names: str, index: AliasIndex) -> tuple[list[tuple[Agency, str]], list[str]]:
    """Split a clause's list of names into registry agencies, and names it does not know."""
    key = regexes.CLAUSE_ETC.sub("", match_key(names))
    found: list[tuple[Agency, str]] = []
    unknown: list[str] = []
    pos = 0
    while pos < len(key):
        sep = regexes.NAME_SEPARATOR.match(key, pos)
        if sep and sep.end() > pos:
            pos = sep.end()
            continue
        hit = index.longest_at(key, pos)
        if hit:
            found.append((hit[1], _as_written(names, key, pos, len(hit[0]))))
            pos += len(hit[0])
            continue
        comma = key.find(",", pos + 1)
        end = comma if comma > pos else len(key)
        unknown.append(_as_written(names, key, pos, end - pos))
        pos = end
    return found, unknown


def _as_written(original: str, key: str, start: int, length: int) -> str:
    """Recover the original spelling of a span of the key (spacing may differ)."""
    words = key[start : start + length].replace(",", ", ").split()
    pattern = r"\s*".join(re.escape(w).replace(",", r"\s*,") for w in words)
    m = re.search(pattern, unicodedata.normalize("NFKC", original).translate(_FOLD), re.IGNORECASE)
    return m.group(0) if m else key[start : start + length]


def responsible(
    measure: Measure, clauses: Sequence[ResponsibleClause], index: AliasIndex, path: str
) -> tuple[list[AgencyRef], list[Problem]]:
    refs: list[AgencyRef] = []
    problems = []
    for clause in clauses:
        found, unknown = split_names(clause.names, index)
        refs += [AgencyRef(a.id, "responsible", written, clause.line) for a, written in found]
        problems += [
            Problem(
                path,
                clause.line,
                f"responsible unit {name!r} (measure {measure.number}) is not in corpus/agencies.yaml; "
                + suggest(name, index),
            )
            for name in unknown
        ]
    return _unique(refs), problems


def suggest(name: str, index: AliasIndex, limit: int = 3) -> str:
    """A fix hint: the closest registry names, or how to add a new agency."""
    import difflib

    known = {n: a for n, a in index.names}
    close = difflib.get_close_matches(match_key(name), list(known), n=limit * 3, cutoff=0.6)
    agencies = list(dict.fromkeys(known[c] for c in close))[:limit]
    if agencies:
        shown = " or ".join(f"{a.name!r} ({a.id})" for a in agencies)
        return f"did you mean {shown}? Add the spelling to that agency's aliases"
    return "add it to corpus/agencies.yaml (or as an alias of an existing agency)"


def mentions(measure: Measure, index: AliasIndex, lines: Sequence[SourceLine]) -> list[AgencyRef]:
    """Agencies named in a measure's body text, as *assigned* duties or merely *mentioned*."""
    individual = [(n, a) for n, a in index.names if not a.collective]
    if not individual:
        return []
    pattern = _alternation(tuple(n for n, _ in individual))
    by_name = dict(individual)
    refs = []
    for line in lines:
        text = match_key(regexes.RESPONSIBLE_CLAUSE.sub(" ", line.norm))
        for m in pattern.finditer(text):
            role: Role = "assigned" if _has_duty(text, m.start(), m.end()) else "mentioned"
            refs.append(AgencyRef(by_name[m.group(0)].id, role, m.group(0), line.number))
    return _unique(refs)


@lru_cache(maxsize=64)
def _alternation(names: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for all names, longest first so the longest name wins at each place."""
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def _has_duty(text: str, start: int, end: int) -> bool:
    """Whether the name is the subject of a sentence that gives it a duty ("... shall ...")."""
    sentence_start = max((m.end() for m in _SENTENCE_START.finditer(text, 0, start)), default=0)
    sentence_end = min(i for i in (text.find(". ", end), len(text)) if i >= 0)
    lead = text[sentence_start:start]
    return len(lead.split()) <= 4 and bool(_DUTY.search(text, end, sentence_end))


_STRENGTH = {"responsible": 0, "assigned": 1, "mentioned": 2}


def strongest(refs: Sequence[AgencyRef]) -> list[AgencyRef]:
    """One reference per agency, with its strongest role (responsible > assigned > mentioned)."""
    best: dict[str, AgencyRef] = {}
    for ref in refs:
        if ref.agency not in best or _STRENGTH[ref.role] < _STRENGTH[best[ref.agency].role]:
            best[ref.agency] = ref
    order: dict[str, int] = {}
    for i, ref in enumerate(refs):
        order.setdefault(ref.agency, i)
    return sorted(best.values(), key=lambda r: (_STRENGTH[r.role], order[r.agency]))


def _unique(refs: Iterable[AgencyRef]) -> list[AgencyRef]:
    """One reference per agency and role, first occurrence kept."""
    seen: set[tuple[str, str]] = set()
    out = []
    for ref in refs:
        if (ref.agency, ref.role) not in seen:
            seen.add((ref.agency, ref.role))
            out.append(ref)
    return out


def resolve_names(
    names: Sequence[str], index: AliasIndex, role: Role, path: str, line_of: Sequence[int]
) -> tuple[list[AgencyRef], list[Problem]]:
    """Issuers and drafters from notice.yaml: each must be one registry agency."""
    refs, problems = [], []
    for name, line in zip(names, line_of, strict=True):
        if name.strip().upper().startswith("TODO"):
            continue  # reported by the loader as a field to fill in
        hit = index.longest_at(match_key(name), 0)
        if hit and len(hit[0]) == len(match_key(name)):
            refs.append(AgencyRef(hit[1].id, role, name, line))
        else:
            problems.append(
                Problem(path, line, f"{role} {name!r} is not in corpus/agencies.yaml; {suggest(name, index)}")
            )
    return refs, problems


def attribute(measures: Sequence[Measure], lines: Sequence[SourceLine], index: AliasIndex, path: str) -> list[Problem]:
    """Fill each measure's responsible clauses and agencies; return unknown-name problems."""
    problems: list[Problem] = []
    for measure in measures:
        own = [ln for ln in lines[measure.first : measure.last + 1] if ln.norm]
        measure.responsible_clauses = find_clauses(own)
        refs, errs = responsible(measure, measure.responsible_clauses, index, path)
        problems += errs
        measure.agencies = strongest(refs + mentions(measure, index, own))
    return problems
