"""Follow-ups to the CI integrator's review of the Action: a file's lead annotation is its most severe finding;
a reprint the change turns into "not a reprint" (its sidecar deleted, its original_url taken out) is told.
Real git repositories, the Action's own script."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import COMPLIANT_BODY, COMPLIANT_META, GR_URL, git, markdown, run_cli, validate_sarif
from test_action import make_pull_request, outputs, run_action

#: A reprint on a commercial site with no permission recorded: one error, at line 6 (``commercial: true``).
BROKEN = markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY)
#: Twelve errors on added lines, two a file, as six new files bring them.
CROWDED = markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY.replace("Global Research", "GR"))


def _annotations(stdout: str, level: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith(f"::{level} ")]


def test_a_files_lead_annotation_is_its_error_not_the_warning_on_its_changed_line(tmp_path):
    """The review's pr-g: an edit adds a warning on a changed line of a file whose error stands on a line it
    left alone. The file's lead went to the warning, the new files' errors filled the limit, and the file
    showed only its warning."""
    edited = markdown({**COMPLIANT_META, "commercial": True, "published": "2024-01-01"}, COMPLIANT_BODY)
    head = {f"content/new-{i:02d}.md": CROWDED for i in range(6)}
    head["content/edited.md"] = edited  # a dates-reversed warning on its added line 8
    repo, env = make_pull_request(tmp_path, head, {"content/edited.md": BROKEN})
    proc = run_action(repo, env)
    errors = _annotations(proc.stdout, "error")
    assert len(errors) == 10, proc.stdout
    assert any(line.startswith("::error file=content/edited.md,line=6,") for line in errors), proc.stdout
    # Every file still annotated, and the warning too (the warnings' limit has room).
    assert {line.split(",")[0].split("=", 1)[1] for line in errors} == {
        "content/edited.md",
        *(f"content/new-{i:02d}.md" for i in range(6)),
    }
    warnings = _annotations(proc.stdout, "warning")
    assert any("content/edited.md" in line and "dates-reversed" in line for line in warnings), proc.stdout
    assert outputs(tmp_path)["not-annotated"] == "3"


def test_a_file_whose_errors_find_no_room_is_still_annotated_with_its_warning(tmp_path):
    """The leads take the most severe finding that still has room: twelve files with an error and a warning
    each; ten show their error, the last two their warning rather than nothing."""
    both = markdown({**COMPLIANT_META, "commercial": True, "published": "2024-01-01"}, COMPLIANT_BODY)
    head = {f"content/new-{i:02d}.md": both for i in range(12)}
    repo, env = make_pull_request(tmp_path, head, {"content/fine.md": "Text.\n"})
    proc = run_action(repo, env)
    errors, warnings = _annotations(proc.stdout, "error"), _annotations(proc.stdout, "warning")
    annotated = {line.split(",")[0].split("=", 1)[1] for line in errors + warnings}
    assert annotated == {f"content/new-{i:02d}.md" for i in range(12)}, proc.stdout
    assert len(errors) == 10 and len(warnings) == 10


# A reprint that stops being one ---------------------------------------------------------------------------

#: A whole page whose metadata is in its sidecar; checked, it fails grist's... any policy's credit: here a
#: Global Research page with no credit line, an error.
PAGE = "<html><head><title>Heat</title></head><body><p>A story about the heat.</p></body></html>"
SIDECAR = f"original_url: {GR_URL}\ncommercial: false\nmedium: web\n"


def test_deleting_a_reprints_sidecar_is_told_not_passed_as_not_a_reprint(tmp_path, sarif_schema):
    """The review's pr-i: git rm of the sidecar turned a failing reprint into "skipped (not a reprint)", exit 0."""
    base = {"content/heat.html": PAGE, "content/heat.meta.yaml": SIDECAR}
    repo, env = make_pull_request(tmp_path, {"content/notes.md": "Text.\n"}, base, deleted=("content/heat.meta.yaml",))
    proc = run_action(repo, env)
    (said,) = [line for line in proc.stdout.splitlines() if "no-longer-a-reprint" in line]
    assert said.startswith("::warning file=content/heat.html,line=1,"), said
    assert "content/heat.meta.yaml is gone" in said and "the pull request's base" in said, said
    assert outputs(tmp_path)["warnings"] == "1"
    sarif = json.loads((repo / outputs(tmp_path)["sarif"]).read_text(encoding="utf-8"))
    validate_sarif(sarif, sarif_schema)
    (rule,) = [r for r in sarif["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "reprint-guard/no-longer-a-reprint"]
    assert rule["shortDescription"]["text"].startswith("A file checked as a reprint at the base commit"), rule


#: A body that credits no one: taken for the site's own when its metadata names no original.
PLAIN = "# The harbour that was sold\n\nA long paragraph about a harbour and a sale nobody voted for.\n"
#: A reprint of it that fails: no credit, no link, no notice.
UNCREDITED = markdown(COMPLIANT_META, PLAIN)


def _own(meta: dict) -> dict:
    """The metadata with what makes it a reprint taken out (original_url, and the date of the original)."""
    return {k: v for k, v in meta.items() if k not in ("original_url", "original_published")}


def test_taking_original_url_out_of_the_front_matter_is_told_at_line_1(tmp_path):
    head = {"content/a.md": markdown(_own(COMPLIANT_META), PLAIN)}
    repo, env = make_pull_request(tmp_path, head, {"content/a.md": UNCREDITED})
    proc = run_action(repo, env)
    assert proc.returncode == 0, proc.stdout + proc.stderr  # a warning: fail-on error passes it, told
    (said,) = [line for line in proc.stdout.splitlines() if line.startswith("::warning ")]
    assert said.startswith("::warning file=content/a.md,line=1,col=1,title=reprint-guard/no-longer-a-reprint::")
    assert "neither original_url nor policy" in said and "restore original_url (or policy)" in said
    assert "1 skipped" not in (tmp_path / "summary.md").read_text(encoding="utf-8")
    # fail-on: warning fails it, as any warning does
    assert run_action(repo, env, **{"fail-on": "warning"}).returncode == 1


def test_a_full_run_and_new_findings_only_tell_it_too(tmp_path):
    base = {"content/heat.html": PAGE, "content/heat.meta.yaml": SIDECAR, "content/old.md": BROKEN}
    repo, env = make_pull_request(tmp_path, {"content/notes.md": "Text.\n"}, base, deleted=("content/heat.meta.yaml",))
    for inputs in (
        {"changed-only": "false"},
        {"new-findings-only": "true"},
        {"changed-only": "false", "new-findings-only": "true"},
    ):
        proc = run_action(repo, env, **inputs)
        told = [line for line in proc.stdout.splitlines() if "no-longer-a-reprint" in line]
        assert len(told) == 1 and told[0].startswith("::warning file=content/heat.html,line=1,"), (inputs, proc.stdout)


def test_a_file_the_pull_request_left_alone_or_added_as_the_sites_own_is_not_told(tmp_path):
    """Only files the change touched are compared with the base: an own article added, one left as it was, and
    a reprint's sidecar renamed with its article (the article still a reprint) say nothing."""
    base = {"content/mine.md": "# Mine\n\nText.\n", "content/heat.html": PAGE, "content/heat.meta.yaml": SIDECAR}
    head = {"content/new.md": "# New\n\nOur own.\n", "content/mine.md": "# Mine\n\nMore text.\n"}
    repo, env = make_pull_request(tmp_path, head, base)
    git(repo, "mv", "content/heat.html", "content/hot.html")
    git(repo, "mv", "content/heat.meta.yaml", "content/hot.meta.yaml")
    git(repo, "commit", "-q", "-m", "rename both")
    event = json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text())
    event["pull_request"]["head"]["sha"] = git(repo, "rev-parse", "HEAD")
    Path(env["GITHUB_EVENT_PATH"]).write_text(json.dumps(event))
    for inputs in ({}, {"changed-only": "false"}):
        proc = run_action(repo, env, **inputs)
        assert "no-longer-a-reprint" not in proc.stdout, proc.stdout


def test_it_is_suppressed_with_a_reason_or_turned_off_in_the_config(tmp_path):
    comment = '<!-- reprint-guard: ignore reprint-guard/no-longer-a-reprint reason="Our own rewrite now" -->\n'
    own = markdown(_own(COMPLIANT_META), comment + PLAIN)
    repo, env = make_pull_request(tmp_path, {"content/a.md": own}, {"content/a.md": UNCREDITED})
    proc = run_action(repo, env)
    assert "::warning" not in proc.stdout and proc.returncode == 0, proc.stdout + proc.stderr
    assert outputs(tmp_path)["warnings"] == "0"
    config = "severity:\n  reprint-guard/no-longer-a-reprint: off\n"
    head = {"content/a.md": markdown(_own(COMPLIANT_META), PLAIN)}
    (tmp_path / "off").mkdir()
    other, env = make_pull_request(tmp_path / "off", head, {"content/a.md": UNCREDITED, ".reprint-guard.yaml": config})
    proc = run_action(other, env)
    assert "::warning" not in proc.stdout and "1 skipped" in (tmp_path / "off" / "summary.md").read_text()


def test_check_with_a_baseline_commit_tells_it_too(tmp_path):
    repo, _ = make_pull_request(
        tmp_path, {"content/notes.md": "Text.\n"}, {"content/heat.html": PAGE, "content/heat.meta.yaml": SIDECAR}
    )
    git(repo, "rm", "-q", "content/heat.meta.yaml")
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 0, run.out + run.err
    (result,) = [r for r in run.json()["results"] if r["path"] == "content/heat.html"]
    assert [(f["rule"], f["line"], f["suppressed"]) for f in result["findings"]] == [
        ("reprint-guard/no-longer-a-reprint", 1, None)
    ]
    # The pre-commit hook's way: the staged files against HEAD.
    run = run_cli("check", "--staged", "--force-include", "content/heat.html", "--baseline-commit", "HEAD", cwd=repo)
    assert "no-longer-a-reprint" in run.out, run.out + run.err
