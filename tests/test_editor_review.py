"""An editor's review of the bundled policies: what a finding tells an editor to do."""

from __future__ import annotations

import pytest

from reprint_guard import check

STORY = "\n\n".join(
    ["A paragraph of the story, about the harbour, its boats and the people who work there all year."] * 8
)


@pytest.mark.parametrize(
    ("host", "credit", "policy", "wanted"),
    [
        (
            "globalvoices.org",
            "*This story by Ana Ruiz originally appeared on Global Voices. It is republished under a "
            "[CC BY 3.0](https://creativecommons.org/licenses/by/3.0/) licence.*",
            "global-voices",
            "This story by Ana Ruiz [originally appeared on Global Voices](https://globalvoices.org/2026/10/02/a-story/).",
        ),
        (
            "www.propublica.org",
            "*By Ana Ruiz. This story was originally published by ProPublica. It is republished under a "
            "[CC BY-NC-ND 3.0 US](https://creativecommons.org/licenses/by-nc-nd/3.0/us/) licence.*",
            "propublica",
            "This story was originally published by [ProPublica](https://www.propublica.org/2026/10/02/a-story/).",
        ),
    ],
)
def test_a_missing_link_is_fixed_by_linking_the_credit_the_terms_ask_for(host, credit, policy, wanted):
    """The inherited Creative Commons fix ("Originally published as ...") would add a second credit line."""
    meta = {
        "author": "Ana Ruiz",
        "original_url": f"https://{host}/2026/10/02/a-story/",
        "original_published": "2026-10-02",
        "commercial": False,
        "medium": "web",
    }
    body = f"{credit}\n\n{STORY}\n" if policy == "global-voices" else f"{STORY}\n\n{credit}\n"
    findings = [f for f in check(body, meta, format="markdown").findings if f.rule == f"{policy}/link-original"]
    assert len(findings) == 1, findings
    assert wanted in findings[0].fix
    assert "Originally published as" not in findings[0].fix


#: The policies whose terms allow edits for house style, each with the licence policy its edits-declared copies.
_STYLE_EDITS_ALLOWED = [
    ("propublica", "cc-by-nc-nd-4.0"),
    ("mongabay", "cc-by-nd-4.0"),
    ("the-conversation", "cc-by-nd-4.0"),
]


def _edits_declared(policy_id: str):
    from reprint_guard import load_policy

    return next(rule for rule in load_policy(policy_id).rules if rule.id == "edits-declared")


def test_copies_of_edits_declared_stay_in_step_with_the_licence_policies():
    """A policy rule cannot amend an inherited one: these copy it whole, adding one wording to pass over (a
    note of style edits). The copies drifting from their licence policy's rule, or from each other, fails."""
    added = set()
    for policy_id, parent_id in _STYLE_EDITS_ALLOWED:
        rule, parent = _edits_declared(policy_id), _edits_declared(parent_id)
        assert rule.origin == policy_id, policy_id
        if policy_id != "the-conversation":  # its own pattern reads its own wordings too
            assert rule.params.pattern == parent.params.pattern, policy_id
        assert rule.params.unless.startswith(parent.params.unless + "|"), policy_id
        assert (rule.when, rule.severity) == (parent.when, parent.severity), policy_id
        added.add(rule.params.unless[len(parent.params.unless) :])
    assert len(added) == 1, added
