"""The CI integrator's review of the Action: the wrong-checkout guard on a full run, new-findings-only on a
full run, a changed link to nothing. Real git repositories, the Action's own script."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import COMPLIANT_BODY, COMPLIANT_META, git, markdown, write
from test_action import make_pull_request, outputs, run_action

BROKEN = markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY)


def _target(env: dict) -> dict:
    return {**env, "GITHUB_EVENT_NAME": "pull_request_target"}


@pytest.mark.parametrize("changed_only", ["true", "false"])
def test_a_checkout_of_the_base_stops_the_run_whatever_changed_only_says(tmp_path, changed_only):
    """With changed-only: false the payload was never read: the base's files passed for the pull request's."""
    repo, env = make_pull_request(tmp_path, {"content/posts/new.md": BROKEN}, {"content/posts/old.md": "Text.\n"})
    env = _target(env)
    proc = run_action(repo, env, **{"changed-only": changed_only})
    assert proc.returncode == 1, proc.stdout + proc.stderr  # the head checked out: its broken reprint fails
    git(repo, "checkout", "-q", "main")
    proc = run_action(repo, env, **{"changed-only": changed_only})
    assert proc.returncode == 2, proc.stdout + proc.stderr
    (line,) = [line for line in proc.stdout.splitlines() if line.startswith("::error")]
    assert "is not the pull request's head" in line and "pull_request_target" in line
    assert outputs(tmp_path)["errored"] == "1"
    assert "nothing checked" in (tmp_path / "summary.md").read_text(encoding="utf-8")


def _shallow(tmp_path: Path, repo: Path, branch: str) -> Path:
    clone = tmp_path / f"shallow-{branch}"
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", branch, repo.as_uri(), str(clone))
    return clone


def test_a_shallow_checkout_of_the_base_stops_a_full_run_and_a_shallow_merge_passes_the_guard(tmp_path):
    """actions/checkout fetches one commit: under pull_request_target the head is not in the clone at all, and
    git cannot say the base lacks it; the commit checked out must then be the head or a merge of it."""
    repo, env = make_pull_request(tmp_path, {"content/posts/new.md": BROKEN}, {"content/posts/old.md": "Text.\n"})
    git(repo, "checkout", "-q", "-b", "merged", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", "merge", "reprints")  # GitHub's merge commit: the head its parent
    base = _shallow(tmp_path, repo, "main")
    proc = run_action(base, {**_target(env), "GITHUB_WORKSPACE": str(base)}, **{"changed-only": "false"})
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "is not the pull request's head" in proc.stdout and "fetch-depth: 0" in proc.stdout
    merge = _shallow(tmp_path, repo, "merged")
    proc = run_action(merge, {**env, "GITHUB_WORKSPACE": str(merge)}, **{"changed-only": "false"})
    assert proc.returncode == 1, proc.stdout + proc.stderr  # checked: the broken reprint fails
    assert proc.stdout.splitlines()[-1] == "reprint-guard: 1 error, 0 warnings in 2 files"
    head = _shallow(tmp_path, repo, "reprints")
    proc = run_action(head, {**_target(env), "GITHUB_WORKSPACE": str(head)}, **{"changed-only": "false"})
    assert proc.returncode == 1, proc.stdout + proc.stderr


def test_a_full_run_still_takes_a_payload_without_commits(tmp_path):
    """The error for a payload naming no commits advises changed-only: false; that run needs no diff."""
    repo, env = make_pull_request(tmp_path, {"content/a.md": BROKEN}, {"content/b.md": "Text.\n"})
    Path(env["GITHUB_EVENT_PATH"]).write_text(json.dumps({"pull_request": {"number": 7}}), encoding="utf-8")
    proc = run_action(repo, env, **{"changed-only": "false"})
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert proc.stdout.splitlines()[-1] == "reprint-guard: 1 error, 0 warnings in 2 files"


def test_new_findings_only_holds_a_full_run_to_what_the_pull_request_brings(tmp_path):
    """With changed-only: false, new-findings-only was ignored: every old finding in files the pull request
    never touched failed it. A full run (the adopting site's, its alert list whole) compares with the base."""
    from test_baseline import OLD_POST

    base = {"content/old.md": OLD_POST, "content/edited.md": OLD_POST, "content/fine.md": "Text.\n"}
    head = {"content/edited.md": OLD_POST.replace("A long paragraph", "A longer paragraph"), "content/new.md": BROKEN}
    repo, env = make_pull_request(tmp_path, head, base)
    everything = {"changed-only": "false"}
    assert run_action(repo, env, **everything).returncode == 1
    assert outputs(tmp_path)["errors"] == "7"  # three in each old post, one in the new one

    proc = run_action(repo, env, **everything, **{"new-findings-only": "true"})
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert outputs(tmp_path)["errors"] == "1"
    annotations = [line for line in proc.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == 1 and "content/new.md" in annotations[0]
    assert proc.stdout.splitlines()[-1] == "reprint-guard: 1 error, 0 warnings in 4 files"
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "6 findings suppressed (6 already in the baseline commit)" in summary
    assert "already in the baseline commit (the pull request's base, " in summary

    git(repo, "rm", "-q", "content/new.md")
    git(repo, "commit", "-q", "-m", "no new reprint")
    event = json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text())
    event["pull_request"]["head"]["sha"] = git(repo, "rev-parse", "HEAD")
    Path(env["GITHUB_EVENT_PATH"]).write_text(json.dumps(event))
    proc = run_action(repo, env, **everything, **{"new-findings-only": "true"})
    assert proc.returncode == 0, proc.stdout + proc.stderr  # the old posts' findings are the base's


def test_new_findings_only_on_a_full_run_needs_the_pull_requests_commits(tmp_path):
    """Without the base commit there is nothing to compare with: said, not every finding failed silently."""
    repo, env = make_pull_request(tmp_path, {"content/a.md": BROKEN}, {"content/b.md": "Text.\n"})
    Path(env["GITHUB_EVENT_PATH"]).write_text(json.dumps({"pull_request": {"number": 7}}), encoding="utf-8")
    proc = run_action(repo, env, **{"changed-only": "false", "new-findings-only": "true"})
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "names no base and head commits" in proc.stdout and "new-findings-only needs them" in proc.stdout
    assert "changed-only: false" not in proc.stdout


def test_new_findings_only_on_a_full_run_from_a_shallow_clone_says_to_fetch_deeper(tmp_path):
    repo, env = make_pull_request(tmp_path, {"content/a.md": BROKEN}, {"content/b.md": "Text.\n"})
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "reprints", repo.as_uri(), str(clone))
    env = {**env, "GITHUB_WORKSPACE": str(clone)}
    proc = run_action(clone, env, **{"changed-only": "false", "new-findings-only": "true"})
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "cannot find the pull request's base" in proc.stdout and "fetch-depth: 0" in proc.stdout
    assert outputs(tmp_path)["errored"] == "1"


def test_a_changed_link_to_nothing_is_reported_as_the_cli_reports_it(tmp_path, sarif_schema):
    """A changed link whose target is missing (a submodule actions/checkout did not fetch), or a loop, was
    dropped from the changed files: no annotation, no SARIF result, no summary row."""
    from conftest import run_cli, validate_sarif

    repo, env = make_pull_request(tmp_path, {"content/posts/new.md": BROKEN}, {"content/posts/old.md": "Text.\n"})
    (repo / "content/posts/dangling.md").symlink_to("../../README-nothere.md")
    (repo / "content/posts/loop.md").symlink_to("loop.md")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "links")
    event = json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text())
    event["pull_request"]["head"]["sha"] = git(repo, "rev-parse", "HEAD")
    Path(env["GITHUB_EVENT_PATH"]).write_text(json.dumps(event))

    cli = run_cli("check", "content/posts", cwd=repo)
    assert cli.code == 2 and "a symbolic link to nothing" in cli.out + cli.err
    proc = run_action(repo, env, paths="content", sarif="out/reprint-guard.sarif")
    assert proc.returncode == 2, proc.stdout + proc.stderr  # as the CLI's: a file that could not be checked
    for name in ("dangling.md", "loop.md"):
        (line,) = [line for line in proc.stdout.splitlines() if line.startswith(f"::error file=content/posts/{name}")]
        assert "a symbolic link to nothing" in line, line
    last = proc.stdout.splitlines()[-1]
    assert last == "reprint-guard: 1 error, 0 warnings in 3 changed files (2 could not be checked)"
    assert outputs(tmp_path)["errored"] == "2"
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "dangling.md" in summary and "loop.md" in summary and "symbolic link to nothing" in summary
    sarif = json.loads((repo / "out/reprint-guard.sarif").read_text(encoding="utf-8"))
    validate_sarif(sarif, sarif_schema)
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]]
    assert "content/posts/dangling.md" in uris and "content/posts/loop.md" in uris


def test_a_changed_link_to_a_folder_is_still_passed_over(tmp_path):
    """As a walk passes one over (archive.md -> ../docs): not a link to nothing."""
    repo, env = make_pull_request(tmp_path, {"content/posts/new.md": BROKEN, "docs/a.txt": "x\n"}, {"x.md": ""})
    (repo / "content/posts/archive.md").symlink_to("../../docs")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "link")
    event = json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text())
    event["pull_request"]["head"]["sha"] = git(repo, "rev-parse", "HEAD")
    Path(env["GITHUB_EVENT_PATH"]).write_text(json.dumps(event))
    proc = run_action(repo, env, paths="content")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert proc.stdout.splitlines()[-1] == "reprint-guard: 1 error, 0 warnings in 1 changed file"


# The pre-commit hook's suggested --baseline-commit HEAD, on a repository's first commit ---------------------


def _unborn(tmp_path: Path, files: dict[str, str]) -> Path:
    repo = tmp_path / "site"
    (repo / "content").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    for name, text in files.items():
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    return repo


def test_a_baseline_of_head_before_the_first_commit_holds_nothing_so_every_finding_is_new(tmp_path):
    """The README's hook args (--baseline-commit HEAD) stopped the first commit of a repository or an orphan
    branch with exit 2 ("'HEAD' is no commit"): before any commit no file had a finding."""
    from conftest import run_cli

    args = ("check", "--staged", "--force-include", "--baseline-commit", "HEAD")
    fine = _unborn(tmp_path / "fine", {"content/a.md": markdown(COMPLIANT_META, COMPLIANT_BODY)})
    run = run_cli(*args, "content/a.md", cwd=fine)
    assert run.code == 0, run.out + run.err
    broken = _unborn(tmp_path / "broken", {"content/a.md": BROKEN})
    run = run_cli(*args, "content/a.md", "--format", "json", cwd=broken)
    assert run.code == 1, run.out + run.err
    (finding,) = run.json()["results"][0]["findings"]
    assert finding["suppressed"] is None  # new: nothing held it before
    # A name that is no commit is still an error, in an empty repository too.
    run = run_cli("check", "--staged", "--force-include", "--baseline-commit", "mian", "content/a.md", cwd=broken)
    assert run.code == 2 and "'mian' is no commit of this repository" in run.err


def test_a_config_errors_annotation_does_not_repeat_its_place_in_its_message(tmp_path):
    """file=, line= and col= place it, as an unreadable file's annotation is placed; the summary still says where.
    A config named out of the workspace (the config input may) keeps its place in the text, which alone has it."""
    repo, env = make_pull_request(tmp_path, {".reprint-guard.yaml": "fail-on: [error\n"}, {"content/a.md": BROKEN})
    proc = run_action(repo, env)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    (line,) = [line for line in proc.stdout.splitlines() if line.startswith("::error ")]
    place, message = line.split("::", 2)[1:]
    assert place.startswith("error file=.reprint-guard.yaml,line=") and ",col=" in place
    assert message.startswith("reprint-guard: ") and ".reprint-guard.yaml" not in message, line
    assert ".reprint-guard.yaml:" in (tmp_path / "summary.md").read_text(encoding="utf-8")

    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("fail-on: [error\n", encoding="utf-8")
    proc = run_action(repo, env, config=str(outside))
    (line,) = [line for line in proc.stdout.splitlines() if line.startswith("::error ")]
    assert f"::reprint-guard: {outside}:" in line.replace("%3A", ":"), line


def test_a_full_run_over_files_in_no_checkout_checks_them_with_a_warning(tmp_path):
    """A pull request's job that exports its CMS's posts into a plain folder: a full run has no git to ask,
    and checks them (it was stopped: "cannot tell whether the files are the pull request's"); the guard's doubt
    is a warning. A run of changed files still needs git, and stops."""
    repo, env = make_pull_request(tmp_path, {"content/a.md": "Text.\n"}, {"content/b.md": "Text.\n"})
    export = tmp_path / "export"
    write(export / "post.md", BROKEN)
    shutil.rmtree(repo / ".git")
    proc = run_action(repo, {**env, "GITHUB_WORKSPACE": str(tmp_path)}, paths=str(export), **{"changed-only": "false"})
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert any(line.startswith("::warning") and "cannot tell whether" in line for line in proc.stdout.splitlines())
    assert proc.stdout.splitlines()[-1] == "reprint-guard: 1 error, 0 warnings in 1 file"
    proc = run_action(repo, {**env, "GITHUB_WORKSPACE": str(tmp_path)}, paths=str(export))
    assert proc.returncode == 2 and "cannot tell whether the files are the pull request's" in proc.stdout


def test_the_action_step_run_by_hand_with_options_checks_nothing(tmp_path):
    """`python -m reprint_guard.action --help` (a platform engineer looking for its options) checked the whole
    working folder and wrote reprint-guard.sarif there: it takes no arguments, and now says so."""
    import subprocess
    import sys

    write(tmp_path / "post.md", markdown(COMPLIANT_META, COMPLIANT_BODY))
    run = subprocess.run(
        [sys.executable, "-m", "reprint_guard.action", "--help"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2 and run.stdout == "", (run.returncode, run.stdout)
    assert run.stderr.startswith("reprint-guard: the GitHub Action's step takes no arguments"), run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["post.md"]


def test_a_base_that_shares_no_history_with_the_head_is_said_so_not_blamed_on_a_shallow_clone(tmp_path):
    """A pull request whose base is an orphan commit (unrelated histories), both commits in a whole clone: git
    finds no merge base, and fetching deeper would not help; the advice says what is, and a shallow clone's
    still says to fetch deeper."""
    repo, env = make_pull_request(tmp_path, {"content/a.md": BROKEN}, {"content/b.md": "Text.\n"})
    git(repo, "checkout", "-q", "--orphan", "elsewhere")
    git(repo, "commit", "-q", "-m", "an orphan")
    orphan = git(repo, "rev-parse", "HEAD")
    git(repo, "checkout", "-q", "reprints")
    event = json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text(encoding="utf-8"))
    event["pull_request"]["base"]["sha"] = orphan
    Path(env["GITHUB_EVENT_PATH"]).write_text(json.dumps(event), encoding="utf-8")
    for inputs in ({}, {"changed-only": "false", "new-findings-only": "true"}):
        proc = run_action(repo, env, **inputs)
        assert proc.returncode == 2, (inputs, proc.stdout + proc.stderr)
        assert "share no commit" in proc.stdout and "fetch-depth" not in proc.stdout, (inputs, proc.stdout)
    proc = run_action(repo, env, **{"changed-only": "false"})  # every file checked: no diff needed
    assert proc.returncode == 1, proc.stdout + proc.stderr
