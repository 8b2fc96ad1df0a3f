"""Regressions an adversarial review of the forty-third session's fixes found: a config glob written with
``./`` kept anchored to the config's folder, a reprint-only key's bad shape refused when a policy is given
from outside the file, a wrapped envelope judged by its own metadata, and an HTML page opening with a stray
``{`` read as HTML. Real files through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import write

HARBOUR_URL = "https://www.globalresearch.ca/fishing-quotas-empty-harbour-cafes/5880533"
#: A Global Research reprint crediting the publisher's home page only: link-original fails it.
REPRINT = f"""---
title: Fishing Quotas and the Empty Harbour Cafés
author: Henrik Solberg
original_url: {HARBOUR_URL}
original_published: 2025-02-02
medium: web
commercial: false
---

# Fishing Quotas and the Empty Harbour Cafés

In Skerrvik the morning starts later than it used to. The boats that once left at four now leave at six.

The original source of this article is [Global Research](https://www.globalresearch.ca/).

Copyright © Henrik Solberg, Global Research, 2025
"""
LINK_ORIGINAL = "global-research/link-original"


# 1. "./X" in a config glob is anchored to the config's folder (gitignore's "/X"), not a bare "X" ----------


def _top_and_nested(tmp_path: Path, config: str) -> Path:
    write(tmp_path / "README.md", "# My site\n\nThe source of the site.\n")
    write(tmp_path / "content" / "posts" / "seeds.md", REPRINT)
    write(tmp_path / ".reprint-guard.yaml", config)
    return tmp_path


def test_an_exclude_written_dot_slash_star_leaves_the_nested_reprints_checked(tmp_path: Path, cli) -> None:
    site = _top_and_nested(tmp_path, "exclude:\n  - ./*.md   # README, CHANGELOG at the top\n")
    run = cli("check", ".", "--no-progress", "--format", "json", cwd=site)
    assert run.code == 1, run.out + run.err
    paths = [result["path"] for result in run.json()["results"]]
    assert paths == ["content/posts/seeds.md"], paths  # README.md at the top excluded, the reprint below not


def test_a_suppression_written_dot_slash_star_suppresses_only_at_the_top(tmp_path: Path, cli) -> None:
    config = f'suppressions:\n  - path: ./*.md\n    rule: {LINK_ORIGINAL}\n    reason: "A quoted credit at the top"\n'
    site = _top_and_nested(tmp_path, config)
    write(site / "top.md", REPRINT)
    run = cli("check", ".", "--no-progress", cwd=site)
    assert run.code == 1 and "1 finding suppressed" in run.out, run.out + run.err
    assert "content/posts/seeds.md" in run.out and "top.md" not in run.out.replace("seeds.md", ""), run.out


def test_an_override_written_dot_slash_star_applies_only_at_the_top(tmp_path: Path, cli) -> None:
    own = "---\ntitle: Our harbour notes\n---\n\nNotes of our own.\n"
    site = _top_and_nested(tmp_path, 'overrides:\n  - paths: ["./*.md"]\n    policy: global-research\n')
    write(site / "top.md", own)
    write(site / "content" / "own.md", own)
    run = cli("check", "top.md", "content/own.md", "--no-progress", "--format", "json", cwd=site)
    status = {result["path"]: result["status"] for result in run.json()["results"]}
    assert status == {"top.md": "fail", "content/own.md": "skipped"}, run.out + run.err


# 2. A reprint-only key of a bad shape is refused when a policy is given from outside the file -------------

SEEDS = """---
title: Why the Valley's Seed Libraries Are Outgrowing Their Shelves
author: Mara Lindqvist
original_published: 2025-02-14
medium: web
source: {title: Global Research}
permissions: yes-by-email
commercial: false
---

The original source of this article is
[Global Research](https://www.globalresearch.ca/valley-seed-libraries-outgrowing-shelves/5881402).
"""
REFUSED = "content/seeds.md:6:1: metadata 'source': should be a string (text), not an object"


def test_a_bad_reprint_only_key_is_refused_under_an_overrides_policy(tmp_path: Path, cli) -> None:
    write(tmp_path / "content" / "seeds.md", SEEDS)
    write(tmp_path / ".reprint-guard.yaml", 'overrides:\n  - paths: ["content/**"]\n    policy: global-research\n')
    run = cli("check", ".", "--no-progress", cwd=tmp_path)
    assert run.code == 2 and REFUSED in run.out + run.err, run.out + run.err
    assert "also invalid: 'permissions'" in run.out + run.err


def test_a_bad_reprint_only_key_is_refused_under_the_configs_or_the_command_lines_policy(tmp_path: Path, cli) -> None:
    write(tmp_path / "content" / "seeds.md", SEEDS)
    run = cli("check", "content/seeds.md", "--no-config", "--policy", "global-research", "--no-progress", cwd=tmp_path)
    assert run.code == 2 and REFUSED in run.out + run.err, run.out + run.err
    write(tmp_path / ".reprint-guard.yaml", "policy: global-research\n")
    run = cli("check", "content/seeds.md", "--no-progress", cwd=tmp_path)
    assert run.code == 2 and REFUSED in run.out + run.err, run.out + run.err


def test_the_sites_own_article_with_no_policy_given_still_keeps_its_own_keys(tmp_path: Path, cli) -> None:
    write(tmp_path / "content" / "seeds.md", SEEDS)
    run = cli("check", "content/seeds.md", "--no-config", "--no-progress", cwd=tmp_path)
    assert run.code == 0 and "could not be checked" not in run.out, run.out + run.err


def test_the_library_refuses_it_too_when_given_a_policy(tmp_path: Path) -> None:
    """``policy=`` is the library's --policy: check(), check_text() and check_file() refuse the key too."""
    import pytest

    from reprint_guard import check, check_file, check_text
    from reprint_guard.errors import InputError

    path = write(tmp_path / "seeds.md", SEEDS)
    metadata = {"title": "T", "source": {"title": "Global Research"}, "permissions": "yes-by-email"}
    for run in (
        lambda: check("Body.", metadata, policy="global-research"),
        lambda: check_text(SEEDS, path="seeds.md", policy="global-research"),
        lambda: check_file(path, policy="global-research"),
    ):
        with pytest.raises(InputError, match="metadata 'source': should be a string"):
            run()
    assert check_file(path).status == "pass"  # no policy: the site's own article keeps its own keys


# 3. A wrapped entry is judged by its own metadata: a same-named sidecar is the page's, not the data file's


def test_a_sidecar_for_the_page_makes_no_wrapped_entry_of_a_data_file_a_reprint(tmp_path: Path, cli) -> None:
    url = "https://www.globalresearch.ca/valley-seed-libraries-outgrowing-shelves/5881402"
    write(
        tmp_path / "story.html",
        f'<p>Seed libraries are outgrowing their shelves. The original source of this article is <a href="{url}">'
        "Global Research</a>.</p>\n<p>Copyright © Mara Lindqvist, Global Research, 2025</p>\n",
    )
    data = {
        "chart": {"title": "Seed packets lent", "values": [120, 340, 910]},
        "items": [{"metadata": {"published": "2025-02-01"}, "body": "x"}],
    }
    write(tmp_path / "story.json", json.dumps(data))
    write(
        tmp_path / "story.meta.yaml",
        f"original_url: {url}\nauthor: Mara Lindqvist\nmedium: web\ncommercial: false\npublished: 2025-03-01\n",
    )
    run = cli("check", ".", "--no-config", "--no-progress", cwd=tmp_path)
    assert run.code == 0 and "wrapped" not in run.out + run.err, run.out + run.err
    assert "1 passed" in run.out and "1 skipped (not reprints)" in run.out, run.out
    # An entry naming its own original is still refused, sidecar or not.
    data["items"][0]["metadata"]["original_url"] = url
    write(tmp_path / "story.json", json.dumps(data))
    run = cli("check", ".", "--no-config", "--no-progress", cwd=tmp_path)
    assert run.code == 2 and '1 envelope wrapped in an object (under "items")' in run.out + run.err, run.out


# 4. An .html page opening with a stray "{" is read as HTML; broken JSON front matter is still told --------


def test_an_html_page_opening_with_a_stray_brace_is_read_as_html(tmp_path: Path, cli) -> None:
    write(tmp_path / "brace.html", "{\n<p>Our harbour committee notes, which begin with a stray brace.</p>\n")
    run = cli("check", "brace.html", "--no-config", "--no-progress", cwd=tmp_path)
    assert run.code == 0 and "1 skipped (not reprints)" in run.out, run.out + run.err
    # Read as the page: a reprint's metadata beside it is checked against the page's text.
    write(tmp_path / "brace.meta.yaml", f"original_url: {HARBOUR_URL}\nauthor: Henrik Solberg\nmedium: web\n")
    run = cli("check", "brace.html", "--no-config", "--no-progress", cwd=tmp_path)
    assert run.code == 1 and LINK_ORIGINAL in run.out and "front matter" not in run.out, run.out + run.err


def test_broken_json_front_matter_of_an_html_page_is_still_told(tmp_path: Path, cli) -> None:
    pages = {
        "comma.html": f'{{\n"title": "T",\n"original_url": "{HARBOUR_URL}",\n}}\n<p>x</p>\n',
        "unquoted.html": '{\ntitle: "T"\n}\n<p>x</p>\n',
    }
    for name, text in pages.items():
        write(tmp_path / name, text)
        run = cli("check", name, "--no-config", "--no-progress", cwd=tmp_path)
        assert run.code == 2 and f"{name}:" in run.out + run.err, run.out + run.err
        assert "invalid JSON front matter" in run.out + run.err, run.out + run.err
    # A Markdown file's "{" line still opens JSON front matter, as Hugo reads it.
    write(tmp_path / "brace.md", "{\n<p>Notes.</p>\n")
    run = cli("check", "brace.md", "--no-config", "--no-progress", cwd=tmp_path)
    assert run.code == 2 and "invalid JSON front matter" in run.out + run.err, run.out + run.err
