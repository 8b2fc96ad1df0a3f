"""A licensing reviewer's pass over the Creative Commons policies: each case a short invented story from a
host no publisher policy covers, so that the licence's own policy (cc-*-4.0) applies."""

from __future__ import annotations

from typing import Any

import pytest

from reprint_guard import check_text

ORIGINAL = "https://harbourlight.example/news/tide-gauge-returns"
STORY = "The old tide gauge on the north pier was reinstalled on Tuesday after a two-year absence, volunteers said."
DEEDS = {
    "CC-BY-4.0": ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "CC-BY-SA-4.0": ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    "CC-BY-ND-4.0": ("CC BY-ND 4.0", "https://creativecommons.org/licenses/by-nd/4.0/"),
    "CC-BY-NC-4.0": ("CC BY-NC 4.0", "https://creativecommons.org/licenses/by-nc/4.0/"),
    "CC-BY-NC-ND-4.0": ("CC BY-NC-ND 4.0", "https://creativecommons.org/licenses/by-nc-nd/4.0/"),
    "CC-BY-NC-SA-4.0": ("CC BY-NC-SA 4.0", "https://creativecommons.org/licenses/by-nc-sa/4.0/"),
}


def _credit(license: str) -> str:
    name, url = DEEDS[license]
    return f"Originally published by [Harbour Light]({ORIGINAL}) under [{name}]({url})."


def page(body: str, **meta: Any) -> str:
    import yaml

    front = {"original_url": ORIGINAL, "author": "Mara Quist", "license": "CC-BY-4.0", **meta}
    return "---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---\n" + body


def findings(body: str, **meta: Any) -> list[str]:
    return [finding.rule for finding in check_text(page(body, **meta)).findings]


def story(license: str, after: str = "", before: str = "", byline: str = "By Mara Quist") -> str:
    return f"# The tide gauge returns\n\n{byline}\n\n{before}{STORY}\n\n{_credit(license)}{after}\n"


# b1: restating the NonCommercial term adds no restriction under an NC licence, and still does under the others.

NC_RESTATED = [
    " Non-commercial use only.",
    " Noncommercial reuse only.",
    " For non-commercial use only.",
    "\n\nThis article may only be republished for non-commercial purposes.",
]


@pytest.mark.parametrize("said", NC_RESTATED)
@pytest.mark.parametrize("license", ["CC-BY-NC-4.0", "CC-BY-NC-ND-4.0", "CC-BY-NC-SA-4.0"])
def test_nc_restated_under_an_nc_licence_is_no_added_restriction(license: str, said: str) -> None:
    assert findings(story(license, after=said), license=license, commercial=False) == []


@pytest.mark.parametrize("said", NC_RESTATED)
@pytest.mark.parametrize("license", ["CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-ND-4.0"])
def test_nc_restated_under_a_licence_without_nc_is_an_added_restriction(license: str, said: str) -> None:
    policy = license.lower()
    assert findings(story(license, after=said), license=license) == [f"{policy}/no-added-restrictions"]


@pytest.mark.parametrize("license", ["CC-BY-NC-4.0", "CC-BY-NC-ND-4.0"])
def test_personal_use_only_is_still_an_added_restriction_under_nc(license: str) -> None:
    said = " For personal, non-commercial use only."
    policy = license.lower()
    assert findings(story(license, after=said), license=license, commercial=False) == [
        f"{policy}/no-added-restrictions"
    ]


def test_nc_restated_passes_in_policies_built_on_nc() -> None:
    # KFF Health News extends cc-by-nc-nd-4.0 and inherits its amendment.
    body = (
        "# The tide gauge returns\n\nBy Mara Quist\n\n"
        f"{STORY}\n\nThis article was originally published by "
        "[KFF Health News](https://kffhealthnews.org/news/article/tide-gauge-returns/) under "
        "[CC BY-NC-ND 4.0](https://creativecommons.org/licenses/by-nc-nd/4.0/). Non-commercial use only.\n"
    )
    meta = {
        "original_url": "https://kffhealthnews.org/news/article/tide-gauge-returns/",
        "license": "CC-BY-NC-ND-4.0",
        "commercial": False,
    }
    assert findings(body, **meta) == []


# b2: the rights holder's commercial permission covers a paywall and a sale, as it covers a commercial site.

PERMISSION = [{"from": "editor@harbourlight.example", "date": "2026-01-02", "scope": ["commercial"]}]


@pytest.mark.parametrize(
    ("license", "use"),
    [
        ("CC-BY-NC-4.0", "paywalled"),
        ("CC-BY-NC-4.0", "sold"),
        ("CC-BY-NC-ND-4.0", "paywalled"),
        ("CC-BY-NC-ND-4.0", "sold"),
        ("CC-BY-NC-SA-4.0", "paywalled"),
        ("CC-BY-NC-SA-4.0", "sold"),
    ],
)
def test_nc_commercial_permission_covers_a_paywall_and_a_sale(license: str, use: str) -> None:
    meta = {"license": license, "commercial": True, use: True}
    rule = f"{license.lower()}/{'no-paywall' if use == 'paywalled' else 'not-sold'}"
    assert findings(story(license), **meta) == [f"{license.lower()}/noncommercial", rule]
    assert findings(story(license), **meta, permissions=PERMISSION) == []
    # A permission for another use covers neither.
    other = [{**PERMISSION[0], "scope": ["print"]}]
    assert rule in findings(story(license), **meta, permissions=other)


# b4: a licence given only in a picture's credit is the picture's, not the article's.

NO_LICENCE_CREDIT = f"Originally published by [Harbour Light]({ORIGINAL})."
DEED = "https://creativecommons.org/licenses/by/4.0/"


def _pictured(credit: str, article_credit: str = NO_LICENCE_CREDIT) -> str:
    return f"# The tide gauge returns\n\nBy Mara Quist\n\n{credit}\n\n{STORY}\n\n{article_credit}\n"


@pytest.mark.parametrize(
    "credit",
    [
        f"![Pier](https://aggregator.example/pier.jpg)\n*Photo: Ana Ruiz, [CC BY 4.0]({DEED})*",
        "![Pier](https://aggregator.example/pier.jpg)\n\n"
        "Photo: Ana Ruiz, CC BY 4.0 (creativecommons.org/licenses/by/4.0)",
        f"Photo by Ana Ruiz is licensed under [CC BY 4.0]({DEED}).",
        f"Lead image courtesy of Ana Ruiz, [CC BY 4.0]({DEED})",
    ],
)
def test_a_licence_only_in_a_pictures_credit_is_not_the_articles(credit: str) -> None:
    assert findings(_pictured(credit)) == ["cc-by-4.0/license"]


@pytest.mark.parametrize(
    ("credit", "article_credit"),
    [
        # The article's own licence beside the picture's.
        (f"Photo: Ana Ruiz, [CC BY 4.0]({DEED})", _credit("CC-BY-4.0")),
        # A credit that goes on to give the article's licence, and the story's credit with its pictures'.
        (f"Photo: Ana Ruiz. Republished from Harbour Light under [CC BY 4.0]({DEED}).", NO_LICENCE_CREDIT),
        (f"Story and photos by Mara Quist, [CC BY 4.0]({DEED})", NO_LICENCE_CREDIT),
        # An emphasised credit line of the article's under the publisher's logo: no picture's caption.
        (
            "![Harbour Light](https://aggregator.example/logo.png)\n"
            f"*Originally published by Harbour Light under [CC BY 4.0]({DEED}).*",
            NO_LICENCE_CREDIT,
        ),
        # A licence line under the licence's own badge, or a logo, that is no picture's credit (the review of
        # the day's changes: a false error, and --fix added a second licence line).
        (
            f"![CC BY 4.0 badge](https://licensebuttons.net/l/by/4.0/88x31.png)\n*Shared under [CC BY 4.0]({DEED}).*",
            NO_LICENCE_CREDIT,
        ),
        (
            "![Harbour Light](https://aggregator.example/logo.png)\n"
            f"*By Mara Quist for Harbour Light, under [CC BY 4.0]({DEED}).*",
            NO_LICENCE_CREDIT,
        ),
    ],
)
def test_the_articles_licence_beside_a_pictures_credit_passes(credit: str, article_credit: str) -> None:
    assert findings(_pictured(credit, article_credit)) == []


# b6: a slash-joined credit of the story and its pictures is the story's credit too.


@pytest.mark.parametrize("lead", ["Story/Photo by", "Text/photo:", "Words/Photo by", "Story/Photos:", "Photo/Story by"])
def test_a_story_and_photo_credit_joined_by_a_slash_credits_the_story(lead: str) -> None:
    body = f"# The tide gauge returns\n\n{STORY}\n\n{lead} Mara Quist / {_credit('CC-BY-4.0')}\n"
    assert findings(body) == []


@pytest.mark.parametrize("lead", ["Photo/Illustration by", "Photos:"])
def test_a_pictures_credit_alone_still_credits_no_story(lead: str) -> None:
    body = f"# The tide gauge returns\n\n{STORY}\n\n{lead} Mara Quist / {_credit('CC-BY-4.0')}\n"
    assert findings(body) == ["cc-by-4.0/credit-author"]


# b5: a licence link whose words, badge or version name another licence than its address is mislabelled.

BADGE = "https://licensebuttons.net/l/{terms}/4.0/88x31.png"


def _linked_as(link: str, license: str = "CC-BY-NC-4.0") -> list[str]:
    body = (
        f"# The tide gauge returns\n\nBy Mara Quist\n\n{STORY}\n\n"
        f"Originally published by [Harbour Light]({ORIGINAL}) under {link}.\n"
    )
    return findings(body, license=license, commercial=False)


@pytest.mark.parametrize(
    ("link", "license"),
    [
        (
            "the [Creative Commons Attribution 4.0 International licence](https://creativecommons.org/licenses/by-nc/4.0/)",
            "CC-BY-NC-4.0",
        ),
        ("[Attribution-NonCommercial 4.0](https://creativecommons.org/licenses/by-nc-nd/4.0/)", "CC-BY-NC-ND-4.0"),
        (
            '<a href="https://creativecommons.org/licenses/by-nc-nd/4.0/"><img alt="CC BY 4.0" '
            'src="https://mirrors.creativecommons.org/presskit/buttons/88x31/png/by.png"></a>',
            "CC-BY-NC-ND-4.0",
        ),
        (
            f'<a href="https://creativecommons.org/licenses/by-nc-nd/4.0/"><img src="{BADGE.format(terms="by")}"></a>',
            "CC-BY-NC-ND-4.0",
        ),
        ("[CC BY 3.0](https://creativecommons.org/licenses/by/4.0/)", "CC-BY-4.0"),
        ("[CC BY-NC 4.0](https://creativecommons.org/licenses/by-nc-sa/4.0/)", "CC-BY-NC-SA-4.0"),
    ],
)
def test_a_licence_link_naming_another_licence_is_mislabelled(link: str, license: str) -> None:
    body = (
        f"# The tide gauge returns\n\nBy Mara Quist\n\n{STORY}\n\n"
        f"Originally published by [Harbour Light]({ORIGINAL}) under {link}.\n"
    )
    found = check_text(page(body, license=license, commercial=False)).findings
    assert [finding.rule for finding in found] == [f"{license.lower()}/license"]
    assert "the name shown is another licence's" in found[0].message


@pytest.mark.parametrize(
    ("link", "license"),
    [
        (
            "the [Creative Commons Attribution-NonCommercial 4.0 International licence]"
            "(https://creativecommons.org/licenses/by-nc/4.0/)",
            "CC-BY-NC-4.0",
        ),
        (
            "[CC BY-NC-ND 4.0](https://creativecommons.org/licenses/by-nc-nd/4.0/) "
            "(Attribution-NonCommercial-NoDerivs)",
            "CC-BY-NC-ND-4.0",
        ),
        (
            "[Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International]"
            "(https://creativecommons.org/licenses/by-nc-nd/4.0/)",
            "CC-BY-NC-ND-4.0",
        ),
        (
            '<a href="https://creativecommons.org/licenses/by-nc-nd/4.0/"><img alt="CC BY-NC-ND 4.0" '
            f'src="{BADGE.format(terms="by-nc-nd")}"></a> [CC BY-NC-ND 4.0](https://creativecommons.org/licenses/by-nc-nd/4.0/)',
            "CC-BY-NC-ND-4.0",
        ),
        (
            "a [Creative Commons licence](https://creativecommons.org/licenses/by-nc/4.0/) (CC BY-NC 4.0)",
            "CC-BY-NC-4.0",
        ),
        (
            "the licence's [attribution terms](https://creativecommons.org/licenses/by-nc/4.0/) (CC BY-NC 4.0)",
            "CC-BY-NC-4.0",
        ),
        ("[CC BY 4.0](https://creativecommons.org/licenses/by/4.0/deed.en)", "CC-BY-4.0"),
    ],
)
def test_a_licence_link_naming_its_own_licence_passes(link: str, license: str) -> None:
    assert _linked_as(link, license) == []


# b8: an ND reprint's extract note leads to excerpt: true, which passes, not to modified: true, which fails.


@pytest.mark.parametrize("license", ["CC-BY-ND-4.0", "CC-BY-NC-ND-4.0"])
def test_an_nd_extract_notes_fix_points_to_excerpt(license: str) -> None:
    text = page(
        story(license, before="Excerpted from Harbour Light's longer report.\n\n"), license=license, commercial=False
    )
    found = check_text(text).findings
    assert [finding.rule for finding in found] == [f"{license.lower()}/edits-declared"]
    assert "set excerpt: true" in (found[0].fix or "")
    assert "none of modified, translated or excerpt" in found[0].message
    assert (
        findings(
            story(license, before="Excerpted from Harbour Light's longer report.\n\n"),
            license=license,
            commercial=False,
            excerpt=True,
        )
        == []
    )


# b9: the legal codes' numbering: NonCommercial is 1(i) in BY-NC, 1(h) in BY-NC-ND, 1(k) in BY-NC-SA; format
# shifting is 2(a)(4); no downstream restrictions is 2(a)(5)(C) in the ShareAlike licences, 2(a)(5)(B) elsewhere.


@pytest.mark.parametrize(
    ("policy", "nc"),
    [("cc-by-nc-4.0", "1(i)"), ("cc-by-nc-nd-4.0", "1(h)"), ("cc-by-nc-sa-4.0", "1(k)"), ("dialogue-earth", "1(h)")],
)
def test_noncommercial_is_cited_by_its_licences_own_number(policy: str, nc: str) -> None:
    from reprint_guard import load_policy

    rules = {rule.id: rule for rule in load_policy(policy).rules}
    for rule_id in ("noncommercial", "not-sold", "no-paywall"):
        assert f"({nc})" in (rules[rule_id].terms or ""), rule_id
    wrong = {"1(i)", "1(h)", "1(k)"} - {nc}
    assert not any(f"({other})" in (rule.terms or "") for rule in rules.values() for other in wrong)


@pytest.mark.parametrize("policy", ["cc-by-nd-4.0", "cc-by-nc-nd-4.0"])
def test_nd_format_shifting_is_cited_as_2a4(policy: str) -> None:
    from reprint_guard import load_policy

    terms = {rule.id: rule.terms or "" for rule in load_policy(policy).rules}
    assert "format shifting makes no adapted material (2(a)(4))" in terms["no-derivatives"]


@pytest.mark.parametrize(
    ("policy", "clause"),
    [
        ("cc-by-4.0", "2(a)(5)(B)"),
        ("cc-by-nc-nd-4.0", "2(a)(5)(B)"),
        ("cc-by-sa-4.0", "2(a)(5)(C)"),
        ("cc-by-nc-sa-4.0", "2(a)(5)(C)"),
    ],
)
def test_no_downstream_restrictions_is_cited_by_its_licences_own_number(policy: str, clause: str) -> None:
    from reprint_guard import load_policy

    terms = {rule.id: rule.terms or "" for rule in load_policy(policy).rules}
    assert f"({clause})" in terms["no-added-restrictions"]


# J5: a changed headline is told the same however the note says it, under ND as changes-indicated reads it.


@pytest.mark.parametrize("license", ["CC-BY-ND-4.0", "CC-BY-NC-ND-4.0"])
@pytest.mark.parametrize(
    "note", ["The headline has been changed.", "Headline changed by Aggregator Daily.", "The title was updated."]
)
def test_a_changed_headline_is_an_edit_note_under_nd(license: str, note: str) -> None:
    body = story(license, before=f"{note}\n\n")
    assert findings(body, license=license, commercial=False) == [f"{license.lower()}/edits-declared"]
    # Declared, it is a modification, which the base policy's changes-indicated accepts as noted.
    assert findings(body, license=license, commercial=False, modified=True) == [f"{license.lower()}/no-derivatives"]


def test_a_changed_headline_is_a_change_note_under_by() -> None:
    for note in ("The headline has been changed.", "Headline changed by Aggregator Daily."):
        assert findings(story("CC-BY-4.0", before=f"{note}\n\n"), modified=True) == []


# b7: under ShareAlike, an adaptation shared under another compatible licence gives that licence too (3(b)(2)).

SA_NOTE = "This article has been edited for length. "


@pytest.mark.parametrize(
    ("reprint_license", "rule"),
    [("GPL-3.0-or-later", "adapters-license"), ("LAL-1.3", "adapters-license")],
)
def test_an_sa_adaptation_under_a_compatible_licence_gives_it(reprint_license: str, rule: str) -> None:
    meta = {"license": "CC-BY-SA-4.0", "modified": True, "reprint_license": reprint_license}
    assert findings(story("CC-BY-SA-4.0", before=SA_NOTE), **meta) == [f"cc-by-sa-4.0/{rule}"]


@pytest.mark.parametrize(
    ("reprint_license", "said"),
    [
        (
            "GPL-3.0-or-later",
            "This adaptation is shared under the [GNU GPL v3](https://www.gnu.org/licenses/gpl-3.0.html).",
        ),
        ("GPL-3.0-only", "This adaptation is licensed GPL-3.0."),
        (
            "LAL-1.3",
            "This adaptation is shared under the [Free Art License 1.3](https://artlibre.org/licence/lal/en/).",
        ),
    ],
)
def test_an_sa_adaptation_that_gives_its_licence_passes(reprint_license: str, said: str) -> None:
    meta = {"license": "CC-BY-SA-4.0", "modified": True, "reprint_license": reprint_license}
    assert findings(story("CC-BY-SA-4.0", before=SA_NOTE, after=f" {said}"), **meta) == []


def test_an_sa_adaptation_under_the_same_licence_or_unmodified_is_asked_nothing_more() -> None:
    meta = {"license": "CC-BY-SA-4.0", "modified": True, "reprint_license": "CC-BY-SA-4.0"}
    assert findings(story("CC-BY-SA-4.0", before=SA_NOTE), **meta) == []
    assert findings(story("CC-BY-SA-4.0"), license="CC-BY-SA-4.0", reprint_license="GPL-3.0-or-later") == []


@pytest.mark.parametrize(
    "said",
    [
        " Reproduction in whole or in part without written permission is prohibited.",
        " Reproduction of this article without the prior written consent of Harbour Light is strictly prohibited.",
        " You may not share this article.",
        " Sharing this story is prohibited.",
    ],
)
def test_the_usual_reservation_footers_are_added_restrictions(said: str) -> None:
    """The most common footer of all passed (2(a)(5)(B)): the licence lets anyone reproduce and share."""
    assert findings(story("CC-BY-4.0", after=said)) == ["cc-by-4.0/no-added-restrictions"]


@pytest.mark.parametrize(
    "said",
    [
        " Readers may share this article with friends.",
        " The council said reproduction of the map without permission was prohibited in 1990, and the rule stood.",
        " Sharing this story is encouraged.",
    ],
)
def test_story_sentences_about_sharing_and_reproduction_are_no_reservation(said: str) -> None:
    assert findings(story("CC-BY-4.0", after=said)) == []


@pytest.mark.parametrize(
    "after",
    [
        " No reproduction without the author's permission.",
        " Not for republication.",
        " This article may not be reproduced without the author's consent.",
    ],
)
def test_nc_restated_hides_no_reservation_in_the_next_sentence(after: str) -> None:
    """The excused sentence's stop opens the next: it was taken with the first match, and the next passed."""
    said = " Non-commercial use only." + after
    assert findings(story("CC-BY-NC-4.0", after=said), license="CC-BY-NC-4.0", commercial=False) == [
        "cc-by-nc-4.0/no-added-restrictions"
    ]
