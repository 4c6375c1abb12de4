"""Plain data classes shared by every stage of the pipeline.

Nothing here does work: stages take these in and hand new ones out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning"]
Role = Literal["issuer", "drafter", "lead", "responsible", "cooperating", "assigned", "mentioned"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located so a person can fix it."""

    path: str
    line: int
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        label = "" if self.severity == "error" else "warning: "
        return f"{self.path}:{self.line}: {label}{self.message}"


@dataclass(frozen=True)
class SourceLine:
    """A line of a notice's text: the raw characters and a normalised twin for matching."""

    number: int  # 1-based line number in source.txt
    raw: str  # exactly as received, without the line ending
    norm: str  # odd whitespace folded, trimmed; used for parsing only
    index: int = 0  # place in the notice's list of segments (a line split in two is two segments)


@dataclass
class TextFiles:
    """One more text of a notice: a translation (notice.yaml ``texts``), as read."""

    language: str
    file: str  # its file name in the notice's folder ("source.en.txt")
    role: str  # official-translation, unofficial-translation
    entry: dict[str, Any]  # its entry in ``texts``
    key: str  # its place in notice.yaml ("texts/1"), for located messages
    text: str
    lines: list[SourceLine]


@dataclass
class NoticeFiles:
    """What the loader read for one notice, before any parsing."""

    id: str
    folder: str
    meta: dict[str, Any]
    meta_lines: dict[str, int]  # JSON-pointer-ish key path -> line in notice.yaml
    text: str
    lines: list[SourceLine]
    translations: list[TextFiles] = field(default_factory=list)  # the notice's other texts


@dataclass(frozen=True)
class Numbering:
    """A printed number as recognised by a heading pattern."""

    style: str  # name of the heading style in regexes.HEADING_STYLES
    printed: str  # exactly as printed, e.g. "(4 )", "Article 21.", "II."
    value: int


@dataclass
class Node:
    """A numbered unit of a notice: a part, a group, or a measure."""

    id: str
    numbering: Numbering
    title: str | None
    line: int  # line of the heading
    end_line: int  # last line that belongs to this node (inclusive, own text only)
    paragraphs: list[SourceLine] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    parent_id: str | None = None
    is_measure: bool = False
    heading_raw: str = ""  # the heading as printed (number and title sentence), for display
    first: int = 0  # index of its first segment
    last: int = 0  # index of its last own segment
    cited_as: str = ""  # how a reader cites it: "Sec. 4.1 (a)", "II (1) 3", "Article 13"
    heading_lines: int = 1  # 2 when the title is printed on the line below the number
    note: SourceLine | None = None  # a sub-heading or marginal note printed just above the heading
    back_matter: bool = False  # an annex, appendix or the addenda, a part of one, or References
    annex: bool = False  # an annex, appendix or the addenda itself: it has a page of its own

    def body(self) -> list[SourceLine]:
        """Its own lines after the heading (and the title line below it)."""
        return self.paragraphs[self.heading_lines :]

    def heading_rest(self) -> str:
        """What follows the printed heading on its line, as printed."""
        if not self.paragraphs or self.heading_lines > 1:
            return ""
        raw = self.paragraphs[0].raw.strip()
        return raw[len(self.heading_raw) :].strip() if raw.startswith(self.heading_raw) else raw


@dataclass(frozen=True)
class FrontMatter:
    """A paragraph before (or after) the numbered body, with its role."""

    role: str  # title, date, document-number, addressees, preamble, recital, signatory, footnote, ...
    line: SourceLine
    number: str = ""  # a recital's or a footnote's printed number ("12" of "(12)")

    @property
    def anchor(self) -> str:
        """Its id on the notice page ("recital-12", "footnote-3"), when it is numbered."""
        return f"{self.role}-{self.number.replace('*', 'x')}" if self.number else ""


@dataclass(frozen=True)
class ResponsibleClause:
    """A responsible-unit clause as written, e.g. ``(Responsible units: A, B, etc.)``,
    ``（牵头单位：A；配合单位：B）``, ``[Digital Agency (◎), all ministries and agencies]``,
    ``工业和信息化部牵头负责，国家发展改革委配合。``."""

    line: int
    raw: str
    names: str  # the list part (after the first label), normalised for matching
    label: str = ""  # the first label ("责任单位", "Lead units"); more may follow inside ``names``
    trailing: bool = False  # a bracketed list at the end of a measure, a clause only if it names agencies
    unlabelled: bool = False  # units, each list followed by the verb that gives its role (…牵头负责，…配合)


@dataclass(frozen=True)
class AgencyRef:
    agency: str  # agency id
    role: Role
    as_written: str
    line: int


@dataclass(frozen=True)
class Target:
    id: str
    notice: str
    measure: str | None
    part: str | None  # node id of the part when the target sits outside any measure
    line: int
    sentence: str
    value: float
    value_max: float | None
    unit: str
    scale: str | None
    qualifier: str | None
    deadline: str | None
    deadline_year: int | None
    deadline_source: str | None  # "sentence", or "part" when stated by the enclosing part
    frequency: str | None
    counted: str
    kind: str
    as_written: str
    deadline_after: str | None = None  # ISO 8601 duration after the notice's date ("P270D")
    deadline_date: str | None = None  # a deadline stated as a date
    agency: str | None = None  # the agency that holds it (tools/targets/holders.py)
    # Filled by the follow stage:
    due: str | None = None  # the date it falls due (ISO), or None where the text sets none
    due_source: str | None = None  # stated, counted (from the notice's date), year, period
    status: str = (
        "open"  # one of tools.follow.STATUSES: open, no-report, progress, met, partly-met, missed, void, no-date
    )
    met_on: str | None = None  # for a met target: the date its evidence shows it done (a day, or a month)
    days_late: int | None = None  # for a met target: 0 on time, N days late; None where that is not known
    due_from: str | None = None  # for a deadline counted from an event: the target (duty) that produced it
    value_base: float | None = None  # the value in a base unit that adds up (CNY, USD, count …)
    base_unit: str | None = None


@dataclass(frozen=True)
class Update:
    """One progress record on a target (corpus/progress/<target-id>.yaml)."""

    target: str
    date: str
    outcome: str  # met, missed, partly-met, progress
    quote: str
    line: int
    path: str
    source_title: str | None = None
    source_url: str | None = None
    source_notice: str | None = None  # a notice in the archive that reports it
    quote_line: int = 0
    source_publisher: str | None = None  # who published the source (an agency, a newspaper, a mirror)
    done: str | None = None  # the date (or month) the source says it was done, when earlier than ``date``
    note: str | None = None  # how the quote answers the target, and any doubt
    target_sentence: str | None = None  # the target's sentence as the reporter matched it


@dataclass(frozen=True)
class Point:
    """A numbered paragraph or point inside a measure, which a reader cites: "Article 6(1)(a)"."""

    anchor: str  # its id on the measure's page: "para-1-a"
    cited_as: str  # "Article 6(1)(a)"
    number: str  # as printed: "(a)"
    paragraph: int  # its place in the measure's ``paragraphs``
    line: int


@dataclass
class Measure:
    """A citable, numbered item, flattened from the tree with its place in it."""

    id: str
    notice: str
    number: str
    title: str | None
    text: str
    line: int
    end_line: int
    path: list[str]  # ancestor node ids, outermost first
    paragraphs: list[str]
    cited_as: str = ""  # how a reader cites it: "Sec. 4.1 (a)", "II (1) 3", "Article 13"
    responsible_clauses: list[ResponsibleClause] = field(default_factory=list)
    agencies: list[AgencyRef] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    first: int = 0  # index of its first segment
    last: int = 0  # index of its last segment
    points: list[Point] = field(default_factory=list)  # its numbered paragraphs and points


@dataclass
class ParsedNotice:
    """The parse stage's output for one notice."""

    id: str
    front_matter: list[FrontMatter]
    nodes: list[Node]  # top-level nodes; measures are leaves of this tree
    measures: list[Measure]
    back_matter: list[FrontMatter]
    problems: list[Problem] = field(default_factory=list)
    lines: list[SourceLine] = field(default_factory=list)  # the segments every later stage reads

    def back_parts(self) -> list[Node]:
        """The annexes, appendices and addenda: citable parts with pages of their own."""
        return [node for node in self.nodes if node.annex]


@dataclass(frozen=True)
class Agency:
    id: str
    name: str
    jurisdiction: str
    aliases: tuple[str, ...]
    collective: bool
    notices: tuple[str, ...]
    line: int
    name_zh: str | None = None
    parent: str | None = None
    aliases_zh: tuple[str, ...] = ()


@dataclass(frozen=True)
class Jurisdiction:
    id: str
    name: str
    level: str
    parent: str | None
    line: int
    name_zh: str | None = None
    targets_counted_in_parent: bool = False


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    description: str
    keywords: tuple[str, ...]
    min_hits: int
    line: int


@dataclass(frozen=True)
class TargetKind:
    id: str
    name: str
    units: tuple[str, ...]
    keywords: tuple[str, ...]
    line: int


@dataclass
class Notice:
    """A notice after every stage: metadata, structure, and what was derived."""

    files: NoticeFiles
    parsed: ParsedNotice
    issuers: list[AgencyRef] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    # Its translations, each parsed on its own (language -> parse); agencies and targets are
    # read from the original only.
    translations: dict[str, ParsedNotice] = field(default_factory=dict)
    # For each translation, the original's unit ids paired with the translation's (tools/align.py).
    aligned: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.files.id

    @property
    def meta(self) -> dict[str, Any]:
        return self.files.meta

    def counterparts(self, measure_id: str) -> list[tuple[TextFiles, Measure]]:
        """The measure in each translation that has it (paired by its printed number), with the text."""
        out = []
        for text in self.files.translations:
            parse = self.translations.get(text.language)
            other = self.aligned.get(text.language, {}).get(measure_id)
            found = next((m for m in parse.measures if m.id == other), None) if parse and other else None
            if found is not None:
                out.append((text, found))
        return out


@dataclass
class Registry:
    """Reference data maintained by hand in corpus/."""

    agencies: list[Agency]
    themes: list[Theme]
    target_kinds: list[TargetKind]
    jurisdictions: list[Jurisdiction] = field(default_factory=list)
    agencies_path: str = "corpus/agencies.yaml"
    jurisdictions_path: str = "corpus/jurisdictions.yaml"
    locked_urls: list[tuple[str, int]] = field(default_factory=list)  # (url, line in urls.lock)
    redirects: dict[str, tuple[str, int]] = field(default_factory=dict)  # old url -> (new url, line)
    lock_path: str = "corpus/urls.lock"
    redirects_path: str = "corpus/redirects.yaml"

    def lineage(self, jurisdiction: str) -> list[str]:
        """The jurisdiction and every one it lies within, innermost first."""
        parents = {j.id: j.parent for j in self.jurisdictions}
        out: list[str] = []
        current: str | None = jurisdiction
        while current and current not in out:
            out.append(current)
            current = parents.get(current)
        return out

    def within(self, inner: str, outer: str) -> bool:
        """Whether ``inner`` is ``outer`` or lies within it."""
        return outer in self.lineage(inner)


@dataclass
class Archive:
    """Everything the pipeline knows, ready for export and site generation."""

    notices: list[Notice]
    registry: Registry
    problems: list[Problem] = field(default_factory=list)
    progress: list[Update] = field(default_factory=list)

    @property
    def as_of(self) -> str:
        """The date statuses are judged at: the latest retrieval in the corpus, never the clock,
        so that a build is reproducible."""
        dates = [n.meta["source"]["retrieved"] for n in self.notices]
        return max(dates) if dates else "1970-01-01"

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]
