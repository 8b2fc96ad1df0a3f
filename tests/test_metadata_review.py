"""A new-user review of metadata: a theme's own ``canonical:`` key is no misspelt key; typos in the config's
defaults and overrides and in --meta are told once, where they are written; bad keys and dates are told at
their line, named as written; a --meta value that is broken YAML is said to be; a permission record must be
dated, and its scope may be one use written alone. Real files through the real CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write

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
