"""The library's results give their dates typed: ``original_published`` and ``published`` are a
``datetime.date``, or a ``datetime.datetime`` where the metadata gives a time, while ``model_dump(mode="json")``,
``model_dump_json()`` and the JSON schema write them as the command line's JSON output does (its
``isoformat()``, never pydantic's ``Z`` for UTC). Real files through the real CLI, compared with the library's."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import reprint_guard
from conftest import run_cli, write
from reprint_guard.results import Report, Result

URL = "https://www.propublica.org/article/county-water-meters-overbilled-residents"
UTC = dt.UTC
MINUS_5 = dt.timezone(dt.timedelta(hours=-5))


@pytest.mark.parametrize(
    ("original", "published", "typed_original", "typed_published"),
    [
        ("2026-11-02", "2026-11-20", dt.date(2026, 11, 2), dt.date(2026, 11, 20)),
        (
            "2026-11-02T09:00:00-05:00",
            "2026-11-20T10:00:00Z",  # UTC: the JSON says +00:00, as the command line writes it
            dt.datetime(2026, 11, 2, 9, tzinfo=MINUS_5),
            dt.datetime(2026, 11, 20, 10, tzinfo=UTC),
        ),
        ("2026-11-02 09:00:00 -0500", "20261120", dt.datetime(2026, 11, 2, 9, tzinfo=MINUS_5), dt.date(2026, 11, 20)),
        ("20261102T090000Z", "2026-11-20T00:00:00", dt.datetime(2026, 11, 2, 9, tzinfo=UTC), dt.datetime(2026, 11, 20)),
    ],
)
def test_result_dates_are_typed_and_dump_as_the_cli_writes_them(
    tmp_path, original, published, typed_original, typed_published
):
    front = f"---\noriginal_url: {URL}\noriginal_published: '{original}'\npublished: '{published}'\nauthor: A B\n---\n"
    story = write(tmp_path / "story.md", front + "\nThe meters counted air.\n")
    result = reprint_guard.check_file(story)
    assert (result.original_published, result.published) == (typed_original, typed_published)
    assert type(result.original_published) is type(typed_original)
    assert type(result.published) is type(typed_published)
    run = run_cli("check", "--no-config", str(story), "--format", "json")
    assert run.code in (0, 1), run.err
    written = run.json()["results"][0]
    dumped = result.model_dump(mode="json")
    for key in ("original_published", "published"):
        assert dumped[key] == written[key] == json.loads(result.model_dump_json())[key], key
        assert isinstance(written[key], str)
    assert "Z" not in written["published"]
    # The command line's JSON read back by the library's models: typed, and dumped as it was written.
    report = Report.model_validate_json(run.out)
    assert report.results[0].published == typed_published
    assert json.loads(report.model_dump_json(exclude_unset=True))["results"] == run.json()["results"]


def test_a_result_without_dates_has_none_and_a_date_given_as_such_stays_one():
    result = reprint_guard.check("The meters counted air.", {"original_url": URL, "author": "A B"})
    assert result.original_published is None and result.published is None
    assert result.model_dump(mode="json")["published"] is None
    made = Result(path="a.md", published=dt.date(2026, 11, 20), original_published="2026-11-02T09:00:00+00:00")
    assert made.published == dt.date(2026, 11, 20)
    assert made.original_published == dt.datetime(2026, 11, 2, 9, tzinfo=UTC)
    assert made.model_dump(mode="json")["original_published"] == "2026-11-02T09:00:00+00:00"
    assert made.model_dump()["published"] == dt.date(2026, 11, 20)  # python mode: the typed value


def test_the_schema_still_says_a_string():
    schema = Result.model_json_schema(mode="serialization")
    for key in ("original_published", "published"):
        assert schema["properties"][key]["anyOf"] == [{"type": "string"}, {"type": "null"}]
        assert schema["properties"][key]["default"] is None
