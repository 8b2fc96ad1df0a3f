"""Attacks on the forty-seventh session's smaller changes (a47c), each through the real CLI, the Action's entry
or the library: the Action's log read by no one, an unclosed quote in front matter and a quoted value written
over lines on purpose, a result's date given as a number, and a twin policy named under a folder given as
``..`` or a link."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest
from pydantic import ValidationError

from conftest import COMPLIANT_BODY, COMPLIANT_META, markdown, write
from reprint_guard.results import Report, Result
from test_action import make_pull_request


def test_the_actions_log_read_by_no_one_exits_141_without_a_traceback(tmp_path):
    """The Action's step with its standard output's reader gone (as ``check ... | head`` for the command
    line): 141, nothing on standard error, the job summary and the step's outputs written (was a
    BrokenPipeError's traceback and exit 1)."""
    story = markdown(COMPLIANT_META, COMPLIANT_BODY)
    repo, env = make_pull_request(tmp_path, {"content/a.md": story}, {"README.md": "A site.\n"})
    full = {k: v for k, v in os.environ.items() if not k.startswith(("INPUT_", "GITHUB_", "RUNNER_"))}
    full.update(env)
    read, written = os.pipe()
    os.close(read)  # no one reads the log
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "reprint_guard.action"],
            cwd=repo,
            env=full,
            stdout=written,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(written)
    assert (proc.returncode, proc.stderr) == (141, ""), proc.stderr
    assert "1 changed file" in (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "errors=" in (tmp_path / "output.txt").read_text(encoding="utf-8")


def test_an_unclosed_quote_in_front_matter_says_how_far_below_it_is_closed(tmp_path, cli):
    """Front matter's YAML starts on the file's second line: the closing quote is told as lines below the
    opening one (was "runs on to line 4", the YAML's own count, for the quote on the file's line 5)."""
    page = write(
        tmp_path / "fm.md",
        "---\ntitle: 'Gulls are back\nauthor: A B\noriginal_url: https://www.propublica.org/article/x\n"
        "summary: it's here\nlast: one\n---\n\nText.\n",
    )
    run = cli("check", "--no-config", str(page))
    assert run.code == 2 and "Traceback" not in run.err
    said = [line for line in (run.out + run.err).splitlines() if "invalid YAML" in line]
    assert said and said[0].startswith(f"{page}:2:8: invalid YAML: the quoted value that starts here runs on"), said
    assert "the next ', 3 lines below," in said[0] and "line 4" not in said[0], said


@pytest.mark.parametrize(
    ("yaml_text", "at"),
    [
        # A message written over two lines on purpose, the next key left on its closing line.
        ("  - id: a\n    check: text\n    phrase: x\n    message: 'Photos may\n      be reused' fix: 1\n", "11:18"),
        ('  - id: a\n    check: text\n    phrase: x\n    message: "Photos may\n      be reused" fix: 1\n', "11:18"),
    ],
)
def test_a_quoted_value_written_over_lines_on_purpose_is_not_told_to_close_on_its_first(tmp_path, cli, yaml_text, at):
    """A quoted value continued on a line indented under its key is one written over lines on purpose: the
    error is the text after its close, told there, not "close it on this line" at its opening quote."""
    policy = write(
        tmp_path / "p.yaml",
        "id: p\nname: P\npublisher: P\nsource_url: https://p.example/terms\napplies_to: [p.example]\nrules:\n"
        + yaml_text,
    )
    run = cli("validate", str(policy))
    said = (run.out + run.err).strip().splitlines()
    assert run.code == 1 and len(said) == 1, said
    assert said[0].startswith(f"{policy}:{at}: invalid YAML: did not find expected key"), said
    assert "close it on this line" not in said[0], said


@pytest.mark.parametrize("value", [2026, 2026.5, "1700000000", "soon"])
def test_a_result_date_that_is_no_iso_date_is_refused_not_read_as_seconds(value):
    """``published: 2026`` was read as 1970-01-01T00:33:46+00:00 and ``"1700000000"`` as a day in 2023
    (pydantic's seconds since 1970), a date the report never said and its schema (a string) refuses."""
    with pytest.raises(ValidationError, match="published"):
        Result(path="a.md", published=value)
    with pytest.raises(ValidationError, match="original_published"):
        Report.model_validate_json(
            '{"version": 1, "tool": {"name": "reprint-guard", "version": "0"}, "fail_on": "error", "results": '
            f'[{{"path": "a.md", "original_published": {json.dumps(value)}}}]}}'
        )
    moment = Result(path="a.md", published="2026-11-20T09:00:00Z").published
    assert moment == dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC)


def test_a_twin_policy_is_named_in_the_folder_as_it_was_given(tmp_path, cli):
    """``validate ../two`` from a sibling folder, and ``validate link`` (a link to the folder): the other file
    of the same id is named as the file validated is (was its whole path, or the folder the link leads to)."""
    rule = "rules:\n  - {id: a, check: text, phrase: x, message: m}\n"
    for name, host in (("a.yaml", "a.example"), ("b.yaml", "b.example")):
        write(
            tmp_path / "two" / name,
            f"id: same\nname: T\npublisher: P\nsource_url: https://{host}/terms\napplies_to: [{host}]\n{rule}",
        )
    (tmp_path / "sub").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "two", target_is_directory=True)
    for folder, cwd in (("../two", tmp_path / "sub"), ("link", tmp_path)):
        run = cli("validate", folder, cwd=cwd)
        lines = (run.out + run.err).strip().splitlines()
        assert run.code == 1 and any(
            line.startswith(f"{folder}/a.yaml:1:1:") and f"is also the id of {folder}/b.yaml;" in line for line in lines
        ), lines


#: The Action's entry with run_git's time limit cut to 2 s (120 s in a real run), so that a git that hangs is
#: waited out quickly.
_ACTION_WITH_A_SHORT_GIT_LIMIT = (
    "import runpy, sys; import reprint_guard.gitrun as gitrun; "
    "gitrun.run_git.__kwdefaults__ = {'cwd': None, 'timeout': 2, 'input': None}; "
    "sys.argv = ['action']; runpy.run_module('reprint_guard.action', run_name='__main__')"
)


def test_the_action_with_a_git_that_hangs_says_so_and_waits_it_out_few_times(tmp_path):
    """A git that never answers: the step stops (exit 2) saying git does not answer, not that the workspace
    is in no git checkout (wrong: it is; "run actions/checkout first" was the advice), after waiting out at
    most three git commands (four, each 120 s, before)."""
    repo, env = make_pull_request(
        tmp_path, {"content/a.md": markdown(COMPLIANT_META, COMPLIANT_BODY)}, {"README.md": "A site.\n"}
    )
    fake, asked = tmp_path / "bin", tmp_path / "asked.log"
    write(fake / "git", f'#!/bin/sh\necho "$*" >> "{asked}"\nexec sleep 300\n').chmod(0o755)
    full = {k: v for k, v in os.environ.items() if not k.startswith(("INPUT_", "GITHUB_", "RUNNER_"))}
    full.update(env, PATH=f"{fake}{os.pathsep}{os.environ['PATH']}")
    proc = subprocess.run(
        [sys.executable, "-c", _ACTION_WITH_A_SHORT_GIT_LIMIT],
        cwd=repo,
        env=full,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    said = [line for line in proc.stdout.splitlines() if line.startswith("::error")]
    assert said and "git took longer than 2 s" in said[0] and "git does not answer" in said[0], said
    assert "no git checkout" not in said[0], said
    assert len(asked.read_text(encoding="utf-8").splitlines()) <= 3


@pytest.mark.parametrize(
    ("rule", "said"),
    [
        # pattern is link's, text's, metadata's and element's: no one of them is the one meant (was "'link'?").
        (
            "{id: a, check: timing, message: m, pattern: x}",
            "'pattern' is a parameter of link, text, metadata or element rules, not of timing rules (which take "
            "after_days, after_hours, timezone): is the check type meant to be one of those (link, text, metadata "
            "or element)?",
        ),
        # tags (media's) and names (attribution's): no check type takes both (was "meant to be 'media'?").
        (
            "{id: a, check: text, phrase: x, message: m, tags: [img], names: [x]}",
            "'tags' is a parameter of media rules, not of text rules (which take captions, mode, pattern, phrase, "
            "title, unless): is the check type meant to be another, or the key in another rule?",
        ),
        ("{id: a, check: media, mode: forbid, message: m, phrase: x}", "is the check type meant to be 'text'?"),
    ],
)
def test_a_parameter_of_another_check_type_names_a_type_only_where_one_fits(tmp_path, cli, rule, said):
    policy = write(
        tmp_path / "p.yaml",
        f"id: p\nname: P\npublisher: P\nsource_url: https://p.example/terms\napplies_to: [p.example]\nrules:\n"
        f"  - {rule}\n",
    )
    run = cli("validate", str(policy))
    lines = (run.out + run.err).strip().splitlines()
    assert run.code == 1 and len(lines) == 1 and said in lines[0], lines


def test_a_site_menu_of_a_bare_less_than_sign_is_a_site_around_the_article(tmp_path, cli):
    """A menu whose only text is "< Back" (a "<" before a space opens no tag: a browser shows it) is a site's
    text before the <article>: the finding still says the top is measured over it (the "<" was read as a tag
    running to the next ">", the menu's text inside it, and the hint dropped)."""
    url = "https://lantern.example/2026/11/ferry"
    policy = write(
        tmp_path / "p.yaml",
        "id: lantern\nname: Lantern terms\npublisher: Lantern Ledger\nsource_url: https://lantern.example/terms\n"
        "applies_to: [lantern.example]\nrules:\n  - id: top\n    check: attribution\n"
        "    names: [Originally published by Lantern Ledger]\n    position: top\n    message: Open with the credit\n",
    )
    story = "".join(f"<p>Paragraph {n} of a story about the ferry landing and the board.</p>\n" for n in range(9))
    credit = f'<p>Originally published by <a href="{url}">Lantern Ledger</a>.</p>'
    write(tmp_path / "menu.meta.yaml", f"title: Ferry\nauthor: Dana Okafor\noriginal_url: {url}\n")
    page = write(tmp_path / "menu.html", f'<nav><a href="/">< Back</a></nav>\n<article>\n{story}{credit}\n</article>\n')
    run = cli("check", "--no-config", "--rules-dir", str(policy), "--format", "json", str(page))
    message = run.json()["results"][0]["findings"][0]["message"]
    assert "is there, but not at the top" in message, message
    assert "a menu, header or sidebar of the site's before the <article> counts" in message, message
