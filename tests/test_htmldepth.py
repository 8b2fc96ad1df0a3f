"""The nesting-depth estimate made before parsing: no refused real page, no deep page let through.

The reference is the tree Lexbor itself builds (its depth walked iteratively).
"""

from __future__ import annotations

import random

import pytest
from selectolax.lexbor import LexborHTMLParser

from conftest import cpu_seconds
from reprint_guard import htmldepth
from reprint_guard.htmldepth import too_costly
from reprint_guard.limits import MAX_HTML_ATTRIBUTES, MAX_HTML_DEPTH, MAX_HTML_OPTIONS


def parsed_depth(html: str) -> int:
    tree = LexborHTMLParser(html)
    deepest, pending = 0, [(tree.root, 1)]
    while pending:
        node, depth = pending.pop()
        deepest = max(deepest, depth)
        child = node.child
        while child is not None:
            pending.append((child, depth + 1))
            child = child.next
    return deepest


def modelled_depth(html: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """The deepest the model goes over the whole page (no limit)."""
    monkeypatch.setattr(htmldepth, "MAX_HTML_DEPTH", 10**9)
    model = htmldepth._Model(html)
    model.run()
    return model.deepest


N = MAX_HTML_DEPTH * 2  # pages this long are looked at (below 8 KB any page parses fast)
#: Long, sloppy but shallow pages (each parses under ten deep): never refused.
SHALLOW = {
    "unclosed font per cell": "<table>"
    + "".join(f"<tr><td><font size=2>C{i}</td><td><font size=2>{i}</td></tr>\n" for i in range(N)),
    "unclosed span per paragraph": "".join(f'<p>Para {i} <span class="note">aside</p>\n' for i in range(N)),
    "unclosed link per list item": "<ul>" + "".join(f'<li><a href="/{i}">x</li>' for i in range(N)) + "</ul>",
    "unclosed link per cell": "<table>" + "".join(f'<tr><td><a href="/{i}">x</td></tr>' for i in range(N)),
    "unclosed bold per div": "".join(f"<div><b>x{i}</div>" for i in range(N)),
    "anchors before headings": "".join(f"<a name=q{i}><h3>Q{i}</h3>text" for i in range(N)),
    "self-closed icons": "<ul>" + "".join(f'<li><span class="icon"/> <i class="fa"/>x{i}' for i in range(N)),
    "a tag in an attribute": "".join(f'<p title="<b>x">y{i}</p>' for i in range(N)),
    "svg with CDATA and paths": "".join("<svg><![CDATA[<div>]]><path d='M0'/></svg>" for _ in range(N)),
    "paragraphs and items that close themselves": "<p>para" * N + "<ul>" + "<li>item" * N,
    "comments and scripts full of tags": "<!--" + "<div>" * N + "-->" + "<script>'<div>'</SCRIPT>" * N,
    "table parts outside a table": "<caption><td><tr>" * N,
    "nested selects": "<select>" * N,
    "minified tables without end tags": "<table>" + "<tr><td>x" * N + "</table>",
    "tables closed from an open cell": "<table><tr><td>post</table>\n" * (N // 5),
    "rows closed with a cell open": "<table>" + "<tr><td>a</td><td>b</tr>" * N + "</table>",
    "a chart's long path": "<svg><path d='M 57 307 " + " ".join(f"L {i / 10} {i % 97}" for i in range(N)) + "'/></svg>",
    "long alt text": '<p>x</p><img alt="' + "word " * 6000 + '">',
    "a self-closed svg icon before form fields": '<form><svg class="icon"/>' + "<input name=q><label>x</label>" * N,
    "formatting reopened once, kept open": "<div><b><i><u>Note:</div>" + "<p>Paragraph text.</p>\n" * N,
}
#: Pages the parser really nests thousands deep (several are quadratic to parse): always refused.
DEEP = {
    "divs": "<div>" * N,
    "list items in definitions": "<li><dd>" * N,
    "stray end tags": "<div></b>" * N,
    "end tags in attributes": '<div title="</div>">' * N,
    "a short comment first": "<!-->" + "<div>" * N,
    "svg title is not raw text": "<svg><title>" + "<div>" * N,
    "divs after leaving svg": "<svg><b>" + "<div/>" * N,
    "divs in foreignObject": "<svg><foreignObject>" + "<div/>" * N,
    "blocks under bold": "<b><div></b>" * N,
    "links around blocks": "<a><div>" * N,
    "forms ignored": "<span><form>" * N,
    "buttons under formatting": "<u><button></em>" * N,
    "nested lists": "<ul><li>" * N,
    "blocks in spans (an end tag stops at a block)": "<span><div>x</span>" * N,
    "sloppy spans around blocks": '<span class="x"><div>text</span></div>\n' * N,
    "formatting reopened at a line break": "<p><b>x</p>\n" * N,
    "CDATA outside SVG is a bogus comment": "<![CDATA[>" + "<div>" * N,
    "an attribute named '=\"'": '<p =">' + "<div>" * N,
    "MathML title is no integration point": "<math><title><xmp>" + "<div>" * N,
    "SVG inside an integration point": "<svg><desc><svg><title>" + "<div>" * N,
    "option groups outside a select": "<p>x</p>" + "<optgroup>" * N,
    "formatting in selects": "<select><nobr>" * N,
}


@pytest.mark.parametrize("name", sorted(SHALLOW))
def test_long_shallow_pages_are_not_refused(name: str) -> None:
    html = SHALLOW[name]
    assert parsed_depth(html) < 20
    assert too_costly(html) is None


@pytest.mark.parametrize("name", sorted(DEEP))
def test_deep_pages_are_refused(name: str) -> None:
    html = DEEP[name]
    assert parsed_depth(html) > MAX_HTML_DEPTH
    assert too_costly(html) is not None


def test_formatting_reopened_in_every_paragraph_is_refused() -> None:
    """The parser reopens each distinct unclosed <font> in every new paragraph: quadratic to parse (3,000 of
    them took Lexbor 7 s here), so the reference depth is not computed; the model counts them."""
    assert too_costly("".join(f"<font id={i}><p>x" for i in range(N))) is not None
    assert parsed_depth("".join(f"<font id={i}><p>x" for i in range(50))) > 50


def test_formatting_made_again_and_again_is_refused() -> None:
    """999 formatting elements left open in a block: the parser recreates all of them in each later block."""
    opened = "<div>" + "".join(f"<b id={i}>" for i in range(999)) + "</div>"
    assert len(LexborHTMLParser(opened + "<div>x</div>" * 20).root.css("b")) == 999 * 21
    found = too_costly(opened + "<div>x</div>" * 600)
    assert found is not None and "formatting elements" in found[1]
    assert too_costly(opened + "<div>x</div>" * 20) is None


def test_a_long_article_is_not_modelled() -> None:
    """With fewer than 600 tags, none of them holding hundreds of attributes, nothing can cost the parser
    much: the page is not walked."""
    paragraphs = [f"<p>{i} {' '.join(['word'] * 100)} <em>x</em> <a href='/x/{i}'>link</a>.</p>\n" for i in range(60)]
    article = "".join(paragraphs)
    assert len(article) > 20_000 and article.count("<") < 600
    calls = []
    original = htmldepth._Model.run
    try:
        htmldepth._Model.run = lambda self: calls.append(self) or original(self)  # type: ignore[method-assign]
        assert too_costly("".join(paragraphs[:25])) is None  # under 20 KB: not even its tags are read
        assert too_costly(article) is None  # longer: its tags are read, none holds many attributes
        assert calls == []
        assert too_costly(article * 2) is None  # more tags: walked, and fine
        assert len(calls) == 1
        busy = "<div " + " ".join(f"a{i}=x" for i in range(300)) + ">x</div>"
        assert too_costly(article + busy) is None  # a tag with hundreds of attributes: walked too
        assert len(calls) == 2
    finally:
        htmldepth._Model.run = original  # type: ignore[method-assign]


def test_the_refused_tag_is_where_the_limit_is_passed() -> None:
    text = "<p>" + "words " * 2000 + "</p>"
    assert too_costly(text + "<div>" * (MAX_HTML_DEPTH + 1) + "x") == (
        len(text) + 5 * MAX_HTML_DEPTH,
        f"HTML nested deeper than {MAX_HTML_DEPTH} elements",
    )
    assert too_costly(text + "<div>" * MAX_HTML_DEPTH + "x") is None
    assert too_costly("<div>" * 1500) is None  # short: parses in milliseconds however deep


@pytest.mark.parametrize(
    "html",
    [
        "<div " + "".join(f'a{i}=""' for i in range(MAX_HTML_ATTRIBUTES + 1)) + ">x</div>",  # no spaces between
        "<div/" + "/".join(f"a{i}" for i in range(MAX_HTML_ATTRIBUTES + 1)) + ">x</div>",  # slashes between
        "<div " + " ".join(f'x{i}=">"' for i in range(MAX_HTML_ATTRIBUTES + 1)) + ">x</div>",  # '>' in values
    ],
)
def test_attributes_are_counted_as_the_tokenizer_reads_them(html: str) -> None:
    assert too_costly(html) == (0, f"an HTML tag with more than {MAX_HTML_ATTRIBUTES} attributes")


def test_costs_add_up_over_the_page() -> None:
    """Many elements each just under a limit cost the parser as much as one far over it."""
    tags = "".join("<div " + " ".join(f"a{i}=x" for i in range(2000)) + ">x</div>" for _ in range(40))
    assert "too many attributes" in too_costly(tags)[1]  # type: ignore[index]
    selects = ("<select>" + "<option>x</option>" * 4000 + "</select>") * 8
    assert "too many options" in too_costly(selects)[1]  # type: ignore[index]
    cloned = "<p>" + "".join("<b " + " ".join(f"a{i}=x" for i in range(1500)) + f" id={k}>" for k in range(3))
    assert "too many attributes" in too_costly(cloned + "</p>" + "<p>x</p>" * 2000)[1]  # type: ignore[index]
    assert too_costly("<p>x" * 99_000) is None
    assert too_costly("<p>x" * 100_001) == (400_000, "HTML with more than 100000 elements")
    assert too_costly("</x>" * 400_001) == (1_600_000, "HTML with more than 400000 tags")
    # Only tags count: '<' in a script, and end tags, do not make elements.
    assert too_costly("<p>x</p>" * 90_000 + "<script>" + "a<b;" * 200_000 + "</script>") is None


def test_thousands_of_attributes_or_options_are_refused() -> None:
    """The parser's time grows with the square of either; a real page has a handful of each."""
    tag = "<div " + " ".join(f"a{i}=x" for i in range(MAX_HTML_ATTRIBUTES + 1)) + ">"
    assert too_costly("<p>x</p>" + tag + "x</div>") == (
        8,
        f"an HTML tag with more than {MAX_HTML_ATTRIBUTES} attributes",
    )
    assert too_costly(tag.replace("=x", "") + "<p>x</p>" * 2000) is not None  # found by the tag model too
    assert too_costly("<div " + " ".join(f"a{i}=x" for i in range(MAX_HTML_ATTRIBUTES)) + ">x</div>") is None
    options = "<select>" + "<option>x</option>" * (MAX_HTML_OPTIONS + 1) + "</select>"
    assert too_costly(options) == (
        8 + len("<option>x</option>") * MAX_HTML_OPTIONS,
        f"an HTML <select> with more than {MAX_HTML_OPTIONS} options",
    )
    assert too_costly(("<select>" + "<option>x</option>" * 250 + "</select>") * 40) is None


#: Tags and text to generate tag soup from.
PIECES = tuple(
    [
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<span>",
        "</span>",
        "<b>",
        "</b>",
        "<i id=x>",
        "</i>",
        "<a href=1>",
        "<a href=2>",
        "</a>",
        "<li>",
        "</li>",
        "<ul>",
        "</ul>",
        "<dd>",
        "<dt>",
        "<dl>",
        "</dl>",
        "<table>",
        "</table>",
        "<tr>",
        "<td>",
        "</td>",
        "<th>",
        "<font size=2>",
        "</font>",
        "<svg>",
        "</svg>",
        "<path/>",
        "<g>",
        "</g>",
        "<foreignObject>",
        "<title>",
        "</title>",
        "<math>",
        "<mi>",
        "<select>",
        "<option>",
        "<button>",
        "</button>",
        "<nobr>",
        "<h1>",
        "</h1>",
        "<h2>",
        "<br>",
        "<img src=x>",
        "<!--c-->",
        "<!-->",
        "<textarea>",
        "</textarea>",
        "<form>",
        "</form>",
        "<pre>",
        "</pre>",
        "<blockquote>",
        "</blockquote>",
        "<em>",
        "</em>",
        "<strong>",
        "</strong>",
        "<caption>",
        "<object>",
        "</object>",
        "<marquee>",
        "<applet>",
        "<center>",
        "<code>",
        "</code>",
        "<s>",
        "<u>",
        "<tt>",
        "x",
        " ",
        "<script>x</script>",
        "<style>p{}</style>",
    ]
)


def test_the_model_follows_the_parser_on_generated_tag_soup(monkeypatch: pytest.MonkeyPatch) -> None:
    """Never far under the parser's depth (that would let a slow page through), never far over it."""
    rng = random.Random(7)
    for _ in range(100):
        count = rng.randint(20, 1500)
        if rng.random() < 0.5:
            motif = [rng.choice(PIECES) for _ in range(rng.randint(1, 4))]
            html = "".join(motif * (count // len(motif)))
        else:
            html = "".join(rng.choice(PIECES) for _ in range(count))
        parsed, modelled = parsed_depth(html), modelled_depth(html, monkeypatch)
        assert parsed <= 3 * modelled + 10, (parsed, modelled, html[:300])
        assert modelled <= 5 * parsed + 10, (parsed, modelled, html[:300])


def test_the_guard_itself_stays_linear_on_hostile_pages() -> None:
    """Inputs that made earlier versions of the guard (not the parser) take seconds to minutes."""
    pages = [
        ("<a" + "x" * 10000) * 500,  # long tag names full of '<'
        "<br>" * 1001 + "<a" + " " * 80000 + "=x>",  # one tag, a long run of spaces
        "<span>" * 999 + "</x>" * 99000,  # end tags of nothing open, under a deep stack
        "<table><tr><td>" * 300 + "<td>" * 99000,  # cells closing cells
    ]
    for page in pages:
        start = cpu_seconds()
        too_costly(page)
        assert cpu_seconds() - start < 5, page[:40]


@pytest.mark.parametrize(
    ("rest", "expected"),
    [
        (' href="a>b" title=x>after', ' href="a>b" title=x>'),  # a quoted value may hold '>'
        ('\x0cclass="a">after', '\x0cclass="a">'),  # a form feed parts attributes
        # A no-break space is no white space to the tokenizer: after '=' it starts an unquoted value, which
        # the first '>' ends, the quote inside it notwithstanding.
        (' x=\u00a0"a>b">', ' x=\u00a0"a>'),
        (" x='open", None),  # a tag never finished: no end
    ],
)
def test_the_end_of_a_tag_is_where_the_tokenizer_ends_it(rest: str, expected: str | None) -> None:
    """The one model of a tag's end, shared by the depth guard, the article finder and the Markdown reader."""
    found = htmldepth.TAG_REST.match(rest)
    assert (found.group(0) if found else None) == expected
    if expected is not None:  # lexbor agrees: what follows the tag is text
        tree = LexborHTMLParser(f"<p><span{rest}TAIL</p>")
        assert tree.css_first("span") is not None
        assert tree.css_first("p").text() == rest[len(expected) :] + "TAIL"


def test_a_tag_never_closed_is_refused_for_its_attributes_too() -> None:
    """A start tag with 240,000 attributes and no '>' took the parser 19 s: the guard counted only the
    attributes of tags that end, and this one runs to the end of the page."""
    attributes = " ".join(f"a{i}=1" for i in range(MAX_HTML_ATTRIBUTES + 1))
    assert too_costly("<p>" * 10 + "<p " + attributes) is not None
    assert too_costly("<p " + attributes + ">") is not None  # as when it is closed
    assert too_costly("<p>" * 10 + "<p " + " ".join(f"a{i}=1" for i in range(100))) is None
