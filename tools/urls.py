"""The site's URL scheme, in one place. URLs are site-relative (no leading slash) so the
site works unchanged under a sub-path such as https://org.github.io/repo/."""

from __future__ import annotations


def notice(notice_id: str) -> str:
    return f"notices/{notice_id}/"


def measure(notice_id: str, measure_id: str) -> str:
    return f"notices/{notice_id}/{measure_id}/"


def measure_anchor(notice_id: str, measure_id: str) -> str:
    return f"notices/{notice_id}/#{measure_id}"


def agency(agency_id: str) -> str:
    return f"agencies/{agency_id}/"


def target(target_id: str) -> str:
    return f"targets/{target_id}/"


def theme(theme_id: str) -> str:
    return f"themes/{theme_id}/"
