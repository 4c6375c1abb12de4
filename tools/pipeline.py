"""The pipeline, end to end: corpus folder → ``Archive`` (every stage, every problem)."""

from __future__ import annotations

from pathlib import Path

from tools import agencies, targets, themes, validate
from tools.load import load_corpus
from tools.models import Archive, Notice, NoticeFiles, Problem, Registry, Role
from tools.parse import parse_notice


def build_archive(corpus: Path) -> Archive:
    files, registry, problems = load_corpus(corpus)
    notices = []
    for notice_files in files:
        notice, errs = enrich(notice_files, registry)
        notices.append(notice)
        problems += errs
    archive = Archive(notices, registry, problems)
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
    index = agencies.AliasIndex.for_jurisdiction(registry.agencies, meta.get("jurisdiction", ""))
    problems += agencies.attribute(parsed.measures, files.lines, index, source_path)
    issuers = []
    roles: tuple[tuple[str, Role], ...] = (("issuers", "issuer"), ("drafters", "drafter"))
    for field, role in roles:
        names = meta.get(field) or []
        lines = [files.meta_lines.get(f"{field}/{i}", 1) for i in range(len(names))]
        refs, errs = agencies.resolve_names(names, index, role, meta_path, lines)
        issuers += refs
        problems += errs
    found = targets.extract(files.id, targets.places(parsed.nodes, files.lines), registry.target_kinds)
    by_measure: dict[str, list[str]] = {}
    for target in found:
        if target.measure:
            by_measure.setdefault(target.measure, []).append(target.id)
    for measure in parsed.measures:
        measure.targets = by_measure.get(measure.id, [])
        measure.themes = themes.assign(" ".join([measure.title or "", *measure.paragraphs]), registry.themes)
    return Notice(files, parsed, issuers, found), problems
