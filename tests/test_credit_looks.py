"""The credit checks' quick looks (the forty-eighth session's speed work): each gives the answer of the search it
spares, and a credit is found where it stands whichever end its name is looked for from."""

from __future__ import annotations

import pytest

from conftest import run_cli
from reprint_guard.checks.attribution import _creditish, _creditish_in, _names_a_work
from reprint_guard.checks.base import OTHER_WORK_STEMS


@pytest.mark.parametrize(
    "text",
    [
        *(f"the {stem}s by" for stem in OTHER_WORK_STEMS),
        *(f"{stem}" for stem in OTHER_WORK_STEMS),
        "the council voted on tuesday\nby",
        "mapping the city's past",
        "",
        "phot o ima ge",
    ],
)
def test_the_written_out_finds_are_the_stems(text):
    assert _names_a_work(text) == any(stem in text for stem in OTHER_WORK_STEMS)


@pytest.mark.parametrize(
    "text",
    [
        "this story was first published by",
        "this article is republished under",
        "republished with permission",
        "first appeared on the ledger",
        "© 2026 ana ruiz",
        "one presenter told global voices",
        "thisstory",
        "",
    ],
)
def test_the_credit_words_found_first_are_the_patterns_matches(text):
    assert _creditish_in(text) == (_creditish().search(text.encode("utf-8")) is not None)


_POLICY = """\
id: byline-anywhere
name: Byline anywhere
publisher: Harrow Valley Ledger
source_url: https://harrow-valley-ledger.example/terms
rules:
  - id: credit-author
    check: attribution
    names_from: author
    message: The author is not credited
"""


@pytest.mark.parametrize(
    ("body", "credited"),
    [
        ("By Priya Castellanos\n\nThe vault guards beans now.\n", True),  # a byline at the top
        ("The vault guards beans now.\n\nBy Priya Castellanos\n", True),  # at the bottom
        # The first copy from the top is the photo's; the byline further down credits her.
        ("*Photo by Priya Castellanos*\n\nThe vault guards beans now.\n\nBy Priya Castellanos\n", True),
        # The last copy is the photo's; the byline at the top credits her.
        ("By Priya Castellanos\n\nThe vault guards beans now.\n\n*Photo by Priya Castellanos*\n", True),
        ("*Photo by Priya Castellanos*\n\nThe vault guards beans now.\n", False),  # the photo's alone
    ],
)
def test_a_credit_anywhere_is_found_from_either_end(tmp_path, body, credited):
    policy = tmp_path / "byline-anywhere.yaml"
    policy.write_text(_POLICY, encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(f"---\nauthor: Priya Castellanos\n---\n{body}", encoding="utf-8")
    run = run_cli("check", "--no-config", "--policy", str(policy), "--format", "json", str(page))
    assert run.code == (0 if credited else 1), run.err
    (result,) = run.json()["results"]
    assert result["path"].endswith("page.md") and result["ok"] == credited, result
    if not credited:
        (finding,) = result["findings"]
        assert "named only in another work's credit" in finding["message"], finding


def _credit_before_each_mark(text: str, names: tuple[str, ...]) -> bool:
    """The look as it was: each mark found in the whole text, a stem looked for in the reach before each copy."""
    from reprint_guard.checks.license import _CREDIT_REACH, _credit_then_licence, _licence_marks

    for mark in _licence_marks(names):
        at = text.find(mark)
        while at >= 0:
            start = max(0, at - _CREDIT_REACH)
            named = any(stem in text[start:at] for stem in OTHER_WORK_STEMS)
            if named and _credit_then_licence(names).search(text, start, at + len(mark)) is not None:
                return True
            at = text.find(mark, at + len(mark))
    return False


@pytest.mark.parametrize("licence", ["CC-BY-4.0", "CC-BY-NC-ND-4.0"])
@pytest.mark.parametrize(
    "text",
    [
        "photo: ana ruiz, cc by 4.0. the council voted.",
        "photo: ana ruiz, cc by-nc-nd 4.0. the council voted.",
        "photo by ana ruiz " + "word " * 45 + "cc by 4.0",  # the stem just in reach of the mark
        "photo by ana ruiz " + "word " * 47 + "cc by 4.0",  # just out of it
        "the photos. then the text under creative commons attribution 4.0 international",  # a sentence's end between
        "image: jon ek / creativecommons.org/licenses/by/4.0 and map: lee, cc-by-4.0 and video: cc by 4.0",
        "photograph photograph photo credit: ana cc by nc nd 4.0 cc by nc nd 4.0",
        "no picture here, cc by 4.0",
        "",
    ],
)
def test_the_licence_after_a_pictures_credit_is_found_from_the_stems(text, licence):
    from reprint_guard.checks.license import _covered, _credit_before_a_mark

    names = _covered((licence,))[2]
    held = tuple(stem for stem in OTHER_WORK_STEMS if stem in text)
    assert _credit_before_a_mark(text, names, held) == _credit_before_each_mark(text, names)
    assert _credit_before_a_mark(text, names) == _credit_before_each_mark(text, names)


def test_a_mark_that_may_overlap_itself_is_found_in_the_whole_text():
    from reprint_guard.checks.license import _self_overlapping

    assert _self_overlapping(("cc by 3.0 ec",)) and not _self_overlapping(("cc by 4.0", "creativecommons.org/"))
