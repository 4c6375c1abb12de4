"""A notice is data, never markup: hostile text in every field that reaches a page, a feed or the
search index stays characters. Nothing comes alive, and the reader sees exactly what was written."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from tools.load import sha256

from .conftest import SMALL, make_small_corpus
from .site_helpers import build, load_yaml, project_copy

pytestmark = pytest.mark.heavy  # builds a site, or runs the command many times: scheduled first

NOTICE = "shenzhen-ai-action-plan-2023-2024"
# Quotes, tags, event handlers, a javascript: link, an attribute list, a refresh, an iframe,
# Markdown link and image syntax: every way text could turn into markup.
HOSTILE = (
    '"\'><script>alert(1)</script><img src=x onerror=alert(2)> {: onclick="alert(3)"} '
    '<meta http-equiv="refresh" content="0;url=http://evil.example/"><iframe src="javascript:alert(4)"></iframe> '
    "[click](javascript:alert(5)) ![pic](http://evil.example/x.png) *bold* &amp; &"
)
SHORT = '"\'><b onclick="alert(7)">x</b>{: onclick=y}'  # for fields with a length limit


def _edit_yaml(path: Path, change: object) -> None:
    data = load_yaml(path.read_text("utf-8"))
    change(data)  # type: ignore[operator]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    corpus = make_small_corpus(root / "corpus", SMALL)
    folder = corpus / "notices" / NOTICE
    text = (folder / "source.txt").read_text("utf-8")
    # A measure heading, its body, and the sentence of a target.
    text = text.replace("(1) Build a city-level", f"(1) Build {HOSTILE} a city-level", 1)
    text = text.replace("Integrate computing power", f"Integrate {HOSTILE} computing power", 1)
    text = text.replace(
        "form an artificial intelligence fund group", f"form {HOSTILE} an artificial intelligence fund group"
    )
    (folder / "source.txt").write_text(text, encoding="utf-8")

    def notice(meta: dict) -> None:  # type: ignore[type-arg]
        meta["title"] = f"Title {HOSTILE}"
        meta["short_title"] = f"Short {SHORT}"
        meta["notes"] = f"Note {HOSTILE}"
        meta["document_number"] = None
        meta.pop("document_number")
        meta["source"]["publisher"] = f"Publisher {HOSTILE}"
        meta["source"]["url"] = "javascript:alert(6)"
        meta["translation"]["note"] = f"Translation {HOSTILE}"
        meta["relations"][0]["note"] = f"Relation {HOSTILE}"
        meta["sha256"] = sha256(folder / "source.txt")

    _edit_yaml(folder / "notice.yaml", notice)

    def agencies(data: dict) -> None:  # type: ignore[type-arg]
        for agency in data["agencies"]:
            if agency["id"] == "shenzhen-science-technology-and-innovation-commission":
                agency["aliases"] = [agency["name"], *agency.get("aliases", [])]
                agency["name"] = f"Bureau {HOSTILE}"

    _edit_yaml(corpus / "agencies.yaml", agencies)
    out = root / "site"
    result = build(out, corpus, "--config", str(project_copy(root / "project")))
    assert result.returncode == 0, result.stderr
    return out


def _live_markup(soup: BeautifulSoup) -> list[str]:
    """Anything the hostile text could have turned into: elements, handlers, links, a refresh."""
    found = []
    for tag in soup.find_all(True):
        assert isinstance(tag, Tag)
        for name, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            # An attribute *value* holding the text is harmless; a handler or a live address is not.
            live_address = name in {"href", "src", "action"} and (
                text.strip().lower().startswith("javascript:") or "evil.example" in text
            )
            if name.startswith("on") or live_address:
                found.append(f"<{tag.name} {name}={text!r}>")
        if tag.name in {"script", "iframe"} and "alert(" in tag.get_text():
            found.append(f"<{tag.name}>{tag.get_text()}")
        if tag.name == "meta" and tag.get("http-equiv"):
            found.append(f"<meta http-equiv={tag.get('http-equiv')}>")
        if tag.name in {"iframe", "img"} and tag.get("src") in {"x", "http://evil.example/x.png"}:
            found.append(f"<{tag.name} src={tag.get('src')}>")
    return found


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


def test_nothing_comes_alive_anywhere(hostile_site: Path) -> None:
    alive = {}
    for page in _pages(hostile_site):
        found = _live_markup(BeautifulSoup(page.read_text("utf-8"), "html.parser"))
        if found:
            alive[str(page.relative_to(hostile_site))] = found
    assert alive == {}


def _text(page: Path) -> str:
    return " ".join(BeautifulSoup(page.read_text("utf-8"), "html.parser").get_text(" ").split())


def test_the_reader_sees_the_text_as_written(hostile_site: Path) -> None:
    shown = " ".join(HOSTILE.split())
    notice = hostile_site / "notices" / NOTICE / "index.html"
    measure = hostile_site / "notices" / NOTICE / "m-1" / "index.html"
    agency = hostile_site / "agencies/shenzhen-science-technology-and-innovation-commission/index.html"
    for page, expected in [
        (notice, f"Title {shown}"),
        (notice, f"Note {shown}"),
        (notice, f"Publisher {shown}"),
        (notice, f"Translation {shown}"),
        (notice, f"Relation {shown}"),
        (notice, f"Build {shown} a city-level"),
        (measure, f"Integrate {shown} computing power"),
        (agency, f"Bureau {shown}"),
    ]:
        assert expected in _text(page), (page, expected)
    soup = BeautifulSoup(measure.read_text("utf-8"), "html.parser")
    assert soup.title is not None and f"Short {SHORT}" in soup.title.get_text()
    description = soup.find("meta", attrs={"name": "description"})
    assert isinstance(description, Tag) and str(description["content"]).startswith(f"Build {HOSTILE[:40]}")
    # No look-alike characters stand in for the ones the notice has.
    assert "‹" not in measure.read_text("utf-8") and "›script" not in measure.read_text("utf-8")


def test_a_javascript_source_address_is_not_a_link(hostile_site: Path) -> None:
    soup = BeautifulSoup((hostile_site / "notices" / NOTICE / "index.html").read_text("utf-8"), "html.parser")
    assert not soup.select('a[href^="javascript"]')
    assert "javascript:alert(6)" in soup.get_text()


def test_target_sentence_is_marked_not_executed(hostile_site: Path) -> None:
    targets = json.loads((hostile_site / "data/targets.json").read_text("utf-8"))["targets"]
    fund = next(t for t in targets if t["notice"] == NOTICE and t["unit"] == "yuan")
    soup = BeautifulSoup((hostile_site / fund["url"] / "index.html").read_text("utf-8"), "html.parser")
    quote = soup.select_one("blockquote.target-sentence")
    assert quote is not None and " ".join(HOSTILE.split()) in " ".join(quote.get_text().split())
    assert [t.name for t in quote.find_all(True)] == ["p", "mark"]


def test_feed_entries_are_text(hostile_site: Path) -> None:
    feed = ElementTree.parse(hostile_site / "feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [e.findtext(f"{atom}title") or "" for e in feed.iter(f"{atom}entry")]
    assert f"Title {HOSTILE}" in titles
    assert not [el for el in feed.iter() if not el.tag.startswith(atom)]  # no element smuggled in


def test_search_index_metadata_is_text(hostile_site: Path) -> None:
    titles = set()
    for fragment in (hostile_site / "pagefind" / "fragment").iterdir():
        record = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd") :])
        titles.add(record["meta"].get("title", ""))
    assert f"Short {SHORT}" in titles
    assert any(t.startswith(f"Short {SHORT} · ") for t in titles)  # a measure page of the notice
