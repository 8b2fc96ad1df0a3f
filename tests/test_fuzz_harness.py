"""Found by fuzzing ``reprint-guard test`` with odd fixtures: each a real fixture folder, the real CLI."""

from __future__ import annotations

import pytest

from conftest import cpu_seconds, write

LEDGER_URL = "https://harrow-valley-ledger.example/2025/03/02/seed-library-bank-vault"
#: A compliant CC BY 4.0 reprint but for two misspelt keys, at lines 8 and 9: two misspelt-key findings.
TWO_SLIPS = f"""---
title: A seed library in the old bank vault
author: Priya Castellanos
original_url: {LEDGER_URL}
license: CC-BY-4.0
commercial: false
medium: web
modifed: true
translatd: true
expect: [{{expect}}]
---

# A seed library in the old bank vault

By Priya Castellanos

The steel door of the former bank still guards packets of runner beans.

*This article was first published by [Harrow Valley Ledger]({LEDGER_URL}) and is republished under a
[CC BY 4.0](https://creativecommons.org/licenses/by/4.0/) licence.*
"""


@pytest.mark.parametrize(
    "expect",
    [
        "reprint-guard/misspelt-key, reprint-guard/misspelt-key@8",
        "reprint-guard/misspelt-key, reprint-guard/misspelt-key@8:1",
        "reprint-guard/misspelt-key@8, reprint-guard/misspelt-key@9",
        "reprint-guard/misspelt-key@9, reprint-guard/misspelt-key",
    ],
)
def test_an_expectation_anywhere_leaves_the_finding_at_a_line_to_the_one_expecting_it_there(tmp_path, cli, expect):
    """A rule expected anywhere took the first finding of the rule, the one another expectation of it names
    by its line: a fixture whose findings meet every expectation failed ("expected @8: reported at 9:1
    instead", beside "ok ...@8:1")."""
    write(tmp_path / "cc-by-4.0" / "two-slips.md", TWO_SLIPS.replace("{expect}", expect))
    run = cli("test", str(tmp_path))
    assert run.code == 0, run.out
    assert "1 passed, 0 failed" in run.out, run.out


def test_a_finding_twice_expected_once_anywhere_still_fails(tmp_path, cli):
    """The matching stays one finding to one expectation: a second finding of the rule is unexpected."""
    write(tmp_path / "cc-by-4.0" / "two-slips.md", TWO_SLIPS.replace("{expect}", "reprint-guard/misspelt-key@9"))
    run = cli("test", str(tmp_path))
    assert run.code == 1, run.out
    assert "+ unexpected reprint-guard/misspelt-key@8:1" in run.out, run.out


@pytest.mark.parametrize("named", ["policies/nope.yaml", "policies/"])
def test_a_policy_file_a_fixture_names_that_is_not_there_is_told_at_its_policy_key(tmp_path, cli, named):
    """A fixture's ``policy:`` naming a file that is not there (or a folder) was told as "policies/nope.yaml:
    policy file not found", naming neither the fixture nor its line, as if a policy file were at fault."""
    (tmp_path / "policies").mkdir()
    text = TWO_SLIPS.replace("{expect}", "").replace("medium: web\n", f"medium: web\npolicy: {named}\n")
    write(tmp_path / "cc-by-4.0" / "named.md", text)
    run = cli("test", "cc-by-4.0", cwd=tmp_path)
    assert run.code == 2, run.out
    assert "cc-by-4.0/named.md:8:1: " in run.out and named in run.out, run.out


def test_a_fixture_expecting_a_rule_thousands_of_times_is_told_in_linear_time(tmp_path):
    """Each expectation missed counted every other one again ("expected N times, reported M"): 8,000 of one rule
    in a fixture's expect (250 KB, under the YAML limit) took seconds to print."""
    from reprint_guard.testing.harness import render, run_fixture

    many = ", ".join(["cc-by-4.0/credit-author@9999"] * 8000)
    path = write(tmp_path / "cc-by-4.0" / "many.md", TWO_SLIPS.replace("{expect}", many))
    outcome = run_fixture(path)
    assert len(outcome.missing) == 8000, outcome.error
    start = cpu_seconds()
    shown = render(outcome)
    assert cpu_seconds() - start < 1
    said = "- expected cc-by-4.0/credit-author@9999: not reported (expected 8000 times, reported "
    assert shown.count(said) == 1, shown[:2000]  # one line with the count, not one per copy


def test_an_object_in_a_json_fixtures_expect_is_not_blamed_on_yaml(tmp_path, cli):
    """A JSON envelope's expect holding an object was told "YAML reads 'rule@1: 5' as a key and a value", a slip
    of YAML's that a JSON file, written with its braces, cannot make."""
    envelope = (
        '{"metadata": {"original_url": "https://www.globalresearch.ca/x/5801234", "commercial": false, '
        '"expect": [{"global-research/source-credit@1": 5}]}, "body": "Text."}'
    )
    write(tmp_path / "global-research" / "object.json", envelope)
    run = cli("test", str(tmp_path))
    assert run.code == 2, run.out
    assert "YAML" not in run.out, run.out
    assert "'expect': {\"global-research/source-credit@1\": 5} is an object, not a rule id" in run.out, run.out
