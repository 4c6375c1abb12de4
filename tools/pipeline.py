"""The pipeline, end to end: corpus folder → ``Archive`` (every stage, every problem)."""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass, field, replace
from pathlib import Path

from tools import agencies, align, targets, themes, validate
from tools.follow import follow
from tools.load import load_corpus, load_notice, load_progress
from tools.models import (
    Agency,
    Archive,
    Jurisdiction,
    Measure,
    Notice,
    NoticeFiles,
    Problem,
    Registry,
    Role,
    TargetKind,
    Theme,
)
from tools.parse import parse_notice
from tools.processes import map_forked


@dataclass
class Kept:
    """A notice as the memo keeps it: its parse, and what tells whether it must be redone."""

    key: str  # its files and the code
    notice: Notice
    problems: list[Problem]
    text: str  # its text and metadata in the form agency names are matched in
    shown: str  # what its pages show that the registry decides: agencies named, themes


@dataclass(frozen=True)
class RegistryChange:
    """What changed in the registry since the memo's last run."""

    agencies: tuple[Agency, ...] = ()  # the old and new entries of agencies added, removed or edited
    themes: frozenset[str] = frozenset()  # themes added, removed or edited
    everything: bool = False  # target kinds or jurisdictions changed, or no earlier run

    def entries(self) -> set[tuple[str, str]]:
        return {("agency", a.id) for a in self.agencies} | {("theme", t) for t in self.themes}


@dataclass
class Memo:
    """What a long-running process (``serve``) keeps between runs of the pipeline: each
    notice's parse by its key (text, metadata, code) and the registry it was made with, so
    that a registry edit redoes only the notices it can touch; and, per notice, a key of what
    its pages show, so it can tell which notices changed."""

    parsed: dict[str, Kept] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    loaded: dict[Path, tuple[tuple[tuple[str, int, int], ...], NoticeFiles | None, list[Problem]]] = field(
        default_factory=dict
    )
    registry: Registry | None = None
    change: RegistryChange = field(default_factory=RegistryChange)

    def load(self, folder: Path) -> tuple[NoticeFiles | None, list[Problem]]:
        """``load_notice``, read again only when a file in the folder changed (size or time)."""
        stamp = tuple(
            sorted((str(p), (st := p.stat()).st_mtime_ns, st.st_size) for p in folder.rglob("*") if p.is_file())
        )
        kept = self.loaded.get(folder)
        if kept is None or kept[0] != stamp:
            kept = self.loaded[folder] = (stamp, *load_notice(folder))
        return kept[1], list(kept[2])

    def changed_since(self, keys: dict[str, str]) -> set[str]:
        """Notices added, removed or changed between ``keys`` (an earlier run's) and the last run."""
        return {i for i in keys.keys() | self.keys.keys() if keys.get(i) != self.keys.get(i)}

    def reuse(self, files: NoticeFiles, key: str, registry: Registry) -> Kept | None:
        """The kept parse of ``files`` if neither they nor a registry entry they may use changed
        (its themes assigned again if themes changed)."""
        kept = self.parsed.get(files.id)
        if not kept or kept.key != key or kept.notice.files.folder != files.folder or self.change.everything:
            return None
        if any(_may_name(kept, agency, registry) for agency in self.change.agencies):
            return None
        if self.change.themes:
            assign_themes(kept.notice.parsed.measures, registry.themes)
            kept.shown = _shown(kept.notice)
        return kept


def build_archive(corpus: Path, cache: Path | None = None, memo: Memo | None = None, jobs: int = 1) -> Archive:
    """Load, parse and enrich every notice. With ``cache`` (a folder) or ``memo`` (in memory),
    a notice is not parsed again when its text, metadata and the code are unchanged since an
    earlier run, and (``cache``) the registry too, or (``memo``) no registry entry it may use.
    Without a memo, ``jobs`` processes parse the notices (each notice is read on its own)."""
    files, registry, problems = load_corpus(corpus, memo.load) if memo else load_corpus(corpus)
    if _registry_unreadable(corpus, problems):
        # Every notice would be read against part of the registry, each unresolved name an error
        # of its own: report what is wrong with the registry, and read no notice (nor remember any).
        return Archive([], registry, problems)
    notices = []
    code = _code_fingerprint()
    registry_key = _registry_key(corpus, code)
    if memo is not None:
        memo.change = registry_change(memo.registry, registry)
    keys, entries = {}, {a.id: _entry(a) for a in registry.agencies}

    def read(notice_files: NoticeFiles) -> tuple[Notice, list[Problem]]:
        return _cached_enrich(notice_files, registry, cache, _notice_key(notice_files, registry_key))

    enriched = dict(zip([f.id for f in files], map_forked(read, files, jobs), strict=True)) if memo is None else {}
    for notice_files in files:
        key = _notice_key(notice_files, code)
        kept = memo.reuse(notice_files, key, registry) if memo else None
        if kept is None:
            notice, errs = enriched.get(notice_files.id) or read(notice_files)
            text = _names_text(notice_files) if memo is not None else ""  # only a memo's next run reads it
            kept = Kept(key, notice, errs, text, _shown(notice))
        if memo is not None:
            memo.parsed[notice_files.id] = kept
        keys[notice_files.id] = _pages_key(kept, entries)
        notices.append(replace(kept.notice))  # later stages set fields of their own copy
        problems += kept.problems
    if memo is not None:
        memo.keys, memo.registry = keys, registry
        memo.parsed = {i: kept for i, kept in memo.parsed.items() if i in keys}
        memo.loaded = {folder: kept for folder, kept in memo.loaded.items() if folder.is_dir()}
    progress, errs = load_progress(corpus)
    archive = follow(Archive(notices, registry, problems + errs, progress))
    archive.problems += validate.check_archive(archive)
    return archive


REGISTRY_FILES = ("agencies.yaml", "themes.yaml", "jurisdictions.yaml")


def _registry_unreadable(corpus: Path, problems: list[Problem]) -> bool:
    files = {str(corpus / name) for name in REGISTRY_FILES}
    return any(p.severity == "error" and p.path in files for p in problems)


def registry_change(old: Registry | None, new: Registry) -> RegistryChange:
    """The entries that differ between two registries (where they sit in the file aside)."""
    if old is None or [_entry(k) for k in old.target_kinds] != [_entry(k) for k in new.target_kinds]:
        return RegistryChange(everything=True)
    if [_entry(j) for j in old.jurisdictions] != [_entry(j) for j in new.jurisdictions]:
        return RegistryChange(everything=True)
    before = {a.id: _entry(a) for a in old.agencies}
    after = {a.id: _entry(a) for a in new.agencies}
    agencies = tuple(a for a in old.agencies if after.get(a.id) != before[a.id])
    agencies += tuple(a for a in new.agencies if before.get(a.id) != after[a.id])
    themes_before = {t.id: _entry(t) for t in old.themes}
    themes_after = {t.id: _entry(t) for t in new.themes}
    themes = {i for i in themes_before.keys() | themes_after.keys() if themes_before.get(i) != themes_after.get(i)}
    if [t.id for t in old.themes if t.id in themes_after] != [t.id for t in new.themes if t.id in themes_before]:
        themes |= themes_after.keys()  # reordered: every theme list is in vocabulary order
    return RegistryChange(agencies, frozenset(themes))


def enrich(files: NoticeFiles, registry: Registry) -> tuple[Notice, list[Problem]]:
    """Parse one notice and resolve its agencies, targets and themes."""
    meta = files.meta
    source_path = f"{files.folder}/source.txt"
    meta_path = f"{files.folder}/notice.yaml"
    titles = [t for t in (meta.get("title"), meta.get("title_zh")) if t]
    parsed = parse_notice(files.id, files.lines, path=source_path, titles=titles, hints=meta.get("parsing"))
    problems = list(parsed.problems)
    index = agencies.AliasIndex.for_jurisdiction(registry.agencies, meta.get("jurisdiction", ""), registry.within)
    problems += agencies.attribute(parsed.measures, parsed.lines, index, source_path)
    issuers = []
    roles: tuple[tuple[str, Role], ...] = (("issuers", "issuer"), ("drafters", "drafter"))
    for key, role in roles:
        names = meta.get(key) or []
        lines = [files.meta_lines.get(f"{key}/{i}", 1) for i in range(len(names))]
        refs, errs = agencies.resolve_names(names, index, role, meta_path, lines)
        issuers += refs
        problems += errs
    extraction = targets.extract(files.id, targets.places(parsed.nodes, parsed.lines), registry.target_kinds)
    problems += targets.unread_problems(extraction.unread, source_path)
    found = targets.with_agencies(extraction.targets, parsed, index)
    by_measure: dict[str, list[str]] = {}
    for target in found:
        if target.measure:
            by_measure.setdefault(target.measure, []).append(target.id)
    for measure in parsed.measures:
        measure.targets = by_measure.get(measure.id, [])
    assign_themes(parsed.measures, registry.themes)
    notice = Notice(files, parsed, issuers, found)
    problems += read_translations(notice)
    return notice, problems


def read_translations(notice: Notice) -> list[Problem]:
    """Parse each translation on its own and pair its units with the original's by their
    printed numbers. Agencies and targets are the original's: a translation adds none."""
    problems: list[Problem] = []
    files = notice.files
    for text in files.translations:
        path = f"{files.folder}/{text.file}"
        titles = [t for t in (text.entry.get("title"), files.meta.get("title")) if t]
        parsed = parse_notice(files.id, text.lines, path=path, titles=titles, hints=text.entry.get("parsing"))
        problems += parsed.problems
        found = align.align(notice.parsed, parsed, f"{files.folder}/source.txt", path)
        problems += found.problems
        notice.translations[text.language] = parsed
        notice.aligned[text.language] = found.pairs
    return problems


def assign_themes(measures: list[Measure], vocabulary: list[Theme]) -> None:
    for measure in measures:
        measure.themes = themes.assign(" ".join([measure.title or "", *measure.paragraphs]), vocabulary)


def _code_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*")):
        if path.suffix in {".py", ".json"}:
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _registry_key(corpus: Path, code: str) -> str:
    digest = hashlib.sha256(code.encode())
    for name in REGISTRY_FILES:
        path = corpus / name
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()


def _notice_key(files: NoticeFiles, salt: str) -> str:
    meta = (Path(files.folder) / "notice.yaml").read_bytes()
    texts = "".join(t.text for t in files.translations)
    return hashlib.sha256(salt.encode() + meta + files.text.encode() + texts.encode()).hexdigest()


def _entry(item: Agency | Theme | TargetKind | Jurisdiction) -> object:
    """A registry entry as the pipeline reads it: its line aside, and an agency's list of
    notices (which the check derives from the notices, not the other way round)."""
    if isinstance(item, Agency):
        return replace(item, line=0, notices=())
    return replace(item, line=0)


def _names_text(files: NoticeFiles) -> str:
    return agencies.match_key(files.text + "\n" + (Path(files.folder) / "notice.yaml").read_text("utf-8"))


def _named(notice: Notice) -> set[str]:
    return {r.agency for m in notice.parsed.measures for r in m.agencies} | {r.agency for r in notice.issuers}


def _may_name(kept: Kept, agency: Agency, registry: Registry) -> bool:
    """Whether an edit to ``agency`` can change how this notice reads: it names it now, or one
    of its names is in the text and it is within reach of the notice's jurisdiction."""
    if agency.id in _named(kept.notice):
        return True
    place = kept.notice.meta.get("jurisdiction", "")
    if not (registry.within(agency.jurisdiction, place) or registry.within(place, agency.jurisdiction)):
        return False
    return any(agencies.match_key(name) in kept.text for name in agencies.all_names(agency))


def _shown(notice: Notice) -> str:
    named = [(m.id, m.agencies, m.themes) for m in notice.parsed.measures]
    return hashlib.sha256(repr((named, notice.issuers)).encode()).hexdigest()


def _pages_key(kept: Kept, entries: dict[str, object]) -> str:
    """What the notice's pages show: its files, the registry's reading of them, and the
    entries of the agencies it names (their names are on its pages)."""
    named = [entries.get(i) for i in sorted(_named(kept.notice))]
    return hashlib.sha256(f"{kept.key}{kept.shown}{named!r}".encode()).hexdigest()


def _cached_enrich(
    files: NoticeFiles, registry: Registry, cache: Path | None, key: str
) -> tuple[Notice, list[Problem]]:
    if cache is None:
        return enrich(files, registry)
    entry = cache / f"{files.id}.pickle"
    stamp = key.encode() + b" " + os.fsencode(files.folder) + b"\n"
    found = _cached(entry, stamp)
    if found is not None:
        return found
    result = enrich(files, registry)
    cache.mkdir(parents=True, exist_ok=True)
    # Written aside and renamed, so a build reading the cache at the same time never sees half a file.
    partial = entry.with_name(f"{entry.name}.{os.getpid()}.part")
    partial.write_bytes(stamp + pickle.dumps(result))
    partial.replace(entry)
    return result


def _cached(entry: Path, stamp: bytes) -> tuple[Notice, list[Problem]] | None:
    """A cached parse if its first line is ``stamp`` (made from these files, in this folder, by
    this code: only then is it unpickled); None for an entry missing, stale or damaged, and the
    notice is parsed again. A cache given on the command line must never fail a check."""
    try:
        with entry.open("rb") as cached:
            if cached.readline() != stamp:
                return None
            result: tuple[Notice, list[Problem]] = pickle.load(cached)
            return result
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001  # truncated or damaged: whatever it is, parse again
        return None
