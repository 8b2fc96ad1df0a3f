"""The pre-commit hook, run by pre-commit itself against a temporary repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import COMPLIANT_BODY, COMPLIANT_META, GR_URL, ROOT, git, markdown

pytest.importorskip("pre_commit")


def hook_source(tmp_path: Path) -> Path:
    """A clean git copy of this project, as pre-commit would clone it from a remote."""
    if (ROOT / ".git").exists():
        source = tmp_path / "hook-repo"
        subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(source)], check=True)
        # Bring along uncommitted work so the test checks what is on disk.
        for rel in subprocess.run(
            ["git", "ls-files", "-m", "-o", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.splitlines():
            top = ROOT / Path(rel).parts[0]
            if (top / "pyvenv.cfg").exists() or not (ROOT / rel).is_file() or (ROOT / rel).is_symlink():
                continue  # a virtual environment made in the checkout is no work of ours
            target = source / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, target)
        git(source, "add", "-A")
        git(source, "commit", "-q", "--allow-empty", "-m", "work in progress")
        return source
    pytest.skip("not a git checkout")


def try_repo(tmp_path: Path, source: Path, site: Path, hook: str) -> subprocess.CompletedProcess[str]:
    """``pre-commit try-repo`` of one hook of this project on the staged files of ``site``."""
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("CI", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(source), hook, "--color", "never"],
        cwd=site,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def test_pre_commit_try_repo_checks_staged_reprints(tmp_path):
    source = hook_source(tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    git(site, "init", "-q")
    (site / "good.md").write_text(markdown(COMPLIANT_META, COMPLIANT_BODY), encoding="utf-8")
    (site / "bad.md").write_text(
        markdown(COMPLIANT_META, COMPLIANT_BODY.replace("Global Research", "GR")), encoding="utf-8"
    )
    (site / "notes.txt").write_text("not content\n", encoding="utf-8")
    (site / "package.json").write_text('{"name": "site", "version": "1.0.0"}\n', encoding="utf-8")

    git(site, "add", "good.md", "notes.txt", "package.json")  # a site's own JSON is no business of the hook
    passed = try_repo(tmp_path, source, site, "reprint-guard")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "reprint-guard" in passed.stdout and "Passed" in passed.stdout

    git(site, "add", "bad.md")
    failed = try_repo(tmp_path, source, site, "reprint-guard")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "Failed" in failed.stdout
    assert "bad.md" in failed.stdout and "global-research/source-credit" in failed.stdout
    assert "good.md" not in failed.stdout.split("Failed", 1)[1]  # only findings are listed

    git(site, "rm", "-q", "--cached", "bad.md")
    (site / "bad.md").rename(site / "bad.mkd")  # a suffix Jekyll reads, which pre-commit's types do not know
    git(site, "add", "bad.mkd")
    jekyll = try_repo(tmp_path, source, site, "reprint-guard")
    assert jekyll.returncode == 1 and "bad.mkd" in jekyll.stdout, jekyll.stdout + jekyll.stderr


def test_the_hook_checks_a_linked_post_as_the_action_does(tmp_path):
    """pre-commit tags a symbolic link "symlink" alone, which the hook's types left out: a commit of a link
    to a failing post, or to a file outside the repository, passed locally and failed in CI."""
    source = hook_source(tmp_path)
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    git(site, "init", "-q")
    (site / "_drafts").mkdir()
    bad = markdown(COMPLIANT_META, COMPLIANT_BODY.replace("Global Research", "GR"))
    (site / "_drafts" / "bad.md").write_text(bad, encoding="utf-8")
    (site / "_posts" / "2025-04-03-link.md").symlink_to("../_drafts/bad.md")
    git(site, "add", "_posts/2025-04-03-link.md")
    linked = try_repo(tmp_path, source, site, "reprint-guard")
    assert linked.returncode == 1, linked.stdout + linked.stderr
    assert "2025-04-03-link.md" in linked.stdout and "global-research/source-credit" in linked.stdout
    git(site, "rm", "-q", "--cached", "_posts/2025-04-03-link.md")
    outside = tmp_path / "secret.md"
    outside.write_text("token\n", encoding="utf-8")
    (site / "_posts" / "2025-04-04-escape.md").symlink_to(outside)
    git(site, "add", "_posts/2025-04-04-escape.md")
    escaped = try_repo(tmp_path, source, site, "reprint-guard")
    assert escaped.returncode == 1 and "- exit code: 2" in escaped.stdout, escaped.stdout + escaped.stderr
    assert "a symbolic link out of the repository" in escaped.stdout and "token" not in escaped.stdout
    git(site, "rm", "-q", "--cached", "_posts/2025-04-04-escape.md")
    (site / "docs").mkdir()
    (site / "docs" / "index.md").write_text("# Docs\n", encoding="utf-8")
    (site / "_posts" / "archive.md").symlink_to("../docs")  # a linked folder named like a post
    git(site, "add", "docs/index.md", "_posts/archive.md")
    folder = try_repo(tmp_path, source, site, "reprint-guard")
    assert folder.returncode == 0, folder.stdout + folder.stderr


def test_the_json_hook_checks_cms_envelopes(tmp_path):
    import json

    source = hook_source(tmp_path)
    site = tmp_path / "site"
    (site / "exports").mkdir(parents=True)
    git(site, "init", "-q")
    bad = {"metadata": COMPLIANT_META, "body": COMPLIANT_BODY.replace("Global Research", "GR")}
    (site / "exports" / "story.json").write_text(json.dumps(bad, default=str), encoding="utf-8")
    git(site, "add", "exports/story.json")
    run = try_repo(tmp_path, source, site, "reprint-guard-json")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "story.json" in run.stdout and "global-research/source-credit" in run.stdout


def test_the_hook_checks_a_staged_sidecars_article_and_keeps_to_the_configs_include(tmp_path):
    """A staged NAME.meta.yaml has its article checked; a staged page outside the config's include is
    left alone, as CI (the Action, a folder walk) leaves it."""
    import json

    source = hook_source(tmp_path)
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "layouts").mkdir()
    git(site, "init", "-q")
    (site / ".reprint-guard.yaml").write_text('include: ["content/**"]\nfail-on: warning\n', encoding="utf-8")
    (site / "content" / "page.html").write_text(f"<p>{COMPLIANT_BODY}</p>\n", encoding="utf-8")
    meta = {**COMPLIANT_META, "commercial": True}
    sidecar = "".join(f"{k}: {json.dumps(v, default=str)}\n" for k, v in meta.items())
    (site / "content" / "page.meta.yaml").write_text(sidecar, encoding="utf-8")
    layout = '<html><head><link rel="canonical" href="{{ .Permalink }}"></head><body>{{ .Content }}</body></html>\n'
    (site / "layouts" / "base.html").write_text(layout, encoding="utf-8")  # a warning, were it checked
    git(site, "add", ".reprint-guard.yaml", "layouts/base.html")
    left_alone = try_repo(tmp_path, source, site, "reprint-guard")
    assert left_alone.returncode == 0, left_alone.stdout + left_alone.stderr
    git(site, "add", "content/page.meta.yaml")
    unstaged = try_repo(tmp_path, source, site, "reprint-guard")  # the page itself is not in the commit
    assert unstaged.returncode == 1 and "- exit code: 2" in unstaged.stdout, unstaged.stdout + unstaged.stderr
    said = "content/page.html: not in the commit, but its metadata sidecar is: stage it and commit it (git add "
    assert said in unstaged.stdout, unstaged.stdout
    git(site, "add", "content/page.html")
    run = try_repo(tmp_path, source, site, "reprint-guard")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "content/page.html" in run.stdout and "global-research/commercial-permission" in run.stdout


def test_the_hook_reads_no_sidecar_the_commit_does_not_hold(tmp_path):
    """A page staged without its sidecar passed the hook on the sidecar's metadata, read from the working
    folder, while the commit held the page with none (no reprint, then, to CI); an untracked sidecar saying
    commercial: true blocked a commit it was no part of."""
    import json

    source = hook_source(tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    git(site, "init", "-q")
    page = (
        f'<p>Story.</p>\n<p>The original source of this article is <a href="{GR_URL}">Global Research</a></p>\n'
        "<p>Copyright © Ana Ruiz, Global Research, 2024</p>\n"
    )
    (site / "page.html").write_text(page, encoding="utf-8")
    sidecar = "".join(f"{k}: {json.dumps(v, default=str)}\n" for k, v in COMPLIANT_META.items())
    (site / "page.meta.yaml").write_text(sidecar, encoding="utf-8")
    git(site, "add", "page.html")
    run = try_repo(tmp_path, source, site, "reprint-guard")
    assert run.returncode == 1 and "- exit code: 2" in run.stdout, run.stdout + run.stderr
    assert "page.meta.yaml: the metadata sidecar of page.html, not in the commit" in run.stdout, run.stdout
    git(site, "add", "page.meta.yaml")
    staged = try_repo(tmp_path, source, site, "reprint-guard")
    assert staged.returncode == 0, staged.stdout + staged.stderr
