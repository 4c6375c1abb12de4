"""Home, browse-by-notice, compare, data and search pages, the timeline and the Atom feed."""

from __future__ import annotations

from collections import defaultdict
from xml.sax.saxutils import escape as xml_escape

from tools import urls
from tools.generate.context import Site
from tools.generate.entities import coverage_grid
from tools.generate.markup import a, block, e, front_matter, rel, table
from tools.generate.notices import format_value
from tools.models import Notice

SEARCH_FILTERS = ("type", "jurisdiction", "level", "notice", "kind", "agency", "theme", "year")


def _notice_row(site: Site, url: str, n: Notice) -> list[str]:
    rec = site.notice_records[n.id]
    dates = rec["dates"]
    kind = next((k for k in ("issued", "adopted", "released", "reported") if k in dates), None)
    when = f'<span data-sort="{e(dates[kind])}">{e(dates[kind])} <small>({kind})</small></span>' if kind else ""
    period = f"{rec['period']['start']}–{rec['period']['end']}" if rec["period"] else ""
    c = rec["counts"]
    return [
        a(url, urls.notice(n.id), n.meta["short_title"]),
        e(n.meta["jurisdiction"]),
        e(n.meta["kind"].replace("-", " ")),
        when,
        e(period),
        e(rec["status"]),
        str(c["measures"]),
        str(c["agencies"]),
        str(c["targets"]),
    ]


NOTICE_HEADERS = ["Notice", "Jurisdiction", "Kind", "Date", "Period", "Status", "Measures", "Agencies", "Targets"]


def timeline(site: Site) -> str:
    """An SVG of plan periods (bars) and issue dates (dots), one row per notice."""
    rows = [n for n in site.archive.notices if n.meta.get("period") or n.meta.get("dates")]
    years = [int(v["date"][:4]) for n in rows for v in (n.meta.get("dates") or {}).values()]
    years += [y for n in rows if n.meta.get("period") for y in (n.meta["period"]["start"], n.meta["period"]["end"])]
    if not years:
        return ""
    first, last = min(years), max(years) + 1
    label_w, width, row_h = 250, 720, 30
    scale = (width - label_w - 20) / (last - first)
    height = row_h * len(rows) + 40
    parts = [
        f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" aria-labelledby="timeline-title">'
        '<title id="timeline-title">Timeline: plan periods and dates of the notices</title>'
    ]
    for year in range(first, last + 1):
        x = label_w + (year - first) * scale
        parts.append(f'<line x1="{x:.1f}" y1="10" x2="{x:.1f}" y2="{height - 20}" class="grid"/>')
        parts.append(f'<text x="{x:.1f}" y="{height - 5}" class="year">{year}</text>')
    for i, n in enumerate(rows):
        y = 20 + i * row_h
        parts.append(f'<text x="0" y="{y + 12}" class="label">{e(n.meta["short_title"][:38])}</text>')
        if n.meta.get("period"):
            p = n.meta["period"]
            x0 = label_w + (p["start"] - first) * scale
            w = (p["end"] + 1 - p["start"]) * scale
            parts.append(
                f'<rect x="{x0:.1f}" y="{y}" width="{w:.1f}" height="16" rx="3" class="period"><title>Plan period {p["start"]}–{p["end"]}</title></rect>'
            )
        for name, v in (n.meta.get("dates") or {}).items():
            yy, mm, _ = (int(x) for x in v["date"].split("-"))
            x = label_w + (yy - first + (mm - 1) / 12) * scale
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y + 8}" r="5" class="date"><title>{e(name.replace("_", " "))}: {e(v["date"])}</title></circle>'
            )
    parts.append("</svg>")
    return "".join(parts)


def home_page(site: Site) -> str:
    url = ""
    notices = site.archive.notices
    measures = sum(len(n.parsed.measures) for n in notices)
    targets = sum(len(n.targets) for n in notices)
    out = front_matter(
        "AI Policy Archive", "An open, searchable archive of government AI policy notices", hide=("navigation",)
    )
    out += "# AI Policy Archive\n"
    out += block(
        f'<p class="lead">Government AI policy notices, in English translation, read measure by measure: '
        f"{len(notices)} notices, {measures} measures, {len(site.archive.registry.agencies)} agencies and {targets} quantified targets. "
        "Every measure has a page and a permanent link; every number comes with the sentence it was found in.</p>"
    )
    out += block(
        '<div class="home-search"><pagefind-config instance="home" bundle-path="./" preload></pagefind-config>'
        '<pagefind-searchbox instance="home" placeholder="Search measures, e.g. computing power" '
        "show-sub-results></pagefind-searchbox>"
        f'<p><a href="{e(rel(url, "search/"))}">Search with filters</a> (jurisdiction, notice, agency, theme, year…)</p></div>'
    )
    out += "## The notices\n" + block(
        table(NOTICE_HEADERS, [_notice_row(site, url, n) for n in notices], cls="sortable")
    )
    out += "## When they apply\n" + block(timeline(site))
    out += "## What they cover\n" + block(coverage_grid(site, url))
    out += block(
        "<p>Browse by "
        + ", ".join(
            [
                a(url, "notices/", "notice and jurisdiction"),
                a(url, "agencies/", "agency"),
                a(url, "themes/", "theme"),
                a(url, "targets/", "target"),
            ]
        )
        + f", {a(url, 'compare/', 'compare notices side by side')}, or {a(url, 'data/', 'download the open data')}.</p>"
    )
    return out


def notices_index(site: Site) -> str:
    url = "notices/"
    out = front_matter("Notices", "Every notice in the archive, by jurisdiction")
    out += "# Notices\n"
    groups: dict[str, list[Notice]] = defaultdict(list)
    for n in site.archive.notices:
        groups[n.meta["jurisdiction"]].append(n)
    for jurisdiction in sorted(groups):
        out += f"## {e(jurisdiction)} {{#jurisdiction-{jurisdiction.replace('/', '-')}}}\n"
        out += block(table(NOTICE_HEADERS, [_notice_row(site, url, n) for n in groups[jurisdiction]], cls="sortable"))
    return out


def compare_page(site: Site) -> str:
    url = "compare/"
    notices = [n for n in site.archive.notices if n.parsed.measures]
    out = front_matter("Compare notices", "Notices side by side: overview, themes, agencies and targets")
    out += "# Compare notices\n"
    out += "## Overview\n" + block(
        table(NOTICE_HEADERS, [_notice_row(site, url, n) for n in site.archive.notices], cls="sortable")
    )
    out += "## Themes by notice\n" + block(coverage_grid(site, url))
    out += "## Agencies by notice\n"
    head = ["Agency"] + [a(url, urls.notice(n.id), n.meta["short_title"]) for n in notices]
    by_agency = site.measures_by_agency()
    rows = []
    for agency in sorted(
        site.archive.registry.agencies,
        key=lambda x: (-sum(len(ms) for r in by_agency.get(x.id, {}).values() for ms in r.values()), x.name),
    ):
        roles = by_agency.get(agency.id)
        if not roles:
            continue
        cells = [a(url, urls.agency(agency.id), agency.name)]
        for n in notices:
            r = roles.get(n.id, {})
            text = ", ".join(f"{len(v)} {k}" for k, v in r.items())
            cells.append(e(text))
        rows.append(cells)
    out += block(table(head, rows, cls="sortable"))
    out += "## Targets by kind\n"
    head = ["Kind"] + [a(url, urls.notice(n.id), n.meta["short_title"]) for n in notices]
    rows = []
    for kind in site.archive.registry.target_kinds:
        cells = [a(url, f"targets/#kind-{kind.id}", kind.name)]
        any_ = False
        for n in notices:
            group = [t for t in n.targets if t.kind == kind.id]
            any_ |= bool(group)
            cells.append("<br>".join(a(url, urls.target(t.id), f"{format_value(t)} {t.counted}") for t in group))
        if any_:
            rows.append(cells)
    out += block(table(head, rows))
    return out


def data_page(site: Site) -> str:
    url = "data/"
    out = front_matter("Open data", "Download the archive as JSON and CSV, with JSON Schemas")
    out += "# Open data\n"
    out += block(
        "<p>Everything on this site, as data. Each record carries its stable <code>id</code> and the site-relative "
        "<code>url</code> of its page. Files are versioned by <code>schema_version</code>; the schemas document every field. "
        "The texts themselves are on each notice's page (<code>source.txt</code>, with its sha256).</p>"
    )
    rows = []
    for name in ("notices", "measures", "agencies", "targets", "themes"):
        count = len(site.records[name])
        rows.append(
            [
                e(name),
                str(count),
                f'<a href="{name}.json">{name}.json</a>',
                f'<a href="{name}.csv">{name}.csv</a>',
                f'<a href="schemas/{name}.schema.json">schema</a>',
            ]
        )
    out += block(table(["Dataset", "Records", "JSON", "CSV", "JSON Schema"], rows))
    out += "## Feed\n" + block(
        f"<p>An {a(url, 'feed.xml', 'Atom feed')} of notices as they are added to the archive.</p>"
    )
    return out


def other_languages(site: Site) -> list[str]:
    return sorted(
        {str(n.meta["language"]) for n in site.archive.notices if not str(n.meta["language"]).startswith("en")}
    )


def search_page(site: Site, language: str | None = None) -> str:
    url = urls.search(language)
    if language:
        out = front_matter(f"Search ({language})", f"Search the notices in {language}", hide=("toc",))
        out += f"# Search the notices in {e(language)}\n"
        out += block(f"<p>{a(url, urls.search(), 'Search in English')}</p>")
    else:
        out = front_matter("Search", "Search every measure, notice, agency, target and theme", hide=("toc",))
        out += "# Search\n"
        others = other_languages(site)
        if others:
            links = ", ".join(a(url, urls.search(lang), lang) for lang in others)
            out += block(f"<p>Notices in other languages have their own search: {links}.</p>")
    panes = "".join(
        f'<pagefind-filter-dropdown instance="page" filter="{f}" label="{f.capitalize() if f != "type" else "Page type"}"></pagefind-filter-dropdown>'
        for f in SEARCH_FILTERS
    )
    out += block(
        '<div class="search-page" data-pagefind-ignore="all">'
        # preload: fetch Pagefind while the visitor types, so the first results come quickly
        '<pagefind-config instance="page" bundle-path="./" preload></pagefind-config>'
        '<pagefind-input instance="page" placeholder="Search the archive" debounce="100" autofocus></pagefind-input>'
        f'<div class="search-filters" role="group" aria-label="Filters">{panes}</div>'
        '<pagefind-summary instance="page"></pagefind-summary>'
        # Pagefind's results component builds an element per match before showing any: listing
        # the best 50 keeps first results quick on a large archive (the summary still counts all).
        '<pagefind-results instance="page" show-sub-results max-results="50"></pagefind-results>'
        '<p class="search-hint"><small>The best 50 matches are listed; use the filters to narrow the rest.</small></p>'
        "</div>"
    )
    return out


def jurisdictions(site: Site) -> list[str]:
    """Every jurisdiction with a notice, and every jurisdiction above one (shanghai for shanghai/jingan)."""
    found = set()
    for n in site.archive.notices:
        parts = n.meta["jurisdiction"].split("/")
        found |= {"/".join(parts[: i + 1]) for i in range(len(parts))}
    return sorted(found)


def feed_path(jurisdiction: str | None) -> str:
    return "feed.xml" if jurisdiction is None else f"feeds/{jurisdiction.replace('/', '-')}.xml"


def feed(site: Site, site_url: str, jurisdiction: str | None = None) -> str:
    """An Atom feed of notices as they were added (newest first), overall or for one jurisdiction
    and those below it. Deterministic: every date comes from the corpus."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    chosen = [
        n
        for n in site.archive.notices
        if jurisdiction is None
        or n.meta["jurisdiction"] == jurisdiction
        or n.meta["jurisdiction"].startswith(jurisdiction + "/")
    ]
    entries = sorted(chosen, key=lambda n: (n.meta["source"]["retrieved"], n.id), reverse=True)
    updated = (max(n.meta["source"]["retrieved"] for n in chosen) if chosen else site.as_of) + "T00:00:00Z"
    title = "AI Policy Archive: notices" + (f" ({jurisdiction})" if jurisdiction else "")
    feed_id = "urn:ai-policy-archive:notices" + (f":{jurisdiction}" if jurisdiction else "")
    items = []
    for n in entries:
        link = base + urls.notice(n.id)
        items.append(
            "<entry>"
            f"<title>{xml_escape(n.meta['title'])}</title>"
            f'<link href="{xml_escape(link)}"/>'
            f"<id>urn:ai-policy-archive:notice:{n.id}</id>"
            f"<updated>{n.meta['source']['retrieved']}T00:00:00Z</updated>"
            f"<summary>{xml_escape(n.meta['short_title'])} "
            f"({xml_escape(n.meta['jurisdiction'])}, {xml_escape(n.meta['kind'])})</summary>"
            "</entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{xml_escape(title)}</title>"
        f'<link rel="self" href="{xml_escape(base + feed_path(jurisdiction))}"/>'
        f"<id>{xml_escape(feed_id)}</id>"
        f"<updated>{updated}</updated>"
        "<author><name>AI Policy Archive</name></author>" + "".join(items) + "</feed>\n"
    )
