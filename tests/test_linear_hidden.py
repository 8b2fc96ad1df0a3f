"""Nested elements whose inline style hides their text (a colour on itself, a font size of nothing) must be read in
linear time, and hide exactly what a few of them do.

Each element whose own text does not show was searched for what shows again inside it, down through every styled
element it holds: 3,000 nested ``<span style="color:#fff;background:#fff">`` (129 KB) took 26 s, 3,000
``<span style="font-size:0">`` in Markdown (84 KB) 17 s. What a hidden element holds is no longer asked about
again, nor an element searched already in the look it gives itself.
"""

from __future__ import annotations

import pytest

from conftest import cpu_seconds
from reprint_guard import check
from reprint_guard.visible import from_html
from test_linear_guard import META, URL

#: The page's credit is hidden with the nested spans: the same finding (no visible credit) for 3 or 3,000.
CREDIT = "The original source of this article is Global Research. Copyright © Ana Ruiz, Global Research, 2025"
HIDING = [
    "color:#fff;background:#fff",
    "font-size:0",
    "font:0/0 a",
    "color:transparent",
    "color: var(--x); background: var(--x)",
]
LEVELS = 3000


def nested(style: str, levels: int) -> str:
    """``levels`` spans of ``style``, one in the other, each with a word, the credit in the innermost."""
    return "Hello x " + f'<span style="{style}">x ' * levels + CREDIT + "</span>" * levels


def findings(body: str, format: str, seconds: float) -> tuple[str, bool, list[tuple[str, str, str]]]:
    """The check's status, whether it was checked in full, and its findings (where in the file aside), within
    ``seconds``."""
    start = cpu_seconds()
    result = check(body, META, format=format)
    assert cpu_seconds() - start < seconds
    return result.status, result.fully_checked, [(f.rule, f.check, f.severity) for f in result.findings]


def html_page(body: str) -> str:
    return f'<html><head><link rel="canonical" href="{URL}"></head><body><p>{body}</p></body></html>'


@pytest.mark.parametrize("style", HIDING, ids=["same-colour", "font-size-0", "font-0", "transparent", "var"])
def test_nested_hidden_elements_are_read_in_linear_time(style: str) -> None:
    """3,000 nested hidden spans (1,000 took 3.4 s) are checked within seconds, as 3 of them are: all hidden."""
    small = findings(html_page(nested(style, 3)), "html", 10.0)
    assert small[0] == "fail" and small[1]  # the hidden credit is no credit
    assert findings(html_page(nested(style, LEVELS)), "html", 3.0) == small
    start = cpu_seconds()
    text = from_html(nested(style, LEVELS)).raw_text
    assert cpu_seconds() - start < 2.0
    assert text == from_html(nested(style, 3)).raw_text == "Hello x "


@pytest.mark.parametrize("style", ["font-size:0", "color:#fff;background:#fff"], ids=["font-size-0", "same-colour"])
def test_nested_hidden_spans_in_markdown_are_read_in_linear_time(style: str) -> None:
    """The Markdown form (raw HTML in a paragraph, as fuzzed: 84 KB took 17 s)."""
    small = findings(nested(style, 3) + "\n", "markdown", 10.0)
    assert small[0] == "fail" and small[1]
    assert findings(nested(style, LEVELS) + "\n", "markdown", 3.0) == small


def alternating(hiding: str, showing: str, levels: int) -> tuple[str, str]:
    """Spans that hide their text and spans that show it again, one in the other; and the text that shows."""
    html = "".join(f'<span style="{hiding}">h{i} <span style="{showing}">s{i} ' for i in range(levels))
    return html + "</span>" * (2 * levels), "".join(f"s{i} " for i in range(levels))


@pytest.mark.parametrize(
    ("hiding", "showing"),
    [
        ("font-size:0", "font-size:14px"),
        ("color:#fff;background:#fff", "color:#222"),
        ("font:0/0 a", "font:16px a"),
        ("font-size:0;background:#000", "font-size:14px;color:#fff"),  # looks otherwise in the span around it
    ],
    ids=["font-size", "colour", "font", "backdrop"],
)
def test_hidden_spans_shown_again_inside_are_read_in_linear_time(hiding: str, showing: str) -> None:
    """Each hidden span was searched down to the innermost one shown again: 1,500 of each (took 3 s to
    minutes) are searched once, and show what 3 of them do: the text of the spans shown again, not of those
    hidden."""
    for levels in (3, 1500):
        html, shown = alternating(hiding, showing, levels)
        start = cpu_seconds()
        text = from_html(html).raw_text
        assert cpu_seconds() - start < 2.0
        assert text == shown
