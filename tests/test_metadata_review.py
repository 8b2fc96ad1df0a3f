"""A new-user review of metadata: a theme's own ``canonical:`` key is no misspelt key; typos in the config's
defaults and overrides and in --meta are told once, where they are written; bad keys and dates are told at
their line, named as written; a --meta value that is broken YAML is said to be; a permission record must be
dated, and its scope may be one use written alone. Real files through the real CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli, write

OWN = "lakeside-bulletin.example"
CONFIG = f"""\
front-matter: {{canonicalURL: original_url}}
own-hosts: ["{OWN}"]
"""


def _post(canonical: str) -> str:
    return (
        "---\n"
        'title: "Council meeting notes"\n'
        "author: Staff\n"
        f"canonical: {canonical}\n"
        "---\n"
        "The council voted five to two to keep the ferry subsidy.\n"
    )


def _unchanged(files: dict[Path, bytes]) -> None:
    for path, before in files.items():
        assert path.read_bytes() == before, path


@pytest.mark.parametrize(
    "canonical",
    [f"https://{OWN}/posts/council-notes/", f"https://www.{OWN}/posts/council-notes/", "/posts/council-notes/"],
)
def test_a_canonical_key_naming_the_site_itself_is_no_misspelt_key(tmp_path, cli, canonical):
    """Renamed to canonicalURL as the warning advised, the file would be skipped as the site's own article: the
    warning could never point at a reprint, and the file is skipped, not "passed against no policy"."""
    write(tmp_path / ".reprint-guard.yaml", CONFIG)
    post = write(tmp_path / "own.md", _post(canonical))
    before = {post: post.read_bytes()}
    run = cli("check", str(post), "--format", "json", cwd=tmp_path)
    assert run.code == 0, (run.out, run.err)
    result = run.json()["results"][0]
    assert result["status"] == "skipped" and not result["findings"], result
    _unchanged(before)


def test_a_canonical_key_naming_another_site_is_still_a_misspelt_key(tmp_path, cli):
    """A near-miss key holding another site's address may be a reprint passing unchecked: still told, at it."""
    write(tmp_path / ".reprint-guard.yaml", CONFIG)
    post = write(tmp_path / "other.md", _post("https://www.propublica.org/article/ferry-subsidy"))
    run = cli("check", str(post), "--format", "json", cwd=tmp_path)
    assert run.code == 0, (run.out, run.err)
    (finding,) = run.json()["results"][0]["findings"]
    assert finding["rule"] == "reprint-guard/misspelt-key" and (finding["line"], finding["column"]) == (4, 1)
    assert "canonicalURL" in finding["message"]


PINE = """\
id: pine-county-times
name: Pine County Times reprint terms
publisher: Pine County Times
source_url: https://pinecountytimes.example/reprints
applies_to: [pinecountytimes.example]
contacts: [editor@pinecountytimes.example]
rules:
  - {id: link-original, check: link, target: original, message: The reprint does not link to the original story}
  - id: commercial
    check: permission
    scope: commercial
    when: {field: commercial, is: true}
    message: Commercial reuse needs written permission
"""

PINE_ARTICLE = """\
---
title: "The wetlands are coming back"
author: Priya Okonkwo
original_url: https://pinecountytimes.example/2026/10/wetlands-return
---
For the first time in thirty years, herons nest again along the north shore.

*This story first appeared in the [Pine County Times](https://pinecountytimes.example/2026/10/wetlands-return).*
"""


def _pine_site(tmp_path: Path, config: str) -> dict[Path, bytes]:
    write(tmp_path / "pol" / "pine.yaml", PINE)
    write(tmp_path / ".reprint-guard.yaml", config)
    files = [write(tmp_path / name, PINE_ARTICLE) for name in ("w.md", "w2.md")]
    return {path: path.read_bytes() for path in [*files, tmp_path / ".reprint-guard.yaml"]}


def _warnings(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("reprint-guard: warning:")]


@pytest.mark.parametrize(
    ("config", "place", "said"),
    [
        ("defaults:\n  medium: web\n  comercial: true\n", "5:3", "the config's defaults set 'comercial'"),
        ("defaults: {medium: web, comercial: true}\n", "3:25", "the config's defaults set 'comercial'"),
        (
            "overrides:\n  - paths: ['w*.md']\n    metadata: {comercial: true}\n",
            "5:16",
            "override 1's metadata sets 'comercial'",
        ),
    ],
)
def test_a_typo_in_the_configs_metadata_is_told_once_at_its_line(tmp_path, cli, config, place, said):
    """It was told in every article, at the article's first key, as "Rename 'comercial'", and nowhere in the
    config: now once, at the config's line, as a typo in its suppressions or severity is."""
    before = _pine_site(tmp_path, "policies: [pol/]\n" + "front-matter: {canonicalURL: original_url}\n" + config)
    run = cli("check", "w.md", "w2.md", "--format", "json", cwd=tmp_path)
    assert run.code == 0, (run.out, run.err)
    assert _warnings(run.err) == [
        f"reprint-guard: warning: .reprint-guard.yaml:{place}: {said}, which is no key reprint-guard reads, so the "
        "files are checked as if it were not set: did you mean 'commercial'?"
    ], run.err
    for result in run.json()["results"]:
        assert "reprint-guard/misspelt-key" not in [f["rule"] for f in result["findings"]], result
    _unchanged(before)


def test_a_typo_the_file_itself_holds_is_still_told_in_it(tmp_path, cli):
    """The config's typo is told there; the same typo written in the file is the file's, at its line."""
    _pine_site(tmp_path, "policies: [pol/]\ndefaults: {comercial: true}\n")
    write(tmp_path / "w.md", PINE_ARTICLE.replace("author:", "comercial: true\nauthor:"))
    run = cli("check", "w.md", "--format", "json", cwd=tmp_path)
    told = [f for f in run.json()["results"][0]["findings"] if f["rule"] == "reprint-guard/misspelt-key"]
    assert [(f["line"], f["field"]) for f in told] == [(3, "comercial")], run.out


def test_a_typo_in_meta_is_told_once_naming_meta(tmp_path, cli):
    """``--meta comercial=true`` was told at 2:1 of each file, which holds no such key."""
    before = _pine_site(tmp_path, "policies: [pol/]\n")
    run = cli("check", "w.md", "w2.md", "--meta", "comercial=true", "--format", "json", cwd=tmp_path)
    assert run.code == 0, (run.out, run.err)
    assert _warnings(run.err) == [
        "reprint-guard: warning: --meta sets 'comercial', which is no key reprint-guard reads, so the files are "
        "checked as if it were not set: did you mean 'commercial'?"
    ], run.err
    for result in run.json()["results"]:
        assert "reprint-guard/misspelt-key" not in [f["rule"] for f in result["findings"]], result
    # Given with the key meant, it is no slip (a site's own key beside it), and nothing is said.
    both = cli("check", "w.md", "--meta", "comercial=true", "--meta", "commercial=false", cwd=tmp_path)
    assert both.code == 0 and not _warnings(both.err), both.err
    _unchanged(before)


def _front(line: str) -> str:
    return f"---\ntitle: x\noriginal_url: https://www.propublica.org/article/ferry\n{line}\n---\nbody\n"


def _bad(run, path: Path, place: str, said: str) -> None:
    """One line naming the file, its line:column and the problem; exit 2; the JSON places it too."""
    assert run.code == 2, (run.out, run.err)
    told = [line for line in run.out.splitlines() if line.startswith(str(path))]
    assert told == [f"{path}:{place}: {said} (could not be checked)"], run.out


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("yes: 1", 'metadata key yes: a key must be text, and an unquoted yes is true or false: quote it ("yes":)'),
        ("on: 1", 'metadata key on: a key must be text, and an unquoted on is true or false: quote it ("on":)'),
        ("1: x", 'metadata key 1: a key must be text, and an unquoted 1 is a number: quote it ("1":)'),
        (
            "2026-01-01: note",
            "metadata key 2026-01-01: a key must be text, and an unquoted 2026-01-01 is a date: "
            'quote it ("2026-01-01":)',
        ),
    ],
)
def test_a_key_that_is_no_text_is_named_as_written_at_its_line(tmp_path, cli, line, said):
    """``yes: 1`` was told as "metadata key true ... quote it ("true":)", which would change the key, and
    with no line: ``error_line`` was null in the JSON."""
    path = write(tmp_path / "k.md", _front(line))
    before = {path: path.read_bytes()}
    _bad(cli("check", str(path), "--no-config"), path, "4:1", said)
    result = cli("check", str(path), "--no-config", "--format", "json").json()["results"][0]
    assert (result["status"], result["error_line"], result["error_column"]) == ("error", 4, 1), result
    _unchanged(before)


@pytest.mark.parametrize(("key", "kind"), [("true", "true or false"), ("3", "a number"), ("off", "true or false")])
def test_a_sidecars_key_that_is_no_text_is_named_as_written_at_its_line(tmp_path, cli, key, kind):
    """A sidecar's ``true: 1`` or ``3: 1`` was "metadata '1': Keys should be strings", with no line."""
    page = write(tmp_path / "side.html", "<p>x</p>\n")
    sidecar = write(
        tmp_path / "side.meta.yaml", f"title: x\n{key}: 1\noriginal_url: https://www.propublica.org/article/ferry\n"
    )
    before = {page: page.read_bytes(), sidecar: sidecar.read_bytes()}
    said = f'metadata key {key}: a key must be text, and an unquoted {key} is {kind}: quote it ("{key}":)'
    _bad(cli("check", str(page), "--no-config"), sidecar, "2:1", said)
    result = cli("check", str(page), "--no-config", "--format", "json").json()["results"][0]
    assert (result["error_line"], result["error_column"]) == (2, 1), result
    _unchanged(before)


HINT = "write a date as YYYY-MM-DD (2025-03-10), a moment as YYYY-MM-DDTHH:MM:SS-06:00"


@pytest.mark.parametrize(
    ("line", "place", "said"),
    [
        ("original_published: Nov 2, 2026", "4:21", "'original_published': 'Nov 2, 2026' is no date: invalid"),
        ("original_published: 2024-13-45", "4:21", "'original_published': '2024-13-45' is not a calendar date: "),
        ("published: 2026-11-31", "4:12", "'published': '2026-11-31' is not a calendar date: November 2026 has 30"),
        ("published: '2026-11-31'", "4:12", "'published': '2026-11-31' is not a calendar date: November 2026 has 30"),
    ],
)
def test_a_date_that_is_none_is_told_in_one_form_at_its_value(tmp_path, cli, line, place, said):
    """A worded date was told at the key, naming it, with how to write one; an impossible one at its value as
    "invalid YAML value: month must be in 1..12", with neither. Now each names the key, at the value: a worded
    one with how to write a date, one written so whose day no calendar has with why (quoted or not alike)."""
    path = write(tmp_path / "d.md", _front(line))
    before = {path: path.read_bytes()}
    run = cli("check", str(path), "--no-config")
    assert run.code == 2, (run.out, run.err)
    [told] = [line for line in run.out.splitlines() if line.startswith(str(path))]
    assert told.startswith(f"{path}:{place}: metadata {said}"), told
    hint = "" if "calendar" in said else f"; {HINT}"  # 2026-11-31 is written as a date is: the hint is no help
    assert told.endswith(f"{hint} (could not be checked)") and told.count("write a date") == bool(hint), told
    result = cli("check", str(path), "--no-config", "--format", "json").json()["results"][0]
    assert f"{result['error_line']}:{result['error_column']}" == place, result
    _unchanged(before)


def test_a_sidecars_impossible_date_is_told_in_the_same_form(tmp_path, cli):
    page = write(tmp_path / "s.html", "<p>x</p>\n")
    write(tmp_path / "s.meta.yaml", "title: x\npublished: 2026-11-31\n")
    run = cli("check", str(page), "--no-config")
    assert (
        run.code == 2
        and "s.meta.yaml:2:12: metadata 'published': '2026-11-31' is not a calendar date: November 2026 has 30 days"
        " (could not be checked)"
        in run.out
    ), run.out


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (
            "[{from: a@b.org, scope: [print]}",
            "--meta permissions: not valid YAML at character 1 of the value ('[{from: a@b.org, scope: [print]}'): "
            "the [...] list that starts there is not closed",
        ),
        (
            "[{from: a@b.org, scope: [print]]",
            "--meta permissions: not valid YAML at character 32 of the value ('[{from: a@b.org, scope: [print]]'): "
            "did not find expected ',' or '}'",
        ),
    ],
)
def test_meta_in_broken_flow_syntax_is_told_as_not_valid_yaml(tmp_path, cli, value, said):
    """A ``]`` missing was told as "should be a list of permission records ..., not a string": the user wrote
    a list, and what is wrong is its syntax."""
    path = write(tmp_path / "a.md", PINE_ARTICLE)
    before = {path: path.read_bytes()}
    run = cli("check", str(path), "--no-config", "--meta", f"permissions={value}")
    assert run.code == 2 and run.err.startswith(f"reprint-guard: {said}"), run.err
    assert len(run.err.strip().splitlines()) == 1 and "not a string" not in run.err, run.err
    _unchanged(before)


def test_meta_text_starting_with_a_bracket_is_still_text(tmp_path, cli):
    """A title that opens with a bracket is no broken list: a key that takes text takes it as written."""
    write(tmp_path / "pol" / "pine.yaml", PINE)
    path = write(tmp_path / "a.md", PINE_ARTICLE)
    run = cli(
        "check", str(path), "--no-config", "--rules-dir", "pol", "--meta", "title=[Update] Ferry: cut", cwd=tmp_path
    )
    assert run.code == 0 and not run.err, (run.out, run.err)


def _permitted(record: str) -> str:
    return PINE_ARTICLE.replace(
        "author: Priya Okonkwo\n",
        f"author: Priya Okonkwo\ncommercial: true\npublished: 2026-01-05\npermissions:\n{record}",
    )


def test_a_permission_record_with_no_date_does_not_satisfy_a_permission_rule(tmp_path, cli):
    """The README says "A record must also be dated by that day", but a record with no date passed where one
    dated after the reprint failed: leaving the date out was the way past the check."""
    write(tmp_path / "pol" / "pine.yaml", PINE)
    path = write(tmp_path / "a.md", _permitted("  - from: editor@pinecountytimes.example\n    scope: [commercial]\n"))
    before = {path: path.read_bytes()}
    run = cli("check", str(path), "--no-config", "--rules-dir", "pol", "--format", "json", cwd=tmp_path)
    assert run.code == 1, (run.out, run.err)
    [finding] = run.json()["results"][0]["findings"]
    assert finding["rule"] == "pine-county-times/commercial" and (finding["line"], finding["column"]) == (6, 1)
    assert finding["message"].endswith(
        "(the commercial permission on record from editor@pinecountytimes.example has no date: a record must be "
        "dated by the reprint's publication on 2026-01-05)"
    ), finding
    assert (
        finding["fix"]
        == "Add the day editor@pinecountytimes.example gave the permission to its record: date: YYYY-MM-DD."
    )
    _unchanged(before)
    # Dated by that day, it counts; beside an undated one, the dated one counts.
    for records in (
        "  - from: editor@pinecountytimes.example\n    date: 2026-01-02\n    scope: [commercial]\n",
        "  - from: editor@pinecountytimes.example\n    scope: [commercial]\n"
        "  - from: editor@pinecountytimes.example\n    date: 2026-01-02\n    scope: [commercial]\n",
    ):
        write(path, _permitted(records))
        ok = cli("check", str(path), "--no-config", "--rules-dir", "pol", cwd=tmp_path)
        assert ok.code == 0, (records, ok.out, ok.err)


@pytest.mark.parametrize(
    ("scope", "code"),
    [("commercial", 0), ("commercial, print", 0), ('"not commercial"', 1), ("print", 1)],
)
def test_a_scope_written_as_one_string_is_read_as_its_words(tmp_path, cli, scope, code):
    """``scope: commercial`` (no list) is one scope, as ``[commercial]`` is; "not commercial" covers nothing."""
    write(tmp_path / "pol" / "pine.yaml", PINE)
    record = f"  - from: editor@pinecountytimes.example\n    date: 2026-01-02\n    scope: {scope}\n"
    path = write(tmp_path / "a.md", _permitted(record))
    run = cli("check", str(path), "--no-config", "--rules-dir", "pol", cwd=tmp_path)
    assert run.code == code, (run.out, run.err)


def test_an_undated_record_covers_no_photo_either(tmp_path: Path) -> None:
    """A media rule in permission mode holds a record to the same test as a permission rule: no date, no grant."""
    page = tmp_path / "a.md"
    record = "permissions:\n  - from: ProPublica\n    scope: [photos]\n"
    page.write_text(
        "---\ntitle: Jail phones\nauthor: Dana Whitfield\n"
        "original_url: https://www.propublica.org/article/jail-phones\noriginal_published: 2026-01-02\n"
        f"license: CC-BY-NC-ND-3.0-US\ncommercial: false\nmedium: web\n{record}---\n\n"
        "By Dana Whitfield, ProPublica\n\n![A phone on a jail wall](https://img.propublica.org/phone.jpg)\n\n"
        "Families pay more.\n\nThis story was originally published by "
        "[ProPublica](https://www.propublica.org/article/jail-phones). It is republished under a "
        "[CC BY-NC-ND 3.0 US](https://creativecommons.org/licenses/by-nc-nd/3.0/us/) licence.\n\n"
        '<script src="https://pixel.propublica.org/pixel.js" async></script>\n',
        encoding="utf-8",
    )
    run = run_cli("check", "a.md", "--no-config", "--format", "json", cwd=tmp_path)
    (finding,) = run.json()["results"][0]["findings"]
    assert finding["rule"] == "propublica/photos-permission"
    assert finding["message"].endswith("the 'photos' permission on record from ProPublica has no date)")
    assert finding["fix"].startswith("Add the day ProPublica gave the permission to its record (date: YYYY-MM-DD)")
    text = page.read_text(encoding="utf-8").replace("    scope: [photos]", "    date: 2026-01-01\n    scope: [photos]")
    page.write_text(text, encoding="utf-8")
    assert run_cli("check", "a.md", "--no-config", cwd=tmp_path).code == 0
