"""What a new user's review of the CLI found, each through the real CLI: explain given a file, suppression
comments written in capitals or with an unknown setting, a fixture's empty expectation, findings in line
order, and the link --fix writes for an address copied with a share button's parameters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import COMPLIANT_BODY, COMPLIANT_META, markdown, run_cli

GR_COMMERCIAL = markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY)


def test_explain_given_an_article_says_it_is_no_policy_file(tmp_path: Path) -> None:
    article = tmp_path / "content" / "a.md"
    article.parent.mkdir()
    article.write_text(GR_COMMERCIAL, encoding="utf-8")
    for named in ("content/a.md", "./content/a.md", str(article), "content"):
        run = run_cli("explain", named, "--no-config", cwd=tmp_path)
        assert run.code == 2
        assert run.err.strip() == (
            f"reprint-guard: {named}: not a policy file (.yaml, .yml): explain takes POLICY/RULE, a policy id, or a "
            "policy file; to see which policy a reprint is held to, run 'reprint-guard check -v FILE' (or "
            "'credit --from FILE')"
        )
    # A folder named as a policy id stands in the way of nothing.
    (tmp_path / "global-research").mkdir()
    run = run_cli("explain", "global-research", "--no-config", cwd=tmp_path)
    assert run.code == 0 and run.out.startswith("## `global-research`")


def test_explain_an_unknown_rule_of_the_tools_own(tmp_path: Path) -> None:
    run = run_cli("explain", "reprint-guard/unused-supression", "--no-config", cwd=tmp_path)
    assert run.code == 2
    assert run.err.strip() == (
        "reprint-guard: reprint-guard/unused-supression: no rule of reprint-guard's own; "
        "did you mean reprint-guard/unused-suppression?"
    )
    run = run_cli("explain", "reprint-guard/nothing-like-it", "--no-config", cwd=tmp_path)
    assert run.code == 2 and "its rules: conflicting-keys, credited-original," in run.err


@pytest.mark.parametrize(
    ("comment", "said"),
    [
        (
            'REPRINT-GUARD: ignore global-research/commercial-permission reason="Agreed"',
            "write the marker in lower case",
        ),
        (
            'Reprint-Guard: ignore global-research/commercial-permission reason="Agreed"',
            "write the marker in lower case",
        ),
        (
            'reprint-guard: IGNORE global-research/commercial-permission reason="Agreed"',
            "write the marker in lower case",
        ),
        (
            'reprint-guard: ignore global-research/commercial-permission reason="Agreed" expires=2027-01-01',
            "unknown setting 'expires': a suppression takes the rules, reason=\"...\" and until=YYYY-MM-DD",
        ),
    ],
)
def test_a_suppression_written_otherwise_is_told_not_passed_over(tmp_path: Path, comment: str, said: str) -> None:
    page = tmp_path / "a.md"
    page.write_text(GR_COMMERCIAL + f"\n<!-- {comment} -->\n", encoding="utf-8")
    run = run_cli("check", "a.md", "--no-config", "--format", "json", cwd=tmp_path)
    assert run.code == 1
    findings = run.json()["results"][0]["findings"]
    assert [(f["rule"], f["suppressed"]) for f in findings] == [
        ("global-research/commercial-permission", None),
        ("reprint-guard/invalid-suppression", None),
    ]
    assert said in findings[1]["message"]
    assert findings[1]["line"] == GR_COMMERCIAL.count("\n") + 2


def test_a_lower_case_suppression_still_suppresses(tmp_path: Path) -> None:
    page = tmp_path / "a.md"
    comment = '<!-- reprint-guard: ignore global-research/commercial-permission reason="Agreed by email" -->'
    page.write_text(GR_COMMERCIAL + f"\n{comment}\n", encoding="utf-8")
    run = run_cli("check", "a.md", "--no-config", "--format", "json", cwd=tmp_path)
    assert run.code == 0
    (finding,) = run.json()["results"][0]["findings"]
    assert finding["suppressed"]["kind"] == "inline"


@pytest.mark.parametrize(
    ("expect", "said"),
    [
        ("[null]", "'expect' holds an empty entry (null)"),
        ("[~]", "'expect' holds an empty entry (null)"),
        ("[global-research/link-original, null]", "'expect' holds an empty entry (null)"),
        ("[17]", "'expect' holds 17, not a rule id"),
        ("[true]", "'expect' holds true, not a rule id"),
    ],
)
def test_a_fixtures_expectation_that_is_no_rule_id_is_named_as_written(tmp_path: Path, expect: str, said: str) -> None:
    fixture = tmp_path / "global-research" / "a.md"
    fixture.parent.mkdir()
    meta = "\n".join(f"{key}: {json.dumps(value)}" for key, value in COMPLIANT_META.items())
    fixture.write_text(f"---\n{meta}\nexpect: {expect}\n---\n{COMPLIANT_BODY}", encoding="utf-8")
    run = run_cli("test", ".", "--no-config", cwd=tmp_path)
    assert run.code == 2, run.out + run.err
    assert f"global-research/a.md:{len(COMPLIANT_META) + 2}:1: {said}" in run.out + run.err
    assert "None" not in run.out + run.err


def test_the_tools_own_findings_stand_in_line_order_among_the_rules(tmp_path: Path) -> None:
    """A newsletter's second original (line 9) was listed after the policy's finding on line 11."""
    (tmp_path / "issue.meta.yaml").write_text(
        "author: Dana Whitfield\n"
        "original_url: https://www.propublica.org/article/jail-phone-contracts-county-families\n"
        "medium: newsletter\ncommercial: false\n",
        encoding="utf-8",
    )
    (tmp_path / "issue.html").write_text(
        "<table><tr><td>\n<h1>County jail phone contracts squeeze families</h1>\n"
        "<p>By Dana Whitfield, ProPublica</p>\n<p>Families pay more each minute.</p>\n"
        '<p>This story was originally published by <a href="https://www.propublica.org/article/jail-phone-contracts-'
        'county-families">ProPublica</a>. It is republished under a <a href="https://creativecommons.org/licenses/'
        'by-nc-nd/3.0/us/">CC BY-NC-ND 3.0 US</a> licence.</p>\n<h2>Rural clinics cut evening hours</h2>\n'
        "<p>By Marisol Chen</p>\n<p>Three clinics close early.</p>\n"
        '<p>This article was originally published by <a href="https://kffhealthnews.org/news/article/rural-clinics-'
        'cut-evening-hours/">KFF Health News</a>.</p>\n</td></tr>\n<tr><td class="footer"><p>© 2026 Riverbend '
        'News. All rights reserved. <a href="https://riverbend.example/unsubscribe">Unsubscribe</a></p></td></tr>'
        "</table>\n",
        encoding="utf-8",
    )
    run = run_cli("check", "issue.html", "--no-config", "--format", "json", cwd=tmp_path)
    findings = run.json()["results"][0]["findings"]
    rules = [f["rule"] for f in findings]
    assert "reprint-guard/second-original" in rules and "propublica/no-added-restrictions" in rules
    places = [(f["line"], f["column"]) for f in findings]
    assert places == sorted(places)


def test_fix_links_the_original_without_a_share_buttons_parameters(tmp_path: Path) -> None:
    url = "https://www.globalresearch.ca/the-harbour-that-was-sold/5799123"
    meta = {**COMPLIANT_META, "original_url": f"{url}?id=7&page=2&utm_source=twitter&utm_medium=social&fbclid=x1"}
    page = tmp_path / "a.md"
    page.write_text(markdown(meta, "# The harbour\n\nA paragraph.\n"), encoding="utf-8")
    run = run_cli("check", "a.md", "--no-config", "--diff", cwd=tmp_path)
    added = [line for line in run.out.splitlines() if line.startswith("+*")]
    assert added == [f"+*The original source of this article is [Global Research]({url}?id=7&page=2).*"], run.out
    report = run_cli("check", "a.md", "--no-config", cwd=tmp_path)
    assert f"[Global Research]({url}?id=7&page=2)" in report.out
    assert "utm_" not in report.out.split("\n", 1)[1]  # the fix texts (the path line aside)
    # Written, the link counts: the fix's link is one the check takes for the original.
    run = run_cli("check", "a.md", "--no-config", "--fix", cwd=tmp_path)
    again = run_cli("check", "a.md", "--no-config", "--format", "json", cwd=tmp_path)
    rules = [f["rule"] for f in again.json()["results"][0]["findings"]]
    assert "global-research/link-original" not in rules and "global-research/source-credit" not in rules


PINE_POLICY = """id: pine-county-times
name: Pine County Times reprint terms
publisher: Pine County Times
source_url: https://pinecountytimes.example/reprints
applies_to: [pinecountytimes.example]
credit:
  position: bottom
  markdown: '*This story first appeared in the [Pine County Times]({original_url}).*'
rules:
  - id: credit
    check: attribution
    names: [Pine County Times]
    message: The reprint does not credit the Pine County Times
  - id: link-original
    check: link
    target: original
    message: The reprint does not link to the original Pine County Times story
"""
PINE_URL = "https://pinecountytimes.example/2026/11/cafe"


@pytest.mark.parametrize(
    ("credit", "linked"),
    [
        (
            "*This story first appeared in the Pine County\nTimes.*",
            f"*This story first appeared in the [Pine County\nTimes]({PINE_URL}).*",
        ),
        (
            "> This story first appeared in the Pine\n> County Times.",
            f"> This story first appeared in the [Pine\n> County Times]({PINE_URL}).",
        ),
        (
            "This story first appeared in the *Pine* County Times.",
            f"This story first appeared in the [*Pine* County Times]({PINE_URL}).",
        ),
        (
            "This story first appeared in the **Pine County Times**.",
            f"This story first appeared in the [**Pine County Times**]({PINE_URL}).",
        ),
        (
            "*This story first appeared in the Pine County Times*",
            f"*This story first appeared in the [Pine County Times]({PINE_URL})*",
        ),
        (
            "<p>This story first appeared in the Pine County\n  Times.</p>",
            f'<p>This story first appeared in the <a href="{PINE_URL}">Pine County\n  Times</a>.</p>',
        ),
    ],
    ids=["wrapped", "quoted-wrapped", "emphasis-inside", "strong-around", "emphasis-outside", "raw-html-wrapped"],
)
def test_fix_links_a_credit_that_wraps_or_is_emphasised_in_place(tmp_path: Path, credit: str, linked: str) -> None:
    """It added a second, linked credit under the first: the page carried two."""
    (tmp_path / "policies").mkdir()
    (tmp_path / "policies" / "pine.yaml").write_text(PINE_POLICY, encoding="utf-8")
    head = f"---\ntitle: t\nauthor: A B\noriginal_url: {PINE_URL}\ncommercial: false\n---\nThe café closed.\n\n"
    page = tmp_path / "a.md"
    page.write_text(head + credit + "\n", encoding="utf-8")
    run = run_cli("check", "a.md", "--no-config", "--rules-dir", "policies", "--fix", cwd=tmp_path)
    assert run.code == 0, run.out + run.err
    assert page.read_text(encoding="utf-8") == head + linked + "\n"


def test_a_saved_page_naming_itself_says_which_original_its_body_credits(tmp_path: Path) -> None:
    """With no config, a saved page's canonical link (its own address) chose no policy: the warning said only that
    no policy covers the site, not that the body credits a ProPublica story whose terms go unchecked."""
    (tmp_path / "saved.html").write_text(
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Jail phones</title>\n'
        '<link rel="canonical" href="https://riverbend.example/2026/11/jail-phones/">\n</head><body><article>\n'
        "<h1>Jail phone contracts</h1><p>By Dana Whitfield, ProPublica</p><p>Families pay more.</p>\n"
        '<p>This story was originally published by <a href="https://www.propublica.org/article/jail-phones">'
        "ProPublica</a>.</p>\n</article></body></html>\n",
        encoding="utf-8",
    )
    run = run_cli("check", "saved.html", "--no-config", "--format", "json", cwd=tmp_path)
    (finding,) = run.json()["results"][0]["findings"]
    assert finding["rule"] == "reprint-guard/unknown-publisher"
    assert finding["message"].endswith(
        "the article credits https://www.propublica.org/article/jail-phones as its original, on propublica.org, "
        "which propublica covers"
    )
    assert "list it under own-hosts" in finding["fix"]
    assert "original_url: https://www.propublica.org/article/jail-phones" in finding["fix"]


@pytest.mark.parametrize(
    ("config", "said"),
    [
        (
            "suppressions:\n  - path: a.md\n"
            "    rule: [global-research/link-original, global-research/print-permission]\n    reason: agreed\n",
            ".reprint-guard.yaml:3:5: suppressions.0.rule: ['global-research/link-original', "
            "'global-research/print-permission'] is not of type 'string'; several rules go in one string, "
            'comma-separated: rule: "global-research/link-original, global-research/print-permission"',
        ),
        (
            'include: "content/**"\n',
            ".reprint-guard.yaml:1:1: include: 'content/**' is not of type 'array'; write a list, even of one: "
            'include: ["content/**"]',
        ),
        (
            'inline-suppressions: "no"\n',
            ".reprint-guard.yaml:1:1: inline-suppressions: 'no' is not of type 'boolean'; write false, unquoted",
        ),
        (
            "fail-on: warn\n",
            ".reprint-guard.yaml:1:1: fail-on: 'warn' is not one of ['error', 'warning', 'info', 'never']; "
            "did you mean 'warning'?",
        ),
    ],
    ids=["rule-list", "include-string", "quoted-no", "enum-near-miss"],
)
def test_a_config_value_of_the_wrong_shape_says_what_to_write(tmp_path: Path, config: str, said: str) -> None:
    (tmp_path / ".reprint-guard.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "a.md").write_text(GR_COMMERCIAL, encoding="utf-8")
    run = run_cli("check", "a.md", cwd=tmp_path)
    assert run.code == 2
    assert run.err.strip() == f"reprint-guard: {said}"


def test_a_pyproject_configs_hint_is_written_in_toml(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.reprint-guard]\ninclude = "content/**"\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(GR_COMMERCIAL, encoding="utf-8")
    run = run_cli("check", "a.md", cwd=tmp_path)
    assert run.code == 2
    assert run.err.strip().endswith('write a list, even of one: include = ["content/**"]')
