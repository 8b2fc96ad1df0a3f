"""Found by fuzzing ``check --fix`` on generated reprints: real files, the real CLI."""

from __future__ import annotations

import pytest

from conftest import write

CM_URL = "https://calmatters.org/housing/2025/03/tidewater-ferry-levy/"
CM_META = (
    f"title: Tidewater towns weigh a ferry levy\noriginal_url: {CM_URL}\nauthor: Ines Calloway\ncommercial: false\n"
)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("title-only.md", f"---\n{CM_META}---\n# Tidewater towns weigh a ferry levy"),
        ("title-only-crlf.md", f"---\n{CM_META}---\n# Tidewater towns weigh a ferry levy".replace("\n", "\r\n")),
        ("front-matter-only.md", f"---\n{CM_META}---"),
        ("title-only.html", "<h1>Tidewater towns weigh a ferry levy</h1>"),
    ],
)
def test_a_top_credit_last_in_a_file_without_a_final_line_end_adds_none(tmp_path, cli, name, text):
    """A top credit (CalMatters') inserted where nothing follows it (a title alone, a front matter alone) ended
    the file with a line end it did not have; a fix keeps the file's ending, and a second run changes nothing."""
    path = write(tmp_path / name, text.encode())
    if name.endswith(".html"):
        write(tmp_path / "title-only.meta.yaml", CM_META)
    run = cli("check", "--no-config", name, "--fix", cwd=tmp_path)
    assert "calmatters/credit-calmatters" in run.err.partition("could not")[0], run.err
    fixed = path.read_bytes()
    assert fixed.startswith(text.encode()) and fixed.rstrip(b"\r\n") == fixed, fixed[-40:]
    assert b"CalMatters" in fixed
    cli("check", "--no-config", name, "--fix", cwd=tmp_path)
    assert path.read_bytes() == fixed


GR_META = (
    "title: Tidewater towns weigh a ferry levy\noriginal_url: https://www.globalresearch.ca/tidewater-ferry-levy/5890011\n"
    "author: Inés Calloway\noriginal_published: 2025-04-02\ncommercial: false\n"
)


@pytest.mark.parametrize(
    ("declaration", "named"),
    [
        ('<meta charset="windows-1252">', "windows-1252"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">', "Shift_JIS"),
        ('<meta charset="iso-8859-1">', "windows-1252"),
    ],
)
def test_an_ascii_page_declaring_a_legacy_encoding_is_left_unchanged(tmp_path, cli, declaration, named):
    """A page all ASCII (so read as UTF-8 too) that declares another encoding got its credit written in UTF-8:
    "Copyright ©" and "Inés" as two bytes each, which a browser reading the page's encoding shows as "Â©",
    "InÃ©s". Such a page is left byte for byte, as one with a byte of that encoding is."""
    page = write(tmp_path / "page.html", f"{declaration}\n<p>Three island councils met on Tuesday.</p>\n".encode())
    write(tmp_path / "page.meta.yaml", GR_META)
    before = page.read_bytes()
    run = cli("check", "--no-config", "page.html", "--fix", cwd=tmp_path)
    assert page.read_bytes() == before
    assert f"page.html: left unchanged: its <meta> declares {named}, not UTF-8" in run.err, run.err
    assert run.code == 1, run.err


def test_a_page_with_a_utf8_byte_order_mark_is_fixed_whatever_its_meta_declares(tmp_path, cli):
    """The byte-order mark wins over the <meta>, for a browser as for the reader: such a page is UTF-8."""
    page = write(tmp_path / "page.html", b'\xef\xbb\xbf<meta charset="windows-1252">\n<p>Three councils met.</p>\n')
    write(tmp_path / "page.meta.yaml", GR_META)
    run = cli("check", "--no-config", "page.html", "--fix", cwd=tmp_path)
    assert "page.html: fixed global-research/source-credit" in run.err, run.err
    assert "Copyright © Inés Calloway".encode() in page.read_bytes()
