"""The same site from both engines: MkDocs + Material today, Zensical after May 2027."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SHORT, SMALL, SharedSite, make_small_corpus
from .site_helpers import ROOT, build, project_copy

pytestmark = pytest.mark.heavy  # builds a site, or runs the command many times: scheduled first


def _pages(site: Path) -> set[str]:
    return {str(p.relative_to(site)) for p in site.rglob("*.html") if "pagefind" not in p.parts}


def _anchors(page: Path) -> set[str]:
    return set(re.findall(r'id="([a-z0-9-]+)"', page.read_text("utf-8")))


# The largest page (the EU act, over Zensical's own search-index limit), a notice in two
# languages, and a plan with targets: every kind of page, in a third of the whole build's time.
NOTICES = (
    "eu-ai-act-regulation-2024-1689",
    "cn-generative-ai-interim-measures-2023",
    "shenzhen-ai-action-plan-2023-2024",
)
LISTS = ("agencies", "themes", "targets")  # a page per entry: the entries of the notices built


@pytest.fixture(scope="module")
def both(shared_site: SharedSite, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The run's shared site (MkDocs) and a corpus of some of its notices built with Zensical."""
    folder = tmp_path_factory.mktemp("engines")
    corpus = make_small_corpus(folder / "corpus", NOTICES, lock=True)
    zensical = folder / "zensical"
    project = project_copy(folder / "project", reference=True)  # a checkout of its own, to watch
    result = build(zensical, corpus, "--engine", "zensical", "--config", str(project))
    assert result.returncode == 0, result.stderr
    # Zensical's project and its cache were in the build's own folder, never in the checkout.
    assert sorted(p.name for p in project.parent.iterdir()) == ["docs", "mkdocs.yml", "overrides"]
    assert sorted(p.name for p in folder.iterdir()) == ["corpus", "project", "zensical"]
    return shared_site.path, zensical


def test_same_pages(both: tuple[Path, Path]) -> None:
    """Each notice's pages, and every page that is not one entry of a list, are the same in
    both; the lists' entries are those of the notices built, so Zensical's are MkDocs' in part."""
    mkdocs, zensical = both
    whole, part = _pages(mkdocs), _pages(zensical)

    def own(page: str) -> bool:
        return (
            page.startswith(tuple(f"notices/{n}/" for n in NOTICES))
            or not page.startswith(("notices/", *(f"{name}/" for name in LISTS)))
            or page.split("/")[1] == "index.html"
        )

    assert {p for p in whole if own(p)} == {p for p in part if own(p)}
    assert part <= whole and len({p for p in part if not own(p)}) > 50
    eu_pages = {p for p in part if p.startswith(f"notices/{NOTICES[0]}/")}
    assert len(eu_pages) == 127  # its 113 articles, 13 annexes and the notice


def _translation(folder: Path) -> bool:
    """A notice's full text in one of its translations (notices/<id>/<lang>/)."""
    page = folder / "index.html"
    return page.is_file() and 'aria-label="Language of the full text"' in page.read_text("utf-8")


def test_same_measure_anchors(both: tuple[Path, Path]) -> None:
    mkdocs, zensical = both
    for notice in sorted((zensical / "notices").iterdir()):
        if notice.is_dir():
            page = Path("notices") / notice.name / "index.html"
            # Every folder is a measure's page, but the earlier versions and a translation's full text.
            measures = {p.name for p in notice.iterdir() if p.is_dir() and p.name != "versions" and not _translation(p)}
            assert measures <= _anchors(mkdocs / page)
            assert measures <= _anchors(zensical / page), page


def test_zensical_site_is_searchable_and_private(both: tuple[Path, Path]) -> None:
    _, zensical = both
    html = (zensical / "notices/shenzhen-ai-action-plan-2023-2024/m-16/index.html").read_text()
    assert html.count("data-pagefind-body") == 1 and "pagefind-component-ui.js" in html
    assert (zensical / "pagefind/pagefind-entry.json").is_file()
    assert not (zensical / "search.json").exists()  # the whole-index search is not shipped
    assert not re.search(r'<(?:script|link)[^>]+(?:src|href)="(?:https?:)?//', html)


def test_zensical_missing_says_how_to_install_it(tmp_path: Path) -> None:
    # Hide the installed Zensical from the command, as on a machine without the extra.
    (tmp_path / "sitecustomize.py").write_text(
        "import sys\n"
        "class _Hide:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] == 'zensical':\n"
        "            raise ModuleNotFoundError(name)\n"
        "sys.meta_path.insert(0, _Hide())\n"
    )
    env = {**__import__("os").environ, "PYTHONPATH": str(tmp_path)}
    corpus = make_small_corpus(tmp_path / "corpus", SMALL)  # the subject is the message, not the corpus
    result = subprocess.run(
        [sys.executable, "-m", "tools", "build", "--engine", "zensical", "--corpus", str(corpus), "--out", str(tmp_path / "site")],
        cwd=ROOT, capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert "pip install -e '.[zensical]'" in result.stderr
    assert "parsed" not in result.stderr  # told at once, before the corpus is read
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_broken_link_with_zensical_is_located_without_a_traceback(tmp_path: Path) -> None:
    project = project_copy(tmp_path / "project")
    with (project.parent / "docs" / "about.md").open("a", encoding="utf-8") as about:
        about.write("\nSee [nothing](nowhere.md).\n")
    corpus = make_small_corpus(tmp_path / "corpus", SHORT)
    result = build(tmp_path / "site", corpus, "--engine", "zensical", "--config", str(project))
    assert result.returncode == 1
    assert "about.md:" in result.stderr and "page does not exist" in result.stderr
    assert "Traceback" not in result.stderr and 'File "' not in result.stderr
    assert "Aborted because --strict flag is set" in result.stderr  # the reason, kept
    assert not (tmp_path / "site").exists()
