"""gitrun.run_git, the one way the Action, --baseline-commit and the pages a site file reaches run git: git's
bytes and exit code; a git that cannot be run (none on PATH, no such folder, past the time limit) a result
with ``error`` set, never an exception."""

from __future__ import annotations

import subprocess

from reprint_guard.gitrun import GIT_TIMEOUT, run_git


def test_git_output_is_bytes_and_a_failure_its_exit_code(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    top = run_git("-C", str(tmp_path), "rev-parse", "--show-toplevel")
    assert top.ok and top.error is None and isinstance(top.stdout, bytes)
    assert top.stdout.strip().endswith(tmp_path.name.encode())
    none = run_git("rev-parse", "--verify", "--quiet", "HEAD", cwd=str(tmp_path))  # no commit yet
    assert (none.ok, none.returncode, none.error) == (False, 1, None)
    bad = run_git("-C", str(tmp_path), "no-such-command")
    assert bad.returncode != 0 and bad.said() and bad.error is None


def test_a_git_that_cannot_be_run_is_a_result_not_an_exception(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    missing = run_git("--version")
    assert (missing.ok, missing.returncode, missing.stdout) == (False, -1, b"")
    assert missing.error and "git" in missing.error
    monkeypatch.undo()
    gone = run_git("--version", cwd=str(tmp_path / "no-such-folder"))
    assert gone.returncode == -1 and gone.error


def test_a_git_past_its_time_limit_is_stopped_and_said_so():
    late = run_git("--version", timeout=1e-6)
    assert late.returncode == -1 and late.error == "git took longer than 1e-06 s"
    assert GIT_TIMEOUT == 120
