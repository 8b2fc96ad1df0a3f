"""``check --statistics``: the findings counted by rule id after the report, as ruff's and flake8's count theirs
(an auditor sizing up an archive asks which terms it breaks most). The real CLI, on real files."""

from __future__ import annotations

import json

import pytest

from conftest import COMPLIANT_BODY, COMPLIANT_META, GR_URL, markdown

NO_LINK = COMPLIANT_BODY.replace(f"[Global Research]({GR_URL})", "Global Research")
NO_NOTICE = COMPLIANT_BODY.replace("Copyright © Ana Ruiz, Global Research, 2024\n", "")


@pytest.fixture
def archive(tmp_path):
    """Three reprints missing the link to the original, one of them its copyright notice too, one compliant,
    and one whose front matter cannot be read."""
    no_either = NO_LINK.replace("Copyright © Ana Ruiz, Global Research, 2024\n", "")
    for name, body in (("a.md", NO_LINK), ("b.md", NO_LINK), ("c.md", no_either), ("ok.md", COMPLIANT_BODY)):
        (tmp_path / name).write_text(markdown(COMPLIANT_META, body), encoding="utf-8")
    (tmp_path / "notice.md").write_text(markdown(COMPLIANT_META, NO_NOTICE), encoding="utf-8")
    (tmp_path / "broken.md").write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
    return tmp_path


EXPECTED = [
    "  3  global-research/link-original",
    "  2  global-research/copyright-notice",
    "  1  reprint-guard/input-error",
]


def test_text_report_is_followed_by_one_line_per_rule_the_most_first(archive, cli):
    run = cli("check", "--no-config", "--statistics", ".", cwd=archive)
    assert run.code == 2  # the broken file, as without --statistics
    report, _, counts = run.out.rpartition("\n\n")
    assert "global-research/link-original" in report and report.splitlines()[-1].startswith("✖ ")
    assert counts.splitlines() == EXPECTED
    plain = cli("check", "--no-config", ".", cwd=archive)
    assert plain.out == report + "\n" and plain.code == run.code  # the report itself unchanged


def test_suppressed_findings_are_not_counted_and_a_clean_run_adds_nothing(archive, cli):
    (archive / "broken.md").unlink()
    (archive / ".reprint-guard.yaml").write_text(
        "suppressions:\n  - path: '*.md'\n    rule: global-research/link-original\n    reason: agreed by phone\n",
        encoding="utf-8",
    )
    run = cli("check", "--statistics", ".", cwd=archive)
    assert run.out.rstrip().splitlines()[-1] == "  2  global-research/copyright-notice", run.out + run.err
    assert "link-original" not in run.out.rpartition("\n\n")[2]
    clean = cli("check", "--no-config", "--statistics", "ok.md", cwd=archive)
    assert clean.code == 0 and clean.out.rstrip().splitlines()[-1].startswith("✔ ")


@pytest.mark.parametrize("form", ["json", "sarif"])
def test_with_a_machine_format_the_counts_go_to_standard_error(archive, cli, form):
    """Standard output stays the report a program parses; the counts are for the person reading the log."""
    run = cli("check", "--no-config", "--statistics", "--format", form, ".", cwd=archive)
    json.loads(run.out)
    assert run.err.splitlines() == EXPECTED
    assert run.out == cli("check", "--no-config", "--format", form, ".", cwd=archive).out


@pytest.mark.parametrize("form", ["github", "markdown"])
def test_with_a_workflows_or_a_comments_format_too(archive, cli, form):
    run = cli("check", "--no-config", "--statistics", "--format", form, ".", cwd=archive)
    assert run.err.splitlines()[-3:] == EXPECTED
    assert "  3  global-research" not in run.out


def test_help_says_where_the_counts_go(cli):
    text = " ".join(cli("check", "--help").out.split())
    assert "--statistics" in text and "on standard error" in text
