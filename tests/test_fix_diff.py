"""--diff and --fix on files as they come: no line end after the last line, classic Mac OS or mixed line ends,
a byte order mark, a path with ``..`` or an absolute one; and where a credit at the top goes.

Each patch that --diff prints is applied with real ``git apply`` (and ``patch``, when installed) to a copy of
the files and compared byte for byte with what --fix writes in another copy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, git, write

GR_FRONT = (
    "---\ntitle: T\nauthor: Ana Ruiz\noriginal_url: https://www.globalresearch.ca/t/5800002\n"
    "original_published: 2025-01-01\ncommercial: false\n---\n"
)
GR_SIDECAR = (
    "author: Ana Ruiz\noriginal_url: https://www.globalresearch.ca/f/5800200\n"
    "original_published: 2025-01-01\ncommercial: false\n"
)
CONVERSATION_FRONT = (
    "---\nauthor: Ana Ruiz\noriginal_url: https://theconversation.com/x-55\nlicense: CC-BY-ND-4.0\n"
    "commercial: false\n---\n"
)
CONVERSATION_CREDIT = (
    "*Ana Ruiz. Republished from [The Conversation](https://theconversation.com/x-55) under a "
    "[CC BY-ND 4.0](https://creativecommons.org/licenses/by-nd/4.0/) licence.*"
)
COUNTER = '<img src="https://counter.theconversation.com/content/55/count.gif" width="1" height="1" alt="">\n'


def diff_out(cli, *args: str, cwd: Path, env: dict | None = None):
    """Run ``check ARGS --diff``, its output undecoded line ends and all (``stdin`` as bytes: the fixture then
    reads the output as bytes too, where text mode would turn each CR into a line break)."""
    return cli("check", *args, "--diff", cwd=cwd, stdin=b"", env=env)


def patched_as_fixed(
    cli, tree: Path, name: str, arg: str, *, cwd: str = ".", env: dict | None = None
) -> tuple[str, bytes]:
    """The patch --diff prints for ``arg`` (``{tree}`` in it: the folder's copy it is run in) run in
    ``tree/cwd``, and the bytes --fix writes to ``tree/name``; asserting that the patch, applied at the top of
    ``tree`` with ``git apply`` and with ``patch -p1``, makes those very bytes, and that --diff wrote nothing."""
    copies = {kind: tree.with_name(f"{tree.name}-{kind}") for kind in ("fix", "git", "patch")}
    for copy in copies.values():
        shutil.copytree(tree, copy, symlinks=True)
    before = (tree / name).read_bytes()
    run = diff_out(cli, arg.format(tree=tree), cwd=tree / cwd, env=env)
    assert run.out.startswith("--- "), (run.out, run.err)
    assert all(line[:1] in ("-", "+", " ", "@", "\\") for line in run.out.split("\n")[:-1]), run.out
    assert (tree / name).read_bytes() == before  # --diff never writes
    fixed = cli("check", arg.format(tree=copies["fix"]), "--fix", cwd=copies["fix"] / cwd, env=env)
    assert " fixed " in fixed.err, fixed.err
    expected = (copies["fix"] / name).read_bytes()
    assert expected != before
    patch = run.out.encode("utf-8")
    tools = {"git": (["git", "apply", "--check"], ["git", "apply"])}
    if shutil.which("patch"):
        tools["patch"] = (["patch", "-p1", "--dry-run"], ["patch", "-p1"])
    for kind, commands in tools.items():
        for argv in commands:  # checked, then applied
            applied = subprocess.run(
                argv, input=patch, cwd=copies[kind], capture_output=True, env={**os.environ, **(env or {})}
            )
            assert applied.returncode == 0, (argv, applied.stdout + applied.stderr, run.out)
        assert (copies[kind] / name).read_bytes() == expected, (kind, run.out)
    return run.out, expected


# 1. A last line without a line end ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("files", "name"),
    [
        ({"nonl.md": GR_FRONT + "\nBody text."}, "nonl.md"),
        # CRLF lines, the last without one; its metadata beside it
        ({"nonl.html": "<p>Body text.</p>\r\n<p>More.</p>", "nonl.meta.yaml": GR_SIDECAR}, "nonl.html"),
    ],
)
def test_a_diff_of_a_file_without_a_final_line_end_says_so_and_applies(tmp_path, cli, files, name):
    """The last line ran into the first added one ("-Body text.+Body text."), without the "\\ No newline at
    end of file" marker: patch called the patch malformed, git apply corrupt."""
    tree = tmp_path / "site"
    for file, text in files.items():
        write(tree / file, text.encode("utf-8"))
    out, fixed = patched_as_fixed(cli, tree, name, name)
    last = files[name].rsplit("\n", 1)[-1]
    assert f"\n-{last}\n\\ No newline at end of file\n+{last}" in out, out
    # The credit ends the file as its last line did, with no line end (and the new lines end as the file's do)
    assert not fixed.endswith(b"\n") and fixed.startswith(files[name].encode("utf-8"))


# 2. Classic Mac OS line ends (CR alone) -----------------------------------------------------------------


def test_a_diff_of_a_file_with_classic_mac_line_ends_applies(tmp_path, cli):
    """Lines were split at each CR, and put back with "\\n": a corrupt patch. As git and GNU diff read it, such
    a file is one line (with no line end): the patch replaces that line, as ``git diff`` shows it."""
    text = (
        "---\rtitle: Test\rauthor: Ana Ruiz\roriginal_url: https://www.globalresearch.ca/test/5800001\r"
        "commercial: false\r---\r\rFirst paragraph.\r\rSecond paragraph with [a link](https://example.org/).\r"
    )
    tree = tmp_path / "site"
    write(tree / "cr.md", text.encode("utf-8"))
    out, fixed = patched_as_fixed(cli, tree, "cr.md", "cr.md")
    assert out.count("\\ No newline at end of file\n") == 2 and "@@ -1 +1 @@\n" in out, out
    assert b"\n" not in fixed and fixed.startswith(text.encode("utf-8")) and b"Global Research" in fixed


# 3. Paths with "..", absolute paths ----------------------------------------------------------------------


@pytest.mark.parametrize("arg", ["../posts/x.md", "{tree}/content/posts/x.md", "../../content/./posts/x.md"])
def test_a_diff_names_the_file_from_the_top_of_its_git_work_tree(tmp_path, cli, arg):
    """Run in a subfolder, the patch named "a/../posts/x.md" (or an absolute path): git apply refused it
    as an invalid path, and patch -p1 found no file. It names the file as git diff does, from the top."""
    tree = tmp_path / "site"
    write(tree / "content" / "posts" / "x.md", GR_FRONT + "\nBody text.\n")
    write(tree / "content" / "exports" / "notes.txt", "exports\n")
    git(tree, "init", "-q")
    out, _ = patched_as_fixed(cli, tree, "content/posts/x.md", arg, cwd="content/exports")
    assert out.startswith("--- a/content/posts/x.md\n+++ b/content/posts/x.md\n"), out


@pytest.mark.parametrize("arg", ["./posts/../posts/x.md", "{tree}/posts/x.md"])
def test_a_diff_outside_git_names_the_file_from_the_current_folder(tmp_path, cli, arg):
    tree = tmp_path / "site"
    write(tree / "posts" / "x.md", GR_FRONT + "\nBody text.\n")
    env = {"GIT_CEILING_DIRECTORIES": str(tmp_path)}  # no repository above is found (pytest's folder may be in one)
    out, _ = patched_as_fixed(cli, tree, "posts/x.md", arg, env=env)
    assert out.startswith("--- a/posts/x.md\n+++ b/posts/x.md\n"), out


# 4. Mixed line ends ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("front", "body"), [("\r\n", "\n"), ("\n", "\r\n")])
def test_inserted_lines_take_the_line_end_of_their_neighbour(tmp_path, cli, front, body):
    """CRLF front matter above an LF body: the credit at the body's end took CRLF, among LF lines."""
    lines = GR_FRONT.split("\n")[:-1]
    text = "".join(line + front for line in lines[:-1]) + "---\n"  # the closing line ends in LF: git's own
    text += "\nFirst paragraph.\n\nAll in all a good story.\n".replace("\n", body)
    tree = tmp_path / "site"
    write(tree / "mixed.md", text.encode("utf-8"))
    _, fixed = patched_as_fixed(cli, tree, "mixed.md", "mixed.md")
    assert fixed.startswith(text.encode("utf-8"))
    added = fixed[len(text.encode("utf-8")) :]
    assert b"Global Research" in added and added.count(b"\n") > 1
    assert added.count(b"\r\n") == (added.count(b"\n") if body == "\r\n" else 0), added


# 5. Where a credit at the top goes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "fixed"),
    [
        # a blank line after the front matter: it is the one above the credit (there were two)
        ("\nFirst paragraph.\n", "\n{credit}\n\nFirst paragraph.\n"),
        ("First paragraph.\n", "\n{credit}\n\nFirst paragraph.\n"),
        # a setext heading is the title, as an ATX one is: the credit goes below it (it went above)
        ("Warum Bienen sterben\n====================\nBienen sterben.\n", None),
        ("\nA title over\ntwo lines\n===\n\nBienen sterben.\n", None),
        ("# Warum Bienen sterben\n\nBienen sterben.\n", None),
        # a hero picture above the title goes with it (the credit went above both)
        ("![Bienen](https://images.example/bee.jpg)\n\n# Warum Bienen sterben\n\nBienen sterben.\n", None),
        ('{{< figure src="/bee.jpg" >}}\n# Warum Bienen sterben\n\nBienen sterben.\n', None),
        # a picture with no title under it: the credit stays first
        (
            "![Bienen](https://images.example/bee.jpg)\n\nBienen sterben.\n",
            "\n{credit}\n\n![Bienen](https://images.example/bee.jpg)\n\nBienen sterben.\n",
        ),
    ],
)
def test_a_top_credit_goes_below_the_title_with_one_blank_line_each_side(tmp_path, cli, body, fixed):
    tree = tmp_path / "site"
    write(tree / "story.md", (CONVERSATION_FRONT + body + "\n" + COUNTER).encode("utf-8"))
    _, written = patched_as_fixed(cli, tree, "story.md", "story.md")
    text = written.decode("utf-8")
    if fixed is None:  # below the title's last line, with one blank line between it and the credit
        title = body.split("\nBienen")[0].rstrip("\n")
        fixed = f"{title}\n\n{{credit}}\n\nBienen sterben.\n"
    assert text == CONVERSATION_FRONT + fixed.replace("{credit}", CONVERSATION_CREDIT) + "\n" + COUNTER, text
    assert "\n\n\n" not in text


# A byte order mark ----------------------------------------------------------------------------------------


def test_a_diff_of_a_file_with_a_byte_order_mark_applies_where_its_first_line_is_in_the_patch(tmp_path, cli):
    """--fix keeps a BOM: the patch's lines were the text without it, so its first line did not match."""
    tree = tmp_path / "site"
    write(tree / "b.md", b"\xef\xbb\xbfBody text.\n")
    write(tree / "b.meta.yaml", GR_SIDECAR)
    out, fixed = patched_as_fixed(cli, tree, "b.md", "b.md")
    assert out.split("\n")[3] == " \ufeffBody text.", out
    assert fixed.startswith(b"\xef\xbb\xbfBody text.\n\n")


def test_a_diff_to_a_console_in_a_code_page_is_a_utf8_patch_that_applies(tmp_path, cli):
    """A console whose encoding has no "Ł" (a Windows code page; ASCII here, which the report on standard
    error is written in, escaped): the patch is written as the files are, UTF-8, not escaped."""
    tree = tmp_path / "site"
    write(tree / "a.md", GR_FRONT.replace("Ana Ruiz", "Łukasz Żak") + "\nBody text, café.\n")
    out, fixed = patched_as_fixed(cli, tree, "a.md", "a.md", env={"PYTHONIOENCODING": "ascii"})
    assert "Łukasz Żak" in out and "\\u0141" not in out and "Łukasz Żak" in fixed.decode("utf-8")


def test_a_file_and_a_link_to_it_give_one_hunk_that_applies(tmp_path, cli):
    """``--diff r.md z.md`` with z.md a link to r.md wrote the hunk twice: git apply refused the patch."""
    git(tmp_path, "init", "-q")
    (tmp_path / "r.md").write_text(
        "---\noriginal_url: https://www.globalresearch.ca/a/5800001\nauthor: Ana Ruiz\n---\n\nStory.\n",
        encoding="utf-8",
    )
    (tmp_path / "z.md").symlink_to("r.md")
    run = cli("check", "--no-config", "--diff", "r.md", "z.md", cwd=tmp_path)
    assert run.out.count("+++ ") == 1, run.out
    (tmp_path / "p.patch").write_text(run.out, encoding="utf-8")
    applied = subprocess.run(["git", "apply", "--check", "p.patch"], cwd=tmp_path, capture_output=True, text=True)
    assert applied.returncode == 0, applied.stderr


def _propublica_without_licence(folder: Path, author: str, byline: str = "") -> Path:
    """A ProPublica reprint with its credit line and pixel but no licence, byline ``byline``."""
    page = folder / "a.md"
    original = "https://www.propublica.org/article/county-jails-release-dates-overdue"
    page.write_text(
        f"---\ntitle: County jails\nauthor: {author}\noriginal_url: {original}\noriginal_published: 2026-11-10\n"
        f"commercial: true\n---\n\n{byline}Records from four county jails show delays.\n\n"
        f"*This story was originally published by [ProPublica]({original}).*\n\n"
        '<script src="https://pixel.propublica.org/pixel.js" async></script>\n',
        encoding="utf-8",
    )
    return page


def test_fix_adds_only_the_sentence_of_a_one_paragraph_credit_that_is_missing(tmp_path, cli):
    """ProPublica's credit is one paragraph: a reprint lacking only the licence got the whole paragraph again,
    a second byline and credit line under its own."""
    page = _propublica_without_licence(tmp_path, "Dana Whitlock", "By Dana Whitlock, ProPublica\n\n")
    run = cli("check", str(page), "--fix")
    text = page.read_text(encoding="utf-8")
    assert run.code == 0, run.out + run.err
    assert text.count("originally published by") == 1 and text.count("By Dana Whitlock") == 1, text
    # Right under the credit line it reads on from, not at the end under the pixel.
    assert (
        "/county-jails-release-dates-overdue).*\n\n*It is republished under a [CC BY-NC-ND 3.0 US]"
        "(https://creativecommons.org/licenses/by-nc-nd/3.0/us/) licence.*\n\n<script " in text
    ), text


@pytest.mark.parametrize("author", ["Dr. Jane Roe", "J. R. Ortiz", "Robert Ellis Jr."])
def test_a_credit_is_taken_apart_at_its_templates_sentences_not_at_a_names_full_stops(tmp_path, cli, author):
    """ "By Dr. Jane Roe." was cut at "Dr.": the piece "By Dr." counted as there, and "Jane Roe. It is
    republished ..." went in. Only the policy's own template parts sentences."""
    page = _propublica_without_licence(tmp_path, author)
    run = cli("check", str(page), "--fix")
    text = page.read_text(encoding="utf-8")
    assert run.code == 0, run.out + run.err
    name = author.rstrip(".")
    assert (
        f").*\n\n*By {name}. It is republished under a [CC BY-NC-ND 3.0 US]"
        "(https://creativecommons.org/licenses/by-nc-nd/3.0/us/) licence.*\n\n<script " in text
    ), text
    assert text.count("originally published by") == 1


@pytest.mark.parametrize(
    ("name", "meta", "body", "added"),
    [
        (
            "a.md",
            "---\ntitle: Rural clinics\nauthor: Jordan Ellis\n"
            "original_url: https://kffhealthnews.org/news/article/rural-clinics-staffing/\n"
            "license: CC-BY-NC-ND-4.0\ncommercial: false\n---\n\n",
            "Clinics reported open nursing posts.\n\n*By Jordan Ellis. This article was originally published by "
            "[KFF Health News](https://kffhealthnews.org/news/article/rural-clinics-staffing/).*\n",
            "\n*This article is republished under a [CC BY-NC-ND 4.0]"
            "(https://creativecommons.org/licenses/by-nc-nd/4.0/) licence.*\n",
        ),
        (  # the credit in words of its own, not the template's
            "a.md",
            "---\ntitle: Rural clinics\nauthor: Jordan Ellis\n"
            "original_url: https://kffhealthnews.org/news/article/rural-clinics-staffing/\n"
            "license: CC-BY-NC-ND-4.0\ncommercial: false\n---\n\n",
            "Clinics reported open nursing posts.\n\n*By Jordan Ellis. This story first appeared in "
            "[KFF Health News](https://kffhealthnews.org/news/article/rural-clinics-staffing/).*\n",
            "\n*This article is republished under a [CC BY-NC-ND 4.0]"
            "(https://creativecommons.org/licenses/by-nc-nd/4.0/) licence.*\n",
        ),
        (
            "a.html",
            "title: Forest cover\nauthor: Lena Okafor\n"
            "original_url: https://news.mongabay.com/2026/11/forest-cover-reserve/\n"
            "license: CC-BY-ND-4.0\ncommercial: false\n",
            "<p>Forest cover fell by a tenth.</p>\n<p><em>By Lena Okafor. This story was first published by "
            '<a href="https://news.mongabay.com/2026/11/forest-cover-reserve/">Mongabay</a>.</em></p>\n',
            '<p><em>This article is republished under a <a href="https://creativecommons.org/licenses/by-nd/4.0/">'
            "CC BY-ND 4.0</a> licence.</em></p>\n",
        ),
    ],
)
def test_fix_adds_only_the_licence_where_the_credit_sentence_also_holds_it(tmp_path, cli, name, meta, body, added):
    """KFF Health News and Mongabay credit the source and name the licence in one sentence: a reprint with the
    credit line but no licence got that whole sentence again, its credit line twice on the page. The words
    the licence rule's fix gives go in instead."""
    page = tmp_path / name
    if name.endswith(".md"):
        page.write_text(meta + body, encoding="utf-8")
    else:
        page.write_text(body, encoding="utf-8")
        (tmp_path / "a.meta.yaml").write_text(meta, encoding="utf-8")
    run = cli("check", str(page), "--fix")
    text = page.read_text(encoding="utf-8")
    assert run.code == 0, run.out + run.err
    assert text.endswith(body + added), text
    assert cli("check", str(page)).code == 0


def test_fix_links_an_own_words_credit_and_adds_only_the_licence_under_its_element(tmp_path, cli):
    """A credit in words of its own with neither link nor licence got the name linked and then the whole
    template sentence too; one wrapped over lines in HTML got the licence inside its open <p><em>."""
    url = "https://kffhealthnews.org/news/article/rural-clinics-staffing/"
    meta = f"title: Rural clinics\nauthor: Jordan Ellis\noriginal_url: {url}\nlicense: CC-BY-NC-ND-4.0\n"
    page = tmp_path / "a.md"
    page.write_text(
        f"---\n{meta}commercial: false\n---\n\nBy Jordan Ellis\n\nClinics.\n\n"
        "This story first appeared in KFF Health News.\n"
    )
    run = cli("check", str(page), "--fix", "--no-config")
    assert run.code == 0, run.out + run.err
    deed = "https://creativecommons.org/licenses/by-nc-nd/4.0/"
    assert page.read_text().endswith(
        f"This story first appeared in [KFF Health News]({url}).\n\n"
        f"*This article is republished under a [CC BY-NC-ND 4.0]({deed}) licence.*\n"
    ), page.read_text()
    html = tmp_path / "b.html"
    credit = (
        f'<p><em>This story first appeared in\n<a href="{url}">KFF Health News</a>, where\n'
        "Jordan Ellis reports.</em></p>\n"
    )
    html.write_text(f"<article>\n<p>By Jordan Ellis</p>\n<p>Clinics.</p>\n{credit}</article>\n")
    (tmp_path / "b.meta.yaml").write_text(meta + "commercial: false\n")
    run = cli("check", str(html), "--fix", "--no-config")
    assert run.code == 0, run.out + run.err
    text = html.read_text()
    assert f"{credit}<p><em>This article is republished under a" in text, text


@pytest.mark.parametrize("suffix", [".html", ".md"])
def test_fix_links_the_publishers_name_never_a_word_of_an_address(tmp_path, cli, suffix):
    """A credit writing the original's address out ("... by ProPublica at https://www.propublica.org/...")
    had the "propublica" inside the address made a link, which broke the address."""
    url = "https://www.propublica.org/article/jail-deaths"
    credit = f"This story was originally published by ProPublica at {url}."
    page = tmp_path / f"a{suffix}"
    body = (
        f"<p>By Colette Armand. Jail deaths.</p>\n<p>{credit}</p>\n"
        if suffix == ".html"
        else (f"By Colette Armand. Jail deaths.\n\n{credit}\n")
    )
    page.write_text(body)
    (tmp_path / "a.meta.yaml").write_text(f"original_url: {url}\nauthor: Colette Armand\n")
    run = cli("check", str(page), "--fix", "--no-config")
    assert run.code == 0, run.out + run.err
    # Markdown links the bare address itself (GFM): the credit line stays as it is.
    linked = f'<a href="{url}">ProPublica</a>' if suffix == ".html" else "ProPublica"
    assert f"originally published by {linked} at {url}." in page.read_text(), page.read_text()


def test_fix_links_a_co_publishers_credit_in_place(tmp_path, cli):
    """ "originally published by ProPublica/The Texas Tribune": a name followed by "/" is a word of the text
    (not of an address), linked where it stands, with no second credit appended."""
    url = "https://www.propublica.org/article/jail-deaths"
    page = tmp_path / "a.md"
    page.write_text(
        f"---\noriginal_url: {url}\nauthor: Colette Armand\ncommercial: false\n---\nBy Colette Armand\n\nText.\n\n"
        "This story was originally published by ProPublica/The Texas Tribune. It is republished under a "
        "[CC BY-NC-ND 3.0 US](https://creativecommons.org/licenses/by-nc-nd/3.0/us/) licence.\n",
        encoding="utf-8",
    )
    cli("check", str(page), "--fix", "--no-config")
    text = page.read_text(encoding="utf-8")
    assert f"originally published by [ProPublica]({url})/The Texas Tribune." in text, text
    assert text.count("originally published by") == 1, text


def test_fix_says_it_linked_the_credit_and_left_the_licence_when_the_credit_is_elsewhere(tmp_path, cli):
    """The credit at the end, unlinked and without its licence: its name is linked in place, and --fix says
    so; it said "fixed" with no rule and that the link could not be fixed. Linked, the credit gives the
    licence by reference, as The Conversation's own does: that is fixed too, not left to the editor."""
    page = tmp_path / "a.md"
    story = "Rivers move because banks erode on the outside of bends, and the channel shifts.\n\n" * 14
    credit = "This article is republished from The Conversation under a Creative Commons license."
    page.write_text(f"{CONVERSATION_FRONT}\nBy Ana Ruiz\n\n{story}{credit}\n\n{COUNTER}", encoding="utf-8")
    run = cli("check", str(page), "--fix")
    assert "fixed the-conversation/link-original, the-conversation/license" in run.err, run.err
    assert "could not fix the-conversation/license" not in run.err, run.err
    assert "could not fix the-conversation/link-original" not in run.err
    assert cli("check", str(page)).code == 0
    assert "republished from [The Conversation](https://theconversation.com/x-55) under" in page.read_text()


@pytest.mark.parametrize(
    ("author", "written"),
    [
        ("Priya Raman, University of Northfield", "Priya Raman, University of Northfield"),
        ("Dana Whitfield, Harbour Institute", "Dana Whitfield, Harbour Institute"),
        ("Raman, Priya", "Priya Raman"),
    ],
)
def test_fix_writes_a_name_and_its_institution_as_given(tmp_path, cli, author, written):
    """The Conversation asks for the author and the institution, which metadata writes "Name, Institution":
    --fix and ``credit`` wrote "University of Northfield Priya Raman", reading it as surname first, and the
    check then passed the garbled byline. A name surely written surname first is still turned round."""
    page = tmp_path / "a.md"
    front = CONVERSATION_FRONT.replace("author: Ana Ruiz", f'author: "{author}"')
    page.write_text(f"{front}\nRivers move because banks erode.\n\n{COUNTER}", encoding="utf-8")
    run = cli("check", str(page), "--fix")
    assert "fixed the-conversation/credit-author" in run.err, run.err
    assert f"*{written}. Republished from [The Conversation]" in page.read_text()
    credit = cli("credit", "--from", str(page))
    assert credit.out.startswith(f"*{written}. Republished from"), credit.out
    assert cli("check", str(page)).code == 0


KFF_FRONT = (
    "---\nauthor: Ana Ruiz\noriginal_url: https://kffhealthnews.org/news/article/clinics-close/\n"
    "commercial: false\n---\n"
)
KFF_ARTICLE = "https://kffhealthnews.org/news/article/clinics-close/"


@pytest.mark.parametrize(
    ("name", "credit", "relinked"),
    [
        (
            "a.md",
            "*This story was produced by [KFF Health News](https://kffhealthnews.org/), a newsroom.*\n",
            f"*This story was produced by [KFF Health News]({KFF_ARTICLE}), a newsroom.*\n",
        ),
        (
            "a.html",
            '<p>This story was produced by <a href="https://kffhealthnews.org/">KFF Health News</a>.</p>\n',
            f'<p>This story was produced by <a href="{KFF_ARTICLE}">KFF Health News</a>.</p>\n',
        ),
    ],
)
def test_fix_changes_a_credits_link_to_the_home_page_into_the_articles(tmp_path, cli, name, credit, relinked):
    """A producer's most common slip, the credit linking the publisher's home page: the finding said which
    link to change into which, and --fix refused ("needs the credit that is there corrected by hand"). The
    address is changed where it stands (the patch --diff prints applies to make the same bytes), and the
    rest of the credit goes in as for any file; a second run changes nothing."""
    tree = tmp_path / "site"
    story = "Rural clinics are closing across the state.\n\n"
    body = f"<p>{story.strip()}</p>\n{credit}" if name.endswith(".html") else f"{story}{credit}"
    front = KFF_FRONT if name.endswith(".md") else ""
    meta = "" if name.endswith(".md") else KFF_FRONT.replace("---\n", "")
    write(tree / name, front + "\n" + body if front else body)
    if meta:
        write(tree / f"{name}.meta.yaml", meta)
    _, fixed = patched_as_fixed(cli, tree, name, name)
    text = fixed.decode("utf-8")
    assert relinked in text and "https://kffhealthnews.org/)" not in text and 'org/">' not in text, text
    again = cli("check", str(tmp_path / "site-fix" / name), "--fix")
    assert again.code == 0 and "fixed" not in again.err, (again.out, again.err)
    assert (
        "fixed kff-health-news/link-original, kff-health-news/credit-author"
        in cli("check", str(tree / name), "--fix").err
    )


@pytest.mark.parametrize(
    "body",
    [
        # A reference link: its address is not where a Markdown link's stands.
        "*This story was produced by [KFF Health News][home].*\n\n[home]: https://kffhealthnews.org/\n",
        # The home page written twice, neither copy in a credit's words: which is meant is not sure.
        "Clinics close, [KFF Health News](https://kffhealthnews.org/) found.\n\n"
        "More at [KFF Health News](https://kffhealthnews.org/).\n",
    ],
)
def test_fix_leaves_a_link_it_cannot_surely_change_to_the_editor(tmp_path, cli, body):
    """Only a credit's link (its words name the publisher), its address written once, is changed where it
    stands; a re-test found --fix pointing a story's citation at the original, and changing the story's copy
    of the home page while adding a second credit under the wrong one. Left, as before, for the editor."""
    page = tmp_path / "a.md"
    page.write_text(f"{KFF_FRONT}\nRural clinics are closing.\n\n{body}", encoding="utf-8")
    before = page.read_bytes()
    run = cli("check", str(page), "--fix")
    assert "corrected by hand" in run.err or "correct that by hand" in run.err, run.err
    assert page.read_bytes() == before


GR_STORY_LINK = "https://www.globalresearch.ca/water-concessions-earlier/5790000"


@pytest.mark.parametrize(
    "citation",
    [
        f"See also [an earlier Global Research report]({GR_STORY_LINK}).",
        f"As [Global Research reported in 2023]({GR_STORY_LINK}), the towns paid.",
        f"See also [an earlier report]({GR_STORY_LINK}).",
    ],
)
def test_a_storys_citation_of_another_article_is_left_and_the_unlinked_credit_linked(tmp_path, cli, citation):
    """The story cites another Global Research article, and the credit names the publisher in words with no
    link: a review found --fix pointing the story's citation at the original (its words name the publisher),
    and, when they do not, refusing ("needs the credit that is there corrected by hand"). The finding stands
    at the credit that lacks the link, and --fix links it there; the story's sentence is left as it was."""
    page = tmp_path / "a.md"
    credit = "The original source of this article is Global Research."
    page.write_text(
        f"{GR_FRONT}\nWater meters came to the river towns.\n\n{citation}\n\n{credit}\n\n"
        "Copyright © Ana Ruiz, Global Research, 2025\n",
        encoding="utf-8",
    )
    [found] = cli("check", str(page), "--format", "json").json()["results"][0]["findings"]
    assert found["rule"] == "global-research/link-original"
    assert page.read_text(encoding="utf-8").splitlines()[found["line"] - 1] == credit, found
    assert "the credit names Global Research with no link to the article" in found["message"], found
    run = cli("check", str(page), "--fix")
    assert "fixed global-research/link-original" in run.err, run.err
    fixed = page.read_text(encoding="utf-8")
    assert citation in fixed, fixed
    assert "is [Global Research](https://www.globalresearch.ca/t/5800002)." in fixed, fixed
    assert cli("check", str(page)).code == 0


def test_a_storys_link_on_the_publishers_name_is_left_when_the_credit_is_unlinked(tmp_path, cli):
    """The story says "records obtained by <a href=".../documents/...">ProPublica</a>": the link's words are
    the publisher's name, but it is the story's link to a source document, and the credit line below names
    ProPublica with no link (only its licence's). A review found --fix pointing the document's link at the
    original; the credit is linked instead, and the story's link left as it was."""
    page = tmp_path / "pp.html"
    document = '<a href="https://www.propublica.org/documents/harlan-corvid-contract">ProPublica</a>'
    page.write_text(
        "<p>By Talia Brennan, ProPublica</p>\n"
        f"<p>Families paid fees for calls that dropped, records obtained by {document} show.</p>\n"
        "<p>This story was originally published by ProPublica. It is republished under a "
        '<a href="https://creativecommons.org/licenses/by-nc-nd/3.0/us/">CC BY-NC-ND 3.0 US</a> licence.</p>\n'
        '<script src="https://pixel.propublica.org/pixel.js" async></script>\n',
        encoding="utf-8",
    )
    (tmp_path / "pp.meta.yaml").write_text(
        "original_url: https://www.propublica.org/article/jail-phone-fees\nauthor: Talia Brennan\n"
        "license: CC-BY-NC-ND-3.0-US\ncommercial: false\n",
        encoding="utf-8",
    )
    [found] = cli("check", str(page), "--format", "json").json()["results"][0]["findings"]
    assert (found["rule"], found["line"]) == ("propublica/link-original", 3), found
    cli("check", str(page), "--fix")
    fixed = page.read_text(encoding="utf-8")
    assert document in fixed, fixed
    assert 'published by <a href="https://www.propublica.org/article/jail-phone-fees">ProPublica</a>.' in fixed, fixed
    assert cli("check", str(page)).code == 0


@pytest.mark.parametrize("name", ["a.md", "a.html"])
def test_a_home_page_link_written_twice_is_told_and_changed_at_the_credits_copy(tmp_path, cli, name):
    """The story's own "Read more at propublica.org" above the credit linked the same home page: the finding
    stood at the story's link, and --fix (rightly) refused. It stands at the credit's copy, whose words name
    the publisher in a credit's words, and that copy is changed; the story's link is left as it was."""
    from reprint_guard.readers.markdown import render

    story = "Read more investigations at [propublica.org](https://www.propublica.org/).\n\nLead tests were skipped.\n\n"
    credit = "*This story was originally published by [ProPublica](https://www.propublica.org/).*\n"
    text = story + credit
    if name.endswith(".html"):
        text = render(text)
    front = "author: Dana Whitfield\noriginal_url: https://www.propublica.org/article/lead-tests\ncommercial: false\n"
    page = tmp_path / name
    page.write_text(f"---\n{front}---\n\n{text}" if name.endswith(".md") else text, encoding="utf-8")
    if name.endswith(".html"):
        (tmp_path / "a.meta.yaml").write_text(front, encoding="utf-8")
    found = cli("check", str(page), "--format", "json").json()["results"][0]["findings"]
    [link] = [f for f in found if f["rule"] == "propublica/link-original"]
    lines = page.read_text(encoding="utf-8").splitlines()
    assert "originally published by" in lines[link["line"] - 1], (link, lines)
    cli("check", str(page), "--fix")
    fixed = page.read_text(encoding="utf-8")
    assert "propublica.org/article/lead-tests" in fixed, fixed
    assert fixed.count("https://www.propublica.org/)") + fixed.count('"https://www.propublica.org/"') == 1, fixed
    assert [
        f["rule"]
        for f in cli("check", str(page), "--format", "json").json()["results"][0]["findings"]
        if f["rule"] == "propublica/link-original"
    ] == []


def test_fix_makes_no_credit_from_a_home_page_original(tmp_path, cli):
    """A page whose canonical link is Global Research's home page: the check warns that a link to the home page
    would pass, and --fix then inserted a credit linking the home page, after which the file passed."""
    page = tmp_path / "a.html"
    page.write_text(
        '<html><head><link rel="canonical" href="https://www.globalresearch.ca/"><meta name="author" '
        'content="Li Wei"></head>\n<body><article><h1>Orchards</h1><p>By Li Wei</p><p>Apples.</p></article>'
        "</body></html>\n",
        encoding="utf-8",
    )
    before = page.read_bytes()
    run = cli("check", str(page), "--fix", "--no-config")
    assert "left unchanged: original_url is a site's home page" in run.err, run.err
    assert page.read_bytes() == before


def test_fix_adds_only_the_licence_to_a_top_credit_that_lacks_it(tmp_path, cli):
    """The Conversation's credit names the licence in its second sentence: a reprint with "Republished from
    The Conversation" but no licence got a second credit above its own; then the licence alone, still above it."""
    page = tmp_path / "a.md"
    credit = "*Ana Ruiz. Republished from [The Conversation](https://theconversation.com/x-55).*\n\n"
    page.write_text(f"{CONVERSATION_FRONT}\n{credit}Rivers move.\n\n{COUNTER}", encoding="utf-8")
    run = cli("check", str(page), "--fix")
    text = page.read_text(encoding="utf-8")
    assert run.code == 0, run.out + run.err
    assert text.count("Republished from") == 1 and text.count("Ana Ruiz.") == 1, text
    deed = "https://creativecommons.org/licenses/by-nd/4.0/"
    licence = f"\n\n*This article is republished under a [CC BY-ND 4.0]({deed}) licence.*"
    assert f"{credit.rstrip()}{licence}\n\nRivers move." in text, text  # under the credit, not above it


def test_fix_moves_no_credit_that_is_there_but_elsewhere_by_adding_a_second(tmp_path, cli):
    """A Conversation credit at the end of a long article (a warning: the guidelines prefer it at the top) got a
    second credit and licence inserted under the title. The editor moves it; the file is left as it was."""
    page = tmp_path / "a.md"
    story = "Rivers move because banks erode on the outside of bends, and the channel shifts.\n\n" * 14
    page.write_text(f"{CONVERSATION_FRONT}\n{story}{CONVERSATION_CREDIT}\n\n{COUNTER}", encoding="utf-8")
    before = page.read_bytes()
    run = cli("check", str(page), "--fix")
    assert run.code == 0 and page.read_bytes() == before, run.out + run.err
    assert "could not fix the-conversation/credit-conversation-top: needs the credit that is there moved" in run.err


def test_fix_adds_no_second_credit_for_the_licence_a_credit_elsewhere_lacks(tmp_path, cli):
    """A credit at the end that gives no licence (neither named nor linked, nor said to be a Creative Commons
    one, as the republish snippet's is): the licence rule's fix inserted the whole credit under the title,
    while --fix said it would add no second credit. The credit that is there takes the licence by hand; the
    file is left as it was, and the licence told why."""
    page = tmp_path / "a.md"
    story = "Rivers move because banks erode on the outside of bends, and the channel shifts.\n\n" * 14
    credit = (
        "This article is republished from [The Conversation](https://theconversation.com). Read the "
        "[original article](https://theconversation.com/x-55)."
    )
    page.write_text(f"{CONVERSATION_FRONT}\n{story}{credit}\n\n{COUNTER}", encoding="utf-8")
    before = page.read_bytes()
    run = cli("check", str(page), "--fix")
    assert run.code == 1 and page.read_bytes() == before, run.out + run.err
    assert "could not fix the-conversation/license: the credit is there, elsewhere" in run.err, run.err
    assert "the-conversation/license" in run.out  # still told, with its fix: the licence sentence to add


@pytest.mark.parametrize(
    ("fixture", "said"),
    [
        ("montana-free-press/credit-author.md", "Hannah Whitcomb is named, but not in the form the terms ask for"),
        ("cc-base-4.0/credit-author-second-author.md", "the credit that is there names Ines Marlowe"),
    ],
)
def test_fix_adds_no_second_byline_beside_one_that_is_there_but_wrong(tmp_path, cli, fixture, said):
    """A Montana Free Press byline "By Hannah Whitcomb" (not "..., Montana Free Press"), or a credit naming one
    of two authors, got a second byline appended at the bottom, after the pixel, the first left as it was. The
    finding stands at the byline, and the editor corrects it."""
    page = tmp_path / "a.md"
    page.write_text((ROOT / "tests" / "policies" / fixture).read_text(encoding="utf-8"), encoding="utf-8")
    before = page.read_bytes()
    run = cli("check", str(page), "--fix", "--no-config", "--policy", fixture.split("/")[0])
    assert run.code == 1 and page.read_bytes() == before, run.out + run.err
    assert said in run.out and "needs the credit that is there corrected by hand" in run.err, run.out + run.err


def test_a_kff_byline_naming_one_of_two_authors_is_corrected_by_hand(tmp_path, cli):
    """KFF Health News's publisher field is a description ("KFF Health News (formerly Kaiser Health News),
    KFF"): a byline "Dana Whitfield, KFF Health News" did not read as one beside its publisher, and --fix
    appended a second byline naming both authors."""
    fixture = (ROOT / "tests" / "policies" / "kff-health-news" / "compliant.md").read_text(encoding="utf-8")
    text = fixture.replace("author: Dana Whitfield", "author: [Dana Whitfield, Lee Park]", 1)
    page = tmp_path / "a.md"
    page.write_text(text.replace("\nBy Dana Whitfield\n", "\nDana Whitfield, KFF Health News\n", 1), encoding="utf-8")
    before = page.read_bytes()
    run = cli("check", str(page), "--fix", "--no-config")
    assert run.code == 1 and page.read_bytes() == before, run.out + run.err
    assert "the credit that is there names Dana Whitfield" in run.out, run.out


def test_an_author_named_in_a_photo_credit_or_the_story_is_no_byline_to_correct(tmp_path, cli):
    """With the byline rule's "named in another form", any mention of the author (a photo credit, the story's
    own text) held --fix back: the byline it lacks is added again."""
    fixture = (ROOT / "tests" / "policies" / "montana-free-press" / "compliant.md").read_text(encoding="utf-8")
    page = tmp_path / "a.md"
    for mention in (
        "*Sleds by the desk. Photo by Hannah Whitcomb.*",
        "*Photo: Hannah Whitcomb / Montana Free Press*",
        "*Volunteers stack sleds. Credit: Hannah Whitcomb / Montana Free Press*",
    ):
        page.write_text(fixture.replace("*By Hannah Whitcomb, Montana Free Press*", mention), encoding="utf-8")
        run = cli("check", str(page), "--fix", "--no-config")
        text = page.read_text(encoding="utf-8")
        assert run.code == 0, run.out + run.err
        assert mention in text and "By Hannah Whitcomb, Montana Free Press" in text, text


def test_fix_links_a_source_line_in_place_and_inserts_only_the_notice_it_lacks(tmp_path, cli):
    """A reprint with "Source: Global Research" unlinked and no copyright notice got the whole credit block:
    a second source line beside its own."""
    page = tmp_path / "a.md"
    original = "https://www.globalresearch.ca/harbour-lost-its-fleet/5891234"
    page.write_text(
        f"---\ntitle: The harbour\nauthor: Mara Velasquez\noriginal_url: {original}\n"
        "original_published: 2026-11-28\ncommercial: false\n---\n\nSix boats went out.\n\nSource: Global Research\n",
        encoding="utf-8",
    )
    run = cli("check", str(page), "--fix")
    assert run.code == 0, run.out + run.err
    assert page.read_text(encoding="utf-8").endswith(
        f"Six boats went out.\n\nSource: [Global Research]({original})\n\n"
        "Copyright © Mara Velasquez, Global Research, 2026\n"
    )


@pytest.mark.parametrize(
    "template",
    [
        '<p class="credit" data-x="a > b. C"><em>By {author}. First by Example Pub. Read '
        '<a href="{original_url}" title="Go. Now">Example Pub</a>.</em></p>',
        "<p><em><strong>By {author}. First by Example Pub.</strong> Read "
        '<a href="{original_url}">Example Pub</a>.</em></p>',
    ],
)
def test_a_credit_is_not_taken_apart_inside_a_tag_or_an_element(tmp_path, cli, template):
    """A cut at ". C" inside an attribute's value, or inside a <strong>, inserted an open quote or an
    unclosed element into the page (and exited 0)."""
    (tmp_path / "pol").mkdir()
    (tmp_path / "pol" / "ex.yaml").write_text(
        "id: ex\nname: Ex\npublisher: Example Pub\nsource_url: https://ex.example/terms\napplies_to: [ex.example]\n"
        f"credit:\n  position: bottom\n  markdown: '*By {{author}}. First by Example Pub.*'\n  html: '{template}'\n"
        "rules:\n  - {id: byline, check: attribution, names_from: author, message: Name the author}\n"
        "  - {id: source, check: attribution, names: [Example Pub], message: Credit Example Pub}\n",
        encoding="utf-8",
    )
    page = tmp_path / "a.html"
    page.write_text("<p>Story text.</p>\n<p>First by Example Pub.</p>\n", encoding="utf-8")
    (tmp_path / "a.meta.yaml").write_text("original_url: https://ex.example/a\nauthor: Ana Ruiz\n", "utf-8")
    run = cli("check", str(page), "--rules-dir", "pol", "--fix", cwd=tmp_path)
    text = page.read_text(encoding="utf-8")
    inserted = text.split("<p>First by Example Pub.</p>\n", 1)[1]
    assert run.code == 0, run.out + run.err
    assert inserted.strip() == template.replace("{author}", "Ana Ruiz").replace(
        "{original_url}", "https://ex.example/a"
    )


def test_fix_links_a_credit_in_a_markdown_files_raw_html_block_in_place(tmp_path, cli):
    """A credit pasted into Markdown as HTML (``<p class="credit">... by ProPublica. ...</p>``) got a second
    Markdown credit appended: Markdown's own text was read for the name, never a raw HTML block's. The name is
    linked where it stands, with an HTML link, which is what Markdown passes through in such a block."""
    fixture = (ROOT / "tests" / "policies" / "propublica" / "compliant.md").read_text(encoding="utf-8")
    start = fixture.index("This story was originally published by")
    end = fixture.index("\n\n", start)
    credit = (
        '<p class="credit">This story was originally published by ProPublica. It is republished under a '
        '<a href="https://creativecommons.org/licenses/by-nc-nd/3.0/us/">CC BY-NC-ND 3.0 US</a> licence.</p>'
    )
    page = tmp_path / "a.md"
    page.write_text(fixture[:start] + credit + fixture[end:], encoding="utf-8")
    run = cli("check", str(page), "--fix", "--no-config")
    text = page.read_text(encoding="utf-8")
    assert run.code == 0, run.out + run.err
    original = "https://www.propublica.org/article/county-water-meters-overbilled-residents"
    assert credit.replace("by ProPublica.", f'by <a href="{original}">ProPublica</a>.') in text, text
    assert text.count("originally published by") == 1, text


@pytest.mark.parametrize(
    ("page", "credit_after", "credit_before"),
    [
        # A hero block around the title: the credit goes under the block, not above the headline.
        (
            '<main>\n<div class="hero"><h1>The harbour</h1></div>\n<p>Six boats went out.</p>\n</main>\n',
            '<div class="hero"><h1>The harbour</h1></div>\n',
            "<p>Six boats went out.</p>",
        ),
        # A hero block opening with its picture, then the title: under the block too.
        (
            '<main>\n<div class="hero"><picture><source srcset="/boats.webp"><img src="/boats.jpg" alt="">'
            "</picture>\n<h1>The harbour</h1></div>\n<p>Six boats went out.</p>\n</main>\n",
            "<h1>The harbour</h1></div>\n",
            "<p>Six boats went out.</p>",
        ),
        # A fragment: the credit is its first line, with no blank line above it.
        ("<p>Six boats went out.</p>\n", "", "<p>Six boats went out.</p>"),
        # A fragment opening with its headline (a CMS's body field): under the headline.
        ("<h1>The harbour</h1>\n<p>Six boats went out.</p>\n", "<h1>The harbour</h1>\n", "<p>Six boats"),
        # A hero picture above the headline, in no block of its own: under the headline too.
        (
            '<picture><source srcset="/b.webp"><img src="/b.jpg" alt=""></picture>\n<h1>The harbour</h1>\n'
            "<p>Six boats went out.</p>\n",
            "<h1>The harbour</h1>\n",
            "<p>Six boats",
        ),
        # A block that goes on to hold the story: under the title, inside it (not under the whole story).
        (
            '<article>\n<div class="entry-content"><h1>The harbour</h1>\n'
            + "<p>Six boats went out, and the harbour watched them go, one by one, into the fog.</p>\n" * 12
            + "</div>\n</article>\n",
            '<article>\n<div class="entry-content"><h1>The harbour</h1>\n',
            "<p>Six boats went out",
        ),
        # A comment in the hero block that looks like its end: under the title, where it is sure.
        (
            '<main>\n<div class="hero"><h1>T</h1><!-- </div> --><p>dek</p></div>\n<p>Six boats.</p>\n</main>\n',
            '<main>\n<div class="hero"><h1>T</h1>',
            "<!-- </div> -->",
        ),
    ],
)
def test_fix_puts_a_top_credit_under_a_wrapped_title_and_no_blank_line_atop_a_fragment(
    tmp_path, cli, page, credit_after, credit_before
):
    """The Conversation's top credit went above a headline wrapped in a hero block; in a fragment starting with
    ``<p>``, the file got a blank first line."""
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    meta = "author: Ana Ruiz\noriginal_url: https://theconversation.com/x-55\nlicense: CC-BY-ND-4.0\n"
    photos = "permissions: [{from: Getty Images, date: 2026-01-02, scope: [images]}]\n"  # the hero's picture
    (tmp_path / "a.meta.yaml").write_text(meta + "commercial: false\nmedium: print\n" + photos, encoding="utf-8")
    run = cli("check", "a.html", "--fix", "--no-config", cwd=tmp_path)
    text = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert run.code == 0, run.out + run.err
    above = page[: page.index(credit_after) + len(credit_after)]
    assert text.startswith((above + "<p><em>Ana Ruiz. Republished", above + "\n<p><em>Ana Ruiz. Republished")), text
    assert text.index("Republished from") < text.index(credit_before), text


def test_fix_puts_a_bottom_credit_above_the_articles_own_footer(tmp_path, cli):
    """A bottom credit went after the article's footer of tags and share buttons, under them."""
    page = (
        "<article>\n<h1>Harbour</h1>\n<p>Six boats went out.</p>\n"
        '<footer class="entry-footer"><a href="/tag/boats">boats</a> Share</footer>\n</article>\n'
    )
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    (tmp_path / "a.meta.yaml").write_text(GR_SIDECAR, encoding="utf-8")
    run = cli("check", "a.html", "--fix", "--no-config", cwd=tmp_path)
    text = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert run.code == 0, run.out + run.err
    assert text.index("Copyright ©") < text.index("<footer"), text
    assert text.endswith('<footer class="entry-footer"><a href="/tag/boats">boats</a> Share</footer>\n</article>\n')
    wordpress = page.replace("Share</footer>", "Share</footer><!-- .entry-footer -->")  # its own comment after it
    (tmp_path / "a.html").write_text(wordpress, encoding="utf-8")
    run = cli("check", "a.html", "--fix", "--no-config", cwd=tmp_path)
    text = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert run.code == 0 and text.index("Copyright ©") < text.index("<footer"), text
    commented = page.replace(">boats</a> Share", ">boats</a> <!-- <footer> old --> Share")
    (tmp_path / "a.html").write_text(commented, encoding="utf-8")  # a footer's start in a comment is none
    run = cli("check", "a.html", "--fix", "--no-config", cwd=tmp_path)
    assert run.code == 0 and "<!-- <footer> old --> Share</footer>" in (tmp_path / "a.html").read_text("utf-8")


def test_fix_links_an_html_source_line_in_place_too(tmp_path, cli):
    """In HTML, "Source: Global Research" unlinked got a second source credit inserted; a name in a link, a
    heading, an attribute or a comment is left alone."""
    original = "https://www.globalresearch.ca/harbour-lost-its-fleet/5891234"
    page = tmp_path / "a.html"
    page.write_text(
        '<h2>Global Research</h2>\n<p><img src="/logo.png" alt="a > Global Research"> Six boats went out.</p>\n'
        "<!-- Global Research -->\n<p>Source: <strong>Global Research</strong></p>\n",
        encoding="utf-8",
    )
    (tmp_path / "a.meta.yaml").write_text(
        f"title: The harbour\nauthor: Mara Velasquez\noriginal_url: {original}\noriginal_published: 2026-11-28\n"
        "commercial: false\n",
        encoding="utf-8",
    )
    run = cli("check", str(page), "--fix")
    assert run.code == 0, run.out + run.err
    assert page.read_text(encoding="utf-8") == (
        '<h2>Global Research</h2>\n<p><img src="/logo.png" alt="a > Global Research"> Six boats went out.</p>\n'
        f'<!-- Global Research -->\n<p>Source: <strong><a href="{original}">Global Research</a></strong></p>\n'
        "<p>Copyright © Mara Velasquez, Global Research, 2026</p>\n"
    )


_HERALD_POLICY = """id: harbour-herald
name: Harbour Herald republishing terms
publisher: Harbour Herald
source_url: https://harbourherald.example/republish
extends: cc-by-nc-nd-4.0
applies_to: [harbourherald.example]
credit:
  position: top
  markdown: |-
    *Originally published by [Harbour Herald]({original_url}).*

    By {author}, Harbour Herald
LICENCE
rules:
  - id: credit-line
    check: text
    phrase: Originally published by Harbour Herald
    message: The credit line is missing
  - id: credit-author
    check: attribution
    template: 'By {author}, Harbour Herald'
    message: The byline does not read "By NAME, Harbour Herald"
  - id: tracking-pixel
    check: element
    tag: img
    pattern: '^https://pixel\\.harbourherald\\.example/p\\.gif\\?url='
    insert: '<img src="https://pixel.harbourherald.example/p.gif?url={original_url_encoded}" width="1" height="1">'
    message: The tracking pixel is missing
"""
_HERALD_STORY = (
    "---\nauthor: Rosa Lindqvist\noriginal_url: https://harbourherald.example/news/tides\n"
    "license: CC-BY-NC-ND-4.0\ncommercial: false\n---\n# Tides\n\nThe tide came in early.\n"
)


def test_fix_counts_a_text_rule_its_credit_satisfies_as_fixed(tmp_path, cli):
    """The credit block holds the phrase a text rule asks for: --fix said "could not fix credit-line: needs
    the text changed by hand" of a rule its insertion fixed."""
    licence = "\n    *Republished under a [{license_name}]({license_url}) licence.*"
    write(tmp_path / "policies" / "herald.yaml", _HERALD_POLICY.replace("\nLICENCE", licence))
    story = write(tmp_path / "tides.md", _HERALD_STORY)
    run = cli("check", str(story), "--fix", "--no-config", "--rules-dir", str(tmp_path / "policies"))
    assert run.code == 0, run.out + run.err
    assert "could not fix" not in run.err and "harbour-herald/credit-line" in run.err.split("fixed ", 1)[1], run.err
    assert story.read_text(encoding="utf-8").count("Originally published by") == 1


def test_fix_inserts_what_a_credit_block_gives_when_it_lacks_a_part(tmp_path, cli):
    """A policy whose credit block gives no licence: --fix left the whole reprint unchanged ("inserting the
    credit would not satisfy ... license"), the byline and the tracking pixel with it. What the block gives
    goes in; the licence is the editor's to add."""
    write(tmp_path / "policies" / "herald.yaml", _HERALD_POLICY.replace("\nLICENCE", ""))
    story = write(tmp_path / "tides.md", _HERALD_STORY)
    run = cli("check", str(story), "--fix", "--no-config", "--rules-dir", str(tmp_path / "policies"))
    text = story.read_text(encoding="utf-8")
    assert run.code == 1, run.out + run.err
    assert "By Rosa Lindqvist, Harbour Herald" in text and "pixel.harbourherald.example/p.gif?url=" in text, text
    assert "could not fix harbour-herald/license: the policy's credit block does not satisfy it" in run.err, run.err
    found = {line.split()[-1] for line in run.out.splitlines() if " error " in line or " warning " in line}
    assert found == {"harbour-herald/license"}, run.out


def _fixed_block_editor_page(tmp_path, cli, title: str, blocks: str, author: str) -> str:
    """A Conversation reprint as WordPress's block editor stores it (its heading block, ``blocks``, the
    counter in a Custom HTML block), fixed with --fix: its text, once the fixed page is checked to pass."""
    page = tmp_path / "a.html"
    page.write_text(
        f'<!-- wp:heading {{"level":1}} -->\n<h1 class="wp-block-heading">{title}</h1>\n<!-- /wp:heading -->\n\n'
        f"{blocks}\n<!-- wp:html -->\n"
        '<img src="https://counter.theconversation.com/content/241187/count.gif?distributor=republish-lightbox-basic"'
        ' alt="" width="1" height="1" />\n<!-- /wp:html -->\n',
        encoding="utf-8",
    )
    (tmp_path / "a.meta.yaml").write_text(
        f"original_url: https://theconversation.com/a-story-241187\nauthor: {author}\n", encoding="utf-8"
    )
    run = cli("check", "--fix", str(page), cwd=tmp_path)
    assert "fixed" in run.err, run.err
    fixed = page.read_text(encoding="utf-8")
    assert fixed.count("<!-- wp:html -->") == fixed.count("<!-- /wp:html -->") == 2
    assert cli("check", str(page), cwd=tmp_path).code == 0
    return fixed


def test_fix_in_block_editor_content_goes_under_the_heading_block_as_a_block_of_its_own(tmp_path, cli):
    """A WordPress fragment opening with its heading block: the top credit went above the title, and its
    paragraph in no block (the editor shows it as a Classic block)."""
    story = "<!-- wp:paragraph -->\n<p>By Priya Natarajan. Urban trees cool some streets more than others.</p>\n"
    fixed = _fixed_block_editor_page(tmp_path, cli, "Shade", f"{story}<!-- /wp:paragraph -->\n", "Priya Natarajan")
    assert "<!-- /wp:heading -->\n<!-- wp:html -->\n<p><em>Republished from" in fixed
    assert fixed.startswith('<!-- wp:heading {"level":1} -->\n<h1')


def test_fix_beside_a_byline_block_adds_a_block_of_its_own_after_it(tmp_path, cli):
    """The credit's missing words go beside the byline that is there; in block editor content they went in as
    a second <p> inside the byline's paragraph block, which the editor reports as invalid. They go in a Custom
    HTML block after it."""
    byline = "<!-- wp:paragraph -->\n<p>Priya Raman, University of Northfield</p>\n<!-- /wp:paragraph -->\n"
    story = "<!-- wp:paragraph -->\n<p>Seagrass meadows take the edge off storm surges.</p>\n<!-- /wp:paragraph -->\n"
    fixed = _fixed_block_editor_page(
        tmp_path, cli, "Seagrass", f"{byline}\n{story}", "Priya Raman, University of Northfield"
    )
    assert f"{byline}\n<!-- wp:html -->\n<p><em>Republished from <a href=" in fixed, fixed
    assert fixed.count("<p>") == fixed.count("<!-- wp:paragraph -->") + 1  # one <p> a paragraph block, and ours


def test_a_print_reprints_credit_writes_its_links_out(tmp_path, cli):
    """Paper shows a hyperlink's words alone: the credit for a print reprint gives each address after its
    words, in Markdown and in HTML, and --fix then satisfies the licence rule, which asks for it written out."""
    source = (ROOT / "tests" / "policies" / "propublica" / "license-print-hyperlink.md").read_text(encoding="utf-8")
    page = tmp_path / "a.md"
    page.write_text(source, encoding="utf-8")
    credit = cli("credit", "--from", str(page))
    assert "ProPublica (https://www.propublica.org/article/" in credit.out and "](" not in credit.out
    html = cli("credit", "--from", str(page), "--format", "html")
    assert "<a " not in html.out and "(https://creativecommons.org/licenses/by-nc-nd/3.0/us/)" in html.out
    cli("check", "--fix", str(page))
    assert "propublica/license" not in cli("check", str(page), "--format", "json").out


def test_a_sites_footer_notice_outside_the_article_is_no_notice_to_correct(tmp_path, cli):
    """A whole WordPress page whose only notice is the theme's footer ("© 2025 Millbrook Commons"): the
    author's notice was "there but wrong", the fix said to correct the site's footer, and --fix added
    nothing, not even the credit. The footer, outside the page's <article>, is the site's own."""
    page = tmp_path / "page.html"
    page.write_text(
        '<!DOCTYPE html>\n<html><head><title>Water</title></head>\n<body>\n<header><nav><a href="/">Millbrook'
        "</a></nav></header>\n<main>\n<article>\n<h1>Water Rights Go to Auction</h1>\n<p>By Dana Whitfield</p>\n"
        "<p>The upstream towns learned their water would be sold.</p>\n</article>\n</main>\n"
        '<footer id="colophon">© 2025 Millbrook Commons. All rights reserved.</footer>\n</body></html>\n',
        encoding="utf-8",
    )
    (tmp_path / "page.meta.yaml").write_text(
        "author: Dana Whitfield\noriginal_url: https://www.globalresearch.ca/water-rights-auction/5882104\n"
        "original_published: 2025-03-10\ncommercial: false\n",
        encoding="utf-8",
    )
    run = cli("check", str(page), "--no-config", "--format", "json")
    (notice,) = [f for f in run.json()["results"][0]["findings"] if f["rule"] == "global-research/copyright-notice"]
    assert "found no copyright notice in the page's <article>" in notice["message"], notice
    assert "(the one at 12:25, outside it, is the site's own)" in notice["message"], notice
    fixed = cli("check", str(page), "--no-config", "--fix")
    assert fixed.code == 0, fixed.out + fixed.err
    text = page.read_text(encoding="utf-8")
    assert "<p>Copyright © Dana Whitfield, Global Research, 2025</p>" in text
    assert text.index("Copyright © Dana Whitfield") < text.index("</article>")
    assert "© 2025 Millbrook Commons. All rights reserved." in text  # the site's footer left as it was


@pytest.mark.parametrize(
    ("policy", "said"),
    [("global-voices", "one presenter told Global Voices"), ("calmatters", "a spokesperson told CalMatters")],
)
def test_a_publisher_named_only_in_the_story_is_no_credit_to_move(tmp_path, cli, policy, said):
    """With the top credit deleted, the story's "told Global Voices" was taken for the credit, "there, but not
    at the top": the finding said to move it, and --fix refused the credit, the author and the link. Named
    only in the story's prose, the publisher is not credited: --fix adds the credit at the top. A credit
    line moved to the bottom is still told as one to move, even with the story naming the publisher up top."""
    fixture = (ROOT / "tests" / "policies" / policy / "compliant.md").read_text(encoding="utf-8")
    head, _, body = fixture.partition("\n---\n")
    name = said.rpartition(" told ")[2]
    credits = [block for block in body.split("\n\n") if name in block]  # the byline and credit lines
    blocks = [block for block in body.split("\n\n") if name not in block]
    story = max(range(len(blocks)), key=lambda i: len(blocks[i]))
    blocks[story] = blocks[story].rstrip() + f" Later, {said}."
    page = tmp_path / "a.md"
    page.write_text(head.replace("expect: []\n", "") + "\n---\n" + "\n\n".join(blocks), encoding="utf-8")
    run = cli("check", str(page), "--no-config", "--format", "json")
    found = {f["rule"]: f["message"] for f in run.json()["results"][0]["findings"]}
    assert any("is named only in the story's text, in no credit at the top" in m for m in found.values()), found
    fixed = cli("check", str(page), "--no-config", "--fix")
    assert fixed.code == 0, fixed.out + fixed.err

    def publisher_credit_with_credits_at_the_end() -> str:
        page.write_text(
            head.replace("expect: []\n", "") + "\n---\n" + "\n\n".join([*blocks, *credits]) + "\n", encoding="utf-8"
        )
        run = cli("check", str(page), "--no-config", "--format", "json")
        told = {f["rule"]: f["message"] for f in run.json()["results"][0]["findings"]}
        return told.get(f"{policy}/credit-{policy}-top", "")

    # The credit line moved to the bottom: one to move, by hand.
    assert "the credit is there, but not at the top" in publisher_credit_with_credits_at_the_end()
    # The story's mention in the first paragraph is no credit at the top: the one at the end is to move.
    first = next(i for i, block in enumerate(blocks) if len(block) > 200)
    blocks[first] = f"As {said}, the plan had changed. " + blocks[first]
    assert "the credit is there, but not at the top" in publisher_credit_with_credits_at_the_end()


@pytest.mark.parametrize(
    ("href", "said"),
    [
        ("https://www.mondialisation.ca/water-rights-auction/5882104", "the credit's link goes to another site"),
        (
            "https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.globalresearch.ca%2Fwater-rights-auction%2F5882104",
            "it links to the original through l.facebook.com",
        ),
    ],
)
def test_a_credit_linking_another_site_is_corrected_not_doubled(tmp_path, cli, href, said):
    """The credit's "Global Research" linked to a page of another site (Mondialisation.ca, a redirect): the
    finding stood at the page's last line with no word of the link, and --fix added a second credit under
    the first. It is told at the link; the page of another site is changed into the article where it stands
    (as the finding's fix says), a redirect left to be corrected by hand."""
    page = tmp_path / "m.html"
    page.write_text(
        "<p>By Dana Whitfield</p>\n<p>Text of the story.</p>\n"
        f'<p>The original source of this article is <a href="{href}">Global Research</a>.</p>\n'
        "<p>Copyright © Dana Whitfield, Global Research, 2025</p>\n",
        encoding="utf-8",
    )
    (tmp_path / "m.meta.yaml").write_text(
        "author: Dana Whitfield\noriginal_url: https://www.globalresearch.ca/water-rights-auction/5882104\n"
        "original_published: 2025-03-10\ncommercial: false\n",
        encoding="utf-8",
    )
    (found,) = cli("check", str(page), "--no-config", "--format", "json").json()["results"][0]["findings"]
    assert (found["rule"], found["line"], found["column"]) == ("global-research/link-original", 3, 52), found
    assert said in found["message"], found["message"]
    before = page.read_text(encoding="utf-8")
    run = cli("check", str(page), "--no-config", "--fix")
    if "facebook" in href:
        assert "needs the credit that is there corrected by hand, not a second one" in run.err, run.err
        assert page.read_text(encoding="utf-8") == before
        return
    assert run.err.endswith(f"{page}: fixed global-research/link-original\n"), run.err
    original = "https://www.globalresearch.ca/water-rights-auction/5882104"
    assert page.read_text(encoding="utf-8") == before.replace(href, original)
    assert cli("check", str(page), "--no-config").code == 0


def test_fix_adds_the_notice_when_the_only_one_is_a_pictures_caption(tmp_path, cli):
    """A photo's "Lee Park © 2025" under its picture was the notice to correct, so --fix refused to add the
    author's; it is the picture's, and the author's notice goes at the end, the caption left as it was."""
    story = tmp_path / "docks.md"
    story.write_text(
        "---\nauthor: Dana Whitfield\noriginal_url: https://www.globalresearch.ca/docks/5800001\n"
        "original_published: 2025-03-02\ncommercial: false\n---\n\nThe docks closed.\n\n"
        "![The docks](docks.jpg)\n*Lee Park © 2025*\n\nShops expect losses.\n\n"
        "The original source of this article is [Global Research](https://www.globalresearch.ca/docks/5800001).\n",
        encoding="utf-8",
    )
    before = story.read_text(encoding="utf-8")
    fixed = cli("check", str(story), "--no-config", "--fix")
    assert fixed.code == 0, fixed.out + fixed.err
    after = story.read_text(encoding="utf-8")
    assert after == before + "\nCopyright © Dana Whitfield, Global Research, 2025\n", after


def test_fix_puts_the_rest_of_a_credit_under_the_credit_line_that_is_there(tmp_path, cli):
    """A Hugo page ending with ProPublica's credit line, unlinked, then the site's own shortcode: the line was
    linked in place, but the byline and licence went in after the shortcode, "It is republished ..." cut off
    from the sentence it reads on from."""
    page = tmp_path / "index.md"
    original = "https://www.propublica.org/article/eviction-filings-rental-aid-ends"
    page.write_text(
        f"---\ntitle: Evictions\nauthor: Lena Okonjo\noriginal_url: {original}\ncommercial: false\n---\n\n"
        "Eviction filings climbed.\n\nThis story was originally published by ProPublica.\n\n"
        '{{< related-posts tag="housing" >}}\n',
        encoding="utf-8",
    )
    cli("check", str(page), "--no-config", "--fix")
    text = page.read_text(encoding="utf-8")
    assert text.endswith(
        f"This story was originally published by [ProPublica]({original}).\n\n*By Lena Okonjo. It is republished "
        "under a [CC BY-NC-ND 3.0 US](https://creativecommons.org/licenses/by-nc-nd/3.0/us/) licence.*\n\n"
        '{{< related-posts tag="housing" >}}\n\n'
        '<script type="text/javascript" src="https://pixel.propublica.org/pixel.js" async></script>\n'  # at the end
    ), text


@pytest.mark.parametrize(
    ("before", "after", "indent"),
    [
        ("1. Item one\n\n   ", "\n\n2. Item two", "   "),  # in a list item: the list goes on after it
        ("> Quoted.\n>\n> ", "", "> "),  # in a quotation
        ("Text.[^1]\n\n[^1]: ", "", "    "),  # in a footnote's definition
    ],
)
def test_fix_puts_the_rest_of_a_credit_in_the_container_of_its_credit_line(tmp_path, cli, before, after, indent):
    """The credit line in a list item: the rest of the credit went in unindented, ending the list ("2." began
    a list of its own); in a footnote, it left the footnote."""
    page = tmp_path / "a.md"
    original = "https://www.propublica.org/article/evictions"
    page.write_text(
        f"---\ntitle: E\nauthor: Lena Okonjo\noriginal_url: {original}\ncommercial: false\n---\n\nFilings climbed.\n\n"
        f"{before}This story was originally published by ProPublica.{after}\n",
        encoding="utf-8",
    )
    cli("check", str(page), "--no-config", "--fix")
    text = page.read_text(encoding="utf-8")
    rest = (
        f"{indent}*By Lena Okonjo. It is republished under a [CC BY-NC-ND 3.0 US]"
        "(https://creativecommons.org/licenses/by-nc-nd/3.0/us/) licence.*"
    )
    assert f"published by [ProPublica]({original}).\n{indent.rstrip()}\n{rest}{after}\n" in text, text


def test_a_markdown_link_inside_an_html_block_is_told_and_not_credited_twice(tmp_path, cli):
    """ "<p>... [Global Research](URL).</p>": Markdown is not read inside an HTML block, so the link shows as
    text; the check said only that there was no link, and --fix appended a second, whole credit line."""
    page = tmp_path / "a.md"
    text = (
        f"{GR_FRONT}\nWater meters came.\n\n<p>The original source of this article is "
        "[Global Research](https://www.globalresearch.ca/t/5800002).</p>\n\n"
        "Copyright © Ana Ruiz, Global Research, 2025\n"
    )
    page.write_text(text, encoding="utf-8")
    [found] = cli("check", str(page), "--format", "json").json()["results"][0]["findings"]
    assert "a Markdown link inside an HTML block" in found["message"] and found["line"] == 11, found
    assert found["fix"].startswith('Write it as an HTML link there: <a href="https://www.globalresearch.ca/t/5800002">')
    run = cli("check", str(page), "--fix")
    assert "corrected by hand" in run.err and page.read_text(encoding="utf-8") == text


def test_fix_leaves_a_file_an_editor_saved_while_it_was_being_fixed(tmp_path, monkeypatch, capsys):
    """--fix read the file, worked out the fix and replaced the file: an edit saved in between was lost. The
    file is written only if it still holds the bytes the fix was made from."""
    from reprint_guard import fix
    from reprint_guard.cli import main

    page = tmp_path / "a.md"
    page.write_text(f"{GR_FRONT}\nWater meters came.\n", encoding="utf-8")
    real_plan = fix.plan

    def plan_while_an_editor_saves(*args, **kwargs):  # the editor's save lands while the fix is worked out
        with open(page, "a", encoding="utf-8") as handle:
            handle.write("\nA paragraph the editor added.\n")
        return real_plan(*args, **kwargs)

    monkeypatch.setattr(fix, "plan", plan_while_an_editor_saves)
    code = main(["check", str(page), "--fix", "--no-config", "--no-progress"])
    assert "it changed while being fixed (run --fix again)" in capsys.readouterr().err
    assert code == 2  # not fixed, as a fix that cannot be written is
    assert page.read_text(encoding="utf-8").endswith("A paragraph the editor added.\n")
    assert "The original source of this article" not in page.read_text(encoding="utf-8")
    monkeypatch.setattr(fix, "plan", real_plan)
    main(["check", str(page), "--fix", "--no-config", "--no-progress"])  # run again: fixed, the edit kept
    fixed = page.read_text(encoding="utf-8")
    assert "A paragraph the editor added." in fixed and "The original source of this article" in fixed


def test_fix_reports_a_licence_its_linked_credit_satisfies_as_fixed(tmp_path, cli):
    """The Conversation's credit, linked in place, gives the licence by reference: --fix said it "could not fix
    the-conversation/license ... add what it lacks by hand", and a second run found nothing to add."""
    page = tmp_path / "tc.html"
    page.write_text(
        "<p>Nadia Osei, University of Lakemoor</p>\n<p>Otters are back in city creeks, and researchers are counting "
        "them again this year.</p>\n<p>The counts began in 2019 when volunteers first reported sightings.</p>\n"
        "<p>Since then the numbers have grown each spring, the team says, though floods set them back.</p>\n"
        "<p>This article is republished from The Conversation under a Creative Commons license.</p>\n"
        '<img src="https://counter.theconversation.com/content/248810/count.gif" width="1" height="1" alt="">\n',
        encoding="utf-8",
    )
    (tmp_path / "tc.meta.yaml").write_text(
        "original_url: https://theconversation.com/why-river-otters-are-coming-back-248810\nauthor: Nadia Osei\n"
        "license: CC-BY-ND-4.0\ncommercial: false\n",
        encoding="utf-8",
    )
    run = cli("check", str(page), "--fix")
    assert "fixed the-conversation/link-original, the-conversation/license" in run.err, run.err
    assert "could not fix the-conversation/license" not in run.err, run.err
    assert cli("check", str(page)).code == 0


def test_fix_links_a_credit_written_in_another_language_where_it_stands(tmp_path, cli):
    """ "fue publicada originalmente por Global Voices": the check reads the credit in Spanish, but --fix
    knew only English cue words and added a second, English credit instead of linking the name."""
    page = tmp_path / "gv.md"
    page.write_text(
        "---\ntitle: Una radio en la colina\nauthor: Nadia Koroma\n"
        "original_url: https://globalvoices.org/2026/09/14/hillside-radio/\noriginal_published: 2026-09-14\n"
        "commercial: false\n---\n\nUna radio comunitaria lee el tiempo en tres idiomas.\n\n"
        "*Esta historia de Nadia Koroma fue publicada originalmente por Global Voices el 14 de septiembre.*\n",
        encoding="utf-8",
    )
    cli("check", str(page), "--fix")
    fixed = page.read_text(encoding="utf-8")
    assert "originalmente por [Global Voices](https://globalvoices.org/2026/09/14/hillside-radio/) el 14" in fixed
    assert fixed.count("Global Voices") == 1, fixed


def test_a_broadcast_script_gets_its_credit_in_words_and_its_licence_named_aloud(tmp_path, cli):
    """On air (medium: broadcast) --fix and ``credit`` inserted Markdown links into a radio script, and the
    licence rule asked for a link or an address read out, where Creative Commons 4.0 lets the licence be
    given "in any reasonable manner based on the medium" (3(a)(2)): named aloud, no address read out."""
    script = tmp_path / "radio.md"
    head = (
        "---\ntitle: T\nauthor: Dana Whitfield\noriginal_url: https://www.propublica.org/article/jail-contract\n"
        "original_published: 2026-08-04\nmedium: broadcast\ncommercial: true\n---\n\n"
        "**ANCHOR:** The county paid a flat fee whether or not it saw patients.\n"
    )
    script.write_text(head, encoding="utf-8")
    run = cli("check", str(script), "--fix", "--no-config")
    text = script.read_text(encoding="utf-8")
    assert run.code == 0, run.out + run.err
    assert "published by ProPublica. It is republished under a CC BY-NC-ND 3.0 US licence." in text, text
    assert "](" not in text and "https://" not in text.split("---")[-1], text
    titled = (
        "\nThe story is used under the Creative Commons Attribution-NonCommercial-NoDerivs 3.0 United States licence, "
    )
    script.write_text(head + titled + "originally published by ProPublica. By Dana Whitfield.\n", encoding="utf-8")
    assert cli("check", str(script), "--no-config").code == 0  # named aloud, no address read out
    script.write_text(head + "\nOriginally published by ProPublica. By Dana Whitfield.\n", encoding="utf-8")
    found = cli("check", str(script), "--no-config", "--format", "json").json()["results"][0]["findings"]
    [licence] = [f for f in found if f["rule"] == "propublica/license"]
    assert licence["fix"] == (
        'Say: "This story is used under the Creative Commons Attribution-NonCommercial-NoDerivs 3.0 United States '
        'licence."'
    ), licence
    block = cli(
        "credit",
        "--policy",
        "propublica",
        "--meta",
        "medium=broadcast",
        "--meta",
        "author=Dana Whitfield",
        "--meta",
        "original_url=https://www.propublica.org/article/x",
    ).out
    assert "published by ProPublica. It is" in block and "](" not in block and "https://" not in block, block


def test_fix_puts_a_newsletters_credit_in_the_storys_cell(tmp_path, cli):
    """In an email's layout tables, a top credit went first in <body>, above the hidden preheader (so the
    inbox showed it as the preview) and outside the layout; a bottom one after the issue's footer."""
    conv = "https://theconversation.com/lake-trout-spawning-earlier-241187"
    page = tmp_path / "issue.html"
    head = (
        "<html><body>\n"
        '<div style="display:none;max-height:0">This week: trout, ferries and more</div>\n'
        '<table><tr><td class="story">\n<h1>Why Lake Trout Spawn Earlier</h1>\n<p>Priya Raman, University of '
        "Northfield.</p>\n<p>The trout came nine days early.</p>\n</td></tr>\n"
        '<tr><td class="footer"><p>You are receiving this email because you subscribed.</p></td></tr></table>\n'
        '<img src="https://counter.theconversation.com/content/241187/count.gif" width="1" height="1" alt="">\n'
        "</body></html>\n"
    )
    page.write_text(head, encoding="utf-8")
    (tmp_path / "issue.meta.yaml").write_text(
        f"original_url: {conv}\nauthor: Priya Raman\nlicense: CC-BY-ND-4.0\nmedium: newsletter\ncommercial: false\n",
        encoding="utf-8",
    )
    run = cli("check", str(page), "--fix", "--no-config")
    text = page.read_text(encoding="utf-8")
    assert run.code == 0, run.out + run.err
    credit = text.index("Republished from")
    assert text.index("</h1>") < credit < text.index("Priya Raman, University"), text  # under the headline
    assert text.index("display:none") < text.index("<table>") < credit, text
    # A bottom credit (Global Research's) goes at the end of the story's cell, above the footer.
    page.write_text(head.replace("Why Lake Trout Spawn Earlier", "The Ferry"), encoding="utf-8")
    text = _fixed_gr_newsletter(page, cli)
    assert (
        text.index("nine days early") < text.index("The original source of this article") < text.index('class="footer"')
    ), text


def test_fix_leaves_a_newsletters_credit_at_the_end_when_the_headlines_cell_holds_no_story(tmp_path, cli):
    """A re-test's regression: in a Mailchimp issue whose headline stands alone in its text block, the bottom
    credit went under the headline, above the byline, and the fixed file passed."""
    page = tmp_path / "mc.html"
    page.write_text(
        "<html><body>\n<table><tr><td>\n"
        '<table class="mcnTextBlock"><tr><td><h1>The Ferry That Stopped Running</h1></td></tr></table>\n'
        '<table class="mcnTextBlock"><tr><td><p>By Marta Quill</p>\n<p>The ferry crossed every half hour.</p>\n'
        "<p>Residents now drive around the bay.</p></td></tr></table>\n"
        '<table class="mcnFooterBlock"><tr><td><p>You are receiving this email.</p></td></tr></table>\n'
        "</td></tr></table>\n</body></html>\n",
        encoding="utf-8",
    )
    text = _fixed_gr_newsletter(page, cli)
    assert text.index("around the bay") < text.index("The original source of this article"), text


def _fixed_gr_newsletter(page: Path, cli: Callable[..., Any]) -> str:
    """``page``, a Global Research story in a newsletter issue (with the permission newsletters need), after
    --fix: its text, the run having passed."""
    gr = "https://www.globalresearch.ca/ferry-stopped-running/5881200"
    page.with_suffix(".meta.yaml").write_text(
        f"original_url: {gr}\nauthor: Marta Quill\noriginal_published: 2026-01-01\nmedium: newsletter\n"
        "commercial: false\n"
        "permissions: [{from: publications@globalresearch.ca, date: 2026-01-02, scope: [newsletter]}]\n",
        encoding="utf-8",
    )
    run = cli("check", str(page), "--fix", "--no-config")
    assert run.code == 0, run.out + run.err
    return page.read_text(encoding="utf-8")
