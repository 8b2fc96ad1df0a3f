"""What a CMS developer's review found in the JSON envelope: a whole Markdown file sent as the body, and the
metadata sent under another key. Each would let a reprint pass unchecked; each is refused now at its place,
through the real CLI and the library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli, write

PP = "https://www.propublica.org/article/pell-cove-harbour-trawlers"
BODY = "The harbour at Pell Cove emptied before dawn.\n\nBy Mara Quill\n"
WHOLE_FILE = f"---\noriginal_url: {PP}\nauthor: Mara Quill\n---\n{BODY}"


def _envelope(**parts: object) -> str:
    return json.dumps(parts, indent=2)


@pytest.mark.parametrize("metadata", [{"original_url": PP, "author": "Mara Quill"}, {}], ids=["with", "empty"])
def test_a_whole_markdown_file_as_the_body_is_refused(tmp_path: Path, metadata: dict) -> None:
    path = write(tmp_path / "post.json", _envelope(metadata=metadata, body=WHOLE_FILE, format="markdown"))
    before = path.read_bytes()
    run = run_cli("check", str(path), "--no-config", cwd=tmp_path)
    assert run.code == 2, run.out + run.err
    line = 3 if not metadata else 6
    assert f'post.json:{line}:11: "body" starts with front matter (author, original_url): put its keys in ' in run.out
    assert "Traceback" not in run.err and path.read_bytes() == before


def test_a_body_opening_with_a_rule_is_no_front_matter(tmp_path: Path) -> None:
    """A thematic break (---) opening the text, with no keys of a reprint's: the body's own text."""
    body = "---\n\nThe harbour emptied.\n\n---\n\nOriginally published by ProPublica.\n"
    path = write(tmp_path / "post.json", _envelope(metadata={"original_url": PP}, body=body))
    run = run_cli("check", str(path), "--no-config", "--format", "json", cwd=tmp_path)
    assert run.code == 1 and run.json()["results"][0]["status"] == "fail"


@pytest.mark.parametrize("key", ["meta", "metdata", "Metadata", "fields"])
def test_metadata_under_another_key_is_refused_at_that_key(tmp_path: Path, key: str) -> None:
    text = _envelope(id=123, **{key: {"original_url": PP, "author": "Mara Quill"}}, body="<p>Hi</p>", format="html")
    path = write(tmp_path / "post.json", text)
    run = run_cli("check", str(path), "--no-config", cwd=tmp_path)
    assert run.code == 2, run.out + run.err
    assert f'post.json:3:3: "{key}" holds the reprint\'s metadata: name it "metadata"' in run.out


def test_a_misspelt_metadata_key_that_holds_nothing_of_a_reprint_is_still_named(tmp_path: Path) -> None:
    path = write(tmp_path / "post.json", _envelope(metdata={"slug": 1}, body="<p>Hi</p>"))
    run = run_cli("check", str(path), "--no-config", cwd=tmp_path)
    assert run.code == 2
    assert 'post.json:2:3: "metdata" is no key of an envelope: name it "metadata"' in run.out


def test_other_json_with_a_body_is_still_passed_over(tmp_path: Path) -> None:
    """A site's own data file with a "body" (comments, say) is no envelope: nothing in it stands for metadata."""
    path = write(tmp_path / "comment.json", _envelope(id=7, author="Sam", body="Nice piece."))
    run = run_cli("check", str(path), "--no-config", "--format", "json", cwd=tmp_path)
    assert run.code == 0 and run.json()["results"][0]["status"] == "skipped"


def test_the_library_raises_the_same(tmp_path: Path) -> None:
    from reprint_guard import InputError, check_text

    with pytest.raises(InputError, match='"body" starts with front matter'):
        check_text(_envelope(metadata={}, body=WHOLE_FILE), format="json")
    with pytest.raises(InputError, match='"meta" holds the reprint\'s metadata'):
        check_text(_envelope(meta={"original_url": PP}, body="Hi"), format="json")


def test_a_tracking_script_in_a_skipped_site_footer_still_runs(tmp_path: Path) -> None:
    """The accuracy review's page: ProPublica's PixelPing pasted into the theme's footer, which the config
    leaves out as no part of the article. The page still runs it: no "missing or does not run"."""
    write(tmp_path / ".reprint-guard.yaml", 'skip-elements: ["footer.site-footer"]\n')
    page = (
        "<html><head><title>Harbour trawlers</title></head><body><article><h1>Harbour trawlers</h1>"
        "<p>By Mara Quill, ProPublica</p><p>The harbour at Pell Cove emptied before dawn.</p>"
        f'<p>This story was originally published by <a href="{PP}">ProPublica</a>. Republished under a '
        '<a href="https://creativecommons.org/licenses/by-nc-nd/3.0/us/">CC BY-NC-ND 3.0 US</a> licence.</p>'
        '</article><footer class="site-footer"><script src="https://pixel.propublica.org/pixel.js" async>'
        "</script><p>© 2026 Valley Voice.</p></footer></body></html>"
    )
    write(tmp_path / "post.html", page)
    write(tmp_path / "post.meta.yaml", f"original_url: {PP}\nauthor: Mara Quill\ncommercial: false\n")
    run = run_cli("check", "post.html", "--format", "json", cwd=tmp_path)
    rules = [f["rule"] for r in run.json()["results"] for f in r["findings"]]
    assert "propublica/pixel-ping" not in rules, run.out
    # Without the script the rule still finds it missing: the footer is read for scripts, not for nothing.
    write(tmp_path / "post.html", page.replace("pixel.propublica.org", "cdn.example.org"))
    run = run_cli("check", "post.html", "--format", "json", cwd=tmp_path)
    assert "propublica/pixel-ping" in [f["rule"] for r in run.json()["results"] for f in r["findings"]]


KFF = "https://kffhealthnews.org/news/article/rural-clinics-cut-evening-hours/"
PDF = "https://files.kff.org/attachment/rural-clinics-brief.pdf"


def _kff(linked: str, words: str = "This article") -> str:
    return (
        "---\nauthor: Marisol Chen\n"
        f"original_url: {KFF}\noriginal_published: 2026-11-20\ncommercial: false\n---\n\n"
        "By Marisol Chen, KFF Health News\n\nThree clinics in the valley now close at 5 p.m.\n\n"
        f"[{words}]({linked}) was originally published by KFF Health News and is republished here under a "
        "[CC BY-NC-ND 4.0](https://creativecommons.org/licenses/by-nc-nd/4.0/) licence.\n"
    )


def test_a_credit_linking_the_article_to_a_pdf_is_told_so(tmp_path: Path) -> None:
    """The accuracy review's KFF reprint: "This article" linked to the publisher's PDF brief. It was told "the
    credit names KFF Health News with no link", and --fix added a second credit, leaving the PDF link."""
    path = write(tmp_path / "post.md", _kff(PDF))
    run = run_cli("check", str(path), "--no-config", "--format", "json", cwd=tmp_path)
    findings = [f for r in run.json()["results"] for f in r["findings"]]
    assert [f["rule"] for f in findings] == ["kff-health-news/link-original"]
    assert f"the credit's link goes to another site, {PDF}, not to the original article" in findings[0]["message"]
    assert findings[0]["fix"] == f"Change the link to {PDF} into one to the original article, {KFF}."
    # --fix leaves another site's link to the editor (which address is the article's?), as for a name linked
    # elsewhere, and adds no second credit beside it.
    run = run_cli("check", str(path), "--no-config", "--diff", cwd=tmp_path)
    assert run.out == "" and "could not fix kff-health-news/link-original: needs the credit that is there" in run.err
    # The story's own link to the brief, in no credit, is a citation: the credit without a link is what is told.
    story = _kff(KFF).replace("Three clinics", f"A [state brief]({PDF}) counts three clinics")
    write(tmp_path / "story.md", story.replace(f"[This article]({KFF})", "This article"))
    run = run_cli("check", "story.md", "--no-config", "--format", "json", cwd=tmp_path)
    findings = [f for r in run.json()["results"] for f in r["findings"]]
    assert "the credit names KFF Health News with no link to the article" in findings[0]["message"], findings
    # Nor is a document the credit's paragraph cites "here": the credit lacks its link.
    cited = _kff(KFF).replace(f"[This article]({KFF})", f"The state's brief is [here]({PDF}). This article")
    write(tmp_path / "cited.md", cited)
    run = run_cli("check", "cited.md", "--no-config", "--format", "json", cwd=tmp_path)
    findings = [f for r in run.json()["results"] for f in r["findings"]]
    assert "the credit names KFF Health News with no link to the article" in findings[0]["message"], findings


@pytest.mark.parametrize(
    ("metadata", "told"),
    [
        ({"original_url": 5799123}, "1:15: metadata 'original_url': should be a string (text), not a number (5799123)"),
        ({"original_url": PP, "title": ["a", "b"]}, "metadata 'title': should be a string (text), not a list"),
        ({"original_url": PP, "author": ["Mara Quill"] * 201}, "metadata 'author': at most 200 entries, not 201"),
    ],
    ids=["number", "list", "too-many"],
)
def test_a_value_of_the_wrong_kind_is_told_in_the_files_words(tmp_path: Path, metadata: dict, told: str) -> None:
    """pydantic's own words ("Input should be a valid string", "List should have at most 200 items after
    validation") named neither what was written nor what to write."""
    path = write(tmp_path / "post.json", json.dumps({"metadata": metadata, "body": "Hi"}))
    run = run_cli("check", str(path), "--no-config", cwd=tmp_path)
    assert run.code == 2 and told in run.out, run.out
    assert "Input should be" not in run.out and "after validation" not in run.out


def test_an_address_only_in_the_pages_canonical_link_and_json_ld_is_told_so(tmp_path: Path) -> None:
    """A saved page that names the original in <link rel="canonical"> and its JSON-LD only: "in a comment, code,
    a hidden or closed element, an image, or as plain text" sent the editor looking in the article."""
    page = (
        f'<html><head><link rel="canonical" href="{PP}">'
        f'<script type="application/ld+json">{{"isBasedOn": {{"url": "{PP}"}}}}</script></head>'
        "<body><p>By Mara Quill, ProPublica</p><p>The harbour at Pell Cove emptied before dawn.</p>"
        "<p>This story was originally published by ProPublica.</p></body></html>"
    )
    write(tmp_path / "post.html", page)
    write(tmp_path / "post.meta.yaml", f"original_url: {PP}\nauthor: Mara Quill\ncommercial: false\n")
    run = run_cli("check", "post.html", "--no-config", "--format", "json", cwd=tmp_path)
    link = [f for r in run.json()["results"] for f in r["findings"] if f["rule"] == "propublica/link-original"]
    assert "but only in the page's <link> and <script> for search engines and sharing" in link[0]["message"]
    # A copy in a comment in the body is still told as one no reader sees.
    write(tmp_path / "post.html", page.replace("<p>This story", f"<!-- {PP} --><p>This story"))
    run = run_cli("check", "post.html", "--no-config", "--format", "json", cwd=tmp_path)
    link = [f for r in run.json()["results"] for f in r["findings"] if f["rule"] == "propublica/link-original"]
    assert "but in no link a reader can follow: in a comment" in link[0]["message"]


@pytest.mark.parametrize(
    "data",
    [
        {"meta": {"description": "Store hours"}, "body": "Open 9-5"},
        {"fields": {"title": "Store hours"}, "body": "Open 9-5"},
        {"id": 3, "body": "---\ntitle: About us\nauthor: Staff\n---\n\nWe are a small newsroom.\n"},
    ],
    ids=["meta-without-reprint-keys", "fields-with-a-title", "own-page-with-front-matter"],
)
def test_a_sites_own_json_is_still_passed_over(tmp_path: Path, data: dict) -> None:
    """The second review's files: a data file's "meta" or "fields" holding no original_url, and an own page's
    whole Markdown with a title, are the site's own, not a reprint sent wrong."""
    path = write(tmp_path / "data.json", json.dumps(data))
    run = run_cli("check", str(path), "--no-config", "--format", "json", cwd=tmp_path)
    assert run.code == 0 and run.json()["results"][0]["status"] == "skipped", run.out + run.err


def test_a_date_where_text_belongs_is_told_as_a_date(tmp_path: Path) -> None:
    path = write(tmp_path / "post.md", f"---\noriginal_url: {PP}\ntitle: 2025-01-27\n---\nHi\n")
    run = run_cli("check", str(path), "--no-config", cwd=tmp_path)
    assert run.code == 2
    assert "post.md:3:1: metadata 'title': should be a string (text), not a date (2025-01-27): quote it" in run.out
