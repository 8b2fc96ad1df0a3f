"""Visible text on hostile pages: hidden elements by the ten thousand."""


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
