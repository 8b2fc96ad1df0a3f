"""A pull request from a fork controls file names, contents, the config and its own policies: what of that
reaches the job summary, the Markdown report, SARIF and the text output is written as text, and what the
Action reads stays in the workspace. Real files, the real CLI, real git for the Action."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import COMPLIANT_BODY, COMPLIANT_META, git, markdown, validate_sarif
from test_action import make_pull_request, run_action, write

HH_URL = "https://harbourherald.example/story/1"
HH_META = {**COMPLIANT_META, "original_url": HH_URL}
HH_BODY = f"An exclusive story.\n\nBy Ana Ruiz, Harbour Herald {HH_URL}\n"


def hh_policy(
    *, policy_id: str = "hh", rule_id: str = "no-exclusive", message: str = "Bad", rule_extra: str = "", **top: str
) -> str:
    """A policy of a pull request's own, its strings as given (JSON strings are YAML's double-quoted ones)."""
    fields = {
        "id": policy_id,
        "name": "Harbour Herald terms",
        "publisher": "Harbour Herald",
        "source_url": "https://harbourherald.example/republish",
        **top,
    }
    head = "".join(f"{key}: {json.dumps(value)}\n" for key, value in fields.items())
    return (
        f"{head}terms_read: 2026-11-30\napplies_to: [harbourherald.example]\nrules:\n"
        f"  - id: {json.dumps(rule_id)}\n    check: text\n    phrase: exclusive\n    mode: forbid\n"
        f"    message: {json.dumps(message)}\n{rule_extra}"
    )


def table_cells(row: str) -> int:
    """The cells a GFM table row splits into, as cmark-gfm splits it: a backslash escapes the character after
    it (a backslash too), and every other "|" parts two cells."""
    cells, index = 0, 0
    while index < len(row):
        if row[index] == "\\":
            index += 2
            continue
        cells += row[index] == "|"
        index += 1
    return cells - 1


def table_rows(summary: str) -> list[str]:
    return [line for line in summary.splitlines() if line.startswith("|")]


def push_head(repo: Path, env: dict) -> None:
    """Commit what the test changed in the work tree as the pull request's new head."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", "more")
    event = json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text())
    event["pull_request"]["head"]["sha"] = git(repo, "rev-parse", "HEAD")
    Path(env["GITHUB_EVENT_PATH"]).write_text(json.dumps(event))


# The job summary of a stopped run ---------------------------------------------------------------------------


def test_a_stopped_runs_error_is_text_in_the_job_summary_not_html_or_an_image(tmp_path):
    """A pull request's config names a "policy" that is an <img> tag and a Markdown image: the error quotes
    it, and the job summary must show it as written, loading nothing from the attacker's server."""
    config = (
        'policy: "<img src=https://evil.example/a.png> ![x](https://evil.example/b.png) [ok](https://evil.example)"\n'
    )
    repo, env = make_pull_request(
        tmp_path,
        {".reprint-guard.yaml": config, "content/a.md": markdown(COMPLIANT_META, COMPLIANT_BODY)},
        {"README.md": "x\n"},
    )
    proc = run_action(repo, env, paths="content")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "nothing checked" in summary
    assert not re.search(r"(?<!\\)<img|(?<!\\)!(?<!\\)\[|(?<!\\)\]\(", summary), summary
    assert "\\<img" in summary  # said, as written


# Markdown tables: a backslash before a pipe -----------------------------------------------------------------


def test_a_file_name_with_a_backslash_and_a_pipe_keeps_the_summary_table_whole(tmp_path, cli):
    """`a\\|b.md`: the pipe escaped as `\\|` after the name's own backslash is `\\\\|`, an escaped backslash
    and a bare pipe, which ends the cell: every row after it shifts."""
    name = "a\\|b.md"
    write(tmp_path / name, markdown(COMPLIANT_META, COMPLIANT_BODY.replace("Global Research", "GR")))
    run = cli("check", name, "--format", "markdown", cwd=tmp_path)
    assert run.code == 1, run.out + run.err
    rows = table_rows(run.out)
    assert rows, run.out
    assert {table_cells(row) for row in rows[:3]} == {5}, run.out
    assert {table_cells(row) for row in rows[3:]} == {5}, run.out


def test_a_web_address_ending_in_a_backslash_before_a_pipe_keeps_the_table_whole(tmp_path, cli):
    """An address is kept as written for GitHub to link it; one ending in "\\" before a "|" in a policy's
    message or the page's quoted words would end the cell at that pipe."""
    message = "Bad: see https://evil.example/\\|two|three|four"
    write(tmp_path / "policies" / "hh.yaml", hh_policy(message=message))
    write(tmp_path / "a.md", markdown(HH_META, HH_BODY))
    run = cli("check", "a.md", "--rules-dir", "policies", "--format", "markdown", cwd=tmp_path)
    assert run.code == 1, run.out + run.err
    rows = table_rows(run.out)
    assert any("evil.example" in row for row in rows), run.out
    assert {table_cells(row) for row in rows} == {5}, run.out


# Ids ending in a line break ----------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["policy", "rule"])
def test_an_id_ending_in_a_line_break_is_refused_at_its_line(tmp_path, cli, where):
    """The schema's `^[a-z0-9][a-z0-9._-]*$` let "hh\\n" through (Python's `$` matches before a last line
    break), and such an id broke the Markdown table's row and the text output's finding line: it is refused
    where it is written, as any other id the pattern does not match (the outputs escape one all the same)."""
    ids = {"policy_id": "hh\n"} if where == "policy" else {"rule_id": "no-exclusive\n"}
    write(tmp_path / "policies" / "hh.yaml", hh_policy(**ids))
    write(tmp_path / "a.md", markdown(HH_META, HH_BODY))
    run = cli("check", "a.md", "--rules-dir", "policies", "--format", "markdown", cwd=tmp_path)
    assert run.code == 2 and "Traceback" not in run.err, run.out + run.err
    assert len(run.err.strip().splitlines()) == 1 and "hh.yaml:" in run.err and "field 'id'" in run.err, run.err
    assert cli("validate", "policies", cwd=tmp_path).code == 1


# SARIF: a policy's terms address -------------------------------------------------------------------------------


def test_a_policys_source_url_makes_a_valid_help_uri_and_no_image_in_the_rules_help(tmp_path, cli, sarif_schema):
    """`source_url` need only start with http(s)://: one with spaces is no URI (code scanning refuses the log),
    and one holding ") ![t](...)" would put an image, or a javascript: link, in the rule's help."""
    source = "https://x.example/terms) ![t](https://evil.example/t.png) [a b](javascript:alert(1)"
    write(tmp_path / "policies" / "hh.yaml", hh_policy(source_url=source))
    write(tmp_path / "a.md", markdown(HH_META, HH_BODY))
    run = cli("check", "a.md", "--rules-dir", "policies", "--format", "sarif", cwd=tmp_path)
    assert run.code == 1, run.out + run.err
    log = run.json()
    validate_sarif(log, sarif_schema)
    (rule,) = log["runs"][0]["tool"]["driver"]["rules"]
    uri = rule["helpUri"]
    assert not any(c.isspace() or c in '<>"(){}|\\^`' for c in uri), uri
    assert urlsplit(uri).scheme == "https" and urlsplit(uri).netloc == "x.example", uri
    help_markdown = rule["help"]["markdown"]
    assert "![" not in help_markdown and "](javascript:" not in help_markdown, help_markdown
    assert help_markdown.count("](") == 1, help_markdown


# The Action reads no policy out of the workspace ---------------------------------------------------------------


SECRET = "ghs_SECRETtoken42"
SECRET_POLICY = f"id: {SECRET}\nname: x\npublisher: y\nsource_url: https://x\nrules: []\n"


@pytest.mark.parametrize(
    "how", ["absolute", "dotdot", "linked-folder", "linked-file", "policy-key", "override", "linked-config"]
)
def test_the_action_reads_no_policy_a_pull_request_points_out_of_the_workspace(tmp_path, how):
    """A pull request's config may name policies anywhere on the runner (or link a policies folder there): the
    Action would read that file and quote it in its errors (`'ghs-...' does not match ...`), on the log and in
    the job summary. As a linked article is, it is refused unread."""
    outside = tmp_path / "runner-files"
    outside.mkdir()
    (outside / "token.yaml").write_text(SECRET_POLICY, encoding="utf-8")
    config = {
        "absolute": f"policies: [{json.dumps(str(outside))}]\n",
        "dotdot": 'policies: ["../runner-files"]\n',
        "linked-folder": 'policies: ["policies"]\n',
        "linked-file": 'policies: ["policies"]\n',
        "policy-key": f"policy: {json.dumps(str(outside / 'token.yaml'))}\n",
        "override": f"overrides:\n  - paths: ['**']\n    policy: {json.dumps(str(outside / 'token.yaml'))}\n",
        "linked-config": "",
    }[how]
    head = {"content/a.md": markdown(COMPLIANT_META, COMPLIANT_BODY)}
    if config:
        head[".reprint-guard.yaml"] = config
    repo, env = make_pull_request(tmp_path, head, {"README.md": "x\n"})
    if how == "linked-config":  # a config whose errors quote it: "unknown key 'ghs_...'"
        (outside / "config.yaml").write_text(f"{SECRET}: 1\n", encoding="utf-8")
        os.symlink(outside / "config.yaml", repo / ".reprint-guard.yaml")
    if how == "linked-folder":
        os.symlink(outside, repo / "policies")
    if how == "linked-file":
        (repo / "policies").mkdir()
        os.symlink(outside / "token.yaml", repo / "policies" / "hh.yaml")
    push_head(repo, env)
    proc = run_action(repo, env, paths="content")
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert SECRET not in proc.stdout + proc.stderr + summary, proc.stdout + summary
    assert "out of the workspace" in proc.stdout, proc.stdout


def test_the_action_still_reads_the_repositorys_own_policies(tmp_path):
    """The check above leaves a policy folder inside the repository, and one linked inside it, read."""
    repo, env = make_pull_request(
        tmp_path,
        {
            ".reprint-guard.yaml": 'policies: ["policies", "more"]\n',
            "policies/hh.yaml": hh_policy(),
            "content/a.md": markdown(HH_META, HH_BODY),
        },
        {"README.md": "x\n"},
    )
    os.symlink("policies", repo / "more")
    push_head(repo, env)
    proc = run_action(repo, env, paths="content")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "title=hh/no-exclusive::Bad" in proc.stdout, proc.stdout
