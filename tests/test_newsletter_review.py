"""A nonprofit newsletter and print producer's review: a misspelt ``medium`` key is told; ``--fix`` puts the
credit inside the story's cell of an email's layout (not in an Outlook-only ghost cell, not below the footer,
not above the preheader); a newsletter extract's pointer to the full article is judged at the story's end;
sponsor lines, republication pixels and email platforms' tracking parameters. Real files through the real CLI."""

from __future__ import annotations

import pytest

from conftest import write

GR_URL = "https://www.globalresearch.ca/quiet-collapse-inshore-fleet/5881234"


def _gr_print(key_line: str) -> str:
    return (
        "---\n"
        f"original_url: {GR_URL}\n"
        "author: Teodor Vance\n"
        "original_published: 2026-10-02\n"
        "commercial: false\n"
        f"{key_line}"
        "---\n\n"
        "Twenty years ago the harbour at Low Cove held forty boats. This autumn it holds nine.\n\n"
        f"*The original source of this article is [Global Research]({GR_URL}).*\n"
        "Copyright © Teodor Vance, Global Research, 2026\n"
    )


def _findings(run) -> list[dict]:
    return run.json()["results"][0]["findings"]


@pytest.mark.parametrize("key", ["Medium", "medum", "MEDIUM", "media"])
def test_a_misspelt_medium_key_is_told(tmp_path, cli, key):
    """Unset, the medium is read as the web: a print reprint whose ``medium`` key is misspelt would pass as a
    web one, unasked for the permission print needs."""
    post = write(tmp_path / "gr.md", _gr_print(f"{key}: print\n"))
    run = cli("check", str(post), "--no-config", "--format", "json", cwd=tmp_path)
    told = [f for f in _findings(run) if f["rule"] == "reprint-guard/misspelt-key"]
    assert len(told) == 1, _findings(run)
    assert f"'{key}'" in told[0]["message"] and "'medium'" in told[0]["message"], told
    assert told[0]["line"] == 6


def test_a_written_medium_beside_a_near_key_is_not_told(tmp_path, cli):
    """``medium: web`` written in the file is set: a near key beside it is the writer's own."""
    post = write(tmp_path / "gr.md", _gr_print("medium: web\nMedia: [cover.jpg]\n"))
    run = cli("check", str(post), "--no-config", "--format", "json", cwd=tmp_path)
    assert run.code == 0, (run.out, run.err)
    assert "reprint-guard/misspelt-key" not in [f["rule"] for f in _findings(run)]
    post = write(tmp_path / "gr2.md", _gr_print("medium: web\nMedum: print\n"))
    run = cli("check", str(post), "--no-config", "--format", "json", cwd=tmp_path)
    assert "reprint-guard/misspelt-key" not in [f["rule"] for f in _findings(run)]


def test_a_media_key_listing_pictures_is_no_misspelt_medium(tmp_path, cli):
    post = write(tmp_path / "gr.md", _gr_print("media: [cover.jpg, map.png]\n"))
    run = cli("check", str(post), "--no-config", "--format", "json", cwd=tmp_path)
    assert "reprint-guard/misspelt-key" not in [f["rule"] for f in _findings(run)]
