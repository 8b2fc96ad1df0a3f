"""Leftovers of the forty-third session: a date no calendar has told one way however it is written, a YAML
number too large for a float refused at its place, an expected rule written twice and reported not at all told
on one line. Real files through the real CLI."""

from __future__ import annotations

import pytest

from conftest import ROOT, run_cli, write

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


TOO_LARGE = "the number {n} is too large (it reads as infinity): quote it, or write a smaller one"


@pytest.mark.parametrize(
    ("name", "text", "number"),
    [
        ("a.md", f"---\noriginal_url: {ORIGINAL}\noriginal_published: 1.0e+400\n---\nBody.\n", "1.0e+400"),
        ("b.md", f"---\noriginal_url: {ORIGINAL}\ncommercial:  1.0e+999\n---\nBody.\n", "1.0e+999"),
        ("c.md", f"---\noriginal_url: {ORIGINAL}\nratio: [1, -1.5e+400]\n---\nBody.\n", "-1.5e+400"),
        ("d.md", f"---\noriginal_url: {ORIGINAL}\nextra:\n  size: 2.5E+999\n---\nBody.\n", "2.5E+999"),
        ("e.md", f"---\noriginal_url: {ORIGINAL}\nsize: !!float 1e400\n---\nBody.\n", "1e400"),
    ],
)
def test_a_yaml_number_too_large_for_a_float_is_refused_at_its_place(tmp_path, name, text, number):
    """``original_published: 1.0e+400`` was read as infinity: told as "inf is a number, not a date" at the key,
    ``commercial: 1.0e+999`` as "'inf' is not true or false", and under a key of the site's own checked as
    ``inf`` with nothing said. An error at the number now, as JSON's and TOML's ``1e400`` are."""
    article = write(tmp_path / name, text)
    at = text.index("!!float" if "!!" in text else number)  # a tagged value stands at its tag
    place = f"{text.count(chr(10), 0, at) + 1}:{at - text.rfind(chr(10), 0, at)}"
    run = run_cli("check", "--no-config", str(article))
    said = f"{article}:{place}: invalid YAML value: {TOO_LARGE.format(n=number)} (could not be checked)\n"
    assert run.code == 2 and run.out.startswith(said) and "Traceback" not in run.err, run.out + run.err


def test_a_sidecars_number_too_large_for_a_float_is_refused_at_its_place(tmp_path):
    article = write(tmp_path / "a.md", "Body.\n")
    side = write(tmp_path / "a.meta.yaml", f"original_url: {ORIGINAL}\ncommercial: 1.0e+400\n")
    run = run_cli("check", "--no-config", str(article))
    said = f"{side}:2:13: invalid YAML value: {TOO_LARGE.format(n='1.0e+400')} (could not be checked)\n"
    assert run.code == 2 and run.out.startswith(said), run.out


def test_yamls_own_infinity_is_read_where_no_key_of_ours_holds_it_and_refused_where_one_does(tmp_path):
    """``.inf`` and ``.nan`` are YAML's words for them, as ``inf`` and ``nan`` are TOML's: a key of the site's own
    may hold one; a key of ours holds no number, so refuses it, as before."""
    from reprint_guard import check_text

    assert check_text(f"---\noriginal_url: {ORIGINAL}\na: .inf\nb: -.Inf\nc: .nan\nd: 1.0e+300\n---\nBody.\n").status
    article = write(tmp_path / "a.md", f"---\noriginal_url: {ORIGINAL}\ncommercial: .inf\n---\nBody.\n")
    run = run_cli("check", "--no-config", str(article))
    assert run.code == 2 and run.out.startswith(f"{article}:3:1: metadata 'commercial': 'inf' is not true or false")


def test_an_expected_rule_written_twice_and_reported_not_at_all_is_one_line(tmp_path):
    """A rule written twice in ``expect`` and reported not at all printed the same "not reported" line twice,
    one per copy; it is one line with the count now, as one reported fewer times than written is."""
    fixture = (ROOT / "tests" / "policies" / "global-research" / "compliant.md").read_text(encoding="utf-8")
    rule = "global-research/link-original"
    assert "expect: []\n" in fixture
    write(tmp_path / "global-research" / "twice.md", fixture.replace("expect: []", f"expect: [{rule}, {rule}]"))
    run = run_cli("test", "--no-config", str(tmp_path / "global-research"))
    said = f"  - expected {rule}: not reported (expected 2 times, reported 0)\n"
    assert run.code == 1 and said in run.out and run.out.count("  - expected") == 1, run.out


def test_an_expected_rule_written_once_and_reported_not_at_all_is_told_without_a_count(tmp_path):
    fixture = (ROOT / "tests" / "policies" / "global-research" / "compliant.md").read_text(encoding="utf-8")
    rule = "global-research/link-original"
    write(tmp_path / "global-research" / "once.md", fixture.replace("expect: []", f"expect: [{rule}]"))
    run = run_cli("test", "--no-config", str(tmp_path / "global-research"))
    assert run.code == 1 and f"  - expected {rule}: not reported\n" in run.out, run.out
