"""The GitHub Action, end to end without GitHub: real git, a pull-request event, the action's own script."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import COMPLIANT_BODY, COMPLIANT_META, GR_URL, ROOT, git, markdown, run_cli, validate_sarif


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def make_pull_request(
    tmp_path: Path, head_files: dict[str, str], base_files: dict[str, str], deleted: tuple[str, ...] = ()
) -> tuple[Path, dict]:
    repo = tmp_path / "site"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    for name, text in base_files.items():
        write(repo / name, text)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    base = git(repo, "rev-parse", "HEAD")
    git(repo, "checkout", "-q", "-b", "reprints")
    for name, text in head_files.items():
        write(repo / name, text)
    for name in deleted:
        (repo / name).unlink()
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "head")
    return repo, pull_request_env(tmp_path, repo, base, git(repo, "rev-parse", "HEAD"))


def pull_request_env(tmp_path: Path, repo: Path, base: str, head: str) -> dict:
    """What GitHub gives the Action's step on pull request 7 from ``base`` to ``head`` in ``repo``: its event
    file, summary and output files in ``tmp_path``."""
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"number": 7, "base": {"sha": base}, "head": {"sha": head}}}))
    return {
        "GITHUB_ACTIONS": "true",
        "GITHUB_EVENT_NAME": "pull_request",
        "GITHUB_EVENT_PATH": str(event),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        "GITHUB_OUTPUT": str(tmp_path / "output.txt"),
        "GITHUB_WORKSPACE": str(repo),
    }


def commit_to_pull_request(repo: Path, env: dict, message: str) -> None:
    """Commit what is staged (a ``git mv``) on the pull request's branch, and make that commit its head."""
    git(repo, "commit", "-q", "-m", message)
    event = json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text(encoding="utf-8"))
    event["pull_request"]["head"]["sha"] = git(repo, "rev-parse", "HEAD")
    Path(env["GITHUB_EVENT_PATH"]).write_text(json.dumps(event), encoding="utf-8")


def run_action(repo: Path, env: dict, **inputs: str) -> subprocess.CompletedProcess[str]:
    # The same command the composite action runs, with the same INPUT_* variables.
    full = {k: v for k, v in os.environ.items() if not k.startswith(("INPUT_", "GITHUB_", "RUNNER_"))}
    full.update(env)
    full.update({f"INPUT_{k.upper().replace('-', '_')}": v for k, v in inputs.items()})  # as action.yml maps them
    return subprocess.run(
        [sys.executable, "-m", "reprint_guard.action"],
        cwd=repo,
        env=full,
        capture_output=True,
        text=True,
        errors="replace",  # a file name that is not UTF-8 is echoed as its bytes
        timeout=120,
    )


def outputs(tmp_path: Path) -> dict[str, str]:
    lines = (tmp_path / "output.txt").read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines)


def test_action_yml_runs_the_tested_script():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    assert any("python -m reprint_guard.action" in step.get("run", "") for step in steps)
    assert any('pip install --quiet "${{ github.action_path }}"' in step.get("run", "") for step in steps)
    check = next(step for step in steps if step.get("id") == "check")
    assert set(check["env"]) == {
        f"INPUT_{name.upper().replace('-', '_')}"
        for name in (
            "paths",
            "config",
            "policy",
            "fail-on",
            "sarif",
            "changed-only",
            "inline-suppressions",
            "new-findings-only",
        )
    }
    assert set(check["env"]) == {f"INPUT_{name.upper().replace('-', '_')}" for name in action["inputs"]} - {
        "INPUT_PYTHON_VERSION"  # the setup step's
    }
    # GitHub evaluates ${{ }} in a description when it loads the action, with no context: it would fail.
    described = [*action.get("inputs", {}).values(), *action["outputs"].values()]
    assert not [d["description"] for d in described if "${{" in d.get("description", "")]
    # Every output the script writes is declared (an undeclared one is empty in a workflow), and none more.
    assert set(action["outputs"]) == {
        "errors",
        "warnings",
        "files",
        "failed-files",
        "errored",
        "not-annotated",
        "sarif",
    }
    for name, output in action["outputs"].items():
        assert output["value"] == f"${{{{ steps.check.outputs.{name} }}}}"


def test_pull_request_checks_changed_files_and_annotates(tmp_path, sarif_schema):
    untouched_bad = markdown(COMPLIANT_META, COMPLIANT_BODY.replace("Global Research", "GR"))
    base = {
        "content/old-bad.md": untouched_bad,  # broken before the PR: not this PR's business
        "content/edited.md": markdown(COMPLIANT_META, COMPLIANT_BODY),
        "content/renamed-from.md": markdown(COMPLIANT_META, COMPLIANT_BODY),
        "README.md": "# site\n",
    }
    head = {
        "content/new.md": markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY),
        "content/edited.md": markdown(COMPLIANT_META, COMPLIANT_BODY.replace("Copyright ©", "By")),
        "notes/elsewhere.md": untouched_bad,  # outside `paths`
    }
    repo, env = make_pull_request(tmp_path, head, base)
    git(repo, "mv", "content/renamed-from.md", "content/renamed-to.md")
    git(repo, "commit", "-q", "-m", "rename")
    event = json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text())
    event["pull_request"]["head"]["sha"] = git(repo, "rev-parse", "HEAD")
    Path(env["GITHUB_EVENT_PATH"]).write_text(json.dumps(event))

    proc = run_action(repo, env, paths="content", sarif="out/reprint-guard.sarif")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    annotations = [line for line in proc.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == 2, proc.stdout + proc.stderr
    assert annotations[0].startswith("::error file=content/edited.md,line=15,col=1,title=global-research/copyright")
    assert annotations[1].startswith("::error file=content/new.md,line=6,col=1,title=global-research/commercial")
    out = outputs(tmp_path)
    declared = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))["outputs"]
    assert set(out) == set(declared)
    assert out == {
        "errors": "2",
        "warnings": "0",
        "files": "3",
        "failed-files": "2",
        "errored": "0",
        "not-annotated": "0",
        "sarif": "out/reprint-guard.sarif",
    }
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("### ✖ reprint-guard: 3 changed files\n")
    assert "| `content/new.md` | global-research | ✖ fail | 1 | 0 |" in summary
    assert "old-bad.md" not in summary and "elsewhere" not in summary
    sarif = json.loads((repo / "out" / "reprint-guard.sarif").read_text(encoding="utf-8"))
    validate_sarif(sarif, sarif_schema)
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} == {
        "global-research/copyright-notice",
        "global-research/commercial-permission",
    }


def test_annotation_limits_are_reported_in_the_summary(tmp_path):
    bad = markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY.replace("Global Research", "GR"))
    head = {f"content/post-{i:02d}.md": bad for i in range(8)}  # 16 errors
    head["content/warn.md"] = markdown({k: v for k, v in COMPLIANT_META.items() if k != "commercial"}, COMPLIANT_BODY)
    repo, env = make_pull_request(tmp_path, head, {"README.md": "x\n"})
    proc = run_action(repo, env)
    assert proc.returncode == 1
    errors = [line for line in proc.stdout.splitlines() if line.startswith("::error ")]
    warnings = [line for line in proc.stdout.splitlines() if line.startswith("::warning ")]
    assert (len(errors), len(warnings)) == (10, 1)
    assert outputs(tmp_path)["not-annotated"] == "6"
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "> 6 findings were not annotated (GitHub shows at most 10 annotations of each level per step)" in summary


def test_changed_files_with_names_git_quotes_are_checked(tmp_path):
    """A patch quotes a name with a non-ASCII letter, a quote or a tab: each is still checked and annotated."""
    bad = markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY)
    names = ["content/café.md", 'content/a "quoted" name.md', "content/tab\there.md", "content/back\\slash.md"]
    names += ['b/in "b".md']  # a folder named like git's prefix: stripped once, not twice
    if sys.platform == "win32":
        names = names[:1]  # Windows file names hold no quote, tab or backslash
    repo, env = make_pull_request(tmp_path, dict.fromkeys(names, bad), {"README.md": "x\n"})
    proc = run_action(repo, env, paths="content b")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert outputs(tmp_path)["files"] == str(len(names))
    annotated = [line for line in proc.stdout.splitlines() if line.startswith("::error ")]
    assert len(annotated) == len(names)
    assert all(",line=6," in line for line in annotated)
    assert any("file=content/café.md," in line for line in annotated)
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert 'in "b".md' in summary


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="file names there must be valid Unicode")
def test_a_changed_file_whose_name_is_not_utf8_is_checked_not_a_crash(tmp_path):
    repo, env = make_pull_request(tmp_path, {"notes.txt": "x\n"}, {"README.md": "x\n"})
    name = os.fsdecode(b"content/caf\xe9.md")  # Latin-1, as an old export may name it
    (repo / "content").mkdir()
    Path(repo, name).write_text(markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY), encoding="utf-8")
    for args in (["add", "-A"], ["commit", "-q", "-m", "latin-1 name"]):  # bytes: git echoes the name as it is
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)
    event = json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text())
    event["pull_request"]["head"]["sha"] = git(repo, "rev-parse", "HEAD")
    Path(env["GITHUB_EVENT_PATH"]).write_text(json.dumps(event))
    proc = run_action(repo, env)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr and outputs(tmp_path)["files"] == "1"
    assert "caf" in (tmp_path / "summary.md").read_text(encoding="utf-8")


def test_without_a_pull_request_all_paths_are_checked(tmp_path):
    repo, env = make_pull_request(
        tmp_path,
        {"content/a.md": markdown(COMPLIANT_META, COMPLIANT_BODY)},
        {"content/b.md": markdown(COMPLIANT_META, COMPLIANT_BODY)},
    )
    env.pop("GITHUB_EVENT_PATH")
    env["GITHUB_EVENT_NAME"] = "workflow_dispatch"
    proc = run_action(repo, env, **{"changed-only": "true"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert outputs(tmp_path)["files"] == "2"
    assert (tmp_path / "summary.md").read_text(encoding="utf-8").startswith("### ✔ reprint-guard: 2 files")


def test_a_broken_config_fails_the_step_with_an_annotation(tmp_path, sarif_schema):
    repo, env = make_pull_request(
        tmp_path,
        {"content/a.md": markdown(COMPLIANT_META, COMPLIANT_BODY), ".reprint-guard.yaml": "fail-on: sometimes\n"},
        {"x.md": "x\n"},
    )
    proc = run_action(repo, env)
    assert proc.returncode == 2
    # The annotation is placed in the file at fault, and a SARIF file says why nothing was checked.
    assert proc.stdout.startswith(
        "::error file=.reprint-guard.yaml,line=1,col=1,title=reprint-guard configuration::reprint-guard: "
    ), proc.stdout
    # file=, line= and col= place it: the message does not say the place again (the summary does).
    assert ".reprint-guard.yaml:1:1" not in proc.stdout and "Traceback" not in proc.stdout + proc.stderr
    assert "::reprint-guard: fail-on: 'sometimes' is not one of" in proc.stdout, proc.stdout
    assert ".reprint-guard.yaml:1:1: " in (tmp_path / "summary.md").read_text(encoding="utf-8")
    sarif = json.loads((repo / "reprint-guard.sarif").read_text(encoding="utf-8"))
    validate_sarif(sarif, sarif_schema)
    (invocation,) = sarif["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False and sarif["runs"][0]["results"] == []
    assert sarif["runs"][0]["tool"]["driver"]["rules"] == []  # GitHub's upload refuses a driver without the table
    (notification,) = invocation["toolExecutionNotifications"]
    location = notification["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": ".reprint-guard.yaml", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 1, "startColumn": 1}
    assert outputs(tmp_path)["sarif"] == "reprint-guard.sarif"


def test_a_file_that_cannot_be_read_is_annotated_and_exits_2(tmp_path, sarif_schema):
    """An input error is annotated in its file, summarised and counted: not a crash of the step."""
    broken = "---\ntitle: [unclosed\n---\nText.\n"
    repo, env = make_pull_request(tmp_path, {"content/broken.md": broken}, {"README.md": "x\n"})
    proc = run_action(repo, env)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    (annotation,) = [line for line in proc.stdout.splitlines() if line.startswith("::error ")]
    assert annotation.startswith("::error file=content/broken.md,line=2,")
    assert "reprint-guard/input-error" in annotation
    assert "broken.md" in (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert outputs(tmp_path)["errors"] == "0" and outputs(tmp_path)["sarif"] == "reprint-guard.sarif"
    validate_sarif(json.loads((repo / "reprint-guard.sarif").read_text()), sarif_schema)


def test_files_that_could_not_be_checked_are_said_in_the_log_line_and_not_counted_as_checked(tmp_path):
    """Only input errors: "0 errors" must not read as a pass, and no reprint was checked."""
    head = {
        "content/broken.md": "---\ntitle: [unclosed\n---\nText.\n",
        "content/binary.md": "x\0y",
        "content/unclosed.md": "---\ntitle: T\n",
    }
    repo, env = make_pull_request(tmp_path, head, {"README.md": "x\n"})
    proc = run_action(repo, env, **{"fail-on": "never"})
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert len([line for line in proc.stdout.splitlines() if line.startswith("::error ")]) == 3
    last = proc.stdout.splitlines()[-1]
    assert last == "reprint-guard: 0 errors, 0 warnings in 3 changed files (3 could not be checked)"
    out = outputs(tmp_path)
    assert (out["files"], out["errored"], out["failed-files"], out["errors"]) == ("0", "3", "0", "0")
    # One that can be read is checked, and counted.
    (repo / "content" / "fine.md").write_text(markdown(COMPLIANT_META, COMPLIANT_BODY), encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "a fine one")
    event = json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text())
    event["pull_request"]["head"]["sha"] = git(repo, "rev-parse", "HEAD")
    Path(env["GITHUB_EVENT_PATH"]).write_text(json.dumps(event))
    (tmp_path / "output.txt").unlink()
    proc = run_action(repo, env, **{"fail-on": "never"})
    assert proc.stdout.splitlines()[-1].endswith("in 4 changed files (3 could not be checked)")
    assert (outputs(tmp_path)["files"], outputs(tmp_path)["errored"]) == ("1", "3")


def test_a_broken_config_is_named_from_the_workspace_in_the_message_and_the_summary(tmp_path):
    """Not by the runner's absolute path: the annotation's file= names it from the workspace, so does the text."""
    article = markdown(COMPLIANT_META, COMPLIANT_BODY)
    broken = "fail-on: error\nsuppressions:\n  - path: a.md\n    rule: global-research/source-credit\n"
    repo, env = make_pull_request(
        tmp_path, {"cfg/content/a.md": article, "cfg/.reprint-guard.yaml": broken}, {"README.md": "x\n"}
    )
    proc = run_action(repo, env, paths="cfg/content")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    (annotation,) = [line for line in proc.stdout.splitlines() if line.startswith("::error ")]
    place = re.search(r"file=cfg/\.reprint-guard\.yaml,line=(\d+),col=(\d+),", annotation)
    assert place is not None, annotation
    assert "::reprint-guard: " in annotation and "cfg/.reprint-guard.yaml:" not in annotation  # placed, not said
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert f"cfg/.reprint-guard.yaml:{place.group(1)}:{place.group(2)}: " in summary
    assert str(repo) not in annotation and str(repo) not in summary
    sarif = json.loads((repo / "reprint-guard.sarif").read_text(encoding="utf-8"))
    (notification,) = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    located = notification["locations"][0]["physicalLocation"]["artifactLocation"]
    assert located == {"uri": "cfg/.reprint-guard.yaml", "uriBaseId": "%SRCROOT%"}


def test_a_config_suppression_is_judged_once_over_the_changed_files(tmp_path):
    """An unused glob suppression: one annotation at its entry, one warning, however many files it matches
    (here the pull request changes every file it covers)."""
    config = (
        "fail-on: warning\nsuppressions:\n  - path: 'content/posts/**'\n"
        "    rule: global-research/commercial-permission\n    reason: Syndication agreed by email\n"
    )
    article = markdown(COMPLIANT_META, COMPLIANT_BODY)
    base = {".reprint-guard.yaml": config, "content/pages/old.md": article}
    head = {"content/posts/a.md": article, "content/posts/b.md": article, "content/posts/c.md": article}
    repo, env = make_pull_request(tmp_path, head, base)
    proc = run_action(repo, env)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    annotations = [line for line in proc.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == 1
    assert annotations[0].startswith(
        "::warning file=.reprint-guard.yaml,line=3,col=5,title=reprint-guard/unused-suppression::"
    )
    # Every file passed (failed-files=0), yet the step fails: the log line and the summary say on what.
    assert proc.stdout.splitlines()[-1] == (
        "reprint-guard: 0 errors, 1 warning in 3 changed files; no file failed: the config's own findings fail the run"
    )
    out = outputs(tmp_path)
    assert (out["files"], out["warnings"], out["failed-files"], out["errored"]) == ("3", "1", "0", "0")
    assert "0 failed; no file failed: the config's own findings fail the run" in (tmp_path / "summary.md").read_text(
        encoding="utf-8"
    )
    sarif = json.loads((repo / "reprint-guard.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["reprint-guard/unused-suppression"]
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert summary.count("reprint-guard/unused-suppression") == 1


def test_a_suppression_a_file_the_pull_request_left_alone_needs_is_not_called_unused(tmp_path):
    """The suppression is needed by a file on the main branch that the pull request does not change: the
    Action checked only the changed files, found it used by none, and told the maintainer to remove it (a
    failure at fail-on: warning) on every pull request."""
    config = (
        "fail-on: warning\nsuppressions:\n  - path: 'content/posts/**'\n"
        "    rule: global-research/commercial-permission\n    reason: Syndication agreed by email\n"
    )
    base = {
        ".reprint-guard.yaml": config,
        "content/posts/sold.md": markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY),
        "content/posts/kept.md": markdown(COMPLIANT_META, COMPLIANT_BODY),
    }
    head = {"content/posts/kept.md": markdown(COMPLIANT_META, COMPLIANT_BODY + "\nOne more line.\n")}
    repo, env = make_pull_request(tmp_path, head, base)
    proc = run_action(repo, env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "unused-suppression" not in proc.stdout
    assert proc.stdout.splitlines()[-1] == "reprint-guard: 0 errors, 0 warnings in 1 changed file"


def test_changed_files_are_taken_as_a_walk_takes_them_and_a_sidecar_brings_its_article(tmp_path):
    """A changed package.json is passed over, not refused as a named file is; a changed NAME.meta.yaml
    has its article checked; a folder whose name holds " b/" is read right."""
    page = (
        "<p>Copyright © Ana Ruiz, Global Research, 2024.</p><p>Story.</p><p>The original source of this article is "
        f'<a href="{GR_URL}">Global Research</a>.</p>'
    )
    sidecar = "".join(f"{k}: {json.dumps(v, default=str)}\n" for k, v in COMPLIANT_META.items())
    base = {"content/page.html": page, "content/page.meta.yaml": sidecar, "package.json": '{"version": "1"}\n'}
    head = {
        "content/page.meta.yaml": sidecar.replace("commercial: false", "commercial: true"),
        "package.json": '{"version": "2"}\n',
        "content/plan b/story.md": markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY),
    }
    assert "commercial: false" in sidecar
    repo, env = make_pull_request(tmp_path, head, base)
    proc = run_action(repo, env)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    errors = sorted(line.split(",")[0] for line in proc.stdout.splitlines() if line.startswith("::error "))
    # The page's finding is about the sidecar's changed 'commercial: true': annotated there, at that line.
    assert errors == ["::error file=content/page.meta.yaml", "::error file=content/plan b/story.md"], proc.stdout
    assert "::error file=content/page.meta.yaml,line=5,col=1," in proc.stdout
    assert outputs(tmp_path)["files"] == "2"  # the article and the story; package.json is no reprint


def test_a_bad_fail_on_input_stops_the_step_with_a_failed_sarif(tmp_path):
    repo, env = make_pull_request(tmp_path, {"content/a.md": markdown(COMPLIANT_META, COMPLIANT_BODY)}, {"x.md": ""})
    proc = run_action(repo, env, fail_on="errors")  # "Error" is error: a workflow's case is not its meaning
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "fail-on must be one of error, warning, info, never, not 'errors'" in proc.stdout
    assert "::error title=reprint-guard workflow input::" in proc.stdout  # the workflow's input, not the config
    sarif = json.loads((repo / "reprint-guard.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["invocations"][0]["executionSuccessful"] is False


def test_the_workflow_can_turn_a_pull_requests_inline_suppressions_off(tmp_path):
    """A contributor's comment in the body silenced the check, and the only switch was the config, which the
    same pull request may change: the workflow's inline-suppressions input decides over it."""
    body = COMPLIANT_BODY + '\n<!-- reprint-guard: ignore global-research/* reason="trust me" -->\n'
    base = {"content/b.md": markdown(COMPLIANT_META, COMPLIANT_BODY)}
    head = {**base, "content/a.md": markdown({**COMPLIANT_META, "commercial": True}, body)}
    repo, env = make_pull_request(tmp_path, head, base)
    assert run_action(repo, env).returncode == 0  # the comment counts by default
    (repo / ".reprint-guard.yaml").write_text("inline-suppressions: true\n", encoding="utf-8")
    proc = run_action(repo, env, inline_suppressions="false")
    assert proc.returncode == 1 and "global-research/commercial-permission" in proc.stdout, proc.stdout
    bad = run_action(repo, env, inline_suppressions="nope")
    assert bad.returncode == 2 and "inline-suppressions must be true or false, not 'nope'" in bad.stdout


def test_a_diff_that_fails_still_leaves_a_sarif_file_and_a_summary(tmp_path):
    repo, env = make_pull_request(tmp_path, {"content/a.md": markdown(COMPLIANT_META, COMPLIANT_BODY)}, {"x.md": ""})
    event = json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text())
    event["pull_request"]["base"]["sha"] = "0" * 40  # not in this clone, as in a shallow checkout
    Path(env["GITHUB_EVENT_PATH"]).write_text(json.dumps(event))
    proc = run_action(repo, env)
    assert proc.returncode == 2 and "fetch-depth: 0" in proc.stdout
    assert json.loads((repo / "reprint-guard.sarif").read_text())["runs"][0]["results"] == []
    assert "nothing checked" in (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert outputs(tmp_path)["sarif"] == "reprint-guard.sarif"


@pytest.mark.parametrize("sarif", ["content/a.md", "content"])
def test_a_sarif_input_naming_an_article_or_a_folder_is_refused_and_the_article_kept(tmp_path, sarif):
    """Writing the log would replace an article (before it is checked, outside a pull request, too); the
    stopped run's log goes where the input would put it by default (here, outside GitHub's runner, the
    workspace)."""
    article = markdown(COMPLIANT_META, COMPLIANT_BODY)
    repo, env = make_pull_request(tmp_path, {"content/a.md": article}, {"content/b.md": article})
    del env["GITHUB_EVENT_PATH"]  # a push: every file is checked
    env["GITHUB_EVENT_NAME"] = "push"
    proc = run_action(repo, env, paths="content", sarif=sarif)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert "::error title=reprint-guard workflow input::reprint-guard: " in proc.stdout and "sarif" in proc.stdout
    assert (repo / "content" / "a.md").read_text(encoding="utf-8") == article
    assert outputs(tmp_path)["errored"] == "1" and outputs(tmp_path)["sarif"] == "reprint-guard.sarif"
    assert json.loads((repo / "reprint-guard.sarif").read_text())["runs"][0]["results"] == []
    run_action(repo, env, paths="content", sarif="content/last.sarif")  # a log of ours may be replaced
    assert run_action(repo, env, paths="content", sarif="content/last.sarif").returncode == 0
    (repo / "content" / "last.sarif").write_text("")  # so may one a killed run left empty
    assert run_action(repo, env, paths="content", sarif="content/last.sarif").returncode == 0


def test_a_sarif_input_with_a_line_break_sets_no_output_of_its_own(tmp_path):
    """GITHUB_OUTPUT takes ``key=value`` lines: a ``sarif`` input of "reports/a\\nerrors=0.sarif" set a second
    ``errors`` output, overriding the real one. Such an input is refused, and a value with a line break is
    written in GitHub's delimiter form."""
    from reprint_guard.action import output_line

    article = markdown(COMPLIANT_META, COMPLIANT_BODY)
    repo, env = make_pull_request(tmp_path, {"content/a.md": article}, {"content/b.md": article})
    proc = run_action(repo, env, sarif="reports/a\nerrors=0.sarif")
    assert proc.returncode == 2 and "holds a line break" in proc.stdout, proc.stdout
    assert outputs(tmp_path)["errors"] == "0" and outputs(tmp_path)["errored"] == "1"
    assert "errors=0.sarif" not in (tmp_path / "output.txt").read_text(encoding="utf-8")
    written = output_line("sarif", "a\nb")
    delimiter = written.split("\n", 1)[0].removeprefix("sarif<<")
    assert delimiter.startswith("ghadelimiter_") and written == f"sarif<<{delimiter}\na\nb\n{delimiter}\n"
    assert output_line("errors", "3") == "errors=3\n"


def test_a_sarif_input_that_is_a_link_is_refused_not_written_through(tmp_path):
    article = markdown(COMPLIANT_META, COMPLIANT_BODY)
    repo, env = make_pull_request(tmp_path, {"content/a.md": article}, {"content/b.md": article})
    outside = tmp_path / "escaped.sarif"
    (repo / "reprint-guard.sarif").symlink_to(outside)  # dangling: exists() says no
    proc = run_action(repo, env)
    assert proc.returncode == 2 and "is a symbolic link" in proc.stdout and not outside.exists()
    (tmp_path / "elsewhere").mkdir()
    (repo / "reports").symlink_to(tmp_path / "elsewhere")  # a linked folder on the way
    proc = run_action(repo, env, sarif="reports/reprint-guard.sarif")
    assert proc.returncode == 2 and "leads out of the workspace" in proc.stdout
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_a_sarif_file_may_go_to_the_runners_temporary_folder(tmp_path):
    article = markdown(COMPLIANT_META, COMPLIANT_BODY)
    repo, env = make_pull_request(tmp_path, {"content/a.md": article}, {"content/b.md": article})
    env["RUNNER_TEMP"] = str(tmp_path / "runner-temp")
    (tmp_path / "runner-temp").mkdir()
    sarif = tmp_path / "runner-temp" / "reprint-guard.sarif"
    proc = run_action(repo, env, sarif=str(sarif))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert json.loads(sarif.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert outputs(tmp_path)["sarif"] == str(sarif)
    proc = run_action(repo, env, sarif=str(tmp_path / "elsewhere.sarif"))  # anywhere else is still refused
    assert proc.returncode == 2 and "in the runner's temporary folder" in proc.stdout
    # ... and the stopped run's log goes where it would by default, for an upload step run ``if: always()``
    assert not (tmp_path / "elsewhere.sarif").exists() and outputs(tmp_path)["sarif"] == str(sarif)
    stopped = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]
    assert stopped["results"] == [] and stopped["invocations"][0]["executionSuccessful"] is False
    said = stopped["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
    assert "elsewhere.sarif" in said and f"written to {sarif} instead" in said
    sarif.unlink()
    proc = run_action(repo, env, sarif="")  # the workflow names none: there by default, not in the checkout
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert outputs(tmp_path)["sarif"] == str(sarif) and sarif.is_file()
    assert not (repo / "reprint-guard.sarif").exists()


def test_a_pull_request_outside_a_git_checkout_says_to_check_out_not_to_fetch_deeper(tmp_path):
    article = markdown(COMPLIANT_META, COMPLIANT_BODY)
    repo, env = make_pull_request(tmp_path, {"content/a.md": article}, {"content/b.md": article})
    bare = tmp_path / "no-git"
    shutil.copytree(repo / "content", bare / "content")
    env["GITHUB_WORKSPACE"] = str(bare)
    proc = run_action(bare, env, paths="content")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "'content' is in no git checkout: run actions/checkout first" in proc.stdout
    assert "fetch-depth" not in proc.stdout


def test_the_log_line_counts_in_the_singular_too(tmp_path):
    head = {"content/a.md": markdown(COMPLIANT_META, COMPLIANT_BODY.replace("Global Research", "a website"))}
    repo, env = make_pull_request(tmp_path, head, {"x.md": ""})
    proc = run_action(repo, env)
    assert proc.stdout.splitlines()[-1] == "reprint-guard: 1 error, 0 warnings in 1 changed file"


@pytest.mark.parametrize(
    "payload", ["{bad", "[1]", '{"pull_request": {"base": "x", "head": 5}}', b'{"a": "\xff"}', "[" * 100_000]
)
def test_a_broken_event_payload_is_an_error_or_no_pull_request_never_a_traceback(tmp_path, payload):
    article = markdown(COMPLIANT_META, COMPLIANT_BODY)
    repo, env = make_pull_request(tmp_path, {"content/a.md": article}, {"content/b.md": article})
    event = Path(env["GITHUB_EVENT_PATH"])
    event.write_bytes(payload) if isinstance(payload, bytes) else event.write_text(payload)
    proc = run_action(repo, env)
    assert "Traceback" not in proc.stderr, proc.stderr
    if payload == "{bad":  # told in words, at its place (Python's "Expecting property name enclosed in ...")
        assert proc.returncode == 2 and "cannot read the event payload (GITHUB_EVENT_PATH)" in proc.stdout
        assert "it is not JSON (expecting property name enclosed in double quotes)" in proc.stdout, proc.stdout
        assert f"{event}:1:2: cannot read" in proc.stdout, proc.stdout  # out of the workspace: named in words
    elif isinstance(payload, bytes):  # not "'utf-8' codec can't decode byte 0xff in position 7"
        assert proc.returncode == 2 and "it is not UTF-8 text (byte 0xff at line 1)" in proc.stdout, proc.stdout
        assert "codec" not in proc.stdout
    elif payload.startswith("[["):
        assert proc.returncode == 2 and "its JSON is nested too deeply to read" in proc.stdout, proc.stdout
    elif payload == "[1]":  # no pull request in it: every file is checked
        assert proc.returncode == 0 and "in 2 files" in proc.stdout
    else:  # a pull request without its commits: said, not every file checked in silence
        assert proc.returncode == 2 and "names no base and head commits" in proc.stdout


def test_overlapping_and_absolute_paths_check_each_file_once(tmp_path):
    bad = markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY)
    repo, env = make_pull_request(tmp_path, {"content/posts/a.md": bad}, {"x.md": ""})
    proc = run_action(repo, env, paths="content content/posts", changed_only="false")
    assert proc.returncode == 1
    assert outputs(tmp_path)["files"] == "1" and outputs(tmp_path)["errors"] == "1"
    assert len([line for line in proc.stdout.splitlines() if line.startswith("::error ")]) == 1
    (tmp_path / "output.txt").unlink()
    proc = run_action(repo, env, paths=str(repo / "content"))  # changed-only, the folder given absolute
    assert proc.returncode == 1 and outputs(tmp_path)["files"] == "1"


def test_sarif_paths_are_relative_to_the_repository_not_to_a_config_in_a_subfolder(tmp_path):
    bad = markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY)
    head = {"site/content/a.md": bad, "site/.reprint-guard.yaml": "fail-on: error\n"}
    repo, env = make_pull_request(tmp_path, head, {"x.md": ""})
    proc = run_action(repo, env, paths="site/content", config="site/.reprint-guard.yaml")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "::error file=site/content/a.md," in proc.stdout
    sarif = json.loads((repo / "reprint-guard.sarif").read_text(encoding="utf-8"))
    (result,) = sarif["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "site/content/a.md"


def test_info_findings_are_notices_and_fail_on_info_fails_the_summary_too(tmp_path):
    unlinked = markdown(COMPLIANT_META, COMPLIANT_BODY.replace(GR_URL, "https://example.org/elsewhere"))
    config = "severity: {global-research/link-original: info}\n"
    base = {"README.md": "# site\n"}
    repo, env = make_pull_request(tmp_path, {"content/a.md": unlinked, ".reprint-guard.yaml": config}, base)
    proc = run_action(repo, env, fail_on="info")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    (notice,) = [line for line in proc.stdout.splitlines() if line.startswith("::")]
    assert notice.startswith("::notice file=content/a.md,") and "global-research/link-original" in notice
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("### ✖") and "1 note" in summary


def test_a_pull_request_that_changes_the_config_checks_every_file(tmp_path):
    bad = markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY)
    base = {"content/old.md": bad, ".reprint-guard.yaml": "fail-on: error\n"}
    config = "fail-on: error\nseverity: {global-research/print-permission: off}\n"
    repo, env = make_pull_request(tmp_path, {".reprint-guard.yaml": config}, base)
    proc = run_action(repo, env)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "::error file=content/old.md,line=6," in proc.stdout
    assert "in 1 file (the config changed)" in proc.stdout
    assert outputs(tmp_path)["files"] == "1"


@pytest.mark.parametrize("gone", ["deleted", "renamed away"])
def test_a_pull_request_that_deletes_the_config_checks_every_file_with_no_config(tmp_path, gone):
    bad = markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY)
    base = {"content/old.md": bad, ".reprint-guard.yaml": "severity: {global-research/commercial-permission: 'off'}\n"}
    deleted = (".reprint-guard.yaml",) if gone == "deleted" else ()
    repo, env = make_pull_request(tmp_path, {"content/notes.txt": "notes\n"}, base, deleted=deleted)
    if gone == "renamed away":
        (repo / "docs").mkdir()
        git(repo, "mv", ".reprint-guard.yaml", "docs/reprint-guard.yaml.example")
        git(repo, "commit", "-q", "-m", "rename the config away")
        event = json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text())
        event["pull_request"]["head"]["sha"] = git(repo, "rev-parse", "HEAD")
        Path(env["GITHUB_EVENT_PATH"]).write_text(json.dumps(event))
    proc = run_action(repo, env)
    # The rule the config turned off applies again, to a file the pull request did not touch.
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "::error file=content/old.md,line=6,col=1,title=global-research/commercial-permission" in proc.stdout
    assert proc.stdout.splitlines()[-1] == "reprint-guard: 1 error, 0 warnings in 1 file (the config changed)"
    assert outputs(tmp_path)["files"] == "1"


def test_a_pull_request_that_deletes_a_policy_of_your_own_checks_every_file(tmp_path):
    own = (
        "id: {id}\nname: {name}\npublisher: {name}\nsource_url: https://{id}.example/terms\n"
        "applies_to: [{id}.example]\nrules:\n  - id: credit-line\n    check: attribution\n"
        "    names: [{name}]\n    message: Credit {name}\n"
    )
    story = (
        "---\ntitle: T\npolicy: harbour\noriginal_url: https://harbour.example/a/1\n---\n\n"
        "The story, from the Harbour Herald.\n"
    )
    base = {
        ".reprint-guard.yaml": "policies: [policies/]\n",
        "policies/harbour.yaml": own.format(id="harbour", name="Harbour Herald"),
        "policies/lighthouse.yaml": own.format(id="lighthouse", name="Lighthouse Log"),  # the folder stays
        "content/story.md": story,
    }
    repo, env = make_pull_request(tmp_path, {}, base, deleted=("policies/harbour.yaml",))
    proc = run_action(repo, env)
    # The story names a policy the pull request deleted: the full check cannot check it.
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "::error file=content/story.md,line=3,col=1,title=reprint-guard/input-error::unknown policy 'harbour'" in (
        proc.stdout
    )  # the place in file=, line= and col=, not said again in the message
    last = proc.stdout.splitlines()[-1]
    assert last == "reprint-guard: 0 errors, 0 warnings in 1 file (a policy changed; 1 could not be checked)"
    assert outputs(tmp_path)["errored"] == "1"
    # Before the deletion the same check passes: it is the deletion that is found, not a broken fixture.
    # (a run on main, as a push runs: with the pull request's event it would be refused as not its code)
    git(repo, "checkout", "-q", "main")
    assert run_action(repo, {**env, "GITHUB_EVENT_NAME": "push", "GITHUB_EVENT_PATH": ""}).returncode == 0


@pytest.mark.parametrize("named_by", ["policy", "override"])
def test_a_pull_request_that_edits_the_policy_file_the_config_names_checks_every_file(tmp_path, named_by):
    """A policy file named by the config's ``policy:`` (or an override's), in no ``policies`` folder, is
    what every file is held to: editing it re-checks the files the pull request did not touch."""
    own = (
        "id: harbour\nname: Harbour Herald\npublisher: Harbour Herald\nsource_url: https://harbour.example/terms\n"
        "applies_to: [harbour.example]\nrules:\n  - id: credit-line\n    check: attribution\n"
        "    names: [{name}]\n    message: Credit {name}\n"
    )
    story = "---\ntitle: T\noriginal_url: https://harbour.example/a/1\n---\n\nThe story, from the Harbour Herald.\n"
    config = (
        "policy: house/harbour.yaml\n"
        if named_by == "policy"
        else "overrides:\n  - paths: ['content/**']\n    policy: house/harbour.yaml\n"
    )
    base = {
        ".reprint-guard.yaml": config,
        "house/harbour.yaml": own.format(name="Harbour Herald"),
        "content/story.md": story,
    }
    repo, env = make_pull_request(tmp_path, {"house/harbour.yaml": own.format(name="Harbour Gazette")}, base)
    proc = run_action(repo, env)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "::error file=content/story.md," in proc.stdout and "title=harbour/credit-line" in proc.stdout
    assert proc.stdout.splitlines()[-1] == "reprint-guard: 1 error, 0 warnings in 1 file (a policy changed)"


def test_a_pull_request_that_takes_our_table_out_of_pyproject_checks_every_file(tmp_path):
    bad = markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY)
    project = '[project]\nname = "site"\n'
    table = '\n[tool.reprint-guard.severity]\n"global-research/commercial-permission" = "off"\n'
    base = {"content/old.md": bad, "pyproject.toml": project + table}
    repo, env = make_pull_request(tmp_path, {"pyproject.toml": project}, base)
    proc = run_action(repo, env)
    assert proc.returncode == 1 and "in 1 file (the config changed)" in proc.stdout, proc.stdout + proc.stderr
    assert "::error file=content/old.md,line=6," in proc.stdout


def test_a_deleted_sidecar_has_its_article_checked(tmp_path):
    page = (
        f'<html><head><link rel="canonical" href="{GR_URL}"><meta name="author" content="Ana Ruiz"></head><body>'
        f'<p>Copyright © Ana Ruiz, Global Research, 2024.</p><p><a href="{GR_URL}">Global Research</a></p>'
        "</body></html>"
    )
    base = {"content/page.html": page, "content/page.meta.yaml": "commercial: false\nmedium: web\n"}
    repo, env = make_pull_request(
        tmp_path, {"content/other.md": "# Notes\n"}, base, deleted=("content/page.meta.yaml",)
    )
    proc = run_action(repo, env)
    assert "::warning file=content/page.html," in proc.stdout and "'commercial' is not set" in proc.stdout, (
        proc.stdout + proc.stderr
    )


def test_a_sidecar_renamed_away_has_its_article_checked(tmp_path):
    page = (
        f'<html><head><link rel="canonical" href="{GR_URL}"><meta name="author" content="Ana Ruiz"></head><body>'
        f'<p>Copyright © Ana Ruiz, Global Research, 2024.</p><p><a href="{GR_URL}">Global Research</a></p>'
        "</body></html>"
    )
    base = {"content/page.html": page, "content/page.meta.yaml": "commercial: false\nmedium: web\n"}
    repo, env = make_pull_request(tmp_path, {"content/other.md": "# Notes\n"}, base)
    git(repo, "mv", "content/page.meta.yaml", "content/retired.meta.yaml")  # the article keeps its name
    git(repo, "commit", "-q", "-m", "rename the sidecar away")
    event = json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text())
    event["pull_request"]["head"]["sha"] = git(repo, "rev-parse", "HEAD")
    Path(env["GITHUB_EVENT_PATH"]).write_text(json.dumps(event))
    proc = run_action(repo, env)
    assert "::warning file=content/page.html," in proc.stdout and "'commercial' is not set" in proc.stdout, (
        proc.stdout + proc.stderr
    )
    # The sidecar under its new name describes no article: said, not passed over.
    assert "::error file=content/retired.meta.yaml," in proc.stdout and "no article beside it" in proc.stdout
    assert proc.returncode == 2 and outputs(tmp_path)["errored"] == "1"


def test_an_article_renamed_away_from_its_sidecar_is_not_passed_as_an_own_article(tmp_path):
    """The reprint renamed in the pull request, its sidecar left: the article is no reprint under its new name,
    and the sidecar left behind, which the pull request did not touch, is what says so."""
    page = f'<p>A story.</p><p><a href="{GR_URL}">Global Research</a></p>'
    base = {"content/partner.html": page, "content/partner.meta.yaml": f"original_url: {GR_URL}\n"}
    repo, env = make_pull_request(tmp_path, {"content/notes.txt": "notes\n"}, base)
    git(repo, "mv", "content/partner.html", "content/transit-fares.html")
    git(repo, "commit", "-q", "-m", "rename the article")
    event = json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text())
    event["pull_request"]["head"]["sha"] = git(repo, "rev-parse", "HEAD")
    Path(env["GITHUB_EVENT_PATH"]).write_text(json.dumps(event))
    proc = run_action(repo, env)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "::error file=content/partner.meta.yaml," in proc.stdout and "no article beside it" in proc.stdout
    # The whole file is at fault: no line of it, as --format github writes it (the Action wrote line=1,col=1).
    [said] = [line for line in proc.stdout.splitlines() if "partner.meta.yaml" in line and "::error" in line]
    assert said.startswith("::error file=content/partner.meta.yaml,title=reprint-guard/input-error::"), said
    cli_said = subprocess.run(
        [sys.executable, "-m", "reprint_guard", "check", "content/partner.meta.yaml", "--format", "github"],
        cwd=repo,
        capture_output=True,
        text=True,
    ).stdout
    assert said in cli_said.splitlines(), (said, cli_said)


def test_every_changed_file_gets_an_annotation_however_the_limit_falls(tmp_path):
    unlinked = markdown(COMPLIANT_META, COMPLIANT_BODY.replace(GR_URL, "https://example.org/elsewhere"))
    crowded = markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY.replace("Global Research", "GR"))
    head = {f"content/new-{i:02d}.md": crowded for i in range(6)}  # 12 errors on added lines
    base = {"content/edited.md": markdown(COMPLIANT_META, COMPLIANT_BODY)}
    head["content/edited.md"] = unlinked  # its finding stands where the link was, an edited line or not
    repo, env = make_pull_request(tmp_path, head, base)
    proc = run_action(repo, env)
    errors = [line for line in proc.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == 10
    assert {line.split(",")[0] for line in errors} == {
        f"::error file=content/{n}.md" for n in ["edited", *(f"new-{i:02d}" for i in range(6))]
    }


def test_a_page_changed_through_its_sidecar_gets_its_annotation_however_the_limit_falls(tmp_path):
    """A pull request that sets 'commercial: true' in a page's sidecar changed the page: its finding, in the
    sidecar at that line, is annotated before the limit is filled by other files' second findings."""
    page = (
        "<p>Copyright © Ana Ruiz, Global Research, 2024.</p><p>Story.</p><p>The original source of this article is "
        f'<a href="{GR_URL}">Global Research</a>.</p>'
    )
    sidecar = "".join(f"{k}: {json.dumps(v, default=str)}\n" for k, v in COMPLIANT_META.items())
    crowded = markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY.replace("Global Research", "GR"))
    base = {"content/page.html": page, "content/page.meta.yaml": sidecar}
    head = {f"content/new-{i:02d}.md": crowded for i in range(6)}  # 12 errors on added lines
    head["content/page.meta.yaml"] = sidecar.replace("commercial: false", "commercial: true")
    repo, env = make_pull_request(tmp_path, head, base)
    proc = run_action(repo, env)
    errors = [line for line in proc.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == 10 and any(line.startswith("::error file=content/page.meta.yaml,") for line in errors)


def test_annotations_are_relative_to_the_workspace_wherever_the_step_runs(tmp_path):
    workspace = tmp_path / "workspace"
    bad = markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY)
    repo, env = make_pull_request(tmp_path, {"content/a.md": bad}, {"README.md": "# site\n"})
    workspace.mkdir()
    checkout = workspace / "site"
    repo.rename(checkout)  # actions/checkout with path: site
    env["GITHUB_WORKSPACE"] = str(workspace)
    proc = run_action(checkout / "content", env, paths="site/content")  # started elsewhere: the workspace counts
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "::error file=site/content/a.md,line=6," in proc.stdout
    sarif = json.loads((workspace / "reprint-guard.sarif").read_text(encoding="utf-8"))
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "content/a.md"  # code scanning reads relative paths from the analysed repository's root


def test_the_actions_annotations_mark_a_findings_extent_as_the_cli_does(tmp_path, cli):
    """The Action's annotations gave a finding's start only (``line=11,col=58``): a link to the home page was
    marked at its first character, where ``check --format github`` marks the whole link."""
    body = COMPLIANT_BODY.replace(f"]({GR_URL})", "](https://www.globalresearch.ca/)")
    repo, env = make_pull_request(tmp_path, {"content/a.md": markdown(COMPLIANT_META, body)}, {"README.md": "#\n"})
    proc = run_action(repo, env)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    action = [line for line in proc.stdout.splitlines() if "global-research/link-original" in line]
    run = cli("check", "content/a.md", "--format", "github", cwd=repo, env={"GITHUB_WORKSPACE": str(repo)})
    expected = [line for line in run.out.splitlines() if "global-research/link-original" in line]
    assert action == expected and len(action) == 1, (action, expected)
    assert ",endLine=" in action[0] and ",endColumn=" in action[0], action


def test_an_input_errors_fingerprint_holds_wherever_the_repository_is_checked_out(tmp_path):
    """Code scanning tracks an alert by its fingerprint: the message of an input error names the file as the
    workspace sees it, which must not make a new alert of the same error when the checkout moves."""
    broken = "---\ntitle: [unclosed\n---\nBody\n"
    prints = []
    for layout in ("root", "folder"):
        base = tmp_path / layout
        base.mkdir()
        repo, env = make_pull_request(base, {"content/a.md": broken}, {"README.md": "# site\n"})
        if layout == "folder":
            workspace = base / "workspace"
            workspace.mkdir()
            repo = repo.rename(workspace / "site")
            env["GITHUB_WORKSPACE"] = str(workspace)
            run_action(repo, env, paths="site/content")
            sarif = workspace / "reprint-guard.sarif"
        else:
            run_action(repo, env)
            sarif = repo / "reprint-guard.sarif"
        [result] = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]
        assert result["ruleId"] == "reprint-guard/input-error", result
        prints.append(result["partialFingerprints"]["reprintGuard/v2"])
    assert prints[0] == prints[1]


def test_on_githubs_merge_commit_the_changed_lines_are_the_merges(tmp_path):
    """GitHub checks out refs/pull/N/merge: when the base moved on, the head's lines stand lower there."""
    crowded = markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY)
    repo, env = make_pull_request(
        tmp_path, {"content/a.md": crowded}, {"content/a.md": markdown(COMPLIANT_META, COMPLIANT_BODY)}
    )
    head = git(repo, "rev-parse", "HEAD")
    git(repo, "checkout", "-q", "main")
    text = (repo / "content" / "a.md").read_text(encoding="utf-8")
    (repo / "content" / "a.md").write_text(
        text.replace("---\n", "---\nlayout: post\nsection: world\n", 1), encoding="utf-8"
    )
    git(repo, "commit", "-q", "-am", "the base moves on")
    git(repo, "checkout", "-q", "--detach")
    git(repo, "merge", "-q", "--no-edit", "--no-ff", head)  # what GitHub checks out
    proc = run_action(repo, env)
    line = next(x for x in proc.stdout.splitlines() if "commercial-permission" in x)
    assert line.startswith("::error file=content/a.md,line=8,"), proc.stdout  # 6 in the head, 8 in the merge
    from reprint_guard.action import _as_checked_out, changed_files

    base = json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text())["pull_request"]["base"]["sha"]
    old_cwd = os.getcwd()
    os.chdir(repo)
    try:
        assert changed_files(base, head) == {"content/a.md": {6}}  # the head's own numbering
        assert changed_files(*_as_checked_out(base, head)) == {"content/a.md": {8}}  # the merge's, as checked
    finally:
        os.chdir(old_cwd)


def test_a_typo_in_the_config_is_annotated_where_it_stands(tmp_path):
    config = "severity:\n  global-research/link-orginal: warning\n"
    repo, env = make_pull_request(tmp_path, {".reprint-guard.yaml": config}, {"README.md": "# site\n"})
    proc = run_action(repo, env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (
        "::warning file=.reprint-guard.yaml,line=2,col=3,title=reprint-guard configuration::"
        "the config's severity names an unknown rule 'global-research/link-orginal'"
    ) in proc.stdout


def test_paths_one_per_line_may_hold_spaces_and_a_misspelt_one_stops_the_step(tmp_path):
    bad = markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY)
    head = {"content/world news/a.md": bad, "content/other/b.md": bad, "content/third/c.md": bad}
    repo, env = make_pull_request(tmp_path, head, {"README.md": "# site\n"})
    proc = run_action(repo, env, paths="content/world news\n")  # a `|` block of one line
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "::error file=content/world news/a.md," in proc.stdout and "other/b.md" not in proc.stdout
    proc = run_action(repo, env, paths="content/other content/third\n")  # a `>` block: words on a line
    files = {line.split(",")[0] for line in proc.stdout.splitlines() if line.startswith("::error ")}
    assert files == {"::error file=content/other/b.md", "::error file=content/third/c.md"}, proc.stdout
    proc = run_action(repo, env, paths="content/thrid")
    assert proc.returncode == 2 and "paths: 'content/thrid' is no file or folder in the workspace" in proc.stdout
    assert "one per line" not in proc.stdout
    proc = run_action(repo, env, paths="content/world news content/other")  # a spaced name among others
    said = "paths: 'content/world', 'news' is no file or folder in the workspace; a name with a space in it goes on"
    assert proc.returncode == 2 and said in proc.stdout, proc.stdout


def test_a_config_change_annotates_the_pull_requests_own_file_first(tmp_path):
    bad = markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY)
    base = {f"content/old-{i:02d}.md": bad for i in range(12)}
    base[".reprint-guard.yaml"] = "fail-on: error\n"
    head = {".reprint-guard.yaml": "fail-on: warning\n", "content/zz-new.md": bad}
    repo, env = make_pull_request(tmp_path, head, base)
    proc = run_action(repo, env)
    errors = [line for line in proc.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == 10 and errors[0].startswith("::error file=content/zz-new.md,"), proc.stdout


def test_a_pyproject_change_outside_our_table_checks_only_the_changed_files(tmp_path):
    bad = markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY)
    table = '[tool.reprint-guard]\nfail-on = "error"\n'
    base = {"content/old.md": bad, "pyproject.toml": '[project]\nname = "site"\nversion = "1"\n\n' + table}
    head = {"pyproject.toml": '[project]\nname = "site"\nversion = "2"\n\n' + table}
    repo, env = make_pull_request(tmp_path, head, base)
    proc = run_action(repo, env)
    assert proc.returncode == 0 and "in 0 changed files" in proc.stdout, proc.stdout + proc.stderr
    (tmp_path / "two").mkdir()
    repo2, env2 = make_pull_request(
        tmp_path / "two", {"pyproject.toml": head["pyproject.toml"] + "exclude = []\n"}, base
    )
    proc = run_action(repo2, env2)
    assert proc.returncode == 1 and "(the config changed)" in proc.stdout, proc.stdout + proc.stderr


def test_a_checkout_in_a_subfolder_finds_its_own_config(tmp_path):
    unlinked = markdown(COMPLIANT_META, COMPLIANT_BODY.replace(GR_URL, "https://example.org/elsewhere"))
    config = "severity: {global-research/link-original: 'off'}\n"
    repo, env = make_pull_request(
        tmp_path, {"content/a.md": unlinked, ".reprint-guard.yaml": config}, {"x.md": "# x\n"}
    )
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    repo.rename(workspace / "site")
    env["GITHUB_WORKSPACE"] = str(workspace)
    proc = run_action(workspace, env, paths="site/content")
    assert proc.returncode == 0 and "link-original" not in proc.stdout, proc.stdout + proc.stderr


def test_a_pull_request_event_without_its_payload_is_an_error_not_a_full_check(tmp_path):
    bad = markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY)
    repo, env = make_pull_request(tmp_path, {"content/a.md": bad}, {"content/old.md": bad})
    env["GITHUB_EVENT_PATH"] = str(tmp_path / "missing.json")
    proc = run_action(repo, env)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "::error" in proc.stdout and "payload (GITHUB_EVENT_PATH) is not there" in proc.stdout
    assert "content/old.md" not in proc.stdout


def test_a_broken_config_in_a_checkout_in_a_subfolder_is_named_from_its_repository_in_sarif(tmp_path):
    """The annotation names the file from the workspace; the SARIF log, as code scanning reads it, from the
    root of the repository analysed, as its results are."""
    repo, env = make_pull_request(tmp_path, {".reprint-guard.yaml": "fail-on: [error\n"}, {"content/a.md": "# a\n"})
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    repo.rename(workspace / "site")
    env["GITHUB_WORKSPACE"] = str(workspace)
    proc = run_action(workspace, env, paths="site/content")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "::error file=site/.reprint-guard.yaml,line=" in proc.stdout
    sarif = json.loads((workspace / "reprint-guard.sarif").read_text(encoding="utf-8"))
    notification = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == ".reprint-guard.yaml"


def test_a_summary_too_large_for_github_is_cut_at_a_row_and_says_what_it_left_out(tmp_path, monkeypatch, capsys):
    """GitHub drops a job summary over 1 MiB whole: the Action's stops short of it, at a table row. The cap is
    made small here (the same code, a few dozen files instead of thousands); the Action runs in-process."""
    from reprint_guard import action

    assert 1000 * 1000 <= action.SUMMARY_LIMIT < 1024 * 1024
    crowded = markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY.replace("Global Research", "GR"))
    head = {f"content/post-{i:02d}.md": crowded for i in range(40)}  # 2 errors each
    repo, env = make_pull_request(tmp_path, head, {"README.md": "x\n"})
    for name in [name for name in os.environ if name.startswith(("INPUT_", "GITHUB_"))]:
        monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(repo)
    summary_file = tmp_path / "summary.md"
    finding_row = re.compile(r"^\| \d+:\d+ \| ✖ error \| `global-research/[a-z-]+` \| .* \|$")

    def run(limit: int | None = None) -> str:
        if limit is not None:
            monkeypatch.setattr(action, "SUMMARY_LIMIT", limit)
        summary_file.unlink(missing_ok=True)
        assert action.main() == 1
        assert capsys.readouterr().out.splitlines()[-1] == "reprint-guard: 80 errors, 0 warnings in 40 changed files"
        return summary_file.read_text(encoding="utf-8")

    whole = run()  # under the real cap: every finding shown, nothing said about cutting
    assert len([line for line in whole.splitlines() if finding_row.match(line)]) == 80
    assert "cut short" not in whole

    for limit, rows_shown in [(len(whole.encode()) // 2, True), (2500, False)]:
        summary = run(limit)
        assert len(summary.encode("utf-8")) <= limit < len(whole.encode())
        lines = summary.rstrip("\n").splitlines()
        assert lines[0] == "### ✖ reprint-guard: 40 changed files"  # the header and totals kept
        assert "**80 errors**, 0 warnings in 40 files: 0 passed, 40 failed" in summary
        assert "> 70 findings were not annotated" in summary
        *kept, blank, last = lines
        assert blank == "" and kept[-1].startswith("| ") and kept[-1].endswith(" |")  # cut at a row's end
        said = re.fullmatch(r"> \*\*This summary is cut short: (\d+) findings in (\d+) files not shown\.\*\* .*", last)
        assert said, last
        assert "`reprint-guard.sarif`" in last and "`reprint-guard check`" in last
        shown = [line for line in kept if finding_row.match(line)]
        sections = summary.split("\n#### ")[1:]
        complete = sum(1 for section in sections if len([x for x in section.splitlines() if finding_row.match(x)]) == 2)
        assert (int(said[1]), int(said[2])) == (80 - len(shown), 40 - complete)
        if rows_shown:  # the files' table whole, the details cut within them; no heading without its first row
            assert len([line for line in kept if line.startswith("| `content/post-")]) == 40
            assert 0 < len(shown) < 80 and finding_row.match(kept[-1])
        else:  # not even the files' table fits: no details at all, every finding left out
            assert 0 < len([line for line in kept if line.startswith("| `content/post-")]) < 40
            assert not sections and (int(said[1]), int(said[2])) == (80, 40)


def test_a_link_replaced_by_a_file_is_checked(tmp_path):
    """git reports a link made a regular file (or a file made a link) as a change of type, not a
    modification: the reprint that now stands there is the pull request's own, and checked."""
    good = markdown(COMPLIANT_META, COMPLIANT_BODY)
    repo, env = make_pull_request(tmp_path, {"content/other.md": "# Notes\n"}, {"content/good.md": good})
    os.symlink("good.md", repo / "content" / "copy.md")
    git(repo, "checkout", "-q", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "a link in the base")
    base = git(repo, "rev-parse", "HEAD")
    git(repo, "checkout", "-q", "reprints")
    git(repo, "merge", "-q", "main", "-m", "merge")
    (repo / "content" / "copy.md").unlink()
    write(repo / "content" / "copy.md", markdown(COMPLIANT_META, COMPLIANT_BODY.replace("Global Research", "GR")))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "the link made a file")
    assert "T\tcontent/copy.md" in git(repo, "diff", "--name-status", f"{base}...HEAD")
    event = json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text())
    event["pull_request"]["base"]["sha"], event["pull_request"]["head"]["sha"] = base, git(repo, "rev-parse", "HEAD")
    Path(env["GITHUB_EVENT_PATH"]).write_text(json.dumps(event))
    proc = run_action(repo, env)
    assert proc.returncode == 1 and "::error file=content/copy.md," in proc.stdout, proc.stdout + proc.stderr


def test_a_runners_diff_relative_setting_does_not_empty_the_pull_request(tmp_path):
    """git runs in the paths' folder: with the runner's ``diff.relative = true`` it listed names from there
    (and only there), which matched no file: nothing was checked and the step passed."""
    bad = markdown(COMPLIANT_META, COMPLIANT_BODY.replace("Copyright ©", "By"))
    repo, env = make_pull_request(tmp_path, {"content/posts/bad.md": bad}, {"README.md": "x\n"})
    settings = tmp_path / "gitconfig"
    settings.write_text("[diff]\n\trelative = true\n", encoding="utf-8")
    proc = run_action(repo, {**env, "GIT_CONFIG_GLOBAL": str(settings)}, paths="content")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "file=content/posts/bad.md" in proc.stdout and outputs(tmp_path)["files"] == "1"


@pytest.mark.parametrize(("value", "code"), [("ture", 2), ("False", 1), ("no", 1)])
def test_changed_only_is_true_or_false_or_an_error(tmp_path, value, code):
    """A typo in changed-only checked every file (or, the other way, only the changed ones) without a word."""
    bad = markdown(COMPLIANT_META, COMPLIANT_BODY.replace("Copyright ©", "By"))
    repo, env = make_pull_request(
        tmp_path, {"content/new.md": markdown(COMPLIANT_META, COMPLIANT_BODY)}, {"content/old.md": bad}
    )
    proc = run_action(repo, env, **{"changed-only": value, "fail-on": "Error"})
    assert proc.returncode == code, proc.stdout + proc.stderr
    if code == 2:
        assert "changed-only must be true or false, not 'ture'" in proc.stdout


def test_config_warnings_count_in_the_annotation_limit_and_stand_in_the_summary(tmp_path):
    """GitHub shows ten warnings a step: the config's warning is one of them (not-annotated counted without
    it), and it is in the job summary too, where it was missing."""
    warn = {**COMPLIANT_META, "commercial": None}  # each file: the missing-metadata warning
    files = {f"content/a{n:02d}.md": markdown(warn, COMPLIANT_BODY) for n in range(12)}
    files[".reprint-guard.yaml"] = "severity:\n  global-research/no-such-rule: warning\n"
    repo, env = make_pull_request(tmp_path, files, {"README.md": "x\n"})
    proc = run_action(repo, env)
    warnings = [line for line in proc.stdout.splitlines() if line.startswith("::warning ")]
    assert len(warnings) == 10, proc.stdout
    assert "no-such-rule" in warnings[0]
    assert outputs(tmp_path)["not-annotated"] == "3"  # 12 findings, 9 shown beside the config's warning
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "⚠ configuration: .reprint-guard.yaml:2:" in summary and "no-such-rule" in summary


def test_many_config_warnings_are_capped_and_written_as_markdown_shows_them(tmp_path):
    """Twelve config warnings: ten annotated, two counted as not annotated, the summary showing ten and
    saying how many more (a config of thousands made the summary too big for GitHub), each written so that
    Markdown shows it as written (a key with <b> in it was rendered bold)."""
    keys = "".join(f"  global-research/nope-{n:02d}<b>x</b>: warning\n" for n in range(12))
    files = {"content/a.md": markdown(COMPLIANT_META, COMPLIANT_BODY), ".reprint-guard.yaml": f"severity:\n{keys}"}
    repo, env = make_pull_request(tmp_path, files, {"README.md": "x\n"})
    proc = run_action(repo, env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert len([line for line in proc.stdout.splitlines() if line.startswith("::warning ")]) == 10
    assert outputs(tmp_path)["not-annotated"] == "2"
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert summary.count("⚠ configuration:") == 10 and "and 2 more configuration warnings" in summary
    assert "<b>" not in summary and "nope-00" in summary


@pytest.mark.parametrize("value", ["", "  "])
def test_an_empty_changed_only_is_the_default(tmp_path, value):
    """A reusable workflow passes an unset input as an empty string: the default (true), not an error."""
    bad = markdown(COMPLIANT_META, COMPLIANT_BODY.replace("Copyright ©", "By"))
    repo, env = make_pull_request(
        tmp_path, {"content/new.md": markdown(COMPLIANT_META, COMPLIANT_BODY)}, {"content/old.md": bad}
    )
    assert run_action(repo, env, **{"changed-only": value}).returncode == 0  # the old file, not changed, is not checked


def test_a_checkout_that_is_not_the_pull_requests_code_stops_the_run(tmp_path):
    """With the base branch checked out (pull_request_target's default, or a checkout's ref: main), the
    changed files were not there and the Action passed: "0 changed files", a green tick for a pull request
    adding broken reprints."""
    broken = markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY)
    repo, env = make_pull_request(tmp_path, {"content/posts/new.md": broken}, {"content/posts/old.md": "Text.\n"})
    assert run_action(repo, env).returncode == 1  # the head checked out: its broken reprint fails
    git(repo, "checkout", "-q", "main")
    proc = run_action(repo, env)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    (line,) = [line for line in proc.stdout.splitlines() if line.startswith("::error")]
    assert "is not the pull request's head" in line and "pull_request_target" in line
    assert outputs(tmp_path)["errored"] == "1"


def test_a_pull_request_payload_without_its_commits_is_said_not_passed_over(tmp_path):
    """A payload naming the pull request but not its base and head commits made the Action check every file,
    quietly ("in 8 files" where the pull request changed one)."""
    repo, env = make_pull_request(tmp_path, {"content/a.md": "Text.\n"}, {"content/b.md": "Text.\n"})
    Path(env["GITHUB_EVENT_PATH"]).write_text(json.dumps({"pull_request": {"number": 7}}), encoding="utf-8")
    proc = run_action(repo, env)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "names no base and head commits" in proc.stdout and "changed-only: false" in proc.stdout
    assert run_action(repo, env, **{"changed-only": "false"}).returncode == 0


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_workflow_commands_are_utf8_whatever_the_locale_says(tmp_path, cli, encoding):
    """On a runner whose Python writes a pipe in a code page (Windows), the Action crashed on "Łódź.md" with no
    summary or outputs, and `--format github` named the file "\\u0141\\xf3d\\u017a.md", which GitHub cannot
    place: the runner reads workflow commands as UTF-8 on every system."""
    name = "Łódź.md"
    article = markdown(COMPLIANT_META, "Text without its credit.\n")
    repo, env = make_pull_request(tmp_path, {name: article}, {"a.txt": "x"})
    done = run_action(repo, {**env, "PYTHONIOENCODING": encoding})
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert f"::error file={name},line=" in done.stdout, done.stdout
    assert outputs(tmp_path)["errors"] == "3" and "Łódź" in (tmp_path / "summary.md").read_text(encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "reprint_guard", "check", "--no-config", "--format", "github", name],
        cwd=repo,
        env={**os.environ, "PYTHONIOENCODING": encoding},
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == 1 and f"::error file={name},line=".encode() in proc.stdout, proc.stdout


@pytest.mark.parametrize("variable", ["GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY"])
def test_a_runner_file_that_cannot_be_written_fails_the_step_in_one_line(tmp_path, variable):
    """GITHUB_OUTPUT or GITHUB_STEP_SUMMARY in a missing folder (or a folder): the step ended in a traceback,
    exit 1, twice when the config was broken too."""
    article = markdown(COMPLIANT_META, COMPLIANT_BODY)
    repo, env = make_pull_request(tmp_path, {"content/a.md": article}, {"content/b.md": article})
    env[variable] = str(tmp_path / "missing" / "file")
    proc = run_action(repo, env)
    assert proc.returncode == 2 and "Traceback" not in proc.stdout + proc.stderr, proc.stdout + proc.stderr
    said = f"::error title=reprint-guard workflow::reprint-guard: cannot write {variable} ({tmp_path}/missing/file): "
    assert said in proc.stdout, proc.stdout
    (repo / ".reprint-guard.yaml").write_text("fail-on: sometimes\n", encoding="utf-8")
    proc = run_action(repo, env)
    assert proc.returncode == 2 and "Traceback" not in proc.stdout + proc.stderr
    assert proc.stdout.count(f"cannot write {variable}") == 1, proc.stdout


def test_a_pull_request_run_with_no_git_to_run_says_so_in_one_line(tmp_path):
    """git not installed (not on PATH): the changed-only run says git failed, in one line, exit 2; no
    traceback (gitrun.run_git gives a git that cannot be run as a failed command)."""
    article = markdown(COMPLIANT_META, COMPLIANT_BODY)
    repo, env = make_pull_request(tmp_path, {"content/a.md": article}, {"content/b.md": article})
    env["PATH"] = str(tmp_path / "no-such-folder")
    proc = run_action(repo, env, paths="content")
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr + proc.stdout
    said = [line for line in (proc.stdout + proc.stderr).splitlines() if "git merge-base failed" in line]
    assert said and "No such file or directory" in said[0], (proc.stdout, proc.stderr)
    assert said[0].endswith("git could not be run: install git on the runner"), said  # not "run actions/checkout"


def test_the_summarys_rows_at_one_place_are_most_severe_first(tmp_path):
    """Three findings at one place (a note's, a warning's and an error's rule, in that order in the policy and
    in the JSON): the job summary's table lists the error first, then the warning, then the note; the rows at
    other places keep their order."""
    policy = (
        "id: two\nname: Two\npublisher: Two Test\nsource_url: https://two.example/terms\n"
        "applies_to: [two.example]\nrules:\n"
        "  - {id: a-note, check: text, phrase: read more, message: say read more, severity: info}\n"
        "  - {id: b-warn, check: text, phrase: read less, message: say read less, severity: warning}\n"
        "  - {id: c-error, check: text, phrase: read again, message: say read again}\n"
        "  - {id: d-warn, check: text, mode: forbid, phrase: noisy, message: no noise, severity: warning}\n"
    )
    story = "---\noriginal_url: https://two.example/a\n---\n\nThey are noisy.\n\nThe gulls are back.\n"
    base = {".reprint-guard.yaml": "policies: [policies/]\n", "policies/two.yaml": policy}
    repo, env = make_pull_request(tmp_path, base, {"content/story.md": story})
    proc = run_action(repo, env)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stdout + proc.stderr
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    rows = [line.split(" | ")[:3] for line in summary.splitlines() if line.startswith("| ") and "`two/" in line]
    assert [(where, rule) for where, _, rule in rows] == [
        ("| 5:10", "`two/d-warn`"),
        ("| 7:1", "`two/c-error`"),
        ("| 7:1", "`two/b-warn`"),
        ("| 7:1", "`two/a-note`"),
    ], rows
    # The JSON keeps the policy's order at one place: the summary's is its own.
    run = run_cli("check", "content/story.md", "--format", "json", cwd=repo)
    found = [f for result in run.json()["results"] for f in result["findings"]]
    assert [f["rule"] for f in found] == ["two/d-warn", "two/a-note", "two/b-warn", "two/c-error"]
