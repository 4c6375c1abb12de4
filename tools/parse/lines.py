"""Lines and their twins: each raw line as received, and the forms used to match it.

The raw line is what pages show. ``normalise`` gives the twin the patterns run on (NFKC,
footnote marks and Markdown residue removed, odd spaces folded); ``fold`` a twin with one
character per raw character, so a span found in it is the same span of the raw line.
"""

from __future__ import annotations

import re
import unicodedata

from tools import regexes
from tools.models import SourceLine

_ODD_SPACE = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_MARKDOWN_RESIDUE = re.compile(r"^#{1,6}\s+|\*\*|__|\[\^\d+\]")
# Superscript digits are footnote marks fused to a word; NFKC would make "Article 1¹" "Article 11".
_SUPERSCRIPTS = re.compile(r"[\u00b9\u00b2\u00b3\u2070-\u2079]+")


def normalise(raw: str) -> str:
    """The twin of a line used for matching: footnote marks and Markdown residue removed, NFKC,
    odd spaces folded. Never shown: pages show the raw line."""
    text = unicodedata.normalize("NFKC", _SUPERSCRIPTS.sub("", raw))
    text = regexes.FOOTNOTE_REF.sub("", _MARKDOWN_RESIDUE.sub("", text))
    return _ODD_SPACE.sub(" ", text).strip()


def _fold_table() -> dict[int, str]:
    """Full-width forms to their ASCII twins, odd spaces and superscript digits to spaces: one
    character for one character."""
    table = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}  # ！…～ → !…~
    table |= dict.fromkeys([0x00A0, 0x3000, 0x202F, 0x205F, 0xFEFF, *range(0x2000, 0x200C)], " ")
    table |= dict.fromkeys([0x00B9, 0x00B2, 0x00B3, *range(0x2070, 0x207A)], " ")
    return table


_FOLD = _fold_table()


def fold(raw: str) -> str:
    """A twin of a line with exactly one character for each raw character, so that a span found
    in it is the same span of the raw line: full-width forms folded (，→, ２→2), odd spaces made
    spaces, and footnote marks and Markdown residue blanked out. Used where text found is shown."""
    blanked = _MARKDOWN_RESIDUE.sub(lambda m: " " * len(m.group(0)), raw)
    blanked = regexes.FOOTNOTE_REF.sub(lambda m: " " * len(m.group(0)), blanked)
    return blanked.translate(_FOLD)


def split_lines(text: str) -> list[SourceLine]:
    """Lines of a text with 1-based numbers; a BOM and CR line endings are tolerated."""
    body = text[1:] if text.startswith("\ufeff") else text
    raws = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if raws and raws[-1] == "":
        raws.pop()
    return [SourceLine(i + 1, raw, normalise(raw), i) for i, raw in enumerate(raws)]


def raw_prefix(raw: str, target: str) -> int | None:
    """The longest prefix of ``raw`` that normalises to ``target`` (residue such as ``**`` included)."""
    found = None
    low = max(0, len(target) - 24)
    for end in range(low, min(len(raw), len(target) + 48) + 1):
        if normalise(raw[:end]) == target:
            found = end
        elif found is not None:
            break
    return found


def printed_in_raw(raw: str, printed_norm: str) -> str:
    """The number exactly as printed in the raw line (e.g. ``(4 )``), without residue around it."""
    stripped = raw.lstrip().lstrip("#").lstrip("*_ ")
    length = len(printed_norm)
    # Raw may hold extra odd spaces; grow the slice until it normalises to the same text.
    for end in range(length, min(len(stripped), length + 8) + 1):
        if normalise(stripped[:end]) == printed_norm:
            return stripped[:end]
    return printed_norm


def title_key(text: str) -> str:
    """A comparison form of a title: case, punctuation and spacing ignored."""
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())
