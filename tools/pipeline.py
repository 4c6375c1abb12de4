"""The pipeline, end to end: corpus folder → ``Archive`` (every stage, every problem)."""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass, field, replace
from pathlib import Path

from tools import agencies, targets, themes, validate
from tools.follow import follow
from tools.load import load_corpus, load_notice, load_progress
from tools.models import Archive, Notice, NoticeFiles, Problem, Registry, Role
from tools.parse import parse_notice


@dataclass
class Memo:
    """What a long-running process (``serve``) keeps between runs of the pipeline: each
    notice's parse by its key (text, metadata, registry, code), and the keys of the last run,
    so it can tell which notices changed."""

    parsed: dict[str, tuple[str, Notice, list[Problem]]] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    loaded: dict[Path, tuple[tuple[tuple[str, int, int], ...], NoticeFiles | None, list[Problem]]] = field(
        default_factory=dict
    )

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


def build_archive(corpus: Path, cache: Path | None = None, memo: Memo | None = None) -> Archive:
    """Load, parse and enrich every notice. With ``cache`` (a folder) or ``memo`` (in memory),
    a notice whose text, metadata, registry and code are unchanged since an earlier run is not
    parsed again."""
    files, registry, problems = load_corpus(corpus, memo.load) if memo else load_corpus(corpus)
    notices = []
    registry_key = _registry_key(corpus)
    keys = {}
    for notice_files in files:
        keys[notice_files.id] = key = _notice_key(notice_files, registry_key)
        notice, errs = _remembered(memo, key, notice_files) or _cached_enrich(notice_files, registry, cache, key)
        if memo is not None:
            memo.parsed[notice_files.id] = (key, notice, errs)
        notices.append(replace(notice))  # later stages set fields of their own copy
        problems += errs
    if memo is not None:
        memo.keys = keys
        memo.parsed = {i: kept for i, kept in memo.parsed.items() if i in keys}
        memo.loaded = {folder: kept for folder, kept in memo.loaded.items() if folder.is_dir()}
    progress, errs = load_progress(corpus)
    archive = follow(Archive(notices, registry, problems + errs, progress))
    archive.problems += validate.check_archive(archive)
    return archive


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
    found = targets.with_duty_agencies(extraction.targets, {m.id: m for m in parsed.measures})
    by_measure: dict[str, list[str]] = {}
    for target in found:
        if target.measure:
            by_measure.setdefault(target.measure, []).append(target.id)
    for measure in parsed.measures:
        measure.targets = by_measure.get(measure.id, [])
        measure.themes = themes.assign(" ".join([measure.title or "", *measure.paragraphs]), registry.themes)
    return Notice(files, parsed, issuers, found), problems


def _code_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*")):
        if path.suffix in {".py", ".json"}:
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _registry_key(corpus: Path) -> str:
    digest = hashlib.sha256(_code_fingerprint().encode())
    for name in ("agencies.yaml", "themes.yaml", "jurisdictions.yaml"):
        path = corpus / name
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()


def _notice_key(files: NoticeFiles, registry_key: str) -> str:
    meta = (Path(files.folder) / "notice.yaml").read_bytes()
    return hashlib.sha256(registry_key.encode() + meta + files.text.encode()).hexdigest()


def _remembered(memo: Memo | None, key: str, files: NoticeFiles) -> tuple[Notice, list[Problem]] | None:
    kept = memo.parsed.get(files.id) if memo else None
    if kept and kept[0] == key and kept[1].files.folder == files.folder:
        return kept[1], kept[2]
    return None


def _cached_enrich(
    files: NoticeFiles, registry: Registry, cache: Path | None, key: str
) -> tuple[Notice, list[Problem]]:
    if cache is None:
        return enrich(files, registry)
    entry = cache / f"{files.id}.pickle"
    if entry.exists():
        cached_key, result = pickle.loads(entry.read_bytes())
        if cached_key == key and result[0].files.folder == files.folder:
            return result  # type: ignore[no-any-return]
    result = enrich(files, registry)
    cache.mkdir(parents=True, exist_ok=True)
    # Written aside and renamed, so a build reading the cache at the same time never sees half a file.
    partial = entry.with_name(f"{entry.name}.{os.getpid()}.part")
    partial.write_bytes(pickle.dumps((key, result)))
    partial.replace(entry)
    return result
