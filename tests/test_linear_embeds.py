"""Hostile inputs to the link check, under the documented size limit: a WordPress shortcode carrying an address
(``[embed]https://youtu.be/x[/embed]``) pasted thousands of times into one link's address. Each nested
``https://`` was read as an address a redirect or proxy carries, every one the rest of the link, and each was
normalised in full: quadratic. At most a few are read now, and the findings are those of a few copies."""

from __future__ import annotations

import pytest

from conftest import COMPLIANT_META, cpu_seconds, markdown
from reprint_guard import check_text

META = {**COMPLIANT_META, "original_url": "https://www.globalresearch.ca/x/5881402"}
#: Before the fix each took seconds at 4,000 copies (the first 9.7 s; the HTML one about 24 s). Each embeds
#: its own address: normalize_url's cache would otherwise carry one shape's addresses over to the next.
SHAPES = {
    "wp-embed-in-link": lambda n: "[Mongabay](https://news.mongab" + "[embed]https://youtu.be/x[/embed]" * n + ")",
    "original-embedded": lambda n: (
        "[Mongabay](https://news.mongab" + "[embed]https://www.globalresearch.ca/x[/embed]" * n + ")"
    ),
    "other-shortcode": lambda n: "[Mongabay](https://news.mongab" + "[video]https://youtu.be/z[/video]" * n + ")",
    "html-link": lambda n: '<a href="https://news.mongab%5B' + "[embed]https://vimeo.com/1[/embed]" * n + '">M</a>',
    "host-not-ascii": lambda n: "[Mongabay](https://news.mongabé.com/" + "[embed]https://youtu.be/y[/embed]" * n + ")",
}


def _findings(body: str) -> tuple[list[tuple], float]:
    """The findings of a page with ``body``, as comparable tuples, and how long the check took."""
    start = cpu_seconds()
    result = check_text(markdown(META, body + "\n"))
    took = cpu_seconds() - start
    return [(f.rule, f.severity, f.line, f.column, f.message) for f in result.findings], took


@pytest.mark.parametrize("shape", SHAPES, ids=list(SHAPES))
def test_shortcodes_pasted_into_a_links_address_are_read_in_linear_time(shape):
    """4,000 copies (130 KB) are checked in well under the seconds each took, with the findings of three."""
    check_text(markdown(META, "warm-up\n"))  # the policies' patterns are compiled once, outside the timing
    found, took = _findings(SHAPES[shape](4000))
    assert took < 3
    small, _ = _findings(SHAPES[shape](3))
    assert found == small
    assert any(rule == "global-research/link-original" for rule, *_ in found)
