"""A policy's ``host_aliases`` (hosts serving the same articles at the same paths), and the site's own photos
under a ``media`` rule of ``mode: permission``.

Real files through the real CLI (``python -m reprint_guard``, ``--format json`` and ``--diff``).
"""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, markdown, run_cli, write

KHN = "https://khn.org/news/article/rural-clinics-cut-evening-hours/"
KFF = "https://kffhealthnews.org/news/article/rural-clinics-cut-evening-hours/"


def _kff_reprint(original: str, linked: str) -> str:
    meta = {"author": "Marisol Chen", "original_url": original, "original_published": "2023-03-01", "commercial": False}
    body = (
        "\nBy Marisol Chen, KFF Health News\n\nThree clinics in the valley now close at 5 p.m.\n\n"
        f"This article was originally published by [KFF Health News]({linked}) and is republished under a "
        "[CC BY-NC-ND 4.0](https://creativecommons.org/licenses/by-nc-nd/4.0/) licence.\n"
    )
    return markdown(meta, body)


def _rules(path: Path, *args: str) -> tuple[int, list[str], list[dict]]:
    run = run_cli("check", str(path), "--format", "json", *args)
    assert run.code in (0, 1), run.err
    findings = [f for result in run.json()["results"] for f in result["findings"]]
    return run.code, [f["rule"] for f in findings], findings


# 1. host_aliases -------------------------------------------------------------------------------------------


def test_old_khn_original_linked_on_the_new_domain_passes(tmp_path):
    path = write(tmp_path / "khn.md", _kff_reprint(KHN, KFF))
    code, rules, _ = _rules(path)
    assert rules == [] and code == 0


def test_new_domain_original_linked_on_old_khn_passes(tmp_path):
    path = write(tmp_path / "kff.md", _kff_reprint(KFF, KHN))
    code, rules, _ = _rules(path)
    assert rules == [] and code == 0


def test_diff_leaves_a_link_on_the_alias_alone(tmp_path):
    for original, linked in ((KHN, KFF), (KFF, KHN)):
        text = _kff_reprint(original, linked)
        path = write(tmp_path / "khn.md", text)
        run = run_cli("check", str(path), "--diff")
        assert run.code == 0, run.out + run.err
        assert "+++" not in run.out, run.out  # nothing rewritten
        assert path.read_text(encoding="utf-8") == text


def test_another_path_on_the_alias_is_still_no_link_to_the_original(tmp_path):
    other = "https://kffhealthnews.org/news/article/another-story/"
    path = write(tmp_path / "khn.md", _kff_reprint(KHN, other))
    code, rules, findings = _rules(path)
    assert code == 1 and rules == ["kff-health-news/link-original"]
    assert KHN in findings[0]["fix"]  # the fix still leads to original_url


def test_a_subdomain_of_an_alias_is_no_alias(tmp_path):
    sub = KHN.replace("https://khn.org/", "https://es.khn.org/")
    path = write(tmp_path / "kff.md", _kff_reprint(KFF, sub))
    code, rules, _ = _rules(path)
    assert code == 1 and rules == ["kff-health-news/link-original"]


def test_global_voices_language_editions_are_not_aliases(tmp_path):
    """Global Voices' language subdomains serve different articles: a link to the same path on fr. is not the
    original (no host_aliases in its policy)."""
    original = "https://globalvoices.org/2026/11/02/fishers-count-the-cost/"
    meta = {"author": "Ana Ruiz", "original_url": original, "original_published": "2026-11-02", "commercial": False}
    body = (
        "\nThis story by Ana Ruiz originally appeared on [Global Voices]"
        f"({original.replace('//globalvoices.org', '//fr.globalvoices.org')}) on 2 November 2026, under a "
        "[CC BY 4.0](https://creativecommons.org/licenses/by/4.0/) licence.\n\nThe fishers counted the cost.\n"
    )
    path = write(tmp_path / "gv.md", markdown(meta, body))
    _, rules, _ = _rules(path)
    assert "global-voices/link-original" in rules


def test_only_kff_declares_host_aliases():
    import yaml

    declared = {}
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("host_aliases"):
            declared[data["id"]] = data["host_aliases"]
            assert "host_aliases" in data.get("notes", ""), path  # notes say why
    assert declared == {"kff-health-news": ["kffhealthnews.org", "khn.org"]}
    assert "Same articles at the same paths on: kffhealthnews.org, khn.org" in (
        ROOT / "docs" / "policies.md"
    ).read_text(encoding="utf-8")


ALIAS_POLICY = """id: harbour
name: Harbour terms
publisher: Harbour Herald
source_url: https://harbour.example/terms
applies_to: [harbour.example, harbourherald.example]
host_aliases: {aliases}
rules:
  - {{id: link-original, check: link, target: original, message: Link the original}}
"""


def test_a_users_policy_declares_host_aliases(tmp_path):
    write(tmp_path / "pol" / "harbour.yaml", ALIAS_POLICY.format(aliases="[harbour.example, harbourherald.example]"))
    meta = {"original_url": "https://harbourherald.example/2026/gulls", "policy": "harbour"}
    path = write(tmp_path / "a.md", markdown(meta, "\nGulls. [Harbour Herald](https://www.harbour.example/2026/gulls/)\n"))
    code, rules, _ = _rules(path, "--rules-dir", str(tmp_path / "pol"))
    assert code == 0 and rules == []
    write(tmp_path / "pol" / "harbour.yaml", ALIAS_POLICY.format(aliases="[]").replace("host_aliases: []\n", ""))
    code, rules, _ = _rules(path, "--rules-dir", str(tmp_path / "pol"))
    assert code == 1 and rules == ["harbour/link-original"]  # without the declaration: another site


def test_validate_refuses_bad_host_aliases(tmp_path):
    cases = {
        "[harbour.example, elsewhere.example]": "not covered by the policy's applies_to",
        "[harbour.example]": "host_aliases",
        "[harbour.example, 'https://harbourherald.example/']": "is not a host name",
        "[harbour.example, www.harbour.example]": "list each host once",
    }
    for aliases, said in cases.items():
        write(tmp_path / "pol" / "harbour.yaml", ALIAS_POLICY.format(aliases=aliases))
        run = run_cli("validate", str(tmp_path / "pol"))
        assert run.code != 0, aliases
        assert said in run.out + run.err, (aliases, run.out + run.err)
    write(tmp_path / "pol" / "harbour.yaml", ALIAS_POLICY.format(aliases="[harbour.example, harbourherald.example]"))
    assert run_cli("validate", str(tmp_path / "pol")).code == 0
