"""Visible text: nesting limits and hidden elements on hostile pages."""


def test_nesting_depth_is_estimated_before_parsing() -> None:
    from reprint_guard.limits import MAX_HTML_DEPTH
    from reprint_guard.visible import too_deep

    deep = "<div>" * (MAX_HTML_DEPTH + 1) + "x"
    assert too_deep(deep) == 5 * MAX_HTML_DEPTH
    assert too_deep("<div>" * MAX_HTML_DEPTH + "x") is None
    # Long but flat pages pass: paragraphs and list items close themselves, void elements hold nothing,
    # SVG's <path/> closes itself, and comments and scripts hold no tags.
    assert too_deep("<p>para" * 5000) is None
    assert too_deep("<ul>" + "<li>item" * 5000 + "</ul>") is None
    assert too_deep("<p>" + "<br><img src=x.png>" * 3000) is None
    assert too_deep("<svg>" + '<path d="M0"/>' * 3000 + "</svg>") is None
    assert too_deep("<!--" + "<div>" * 3000 + "-->" + "<span>x</span>" * 1000) is None
    assert too_deep("<script>" + "'<div>' + " * 3000 + "</SCRIPT><b>x</b>" * 10) is None
    assert too_deep("<div>x</div>" * 5000) is None
    # ... but what only looks self-closing in HTML still nests, as browsers parse it.
    assert too_deep("<div/>" * (MAX_HTML_DEPTH + 1)) is not None


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
