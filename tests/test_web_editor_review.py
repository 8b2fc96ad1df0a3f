"""A web editor's review of the CLI on Global Research and ProPublica reprints: what `check` and `--fix` do
to an editor's own files. Real files through the real CLI (``python -m reprint_guard``)."""

from __future__ import annotations

import pytest

from conftest import markdown, run_cli, write

GR = "https://www.globalresearch.ca/island-ferry-cuts-clinics/5890011"
GR_META = {
    "author": "Joanna Pike",
    "original_url": GR,
    "original_published": "2026-10-02",
    "medium": "web",
    "commercial": False,
}
NOTICE = "Copyright © Joanna Pike, Global Research, 2026"
STORY = "When the ferry service trimmed its winter timetable, nobody on the island expected it."


@pytest.mark.parametrize(
    "line",
    [
        "As [Global Research](https://www.globalresearch.ca/ferry-subsidy-vote/5870001) reported in March, the "
        "subsidy vote was close.",
        "> **Related:** [Global Research](https://www.globalresearch.ca/island-transport-series/5870001)",
        "Become a [Global Research](https://www.globalresearch.ca/members) member.",
    ],
)
def test_the_publishers_name_linked_in_the_storys_own_line_is_not_the_credits_link(tmp_path, line):
    """The name linked in a story's sentence, a related-reading box or a call to join is not a credit gone to the
    wrong page: --fix pointed it at the original (the page then citing the wrong article, and passing with no
    credit line). The credit the page lacks is told, and --fix adds it, leaving the story's link alone."""
    text = markdown(GR_META, f"\n{STORY}\n\n{line}\n\n{NOTICE}\n")
    path = write(tmp_path / "a.md", text)
    run = run_cli("check", str(path), "--format", "json")
    (finding,) = run.json()["results"][0]["findings"]
    assert finding["rule"] == "global-research/link-original"
    assert "on the same site" not in finding["message"] and "Change the link" not in finding["fix"]
    assert run_cli("check", str(path), "--fix").code == 0
    fixed = path.read_text(encoding="utf-8")
    assert line in fixed and f"[Global Research]({GR})" in fixed and fixed.startswith(text)


def test_an_html_story_citation_is_left_and_the_credit_added(tmp_path):
    body = (
        '<p>As <a href="https://www.globalresearch.ca/ferry-subsidy-vote/5870001">Global Research</a> reported in '
        "March, the subsidy vote was close.</p>\n<p>" + STORY + "</p>\n<p>" + NOTICE + "</p>\n"
    )
    path = write(tmp_path / "a.html", body)
    write(tmp_path / "a.meta.yaml", "".join(f"{k}: {v}\n" for k, v in GR_META.items()).replace("False", "false"))
    assert run_cli("check", str(path), "--fix").code == 0
    fixed = path.read_text(encoding="utf-8")
    assert 'href="https://www.globalresearch.ca/ferry-subsidy-vote/5870001"' in fixed and f'href="{GR}"' in fixed


@pytest.mark.parametrize(
    "line",
    [
        "Shared from [Global Research](https://www.globalresearch.ca/), a member of the Independent News Network.",
        "Published with the permission of [Global Research](https://www.globalresearch.ca/). Subscribe to their "
        "newsletter.",
        "From [Global Research](https://www.globalresearch.ca/), which is funded by its readers' donations.",
        "Thanks to [Global Research](https://www.globalresearch.ca/) for allowing us to run this here today.",
        "More from [Global Research](https://www.globalresearch.ca/): this essay ran there first, in March.",
        "Our newsletter partner [Global Research](https://www.globalresearch.ca/)\nfirst published this report.",
    ],
)
def test_a_credits_own_line_saying_more_is_still_the_credits(tmp_path, line):
    """Credits with words of a story's line in them (a member, a newsletter, donations), long ones, and one
    wrapped across two lines: the link is the credit's, told to change and changed by --fix alike (the review
    of the day's changes found each read as the story's, and one told but not fixed)."""
    path = write(tmp_path / "a.md", markdown(GR_META, f"\n{STORY}\n\n{line}\n\n{NOTICE}\n"))
    run = run_cli("check", str(path), "--format", "json")
    (finding,) = run.json()["results"][0]["findings"]
    assert finding["fix"].startswith("Change the link to https://www.globalresearch.ca/ "), finding
    assert run_cli("check", str(path), "--fix").code == 0
    assert f"[Global Research]({GR})" in path.read_text(encoding="utf-8")


def test_a_credits_line_linking_the_home_page_is_still_relinked(tmp_path):
    """The credit's own link gone to the wrong page is still corrected where it stands."""
    line = "The original source of this article is [Global Research](https://www.globalresearch.ca/)."
    path = write(tmp_path / "a.md", markdown(GR_META, f"\n{STORY}\n\n{line}\n\n{NOTICE}\n"))
    run = run_cli("check", str(path), "--format", "json")
    (finding,) = run.json()["results"][0]["findings"]
    assert "Change the link to https://www.globalresearch.ca/" in finding["fix"]
    assert run_cli("check", str(path), "--fix").code == 0
    assert f"is [Global Research]({GR})." in path.read_text(encoding="utf-8")
    # A copyright notice's linked name, with no other words of a credit, is a credit's link too.
    notice = "Copyright © Joanna Pike, [Global Research](https://www.globalresearch.ca/), 2026"
    path = write(tmp_path / "b.md", markdown(GR_META, f"\n{STORY}\n\n{notice}\n"))
    assert run_cli("check", str(path), "--fix").code == 0
    assert f"Joanna Pike, [Global Research]({GR}), 2026" in path.read_text(encoding="utf-8")


def test_a_propublica_citation_in_the_story_is_not_rewritten(tmp_path):
    url = "https://www.propublica.org/article/county-bridge-inspections-records"
    cited = "As [ProPublica](https://www.propublica.org/article/state-bridge-funding-2025) reported last year, state "
    cited += "funding fell."
    meta = {"author": "Dana Whitfield", "original_url": url, "original_published": "2026-09-20", "commercial": False}
    path = write(tmp_path / "a.md", markdown(meta, f"\n{cited}\n"))
    run = run_cli("check", str(path), "--format", "json")
    link = [f for f in run.json()["results"][0]["findings"] if f["rule"] == "propublica/link-original"]
    assert link and "Change the link" not in link[0]["fix"]
    run_cli("check", str(path), "--fix")
    assert cited in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "words", ["Cross-posted from", "Crossposted from", "Reposted from", "Reproduced from", "Courtesy of", "Via"]
)
def test_a_blogs_credit_words_make_a_file_without_original_url_told(tmp_path, words):
    """Global Research's terms grant leave "to cross-post": a page saying so with no original_url was skipped as
    the site's own, unwarned, where "Originally published by" was told."""
    path = write(tmp_path / "a.md", markdown({"title": "Ferries"}, f"\n{STORY}\n\n{words} [Global Research]({GR}).\n"))
    run = run_cli("check", str(path), "--format", "json")
    assert [f["rule"] for f in run.json()["results"][0]["findings"]] == ["reprint-guard/credited-original"]


@pytest.mark.parametrize(
    "line",
    [
        "Photo courtesy of [Global Research]({GR}).",
        "We sailed via [Global Research]({GR}).",
        "Via email, one wrote that [a Global Research report]({GR}) had covered it.",
        "As we originally posted on Tuesday, a [Global Research report]({GR}) found fares rose.",
        "Courtesy of the harbour trust, the map is ours. A [Global Research report]({GR}) found fares rose.",
        "Via [Global Research]({GR}): a useful explainer.",
        "![Chart of fares](/chart.png)\n*Via [Global Research]({GR})*",
    ],
)
def test_a_photos_courtesy_or_a_via_inside_a_sentence_is_no_credit_of_the_story(tmp_path, line):
    path = write(tmp_path / "a.md", markdown({"title": "Ferries"}, f"\n{STORY}\n\n{line.format(GR=GR)}\n"))
    assert run_cli("check", str(path), "--format", "json").json()["results"][0]["status"] == "skipped"


@pytest.mark.parametrize(
    "line", ["Cross-posted from Global Research.", "Reposted with permission from Global Research."]
)
def test_a_blogs_credit_by_name_alone_is_told(tmp_path, line):
    path = write(tmp_path / "a.md", markdown({"title": "Ferries"}, f"\n{STORY}\n\n{line}\n"))
    run = run_cli("check", str(path), "--format", "json")
    assert [f["rule"] for f in run.json()["results"][0]["findings"]] == ["reprint-guard/credited-original"]


def test_a_credit_by_name_is_quoted_as_written(tmp_path):
    """The address whole, not "www. globalresearch.ca"; and the name the credit's words give, not a later one."""
    text = f"\n{STORY}\n\nFirst appeared at www.globalresearch.ca/island-ferry-cuts-clinics/5890011\n"
    run = run_cli("check", str(write(tmp_path / "a.md", markdown({"title": "F"}, text))), "--format", "json")
    (finding,) = run.json()["results"][0]["findings"]
    assert "(First appeared at www.globalresearch.ca/island-ferry-cuts-clinics/5890011)" in finding["message"]
    text = f"\n{STORY}\n\nThis story was originally published by ProPublica.\n\nSource: Global Research\n"
    run = run_cli("check", str(write(tmp_path / "b.md", markdown({"title": "F"}, text))), "--format", "json")
    (finding,) = run.json()["results"][0]["findings"]
    assert (
        "credits ProPublica with the story (originally published by ProPublica), which propublica" in finding["message"]
    )


def test_a_link_written_with_markdown_escapes_is_told_where_it_stands(tmp_path):
    """A converter's "\\_" in a link's address (the parser's address has none) was told at the body's start."""
    line = "Source: [Global Research](https://www.globalresearch.ca/island-ferry-cuts-clinics/5890012\\_x)"
    path = write(tmp_path / "a.md", markdown(GR_META, f"\n{STORY}\n\n{line}\n\n{NOTICE}\n"))
    run = run_cli("check", str(path), "--format", "json")
    (finding,) = run.json()["results"][0]["findings"]
    row = path.read_text(encoding="utf-8").splitlines().index(line) + 1
    assert (finding["line"], finding["column"], finding["end_line"]) == (row, line.index("https") + 1, row)
    assert finding["end_column"] == len(line)


def test_a_toml_fix_leaves_a_true_or_false_placeholder_unquoted(tmp_path):
    """'commercial = "..."' would be pasted as a string: Hugo reads "false" as true, the tool as no flag."""
    text = '+++\ntitle = "Ferry cuts"\nauthor = "Joanna Pike"\noriginal_url = "' + GR + '"\n'
    text += f"original_published = 2026-10-02\n+++\n\n{STORY}\n\n*The original source of this article is "
    text += f"[Global Research]({GR}).*\n\n{NOTICE}\n"
    run = run_cli("check", str(write(tmp_path / "a.md", text)), "--format", "json")
    fixes = [f["fix"] for f in run.json()["results"][0]["findings"] if f["field"] == "commercial"]
    assert fixes and fixes[0].startswith("Add 'commercial = ...' (true or false)"), fixes


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ('title: "He said "no" to cuts"', 'write a " inside it as \\", or put the whole value in \' quotes'),
        ("title: 'It's over'", "write a ' inside it as '', or put the whole value in \" quotes"),
        (f"original_url: [Global Research]({GR})", 'is read as a list, which ends at its "]": quote the whole value'),
    ],
)
def test_a_value_running_on_past_its_quotes_is_told_so(tmp_path, line, said):
    """It was told "check this line's indentation", which is right."""
    path = write(tmp_path / "a.md", f"---\n{line}\nauthor: Joanna Pike\n---\n\n{STORY}\n")
    run = run_cli("check", str(path))
    assert run.code == 2 and said in run.out and "indentation" not in run.out, run.out


def test_a_credit_pasted_as_an_indented_code_block_is_told_to_be_unindented(tmp_path):
    """Its address was "in a comment, code, a hidden or closed element, ..." at the body's end, and --fix added a
    second credit below the first. A list item's indented paragraph is its text, not code."""
    credit = f"    The original source of this article is [Global Research]({GR})."
    text = markdown(GR_META, f"\n{STORY}\n\n{credit}\n\n{NOTICE}\n")
    path = write(tmp_path / "a.md", text)
    run = run_cli("check", str(path), "--format", "json")
    (finding,) = run.json()["results"][0]["findings"]
    row = text.splitlines().index(credit) + 1
    assert (finding["line"], finding["column"]) == (row, credit.index("https") + 1)
    assert "but in an indented code block" in finding["message"] and f"indentation of line {row}" in finding["fix"]
    run_cli("check", str(path), "--fix")
    assert path.read_text(encoding="utf-8") == text  # no second credit: the editor unindents this one
    listed = markdown(GR_META, f"\n- {STORY}\n\n{credit}\n\n{NOTICE}\n")
    assert run_cli("check", str(write(tmp_path / "b.md", listed))).code == 0
    # Right under a heading, with no blank line, it is code too.
    headed = markdown(GR_META, f"\n{STORY}\n\n## Credits\n{credit}\n\n{NOTICE}\n")
    run = run_cli("check", str(write(tmp_path / "c.md", headed)), "--format", "json")
    (finding,) = run.json()["results"][0]["findings"]
    assert "but in an indented code block" in finding["message"]


def test_a_credit_naming_the_publisher_in_the_wrong_case_is_told_where_it_stands(tmp_path):
    """It was told at the body's end with the fix to add a credit line, and --fix added a second credit."""
    line = f"Source: [Global research]({GR})"
    text = markdown(GR_META, f"\n{STORY}\n\n{line}\n\nCopyright © Joanna Pike, 2026\n")
    path = write(tmp_path / "a.md", text)
    run = run_cli("check", str(path), "--format", "json")
    (finding,) = [f for f in run.json()["results"][0]["findings"] if f["rule"] == "global-research/source-credit"]
    row = text.splitlines().index(line) + 1
    assert (finding["line"], finding["column"]) == (row, 10)
    assert finding["fix"] == 'Write "Global research" as "Global Research".'
    run_cli("check", str(path), "--fix")
    assert path.read_text(encoding="utf-8").count("lobal") == text.count("lobal")  # no second credit added


def test_the_credit_fix_inserts_links_the_article_not_a_place_in_its_page(tmp_path):
    """original_url copied from the address bar at the comments ("#comments"): the credit --fix adds linked it."""
    meta = {**GR_META, "original_url": f"{GR}#comments"}
    path = write(tmp_path / "a.md", markdown(meta, f"\n{STORY}\n\n{NOTICE}\n"))
    run_cli("check", str(path), "--fix")
    fixed = path.read_text(encoding="utf-8")
    assert f"[Global Research]({GR})" in fixed and "#comments)" not in fixed
    assert run_cli("check", str(path)).code == 0
