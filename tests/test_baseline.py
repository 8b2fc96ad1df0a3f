"""``--baseline-commit`` and the Action's ``new-findings-only``: real git repositories, the real CLI and Action."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jsonschema
import pytest

from conftest import COMPLIANT_BODY, COMPLIANT_META, ROOT, git, markdown, run_cli, validate_sarif
from test_action import commit_to_pull_request, make_pull_request, outputs, run_action

#: A reprint with no credit, notice or link: three errors, as an old post that never met its terms.
UNCREDITED = """# The harbour that was sold

A long paragraph about a harbour, its workers and a sale nobody voted for.

*First published elsewhere.*
"""
OLD_POST = markdown(COMPLIANT_META, UNCREDITED)
REPORT_SCHEMA = json.loads((ROOT / "src/reprint_guard/schemas/report.schema.json").read_text(encoding="utf-8"))


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def repository(tmp_path: Path, files: dict[str, str]) -> Path:
    repo = tmp_path / "site"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    for name, text in files.items():
        write(repo / name, text)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    return repo


def findings(run) -> dict[str, list[tuple[str, str | None]]]:
    """Each file's findings as (rule, suppression kind), from a JSON report validated against its schema."""
    report = run.json()
    jsonschema.validate(report, REPORT_SCHEMA)
    return {
        r["path"]: [(f["rule"], (f["suppressed"] or {}).get("kind")) for f in r["findings"]] for r in report["results"]
    }


def md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()


def test_an_old_posts_findings_are_suppressed_and_the_run_passes(tmp_path):
    repo = repository(tmp_path, {"content/old.md": OLD_POST})
    plain = run_cli("check", "content", cwd=repo)
    assert plain.code == 1
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 0, run.out + run.err
    got = findings(run)["content/old.md"]
    assert len(got) == 3 and {kind for _, kind in got} == {"baseline"}
    report = run.json()
    reason = report["results"][0]["findings"][0]["suppressed"]["reason"]
    assert reason.startswith("already in the baseline commit (main, ") and reason.endswith(")")
    assert report["summary"]["suppressed"] == 3 and report["summary"]["errors"] == 0
    text = run_cli("check", "content", "--baseline-commit", "main", cwd=repo)
    assert text.code == 0
    assert "3 findings suppressed (3 already in the baseline commit)" in text.out


def test_an_edit_that_breaks_a_new_term_fails_on_that_finding_alone(tmp_path):
    repo = repository(tmp_path, {"content/old.md": OLD_POST})
    write(repo / "content/old.md", markdown({**COMPLIANT_META, "commercial": True}, UNCREDITED + "\nOne more line.\n"))
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 1
    got = findings(run)["content/old.md"]
    assert ("global-research/commercial-permission", None) in got
    assert sorted(kind or "" for _, kind in got) == ["", "baseline", "baseline", "baseline"]


def test_a_finding_the_old_copy_had_once_is_new_the_second_time(tmp_path):
    """Counted, as the SARIF fingerprint counts: a second photo breaking the same term as the first is one
    more finding only where the rule reports each item; here two copies of one forbidden phrase are one
    finding, so the identity is checked on the tool's own findings, one per bad suppression comment."""
    bad = "<!-- reprint-guard: ignore global-research/link-original -->\n"  # no reason: invalid, one each
    repo = repository(tmp_path, {"content/a.md": markdown(COMPLIANT_META, COMPLIANT_BODY + bad)})
    write(repo / "content/a.md", markdown(COMPLIANT_META, COMPLIANT_BODY + bad + "\nMore.\n\n" + bad))
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    got = findings(run)["content/a.md"]
    invalid = [kind for rule, kind in got if rule == "reprint-guard/invalid-suppression"]
    assert sorted(kind or "" for kind in invalid) == ["", "baseline"], got
    assert run.code == 1


def test_a_renamed_post_keeps_its_old_findings_and_a_new_post_has_none_suppressed(tmp_path):
    repo = repository(tmp_path, {"content/old.md": OLD_POST})
    (repo / "content/2024").mkdir()
    git(repo, "mv", "content/old.md", "content/2024/old-renamed.md")
    write(repo / "content/2024/old-renamed.md", OLD_POST + "\nAn editor's line.\n")
    write(repo / "content/new.md", markdown({**COMPLIANT_META, "title": "Ferries"}, "# Ferries\n\nFewer crossings.\n"))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "move")
    run = run_cli("check", "content", "--baseline-commit", "HEAD~1", "--format", "json", cwd=repo)
    got = findings(run)
    assert {kind for _, kind in got["content/2024/old-renamed.md"]} == {"baseline"}
    assert {kind for _, kind in got["content/new.md"]} == {None}
    assert run.code == 1
    # A file git does not track yet is new too.
    write(repo / "content/untracked.md", OLD_POST)
    run = run_cli("check", "content/untracked.md", "--baseline-commit", "HEAD", "--format", "json", cwd=repo)
    assert {kind for _, kind in findings(run)["content/untracked.md"]} == {None}


def test_a_post_whose_sidecar_changed_is_held_to_its_copy_read_with_the_commits_sidecar(tmp_path):
    """The commit's copy is read with the commit's sidecar (commercial: false): a sidecar's change (commercial:
    true) brings its one finding, new; the three the post had there stay held."""
    meta = "\n".join(f"{k}: {json.dumps(v)}" for k, v in COMPLIANT_META.items()) + "\n"
    repo = repository(tmp_path, {"content/post.md": UNCREDITED, "content/post.meta.yaml": meta})
    write(repo / "content/post.meta.yaml", meta.replace("commercial: false", "commercial: true"))
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 1, run.out + run.err
    got = findings(run)["content/post.md"]
    assert [rule for rule, kind in got if kind is None] == ["global-research/commercial-permission"]
    assert sorted(kind or "" for _, kind in got) == ["", "baseline", "baseline", "baseline"]
    reasons = {(f["suppressed"] or {}).get("reason") for f in run.json()["results"][0]["findings"]} - {None}
    assert len(reasons) == 1 and next(iter(reasons)).startswith("already in the baseline commit (main, ")
    # A sidecar change that fixes nothing and breaks nothing (the title) leaves the run passing.
    write(repo / "content/post.meta.yaml", meta.replace("was sold", "was sold off"))
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 0, run.out + run.err
    assert {kind for _, kind in findings(run)["content/post.md"]} == {"baseline"}
    # Put back as the commit has it, the page is the commit's: all its findings are the baseline's.
    write(repo / "content/post.meta.yaml", meta)
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert {kind for _, kind in findings(run)["content/post.md"]} == {"baseline"}
    assert run.code == 0


def test_a_renamed_post_with_a_changed_sidecar_is_held_to_its_old_names_copy(tmp_path):
    """Renamed (git mv) and its sidecar changed: its copy at the commit is read under its old name, with the
    sidecar the commit had beside it."""
    meta = "\n".join(f"{k}: {json.dumps(v)}" for k, v in COMPLIANT_META.items()) + "\n"
    repo = repository(tmp_path, {"content/post.md": UNCREDITED, "content/post.meta.yaml": meta})
    git(repo, "mv", "content/post.md", "content/renamed.md")
    git(repo, "mv", "content/post.meta.yaml", "content/renamed.meta.yaml")
    write(repo / "content/renamed.meta.yaml", meta.replace("commercial: false", "commercial: true"))
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 1, run.out + run.err
    got = findings(run)["content/renamed.md"]
    assert [rule for rule, kind in got if kind is None] == ["global-research/commercial-permission"]
    assert sorted(kind or "" for _, kind in got) == ["", "baseline", "baseline", "baseline"]


def test_a_suppression_taken_out_brings_its_finding_back(tmp_path):
    comment = '<!-- reprint-guard: ignore global-research/commercial-permission reason="Agreed by email" -->\n'
    commercial = {**COMPLIANT_META, "commercial": True}
    repo = repository(tmp_path, {"content/a.md": markdown(commercial, COMPLIANT_BODY + comment)})
    write(repo / "content/a.md", markdown(commercial, COMPLIANT_BODY))
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert findings(run)["content/a.md"] == [("global-research/commercial-permission", None)]
    assert run.code == 1


def test_staged_files_compare_the_index_with_the_commit(tmp_path):
    """As a pre-commit hook passes them: --staged reads the index, and the baseline compares it with HEAD."""
    repo = repository(tmp_path, {"content/old.md": OLD_POST})
    write(repo / "content/old.md", markdown({**COMPLIANT_META, "commercial": True}, UNCREDITED))
    git(repo, "add", "content/old.md")
    write(repo / "content/old.md", OLD_POST)  # the working copy put back; the index holds the change
    args = ("check", "--staged", "--force-include", "content/old.md", "--baseline-commit", "HEAD")
    run = run_cli(*args, "--format", "json", cwd=repo)
    assert ("global-research/commercial-permission", None) in findings(run)["content/old.md"]
    assert run.code == 1
    git(repo, "add", "content/old.md")  # staged as the commit has it: nothing new
    run = run_cli(*args, cwd=repo)
    assert run.code == 0, run.out + run.err


def test_worker_processes_give_the_same_report(tmp_path):
    files = {f"content/p{i:03d}.md": OLD_POST for i in range(70)}  # 64 or more: worker processes
    repo = repository(tmp_path, files)
    write(repo / "content/p005.md", markdown({**COMPLIANT_META, "commercial": True}, UNCREDITED))
    one = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", "--jobs", "1", cwd=repo)
    two = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", "--jobs", "2", cwd=repo)
    assert one.code == two.code == 1
    assert one.json()["results"] == two.json()["results"]
    assert one.json()["summary"]["errors"] == 1


def test_sarif_marks_baseline_findings_as_external_suppressions(tmp_path, sarif_schema):
    repo = repository(tmp_path, {"content/old.md": OLD_POST})
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "sarif", cwd=repo)
    assert run.code == 0
    log = json.loads(run.out)
    validate_sarif(log, sarif_schema)
    results = log["runs"][0]["results"]
    assert len(results) == 3
    for result in results:
        (suppression,) = result["suppressions"]
        assert suppression["kind"] == "external"
        assert suppression["justification"].startswith("already in the baseline commit (main, ")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--baseline-commit", "no-such"), "--baseline-commit: 'no-such' is no commit of this repository"),
        (("--baseline-commit", ""), "--baseline-commit needs a commit"),
        (("--baseline-commit=--all",), "--baseline-commit: '--all' is no commit"),
        (("--baseline-commit", "main", "--fix"), "--baseline-commit leaves out the findings a file already had"),
        (("--baseline-commit", "main", "--diff"), "--baseline-commit leaves out the findings a file already had"),
    ],
)
def test_a_baseline_that_is_no_commit_is_one_line_and_exit_2(tmp_path, args, said):
    repo = repository(tmp_path, {"content/old.md": OLD_POST})
    before = md5(repo / "content/old.md")
    run = run_cli("check", "content", *args, cwd=repo)
    assert run.code == 2
    lines = run.err.strip().splitlines()
    assert len(lines) == 1 and said in lines[0], run.err
    assert "Traceback" not in run.err
    assert md5(repo / "content/old.md") == before


def test_outside_a_git_work_tree_the_baseline_is_refused(tmp_path):
    write(tmp_path / "plain/old.md", OLD_POST)
    outside = {"GIT_CEILING_DIRECTORIES": str(tmp_path)}
    run = run_cli("check", "old.md", "--baseline-commit", "HEAD", cwd=tmp_path / "plain", env=outside)
    assert run.code == 2
    said = "reprint-guard: --baseline-commit: not in a git work tree (the baseline is a commit of one)"
    assert run.err.strip() == said


# The Action --------------------------------------------------------------------------------------


def test_the_action_fails_a_pull_request_only_on_the_findings_it_brings(tmp_path, sarif_schema):
    base = {"content/old.md": OLD_POST, "content/fine.md": markdown(COMPLIANT_META, COMPLIANT_BODY)}
    head = {
        "content/old.md": OLD_POST.replace("A long paragraph", "A longer paragraph"),  # touched, still as broken
        "content/fine.md": markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY),  # a new finding
    }
    repo, env = make_pull_request(tmp_path, head, base)
    plain = run_action(repo, env, paths="content")
    assert plain.returncode == 1
    assert outputs(tmp_path)["errors"] == "4"

    proc = run_action(repo, env, paths="content", **{"new-findings-only": "true"})
    assert proc.returncode == 1, proc.stdout + proc.stderr
    annotations = [line for line in proc.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == 1 and "content/fine.md" in annotations[0] and "commercial" in annotations[0]
    assert outputs(tmp_path)["errors"] == "1"
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "3 findings suppressed (3 already in the baseline commit)" in summary
    assert "already in the baseline commit (the pull request's base, " in summary
    sarif = json.loads((repo / outputs(tmp_path)["sarif"]).read_text(encoding="utf-8"))
    validate_sarif(sarif, sarif_schema)
    kinds = sorted(r.get("suppressions", [{}])[0].get("kind", "") for r in sarif["runs"][0]["results"])
    assert kinds == ["", "external", "external", "external"]


def test_the_action_on_a_merge_checkout_compares_with_the_base_as_it_is_now(tmp_path):
    """GitHub checks out a merge of the head into the base branch; the base may have moved on."""
    repo, env = make_pull_request(tmp_path, {"content/old.md": OLD_POST + "\nEdited.\n"}, {"content/old.md": OLD_POST})
    git(repo, "checkout", "-q", "main")
    write(repo / "content/other.md", OLD_POST)  # the base moved on after the branch started
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base moves on")
    git(repo, "merge", "-q", "--no-ff", "-m", "merge", "reprints")
    proc = run_action(repo, env, paths="content", **{"new-findings-only": "true"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert outputs(tmp_path)["errors"] == "0"


def test_the_action_refuses_a_new_findings_only_that_is_not_true_or_false(tmp_path):
    repo, env = make_pull_request(tmp_path, {"content/old.md": OLD_POST + "\nEdited.\n"}, {"content/old.md": OLD_POST})
    proc = run_action(repo, env, paths="content", **{"new-findings-only": "ture"})
    assert proc.returncode == 2
    assert "new-findings-only must be true or false, not 'ture'" in proc.stdout
    assert "Traceback" not in proc.stdout + proc.stderr


def test_a_finding_at_the_sidecar_of_a_renamed_page_is_held_at_its_sidecar_now(tmp_path):
    """A commercial page's commercial-permission error stands at its sidecar's `commercial` line. Renamed with
    its sidecar and the sidecar edited, the page's copy at the commit is read with the old sidecar: the error
    there, at the old sidecar's name, is the one at the sidecar now."""
    meta = "".join(f"{k}: {json.dumps(v)}\n" for k, v in {**COMPLIANT_META, "commercial": True}.items())
    repo = repository(tmp_path, {"content/post.md": COMPLIANT_BODY, "content/post.meta.yaml": meta})
    git(repo, "mv", "content/post.md", "content/renamed.md")
    git(repo, "mv", "content/post.meta.yaml", "content/renamed.meta.yaml")
    write(repo / "content/renamed.meta.yaml", meta.replace("was sold", "was sold off"))
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 0, run.out + run.err
    report = run.json()["results"][0]
    standing = [(f["rule"], f.get("file")) for f in report["findings"]]
    assert standing == [("global-research/commercial-permission", "content/renamed.meta.yaml")], report
    assert report["findings"][0]["suppressed"]["kind"] == "baseline"


@pytest.mark.parametrize("sidecar_left", [True, False])
def test_a_post_renamed_without_its_sidecar_is_held_to_its_copy_read_with_the_commits_sidecar(tmp_path, sidecar_left):
    """git mv of the page alone: at the commit it was read with post.meta.yaml (its author), now with no sidecar.
    Its copy at the commit read at its new name, with no sidecar either, had the error losing the sidecar brings
    (no author: the copyright notice unchecked), so the run passed; read under its old name beside the commit's
    sidecar it has none, and the error is new."""
    fm = "".join(f"{k}: {json.dumps(v)}\n" for k, v in COMPLIANT_META.items() if k != "author")
    repo = repository(
        tmp_path, {"content/post.md": f"---\n{fm}---\n{COMPLIANT_BODY}", "content/post.meta.yaml": "author: Ana Ruiz\n"}
    )
    assert run_cli("check", "content", cwd=repo).code == 0
    git(repo, "mv", "content/post.md", "content/renamed.md")
    if not sidecar_left:
        git(repo, "rm", "-q", "content/post.meta.yaml")
    run = run_cli("check", "content/renamed.md", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 1, run.out + run.err
    assert findings(run)["content/renamed.md"] == [("global-research/copyright-notice", None)]
    # Its sidecar moved with it, unchanged: the commit's reading, nothing new.
    if sidecar_left:
        git(repo, "mv", "content/post.meta.yaml", "content/renamed.meta.yaml")
        run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
        assert run.code == 0, run.out + run.err
        assert findings(run)["content/renamed.md"] == []


@pytest.mark.parametrize("changed_only", ["true", "false"])
def test_new_findings_only_fails_a_post_renamed_away_from_its_sidecar(tmp_path, changed_only):
    fm = "".join(f"{k}: {json.dumps(v)}\n" for k, v in COMPLIANT_META.items() if k != "author")
    base = {"content/post.md": f"---\n{fm}---\n{COMPLIANT_BODY}", "content/post.meta.yaml": "author: Ana Ruiz\n"}
    repo, env = make_pull_request(tmp_path, {}, base, deleted=("content/post.meta.yaml",))
    git(repo, "mv", "content/post.md", "content/renamed.md")
    commit_to_pull_request(repo, env, "rename the page")
    run = run_action(repo, env, **{"new-findings-only": "true", "changed-only": changed_only})
    assert run.returncode == 1, run.stdout + run.stderr
    assert "::error file=content/renamed.md," in run.stdout and "copyright-notice" in run.stdout


@pytest.mark.parametrize("linked", ["sidecar", "page"])
def test_a_link_whose_target_changed_is_not_taken_as_the_commits(tmp_path, linked):
    """A sidecar (post.meta.yaml -> ../meta/post.yaml) or a page (post.md -> ../drafts/post.md) that is a link git
    tracks, its target set commercial: true since the commit: the link's own name is not in the diff, and every
    finding was held as the commit's (the run passed). The commercial-permission error the change brings is new."""
    if linked == "sidecar":
        repo = repository(tmp_path, {"content/post.md": UNCREDITED, "meta/post.yaml": "".join(_meta_lines())})
        (repo / "content/post.meta.yaml").symlink_to("../meta/post.yaml")
        changed, text = repo / "meta/post.yaml", "".join(_meta_lines(commercial=True))
    else:
        repo = repository(tmp_path, {"drafts/post.md": OLD_POST, "content/notes.txt": "notes\n"})
        (repo / "content/post.md").symlink_to("../drafts/post.md")
        changed, text = repo / "drafts/post.md", markdown({**COMPLIANT_META, "commercial": True}, UNCREDITED)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "link")
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 0, run.out + run.err
    write(changed, text)
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 1, run.out + run.err
    got = findings(run)["content/post.md"]
    assert [rule for rule, kind in got if kind is None] == ["global-research/commercial-permission"]
    assert sorted(kind or "" for _, kind in got) == ["", "baseline", "baseline", "baseline"]


def _meta_lines(**over):
    return [f"{k}: {json.dumps(v)}\n" for k, v in {**COMPLIANT_META, **over}.items()]


def test_a_post_whose_sidecar_at_the_commit_does_not_read_is_warned_of_as_such(tmp_path):
    """The commit's sidecar is no YAML, today's is: nothing of the page can be held, and the warning says why
    the page was compared with its copy there (its sidecar changed), not that a changed site file reaches it."""
    meta = "".join(_meta_lines())
    repo = repository(tmp_path, {"content/post.md": UNCREDITED, "content/post.meta.yaml": meta + "bad: [\n"})
    write(repo / "content/post.meta.yaml", meta)
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 1, run.out + run.err
    assert {kind for _, kind in findings(run)["content/post.md"]} == {None}
    assert "warning: a page whose metadata sidecar or site files changed could not be checked as " in run.err
    assert "site file reaches" not in run.err and "Traceback" not in run.err


def test_a_deleted_configs_suppression_is_the_commits_for_a_post_whose_sidecar_changed(tmp_path):
    """The commit's config suppressed the post's copyright-notice error; the change deletes the config and retitles
    the post's sidecar. The post's copy at the commit is read with the commit's config (found where the run looked
    for its own, and found none), so the error, suppressed there, is new, as when the config is kept and the
    suppression taken out of it."""
    config = (
        "suppressions:\n  - path: content/post.md\n    rule: global-research/copyright-notice\n"
        "    reason: Agreed with the author\n"
    )
    meta = "".join(_meta_lines())
    repo = repository(
        tmp_path, {".reprint-guard.yaml": config, "content/post.md": UNCREDITED, "content/post.meta.yaml": meta}
    )
    git(repo, "rm", "-q", ".reprint-guard.yaml")
    write(repo / "content/post.meta.yaml", meta.replace("was sold", "was sold off"))
    for cwd in (repo, repo / "content"):
        run = run_cli("check", ".", "--baseline-commit", "main", "--format", "json", cwd=cwd)
        assert run.code == 1, run.out + run.err
        [got] = findings(run).values()
        assert sorted(kind or "" for _, kind in got) == ["", "baseline", "baseline"]
        assert ("global-research/copyright-notice", None) in got
    # --no-config: the run takes none, nor does the commit's copy: all three held.
    run = run_cli("check", "content", "--no-config", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 0, run.out + run.err


@pytest.mark.parametrize("changed_only", ["true", "false"])
def test_new_findings_only_reads_a_deleted_config_for_a_post_whose_sidecar_changed(tmp_path, changed_only):
    config = (
        "suppressions:\n  - path: content/post.md\n    rule: global-research/copyright-notice\n"
        "    reason: Agreed with the author\n"
    )
    meta = "".join(_meta_lines())
    base = {".reprint-guard.yaml": config, "content/post.md": UNCREDITED, "content/post.meta.yaml": meta}
    head = {"content/post.meta.yaml": meta.replace("was sold", "was sold off")}
    repo, env = make_pull_request(tmp_path, head, base, deleted=(".reprint-guard.yaml",))
    run = run_action(repo, env, **{"new-findings-only": "true", "changed-only": changed_only})
    assert run.returncode == 1, run.stdout + run.stderr
    errors = [line for line in run.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == 1 and "global-research/copyright-notice" in errors[0], run.stdout


@pytest.mark.parametrize("moved_to", ["pyproject.toml", ".reprint-guard.yml"])
def test_a_config_moved_under_another_name_is_the_commits_for_a_post_whose_sidecar_changed(tmp_path, moved_to):
    """The commit's ``.reprint-guard.yaml`` suppressed the post's copyright-notice error; the change moves the config
    into ``pyproject.toml`` (or ``.reprint-guard.yml``) without that suppression and retitles the post's sidecar.
    The post's copy at the commit is read with the config the commit's run found (looked for where the run looked
    for its own), not with the commit's copy of the config found now (which the commit does not hold): the error
    is new, as when the config is kept and the suppression taken out of it."""
    config = (
        "suppressions:\n  - path: content/post.md\n    rule: global-research/copyright-notice\n"
        "    reason: Agreed with the author\n"
    )
    meta = "".join(_meta_lines())
    repo = repository(
        tmp_path, {".reprint-guard.yaml": config, "content/post.md": UNCREDITED, "content/post.meta.yaml": meta}
    )
    git(repo, "rm", "-q", ".reprint-guard.yaml")
    moved = '[project]\nname = "site"\n\n[tool.reprint-guard]\nfail-on = "error"\n'
    write(repo / moved_to, moved if moved_to == "pyproject.toml" else "fail-on: error\n")
    write(repo / "content/post.meta.yaml", meta.replace("was sold", "was sold off"))
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 1, run.out + run.err
    [got] = findings(run).values()
    assert sorted(kind or "" for _, kind in got) == ["", "baseline", "baseline"]
    assert ("global-research/copyright-notice", None) in got
    # Named with --config, the config is the commit's copy of that file: the commit holds none, so none is read.
    run = run_cli("check", "content", "--config", moved_to, "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 0, run.out + run.err
    # The Action, changed-only and full runs alike.
    (tmp_path / "pr").mkdir()
    head = {moved_to: (tmp_path / "site" / moved_to).read_text(encoding="utf-8")}
    head["content/post.meta.yaml"] = meta.replace("was sold", "was sold off")
    base = {".reprint-guard.yaml": config, "content/post.md": UNCREDITED, "content/post.meta.yaml": meta}
    repo_pr, env = make_pull_request(tmp_path / "pr", head, base, deleted=(".reprint-guard.yaml",))
    for changed_only in ("true", "false"):
        action = run_action(repo_pr, env, **{"new-findings-only": "true", "changed-only": changed_only})
        assert action.returncode == 1, action.stdout + action.stderr
        errors = [line for line in action.stdout.splitlines() if line.startswith("::error ")]
        assert len(errors) == 1 and "global-research/copyright-notice" in errors[0], action.stdout


#: Every page commercial, but the community section's (an override) and the partners' commercial-permission error
#: (a suppression): the config's paths give pages values and suppressions as a Hugo section's cascade does.
PATHS_CONFIG = """defaults:
  commercial: true
  medium: web
overrides:
  - paths: ["content/community/**"]
    metadata: {commercial: false}
suppressions:
  - path: content/partners/**
    rule: global-research/commercial-permission
    reason: Agreed with the partner
"""
NO_COMMERCIAL = {k: v for k, v in COMPLIANT_META.items() if k != "commercial"}


@pytest.mark.parametrize("moved", [("community", "p"), ("partners", "q")])
def test_a_post_moved_out_of_a_configs_paths_is_held_to_its_copy_at_its_old_name(tmp_path, moved):
    """A post ``git mv``-ed out of the folder an override gives ``commercial: false`` (or a suppression covers): the
    commercial-permission error the move brings is new, not held as the commit's (its copy there read at the new
    name would take the new name's values); the CLI and the Action's changed-only and full runs agree. A post that
    stays keeps its findings held, and one moved between folders the config treats alike needs no copy."""
    folder, stem = moved
    files = {
        ".reprint-guard.yaml": PATHS_CONFIG,
        f"content/{folder}/{stem}.md": markdown(NO_COMMERCIAL, COMPLIANT_BODY),
    }
    repo = repository(tmp_path, files)
    (repo / "content/news").mkdir()
    git(repo, "mv", f"content/{folder}/{stem}.md", f"content/news/{stem}.md")
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 1, run.out + run.err
    assert findings(run) == {f"content/news/{stem}.md": [("global-research/commercial-permission", None)]}
    git(repo, "mv", f"content/news/{stem}.md", f"content/{folder}/{stem}2.md")  # within the paths: as the commit
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 0, run.out + run.err
    (tmp_path / "pr").mkdir()
    repo, env = make_pull_request(tmp_path / "pr", {"notes.txt": "Moving posts.\n"}, files)
    (repo / "content/news").mkdir()
    git(repo, "mv", f"content/{folder}/{stem}.md", f"content/news/{stem}.md")
    commit_to_pull_request(repo, env, "moved")
    for changed_only in ("true", "false"):
        action = run_action(repo, env, **{"new-findings-only": "true", "changed-only": changed_only})
        assert action.returncode == 1, action.stdout + action.stderr
        errors = [line for line in action.stdout.splitlines() if line.startswith("::error ")]
        assert len(errors) == 1 and "commercial-permission" in errors[0], action.stdout


def test_a_post_renamed_to_another_date_in_its_name_is_held_to_its_copy_at_its_old_name(tmp_path):
    """A ``_posts`` file's name dates a post whose front matter does not (GitHub Pages builds a repository with no
    ``_config.yml`` as a Jekyll site): renamed to a day before the original's, the post breaks Montana Free Press's
    not-before-next-day term. Its copy at the commit is read at its old name (its old date), so that error is new
    and the old ones stay held, in the CLI and the Action's changed-only and full runs."""
    meta = {
        "title": "Rivers run low",
        "author": "Ana Ruiz",
        "original_url": "https://montanafreepress.org/2024/03/02/rivers-run-low/",
        "original_published": "2024-03-02",
        "medium": "web",
        "commercial": False,
    }
    files = {"_posts/2024-03-05-rivers-run-low.md": markdown(meta, "# Rivers run low\n\nA paragraph about rivers.\n")}
    repo = repository(tmp_path, files)
    git(repo, "mv", "_posts/2024-03-05-rivers-run-low.md", "_posts/2024-03-01-rivers-run-low.md")
    run = run_cli("check", "_posts", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 1, run.out + run.err
    [got] = findings(run).values()
    assert [rule for rule, kind in got if kind is None] == ["montana-free-press/not-before-next-day"]
    assert len(got) > 1 and all(kind == "baseline" for rule, kind in got if not rule.endswith("next-day"))
    (tmp_path / "pr").mkdir()
    repo, env = make_pull_request(tmp_path / "pr", {"notes.txt": "Redated.\n"}, files)
    git(repo, "mv", "_posts/2024-03-05-rivers-run-low.md", "_posts/2024-03-01-rivers-run-low.md")
    commit_to_pull_request(repo, env, "redated")
    for changed_only in ("true", "false"):
        action = run_action(repo, env, **{"new-findings-only": "true", "changed-only": changed_only})
        assert action.returncode == 1, action.stdout + action.stderr
        errors = [line for line in action.stdout.splitlines() if line.startswith("::error ")]
        assert len(errors) == 1 and "not-before-next-day" in errors[0], action.stdout


def test_a_post_made_html_from_markdown_is_held_to_its_markdown_copy(tmp_path):
    """``post.md`` rewritten as ``post.html`` (git pairs them as a rename), its credit link dropped on the way: the
    commit's copy is read as the Markdown it was (at its old name), where the link is one, so link-original is new;
    read as HTML, its Markdown link would be none and the error held as old."""
    para = "A long paragraph about a harbour, its workers and a sale nobody voted for. " * 12
    source = f"*The original source of this article is [Global Research]({COMPLIANT_META['original_url']}).*"
    notice = "Copyright © Ana Ruiz, Global Research, 2024"
    page = f"# The harbour that was sold\n\n{para}\n\n{para}\n\n{source}\n\n{notice}\n"
    meta = "".join(_meta_lines())
    repo = repository(tmp_path, {"content/post.md": page, "content/post.meta.yaml": meta})
    clean = run_cli("check", "content", "--format", "json", cwd=repo)
    assert clean.code == 0, clean.out + clean.err
    git(repo, "rm", "-q", "content/post.md")
    html = f"<h1>The harbour that was sold</h1>\n\n<p>\n{para}\n</p>\n\n<p>\n{para}\n</p>\n\n<p>{notice}</p>\n"
    write(repo / "content/post.html", html)
    git(repo, "add", "-A")
    assert git(repo, "diff", "--cached", "--name-status", "-M", "main").startswith("R")
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 1, run.out + run.err
    assert ("global-research/link-original", None) in findings(run)["content/post.html"]


def test_an_other_tools_config_deleted_makes_no_page_one_whose_site_files_changed(tmp_path, monkeypatch):
    """A ``config.yaml`` of an application's (no ``baseURL``, no ``markup``) deleted at the top of a repository with
    no site gave no page values: no page is held to a copy of the commit (which would check every page twice). A
    Hugo site's ``config.toml`` deleted still makes its pages such pages, and its loss's finding is new."""
    from reprint_guard.baseline import context_changed, resolve

    meta = "".join(line for line in _meta_lines() if not line.startswith("commercial"))
    files = {"config.yaml": "logging: {level: info}\n", "content/post.md": UNCREDITED, "content/post.meta.yaml": meta}
    repo = repository(tmp_path, files)
    git(repo, "rm", "-q", "config.yaml")
    monkeypatch.chdir(repo)
    assert context_changed(["content/post.md"], resolve("main", where=str(repo))) == {}
    hugo = 'baseURL = "https://ledger.example/"\n[cascade]\ncommercial = false\nmedium = "web"\n'
    (tmp_path / "hugo").mkdir()
    repo = repository(
        tmp_path / "hugo", {"config.toml": hugo, "content/news/post.md": markdown(NO_COMMERCIAL, COMPLIANT_BODY)}
    )
    git(repo, "rm", "-q", "config.toml")
    monkeypatch.chdir(repo)
    assert context_changed(["content/news/post.md"], resolve("main", where=str(repo))) == {
        "content/news/post.md": "content/news/post.md"
    }
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert [kind for _, kind in findings(run)["content/news/post.md"]] == [None], run.out + run.err


def test_a_draft_the_config_excluded_published_by_a_rename_brings_all_its_findings(tmp_path):
    """``content/drafts/**`` is excluded: the commit's run never checked the draft. ``git mv`` into ``content/posts``
    publishes it, and every finding it has is the change's, not held as the commit's (its copy there read at its
    new name, where no exclude holds, would hold them all); an old post keeps its findings held."""
    files = {
        ".reprint-guard.yaml": 'exclude: ["content/drafts/**"]\n',
        "content/drafts/draft.md": OLD_POST,
        "content/posts/old.md": OLD_POST,
    }
    repo = repository(tmp_path, files)
    git(repo, "mv", "content/drafts/draft.md", "content/posts/draft.md")
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 1, run.out + run.err
    got = findings(run)
    assert got["content/posts/draft.md"] and {kind for _, kind in got["content/posts/draft.md"]} == {None}
    assert got["content/posts/old.md"] and {kind for _, kind in got["content/posts/old.md"]} == {"baseline"}


def test_a_commits_config_that_does_not_read_is_warned_of_for_the_pages_whose_sidecar_changed(tmp_path):
    """The commit's config does not read (an unknown key), so the copy of the post whose sidecar changed cannot be
    checked there: the warning says why the post was compared with its copy (its sidecar changed), not that a
    changed site file reaches it (the unread result is the config's, no page's)."""
    meta = "".join(_meta_lines())
    files = {".reprint-guard.yaml": "no-such-key: 1\n", "content/post.md": UNCREDITED, "content/post.meta.yaml": meta}
    repo = repository(tmp_path, files)
    write(repo / ".reprint-guard.yaml", "fail-on: error\n")
    write(repo / "content/post.meta.yaml", meta.replace("was sold", "was sold off"))
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 1, run.out + run.err
    assert "warning: a page whose metadata sidecar or site files changed could not be checked as " in run.err
    assert "site file reaches" not in run.err and "no-such-key" in run.err


def test_a_page_named_through_a_folder_link_retargeted_since_keeps_its_findings(tmp_path):
    """``content/news/feed`` is a link git tracks to a folder of pages, ``../../shared/old``; the change points it at
    ``../../shared/new``, whose page the commit held unchanged outside the site. Named through the link, the page
    is another one now, read with the news section's cascade (commercial: true): its commercial-permission error is
    new, not held as the unchanged ``shared/new/x.md``'s (whose copy at the commit was read at this name)."""
    cascade = "---\ntitle: News\ncascade:\n  medium: web\n  commercial: true\n---\nOur news.\n"
    files = {
        "hugo.toml": 'baseURL = "https://ledger.example/"\n',
        "content/news/_index.md": cascade,
        "shared/old/x.md": markdown({**NO_COMMERCIAL, "commercial": False}, COMPLIANT_BODY),
        "shared/new/x.md": markdown(NO_COMMERCIAL, COMPLIANT_BODY),
    }
    repo = repository(tmp_path, files)
    (repo / "content/news/feed").symlink_to("../../shared/old")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "link")
    (repo / "content/news/feed").unlink()
    (repo / "content/news/feed").symlink_to("../../shared/new")
    run = run_cli("check", "content/news/feed/x.md", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 1, run.out + run.err
    assert findings(run) == {"content/news/feed/x.md": [("global-research/commercial-permission", None)]}
    git(repo, "checkout", "-q", "--", "content/news/feed")  # the link as the commit holds it: held
    write(repo / "shared/old/x.md", markdown({**NO_COMMERCIAL, "commercial": False}, COMPLIANT_BODY + "\nMore.\n"))
    run = run_cli("check", "content/news/feed/x.md", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 0, run.out + run.err


# A config edit that takes pages in, or gives them other overrides, with no page renamed ---------------------------


_NEWS_OVERRIDE = 'overrides:\n  - paths: ["content/news/**"]\n    metadata: {commercial: false}\n'


def _config_pull_request(tmp_path: Path, before: str, after: str) -> tuple[Path, dict]:
    base = {
        ".reprint-guard.yaml": before,
        "content/drafts/post.md": OLD_POST,  # three errors of its own
        "content/news/a.md": markdown({k: v for k, v in COMPLIANT_META.items() if k != "commercial"}, COMPLIANT_BODY),
    }
    return make_pull_request(tmp_path, {".reprint-guard.yaml": after}, base)


@pytest.mark.parametrize("changed_only", ["true", "false"])
def test_new_findings_only_fails_a_draft_a_config_edit_takes_in(tmp_path, changed_only):
    """The base's config excluded content/drafts/: its run never checked the draft, so the draft's findings are
    the pull request's, not the base's (they were held as old: the draft's copy at the base, checked with the
    config as it is now, had them all)."""
    before = 'exclude: ["content/drafts/**"]\n' + _NEWS_OVERRIDE
    after = _NEWS_OVERRIDE
    repo, env = _config_pull_request(tmp_path, before, after)
    run = run_action(repo, env, **{"new-findings-only": "true", "changed-only": changed_only})
    assert run.returncode == 1, run.stdout + run.stderr
    errors = [line for line in run.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == 3 and all("file=content/drafts/post.md," in line for line in errors), run.stdout
    assert outputs(tmp_path)["errors"] == "3"


@pytest.mark.parametrize("changed_only", ["true", "false"])
def test_new_findings_only_fails_a_page_an_override_edit_makes_commercial(tmp_path, changed_only):
    """An override's metadata for content/news/** made commercial: the page's copy at the base, read with the base's
    config, had no commercial-permission error (it was held as old, its copy read with the config as it is now);
    the draft, excluded on both sides, is not checked."""
    before = 'exclude: ["content/drafts/**"]\n' + _NEWS_OVERRIDE
    after = before.replace("commercial: false", "commercial: true")
    repo, env = _config_pull_request(tmp_path, before, after)
    run = run_action(repo, env, **{"new-findings-only": "true", "changed-only": changed_only})
    assert run.returncode == 1, run.stdout + run.stderr
    errors = [line for line in run.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == 1 and "global-research/commercial-permission" in errors[0], run.stdout
    assert "file=content/news/a.md," in errors[0]
    # A comment added to the config changes nothing a page reads: the step passes.
    (tmp_path / "comment").mkdir()
    repo, env = _config_pull_request(tmp_path / "comment", before, "# our config\n" + before)
    run = run_action(repo, env, **{"new-findings-only": "true", "changed-only": changed_only})
    assert run.returncode == 0, run.stdout + run.stderr


def test_a_baseline_commit_counts_a_draft_the_config_now_takes_in_as_new(tmp_path):
    """The same through --baseline-commit: the draft the config edit takes in keeps all its findings."""
    before = 'exclude: ["content/drafts/**"]\n'
    repo = repository(tmp_path, {".reprint-guard.yaml": before, "content/drafts/post.md": OLD_POST})
    write(repo / ".reprint-guard.yaml", "exclude: []\n")
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 1, run.out + run.err
    assert [kind for _, kind in findings(run)["content/drafts/post.md"]] == [None, None, None]


# What a baseline copies -------------------------------------------------------------------------------------------


def _copied(trace: Path) -> bool:
    """Whether the run copied a commit's files (git's trace names the ``cat-file --batch`` that writes them)."""
    return "cat-file --batch" in trace.read_text(encoding="utf-8", errors="replace")


@pytest.mark.parametrize("hugo", [False, True])
def test_an_index_page_deleted_where_no_hugo_site_was_makes_no_copy(tmp_path, hugo):
    """docs/_index.md in a repository with no Hugo site is a page like another: deleting it changes no page's
    values, so the pages beside it are compared as any page is, with no copy of the commit's files. Where the
    commit had a Hugo site (its config deleted too), the section's cascade went with it: they are read there."""
    files = {"docs/_index.md": "# Docs\n", "docs/a.md": OLD_POST}
    if hugo:
        files.update({"hugo.toml": 'baseURL = "https://x.example/"\ncontentDir = "docs"\n'})
    repo = repository(tmp_path, files)
    git(repo, "rm", "-q", "docs/_index.md", *(["hugo.toml"] if hugo else []))
    trace = tmp_path / "trace.txt"  # git's own trace of each command it runs, the run's children's too
    run = run_cli(
        "check", "docs", "--baseline-commit", "main", "--format", "json", cwd=repo, env={"GIT_TRACE": str(trace)}
    )
    assert run.code == 0, run.out + run.err
    assert [kind for _, kind in findings(run)["docs/a.md"]] == ["baseline"] * 3
    assert _copied(trace) is hugo


def test_a_page_held_to_its_copy_at_the_commit_is_read_there_with_the_article_its_name_shares(tmp_path):
    """post.html and post.md share post.meta.yaml's name, post.html has its own post.html.meta.yaml: whether the
    shared sidecar is another article's is told by post.md, which the commit's copy left out (a page, not one
    of the held page's own files). post.html's copy there did not read ("two metadata sidecars"), its finding
    there was not held, and an edit to its sidecar's title failed the run on the finding it always had."""
    gr = COMPLIANT_META["original_url"]
    html = (
        "<h1>The harbour that was sold</h1>\n<p>A long paragraph about a harbour and a sale.</p>\n"
        f'<p><em>The original source of this article is <a href="{gr}">Global Research</a>.</em></p>\n'
        "<p>Copyright © Ana Ruiz, Global Research, 2024</p>\n"
    )
    own = "".join(f"{key}: {json.dumps(value)}\n" for key, value in {**COMPLIANT_META, "commercial": True}.items())
    shared = {k: v for k, v in COMPLIANT_META.items() if k != "commercial"}
    repo = repository(
        tmp_path,
        {
            "post.html": html,
            "post.html.meta.yaml": own,
            "post.md": markdown(shared, COMPLIANT_BODY),
            "post.meta.yaml": "commercial: false\n",
        },
    )
    write(repo / "post.html.meta.yaml", own.replace("was sold", "was sold off"))
    run = run_cli("check", "--baseline-commit", "HEAD", "--format", "json", ".", cwd=repo)
    assert run.code == 0, run.out + run.err
    assert "could not be checked" not in run.err
    [page] = [r for r in json.loads(run.out)["results"] if r["path"] == "post.html"]
    assert [(f["rule"], (f["suppressed"] or {}).get("kind")) for f in page["findings"]] == [
        ("global-research/commercial-permission", "baseline")
    ]


@pytest.mark.parametrize(
    "config",
    [
        "overrides: 5\n",
        "overrides: true\n",
        'exclude: ["[z-a]"]\n',
        'exclude: ["\\\\"]\n',
        'overrides:\n  - paths: ["[z-a]"]\n    metadata: {commercial: true}\n',
    ],
)
def test_a_commit_config_the_commits_run_refused_is_no_traceback(tmp_path, config):
    """The commit's copy of an edited config, read for its include, exclude and overrides, was one the commit's run
    refused: ``overrides: 5`` (iterated: TypeError), a glob the engine cannot read (matched: re.error, pathspec's
    error); an internal error (exit 2) in check and a traceback in the Action's new-findings-only run."""
    files = {"posts/ok.md": markdown(COMPLIANT_META, "# Hi\n"), ".reprint-guard.yaml": config}
    repo, env = make_pull_request(tmp_path, {".reprint-guard.yaml": "exclude:\n  - 'other/**'\n"}, files)
    run = run_cli("check", "--baseline-commit", "main", ".", cwd=repo)
    assert run.code in (0, 1) and "internal error" not in run.out + run.err, run.out + run.err
    action = run_action(repo, env, **{"changed-only": "false", "new-findings-only": "true"})
    assert action.returncode in (0, 1) and "Traceback" not in action.stderr, action.stdout + action.stderr


def test_a_draft_published_by_a_rename_and_a_config_change_together_has_all_its_findings_new(tmp_path):
    """The commit's config excluded drafts/** and the change both renames drafts/a.md to posts/a.md and edits the
    config's exclude: the commit's config was matched against the page's new name (posts/a.md, which it took in
    too), not the one it had there (drafts/a.md, left out), so the commit's run was taken to have checked it and
    the draft's error was held as old: a pass (--baseline-commit, new-findings-only)."""
    draft = markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY)
    base = {"drafts/a.md": draft, "posts/ok.md": markdown(COMPLIANT_META, COMPLIANT_BODY)}
    base[".reprint-guard.yaml"] = "exclude:\n  - 'drafts/**'\n"
    head = {"posts/a.md": draft, ".reprint-guard.yaml": "exclude:\n  - 'other/**'\n"}
    repo, env = make_pull_request(tmp_path, head, base, deleted=("drafts/a.md",))
    assert "R100\tdrafts/a.md\tposts/a.md" in git(repo, "diff", "-M", "--name-status", "main")
    _the_drafts_error_is_new(repo, env, "posts/a.md")


def _the_drafts_error_is_new(repo: Path, env: dict, page_path: str) -> None:
    """The draft at ``page_path``, which the commit's config left out, has its one error counted as new by
    ``--baseline-commit`` and the Action's full run with new-findings-only (the commit's run never checked it)."""
    run = run_cli("check", "--baseline-commit", "main", "--format", "json", ".", cwd=repo)
    assert run.code == 1, run.out + run.err
    [page] = [r for r in json.loads(run.out)["results"] if r["path"] == page_path]
    assert [(f["rule"], f["suppressed"]) for f in page["findings"]] == [("global-research/commercial-permission", None)]
    action = run_action(repo, env, **{"changed-only": "false", "new-findings-only": "true"})
    assert action.returncode == 1, action.stdout + action.stderr
    assert f"::error file={page_path}," in action.stdout


def test_a_config_that_is_a_link_whose_target_the_change_edits_is_compared_with_the_commits(tmp_path):
    """.reprint-guard.yaml -> conf/rg.yaml, and the change edits conf/rg.yaml's exclude (drafts/** no longer left
    out): git names the target's change, not the config's, so the commit's copy of the config was taken as the
    same, and the draft's error, which the commit's run never checked, was held as old."""
    draft = markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY)
    base = {"drafts/a.md": draft, "posts/ok.md": markdown(COMPLIANT_META, COMPLIANT_BODY)}
    base["conf/rg.yaml"] = "exclude:\n  - 'drafts/**'\n"
    repo, env = make_pull_request(tmp_path, {"conf/rg.yaml": "exclude:\n  - 'other/**'\n"}, base)
    git(repo, "checkout", "-q", "main")
    (repo / ".reprint-guard.yaml").symlink_to("conf/rg.yaml")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "the config, a link")
    event = json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text(encoding="utf-8"))
    event["pull_request"]["base"]["sha"] = git(repo, "rev-parse", "HEAD")
    Path(env["GITHUB_EVENT_PATH"]).write_text(json.dumps(event), encoding="utf-8")
    git(repo, "checkout", "-q", "reprints")
    git(repo, "merge", "-q", "--no-edit", "main")  # the pull request's branch holds the link too
    event["pull_request"]["head"]["sha"] = git(repo, "rev-parse", "HEAD")
    Path(env["GITHUB_EVENT_PATH"]).write_text(json.dumps(event), encoding="utf-8")
    assert (repo / ".reprint-guard.yaml").is_symlink()
    _the_drafts_error_is_new(repo, env, "drafts/a.md")


def test_a_config_renamed_and_edited_together_is_compared_under_its_name_at_the_commit(tmp_path):
    """The commit's .reprint-guard.yml excluded drafts/**, and the change renames it .reprint-guard.yaml (git pairs
    the two) while dropping the exclude: the commit's copy was looked for under the new name alone, so no copy was
    compared, the draft taken as checked by the commit's run and its error held as old: a pass
    (--baseline-commit, new-findings-only)."""
    draft = markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY)
    config = "# the site's reprint-guard config\nexclude:\n  - 'drafts/**'\nfail-on: warning\n"
    base = {"drafts/a.md": draft, "posts/ok.md": markdown(COMPLIANT_META, COMPLIANT_BODY), ".reprint-guard.yml": config}
    repo, env = make_pull_request(tmp_path, {"notes.txt": "drafts out\n"}, base)
    git(repo, "mv", ".reprint-guard.yml", ".reprint-guard.yaml")
    (repo / ".reprint-guard.yaml").write_text(config.replace("'drafts/**'", "'other/**'"), encoding="utf-8")
    git(repo, "add", "-A")
    commit_to_pull_request(repo, env, "rename the config, drafts published")
    assert "R0" in git(repo, "diff", "-M", "--name-status", "main")  # a rename, edited
    _the_drafts_error_is_new(repo, env, "drafts/a.md")


@pytest.mark.parametrize("config_option", [[], ["--no-config"]])
def test_a_commit_that_cannot_be_copied_is_named_as_the_user_named_it(tmp_path, config_option):
    """The commit's copy of the page cannot be had (its blob is gone from the object store), so every finding of
    the page whose sidecar changed counts: the warning names the commit as given (``main, <sha>``), whatever the run was
    told of its config (the config option's value stood there: "True could not be copied")."""
    meta = "".join(_meta_lines())
    repo = repository(tmp_path, {"content/post.md": UNCREDITED, "content/post.meta.yaml": meta})
    blob = git(repo, "rev-parse", "main:content/post.md")
    write(repo / "content/post.meta.yaml", meta.replace("was sold", "was sold off"))
    (repo / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    run = run_cli("check", "content", "--baseline-commit", "main", *config_option, cwd=repo)
    assert run.code == 1, run.out + run.err
    assert "warning: main, " in run.err and " could not be copied to tell what the pages" in run.err, run.err
    assert "Traceback" not in run.err
