"""Scaffold: a new notice folder from a text file, metadata pre-filled from what the text states.

What the text cannot tell is written as TODO, so `policy-archive check` points at every field a
person must decide. Nothing existing is ever overwritten.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from tools import regexes
from tools.parse import split_lines

TODO = "TODO"
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ]
    )
}
_EN_DATE = re.compile(r"\b(?P<month>" + "|".join(_MONTHS) + r")\s+(?P<day>\d{1,2}),\s*(?P<year>\d{4})\b")
_ISO_DATE = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_ZH_DATE = re.compile(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日")
_PERIOD = re.compile(r"[(（]\s*(?P<start>(?:19|20)\d{2})\s*[-–—~至]\s*(?P<end>(?:19|20)\d{2})\s*(?:年)?\s*[)）]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Draft:
    meta: dict[str, Any]
    unknown: list[str] = field(default_factory=list)  # what a person must still decide


def _dates(text: str) -> list[tuple[str, str]]:
    """(ISO date, the words that state it) for every date in the text, in order."""
    found: list[tuple[int, str, str]] = []
    for m in _EN_DATE.finditer(text):
        found.append((m.start(), f"{m['year']}-{_MONTHS[m['month']]:02d}-{int(m['day']):02d}", m.group(0)))
    for pattern in (_ISO_DATE, _ZH_DATE):
        for m in pattern.finditer(text):
            found.append((m.start(), f"{m['year']}-{int(m['month']):02d}-{int(m['day']):02d}", m.group(0)))
    valid = []
    for _, iso, words in sorted(found):
        try:
            date.fromisoformat(iso)
        except ValueError:
            continue
        valid.append((iso, words))
    return valid


def draft(text: str, given: dict[str, str]) -> Draft:
    """Metadata for a text: what the options give, what the text states, TODO for the rest."""
    lines = [ln for ln in split_lines(text) if ln.norm]
    unknown: list[str] = []
    chinese = len(_CJK.findall(text)) > len(text) / 10
    title = given.get("title") or _title_line(lines)
    meta: dict[str, Any] = {"title": title or TODO}
    if not title:
        unknown.append("title: no title line found; give --title")
    meta["short_title"] = given.get("short_title") or TODO
    if "short_title" not in given:
        unknown.append("short_title: a short name for lists and citations (at most 80 characters)")
    number = next((m.group(0) for ln in lines[:10] if (m := regexes.DOCUMENT_NUMBER.search(ln.norm))), None)
    if number:
        doc_line = next(ln.norm for ln in lines[:10] if number in ln.norm)
        meta["document_number"] = doc_line if len(doc_line) < 60 else number
    for key in ("jurisdiction", "level", "kind"):
        meta[key] = given.get(key) or TODO
        if key not in given:
            unknown.append(f"{key}: not stated in a form the tool can read; give --{key}")
    meta["issuers"] = [given["issuer"]] if given.get("issuer") else [TODO]
    if not given.get("issuer"):
        unknown.append("issuers: the bodies that issued it, as named in corpus/agencies.yaml")
    dates = _dates(" ".join(ln.norm for ln in lines[:15]))
    meta["dates"] = {"issued": {"date": dates[0][0], "source": "text", "evidence": dates[0][1]}} if dates else {}
    if not dates:
        unknown.append("dates: no date found near the top of the text; add the ones its source states")
    period = _PERIOD.search(title or "") or _PERIOD.search(" ".join(ln.norm for ln in lines[:15]))
    if period:
        meta["period"] = {"start": int(period["start"]), "end": int(period["end"]), "evidence": period.group(0)}
    meta["language"] = "zh" if chinese else "en"
    meta["translation"] = {"status": "original" if chinese else "unknown"}
    if not chinese:
        unknown.append("translation: status is unknown; say official or unofficial if the source tells")
    meta["source"] = {"received_as": given.get("source") or TODO, "retrieved": date.today().isoformat()}
    if not given.get("source"):
        unknown.append("source.received_as: where the text came from (address or archive)")
    meta["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Draft(meta, unknown)


def _title_line(lines: list[Any]) -> str | None:
    for ln in lines[:6]:
        norm = ln.norm
        if len(norm) > 10 and not regexes.SENTENCE_END.search(norm) and not regexes.DATE_LINE.match(norm):
            return str(ln.raw).strip()  # the title as printed, not its normalised twin
    return None


def to_yaml(meta: dict[str, Any]) -> str:
    """notice.yaml text, with JSON-style scalars so every value round-trips exactly."""
    out = ["# Metadata for this notice. Schema: tools/schemas/notice.schema.json", "# Replace every TODO."]

    def emit(key: str, value: Any, indent: int) -> None:
        pad = "  " * indent
        if isinstance(value, dict):
            out.append(f"{pad}{key}:" + (" {}" if not value else ""))
            for k, v in value.items():
                emit(k, v, indent + 1)
        elif isinstance(value, list):
            out.append(f"{pad}{key}:")
            out.extend(f"{pad}  - {json.dumps(v, ensure_ascii=False)}" for v in value)
        else:
            out.append(f"{pad}{key}: {json.dumps(value, ensure_ascii=False)}")

    for key, value in meta.items():
        emit(key, value, 0)
    return "\n".join(out) + "\n"


def create(corpus: Path, notice_id: str, source: Path, given: dict[str, str]) -> tuple[Path, Draft]:
    """Create corpus/notices/<id>/ with the text byte for byte and a drafted notice.yaml."""
    folder = corpus / "notices" / notice_id
    if folder.exists():
        raise FileExistsError(f"{folder} already exists; `new` never overwrites a notice")
    data = source.read_bytes()
    text = data.decode("utf-8")  # UnicodeDecodeError is reported by the caller
    result = draft(text, given)
    result.meta["sha256"] = hashlib.sha256(data).hexdigest()
    folder.mkdir(parents=True)
    (folder / "source.txt").write_bytes(data)
    (folder / "notice.yaml").write_text(to_yaml(result.meta), encoding="utf-8")
    return folder, result
