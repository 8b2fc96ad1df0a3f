"""Policies: the bundled ones are schema-valid, and extends/conditions behave."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import COMPLIANT_BODY, COMPLIANT_META, CREDITED, HARBOUR_META, HARBOUR_POLICY, ROOT
from reprint_guard import PolicyError, check, check_file, load_policy
from reprint_guard.policy.loader import bundled_rules_dir, policy_files, read_policy_file, schema_errors

BUNDLED = policy_files(bundled_rules_dir())


def test_bundled_policies_are_installed_with_the_package():
    import reprint_guard

    assert BUNDLED, "no bundled policies found"
    package_dir = Path(reprint_guard.__file__).parent
    # CI installs the wheel: the policies must come from inside the package, not the checkout.
    if "site-packages" in str(package_dir):
        assert bundled_rules_dir() == package_dir / "rules"


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_policy_is_schema_valid(path):
    raw = read_policy_file(path, validate=False)
    assert [str(e) for e in schema_errors(raw)] == []
    assert raw.data["id"] == path.stem
    policy = load_policy(raw.data["id"])
    assert policy.source_url.startswith("https://")
    assert policy.terms_read is not None
    # Traceable to its source: every rule says which term it encodes (README, "Policy metadata").
    assert [rule.id for rule in policy.rules if not rule.terms] == []


def test_every_bundled_rule_that_forbids_a_state_says_how_to_mend_it():
    """A metadata or text rule's finding carries a fix: "sold", "modified" or an endorsement claim had none,
    and ``--fix`` then invited flipping the metadata to pass."""
    from reprint_guard.policy.loader import policy_set

    bare = [f"{p.id}/{r.id}" for p in policy_set() for r in p.rules if r.check in ("metadata", "text") and not r.fix]
    assert bare == []
    [finding] = [
        f
        for f in check(COMPLIANT_BODY, {**COMPLIANT_META, "sold": True}, policy="cc-by-nc-4.0").findings
        if f.rule == "cc-by-nc-4.0/not-sold"
    ]
    assert finding.fix and "Stop selling" in finding.fix


def test_global_research_rule_ids_are_stable():
    policy = load_policy("global-research")
    assert [r.id for r in policy.rules] == [
        "source-credit",
        "copyright-notice",
        "link-original",
        "commercial-permission",
        "print-permission",
    ]
    assert {r.severity for r in policy.rules} == {"error"}
    assert policy.contacts == ("publications@globalresearch.ca",)


def test_extends_overrides_and_disables(tmp_path):
    (tmp_path / "child.yaml").write_text(
        """
id: gr-partner
name: A partner agreement on top of Global Research's terms
publisher: Global Research
source_url: https://example.org/agreement
extends: global-research
applies_to: [partner.globalresearch.ca]
rules:
  - id: commercial-permission
    disabled: true
  - id: source-credit
    check: attribution
    names: [Global Research Partner]
    severity: warning
    message: Credit the partner edition
""",
        encoding="utf-8",
    )
    policy = load_policy(tmp_path / "child.yaml")
    assert [r.id for r in policy.rules] == ["source-credit", "copyright-notice", "link-original", "print-permission"]
    assert policy.contacts == ("publications@globalresearch.ca",)  # inherited
    meta = {**COMPLIANT_META, "commercial": True, "original_url": COMPLIANT_META["original_url"]}
    result = check(COMPLIANT_BODY, meta, policy=policy)
    assert [(f.rule, f.severity) for f in result.findings] == [("gr-partner/source-credit", "warning")]


def test_an_edited_policy_is_read_again_after_reload_policies(tmp_path):
    """Policies are parsed once per process and kept: a CMS whose admins edit the policy folder had no way but
    a restart to see the edit, and one process gave two answers (a folder's set kept the old file, a file
    named alone read the new one)."""
    import reprint_guard

    folder = tmp_path / "policies"
    folder.mkdir()
    policy = folder / "harbour.yaml"
    policy.write_text(HARBOUR_POLICY, encoding="utf-8")
    body = CREDITED.replace("First published by Harbour Herald.", "")
    assert [f.message for f in reprint_guard.check(body, HARBOUR_META, rules_dirs=folder).findings] == [
        'Credit the Harbour Herald ("Harbour Herald" is not visible)'
    ]
    policy.write_text(HARBOUR_POLICY.replace("Credit the Harbour Herald", "Credit us"), encoding="utf-8")
    kept = reprint_guard.check(body, HARBOUR_META, rules_dirs=folder).findings
    assert kept[0].message.startswith("Credit the Harbour Herald")  # parsed once, kept
    reprint_guard.reload_policies()
    again = reprint_guard.check(body, HARBOUR_META, rules_dirs=folder).findings
    assert again[0].message.startswith("Credit us"), again
    assert reprint_guard.load_policy("harbour-herald", rules_dirs=folder).rules[0].message == "Credit us"


def test_extends_loop_is_reported(tmp_path):
    for a, b in (("a", "b"), ("b", "a")):
        (tmp_path / f"{a}.yaml").write_text(
            f"id: {a}\nname: {a}\npublisher: x\nsource_url: https://x.org\nextends: {b}\nrules: []\n",
            encoding="utf-8",
        )
    with pytest.raises(PolicyError, match="loop"):
        load_policy("a", rules_dirs=[tmp_path])


#: One rule a short story passes: for a policy that must have a rule, but whose rules are not what is tried.
QUIET_RULE = "rules:\n  - {id: no-sponsor, check: text, mode: forbid, phrase: sponsored by, message: No sponsor}\n"


def test_user_policy_replaces_bundled_id(tmp_path):
    (tmp_path / "gr.yaml").write_text(
        "id: global-research\nname: Local copy\npublisher: GR\nsource_url: https://x.org\n"
        "applies_to: [globalresearch.ca]\n" + QUIET_RULE,
        encoding="utf-8",
    )
    result = check("nothing", COMPLIANT_META, rules_dirs=[tmp_path])
    assert result.policy == "global-research" and result.findings == []


def test_compiled_bundled_policies_are_fresh() -> None:
    """bundled.json must be what the YAML gives; regenerate: python -m reprint_guard.policy.compiled."""
    from reprint_guard.policy.compiled import COMPILED_PATH, render

    assert COMPILED_PATH.read_text(encoding="utf-8") == render()


def test_compiled_policies_are_used_only_while_the_yaml_is_unchanged(tmp_path: Path) -> None:
    from reprint_guard.policy.compiled import load_compiled
    from reprint_guard.policy.loader import bundled_rules_dir, policy_files

    files = policy_files(bundled_rules_dir())
    compiled = load_compiled(bundled_rules_dir(), files)
    assert compiled is not None and set(compiled) == {p.stem for p in files}
    for path in files:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    edited = tmp_path / "global-research.yaml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("severity: error", "severity: warning", 1))
    assert load_compiled(tmp_path, policy_files(tmp_path)) is None


def test_the_command_line_check_needs_neither_pydantic_nor_jsonschema() -> None:
    """Start-up: checking a file with the bundled policies imports no validation libraries (nor dataclasses,
    which brings inspect and ast: about 28 ms)."""
    code = (
        "import sys\n"
        "from reprint_guard.cli import main\n"
        "try:\n"
        "    main(['check', '--format', 'json', 'examples/global-research/markdown/compliant.md'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = {'pydantic', 'jsonschema', 'requests', 'dataclasses'}\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & heavy)\n"
        "sys.stderr.write(repr(heavy))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert '"status":"pass"' in done.stdout.replace(" ", "")
    assert done.stderr.strip() == "[]"


def test_a_user_policy_replacing_a_bundled_base_reaches_the_bundled_policies_that_extend_it(tmp_path: Path) -> None:
    from reprint_guard.policy.loader import policy_set

    base = (bundled_rules_dir() / "cc-base-4.0.yaml").read_text(encoding="utf-8")
    extra = (
        "  - id: house-extra\n    check: text\n    severity: warning\n    message: House rule\n"
        "    phrase: house words\n"
    )
    (tmp_path / "cc-base-4.0.yaml").write_text(base.rstrip("\n") + "\n" + extra, encoding="utf-8")
    policies = policy_set((str(tmp_path),))
    assert policies.get("cc-by-4.0").rule("house-extra") is not None


def test_every_bundled_credit_block_satisfies_its_own_policy():
    """What `credit` prints and `--fix` inserts must pass the policy's credit rules, or --fix gives up."""
    from reprint_guard import check
    from reprint_guard.fix import credit_block
    from reprint_guard.policy.loader import policy_set
    from reprint_guard.readers import read_text

    policies = policy_set()
    for policy_id in policies.ids():
        policy = policies.get(policy_id)
        if policy.credit is None or not policy.applies_to:
            continue
        # The Conversation's link-original knows its articles' addresses: one segment ending in the story's id.
        path = "a-story-241873" if policy_id == "the-conversation" else "news/2026/a-story"
        meta = {
            "author": "Al Ng",
            "original_url": f"https://{policy.applies_to[0]}/{path}",
            "original_published": "2026-01-02",
            "policy": policy_id,
            "commercial": False,
        }
        license_rule = next((r for r in policy.rules if r.check == "license"), None)
        if license_rule is not None:
            meta["license"] = license_rule.params.licenses[0]
        for fmt in ("markdown", "html"):
            reprint = read_text("x", format=fmt, meta=meta)
            block = credit_block(policy, reprint, format=fmt)
            paragraph = "A paragraph of the story, about the harbour, its boats and the people who work there."
            story = "\n\n".join([f"<p>{paragraph}</p>" if fmt == "html" else paragraph] * 12)
            parts = [block, story] if policy.credit.position == "top" else [story, block]  # where --fix puts it
            body = "\n\n".join(parts) + "\n"
            result = check(body, meta, format=fmt)
            credit_rules = [f.rule for f in result.findings if f.check in ("attribution", "link", "license")]
            assert credit_rules == [], (policy_id, fmt, credit_rules)


def test_the_readmes_table_of_bundled_policies_counts_their_rules():
    """The table is written by hand; its rule counts must follow the policies."""
    import re

    from conftest import ROOT
    from reprint_guard.policy.loader import policy_set

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("### Bundled policies") :].split("\n\n")[1]
    row = re.compile(r"^\| `([a-z0-9.-]+)` \|[^|]*\|[^|]*\| (\d+) \|", re.M)
    rows = {m.group(1): int(m.group(2)) for m in row.finditer(table)}
    bundled = {policy.id: len(policy.rules) for policy in policy_set()}
    assert rows == bundled


def test_a_policy_of_ones_own_wins_a_domain_over_a_bundled_one(tmp_path, cli):
    """Our own deal with a publisher (photos allowed) applies to its stories, not the bundled terms; two
    policies of our own on one domain are an error at the second one's line."""
    from conftest import COMPLIANT_BODY, COMPLIANT_META, markdown

    own = tmp_path / "policies" / "gr-partner.yaml"
    own.parent.mkdir()
    own.write_text(
        "id: gr-partner\nname: Our agreement\npublisher: Global Research\nsource_url: https://example.org/deal\n"
        "applies_to: [globalresearch.ca]\nextends: global-research\nrules:\n"
        "  - id: commercial-permission\n    disabled: true\n",
        encoding="utf-8",
    )
    story = tmp_path / "a.md"
    story.write_text(markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY), encoding="utf-8")
    run = cli("check", "a.md", "--rules-dir", "policies", "--format", "json", cwd=tmp_path)
    assert run.code == 0 and run.json()["results"][0]["policy"] == "gr-partner"
    second = tmp_path / "policies" / "zz-other.yaml"
    second.write_text(own.read_text(encoding="utf-8").replace("id: gr-partner", "id: zz-other"), encoding="utf-8")
    run = cli("check", "a.md", "--rules-dir", "policies", cwd=tmp_path)
    assert run.code == 2 and "zz-other.yaml:5:" in run.err and "claimed by policy 'gr-partner' too" in run.err


def test_validate_follows_extends_to_another_policy_of_ones_own(tmp_path, cli):
    base = tmp_path / "chain" / "base.yaml"
    base.parent.mkdir()
    base.write_text(
        "id: newsroom-base\nname: Base\npublisher: Newsroom\nsource_url: https://example.org/terms\nrules:\n"
        "  - id: credit\n    check: attribution\n    names: [Newsroom]\n    message: Credit the newsroom\n",
        encoding="utf-8",
    )
    partner = tmp_path / "partner.yaml"
    partner.write_text(
        "id: partner\nname: Partner\npublisher: Partner\nsource_url: https://example.org/terms\n"
        "extends: newsroom-base\nrules: []\n",
        encoding="utf-8",
    )
    alone = cli("validate", "partner.yaml", cwd=tmp_path)
    assert alone.code == 1 and "partner.yaml:5:1: extends unknown policy 'newsroom-base'" in alone.out
    assert cli("validate", "partner.yaml", "--rules-dir", "chain", cwd=tmp_path).code == 0
    # Named together, two files are each other's neighbours: the one extends the other, or they loop.
    together = cli("validate", "partner.yaml", "chain/base.yaml", cwd=tmp_path)
    assert together.code == 0 and together.out.splitlines() == ["partner.yaml: valid", "chain/base.yaml: valid"]
    loop = base.read_text(encoding="utf-8").replace("rules:\n", "extends: partner\nrules:\n", 1)
    (tmp_path / "loop.yaml").write_text(loop, encoding="utf-8")
    looped = cli("validate", "partner.yaml", "loop.yaml", cwd=tmp_path)
    assert looped.code == 1 and "partner.yaml:5:1: policies extend each other in a loop" in looped.out
    (tmp_path / ".reprint-guard.yaml").write_text("policies: [chain/]\n", encoding="utf-8")
    assert cli("validate", "partner.yaml", cwd=tmp_path).out.strip() == "partner.yaml: valid"


def test_two_policies_of_ones_own_with_one_id_are_an_error_not_a_silent_replacement(tmp_path, write_md, cli):
    folder = tmp_path / "policies"
    folder.mkdir()
    text = "id: harbor\nname: H\npublisher: H\nsource_url: https://h.example/terms\n" + QUIET_RULE
    (folder / "harbor.yaml").write_text(text, encoding="utf-8")
    (folder / "harbor-backup.yaml").write_text(text, encoding="utf-8")  # a stray copy
    run = cli("validate", str(folder))
    assert run.code == 1
    assert (
        f"{folder / 'harbor-backup.yaml'}:1:1: policy id 'harbor' is also the id of {folder / 'harbor.yaml'}" in run.out
    )
    story = write_md("story.md", {"policy": "harbor", "original_url": "https://h.example/a"}, "Text.\n")
    checked = cli("check", str(story), "--rules-dir", str(folder))
    assert checked.code == 2 and "harbor.yaml:1:1: policy id 'harbor' is also the id of" in checked.err
    (folder / "harbor-backup.yaml").unlink()
    # One file named twice (--policy FILE inside a --rules-dir) is one policy, not two.
    again = cli("check", str(story), "--rules-dir", str(folder), "--policy", str(folder / "harbor.yaml"))
    assert again.code == 0, again.err


def test_validate_tells_a_shared_domain_and_leaves_a_broken_neighbour_to_itself(tmp_path, cli):
    folder = tmp_path / "pol"
    folder.mkdir()
    policy = (
        "id: {id}\nname: A\npublisher: A\nsource_url: https://a.example/t\napplies_to: [example.org]\nrules:\n"
        "  - id: c\n    check: attribution\n    names: [A]\n    message: Credit A\n"
    )
    (folder / "a.yaml").write_text(policy.format(id="first"), encoding="utf-8")
    (folder / "b.yaml").write_text(policy.format(id="second"), encoding="utf-8")
    (folder / "broken.yaml").write_text("id: broken\nname: x\n", encoding="utf-8")
    run = cli("validate", "pol/a.yaml", "--rules-dir", "pol", cwd=tmp_path)
    shared = "pol/a.yaml:5:14: applies_to: example.org is claimed by policy 'second' too"
    assert run.code == 1 and run.out.strip() == shared
    (folder / "b.yaml").unlink()
    assert cli("validate", "pol/a.yaml", "--rules-dir", "pol", cwd=tmp_path).out.strip() == "pol/a.yaml: valid"
    missing = cli("validate", "pol/a.yaml", "--rules-dir", "nope", cwd=tmp_path)
    assert missing.code == 2 and "nope: no such policy file or folder" in missing.err
    (folder / "child.yaml").write_text(policy.format(id="child").replace("rules:", "extends: broken\nrules:"))
    needs = cli("validate", "pol/child.yaml", "--rules-dir", "pol", cwd=tmp_path)
    assert "extends unknown policy 'broken'" in needs.out and "broken.yaml:" in needs.out  # why it is unknown


def test_every_bundled_pattern_runs_on_re2s_dfa_over_the_fixtures(capfd):
    """With too little memory left beside its program, RE2 gives up its DFA for the NFA (50 times slower:
    cc-by-nd-4.0's ``unless`` took 800 µs an article) and says so on standard error when asked to. Every
    bundled pattern, ``unless`` and policy's joined forbidden patterns, compiled as the checks compile them
    but with RE2's log on, searched over every fixture's text: RE2 never says "DFA out of memory"."""
    import re2

    from reprint_guard.checks import text
    from reprint_guard.checks.base import SEARCH_MEMORY
    from reprint_guard.policy.loader import policy_set
    from reprint_guard.readers import read_file

    policies = policy_set()
    patterns = set()
    for path in BUNDLED:
        policy = policies.get(path.stem)
        for rule in policy.rules:
            written = (getattr(rule.params, "pattern", None), getattr(rule.params, "unless", None))
            patterns.update(pattern for pattern in written if pattern)
        joined = text._forbidden_patterns(policy)
        if len(joined) > 1:
            patterns.add("|".join(f"(?:{pattern})" for pattern in joined))
    options = re2.Options()
    options.max_mem = SEARCH_MEMORY
    options.never_capture = True
    options.log_errors = True
    regexes = [re2.compile(pattern.encode("utf-8"), options) for pattern in sorted(patterns)]
    fixtures = sorted((ROOT / "tests" / "policies").rglob("*.md"))
    assert len(regexes) > 20 and len(fixtures) > 200
    for fixture in fixtures:
        body = read_file(fixture).visible.text_utf8
        for regex in regexes:
            for _ in regex.finditer(body):
                pass
    assert "DFA out of memory" not in capfd.readouterr().err


@pytest.mark.parametrize(
    "note",
    [
        "Traducida por Lucía Ferrer.",
        "Traducción al español: Lucía Ferrer.",
        "Versión en español de Lucía Ferrer.",
        "Traduite par Lucie Ferrer.",
        "Traduzida por Lúcia Ferreira.",
        "Tradução da equipe de Lúcia Ferreira.",
    ],
)
def test_translation_notes_of_a_story_in_the_feminine_are_notes(tmp_path, note):
    """Global Voices' translations speak of "la historia" / "l'histoire" / "a história": "Traducida por ...",
    "Traduite par ...", "Traduzida por ..." are change notes (changes-indicated passes), and under ND they
    declare a translation (edits-declared warns when the metadata does not)."""
    fixture = ROOT / "tests" / "policies" / "global-voices" / "compliant-traduccion.md"
    text = fixture.read_text(encoding="utf-8")
    page = tmp_path / "gv.md"
    page.write_text(text.replace("Traducción: Lucía Ferrer.", note), encoding="utf-8")
    assert [f.rule for f in check_file(page).findings] == []
    if note.startswith("Versión"):  # "la versión en español del informe" is story text too often for ND's warning
        return
    mongabay = ROOT / "tests" / "policies" / "mongabay" / "compliant.md"
    text = mongabay.read_text(encoding="utf-8")
    page = tmp_path / "mb.md"
    page.write_text(text.rstrip("\n") + f"\n\n*{note}*\n", encoding="utf-8")
    assert [f.rule for f in check_file(page).findings] == ["mongabay/edits-declared"]


@pytest.mark.parametrize(
    ("note", "noted"),
    [
        ("We trimmed this story for length.", True),
        ("Editor's note: Local details were added by the Sierra Star.", True),
        ("Editor's note: This is the second story in our series on water.", False),  # the original's own note
        ('"We updated the report to reflect new data," the agency said.', False),  # a quote in the story
        ("This version includes reporting from the Sierra Star.", True),
        ("Local details were added by the Sierra Star.", True),
        ("Edited by Sarah Kim.", False),  # an editor's credit says nothing of changes
        ("The district added details by hand to the old plan.", False),
    ],
)
def test_calmatters_change_notes_in_other_words(tmp_path, note, noted):
    """CalMatters asks for "a note such as 'Additional reporting by (Org)'": other usual notes of changes count."""
    fixture = ROOT / "tests" / "policies" / "calmatters" / "compliant-with-reporting-from.md"
    page = tmp_path / "cm.md"
    page.write_text(
        fixture.read_text(encoding="utf-8").replace("With reporting from The Valley Ledger.", note), encoding="utf-8"
    )
    rules = [f.rule for f in check_file(page).findings]
    assert rules == ([] if noted else ["calmatters/changes-noted"]), rules


@pytest.mark.parametrize(
    ("link", "linked_back"),
    [
        ("https://theconversation.com/how-rooftop-beehives-changed-one-city-block-241873", True),
        ("https://theconversation.com/how-rooftop-beehives-changed-one-city-block-241873?utm_source=x", True),
        ("https://theconversation.com/how-rooftop-beehives-changed-one-city-block-241873/amp", True),
        ("https://theconversation.com/por-qu%C3%A9-las-abejas-241873", True),
        ("https://theconversation.com/", True),
        ("https://theconversation.com/uk", True),
        ("https://theconversation.com/africa/", True),
        ("https://theconversation.com/topics/climate-change-27", False),
        ("https://theconversation.com/institutions/university-of-eastmoor-1122", False),
        ("https://theconversation.com/profiles/priya-ramaswamy-1184302", False),
        ("https://theconversation.com/uk/topics/bees-123", False),
    ],
)
def test_the_conversations_link_back_is_to_an_article_or_a_home_page(tmp_path, link, linked_back):
    """The terms: "a link to the article or its home page"; the byline's institution link is neither."""
    fixture = ROOT / "tests" / "policies" / "the-conversation" / "link-original-profile.md"
    page = tmp_path / "tc.md"
    page.write_text(
        fixture.read_text(encoding="utf-8").replace(
            "https://theconversation.com/profiles/priya-ramaswamy-1184302", link
        ),
        encoding="utf-8",
    )
    rules = [f.rule for f in check_file(page).findings]
    assert rules == ([] if linked_back else ["the-conversation/link-original"]), rules


@pytest.mark.parametrize(
    ("line", "sponsored"),
    [
        ("This reprint is made possible by Lakeside Credit Union.", True),
        ("This story was made possible by a grant from Lakeside Credit Union.", True),
        ("Our investigation was made possible by thousands of pages of inspection records.", False),
        ("Support for this reporting was provided by Lakeside Credit Union.", True),
        ("The new meters were made possible by a federal grant.", False),
        ("Support for the measure comes from both parties.", False),
        ("This issue is sponsored by Lakeside Credit Union.", True),
        ("Sponsored by Lakeside Credit Union", True),
        ("Brought to you by Lakeside Credit Union.", True),
        ("This newsletter, brought to you by Lakeside Credit Union, goes out weekly.", True),
        ("The fair, brought to you by the county fair board each August, drew 4,000 people.", False),
        ("Sponsored by state Sen. Ada Fowler, the bill would cap such fees at $50.", False),
        ("Our water coverage is brought to you by readers like you.", False),
    ],
)
def test_propublica_sponsorship_lines_in_other_words(tmp_path, line, sponsored):
    """An underwriting line under a ProPublica story is a sponsorship of it, and so is a label standing alone
    or a newsletter issue's sponsor; the same words about something else in the story (a fair brought to
    you by its board, a lede opening "Sponsored by state Sen. ...") are not."""
    fixture = ROOT / "tests" / "policies" / "propublica" / "no-sponsorship-text-brought-to-you.md"
    page = tmp_path / "pp.md"
    text = fixture.read_text(encoding="utf-8").replace(
        "Our water coverage is brought to you by Lakeside Credit Union.", line
    )
    page.write_text(text.replace("expect: [propublica/no-sponsorship-text@32]", "expect: []"), encoding="utf-8")
    rules = [f.rule for f in check_file(page).findings]
    assert rules == (["propublica/no-sponsorship-text"] if sponsored else []), rules


@pytest.mark.parametrize(
    "sentence",
    [
        "La novela fue traducida por Edith Grossman.",
        "Su poesía ha sido traducida al inglés.",
        "Su libro ha sido traducido al inglés.",
        "Le roman a été traduit par Marie Dubois.",
        "O livro foi traduzido por Ana Souza.",
    ],
)
def test_a_translation_in_the_passive_about_something_else_is_no_note(tmp_path, sentence):
    """Under ND, "the letter was translated by ..." is story text; so is the same in Spanish, French and
    Portuguese (fue, ha sido, a été, foi), which the feminine forms of the notes began to read as notes."""
    mongabay = ROOT / "tests" / "policies" / "mongabay" / "compliant.md"
    text = mongabay.read_text(encoding="utf-8")
    page = tmp_path / "mb.md"
    blocks = text.split("\n\n")
    page.write_text("\n\n".join([*blocks[:3], sentence, *blocks[3:]]), encoding="utf-8")
    assert [f.rule for f in check_file(page).findings] == []


def test_a_sentence_opening_match_is_placed_at_its_words_not_the_stop_before(tmp_path):
    """A pattern that may open a sentence holds the stop before it ('. brought to you by'): the finding stood
    at the end of the paragraph above, a line early."""
    fixture = ROOT / "tests" / "policies" / "propublica" / "no-sponsorship-text-brought-to-you.md"
    page = tmp_path / "pp.md"
    text = fixture.read_text(encoding="utf-8").replace(
        "Our water coverage is brought to you by Lakeside Credit Union.", "Brought to you by Lakeside Credit Union."
    )
    page.write_text(text, encoding="utf-8")
    (found,) = check_file(page).findings
    assert (found.rule, found.line, found.column) == ("propublica/no-sponsorship-text", 32, 1), found
    assert 'found "Brought to you by"' in found.message, found.message


PROPUBLICA_META = {
    "original_url": "https://www.propublica.org/article/jail-phone-fees",
    "author": "Talia Brennan",
    "license": "CC-BY-NC-ND-3.0-US",
    "commercial": False,
}
PROPUBLICA_PAGE = (
    "<p>By Talia Brennan, ProPublica</p>\n{extra}\n<p>Families paid fees for calls that dropped.</p>\n"
    '<p>This story was originally published by <a href="https://www.propublica.org/article/jail-phone-fees">'
    'ProPublica</a>. It is republished under a <a href="https://creativecommons.org/licenses/by-nc-nd/3.0/us/">'
    "CC BY-NC-ND 3.0 US</a> licence.</p>\n"
    '<script src="https://pixel.propublica.org/pixel.js" async></script>\n'
)


@pytest.mark.parametrize(
    ("extra", "rule"),
    [
        ("<p><em>Jo Amadi of the Riverside Current contributed local reporting.</em></p>", "edits-declared"),
        ("<p><em>Editor's note: Updated by Riverside Current staff with local figures.</em></p>", "edits-declared"),
        ("<p><em>Note: we added local figures from the county.</em></p>", "edits-declared"),
        ('<div><span>Sponsored by</span> <img src="/ads/cu.png" alt="Lakeside Credit Union" width="1"></div>', None),
        ("<p><em>This story was updated by our staff.</em></p>", "edits-declared"),
        ("<p>Underwritten by Lakeside Credit Union</p>", "no-sponsorship-text"),
        # The story's own words, and the original's own taglines (a re-test's false positives):
        ("<p>Our reporting is supported by readers like you.</p>", ""),
        ("<p>Additional reporting by Lena Ortiz.</p>", ""),  # the original's own credit, as likely as ours
        ("<p>Doris Burke contributed reporting.</p>", ""),  # ProPublica's own tagline
        ("<p>Reporting was contributed by Maya Miller.</p>", ""),
        ('<p>"The report was updated by county staff with new numbers," the clerk said.</p>', ""),
        ("<p>Our investigation was supported by documents obtained through public records requests.</p>", ""),
        ("<p>This report is supported by data from three state agencies.</p>", ""),
        ("<p>Paid for by taxpayers.</p>", ""),
        ("<p>Underwritten by the state, the loans carried no interest.</p>", ""),
    ],
)
def test_propublica_reads_additions_and_sponsors_worded_as_republishers_write_them(extra, rule):
    """A nonprofit editor's review: a republisher's additions ("contributed local reporting", "Updated by our
    staff") passed the no-edits terms, and a sponsor's label ("Underwritten by", "Paid for by", "supported
    by", a "Sponsored by" beside the sponsor's logo) the no-sponsorship ones."""
    import reprint_guard

    found = {
        f.rule
        for f in reprint_guard.check(PROPUBLICA_PAGE.format(extra=extra), PROPUBLICA_META, format="html").findings
    }
    if rule is None:  # the label beside a logo: the logo is a picture of its own as well
        assert "propublica/no-sponsorship-text" in found, found
    else:
        assert found == ({f"propublica/{rule}"} if rule else set()), found


@pytest.mark.parametrize(
    ("note", "passes"),
    [
        ("Editor's note: Updated by Riverside Current staff with local figures.", True),
        ("Local figures added by Riverside Current.", True),
        ("Our readers asked about heat pumps.", False),
    ],
)
def test_calmatters_takes_a_plain_editors_note_for_the_change_note(note, passes):
    import reprint_guard

    page = (
        '<p>This story was originally published by <a href="https://calmatters.org/housing/2026/11/heat-pumps/">'
        "CalMatters</a>.</p>\n<p>By Elena Ruiz</p>\n<p>Farmworker housing is getting heat pumps.</p>\n"
        f"<p><em>{note}</em></p>\n"
        '<img src="https://calmatters.org/?republication-pixel=true&amp;post=451207" style="width:1px;height:1px;">\n'
    )
    meta = {"original_url": "https://calmatters.org/housing/2026/11/heat-pumps/", "author": "Elena Ruiz"}
    result = reprint_guard.check(page, {**meta, "modified": True, "commercial": False}, format="html")
    assert result.ok is passes, [f.rule for f in result.findings]


@pytest.mark.parametrize("tag", ["PHOTO REUSE PROHIBITED", "(photo re-use prohibited)", "Photos re-use prohibited"])
def test_calmatters_reads_the_photo_reuse_tag_as_captions_write_it(tag):
    import reprint_guard

    page = (
        '<p>This story was originally published by <a href="https://calmatters.org/housing/2026/11/heat-pumps/">'
        'CalMatters</a>.</p>\n<p>By Elena Ruiz</p>\n<figure><img src="https://calmatters.org/a.jpg" alt="">'
        f"<figcaption>Homes in Arvin. Photo by Dana Ortiz for CalMatters {tag}</figcaption></figure>\n"
        '<img src="https://calmatters.org/?republication-pixel=true&amp;post=451207" style="width:1px;height:1px;">\n'
    )
    meta = {"original_url": "https://calmatters.org/housing/2026/11/heat-pumps/", "author": "Elena Ruiz"}
    found = {f.rule for f in reprint_guard.check(page, {**meta, "commercial": False}, format="html").findings}
    assert "calmatters/photo-reuse-prohibited" in found, found
    prose = page.replace(f"Photo by Dana Ortiz for CalMatters {tag}", "Homes in Arvin.").replace(
        "<p>By Elena Ruiz</p>", "<p>By Elena Ruiz</p><p>The archive says photo reuse is not allowed, a clerk said.</p>"
    )
    found = {f.rule for f in reprint_guard.check(prose, {**meta, "commercial": False}, format="html").findings}
    assert "calmatters/photo-reuse-prohibited" not in found, found  # a story's sentence, not the tag
