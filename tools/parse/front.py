"""Front matter: the role of each paragraph before the first heading, judged from its shape."""

from __future__ import annotations

from collections.abc import Sequence

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
