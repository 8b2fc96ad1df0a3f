"""A reprint the change left out of the run: a pull request (or a commit against ``--baseline-commit``) that edits
the config's ``exclude`` or ``include`` so a reprint is no longer taken in, or renames the reprint into a folder the
config excludes, would pass silently, the file checked by nobody. A file the base's own config took into its run
(as its walk took it), that was a reprint there and that the config leaves out now is reported, with a warning
(``reprint-guard/no-longer-a-reprint``) naming the pattern. Real git repositories, the Action's own script and the
command line."""

from __future__ import annotations

import json

from conftest import git, run_cli, write
from test_action import commit_to_pull_request, make_pull_request, outputs, run_action
from test_no_longer_as_the_base_read import FERRY, MAPPED, OWN

RULE = "reprint-guard/left-out-of-the-run"


def _told(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if RULE in line]


def test_an_exclude_edit_that_leaves_a_reprint_out_is_told_by_the_action(tmp_path):
    """The bypass: the pull request adds the failing reprint's folder to ``exclude``; the step passed, "0 files"
    of it said, nothing told. Now the file is reported, at its line 1, naming the pattern; the own page the same
    pattern leaves out (never a reprint) is not."""
    base = {"content/wire/ferry.md": FERRY, "content/wire/own.md": OWN, "content/a.md": OWN}
    base[".reprint-guard.yaml"] = MAPPED
    head = {".reprint-guard.yaml": MAPPED + "exclude: ['content/wire/**']\n"}
    repo, env = make_pull_request(tmp_path, head, base)
    for inputs in ({}, {"changed-only": "false"}, {"new-findings-only": "true"}):
        proc = run_action(repo, env, **inputs)
        (said,) = _told(proc.stdout)
        assert said.startswith(f"::warning file=content/wire/ferry.md,line=1,col=1,title={RULE}::"), (inputs, said)
        assert "'content/wire/**'" in said and "exclude" in said and "the pull request's base" in said, said
        assert outputs(tmp_path)["warnings"] == "1", (inputs, proc.stdout)
        assert proc.returncode == 0, proc.stdout
        sarif = json.loads((repo / outputs(tmp_path)["sarif"]).read_text(encoding="utf-8"))
        told = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == RULE]
        assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in told] == [
            "content/wire/ferry.md"
        ]
    assert run_action(repo, env, **{"fail-on": "warning"}).returncode == 1


def test_a_reprint_renamed_into_an_excluded_folder_is_told(tmp_path):
    """``git mv content/ferry.md content/drafts/ferry.md`` with ``drafts`` excluded (the config untouched): the
    file at its new name is told, the pattern and its name at the base said."""
    base = {"content/ferry.md": FERRY, ".reprint-guard.yaml": MAPPED + "exclude: ['content/drafts/**']\n"}
    repo, env = make_pull_request(tmp_path, {"content/own.md": OWN}, base)
    (repo / "content/drafts").mkdir()
    git(repo, "mv", "content/ferry.md", "content/drafts/ferry.md")
    commit_to_pull_request(repo, env, "park it")
    for inputs in ({}, {"changed-only": "false"}):
        proc = run_action(repo, env, **inputs)
        (said,) = _told(proc.stdout)
        assert said.startswith("::warning file=content/drafts/ferry.md,line=1,"), (inputs, proc.stdout)
        assert "'content/drafts/**'" in said and "content/ferry.md" in said, said
        assert outputs(tmp_path)["warnings"] == "1", inputs
        summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
        assert "1 reprint at the base the config now leaves out" in summary.splitlines()[0], summary
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert [r["path"] for r in run.json()["results"] if r["findings"]] == ["content/drafts/ferry.md"], run.out


def test_check_with_a_baseline_commit_tells_an_include_that_leaves_a_reprint_out(tmp_path):
    """``check --baseline-commit``: the working tree's config takes in ``content/wire/**`` only; the reprint
    elsewhere, which the commit's run checked, is reported (a result of its own, counted), the include named; the
    config's own suppression for it silences it, used (not "suppresses nothing")."""
    base = {"content/ferry.md": FERRY, "content/wire/own.md": OWN, ".reprint-guard.yaml": MAPPED}
    repo, _ = make_pull_request(tmp_path, {"content/wire/notes.md": OWN}, base)
    narrowed = MAPPED + "include: ['content/wire/**']\n"
    write(repo / ".reprint-guard.yaml", narrowed)
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 0, run.out + run.err
    (result,) = [r for r in run.json()["results"] if r["path"] == "content/ferry.md"]
    ((rule, line, suppressed, message),) = [
        (f["rule"], f["line"], f["suppressed"], f["message"]) for f in result["findings"]
    ]
    assert (rule, line, suppressed) == (RULE, 1, None)
    assert "include" in message and "'content/wire/**'" in message, message
    summary = run.json()["summary"]
    assert summary["warnings"] == 1 and summary["files"] == 3, summary
    suppressed = narrowed + f"suppressions:\n  - path: content/ferry.md\n    rule: {RULE}\n    reason: retired\n"
    write(repo / ".reprint-guard.yaml", suppressed)
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 0, run.out + run.err
    (result,) = [r for r in run.json()["results"] if r["path"] == "content/ferry.md"]
    assert [(f["rule"], f["suppressed"]["kind"]) for f in result["findings"]] == [(RULE, "config")]
    assert "suppresses nothing" not in run.out + run.err and run.json()["summary"]["warnings"] == 0, run.out
    # without a base to compare, the file is left out unsaid, as any excluded file
    write(repo / ".reprint-guard.yaml", narrowed)
    assert "ferry" not in run_cli("check", "content", "--format", "json", cwd=repo).out


def test_a_file_left_out_that_was_no_reprint_or_left_out_at_the_base_too_is_not_told(tmp_path):
    """Only a reprint the base's run checked is told: a page of the site's own the edit leaves out, and a reprint
    the base's exclude left out already (the edit widens it), are not."""
    base = {
        "content/own.md": OWN,
        "content/drafts/ferry.md": FERRY,
        "content/news/keep.md": OWN,
        ".reprint-guard.yaml": MAPPED + "exclude: ['content/drafts/**']\n",
    }
    head = {".reprint-guard.yaml": MAPPED + "exclude: ['content/drafts/**', 'content/own.md']\n"}
    repo, env = make_pull_request(tmp_path, head, base)
    for inputs in ({}, {"changed-only": "false"}):
        proc = run_action(repo, env, **inputs)
        assert not _told(proc.stdout), (inputs, proc.stdout)
        assert outputs(tmp_path)["warnings"] == "0" and proc.returncode == 0, (inputs, proc.stdout)
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert RULE not in run.out and run.code == 0, run.out + run.err


def test_the_hooks_staged_rename_into_an_excluded_folder_is_told_against_head(tmp_path):
    """The pre-commit hook's way (``--staged --force-include`` with the staged names, ``--baseline-commit
    HEAD``): the reprint renamed into ``content/drafts/``, which the config excludes, is told; without a base, the
    hook checks nothing and says nothing of it."""
    repo = tmp_path / "site"
    write(repo / "content/ferry.md", FERRY)
    write(repo / ".reprint-guard.yaml", MAPPED + "exclude: ['content/drafts/**']\n")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    (repo / "content/drafts").mkdir()
    git(repo, "mv", "content/ferry.md", "content/drafts/ferry.md")
    hook = ("check", "--staged", "--force-include", "content/drafts/ferry.md", "--format", "json")
    run = run_cli(*hook, "--baseline-commit", "HEAD", cwd=repo)
    (result,) = run.json()["results"]
    assert result["path"] == "content/drafts/ferry.md", run.out + run.err
    assert [f["rule"] for f in result["findings"]] == [RULE], run.out + run.err
    assert RULE not in run_cli(*hook, cwd=repo).out


def test_a_config_added_since_that_excludes_a_reprint_is_told(tmp_path):
    """The base had no config (its run took every file in) and the policy came from the page; the change adds one
    whose ``exclude`` leaves the reprint out: told, the pattern named."""
    page = "---\ntitle: Rivers run dry\nauthor: Ana Ruiz\npolicy: propublica\n---\n\nA paragraph about rivers.\n"
    repo, _ = make_pull_request(tmp_path, {"content/own.md": OWN}, {"content/wire/rivers.md": page})
    write(repo / ".reprint-guard.yaml", "exclude: ['content/wire/']\n")
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    told = [(r["path"], f["message"]) for r in run.json()["results"] for f in r["findings"] if f["rule"] == RULE]
    assert [path for path, _ in told] == ["content/wire/rivers.md"], run.out + run.err
    assert "'content/wire/'" in told[0][1], told


def test_a_table_added_to_the_projects_pyproject_that_excludes_a_reprint_is_told(tmp_path):
    """The base's ``pyproject.toml`` held the project's other tools' tables only (its run found no config, and
    took every file in); the change adds ``[tool.reprint-guard]`` to it, whose ``exclude`` leaves the reprint
    out: told, as a config added since is, by the command line and the Action."""
    page = "---\ntitle: Rivers run dry\nauthor: Ana Ruiz\npolicy: propublica\n---\n\nA paragraph about rivers.\n"
    black = "[tool.black]\nline-length = 90\n"
    base = {"content/wire/rivers.md": page, "content/own.md": OWN, "pyproject.toml": black}
    head = {"pyproject.toml": black + "\n[tool.reprint-guard]\nexclude = ['content/wire/**']\n"}
    repo, env = make_pull_request(tmp_path, head, base)
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    told = [(r["path"], f["message"]) for r in run.json()["results"] for f in r["findings"] if f["rule"] == RULE]
    assert [path for path, _ in told] == ["content/wire/rivers.md"], run.out + run.err
    assert "'content/wire/**'" in told[0][1], told
    proc = run_action(repo, env, **{"changed-only": "false"})
    (said,) = _told(proc.stdout)
    assert said.startswith(f"::warning file=content/wire/rivers.md,line=1,col=1,title={RULE}::"), proc.stdout
    assert outputs(tmp_path)["warnings"] == "1", proc.stdout
    # a table only edited where the base's had the same globs says nothing
    write(repo / "pyproject.toml", black + "\n[tool.reprint-guard]\nexclude = []\n")
    git(repo, "commit", "-qam", "keep it in")
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert RULE not in run.out and run.code == 0, run.out + run.err


def test_the_actions_files_output_counts_the_file_told_as_failed_files_does(tmp_path):
    """The file told is a result of its own, counted by the summary (passed, or failed at ``fail-on:
    warning``): the Action's ``files`` output counts it too, so ``failed-files`` never exceeds ``files``."""
    base = {"content/wire/ferry.md": FERRY, "content/a.md": OWN, ".reprint-guard.yaml": MAPPED}
    head = {".reprint-guard.yaml": MAPPED + "exclude: ['content/wire/**']\n"}
    repo, env = make_pull_request(tmp_path, head, base)
    proc = run_action(repo, env, **{"fail-on": "warning"})
    assert proc.returncode == 1 and len(_told(proc.stdout)) == 1, proc.stdout
    said = outputs(tmp_path)
    assert (said["files"], said["failed-files"], said["warnings"]) == ("1", "1", "1"), said
    proc = run_action(repo, env)
    assert proc.returncode == 0, proc.stdout
    said = outputs(tmp_path)
    assert (said["files"], said["failed-files"], said["warnings"]) == ("1", "0", "1"), said


def test_a_reprint_renamed_from_outside_the_runs_paths_into_an_excluded_folder_is_not_told(tmp_path):
    """The run checks ``content/news`` only (the Action's ``paths``): a reprint moved from ``content/other``,
    which the base's run of those paths never took in, into ``content/news/drafts/`` (excluded) is not told;
    one moved there from within ``content/news`` is."""
    base = {
        "content/other/ferry.md": FERRY,
        "content/news/wire.md": FERRY,
        ".reprint-guard.yaml": MAPPED + "exclude: ['content/news/drafts/**']\n",
    }
    repo, env = make_pull_request(tmp_path, {"content/news/own.md": OWN}, base)
    (repo / "content/news/drafts").mkdir()
    git(repo, "mv", "content/other/ferry.md", "content/news/drafts/ferry.md")
    git(repo, "mv", "content/news/wire.md", "content/news/drafts/wire.md")
    commit_to_pull_request(repo, env, "park them")
    run = run_cli("check", "content/news", "--baseline-commit", "main", "--format", "json", cwd=repo)
    told = [r["path"] for r in run.json()["results"] for f in r["findings"] if f["rule"] == RULE]
    assert told == ["content/news/drafts/wire.md"], run.out + run.err
    proc = run_action(repo, env, paths="content/news")
    assert [line.split(",")[0] for line in _told(proc.stdout)] == ["::warning file=content/news/drafts/wire.md"]
    # the whole of content: both were taken in by the base's run, both told
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    told = [r["path"] for r in run.json()["results"] for f in r["findings"] if f["rule"] == RULE]
    assert told == ["content/news/drafts/ferry.md", "content/news/drafts/wire.md"], run.out + run.err


def test_a_suppression_glob_for_the_files_left_out_is_no_glob_matching_nothing(tmp_path):
    """The fix the warning gives, a suppression in the config for the retired folder's reprints (a glob, not each
    name): it silences them, and is not warned of as "matches no file the run found" (the run reports them)."""
    base = {"content/wire/ferry.md": FERRY, "content/a.md": OWN, ".reprint-guard.yaml": MAPPED}
    retired = f"suppressions:\n  - path: content/wire/**\n    rule: {RULE}\n    reason: the wire desk closed\n"
    head = {".reprint-guard.yaml": MAPPED + "exclude: ['content/wire/**']\n" + retired}
    repo, _ = make_pull_request(tmp_path, head, base)
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 0, run.out + run.err
    (result,) = [r for r in run.json()["results"] if r["path"] == "content/wire/ferry.md"]
    assert [(f["rule"], f["suppressed"]["kind"]) for f in result["findings"]] == [(RULE, "config")]
    assert "matches no file" not in run.err and "suppresses nothing" not in run.err, run.err
    # an override's glob for them still does nothing (the files are not read): told so, as before
    override = "overrides:\n  - paths: [content/wire/**]\n    metadata: {commercial: true}\n"
    write(repo / ".reprint-guard.yaml", MAPPED + "exclude: ['content/wire/**']\n" + retired + override)
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert "override 1's path 'content/wire/**' matches no file" in run.err, run.err
    assert "a suppression's path" not in run.err, run.err


def test_a_folder_left_out_whole_is_no_contradiction_of_no_files_to_check(tmp_path):
    """``check content/wire --baseline-commit main`` after the edit that excludes the folder: nothing is checked
    ("no files to check"), yet its reprint is reported; the note says so rather than deny it."""
    base = {"content/wire/ferry.md": FERRY, "content/a.md": OWN, ".reprint-guard.yaml": MAPPED}
    head = {".reprint-guard.yaml": MAPPED + "exclude: ['content/wire/**']\n"}
    repo, _ = make_pull_request(tmp_path, head, base)
    run = run_cli("check", "content/wire", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert [r["path"] for r in run.json()["results"]] == ["content/wire/ferry.md"], run.out + run.err
    (note,) = [line for line in run.err.splitlines() if "no files to check" in line]
    assert note.endswith("any checked as a reprint at main, " + git(repo, "rev-parse", "main")[:12] + " is reported)")
    # without a base, the note stands as it was
    run = run_cli("check", "content/wire", "--format", "json", cwd=repo)
    assert "no files to check" in run.err and "is reported" not in run.err, run.err
