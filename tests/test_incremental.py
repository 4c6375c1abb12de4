"""Incremental preview builds: only what a change touches is rewritten, and the result is the
same site a full build makes."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment

from tools import export
from tools.files import TemplateCache, compiled_templates
from tools.generate.templates import environment
from tools.pipeline import build_archive
from tools.preview import PreviewSession

from .site_helpers import build
from .test_check import edit

pytestmark = pytest.mark.heavy  # builds a site, or runs the command many times: scheduled first

SHENZHEN = "notices/shenzhen-ai-action-plan-2023-2024"


def _files(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes()
        for p in site.rglob("*")
        if p.is_file() and "pagefind" not in p.parts and p.name != "sitemap.xml.gz"
    }


def test_unchanged_notices_reuse_the_cached_parse(small_corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = build_archive(small_corpus, cache)  # as `serve` starts: fills the cache
    entries = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert len(entries) == len(list((small_corpus / "notices").iterdir()))
    edit(small_corpus / SHENZHEN / "notice.yaml", "expect_measures: 18", "expect_measures: 18  # checked")
    again = build_archive(small_corpus, cache)
    after = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert {name for name in entries if after[name] != entries[name]} == {"shenzhen-ai-action-plan-2023-2024.pickle"}
    assert export.records(again) == export.records(first)  # the same archive, from the cache


def test_compiled_templates_are_kept_for_this_user_and_a_bad_entry_is_compiled_again(tmp_path: Path) -> None:
    kept = compiled_templates()
    assert kept is not None and environment().bytecode_cache is kept
    folder = Path(kept.directory)  # type: ignore[attr-defined]
    assert folder.stat().st_uid == os.getuid() and stat.S_IMODE(folder.stat().st_mode) == 0o700

    def render() -> str:
        loader = DictLoader({"page.html": "{% for w in words %}<b>{{ w }}</b>{% endfor %}"})
        cache = TemplateCache(str(tmp_path), pattern=kept.pattern)  # type: ignore[attr-defined]
        return (
            Environment(loader=loader, autoescape=True, bytecode_cache=cache)
            .get_template("page.html")
            .render(words=["a<"])
        )

    assert render() == "<b>a&lt;</b>"
    [entry] = tmp_path.iterdir()
    for broken in (b"", b"j2 not bytecode", entry.read_bytes()[:40]):
        entry.write_bytes(broken)
        assert render() == "<b>a&lt;</b>"  # compiled again, never a failed build
        assert entry.read_bytes() != broken


def test_warm_preview_renders_the_change_first_then_matches_a_full_build(
    small_corpus: Path, project: Path, tmp_path: Path
) -> None:
    session = PreviewSession(small_corpus, project, tmp_path / "preview")
    assert session.start().ok
    untouched = session.site_dir / "agencies/cn-state-council/index.html"  # names only the other notice
    before = untouched.stat().st_mtime_ns
    edit(
        small_corpus / SHENZHEN / "notice.yaml",
        "short_title: Shenzhen AI Action Plan (2023–2024)",
        "short_title: Shenzhen AI Plan (2023–2024)",
    )

    first = session.update()
    assert first.ok and first.message == "1 notice changed"
    assert "Shenzhen AI Plan (2023–2024), (16)" in (session.site_dir / SHENZHEN / "m-16/index.html").read_text()
    assert untouched.stat().st_mtime_ns == before  # the notice's own pages first, not the whole site
    assert first.rendered < len(list(session.site_dir.rglob("index.html"))) / 2
    assert "Shenzhen AI Action Plan (2023–2024)" in (session.site_dir / "notices/index.html").read_text()  # not yet

    assert session.catch_up().ok
    assert "Shenzhen AI Action Plan (2023–2024)" not in (session.site_dir / "notices/index.html").read_text()
    assert (session.site_dir / "pagefind/pagefind.js").is_file()
    fresh = tmp_path / "fresh"
    assert build(fresh, small_corpus, "--config", str(project)).returncode == 0
    assert _files(session.site_dir) == _files(fresh)
    assert not (tmp_path / "site").exists()  # the preview writes only its own folder


def test_a_preview_update_keeps_each_rendered_page_in_its_language(
    small_corpus: Path, project: Path, tmp_path: Path
) -> None:
    # A notice's measure pages are made from `<url>.md` files (urls.source): the preview must
    # still find their URLs, or a Chinese measure re-rendered by an edit would say it is English.
    session = PreviewSession(small_corpus, project, tmp_path / "preview")
    assert session.start().ok
    notice = session.site_dir / "notices/cn-state-council-ai-plus-opinions-2025"
    measures = sorted(p / "index.html" for p in notice.iterdir() if (p / "index.html").is_file())
    assert len(measures) > 5
    edit(
        small_corpus / "notices/cn-state-council-ai-plus-opinions-2025/notice.yaml",
        'short_title: State Council "AI+" Action Opinions (2025)',
        'short_title: State Council "AI+" Opinions (2025)',
    )
    assert session.update().ok
    for page in [notice / "index.html", *measures]:
        html = page.read_text("utf-8")
        assert "AI+&#34; Opinions (2025)" in html, page  # rendered again
        lang = re.search(r'<html lang="([^"]*)"', html)
        assert lang and lang[1] == "zh", page


def test_a_registry_edit_redoes_only_the_notices_it_can_touch(
    small_corpus: Path, project: Path, tmp_path: Path
) -> None:
    session = PreviewSession(small_corpus, project, tmp_path / "preview")
    assert session.start().ok
    chinese = "cn-state-council-ai-plus-opinions-2025"
    parsed = session.memo.parsed[chinese].notice
    untouched = session.site_dir / "agencies/cn-state-council/index.html"
    before = untouched.stat().st_mtime_ns
    edit(  # an agency the Shenzhen plan names, whose names the national text does not contain
        small_corpus / "agencies.yaml",
        '    name: "Shenzhen Municipal Industry and Information Technology Bureau"\n',
        '    name: "Shenzhen Municipal Industry and Information Technology Bureau"\n    name_zh: "深圳市工业和信息化局"\n',
    )

    first = session.update()
    assert first.ok and first.message == "1 notice changed (1 registry entry edited)"
    assert session.memo.parsed[chinese].notice is parsed  # not parsed again
    agency = session.site_dir / "agencies/shenzhen-industry-and-information-technology-bureau/index.html"
    assert "深圳市工业和信息化局" in agency.read_text()
    assert untouched.stat().st_mtime_ns == before

    edit(small_corpus / "themes.yaml", "computing capacity, 算力,", "computing capacity, 人工智能+, 算力,")
    second = session.update()
    assert second.ok and "(1 registry entry edited)" in second.message
    assert session.memo.parsed[chinese].notice is parsed  # themes assigned again, the text not parsed again

    agency = '  - id: cn-ai-open-source-community\n    name: "AI open-source community"\n'
    agency += '    name_zh: "人工智能开源社区"\n    jurisdiction: china\n    notices: []\n'
    edit(small_corpus / "agencies.yaml", "agencies:\n", "agencies:\n" + agency)  # a body the national text names
    third = session.update()
    assert third.ok and third.message == "1 notice changed (1 registry entry edited)"
    redone = session.memo.parsed[chinese].notice
    assert redone is not parsed
    assert "cn-ai-open-source-community" in {r.agency for m in redone.parsed.measures for r in m.agencies}
    assert session.catch_up().ok
    fresh = tmp_path / "fresh"
    assert build(fresh, small_corpus, "--config", str(project)).returncode == 0
    assert _files(session.site_dir) == _files(fresh)


def test_warm_preview_reports_bad_input_and_follows_a_theme_change(
    small_corpus: Path, project: Path, tmp_path: Path
) -> None:
    # project: a copy of the configuration and theme, to edit safely (its reference is a stub)
    session = PreviewSession(small_corpus, project, tmp_path / "preview")
    assert session.start().ok
    page = session.site_dir / SHENZHEN / "index.html"

    notice = small_corpus / SHENZHEN / "notice.yaml"
    good = notice.read_text("utf-8")
    notice.write_text(good.replace("short_title:", "short_title: [", 1), encoding="utf-8")
    broken = session.update()
    assert not broken.ok and "last good version" in broken.message
    assert any(p.path == str(notice) and p.severity == "error" for p in broken.problems)
    assert page.is_file()  # the last good pages stay served

    notice.write_text(good, encoding="utf-8")
    main = project.parent / "overrides" / "main.html"
    main.write_text(main.read_text("utf-8").replace("{% block content %}", "{% block content %}<!-- edited -->"))
    assert session.update().ok
    assert "<!-- edited -->" in page.read_text("utf-8")  # a new engine session with the edited theme
