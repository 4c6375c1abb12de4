"""Validate: checks across stages that no single stage can make on its own."""

from __future__ import annotations

import functools
from collections import defaultdict

from tools import urls
from tools.agencies import all_names, match_key
from tools.models import Agency, Archive, Notice, Problem, Registry
from tools.parse import normalise


def check_archive(archive: Archive) -> list[Problem]:
    problems: list[Problem] = []
    ids = {n.id for n in archive.notices}
    for notice in archive.notices:
        problems += expected_counts(notice)
        problems += relations(notice, ids)
        problems += evidence(notice)
    problems += alias_collisions(archive.registry)
    problems += unknown_jurisdictions(archive)
    if not archive.errors:  # a broken registry would make every URL look lost
        problems += permalinks(archive)
    problems += registry_notice_lists(archive)
    problems += progress_records(archive)
    return problems


def progress_records(archive: Archive) -> list[Problem]:
    """Each progress record is about a target of the archive, and a quote from an archived
    notice is in that notice's text."""
    import difflib

    targets = {t.id for n in archive.notices for t in n.targets}
    texts = {n.id: n.files.text for n in archive.notices}
    out = []
    for update in archive.progress:
        if update.target not in targets:
            close = difflib.get_close_matches(update.target, sorted(targets), n=3, cutoff=0.5)
            hint = f"did you mean {' or '.join(close)}?" if close else "see the targets' ids in data/targets.json"
            out.append(
                Problem(
                    update.path,
                    1,
                    f"{update.target!r} is not a target of the archive; name the file after a target's id ({hint})",
                )
            )
        if update.source_notice and update.source_notice not in texts:
            out.append(
                Problem(update.path, update.line, f"source notice {update.source_notice!r} is not in the archive")
            )
        elif update.source_notice and normalise(update.quote) not in normalised(texts[update.source_notice]):
            out.append(
                Problem(
                    update.path,
                    update.quote_line,
                    f"the quote does not occur in {update.source_notice}'s text; quote the notice exactly",
                )
            )
    return out


def _meta_path(notice: Notice) -> str:
    return f"{notice.files.folder}/notice.yaml"


def expected_counts(notice: Notice) -> list[Problem]:
    expected = (notice.meta.get("parsing") or {}).get("expect_measures")
    got = len(notice.parsed.measures)
    if expected is None or expected == got:
        return []
    line = notice.files.meta_lines.get("parsing/expect_measures", 1)
    return [
        Problem(
            _meta_path(notice),
            line,
            f"the parser found {got} measures but expect_measures says {expected}; "
            "run `policy-archive outline` on source.txt to see what it read",
        )
    ]


def relations(notice: Notice, ids: set[str]) -> list[Problem]:
    out = []
    for i, rel in enumerate(notice.meta.get("relations") or []):
        target = rel.get("notice")
        if target and target not in ids:
            line = notice.files.meta_lines.get(f"relations/{i}/notice", 1)
            out.append(
                Problem(
                    _meta_path(notice),
                    line,
                    f"relation points to unknown notice {target!r}; use a folder name under corpus/notices/",
                )
            )
        if target == notice.id:
            line = notice.files.meta_lines.get(f"relations/{i}/notice", 1)
            out.append(Problem(_meta_path(notice), line, "a notice cannot relate to itself"))
    return out


@functools.lru_cache(maxsize=1024)
def normalised(text: str) -> str:
    """A notice's whole text, normalised (remembered: several checks search the same text)."""
    return normalise(text)


def evidence(notice: Notice) -> list[Problem]:
    """Facts marked as stated by the text must be found in the text."""
    text = normalised(notice.files.text)
    out = []
    claims = [
        (f"dates/{name}/evidence", entry.get("evidence"))
        for name, entry in (notice.meta.get("dates") or {}).items()
        if isinstance(entry, dict) and entry.get("source") == "text"
    ]
    claims.append(("period/evidence", (notice.meta.get("period") or {}).get("evidence")))
    claims.append(("document_number", notice.meta.get("document_number")))
    for key, quote in claims:
        if isinstance(quote, str) and normalise(quote) not in text:
            line = notice.files.meta_lines.get(key, 1)
            out.append(
                Problem(_meta_path(notice), line, f"{quote!r} does not occur in source.txt; quote the text exactly")
            )
    return out


def alias_collisions(registry: Registry) -> list[Problem]:
    """One spelling must not name two agencies that a notice could both see."""
    owners: dict[str, list[Agency]] = defaultdict(list)
    for agency in registry.agencies:
        for name in {match_key(n) for n in all_names(agency)}:
            owners[name].append(agency)
    out = []
    for name, group in sorted(owners.items()):
        for a in group:
            for b in group:
                if a.id < b.id and (
                    registry.within(a.jurisdiction, b.jurisdiction) or registry.within(b.jurisdiction, a.jurisdiction)
                ):
                    out.append(
                        Problem(
                            registry.agencies_path, b.line, f"{name!r} names both {a.id} and {b.id}; keep it on one"
                        )
                    )
    return out


def unknown_jurisdictions(archive: Archive) -> list[Problem]:
    """Every notice and agency names a jurisdiction of corpus/jurisdictions.yaml."""
    reg = archive.registry
    known = sorted(j.id for j in reg.jurisdictions)
    hint = f"use one of {', '.join(known)}, or add it to {reg.jurisdictions_path}"
    out = [
        Problem(
            _meta_path(n),
            n.files.meta_lines.get("jurisdiction", 1),
            f"jurisdiction {n.meta['jurisdiction']!r} is not in {reg.jurisdictions_path}; {hint}",
        )
        for n in archive.notices
        if n.meta.get("jurisdiction") not in known
    ]
    out += [
        Problem(reg.agencies_path, a.line, f"{a.id}: jurisdiction {a.jurisdiction!r} is unknown; {hint}")
        for a in reg.agencies
        if a.jurisdiction not in known
    ]
    return out


def registry_notice_lists(archive: Archive) -> list[Problem]:
    """The registry's `notices` lists should say which notices name each agency."""
    named: dict[str, set[str]] = defaultdict(set)
    for notice in archive.notices:
        for ref in notice.issuers:
            named[ref.agency].add(notice.id)
        for measure in notice.parsed.measures:
            for ref in measure.agencies:
                named[ref.agency].add(notice.id)
    out = []
    for agency in archive.registry.agencies:
        want, have = sorted(named[agency.id]), sorted(agency.notices)
        if want != have:
            out.append(
                Problem(
                    archive.registry.agencies_path,
                    agency.line,
                    f"{agency.id}: notices should be [{', '.join(want)}] (listed: [{', '.join(have)}])",
                    "warning",
                )
            )
    return out


def current_urls(archive: Archive) -> list[str]:
    return urls.published(
        {n.id: [m.id for m in n.parsed.measures] + [p.id for p in n.parsed.back_parts()] for n in archive.notices},
        [a.id for a in archive.registry.agencies],
        [t.id for n in archive.notices for t in n.targets],
        [t.id for t in archive.registry.themes],
        {n.id: [v["id"] for v in n.meta.get("versions") or []] for n in archive.notices},
        {n.id: {lang: [m.id for m in n.parsed.measures] for lang in n.translations} for n in archive.notices},
        [k.id for k in archive.registry.target_kinds],
    )


def permalinks(archive: Archive) -> list[Problem]:
    """A published URL never dies: each locked URL is still built, or redirects to one that is."""
    reg = archive.registry
    if not archive.notices:
        return []
    built = set(current_urls(archive))
    out = []
    for url, line in reg.locked_urls:
        if url not in built and url not in reg.redirects:
            out.append(
                Problem(
                    reg.lock_path,
                    line,
                    f"published URL {url} would disappear; keep its id, or add `{url}: <new url>` "
                    f"under redirects: in {reg.redirects_path}",
                )
            )
    for old, (new, line) in reg.redirects.items():
        if new not in built:
            out.append(
                Problem(reg.redirects_path, line, f"redirect target {new} is not a page of the site; fix the target")
            )
        if old in built:
            out.append(
                Problem(
                    reg.redirects_path, line, f"{old} is still a page; a redirect would hide it, remove the redirect"
                )
            )
    locked = {u for u, _ in reg.locked_urls}
    new_urls = [u for u in current_urls(archive) if u not in locked]
    if reg.locked_urls and new_urls:
        out.append(
            Problem(
                reg.lock_path,
                len(reg.locked_urls),
                f"{len(new_urls)} new URL(s) not yet in the lock (first: {new_urls[0]}); "
                "run `policy-archive lock` to publish them",
                "warning",
            )
        )
    return out
