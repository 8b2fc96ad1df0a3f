"""--fix and --diff are as safe as the check: they read, show and write no more than it reads, and a file they
cannot fix leaves the report of the others whole. Real files, real git, the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import git, write

GR_URL = "https://www.globalresearch.ca/tidewater-ferry-levy/5890011"
GR_FRONT = (
    f"---\ntitle: Tidewater towns weigh a ferry levy\noriginal_url: {GR_URL}\nauthor: Ines Calloway\n"
    "original_published: 2025-04-02\ncommercial: false\nmedium: web\n---\n"
)
#: A Global Research reprint lacking its credit: --fix inserts the source line and the copyright notice.
UNCREDITED = GR_FRONT + "\n# Tidewater towns weigh a ferry levy\n\nThree island councils met on Tuesday.\n"


def _repository(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    return repo


# 1. A symbolic link out of the repository ---------------------------------------------------------------


@pytest.mark.parametrize("how", [("site",), ("--force-include", "site/out.md")])
@pytest.mark.parametrize("mode", ["--fix", "--diff"])
def test_fix_and_diff_never_read_through_a_link_out_of_the_repository(tmp_path, cli, how, mode):
    """A walk (and --force-include) refuses a link leading out of the repository, unread; --fix read the
    file it leads to, printed it in a patch and overwrote it, wherever it was."""
    outside = write(tmp_path / "outside" / "secret.md", UNCREDITED)
    repo = _repository(tmp_path)
    (repo / "site").mkdir()
    (repo / "site" / "out.md").symlink_to(outside)
    before = outside.read_bytes()
    plain = cli("check", "--no-config", *how, cwd=repo)
    run = cli("check", "--no-config", *how, mode, cwd=repo)
    assert outside.read_bytes() == before
    assert run.code == plain.code == 2, (run.out, run.err)
    assert run.out == ("" if mode == "--diff" else plain.out), run.out  # no patch: nothing of it shown
    said = f"site/out.md: a symbolic link out of the repository ({outside}): not read"
    assert said in (plain.out + plain.err), plain.out
    assert (run.out + run.err).count(said) == 1, (run.out, run.err)
    assert "Three island councils" not in run.out + run.err and "fixed" not in run.err


def test_fix_still_fixes_a_link_named_on_the_command_line(tmp_path, cli):
    """Named without --force-include, a link is the user's, read by the check: --fix writes where it leads,
    as before."""
    outside = write(tmp_path / "outside" / "story.md", UNCREDITED)
    repo = _repository(tmp_path)
    (repo / "story.md").symlink_to(outside)
    run = cli("check", "--no-config", "story.md", "--fix", cwd=repo)
    assert run.code == 0, (run.out, run.err)
    assert "Global Research" in outside.read_text(encoding="utf-8")
