"""Home, browse-by-notice, compare, data and search pages, the timeline and the Atom feeds."""

from __future__ import annotations

from collections import Counter
from typing import Any

from tools import follow, urls
from tools.generate.context import Site
from tools.generate.entities import coverage_grid, theme_summary
from tools.generate.templates import render
from tools.models import Notice
from tools.related import terms

SEARCH_FILTERS = ("type", "country", "jurisdiction", "level", "notice", "kind", "agency", "theme", "year")
WARM_UP_LINES = 150  # lines of the notices that the warm-up search's word is found in (see warm_up_word)
# The date a notices table shows, the first of these a notice has (a text known only in its
# amended version, such as a directive kept up to date, by the date of that version).
_DATE_KINDS = ("issued", "signed", "adopted", "promulgated", "released", "published", "reported", "amended")


def notice_row(site: Site, n: Notice) -> dict[str, Any]:
    """One notice as a row of the notices tables."""
    rec = site.notice_records[n.id]
    dates = rec["dates"]
    kind = next((k for k in _DATE_KINDS if k in dates), None)
    return {
        "id": n.id,
        "short_title": n.meta["short_title"],
        "jurisdiction": site.jurisdiction_path(n.meta["jurisdiction"])[-1]["name"],
        "kind": n.meta["kind"].replace("-", " "),
        "date": dates[kind] if kind else "",
        "date_kind": kind or "",
        "period": f"{rec['period']['start']}–{rec['period']['end']}" if rec["period"] else "",
        "status": rec["status"],
        "measures": rec["counts"]["measures"],
        "agencies": rec["counts"]["agencies"],
        "targets": rec["counts"]["targets"],
    }


def timeline(site: Site) -> dict[str, Any]:
    """Positions for the timeline SVG: plan periods (bars) and dates (dots), one row per notice."""
    notices = [n for n in site.archive.notices if n.meta.get("period") or n.meta.get("dates")]
    years = [int(v["date"][:4]) for n in notices for v in (n.meta.get("dates") or {}).values()]
    years += [y for n in notices if n.meta.get("period") for y in (n.meta["period"]["start"], n.meta["period"]["end"])]
    first, last = (min(years), max(years) + 1) if years else (2000, 2001)
    label_w, width, row_h = 250, 720, 30
    scale = (width - label_w - 20) / (last - first)
    rows = []
    for i, n in enumerate(notices):
        period = n.meta.get("period")
        dates = []
        for name, v in (n.meta.get("dates") or {}).items():
            yy, mm, _ = (int(x) for x in v["date"].split("-"))
            dates.append(
                {"x": f"{label_w + (yy - first + (mm - 1) / 12) * scale:.1f}", "name": name, "date": v["date"]}
            )
        rows.append(
            {
                "y": 20 + i * row_h,
                "label": n.meta["short_title"][:38],
                "period": {
                    "x": f"{label_w + (period['start'] - first) * scale:.1f}",
                    "width": f"{(period['end'] + 1 - period['start']) * scale:.1f}",
                    "start": period["start"],
                    "end": period["end"],
                }
                if period
                else None,
                "dates": [{**d, "name": d["name"].replace("_", " ")} for d in dates],
            }
        )
    axis = [{"year": y, "x": f"{label_w + (y - first) * scale:.1f}"} for y in range(first, last + 1)]
    return {"width": width, "height": row_h * len(rows) + 40, "years": axis, "rows": rows}


def home_page(site: Site) -> str:
    notices = site.archive.notices
    groups = []
    for country in site.countries():
        rows = [notice_row(site, n) for n in notices if site.country_of(n) == country["id"]]
        groups.append({"name": country["name"], "rows": rows})
    return render(
        "home.md.j2",
        url="",
        site=site,
        counts={
            "notices": len(notices),
            "measures": sum(len(n.parsed.measures) for n in notices),
            "agencies": len(site.archive.registry.agencies),
            "targets": sum(len(n.targets) for n in notices),
        },
        other_searches=[{"url": urls.search(lang), "label": site.search_label(lang)} for lang in other_languages(site)],
        groups=groups,
        warm_up=warm_up_word(site),
        tl=timeline(site),
        themes=theme_summary(site),
    )


def notices_index(site: Site) -> str:
    groups = []
    for jurisdiction, depth in site.jurisdiction_tree():
        chosen = [n for n in site.archive.notices if n.meta["jurisdiction"] == jurisdiction]
        path = site.jurisdiction_path(jurisdiction)
        groups.append(
            {
                "name": path[-1]["name"],
                "anchor": path[-1]["anchor"],
                "depth": depth,
                "rows": [notice_row(site, n) for n in chosen],
                "feed": feed_path(jurisdiction),
            }
        )
    return render("notices.md.j2", url="notices/", site=site, groups=groups)


def compare_page(site: Site) -> str:
    notices = [n for n in site.archive.notices if n.parsed.measures]
    by_agency = site.measures_by_agency()
    agency_rows: list[dict[str, Any]] = []
    for agency in site.archive.registry.agencies:
        roles = by_agency.get(agency.id)
        if roles:
            # Only the notices that name the agency: most agencies belong to one jurisdiction, so
            # a column for every notice left a table of empty cells, worst on a phone.
            named = [
                {"notice": n, "text": ", ".join(f"{len(v)} {k}" for k, v in roles[n.id].items())}
                for n in notices
                if roles.get(n.id)
            ]
            measures = len({(nid, m.id) for nid, r in roles.items() for ms in r.values() for m in ms})
            agency_rows.append({"agency": agency, "notices": named, "measures": measures})
    agency_rows.sort(key=lambda row: (-row["measures"], row["agency"].name))
    # How many targets of each kind each notice sets; the targets themselves are on the kind's
    # page (listing them here again, in a column per notice, was most of this page).
    kind_rows: list[dict[str, Any]] = []
    for kind in site.archive.registry.target_kinds:
        by_notice = Counter(t.notice for t in site.targets_of_kind(kind.id))
        counts = [(n, by_notice[n.id]) for n in notices if by_notice[n.id]]
        if counts:
            kind_rows.append({"kind": kind, "notices": counts, "targets": sum(c for _, c in counts)})
    return render(
        "compare.md.j2",
        url="compare/",
        site=site,
        overview=[notice_row(site, n) for n in site.archive.notices],
        grid=coverage_grid(site),
        agency_rows=agency_rows,
        kind_rows=kind_rows,
    )


def data_page(site: Site) -> str:
    names = ("notices", "measures", "agencies", "targets", "themes", "progress")
    feeds = [{"path": feed_path(j), "name": site.jurisdiction_path(j)[-1]["name"]} for j, _ in site.jurisdiction_tree()]
    return render(
        "data.md.j2",
        url="data/",
        site=site,
        datasets=[(name, len(site.records[name])) for name in names],
        feeds=feeds,
    )


def other_languages(site: Site) -> list[str]:
    return sorted(
        {str(n.meta["language"]) for n in site.archive.notices if not str(n.meta["language"]).startswith("en")}
    )


def warm_up_word(site: Site, language: str | None = None) -> str:
    """The word a search page (or the home box) searches for, unseen, once the page is idle.

    A browser runs WebAssembly slowly the first time (it compiles in tiers as the code runs), so
    a visitor's first search took twice as long as the next. The word is found in about
    WARM_UP_LINES lines of the notices in the page's language (English by default): enough work to
    warm Pagefind's engine, and about the same small cost (one index chunk) at any archive size.
    Words as related measures read them (Chinese in pairs of characters), hyphenated ones aside
    (a search reads them as one word). Computed once per language."""
    if language not in site.warm_up:
        counts: Counter[str] = Counter()
        for n in site.archive.notices:
            if urls.search(str(n.meta["language"])) == urls.search(language):  # the same search page
                for line in n.files.lines:
                    counts.update(w for w in terms(line.norm, frozenset()) if "-" not in w)
        site.warm_up[language] = min(sorted(counts), key=lambda w: abs(counts[w] - WARM_UP_LINES), default="")
    return site.warm_up[language]


def search_page(site: Site, language: str | None = None) -> str:
    """The search page. Pagefind searches the index of the page's language, so each language
    of the notices has its own search page, with labels in that language's readers' terms."""
    url = urls.search(language)
    if language:
        name = site.language_name(language)
        others = [{"url": urls.search(), "label": "Search the notices in English"}]
        context = {
            "title": f"Search ({name})",
            "description": site.search_label(language),
            "heading": site.search_label(language),
            "placeholder": "搜索 Search" if language.startswith("zh") else "Search",
        }
    else:
        others = [{"url": urls.search(lang), "label": site.search_label(lang)} for lang in other_languages(site)]
        context = {
            "title": "Search",
            "description": "Search every measure, notice, agency, target and theme",
            "heading": "Search",
            "placeholder": "Search the archive",
        }
    filters = [(f, "Page type" if f == "type" else f.capitalize()) for f in SEARCH_FILTERS]
    return render(
        "search.md.j2",
        url=url,
        site=site,
        others=others,
        filters=filters,
        warm_up=warm_up_word(site, language),
        **context,
    )


def feed_path(jurisdiction: str | None) -> str:
    return "feed.xml" if jurisdiction is None else f"feeds/{jurisdiction.replace('/', '-')}.xml"


def feed(site: Site, site_url: str, jurisdiction: str | None = None) -> str:
    """An Atom feed of notices as they were added (newest first), overall or for one jurisdiction
    and those within it. Deterministic: every date comes from the corpus."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    chosen = [
        n
        for n in site.archive.notices
        if jurisdiction is None or jurisdiction in site.jurisdiction_ids(n.meta["jurisdiction"])
    ]
    entries = sorted(chosen, key=lambda n: (n.meta["source"]["retrieved"], n.id), reverse=True)
    updated = (max(n.meta["source"]["retrieved"] for n in chosen) if chosen else site.as_of) + "T00:00:00Z"
    name = site.jurisdiction_path(jurisdiction)[-1]["name"] if jurisdiction else ""
    return render(
        "feed.xml.j2",
        title="AI Policy Archive: notices" + (f" ({name})" if name else ""),
        self_href=base + feed_path(jurisdiction),
        feed_id="urn:ai-policy-archive:notices" + (f":{jurisdiction}" if jurisdiction else ""),
        updated=updated,
        entries=[
            {
                "title": n.meta["title"],
                "link": base + urls.notice(n.id),
                "id": f"urn:ai-policy-archive:notice:{n.id}",
                "updated": f"{n.meta['source']['retrieved']}T00:00:00Z",
                "summary": f"{n.meta['short_title']} ({site.jurisdiction_path(n.meta['jurisdiction'])[-1]['name']}, "
                f"{n.meta['kind']})",
            }
            for n in entries
        ],
    )


def targets_feed(site: Site, site_url: str) -> str:
    """An Atom feed of targets falling due: those due from a year before the archive's date to a
    year after it, soonest first, each dated by its due date (deterministic: no clock)."""
    from datetime import date, timedelta

    base = site_url.rstrip("/") + "/" if site_url else ""
    today = date.fromisoformat(site.as_of)
    start, end = (today - timedelta(days=365)).isoformat(), (today + timedelta(days=365)).isoformat()
    due = sorted(
        (t for n in site.archive.notices for t in n.targets if t.due and start <= t.due <= end and t.status != "void"),
        key=lambda t: (t.due or "", t.id),
    )
    return render(
        "feed.xml.j2",
        title="AI Policy Archive: targets falling due",
        self_href=base + "feeds/targets.xml",
        feed_id="urn:ai-policy-archive:targets",
        updated=f"{site.as_of}T00:00:00Z",
        entries=[
            {
                "title": f"{site.target_label(t)} — due {t.due} ({follow.status_label(t)})",
                "link": base + urls.target(t.id),
                "id": f"urn:ai-policy-archive:target:{t.id}",
                "updated": f"{t.due}T00:00:00Z",
                "summary": f"{site.short(t.notice)}: {t.sentence}",
            }
            for t in due
        ],
    )
