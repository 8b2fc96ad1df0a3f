"""The Creative Commons no-endorsement rule, in the publishers' policies built on the licences, reads claims that
name the publisher ("ProPublica endorses this site", "an official ProPublica partner"), and passes the credit
lines the publishers ask for and the note of a joint story ("in partnership with ProPublica"). The publisher's
name, which every reprint's credit holds, is not among the words the rule looks for first (a speed guard)."""

from __future__ import annotations

import pytest

from reprint_guard import check
from reprint_guard.checks.text import _forbidden_words
from reprint_guard.policy.loader import policy_set

STORY = "# Water meters\n\nThe county replaced 9,000 meters last spring.\n\n{line}\n\nBills rose within a month.\n"

PUBLISHERS = {
    "propublica": "https://www.propublica.org/article/county-water-meters",
    "kff-health-news": "https://kffhealthnews.org/news/article/county-water-meters/",
    "montana-free-press": "https://montanafreepress.org/2026/03/02/county-water-meters/",
    "dialogue-earth": "https://dialogue.earth/en/water/county-water-meters/",
    "global-voices": "https://globalvoices.org/2026/03/02/county-water-meters/",
    "mongabay": "https://news.mongabay.com/2026/03/county-water-meters/",
    "the-conversation": "https://theconversation.com/county-water-meters-123456",
}


def _endorsement(policy: str, line: str) -> list[str]:
    meta = {"original_url": PUBLISHERS[policy], "author": "Ana Ruiz", "medium": "web", "commercial": False}
    result = check(STORY.format(line=line), meta, policy=policy)
    return [f.message for f in result.findings if f.rule == f"{policy}/no-endorsement"]


@pytest.mark.parametrize(
    ("policy", "line"),
    [
        ("propublica", "ProPublica endorses this site."),
        ("propublica", "We are an official ProPublica partner."),
        ("propublica", "This reprint site is endorsed by ProPublica."),
        ("kff-health-news", "This site is sponsored by KFF Health News."),
        ("kff-health-news", "Our newsletter is officially certified by Kaiser Health News."),
        ("montana-free-press", "Montana Free Press officially endorses our coverage."),
        ("dialogue-earth", "We are the official media partner of Dialogue Earth."),
        ("global-voices", "Global Voices endorses us."),
        ("mongabay", "An official Mongabay partner site."),
        ("the-conversation", "The Conversation endorses this site."),
        ("the-conversation", "Our newsroom is an official partner of The Conversation."),
    ],
)
def test_a_claim_naming_the_publisher_is_told(policy, line):
    assert len(_endorsement(policy, line)) == 1


@pytest.mark.parametrize(
    ("policy", "line"),
    [
        ("propublica", "This story was originally published by ProPublica."),  # ProPublica's own credit line
        ("propublica", "This article was produced in partnership with ProPublica."),  # a joint story's note
        ("propublica", "It is a ProPublica Local Reporting Network partner."),  # no "official" claim
        ("kff-health-news", "A poll sponsored by KFF found most adults worried about costs."),  # news of KFF's poll
        ("kff-health-news", "This article was originally published by KFF Health News."),
        ("global-voices", "This story by Ana Ruiz originally appeared on Global Voices on 2 March 2026."),
        ("the-conversation", "This article is republished from The Conversation under a Creative Commons license."),
        ("the-conversation", "Read the full article on The Conversation."),
        ("the-conversation", "The council's official partners include the Conversation Project."),
        # The attack's: a disclaimer is no claim, nor news of what the publisher's people or bodies endorse.
        ("propublica", "This site is not endorsed by ProPublica."),
        ("propublica", "Our site has not been endorsed by ProPublica."),
        ("propublica", "We are not an official partner of ProPublica."),
        ("propublica", "Neither the author nor ProPublica endorses this site."),
        ("propublica", "The bill was endorsed by ProPublica's editor-in-chief in a letter."),
        ("propublica", "The figures were certified by ProPublica's data team."),
        ("propublica", "ProPublica endorses this view, according to its editor."),
        ("propublica", "She became an official partner to ProPublica's Local Reporting Network."),
        ("kff-health-news", "The plan was endorsed by KFF's president."),
        ("kff-health-news", "The data were certified by KFF analysts."),
        ("kff-health-news", "KFF endorses this approach."),
        ("global-voices", "Global Voices endorses this statement from the coalition."),
        ("the-conversation", "The plan was certified by the conversation between regulators."),
        ("the-conversation", "This site is not endorsed by The Conversation."),
    ],
)
def test_the_publishers_credit_and_a_joint_storys_note_pass(policy, line):
    assert _endorsement(policy, line) == []


@pytest.mark.parametrize("policy", sorted(PUBLISHERS))
def test_the_publishers_name_is_not_what_the_rule_looks_for_first(policy):
    words = _forbidden_words(policy_set().get(policy)) or ()
    names = (b"propublica", b"ublica", b"kff", b"kaiser", b"khn", b"montana", b"mtfp", b"dial", b"global", b"voices")
    names += (b"mong", b"conver")
    assert not [word for word in words if word.startswith(names)]
