"""Four defects left from earlier sessions: a credit whose publisher's name is written with a non-breaking
space is linked in place by --fix; explain names what a bundled policy amends when the user replaces its
parent; a bundled policy's disable of a rule the user's parent lacks loads; a front-matter mapping that
cannot mean anything is a config error at its line."""

from __future__ import annotations

import pytest

from conftest import write

KFF_ARTICLE = "https://kffhealthnews.org/news/article/clinics-close/"
KFF_META = f"author: Ana Ruiz\noriginal_url: {KFF_ARTICLE}\ncommercial: false\n"
LICENCE_MD = "[CC BY-NC-ND 4.0](https://creativecommons.org/licenses/by-nc-nd/4.0/)"
LICENCE_HTML = '<a href="https://creativecommons.org/licenses/by-nc-nd/4.0/">CC BY-NC-ND 4.0</a>'


def _kff_page(name: str, spelt: str, line_end: str = "\n") -> str:
    """A KFF Health News reprint whose closing credit names the publisher, spelt so, without the link."""
    if name.endswith(".html"):
        lines = [
            "<p>By Ana Ruiz</p>",
            "<p>Rural clinics are closing across the state.</p>",
            f"<p>This story was first published by {spelt}. It is republished under a {LICENCE_HTML} licence.</p>",
        ]
    else:
        lines = [
            "---",
            *KFF_META.splitlines(),
            "---",
            "",
            "By Ana Ruiz",
            "",
            "Rural clinics are closing across the state.",
            "",
            f"This story was first published by {spelt}. It is republished under a {LICENCE_MD} licence.",
        ]
    return line_end.join(lines) + line_end


@pytest.mark.parametrize(
    ("name", "spelt", "line_end"),
    [
        ("a.md", "KFF\u00a0Health News", "\n"),
        ("a.md", "KFF&nbsp;Health News", "\n"),
        ("a.html", "KFF&nbsp;Health News", "\n"),
        ("a.html", "KFF&#160;Health\u00a0News", "\r\n"),
    ],
)
def test_fix_links_a_credit_whose_name_has_a_non_breaking_space_where_it_stands(tmp_path, cli, name, spelt, line_end):
    """The check reads "KFF&nbsp;Health News" as the name, but --fix looked for it with an ordinary space and
    added a second, whole credit under the one there. The name is linked where it stands, as written, and
    nothing else in the file changes."""
    page = tmp_path / name
    before = _kff_page(name, spelt, line_end).encode("utf-8")
    page.write_bytes(before)
    if name.endswith(".html"):
        write(tmp_path / f"{name}.meta.yaml", KFF_META)
    assert cli("check", str(page)).code == 1
    run = cli("check", str(page), "--fix")
    assert run.code == 0 and "fixed kff-health-news/link-original" in run.err, (run.out, run.err)
    linked = f'<a href="{KFF_ARTICLE}">{spelt}</a>' if name.endswith(".html") else f"[{spelt}]({KFF_ARTICLE})"
    assert page.read_bytes() == before.replace(spelt.encode("utf-8"), linked.encode("utf-8")), page.read_bytes()
    again = cli("check", str(page), "--fix")
    assert again.code == 0 and "fixed" not in again.err, (again.out, again.err)


def test_fix_leaves_the_file_as_it_was_when_it_errors(tmp_path, cli):
    """A reprint --fix cannot read (a bad metadata value) is told with status 2 and not touched."""
    page = tmp_path / "a.md"
    before = _kff_page("a.md", "KFF\u00a0Health News").replace("commercial: false", "commercial: sometimes")
    page.write_bytes(before.encode("utf-8"))
    run = cli("check", str(page), "--fix")
    assert run.code == 2 and "commercial" in run.out + run.err, (run.out, run.err)
    assert page.read_bytes() == before.encode("utf-8")


#: A reading of CC BY-ND 4.0 of the user's own, under the bundled licence's id, without its edits-declared rule.
OWN_ND = """\
id: cc-by-nd-4.0
name: Our reading of CC BY-ND 4.0
publisher: Creative Commons licence
source_url: https://creativecommons.org/licenses/by-nd/4.0/legalcode
extends: cc-base-4.0
rules:
  - id: license
    check: license
    licenses: [CC-BY-ND-4.0]
    message: The licence (CC BY-ND 4.0) is not named and linked
"""


@pytest.mark.parametrize(
    ("more", "why"),
    [
        ("", "has no edits-declared"),
        (
            "  - id: edits-declared\n    check: metadata\n    field: modified\n    required: false\n"
            "    allowed: [false]\n    message: Edits are not allowed\n",
            "has its own edits-declared (a metadata check), which it does not fit",
        ),
    ],
)
def test_explain_says_a_bundled_amendment_is_made_on_the_bundled_parents_rule(tmp_path, cli, more, why):
    """Mongabay's edits-declared amends cc-by-nd-4.0's; with the user's own cc-by-nd-4.0 lacking that rule
    (or having one of another check type) it amends the bundled licence's rule, and explain said nothing of
    what it amends. It says what, and where from; the policy's reference marks the row too."""
    write(tmp_path / "rules" / "cc-by-nd-4.0.yaml", OWN_ND + more)
    run = cli("explain", "mongabay/edits-declared", "--rules-dir", "rules", cwd=tmp_path)
    assert run.code == 0, (run.out, run.err)
    (line,) = [line for line in run.out.splitlines() if line.startswith("Amends:")]
    assert line.startswith("Amends: cc-by-nd-4.0/edits-declared as bundled (") and "unless (extended)" in line, line
    assert "rules/cc-by-nd-4.0.yaml), changing" in line and str(tmp_path / "rules" / "cc-by-nd-4.0.yaml") in line
    assert line.endswith(why), line
    whole = cli("explain", "mongabay", "--rules-dir", "rules", cwd=tmp_path)
    assert "`mongabay/edits-declared` (warning, text check; amends the bundled `cc-by-nd-4.0`'s: " in whole.out, (
        whole.out
    )
    bundled = cli("explain", "mongabay/edits-declared", cwd=tmp_path)
    assert "Amends: cc-by-nd-4.0/edits-declared, changing" in bundled.out, bundled.out


#: A base for the Creative Commons 4.0 licences of the user's own, without the rule two bundled licences turn off.
OWN_BASE = """\
id: cc-base-4.0
name: Our base for CC 4.0
publisher: Creative Commons licence
source_url: https://creativecommons.org/licenses/by/4.0/legalcode
rules:
  - id: link-original
    check: link
    target: original
    message: The original is not linked
"""
MONGABAY_META = "author: Ana Ruiz\noriginal_url: https://news.mongabay.com/2026/10/a-story/\ncommercial: false\n"


def test_a_bundled_policy_turning_off_a_rule_the_users_parent_lacks_loads(tmp_path, cli):
    """cc-by-nd-4.0 turns off cc-base-4.0's changes-indicated; a user's own cc-base-4.0 without it made every
    reprint under a BY-ND policy 'could not be checked', the error in a bundled file the user cannot edit.
    Nothing is left to turn off: it loads, and validate notes it."""
    write(tmp_path / "rules" / "cc-base-4.0.yaml", OWN_BASE)
    write(tmp_path / "a.md", f"---\n{MONGABAY_META}---\n\nBy Ana Ruiz\n\nText.\n")
    run = cli("check", "a.md", "--rules-dir", "rules", "--format", "json", cwd=tmp_path)
    assert run.code == 1, (run.out, run.err)
    (result,) = run.json()["results"]
    assert result["policy"] == "mongabay" and "mongabay/link-original" in {f["rule"] for f in result["findings"]}
    assert cli("explain", "cc-by-nd-4.0", "--rules-dir", "rules", cwd=tmp_path).code == 0
    told = cli("validate", "rules/cc-base-4.0.yaml", cwd=tmp_path)
    assert told.code == 0 and "rules/cc-base-4.0.yaml: valid" in told.out, told.out
    note = (
        "rules/cc-base-4.0.yaml: note: the bundled cc-by-nd-4.0 turns off rule 'changes-indicated', which "
        "cc-base-4.0 here has no rule of: nothing is turned off there"
    )
    assert note in told.out.splitlines(), told.out


def test_a_users_own_policy_turning_off_a_misspelt_rule_is_still_an_error(tmp_path, cli):
    """Only a bundled policy over the user's parent is let off: the user's own disable of a rule no parent has
    (a slip of the id) is told, by validate and by check, at its line."""
    write(
        tmp_path / "rules" / "ours.yaml",
        "id: ours\nname: Ours\npublisher: Mongabay\nsource_url: https://example.org/terms\nextends: mongabay\n"
        "applies_to: [news.mongabay.com]\nrules:\n  - id: no-derivatve\n    disabled: true\n",
    )
    write(tmp_path / "a.md", f"---\n{MONGABAY_META}---\n\nBy Ana Ruiz\n\nText.\n")
    said = "rules/ours.yaml:8:5: rule 'no-derivatve' is disabled but no parent policy defines it; did you mean"
    told = cli("validate", "rules/ours.yaml", cwd=tmp_path)
    assert told.code == 1 and said in told.out, told.out
    run = cli("check", "a.md", "--rules-dir", "rules", cwd=tmp_path)
    assert run.code == 2 and said in run.out + run.err, (run.out, run.err)


@pytest.mark.parametrize(
    ("mapping", "told"),
    [
        (
            "original_url: author",
            ".reprint-guard.yaml:2:3: front-matter.original_url: 'original_url' is reprint-guard's own key for the "
            "original's address, which cannot be read as 'author' (names)",
        ),
        (
            "Commercial: published",
            ".reprint-guard.yaml:2:3: front-matter.Commercial: 'Commercial' is reprint-guard's own key 'commercial' "
            "for true or false, which cannot be read as 'published' (a date)",
        ),
        (
            "original_url: canonicalURL",
            ".reprint-guard.yaml:2:3: front-matter.original_url: maps reprint-guard's own 'original_url' onto "
            "'canonicalURL', and no key onto 'original_url'",
        ),
        (
            "canonicalURL: original_url\n  params.original_url: author",
            ".reprint-guard.yaml:3:3: front-matter.params.original_url: 'params.original_url' is reprint-guard's "
            "own key 'original_url' for the original's address, which cannot be read as 'author' (names)",
        ),
    ],
)
def test_a_front_matter_mapping_the_wrong_way_round_is_a_config_error(tmp_path, cli, mapping, told):
    """The mapping goes from the site's key to reprint-guard's. One of reprint-guard's own keys mapped onto
    one of its keys that holds another kind of value, or original_url mapped away with nothing mapped onto it,
    was taken: each reprint's address read as its byline, or every file skipped as no reprint, and the run
    passed. A one-line error at the key, status 2, as any bad config is."""
    write(tmp_path / ".reprint-guard.yaml", f"front-matter:\n  {mapping}\n")
    write(tmp_path / "a.md", f"---\n{MONGABAY_META}---\n\nBy Ana Ruiz\n\nText.\n")
    run = cli("check", "a.md", cwd=tmp_path)
    assert run.code == 2 and run.out == "", (run.out, run.err)
    lines = run.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"reprint-guard: {told}"), run.err
    assert "a mapping goes from your site's key to reprint-guard's, as in" in lines[0]


@pytest.mark.parametrize(
    "mapping",
    [
        # The site's author is the rights holder, and its creator the author: both hold names.
        "{author: copyright_holder, creator: author}",
        # The site's source is the original's address: both hold text.
        "{source: original_url}",
        # Several of the site's keys onto one of ours: older posts keep an older key.
        "{canonicalURL: original_url, params.sourceURL: original_url, authors: author, byline: author}",
        # The site's original_url is its own; another key gives the original's.
        "{original_url: site_original, reprint_of: original_url}",
        "{edited: modified, published: original_published}",
    ],
)
def test_front_matter_mappings_that_mean_something_are_still_taken(tmp_path, cli, mapping):
    write(tmp_path / ".reprint-guard.yaml", f"front-matter: {mapping}\n")
    write(tmp_path / "a.md", f"---\n{MONGABAY_META}---\n\nBy Ana Ruiz\n\nText.\n")
    run = cli("check", "a.md", "--format", "json", cwd=tmp_path)
    assert run.code in (0, 1) and "front-matter" not in run.err, (run.out, run.err)


def test_a_policy_equals_its_pickled_copy(tmp_path):
    """A rule's parameters compared by identity: no policy equalled the copy a worker process unpickles."""
    import pickle

    from reprint_guard import load_policy
    from reprint_guard.policy.loader import policy_set

    for policy in policy_set():
        assert pickle.loads(pickle.dumps(policy)) == policy, policy.id
    write(tmp_path / "cc-by-nd-4.0.yaml", OWN_ND)
    own = load_policy(str(tmp_path / "cc-by-nd-4.0.yaml"))
    copy = pickle.loads(pickle.dumps(own))
    assert copy == own and copy.rules[0].params == own.rules[0].params
    assert copy != policy_set().get("cc-by-nd-4.0")
