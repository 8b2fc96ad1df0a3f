"""Bad input: one clear line naming the file and position, exit status 2, no traceback, no change to files."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import time
from pathlib import Path

import pytest

from conftest import COMPLIANT_BODY, COMPLIANT_META, GR_URL, cpu_seconds, git, markdown
from reprint_guard import InputError, PolicyError, ReprintGuardError, check, check_file, check_text


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_clean_error(run, *fragments: str) -> None:
    assert run.code == 2, (run.out, run.err)
    combined = run.out + run.err
    assert "Traceback" not in combined
    for fragment in fragments:
        assert fragment in combined, combined


ALIAS_BOMB = """---
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
original_url: https://www.globalresearch.ca/x/1
---
Body
"""

CASES = {
    "bad-yaml.md": ("---\ntitle: [unclosed\nauthor: x\n---\nBody\n", "bad-yaml.md:2:8", "invalid YAML"),
    "unclosed.md": ("---\ntitle: x\nBody without a closing fence\n", "unclosed.md:1:1", "never closed"),
    "not-mapping.md": ("---\n- a\n- b\n---\nBody\n", "not-mapping.md:2:1", "mapping"),
    "alias.md": (ALIAS_BOMB, "alias.md:3:8", "aliases"),
    "deep.md": ("---\nx: " + "[" * 5000 + "]" * 5000 + "\n---\nBody\n", "deep.md:2:", "nested deeper"),
    # Block nesting ('- - - x') needs no brackets: it is caught on the composed nodes, with its position.
    "deep-block.md": ("---\nx:\n  " + "- " * 40 + "x\n---\nBody\n", "deep-block.md:3:65", "nested deeper than 32"),
    # The HTML parser's time grows with the square of the depth: refused before it parses.
    "deep-quotes.md": (
        "---\noriginal_url: https://www.globalresearch.ca/x/1\n---\n" + "> " * 5000 + "Body\n",
        "deep-quotes.md:4:1: Markdown too deeply nested or too large to check: rendered, it is HTML nested deeper",
        "could not be checked",
    ),
    "deep-divs.html": (
        "<html><body>\n<p>Hello</p>\n" + "<div>" * 5000 + "x" + "</div>" * 5000,
        "deep-divs.html:3:20001: HTML nested deeper than 4000 elements",
        "could not be checked",
    ),
    "many-authors.md": (
        "---\noriginal_url: https://www.globalresearch.ca/x/1\nauthor:\n" + "- A Person\n" * 201 + "---\nBody\n",
        "many-authors.md:3:1: metadata 'author': at most 200 entries, not 201",
        "could not be checked",
    ),
    "python-tag.md": ("---\nx: !!python/object:os.system ls\n---\nBody\n", "python-tag.md:2:", "invalid YAML"),
    "bad-toml.md": ("+++\ntitle = \n+++\nBody\n", "bad-toml.md:2:", "invalid TOML"),
    # An array left open: told at the closing fence it runs to (tomllib says only "at end of document").
    "open-toml-array.md": (
        '+++\ntitle = "x"\nauthors = [\n+++\nBody\n',
        "open-toml-array.md:4:1",
        "a value left open (an array, a string, a table) runs to '+++'",
    ),
    # A date that is no date: tomllib reads the year, then asks for a line end.
    "bad-toml-date.md": (
        '+++\ntitle = "x"\ndate = 2026-13-01\n+++\nBody\n',
        "bad-toml-date.md:3:8",
        "'2026-13-01' is not a calendar date: there is no month 13 (months run 01 to 12)",
    ),
    "bad-meta.md": (
        "---\noriginal_url: https://www.globalresearch.ca/x/1\ncommercial: maybe\n---\nBody\n",
        "bad-meta.md:3:1",
        "metadata 'commercial'",
    ),
    "bad-medium.md": (
        "---\noriginal_url: https://www.globalresearch.ca/x/1\nmedium: carrier-pigeon\n---\nBody\n",
        "bad-medium.md:3:1",
        "metadata 'medium'",
    ),
    "bad-date.md": (
        "---\noriginal_url: https://www.globalresearch.ca/x/1\noriginal_published: 2024-13-45\n---\nBody\n",
        "bad-date.md:3:21",
        "'2024-13-45' is not a calendar date: there is no month 13 (months run 01 to 12)",
    ),
    "bad-nested-date.md": (
        "---\noriginal_url: https://www.globalresearch.ca/x/1\npermissions:\n  - from: a@b.example\n"
        "    date: 2024-02-30\n---\nBody\n",
        "bad-nested-date.md:5:11",
        "'2024-02-30' is not a calendar date: February 2024 has 29 days",
    ),
    "bad-date-after-a-tag.md": (
        "---\noriginal_url: https://www.globalresearch.ca/x/1\nextra:\n  b: !foo x\n  c: 2024-02-30\n"
        "published: 2024-13-45\n---\nBody\n",
        "bad-date-after-a-tag.md:6:12",  # the value the message is about: PyYAML builds the top level first
        "'2024-13-45' is not a calendar date",
    ),
    "unclosed-quote.md": (
        '---\ntitle: "unclosed\nauthor: A\n---\nBody\n',
        "unclosed-quote.md:2:8",  # where the quote opens, not the end of the front matter where it is noticed
        "the quoted value that starts here is not closed",
    ),
    "unclosed-list.md": (
        "---\ntitle: T\nauthor: [A, B\noriginal_url: https://x.org/a\n---\nBody\n",
        "unclosed-list.md:3:9",
        "the [...] list that starts here is not closed",
    ),
    "unclosed-list-at-end.md": (
        "---\ntitle: T\ntags: [a,\n---\nBody\n",
        "unclosed-list-at-end.md:3:7",  # where the list opens, though the text runs out at the closing ---
        "the [...] list that starts here is not closed",
    ),
    "unclosed-mapping-at-end.md": (
        '---\ntitle: "a [b"\nextra: {x: 1,\n---\nBody\n',
        "unclosed-mapping-at-end.md:3:8",  # a bracket inside a quoted value is not the one left open
        "the {...} mapping that starts here is not closed",
    ),
    "bad.json": ('{"metadata": {"a": 1},\n "body": "x",, }', "bad.json:2:", "invalid JSON"),
    "shape.json": ('["not", "an", "envelope"]', "shape.json:1", "not a reprint"),
    "format.json": ('{"body": "x",\n "format": "docx"}', "format.json:2:1", '"format" must be one of'),
    "deep.json": ('{"body": "x", "metadata": ' + "[" * 100000 + "]" * 100000 + "}", "deep.json", "JSON"),
    "long-number.json": (
        '{"metadata": {"original_url": "https://www.globalresearch.ca/x/1", "id": "'
        + "1" * 5000
        + '",\n "n": '
        + "9" * 5000
        + '}, "body": "x"}',
        "long-number.json:2:7",  # the number, not the digits in the string before it
        "a number too long to read (more than 4300 digits)",
    ),
    "long-number.md": (
        "---\noriginal_url: https://www.globalresearch.ca/x/1\nn: " + "9" * 5000 + "\n---\nBody\n",
        "long-number.md:3:4",
        "invalid YAML value: a number too long to read",
    ),
    "long-number-toml.md": (
        '+++\ntitle = "x"\nn = ' + "9" * 5000 + "\n+++\nBody\n",
        "long-number-toml.md:3:5",
        "invalid TOML front matter: a number too long to read",
    ),
    "metadata-list.json": ('{"metadata": [],\n "body": "x"}', "metadata-list.json:1:14", '"metadata" must be an'),
    "metadata-null.json": ('{"body": "x",\n "metadata": null}', "metadata-null.json:2:14", '"metadata" must be'),
    "author-objects.json": (
        '{"metadata": {"original_url": "https://www.globalresearch.ca/a/1",\n "author": [{"fullname": "Ana Ruiz"}]},'
        ' "body": "x"}',
        "author-objects.json:2:13",
        # a CMS's author records without a name (one with a "name" is read by it), told at the record
        "metadata 'author.0': each item should be a name or {name: ...}, not an object with no name",
    ),
    "format-docx.json": ('{"body": "x",\n "format": "docx"}', "format-docx.json:2:12", '"format" must be one of'),
    # As JSON writes it: false, not Python's False (null is unset: the body tells, as with no "format").
    "format-false.json": (
        '{"body": "x",\n "format": false}',
        "format-false.json:2:12",
        "markdown, html, text or auto, not false",
    ),
    "empty.md": ("", "empty.md", "empty file"),
    "blank.html": ("  \n\n ", "blank.html", "empty file"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_reprint_files(tmp_path, cli, name):
    text, location, message = CASES[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    before = digest(path)
    run = cli("check", str(path))
    assert_clean_error(run, location, message)
    assert digest(path) == before
    # The library raises a typed exception carrying the position.
    with pytest.raises(ReprintGuardError) as info:
        check_file(path)
    assert str(info.value).startswith(str(path))


def test_binary_and_non_utf8_files(tmp_path, cli):
    binary = tmp_path / "photo.md"
    binary.write_bytes(b"---\ntitle: x\n---\n\x89PNG\x00\x00\x01")
    latin = tmp_path / "latin.md"
    latin.write_bytes("---\ntitle: x\n---\nCaf\xe9 body\n".encode("latin-1"))
    after = tmp_path / "after.md"
    after.write_bytes("---\ntitle: x\n---\n日本語 ".encode() + b"\xff\n")
    run = cli("check", str(binary), str(latin), str(after))
    assert_clean_error(run, "photo.md:4:5: binary file", "latin.md:4:4: not valid UTF-8 (byte 0xe9)")
    assert "after.md:4:5: not valid UTF-8 (byte 0xff)" in run.out + run.err  # the column an editor shows


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-32"])
def test_a_utf16_file_is_named_for_what_it_is(tmp_path, cli, codec):
    """Windows PowerShell 5 saves UTF-16: not "binary", and an envelope so saved is not passed over in a walk."""
    (tmp_path / "a.md").write_bytes(markdown(COMPLIANT_META, COMPLIANT_BODY).encode(codec))
    envelope = json.dumps({"metadata": COMPLIANT_META, "body": COMPLIANT_BODY})
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "post.json").write_bytes(envelope.encode(codec))
    (tmp_path / "site" / "package.json").write_bytes(b'{"name": "site"}'.decode().encode(codec))
    name = codec.upper().replace("-LE", "")
    assert_clean_error(cli("check", "a.md", cwd=tmp_path), f"a.md:1:1: {name} text, not UTF-8; save the file as UTF-8")
    walk = cli("check", "site", "--format", "json", cwd=tmp_path)
    assert walk.code == 2
    statuses = {Path(r["path"]).name: r["status"] for r in walk.json()["results"]}
    assert statuses == {"post.json": "error", "package.json": "skipped"}


def test_huge_file_is_refused_quickly(tmp_path, cli):
    huge = tmp_path / "huge.md"
    with huge.open("w", encoding="utf-8") as handle:
        handle.write("---\noriginal_url: https://www.globalresearch.ca/x/1\n---\n")
        handle.write(("word " * 200 + "\n\n") * 6000)
    start = cpu_seconds()
    run = cli("check", str(huge))
    assert_clean_error(run, "huge.md", "larger than the 5 MiB limit")
    assert cpu_seconds() - start < 30


def test_a_huge_json_file_in_a_walk_is_passed_over_unless_it_starts_as_an_envelope(tmp_path, cli):
    site = tmp_path / "content"
    site.mkdir()
    index = {"pages": [{"title": "x" * 50, "content": "y" * 1000} for _ in range(6000)]}
    (site / "search-index.json").write_text(json.dumps(index), encoding="utf-8")
    envelope = {"metadata": {"original_url": "https://www.globalresearch.ca/x/1"}, "body": "z" * 6_000_000}
    (site / "huge-envelope.json").write_text(json.dumps(envelope, indent=2), encoding="utf-8")
    run = cli("check", str(site), "--format", "json")
    assert run.code == 2
    statuses = {Path(r["path"]).name: (r["status"], r.get("error") or r.get("reason")) for r in run.json()["results"]}
    assert statuses["search-index.json"][0] == "skipped"
    assert "not a CMS envelope by its start" in statuses["search-index.json"][1]
    assert (
        statuses["huge-envelope.json"][0] == "error"
        and "larger than the 5 MiB limit" in statuses["huge-envelope.json"][1]
    )
    named = cli("check", str(site / "search-index.json"))  # named, it is refused as any JSON that is no envelope
    assert named.code == 2


def test_bad_files_do_not_stop_the_others(tmp_path, cli):
    good = tmp_path / "good.md"
    good.write_text(markdown(COMPLIANT_META, COMPLIANT_BODY), encoding="utf-8")
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: [\n---\nx\n", encoding="utf-8")
    run = cli("check", str(tmp_path), "--format", "json")
    assert run.code == 2
    data = run.json()
    statuses = {Path(r["path"]).name: r["status"] for r in data["results"]}
    assert statuses == {"bad.md": "error", "good.md": "pass"}
    error = next(r for r in data["results"] if r["status"] == "error")
    assert error["error_line"] == 2 and "invalid YAML" in error["error"]  # where the [ opens


def test_missing_path_and_unknown_suffix(tmp_path, cli):
    other = tmp_path / "notes.txt"
    other.write_text("hello", encoding="utf-8")
    run = cli("check", str(tmp_path / "nope.md"), str(other))
    assert_clean_error(run, "nope.md: no such file or folder", "notes.txt: unknown file type")


def test_walking_a_folder_skips_non_envelope_json(tmp_path, cli):
    """A site's own JSON (a package.json, a tsconfig.json with comments, an empty file) is not a reprint:
    passed over when walking, with the reason; named on the command line, it is an error."""
    files = {
        "package.json": ('{"name": "site"}', "not a reprint"),
        "tsconfig.json": ('{\n  // compiler options\n  "strict": true\n}\n', "invalid JSON"),
        "empty.json": ("", "empty file"),
        "trailing.json": ('{"a": 1,}', "invalid JSON"),
        "utf16.json": ('{"name": "site"}'.encode("utf-16"), "UTF-16 text, not UTF-8"),
        "chart.json": ('{"values": [1, NaN, 3]}', "NaN is not a JSON value"),  # pandas writes NaN
        "twice.json": ('{"name": "a", "name": "b"}', 'duplicate key "name"'),
    }
    for name, (text, _) in files.items():
        (tmp_path / name).write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    run = cli("check", str(tmp_path), "--format", "json")
    assert run.code == 0, run.out + run.err
    results = {Path(r["path"]).name: r for r in run.json()["results"]}
    for name, (_, reason) in files.items():
        assert results[name]["status"] == "skipped" and reason in results[name]["reason"], results[name]
    named = cli("check", str(tmp_path / "tsconfig.json"))
    assert named.code == 2 and "tsconfig.json:2:3: invalid JSON" in named.out + named.err


def test_an_envelope_broken_by_a_hand_edit_is_an_error_even_in_a_walk(tmp_path, cli):
    """A trailing comma in a CMS envelope made it "invalid JSON", skipped as some other JSON in a folder walk
    and by the pre-commit hook: a reprint that went unchecked with exit 0."""
    path = tmp_path / "story.json"
    path.write_text('{"metadata": {"original_url": "https://grist.org/a/"},\n "body": "x",\n}\n', encoding="utf-8")
    (tmp_path / "tsconfig.json").write_text('{"compilerOptions": {"strict": true,},}\n', encoding="utf-8")
    # A fixture whose nested object has such keys is somebody else's JSON, broken or not.
    mock = '// a webhook fixture\n{"request": {"body": {"title": "x"}, "metadata": {"id": 3}}}\n'
    (tmp_path / "api-mock.json").write_text(mock, encoding="utf-8")
    run = cli("check", str(tmp_path), "--format", "json")
    assert run.code == 2, run.out + run.err
    results = {Path(r["path"]).name: r for r in run.json()["results"]}
    assert results["story.json"]["status"] == "error" and results["story.json"]["error_line"] == 2  # the comma
    assert results["tsconfig.json"]["status"] == results["api-mock.json"]["status"] == "skipped"


def test_an_envelope_saved_in_the_wrong_encoding_is_an_error_even_in_a_walk(tmp_path, cli):
    """A CMS export saved as Windows-1252 (one "é"), or with a raw NUL in its body, was passed over in a folder
    walk as "not a reprint", exit 0: a sponsored ProPublica reprint went unchecked. Other JSON that is not
    UTF-8 (a binary data file) is still passed over."""
    meta = b'{\n  "metadata": {"title": "Caf\xe9 closes", "original_url": "https://www.propublica.org/article/c"},\n'
    (tmp_path / "latin1.json").write_bytes(meta + b'  "body": "Text."\n}\n')
    (tmp_path / "nul.json").write_bytes(b'{"body": "a\x00b", "metadata": {"original_url": "https://grist.org/a/"}}')
    (tmp_path / "data.json").write_bytes(b"\x00\x01\x02 a binary data file")
    run = cli("check", str(tmp_path), "--format", "json")
    assert run.code == 2, run.out + run.err
    results = {Path(r["path"]).name: r for r in run.json()["results"]}
    assert results["latin1.json"]["status"] == "error", results["latin1.json"]
    assert results["latin1.json"]["error"].endswith(
        "latin1.json:2:29: not valid UTF-8 (byte 0xe9); save the file as UTF-8"
    )
    assert results["nul.json"]["status"] == "error" and "binary file (NUL byte)" in results["nul.json"]["error"]
    assert results["data.json"]["status"] == "skipped"


def test_an_envelope_without_its_metadata_is_an_error_as_one_with_null_metadata_is(tmp_path, cli):
    """``"metadata": null`` was an error, but an envelope whose metadata key was lost altogether was passed over
    as "not a reprint": the same lost metadata, unchecked. JSON with other keys beside a "body" (an HTTP
    fixture) is still passed over."""
    (tmp_path / "lost.json").write_text('{"body": "Text.", "format": "html"}', encoding="utf-8")
    (tmp_path / "fixture.json").write_text('{"status": 200, "body": "ok"}', encoding="utf-8")
    run = cli("check", str(tmp_path), "--format", "json")
    assert run.code == 2, run.out + run.err
    results = {Path(r["path"]).name: r for r in run.json()["results"]}
    assert results["lost.json"]["status"] == "error" and '"metadata" is missing' in results["lost.json"]["error"]
    assert results["fixture.json"]["status"] == "skipped"
    # Metadata given beside it (--meta, a sidecar, the config) is no metadata lost.
    given = cli("check", str(tmp_path / "lost.json"), "--meta", f"original_url={GR_URL}", "--format", "json")
    assert given.code == 1 and given.json()["results"][0]["policy"] == "global-research", given.out


def test_an_envelope_without_its_article_is_an_error_even_in_a_walk(tmp_path, cli):
    path = tmp_path / "story.json"
    path.write_text('{\n  "metadata": {"original_url": "https://www.globalresearch.ca/a/1"}\n}', encoding="utf-8")
    run = cli("check", str(tmp_path))
    assert run.code == 2 and 'story.json:2:1: "body" is missing' in run.out + run.err


def test_a_json_body_that_is_not_a_string_is_placed_at_its_key(tmp_path, cli):
    path = tmp_path / "j.json"
    path.write_text('{"metadata": {"original_url": "https://www.globalresearch.ca/a/1"},\n  "body": 5}', "utf-8")
    run = cli("check", str(tmp_path))
    assert run.code == 2
    assert 'j.json:2:3: "body" must be a string (the article), not a number' in run.out + run.err


# Policies ------------------------------------------------------------------

GOOD_RULE = "  - id: credit\n    check: attribution\n    names: [Example]\n    message: Credit Example\n"
HEAD = "id: broken\nname: Broken\npublisher: Ex\nsource_url: https://example.org/terms\nrules:\n"

POLICY_CASES = {
    "unknown-check": (
        HEAD + "  - id: credit\n    check: atribution\n    message: x\n",
        ":7:",
        "unknown check type 'atribution'; valid check types: attribution, element, license, link, media, metadata, "
        "permission, text, timing",
    ),
    "missing-field": (HEAD.replace("publisher: Ex\n", "") + GOOD_RULE, ":1:1", "'publisher' is a required property"),
    "empty-phrase": (
        HEAD + "  - id: credit\n    check: text\n    phrase: ''\n    message: x\n",
        ":6:",
        "the phrase '' has no visible characters",
    ),
    "zero-width-name": (
        HEAD + '  - id: credit\n    check: attribution\n    names: ["\\u200b"]\n    message: x\n',
        ":8:",
        "has no visible characters",
    ),
    "empty-match": (
        HEAD + "  - id: credit\n    check: text\n    pattern: 'x*'\n    mode: forbid\n    message: x\n",
        ":8:",  # at the pattern's line
        "the pattern /x*/ matches where there is nothing: it is found in every article",
    ),
    "direction-mark-phrase": (
        HEAD + '  - id: credit\n    check: text\n    phrase: "\\u200e"\n    message: x\n',
        ":6:",
        "has no visible characters",
    ),
    "empty-match-anywhere": (
        HEAD + "  - id: credit\n    check: text\n    pattern: '\\b'\n    mode: forbid\n    message: x\n",
        ":8:",  # at the pattern's line
        "matches where there is nothing: it is found in every article",
    ),
    "invisible-element": (
        HEAD + "  - id: credit\n    check: element\n    tag: style\n    pattern: x\n    message: x\n",
        ":8:",
        "'style' is not an element the check sees",
    ),
    "template-typo": (
        HEAD + "  - id: credit\n    check: attribution\n    template: '{autor}, Ex'\n    message: x\n",
        ":8:",
        "unknown placeholder {autor}",
    ),
    "bad-param": (
        HEAD + "  - id: credit\n    check: link\n    target: homepage\n    message: x\n",
        ":8:",
        "rule 'credit', field 'target'",
    ),
    "unknown-key": (HEAD + GOOD_RULE + "    colour: red\n", ":10:5", "field 'colour': unknown key(s)"),
    "bad-condition": (HEAD + GOOD_RULE + "    when: {field: medium, is: web, in: [print]}\n", ":10:", "condition"),
    "duplicate": (HEAD + GOOD_RULE + GOOD_RULE, ":10:", "duplicate rule id 'credit'"),
    "extends-unknown": (HEAD.replace("rules:", "extends: nobody\nrules:") + GOOD_RULE, ":5:", "extends unknown policy"),
    "backtracking-regex": (
        HEAD + "  - id: t\n    check: text\n    pattern: '(a+)+\\1$'\n    message: x\n",
        ":8:",
        "RE2 syntax",
    ),
    "alias": (HEAD + "  - &r {id: a, check: text, phrase: x, message: y}\n  - *r\n", ":7:", "aliases"),
    "not-yaml": ("id: [\n", ":1:5", "invalid YAML"),
    # Deep enough for validation to recurse past Python's limit (was a traceback).
    "deep-block": (HEAD + "  " + "- " * 700 + "x\n", ":6:65", "nested deeper than 32"),
    "scalar": ("just a string\n", ":1:1", "must be a YAML mapping"),
    # A blank template said as such, not as a wrong shape of policy.
    "empty": ("", ":1:1", "the file holds no YAML (nothing, or comments alone): a policy must be a YAML mapping"),
    "comments-only": ("# terms to come\n---\n", ":1:1", "the file holds no YAML (nothing, or comments alone)"),
    "no-licences": (HEAD + "  - id: l\n    check: license\n    licenses: []\n    message: x\n", ":8:", "non-empty"),
    "century-delay": (
        HEAD + "  - id: t\n    check: timing\n    after_days: 100000\n    message: x\n",
        ":8:",
        "rule 't', field 'after_days'",
    ),
    "control-char": (HEAD + "  - id: c\x0b\n", ":6:", "character #x000b is not allowed"),
    "zone-with-hours": (
        HEAD + "  - id: t\n    check: timing\n    after_hours: 24\n    timezone: America/Denver\n    message: x\n",
        ":6:",
        "'timezone' goes with 'after_days'",
    ),
    "zone-name": (
        HEAD + "  - id: t\n    check: timing\n    after_days: 1\n    timezone: '../etc/passwd'\n    message: x\n",
        ":9:",
        "field 'timezone'",
    ),
    # A misspelt key deep in a condition: at the key, with the one meant (the whole condition was repeated,
    # at the 'when' line).
    "when-misspelt-deep": (
        HEAD + "  - id: t\n    check: metadata\n    field: sold\n    message: x\n    when:\n      all:\n"
        "        - any:\n            - {feild: sold, is: true}\n",
        ":13:16:",
        "'feild' is no key of a condition; did you mean 'field'?",
    ),
    "zone-unknown": (
        HEAD + "  - id: t\n    check: timing\n    after_days: 1\n    timezone: America/denver\n    message: x\n",
        ":9:",  # at its key, not the rule's first line
        "unknown time zone 'America/denver'",
    ),
    "placement-anywhere": (
        HEAD + "  - id: a\n    check: attribution\n    names: [X]\n    placement_only: true\n    message: x\n",
        ":6:",
        "'placement_only' needs 'position: top' or 'position: bottom'",
    ),
}


@pytest.mark.parametrize("name", sorted(POLICY_CASES))
def test_broken_policies(tmp_path, cli, name):
    text, position, message = POLICY_CASES[name]
    policy = tmp_path / f"{name}.yaml"
    policy.write_text(text, encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text(markdown(COMPLIANT_META, COMPLIANT_BODY), encoding="utf-8")
    run = cli("check", str(article), "--policy", str(policy))
    assert_clean_error(run, f"{name}.yaml{position}", message)
    assert run.out == ""
    assert len(run.err.strip().splitlines()) == 1
    with pytest.raises(PolicyError):
        check(COMPLIANT_BODY, COMPLIANT_META, policy=policy)


def test_hostile_regex_runs_in_linear_time(tmp_path):
    policy = tmp_path / "slow.yaml"
    policy.write_text(
        HEAD + "  - id: t\n    check: text\n    pattern: '(a|aa)+$'\n    mode: forbid\n    message: x\n",
        encoding="utf-8",
    )
    body = "a" * 50000 + "!"
    start = cpu_seconds()
    result = check(body, {"original_url": "https://example.org/1"}, policy=policy)
    assert cpu_seconds() - start < 5
    assert result.findings == []


def test_a_pattern_is_held_to_its_length_limit_and_a_long_one_below_it_searches_fast(tmp_path, cli):
    """A policy pattern of up to 8,000 characters (a list of phrasings, as changes-indicated's) is taken; one
    longer is refused at its line, as the README says."""
    from reprint_guard.limits import MAX_PATTERN_LENGTH

    words = "|".join(f"word{i:05d}" for i in range(MAX_PATTERN_LENGTH // 10))
    for pattern, valid in [(words[:MAX_PATTERN_LENGTH].rstrip("|0123456789") + "x", True), (words + "|x", False)]:
        policy = tmp_path / "long.yaml"
        policy.write_text(
            HEAD + f"  - id: t\n    check: text\n    pattern: '{pattern}'\n    mode: forbid\n    message: x\n",
            encoding="utf-8",
        )
        run = cli("validate", str(policy))
        if valid:
            assert run.code == 0, run.out
            start = cpu_seconds()
            check("Word after word. " * 30000, {"original_url": "https://example.org/1"}, policy=policy)
            assert cpu_seconds() - start < 5
        else:
            assert run.code == 1 and f"longer than {MAX_PATTERN_LENGTH} characters" in run.out, run.out


@pytest.mark.parametrize("pattern", ["(.+){100}", "((a|b|.)*){100}x", "a.{100}[0-9]", "[{1000}]x", r"\Qa{1000}\E"])
def test_a_pattern_of_many_groups_stays_fast_on_a_long_article(tmp_path, pattern):
    """RE2 is linear, but finding submatches is its slow path: a policy's groups never capture. A counted
    repeat explodes RE2's DFA, so it runs at a cost per byte that grows with its program (bounded below)."""
    policy = tmp_path / "groups.yaml"
    policy.write_text(
        HEAD + f"  - id: t\n    check: text\n    pattern: '{pattern}'\n    mode: forbid\n    message: x\n",
        encoding="utf-8",
    )
    body = "Word after word of an article. " * 60000  # 1.8 MB: minutes with capturing groups
    start = cpu_seconds()
    result = check(body, {"original_url": "https://example.org/1"}, policy=policy)
    assert cpu_seconds() - start < 20
    assert [f.rule for f in result.findings] == (["broken/t"] if pattern.startswith("(.+)") else [])


@pytest.mark.parametrize(
    ("pattern", "places"),
    [
        ("a.{1000}[0-9]", 1000),
        ("a(.{100}){10}[0-9]", 1000),  # nested: multiplied
        ("a" + ".{100}" * 10 + "[0-9]", 1000),  # along the pattern: added
        ("(a.{60}|b.{60})", 120),  # alternatives run side by side
        ("(?P<x>a{5}){2}", 10),
        ("(?i:a{4}){3}", 12),
        ("(?i)ab{3}", 3),
        ("x{1,40}", 40),
        ("a{2,}", 2),
        ("[{1000}]", 0),  # braces in a class, an escape or a quote are no repeat
        (r"\Qa{1000}\E", 0),
        (r"\x{2014}\p{Greek}", 0),
        ("(.*)+[0-9]*", 0),
        ("[[:]?a.{1000}[0-9]", 1000),  # "[:" with no ":]" is two characters of the class, not a swallow
        ("(?:[[:]|a).{1000}[0-9]", 1000),
        ("[[:alpha:]]{3}", 3),
    ],
)
def test_the_places_a_patterns_repeats_make_re2_follow(pattern, places):
    from reprint_guard.checks.params import repeat_cost

    assert repeat_cost(pattern) == places


@pytest.mark.parametrize(
    "pattern",
    ["(.*){1000}", "((a|b|.)*){500}x", "a.{101}[0-9]", "a.{2,1000}[0-9]", "a(.{100}){10}[0-9]", "a" + ".{60}" * 2],
)
def test_a_pattern_too_costly_to_search_is_refused_where_it_is_written(tmp_path, cli, pattern):
    """a.{1000}[0-9] took 2 s per 600 KB, 20 s for an article at the size limit, per rule."""
    policy = tmp_path / "costly.yaml"
    policy.write_text(
        HEAD + f"  - id: t\n    check: text\n    pattern: '{pattern}'\n    mode: forbid\n    message: x\n",
        encoding="utf-8",
    )
    run = cli("validate", str(policy))
    said = "costly.yaml:8:5: rule 't', field 'pattern': pattern too costly to search: its counted repeats make"
    assert run.code == 1 and said in run.out


def test_unknown_policy_id(cli, tmp_path):
    article = tmp_path / "a.md"
    article.write_text(markdown({**COMPLIANT_META, "policy": "no-such-policy"}, COMPLIANT_BODY), encoding="utf-8")
    run = cli("check", str(article))
    assert_clean_error(run, "a.md:8:1: unknown policy 'no-such-policy'; known policies: ", "global-research")
    run = cli("check", str(article), "--policy", "nope")
    assert_clean_error(run, "unknown policy 'nope'")


def test_usage_errors(cli):
    assert_clean_error(cli("check"), "the following arguments are required")
    assert_clean_error(cli("check", "x.md", "--meta", "novalue"), "--meta expects KEY=VALUE")
    assert_clean_error(cli("check", "x.md", "--format", "xml"), "invalid choice")
    assert_clean_error(cli("check", "x.md", "--rules-dir", "/no/such/dir"), "no such policy file or folder")


def test_library_errors_are_typed():
    with pytest.raises(InputError) as info:
        check("body", {"original_url": "https://www.globalresearch.ca/x/1", "medium": "pigeon"})
    assert "medium" in str(info.value)
    with pytest.raises(PolicyError):
        check("body", {"policy": "nope"})


def test_undecodable_bytes_in_a_meta_value_are_checked_not_crashed_on(tmp_path, cli):
    """A --meta value with bytes that are not UTF-8 reaches Python as lone surrogates (os.fsdecode)."""
    path = tmp_path / "a.md"
    path.write_text(markdown(COMPLIANT_META, COMPLIANT_BODY), encoding="utf-8")
    run = cli("check", str(path), "--meta", "author=Ana \udcff", "--format", "json")
    assert "Traceback" not in run.err and "internal error" not in run.out, (run.out, run.err)
    assert run.code == 1  # the notice names "Ana Ruiz", not the author given on the command line
    assert [f["rule"] for f in run.json()["results"][0]["findings"]] == ["global-research/copyright-notice"]
    with pytest.raises(InputError, match="not valid Unicode"):
        from reprint_guard.safeyaml import load

        load("a: [\udcff]")


@pytest.mark.parametrize(
    ("front", "location", "message"),
    [
        ("published: !!timestamp soon\n", "t.md:3:12", "does not fit its !!tag"),
        ("paywalled: !!bool nope\n", "t.md:3:12", "does not fit its !!tag"),
        ('title: "a\x01b"\n', "t.md:3:10", "character #x0001 is not allowed"),
    ],
)
def test_yaml_values_pyyaml_cannot_build_are_one_line_errors(tmp_path, cli, front, location, message):
    path = tmp_path / "t.md"
    path.write_text("---\noriginal_url: https://www.globalresearch.ca/x/1\n" + front + "---\nBody\n", encoding="utf-8")
    run = cli("check", str(path))
    assert_clean_error(run, location, message)
    assert len([line for line in run.out.splitlines() if "t.md" in line]) == 1  # one line, not a multi-line dump


def test_an_error_quoting_a_line_break_stays_one_line():
    err = InputError("bad value 'a\nb\x1cc\u2028d'", path="x.md", line=3)
    assert len(str(err).splitlines()) == 1 and "\\x1c" in str(err)


@pytest.mark.parametrize(
    ("text", "fmt", "said"),
    [
        # Through --stdin-format auto's guess (an object opening the text) and the JSON reader alike.
        ('{"a":' + "[" * 1100, None, "<input>:1:104: invalid JSON: nested too deeply to read (more than 100 levels"),
        ('{"a":' + "[" * 1100, "json", "<input>:1:104: invalid JSON: nested too deeply to read"),
        ('[{"a":' + "[" * 1100, None, "<input>:1:104: invalid JSON: nested too deeply to read"),
        (
            "+++\nauthor = " + "[" * 1000 + "]" * 1000 + "\n+++\nBody\n",
            None,
            "<input>:2:42: TOML front matter nested deeper than 32 levels",
        ),
    ],
)
def test_text_nested_too_deep_for_a_parser_is_an_input_error_at_its_place(text, fmt, said):
    """The library raised RecursionError (the format's guess, Python's JSON and TOML readers recursing), and
    the CLI said "input nested too deeply to check" with no place."""
    with pytest.raises(InputError) as raised:
        check_text(text, format=fmt) if fmt else check_text(text)
    assert str(raised.value).startswith(said), str(raised.value)


def test_library_metadata_must_be_a_flat_enough_mapping():
    with pytest.raises(ReprintGuardError, match="must be a mapping"):
        check("Body", ["not", "a", "dict"])  # type: ignore[arg-type]
    deep: list = []
    inner = deep
    for _ in range(5000):
        inner.append([])
        inner = inner[0]
    with pytest.raises(InputError, match="nested too deeply"):
        check("Body", {**COMPLIANT_META, "extra": deep})


def test_a_page_whose_head_changes_length_when_lowercased(tmp_path, cli):
    """'İ'.lower() is two characters: the <body> of a page is found in the page itself."""
    page = tmp_path / "p.html"
    page.write_text(
        "<!DOCTYPE html>\n<html><head>\n"
        + "İ" * 20
        + '\n<link rel="canonical" href="https://www.globalresearch.ca/a/1">'
        "\n</head>\n<body>\n<p>Text only.</p>\n</body></html>\n",
        encoding="utf-8",
    )
    run = cli("check", str(page), "--format", "json")
    assert run.code == 1, (run.out, run.err)
    findings = run.json()["results"][0]["findings"]
    assert findings and all(f["line"] == 7 for f in findings if f["rule"] == "global-research/source-credit")


@pytest.mark.parametrize("option", ["--policy", "--rules-dir", "--config"])
def test_a_file_name_too_long_for_the_file_system(tmp_path, cli, option):
    path = tmp_path / "a.md"
    path.write_text(markdown(COMPLIANT_META, COMPLIANT_BODY), encoding="utf-8")
    run = cli("check", option, "x" * 5000 + ".yaml", str(path))
    assert run.code == 2 and "Traceback" not in run.err and len(run.err.splitlines()) == 1, run.err[-300:]


def test_a_file_name_with_a_line_break_stays_on_one_line(tmp_path, cli):
    """File names are written with their line breaks escaped, like every other quoted input."""
    (tmp_path / "e\nmpty.md").write_text("", encoding="utf-8")
    (tmp_path / "a\nb.md").write_text(markdown(COMPLIANT_META, "No credit here."), encoding="utf-8")
    (tmp_path / "c\x1b[2Jd.md").write_text("", encoding="utf-8")  # ESC: a terminal's escape sequence
    run = cli("check", str(tmp_path))
    assert run.code == 2
    assert "\x1b" not in run.out + run.err and "c\\x1b[2Jd.md: empty file" in run.out
    assert f"{tmp_path}/e\\x0ampty.md: empty file" in run.out
    assert run.out.startswith(f"{tmp_path}/a\\x0ab.md\n")
    assert "mpty.md" not in run.out.replace("e\\x0ampty.md", "")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_nobody_writes_to_or_whose_writer_stalls_is_an_error_not_a_hang(tmp_path, monkeypatch):
    """Opening a pipe with no writer waited for one forever; a pipe that sent its first bytes, then nothing,
    and stayed open, waited without end for the rest."""
    import threading

    from reprint_guard.errors import InputError
    from reprint_guard.readers import read_limited

    monkeypatch.setattr("reprint_guard.readers.PIPE_WAIT_S", 0.3)
    pipe = tmp_path / "story.md"
    os.mkfifo(pipe)
    started = time.monotonic()
    with pytest.raises(InputError, match="nothing came through this named pipe"):
        read_limited(pipe, str(pipe))
    done = threading.Event()

    def writer() -> None:
        with open(pipe, "wb") as handle:
            handle.write(b"---\n")
            handle.flush()
            done.wait(10)  # open, silent, until the test is over

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        with pytest.raises(InputError, match=r"sent 4 bytes, then nothing for 0\.3 s, and did not end"):
            read_limited(pipe, str(pipe))
        assert time.monotonic() - started < 5
    finally:
        done.set()
        thread.join()


def test_a_bidirectional_override_in_a_quoted_value_is_shown_escaped(tmp_path, write_md, cli):
    """U+202E in an author's name would show the rest of the line reversed in a terminal or an annotation. The
    name is read without it (an invisible character is no part of a name), so a message names "Ana Ruiz"."""
    story = write_md("a.md", {**COMPLIANT_META, "author": "Ana \u202eRuiz"}, "Text without its credit.\n")
    for form in ("text", "markdown", "github"):
        run = cli("check", str(story), "--format", form)
        assert run.code == 1 and "\u202e" not in run.out + run.err, (form, run.out)
        assert "Ana Ruiz" in run.out, (form, run.out)


def test_control_characters_in_a_message_or_a_name_never_reach_the_terminal(tmp_path, cli):
    """A policy's pattern quoted in a message, an article's file name in a Markdown summary: ESC drove the
    terminal that printed them."""
    policy = tmp_path / "p.yaml"
    policy.write_text(
        HEAD + '  - id: t\n    check: text\n    pattern: "needed\\e\\\\[2j"\n    message: m\n', encoding="utf-8"
    )
    story = tmp_path / "s\x1b[2J.md"
    story.write_text(markdown({"original_url": "https://example.org/1"}, "Text.\n"), encoding="utf-8")
    for form in ("text", "markdown", "github"):
        run = cli("check", "--policy", str(policy), str(story), "--format", form)
        assert run.code == 1 and "\x1b" not in run.out + run.err, (form, run.out)
    assert "/needed\\x1b\\[2j/ is not visible" in cli("check", "--policy", str(policy), str(story)).out
    ignore = '<!-- reprint-guard: ignore broken/t reason="ok \x1b[2J\x1b[31mPWNED" -->'
    story.write_text(markdown({"original_url": "https://example.org/1"}, f"Text.\n{ignore}\n"), encoding="utf-8")
    verbose = cli("check", "-v", "--policy", str(policy), str(story))
    assert "PWNED" in verbose.out and "\x1b" not in verbose.out + verbose.err
    story.write_text(markdown({"original_url": "https://example.org/1"}, "Text.\n"), encoding="utf-8")
    fixed = cli("check", "--policy", str(policy), str(story), "--fix")  # what it cannot fix is said, escaped
    assert "s\\x1b[2J.md: " in fixed.err and "\x1b" not in fixed.err


def test_a_link_out_of_the_repository_is_reported_not_read(tmp_path, cli):
    """A pull request may add content/x.md -> /etc/passwd, or a sidecar linking to a runner's secret: a finding
    would quote its text into a public log. A link within the repository, out of the folder walked, is read."""
    repo = tmp_path / "repo"
    (repo / "content").mkdir(parents=True)
    (repo / "shared").mkdir()
    git(repo, "init", "-q")
    (repo / "content" / "ok.md").write_text(markdown(COMPLIANT_META, COMPLIANT_BODY), encoding="utf-8")
    (repo / "shared" / "c.md").write_text(markdown(COMPLIANT_META, COMPLIANT_BODY), encoding="utf-8")
    (repo / "content" / "c.md").symlink_to(Path("..") / "shared" / "c.md")  # in the repository: read
    secret = tmp_path / "secret.yml"
    secret.write_text("copyright_holder: SECRET-TOKEN\n", encoding="utf-8")
    (repo / "content" / "leak.md").symlink_to(secret)
    (repo / "content" / "page.html").write_text("<p>Story.</p>\n", encoding="utf-8")
    (repo / "content" / "page.meta.yaml").symlink_to(secret)
    for cwd, target in ((repo, "content"), (repo / "content", "."), (tmp_path, "repo/content")):  # above it too
        run = cli("check", target, "--format", "json", cwd=cwd)
        results = {Path(r["path"]).name: r for r in run.json()["results"]}
        assert run.code == 2 and "SECRET-TOKEN" not in run.out + run.err
        assert results["c.md"]["status"] == "pass" and results["ok.md"]["status"] == "pass"
        assert "a symbolic link out of the repository" in results["leak.md"]["error"]
        assert "metadata sidecar links out of the repository" in results["page.html"]["error"]
    named = cli("check", str(repo / "content" / "leak.md"), "--format", "json")  # named: the user's choice
    assert "out of the repository" not in named.out
    # A pull request's changed files, named as the README says to: taken as a walk takes them, the link refused.
    listed = cli("check", "--force-include", "content/leak.md", "content/ok.md", "--format", "json", cwd=repo)
    results = {Path(r["path"]).name: r for r in listed.json()["results"]}
    assert listed.code == 2 and "SECRET-TOKEN" not in listed.out + listed.err
    assert "a symbolic link out of the repository" in results["leak.md"]["error"], results


def test_test_reads_no_fixture_linked_out_of_the_repository_and_waits_on_no_pipe(tmp_path, cli):
    """``test`` walks a fixtures folder a pull request may add to, as a check walks content."""
    repo = tmp_path / "repo"
    folder = repo / "tests" / "policies" / "global-research"
    folder.mkdir(parents=True)
    git(repo, "init", "-q")
    meta = {**COMPLIANT_META, "expect": []}
    (folder / "ok.md").write_text(markdown(meta, COMPLIANT_BODY), encoding="utf-8")
    secret = tmp_path / "secret.md"
    secret.write_text(markdown({**meta, "author": "SECRET-TOKEN", "expect": ["x/y"]}, "Text.\n"), encoding="utf-8")
    (folder / "leak.md").symlink_to(secret)
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.md")
    run = cli("test", "tests/policies", cwd=repo)
    assert run.code == 2 and "SECRET-TOKEN" not in run.out + run.err, run.out + run.err
    assert "leak.md: a symbolic link out of the repository" in run.out and "pipe.md" not in run.out, run.out
    assert run.out.endswith("1 passed, 0 failed, 1 could not be run\n"), run.out
    named = cli("test", str(folder / "leak.md"), cwd=repo)  # named: the user's choice, read
    assert "out of the repository" not in named.out and "x/y" in named.out, named.out


@pytest.mark.parametrize("kind", ["dangling", "folder"])
def test_a_sidecar_that_is_no_file_is_an_error_not_a_skip(tmp_path, cli, kind):
    """A page whose sidecar is a dangling link passed as "not a reprint", its metadata unread."""
    page = tmp_path / "a.html"
    page.write_text("<p>Story.</p>\n", encoding="utf-8")
    sidecar = tmp_path / "a.meta.yaml"
    if kind == "dangling":
        sidecar.symlink_to(tmp_path / "gone.yaml")
    else:
        sidecar.mkdir()
    for target in (page, tmp_path):
        run = cli("check", str(target))
        assert run.code == 2 and f"{sidecar}: metadata sidecar is not a regular file" in run.out


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        ({"original_published": "21/03/2025"}, "original_published"),
        ({"permissions": [{"from": "a@b.example", "date": "soon", "scope": ["print"]}]}, "permissions.0.date"),
        ({"commercial": "maybe"}, "commercial"),
    ],
)
def test_a_bad_metadata_value_names_its_key_for_a_cms_form(bad, field):
    """A CMS passing metadata as data has no line to show an error at: the key came only inside the
    message. It is the error's field, kept through pickling (a worker process hands its error on whole)."""
    import pickle

    with pytest.raises(InputError) as raised:
        check(COMPLIANT_BODY, {**COMPLIANT_META, **bad})
    assert raised.value.field == field and f"metadata '{field}'" in raised.value.message
    again = pickle.loads(pickle.dumps(raised.value))
    assert (type(again), again.field, again.path, str(again)) == (InputError, field, "<input>", str(raised.value))


def test_a_bad_value_inside_a_record_names_its_key_from_every_reader(tmp_path):
    """A record's bad value (permissions.0.date) lost its field when told at its place in front matter or a
    JSON envelope, and was named by the site's key where the config maps one."""
    from reprint_guard import check_text

    record = "permissions:\n  - from: a@b.example\n    date: someday\n"
    page = tmp_path / "a.md"
    page.write_text(f"---\noriginal_url: {GR_URL}\n{record}---\n\nx\n", encoding="utf-8")
    envelope = json.dumps(
        {"metadata": {"original_url": GR_URL, "permissions": [{"from": "a@b", "date": "x"}]}, "body": "x"}
    )
    (tmp_path / "b.json").write_text(envelope, encoding="utf-8")
    mapped = tmp_path / "c.md"
    mapped.write_text(f"---\noriginal_url: {GR_URL}\n{record.replace('permissions', 'grants')}---\n\nx\n", "utf-8")
    (tmp_path / "cfg.yaml").write_text("front-matter:\n  grants: permissions\n", encoding="utf-8")
    for call, field in [
        (lambda: check_file(page), "permissions.0.date"),
        (lambda: check_file(tmp_path / "b.json"), "permissions.0.date"),
        (lambda: check_text(envelope, format="json"), "permissions.0.date"),
        (lambda: check_file(mapped, config=tmp_path / "cfg.yaml"), "grants.0.date"),  # the site's own key
    ]:
        with pytest.raises(InputError) as raised:
            call()
        assert raised.value.field == field and raised.value.line is not None, raised.value


@pytest.mark.parametrize("written", ["", "\n\n", "# to fill in\n", "---\n"])
def test_an_empty_sidecar_is_told_as_one_not_filled_in(tmp_path, cli, written):
    """An empty sidecar was told "empty file: there is no article to check" (and one of comments only "must be
    a mapping"), when the article is there and the sidecar is what wants writing."""
    page = tmp_path / "a.html"
    page.write_text("<p>Story.</p>\n", encoding="utf-8")
    sidecar = tmp_path / "a.meta.yaml"
    sidecar.write_text(written, encoding="utf-8")
    for target in (page, tmp_path):
        run = cli("check", str(target))
        assert run.code == 2, run.out
        assert f"{sidecar}: empty metadata sidecar: write the reprint's metadata in it, or remove it" in run.out
    with pytest.raises(InputError, match="empty metadata sidecar") as raised:
        check_file(page)
    assert raised.value.path == str(sidecar)


def test_input_nested_thousands_deep_is_one_line_in_test_credit_and_validate(tmp_path, cli):
    """The check said it; the policy test harness, credit --from and validate's extends chain raised."""
    deep = tmp_path / "global-research" / "deep.md"
    deep.parent.mkdir()
    deep.write_text("+++\nexpect = []\na = " + "[" * 100_000 + "\n+++\nbody\n", encoding="utf-8")
    run = cli("test", str(deep))
    said = f"{deep}:3:37: TOML front matter nested deeper than 32 levels"  # where, as YAML's depth is told
    assert run.code == 2 and said in run.out and "Traceback" not in run.err, run.out
    run = cli("credit", "--policy", "global-research", "--from", str(deep))
    assert (run.code, run.err) == (2, f"reprint-guard: {said}\n")
    chain = tmp_path / "chain"
    chain.mkdir()
    for i in range(1500):
        parent = f"extends: c{i - 1}\nrules: []\n" if i else "rules: []\n"
        text = f"id: c{i}\nname: C\npublisher: P\nsource_url: https://p.example/t\n{parent}"
        (chain / f"c{i}.yaml").write_text(text, encoding="utf-8")
    run = cli("validate", str(chain / "c1499.yaml"), "--rules-dir", str(chain))
    assert run.code == 1 and "c1499.yaml:5:1: its 'extends' chain is more than 32 policies deep" in run.out, run.out


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_device_given_as_a_policy_is_refused_not_read_without_end(tmp_path, cli):
    """/dev/zero as --rules-dir, a config's policies or validate's argument: read whole, it filled memory."""
    story = tmp_path / "a.md"
    story.write_text(markdown(COMPLIANT_META, COMPLIANT_BODY), encoding="utf-8")
    run = cli("check", "--no-config", "--rules-dir", "/dev/zero", str(story))
    assert run.code == 2 and "/dev/zero: not a regular file, so not read as a policy" in run.err
    (tmp_path / ".reprint-guard.yaml").write_text("policies: [/dev/zero]\n", encoding="utf-8")
    assert cli("check", str(story), cwd=tmp_path).code == 2
    checked = cli("validate", "/dev/zero")
    assert checked.code == 2 and checked.out.strip() == "/dev/zero: not a regular file, so not read as a policy"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("flag", ["--fix", "--diff"])
def test_fix_leaves_a_named_pipe_a_pipe_and_does_not_wait_on_it(tmp_path, cli, flag):
    """The check reads the pipe once; --fix opened it again (a wait for a second writer) or replaced it with
    a file."""
    import threading

    pipe = tmp_path / "story.md"
    os.mkfifo(pipe)

    def write() -> None:
        with open(pipe, "w", encoding="utf-8") as handle:
            handle.write(markdown(COMPLIANT_META, "# T\n\nText.\n"))

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    run = cli("check", "--no-config", flag, str(pipe))
    writer.join(timeout=10)
    assert run.code == 1 and f"{pipe}: left unchanged: not a regular file, so it is not fixed" in run.err
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        # The second original_url was the one read, the first the one a finding cited: a reprint passed.
        (
            "twice.md",
            f"---\ntitle: T\noriginal_url: {GR_URL}\nmedium: print\noriginal_url: https://example.org/o\n---\nB\n",
            "twice.md:5:1: duplicate key 'original_url' (set 2 lines above too)",
        ),
        (
            "record.md",
            "---\ntitle: T\npermissions:\n  - from: a@b.org\n    scope: [print]\n    from: x@y.org\n---\nB\n",
            "record.md:6:5: duplicate key 'from' (set 2 lines above too)",
        ),
        (
            "twice.json",
            f'{{"metadata": {{"original_url": "{GR_URL}",\n  "original_url": "https://example.org/o"}}, "body": "B"}}',
            'twice.json:2:3: duplicate key "original_url": it is set twice',
        ),
    ],
)
def test_a_key_set_twice_is_an_error_at_the_second(tmp_path, cli, name, text, where):
    (tmp_path / name).write_text(text, encoding="utf-8")
    run = cli("check", name, cwd=tmp_path)
    assert_clean_error(run, where)


def test_a_key_of_the_sites_own_set_twice_is_its_own_business(tmp_path, cli):
    """Jekyll keeps the last of two `tags:`; only the keys reprint-guard reads must be set once."""
    (tmp_path / "own.md").write_text("---\ntitle: T\ntags: [a]\ntags: [b]\n---\nOwn article.\n", encoding="utf-8")
    text = markdown(COMPLIANT_META, COMPLIANT_BODY).replace("---\n", "---\ntags: [a]\ntags: [b]\n", 1)
    (tmp_path / "reprint.md").write_text(text, encoding="utf-8")
    run = cli("check", "own.md", "reprint.md", "--format", "json", cwd=tmp_path)
    assert run.code == 0 and [r["status"] for r in run.json()["results"]] == ["skipped", "pass"]


def test_nan_is_not_json(tmp_path, cli):
    (tmp_path / "nan.json").write_text('{"metadata": {"title": NaN}, "body": "B"}', encoding="utf-8")
    assert_clean_error(cli("check", "nan.json", cwd=tmp_path), "nan.json:1:24: invalid JSON: NaN is not a JSON value")


def test_a_policy_with_two_rule_lists_is_invalid(tmp_path, cli):
    """The first list was dropped silently, and validate called the policy valid."""
    rule = "  - {id: a, check: link, target: original, message: m}\n"
    policy = tmp_path / "twice.yaml"
    policy.write_text(HEAD + rule + "rules:\n" + rule.replace("id: a", "id: b"), encoding="utf-8")
    run = cli("validate", str(policy))
    assert run.code == 1 and "twice.yaml:7:1: duplicate key 'rules' (set 2 lines above too)" in run.out + run.err


def test_a_folder_the_walk_cannot_read_is_an_error_not_left_out(tmp_path, monkeypatch):
    """Files under an unreadable folder were silently not checked (exit 0). The tests run as root, whom no
    permission stops, so listing the folder is made to fail as it does for anyone else."""
    from reprint_guard.runner import Settings, discover, run

    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.md").write_text(markdown(COMPLIANT_META, COMPLIANT_BODY), encoding="utf-8")
    (tmp_path / "ok.md").write_text(markdown(COMPLIANT_META, COMPLIANT_BODY), encoding="utf-8")
    locked = str(tmp_path / "locked")
    real_scandir, real_listdir = os.scandir, os.listdir

    def denied(path="."):
        if os.path.normpath(os.fspath(path)) == locked:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", denied)
    monkeypatch.setattr(os, "listdir", lambda path=".": (denied(path), real_listdir(path))[1])
    settings = Settings(gitignore=False)
    results = {Path(r.path).name: r for r in run(discover([str(tmp_path)], settings), settings)}
    assert results["ok.md"].status == "pass"
    assert results["locked"].status == "error" and "cannot read folder: Permission denied" in results["locked"].error
    # A folder the globs leave out would have given nothing to check: it is no error.
    excluded = Settings(gitignore=False, exclude=("locked/**",), root=tmp_path)
    assert [Path(p).name for p, *_ in discover([str(tmp_path)], excluded)] == ["ok.md"]


def test_an_unreadable_sidecar_is_the_sidecars_error(tmp_path, monkeypatch):
    from reprint_guard.readers import read_file

    article = tmp_path / "a.html"
    article.write_text("<p>Story.</p>", encoding="utf-8")
    (tmp_path / "a.meta.yaml").write_text("title: T\n", encoding="utf-8")
    real_open = os.open
    monkeypatch.setattr(
        os,
        "open",
        lambda path, *a, **k: (
            (_ for _ in ()).throw(PermissionError(13, "Permission denied"))
            if str(path).endswith(".meta.yaml")
            else real_open(path, *a, **k)
        ),
    )
    with pytest.raises(InputError) as info:
        read_file(article)
    assert str(info.value) == f"{tmp_path / 'a.meta.yaml'}: cannot read metadata sidecar: Permission denied"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_report_that_cannot_be_written_is_one_line_and_exit_2(tmp_path, cli):
    (tmp_path / "a.md").write_text(markdown(COMPLIANT_META, COMPLIANT_BODY), encoding="utf-8")
    for args in (["--json", "/dev/full"], ["--sarif", "/dev/full"]):
        run = cli("check", "a.md", *args, cwd=tmp_path)
        assert_clean_error(run, "reprint-guard: cannot write output: No space left on device")


def test_a_report_names_a_file_whose_name_is_not_utf8(tmp_path):
    """The Markdown report wrote the name's lone surrogates and crashed, leaving its temporary file behind."""
    import subprocess
    import sys

    name = os.fsencode(tmp_path) + b"/bad\xffname.md"
    with open(name, "wb") as handle:
        handle.write(markdown(COMPLIANT_META, COMPLIANT_BODY.replace("Global Research", "GR")).encode())
    run = subprocess.run(
        [sys.executable, "-m", "reprint_guard", "check", name, "--markdown", "report.md"],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    assert run.returncode == 1, run.stderr  # a finding: the file is listed in the report
    assert b"bad\xffname.md" in (tmp_path / "report.md").read_bytes()
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".reprint-guard-")]


def test_front_matter_over_the_yaml_limit_is_refused_at_once(tmp_path, cli):
    records = "".join(f"  - from: a{i}@example.org\n    scope: [print]\n" for i in range(12000))
    (tmp_path / "big.md").write_text(f"---\ntitle: T\npermissions:\n{records}---\nBody.\n", encoding="utf-8")
    start = cpu_seconds()
    run = cli("check", "big.md", cwd=tmp_path)
    assert_clean_error(run, "big.md:2:1: YAML larger than the 256 KiB limit")
    assert cpu_seconds() - start < 30


def test_locating_words_among_many_punctuation_tags_is_linear(tmp_path):
    """Vue's <!--[--> markers: a search reading each as a tag or as punctuation doubled its work per marker."""
    page = tmp_path / "vue.html"
    markers = "<!--[-->" * 40
    page.write_text(
        f"<html><body><p>Thanks to all{markers}<span>readers</span></p>\n<p>Example. All rights\nreserved.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    meta = {"policy": "cc-by-4.0", "license": "CC-BY-4.0", "original_url": "https://example.org/s", "author": "A B"}
    start = cpu_seconds()
    findings = check_file(page, meta=meta).findings
    assert cpu_seconds() - start < 20  # hours with the old pattern
    assert ("cc-by-4.0/no-added-restrictions", 2) in [(f.rule, f.line) for f in findings]


def test_a_link_to_nothing_says_so(tmp_path, cli):
    (tmp_path / "loop.md").symlink_to("loop.md")
    (tmp_path / "gone.md").symlink_to("moved-away.md")
    run = cli("check", "loop.md", "gone.md", cwd=tmp_path)
    assert_clean_error(run, "loop.md: a symbolic link to nothing", "gone.md: a symbolic link to nothing")


@pytest.mark.parametrize("envelope", [False, True])
def test_thousands_of_inline_suppressions_are_read_in_linear_time(tmp_path, envelope):
    """Each comment's place was counted from the body's start: 16,000 took 14 s; a JSON body's alike."""
    from reprint_guard import check_file

    comment = 'é <!-- reprint-guard: ignore global-research/source-credit reason="x" -->\n'
    meta = {"original_url": GR_URL, "author": "Mara Lindqvist"}
    if envelope:
        path = tmp_path / "s.json"
        path.write_text(json.dumps({"metadata": meta, "body": comment * 16000}), encoding="utf-8")
    else:
        path = tmp_path / "s.md"
        path.write_text(markdown(meta, comment * 16000), encoding="utf-8")
    start = cpu_seconds()
    result = check_file(path)
    assert cpu_seconds() - start < 8
    assert sum(f.rule == "reprint-guard/unused-suppression" for f in result.findings) > 15000


def test_positions_past_the_counted_ones_are_looked_up_alike():
    from reprint_guard.metaview import read_metadata
    from reprint_guard.reprint import Reprint

    body = "a\nbb\n\nccc\nd\n" * 20
    reprint = Reprint(body=body, metadata=read_metadata({}), format="markdown", path="x", body_line=5)
    expected = [(5 + body.count("\n", 0, i), i - (body.rfind("\n", 0, i) + 1) + 1) for i in range(len(body) + 1)]
    assert [reprint._position(i) for i in range(len(body) + 1)] == expected


def test_fix_and_credit_write_no_control_character_a_value_holds(tmp_path, cli):
    """A NUL or an escape sequence in the metadata (a page's JSON-LD, a sidecar) is no part of the credit: the
    article stays text, and the terminal gets no escape sequence."""
    page = tmp_path / "ld.html"
    page.write_text(
        '<html><head><script type="application/ld+json">{"@type":"Article","isBasedOn":"https://grist.org/story\\u0000x",'
        '"author":"Ann \\u001b[2J Lee"}</script></head><body><article><h1>T</h1><p>Body.</p></article></body></html>\n',
        encoding="utf-8",
    )
    cli("check", "--no-config", "--fix", str(page))
    data = page.read_bytes()
    assert b"\x00" not in data and b"\x1b" not in data
    # An address holding a control character is bad metadata (test_fix_safety), told without it.
    checked = cli("check", "--no-config", str(page))
    assert checked.code == 2 and "metadata 'original_url': holds a control character (U+0000)" in checked.out
    credit = cli("credit", "--from", str(page), "--policy", "grist")
    assert "\x1b" not in credit.out + credit.err and "\x00" not in credit.out + credit.err
    page.write_text(page.read_text(encoding="utf-8").replace("\\u0000", ""), encoding="utf-8")  # the name's ESC
    cli("check", "--no-config", "--fix", str(page))
    data = page.read_bytes()
    assert b"Ann" in data and b"\x1b" not in data
    assert cli("check", "--no-config", str(page)).code != 2
    credit = cli("credit", "--from", str(page), "--policy", "grist")
    assert "\x1b" not in credit.out and credit.code == 0


def test_closed_standard_input_is_said_not_an_internal_error(tmp_path):
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, "-m", "reprint_guard", "check", "--no-config", "-"],
        stdin=None,
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        preexec_fn=lambda: __import__("os").close(0),
    )
    assert run.returncode == 2 and "standard input is closed" in run.stdout + run.stderr, run.stdout + run.stderr
    assert "internal error" not in run.stdout + run.stderr


def test_the_library_refuses_a_rules_dirs_list_holding_no_path():
    from reprint_guard import check
    from reprint_guard.errors import UsageError

    with pytest.raises(UsageError, match="a list holding int"):
        check("Text.", {"original_url": GR_URL}, rules_dirs=[5])  # type: ignore[list-item]


def test_a_long_byline_given_with_other_accents_is_checked_not_a_crash(tmp_path, cli):
    """A byline of 58 characters or more that differs from the metadata by an accent stopped the check with
    "internal error (ValueError: pattern longer than 2000 characters)": the accent-blind pattern the tool
    builds of a name is its own, not a policy's, and is not held to a policy pattern's length."""
    team = "Northern Rivers Environmental Accountability Reporting Team"
    (tmp_path / "org.md").write_text(
        f"---\nauthor: {team}\noriginal_url: https://x.example/a/1\npolicy: cc-by-4.0\nlicense: CC-BY-4.0\n---\n\n"
        f"By {team.replace('Team', 'Téam')}\n",
        encoding="utf-8",
    )
    run = cli("check", "--no-config", "org.md", "--format", "json", cwd=tmp_path)
    assert run.code == 1 and "internal error" not in run.out + run.err, run.out + run.err
    rules = {f["rule"] for f in run.json()["results"][0]["findings"]}
    assert "cc-by-4.0/credit-author" not in rules and "cc-by-4.0/link-original" in rules


def test_an_image_address_with_a_bracket_in_its_host_is_checked_not_a_crash(tmp_path, cli):
    """urlsplit refuses "https://a[b.example/x.gif" (an IPv6 bracket): an element rule looking through image
    proxies for its pixel stopped the check with an internal error."""
    (tmp_path / "v6.md").write_text(
        '---\noriginal_url: https://theconversation.com/a-1\n---\n\n<img src="https://a[b.example/x.gif">\n',
        encoding="utf-8",
    )
    run = cli("check", "--no-config", "v6.md", cwd=tmp_path)
    assert run.code == 1 and "internal error" not in run.out + run.err, run.out + run.err
    assert "the-conversation/page-counter" in run.out


def test_bare_urls_in_one_raw_html_block_parse_it_once(tmp_path, monkeypatch):
    """8,000 bare URLs in one raw HTML block took 17 s: the body was split, and the block parsed, once per URL."""
    import reprint_guard.readers.markdown as md

    calls = []
    real = md.pyromark.events
    monkeypatch.setattr(md.pyromark, "events", lambda *a, **k: calls.append(1) or real(*a, **k))
    urls = " ".join(f"https://x.org/{i}" for i in range(2000))
    page = tmp_path / "urls.md"
    page.write_text(f"---\noriginal_url: {GR_URL}\n---\n\nIntro.\n\n<div>\n{urls}\n</div>\n", encoding="utf-8")
    findings = check_file(page).findings
    assert "global-research/source-credit" in {f.rule for f in findings}
    assert len(calls) <= 2, len(calls)  # the block's text, once (the pyromark module is shared: at most twice)


def test_file_names_no_file_system_takes_are_usage_errors(tmp_path, cli):
    """A NUL byte in a config's policies or policy, None or a NUL among a library call's rules_dirs, a lone
    surrogate in a selector: internal errors (ValueError, TypeError, UnicodeEncodeError) naming no file."""
    from reprint_guard import UsageError

    meta = {"original_url": GR_URL}
    for bad in ([None], "a\0b", "\ud800"):
        with pytest.raises(UsageError):
            check("Text.", meta, rules_dirs=bad)
    with pytest.raises(UsageError):
        check("Text.", meta, skip_elements=["\ud800"])
    (tmp_path / "a.md").write_text(markdown(COMPLIANT_META, COMPLIANT_BODY), encoding="utf-8")
    for config, place in (('policies: ["a\\0b"]\n', "1:12"), ('policy: "a\\0b"\n', "1:1")):
        (tmp_path / ".reprint-guard.yaml").write_text(config, encoding="utf-8")
        run = cli("check", "a.md", cwd=tmp_path)
        assert run.code == 2 and "internal error" not in run.err, run.err
        assert f".reprint-guard.yaml:{place}: " in run.err and "cannot hold a NUL byte" in run.err, run.err


def test_validate_and_test_show_a_file_names_control_characters_as_escapes(tmp_path, cli):
    """A fixture or policy named with a line break or an ESC: test's FAIL/ERROR header and validate's "valid"
    line printed it raw (a name with ESC[2J cleared the screen), where check writes escapes."""
    odd = "a\x1b[2J\nb"
    policy = tmp_path / f"{odd}.yaml"
    policy.write_text(
        "id: oddname\nname: O\npublisher: O\nsource_url: https://o.example/t\nextends: cc-by-4.0\nrules: []\n",
        encoding="utf-8",
    )
    run = cli("validate", "--no-config", str(policy))
    assert run.code == 0 and "\x1b" not in run.out and run.out.count("\n") == 1, repr(run.out)
    assert "\\x1b[2J\\x0ab.yaml: valid" in run.out
    folder = tmp_path / "fx" / "global-research"
    folder.mkdir(parents=True)
    (folder / f"{odd}.md").write_text("---\nexpect: [nosuch]\noriginal_url: " + GR_URL + "\n---\nx\n", encoding="utf-8")
    run = cli("test", "--no-config", str(tmp_path / "fx"))
    assert run.code == 2 and "\x1b" not in run.out and "ERROR " in run.out, repr(run.out)
    assert next(line for line in run.out.splitlines() if line.startswith("ERROR ")).endswith("\\x1b[2J\\x0ab.md")


def test_a_file_the_run_may_not_look_into_is_named_not_called_output(tmp_path, capsys, monkeypatch):
    """In a folder the user may not enter, Path.is_dir raises PermissionError (Python 3.11): validate said
    "cannot write output: Permission denied", naming no file. (Run as root here, so the denial is made.)"""
    from reprint_guard import cli

    policy = tmp_path / "d" / "p.yaml"

    def denied(self: Path) -> bool:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "is_dir", denied)
    code = cli.main(["validate", "--no-config", str(policy)])
    err = capsys.readouterr().err
    assert code == 2 and "cannot write output" not in err, err
    assert f"{policy}: Permission denied" in err, err


@pytest.mark.parametrize(
    ("before", "place", "said"),
    [
        (b"\xef\xbb\xbf\xef\xbb\xbf", "1:2", "a second byte order mark"),  # the first is the file's own
        (b"\n", "2:1", "a blank line"),
        (b"  ", "1:3", "white space"),
        ("\u200b".encode(), "1:2", "a zero-width character"),
    ],
)
def test_front_matter_after_something_else_is_refused_not_passed_as_no_reprint(tmp_path, cli, before, place, said):
    """Anything before the opening '---' made the front matter body text: a commercial reprint with no
    permission passed, unchecked, as no reprint (exit 0)."""
    path = tmp_path / "late.md"
    path.write_bytes(before + markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY).encode())
    run = cli("check", str(path), "--no-config")
    assert run.code == 2 and f"{path}:{place}: front matter must start on the file's first line, but {said}" in run.out
    # A thematic break after a blank line, with text, is Markdown, not front matter: no reprint, no error.
    path.write_text("\n---\n\nA paragraph after a rule.\n\n---\n\nMore.\n", encoding="utf-8")
    assert cli("check", str(path), "--no-config").code == 0


def test_an_envelope_with_a_hundred_thousand_metadata_keys_is_read_in_time(tmp_path, cli):
    """Each metadata key was looked for in the whole text, and its line counted from the top: 40,000 keys
    took 12 s, 100,000 over a minute. Ours are placed still; the others beyond the first 200 are not."""
    metadata = {f"k{i}": i for i in range(100_000)}
    metadata["original_url"] = GR_URL
    path = tmp_path / "many.json"
    path.write_text(json.dumps({"metadata": metadata, "body": "Text."}, indent=1), encoding="utf-8")
    start = cpu_seconds()
    run = cli("check", str(path), "--no-config", "--format", "json")
    assert cpu_seconds() - start < 30  # a hang guard, not a benchmark: about 2 s here
    assert run.code == 1 and run.json()["results"][0]["policy"] == "global-research"
    from reprint_guard.readers import read_file

    text = path.read_text(encoding="utf-8")
    assert read_file(path).meta_place("original_url")[0] == text[: text.index('"original_url"')].count("\n") + 1


@pytest.mark.parametrize(
    ("author", "said"),
    [
        ("Mara " * 400_000, "metadata 'author': String should have at most 10000 characters"),
        (["Ann " * 100, "Bo Li"], "metadata 'author.0': String should have at most 300 characters"),
    ],
)
def test_a_name_of_megabytes_is_refused_not_built_into_a_pattern(tmp_path, cli, author, said):
    """A 2 MB author name took RE2 seconds to build into a pattern (with pages of its internal log on standard
    error) and was echoed whole into every finding: 12.8 s and 4 MB of output for one file."""
    path = tmp_path / "long.json"
    path.write_text(json.dumps({"metadata": {"original_url": GR_URL, "author": author}, "body": "Text."}))
    start = cpu_seconds()
    run = cli("check", str(path), "--no-config")
    assert cpu_seconds() - start < 30  # a hang guard, not a benchmark
    assert run.code == 2 and said in run.out and len(run.out) < 1000 and run.err == "", run.out[:300]


@pytest.mark.parametrize("key", ["include", "exclude"])
def test_a_glob_of_tens_of_thousands_of_characters_is_refused_at_its_place(tmp_path, cli, key):
    """The glob engine's translation grows with the square of a glob's length: 20,000 characters in a config
    took 21 s, 40,000 over a minute, before a file was checked."""
    (tmp_path / ".reprint-guard.yaml").write_text(f'{key}: ["{"[" * 40_000}"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    start = cpu_seconds()
    run = cli("check", "a.md", cwd=tmp_path)
    assert cpu_seconds() - start < 30  # a hang guard, not a benchmark
    assert run.code == 2 and f".reprint-guard.yaml:1:{len(key) + 4}: {key}.0: a glob of 40,000 characters" in run.err


@pytest.mark.parametrize(
    ("key", "said"),
    [
        ("2025-01-01", "metadata key 2025-01-01: a key must be text, and an unquoted 2025-01-01 is a date"),
        ("~", "metadata key ~: a key must be text, and an unquoted ~ is null"),
        ("true", "metadata key true: a key must be text, and an unquoted true is true or false"),
    ],
)
def test_a_front_matter_key_that_is_no_text_is_told_as_written(tmp_path, cli, key, said):
    """``2025-01-01: x`` was told as "metadata 'datetime.date(2025, 1, 1)': Keys should be strings"."""
    path = tmp_path / "k.md"
    path.write_text(f"---\noriginal_url: {GR_URL}\n{key}: x\n---\nText.\n", encoding="utf-8")
    run = cli("check", str(path), "--no-config")
    assert run.code == 2 and said in run.out and "datetime" not in run.out, run.out


def test_a_raw_control_character_in_json_is_named():
    """'invalid JSON: Invalid control character at' ended where Python's message puts the place."""
    from reprint_guard import check_text

    with pytest.raises(InputError, match=r"invalid JSON: Invalid control character '\\t' \(a raw line break or tab"):
        check_text('{"metadata": {}, "body": "a\tb"}', format="json")


def test_a_trailing_comma_and_a_raw_nul_in_json_are_told_as_such():
    """A trailing comma was told at the bracket after it as "Expecting property name enclosed in double quotes"
    (Python's words for a missing key); a raw NUL as "a raw line break or tab inside a string"."""
    from reprint_guard import check_text

    with pytest.raises(InputError) as caught:
        check_text('{"metadata": {"original_url": "https://grist.org/a/"},\n "body": "x",\n}\n', format="json")
    said = "invalid JSON: a trailing comma before the closing '}': JSON allows none (remove it)"
    assert caught.value.message == said and (caught.value.line, caught.value.column) == (2, 13)
    with pytest.raises(InputError, match=r"\[1:12\]|:1:12: invalid JSON: a trailing comma before the closing '\]'"):
        check_text('{"body": [1,]}', format="json", path="x.json")
    with pytest.raises(InputError, match=r"a NUL byte inside a string \(binary data\?\): write it escaped"):
        check_text('{"metadata": {}, "body": "a\x00b"}', format="json")


def test_load_policy_of_no_id_is_the_callers_mistake():
    """``load_policy(None)`` said "unknown policy 'None'", a PolicyError, as if a policy were missing."""
    from reprint_guard import UsageError, load_policy

    with pytest.raises(UsageError, match="needs a policy id or a file path, not NoneType"):
        load_policy(None)  # type: ignore[arg-type]


def test_a_truncated_envelope_is_told_without_a_dangling_at():
    """ "Unterminated string starting at" ended where Python's message puts the place (told apart here)."""
    from reprint_guard import check_text

    with pytest.raises(InputError, match=r"invalid JSON: a string that starts here is never closed$"):
        check_text('{"metadata": {}, "body": "tru', format="json")


def test_telling_the_format_of_a_long_unclosed_tag_is_linear():
    """'<' and 60,000 letters on standard input took 11 s to tell apart from HTML (a regex trying every split
    of the letters between a tag's name and its attributes); 5 MB would not have finished."""
    from reprint_guard.runner import stdin_kind

    start = cpu_seconds()
    assert stdin_kind(b"<" + b"a" * 2_000_000) == "markdown"
    assert cpu_seconds() - start < 2.0
    assert stdin_kind(b'<custom-element data-x="1">\n\n<p>text</p>\n') == "html"


def test_a_policy_of_thousands_of_rules_is_refused_at_its_rules(tmp_path, cli):
    """4,500 text rules fit in the size limit, and made every check of a reprint take 4 s."""
    rules = "".join(f"  - {{id: r{i}, check: text, phrase: w{i}, message: m}}\n" for i in range(201))
    policy = tmp_path / "big.yaml"
    policy.write_text(
        "id: big\nname: B\npublisher: B\nsource_url: https://b.example\napplies_to: [b.example]\nrules:\n" + rules,
        encoding="utf-8",
    )
    run = cli("validate", str(policy))
    assert run.code == 1 and run.out == f"{policy}:6:1: a policy may have at most 200 rules; this one has 201\n"
    page = tmp_path / "a.md"
    page.write_text("---\noriginal_url: https://b.example/a\n---\nText.\n", encoding="utf-8")
    run = cli("check", str(page), "--policy", str(policy))
    assert run.code == 2 and "a policy may have at most 200 rules" in run.err and "Traceback" not in run.err


@pytest.mark.parametrize(
    "hostile", ["<" * 1_000_000, '<a title="' + "x" * 1_000_000, "<script>" + "a" * 1_000_000, '<<"' * 300_000]
)
def test_finding_a_credit_to_link_in_html_reads_the_page_once(hostile):
    """--fix looks for the publisher's unlinked name between an HTML page's tags: a regex version of that
    search took minutes on a page of stray '<'."""
    from reprint_guard.fix import _unlinked_html

    start = cpu_seconds()
    assert _unlinked_html(hostile + " Source: Global Research", ["Global Research"]) is not None
    assert cpu_seconds() - start < 3.0


@pytest.mark.parametrize(
    "page",
    ["<main><div>" + "<h1>" * 100_000 + "</main>", "<article>" + "<footer>x" * 100_000 + "</article>"],
)
def test_fix_finds_where_a_credit_goes_in_a_hostile_page_in_linear_time(page):
    """Where --fix puts a credit under a title wrapped in a block, or above an article's own footer, is read
    by patterns that try each place once: a page of 100,000 title or footer tags took minutes with one that
    tried every title tag in turn."""
    from reprint_guard.fix import _CLOSING_FOOTER, _WRAPPED_TITLE

    start = cpu_seconds()
    _WRAPPED_TITLE.match(page, page.index(">") + 1)
    _CLOSING_FOOTER.search(page, 0, page.rindex("</"))
    assert cpu_seconds() - start < 2.0


def test_a_paragraph_of_many_licence_links_is_read_once_not_once_a_link(tmp_path, cli):
    """Each licence link of another licence read its whole paragraph again: 40,000 of them in one paragraph
    of a KFF Health News reprint (2.3 MB) took minutes."""
    url = "https://kffhealthnews.org/news/article/x/"
    links = " ".join(["republished under [CC BY-ND 4.0](https://creativecommons.org/licenses/by-nd/4.0/)"] * 40_000)
    page = tmp_path / "a.md"
    page.write_text(
        f"---\nauthor: A B\noriginal_url: {url}\nlicense: CC-BY-NC-ND-4.0\ncommercial: false\n---\n\n{links}\n",
        encoding="utf-8",
    )
    start = cpu_seconds()
    run = cli("check", str(page), "--no-config")
    assert run.code == 1 and cpu_seconds() - start < 30, run.out[-500:]


def test_thousands_of_photo_credits_are_read_in_one_pass(tmp_path, cli):
    """Thousands of photo credits saying "All rights reserved" (in [caption]s and in paragraphs of their own
    under bylines), then the footer's: each match was compared with every exception, and each block with every
    other (minutes); read in one pass, the footer's is told at its line, well within the run's time limit."""
    captions = '[caption id="a"]<img src="https://p.example/a.jpg"> Photo: X. All rights reserved.[/caption]\n'
    paragraphs = "<p>By Ann Lee</p><p>Photo: X. All rights reserved.</p>\n"
    page = tmp_path / "a.html"
    page.write_text(captions * 15000 + paragraphs * 15000 + "<p>All rights reserved.</p>\n", encoding="utf-8")
    (tmp_path / "a.meta.yaml").write_text(
        "original_url: https://n.example/x\nlicense: CC-BY-4.0\nauthor: Ann Lee\ncommercial: false\n", encoding="utf-8"
    )
    run = cli("check", str(page), "--format", "json")
    found = {f["rule"]: f["line"] for f in run.json()["results"][0]["findings"]}
    assert found["cc-by-4.0/no-added-restrictions"] == 30001, found


def test_a_line_of_thousands_of_notices_is_read_in_one_pass(tmp_path, cli):
    """ "Bob © 2025 " over and over (2 MB on one line): each mark's byte offset was counted from the start of
    the block again, and the check took two minutes."""
    page = tmp_path / "a.md"
    page.write_text(
        f"---\nauthor: Ana M. Ruiz\noriginal_url: https://www.globalresearch.ca/x/5882104\ncommercial: false\n---\n\n"
        f"Text.\n\n{'Bob © 2025 ' * 190_000}\n",
        encoding="utf-8",
    )
    start = cpu_seconds()
    run = cli("check", str(page), "--no-config")
    assert run.code == 1 and cpu_seconds() - start < 30, run.out[-500:]


def test_closed_toggle_cards_nested_in_each_other_are_read_in_linear_time():
    """Each closed Ghost toggle card's content was looked for in its whole subtree: 200 cards nested around
    20,000 content elements took 58 s and 640 MB; a card's content is its own child."""
    from reprint_guard import check

    page = (
        '<html><head><link rel="canonical" href="https://grist.org/climate/heat-wave/"></head><body><article>'
        + '<div data-kg-toggle-state="close">' * 200
        + '<p class="kg-toggle-content">c</p>' * 20_000
        + "</div>" * 200
        + "<p>This story was originally published by Grist.</p></article></body></html>"
    )
    start = cpu_seconds()
    check(page, {"author": "Ana Ruiz"}, format="html")
    assert cpu_seconds() - start < 10.0


@pytest.mark.parametrize("depth", [40, 500, 1200])
def test_deep_yaml_is_told_alike_however_deep(tmp_path, cli, depth):
    """Past libyaml's own limit (about 1,000 brackets) the error read "invalid YAML: nested deeper than 32
    levels" at the thousandth bracket; under it, "YAML nested deeper than 32 levels" at the 33rd level."""
    policy = tmp_path / "deep.yaml"
    policy.write_text(HEAD.replace("rules:\n", "rules: ") + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    run = cli("validate", str(policy))
    assert run.out == f"{policy}:5:39: YAML nested deeper than 32 levels\n", run.out


def test_thousands_of_unclosed_liquid_comments_are_read_in_linear_time():
    """Each ``{% comment %}`` never closed sent a lazy regex to the end of the page: 12,500 of them (200 KB)
    took 24 s. An opening tag is closed by the first closing tag after it, and a closed one still hides."""
    from reprint_guard import check_text

    meta = {**COMPLIANT_META, "original_url": GR_URL}
    hidden = "{% comment %}Source: Global Research{% endcomment %}\n\n"  # a comment closed: never on the page
    start = cpu_seconds()
    result = check_text(markdown(meta, hidden + COMPLIANT_BODY + "\n" + "{% comment %} x\n" * 12_500))
    assert cpu_seconds() - start < 5
    assert result.findings == check_text(markdown(meta, hidden + COMPLIANT_BODY)).findings


def test_thousands_of_sibling_articles_are_told_apart_from_asides_in_linear_time():
    """Each ``<article>`` of a page looked back over the whole source for an ``<aside>`` or a ``<nav>`` it
    might stand in: 20,000 related stories' cards (and no menu) took seconds; the tags are found once."""
    from reprint_guard.reprint import article_element

    card = '<aside class="related"><article><p>Another story</p></article></aside>\n'
    page = f"<html><body>{card * 20_000}<article><p>The story.</p></article></body></html>"
    start = cpu_seconds()
    found = article_element(page)
    assert cpu_seconds() - start < 2
    assert found is not None and page[found[0] : found[1]] == "<p>The story.</p>"


def test_a_line_of_thousands_of_photo_credits_reserving_rights_is_read_in_linear_time(tmp_path):
    """Every copy of "All rights reserved" in a line was compared with every photo credit holding one:
    22,000 credits on one line (800 KB) took 10 s. Each copy is held by its credit, so nothing is found."""
    meta = {
        "title": "T",
        "author": "Ana Ruiz",
        "copyright_holder": "Ana Ruiz",
        "source": "Riverbend Ledger",
        "original_url": "https://riverbend.example/a/1",
        "license": "CC-BY-NC-SA-4.0",
        "commercial": False,
    }
    page = tmp_path / "photos.md"
    page.write_text(markdown(meta, "Photo: Reuters. All rights reserved. " * 22_000), encoding="utf-8")
    start = cpu_seconds()
    findings = check_file(page).findings
    assert cpu_seconds() - start < 5
    one = tmp_path / "one.md"
    one.write_text(markdown(meta, "Photo: Reuters. All rights reserved."), encoding="utf-8")
    assert [(f.rule, f.line) for f in findings] == [(f.rule, f.line) for f in check_file(one).findings]
    assert "cc-by-nc-sa-4.0/no-added-restrictions" not in {f.rule for f in findings}


@pytest.mark.parametrize(
    "text",
    [
        '{"metadata": {"original_url": "https://www.globalresearch.ca/a/1"}, "body": "' + 'x\\"' * 20_000,
        '{"a": "' + '\\"{' * 20_000,
    ],
    ids=["envelope-left-open", "not-an-envelope"],
)
def test_broken_json_with_many_escaped_quotes_is_told_in_linear_time(text):
    """Finding a broken file's top-level keys read the rest of a line again from each escaped quote of a
    string left open: 60 KB took 16 s. The error is the same, at once (a hang guard, not a benchmark:
    about 0.02 s here)."""
    start = cpu_seconds()
    with pytest.raises(ReprintGuardError) as raised:
        check_text(text, format="json")
    assert cpu_seconds() - start < 3
    assert "a string that starts here is never closed" in str(raised.value), str(raised.value)
