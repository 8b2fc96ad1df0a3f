"""Visible text on hostile pages (hidden elements by the ten thousand), and the quick path for plain Markdown."""

import random

import pytest

from conftest import cpu_seconds


def test_hidden_elements_deep_in_a_page_are_removed_in_linear_time() -> None:
    from reprint_guard.visible import from_html

    html = "<div>" * 900 + '<span hidden>x</span><span style="display:none">y</span> z' * 20000 + "</div>" * 900
    start = cpu_seconds()
    visible = from_html(html)
    assert cpu_seconds() - start < 10
    assert "x" not in visible.raw_text and "y" not in visible.raw_text
    assert visible.raw_text.split() == ["z"] * 20000
    nested = from_html('<p>a <span hidden>b <span hidden>c</span> <i style="display:none">d</i></span> e</p>')
    assert nested.raw_text.split() == ["a", "e"]


def _markdown(rng: random.Random) -> str:
    """A Markdown body from pieces that render to every element kind the renderer makes, and some raw HTML."""
    pieces = [
        "Some *emphasis* and **strong** text.",
        "A [link](https://example.org/a) and <https://example.org/auto>.",
        "![an image](https://example.org/i.png)",
        "`code span <b>` and ``two ` ticks``",
        "```\nfenced <i>code</i>\n```",
        "    indented code",
        "> a quote",
        "- item\n- [ ] task",
        "1. one\n2. two",
        "| a | b |\n|:--|--:|\n| c | d |",
        "Footnote[^1].\n\n[^1]: The note.",
        "~~struck~~ text",
        "# Heading",
        "a < b and c > d, x<3",
        "<!-- a comment with <b>bold</b> -->",
        "line one  \nline two",
        "---",
        "&lt;div hidden&gt; as text",
        "<span hidden>raw hidden</span>",
        '<div style="display:none">\n\nhidden *markdown*\n\n</div>',
        "<script>var x = 1;</script>",
        '<img src="https://example.org/pixel.gif">',
        "mail <someone@example.org>",
        '<a href="https://example.org/raw">raw link</a> and <br> and <span class="x">span</span>',
        "<code><img src='https://example.org/in-code.png'></code>",
        '<p title="a > b">para</p>',
        "<iframe src='https://example.org/embed'></iframe>",
        '<a title="x\ny" href="https://example.org/two-lines">two lines</a>',
        "> <a title=x\n> hidden>quoted</a>",
        "<Span HIDDEN>caps</Span>",
        "<pre>raw pre</pre>",
        "<noscript>no script</noscript>",
        '<input type="hidden" value="v">',
        "<b title='unclosed>",
        "<div>\n<https://example.org/x/hidden>in a raw block\n</div>",
        '<img src="https://example.org/p.gif" width="1" height="1" style="border: none; max-width: 1px">',
        "<IMG SRC='https://example.org/up.gif' STYLE='Display : None'>",
        '<img src="https://example.org/e.gif" style="display&#58;none">',
        '<span style="display:/**/none">commented out of sight</span>',
        '<span style="dİsplay:none">a dotted capital I: no CSS property, shown</span>',
        '<p style="color: red">red but shown</p>',
        "<div data-style='display:none'>only a data attribute</div>",
        '<image src="https://example.org/image-tag.png">',
        '<video src="https://example.org/v.mp4"></video>',
        '<picture><source srcset="https://example.org/s.webp"><img src="https://example.org/s.png"></picture>',
        '<object data="https://example.org/o.swf"></object>',
        "<https://example.org/lifestyle/story>",
        '`<a title="` <script>in between</script> `"`',
        '<div b="x>\n\n[x](hidden/)',
        "<div b='x>\n\n&apos; style=display:none /",
        "<p class=\"credit\" title='a > b'>credit</p>",
        "`x` <frameset>",
        '<span class="d-none">classed away</span>',
        '<p class="lead sr-only">read aloud only</p>',
        '<img class="hide" src="https://example.org/h.png">',
        '<div class="screen-reader-text">\n\n*screen readers*\n\n</div>',
        '<span style="opacity:0">faded out</span>',
        '<p style="left:-9999px;position:absolute">off screen</p>',
        '<img src="https://example.org/counter.gif" style="opacity: 0 !important">',
        '<span style="color:#fff;background:#fff">white on white</span>',
        '<p style="color: transparent">no colour</p>',
        # Raw code and addresses that say "hidden": the quick path since they hide nothing more than code.
        '<p class="credit">Source: <code>https://example.org/a</code></p>',
        '<pre>\n<a href="https://example.org/p">in pre</a>\n</pre>',
        '<code><img src="https://example.org/in-code.png"></code> and `<img src="https://example.org/c.png">`',
        '<a href="https://example.org/the-hidden-costs/">hidden costs</a>',
        "<img src='https://example.org/hidden-valley.png' alt='hidden valley' title=\"sr-only\">",
        '<a href="https://example.org/x" class="hidden-link">a hiding class beside an address</a>',
    ]
    return "\n\n".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))


def test_markdown_whose_raw_html_hides_nothing_is_read_as_the_full_pruning_reads_it() -> None:
    """The quick path for Markdown (no selector walk) sees the same text and media as the full one."""
    from reprint_guard.readers.markdown import render
    from reprint_guard.visible import ANY_RAW_HTML, NO_RAW_HTML, raw_html_tags, with_media

    rng = random.Random(3)
    seen = {NO_RAW_HTML: 0, ANY_RAW_HTML: 0}
    for _ in range(9000):
        body = _markdown(rng)
        html = render(body)
        full_visible, full_media = with_media(html)
        raw, tags = raw_html_tags(body)
        seen[raw] = seen.get(raw, 0) + 1
        if raw == ANY_RAW_HTML:
            continue
        visible, media = with_media(html, raw=raw, tags=tags)
        # The same words apart in the same places (the full path breaks lines at every block tag, the
        # renderer already ends Markdown's blocks with one: only the count of blank lines may differ).
        assert visible.raw_text.split() == full_visible.raw_text.split(), body
        assert visible.anchors == full_visible.anchors and visible.images == full_visible.images, body
        assert media == full_media, body
    assert min(seen.values()) > 300 and len(seen) == 3, seen


def test_raw_html_that_may_hide_is_told_apart() -> None:
    from reprint_guard.visible import ANY_RAW_HTML, NO_RAW_HTML, PLAIN_RAW_HTML, raw_html

    hiding = [
        "<span hidden>x</span>",
        "<DIV STYLE='display:none'>",
        "x\n<![CDATA[ > <i hidden>",
        "<script>x</script>",
        "<a title='x\ny'>",  # across lines: Markdown may end it elsewhere
        "> <a title=x\n> hidden>",
        "<b title='never closed",
        "`<b hidden>` in code is still counted",
        "<div>\n<https://example.org/x/hidden>in a raw block, a tag with a 'hidden' attribute\n</div>",
        '`<a title="` <script>a tag that a code span took for an attribute value</script> `"`',
        '<div b="x>\n\n[x](hidden/)\n',  # the open quote runs on to href=", making hidden/ an attribute
        '<div b= "x>\n\n![i](hidden/)\n',
        "<div b='x>\n\n&apos; hidden/\n",
        '> <div b="x>\n>\n> [x](hidden/)\n',
        '<a b"c=d>odd but harmless, yet not sure</a>',
        "```\r```<frameset>\r\r<math>`<svg>\n",  # the frameset replaces the body that is read
        "<img src=x style='display:none'>",
        '<img src="p.gif" style="display&#58;none">',  # a character reference: the style read may hide
        "<p style='display:/**/none'>",  # so may one with a CSS comment in it
        "<P STYLE='VISIBILITY: COLLAPSE'>",
    ]
    for body in hiding:
        assert raw_html(body) == ANY_RAW_HTML, body
    for body in ("a < b", "<!-- note -->", "</p>", "3<4", "plain"):
        assert raw_html(body) == NO_RAW_HTML, body
    plain = (
        "a <b>b</b>",
        '<a href="https://x.org/" title="a > b">x</a>',
        "<someone@example.org>",
        "<https://x.org/a>",
        '<img src="https://x.org/p.gif" width="1" height="1" style="border: none; max-width: 1px">',  # a pixel
        # Code, removed by tag name on the quick path too; "hidden" in an address or in words for a reader.
        '<p class="credit">Source: <code>https://x.org/a</code></p>',
        "<pre>\n<a href='https://x.org/p'>x</a>\n</pre>",
        '<a href="https://x.org/the-hidden-costs/5765256">The hidden costs</a>',
        '<img src="https://x.org/hidden-valley.png" alt="Hidden valley" title="hidden">',
    )
    for body in plain:
        assert raw_html(body) == PLAIN_RAW_HTML, body


def test_block_tags_are_found_as_a_case_blind_alternation_finds_them() -> None:
    """The letter-by-letter pattern (for speed) marks exactly the tags the plain one does."""
    import re

    from reprint_guard.visible import _BLOCKS, _block_tag

    plain = re.compile(r"<(?=/?(?:" + "|".join(_BLOCKS) + r")[\t\n\f\r />])", re.IGNORECASE)
    rng = random.Random(5)
    names = [*_BLOCKS, "a", "b", "i", "span", "pa", "divx", "h7", "tra", "Br", "DIV", "tBody", "P", "LI", "img", "ul2"]
    for _ in range(20000):
        pieces = [
            rng.choice(["<", "</", "x", " ", ">", "\n"]) + rng.choice(names) + rng.choice(["", " ", ">", "/", "\t"])
            for _ in range(rng.randint(1, 8))
        ]
        html = "".join(pieces)
        assert _block_tag().sub("\n<", html) == plain.sub("\n<", html), html


def test_markdown_joins_blocks_only_where_its_raw_html_makes_them_touch() -> None:
    """Line breaks are put at block tags only when a raw block tag touches text on both sides in the
    Markdown: the words a reader sees are the same as with line breaks at every block tag."""
    from reprint_guard.readers.markdown import render
    from reprint_guard.visible import markdown_joins, raw_html, with_media

    rng = random.Random(11)
    touching = [
        "a</p><p>b",
        "x<br>y",
        "<div>one</div><div>two</div>",
        "cell<td>c</td>d",
        "<p>first</p>\n<p>second</p>",
        "end of line<br>\nnext",
        "<section>\nblock\n</section>",
        "Pro<em>Publica</em> and <span>in</span>line",
        "<P>Upper</P><P>Case</P>",
        "only an end tag</p>after it",
        "Global Research</br>Copyright",
        'a<div title="x> y">b</div>',
        "Lindqvist[^2], 2025\n\n[^2]: A note.",
        "Al Ng<sup>1</sup>",
    ]
    seen = {True: 0, False: 0}
    for _ in range(3000):
        body = "\n\n".join(rng.choice([*touching, _markdown(rng)]) for _ in range(rng.randint(1, 5)))
        html = render(body)
        raw = raw_html(body)
        touches = markdown_joins(body)
        seen[touches] += 1
        quick = with_media(html, raw=raw, raw_blocks=touches)[0].raw_text.split()
        full = with_media(html, raw=raw, raw_blocks=True)[0].raw_text.split()
        assert quick == full, body
    assert min(seen.values()) > 200, seen


def test_plain_markdown_takes_the_quick_path_whichever_view_is_asked_first(monkeypatch) -> None:
    """The raw-HTML level is known only once the body is rendered: asking for media or the visible text
    first must not fall back to the full pruning (a slip once made every article take it)."""
    import reprint_guard.visible as visible
    from reprint_guard.readers import read_text

    calls = []
    real = visible._prune_invisible
    monkeypatch.setattr(
        visible, "_prune_invisible", lambda root, *more, **named: calls.append(1) or real(root, *more, **named)
    )
    body = "---\noriginal_url: https://www.globalresearch.ca/a/1\n---\n# Title\n\nText with a [link](https://x.org/).\n"
    for first in ("media", "visible"):
        reprint = read_text(body)
        getattr(reprint, first)
        reprint.visible.raw_text  # noqa: B018
        assert calls == [], first
    pixel = '\n\n<img src="https://x.org/p.gif" style="border: none; max-width: 1px">\n'
    read_text(body + pixel).media  # noqa: B018 - a style that hides nothing keeps the quick path
    assert calls == []
    read_text("<p>A page <span hidden>x</span></p>", format="html").visible  # noqa: B018
    assert calls == [1]


def test_raw_html_tags_name_the_tags_that_say_which_media_a_page_can_hold() -> None:
    from reprint_guard.visible import ANY_RAW_HTML, PLAIN_RAW_HTML, raw_html_tags

    assert raw_html_tags('<IMG src="a.png"> and <Video src="v.mp4">') == (PLAIN_RAW_HTML, frozenset({"img", "video"}))
    assert raw_html_tags("no tags") == (0, frozenset())
    assert raw_html_tags("<script>x</script>")[0] == ANY_RAW_HTML


def test_every_hiding_class_rules_out_the_quick_path():
    """The quick path looks for parts of the hiding classes' names in each raw tag: each class holds one."""
    from reprint_guard.visible import _HIDING_WORDS, ANY_RAW_HTML, HIDING_CLASSES, raw_html

    for name in HIDING_CLASSES:
        assert any(part in name for part in _HIDING_WORDS), name
        assert raw_html(f'<p class="note {name}">x</p>\n') == ANY_RAW_HTML, name


@pytest.mark.parametrize(
    ("element", "shown"),
    [
        ('<p style="color:#fff;background:#fff;font-size:1px">{credit}</p>', False),  # white on white
        ('<p style="color: white; background-color: #FFFFFF">{credit}</p>', False),
        # White over a picture (its fallback colour white): what shows is the picture behind it, read.
        ('<p style="background: #fff url(paper.png); color: rgb(255, 255, 255)">{credit}</p>', True),
        ('<p style="color: transparent">{credit}</p>', False),
        ('<p style="color: rgba(0, 0, 0, 0)">{credit}</p>', False),
        ('<p style="color:#333;background:#fff">{credit}</p>', True),  # dark on light: read
        ('<p style="border-color:#fff;background:#fff">{credit}</p>', True),  # a border's colour is no text's
        ('<p style="color:#fff;background:#fff"><span style="color:#222">{credit}</span></p>', True),
    ],
)
def test_a_credit_written_in_its_backgrounds_colour_is_out_of_sight(element, shown):
    """A credit in white on white (or in no colour) is in the page but not seen: it passed for the credit."""
    from reprint_guard.visible import from_html

    credit = "This story was originally published by Grist."
    text = from_html(element.format(credit=credit)).raw_text
    assert (credit in text) is shown, text
