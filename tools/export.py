"""Open data: the archive as versioned JSON (with JSON Schemas) and CSV twins.

``records`` builds plain dictionaries from an ``Archive``; ``write_open_data`` writes them.
Output is deterministic: same corpus, byte-identical files (no timestamps, stable order).
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from tools import follow, urls
from tools.models import Archive, Measure, Notice, Target, Update

# 2: lead/cooperating roles, citations, duties, revocations, names in Chinese.
# 2.1: each notice's licence (its reuse terms, or null); level "international".
# 3: target statuses a careful tracker uses: "overdue" is gone (no-report: the due date passed and
#    no report is recorded), void only for a notice revoked before the target fell due (no-date where
#    no due date is known), progress where a report shows steps; status_label (the words), met_on and
#    days_late; progress records' target page url, publisher, done date, note and the target sentence;
#    due_source "event" with due_from, the duty whose recorded completion dates the event.
# 3.1: each measure's text in each translation (paired by its printed number); each notice's texts
#      with their provenance, translator and licence.
SCHEMA_VERSION = "3.1.0"
DATASETS = ("notices", "measures", "agencies", "targets", "themes", "progress")
_ROLE_ORDER = {"issuer": 0, "drafter": 1, "lead": 2, "responsible": 3, "cooperating": 4, "assigned": 5, "mentioned": 6}


def as_of(archive: Archive) -> str:
    """The date statuses are judged at (see ``Archive.as_of``)."""
    return archive.as_of


def notice_status(notice: Notice, as_of_date: str) -> str:
    """In force / in plan period / plan period ended, judged at ``as_of_date``."""
    if notice.meta.get("kind") == "news-report":
        return "coverage"
    revoked = notice.meta.get("revoked")
    if revoked and revoked["date"] <= as_of_date:
        return "revoked"
    year = int(as_of_date[:4])
    period = notice.meta.get("period")
    if period:
        return "plan period ended" if year > period["end"] else "in plan period"
    in_force = (notice.meta.get("dates") or {}).get("in_force")
    if in_force:
        return "in force" if in_force["date"] <= as_of_date else "not yet in force"
    return "issued"


def relations(archive: Archive) -> dict[str, list[dict[str, Any]]]:
    """Each notice's relations, with the inverse of every relation between archived notices."""
    inverse = {
        "covers": "covered-by",
        "implements": "implemented-by",
        "amends": "amended-by",
        "replaces": "replaced-by",
        "cites": "cited-by",
        "revoked-by": "revokes",
    }
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for notice in archive.notices:
        for rel in notice.meta.get("relations") or []:
            out[notice.id].append({k: rel[k] for k in ("type", "notice", "title", "note") if k in rel})
            if rel.get("notice"):
                out[rel["notice"]].append({"type": inverse[rel["type"]], "notice": notice.id})
    return out


def notice_record(notice: Notice, archive: Archive, rels: list[dict[str, Any]], today: str) -> dict[str, Any]:
    """A notice's record, its status as of ``today`` (the archive's date, computed once by the caller)."""
    meta = notice.meta
    agencies = {r.agency for m in notice.parsed.measures for r in m.agencies}
    return {
        "id": notice.id,
        "url": urls.notice(notice.id),
        "title": meta["title"],
        "short_title": meta["short_title"],
        "document_number": meta.get("document_number"),
        "jurisdiction": meta["jurisdiction"],
        "level": meta["level"],
        "kind": meta["kind"],
        "issuers": [r.agency for r in notice.issuers if r.role == "issuer"],
        "drafters": [r.agency for r in notice.issuers if r.role == "drafter"],
        "dates": {k: v["date"] for k, v in (meta.get("dates") or {}).items()},
        "date_sources": {k: v["source"] for k, v in (meta.get("dates") or {}).items()},
        "period": {"start": meta["period"]["start"], "end": meta["period"]["end"]} if meta.get("period") else None,
        "language": meta["language"],
        "original_language": meta.get("original_language"),
        "translation": meta["translation"]["status"],
        "source": {k: v for k, v in meta["source"].items() if k != "licence"},
        "licence": licence_record(meta["source"].get("licence")),
        "sha256": meta["sha256"],
        "relations": rels,
        "versions": [
            {
                "id": v["id"],
                "url": urls.version(notice.id, v["id"]),
                "sha256": v["sha256"],
                "retrieved": v["retrieved"],
                "note": v.get("note"),
            }
            for v in meta.get("versions") or []
        ],
        "status": notice_status(notice, today),
        "revoked": {k: v for k, v in meta["revoked"].items()} if meta.get("revoked") else None,
        "title_zh": meta.get("title_zh"),
        "title_original": meta.get("title_original"),
        "status_as_of": today,
        "counts": {
            "measures": len(notice.parsed.measures),
            "agencies": len(agencies),
            "targets": len(notice.targets),
        },
        "themes": sorted({t for m in notice.parsed.measures for t in m.themes}, key=_theme_order(archive)),
        "texts": texts_record(notice),
    }


def texts_record(notice: Notice) -> list[dict[str, Any]]:
    """A notice's texts in several languages, each with its provenance (none for one text)."""
    out = []
    for i, entry in enumerate(notice.meta.get("texts") or []):
        original = entry["role"] == "original"
        out.append(
            {
                "file": entry["file"],
                "language": entry["language"],
                "role": entry["role"],
                "url": urls.notice(notice.id) if original else urls.notice_text(notice.id, entry["language"]),
                "title": entry.get("title"),
                "translator": entry.get("translator"),
                "source": dict(entry["source"]),
                "licence": licence_record(entry.get("licence")),
                "sha256": entry["sha256"],
                "measures": len(notice.parsed.measures)
                if original
                else len(
                    notice.translations[entry["language"]].measures if entry["language"] in notice.translations else []
                ),
                "order": i,
            }
        )
    return out


def licence_record(licence: dict[str, Any] | None) -> dict[str, Any] | None:
    """A notice's reuse terms as its provenance states them (every field present), or None where
    no source states any."""
    if not licence:
        return None
    return {k: licence.get(k) for k in ("name", "url", "terms", "commercial_use", "attribution", "note")}


def _theme_order(archive: Archive) -> Any:
    order = {t.id: i for i, t in enumerate(archive.registry.themes)}
    return lambda theme_id: order.get(theme_id, len(order))


def measure_texts(notice: Notice, measure: Measure) -> list[dict[str, Any]]:
    """The measure in each translation of its notice, paired by its printed number."""
    return [
        {
            "language": text.language,
            "role": text.role,
            "url": urls.measure_text(notice.id, measure.id, text.language),
            "number": found.number,
            "cited_as": found.cited_as,
            "text": found.text,
            "line": found.line,
        }
        for text, found in notice.counterparts(measure.id)
    ]


def measure_record(measure: Measure, notice: Notice | None = None) -> dict[str, Any]:
    return {
        "id": measure.id,
        "key": f"{measure.notice}/{measure.id}",
        "url": urls.measure(measure.notice, measure.id),
        "notice": measure.notice,
        "number": measure.number,
        "cited_as": measure.cited_as,
        "title": measure.title,
        "text": measure.text,
        "path": measure.path,
        "line": measure.line,
        "agencies": [
            {"id": r.agency, "role": r.role, "as_written": r.as_written}
            for r in sorted(measure.agencies, key=lambda r: _ROLE_ORDER[r.role])
        ],
        "responsible_as_written": [c.raw for c in measure.responsible_clauses],
        "themes": measure.themes,
        "targets": measure.targets,
        "language": notice.meta["language"] if notice else None,
        "translations": measure_texts(notice, measure) if notice else [],
    }


def target_record(target: Target, notice: Notice, as_of: str, progress: Sequence[Update]) -> dict[str, Any]:
    """A target with its notice's period, its status as of ``as_of`` and its ``progress`` records."""
    period = notice.meta.get("period")
    return {
        "id": target.id,
        "url": urls.target(target.id),
        "notice": target.notice,
        "measure": target.measure,
        "part": target.part,
        "kind": target.kind,
        "value": target.value,
        "value_max": target.value_max,
        "unit": target.unit,
        "scale": target.scale,
        "qualifier": target.qualifier,
        "counted": target.counted,
        "deadline": target.deadline,
        "deadline_year": target.deadline_year,
        "deadline_source": target.deadline_source,
        "frequency": target.frequency,
        "deadline_after": target.deadline_after,
        "deadline_date": target.deadline_date,
        "agency": target.agency,
        "due": target.due,
        "due_source": target.due_source,
        "status": target.status,
        "status_label": follow.status_label(target),
        "status_as_of": as_of,
        "met_on": target.met_on,
        "days_late": target.days_late,
        "due_from": target.due_from,
        "value_base": target.value_base,
        "base_unit": target.base_unit,
        "period": {"start": period["start"], "end": period["end"]} if period else None,
        "progress": [progress_record(u) for u in progress],
        "as_written": target.as_written,
        "sentence": target.sentence,
        "line": target.line,
    }


def progress_record(update: Update) -> dict[str, Any]:
    return {
        "target": update.target,
        "url": urls.target(update.target),
        "date": update.date,
        "outcome": update.outcome,
        "source_title": update.source_title,
        "source_url": update.source_url,
        "source_notice": update.source_notice,
        "source_publisher": update.source_publisher,
        "done": update.done,
        "quote": update.quote,
        "note": update.note,
        "target_sentence": update.target_sentence,
    }


def agency_records(archive: Archive) -> list[dict[str, Any]]:
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    notices: dict[str, set[str]] = defaultdict(set)
    for notice in archive.notices:
        for ref in notice.issuers:
            roles[ref.agency][ref.role] += 1
            notices[ref.agency].add(notice.id)
        for measure in notice.parsed.measures:
            for ref in measure.agencies:
                roles[ref.agency][ref.role] += 1
                notices[ref.agency].add(notice.id)
    return [
        {
            "id": a.id,
            "url": urls.agency(a.id),
            "name": a.name,
            "name_zh": a.name_zh,
            "jurisdiction": a.jurisdiction,
            "aliases": list(a.aliases),
            "aliases_zh": list(a.aliases_zh),
            "collective": a.collective,
            "notices": sorted(notices[a.id]),
            "counts": {role: roles[a.id][role] for role in _ROLE_ORDER if roles[a.id][role]},
        }
        for a in archive.registry.agencies
    ]


def theme_records(archive: Archive) -> list[dict[str, Any]]:
    per_notice: dict[str, Counter[str]] = defaultdict(Counter)
    for notice in archive.notices:
        for measure in notice.parsed.measures:
            for theme in measure.themes:
                per_notice[theme][notice.id] += 1
    return [
        {
            "id": t.id,
            "url": urls.theme(t.id),
            "name": t.name,
            "description": t.description,
            "keywords": list(t.keywords),
            "min_hits": t.min_hits,
            "measures": sum(per_notice[t.id].values()),
            "by_notice": dict(sorted(per_notice[t.id].items())),
        }
        for t in archive.registry.themes
    ]


def records(archive: Archive) -> dict[str, list[dict[str, Any]]]:
    rels = relations(archive)
    as_of = archive.as_of
    progress: dict[str, list[Update]] = {}
    for update in archive.progress:
        progress.setdefault(update.target, []).append(update)
    return {
        "notices": [notice_record(n, archive, rels.get(n.id, []), as_of) for n in archive.notices],
        "measures": [measure_record(m, n) for n in archive.notices for m in n.parsed.measures],
        "agencies": agency_records(archive),
        "targets": [target_record(t, n, as_of, progress.get(t.id, [])) for n in archive.notices for t in n.targets],
        "themes": theme_records(archive),
        "progress": [progress_record(u) for u in sorted(archive.progress, key=lambda u: (u.target, u.date))],
    }


def to_json(name: str, rows: Sequence[dict[str, Any]]) -> str:
    doc = {"schema_version": SCHEMA_VERSION, "schema": f"schemas/{name}.schema.json", name: list(rows)}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) if not isinstance(v, dict) else _item(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}={_cell(v)}" for k, v in value.items())
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _item(value: dict[str, Any]) -> str:
    """A record inside a list, in one cell: an agency as "id (role)", an update as "date outcome"."""
    if "role" in value:
        return f"{value.get('id')} ({value.get('role')})"
    return f"{value.get('date')} {value.get('outcome')}" if "outcome" in value else _cell(value)


# Columns of a dataset that may be empty, so that its CSV still has a header.
COLUMNS = {
    "progress": [
        "target",
        "url",
        "date",
        "outcome",
        "done",
        "source_title",
        "source_url",
        "source_publisher",
        "source_notice",
        "quote",
        "note",
        "target_sentence",
    ]
}


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] = ()) -> str:
    if not rows and not columns:
        return ""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return buffer.getvalue()


def open_data_files(archive: Archive) -> Iterator[tuple[str, str]]:
    """Every open-data file as (path relative to the data folder, text)."""
    for name, rows in records(archive).items():
        yield f"{name}.json", to_json(name, rows)
        yield f"{name}.csv", to_csv(rows, COLUMNS.get(name, ()))
        yield (
            f"schemas/{name}.schema.json",
            resources.files("tools.schemas").joinpath(f"data-{name}.schema.json").read_text("utf-8"),
        )


def write_open_data(archive: Archive, out: Path) -> list[Path]:
    """Write every dataset as JSON and CSV, with the schemas beside them."""
    written = []
    for relative, text in open_data_files(archive):
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
