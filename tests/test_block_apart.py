"""Blocks stand apart: a ``text`` rule's phrase or pattern, and an ``attribution`` rule's name, never run from
one block into the next (a heading into the paragraph under it, one paragraph, list item, table cell or
quotation into the next). Words of one block still match across inline markup (emphasis, a link), a
paragraph's text wrapped onto the next line, and a line break (``<br>``) inside the paragraph.

Real files through the real CLI: one run over every case (``--format json``), each file's rule ids compared
with what it should give, and single runs for the exit codes.
"""

from __future__ import annotations

import pytest

from conftest import run_cli

POLICY = """\
id: block-apart
name: Block apart terms
publisher: Pine County Times
source_url: https://pinecountytimes.example/terms
applies_to: [pinecountytimes.example]
rules:
  - id: notice-phrase
    check: text
    phrase: republished with permission
    mode: require
    message: The reprint must say it is republished with permission
  - id: notice-pattern
    check: text
    pattern: '\\brepublished with permission\\b'
    mode: require
    message: The reprint must say it is republished with permission
  - id: no-sponsored-phrase
    check: text
    phrase: sponsored content
    mode: forbid
    severity: warning
    message: Stories may not be labelled sponsored
  - id: no-sponsored-pattern
    check: text
    pattern: '\\bsponsored content\\b'
    mode: forbid
    severity: warning
    message: Stories may not be labelled sponsored
  - id: no-sponsor-line
    check: text
    pattern: 'sponsored by .+'
    mode: forbid
    severity: warning
    message: Stories may not carry a sponsor's line
  - id: no-brought
    check: text
    pattern: '(^|[.!?] )brought to you by\\b'
    mode: forbid
    severity: warning
    message: Stories may not be brought to you by a sponsor
  - id: credit
    check: attribution
    names: [Pine County Times]
    message: The reprint does not credit the Pine County Times
"""

URL = "https://pinecountytimes.example/2026/11/pier"
META = f"title: The pier\nauthor: Ana Ruiz\noriginal_url: {URL}\n"
CREDIT = "This story first appeared in the Pine County Times."
NOTICE = "Republished with permission."

NOTICES = {"block-apart/notice-phrase", "block-apart/notice-pattern"}
SPONSORED = {"block-apart/no-sponsored-phrase", "block-apart/no-sponsored-pattern"}
CREDITED = {"block-apart/credit"}

#: name -> (the body's lines under test, what else it holds, the rule ids it should give).
CASES: dict[str, tuple[str, tuple[str, ...], set[str]]] = {
    # A required notice split across two blocks is missing: phrase and pattern alike.
    "require-heading-paragraph": (
        "# Republished\n\nWith permission of the harbour board, the pier reopened.\n",
        (CREDIT,),
        NOTICES,
    ),
    "require-two-paragraphs": (
        "The pier reopened after the storm. Crews were republished\n\nwith permission to work at night.\n",
        (CREDIT,),
        NOTICES,
    ),
    "require-two-cells": ("| Status | Notes |\n|---|---|\n| republished | with permission |\n", (CREDIT,), NOTICES),
    "require-two-list-items": ("- Republished\n- With permission of the board\n", (CREDIT,), NOTICES),
    "require-raw-html-cells": (
        "<table><tr><td>Republished</td><td>with permission</td></tr></table>\n",
        (CREDIT,),
        NOTICES,
    ),
    "require-quote-then-paragraph": (
        "> The pier is republished\n\nwith permission, said the board.\n",
        (CREDIT,),
        NOTICES,
    ),
    # Raw HTML writing its blocks on one line, a space between (no line break at their edge).
    "require-inline-blocks": (
        "<div>\n<p>The pier is republished</p> <p>with permission today.</p>\n</div>\n",
        (CREDIT,),
        NOTICES,
    ),
    # A forbidden phrase made of words in two blocks is not there.
    "forbid-two-paragraphs": (
        "Some influencers were called sponsored\n\ncontent creators by the council.\n",
        (CREDIT, NOTICE),
        set(),
    ),
    "forbid-two-cells": (
        "<table><tr><td>Ferries sponsored</td><td>content review</td></tr></table>\n",
        (CREDIT, NOTICE),
        set(),
    ),
    "forbid-two-list-items": ("- ferries sponsored\n- content review\n", (CREDIT, NOTICE), set()),
    "forbid-heading-paragraph": ("## Sponsored\n\nContent from the board follows.\n", (CREDIT, NOTICE), set()),
    "forbid-inline-blocks": (
        "<div>\n<p>Ferries sponsored</p> <p>content review</p>\n</div>\n",
        (CREDIT, NOTICE),
        set(),
    ),
    # A credited name split across blocks credits no one.
    "credit-two-paragraphs": ("<p>Pine County</p><p>Times</p>\n", (NOTICE,), CREDITED),
    "credit-two-list-items": ("- Pine County\n- Times\n", (NOTICE,), CREDITED),
    "credit-two-rows": (
        "<table><tr><td>Pine County</td></tr><tr><td>Times</td></tr></table>\n",
        (NOTICE,),
        CREDITED,
    ),
    "credit-heading-paragraph": ("## News from Pine County\n\nTimes are hard at the pier.\n", (NOTICE,), CREDITED),
    "credit-inline-blocks": (
        "<div>\n<p>First appeared in the Pine County</p> <p>Times, a weekly.</p>\n</div>\n",
        (NOTICE,),
        CREDITED,
    ),
    # The same where a letter folds to more letters ("ß" is "ss"), which the name's capitals are read around.
    "credit-two-paragraphs-sharp-s": ("Mayor Großmann spoke.\n\n<p>Pine County</p><p>Times</p>\n", (NOTICE,), CREDITED),
    # Within one block the words still match.
    "require-emphasis-and-link": (
        f"*Republished* with [permission]({URL}) of the board.\n",
        (CREDIT,),
        set(),
    ),
    "require-wrapped-line": ("The pier reopened. Republished with\npermission of the board.\n", (CREDIT,), set()),
    "require-line-break": ("Republished with<br>permission of the board.\n", (CREDIT,), set()),
    "require-one-cell": ("| Note |\n|---|\n| Republished with permission |\n", (CREDIT,), set()),
    "require-one-list-item": ("- Republished with\n  permission of the board\n", (CREDIT,), set()),
    "forbid-emphasis": ("This is **sponsored** content.\n", (CREDIT, NOTICE), SPONSORED),
    "forbid-wrapped-line": ("This is sponsored\ncontent, the council said.\n", (CREDIT, NOTICE), SPONSORED),
    "forbid-one-cell": (
        "<table><tr><td>Ferries sponsored content</td><td>review</td></tr></table>\n",
        (CREDIT, NOTICE),
        SPONSORED,
    ),
    # A stop ending the block before does not part a sentence-start pattern's match from the words it opens.
    "forbid-sentence-start-after-a-heading": (
        "## Our partners.\n\nBrought to you by Harbour Bank.\n",
        (CREDIT, NOTICE),
        {"block-apart/no-brought"},
    ),
    "credit-wrapped-line": ("This story first appeared in the Pine County\nTimes.\n", (NOTICE,), set()),
    "credit-capitals-wrapped": ("THIS STORY FIRST APPEARED IN THE PINE COUNTY\nTIMES.\n", (NOTICE,), set()),
    "credit-capitals-wrapped-sharp-s": (
        "Mayor Großmann spoke. THIS STORY FIRST APPEARED IN THE PINE COUNTY\nTIMES.\n",
        (NOTICE,),
        set(),
    ),
    "credit-emphasis": ("This story first appeared in the *Pine County* Times.\n", (NOTICE,), set()),
}


def _write(folder, name: str, lines: str, others: tuple[str, ...]) -> str:
    body = "The pier reopened on Sunday after a month of repairs.\n\n" + lines + "\n" + "\n\n".join(others) + "\n"
    path = folder / f"{name}.md"
    path.write_text(f"---\n{META}---\n{body}", encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("block-apart")
    (folder / "policies").mkdir()
    (folder / "policies" / "block-apart.yaml").write_text(POLICY, encoding="utf-8")
    paths = {name: _write(folder, name, lines, others) for name, (lines, others, _) in CASES.items()}
    return folder, paths


@pytest.fixture(scope="module")
def results(site):
    folder, paths = site
    run = run_cli("check", "--no-config", "--rules-dir", str(folder / "policies"), *paths.values(), "--format", "json")
    assert run.out, run.err
    found = {result["path"]: result for result in run.json()["results"]}
    return {name: found[path] for name, path in paths.items()}


@pytest.mark.parametrize("name", list(CASES))
def test_rule_ids(results, name):
    result = results[name]
    assert result["policy"] == "block-apart" and result["error"] is None
    assert {finding["rule"] for finding in result["findings"]} == CASES[name][2]


def test_a_missing_credit_is_reported_as_not_visible(results):
    for name in (
        "credit-two-paragraphs",
        "credit-two-list-items",
        "credit-two-rows",
        "credit-inline-blocks",
        "credit-two-paragraphs-sharp-s",
    ):
        (finding,) = results[name]["findings"]
        assert '"Pine County Times" is not visible' in finding["message"], name


def _check(site, body: str, name: str, suffix: str = ".md"):
    folder, _ = site
    path = folder / f"{name}{suffix}"
    path.write_text(body, encoding="utf-8")
    return run_cli("check", "--no-config", "--rules-dir", str(folder / "policies"), str(path), "--format", "json")


def test_the_reviews_example_fails_with_exit_status_1(site):
    body = f"---\n{META}---\n# Republished\n\nWith permission of the harbour board, the pier reopened.\n\n{CREDIT}\n"
    run = _check(site, body, "review-example")
    assert run.code == 1
    findings = run.json()["results"][0]["findings"]
    assert {finding["rule"] for finding in findings} == NOTICES
    assert all("is not visible in the article" in finding["message"] for finding in findings)


def test_the_same_words_in_one_paragraph_pass_with_exit_status_0(site):
    body = f"---\n{META}---\n# The pier\n\nRepublished with permission of the harbour board.\n\n{CREDIT}\n"
    run = _check(site, body, "one-paragraph")
    assert run.code == 0, run.out
    assert run.json()["results"][0]["findings"] == []


def test_a_forbidden_phrase_is_placed_at_its_copy_within_a_block_not_at_the_split_one(site):
    # Line 8 ends a paragraph with "sponsored", line 10 opens the next with "content"; line 12 says it whole.
    body = (
        f"---\n{META}---\nThe pier.\n\nSome influencers were called sponsored\n\ncontent creators by the council.\n\n"
        f"Later a banner read sponsored content.\n\n{CREDIT} {NOTICE}\n"
    )
    run = _check(site, body, "placed")
    assert run.code == 0  # warnings only
    findings = run.json()["results"][0]["findings"]
    assert {finding["rule"] for finding in findings} == SPONSORED
    assert all((finding["line"], finding["column"]) == (12, 21) for finding in findings), findings


def test_a_greedy_pattern_stops_at_the_end_of_its_block(site):
    lines = "The ferry page is sponsored by Harbour Bank\n\nTimetables follow below.\n"
    body = f"---\n{META}---\n{lines}\n{CREDIT} {NOTICE}\n"
    run = _check(site, body, "greedy")
    (finding,) = run.json()["results"][0]["findings"]
    assert finding["rule"] == "block-apart/no-sponsor-line"
    assert 'found "sponsored by Harbour Bank"' in finding["message"], finding["message"]


def test_an_html_page_keeps_its_blocks_apart(site):
    folder, _ = site
    (folder / "page.meta.yaml").write_text(META, encoding="utf-8")
    page = (
        "<h2>Republished</h2><p>With permission of the board.</p>"
        "<p>Ferries sponsored</p><p>content review</p>"
        "<p>This story first appeared in the Pine County Times.</p>"
    )
    run = _check(site, page, "page", ".html")
    assert run.code == 1
    assert {finding["rule"] for finding in run.json()["results"][0]["findings"]} == NOTICES
