"""More hostile HTML the depth guard (reprint_guard.htmldepth) must read in linear time, and still let through.

Each page keeps under the documented limits (under 4,000 levels and 100,000 elements, a few hundred KB): an
element a rule looks for is open below thousands of ``<span>``, under an element that stops the search, and
thousands of tags each looked down the stack for it.
"""

from __future__ import annotations

import pytest

from conftest import cpu_seconds
from reprint_guard import check
from reprint_guard.htmldepth import _Model, too_costly
from test_linear_guard import HEAD, META

SPANS = "<span>" * 3980


def page(start: str, repeated: str, size: int) -> str:
    """``start`` and the spans, then ``repeated`` until the page is about ``size`` characters."""
    return HEAD + start + SPANS + repeated * ((size - len(HEAD) - len(start) - len(SPANS)) // len(repeated))


def assert_let_through_in(html: str, seconds: float) -> None:
    """The guard lets the deep page through (it is under every limit) within ``seconds``; it is checked in full."""
    start = cpu_seconds()
    assert too_costly(html) is None
    assert cpu_seconds() - start < seconds
    model = _Model(html)
    assert model.run() is None and model.deepest > 3980  # as deep as meant: the rules had far to look
    result = check(html + "</body></html>", META, format="html")
    assert (result.status, result.fully_checked, result.findings) == ("pass", True, [])


@pytest.mark.parametrize(
    ("start", "repeated", "size"),
    [
        ("<i><div>", "</i>", 150_000),  # a formatting element's end stops at the first special element
        ("<q><div>", "</q>", 150_000),  # as does any other end tag
        ("<div><object>", "</div>", 200_000),  # a block's end stops at the edge of its scope
        ("<table><tr><td><table>", "</tr>", 200_000),  # a row's end stops at its table
    ],
    ids=["formatting", "other", "scoped", "table"],
)
def test_end_tags_of_an_element_out_of_reach_are_read_in_linear_time(start: str, repeated: str, size: int) -> None:
    """Each end tag walked down the stack to what stops it: 31,000 ``</i>`` over 3,980 ``<span>`` in a
    ``<div>`` in an ``<i>`` (150 KB) took the guard 6 s; the nearest stopping element is tracked."""
    assert_let_through_in(page(start, repeated, size), 2.0)


@pytest.mark.parametrize(
    ("start", "repeated"),
    [("<ul><li><ul>", "<li></li>"), ("<dl><dd><dl>", "<dd></dd>"), ("<dl><dt><dl>", "<dt></dt>")],
    ids=["li", "dd", "dt"],
)
def test_list_items_under_a_deep_list_are_read_in_linear_time(start: str, repeated: str) -> None:
    """Each item walked down the stack for an open one, to the inner list: 30,000 ``<li>`` under 3,980
    ``<span>`` (300 KB) took the guard 6.4 s; the nearest element that stops the search is tracked."""
    assert_let_through_in(page(start, repeated, 300_000), 2.0)


def test_buttons_under_a_deep_button_are_read_in_linear_time() -> None:
    """Each ``<button>`` walked down the stack for an open one, to the ``<object>`` above it: 25,000 of them
    under 3,980 ``<span>`` (450 KB) took the guard 5.2 s; button scope's boundaries are tracked."""
    assert_let_through_in(page("<button><object>", "<button></button>", 450_000), 2.0)


@pytest.mark.parametrize(
    ("start", "repeated", "size"),
    [
        ("<table><td>", "<table></table>", 400_000),  # a table in a table (not in a cell) ends it
        ("<table><td><table>", "<td></td>", 250_000),
        ("<table><tr><td><table>", "<tr></tr>", 150_000),
        ("<table><tbody><tr><td><table>", "<tbody></tbody>", 150_000),
        ("<table><caption><tbody><tr><td><table>", "<caption></caption>", 150_000),
    ],
    ids=["table", "td", "tr", "tbody", "caption"],
)
def test_table_parts_in_a_deep_inner_table_are_read_in_linear_time(start: str, repeated: str, size: int) -> None:
    """Each table part walked down the stack for an open one, to the inner table (a row for a row, then a
    cell): 14,000 ``<tr>`` under 3,980 ``<span>`` (150 KB) took the guard 6.3 s; found by serial now."""
    assert_let_through_in(page(start, repeated, size), 2.0)


def test_a_long_formatting_tag_reopened_in_every_paragraph_is_refused() -> None:
    """The parser copies a reopened element's attributes: a ``<b>`` of 200 KB left open in one paragraph and
    reopened in 25,000 more (400 KB) made it allocate 5 GB and take 25 s, and the guard counted the tag's
    attributes again each time (3 s). The page is refused once the copies would pass 10^8 characters."""
    html = HEAD + '<p><b title="' + "x" * 200_000 + '"></p>' + "<p>x</p>" * 25_000
    start = cpu_seconds()
    found = too_costly(html)
    assert cpu_seconds() - start < 2.0
    assert found is not None
    assert found[1] == "HTML misnested so that the parser would copy 100000000+ characters of formatting tags"
    # A link of a few hundred characters left open over 20,000 paragraphs is copied 7 MB: let through.
    link = '<a href="https://www.example.org/' + "x" * 300 + '">'
    assert too_costly(HEAD + "<p>" + link + "</p>" + "<p>x</p>" * 20_000) is None
