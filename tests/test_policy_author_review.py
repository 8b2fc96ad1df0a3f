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
