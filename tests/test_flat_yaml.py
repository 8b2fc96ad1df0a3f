"""The flat front-matter reader must read exactly what PyYAML reads, or step aside.

``safeyaml.load_flat`` exists only for speed; these tests hold it to PyYAML's
result on tricky scalars and on thousands of generated documents.
"""

from __future__ import annotations

import random

import pytest

from reprint_guard.errors import InputError
from reprint_guard.safeyaml import load, load_flat

#: Values that look harmless but are not plain strings in YAML 1.1, or are not flat at all.
TRICKY_VALUES = [
    "web",
    "no",
    "No",
    "yes",
    "on",
    "off",
    "y",
    "n",
    "true",
    "False",
    "~",
    "null",
    "Null",
    "NULL",
    "0",
    "-1",
    "+1",
    "017",
    "0o17",
    "0x1F",
    "1_000",
    "1e3",
    "1.5e3",
    ".5",
    ".inf",
    "-.inf",
    ".nan",
    "1:30",
    "190:20:30",
    "2025-03-04",
    "2025-3-4",
    "2025-03-04T10:00:00Z",
    "2025-03-04 10:00:00 +02:00",
    "2025-13-45",
    '"quoted: yes"',
    "'single # not a comment'",
    "'it''s'",
    '"esc\\"aped"',
    '"\\u00e9"',
    '"a" trailing',
    "plain # comment",
    "plain#hash",
    "a: b",
    "ends:",
    "url https://x.org/a#frag",
    "https://x.org/a?b=1&c=2",
    "[a, b, c]",
    "[]",
    "[ ]",
    "[a, [b]]",
    "[a,, b]",
    "[a, b,]",
    "[yes, 2025-01-02, '3']",
    "[a: b]",
    "[a] x",
    "[https://x.org/a, b]",
    "[a #b]",
    "[a, b] # c",
    "{a: b}",
    "&anchor x",
    "*alias",
    "!tag x",
    "!!str 12",
    "| ",
    ">",
    "- item",
    "? x",
    "%x",
    "@x",
    "`x`",
    "=",
    "<<",
    "São Paulo — Bogotá",
    "x\u2028y",
    "tab\there",
    "Copyright © 2025",
    "a, b",
    "a [b] {c}",
]
TRICKY_KEYS = ["title", "author", "original_url", "yes", "null", "on", "_x", "with-dash", "Key2", "1key", "<<"]


def _agree(text: str) -> bool:
    """True when the flat reader read ``text``; fails the test if it read it differently."""
    flat = load_flat(text)
    try:
        full = load(text)
    except InputError:
        assert flat is None, f"flat read {text!r}, PyYAML refuses it"
        return False
    if flat is None:
        return False
    assert repr(flat.data) == repr(full.data), text  # repr: True is not 1, a date is not a string
    assert flat.key_lines == full.key_lines, text
    return True


@pytest.mark.parametrize("value", TRICKY_VALUES)
def test_tricky_values_read_as_pyyaml_reads_them(value: str) -> None:
    _agree(f"title: x\nvalue: {value}\n")


@pytest.mark.parametrize("key", TRICKY_KEYS)
def test_tricky_keys(key: str) -> None:
    _agree(f"{key}: x\nother: y\n")


def test_generated_documents_agree_with_pyyaml() -> None:
    rng = random.Random(20261201)
    extra_lines = [
        "",
        "# a comment",
        "   ",
        "  indented: x",
        "- a",
        "key:",
        "nested:\n  a: 1",
        "...",
        "list:\n- a",
        "authors:\n  - Ana\n  - 'Bo'",
        "authors:\n- Ana\n- [x]",
        "list:\n  - a\n    - b",
        "list:\n  - a\n - b",
        "list:\n  - a: b",
        "list:\n  -",
        "list:\n  - a: b\n    c: [d]\n  - a: no",
        "list:\n- a: b\n  c: d",
        "list:\n  - a: b\n   c: d",
        "list:\n  - a: b\n      c: d",
        "list:\n  - a:\n      c: d",
        "list:\n  - a: b\n  - c",
        "list:\n  - a: b\n    - c",
        "list:\n  - yes: b",
        "list:\n  - a: b\n    a: c",
        "empty: []",
        "empty:",
        "list:\n  - a\n  # note\n\n  - yes",
        "list: x\n  - a",
        "  - a",
    ]
    read = 0
    for _ in range(3000):
        lines = []
        for _ in range(rng.randint(1, 8)):
            roll = rng.random()
            if roll < 0.1:
                lines.append(rng.choice(extra_lines))
            else:
                lines.append(f"{rng.choice(TRICKY_KEYS)}: {rng.choice(TRICKY_VALUES)}")
        read += _agree("\n".join(lines) + "\n")
    assert read > 100  # the fast path is taken often, not only declined


def test_typical_front_matter_takes_the_fast_path() -> None:
    text = (
        'title: "A Crisis in the Making"\nauthor: Ana Souza\ndate: 2025-03-04\n'
        "original_url: https://www.globalresearch.ca/a-crisis/5763259\noriginal_published: 2025-02-25\n"
        "medium: web\ncommercial: false\ntags: [geopolitics, media]\n# drafts stay local\ndraft: no\n"
    )
    assert _agree(text)
    assert load_flat(text).key_lines["draft"] == 10


def test_block_sequences_of_scalars() -> None:
    assert _agree("title: x\nauthor:\n  - Ana Souza\n  - 'Bo Li'\ndate: 2025-01-02\n")
    assert _agree("author:\n- Ana Souza\n- no\n")


def test_permission_records_take_the_fast_path() -> None:
    text = 'title: x\npermissions:\n  - from: "a@b.org"\n    date: 2025-01-02\n    scope: [commercial]\ntags: [a]\n'
    assert _agree(text)
    assert load_flat(text).data["permissions"][0]["scope"] == ["commercial"]


def test_deeper_nesting_goes_to_pyyaml() -> None:
    text = "title: x\npermissions:\n  - from: a@b.org\n    scope:\n      - commercial\n"
    assert load_flat(text) is None
    assert load(text, flat=True).data["permissions"][0]["scope"] == ["commercial"]


def test_errors_keep_pyyaml_positions() -> None:
    with pytest.raises(InputError) as caught:
        load("title: x\ndate: 2025-13-45\n", flat=True)
    # A date that is none is named by its key, with why, at the value PyYAML places it at.
    said = "'date': '2025-13-45' is not a calendar date: there is no month 13 (months run 01 to 12)"
    assert caught.value.message == said
    assert (caught.value.line, caught.value.column, caught.value.field) == (2, 7, "date")


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\n \xa0\n",  # a line of non-breaking spaces is not blank to YAML
        "a:\n \xa0",
        "a: 1\n\xa0\nb: 2\n",
        "a: 1\n\u3000\n",
        "a: [b:?]\n",  # ':' inside [...] depends on what follows: PyYAML decides
        "a:\n- [b:?]\n",
        "a:\n- k: [b:?]\n",
        "a: [x, b:c]\n",
        # YAML reads a key of at most 1024 characters: PyYAML refuses a longer one, at the top and in a record
        f"a: 1\n{'k' * 1025}: 2\n",
        f"{'k' * 1025}: 2\n",
        f"a:\n- from: x\n  {'k' * 1025}: 2\n",
        f"a:\n  - {'k' * 1025}: 2\n",
    ],
)
def test_documents_the_flat_reader_must_leave_to_pyyaml(text: str) -> None:
    _agree(text)


def test_a_key_of_1024_characters_is_read_flat() -> None:
    assert _agree(f"a: 1\n{'k' * 1024}: 2\nb:\n- from: x\n  {'n' * 1024}: 3\n")


@pytest.mark.parametrize("flat", [True, False])
def test_nel_and_unicode_line_separators_are_characters_not_line_breaks(flat):
    """PyYAML (YAML 1.1) broke a line at U+2028, U+2029 and NEL: a pasted title split in two, and every
    position below it was a line off. They are read as the characters they are (YAML 1.2)."""
    loaded = load('title: "T\u2028x"\nauthor: A\u0085B\nlist: [a, b\u2029c]\noriginal_url: u\n', flat=flat)
    assert loaded.data == {"title": "T\u2028x", "author": "A\x85B", "list": ["a", "b\u2029c"], "original_url": "u"}
    assert loaded.key_lines["original_url"] == 4
    with pytest.raises(InputError) as caught:
        load('title: "T\x85"\nx: 1\nlist: [x\n', flat=flat)
    assert (caught.value.line, caught.value.column) == (3, 7)
