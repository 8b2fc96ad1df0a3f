"""HTML pages in a legacy encoding are read as their <meta> declares, as a browser reads them; nothing else is."""

from __future__ import annotations

import hashlib
import json

import pytest

from reprint_guard import InputError, check_file
from reprint_guard.readers.charset import declared_encoding, label

GR = "https://www.globalresearch.ca/the-cafe-on-the-corner/5890112"
HTTP_EQUIV = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'


def page(declaration: str = HTTP_EQUIV, notice: str = "Copyright \u00a9 Ana Ru\u00edz, Global Research, 2026") -> str:
    """A page saved from an older site: its curly quotes and dash are windows-1252's bytes 0x93, 0x94, 0x97."""
    return f"""<!DOCTYPE html>
<html><head>{declaration}
<meta name="author" content="Ana Ru\u00edz">
<link rel="canonical" href="{GR}">
<title>The caf\u00e9 on the corner</title></head>
<body><article><h1>The caf\u00e9 on the corner</h1>
<p>By Ana Ru\u00edz \u2014 on a caf\u00e9 and its \u201cregulars\u201d, who come for the coffee.</p>
<p><em>The original source of this article is <a href="{GR}">Global Research</a>.</em></p>
<p>{notice}</p>
</article></body></html>
"""


def write(tmp_path, name: str, text: str, codec: str = "cp1252"):
    path = tmp_path / name
    path.write_bytes(text.encode(codec))
    return path


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_page_in_windows_1252_is_read_as_it_declares(tmp_path, cli):
    good = write(tmp_path, "good.html", page())
    bad = write(tmp_path, "bad.html", page(notice="\u201cKeep reading\u201d \u2014 Copyright \u00a9 Global Research"))
    run = cli("check", str(good), str(bad), "--meta", "commercial=false", "--format", "json", "--no-config")
    assert run.code == 1, run.err
    results = {r["path"].rsplit("/", 1)[-1]: r for r in run.json()["results"]}
    assert results["good.html"]["findings"] == []  # "Ruíz" and "©" read as the page shows them
    [finding] = results["bad.html"]["findings"]
    assert finding["rule"] == "global-research/copyright-notice"
    assert "Ana Ruíz" in finding["message"]


def test_a_finding_stands_at_the_column_an_editor_sees(tmp_path, cli):
    profile = "https://www.globalresearch.ca/author/ana-ruiz"
    text = page().replace("<em>The original source", "<em>Caf\u00e9 \u201cnotes\u201d \u2014 the original source")
    path = write(tmp_path, "profile.html", text.replace(f'<a href="{GR}">', f'<a href="{profile}">'))
    run = cli("check", str(path), "--meta", "commercial=false", "--format", "json", "--no-config")
    [found] = run.json()["results"][0]["findings"]
    assert found["rule"] == "global-research/link-original", run.out
    line = text.splitlines()[found["line"] - 1]
    assert found["line"] == 8 and line[found["column"] - 1 :].startswith("https://")  # in characters, not bytes


def test_the_library_and_standard_input_read_it_too(tmp_path, cli):
    path = write(tmp_path, "good.html", page())
    assert check_file(path, meta={"commercial": False}).ok
    run = cli(
        "check",
        "-",
        "--stdin-format",
        "html",
        "--meta",
        "commercial=false",
        "--no-config",
        stdin=page().encode("cp1252"),
    )
    assert run.code == 0, run.out + run.err


def test_a_page_that_declares_nothing_is_refused_with_the_way_out(tmp_path, cli):
    path = write(tmp_path, "plain.html", page(declaration=""))
    run = cli("check", str(path), "--no-config")
    assert run.code == 2
    [line] = [line for line in run.out.splitlines() if "plain.html" in line]
    assert "plain.html:3:36: not valid UTF-8 (byte 0xed); save the file as UTF-8, or declare the encoding" in line
    assert "Traceback" not in run.err


def test_bytes_the_declared_encoding_lacks_are_refused_at_their_place(tmp_path, cli):
    path = tmp_path / "odd.html"
    data = page(declaration='<meta charset="windows-1252">').encode("cp1252")
    path.write_bytes(data.replace(b"coffee", b"cof\x81ee"))
    run = cli("check", str(path), "--no-config")
    assert run.code == 2
    assert "odd.html:7:" in run.out
    assert "not valid windows-1252, the encoding its <meta> declares (byte 0x81)" in run.out
    with pytest.raises(InputError, match="windows-1252"):
        check_file(path)


def test_markdown_and_json_stay_utf8_only(tmp_path, cli):
    markdown = tmp_path / "a.md"
    markdown.write_bytes(f'---\noriginal_url: {GR}\n---\n<meta charset="windows-1252">\nCaf\xe9\n'.encode("latin-1"))
    envelope = tmp_path / "a.json"
    body = json.dumps(
        {"metadata": {"original_url": GR}, "body": '<meta charset="windows-1252"><p>Caf\xe9</p>'}, ensure_ascii=False
    )
    envelope.write_bytes(body.encode("cp1252"))
    run = cli("check", str(markdown), str(envelope), "--no-config")
    assert run.code == 2
    assert "a.md:5:4: not valid UTF-8 (byte 0xe9); save the file as UTF-8" in run.out
    assert "a.json:1:" in run.out and "not valid UTF-8" in run.out


def test_a_byte_order_mark_says_utf8_whatever_the_meta_says(tmp_path, cli):
    path = tmp_path / "bom.html"
    path.write_bytes(b"\xef\xbb\xbf" + page().encode("cp1252"))
    run = cli("check", str(path), "--no-config")
    assert run.code == 2 and "not valid UTF-8" in run.out


@pytest.mark.parametrize("mode", ["--fix", "--diff"])
def test_fix_leaves_a_legacy_page_unchanged_and_says_why(tmp_path, cli, mode):
    path = write(tmp_path, "bad.html", page(notice=""))
    before = digest(path)
    run = cli("check", mode, str(path), "--meta", "commercial=false", "--no-config")
    assert run.code == 1
    assert "bad.html: left unchanged: it is in windows-1252, not UTF-8, and fixes are written in UTF-8 only" in run.err
    assert digest(path) == before
    assert "@@" not in run.out  # no patch


@pytest.mark.parametrize(
    ("head", "codec"),
    [
        (b'<meta charset="iso-8859-1">', "cp1252"),  # as browsers read Latin-1: 0x80-0x9F are quotes and dashes
        (b"<META CHARSET=Windows-1251>", "cp1251"),
        (b"<meta content='text/html;charset=Shift_JIS' http-equiv=content-type>", "cp932"),
        (b'<meta charset="gb2312">', "gb18030"),
        (b'<meta charset="utf-8">', None),  # already tried
        (b'<meta charset="utf-16">', None),  # a browser reads a page declaring UTF-16 from within as UTF-8
        (b'<meta charset="rot13">', None),  # a codec of Python's, but no text encoding
        (b'<meta charset="klingon">', None),
        (b'<meta charset="undefined">', None),  # Python's codec of that name raises on every byte
        (b'<meta charset="cp037">', None),  # EBCDIC: a codec, but no page's encoding
        (b'<meta charset="windows-874">', "cp874"),  # a browser's label Python does not know
        (b'<meta charset="x-mac-cyrillic">', "mac_cyrillic"),
        (b'<!-- <meta charset="koi8-r"> --><p>', None),  # a comment declares nothing
        (b"<p>" + b"x" * 1100 + b'<meta charset="koi8-r">', None),  # past where a browser looks
        (b'<meta name="charset" content="x"><p>charset=koi8-r</p>', None),
    ],
)
def test_declared_encoding(head, codec):
    assert declared_encoding(head) == codec


@pytest.mark.parametrize(
    ("codec", "shown"),
    [("cp1252", "windows-1252"), ("cp874", "windows-874"), ("iso8859_2", "ISO-8859-2"), ("cp932", "Shift_JIS")],
)
def test_encodings_are_named_as_pages_name_them(codec, shown):
    assert label(codec) == shown


def test_a_page_declaring_an_encoding_no_browser_reads_is_told_so(tmp_path, cli):
    """ "undefined" (a codec of Python's that fails on every byte) crashed the check; it is refused, named."""
    path = write(tmp_path, "odd.html", page(declaration='<meta charset="undefined">'))
    run = cli("check", str(path), "--no-config")
    assert run.code == 2 and "Traceback" not in run.err
    said = "not valid UTF-8 (byte 0xed), and its <meta> declares 'undefined', no encoding a browser reads pages in; "
    assert said + "save the file as UTF-8" in run.out
