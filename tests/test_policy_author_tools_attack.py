"""What a review of the policy authors' tools (2026-12-07) found, each through the real CLI.

``explain`` on a pattern in RE2's POSIX-class or set syntax printed Python's own warning about it on standard
error; ``validate`` told a kept fix's "not 'via Lantern Ledger'" as the credit to write, beside the policy's own
that the fix quotes too; ``test`` with ``tests/policies`` typed out was told where it looks when no PATH is named,
and with a file by that name tried to run it as a fixture.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def _text_rule(tmp_path: Path, pattern: str) -> Path:
    policy = tmp_path / "herald.yaml"
    policy.write_text(
        "id: herald\nname: Herald terms\npublisher: Harbour Herald\nsource_url: https://harbour.example/terms\n"
        "applies_to: [harbour.example]\nrules:\n"
        f"  - id: r\n    check: text\n    pattern: '{pattern}'\n    message: Say it was cut\n",
        encoding="utf-8",
    )
    return policy


@pytest.mark.parametrize(
    ("pattern", "example"),
    [
        ("[[:alpha:]]+ cut for length", "Word cut for length."),  # RE2's POSIX class, a nested set to Python
        ("[[:^alpha:]]+ cut for length", None),  # a negated one: no class of Python's to write it as
        ("cut for [\\w--x]+", None),  # a set difference to a later Python, a range Python refuses
        ("cut for [a&&b]", "Cut for a."),
    ],
)
def test_explain_says_nothing_on_standard_error_of_a_pattern_python_reads_otherwise(tmp_path, cli, pattern, example):
    run = cli("explain", "--no-config", f"{_text_rule(tmp_path, pattern)}/r")
    assert run.code == 0 and run.err == "", run.err
    if example is None:
        assert "Examples: none can be given." in run.out, run.out
    else:
        assert f"\n  {example}\n" in run.out.partition("Passing example")[2].partition("Failing example")[0], run.out


LANTERN = (
    "id: lantern\nname: Lantern terms\npublisher: Lantern Ledger\nsource_url: https://lantern.example/terms\n"
    "applies_to: [lantern.example]\nrules:\n"
    "  - id: credit-line\n    check: attribution\n    names: [Lantern Ledger]\n"
    "    message: The reprint does not credit Lantern Ledger\n"
    '    fix: \'Write "Originally published by {publisher}." at the end (not "via Lantern Ledger").\'\n'
    "  - id: link-original\n    check: link\n    target: original\n    message: No link to the original\n"
    '    fix: \'Link the credit: "Originally published by [{publisher}]({original_url})." (not "via Lantern '
    "Ledger\")'\n"
)


def test_validate_does_not_take_a_kept_fixs_word_on_what_not_to_write_for_the_credit(tmp_path, cli):
    (tmp_path / "lantern.yaml").write_text(LANTERN, encoding="utf-8")
    child = tmp_path / "harbour.yaml"
    child.write_text(
        "id: harbour\nname: Harbour terms\npublisher: Harbour Herald\nsource_url: https://harbour.example/terms\n"
        "applies_to: [harbour.example]\nextends: lantern\n"
        "credit:\n  markdown: '*Originally published by [Harbour Herald]({original_url}).*'\nrules:\n"
        "  - id: credit-line\n    names: [Harbour Herald]\n",
        encoding="utf-8",
    )
    run = cli("validate", "--no-config", "--rules-dir", str(tmp_path / "lantern.yaml"), str(child))
    assert run.code == 0 and run.out.strip() == f"{child}: valid", run.out + run.err
    # A fix that quotes only the other publisher's credit is still told.
    (tmp_path / "lantern.yaml").write_text(
        LANTERN.replace("{publisher}", "Lantern Ledger"),
        encoding="utf-8",
    )
    run = cli("validate", "--no-config", "--rules-dir", str(tmp_path / "lantern.yaml"), str(child))
    said = run.out.strip().splitlines()
    assert run.code == 1 and len(said) == 2, said
    assert said[0].startswith(f"{child}:6:1: rule 'link-original', inherited from lantern with its fix, says to "), said
    assert said[1].startswith(f"{child}:10:5: rule 'credit-line': the fix it keeps from lantern/credit-line"), said


def test_test_tells_a_typed_tests_policies_and_a_file_by_that_name_apart(tmp_path, cli):
    (tmp_path / "tests").mkdir()
    run = cli("test", "--no-config", "tests/policies", cwd=tmp_path)  # typed: the path is simply not there
    assert run.code == 2 and run.err.strip() == "reprint-guard: tests/policies: no such file or folder", run.err
    (tmp_path / "tests" / "policies").write_text("not a folder\n", encoding="utf-8")
    run = cli("test", "--no-config", cwd=tmp_path)
    assert run.code == 2 and run.out == "", run.out
    assert run.err.strip().splitlines() == [
        f"reprint-guard: tests/policies: a file, not a folder, in {os.path.realpath(tmp_path)}, where test looks "
        "for policy fixtures when no PATH is named: a policy test folder holds a folder per policy, named by its "
        "id (tests/policies/<policy-id>/), of reprints whose expect: lists the findings each must raise; name "
        "another folder, or fixture files, with 'reprint-guard test PATH...'"
    ], run.err


#: Runs the CLI with listing one folder failing as it does for a user without the right to read it (the tests run
#: as root, whom no permission stops).
LOCKED = """
import os, sys
real = os.scandir
def denied(path="."):
    if os.path.basename(os.path.normpath(os.fspath(path))) == "cc-by-4.0":
        raise PermissionError(13, "Permission denied", os.fspath(path))
    return real(path)
os.scandir = denied
from reprint_guard.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_test_tells_a_fixture_folder_it_cannot_read_not_passes_without_it(tmp_path):
    import shutil
    import subprocess
    import sys

    root = Path(__file__).parent / "policies"
    for policy_id in ("cc-by-4.0", "grist"):
        shutil.copytree(root / policy_id, tmp_path / "tests" / "policies" / policy_id)
    run = subprocess.run(
        [sys.executable, "-c", LOCKED, "test", "--no-config"], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 2, run.stdout + run.stderr
    assert run.stderr.strip().splitlines()[-1] == (
        "reprint-guard: tests/policies/cc-by-4.0: cannot read folder: Permission denied"
    ), run.stderr


def test_explain_writes_a_pattern_that_ends_in_a_space_with_a_word_after_it(tmp_path, cli):
    policy = _text_rule(tmp_path, "\\bpaid post\\s")
    policy.write_text(policy.read_text(encoding="utf-8") + "    mode: forbid\n", encoding="utf-8")
    run = cli("explain", "--no-config", f"{policy}/r")
    assert run.code == 0 and run.err == "", run.err
    passing, _, failing = run.out.partition("Passing example (checked against this rule):")[2].partition("Failing")
    assert "\n  Paid post word.\n" in failing + "\n" and "paid post" not in passing.lower(), run.out


def test_an_amendment_that_changes_the_check_type_names_it_with_its_article(tmp_path, cli):
    (tmp_path / "lantern.yaml").write_text(LANTERN, encoding="utf-8")
    child = tmp_path / "print.yaml"
    child.write_text(
        "id: lantern-print\nname: Lantern print terms\npublisher: Lantern Ledger\n"
        "source_url: https://lantern.example/terms\napplies_to: [print.lantern.example]\nextends: lantern\nrules:\n"
        "  - id: credit-line\n    check: text\n    pattern: 'lantern ledger'\n    message: Name Lantern Ledger\n",
        encoding="utf-8",
    )
    lantern = str(tmp_path / "lantern.yaml")
    run = cli("validate", "--no-config", "--rules-dir", lantern, str(child))
    assert run.code == 0 and (
        "replaces lantern/credit-line, an attribution check, with a text one" in run.out + run.err
    ), run.out + run.err
    run = cli("explain", "--no-config", "--rules-dir", lantern, f"{child}/credit-line")
    assert run.code == 0 and "Replaces: lantern/credit-line (an attribution check there)\n" in run.out, run.out


def test_explain_shows_a_control_character_of_a_policy_or_its_example_as_an_escape(tmp_path, cli):
    policy = tmp_path / "herald.yaml"
    policy.write_text(
        "id: herald\nname: Herald terms\npublisher: Harbour Herald\nsource_url: https://harbour.example/terms\n"
        "applies_to: [harbour.example]\nrules:\n"
        '  - id: r\n    check: text\n    mode: forbid\n    pattern: "cut\\\\x1b\\\\[2jfor"\n'
        '    message: "The reprint clears the screen\\e[2J"\n',
        encoding="utf-8",
    )
    for spec in (f"{policy}/r", str(policy)):
        run = cli("explain", "--no-config", spec)
        assert run.code == 0 and "\x1b" not in run.out, run.out
        assert "The reprint clears the screen\\x1b[2J" in run.out, run.out
    run = cli("explain", "--no-config", f"{policy}/r")
    assert "\n  Cut\\x1b[2jfor.\n" in run.out.partition("Failing example:")[2] + "\n", run.out
