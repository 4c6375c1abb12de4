"""Page-writing helpers: relative links that survive any sub-path, and escaping of notice text."""

from __future__ import annotations

import pytest

from tools.generate.markup import e, md, plain_title, rel


@pytest.mark.parametrize(
    ("source", "target", "href"),
    [
        ("notices/a/m-1/", "agencies/b/", "../../../agencies/b/"),
        ("", "notices/a/", "notices/a/"),
        ("notices/a/", "notices/a/#x", "#x"),
        ("notices/a/m-1/", "notices/a/#m-1", "../#m-1"),
        ("notices/a/", "notices/a/", "./"),
        ("notices/", "data/notices.json", "../data/notices.json"),
    ],
)
def test_links_are_relative(source: str, target: str, href: str) -> None:
    assert rel(source, target) == href


def test_notice_text_cannot_become_markup() -> None:
    assert e('<script>"x"</script>') == "&lt;script&gt;&quot;x&quot;&lt;/script&gt;"
    assert md("*a* [b](c) <i>") == r"\*a\* \[b\]\(c\) &lt;i&gt;"
    assert plain_title("A <b> title\n") == "A ‹b› title "
