"""Notice pages (metadata, full text as printed, an anchor on every measure) and measure pages.

The functions here gather plain values; the templates (``notice.md.j2``, ``measure.md.j2``)
turn them into the page, escaping every value.
"""

from __future__ import annotations

from typing import Any

from tools import urls
from tools.generate.context import ROLE_TITLES, Site
from tools.generate.templates import render
from tools.models import Measure, Node, Notice

ROLE_LABELS = {
    "title": "Title",
    "date": "Date",
    "release-info": "Release information",
    "document-number": "Document number",
    "addressees": "Addressees",
    "signatory": "Signed by",
    "preamble": "Preamble",
    "news": "News preamble (not part of the plan)",
    "report": "Report",
    "contents": "Table of contents",
    "footnote": "Note",
    "recital": "Recital",
    "notes": "Notes",
    "citation": "Citation",
    "enacting-formula": "Enacting formula",
    "publication": "Publication",
}

ROLE_SECTIONS = (
    ("lead", "Lead agencies"),
    ("responsible", "Responsible agencies"),
    ("cooperating", "Cooperating agencies"),
    ("assigned", "Agencies given duties"),
    ("mentioned", "Agencies mentioned"),
)


def notice_page(site: Site, n: Notice) -> str:
    url = urls.notice(n.id)
    rec = site.notice_records[n.id]
    return render(
        "notice.md.j2",
        url=url,
        site=site,
        n=n,
        rec=rec,
        search_filters=notice_filters(site, n, "notice"),
        banner=site.status_banner(n),
        issuers=[site.agencies[r.agency] for r in n.issuers if r.role == "issuer"],
        drafters=[site.agencies[r.agency] for r in n.issuers if r.role == "drafter"],
        jurisdiction_path=site.jurisdiction_path(n.meta["jurisdiction"]),
        language=site.language_name(n.meta["language"]),
        dates=_dates(n),
        licence=_licence(n),
        relations=[
            {
                "label": r["type"].replace("-", " ").capitalize(),
                "notice": r.get("notice"),
                "title": site.notices[r["notice"]].meta["title"] if r.get("notice") else r["title"],
                "note": r.get("note"),
            }
            for r in rec["relations"]
        ],
        roles=ROLE_LABELS,
        involved=_involved_agencies(site, n),
        role_titles=ROLE_TITLES,
    )


# How the notice page says whether the terms allow commercial reuse (notice.schema.json).
COMMERCIAL_USE = {
    "allowed": "allowed",
    "not-allowed": "not allowed without the publisher's permission",
    "unclear": "unclear (see the note)",
}


def _licence(n: Notice) -> dict[str, Any] | None:
    """The reuse terms the provenance states for the text, as the page shows them; None if none."""
    licence = n.meta["source"].get("licence")
    if not licence:
        return None
    return {
        "name": licence["name"],
        "url": licence.get("url"),
        "terms": licence["terms"],
        "commercial_use": COMMERCIAL_USE[licence["commercial_use"]],
        "attribution": licence.get("attribution"),
        "note": licence.get("note"),
    }


def _dates(n: Notice) -> list[dict[str, Any]]:
    return [
        {
            "label": name.replace("_", " ").capitalize(),
            "date": entry["date"],
            "evidence": entry.get("evidence") if entry["source"] == "text" else None,
            "note": entry.get("note"),
        }
        for name, entry in (n.meta.get("dates") or {}).items()
    ]


def notice_filters(site: Site, n: Notice, page_type: str, **more: list[str]) -> list[tuple[str, list[str]]]:
    """Pagefind filters for a page of a notice: its notice, jurisdiction (and those above it),
    country (none for an international body's), level, kind and years."""
    values: dict[str, list[str]] = {
        "type": [page_type],
        "notice": [n.meta["short_title"]],
        # An international body's notice (the EU, the OECD) is in no country.
        "country": [country["name"] for country in [site.country(n.meta["jurisdiction"])] if country],
        "jurisdiction": [j["name"] for j in site.jurisdiction_path(n.meta["jurisdiction"])],
        "level": [n.meta["level"]],
        "kind": [n.meta["kind"]],
        "year": _years(n),
    }
    values |= more
    return list(values.items())


def _years(n: Notice) -> list[str]:
    years = {v["date"][:4] for v in (n.meta.get("dates") or {}).values()}
    if n.meta.get("period"):
        years |= {str(y) for y in range(n.meta["period"]["start"], n.meta["period"]["end"] + 1)}
    return sorted(years)


def _involved_agencies(site: Site, n: Notice) -> list[dict[str, Any]]:
    counts: dict[str, dict[str, int]] = {}
    for m in n.parsed.measures:
        for ref in m.agencies:
            counts.setdefault(ref.agency, {}).setdefault(ref.role, 0)
            counts[ref.agency][ref.role] += 1
    ordered = sorted(counts.items(), key=lambda kv: (-sum(kv[1].values()), site.agencies[kv[0]].name))
    return [{"agency": site.agencies[aid], "counts": c} for aid, c in ordered]


def measure_page(site: Site, n: Notice, m: Measure, prev: Measure | None, nxt: Measure | None) -> str:
    url = urls.measure(n.id, m.id)
    crumbs = []
    for node_id in m.path:
        node = site.nodes[f"{n.id}/{node_id}"]
        crumbs.append({"id": node_id, "label": f"{node.numbering.printed.strip()} {node.title or ''}".strip()})
    return render(
        "measure.md.j2",
        url=url,
        site=site,
        n=n,
        ms=m,
        label=site.measure_label(m),
        excerpt=_excerpt(m),
        points={pt.paragraph: pt for pt in m.points},
        crumbs=crumbs,
        citation=site.citation(m),
        search_filters=notice_filters(
            site,
            n,
            "measure",
            theme=[site.themes[t].name for t in m.themes],
            agency=[site.agencies[r.agency].name for r in m.agencies],
        ),
        role_sections=ROLE_SECTIONS,
        targets=[site.targets[t] for t in m.targets],
        related=[(site.measures[key], score) for key, score in site.related.get(f"{m.notice}/{m.id}", [])],
        prev=prev,
        next=nxt,
    )


def _excerpt(m: Measure) -> str:
    """The measure's own words after its number, for the page description."""
    first = m.paragraphs[0].strip() if m.paragraphs else ""
    number = m.number.strip()
    return (first[len(number) :] if first.startswith(number) else first).strip()[:200]


def part_page(site: Site, n: Notice, part: Node) -> str:
    """An annex, appendix or the addenda: its text as printed, its sections with their anchors."""
    url = urls.part(n.id, part.id)
    label = f"{part.numbering.printed.strip()} {part.title or ''}".strip()
    return render(
        "part.md.j2",
        url=url,
        site=site,
        n=n,
        part=part,
        label=label,
        nodes=_subtree(part),
        citation=f"{site.short(n.id)}, {part.numbering.printed.strip()}",
        search_filters=notice_filters(site, n, "part"),
    )


def _subtree(node: Node, depth: int = 0) -> list[tuple[Node, int]]:
    out = [(node, depth)]
    for child in node.children:
        out += _subtree(child, depth + 1)
    return out
