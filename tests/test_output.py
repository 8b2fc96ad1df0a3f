"""Output formats and exit codes, from the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import threading
from pathlib import Path

import jsonschema
import pytest

import reprint_guard
from conftest import COMPLIANT_BODY, COMPLIANT_META, ROOT, SARIF_SCHEMA_PATH, markdown, run_on_terminal, validate_sarif
from reprint_guard.output.github import command
from reprint_guard.policy.schema import REPORT_SCHEMA_PATH, SCHEMA_PATH, render_report_schema, render_schema


@pytest.fixture
def repo(write_md):
    write_md("ok.md", COMPLIANT_META, COMPLIANT_BODY)
    write_md("no-credit.md", COMPLIANT_META, COMPLIANT_BODY.replace("Global Research", "GR"))
    write_md("warn.md", {k: v for k, v in COMPLIANT_META.items() if k != "commercial"}, COMPLIANT_BODY)
    write_md("own.md", {"title": "Our own story"}, "Ours.\n")
    return write_md("ok.md", COMPLIANT_META, COMPLIANT_BODY).parent


def test_json_output_matches_its_schema(repo, cli):
    run = cli("check", str(repo), "--format", "json")
    assert run.code == 1
    report = run.json()
    schema = json.loads(REPORT_SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(report, schema)
    assert report["version"] == 1 and report["tool"]["name"] == "reprint-guard"
    by_name = {Path(r["path"]).name: r for r in report["results"]}
    assert [r["status"] for r in report["results"]] == ["fail", "pass", "skipped", "pass"]  # sorted walk order
    assert by_name["no-credit.md"]["findings"][0]["rule"] == "global-research/source-credit"
    assert by_name["warn.md"]["findings"][0]["severity"] == "warning"
    assert report["summary"] == {
        "files": 4,
        "passed": 2,
        "failed": 1,
        "errored": 0,
        "skipped": 1,
        "errors": 1,
        "warnings": 1,
        "infos": 0,
        "suppressed": 0,
        "unchecked": 0,
    }


def test_files_no_policy_was_checked_against_are_counted_apart_from_real_passes(tmp_path, cli):
    """An unknown publisher, or a misspelt original_url, "passed" with a warning though nothing was checked."""
    (tmp_path / "ok.md").write_text(markdown(COMPLIANT_META, COMPLIANT_BODY), encoding="utf-8")
    (tmp_path / "unknown.md").write_text(markdown({"original_url": "https://unknown.example/a"}, "x"), encoding="utf-8")
    (tmp_path / "typo.md").write_text("---\norginal_url: https://unknown.example/a\n---\nx\n", encoding="utf-8")
    run = cli("check", str(tmp_path), "--format", "json")
    summary = run.json()["summary"]
    assert (summary["passed"], summary["unchecked"]) == (3, 2)
    text = cli("check", str(tmp_path)).out.splitlines()[-1]
    assert text.endswith("in 3 files: 3 passed, 0 failed; of the passed and failed, 2 checked against no policy")
    said = "3 passed, 0 failed; of the passed and failed, 2 checked against no policy"
    assert said in cli("check", str(tmp_path), "--format", "markdown").out


def test_shipped_schemas_are_fresh():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render_schema(), "run python -m reprint_guard.policy.schema"
    assert REPORT_SCHEMA_PATH.read_text(encoding="utf-8") == render_report_schema()


def test_the_report_schema_requires_what_every_report_holds(repo, cli):
    """A CMS developer's review: the schema required only a result's path, ok and fully_checked, so types
    generated from it made status and findings optional. What the output always writes is required now, and
    a report without one of them is invalid; a finding's file, field and end are written only when set."""
    schema = json.loads(REPORT_SCHEMA_PATH.read_text(encoding="utf-8"))
    report = cli("check", str(repo), "--format", "json").json()
    jsonschema.Draft202012Validator(schema).validate(report)
    assert {"status", "findings", "reason", "error"} <= set(schema["$defs"]["Result"]["required"])
    assert "file" not in schema["$defs"]["Finding"]["required"] and "fix" in schema["$defs"]["Finding"]["required"]
    for part, key in [("result", "status"), ("finding", "fix"), ("summary", "skipped")]:
        broken = json.loads(json.dumps(report))
        held = {"result": broken["results"][0], "finding": None, "summary": broken["summary"]}
        held["finding"] = next(r["findings"][0] for r in broken["results"] if r["findings"])
        del held[part][key]
        with pytest.raises(jsonschema.ValidationError, match=f"'{key}' is a required property"):
            jsonschema.Draft202012Validator(schema).validate(broken)


@pytest.mark.parametrize(("fail_on", "code"), [("error", 1), ("warning", 1), ("never", 0)])
def test_fail_on(repo, cli, fail_on, code):
    assert cli("check", str(repo), "--fail-on", fail_on).code == code


def test_a_summary_says_why_files_with_errors_passed_under_fail_on_never(repo, cli, tmp_path):
    """``fail-on: never`` counted a file with errors as "1 passed, 0 failed" under a warning mark, unexplained."""
    run = cli("check", str(repo), "--fail-on", "never", "--markdown", str(tmp_path / "summary.md"))
    last = run.out.splitlines()[-1]
    assert run.code == 0 and last.endswith("; with fail-on never, no finding fails a file"), last
    head = (tmp_path / "summary.md").read_text(encoding="utf-8").splitlines()[2]
    assert head.endswith("; with fail-on never, no finding fails a file"), head
    assert "fail-on never" not in cli("check", str(repo)).out  # said only where it explains


def test_fail_on_warning_alone(repo, cli):
    warn = str(repo / "warn.md")
    assert cli("check", warn).code == 0
    run = cli("check", warn, "--fail-on", "warning", "--format", "json")
    assert run.code == 1
    assert run.json()["results"][0]["status"] == "fail"


def test_text_output(repo, cli):
    run = cli("check", str(repo))
    lines = run.out.splitlines()
    assert lines[0].endswith("no-credit.md")
    assert "error" in lines[1] and "global-research/source-credit" in lines[1]
    assert lines[2].strip().startswith("fix: ")
    assert lines[-1] == "✖ 1 error, 1 warning in 4 files: 2 passed, 1 failed, 1 skipped (not reprints)"
    assert "\x1b[" not in run.out  # not a terminal: no colour
    verbose = cli("check", str(repo), "-v").out
    assert "own.md: skipped (not a reprint" in verbose and "ok.md: ok (global-research)" in verbose


def test_colour_rules(repo, cli):
    assert "\x1b[31m" in cli("check", str(repo), "--color", "always").out
    assert "\x1b[" not in cli("check", str(repo), "--color", "always", env={"NO_COLOR": "1"}).out
    # FORCE_COLOR asks for colour off a terminal (a CI log); "0" does not; NO_COLOR still wins.
    assert "\x1b[31m" in cli("check", str(repo), env={"FORCE_COLOR": "1"}).out
    assert "\x1b[" not in cli("check", str(repo), env={"FORCE_COLOR": "0"}).out
    assert "\x1b[" not in cli("check", str(repo), env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).out
    assert "\x1b[" not in cli("check", str(repo), "--color", "never", env={"FORCE_COLOR": "1"}).out


def test_fail_on_is_read_blind_to_case(repo, cli):
    """``--fail-on WARNING`` was refused ("invalid choice") where the Action's input and the config take it."""
    assert cli("check", str(repo), "--fail-on", "Never").code == 0
    assert cli("check", str(repo), "--fail-on", "ERROR").code == 1


def test_colour_on_a_real_terminal(repo):
    pytest.importorskip("pty")
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    assert "\x1b[31m" in run_on_terminal(["check", str(repo)], env={**env, "TERM": "xterm"})
    assert "\x1b[" not in run_on_terminal(["check", str(repo)], env={**env, "TERM": "xterm", "NO_COLOR": "1"})


def test_github_format(repo, cli):
    run = cli("check", str(repo), "--format", "github")
    lines = run.out.splitlines()
    error = next(line for line in lines if line.startswith("::error "))
    assert error.startswith(f"::error file={repo / 'no-credit.md'},line=")
    assert ",title=global-research/source-credit::" in error
    assert "%0Afix: " in error
    assert any(line.startswith("::warning ") and "missing-metadata" in line for line in lines)


def test_github_annotations_name_files_from_the_workspace_wherever_the_step_runs(repo, cli):
    workspace = repo.parent
    run = cli("check", "no-credit.md", "--format", "github", cwd=repo, env={"GITHUB_WORKSPACE": str(workspace)})
    error = next(line for line in run.out.splitlines() if line.startswith("::error "))
    assert error.startswith(f"::error file={repo.name}/no-credit.md,line=")
    link = repo / "linked.md"
    link.symlink_to(repo / "no-credit.md")
    run = cli("check", "linked.md", "--format", "github", cwd=repo, env={"GITHUB_WORKSPACE": str(workspace)})
    assert f"::error file={repo.name}/linked.md," in run.out  # where the link stands, not its target


def test_sarif_places_a_symbolic_link_where_it_stands_not_at_its_target(repo, cli):
    """SARIF placed a linked file's results at its target (``no-credit.md``; ``file:///etc/...`` for one that
    leads out): code scanning could not place the alert on the file the pull request holds."""
    (repo / "linked.md").symlink_to(repo / "no-credit.md")
    log = cli("check", "linked.md", "--format", "sarif", cwd=repo).json()
    (result,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "global-research/source-credit"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "linked.md", result
    (repo / "a" / "deep").mkdir(parents=True)
    (repo / "a" / "b").mkdir()
    (repo / "a" / "b" / "other.md").write_bytes((repo / "no-credit.md").read_bytes())
    (repo / "lnk").symlink_to(repo / "a" / "deep")
    through = cli("check", "lnk/../b/other.md", "--format", "sarif", cwd=repo).json()  # the system reads a/b
    (result,) = [r for r in through["runs"][0]["results"] if r["ruleId"] == "global-research/source-credit"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a/b/other.md", result


def test_github_escaping():
    line = command("error", "50% done\r\nnext", file="a,b:c.md", line=3, title="x/y")
    assert line == "::error file=a%2Cb%3Ac.md,line=3,title=x/y::50%25 done%0D%0Anext"


def test_library_is_thread_safe_and_reuses_policies():
    bodies = [COMPLIANT_BODY, COMPLIANT_BODY.replace("Global Research", "GR")] * 20
    results: list = [None] * len(bodies)

    def work(i: int) -> None:
        results[i] = reprint_guard.check(bodies[i], COMPLIANT_META)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(bodies))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [r.ok for r in results] == [True, False] * 20
    assert reprint_guard.load_policy("global-research") is reprint_guard.load_policy("global-research")


def test_library_result_is_typed_pydantic():
    result = reprint_guard.check(COMPLIANT_BODY.replace("Global Research", "GR"), COMPLIANT_META)
    assert isinstance(result, reprint_guard.Result)
    finding = result.findings[0]
    assert isinstance(finding, reprint_guard.Finding)
    assert (finding.rule, finding.severity, finding.line) == ("global-research/source-credit", "error", 7)
    assert json.loads(result.model_dump_json())["findings"][0]["rule"] == "global-research/source-credit"


def test_engine_results_and_typed_results_have_the_same_fields() -> None:
    """report.py (plain, for the CLI) and results.py (pydantic, for the library) describe one shape."""
    from reprint_guard import report, results

    for name in ("Suppressed", "Finding", "Result", "Summary"):
        plain = list(getattr(report, name).__slots__)
        typed = list(getattr(results, name).model_fields)
        assert plain == typed, name


@pytest.mark.parametrize("fmt", ["sarif", "markdown", "json", "github", "text"])
def test_a_file_name_that_is_not_utf8(tmp_path, cli, fmt):
    """Such a name reaches Python as lone surrogates (os.fsdecode); every format must still be written."""
    name = os.fsdecode(b"bad\xff.md")
    (tmp_path / name).write_text(markdown({"original_url": COMPLIANT_META["original_url"]}, "Body.\n"), "utf-8")
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, "-m", "reprint_guard", "check", ".", "--format", fmt], cwd=tmp_path, capture_output=True
    )  # bytes: the name is written back as the bytes it was
    assert run.returncode == 1 and b"Traceback" not in run.stderr, run.stderr[-500:]
    assert b"bad" in run.stdout


def test_ok_is_in_the_librarys_dumps_and_the_json_output(tmp_path, cli):
    result = reprint_guard.check(COMPLIANT_BODY, {**COMPLIANT_META, "commercial": True})
    assert result.model_dump()["ok"] is False and json.loads(result.model_dump_json())["ok"] is False
    (tmp_path / "a.md").write_text(markdown(COMPLIANT_META, COMPLIANT_BODY), encoding="utf-8")
    assert cli("check", "a.md", "--format", "json", cwd=tmp_path).json()["results"][0]["ok"] is True


def test_fully_checked_is_in_the_librarys_dumps_and_the_json_output(tmp_path, cli):
    """``ok`` alone clears a reprint no policy was checked against: a consumer of the dump or the JSON output
    needs ``fully_checked`` beside it."""
    unknown = reprint_guard.check(COMPLIANT_BODY, {**COMPLIANT_META, "original_url": "https://unknown.example/a/1"})
    assert unknown.ok and unknown.model_dump()["fully_checked"] is False
    assert json.loads(unknown.model_dump_json())["fully_checked"] is False
    (tmp_path / "a.md").write_text(markdown(COMPLIANT_META, COMPLIANT_BODY), encoding="utf-8")
    (tmp_path / "b.md").write_text(
        markdown({**COMPLIANT_META, "original_url": "https://unknown.example/a/1"}, COMPLIANT_BODY), encoding="utf-8"
    )
    report = cli("check", "a.md", "b.md", "--format", "json", cwd=tmp_path).json()
    jsonschema.validate(report, json.loads(REPORT_SCHEMA_PATH.read_text(encoding="utf-8")))
    assert [(r["path"], r["ok"], r["fully_checked"]) for r in report["results"]] == [
        ("a.md", True, True),
        ("b.md", True, False),
    ]


def test_a_finding_about_metadata_names_its_field_for_a_cms_that_has_no_line_for_it(tmp_path, cli):
    """A CMS passes metadata as data: a finding about it stands at 1:1, and ``field`` says which value it is
    about (a form field to point at); a finding about the body has none. The JSON output carries it, in the
    site's own name for the key when the config maps one."""
    meta = {**COMPLIANT_META, "commercial": True, "medium": "print"}
    result = reprint_guard.check(COMPLIANT_BODY.replace("Global Research", "GR"), meta)
    fields = {f.rule: f.field for f in result.findings}
    assert fields == {  # a commercial paper's print edition needs the print permission (not a commercial-site one)
        "global-research/print-permission": "permissions",
        "global-research/source-credit": None,
    }
    unknown = reprint_guard.check("Text.\n", {"original_url": "https://unknown.example/a"})
    assert [(f.rule, f.field) for f in unknown.findings] == [("reprint-guard/unknown-publisher", "original_url")]
    (tmp_path / ".reprint-guard.yaml").write_text("front-matter:\n  canonicalURL: original_url\n", encoding="utf-8")
    written = {k: v for k, v in COMPLIANT_META.items() if k != "original_url"}
    written["canonicalURL"] = "not an address"
    (tmp_path / "a.md").write_text(markdown(written, COMPLIANT_BODY), encoding="utf-8")
    report = cli("check", "a.md", "--format", "json", cwd=tmp_path).json()
    jsonschema.validate(report, json.loads(REPORT_SCHEMA_PATH.read_text(encoding="utf-8")))
    found = [(f["rule"], f.get("field")) for f in report["results"][0]["findings"]]
    assert ("reprint-guard/unknown-publisher", "canonicalURL") in found, found


def test_a_config_suppressions_warning_is_reported_and_counted_once_in_every_output(tmp_path, cli, sarif_schema):
    """An unused config suppression whose glob matches several files: one finding, at its entry in the config,
    in the text, JSON, SARIF, GitHub and Markdown outputs alike, counted once by the exit status."""
    (tmp_path / ".reprint-guard.yaml").write_text(
        "suppressions:\n"
        "  - path: 'posts/**'\n"
        "    rule: global-research/commercial-permission\n"
        "    reason: Syndication agreed by email\n",
        encoding="utf-8",
    )
    for name in ("a", "b", "c"):
        (tmp_path / "posts").mkdir(exist_ok=True)
        (tmp_path / "posts" / f"{name}.md").write_text(markdown(COMPLIANT_META, COMPLIANT_BODY), encoding="utf-8")
    reports = ["--json", "out.json", "--sarif", "out.sarif", "--markdown", "out.md"]
    run = cli("check", "posts", "--fail-on", "warning", "--format", "github", *reports, cwd=tmp_path)
    assert run.code == 1, run.out + run.err
    annotations = [line for line in run.out.splitlines() if line.startswith("::")]
    assert len(annotations) == 1
    assert annotations[0].startswith(
        "::warning file=.reprint-guard.yaml,line=2,col=5,title=reprint-guard/unused-suppression::"
    )
    assert run.out.splitlines()[-1].startswith("reprint-guard: 0 errors, 1 warning in 3 files (0 failed,")
    report = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, json.loads(REPORT_SCHEMA_PATH.read_text(encoding="utf-8")))
    flagged = [(r["path"], f["rule"], f["line"]) for r in report["results"] for f in r["findings"]]
    assert flagged == [(".reprint-guard.yaml", "reprint-guard/unused-suppression", 2)]
    assert (report["summary"]["warnings"], report["summary"]["failed"], report["summary"]["files"]) == (1, 0, 3)
    sarif = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    validate_sarif(sarif, sarif_schema)
    (result,) = sarif["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert result["ruleId"] == "reprint-guard/unused-suppression" and result["level"] == "warning"
    assert location["artifactLocation"]["uri"] == ".reprint-guard.yaml" and location["region"]["startLine"] == 2
    summary = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert summary.count("reprint-guard/unused-suppression") == 1 and "1 warning in 3 files" in summary
    text = cli("check", "posts", cwd=tmp_path)
    assert text.code == 0  # a warning: the default fail-on is error
    assert text.out.count("reprint-guard/unused-suppression") == 1 and text.out.startswith(".reprint-guard.yaml\n")
    assert text.out.splitlines()[-1] == "⚠ 0 errors, 1 warning in 3 files: 3 passed, 0 failed"


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_a_console_in_another_encoding_gets_every_report_whole_not_a_crash(tmp_path, write_md, encoding):
    """A Windows console or redirected output in a code page has no ✖ (nor every letter of a name): the text
    report shows plain marks and escapes, and JSON and SARIF stay valid and carry the same names."""
    import subprocess
    import sys

    meta = {**COMPLIANT_META, "author": "Zoë Lefèvre 😀", "title": "Ærø — ✖"}
    write_md("a.md", meta, "# Ærø\n\nText without its credit.\n")
    env = {**os.environ, "PYTHONIOENCODING": encoding}

    def run(*args: str) -> tuple[int, str, str]:
        proc = subprocess.run([sys.executable, "-m", "reprint_guard", *args], capture_output=True, env=env, timeout=60)
        # Workflow commands are UTF-8 whatever the console: the runner reads them so on every system.
        out = proc.stdout.decode("utf-8" if "github" in args else encoding)
        return proc.returncode, out, proc.stderr.decode(encoding)

    code, out, err = run("check", str(tmp_path / "a.md"), "--format", "text")
    assert code == 1 and "internal error" not in err, err
    assert out.splitlines()[-1].startswith("x 3 errors"), out
    for kind in ("json", "sarif"):
        code, out, err = run("check", str(tmp_path / "a.md"), "--format", kind)
        assert code == 1 and out.isascii(), err
        assert "Zoë Lefèvre 😀" in json.dumps(json.loads(out), ensure_ascii=False)
    for kind in ("github", "markdown"):
        code, out, err = run("check", str(tmp_path / "a.md"), "--format", kind)
        assert code == 1 and "internal error" not in err, err
        if kind == "github":
            assert "Zoë Lefèvre 😀" in out and "\\u" not in out, out
    # The Markdown summary's marks are plain too (a summary redirected to a file is in the code page).
    assert out.startswith("### x reprint-guard") and "| x fail |" in out and "| x error |" in out, out
    assert "\\u2716" not in out  # no mark written as an escape
    if encoding == "cp1252":
        assert "Zoë Lefèvre" in out  # a letter the code page has is written as it is
    assert run("explain", "global-research/copyright-notice")[0] == 0


def test_a_broken_sidecar_is_told_in_the_sidecar_in_every_output(tmp_path, cli):
    """Invalid YAML in a page's NAME.meta.yaml: the error stands at its line and column in the sidecar (it was
    annotated in the page, at the sidecar's position), and its SARIF fingerprint holds from a subfolder."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)  # SARIF's paths: from the repository's root
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "x.html").write_text("<p>Text.</p>\n", encoding="utf-8")
    (tmp_path / "s" / "x.meta.yaml").write_text("title: ok\nauthor: [bad\n", encoding="utf-8")
    run = cli("check", "s", "--no-config", "--format", "json", cwd=tmp_path)
    assert run.code == 2, run.out + run.err
    jsonschema.validate(run.json(), json.loads(REPORT_SCHEMA_PATH.read_text(encoding="utf-8")))
    [result] = run.json()["results"]
    place = (result["path"], result["error_file"], result["error_line"])
    assert place == (os.path.join("s", "x.html"), os.path.join("s", "x.meta.yaml"), 2), result
    github = cli("check", "s", "--no-config", "--format", "github", cwd=tmp_path).out
    assert f"::error file={os.path.join('s', 'x.meta.yaml')},line=2,col=" in github, github
    prints = []
    for where, name in ((tmp_path, "s"), (tmp_path / "s", "x.html")):
        sarif = cli("check", name, "--no-config", "--format", "sarif", cwd=where).json()
        [item] = sarif["runs"][0]["results"]
        location = item["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "s/x.meta.yaml" and location["region"]["startLine"] == 2
        prints.append(item["partialFingerprints"])
    assert prints[0] == prints[1]
    (tmp_path / "s" / "x.meta.yaml").write_text("\n\ntitle: ok\nauthor: [bad\n", encoding="utf-8")
    moved = cli("check", "s", "--no-config", "--format", "sarif", cwd=tmp_path).json()["runs"][0]["results"][0]
    assert moved["partialFingerprints"] == prints[0]  # lines moving in the sidecar keep the alert


def test_sarif_describes_the_rules_of_a_policy_named_by_file(tmp_path, cli, sarif_schema):
    """``--policy FILE`` (or the config's ``policy:``): code scanning's rule help came out empty (the rule
    table was read from the folders' policies only), and a house file reusing a bundled id got the
    bundled policy's description and terms link."""
    (tmp_path / "pol").mkdir()
    (tmp_path / "pol" / "mine.yaml").write_text(
        "id: mine\nname: Mine\npublisher: Mine News\nsource_url: https://mine.example/terms\n"
        "applies_to: [mine.example]\nrules:\n  - id: credit\n    check: attribution\n    names: [Mine News]\n"
        "    message: Credit Mine News\n    description: The reprint names Mine News.\n",
        encoding="utf-8",
    )
    house = "id: global-research\nname: House\npublisher: Global Research\nsource_url: https://house.example/gr\n"
    house += "applies_to: [globalresearch.ca]\nrules:\n  - id: source-credit\n    check: attribution\n"
    house += "    names: [Global Research]\n    message: House credit\n    description: Our agreement.\n"
    (tmp_path / "pol" / "house.yaml").write_text(house, encoding="utf-8")
    (tmp_path / "a.md").write_text(markdown({"original_url": "https://mine.example/a"}, "Text."), encoding="utf-8")
    (tmp_path / "b.md").write_text(markdown(COMPLIANT_META, "Text."), encoding="utf-8")
    for name, policy, rule, uri in (
        ("a.md", "pol/mine.yaml", "mine/credit", "https://mine.example/terms"),
        ("b.md", "pol/house.yaml", "global-research/source-credit", "https://house.example/gr"),
    ):
        log = cli("check", name, "--no-config", "--policy", policy, "--format", "sarif", cwd=tmp_path).json()
        validate_sarif(log, sarif_schema)
        [described] = [r for r in log["runs"][0]["tool"]["driver"]["rules"] if r["id"] == rule]
        assert described["helpUri"] == uri, described
        assert described["fullDescription"]["text"] in ("The reprint names Mine News.", "Our agreement."), described


def test_standard_input_and_a_file_outside_the_repository_are_placed_as_consumers_read_them(
    tmp_path, cli, sarif_schema
):
    """Standard input was annotated as a file named "<stdin>" (SARIF: a file of that name at the repository's
    root); a file outside the repository got a relative SARIF URI that resolves against nothing."""
    text = markdown(COMPLIANT_META, "Text.")
    github = cli("check", "-", "--no-config", "--format", "github", stdin=text, cwd=tmp_path).out
    annotations = [line for line in github.splitlines() if line.startswith("::")]
    assert annotations and all(line.startswith("::error title=") for line in annotations), github
    log = cli("check", "-", "--no-config", "--format", "sarif", stdin=text, cwd=tmp_path).json()
    validate_sarif(log, sarif_schema)
    assert log["runs"][0]["results"] and all("locations" not in r for r in log["runs"][0]["results"])
    # An input error on standard input too (it was annotated in a file named "<stdin>", and so located).
    broken = (
        '{"metadata": {"original_url": "https://www.globalresearch.ca/x/1", "published": "2026-13-45"}, "body": "x"}'
    )
    github = cli("check", "-", "--no-config", "--format", "github", stdin=broken, cwd=tmp_path)
    assert github.code == 2 and github.out.startswith("::error title=reprint-guard/input-error::"), github.out
    log = cli("check", "-", "--no-config", "--format", "sarif", stdin=broken, cwd=tmp_path).json()
    validate_sarif(log, sarif_schema)
    [error] = log["runs"][0]["results"]
    assert error["ruleId"] == "reprint-guard/input-error" and "locations" not in error
    [result] = cli("check", "-", "--no-config", "--format", "json", stdin=broken, cwd=tmp_path).json()["results"]
    assert result["path"] == "<stdin>" and "error_file" not in result and result["error_line"] == 1
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    repo.mkdir(), outside.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (outside / "a.md").write_text(text, encoding="utf-8")
    log = cli("check", "../outside/a.md", "--no-config", "--format", "sarif", cwd=repo).json()
    validate_sarif(log, sarif_schema)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {(outside / "a.md").resolve().as_uri()}, uris


def test_a_broken_config_still_writes_a_sarif_log_to_standard_output(tmp_path, cli, sarif_schema):
    """``--format sarif > out.sarif`` with a broken config left an empty file for the upload step."""
    (tmp_path / ".reprint-guard.yaml").write_text("fail-on: [oops\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(markdown(COMPLIANT_META, COMPLIANT_BODY), encoding="utf-8")
    run = cli("check", "a.md", "--format", "sarif", cwd=tmp_path)
    assert run.code == 2 and "invalid YAML" in run.err
    log = run.json()
    validate_sarif(log, sarif_schema)
    [notification] = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert "invalid YAML" in notification["message"]["text"]


def test_a_broken_config_still_writes_a_json_report(tmp_path, cli):
    """``--format json`` and ``--json FILE`` wrote nothing when a broken config stopped the run: a dashboard
    read an empty file. Now one result, the file at fault, that could not be used; valid by the schema."""
    (tmp_path / ".reprint-guard.yaml").write_text("fail-on: 7\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(markdown(COMPLIANT_META, COMPLIANT_BODY), encoding="utf-8")
    run = cli("check", "a.md", "--format", "json", "--json", "out.json", cwd=tmp_path)
    assert run.code == 2 and "fail-on" in run.err
    schema = json.loads(REPORT_SCHEMA_PATH.read_text(encoding="utf-8"))
    for report in (run.json(), json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))):
        jsonschema.validate(report, schema)
        [result] = report["results"]
        assert result["status"] == "error" and result["path"].endswith(".reprint-guard.yaml")
        assert (result["error_line"], report["summary"]["errored"]) == (1, 1)


def test_a_value_set_in_a_sidecar_is_told_at_its_line_there_in_every_output(tmp_path, cli):
    """An HTML page's metadata is its NAME.meta.yaml: a finding about 'commercial: true' stands at that line
    of the sidecar (its file named), not at line 1 of the page."""
    (tmp_path / "a.html").write_text(
        "<p>Text.</p>\n<p>The original source of this article is "
        f'<a href="{COMPLIANT_META["original_url"]}">Global Research</a>.</p>\n'
        "<p>Copyright © Ana Ruiz, Global Research, 2024</p>\n",
        encoding="utf-8",
    )
    meta = {**COMPLIANT_META, "commercial": True}
    sidecar = "".join(f"{key}: {value}\n" for key, value in meta.items())
    (tmp_path / "a.meta.yaml").write_text(sidecar.replace("True", "true"), encoding="utf-8")
    line = [key for key in meta].index("commercial") + 1
    run = cli("check", "a.html", "--format", "json", cwd=tmp_path)
    data = run.json()
    jsonschema.validate(data, json.loads(REPORT_SCHEMA_PATH.read_text(encoding="utf-8")))
    [finding] = data["results"][0]["findings"]
    assert (finding["rule"], finding["file"], finding["line"]) == (
        "global-research/commercial-permission",
        "a.meta.yaml",
        line,
    ), finding
    assert f"  a.meta.yaml:{line}:1 " in cli("check", "a.html", cwd=tmp_path).out
    github = cli("check", "a.html", "--format", "github", cwd=tmp_path).out
    assert f"::error file=a.meta.yaml,line={line},col=1,title=global-research/commercial-permission::" in github
    sarif = cli("check", "a.html", "--format", "sarif", cwd=tmp_path).json()
    [location] = sarif["runs"][0]["results"][0]["locations"]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "a.meta.yaml"
    assert location["physicalLocation"]["region"]["startLine"] == line
    # A permission record in the sidecar: told at its 'permissions' key, as in front matter.
    record = (
        "permissions:\n"
        "  - {from: publications@globalresearch.ca, date: 2020-01-01, expires: 2021-01-01, scope: [commercial]}\n"
    )
    (tmp_path / "a.meta.yaml").write_text(sidecar.replace("True", "true") + record, encoding="utf-8")
    [finding] = cli("check", "a.html", "--format", "json", cwd=tmp_path).json()["results"][0]["findings"]
    assert (finding["file"], finding["line"]) == ("a.meta.yaml", len(meta) + 1), finding
    (tmp_path / "a.meta.yaml").write_text(sidecar.replace("True", "true"), encoding="utf-8")
    # Set on the command line, the value has no line: told at the start of the metadata, the sidecar's.
    overridden = cli("check", "a.html", "--meta", "commercial=true", "--format", "json", cwd=tmp_path)
    [finding] = overridden.json()["results"][0]["findings"]
    assert (finding["file"], finding["line"]) == ("a.meta.yaml", 1), finding


def test_the_official_sarif_schema_is_beside_the_checkout(sarif_schema):
    """The SARIF tests validate against the official schema when it is at hand (../shared, as CI has it);
    without it they make their other checks, and this test is skipped, saying where it looked."""
    if sarif_schema is None:
        pytest.skip(f"the official SARIF schema is not at {SARIF_SCHEMA_PATH}: SARIF is not validated against it")
    assert sarif_schema["properties"]["version"]["enum"] == ["2.1.0"]


def test_an_input_errors_annotation_does_not_say_its_place_twice(tmp_path, cli):
    """``::error file=bad.md,line=2,col=8,...::bad.md:2:8: invalid YAML ...``: the place was in the properties
    and again at the head of the message."""
    (tmp_path / "bad.md").write_text("---\ntitle: [\n---\nx\n", encoding="utf-8")
    run = cli("check", "bad.md", "--format", "github", "--no-config", cwd=tmp_path)
    (line,) = [line for line in run.out.splitlines() if line.startswith("::error")]
    assert line.startswith("::error file=bad.md,line=2,col=8,title=reprint-guard/input-error::invalid YAML: "), line


def test_a_finding_about_text_in_the_body_marks_its_extent_in_every_output(tmp_path, cli, sarif_schema):
    """A forbidden phrase, a misplaced credit and a wrong link have a start and an end (the column after the
    text), so an editor or code scanning can mark them; something missing has only its start."""
    (tmp_path / "pol").mkdir()
    (tmp_path / "pol" / "tide.yaml").write_text(
        "id: tide\nname: Tide\npublisher: Tide Weekly\nsource_url: https://tide.example/terms\n"
        "applies_to: [tide.example]\nrules:\n"
        "  - {id: no-reserve, check: text, pattern: 'all\\s+rights reserved', mode: forbid, message: No notice}\n"
        "  - {id: top, check: attribution, names: [Tide Weekly], position: top, message: Credit at the top}\n"
        "  - {id: link, check: link, target: original, message: Link to the original}\n"
        "  - {id: hello, check: text, phrase: hello there, message: Say hello}\n",
        encoding="utf-8",
    )
    body = "First paragraph of the piece, long enough to count.\n\n" * 12
    body += "See [the story](https://tide.example/other/2).\n\n"
    body += "First published by [Tide Weekly](https://tide.example/other/3). All  rights\nreserved.\n"
    meta = {"title": "T", "original_url": "https://tide.example/story/1", "author": "Ana"}
    page = tmp_path / "a.md"
    page.write_text(markdown(meta, body), encoding="utf-8")
    run = cli("check", str(page), "--rules-dir", "pol", "--format", "json", cwd=tmp_path)
    found = {f["rule"]: f for f in run.json()["results"][0]["findings"]}
    spans = {rule: (f["line"], f["column"], f.get("end_line"), f.get("end_column")) for rule, f in found.items()}
    lines = page.read_text(encoding="utf-8").splitlines()
    link_line, credit_line = spans["tide/link"][0], spans["tide/top"][0]
    assert lines[link_line - 1][spans["tide/link"][1] - 1 : spans["tide/link"][3] - 1] == "https://tide.example/other/3"
    assert lines[credit_line - 1][spans["tide/top"][1] - 1 : spans["tide/top"][3] - 1] == "Tide Weekly"
    assert spans["tide/no-reserve"] == (credit_line, 65, credit_line + 1, 9)  # "All  rights\nreserved", over lines
    assert spans["tide/hello"][2:] == (None, None) and "end_line" not in found["tide/hello"]  # missing: no extent
    run = cli("check", str(page), "--rules-dir", "pol", "--format", "sarif", cwd=tmp_path)
    log = run.json()
    validate_sarif(log, sarif_schema)
    regions = {r["ruleId"]: r["locations"][0]["physicalLocation"]["region"] for r in log["runs"][0]["results"]}
    assert regions["tide/no-reserve"] == {
        "startLine": credit_line,
        "startColumn": 65,
        "endLine": credit_line + 1,
        "endColumn": 9,
    }
    assert regions["tide/hello"] == {"startLine": spans["tide/hello"][0], "startColumn": spans["tide/hello"][1]}
    run = cli("check", str(page), "--rules-dir", "pol", "--format", "github", cwd=tmp_path)
    link = next(line for line in run.out.splitlines() if "title=tide/link" in line)
    assert (
        f"line={link_line},endLine={link_line},col={spans['tide/link'][1]},endColumn={spans['tide/link'][3] - 1},"
        in link
    )
    spread = next(line for line in run.out.splitlines() if "title=tide/no-reserve" in line)
    assert f"line={credit_line},endLine={credit_line + 1},col=65,title=" in spread  # no end column across lines


def test_a_results_schema_is_what_a_dump_holds_ok_included():
    """Result.model_json_schema() (validation mode) lacked 'ok', which every dump and the JSON output have."""
    import jsonschema

    from conftest import COMPLIANT_BODY as BODY
    from conftest import COMPLIANT_META as META
    from reprint_guard import Result, check

    schema = Result.model_json_schema()
    assert "ok" in schema["properties"] and "ok" in schema.get("required", [])
    jsonschema.validate(check(BODY, META).model_dump(mode="json"), schema)


def test_a_rule_that_cannot_be_checked_for_a_key_not_set_leaves_the_reprint_not_fully_checked(tmp_path, cli):
    """Dialogue Earth's delay needs 'original_published': unset, its rule says it "cannot be checked", and
    ``fully_checked`` stayed true; with the rule made a warning by the site's config, an unchecked delay
    passed a gate of ``ok and fully_checked``."""
    fixture = (ROOT / "tests" / "policies" / "dialogue-earth" / "compliant.md").read_text(encoding="utf-8")
    text = "\n".join(line for line in fixture.splitlines() if not line.startswith(("original_published:", "expect:")))
    (tmp_path / "a.md").write_text(text + "\n", encoding="utf-8")
    (tmp_path / ".reprint-guard.yaml").write_text(
        "severity:\n  dialogue-earth/not-before-two-days: warning\n", encoding="utf-8"
    )
    (result,) = cli("check", "a.md", "--format", "json", cwd=tmp_path).json()["results"]
    assert [f["rule"] for f in result["findings"]] == ["dialogue-earth/not-before-two-days"], result
    assert "cannot be checked" in result["findings"][0]["message"]
    assert (result["ok"], result["fully_checked"]) == (True, False)
    checked = reprint_guard.check_file(tmp_path / "a.md", config=True)
    assert checked.ok and not checked.fully_checked


def test_a_notice_with_no_holder_known_leaves_the_reprint_not_fully_checked():
    """No author and no copyright_holder: the notice rule says the holder is unknown; made info by a site, the
    reprint was fully checked."""
    meta = {k: v for k, v in COMPLIANT_META.items() if k != "author"}
    result = reprint_guard.check(COMPLIANT_BODY, meta, severity={"global-research/copyright-notice": "info"})
    assert result.ok and not result.fully_checked, result.findings


def test_a_finding_of_a_term_read_second_hand_says_so_in_the_library_and_every_output(tmp_path, cli, sarif_schema):
    """A rule whose term was read in a third party's summary (``confidence: second-hand``) may not be the
    publisher's own wording: each finding carries its rule's confidence for a CMS to gate on (hold for a
    person rather than refuse), and every report for people says to re-check it; the tool's own findings
    (no publisher's term) carry none."""
    meta = {
        "title": "Clinic waits",
        "author": "Dana Whitfield",
        "original_url": "https://www.propublica.org/article/clinic-waits",
        "commercial": False,
        "medium": "web",
    }
    body = "Patients waited months for appointments at the county's clinics.\n"
    result = reprint_guard.check(body, meta)
    confidence = {f.rule: f.confidence for f in result.findings}
    assert confidence["propublica/credit-line"] == "second-hand"  # quoted by a third party
    assert confidence["propublica/credit-author"] == "primary"  # the CC licence's own text
    unknown = reprint_guard.check(body, {"original_url": "https://unknown.example/a"})
    assert [(f.rule, f.confidence) for f in unknown.findings] == [("reprint-guard/unknown-publisher", None)]

    (tmp_path / "a.md").write_text(markdown(meta, body), encoding="utf-8")
    report = cli("check", "a.md", "--format", "json", "--no-config", cwd=tmp_path).json()
    jsonschema.validate(report, json.loads(REPORT_SCHEMA_PATH.read_text(encoding="utf-8")))
    found = {f["rule"]: f["confidence"] for f in report["results"][0]["findings"]}
    assert found["propublica/credit-line"] == "second-hand" and found["propublica/credit-author"] == "primary"

    text = cli("check", "a.md", "--no-config", cwd=tmp_path).out
    notes = [line.strip() for line in text.splitlines() if line.strip().startswith("note:")]
    assert len(notes) == sum(value == "second-hand" for value in found.values()) >= 1
    assert "re-check it at the publisher's terms (reprint-guard explain propublica/credit-line)" in text

    github = cli("check", "a.md", "--format", "github", "--no-config", cwd=tmp_path).out
    credit = next(line for line in github.splitlines() if "title=propublica/credit-line" in line)
    assert "%0Anote: the term was read second-hand" in credit
    author = next(line for line in github.splitlines() if "title=propublica/credit-author" in line)
    assert "second-hand" not in author

    summary = cli("check", "a.md", "--format", "markdown", "--no-config", cwd=tmp_path).out
    assert "`propublica/credit-line` (second-hand term)" in summary
    assert "`propublica/credit-author` |" in summary

    log = cli("check", "a.md", "--format", "sarif", "--no-config", cwd=tmp_path).json()
    validate_sarif(log, sarif_schema)
    run = log["runs"][0]
    results = {r["ruleId"]: r["properties"]["confidence"] for r in run["results"]}
    assert results["propublica/credit-line"] == "second-hand" and results["propublica/credit-author"] == "primary"
    rules = {r["id"]: r["properties"].get("confidence") for r in run["tool"]["driver"]["rules"]}
    assert rules["propublica/credit-line"] == "second-hand" and rules["propublica/credit-author"] == "primary"


def test_sarif_fingerprints_of_two_findings_alike_in_one_file_differ(tmp_path, cli, sarif_schema):
    """Two findings that say the same of one file (two malformed suppressions) had one partialFingerprint, so
    code scanning would take them for one alert; the second is numbered (``hash:2``), as GitHub numbers its
    own, and the first keeps the fingerprint it had."""
    page = tmp_path / "two.md"
    page.write_text(
        (ROOT / "examples" / "global-research" / "markdown" / "compliant.md").read_text(encoding="utf-8")
        + "\n<!-- reprint-guard: ignore global-research/link-original -->\n"
        + "\n<!-- reprint-guard: ignore global-research/source-credit -->\n",
        encoding="utf-8",
    )
    sarif = cli("check", str(page), "--no-config", "--format", "sarif").json()
    validate_sarif(sarif, sarif_schema)
    prints = [
        item["partialFingerprints"]["reprintGuard/v2"]
        for item in sarif["runs"][0]["results"]
        if item["ruleId"] == "reprint-guard/invalid-suppression"
    ]
    assert len(prints) == 2 and prints[1] == f"{prints[0]}:2", prints


def test_standard_input_named_by_stdin_filename_is_placed_in_that_file(tmp_path, cli, sarif_schema):
    """SARIF from standard input had results without locations, which GitHub's upload refuses outright; an
    editor's or a hook's buffer piped in is a file of the repository: --stdin-filename names it, for every
    output, and the config's overrides match it."""
    page = (ROOT / "examples" / "global-research" / "markdown" / "missing-link-original-homepage.md").read_bytes()
    (tmp_path / ".reprint-guard.yaml").write_text(
        "overrides:\n  - paths: ['content/**']\n    metadata: {commercial: true}\n", encoding="utf-8"
    )
    args = ("check", "-", "--stdin-filename", "content/posts/a.md")
    sarif = cli(*args, "--format", "sarif", cwd=tmp_path, stdin=page).json()
    validate_sarif(sarif, sarif_schema)
    found = {item["ruleId"]: item for item in sarif["runs"][0]["results"]}
    assert set(found) == {"global-research/link-original", "global-research/commercial-permission"}, found
    elsewhere = cli("check", "-", "--stdin-filename", "drafts/a.md", "--format", "json", cwd=tmp_path, stdin=page)
    assert [f["rule"] for f in elsewhere.json()["results"][0]["findings"]] == ["global-research/link-original"]
    item = found["global-research/link-original"]
    location = item["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "content/posts/a.md" and location["region"]["startLine"] == 30
    github = cli(*args, "--format", "github", cwd=tmp_path, stdin=page).out
    assert "::error file=content/posts/a.md,line=30," in github, github
    assert cli(*args, "--format", "json", cwd=tmp_path, stdin=page).json()["results"][0]["path"] == "content/posts/a.md"
    plain = cli("check", "-", "--format", "sarif", cwd=tmp_path, stdin=page).json()
    assert "locations" not in plain["runs"][0]["results"][0]  # "<stdin>" is no file of the repository
    refused = cli("check", "a.md", "--stdin-filename", "b.md", cwd=tmp_path)
    assert refused.code == 2 and "check '-' with it" in refused.err


def test_standard_input_named_by_stdin_filename_takes_that_files_config_and_sidecar(tmp_path, cli):
    """A re-test found --stdin-filename half done: the config's suppressions for the file did not match,
    its exclude did not leave it out, and its metadata sidecar was not read (a page passed as the outlet's own)."""
    posts = tmp_path / "content" / "posts"
    drafts = tmp_path / "content" / "drafts"
    posts.mkdir(parents=True)
    drafts.mkdir()
    page = (ROOT / "examples" / "global-research" / "markdown" / "no-commercial-permission.md").read_bytes()
    (tmp_path / ".reprint-guard.yaml").write_text(
        'exclude: ["content/drafts/**"]\nsuppressions:\n  - path: content/posts/a.md\n'
        "    rule: global-research/commercial-permission\n    reason: Permission by phone\n",
        encoding="utf-8",
    )
    named = cli("check", "-", "--stdin-filename", "content/posts/a.md", cwd=tmp_path, stdin=page)
    assert named.code == 0 and "1 finding suppressed" in named.out, named.out
    excluded = cli("check", "-", "--stdin-filename", "content/drafts/a.md", cwd=tmp_path, stdin=page)
    assert "0 files" in excluded.out, excluded.out
    html = tmp_path / "side"
    html.mkdir()
    source = ROOT / "examples" / "global-research" / "html"
    (html / "gr.html").write_bytes((source / "compliant.html").read_bytes())
    meta = (source / "compliant.meta.yaml").read_text(encoding="utf-8").replace("medium: web", "medium: print")
    (html / "gr.meta.yaml").write_text(meta, encoding="utf-8")
    as_file = cli("check", "side/gr.html", "--no-config", "--format", "json", cwd=tmp_path).json()
    piped = cli(
        "check",
        "-",
        "--stdin-filename",
        "side/gr.html",
        "--no-config",
        "--format",
        "json",
        cwd=tmp_path,
        stdin=(html / "gr.html").read_bytes(),
    ).json()
    rules = [[f["rule"] for f in run["results"][0]["findings"]] for run in (as_file, piped)]
    assert rules[0] == rules[1] == ["global-research/print-permission"], rules


def test_a_policy_message_with_a_line_break_stays_on_its_findings_line(tmp_path, cli):
    """The text output wrote a message's line break as it stands, parting the finding from its rule id."""
    (tmp_path / "nl.yaml").write_text(
        "id: nl\nname: NL\npublisher: Harbour Herald\nsource_url: https://harbourherald.example/republish\n"
        "applies_to: [harbourherald.example]\nrules:\n"
        '  - {id: credit-line, check: attribution, names: [Harbour Herald], message: "No credit\\nsecond line"}\n',
        encoding="utf-8",
    )
    (tmp_path / "nl.md").write_text(
        "---\ntitle: T\noriginal_url: https://harbourherald.example/2026/11/x\n---\nNo credit here.\n", "utf-8"
    )
    out = cli("check", "--no-config", "--rules-dir", "nl.yaml", "nl.md", cwd=tmp_path).out
    [line] = [line for line in out.splitlines() if "nl/credit-line" in line]
    assert "No credit\\x0asecond line" in line and line.lstrip().startswith("5:1"), out


def test_a_line_break_in_a_file_name_is_written_as_an_escape_in_the_markdown_summary(tmp_path, cli):
    """A job summary showed ``new⏎line.md`` as ``new line.md``, which cannot be told from a real space in the
    name; it is written ``new\\x0aline.md``, as the text output writes it."""
    source = (ROOT / "examples" / "global-research" / "markdown" / "missing-source-credit.md").read_text(
        encoding="utf-8"
    )
    (tmp_path / "new\nline.md").write_text(source, encoding="utf-8")
    summary = cli("check", ".", "--format", "markdown", "--no-config", cwd=tmp_path).out
    assert "| `new\\x0aline.md` |" in summary and "#### `new\\x0aline.md`" in summary, summary
    assert "new line.md" not in summary
    assert "new\\x0aline.md" in cli("check", ".", "--no-config", cwd=tmp_path).out


def test_a_sidecars_finding_keeps_the_text_outputs_columns_in_line(tmp_path, cli):
    """A finding in NAME.meta.yaml names its file ("a.meta.yaml:7:1"), longer than the 7 characters a page's
    "12:3" is padded to: the file's column is as wide as its widest place, so every finding's severity starts
    at one column, and every fix under its message."""
    (tmp_path / "a.html").write_text("<p>Text with no credit at all.</p>\n", encoding="utf-8")
    meta = {**COMPLIANT_META, "commercial": "true"}
    (tmp_path / "a.meta.yaml").write_text("".join(f"{k}: {v}\n" for k, v in meta.items()), encoding="utf-8")
    run = cli("check", "a.html", "--no-config", cwd=tmp_path)
    rows = [line for line in run.out.splitlines() if line.startswith("  ") and line.strip()]
    places = [row for row in rows if row.split()[0][0].isalnum() and row.split()[1] in ("error", "warning")]
    assert any(row.split()[0].startswith("a.meta.yaml:") for row in places), run.out
    assert any(not row.split()[0].startswith("a.meta.yaml:") for row in places), run.out
    severity_columns = {row.index(row.split()[1], len(row.split()[0]) + 2) for row in places}
    assert len(severity_columns) == 1, run.out
    fixes = [row for row in rows if row.strip().startswith("fix:")]
    assert fixes and {row.index("fix:") for row in fixes} == {column + 8 for column in severity_columns}, run.out
