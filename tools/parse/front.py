"""Front and back matter: the role of each paragraph before the first heading, judged from its
shape; a regulation's preamble (citations, numbered recitals, the enacting formula); and the
closing of a law (sign-off, signatures, footnotes, publication lines) between its last article
and its annexes."""

from __future__ import annotations

from collections.abc import Sequence, Set

from tools import regexes
from tools.models import FrontMatter, SourceLine
from tools.parse.lines import normalise


def front_matter_role(line: SourceLine, titles: Sequence[str], first: bool, after_addressees: bool) -> str:
    """The role of a paragraph outside the numbered body, judged from its shape."""
    norm = line.norm
    if regexes.DATE_LINE.match(norm):
        return "date"
    if regexes.RELEASE_INFO.match(norm):
        return "release-info"
    if regexes.DOCUMENT_NUMBER.search(norm) and len(norm) < 60:
        return "document-number"
    if normalise(norm).casefold() in {normalise(t).casefold() for t in titles}:
        return "title"
    if regexes.ADDRESSEES.match(norm):
        return "addressees"
    unpunctuated = not regexes.SENTENCE_END.search(norm)
    if first and unpunctuated:
        return "title"
    if after_addressees and unpunctuated and len(norm) < 120:
        return "signatory"
    return "preamble"


def classify_front(
    lines: Sequence[SourceLine],
    titles: Sequence[str],
    roles: dict[int, str],
    default: str | None = None,
    contents: set[int] | None = None,
) -> list[FrontMatter]:
    out = []
    after_addressees = False
    for i, line in enumerate(ln for ln in lines if ln.norm):
        role = roles.get(line.number) or (
            "contents"
            if line.index in (contents or set())
            else front_matter_role(line, titles, i == 0, after_addressees)
        )
        if default and role == "preamble":
            role = default
        after_addressees = after_addressees or role == "addressees"
        out.append(FrontMatter(role, line))
    return out


def enacting_formula(lines: Sequence[SourceLine]) -> SourceLine | None:
    """The line that ends a regulation's preamble ("HAVE ADOPTED THIS REGULATION:"), if any."""
    return next((ln for ln in lines if regexes.ENACTING_FORMULA.match(ln.norm)), None)


def preamble(front: list[FrontMatter], formula: SourceLine | None) -> list[FrontMatter]:
    """With an enacting formula, the preamble's numbered paragraphs are recitals ("Recital 12",
    each with its anchor) and its "Having regard to …" lines citations."""
    if formula is None:
        return front
    out = []
    for fm in front:
        recital = regexes.RECITAL.match(fm.line.norm)
        if fm.line.index == formula.index:
            out.append(FrontMatter("enacting-formula", fm.line))
        elif recital and fm.line.index < formula.index:
            out.append(FrontMatter("recital", fm.line, recital["num"]))
        elif regexes.CITATION.match(fm.line.norm):
            out.append(FrontMatter("citation", fm.line))
        else:
            out.append(fm)
    return out


def closing_lines(
    lines: Sequence[SourceLine], annexes: Sequence[int], notes: Set[int] = frozenset()
) -> list[FrontMatter]:
    """The sign-off ("Done at Brussels, 13 June 2024."), the signatures below it, the footnotes
    the Official Journal prints there, up to the first annex; end notes; and publication lines
    at the end."""
    out: list[FrontMatter] = []
    for line in (ln for ln in lines if ln.index in notes and ln.norm):
        number = regexes.NOTE_NUMBER.match(line.norm)
        if number:
            out.append(FrontMatter("footnote", line, number["num"]))
        else:
            out.append(FrontMatter("notes" if regexes.REFERENCES_TITLE.match(line.norm) else "footnote", line))
    sign_off = next((ln for ln in lines if regexes.SIGN_OFF.match(ln.norm)), None)
    if sign_off is not None:
        end = min([i for i in annexes if i > sign_off.index] or [len(lines)])
        for line in lines[sign_off.index : end]:
            if not line.norm:
                continue
            note = regexes.OJ_FOOTNOTE.match(line.norm)
            role = "date" if line is sign_off else "footnote" if note else "signatory"
            out.append(FrontMatter(role, line, note["num"] if note else ""))
    for line in reversed(lines):
        if line.norm and not regexes.PUBLICATION_LINE.match(line.norm):
            break
        if line.norm:
            out.append(FrontMatter("publication", line))
    return sorted(out, key=lambda fm: fm.line.index)
