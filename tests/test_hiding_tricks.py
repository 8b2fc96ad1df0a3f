"""A republisher's ways of hiding the credit, the copyright notice or the link a policy asks for, each as a
reprint checked through the library (or the CLI) with the exact rules that must fire; and the pages that
hide nothing, which must pass."""

from __future__ import annotations

import pytest

from conftest import FERRY_META, FERRY_STORY, FERRY_URL, GR_URL, run_cli, write
from reprint_guard import check

URL, META = FERRY_URL, FERRY_META  # a Global Research reprint of a story about island ferries
STORY = FERRY_STORY + (
    "<p>At the pier in Ostholm, the kiosk owner counts the difference in coffees sold. Fewer sailings mean "
    "longer waits, and longer waits mean that commuters drive to the mainland bridge instead.</p>\n"
)
CREDIT = (
    f'<p><em>The original source of this article is <a href="{URL}">Global Research</a>.</em></p>\n'
    "<p>Copyright © Lotte Varga, Global Research, 2025</p>"
)
#: The credit as text alone, with the link elsewhere on the page (a hiding trick then hides the words only).
CREDIT_WORDS = "The original source of this article is Global Research. Copyright © Lotte Varga, Global Research, 2025"
LINK_APART = f'<p>Read it at <a href="{URL}">the source</a>.</p>'
#: The credit's words shown, the link left to the trick.
WORDS_SHOWN = "<p>Source: Global Research. Copyright © Lotte Varga, Global Research, 2025</p>"
WHITE = "color:#fff;background:#fff"

CREDIT_RULES = ["global-research/copyright-notice", "global-research/source-credit"]
ALL_RULES = ["global-research/copyright-notice", "global-research/link-original", "global-research/source-credit"]
LINK_RULE = ["global-research/link-original"]


def fired(tail: str) -> list[str]:
    """The rules a Global Research reprint fires whose page ends with ``tail`` (HTML)."""
    result = check(STORY + tail + "\n", META, format="html")
    return sorted(f.rule for f in result.findings)


def words(style: str, inside: str = "") -> str:
    """The credit's words in a paragraph of ``style`` (``inside`` after them), the link shown apart."""
    return f'<p style="{style}">{CREDIT_WORDS}{inside}</p>{LINK_APART}'


def test_the_story_with_its_credit_passes():
    assert fired(CREDIT) == []
    assert fired(f"<p>{CREDIT_WORDS}</p>{LINK_APART}") == []


# Text in its own background's colour -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        # No element inside gives its text a colour: all of it is out of sight (as before).
        (words(WHITE), CREDIT_RULES),
        # An empty element inside that sets a background colour only: nothing of it shows.
        (
            f'<div style="color:#fff;background:#fff"><span style="background-color:#fff"></span>{CREDIT}</div>',
            ALL_RULES,
        ),
        # The link inside is coloured too, but in the same white: still out of sight.
        (
            f'<p style="color:#fff;background:#fff">The original source of this article is <a href="{URL}" '
            'style="color:#fff">Global Research</a>. Copyright © Lotte Varga, Global Research, 2025</p>',
            ALL_RULES,
        ),
        (words(WHITE, ' <span style="color:#fff">.</span>'), CREDIT_RULES),
        (words("color:transparent", ' <span style="color:transparent">.</span>'), CREDIT_RULES),
        # A dot inside in a colour of its own shows; the words around it stay white on white.
        (words(WHITE, ' <span style="color:#000">.</span>'), CREDIT_RULES),
        # A background inside that differs from the white text: what it holds shows, and that alone.
        (
            '<p style="color:#fff;background:#fff"><span style="background:#000">The original source of this '
            f"article is Global Research.</span> Copyright © Lotte Varga, Global Research, 2025</p>{LINK_APART}",
            ["global-research/copyright-notice"],
        ),
        # The credit inside in a colour of its own shows (the text around it does not need to).
        (f'<p style="{WHITE}">x <span style="color:#222">{CREDIT_WORDS}</span></p>{LINK_APART}', []),
        (f'<div style="color:#fff;background:#fff"><div style="color:#333">{CREDIT}</div></div>', []),
        # Shown inside, then white again inside that: the inner words are out of sight.
        (
            '<div style="color:#fff;background:#fff"><p style="color:#000">The original source of this article is '
            f'<a href="{URL}">Global Research</a>.</p><p style="color:#fff">Copyright © Lotte Varga, Global '
            "Research, 2025</p></div>",
            ["global-research/copyright-notice"],
        ),
    ],
)
def test_only_what_a_descendant_colours_visibly_shows_in_a_camouflaged_element(tail, expected):
    """A descendant's style naming a colour (a background, the same white, none at all) used to show the whole
    white-on-white element; only a descendant whose own text differs from its background shows, and only it."""
    assert fired(tail) == expected


def test_a_font_size_of_nothing_shows_only_what_a_descendant_sizes_again():
    """The inline-block white space trick shows its children; a child sized to nothing shows nothing more."""
    trick = '<div style="font-size:0"><span style="display:inline-block;font-size:14px">{}</span> </div>'
    assert fired(trick.format(CREDIT_WORDS) + LINK_APART) == []
    assert fired(words("font-size:0", ' <span style="font-size:0">.</span>')) == CREDIT_RULES
    assert fired(words("font-size:0", ' <b style="font-size:16px">.</b>')) == CREDIT_RULES
    # Text split over sized spans keeps the space between them: "Global Research", not "GlobalResearch".
    split = (
        '<p style="font-size:0"><span style="font-size:16px">Source: Global</span> '
        '<span style="font-size:16px">Research. Copyright © Lotte Varga, Global Research, 2025</span></p>'
    )
    assert fired(split + LINK_APART) == []


def test_an_image_in_a_camouflaged_element_still_shows():
    """A colour hides text, not a picture: a linked logo in a white-on-white block is a link a reader sees."""
    tail = (
        f'<p>{CREDIT_WORDS}</p><div style="color:#fff;background:#fff">hidden words '
        f'<a href="{URL}"><img src="/logo.png" width="120" height="40" alt=""></a></div>'
    )
    assert fired(tail) == []


# A link with nothing to see or click ------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        '<img src="/spacer.gif" width="0" height="0" alt="">',
        '<img src="/spacer.gif" style="width:0;height:0" alt="">',
        '<img src="/logo.png" style="opacity:0" alt="">',
        '<svg width="0" height="0"></svg>',
        "<svg></svg>",  # an empty picture: nothing drawn
        '<img src="/spacer.gif" width="1" height="1" alt="">',  # a pixel
        '<img src="/spacer.gif" style="width:1px;height:1px" alt="">',
        '<img src="/p.gif" style="max-width:1px;max-height:1px" alt="">',
        '<picture><img src="/spacer.gif" width="0" height="0" alt=""></picture>',
        '<iframe src="/x.html" width="0" height="0"></iframe>',
    ],
)
def test_a_link_around_an_invisible_picture_is_no_link(content):
    """A pixel, a picture sized to nothing or faded out, an empty SVG: the link shows nothing to click."""
    assert fired(f'<p><a href="{URL}">{content}</a></p>{WORDS_SHOWN}') == LINK_RULE


@pytest.mark.parametrize(
    "content",
    [
        '<img src="/logo.png" width="120" height="40" alt="Global Research">',
        '<img src="/logo.png" alt="">',  # its own size
        '<img src="/logo.png" width="1" height="40" alt="">',  # a line a pixel wide, 40 tall: drawn
        '<svg width="24" height="24"><path d="M0 0h24v24H0z"/></svg>',
        "<svg><path d='M0 0h24v24H0z'/></svg>",
        '<picture><source srcset="/logo.webp"><img src="/logo.png" alt=""></picture>',
    ],
)
def test_a_link_around_a_picture_that_shows_is_a_link(content):
    assert fired(f'<p><a href="{URL}">{content}</a></p>{WORDS_SHOWN}') == []


ND_REPRINT = (
    "---\ntitle: Ferry pier repairs delayed again\nauthor: Jonas Whitlow\n"
    "original_url: https://harbourherald.example/news/2026/ferry-pier-repairs\noriginal_published: 2026-03-01\n"
    "license: CC-BY-ND-4.0\ncopyright_holder: Harbour Herald Media\nmedium: web\n---\n\n"
    "# Ferry pier repairs delayed again\n\nBy Jonas Whitlow\n\n"
    "The repairs to the north ferry pier will not start before autumn, the port authority said on Tuesday.\n\n"
    "*By Jonas Whitlow. Republished under the CC BY-ND 4.0 licence.* "
    '<a href="https://harbourherald.example/news/2026/ferry-pier-repairs"><img src="/dot.gif" {size} alt=""></a>'
    '<a href="https://creativecommons.org/licenses/by-nd/4.0/"><img src="/dot.gif" {size} alt=""></a>'
    " *© 2026 Harbour Herald Media.*\n"
)


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ('width="0" height="0"', ["cc-by-nd-4.0/license", "cc-by-nd-4.0/link-original"]),
        ('width="88" height="31"', []),
    ],
)
def test_markdown_links_around_pixel_images_link_neither_the_original_nor_the_licence(tmp_path, size, expected):
    """The reviewer's NoDerivatives reprint, through the CLI: its two links are 0x0 images in raw HTML."""
    page = write(tmp_path / "pier.md", ND_REPRINT.format(size=size))
    [result] = run_cli("check", "--no-config", "--format", "json", str(page)).json()["results"]
    assert sorted(finding["rule"] for finding in result["findings"]) == expected


# Colours as CSS writes them ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "style",
    [
        "color:navy;background:navy",
        "color:red;background:red",
        "color:ivory;background-color:ivory",
        "color:red;background:#ff0000",
        "color:RebeccaPurple;background:#663399",
        "color:hsl(0,0%,100%);background:#fff",
        "color:hsl(120deg 100% 25%);background:green",
        "color:hsla(0, 0%, 0%, 0)",  # no alpha
        "color:rgb(255 255 255 / 0%)",
        "color:#0000",  # #rgba, alpha 0
        "color:#ffffff00",  # #rrggbbaa, alpha 0
        "color:var(--paper);background:var(--paper)",  # the same value, whatever it is
        "color:#333;background:currentColor",  # the backdrop is the text's own colour
        "color:#fff;background-image:none;background-color:#fff",
        "color:#fff;background:#fff linear-gradient(#fff,#fff)",  # a gradient of one colour is that colour
        "color:white;background-image:linear-gradient(to right, #fff, rgb(255, 255, 255))",
    ],
)
def test_text_in_its_backgrounds_colour_however_written_is_out_of_sight(style):
    assert fired(f'<div style="{style}">{CREDIT}</div>') == ALL_RULES


@pytest.mark.parametrize(
    "style",
    [
        "color:#fff;background:#fff url(https://ourcommunity.example/dark-banner.jpg) center/cover",
        "color:#fff;background-color:#fff;background-image:url(banner.jpg)",
        "color:white;background:linear-gradient(#000, #333) #fff",
        "color:navy;background:ivory",
        "color:hsl(0,0%,20%);background:#fff",
        "color:#ffffff80;background:#000",  # half-transparent white on black
        "color:var(--ink);background:var(--paper)",
        "color:#fff",  # no background of its own: the page's
    ],
)
def test_text_over_another_colour_or_a_picture_shows(style):
    """White text over a banner image (with a white fallback colour) is what a reader sees on the banner."""
    assert fired(f'<div style="{style}">{CREDIT}</div>') == []


def hidden_by(style: str) -> list[str]:
    """The rules fired when the credit and its link stand in a ``<div>`` of ``style``."""
    return fired(f'<div style="{style}">{CREDIT}</div>')


# Scaled to nothing -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "style",
    [
        "transform:scale(0)",
        "transform:scale(0,0)",
        "transform:scaleX(0)",
        "transform:scaleY(0)",
        "transform: rotate(3deg) scale(0.001)",
        "transform:scale3d(1, 0, 1)",
        "transform:scale(0%)",
        "transform:matrix(0, 0, 0, 0, 0, 0)",
        "scale:0",
        "scale: 1 0",
    ],
)
def test_an_element_scaled_to_nothing_is_out_of_sight(style):
    assert hidden_by(style) == ALL_RULES


@pytest.mark.parametrize(
    "style",
    ["transform:scale(0.9)", "transform:scaleX(-1)", "transform:rotate(45deg)", "scale:none", "scale:1.2 1"],
)
def test_an_element_scaled_to_a_size_shows(style):
    assert hidden_by(style) == []


# Placed far off screen ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "style",
    [
        "position:absolute;left:-9999px",
        "position:absolute;left:-999em",
        "position:fixed;top:-500rem",
        "position:absolute;left:-100vw",
        "position:absolute;left:-100%",
        "position:relative;top:-80vh;top:-120vh",  # the last one stands
        "position:absolute;left:calc(-9999px)",
        "position:absolute;left:calc(50% - 99999px)",
        "position:absolute;left:calc(-1 * 9999px)",
        "position:absolute;left:-1e5px",
        "position:absolute;right:-9999px",
        "text-indent:-9999px",
        "text-indent:-999em;overflow:hidden",
        "margin-left:-200em",
        "margin:-9999px 0 0",
        "transform:translateX(-9999px)",
        "transform:translateY(-10000px)",
        "transform:translate(-9999px,0)",
        "transform:translate3d(0, -9999px, 0)",
        "translate:-9999px",
    ],
)
def test_an_element_placed_far_off_screen_is_out_of_sight(style):
    assert hidden_by(style) == ALL_RULES


@pytest.mark.parametrize(
    "style",
    [
        "left:-1000px",  # no position: an offset moves nothing
        "position:static;top:-9999px",
        "position:sticky;top:-9999px",
        "position:absolute;left:-2em",
        "position:absolute;top:calc(100% - 2em)",
        "position:relative;left:-50%",
        "transform:translate(-50%,-50%)",  # centring
        "transform:translateX(-100%)",  # its own width: beside where it stood
        "margin:0 auto",
        "text-indent:-1.5em",  # a hanging indent
    ],
)
def test_an_element_moved_a_little_or_not_at_all_shows(style):
    assert hidden_by(style) == []


# Faded out ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "style",
    [
        "opacity:0",
        "opacity:0%",
        "opacity:-1",
        "opacity:0e0",
        "opacity:.0 !important",
        "opacity:0.01",  # a hundredth: nothing a reader sees
        "filter:opacity(0)",
        "filter: blur(0) opacity(0%)",
    ],
)
def test_an_element_faded_out_is_out_of_sight(style):
    assert hidden_by(style) == ALL_RULES


@pytest.mark.parametrize("style", ["opacity:0.85", "opacity:50%", "opacity:1e0", "filter:opacity(0.6)", "filter:none"])
def test_an_element_faded_a_little_shows(style):
    assert hidden_by(style) == []


# Clipped to nothing ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "style",
    [
        "height:0;overflow:hidden",
        "height:0px;overflow:clip",
        "height:0;overflow-y:hidden",
        "block-size:0;overflow:hidden",
        "height:0%;overflow:hidden",
        "max-height:0;overflow:hidden",
        "height:0.5px;overflow:visible hidden",  # overflow's second value is the vertical one
        "position:absolute;width:1px;height:1px;overflow:hidden",  # the screen-reader-only recipe, inline
        "position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;white-space:nowrap",
        "width:0;overflow:hidden",
        "max-width:0;overflow-x:clip",
        "position:absolute;clip:rect(0 0 0 0)",
        "clip-path:inset(50%)",
        "clip-path:circle(0)",
    ],
)
def test_an_element_clipped_to_nothing_is_out_of_sight(style):
    assert hidden_by(style) == ALL_RULES


@pytest.mark.parametrize(
    "style",
    [
        "height:0",  # what overflows shows
        "height:0;overflow:visible",
        "height:0;overflow-x:hidden",  # clipped across, not down
        "height:2em;overflow:hidden",
        "height:auto;overflow:hidden",
        "max-height:300px;overflow:hidden",
        "width:1px;height:1px",
        "height:0;padding-bottom:56.25%;overflow:hidden",  # a video's wrapper: it shows in its padding
        "height:0;min-height:3em;overflow:hidden",
        "height:-5px;overflow:hidden",  # no height: CSS drops the declaration
    ],
)
def test_an_element_with_room_or_overflow_shown_shows(style):
    assert hidden_by(style) == []


# Hidden until opened: a popover ------------------------------------------------------------------------


@pytest.mark.parametrize("attribute", ["popover", 'popover="manual"', 'popover="auto" id="c"', "POPOVER=hint"])
def test_a_popover_is_hidden_until_opened(attribute):
    assert fired(f"<div {attribute}>{CREDIT}</div>") == ALL_RULES


# Inside an SVG of no size ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        (f'<svg width="0" height="0"><text>{CREDIT_WORDS}</text></svg>{LINK_APART}', CREDIT_RULES),
        (f'{WORDS_SHOWN}<svg width="0" height="0"><a href="{URL}"><text>x</text></a></svg>', LINK_RULE),
        (
            f'<svg width="0" height="0"><text>{CREDIT_WORDS}</text>'
            f'<a href="{URL}"><text>Global Research</text></a></svg>',
            ALL_RULES,
        ),
        (f'<svg width="100" height="0"><text>{CREDIT_WORDS}</text></svg>{LINK_APART}', CREDIT_RULES),
        (f'<svg style="width:0;height:0"><text>{CREDIT_WORDS}</text></svg>{LINK_APART}', CREDIT_RULES),
        # Drawn, or of no size but letting what overflows show: read.
        (f'<svg width="600" height="40"><text y="20">{CREDIT_WORDS}</text></svg>{LINK_APART}', []),
        (f'<svg width="0" height="0" style="overflow:visible"><text>{CREDIT_WORDS}</text></svg>{LINK_APART}', []),
    ],
)
def test_what_an_svg_of_no_size_holds_is_out_of_sight(tail, expected):
    assert fired(tail) == expected


# A font of no size -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "style",
    [
        "font:0/0 a",
        "font: italic bold 0/0 Georgia, serif",
        "font-size:0.0001px",
        "font-size:0.5px",
        "font-size:0pt",
        "font-size:0.02em",
        "font-size:0 !important",
    ],
)
def test_a_font_of_no_size_is_out_of_sight(style):
    assert hidden_by(style) == ALL_RULES


def test_a_font_sized_relative_to_nothing_is_nothing():
    """Inside a font of no size, a child's size in em or per cent is a multiple of nothing; in px or rem, its own."""
    assert fired(words("font-size:0", '<span style="font-size:2em">.</span>')) == CREDIT_RULES
    tail = f'<div style="font-size:0"><p style="font-size:150%">{CREDIT_WORDS}</p></div>{LINK_APART}'
    assert fired(tail) == CREDIT_RULES
    tail = f'<div style="font-size:0"><p style="font-size:1rem">{CREDIT_WORDS}</p></div>{LINK_APART}'
    assert fired(tail) == []


@pytest.mark.parametrize(
    "style",
    [
        "font-size:1px",
        "font:12px/1.5 Georgia",
        "font-size:small",
        "font:inherit",
        "font-size:-5px",  # no size: CSS drops the declaration
    ],
)
def test_a_font_of_some_size_shows(style):
    assert hidden_by(style) == []


# CSS escapes in a style --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "style",
    [
        r"display:\6e one",
        r"d\69splay:none",
        r"display:\00006e one",
        r"visibility:\hidden",
        r"opacity:\30",
        r"\63olor:#fff;background:#fff",
    ],
)
def test_a_style_written_with_css_escapes_is_read_unescaped(style):
    assert hidden_by(style) == ALL_RULES


# Bootstrap 5's skip-link class -------------------------------------------------------------------------


def test_bootstraps_visually_hidden_focusable_hides_until_focused():
    assert fired(f'<div class="visually-hidden-focusable">{CREDIT}</div>') == ALL_RULES


# Elements a browser never renders ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        (f"<noframes>{CREDIT}</noframes>", ALL_RULES),
        (
            f"<math><semantics><mi>x</mi><annotation>{CREDIT_WORDS}</annotation></semantics></math>{LINK_APART}",
            CREDIT_RULES,
        ),
        (
            f"<math><semantics><mi>x</mi><annotation-xml>{CREDIT_WORDS}</annotation-xml></semantics></math>{LINK_APART}",
            CREDIT_RULES,
        ),
        (f"<select><option>x</option><option>{CREDIT_WORDS}</option></select>{LINK_APART}", CREDIT_RULES),
        (f"<select><option selected>x</option><option>{CREDIT_WORDS}</option></select>{LINK_APART}", CREDIT_RULES),
        (f"<p><ruby>x<rp>{CREDIT_WORDS}</rp><rt>y</rt></ruby></p>{LINK_APART}", CREDIT_RULES),
        # The option a closed list shows (the selected one, else the first), and a list box's options: shown.
        (f"<select><option>x</option><option selected>{CREDIT_WORDS}</option></select>{LINK_APART}", []),
        (f"<select><option>{CREDIT_WORDS}</option><option>x</option></select>{LINK_APART}", []),
        (f'<select size="4"><option>x</option><option>{CREDIT_WORDS}</option></select>{LINK_APART}', []),
        (f"<select multiple><option>x</option><option>{CREDIT_WORDS}</option></select>{LINK_APART}", []),
        (f"<p><ruby>{CREDIT_WORDS}<rp>(</rp><rt>note</rt><rp>)</rp></ruby></p>{LINK_APART}", []),
    ],
)
def test_what_a_browser_never_renders_is_out_of_sight(tail, expected):
    assert fired(tail) == expected


# In a Markdown body's raw HTML -------------------------------------------------------------------------

MD_STORY = "# Why the Island Ferries Run Less Often\n\nBy Lotte Varga\n\nThe winter timetable arrived this week.\n\n"
MD_CREDIT = (
    f"*The original source of this article is [Global Research]({URL}).*\n\n"
    "Copyright © Lotte Varga, Global Research, 2025\n"
)


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ("<div popover>", "</div>"),
        ('<svg width="0" height="0"><foreignObject>', "</foreignObject></svg>"),
        ('<div style="font:0/0 a">', "</div>"),
        (r'<div style="d\69splay:\6e one">', "</div>"),
        ("<noframes>", "</noframes>"),
    ],
)
def test_markdown_raw_html_hiding_the_credit_is_read_as_a_page_is(opening, closing):
    """A Markdown body whose raw HTML hides nothing is read on a quick path that prunes nothing: each trick must
    take it off that path."""
    body = f"{MD_STORY}{opening}\n\n{MD_CREDIT}\n{closing}\n"
    assert sorted(f.rule for f in check(body, META).findings) == ALL_RULES
    shown = f"{MD_STORY}<div>\n\n{MD_CREDIT}\n</div>\n"
    assert check(shown, META).findings == []


# A link whose words are blank --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "words",
    ["&#x3164;", "&#x2800;", "&#x115F;&#x1160;", "&#xFFA0;", "&#x2800; &#x3164;&nbsp;&#x200B;", "&nbsp;", "&#x200B;"],
)
def test_a_link_of_blank_looking_characters_is_no_link(words):
    """Hangul fillers and the braille blank draw nothing, as zero-width and non-breaking spaces do."""
    assert fired(f'<p><a href="{URL}">{words}</a></p>{WORDS_SHOWN}') == LINK_RULE


@pytest.mark.parametrize("words", ["한국어", "&#x2801;", "x&#x3164;"])
def test_a_link_with_a_letter_or_a_braille_dot_is_a_link(words):
    assert fired(f'<p><a href="{URL}">{words}</a></p>{WORDS_SHOWN}') == []


@pytest.mark.parametrize(
    "style",
    [
        "width:0;flex-grow:1;overflow:hidden",  # a flex item that grows: Tailwind's w-0 flex-1
        "flex:1 1 0%;width:0px;overflow:hidden;text-overflow:ellipsis",
        "inline-size:0;flex-grow:1;overflow:clip",
        "max-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;width:100%",  # a cell's ellipsis
        "background:linear-gradient(90deg,#ff8a00,#e52e71);-webkit-background-clip:text;background-clip:text;"
        "color:transparent",  # a gradient heading: the background shows through the letters
        "color:transparent;-webkit-text-fill-color:#222",
    ],
)
def test_ordinary_layouts_a_re_test_found_taken_for_hiding_show_their_text(style):
    """A re-test of the day's hiding tricks found honest layouts read as hiding the credit: a flex item of no
    width that grows, a table cell's ellipsis recipe, and (older) gradient text."""
    page = (
        '<table><tr><td><div style="display:flex">'
        f'<div style="{style}"><p>The original source of this article is <a href="{GR_URL}">Global Research</a>. '
        "Copyright © Ana Ruiz, Global Research, 2026.</p></div></div></td></tr></table>"
    )
    meta = {"original_url": GR_URL, "author": "Ana Ruiz", "commercial": False}
    assert check(f"<p>Text of the story.</p>{page}", meta, format="html").findings == []
    hidden = page.replace(style, "width:0;overflow:hidden")  # no growing, no room: hidden
    assert check(f"<p>Text of the story.</p>{hidden}", meta, format="html").findings != []
