"""Every pattern the pipeline matches with, in one place.

Patterns run on the *normalised* twin of a line (NFKC, odd whitespace folded, see
``parse.normalise``), so full-width brackets, non-breaking and ideographic spaces need
no special cases here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tools.numerals import EN_NUMBER_WORDS

CN_DIGITS = "零〇一二三四五六七八九十百"
_CN = f"[{CN_DIGITS}]+"
# "One" … "Fifty-Nine", capitalised or in capitals ("Chapter One", "PART TWO", "Part Twenty-one"),
# never in lower case ("Chapter one of this Law …" is a sentence); longest first, so "Eighteen"
# is not read as "Eight".
_WORDS = sorted(EN_NUMBER_WORDS, key=len, reverse=True)
_EN_FIRST = "|".join([w.capitalize() for w in _WORDS] + [w.upper() for w in _WORDS])
_EN = rf"(?:{_EN_FIRST})(?:-(?i:{'|'.join(_WORDS)}))?"
_ROMAN = "[IVXLC]+"


@dataclass(frozen=True)
class HeadingStyle:
    """One way of numbering a heading.

    ``rank`` is set only for styles whose depth is inherent (chapter > section > article);
    the others nest by the order in which a notice uses them.
    ``label`` prefixes the style's number in ids (``art-13``); ``titled`` says whether the
    rest of the heading line may carry a title (an article's never does).
    ``always_measure`` makes every heading of the style a measure (the citable unit of law).
    ``unnumbered`` styles (bullets, headings listed in a table of contents) carry no number:
    their value is their place among their siblings. ``back_matter`` styles (annexes,
    appendices, addenda) open parts that hold no measures; numbered lines in them are content,
    and what they contain keeps their id ("addenda-1-art-1", never the body's "art-1").
    ``needs_note`` styles are read only where a marginal note (a short title line) stands above
    the number: "Interpretation" over "2 In this Act—", never a line wrapped before "5 years".
    ``frame`` styles are the operative paragraphs of an international body's instrument
    ("V. RECOMMENDS that Adherents …"): the numbered principles below them are the measures. A ``label`` of "*" takes the printed word
    ("pillar" for "Pillar I").
    """

    name: str
    patterns: tuple[re.Pattern[str], ...]
    label: str = ""
    rank: int | None = None
    titled: bool = True
    always_measure: bool = False
    roman_id: bool = False
    letter_id: bool = False
    needs_text: bool = True
    unnumbered: bool = False
    back_matter: bool = False  # annexes, appendices, addenda: citable parts, never measures
    frame: bool = False  # an operative paragraph ("II. RECOMMENDS …"): holds measures, is never one
    needs_note: bool = False  # a bare number is a section only under its marginal note


def _p(*sources: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(s) for s in sources)


_ITEM_LABELS = r"Recommendation|Action|Measure|Objective|Goal|Task|Priority|Commitment"
# An item's title: after a colon, a stop or a dash, or after spaces when it starts with a capital.
_ITEM_TITLE = r"(?:\s*[:.—–-]\s*|\s+(?=[A-Z“\"‘]))(?P<rest>\S.*)$"

# A part's title: after a separator, or after spaces when it starts with a capital, or on the
# next line; never a sentence that names a part ("Part 2 of this plan applies to …").
_PART_TITLE = r"(?:\s*[:.—–-]\s*|\s+(?=[(\"“‘A-Z])|\s*$)(?P<rest>.*)$"

# Where two styles could claim one line ("(i)" is a letter after "(h)", a Roman one otherwise),
# the parser prefers the style whose sequence the line continues; failing that, the first here.
HEADING_STYLES: tuple[HeadingStyle, ...] = (
    HeadingStyle(
        "part",
        _p(rf"^(?P<printed>(?P<label>Part|PART|Pillar|Title|Book)\s+(?P<num>\d+|{_ROMAN}|{_EN}))\b{_PART_TITLE}"),
        label="*",
        rank=0,
        roman_id=True,
        needs_text=False,
    ),
    HeadingStyle(
        "chapter",
        _p(
            rf"^(?P<printed>(?:Chapter|CHAPTER)\s+(?P<num>\d+|{_ROMAN}|{_EN}))\b\s*[:.]?\s*(?P<rest>.*)$",
            rf"^(?P<printed>第\s*(?P<num>{_CN}|\d+)\s*章)\s*(?P<rest>.*)$",
        ),
        label="chp",
        rank=1,
        needs_text=False,
    ),
    HeadingStyle(
        "section",
        _p(
            rf"^(?P<printed>(?:Section|SECTION|Sec\.)\s+(?P<num>\d+|{_ROMAN}))\b\.?\s*(?P<rest>.*)$",
            rf"^(?P<printed>第\s*(?P<num>{_CN}|\d+)\s*节)\s*(?P<rest>.*)$",
        ),
        label="sec",
        rank=2,
        needs_text=False,
    ),
    HeadingStyle(
        "article",
        _p(
            # "Article 6" alone, "Article 1 (Purpose) …", "Article 3: Title"; never a sentence that
            # cites an article ("Article 18 of Regulation …", "Article 6(1) shall apply …").
            r"^(?P<printed>(?:Article|ARTICLE)\s+(?P<num>\d+))(?![\w(])(?=\s*[:.]?\s*$|\s*[:.]?\s+[(\"“A-Z])"
            r"\s*[:.]?\s*(?P<rest>.*)$",
            rf"^(?P<printed>第\s*(?P<num>{_CN}|\d+)\s*条)\s*(?P<rest>.*)$",
        ),
        label="art",
        rank=3,
        titled=False,
        always_measure=True,
        needs_text=False,
    ),
    # An operative paragraph of a council or assembly: a Roman number and a verb in capitals.
    HeadingStyle(
        "operative",
        _p(rf"^(?P<printed>(?P<num>{_ROMAN})\.)\s+(?P<rest>[A-Z]{{4,}}(?:\s+[A-Z]{{2,}})*\b.*)$"),
        rank=3,
        roman_id=True,
        frame=True,
    ),
    # A statute's section: a bare number and its text ("7 A person who …", "3 (1) This Act …"),
    # under its marginal note. Numbered straight through the Act, like articles.
    HeadingStyle(
        "bare-section",
        _p(r"^(?P<printed>(?P<num>\d{1,3}))\s+(?P<rest>(?:\(\s*1\s*\)\s*)?[A-Z“\"‘].*)$"),
        label="sec",
        rank=3,
        titled=False,
        always_measure=True,
        needs_text=False,
        needs_note=True,
    ),
    # "Part A", "PART B — People": a plan's parts by letter, as long as the sequence runs on.
    HeadingStyle(
        "part-letter",
        _p(rf"^(?P<printed>(?P<label>Part|PART)\s+(?P<num>[A-Z]))\b{_PART_TITLE}"),
        label="*",
        rank=0,
        letter_id=True,
        needs_text=False,
    ),
    # "Section A" of an annex: a letter, as long as the sequence runs on ("Section C" after "B").
    HeadingStyle(
        "section-letter",
        _p(r"^(?P<printed>(?:Section|SECTION)\s+(?P<num>[A-Z]))\b\.?\s*(?:[—–-]\s*)?(?P<rest>.*)$"),
        label="sec",
        rank=2,
        letter_id=True,
        needs_text=False,
    ),
    # Back matter: "ANNEX III" (its title on the next line), "Appendix A - Definitions",
    # "ADDENDA <Act No. 20676, Jan. 21, 2025>".
    HeadingStyle(
        "annex",
        _p(
            rf"^(?P<printed>(?P<label>ANNEX|Annex|SCHEDULE|Schedule)\s+(?P<num>{_ROMAN}|\d+))\b\s*(?:[—–:.-]\s*)?(?P<rest>.*)$"
        ),
        label="*",
        rank=0,
        roman_id=True,
        needs_text=False,
        back_matter=True,
    ),
    HeadingStyle(
        "appendix",
        _p(r"^(?P<printed>(?P<label>APPENDIX|Appendix)\s+(?P<num>[A-Z]))\b\s*(?:[—–:.-]\s*)?(?P<rest>.*)$"),
        label="*",
        rank=0,
        letter_id=True,
        needs_text=False,
        back_matter=True,
    ),
    HeadingStyle(
        "addenda",
        _p(r"^(?P<printed>(?P<label>ADDENDA|Addenda|ADDENDUM|Addendum))(?=\s|$)\s*(?P<rest>.*)$"),
        label="addenda",
        rank=0,
        needs_text=False,
        unnumbered=True,
        back_matter=True,
    ),
    # Items that carry the name of their kind: "Recommendation 3:", "Action 12.", "Measure 2",
    # their title after a colon, a stop, a dash or only spaces ("Action 4  Build shared compute").
    HeadingStyle(
        "labelled-item",
        _p(rf"^(?P<printed>(?P<label>{_ITEM_LABELS})\s+(?P<num>\d{{1,3}}))(?!\.\d){_ITEM_TITLE}"),
        label="*",
    ),
    # … and numbered within a group: "Action 1.1", "Recommendation 2.3" ("action-1-1").
    HeadingStyle(
        "labelled-decimal",
        _p(rf"^(?P<printed>(?P<label>{_ITEM_LABELS})\s+(?P<major>\d{{1,2}})\.(?P<num>\d{{1,2}}))\b{_ITEM_TITLE}"),
        label="*",
    ),
    # Decimal clauses: "4.1", "6.1.1", "6.2.6.1"; each depth is a style of its own, so they nest.
    # ``major`` is the number of the clause they belong to ("6.2" of "6.2.6").
    HeadingStyle(
        "decimal",
        _p(r"^(?P<printed>(?P<major>\d{1,2})\.(?P<num>\d{1,2})\.?)\s+(?P<rest>\S.*)$"),
    ),
    HeadingStyle(
        "decimal-3",
        _p(r"^(?P<printed>(?P<major>\d{1,2}\.\d{1,2})\.(?P<num>\d{1,2})\.?)\s+(?P<rest>\S.*)$"),
    ),
    HeadingStyle(
        "decimal-4",
        _p(r"^(?P<printed>(?P<major>\d{1,2}\.\d{1,2}\.\d{1,2})\.(?P<num>\d{1,2})\.?)\s+(?P<rest>\S.*)$"),
    ),
    HeadingStyle(
        "roman",
        _p(
            rf"^(?P<printed>(?P<num>{_ROMAN})\s*[.、])\s*(?P<rest>\S.*)$",
            rf"^(?P<printed>(?P<num>{_CN})\s*[、.])\s*(?P<rest>\S.*)$",
        ),
        roman_id=True,
    ),
    HeadingStyle(
        "paren-cn",
        _p(rf"^(?P<printed>\(\s*(?P<num>{_CN})\s*\))\s*(?P<rest>\S.*)$"),
    ),
    HeadingStyle(
        "paren",
        _p(r"^(?P<printed>\(\s*(?P<num>\d{1,3})\s*\))\s*(?P<rest>\S.*)$"),
    ),
    HeadingStyle(
        "letter",
        _p(r"^(?P<printed>\(\s*(?P<num>(?P<l>[a-z])(?P=l)?)\s*\))\s*(?P<rest>\S.*)$"),
        letter_id=True,
    ),
    HeadingStyle(
        "roman-lower",
        _p(r"^(?P<printed>\(\s*(?P<num>[ivxlc]+)\s*\))\s*(?P<rest>\S.*)$"),
        roman_id=True,
    ),
    HeadingStyle(
        "letter-upper",
        _p(r"^(?P<printed>\(\s*(?P<num>(?P<l>[A-Z])(?P=l)?)\s*\))\s*(?P<rest>\S.*)$"),
        letter_id=True,
    ),
    # "(I)", "(II)": a translated plan's second level, （一）（二） (after "(H)", "(I)" is a letter).
    HeadingStyle(
        "roman-upper",
        _p(r"^(?P<printed>\(\s*(?P<num>[IVXLC]+)\s*\))\s*(?P<rest>\S.*)$"),
        roman_id=True,
    ),
    HeadingStyle(
        "arabic",
        _p(r"^(?P<printed>(?P<num>\d{1,3})\s*[.、](?!\d))\s*(?P<rest>\S.*)$"),
    ),
    # Unnumbered items: their number is their place among their siblings.
    HeadingStyle(
        "bullet",
        _p(r"^(?P<printed>[•●▪◦‣∙])\s*(?P<rest>\S.*)$"),
        unnumbered=True,
    ),
)
# Headings with no number at all, known only because a table of contents lists them.
TITLED = HeadingStyle("titled", (), unnumbered=True, needs_text=False)

# A table of contents: its heading line, and the dot leaders and page numbers of its entries.
CONTENTS_HEADING = re.compile(r"^(?:table\s+of\s+contents|contents|目\s*录)$", re.IGNORECASE)
CONTENTS_LEADER = re.compile(r"\s*(?:\.{2,}|…+|·{2,})\s*\.?\s*(?:\d+|[ivxlc]+)?\s*$|\s+\d+\s*$", re.IGNORECASE)
CONTENTS_MAX_CHARS = 200
# A line that names a list of measures ("Recommended Policy Actions", "[Specific Initiatives]"):
# short, unpunctuated, and used more than once, each time right before a list.
LIST_LABEL = re.compile(r"^[\[【(（]?[\w\s’'&/-]{3,40}[\]】)）]?$")
# Footnote references as PDF conversion leaves them in the text: "[7]", "[7, 8]".
FOOTNOTE_REF = re.compile(r"\[\d{1,3}(?:\s*,\s*\d{1,3})*\]")
# A footnote line: its number, then the note ("1 Executive Order 14179 of …").
FOOTNOTE_LINE = re.compile(r"^(?P<num>\d{1,3})\s+\S")
# A footnote marked with a lowercase Roman numeral, as a PDF conversion leaves it: the numeral,
# then the note, a cited title or the translator's name ("ii《…》; http://…", "i Translation by: …").
ROMAN_FOOTNOTE_LINE = re.compile(r"^(?P<num>[ivxl]{1,6})(?:\s+(?=\S)|(?=[《“\"]))")
# Words left out of the slug a heading with no number gets as its id.
SLUG_STOPWORDS = frozenset(
    ["a", "an", "and", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "that", "with", "within"]
)
SLUG_WORDS = 3

# The first point of an article printed on its heading's line: "Article 3 (Title) (1) Text".
POINT_AFTER_TITLE = re.compile(r"^(?:Article|ARTICLE)\s+\d+\s*(?:\([^()]*\)\s*)?(?P<rest>\(\s*1\s*\)\s*\S.*)$")
# In a document numbered in decimal clauses only ("6.", "6.1", "6.1.1"), the measures are the
# clauses that carry a requirement: one of their own ("must", "is responsible for"), or one a
# clause above them introduces ("… is responsible for:", "… ensuring that:").
REQUIREMENT = re.compile(
    r"\b(?:must|shall|(?:is|are)\s+(?:solely\s+)?(?:responsible|accountable)\s+for|(?:is|are)\s+required\s+to)\b",
    re.IGNORECASE,
)
REQUIREMENT_LEAD = re.compile(r"(?:responsible\s+for|must|shall|required\s+to|ensuring\s+that)\s*:\s*$", re.IGNORECASE)
DECIMAL_FAMILY = frozenset({"arabic", "decimal", "decimal-3", "decimal-4"})
# A part that lists references or notes: what it holds is never a measure.
REFERENCES_TITLE = re.compile(
    r"^(?:references|endnotes|end\s*notes|notes|bibliography|sources|works\s+cited|footnotes|参考文献|注释)$",
    re.IGNORECASE,
)
# The enacting formula that ends a regulation's preamble: "HAVE ADOPTED THIS REGULATION:".
ENACTING_FORMULA = re.compile(
    r"^(?:HAVE|HAS)\s+ADOPTED\s+TH(?:IS|E\s+PRESENT)\s+[A-Z]+\s*:?$|^(?:HAVE|HAS)\s+DECIDED\s+AS\s+FOLLOWS\s*:?$"
)
# A recital: "(12) …" in a preamble.
RECITAL = re.compile(r"^\((?P<num>\d{1,3})\)\s+\S")
# The citations of a preamble: "Having regard to …", "After transmission …", "Acting in accordance …".
CITATION = re.compile(
    r"^(?:having\s+regard|after\s+(?:transmission|consulting|having\s+consulted)|acting\s+in\s+accordance)",
    re.IGNORECASE,
)
# The sign-off of a law: "Done at Brussels, 13 June 2024." Signatures and footnotes follow it.
SIGN_OFF = re.compile(r"^Done\s+at\s+[A-Z][\w .-]+,\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\.?$")
# A footnote in the Official Journal's style, "(12) OJ L 119, 4.5.2016, p. 1.", after the sign-off.
OJ_FOOTNOTE = re.compile(r"^\((?P<num>\*?\d{1,3})\)\s+\S")
# The number of an end note: "1. OECD, …", "(1) …", "[1] …".
NOTE_NUMBER = re.compile(r"^[\[(]?(?P<num>\d{1,3})[\]).]\s+\S")
# Publication lines at the very end: "ELI: http://…", "ISSN 1977-0677 (electronic edition)".
PUBLICATION_LINE = re.compile(r"^(?:ELI:\s*\S+|ISSN\s+[\dX-]+.*)$")

# A heading's text must start like a phrase, not like a number or a lowercase continuation.
HEADING_TEXT_START = re.compile(r"^[\"“‘'A-Z\u4e00-\u9fff]")

# A line that introduces an inline list: its numbered items are content, not headings.
LIST_INTRODUCER = re.compile(r"[:：]\s*$")

# The first sentence of a heading line, when short enough to be its title.
# (A full stop ends it before a space, or right before a subsection mark: "Workers.(a) To advance".)
FIRST_SENTENCE = re.compile(r"^(?P<title>.+?(?:[.][”\"’]?(?=\s|\([a-z1-9]\)\s)|。))\s*(?P<body>\S.*)$")
TITLE_MAX_CHARS = 150
# A marginal note or sub-heading: a short title line just above a heading ("Interpretation",
# "Providing notice before decisions"), in Latin script.
NOTE_LINE = re.compile(r"^[A-Z][^.;:!?。；：•]{1,99}$")
# An article's title in brackets after its number: "Article 1 (Purpose)".
BRACKETED_TITLE = re.compile(r"^\((?P<title>[A-Z][^()]{0,120})\)")
# The title line under a heading printed alone: short, with no sentence's end (a stray "`" allowed).
TITLE_LINE = re.compile(r"^(?![(\[“\"‘'•●▪\-–—]|\d)[^.;:!?。；：]{2,320}[`]?$")
LABELLED_TITLE_MAX_CHARS = 320  # chapters and sections may have long titles

# Responsible-unit clauses, English and Chinese, in round, full-width, square or tortoise-shell
# brackets, with one or more labelled parts: （牵头单位：A；配合单位：B）, (Responsible units: A, B).
# Written to match the raw line too, so a clause can be quoted exactly as received.
_CLAUSE_LABEL = (
    r"(?:(?:牵头|责任|负责|主责|配合|协同|参与)单位|"
    r"(?:Lead|Leading|Responsible|Cooperating|Supporting|Participating)\s+(?:units?|departments?|agencies))"
)
RESPONSIBLE_CLAUSE = re.compile(
    rf"[(\[【（〔]\s*(?P<label>{_CLAUSE_LABEL})\s*[:：]\s*(?P<names>[^()\[\]【】（）〔〕]*?)\s*[)\]】）〕]",
    re.IGNORECASE,
)
# The labelled parts inside a clause, and the role each label gives.
CLAUSE_PART = re.compile(rf"(?P<label>{_CLAUSE_LABEL})\s*[:：]", re.IGNORECASE)
CLAUSE_ROLES = (
    (re.compile(r"牵头|lead", re.IGNORECASE), "lead"),
    (re.compile(r"配合|协同|参与|cooperat|support|participat", re.IGNORECASE), "cooperating"),
)
# A bracketed list of ministries closing a measure: "[Digital Agency (◎), all ministries and agencies]".
# It is a clause when it names a registry agency; ◎ marks the one that leads.
TRAILING_CLAUSE = re.compile(r"\[(?P<names>[^\[\]]{3,300})\]\s*$")
LEAD_MARK = re.compile(r"\s*[(（]\s*◎\s*[)）]")
# Chinese responsibility written without a label, as the sentence that closes a line: a list
# of units, then the verb that gives their role (牵头 leads; 配合, 参与, 协同 cooperate; 分工负责
# shares the work): "A、B按职责分工负责。", "A牵头负责，B、C配合。", "A牵头，B、C按职责分工负责。".
# The first part leads or shares the work; parts after it may cooperate. The verbs are the
# labels ``CLAUSE_ROLES`` reads; a unit's name holds no clause mark and no role verb.
_ROLE_FIRST = r"(?:牵头负责|牵头|按职责分工负责|分工负责)"
_ROLE_AFTER = r"(?:牵头负责|牵头|按职责分工负责|分工负责|负责|配合|参与|协同)"
_UNITS = rf"(?:(?!{_ROLE_AFTER})[^，,。；;：:!?！？()\[\]（）【】〔〕“”\"\s])+"
UNLABELLED_PART = re.compile(rf"由?(?P<names>{_UNITS})(?P<label>{_ROLE_AFTER})(?=[，,。.；;]|\s*$)")
UNLABELLED_CLAUSE = re.compile(
    rf"(?:^|(?<=[。；;]))\s*(?P<names>由?{_UNITS}{_ROLE_FIRST}(?:\s*[，,]\s*由?{_UNITS}{_ROLE_AFTER})*)\s*[。.；;]?\s*$"
)
# "Led by the Office of Science and Technology Policy (OSTP), …": the agencies that lead a measure.
LED_BY = re.compile(r"\b(?:co-)?led\s+by\s+", re.IGNORECASE)
# What may stand between the names after "led by" (an acronym in parentheses, "through", "at").
LED_BY_JOINER = re.compile(
    r"\s*(?:,|and\b|the\b|through\b|at\b|via\b|acting\s+through\b|\([a-z][a-z&-]*\)|'s\b)\s*", re.IGNORECASE
)
# After these words, the names that follow cooperate rather than lead.
COOPERATING_JOINER = re.compile(
    r"\s*,?\s*(?:in\s+(?:coordination|collaboration|consultation|partnership)\s+with|with\s+support\s+from)\s+",
    re.IGNORECASE,
)
# In an order's sentence (matched on the lower-case comparison form of a line): the partners a duty
# is done with ("in consultation with the Secretary of State; the Secretary of Defense; and …")
# cooperate; what may stand between the names of such a list; the words that give the name after
# them a duty ("I hereby direct the Secretary of Commerce"); and the title words that make a
# registry name part of a longer one ("Under Secretary of Commerce for Intellectual Property").
PARTNER_PHRASE = re.compile(
    r"\bin (?:coordination|consultation|collaboration|partnership|cooperation) with\b|\bwith (?:the )?support (?:of|from)\b"
)
PARTNER_LIST_FILLER = re.compile(
    r"[\s,;]*(?:(?:and|the|other|relevant|heads?|of|as|appropriate|each|within|at|acting\s+through)\b[\s,;]*)*"
)
# An item of such a list, once registry names are marked (``NAME_MARK``): it begins as a partner
# does ("the Attorney General", "and the Assistant to the President for …", "with SRMAs", a name,
# "acting through the Director of NIST" naming the office a partner acts through, "as
# appropriate"). An item that begins otherwise ("issue an RFI …") is past the end of the list.
NAME_MARK = "\x00"
PARTNER_ITEM_BREAK = re.compile(r"[,;]")
PARTNER_ITEM = re.compile(
    r"\s*(?:(?:and|or)\s+)?(?:\x00|(?:the|with|as|other|relevant|heads?|each|acting\s+through)\b|$)"
)
# A name right before its "shall" is the subject of a duty, not one more partner: "In consultation
# with the Secretary of State, the Secretary of Commerce shall …".
SUBJECT_OF_SHALL = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:shall|will)\b")
# "the Director of CISA within the Department of Homeland Security", "the Director of AISI at
# NIST": the second name says where the first office sits, it names no other actor.
LOCATED_IN = re.compile(r"\)?\s+(?:within|at)\s+(?:the\s+)?")
# What ends the words before a duty's subject: a comma, or a dash closing a parenthesis ("To
# mitigate privacy risks — including … — the Director of OMB shall:").
CLAUSE_BREAKS = ",—–"
DIRECTED = re.compile(r"\b(?:hereby )?direct(?:s|ed)? (?:the )?$")
TITLE_PREFIX = re.compile(
    r"\b(?:under|deputy|assistant|associate|acting|principal|vice) $|\b(?:assistant|advis[eo]r) to the $"
)
# A name that owns the subject is not the subject: "the Director of OMB's guidance shall".
POSSESSIVE = re.compile(r"'s\b")
# Two holders of one duty: "the Secretary of State and the Secretary of Homeland Security shall".
JOINT_SUBJECT = re.compile(r"^[\s,]*(?:the\s+)?\s*and\s+(?:the\s+)?$")
# The holder of a target (tools/targets/holders.py), read on the comparison form of its sentence
# (lower case). A subject opens its clause: "…, the Secretary of Defense and the Secretary of
# Energy shall", "Each Member State shall", "the Secretary of HHS shall" (what may stand between
# the clause's start, or the name before it, and the name: a title "of" the body is its own).
_NOT_SUBJECT_WORDS = r"as|by|that|whom|who|which|whose|to|from|of|for|than|through|with|on|under|at|in|including|upon"
_TITLE_WORD = rf"(?!(?:{_NOT_SUBJECT_WORDS}|and|or)\b)[a-z]+\s+"
SUBJECT_LEAD = re.compile(
    rf"\s*(?:(?:and|or)\s+)?(?:the\s+|each\s+|all\s+)?(?:(?:{_TITLE_WORD}){{1,3}}of\s+(?:the\s+)?)?"
)
# A name after these words is no subject: "as determined by the Secretary", "agencies that the
# Director of NSF deems appropriate", "acting through the Director of NIST", "submit to the President".
NOT_SUBJECT_BEFORE = re.compile(rf"\b(?:{_NOT_SUBJECT_WORDS})\s+(?:the\s+)?$")
# What may stand between a subject and its "shall": its short name in parentheses, a comma, "each".
RIGHT_BEFORE_SHALL = re.compile(r"\s*(?:\([^()]*\)\s*)?,?\s*(?:each\s*)?")
# A short name a notice defines, in parentheses after a name: "The Secretary of Energy (Secretary)",
# "… Committee (hereinafter referred to as the "Committee")", "… Office (‘AI Office’)".
SHORT_NAME = re.compile(
    r"\((?:hereinafter\s+(?:referred\s+to\s+as\s+|called\s+)?(?:the\s+)?)?[\"“']?"
    r"(?![ivxlc]+\))(?P<short>[a-z][a-z0-9 .&-]{1,38}?)[\"”']?\)"
)
# A bare title that takes up a name of its paragraph: "The Secretary shall publish …".
BARE_TITLE = re.compile(r"\b(?:the|each)\s+(?P<title>[a-z]+(?:\s+[a-z]+)?)\s*,?\s*$")
# … and one that opens its clause, with a comma phrase before "shall": "On an ongoing basis, the
# Secretary, after consulting with participants in the industry-led convenings, shall:".
BARE_TITLE_CLAUSE = re.compile(r"(?:^|(?<=[,;]))\s*(?:the|each)\s+(?P<title>[a-z]+(?:\s+[a-z]+)?)\s*,[^,;]*,\s*$")
PLURAL_ENDING = re.compile(r"(?<=[a-z]{3})(?:ies|s)$")
# A direction that names its holder: "I hereby direct the Secretary of Commerce …", "INSTRUCTS the
# Digital Policy Committee, through its Working Party on AI Governance, to: …".
DIRECTING = re.compile(r"\bhereby\s+(?:direct|instruct)s?\b|\b(?:directs|instructs)\b", re.IGNORECASE)
# An item of a list, numbered "(iii)" or "d)": an item that starts with its action has its
# lead-in's holder. Words that open a subject rather than an action ("the heads of agencies shall").
LIST_ITEM = re.compile(r"^\s*(?:\(\s*[A-Za-z0-9]{1,5}\s*\)|[A-Za-z0-9]{1,4}[).])\s+")
_NO_SHALL = r"(?:(?!\bshall\b)[^,;:])*"
ACTION_FIRST = re.compile(
    r"^\s*(?:(?i:(?:and\s+)?(?:within|by|no\s+later\s+than|not\s+later\s+than|before|after|following|upon|subsequently|"
    r"thereafter|in\s+(?:coordination|consultation|collaboration|cooperation|partnership)\s+with|acting\s+through|as|"
    r"consistent\s+with|subject\s+to|to\s+the\s+extent|where|when|if|under|pursuant\s+to|including|through|"
    r"on\s+(?:at\s+least\s+)?an?\s+[a-z-]+\s+basis)\b)"  # "(A) on at least an annual basis, develop …"
    rf"{_NO_SHALL},(?:\s*\d[^,]*,)?\s*"  # "By February 28, 2025, "
    rf"|(?:and\s+)?the\s+[A-Z]{_NO_SHALL},\s*"  # the rest of a list of partners: "…, the Director of OSTP, issue"
    r")*(?P<action>[a-z]+)\b"
)
OPENS_NO_ACTION = re.compile(
    r"(?:the|each|all|any|a|an|this|these|that|those|such|its|their|every|for|of|on|at|from|among|to|with|in|as|by|under|through|within|and|or|shall)\b",
    re.IGNORECASE,
)
PARENTHESES = re.compile(r"\([^()]*\)")
# Separators between names in a clause, once registry names have been matched away.
NAME_SEPARATOR = re.compile(r"(?:\s*(?:,|，|、|;|；|and\b|及|和|与)\s*)+", re.IGNORECASE)
# Trailing "etc." / "等" that closes an open list.
CLAUSE_ETC = re.compile(r"(?:,?\s*etc\.?|等)\s*$", re.IGNORECASE)
# A duty given in a sentence: English "shall", Chinese 要/应当/负责… right after the name.
# "shall consist of" says what a body is made of, not what it must do.
DUTY = re.compile(
    r"\b(?:shall(?!\s+(?:consist|be\s+composed|be\s+comprised|comprise)\b)"
    r"|is\s+responsible|are\s+responsible|may|will)\b",
    re.IGNORECASE,
)
DUTY_ZH = re.compile(r"\s*(?:要|应当|应|负责|会同|牵头|统筹|组织|是)")

# Front matter.
DATE_LINE = re.compile(
    r"^\(?\s*(?:"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},\s*\d{4}"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r")\s*\)?\.?$"
)
DOCUMENT_NUMBER = re.compile(r"(?:\[\d{4}\]|〔\d{4}〕|\(\d{4}\))\s*(?:No\.\s*)?\d+\s*号?")
ADDRESSEES = re.compile(r"^(?:Attention|To)\b.*[:：]\s*$|^[^。.]{2,80}[:：]\s*$", re.IGNORECASE)
# A line of a signature block: short, in capitals, perhaps ending in a comma ("THE WHITE HOUSE,"),
# or a short Chinese name with no punctuation (国务院).
SIGNATURE_LINE = re.compile(r"^(?:[A-Z][A-Z .,'’-]{2,60}|[\u4e00-\u9fff]{2,30})$")
RELEASE_INFO = re.compile(r"^(?:Released|Published|Issued)\s+on\s*:", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.。!?;；,，:：]\s*$")

# Targets -------------------------------------------------------------------------------
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twice": 2,
    "double": 2,
    "threefold": 3,
    "tenfold": 10,
    "a hundred": 100,
    "hundreds of": 100,
}
# Words that are multiples by themselves: "expand staffing to approximately twice the current level".
MULTIPLE_WORDS = frozenset({"twice", "threefold", "tenfold"})
# "twice a year", "twice per month": a frequency.
PER_PERIOD = re.compile(r"^\s+(?:a|per|each|every)\s+(?:year|month|week|day|quarter)\b", re.IGNORECASE)
# What a multiple grows: "expand staffing to approximately twice …" → staffing.
GROWTH_OBJECT = re.compile(
    r"\b(?:expand|increase|raise|grow|scale\s+up|boost)\s+(?:the\s+|its\s+|our\s+)?(?P<np>[\w\s\-]{2,40}?)\s+(?:to|by)\s+(?:approximately\s+|about\s+|around\s+|at\s+least\s+)?$",
    re.IGNORECASE,
)
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Scales as Chinese and SI prefixes print them: 万 (10^4), 亿 (10^8), P and E (FLOPS).
SCALES_ZH = {"万": 1e4, "亿": 1e8, "P": 1e15, "E": 1e18}

QUANTITY = re.compile(
    r"(?<![\w.\-‐‑‒–—+/])"
    r"(?P<qual_before>(?:more\s+than|over|at\s+least|no\s+less\s+than|no\s+fewer\s+than|"
    r"not\s+less\s+than|a\s+minimum\s+of|around|about|approximately|nearly|up\s+to|a\s+total\s+of|"
    r"some|exceeding)\s+)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twice|threefold|tenfold)"
    r"(?:\s*(?:-|–|to)\s*(?P<num2>\d+(?:\.\d+)?))?"
    r"(?:\s+(?P<scale>hundred|thousand|million|billion|trillion))?"
    r"(?P<times>[x×](?!\w))?"  # a multiple: "at least 20x by 2030"
    r"(?![\w\-‐‑‒+%]|\.\d|\s*[\-‐‑‒]?\s*(?:(?:calendar|working|business)\s+days?|hour|minute|day|week|month|year|"
    r"th\b|st\b|nd\b|rd\b))",
    re.IGNORECASE,
)
QUALIFIER_AFTER = re.compile(r"^\s*(?:or\s+more|and\s+above|or\s+above)\b", re.IGNORECASE)
MONEY_UNIT = re.compile(r"^\s*(?P<unit>yuan|RMB|dollars?|US\$|元)\b", re.IGNORECASE)
AREA_UNIT = re.compile(
    r"^\s*(?P<unit>square\s+(?:meters|metres|meter|metre|kilometers|kilometres|kilometer|kilometre)|mu|平方米)\b",
    re.IGNORECASE,
)
PERCENT_UNIT = re.compile(r"^\s*(?P<unit>%|percent|per\s+cent)", re.IGNORECASE)
# Words that begin a counted noun phrase's tail: the phrase stops before them.
COUNTED_STOP = re.compile(
    r"\s+(?:by|in|within|before|on|per|each|every|with|and\s+(?:achieve|build|create|form|"
    r"establish|cultivate|introduce|accelerate|promote|support|strive)|which|that|so|to|"
    r"for\s+the\s+nationwide|across|through|at)\b|[,;:.。()\[\]]",
    re.IGNORECASE,
)
COUNTED_MAX_WORDS = 9
# An adjective after the noun it describes, which ends the noun phrase's head ("notifying authority
# responsible for setting up …", "bodies competent to …", "experts available to …").
POSTMODIFIER = re.compile(
    r"\s+(?:responsible|competent|capable|able|available|eligible|necessary|required)\s+(?:for|to|of)\b",
    re.IGNORECASE,
)
# A count of things designated as something: the verb before the number ("designate at least five"),
# the name after it ("… as Priority Geothermal Zones (PGZs)"), and where the words that describe the
# things begin ("regions composed of lands …").
DESIGNATE_VERB = re.compile(r"\b(?:designate|designating|designates|name|naming)\s+$", re.IGNORECASE)
DESIGNATED_AS = re.compile(
    r"^[^;:.]*?\bas\s+(?P<name>(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*(?:\s+\([A-Z][\w-]*\))?)"
)
COUNTED_QUALIFIER = re.compile(
    r"\s+(?:composed|consisting|located|managed|owned|of|in|on|with|for|from|that|which)\b", re.IGNORECASE
)
# A number that follows a definite article or a possessive counts what exists: "across Department of
# Energy programs and the 17 National Laboratories", "its 12 offices".
EXISTING_COUNT = re.compile(r"\b(?:the|its|their|our|these|those|all)\s+$", re.IGNORECASE)
# Holders that each commit to the count: "the Secretary of Defense and the Secretary of Energy shall …
# each identify a minimum of 3 sites" (3 sites for each).
EACH_HOLDER = re.compile(r"\beach\s+[a-z]+(?:\s+(?:and|or)\s+[a-z]+)?\s+$")
# A rate, not an amount: "an output value of 10 billion yuan per square kilometer".
RATE_PER = re.compile(
    r"^\s+per\s+(?P<per>square\s+(?:kilomet|met)(?:er|re)s?|mu|capita|person|hectare|enterprise|company)\b",
    re.IGNORECASE,
)
# A short gloss in brackets inside a counted phrase: "intelligent agents (agents)".
GLOSS = re.compile(r"(?<=\w)\s*\([^()]{1,30}\)(?=\s+\w)")
# A target needs a commitment: a verb of intent or a deadline in its sentence.
COMMITMENT = re.compile(
    r"\b(?:shall|will|strive|aim|aims|achieve|achieving|reach|form|forming|create|build|"
    r"cultivate|establish|introduce|releas\w*|incubat\w*|attract|nurture|develop|set\s+up|"
    r"there\s+shall\s+be|reserv\w*|optimi[sz]\w*)\b",
    re.IGNORECASE,
)
DEADLINE = re.compile(
    r"\b(?P<deadline>(?:by|before|until)\s+(?:the\s+end\s+of\s+)?(?P<year>(?:19|20)\d{2})|"
    r"(?:within|in)\s+(?:the\s+next\s+)?(?:three|two|five|\d+)[\s-]years?|"
    r"in\s+three-year)\b",
    re.IGNORECASE,
)
# How often something recurs: "on an annual basis", "in principle annually", "at least twice per
# year", "once every two years", "on the 8th of each month", "no less than annually", "quarterly",
# "every four years thereafter" (a schedule that starts after a first deadline keeps its "thereafter").
_PERIOD = r"(?:year|quarter|month|week|(?:two|three|four|five|six|ten|\d+)\s+(?:years|months))"
_TIMES = r"(?:once|twice|(?:two|three|four|five|six|\d+)\s+times)"
FREQUENCY = re.compile(
    r"\b(?P<frequency>"
    r"(?:(?:at\s+least|no\s+less\s+than|not\s+less\s+than|up\s+to)\s+)?"
    r"(?:on\s+(?:at\s+least\s+)?an?\s+(?:yearly|annual|quarterly|monthly|weekly|semi-annual|biannual)\s+basis|"
    rf"{_TIMES}\s+(?:a|per|each|every)\s+{_PERIOD}|"
    rf"(?:once\s+)?(?:each|every)\s+{_PERIOD}|"
    r"on\s+the\s+\d{1,2}(?:st|nd|rd|th)\s+(?:day\s+)?of\s+(?:each|every)\s+month|"
    r"annually|quarterly|biennially|semi-annually|per\s+year|a\s+year)"
    r"(?:\s+thereafter)?)\b",
    re.IGNORECASE,
)
# A frequency that opens a sentence before its subject (tools/targets/holders.py): "No less than annually the Secretary of
# Defense, in consultation with …, shall review …".
OPENING_FREQUENCY = re.compile(rf"^\s*(?:{FREQUENCY.pattern})\s*,?", re.IGNORECASE)
# A schedule the holder sets for others, not one it keeps: "establish appropriate requirements for
# transmission providers … to continue reporting … no less than annually", "require grantees to
# report annually" (but "agencies shall be required to report annually" is the subject's own, and
# so is the schedule of those an order directs: "I hereby direct the Secretary … to report annually").
OTHERS_SCHEDULE = re.compile(
    r"\b(?:requirements?\s+(?:for|on)|require[sd]?|requiring)\s+(?!to\b)[^.;:]*?\bto\s+\w+",
    re.IGNORECASE,
)
# The hedge before a schedule, left behind when the schedule is cut from an action ("review and
# revise this Plan as needed, in principle annually").
SCHEDULE_HEDGE = re.compile(r"(?:[\s,]*\b(?:in principle|as a rule|in any event|and|or))+$", re.IGNORECASE)
# A second duty joined to the first, with a deadline and a verb of its own: "… and, within 365 days of
# the date of this order, implement new ECQs" (the lead before the deadline, the action after it).
COORDINATED_LEAD = re.compile(r"(?:,|;)?\s*\band\s*,?\s*$", re.IGNORECASE)
COORDINATED_ACTION = re.compile(r"^\s*,\s*(?P<action>[a-z][^;:]{3,400})")
# Where the first duty's action ends when a second one follows: " and, within 365 days …, implement".
COORDINATED_CUT = re.compile(
    r"\s*,?\s*\band\s*,?\s*(?=(?:within|no\s+later\s+than|not\s+later\s+than)\s+\S+\s+(?:days?|months?|years?)\b[^,;]*,\s*[a-z])",
    re.IGNORECASE,
)
# A duty whose subject points back to the sentence before: "They shall also annually report …",
# "That guidance shall be issued by 2 August 2025" (a pronoun, or a demonstrative and its noun).
ANAPHORIC_SUBJECT = re.compile(
    # Not the instrument itself or a part of it: "This Regulation shall apply from …".
    r"^\s*(?:\(?[0-9a-z]{1,4}[.)]\s*)?(?:they|(?:that|this|these|those|such)"
    r"(?!\s+(?:regulations?|orders?|acts?|directives?|laws?|decisions?|memorand\w*|plans?|articles?|sections?|"
    r"paragraphs?|chapters?|annex\w*|recommendations?)\b)(?:\s+[\w-]+){1,3})\s+"
    r"(?:shall|will|must)\b",
    re.IGNORECASE,
)
# A recurring duty needs a frequency that says how often by itself: not a bare "a year" or
# "per year" ("within a year", "10 projects per year" belong to a deadline or a count).
BARE_RATE = re.compile(r"^(?:a|per)\s+year$", re.IGNORECASE)
# A recurring duty: a sentence that commits (a verb of intent, "will", "shall", or an action a
# plan's item starts with) to something done on a schedule, with no deadline of its own:
# "we will review and revise this Plan …, in principle annually", "Convene meetings at least twice
# per year", "release relevant data on a quarterly basis".
RECURRING_ACTION = re.compile(
    r"\b(?:convene|hold|review|update|publish|report|submit|revise|evaluate|assess|issue|conduct|organi[sz]e|"
    r"host|meet|monitor|inform|notify|survey)\b",
    re.IGNORECASE,
)
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“‘A-Z(\u4e00-\u9fff])|(?<=[。！？])")
CLAUSE_SPLIT = re.compile(r"[;；]\s*")

# What an English number must not be part of: a reference to a section, an order, a statute or
# a footnote ("section 4 of this order", "50 U.S.C. 4501", "Executive Order 14091 of February
# 16"), or an exponent ("10^26").
NUMBER_REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:paragraphs?|points?|subparagraphs?|articles?|sections?|annex(?:es)?)\s+[\dA-Za-z()]+"
    r"(?:\s*(?:,|and|or|to)\s*[\dA-Za-z()]+)*\s*(?:,|and|or|to)\s*$|"
    r"\b(?:sections?|subsections?|sec\.|points?|recitals?|annex(?:es)?|orders?|no\.|nos\.|act|parts?|title|articles?|paragraphs?|"
    r"chapters?|items?|footnotes?|memorandum|circular|level|phase|tier)\s*$|\^\s*$|[A-Z]-\s*$)",
    re.IGNORECASE,
)
NUMBER_REFERENCE_AFTER = re.compile(
    r"^\s*(?:U\.S\.C|C\.F\.R|FR\b|Stat\.|et\s+seq|\^|\(\w\)|/\d|of\s+(?:this|the\s+Act\b|Executive\s+Order)|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}\b|"
    r"of\s+(?:19|20)\d{2}\b|of\s+(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b)",
    re.IGNORECASE,
)
# A counted phrase is a noun phrase, not a verb, a conjunction or a fragment of a citation.
NOT_COUNTED = re.compile(
    r"^(?:of\b|et\s+seq|shall\b|and\b|or\b|to\b|will\b|currently\b|already\b|as\s+of\b|[A-Za-z]{1,2}$|"
    r"[A-Za-z]+/[a-z]+$)",
    re.IGNORECASE,
)
# Sanctions are amounts a law may impose, not commitments ("administrative fines of up to EUR
# 35 000 000", "a fine not exceeding 30 million won", "imprisonment for up to 3 years").
SANCTION = re.compile(r"\bfines?\b|\bpenalt(?:y|ies)\b|\bimprisonment\b", re.IGNORECASE)
# How a body is made up describes it; it commits to nothing ("shall consist of up to 45 members").
# … nor do its offices: "The Committee shall have 1 executive secretary", "shall have two vice-chairpersons".
COMPOSITION = re.compile(
    r"\b(?:consists?\s+of|consist\s+of|(?:is|are|be)\s+composed\s+of|comprises)\b|"
    r"\b(?:shall|will|is\s+to|must)\s+have\s+(?:(?:up\s+to|at\s+most|no\s+more\s+than|not\s+more\s+than)\s+)?"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+(?:standing\s+|full-time\s+|permanent\s+)?"
    r"(?:executive\s+|deputy\s+|vice[\s-]?)?(?:chair(?:person|man|woman)?s?|secretar(?:y|ies)(?:[\s-]general)?|"
    r"members?|commissioners?|presidents?|directors?(?:[\s-]general)?|rapporteurs?|auditors?)\b"
    r"(?!\s+(?:enterprises|companies|firms|units|institutions|organi[sz]ations|states|countries))",
    re.IGNORECASE,
)
# A condition states when a rule applies, not what anyone commits to: a sentence's opening clause
# "Where …," / "If …," ("Where … covered by more than one Union act, …").
# "In the event of the restriction … of a designation, …", "In that case, …": the case a rule is for.
CONDITION = re.compile(
    r"^(?:where|if|when|unless|in\s+the\s+event\s+(?:that|of)|in\s+(?:that|such\s+a|such|this|which)\s+cases?)\b[^,;]*",
    re.IGNORECASE,
)
# … and one inside a sentence: "unless … verified by at least two natural persons", "even where …
# under more than one Union act", "provided that … at least one such proposal".
CONDITION_WITHIN = re.compile(
    r"\b(?:unless|even\s+where|even\s+if|provided\s+that|on\s+condition\s+that|in\s+the\s+event\s+that)\b",
    re.IGNORECASE,
)
# A rule that says where it does not apply commits to nothing.
NOT_APPLY = re.compile(r"\b(?:shall|does|do|will)\s+not\s+apply\b", re.IGNORECASE)
# Definitions state thresholds, not commitments ("The term “dual-use foundation model” means …").
DEFINITION = re.compile(r"\bthe\s+terms?\s+[“\"]|[”\"]\s+(?:means|refers\s+to|has\s+the\s+meaning)\b", re.IGNORECASE)

# Duties with a deadline: "Within 270 days of the date of this order, the Secretary … shall …",
# "By February 28, 2025, the Secretary of Defense … shall …".
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
DUTY_WITHIN = re.compile(
    r"\b(?P<deadline>(?:within|no\s+later\s+than|not\s+later\s+than)\s+(?P<n>\d{1,4}|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|twelve|eighteen)\s+(?P<unit>days?|months?|years?)"
    r"(?:(?P<anchor>\s+(?:of|after|from|following)\s+the\s+date\s+of\s+this\s+(?:order|memorandum|directive|proclamation))|"
    # … from another date of the text itself, which its metadata may give: "within two years of the effective
    # date of this Act", "no later than five years following its revision" (see ``OWN_DATES``)
    r"(?P<own>\s+(?:of|after|from|following)\s+(?:(?:the\s+)?(?:effective\s+date|(?:date\s+of\s+)?entry\s+into\s+force|"
    r"(?:date\s+of\s+)?promulgation)\s+of\s+this\s+(?:act|law|regulation|recommendation|decision)|"
    r"its\s+(?:revision|amendment|entry\s+into\s+force|promulgation)))|"
    # … or before the end of a period the text defines: "not later than nine months before the end of the
    # five-year period" (see ``PERIOD_FROM``)
    r"(?P<before>\s+before\s+the\s+end\s+of\s+the\s+(?P<period>[\w-]+)\s+period)|"
    # … or counted from an event, which the deadline keeps: "within 60 days of the issuance of the guidance",
    # "of submitting the report required under subsection 4.5(a)", "following the Task Force's formal
    # announcement of the first slate of …"
    r"(?P<event>\s+(?:of|after|from|following)\s+(?:the\s+|its\s+|such\s+|the\s+(?:[A-Z][\w-]*\s+){1,4}?[A-Z][\w-]*['’]s\s+)?"
    r"(?:(?:formal|initial|final)\s+)?(?:issuance|completion|publication|"
    r"submission|establishment|release|delivery|development|designation|adoption|launch|conclusion|selection|"
    r"creation|initiation|announcement|submitting|establishing|issuing|publishing|completing|developing|"
    r"releasing|adopting|designating|launching|selecting|creating|date(?=\s+(?!of\s+this\b)))\b"
    r"(?:\s+(?!(?:a|an|to(?!\s+(?:sub)?section)|that|which|who|shall|and|or|when|where|if|unless|as)\b)"
    r"(?:[^\s,;:.]|\.(?=\d))+){0,12}))?)"
    # "… or 180 days after the Copyright Office publishes its study, whichever comes later": no date
    # until both are known; the deadline keeps the other.
    r"(?P<later>\s+or\s+(?:within\s+)?(?:\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+"
    r"(?:days?|months?|years?)\s+(?:of|after|from|following)\s+[^,;]{3,200},\s*whichever\s+(?:comes|is|occurs)\s+later)?",
    re.IGNORECASE,
)
# Which date of a notice's metadata a deadline counted from the text's own date counts from (the first
# of them that it has): "the effective date of this Act" is when it took effect, "its revision" when it
# was amended.
OWN_DATES = (
    (re.compile(r"effective|entry\s+into\s+force", re.IGNORECASE), ("in_force",)),
    (re.compile(r"revision|amendment", re.IGNORECASE), ("amended", "revised")),
    (re.compile(r"promulgation", re.IGNORECASE), ("promulgated",)),
)
# A text that takes effect when it is promulgated: its effective date is its promulgation's.
EFFECTIVE_ON_PROMULGATION = re.compile(
    r"\btakes?\s+effect\s+(?:on|from)\s+the\s+(?:date|day)\s+of\s+(?:its\s+)?promulgation", re.IGNORECASE
)
# A period the text defines, that a deadline may count back from: "for a period of five years from
# 1 August 2024" (the "five-year period").
PERIOD_FROM = re.compile(
    rf"\bperiod\s+of\s+(?P<n>\d{{1,3}}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>years?|months?)\s+"
    rf"from\s+(?P<date>{_MONTH}\s+\d{{1,2}},\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})",
    re.IGNORECASE,
)
# A standing time limit of a procedure ("within three months of receipt of the notification", "of
# the request") applies each time the procedure runs: it is a rule, not a dated duty.
PROCEDURAL_LIMIT = re.compile(
    r"\b(?:of|after|from|following|starting\s+from)\s+(?:the\s+)?(?:receipt|request|notification|application|complaint|referral|"
    r"lodging|date\s+on\s+which|moment|day\s+on\s+which|suspension|restriction|withdrawal|"
    r"having\s+(?:been\s+)?(?:notified|received|informed))\b",
    re.IGNORECASE,
)
# … or one counted from what befalls a case: "not later than 15 days after the provider …
# becomes aware of the serious incident", "within seven days from the date it received the
# notification".
PROCEDURAL_EVENT = re.compile(
    r"[^;]{0,40}?\b(?:days?|months?|years?)\s+(?:of|after|from|following)\s+[^;]{0,160}?"
    r"\b(?:(?:becomes?|became|becoming)\s+aware|(?:has\s+|have\s+)?receiv(?:ed|es|ing)\s+(?:the\s+|a\s+|an\s+|such\s+)?"
    r"(?:notification|request|complaint|application|referral))\b",
    re.IGNORECASE,
)
# A time limit that names what it is counted from: "… of the issuance", "… after the provider …".
COUNTED_FROM = re.compile(r"\s+(?:of|after|from|following|starting\s+from)\b", re.IGNORECASE)
# What "shall" introduces that no one is to do: a rule that deems ("shall be deemed justified",
# "shall be understood to have been approved"), how long a thing lasts ("The solicitations shall close
# within 30 days of their issuance"), or a fragment that is no action at all.
NOT_AN_ACTION = re.compile(
    r"^(?:be\s+(?:deemed|understood|considered|presumed|regarded|treated)|apply|or|and|the|a|an|that|which|"
    r"close|remain\s+open|expire|lapse)\b",
    re.IGNORECASE,
)
# A dated commitment with no number: "The Pengcheng Cloud Brain III project will start construction
# before the end of 2023", "Before the end of 2023, … measures … will be formulated".
# "By 2026, Jing'an Park … shall be basically built into …": a year alone dates it too.
DATED_COMMITMENT = re.compile(
    r"\b(?P<deadline>(?:by|before)\s+(?P<end>the\s+end\s+of\s+)?(?P<year>20\d{2}))\b(?![-–/]\d)", re.IGNORECASE
)
WILL_OR_SHALL = re.compile(r"\b(?:will|shall)\s+(?:be\s+)?[a-z]", re.IGNORECASE)
# "I hereby direct the Secretary of Commerce, within 90 days …, to:": a direction is a duty too.
HEREBY_DIRECT = re.compile(r"\bhereby\s+direct\b", re.IGNORECASE)
# A dot that does not end a sentence: in a number ("section 10.1(b)", "213.3102") or after a capital
# initial ("5 C.F.R. 213.3102", "U.S.C.").
_INNER_DOT = r"\.(?=\d)|(?<=\b[A-Z])\.(?=[A-Z]\.|\s+\d|[A-Z]\b)|(?<=\b[A-Z]\.[A-Z])\.|(?<=\b[A-Z]\.[A-Z]\.[A-Z])\."
# A duty listed under "… shall:" has no "shall" of its own: its action is the first phrase after the
# deadline that does not start with a preposition ("Within 90 days …, in coordination with …,
# launch a pilot program …").
DUTY_LISTED_ACTION = re.compile(
    r"^[,\s]*(?:(?:in\s+(?:coordination|consultation|collaboration)|acting|through|with|as|and|to\s+the\s+extent|"
    r"within|no\s+later|not\s+later|by|including|consistent|subject|where|when|if|under|pursuant|"
    r"to\s+(?:help|support|ensure|promote|advance|address|combat|assist|provide|protect|reduce|improve|strengthen)|"
    r"subsequently|thereafter|thereby|in\s+(?:order|accordance|addition)|the\s+date|after|or|whichever)\b[^,]*,\s*|"
    r"(?:and\s+)?the\s+[A-Z][^,]*,\s*|"  # the rest of a list of partners: "…, the Director of OSTP, issue"
    r"[—–]\s*[^—–]*[—–]\s*)*"  # "shall — for the purpose of … — issue guidance"
    r"(?P<action>[a-z](?:[^.;:]|" + _INNER_DOT + r"){3,400})"
)
# A line that breaks off mid-phrase, on a word that cannot end a sentence: the next line of the source
# goes on with it ("… submit a report to the President through the Assistant to the President for" /
# "National Security Affairs that includes:").
BROKEN_OFF = re.compile(r"(?:\b(?:for|of|the|a|an|and|or|to|in|on|by|with|from|at|through|under)|,)[ \t]*$")
# A purpose that leads a list: "(c) Within 365 days of the date of this order, to promote safe … AI abroad:".
PURPOSE_LEAD = re.compile(r"^[,\s]*to\s+[a-z](?:(?!\bshall\b)[^:;])*:\s*$")
# The item number a listed duty starts with: "(i)", "(A)", "(ii)", "d)".
ITEM_NUMBER = re.compile(r"^\s*(?:\(\s*[A-Za-z0-9]{1,5}\s*\)\s*|[a-z]{1,3}\)\s+)+")
# "… placed on the market or put into service before 2 August 2027 shall …": a date that says
# which things a rule is for, not when anything is due.
DESCRIBED_BEFORE = re.compile(
    r"\b(?:placed|put|issued|adopted|entered|concluded|made|granted|registered|established|signed|"
    r"launched|started)\b[^,;.]{0,40}$",
    re.IGNORECASE,
)
# A date as printed in the United States ("February 28, 2025") or in Europe ("2 August 2025");
# "at the latest by 2 May 2025" keeps its "at the latest".
DUTY_BY_DATE = re.compile(
    rf"\b(?P<deadline>(?:(?:at\s+the\s+latest\s+)?by|no\s+later\s+than|not\s+later\s+than|before)\s+"
    rf"(?P<date>{_MONTH}\s+\d{{1,2}},\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}))\b",
    re.IGNORECASE,
)
# "Existing systems … will have until June 24, 2026 to comply with the new requirements": a date by
# which a duty is to be done, given as the time the holder has.
HAVE_UNTIL = re.compile(
    rf"\b(?:will|shall)\s+have\s+(?P<deadline>until\s+(?P<date>{_MONTH}\s+\d{{1,2}},\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}))"
    r",?\s+to\s+(?P<action>[a-z][^.;:]{3,400})",
    re.IGNORECASE,
)
# The "shall" that gives a duty (what follows it is the duty's action).
# (Not a "shall" of a relative clause: "… a Chief AI Officer who shall hold …" describes the officer.)
DUTY_SHALL = re.compile(r"(?<!\bwho )(?<!\bwhich )(?<!\bthat )\bshall\b(?!\s+not\b)", re.IGNORECASE)
# "the requirement to designate …": the duty is what is required.
REQUIREMENT_TO = re.compile(r"^(?:the\s+)?(?:requirement|obligation|duty)\s+to\s+", re.IGNORECASE)
# What the duty is: the words after "shall", or a list that follows "shall:".
DUTY_ACTION = re.compile(r"\bshall(?:\s+(?:,[^,]*,\s*)?(?P<action>[^.;:]{3,400})|\s*:)", re.IGNORECASE)
# Words between a duty's verb and a count that make the count something else than what is to be done:
# "submit a report on …", "guidance regarding …", "a plan describing …".
NOT_THE_OBJECT = re.compile(
    r"\b(?:on|regarding|concerning|about|describing|including|whether|how|which|who)\b", re.IGNORECASE
)
DUTY_LISTED = "the actions listed below"
DUTY_ACTION_WORDS = 14
# An action in the passive says what is to be done only with its subject: "Codes of practice shall be
# ready", "That guidance shall be issued by 2 August 2025".
PASSIVE_ACTION = re.compile(r"^(?:be|been)\s+[a-z]", re.IGNORECASE)
SUBJECT_WORDS = 8
# The phrases that open a sentence before its subject: "Without prejudice to the application of
# Article 5 as referred to in Article 113(3), point (a), …", "In any case, …", a purpose ("To advance
# …, ") or a case ("in the event of the death of a person, ").
OPENING_PHRASE = re.compile(
    r"^(?:(?:(?:without\s+prejudice\s+to|notwithstanding|subject\s+to|in\s+accordance\s+with|for\s+the\s+purposes?\s+of|"
    r"in\s+the\s+(?:event|case)\s+of)\b[^,]*|to\s+[a-z][^,]*)(?:,\s*points?\s+(?:\([a-z0-9]+\))+)?|"
    r"in\s+any\s+case|however|in\s+addition|furthermore),\s*",
    re.IGNORECASE,
)
# A clause or paragraph number printed before its text: "1.2.1 Existing automated decision systems …", "1. …".
CLAUSE_NUMBER = re.compile(r"^\d+(?:(?:\.\d+)+\.?|\.)\s+")

# Chinese targets. Numbers in Arabic or Chinese numerals, units that count, and the words that
# qualify them; years, dates, durations, article numbers and formulas are not quantities.
_ZH_NUM = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)"
ZH_UNITS = {
    "元": "yuan",
    "平方米": "square meters",
    "EFLOPS": "FLOPS",
    "PFLOPS": "FLOPS",
    "%": "%",
    **dict.fromkeys(["个", "家", "项", "款", "台", "期", "人", "名", "所", "座", "套"], "count"),
}
# 万 and 亿 scale any unit (1万人, 100亿元, 20万平方米); E and P scale FLOPS.
ZH_SCALES = {"万": 1e4, "亿": 1e8, "EFLOPS": 1e18, "PFLOPS": 1e15}
_ZH_UNIT = "|".join(re.escape(u) for u in sorted(ZH_UNITS, key=len, reverse=True))
QUANTITY_ZH = re.compile(
    rf"(?<![\d.+第〔\[一二两三四五六七八九十百千])(?P<qual_before>最高不超过|不超过|超过|不少于|不低于|突破|累计|力争|达到|超|约|近|达)?"
    rf"(?P<num>{_ZH_NUM})(?:\s*(?:-|–|—|～|~|至|到)\s*(?P<num2>{_ZH_NUM}))?\s*(?P<scale>万|亿)?\s*(?P<unit>{_ZH_UNIT})"
    r"(?!月|工作日|小时|年|天|日|周|百分点|间)(?P<qual_after>以上|左右|余|多)?"
)
# What a Chinese amount is, when its sentence names nothing it counts.
ZH_UNIT_NOUNS = {"square meters": "面积", "yuan": "金额", "FLOPS": "算力", "%": "比例"}
ZH_CLAUSE = re.compile(r"[^，,；;。]*")
# Words of intent and frequency that lead a counted phrase but are not what is counted.
ZH_COUNTED_LEAD = re.compile(
    r"^(?:力争|年均|每年|累计|达到|实现|建成|培育|建设|打造|形成|推动|推出|支持|吸引|引进|集聚|培养|举办|设立|"
    r"突破|推广|开发|发布|部署|落地)+"
)
# A qualifier may stand before the counted noun rather than the number: 累计突破人才1万人.
QUALIFIER_ZH = re.compile(r"最高不超过|不超过|超过|不少于|不低于|突破|约")
QUALIFIERS_ZH = {
    "超过": "over", "超": "over", "突破": "over", "以上": "at least", "不少于": "at least", "不低于": "at least",
    "达到": None, "达": None, "左右": "around", "约": "around", "近": "around", "余": "over", "多": "over",
    "累计": "in total", "力争": None, "不超过": "up to", "最高不超过": "up to",
}  # fmt: skip
DEADLINE_ZH = re.compile(
    r"(?P<deadline>(?:到|至|截至)\s*(?P<year>\d{4})\s*年(?:底|末)?(?:前)?|(?P<year2>\d{4})\s*年(?:底|末)?(?:前|之前))"
)
FREQUENCY_ZH = re.compile(r"(?P<frequency>年均|每年|年平均)")
# A Chinese duty on a schedule (每年发布, 每季度发布), and how many times a year each comes round.
RECURRING_ZH_PER_YEAR = {
    "每年": 1.0,
    "每半年": 2.0,
    "每季度": 4.0,
    "每季": 4.0,
    "每月": 12.0,
    "每周": 52.0,
    "每两年": 0.5,
}
RECURRING_ZH = re.compile("|".join(sorted(RECURRING_ZH_PER_YEAR, key=len, reverse=True)))
# Verbs of a duty a Chinese plan repeats on a schedule (发布, 更新, 召开, 报送 …).
ACTION_ZH = re.compile(r"发布|更新|召开|举办|报送|报告|公布|评估|修订|开展|组织")
# A count of what already exists is no commitment: a number after 已 (已建成, 已累计, 已培育, 已有),
# 现有 or 拥有 in its clause ("现有人工智能企业300余家", "在已建成10个试点城市的基础上"). Not
# across 的 ("已建成的算力中心利用率达到80%" is a target about what exists), nor after a word
# of intent or a year to come in the clause ("力争拥有…", "到2027年拥有…"); 现有 inside 实现有…
# is no 现有.
_EXISTING_MARK = r"(?:已经?|(?<![实体发出呈展])现有|拥有)"
EXISTING_ZH = re.compile(rf"{_EXISTING_MARK}[^的]*$")
INTENT_ZH = re.compile(r"力争|争取|确保|预计|计划|目标|(?:到|(?<!截)至)\s*\d{4}\s*年")
# A date that says when a count already stood ("截至2024年底，已累计建成…"), not a deadline.
STATUS_DATE_ZH = re.compile(rf"截至[^；;。]*?{_EXISTING_MARK}")
# Sanctions in a regulation (罚款) are amounts, not commitments.
SANCTION_ZH = re.compile(r"罚款|罚金|没收")
# Parts that define terms state thresholds, not commitments.
DEFINITIONS_TITLE = re.compile(r"^(?:definitions?|interpretation|定义|用语含义|术语)$", re.IGNORECASE)
COMMITMENT_ZH = re.compile(
    r"力争|实现|达到|建成|建设|新建|培育|打造|形成|新增|举办|设立|突破|超过|不少于|制定|推动|开展|参与|培训|支持|提供|引进|集聚|"
    r"吸引|累计|开放|发放|推出|部署|上线"
)
# The phrase a Chinese number counts runs back to the last clause mark (not 、, which joins nouns).
ZH_CLAUSE_MARK = re.compile(r"[，,；;。：:！？（(]")
ZH_COUNTED_MAX = 24
