"""Writing a policy of one's own: the errors validate and check give, and what init proposes for it."""

from __future__ import annotations

import json

import pytest
import yaml

from conftest import (
    CREDITED,
    HARBOUR_META,
    HARBOUR_POLICY,
    ROOT,
    UNCREDITED,
    markdown,
    write,
    write_policy,
)
from reprint_guard import check
from reprint_guard.visible import MEDIA_TAGS

TAB_SAID = "invalid YAML: a tab character indents this line (YAML forbids tabs for indentation: use spaces)"


@pytest.mark.parametrize(
    ("rest", "line", "column"),
    [
        ("rules:\n\t- id: a\n", 6, 1),  # before a sequence's dash: libyaml's "cannot start any token"
        ("rules:\n  - id: a\n\tcheck: text\n", 7, 1),  # libyaml's "violates indentation"
        ("rules:\n  - id: a\n    check: text\n  \t  phrase: x\n", 8, 3),  # after spaces, at the tab itself
        ("notes:\n\tread twice\nrules: []\n", 6, 1),  # a value on the next line
        # In a block value: told at the tab, not where the block starts.
        ("notes: |\n  first line\n\tsecond line\nrules: []\n", 7, 1),
    ],
)
def test_a_tab_that_indents_a_policy_is_told_as_a_tab_at_its_place(tmp_path, cli, rest, line, column):
    policy = write_policy(tmp_path, "tabbed", rest)
    run = cli("validate", str(policy))
    assert run.code == 1 and run.out.splitlines() == [f"{policy}:{line}:{column}: {TAB_SAID}"], run.out
    article = write(tmp_path / "a.md", markdown(HARBOUR_META, CREDITED))
    run = cli("check", "--policy", str(policy), str(article))
    assert run.code == 2 and f"{policy}:{line}:{column}: {TAB_SAID}" in run.err, run.err


def test_a_tab_at_a_files_first_line_and_in_front_matter_is_told_as_a_tab(tmp_path, cli):
    policy = write(tmp_path / "first.yaml", "\tid: first\n")
    run = cli("validate", str(policy))
    assert run.code == 1 and run.out.splitlines() == [f"{policy}:1:1: {TAB_SAID}"]
    article = write(
        tmp_path / "tabbed.md", "---\ntitle: T\noriginal_url: https://harbour.example/a\nauthor:\n\t- A\n---\nBody\n"
    )
    run = cli("check", str(article), "--format", "json")
    assert run.code == 2
    (error,) = [r["error"] for r in run.json()["results"]]
    assert error.startswith(f"{article}:5:1: {TAB_SAID}"), error


@pytest.mark.parametrize(
    ("front", "place", "hint"),
    [
        ("title: Ferry Fares: What Changes\n", "2:19", '(a value holding ": " must be in quotes: title: "...")'),
        ("title: Ferry\n  author: Ana Ruiz\n", "3:9", "(a key indented under the value of the key above it?)"),
        ("tags:\n  - name: a: b\n", "3:12", '(a value holding ": " must be in quotes: name: "...")'),  # a list's item
        ('"title": Ferry: x\n', "2:15", '(a value holding ": " must be in quotes: "title": "...")'),  # a quoted key
    ],
)
def test_a_mapping_value_yaml_refuses_is_told_with_what_to_do(tmp_path, cli, front, place, hint):
    """A headline with a colon in it, unquoted, got only the parser's "mapping values are not allowed in this
    context": a web producer did not know that quotes mend it."""
    article = write(tmp_path / "a.md", f"---\n{front}original_url: https://harbour.example/a\n---\nBody\n")
    run = cli("check", str(article))
    assert run.code == 2
    said = f"{article}:{place}: invalid YAML: mapping values are not allowed in this context {hint}"
    assert said in run.out + run.err, (run.out, run.err)


def test_a_tab_that_yaml_allows_is_no_error(tmp_path, cli):
    """A tab between a key and its value is white space YAML takes: the policy is valid."""
    policy = write_policy(
        tmp_path, "spaced", "rules:\n  - id: a\n    check: text\n    phrase:\thello\n    message: Say hello\n"
    )
    run = cli("validate", str(policy))
    assert run.code == 0 and run.out == f"{policy}: valid\n"


def test_a_misspelt_placeholder_is_told_as_every_other_error_is(tmp_path, cli):
    policy = write_policy(
        tmp_path,
        "typo",
        "credit:\n  markdown: 'From [T]({orignal_url}).'\n"
        "rules:\n"
        "  - id: link\n    check: link\n    target: original\n    message: Link it\n"
        "    fix: 'Link [the original]({original_url}), licensed {licence_url}.'\n"
        "  - id: pixel\n    check: element\n    pattern: '^https://px\\.p\\.example/'\n    message: Keep the pixel\n"
        "    insert: '<img src=\"{orignal_url}\">'\n",
    )
    run = cli("validate", str(policy))
    assert run.code == 1
    assert run.out.splitlines() == [
        f"{policy}:6:3: field 'credit.markdown': unknown placeholder {{orignal_url}}; did you mean {{original_url}}?",
        f"{policy}:12:5: rule 'link', field 'fix': unknown placeholder {{licence_url}}; did you mean {{license_url}}?",
        f"{policy}:17:5: rule 'pixel', field 'insert': unknown placeholder {{orignal_url}}; did you mean "
        "{original_url}?",
    ]


METADATA_RULE = "rules:\n  - id: medium\n    check: metadata\n    message: Say where it ran\n"


@pytest.mark.parametrize(
    ("params", "said"),
    [
        (
            "    field: medium\n    allowed: []\n",
            ":10:5: rule 'medium', field 'allowed': an empty list allows no value, so every reprint that sets "
            "'medium' would fail: list the values 'medium' may have, or leave 'allowed' out to accept any",
        ),
        (
            "    field: medium\n    allowed: [web, '']\n",
            ":10:20: rule 'medium', field 'allowed': '' is no value 'medium' can be checked for: an empty or "
            "missing value is 'not set' (which 'required' decides); list the values it may have",
        ),
        (
            "    field: medium\n    required: false\n    allowed: [web, null]\n",
            ":11:20: rule 'medium', field 'allowed': null is no value 'medium' can be checked for",
        ),
        (
            "    field: ''\n",
            ":9:5: rule 'medium', field 'field': '' names no metadata key: write the key the rule reads, such as "
            "'license' or 'author'",
        ),
        ("    field: '   '\n    allowed: [web]\n", ":9:5: rule 'medium', field 'field': '   ' names no metadata key"),
    ],
)
def test_an_empty_allowed_list_or_a_blank_field_is_refused(tmp_path, cli, params, said):
    policy = write_policy(tmp_path, "meta", METADATA_RULE + params)
    run = cli("validate", str(policy))
    assert run.code == 1 and len(run.out.splitlines()) == 1 and run.out.startswith(f"{policy}{said}"), run.out
    article = write(tmp_path / "a.md", markdown(HARBOUR_META, CREDITED))
    run = cli("check", "--policy", str(policy), str(article))
    assert run.code == 2 and f"{policy}{said}" in run.err, run.err


def test_an_allowed_list_still_checks_the_value(tmp_path, cli):
    policy = write_policy(tmp_path, "meta", METADATA_RULE + "    field: desk\n    allowed: [news, opinion]\n")
    assert cli("validate", str(policy)).out == f"{policy}: valid\n"
    ok = write(tmp_path / "ok.md", markdown({**HARBOUR_META, "desk": "News"}, CREDITED))
    sport = write(tmp_path / "sport.md", markdown({**HARBOUR_META, "desk": "sport"}, CREDITED))
    assert cli("check", "--policy", str(policy), str(ok)).code == 0
    run = cli("check", "--policy", str(policy), str(sport), "--format", "json")
    assert run.code == 1
    (finding,) = run.json()["results"][0]["findings"]
    assert finding["rule"] == "meta/medium"
    assert "'desk' is sport; this policy allows only these: news, opinion" in finding["message"]


def test_an_unknown_policy_id_says_where_a_policy_of_ones_own_is_found(tmp_path, cli):
    write(tmp_path / "policies" / "harbour.yaml", HARBOUR_POLICY)
    write(tmp_path / "content" / "a.md", markdown(HARBOUR_META, CREDITED))
    run = cli("check", "--policy", "harbour-herald", "content/a.md", cwd=tmp_path)
    assert run.code == 2
    assert run.err.startswith("reprint-guard: --policy: unknown policy 'harbour-herald'; known policies: ")
    assert run.err.rstrip().endswith(
        "; a policy of your own is found with --rules-dir DIR or the config's 'policies'"
    ), run.err
    run = cli("check", "--policy", "harbour-herald", "--rules-dir", "policies", "content/a.md", cwd=tmp_path)
    assert run.code == 0, run.err
    run = cli("explain", "harbour-herald/credit", cwd=tmp_path)
    assert run.code == 2 and "--rules-dir DIR or the config's 'policies'" in run.err
    write(tmp_path / ".reprint-guard.yaml", "policies: [policies]\n")
    assert cli("check", "--policy", "harbour-herald", "content/a.md", cwd=tmp_path).code == 0


def test_explain_takes_a_policy_file_as_check_policy_does(tmp_path, cli):
    """``explain policies/harbour.yaml`` said "unknown policy 'policies'": a policy of one's own needed its id and
    --rules-dir, where ``check --policy FILE`` takes the file."""
    write(tmp_path / "policies" / "harbour.yaml", HARBOUR_POLICY)
    whole = cli("explain", "policies/harbour.yaml", "--no-config", cwd=tmp_path)
    assert whole.code == 0 and whole.out.startswith("## `harbour-herald` — Harbour Herald reprint terms"), whole.out
    rule = cli("explain", "policies/harbour.yaml/credit", "--no-config", cwd=tmp_path)
    assert rule.code == 0 and rule.out.startswith("harbour-herald/credit  (error, check: attribution)"), rule.out
    assert "Credit the Harbour Herald" in rule.out
    wrong = cli("explain", "policies/harbour.yaml/credits", "--no-config", cwd=tmp_path)
    assert wrong.code == 2 and "policy 'harbour-herald' has no rule 'credits'" in wrong.err, wrong.err
    missing = cli("explain", "policies/harbor.yaml", "--no-config", cwd=tmp_path)
    assert (missing.code, missing.err) == (2, "reprint-guard: policies/harbor.yaml: no such policy file\n")


def test_fixtures_of_an_unknown_policy_say_so_in_full_once(tmp_path, cli):
    """A folder of fixtures for a policy of one's own, run without --rules-dir, printed the same long error
    for every fixture: said in full once, then one line a fixture."""
    write(tmp_path / "policies" / "harbour.yaml", HARBOUR_POLICY)
    for name in ("a.md", "b.md", "c.md"):
        write(tmp_path / "fixtures" / "harbour-herald" / name, markdown({**HARBOUR_META, "expect": []}, CREDITED))
    run = cli("test", "fixtures", "--no-config", cwd=tmp_path)
    assert run.code == 2 and run.out.count("a policy of your own is found with --rules-dir") == 1, run.out
    assert "ERROR fixtures/harbour-herald/c.md  (unknown policy 'harbour-herald', as above)\n" in run.out
    assert "0 passed, 0 failed, 3 could not be run" in run.out
    ran = cli("test", "fixtures", "--rules-dir", "policies", "--no-config", cwd=tmp_path)
    assert ran.code == 0 and "3 passed, 0 failed" in ran.out, ran.out


def _media_tags_schema() -> dict:
    schema = json.loads((ROOT / "src" / "reprint_guard" / "schemas" / "policy.schema.json").read_text())
    branch = next(b for b in schema["$defs"]["rule"]["allOf"] if b["if"]["properties"]["check"]["const"] == "media")
    return branch["then"]["properties"]["tags"]


def test_the_schema_lists_the_media_elements_a_media_rule_may_name(tmp_path, cli):
    tags = _media_tags_schema()
    assert tags["type"] == "array" and tags["items"]["enum"] == list(MEDIA_TAGS)  # in step with what is seen
    rule = "rules:\n  - id: media\n    check: media\n    message: No media\n"
    policy = write_policy(tmp_path, "media", rule + "    tags: [img, image]\n")
    run = cli("validate", str(policy))
    assert run.code == 1
    assert run.out.splitlines() == [
        f"{policy}:9:17: rule 'media', field 'tags.1': 'image' is not one of {list(MEDIA_TAGS)}"
    ]
    policy = write_policy(tmp_path, "media", rule + "    tags: [img, video, iframe]\n")
    assert cli("validate", str(policy)).out == f"{policy}: valid\n"


def test_every_key_a_policy_may_write_is_described_in_its_schema():
    """An editor shows a schema's descriptions as a key's help: a text rule's and a media rule's mode, a
    metadata rule's required, and the policy's own keys had none."""
    schema = json.loads((ROOT / "src" / "reprint_guard" / "schemas" / "policy.schema.json").read_text("utf-8"))
    bare = []

    def walk(node: object, path: str) -> None:
        if isinstance(node, dict):
            for key, value in (node.get("properties") or {}).items():
                described = not isinstance(value, dict) or "description" in value or "$ref" in value
                # A branch's "check: {const: ...}" selector is no key's help.
                if not described and key != "$schema" and set(value) - {"const"}:
                    bare.append(f"{path}/{key}")
            for key, value in node.items():
                walk(value, f"{path}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{path}/{index}")

    walk(schema, "")
    assert bare == []


def test_init_keeps_policy_fixtures_out_of_the_content_and_proposes_the_policies(tmp_path, cli):
    write(tmp_path / "policies" / "harbour.yaml", HARBOUR_POLICY)
    fixtures = tmp_path / "tests" / "policies" / "harbour-herald"
    write(fixtures / "compliant.md", markdown({**HARBOUR_META, "expect": []}, CREDITED))
    write(fixtures / "no-credit.md", markdown({**HARBOUR_META, "expect": ["harbour-herald/credit"]}, UNCREDITED))
    write(fixtures / "README.md", "# Fixtures of the Harbour Herald policy\n")
    write(tmp_path / "content" / "posts" / "gulls.md", markdown(HARBOUR_META, CREDITED))
    run = cli("init", str(tmp_path))
    assert run.code == 0, run.err
    text = (tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert (data["include"], data["exclude"], data["policies"]) == (["content/**"], ["tests/**"], ["policies"])
    assert "after looking at 1 content file." in text  # the article: the fixtures and their README are not content
    run = cli("check", ".", "--format", "json", cwd=tmp_path)
    assert run.code == 0, run.out + run.err
    assert [r["path"] for r in run.json()["results"]] == ["content/posts/gulls.md"]
    assert run.json()["results"][0]["policy"] == "harbour-herald"
    run = cli("test", "tests/policies", cwd=tmp_path)
    assert run.code == 0 and run.out.endswith("2 passed, 0 failed\n"), run.out
    # With no content beside them, the fixtures are still no content: nothing to include, and they are left out.
    (tmp_path / "content" / "posts" / "gulls.md").unlink()
    assert cli("init", str(tmp_path), "--force").code == 0
    data = yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))
    assert (data["include"], data["exclude"], data["policies"]) == ([], ["tests/**"], ["policies"])
    assert cli("check", ".", cwd=tmp_path).code == 0


def test_init_finds_fixtures_beside_policies_and_names_a_policy_among_other_yaml(tmp_path, cli):
    """Fixtures outside a tests folder count when they stand beside policies (an HTML one by its sidecar);
    an 'expect' key elsewhere is a site's own. A policy beside YAML that is none is named as a file: the
    folder would be read as policies whole."""
    write(tmp_path / "agreements" / "harbour.yaml", HARBOUR_POLICY)
    write(
        tmp_path / "agreements" / "harbour-herald" / "compliant.md", markdown({**HARBOUR_META, "expect": []}, CREDITED)
    )
    page = "<html><head><link rel=canonical href='https://harbour.example/gulls'></head><body><p>Gulls.</p></body>"
    write(tmp_path / "agreements" / "harbour-herald" / "no-credit.html", page)
    write(tmp_path / "agreements" / "harbour-herald" / "no-credit.meta.yaml", "expect: [harbour-herald/credit]\n")
    deal = HARBOUR_POLICY.replace("harbour-herald", "harbour-deal").replace("[harbour.example]", "[deal.example]")
    write(tmp_path / "data" / "deal.yml", deal)
    write(tmp_path / "data" / "menu.yml", "main: [home, about]\n")
    write(tmp_path / "content" / "poll.md", markdown({**HARBOUR_META, "expect": "rain"}, CREDITED))
    assert cli("init", str(tmp_path)).code == 0
    data = yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))
    assert data["include"] == ["content/**"]
    assert data["exclude"] == ["agreements/**"]
    assert data["policies"] == ["agreements", "data/deal.yml"]
    run = cli("check", ".", "--format", "json", cwd=tmp_path)
    assert run.code == 0 and [r["path"] for r in run.json()["results"]] == ["content/poll.md"], run.out + run.err
    run = cli("test", "agreements/harbour-herald", cwd=tmp_path)
    assert run.code == 0 and run.out.endswith("2 passed, 0 failed\n"), run.out


@pytest.mark.parametrize(
    ("insert", "said"),
    [
        (
            "'<img src=\"https://px.other.example/p.gif\">'",
            "the insert's address https://px.other.example/p.gif does "
            "not match the rule's pattern /^https://px\\.p\\.example//, so --fix would insert an element the rule "
            "still finds missing",
        ),
        (
            "'<iframe src=\"https://px.p.example/p\"></iframe>'",
            "the insert has no visible <img> with a src (the rule's tag)",
        ),
        (
            "'<img src=\"https://px.p.example/p.gif\" hidden>'",
            "the insert has no visible <img> with a src (the rule's tag)",
        ),
        ('\'<img src="https://px.p.example/p.gif" width="1" height="1" alt="">\'', None),
        ("'<img src=\"{tracking_pixel}\">'", None),  # known per reprint: --fix checks what it inserts
    ],
)
def test_validate_tries_an_element_rules_insert_on_the_rule(tmp_path, cli, insert, said):
    policy = write_policy(
        tmp_path,
        "pixel",
        "rules:\n"
        "  - id: pixel\n    check: element\n    pattern: '^https://px\\.p\\.example/'\n    message: Keep the pixel\n"
        f"    insert: {insert}\n",
    )
    run = cli("validate", str(policy))
    if said is None:
        assert run.code == 0, run.out + run.err
    else:
        assert run.code == 1 and run.out.splitlines() == [f"{policy}:10:5: rule 'pixel': {said}"], run.out + run.err


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("CC-BY-NC-ND-40", "CC-BY-NC-ND-4.0"),
        ("cc-by-sa-40", "CC-BY-SA-4.0"),
    ],
)
def test_a_metadata_rules_mistyped_licence_is_refused_at_load(tmp_path, cli, written, meant):
    """A metadata rule's ``licenses: [CC-BY-NC-ND-40]`` validated, then failed every correct reprint ("names
    none of: CC-BY-NC-ND-40"); a license rule refused the same slip. Other ids (CC-BY-2.5, CC0-1.0) stay."""
    policy = tmp_path / "p.yaml"
    head = "id: p\nname: P\npublisher: P\nsource_url: https://p.example/terms\nrules:\n"
    rule = "  - id: licence\n    check: metadata\n    field: license\n    licenses: [{}]\n    message: Wrong licence\n"
    policy.write_text(head + rule.format(written), encoding="utf-8")
    run = cli("validate", str(policy))
    assert run.code != 0 and f"'{meant}'" in run.out + run.err, (run.out, run.err)
    assert len((run.out + run.err).strip().splitlines()) == 1
    # Its parts in another order, or a deed's word after it, are read as the licence (compared as its id).
    for fine in ("CC-BY-2.5", "CC0-1.0", "CC-BY-SA-3.0-IGO", "CC BY 4.0", "CC-BY-ND-NC-4.0", "CC-BY-NC-ND-4.0-DEED"):
        policy.write_text(head + rule.format(fine), encoding="utf-8")
        assert cli("validate", str(policy)).code == 0, fine


def test_check_with_a_policy_file_extending_one_of_ones_own_says_how_to_read_the_parent(tmp_path, cli):
    """``check --policy child.yaml`` reads that file alone: its parent beside it is not looked for, and the
    error says how to give it (validate's does too)."""
    head = "name: P\npublisher: P\nsource_url: https://p.example/terms\n"
    (tmp_path / "policies").mkdir()
    child = tmp_path / "policies" / "child.yaml"
    child.write_text(f"id: child\n{head}extends: parent-x\nrules: []\n", encoding="utf-8")
    (tmp_path / "policies" / "parent-x.yaml").write_text(
        f"id: parent-x\n{head}rules:\n  - id: credit\n    check: attribution\n    names: [P]\n    message: Credit P\n",
        encoding="utf-8",
    )
    page = tmp_path / "a.md"
    page.write_text("---\noriginal_url: https://x.example/a\n---\nA story.\n", encoding="utf-8")
    run = cli("check", "--no-config", "--policy", str(child), str(page))
    assert run.code == 2 and "extends unknown policy 'parent-x'" in run.err and "--rules-dir DIR" in run.err
    assert len(run.err.strip().splitlines()) == 1
    run = cli("check", "--no-config", "--policy", str(child), "--rules-dir", str(child.parent), str(page))
    assert run.code == 1 and "child/credit" in run.out, (run.out, run.err)


def test_extends_with_a_typo_of_a_known_policy_says_which_was_meant(tmp_path, cli):
    """``extends: cc-by-nd-40`` named the known policies, all seventeen; one close to a known id is named."""
    policy = tmp_path / "mine.yaml"
    policy.write_text(
        "id: mine\nname: M\npublisher: M\nsource_url: https://m.example/terms\nextends: cc-by-nd-40\nrules: []\n",
        encoding="utf-8",
    )
    run = cli("validate", str(policy))
    assert run.code != 0 and "extends unknown policy 'cc-by-nd-40' (did you mean 'cc-by-nd-4.0'?)" in run.out + run.err


def test_explain_says_a_rule_is_turned_off_or_which_was_meant(tmp_path, cli):
    """``explain`` of a rule the policy disables said "has no rule", as of one that never was; a slip of a
    rule's id lists all the policy's rules where one is close."""
    (tmp_path / "s.yaml").write_text(
        "id: saltmarsh\nname: S\npublisher: S\nsource_url: https://s.example/terms\nextends: cc-by-nd-4.0\n"
        "rules:\n  - id: no-endorsement\n    disabled: true\n",
        encoding="utf-8",
    )
    run = cli("explain", "saltmarsh/no-endorsement", "--rules-dir", str(tmp_path))
    assert run.code == 2 and "turns off rule 'no-endorsement' of 'cc-by-nd-4.0' (disabled: true)" in run.err
    run = cli("explain", "saltmarsh/licence", "--rules-dir", str(tmp_path))
    assert run.code == 2 and "has no rule 'licence'; did you mean 'license'?" in run.err
    run = cli("explain", "saltmarsh/zzz", "--rules-dir", str(tmp_path))
    assert run.code == 2 and "its rules: " in run.err
    # Turned off further up the chain: the policy that turns it off is named, not the one asked about.
    run = cli("explain", "mongabay/changes-indicated")
    assert "'cc-by-nd-4.0', which it extends, turns off that rule of 'cc-base-4.0'" in run.err, run.err
    run = cli("explain", "cc-by-nd-4.0/CHANGES-INDICATD")  # case aside, and a slip of a rule turned off
    assert "turns off rule 'changes-indicated' of 'cc-base-4.0'" in run.err, run.err


@pytest.mark.parametrize(
    "command",
    [
        [
            "credit",
            "--policy",
            "global-research",
            "--meta",
            "author=Ana Ruiz",
            "--meta",
            "original_published=2025-01-02",
            "--meta",
            "original_url=https://www.globalresearch.ca/x/1",
        ],
        ["policies"],
        ["explain", "global-research/link-original"],
    ],
)
def test_policy_commands_take_no_config_and_config(tmp_path, cli, command):
    """A config naming a broken policy folder stopped `credit`, `policies` and `explain`, with no way round it
    but to leave the folder: `--no-config` reads none, `--config FILE` another."""
    (tmp_path / ".reprint-guard.yaml").write_text('policies: ["missing"]\n', encoding="utf-8")
    assert cli(*command, cwd=tmp_path).code == 2
    assert cli(*command, "--no-config", cwd=tmp_path).code == 0
    other = tmp_path / "other.yaml"
    other.write_text("policies: []\n", encoding="utf-8")
    assert cli(*command, "--config", str(other), cwd=tmp_path).code == 0


def test_slips_of_a_rule_or_policy_id_say_which_was_meant(tmp_path, cli):
    """A config's severity for 'tag-line', a disabled 'edit_note', a fixture folder 'harbour-herald': each
    said only "unknown" (the last listed every policy and pointed at --rules-dir, though the policy was read)."""
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "harbor-herald.yaml").write_text(
        "id: harbor-herald\nname: H\npublisher: Harbor Herald\nsource_url: https://harbor.example/terms\n"
        "applies_to: [harbor.example]\nrules:\n  - id: tag-line\n    check: text\n    phrase: read more\n"
        "    message: m\n  - id: edit-note\n    check: text\n    phrase: edited\n    message: m\n",
        encoding="utf-8",
    )
    (tmp_path / ".reprint-guard.yaml").write_text(
        "policies: [rules]\nseverity: {harbor-herald/tagline: warning}\n", encoding="utf-8"
    )
    (tmp_path / "a.md").write_text("---\noriginal_url: https://harbor.example/a\n---\nRead more.\n", encoding="utf-8")
    run = cli("check", "a.md", cwd=tmp_path)
    assert "unknown rule 'harbor-herald/tagline'; did you mean 'harbor-herald/tag-line'?" in run.err, run.err
    child = tmp_path / "child.yaml"
    child.write_text(
        "id: child\nname: C\npublisher: C\nsource_url: https://c.example/t\nextends: harbor-herald\n"
        "rules:\n  - {id: edit_note, disabled: true}\n",
        encoding="utf-8",
    )
    run = cli("validate", "--no-config", "--rules-dir", str(rules), str(child))
    assert "rule 'edit_note' is disabled but no parent policy defines it; did you mean 'edit-note'?" in run.out
    fixtures = tmp_path / "fixtures" / "harbour-herald"
    fixtures.mkdir(parents=True)
    (fixtures / "ok.md").write_text(
        "---\noriginal_url: https://harbor.example/a\nexpect: []\n---\nRead more. Edited.\n", encoding="utf-8"
    )
    run = cli("test", "--no-config", "--rules-dir", str(rules), str(tmp_path / "fixtures"))
    assert "unknown policy 'harbour-herald'; did you mean 'harbor-herald'?" in run.out, run.out
    assert "known policies" not in run.out


def test_an_expectation_of_a_rule_the_policy_turns_off_says_so(tmp_path, cli):
    """ProPublica extends cc-by-nc-nd-4.0, which turns off changes-indicated: expecting it listed every rule
    of the policy, as if the id were misspelt."""
    source = (ROOT / "tests" / "policies" / "propublica" / "compliant.md").read_text(encoding="utf-8")
    assert "\nexpect: []\n" in source
    (tmp_path / "propublica").mkdir()
    (tmp_path / "propublica" / "x.md").write_text(
        source.replace("\nexpect: []\n", "\nexpect: [propublica/changes-indicated]\n"), encoding="utf-8"
    )
    run = cli("test", "--no-config", str(tmp_path))
    assert run.code == 2
    assert (
        "expect names 'propublica/changes-indicated', a rule of 'cc-base-4.0' that policy 'propublica' does not "
        "run ('cc-by-nc-nd-4.0', which it extends, turns off with disabled: true)"
    ) in run.out, run.out


def test_validate_tells_a_rule_that_replaces_an_inherited_one_only_when_one_is_inherited(tmp_path, cli):
    """A rule of its own lacking a key got the hint "(if 'a' is a rule of cc-by-nc-nd-4.0: ... replaces it
    whole)" though cc-by-nc-nd-4.0 has no rule 'a'; one reusing an inherited id is told so outright."""
    policy = write(
        tmp_path / "hh.yaml",
        "id: hh\nname: HH\npublisher: HH\nsource_url: https://hh.example/t\nextends: cc-by-nc-nd-4.0\nrules:\n"
        "  - {id: a, check: element, message: m}\n  - {id: license, check: license, severity: info}\n",
    )
    run = cli("validate", str(policy), "--no-config")
    lines = run.out.splitlines()
    assert run.code == 1 and lines[0] == f"{policy}:7:5: rule 'a': 'pattern' is a required property", run.out
    assert lines[1].startswith(f"{policy}:8:5: rule 'license': 'message' is a required property ('license' is a")
    assert "rule of cc-by-nc-nd-4.0: a rule with its 'check' replaces the inherited rule whole" in lines[1], lines
    assert not any("(if " in line for line in lines), lines


def test_a_draft_copy_of_a_projects_policy_is_told_how_to_validate_apart(tmp_path, cli):
    """Validating a variant from the site's folder failed on the project's policy of the same id, with no
    word of --no-config."""
    site = tmp_path / "site"
    rest = "rules:\n  - {id: a, check: text, phrase: hello, message: Say hello}\n"
    write_policy(site / "policies", "harbour", rest)
    write(site / ".reprint-guard.yaml", "policies: [policies]\n")
    draft = write_policy(tmp_path / "draft", "harbour", rest)
    run = cli("validate", str(draft), cwd=site)
    assert run.code == 1 and "give each its own id (a draft copy of a project's policy is validated apart" in run.out
    assert "with --no-config)" in run.out, run.out
    run = cli("validate", str(draft), "--no-config", cwd=site)
    assert run.code == 0 and run.out == f"{draft}: valid\n", run.out


def test_init_keeps_json_envelope_fixtures_out_of_the_content(tmp_path, cli):
    """Fixtures written as a CMS's JSON envelopes were not recognised: init proposed no exclude, and `check .`
    failed on the fixtures that break a rule on purpose. A site's other JSON (a search index) is no content."""
    write(tmp_path / "policies" / "harbour.yaml", HARBOUR_POLICY)
    fixtures = tmp_path / "tests" / "policies" / "harbour-herald"
    for name, expect, body in (("compliant", [], CREDITED), ("no-credit", ["harbour-herald/credit"], UNCREDITED)):
        envelope = {"metadata": {**HARBOUR_META, "expect": expect}, "body": body, "format": "markdown"}
        write(fixtures / f"{name}.json", json.dumps(envelope))
    write(tmp_path / "content" / "gulls.md", markdown(HARBOUR_META, CREDITED))
    write(tmp_path / "static" / "search.json", json.dumps([{"title": "Gulls", "expect": 1}]))
    assert cli("init", str(tmp_path)).code == 0
    data = yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))
    assert (data["exclude"], data["policies"]) == (["tests/**"], ["policies"]), data
    run = cli("check", ".", cwd=tmp_path)
    assert run.code == 0, run.out + run.err
    run = cli("test", "tests/policies", cwd=tmp_path)
    assert run.code == 0 and run.out.endswith("2 passed, 0 failed\n"), run.out


_PIXEL_POLICY = (
    "id: px\nname: Px\npublisher: Px News\nsource_url: https://px.example/terms\napplies_to: [px.example]\nrules:\n"
    "  - id: pixel\n    check: element\n    tag: img\n"
    "    pattern: '^https://pixel\\.px\\.example/p\\.gif\\?url={original_url_encoded}$'\n"
    '    insert: \'<img src="https://pixel.px.example/p.gif?url={original_url_encoded}" width="1" height="1">\'\n'
    "    message: The tracking pixel is missing\n"
)


def test_an_element_pattern_is_filled_with_the_reprints_original(tmp_path, cli):
    """A pixel copied from another story passed, the pattern unable to name the original ({original_url_encoded}
    was filled in the insert only): it counted the other story for the publisher."""
    policy = write(tmp_path / "policies" / "px.yaml", _PIXEL_POLICY)
    assert cli("validate", str(policy), "--no-config").code == 0
    original = "https://px.example/news/tides?a=1&b=2"

    def pixel(url: str) -> str:
        return f'<img src="https://pixel.px.example/p.gif?url={url}" width="1" height="1">'

    meta = {"original_url": original}
    encoded = "https%3A%2F%2Fpx.example%2Fnews%2Ftides%3Fa%3D1%26b%3D2"
    assert check(f"Text.\n\n{pixel(encoded)}\n", meta, policy=policy).ok
    assert check(f"Text.\n\n{pixel(encoded.lower())}\n", meta, policy=policy).ok  # hex digits in lower case
    # The original's address written another way in the pixel: not encoded, or with tracking, or with a
    # trailing slash or "www." the metadata's lacks: the same article, as links compare.
    www = "https%3A%2F%2Fwww.px.example%2Fnews%2Ftides%2F%3Fa%3D1%26b%3D2%26utm_source%3Dx"
    for spelling in (www, encoded.replace("%3Fa", "%2F%3Fa")):
        assert check(f"Text.\n\n{pixel(spelling)}\n", meta, policy=policy).ok, spelling
    plain = {"original_url": "https://px.example/news/tides"}  # no query of its own: written out, not encoded
    assert check(f"Text.\n\n{pixel('https://px.example/news/tides/')}\n", plain, policy=policy).ok
    tracked = {"original_url": original + "&utm_source=x"}
    assert check(f"Text.\n\n{pixel(encoded)}\n", tracked, policy=policy).ok
    other = encoded.replace("tides", "gulls")
    (found,) = check(f"Text.\n\n{pixel(other)}\n", meta, policy=policy).findings
    assert "is there but for another article: its address does not name this reprint's original" in found.message
    (found,) = check("Text.\n", meta, policy=policy).findings
    assert "no <img> from pixel.px.example" in found.message, found.message
    long_original = "https://px.example/news/" + "x" * 5000  # filled, past a policy pattern's length limit
    assert not check("Text.\n", {"original_url": long_original}, policy=policy).ok
    story = write(tmp_path / "a.md", "---\noriginal_url: " + original + "\n---\nText.\n")
    run = cli("check", str(story), "--fix", "--no-config", "--rules-dir", str(tmp_path / "policies"))
    assert run.code == 0 and pixel(encoded) in story.read_text(encoding="utf-8"), run.out + run.err
    typo = write(tmp_path / "typo.yaml", _PIXEL_POLICY.replace("url={original_url_encoded}$", "url={orignal_url}$"))
    run = cli("validate", str(typo), "--no-config")
    assert run.code == 1 and "{orignal_url} is not filled in (did you mean {original_url}? An element's" in run.out


def test_a_policy_may_not_take_the_tools_own_id(tmp_path, cli):
    """A policy with id 'reprint-guard' passed validate, then its findings were counted as the tool's own: the
    run said "1 error ... in 0 files", and the Action's failed-files output read 0."""
    policy = tmp_path / "rg.yaml"
    policy.write_text(
        "id: reprint-guard\nname: In-house terms\npublisher: Harbour Herald\n"
        "source_url: https://harbourherald.example/republish\napplies_to: [harbourherald.example]\nrules:\n"
        "  - {id: credit-line, check: attribution, names: [Harbour Herald], message: No credit}\n",
        encoding="utf-8",
    )
    said = "rg.yaml:1:1: policy id 'reprint-guard' is the tool's own"
    run = cli("validate", "--no-config", str(policy))
    assert run.code != 0 and said in run.out + run.err, (run.out, run.err)
    page = tmp_path / "hh.md"
    page.write_text("---\ntitle: T\noriginal_url: https://harbourherald.example/2026/11/x\n---\nNo credit.\n", "utf-8")
    run = cli("check", "--no-config", "--rules-dir", str(policy), str(page))
    assert run.code == 2 and said in run.err, (run.out, run.err)


def test_a_rule_under_an_inherited_id_is_said_to_replace_the_parents(tmp_path, cli):
    """A stricter child wrote its own "no-paywall" text rule, and the parent's permission rule of that id, which
    read paywalled: true, went without a word: validate said "valid", explain marked nothing."""
    policy = tmp_path / "tide.yaml"
    policy.write_text(
        "id: tide\nname: T\npublisher: Tide\nsource_url: https://tide.example/terms\nextends: cc-by-nc-sa-4.0\n"
        "rules:\n  - id: no-paywall\n    check: text\n    pattern: 'subscribers only'\n    mode: forbid\n"
        "    message: No paywall\n  - id: noncommercial\n    check: permission\n    scope: commercial\n"
        "    from: ['*']\n    when: {field: commercial, is: true}\n    message: Ask first\n",
        encoding="utf-8",
    )
    run = cli("validate", str(policy))
    assert run.code == 0, run.out
    assert run.out.splitlines() == [
        f"{policy}: valid",
        f"{policy}: note: rule 'no-paywall' replaces cc-by-nc-sa-4.0/no-paywall, a permission check, with a text one "
        "(a rule beside it needs an id of its own)",
    ], run.out  # the permission rule refines the parent's permission rule of its id: no note
    rule = cli("explain", "tide/no-paywall", "--rules-dir", str(policy)).out
    assert "Replaces: cc-by-nc-sa-4.0/no-paywall (a permission check there)" in rule, rule
    whole = cli("explain", "tide", "--rules-dir", str(policy)).out
    assert "#### `tide/no-paywall` (error, text check; replaces `cc-by-nc-sa-4.0`'s)" in whole, whole
    assert "#### `tide/noncommercial` (error, permission check; replaces `cc-by-nc-sa-4.0`'s)" in whole, whole
    assert cli("validate", str(ROOT / "rules")).out.count("note:") == 0  # the bundled ones replace by design


def test_the_pixel_a_policys_element_rule_requires_is_no_media_to_remove(tmp_path, cli):
    """A media rule's ``except`` written with an unescaped "?" matched no pixel address, and the editor was told
    to "Remove the media": the pixel the policy's own element rule requires."""
    policy = tmp_path / "harbor.yaml"
    policy.write_text(
        "id: harbor\nname: H\npublisher: Harbor Light\nsource_url: https://harbor.example/terms\n"
        "applies_to: [harbor.example]\ncontacts: [rights@harbor.example]\nrules:\n"
        "  - id: tracking-pixel\n    check: element\n"
        "    pattern: '^https://pixel\\.harbor\\.example/track\\.gif\\?id=[0-9a-z-]+$'\n"
        "    message: Keep the pixel\n"
        "  - id: no-photos\n    check: media\n    mode: permission\n    scope: photos\n"
        "    except: 'pixel.harbor.example/track.gif?id='\n    message: Photos need permission\n",
        encoding="utf-8",
    )
    page = tmp_path / "a.md"
    head = "---\noriginal_url: https://harbor.example/2026/ferry\ncommercial: false\n---\nThe ferry runs less.\n\n"
    pixel = '<img src="https://pixel.harbor.example/track.gif?id=ferry-2026" alt="">\n'
    page.write_text(head + pixel, encoding="utf-8")
    assert cli("check", str(page), "--policy", str(policy), "--no-config").code == 0
    page.write_text(head + "![Dock](https://cdn.example/dock.jpg)\n\n" + pixel, encoding="utf-8")
    run = cli("check", str(page), "--policy", str(policy), "--no-config", "--format", "json")
    [photo] = run.json()["results"][0]["findings"]  # the photo still is told, and counted alone
    assert (
        photo["rule"] == "harbor/no-photos"
        and "1 item of media, first <img> https://cdn.example/dock.jpg" in (photo["message"])
    ), photo


def test_a_key_indented_otherwise_than_its_neighbours_is_told_with_the_two_indents(tmp_path, cli):
    """A rule's key indented 3 spaces under keys of 4 gave libyaml's words alone: "did not find expected '-'
    indicator", which says nothing of indentation."""
    policy = write_policy(tmp_path, "indent", "rules:\n  - id: a\n    check: link\n   target: original\n")
    run = cli("validate", str(policy))
    assert run.code == 1, run.out
    assert run.out.splitlines() == [
        f"{policy}:8:4: invalid YAML: did not find expected '-' indicator (this line is indented 3 spaces and the "
        "one above 4 spaces: keys of one mapping, and items of one list, line up; a nested one is indented further)"
    ], run.out


_HERALD_CREDIT = "rules:\n  - {id: credit-herald, check: attribution, names: [Harbour Herald], message: Credit us}\n"
_HERALD_LINE = (
    "rules:\n  - {id: credit-line, check: attribution, names: ['Originally published by Harbour Herald'], "
    "message: Credit us}\n"
)
_FIRST_SEEN = "credit:\n  markdown: '*First seen in the [Harbour Herald]({original_url}).*'\n"


@pytest.mark.parametrize(
    ("head", "rule", "told", "passing"),
    [
        # A policy extending a Creative Commons one with its publisher's credit rule inherited a credit block
        # that never names the publisher: --fix inserted it, and only then said the rule still failed.
        (
            "extends: cc-by-4.0\n",
            _HERALD_CREDIT,
            ":7:5: rule 'credit-herald' asks for a credit naming 'Harbour Herald', which the credit block it "
            "inherits from cc-by-4.0 does not name: give the policy a credit block of its own ('credit:'), or "
            "--fix inserts one that leaves the rule failing",
            [
                "extends: cc-by-4.0\ncredit:\n  markdown: '*Republished from the Harbour Herald "
                "([original]({original_url})).*'\n" + _HERALD_CREDIT,
                "extends: cc-by-4.0\n" + _HERALD_CREDIT.replace("[Harbour Herald]", "[herald.example]"),
            ],
        ),
        # Held for an inherited block only: a policy's own block that words the credit otherwise than its rule
        # asks ("First seen in" for "Originally published by") validated, and --fix inserted a failing credit.
        (
            _FIRST_SEEN,
            _HERALD_LINE,
            ":8:5: rule 'credit-line' asks for a credit naming 'Originally published by Harbour Herald', which "
            "the policy's credit block does not name: make the block name it, or --fix inserts one that leaves "
            "the rule failing",
            [
                _FIRST_SEEN.replace("First seen in the", "Originally published by") + _HERALD_LINE,
                # A rule asked of some reprints only (an extract's pointer to the full story) is not the block's.
                _FIRST_SEEN + _HERALD_LINE.replace("message:", "when: {field: excerpt, is: true}, message:"),
            ],
        ),
    ],
    ids=["inherited", "own"],
)
def test_a_credit_block_naming_none_of_a_credit_rules_names_is_told(tmp_path, cli, head, rule, told, passing):
    policy = write_policy(tmp_path, "herald", head + rule)
    run = cli("validate", str(policy))
    assert run.code == 1 and run.out.splitlines() == [f"{policy}{told}"], run.out
    for text in passing:  # named, a domain {original_url} may write out, or a rule not asked of every reprint
        assert cli("validate", str(write_policy(tmp_path, "herald", text))).code == 0, text


def test_a_placement_fixture_too_short_for_its_top_and_bottom_is_told_why_nothing_fired(tmp_path, cli):
    """A fixture for a top-placed credit, written short with the credit at the bottom, printed only "not
    reported": the top and bottom windows (300 characters at least) overlap in it, as the README warns."""
    policy = HARBOUR_POLICY.replace("names: [Harbour Herald]\n", "names: [Harbour Herald]\n    position: top\n")
    write(tmp_path / "policies" / "harbour.yaml", policy)
    short = write(
        tmp_path / "fixtures" / "harbour-herald" / "short.md",
        markdown({**HARBOUR_META, "expect": ["harbour-herald/credit"]}, CREDITED),
    )
    run = cli("test", str(short), "--rules-dir", "policies", "--no-config", cwd=tmp_path)
    assert run.code == 1 and "  - expected harbour-herald/credit: not reported\n" in run.out, run.out
    assert "the top and bottom windows (300 characters at least) overlap" in run.out
    body = CREDITED.replace("this spring.", "this spring. " + "The harbour master counted them twice. " * 30)
    long = write(
        tmp_path / "fixtures" / "harbour-herald" / "long.md",
        markdown({**HARBOUR_META, "expect": ["harbour-herald/credit"]}, body),
    )
    run = cli("test", str(long), "--rules-dir", "policies", "--no-config", cwd=tmp_path)
    assert run.code == 0, run.out


def test_an_element_rule_whose_host_is_not_its_patterns_host_is_told(tmp_path, cli):
    """``host`` names where an altered pixel is looked for: one that is not the pattern's host validated, and
    an altered pixel on the pattern's host was then told as missing, on the wrong host."""
    rule = (
        "rules:\n  - id: pixel\n    check: element\n    tag: img\n"
        "    pattern: '^https://px\\.herald\\.example/p\\.gif$'\n    host: counter.other.example\n"
        "    message: Keep it\n"
    )
    policy = write_policy(tmp_path, "herald", rule)
    run = cli("validate", str(policy))
    assert run.code == 1 and run.out == (
        f"{policy}:10:5: rule 'pixel': host 'counter.other.example' is not the host its pattern asks for "
        "('px.herald.example'): give the pixel's own host\n"
    ), run.out
    same = write_policy(tmp_path, "herald", rule.replace("counter.other.example", "PX.herald.example"))
    assert cli("validate", str(same)).code == 0
