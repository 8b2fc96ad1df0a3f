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


#: The policies whose terms allow edits for house style, each with the licence policy whose edits-declared it amends.
_STYLE_EDITS_ALLOWED = [
    ("propublica", "cc-by-nc-nd-4.0"),
    ("mongabay", "cc-by-nd-4.0"),
    ("the-conversation", "cc-by-nd-4.0"),
]


_HOSTS = {
    "propublica": "www.propublica.org",
    "mongabay": "news.mongabay.com",
    "the-conversation": "theconversation.com",
}


def _meta_for(policy_id: str) -> dict[str, object]:
    return {
        "author": "Ana Ruiz",
        "original_url": f"https://{_HOSTS[policy_id]}/2026/10/02/a-story/",
        "original_published": "2026-10-02",
        "commercial": False,
        "medium": "web",
    }


def _edits_declared(policy_id: str):
    from reprint_guard import load_policy

    return next(rule for rule in load_policy(policy_id).rules if rule.id == "edits-declared")


def test_edits_declared_amends_the_licence_policies_rule():
    """These amend their licence policy's rule (one more wording to pass over, a note of style edits) rather
    than copy it: its pattern, condition and severity are the licence's, so a wording the licence's rule
    learns reaches them too (The Conversation's copy had fallen eight wordings behind)."""
    added = set()
    for policy_id, parent_id in _STYLE_EDITS_ALLOWED:
        rule, parent = _edits_declared(policy_id), _edits_declared(parent_id)
        assert rule.origin == policy_id, policy_id
        assert "unless+" in rule.amends and "pattern" not in rule.amends, rule.amends
        assert rule.params.pattern == parent.params.pattern, policy_id
        assert rule.params.unless.startswith(f"(?:{parent.params.unless})|(?:"), policy_id
        assert (rule.when, rule.severity) == (parent.when, parent.severity), policy_id
        added.add(rule.params.unless[len(parent.params.unless) :])
    assert len(added) == 1, added


@pytest.mark.parametrize("policy_id", ["the-conversation", "mongabay", "propublica"])
@pytest.mark.parametrize(
    "note", ["We cut two paragraphs.", "Some quotes were removed.", "Headline changed by our editors."]
)
def test_a_note_of_cuts_counts_under_every_policy_amending_edits_declared(policy_id, note):
    """The licence's wordings of cuts reach the policies amending its rule: The Conversation's copy of the
    rule lacked them, so a reprint saying it cut paragraphs, without declaring it, passed there."""
    meta = _meta_for(policy_id)
    findings = check(f"{STORY}\n\n{note}\n", meta, format="markdown").findings
    assert f"{policy_id}/edits-declared" in {f.rule for f in findings}, findings
