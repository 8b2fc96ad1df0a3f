"""A compliance officer's review of an archive of old reprints: wrapped JSON envelopes, a sidecar beside a JSON
envelope, a renamed page's sidecar under --baseline-commit, config globs written with "./", the library given
a sidecar, and an inline suppression's until."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import git, write

MFP = "https://montanafreepress.org/2017/03/01/snowpack/"
CREDIT = (
    "*By Pia Tollander, Montana Free Press. This story was originally published by [Montana Free Press]({url}) "
    "and is republished under a [CC BY-NC-ND 3.0 US](https://creativecommons.org/licenses/by-nc-nd/3.0/us/) "
    "licence.*\n"
)
CREDIT_HTML = (
    "<article><h1>Snowpack</h1><p>Snowpack is low.</p><p><em>By Pia Tollander, Montana Free Press. This story was "
    f'originally published by <a href="{MFP}">Montana Free Press</a> and is republished under a '
    '<a href="https://creativecommons.org/licenses/by-nc-nd/3.0/us/">CC BY-NC-ND 3.0 US</a> licence.</em></p>'
    "</article>\n"
)
ENVELOPE_META = {
    "author": "Pia Tollander",
    "original_url": MFP,
    "original_published": "2017-03-01",
    "published": "2017-03-01",
    "commercial": True,
    "modified": True,
}


def _story(published: str = "2017-03-01", extra: str = "") -> str:
    return (
        f"---\ntitle: Snowpack\nauthor: Pia Tollander\noriginal_url: {MFP}\noriginal_published: 2017-03-01\n"
        f"published: {published}\ncommercial: false\n---\n\n{extra}Snowpack is low.\n\n" + CREDIT.format(url=MFP)
    )


# 1. An export's object wrapping envelopes ------------------------------------------------------------------


def test_wrapped_envelopes_are_an_error_in_a_walk_as_when_named(tmp_path: Path, cli) -> None:
    export = {"items": [{"metadata": ENVELOPE_META, "body": "Snowpack is low.", "format": "markdown"}]}
    write(tmp_path / "export" / "batch-2017.json", json.dumps(export, indent=1))
    walked = cli("check", "--no-config", "export", cwd=tmp_path)
    named = cli("check", "--no-config", "export/batch-2017.json", cwd=tmp_path)
    for run in (walked, named):
        assert run.code == 2, run.out + run.err
        said = run.out + run.err
        assert "batch-2017.json:3:3:" in said and '1 envelope wrapped in an object (under "items")' in said, said
        assert 'export one {"metadata": {...}, "body": "..."} per file or call' in said
        assert "skipped" not in said


def test_wrapped_envelopes_deeper_and_keyed_are_found(tmp_path: Path, cli) -> None:
    envelope = {"metadata": ENVELOPE_META, "body": "Snowpack is low."}
    write(tmp_path / "a.json", json.dumps({"data": [{"stories": [envelope, envelope]}]}))
    write(tmp_path / "b.json", json.dumps({"stories": {"snowpack": envelope}}))
    # Envelopes naming no original are the site's own articles, as each alone is: passed over in a walk.
    write(tmp_path / "own.json", json.dumps({"items": [{"metadata": {"author": "Ed"}, "body": "Our news."}]}))
    # Somebody else's JSON with a "body" in its items (an issue tracker's export) is no envelope.
    write(tmp_path / "issues.json", json.dumps({"issues": [{"title": "Bug", "body": "It breaks."}]}))
    run = cli("check", "--no-config", ".", cwd=tmp_path)
    said = run.out + run.err
    assert run.code == 2
    assert '2 envelopes wrapped in an object (under "data" [0] "stories")' in said
    assert '1 envelope wrapped in an object (under "stories")' in said
    assert "2 could not be checked" in said and "2 skipped (not reprints)" in said, said


# 2. A sidecar beside a JSON envelope that has metadata of its own ---------------------------------------------


def test_sidecar_overriding_an_envelopes_values_is_told_at_each_key(tmp_path: Path, cli) -> None:
    envelope = {"metadata": {**ENVELOPE_META, "sold": True}, "body": CREDIT_HTML, "format": "html"}
    write(tmp_path / "story.json", json.dumps(envelope, indent=1))
    write(tmp_path / "story.html", CREDIT_HTML)
    write(
        tmp_path / "story.meta.yaml",
        f"author: Pia Tollander\noriginal_url: {MFP}\noriginal_published: 2017-03-01\npublished: 2017-03-03\n"
        "commercial: false\nmodified: false\n",
    )
    run = cli("check", "--no-config", ".", "--format", "json", cwd=tmp_path)
    (result,) = [r for r in run.json()["results"] if r["path"].endswith("story.json")]
    told = [f for f in result["findings"] if f["rule"] == "reprint-guard/conflicting-keys"]
    assert [(f["line"], f["column"], f["field"]) for f in told] == [
        (6, 3, "published"),
        (7, 3, "commercial"),
        (8, 3, "modified"),
    ], told
    assert "the envelope's metadata says 'published' is '2017-03-01'" in told[0]["message"]
    assert "the metadata sidecar story.meta.yaml says '2017-03-03'" in told[0]["message"]
    assert "'commercial' is 'true'" in told[1]["message"]
    # Equal values written two ways (YAML's date, JSON's string) are no clash: original_published is not told.


def test_sidecar_overriding_front_matter_is_told_but_not_a_meta_override(tmp_path: Path, cli) -> None:
    write(tmp_path / "s.md", _story())
    write(tmp_path / "s.meta.yaml", "published: 2017-03-03\noriginal_published: 2017-03-01\n")
    run = cli("check", "--no-config", "s.md", cwd=tmp_path)
    assert "6:1" in run.out and "the front matter says 'published' is '2017-03-01'" in run.out, run.out
    assert "s.meta.yaml says '2017-03-03'" in run.out
    # --meta decides the key: it is not the sidecar's silent win.
    given = cli("check", "--no-config", "s.md", "--meta", "published=2017-03-09", cwd=tmp_path)
    assert "conflicting-keys" not in given.out, given.out


# 3. A page renamed with its sidecar, under --baseline-commit ---------------------------------------------------

GRAIN_HTML = (
    "<article><h1>Grain elevators close</h1><p>County officials said the elevators would close.</p>"
    "<p><em>By Lena Marsh, Montana Free Press.</em></p></article>\n"
)
GRAIN_META = (
    "author: Lena Marsh\noriginal_url: https://montanafreepress.org/2017/03/01/grain/\n"
    "original_published: 2017-03-01\npublished: 2017-03-03\ncommercial: false\n"
)


def _archive(tmp_path: Path) -> Path:
    repo = tmp_path / "site"
    write(repo / "2017" / "grain.html", GRAIN_HTML)
    write(repo / "2017" / "grain.meta.yaml", GRAIN_META)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    return repo


def test_a_page_renamed_with_its_sidecar_keeps_its_old_findings(tmp_path: Path, cli) -> None:
    repo = _archive(tmp_path)
    before = cli("check", ".", "--no-config", "--baseline-commit", "HEAD", cwd=repo)
    assert before.code == 0 and "2 findings suppressed (2 already in the baseline commit)" in before.out, before.out
    git(repo, "mv", "2017", "archive-2017")
    moved = cli("check", ".", "--no-config", "--baseline-commit", "HEAD", cwd=repo)
    assert moved.code == 0, moved.out + moved.err
    assert "2 findings suppressed (2 already in the baseline commit)" in moved.out
    named = ("archive-2017/grain.html", "archive-2017/grain.meta.yaml")
    staged = cli("check", *named, "--no-config", "--staged", "--baseline-commit", "HEAD", cwd=repo)
    assert staged.code == 0 and "2 already in the baseline commit" in staged.out, staged.out + staged.err
    # Committed, and compared with the commit before the rename: the same.
    git(repo, "commit", "-q", "-m", "archive")
    committed = cli("check", ".", "--no-config", "--baseline-commit", "HEAD~1", cwd=repo)
    assert committed.code == 0, committed.out + committed.err
    # A sidecar renamed with a change: the page's copy at the commit is read with the sidecar the commit had
    # beside its old name. A title set brings nothing: its two findings are held.
    sidecar = repo / "archive-2017" / "grain.meta.yaml"
    sidecar.write_text(GRAIN_META + "title: Grain elevators close\n", encoding="utf-8")
    changed = cli("check", ".", "--no-config", "--baseline-commit", "HEAD~1", cwd=repo)
    assert changed.code == 0 and "2 findings suppressed (2 already in the baseline commit)" in changed.out, changed.out
    # The page turned commercial: what that brings is new, the two findings it had are held still.
    sidecar.write_text(GRAIN_META.replace("commercial: false", "commercial: true"), encoding="utf-8")
    flipped = cli("check", ".", "--no-config", "--baseline-commit", "HEAD~1", cwd=repo)
    assert flipped.code == 1 and "(2 already in the baseline commit)" in flipped.out, flipped.out


# 4. Config paths written with "./", and globs that match nothing -------------------------------------------

SUPPRESS = (
    "    rule: montana-free-press/not-before-next-day\n    reason: Same-day reprint agreed by email, 2017-02-27\n"
)


def _site(tmp_path: Path, config: str) -> Path:
    write(tmp_path / "content" / "2017" / "snow.md", _story())
    write(tmp_path / ".reprint-guard.yaml", config)
    return tmp_path


def test_a_suppression_glob_or_file_written_with_dot_slash_suppresses(tmp_path: Path, cli) -> None:
    for path in ("./content/2017/**", "./content/2017/snow.md", "././content/2017/snow.md"):
        site = _site(tmp_path, f'suppressions:\n  - path: "{path}"\n{SUPPRESS}')
        run = cli("check", "content", cwd=site)
        assert run.code == 0 and "1 finding suppressed" in run.out, (path, run.out, run.err)
        assert "warning" not in run.err, run.err


def test_an_override_and_exclude_written_with_dot_slash_apply(tmp_path: Path, cli) -> None:
    site = _site(tmp_path, 'overrides:\n  - paths: ["./content/2017/**"]\n    metadata: {published: 2017-03-05}\n')
    run = cli("check", "content", "--format", "json", cwd=site)
    assert run.code == 0 and run.json()["results"][0]["status"] == "pass", run.out
    write(site / ".reprint-guard.yaml", 'exclude: ["./content/2017/**"]\n')
    run = cli("check", "content", cwd=site)
    assert "no files to check" in run.err, run.out + run.err
    write(site / ".reprint-guard.yaml", 'include: ["./content/**/*.md"]\n')
    run = cli("check", "content", cwd=site)
    assert run.code == 1 and "1 failed" in run.out, run.out + run.err


def test_a_glob_whose_folder_is_not_there_is_warned_in_a_walk(tmp_path: Path, cli) -> None:
    config = (
        f'suppressions:\n  - path: "contents/2017/**"\n{SUPPRESS}'
        'overrides:\n  - paths: ["content/2017/*.md", "content/2071/**"]\n    metadata: {medium: web}\n'
    )
    site = _site(tmp_path, config)
    run = cli("check", "content", cwd=site)
    warnings = [line for line in run.err.splitlines() if line.startswith("reprint-guard: warning:")]
    assert warnings == [
        "reprint-guard: warning: .reprint-guard.yaml:2:5: a suppression's path 'contents/2017/**' matches no "
        "file: there is no 'contents/2017' (relative to the config's folder)",
        "reprint-guard: warning: .reprint-guard.yaml:6:34: override 1's path 'content/2071/**' matches no file: "
        "there is no 'content/2071' (relative to the config's folder)",
    ], run.err
    # A literal path of an override names no file at any run; a glob is left be in a run of one file named.
    write(site / ".reprint-guard.yaml", 'overrides:\n  - paths: ["content/2017/snwo.md", "posts/**"]\n')
    run = cli("check", "content/2017/snow.md", cwd=site)
    assert "override 1's path 'content/2017/snwo.md' names no file" in run.err, run.err
    assert "posts" not in run.err


def test_a_glob_matching_no_file_of_a_walk_is_warned(tmp_path: Path, cli) -> None:
    config = (
        f'suppressions:\n  - path: "content/2017/*.mdx"\n{SUPPRESS}  - path: "content/2017/*.md"\n{SUPPRESS}'
        'overrides:\n  - paths: ["./content/**/*.htm"]\n    metadata: {medium: web}\n'
    )
    site = _site(tmp_path, config)
    said = (
        "reprint-guard: warning: .reprint-guard.yaml:2:5: a suppression's path 'content/2017/*.mdx' matches no "
        "file the run found (relative to the config's folder)",
        "reprint-guard: warning: .reprint-guard.yaml:9:13: override 1's path 'content/**/*.htm' matches no file "
        "the run found (relative to the config's folder)",
    )
    for walked in ("content", "."):
        run = cli("check", walked, cwd=site)
        assert run.code == 0 and "1 finding suppressed" in run.out, run.out + run.err
        assert [line for line in run.err.splitlines() if "warning" in line] == list(said), run.err
    # A run of one file, or of a folder inside the glob's, cannot tell: nothing said of it.
    one = cli("check", "content/2017/snow.md", cwd=site)
    assert "warning" not in one.err, one.err
    inside = cli("check", "2017", cwd=site / "content")
    assert "content/2017/*.mdx" in inside.err and "content/**/*.htm" not in inside.err, inside.err


# 5. The library given a metadata sidecar -----------------------------------------------------------------------


def test_check_file_given_a_sidecar_checks_its_article_as_the_cli_does(tmp_path: Path, cli) -> None:
    import reprint_guard

    write(tmp_path / "grain.html", GRAIN_HTML)
    write(tmp_path / "grain.meta.yaml", GRAIN_META)
    page = reprint_guard.check_file(tmp_path / "grain.html")
    side = reprint_guard.check_file(tmp_path / "grain.meta.yaml")
    assert side.path == str(tmp_path / "grain.html") and side.status == page.status == "fail"
    assert [f.rule for f in side.findings] == [f.rule for f in page.findings]
    assert reprint_guard.check_file(tmp_path / "grain.meta.yaml", config={}).path == str(tmp_path / "grain.html")
    run = cli("check", "--no-config", "grain.meta.yaml", "--format", "json", cwd=tmp_path)
    assert [r["path"] for r in run.json()["results"]] == ["grain.html"]
    # A sidecar two articles share names them: one result is one file's.
    write(tmp_path / "grain.md", _story())
    try:
        reprint_guard.check_file(tmp_path / "grain.meta.yaml")
    except reprint_guard.InputError as exc:
        assert "a metadata sidecar of 2 articles" in str(exc) and "grain.html" in str(exc), exc
    else:
        raise AssertionError("a shared sidecar was checked as one article")


# 6. An inline suppression's until that is no date -----------------------------------------------------------


def test_an_until_in_quotes_that_is_no_date_is_told_as_such(tmp_path: Path, cli) -> None:
    comment = (
        '<!-- reprint-guard: ignore montana-free-press/no-derivatives reason="Edit approved by email 2017-03-02" '
        "until={until} -->\n\n"
    )
    for until, said in (
        ('"March 2027"', "until must be a date YYYY-MM-DD, not '\"March 2027\"'"),
        ("'1 March 2027'", "until must be a date YYYY-MM-DD, not \"'1 March 2027'\""),
        ('"2027-3-1"', "until must be a date YYYY-MM-DD, not '\"2027-3-1\"'"),
    ):
        write(
            tmp_path / "s.md",
            _story("2017-03-05", comment.format(until=until)).replace("false\n---", "false\nmodified: true\n---"),
        )
        run = cli("check", "--no-config", "s.md", cwd=tmp_path)
        assert said in run.out and "name the rules" not in run.out, (until, run.out)
    # Quoted as the reason is, a date is read (straight or curly quotes).
    for until in ('"2099-03-01"', "'2099-03-01'", "“2099-03-01”"):
        write(
            tmp_path / "s.md",
            _story("2017-03-05", comment.format(until=until)).replace("false\n---", "false\nmodified: true\n---"),
        )
        run = cli("check", "--no-config", "s.md", cwd=tmp_path)
        assert run.code == 0 and "1 finding suppressed" in run.out, (until, run.out)
