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
_SENTENCE_START = re.compile(r"(?:^|[.;:!?]\s+|[。；])")


@lru_cache(maxsize=1 << 16)  # the registry's names are keyed again for every notice
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
    """Responsible-unit clauses as written: labelled ones anywhere; a sentence that closes a
    line with units and the verbs that give their roles ("A牵头负责，B配合。", no label); and a
    bracketed list that closes the measure (kept only if it names an agency, see ``responsible``)."""
    found = []
    for line in lines:
        found += [
            ResponsibleClause(line.number, m.group(0), normalise(m["names"]), m["label"])
            for m in regexes.RESPONSIBLE_CLAUSE.finditer(line.raw)
        ]
        closing = regexes.UNLABELLED_CLAUSE.search(line.raw)
        if closing:
            found.append(
                ResponsibleClause(line.number, closing.group(0).strip(), normalise(closing["names"]), unlabelled=True)
            )
    last = lines[-1] if lines else None
    trailing = regexes.TRAILING_CLAUSE.search(last.raw) if last else None
    if last and trailing and not regexes.RESPONSIBLE_CLAUSE.search(trailing.group(0)):
        found.append(ResponsibleClause(last.number, trailing.group(0), normalise(trailing["names"]), trailing=True))
    return found


def clause_parts(clause: ResponsibleClause) -> list[tuple[Role, str]]:
    """A clause's names by role: 牵头单位 and "Lead units" lead, 配合单位 cooperate; without a
    label, the verb after the names says the same (…牵头负责, …配合). (In a trailing bracketed
    list, ◎ marks the lead; see ``_mark_leads``.)"""
    if clause.trailing:
        return [("responsible", regexes.LEAD_MARK.sub("", clause.names))]
    if clause.unlabelled:
        return [(_role(m["label"]), m["names"]) for m in regexes.UNLABELLED_PART.finditer(clause.names)]
    labels = list(regexes.CLAUSE_PART.finditer(clause.names))
    starts = [(clause.label, 0)] + [(m["label"], m.end()) for m in labels]
    ends = [m.start() for m in labels] + [len(clause.names)]
    parts: list[tuple[Role, str]] = []
    for (label, start), end in zip(starts, ends, strict=True):
        parts.append((_role(label), clause.names[start:end].strip(" ;；,，")))
    return parts


def _role(label: str) -> Role:
    """The role a label (牵头单位, "Cooperating units") or a closing verb (牵头负责, 配合) gives."""
    return next((r for rx, r in regexes.CLAUSE_ROLES if rx.search(label)), "responsible")  # type: ignore[misc]


def _mark_leads(clause: ResponsibleClause, found: list[tuple[Agency, str]]) -> list[tuple[Role, Agency, str]]:
    """In "[Cabinet Office, Ministry of Economy, Trade and Industry (◎)]" the name the ◎ follows leads."""
    text = match_key(clause.names)
    out: list[tuple[Role, Agency, str]] = []
    for agency, written in found:
        at = text.find(match_key(written))
        marked = at >= 0 and regexes.LEAD_MARK.match(text, at + len(match_key(written)))
        out.append(("lead" if marked else "responsible", agency, written))
    return out


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
) -> tuple[list[AgencyRef], list[Problem], list[ResponsibleClause]]:
    """The agencies a measure's clauses name, with their roles; unknown names as problems; and
    the clauses kept (a trailing bracketed list that names no agency is not a clause)."""
    refs: list[AgencyRef] = []
    problems = []
    kept = []
    for clause in clauses:
        parts = [(role, *split_names(names, index)) for role, names in clause_parts(clause)]
        if clause.trailing and not any(found for _, found, _ in parts):
            continue  # "[Reposted]": a note, not a list of agencies
        kept.append(clause)
        for role, found, unknown in parts:
            marked = _mark_leads(clause, found) if clause.trailing else [(role, a, w) for a, w in found]
            refs += [AgencyRef(a.id, r, written, clause.line) for r, a, written in marked]
            problems += [
                Problem(
                    path,
                    clause.line,
                    f"responsible unit {name!r} (measure {measure.number}) is not in corpus/agencies.yaml; "
                    + suggest(name, index),
                )
                for name in unknown
            ]
    return _unique(refs), problems, kept


def led_by(measure: Measure, index: AliasIndex, lines: Sequence[SourceLine]) -> list[AgencyRef]:
    """Agencies named after "led by" (and those it works "in coordination with", as cooperating)."""
    refs = []
    for line in lines:
        key = match_key(line.norm)
        for m in regexes.LED_BY.finditer(key):
            pos, role = m.end(), "lead"
            while pos < len(key):
                joiner = regexes.COOPERATING_JOINER.match(key, pos)
                if joiner:
                    pos, role = joiner.end(), "cooperating"
                    continue
                joiner = regexes.LED_BY_JOINER.match(key, pos)
                if joiner and joiner.end() > pos:
                    pos = joiner.end()
                    continue
                hit = index.longest_at(key, pos)
                if not hit:
                    break
                written = _as_written(line.norm, key, pos, len(hit[0]))
                refs.append(AgencyRef(hit[1].id, role, written, line.number))  # type: ignore[arg-type]
                pos += len(hit[0])
    return refs


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
    return _named_in(index, lines)


def sentence_refs(sentence: str, index: AliasIndex) -> list[AgencyRef]:
    """The agencies one sentence names, in its order, with the roles the sentence gives them (a
    measure's agencies keep each one's strongest role over all its sentences)."""
    return _named_in(index, [SourceLine(0, sentence, normalise(sentence))])


def _named_in(index: AliasIndex, lines: Sequence[SourceLine]) -> list[AgencyRef]:
    """Agencies named in body text: partners (cooperating), duty-holders (assigned), others (mentioned)."""
    # Without a leading "the": otherwise "the White House" would win over the longer name that
    # starts a word later ("White House Task Force on …"), a regex taking the leftmost match.
    individual = {n.removeprefix("the "): a for n, a in reversed(index.names) if not a.collective}
    if not individual:
        return []
    by_name = individual
    pattern = _alternation(tuple(sorted(by_name, key=lambda n: (-len(n), n))))
    refs = []
    for line in lines:
        text = regexes.TRAILING_CLAUSE.sub(" ", regexes.RESPONSIBLE_CLAUSE.sub(" ", line.norm))
        text = match_key(regexes.UNLABELLED_CLAUSE.sub(" ", text))
        previous = None
        for m in pattern.finditer(text):
            located = previous is not None and bool(regexes.LOCATED_IN.fullmatch(text, previous.end(), m.start()))
            previous = m
            if regexes.TITLE_PREFIX.search(text, 0, m.start()):
                continue  # "Under Secretary of Commerce …": a longer title, not the Secretary
            written = _as_written(line.norm, text, m.start(), m.end() - m.start())
            role = _mention_role(text, m, pattern, located)
            refs.append(AgencyRef(by_name[m.group(0)].id, role, written, line.number))
    return _unique(refs)


def _mention_role(text: str, m: re.Match[str], names: re.Pattern[str], located: bool) -> Role:
    """A partner's (cooperating), a duty-holder's (assigned), or a name's only (mentioned). A
    name that only says where the office before it sits ("the Director of CISA within the
    Department of Homeland Security") is mentioned: the office acts, not its department."""
    if located:
        return "mentioned"
    if _is_partner(text, m.start(), m.end(), names):
        return "cooperating"
    return "assigned" if _has_duty(text, m.start(), m.end(), names) else "mentioned"


def _is_cjk(name: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in name)


@lru_cache(maxsize=64)
def _alternation(names: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for all names, longest first so the longest name wins at each place. Chinese
    names have no word boundaries around them (Chinese puts no spaces between words)."""
    latin = "|".join(re.escape(n) for n in names if not _is_cjk(n))
    chinese = "|".join(re.escape(n) for n in names if _is_cjk(n))
    # One boundary for the whole alternation keeps the pattern fast; Chinese names need none.
    return re.compile("|".join(p for p in (rf"(?<!\w)(?:{latin})(?!\w)" if latin else "", chinese) if p) or r"(?!x)x")


def _is_partner(text: str, start: int, end: int, names: re.Pattern[str]) -> bool:
    """Whether the name is in the list of partners a duty is done with, after "in consultation /
    coordination with" in its sentence. The list is read item by item (commas and semicolons part
    them), so that an office the registry lacks does not cut it short: each item before the
    name's begins as a partner does (``regexes.PARTNER_ITEM``), and the name comes first in its
    own item, after list words only ("and the", "the heads of"). A name right before "shall" is
    the duty's subject, not a partner."""
    sentence_start = text.rfind(". ", 0, start) + 1
    joiners = list(regexes.PARTNER_PHRASE.finditer(text, sentence_start, start))
    if not joiners or regexes.SUBJECT_OF_SHALL.match(text, end):
        return False
    marked = names.sub(f" {regexes.NAME_MARK} ", text[joiners[-1].end() : start])
    *items, own = regexes.PARTNER_ITEM_BREAK.split(marked)
    if not regexes.PARTNER_LIST_FILLER.fullmatch(own.replace(regexes.NAME_MARK, " ")):
        return False
    return all(regexes.PARTNER_ITEM.match(item) for item in items)


def _has_duty(text: str, start: int, end: int, names: re.Pattern[str] | None = None) -> bool:
    """Whether the name is the subject of a clause that gives it a duty: "…, the Secretary of
    Energy shall …", "国家发展改革委要加强统筹协调"."""
    if regexes.DUTY_ZH.match(text, end):
        return True
    if regexes.POSSESSIVE.match(text, end):
        return False  # "the Director of OMB's guidance shall specify": the guidance is the subject
    sentence_start = max((m.end() for m in _SENTENCE_START.finditer(text, 0, start)), default=0)
    clause_start = max(sentence_start, *(text.rfind(mark, 0, start) + 1 for mark in regexes.CLAUSE_BREAKS))
    sentence_end = min(i for i in (text.find(". ", end), len(text)) if i >= 0)
    lead = text[clause_start:start]
    if regexes.DIRECTED.search(lead):
        return True  # "I hereby direct the Secretary of Commerce …"
    if names is not None and regexes.JOINT_SUBJECT.match(names.sub(" ", lead)):
        return bool(regexes.DUTY.search(text, end, sentence_end))  # "A and the B shall": both hold it
    return len(lead.split()) <= 4 and bool(regexes.DUTY.search(text, end, sentence_end))


_STRENGTH = {"lead": 0, "responsible": 1, "cooperating": 2, "assigned": 3, "mentioned": 4}


def strongest(refs: Sequence[AgencyRef]) -> list[AgencyRef]:
    """One reference per agency, with its strongest role (lead > responsible > cooperating >
    assigned > mentioned)."""
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
        refs, errs, measure.responsible_clauses = responsible(measure, find_clauses(own), index, path)
        problems += errs
        # An explicit clause says who is responsible; "led by" in the prose decides only without one.
        leads = [] if measure.responsible_clauses else led_by(measure, index, own)
        measure.agencies = strongest(refs + leads + mentions(measure, index, own))
    return problems
