"""Positions of findings, read back from the file: cases a property test over many syntaxes found wrong.

Each case writes a real reprint, checks it with the CLI, and reads the reported span back out of the file
(columns in code points, as the README says), where the words found must stand."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CC_META = """---
title: A seed library in the old bank vault
author: Priya Castellanos
original_url: https://harrow-valley-ledger.example/2025/03/02/seed-library-bank-vault
original_published: 2025-03-02
license: CC-BY-4.0
commercial: false
medium: web
---
"""

CREDIT = (
    "*By Priya Castellanos. This article was first published by [Harrow Valley Ledger]"
    "(https://harrow-valley-ledger.example/2025/03/02/seed-library-bank-vault) and is republished under a "
    "[CC BY 4.0](https://creativecommons.org/licenses/by/4.0/) licence.*\n"
)


def _finding(cli, path: Path, rule: str, *extra: str) -> dict:
    run = cli("check", "--no-config", "--format", "json", *extra, str(path))
    [result] = run.json()["results"]
    found = [f for f in result["findings"] if f["rule"] == rule]
    assert found, result
    return found[0]


def _read_back(text: str, finding: dict) -> str:
    """The text from (line, column) to (end_line, end_column), lines as an editor counts them."""
    lines = re.split(r"\r\n|\r|\n", text.removeprefix("\ufeff"))
    line, column, end_line, end_column = (finding[k] for k in ("line", "column", "end_line", "end_column"))
    assert end_line is not None and end_column is not None, finding
    if line == end_line:
        return lines[line - 1][column - 1 : end_column - 1]
    middle = lines[line : end_line - 1]
    return "\n".join([lines[line - 1][column - 1 :], *middle, lines[end_line - 1][: end_column - 1]])


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", re.sub(r"<[^>]*>", " ", text).casefold())


def test_words_in_underscore_emphasis_are_located(cli, tmp_path):
    """``_endorsed by the licensor_``: the underscore, a word character to a regex, stood between the words
    found ("This reprint is endorsed by") and their search as written; the finding fell back to the body's
    first line, with no end."""
    body = "\nThe steel door still weighs two tonnes.\n\nThis reprint is _endorsed by the licensor_.\n\n" + CREDIT
    path = tmp_path / "a.md"
    path.write_text(CC_META + body, encoding="utf-8")
    finding = _finding(cli, path, "cc-by-4.0/no-endorsement")
    assert (finding["line"], finding["column"]) == (13, 1)
    assert _words(_read_back(path.read_text(encoding="utf-8"), finding)) == ["this", "reprint", "is", "endorsed", "by"]


def test_words_after_a_fenced_code_block_in_a_crlf_file_are_located(cli, tmp_path):
    """A CRLF file's closing fence ("```\\r\\n") was not read as one: the code block ran on to the body's end,
    every copy of the words after it was taken for code, and the finding fell back to the body's first line."""
    body = "\n```\nAll rights reserved.\n```\n\nX. *all* RIGHTS reserved.\n\n" + CREDIT
    path = tmp_path / "a.md"
    path.write_bytes((CC_META + body).replace("\n", "\r\n").encode())
    finding = _finding(cli, path, "cc-by-4.0/no-added-restrictions")
    assert (finding["line"], finding["column"]) == (15, 5)
    assert _words(_read_back(path.read_text(encoding="utf-8"), finding)) == ["all", "rights", "reserved"]


def test_words_with_a_soft_hyphen_inside_are_located(cli, tmp_path):
    """A soft hyphen (or a zero-width space) inside a word, written as a character or a reference, shows
    nothing and the rule reads the word without it; the search as written did not, and the finding fell back
    to the body's first line, with no end."""
    body = "\nThe steel door still weighs two tonnes.\n\n© 2025 Ledger. All rights re&shy;served.\n\n"
    path = tmp_path / "a.md"
    path.write_text(CC_META + body + CREDIT, encoding="utf-8")
    finding = _finding(cli, path, "cc-by-4.0/no-added-restrictions")
    assert (finding["line"], finding["column"]) == (13, 16)
    said = _read_back(path.read_text(encoding="utf-8"), finding)
    assert said == "All rights re&shy;served"


ND_META = CC_META.replace("CC-BY-4.0", "CC-BY-ND-4.0")
ND_CREDIT = CREDIT.replace(
    "[CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)",
    "[CC BY-ND 4.0](https://creativecommons.org/licenses/by-nd/4.0/)",
)


@pytest.mark.parametrize(
    ("written", "meta", "rule"),
    [
        ("We’ve shortened this story for length.", ND_META, "cc-by-nd-4.0/edits-declared"),
        ("We&#8217;ve shortened this story for length.", ND_META, "cc-by-nd-4.0/edits-declared"),
        ("ＴＨＩＳ story has been condensed for length.", ND_META, "cc-by-nd-4.0/edits-declared"),
        ("This reprint is ofﬁcially endorsed by the licensor.", CC_META, "cc-by-4.0/no-endorsement"),
    ],
)
def test_words_written_otherwise_than_the_rule_reads_them_are_located(cli, tmp_path, written, meta, rule):
    """A rule reads the text normalised (a curly apostrophe as "'", NFKC: "ﬁ" as "fi", full-width letters as
    ASCII) and quotes what it found so; the search as written looked for that quote, and the finding fell
    back to the body's first line, with no end: WordPress curls every apostrophe."""
    credit = ND_CREDIT if meta is ND_META else CREDIT
    path = tmp_path / "a.md"
    path.write_text(
        meta + "\nThe steel door still weighs two tonnes.\n\nX. " + written + "\n\n" + credit, encoding="utf-8"
    )
    finding = _finding(cli, path, rule)
    assert (finding["line"], finding["column"]) == (13, 4)
    said = _read_back(path.read_text(encoding="utf-8"), finding)
    assert written.startswith(said) and len(said) > len(written) // 2


def test_an_indented_front_matter_key_of_an_html_page_is_told_at_its_column(cli, tmp_path):
    """A Hugo page in HTML with TOML front matter, its own fields under [params] indented: the finding about
    the key stood at column 1, where the same front matter over Markdown puts it at the key (column 3)."""
    front = (
        '+++\ntitle = "T"\nauthor = "Priya Castellanos"\n'
        'original_url = "https://harrow-valley-ledger.example/2025/03/02/seed-library-bank-vault"\n'
        'license = "CC-BY-NC-4.0"\n\n[params]\n  commercial = true\n  medium = "web"\n+++\n'
    )
    for name, body in (("a.md", "\nBy Priya Castellanos.\n"), ("a.html", "<p>By Priya Castellanos.</p>\n")):
        path = tmp_path / name
        path.write_text(front + body, encoding="utf-8")
        finding = _finding(cli, path, "cc-by-nc-4.0/noncommercial")
        assert (finding["line"], finding["column"]) == (8, 3), name


@pytest.mark.parametrize(
    "hidden",
    [
        '<span title="This reprint is endorsed by the licensor.">hover</span>',
        "A ![This reprint is endorsed by the licensor.](https://example.org/p.png)",
    ],
)
def test_a_copy_in_a_tag_does_not_take_the_place_of_the_one_in_the_text(cli, tmp_path, hidden):
    """The words as the rule quotes them stood only in a tag (a title, an image's alt text), and in the text
    with markup between them ("is *endorsed* by"): the finding was told at the tag's copy, which no reader
    sees as text."""
    body = f"\n{hidden}\n\nThis reprint is *endorsed* by the licensor.\n\n"
    path = tmp_path / "a.md"
    path.write_text(CC_META + body + CREDIT, encoding="utf-8")
    finding = _finding(cli, path, "cc-by-4.0/no-endorsement")
    assert (finding["line"], finding["column"]) == (13, 1)
    assert _words(_read_back(path.read_text(encoding="utf-8"), finding)) == ["this", "reprint", "is", "endorsed", "by"]


def test_a_copy_passed_over_before_one_written_otherwise_is_not_taken_for_it(cli, tmp_path):
    """The rule passes over a first copy ("approved by the author of the bill", a mention) and finds the
    second, whose word holds a soft hyphen: the search for the second copy as written found only the first,
    and the finding was told at the mention."""
    front = CC_META.replace("CC-BY-4.0", "CC-BY-ND-4.0").replace(
        "https://harrow-valley-ledger.example/2025/03/02/seed-library-bank-vault",
        "https://theconversation.com/how-rooftop-beehives-changed-one-city-block-241873",
    )
    body = (
        "\nThe budget was approved by the author of the bill.\n\n"
        "This republication is ap\u00adproved by the author.\n\n"
        "This article is republished from [The Conversation]"
        "(https://theconversation.com/how-rooftop-beehives-changed-one-city-block-241873) under a "
        "[CC BY-ND 4.0](https://creativecommons.org/licenses/by-nd/4.0/) licence.\n"
    )
    path = tmp_path / "a.md"
    path.write_text(front + body, encoding="utf-8")
    finding = _finding(cli, path, "the-conversation/no-endorsement")
    assert (finding["line"], finding["column"]) == (13, 23)
    assert _read_back(path.read_text(encoding="utf-8"), finding) == "ap\u00adproved by the author"
