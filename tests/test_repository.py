"""Fitting a content repository: suppressions, SARIF, Markdown summary, several outputs, --jobs."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import COMPLIANT_BODY, COMPLIANT_META, ROOT, markdown, run_on_terminal, validate_sarif

COMMERCIAL = {**COMPLIANT_META, "commercial": True}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def findings(run, name=None):
    results = run.json()["results"]
    result = next(r for r in results if name is None or r["path"].endswith(name))
    return [(f["rule"], f["severity"], bool(f["suppressed"])) for f in result["findings"]]


# Suppressions ------------------------------------------------------------------


def test_inline_suppression_with_reason(tmp_path, cli):
    body = COMPLIANT_BODY + (
        '\n<!-- reprint-guard: ignore global-research/commercial-permission reason="Agreed by email 2024-05-02" -->\n'
    )
    write(tmp_path / "a.md", markdown(COMMERCIAL, body))
    run = cli("check", "a.md", "--format", "json", cwd=tmp_path)
    assert run.code == 0
    result = run.json()["results"][0]
    assert result["status"] == "pass"
    finding = result["findings"][0]
    assert finding["rule"] == "global-research/commercial-permission"
    assert finding["suppressed"] == {"kind": "inline", "reason": "Agreed by email 2024-05-02", "until": None}
    assert run.json()["summary"]["suppressed"] == 1 and run.json()["summary"]["errors"] == 0


def test_a_suppression_shown_in_code_suppresses_nothing(tmp_path, cli):
    """An article explaining the syntax shows it in code: there it is text, not a comment."""
    comment = '<!-- reprint-guard: ignore global-research/commercial-permission reason="example" -->'
    shown = [f"Write `{comment}` in the article.", f"    {comment}", f"```html\n{comment}\n```", f"- é `{comment}`"]
    shown += ["\\" + comment, f"[a link](https://example.org '{comment}')"]  # escaped; a link's title
    for number, example in enumerate(shown):
        write(tmp_path / f"{number}.md", markdown(COMMERCIAL, COMPLIANT_BODY + "\n" + example + "\n"))
    # The same comment as raw HTML, after the code ones (byte offsets past a non-ASCII letter), still counts.
    write(tmp_path / "real.md", markdown(COMMERCIAL, COMPLIANT_BODY + f"\n- é `{comment}`\n\n{comment}\n"))
    # A "<!--" shown in code does not swallow the real comment after it.
    write(tmp_path / "after.md", markdown(COMMERCIAL, COMPLIANT_BODY + f"\nStart one with `<!--`.\n\n{comment}\n"))
    run = cli("check", ".", "--format", "json", cwd=tmp_path)
    for number in range(len(shown)):
        assert findings(run, f"{number}.md") == [("global-research/commercial-permission", "error", False)], number
    assert findings(run, "real.md") == [("global-research/commercial-permission", "error", True)]
    assert findings(run, "after.md") == [("global-research/commercial-permission", "error", True)]
    from reprint_guard import check

    library = check(COMPLIANT_BODY + "\n" + shown[0] + "\n", COMMERCIAL)
    assert not library.ok and library.findings[0].suppressed is None


def test_suppression_problems(tmp_path, cli):
    body = COMPLIANT_BODY + (
        "\n<!-- reprint-guard: ignore global-research/commercial-permission -->\n"
        '<!-- reprint-guard: ignore global-research/source-credit reason="old deal" until=2020-01-01 -->\n'
        '<!-- reprint-guard: ignore global-research/print-permission reason="never needed" -->\n'
    )
    path = write(tmp_path / "a.md", markdown(COMMERCIAL, body.replace("Global Research", "GR")))
    before = path.read_bytes()
    run = cli("check", "a.md", "--format", "json", cwd=tmp_path)
    assert run.code == 1
    got = findings(run)
    assert ("global-research/commercial-permission", "error", False) in got  # reason missing: not suppressed
    assert ("reprint-guard/invalid-suppression", "error", False) in got
    assert ("global-research/source-credit", "error", False) in got  # expired: back
    assert ("reprint-guard/expired-suppression", "warning", False) in got
    assert ("reprint-guard/unused-suppression", "warning", False) in got
    result = run.json()["results"][0]
    invalid = next(f for f in result["findings"] if f["rule"] == "reprint-guard/invalid-suppression")
    assert invalid["line"] == 17 and "needs a reason" in invalid["message"]
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("reason", "suppressed"),
    [
        ("reason=“Permission by email, 2 May”", True),  # curly quotes, as a CMS or word processor writes them
        ("reason=”Permission by email”", True),
        ('reason="Permission by email, “fair use” per counsel"', True),  # curly quotes inside straight ones
        ("reason='Permission by email'", False),
        ("reason=Permission", False),
    ],
)
def test_a_suppressions_reason_in_curly_quotes_counts_and_an_unquoted_one_is_told_as_such(
    tmp_path, cli, reason, suppressed
):
    body = COMPLIANT_BODY + f"\n<!-- reprint-guard: ignore global-research/commercial-permission {reason} -->\n"
    write(tmp_path / "a.md", markdown(COMMERCIAL, body))
    run = cli("check", "a.md", "--format", "json", cwd=tmp_path)
    result = run.json()["results"][0]
    if suppressed:
        assert run.code == 0 and result["findings"][0]["suppressed"]["reason"].startswith("Permission by email")
    else:
        invalid = next(f for f in result["findings"] if f["rule"] == "reprint-guard/invalid-suppression")
        assert invalid["message"].endswith('write the reason in double quotes: reason="why this is allowed"')


def test_inline_suppressions_can_be_turned_off_where_the_body_is_the_one_checked(tmp_path, cli):
    """A CMS's pre-publish gate checks what an editor wrote: a comment in the body silenced it, and nothing
    could turn that off. --no-inline-suppressions, the config's inline-suppressions: false and the library's
    inline_suppressions=False leave the body's comments out; the config's own suppressions still count."""
    import reprint_guard

    body = COMPLIANT_BODY + '\n<!-- reprint-guard: ignore global-research/* reason="x" -->\n'
    write(tmp_path / "a.md", markdown(COMMERCIAL, body))
    assert cli("check", "a.md", cwd=tmp_path).code == 0  # by default, the comment counts
    run = cli("check", "a.md", "--no-inline-suppressions", "--format", "json", cwd=tmp_path)
    assert run.code == 1 and findings(run) == [("global-research/commercial-permission", "error", False)]
    meta = {k: v for k, v in COMMERCIAL.items()}
    assert reprint_guard.check(body, meta).ok
    gated = reprint_guard.check(body, meta, inline_suppressions=False)
    assert not gated.ok and [f.suppressed for f in gated.findings] == [None]
    assert not reprint_guard.check_file(tmp_path / "a.md", inline_suppressions=False).ok
    config = write(
        tmp_path / ".reprint-guard.yaml",
        "inline-suppressions: false\nsuppressions:\n  - path: b.md\n    rule: global-research/commercial-permission\n"
        "    reason: Permission by email\n",
    )
    write(tmp_path / "b.md", markdown(COMMERCIAL, COMPLIANT_BODY))
    run = cli("check", "a.md", "b.md", "--format", "json", cwd=tmp_path)
    assert findings(run, "a.md") == [("global-research/commercial-permission", "error", False)]
    assert findings(run, "b.md") == [("global-research/commercial-permission", "error", True)]  # the config's
    assert not reprint_guard.check(body, meta, config=config, path=tmp_path / "a.md").ok


def test_central_suppression_in_config(tmp_path, cli):
    write(
        tmp_path / ".reprint-guard.yaml",
        "suppressions:\n"
        "  - path: posts/2024/*.md\n"
        "    rule: global-research/commercial-permission\n"
        "    reason: Permission by email from publications@globalresearch.ca\n"
        "    until: 2999-01-01\n"
        "  - path: posts/old/*.md\n"
        "    rule: global-research/source-credit\n"
        "    reason: An old agreement\n",
    )
    write(tmp_path / "posts" / "2024" / "a.md", markdown(COMMERCIAL, COMPLIANT_BODY))
    write(tmp_path / "posts" / "2025" / "b.md", markdown(COMMERCIAL, COMPLIANT_BODY))
    write(tmp_path / "posts" / "old" / "c.md", markdown(COMPLIANT_META, COMPLIANT_BODY))
    run = cli("check", "posts", "--format", "json", cwd=tmp_path)
    assert findings(run, "a.md") == [("global-research/commercial-permission", "error", True)]
    assert findings(run, "b.md") == [("global-research/commercial-permission", "error", False)]
    assert findings(run, "c.md") == []  # judged over the run, once, at its entry in the config:
    (unused,) = next(r for r in run.json()["results"] if r["path"] == ".reprint-guard.yaml")["findings"]
    assert (unused["rule"], unused["line"]) == ("reprint-guard/unused-suppression", 6)
    assert "(config, .reprint-guard.yaml:6)" in unused["message"]  # where to remove it
    assert run.json()["summary"]["files"] == 3  # the config's result is no file checked
    suppressed = run.json()["results"][0]["findings"][0]["suppressed"]
    assert suppressed == {
        "kind": "config",
        "reason": "Permission by email from publications@globalresearch.ca",
        "until": "2999-01-01",
    }


def test_central_suppressions_take_the_inline_forms(tmp_path, cli):
    """``<policy>/*`` and comma-separated rules work in the config as they do inline."""
    write(
        tmp_path / ".reprint-guard.yaml",
        "suppressions:\n"
        "  - path: a/*.md\n"
        "    rule: global-research/*\n"
        "    reason: A standing agreement\n"
        "  - path: b/*.md\n"
        "    rule: global-research/commercial-permission, global-research/source-credit\n"
        "    reason: Permission by email\n",
    )
    bad = markdown(COMMERCIAL, COMPLIANT_BODY.replace("Global Research", "GR"))
    write(tmp_path / "a" / "x.md", bad)
    write(tmp_path / "b" / "x.md", bad)
    write(tmp_path / "c" / "x.md", bad)
    run = cli("check", ".", "--format", "json", cwd=tmp_path)
    assert run.code == 1  # c/x.md is covered by neither
    for folder in ("a", "b"):
        got = findings(run, f"{folder}/x.md")
        assert got and all(suppressed for _, _, suppressed in got), (folder, got)
    assert not any(suppressed for _, _, suppressed in findings(run, "c/x.md"))
    config = "suppressions:\n  - path: a/*.md\n    rule: global-research\n    reason: x\n"  # no rule named
    write(tmp_path / ".reprint-guard.yaml", config)
    broken = cli("check", ".", cwd=tmp_path)
    assert broken.code == 2 and ".reprint-guard.yaml:3:" in broken.err


# SARIF --------------------------------------------------------------------------


@pytest.fixture
def repo(tmp_path):
    write(tmp_path / "content" / "ok.md", markdown(COMPLIANT_META, COMPLIANT_BODY))
    write(tmp_path / "content" / "bad.md", markdown(COMMERCIAL, COMPLIANT_BODY.replace("Global Research", "GR")))
    write(
        tmp_path / "content" / "suppressed.md",
        markdown(
            COMMERCIAL, COMPLIANT_BODY + '\n<!-- reprint-guard: ignore global-research/* reason="Deal | 2024" -->\n'
        ),
    )
    write(tmp_path / "content" / "broken.md", "---\ntitle: [\n---\n")
    write(tmp_path / "content" / "own.md", markdown({"title": "ours"}, "Ours"))
    return tmp_path


def test_sarif_is_valid_and_complete(repo, cli, sarif_schema):
    run = cli("check", "content", "--format", "sarif", cwd=repo)
    assert run.code == 2  # broken.md could not be checked
    sarif = json.loads(run.out)
    validate_sarif(sarif, sarif_schema)
    assert sarif["version"] == "2.1.0"
    (sarif_run,) = sarif["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    results = sarif_run["results"]
    by_rule = {r["ruleId"]: r for r in results}
    credit = by_rule["global-research/source-credit"]
    assert credit["level"] == "error"
    location = credit["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "content/bad.md", "uriBaseId": "%SRCROOT%"}
    assert location["region"]["startLine"] >= 1 and location["region"]["startColumn"] >= 1
    assert rules[credit["ruleIndex"]]["id"] == "global-research/source-credit"
    rule = rules[credit["ruleIndex"]]
    assert rule["helpUri"].startswith("https://") and rule["fullDescription"]["text"] and rule["help"]["markdown"]
    assert len(credit["partialFingerprints"]["reprintGuard/v2"]) == 32
    suppressed = [r for r in results if r.get("suppressions")]
    assert suppressed and suppressed[0]["suppressions"][0] == {
        "kind": "inSource",
        "justification": "Deal | 2024",
    }
    assert by_rule["reprint-guard/input-error"]["locations"][0]["physicalLocation"]["region"]["startLine"] == 2
    assert sarif_run["invocations"] == [{"executionSuccessful": False}]
    assert len({r["id"] for r in rules}) == len(rules)


@pytest.mark.parametrize(
    ("name", "uri"),
    [
        ("my file#1.md", "content/my%20file%231.md"),
        ("a,b:c%.md", "content/a%2Cb%3Ac%25.md"),
        ("ü.md", "content/%C3%BC.md"),
    ],
)
def test_sarif_uris_are_percent_encoded(tmp_path, cli, name, uri):
    """A name with a space, "#", "%" or ":" is a valid URI reference, and decodes back to the file."""
    from urllib.parse import unquote

    write(tmp_path / "content" / name, markdown(COMMERCIAL, COMPLIANT_BODY))
    run = cli("check", "content", "--format", "sarif", cwd=tmp_path)
    (result,) = json.loads(run.out)["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": uri, "uriBaseId": "%SRCROOT%"}
    assert (tmp_path / unquote(location["uri"])).is_file()


def test_a_broken_policy_still_leaves_a_sarif_file_saying_why(repo, cli, sarif_schema):
    """An upload step after the check (``if: always()``) finds a valid log, not a missing file."""
    policy = repo / "broken.yaml"
    policy.write_text(
        "id: broken\nname: B\npublisher: B\nsource_url: https://b.example/terms\napplies_to: [b.example]\n"
        "rules:\n  - id: r\n    check: text\n    pattern: '(a)\\1'\n    message: m\n",
        encoding="utf-8",
    )
    run = cli("check", "content", "--rules-dir", "broken.yaml", "--sarif", "out/log.sarif", cwd=repo)
    assert run.code == 2 and run.err.count("\n") == 1 and "broken.yaml:9" in run.err, run.err
    sarif = json.loads((repo / "out" / "log.sarif").read_text(encoding="utf-8"))
    validate_sarif(sarif, sarif_schema)
    (invocation,) = sarif["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False and sarif["runs"][0]["results"] == []
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error" and "backreferences" in notification["message"]["text"]
    location = notification["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "broken.yaml", "uriBaseId": "%SRCROOT%"}
    assert location["region"]["startLine"] == 9


def test_fingerprints_survive_line_moves(repo, cli):
    first = json.loads(cli("check", "content/bad.md", "--format", "sarif", cwd=repo).out)
    path = repo / "content" / "bad.md"
    text = path.read_text(encoding="utf-8").replace("# The harbour", "Intro.\n\n\n# The harbour")
    path.write_text(text, encoding="utf-8")
    second = json.loads(cli("check", "content/bad.md", "--format", "sarif", cwd=repo).out)

    def prints(sarif):
        return {(r["ruleId"], r["partialFingerprints"]["reprintGuard/v2"]) for r in sarif["runs"][0]["results"]}

    def lines(sarif):
        return [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in sarif["runs"][0]["results"]]

    assert prints(first) == prints(second)
    assert lines(first) != lines(second)


def test_several_outputs_in_one_run(repo, cli):
    run = cli(
        "check",
        "content",
        "--format",
        "text",
        "--sarif",
        "out/report.sarif",
        "--json",
        "out/report.json",
        "--markdown",
        "out/summary.md",
        cwd=repo,
    )
    assert run.code == 2
    assert "✖" in run.out.splitlines()[-1]
    report = json.loads((repo / "out" / "report.json").read_text(encoding="utf-8"))
    sarif = json.loads((repo / "out" / "report.sarif").read_text(encoding="utf-8"))
    summary = (repo / "out" / "summary.md").read_text(encoding="utf-8")
    assert report["summary"]["files"] == 5 and report["summary"]["suppressed"] == 1
    assert len(sarif["runs"][0]["results"]) == sum(len(r["findings"]) for r in report["results"]) + 1
    assert summary.startswith("### ✖ reprint-guard\n\n**")
    assert "| `content/bad.md` | global-research | ✖ fail | 2 | 0 |" in summary
    assert "#### `content/bad.md`" in summary and "| Line | Severity | Rule | Message | Fix |" in summary
    assert "Deal \\| 2024" in summary  # table cells escaped
    assert not [p for p in (repo / "out").iterdir() if p.name.startswith(".reprint-guard-")]


def test_markdown_format_on_stdout(repo, cli):
    run = cli("check", "content/ok.md", "--format", "markdown", cwd=repo)
    assert run.code == 0
    assert run.out.startswith("### ✔ reprint-guard") and "| File |" not in run.out


# Many files -----------------------------------------------------------------------


def test_jobs_give_the_same_results_in_the_same_order(tmp_path, cli):
    variants = [
        COMPLIANT_BODY,
        COMPLIANT_BODY.replace("Global Research", "GR"),
        COMPLIANT_BODY.replace("Copyright ©", "By"),
        COMPLIANT_BODY.replace("5799123", "5799999"),
    ]
    for i in range(160):
        folder = tmp_path / "content" / f"{i % 7:02d}"
        write(folder / f"post-{i:03d}.md", markdown(COMPLIANT_META, variants[i % 4]))
    write(tmp_path / "content" / "03" / "broken.md", "---\n: [\n---\n")
    serial = cli("check", "content", "--format", "json", "--jobs", "1", cwd=tmp_path)
    parallel = cli("check", "content", "--format", "json", "--jobs", "2", cwd=tmp_path)
    assert serial.code == parallel.code == 2
    assert serial.out == parallel.out
    paths = [r["path"] for r in serial.json()["results"]]
    assert paths == sorted(paths) and len(paths) == 161
    assert serial.json()["summary"]["failed"] == 120


def test_progress_bar_only_on_a_terminal(tmp_path, cli):
    for i in range(60):
        write(tmp_path / f"p{i:02d}.md", markdown(COMPLIANT_META, COMPLIANT_BODY))
    piped = cli("check", ".", cwd=tmp_path)
    assert piped.code == 0 and "files" not in piped.err and "\r" not in piped.err
    pytest.importorskip("pty")
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    assert "60/60 files" in run_on_terminal(["check", "."], cwd=tmp_path, env=env, stdout_too=False)
    ci = cli("check", ".", cwd=tmp_path, env={"CI": "true"})
    assert "files" not in ci.err


def test_the_progress_bar_is_cleared_before_a_result_is_written_to_its_terminal(tmp_path):
    """Results on the bar's terminal ran on after it: "[#####.....] 38/60 files p41.md"."""
    import re

    for i in range(60):
        write(tmp_path / f"p{i:02d}.md", markdown(COMPLIANT_META, "Text without its credit.\n"))
    pytest.importorskip("pty")
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS", "NO_COLOR")}
    shown = run_on_terminal(["check", ".", "--no-config", "--jobs", "1"], cwd=tmp_path, env=env)
    assert shown.count("p00.md") == 1 and "60/60 files" in shown, shown
    after_bar = re.findall(r"\d+/60 files(.?)", shown, flags=re.DOTALL)
    assert after_bar and set(after_bar) <= {"\r", ""}, after_bar  # the bar's line is cleared, never run on


def test_a_config_suppressions_fingerprint_survives_the_config_moving(tmp_path, cli):
    """An unused config suppression's message names its line; its fingerprint does not change with it."""
    write(tmp_path / "a.md", markdown(COMPLIANT_META, COMPLIANT_BODY))
    entry = "suppressions:\n  - {path: a.md, rule: global-research/link-original, reason: agreed}\n"

    def unused():
        sarif = json.loads(cli("check", "a.md", "--format", "sarif", cwd=tmp_path).out)
        (result,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"].endswith("unused-suppression")]
        return result["message"]["text"], result["partialFingerprints"]["reprintGuard/v2"]

    write(tmp_path / ".reprint-guard.yaml", entry)
    first = unused()
    write(tmp_path / ".reprint-guard.yaml", "# our agreed exceptions\n\n" + entry)
    second = unused()
    assert ".reprint-guard.yaml:2" in first[0] and ".reprint-guard.yaml:4" in second[0]
    assert first[1] == second[1]


def test_overlapping_paths_and_named_sidecars_check_each_article_once(tmp_path, cli):
    """ "content content/posts" walks a folder twice; a sidecar named (as pre-commit names a staged one)
    stands for its article; --force-include applies the config's include to named files (the hooks')."""
    write(tmp_path / "content" / "posts" / "a.md", markdown(COMMERCIAL, COMPLIANT_BODY))
    run = cli("check", "content", "content/posts", "./content/posts/a.md", "--format", "json", cwd=tmp_path)
    assert run.json()["summary"]["files"] == 1 and run.json()["summary"]["errors"] == 1
    page = tmp_path / "content" / "page.html"
    write(page, f"<p>{COMPLIANT_BODY}</p>")
    write(
        tmp_path / "content" / "page.meta.yaml",
        "".join(f"{k}: {json.dumps(v, default=str)}\n" for k, v in COMMERCIAL.items()),
    )
    run = cli("check", "content/page.meta.yaml", "--format", "json", cwd=tmp_path)
    (result,) = run.json()["results"]
    assert result["path"].endswith("page.html") and run.code == 1
    write(tmp_path / ".reprint-guard.yaml", 'include: ["content/posts/**"]\n')
    named = cli("check", "content/page.html", "content/posts/a.md", "--format", "json", cwd=tmp_path)
    assert named.json()["summary"]["files"] == 2  # named files are checked, as asked
    forced = cli(
        "check", "--force-include", "content/page.html", "content/posts/a.md", "--format", "json", cwd=tmp_path
    )
    assert [r["path"] for r in forced.json()["results"]] == ["content/posts/a.md"]
    # With --force-include (the hooks'), named files are taken as a walk takes them: a staged YAML file
    # that is no sidecar, or a package.json, is passed over, not an error.
    write(tmp_path / "content" / "posts" / "_index.yaml", "title: Posts\n")
    write(tmp_path / "content" / "posts" / "package.json", '{"name": "x"}\n')
    staged = ["content/posts/_index.yaml", "content/posts/package.json", "content/posts/a.md"]
    run = cli("check", "--force-include", *staged, "--format", "json", cwd=tmp_path)
    statuses = {r["path"]: r["status"] for r in run.json()["results"]}
    assert run.code == 1 and statuses == {"content/posts/package.json": "skipped", "content/posts/a.md": "fail"}
    # The same file named relative and absolute is one file.
    both = cli(
        "check", "content/posts/a.md", str(tmp_path / "content" / "posts" / "a.md"), "--format", "json", cwd=tmp_path
    )
    assert both.json()["summary"]["files"] == 1
    # A sidecar named that does not exist is an error, as any missing file is; one with no article says so.
    missing = cli("check", "content/missing.meta.yaml", cwd=tmp_path)
    assert missing.code == 2 and "missing.meta.yaml" in missing.out + missing.err
    write(tmp_path / "content" / "orphan.meta.yaml", "author: Ana\n")
    orphan = cli("check", "content/orphan.meta.yaml", cwd=tmp_path)
    assert orphan.code == 2 and "a metadata sidecar with no article beside it" in orphan.out


def test_a_walk_reports_a_sidecar_whose_article_is_gone(tmp_path, cli):
    """An article renamed or deleted, its sidecar left behind: under its new name the article is no reprint
    and passes unchecked, so the sidecar left is an error in a walk as it is when named, and in the hooks'."""
    own = "---\ntitle: Fares\n---\n\nThe council voted on fares.\n"
    write(tmp_path / "content" / "transit-fares.html", "<p>The council voted on fares.</p>\n")
    write(tmp_path / "content" / "partner.meta.yaml", "original_url: https://www.propublica.org/article/x\n")
    write(tmp_path / "content" / "own.md", own)
    write(tmp_path / "content" / "page.html", "<p>Text.</p>\n")
    write(tmp_path / "content" / "page.html.meta.yaml", "title: kept\n")  # its article is there: no orphan
    run = cli("check", "content", "--format", "json", cwd=tmp_path)
    assert run.code == 2, run.out + run.err
    errored = {r["path"]: r["error"] for r in run.json()["results"] if r["status"] == "error"}
    assert list(errored) == ["content/partner.meta.yaml"], errored
    assert "a metadata sidecar with no article beside it" in errored["content/partner.meta.yaml"]
    hooks = cli("check", "--force-include", "content/partner.meta.yaml", "content/own.md", cwd=tmp_path)
    assert hooks.code == 2 and "partner.meta.yaml" in hooks.out, hooks.out + hooks.err
    (tmp_path / "content" / "partner.meta.yaml").rename(tmp_path / "content" / "transit-fares.meta.yaml")
    again = cli("check", "content", "--format", "json", cwd=tmp_path)
    assert again.code != 2 and "content/transit-fares.html" in {r["path"] for r in again.json()["results"]}
    # An article whose type is in capitals reads its sidecar: no orphan.
    write(tmp_path / "caps" / "Story.MD", "# A story\n\nText.\n")
    write(tmp_path / "caps" / "Story.meta.yaml", "title: kept\n")
    capitals = cli("check", "caps", "--format", "json", cwd=tmp_path)
    assert capitals.code == 0 and [r["path"] for r in capitals.json()["results"]] == ["caps/Story.MD"], capitals.out
    # An include that names the articles (not their sidecars) still covers an orphan among them.
    write(tmp_path / ".reprint-guard.yaml", 'include: ["content/**/*.md", "content/**/*.html"]\n')
    write(tmp_path / "content" / "old-name.meta.yaml", "original_url: https://www.propublica.org/article/y\n")
    included = cli("check", "content", cwd=tmp_path)
    assert included.code == 2 and "old-name.meta.yaml" in included.out, included.out + included.err


def test_the_markdown_summary_tells_a_failed_run_and_keeps_odd_names_in_their_code_span(tmp_path, cli):
    write(
        tmp_path / "tick`name.md",
        markdown({k: v for k, v in COMPLIANT_META.items() if k != "commercial"}, COMPLIANT_BODY),
    )
    warned = cli("check", ".", "--format", "markdown", cwd=tmp_path).out
    assert warned.startswith("### ⚠") and "| ``tick`name.md`` |" in warned
    failed = cli("check", ".", "--format", "markdown", "--fail-on", "warning", cwd=tmp_path)
    assert failed.code == 1 and failed.out.startswith("### ✖")
    # The text summary's mark follows the exit status as the Markdown header does.
    failed = cli("check", ".", "--fail-on", "warning", cwd=tmp_path)
    assert failed.code == 1 and failed.out.splitlines()[-1].startswith("✖ 0 errors, 1 warning")
    write(tmp_path / "tick`name.md", markdown(COMPLIANT_META, COMPLIANT_BODY.replace("Global Research", "GR")))
    let_through = cli("check", ".", "--fail-on", "never", cwd=tmp_path)
    assert let_through.code == 0 and let_through.out.splitlines()[-1].startswith("⚠ 1 error, 0 warnings")
    assert cli("check", ".", "--format", "markdown", "--fail-on", "never", cwd=tmp_path).out.startswith("### ⚠")


def test_the_markdown_summary_shows_messages_and_fixes_as_written_not_as_markup(cli):
    """A job summary renders the table: a fix's Markdown link or HTML, and a message's "<img>", stay text."""
    import html
    import re

    import pyromark

    from conftest import ROOT

    fixtures = ROOT / "tests" / "policies"
    run = cli(
        "check",
        str(fixtures / "the-conversation" / "license.md"),
        str(fixtures / "propublica" / "photos-permission.md"),
        "--format",
        "markdown",
    )
    page = pyromark.html(run.out, options=pyromark.Options.ENABLE_TABLES)
    cells = [html.unescape(re.sub(r"<[^>]+>", "", c)) for c in re.findall(r"<td>(.*?)</td>", page, re.S)]
    deed = 'Add: "This article is republished under a [CC BY-ND 4.0](https://creativecommons.org/licenses/by-nd/4.0/) '
    deed += 'licence."'
    assert deed in cells  # the fix to paste, not a rendered link
    assert any("first <img> https://assets.propublica.org/" in c for c in cells)  # not an image tag dropped
    from reprint_guard.output.markdown import cell

    # A bare address is left as written: GitHub links it, backslashes and all (a_b would become a\_b).
    assert (
        cell("see https://x.example/a_b?c=1&d=2 and *x* <y>") == "see https://x.example/a_b?c=1&d=2 and \\*x\\* \\<y\\>"
    )
    raw_cells = re.findall(r"<td>(.*?)</td>", page, re.S)
    assert not any("<a " in c or "<img" in c for c in raw_cells)  # no link, no image made of a finding


def test_the_markdown_summary_writes_an_error_as_text_whatever_the_file_is_called(tmp_path, cli):
    import pyromark

    write(tmp_path / "# bad.md", "---\ntitle: [\n---\nBody\n")
    run = cli("check", ".", "--format", "markdown", cwd=tmp_path)
    assert run.code == 2 and "**Error:** " in run.out
    assert "<h1>" not in pyromark.html(run.out, options=pyromark.Options.ENABLE_TABLES).split("<h4>", 1)[1]


def test_a_sarif_rules_level_is_the_one_the_config_gives_it(tmp_path, cli):
    write(tmp_path / "a.md", markdown(COMMERCIAL, COMPLIANT_BODY))
    write(tmp_path / ".reprint-guard.yaml", "severity: {global-research/commercial-permission: warning}\n")
    sarif = json.loads(cli("check", "a.md", "--format", "sarif", cwd=tmp_path).out)
    (rule,) = sarif["runs"][0]["tool"]["driver"]["rules"]
    (result,) = sarif["runs"][0]["results"]
    assert rule["defaultConfiguration"]["level"] == result["level"] == "warning"


def test_sarif_paths_start_at_the_repository_root_wherever_the_run_starts(tmp_path, cli):
    from conftest import git

    git(tmp_path, "init", "-q")
    write(tmp_path / "content" / "a.md", markdown(COMMERCIAL, COMPLIANT_BODY))
    write(tmp_path / "other" / "b.md", markdown(COMMERCIAL, COMPLIANT_BODY))
    run = cli("check", "a.md", "../other/b.md", "--format", "sarif", cwd=tmp_path / "content")
    sarif = json.loads(run.out)
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]]
    assert uris == ["content/a.md", "other/b.md"]
    assert sarif["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"


def test_force_include_sees_hidden_folders_as_a_walk_from_the_project_does(tmp_path, cli):
    """A project inside a hidden folder (~/.sites/blog) still has its files checked."""
    project = tmp_path / ".sites" / "blog"
    write(project / "content" / "a.md", markdown(COMMERCIAL, COMPLIANT_BODY))
    write(project / ".reprint-guard.yaml", "include: ['content/**']\n")
    run = cli("check", "--force-include", str(project / "content" / "a.md"), cwd=project)
    assert run.code == 1 and "global-research/commercial-permission" in run.out
    write(project / ".drafts" / "b.md", markdown(COMMERCIAL, COMPLIANT_BODY))
    hidden = cli("check", "--force-include", ".drafts/b.md", cwd=project)  # as a walk leaves it out
    assert hidden.code == 0 and "commercial-permission" not in hidden.out


def test_a_findings_fingerprint_holds_its_rules_message_not_the_detail_a_page_changes(tmp_path, cli):
    """One more photo turns "(1 item of media, ...)" into "(2 items of media, ...)": the fingerprint held the
    whole message, so code scanning closed the alert and opened another for the same breach."""
    fixture = (ROOT / "tests" / "policies" / "propublica" / "photos-permission.md").read_text(encoding="utf-8")
    story = tmp_path / "story.md"

    def printed() -> tuple[str, str]:
        sarif = json.loads(cli("check", "story.md", "--no-config", "--format", "sarif", cwd=tmp_path).out)
        (result,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "propublica/photos-permission"]
        return result["message"]["text"], result["partialFingerprints"]["reprintGuard/v2"]

    story.write_text(fixture, encoding="utf-8")
    one = printed()
    story.write_text(fixture.rstrip("\n") + "\n\n![A second photo](https://img.example/second.jpg)\n", encoding="utf-8")
    two = printed()
    assert "1 item of media" in one[0] and "2 items of media" in two[0]
    assert one[1] == two[1]


def test_a_worker_killed_mid_run_loses_no_result(tmp_path, monkeypatch):
    """A worker process killed mid-run (the kernel's out-of-memory killer; here SIGKILL, sent by the worker to
    itself at one file) broke the pool: "internal error (BrokenProcessPool)", exit 2, and the JSON report cut
    off. The files not yet told are now checked in the main process, each once, in order."""
    import signal

    from reprint_guard import runner

    variants = [COMPLIANT_BODY, COMPLIANT_BODY.replace("Global Research", "GR")]
    for i in range(200):
        write(tmp_path / "content" / f"post-{i:03d}.md", markdown(COMPLIANT_META, variants[i % 2]))
    settings = runner.Settings(root=tmp_path)
    items = list(runner.discover([str(tmp_path / "content")], settings))
    victim = str(tmp_path / "content" / "post-130.md")
    work = runner._work

    def dying(item):  # forked: the worker runs this; the main process never does
        if item[0] == victim:
            os.kill(os.getpid(), signal.SIGKILL)
        return work(item)

    monkeypatch.setattr(runner, "_work", dying)
    results = list(runner.run(items, settings, jobs=2))
    assert [r.path for r in results] == [item[0] for item in items]  # each once, in input order
    assert [r.status for r in results] == ["pass" if i % 2 == 0 else "fail" for i in range(200)]


def _staged_site(folder: Path) -> Path:
    """A page in a subfolder with its sidecar, both staged, in a linked work tree of a new repository."""
    from conftest import git

    main = folder / "main"
    main.mkdir()
    git(main, "init", "-q")
    git(main, "-c", "user.email=a@b", "-c", "user.name=a", "commit", "-q", "--allow-empty", "-m", "start")
    git(main, "worktree", "add", "-q", str(folder / "linked"))
    tree = folder / "linked"
    (tree / "sub").mkdir()
    page = (
        '<p>Story.</p>\n<p>The original source of this article is <a href="https://www.globalresearch.ca/t/'
        '5800002">Global Research</a></p>\n<p>Copyright © Ana Ruiz, Global Research, 2025</p>\n'
    )
    (tree / "sub" / "p.html").write_text(page, encoding="utf-8")
    meta = "author: Ana Ruiz\noriginal_url: https://www.globalresearch.ca/t/5800002\noriginal_published: 2025-01-01\n"
    (tree / "sub" / "p.meta.yaml").write_text(meta + "commercial: false\n", encoding="utf-8")
    git(tree, "add", "sub")
    return tree


def test_staged_asks_git_from_the_work_trees_top_as_a_hook_runs_there(tmp_path, cli):
    """In a linked work tree (and a submodule) git sets GIT_DIR for hooks; asked from the page's own folder, git
    took that folder for the top and listed nothing: every staged page in a subfolder was "not staged"."""
    from conftest import git

    tree = _staged_site(tmp_path)
    env = {"GIT_DIR": git(tree, "rev-parse", "--absolute-git-dir").strip()}
    run = cli("check", "--no-config", "--staged", "sub/p.html", cwd=tree, env=env)
    assert run.code == 0, run.out + run.err
    git(tree, "rm", "-q", "--cached", "sub/p.meta.yaml")
    left_out = cli("check", "--no-config", "--staged", "sub/p.html", cwd=tree, env=env)
    assert left_out.code == 2 and "sub/p.meta.yaml: the metadata sidecar of p.html, not in the commit" in left_out.out
    assert "(git add sub/p.meta.yaml)" in left_out.out, left_out.out  # a command that works where it is run
    from_outside = cli("check", "--no-config", "--staged", str(tree / "sub" / "p.html"), cwd=tmp_path)
    assert from_outside.code == 2 and "the metadata sidecar of p.html, not in the commit" in from_outside.out
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.md").write_text(markdown(COMPLIANT_META, COMPLIANT_BODY), encoding="utf-8")
    ceiling = {"GIT_CEILING_DIRECTORIES": str(tmp_path)}
    nowhere = cli("check", "--no-config", "--staged", "a.md", cwd=outside, env=ceiling)
    assert nowhere.code == 2 and "--staged: git cannot tell what the commit holds" in nowhere.out, nowhere.out


def test_staged_checks_what_the_commit_holds_not_the_working_copy(tmp_path, cli):
    """``--staged`` read the working folder's copy: a page staged without its copyright line, the line back in
    the working copy and not staged, passed; under pre-commit (which stashes unstaged changes) it was right,
    but a hook run without pre-commit checked another text than the commit's."""
    from conftest import git

    tree = _staged_site(tmp_path)
    page = tree / "sub" / "p.html"
    good = page.read_text(encoding="utf-8")
    page.write_text(good.replace("<p>Copyright © Ana Ruiz, Global Research, 2025</p>\n", ""), encoding="utf-8")
    git(tree, "add", "sub/p.html")
    page.write_text(good, encoding="utf-8")  # put back, not staged
    run = cli("check", "--no-config", "--staged", "sub/p.html", "--format", "json", cwd=tree)
    assert run.code == 1, run.out + run.err
    assert [f["rule"] for f in run.json()["results"][0]["findings"]] == ["global-research/copyright-notice"]
    assert page.read_text(encoding="utf-8") == good  # the working copy is left as it is
    assert cli("check", "--no-config", "sub/p.html", cwd=tree).code == 0  # without --staged: the working copy
    git(tree, "add", "sub/p.html")
    assert cli("check", "--no-config", "--staged", "sub/p.html", cwd=tree).code == 0
    sidecar = tree / "sub" / "p.meta.yaml"
    sidecar.write_text(sidecar.read_text(encoding="utf-8") + "medium: print\n", encoding="utf-8")
    changed = cli("check", "--no-config", "--staged", "sub/p.html", cwd=tree)
    assert changed.code == 2, changed.out
    said = "sub/p.meta.yaml: the metadata sidecar has changes that are not staged: the commit holds another copy"
    assert said in changed.out, changed.out
    # A folder would be walked in the working tree, not read from git's index: refused, with what to name.
    walked = cli("check", "--no-config", "--staged", "sub", cwd=tree)
    assert walked.code == 2 and "--staged checks a commit's staged files, named one by one" in walked.err


def test_staged_reads_a_legacy_encoded_page_by_its_charset_and_refuses_a_repointed_link(tmp_path, cli):
    """The index's copy of a windows-1252 page was read as UTF-8 ("not valid UTF-8 (byte 0xe9)"); a staged link
    re-pointed in the working folder had the name it points to checked as the article (passed over)."""
    from conftest import git

    tree = _staged_site(tmp_path)
    page = tree / "sub" / "p.html"
    legacy = '<meta charset="windows-1252">\n<p>Caf\xe9 owners.</p>\n' + page.read_text(encoding="utf-8")
    page.write_bytes(legacy.replace("©", "(c)").encode("cp1252"))
    git(tree, "add", "sub/p.html")
    page.write_bytes(page.read_bytes() + b"<!-- edited -->\n")  # a change not staged
    run = cli("check", "--no-config", "--staged", "sub/p.html", cwd=tree)
    assert run.code in (0, 1) and "not valid UTF-8" not in run.out, run.out
    (tree / "sub" / "other.md").write_text(markdown(COMPLIANT_META, COMPLIANT_BODY), encoding="utf-8")
    (tree / "sub" / "bad.md").write_text(
        markdown(COMPLIANT_META, COMPLIANT_BODY.replace("Global Research", "GR")), encoding="utf-8"
    )
    link = tree / "sub" / "link.md"
    link.symlink_to("bad.md")
    git(tree, "add", "sub/link.md", "sub/bad.md", "sub/other.md")
    link.unlink()
    link.symlink_to("other.md")  # re-pointed, not staged
    moved = cli("check", "--no-config", "--staged", "sub/link.md", cwd=tree)
    assert moved.code == 2 and "the link has changes that are not staged" in moved.out, moved.out
