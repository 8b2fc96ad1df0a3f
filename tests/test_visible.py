"""Visible text on hostile pages (hidden elements by the ten thousand), and the quick path for plain Markdown."""

import random


def test_hidden_elements_deep_in_a_page_are_removed_in_linear_time() -> None:
    import time

    from reprint_guard.visible import from_html

    html = "<div>" * 900 + '<span hidden>x</span><span style="display:none">y</span> z' * 20000 + "</div>" * 900
    start = time.perf_counter()
    visible = from_html(html)
    assert time.perf_counter() - start < 10
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
    ]
    return "\n\n".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))


def test_markdown_without_raw_html_is_read_as_the_full_pruning_reads_it() -> None:
    """The quick path for plain Markdown (no selector walk) sees the same text and media as the full one."""
    from reprint_guard.readers.markdown import render
    from reprint_guard.visible import has_raw_html, with_media

    rng = random.Random(3)
    plain_seen = raw_seen = 0
    for _ in range(3000):
        body = _markdown(rng)
        html = render(body)
        full_visible, full_media = with_media(html)
        if has_raw_html(body):
            raw_seen += 1
            continue
        plain_seen += 1
        visible, media = with_media(html, plain=True)
        assert visible.raw_text == full_visible.raw_text, body
        assert visible.anchors == full_visible.anchors and visible.images == full_visible.images, body
        assert media == full_media, body
    assert plain_seen > 300 and raw_seen > 300


def test_raw_html_is_found_wherever_markdown_would_pass_it_through() -> None:
    from reprint_guard.visible import has_raw_html

    for body in ("<span hidden>x</span>", "a <b>b</b>", "<DIV STYLE='display:none'>", "x\n<![CDATA[ > <i hidden>"):
        assert has_raw_html(body), body
    for body in ("a < b", "<https://example.org/x?y=1>", "<!-- note -->", "</p>", "3<4", "plain"):
        assert not has_raw_html(body), body
