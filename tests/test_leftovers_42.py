"""Leftovers of the forty-second session: --fix on standard input, dates that are none and numbers too large
in every metadata format, an expected rule written twice, a NUL byte in a sidecar, GitHub annotations of odd
file names, SIGTERM to the Action. Real files through the real CLI and the Action's entry point."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, run_cli

BASE = ROOT / "examples" / "global-research" / "markdown" / "missing-link-original-homepage.md"


@pytest.mark.parametrize("flag", ["--fix", "--diff"])
def test_fix_with_standard_input_is_refused_before_any_file_is_fixed(tmp_path, flag):
    """``check --fix a.md -`` fixed a.md, then refused standard input and exited 2: the refusal came file by
    file. It comes before anything is read or written now, one line saying what to do."""
    article = tmp_path / "a.md"
    shutil.copyfile(BASE, article)
    before = article.read_bytes()
    run = run_cli("check", "--no-config", flag, str(article), "-", stdin=before.decode())
    said = f"reprint-guard: {flag} needs files, not standard input: name the article's file instead of '-'\n"
    assert run.code == 2 and run.err == said and run.out == "", (run.code, run.out, run.err)
    assert article.read_bytes() == before
