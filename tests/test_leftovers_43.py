"""Leftovers of the forty-third session: a date no calendar has told one way however it is written. Real files
through the real CLI."""

from __future__ import annotations

import pytest

from conftest import run_cli, write

ORIGINAL = "https://www.globalresearch.ca/x/5880533"
#: (file name, text, the sidecar's text or None): {key} and {value} filled in.
DATES = {
    "yaml": ("a.md", "---\ntitle: T\n{key}: {value}\n---\nBody.\n", None),
    "yaml-quoted": ("a.md", "---\ntitle: T\n{key}: '{value}'\n---\nBody.\n", None),
    "toml": ("a.md", '+++\ntitle = "T"\n{key} = {value}\n+++\nBody.\n', None),
    "toml-quoted": ("a.md", '+++\ntitle = "T"\n{key} = "{value}"\n+++\nBody.\n', None),
    "json-front-matter": ("a.md", '{{\n"title": "T", "{key}": "{value}"\n}}\nBody.\n', None),
    "json": ("a.json", '{{"metadata": {{"title": "T", "{key}": "{value}"}}, "body": "Body."}}\n', None),
    "sidecar": ("a.md", "Body.\n", "title: T\n{key}: {value}\n"),
    "sidecar-quoted": ("a.md", "Body.\n", 'title: T\n{key}: "{value}"\n'),
}
WHY = {
    "2019-02-30": "is not a calendar date: February 2019 has 28 days",
    "0000-01-01": "is not a calendar date: there is no year 0 (years run from 0001)",
    "2024-13-01": "is not a calendar date: there is no month 13 (months run 01 to 12)",
    "2024-04-31": "is not a calendar date: April 2024 has 30 days",
    "2024-02-00": "is not a calendar date: there is no day 00 (days run from 01)",
    "2019-02-30T10:00:00": "is not a calendar date: February 2019 has 28 days",
    "2019-02-01T10:61:00": "is not a clock time: there is no minute 61 (minutes run 00 to 59)",
}


@pytest.mark.parametrize("value", list(WHY))
@pytest.mark.parametrize("form", list(DATES))
def test_a_date_no_calendar_has_is_told_one_way_quoted_or_not(tmp_path, form, value):
    """``published: 2019-02-30`` said Python's "day is out of range for month", ``published: "2019-02-30"``
    pydantic's "day value is outside expected range" (and ``0000-01-01`` "year 0 is out of range" against
    "month value is outside ..."): one reason now, whichever reader found it, at the value."""
    name, text, sidecar = DATES[form]
    article = write(tmp_path / name, text.format(key="published", value=value))
    shown = (
        article if sidecar is None else write(tmp_path / "a.meta.yaml", sidecar.format(key="published", value=value))
    )
    written = shown.read_text(encoding="utf-8")
    at = written.index(value)
    at -= written[at - 1] in "'\""  # a quoted value is placed at its quote
    line, column = written.count("\n", 0, at) + 1, at - written.rfind("\n", 0, at)
    run = run_cli("check", "--no-config", str(article))
    said = f"{shown}:{line}:{column}: metadata 'published': '{value}' {WHY[value]} (could not be checked)\n"
    assert run.code == 2 and run.out.startswith(said), run.out
    assert "out of range" not in run.out and "outside expected range" not in run.out and "Traceback" not in run.err


def test_a_date_no_calendar_has_given_with_meta_is_told_the_same_way(tmp_path):
    article = write(tmp_path / "a.md", "Body.\n")
    run = run_cli(
        "check", "--no-config", "--meta", "published=2019-02-30", "--meta", f"original_url={ORIGINAL}", str(article)
    )
    said = "reprint-guard: --meta published: '2019-02-30' is not a calendar date: February 2019 has 28 days\n"
    assert run.code == 2 and said in run.err + run.out, (run.out, run.err)


def test_a_permission_records_date_no_calendar_has_is_told_the_same_way_quoted_or_not(tmp_path):
    head = f"---\ntitle: T\noriginal_url: {ORIGINAL}\npermissions:\n  - from: a@b.c\n    date: "
    for value in ("2019-02-30", "'2019-02-30'"):
        article = write(tmp_path / "a.md", head + value + "\n---\nBody.\n")
        run = run_cli("check", "--no-config", str(article))
        said = f"{article}:6:11: metadata 'permissions.0.date': '2019-02-30' {WHY['2019-02-30']}"
        assert run.code == 2 and run.out.startswith(said + " (could not be checked)\n"), run.out
