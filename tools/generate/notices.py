"""Notice pages (metadata, full text with an anchor on every measure) and measure pages."""

from __future__ import annotations

from collections.abc import Sequence

from tools import urls
from tools.generate.context import Site
from tools.generate.markup import a, block, e, filters, front_matter, md, meta, rel, table
from tools.models import Measure, Node, Notice, Target

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
}


def split_heading_line(raw: str, number: str, title: str | None) -> str:
    """What follows a measure's number and title on its first line (shown under its heading)."""
    rest = raw.strip()
    if rest.startswith(number.strip()):
        rest = rest[len(number.strip()) :].lstrip()
    if title and rest.startswith(title):
        rest = rest[len(title) :].lstrip(" .。")
    return rest


def paragraphs_html(first_line: str, rest: list[str]) -> str:
    lead = f"<p>{e(first_line)}</p>" if first_line else ""
    return lead + "".join(f"<p>{e(p)}</p>" for p in rest)


def _measure_body(m: Measure) -> str:
    first = split_heading_line(m.paragraphs[0], m.number, m.title) if m.paragraphs else ""
    return paragraphs_html(first, m.paragraphs[1:])


def _dates(site: Site, n: Notice) -> list[tuple[str, str]]:
    rows = []
    for name, entry in (n.meta.get("dates") or {}).items():
        if entry["source"] == "text":
            how = f"stated in the text: “{e(entry['evidence'])}”"
        else:
            how = "public record" + (f": {e(entry['note'])}" if entry.get("note") else "")
        rows.append((name.replace("_", " ").capitalize(), f"<time>{e(entry['date'])}</time> <small>({how})</small>"))
    return rows


def metadata_panel(site: Site, n: Notice) -> str:
    url = urls.notice(n.id)
    rec = site.notice_records[n.id]
    meta_ = n.meta
    issuers = ", ".join(
        a(url, urls.agency(r.agency), site.agencies[r.agency].name) for r in n.issuers if r.role == "issuer"
    )
    drafters = ", ".join(
        a(url, urls.agency(r.agency), site.agencies[r.agency].name) for r in n.issuers if r.role == "drafter"
    )
    rows: list[tuple[str, str]] = [("Issued by", issuers or "—")]
    if drafters:
        rows.append(("Drafted by", drafters))
    rows += [
        ("Jurisdiction", f"{e(meta_['jurisdiction'])} ({e(meta_['level'])})"),
        ("Kind", e(meta_["kind"].replace("-", " "))),
    ]
    if meta_.get("document_number"):
        rows.append(("Document number", e(meta_["document_number"])))
    rows += _dates(site, n)
    if meta_.get("period"):
        p = meta_["period"]
        rows.append(("Plan period", f"{p['start']}–{p['end']}"))
    rows.append(("Status", f"{e(rec['status'])} <small>(as of {e(rec['status_as_of'])})</small>"))
    tr = meta_["translation"]
    rows.append(("Translation", e(tr["status"]) + (f" <small>— {e(tr['note'])}</small>" if tr.get("note") else "")))
    src = meta_["source"]
    source = e(src.get("publisher", ""))
    if src.get("url"):
        source += f' — <a href="{e(src["url"])}" rel="noopener">{e(src["url"])}</a>'
    source += f"<br><small>Received as {e(src['received_as'])}, retrieved {e(src['retrieved'])}."
    source += f" {e(src['note'])}</small>" if src.get("note") else "</small>"
    rows.append(("Source", source))
    rows.append(
        (
            "Checksum",
            f'<code class="sha">sha256:{e(meta_["sha256"])}</code> '
            f'<a href="{e(rel(url, url + "source.txt"))}" download>source.txt</a>',
        )
    )
    if meta_.get("notes"):
        rows.append(("Note", e(meta_["notes"])))
    if meta_.get("versions"):
        links = [
            a(url, urls.version(n.id, v["id"]), f"version of {v['id']}")
            + (f" <small>({e(v['note'])})</small>" if v.get("note") else "")
            for v in meta_["versions"]
        ]
        rows.append(("Earlier versions", "<br>".join(links)))
    counts = rec["counts"]
    rows.append(
        (
            "In this archive",
            f"{counts['measures']} measures · {counts['agencies']} agencies · {counts['targets']} targets",
        )
    )
    items = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return f'<section class="notice-meta" aria-label="About this notice"><dl>{items}</dl></section>'


def relations_html(site: Site, n: Notice) -> str:
    rels = site.notice_records[n.id]["relations"]
    if not rels:
        return ""
    url = urls.notice(n.id)
    items = []
    for r in rels:
        label = r["type"].replace("-", " ")
        target = (
            a(url, urls.notice(r["notice"]), site.notices[r["notice"]].meta["title"])
            if r.get("notice")
            else e(r["title"])
        )
        note = f" <small>({e(r['note'])})</small>" if r.get("note") else ""
        items.append(f"<li><strong>{e(label.capitalize())}</strong>: {target}{note}</li>")
    return "## Related notices\n" + block(f'<ul class="relations">{"".join(items)}</ul>')


def _node_markdown(site: Site, n: Notice, node: Node, depth: int) -> str:
    url = urls.notice(n.id)
    level = "#" * min(depth + 2, 6)
    if node.is_measure:
        m = site.measures[f"{n.id}/{node.id}"]
        label = site.measure_label(m)
        out = f"{level} {md(label)} {{#{node.id} .measure-heading}}\n"
        resp = site.agencies_of(m, "responsible")
        links = f'<a class="measure-link" href="{e(rel(url, urls.measure(n.id, m.id)))}">Measure page</a>'
        agencies = (
            '<p class="responsible">Responsible: ' + ", ".join(a(url, urls.agency(x.id), x.name) for x in resp) + "</p>"
            if resp
            else ""
        )
        return out + block(
            f'<div class="measure" data-pagefind-ignore>{_measure_body(m)}{agencies}<p>{links}</p></div>'
        )
    title = f"{node.numbering.printed.strip()} {node.title}" if node.title else node.numbering.printed
    out = f"{level} {md(title)} {{#{node.id}}}\n"
    first = split_heading_line(node.paragraphs[0].raw, node.numbering.printed, node.title) if node.paragraphs else ""
    own = paragraphs_html(first, [p.raw for p in node.paragraphs[1:]])
    if own:
        out += block(f'<div class="part-text">{own}</div>')
    return out + "".join(_node_markdown(site, n, child, depth + 1) for child in node.children)


def notice_page(site: Site, n: Notice) -> str:
    url = urls.notice(n.id)
    rec = site.notice_records[n.id]
    out = front_matter(n.meta["short_title"], n.meta["title"])
    out += f"# {md(n.meta['title'])}\n"
    out += block(notice_filters(n, "notice") + meta(title=n.meta["short_title"]))
    out += block(metadata_panel(site, n))
    out += relations_html(site, n)
    if rec["themes"]:
        chips = "".join(f"<li>{a(url, urls.theme(t), site.themes[t].name)}</li>" for t in rec["themes"])
        out += "## Themes\n" + block(f'<ul class="chips">{chips}</ul>')
    if n.targets:
        out += "## Targets\n" + block(targets_table(site, url, n.targets, show_notice=False))
    out += "## Full text\n"
    out += block(
        '<p class="text-note">The text exactly as received. Each measure has an anchor (its id) and a page of its own.</p>'
    )
    for fm in n.parsed.front_matter:
        role = ROLE_LABELS.get(fm.role, fm.role)
        out += block(
            f'<div class="front-matter front-{e(fm.role)}"><span class="role">{e(role)}</span><p>{e(fm.line.raw)}</p></div>'
        )
    out += "".join(_node_markdown(site, n, node, 1) for node in n.parsed.nodes)
    for fm in n.parsed.back_matter:
        out += block(
            f'<div class="front-matter"><span class="role">{e(ROLE_LABELS.get(fm.role, fm.role))}</span><p>{e(fm.line.raw)}</p></div>'
        )
    agencies = _involved_agencies(site, n)
    if agencies:
        out += "## Agencies involved\n" + block(agencies)
    return out


def notice_filters(n: Notice, page_type: str, **more: str | list[str]) -> str:
    """Pagefind filters for a page of a notice: its notice, jurisdiction, level, kind and years."""
    return filters(
        type=page_type,
        notice=n.meta["short_title"],
        jurisdiction=n.meta["jurisdiction"],
        level=n.meta["level"],
        kind=n.meta["kind"],
        year=_years(n),
        **more,
    )


def _years(n: Notice) -> list[str]:
    years = {v["date"][:4] for v in (n.meta.get("dates") or {}).values()}
    if n.meta.get("period"):
        years |= {str(y) for y in range(n.meta["period"]["start"], n.meta["period"]["end"] + 1)}
    return sorted(years)


def _involved_agencies(site: Site, n: Notice) -> str:
    url = urls.notice(n.id)
    counts: dict[str, dict[str, int]] = {}
    for m in n.parsed.measures:
        for ref in m.agencies:
            counts.setdefault(ref.agency, {}).setdefault(ref.role, 0)
            counts[ref.agency][ref.role] += 1
    rows = [
        [a(url, urls.agency(aid), site.agencies[aid].name)]
        + [str(c.get(r, "")) for r in ("responsible", "assigned", "mentioned")]
        for aid, c in sorted(counts.items(), key=lambda kv: (-sum(kv[1].values()), site.agencies[kv[0]].name))
    ]
    return table(["Agency", "Responsible for", "Assigned duties in", "Mentioned in"], rows) if rows else ""


def targets_table(site: Site, from_url: str, targets: Sequence[Target], show_notice: bool = True) -> str:
    rows = []
    for t in targets:
        where = (
            a(from_url, urls.measure(t.notice, t.measure), site.measures[f"{t.notice}/{t.measure}"].number.strip())
            if t.measure
            else a(from_url, urls.notice(t.notice) + "#" + (t.part or ""), f"part {t.part}")
        )
        row = [
            a(from_url, urls.target(t.id), format_value(t)),
            e(t.counted),
            e(t.deadline or "") + (f" <small>({e(t.frequency)})</small>" if t.frequency else ""),
            e(site.kinds.get(t.kind, t.kind)),
        ]
        if show_notice:
            row.append(a(from_url, urls.notice(t.notice), site.short(t.notice)))
        row.append(where)
        rows.append(row)
    headers = ["Target", "What is counted", "By when", "Kind"] + (["Notice"] if show_notice else []) + ["Where"]
    return table(headers, rows, cls="targets")


def format_value(t: Target) -> str:
    def num(v: float) -> str:
        if t.scale:
            from tools.regexes import SCALES

            return f"{v / SCALES[t.scale]:g} {t.scale}"
        return f"{v:,.0f}" if v >= 1000 else f"{v:g}"

    value = num(t.value) + (f"–{num(t.value_max)}" if t.value_max is not None else "")
    qual = {
        "over": "over ",
        "at least": "at least ",
        "around": "around ",
        "up to": "up to ",
        "in total": "",
        "range": "",
    }
    unit = "" if t.unit == "count" else f" {t.unit}"
    return f"{qual.get(t.qualifier or '', '')}{value}{unit}"


def measure_page(site: Site, n: Notice, m: Measure, prev: Measure | None, nxt: Measure | None) -> str:
    url = urls.measure(n.id, m.id)
    label = site.measure_label(m)
    out = front_matter(f"{label} · {n.meta['short_title']}", _excerpt(m))
    crumbs = [a(url, "", "Home"), a(url, "notices/", "Notices"), a(url, urls.notice(n.id), n.meta["short_title"])]
    for node_id in m.path:
        node = site.nodes[f"{n.id}/{node_id}"]
        text = f"{node.numbering.printed.strip()} {node.title or ''}".strip()
        crumbs.append(a(url, urls.notice(n.id) + "#" + node_id, text))
    out += block(
        '<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>'
        + "".join(f"<li>{c}</li>" for c in crumbs)
        + "</ol></nav>"
    )
    out += f"# {md(label)}\n"
    themes = [site.themes[t].name for t in m.themes]
    agencies = [site.agencies[r.agency].name for r in m.agencies]
    out += block(
        notice_filters(n, "measure", theme=themes, agency=agencies)
        + meta(title=f"{n.meta['short_title']} · {label}", notice=n.meta["short_title"], number=m.number.strip())
    )
    out += block(
        f'<p class="measure-of">{e(site.citation(m))} · {a(url, urls.measure_anchor(n.id, m.id), "in the full text")}</p>'
    )
    out += block(f'<div class="measure-text">{_measure_body(m)}</div>')
    out += _agency_sections(site, url, m)
    targets = [site.targets[t] for t in m.targets]
    if targets:
        out += "## Targets\n" + block(targets_table(site, url, targets, show_notice=False))
    if m.themes:
        chips = "".join(f"<li>{a(url, urls.theme(t), site.themes[t].name)}</li>" for t in m.themes)
        out += "## Themes\n" + block(f'<ul class="chips">{chips}</ul>')
    out += "## Cite this measure\n" + block(_cite(site, m, url))
    out += _related(site, url, m)
    out += block(_prev_next(site, url, prev, nxt))
    return out


def _excerpt(m: Measure) -> str:
    body = split_heading_line(m.paragraphs[0], m.number, m.title) if m.paragraphs else ""
    return body[:200]


def _agency_sections(site: Site, url: str, m: Measure) -> str:
    out = ""
    for role, heading in (
        ("responsible", "Responsible agencies"),
        ("assigned", "Agencies given duties"),
        ("mentioned", "Agencies mentioned"),
    ):
        group = site.agencies_of(m, role)
        if group:
            items = "".join(
                f"<li>{a(url, urls.agency(x.id), x.name)}{' <small>(a group of units)</small>' if x.collective else ''}</li>"
                for x in group
            )
            out += f"## {heading}\n" + block(f"<ul>{items}</ul>")
    if m.responsible_clauses:
        written = "".join(f"<li><q>{e(c.raw)}</q></li>" for c in m.responsible_clauses)
        out += block(
            f'<details class="as-written"><summary>As written in the notice</summary><ul>{written}</ul></details>'
        )
    return out


def _cite(site: Site, m: Measure, url: str) -> str:
    citation = f"{site.citation(m)}. AI Policy Archive."
    return (
        f'<div class="cite" data-permalink="{e(url)}">'
        f'<p class="citation"><span class="citation-text">{e(citation)}</span> <span class="permalink">{e(url)}</span></p>'
        f'<p><button type="button" class="md-button copy-link" data-copy="link">Copy link</button> '
        f'<button type="button" class="md-button copy-link" data-copy="citation">Copy citation</button> '
        f'<span class="copy-status" role="status" aria-live="polite"></span></p></div>'
    )


def _related(site: Site, url: str, m: Measure) -> str:
    rel_ = site.related.get(f"{m.notice}/{m.id}", [])
    if not rel_:
        return ""
    items = []
    for key, score in rel_:
        other = site.measures[key]
        items.append(
            f"<li>{a(url, urls.measure(other.notice, other.id), site.measure_label(other))} "
            f"<small>— {e(site.short(other.notice))} (similarity {score:.2f})</small></li>"
        )
    return "## Related measures in other notices\n" + block(f'<ul class="related">{"".join(items)}</ul>')


def _prev_next(site: Site, url: str, prev: Measure | None, nxt: Measure | None) -> str:
    parts = []
    if prev:
        parts.append(
            f'<a rel="prev" href="{e(rel(url, urls.measure(prev.notice, prev.id)))}">← {e(site.measure_label(prev))}</a>'
        )
    if nxt:
        parts.append(
            f'<a rel="next" href="{e(rel(url, urls.measure(nxt.notice, nxt.id)))}">{e(site.measure_label(nxt))} →</a>'
        )
    return f'<nav class="prev-next" aria-label="Previous and next measure">{"".join(parts)}</nav>'
