"""Visible text as a browser shows it: small pages on which a differential test against headless Chromium (its
``innerText``, each word's box, clipping, opacity and colours) found the tool's reading of inline styles wrong.
Each page is inline here; no browser is needed."""

from __future__ import annotations

import pytest

from conftest import FERRY_META, FERRY_STORY, FERRY_URL, cpu_seconds
from reprint_guard import check
from reprint_guard.visible import from_html

URL, META = FERRY_URL, FERRY_META  # a Global Research reprint of a story about island ferries
STORY = FERRY_STORY
CREDIT = (
    f'<p>The original source of this article is <a href="{URL}">Global Research</a>. '
    "Copyright © Lotte Varga, Global Research, 2025</p>"
)
CREDIT_RULES = ["global-research/copyright-notice", "global-research/link-original", "global-research/source-credit"]


def fired(tail: str) -> list[str]:
    """The rules a Global Research reprint fires whose page ends with ``tail`` (HTML)."""
    result = check(STORY + tail + "\n", META, format="html")
    return sorted(f.rule for f in result.findings)


def hides(style: str) -> None:
    """An element of this inline style shows no words, and a credit inside it counts for nothing."""
    assert shown(f'<div style="{style}">Source: Global Research</div>') == []
    assert fired(f'<div style="{style}">{CREDIT}</div>') == CREDIT_RULES


def shown(html: str) -> list[str]:
    """The words a reader sees of ``html``."""
    return from_html(html).raw_text.split()


@pytest.mark.parametrize(
    "style",
    [
        "-webkit-backface-visibility:hidden",
        "backface-visibility: hidden; transform: translateZ(0)",
        "--x-display:none",
        "--menu-visibility: hidden",
    ],
)
def test_a_property_whose_name_ends_in_display_or_visibility_hides_nothing(style):
    """``display:none`` and ``visibility:hidden`` were found inside other properties' names: a page builder's
    ``-webkit-backface-visibility: hidden`` (a flicker fix) hid a credit every browser shows."""
    assert shown(f'<p style="{style}">Source: Global Research</p>') == ["Source:", "Global", "Research"]
    assert fired(f'<div style="{style}">{CREDIT}</div>') == []


@pytest.mark.parametrize(
    "style", ["display:none", "color:red;display:none", "visibility:hidden", "content-visibility:hidden"]
)
def test_a_hiding_display_or_visibility_still_hides(style):
    assert shown(f'<p style="{style}">Source: Global Research</p>') == []


@pytest.mark.parametrize(
    "style",
    [
        "-webkit-text-fill-color:transparent",
        "-webkit-text-fill-color:rgba(0,0,0,0)",
        "background:#fff;-webkit-text-fill-color:#fff",
    ],
)
def test_letters_filled_with_nothing_or_their_background_do_not_show(style):
    """The letters' own fill stands over ``color``: set alone to nothing (or to the background's colour), it was
    not read, and the credit counted while no browser draws it."""
    hides(style)


def test_letters_filled_with_a_colour_of_their_own_show():
    assert shown('<p style="color:transparent;-webkit-text-fill-color:#222">Source</p>') == ["Source"]
    assert shown('<p style="-webkit-text-fill-color:#222">Source</p>') == ["Source"]


@pytest.mark.parametrize(
    "colour",
    [
        "oklch(0 0 0 / 0)",
        "lab(0 0 0 / 0)",
        "lch(50% 0 0 / 0%)",
        "oklab(0.5 0 0 / 0.01)",
        "hwb(0 0% 0% / 0)",
        "color(srgb 0 0 0 / 0)",
    ],
)
def test_a_css_colour_4_function_with_no_alpha_is_transparent(colour):
    """``rgb()`` and ``hsl()`` were read for their alpha, the other colour functions browsers draw were not:
    a credit in ``oklch(0 0 0 / 0)`` counted."""
    hides(f"color:{colour}")


@pytest.mark.parametrize("colour", ["oklch(0.3 0.1 250)", "lab(20 0 0 / 0.9)", "hwb(0 0% 0%)", "color(srgb 0 0 0)"])
def test_a_css_colour_4_function_that_shows(colour):
    assert shown(f'<p style="color:{colour}">Source</p>') == ["Source"]
    assert shown(f'<p style="color:#fff;background:{colour}">Source</p>') == ["Source"]


@pytest.mark.parametrize(
    "style",
    [
        "position:absolute;right:9999px",
        "position:relative;right:9999px",
        "position:absolute;bottom:9999px",
        "position:absolute;right:calc(100% + 5000px)",
        "position:absolute;inset:-9999px auto auto -9999px",
        "position:absolute;inset-inline-start:-9999px",
        "position:absolute;inset-block-start:-9999px",
        "position:absolute;inset-inline-end:9999px",
        "margin-inline-start:-9999px",
        "margin-block-start:-9999px",
        "margin-inline:-9999px auto",
        "transform:matrix(1,0,0,1,-9999,0)",
        "transform:matrix(1, 0, 0, 1, 0, -9999)",
        "transform:matrix3d(1,0,0,0,0,1,0,0,0,0,1,0,-9999,0,0,1)",
    ],
)
def test_placed_far_off_screen_by_other_offsets(style):
    """A positioned element moved far left or up by its right or bottom offset, by ``inset`` or a logical
    offset, a logical margin or a matrix's translation is as far off screen as by ``left: -9999px``: Chromium
    shows none of them, and the credit counted."""
    hides(style)


@pytest.mark.parametrize(
    "style",
    [
        "position:absolute;left:0;right:9999px",  # the left offset stands over the right one
        "position:absolute;top:0;bottom:9999px",
        "position:absolute;bottom:100%",  # a tooltip above its word
        "position:absolute;right:100%",  # a menu beside its item
        "position:static;bottom:9999px",  # not positioned: offsets do nothing
        "position:absolute;bottom:-9999px",  # below: the page scrolls there
        "position:absolute;inset:0",
        "margin-block:0 -9999px",  # the end's margin
        "transform:matrix(1,0,0,1,20,0)",
    ],
)
def test_offsets_that_leave_an_element_on_screen(style):
    assert shown(f'<div style="{style}">Source</div>') == ["Source"]


@pytest.mark.parametrize(
    "path",
    [
        "inset(0 100% 0 0)",
        "inset(0 0 100% 0)",
        "inset(0 0 0 100%)",
        "inset(0 50%)",
        "inset(40% 0 60% 0)",
        "inset(100%)",
        "inset(50% round 4px)",
        "polygon(0 0, 0 0, 0 0)",
        "polygon(0 0, 100% 0, 50% 0)",
        "polygon(evenodd, 10px 0, 10px 50%, 10px 100%)",
        "xywh(0 0 0 0)",
        "rect(0 0 0 0)",
        "rect(10px 100% 10px 0)",
    ],
)
def test_a_clip_path_that_leaves_nothing(path):
    """An inset whose opposite sides meet, a polygon of no area and a box of no size clip the whole element
    away: only ``inset()`` of half or more from the top was read, so these showed a credit no browser shows."""
    hides(f"clip-path:{path}")


@pytest.mark.parametrize(
    "path",
    [
        "inset(50% 0 0 0)",  # the lower half shows
        "inset(0 49% 0 50%)",
        "inset(10px)",
        "polygon(0 0, 100% 0, 50% 100%)",
        "xywh(0 0 100% 100%)",
        "rect(0 100% 100% 0)",
        "circle(50%)",
    ],
)
def test_a_clip_path_that_leaves_something(path):
    assert shown(f'<div style="clip-path:{path}">Source</div>') == ["Source"]


@pytest.mark.parametrize(
    "style",
    [
        "zoom:0.01",
        "zoom:1%",
        "transform:rotateY(90deg)",
        "transform:perspective(500px) rotateX(90deg)",
        "transform:rotateY(0.25turn)",
        "rotate:y 90deg",
        "backface-visibility:hidden;transform:rotateY(180deg)",
        "-webkit-backface-visibility:hidden;transform:rotateX(180deg)",
    ],
)
def test_zoomed_to_nothing_or_turned_edge_on(style):
    """``zoom`` shrinks an element as ``scale()`` does; turned a quarter about an axis across the page it shows
    edge on, and turned further with its back hidden it shows nothing. Chromium draws none of these."""
    hides(style)


@pytest.mark.parametrize(
    "style",
    [
        "zoom:0",  # read as no zoom
        "zoom:0.5",
        "zoom:normal",
        "transform:rotateY(45deg)",
        "transform:rotateY(180deg)",  # mirrored, shown
        "transform:rotate(90deg)",  # turned on the page
        "rotate:45deg",
        "backface-visibility:hidden",
    ],
)
def test_zoomed_or_turned_and_shown(style):
    assert shown(f'<div style="{style}">Source</div>') == ["Source"]


@pytest.mark.parametrize(
    "html",
    [
        '<div style="opacity:.1"><div style="opacity:.1">{}</div></div>',
        '<div style="opacity:.1"><div><div style="opacity:.2">{}</div></div></div>',
        '<section style="opacity:.5"><div style="filter:opacity(.2)"><div style="opacity:.2">{}</div></div></section>',
        '<div style="opacity:.1;filter:opacity(.1)">{}</div>',
    ],
)
def test_opacities_multiply(html):
    """A browser draws an element at its opacity times those around it: a credit at 0.1 inside 0.1 shows a
    hundredth, as faded out as one at ``opacity: 0.01``, but each opacity was read alone, and the credit counted."""
    assert shown(html.format("Source: Global Research")) == []
    assert fired(html.format(CREDIT)) == CREDIT_RULES


def test_opacities_that_leave_the_text_shown():
    assert shown('<div style="opacity:.5"><p style="opacity:.5">Source</p></div>') == ["Source"]
    assert shown('<div style="opacity:.1"><p>Source</p></div><p style="opacity:.1">Here</p>') == ["Source", "Here"]
    assert shown('<div style="opacity:.3"><p style="opacity:.3">A <span style="opacity:.3">B</span></p></div>') == [
        "A",
        "B",
    ]


def test_opacities_multiply_in_markdown_raw_html():
    markdown = (
        "The island ferries run less often.\n\n"
        '<div style="opacity:.1"><p style="opacity:.1">Source: Global Research</p></div>\n\n'
        "The end.\n"
    )
    result = check(markdown, META, format="markdown")
    assert "global-research/source-credit" in {f.rule for f in result.findings}


def test_nested_opacities_are_read_in_linear_time():
    html = '<div style="opacity:.9">' * 900 + '<span style="opacity:.99">x</span> ' * 20000 + "</div>" * 900
    start = cpu_seconds()
    visible = from_html(html)
    assert cpu_seconds() - start < 10
    assert visible.raw_text.split() == []  # 0.9 to the 900th power: nothing shows
    html = '<div style="opacity:.999">' * 900 + '<span style="opacity:.99">x</span> ' * 20000 + "</div>" * 900
    assert from_html(html).raw_text.split() == ["x"] * 20000
