"""Every bundled policy's fixtures pass, and every rule has a fixture that violates exactly that rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from reprint_guard import load_policy
from reprint_guard.policy.loader import bundled_rules_dir, policy_files, read_policy_file
from reprint_guard.testing.harness import fixtures, render, run_fixture

FIXTURES = ROOT / "tests" / "policies"
POLICY_IDS = [read_policy_file(p, validate=False).data["id"] for p in policy_files(bundled_rules_dir())]
ALL = sorted(fixtures([str(FIXTURES)]))


@pytest.mark.parametrize("path", ALL, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture(path: Path):
    outcome = run_fixture(path)
    assert outcome.ok, render(outcome)


@pytest.mark.parametrize("policy_id", POLICY_IDS)
def test_every_rule_has_a_fixture(policy_id: str):
    folder = FIXTURES / policy_id
    assert folder.is_dir(), f"no fixtures for {policy_id} in {folder}"
    outcomes = [run_fixture(path) for path in fixtures([str(folder)])]
    assert any(o.ok and not o.matched for o in outcomes), f"{policy_id}: no compliant fixture"
    policy = load_policy(policy_id)
    alone = {o.matched[0].rule for o in outcomes if o.ok and len(o.matched) == 1}
    wanted = {f"{policy_id}/{rule.id}" for rule in policy.rules}
    assert wanted <= alone, f"{policy_id}: rules without a fixture violating only them: {sorted(wanted - alone)}"


def test_harness_reports_a_diff_and_fails(tmp_path, cli):
    folder = tmp_path / "global-research"
    folder.mkdir()
    source = (FIXTURES / "global-research" / "link-original.md").read_text(encoding="utf-8")
    (folder / "wrong.md").write_text(
        source.replace("global-research/link-original@15", "global-research/source-credit"), encoding="utf-8"
    )
    run = cli("test", str(tmp_path))
    assert run.code == 1
    assert "FAIL " in run.out and "wrong.md" in run.out
    assert "  - expected global-research/source-credit: not reported" in run.out
    assert "  + unexpected global-research/link-original@15:" in run.out
    assert run.out.splitlines()[-1] == "0 passed, 1 failed"
    (folder / "wrong.md").write_text(source.replace("expect:", "expected:"), encoding="utf-8")
    assert "a fixture's key is 'expect', not 'expected': write 'expect: [...]'" in cli("test", str(tmp_path)).out
    (folder / "wrong.md").write_text(source.replace("expect:", "wanted:"), encoding="utf-8")
    assert "needs 'expect: [...]'" in cli("test", str(tmp_path)).out
    moved = source.replace("global-research/link-original@15", "global-research/link-original@3")
    (folder / "wrong.md").write_text(moved, encoding="utf-8")
    run = cli("test", str(tmp_path))
    assert "~ expected global-research/link-original@3: reported at 15:" in run.out  # one line, not two
    assert "+ unexpected global-research/link-original" not in run.out
    misspelt = source.replace("global-research/link-original@15", "global-research/link-orignal")
    (folder / "wrong.md").write_text(misspelt, encoding="utf-8")
    run = cli("test", str(tmp_path))  # a fixture that cannot be run is an error (2), not a failure (1)
    assert run.code == 2 and "expect names 'global-research/link-orignal', which is no rule of policy" in run.out
    assert "did you mean 'global-research/link-original'?" in run.out
    assert run.out.splitlines()[-1] == "0 passed, 0 failed, 1 could not be run"
    for meant in ("link-original", "cc-by-4.0/link-original"):  # without its policy, or an ancestor's id
        (folder / "wrong.md").write_text(source.replace("global-research/link-original@15", meant), encoding="utf-8")
        run = cli("test", str(tmp_path))
        assert f"expect names '{meant}', which is no rule of policy 'global-research'" in run.out
        assert "did you mean 'global-research/link-original'?" in run.out
    # A position as test prints it, line and column, is taken as written (the column is checked too).
    column = source.replace("global-research/link-original@15", "global-research/link-original@15:59")
    (folder / "wrong.md").write_text(column, encoding="utf-8")
    run = cli("test", str(tmp_path))
    assert run.code == 0 and run.out.splitlines()[-1] == "1 passed, 0 failed", run.out
    (folder / "wrong.md").write_text(column.replace("@15:59", "@15:9"), encoding="utf-8")
    run = cli("test", str(tmp_path))
    assert run.code == 1 and "~ expected global-research/link-original@15:9: reported at 15:59 instead: " in run.out
    expect_line = 1 + source.splitlines().index(next(x for x in source.splitlines() if x.startswith("expect:")))
    for odd in ("@line15", "@", "@15x", "@0", "@15:0", "@15:x"):
        (folder / "wrong.md").write_text(source.replace("@15", odd), encoding="utf-8")
        run = cli("test", str(tmp_path))
        what = "no column" if odd.startswith("@15:") else "no line"  # the line is fine: the column is not
        assert (
            run.code == 2
            and f"wrong.md:{expect_line}:1: 'expect': 'global-research/link-original{odd}' names {what}" in run.out
        ), run.out
    # With a space after its colon, YAML reads a column as a key and its value: said so, not "names no line".
    (folder / "wrong.md").write_text(source.replace("@15", "@15: 59"), encoding="utf-8")
    run = cli("test", str(tmp_path))
    assert (
        run.code == 2
        and (
            f"wrong.md:{expect_line}:1: 'expect': YAML reads 'global-research/link-original@15: 59' as a key and a "
            "value: write 'global-research/link-original@15:59' (a line after '@', a column after ':' with no "
            "space), or quote the entry"
        )
        in run.out
    )
    (folder / "wrong.md").write_text(source.replace("@15", ": 15"), encoding="utf-8")  # a line, without "@"
    assert "write 'global-research/link-original@15'" in cli("test", str(tmp_path)).out
    # An HTML fixture's expectations are in its sidecar: the misspelling is told at the sidecar's line.
    pages = tmp_path / "propublica"
    pages.mkdir()
    page = FIXTURES / "propublica" / "pixel-ping-hidden"
    (pages / "p.html").write_text(page.with_suffix(".html").read_text(encoding="utf-8"), encoding="utf-8")
    sidecar = page.with_suffix(".meta.yaml").read_text(encoding="utf-8").replace("pixel-ping@", "pixel-pong@")
    (pages / "p.meta.yaml").write_text(sidecar, encoding="utf-8")
    line = 1 + sidecar.splitlines().index(next(x for x in sidecar.splitlines() if x.startswith("expect:")))
    run = cli("test", str(pages))
    assert f"p.meta.yaml:{line}:1: expect names 'propublica/pixel-pong'" in run.out


def test_harness_says_where_an_unknown_policy_of_ones_own_is_looked_for(tmp_path, cli):
    folder = tmp_path / "harbor-ledger"
    folder.mkdir()
    (folder / "compliant.md").write_text("---\noriginal_url: https://h.example/a\nexpect: []\n---\nText.\n")
    run = cli("test", str(tmp_path))
    assert run.code == 2
    assert "unknown policy 'harbor-ledger': a policy of your own is found with --rules-dir DIR" in run.out
    assert "known policies" not in run.out  # not all 17 bundled ids for each fixture


def test_harness_notes_the_rules_no_passing_fixture_tries(tmp_path, cli):
    folder = tmp_path / "global-research"
    folder.mkdir()
    for name in ("compliant.md", "commercial-permission.md"):
        (folder / name).write_text((FIXTURES / "global-research" / name).read_text(encoding="utf-8"))
    run = cli("test", str(tmp_path))
    assert run.code == 0
    assert run.out.splitlines() == [
        "note: global-research: no passing fixture violates only source-credit, copyright-notice, link-original, "
        "print-permission",
        "2 passed, 0 failed",
    ]
    (folder / "compliant.md").unlink()
    assert "note: global-research: no passing compliant fixture (expect: [])" in cli("test", str(tmp_path)).out
    # A fixture may name its policy by file: the note reads that policy's rules, not a lookup by id.
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "id: mine\nname: M\npublisher: M\nsource_url: https://m.example/terms\nrules:\n"
        "  - {id: credit, check: attribution, names: [Mine], message: Credit Mine}\n",
        encoding="utf-8",
    )
    own = tmp_path / "own"
    own.mkdir()
    (own / "a.md").write_text(f"---\npolicy: {mine}\noriginal_url: https://m.example/a\nexpect: []\n---\nMine.\n")
    run = cli("test", str(own))
    assert run.code == 0 and run.out.splitlines() == [
        "note: mine: no passing fixture violates only credit",
        "1 passed, 0 failed",
    ]


def test_the_coverage_note_counts_inherited_rules_instead_of_listing_them(tmp_path, cli):
    """A policy of one's own extending a licence was told "no passing fixture violates only" every one of its
    dozen inherited rules, which the licence's own fixtures try: they are counted, its own rules listed."""
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "choir.yaml").write_text(
        "id: choir\nname: C\npublisher: C\nsource_url: https://c.example/terms\nextends: cc-by-nc-nd-4.0\n"
        "rules:\n  - {id: harmony, check: text, phrase: harmony, message: Keep the harmony}\n"
        "  - {id: choir, check: text, phrase: choir, message: Name the choir}\n",
        encoding="utf-8",
    )
    fixtures = tmp_path / "fixtures"
    fixtures.mkdir()
    text = (FIXTURES / "cc-by-nc-nd-4.0" / "compliant.md").read_text(encoding="utf-8")
    (fixtures / "compliant.md").write_text(text.replace("expect: []", "policy: choir\nexpect: []"), encoding="utf-8")
    run = cli("test", str(fixtures), "--rules-dir", str(rules))
    inherited = len(load_policy("cc-by-nc-nd-4.0").rules)
    assert run.code == 0 and run.out.splitlines() == [
        f"note: choir: no passing fixture violates only harmony, choir (nor {inherited} rules inherited from "
        "cc-by-nc-nd-4.0)",
        "1 passed, 0 failed",
    ], run.out
    # Each of its own rules broken alone by a fixture: the inherited ones are the licence's fixtures' to try.
    for rule in ("harmony", "choir"):  # each rule asks for its word: the prose without it (addresses kept)
        head, _, body = text.replace("expect: []", f"policy: choir\nexpect: [choir/{rule}]").partition("\n---\n")
        lines = body.splitlines(keepends=True)
        without = [re.sub(rule, "group", line, flags=re.IGNORECASE) if "http" not in line else line for line in lines]
        (fixtures / f"{rule}.md").write_text(head + "\n---\n" + "".join(without), encoding="utf-8")
    run = cli("test", str(fixtures), "--rules-dir", str(rules))
    assert run.code == 0 and run.out.splitlines() == ["3 passed, 0 failed"], run.out


def test_harness_passes_on_bundled_fixtures(cli):
    run = cli("test", str(FIXTURES))
    assert run.code == 0, run.out
    assert run.out.strip().endswith(f"{len(ALL)} passed, 0 failed")


def test_a_position_in_a_fixtures_sidecar_is_shown_with_the_sidecars_name(tmp_path, cli):
    """An HTML fixture's finding about a value its sidecar sets stands in the sidecar: "reported at 3:1
    instead" read as a line of the page."""
    folder = tmp_path / "global-research"
    folder.mkdir()
    (folder / "a.html").write_text(
        "<p>Text.</p>\n<p>The original source of this article is "
        '<a href="https://www.globalresearch.ca/harbour/5800001">Global Research</a>.</p>\n'
        "<p>Copyright © Ana Ruiz, Global Research, 2024</p>\n",
        encoding="utf-8",
    )
    (folder / "a.meta.yaml").write_text(
        "original_url: https://www.globalresearch.ca/harbour/5800001\nauthor: Ana Ruiz\ncommercial: true\n"
        "expect: [global-research/commercial-permission@2]\n",
        encoding="utf-8",
    )
    run = cli("test", str(tmp_path))
    assert run.code == 1
    assert "~ expected global-research/commercial-permission@2: reported at 3:1 in a.meta.yaml instead" in run.out
