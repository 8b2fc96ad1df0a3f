"""A finding's fix tells an editor what ``--fix`` would write, where the tool knows it whole."""

from __future__ import annotations

import reprint_guard
from reprint_guard.policy.loader import policy_set

BODY = (
    "By Dana Whitfield\n\nThe utility's managers knew the water was unsafe.\n\n"
    "This story was originally published by [ProPublica](https://www.propublica.org/article/lead-test-results).\n"
)
META = {
    "author": "Dana Whitfield",
    "original_url": "https://www.propublica.org/article/lead-test-results",
    "commercial": False,
}


def test_a_missing_element_whose_insert_needs_no_value_is_shown_in_the_fix():
    # ProPublica's tracking tag is the same for every story: the editor is shown the tag, not sent to find it.
    rule = next(rule for rule in policy_set().get("propublica").rules if rule.id == "pixel-ping")
    assert "{" not in rule.params.insert
    finding = next(f for f in reprint_guard.check(BODY, META).findings if f.rule == "propublica/pixel-ping")
    assert rule.params.insert in finding.fix, finding.fix
