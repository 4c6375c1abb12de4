"""How the search index is split into parts when the archive outgrows one Pagefind process."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from tools.index import PagefindError, glob_of, index_site, plan_parts


def test_a_small_archive_is_one_part() -> None:
    pages = {f"notices/n/m-{i}/index.html": "en" for i in range(10)}
    assert plan_parts(pages, part_pages=10) == [sorted(pages)]


def test_pages_are_dealt_in_turn_language_by_language_each_once() -> None:
    pages = {f"p/{i:03}/index.html": "en" for i in range(25)} | {f"z/{i}/index.html": "zh" for i in range(2)}
    parts = plan_parts(pages, part_pages=10)
    assert len(parts) == 3 and all(len(part) <= 10 for part in parts)
    dealt = [path for part in parts for path in part]
    assert sorted(dealt) == sorted(pages)  # every page in exactly one part
    # The first part has every language; each part is a sample of the whole, not a run of it.
    assert {pages[p] for p in parts[0]} == {"en", "zh"}
    assert parts[1][:2] == ["p/001/index.html", "p/004/index.html"]
    assert plan_parts(dict(reversed(pages.items())), part_pages=10) == parts  # the same, in any order


def test_fewer_folders_than_parts_leave_no_part_empty(tmp_path: Path) -> None:
    pages = {f"notices/n/art-{i}/index.html": "en" for i in range(3)} | {"index.html": "en"}
    assert [len(part) for part in plan_parts(pages, part_pages=1)] == [1, 3]
    # A site of one folder is one part, indexed without a glob (which could not name "t\\s").
    site = tmp_path / "site"
    for name in ("n/x/a", "n/x/t\\s"):
        page = site / name / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text('<html lang="en"><body><main><p>word</p></main></body></html>', encoding="utf-8")
    assert index_site(site, part_pages=1).parts == 1
    assert len(list((site / "pagefind").rglob("*.pf_fragment"))) == 2


def test_a_folders_pages_of_one_language_stay_together_and_its_glob_names_the_folder() -> None:
    # A notice's pages go to one part (its translation's may go to another), so that the part's
    # glob names the folder, not each page: Pagefind matches every file of the site against it.
    pages = {f"notices/{n}/{m}index.html": "en" for n in "abcd" for m in ("", "art-1/", "art-2/")}
    pages |= {f"notices/a/zh/art-{i}/index.html": "zh" for i in (1, 2)} | {"index.html": "en"}
    parts = plan_parts(pages, part_pages=5)
    assert len(parts) == 3
    for part in parts:  # every language in every part that could have it; each folder in one part
        assert all(f"notices/{n}/index.html" not in part or f"notices/{n}/art-2/index.html" in part for n in "abcd")
    assert {pages[p] for p in parts[0]} == {"en", "zh"}
    part = next(part for part in parts if "notices/b/index.html" in part)
    assert "notices/b/**/*.html" in glob_of(part, pages)
    assert "notices/a/**" not in glob_of(parts[0], pages)  # a's pages in Chinese are in another part


def test_what_an_interrupted_run_left_is_not_in_the_next_index(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for name in ("a", "b", "c"):
        page = site / name / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f'<html lang="en"><body><main><h1>Page {name}</h1><p>word {name}</p></main></body></html>')
    # A run killed while indexing in parts leaves its part folders (and a half-written index).
    left = site / ".pagefind-part-2" / "index" / "fragment" / "left-behind.pf_fragment"
    left.parent.mkdir(parents=True)
    left.write_bytes(b"stale")
    indexed = index_site(site, part_pages=1)
    assert indexed.parts == 3
    assert sorted(p.name for p in site.iterdir()) == ["a", "b", "c", "pagefind"]
    assert not list((site / "pagefind").rglob("left-behind*"))


def test_a_parts_glob_writes_each_folder_once() -> None:
    paths = ["notices/n/index.html", "notices/n/art-1/index.html", "notices/n/art-2/index.html", "a,b/index.html"]
    assert glob_of(paths) == r"{a\,b/index.html,notices/n/{art-1/index.html,art-2/index.html,index.html}}"
    assert glob_of(["404.html"]) == "404.html"
    # A folder whose pages of the whole site are all in the part is named whole.
    site = [*paths, "notices/m/index.html"]
    assert glob_of(paths, site) == r"{a\,b/index.html,notices/n/**/*.html}"
    assert glob_of(paths, [*site, "notices/n/art-3/index.html"]) == glob_of(paths)
    with pytest.raises(PagefindError, match=r"t\\s/index.html: .*backslash.*rename it"):
        glob_of(["t\\s/index.html", "a/index.html"])  # no glob of Pagefind's can name it


def test_each_part_indexes_exactly_its_pages_whatever_their_names(tmp_path: Path) -> None:
    # A part lists its pages for Pagefind as a glob: names with a glob's syntax in them match
    # themselves, and only themselves ("a*" is not "ab"; "c{d,e}" is one page, not two).
    names = ["a*", "ab", "c{d,e}", "cd", "x[1]", "x1", "y(2)", "m:n", "q?", "qr", "k$", "e f", "中文", "p!x", "h#1"]
    names += ["a&b", 'd"q', "pc%20", "a^b", "q'1", "e=q", "p+1", "s;c", "p|q"]  # literal as they are
    names += ["n", "n/m-1", "n/m-2", "n/m-1/zh"]  # folders shared by several pages
    site = tmp_path / "site"
    for number, name in enumerate(names):
        page = site / name / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f'<html lang="en"><body><main><p>word{number}</p></main></body></html>', encoding="utf-8")
    indexed = index_site(site, part_pages=4, jobs=2)
    assert indexed.parts == 7  # 28 pages, 4 a part
    _assert_indexed_once(site, names)
    # A part whose glob would be too long for Pagefind: the pages are dealt into smaller parts.
    assert index_site(site, part_pages=8, jobs=2, glob_chars=60).parts > 4  # not 28 / 8
    _assert_indexed_once(site, names)


def _assert_indexed_once(site: Path, names: list[str]) -> None:
    listing = json.loads((site / "pagefind" / "parts.json").read_text("utf-8"))
    assert listing["languages"] == {"en": len(names)}
    fragments = list((site / "pagefind").rglob("*.pf_fragment"))
    assert len(fragments) == len(names)  # every page once, none twice
    urls = {json.loads(gzip.decompress(f.read_bytes())[len(b"pagefind_dcd") :])["url"] for f in fragments}
    assert urls == {f"/{name}/" for name in names}
    top = {name.split("/")[0] for name in names}
    assert sorted(p.name for p in site.iterdir()) == sorted([*top, "pagefind"])  # no part's folder left
