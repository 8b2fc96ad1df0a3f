"""What the documentation says holds: its samples run as written, and what it promises the code does."""

from __future__ import annotations

import re

import yaml

from conftest import ROOT

# --- The bundled policies' notes name their rules as they are ---------------------------------------------


def test_a_policy_note_naming_a_rule_and_its_position_names_the_rule_placed_there() -> None:
    """calmatters' notes said the top credit was "rule credit-calmatters, position top": that rule asks
    for the credit anywhere; credit-calmatters-top is the one placed at the top."""
    seen = 0
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        policy = yaml.safe_load(path.read_text(encoding="utf-8"))
        rules = {rule["id"]: rule for rule in policy["rules"]}
        for rule_id, position in re.findall(r"\(rule ([a-z0-9-]+), position (top|bottom)\)", policy.get("notes", "")):
            seen += 1
            assert rule_id in rules, (path.name, rule_id)
            assert rules[rule_id].get("position") == position, (path.name, rule_id, position)
    assert seen
