"""The credit checks' quick looks (the forty-eighth session's speed work): each gives the answer of the search it
spares, and a credit is found where it stands whichever end its name is looked for from."""

from __future__ import annotations

import pytest

from reprint_guard.checks.attribution import _names_a_work
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
