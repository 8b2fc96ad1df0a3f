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
