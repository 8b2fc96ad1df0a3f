"""A user's review of writing policies: what validate, check and test told wrong, or did not tell."""

from __future__ import annotations

from pathlib import Path

import pytest

import reprint_guard
from conftest import (
    CREDITED,
    HARBOUR_META,
    HARBOUR_POLICY,
    POLICY_HEAD,
    UNCREDITED,
    cpu_seconds,
    markdown,
    write,
    write_policy,
)

#: A text rule that fails every reprint it applies to (no article says "hello"): what its condition decides.
HELLO = "rules:\n  - id: hello\n    check: text\n    phrase: hello\n    message: Say hello\n"


def hello_applies(cli, tmp_path: Path, policy: Path, meta: dict) -> bool:
    """Whether the ``hello`` rule applied to a reprint with ``meta``: it fails every reprint it applies to."""
    article = write(tmp_path / "a.md", markdown({**HARBOUR_META, **meta}, CREDITED))
    run = cli("check", "--policy", str(policy), str(article), "--format", "json")
    assert run.code in (0, 1), run.err
    return [f["rule"] for f in run.json()["results"][0]["findings"]] == [f"{policy.stem}/hello"]


# 1. Conditions compare text case aside, at run time and in validate alike.


@pytest.mark.parametrize(
    "when",
    [
        "{field: medium, is: Web}",
        "{field: medium, in: [Web, Print]}",
        "{all: [{field: medium, is: web}, {field: medium, is: Web}]}",
        "{all: [{field: desk, is: News}, {field: desk, is: news}]}",
    ],
)
def test_validate_takes_a_value_that_differs_only_by_case_as_the_run_does(tmp_path, cli, when):
    policy = write_policy(tmp_path, "cased", f"{HELLO}    when: {when}\n")
    run = cli("validate", str(policy))
    assert run.code == 0 and run.out == f"{policy}: valid\n", run.out
    assert hello_applies(cli, tmp_path, policy, {"medium": "web", "desk": "news"})


def test_validate_still_tells_a_condition_that_differs_from_itself_only_by_case(tmp_path, cli):
    """``medium is web`` and ``medium is not Web`` never both hold: the run takes 'Web' for 'web'."""
    when = "{all: [{field: medium, is: web}, {field: medium, is_not: Web}]}"
    policy = write_policy(tmp_path, "cased", f"{HELLO}    when: {when}\n")
    run = cli("validate", str(policy))
    assert run.code == 1
    assert run.out.splitlines() == [
        f"{policy}:10:5: rule 'hello': its condition can never hold: medium cannot be 'web' and not 'Web'"
    ]


# 2. An optional \p{Lu} is no capital every match needs.


@pytest.mark.parametrize("pattern", [r"\p{Lu}?reserved", r"\p{Lu}*reserved", r"(\p{Lu})?reserved", r"\p{Lu}{0,2}x"])
def test_an_optional_capital_class_escape_is_left_alone_as_a_bracketed_one_is(tmp_path, cli, pattern):
    policy = write_policy(
        tmp_path, "caps", f"rules:\n  - id: note\n    check: text\n    pattern: '{pattern}'\n    message: Note it\n"
    )
    run = cli("validate", str(policy))
    assert run.code == 0 and run.out == f"{policy}: valid\n", run.out


@pytest.mark.parametrize("pattern", [r"\p{Lu}reserved", r"\p{Lu}+reserved", r"x\p{Lt}"])
def test_a_capital_class_escape_every_match_needs_is_still_refused(tmp_path, cli, pattern):
    policy = write_policy(
        tmp_path, "caps", f"rules:\n  - id: note\n    check: text\n    pattern: '{pattern}'\n    message: Note it\n"
    )
    run = cli("validate", str(policy))
    assert run.code == 1 and run.out.startswith(f"{policy}:8:5: rule 'note': the pattern /{pattern}/ has capital")


# 4. A placeholder written wrong is told, as a misspelt one is; braces that are text are not.


def test_a_malformed_placeholder_is_told_at_its_template(tmp_path, cli):
    policy = write_policy(
        tmp_path,
        "braces",
        "credit:\n  markdown: 'From [T]({ original_url }), {original_url!r}, {{author}}, {year:04d}.'\n"
        "rules:\n"
        "  - id: link\n    check: link\n    target: original\n    message: Link it\n"
        "    fix: 'Link [the original]({original_url).'\n",
    )
    run = cli("validate", str(policy))
    assert run.code == 1
    said = "as written it is not filled in, but shown as it stands"
    assert run.out.splitlines() == [
        f"{policy}:6:3: field 'credit.markdown': malformed placeholder '{{ original_url }}': write {{original_url}} "
        f"(no spaces inside the braces); {said}",
        f"{policy}:6:3: field 'credit.markdown': malformed placeholder '{{original_url!r}}': write {{original_url}} "
        f"(a template takes no conversion such as !r); {said}",
        f"{policy}:6:3: field 'credit.markdown': malformed placeholder '{{{{author}}}}': write {{author}} "
        f"(a doubled brace stays in the text around the value); {said}",
        f"{policy}:6:3: field 'credit.markdown': malformed placeholder '{{year:04d}}': write {{year}} "
        f"(a template takes no format); {said}",
        f"{policy}:12:5: rule 'link', field 'fix': malformed placeholder '{{original_url': write {{original_url}} "
        f"(it has no closing brace); {said}",
    ]


def test_a_placeholder_with_an_attribute_or_index_is_malformed(tmp_path, cli):
    """``{original_url.__class__.__mro__}`` and ``{author[0]}`` were called valid and shown as written."""
    policy = write_policy(
        tmp_path,
        "attr",
        "credit:\n  markdown: '{original_url.__class__.__mro__} {author[0]}'\nrules:\n"
        "  - id: link\n    check: link\n    target: original\n    message: Link it\n",
    )
    run = cli("validate", str(policy))
    assert run.code == 1, run.out
    why = "(a template takes no attribute or index (.name, [0]) of a value)"
    assert f"malformed placeholder '{{original_url.__class__.__mro__}}': write {{original_url}} {why}" in run.out
    assert f"malformed placeholder '{{author[0]}}': write {{author}} {why}" in run.out


def test_braces_that_are_text_in_a_template_are_no_placeholder(tmp_path, cli):
    """The fill leaves any brace that is not ``{name}`` as it stands: a YAML snippet in a fix, CSS or JSON in
    a credit's HTML, a lone brace, a site's template tags are text. A name far from every one a template
    knows is left alone, as a misspelt one is: a site's own key may mean something else there."""
    policy = write_policy(
        tmp_path,
        "braces",
        "credit:\n  markdown: 'From [T]({original_url}) in { desk_name }, {{ page.title }} {{ site_name }} { or }'\n"
        '  html: \'<p style="x">From {publisher}</p><style>.c{color:gray} .d { margin: 0 }</style>'
        '<script type="application/ld+json">{"@type": "Article"}</script>\'\n'
        "rules:\n"
        "  - id: perm\n    check: permission\n    scope: print\n    from: ['*']\n    message: Ask\n"
        "    fix: 'Record it: permissions: [{from: ed@example.org, date: YYYY-MM-DD, scope: [print]}]'\n",
    )
    run = cli("validate", str(policy))
    assert run.code == 0 and run.out == f"{policy}: valid\n", run.out


# 5. A condition on the licence compares licences, however written.


@pytest.mark.parametrize(
    ("when", "license", "applies"),
    [
        ("{field: license, is: CC-BY-4.0}", "Creative Commons Attribution 4.0 International", True),
        ("{field: license, is: CC BY 4.0}", "https://creativecommons.org/licenses/by/4.0/", True),
        ("{field: license, in: [CC-BY-ND-4.0, CC-BY-4.0]}", "CC BY 4.0", True),
        ("{field: license, is_not: CC-BY-4.0}", "cc by 4.0", False),
        ("{field: license, not_in: [CC-BY-4.0]}", "Creative Commons Attribution 4.0 International", False),
        ("{field: license, is: CC-BY-4.0}", "CC BY-ND 4.0", False),
        # Another licence is compared as written, and valid in a condition (BY-SA 4.0 names GPLv3 compatible)
        ("{field: license, in: [CC-BY-SA-4.0, GPL-3.0-or-later]}", "GPL-3.0-or-later", True),
        ("{field: license, is: GPL-3.0-only}", "GPL-3.0-or-later", False),
    ],
)
def test_a_condition_on_the_licence_compares_licence_ids(tmp_path, cli, when, license, applies):
    policy = write_policy(tmp_path, "licensed", f"{HELLO}    when: {when}\n")
    assert cli("validate", str(policy)).out == f"{policy}: valid\n"
    assert hello_applies(cli, tmp_path, policy, {"license": license}) is applies


def test_validate_refuses_a_licence_it_does_not_know_in_a_condition(tmp_path, cli):
    policy = write_policy(
        tmp_path,
        "licensed",
        HELLO + "    when: {any: [{field: license, is: CC-BY-40}, {field: license, in: [CC-BY-4.0, CC-BY-ND]}]}\n",
    )
    run = cli("validate", str(policy))
    assert run.code == 1
    said = "is not a licence reprint-guard knows: write a Creative Commons licence's SPDX id (such as CC-BY-ND-4.0)"
    lines = run.out.splitlines()
    assert len(lines) == 2, run.out
    assert lines[0].startswith(f"{policy}:10:35: rule 'hello', field 'when': 'CC-BY-40' {said}")
    assert lines[0].endswith("did you mean 'CC-BY-4.0'?")
    assert lines[1].startswith(f"{policy}:10:83: rule 'hello', field 'when': 'CC-BY-ND' {said}")


# 6. A policy or a config that is not UTF-8 is told as a reprint is: where, and what it is.


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (POLICY_HEAD.format(id="enc").encode() + b"notes: caf\xe9\nrules: []\n", ":5:11: not valid UTF-8 (byte 0xe9)"),
        ((POLICY_HEAD.format(id="enc") + "rules: []\n").encode("utf-16"), ":1:1: UTF-16 text, not UTF-8"),
        ((POLICY_HEAD.format(id="enc") + "rules: []\n").encode("utf-16-le"), ":1:1: UTF-16 text, not UTF-8"),
        (POLICY_HEAD.format(id="enc").encode() + b"notes: a\x00b\nrules: []\n", ":5:9: binary file (NUL byte)"),
    ],
)
def test_a_policy_that_is_not_utf8_is_told_at_its_line_and_column(tmp_path, cli, data, said):
    policy = write(tmp_path / "enc.yaml", data)
    run = cli("validate", str(policy))
    assert run.code == 1 and run.out.startswith(f"{policy}{said}"), run.out
    article = write(tmp_path / "a.md", markdown(HARBOUR_META, CREDITED))
    run = cli("check", "--policy", str(policy), str(article))
    assert run.code == 2 and f"{policy}{said}" in run.err, run.err


@pytest.mark.parametrize(
    ("data", "said"),
    [
        ("policies: []\n".encode("utf-16"), ":1:1: UTF-16 text, not UTF-8; save the config as UTF-8"),
        ("policies: []\n".encode("utf-16-le"), ":1:1: UTF-16 text, not UTF-8; save the config as UTF-8"),
        (b"fail-on: error\n# caf\xe9\n", ":2:6: not valid UTF-8 (byte 0xe9); save the config as UTF-8"),
    ],
)
def test_a_config_that_is_not_utf8_is_told_as_a_policy_is(tmp_path, cli, data, said):
    config = write(tmp_path / ".reprint-guard.yaml", data)
    write(tmp_path / "a.md", markdown(HARBOUR_META, CREDITED))
    run = cli("check", "a.md", cwd=tmp_path)
    assert run.code == 2 and f"reprint-guard: {config.name}{said}" in run.err, run.err


# 7. A malformed expect is an error of the fixture at its expect line.


@pytest.mark.parametrize(
    ("expect", "said"),
    [
        (
            "expect: harbour-herald/credit",
            "'expect' must be a list of '<policy>/<rule>' or '<policy>/<rule>@LINE', not a single string: write "
            "'expect: [harbour-herald/credit]'",
        ),
        ("expect: {a: 1}", "'expect' must be a list of '<policy>/<rule>' or '<policy>/<rule>@LINE'"),
        ("expect:", "'expect' is empty: list the rules that must fire, or write 'expect: []' for a compliant one"),
    ],
)
def test_an_expect_of_the_wrong_shape_is_told_at_its_line(tmp_path, cli, expect, said):
    write(tmp_path / "policies" / "harbour.yaml", HARBOUR_POLICY)
    fixture = write(
        tmp_path / "fixtures" / "harbour-herald" / "f.md",
        f"---\ntitle: T\noriginal_url: https://harbour.example/a\n{expect}\n---\nThe gulls.\n",
    )
    run = cli("test", "fixtures", "--rules-dir", "policies", cwd=tmp_path)
    assert run.code == 2 and f"  {fixture.relative_to(tmp_path)}:4:1: {said}\n" in run.out, run.out


# 8 and 9. The config's policies, and --rules-dir: a folder that is not there, or holds no policy, is refused.


@pytest.mark.parametrize(
    ("config", "folder", "said"),
    [
        (
            'policies: ["../rulez"]\n',
            "rulez",
            ":1:12: policies.0: no such policy file or folder: ../rulez (from the config's folder: {folder})",
        ),
        (
            "fail-on: error\npolicies:\n  - ../fixtures\n",
            "fixtures",
            ":3:5: policies.0: no policy files (.yaml, .yml) in this folder: ../fixtures (from the config's "
            "folder: {folder})",
        ),
    ],
)
def test_a_config_policies_entry_with_no_policy_is_told_at_its_line(tmp_path, cli, config, folder, said):
    site = tmp_path / "site"
    write(tmp_path / "fixtures" / "harbour-herald" / "f.md", markdown({**HARBOUR_META, "expect": []}, CREDITED))
    write(tmp_path / "fixtures" / "README.md", "# Fixtures\n")
    path = write(site / ".reprint-guard.yaml", config)
    write(site / "a.md", markdown(HARBOUR_META, CREDITED))
    for command in (("check", "a.md"), ("validate", "../fixtures/harbour-herald")):
        run = cli(*command, cwd=site)
        assert run.code == 2, run.out + run.err
        assert run.err == f"reprint-guard: {path.name}{said.format(folder=tmp_path / folder)}\n", run.err


def test_a_rules_dir_with_no_policy_file_is_refused_as_validate_refuses_it(tmp_path, cli):
    write(tmp_path / "fixtures" / "harbour-herald" / "f.md", markdown({**HARBOUR_META, "expect": []}, CREDITED))
    article = write(tmp_path / "a.md", markdown(HARBOUR_META, UNCREDITED))
    folder = tmp_path / "fixtures"
    run = cli("validate", str(folder))
    assert run.code == 2 and "no policy files (.yaml, .yml) in this folder" in run.out + run.err
    run = cli("check", "--rules-dir", str(folder), str(article))
    assert run.code == 2
    assert run.err == f"reprint-guard: {folder}: no policy files (.yaml, .yml) in this folder\n", run.err
    write(folder / "harbour.yaml", HARBOUR_POLICY)  # with a policy in it, the same run checks against it
    run = cli("check", "--rules-dir", str(folder), str(article))
    assert run.code == 1 and "harbour-herald/credit" in run.out, run.out + run.err


# 10. Parameters that are never read; a position as written; a tag in capitals.


@pytest.mark.parametrize(
    ("params", "said"),
    [
        (
            "    check: media\n    hosts: [cdn.example.org]\n",
            "'hosts' goes with 'mode: hosts' (media only from those hosts); with mode 'forbid' it is never read: "
            "set 'mode: hosts', or leave 'hosts' out",
        ),
        (
            "    check: media\n    mode: permission\n    hosts: [cdn.example.org]\n",
            "'hosts' goes with 'mode: hosts' (media only from those hosts); with mode 'permission' it is never read",
        ),
        (
            "    check: media\n    scope: video\n",
            "'scope' goes with 'mode: permission' (media need a permission of that scope); with mode 'forbid' it "
            "is never read: set 'mode: permission', or leave 'scope' out",
        ),
        (
            "    check: media\n    mode: hosts\n    hosts: [cdn.example.org]\n    scope: video\n",
            "'scope' goes with 'mode: permission' (media need a permission of that scope); with mode 'hosts' it "
            "is never read",
        ),
        (
            "    check: attribution\n    names: [P]\n    window: 0.1\n",
            "'window' goes with 'position: top' or 'position: bottom' (how near the top or bottom the credit must "
            "stand); with position 'any' it is never read",
        ),
    ],
)
def test_a_parameter_the_rule_never_reads_is_refused(tmp_path, cli, params, said):
    policy = write_policy(tmp_path, "unread", f"rules:\n  - id: r\n{params}    message: M\n")
    run = cli("validate", str(policy))
    assert run.code == 1 and run.out.startswith(f"{policy}:6:5: rule 'r': {said}"), run.out
    article = write(tmp_path / "a.md", markdown(HARBOUR_META, CREDITED))
    run = cli("check", "--policy", str(policy), str(article))
    assert run.code == 2 and f"{policy}:6:5: rule 'r': {said}" in run.err, run.err


@pytest.mark.parametrize(
    "params",
    [
        "    check: media\n    mode: hosts\n    hosts: [cdn.example.org]\n",
        "    check: media\n    mode: permission\n    scope: video\n",
        "    check: attribution\n    names: [P]\n    position: top\n    window: 0.1\n",
    ],
)
def test_a_parameter_with_what_reads_it_is_valid(tmp_path, cli, params):
    policy = write_policy(tmp_path, "read", f"rules:\n  - id: r\n{params}    message: M\n")
    run = cli("validate", str(policy))
    assert run.code == 0 and run.out == f"{policy}: valid\n", run.out


def test_test_shows_a_met_expectation_as_written(tmp_path, cli):
    write(tmp_path / "policies" / "harbour.yaml", HARBOUR_POLICY)
    fixture = "---\ntitle: T\noriginal_url: https://harbour.example/a\nexpect: [{}]\n---\nThe gulls.\n"
    folder = tmp_path / "fixtures" / "harbour-herald"
    write(folder / "f.md", fixture.format("harbour-herald/credit@6:1, harbour-herald/credit@9"))
    run = cli("test", "fixtures", "--rules-dir", "policies", cwd=tmp_path)
    assert run.code == 1
    said = "  - expected harbour-herald/credit@9: not reported (expected 2 times, reported 1)\n"
    assert said + "    ok harbour-herald/credit@6:1\n" in run.out, run.out
    write(folder / "f.md", fixture.format("harbour-herald/credit, harbour-herald/credit@9"))
    run = cli("test", "fixtures", "--rules-dir", "policies", cwd=tmp_path)
    assert "    ok harbour-herald/credit@6:1\n" in run.out, run.out  # written without a place: where it was found


def test_a_policy_left_with_no_rule_is_refused_as_one_that_passes_everything(tmp_path, cli):
    policy = write_policy(tmp_path, "empty", "rules: []\n")
    run = cli("validate", str(policy))
    assert run.code == 1 and run.out.startswith(f"{policy}:5:1: the policy has no rules, so it would pass"), run.out
    write_policy(tmp_path, "empty", "extends: cc-by-4.0\nrules: []\n")  # inherits the licence's rules
    assert cli("validate", str(policy)).code == 0
    names = ("source-credit", "copyright-notice", "link-original", "commercial-permission", "print-permission")
    off = "".join(f"  - {{id: {name}, disabled: true}}\n" for name in names)
    write_policy(tmp_path, "empty", f"extends: global-research\nrules:\n{off}")
    run = cli("validate", str(policy))
    said = "the policy has no rules left (none of its own or from 'global-research' is enabled)"
    assert run.code == 1 and run.out.startswith(f"{policy}:6:1: {said}"), run.out


@pytest.mark.parametrize(
    ("rules", "said"),
    [
        ("rules: []\n", ":6:1: the policy has no rules, so it would pass every reprint"),
        (
            "rules:\n  - {id: web, check: text, phrase: hello, message: M, when: {all: [{field: medium, is: web}, "
            "{field: medium, is: print}]}}\n",
            ":7:55: rule 'web': its condition can never hold: medium cannot be both 'web' and 'print'",
        ),
        (
            "rules:\n  - {id: paid, check: text, phrase: hello, message: M, when: {field: commercial, is: 'true'}}\n",
            ":7:56: rule 'paid': its condition can never hold: commercial is never the text 'true': write true without",
        ),
        (
            "rules:\n  - {id: ask, check: permission, scope: commercial use, message: Ask first}\n",
            ":7:5: rule 'ask' can never pass: no permission record satisfies it",
        ),
    ],
)
def test_check_and_test_refuse_a_policy_that_would_check_nothing_or_wrongly(tmp_path, cli, rules, said):
    """``validate`` refused a policy with no rules, and check passed every reprint with it ("1 passed", and
    fully_checked in the JSON): a policy that surely checks nothing, or wrongly, is refused by every run."""
    policy = write_policy(tmp_path, "p", "applies_to: [p.example]\n" + rules)
    story = write(tmp_path / "story.md", markdown({"original_url": "https://p.example/a"}, "Hello.\n"))
    run = cli("check", "--no-config", "--rules-dir", str(policy), str(story))
    assert run.code == 2 and run.err.startswith(f"reprint-guard: {policy}{said}"), run.err
    assert run.err.count("\n") == 1 and run.out == ""
    fixture = write(tmp_path / "fixtures" / "p" / "ok.md", markdown({"original_url": "https://p.example/a"}, "Hi.\n"))
    tested = cli("test", str(fixture), "--no-config", "--rules-dir", str(policy))
    assert tested.code == 2 and said in tested.err, tested.err
    with pytest.raises(reprint_guard.PolicyError, match=said.split(": ", 1)[1][:30]):
        reprint_guard.parse_policy(policy.read_text(encoding="utf-8"), name="p.yaml")


def test_a_likely_slip_in_a_policy_is_warned_of_and_the_policy_used(tmp_path, cli):
    """A condition's misspelt field (``comercial``) made the rule never apply, and each reprint got a warning
    asking for the misspelt key; a site's own key may bear such a name, so the run warns and goes on."""
    rule = "  - {id: credit, check: text, phrase: hello, message: M, when: {field: comercial, is: false}}\n"
    policy = write_policy(tmp_path, "p", "applies_to: [p.example]\nrules:\n" + rule)
    story = write(tmp_path / "story.md", markdown({"original_url": "https://p.example/a"}, "Hello.\n"))
    run = cli("check", "--no-config", "--rules-dir", str(policy), str(story))
    warned = (
        f"reprint-guard: warning: {policy}:7:58: rule 'credit': its condition reads 'comercial', which no reprint "
        "sets; did you mean 'commercial'? (the policy is used as it stands; reprint-guard validate tells each "
        "problem)\n"
    )
    assert run.code == 0 and run.err == warned, run.err
    fixture = write(tmp_path / "fixtures" / "p" / "ok.md", markdown({"original_url": "https://p.example/a"}, "Hi.\n"))
    tested = cli("test", str(fixture), "--no-config", "--rules-dir", str(policy))
    assert tested.err == warned, tested.err
    said = r"p\.yaml:7:58: rule 'credit': its condition reads 'comercial'"
    with pytest.warns(reprint_guard.PolicyWarning, match=said):
        reprint_guard.parse_policy(policy.read_text(encoding="utf-8"), name="p.yaml")
    reprint_guard.reload_policies()
    with pytest.warns(reprint_guard.PolicyWarning, match="did you mean 'commercial'"):
        reprint_guard.check("Hello.", {"original_url": "https://p.example/a"}, rules_dirs=[policy])
    # Named by file (--policy FILE, the library's policy=), it is warned of too.
    named = cli("check", "--no-config", "--policy", str(policy), str(story))
    assert named.code == 0 and named.err == warned, named.err
    reprint_guard.reload_policies()
    with pytest.warns(reprint_guard.PolicyWarning, match="did you mean 'commercial'"):
        reprint_guard.check("Hello.", {"original_url": "https://p.example/a"}, policy=str(policy))


@pytest.mark.parametrize(
    ("params", "field", "column"),
    [
        ("    check: element\n    pattern: '^https://px\\.p\\.example/'\n    tag: IMG\n", "tag", 5),
        ("    check: media\n    tags: [img, IMG]\n", "tags.1", 17),
    ],
)
def test_a_tag_in_capitals_is_refused_alike_by_element_and_media(tmp_path, cli, params, field, column):
    policy = write_policy(tmp_path, "tagged", f"rules:\n  - id: r\n{params}    message: M\n")
    run = cli("validate", str(policy))
    line = 9 if field == "tag" else 8
    known = "'img', 'video', 'audio', 'source', 'iframe', 'embed', 'object'" + (", 'script'" if field == "tag" else "")
    said = f"rule 'r', field '{field}': 'IMG' is not one of [{known}]; write it in lower case: 'img'"
    assert run.code == 1 and run.out.splitlines() == [f"{policy}:{line}:{column}: {said}"], run.out


def test_a_permission_rule_no_one_may_grant_is_told_at_the_rule(tmp_path, cli):
    rule = "rules:\n  - id: ask\n    check: permission\n    scope: print\n    message: Ask first\n"
    policy = write_policy(tmp_path, "perm", rule)
    run = cli("validate", str(policy))
    assert run.code == 1 and run.out.startswith(f"{policy}:6:5: rule 'ask' can never pass:"), run.out
    write_policy(tmp_path, "perm", "contacts: [ed@example.org]\n" + rule)
    assert cli("validate", str(policy)).code == 0
    write_policy(tmp_path, "perm", rule + "    from: ['*']\n")
    assert cli("validate", str(policy)).code == 0


@pytest.mark.parametrize(
    ("params", "said"),
    [
        ("    phrase: edited\n    unless: interview\n", "'unless' goes with 'pattern'"),
        ("    pattern: edited\n    unless: Interview\n", "'unless' /Interview/ has capital letters"),
        ("    pattern: edited\n    unless: '(x)?'\n", "'unless' /(x)?/ matches where there is nothing"),
        ("    pattern: edited\n    unless: '(x'\n", "invalid or unsupported pattern /(x/"),
    ],
)
def test_a_text_rules_unless_is_checked_as_its_pattern_is(tmp_path, cli, params, said):
    policy = write_policy(
        tmp_path, "unl", "rules:\n  - id: r\n    check: text\n    mode: forbid\n    message: m\n" + params
    )
    run = cli("validate", str(policy))
    assert run.code == 1 and said in run.out, run.out + run.err


def test_a_match_inside_an_unless_match_does_not_count(tmp_path, cli):
    """Forbid "edited for length" unless an interview says it of itself: the one and the other in one text."""
    rule = (
        "rules:\n  - id: r\n    check: text\n    mode: forbid\n    message: Edited\n"
        "    pattern: 'edited for length'\n    unless: 'interview has been edited for length'\n"
    )
    policy = write_policy(tmp_path, "unl", rule)
    article = tmp_path / "a.md"
    article.write_text(markdown({"policy": "unl"}, "This interview has been edited for length.\n"), "utf-8")
    assert cli("check", str(article), "--rules-dir", str(policy)).code == 0
    article.write_text(
        markdown({"policy": "unl"}, "This interview has been edited for length.\n\nOurs: edited for length.\n"), "utf-8"
    )
    run = cli("check", str(article), "--rules-dir", str(policy), "--format", "json")
    (finding,) = run.json()["results"][0]["findings"]
    assert run.code == 1 and (finding["rule"], finding["line"], finding["column"]) == ("unl/r", 6, 7), finding


def test_conditions_follow_three_valued_logic_whatever_the_order_of_their_parts():
    """A field the reprint does not set is unknown: "all" is false when one part is false (even after an
    unknown one), "any" true when one is true; otherwise an unknown part leaves the whole unknown."""
    import itertools

    from reprint_guard.metaview import read_metadata
    from reprint_guard.policy.conditions import parse

    meta = read_metadata({"commercial": True, "modified": False})  # "sold" unset: unknown
    parts = {True: {"field": "commercial", "is": True}, False: {"field": "modified", "is": True}}
    parts[None] = {"field": "medium_of_record", "is": "print"}
    for values in itertools.product([True, False, None], repeat=3):
        tests = [parts[value] for value in values]
        expected_all = False if False in values else None if None in values else True
        expected_any = True if True in values else None if None in values else False
        assert parse({"all": tests}).evaluate(meta) is expected_all, values
        assert parse({"any": tests}).evaluate(meta) is expected_any, values
        assert parse({"not": {"any": tests}}).evaluate(meta) is (None if expected_any is None else not expected_any)


def test_a_metadata_rule_allowing_a_value_its_field_never_has_is_refused(tmp_path, cli):
    """``allowed: [web, online]`` for medium, ``"no"`` for ads_targeted, a pattern matching no medium: validate
    said valid, and the rule failed every reprint that set the field (a condition on such a value is refused)."""
    policy = tmp_path / "icn.yaml"
    policy.write_text(
        "id: icn\nname: I\npublisher: I\nsource_url: https://icn.example/terms\nrules:\n"
        "  - id: web-only\n    check: metadata\n    field: medium\n    allowed: [web, online]\n    message: Web\n"
        '  - id: no-ads\n    check: metadata\n    field: ads_targeted\n    allowed: ["no"]\n    message: Ads\n'
        '  - id: pat\n    check: metadata\n    field: medium\n    pattern: "^(online|website)$"\n    message: W\n'
        "  - id: fine\n    check: metadata\n    field: commercial\n    allowed: [False]\n    message: C\n"
        '  - id: fine-pattern\n    check: metadata\n    field: medium\n    pattern: "^(web|print)$"\n    message: M\n',
        encoding="utf-8",
    )
    run = cli("validate", str(policy))
    assert run.code == 1
    assert run.out.splitlines() == [
        f"{policy}:9:20: rule 'web-only': medium is never 'online' (it is one of broadcast, newsletter, print, "
        "social, web)",
        f"{policy}:14:15: rule 'no-ads': ads_targeted is never 'no' (it is one of false, true)",
        f"{policy}:19:5: rule 'pat': its pattern matches no value medium has (it is one of broadcast, newsletter, "
        "print, social, web), so it fails every reprint that sets it",
    ]


def test_a_policy_extending_a_bundled_policy_under_its_own_id_is_told_what_to_do(tmp_path, cli):
    """``id: propublica`` with ``extends: propublica``, the first try at tweaking a bundled policy, was told
    "policies extend each other in a loop: propublica -> propublica", with no way out."""
    rules = tmp_path / "rules"
    rules.mkdir()
    policy = rules / "propublica.yaml"
    policy.write_text(
        "id: propublica\nname: P\npublisher: P\nsource_url: https://p.example/t\nextends: propublica\nrules: []\n",
        encoding="utf-8",
    )
    run = cli("validate", str(policy))
    assert run.code == 1
    assert run.out.startswith(f"{policy}:5:1: policy 'propublica' extends itself: ")
    assert "give yours an id of its own ('propublica-local') with 'extends: propublica'" in run.out
    # A policy of one's own (no bundled one has its id) that names itself is only told so.
    mine = write_policy(tmp_path, "self-cycle", "extends: self-cycle\nrules: []\n")
    run = cli("validate", str(mine))
    assert run.out == f"{mine}:5:1: policy 'self-cycle' extends itself: name the policy it builds on\n", run.out


def test_validate_of_a_folder_of_many_policies_reads_each_once_and_a_deep_chain_is_refused(tmp_path, cli):
    """validate read every other policy (and the bundled ones) again for each file: 200 small policies took 37
    s; a 500-deep extends chain did not finish. Files are read once now, and a chain deeper than 32 is refused."""
    for i in range(200):
        (tmp_path / f"p{i:03d}.yaml").write_text(
            f"id: p{i:03d}\nname: P\npublisher: P\nsource_url: https://p.example/t\napplies_to: [p{i}.example]\n"
            "rules:\n  - {id: c, check: text, phrase: hello, message: Say hello}\n",
            encoding="utf-8",
        )
    start = cpu_seconds()
    run = cli("validate", str(tmp_path))
    assert cpu_seconds() - start < 60  # a hang guard, not a benchmark: about 2 s here
    assert run.code == 0 and run.out.count(": valid\n") == 200
    chain = tmp_path / "chain"
    chain.mkdir()
    for i in range(40):
        parent = f"extends: c{i - 1:02d}\n" if i else ""
        (chain / f"c{i:02d}.yaml").write_text(
            f"id: c{i:02d}\nname: P\npublisher: P\nsource_url: https://p.example/t\n{parent}"
            f"rules:\n  - {{id: {chr(97 + i % 26)}{i * 7919:x}, check: text, phrase: hello, message: Say hello}}\n",
            encoding="utf-8",
        )
    run = cli("validate", str(chain))
    assert run.code == 1
    deep = f"{chain / 'c39.yaml'}:5:1: its 'extends' chain is more than 32 policies deep (c39 -> c38 -> ... -> c07)"
    assert deep in run.out, run.out[-500:]
    assert f"{chain / 'c31.yaml'}: valid" in run.out  # 32 deep: allowed
    # check, credit and test too: read shallowest first, each parent was resolved before its child, and the
    # depth was counted from each child alone (1,200 policies deep ran; the limit held in validate only).
    story = write(tmp_path / "a.md", markdown(HARBOUR_META, CREDITED))
    refused = "c32.yaml:5:1: its 'extends' chain is more than 32 policies deep (c32 -> c31 -> ... -> c00)"
    run = cli("check", "--rules-dir", str(chain), "--policy", "c39", str(story))
    assert run.code == 2 and refused in run.err and "Traceback" not in run.err, run.err
    run = cli(
        "credit",
        "--rules-dir",
        str(chain),
        "--policy",
        "c39",
        "--meta",
        "author=A",
        "--meta",
        "original_url=https://p.example/a",
    )
    assert run.code == 2 and refused in run.err, run.err
    shallow = tmp_path / "shallow"
    shallow.mkdir()
    for name in ("c00", "c01"):
        (shallow / f"{name}.yaml").write_text((chain / f"{name}.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert cli("check", "--rules-dir", str(shallow), "--policy", "c01", str(story)).code in (0, 1)


def test_a_rule_missing_a_required_key_in_a_policy_that_extends_is_told_not_a_hang(tmp_path, cli):
    """Describing the error asks whether the bundled parent has the rule, which took the policies' lock the
    loading thread held: check, credit, test and the library's load_policy waited for ever."""
    policy = write_policy(
        tmp_path, "mini-ext", "extends: cc-by-4.0\nrules:\n  - id: embargo\n    check: timing\n    after_hours: 24\n"
    )
    story = write(tmp_path / "a.md", markdown(HARBOUR_META, CREDITED))
    said = f"{policy}:7:5: rule 'embargo': 'message' is a required property"
    run = cli("check", "--policy", str(policy), str(story))  # the fixture's 60 s timeout is the hang guard
    assert run.code == 2 and run.err == f"reprint-guard: {said}\n", run.err
    run = cli("credit", "--policy", str(policy), "--meta", "author=A", "--meta", "original_url=https://p.example/a")
    assert run.code == 2 and said in run.err, run.err
    import subprocess
    import sys

    code = f"import reprint_guard\ntry:\n    reprint_guard.load_policy({str(policy)!r})\nexcept Exception as e:\n"
    code += "    print(e)"
    library = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert library.stdout.strip() == said, library.stdout + library.stderr


@pytest.mark.parametrize(
    ("when", "told"),
    [
        ("{all: {field: commercial, is: true}}", "'all' takes a list of conditions, not a mapping"),
        ("{field: commercial}", "it needs a test: is, is_not, in, not_in or present"),
        ("{field: commercial, is: true, is_not: false}", "it has 2 tests (is, is_not): give one"),
        ("{field: medium, in: web}", "'in' takes a list of values (in: [web])"),
        ("{not: [{field: commercial, is: true}]}", "'not' takes one condition (a mapping), not a list"),
        ("{any: []}", "'any' takes at least one condition"),
        ("[1]", "a condition is a mapping, not a list"),
    ],
)
def test_a_broken_condition_is_told_what_is_wrong_with_it_as_yaml_writes_it(tmp_path, cli, when, told):
    """Six different mistakes in a ``when`` were all "... is not a valid condition", the condition shown as
    Python writes it (``{'all': {'field': 'commercial', 'is': True}}``)."""
    policy = tmp_path / "w.yaml"
    policy.write_text(
        "id: w\nname: W\npublisher: W News\nsource_url: https://w.example/t\napplies_to: [w.example]\nrules:\n"
        f"  - id: r\n    check: permission\n    scope: commercial\n    when: {when}\n    message: m\n",
        encoding="utf-8",
    )
    run = cli("validate", "--no-config", str(policy))
    assert run.code == 1 and run.out.startswith(f"{policy}:10:5: rule 'r', field 'when': {when} is not a valid "), (
        run.out
    )
    assert f"condition: {told}; use {{field: NAME" in run.out, run.out


def test_a_condition_that_can_never_hold_names_the_values_as_yaml_writes_them(tmp_path, cli):
    """``commercial is never 'yes' (it is one of False, True)``: Python's capitals, where a policy writes
    ``true`` and ``false``."""
    policy = tmp_path / "w.yaml"
    policy.write_text(
        "id: w\nname: W\npublisher: W News\nsource_url: https://w.example/t\napplies_to: [w.example]\n"
        "contacts: [rights@w.example]\nrules:\n"
        "  - id: r\n    check: permission\n    scope: commercial\n    when: {field: commercial, is: 'yes'}\n"
        "    message: m\n",
        encoding="utf-8",
    )
    run = cli("validate", "--no-config", str(policy))
    said = "its condition can never hold: commercial is never 'yes' (it is one of false, true)"
    assert run.out == f"{policy}:11:5: rule 'r': {said}\n", run.out


def test_a_media_rules_bad_except_is_told_at_its_own_line(tmp_path, cli):
    """A look-around in a media rule's ``except`` was told at the rule's first line, without the field."""
    policy = write_policy(
        tmp_path,
        "exc",
        "rules:\n  - id: no-photos\n    check: media\n    mode: forbid\n"
        "    except: '^https://w\\.example/pixel\\.gif(?=\\?)'\n    message: m\n",
    )
    run = cli("validate", str(policy))
    line = (
        policy.read_text(encoding="utf-8").splitlines().index("    except: '^https://w\\.example/pixel\\.gif(?=\\?)'")
    )
    assert run.code == 1 and run.out.startswith(f"{policy}:{line + 1}:5: rule 'no-photos', field 'except': "), run.out
    assert "invalid or unsupported pattern" in run.out


def test_a_fixtures_sidecar_beside_its_policy_is_no_policy(tmp_path, cli):
    """The README lets fixtures sit beside their policies; an HTML fixture's ``NAME.meta.yaml`` there was read
    as a policy, and every command stopped on "'id' is a required property"."""
    folder = tmp_path / "policies"
    write(folder / "harbour.yaml", HARBOUR_POLICY)
    write(folder / "credited.html", "<p>The gulls came back.</p>\n<p>First published by Harbour Herald.</p>\n")
    meta = "policy: harbour-herald\noriginal_url: https://harbour.example/gulls\n"
    write(folder / "credited.meta.yaml", meta + "expect: []\n")
    write(folder / "bare.html", "<p>The gulls came back.</p>\n")
    write(folder / "bare.html.meta.yml", meta + "expect: [harbour-herald/credit]\n")
    assert cli("validate", str(folder)).out == f"{folder / 'harbour.yaml'}: valid\n"
    fixtures = [str(folder / "credited.html"), str(folder / "bare.html")]
    run = cli("test", *fixtures, "--no-config", "--rules-dir", str(folder))
    assert run.code == 0 and run.out.endswith("2 passed, 0 failed\n"), run.out + run.err
    # An article's suffix in capitals (Upper.HTML) is the reader's as well: its sidecar is no policy either.
    write(folder / "Upper.HTML", "<p>The gulls came back.</p>\n")
    write(folder / "Upper.meta.yaml", meta + "expect: [harbour-herald/credit]\n")
    assert cli("validate", str(folder)).out == f"{folder / 'harbour.yaml'}: valid\n"
    # A policy named like a sidecar, with no article beside it, is still a policy.
    weekend = HARBOUR_POLICY.replace("harbour-herald", "weekend").replace("[harbour.example]", "[]")
    write(folder / "weekend.meta.yaml", weekend)
    assert "weekend.meta.yaml: valid" in cli("validate", str(folder)).out


def test_a_long_match_is_quoted_cut_and_marked_whole(tmp_path, cli):
    """A forbidding pattern such as ``sponsored by .+`` quoted the whole paragraph it matched (a 2 MB line for
    a 2 MB match): the message quotes its start, and the finding's extent marks all of it."""
    rule = "  - {id: no-sponsor, check: text, mode: forbid, pattern: 'sponsored by .+', message: No sponsor line.}\n"
    policy = write_policy(tmp_path, "p", "applies_to: [p.example]\nrules:\n" + rule)
    words = "the kind people of the harbour town council " * 20
    story = write(
        tmp_path / "s.md", markdown({"original_url": "https://p.example/a"}, f"Intro.\n\nSponsored by {words}\n")
    )
    run = cli("check", "--no-config", "--rules-dir", str(policy), str(story), "--format", "json")
    finding = run.json()["results"][0]["findings"][0]
    quoted = finding["message"].split('(found "', 1)[1].removesuffix('")')
    assert quoted.startswith("Sponsored by the kind people") and quoted.endswith(" people…"), quoted
    assert len(quoted) <= 120
    assert (finding["line"], finding["column"], finding["end_line"]) == (6, 1, 6)
    assert finding["end_column"] == 1 + len(f"Sponsored by {words}".rstrip())


SISTER_PARENT = (
    "id: harbour-herald\nname: H\npublisher: Harbour Herald\nsource_url: https://harbour.example/terms\n"
    "applies_to: [harbour.example]\ncredit:\n  position: top\n"
    "  markdown: '*First published by [Harbour Herald]({original_url}).*'\nrules:\n"
    "  - {id: credit-line, check: attribution, names: [First published by Harbour Herald], position: top, "
    "message: Open with the credit line}\n"
    "  - {id: link-original, check: link, target: original, message: Link to the original}\n"
)
SISTER_CHILD = (
    "id: harbour-weekend\nname: W\npublisher: Harbour Weekend\nsource_url: https://weekend.harbour.example/terms\n"
    "applies_to: [weekend.harbour.example]\nextends: harbour-herald\nrules:\n"
    "  - {id: credit-line, check: attribution, names: [First published by Harbour Weekend], position: top, "
    "message: Open with the Weekend credit line}\n"
)


def test_a_sister_sites_policy_inheriting_its_parents_credit_is_told_and_not_fixed_with_it(tmp_path, cli):
    """A sister site's policy extending its parent's, with its own credit-line rule: validate said "valid", and
    --fix inserted the parent's credit block ("First published by Harbour Herald") into a Weekend reprint,
    crediting the wrong outlet, while saying it could not fix the credit line."""
    write(tmp_path / "policies" / "harbour-herald.yaml", SISTER_PARENT)
    child = write(tmp_path / "policies" / "harbour-weekend.yaml", SISTER_CHILD)
    run = cli("validate", str(tmp_path / "policies"))
    said = (
        f"{child}:8:5: the credit block it inherits names Harbour Herald, but rule 'credit-line' asks for a credit "
        "naming Harbour Weekend: give the policy a credit block of its own ('credit:'), or --fix refuses to insert it"
    )
    assert run.code == 1 and said in run.out, run.out
    story = write(
        tmp_path / "w.md", markdown({"original_url": "https://weekend.harbour.example/fares"}, "Fares rose.\n")
    )
    before = story.read_bytes()
    fixed = cli("check", "--no-config", "--rules-dir", str(tmp_path / "policies"), "--fix", str(story))
    assert story.read_bytes() == before
    assert (
        f"{story}: left unchanged: the policy's credit block names Harbour Herald, not Harbour Weekend as "
        "harbour-weekend/credit-line asks" in fixed.err
    ), fixed.err
    # A sister site whose credit rule takes its parent's name too is credited rightly by the parent's block.
    both = SISTER_CHILD.replace(
        "names: [First published by Harbour Weekend]", "names: [Harbour Weekend, Harbour Herald]"
    )
    write(child, both)
    assert cli("validate", str(tmp_path / "policies")).code == 0
    write(child, SISTER_CHILD)
    # With a credit block of its own, the Weekend credit goes in and the reprint passes.
    own = "credit:\n  position: top\n  markdown: '*First published by [Harbour Weekend]({original_url}).*'\n"
    write(child, SISTER_CHILD.replace("rules:\n", own + "rules:\n"))
    assert cli("validate", str(tmp_path / "policies")).code == 0
    fixed = cli("check", "--no-config", "--rules-dir", str(tmp_path / "policies"), "--fix", str(story))
    assert fixed.code == 0, fixed.out + fixed.err
    assert "*First published by [Harbour Weekend](https://weekend.harbour.example/fares).*" in story.read_text()


def test_validate_says_what_a_file_that_is_no_policy_is(tmp_path, cli):
    """A fixture named to validate was read as YAML ("13:1: YAML aliases (*name) are not allowed here", its
    "*This story...*" line); a config or a sidecar got five "'id' is a required property" lines."""
    write(tmp_path / "fixture.md", markdown(HARBOUR_META, "*First published by Harbour Herald.*\n"))
    write(tmp_path / ".reprint-guard.yaml", "fail-on: warning\n")
    write(tmp_path / "page.meta.yaml", "original_url: https://harbour.example/gulls\n")
    write(tmp_path / "notes.txt", "policies to write\n")
    names = ["fixture.md", ".reprint-guard.yaml", "page.meta.yaml", "notes.txt"]
    run = cli("validate", *names, cwd=tmp_path)
    assert run.code == 1
    assert run.out.splitlines() == [
        "fixture.md: not a policy: an article (check it with reprint-guard check, or run it as a fixture with "
        "reprint-guard test)",
        ".reprint-guard.yaml: not a policy: a project config (reprint-guard check reads it; its policies key names "
        "your policies)",
        "page.meta.yaml: not a policy: an article's metadata sidecar (reprint-guard check reads it beside its article)",
        "notes.txt: not a policy: policies are YAML files (.yaml or .yml)",
    ], run.out


def test_test_runs_a_fixture_once_counts_a_rule_expected_twice_and_names_a_misspelt_expect(tmp_path, cli):
    """A fixture named twice ran twice ("2 passed"); expect: [r, r] where r fired once said "not reported"
    beside "ok r"; a fixture's "expects:" was told as a missing expect; a policy of one's own with no
    fixtures got no note."""
    write(tmp_path / "policies" / "harbour.yaml", HARBOUR_POLICY)
    weekend = HARBOUR_POLICY.replace("harbour-herald", "weekend-herald").replace("[harbour.", "[weekend.harbour.")
    write(tmp_path / "policies" / "weekend.yaml", weekend)
    folder = tmp_path / "fixtures" / "harbour-herald"
    fixture = write(folder / "bare.md", markdown({**HARBOUR_META, "expect": ["harbour-herald/credit"]}, "Gulls.\n"))
    run = cli("test", str(fixture), str(fixture), str(folder), "--no-config", "--rules-dir", "policies", cwd=tmp_path)
    assert run.code == 0 and run.out.endswith("1 passed, 0 failed\n"), run.out
    assert "no fixtures" not in run.out  # one policy's folder: the others' are elsewhere
    run = cli("test", "fixtures", "--no-config", "--rules-dir", "policies", cwd=tmp_path)
    # Where its fixtures go, under the folder given (not tests/policies/, told as a folder that holds them)
    assert "note: weekend-herald: no fixtures here (they go in a folder fixtures/weekend-herald/)" in run.out
    twice = {**HARBOUR_META, "expect": ["harbour-herald/credit", "harbour-herald/credit"]}
    write(fixture, markdown(twice, "Gulls.\n"))
    run = cli("test", str(fixture), "--no-config", "--rules-dir", "policies", cwd=tmp_path)
    assert "  - expected harbour-herald/credit: not reported (expected 2 times, reported 1)\n" in run.out, run.out
    write(fixture, markdown({**HARBOUR_META, "expects": []}, "Gulls.\n"))
    run = cli("test", str(fixture), "--no-config", "--rules-dir", "policies", cwd=tmp_path)
    assert run.code == 2
    said = f"{fixture}:5:1: a fixture's key is 'expect', not 'expects': write 'expect: [...]'"
    assert said in run.out, run.out


def test_a_second_fix_run_tells_each_rule_the_credit_there_lacks(tmp_path, cli):
    """Run again after a partial fix, --fix said "left unchanged: inserting the credit would not satisfy
    .../license" though the credit was there and nothing was to be inserted: each rule it lacks is told."""
    policy = write_policy(
        tmp_path,
        "herald",
        "applies_to: [harbour.example]\ncredit:\n  position: top\n"
        "  markdown: '*First published by [Harbour Herald]({original_url}).*'\nrules:\n"
        "  - {id: credit, check: attribution, names: [First published by Harbour Herald], message: Credit}\n"
        "  - {id: licence, check: license, licenses: [CC-BY-4.0], message: Name and link the licence}\n",
    )
    story = write(tmp_path / "s.md", markdown({**HARBOUR_META, "license": "CC-BY-4.0"}, "Gulls came back.\n"))
    first = cli("check", "--no-config", "--rules-dir", str(policy), "--fix", str(story))
    assert "*First published by [Harbour Herald](https://harbour.example/gulls).*" in story.read_text()
    assert first.code == 1 and "could not fix herald/licence" in first.err, first.err
    again = story.read_bytes()
    second = cli("check", "--no-config", "--rules-dir", str(policy), "--fix", str(story))
    assert story.read_bytes() == again
    said = (
        f"{story}: could not fix herald/licence: the policy's credit block, which the reprint has, does not satisfy "
        "it: add that by hand (see the fix)\n"
    )
    assert second.err == said, second.err


def test_a_misspelt_placeholder_after_a_sites_own_one_is_still_told(tmp_path, cli):
    """A template with a site's own placeholder ({desk_name}, far from every known name) stopped the look for
    misspelt ones in every later template: {orignal_url} in a fix went untold."""
    policy = write_policy(
        tmp_path,
        "harbour",
        "applies_to: [harbour.example]\ncredit:\n"
        "  markdown: '*From [Harbour Herald]({original_url}), {desk_name} desk.*'\n"
        "rules:\n  - {id: credit, check: attribution, names: [Harbour Herald], message: Credit}\n"
        "  - {id: link, check: link, target: original, message: Link, fix: 'Link to {orignal_url}'}\n",
    )
    run = cli("validate", str(policy))
    assert run.code == 1 and "unknown placeholder {orignal_url}; did you mean {original_url}?" in run.out, run.out
