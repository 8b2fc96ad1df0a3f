"""A reprint that stops being one because of what the change did to its reading, not to its text: a pull request
(or a commit against ``--baseline-commit``) that edits the config (a ``front-matter`` mapping, an override's
``policy``) or a section's cascade turns a failing reprint into "skipped (not a reprint)". Whether the page was a
reprint at the base is asked of the base's own files (its config, policies, site files and sidecar), so the change
is told (``reprint-guard/no-longer-a-reprint``), whether the pull request touched the page or not.
Real git repositories, the Action's own script and the command line."""

from __future__ import annotations

import json

from conftest import git, run_cli, write
from test_action import commit_to_pull_request, make_pull_request, outputs, run_action

RULE = "reprint-guard/no-longer-a-reprint"

#: A CC BY-NC-ND reprint whose original is named by a theme's key, ``canonicalURL``: three errors when the config
#: maps that key onto original_url, skipped as the site's own when it does not.
FERRY = """---
title: Ferry cuts leave island commuters stranded
author: Ines Varga
canonicalURL: https://islandledger.org/2026/11/ferry-cuts-commuters
license: CC BY-NC-ND 4.0
---

Commuters on Harrow Island woke on Monday to find two morning ferries cancelled.
"""
MAPPED = "front-matter:\n  canonicalURL: original_url\ndefaults:\n  commercial: false\n"
UNMAPPED = "defaults:\n  commercial: false\n"

#: A page of the site's own: no original named, whatever the config maps.
OWN = "---\ntitle: Our harbour diary\nauthor: Ed\n---\n\nWhat we saw at the harbour this week.\n"


def _told(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if RULE in line]


def _config_pull_request(tmp_path, touch_page: bool):
    base = {"content/ferry.md": FERRY, "content/own.md": OWN, ".reprint-guard.yaml": MAPPED}
    head = {".reprint-guard.yaml": UNMAPPED}
    if touch_page:
        head["content/ferry.md"] = FERRY + "\n"
    return make_pull_request(tmp_path, head, base)


def test_a_pull_request_that_drops_the_configs_key_mapping_is_told(tmp_path):
    """The review's d3: the pull request edits the config (its front-matter mapping gone) and touches the page;
    the base's failing reprint passed as "1 skipped (not reprints)", exit 0, nothing said. Whether the page was
    a reprint at the base is read with the base's config."""
    repo, env = _config_pull_request(tmp_path, touch_page=True)
    assert run_cli("check", "content", cwd=repo).code == 0  # the head as it reads now: skipped
    proc = run_action(repo, env)
    (said,) = _told(proc.stdout)
    assert said.startswith(f"::warning file=content/ferry.md,line=1,col=1,title={RULE}::"), said
    assert "the pull request's base" in said and "the config" in said, said
    assert outputs(tmp_path)["warnings"] == "1"
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "1 skipped" in summary and "own.md" not in said  # the own page, skipped at the base too, is not told
    assert run_action(repo, env, **{"fail-on": "warning"}).returncode == 1


def test_a_config_edit_alone_tells_the_pages_it_turned_into_skipped_ones(tmp_path):
    """The page untouched: the config's change makes every file checked (changed-only), and the page the base
    read as a reprint is told; so it is with changed-only false, new-findings-only, and both."""
    repo, env = _config_pull_request(tmp_path, touch_page=False)
    for inputs in (
        {},
        {"changed-only": "false"},
        {"new-findings-only": "true"},
        {"changed-only": "false", "new-findings-only": "true"},
    ):
        proc = run_action(repo, env, **inputs)
        told = _told(proc.stdout)
        assert len(told) == 1 and told[0].startswith("::warning file=content/ferry.md,line=1,"), (inputs, proc.stdout)
        assert outputs(tmp_path)["warnings"] == "1", inputs


def test_an_override_policy_taken_out_of_the_config_is_told(tmp_path):
    """An override gave a folder its policy; the pull request takes it out (and renames the config's file)."""
    page = "---\ntitle: Rivers run dry\nauthor: Ana Ruiz\n---\n\nA paragraph about rivers.\n"
    config = "overrides:\n  - paths: ['content/wire/**']\n    policy: propublica\n"
    base = {"content/wire/rivers.md": page, ".reprint-guard.yaml": config}
    repo, env = make_pull_request(tmp_path, {"content/notes.md": OWN}, base, deleted=(".reprint-guard.yaml",))
    proc = run_action(repo, env)
    (said,) = _told(proc.stdout)
    assert said.startswith("::warning file=content/wire/rivers.md,line=1,"), proc.stdout


def test_a_config_edit_that_leaves_the_reprints_as_they_were_says_nothing(tmp_path):
    """Asked of the base, a page that was no reprint there (the site's own) and a reprint still checked as one
    are not told: a config edit that maps a key the pages do not use changes nothing."""
    base = {"content/ferry.md": FERRY, "content/own.md": OWN, ".reprint-guard.yaml": MAPPED}
    head = {".reprint-guard.yaml": MAPPED + "own-hosts: [example.org]\n"}
    repo, env = make_pull_request(tmp_path, head, base)
    for inputs in ({}, {"changed-only": "false"}):
        proc = run_action(repo, env, **inputs)
        assert not _told(proc.stdout), proc.stdout
        assert proc.returncode == 1, proc.stdout  # the reprint still fails, as it did


def test_a_sections_cascade_taken_out_is_told_for_the_pages_it_reached(tmp_path):
    """Hugo: a section's _index.md gave its pages their policy; the pull request takes the cascade out. Its
    pages (reached by the changed site file, not touched) were reprints at the base, read with its cascade."""
    page = "---\ntitle: Rivers run dry\nauthor: Ana Ruiz\n---\n\nA paragraph about rivers.\n"
    index = "---\ntitle: Wire\ncascade:\n  policy: propublica\n---\n"
    base = {
        "hugo.toml": 'baseURL = "https://example.org/"\n',
        "content/wire/_index.md": index,
        "content/wire/rivers.md": page,
        "content/wire/roads.md": page.replace("rivers", "roads"),
        "content/own.md": OWN,
    }
    repo, env = make_pull_request(tmp_path, {"content/wire/_index.md": "---\ntitle: Wire\n---\n"}, base)
    for inputs in ({}, {"new-findings-only": "true"}, {"changed-only": "false"}):
        proc = run_action(repo, env, **inputs)
        told = sorted(line.split(",")[0] for line in _told(proc.stdout))
        assert told == ["::warning file=content/wire/rivers.md", "::warning file=content/wire/roads.md"], (
            inputs,
            proc.stdout,
        )


def test_check_with_a_baseline_commit_reads_the_commits_config(tmp_path):
    """``check --baseline-commit``: the working tree's config dropped the mapping; the commit's reads the page as
    a reprint, so it is told, the page touched or not; the config's own suppression silences it, used."""
    base = {"content/ferry.md": FERRY, ".reprint-guard.yaml": MAPPED}
    repo, _ = make_pull_request(tmp_path, {"content/notes.md": OWN}, base)
    write(repo / ".reprint-guard.yaml", UNMAPPED)
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 0, run.out + run.err
    (result,) = [r for r in run.json()["results"] if r["path"] == "content/ferry.md"]
    assert [(f["rule"], f["line"], f["suppressed"]) for f in result["findings"]] == [(RULE, 1, None)]
    assert run.json()["summary"]["warnings"] == 1
    suppressed = UNMAPPED + f"suppressions:\n  - path: content/ferry.md\n    rule: {RULE}\n    reason: our own now\n"
    write(repo / ".reprint-guard.yaml", suppressed)
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 0, run.out + run.err
    (result,) = [r for r in run.json()["results"] if r["path"] == "content/ferry.md"]
    assert [(f["rule"], f["suppressed"]["kind"]) for f in result["findings"]] == [(RULE, "config")]
    assert "suppresses nothing" not in run.out + run.err and run.json()["summary"]["warnings"] == 0, run.out


def test_pages_told_after_asking_the_base_keep_their_place_and_a_renamed_one_is_told(tmp_path):
    """Results stay in the order of the files: a page told after asking the base is reported in its place; a
    page renamed since is asked of the base under its old name."""
    base = {f"content/{n}.md": FERRY for n in ("a", "b")} | {"content/c.md": OWN, ".reprint-guard.yaml": MAPPED}
    repo, env = make_pull_request(tmp_path, {".reprint-guard.yaml": UNMAPPED}, base)
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    paths = [r["path"] for r in run.json()["results"]]
    assert paths == ["content/a.md", "content/b.md", "content/c.md"], paths
    assert [len(r["findings"]) for r in run.json()["results"]] == [1, 1, 0]
    git(repo, "mv", "content/a.md", "content/z.md")
    commit_to_pull_request(repo, env, "rename")
    proc = run_action(repo, env)
    assert sorted(line.split(",")[0] for line in _told(proc.stdout)) == [
        "::warning file=content/b.md",
        "::warning file=content/z.md",
    ], proc.stdout
    sarif = json.loads((repo / outputs(tmp_path)["sarif"]).read_text(encoding="utf-8"))
    assert sum(r["ruleId"] == RULE for r in sarif["runs"][0]["results"]) == 2


def test_the_hooks_staged_cascade_change_is_told_against_head(tmp_path):
    """The pre-commit hook's way (``--staged --force-include``, ``--baseline-commit HEAD``): a staged _index.md
    whose cascade no longer gives its section a policy brings its pages, told; without a base, skipped unsaid."""
    repo = tmp_path / "site"
    files = {
        "hugo.toml": 'baseURL = "https://example.org/"\n',
        "content/wire/_index.md": "---\ntitle: Wire\ncascade:\n  policy: propublica\n---\n",
        "content/wire/rivers.md": "---\ntitle: Rivers run dry\nauthor: Ana Ruiz\n---\n\nA paragraph about rivers.\n",
    }
    for name, text in files.items():
        write(repo / name, text)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    write(repo / "content/wire/_index.md", "---\ntitle: Wire\n---\n")
    git(repo, "add", "-A")
    hook = ("check", "--staged", "--force-include", "content/wire/_index.md")
    run = run_cli(*hook, "--baseline-commit", "HEAD", "--format", "json", cwd=repo)
    (result,) = [r for r in run.json()["results"] if r["path"] == "content/wire/rivers.md"]
    assert [f["rule"] for f in result["findings"]] == [RULE], run.out + run.err
    assert "cascade" in result["findings"][0]["message"]
    assert RULE not in run_cli(*hook, cwd=repo).out


def test_a_base_whose_config_does_not_read_is_said_not_guessed(tmp_path):
    """The base's copy cannot be checked (its config does not read there): a warning says so, the page is not
    told, and the run goes on."""
    base = {"content/ferry.md": FERRY, ".reprint-guard.yaml": MAPPED + "defaults: [\n"}
    repo, _ = make_pull_request(tmp_path, {"content/notes.md": OWN}, base)
    write(repo / ".reprint-guard.yaml", UNMAPPED)
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert run.code == 0, run.out + run.err
    assert RULE not in run.out
    (said,) = [line for line in run.err.splitlines() if "skipped now as not a reprint" in line]
    assert said.startswith("reprint-guard: warning: content/ferry.md, skipped now as not a reprint, could not be")
    assert "whether it was a reprint there is not told" in said, said


def test_a_page_the_bases_include_left_out_was_no_reprint_there(tmp_path):
    """The base's config checked ``content/wire/**`` alone: a page elsewhere that names an original was never
    read as a reprint by the base's run. A pull request that drops the include (and the mapping) makes it a
    skipped page now: not told, in the Action or with ``check --baseline-commit`` (its copy at the base is taken
    as the base's walk took it, not as a file named on the command line, which include does not filter)."""
    base = {
        "content/other/ferry.md": FERRY,
        "content/wire/own.md": OWN,
        ".reprint-guard.yaml": MAPPED + "include: ['content/wire/**']\n",
    }
    repo, env = make_pull_request(tmp_path, {".reprint-guard.yaml": UNMAPPED}, base)
    for inputs in ({}, {"changed-only": "false"}):
        proc = run_action(repo, env, **inputs)
        assert not _told(proc.stdout), (inputs, proc.stdout)
        assert outputs(tmp_path)["warnings"] == "0", inputs
    run = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert RULE not in run.out, run.out
    # the same page in the base's include is a reprint there, and told
    write(repo / ".reprint-guard.yaml", UNMAPPED)
    git(repo, "checkout", "-q", "main")
    write(repo / ".reprint-guard.yaml", MAPPED + "include: ['content/**']\n")
    git(repo, "commit", "-q", "-am", "include all")
    write(repo / ".reprint-guard.yaml", UNMAPPED)
    run = run_cli("check", "content", "--baseline-commit", "HEAD", "--format", "json", cwd=repo)
    told = [r["path"] for r in run.json()["results"] if any(f["rule"] == RULE for f in r["findings"])]
    assert told == ["content/other/ferry.md"], run.out + run.err
