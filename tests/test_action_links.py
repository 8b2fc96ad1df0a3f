"""The Action's changed-only run and the files a pull request changes through a symbolic link git tracks: a page, a
metadata sidecar or a site file (an ``_index.md``, a Hugo config, a ``config/`` folder) that is a link whose
target the pull request changes is changed too, though the link's own name is not in the diff. Real git
repositories, real pull-request events, the Action's own script."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import COMPLIANT_BODY, COMPLIANT_META, git, markdown
from test_action import outputs, pull_request_env, run_action

#: A reprint that leaves ``commercial`` to its sidecar or its site: passes as noncommercial, an error of
#: global-research/commercial-permission as commercial.
PAGE = markdown({key: value for key, value in COMPLIANT_META.items() if key != "commercial"}, COMPLIANT_BODY)
META = "".join(f"{key}: {json.dumps(value)}\n" for key, value in COMPLIANT_META.items())
HUGO = 'baseURL = "https://ledger.example/"\n'


def _index(commercial: bool) -> str:
    return f"---\ntitle: News\ncascade:\n  medium: web\n  commercial: {str(commercial).lower()}\n---\nOur news.\n"


def _config(commercial: bool) -> str:
    return f"{HUGO}[cascade]\ncommercial = {str(commercial).lower()}\n"


def linked_pull_request(
    tmp_path: Path, base: dict[str, str], links: dict[str, str], head: dict[str, str]
) -> tuple[Path, dict]:
    """A repository whose base commit holds ``base``'s files and ``links`` (a link's name -> what it names), and a
    pull request that writes ``head``'s files (links left alone)."""
    repo = tmp_path / "site"
    for name, text in base.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    for name, target in links.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).symlink_to(target)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    base_sha = git(repo, "rev-parse", "HEAD")
    git(repo, "checkout", "-q", "-b", "change")
    for name, text in head.items():
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, "commit", "-q", "--allow-empty", "-am", "head")  # a test may change the links alone, after
    return repo, pull_request_env(tmp_path, repo, base_sha, git(repo, "rev-parse", "HEAD"))


def _errors(run) -> list[str]:
    return [line for line in run.stdout.splitlines() if line.startswith("::error ")]


def _each_run_tells_the_lost_cascade(repo: Path, env: dict) -> None:
    """The page that lost its site's ``commercial: false`` is warned of by the Action's changed-only run, its full
    run with new-findings-only, and ``check --baseline-commit``: none holds the new warning as old."""
    for inputs in ({}, {"changed-only": "false", "new-findings-only": "true"}):
        run = run_action(repo, env, **{"fail-on": "warning"}, **inputs)
        assert run.returncode == 1, (inputs, run.stdout + run.stderr)
        assert "::warning file=content/news/a.md," in run.stdout and "'commercial' is not set" in run.stdout
    from conftest import run_cli

    cli = run_cli("check", "content", "--fail-on", "warning", "--baseline-commit", "main", cwd=repo)
    assert cli.code == 1, cli.out + cli.err
    assert "'commercial' is not set" in cli.out


CASES = {
    # post.meta.yaml -> ../meta/post.yaml, the target set commercial: true
    "sidecar": (
        {"content/post.md": COMPLIANT_BODY, "meta/post.yaml": META},
        {"content/post.meta.yaml": "../meta/post.yaml"},
        {"meta/post.yaml": META.replace("commercial: false", "commercial: true")},
        "1 changed file",
        "file=content/post.meta.yaml,",
    ),
    # post.md -> ../drafts/post.md, the target's front matter set commercial: true
    "page": (
        {"drafts/post.md": markdown(COMPLIANT_META, COMPLIANT_BODY)},
        {"content/post.md": "../drafts/post.md"},
        {"drafts/post.md": markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY)},
        "1 changed file",
        "file=content/post.md,",
    ),
    # a section's _index.md -> ../../shared/news-index.md, its cascade turned commercial
    "index": (
        {"hugo.toml": HUGO, "shared/news-index.md": _index(False), "content/news/a.md": PAGE},
        {"content/news/_index.md": "../../shared/news-index.md"},
        {"shared/news-index.md": _index(True)},
        "1 changed file and 1 page a changed site file reaches",  # the _index.md is a page of its own
        "file=content/news/_index.md,line=5,",
    ),
    # the site's config/ folder -> shared/hugo-config, its _default/hugo.toml's cascade turned commercial
    "config-folder": (
        {"shared/hugo-config/_default/hugo.toml": _config(False), "content/news/a.md": PAGE},
        {"config": "shared/hugo-config"},
        {"shared/hugo-config/_default/hugo.toml": _config(True)},
        "0 changed files and 1 page a changed site file reaches",
        "file=config/_default/hugo.toml,line=3,",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_change_through_a_link_brings_the_page_it_reaches(tmp_path, case):
    """The link's name is not in the diff: the page passed unchecked (0 files), a false pass."""
    base, links, head, scope, place = CASES[case]
    repo, env = linked_pull_request(tmp_path, base, links, head)
    run = run_action(repo, env, paths="content")
    assert run.returncode == 1, run.stdout + run.stderr
    told = [line for line in _errors(run) if "global-research/commercial-permission" in line]
    assert len(told) == 1 and place in told[0], run.stdout
    assert scope in run.stdout, run.stdout
    assert outputs(tmp_path)["errors"] == "1"


def test_a_link_whose_target_the_pull_request_left_alone_brings_nothing(tmp_path):
    """Only a link to a changed file (or into a changed file's folder) brings its page: another file's change
    beside the target brings none."""
    base = {"content/post.md": COMPLIANT_BODY, "meta/post.yaml": META, "meta/other.yaml": META}
    links = {"content/post.meta.yaml": "../meta/post.yaml"}
    repo, env = linked_pull_request(tmp_path, base, links, {"meta/other.yaml": META.replace("false", "true")})
    run = run_action(repo, env, paths="content")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 changed files" in run.stdout and "content/post.md" not in run.stdout


def test_a_link_named_by_the_pull_request_and_its_changed_target_are_one_file(tmp_path):
    """A page changed both by name and through its link is checked once."""
    base = {"content/post.md": COMPLIANT_BODY, "meta/post.yaml": META}
    links = {"content/post.meta.yaml": "../meta/post.yaml"}
    head = {
        "meta/post.yaml": META.replace("commercial: false", "commercial: true"),
        "content/post.md": COMPLIANT_BODY + "\nMore.\n",
    }
    repo, env = linked_pull_request(tmp_path, base, links, head)
    run = run_action(repo, env)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "1 changed file" in run.stdout and os.path.islink(repo / "content/post.meta.yaml")


@pytest.mark.parametrize("case", ["index", "config-folder", "hugo-toml"])
def test_new_findings_only_in_a_full_run_takes_a_linked_site_files_change_for_its_pages(tmp_path, case):
    """Every file checked, failing only on what the pull request brings: the page's copy at the base was read
    with the site file as the link reads it now, so the error the target's change brings was held as old."""
    if case == "hugo-toml":
        base = {"conf/site.toml": _config(False), "content/news/a.md": PAGE}
        repo, env = linked_pull_request(
            tmp_path, base, {"hugo.toml": "conf/site.toml"}, {"conf/site.toml": _config(True)}
        )
    else:
        base, links, head, _, _ = CASES[case]
        repo, env = linked_pull_request(tmp_path, base, links, head)
    run = run_action(repo, env, paths="content", **{"changed-only": "false", "new-findings-only": "true"})
    assert run.returncode == 1, run.stdout + run.stderr
    told = [line for line in _errors(run) if "global-research/commercial-permission" in line]
    assert len(told) == 1 and "(in content/news/a.md," in told[0], run.stdout
    # The same through --baseline-commit: the page is compared with its copy read with the commit's site file.
    from conftest import run_cli

    cli = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert cli.code == 1, cli.out + cli.err
    [page] = [r for r in json.loads(cli.out)["results"] if r["path"] == "content/news/a.md"]
    assert [f["rule"] for f in page["findings"] if not f.get("suppressed")] == ["global-research/commercial-permission"]


#: A link the pull request retargets to another file (or folder) the base held unchanged: the link's name, the one
#: in the diff, is a site file's (``hugo.toml``) or a folder's (``config``); its new target's text is the base's.
RETARGETED = {
    "hugo-toml": (
        {"conf/a.toml": _config(False), "conf/b.toml": _config(True), "content/news/a.md": PAGE},
        ("hugo.toml", "conf/a.toml", "conf/b.toml"),
        "file=hugo.toml,line=3,",
    ),
    "config-folder": (
        {
            "shared/a/_default/hugo.toml": _config(False),
            "shared/b/_default/hugo.toml": _config(True),
            "content/news/a.md": PAGE,
        },
        ("config", "shared/a", "shared/b"),
        "file=config/_default/hugo.toml,line=3,",
    ),
}


@pytest.mark.parametrize("case", list(RETARGETED))
def test_a_site_file_link_retargeted_to_a_file_the_base_held_brings_its_pages(tmp_path, case):
    """The link read through its target now at both commits: the new target unchanged since the base, the site
    file's values taken as unchanged, and the page passed unchecked (changed-only) or its new error held as the
    base's (new-findings-only, --baseline-commit), where the base's link led to the other file."""
    base, (link, before, after), place = RETARGETED[case]
    repo, env = linked_pull_request(tmp_path, base, {link: before}, {})
    (repo / link).unlink()
    (repo / link).symlink_to(after)
    git(repo, "add", "-A")
    from test_action import commit_to_pull_request

    commit_to_pull_request(repo, env, "retarget")
    for inputs in ({}, {"changed-only": "false", "new-findings-only": "true"}):
        run = run_action(repo, env, paths="content", **inputs)
        assert run.returncode == 1, (inputs, run.stdout + run.stderr)
        told = [line for line in _errors(run) if "global-research/commercial-permission" in line]
        assert len(told) == 1 and place in told[0] and "(in content/news/a.md," in told[0], run.stdout
    from conftest import run_cli

    cli = run_cli("check", "content", "--baseline-commit", "main", "--format", "json", cwd=repo)
    assert cli.code == 1, cli.out + cli.err
    [page] = json.loads(cli.out)["results"]
    assert [f["rule"] for f in page["findings"] if not f.get("suppressed")] == ["global-research/commercial-permission"]


def test_a_site_config_deleted_below_a_linked_config_folder_brings_the_pages_it_reached(tmp_path):
    """config -> shared/hugo-config, and the pull request deletes shared/hugo-config/_default/hugo.toml (its cascade
    gave commercial: false; menus.toml is left): git names the target, in no config/ folder, so the page was not
    reached (changed-only) or its new warning was held (new-findings-only, --baseline-commit); once reached, the
    base's copy left the linked folder out and read the page with no config, the warning held as old."""
    base = {
        "shared/hugo-config/_default/hugo.toml": _config(False),
        "shared/hugo-config/_default/menus.toml": "",
        "content/news/a.md": PAGE,
    }
    repo, env = linked_pull_request(tmp_path, base, {"config": "shared/hugo-config"}, {})
    git(repo, "rm", "-q", "shared/hugo-config/_default/hugo.toml")
    from test_action import commit_to_pull_request

    commit_to_pull_request(repo, env, "drop the config")
    _each_run_tells_the_lost_cascade(repo, env)


def test_a_site_config_link_whose_target_the_pull_request_deletes_brings_the_pages_it_reached(tmp_path):
    """hugo.toml -> conf/site.toml, the site's only config, and the pull request deletes conf/site.toml: the link
    is left pointing at nothing, so it was taken as still there (no deleted config) and as no site file that
    reaches a page (it reads nothing), and the page that lost commercial: false passed unchecked."""
    base = {"conf/site.toml": _config(False), "content/news/a.md": PAGE}
    repo, env = linked_pull_request(tmp_path, base, {"hugo.toml": "conf/site.toml"}, {})
    git(repo, "rm", "-q", "conf/site.toml")
    from test_action import commit_to_pull_request

    commit_to_pull_request(repo, env, "drop the config")
    run = run_action(repo, env, **{"fail-on": "warning"})
    assert run.returncode == 1, run.stdout + run.stderr
    assert "::warning file=content/news/a.md," in run.stdout and "'commercial' is not set" in run.stdout
    assert "1 page a changed site file reaches" in run.stdout


def test_a_config_folder_link_the_pull_request_deletes_brings_the_pages_its_configs_reached(tmp_path):
    """config -> shared/hugo-config, the site's only config, and the pull request deletes the link: git names the
    link alone (config, no site file's name), not the config/_default/hugo.toml gone with it, so the page that lost
    commercial: false passed unchecked (changed-only) or its new warning was held (new-findings-only, check)."""
    base = {"shared/hugo-config/_default/hugo.toml": _config(False), "content/news/a.md": PAGE}
    repo, env = linked_pull_request(tmp_path, base, {"config": "shared/hugo-config"}, {})
    git(repo, "rm", "-q", "config")
    from test_action import commit_to_pull_request

    commit_to_pull_request(repo, env, "drop the config link")
    _each_run_tells_the_lost_cascade(repo, env)


def test_a_config_folder_link_out_of_the_repository_is_refused_not_read(tmp_path):
    """config -> ../secrets, a folder outside the repository whose _default/hugo.toml the pull request's link
    names: the Action listed and read it (its pages reached, their error quoting where its text did not read),
    and every run read it as the site's config; a site file a link on its way leads out of the repository is
    refused, as a page or a sidecar that is such a link is, its text never read."""
    secrets = tmp_path / "secrets" / "_default"
    secrets.mkdir(parents=True)
    (secrets / "hugo.toml").write_text(f"{HUGO}[cascade]\ncommercial = not-toml\n", encoding="utf-8")
    repo, env = linked_pull_request(tmp_path, {"hugo.toml": HUGO, "content/news/a.md": PAGE}, {}, {})
    git(repo, "rm", "-q", "hugo.toml")
    (repo / "config").symlink_to(os.path.join(os.pardir, "secrets"))
    git(repo, "add", "config")
    from test_action import commit_to_pull_request

    commit_to_pull_request(repo, env, "a config folder out of the repository")
    for inputs in ({}, {"changed-only": "false"}):
        run = run_action(repo, env, **inputs)
        assert run.returncode == 2, (inputs, run.stdout + run.stderr)
        assert "::error file=config/_default/hugo.toml," in run.stdout, inputs
        assert "a symbolic link out of the repository" in run.stdout and "does not read" not in run.stdout
    from conftest import run_cli

    cli = run_cli("check", "content", cwd=repo)
    assert cli.code == 2, cli.out + cli.err
    assert "a symbolic link out of the repository" in cli.out + cli.err and "does not read" not in cli.out + cli.err


def test_the_base_copy_writes_of_a_folder_link_only_the_files_the_check_reads(tmp_path):
    """mirror -> content, a content folder of many pages, beside config -> shared/hugo-config: the base copy wrote
    every page again below the link (eight such links to a 40,000-page folder: 320,000 files more, 11 s of CPU
    for one held page); it writes below a folder link the site files, the pages asked, their sections' _index
    pages and what a link leads to through it, as it does for the commit's own files."""
    from reprint_guard.reached import _copy_of, _reading_needs

    base = {f"content/news/p{i}.md": PAGE for i in range(30)}
    base |= {"content/news/_index.md": _index(False), "shared/hugo-config/_default/hugo.toml": _config(False)}
    repo, _ = linked_pull_request(
        tmp_path,
        base,
        {"config": "shared/hugo-config", "mirror": "content", "content/news/a.md": "../../mirror/news/p7.md"},
        {},
    )
    copy = tmp_path / "copy"
    assert _copy_of("main", str(repo), str(copy), [], _reading_needs(["mirror/news/p3.md", "content/news/a.md"]))
    assert (copy / "config/_default/hugo.toml").read_text(encoding="utf-8") == _config(False)
    assert (copy / "content/news/a.md").read_text(encoding="utf-8") == PAGE  # through the folder link
    below = sorted(path.name for path in (copy / "mirror/news").iterdir())
    assert below == ["_index.md", "p3.md", "p7.md"]
    assert len(list((copy / "content/news").iterdir())) == 32  # the commit's own files, all of them (links)


def test_a_config_default_folder_link_the_pull_request_deletes_brings_the_pages_its_configs_reached(tmp_path):
    """config/_default -> ../shared/default, the site's only config, and the pull request deletes the link: as
    for a config folder link, git names config/_default alone, and the page that lost commercial: false passed
    unchecked (changed-only), its new warning held as old (new-findings-only, check --baseline-commit)."""
    base = {"shared/default/hugo.toml": _config(False), "content/news/a.md": PAGE}
    repo, env = linked_pull_request(tmp_path, base, {"config/_default": "../shared/default"}, {})
    git(repo, "rm", "-q", "config/_default")
    from test_action import commit_to_pull_request

    commit_to_pull_request(repo, env, "drop the config/_default link")
    _each_run_tells_the_lost_cascade(repo, env)


def test_the_base_copy_writes_no_git_folder_a_crafted_commit_holds(tmp_path):
    """A commit whose tree holds a .git folder (made with git mktree; git refuses to check one out): its
    .git/config and .git/HEAD, links to text files of the commit, were written into the base copy, where the
    check then runs git, which read them as the copy's repository (a core.worktree, a core.fsmonitor)."""
    from reprint_guard.reached import _copy_of

    repo, _ = linked_pull_request(tmp_path, {"content/news/a.md": PAGE, "hugo.toml": _config(False)}, {}, {})

    def fed(text: str, *args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=repo, input=text, capture_output=True, text=True, check=True
        ).stdout.strip()

    def stored(text: str) -> str:
        return fed(text, "hash-object", "-w", "--stdin")

    config = stored("[core]\n\trepositoryformatversion = 0\n\tworktree = /\n")
    keep = stored("x\n")
    inner = fed(f"100644 blob {keep}\tkeep.md\n", "mktree")
    dot_git = fed(
        f"120000 blob {stored('../c.toml')}\tconfig\n120000 blob {stored('../h.txt')}\tHEAD\n"
        f"040000 tree {inner}\tobjects\n040000 tree {inner}\trefs\n",
        "mktree",
    )
    top = fed(
        f"040000 tree {dot_git}\t.git\n100644 blob {config}\tc.toml\n"
        f"100644 blob {stored('ref: refs/heads/main')}\th.txt\n"
        f"040000 tree {git(repo, 'rev-parse', 'main:content')}\tcontent\n"
        f"100644 blob {git(repo, 'rev-parse', 'main:hugo.toml')}\thugo.toml\n",
        "mktree",
    )
    commit = git(repo, "commit-tree", top, "-p", "main", "-m", "a .git folder")
    copy = tmp_path / "copy"
    assert _copy_of(commit, str(repo), str(copy), [], None)
    assert (copy / "content/news/a.md").is_file() and (copy / "c.toml").is_file()
    assert not (copy / ".git").exists()


def test_a_paths_folder_the_pull_request_makes_a_link_out_of_the_workspace_is_refused(tmp_path):
    """paths: content, and the pull request replaces content/ by a link to ../secrets: the full run walked it,
    read the page there and annotated it (after a warning that it is in no checkout); the Action refuses such a
    path, reading nothing below it."""
    secrets = tmp_path / "secrets"
    secrets.mkdir()
    (secrets / "x.md").write_text(markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY), encoding="utf-8")
    repo, env = linked_pull_request(tmp_path, {"content/a.md": PAGE}, {}, {})
    git(repo, "rm", "-q", "-r", "content")
    (repo / "content").symlink_to(os.path.join(os.pardir, "secrets"))
    git(repo, "add", "content")
    from test_action import commit_to_pull_request

    commit_to_pull_request(repo, env, "content out of the repository")
    for inputs in ({"paths": "content/", "changed-only": "false"}, {"paths": "content"}):
        run = run_action(repo, env, **inputs)
        assert run.returncode == 2, (inputs, run.stdout + run.stderr)
        assert "paths: 'content" in run.stdout and "leads out of the workspace" in run.stdout
        assert "x.md" not in run.stdout and "commercial" not in run.stdout
