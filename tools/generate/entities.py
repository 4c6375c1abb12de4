"""Agency, target and theme pages, and their index pages."""

from __future__ import annotations

from collections import defaultdict

from tools import urls
from tools.generate.context import Site
from tools.generate.markup import a, block, e, filters, front_matter, md, meta, table
from tools.generate.notices import format_value, split_heading_line, targets_table
from tools.models import Agency, Target, Theme

# Pages that list measures should rank below the measures they list.
LISTING_WEIGHT = 0.3
ROLE_TITLES = {"responsible": "Responsible for", "assigned": "Assigned duties in", "mentioned": "Mentioned in"}


def agency_page(site: Site, agency: Agency) -> str:
    url = urls.agency(agency.id)
    out = front_matter(agency.name, f"{agency.name}: notices issued and measures it is responsible for")
    out += f'# {md(agency.name)} {{ data-pagefind-weight="{LISTING_WEIGHT}" }}\n'
    out += block(filters(type="agency", jurisdiction=agency.jurisdiction) + meta(title=agency.name))
    facts = [("Jurisdiction", e(agency.jurisdiction))]
    if agency.collective:
        facts.append(("Kind", "a group of units named together, not a single agency"))
    if agency.aliases:
        facts.append(("Also written as", "<br>".join(f"<q>{e(x)}</q>" for x in agency.aliases)))
    out += block('<dl class="facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>")
    issued = [(n, r.role) for n in site.archive.notices for r in n.issuers if r.agency == agency.id]
    if issued:
        items = "".join(
            f"<li>{a(url, urls.notice(n.id), n.meta['title'])} <small>({e(role)})</small></li>" for n, role in issued
        )
        out += "## Notices issued or drafted\n" + block(f"<ul>{items}</ul>")
    by_notice = site.measures_by_agency().get(agency.id, {})
    total = {role: sum(len(v.get(role, [])) for v in by_notice.values()) for role in ROLE_TITLES}
    summary = ", ".join(f"{ROLE_TITLES[r].lower()} {c} measure{'s' * (c != 1)}" for r, c in total.items() if c)
    if summary:
        out += "## Measures\n" + block(f"<p>{e(summary.capitalize())}.</p>")
    for notice_id, roles in by_notice.items():
        out += f"### {md(site.short(notice_id))}\n"
        for role, measures in roles.items():
            items = "".join(
                f"<li>{a(url, urls.measure(notice_id, m.id), site.measure_label(m))}</li>" for m in measures
            )
            out += block(f"<h4>{e(ROLE_TITLES[role])} ({len(measures)})</h4><ul>{items}</ul>")
    return out


def agencies_index(site: Site) -> str:
    url = "agencies/"
    out = front_matter("Agencies", "Every agency named in the archive, by jurisdiction")
    out += "# Agencies\n"
    out += block(
        "<p>Every agency named in a notice, once, under its canonical English name. Aliases (every spelling seen in a notice) lead to the same page.</p>"
    )
    by_agency = site.measures_by_agency()
    groups: dict[str, list[Agency]] = defaultdict(list)
    for agency in site.archive.registry.agencies:
        groups[agency.jurisdiction].append(agency)
    for jurisdiction in sorted(groups):
        rows = []
        for agency in sorted(groups[jurisdiction], key=lambda x: x.name):
            roles = by_agency.get(agency.id, {})
            count = {r: sum(len(v.get(r, [])) for v in roles.values()) for r in ROLE_TITLES}
            rows.append(
                [a(url, urls.agency(agency.id), agency.name)]
                + [str(count[r] or "") for r in ROLE_TITLES]
                + [str(len(roles))]
            )
        out += f"## {md(jurisdiction)}\n" + block(
            table(["Agency", "Responsible for", "Assigned duties in", "Mentioned in", "Notices"], rows, cls="sortable")
        )
    return out


def target_page(site: Site, t: Target) -> str:
    url = urls.target(t.id)
    notice = site.notices[t.notice]
    title = f"{format_value(t)} {t.counted}".strip()
    out = front_matter(f"{title} · {notice.meta['short_title']}", t.sentence)
    out += f"# {md(title)}\n"
    out += block(
        filters(
            type="target",
            notice=notice.meta["short_title"],
            jurisdiction=notice.meta["jurisdiction"],
            kind=site.kinds[t.kind],
        )
        + meta(title=f"{notice.meta['short_title']} · target: {title}")
    )
    sentence = e(t.sentence).replace(e(t.as_written), f"<mark>{e(t.as_written)}</mark>", 1)
    out += block(f'<blockquote class="target-sentence"><p>{sentence}</p></blockquote>')
    where = (
        a(url, urls.measure(t.notice, t.measure), site.measure_label(site.measures[f"{t.notice}/{t.measure}"]))
        if t.measure
        else a(url, urls.notice(t.notice) + f"#{t.part}", f"part {t.part} (outside any measure)")
    )
    facts = [
        ("Value", e(format_value(t))),
        ("Qualifier", e(t.qualifier or "exact")),
        ("What is counted", e(t.counted)),
        (
            "Deadline",
            e(t.deadline or "not stated")
            + (" <small>(stated by the enclosing part)</small>" if t.deadline_source == "part" else ""),
        ),
        ("Frequency", e(t.frequency or "—")),
        ("Kind", a(url, "targets/#kind-" + t.kind, site.kinds[t.kind])),
        ("Notice", a(url, urls.notice(t.notice), notice.meta["title"])),
        ("Where", where),
    ]
    if t.measure:
        m = site.measures[f"{t.notice}/{t.measure}"]
        resp = site.agencies_of(m, "responsible")
        if resp:
            facts.append(("Responsible", ", ".join(a(url, urls.agency(x.id), x.name) for x in resp)))
    out += block('<dl class="facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>")
    return out


def targets_index(site: Site) -> str:
    url = "targets/"
    targets = [t for n in site.archive.notices for t in n.targets]
    out = front_matter("Targets", "Every quantified commitment in the archive")
    out += "# Targets\n"
    out += block(
        f"<p>{len(targets)} quantified commitments: amounts, counts, floor space and deadlines, as the notices state them. "
        "Sort by any column; filter by typing.</p>"
    )
    rows = []
    for t in targets:
        m = site.measures.get(f"{t.notice}/{t.measure}") if t.measure else None
        agencies = ", ".join(x.name for x in site.agencies_of(m, "responsible")) if m else ""
        where = (
            a(url, urls.measure(t.notice, m.id), m.number.strip())
            if m
            else a(url, urls.notice(t.notice) + f"#{t.part}", f"part {t.part}")
        )
        rows.append(
            [
                f'<span data-sort="{t.value}">{e(f"{t.value:,.0f}")}</span>',
                e(t.unit),
                e(t.qualifier or ""),
                e(t.deadline or ""),
                e(t.counted),
                e(site.kinds[t.kind]),
                a(url, urls.notice(t.notice), site.short(t.notice)),
                where,
                e(agencies),
                a(url, urls.target(t.id), "details"),
            ]
        )
    out += "## Ledger\n" + block(
        '<label class="table-filter">Filter the ledger <input type="search" data-filter-table="ledger" placeholder="e.g. enterprises, 2026, Shenzhen"></label>'
        + table(
            [
                "Value",
                "Unit",
                "Qualifier",
                "Deadline",
                "What is counted",
                "Kind",
                "Notice",
                "Measure",
                "Responsible",
                "Page",
            ],
            rows,
            cls="sortable filterable",
        ).replace("<table ", '<table id="ledger" ', 1)
    )
    out += "## Targets by kind\n"
    for kind in site.archive.registry.target_kinds:
        group = [t for t in targets if t.kind == kind.id]
        if group:
            out += f"### {md(kind.name)} {{#kind-{kind.id}}}\n" + block(targets_table(site, url, group))
    return out


def theme_page(site: Site, theme: Theme) -> str:
    url = urls.theme(theme.id)
    out = front_matter(theme.name, theme.description)
    out += f'# {md(theme.name)} {{ data-pagefind-weight="{LISTING_WEIGHT}" }}\n'
    out += block(filters(type="theme") + meta(title=f"Theme: {theme.name}"))
    out += block(
        f'<p>{e(theme.description)}</p><p class="rule"><small>A measure has this theme when it mentions at least '
        f"{theme.min_hits} of: {e(', '.join(theme.keywords))}.</small></p>"
    )
    columns = []
    for notice in site.archive.notices:
        measures = [m for m in notice.parsed.measures if theme.id in m.themes]
        if not measures:
            continue
        items = "".join(
            f"<li>{a(url, urls.measure(notice.id, m.id), site.measure_label(m))}"
            f"<br><small>{e(_first_sentence(m.paragraphs[0], m.number, m.title))}</small></li>"
            for m in measures
        )
        columns.append(
            f'<section class="side-column" aria-label="{e(notice.meta["short_title"])}"><h2 class="side-title">'
            f"{a(url, urls.notice(notice.id), notice.meta['short_title'])} <small>({len(measures)})</small></h2><ul>{items}</ul></section>"
        )
    if columns:
        out += block(f'<div class="side-by-side" data-pagefind-weight="{LISTING_WEIGHT}">{"".join(columns)}</div>')
    else:
        out += block("<p>No measure in the archive touches this theme yet.</p>")
    return out


def _first_sentence(raw: str, number: str, title: str | None) -> str:
    body = split_heading_line(raw, number, title)
    cut = body.find(". ")
    return body[: cut + 1] if 0 < cut < 220 else body[:220] + ("…" if len(body) > 220 else "")


def themes_index(site: Site) -> str:
    url = "themes/"
    out = front_matter("Themes", "The themes the notices touch, and which notices touch them")
    out += "# Themes\n"
    out += block(
        "<p>A controlled vocabulary of themes, assigned to measures by keyword rules kept in <code>corpus/themes.yaml</code>.</p>"
    )
    out += block(coverage_grid(site, url))
    return out


def coverage_grid(site: Site, url: str) -> str:
    """Themes × notices: how many measures of each notice touch each theme."""
    notices = [n for n in site.archive.notices if n.parsed.measures]
    head = ["Theme"] + [a(url, urls.notice(n.id), n.meta["short_title"]) for n in notices]
    rows = []
    for theme in site.archive.registry.themes:
        cells = [a(url, urls.theme(theme.id), theme.name)]
        for n in notices:
            count = sum(theme.id in m.themes for m in n.parsed.measures)
            share = count / len(n.parsed.measures)
            level = 0 if count == 0 else min(4, 1 + int(share * 8))
            label = f"{count} of {len(n.parsed.measures)} measures" if count else "none"
            cells.append(
                f'<span class="heat heat-{level}" title="{e(label)}">{count or "·"}<span class="visually-hidden"> {e(label)}</span></span>'
            )
        rows.append(cells)
    return table(
        head, rows, cls="coverage", caption="Measures per theme and notice (darker: a larger share of the notice)"
    )
