"""Themes by keyword rules (tools/themes.py): whole words, the longest keyword at each place,
spaces and hyphens alike, Chinese keywords anywhere, and each theme's minimum of distinct hits."""

from __future__ import annotations

from tools.models import Theme
from tools.themes import assign, hits


def theme(theme_id: str, *keywords: str, min_hits: int = 1) -> Theme:
    return Theme(theme_id, theme_id, "", keywords, min_hits, 1)


MODELS = theme("models", "foundation models", "models", "large-scale model")
DATA = theme("data", "data", "public data", "数据")
SECURITY = theme("security", "security", "safety", "risk", min_hits=2)
THEMES = (MODELS, DATA, SECURITY)


def test_a_keyword_counts_only_as_whole_words() -> None:
    assert hits("Datasets and metadata are listed.", DATA) == []
    assert hits("Open the data.", DATA) == ["data"]


def test_the_longest_keyword_at_a_place_is_the_one_found() -> None:
    # "foundation models" is found, and its "models" is not found again on its own.
    assert hits("Train foundation models.", MODELS) == ["foundation models"]
    assert hits("Train foundation models and vertical models.", MODELS) == ["foundation models", "models"]
    assert hits("Open public data.", DATA) == ["public data"]


def test_spaces_and_hyphens_match_each_other_and_case_does_not_matter() -> None:
    assert hits("A LARGE SCALE MODEL for each sector.", MODELS) == ["large-scale model"]
    assert hits("Build Foundation-Models.", MODELS) == ["foundation models"]


def test_a_keyword_after_words_that_start_none_is_found() -> None:
    # Most words of a text start no keyword; the one after a run of them still counts.
    text = "The municipal government will actively and steadily promote the opening of public data."
    assert hits(text, DATA) == ["public data"]
    assert hits("foundation", MODELS) == []  # the start of a keyword is not the keyword


def test_chinese_keywords_match_anywhere_in_the_text() -> None:
    assert hits("推动公共数据开放", DATA) == ["数据"]
    assert assign("推动公共数据开放", THEMES) == ["data"]


def test_a_theme_needs_its_minimum_of_distinct_keywords() -> None:
    assert assign("Assess the risk and the risk again.", THEMES) == []
    assert assign("Assess the risk to safety.", THEMES) == ["security"]
    assert assign("Share public data to train models; assess risk and safety.", THEMES) == [
        "models",
        "data",
        "security",
    ]
