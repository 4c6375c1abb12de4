"""Template filters: relative links that survive any sub-path, and text that stays text."""

from __future__ import annotations

import pytest

from tools.generate.markup import attrs, front_value, md, rel, web_address


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


def test_markdown_syntax_and_html_stay_characters() -> None:
    assert md("*a* [b](c) <i> {: onclick} it's") == r"\*a\* \[b\]\(c\) &lt;i&gt; \{: onclick\} it&#x27;s"


def test_front_matter_values_are_escaped_once_never_replaced() -> None:
    assert front_value('A <b> "title"\n') == '"A &lt;b&gt; &quot;title&quot;"'
    assert front_value("x" * 10, limit=4) == '"xxxx"'


def test_attribute_lists_are_built_from_escaped_parts() -> None:
    assert attrs("m-1", "measure-heading") == "{#m-1 .measure-heading}"
    assert attrs(data_pagefind_weight='0.3"') == '{data-pagefind-weight="0.3&quot;"}'


def test_only_web_addresses_become_links() -> None:
    assert web_address("https://www.gov.cn/zhengce/") == "https://www.gov.cn/zhengce/"
    assert web_address("javascript:alert(1)") == ""
    assert web_address('https://x.example/" onclick="y') == ""
