"""A `link` rule asking where its link stands (`position`, `window`, `placement_only`), as an `attribution`
rule asks where its credit stands: Global Voices puts the link to the original at the top."""

from __future__ import annotations

import pytest

from conftest import cpu_seconds, markdown, write, write_policy
from reprint_guard import check, reload_policies

URL = "https://harbour.example/2026/10/02/gulls-are-back/"
META = {"title": "Gulls are back", "original_url": URL, "medium": "web"}
PARAGRAPH = "The gulls came back to the pier this spring, and the fishers who work there all year were glad of it."
STORY = "\n\n".join([PARAGRAPH] * 8)
LINKED = f"[First published by the Harbour Herald]({URL})."
RULES = "rules:\n  - id: link-top\n    check: link\n    target: original\n    message: Link the original at the top\n"


def _found(tmp_path, body: str, params: str = "    position: top\n", meta: dict | None = None) -> list:
    policy = write_policy(tmp_path, "harbour", RULES + params)
    reload_policies()  # the same file, rewritten: read once a process otherwise
    result = check(body, meta or META, format="markdown", policy=policy)
    return [f for f in result.findings if f.rule == "harbour/link-top"]


def test_a_link_at_the_top_passes_and_one_only_at_the_end_is_told_at_its_address(tmp_path):
    assert _found(tmp_path, f"{LINKED}\n\n{STORY}\n") == []
    assert _found(tmp_path, f"{STORY}\n\n{LINKED}\n", "    position: bottom\n") == []
    [finding] = _found(tmp_path, f"{STORY}\n\n{LINKED}\n")
    line = 2 * 8 + 1  # eight paragraphs, each with the blank line after it
    assert (finding.line, finding.column) == (line, LINKED.index("](") + 3), finding
    assert finding.message.endswith(f"(the link to {URL} is there, but not at the top of the article)")
    assert finding.fix == "Move the link (the credit line that carries it) to the top of the article."
    [finding] = _found(tmp_path, f"{LINKED}\n\n{STORY}\n", "    position: bottom\n")
    assert "is there, but not at the bottom of the article" in finding.message


def test_one_copy_where_it_is_asked_is_enough(tmp_path):
    assert _found(tmp_path, f"{LINKED}\n\n{STORY}\n\n{LINKED}\n") == []
    assert _found(tmp_path, f"{LINKED}\n\n{STORY}\n\n{LINKED}\n", "    position: bottom\n") == []


def test_the_window_says_how_near(tmp_path):
    body = "\n\n".join([PARAGRAPH] * 3 + [LINKED] + [PARAGRAPH] * 7) + "\n"  # about a third of the way down
    assert len(_found(tmp_path, body)) == 1
    assert _found(tmp_path, body, "    position: top\n    window: 0.4\n") == []


def test_placement_only_leaves_a_missing_link_to_another_rule(tmp_path):
    assert len(_found(tmp_path, f"{STORY}\n")) == 1  # no link at all: told as missing
    missing = _found(tmp_path, f"{STORY}\n", "    position: top\n    placement_only: true\n")
    assert missing == []
    [misplaced] = _found(tmp_path, f"{STORY}\n\n{LINKED}\n", "    position: top\n    placement_only: true\n")
    assert "is there, but not at the top" in misplaced.message


def test_a_pattern_rule_and_an_html_page_are_placed_alike(tmp_path):
    params = "    position: top\n"
    policy = write_policy(
        tmp_path,
        "harbour",
        "rules:\n  - id: link-top\n    check: link\n    pattern: '^https://harbour\\.example/'\n"
        "    message: Link the Herald at the top\n" + params,
    )
    paragraphs = "".join(f"<p>{PARAGRAPH}</p>\n" for _ in range(8))
    link = f'<p><a href="{URL}">First published by the Harbour Herald</a>.</p>\n'
    page = (
        "<!doctype html><html><head><title>Gulls</title></head><body><nav>{}</nav><article>{}</article></body></html>"
    )
    top = check(page.format("", link + paragraphs), META, format="html", policy=policy)
    assert [f.rule for f in top.findings] == []
    end = check(page.format("", paragraphs + link), META, format="html", policy=policy)
    [finding] = end.findings
    assert finding.rule == "harbour/link-top" and "but not at the top" in finding.message
    # A long menu before the <article> pushes the article's first line down: the finding says so.
    menu = "".join(f'<a href="/s{i}">Section number {i} of the site</a> ' for i in range(60))
    pushed = check(page.format(menu, link + paragraphs), META, format="html", policy=policy)
    [finding] = pushed.findings
    assert "the top is measured over the page's whole visible text" in finding.message


def test_a_bare_address_the_renderer_links_is_placed_by_its_words(tmp_path):
    assert _found(tmp_path, f"First published at {URL}\n\n{STORY}\n") == []
    assert len(_found(tmp_path, f"{STORY}\n\nFirst published at {URL}\n")) == 1


@pytest.mark.parametrize(
    ("params", "said"),
    [
        (
            "    window: 0.5\n",
            "'window' goes with 'position: top' or 'position: bottom' (how near the top or bottom the link",
        ),
        ("    placement_only: true\n", "'placement_only' needs 'position: top' or 'position: bottom'"),
    ],
)
def test_a_placement_parameter_without_a_position_is_an_error(tmp_path, cli, params, said):
    policy = write_policy(tmp_path, "harbour", RULES + params)
    run = cli("validate", str(policy))
    assert run.code == 1 and said in run.out, run.out


def test_global_voices_asks_for_the_link_at_the_top(tmp_path, cli):
    """The bundled policy's fixture and the rule's own behaviour: a "Read the original" line at the end
    leaves the credit at the top unlinked."""
    meta = {
        "author": "Ana Ruiz",
        "original_url": "https://globalvoices.org/2026/10/02/a-story/",
        "license": "CC-BY-3.0",
        "medium": "web",
    }
    credit = (
        "*This story by Ana Ruiz originally appeared on Global Voices. It is republished under a "
        "[CC BY 3.0](https://creativecommons.org/licenses/by/3.0/) licence.*"
    )
    linked = credit.replace(
        "originally appeared on Global Voices", f"[originally appeared on Global Voices]({meta['original_url']})"
    )
    ending = f"[Read the original]({meta['original_url']})."
    rules = {f.rule for f in check(f"{linked}\n\n{STORY}\n", meta, format="markdown").findings}
    assert "global-voices/link-original-top" not in rules and "global-voices/link-original" not in rules
    rules = {f.rule for f in check(f"{credit}\n\n{STORY}\n\n{ending}\n", meta, format="markdown").findings}
    assert "global-voices/link-original-top" in rules and "global-voices/link-original" not in rules
    rules = {f.rule for f in check(f"{credit}\n\n{STORY}\n", meta, format="markdown").findings}
    assert "global-voices/link-original" in rules and "global-voices/link-original-top" not in rules
    path = write(tmp_path / "print.md", markdown({**meta, "medium": "print"}, f"{credit}\n\n{STORY}\n\n{ending}\n"))
    run = cli("check", str(path), "--format", "json", "--no-config")
    assert "global-voices/link-original-top" not in run.out  # in print, no link is asked


def test_policy_fixtures_are_run_from_inside_their_folder(cli):
    """`reprint-guard test .` in a policy's fixture folder took the policy id from '.', an empty name."""
    from conftest import ROOT

    run = cli("test", ".", cwd=ROOT / "tests" / "policies" / "global-voices")
    assert run.code == 0, run.out + run.err
    assert "could not be run" not in run.out and run.out.rstrip().endswith("passed, 0 failed"), run.out


def test_a_bare_address_at_the_top_counts_beside_a_linked_one_at_the_end(tmp_path):
    assert _found(tmp_path, f"First published at {URL}\n\n{STORY}\n\n{LINKED}\n") == []


def test_a_page_of_thousands_of_links_is_placed_in_one_pass(tmp_path):
    """Each copy's paragraph looked for in the text from its start would be quadratic: only the copy asked
    about (the last for the bottom) is placed."""
    links = "\n\n".join(f"[Copy {i}]({URL})" for i in range(20_000))
    body = links + "\n\n" + "\n\n".join([PARAGRAPH] * 7_000) + "\n"
    start = cpu_seconds()
    [finding] = _found(tmp_path, body, "    position: bottom\n")
    assert cpu_seconds() - start < 20  # seconds: generous for a slow machine; quadratic took minutes
    assert "is there, but not at the bottom" in finding.message


def test_a_rule_named_after_an_inherited_one_is_no_misspelt_id(tmp_path, cli):
    """validate took Global Voices' link-original-top for a slip of link-original, inherited from
    cc-by-4.0: an id named after an inherited one with a word of its own is meant; a misspelt one is told."""
    from conftest import ROOT

    run = cli("validate", str(ROOT / "rules" / "global-voices.yaml"))
    assert run.code == 0 and run.out.endswith(": valid\n"), run.out
    own = "  - id: link-original\n    check: link\n    target: original\n    message: Link it\n"
    beside = (
        "  - id: link-original-top\n    check: link\n    target: original\n    position: top\n    message: At top\n"
    )
    policy = write_policy(tmp_path, "hh", "extends: cc-by-4.0\nrules:\n" + own + beside)
    assert cli("validate", str(policy)).code == 0
    policy = write_policy(tmp_path, "hh", "extends: cc-by-4.0\nrules:\n" + beside)
    assert cli("validate", str(policy)).code == 0  # named after it, with a word of its own: on purpose
    policy = write_policy(tmp_path, "hh", "extends: cc-by-4.0\nrules:\n" + beside.replace("original-top", "orignal"))
    run = cli("validate", str(policy))
    assert run.code == 1 and "is not the inherited rule 'link-original' of 'cc-by-4.0'" in run.out, run.out
