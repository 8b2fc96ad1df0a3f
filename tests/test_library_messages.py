"""A CMS developer's review: the library's one-line errors say what was wrong and what to do instead."""

from __future__ import annotations

import pytest

import reprint_guard
from reprint_guard.errors import InputError, UsageError

META = {"original_url": "https://www.globalresearch.ca/river-crossing/5800001", "author": "Ana Ruiz"}


@pytest.mark.parametrize(
    ("today", "why"),
    [("2026-02-30", "(day is out of range for month)"), ("2026-13-01", "(month must be in 1..12)")],
)
def test_an_impossible_day_says_why(today, why):
    with pytest.raises(UsageError) as raised:
        reprint_guard.check("Text.", META, today=today)
    assert str(raised.value).endswith(f"not {today!r} {why}")


def test_a_body_of_bytes_says_to_decode_it():
    with pytest.raises(UsageError, match=r"^body must be a string, not bytes: decode them first"):
        reprint_guard.check(b"Text.", META)


def test_an_envelope_held_as_a_dict_points_at_check():
    with pytest.raises(UsageError, match=r"check\(envelope\['body'\], envelope\['metadata'\]\)"):
        reprint_guard.check_text({"metadata": META, "body": "Text."})
    with pytest.raises(UsageError, match=r"^text must be a string, not int$"):
        reprint_guard.check_text(5)


def test_a_folder_given_to_check_file_is_named_a_folder(tmp_path):
    with pytest.raises(InputError, match="a folder, not a file"):
        reprint_guard.check_file(tmp_path)


def test_a_metadata_value_of_a_callers_own_type_is_named_by_its_type():
    class Address:
        pass

    with pytest.raises(InputError) as raised:
        reprint_guard.check("Text.", {**META, "original_url": Address()})
    assert str(raised.value).endswith("should be a string (text), not a value of type Address")
    assert raised.value.field == "original_url"
