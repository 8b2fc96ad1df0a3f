"""The four limits a policy author's review left (2026-12-07), each through the real CLI.

A placement amended two policies up the chain still moves the credit rather than adding one; a copied fix
that writes a credit the policy's own rules refuse is told by ``validate``; ``explain``'s example for a required
wording comes from its pattern or fix, or says none can be given; ``test`` without a fixtures folder says
what it looked for.
"""

from __future__ import annotations

from pathlib import Path

URL = "https://lantern.example/2026/11/ferry"
WORDS = " ".join(["The county closed the old ferry landing this week after an inspection."] * 12)


def _head(policy_id: str, extends: str | None = None) -> str:
    return (
        f"id: {policy_id}\nname: {policy_id} terms\npublisher: Lantern Ledger\n"
        "source_url: https://lantern.example/terms\n" + (f"extends: {extends}\n" if extends else "")
    )


def _page(tmp_path: Path, body: str, name: str = "a.md") -> Path:
    page = tmp_path / name
    page.write_text(
        f"---\ntitle: Ferry\nauthor: Dana Okafor\noriginal_url: {URL}\ncommercial: false\n---\n\n{body}\n",
        encoding="utf-8",
    )
    return page


def _findings(cli, folder: Path, policy_id: str, page: Path) -> list[dict]:
    run = cli("check", "--no-config", "--rules-dir", str(folder), "--policy", policy_id, "--format", "json", str(page))
    assert run.code in (0, 1), run.out + run.err
    return run.json()["results"][0]["findings"]


def test_a_position_amended_further_up_the_chain_still_moves_the_link(tmp_path, cli):
    folder = tmp_path / "policies"
    folder.mkdir()
    (folder / "a.yaml").write_text(
        _head("lantern-a") + "applies_to: [lantern.example]\nrules:\n"
        "  - id: link-original\n    check: link\n    target: original\n"
        "    message: The reprint does not link to the original\n"
        "    fix: Add a link to the original at {original_url}.\n",
        encoding="utf-8",
    )
    (folder / "b.yaml").write_text(
        _head("lantern-b", "lantern-a") + "rules:\n  - id: link-original\n    position: top\n", encoding="utf-8"
    )
    (folder / "c.yaml").write_text(
        _head("lantern-c", "lantern-b") + "rules:\n  - id: link-original\n    severity: warning\n", encoding="utf-8"
    )
    page = _page(tmp_path, f"{WORDS}\n\nOriginally published by [Lantern Ledger]({URL}).")
    move = "Move the link (the credit line that carries it) to the top of the article."
    for policy_id in ("lantern-b", "lantern-c"):
        found = [f for f in _findings(cli, folder, policy_id, page) if f["rule"] == f"{policy_id}/link-original"]
        assert len(found) == 1 and "not at the top" in found[0]["message"], (policy_id, found)
        assert found[0]["fix"] == move, (policy_id, found)
    # Missing altogether, C still gets A's fix for adding one.
    bare = _page(tmp_path, WORDS, name="b.md")
    found = [f for f in _findings(cli, folder, "lantern-c", bare) if f["rule"] == "lantern-c/link-original"]
    assert found and found[0]["fix"] == f"Add a link to the original at {URL}.", found
    # A fix written after the position (by B, or by C) is that policy's own word for it, kept.
    (folder / "c.yaml").write_text(
        _head("lantern-c", "lantern-b") + "rules:\n  - id: link-original\n    fix: Link the first line.\n",
        encoding="utf-8",
    )
    found = [f for f in _findings(cli, folder, "lantern-c", page) if f["rule"] == "lantern-c/link-original"]
    assert found[0]["fix"] == "Link the first line.", found
    (folder / "b.yaml").write_text(
        _head("lantern-b", "lantern-a")
        + "rules:\n  - id: link-original\n    position: top\n    fix: Put the link on top.\n",
        encoding="utf-8",
    )
    (folder / "c.yaml").write_text(
        _head("lantern-c", "lantern-b") + "rules:\n  - id: link-original\n    severity: warning\n", encoding="utf-8"
    )
    found = [f for f in _findings(cli, folder, "lantern-c", page) if f["rule"] == "lantern-c/link-original"]
    assert found[0]["fix"] == "Put the link on top.", found
