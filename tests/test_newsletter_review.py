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


@pytest.mark.parametrize("given", ["--meta", "override"])
def test_a_medium_given_beside_the_file_makes_a_near_key_no_misspelt_medium(tmp_path, cli, given):
    """The attack on the misspelt-medium warning: ``--meta medium=web`` or a config override for the file's path
    sets the medium, and "checked as if 'medium' were not set" was false."""
    post = write(tmp_path / "gr.md", _gr_print("Media: print\n"))
    if given == "--meta":
        run = cli("check", str(post), "--no-config", "--meta", "medium=web", "--format", "json", cwd=tmp_path)
    else:
        config = write(tmp_path / "ov.yaml", 'overrides:\n  - paths: ["*.md"]\n    metadata: {medium: web}\n')
        run = cli("check", str(post), "--config", str(config), "--format", "json", cwd=tmp_path)
    assert "reprint-guard/misspelt-key" not in [f["rule"] for f in _findings(run)], _findings(run)


def test_a_media_key_listing_pictures_is_no_misspelt_medium(tmp_path, cli):
    post = write(tmp_path / "gr.md", _gr_print("media: [cover.jpg, map.png]\n"))
    run = cli("check", str(post), "--no-config", "--format", "json", cwd=tmp_path)
    assert "reprint-guard/misspelt-key" not in [f["rule"] for f in _findings(run)]


KFF_URL = "https://kffhealthnews.org/news/article/clinic-gap/"
KFF_META = f"original_url: {KFF_URL}\nauthor: Priya Raman\nmedium: newsletter\ncommercial: false\n"
TC_URL = "https://theconversation.com/why-the-tide-gauges-are-drifting-241873"
TC_META = f"original_url: {TC_URL}\nauthor: Mara Quist\nmedium: newsletter\ncommercial: false\n"

GHOST_TABLE = """\
<html><body>
<!--[if mso]><table><tr><td><![endif]-->
<div>
<h1>Clinic gap</h1>
<p>By Priya Raman</p>
<p>The clinic closes at six.</p>
</div>
<!--[if mso]></td></tr></table><![endif]-->
</body></html>
"""

HEADLINE_ROW = """\
<html><body>
<table>
<tr><td><h1>Clinic gap</h1></td></tr>
<tr><td>
<p>By Priya Raman</p>
<p>The clinic closes at six.</p>
<p>The next one is fifty minutes away.</p>
</td></tr>
<tr><td class="footer"><a href="https://clinicnotes.example/unsub">Unsubscribe</a></td></tr>
</table>
</body></html>
"""

NESTED_HEADLINE = """\
<html><body>
<table><tr><td>
<table><tr><td><h1>Clinic gap</h1></td></tr></table>
<p>By Priya Raman</p>
<p>The clinic closes at six.</p>
</td></tr>
<tr><td class="footer"><a href="https://clinicnotes.example/unsub">Unsubscribe</a></td></tr>
</table>
</body></html>
"""

PIXEL = "https://counter.theconversation.com/content/241873/count.gif?distributor=republish-lightbox-basic"
NO_HEADLINE = f"""\
<html><body>
<div style="display:none">This week: tide gauges.</div>
<table><tr><td>
<p><b>Why the tide gauges are drifting</b></p>
<p>By Mara Quist</p>
<p>The brass gauges on harbour walls are sinking with the land.</p>
<img src="{PIXEL}" alt="" width="1" height="1">
</td></tr></table>
</body></html>
"""


def _fixed(tmp_path, cli, page: str, meta: str) -> str:
    issue = write(tmp_path / "issue.html", page)
    write(tmp_path / "issue.meta.yaml", meta)
    run = cli("check", str(issue), "--no-config", "--fix", cwd=tmp_path)
    assert "left unchanged" not in run.err, run.err
    after = issue.read_text()
    assert after != page, (run.out, run.err)
    again = cli("check", str(issue), "--no-config", "--format", "json", cwd=tmp_path)
    assert again.code == 0, again.out
    return after


def test_fix_credits_a_hybrid_email_inside_its_story_div_not_an_outlook_only_cell(tmp_path, cli):
    after = _fixed(tmp_path, cli, GHOST_TABLE, KFF_META)
    credit = after.index("originally published by")
    assert after.index("The clinic closes at six.") < credit < after.index("</div>"), after


def test_fix_credits_a_story_under_a_headline_row_in_the_story_cell_above_the_footer(tmp_path, cli):
    after = _fixed(tmp_path, cli, HEADLINE_ROW, KFF_META)
    credit = after.index("originally published by")
    assert after.index("fifty minutes away.") < credit < after.index('</td></tr>\n<tr><td class="footer"'), after


def test_fix_credits_a_story_whose_headline_is_in_a_nested_table_above_the_footer(tmp_path, cli):
    after = _fixed(tmp_path, cli, NESTED_HEADLINE, KFF_META)
    credit = after.index("originally published by")
    assert after.index("closes at six.") < credit < after.index("Unsubscribe"), after
    assert credit < after.index('</td></tr>\n<tr><td class="footer"'), after


def test_fix_puts_a_top_credit_without_a_headline_inside_the_first_cell_not_above_the_preheader(tmp_path, cli):
    after = _fixed(tmp_path, cli, NO_HEADLINE, TC_META)
    credit = after.index("Republished from")
    assert after.index("<table><tr><td>") < credit < after.index("<p><b>Why the tide gauges"), after


def test_a_refused_fix_cites_no_place_of_the_copy_the_user_never_sees(tmp_path, cli):
    """The credit would go inside an element the page leaves open and hidden: the re-check's places are in
    the fixed copy, which is thrown away; the message says where, in words."""
    page = write(
        tmp_path / "a.html",
        "<html><body>\n<h1>Clinic gap</h1>\n<p>By Priya Raman</p>\n<p>The clinic closes at six.</p>\n"
        '<div style="display:none">\n<p>tracking</p>\n</body></html>\n',
    )
    write(tmp_path / "a.meta.yaml", f"original_url: {KFF_URL}\nauthor: Priya Raman\ncommercial: false\n")
    run = cli("check", str(page), "--no-config", "--fix", cwd=tmp_path)
    assert "left unchanged" in run.err, run.err
    assert "in the file at" not in run.err and "in the credit --fix would add" in run.err, run.err


PP_NEWS = """\
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>The Lantern weekly</title></head>
<body style="margin:0;padding:0;">
<span style="display:none !important;mso-hide:all;">Overdue bridges, and who is checking them.</span>
<center>
<!--[if mso]><table role="presentation" width="600" align="center"><tr><td><![endif]-->
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><td style="padding:10px;"><a href="https://lantern.example/issues/7">View in browser</a></td></tr>
<tr><td style="padding:20px;">
<h1>Inside the county's overdue bridge list</h1>
<p><strong>By Dana Whitfield, ProPublica</strong></p>
<p>Inspectors are supposed to climb under every public bridge in the state at least once every two years.</p>
<p>The delays are not secret.</p>
</td></tr>
<tr><td class="footer" style="font-size:11px;">
<a href="https://lantern.example/unsubscribe">Unsubscribe</a>
</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</center>
</body>
</html>
"""


@pytest.mark.parametrize("config", [None, 'skip-elements: ["td.footer", "td.header"]\n'])
def test_a_missing_credit_is_told_at_the_story_end_not_an_outlook_comment_or_the_footer(tmp_path, cli, config):
    issue = write(tmp_path / "pp-news.html", PP_NEWS)
    write(
        tmp_path / "pp-news.meta.yaml",
        "original_url: https://www.propublica.org/article/county-overdue-bridge-inspections\n"
        "author: Dana Whitfield\nmedium: newsletter\ncommercial: false\n",
    )
    args = ["--no-config"] if config is None else ["--config", str(write(tmp_path / "c.yaml", config))]
    run = cli("check", str(issue), *args, "--format", "json", cwd=tmp_path)
    told = [f for f in _findings(run) if f["rule"] == "propublica/credit-line"]
    assert len(told) == 1, _findings(run)
    assert told[0]["line"] == PP_NEWS.split("\n").index("<p>The delays are not secret.</p>") + 1, told


EVENTS = "".join(
    f"<tr><td><p>Event {n}: the harbour volunteers meet on Saturday morning at the boathouse to sort donated life "
    "jackets and repaint the dinghy racks before the season opens.</p></td></tr>\n"
    for n in range(8)
)
READ_MORE = f'<p><a href="{TC_URL}">Read the full article on The Conversation</a>.</p>\n'


def _extract(pointer_first: bool) -> str:
    story = (
        "<p>For most of the last century, the brass gauges bolted to harbour walls told a simple story: the water "
        "came in, the water went out, and on average it crept up by a couple of millimetres a year.</p>\n"
        "<p>That story is getting harder to read. Land under many ports is sinking, and the gauges sink with it.</p>\n"
    )
    story = READ_MORE + story if pointer_first else story + READ_MORE
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Issue</title></head>\n<body>\n'
        '<div style="display:none;max-height:0;overflow:hidden;">Tide gauges, and this week\'s events.</div>\n'
        '<table role="presentation" width="600" align="center">\n<tr><td style="padding:20px">\n'
        "<h1>Why the tide gauges are drifting</h1>\n"
        f'<p><em>Mara Quist, University of Northfield. Republished from <a href="{TC_URL}">The Conversation</a> '
        'under a <a href="https://creativecommons.org/licenses/by-nd/4.0/">CC BY-ND 4.0</a> licence.</em></p>\n'
        f'{story}<img src="{PIXEL}" alt="The Conversation" width="1" height="1" />\n</td></tr>\n'
        f"<tr><td><h2>Around the harbour</h2></td></tr>\n{EVENTS}"
        '<tr><td class="footer"><a href="https://lantern.example/unsub">Unsubscribe</a></td></tr></table>\n'
        "</body></html>\n"
    )


def test_a_newsletter_extract_ending_with_its_pointer_is_at_the_bottom_of_its_story(tmp_path, cli):
    """Other items (event listings, the footer) follow the story in an issue: the bottom is the story's end."""
    issue = write(tmp_path / "issue.html", _extract(pointer_first=False))
    write(tmp_path / "issue.meta.yaml", TC_META + "excerpt: true\n")
    run = cli("check", str(issue), "--no-config", "--format", "json", cwd=tmp_path)
    assert run.code == 0 and not _findings(run), run.out


def test_a_newsletter_extract_pointing_to_the_article_first_is_told_where_its_bottom_is(tmp_path, cli):
    issue = write(tmp_path / "issue.html", _extract(pointer_first=True))
    write(tmp_path / "issue.meta.yaml", TC_META + "excerpt: true\n")
    run = cli("check", str(issue), "--no-config", "--format", "json", cwd=tmp_path)
    (told,) = [f for f in _findings(run) if f["rule"] == "the-conversation/extract-read-more"]
    assert "the end of the story's cell" in told["message"], told


@pytest.mark.parametrize(
    "pixel",
    [
        "https://calmatters.org/?republication-pixel=true&amp;post=412233",
        "https://counter.theconversation.com/content/241873/count.gif?distributor=republish-lightbox-basic",
    ],
)
def test_a_page_with_a_publishers_republication_pixel_and_no_metadata_is_told(tmp_path, cli, pixel):
    issue = write(
        tmp_path / "issue.html",
        "<table><tr><td>\n<h1>Valley boards delay groundwater fees</h1>\n<p>By Luis Ortega</p>\n"
        f'<p>Several water boards voted this month to delay pumping fees.</p>\n<img src="{pixel}" width="1" '
        'height="1" alt="">\n</td></tr></table>\n',
    )
    run = cli("check", str(issue), "--no-config", "--format", "json", cwd=tmp_path)
    (told,) = _findings(run)
    assert told["rule"] == "reprint-guard/credited-original" and told["line"] == 5, told
    assert "republication pixel" in told["message"], told


def test_a_pixel_in_a_comment_or_another_image_of_the_site_is_no_sign(tmp_path, cli):
    issue = write(
        tmp_path / "issue.html",
        "<p>Our own story about the fees.</p>\n"
        '<img src="https://calmatters.org/wp-content/uploads/map.png" alt="A map">\n'
        '<!-- <img src="https://calmatters.org/?republication-pixel=true&post=412233"> -->\n',
    )
    run = cli("check", str(issue), "--no-config", "--format", "json", cwd=tmp_path)
    assert run.json()["results"][0]["status"] == "skipped", run.out


@pytest.mark.parametrize(
    "query",
    [
        "ml_subscriber=1893&ml_subscriber_hash=a1b2c3",
        "goal=0_4f1c9e2a7b_9d8c7b6a5e-41&mc_cid=9d8c7b6a5e&mc_eid=0a1b2c",
        "sfmc_id=4471&sfmc_sub=88",
        "ss_source=sscampaigns&ss_campaign_id=5e1",
    ],
)
def test_an_email_platforms_tracking_parameters_on_the_originals_link_are_no_part_of_it(tmp_path, cli, query):
    post = write(tmp_path / "gr.md", _gr_print("medium: web\n").replace(f"]({GR_URL})", f"]({GR_URL}?{query})"))
    run = cli("check", str(post), "--no-config", "--format", "json", cwd=tmp_path)
    assert run.code == 0 and not _findings(run), _findings(run)


def test_a_sites_own_goal_parameter_is_part_of_the_address(tmp_path, cli):
    post = write(tmp_path / "gr.md", _gr_print("medium: web\n").replace(f"]({GR_URL})", f"]({GR_URL}?goal=signup)"))
    run = cli("check", str(post), "--no-config", "--format", "json", cwd=tmp_path)
    assert any("link" in f["rule"] for f in _findings(run)), _findings(run)


# The review of h42f: the story's element claimed only when sure, the old measure (the whole issue) otherwise.

TC_CREDIT = (
    f'<p><em>Mara Quist. Republished from <a href="{TC_URL}">The Conversation</a> under a '
    '<a href="https://creativecommons.org/licenses/by-nd/4.0/">CC BY-ND 4.0</a> licence.</em></p>'
)

VIEW_IN_BROWSER_EXTRACT = f"""\
<html><body>
<div><p>View this email in your browser</p><p><a href="{TC_URL}">Read the full article on The Conversation</a></p></div>
<table><tr><td>
<p><b>Why the tide gauges are drifting</b></p>
{TC_CREDIT}
<p>For most of the last century, the brass gauges bolted to harbour walls told a simple story.</p>
<p>That story is getting harder to read. Land under many ports is sinking, and the gauges sink with it.</p>
<img src="{PIXEL}" alt="" width="1" height="1">
</td></tr></table>
</body></html>
"""

UNSUBSCRIBE_PARAGRAPH_EXTRACT = f"""\
<html><body>
<table><tr><td>
<h1>Why the newsletters keep coming</h1>
{TC_CREDIT}
<p><a href="{TC_URL}">Read the full article on The Conversation</a>.</p>
<p>Most readers who try to unsubscribe give up after the second screen, our survey of 2,000 inboxes found.</p>
<p>The dark patterns are simple: a grey link, a long form, a question asked twice.</p>
<p>Regulators in three countries have begun to count them, and the counts are rising.</p>
<p>Some senders now make leaving one click, and lose fewer readers than they feared.</p>
<img src="{PIXEL}" alt="" width="1" height="1">
</td></tr></table>
</body></html>
"""

SPLIT_EXTRACT = (
    '<html><body>\n<table role="presentation" width="600" align="center">\n<tr><td class="mcnTextContent">\n'
    "<h1>Why the tide gauges are drifting</h1>\n"
    f'<p><em>Mara Quist. Republished from <a href="{TC_URL}">The Conversation</a> under a '
    '<a href="https://creativecommons.org/licenses/by-nd/4.0/">CC BY-ND 4.0</a> licence.</em></p>\n'
    "<p>For most of the last century, the brass gauges told a simple story.</p>\n"
    f'{READ_MORE}</td></tr>\n<tr><td class="mcnTextContent">\n'
    + "".join(
        f"<p>Paragraph {n}: the gauges on harbour walls sink with the land under many ports, and the record drifts "
        "a little more every year.</p>\n"
        for n in range(3, 15)
    )
    + f'<img src="{PIXEL}" alt="" width="1" height="1" />\n</td></tr>\n</table>\n</body></html>\n'
)


@pytest.mark.parametrize(
    "page",
    [VIEW_IN_BROWSER_EXTRACT, UNSUBSCRIBE_PARAGRAPH_EXTRACT, SPLIT_EXTRACT],
    ids=["view-in-browser-above-no-h1", "a-paragraph-mentions-unsubscribe", "story-split-over-two-cells"],
)
def test_a_newsletter_extract_pointing_to_the_article_before_its_text_fails(tmp_path, cli, page):
    """The pointer above the extract's paragraphs is not at its bottom, whatever element holds the story."""
    issue = write(tmp_path / "issue.html", page)
    write(tmp_path / "issue.meta.yaml", TC_META + "excerpt: true\n")
    run = cli("check", str(issue), "--no-config", "--format", "json", cwd=tmp_path)
    assert run.code == 1, run.out
    assert "the-conversation/extract-read-more" in [f["rule"] for f in _findings(run)], run.out


VIEW_IN_BROWSER_STORY = """\
<html><body>
<div><p><a href="https://lantern.example/web/42">View this email in your browser</a></p><p>Issue 42</p></div>
<table><tr><td>
<p><b>Clinic gap</b></p>
<p>The clinic closes at six. The next one is fifty minutes away.</p>
<p>Patients who miss the last bus wait until morning.</p>
</td></tr></table>
</body></html>
"""

UNSUBSCRIBE_PARAGRAPH_STORY = """\
<html><body>
<table><tr><td>
<h1>Robocalls to Medicare patients</h1>
<p>By Priya Raman</p>
<p>The calls come at dinner time, offering a free brace.</p>
<p>Patients who try to unsubscribe from the calls are put on hold.</p>
<p>Regulators say the complaints doubled this year.</p>
<p>The clinic now warns every patient at the door.</p>
</td></tr>
<tr><td class="footer"><a href="https://lantern.example/unsub">Unsubscribe</a></td></tr>
</table>
</body></html>
"""

DIV_BLOCKS_STORY = (
    '<html><body>\n<div class="block">\n<h1>Clinic gap</h1>\n<p>By Priya Raman</p>\n<p>The clinic closes at six.</p>\n'
    '</div>\n<div class="block">\n'
    + "".join(
        f"<p>Paragraph {n} of the clinic story, with enough words to weigh something.</p>\n" for n in range(3, 30)
    )
    + "</div>\n</body></html>\n"
)


def _told_line(tmp_path, cli, page: str) -> int:
    issue = write(tmp_path / "issue.html", page)
    write(tmp_path / "issue.meta.yaml", KFF_META)
    run = cli("check", str(issue), "--no-config", "--format", "json", cwd=tmp_path)
    (told,) = [f for f in _findings(run) if f["rule"] == "kff-health-news/credit-publisher"]
    return told["line"]


@pytest.mark.parametrize(
    ("page", "last"),
    [
        (VIEW_IN_BROWSER_STORY, "<p>Patients who miss the last bus wait until morning.</p>"),
        (UNSUBSCRIBE_PARAGRAPH_STORY, "<p>The clinic now warns every patient at the door.</p>"),
        (DIV_BLOCKS_STORY, "<p>Paragraph 29 of the clinic story, with enough words to weigh something.</p>"),
    ],
    ids=["view-in-browser-above-no-h1", "a-paragraph-mentions-unsubscribe", "story-split-over-two-divs"],
)
def test_fix_credits_a_story_below_its_last_paragraph_and_a_missing_credit_is_told_there(tmp_path, cli, page, last):
    """Not in the "View in browser" bar, not before a paragraph that mentions unsubscribing, not after the
    first of two <div>s the story runs over."""
    lines = page.split("\n")
    assert _told_line(tmp_path, cli, page) >= lines.index(last) + 1
    after = _fixed(tmp_path, cli, page, KFF_META)
    assert after.index(last) < after.index("originally published by"), after


def _finishes(args: list[str], seconds: float) -> int:
    """Runs the interpreter with ``args``: it must finish within ``seconds`` (about ten times what a linear
    pass takes; a quadratic one takes minutes)."""
    import os
    import subprocess
    import sys

    try:
        run = subprocess.run([sys.executable, *args], capture_output=True, timeout=seconds, env=dict(os.environ))
    except subprocess.TimeoutExpired:
        pytest.fail(f"not finished within {seconds} s: quadratic?")
    return run.returncode


@pytest.mark.parametrize(
    "page",
    [
        '"<html><body>" + "<div>" * 3000 + "<h1>Clinic gap</h1>" + "<span>x</span>\\n" * 40000 + "</div>" * 3000',
        '"<html><body><table><tr><td><h1>Clinic</h1></td></tr>" + "<tr><td><p>x</p></td></tr>\\n" * 40000',
    ],
    ids=["deep-divs", "a-row-a-cell"],
)
def test_an_emails_story_is_found_in_linear_time(page):
    code = f"from reprint_guard.reprint import email_story\npage = {page}\nemail_story(page, 12, len(page))\n"
    assert _finishes(["-c", code], 15) == 0


def test_a_sites_own_page_full_of_unclosed_img_tags_is_read_in_linear_time(tmp_path, cli):
    """The republication pixel's look-up reads from an "<img " a bounded stretch, not to the page's next ">"."""
    post = write(
        tmp_path / "own.md", "# Notes on markup\n\nSee https://example.org/x\n\n```\n" + "<img " * 30000 + "\n```\n"
    )
    page = write(
        tmp_path / "own.html", "<p>Our own story, see https://example.org/x</p>\n<!-- " + "<img " * 30000 + "\n"
    )
    for path in (post, page):
        assert _finishes(["-m", "reprint_guard", "check", "--no-config", str(path)], 15) == 0


def test_a_misspelt_medium_is_no_warning_when_its_value_names_no_medium(tmp_path, cli):
    for n, line in enumerate(["mediums: [a]\n", "Medium: https://medium.com/@x/post\n"]):
        post = write(tmp_path / f"gr{n}.md", _gr_print(line))
        run = cli("check", str(post), "--no-config", "--format", "json", cwd=tmp_path)
        assert "reprint-guard/misspelt-key" not in [f["rule"] for f in _findings(run)], line
