"""Search helpers kept fast by shortcuts, each held to the plain method it replaces."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from conftest import cpu_seconds
from reprint_guard.reprint import Reprint
from reprint_guard.textnorm import (
    _CASED_BLOCKS,
    _ZERO_WIDTH_CHARS,
    find_phrase,
    fold_utf8,
    lower,
    non_ascii_bytes,
    non_ascii_chars,
    normalize,
)

#: Typographic apostrophes and hyphens, and the ASCII character each is compared as.
_LOOKALIKES = {"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-", "\u2012": "-"}
_LOOKALIKES |= {"\u2013": "-", "\u2212": "-"}


def _plain_normalize(text: str, fold_case: bool = True) -> str:
    """The definition: zero-width characters out, NFKC, case folding (unless not ``fold_case``), typographic
    apostrophes and hyphens made ASCII, white space collapsed."""
    text = re.sub("[\u200b\u2060\ufeff]+", lambda found: _gap(text, found), text)
    text = re.sub(f"[{_ZERO_WIDTH_CHARS}]", "", text)
    folded = unicodedata.normalize("NFKC", text)
    folded = folded.casefold() if fold_case else folded
    return " ".join("".join(_LOOKALIKES.get(char, char) for char in folded).split())


def _cased(char: str) -> bool:
    return any(first <= ord(char) < last for first, last in _CASED_BLOCKS)


def _gap(text: str, found: re.Match[str]) -> str:
    """A run of what a paste puts for a space between two words: a space between a small letter and a capital
    (or title-case letter) of the cased scripts, else left as it is (removed with the rest)."""
    start, end = found.span()
    before, after = text[start - 1 : start], text[end : end + 1]
    if before and after and _cased(before) and _cased(after) and before.islower():
        return " " if after.isupper() or after.istitle() else found.group()
    return found.group()


def test_writers_apostrophes_and_hyphens_compare_as_ascii() -> None:
    assert normalize("Siobhán O’Connor") == normalize("Siobhán O'Connor") == "siobhán o'connor"
    assert normalize("Núñez\u2011Ortega") == normalize("Núñez–Ortega") == "núñez-ortega"
    assert normalize("CC BY\u2011NC\u2011ND 3.0 US") == "cc by-nc-nd 3.0 us"
    assert normalize("a\u2014b") == "a\u2014b"  # the em dash parts clauses: it stays


def test_normalize_agrees_with_its_definition_on_every_code_point() -> None:
    points = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    for start in range(0, len(points), 48):
        chunk = points[start : start + 48]
        # Each character beside ASCII letters, a space and a non-ASCII letter, where composition could happen.
        text = "Ab " + " x\u00e9".join(chunk) + "\n" + "e".join(chunk) + "  Z\u0301"
        assert normalize(text) == _plain_normalize(text), (hex(ord(chunk[0])), text)
        assert normalize(text, fold_case=False) == _plain_normalize(text, False), (hex(ord(chunk[0])), text)


def test_normalize_agrees_with_its_definition_on_generated_text() -> None:
    rng = random.Random(11)
    alphabet = [chr(c) for c in [*range(0x250), *range(0x2000, 0x2070), 0x1680, 0x3000, 0xFB01, 0xFF21, 0x212A]]
    alphabet += [chr(c) for c in (0x130, 0x3A3, 0x1E9E, 0xDF, 0x301, 0x1100, 0x1161, 0x11A8, 0xAC00, 0x24B8)]
    alphabet += list(_ZERO_WIDTH_CHARS) + list("aZ\u200b\u2060\u00ad\u01c5\u0434\u0414")
    for _ in range(30000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert normalize(text) == _plain_normalize(text), repr(text)
        assert normalize(text, fold_case=False) == _plain_normalize(text, False), repr(text)


def test_lower_is_str_lower_on_every_code_point() -> None:
    points = [chr(c) for c in range(0x110000)]  # lone surrogates too: a page may hold one
    for start in range(0, len(points), 64):
        chunk = points[start : start + 64]
        # Each character beside ASCII capitals, in a word and at its end (where a sigma is lowered otherwise).
        text = "Ab " + " XY".join(chunk) + "\n" + "E".join(chunk) + " \u03a3 "
        assert lower(text) == text.lower(), hex(ord(chunk[0]))


def test_lower_is_str_lower_on_generated_text() -> None:
    rng = random.Random(12)
    alphabet = [*"AbZ .\n", *(chr(c) for c in (0xC9, 0xE9, 0x130, 0x131, 0x3A3, 0x3C3, 0x1E9E, 0x212A, 0x2019))]
    alphabet += [chr(c) for c in (0x410, 0x430, 0x1C5, 0x1F88, 0xD800, 0x10400)]
    for _ in range(30000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        assert lower(text) == text.lower(), repr(text)
        # Given its characters read already (a visible text reads them once for its folding and lower case).
        encoded = text.encode("utf-8", "surrogatepass")
        others = non_ascii_bytes(encoded) if not text.isascii() else None
        assert lower(text, encoded, others) == text.lower(), repr(text)
        if "\ud800" not in text:
            assert fold_utf8(text, encoded=encoded, others=others) == fold_utf8(text), repr(text)


def test_non_ascii_chars_are_the_set_of_the_text() -> None:
    """Read in UTF-8, the distinct non-ASCII characters are those of a set of the str: every code point (lone
    surrogates too), and each given text with ASCII, two- to four-byte characters and encoded lengths."""
    points = [chr(c) for c in range(0x80, 0x110000, 7)]
    assert non_ascii_chars("A" + "b".join(points)) == set(points)
    assert non_ascii_chars("plain ASCII\n") == set()
    assert non_ascii_chars("") == set()
    rng = random.Random(46)
    alphabet = [*"Ab .\n", *(chr(c) for c in (0x80, 0xE9, 0x7FF, 0x800, 0x2014, 0xD800, 0xDFFF, 0xFFFF, 0x10000))]
    alphabet.append(chr(0x10FFFF))
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert non_ascii_chars(text) == {char for char in text if not char.isascii()}, repr(text)


def test_last_occurrence_is_the_last_forward_hit() -> None:
    rng = random.Random(5)
    words = ["global", "research", "globalresearch", "x", "Global", "Research", "researchers", ",", " "]
    for _ in range(20000):
        text = "".join(rng.choice(words) + rng.choice(["", " ", " ", "."]) for _ in range(rng.randint(0, 12)))
        for phrase in ("global research", "research", "Global Research"):
            hits, start = [], 0
            while (index := find_phrase(text, phrase, start, cased=True)) >= 0:
                hits.append(index)
                start = index + 1
            assert find_phrase(text, phrase, cased=True, last=True) == (hits[-1] if hits else -1), (text, phrase)


#: The definition ``_code_spans`` is held to (CommonMark's): a fence, up to 3 spaces in, closed by a line
#: of at least as many of its character (up to 3 spaces in) or, never closed, running to the end; a
#: backtick fence's info string has no backtick. Else a run of backticks up to the next run as long.
_CODE = re.compile(
    r"^ {0,3}(`{3,})[^`\n]*\n(?:.*?^ {0,3}\1`*[ \t]*$|.*\Z)"
    r"|^ {0,3}(~{3,})[^\n]*\n(?:.*?^ {0,3}\2~*[ \t]*$|.*\Z)"
    r"|(`+)[^`\n].*?\3",
    re.MULTILINE | re.DOTALL,
)


def test_code_spans_found_as_the_regex_finds_them() -> None:
    from reprint_guard.reprint import _code_spans

    rng = random.Random(3)
    pieces = ["a", " ", "\n", "`", "``", "```", "~~~", "~", "x y", "\n```py\n", "\n```\n", "\n~~~~\n"]
    pieces += ["\n  ", "\n````\n"]
    for _ in range(20000):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        assert _code_spans(body) == [(m.start(), m.end()) for m in _CODE.finditer(body)], repr(body)


def test_code_fences_close_as_commonmark_closes_them() -> None:
    """An inline ```code``` line, a longer or indented closing fence: the text after them is visible."""
    from reprint_guard.reprint import _code_spans

    assert _code_spans("```pip install foo```\nSource") == [(0, 21)]
    assert _code_spans("```\ncode\n````\nSource") == [(0, 13)]
    assert _code_spans("```\ncode\n  ```\nSource") == [(0, 14)]
    assert _code_spans("  ~~~\ncode\n~~~~~\nSource") == [(0, 16)]


def test_code_spans_stay_linear_on_hostile_input() -> None:
    """Thousands of unclosed fences, or of unmatched backtick runs, took minutes with a regex."""
    from reprint_guard.reprint import _code_spans

    start = cpu_seconds()
    assert _code_spans("```x\nabc\n" * 20000) == [(0, 180000)]  # never closed: code to the end
    assert _code_spans("text\n" + "~~~a\n" * 20000) == [(5, 100005)]
    runs = "".join(f" {'`' * (n % 40 + 1)}y" for n in range(20000))  # 40 lengths, most never closed
    spans = _code_spans(runs)
    assert cpu_seconds() - start < 5
    assert spans == [(m.start(), m.end()) for m in _CODE.finditer(runs)]


def _plain_content_end(text: str) -> str:
    """The definition: strip white space, then comments and link definitions, then closing tags, at the end."""
    text = text.rstrip()
    while True:
        if text.endswith("-->") and "<!--" in text:
            text = text[: text.rfind("<!--")].rstrip()
            continue
        last_line = text[text.rfind("\n") + 1 :]
        if "\n" in text and re.match(r"^ {0,3}\[[^\]\n]+\]:\s*\S", last_line):
            text = text[: text.rfind("\n")].rstrip()
            continue
        break
    while text.endswith(">"):
        opening = text.rfind("</")
        if opening < 0 or ">" in text[opening:-1] or not text[opening + 2 : opening + 3].isalpha():
            break
        text = text[:opening].rstrip()
    return text


def test_content_end_found_by_index_as_by_slicing() -> None:
    from reprint_guard.reprint import _content_end

    rng = random.Random(4)
    pieces = ["a", " ", "\n", "<!--", "-->", "</p>", "</", ">", "<p>", "[x]: http://a", "  [y]: z", "\t", "</1>"]
    pieces.append("\u3000")
    for _ in range(30000):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        start = rng.randint(0, len(body))
        end = rng.randint(start, len(body))
        kept = _plain_content_end(body[start:end])
        assert _content_end(body, start, end) == (start + len(kept) if kept.strip() else start), (body, start, end)


def test_normalised_bytes_hold_a_phrase_exactly_when_the_text_does() -> None:
    from reprint_guard.textnorm import normalize_utf8, normalized
    from reprint_guard.visible import VisibleBody

    rng = random.Random(9)
    words = ["Global", "research", "GLOBAL", "Résumé", "résumé", "\u00a0", " ", "\n", "ﬁle", "file", "Straße"]
    for _ in range(5000):
        raw = "".join(rng.choice(words) for _ in range(rng.randint(0, 10)))
        visible = VisibleBody(raw, [], [])
        assert visible.text_utf8 == normalize_utf8(raw) == visible.text.encode("utf-8")
        assert VisibleBody(raw, [], []).text == _plain_normalize(raw)  # text first, bytes from it
        for phrase in ("global research", "Résumé", "file", "STRASSE", "é", ""):
            expected = bool(normalized(phrase)) and normalized(phrase) in visible.text
            assert visible.holds(phrase) == expected, (raw, phrase)


def test_the_characters_that_compose_backward_are_all_listed() -> None:
    """Text made of "inert" characters skips NFKC: the list of those that are not must be complete."""
    import pytest

    from reprint_guard.textnorm import _COMPOSES_BACKWARD, _COMPOSES_BACKWARD_UNICODE, _nfkc_inert

    if unicodedata.unidata_version not in _COMPOSES_BACKWARD_UNICODE:
        assert not _nfkc_inert("é")  # another Unicode version: NFKC always runs
        pytest.skip("the list is for another Unicode version")
    pairs = []
    for code in range(0x110000):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            first, second = (chr(int(part, 16)) for part in parts)
            pairs.append((first, second))
            if unicodedata.combining(second) == 0:
                assert second in _COMPOSES_BACKWARD, hex(ord(second))
    hangul = [("\u1100", chr(v)) for v in range(0x1161, 0x1176)] + [("\uac00", chr(t)) for t in range(0x11A8, 0x11C3)]
    for first, second in pairs + hangul:
        text = f"x {first}{second} y"
        assert normalize(text) == _plain_normalize(text), (hex(ord(first)), hex(ord(second)))
    assert _nfkc_inert("é") and _nfkc_inert("—") and not _nfkc_inert("\u0301") and not _nfkc_inert("ﬁ")


def test_folded_text_holds_a_word_exactly_when_the_normalised_text_does() -> None:
    from reprint_guard.textnorm import collapse, fold_utf8, normalize_utf8

    rng = random.Random(13)
    pieces = ["Global", "RESEARCH", " ", "  ", "\n", "\t", "\u00a0", "\u2028", "é", "É", "Straße", "ß", "ﬁ", "K", "x"]
    pieces += ["\u200b", "\u0301", "Σ", "ς", "—", "reserved", "Reserved"]
    for _ in range(20000):
        raw = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 9)))
        folded = fold_utf8(raw)
        normal = normalize_utf8(raw)
        assert normal == _plain_normalize(raw).encode("utf-8"), repr(raw)
        if folded is None:
            continue  # NFKC would change the text: only the full normalisation answers
        assert collapse(folded) == normal, repr(raw)
        for word in ("global", "research", "reserved", "é", "ss", "strasse", "σ", "k"):
            assert (word.encode() in folded) == (word.encode() in normal), (raw, word)


def test_case_folding_leaves_no_ascii_capital_or_white_space_but_the_space() -> None:
    """The fold lower-cases ASCII before folding the rest, so no fold may bring back what that removed."""
    for code in range(0x80, 0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        for char in chr(code).casefold():
            assert not (char.isascii() and (char.isupper() or (char.isspace() and char != " "))), hex(code)


def _plain_locate_url(reprint: Reprint, url: str) -> tuple[int, int]:
    """The definition: each link syntax in turn, its first occurrence outside comments and code that its
    closing ends (a Markdown link's ")" or white space before a title; a definition's white space; either
    may end with the article's content)."""
    import re

    from reprint_guard.reprint import _escape

    end = reprint._content_span[1]
    for candidate in dict.fromkeys((url, _escape(url))):
        for before, closers in (('href="', '"'), ("href='", "'"), ("](", ") \t\r\n"), ("<", ">"), ("]: ", " \t\r\n")):
            closed = (
                m.start()
                for m in re.finditer(re.escape(before + candidate), reprint.body)
                if (m.end() < end and reprint.body[m.end()] in closers) or (m.end() == end and " " in closers)
            )
            index = reprint._first_visible(closed)
            if index >= 0:
                return reprint._position(index + len(before))
    return reprint.locate(url)


def test_a_link_is_located_as_trying_each_syntax_in_turn_locates_it() -> None:
    from reprint_guard.readers import read_text

    rng = random.Random(21)
    url = "https://example.org/a?x=1&y=2"
    pieces = [
        f"[a]({url})",
        f'<a href="{url}">b</a>',
        f"<a href='{url}'>c</a>",
        f"<{url}>",
        f"[r]: {url}",
        url,
        url.replace("&", "&amp;"),
        f'href="{url.replace("&", "&amp;")}"',
        "<!-- ",
        " -->",
        "`",
        "```\n",
        "\n",
        " text ",
        "<body>",
        "</body>",
    ]
    for _ in range(3000):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        for kind in ("markdown", "html"):
            reprint = read_text(body or "x", format=kind, meta={"original_url": url})
            assert reprint.locate_url(url) == _plain_locate_url(reprint, url), (kind, body)


@pytest.mark.parametrize(
    ("text", "phrase", "found"),
    [
        ("本文原载于dialogue earth。", "Dialogue Earth", True),  # Chinese puts no space before a Latin name
        ("本文由王芳撰写", "王芳", True),  # nor around a name of its own script
        ("김민지가 작성하여 global voices에 처음", "Global Voices", True),  # a Korean particle after the name
        ("김민지가 작성하여", "김민지", True),
        ("ページはグローバルボイスに", "グローバルボイス", True),
        ("global researchers say", "Global Research", False),  # Latin words still stand whole
        ("globalresearch.ca", "Global Research", False),
    ],
)
def test_a_phrase_stands_whole_beside_a_script_written_without_spaces(text, phrase, found):
    """Chinese and Korean credits ("本文原载于Dialogue Earth", "김민지가") were "not visible": the characters
    around a name were read as more of its word."""

    assert (find_phrase(text, phrase) >= 0) is found
    assert (find_phrase(text, phrase, last=True) >= 0) is found


def test_liquid_comments_found_as_the_lazy_regex_finds_them() -> None:
    """:func:`liquid_comment_spans` finds each comment without the lazy regex (which read to the page's end
    for each tag never closed): the same spans, code spans left out alike, on generated text."""
    from reprint_guard.reprint import LIQUID_COMMENT, _code_spans, liquid_comment_spans

    def plain(body: str, markdown: bool) -> list[tuple[int, int]]:
        if "{%" not in body or "comment" not in body:
            return []
        found = [match.span() for match in LIQUID_COMMENT.finditer(body)]
        if found and markdown and ("`" in body or "~~~" in body):
            code = sorted(_code_spans(body))
            found = [(a, b) for a, b in found if not any(start <= a < end for start, end in code)]
        return found

    rng = random.Random(14)
    parts = ["{% comment %}", "{%- comment -%}", "{%comment%}", "{% endcomment %}", "{%-endcomment-%}", "{% endcomment"]
    parts += ["x", "\n", "`", "```\n", "~~~\n", " ", "{%", "%}", "comment", "{{ x }}"]
    for _ in range(20000):
        body = "".join(rng.choice(parts) for _ in range(rng.randint(0, 14)))
        for markdown in (True, False):
            assert liquid_comment_spans(body, markdown) == plain(body, markdown), repr(body)
