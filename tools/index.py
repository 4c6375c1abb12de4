"""Index: Pagefind over the rendered HTML (content only, filters and metadata from the pages).

`python -m pagefind` runs the extended build when `pagefind[extended]` is installed (it is a
dependency): that build segments Chinese, so a notice in Chinese is searchable word by word.

Pagefind holds every page's words until it writes its index (about 130 KB a page), so an archive
larger than ``PART_PAGES`` pages is indexed in parts, each by a Pagefind process of its own: the
first part is ``pagefind/`` itself, the others ``pagefind/part-N/``, listed in
``pagefind/parts.json``, which the site's search module (``docs/assets/search/pagefind.js``)
merges into one search with Pagefind's ``mergeIndex``. Pages are dealt into parts a folder at a
time (a notice's pages together), per language, so each part is a sample of the whole (its word
statistics, hence its ranking, alike) and the first holds every language.
"""

from __future__ import annotations

import json
import math
import re
import shutil
import sys
from collections import Counter, defaultdict
from collections.abc import Collection
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tools.files import remove_tree
from tools.processes import run_measured

PART_PAGES = 4000  # pages a Pagefind process indexes: about 0.5 GB at most (the archive is one part)
# The longest glob of a part's pages: Pagefind refuses one of about 230,000 characters or more
# (measured with 1.5.2: its pattern outgrows the regular expression it compiles to).
GLOB_CHARS = 150_000
PARTS_FILE = "parts.json"
_LANG = re.compile(rb'<html lang="([^"]*)"')
_UNUSED_IN_A_PART = ("*.js", "*.css", "wasm.*")  # a merged part is searched by the first's engine


class PagefindError(Exception):
    """Pagefind failed; the message is its output."""


@dataclass(frozen=True)
class Indexed:
    """What indexing did: the number of parts and each Pagefind process's peak memory (MB)."""

    peaks_mb: list[float]

    @property
    def parts(self) -> int:
        return len(self.peaks_mb)


def set_languages(site_dir: Path, languages: dict[str, str]) -> None:
    """Mark pages whose text is not English (``{url: "zh"}``) in their <html lang>.

    Engines set one language for the whole site, but Pagefind indexes each page by its
    <html lang> (and screen readers read by it): a Chinese notice must say it is Chinese.
    """
    pattern = re.compile(r'<html lang="[^"]*"')
    for url, lang in sorted(languages.items()):
        page = site_dir / url / "index.html"
        if page.is_file():
            html = page.read_text("utf-8")
            page.write_text(pattern.sub(f'<html lang="{lang}"', html, count=1), encoding="utf-8")


def plan_parts(pages: dict[str, str], part_pages: int = PART_PAGES) -> list[list[str]]:
    """Deal ``pages`` (``{path: language}``) into parts of about ``part_pages``, a folder at a
    time: the pages of one language in one top-level entry's folder (``notices/n``,
    ``agencies/a``) go together, so that a part's glob can name a whole folder. Language by
    language, each folder goes to the first part that has none of that language yet, else to
    the part with the fewest pages: every part (the first above all) gets every language that
    has folders enough, and every part is a sample of the whole. The same pages always make the
    same parts."""
    count = max(1, math.ceil(len(pages) / part_pages))
    folders: dict[tuple[str, str], list[str]] = defaultdict(list)
    for path in sorted(pages):
        folders[(pages[path], _folder_of(path))].append(path)
    parts: list[list[str]] = [[] for _ in range(count)]
    by_language: list[dict[str, int]] = [defaultdict(int) for _ in range(count)]
    for (language, _), paths in sorted(folders.items()):
        # The first part without the language, else the part with the fewest pages.
        n = min(
            range(count),
            key=lambda n: (by_language[n][language] > 0, len(parts[n]) * (by_language[n][language] > 0), n),
        )
        parts[n] += paths
        by_language[n][language] += len(paths)
    return [sorted(part) for part in parts if part]  # fewer folders than parts: no empty part


def _folder_of(path: str) -> str:
    """The folder a page is dealt with: its first two names (``notices/n``), or the page itself."""
    names = path.split("/")
    return "/".join(names[:2]) if len(names) > 2 else path


def index_site(site_dir: Path, part_pages: int = PART_PAGES, jobs: int = 1, glob_chars: int = GLOB_CHARS) -> Indexed:
    """Index ``site_dir`` into ``site_dir/pagefind``, in parts of about ``part_pages`` pages
    (fewer if the glob of a part's pages would be longer than ``glob_chars``), ``jobs`` Pagefind
    processes at a time.

    The index is written beside the old one and swapped in, so a site being served keeps a
    working search until the new index is complete (and no stale fragment lingers)."""
    fresh, old = site_dir / ".pagefind-new", site_dir / ".pagefind-old"
    for stale in [fresh, *site_dir.glob(".pagefind-part-*")]:  # left by an interrupted run
        shutil.rmtree(stale, ignore_errors=True)
    pages = _pages(site_dir)
    try:
        peaks = _index_parts(site_dir, fresh, _part_globs(pages, part_pages, glob_chars), jobs)
        _list_parts(fresh)
    except PagefindError:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    remove_tree(old)
    if (site_dir / "pagefind").exists():
        (site_dir / "pagefind").rename(old)
    fresh.rename(site_dir / "pagefind")
    remove_tree(old)
    return Indexed(peaks)


def _part_globs(pages: dict[str, str], part_pages: int, glob_chars: int) -> list[str | None]:
    """The glob of each part's pages (``[None]``: one part, the whole site), the parts dealt
    smaller until each glob is at most ``glob_chars`` long."""
    every: Counter[str] | None = None  # the site's pages counted once (0.3 s at 300×)
    while True:
        parts = plan_parts(pages, part_pages)
        if len(parts) == 1:
            return [None]
        every = every or _pages_per_folder(pages)
        globs: list[str | None] = [_glob(part, every) for part in parts]
        if part_pages == 1 or max(len(g or "") for g in globs) <= glob_chars:
            return globs
        part_pages //= 2


def _pages(site_dir: Path) -> dict[str, str]:
    """Every HTML page of the site (its index folders aside) and the language it says it is in."""
    pages = {}
    for page in site_dir.rglob("*.html"):
        path = page.relative_to(site_dir).as_posix()
        if not path.startswith((".", "pagefind/")):
            with page.open("rb") as f:
                found = _LANG.search(f.read(1024))
            pages[path] = found[1].decode().lower() if found else ""
    return pages


def _index_parts(site_dir: Path, fresh: Path, globs: list[str | None], jobs: int) -> list[float]:
    """Run Pagefind on each part, in a folder of its own: the only part on the whole site, more
    parts each on its own pages of the site, listed in its configuration (the same paths, hence
    the same URLs; listing them costs nothing on disk, where a folder of links to them cost
    thousands of files to make and remove)."""
    folders = [fresh.with_name(f".pagefind-part-{n}") for n in range(1, len(globs) + 1)]
    try:
        for folder, glob in zip(folders, globs, strict=True):
            _configure(folder, site_dir, glob)
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            peaks = list(pool.map(_pagefind, folders))
        _assemble(fresh, [f / "index" for f in folders])
    finally:
        for folder in folders:
            remove_tree(folder)
    return peaks


def _configure(folder: Path, site_dir: Path, glob: str | None) -> None:
    """Pagefind's configuration in ``folder`` (where it runs, so that no configuration file in the
    caller's folder is read): ``site_dir`` indexed into ``folder/index``, only what ``glob`` names if given.
    A file, not the command line: a part's list of pages is longer than one argument may be."""
    folder.mkdir(parents=True)
    config: dict[str, object] = {
        "site": str(site_dir.resolve()),
        "output_path": str((folder / "index").resolve()),
        "exclude_selectors": [".headerlink"],
    }
    if glob is not None:
        config["glob"] = glob
    (folder / "pagefind.json").write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")


_Folders = dict[str, "_Folders"]  # a name and what is inside it (nothing: a page)
_GLOB_SPECIAL = re.compile(r"([*?\[\]{}(),<>:$])")  # what Pagefind's globs read as syntax


def glob_of(paths: list[str], site_pages: Collection[str] = ()) -> str:
    """A glob that matches exactly ``paths``, their shared folders written once
    (``notices/n/{index.html,art-1/index.html}``), and a folder whose pages are all among them
    (of ``site_pages``, every page of the site) as ``notices/n/**/*.html``.

    Short globs matter: Pagefind matches every file of the site against a part's glob, in a
    time that grows with the glob (a part of a 300× archive listed page by page took minutes)."""
    return _glob(paths, _pages_per_folder(site_pages))


def _glob(paths: list[str], every: Counter[str]) -> str:
    """``glob_of``, with the site's pages already counted folder by folder."""
    tree: _Folders = {}
    for path in paths:
        if "\\" in path:  # Pagefind's globs have no way to write one (measured: "\\\\" is refused)
            raise PagefindError(f"{path}: a page whose path has a backslash cannot be indexed in parts; rename it")
        node = tree
        for name in path.split("/"):
            node = node.setdefault(name, {})
    mine = _pages_per_folder(paths)

    def alternatives(node: _Folders, folder: str) -> str:
        each = []
        for name in sorted(node):
            inner, written = f"{folder}{name}/", _GLOB_SPECIAL.sub(r"\\\1", name)
            if not node[name]:
                each.append(written)
            elif mine[inner] > 1 and mine[inner] == every[inner]:  # the whole folder
                each.append(written + "/**/*.html")
            else:
                each.append(written + "/" + alternatives(node[name], inner))
        return each[0] if len(each) == 1 else "{" + ",".join(each) + "}"

    return alternatives(tree, "")


def _pages_per_folder(paths: Collection[str]) -> Counter[str]:
    """How many of ``paths`` are in each folder (``notices/``, ``notices/n/`` …), at any depth."""
    counts: Counter[str] = Counter()
    for path in paths:
        names = path.split("/")[:-1]
        counts.update("".join(f"{name}/" for name in names[: depth + 1]) for depth in range(len(names)))
    return counts


def _pagefind(folder: Path) -> float:
    code, text, peak = run_measured([sys.executable, "-m", "pagefind"], cwd=folder)
    if code != 0:  # its output, with the glob of a part's pages that it repeats cut short
        raise PagefindError("\n".join(line[:300] + " …" * (len(line) > 300) for line in text.splitlines()))
    return peak


def _assemble(fresh: Path, indexes: list[Path]) -> None:
    """The first part's index as ``fresh``, the others inside it as ``part-N``."""
    indexes[0].rename(fresh)
    for n, index in enumerate(indexes[1:], start=2):
        for pattern in _UNUSED_IN_A_PART:
            for unused in index.glob(pattern):
                unused.unlink()
        index.rename(fresh / f"part-{n}")


def _list_parts(index: Path) -> None:
    """``parts.json``: the languages of the whole index (pages in each) and the parts after the
    first with the languages each has, for the search module to merge those of a page's language."""

    def languages(entry: Path) -> dict[str, int]:
        found = json.loads(entry.read_text("utf-8"))["languages"]
        return {lang: int(found[lang]["page_count"]) for lang in sorted(found)}

    parts = sorted(index.glob("part-*/pagefind-entry.json"), key=lambda e: int(e.parent.name.removeprefix("part-")))
    counts = languages(index / "pagefind-entry.json")
    listed = []
    for entry in parts:
        mine = languages(entry)
        counts = {lang: counts.get(lang, 0) + mine.get(lang, 0) for lang in sorted({*counts, *mine})}
        listed.append({"path": f"{entry.parent.name}/", "languages": list(mine)})
    listing = {"languages": counts, "parts": listed}
    (index / PARTS_FILE).write_text(json.dumps(listing, indent=1) + "\n", encoding="utf-8")
