"""Policy tooling and fixing: policies, explain, validate, docs, credit, --fix and --diff."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import COMPLIANT_BODY, COMPLIANT_META, GR_URL, ROOT, cpu_seconds, markdown
from reprint_guard.policy.docs import bundled_reference
from reprint_guard.policy.loader import bundled_rules_dir, policy_files, read_policy_file
from reprint_guard.readers.markdown import render

POLICY_IDS = sorted(read_policy_file(p, validate=False).data["id"] for p in policy_files(bundled_rules_dir()))

#: One rule, for a policy that must have some.
HELLO_RULE = "rules:\n  - id: hello\n    check: text\n    phrase: hello\n    message: Say hello\n"


def test_policies_lists_bundled_and_user_policies(tmp_path, cli):
    (tmp_path / "deal.yaml").write_text(
        "id: partner-deal\nname: Partner deal\npublisher: Partner Weekly\nsource_url: https://partner.example/terms\n"
        + HELLO_RULE,
        encoding="utf-8",
    )
    run = cli("policies", "--rules-dir", str(tmp_path), "--format", "json")
    assert run.code == 0
    rows = {r["id"]: r for r in run.json()["policies"]}
    assert set(POLICY_IDS) <= set(rows)
    assert rows["partner-deal"]["origin"] == "user" and rows["global-research"]["origin"] == "bundled"
    assert rows["global-research"]["source_url"] == "https://www.globalresearch.ca/"
    assert (rows["cc-by-4.0"]["extends"], rows["partner-deal"]["extends"]) == ("cc-base-4.0", None)
    # With a policy of one's own, the Markdown reference is no longer "Bundled policies ... do not edit".
    own = cli("policies", "--rules-dir", str(tmp_path), "--format", "markdown").out
    assert own.startswith("# Policies\n") and "do not edit" not in own and "`partner-deal`" in own
    assert cli("policies", "--no-config", "--format", "markdown").out.startswith("# Bundled policies\n")
    text = cli("policies").out
    assert "global-research" in text and "bundled" in text and "https://www.globalresearch.ca/" in text


def test_explain_a_rule(cli):
    run = cli("explain", "global-research/commercial-permission")
    assert run.code == 0
    assert run.out.startswith("global-research/commercial-permission  (error, check: permission)")
    assert "Terms: https://www.globalresearch.ca/" in run.out
    assert "Applies: when (commercial is true) and (medium is 'web')" in run.out
    assert "Passing example (" in run.out and "Failing example:" in run.out
    assert "permissions:" in run.out  # the permission check's example
    missing = cli("explain", "global-research/nope")
    assert missing.code == 2 and "its rules: source-credit" in missing.err
    assert cli("explain", "nobody/x").code == 2


def test_explain_a_forbidding_rule_says_what_it_checks_and_cuts_a_long_pattern(cli):
    """A web producer read "What it requires:" over the description of a forbidden notice (as if "All rights
    reserved" were asked for), then 1,751 characters of pattern: a rule says what it checks, and a pattern past
    160 characters is cut, said to be whole in the policies' reference (the whole policy's explain cuts it too)."""
    run = cli("explain", "propublica/no-added-restrictions")
    assert run.code == 0
    assert "What it checks:" in run.out and "What it requires:" not in run.out
    [params] = [line for line in run.out.splitlines() if line.startswith("Parameters: ")]
    assert "pattern: \\b(all rights reserved|" in params
    said = r"… \([\d,]{5} characters: whole in 'reprint-guard policies --format markdown'\), mode: forbid"
    assert re.search(said, params), params
    assert "hak cipta dilindungi undang-undang" not in params  # past the cut ...
    whole = cli("policies", "--format", "markdown").out  # ... and whole there
    (row,) = [line for line in whole.splitlines() if line.startswith("| `propublica/no-added-restrictions`")]
    assert "hak cipta dilindungi undang-undang" in row
    assert len(params) < 600


def test_explain_gives_an_inherited_rules_terms_as_its_parent_read_them(cli):
    """ProPublica's no-endorsement rule, which encodes the Creative Commons licence's 2(a)(6), said "Terms:
    https://www.propublica.org/steal-our-stories; confidence: primary": ProPublica's page, read first-hand
    for a term it does not state. It names the legal code of the licence ProPublica's policy builds on (its
    parent's, not the BY legal code of the base the rule came from); its own rules name ProPublica's page."""
    inherited = cli("explain", "propublica/no-endorsement")
    assert inherited.code == 0, inherited.err
    terms = next(line for line in inherited.out.splitlines() if line.startswith("Terms: "))
    assert terms.startswith("Terms: https://creativecommons.org/licenses/by-nc-nd/4.0/legalcode (read "), terms
    assert "the terms of cc-by-nc-nd-4.0, which propublica builds on; confidence: primary" in terms
    licence = cli("explain", "cc-by-nc-nd-4.0/no-endorsement")  # a licence's policy: its own legal code
    assert "Terms: https://creativecommons.org/licenses/by-nc-nd/4.0/legalcode (read " in licence.out
    own = cli("explain", "propublica/license")
    assert "Terms: https://www.propublica.org/steal-our-stories (read " in own.out and "builds on" not in own.out


def test_validate_reports_every_problem_with_positions(tmp_path, cli):
    good = ROOT / "rules" / "global-research.yaml"
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "id: bad\nname: Bad\npublisher: B\nsource_url: https://b.example/terms\nrules:\n"
        "  - id: web-only\n    check: link\n    target: original\n    message: Link it\n"
        "    when: {all: [{field: medium, is: web}, {field: medium, is: print}]}\n"
        "  - id: pigeon\n    check: text\n    phrase: x\n    message: y\n    when: {field: medium, is: pigeon}\n",
        encoding="utf-8",
    )
    dup = tmp_path / "dup.yaml"
    dup.write_text(
        "id: dup\nname: D\npublisher: D\nsource_url: https://d.example\nextends: nobody\nrules:\n"
        "  - {id: a, check: text, phrase: x, message: y}\n  - {id: a, check: text, phrase: z, message: y}\n",
        encoding="utf-8",
    )
    schema = tmp_path / "schema.yaml"
    schema.write_text("id: s\nname: S\nrules:\n  - {id: a, check: nope, message: y}\n", encoding="utf-8")
    run = cli("validate", str(good), str(bad), str(dup), str(schema))
    assert run.code == 1
    lines = run.out.splitlines()
    assert f"{good}: valid" in lines
    assert any(
        line.startswith(f"{bad}:10:") and "can never hold: medium cannot be both 'web' and 'print'" in line
        for line in lines
    )
    assert any(line.startswith(f"{bad}:15:") and "medium is never 'pigeon'" in line for line in lines)
    assert any(line.startswith(f"{dup}:8:") and "duplicate rule id 'a'" in line for line in lines)
    assert any(line.startswith(f"{schema}:1:1") and "'publisher' is a required property" in line for line in lines)
    assert any(line.startswith(f"{schema}:4:") and "unknown check type 'nope'" in line for line in lines)
    (tmp_path / "dup.yaml").write_text(
        dup.read_text().replace("  - {id: a, check: text, phrase: z, message: y}\n", ""), encoding="utf-8"
    )
    run = cli("validate", str(dup))
    assert run.code == 1 and f"{dup}:5:" in run.out and "extends unknown policy 'nobody'" in run.out


#: The head of a policy written by a validate test: four lines, so a test's own lines start at line 5.
POLICY_HEAD = "id: {id}\nname: P\npublisher: P\nsource_url: https://p.example/terms\n"


def write_policy(tmp_path: Path, policy_id: str, rest: str) -> Path:
    """A policy file of the head above and ``rest``, for a validate test."""
    policy = tmp_path / f"{policy_id}.yaml"
    policy.write_text(POLICY_HEAD.format(id=policy_id) + rest, encoding="utf-8")
    return policy


def test_validate_of_a_file_named_with_a_folder_in_its_path_tells_its_problems(tmp_path, cli):
    """A policy named "./p.yaml" is "p.yaml": its problems were taken for a neighbour's and it passed as valid."""
    (tmp_path / "sub").mkdir()
    policy = write_policy(tmp_path, "herald", "domains: [x]\nrules: []\n")
    for named in ("./herald.yaml", "sub/../herald.yaml", str(policy).replace("/herald", "//herald")):
        run = cli("validate", named, cwd=tmp_path)
        assert run.code == 1 and "unknown key(s) ('domains'" in run.out, (named, run.out)


def test_validate_lists_a_files_problems_in_the_order_of_their_lines(tmp_path, cli):
    policy = tmp_path / "herald.yaml"
    policy.write_text(
        "id: herald\nname: H\npublisher: H\nsource_url: https://h.example/terms\nrules:\n"
        "  - id: web-only\n    check: text\n    when: {all: [{field: medium, is: web}, {field: medium, is: print}]}\n"
        "    phrase: Herald\n    message: m\n"
        "  - id: typo\n    check: metadata\n    field: author\n    when: {field: comercial, is: true}\n"
        "    message: x\n    fix: 'Add {orignal_url}'\n",
        encoding="utf-8",
    )
    run = cli("validate", str(policy))
    lines = [int(line.split(":")[1]) for line in run.out.splitlines()]
    assert run.code == 1 and len(lines) == 3 and lines == sorted(lines), run.out


def test_validate_tells_a_misspelt_placeholder_and_leaves_a_sites_own_key(tmp_path, cli):
    policy = write_policy(
        tmp_path,
        "typo",
        "credit:\n  markdown: 'By {author}, from [T]({orignal_url}).'\n"
        "rules:\n"
        "  - id: link\n    check: link\n    target: original\n    message: Link it\n"
        "    fix: 'Link [the original]({original_url}) in {section}, licensed {licence_url}.'\n",
    )
    run = cli("validate", str(policy))
    assert run.code == 1
    assert run.out.splitlines() == [
        f"{policy}:6:3: field 'credit.markdown': unknown placeholder {{orignal_url}}; did you mean {{original_url}}?",
        f"{policy}:12:5: rule 'link', field 'fix': unknown placeholder {{licence_url}}; did you mean {{license_url}}?",
    ]  # {section} is far from every known name: a site's own metadata key may fill it


@pytest.mark.parametrize(
    ("pattern", "capitals"),
    [
        (r"\bThis story was edited\b", "T"),
        (r"All Rights Reserved", "AR"),
        (r"\QEditors note\E", "E"),
        (r"(?s:.)Élan", "É"),
        (r"\bthis story\B\W\S \pL [A-Za-z]+ [^A-Z] (?P<Note>x) \x{2014}\xAB [[:alpha:]]", ""),
        (r"gulls are back, [A-Z]\w+ to", "[A-Z]"),
        (r"by \p{Lu}\w+ and [[:upper:]]", "\\p{Lu}, [[:upper:]]"),
        (r"editor\x45s \x{4E}ote", "\\x45, \\x{4E}"),
        (r"By [A-Z][a-z]+", "B, [A-Z]"),
        (r"part \d+[A-Z]? of the series", ""),  # an optional class of capitals: the pattern still matches
        (r"x|[A-Z]+", ""),
        (r"(?:[A-Z])*x", ""),
        (r"(?i)This story", ""),
    ],
)
def test_validate_tells_capitals_a_text_pattern_can_never_match(tmp_path, cli, pattern, capitals):
    policy = write_policy(
        tmp_path, "caps", f"rules:\n  - id: note\n    check: text\n    pattern: '{pattern}'\n    message: Note it\n"
    )
    run = cli("validate", str(policy))
    if capitals:
        assert run.code == 1
        # Said at the pattern's own line, not the rule's first.
        assert run.out.startswith(f"{policy}:8:5: rule 'note':") and f"has capital letters ({capitals})" in run.out
        assert "write it in lower case" in run.out
    else:
        assert run.code == 0, run.out


def test_validate_tells_a_misspelt_condition_field_and_leaves_a_sites_own(tmp_path, cli):
    policy = write_policy(
        tmp_path,
        "when",
        "rules:\n  - id: perm\n    check: permission\n    scope: commercial\n    from: ['*']\n    message: Ask first\n"
        "    when: {all: [{field: comercial, is: true}, {not: {field: section, is: opinion}}]}\n",
    )
    run = cli("validate", str(policy))
    assert run.code == 1
    assert run.out == (
        f"{policy}:11:5: rule 'perm': its condition reads 'comercial', which no reprint sets; "
        "did you mean 'commercial'?\n"
    )
    # A run warns and goes on; the rule's finding was "Add 'comercial: ...' to the metadata": the policy's typo
    # carried into the article. It points at the policy.
    page = tmp_path / "a.md"
    page.write_text("---\noriginal_url: https://h.example/a\npolicy: when\ncommercial: true\n---\nText.\n")
    run = cli("check", str(page), "--policy", str(policy), "--no-config", "--format", "json")
    [finding] = run.json()["results"][0]["findings"]
    assert finding["message"] == (
        "when/perm could not be checked: its condition reads 'comercial', which no reprint sets; "
        "did you mean 'commercial'?"
    ), finding
    assert finding["fix"] == (
        f"Correct the condition's field in policy when ({policy}): 'comercial' is no key a reprint sets "
        "(reprint-guard validate tells its line)."
    ), finding


def test_validate_tells_a_misspelt_field_or_scope_from_and_leaves_a_sites_own(tmp_path, cli):
    """``scope_from: medum`` asked every record for a scope of nothing; ``field: modifed`` could never fire:
    validate called both valid."""
    policy = write_policy(
        tmp_path,
        "fields",
        "rules:\n  - id: other-media\n    check: permission\n    scope_from: medum\n    from: ['*']\n"
        "    message: Ask first\n  - id: unedited\n    check: metadata\n    field: modifed\n    required: false\n"
        "    allowed: [false]\n    message: No edits\n  - id: own-key\n    check: metadata\n"
        "    field: syndication_id\n    message: Set the syndication id\n",
    )
    run = cli("validate", str(policy))
    assert run.code == 1
    assert run.out == (
        f"{policy}:8:5: rule 'other-media': its scope_from reads 'medum', which no reprint sets; "
        "did you mean 'medium'?\n"
        f"{policy}:13:5: rule 'unedited': its field reads 'modifed', which no reprint sets; "
        "did you mean 'modified'?\n"
    ), run.out


def test_validate_tells_a_contact_or_grantor_that_is_no_email_address(tmp_path, cli):
    """A record is matched to a grantor by address: ``contacts: ["not an email"]`` was valid, and a record
    ``from: "not an email"`` then counted as the contact's."""
    policy = write_policy(
        tmp_path,
        "grantors",
        "contacts: [not an email, 'Desk <desk@p.example>']\nrules:\n  - id: comm\n    check: permission\n"
        "    scope: commercial\n    from: [rights desk, '*', rights@p.example]\n    message: Ask first\n",
    )
    run = cli("validate", str(policy))
    assert run.code == 1
    assert run.out.count("is no email address: write one as a@b or 'Name <a@b>'") == 2, run.out
    assert "'not an email' is no email address" in run.out and "'rights desk' is no email address" in run.out


def test_validate_tells_a_url_written_where_a_host_name_goes(tmp_path, cli):
    policy = write_policy(
        tmp_path,
        "hosts",
        "rules:\n  - id: photos\n    check: media\n    mode: hosts\n    hosts: [https://cdn.h.example/, h.example]\n"
        "    message: Photos from the CDN only\n"
        "  - id: pixel\n    check: element\n    pattern: px\\.h\\.example\n    host: px.h.example/p.gif\n"
        "    message: Keep the pixel\n",
    )
    run = cli("validate", str(policy))
    assert run.code == 1
    assert "'https://cdn.h.example/' is not a host name (such as cdn.example.org): write 'cdn.h.example'" in run.out
    policy.write_text(policy.read_text(encoding="utf-8").replace("https://cdn.h.example/", "cdn.h.example"))
    run = cli("validate", str(policy))  # semantic checks stop at the first problem
    assert "'px.h.example/p.gif' is not a host name (such as cdn.example.org): write 'px.h.example'" in run.out


def test_validate_of_a_policy_alone_says_how_its_neighbour_parent_is_found(tmp_path, cli):
    parent = write_policy(tmp_path, "herald", HELLO_RULE)
    child = write_policy(tmp_path, "herald-print", "extends: herald\nrules: []\n")
    run = cli("validate", str(child))
    assert run.code == 1 and "extends unknown policy 'herald'; known policies: " in run.out
    assert run.out.rstrip().endswith(
        "a policy of your own that it extends is found when both are named (validate the folder) or with "
        "--rules-dir DIR"
    )
    assert cli("validate", str(child), str(parent)).code == 0
    assert cli("validate", str(child), "--rules-dir", str(tmp_path)).code == 0


def test_validate_says_a_valid_policy_with_a_bundled_id_replaces_the_bundled_one(tmp_path, cli):
    """A copy of a bundled policy kept beside a site's policies replaces it wherever they are read: valid,
    but said, so a draft does not change every check unnoticed."""
    copy = tmp_path / "propublica.yaml"
    bundled = (ROOT / "rules" / "propublica.yaml").read_text(encoding="utf-8")
    copy.write_text(bundled, encoding="utf-8")  # the same bytes: it changes nothing, and nothing is said
    assert cli("validate", str(copy)).out.strip() == f"{copy}: valid"
    copy.write_text(bundled.replace("message: ", "message: Draft. ", 1), encoding="utf-8")
    run = cli("validate", str(copy))
    assert run.code == 0, run.out
    assert run.out.strip() == (
        f"{copy}: valid; its id 'propublica' is a bundled policy's, so it replaces that policy wherever it is "
        "read (--rules-dir, the config's policies)"
    )
    own = write_policy(tmp_path, "herald", HELLO_RULE)
    assert cli("validate", str(own)).out.strip() == f"{own}: valid"


def test_validate_tells_a_letter_case_folding_changes_how_to_write_it(tmp_path, cli):
    policy = write_policy(
        tmp_path, "caps", "rules:\n  - id: note\n    check: text\n    pattern: 'straße'\n    message: N\n"
    )
    run = cli("validate", str(policy))
    assert run.code == 1 and "has characters that case folding changes (ß)" in run.out and "'ß' as 'ss'" in run.out


def test_validate_hints_at_replacing_a_rule_only_for_one_with_an_id(tmp_path, cli):
    policy = write_policy(tmp_path, "herald", "extends: cc-by-4.0\nrules:\n  - check: timing\n    message: M\n")
    run = cli("validate", str(policy))
    assert run.code == 1 and "'id' is a required property" in run.out and "(if None" not in run.out, run.out


def test_validate_of_a_link_to_nothing_is_an_input_error(tmp_path, cli):
    (tmp_path / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    run = cli("validate", str(tmp_path / "gone.yaml"))
    assert run.code == 2 and run.out == f"{tmp_path / 'gone.yaml'}: no such file or folder (a link to nothing)\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_validate_of_a_named_pipe_is_an_input_error_not_a_wait(tmp_path, cli):
    os.mkfifo(tmp_path / "pipe.yaml")
    run = cli("validate", str(tmp_path / "pipe.yaml"))
    assert run.code == 2 and run.out == f"{tmp_path / 'pipe.yaml'}: not a regular file, so not read as a policy\n"


def test_validate_refuses_an_applies_to_that_is_no_host_name(tmp_path, cli):
    """A URL in applies_to would match no host: the policy would never be chosen, and its site's reprints
    would pass under another policy (or none) without a word."""
    policy = write_policy(tmp_path, "herald", "applies_to: [herald.example, 'https://herald.example/']\nrules: []\n")
    run = cli("validate", str(policy))
    assert run.code == 1
    assert run.out == (
        f"{policy}:5:30: applies_to: 'https://herald.example/' is not a host name (such as example.org): "
        "write 'herald.example' (a policy covers the host and its subdomains)\n"
    )
    article = tmp_path / "a.md"
    article.write_text("---\noriginal_url: https://herald.example/a\n---\nText.\n", encoding="utf-8")
    run = cli("check", str(article), "--policy", str(policy))  # refused when loaded too, not only by validate
    assert run.code == 2 and "is not a host name" in run.err
    for odd, meant in (
        (".herald.example", "herald.example"),
        ("herald.example.", "herald.example"),
        ("*.herald.example", "herald.example"),
    ):
        policy.write_text(policy.read_text(encoding="utf-8").replace("'https://herald.example/'", f"'{odd}'"))
        run = cli("validate", str(policy))
        assert run.code == 1 and f"'{odd}' is not a host name (such as example.org): write '{meant}'" in run.out, (
            run.out
        )
        policy.write_text(policy.read_text(encoding="utf-8").replace(f"'{odd}'", "'https://herald.example/'"))


def test_validate_says_a_bad_pattern_once_and_hints_at_replacing_only_an_inherited_rule(tmp_path, cli):
    policy = write_policy(
        tmp_path,
        "herald",
        "extends: cc-by-4.0\nrules:\n  - id: pixel\n    check: element\n    pattern: 'id=(\\d+$'\n    message: P\n",
    )
    run = cli("validate", str(policy))
    assert run.code == 1 and run.out.count("id=(\\d+$") == 1 and "(missing ')')" in run.out, run.out
    policy = write_policy(tmp_path, "herald", "extends: cc-by-4.0\nrules:\n  - id: license\n    check: license\n")
    run = cli("validate", str(policy))
    assert "'message' is a required property ('license' is a rule of cc-by-4.0: " in run.out
    policy = write_policy(tmp_path, "herald", "extends: cc-by-4.0\nrules:\n  - id: embargo\n    check: timing\n")
    run = cli("validate", str(policy))  # a rule of its own: nothing is replaced
    assert run.out.endswith("rule 'embargo': 'message' is a required property\n"), run.out


def test_validate_says_what_a_schema_error_means_for_a_policy_author(tmp_path, cli):
    policy = write_policy(
        tmp_path,
        "author",
        "applies-to: [h.example]\nextends: cc-by-nd-4.0\nrules:\n"
        "  - {id: link-original, check: link, severity: warning}\n"
        "  - {id: credit, check: attribution, names_form: author, message: Credit}\n"
        "  - {id: wait, check: timing, after_hours: 24h, message: Wait}\n",
    )
    out = cli("validate", str(policy)).out
    assert f"{policy}:5:1: field 'applies-to': unknown key(s)" in out and "did you mean 'applies_to'?" in out
    assert "rule 'link-original': 'message' is a required property ('link-original' is a rule of cc-by-nd-4.0: " in out
    assert "leave 'check' out to amend the inherited rule instead, changing only the fields given)" in out
    assert "'names_form': did you mean 'names_from'?" in out
    assert "rule 'wait', field 'after_hours': '24h' is not a whole number" in out


def test_a_credit_block_inserted_where_its_rule_fails_is_told_by_validate_and_by_fix(tmp_path, cli):
    folder = tmp_path / "policies"
    folder.mkdir()
    policy = folder / "harbor.yaml"
    policy.write_text(
        "id: harbor\nname: H\npublisher: Harbor Ledger\napplies_to: [harbor.example]\n"
        "source_url: https://harbor.example/terms\n"
        "credit:\n  position: bottom\n  markdown: '*Originally published by [Harbor Ledger]({original_url}).*'\n"
        "rules:\n  - id: credit-top\n    check: attribution\n    names: [Harbor Ledger]\n    position: top\n"
        "    message: Credit Harbor Ledger at the top\n",
        encoding="utf-8",
    )
    run = cli("validate", str(policy))
    assert (
        run.code == 1
        and (
            f"{policy}:13:5: rule 'credit-top' wants 'Harbor Ledger' at the top, but the credit block that gives it is "
            "inserted at the bottom (credit.position)"
        )
        in run.out
    )
    story = tmp_path / "a.md"
    story.write_text(
        "---\noriginal_url: https://harbor.example/a\n---\n# T\n\n" + "A long paragraph of the story.\n\n" * 80,
        encoding="utf-8",
    )
    before = story.read_bytes()
    fixed = cli("check", str(story), "--rules-dir", str(folder), "--fix")
    assert fixed.code == 1 and story.read_bytes() == before
    assert (
        "left unchanged: inserting the credit would not satisfy harbor/credit-top: Credit Harbor Ledger at the top "
        "(the credit is there, but not at the top of the article); fix it by hand"
    ) in fixed.err


def test_validate_takes_a_folder_of_policies(tmp_path, cli):
    run = cli("validate", str(ROOT / "rules"))
    assert run.code == 0
    assert sorted(run.out.splitlines()) == sorted(f"{p}: valid" for p in policy_files(ROOT / "rules"))
    empty = tmp_path / "none"
    empty.mkdir()
    (empty / "notes.txt").write_text("not a policy", encoding="utf-8")
    run = cli("validate", str(empty))
    assert run.code == 2 and run.out == f"{empty}: no policy files (.yaml, .yml) in this folder\n"
    run = cli("validate", str(tmp_path / "nowhere.yaml"))  # not there: an input error, as for check
    assert run.code == 2 and run.out == f"{tmp_path / 'nowhere.yaml'}: no such file or folder\n"
    (empty / "broken.yaml").write_text("id: broken\nname: B\nrules: []\n", encoding="utf-8")
    (empty / "fine.yaml").write_text(
        "id: fine\nname: F\npublisher: F\nsource_url: https://f.example/terms\n" + HELLO_RULE, encoding="utf-8"
    )
    run = cli("validate", str(empty))  # the broken neighbour is told once, under its own name
    assert run.code == 1
    assert run.out.splitlines() == [
        f"{empty / 'broken.yaml'}:1:1: 'publisher' is a required property",
        f"{empty / 'broken.yaml'}:1:1: 'source_url' is a required property",
        f"{empty / 'fine.yaml'}: valid",
    ]


def test_generated_policy_reference_is_fresh():
    committed = (ROOT / "docs" / "policies.md").read_text(encoding="utf-8")
    assert committed == bundled_reference(), "regenerate: python -m reprint_guard.policy.docs > docs/policies.md"
    for policy_id in POLICY_IDS:
        assert f"## `{policy_id}`" in committed


def test_credit_block(cli):
    run = cli(
        "credit",
        "--policy",
        "global-research",
        "--meta",
        "author=Ana Ruiz",
        "--meta",
        "original_url=https://www.globalresearch.ca/x/1",
        "--meta",
        "original_published=2024-02-01",
    )
    assert run.code == 0
    assert run.out == (
        "*The original source of this article is [Global Research](https://www.globalresearch.ca/x/1).*"
        "\n\nCopyright © Ana Ruiz, Global Research, 2024\n"
    )
    html = cli(
        "credit",
        "--policy",
        "cc-by-nd-4.0",
        "--format",
        "html",
        "--meta",
        "author=Li Wei",
        "--meta",
        "original_url=https://news.example/a",
    )
    assert '<a href="https://creativecommons.org/licenses/by-nd/4.0/">CC BY-ND 4.0</a>' in html.out
    missing = cli("credit", "--policy", "global-research", "--meta", "author=Ana Ruiz")
    assert missing.code == 2 and "not set: original_published, original_url" in missing.err


def test_a_credit_puts_metadata_into_html_and_markdown_as_text(cli):
    """A value with a quote or a tag stays text: nothing from the metadata becomes markup."""
    meta = ["--meta", 'author=Li "<b>Wei</b>" & Co', "--meta", 'original_url=https://news.example/a?x="1"']
    html = cli("credit", "--policy", "cc-by-nd-4.0", "--format", "html", *meta)
    assert html.code == 0, html.err
    assert "<b>" not in html.out and "Li &quot;&lt;b&gt;Wei&lt;/b&gt;&quot; &amp; Co" in html.out
    assert 'href="https://news.example/a?x=&quot;1&quot;"' in html.out
    markdown = cli("credit", "--policy", "cc-by-nd-4.0", *meta)
    assert 'By Li "\\<b\\>Wei\\</b\\>" \\& Co.' in markdown.out, markdown.out  # Markdown's escapes, as written
    rendered = render(markdown.out)
    assert "<b>" not in rendered and 'By Li "&lt;b&gt;Wei&lt;/b&gt;" &amp; Co.' in rendered, rendered


def test_a_credit_in_markdown_makes_no_link_or_emphasis_of_a_value():
    """Only HTML's characters were escaped in a Markdown credit: an author "[x](javascript:alert(1))" became
    a live link in the page (and so did the HTML made from a policy's Markdown credit)."""
    import reprint_guard

    meta = {
        "original_url": "https://www.globalresearch.ca/the-river/5801234",
        "original_published": "2025-02-14",
        "author": "Ana *Ruiz* [x](javascript:alert(1)) `code` ~~gone~~ <https://evil.example>",
    }
    for made in (render(reprint_guard.credit(meta)), reprint_guard.credit(meta, format="html")):
        assert "javascript" not in made.split("Copyright")[0]  # the source line links to the original only
        assert 'href="javascript' not in made and "<em>Ruiz" not in made and "<code>" not in made, made
        assert "<del>" not in made and 'href="https://evil' not in made, made
        assert "Ana *Ruiz* [x](javascript:alert(1)) `code` ~~gone~~ &lt;https://evil.example&gt;" in made, made
        assert '<a href="https://www.globalresearch.ca/the-river/5801234">Global Research</a>' in made


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "mailto:a@b.example"]
)
def test_a_credit_links_to_no_address_but_a_web_one(cli, write_md, url):
    """credit() wrote <a href="javascript:alert(1)"> from the metadata (the check refuses such an
    original_url): a script in the page a CMS appends the block to. --fix inserts the parts without it."""
    import reprint_guard

    meta = {"original_url": url, "policy": "global-research", "author": "Ana Ruiz", "original_published": "2025-01-01"}
    for format in ("html", "markdown"):
        with pytest.raises(reprint_guard.UsageError, match="'original_url' is not a web address") as raised:
            reprint_guard.credit(meta, format=format)
        assert url[:20] in str(raised.value)
    run = cli("credit", "--policy", "global-research", *(f"--meta={k}={v}" for k, v in meta.items()))
    assert run.code == 2 and "is not a web address (http or https)" in run.err and not run.out, run.out + run.err
    path = write_md("script.md", {**meta, "commercial": False}, "# T\n\nBody.\n")
    fixed = cli("check", str(path), "--fix")
    assert "could not fix global-research/link-original: 'original_url' is not a web address" in fixed.err
    text = path.read_text(encoding="utf-8")
    assert "Copyright © Ana Ruiz, Global Research, 2025" in text and url[:8] not in text.split("---")[-1]


@pytest.mark.parametrize(
    ("format", "template"),
    [
        ("markdown", 'From [Example Wire]({original_url} "Example Wire").'),  # a title after the address
        ("markdown", "From Example Wire: <{original_url}>."),  # an autolink
        ("markdown", "From [Example Wire][w].\n\n[w]: {original_url}"),  # a reference definition
        ("html", '<p>From <a HREF = "{original_url}">Example Wire</a>.</p>'),
        ("html", "<p>From Example Wire. <img src={original_url}></p>"),
    ],
)
def test_no_template_of_ones_own_links_a_credit_to_a_script(tmp_path, format, template):
    """The refusal read only `](`{x}`)` and a lower-case `href="`: a policy of one's own whose template wrote
    the address another way had credit() and --fix write `javascript:` into the page."""
    import yaml

    import reprint_guard

    credit = {"markdown": "From Example Wire.", format: template}
    rule = {"id": "credit", "check": "attribution", "names": ["Example Wire"], "message": "Credit it"}
    policy = tmp_path / "wire.yaml"
    head = {"id": "wire", "name": "Wire", "publisher": "Example Wire", "source_url": "https://wire.example/t"}
    policy.write_text(yaml.safe_dump({**head, "credit": credit, "rules": [rule]}), encoding="utf-8")
    meta = {"original_url": "JavaScript:alert(document.cookie)", "policy": "wire"}
    with pytest.raises(reprint_guard.UsageError, match="'original_url' is not a web address"):
        reprint_guard.credit(meta, format=format, rules_dirs=policy)


def test_a_fix_text_links_to_no_script_either():
    """The check refuses a javascript: original_url for its link rules, but a fix text rendered it into
    `<a href="javascript:...">` for an HTML page, which a CMS may show as HTML."""
    from reprint_guard import check

    meta = {"original_url": "javascript:alert(1)", "policy": "the-conversation", "author": "Ana Ruiz"}
    fixes = [f.fix or "" for f in check("<p>Text.</p>", meta, format="html").findings]
    assert fixes and not any("javascript" in fix.lower() for fix in fixes), fixes
    assert any("<original article URL>" in fix for fix in fixes), fixes


@pytest.mark.parametrize(
    ("url", "destination"),
    [
        (
            "https://www.globalresearch.ca/story-part-2)/5800001",
            "https://www.globalresearch.ca/story-part-2%29/5800001",
        ),
        ("https://www.globalresearch.ca/a story/5800001", "https://www.globalresearch.ca/a%20story/5800001"),
        (
            "https://www.globalresearch.ca/story-(part-2)/5800001",
            "https://www.globalresearch.ca/story-(part-2)/5800001",
        ),
    ],
)
def test_a_credits_link_ends_where_it_should_though_the_address_has_a_space_or_a_parenthesis(
    write_md, cli, url, destination
):
    """CommonMark ends a link's destination at a space or an unbalanced ")": such an address is
    percent-encoded in the link (paired parentheses are kept), so the credit --fix inserts links the article."""
    story = write_md("odd.md", {**COMPLIANT_META, "original_url": url}, "# A harbour\n\nA paragraph.\n")
    credit = cli("credit", "--policy", "global-research", "--from", str(story))
    assert credit.code == 0 and f"[Global Research]({destination})" in credit.out and credit.err == ""
    fixed = cli("check", str(story), "--fix")
    assert fixed.code == 0, fixed.out + fixed.err
    assert f"[Global Research]({destination})" in story.read_text(encoding="utf-8")
    assert cli("check", str(story)).code == 0
    bare = write_md("bare.md", {**COMPLIANT_META, "original_url": url}, "Text.\n")
    findings = cli("check", str(bare), "--format", "json").json()["results"][0]["findings"]
    fixes = [f["fix"] for f in findings if f["rule"] == "global-research/link-original"]
    assert fixes == [
        f'Link to the original article, e.g. "The original source of this article is [Global Research]({destination})."'
    ]


def test_credit_says_when_its_block_misses_a_rule_of_the_policy(cli, tmp_path):
    """A policy of one's own that inherits a block its own byline rule does not accept."""
    own = tmp_path / "prairie.yaml"
    own.write_text(
        "id: prairie\nname: Prairie\npublisher: Prairie Ledger\nsource_url: https://prairie.example/terms\n"
        "extends: cc-by-4.0\nrules:\n  - id: byline\n    check: attribution\n"
        "    template: '{author}, Prairie Ledger'\n    message: Byline\n",
        encoding="utf-8",
    )
    meta = ["--meta", "author=Hattie Lund", "--meta", "original_url=https://prairie.example/a/1"]
    run = cli("credit", "--policy", str(own), *meta)
    assert run.code == 0 and "Hattie Lund" in run.out
    assert "note: this block does not satisfy prairie/byline" in run.err
    bundled = cli("credit", "--policy", "cc-by-4.0", *meta)
    assert bundled.code == 0 and bundled.err == ""
    story = tmp_path / "a.md"
    story.write_text(
        "---\nauthor: Ana Ruiz\noriginal_url: https://www.propublica.org/article/x\n"
        "permissions:\n  - {from: a@propublica.org, date: 2024-01-01, scope: [photos]}\n---\nText.\n",
        encoding="utf-8",
    )
    from_file = cli("credit", "--policy", "propublica", "--from", str(story))
    assert from_file.code == 0 and "By Ana Ruiz" in from_file.out and from_file.err == ""


def test_meta_names_both_authors_under_the_sites_own_key_for_them(cli, tmp_path):
    """``--meta author=A --meta author=B`` names both; so does the site's own name for the key."""
    (tmp_path / ".reprint-guard.yaml").write_text("front-matter:\n  writer: author\n", encoding="utf-8")
    meta = ["--meta", "original_url=https://globalresearch.ca/a/1", "--meta", "original_published=2024-05-01"]
    for key in ("author", "writer"):
        run = cli(
            "credit",
            "--policy",
            "global-research",
            *meta,
            "--meta",
            f"{key}=Ana Ruiz",
            "--meta",
            f"{key}=Luz Ortega",
            cwd=tmp_path,
        )
        assert run.code == 0 and "Ana Ruiz" in run.out and "Luz Ortega" in run.out, (key, run.out, run.err)
    reset = cli(
        "credit", "--policy", "global-research", *meta, "--meta", "writer=", "--meta", "writer=Luz Ortega", cwd=tmp_path
    )
    assert reset.code == 0 and "Luz Ortega" in reset.out, reset.out + reset.err


def test_credit_chooses_the_policy_a_check_would_without_policy(cli, tmp_path):
    """--from a reprint, or --meta with the original's address: the policy that covers the original's site; the
    config's one policy; without either, an error that says what to give."""
    story = tmp_path / "a.md"
    story.write_text(
        "---\nauthor: Ana Ruiz\noriginal_url: https://www.propublica.org/article/x\n---\nText.\n", encoding="utf-8"
    )
    from_file = cli("credit", "--from", str(story), cwd=tmp_path)
    assert from_file.code == 0 and "By Ana Ruiz" in from_file.out and "ProPublica" in from_file.out, from_file.err
    assert from_file.out == cli("credit", "--policy", "propublica", "--from", str(story), cwd=tmp_path).out
    meta = ["--meta", "author=Ana Ruiz", "--meta", "original_url=https://globalresearch.ca/a/1"]
    by_meta = cli("credit", *meta, "--meta", "original_published=2024-05-01", cwd=tmp_path)
    assert by_meta.code == 0 and "Global Research" in by_meta.out, by_meta.err
    unknown = cli("credit", "--meta", "original_url=https://elsewhere.example/a", cwd=tmp_path)
    assert unknown.code == 2 and "no policy covers this reprint's original_url" in unknown.err
    assert "Traceback" not in unknown.err
    overrides = "overrides: [{paths: ['partners/**'], policy: cc-by-4.0}]\n"
    (tmp_path / ".reprint-guard.yaml").write_text(overrides, encoding="utf-8")
    partner = tmp_path / "partners" / "x.md"
    partner.parent.mkdir()
    partner.write_text(story.read_text(encoding="utf-8"), encoding="utf-8")
    overridden = cli("credit", "--from", "partners/x.md", cwd=tmp_path)
    assert overridden.code == 0 and "CC BY 4.0" in overridden.out, overridden.out + overridden.err
    assert "ProPublica" in cli("credit", "--from", str(story), cwd=tmp_path).out  # outside the override
    (tmp_path / ".reprint-guard.yaml").write_text("policy: cc-by-4.0\n", encoding="utf-8")
    configured = cli(
        "credit", "--meta", "author=Ana Ruiz", "--meta", "original_url=https://elsewhere.example/a", cwd=tmp_path
    )
    assert configured.code == 0 and "CC BY 4.0" in configured.out, configured.out + configured.err


@pytest.mark.parametrize(
    ("wrong", "said"),
    [
        (("Copyright © Ana Ruiz,", "Copyright © Ana Ruis,"), "a copyright notice is there, but none names Ana Ruiz"),
        ((f"({GR_URL})", f"({GR_URL}”)"), f"its link to the article ends in a stray '”': {GR_URL}”"),
        ((f"({GR_URL})", f"(”{GR_URL}”)"), f"opens with '”', not a straight quote, so it leads nowhere: ”{GR_URL}”"),
    ],
)
def test_fix_corrects_no_credit_that_is_there_but_wrong_with_a_second_one(tmp_path, cli, wrong, said):
    """A notice naming another holder, a link with a stray quote: --fix inserts no second credit to contradict
    it, says what to correct by hand, and leaves the file as it was (a link to the home page is changed where
    it stands: see test_fix_diff)."""
    article = tmp_path / "a.md"
    text = markdown(COMPLIANT_META, COMPLIANT_BODY.replace(*wrong))
    article.write_text(text, encoding="utf-8")
    run = cli("check", str(article), "--fix")
    assert run.code == 1 and said in run.out, run.out + run.err
    assert "corrected by hand" in run.err or "correct that by hand" in run.err, run.err
    assert article.read_text(encoding="utf-8") == text


def test_an_html_link_whose_value_opens_with_a_typographic_quote_is_told_at_the_link(tmp_path, cli):
    """``href=”…”`` (pasted from a word processor): the parser keeps the marks in an unquoted value, so the
    link leads nowhere; said where it is written, with straight quotes as the fix, not as a missing link."""
    page = tmp_path / "a.html"
    line = f"<p>Copyright © Ana Ruiz, Global Research, 2026. Source: <a href=”{GR_URL}”>Global Research</a></p>"
    page.write_text(f"<p>Text.</p>\n{line}\n", encoding="utf-8")
    (tmp_path / "a.meta.yaml").write_text(
        f"author: Ana Ruiz\noriginal_url: {GR_URL}\ncommercial: false\nmedium: web\n", encoding="utf-8"
    )
    run = cli("check", str(page), "--format", "json")
    found = [f for f in run.json()["results"][0]["findings"] if f["rule"] == "global-research/link-original"]
    assert len(found) == 1 and (found[0]["line"], found[0]["column"]) == (2, line.index("”") + 1), found
    assert found[0]["fix"] == f'Write the link\'s address between straight quotes: href="{GR_URL}".', found


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def broken(write_md):
    body = "# The harbour that was sold\n\nA long paragraph about a harbour.\n"
    return write_md("broken.md", COMPLIANT_META, body)


def test_fix_round_trip_and_idempotence(broken, cli):
    before = broken.read_text(encoding="utf-8")
    diff = cli("check", str(broken), "--diff")
    assert digest(broken) == hashlib.sha256(before.encode()).hexdigest()  # --diff never writes
    assert "+*The original source of this article is [Global Research]" in diff.out
    run = cli("check", str(broken), "--fix", "--format", "json")
    assert run.code == 0, run.out + run.err
    assert (
        "fixed global-research/source-credit, global-research/copyright-notice, global-research/link-original"
        in run.err
    )
    after = broken.read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n"))  # nothing removed or reordered
    assert run.json()["results"][0]["status"] == "pass"
    again = cli("check", str(broken), "--fix")
    assert again.code == 0 and "fixed" not in again.err
    assert broken.read_text(encoding="utf-8") == after


def test_fix_says_of_json_only_what_it_left_broken_and_names_the_flag_given(tmp_path, cli):
    """A JSON payload that passes needs nothing said; one with findings is named, as left to the CMS."""
    good = {"metadata": COMPLIANT_META, "body": COMPLIANT_BODY}
    (tmp_path / "good.json").write_text(json.dumps(good), encoding="utf-8")
    (tmp_path / "bad.json").write_text(json.dumps({**good, "body": "Text."}), encoding="utf-8")
    run = cli("check", str(tmp_path), "--fix")
    assert run.code == 1 and "good.json" not in run.err
    assert f"{tmp_path / 'bad.json'}: left unchanged: JSON payloads are not fixed in place" in run.err
    for flag in ("--fix", "--diff"):
        refused = cli("check", "-", flag, stdin=COMPLIANT_BODY)
        assert refused.code == 2 and f"{flag} needs files, not standard input" in refused.err


def test_fix_links_the_credit_that_is_there_rather_than_adding_a_second(tmp_path, write_md, cli):
    """The credit line is there and only its link is missing: the publisher's name in it becomes the link
    (a credit block inserted above would credit the publisher twice). Its name elsewhere (a quote in the
    story, a code span, a link to another page, a copyright notice) is left as it is."""
    body = (
        "# The harbour\n\nGlobal Research said `Global Research` was [Global Research](https://example.org/)'s.\n\n"
        "*The original source of this article is Global Research.*\n\nCopyright © Ana Ruiz, Global Research, 2024\n\n"
        "A Global Research analysis of the sale was cited, sources said.\n"
    )
    story = write_md("linked.md", COMPLIANT_META, body)
    before = story.read_text(encoding="utf-8")
    run = cli("check", str(story), "--fix")
    assert run.code == 0, run.out + run.err
    linked = f"*The original source of this article is [Global Research]({COMPLIANT_META['original_url']}).*"
    assert story.read_text(encoding="utf-8") == before.replace(
        "*The original source of this article is Global Research.*", linked
    )
    # A credit broken over two lines, the name in other case: the name the credit's words lead to.
    wrapped = write_md("wrapped.md", COMPLIANT_META, body.replace("is Global Research.*", "is\nglobal research.*"))
    assert cli("check", str(wrapped), "--fix").code == 0
    assert f"is\n[global research]({COMPLIANT_META['original_url']}).*" in wrapped.read_text(encoding="utf-8")
    # No credit line to link: the credit block is inserted, as before.
    plain = write_md(
        "plain.md", COMPLIANT_META, body.replace("*The original source of this article is Global Research.*\n\n", "")
    )
    assert cli("check", str(plain), "--fix").code == 0
    assert plain.read_text(encoding="utf-8").count("The original source of this article is [Global Research](") == 1


def test_fix_inserts_only_the_parts_of_the_credit_a_reprint_lacks(tmp_path, write_md, cli):
    notice = "Copyright © Ana Ruiz, Global Research, 2024"
    meta = {**COMPLIANT_META, "author": "Ana Ruiz", "original_published": "2024-02-01"}
    story = write_md("notice-kept.md", meta, f"# T\n\nA paragraph about a harbour.\n\n{notice}\n")
    run = cli("check", str(story), "--fix", "--format", "json")
    assert run.code == 0, run.out + run.err
    text = story.read_text(encoding="utf-8")
    assert text.count("Copyright ©") == 1  # its own notice, not a second one
    source_line = f"*The original source of this article is [Global Research]({meta['original_url']}).*"
    assert text.endswith(f"{notice}\n\n{source_line}\n")
    page = tmp_path / "page.html"
    page.write_text(f"<html><body>\n<p>Story.</p>\n<p>{notice}</p>\n</body></html>\n", encoding="utf-8")
    (tmp_path / "page.meta.yaml").write_text(json.dumps(meta), encoding="utf-8")
    assert cli("check", str(page), "--fix").code == 0
    html = page.read_text(encoding="utf-8")
    assert html.count("Copyright ©") == 1 and html.count("The original source of this article") == 1
    from reprint_guard.fix import _parts

    # An HTML credit written over several lines is one part: no line of it is left out alone.
    assert _parts("<p>\n  <em>By Ana</em>\n</p>\n<p>Copyright</p>", "html") == [
        "<p>\n  <em>By Ana</em>\n</p>\n<p>Copyright</p>"
    ]
    # Its own notice without the publisher's name: a second notice naming it would satisfy the source
    # credit too, but the line the finding asks for is the source line, the block's first part.
    own = write_md("own-notice.md", meta, "# T\n\nA paragraph.\n\nCopyright © Ana Ruiz, 2024\n")
    assert cli("check", str(own), "--fix").code == 0
    assert own.read_text(encoding="utf-8").endswith(f"Copyright © Ana Ruiz, 2024\n\n{source_line}\n")
    bare = write_md("bare.md", meta, "# T\n\nA paragraph about a harbour.\n")
    assert cli("check", str(bare), "--fix").code == 0  # nothing there: the whole block, in its order
    whole = bare.read_text(encoding="utf-8")
    assert whole.index("The original source") < whole.index(notice)


def test_fix_leaves_a_read_only_file_alone_and_keeps_hard_links(broken, cli):
    before = broken.read_bytes()
    broken.chmod(0o444)
    run = cli("check", str(broken), "--fix")
    assert run.code == 2 and "cannot write the fix: the file is read-only: not fixed" in run.err
    assert broken.read_bytes() == before
    broken.chmod(0o644)
    twin = broken.with_name("twin.md")
    os.link(broken, twin)
    assert cli("check", str(broken), "--fix").code == 0
    assert twin.read_bytes() == broken.read_bytes() != before  # one file still, under both names
    assert os.stat(broken).st_ino == os.stat(twin).st_ino


@pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX resource limits")
def test_fix_of_a_hard_linked_file_that_cannot_grow_leaves_it_whole(broken, tmp_path):
    """A hard-linked file is fixed in place (a new file would part its links). With no room for the longer
    text (a full disk; here a file size limit), it was half rewritten: the credit in, the end gone, and
    "not fixed" said. The room is taken first now: the file is left as it was."""
    resource = pytest.importorskip("resource")
    import signal

    os.link(broken, tmp_path / "twin.md")
    before = broken.read_bytes()

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG), as a full disk's
        resource.setrlimit(resource.RLIMIT_FSIZE, (len(before) + 8, len(before) + 8))

    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    proc = subprocess.run(
        [sys.executable, "-m", "reprint_guard", "check", str(broken), "--fix", "--no-config"],
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=small_files,  # the limit is the test's whole point
        check=False,
    )
    assert proc.returncode == 2 and "cannot write the fix" in proc.stderr and "not fixed" in proc.stderr, proc.stderr
    assert broken.read_bytes() == before  # whole, under both names
    assert (tmp_path / "twin.md").read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give files owners")
def test_fix_keeps_the_files_owner_and_group(tmp_path, broken, cli):
    """The fixed file replaced the old one with a new file of the fixer's own: an editor's file became root's,
    a shared group folder's file lost its group. Kept as it was, by chown or by writing in place."""
    import shutil

    os.chown(broken, 65534, 65534)
    broken.chmod(0o640)
    assert cli("check", str(broken), "--fix").code == 0  # as root: the new file is given the old owner
    status = os.stat(broken)
    assert (status.st_uid, status.st_gid, status.st_mode & 0o777) == (65534, 65534, 0o640)
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return
    import tempfile

    as_nobody = [setpriv, "--reuid", "65534", "--regid", "65534", "--groups", "100", "--"]
    probe = subprocess.run([*as_nobody, sys.executable, "-c", ""], capture_output=True, text=True, timeout=60)
    if probe.returncode != 0:  # an interpreter installed where another user cannot load it (root's pyenv)
        pytest.skip(f"this Python does not run as another user: {probe.stderr.strip()[:200]}")
    shared = Path(tempfile.mkdtemp(prefix="reprint-guard-shared-"))  # pytest's own folder is root's alone
    os.chown(shared, 0, 100)
    shared.chmod(0o2775)
    story = shared / "story.md"
    story.write_text(markdown(COMPLIANT_META, "# T\n\nText.\n"), encoding="utf-8")
    os.chown(story, 1000, 100)  # another editor's file, writable by the group
    story.chmod(0o664)
    proc = subprocess.run(
        [*as_nobody, sys.executable, "-m", "reprint_guard", "check", "--no-config", "--fix", str(story)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    try:
        assert proc.returncode == 0, proc.stderr
        status = os.stat(story)
        assert (status.st_uid, status.st_gid, status.st_mode & 0o777) == (1000, 100, 0o664)
        assert "The original source of this article" in story.read_text(encoding="utf-8")
    finally:
        shutil.rmtree(shared)


def test_fix_inserts_the_credit_parts_it_can_make_and_says_what_needs_metadata(write_md, cli):
    """No author: the source line and its link need none, so they go in; the copyright notice waits for the
    author, and the file is left untouched only when no part can be made."""
    meta = {k: v for k, v in COMPLIANT_META.items() if k != "author"}
    path = write_md("no-author.md", meta, "# T\n\nBody.\n")
    run = cli("check", str(path), "--fix")
    assert run.code == 1
    assert "fixed global-research/source-credit, global-research/link-original" in run.err
    assert "could not fix global-research/copyright-notice: needs metadata that is not set: author" in run.err
    text = path.read_text(encoding="utf-8")
    assert text.endswith(f"*The original source of this article is [Global Research]({GR_URL}).*\n")
    assert "Copyright" not in text
    # A one-paragraph credit: its sentences that need no author go in ("By {author}." waits for it).
    story = write_md(
        "pp.md", {"original_url": "https://www.propublica.org/article/x-y", "commercial": False}, "Body.\n"
    )
    run = cli("check", str(story), "--fix")
    assert "could not fix propublica/credit-author: needs metadata that is not set: author" in run.err, run.err
    assert "fixed propublica/link-original, propublica/license, propublica/credit-line" in run.err, run.err
    assert story.read_text(encoding="utf-8").endswith(
        "\n*This story was originally published by [ProPublica](https://www.propublica.org/article/x-y). It is "
        "republished under a [CC BY-NC-ND 3.0 US](https://creativecommons.org/licenses/by-nc-nd/3.0/us/) licence.*\n"
        '\n<script type="text/javascript" src="https://pixel.propublica.org/pixel.js" async></script>\n'  # its tag
    )
    # Global Voices' credit names the author in the sentence that links the original, and its licence sentence
    # ("It is republished ...") reads as nothing alone: the file is left as it was.
    voices = write_md("voices.md", {"original_url": "https://globalvoices.org/2025/x/"}, "# T\n\nBody.\n")
    before = digest(voices)
    run = cli("check", str(voices), "--fix")
    assert run.code == 1 and "left unchanged: the credit needs metadata that is not set: author" in run.err
    assert digest(voices) == before


def test_fix_says_when_the_name_it_inserted_is_the_pages_own_author_tag(tmp_path, cli):
    """--fix wrote the name of the account that posted a page (its <meta name="author">) into the credit and
    said only what it fixed; the note the finding's fix carried was gone once the fix was applied."""
    page = tmp_path / "staff.html"
    page.write_text(
        '<html><head><meta name="author" content="Valley Post Staff">'
        f'<link rel="canonical" href="{GR_URL}"></head><body><p>Story.</p></body></html>\n',
        encoding="utf-8",
    )
    run = cli("check", str(page), "--fix", "--meta", "commercial=false")
    assert "Valley Post Staff" in page.read_text(encoding="utf-8")
    assert f"{page}: note: the author is read from the page's own author tag" in run.err, run.err
    (tmp_path / "staff.meta.yaml").write_text("author: Ana Ruiz\n", encoding="utf-8")  # set: no note
    page.write_text(page.read_text(encoding="utf-8").split("<p>Story.</p>")[0] + "<p>Story.</p></body></html>\n")
    again = cli("check", str(page), "--fix", "--meta", "commercial=false")
    assert "fixed" in again.err and "note:" not in again.err, again.err


def test_fix_reports_what_it_cannot_fix(write_md, cli):
    path = write_md("commercial.md", {**COMPLIANT_META, "commercial": True}, "# T\n\nBody.\n")
    run = cli("check", str(path), "--fix", "--format", "json")
    assert "could not fix global-research/commercial-permission: needs a permission record" in run.err
    assert [f["rule"] for f in run.json()["results"][0]["findings"]] == ["global-research/commercial-permission"]


def test_fix_html_inserts_before_body_end(tmp_path, cli):
    page = tmp_path / "page.html"
    page.write_text("<html><body>\n<p>Story.</p>\n</body></html>\n", encoding="utf-8")
    (tmp_path / "page.meta.yaml").write_text(json.dumps(COMPLIANT_META), encoding="utf-8")
    run = cli("check", str(page), "--fix")
    assert run.code == 0, run.out + run.err
    text = page.read_text(encoding="utf-8")
    assert text.index("Story.") < text.index("Global Research</a>") < text.index("</body>")


def test_fix_indents_an_html_credit_as_its_neighbours_and_leaves_no_trailing_space(tmp_path, cli):
    """A patch from --diff applies without git's white space warnings, and the page keeps its shape."""
    page = tmp_path / "page.html"
    before = "<html>\n<body>\n  <main>\n    <p>Story.</p>\n\n  </main>\n</body>\n</html>\n"
    page.write_text(before, encoding="utf-8")
    (tmp_path / "page.meta.yaml").write_text(json.dumps(COMPLIANT_META), encoding="utf-8")
    assert cli("check", str(page), "--fix").code == 0
    lines = page.read_text(encoding="utf-8").split("\n")
    assert lines[:5] == ["<html>", "<body>", "  <main>", "    <p>Story.</p>", ""]
    assert lines[5].startswith("    <p><em>The original source of this article is <a href=")
    assert lines[6] == "    <p>Copyright © Ana Ruiz, Global Research, 2024</p>"
    assert lines[7:] == ["  </main>", "</body>", "</html>", ""]
    top = tmp_path / "top.html"
    top.write_text("<article>\n  <h1>T</h1>\n\n  <p>Story.</p>\n</article>\n", encoding="utf-8")
    own = tmp_path / "top.meta.yaml"
    own.write_text(json.dumps({**COMPLIANT_META, "original_url": "https://globalvoices.org/2025/x/"}), encoding="utf-8")
    assert cli("check", str(top), "--fix").code == 0  # Global Voices' credit goes at the top
    placed = top.read_text(encoding="utf-8").split("\n")
    assert placed[:2] == ["<article>", "  <h1>T</h1>"] and placed[2].startswith("  <p>")
    assert placed[-4:] == ["", "  <p>Story.</p>", "</article>", ""]


SITE_PAGE = """<html><body>
<header class="site-header"><img src="/logo.png" alt="Valley Voice"><nav><a href="/">Home</a></nav></header>
<article class="post">
<h1>The harbour that was sold</h1>
<p>Story.</p>
</article>
<footer class="site-footer"><p>Valley Voice Media, 2026.</p></footer>
</body></html>
"""


def _skip_header(folder):
    config = folder / "skip.yaml"
    config.write_text('skip-elements: ["header.site-header"]\n', encoding="utf-8")
    return config


def test_a_top_credit_goes_after_the_articles_title(tmp_path, cli):
    page = tmp_path / "page.html"
    page.write_text(SITE_PAGE, encoding="utf-8")
    meta = {
        "author": "Priya Ramaswamy",
        "original_url": "https://theconversation.com/how-rooftop-beehives-changed-one-city-block-241873",
        "license": "CC-BY-ND-4.0",
        "commercial": False,
        "medium": "print",
    }
    (tmp_path / "page.meta.yaml").write_text(json.dumps(meta), encoding="utf-8")
    run = cli("check", str(page), "--fix")
    assert "fixed the-conversation/credit-author" in run.err, run.out + run.err  # the site's logo stays a finding
    text = page.read_text(encoding="utf-8")
    assert text.index("</h1>") < text.index("The Conversation") < text.index("Story.")
    # The logo is still a finding; being outside the <article>, its fix says how to leave the site's own out.
    page.write_text(text.replace("<p>Story.</p>", '<p>Story.</p>\n<img src="/harbour.jpg" alt="">'), encoding="utf-8")
    fixes = {f["line"]: f["fix"] for f in cli("check", str(page), "--format", "json").json()["results"][0]["findings"]}
    assert "skip-elements" in fixes[2] and "<article>" in fixes[2]  # the header's logo
    assert (
        "skip-elements" not in cli("check", str(page), "--format", "json", "--config", str(_skip_header(tmp_path))).out
    )


def test_explain_examples_are_checked_against_the_rule(cli):
    from reprint_guard import load_policy
    from reprint_guard.policy.examples import verified_examples

    policy = load_policy("global-research")
    for rule in policy.rules:
        pair = verified_examples(policy, rule)
        assert pair is not None, rule.id
    run = cli("explain", "global-research/print-permission")
    assert "Passing example (checked against this rule):" in run.out
    assert "scope:\n    - print" in run.out or "- print" in run.out


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_diff_does_not_mix_a_patch_into_a_machine_readable_report(tmp_path, cli, fmt):
    path = tmp_path / "a.md"
    path.write_text("---\noriginal_url: https://www.globalresearch.ca/a/1\n---\nBody.\n", encoding="utf-8")
    run = cli("check", "--diff", "--format", fmt, str(path))
    assert run.code == 2 and f"--{fmt} FILE" in run.err and run.out == "", (run.out, run.err)


def test_diff_keeps_standard_output_for_the_patch(broken, cli):
    """``check --diff > fix.patch`` gives a patch that applies: the text report goes to standard error."""
    run = cli("check", str(broken), "--diff")
    assert run.out.startswith("--- ") and "\n+++ " in run.out, run.out
    assert all(line[:1] in ("-", "+", " ", "@", "\\") for line in run.out.splitlines()), run.out
    assert "global-research/source-credit" in run.err  # the report, on stderr
    patched = subprocess.run(
        ["patch", "--dry-run", "-p0", str(broken)], input=run.out, capture_output=True, text=True, check=False
    )
    assert patched.returncode == 0, patched.stdout + patched.stderr


def test_diff_names_a_file_with_a_tab_or_a_line_break_as_git_does_so_the_patch_applies(tmp_path, cli):
    from conftest import git

    git(tmp_path, "init", "-q")
    text = markdown(COMPLIANT_META, COMPLIANT_BODY.replace("Global Research", "GR"))
    for name in ("tab\tx.md", "line\nbreak.md", "sp ace.md", 'quo"te.md'):
        (tmp_path / name).write_text(text, encoding="utf-8")
    run = cli("check", "--no-config", "--diff", ".", cwd=tmp_path)
    assert '--- "a/tab\\tx.md"' in run.out and '--- "a/line\\nbreak.md"' in run.out, run.out
    applied = subprocess.run(["git", "apply", "-"], input=run.out, cwd=tmp_path, capture_output=True, text=True)
    assert applied.returncode == 0, applied.stderr
    assert cli("check", "--no-config", ".", cwd=tmp_path).code == 0


@pytest.mark.parametrize("flag", ["--json", "--sarif", "--markdown"])
def test_a_report_file_never_replaces_a_file_being_checked(broken, cli, flag):
    before = digest(broken)
    run = cli("check", str(broken), flag, str(broken))
    assert run.code == 2 and f"{flag} would overwrite a file being checked" in run.err, run.err
    assert run.err.count("\n") == 1 and "Traceback" not in run.err
    assert digest(broken) == before
    folder = cli("check", str(broken.parent), flag, str(broken.parent / "." / broken.name))
    assert folder.code == 2 and digest(broken) == before  # found by walking, and a reprint: refused too


def test_a_report_in_the_walked_folder_is_passed_over_on_the_next_run(tmp_path, write_md, cli):
    write_md("a.md", COMPLIANT_META, COMPLIANT_BODY)
    for _ in range(2):
        run = cli("check", ".", "--json", "out.json", "--markdown", "summary.md", "--sarif", "out.sarif", cwd=tmp_path)
        assert run.code == 0, run.err
        report = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
        assert [r["path"] for r in report["results"]] == ["a.md"]


@pytest.mark.parametrize("flag", ["--json", "--sarif", "--markdown"])
def test_a_report_never_replaces_a_sites_own_page_found_by_walking(tmp_path, write_md, cli, flag):
    """The site's own articles are no reprints, and no reports either: they are never overwritten."""
    write_md("a.md", COMPLIANT_META, COMPLIANT_BODY)
    own = tmp_path / "about.md"
    own.write_text("---\ntitle: About us\n---\nWe are a small paper.\n", encoding="utf-8")
    hugo = tmp_path / "hugo.md"  # a reprint known by the config's key mapping only
    hugo.write_text(f"---\ncanonicalURL: {COMPLIANT_META['original_url']}\n---\n{COMPLIANT_BODY}", "utf-8")
    (tmp_path / ".reprint-guard.yaml").write_text("front-matter:\n  canonicalURL: original_url\n", "utf-8")
    notes = tmp_path / "notes.md"  # a page whose first line looks like a summary's, but is not ours
    notes.write_text("### Why we use reprint-guard\n\nOur newsroom notes.\n", "utf-8")
    for victim in (own, hugo, notes):
        before = digest(victim)
        run = cli("check", ".", flag, victim.name, cwd=tmp_path)
        assert run.code == 2 and "would overwrite a file being checked" in run.err, run.err
        assert digest(victim) == before


@pytest.mark.parametrize("flag", ["--json", "--sarif", "--markdown"])
def test_a_report_never_replaces_an_input_that_is_no_article(tmp_path, write_md, cli, flag):
    """A sidecar, the config, a policy of one's own, a README: a report replaces only a report of ours, on a
    stopped run (an unknown --policy, a broken config) too."""
    write_md("a.md", COMPLIANT_META, COMPLIANT_BODY)
    (tmp_path / "p.html").write_text("<p>Text.</p>\n", encoding="utf-8")
    (tmp_path / "p.meta.yaml").write_text(f"original_url: {COMPLIANT_META['original_url']}\n", encoding="utf-8")
    policy = (ROOT / "rules" / "grist.yaml").read_text(encoding="utf-8").replace("id: grist", "id: mypol", 1)
    (tmp_path / "mypol.yaml").write_text(policy, encoding="utf-8")
    (tmp_path / ".reprint-guard.yaml").write_text("policies: [mypol.yaml]\n", encoding="utf-8")
    (tmp_path / "README.txt").write_text("Our newsroom.\n", encoding="utf-8")
    for victim in ("p.meta.yaml", ".reprint-guard.yaml", "mypol.yaml", "README.txt"):
        before = digest(tmp_path / victim)
        for extra in ([], ["--policy", "nope"]):
            run = cli("check", "a.md", "p.html", *extra, flag, victim, cwd=tmp_path)
            assert run.code == 2 and "Traceback" not in run.err, run.err
            assert digest(tmp_path / victim) == before, (victim, extra)
    assert cli("check", "a.md", flag, "report.out", cwd=tmp_path).code == 0
    assert cli("check", "a.md", flag, "report.out", cwd=tmp_path).code == 0  # our own report: replaced


def test_a_report_to_a_pipe_no_one_reads_is_an_error_not_a_hang(broken, cli, tmp_path):
    fifo = tmp_path / "ff"
    os.mkfifo(fifo)
    run = cli("check", str(broken), "--json", str(fifo))
    assert run.code == 2 and "a named pipe that no one reads" in run.err, run.err


def test_a_report_to_a_device_or_pipe_is_written_through_not_replaced(broken, cli, tmp_path):
    import stat
    import threading

    run = cli("check", str(broken), "--json", "/dev/null")
    assert run.code == 1, run.err
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    fifo = tmp_path / "report.pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    run = cli("check", str(broken), "--json", str(fifo))
    reader.join(timeout=30)
    assert run.code == 1 and stat.S_ISFIFO(os.stat(fifo).st_mode), run.err
    assert json.loads(received[0])["results"][0]["status"] == "fail"


def test_a_report_needs_a_file_name(broken, cli, tmp_path):
    for target in ("", str(tmp_path)):
        run = cli("check", str(broken), "--json", target)
        assert run.code == 2 and "the report needs a file name, not a folder" in run.err, run.err


def test_a_named_pipe_in_a_folder_is_passed_over_not_waited_on(tmp_path, write_md, cli):
    write_md("ok.md", COMPLIANT_META, COMPLIANT_BODY)
    os.mkfifo(tmp_path / "pipe.md")
    run = cli("check", str(tmp_path), "--format", "json")
    assert run.code == 0, run.out + run.err
    assert [r["path"].rsplit("/", 1)[-1] for r in run.json()["results"]] == ["ok.md"]


def test_fix_inserts_the_credit_though_a_pixel_particular_to_the_article_cannot_be_made(tmp_path, cli):
    """The Conversation's counter differs per article: --fix inserts it with the id the original's address ends
    in, and where that address ends in none, adds the credit and says the counter is left to do; ProPublica's
    tracking tag is one script for every story, and is inserted."""
    path = tmp_path / "tc.md"
    original = "https://theconversation.com/bees-in-cities"
    for address in (original, f"{original}-241873"):
        path.write_text(
            f"---\ntitle: T\nauthor: Jane Doe\noriginal_url: {address}\n"
            "commercial: false\nmedium: web\n---\n\nText of the story.\n",
            encoding="utf-8",
        )
        run = cli("check", str(path), "--fix", "--format", "json")
        assert "fixed the-conversation/credit-author" in run.err
        assert f"Republished from [The Conversation]({address})" in path.read_text("utf-8")
        if address == original:  # no id to count it by: left to do
            assert (
                "could not fix the-conversation/page-counter: needs the original's id, the number its address ends "
                "in (original_url ends in none)" in run.err
            ), run.err
            assert [f["rule"] for f in run.json()["results"][0]["findings"]] == [
                "the-conversation/link-original",  # no article's address, nor the home page
                "the-conversation/page-counter",
            ]
        else:
            assert "the-conversation/page-counter\n" in run.err, run.err
            assert run.json()["results"][0]["findings"] == []
            assert "counter.theconversation.com/content/241873/count.gif" in path.read_text("utf-8")
    path.write_text(
        "---\ntitle: T\nauthor: Jane Doe\noriginal_url: https://www.propublica.org/article/x\n"
        "commercial: false\nmedium: web\n---\n\nText of the story.\n",
        encoding="utf-8",
    )
    run = cli("check", str(path), "--fix", "--format", "json")
    assert "propublica/credit-line, propublica/pixel-ping\n" in run.err, run.err
    assert run.json()["results"][0]["findings"] == []
    assert path.read_text("utf-8").endswith(
        '<script type="text/javascript" src="https://pixel.propublica.org/pixel.js" async></script>\n'
    )


MINI_POLICY = (
    "id: mini\nname: Mini\npublisher: Mini News\nsource_url: https://mini.example/terms\n"
    "applies_to: [mini.example]\ncredit: {markdown: '*Originally published by [Mini News]({original_url}).*'}\n"
    "rules:\n  - {id: credit, check: attribution, names: [Mini News], message: Credit Mini News}\n"
    "  - {id: link, check: link, target: original, message: Link the original}\n"
    "  - {id: pixel, check: element, pattern: '^https://px\\.mini\\.example/p\\.gif\\?id=[0-9]+$', "
    'host: px.mini.example, insert: \'<img src="https://px.mini.example/p.gif?id={px}" width="1" '
    'height="1" alt="">\', message: Keep the pixel}\n'
)


def test_fix_writes_html_into_a_page_from_a_policys_markdown_only_credit(tmp_path, cli):
    """A policy with a Markdown credit only: --fix wrote asterisks and brackets into the HTML page (and the
    check then took the literal text for the credit); ``credit --format html`` printed Markdown."""
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "mini.yaml").write_text(MINI_POLICY, encoding="utf-8")
    page = tmp_path / "a.html"
    page.write_text('<article>\n<p>Story text.</p>\n<img src="https://px.mini.example/p.gif?id=7">\n</article>\n')
    (tmp_path / "a.meta.yaml").write_text("original_url: https://mini.example/a?x=1&y=2\npx: 7\n", encoding="utf-8")
    run = cli("check", "--no-config", "--rules-dir", "rules", "a.html", "--fix", cwd=tmp_path)
    assert run.code == 0, run.out + run.err
    credit = '<p><em>Originally published by <a href="https://mini.example/a?x=1&amp;y=2">Mini News</a>.</em></p>'
    assert credit in page.read_text(encoding="utf-8") and "*" not in page.read_text(encoding="utf-8")
    printed = cli("credit", "--no-config", "--rules-dir", "rules", "--from", "a.html", "--format", "html", cwd=tmp_path)
    assert printed.out.strip() == credit, printed.out


def test_fix_adds_no_second_pixel_beside_a_hidden_or_altered_one(tmp_path, cli):
    """The publisher's pixel is there but hidden (or altered): a second one inserted would count each reader
    twice. --fix says to correct the one there and leaves the file as it is; a page with none gets one."""
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "mini.yaml").write_text(MINI_POLICY, encoding="utf-8")
    credit = '<p>By <a href="https://mini.example/a">Mini News</a>.</p>\n'
    meta = "original_url: https://mini.example/a\npx: 7\n"
    for name, pixel in (
        ("hidden", '<img src="https://px.mini.example/p.gif?id=7" style="display:none">\n'),
        ("altered", '<img src="https://px.mini.example/p.gif?id=7&amp;ref=x">\n'),
        ("none", ""),
        # A photo the publisher serves from the pixel's host is no pixel: one is still missing, and inserted.
        ("photo", '<img src="https://px.mini.example/images/harbour.jpg" width="1200" height="800">\n'),
    ):
        page = tmp_path / f"{name}.html"
        page.write_text(f"<article>\n<p>Story.</p>\n{credit}{pixel}</article>\n", encoding="utf-8")
        (tmp_path / f"{name}.meta.yaml").write_text(meta, encoding="utf-8")
        before = page.read_text(encoding="utf-8")
        run = cli("check", "--no-config", "--rules-dir", "rules", page.name, "--fix", cwd=tmp_path)
        if name in ("none", "photo"):
            assert run.code == 0 and before != page.read_text(encoding="utf-8"), run.out + run.err
            assert page.read_text(encoding="utf-8").count("px.mini.example/p.gif") == 1
        else:
            assert run.code == 1 and page.read_text(encoding="utf-8") == before, run.out + run.err
            assert "could not fix mini/pixel: needs the <img> already there corrected by hand" in run.err, run.err


def test_validate_says_a_placeholder_in_a_message_or_pattern_is_not_filled(tmp_path, cli):
    """{title} in a message was shown as written in every finding, and ?u={orignal_url} in an element pattern
    matched no real pixel (the right one was reported as altered); validate said the policy was valid. A site's
    own key ({pixel_id}) is filled from the reprint's metadata, as in a template: validate refused it."""
    policy = tmp_path / "ph.yaml"
    policy.write_text(
        "id: ph\nname: Ph\npublisher: Ph News\nsource_url: https://ph.example/terms\napplies_to: [ph.example]\n"
        "rules:\n"
        "  - {id: credit, check: attribution, names: [Ph News], message: 'Ph News is not credited in {title}'}\n"
        "  - {id: pixel, check: element, pattern: '^https://px\\.ph\\.example/p\\?u={orignal_url}$', message: m}\n"
        "  - {id: own, check: element, pattern: '^https://px\\.ph\\.example/p\\?id={pixel_id}$', message: m}\n"
        "  - {id: greek, check: text, pattern: '\\p{Greek}+ x{2}', mode: forbid, message: 'No {2} Greek'}\n",
        encoding="utf-8",
    )
    run = cli("validate", "--no-config", str(policy))
    assert run.code == 1
    assert run.out.splitlines() == [
        f"{policy}:7:56: rule 'credit', field 'message': {{title}} is not filled in (a message is the same for "
        "every reprint: say it in the rule's fix, where placeholders are filled)",
        f"{policy}:8:33: rule 'pixel', field 'pattern': {{orignal_url}} is not filled in (did you mean "
        "{original_url}? An element's pattern is filled with the values a template knows)",
    ], run.out  # {pixel_id}, a site's own metadata key, is filled from the reprint's metadata as a template is


def test_a_fix_writes_flags_and_dates_as_yaml_and_an_unset_key_as_a_hint(tmp_path, cli):
    """A fix's {commercial} stayed "{commercial}" (flags were left out), {published} read as Python writes a
    date-time, and a key the reprint does not set stayed in braces; a metadata rule's message showed
    datetime.datetime(...)."""
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "m.yaml").write_text(
        "id: m\nname: M\npublisher: M News\nsource_url: https://m.example/terms\napplies_to: [m.example]\n"
        "rules:\n  - {id: credit, check: attribution, names: [M News], message: Credit, "
        "fix: 'Credit M News. commercial={commercial} published={published} ref={permission_ref}'}\n"
        "  - {id: year, check: metadata, field: published, pattern: '^2026-', message: Wrong year}\n",
        encoding="utf-8",
    )
    (tmp_path / "a.md").write_text(
        "---\noriginal_url: https://m.example/a\ncommercial: true\npublished: 2025-03-01T10:00:00Z\n---\nText.\n",
        encoding="utf-8",
    )
    findings = cli("check", "--no-config", "--rules-dir", "rules", "a.md", "--format", "json", cwd=tmp_path).json()
    by_rule = {f["rule"]: f for f in findings["results"][0]["findings"]}
    assert by_rule["m/credit"]["fix"] == (
        "Credit M News. commercial=true published=2025-03-01T10:00:00+00:00 ref=<permission_ref>"
    )
    assert "'published' is '2025-03-01T10:00:00+00:00', which does not match" in by_rule["m/year"]["message"]


def test_a_metadata_rules_own_fix_stands_and_fix_says_what_metadata_is_wanted(tmp_path, cli):
    """A metadata rule's fix, written for its field, was replaced by a generic "Add 'x: ...'" when the field
    was unset; and --fix said a timing rule with no original date "needs a later publication date"."""
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "emb.yaml").write_text(
        "id: emb\nname: Emb\npublisher: Emb News\nsource_url: https://emb.example/terms\n"
        "applies_to: [emb.example]\nrules:\n  - {id: embargo, check: timing, after_hours: 48, message: Wait}\n"
        "  - {id: ref, check: metadata, field: permission_ref, required: true, message: Ref, "
        "fix: 'Set permission_ref to the reference on the letter.'}\n",
        encoding="utf-8",
    )
    (tmp_path / "f.md").write_text("---\noriginal_url: https://emb.example/a\n---\nText.\n", encoding="utf-8")
    run = cli("check", "--no-config", "--rules-dir", "rules", "f.md", "--fix", "--format", "json", cwd=tmp_path)
    fixes = {f["rule"]: f["fix"] for f in run.json()["results"][0]["findings"]}
    assert fixes["emb/ref"] == "Set permission_ref to the reference on the letter."
    assert "f.md: could not fix emb/embargo: needs 'original_published' set in the metadata" in run.err, run.err
    assert "f.md: could not fix emb/ref: needs 'permission_ref' set in the metadata" in run.err


def test_validate_says_each_problem_once_and_lists_the_allowed_values(tmp_path, cli):
    policy = tmp_path / "p1.yaml"
    policy.write_text(
        "id: p1\nname: P\npublisher: P\nsource_url: https://p.example/t\napplies_to: [p.example]\nrules:\n"
        "  - id: r\n    check: text\n    phrase: hello\n    severity: fatal\n    message: m\n"
        "  - id: s\n    check: link\n    target: elsewhere\n    message: m\n",
        encoding="utf-8",
    )
    run = cli("validate", str(policy))
    assert run.code == 1
    lines = run.out.splitlines()
    assert lines == [
        f"{policy}:10:5: rule 'r', field 'severity': 'fatal' is not one of ['error', 'warning', 'info']",
        f"{policy}:14:5: rule 's', field 'target': 'elsewhere' is not one of ['original']",
    ]
    policy.write_text(
        "id: p1\nname: P\npublisher: P\nsource_url: https://p.example/t\nextends: nosuch\nrules:\n"
        "  - id: r\n    check: text\n    phrase: hello\n    message: m\n",
        encoding="utf-8",
    )
    run = cli("validate", str(policy))
    assert "extends unknown policy 'nosuch'" in run.out and "p1," not in run.out and "global-research" in run.out


def test_an_unknown_policy_id_is_placed_where_it_was_named(tmp_path, write_md, cli):
    write_md("a.md", COMPLIANT_META, COMPLIANT_BODY)
    (tmp_path / ".reprint-guard.yaml").write_text("exclude: []\npolicy: nosuch\n", encoding="utf-8")
    run = cli("check", "a.md", cwd=tmp_path)
    assert run.code == 2 and ".reprint-guard.yaml:2:9: unknown policy 'nosuch'" in run.err, run.err
    (tmp_path / ".reprint-guard.yaml").unlink()
    run = cli("check", "a.md", "--policy", "nosuch", cwd=tmp_path)
    assert run.code == 2 and run.err.startswith("reprint-guard: --policy: unknown policy 'nosuch'"), run.err
    run = cli("check", "a.md", "--meta", "policy=nosuch", cwd=tmp_path)
    assert run.code == 2 and run.err.startswith("reprint-guard: --meta policy: unknown policy 'nosuch'"), run.err
    for config, line in (
        ("defaults: {policy: nosuch}\n", 1),
        ("overrides:\n  - paths: ['*.md']\n    metadata: {policy: nosuch}\n", 3),
    ):
        (tmp_path / ".reprint-guard.yaml").write_text(config, encoding="utf-8")
        run = cli("check", "a.md", cwd=tmp_path)
        assert run.code == 2 and f".reprint-guard.yaml:{line}:" in run.err and run.err.count("\n") == 1, run.err


def test_a_diff_for_a_name_with_spaces_applies_with_patch_and_git(tmp_path, write_md, cli):
    path = write_md("my story #1.md", COMPLIANT_META, "# T\n\nBody.\n")
    before = path.read_text(encoding="utf-8")
    run = cli("check", ".", "--diff", cwd=tmp_path)
    assert run.out.startswith("--- a/my story #1.md\t\n+++ b/my story #1.md\t\n"), run.out[:80]
    for command in (["patch", "--dry-run", "-p1"], ["git", "apply", "--check", "-p1"]):
        applied = subprocess.run(command, input=run.out, capture_output=True, text=True, cwd=tmp_path, check=False)
        assert applied.returncode == 0, (command, applied.stdout + applied.stderr)
    assert path.read_text(encoding="utf-8") == before


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_windows_and_classic_mac_line_ends_read_and_fix_as_lf(tmp_path, cli, ending):
    """CR-only files were not read as having front matter (skipped, exit 0); --fix keeps a file's line ends."""
    lf = markdown(COMPLIANT_META, COMPLIANT_BODY.replace("Global Research", "GR"))
    (tmp_path / "lf.md").write_text(lf, encoding="utf-8", newline="")
    (tmp_path / "other.md").write_text(lf.replace("\n", ending), encoding="utf-8", newline="")
    run = cli("check", "lf.md", "other.md", "--format", "json", cwd=tmp_path)
    found = {Path(r["path"]).name: [(f["rule"], f["line"]) for f in r["findings"]] for r in run.json()["results"]}
    assert found["other.md"] == found["lf.md"] != []
    cli("check", "other.md", "--fix", cwd=tmp_path)
    fixed = (tmp_path / "other.md").read_bytes().decode()
    assert "Global Research" in fixed and fixed.count(ending) == fixed.count(ending[-1]) > lf.count("\n")
    assert ending == "\r\n" or "\n" not in fixed  # no line end of another kind put in


def test_fix_leaves_out_the_parts_present_of_a_credit_of_many_parts_one_recheck_each(tmp_path, cli):
    """A policy of one's own with a credit of six paragraphs: every subset was tried, 2^n rechecks. Named with
    --policy FILE, which --fix passed over in silence (its policy is no id of the bundled set)."""
    names = [f"Partner {chr(65 + i)}" for i in range(6)]
    rules = "".join(
        f"  - id: credit-{i}\n    check: attribution\n    names: ['{name}']\n    message: credit {name}\n"
        for i, name in enumerate(names)
    )
    credit = "\n\n".join(f"    Shared by {name}." for name in names)
    policy = tmp_path / "many.yaml"
    policy.write_text(
        "id: many\nname: M\npublisher: M\nsource_url: https://m.example/t\napplies_to: [m.example]\n"
        f"credit:\n  markdown: |-\n{credit}\nrules:\n{rules}",
        encoding="utf-8",
    )
    story = tmp_path / "story.md"
    story.write_text(
        markdown({"original_url": "https://m.example/a"}, f"# T\n\nText.\n\nWith {names[1]} and {names[4]}.\n"),
        encoding="utf-8",
    )
    run = cli("check", "--policy", str(policy), str(story), "--fix")
    assert run.code == 0, run.err
    added = story.read_text(encoding="utf-8").split(f"With {names[1]} and {names[4]}.\n", 1)[1]
    assert added == "".join(f"\nShared by {names[i]}.\n" for i in (0, 2, 3, 5))


def test_fix_keeps_each_lines_own_end_in_a_file_whose_lines_end_both_ways(tmp_path, cli):
    """An edit from Windows in a Unix file: the fix turned every line CRLF; each line keeps its own now, and
    the new ones take the end of the line they follow (here an LF line)."""
    lf = markdown(COMPLIANT_META, COMPLIANT_BODY.replace("Global Research", "GR"))
    lines = lf.split("\n")
    mixed = "".join(line + ("\r\n" if i % 3 == 0 else "\n") for i, line in enumerate(lines[:-1]))
    path = tmp_path / "mixed.md"
    path.write_bytes(mixed.encode("utf-8"))
    assert cli("check", str(path), "--fix").code == 0
    fixed = path.read_bytes().decode("utf-8")
    assert fixed.startswith(mixed) and "Global Research" in fixed[len(mixed) :]
    assert "\r\n" not in fixed[len(mixed) :] and fixed[len(mixed) :].count("\n") > 0


@pytest.mark.parametrize(
    ("page", "between"),
    [
        # A whole page: the credit goes at the bottom of its <article>, not among the site's footer.
        (SITE_PAGE, ("Story.", "</article>")),
        # An <article> in a comment or a script's template is no element of the page: the body is the article.
        ("<html><body>\n<!-- old: <article>x</article> -->\n<p>Story.</p>\n</body></html>\n", ("Story.", "</body>")),
        (
            '<html><body>\n<script type="text/template"><article>{{x}}</article></script>\n<p>Story.</p>\n'
            "</body></html>\n",
            ("Story.", "</body>"),
        ),
        # A related story's card outside the one <main>: the <main> is the article.
        (
            "<html><body>\n<main>\n<p>Story.</p>\n</main>\n<aside><article>Card</article></aside>\n</body></html>\n",
            ("Story.", "</main>"),
        ),
    ],
)
def test_fix_finds_the_pages_article_only_where_it_is(tmp_path, cli, page, between):
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    (tmp_path / "page.meta.yaml").write_text(json.dumps(COMPLIANT_META), encoding="utf-8")
    run = cli("check", str(path), "--fix")
    assert run.code == 0, run.out + run.err
    text = path.read_text(encoding="utf-8")
    assert text.index(between[0]) < text.index("Global Research</a>") < text.index(between[1])


def test_validate_refuses_a_licence_id_it_does_not_know_at_its_entry(tmp_path, cli):
    """A mistyped SPDX id passed, and the rule could never pass: its messages named no licence and no deed."""
    policy = write_policy(
        tmp_path,
        "herald",
        "rules:\n  - id: license\n    check: license\n    licenses: [CC-BY-ND-4.0, CC-BY-NC-ND-40]\n    message: L\n",
    )
    run = cli("validate", str(policy))
    assert run.code == 1
    assert run.out == (
        f"{policy}:8:30: rule 'license', field 'licenses': 'CC-BY-NC-ND-40' is not a licence reprint-guard knows: "
        "write a Creative Commons licence's SPDX id (such as CC-BY-ND-4.0), its deed URL or its name; did you mean "
        "'CC-BY-NC-ND-4.0'?\n"
    )
    article = tmp_path / "a.md"
    article.write_text("---\noriginal_url: https://p.example/a\n---\nText.\n", encoding="utf-8")
    checked = cli("check", str(article), "--policy", str(policy))  # refused when loaded too
    assert checked.code == 2 and "'CC-BY-NC-ND-40' is not a licence reprint-guard knows" in checked.err
    policy.write_text(policy.read_text(encoding="utf-8").replace("CC-BY-NC-ND-40", "CC-BY-4.0-US"))
    run = cli("validate", str(policy))
    assert run.code == 1 and f"{policy}:8:30:" in run.out
    assert "the 4.0 licences have no national versions; write 'CC-BY-4.0'" in run.out
    # Every way the license key may name a licence is one the check knows.
    known = "CC-BY-NC-ND-3.0-US, 'https://creativecommons.org/licenses/by-sa/4.0/', CC BY-NC 4.0"
    policy.write_text(policy.read_text(encoding="utf-8").replace("CC-BY-4.0-US", known))
    run = cli("validate", str(policy))
    assert run.code == 0 and run.out == f"{policy}: valid\n", run.out


def test_validate_reads_the_credit_block_as_a_reader_does(tmp_path, cli):
    """A credit that links the publisher's name hides the name behind Markdown (or HTML) link syntax: read as
    a reader reads it, the block gives the credit a top-placed rule wants, but is inserted at the bottom."""
    rule = (
        "rules:\n  - id: credit-line\n    check: attribution\n    names: [Originally published by Harbour Herald]\n"
        "    position: top\n    message: Credit\n"
    )
    linked = "credit:\n  position: bottom\n  markdown: '*Originally published by [Harbour Herald]({original_url}).*'\n"
    policy = write_policy(tmp_path, "harbour-herald", linked + rule)
    run = cli("validate", str(policy))
    assert run.code == 1
    assert run.out == (
        f"{policy}:12:5: rule 'credit-line' wants 'Originally published by Harbour Herald' at the top, but the "
        "credit block that gives it is inserted at the bottom (credit.position): --fix would put it where the rule "
        "fails\n"
    )
    html = (
        "credit:\n  position: bottom\n  markdown: '*Read [the original]({original_url}).*'\n"
        "  html: '<p><em>Originally published by <a href=\"{original_url}\">Harbour <b>Herald</b></a>.</em></p>'\n"
    )
    policy = write_policy(tmp_path, "harbour-herald", html + rule)
    run = cli("validate", str(policy))
    assert run.code == 1 and "wants 'Originally published by Harbour Herald' at the top" in run.out, run.out
    # Placed where the rule wants it, the block is no problem; naming the publisher only in a link's address, it
    # is not misplaced, but gives no credit the rule would take (a reader never sees the address).
    policy = write_policy(tmp_path, "harbour-herald", linked.replace("position: bottom", "position: top") + rule)
    run = cli("validate", str(policy))
    assert run.code == 0 and run.out == f"{policy}: valid\n", run.out
    address = "credit:\n  position: bottom\n  markdown: '[Read it](https://originally-published-by-harbour-herald.example/)'\n"
    policy = write_policy(tmp_path, "harbour-herald", address + rule)
    run = cli("validate", str(policy))
    assert run.code == 1 and "at the top, but the credit block" not in run.out, run.out
    assert "which the policy's credit block does not name: make the block name it" in run.out, run.out


@pytest.mark.parametrize("mode", ["forbid", "require"])
@pytest.mark.parametrize("pattern", ["(an? )?", r"\w*", "a*", "(herald)?", "x|", r"\bherald\b|\b", "(.*){2}"])
def test_validate_refuses_a_text_pattern_that_can_match_an_empty_span(tmp_path, cli, pattern, mode):
    """Looked at beyond its first match: ``\\w*`` finds "an" first in a sentence, then the empty span after it.
    In forbid mode every article would fail with 'found ""', in require mode the rule could never fail."""
    policy = write_policy(
        tmp_path,
        "herald",
        f"rules:\n  - id: note\n    check: text\n    pattern: '{pattern}'\n    mode: {mode}\n    message: N\n",
    )
    run = cli("validate", str(policy))
    assert run.code == 1
    found = "found in every article" if mode == "forbid" else "in every article, so it never fails"
    assert run.out == (
        f"{policy}:8:5: rule 'note': the pattern /{pattern}/ matches where there is nothing: it is {found}\n"
    )


@pytest.mark.parametrize("pattern", [r"\bherald\b", r"\b(an? )?herald\b", r"(^|[^,] )translated by\b", r"\w+ (a|b)?x"])
def test_validate_takes_a_text_pattern_whose_every_match_holds_something(tmp_path, cli, pattern):
    policy = write_policy(
        tmp_path, "herald", f"rules:\n  - id: note\n    check: text\n    pattern: '{pattern}'\n    message: N\n"
    )
    run = cli("validate", str(policy))
    assert run.code == 0 and run.out == f"{policy}: valid\n", run.out


def test_validate_describes_a_value_out_of_range_or_not_among_the_choices(tmp_path, cli):
    """A whole number out of range is not "not a whole number"; a string not among the values is told them."""
    policy = write_policy(
        tmp_path,
        "herald",
        "rules:\n"
        "  - {id: days, check: timing, after_days: 99999999, message: M}\n"
        "  - {id: hours, check: timing, after_hours: -1, message: M}\n"
        "  - {id: byline, check: attribution, names_from: title, message: M}\n"
        "  - {id: zone, check: timing, after_days: 1, timezone: '', message: M}\n"
        "  - {id: half, check: timing, after_days: 1.5, message: M}\n",
    )
    run = cli("validate", str(policy))
    assert run.code == 1
    assert run.out.splitlines() == [
        f"{policy}:6:31: rule 'days', field 'after_days': 99999999 is out of range: it must be a whole number "
        "from 0 to 36500",
        f"{policy}:7:32: rule 'hours', field 'after_hours': -1 is out of range: it must be a whole number "
        "from 0 to 876000",
        f"{policy}:8:38: rule 'byline', field 'names_from': 'title' is not one of ['author', 'source', "
        "'copyright_holder']",
        f"{policy}:9:46: rule 'zone', field 'timezone': '' is empty: it must match the pattern "
        "^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$",
        f"{policy}:10:31: rule 'half', field 'after_days': 1.5 is not a whole number",
    ]


def test_explain_shows_a_name_that_reads_as_a_credit_once_and_where_the_rule_wants_it(tmp_path, cli):
    write_policy(
        tmp_path,
        "harbour-herald",
        "applies_to: [harbourherald.example]\nrules:\n"
        "  - id: credit-line\n    check: attribution\n    names: [Originally published by Harbour Herald]\n"
        "    position: top\n    message: Credit\n"
        "  - id: masthead\n    check: attribution\n    names: [Harbour Herald]\n    position: bottom\n"
        "    message: Credit\n",
    )
    run = cli("explain", "harbour-herald/credit-line", "--rules-dir", str(tmp_path))
    assert run.code == 0, run.err
    passing = run.out.split("Passing example (checked against this rule):")[1].split("Failing example:")[0]
    assert "Originally published by Originally" not in passing
    assert passing.count("Originally published by Harbour Herald.") == 1
    assert passing.index("# The river") < passing.index("Originally published by") < passing.index("A valley's")
    run = cli("explain", "harbour-herald/masthead", "--rules-dir", str(tmp_path))
    passing = run.out.split("Passing example (checked against this rule):")[1].split("Failing example:")[0]
    assert passing.index("A valley's") < passing.index("Originally published by Harbour Herald.")


def test_explain_shows_a_placement_only_rule_failing_on_a_credit_at_the_other_end(cli):
    run = cli("explain", "the-conversation/credit-conversation-top")
    assert run.code == 0 and "Passing example (checked against this rule):" in run.out
    passing, failing = run.out.split("Passing example (checked against this rule):")[1].split("Failing example:")
    credit = "Originally published by The Conversation."
    assert passing.index(credit) < passing.index("A valley's") and failing.index("A valley's") < failing.index(credit)


def test_validate_tells_an_override_whose_id_is_close_to_an_inherited_rules(tmp_path, cli):
    """A misspelt override is a new rule: the inherited one still runs beside it."""
    policy = write_policy(
        tmp_path,
        "herald",
        "extends: cc-by-nc-4.0\nrules:\n"
        "  - {id: licence, check: license, licenses: [CC-BY-NC-4.0], message: L}\n"
        "  - {id: non-commercial, check: permission, scope: commercial, from: ['*'], message: C}\n"
        "  - {id: herald-credit, check: attribution, names: [Herald], message: C}\n"
        "  - {id: license, check: license, licenses: [CC-BY-NC-4.0], message: L}\n",
    )
    run = cli("validate", str(policy))
    assert run.code == 1
    assert run.out.splitlines() == [
        f"{policy}:7:6: rule 'licence' is not the inherited rule 'license' of 'cc-by-nc-4.0', but is close to it: "
        "as written it is a new rule and 'license' still runs; to replace or disable that rule, use its id "
        "'license'; for a rule of its own, give it an id less like 'license'",
        f"{policy}:8:6: rule 'non-commercial' is not the inherited rule 'noncommercial' of 'cc-by-nc-4.0', but is "
        "close to it: as written it is a new rule and 'noncommercial' still runs; to replace or disable that rule, "
        "use its id 'noncommercial'; for a rule of its own, give it an id less like 'noncommercial'",
        f"{policy}:9:5: rule 'herald-credit' asks for a credit naming 'Herald', which the credit block it inherits "
        "from cc-by-nc-4.0 does not name: give the policy a credit block of its own ('credit:'), or --fix inserts "
        "one that leaves the rule failing",
    ]  # 'license' replaces the inherited rule and 'herald-credit' is far from every inherited id


def test_validate_refuses_disabled_with_more_than_an_id(tmp_path, cli):
    policy = write_policy(
        tmp_path,
        "herald",
        "extends: cc-by-nc-4.0\nrules:\n  - id: not-sold\n    disabled: true\n    check: text\n    message: M\n"
        "  - {id: noncommercial, disabled: true}\n",
    )
    run = cli("validate", str(policy))
    assert run.code == 1
    assert run.out == (
        f"{policy}:9:5: rule 'not-sold': 'disabled' goes with only an 'id' (it drops the inherited rule whole), but "
        "it has 'check', 'message' too: remove them, or remove 'disabled: true' to replace the rule with them\n"
    )
    policy.write_text(policy.read_text(encoding="utf-8").replace("    check: text\n    message: M\n", ""))
    run = cli("validate", str(policy))
    assert run.code == 0 and run.out == f"{policy}: valid\n", run.out


KFF_URL = "https://kffhealthnews.org/news/article/rural-pharmacy-closures-county-nurses-fill-gap/"
GV_URL = "https://globalvoices.org/2026/09/14/a-hillside-radio-station-reads-the-weather-in-three-languages/"
#: Reprints of tests/policies/{kff-health-news,global-voices}/compliant.md with their credit taken out: the
#: policy's own credit position (KFF at the bottom, Global Voices at the top), the metadata and the story.
STORIES = {
    "kff-health-news": (
        {
            "title": "When the last pharmacy closed, the county's nurses filled the gap",
            "author": "Dana Whitfield",
            "original_url": KFF_URL,
            "original_published": "2026-09-18",
            "license": "CC-BY-NC-ND-4.0",
            "commercial": True,
            "news_outlet": True,
            "medium": "web",
        },
        [
            "By Dana Whitfield",
            "The only pharmacy in Harlow County shut its doors on a Friday in March, leaving about 9,000 residents "
            "a ninety-minute drive from the nearest place to fill a prescription.",
            "By the following Monday, two public-health nurses had turned a storage room at the county clinic into "
            "a pickup point.",
            'For now, residents like Ed Marsh say the storage room has been a lifeline. "I know both nurses by '
            'their first names," he said. "That counts for something out here."',
        ],
        "KFF Health News</a>",
    ),
    "global-voices": (
        {
            "title": "A hillside radio station reads the weather in three languages",
            "author": "Nadia Koroma",
            "original_url": GV_URL,
            "original_published": "2026-09-14",
            "license": "CC-BY-3.0",
            "commercial": True,
            "medium": "web",
        },
        [
            "Every morning at six, a volunteer climbs to a one-room studio above a market town and reads the "
            "day's forecast three times.",
            "The station began as a hobby of two retired teachers who noticed that farmers were planting by guesswork.",
            "The teachers are training younger presenters, hoping the station will outlast them.",
        ],
        "originally appeared on Global Voices</a>",
    ),
}


def _wordpress_page(title: str, paragraphs: list[str], *, cards_inside: bool = False) -> str:
    """A WordPress theme's single post: the story's <article>, then related stories as <article> cards, all in
    <main> (``cards_inside``: the cards in an aside inside the story's <article>, and no <main>)."""
    story = "\n".join(f"      <p>{paragraph}</p>" for paragraph in paragraphs)
    cards = "\n".join(
        f'    <article class="card"><h3><a href="/{slug}/">{name}</a></h3><p>{blurb}</p></article>'
        for slug, name, blurb in (
            ("clinic-hours", "Clinic hours grow", "The county clinic opens on Saturdays."),
            ("bus-route", "A bus route returns", "The valley line runs again from June."),
        )
    )
    if cards_inside:
        first, rest = story.split("\n", 1)
        aside = "\n".join("    " + card for card in cards.split("\n"))
        story = f'{first}\n      <aside class="more">\n{aside}\n      </aside>\n{rest}'
        related = ""
        opening, closing = '<div id="primary" class="site-main">', "</div>"
    else:
        related = f'  <section class="related">\n    <h2>Related</h2>\n{cards}\n  </section>\n'
        opening, closing = '<main id="primary" class="site-main">', "</main>"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title} - Valley Voice</title>\n</head>\n"
        '<body class="post-template-default single single-post">\n'
        '<header class="site-header"><a href="/">Valley Voice</a></header>\n'
        f"{opening}\n"
        '  <article id="post-4127" class="post type-post status-publish">\n'
        f'    <header class="entry-header">\n      <h1 class="entry-title">{title}</h1>\n    </header>\n'
        f'    <div class="entry-content">\n{story}\n    </div>\n'
        "  </article>\n"
        f"{related}"
        f"{closing}\n"
        '<footer class="site-footer"><p>Valley Voice Media, 2026.</p></footer>\n'
        "</body>\n</html>\n"
    )


def _inserted_lines(before: str, after: str) -> tuple[int, list[str]]:
    """Where ``after`` adds lines to ``before`` (the 0-based line of the first), and the lines: asserting
    that it adds them in one place and changes nothing else."""
    import difflib

    old, new = before.split("\n"), after.split("\n")
    changes = [op for op in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes() if op[0] != "equal"]
    assert [op[0] for op in changes] == ["insert"], changes
    _, at, _, start, end = changes[0]
    return at, new[start:end]


@pytest.mark.parametrize("policy", ["kff-health-news", "global-voices"])
def test_fix_puts_the_credit_in_the_storys_article_when_main_holds_related_cards(tmp_path, cli, policy):
    """A WordPress page: <main> holds the story's <article> and, in a Related section that skip-elements leaves
    out, more <article> cards. The credit went after the Related section (bottom) or above the headline (top)."""
    meta, paragraphs, credit = STORIES[policy]
    page = tmp_path / "page.html"
    before = _wordpress_page(meta["title"], paragraphs)
    page.write_text(before, encoding="utf-8")
    (tmp_path / "page.meta.yaml").write_text(json.dumps(meta), encoding="utf-8")
    (tmp_path / ".reprint-guard.yaml").write_text('skip-elements: ["section.related"]\n', encoding="utf-8")
    lines = before.split("\n")
    title_line = next(i for i, line in enumerate(lines) if "<h1" in line) + 1
    last_line = next(i for i, line in enumerate(lines) if paragraphs[-1] in line) + 1
    # What is missing is reported in the story: at its title (the top credit) or its last paragraph.
    report = cli("check", "page.html", "--format", "json", cwd=tmp_path)
    assert report.code == 1, report.out + report.err
    found = {f["rule"]: f["line"] for f in report.json()["results"][0]["findings"]}
    assert found and set(found.values()) <= {title_line, last_line}, found
    assert (title_line in found.values()) == (policy == "global-voices")
    run = cli("check", "page.html", "--fix", cwd=tmp_path)
    assert run.code == 0 and f"page.html: fixed {policy}/" in run.err, run.out + run.err
    after = page.read_text(encoding="utf-8")
    at, added = _inserted_lines(before, after)
    assert len(added) == 1 and credit in added[0] and added[0].startswith("    <p><em>"), added
    story_start = lines.index('  <article id="post-4127" class="post type-post status-publish">')
    story_end = lines.index("  </article>")
    assert story_start < at <= story_end < lines.index('  <section class="related">')
    if policy == "global-voices":  # at the top, after the story's title
        assert lines[at - 1] == "    </header>" and lines[at] == '    <div class="entry-content">'
    else:  # at the bottom, after its last paragraph
        assert lines[at - 1] == "    </div>" and at == story_end
    recheck = cli("check", "page.html", cwd=tmp_path)
    assert recheck.code == 0, recheck.out + recheck.err


@pytest.mark.parametrize("policy", ["kff-health-news", "global-voices"])
def test_fix_takes_articles_nested_in_the_story_as_part_of_it(tmp_path, cli, policy):
    """Cards (<article> elements) inside the story's <article>, no <main> and no skip-elements: the outermost
    <article> is the article, and the credit no longer goes at the body's end, after the site's footer."""
    meta, paragraphs, credit = STORIES[policy]
    page = tmp_path / "page.html"
    before = _wordpress_page(meta["title"], paragraphs, cards_inside=True)
    assert before.count("<article") == 3 and "<main" not in before
    page.write_text(before, encoding="utf-8")
    (tmp_path / "page.meta.yaml").write_text(json.dumps(meta), encoding="utf-8")
    lines = before.split("\n")
    last_line = next(i for i, line in enumerate(lines) if paragraphs[-1] in line) + 1
    if policy == "kff-health-news":  # reported at the story's last paragraph, not at the site's footer
        report = cli("check", str(page), "--format", "json")
        assert {f["line"] for f in report.json()["results"][0]["findings"]} == {last_line}, report.out
    run = cli("check", str(page), "--fix")
    assert run.code == 0 and f"fixed {policy}/" in run.err, run.out + run.err
    after = page.read_text(encoding="utf-8")
    at, added = _inserted_lines(before, after)
    assert len(added) == 1 and credit in added[0], added
    story_end = lines.index("  </article>")  # the story's own end tag; the cards' stand on their lines
    if policy == "global-voices":
        assert lines[at - 1] == "    </header>" and lines[at] == '    <div class="entry-content">'
    else:
        assert lines[at - 1] == "    </div>" and at == story_end
    assert cli("check", str(page)).code == 0


def test_fix_falls_back_to_main_when_the_article_tags_do_not_pair_up(tmp_path, cli):
    """Cards left unclosed: which <article> is the story's cannot be told, and the one <main> is the article,
    as before skip-elements counted."""
    meta, paragraphs, credit = STORIES["kff-health-news"]
    page = tmp_path / "page.html"
    before = _wordpress_page(meta["title"], paragraphs).replace("</p></article>", "</p>")
    page.write_text(before, encoding="utf-8")
    (tmp_path / "page.meta.yaml").write_text(json.dumps(meta), encoding="utf-8")
    (tmp_path / ".reprint-guard.yaml").write_text('skip-elements: ["section.related"]\n', encoding="utf-8")
    assert cli("check", "page.html", "--fix", cwd=tmp_path).code == 0
    at, added = _inserted_lines(before, page.read_text(encoding="utf-8"))
    assert credit in added[0] and before.split("\n")[at] == "</main>"


def test_a_page_whose_article_tags_the_tokenizer_reads_as_attributes_is_read_in_linear_time(tmp_path, cli):
    """'<article x' 4,900 times, then a lone quote: each tag name after the first is an attribute, as the
    tokenizer reads it, but the scan took a quote anywhere for the start of a value and read from each tag to
    the quote (six seconds each time the page's article was looked for, several times in a fix)."""
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body>\n<p>Story.</p>\n" + "<article x" * 4_900 + ' "\n<p>More.</p>\n</body></html>\n', encoding="utf-8"
    )
    (tmp_path / "page.meta.yaml").write_text(json.dumps(COMPLIANT_META), encoding="utf-8")
    started = cpu_seconds()
    run = cli("check", str(page), "--fix")
    assert cpu_seconds() - started < 5
    assert run.code == 0 and "fixed global-research/" in run.err, run.out + run.err
    text = page.read_text(encoding="utf-8")
    assert text.index("More.") < text.index("Global Research</a>") < text.index("</body>")


@pytest.mark.parametrize("clock", ["wall", "cpu"])
def test_the_bench_times_each_rule_of_the_policies_its_corpora_use(clock):
    """``bench/run.py --rules`` (a diagnostic, not a timed test) runs the engine's own plan of each policy:
    every rule of the Global Research corpus is timed, and the costs it adds up are its rules' sum; by the
    wall clock or, with ``--clock cpu``, by the process's CPU time, and the report says which."""
    from reprint_guard.policy.loader import policy_set

    proc = subprocess.run(
        [
            *(sys.executable, str(ROOT / "bench" / "run.py"), "--rules", "3", "--docs", "60", "--mixed-docs", "40"),
            *("--clock", clock),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["clock"] == clock
    corpus = report["corpus"]
    rule_ids = {rule.id for rule in policy_set().get("global-research").rules}
    assert set(corpus["rules"]) == {f"global-research/{rule_id}" for rule_id in rule_ids}
    assert corpus["us_per_doc"] == pytest.approx(sum(r["us_per_doc"] for r in corpus["rules"].values()), abs=0.5)
    assert {r["check"] for r in report["mixed_policies"]["rules"].values()} >= {"text", "attribution", "license"}
    assert "the rules take" in proc.stderr and "global-research/link-original" in proc.stderr


def test_explain_and_the_github_summary_tell_severities_as_the_run_does(tmp_path, cli):
    """explain showed the policy's severity where the project's config set another; the GitHub format's
    summary line left out the notes (info findings) that the text summary counts."""
    (tmp_path / ".reprint-guard.yaml").write_text(
        "severity: {global-research/copyright-notice: info}\n", encoding="utf-8"
    )
    head = cli("explain", "global-research/copyright-notice", cwd=tmp_path).out.splitlines()[0]
    assert head == (
        "global-research/copyright-notice  (info by the config's severity, error in the policy, check: attribution)"
    )
    plain = cli("explain", "global-research/copyright-notice", "--no-config", cwd=tmp_path).out.splitlines()[0]
    assert plain == "global-research/copyright-notice  (error, check: attribution)"
    (tmp_path / "a.md").write_text(
        markdown(COMPLIANT_META, COMPLIANT_BODY.replace("Copyright © Ana Ruiz, Global Research, 2024", "")),
        encoding="utf-8",
    )
    summary = cli("check", "a.md", "--format", "github", cwd=tmp_path).out.splitlines()[-1]
    assert summary.startswith("reprint-guard: 0 errors, 0 warnings, 1 note in 1 file"), summary


def test_credit_from_a_file_names_it_when_its_metadata_lacks_what_the_block_needs(tmp_path, cli):
    (tmp_path / "cr.md").write_text("---\noriginal_url: https://www.globalresearch.ca/a/1\n---\nx\n", encoding="utf-8")
    run = cli("credit", "--no-config", "--from", "cr.md", cwd=tmp_path)
    assert run.code == 2
    assert run.err.strip() == (
        "reprint-guard: cr.md: the credit needs metadata that is not set: author (or copyright_holder), "
        "original_published (set it in the metadata, or pass --meta author=...)"
    ), run.err


def test_a_pixel_insert_may_carry_the_original_address_percent_encoded(tmp_path, cli):
    """A counter that takes the story's address in its query string (``?url=``) could not be written as an
    insert: {original_url} put a raw address, with its own ``?`` and ``&``, into another's query."""
    policy = MINI_POLICY.replace("p\\.gif\\?id=[0-9]+$", "p\\.gif\\?url=https%3A%2F%2Fmini\\.example%2F").replace(
        "p.gif?id={px}", "p.gif?url={original_url_encoded}"
    )
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "mini.yaml").write_text(policy, encoding="utf-8")
    assert cli("validate", "rules/mini.yaml", cwd=tmp_path).code == 0
    page = tmp_path / "a.html"
    page.write_text(
        '<article>\n<p>Story text, by <a href="https://mini.example/a?x=1&amp;y=2">Mini News</a>.</p>\n</article>\n'
    )
    (tmp_path / "a.meta.yaml").write_text("original_url: https://mini.example/a?x=1&y=2\n", encoding="utf-8")
    run = cli("check", "--no-config", "--rules-dir", "rules", "a.html", "--fix", cwd=tmp_path)
    assert run.code == 0, run.out + run.err
    assert 'src="https://px.mini.example/p.gif?url=https%3A%2F%2Fmini.example%2Fa%3Fx%3D1%26y%3D2"' in page.read_text(
        encoding="utf-8"
    )


def test_the_readmes_fixture_example_passes_as_written(tmp_path, cli):
    """The README's fixture had no body, so three more rules fired than it expected: copied, it failed."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Testing policies") :]
    example = section[section.index("```yaml\n") + len("```yaml\n") : section.index("\n```\n")]
    folder = tmp_path / "fixtures" / "global-research"
    folder.mkdir(parents=True)
    (folder / "river.md").write_text(example + "\n", encoding="utf-8")
    run = cli("test", "--no-config", "fixtures", cwd=tmp_path)
    assert run.code == 0 and "1 passed, 0 failed" in run.out, run.out


def test_credit_from_a_page_says_when_its_name_is_the_pages_own_author_tag(tmp_path, cli):
    """``credit --from`` filled the block with the page's <meta name="author"> (a login, perhaps) without the
    note a finding's fix and --fix give; it goes to standard error, the block to standard output."""
    page = tmp_path / "staff.html"
    page.write_text(
        '<html><head><meta name="author" content="mbc-editor">'
        f'<link rel="canonical" href="{GR_URL}"></head><body><p>Story.</p></body></html>\n',
        encoding="utf-8",
    )
    run = cli("credit", "--from", str(page), "--no-config", "--meta", "original_published=2025-03-10")
    assert run.code == 0 and "Copyright © mbc-editor, Global Research, 2025" in run.out, run.out + run.err
    assert "note: the author is read from the page's own author tag" in run.err, run.err
    (tmp_path / "staff.meta.yaml").write_text("author: Ana Ruiz\n", encoding="utf-8")  # set: no note
    run = cli("credit", "--from", str(page), "--no-config", "--meta", "original_published=2025-03-10")
    assert "Ana Ruiz" in run.out and "author tag" not in run.err, run.err


def test_an_element_pattern_filled_with_a_sites_own_key_validates_and_names_that_value(tmp_path, cli):
    """``?id={pixel_id}``, a site's own metadata key, is filled from the reprint as a template is: validate
    refused it, and a pixel of another id was said not to name the reprint's original, though its pixel_id
    was what differed."""
    policy = tmp_path / "px.yaml"
    policy.write_text(
        "id: px\nname: Px\npublisher: Prairie Ledger\nsource_url: https://prairieledger.example/republish\n"
        "applies_to: [prairieledger.example]\nrules:\n"
        "  - {id: pixel, check: element, pattern: '^https://prairieledger\\.example/pixel\\.gif\\?id={pixel_id}$', "
        "message: The tracking pixel is missing}\n",
        encoding="utf-8",
    )
    assert cli("validate", "--no-config", str(policy)).code == 0
    meta = '---\noriginal_url: https://prairieledger.example/2026/11/wheat\npixel_id: "48213"\n---\nWheat.\n\n'
    pixel = '<img src="https://prairieledger.example/pixel.gif?id={}" width="1" height="1" alt="">\n'
    (tmp_path / "ok.md").write_text(meta + pixel.format(48213), encoding="utf-8")
    (tmp_path / "other.md").write_text(meta + pixel.format(999), encoding="utf-8")
    assert cli("check", "--no-config", "--policy", str(policy), "ok.md", cwd=tmp_path).code == 0
    run = cli("check", "--no-config", "--policy", str(policy), "other.md", "--format", "json", cwd=tmp_path)
    [finding] = run.json()["results"][0]["findings"]
    assert finding["message"].endswith("its address does not name this reprint's pixel_id (48213))"), finding


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--policy", ""], "--policy needs a policy id or a policy file, not an empty name"),
        (["--rules-dir", ""], "--rules-dir needs a folder or a file of policies, not an empty name"),
        (["--json", "-"], "--json names a file to write the report to, not standard output"),
        (["--sarif", "-"], "--sarif names a file to write the report to, not standard output"),
        (["--policy", "pol"], "pol: a folder, not a policy file: name a file, or give the folder with --rules-dir"),
    ],
)
def test_options_that_name_nothing_or_a_folder_are_refused(tmp_path, cli, args, said):
    """An empty --policy was passed over, an empty --rules-dir read the working folder, --json - wrote a file
    named "-", and a folder given to --policy was "not found"."""
    (tmp_path / "pol").mkdir()
    (tmp_path / "a.md").write_text("---\ntitle: T\n---\nText.\n", encoding="utf-8")
    run = cli("check", "a.md", "--no-config", *args, cwd=tmp_path)
    assert run.code == 2 and said in run.err, (run.out, run.err)
    assert not (tmp_path / "-").exists()


def test_a_report_naming_a_symbolic_link_is_written_where_it_leads_or_refused_when_it_leads_nowhere(tmp_path, cli):
    """--markdown naming a dangling link replaced the link with a file; a link to last run's report was
    replaced too, instead of the report it names."""
    (tmp_path / "a.md").write_text("---\ntitle: T\n---\nText.\n", encoding="utf-8")
    (tmp_path / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    run = cli("check", "a.md", "--no-config", "--markdown", "dangling.md", cwd=tmp_path)
    assert run.code == 2 and "dangling.md: is a symbolic link to nothing" in run.err, run.err
    assert (tmp_path / "dangling.md").is_symlink() and not (tmp_path / "nowhere.md").exists()
    cli("check", "a.md", "--no-config", "--json", "real.json", cwd=tmp_path)
    (tmp_path / "latest.json").symlink_to(tmp_path / "real.json")
    cli("check", "a.md", "--no-config", "--json", "latest.json", cwd=tmp_path)
    assert (tmp_path / "latest.json").is_symlink()
    assert json.loads((tmp_path / "real.json").read_text(encoding="utf-8"))["version"] == 1
