"""Holders: the agency each target belongs to, read from the text around it.

The holder is the body that must act:

- the subject of "shall" in the target's sentence ("…, the Secretary of Homeland Security, in
  coordination with the Secretary of Commerce …, shall incorporate …"), not a body it works
  "in consultation / coordination with" (whether that clause stands before or after the
  subject), nor one named "as the Secretary may deem appropriate", "acting through" it or
  receiving its report; the one named after "hereby direct" / "INSTRUCTS";
- for an item of a list that has no subject of its own ("(iii) within 90 days …, coordinate a
  pooled-hiring action …"), the holder of the list's lead-in ("the Director of OPM, in
  consultation with the Director of OMB, shall:"), however far down the list the item is; and
  for a lead-in with no holder of its own ("Within 365 days …, to promote …:"), the holder of
  its first item;
- a short name the notice defines ("The Secretary of Energy (Secretary)", "the White House Task
  Force on Artificial Intelligence Education (Task Force)") stands for the registry name it
  follows; a bare title that takes up a name of its paragraph ("the Secretary of Energy shall
  issue … The Secretary shall publish …") stands for that name;
- where the text names no holder, the measure's responsible units (a Chinese plan's "(Responsible
  units: A, B, etc.)", a "led by" clause): the one that leads, or else the first listed.

Names are the registry's, scoped to the notice's jurisdiction (``agencies.AliasIndex``), matched
on the comparison form of the text (``agencies.match_key``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from tools import regexes
from tools.agencies import AliasIndex, match_key
from tools.models import Agency, Measure, Node, ParsedNotice, SourceLine, Target
from tools.targets.reading import sentences


@dataclass(frozen=True)
class _Names:
    """The registry names of one notice's jurisdiction, with the short names the notice defines."""

    by_name: dict[str, Agency]
    pattern: re.Pattern[str]

    @classmethod
    def of(cls, index: AliasIndex, lines: Sequence[SourceLine]) -> _Names:
        # Not a collective name: "agencies" would be read in "the heads of Federal Permitting
        # Agencies" (a class of holders, which the registry does not list).
        by_name = {n.removeprefix("the "): a for n, a in reversed(index.names) if n.isascii() and not a.collective}
        by_name.update(_defined(by_name, lines))
        ordered = sorted(by_name, key=lambda n: (-len(n), n))
        alternation = "|".join(re.escape(n) for n in ordered) or r"(?!x)x"
        return cls(by_name, re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"))

    def found(self, key: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
        """The names in ``key`` (a comparison form), but not one that is part of a longer title
        ("Under Secretary of Commerce …", "Assistant to the President …") nor the short name
        given in parentheses to the name before it ("… Health and Human Services (HHS)")."""
        return [
            m
            for m in self.pattern.finditer(key, start, len(key) if end is None else end)
            if not regexes.TITLE_PREFIX.search(key, 0, m.start()) and not key[: m.start()].rstrip().endswith("(")
        ]


def _defined(by_name: dict[str, Agency], lines: Sequence[SourceLine]) -> dict[str, Agency]:
    """Short names a notice defines in parentheses right after a registry name: "The Secretary
    of Energy (Secretary)" makes "Secretary" stand for the Department of Energy in that notice."""
    ordered = sorted(by_name, key=len, reverse=True)
    out: dict[str, Agency] = {}
    for line in lines:
        key = match_key(line.norm)
        for m in regexes.SHORT_NAME.finditer(key):
            short = m["short"].strip()
            before = key[: m.start()].rstrip()
            name = next((n for n in ordered if before.endswith(n) and not before[: -len(n)][-1:].isalnum()), None)
            if name is None or short in by_name or short in out:
                continue  # not a registry body's name, or already a name of its own
            out[short] = by_name[name]
    return out


def _gives_duty(sentence: str) -> bool:
    """Whether a sentence gives a duty to a subject of its own: "… the Secretary shall …", "I
    hereby direct the Secretary …", "INSTRUCTS the Digital Policy Committee …"; not an item of a
    list that starts with its action ("(iii) within 90 days …, coordinate …")."""
    text = regexes.ITEM_NUMBER.sub("", sentence, count=1)
    return bool(regexes.DIRECTING.search(text)) or (bool(regexes.DUTY_SHALL.search(text)) and not _action_first(text))


def _action_first(sentence: str) -> bool:
    """Whether a sentence is an item of a list that starts with its action, past its deadline and
    partners ("(iii) within 90 days …, in consultation with …, issue an RFI …"): its holder is the
    list's. Not one that starts with a subject ("(i) The Secretary of Labor shall …") or names a
    requirement ("(i) the requirement to designate at each agency …")."""
    text = unicodedata.normalize("NFKC", sentence)
    text = regexes.LIST_ITEM.sub("", regexes.ITEM_NUMBER.sub("", text, count=1), count=1).lstrip()
    action = regexes.ACTION_FIRST.match(text)  # "Within 90 days …, launch …"
    return action is not None and not regexes.OPENS_NO_ACTION.match(action["action"])


def _subject(sentence: str, names: _Names, paragraph: str = "") -> Agency | None:
    """The registry body a sentence gives its duty to (see ``_gives_duty``). ``paragraph`` is the
    text before the sentence, where a bare title ("The Secretary shall") finds the name it takes up."""
    key = match_key(regexes.ITEM_NUMBER.sub("", sentence, count=1))
    key = regexes.LIST_ITEM.sub("", key, count=1)
    # An opening frequency ends where the subject's clause starts, as a comma would.
    key = regexes.OPENING_FREQUENCY.sub(lambda m: "," + " " * (len(m.group(0)) - 1), key, count=1)
    directed = regexes.DIRECTING.search(key)
    for shall in regexes.DUTY_SHALL.finditer(key):
        if directed and directed.start() < shall.start():
            break
        # Its own clause first ("…; the Secretary of Energy shall"), then the whole sentence, whose
        # partners may be listed with semicolons ("in consultation with the Secretary of State; …").
        for start in dict.fromkeys((key.rfind(";", 0, shall.start()) + 1, 0)):
            agency = _holder(key, start, shall.start(), names) or _taken_up(key, start, shall.start(), names, paragraph)
            if agency:
                return agency
    if directed:
        after = names.found(key, directed.end())
        if after and regexes.SUBJECT_LEAD.fullmatch(key, directed.end(), after[0].start()):
            return names.by_name[after[0].group(0)]
    return None


def _holder(key: str, start: int, end: int, names: _Names) -> Agency | None:
    """The subject among the names before "shall": the first that stands as a subject and is not
    a partner of the duty; or else the name right before "shall" ("… in consultation with A and
    B, the Secretary of Labor shall")."""
    # Not a possessive: "the President's Council of Advisors …" is another body.
    found = [m for m in names.found(key, start, end) if not key.startswith("'s", m.end())]
    subjects = [m for m in found if _stands_alone(key, start, m, found) and not _partner(key, start, m, found)]
    if subjects:
        return names.by_name[subjects[0].group(0)]
    last = found[-1] if found else None
    if (
        last
        and regexes.RIGHT_BEFORE_SHALL.fullmatch(key, last.end(), end)
        and not regexes.NOT_SUBJECT_BEFORE.search(key, start, last.start())
    ):
        return names.by_name[last.group(0)]
    return None


def _clause_lead(key: str, start: int, at: int, found: Sequence[re.Match[str]] = ()) -> str:
    """The words between the start of a name's clause (a comma, the sentence's start, or a name
    before it) and the name."""
    begin = max(start, *(key.rfind(c, 0, at) + 1 for c in ",;:—–("), *(m.end() for m in found if m.end() <= at))
    return key[begin:at]


def _stands_alone(key: str, start: int, m: re.Match[str], found: Sequence[re.Match[str]]) -> bool:
    """Whether a name opens its clause, as a subject does: "…, the Secretary of Defense and the
    Secretary of Energy shall", not "… submit to the Director of NSF"."""
    return bool(regexes.SUBJECT_LEAD.fullmatch(_clause_lead(key, start, m.start(), found)))


def _partner(key: str, start: int, m: re.Match[str], found: Sequence[re.Match[str]]) -> bool:
    """Whether a name is in a list of partners: after "in consultation / coordination with", with
    nothing but other names and list words between."""
    joiners = list(regexes.PARTNER_PHRASE.finditer(key, start, m.start()))
    if not joiners:
        return False
    between = key[joiners[-1].end() : m.start()]
    for other in reversed(found):
        if joiners[-1].end() <= other.start() and other.end() <= m.start():
            offset = joiners[-1].end()
            between = between[: other.start() - offset] + " " + between[other.end() - offset :]
    return bool(regexes.PARTNER_LIST_FILLER.fullmatch(regexes.PARENTHESES.sub(" ", between)))


def _taken_up(key: str, start: int, end: int, names: _Names, paragraph: str) -> Agency | None:
    """A bare title right before "shall" ("The Secretary shall publish …") stands for the last
    name of its paragraph that is that title of a body ("the Secretary of Energy shall issue …")."""
    title = regexes.BARE_TITLE.search(key, start, end) or regexes.BARE_TITLE_CLAUSE.search(key, start, end)
    if title is None or not paragraph:
        return None
    # "The Secretaries shall" takes up "the Secretary of Defense and the Secretary of Energy".
    singular = regexes.PLURAL_ENDING.sub(lambda m: "y" if m.group(0) == "ies" else "", title["title"])
    taken = [m for m in names.found(match_key(paragraph)) if m.group(0).startswith(singular + " of ")]
    return names.by_name[taken[-1].group(0)] if taken else None


def _last_subject(text: str, names: _Names) -> tuple[bool, Agency | None]:
    """The holder of a lead-in: the subject of its last sentence that gives a duty ("In
    particular, the Secretary of Commerce shall:"), and whether it has one."""
    for sentence in reversed(sentences(text)):
        if _gives_duty(sentence):
            key = match_key(text)
            return True, _subject(sentence, names, key[: key.find(match_key(sentence)[:40])])
    return False, None


@dataclass(frozen=True)
class _Place:
    """A target's node: its lines by number, and the lines of each point's lead-in."""

    lines: dict[int, str]
    leads: dict[int, list[int]]  # a point's line -> the lines of its lead-ins, nearest first


def _measure_place(measure: Measure, by_number: dict[int, str]) -> _Place:
    """A measure's points are led in by the points they sit in, then by the measure's heading;
    a numbered line that is no point, as a part's item is (``_items``)."""
    lines = {n: t for n, t in by_number.items() if measure.line <= n <= measure.end_line}
    at = {p.anchor: p.line for p in measure.points}
    leads = _items(lines)
    for point in measure.points:
        parts = point.anchor.split("-")[1:]
        ancestors = ["-".join([point.anchor.split("-")[0], *parts[:i]]) for i in range(len(parts) - 1, 0, -1)]
        leads[point.line] = [at[a] for a in ancestors if a in at] + [measure.line]
    return _Place(lines, leads)


def _part_place(node: Node) -> _Place:
    lines = {ln.number: ln.norm for ln in node.paragraphs if ln.norm}
    return _Place(lines, _items(lines))


def _items(lines: dict[int, str]) -> dict[int, list[int]]:
    """Items with no points ("d) report to Council …"): each is led in by the paragraph before it
    that ends in a colon, and by the node's first paragraph."""
    numbers = sorted(lines)
    leads: dict[int, list[int]] = {}
    for i, number in enumerate(numbers):
        if i and regexes.LIST_ITEM.match(lines[number]):
            before = [n for n in numbers[:i] if regexes.LIST_INTRODUCER.search(lines[n])]
            leads[number] = list(dict.fromkeys([*before[-1:], numbers[0]]))
    return leads


def _node(nodes: Sequence[Node], ident: str) -> Node | None:
    for node in nodes:
        if node.id == ident:
            return node
        found = _node(node.children, ident)
        if found:
            return found
    return None


def holder(target: Target, place: _Place, names: _Names, measure: Measure | None) -> str | None:
    """The agency that holds a target (see the module's docstring)."""
    paragraph = match_key(place.lines.get(target.line, ""))
    before = paragraph[: max(paragraph.find(match_key(target.sentence)[:40]), 0)]
    agency = _subject(target.sentence, names, before) if _gives_duty(target.sentence) else None
    if agency is None and regexes.ANAPHORIC_SUBJECT.match(target.sentence):
        # "They shall also annually report …", "That guidance shall be issued by …": the subject
        # is the body that holds the duty of the sentence before.
        raw = place.lines.get(target.line, "")
        agency = _last_subject(raw[: max(raw.find(target.sentence[:40]), 0)], names)[1]
    if agency is None and _action_first(target.sentence):
        for lead in place.leads.get(target.line, []):
            has, agency = _last_subject(place.lines.get(lead, ""), names)
            if has:
                break
    if agency is None and target.sentence.rstrip().endswith(":"):
        # "Within 365 days …, to promote …:" — the duties are its items'; the first one's holder.
        later = sorted(n for n, leads in place.leads.items() if leads[0] == target.line)
        if later:
            agency = _last_subject(sentences(place.lines[later[0]])[0], names)[1]
    if agency is None and measure is not None:
        listed = [r for r in measure.agencies if r.role == "lead"] or [
            r for r in measure.agencies if r.role == "responsible"
        ]
        return listed[0].agency if listed else None
    return agency.id if agency else None


def with_agencies(found: Sequence[Target], parsed: ParsedNotice, index: AliasIndex) -> list[Target]:
    """Each target with the agency that holds it, once the measures' agencies are known."""
    if not found:
        return list(found)
    names = _Names.of(index, parsed.lines)
    by_number: dict[int, str] = {}
    for line in parsed.lines:
        if line.norm:
            by_number[line.number] = f"{by_number[line.number]} {line.norm}" if line.number in by_number else line.norm
    measures = {m.id: m for m in parsed.measures}
    places: dict[str, _Place] = {}
    out = []
    for target in found:
        ident = target.measure or target.part or ""
        if ident not in places:
            measure = measures.get(ident)
            node = None if measure else _node(parsed.nodes, ident)
            places[ident] = (
                _measure_place(measure, by_number) if measure else _part_place(node) if node else _Place({}, {})
            )
        out.append(replace(target, agency=holder(target, places[ident], names, measures.get(target.measure or ""))))
    return out
