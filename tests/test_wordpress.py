"""WordPress's core shortcodes in a post's stored content, read as WordPress renders them."""

from __future__ import annotations

import pytest

from reprint_guard import check
from reprint_guard.readers import read_text
from reprint_guard.readers.wordpress import MAX_ITEMS, expand

GV = "https://globalvoices.org/2026/02/11/fishers-of-lago-cuyo/"
CREDIT = (
    f'<p><em>This story by Tomás Ibarra <a href="{GV}">originally appeared on Global Voices</a>. It is republished '
    'under a <a href="https://creativecommons.org/licenses/by/3.0/">CC BY 3.0</a> licence.</em></p>\n'
)
PHOTO = "https://ourtown.example/wp-content/uploads/2026/02/lago.jpg"
META = {
    "original_url": GV,
    "author": "Tomás Ibarra",
    "permissions": [{"from": "a@ourtown.example", "date": "2026-01-05", "scope": ["media"]}],
}


def findings(body: str, meta: dict | None = None) -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in check(body, meta or META, format="html").findings]


def test_a_captions_notice_is_the_pictures():
    """The classic editor's [caption]: its text after the picture is the caption, as <figcaption> is."""
    caption = (
        f'[caption id="attachment_88" align="aligncenter" width="640"]<img src="{PHOTO}" alt="" /> '
        "Boats on the shore, Reuters. All rights reserved.[/caption]"
    )
    assert findings(CREDIT + "<p>Fishers count their losses.</p>\n" + caption + "\n") == []
    footer = CREDIT + caption + "\n<p>All rights reserved.</p>\n"
    assert findings(footer) == [("global-voices/no-added-restrictions", 3)]
    linked = (
        f'[caption id="a" caption="Boats, Reuters. All rights reserved."]<a href="{PHOTO}"><img src="{PHOTO}"></a>'
        "[/caption]"
    )
    assert findings(CREDIT + linked + "\n") == []  # the caption given as an attribute, the picture in a link


def test_a_gallery_and_an_embed_are_media_placed_at_their_calls():
    grist = "https://grist.org/energy/harrow-point-wind-farm-outage/"
    body = (
        "<p>By Lena Ortiz.</p>\n<p>The wind farm went quiet.</p>\n\n"
        '[gallery ids="412,413,414" columns="3"]\n\n[embed]https://www.youtube.com/watch?v=abc[/embed]\n\n'
        f'<p><em>This story was originally published by <a href="{grist}">Grist</a>.</em></p>\n'
    )
    result = check(body, {"original_url": grist, "author": "Lena Ortiz"}, format="html")
    [photos] = [f for f in result.findings if "permission" in f.rule]
    assert (
        photos.line == 4 and '3 items of media, first <img> [gallery ids="412,413,414" columns="3"]' in photos.message
    )
    reprint = read_text(body, format="html")
    assert [m.tag for m in reprint.media[0]] == ["img", "img", "img", "iframe"]
    assert reprint.media[0][3].src == "https://www.youtube.com/watch?v=abc"
    assert "[gallery" not in reprint.visible.raw_text  # a call is no part of the article's text


@pytest.mark.parametrize(
    ("call", "tags"),
    [
        ('[video mp4="https://x.example/v.mp4" poster="https://x.example/p.jpg"][/video]', ["video"]),
        ('[audio src="https://x.example/a.mp3"]', ["audio"]),
        ('[playlist type="video" ids="1,2"]', ["video", "video"]),
        ("[[gallery]]", []),  # WordPress's way of writing the call as text
        ("[caption]a caption with no end", []),  # no end: left as text, as WordPress leaves it
        ("[galleryx ids=1]", []),  # another shortcode
        ("[audio cuts out] and then [video call with the market chair]", []),  # a transcript's brackets
        ('<a title="[gallery] docs" href="https://x.example/">docs</a>', []),  # in a tag: an attribute's value
    ],
)
def test_media_shortcodes(call, tags):
    assert [m.tag for m in read_text(f"<p>Text.</p>\n{call}\n", format="html").media[0]] == tags


def test_a_gallery_of_many_ids_is_written_out_a_bounded_number_of_times():
    """Each item carries the call as its address: five hundred ids five hundred times would be megabytes."""
    call = f'[gallery ids="{",".join(str(i) for i in range(500))}"]'
    assert expand(call).count("<img") == MAX_ITEMS
    hostile = "[gallery" * 100_000 + "[caption]" * 100_000
    assert expand(hostile) == hostile  # no call ends: all text, read in one pass


def test_a_rest_api_post_is_an_error_in_a_walk_not_passed_over(tmp_path, cli):
    """WordPress's REST shape ({"content": {"rendered": ...}}) was skipped as somebody else's JSON: a reprint
    passed unchecked. It is told how to wrap it; a package.json beside it is still passed over."""
    import json

    post = {
        "id": 5120,
        "link": "https://ourtown.example/2026/04/x/",
        "content": {"rendered": "<p>Story.</p>", "protected": False},
        "meta": {"original_url": "https://www.propublica.org/article/x"},
    }
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "post-5120.json").write_text(json.dumps(post, indent=1), encoding="utf-8")
    (tmp_path / "posts" / "package.json").write_text('{"name": "site"}', encoding="utf-8")
    own = {**post, "id": 5121, "meta": {"footnotes": ""}}  # a headless site's own post, cached: passed over
    (tmp_path / "posts" / "post-5121.json").write_text(json.dumps(own), encoding="utf-8")
    run = cli("check", "posts", "--format", "json", cwd=tmp_path)
    assert run.code == 2
    results = {r["path"].rsplit("/", 1)[-1]: r for r in run.json()["results"]}
    assert results["package.json"]["status"] == results["post-5121.json"]["status"] == "skipped"
    error = results["post-5120.json"]
    assert error["status"] == "error" and error["error_line"] == 4
    assert "a WordPress REST API post, not an envelope" in error["error"] and "content.rendered" in error["error"]


def test_a_rest_api_post_whose_canonical_is_another_sites_and_a_list_of_posts_are_told(tmp_path, cli):
    """A post whose meta names no original_url but whose SEO plugin's canonical (Yoast's yoast_head_json) is
    the original on another site was skipped as the site's own; /wp/v2/posts gives a list, skipped as "not a
    reprint" however many of its posts were republished."""
    import json

    post = {
        "id": 7,
        "link": "https://ourtown.example/2026/04/x/",
        "content": {"rendered": "<p>Story. Originally published by ProPublica.</p>"},
        "yoast_head_json": {"canonical": "https://www.propublica.org/article/water-bills"},
    }
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "post-7.json").write_text(json.dumps(post, indent=1), encoding="utf-8")
    own = {**post, "id": 8, "yoast_head_json": {"canonical": "https://www.ourtown.example/2026/04/y/"}}
    (tmp_path / "posts" / "post-8.json").write_text(json.dumps(own), encoding="utf-8")
    (tmp_path / "posts" / "list.json").write_text(json.dumps([own, post], indent=1), encoding="utf-8")
    (tmp_path / "posts" / "own-list.json").write_text(json.dumps([own, own]), encoding="utf-8")
    # The site's own, on a subdomain of its link's host, or with no link to tell by: passed over.
    desk = {
        **post,
        "id": 9,
        "link": "https://news.ourtown.example/a/",
        "yoast_head_json": {"canonical": "https://ourtown.example/news/a/"},
    }
    (tmp_path / "posts" / "post-9.json").write_text(json.dumps(desk), encoding="utf-8")
    bare = {k: v for k, v in own.items() if k != "link"}
    (tmp_path / "posts" / "post-10.json").write_text(json.dumps({**bare, "id": 10}), encoding="utf-8")
    # A canonical that names no host (a path) is no address a link would tell apart: not asked for.
    pathonly = {**bare, "id": 11, "yoast_head_json": {"canonical": "/2026/04/y/"}}
    (tmp_path / "posts" / "post-11.json").write_text(json.dumps(pathonly), encoding="utf-8")
    run = cli("check", "posts", "--format", "json", cwd=tmp_path)
    assert run.code == 2
    results = {r["path"].rsplit("/", 1)[-1]: r for r in run.json()["results"]}
    assert results["post-8.json"]["status"] == results["own-list.json"]["status"] == "skipped"
    assert results["post-9.json"]["status"] == results["post-10.json"]["status"] == "skipped"
    assert "a list of WordPress REST API posts" in results["own-list.json"]["reason"]
    # With no link, its canonical is not told as the site's own: the reason names it and what to give.
    unlinked = results["post-10.json"]["reason"]
    assert "https://www.ourtown.example/2026/04/y/" in unlinked and "no 'link'" in unlinked, unlinked
    assert "no 'link'" not in results["post-8.json"]["reason"]
    assert results["post-11.json"]["status"] == "skipped"
    assert "no 'link'" not in results["post-11.json"]["reason"], results["post-11.json"]["reason"]
    single = results["post-7.json"]
    assert single["status"] == "error" and single["error_line"] == 4, single
    said = "with its canonical address https://www.propublica.org/article/water-bills as original_url"
    assert "a WordPress REST API post, not an envelope" in single["error"] and said in single["error"]
    listed = results["list.json"]
    assert listed["status"] == "error" and "(the 2nd in the list)" in listed["error"], listed
    lines = (tmp_path / "posts" / "list.json").read_text(encoding="utf-8").splitlines()
    assert lines[listed["error_line"] - 1].strip() == "{" and '"id": 7' in lines[listed["error_line"]]


def test_a_whole_page_is_rendered_already():
    """A saved page has been through WordPress: its brackets are text ("[gallery ids=1]" quoted in a how-to)."""
    page = '<!DOCTYPE html><html><body><p>Write [gallery ids="1,2"] in the editor.</p></body></html>'
    reprint = read_text(page, format="html")
    assert reprint.media[0] == [] and '[gallery ids="1,2"]' in reprint.visible.raw_text


@pytest.mark.parametrize(
    ("line", "embedded"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", True),  # alone on its line: WordPress's player
        ("  https://youtu.be/dQw4w9WgXcQ  ", True),
        ("<p>https://vimeo.com/146022717</p>", True),  # alone in a paragraph
        ("<p>Watch it: https://www.youtube.com/watch?v=dQw4w9WgXcQ</p>", False),  # in a sentence: a link's words
        ('<p><a href="https://www.youtube.com/watch?v=x">https://www.youtube.com/watch?v=x</a></p>', False),
        ("https://ourtown.example/2026/02/other-story/", False),  # no provider's address
    ],
)
def test_a_providers_address_alone_on_its_line_is_the_embed_wordpress_makes(line, embedded):
    """A classic post's YouTube address on a line of its own is a player on the page (WordPress's autoembed):
    read as text, a video the terms leave out passed."""
    dialogue = "https://dialogue.earth/en/nature/mangrove-restoration-sundarbans/"
    body = (
        "<p>Mangrove replanting has a survival problem.</p>\n\n"
        f"{line}\n\n"
        f'<p><em>This article was originally published on <a href="{dialogue}">Dialogue Earth</a> by Rina Das, '
        'and is republished under a <a href="https://creativecommons.org/licenses/by-nc-nd/4.0/">CC BY-NC-ND 4.0'
        "</a> licence.</em></p>\n"
    )
    meta = {"author": "Rina Das", "original_url": dialogue, "original_published": "2026-11-01"}
    meta |= {"published": "2026-11-04", "commercial": False}
    found = [(f.rule, f.line) for f in check(body, meta, format="html").findings]
    assert found == ([("dialogue-earth/text-only", 3)] if embedded else []), found
    # A whole page is WordPress's rendering already: a line there is what it shows.
    page = f"<!DOCTYPE html><html><body>\n{body}</body></html>\n"
    assert check(page, meta, format="html").findings == []
    assert [m.tag for m in read_text(page, format="html").media[0]] == []


def test_a_providers_address_in_an_html_file_is_an_embed_as_in_a_library_call(tmp_path):
    """The autoembed ran for a library call and a JSON envelope, but for an .html file (or HTML on standard
    input) only when a "[" stood somewhere in it: the command line passed what the library failed."""
    from reprint_guard import check_file

    dialogue = "https://dialogue.earth/en/nature/mangrove-restoration-sundarbans/"
    page = tmp_path / "plainp.html"
    page.write_text(
        "<p>Bees.</p>\n<p>https://www.youtube.com/watch?v=abc</p>\n"
        f'<p><em>This article was originally published on <a href="{dialogue}">Dialogue Earth</a> by Rina Das, and '
        'is republished under a <a href="https://creativecommons.org/licenses/by-nc-nd/4.0/">CC BY-NC-ND 4.0</a>'
        " licence.</em></p>\n",
        encoding="utf-8",
    )
    (tmp_path / "plainp.meta.yaml").write_text(
        f"author: Rina Das\noriginal_url: {dialogue}\noriginal_published: 2026-11-01\npublished: 2026-11-04\n"
        "commercial: false\n",
        encoding="utf-8",
    )
    assert [(f.rule, f.line, f.column) for f in check_file(page).findings] == [("dialogue-earth/text-only", 2, 4)]
