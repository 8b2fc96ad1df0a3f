"""Search helpers kept fast by shortcuts, each held to the plain method it replaces."""

from __future__ import annotations

import random

from reprint_guard.textnorm import find_phrase


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


def test_code_spans_found_as_the_regex_finds_them() -> None:
    from reprint_guard.reprint import _CODE, _code_spans

    rng = random.Random(3)
    pieces = ["a", " ", "\n", "`", "``", "```", "~~~", "~", "x y", "\n```py\n", "\n```\n", "\n~~~~\n"]
    for _ in range(20000):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        assert _code_spans(body) == [(m.start(), m.end()) for m in _CODE.finditer(body)], repr(body)
