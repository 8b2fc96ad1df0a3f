"""What the documentation says holds: its samples run as written, and what it promises the code does."""

from __future__ import annotations

import re
import shlex
import sys
import types
from pathlib import Path

import pytest
import yaml

import reprint_guard
from conftest import ROOT, run_cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block_after(marker: str, lang: str) -> str:
    """The first ```lang block after ``marker`` in the README."""
    start = README.index(marker)
    found = re.compile(rf"^```{lang}\n(.*?)^```", re.MULTILINE | re.DOTALL).search(README, start)
    assert found is not None, marker
    return found.group(1)


def _sample(command: str) -> tuple[list[str], str]:
    """The README's ``$ reprint-guard ...`` sample that starts with ``command``: its arguments and its output."""
    start = README.index(f"$ {command}")
    block = README[start : README.index("```", start)].splitlines()
    said = block[0][2:]
    rest = block[1:]
    while said.endswith("\\"):
        said = said[:-1] + rest.pop(0).strip()
    output = []
    for line in rest:
        if line.startswith("$ "):
            break
        output.append(line)
    return shlex.split(said)[1:], "\n".join(output).strip()


def test_the_readme_credit_sample_prints_what_it_shows() -> None:
    args, shown = _sample("reprint-guard credit --policy global-research")
    result = run_cli(*args, "--no-config", cwd=ROOT)
    assert result.code == 0, result.err
    assert result.out.strip() == shown


def test_the_readme_complete_policy_validates_and_checks_as_shown(tmp_path: Path) -> None:
    """The made-up publisher's policy and reprint, saved where the README says, give its output."""
    (tmp_path / "policies").mkdir()
    (tmp_path / "content").mkdir()
    (tmp_path / "policies" / "harbour-herald.yaml").write_text(
        _block_after("### A complete policy", "yaml"), encoding="utf-8"
    )
    (tmp_path / "content" / "tides.md").write_text(
        _block_after("where `content/tides.md` is:", "markdown"), encoding="utf-8"
    )
    for command, code in (
        ("reprint-guard validate policies/harbour-herald.yaml", 0),
        ("reprint-guard check --rules-dir policies content/tides.md", 1),
    ):
        args, shown = _sample(command)
        result = run_cli(*args, "--no-config", cwd=tmp_path)
        assert result.code == code, result.err
        assert result.out.strip() == shown


def test_the_readme_library_example_gates_as_it_says() -> None:
    namespace: dict[str, object] = {}
    exec(_block_after("## Library API", "python"), namespace)  # the README's own code
    before_publish = namespace["before_publish"]
    url = "https://www.globalresearch.ca/the-river-that-ran-dry/5801234"
    body = (
        "The river that fed the valley's farms ran dry this summer.\n\n"
        f"*The original source of this article is [Global Research]({url}).*\n\n"
        "Copyright © Mara Velasquez, Global Research, 2025\n"
    )
    post = types.SimpleNamespace(
        body=body, title="The river", author_names=["Mara Velasquez"], source_url=url, permissions=[]
    )
    refused = before_publish(post)  # type: ignore[operator]
    assert [f["rule"] for f in refused["findings"]] == ["global-research/commercial-permission"]
    post.permissions = [{"from": "publications@globalresearch.ca", "date": "2025-01-01", "scope": ["commercial"]}]
    assert before_publish(post) is None  # type: ignore[operator]
    post.permissions = [{"from": "publications@globalresearch.ca", "date": "2025-13-45", "scope": ["commercial"]}]
    assert before_publish(post)["field"] == "permissions.0.date"  # type: ignore[operator,index]
    # The outlet's own post (no original named) is no reprint: let through, not blocked.
    own = types.SimpleNamespace(body="Our reporter writes.\n", title="Ours", author_names=["Al"], source_url=None)
    own.permissions = []
    assert before_publish(own) is None  # type: ignore[operator]


# --- What counts as present: "Text and links inside ... <noscript> ... do not count" -------------------------

GR = {"original_url": "https://www.globalresearch.ca/t/5801234", "author": "Ana Ruiz", "commercial": False}
LINKED = '<a href="https://www.globalresearch.ca/t/5801234">Global Research</a>'


@pytest.mark.parametrize("format", ["html", "markdown"])
@pytest.mark.parametrize(
    "body",
    [
        f"<noscript><p>The original source of this article is {LINKED}.</p></noscript>\n\n<p>The story.</p>",
        f"<noscript>The original source of this article is {LINKED}.</noscript>\n\n<p>The story.</p>",
        f"<p>The story.</p>\n\n<noscript><p>The original source of this article is {LINKED}.</p></noscript>",
    ],
    ids=["opening-block", "opening-text", "later"],
)
def test_a_credit_in_a_noscript_does_not_count_wherever_it_stands(body: str, format: str) -> None:
    """Lexbor parses as a browser that runs no scripts: a <noscript> opening a fragment stands in <head>, where
    its text and links were put in the body, and counted. A browser that runs scripts shows none of it."""
    result = reprint_guard.check(body + "\n\n<p>Copyright © Ana Ruiz 2025</p>\n", GR, format=format)
    rules = {f.rule for f in result.findings}
    assert {"global-research/source-credit", "global-research/link-original"} <= rules, rules


def test_a_credit_in_a_pages_head_noscript_does_not_count() -> None:
    page = (
        "<!DOCTYPE html>\n<html><head><title>T</title>\n"
        '<link rel="canonical" href="https://www.globalresearch.ca/t/5801234">\n'
        '<meta name="author" content="Ana Ruiz">\n'
        f"<noscript><p>The original source of this article is {LINKED}.</p></noscript>\n"
        "</head><body><p>The story.</p><p>Copyright © Ana Ruiz 2025</p></body></html>\n"
    )
    result = reprint_guard.check_text(page, format="html", meta={"commercial": False})
    assert result.policy == "global-research"  # the head's canonical link is still read
    rules = {f.rule for f in result.findings}
    assert {"global-research/source-credit", "global-research/link-original"} <= rules, rules


def test_a_noscript_in_a_pages_head_leaves_what_the_body_shows() -> None:
    """A tracking pixel's <noscript> in <head> (a common pattern) takes nothing from the story, and the
    credit and link in the body still count."""
    page = (
        "<!DOCTYPE html>\n<html><head><title>T</title>\n"
        '<noscript><img height="1" width="1" src="https://www.facebook.com/tr?id=1&amp;noscript=1"></noscript>\n'
        "<!-- <noscript> in a comment --><style>/* <noscript> */</style>\n"
        '<link rel="canonical" href="https://www.globalresearch.ca/t/5801234">\n'
        "</head><body><p>The story.</p>\n"
        f"<p>The original source of this article is {LINKED}.</p>\n"
        "<p>Copyright © Ana Ruiz, Global Research, 2025</p></body></html>\n"
    )
    result = reprint_guard.check_text(page, format="html", meta={"commercial": False, "author": "Ana Ruiz"})
    assert result.ok and result.fully_checked, result.findings


PIXEL_POLICY = """\
id: pixel-herald
name: Pixel Herald republishing terms
publisher: Pixel Herald
source_url: https://pixelherald.example/republish
applies_to: [pixelherald.example]
contacts: [rights@pixelherald.example]
rules:
  - id: pixel
    check: element
    pattern: '^https://pixel\\.pixelherald\\.example/p\\.gif'
    message: The tracking pixel is missing or altered
"""


@pytest.mark.parametrize(
    "body",
    [
        '<noscript><img src="https://pixel.pixelherald.example/p.gif"></noscript>\n<p>The story.</p>',
        '<p>The story.</p>\n<noscript><img src="https://pixel.pixelherald.example/p.gif"></noscript>',
    ],
    ids=["opening", "later"],
)
def test_a_pixel_in_a_noscript_is_there_but_never_loads(body: str) -> None:
    """Wherever the <noscript> stands, its pixel is told as there but hidden (a second one would count each
    reader twice), not as shown, and not as missing."""
    policy = reprint_guard.parse_policy(PIXEL_POLICY, name="pixel-herald")
    result = reprint_guard.check(body, {"original_url": "https://pixelherald.example/a"}, policy=policy, format="html")
    assert [f.rule for f in result.findings] == ["pixel-herald/pixel"]
    assert "there but hidden" in result.findings[0].message


# --- Checking reprints: "--stdin-filename PATH names the file its text is ... results and annotations name that
# file, the config's exclude, overrides and suppressions match it" ---------------------------------------------


def test_standard_input_the_exclude_passes_over_is_named_as_its_file(tmp_path: Path) -> None:
    (tmp_path / ".reprint-guard.yaml").write_text('exclude: ["drafts/**"]\n', encoding="utf-8")
    text = "---\ntitle: T\noriginal_url: https://www.globalresearch.ca/t/1\n---\nBody\n"
    result = run_cli("check", "-", "--stdin-filename", "drafts/a.md", cwd=tmp_path, stdin=text)
    assert result.code == 0, result.err
    assert "reprint-guard: drafts/a.md: not checked: the config's exclude 'drafts/**' matches it" in result.err
    assert "reprint-guard: -:" not in result.err


# --- Links inside the documents ----------------------------------------------------------------------------


def _github_anchors(markdown: str) -> set[str]:
    """The anchors GitHub gives a page's headings (outside code blocks): lower case, punctuation and symbols
    dropped, spaces made hyphens."""
    prose = re.sub(r"^```.*?^```", "", markdown, flags=re.MULTILINE | re.DOTALL)
    return {
        re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
        for heading in re.findall(r"^#+ (.*?)\s*$", prose, re.MULTILINE)
    }


@pytest.mark.parametrize("page", ["README.md", "docs/policies.md", "bench/README.md", "examples/README.md"])
def test_every_link_to_a_heading_finds_it(page: str) -> None:
    """docs/policies.md's table linked each policy as #calmatters, #cc-by-40: its headings, "`calmatters` —
    CalMatters republishing terms", are #calmatters--calmatters-republishing-terms on GitHub."""
    text = (ROOT / page).read_text(encoding="utf-8")
    prose = re.sub(r"^```.*?^```", "", text, flags=re.MULTILINE | re.DOTALL)
    anchors = _github_anchors(text)
    missing = sorted({link for link in re.findall(r"\]\(#([^)]+)\)", prose) if link not in anchors})
    assert missing == [], missing


def test_the_policy_reference_for_a_projects_own_policies_links_its_headings(tmp_path: Path) -> None:
    (tmp_path / "harbour-herald.yaml").write_text(_block_after("### A complete policy", "yaml"), encoding="utf-8")
    result = run_cli("policies", "--format", "markdown", "--no-config", "--rules-dir", str(tmp_path), cwd=tmp_path)
    assert result.code == 0, result.err
    links = re.findall(r"\]\(#([^)]+)\)", result.out)
    assert "harbour-herald--harbour-herald-republishing-terms" in links
    assert set(links) <= _github_anchors(result.out)


# --- The bundled policies' notes name their rules as they are ---------------------------------------------


def test_a_policy_note_naming_a_rule_and_its_position_names_the_rule_placed_there() -> None:
    """calmatters' notes said the top credit was "rule credit-calmatters, position top": that rule asks
    for the credit anywhere; credit-calmatters-top is the one placed at the top."""
    seen = 0
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        policy = yaml.safe_load(path.read_text(encoding="utf-8"))
        rules = {rule["id"]: rule for rule in policy["rules"]}
        for rule_id, position in re.findall(r"\(rule ([a-z0-9-]+), position (top|bottom)\)", policy.get("notes", "")):
            seen += 1
            assert rule_id in rules, (path.name, rule_id)
            assert rules[rule_id].get("position") == position, (path.name, rule_id, position)
    assert seen


# --- bench/README.md: `python bench/run.py --out bench/results/$(date +%F).json` ------------------------------


def test_the_benchs_out_makes_its_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """bench/results/ is git-ignored, so a fresh checkout has none: the run's result is written all the same."""
    monkeypatch.syspath_prepend(str(ROOT))
    sys.modules.pop("bench.run", None)
    from bench.run import write_result

    target = tmp_path / "bench" / "results" / "2026-12-05.json"
    write_result(str(target), '{"pass": true}')
    assert target.read_text(encoding="utf-8") == '{"pass": true}\n'


def test_the_readme_pyproject_config_is_the_yaml_ones_part(tmp_path: Path) -> None:
    """The README's pyproject.toml sample holds the full YAML example's settings, key for key (it once set
    another fail-on: a user converting a config copied a laxer threshold), and both load without a warning."""
    import tomllib

    written = yaml.safe_load(_block_after("A full example:", "yaml"))
    toml = _block_after("in `pyproject.toml`", "toml")
    table = tomllib.loads(toml)["tool"]["reprint-guard"]
    for key, value in table.items():
        assert written[key] == value, key
    (tmp_path / "policies").mkdir()
    (tmp_path / "policies" / "harbour-herald.yaml").write_text(
        _block_after("### A complete policy", "yaml"), encoding="utf-8"
    )
    for folder in ("content", "content/drafts", "content/print-edition"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.md").write_text("---\ntitle: a\n---\nOur own words.\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    run = run_cli("check", "content", cwd=tmp_path)
    assert run.code == 0 and "warning" not in run.err, run.err


def test_the_readme_lists_each_of_the_tools_own_rule_ids_with_its_severity() -> None:
    """The table under "The tool's own rule ids" has a row for each rule reprint-guard raises itself (a new one,
    ``left-out-of-the-run``, was missed once), and lists no rule the tool does not have."""
    from reprint_guard.engine import TOOL_POLICY, TOOL_RULES

    start = README.index("### The tool's own rule ids")
    table = README[start : README.index("\n### ", start + 1)]
    listed = re.findall(rf"^\| `{TOOL_POLICY}/([a-z-]+)` \| (?:error|warning|info|note)", table, re.MULTILINE)
    assert sorted(listed) == sorted(TOOL_RULES), set(listed) ^ set(TOOL_RULES)
