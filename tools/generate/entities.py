"""Agency, target and theme pages, and their index pages (data for the templates)."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta
from typing import Any

from tools import follow, urls
from tools.generate.context import ROLE_TITLES, Site
from tools.generate.templates import render
from tools.models import Agency, Measure, Notice, Target, TargetKind, Theme, Update

# Pages that list measures should rank below the measures they list.
LISTING_WEIGHT = "0.3"


def agency_page(site: Site, agency: Agency) -> str:
    url = urls.agency(agency.id)
    by_notice = site.measures_by_agency().get(agency.id, {})
    total = {role: sum(len(v.get(role, [])) for v in by_notice.values()) for role in ROLE_TITLES}
    summary = ", ".join(f"{ROLE_TITLES[r].lower()} {c} measure{'s' * (c != 1)}" for r, c in total.items() if c)
    names = [{"name": x, "lang": None} for x in agency.aliases]
    names += [{"name": x, "lang": "zh"} for x in ([agency.name_zh] if agency.name_zh else [])]
    names += [{"name": x, "lang": "zh"} for x in agency.aliases_zh]
    return render(
        "agency.md.j2",
        url=url,
        site=site,
        agency=agency,
        # Filtered under the jurisdiction's name and those above it, as notice pages are.
        jurisdictions=[j["name"] for j in site.jurisdiction_path(agency.jurisdiction)],
        weight=LISTING_WEIGHT,
        names=names,
        issued=[(n, r.role) for n in site.archive.notices for r in n.issuers if r.agency == agency.id],
        summary=summary.capitalize(),
        by_notice=[
            (notice_id, [(role, roles[role]) for role in ROLE_TITLES if role in roles])
            for notice_id, roles in by_notice.items()
        ],
        role_titles=ROLE_TITLES,
    )


def agencies_index(site: Site) -> str:
    by_agency = site.measures_by_agency()
    groups: dict[str, list[Agency]] = defaultdict(list)
    for agency in site.archive.registry.agencies:
        groups[agency.jurisdiction].append(agency)
    out = []
    order = {j: i for i, (j, _) in enumerate(site.jurisdiction_tree(every=True))}
    for jurisdiction in sorted(groups, key=lambda j: (order.get(j, len(order)), j)):  # as the tree lists them
        rows = []
        for agency in sorted(groups[jurisdiction], key=lambda x: x.name):
            roles = by_agency.get(agency.id, {})
            counts = {r: sum(len(v.get(r, [])) for v in roles.values()) for r in ROLE_TITLES}
            rows.append({"agency": agency, "counts": counts, "notices": len(roles)})
        path = site.jurisdiction_path(jurisdiction)
        out.append({"name": " › ".join(j["name"] for j in path), "anchor": path[-1]["anchor"], "rows": rows})
    return render("agencies.md.j2", url="agencies/", site=site, groups=out, role_titles=ROLE_TITLES)


def target_page(site: Site, t: Target) -> str:
    url = urls.target(t.id)
    title = site.target_label(t)
    before, found, after = t.sentence.partition(t.as_written)
    if not found:
        before, after = t.sentence, ""
    measure = site.measures.get(f"{t.notice}/{t.measure}") if t.measure else None
    responsible = site.agencies_of(measure, "lead") + site.agencies_of(measure, "responsible") if measure else []
    if t.agency and site.agencies[t.agency] not in responsible:
        responsible.append(site.agencies[t.agency])
    notice = site.notices[t.notice]
    updates = [u for u in site.archive.progress if u.target == t.id]
    return render(
        "target.md.j2",
        url=url,
        site=site,
        t=t,
        title=title,
        notice=notice,
        jurisdictions=[j["name"] for j in site.jurisdiction_path(notice.meta["jurisdiction"])],
        before=before,
        marked=found,
        after=after,
        responsible=responsible,
        due_how=DUE_HOW.get(t.due_source or "", ""),
        status_meaning=status_meaning(t, notice),
        period=notice.meta.get("period"),
        updates=updates,
        outcomes=OUTCOMES,
        timeline=_timeline(site, t, notice, updates),
    )


DUE_HOW = {
    "stated": "the date the text gives",
    "counted": "counted from the notice's own date",
    "year": "the end of the year the text gives",
    "period": "no deadline of its own: the end of its plan's period",
    "event": "counted from the event it follows, dated by the progress record of the duty that produced it",
}


def status_meaning(t: Target, notice: Notice) -> str:
    """What the status says of this target, in a sentence."""
    if t.status == "met":
        if t.due is None:
            return "a report shows it was done; with no due date known, no claim is made that it was on time"
        if t.days_late is None:
            return f"a report shows it was done in {t.met_on}, a month that runs past its due date: on time or not is not known"
        when = "on or before its due date" if t.days_late == 0 else f"{t.days_late} days after its due date"
        return f"a report shows it was done on {t.met_on}, {when}"
    if t.status == "no-date" and t.deadline:
        return (
            f"its deadline (“{t.deadline}”) gives no date the archive can count yet: "
            "it runs from an event whose date is not known here"
        )
    if t.status == "no-date":
        return "the text sets it no deadline"
    if t.status == "void" and notice.meta.get("revoked"):
        return f"its notice was revoked or replaced on {notice.meta['revoked']['date']}, before it fell due"
    return follow.STATUSES[t.status].meaning


# A progress record's outcome, in words.
OUTCOMES = {"met": "met", "partly-met": "partly met", "missed": "missed", "progress": "progress"}


def _timeline(site: Site, t: Target, notice: Notice, updates: list[Update]) -> list[dict[str, str]]:
    """Stated, each update, due (and revoked), in date order."""
    from tools.follow import anchor_date

    steps = []
    stated = anchor_date(notice)
    if stated:
        steps.append({"date": stated, "kind": "stated", "label": "Stated", "text": notice.meta["short_title"]})
    steps += [
        {
            "date": u.date,
            "kind": u.outcome,
            "label": OUTCOMES[u.outcome].capitalize(),
            "text": u.source_title or (site.notices[u.source_notice].meta["short_title"] if u.source_notice else ""),
        }
        for u in updates
    ]
    revoked = notice.meta.get("revoked")
    if revoked:
        steps.append({"date": revoked["date"], "kind": "void", "label": "Notice revoked", "text": revoked["by"]})
    if t.due:
        steps.append({"date": t.due, "kind": "due", "label": "Due", "text": DUE_HOW.get(t.due_source or "", "")})
    steps.append(
        {"date": site.as_of, "kind": "today", "label": "Status as of this archive", "text": follow.status_label(t)}
    )
    return sorted(steps, key=lambda s: (s["date"], s["kind"] == "today"))


def targets_index(site: Site) -> str:
    targets = [t for n in site.archive.notices for t in n.targets]
    rows = []
    for t in targets:
        m = site.measures.get(f"{t.notice}/{t.measure}") if t.measure else None
        names = [x.name for x in site.agencies_of(m, "lead") + site.agencies_of(m, "responsible")] if m else []
        if t.agency and site.agencies[t.agency].name not in names:
            names.append(site.agencies[t.agency].name)
        jurisdictions = site.jurisdiction_ids(site.notices[t.notice].meta["jurisdiction"])
        rows.append({"target": t, "responsible": ", ".join(names), "jurisdictions": jurisdictions})
    horizon = (date.fromisoformat(site.as_of) + timedelta(days=365)).isoformat()
    by_kind = [(k, site.targets_of_kind(k.id)) for k in site.archive.registry.target_kinds]
    totals = [_total_row(site, r) for r in follow.totals(site.archive)]
    with_updates = {u.target for u in site.archive.progress}
    return render(
        "targets.md.j2",
        url="targets/",
        site=site,
        targets=targets,
        rows=rows,
        statuses=list(follow.STATUSES.values()),
        counts=Counter(t.status for t in targets),
        evidenced=sorted(
            (t for t in targets if t.id in with_updates),
            key=lambda t: (DECIDED.get(t.status, 9), t.due or "9999", t.id),
        ),
        no_report=sorted((t for t in targets if t.status == "no-report"), key=lambda t: t.due or "", reverse=True),
        upcoming=sorted(
            (t for t in targets if t.status == "open" and t.due and t.due <= horizon), key=lambda t: t.due or ""
        ),
        horizon=horizon,
        filter_values={
            "status": [s for s in follow.STATUSES.values() if any(t.status == s.id for t in targets)],
            "kind": [{"id": k.id, "name": k.name} for k, group in by_kind if group],
            "jurisdiction": [
                {"id": j, "name": "— " * depth + site.jurisdiction_path(j)[-1]["name"]}
                for j, depth in site.jurisdiction_tree()
            ],
            "year": [*sorted({t.due[:4] for t in targets if t.due}), "none"],
        },
        totals=totals,
        total_groups=_chart_groups(site, totals),
        by_kind=by_kind,
    )


def target_kind_page(site: Site, kind: TargetKind) -> str:
    """The targets of one kind, in the notices' order: a list to link to, which reads without
    scripts (the ledger on the targets page filters by kind in the browser)."""
    return render(
        "target_kind.md.j2",
        url=urls.target_kind(kind.id),
        site=site,
        kind=kind,
        targets=site.targets_of_kind(kind.id),
        total=sum(len(n.targets) for n in site.archive.notices),
        weight=LISTING_WEIGHT,
    )


# Targets with evidence: those it decides first, in the order of the statuses.
DECIDED = {s: i for i, s in enumerate(follow.STATUSES)}


def _total_row(site: Site, total: follow.Total) -> dict[str, Any]:
    name = site.jurisdiction_path(total.jurisdiction)[-1]["name"]
    notes = []
    if total.includes:
        names = ", ".join(site.jurisdiction_path(j)[-1]["name"] for j in total.includes)
        name = f"{name}, all levels"
        notes.append(f"adds up the targets of {names}")
    if total.leaves_out:
        left = ", ".join(site.jurisdiction_path(j)[-1]["name"] for j in total.leaves_out)
        notes.append(f"leaves out {left}: their targets are part of their parent's")
    if total.restated:
        notes.append(f"{len(total.restated)} restated target(s) counted once")
    return {
        "kind": total.kind,
        "name": name,
        "year": total.year,
        "value": total.value,
        "shown": f"{total.value:,.0f}",
        "unit": total.unit,
        "count": len(total.targets),
        "note": "; ".join(notes),
        "includes": total.includes,
    }


def _chart_groups(site: Site, totals: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Bars per unit, for the jurisdictions' own totals (roll-ups are in the table)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in totals:
        if not row["includes"]:
            groups.setdefault(row["unit"], []).append(row)
    out = []
    for unit, rows in sorted(groups.items()):
        top = max(r["value"] for r in rows) or 1
        bars = [
            {
                "label": f"{site.kinds[r['kind']]} · {r['name']} · {r['year'] or 'no deadline'}"[:64],
                "width": f"{max(1.0, 280 * r['value'] / top):.1f}",
                "value_x": f"{386 + max(1.0, 280 * r['value'] / top):.1f}",
                "shown": r["shown"],
            }
            for r in rows
        ]
        out.append((unit, bars))
    return out


def theme_page(site: Site, theme: Theme) -> str:
    columns = []
    for notice in site.archive.notices:
        measures = [m for m in notice.parsed.measures if theme.id in m.themes]
        if measures:
            columns.append({"notice": notice, "measures": [{"measure": m, "gist": _gist(m)} for m in measures]})
    return render(
        "theme.md.j2", url=urls.theme(theme.id), site=site, theme=theme, weight=LISTING_WEIGHT, columns=columns
    )


def _gist(m: Measure) -> str:
    """The first sentence of a measure after its number and title, as printed."""
    first = m.paragraphs[0].strip() if m.paragraphs else ""
    number = m.number.strip()
    body = (first[len(number) :] if first.startswith(number) else first).strip()
    if m.title and body.startswith(m.title):
        body = body[len(m.title) :].lstrip(" .。")
    cut = min((i for i in (body.find(". "), body.find("。")) if i > 0), default=-1)
    return body[: cut + 1] if 0 < cut < 220 else body[:220] + ("…" if len(body) > 220 else "")


def themes_index(site: Site) -> str:
    return render("themes.md.j2", url="themes/", site=site, grid=coverage_grid(site))


def coverage_grid(site: Site) -> dict[str, Any]:
    """Themes × notices: how many measures of each notice touch each theme (computed once)."""
    if site.coverage is None:
        site.coverage = _coverage(site)
    return site.coverage


def theme_summary(site: Site) -> list[dict[str, Any]]:
    """Per theme, how many notices and measures touch it: the grid's rows summed, a row per theme
    however many notices there are (the home page's; the grid itself is on Themes and Compare)."""
    return [
        {
            "theme": row["theme"],
            "notices": sum(1 for c in row["cells"] if c["count"]),
            "measures": sum(c["count"] for c in row["cells"]),
        }
        for row in coverage_grid(site)["rows"]
    ]


def _coverage(site: Site) -> dict[str, Any]:
    notices: list[Notice] = [n for n in site.archive.notices if n.parsed.measures]
    counts = {n.id: Counter(t for m in n.parsed.measures for t in m.themes) for n in notices}
    rows = []
    for theme in site.archive.registry.themes:
        cells = []
        for n in notices:
            count = counts[n.id][theme.id]
            share = count / len(n.parsed.measures)
            cells.append(
                {
                    "notice": n.meta["short_title"],
                    "count": count,
                    "level": 0 if count == 0 else min(4, 1 + int(share * 8)),
                    "label": f"{count} of {len(n.parsed.measures)} measures" if count else "none",
                }
            )
        rows.append({"theme": theme, "cells": cells})
    return {"notices": [{"id": n.id, "short_title": n.meta["short_title"]} for n in notices], "rows": rows}
