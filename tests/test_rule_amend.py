"""A policy amending a rule it inherits: the fields it gives replace the inherited rule's, ``extend`` adds
to a pattern or a list, and the rest follows the parent policy (yamllint's way with a rule's options)."""

from __future__ import annotations

import pytest
import yaml

from conftest import (
    CREDITED,
    HARBOUR_META,
    HARBOUR_POLICY,
    UNCREDITED,
    markdown,
    write,
    write_policy,
)
from reprint_guard import check, load_policy, reload_policies
from reprint_guard.policy.loader import PolicySet, bundled_raws, raw_policy

#: A child of the Harbour Herald's policy, amending its credit rule.
CHILD = "extends: harbour-herald\nrules:\n"


def _child(tmp_path, rules: str):
    write(tmp_path / "harbour-herald.yaml", HARBOUR_POLICY)
    return write_policy(tmp_path, "harbour-local", CHILD + rules)


def _rules(tmp_path, body: str, meta: dict | None = None) -> dict[str, str]:
    """Each finding's rule id, with its severity, checking ``body`` under the child policy."""
    result = check(
        body, meta or HARBOUR_META, format="markdown", policy=tmp_path / "harbour-local.yaml", rules_dirs=[tmp_path]
    )
    return {f.rule: f.severity.value for f in result.findings}


def test_a_field_given_replaces_the_inherited_rules_and_the_rest_is_kept(tmp_path):
    _child(tmp_path, "  - id: credit\n    severity: warning\n")
    policy = load_policy(tmp_path / "harbour-local.yaml", rules_dirs=[tmp_path])
    [rule] = policy.rules
    parent = load_policy(tmp_path / "harbour-herald.yaml").rules[0]
    assert (rule.check, rule.message, rule.params.names) == (parent.check, parent.message, parent.params.names)
    assert (rule.severity.value, rule.origin, rule.amends) == ("warning", "harbour-local", ("severity",))
    assert _rules(tmp_path, UNCREDITED) == {"harbour-local/credit": "warning"}
    assert _rules(tmp_path, CREDITED) == {}


def test_extend_adds_to_a_list_and_a_pattern(tmp_path):
    _child(tmp_path, "  - id: credit\n    extend:\n      names: [The Herald]\n")
    assert _rules(tmp_path, UNCREDITED.replace("spring.", "spring.\n\nFirst published by The Herald.")) == {}
    assert _rules(tmp_path, CREDITED) == {}  # the parent's name still counts
    assert _rules(tmp_path, UNCREDITED) == {"harbour-local/credit": "error"}

    note = "  - id: edited\n    check: text\n    mode: forbid\n    pattern: '\\bwe edited\\b'\n    message: Edited\n"
    write(tmp_path / "harbour-herald.yaml", HARBOUR_POLICY + note)
    write_policy(tmp_path, "harbour-local", CHILD + "  - id: edited\n    extend:\n      pattern: '\\bwe cut\\b'\n")
    reload_policies()  # policies are read once a process, as a worker reads them
    assert "harbour-local/edited" in _rules(tmp_path, CREDITED + "\nWe cut the story.\n")
    assert "harbour-local/edited" in _rules(tmp_path, CREDITED + "\nWe edited the story.\n")
    assert "harbour-local/edited" not in _rules(tmp_path, CREDITED + "\nWe read the story.\n")


def test_an_amended_rule_follows_its_parent_when_the_parent_changes(tmp_path):
    """What copying a rule could not do: the parent's rule learns a name, the child's amendment has it."""
    _child(tmp_path, "  - id: credit\n    severity: warning\n")
    body = UNCREDITED.replace("spring.", "spring.\n\nFirst published by HH News.")
    assert _rules(tmp_path, body) == {"harbour-local/credit": "warning"}
    write(tmp_path / "harbour-herald.yaml", HARBOUR_POLICY.replace("[Harbour Herald]", "[Harbour Herald, HH News]"))
    reload_policies()
    assert _rules(tmp_path, body) == {}


@pytest.mark.parametrize("policy_id", sorted(PolicySet(bundled_raws()).ids()))
def test_every_bundled_rule_amended_with_nothing_new_is_the_rule_again(policy_id):
    """An amendment starts from the inherited rule as its policy wrote it: for every rule of every bundled
    policy, amending its severity alone gives the same rule but for it (check, condition, parameters, texts).
    Its own severity would change nothing, an error."""
    policies = PolicySet(bundled_raws())
    parent = policies.get(policy_id)
    other = {"error": "warning", "warning": "error", "info": "error"}
    amendments = [{"id": rule.id, "severity": other[rule.severity.value]} for rule in parent.rules]
    text = yaml.safe_dump(
        {"id": "amended", "name": "A", "publisher": "P", "source_url": "https://p.example/terms", "extends": policy_id}
        | {"rules": amendments},
        allow_unicode=True,
    )
    child = PolicySet([*bundled_raws(), raw_policy(text, "amended.yaml")]).get("amended")
    assert len(child.rules) == len(parent.rules)
    for was, now in zip(parent.rules, child.rules, strict=True):
        assert now.amends == ("severity",) and now.origin == "amended"
        assert now.severity.value == other[was.severity.value], was.id
        same = now.replace(origin=was.origin, amends=was.amends, params=None, severity=was.severity)
        assert same == was.replace(params=None), was.id
        assert now.params.values() == was.params.values(), was.id


def test_explain_and_the_reference_say_what_was_amended(tmp_path, cli):
    _child(tmp_path, "  - id: credit\n    severity: warning\n    extend:\n      names: [The Herald]\n")
    run = cli("explain", "harbour-local/credit", "--rules-dir", str(tmp_path))
    assert run.code == 0, run.err
    assert "Amends: harbour-herald/credit, changing names (extended), severity" in run.out.splitlines()
    run = cli("policies", "--rules-dir", str(tmp_path), "--format", "markdown")
    assert "| `harbour-local/credit` (amends `harbour-herald`'s: names (extended), severity) | warning |" in run.out


@pytest.mark.parametrize(
    ("rules", "place", "said"),
    [
        (  # a misspelt id: amends nothing it inherits
            "  - id: credti\n    severity: warning\n",
            "7:5",
            "rule 'credti' has no 'check': a rule needs its check type and message, but for one that amends a "
            "rule inherited through 'extends', and no parent policy defines 'credti' (did you mean 'credit'?)",
        ),
        (
            "  - id: credit\n",
            "7:5",
            "rule 'credit': a rule with only its id: give its check and message to write a rule, the fields to "
            "change to amend one inherited through 'extends', or 'disabled: true' to drop it",
        ),
        (
            "  - id: credit\n    extend:\n      severity: warning\n",
            "9:7",
            "rule 'credit', field 'extend.severity': only a pattern or a list is extended (an attribution rule's: "
            "names); give 'severity' itself to replace it",
        ),
        (
            "  - id: credit\n    names: [A]\n    extend:\n      names: [B]\n",
            "10:7",
            "rule 'credit': 'names' is both given and extended: keep one",
        ),
        (
            "  - id: credit\n    extend:\n      names: The Herald\n",
            "9:7",
            "rule 'credit', field 'extend.names': a list of items to add",
        ),
        (
            "  - id: credit\n    check: attribution\n    message: M\n    names: [A]\n    extend:\n      names: [B]\n",
            "11:5",
            "rule 'credit': 'extend' goes with a rule that amends an inherited one (no 'check'); a rule with its "
            "check is written whole",
        ),
        (  # another check type's parameter, after the merge: at its own line
            "  - id: credit\n    phrase: A\n",
            "8:5",
            "rule 'credit', field 'phrase': Extra inputs are not permitted",
        ),
    ],
)
def test_a_wrong_amendment_is_told_at_its_place(tmp_path, cli, rules, place, said):
    policy = _child(tmp_path, rules)
    run = cli("validate", str(policy), "--rules-dir", str(tmp_path))
    assert run.code == 1, run.out + run.err
    assert f"{policy}:{place}: {said}" in run.out.splitlines(), run.out


def test_an_extended_pattern_is_told_as_written_not_joined_to_the_inherited_one(tmp_path, cli):
    note = "  - id: edited\n    check: text\n    mode: forbid\n    pattern: '\\bwe edited\\b'\n    message: Edited\n"
    write(tmp_path / "harbour-herald.yaml", HARBOUR_POLICY + note)
    policy = write_policy(tmp_path, "harbour-local", CHILD + "  - id: edited\n    extend:\n      pattern: 'We Cut'\n")
    run = cli("check", "--policy", str(policy), "--rules-dir", str(tmp_path), "-", stdin=markdown(HARBOUR_META, ""))
    assert run.code == 2, run.out + run.err
    assert run.err.strip().endswith(
        f"{policy}:9:7: rule 'edited': the pattern /We Cut/ has capital letters (WC), but the text it searches is "
        "case-folded, so it can never match: write it in lower case"
    ), run.err
    assert len(run.err.strip().splitlines()) == 1


def test_disabled_false_in_an_amendment_is_no_change(tmp_path):
    """'disabled: false' keeps the rule, as leaving it out does: it was listed among the amendment's changes."""
    _child(tmp_path, "  - id: credit\n    disabled: false\n    severity: warning\n")
    [rule] = load_policy(tmp_path / "harbour-local.yaml", rules_dirs=[tmp_path]).rules
    assert rule.amends == ("severity",)
