"""A policy author's review: what a policy, its fixtures and `test` say, driven through the real CLI."""

from __future__ import annotations

from pathlib import Path

from conftest import POLICY_HEAD, run_cli, write

UNSIGNED = "---\ntitle: x\noriginal_url: https://byl.example/2026/11/x\n---\nSome text.\n"


def _policy(tmp_path: Path, rules: str, policy_id: str = "byl") -> Path:
    head = POLICY_HEAD.format(id=policy_id) + f"applies_to: [{policy_id}.example]\n"
    return write(tmp_path / f"{policy_id}.yaml", head + "rules:\n" + rules)


def test_a_missing_author_is_told_once_a_rule(tmp_path: Path) -> None:
    """A rule reading 'author' for its credit and its byline (or its notice) is told the key once."""
    article = write(tmp_path / "a.md", UNSIGNED)
    byline = "  - id: byline\n    check: attribution\n    names_from: author\n    template: 'By {author}'\n"
    notice = "  - id: notice\n    check: attribution\n    names_from: author\n    copyright: true\n"
    for rules, part in ((byline, "byline"), (notice, "copyright notice")):
        policy = _policy(tmp_path, rules + "    message: uncredited\n")
        result = run_cli("check", "--no-config", "--policy", str(policy), str(article), "--format", "json")
        messages = [finding["message"] for finding in result.json()["results"][0]["findings"]]
        assert messages == [f"uncredited ('author' is not set, so the credit and the {part} cannot be checked)"]


TWO_RULES = (
    "id: harbour-herald\nname: Harbour Herald reprint terms\npublisher: Harbour Herald\n"
    "source_url: https://harbour.example/terms\napplies_to: [harbour.example]\nrules:\n"
    "  - id: credit\n    check: attribution\n    names: [Harbour Herald]\n    message: Credit the Harbour Herald\n"
    "  - id: desk\n    check: attribution\n    names: [Gull Desk]\n    message: Credit the Gull Desk\n"
)
HARBOUR_META = "title: Gulls are back\noriginal_url: https://harbour.example/gulls\nmedium: web\n"
STORY = "# Gulls are back\n\nThe gulls came back to the pier this spring.\n"


def _fixture(path: Path, expect: str) -> Path:
    return write(path, f"---\n{HARBOUR_META}expect: {expect}\n---\n{STORY}")


def test_coverage_notes_for_a_policy_whose_fixtures_each_break_two_rules(tmp_path: Path) -> None:
    """The notes are told for every policy whose fixtures run, not only one a fixture breaking one rule ran."""
    write(tmp_path / "rules" / "harbour-herald.yaml", TWO_RULES)
    both = _fixture(tmp_path / "tests" / "harbour-herald" / "both.md", "[harbour-herald/credit, harbour-herald/desk]")
    result = run_cli("test", "--no-config", "--rules-dir", str(tmp_path / "rules"), str(both))
    assert result.code == 0, result.out + result.err
    assert result.out.splitlines() == [
        "note: harbour-herald: no passing compliant fixture (expect: [])",
        "note: harbour-herald: no passing fixture violates only credit, desk",
        "1 passed, 0 failed",
    ]


def test_an_html_fixtures_sidecar_named_runs_its_page(tmp_path: Path) -> None:
    """Naming ``page.meta.yaml`` runs ``page.html`` beside it, the fixture it is the metadata of."""
    write(tmp_path / "rules" / "harbour-herald.yaml", TWO_RULES)
    folder = tmp_path / "tests" / "harbour-herald"
    write(folder / "page.html", "<h1>Gulls are back</h1>\n<p>The gulls came back to the pier this spring.</p>\n")
    sidecar = write(folder / "page.meta.yaml", HARBOUR_META + "expect: [harbour-herald/credit, harbour-herald/desk]\n")
    result = run_cli("test", "--no-config", "-v", "--rules-dir", str(tmp_path / "rules"), str(sidecar))
    assert result.code == 0, result.out + result.err
    assert result.out.startswith(f"ok   {folder / 'page.html'}  (2 expected findings)\n")
    assert "no article beside it" not in result.out + result.err


def test_a_fixture_in_a_folder_inside_its_policys_is_told_where_it_goes(tmp_path: Path) -> None:
    """One message, at the fixture, saying fixtures sit directly in the policy's folder; no note that the
    policy's folder holds none."""
    write(tmp_path / "rules" / "harbour-herald.yaml", TWO_RULES)
    _fixture(tmp_path / "tests" / "harbour-herald" / "edge" / "early.md", "[harbour-herald/credit]")
    result = run_cli("test", "--no-config", "--rules-dir", "rules", "tests", cwd=tmp_path)
    assert result.code == 2, result.out + result.err
    assert result.out.splitlines() == [
        "ERROR tests/harbour-herald/edge/early.md",
        "  tests/harbour-herald/edge/early.md: a fixture goes directly in its policy's folder (tests/harbour-herald/): "
        "one in a folder inside it is read as for policy 'edge', which is unknown; move it up, or write "
        "'policy: harbour-herald' in its metadata",
        "0 passed, 0 failed, 1 could not be run",
    ]
    assert "Traceback" not in result.err


def _validate(tmp_path: Path, text: str) -> tuple[str, str]:
    """What validate and check say of a policy file: each is one line."""
    policy = write(tmp_path / "p.yaml", text)
    article = write(tmp_path / "a.md", UNSIGNED)
    validated = run_cli("validate", "--no-config", str(policy))
    checked = run_cli("check", "--no-config", "--policy", str(policy), str(article))
    assert validated.code == 1 and checked.code == 2, validated.out + checked.err
    assert "Traceback" not in validated.err + checked.err and len(checked.err.splitlines()) == 1, checked.err
    return validated.out.strip(), checked.err.strip().removeprefix("reprint-guard: ")


CREDIT = "  - id: credit\n    check: attribution\n    names: [P]\n    message: Credit P\n"


def test_schema_errors_say_what_was_written_as_yaml_and_what_to_write(tmp_path: Path) -> None:
    """An id, a flag for a number, an empty or mapping 'rules' and a null an amendment may not write: told in
    YAML's words (null, true, a mapping), not Python's (None, True, a dict) or the schema's pattern."""
    head = POLICY_HEAD.format(id="p")
    said = {
        "id": _validate(tmp_path, head + "rules:\n" + CREDIT.replace("id: credit", "id: Credit Line"))[0],
        "flag": _validate(
            tmp_path, head + "rules:\n  - id: t\n    check: timing\n    after_hours: true\n    message: wait\n"
        )[0],
        "null": _validate(tmp_path, head + "rules:\n")[0],
        "mapping": _validate(tmp_path, head + "rules:\n" + CREDIT.replace("  - id", "  id").replace("\n    ", "\n  "))[
            0
        ],
        "amend": _validate(tmp_path, head + "extends: cc-by-4.0\nrules:\n  - id: credit-author\n    message: null\n")[
            0
        ],
    }
    where = f"{tmp_path / 'p.yaml'}"
    assert said == {
        "id": f"{where}:6:5: rule 'Credit Line', field 'id': 'Credit Line' is not an id: write it in lower-case "
        "letters, digits, '.', '_' and '-' (no spaces or capitals), starting with a letter or digit, such as "
        "'credit-line'",
        "flag": f"{where}:8:5: rule 't', field 'after_hours': true is not a whole number",
        "null": f"{where}:5:1: field 'rules': it is empty (null): list the policy's rules under it, each starting "
        "'- id: ...'",
        "mapping": f"{where}:5:1: field 'rules': a mapping ({{id: credit, check: attribution, names: [P], message: "
        "Cre...) is not a list: write each item on a line of its own starting '- ' (- id: ...)",
        "amend": f"{where}:8:5: rule 'credit-author', field 'message': a rule keeps its message (null drops a field "
        "back to none or its default): give the message to use instead",
    }
    for text in said.values():
        assert "None" not in text and "True" not in text and "^[a-z0-9]" not in text


def test_check_tells_the_misspelt_key_not_the_key_it_leaves_missing(tmp_path: Path) -> None:
    """``nmae:`` leaves 'name' missing: validate tells both; check's one line is the one that explains both."""
    text = POLICY_HEAD.format(id="p").replace("name: P", "nmae: P") + "rules:\n" + CREDIT
    validated, checked = _validate(tmp_path, text)
    typo = (
        f"{tmp_path / 'p.yaml'}:2:1: field 'nmae': unknown key(s) ('nmae' was unexpected); 'nmae': did you mean 'name'?"
    )
    assert validated.splitlines() == [f"{tmp_path / 'p.yaml'}:1:1: 'name' is a required property", typo]
    assert checked == typo


def test_a_second_yaml_document_is_told_in_a_sentence(tmp_path: Path) -> None:
    """PyYAML's "but found another document" is half a sentence: the file's second '---' is said whole."""
    text = POLICY_HEAD.format(id="p") + "rules:\n" + CREDIT + "---\nid: q\n"
    said = (
        f"{tmp_path / 'p.yaml'}:10:1: a second YAML document ('---' after the first): a policy file holds one "
        "policy; remove it, or put the other policy in a file of its own"
    )
    assert _validate(tmp_path, text) == (said, said)


def test_validate_and_check_place_an_unknown_licence_at_its_entry(tmp_path: Path) -> None:
    """``licenses: [CC-BY-NC-40]``: both at the entry's column, as the README says, not check at the key's."""
    text = POLICY_HEAD.format(id="p") + "rules:\n  - id: l\n    check: license\n    licenses: [CC-BY-NC-40]\n"
    validated, checked = _validate(tmp_path, text + "    message: x\n")
    assert validated.startswith(f"{tmp_path / 'p.yaml'}:8:16: rule 'l', field 'licenses': 'CC-BY-NC-40' is not")
    assert checked == validated


def test_an_amendment_that_changes_nothing_is_an_error_at_its_line(tmp_path: Path) -> None:
    """``severity: error`` on an inherited rule already an error changes nothing, which the README says is an
    error; a field changed is still an amendment."""
    head = POLICY_HEAD.format(id="p") + "extends: cc-by-4.0\nrules:\n  - id: credit-author\n"
    validated, checked = _validate(tmp_path, head + "    severity: error\n")
    said = (
        f"{tmp_path / 'p.yaml'}:8:5: rule 'credit-author' amends cc-base-4.0/credit-author but changes nothing: it "
        "has 'severity: error' already; give the fields to change, or leave the rule out to inherit it as it is"
    )
    assert (validated, checked) == (said, said)
    write(tmp_path / "p.yaml", head + "    severity: warning\n")
    assert run_cli("validate", "--no-config", str(tmp_path / "p.yaml")).code == 0


def test_an_amendments_null_severity_or_confidence_is_told_by_its_own_message(tmp_path: Path) -> None:
    """``severity: null`` failed the schema's choice first ("None is not one of [...]"): an amendment may not
    drop it, which the loader's own message says."""
    head = POLICY_HEAD.format(id="p") + "extends: cc-by-4.0\nrules:\n  - id: credit-author\n"
    for key in ("severity", "confidence"):
        validated, checked = _validate(tmp_path, head + f"    {key}: null\n")
        said = (
            f"{tmp_path / 'p.yaml'}:8:5: rule 'credit-author', field '{key}': a rule keeps its {key} (null drops a "
            f"field back to none or its default): give the {key} to use instead"
        )
        assert (validated, checked) == (said, said)
