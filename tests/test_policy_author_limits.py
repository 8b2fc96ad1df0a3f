"""The four limits a policy author's review left (2026-12-07), each through the real CLI.

A placement amended two policies up the chain still moves the credit rather than adding one; a copied fix
that writes a credit the policy's own rules refuse is told by ``validate``; ``explain``'s example for a required
wording comes from its pattern or fix, or says none can be given; ``test`` without a fixtures folder says
what it looked for.
"""

from __future__ import annotations

import os
from pathlib import Path

URL = "https://lantern.example/2026/11/ferry"
WORDS = " ".join(["The county closed the old ferry landing this week after an inspection."] * 12)


def _head(policy_id: str, extends: str | None = None) -> str:
    return (
        f"id: {policy_id}\nname: {policy_id} terms\npublisher: Lantern Ledger\n"
        "source_url: https://lantern.example/terms\n" + (f"extends: {extends}\n" if extends else "")
    )


def _page(tmp_path: Path, body: str, name: str = "a.md") -> Path:
    page = tmp_path / name
    page.write_text(
        f"---\ntitle: Ferry\nauthor: Dana Okafor\noriginal_url: {URL}\ncommercial: false\n---\n\n{body}\n",
        encoding="utf-8",
    )
    return page


def _findings(cli, folder: Path, policy_id: str, page: Path) -> list[dict]:
    run = cli("check", "--no-config", "--rules-dir", str(folder), "--policy", policy_id, "--format", "json", str(page))
    assert run.code in (0, 1), run.out + run.err
    return run.json()["results"][0]["findings"]


def test_a_position_amended_further_up_the_chain_still_moves_the_link(tmp_path, cli):
    folder = tmp_path / "policies"
    folder.mkdir()
    (folder / "a.yaml").write_text(
        _head("lantern-a") + "applies_to: [lantern.example]\nrules:\n"
        "  - id: link-original\n    check: link\n    target: original\n"
        "    message: The reprint does not link to the original\n"
        "    fix: Add a link to the original at {original_url}.\n",
        encoding="utf-8",
    )
    (folder / "b.yaml").write_text(
        _head("lantern-b", "lantern-a") + "rules:\n  - id: link-original\n    position: top\n", encoding="utf-8"
    )
    (folder / "c.yaml").write_text(
        _head("lantern-c", "lantern-b") + "rules:\n  - id: link-original\n    severity: warning\n", encoding="utf-8"
    )
    page = _page(tmp_path, f"{WORDS}\n\nOriginally published by [Lantern Ledger]({URL}).")
    move = "Move the link (the credit line that carries it) to the top of the article."
    for policy_id in ("lantern-b", "lantern-c"):
        found = [f for f in _findings(cli, folder, policy_id, page) if f["rule"] == f"{policy_id}/link-original"]
        assert len(found) == 1 and "not at the top" in found[0]["message"], (policy_id, found)
        assert found[0]["fix"] == move, (policy_id, found)
    # Missing altogether, C still gets A's fix for adding one.
    bare = _page(tmp_path, WORDS, name="b.md")
    found = [f for f in _findings(cli, folder, "lantern-c", bare) if f["rule"] == "lantern-c/link-original"]
    assert found and found[0]["fix"] == f"Add a link to the original at {URL}.", found
    # A fix written after the position (by B, or by C) is that policy's own word for it, kept.
    (folder / "c.yaml").write_text(
        _head("lantern-c", "lantern-b") + "rules:\n  - id: link-original\n    fix: Link the first line.\n",
        encoding="utf-8",
    )
    found = [f for f in _findings(cli, folder, "lantern-c", page) if f["rule"] == "lantern-c/link-original"]
    assert found[0]["fix"] == "Link the first line.", found
    (folder / "b.yaml").write_text(
        _head("lantern-b", "lantern-a")
        + "rules:\n  - id: link-original\n    position: top\n    fix: Put the link on top.\n",
        encoding="utf-8",
    )
    (folder / "c.yaml").write_text(
        _head("lantern-c", "lantern-b") + "rules:\n  - id: link-original\n    severity: warning\n", encoding="utf-8"
    )
    found = [f for f in _findings(cli, folder, "lantern-c", page) if f["rule"] == "lantern-c/link-original"]
    assert found[0]["fix"] == "Put the link on top.", found


SISTER = (
    "id: lantern\nname: Lantern terms\npublisher: Lantern Ledger\nsource_url: https://lantern.example/terms\n"
    "applies_to: [lantern.example]\nrules:\n"
    "  - id: credit-line\n    check: attribution\n    names: [Lantern Ledger]\n"
    "    message: The reprint does not credit Lantern Ledger\n"
    "    fix: 'Add \"Originally published by Lantern Ledger.\" at the end.'\n"
    "  - id: byline\n    check: attribution\n    names_from: author\n    template: 'By {author}, Lantern Ledger'\n"
    "    message: The byline is not in Lantern Ledger's form\n"
    "    fix: 'Add a byline naming {author}, e.g. \"By {author}, Lantern Ledger\".'\n"
)


def _validate(cli, folder: Path, child: str) -> tuple[int, list[str]]:
    (folder / "harbour.yaml").write_text(child, encoding="utf-8")
    run = cli("validate", "--no-config", "--rules-dir", str(folder / "lantern.yaml"), str(folder / "harbour.yaml"))
    return run.code, (run.out + run.err).strip().splitlines()


def test_validate_tells_an_inherited_fix_that_writes_a_credit_the_rule_refuses(tmp_path, cli):
    (tmp_path / "lantern.yaml").write_text(SISTER, encoding="utf-8")
    child = (
        "id: harbour\nname: Harbour terms\npublisher: Harbour Herald\nsource_url: https://harbour.example/terms\n"
        "applies_to: [harbour.example]\nextends: lantern\n"
        "credit:\n  markdown: '*Originally published by [Harbour Herald]({original_url}).*'\nrules:\n"
        "  - id: credit-line\n    names: [Harbour Herald]\n"  # line 10: another publisher's name, the fix kept
        "  - id: byline\n    template: '{author} for Harbour Herald'\n"  # line 12: another byline form
    )
    code, said = _validate(cli, tmp_path, child)
    path = tmp_path / "harbour.yaml"
    assert code == 1, said
    assert said[0] == (
        f"{path}:10:5: rule 'credit-line': the fix it keeps from lantern/credit-line says to write \"Originally "
        "published by Lantern Ledger.\", which this rule does not accept (it asks for a credit naming 'Harbour "
        "Herald'): give the rule a fix of its own ('fix: ...'), or 'fix: null' for the check's own"
    ), said
    assert said[1].startswith(
        f"{path}:12:5: rule 'byline': the fix it keeps from lantern/byline says to write \"By {{author}}, Lantern "
        "Ledger\", which this rule does not accept (it asks for a byline '{author} for Harbour Herald')"
    ), said
    assert len(said) == 2, said
    # A fix of its own, or a names list the fix's credit still satisfies (extended), is no contradiction.
    fixed = child.replace(
        "names: [Harbour Herald]\n", "names: [Harbour Herald]\n    fix: Add 'Originally published by Harbour Herald.'\n"
    )
    code, said = _validate(cli, tmp_path, fixed)  # the byline's fix is still Lantern Ledger's
    assert code == 1 and len(said) == 1 and said[0].startswith(f"{path}:13:5: rule 'byline'"), said
    fixed += "    fix: 'Add a byline: \"{author} for Harbour Herald\".'\n"
    code, said = _validate(cli, tmp_path, fixed)
    assert code == 0 and said == [f"{path}: valid"], said
    # Left as it is, the byline's fix still writes Lantern Ledger's, where credit-line asks for Harbour Herald.
    byline = fixed[fixed.index("  - id: byline") :]
    code, said = _validate(cli, tmp_path, fixed.replace(byline, ""))
    assert code == 1 and said == [
        f"{path}:6:1: rule 'byline', inherited from lantern with its fix, says to write \"By {{author}}, Lantern "
        "Ledger\", which names Lantern Ledger, where rule 'credit-line' asks for a credit naming Harbour Herald: "
        "amend it with a fix of its own ('- id: byline' with 'fix: ...')"
    ], said
    extended = child.replace("names: [Harbour Herald]", "extend: {names: [Harbour Herald]}").replace(
        "  - id: byline\n    template: '{author} for Harbour Herald'\n", "  - id: byline\n    severity: warning\n"
    )
    code, said = _validate(cli, tmp_path, extended)
    assert code == 0 and said == [f"{path}: valid"], said


def test_validate_tells_a_sister_sites_inherited_fixes_that_credit_the_parent(tmp_path, cli):
    """A policy built on CalMatters' for a sister site keeps fixes that write CalMatters' byline and credit line."""
    policy = tmp_path / "sister.yaml"
    policy.write_text(
        "id: valley-wire\nname: Valley Wire terms\npublisher: Valley Wire\nsource_url: https://valleywire.example/t\n"
        "applies_to: [valleywire.example]\nextends: calmatters\ncredit:\n  position: top\n"
        "  markdown: '*By {author}, Valley Wire. Originally published by [Valley Wire]({original_url}).*'\n"
        "rules:\n  - id: credit-calmatters\n    names: [Valley Wire]\n"
        "    fix: 'Put a credit at the top: \"Originally published by Valley Wire.\"'\n"
        "  - id: credit-calmatters-top\n    names: [Valley Wire]\n"  # line 14: its fix still says CalMatters
        "  - id: link-original\n"
        "    fix: 'Link to the original: \"Originally published by [Valley Wire]({original_url}).\"'\n",
        encoding="utf-8",
    )
    run = cli("validate", "--no-config", str(policy))
    said = (run.out + run.err).strip().splitlines()
    assert run.code == 1, said
    assert said == [
        f"{policy}:6:1: rule 'credit-author', inherited from calmatters with its fix, says to write \"By {{author}}, "
        "CalMatters\", which names CalMatters, where rule 'credit-calmatters' asks for a credit naming Valley Wire: "
        "amend it with a fix of its own ('- id: credit-author' with 'fix: ...')",
        f"{policy}:14:5: rule 'credit-calmatters-top': the fix it keeps from calmatters/credit-calmatters-top says "
        'to write "By {author}, CalMatters", which this rule does not accept (it asks for a credit naming \'Valley '
        "Wire'): give the rule a fix of its own ('fix: ...'), or 'fix: null' for the check's own",
    ], said


def test_validate_tells_a_licence_fix_that_no_longer_writes_the_byline_asked_for(tmp_path, cli):
    policy = tmp_path / "herald.yaml"
    policy.write_text(
        "id: herald-cc\nname: Herald\npublisher: Harbour Herald\nsource_url: https://harbour.example/terms\n"
        "applies_to: [harbour.example]\nextends: cc-by-4.0\nrules:\n"
        "  - id: credit-author\n    template: 'By {author}, Harbour Herald'\n",
        encoding="utf-8",
    )
    run = cli("validate", "--no-config", str(policy))
    assert run.code == 1 and run.out.strip() == (
        f"{policy}:8:5: rule 'credit-author': the fix it keeps from cc-base-4.0/credit-author ('Add a byline or "
        "credit naming {author}.') writes a credit this rule does not accept (it asks for a byline 'By {author}, "
        "Harbour Herald'): give the rule a fix of its own ('fix: ...'), or 'fix: null' for the check's own"
    ), run.out + run.err
    policy.write_text(policy.read_text() + "    fix: 'Add the byline \"By {author}, Harbour Herald\".'\n")
    run = cli("validate", "--no-config", str(policy))
    assert run.code == 0 and run.out.strip() == f"{policy}: valid", run.out + run.err


def test_no_bundled_policy_has_a_fix_its_rule_refuses(cli):
    from reprint_guard.policy.loader import bundled_rules_dir

    run = cli("validate", "--no-config", str(bundled_rules_dir()))
    assert run.code == 0, run.out + run.err
    assert "the fix it keeps" not in run.out + run.err


def test_explain_writes_a_required_patterns_example_from_it_or_says_none_can_be_given(tmp_path, cli):
    policy = tmp_path / "herald.yaml"
    policy.write_text(
        "id: herald\nname: Herald terms\npublisher: Harbour Herald\nsource_url: https://harbour.example/terms\n"
        "applies_to: [harbour.example]\nrules:\n"
        "  - id: cut\n    check: text\n    pattern: '\\b(shortened|cut|trimmed) for (length|space)\\b'\n"
        "    message: Say it was cut\n"
        "  - id: note\n    check: text\n"
        "    pattern: '^(this story|this article) was (first )?published by [a-z ]+\\b'\n"
        "    message: Say where it was first published\n"
        "    fix: 'Add \"This story was first published by the Harbour Herald.\" under the headline.'\n"
        "  - id: odd\n    check: text\n    pattern: '\\bcut for[[:^alpha:]]length\\b'\n    message: Say it was cut\n"
        "  - id: no-sponsor\n    check: text\n    mode: forbid\n    pattern: '\\bsponsored by [a-z]+\\b'\n"
        "    message: The reprint names a sponsor\n",
        encoding="utf-8",
    )

    def examples(rule: str) -> tuple[str, str]:
        run = cli("explain", "--no-config", f"{policy}/{rule}")
        assert run.code == 0, run.out + run.err
        assert "generic, for the text check type" not in run.out and "originally published" not in run.out
        passing, _, failing = run.out.partition("Passing example")[2].partition("Failing example:")
        return passing, failing

    passing, failing = examples("cut")
    assert passing.startswith(" (checked against this rule):") and "\n  Shortened for length.\n" in passing
    assert "Shortened for length" not in failing and "three summers." in failing
    passing, failing = examples("note")  # the fix's own wording, filled in
    assert "\n  This story was first published by the Harbour Herald.\n" in passing, passing
    passing, failing = examples("no-sponsor")  # forbidden: the failing one holds the match
    assert "sponsored by" not in passing and "\n  Sponsored by word.\n" in failing, failing
    run = cli("explain", "--no-config", f"{policy}/odd")  # [[:^alpha:]], RE2's own: no wording is written from it
    assert run.code == 0 and "Passing example" not in run.out, run.out
    assert run.out.rstrip().endswith(
        "Examples: none can be given. No wording written from this rule's pattern (or quoted in its fix) could be "
        "shown, by running the rule on it, to pass it; a reprint passes when its visible text, case-folded, holds "
        "a match of the pattern under Parameters."
    ), run.out


def test_test_without_a_fixtures_folder_says_what_it_looked_for(tmp_path, cli):
    run = cli("test", "--no-config", cwd=tmp_path)
    assert run.code == 2, run.out + run.err
    said = run.err.strip().splitlines()
    assert said == [
        f"reprint-guard: tests/policies: no such folder in {os.path.realpath(tmp_path)}, where test looks for "
        "policy fixtures when no PATH is named: a policy test folder holds a folder per policy, named by its id "
        "(tests/policies/<policy-id>/), of reprints whose expect: lists the findings each must raise; name another "
        "folder, or fixture files, with 'reprint-guard test PATH...'"
    ], said
    assert run.out == ""
    # A path named that is not there is told as before, in a word.
    run = cli("test", "--no-config", "fixtures", cwd=tmp_path)
    assert run.code == 2 and run.err.strip() == "reprint-guard: fixtures: no such file or folder", run.err
