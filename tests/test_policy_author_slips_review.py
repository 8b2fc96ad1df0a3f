"""A new policy author's review (2026-12-07): each slip they met, through the real CLI.

An unclosed quote told where it opens, an amended placement told to move the credit rather than add one, a
required wording's fix, a flag's fix saying "true or false", a closed output pipe, the site blamed only where
there is one, a second policy's file named as given, a duplicate rule id's first, a parameter of another check.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HEAD = (
    "id: lantern\nname: Lantern terms\npublisher: Lantern Ledger\nsource_url: https://lantern.example/terms\n"
    "applies_to: [lantern.example]\n"
)
URL = "https://lantern.example/2026/11/ferry"


def _page(tmp_path: Path, body: str, extra: str = "", name: str = "a.md") -> Path:
    page = tmp_path / name
    page.write_text(
        f"---\ntitle: Ferry\nauthor: Dana Okafor\noriginal_url: {URL}\ncommercial: false\n{extra}---\n\n{body}\n",
        encoding="utf-8",
    )
    return page


def _findings(cli, policy: Path, page: Path) -> list[dict]:
    """The findings of ``page`` checked against the policy file alone, as the CLI's JSON gives them."""
    run = cli("check", "--no-config", "--rules-dir", str(policy), "--format", "json", str(page))
    return run.json()["results"][0]["findings"]


def test_an_unclosed_quote_is_told_where_it_opens(tmp_path, cli):
    policy = tmp_path / "p.yaml"
    policy.write_text(
        HEAD + "rules:\n"
        "  - id: photos\n    check: media\n    mode: forbid\n"
        "    message: 'Photos may not run\n"  # line 10: the quote never closes here
        "  - id: cut\n    check: text\n"
        "    pattern: '\\bcut for length\\b'\n"  # line 13: the next quote closes it, and the rest is no key
        "    message: Say it was cut\n",
        encoding="utf-8",
    )
    run = cli("validate", str(policy))
    assert run.code == 1, run.out + run.err
    said = (run.out + run.err).strip().splitlines()
    assert len(said) == 1 and said[0].startswith(f"{policy}:10:14: invalid YAML: the quoted value that starts here"), (
        said
    )
    assert "runs on to the next ', 3 lines below," in said[0] and "close it on this line" in said[0], said
    # A quote that is closed, with text after it on its own line, is still told at that line, as before.
    policy.write_text(HEAD + "rules:\n  - id: a\n    check: text\n    phrase: x\n    message: 'It's here'\n")
    run = cli("validate", str(policy))
    assert (
        f"{policy}:10:18: invalid YAML: did not find expected key (the quoted value ends at its closing '"
        in run.out + run.err
    )


def test_an_amended_position_moves_the_link_instead_of_adding_one(tmp_path, cli):
    policy = tmp_path / "p.yaml"
    amended = HEAD + "extends: cc-by-nc-nd-4.0\nrules:\n  - id: link-original\n    position: top\n"
    policy.write_text(amended, encoding="utf-8")
    words = " ".join(["The county closed the old ferry landing this week after an inspection."] * 12)
    credit = f"By Dana Okafor. Originally published by [Lantern Ledger]({URL}) under CC BY-NC-ND 4.0."
    page = _page(
        tmp_path, f"{words}\n\n{credit}\n\n[CC BY-NC-ND 4.0](https://creativecommons.org/licenses/by-nc-nd/4.0/)"
    )
    found = [f for f in _findings(cli, policy, page) if f["rule"] == "lantern/link-original"]
    assert len(found) == 1 and "is there, but not at the top" in found[0]["message"], found
    assert found[0]["fix"] == "Move the link (the credit line that carries it) to the top of the article.", found
    # Missing altogether, the inherited fix says how to add it; an amendment that gives its own fix keeps it.
    bare = _page(tmp_path, words, name="b.md")
    found = [f for f in _findings(cli, policy, bare) if f["rule"] == "lantern/link-original"]
    assert len(found) == 1 and found[0]["fix"].startswith("Link to the original"), found
    policy.write_text(amended + "    fix: Put the link on the first line.\n", encoding="utf-8")
    found = [f for f in _findings(cli, policy, page) if f["rule"] == "lantern/link-original"]
    assert found[0]["fix"] == "Put the link on the first line.", found


def test_a_required_wording_without_a_fix_says_what_to_add(tmp_path, cli):
    policy = tmp_path / "p.yaml"
    policy.write_text(
        HEAD + "rules:\n"
        "  - id: phrase\n    check: text\n    mode: require\n    phrase: Republished  with permission\n"
        "    message: Say it is republished with permission\n"
        "  - id: short\n    check: text\n    mode: require\n    pattern: '\\b(cut|trimmed) for length\\b'\n"
        "    message: Say it was cut\n"
        "  - id: long\n    check: text\n    mode: require\n"
        "    pattern: '\\b(shortened|cut|trimmed|condensed|edited|abridged) for (length|space|brevity)\\b'\n"
        "    message: Say it was shortened\n",
        encoding="utf-8",
    )
    page = _page(tmp_path, "By Dana Okafor. A story about a ferry.")
    fixes = {f["rule"]: f.get("fix") for f in _findings(cli, policy, page)}
    assert fixes["lantern/phrase"] == 'Add "Republished with permission" to the article.', fixes
    assert fixes["lantern/short"] == (
        "Add wording that the pattern /\\b(cut|trimmed) for length\\b/ matches to the article "
        "(reprint-guard explain lantern/short)."
    ), fixes
    assert fixes["lantern/long"] == (
        "Add the wording this rule asks for to the article (reprint-guard explain lantern/long shows its pattern)."
    ), fixes


def test_a_missing_flag_or_date_is_asked_for_as_what_it_holds(tmp_path, cli):
    policy = tmp_path / "p.yaml"
    policy.write_text(
        HEAD + "rules:\n"
        "  - id: cut\n    check: text\n    phrase: cut for length\n    when: {field: excerpt, is: true}\n"
        "    message: Say it was cut\n"
        "  - id: wait\n    check: text\n    phrase: waited\n    when: {field: original_published, is: '2026-11-01'}\n"
        "    message: Say so\n"
        "  - id: named\n    check: text\n    phrase: named\n    when: {field: source, is: Lantern}\n"
        "    message: Say so\n",
        encoding="utf-8",
    )
    page = _page(tmp_path, "By Dana Okafor. A story.")
    fixes = {f["field"]: f["fix"] for f in _findings(cli, policy, page) if f["rule"].endswith("missing-metadata")}
    assert fixes["excerpt"] == "Add 'excerpt: ...' (true or false) to the metadata, or set a default for it.", fixes
    assert fixes["source"] == "Add 'source: ...' (a value) to the metadata, or set a default for it.", fixes
    assert fixes["original_published"] == (
        "Add 'original_published: ...' (a date, YYYY-MM-DD) to the metadata, or set a default for it."
    ), fixes


def test_a_closed_output_pipe_exits_as_sigpipe_does_silently(tmp_path):
    page = _page(tmp_path, "A story with no credit at all.")
    for form in ("text", "json", "sarif", "github"):
        proc = subprocess.Popen(
            [sys.executable, "-m", "reprint_guard", "check", "--no-config", "--format", form, str(page)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # the reader went away before a line was written (`| head -0`)
        err = proc.stderr.read()
        proc.stderr.close()
        assert (proc.wait(timeout=60), err) == (141, b""), form


def test_a_closed_output_pipe_still_writes_the_report_files(tmp_path):
    """`check --sarif FILE --format json -j 2 | head -1` in a CI step without pipefail: the SARIF upload after it
    found no file, the run having stopped at the first write to the gone reader."""
    pages = [_page(tmp_path, f"Story {n} with no credit at all.", name=f"p{n}.md") for n in range(6)]
    for form in ("text", "json"):
        sarif, report = tmp_path / f"{form}.sarif", tmp_path / f"{form}.json"
        read, write = os.pipe()
        os.close(read)  # the reader went away before the run started
        args = ["check", "--no-config", "-j", "2", "--format", form, "--sarif", str(sarif), "--json", str(report)]
        run = subprocess.run(
            [sys.executable, "-m", "reprint_guard", *args, *map(str, pages)],
            stdout=write,
            capture_output=False,
            stderr=subprocess.PIPE,
            timeout=120,
        )
        os.close(write)
        assert (run.returncode, run.stderr) == (141, b""), form
        assert len(json.loads(report.read_text(encoding="utf-8"))["results"]) == 6, form
        assert json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"], form


def test_a_bare_article_fragment_is_not_told_of_a_site_around_it(tmp_path, cli):
    policy = tmp_path / "p.yaml"
    policy.write_text(
        HEAD + "rules:\n  - id: top\n    check: attribution\n    names: [Originally published by Lantern Ledger]\n"
        "    position: top\n    message: Open with the credit\n",
        encoding="utf-8",
    )
    story = "".join(
        f"<p>Paragraph {n} of a story about the ferry landing and the county board.</p>\n" for n in range(9)
    )
    credit = f'<p>Originally published by <a href="{URL}">Lantern Ledger</a>.</p>'
    meta = f"title: Ferry\nauthor: Dana Okafor\noriginal_url: {URL}\n"
    (tmp_path / "bare.meta.yaml").write_text(meta, encoding="utf-8")
    (tmp_path / "bare.html").write_text(f"<article>\n{story}{credit}\n</article>\n", encoding="utf-8")
    (tmp_path / "site.meta.yaml").write_text(meta, encoding="utf-8")
    (tmp_path / "site.html").write_text(
        "<html><head><title>Site</title><style>p {}</style></head><body>\n<nav>Home | News | About</nav>\n"
        f"<article>\n{story}{credit}\n</article>\n</body></html>\n",
        encoding="utf-8",
    )
    message = _findings(cli, policy, tmp_path / "bare.html")[0]["message"]
    assert "is there, but not at the top" in message and "sidebar" not in message, message
    message = _findings(cli, policy, tmp_path / "site.html")[0]["message"]
    assert "a menu, header or sidebar of the site's before the <article> counts" in message, message


def test_validate_names_the_other_file_as_the_folder_was_given(tmp_path, cli):
    folder = tmp_path / "two"
    folder.mkdir()
    rule = "rules:\n  - id: a\n    check: text\n    phrase: x\n    message: m\n"
    for name in ("a.yaml", "b.yaml"):
        (folder / name).write_text(HEAD + rule, encoding="utf-8")
    run = cli("validate", "two", cwd=tmp_path)
    assert run.code == 1
    lines = (run.out + run.err).strip().splitlines()
    assert any(line.startswith("two/a.yaml:1:1:") and "is also the id of two/b.yaml;" in line for line in lines), lines


def test_a_duplicate_rule_id_names_the_first_and_a_wrong_check_type_is_told(tmp_path, cli):
    policy = tmp_path / "p.yaml"
    rule = "  - id: a\n    check: text\n    phrase: x\n    message: m\n"
    policy.write_text(HEAD + "rules:\n" + rule + rule, encoding="utf-8")
    page = _page(tmp_path, "By Dana Okafor.")
    for args in (["validate", str(policy)], ["check", "--no-config", "--rules-dir", str(policy), str(page)]):
        run = cli(*args)
        said = (run.out + run.err).strip().splitlines()
        assert run.code in (1, 2) and any(
            f"{policy}:11:5: duplicate rule id 'a' (first at 7:5)" in line for line in said
        ), said
    policy.write_text(
        HEAD + "rules:\n  - id: wait\n    check: text\n    after_hours: 24\n    message: Wait a day\n", encoding="utf-8"
    )
    run = cli("validate", str(policy))
    assert run.code == 1
    assert "'after_hours' is a parameter of timing rules, not of text rules (which take captions, mode, pattern" in (
        run.out + run.err
    )
    assert "is the check type meant to be 'timing'?" in run.out + run.err
