"""A link's address as a browser reads it: one written without its scheme (``www.propublica.org/...``) or with
fewer than two slashes after ``https:`` is a relative address, a page of the reprint's own site, so it is no
link to the original, to a rule's pattern, to a licence's deed, nor a publisher's counter; told at it, with the
address meant as the fix, which ``--fix`` writes. A link whose address ends in an escaped space (``%20``) is
told with the escape as written.

Real files through the real command line (``python -m reprint_guard``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli, write

ORIGINAL = "https://www.propublica.org/article/lead-test-results"
SIDECAR = f"author: Dana Whitfield\noriginal_url: {ORIGINAL}\ncommercial: false\n"
LINK_RULE = "propublica/link-original"
DEED = "https://creativecommons.org/licenses/by-nc-nd/3.0/us/"

CONVERSATION = "https://theconversation.com/why-cities-are-getting-hotter-at-night-241873"
CONVERSATION_SIDECAR = f"author: Priya Raman\noriginal_url: {CONVERSATION}\n"
COUNTER = "counter.theconversation.com/content/241873/count.gif?distributor=republish-lightbox-basic"


def propublica_md(href: str, deed: str = DEED) -> str:
    return (
        f"---\nauthor: Dana Whitfield\noriginal_url: {ORIGINAL}\ncommercial: false\n---\n\n"
        "By Dana Whitfield\n\nThe utility's managers knew the water was unsafe.\n\n"
        f"This story was originally published by [ProPublica]({href}).\n\n"
        '<script src="https://pixel.propublica.org/pixel.js" async></script>\n\n'
        f"Republished under a [CC BY-NC-ND 3.0 US]({deed}) licence.\n"
    )


def propublica_html(href: str, head: str = "") -> str:
    return (
        f"<html><head>{head}</head><body>\n<p>By Dana Whitfield</p>\n"
        "<p>The utility's managers knew the water was unsafe.</p>\n"
        f'<p>This story was originally published by <a href="{href}">ProPublica</a>.</p>\n'
        '<script src="https://pixel.propublica.org/pixel.js" async></script>\n'
        f'<p>Republished under a <a href="{DEED}">CC BY-NC-ND 3.0 US</a> licence.</p>\n</body></html>\n'
    )


def conversation_html(
    credit_href: str, deed: str = "https://creativecommons.org/licenses/by-nd/4.0/", counter: str = f"https://{COUNTER}"
) -> str:
    return (
        "<p>By Priya Raman, University of Northfield</p>\n"
        "<p>Urban heat islands are usually discussed as a daytime problem.</p>\n"
        f'<p>This article is republished from <a href="{credit_href}">The Conversation</a> under a '
        f'<a href="{deed}">CC BY-ND 4.0</a> licence.</p>\n'
        f'<img src="{counter}" alt="The Conversation" width="1" height="1">\n'
    )


def findings(run) -> list[dict]:
    return [f for file in run.json()["results"] for f in file["findings"]]


def of_rule(run, rule: str) -> list[dict]:
    return [f for f in findings(run) if f["rule"] == rule]


def check_json(path: Path):
    return run_cli("check", "--no-config", "--format", "json", str(path), cwd=path.parent)


# --- a link to the original written without its scheme ------------------------------------------------------


def test_a_credit_link_without_its_scheme_is_no_link_to_the_original_and_fix_adds_it(tmp_path):
    path = write(tmp_path / "pp.md", propublica_md("www.propublica.org/article/lead-test-results"))
    run = check_json(path)
    assert run.code == 1, run.out
    [finding] = of_rule(run, LINK_RULE)
    assert "written without the scheme (https://): www.propublica.org/article/lead-test-results" in finding["message"]
    assert "a relative address" in finding["message"]
    assert finding["fix"] == (
        f"Add https:// to the link's address: change www.propublica.org/article/lead-test-results into {ORIGINAL}."
    )
    assert (finding["line"], finding["column"]) == (11, 53)  # at the address as written
    fixed = run_cli("check", "--no-config", "--fix", str(path), cwd=tmp_path)
    assert f"originally published by [ProPublica]({ORIGINAL})." in path.read_text(encoding="utf-8"), fixed.err
    assert fixed.code == 0, fixed.out + fixed.err
    assert of_rule(check_json(path), LINK_RULE) == []


def test_a_host_without_www_and_without_its_scheme_is_told_likewise(tmp_path):
    path = write(tmp_path / "pp.md", propublica_md("propublica.org/article/lead-test-results"))
    [finding] = of_rule(check_json(path), LINK_RULE)
    assert "written without the scheme (https://): propublica.org/article/lead-test-results" in finding["message"]
    assert finding["fix"].endswith("into https://propublica.org/article/lead-test-results.")


def test_a_pattern_rules_credit_link_without_its_scheme_is_told_so_not_blamed_on_original_url(tmp_path):
    write(tmp_path / "conv.meta.yaml", CONVERSATION_SIDECAR)
    written = CONVERSATION.replace("https://", "www.")
    path = write(tmp_path / "conv.html", conversation_html(written))
    run = check_json(path)
    assert run.code == 1, run.out
    [finding] = of_rule(run, "the-conversation/link-original")
    assert "original_url" not in finding["message"] and "original_url" not in finding["fix"], finding
    assert f"written without the scheme (https://): {written}" in finding["message"]
    diff = run_cli("check", "--no-config", "--diff", str(path), cwd=tmp_path)
    assert f'-<p>This article is republished from <a href="{written}">' in diff.out
    assert f'+<p>This article is republished from <a href="https://{written}">' in diff.out


def test_under_a_base_href_the_link_without_its_scheme_is_told_and_fixed_as_written(tmp_path):
    write(tmp_path / "b.meta.yaml", SIDECAR)
    base = '<base href="https://news.reprint.example/stories/">'
    path = write(tmp_path / "b.html", propublica_html("www.propublica.org/article/lead-test-results", base))
    [finding] = of_rule(check_json(path), LINK_RULE)
    assert (
        "https://news.reprint.example/stories/www.propublica.org/article/lead-test-results (written "
        "www.propublica.org/article/lead-test-results, under the page's <base href>)"
    ) in finding["message"]
    run_cli("check", "--no-config", "--fix", str(path), cwd=tmp_path)
    assert f'<a href="{ORIGINAL}">ProPublica</a>' in path.read_text(encoding="utf-8")


# --- the slashes after https: as the WHATWG URL standard reads them ----------------------------------------


@pytest.mark.parametrize(
    "href",
    [
        "https:/www.propublica.org/article/lead-test-results",
        "https:www.propublica.org/article/lead-test-results",
        "https:\\www.propublica.org/article/lead-test-results",
    ],
)
def test_fewer_than_two_slashes_after_https_is_a_path_on_the_reprints_own_site(tmp_path, href):
    """On a page served over https (a reprint's), ``https:/host/a`` is relative: ``https://reprint/host/a``."""
    write(tmp_path / "a.meta.yaml", SIDECAR)
    path = write(tmp_path / "a.html", propublica_html(href))
    [finding] = of_rule(check_json(path), LINK_RULE)
    assert "another site" not in finding["message"], finding
    assert f"written with fewer than two slashes after 'https:': {href}" in finding["message"]
    assert finding["fix"] == f"Add the missing slash to the link's address: change {href} into {ORIGINAL}."
    run_cli("check", "--no-config", "--fix", str(path), cwd=tmp_path)
    assert f'<a href="{ORIGINAL}">ProPublica</a>' in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "href",
    [
        "https:\\\\www.propublica.org/article/lead-test-results",
        "https:///www.propublica.org/article/lead-test-results",
        "https:/\\www.propublica.org/article/lead-test-results",
        "http:/www.propublica.org/article/lead-test-results",  # another scheme than the page's: its host
    ],
)
def test_two_or_more_slashes_after_https_lead_to_the_original_as_a_browser_reads_them(tmp_path, href):
    write(tmp_path / "a.meta.yaml", SIDECAR)
    path = write(tmp_path / "a.html", propublica_html(href))
    run = check_json(path)
    assert of_rule(run, LINK_RULE) == [], run.out
    assert run.code == 0, run.out


# --- what a reader of a finding cannot see -------------------------------------------------------------------


@pytest.mark.parametrize(("escape", "said"), [("%20", "'%20' (a space)"), ("%C2%A0", "'%C2%A0' (a space)")])
def test_an_address_ending_in_an_escaped_space_is_told_with_the_escape_as_written(tmp_path, escape, said):
    path = write(tmp_path / "a.md", propublica_md(ORIGINAL + escape))
    [finding] = of_rule(check_json(path), LINK_RULE)
    assert f"its link to the article ends in a stray {said}: {ORIGINAL}{escape}" in finding["message"]
    assert finding["fix"] == f"Remove '{escape}' from the end of the link's address."
    assert " )" not in finding["message"]  # no blank standing for the space


def test_an_invisible_character_an_address_decodes_to_stays_escaped_in_the_finding(tmp_path):
    path = write(tmp_path / "a.md", propublica_md(ORIGINAL + "%E2%80%8B"))  # a zero-width space
    [finding] = of_rule(check_json(path), LINK_RULE)
    assert f"{ORIGINAL}%E2%80%8B" in finding["message"] and "\u200b" not in finding["message"]


# --- a licence's deed and a publisher's counter ------------------------------------------------------------


def test_a_deed_link_without_its_scheme_is_no_link_to_the_deed_and_fix_adds_it(tmp_path):
    path = write(tmp_path / "pp.md", propublica_md(ORIGINAL, deed=DEED.replace("https://", "")))
    run = check_json(path)
    [finding] = of_rule(run, "propublica/license")
    assert f"its link to the licence deed is written without the scheme (https://): {DEED[8:]}" in finding["message"]
    assert finding["fix"] == f"Add https:// to the deed's address: {DEED}."
    run_cli("check", "--no-config", "--fix", str(path), cwd=tmp_path)
    assert f"[CC BY-NC-ND 3.0 US]({DEED})" in path.read_text(encoding="utf-8")
    assert of_rule(check_json(path), "propublica/license") == []


@pytest.mark.parametrize("counter", [COUNTER, f"https:/{COUNTER}"])
def test_a_counter_whose_address_lacks_its_scheme_never_loads_from_the_publisher(tmp_path, counter):
    write(tmp_path / "c.meta.yaml", CONVERSATION_SIDECAR)
    path = write(tmp_path / "c.html", conversation_html(CONVERSATION, counter=counter))
    run = check_json(path)
    [finding] = of_rule(run, "the-conversation/page-counter")
    assert "its address is written with" in finding["message"] and counter in finding["message"], finding
    assert "None" not in finding["message"]  # not "serves it through None, an image CDN"
    assert f'src="https://{COUNTER}"' in finding["fix"]


# --- what still counts -------------------------------------------------------------------------------------


def test_a_bare_www_address_in_markdown_text_is_linked_by_the_renderer_and_counts(tmp_path):
    body = propublica_md(ORIGINAL).replace(
        f"[ProPublica]({ORIGINAL}).", "ProPublica at www.propublica.org/article/lead-test-results"
    )
    path = write(tmp_path / "a.md", body)
    run = check_json(path)
    assert of_rule(run, LINK_RULE) == [], run.out


def test_an_original_url_written_without_its_scheme_is_read_as_an_address_bar_reads_it(tmp_path):
    body = propublica_md(ORIGINAL).replace(
        f"original_url: {ORIGINAL}", "original_url: www.propublica.org/article/lead-test-results"
    )
    path = write(tmp_path / "a.md", body)
    run = check_json(path)
    assert of_rule(run, LINK_RULE) == [], run.out
    assert run.code == 0, run.out


# --- a picture under a hosts rule ---------------------------------------------------------------------------

HOSTS_POLICY = """id: mine
name: Harbour Times
publisher: Harbour Times
source_url: https://harbour.example/terms
applies_to: [harbour.example]
rules:
  - id: media-hosts
    check: media
    severity: error
    message: Media only from the publisher
    mode: hosts
    hosts: [harbour.example]
"""


@pytest.mark.parametrize(
    ("src", "added"),
    [
        ("www.harbour.example/photos/boat.jpg", "https://"),
        ("https:/harbour.example/photos/boat.jpg", "the missing slash"),
    ],
)
def test_a_picture_from_the_allowed_host_without_its_scheme_is_from_the_reprints_own_site(tmp_path, src, added):
    """A browser asks the reprint's own site for it: no picture from the allowed host, told with the fix."""
    write(tmp_path / "rules" / "mine.yaml", HOSTS_POLICY)
    write(tmp_path / "a.meta.yaml", "author: Jo Doe\noriginal_url: https://www.harbour.example/a/1\n")
    meant = "https://" + src.removeprefix("https:/")
    page = '<p>By Jo Doe</p><p>Story text here.</p>\n<img src="{}" alt="A boat" width="600" height="400">\n'
    path = write(tmp_path / "a.html", page.format(src))
    args = ("check", "--no-config", "--rules-dir", "rules", "--format", "json", str(path))
    run = run_cli(*args, cwd=tmp_path)
    assert run.code == 1, run.out
    [finding] = of_rule(run, "mine/media-hosts")
    assert "not from harbour.example: its address is written with" in finding["message"], finding
    assert finding["fix"] == f"Add {added} to its address: {meant}."
    write(tmp_path / "a.html", page.format(meant))
    assert run_cli(*args, cwd=tmp_path).code == 0


# --- a credit's link without its scheme to another page: corrected where it stands, never linked again --------

GR_ORIGINAL = "https://www.globalresearch.ca/the-river-that-ran-dry/5801234"


@pytest.mark.parametrize(
    ("href", "said"),
    [
        ("www.globalresearch.ca/", "on the same site, but not to the article itself"),  # its home page
        ("www.mondialisation.ca/", "the credit's link goes to another site, www.mondialisation.ca/"),
    ],
)
def test_a_credit_linking_another_page_without_its_scheme_is_relinked_in_place(tmp_path, href, said):
    body = (
        f"---\nauthor: Jo Doe\noriginal_url: {GR_ORIGINAL}\n---\n\nBy Jo Doe\n\nThe river ran dry in August.\n\n"
        f"*The original source of this article is [Global Research]({href}).*\n"
    )
    path = write(tmp_path / "gr.md", body)
    [finding] = of_rule(check_json(path), "global-research/link-original")
    assert said in finding["message"], finding
    assert "its address is written without the scheme (https://)" in finding["message"]
    diff = run_cli("check", "--no-config", "--diff", str(path), cwd=tmp_path).out
    assert f"+*The original source of this article is [Global Research]({GR_ORIGINAL}).*" in diff
    assert "[[" not in diff and diff.count("\n+*") == 1, diff  # no link inside the link, no second credit


# --- a CMS setting typed as into an address bar ---------------------------------------------------------------


@pytest.mark.parametrize("canonical", ["www.grist.org/climate/heat/", "grist.org/climate/heat/"])
def test_a_ghost_posts_canonical_url_without_its_scheme_still_marks_it_republished(tmp_path, canonical):
    """Ghost's canonical_url is a setting an editor types, as into an address bar: without its scheme it names
    the original's host all the same, and the post is a reprint, told how to wrap it, not passed over."""
    import json

    post = {"id": "2", "title": "Heat", "html": "<p>y</p>", "url": "https://myblog.example/b/"}
    write(tmp_path / "api.json", json.dumps({"posts": [{**post, "canonical_url": canonical}]}))
    run = run_cli("check", "--no-config", "--format", "json", "api.json", cwd=tmp_path)
    [result] = run.json()["results"]
    assert result["status"] == "error" and 'a Ghost post "Heat", not an envelope' in result["error"], result


# --- found attacking the change: backslashes, a query's "://", a name linked already -----------------------------


@pytest.mark.parametrize(
    "href",
    [
        "\\\\www.propublica.org/article/lead-test-results",
        "/\\www.propublica.org/article/lead-test-results",
        "///www.propublica.org/article/lead-test-results",
    ],
)
def test_two_leading_slashes_or_backslashes_lead_to_the_host_as_a_browser_reads_them(tmp_path, href):
    """On an https page, ``\\\\host/a`` and ``/\\host/a`` are ``//host/a``: the original, as a browser follows them."""
    write(tmp_path / "a.meta.yaml", SIDECAR)
    path = write(tmp_path / "a.html", propublica_html(href))
    run = check_json(path)
    assert of_rule(run, LINK_RULE) == [], run.out
    assert run.code == 0, run.out


@pytest.mark.parametrize(
    ("suffix", "fixed"),
    [("?via=https://t.co/x", ORIGINAL), ("#https://example.org", f"{ORIGINAL}#https://example.org")],
)
def test_an_address_without_its_scheme_holding_another_in_its_query_is_told_and_relinked(tmp_path, suffix, fixed):
    """A "://" in the query (or fragment) is no scheme: the link is still written without one, told at it, and
    ``--fix`` changes its address, not wrapping the link's words in a second link."""
    written = "www.propublica.org/article/lead-test-results" + suffix
    path = write(tmp_path / "pp.md", propublica_md(written))
    [finding] = of_rule(check_json(path), LINK_RULE)
    assert "written without the scheme (https://)" in finding["message"], finding
    assert "in no link a reader can follow" not in finding["message"], finding
    run_cli("check", "--no-config", "--fix", str(path), cwd=tmp_path)
    text = path.read_text(encoding="utf-8")
    assert f"originally published by [ProPublica]({fixed})." in text, text
    assert "[<a" not in text and text.count("ProPublica]") == 1, text


@pytest.mark.parametrize(
    ("name", "credit"),
    [
        ("pp.md", "This story was originally published by [ProPublica](article/lead-test-results)."),
        ("pp.md", "This story was originally published by [ProPublica][1].\n\n[1]: article/lead-test-results"),
        ("pp.md", 'This story was originally published by <a href="article/lead-test-results">ProPublica</a>.'),
        ("pp.html", '<p>This story was originally published by <a href="lead-test-results">ProPublica</a>.</p>'),
    ],
)
def test_fix_never_nests_a_link_in_a_credits_relative_link_nor_adds_a_second_credit(tmp_path, name, credit):
    """The credit's name is a link's words already, to a relative address (no link to the article as the check
    reads it): a link made of the name would nest in that one, and a credit inserted would be a second one."""
    if name.endswith(".md"):
        body = propublica_md(ORIGINAL).replace(
            f"This story was originally published by [ProPublica]({ORIGINAL}).", credit
        )
    else:
        write(tmp_path / "pp.meta.yaml", SIDECAR)
        body = propublica_html(ORIGINAL).replace(
            f'<p>This story was originally published by <a href="{ORIGINAL}">ProPublica</a>.</p>', credit
        )
    path = write(tmp_path / name, body)
    assert credit in body
    fixed = run_cli("check", "--no-config", "--fix", str(path), cwd=tmp_path)
    assert fixed.code == 1, fixed.out + fixed.err
    assert "needs the credit that is there corrected by hand, not a second one" in fixed.err, fixed.err
    assert path.read_text(encoding="utf-8") == body  # neither "[<a href=...>ProPublica</a>](...)" nor a new credit


@pytest.mark.parametrize(
    ("deed", "head", "said"),
    [
        ("https:/creativecommons.org/licenses/by-nd/4.0/", "", "written with fewer than two slashes after 'https:'"),
        (
            "creativecommons.org/licenses/by-nd/4.0/",
            '<base href="https://news.reprint.example/stories/">',
            "written without the scheme (https://): creativecommons.org/licenses/by-nd/4.0/",
        ),
    ],
)
def test_a_deed_link_lacking_its_scheme_is_told_so_not_as_another_sites_redirect(tmp_path, deed, head, said):
    """The deed's address inside the one a browser follows (``https://news.reprint.example/stories/creativecommons
    .org/...``) is no redirect through another site: a page of the reprint's own, its address to correct."""
    write(tmp_path / "c.meta.yaml", CONVERSATION_SIDECAR)
    path = write(
        tmp_path / "c.html", f"<html><head>{head}</head><body>{conversation_html(CONVERSATION, deed)}</body></html>"
    )
    [finding] = of_rule(check_json(path), "the-conversation/license")
    assert said in finding["message"], finding
    assert "redirect" not in finding["message"] and "through" not in finding["message"], finding
    assert finding["fix"].endswith("to the deed's address: https://creativecommons.org/licenses/by-nd/4.0/.")
    run_cli("check", "--no-config", "--fix", str(path), cwd=tmp_path)
    assert '<a href="https://creativecommons.org/licenses/by-nd/4.0/">' in path.read_text(encoding="utf-8")


def test_fix_adds_the_scheme_to_a_percent_encoded_address_the_finding_tells_decoded(tmp_path):
    """The finding tells ``.../art%C3%ADculo`` as a reader sees it (``artículo``); ``--fix`` still finds the
    address as the file writes it, and corrects it there, rather than giving up on it."""
    original = "https://www.propublica.org/article/art%C3%ADculo"
    body = propublica_md("www.propublica.org/article/art%C3%ADculo").replace(ORIGINAL, original)
    path = write(tmp_path / "pp.md", body)
    [finding] = of_rule(check_json(path), LINK_RULE)
    assert "written without the scheme (https://): www.propublica.org/article/artículo" in finding["message"]
    fixed = run_cli("check", "--no-config", "--fix", str(path), cwd=tmp_path)
    assert fixed.code == 0, fixed.out + fixed.err
    assert path.read_text(encoding="utf-8") == body.replace("[ProPublica](www.", "[ProPublica](https://www.")


def test_fix_adds_the_scheme_to_a_markdown_destination_written_in_angle_brackets(tmp_path):
    """``[ProPublica](<www.propublica.org/...>)`` is a Markdown link as ``[ProPublica](www.propublica.org/...)``
    is: its address corrected inside the brackets, as for the licence's deed, not left to the editor."""
    deed = DEED.removeprefix("https://")
    body = propublica_md("<www.propublica.org/article/lead-test-results>", deed=f"<{deed}>")
    path = write(tmp_path / "pp.md", body)
    fixed = run_cli("check", "--no-config", "--fix", str(path), cwd=tmp_path)
    assert fixed.code == 0, fixed.out + fixed.err
    assert path.read_text(encoding="utf-8") == body.replace("](<", "](<https://")


def test_fix_adds_the_scheme_to_an_href_written_with_character_references(tmp_path):
    """``href="www.propublica.org&#x2F;article&#x2F;..."`` is the address a browser reads decoded: corrected in
    place like any other, not left to the editor."""
    write(tmp_path / "a.meta.yaml", SIDECAR)
    written = "www.propublica.org&#x2F;article&#x2F;lead-test-results"
    path = write(tmp_path / "a.html", propublica_html(written))
    fixed = run_cli("check", "--no-config", "--fix", str(path), cwd=tmp_path)
    assert fixed.code == 0, fixed.out + fixed.err
    assert path.read_text(encoding="utf-8") == propublica_html(ORIGINAL)


@pytest.mark.parametrize(
    ("credit", "definition"),
    [
        ("[ProPublica][1]", "[1]: www.propublica.org/article/lead-test-results"),
        ("[ProPublica][pp]", "[PP]: <www.propublica.org/article/lead-test-results> 'ProPublica'"),
        ("[ProPublica]", "[ProPublica]: www.propublica.org/article/lead-test-results"),
    ],
)
def test_fix_adds_the_scheme_where_a_reference_links_definition_writes_the_address(tmp_path, credit, definition):
    """A reference link's address stands in its definition, where the finding stands: corrected there, the
    link's words read where it is used, as an inline link's are."""
    original = f"This story was originally published by [ProPublica]({ORIGINAL})."
    body = propublica_md(ORIGINAL).replace(
        original, f"This story was originally published by {credit}.\n\n{definition}"
    )
    path = write(tmp_path / "pp.md", body)
    fixed = run_cli("check", "--no-config", "--fix", str(path), cwd=tmp_path)
    assert fixed.code == 0, fixed.out + fixed.err
    assert path.read_text(encoding="utf-8") == body.replace(": www.", ": https://www.").replace(
        "<www.", "<https://www."
    )
