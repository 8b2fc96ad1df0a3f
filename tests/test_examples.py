"""The shipped examples give exactly the findings listed in examples/README.md.

Each example is checked through the real CLI (a subprocess, ``--format json``)
and through the library call ``reprint_guard.check_file``. The expected
findings are written out by hand below, not taken from the tool's output.
Checking must never change a file, so the whole examples folder is compared
byte for byte before and after every run.
"""

from __future__ import annotations

import functools
import json
import subprocess
import sys
from pathlib import Path

import pytest

import reprint_guard

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

SOURCE_CREDIT = "global-research/source-credit"
COPYRIGHT_NOTICE = "global-research/copyright-notice"
LINK_ORIGINAL = "global-research/link-original"
COMMERCIAL_PERMISSION = "global-research/commercial-permission"
PRINT_PERMISSION = "global-research/print-permission"

# Path under examples/ -> the exact findings as (rule, 1-based line). All of them are errors.
# JSON input: a body finding is on the line of the "body" string in the file, a metadata finding at its key.
# HTML input: metadata given only in the sidecar has no line in the page, so those findings are at line 1.
EXPECTED: dict[str, list[tuple[str, int]]] = {
    # Markdown with YAML front matter.
    "global-research/markdown/compliant.md": [],
    "global-research/markdown/compliant-print.md": [],
    "global-research/markdown/missing-source-credit.md": [(SOURCE_CREDIT, 33)],  # last line of the body
    "global-research/markdown/missing-copyright-notice.md": [(COPYRIGHT_NOTICE, 36)],  # last line of the body
    "global-research/markdown/missing-link-original-homepage.md": [(LINK_ORIGINAL, 30)],  # the homepage link
    "global-research/markdown/missing-link-original-in-comment.md": [(LINK_ORIGINAL, 32)],  # the unlinked credit
    "global-research/markdown/missing-link-original-in-code-span.md": [(LINK_ORIGINAL, 30)],  # the unlinked credit
    "global-research/markdown/no-commercial-permission.md": [(COMMERCIAL_PERMISSION, 9)],  # 'permissions:' key
    "global-research/markdown/no-print-permission.md": [(PRINT_PERMISSION, 7)],  # 'medium:' key (no permissions)
    # HTML pages and fragments, with a NAME.meta.yaml sidecar.
    "global-research/html/compliant.html": [],
    "global-research/html/missing-source-credit.html": [(SOURCE_CREDIT, 40)],  # last line of article text
    "global-research/html/missing-copyright-notice.html": [(COPYRIGHT_NOTICE, 24)],  # last line of the file
    "global-research/html/missing-link-original-hidden.html": [(LINK_ORIGINAL, 22)],  # the unlinked credit
    "global-research/html/missing-link-original-homepage.html": [(LINK_ORIGINAL, 33)],  # the homepage <a href>
    # Told at the sidecar's 'permissions' line, the record that does not do (the finding names the sidecar).
    "global-research/html/no-commercial-permission.html": [(COMMERCIAL_PERMISSION, 5)],
    "global-research/html/no-print-permission.html": [(PRINT_PERMISSION, 8)],
    # JSON as a CMS posts it.
    "global-research/json/compliant.json": [],
    "global-research/json/compliant-commercial.json": [],
    "global-research/json/missing-source-credit.json": [(SOURCE_CREDIT, 10)],  # the body string's line in the file
    "global-research/json/missing-copyright-notice.json": [
        (COPYRIGHT_NOTICE, 10)
    ],  # the body string's line in the file
    "global-research/json/missing-link-original-image.json": [
        (LINK_ORIGINAL, 10)
    ],  # the body string's line in the file
    "global-research/json/no-commercial-permission.json": [(COMMERCIAL_PERMISSION, 8)],  # "commercial" key
    "global-research/json/no-print-permission.json": [(PRINT_PERMISSION, 9)],  # "permissions" key
}

#: Markdown files that are not reprints: reported as skipped.
NOT_REPRINTS = ("own-article.md", "README.md", "cms/README.md")

#: The CMS example app (tested in test_cms_example.py); not a reprint, and not walked (.py).
OTHER_FILES = {"cms/app.py"}

#: Sidecars are read with their page, never checked on their own.
SIDECARS = {
    "global-research/html/compliant.meta.yaml",
    "global-research/html/missing-source-credit.meta.yaml",
    "global-research/html/missing-copyright-notice.meta.yaml",
    "global-research/html/missing-link-original-hidden.meta.yaml",
    "global-research/html/missing-link-original-homepage.meta.yaml",
    "global-research/html/no-commercial-permission.meta.yaml",
    "global-research/html/no-print-permission.meta.yaml",
}

#: What `reprint-guard check examples/` reports, written out rather than derived.
DIRECTORY_SUMMARY = {
    "files": 26,
    "passed": 5,
    "failed": 18,
    "errored": 0,
    "skipped": 3,
    "errors": 18,
    "warnings": 0,
    "infos": 0,
    "suppressed": 0,
    "unchecked": 0,
}


def test_the_examples_readme_lists_what_is_checked_here():
    """Its table says "tests/test_examples.py checks every row": each row is EXPECTED, rule and line."""
    import re

    rows = {}
    for line in (EXAMPLES / "README.md").read_text(encoding="utf-8").splitlines():
        row = re.match(r"\| `(global-research/[^`]+)`[^|]*\| (.*) \|$", line)
        if row:
            said = re.findall(r"([a-z-]+) @ (\d+)", row.group(2))
            rows[row.group(1)] = sorted((f"global-research/{rule}", int(at)) for rule, at in said)
    assert rows == {path: sorted(findings) for path, findings in EXPECTED.items()}


def snapshot() -> dict[str, bytes]:
    """Every file under examples/, byte for byte."""
    return {p.relative_to(EXAMPLES).as_posix(): p.read_bytes() for p in sorted(EXAMPLES.rglob("*")) if p.is_file()}


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reprint_guard", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def run_cli_json(*args: str) -> tuple[int, dict]:
    """Run the CLI with ``--format json``; fail with its stderr if the output is not JSON."""
    proc = run_cli("check", *args, "--format", "json")
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"exit {proc.returncode}, output is not JSON:\n{proc.stdout}\n{proc.stderr}")
    return proc.returncode, report


@functools.cache
def checked_by_cli(path: str) -> tuple[bool, int, dict]:
    """Run the CLI on one example once per session: (files unchanged, exit status, JSON report)."""
    before = snapshot()
    code, report = run_cli_json(str(EXAMPLES / path))
    return snapshot() == before, code, report


def found(findings) -> list[tuple[str, int]]:
    """(rule, line) pairs in a stable order, from JSON dicts or Finding objects."""
    pairs = [(f["rule"], f["line"]) if isinstance(f, dict) else (f.rule, f.line) for f in findings]
    return sorted(pairs, key=lambda pair: (pair[1], pair[0]))


def expected(path: str) -> list[tuple[str, int]]:
    return sorted(EXPECTED[path], key=lambda pair: (pair[1], pair[0]))


# The table covers every example ------------------------------------------------------


def test_every_example_is_in_the_table():
    on_disk = set(snapshot())
    assert on_disk == set(EXPECTED) | set(NOT_REPRINTS) | SIDECARS | OTHER_FILES


def test_table_is_consistent():
    """Each failing example breaks exactly one rule; each format has a compliant file and one per rule."""
    rules = {SOURCE_CREDIT, COPYRIGHT_NOTICE, LINK_ORIGINAL, COMMERCIAL_PERMISSION, PRINT_PERMISSION}
    for fmt in ("markdown", "html", "json"):
        entries = {path: findings for path, findings in EXPECTED.items() if f"/{fmt}/" in path}
        assert any(not findings and "/compliant." in path for path, findings in entries.items()), fmt
        broken = {findings[0][0] for findings in entries.values() if findings}
        assert broken == rules, fmt
        assert all(len(findings) <= 1 for findings in entries.values()), fmt


def test_sidecars_sit_beside_their_page():
    for sidecar in SIDECARS:
        assert sidecar.removesuffix(".meta.yaml") + ".html" in EXPECTED


# The CLI, one file at a time -----------------------------------------------------------


@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_cli_reports_exact_findings(path):
    unchanged, code, report = checked_by_cli(path)
    assert unchanged, "checking changed a file under examples/"

    want = expected(path)
    assert code == (1 if want else 0)
    [result] = report["results"]
    assert result["path"] == str(EXAMPLES / path)
    assert result["status"] == ("fail" if want else "pass")
    assert result["policy"] == "global-research"
    assert {f["severity"] for f in result["findings"]} <= {"error"}
    assert found(result["findings"]) == want


@pytest.mark.parametrize("path", list(EXPECTED))
def test_cli_reports_the_right_rules(path):
    """Rule ids and exit status only (holds even where a line is known to be wrong)."""
    unchanged, code, report = checked_by_cli(path)
    assert unchanged
    assert code == (1 if EXPECTED[path] else 0)
    [result] = report["results"]
    assert sorted(f["rule"] for f in result["findings"]) == sorted(rule for rule, _ in EXPECTED[path])


def test_cli_skips_an_own_article():
    before = snapshot()
    code, report = run_cli_json(str(EXAMPLES / "own-article.md"))
    assert snapshot() == before
    assert code == 0
    [result] = report["results"]
    assert result["status"] == "skipped"
    assert "not a reprint" in result["reason"]
    assert result["findings"] == []
    assert report["summary"]["skipped"] == 1
    assert report["summary"]["files"] == 1


# The CLI, the whole folder -----------------------------------------------------------


def test_cli_checks_the_examples_folder():
    before = snapshot()
    code, report = run_cli_json("examples/")
    assert snapshot() == before, "checking changed or created a file under examples/"

    assert code == 1
    assert report["summary"] == DIRECTORY_SUMMARY
    by_path = {Path(r["path"]).relative_to("examples").as_posix(): r for r in report["results"]}
    assert set(by_path) == set(EXPECTED) | set(NOT_REPRINTS)
    for path in NOT_REPRINTS:
        assert by_path[path]["status"] == "skipped", path
    for path, findings in EXPECTED.items():
        result = by_path[path]
        assert result["status"] == ("fail" if findings else "pass"), path
        assert sorted(f["rule"] for f in result["findings"]) == sorted(rule for rule, _ in findings), path


def test_cli_text_summary_for_the_examples_folder():
    before = snapshot()
    proc = run_cli("check", "examples/", "--color", "never")
    assert snapshot() == before
    assert proc.returncode == 1
    last = proc.stdout.strip().splitlines()[-1]
    assert last == "✖ 18 errors, 0 warnings in 26 files: 5 passed, 18 failed, 3 skipped (not reprints)"


# The library call ----------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_check_file_returns_exact_findings(path):
    before = snapshot()
    result = reprint_guard.check_file(EXAMPLES / path)
    assert snapshot() == before, "checking changed a file under examples/"

    want = expected(path)
    assert isinstance(result, reprint_guard.Result)
    assert result.ok is (not want)
    assert result.status == ("fail" if want else "pass")
    assert result.policy == "global-research"
    assert all(f.severity is reprint_guard.Severity.error for f in result.findings)
    assert found(result.findings) == want


@pytest.mark.parametrize("path", list(EXPECTED))
def test_check_file_returns_the_right_rules(path):
    result = reprint_guard.check_file(EXAMPLES / path)
    assert result.ok is (not EXPECTED[path])
    assert sorted(f.rule for f in result.findings) == sorted(rule for rule, _ in EXPECTED[path])


def test_check_file_skips_an_own_article():
    before = snapshot()
    result = reprint_guard.check_file(EXAMPLES / "own-article.md")
    assert snapshot() == before
    assert result.status == "skipped"
    assert result.ok
    assert result.findings == []
    assert result.policy is None


def test_the_readmes_sample_output_is_what_the_check_prints(cli):
    """The README shows one check's output in full: kept true to what the tool prints today."""
    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    command = "$ reprint-guard check examples/global-research/markdown/missing-link-original-homepage.md\n"
    shown = readme[readme.index(command) + len(command) :].split("```", 1)[0]
    run = cli("check", "examples/global-research/markdown/missing-link-original-homepage.md", cwd=EXAMPLES.parent)
    assert run.code == 1 and run.out == shown, run.out
