"""Found by fuzzing the project config and its suppressions: each case a real repository, the real CLI."""

from __future__ import annotations

import pytest

from conftest import git, write

GR_URL = "https://www.globalresearch.ca/tidewater-ferry-levy/5890011"
#: A Global Research reprint with no credit: three findings (source credit, copyright notice, link).
UNCREDITED = (
    f"---\ntitle: Tidewater towns weigh a ferry levy\noriginal_url: {GR_URL}\nauthor: Ines Calloway\n"
    "commercial: false\n---\n\nThree island councils met on Tuesday.\n"
)


def _statuses(run) -> dict[str, tuple[int, int]]:
    """Each file's (unsuppressed, suppressed) findings, by its path."""
    return {
        result["path"]: (
            sum(1 for f in result["findings"] if not f["suppressed"]),
            sum(1 for f in result["findings"] if f["suppressed"]),
        )
        for result in run.json()["results"]
    }


@pytest.mark.parametrize("named", ["content/real.md", "content/link.md"])
def test_a_suppression_covers_the_file_it_names_not_a_link_to_it_or_its_target(tmp_path, cli, named):
    """A link inside the repository was matched by its target's path: a suppression naming the target
    suppressed the link's findings, and one naming the link (the file reported) suppressed nothing."""
    git(tmp_path, "init", "-q")
    write(tmp_path / "content" / "real.md", UNCREDITED)
    (tmp_path / "content" / "link.md").symlink_to("real.md")
    write(
        tmp_path / ".reprint-guard.yaml",
        f"suppressions:\n  - path: {named}\n    rule: global-research/*\n    reason: agreed by email\n",
    )
    run = cli("check", "content", "--format", "json", cwd=tmp_path)
    other = "content/link.md" if named == "content/real.md" else "content/real.md"
    assert _statuses(run) == {named: (0, 3), other: (3, 0)}, run.out
    assert run.code == 1, run.err


def test_exclude_names_a_link_by_its_own_path(tmp_path, cli):
    """``exclude`` naming a link left it checked (and left out its target instead)."""
    git(tmp_path, "init", "-q")
    write(tmp_path / "content" / "real.md", UNCREDITED)
    (tmp_path / "content" / "link.md").symlink_to("real.md")
    write(tmp_path / ".reprint-guard.yaml", "exclude: [content/link.md]\n")
    run = cli("check", "content", "--format", "json", cwd=tmp_path)
    assert list(_statuses(run)) == ["content/real.md"], run.out


@pytest.mark.parametrize(("key", "checked"), [("include", ["a.md"]), ("exclude", [])])
def test_thousands_of_globs_are_matched_not_an_internal_error(tmp_path, cli, key, checked):
    """Six thousand globs (a generated list) overflowed RE2's budget for the one set pathspec builds of them:
    "internal error (Error: failed to compile Set)", exit 2, where each glob alone is fine."""
    write(tmp_path / "a.md", UNCREDITED)
    globs = ", ".join([f"x{i}.md" for i in range(6000)] + ["a.md"])
    write(tmp_path / ".reprint-guard.yaml", f"{key}: [{globs}]\n")
    run = cli("check", ".", "--format", "json", cwd=tmp_path)
    assert "internal error" not in run.err, run.err
    assert [result["path"] for result in run.json()["results"]] == checked, run.out
    assert run.code == (1 if checked else 0), run.err


@pytest.mark.parametrize(
    ("config", "place"),
    [
        ("policy: policies/nope.yaml\n", ":1:9:"),
        ("overrides:\n  - paths: [a.md]\n    policy: policies/nope.yaml\n", ":3:13:"),
        ("overrides:\n  - paths: [other/**]\n    policy: policies/\n", ":3:13:"),
    ],
)
def test_a_policy_file_the_config_names_that_is_not_there_is_told_at_the_config(tmp_path, cli, config, place):
    """A config's policy naming a file that is not there was told as "policies/nope.yaml: policy file not
    found", at no place in the config (an unknown id is told at its line), so the slip could not be found."""
    (tmp_path / "policies").mkdir()
    write(tmp_path / "a.md", UNCREDITED)
    write(tmp_path / ".reprint-guard.yaml", config)
    run = cli("check", "a.md", cwd=tmp_path)
    assert run.code == 2, run.err
    assert run.err.startswith(f"reprint-guard: .reprint-guard.yaml{place} "), run.err
    assert "policies/" in run.err and len(run.err.splitlines()) == 1, run.err


def test_a_glob_with_a_set_in_a_set_writes_no_python_warning(tmp_path, cli):
    """``[[:alpha:]]*`` made Python's re print a FutureWarning and its source line on standard error."""
    write(tmp_path / "a.md", UNCREDITED)
    write(tmp_path / ".reprint-guard.yaml", 'exclude: ["[[:alpha:]]*.html"]\n')
    run = cli("check", "a.md", cwd=tmp_path)
    assert run.code == 1, run.err
    assert "Warning" not in run.err and run.err == "", run.err


@pytest.mark.parametrize("entry", [".", "policies"])
def test_a_policy_folder_leaves_hidden_yaml_out_the_config_itself_among_them(tmp_path, cli, entry):
    """A policy folder that is the config's own (``policies: ["."]``, a small repository's root) read the config
    itself, and any hidden YAML (``.pre-commit-config.yaml``), as a policy: "'id' is a required property" at the
    config's first line, exit 2, for a valid config."""
    folder = tmp_path / entry
    write(
        folder / "harbour.yaml",
        "id: harbour\nname: H\npublisher: H\nsource_url: https://harbour.example/terms\n"
        "applies_to: [harbour.example]\nrules:\n  - id: credit\n    check: attribution\n    names: [Harbour Herald]\n"
        "    message: Credit the Harbour Herald\n",
    )
    write(folder / ".pre-commit-config.yaml", "repos: []\n")
    write(tmp_path / "a.md", "---\noriginal_url: https://harbour.example/gulls\n---\n\nThe gulls came back.\n")
    write(tmp_path / ".reprint-guard.yaml", f"policies: ['{entry}']\n")
    run = cli("check", "a.md", "--format", "json", cwd=tmp_path)
    assert run.code == 1, run.err
    assert [f["rule"] for f in run.json()["results"][0]["findings"]] == ["harbour/credit"], run.out


def test_hundreds_of_suppressions_are_compiled_once_not_once_a_file(tmp_path, monkeypatch, capsys):
    """Each suppression's glob was compiled again for each file once the config held more than the 256 the
    cache kept: 300 suppressions over 200 files took 4.6 s of CPU, 200 took 0.7 s."""
    from reprint_guard.cli import main
    from reprint_guard.suppressions import _spec

    for i in range(20):
        write(tmp_path / "content" / f"p{i}.md", UNCREDITED)
    entries = "".join(
        f"  - {{path: content/p{i}.md, rule: global-research/source-credit, reason: agreed}}\n" for i in range(300)
    )
    write(tmp_path / ".reprint-guard.yaml", "suppressions:\n" + entries)
    monkeypatch.chdir(tmp_path)
    _spec.cache_clear()
    assert main(["check", "content", "--no-progress", "-j", "1"]) == 1
    assert _spec.cache_info().misses < 400, _spec.cache_info()
    assert "40 errors" in capsys.readouterr().out  # the source credit suppressed in each of the 20 files


SUPPRESSION = '<!-- reprint-guard: ignore global-research/* reason="agreed by email" -->'
GR_SIDECAR = f"title: T\noriginal_url: {GR_URL}\nauthor: Ines Calloway\ncommercial: false\n"


@pytest.mark.parametrize(
    "page",
    [
        f"<p>Three island councils met.</p>\n<textarea>{SUPPRESSION}</textarea>\n",
        f"<html><head><title>{SUPPRESSION}</title></head><body><p>Three councils met.</p></body></html>\n",
        f"<p>Three island councils met.</p>\n<script>var shown = '{SUPPRESSION}';</script>\n",
        f"<p>Three island councils met.</p>\n<textarea>unclosed\n\n{SUPPRESSION}\n",
    ],
    ids=["textarea", "title", "script", "unclosed-textarea"],
)
def test_a_suppression_in_an_element_read_as_text_is_no_comment(tmp_path, cli, page):
    """In an HTML page, "<!-- reprint-guard: ignore ... -->" in a <textarea> (shown to the reader as it is
    written), a <title> or a script's string is text, not a comment, as it is in a Markdown code span: it
    suppressed every finding of the policy."""
    write(tmp_path / "page.html", page)
    write(tmp_path / "page.meta.yaml", GR_SIDECAR)
    run = cli("check", "--no-config", "page.html", "--format", "json", cwd=tmp_path)
    assert _statuses(run) == {"page.html": (3, 0)}, run.out
    assert run.code == 1


def test_a_suppression_after_an_element_read_as_text_still_counts(tmp_path, cli):
    """A real comment after a closed <script> or <textarea>, or after one written in a comment, counts."""
    page = (
        "<p>Three island councils met.</p>\n<!-- <textarea> -->\n<script>var a = '</p>';</script>\n"
        f"<textarea>note</textarea>\n{SUPPRESSION}\n"
    )
    write(tmp_path / "page.html", page)
    write(tmp_path / "page.meta.yaml", GR_SIDECAR)
    run = cli("check", "--no-config", "page.html", "--format", "json", cwd=tmp_path)
    assert _statuses(run) == {"page.html": (0, 3)}, run.out
    assert run.code == 0
