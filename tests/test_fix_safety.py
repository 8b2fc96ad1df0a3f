"""--fix and --diff are as safe as the check: they read, show and write no more than it reads, and a file they
cannot fix leaves the report of the others whole. Real files, real git, the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import git, write

GR_URL = "https://www.globalresearch.ca/tidewater-ferry-levy/5890011"
GR_FRONT = (
    f"---\ntitle: Tidewater towns weigh a ferry levy\noriginal_url: {GR_URL}\nauthor: Ines Calloway\n"
    "original_published: 2025-04-02\ncommercial: false\nmedium: web\n---\n"
)
#: A Global Research reprint lacking its credit: --fix inserts the source line and the copyright notice.
UNCREDITED = GR_FRONT + "\n# Tidewater towns weigh a ferry levy\n\nThree island councils met on Tuesday.\n"


def _repository(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    return repo


# 1. A symbolic link out of the repository ---------------------------------------------------------------


@pytest.mark.parametrize("how", [("site",), ("--force-include", "site/out.md")])
@pytest.mark.parametrize("mode", ["--fix", "--diff"])
def test_fix_and_diff_never_read_through_a_link_out_of_the_repository(tmp_path, cli, how, mode):
    """A walk (and --force-include) refuses a link leading out of the repository, unread; --fix read the
    file it leads to, printed it in a patch and overwrote it, wherever it was."""
    outside = write(tmp_path / "outside" / "secret.md", UNCREDITED)
    repo = _repository(tmp_path)
    (repo / "site").mkdir()
    (repo / "site" / "out.md").symlink_to(outside)
    before = outside.read_bytes()
    plain = cli("check", "--no-config", *how, cwd=repo)
    run = cli("check", "--no-config", *how, mode, cwd=repo)
    assert outside.read_bytes() == before
    assert run.code == plain.code == 2, (run.out, run.err)
    assert run.out == ("" if mode == "--diff" else plain.out), run.out  # no patch: nothing of it shown
    said = f"site/out.md: a symbolic link out of the repository ({outside}): not read"
    assert said in (plain.out + plain.err), plain.out
    assert (run.out + run.err).count(said) == 1, (run.out, run.err)
    assert "Three island councils" not in run.out + run.err and "fixed" not in run.err


def test_fix_still_fixes_a_link_named_on_the_command_line(tmp_path, cli):
    """Named without --force-include, a link is the user's, read by the check: --fix writes where it leads,
    as before."""
    outside = write(tmp_path / "outside" / "story.md", UNCREDITED)
    repo = _repository(tmp_path)
    (repo / "story.md").symlink_to(outside)
    run = cli("check", "--no-config", "story.md", "--fix", cwd=repo)
    assert run.code == 0, (run.out, run.err)
    assert "Global Research" in outside.read_text(encoding="utf-8")


# 2. A file that cannot be fixed leaves the others' report whole ------------------------------------------


def _three_files(site: Path, bad: str) -> Path:
    """A folder of three reprints: ``a.md`` that --fix cannot fix (``bad``: read-only, bad YAML, too large),
    ``b.md`` that --fix fixes, ``c.md`` that passes."""
    if bad == "readonly":
        write(site / "a.md", UNCREDITED).chmod(0o444)
    elif bad == "yaml":
        write(site / "a.md", GR_FRONT.replace("title: ", "title: \f") + "\nStory.\n")
    else:  # over the 5 MiB a file may have
        write(site / "a.md", UNCREDITED + ("A line of the story, again and again.\n" * 150_000))
    write(site / "b.md", UNCREDITED)
    credit = (
        f"\n*The original source of this article is [Global Research]({GR_URL}).*\n\n"
        "Copyright © Ines Calloway, Global Research, 2025\n"
    )
    write(site / "c.md", UNCREDITED + credit)
    return site


@pytest.mark.parametrize(
    ("bad", "mode"),
    [("readonly", "--fix"), ("yaml", "--fix"), ("yaml", "--diff"), ("large", "--fix"), ("large", "--diff")],
)
def test_a_file_that_cannot_be_fixed_is_told_and_the_rest_reported(tmp_path, cli, bad, mode):
    """One file that could not be read or written made --fix and --diff stop with exit 2 before the report:
    no summary, no --json file, though the other files were fixed (or their patch printed)."""
    site = _three_files(tmp_path / "site", bad)
    run = cli("check", "--no-config", "site", mode, "--json", "out.json", cwd=tmp_path)
    assert run.code == 2, (run.out, run.err)
    report = run.err if mode == "--diff" else run.out
    assert "in 3 files" in report, (run.out, run.err)
    told = [line for line in run.err.splitlines() if line.startswith("site/a.md") and "not fixed" in line]
    assert len(told) == 1, run.err
    results = {Path(r["path"]).name: r["status"] for r in json.loads((tmp_path / "out.json").read_text())["results"]}
    assert results["c.md"] == "pass", results
    if mode == "--fix":
        assert "site/b.md: fixed" in run.err and results["b.md"] == "pass", (run.err, results)
        assert "Global Research" in (site / "b.md").read_text(encoding="utf-8")
    else:
        assert run.out.startswith("--- a/site/b.md\n"), run.out
        assert results["b.md"] == "fail", results
    assert results["a.md"] == ("fail" if bad == "readonly" else "error"), results


def test_a_read_only_file_named_alone_is_told_and_reported(tmp_path, cli):
    page = write(tmp_path / "ro.md", UNCREDITED)
    page.chmod(0o444)
    run = cli("check", "--no-config", "ro.md", "--fix", cwd=tmp_path)
    assert run.code == 2, (run.out, run.err)
    assert "ro.md: cannot write the fix: the file is read-only: not fixed" in run.err, run.err
    assert "global-research/source-credit" in run.out and "1 failed" in run.out, run.out
    assert page.read_text(encoding="utf-8") == UNCREDITED


# 3. A fix that would make a file too large to check --------------------------------------------------------


@pytest.mark.parametrize("mode", ["--fix", "--diff"])
def test_a_fix_that_would_push_a_file_over_the_size_limit_is_refused(tmp_path, cli, mode):
    """A file a little under 5 MiB was fixed past the limit: every later check refused it."""
    limit = 5 * 1024 * 1024
    head = UNCREDITED + "\n"
    filler = ("A line of the story, again and again.\n" * (limit // 38))[: limit - 60 - len(head.encode())]
    page = write(tmp_path / "edge.md", head + filler.rsplit("\n", 1)[0] + "\n")
    before = page.read_bytes()
    assert limit - 100 < len(before) <= limit
    run = cli("check", "--no-config", "edge.md", mode, cwd=tmp_path)
    assert page.read_bytes() == before
    assert run.code == 1, (run.out, run.err)
    told = [line for line in run.err.splitlines() if line.startswith("edge.md: left unchanged: ")]
    assert len(told) == 1 and "over the 5 MiB limit" in told[0] and len(told[0]) < 200, run.err
    assert "fixed" not in run.err and not run.out.startswith("---"), (run.out, run.err)


# 4. What a file ends with is kept ---------------------------------------------------------------------------

GR_SIDECAR = (
    f"title: Tidewater towns weigh a ferry levy\noriginal_url: {GR_URL}\nauthor: Ines Calloway\n"
    "original_published: 2025-04-02\ncommercial: false\nmedium: web\n"
)
HTML_BODY = "<p>Three island councils met on Tuesday.</p>\r\n<ul>\r\n\t<li>Ferries</li>\r\n</ul>"


def _fixed_as_patched(cli, tmp_path: Path, name: str, data: bytes, sidecar: str | None = None) -> bytes:
    """What --fix writes to ``name`` (holding ``data``), asserting that --diff's patch, applied with git apply,
    makes the very same bytes, that a second --fix changes nothing and that the fixed file passes."""
    trees = {kind: tmp_path / kind for kind in ("fix", "diff")}
    for tree in trees.values():
        write(tree / name, data)
        if sidecar is not None:
            write(tree / (name.rsplit(".", 1)[0] + ".meta.yaml"), sidecar)
        git(tree, "init", "-q")
    patch = cli("check", "--no-config", name, "--diff", cwd=trees["diff"], stdin=b"")
    assert patch.out.startswith(f"--- a/{name}\n"), (patch.out, patch.err)
    assert (trees["diff"] / name).read_bytes() == data
    (tmp_path / "p.patch").write_bytes(patch.out.encode("utf-8"))
    git(trees["diff"], "apply", str(tmp_path / "p.patch"))
    fixed = cli("check", "--no-config", name, "--fix", cwd=trees["fix"])
    assert fixed.code == 0 and f"{name}: fixed " in fixed.err, (fixed.out, fixed.err)
    written = (trees["fix"] / name).read_bytes()
    assert (trees["diff"] / name).read_bytes() == written
    again = cli("check", "--no-config", name, "--fix", cwd=trees["fix"])
    assert again.code == 0 and "fixed" not in again.err, (again.out, again.err)
    assert (trees["fix"] / name).read_bytes() == written
    return written


CREDIT_END = "Copyright © Ines Calloway, Global Research, 2025".encode()


@pytest.mark.parametrize("ending", ["\n\n\n\n", "\n\n", "\n \n\n"])
def test_fix_keeps_the_blank_lines_a_markdown_file_ends_with(tmp_path, cli, ending):
    """rstrip("\\n") took the blank lines at the end of the file away, and they were in no patch's context."""
    text = UNCREDITED.rstrip("\n") + ending
    written = _fixed_as_patched(cli, tmp_path, "a.md", text.encode("utf-8"))
    assert written.startswith(UNCREDITED.rstrip("\n").encode("utf-8") + b"\n\n*The original source")
    assert written.endswith(CREDIT_END + ending.encode("utf-8")), written[-80:]


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_fix_adds_no_final_line_end_to_a_markdown_file_without_one(tmp_path, cli, bom):
    text = UNCREDITED.rstrip("\n")
    written = _fixed_as_patched(cli, tmp_path, "a.md", bom + text.encode("utf-8"))
    assert written.startswith(bom + text.encode("utf-8") + b"\n\n*The original source"), written[:40]
    assert written.endswith(CREDIT_END), written[-80:]


@pytest.mark.parametrize("ending", ["", "\r\n\r\n\r\n"])
def test_fix_keeps_how_an_html_fragment_ends(tmp_path, cli, ending):
    """A fragment without a line end after its last tag gained one; blank lines after it were taken away."""
    text = HTML_BODY + ending
    written = _fixed_as_patched(cli, tmp_path, "a.html", text.encode("utf-8"), sidecar=GR_SIDECAR)
    assert written.startswith(HTML_BODY.encode("utf-8") + b"\r\n<p>"), written[:200]
    assert written.endswith(b"</p>" + ending.encode("utf-8")), written[-80:]
    assert b"\n" not in written.replace(b"\r\n", b""), written  # CRLF throughout, the new lines too


# 5. A control character in original_url ------------------------------------------------------------------


@pytest.mark.parametrize("escape", ["\\b", "\\t", "\\0", "\\x7f", "\\x85"])
def test_a_control_character_in_original_url_is_bad_metadata(tmp_path, cli, escape):
    """YAML's "...\\b" in double quotes is a backspace: --fix wrote a credit linking the address cut there."""
    text = (
        '---\ntitle: t\noriginal_url: "https://valleynotes.example.net/a' + escape + 'b"\nauthor: Tomas Ferreira\n'
        "license: CC-BY-4.0\n---\n\nNight buses return.\n"
    )
    page = write(tmp_path / "a.md", text)
    for mode in ((), ("--fix",), ("--diff",)):
        run = cli("check", "--no-config", "a.md", *mode, cwd=tmp_path)
        assert run.code == 2 and not run.out.startswith("---"), (mode, run.out, run.err)
        said = "a.md:3:1: metadata 'original_url': holds a control character (U+00"
        assert said in run.out + run.err, (mode, run.out, run.err)
        assert page.read_text(encoding="utf-8") == text


def test_a_control_character_in_original_url_given_with_meta_is_a_usage_error(tmp_path, cli):
    write(tmp_path / "a.md", "# Night buses\n\nNight buses return.\n")
    run = cli("check", "--no-config", "a.md", "--meta", 'original_url="https://valleynotes.example.net/a\\bb"')
    assert run.code == 2 and run.err.startswith("reprint-guard: --meta original_url: holds a control"), run.err


def test_an_address_read_with_a_line_end_after_it_is_still_read(tmp_path, cli):
    """A block scalar (``original_url: |``) ends in a line end: white space around the address is no part of it."""
    text = f"---\noriginal_url: |\n  {GR_URL}\nauthor: Ines Calloway\n---\n\nStory.\n"
    write(tmp_path / "a.md", text)
    run = cli("check", "--no-config", "a.md", cwd=tmp_path)
    assert run.code == 1 and "global-research/source-credit" in run.out, (run.out, run.err)


# 6. --staged --fix ----------------------------------------------------------------------------------------


def test_staged_fix_says_the_fix_is_in_the_working_copy_and_needs_staging(tmp_path, cli):
    """--staged --fix fixed the working copy and said "fixed", while the report (and the exit status) were of
    the staged copy, unfixed, with no word of why. The hook fails as a formatter's does, saying to stage it."""
    repo = _repository(tmp_path)
    page = write(repo / "content" / "a.md", UNCREDITED)
    git(repo, "add", "content/a.md")
    run = cli("check", "--no-config", "--staged", "--force-include", "content/a.md", "--fix", cwd=repo)
    assert run.code == 1, (run.out, run.err)  # the commit, as staged, still lacks the credit
    assert "content/a.md: fixed global-research/" in run.err, run.err
    said = (
        "content/a.md: the fix is in the working copy, not in the commit, which the report is of: "
        "stage it (git add content/a.md)"
    )
    assert said in run.err, run.err
    assert "Global Research" in page.read_text(encoding="utf-8")
    assert git(repo, "show", ":content/a.md") + "\n" == UNCREDITED  # the index is the user's to change
    git(repo, "add", "content/a.md")
    again = cli("check", "--no-config", "--staged", "--force-include", "content/a.md", "--fix", cwd=repo)
    assert again.code == 0 and "fixed" not in again.err and "git add" not in again.err, (again.out, again.err)


# 7. A file that ends inside something left open --------------------------------------------------------------

OPEN_AT_END = {
    "fence": ("```text\nraw data row 1\nraw data row 2\n", "an unclosed code fence (```)"),
    "tilde": ("~~~\nraw data row 1", "an unclosed code fence (~~~)"),
    "comment": ("<!-- editor note: check figures\nstill in comment\n", "an unclosed HTML comment (<!--)"),
    "script": ("<script>\nvar x = 1;\n", "an unclosed <script>"),
    "pre": ("<pre>\nraw\n", "an unclosed <pre>"),
    "details": ("<details>\n<summary>Methodology</summary>\n\nWe read council minutes.\n", "an unclosed <details>"),
}


@pytest.mark.parametrize("kind", list(OPEN_AT_END))
def test_a_file_ending_inside_something_open_is_left_saying_so_briefly(tmp_path, cli, kind):
    """The refusal ran a thousand characters, every finding repeated, and never said why the credit added at
    the end could not be seen: the file ends inside a code fence (a comment, a <script>, ...) left open."""
    tail, said = OPEN_AT_END[kind]
    text = GR_FRONT + "\nThree island councils met on Tuesday.\n\n" + tail
    page = write(tmp_path / "a.md", text)
    opened = text.count("\n", 0, text.index(tail)) + 1
    for mode in ("--fix", "--diff"):
        run = cli("check", "--no-config", "a.md", mode, cwd=tmp_path)
        assert page.read_text(encoding="utf-8") == text
        told = [line for line in run.err.splitlines() if line.startswith("a.md: left unchanged: ")]
        assert len(told) == 1, run.err
        assert f"the file ends inside {said}, opened at line {opened}" in told[0], told[0]
        assert len(told[0]) < 250 and "not credited" not in told[0], told[0]
        assert run.code == 1 and not run.out.startswith("---"), (run.out, run.err)


def test_an_html_fragment_ending_inside_a_comment_is_left_saying_so(tmp_path, cli):
    text = "<p>Three island councils met on Tuesday.</p>\n<!-- to do: the figures\n"
    page = write(tmp_path / "a.html", text)
    write(tmp_path / "a.meta.yaml", GR_SIDECAR)
    run = cli("check", "--no-config", "a.html", "--fix", cwd=tmp_path)
    assert page.read_text(encoding="utf-8") == text
    assert "a.html: left unchanged: the file ends inside an unclosed HTML comment (<!--), opened at line 2" in run.err


def test_a_closed_fence_and_comment_do_not_stop_the_fix(tmp_path, cli):
    text = GR_FRONT + "\nThree island councils met.\n\n````\n```\n````\n\n<!-- a note -->\n"
    page = write(tmp_path / "a.md", text)
    run = cli("check", "--no-config", "a.md", "--fix", cwd=tmp_path)
    assert run.code == 0 and "a.md: fixed " in run.err, (run.out, run.err)
    assert page.read_text(encoding="utf-8").startswith(text.rstrip("\n"))
