"""Hostile HTML that the depth guard (reprint_guard.htmldepth) must read in linear time, and still let through."""

from __future__ import annotations

from conftest import cpu_seconds
from reprint_guard import check
from reprint_guard.htmldepth import too_costly

URL = "https://www.globalresearch.ca/some-story/5812345"
META = {"original_url": URL, "author": "Ana Ruiz", "commercial": False}
HEAD = (
    f'<html><head><link rel="canonical" href="{URL}"></head><body>'
    f'<p>The original source of this article is <a href="{URL}">Global Research</a>.'
    " Copyright © Ana Ruiz, Global Research, 2025</p>"
)


def assert_checked_in(page: str, seconds: float) -> None:
    """The page is checked in full (the guard does not refuse it) and passes, within ``seconds``."""
    start = cpu_seconds()
    result = check(page, META, format="html")
    assert cpu_seconds() - start < seconds
    assert too_costly(page) is None
    assert (result.status, result.fully_checked, result.findings) == ("pass", True, [])


def test_stray_end_tags_under_thousands_of_pending_formatting_elements_are_read_in_linear_time() -> None:
    """Each stray end tag searched every pending formatting element for its own: 40,000 ``</i>`` after a
    block closed 3,990 ``<b>`` took 11 s (400 KB, 33 s); they are found by name."""
    page = HEAD + "<div>" + "".join(f"<b id={i}>" for i in range(3990)) + "</div>" + "</i>" * 40_000
    assert_checked_in(page + "</body></html>", 5.0)


def test_blocks_under_a_deep_button_over_an_open_p_are_read_in_linear_time() -> None:
    """Each ``<hr>`` walked the stack for a ``<p>`` in button scope: 40,000 of them over 3,990 ``<span>`` in a
    ``<button>`` in a ``<p>`` took 19 s; the open ``<p>`` and the scope's boundaries are tracked."""
    page = HEAD + "<p><button>" + "<span>" * 3990 + "<hr>" * 40_000
    assert_checked_in(page + "</body></html>", 8.0)
