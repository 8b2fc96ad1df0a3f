"""The forty-ninth session's shortcuts in the rules (docs/speed-history.md, h49a): each gives the answer the longer
way gave, on real files read as the command line reads them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reprint_guard.checks.base import re2_escape, template_values
from reprint_guard.checks.element import PLACEHOLDER, filled_pattern
from reprint_guard.policy.loader import policy_set
from reprint_guard.readers import read_file
from reprint_guard.reprint import _APART_CAPTIONS
from reprint_guard.visible import CAPTION_LINES, CAPTIONS

FRONT = "---\noriginal_url: {url}\npolicy: the-conversation\nauthor: Ana Ruiz\nlicense: CC-BY-ND-4.0\n---\n"


def _page(tmp_path: Path, body: str, url: str = "https://theconversation.com/a-title-241873") -> Path:
    path = tmp_path / "story.md"
    path.write_text(FRONT.format(url=url) + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "lines_apart", "captions_apart"),
    [
        # No raw HTML and no "![": no caption of either kind; the answer for the lines is kept for the captions.
        ("Fares rose twice this year.\n\nAll rights reserved.\n", False, False),
        # A picture with an emphasised line under it: a caption line, no caption element.
        ("![Docks](d.jpg)\n*Photo: Lee Park. All rights reserved.*\n\nFares rose.\n", True, False),
        # A "!" that is no picture: still no caption line.
        ("Fares rose!\n\nAll rights reserved.\n", False, False),
        # A <figcaption> in raw HTML: both.
        ("<figure><img src='d.jpg'><figcaption>Photo: Lee Park</figcaption></figure>\n\nFares rose.\n", True, True),
        # Raw HTML without a caption.
        ("<p>Fares <b>rose</b>.</p>\n\nAll rights reserved.\n", False, False),
    ],
)
def test_captions_apart_are_told_as_they_were(
    tmp_path: Path, body: str, lines_apart: bool, captions_apart: bool
) -> None:
    for first in (CAPTION_LINES, CAPTIONS):  # asked in either order, each answer is the page's
        reprint = read_file(str(_page(tmp_path, body)))
        reprint.media  # noqa: B018 - read as the check reads it before its rules
        visible = reprint.visible
        second = CAPTIONS if first == CAPTION_LINES else CAPTION_LINES
        answers = {tags: reprint.visible_apart(tags) is not visible for tags in (first, second)}
        assert answers == {CAPTION_LINES: lines_apart, CAPTIONS: captions_apart}
        if lines_apart:  # a caption line set apart: its words are not in what is left
            assert "lee park" not in reprint.visible_apart(CAPTION_LINES).text
    # The lines' "none" kept for the captions only when it was "none".
    reprint = read_file(str(_page(tmp_path, body)))
    reprint.media  # noqa: B018 - rendered first, as the check does
    reprint.visible_apart(CAPTION_LINES)
    assert (reprint.memo.get(_APART_CAPTIONS) is False) == (not lines_apart)


@pytest.mark.parametrize(
    "url",
    [
        "https://theconversation.com/a-title-241873",
        "theconversation.com/uk/a-title-241873/?utm_source=x#top",
        "https://theconversation.com/a-title",  # no number: the template's values, as before
        "https://theconversation.com/",
    ],
)
def test_a_counters_pattern_is_filled_as_template_values_fill_it(tmp_path: Path, url: str) -> None:
    policy = policy_set().get("the-conversation")
    (rule,) = [r for r in policy.rules if r.id == "page-counter"]
    reprint = read_file(str(_page(tmp_path, "Fares rose.\n", url)))
    values = template_values(reprint, policy, placeholders=False)

    def value(match: re.Match[str]) -> str:  # as filled_pattern filled every placeholder before
        given = values.get(match.group(1))
        if given is None:
            return ".*"
        return f"(?i:{re2_escape(given)})" if "%" in given else re2_escape(given)

    assert filled_pattern(rule.params.pattern, reprint, policy) == PLACEHOLDER.sub(value, rule.params.pattern)
