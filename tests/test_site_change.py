"""A change to a site file (a Hugo section's ``_index.md`` cascade, the site's config, Jekyll's ``_config.yml``)
checks the pages it reaches: in the Action's changed-only run, in the pre-commit hook (``--staged``), and when
the file is named on the command line. Real git repositories, the real command line and Action script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import COMPLIANT_BODY, COMPLIANT_META, ROOT, git, markdown
from test_action import commit_to_pull_request, make_pull_request, outputs, run_action

#: A Global Research reprint that leaves ``commercial`` to its section: fine on a community site, an error of
#: global-research/commercial-permission on a commercial one.
PAGE = markdown({key: value for key, value in COMPLIANT_META.items() if key != "commercial"}, COMPLIANT_BODY)
#: The same page with an error of its own the base already had (no author: the copyright notice is unchecked).
OLD = markdown({k: v for k, v in COMPLIANT_META.items() if k not in ("commercial", "author")}, COMPLIANT_BODY)


def _index(commercial: bool, title: str = "News") -> str:
    return f"---\ntitle: {title}\ncascade:\n  medium: web\n  commercial: {str(commercial).lower()}\n---\nOur news.\n"


def _hugo(index: str, config: str = 'baseURL = "https://ledger.example/"\n') -> dict[str, str]:
    return {
        "hugo.toml": config,
        "content/news/_index.md": index,
        "content/news/a.md": PAGE,
        "content/news/old.md": OLD,
        "content/blog/b.md": PAGE,
        "content/blog/_index.md": _index(False, "Blog"),
    }


def _annotations(run: subprocess.CompletedProcess[str], level: str = "error") -> list[str]:
    return [line for line in run.stdout.splitlines() if line.startswith(f"::{level} ")]


def test_a_pull_request_flipping_a_sections_cascade_to_commercial_fails_on_its_pages(tmp_path):
    repo, env = make_pull_request(tmp_path, {"content/news/_index.md": _index(True)}, _hugo(_index(False)))
    run = run_action(repo, env)
    assert run.returncode == 1, run.stdout + run.stderr
    errors = _annotations(run)
    told = [line for line in errors if "global-research/commercial-permission" in line]
    # Each page of the section is told, at the cascade's line that makes it commercial, naming the page.
    assert {"content/news/a.md" in line for line in told} == {True, False}
    assert any("(in content/news/a.md," in line for line in told) and any(
        "(in content/news/old.md," in line for line in told
    )
    assert all("file=content/news/_index.md,line=5," in line for line in told)
    # The page the section does not reach is not checked, nor is the error old.md had at the base told.
    assert "blog/b.md" not in run.stdout
    assert not any("copyright-notice" in line for line in errors)
    assert "1 changed file and 2 pages a changed site file reaches" in run.stdout
    sarif = json.loads((repo / outputs(tmp_path)["sarif"]).read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    held = [r for r in results if r["ruleId"] == "global-research/copyright-notice"]
    assert held and all(r.get("suppressions") for r in held)  # listed as suppressed (already at the base)
    assert outputs(tmp_path)["errors"] == "2"


def test_the_same_pull_request_without_the_flip_checks_no_page(tmp_path):
    repo, env = make_pull_request(tmp_path, {"content/news/_index.md": _index(False, "Latest")}, _hugo(_index(False)))
    run = run_action(repo, env)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "a changed site file reaches" not in run.stdout and "1 changed file" in run.stdout
    assert "content/news/a.md" not in run.stdout


def test_a_config_cascade_reaches_every_page_of_the_content_folder(tmp_path):
    config = 'baseURL = "https://ledger.example/"\n[cascade]\ncommercial = true\n'
    base = _hugo(_index(False))
    base["content/blog/_index.md"] = "---\ntitle: Blog\n---\n"  # the blog's pages take commercial from the config
    repo, env = make_pull_request(tmp_path, {"hugo.toml": config}, base)
    run = run_action(repo, env)
    assert run.returncode == 1, run.stdout + run.stderr
    told = [line for line in _annotations(run) if "commercial-permission" in line]
    assert len(told) == 1 and "file=hugo.toml,line=3," in told[0] and "(in content/blog/b.md," in told[0]
    # The news section's own cascade (commercial: false) wins over the config's: its pages pass, checked.
    assert "0 changed files and 3 pages a changed site file reaches" in run.stdout


def test_a_jekyll_default_set_turned_commercial_fails_on_its_posts(tmp_path):
    config = "title: Ledger\ndefaults:\n  - scope: {path: _posts}\n    values: {medium: web, commercial: %s}\n"
    base = {
        "_config.yml": config % "false",
        "_posts/2026-01-02-a.md": PAGE,
        "about.md": PAGE.replace("medium: web", "medium: web\ncommercial: false"),
    }
    repo, env = make_pull_request(tmp_path, {"_config.yml": config % "true"}, base)
    run = run_action(repo, env)
    assert run.returncode == 1, run.stdout + run.stderr
    told = [line for line in _annotations(run) if "commercial-permission" in line]
    assert len(told) == 1 and "file=_config.yml,line=4," in told[0] and "2026-01-02-a.md" in told[0]
    assert "about.md" not in run.stdout  # a page the set's scope does not take in


def test_a_page_reached_is_held_to_the_base_with_new_findings_only_too(tmp_path):
    repo, env = make_pull_request(tmp_path, {"content/news/_index.md": _index(True)}, _hugo(_index(False)))
    run = run_action(repo, env, **{"new-findings-only": "true"})
    assert run.returncode == 1, run.stdout + run.stderr
    errors = _annotations(run)
    assert sum("commercial-permission" in line for line in errors) == 2
    assert not any("copyright-notice" in line for line in errors)


def _staged_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    files = _hugo(_index(False))
    files["content/blog/_index.md"] = "---\ntitle: Blog\n---\n"  # the blog's pages take commercial from the config
    for name, text in files.items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    git(site, "init", "-q", "-b", "main")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "base")
    return site


def _check(site: Path, *args: str, **environ: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1", **environ}
    return subprocess.run(
        [sys.executable, "-m", "reprint_guard", "check", "--no-progress", *args],
        cwd=site,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_staged_site_files_bring_their_pages(tmp_path):
    site = _staged_site(tmp_path)
    (site / "content/news/_index.md").write_text(_index(True), encoding="utf-8")
    git(site, "add", "-A")
    run = _check(site, "--force-include", "--staged", "content/news/_index.md")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "content/news/a.md" in run.stdout and "content/news/old.md" in run.stdout
    assert "content/blog/b.md" not in run.stdout and "copyright-notice" not in run.stdout  # held to HEAD
    assert "1 finding suppressed (1 already in the baseline commit)" in run.stdout

    # The working copy differs from the commit's: an error at the site file, not pages read with the wrong values.
    (site / "content/news/_index.md").write_text(_index(False), encoding="utf-8")
    unstaged = _check(site, "--force-include", "--staged", "content/news/_index.md")
    assert unstaged.returncode == 2 and "Traceback" not in unstaged.stderr
    assert "content/news/_index.md: the site file has changes that are not staged" in unstaged.stderr

    # Staged back as HEAD has it: no page is brought.
    git(site, "add", "-A")
    same = _check(site, "--force-include", "--staged", "content/news/_index.md")
    assert same.returncode == 0 and "a.md" not in same.stdout, same.stdout + same.stderr

    # A staged config cascade reaches the whole content folder.
    (site / "hugo.toml").write_text('baseURL = "https://ledger.example/"\n[cascade]\ncommercial = true\n')
    git(site, "add", "-A")
    config = _check(site, "--force-include", "--staged", "hugo.toml")
    assert config.returncode == 1, config.stdout + config.stderr
    assert "content/blog/b.md\n  hugo.toml:3:" in config.stdout and "commercial-permission" in config.stdout
    assert "content/news/a.md" not in config.stdout  # its section's commercial: false is nearer: it passes
    assert "in 3 files" in config.stdout


def test_naming_a_site_config_checks_its_pages_and_another_config_nothing(tmp_path):
    site = _staged_site(tmp_path)
    named = _check(site, "hugo.toml", "--format", "json")
    assert named.returncode == 1, named.stdout + named.stderr  # old.md's own error
    paths = {result["path"] for result in json.loads(named.stdout)["results"]}
    assert paths == {"content/news/a.md", "content/news/old.md", "content/blog/b.md"}

    (site / "tools").mkdir()
    (site / "tools/config.yaml").write_text("retries: 3\n", encoding="utf-8")
    (site / "config.json").write_text('{"retries": 3}\n', encoding="utf-8")  # no baseURL: another tool's
    git(site, "add", "-A")
    hook = _check(site, "--force-include", "--staged", "tools/config.yaml")
    assert hook.returncode == 0, hook.stdout + hook.stderr
    assert "0 files" in hook.stdout and "Traceback" not in hook.stderr
    # A JSON file is read as what it is, as before site files were: this one no reprint, passed over as such.
    hook = _check(site, "--force-include", "--staged", "config.json")
    assert hook.returncode == 0, hook.stdout + hook.stderr
    assert "1 skipped (not reprints)" in hook.stdout and "Traceback" not in hook.stderr
    plain = _check(site, "tools/config.yaml")
    assert plain.returncode == 2 and "tools/config.yaml: unknown file type" in plain.stdout + plain.stderr


def test_the_pre_commit_hook_checks_the_pages_a_staged_site_file_reaches(tmp_path):
    pytest.importorskip("pre_commit")
    from test_precommit import hook_source, try_repo

    source = hook_source(tmp_path)
    site = _staged_site(tmp_path)
    (site / "tools").mkdir()
    (site / "tools/config.yaml").write_text("retries: 3\n", encoding="utf-8")
    git(site, "add", "-A")
    other = try_repo(tmp_path, source, site, "reprint-guard")
    assert other.returncode == 0, other.stdout + other.stderr

    git(site, "commit", "-q", "-m", "tools")
    (site / "content/news/_index.md").write_text(_index(True), encoding="utf-8")
    git(site, "add", "content/news/_index.md")
    failed = try_repo(tmp_path, source, site, "reprint-guard")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "content/news/a.md" in failed.stdout and "global-research/commercial-permission" in failed.stdout
    assert "content/blog/b.md" not in failed.stdout and "copyright-notice" not in failed.stdout

    git(site, "reset", "-q", "--hard")
    (site / "hugo.toml").write_text('baseURL = "https://ledger.example/"\n[cascade]\ncommercial = true\n')
    git(site, "add", "hugo.toml")
    config = try_repo(tmp_path, source, site, "reprint-guard")
    assert config.returncode == 1, config.stdout + config.stderr
    assert "content/blog/b.md" in config.stdout and "global-research/commercial-permission" in config.stdout


def test_a_deleted_sections_cascade_brings_its_pages(tmp_path):
    base = _hugo(_index(False))
    base["content/news/old.md"] = PAGE
    repo, env = make_pull_request(tmp_path, {}, base, deleted=("content/news/_index.md",))
    run = run_action(repo, env, **{"fail-on": "warning"})
    # Without the section's commercial: false, its pages no longer say whether the site is commercial.
    assert run.returncode == 1, run.stdout + run.stderr
    assert "0 changed files and 2 pages a changed site file reaches" in run.stdout
    warned = [line for line in _annotations(run, "warning") if "'commercial' is not set" in line]
    assert sorted(line.split(",", 1)[0] for line in warned) == [
        "::warning file=content/news/a.md",
        "::warning file=content/news/old.md",
    ]


def test_a_staged_jekyll_config_brings_the_documents_its_defaults_reach(tmp_path):
    site = tmp_path / "site"
    config = "title: Ledger\ndefaults:\n  - scope: {path: _posts}\n    values: {medium: web, commercial: %s}\n"
    for name, text in {"_config.yml": config % "false", "_posts/2026-01-02-a.md": PAGE, "about.md": PAGE}.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    (site / "_posts/2026-01-03-draft.md").write_text(PAGE, encoding="utf-8")  # untracked: not the commit's
    git(site, "init", "-q", "-b", "main")
    git(site, "add", "_config.yml", "_posts/2026-01-02-a.md", "about.md")
    git(site, "commit", "-q", "-m", "base")
    (site / "_config.yml").write_text(config % "true", encoding="utf-8")
    git(site, "add", "_config.yml")
    run = _check(site, "--force-include", "--staged", "_config.yml", "--format", "json")
    assert run.returncode == 1, run.stdout + run.stderr
    results = {result["path"]: result for result in json.loads(run.stdout)["results"]}
    # Every document of the site the config gives values to (as check reads it), not the untracked draft.
    assert set(results) == {"_posts/2026-01-02-a.md", "about.md"}
    (finding,) = [f for f in results["_posts/2026-01-02-a.md"]["findings"] if not f.get("suppressed")]
    assert finding["rule"] == "global-research/commercial-permission" and finding["file"] == "_config.yml"
    # about.md, out of the set's scope, has what it had at HEAD: held, it passes.
    assert results["about.md"]["status"] == "pass" and results["about.md"]["findings"]
    assert all(f["suppressed"]["kind"] == "baseline" for f in results["about.md"]["findings"])


def test_the_hooks_config_holds_the_pages_at_head_too(tmp_path):
    """A config the hook names (``args: [--config, ...]``, none to discover) is the one HEAD's copies are checked
    with: its print medium's finding, there at HEAD, is held; read with no config, it would be new."""
    site = _staged_site(tmp_path)
    (site / "cfg").mkdir()
    (site / "cfg/reprints.yaml").write_text(
        "overrides:\n  - paths: ['content/**']\n    metadata: {medium: print}\n", encoding="utf-8"
    )
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "config")
    (site / "hugo.toml").write_text('baseURL = "https://ledger.example/"\n[cascade]\ncommercial = false\n')
    git(site, "add", "hugo.toml")
    run = _check(site, "--config", "cfg/reprints.yaml", "--force-include", "--staged", "hugo.toml", "--format", "json")
    assert run.returncode == 0, run.stdout + run.stderr
    blog = next(r for r in json.loads(run.stdout)["results"] if r["path"] == "content/blog/b.md")
    printed = [f for f in blog["findings"] if "print" in f["rule"] or "print" in f["message"].lower()]
    assert printed and all(f["suppressed"]["kind"] == "baseline" for f in printed), blog["findings"]


def test_the_hooks_files_take_in_the_site_configs_and_no_other_settings():
    import re

    import yaml

    (hook,) = [h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text()) if h["id"] == "reprint-guard"]
    files = re.compile(hook["files"])
    admitted = ["hugo.toml", "site/hugo.YAML", "config.json", "config/_default/params.toml"]
    admitted += ["config/production/hugo.yml", "_config.yml", "docs/_config.yaml", "content/news/_index.md"]
    assert [name for name in admitted if not files.search(name)] == []
    refused = ["package.json", "settings.yaml", "myconfig.toml", "config/app/db.yml", "hugo.toml.bak"]
    assert [name for name in refused if files.search(name)] == []
    assert {"toml", "json"} <= set(hook["types_or"])  # pre-commit tags hugo.toml toml, config.json json


def test_a_full_run_failing_on_new_findings_holds_a_reached_page_to_the_base(tmp_path):
    repo, env = make_pull_request(tmp_path, {"content/news/_index.md": _index(True)}, _hugo(_index(False)))
    run = run_action(repo, env, **{"changed-only": "false", "new-findings-only": "true"})
    assert run.returncode == 1, run.stdout + run.stderr
    errors = _annotations(run)
    assert sum("commercial-permission" in line for line in errors) == 2
    assert not any("copyright-notice" in line for line in errors)  # old.md's, there at the base

    (tmp_path / "again").mkdir()
    title = {"content/news/_index.md": _index(False, "Latest")}
    again, env = make_pull_request(tmp_path / "again", title, _hugo(_index(False)))
    same = run_action(again, env, **{"changed-only": "false", "new-findings-only": "true"})
    assert same.returncode == 0, same.stdout + same.stderr


def test_a_baseline_commit_keeps_comparing_pages_whose_index_changed_its_title_alone(tmp_path):
    site = _staged_site(tmp_path)
    args = ("--baseline-commit", "HEAD", "--format", "json", "content")
    (site / "content/news/_index.md").write_text(_index(False, "Latest news"), encoding="utf-8")
    title = _check(site, *args)
    assert title.returncode == 0, title.stdout + title.stderr  # old.md's error is the commit's still
    (site / "content/news/_index.md").write_text(_index(True, "Latest news"), encoding="utf-8")
    flipped = _check(site, *args)
    assert flipped.returncode == 1, flipped.stdout + flipped.stderr
    # The commit's copy of old.md is read with the commit's _index.md (not commercial): its copyright-notice
    # error is the commit's, held; the commercial-permission error the flip brings is new, on both pages.
    results = {r["path"]: r for r in json.loads(flipped.stdout)["results"]}
    for page in ("content/news/old.md", "content/news/a.md"):
        standing = [f["rule"] for f in results[page]["findings"] if not f.get("suppressed")]
        assert standing == ["global-research/commercial-permission"], (page, results[page])
    held = [f for f in results["content/news/old.md"]["findings"] if f.get("suppressed")]
    assert [f["rule"] for f in held] == ["global-research/copyright-notice"]
    assert held[0]["suppressed"]["kind"] == "baseline"
    assert held[0]["suppressed"]["reason"].startswith("already in the baseline commit (HEAD, ")


@pytest.mark.parametrize(
    "config", ["config/_default/hugo.toml", "config/_default/config.toml", "config/production/hugo.toml"]
)
def test_a_cascade_in_the_config_folder_reaches_the_sites_pages(tmp_path, config):
    # config/_default/ holds a hugo.toml, but is no site's root: the site is two levels up, its content folder there.
    base = {config: 'baseURL = "https://ledger.example/"\n', "content/news/a.md": PAGE}
    if config.startswith("config/production"):
        base["hugo.toml"] = 'baseURL = "https://ledger.example/"\n'
    head = {config: 'baseURL = "https://ledger.example/"\n[cascade]\ncommercial = true\n'}
    repo, env = make_pull_request(tmp_path, head, base)
    run = run_action(repo, env)
    assert run.returncode == 1, run.stdout + run.stderr
    told = [line for line in _annotations(run) if "commercial-permission" in line]
    assert len(told) == 1 and f"file={config},line=3," in told[0] and "(in content/news/a.md," in told[0]
    assert "0 changed files and 1 page a changed site file reaches" in run.stdout

    git(repo, "checkout", "-q", "main")
    (repo / config).write_text(head[config], encoding="utf-8")
    git(repo, "add", "-A")
    for args in (["--force-include", "--staged", config], [config]):
        hook = _check(repo, *args)
        assert hook.returncode == 1, hook.stdout + hook.stderr
        assert f"content/news/a.md\n  {config}:3:" in hook.stdout and "in 1 file" in hook.stdout


@pytest.mark.parametrize("name", ["config", "hugo"])
def test_a_cms_envelope_named_like_a_config_is_checked_as_the_article_it_is(tmp_path, name):
    site = _staged_site(tmp_path)
    meta = {key: value for key, value in COMPLIANT_META.items() if key != "commercial"}
    envelope = {"metadata": {**meta, "commercial": True}, "body": COMPLIANT_BODY}
    (site / "articles").mkdir()
    (site / f"articles/{name}.json").write_text(json.dumps(envelope), encoding="utf-8")
    git(site, "add", "-A")
    hook = _check(site, "--force-include", "--staged", f"articles/{name}.json")
    assert hook.returncode == 1, hook.stdout + hook.stderr
    assert f"articles/{name}.json" in hook.stdout and "commercial-permission" in hook.stdout
    assert "in 1 file" in hook.stdout


def test_a_checkout_in_a_subfolder_holds_the_reached_pages_to_the_base(tmp_path):
    # actions/checkout with `path: site`: the workspace above the repository. The pages' findings at the base,
    # the cascade's own (named at the _index.md) and the page's, are held: the change brings none.
    head = {"content/news/_index.md": _index(True).replace("  medium: web\n", "  medium: web\n  sponsored: false\n")}
    repo, env = make_pull_request(tmp_path, head, _hugo(_index(True)))
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    repo.rename(workspace / "site")
    env["GITHUB_WORKSPACE"] = str(workspace)
    run = run_action(workspace, env, paths="site")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 changed file and 2 pages a changed site file reaches" in run.stdout
    assert "could not be checked out" not in run.stdout and not _annotations(run)


def _harbour_herald_policy() -> str:
    # README's complete policy of a repository's own (its "A complete policy" section).
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("```yaml\nid: harbour-herald") + len("```yaml\n")
    return text[start : text.index("```", start)]


def test_the_hooks_own_options_check_the_heads_copy_too(tmp_path):
    # Hook args (--rules-dir, --meta) change findings: HEAD's copy of a reached page is checked with them too,
    # so what it had there is held, not told as the staged cascade's.
    site = _staged_site(tmp_path)
    (site / "policies").mkdir()
    (site / "policies/harbour-herald.yaml").write_text(_harbour_herald_policy(), encoding="utf-8")
    tides = "---\ntitle: Tides\nauthor: Jo\noriginal_url: https://harbourherald.example/tides\n---\n"
    tides += "The tide came in. An exclusive story.\n\nSee [the original](https://harbourherald.example/tides).\n"
    (site / "content/news/tides.md").write_text(tides, encoding="utf-8")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "policies")
    index = _index(False).replace("  medium: web\n", "  medium: web\n  sponsored: false\n")
    (site / "content/news/_index.md").write_text(index, encoding="utf-8")
    git(site, "add", "-A")
    staged = ["--force-include", "--staged", "content/news/_index.md"]
    for args in (["--rules-dir", "policies"], ["--meta", "commercial=true"]):
        head = _check(site, *args, "content/news/tides.md", "content/news/a.md")
        assert head.returncode == 1, head.stdout + head.stderr  # the findings the pages have at HEAD already
        hook = _check(site, *args, *staged)
        assert hook.returncode == 0, hook.stdout + hook.stderr
        assert "already in the baseline commit" in hook.stdout


def test_a_change_to_the_target_of_a_linked_hugo_config_reaches_its_pages(tmp_path):
    # hugo.toml a symbolic link to conf/site.toml: the pull request edits the target, which is the config's change.
    config = 'baseURL = "https://ledger.example/"\n[cascade]\ncommercial = %s\n'
    base = {"conf/site.toml": config % "false", "content/news/a.md": PAGE}
    repo, env = make_pull_request(tmp_path, {"conf/site.toml": config % "true"}, base)
    base_sha = git(repo, "rev-parse", "main")
    git(repo, "checkout", "-q", "main")
    (repo / "hugo.toml").symlink_to("conf/site.toml")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "link")
    git(repo, "checkout", "-q", "reprints")
    git(repo, "rebase", "-q", "main")
    event = {"pull_request": {"number": 7, "base": {"sha": git(repo, "rev-parse", "main")}}}
    event["pull_request"]["head"] = {"sha": git(repo, "rev-parse", "HEAD")}
    assert event["pull_request"]["base"]["sha"] != base_sha
    Path(env["GITHUB_EVENT_PATH"]).write_text(json.dumps(event), encoding="utf-8")
    run = run_action(repo, env)
    assert run.returncode == 1, run.stdout + run.stderr
    told = [line for line in _annotations(run) if "commercial-permission" in line]
    assert len(told) == 1 and "file=hugo.toml,line=3," in told[0] and "(in content/news/a.md," in told[0]


@pytest.mark.parametrize(
    ("name", "before"),
    [
        ("hugo.toml", 'baseURL = "https://ledger.example/"\ntitle = "Ledger"\n'),
        ("_config.yml", "title: Ledger\ndefaults:\n  - scope: {path: ''}\n    values: {medium: web}\n"),
    ],
)
def test_a_config_edit_pages_do_not_read_reaches_no_page(tmp_path, name, before):
    # A title or a menu is nothing a page takes from its site: no page is walked or checked for it.
    edited = before.replace("Ledger", "The Ledger") + ("[menu]\nmain = []\n" if name == "hugo.toml" else "")
    base = {name: before, "content/news/a.md" if name == "hugo.toml" else "about.md": PAGE, "src/b.md": PAGE}
    repo, env = make_pull_request(tmp_path, {name: edited}, base)
    run = run_action(repo, env)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "a changed site file reaches" not in run.stdout and "0 changed files" in run.stdout

    # What a page reads from it (where the content folder is) still brings the pages.
    if name == "hugo.toml":
        git(repo, "checkout", "-q", "-b", "moved", "main")
        (repo / "hugo.toml").write_text(before + 'contentDir = "src"\n', encoding="utf-8")
        git(repo, "commit", "-q", "-am", "moved")
        event = json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text(encoding="utf-8"))
        event["pull_request"]["head"]["sha"] = git(repo, "rev-parse", "HEAD")
        Path(env["GITHUB_EVENT_PATH"]).write_text(json.dumps(event), encoding="utf-8")
        moved = run_action(repo, env)
        assert moved.returncode == 0, moved.stdout + moved.stderr
        assert "0 changed files and 1 page a changed site file reaches" in moved.stdout


@pytest.mark.parametrize(
    ("name", "before", "after", "told"),
    [
        # The same cascade through an alias: the values read alike, but the check refuses the alias
        (
            "hugo.yaml",
            "baseURL: https://ledger.example/\ncascade: {commercial: false}\n",
            "baseURL: https://ledger.example/\nkept: &c {commercial: false}\ncascade: *c\n",
            "YAML aliases",
        ),
        # cascade written twice, the last copy the one the base had: the check refuses the key written twice
        (
            "hugo.yaml",
            "baseURL: https://ledger.example/\ncascade: {commercial: false}\n",
            "baseURL: https://ledger.example/\ncascade: {commercial: true}\ncascade: {commercial: false}\n",
            "duplicate key 'cascade'",
        ),
    ],
)
def test_a_config_edit_the_check_refuses_reaches_its_pages(tmp_path, name, before, after, told):
    """A config whose values read as the base's did, but which the check no longer reads (an alias, a key
    written twice): its pages are reached, and the run stops at the file (it passed with no page checked)."""
    repo, env = make_pull_request(tmp_path, {name: after}, {name: before, "content/news/a.md": PAGE})
    run = run_action(repo, env)
    assert run.returncode == 2, run.stdout + run.stderr
    assert "1 page a changed site file reaches" in run.stdout
    assert any(told in line and f"file={name}," in line for line in _annotations(run)), run.stdout


def test_a_site_folder_left_out_of_archives_is_held_to_the_base_too(tmp_path):
    # A library's Jekyll site in docs/, `export-ignore`d (left out of its release tarballs): the base's copy of
    # its pages is checked still, and a page's own old error held.
    config = "title: Ledger\ndefaults:\n  - scope: {path: ''}\n    values: {commercial: false%s}\n"
    base = {".gitattributes": "/docs export-ignore\n", "docs/_config.yml": config % "", "docs/old.md": OLD}
    repo, env = make_pull_request(tmp_path, {"docs/_config.yml": config % ", medium: web"}, base)
    run = run_action(repo, env)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 changed files and 1 page a changed site file reaches" in run.stdout
    assert not _annotations(run) and "could not be checked out" not in run.stdout


def test_a_base_whose_site_file_does_not_read_holds_nothing_and_says_so(tmp_path):
    # The base's hugo.toml does not read: its pages' copies there were not checked, so nothing is held, and a
    # warning says why the old findings count.
    good = 'baseURL = "https://ledger.example/"\n[cascade]\nmedium = "web"\n'
    base = {"hugo.toml": 'baseURL = "https://ledger.example/"\n[cascade\n', "content/news/old.md": OLD}
    repo, env = make_pull_request(tmp_path, {"hugo.toml": good}, base)
    run = run_action(repo, env)
    assert run.returncode == 1, run.stdout + run.stderr
    assert any("copyright-notice" in line for line in _annotations(run))
    warned = [line for line in _annotations(run, "warning") if "could not be checked as" in line]
    assert len(warned) == 1 and "hugo.toml:2:" in warned[0] and "none of their findings there is held" in warned[0]

    git(repo, "checkout", "-q", "main")
    (repo / "hugo.toml").write_text(good, encoding="utf-8")
    git(repo, "add", "-A")
    hook = _check(repo, "--force-include", "--staged", "hugo.toml")
    assert hook.returncode == 1, hook.stdout + hook.stderr
    assert "reprint-guard: warning: a page a changed site file reaches could not be checked as HEAD" in hook.stderr


def test_the_base_copy_makes_no_symbolic_link(tmp_path):
    """The base's copy of a repository's text files holds no link: one to a file of the copy is that file's copy,
    any other (out of the copy, to a folder, to nothing, in a loop) is left out, so no file written after it can
    be led out of the copy by a link a pull request made."""
    from reprint_guard.reached import _copy_of

    repo = tmp_path / "repo"
    (repo / "shared").mkdir(parents=True)
    (repo / "a/b").mkdir(parents=True)
    (repo / "shared/story.md").write_text("---\ntitle: Shared\n---\nText.\n", encoding="utf-8")
    (repo / "a/b/story.md").symlink_to("../../shared/story.md")  # to a file of the copy
    (repo / "a/b/hop.md").symlink_to("story.md")  # to a link to a file of the copy
    (repo / "a/b/up.md").symlink_to("..")  # to a folder
    (repo / "a/b/out.md").symlink_to("up.md/../../..")  # read as written, inside; followed, out of the copy
    (repo / "a/b/abs.md").symlink_to("/etc/hostname")
    (repo / "a/b/none.md").symlink_to("missing.md")
    (repo / "a/b/loop.md").symlink_to("loop.md")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "links")
    copy = tmp_path / "copy"
    copy.mkdir()
    assert _copy_of("HEAD", str(repo), str(copy))
    made = sorted(str(path.relative_to(copy)) for path in copy.rglob("*") if path.is_file() or path.is_symlink())
    assert made == ["a/b/hop.md", "a/b/story.md", "shared/story.md"]
    assert not any(path.is_symlink() for path in copy.rglob("*"))
    assert (copy / "a/b/hop.md").read_text(encoding="utf-8") == (repo / "shared/story.md").read_text(encoding="utf-8")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["copy", "repo"]


def test_a_page_heads_copy_cannot_hold_is_warned_of_and_the_others_held(tmp_path):
    """A page whose name is too long for the temporary copy of HEAD (a deep temporary folder here) is left out of
    it, and said to be; the other pages are still held to HEAD (the whole copy was given up, unsaid)."""
    site = _staged_site(tmp_path)
    deep = site / "content/news"
    while len(str(deep)) < 3600:
        deep = deep / ("d" * 200)
    deep.mkdir(parents=True)
    (deep / "long.md").write_text(OLD, encoding="utf-8")
    (site / "content/news/extra.md").write_text(OLD, encoding="utf-8")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "two more pages with an old error")
    (site / "content/news/_index.md").write_text(_index(False, "Latest").replace("medium: web", "medium: web\n  x: 1"))
    git(site, "add", "-A")
    temporary = tmp_path / ("t" * 200) / ("t" * 200) / ("t" * 200)
    temporary.mkdir(parents=True)
    hook = ("--force-include", "--staged", "content/news/_index.md", "--format", "json")
    run = _check(site, *hook, TMPDIR=str(temporary))
    assert "Traceback" not in run.stderr
    assert "a page a changed site file reaches could not be copied as HEAD holds them (content/news/d" in run.stderr
    results = {result["path"]: result for result in json.loads(run.stdout)["results"]}
    extra = results["content/news/extra.md"]
    assert extra["findings"] and all(finding.get("suppressed") for finding in extra["findings"])
    long = next(result for path, result in results.items() if path.endswith("long.md"))
    assert long["findings"] and not any(finding.get("suppressed") for finding in long["findings"])


# A page the pull request changes itself under a changed site file, with new-findings-only ---------------------

_NEWS_OUTLET = _index(False).replace("  commercial: false\n", "  commercial: false\n  news_outlet: true\n")


@pytest.mark.parametrize("changed_only", ["true", "false"])
def test_new_findings_only_holds_a_changed_page_under_a_changed_cascade_to_its_base_copy(tmp_path, changed_only):
    """old.md edited in the pull request that changes its section's cascade: its copy at the base is read with
    the base's _index.md, and the copyright-notice error it had there is held, in a changed-only run as in a
    full one (a changed-only run took it as new, and failed)."""
    head = {"content/news/_index.md": _NEWS_OUTLET, "content/news/old.md": OLD + "\nMore words here.\n"}
    repo, env = make_pull_request(tmp_path, head, _hugo(_index(False)))
    run = run_action(repo, env, **{"changed-only": changed_only, "new-findings-only": "true"})
    assert run.returncode == 0, run.stdout + run.stderr
    assert not _annotations(run) and not _annotations(run, "warning"), run.stdout
    sarif = json.loads((repo / outputs(tmp_path)["sarif"]).read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    held = [r for r in results if r["ruleId"] == "global-research/copyright-notice"]
    assert len(held) == 1 and held[0]["suppressions"][0]["kind"] == "external", held
    assert "the pull request's base" in held[0]["suppressions"][0]["justification"]
    # Flipped to commercial as well: the flip's errors fail the step, on both pages; old.md's old one does not.
    (tmp_path / "flip").mkdir()
    head = {"content/news/_index.md": _index(True), "content/news/old.md": OLD + "\nMore words here.\n"}
    repo, env = make_pull_request(tmp_path / "flip", head, _hugo(_index(False)))
    run = run_action(repo, env, **{"changed-only": changed_only, "new-findings-only": "true"})
    assert run.returncode == 1, run.stdout + run.stderr
    errors = _annotations(run)
    assert sum("commercial-permission" in line for line in errors) == 2, errors
    assert not any("copyright-notice" in line for line in errors), errors


def test_new_findings_only_holds_a_page_whose_sidecar_the_pull_request_changed(tmp_path):
    """A pull request that only sets commercial: true in a page's sidecar fails on the one finding that brings,
    not on the three the page had at the base (its copy there read with the base's sidecar)."""
    meta = "".join(f"{key}: {json.dumps(value)}\n" for key, value in COMPLIANT_META.items())
    body = "# The harbour\n\nA long paragraph about a harbour, its workers and a sale.\n"
    base = {"content/post.md": body, "content/post.meta.yaml": meta}
    head = {"content/post.meta.yaml": meta.replace("commercial: false", "commercial: true")}
    repo, env = make_pull_request(tmp_path, head, base)
    run = run_action(repo, env, **{"new-findings-only": "true"})
    assert run.returncode == 1, run.stdout + run.stderr
    errors = _annotations(run)
    assert len(errors) == 1 and "global-research/commercial-permission" in errors[0], run.stdout
    assert "1 error, 0 warnings in 1 changed file" in run.stdout, run.stdout
    # The same change with the title alone: nothing new, the step passes.
    (tmp_path / "title").mkdir()
    head = {"content/post.meta.yaml": meta.replace("was sold", "was sold off")}
    repo, env = make_pull_request(tmp_path / "title", head, base)
    run = run_action(repo, env, **{"new-findings-only": "true", "changed-only": "false"})
    assert run.returncode == 0, run.stdout + run.stderr
    assert not _annotations(run), run.stdout


def test_the_hook_with_a_baseline_holds_a_staged_page_under_its_staged_cascade_to_head(tmp_path):
    """The pre-commit hook's entry with --baseline-commit HEAD: a commit that edits old.md and its section's
    cascade (news_outlet, which brings nothing) does not fail on the error old.md had at HEAD, its copy there
    read with HEAD's _index.md; a.md, reached, is held as it was. Flipped to commercial, the flip's errors fail."""
    site = _staged_site(tmp_path)
    (site / "content/news/_index.md").write_text(_NEWS_OUTLET, encoding="utf-8")
    (site / "content/news/old.md").write_text(OLD + "\nMore words here.\n", encoding="utf-8")
    git(site, "add", "-A")
    named = ("content/news/_index.md", "content/news/old.md")
    hook = ("--force-include", "--staged", "--baseline-commit", "HEAD", "--format", "json")
    run = _check(site, *hook, *named)
    assert run.returncode == 0, run.stdout + run.stderr
    results = {r["path"]: r for r in json.loads(run.stdout)["results"]}
    assert [(f["rule"], f["suppressed"]["kind"]) for f in results["content/news/old.md"]["findings"]] == [
        ("global-research/copyright-notice", "baseline")
    ]
    assert "content/news/a.md" in results
    (site / "content/news/_index.md").write_text(_index(True), encoding="utf-8")
    git(site, "add", "-A")
    flipped = _check(site, *hook, *named)
    assert flipped.returncode == 1, flipped.stdout + flipped.stderr
    results = {r["path"]: r for r in json.loads(flipped.stdout)["results"]}
    for page in ("content/news/old.md", "content/news/a.md"):
        standing = [f["rule"] for f in results[page]["findings"] if not f.get("suppressed")]
        assert standing == ["global-research/commercial-permission"], (page, results[page])


# A page moved into another section -------------------------------------------------------------------------------


def _moved_site() -> dict[str, str]:
    files = _hugo(_index(True))  # news is commercial, the blog not
    files["content/blog/old.md"] = OLD  # an error of its own (no author), and commercial left to its section
    return files


def test_a_baseline_commit_holds_a_page_moved_into_a_commercial_section_to_its_copy_at_its_old_place(tmp_path):
    """git mv of a page from the blog into the commercial news section, its text unchanged: the move brings a
    commercial-permission error. Its copy at the commit was read at its new place (the news cascade), which
    took that error as already there; read at its old place, with the blog's cascade, the error is new and its
    own old error (copyright-notice) held."""
    site = tmp_path / "site"
    for name, text in _moved_site().items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    git(site, "init", "-q", "-b", "main")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "base")
    git(site, "mv", "content/blog/old.md", "content/news/moved.md")
    run = _check(site, "content", "--baseline-commit", "main", "--format", "json")
    assert run.returncode == 1, run.stdout + run.stderr
    result = next(r for r in json.loads(run.stdout)["results"] if r["path"] == "content/news/moved.md")
    got = sorted((f["rule"], (f.get("suppressed") or {}).get("kind")) for f in result["findings"])
    assert got == [("global-research/commercial-permission", None), ("global-research/copyright-notice", "baseline")]


@pytest.mark.parametrize("changed_only", ["true", "false"])
def test_new_findings_only_fails_a_page_moved_into_a_commercial_section(tmp_path, changed_only):
    repo, env = make_pull_request(tmp_path, {"notes.txt": "Moving a page.\n"}, _moved_site())
    git(repo, "mv", "content/blog/old.md", "content/news/moved.md")
    commit_to_pull_request(repo, env, "move the page")
    run = run_action(repo, env, **{"changed-only": changed_only, "new-findings-only": "true"})
    assert run.returncode == 1, run.stdout + run.stderr
    errors = _annotations(run)
    assert len(errors) == 1 and "commercial-permission" in errors[0] and "content/news/moved.md" in errors[0], errors


def test_a_baseline_commit_fails_a_jekyll_post_renamed_into_a_defaults_scope_in_its_own_folder(tmp_path):
    """A default whose scope path is a prefix of file names (_posts/2024) makes a post commercial; a post renamed
    within _posts into it takes commercial: true. Its copy at the commit read at the new name took the error the
    rename brings as already there; read at its old name it is new."""
    config = 'title: Ledger\ndefaults:\n  - scope:\n      path: "_posts/2024"\n    values:\n      commercial: true\n'
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text(config, encoding="utf-8")
    (site / "_posts/2023-03-02-harbour.md").write_text(PAGE, encoding="utf-8")
    git(site, "init", "-q", "-b", "main")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "base")
    git(site, "mv", "_posts/2023-03-02-harbour.md", "_posts/2024-03-02-harbour.md")
    run = _check(site, "_posts", "--baseline-commit", "main", "--format", "json")
    assert run.returncode == 1, run.stdout + run.stderr
    [result] = json.loads(run.stdout)["results"]
    standing = [f["rule"] for f in result["findings"] if not f.get("suppressed")]
    assert standing == ["global-research/commercial-permission"], result


@pytest.mark.parametrize("named", [("hugo.toml",), ("--force-include", "content/news/_index.md")])
def test_a_site_file_named_with_a_baseline_commit_holds_its_pages_as_a_walk_does(tmp_path, named):
    """`check hugo.toml --baseline-commit main` (a site file named stands for its pages) after a cascade change
    that brings nothing: the pages it brings were left out of the pages compared with the commit (held to HEAD
    only with --staged), so old.md's old error failed the run that `check content` passes."""
    site = _staged_site(tmp_path)
    (site / "content/news/_index.md").write_text(_NEWS_OUTLET, encoding="utf-8")
    walked = _check(site, "content", "--baseline-commit", "main", "--format", "json")
    run = _check(site, *named, "--baseline-commit", "main", "--format", "json")
    for each in (walked, run):
        assert each.returncode == 0, each.stdout + each.stderr
        old = next(r for r in json.loads(each.stdout)["results"] if r["path"] == "content/news/old.md")
        assert [(f["rule"], f["suppressed"]["kind"]) for f in old["findings"]] == [
            ("global-research/copyright-notice", "baseline")
        ]
    (site / "content/news/_index.md").write_text(_index(True), encoding="utf-8")
    run = _check(site, *named, "--baseline-commit", "main", "--format", "json")
    assert run.returncode == 1, run.stdout + run.stderr
    old = next(r for r in json.loads(run.stdout)["results"] if r["path"] == "content/news/old.md")
    assert [f["rule"] for f in old["findings"] if not f.get("suppressed")] == ["global-research/commercial-permission"]


# A site file deleted ---------------------------------------------------------------------------------------------

_GONE_PAGE = markdown({k: v for k, v in COMPLIANT_META.items() if k != "commercial"}, COMPLIANT_BODY)


@pytest.mark.parametrize(
    ("files", "gone", "folder"),
    [
        (
            {
                "config/_default/hugo.toml": 'baseURL = "https://x.example/"\n[cascade]\ncommercial = false\n',
                "config/_default/menus.toml": "",
                "content/news/a.md": _GONE_PAGE,
            },
            "config/_default/hugo.toml",
            "content",
        ),
        (
            {
                "hugo.toml": 'baseURL = "https://x.example/"\n[cascade]\ncommercial = false\n',
                "content/news/a.md": _GONE_PAGE,
            },
            "hugo.toml",
            "content",
        ),
        (
            {
                "_config.yml": "defaults:\n  - scope: {path: ''}\n    values: {commercial: false}\n",
                "news/a.md": _GONE_PAGE,
            },
            "_config.yml",
            "news",
        ),
    ],
    ids=["config-folder", "hugo-toml", "jekyll"],
)
def test_a_baseline_commit_does_not_hold_what_a_deleted_site_config_brings(tmp_path, files, gone, folder):
    """The site's config that gave the page commercial: false, deleted since the commit: the page, unchanged, was
    held whole (the deleted file is none of its site files now, nor is a site left), so the warning the deletion
    brings ('commercial' is not set) passed a --fail-on warning run. Its copy is read with the commit's config."""
    site = tmp_path / "site"
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    git(site, "init", "-q", "-b", "main")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "base")
    args = (folder, "--baseline-commit", "main", "--format", "json", "--fail-on", "warning")
    assert _check(site, *args).returncode == 0
    git(site, "rm", "-q", gone)
    run = _check(site, *args)
    assert run.returncode == 1, run.stdout + run.stderr
    [result] = json.loads(run.stdout)["results"]
    assert [(f["rule"], f.get("suppressed")) for f in result["findings"]] == [("reprint-guard/missing-metadata", None)]


def test_new_findings_only_in_a_full_run_does_not_hold_what_a_deleted_site_config_brings(tmp_path):
    base = {
        "hugo.toml": 'baseURL = "https://x.example/"\n[cascade]\ncommercial = false\n',
        "content/news/a.md": _GONE_PAGE,
    }
    repo, env = make_pull_request(tmp_path, {}, base, deleted=("hugo.toml",))
    run = run_action(repo, env, **{"changed-only": "false", "new-findings-only": "true", "fail-on": "warning"})
    assert run.returncode == 1, run.stdout + run.stderr
    assert "::warning file=content/news/a.md," in run.stdout and "'commercial' is not set" in run.stdout


@pytest.mark.parametrize(
    ("files", "gone", "page"),
    [
        (
            {
                "config/_default/hugo.toml": 'baseURL = "https://x.example/"\n[cascade]\ncommercial = false\n',
                "config/_default/menus.toml": "",
                "content/news/a.md": _GONE_PAGE,
            },
            "config/_default/hugo.toml",
            "content/news/a.md",
        ),
        (
            {
                "hugo.toml": 'baseURL = "https://x.example/"\ncontentDir = "posts"\n[cascade]\ncommercial = false\n',
                "posts/news/a.md": _GONE_PAGE,
                "content/b.md": _GONE_PAGE.replace("medium: web", "medium: web\ncommercial: false"),
            },
            "hugo.toml",
            "posts/news/a.md",
        ),
        (
            {
                "_config.yml": "defaults:\n  - scope: {path: ''}\n    values: {commercial: false}\n",
                "news/a.md": _GONE_PAGE,
            },
            "_config.yml",
            "news/a.md",
        ),
    ],
    ids=["config-folder", "hugo-toml", "jekyll"],
)
def test_a_site_config_the_pull_request_deletes_brings_the_pages_it_reached_at_the_base(tmp_path, files, gone, page):
    """No site is left to tell which pages the deleted config reached (or the config folder's other files name
    none): its base copy says. The page, unchanged, loses commercial: false; the warning that brings fails the
    step at fail-on: warning (it passed with no page checked). The base's copy of the page, read with the base's
    config, had none of it: nothing is held."""
    repo, env = make_pull_request(tmp_path, {}, files, deleted=(gone,))
    run = run_action(repo, env, **{"fail-on": "warning"})
    assert run.returncode == 1, run.stdout + run.stderr
    assert f"::warning file={page}," in run.stdout and "'commercial' is not set" in run.stdout
    assert "0 changed files and 1 page a changed site file reaches" in run.stdout, run.stdout
    # An application's config.yaml deleted (no baseURL, no markup): no site's, it brings no page.
    (tmp_path / "app").mkdir()
    other = {"config.yaml": "port: 8080\n", "content/news/a.md": _GONE_PAGE}
    repo, env = make_pull_request(tmp_path / "app", {}, other, deleted=("config.yaml",))
    run = run_action(repo, env, **{"fail-on": "warning"})
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 changed files" in run.stdout and "reaches" not in run.stdout


def test_the_base_copy_holds_only_what_the_held_pages_reading_needs_and_reads_them_the_same(tmp_path, monkeypatch):
    """A commit's copy for a few held pages writes those pages, their sidecars, the index pages of their folders
    and the folders above them, and every other text file (configs, site files, policies), not the site's other
    pages: each page's findings there are those a copy of every text file gives."""
    from reprint_guard import reached

    config = 'baseURL = "https://ledger.example/"\n[cascade]\nmedium = "web"\n'
    meta = "".join(f"{key}: {json.dumps(value)}\n" for key, value in COMPLIANT_META.items() if key != "author")
    files = {
        ".reprint-guard.yaml": 'overrides:\n  - paths: ["content/blog/**"]\n    metadata: {commercial: true}\n',
        "hugo.toml": config,
        "content/news/_index.md": _index(True),
        "content/news/a.md": OLD,
        "content/news/b.md": COMPLIANT_BODY,
        "content/news/b.meta.yaml": meta,
        "content/news/trip/index.md": PAGE,  # a leaf bundle: notes.md is its resource
        "content/news/trip/notes.md": PAGE,
        "content/blog/c.md": PAGE,
        **{f"content/archive/p{n}.md": OLD for n in range(30)},
    }
    site = tmp_path / "site"
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    git(site, "init", "-q", "-b", "main")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "base")
    monkeypatch.chdir(site)
    pages = ["content/news/a.md", "content/news/b.md", "content/news/trip/notes.md", "content/blog/c.md"]
    needs = reached._reading_needs(pages)
    assert needs("content/news/_index.md") and needs("content/news/trip/index.md") and needs("hugo.toml")
    assert needs("content/news/b.meta.yaml") and needs(".reprint-guard.yaml")
    assert not needs("content/archive/p1.md") and not needs("content/news/trip/other.md")
    some = reached.base_findings("HEAD", pages, ".", [], looked_from=str(site))
    monkeypatch.setattr(reached, "_reading_needs", lambda pages: None)
    every = reached.base_findings("HEAD", pages, ".", [], looked_from=str(site))
    assert some == every and set(some) == set(pages)
    assert sum(sum(found.values()) for found in some.values()) >= 4  # findings to compare, not empty results


@pytest.mark.parametrize("content_dir", ["../outside", "../.."])
def test_a_deleted_site_configs_content_folder_out_of_the_repository_brings_nothing(tmp_path, content_dir):
    """The base copy's contentDir led out of the repository: the workspace's other files (another checkout, the
    runner's) were walked, read and annotated as pages the pull request's change reaches."""
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside/secret.md").write_text(_GONE_PAGE, encoding="utf-8")
    config = f'baseURL = "https://x.example/"\ncontentDir = "{content_dir}"\n'
    repo, env = make_pull_request(tmp_path, {}, {"hugo.toml": config, "content/a.md": OLD}, deleted=("hugo.toml",))
    run = run_action(repo, env, **{"fail-on": "warning"})
    assert run.returncode == 0, run.stdout + run.stderr
    assert "secret.md" not in run.stdout and "0 changed files" in run.stdout and "reaches" not in run.stdout
