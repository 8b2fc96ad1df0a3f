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
