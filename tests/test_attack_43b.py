"""An attack on the day's metadata fixes: what they broke, mended.

``init`` refused ``canonicalURL`` as ``original_url`` once any page held a root-relative one (a theme's canonical
of the site's own page), so reprints went unchecked; a sidecar and a JSON envelope saying the same moment two
ways were told as conflicting; the invisible characters left out of ``original_url`` took a flag emoji's tag
characters with them; a date followed by a note was told only that its day is no calendar's, without the form's
hint the rest needs.

Real files in a temporary folder, through the CLI.
"""

from __future__ import annotations

import json

from conftest import run_cli, write

GR = "https://www.globalresearch.ca/story-{n}/588000{n}"
CREDIT = "Text {n}. The original source of this article is [Global Research]({url}).\n"


def test_init_maps_a_canonical_key_though_the_sites_own_pages_hold_a_root_relative_one(tmp_path):
    for n in (1, 2, 3):
        url = GR.format(n=n)
        write(
            tmp_path / "content" / f"r{n}.md",
            f"---\ntitle: Story {n}\ncanonicalURL: {url}\n---\n" + CREDIT.format(n=n, url=url),
        )
    write(tmp_path / "content" / "own.md", "---\ntitle: Own\ncanonicalURL: /posts/own/\n---\nText.\n")
    run = run_cli("init", "--stdout", cwd=tmp_path)
    assert run.code == 0, run.err
    assert '"canonicalURL": original_url' in run.out, run.out


def test_init_still_leaves_a_flag_out_of_original_url(tmp_path):
    write(tmp_path / "content" / "own.md", "---\ntitle: Own\noriginal: true\n---\nText.\n")
    write(tmp_path / "content" / "own2.md", "---\ntitle: Own 2\noriginal: false\n---\nText.\n")
    run = run_cli("init", "--stdout", cwd=tmp_path)
    assert run.code == 0 and '"original": original_url' not in run.out, run.out


def test_a_sidecar_saying_an_envelopes_moment_another_way_is_no_clash(tmp_path):
    url = GR.format(n=4)
    body = f'<p>Seeds. The original source of this article is <a href="{url}">Global Research</a>.</p>'
    meta = {
        "original_url": url,
        "published": "2025-03-01T15:00:00Z",
        "original_published": "2025-02-14",
        "author": "Mara Lindqvist",
        "commercial": False,
    }
    write(tmp_path / "story.json", json.dumps({"metadata": meta, "body": body, "format": "html"}))
    write(
        tmp_path / "story.meta.yaml", "published: 2025-03-01T16:00:00+01:00\noriginal_published: 2025-02-14T00:00:00\n"
    )
    run = run_cli("check", "--no-config", "--no-progress", "--format", "json", str(tmp_path / "story.json"))
    rules = [f["rule"] for result in run.json()["results"] for f in result["findings"]]
    assert "reprint-guard/conflicting-keys" not in rules, run.out
    # Another moment is still told.
    write(tmp_path / "story.meta.yaml", "published: 2025-03-02T15:00:00Z\n")
    run = run_cli("check", "--no-config", "--no-progress", "--format", "json", str(tmp_path / "story.json"))
    rules = [f["rule"] for result in run.json()["results"] for f in result["findings"]]
    assert "reprint-guard/conflicting-keys" in rules, run.out


def test_a_flag_emojis_tag_characters_stay_in_original_url(tmp_path):
    flag = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
    url = f"https://www.globalresearch.ca/seed-libraries-{flag}/5881402"
    text = (
        f"---\ntitle: Seeds\nauthor: Mara Lindqvist\noriginal_url: {url}\u200b\noriginal_published: 2025-02-14\n"
        f"commercial: false\n---\n\nSeed libraries grow.\n\nThe original source of this article is "
        f"[Global Research]({url}).\n\nCopyright © Mara Lindqvist, Global Research, 2025\n"
    )
    article = write(tmp_path / "flag.md", text)
    run = run_cli("check", "--no-config", "--no-progress", str(article))
    assert run.code == 0, run.out


def test_a_date_followed_by_a_note_gets_the_forms_hint(tmp_path):
    head = f"---\ntitle: T\noriginal_url: {GR.format(n=5)}\npublished: "
    article = write(tmp_path / "a.md", head + '"2025-02-29 this is a note about the date"\n---\nBody.\n')
    run = run_cli("check", "--no-config", "--no-progress", str(article))
    assert run.code == 2 and "write a date as YYYY-MM-DD" in run.out, run.out
    # A whole date with a zone after it is still told its day is no calendar's.
    article = write(tmp_path / "a.md", head + "'2025-02-29T10:00:00.5+05:30'\n---\nBody.\n")
    run = run_cli("check", "--no-config", "--no-progress", str(article))
    assert run.code == 2 and "is not a calendar date: February 2025 has 28 days" in run.out, run.out
