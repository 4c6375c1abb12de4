"""The built site: pages for every entity, links that resolve, determinism, escaping, atomicity."""

from __future__ import annotations

import filecmp
import functools
import gzip
import itertools
import json
import os
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest
from bs4 import BeautifulSoup

from tools.models import Archive

from .conftest import CORPUS, SHORT, SharedSite, make_small_corpus
from .site_helpers import build, html_tree

pytestmark = pytest.mark.heavy  # builds a site, or runs the command many times: scheduled first

# The notices of international bodies (jurisdictions of level international, roots beside the countries).
INTERNATIONAL = {"european-union": "eu-ai-act-regulation-2024-1689", "oecd": "oecd-ai-recommendation-2019-2024"}


def test_the_shared_site_is_this_runs_build_of_this_corpus(shared_site: SharedSite, archive: Archive) -> None:
    """The tests that read the shared site read a site built in this run from the corpus as it is
    now: its copy of the corpus is the corpus byte for byte, every page is newer than the run,
    and every notice of the corpus (and no other) is on it with its text as received."""
    compared = filecmp.dircmp(CORPUS, shared_site.corpus)
    stack, differing = [compared], []
    while stack:
        d = stack.pop()
        differing += d.left_only + d.right_only + d.diff_files + d.funny_files
        differing += [f for f in d.same_files if not filecmp.cmp(Path(d.left) / f, Path(d.right) / f, shallow=False)]
        stack += d.subdirs.values()
    assert differing == []
    oldest = min(p.stat().st_mtime for p in shared_site.path.rglob("*.html"))
    assert oldest >= shared_site.built_after
    notices = json.loads((shared_site.path / "data/notices.json").read_text("utf-8"))["notices"]
    assert sorted(n["id"] for n in notices) == sorted(n.id for n in archive.notices)
    for n in archive.notices:
        served = shared_site.path / "notices" / n.id / "source.txt"
        assert served.read_bytes() == (Path(n.files.folder) / "source.txt").read_bytes()


def test_every_entity_has_its_page(site: Path) -> None:
    data = {
        name: json.loads((site / "data" / f"{name}.json").read_text())[name]
        for name in ("notices", "measures", "agencies", "targets", "themes")
    }
    for name, rows in data.items():
        for row in rows:
            assert (site / row["url"] / "index.html").is_file(), (name, row["url"])
    for page in (
        "index.html",
        "search/index.html",
        "compare/index.html",
        "about/index.html",
        "cite/index.html",
        "contribute/index.html",
        "feed.xml",
    ):
        assert (site / page).is_file(), page


def _html_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    broken = []
    files = {str(p) for p in site.rglob("*")}
    # 404.html is served at any depth, so MkDocs gives it root-based links (set site_url when
    # deploying under a sub-path); every other page must use relative links.
    for page in (p for p in _html_files(site) if p.name != "404.html" or p.parent != site):
        for tag in html_tree(page).iter("a", "link", "script", "img"):
            ref = tag.get("href") or tag.get("src")
            if not ref or urlsplit(ref).scheme or ref.startswith(("//", "mailto:")):
                continue
            parts = urlsplit(ref)
            assert not parts.path.startswith("/"), f"{page}: absolute link {ref} breaks under a sub-path"
            # normpath, not resolve(): the site has no symbolic links, and this runs 200,000 times.
            target = os.path.normpath(page.parent / unquote(parts.path)) if parts.path else str(page)
            if target + "/index.html" in files:
                target += "/index.html"
            if target not in files:
                broken.append(f"{page.relative_to(site)} -> {ref}")
            elif parts.fragment and target.endswith(".html") and unquote(parts.fragment) not in _ids(Path(target)):
                broken.append(f"{page.relative_to(site)} -> {ref} (no such anchor)")
    assert broken == []


@functools.cache
def _ids(page: Path) -> frozenset[str]:
    return frozenset(str(i) for i in html_tree(page).xpath("//@id"))


def test_measure_anchors_on_notice_pages(site: Path) -> None:
    measures = json.loads((site / "data/measures.json").read_text())["measures"]
    for m in measures:
        html = (site / "notices" / m["notice"] / "index.html").read_text("utf-8")
        assert f'id="{m["id"]}"' in html


def test_no_request_to_another_host_in_the_html(site: Path) -> None:
    for page in _html_files(site):
        for tag in html_tree(page).iter("script", "link", "img", "iframe"):
            rel = (tag.get("rel") or "").split()
            ref = tag.get("src") or (tag.get("href") if tag.tag == "link" and "alternate" not in rel else None)
            if ref:
                assert not urlsplit(ref).netloc, f"{page}: {lxml.html.tostring(tag)!r}"


def test_only_content_is_indexed(site: Path) -> None:
    soup = BeautifulSoup(
        (site / "notices/shenzhen-ai-action-plan-2023-2024/m-16/index.html").read_text(), "html.parser"
    )
    body = soup.select("[data-pagefind-body]")
    assert len(body) == 1
    assert not body[0].find_parent("nav") and not body[0].select("nav.md-nav, header, footer")
    filters: dict[str, list[str]] = {}
    for f in body[0].select("[data-pagefind-filter]"):
        filters.setdefault(str(f["data-pagefind-filter"]), []).append(f.get_text())
    # A jurisdiction filters under its own name and every jurisdiction it lies within.
    assert filters["type"] == ["measure"] and filters["jurisdiction"] == ["China", "Shenzhen"]
    assert filters["country"] == ["China"]
    assert (site / "pagefind" / "pagefind-entry.json").is_file()


def _index_records(site: Path) -> list[dict[str, Any]]:
    """What Pagefind indexed of each page (its fragments: URL, content, anchors)."""
    return [
        json.loads(gzip.decompress(f.read_bytes())[len(b"pagefind_dcd") :])
        for f in (site / "pagefind" / "fragment").iterdir()
    ]


def test_a_measure_is_found_by_its_own_words_not_by_its_neighbours(site: Path) -> None:
    # The citation block repeats every measure's title, the related list names other notices'
    # measures, and every measure links "in the full text": indexed, "similarity" found 537 pages,
    # "full text" 774, and a search matched measures by the titles of their related ones.
    records = _index_records(site)
    measure = next(r for r in records if r["url"].endswith("/shenzhen-ai-action-plan-2023-2024/m-16/"))
    assert "form an artificial intelligence fund group with a scale of 100 billion yuan" in measure["content"]
    assert [a["id"] for a in measure["anchors"]][1:] == ["responsible-agencies", "targets", "themes"]
    assert "Shenzhen AI Action Plan (2023–2024), (16)" in measure["content"]  # its notice still finds it
    for record in records:
        assert "Cite this measure" not in record["content"], record["url"]
        assert "in the full text" not in record["content"], record["url"]  # every measure's link to it
        assert "(similarity 0." not in record["content"], record["url"]
        assert not {a["id"] for a in record["anchors"]} & {"cite-this-measure", "related-measures-in-other-notices"}


def test_labels_values_and_column_names_are_separate_words_in_the_index(site: Path) -> None:
    """Pagefind reads <dt>, <dd>, <caption> and <th> as inline text: "Also written as</dt><dd>GSA"
    was indexed as "asGSA" (no search for an agency's other names found its page) and a table's
    column names as one word ("TargetWhat is countedBy whenDueStatus…"; Pagefind issue 736)."""
    glued, pairs = [], 0
    for record in _index_records(site):
        tree = html_tree(site / record["url"].strip("/") / "index.html")
        runs = [[i for i in dl if i.tag in ("dt", "dd")] for dl in tree.iter("dl")]
        runs += [table.xpath("./caption | ./thead/tr/th") for table in tree.iter("table")]
        for run in runs:
            words = [item.text_content().split() for item in run]
            for before, after in itertools.pairwise(w for w in words if w):
                pairs += 1
                if before[-1] + after[0] in record["content"]:
                    glued.append(f"{record['url']}: {before[-1]}{after[0]}")
    assert pairs > 5000 and glued == []


def _filters(page: Path) -> dict[str, list[str]]:
    filters: dict[str, list[str]] = {}
    for f in html_tree(page).xpath("//*[@data-pagefind-body]//*[@data-pagefind-filter]"):
        filters.setdefault(str(f.get("data-pagefind-filter")), []).append(f.text_content())
    return filters


def test_an_international_notice_filters_by_its_body_and_level_not_by_country(site: Path) -> None:
    for body, notice in INTERNATIONAL.items():
        filters = _filters(site / "notices" / notice / "index.html")
        name = {"european-union": "European Union", "oecd": "OECD"}[body]
        assert filters["jurisdiction"] == [name] and filters["level"] == ["international"]
        assert "country" not in filters  # the EU and the OECD are not countries
    korea = _filters(site / "notices/kr-ai-basic-act-2025/index.html")
    assert korea["country"] == korea["jurisdiction"] == ["Republic of Korea"] and korea["level"] == ["national"]
    # An agency's page filters under its jurisdiction's name, as its notices' pages do (not its id).
    assert _filters(site / "agencies/eu-commission/index.html")["jurisdiction"] == ["European Union"]
    assert _filters(site / "agencies/jingan-data-bureau/index.html")["jurisdiction"] == [
        "China",
        "Shanghai",
        "Jing'an District",
    ]


COMMERCIAL_USE = {
    "allowed": "Commercial use: allowed.",
    "not-allowed": "Commercial use: not allowed without the publisher's permission.",
    "unclear": "Commercial use: unclear",
}


def test_every_licence_is_on_its_notice_page(site: Path) -> None:
    """A notice whose provenance states reuse terms shows them beside its source, linked to the
    terms where they are published; a notice whose provenance states none shows no licence."""
    notices = json.loads((site / "data/notices.json").read_text("utf-8"))["notices"]
    licensed = {n["id"] for n in notices if n["licence"]}
    assert licensed >= {
        "eu-ai-act-regulation-2024-1689",
        "kr-ai-basic-act-2025",
        "tw-ai-basic-act-2026",
        "ca-directive-automated-decision-making-2025",
        "oecd-ai-recommendation-2019-2024",
    }
    for n in notices:
        (about,) = html_tree(site / n["url"] / "index.html").xpath("//section[contains(@class, 'notice-meta')]/dl")
        labels = [dt.text_content() for dt in about.iterchildren("dt")]
        licence = n["licence"]
        if not licence:
            assert "Licence" not in labels, n["id"]
            continue
        assert labels.index("Licence") == labels.index("Source") + 1, n["id"]
        shown = " ".join(about.xpath("./dt[. = 'Licence']/following-sibling::dd[1]")[0].text_content().split())
        for field in ("name", "terms", "attribution", "note"):
            if licence[field]:
                assert " ".join(licence[field].split()) in shown, (n["id"], field)
        assert COMMERCIAL_USE[licence["commercial_use"]] in shown, n["id"]
        links = about.xpath("./dt[. = 'Licence']/following-sibling::dd[1]//a/@href")
        assert links == ([licence["url"]] if licence["url"] else []), n["id"]


# Every kind of page: a plan with targets, a notice in two languages, a plan whose restated
# targets redirect to the ones they repeat.
MIXED = (
    "shenzhen-ai-action-plan-2023-2024",
    "cn-generative-ai-interim-measures-2023",
    "jingan-zhangjiang-park-plan-2025-2026",
)


def test_build_is_deterministic_in_any_number_of_processes(shared_site: SharedSite, tmp_path: Path) -> None:
    """The same corpus built in one process and in two: the same bytes. (On a corpus of every
    kind of page, not the whole archive: the bytes do not depend on how many notices there are,
    and a second whole build cost this suite half a minute.)"""
    corpus = make_small_corpus(tmp_path / "corpus", MIXED, lock=True)
    one, two = tmp_path / "one", tmp_path / "two"
    results = [build(one, corpus, "--jobs", "1"), build(two, corpus, "--jobs", "2")]
    assert all(r.returncode == 0 for r in results), [r.stderr for r in results]
    # Each process that rendered says its peak memory; the shared site was rendered in several.
    assert re.search(r"\(1 process, peak \d+ MB\)", results[0].stderr)
    assert re.search(r"\(2 processes, peak \d+ / \d+ MB\)", results[1].stderr), results[1].stderr
    assert re.search(r"\([2-9] processes, peak \d+( / \d+)+ MB\)", shared_site.output)
    ours = {p.relative_to(one) for p in one.rglob("*") if p.is_file() and "pagefind" not in p.parts}
    theirs = {p.relative_to(two) for p in two.rglob("*") if p.is_file() and "pagefind" not in p.parts}
    assert ours == theirs and len(ours) > 200
    different = [str(p) for p in sorted(ours) if (one / p).read_bytes() != (two / p).read_bytes()]
    assert different == []


def test_failed_build_keeps_the_previous_site(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    shutil.copytree(site, out)
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    corpus = make_small_corpus(tmp_path / "corpus", ("shenzhen-ai-action-plan-2023-2024",), lock=True)
    (corpus / "notices/shenzhen-ai-action-plan-2023-2024/source.txt").write_text("changed")
    result = build(out, corpus)
    assert result.returncode == 1
    assert "sha256 does not match" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before


def test_a_link_to_an_anchor_that_is_not_there_fails_the_build(project: Path, tmp_path: Path) -> None:
    """A hand-written page's link to an anchor: found in a generated page's HTML blocks (the
    targets table's id), or reported, and the build refused."""
    # project: a copy of the configuration, theme and hand-written pages
    with (project.parent / "docs/about.md").open("a", encoding="utf-8") as about:
        about.write("\nSee [the ledger](targets/index.md#ledger-table) and [no table](targets/index.md#no-table).\n")
    corpus = make_small_corpus(tmp_path / "corpus", SHORT, lock=True)
    result = build(tmp_path / "site", corpus, "--config", str(project))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "the doc 'targets/index.md' does not contain an anchor '#no-table'" in result.stderr
    assert "'#ledger-table'" not in result.stderr  # read from the page's HTML, set aside unparsed
    assert not (tmp_path / "site").exists()
    # The preview checks them alike.
    from tools.preview import PreviewSession

    step = PreviewSession(corpus, project, tmp_path / "preview").start()
    assert not step.ok and "'#no-table'" in step.message and "'#ledger-table'" not in step.message


def test_feed_is_atom(site: Path) -> None:
    from xml.etree import ElementTree

    def entries(path: str) -> list[str]:
        feed = ElementTree.parse(site / path).getroot()
        return [
            e.findtext("{http://www.w3.org/2005/Atom}id") or ""
            for e in feed.findall("{http://www.w3.org/2005/Atom}entry")
        ]

    assert len(entries("feed.xml")) == 21
    assert len(entries("feeds/china.xml")) == 10  # five national notices, Shanghai's four, Shenzhen's
    assert len(entries("feeds/shanghai.xml")) == 4  # the municipality and its district
    assert len(entries("feeds/shanghai-jingan.xml")) == 3
    assert entries("feeds/shenzhen.xml") == ["urn:ai-policy-archive:notice:shenzhen-ai-action-plan-2023-2024"]
    assert len(entries("feeds/united-states.xml")) == 5 and len(entries("feeds/japan.xml")) == 1
    for body, notice in INTERNATIONAL.items():  # an international body has its feed, as a country does
        assert entries(f"feeds/{body}.xml") == [f"urn:ai-policy-archive:notice:{notice}"]
    for country in ("south-korea", "taiwan", "canada"):
        assert len(entries(f"feeds/{country}.xml")) == 1


def test_developer_reference_is_rendered_from_the_code(site: Path) -> None:
    html = (site / "reference/index.html").read_text()
    assert 'id="tools.parse.parse_notice"' in html
    assert "Parse one notice." in html  # parse_notice's own docstring
    # A long signature is laid out one parameter a line (Black, a dependency of the site's own,
    # so that an install without the dev tools renders the same page).
    signature = html[html.index('id="tools.shares.render_in_shares"') :]
    assert '<span class="p">(</span>\n    <span class="n">config_file</span>' in signature[:2000]
    # Without Black among the site's own dependencies, mkdocstrings would format with Ruff where
    # the dev tools are installed and not at all elsewhere: the page would differ by install.
    from importlib.metadata import requires

    assert any(re.match(r"black\b", r) for r in requires("ai-policy-archive") or [])


def test_notice_facts_are_labelled_for_what_they_are(site: Path) -> None:
    home = BeautifulSoup((site / "index.html").read_text(), "html.parser")
    rows = {r.find("a").get_text(): r.get_text(" ", strip=True) for r in home.select("table tbody tr") if r.find("a")}
    assert "2022-09-22 (adopted)" in rows["Shanghai AI Industry Regulations (2022)"]
    assert "2023-05-31 (issued)" in rows["Shenzhen AI Action Plan (2023–2024)"]
    notice = BeautifulSoup(
        (site / "notices/jingan-ai-demonstration-zone-2026-2028/index.html").read_text(), "html.parser"
    )
    assert "Approved by the Jing'an District People's Government" in notice.get_text()


def test_no_page_has_an_id_twice(site: Path) -> None:
    # A heading's anchor and a table's id must not collide: links and scripts would find the wrong one.
    doubled = {}
    for page in _html_files(site):
        ids = Counter(str(i) for i in html_tree(page).xpath("//@id"))
        twice = sorted(i for i, count in ids.items() if count > 1)
        if twice:
            doubled[str(page.relative_to(site))] = twice
    assert doubled == {}


def test_each_search_page_warms_up_with_a_word_of_its_language(site: Path) -> None:
    # The warm-up search must find pages of the search page's own index, or it warms nothing.
    def warm_up(page: str) -> str:
        soup = BeautifulSoup((site / page).read_text("utf-8"), "html.parser")
        return str(soup.select_one("pagefind-config[data-warm-up]")["data-warm-up"])

    english, chinese = warm_up("search/index.html"), warm_up("search/zh/index.html")
    assert warm_up("index.html") == english
    assert english.isascii() and english.isalpha(), english
    assert len(chinese) == 2 and all("\u4e00" <= c <= "\u9fff" for c in chinese), chinese
    notice = (site / "notices" / "cn-state-council-ai-plus-opinions-2025" / "index.html").read_text("utf-8")
    assert chinese in notice


def test_compare_lists_each_agency_with_the_notices_that_name_it(site: Path, archive: Archive) -> None:
    # Read from the parsed archive here, not from tools/generate: notice -> role -> measure ids.
    named: dict[str, dict[str, dict[str, set[str]]]] = {}
    for notice in archive.notices:
        for measure in notice.parsed.measures:
            for ref in measure.agencies:
                named.setdefault(ref.agency, {}).setdefault(notice.id, {}).setdefault(ref.role, set()).add(measure.id)
    page = lxml.html.parse(str(site / "compare/index.html"))
    (table,) = page.xpath("//div[@aria-label='Agencies by notice']//table")
    assert [th.text_content() for th in table.xpath("thead//th")] == [
        "Agency",
        "Measures",
        "Notices",
        "Roles by notice",
    ]
    rows = table.xpath("tbody/tr")
    assert len(rows) == len(named)
    totals = []
    for row in rows:
        agency = row.xpath("string(th/a/@href)").strip("/").split("/")[-1]
        measures, count, roles = row.xpath("td")
        expected = named.pop(agency)
        totals.append(int(measures.text_content()))
        assert totals[-1] == len({(n, m) for n, r in expected.items() for ms in r.values() for m in ms}), agency
        assert int(count.text_content()) == len(expected), agency
        assert sorted(a.get("href").strip("/").split("/")[-1] for a in roles.xpath("a")) == sorted(expected), agency
        for line in _lines(roles):
            title, said = line.split(": ", 1)
            notice_id = next(n.id for n in archive.notices if n.meta["short_title"] == title)
            assert said == ", ".join(f"{len(ms)} {role}" for role, ms in expected[notice_id].items()), (agency, line)
    assert named == {}
    assert totals == sorted(totals, reverse=True)  # the agencies named in most measures first
    assert not table.xpath("tbody//td[not(normalize-space())]"), "no empty cells"


def test_the_home_page_sums_up_each_theme_and_the_grid_is_a_click_away(site: Path, archive: Archive) -> None:
    """A row per theme on the home page, however many notices (its grid of themes by notices was
    most of the page and grew with every notice: 691 KB at 32x); the grid on Themes and Compare."""
    touched: dict[str, list[int]] = {theme.id: [0, 0] for theme in archive.registry.themes}  # notices, measures
    for notice in archive.notices:
        per_theme = Counter(theme for measure in notice.parsed.measures for theme in measure.themes)
        for theme, measures in per_theme.items():
            touched[theme][0] += 1
            touched[theme][1] += measures
    home = html_tree(site / "index.html")
    (table,) = home.xpath("//table[contains(@class, 'theme-summary')]")
    assert [th.text_content() for th in table.xpath("thead//th")] == ["Theme", "Notices", "Measures"]
    shown = {
        row.xpath("string(th/a/@href)").strip("/").split("/")[-1]: [int(td.text_content()) for td in row.xpath("td")]
        for row in table.xpath("tbody/tr")
    }
    assert shown == touched and sum(m for _, m in shown.values()) > 500
    assert not home.xpath("//table[contains(@class, 'coverage')]")
    links = home.xpath("//h2[@id='what-they-cover']/following-sibling::p[1]//a/@href")
    assert links == ["themes/", "compare/"]
    for page in ("themes", "compare"):
        (grid,) = html_tree(site / page / "index.html").xpath("//table[contains(@class, 'coverage')]")
        assert len(grid.xpath("tbody/tr")) == len(touched)


def _lines(cell: lxml.html.HtmlElement) -> list[str]:
    """The cell's lines, as its <br> elements break them."""
    for br in cell.xpath(".//br"):
        br.tail = "\n" + (br.tail or "")
    return cell.text_content().split("\n")


def test_compare_counts_each_kind_of_target_by_notice_as_its_page_lists_them(site: Path, archive: Archive) -> None:
    page = lxml.html.parse(str(site / "compare/index.html"))
    (table,) = page.xpath("//div[@aria-label='Targets by kind and notice']//table")
    assert [th.text_content() for th in table.xpath("thead//th")] == ["Kind", "Targets", "Notices", "Targets by notice"]
    titles = {n.meta["short_title"]: n for n in archive.notices}
    rows = table.xpath("tbody/tr")
    assert len(rows) == len({t.kind for n in archive.notices for t in n.targets})
    for row in rows:
        href = row.xpath("string(th/a/@href)")
        kind = href.strip("/").split("/")[-1]
        total, count, by_notice = row.xpath("td")
        listed = lxml.html.parse(str(site / "compare" / href / "index.html")).xpath("//article//tbody/tr")
        assert int(total.text_content()) == len(listed), kind  # the kind's page lists as many
        lines = _lines(by_notice)
        assert int(count.text_content()) == len(lines), kind
        for line in lines:
            title, said = line.rsplit(": ", 1)
            assert int(said) == sum(t.kind == kind for t in titles[title].targets), (kind, line)
        links = by_notice.xpath("a/@href")
        assert all(h.endswith("/#targets") for h in links), links
