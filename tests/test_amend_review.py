"""A policy author amending inherited rules, through the real CLI and library: what an amendment keeps,
adds to and drops, how its mistakes are told, and what ``validate`` and the policy schema make of it."""

from __future__ import annotations

import json

import pytest
import yaml

from conftest import markdown, write
from reprint_guard import check, load_policy
from reprint_guard.policy.loader import PolicySet, bundled_raws

#: A publisher's policy of the user's own, with a rule of most check types, which the tests' children amend.
BASE = """\
id: base
name: Base terms
publisher: Harbour Herald
source_url: https://harbourherald.example/republish
applies_to: [harbourherald.example]
contacts: [rights@harbourherald.example]
rules:
  - id: credit
    check: attribution
    names: [Harbour Herald]
    message: The reprint does not credit Harbour Herald
  - id: perm
    check: permission
    scope: commercial
    when: {field: commercial, is: true}
    message: Needs permission
  - id: exclusive
    check: text
    phrase: exclusive
    mode: forbid
    message: Exclusive
  - id: author-set
    check: metadata
    field: author
    message: Name the author
  - id: pixel
    check: element
    pattern: 'harbourherald\\.example/pixel'
    message: Pixel missing
  - id: media
    check: media
    mode: hosts
    hosts: [harbourherald.example]
    message: Media from elsewhere
  - id: photos
    check: media
    mode: permission
    from: [rights@harbourherald.example]
    message: Media need permission
  - id: embargo
    check: timing
    after_days: 2
    message: Too soon
"""

#: A child's head: its first rule is at line 7.
HEAD = "id: local\nname: Local\npublisher: Harbour Herald\nsource_url: https://harbourherald.example/republish\n"
CHILD = HEAD + "extends: base\nrules:\n"

META = {
    "title": "The tide tables are wrong",
    "author": "Rosa Lindqvist",
    "original_url": "https://harbourherald.example/2026/11/tide-tables",
    "original_published": "2026-11-01",
    "commercial": False,
    "medium": "web",
}
BODY = "Why the harbour's tide tables no longer match the water.\n\nBy Rosa Lindqvist, Harbour Herald\n"


def _child(tmp_path, rules: str):
    folder = tmp_path / "policies"
    write(folder / "base.yaml", BASE)
    return write(folder / "local.yaml", CHILD + rules)


def _findings(tmp_path, body: str, meta: dict | None = None) -> set[str]:
    result = check(
        body,
        META | (meta or {}),
        format="markdown",
        policy=tmp_path / "policies" / "local.yaml",
        rules_dirs=[tmp_path / "policies"],
    )
    return {finding.rule for finding in result.findings}


def _validate(cli, policy) -> list[str]:
    run = cli("validate", str(policy), "--rules-dir", str(policy.parent), "--no-config")
    return [line.removeprefix(f"{policy}:").lstrip() for line in run.out.splitlines()] + [f"exit {run.code}"]


def test_extending_a_media_rules_tags_adds_to_every_element_it_counts(tmp_path):
    """``tags`` left out counts every media element; extending it narrowed the rule to the tags added, so a
    video needing permission passed unseen."""
    _child(tmp_path, "  - id: photos\n    extend:\n      tags: [img]\n")
    [rule] = [r for r in load_policy("local", rules_dirs=[tmp_path / "policies"]).rules if r.id == "photos"]
    assert "video" in rule.params.tags and "img" in rule.params.tags
    body = BODY + '\n<video src="https://cdn.example.com/a.mp4"></video>\n'
    assert "local/photos" in _findings(tmp_path, body)


@pytest.mark.parametrize(
    ("rules", "said"),
    [
        (  # the policy's contacts: adding an editor would have dropped them
            "  - id: perm\n    extend:\n      from: [editor@harbourherald.example]\n",
            "9:7: rule 'perm', field 'extend.from': base/perm has no 'from' of its own, so whoever the policy's "
            "contacts name may grant it: adding to it would narrow it to these; give 'from' itself",
        ),
        (  # any value: adding one would have allowed only it
            "  - id: author-set\n    extend:\n      allowed: [Rosa Lindqvist]\n",
            "9:7: rule 'author-set', field 'extend.allowed': base/author-set has no 'allowed' of its own, so any "
            "value passes: adding to it would narrow it to these; give 'allowed' itself",
        ),
    ],
)
def test_extending_a_list_the_inherited_rule_leaves_unset_is_refused(tmp_path, cli, rules, said):
    lines = _validate(cli, _child(tmp_path, rules))
    assert lines[-1] == "exit 1" and lines[0].startswith(said), lines


def test_a_contact_kept_when_from_is_given_whole(tmp_path):
    """What the refusal asks for works: the contacts still grant, and the editor too."""
    _child(tmp_path, "  - id: perm\n    from: [rights@harbourherald.example, editor@harbourherald.example]\n")
    for sender in ("rights@harbourherald.example", "editor@harbourherald.example"):
        permission = {"from": sender, "date": "2026-11-02", "scope": ["commercial"]}
        meta = {"commercial": True, "permissions": [permission]}
        assert "local/perm" not in _findings(tmp_path, BODY, meta), sender


def test_null_drops_an_inherited_condition(tmp_path, cli):
    """A rule asked only of commercial reprints, asked of every one: its condition written null."""
    policy = _child(tmp_path, "  - id: perm\n    when: null\n")
    assert _validate(cli, policy) == ["valid", "exit 0"]
    assert "local/perm" in _findings(tmp_path, BODY, {"commercial": False})
    run = cli("explain", "local/perm", "--rules-dir", str(policy.parent), "--no-config")
    assert "Applies: always" in run.out.splitlines()
    assert "Amends: base/perm, changing when (dropped)" in run.out.splitlines(), run.out


def test_a_condition_written_null_in_a_rule_written_whole_is_still_an_error(tmp_path, cli):
    """``when:`` left empty in a rule with its check is a slip (the condition forgotten), not a rule for all."""
    rule = "  - id: own\n    check: text\n    phrase: scoop\n    mode: forbid\n    when:\n    message: Scoop\n"
    lines = _validate(cli, _child(tmp_path, rule))
    assert lines[-1] == "exit 1" and "rule 'own', field 'when': null is not a valid condition" in lines[0], lines


def test_clashing_parameters_say_which_is_inherited_and_how_to_drop_it(tmp_path, cli):
    policy = _child(tmp_path, "  - id: embargo\n    after_hours: 36\n")
    assert _validate(cli, policy) == [
        "8:5: rule 'embargo': a timing rule needs exactly one of 'after_days' or 'after_hours' ('after_days' "
        "inherited, which an amendment keeps: write 'after_days: null' to drop it)",
        "exit 1",
    ]
    write(policy, CHILD + "  - id: embargo\n    after_days: null\n    after_hours: 36\n")
    assert _validate(cli, policy) == ["valid", "exit 0"]
    write(policy, CHILD + "  - id: media\n    mode: forbid\n    hosts: null\n")
    assert _validate(cli, policy) == ["valid", "exit 0"]
    [rule] = [r for r in load_policy(policy, rules_dirs=[policy.parent]).rules if r.id == "media"]
    assert (rule.params.mode, rule.params.hosts, rule.amends) == ("forbid", (), ("hosts-", "mode"))


def test_extending_the_pattern_of_a_phrase_rule_is_told_at_the_extension(tmp_path, cli):
    lines = _validate(cli, _child(tmp_path, "  - id: exclusive\n    extend:\n      pattern: '\\bscoop\\b'\n"))
    assert lines == [
        "9:7: rule 'exclusive', field 'extend.pattern': base/exclusive has no pattern to add to (it has phrase "
        "'exclusive'): give 'pattern' itself, with 'phrase: null'",
        "exit 1",
    ]


def test_amending_a_rule_a_parent_turned_off_says_which_did(tmp_path, cli):
    folder = tmp_path / "policies"
    write(folder / "base.yaml", BASE)
    write(
        folder / "mid.yaml",
        HEAD.replace("local", "mid") + "extends: base\nrules:\n  - {id: exclusive, disabled: true}\n",
    )
    top = write(
        folder / "top.yaml",
        HEAD.replace("local", "top") + "extends: mid\nrules:\n  - {id: exclusive, severity: info}\n",
    )
    assert _validate(cli, top) == [
        "7:6: rule 'exclusive' has no 'check', so it amends an inherited rule, but mid turns base/exclusive off "
        "('disabled: true'): nothing is left to amend; write the rule whole (its check and message) to bring it back",
        "exit 1",
    ]


@pytest.mark.parametrize(
    ("rule", "said"),
    [
        (
            "  - id: credit\n    names: [Solo News]\n    message: Credit Solo News\n",
            "6:5: rule 'credit': 'check' is a required property (the check type: attribution, element, license, link, "
            "media, metadata, permission, text, timing); a rule without one amends a rule inherited through "
            "'extends', and this policy extends none",
        ),
        (
            "  - id: credit\n    chek: attribution\n    names: [Solo News]\n    message: Credit Solo News\n",
            "7:5: rule 'credit', field 'chek': unknown key(s) ('chek' was unexpected); 'chek': did you mean 'check'?",
        ),
    ],
)
def test_a_rule_without_its_check_in_a_policy_extending_none(tmp_path, cli, rule, said):
    """Before amendments this was the schema's "'check' is a required property"; then it read as an amendment
    of a rule "no parent policy defines", in a policy with no parent, and a misspelt 'check' went unnamed."""
    policy = write(tmp_path / "solo.yaml", HEAD.replace("local", "solo") + "rules:\n" + rule)
    assert _validate(cli, policy) == [said, "exit 1"]


def test_a_misspelt_field_of_an_amendment_is_named_with_the_field_meant(tmp_path, cli):
    lines = _validate(cli, _child(tmp_path, "  - {id: credit, severty: warning}\n"))
    assert lines == [
        "7:18: rule 'credit', field 'severty': unknown key(s) ('severty' was unexpected); 'severty': did you mean "
        "'severity'?",
        "exit 1",
    ]


def test_the_policy_schema_holds_amendments_to_known_keys_as_an_editor_reads_it():
    """yaml-language-server reads the published schema: a rule with no check accepted any key at all, so a
    misspelt 'check' or 'severity' went unmarked in the editor."""
    import jsonschema

    from reprint_guard.policy.schema import SCHEMA_PATH

    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    head = {"id": "local", "name": "L", "publisher": "P", "source_url": "https://p.example/t", "extends": "base"}

    def errors(rule: dict) -> list[str]:
        return [error.message for error in validator.iter_errors(head | {"rules": [rule]})]

    assert errors({"id": "credit", "severty": "warning"})
    assert errors({"id": "credit", "chek": "attribution", "names": ["A"], "message": "M"})
    assert errors({"id": "credit", "check": "text", "phrase": "a", "message": "M", "when": None})
    assert errors({"id": "credit", "check": "txt", "message": "M"})
    assert not errors({"id": "credit", "severity": "warning", "extend": {"names": ["A"]}})
    assert not errors({"id": "perm", "when": None, "fix": None})
    assert not errors({"id": "credit", "disabled": True})


def test_a_user_policy_replacing_a_licence_keeps_the_bundled_policies_amending_it_working(tmp_path, cli):
    """Mongabay's edits-declared amends cc-by-nd-4.0's: a site's own reading of the licence without that rule
    (a documented use: a policy of one's own replaces the bundled one of its id) made every Mongabay reprint
    fail to check, with an error in a bundled file the site cannot edit."""
    own = tmp_path / "own"
    write(
        own / "cc-by-nd-4.0.yaml",
        "id: cc-by-nd-4.0\nname: Our CC BY-ND 4.0\npublisher: Creative Commons\n"
        "source_url: https://creativecommons.org/licenses/by-nd/4.0/legalcode\nrules:\n"
        "  - id: license\n    check: license\n    licenses: [CC-BY-ND-4.0]\n    message: Name the licence\n",
    )
    meta = {
        "title": "Forests",
        "author": "Ana Ruiz",
        "original_url": "https://news.mongabay.com/2026/10/forests/",
        "original_published": "2026-10-02",
        "medium": "web",
        "commercial": False,
    }
    body = (
        "Story text. We cut two paragraphs.\n\nThis article was originally published on "
        "[Mongabay](https://news.mongabay.com/2026/10/forests/) under a "
        "[CC BY-ND 4.0](https://creativecommons.org/licenses/by-nd/4.0/) licence.\n"
    )
    run = cli("check", "--rules-dir", str(own), "--no-config", "--format", "json", "-", stdin=markdown(meta, body))
    assert run.code == 0 and run.json()["summary"]["errored"] == 0, run.out + run.err  # a warning fails nothing
    rules = {finding["rule"] for result in run.json()["results"] for finding in result["findings"]}
    assert "mongabay/edits-declared" in rules, rules
    style = body.replace("We cut two paragraphs.", "This story has been lightly edited for style.")
    run = cli("check", "--rules-dir", str(own), "--no-config", "-", stdin=markdown(meta, style))
    assert run.code == 0, run.out + run.err


def test_every_bundled_policy_amended_in_its_severities_validates(tmp_path, cli):
    """An amendment changing nothing of a rule's names is held to the credit block as the rule it amends was:
    The Conversation's extract-read-more, given its own severity, was said to ask for a credit the inherited
    block does not name."""
    policies = PolicySet(bundled_raws())
    files = []
    for policy_id in policies.ids():
        parent = policies.get(policy_id)
        text = yaml.safe_dump(
            {"id": f"amended-{policy_id}", "name": "A", "publisher": parent.publisher}
            | {"source_url": "https://p.example/terms", "extends": policy_id}
            | {"rules": [{"id": rule.id, "severity": _another(rule.severity.value)} for rule in parent.rules]},
            allow_unicode=True,
        )
        files.append(str(write(tmp_path / f"{policy_id}.yaml", text)))
    run = cli("validate", *files, "--no-config")
    assert run.code == 0, run.out


def _another(severity: str) -> str:
    """A severity other than ``severity``: an amendment giving the one a rule has changes nothing, an error."""
    return "warning" if severity == "error" else "error"


@pytest.mark.parametrize(
    ("rules", "said"),
    [
        (  # an element rule's pattern is filled per reprint: an amendment's too
            "  - id: pixel\n    pattern: 'harbourherald\\.example/pixel\\?id={pixel_id}'\n",
            "valid",
        ),
        (
            "  - id: pixel\n    extend:\n      pattern: 'harbourherald\\.example/px\\?id={orignal_url}'\n",
            "9:7: rule 'pixel', field 'extend.pattern': {orignal_url} is not filled in (did you mean {original_url}?",
        ),
        (  # an address is held to be one where an amendment adds it too
            "  - id: photos\n    extend:\n      from: [Editor Desk]\n",
            "9:14: 'Editor Desk' is no email address: write one as a@b or 'Name <a@b>'",
        ),
    ],
)
def test_validate_reads_what_an_amendment_writes_and_the_check_it_inherits(tmp_path, cli, rules, said):
    lines = _validate(cli, _child(tmp_path, rules))
    assert lines[0].startswith(said), lines


def test_a_value_an_extended_allowed_never_matches_is_told_at_the_addition(tmp_path, cli):
    rule = "  - id: web-only\n    check: metadata\n    field: medium\n    allowed: [web]\n    message: Web only\n"
    folder = tmp_path / "policies"
    write(folder / "base.yaml", BASE + rule)
    policy = write(folder / "local.yaml", CHILD + "  - id: web-only\n    extend:\n      allowed: [online]\n")
    assert _validate(cli, policy)[0].startswith("9:17: rule 'web-only': medium is never 'online'")
