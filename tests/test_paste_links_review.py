"""A volunteer editor's review of pasting from Word, Google Docs and Outlook: links through Google's and
Outlook's redirects, credits whose name is split across spans or broken by invisible characters, and a
``<picture>`` whose ``<img>`` has an empty ``src``. Each through the real CLI, on real files."""

from __future__ import annotations

WEIR_FRONT = (
    "---\ntitle: The Weir Comes Down\nauthor: Kofi Mensah\n"
    "original_url: https://riverwatch.example.org/2025/07/weir-removal\nlicense: CC-BY-4.0\nmedium: web\n"
    "commercial: false\n---\n\nAfter ninety years the old mill weir on the Alder River was cut open.\n\n"
)
WEIR_URL = "https://riverwatch.example.org/2025/07/weir-removal"
DEED = "https://creativecommons.org/licenses/by/4.0/"
GOOGLE_DEED = f"https://www.google.com/url?q={DEED}&sa=D&source=editors&ust=1751400000000000&usg=AOvVaw1XyZ"
SAFE_DEED = (
    "https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fcreativecommons.org%2Flicenses%2Fby%2F4.0%2F"
    "&data=05%7C02&sdata=QW%3D&reserved=0"
)


def _weir(tmp_path, deed_href: str, original_href: str = WEIR_URL):
    story = tmp_path / "weir.md"
    story.write_text(
        WEIR_FRONT + f"*By Kofi Mensah. This article was originally published at [Riverwatch]({original_href}) "
        f"and is republished under a [CC BY 4.0]({deed_href}) licence.*\n",
        encoding="utf-8",
    )
    return story


def _findings(cli, path) -> list[dict]:
    run = cli("check", str(path), "--no-config", "--format", "json")
    return run.json()["results"][0]["findings"]


def test_licence_deed_through_google_is_told_as_a_redirect_at_the_link(tmp_path, cli):
    """The deed linked through Google Docs' redirect was "not named and linked", and --fix added a second
    licence sentence beside it: it is told at the link as a redirect, the direct deed its fix, and --fix changes
    the link's address to the deed's, adding nothing."""
    story = _weir(tmp_path, GOOGLE_DEED)
    (found,) = _findings(cli, story)
    assert found["rule"] == "cc-by-4.0/license", found
    assert "it links to the licence deed through google.com" in found["message"], found["message"]
    assert found["message"].startswith(
        "The licence (CC BY 4.0) is named, but its deed is linked only through another site"
    ), found["message"]
    assert found["fix"] == f"Link to the licence deed directly: {DEED}.", found["fix"]
    line = story.read_text(encoding="utf-8").splitlines()[found["line"] - 1]
    assert line[found["column"] - 1 : found["end_column"] - 1] == GOOGLE_DEED, found
    before = story.read_text(encoding="utf-8")
    run = cli("check", str(story), "--no-config", "--fix")
    assert run.code == 0, run.err  # the link's address changed to the deed's, where it stands: nothing added
    assert story.read_text(encoding="utf-8") == before.replace(GOOGLE_DEED, DEED)


def test_licence_deed_through_safe_links_is_told_as_a_redirect(tmp_path, cli):
    story = _weir(tmp_path, SAFE_DEED)
    run = cli("check", str(story), "--no-config", "--no-progress")
    assert run.code == 1
    assert "it links to the licence deed through nam12.safelinks.protection.outlook.com" in run.out, run.out
    assert f"fix: Link to the licence deed directly: {DEED}." in run.out, run.out
    assert "Add:" not in run.out, run.out


def test_both_links_through_redirects_each_told_so(tmp_path, cli):
    google_original = f"https://www.google.com/url?q={WEIR_URL}&sa=D&source=editors&ust=1&usg=AOv"
    story = _weir(tmp_path, SAFE_DEED, google_original)
    found = {f["rule"]: f for f in _findings(cli, story)}
    assert set(found) == {"cc-by-4.0/license", "cc-by-4.0/link-original"}, found
    assert "through google.com" in found["cc-by-4.0/link-original"]["message"]
    assert "through nam12.safelinks.protection.outlook.com" in found["cc-by-4.0/license"]["message"]
    # Told alike: the rules' own severity, a fix giving the direct link.
    assert {f["severity"] for f in found.values()} == {"error"}
    assert found["cc-by-4.0/license"]["fix"].startswith("Link to the licence deed directly: ")


TIDE_URL = "https://theconversation.com/why-tide-pools-are-warming-faster-than-the-sea-241187"
TIDE_META = (
    f"original_url: {TIDE_URL}\nauthor: Priya Raman\ntitle: Why tide pools are warming faster than the sea\n"
    "original_published: 2025-08-01\nmedium: web\ncommercial: false\n"
)
TIDE_PIXEL = (
    '<img src="https://counter.theconversation.com/content/241187/count.gif?distributor=republish-lightbox-basic" '
    'alt="The Conversation" width="1" height="1" style="border: none !important; box-shadow: none !important; '
    "margin: 0 !important; max-height: 1px !important; max-width: 1px !important; min-height: 1px !important; "
    'min-width: 1px !important; opacity: 0 !important; outline: none !important; padding: 0 !important" '
    'referrerpolicy="no-referrer-when-downgrade" />\n'
)


def _tide(tmp_path, licence: str):
    google = f"https://www.google.com/url?q={TIDE_URL}&amp;sa=D&amp;source=editors&amp;ust=1&amp;usg=AOv"
    page = tmp_path / "tide.html"
    page.write_text(
        "<h1>Why tide pools are warming faster than the sea</h1>\n"
        f'<p><em>Priya Raman. Republished from <a href="{google}">The Conversation</a> under {licence}.</em></p>\n'
        "<p>On a calm afternoon a rock pool can be five degrees warmer than the water a metre away.</p>\n"
        "<p>Limpets and small fish living there are adapted to swings, but not to weeks of them.</p>\n" + TIDE_PIXEL,
        encoding="utf-8",
    )
    (tmp_path / "tide.meta.yaml").write_text(TIDE_META, encoding="utf-8")
    return page


def test_conversation_credit_through_google_is_told_at_it_not_doubled(tmp_path, cli):
    """The Conversation's pattern rule said "no visible link to theconversation.com" at the page's end, and
    --fix inserted a second credit above the first: the credit's link is told as a redirect where it stands."""
    page = _tide(tmp_path, 'a <a href="https://creativecommons.org/licenses/by-nd/4.0/">CC BY-ND 4.0</a> licence')
    (found,) = _findings(cli, page)
    assert found["rule"] == "the-conversation/link-original", found
    assert found["line"] == 2, found
    assert "it links to the original through google.com" in found["message"], found["message"]
    assert found["fix"] == f"Link to the original article directly: {TIDE_URL}.", found["fix"]
    before = page.read_text(encoding="utf-8")
    run = cli("check", str(page), "--no-config", "--fix")
    assert run.code == 1
    assert "needs the credit that is there corrected by hand, not a second one" in run.err, run.err
    assert page.read_text(encoding="utf-8") == before


def test_conversation_licence_by_reference_through_google_credit(tmp_path, cli):
    """ "under a Creative Commons license" beside the credit's link gives the licence by reference; through
    Google's redirect too (the redirect is the link rule's to tell), not "neither named nor linked"."""
    page = _tide(tmp_path, "a Creative Commons license")
    rules = [f["rule"] for f in _findings(cli, page)]
    assert rules == ["the-conversation/link-original"], rules


def test_safe_links_around_a_google_redirect_is_read_through(tmp_path, cli):
    """Outlook's Safe Links wrapping Google Docs' redirect to the original: "goes to another site", its fix
    quoting a decoded address the file does not hold; both redirects are read through and named."""
    inner = "https%3A%2F%2Fwww.globalresearch.ca%2Fferry-timetables-island-bakery%2F5890011"
    href = (
        f"https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.google.com%2Furl%3Fq%3D{inner}"
        "%26sa%3DD%26source%3Deditors%26ust%3D1%26usg%3DAOv&data=05%7C02&sdata=QW%3D&reserved=0"
    )
    story = tmp_path / "ferry.md"
    story.write_text(
        "---\ntitle: Ferry Timetables\nauthor: Ines Varga\n"
        "original_url: https://www.globalresearch.ca/ferry-timetables-island-bakery/5890011\n"
        "original_published: 2025-05-02\nmedium: web\ncommercial: false\n---\n\n"
        "On Brannock Island the bakery opens when the first ferry lands.\n\n"
        f"*The original source of this article is [Global Research]({href}).*\n\n"
        "Copyright © Ines Varga, Global Research, 2025\n",
        encoding="utf-8",
    )
    (found,) = _findings(cli, story)
    assert found["rule"] == "global-research/link-original", found
    assert "through nam12.safelinks.protection.outlook.com, then google.com" in found["message"], found["message"]
    assert "goes to another site" not in found["message"]
    assert found["fix"] == (
        "Link to the original article directly: https://www.globalresearch.ca/ferry-timetables-island-bakery/5890011."
    )
    before = story.read_text(encoding="utf-8")
    run = cli("check", str(story), "--no-config", "--fix")
    assert run.code == 1
    assert story.read_text(encoding="utf-8") == before


FERRY_ORIGINAL = "https://www.globalresearch.ca/ferry-timetables-island-bakery/5890011"
FERRY_META = (
    f"original_url: {FERRY_ORIGINAL}\nauthor: Ines Varga\noriginal_published: 2025-05-02\nmedium: web\n"
    "commercial: false\n"
)
FERRY_LINKED = f'<a href="{FERRY_ORIGINAL}">'


def _placed(cli, path) -> tuple[dict, str]:
    """The one finding on ``path`` and the source text it marks."""
    (found,) = _findings(cli, path)
    lines = path.read_text(encoding="utf-8").split("\n")
    if found["end_line"] == found["line"]:
        marked = lines[found["line"] - 1][found["column"] - 1 : found["end_column"] - 1]
    else:
        first = lines[found["line"] - 1][found["column"] - 1 :]
        last = lines[found["end_line"] - 1][: found["end_column"] - 1]
        marked = "\n".join([first, *lines[found["line"] : found["end_line"] - 1], last])
    return found, marked


def test_credit_split_across_two_spans_is_told_at_it_and_linked_in_place(tmp_path, cli):
    """ "Global Research" written in two <span>s was told at the copyright line's "Global Research", and --fix
    appended a second credit: it is told at the credit's name, and --fix links the name where it stands."""
    page = tmp_path / "page.html"
    credit = "<p>The original source of this article is <span>Global</span><span> Research</span>.</p>"
    page.write_text(
        "<p>The bakery opens when the first ferry lands.</p>\n"
        f"{credit}\n<p>Copyright © Ines Varga, Global Research, 2025</p>\n",
        encoding="utf-8",
    )
    (tmp_path / "page.meta.yaml").write_text(FERRY_META, encoding="utf-8")
    found, marked = _placed(cli, page)
    assert found["rule"] == "global-research/link-original", found
    assert found["line"] == 2, found
    assert marked == "Global</span><span> Research", marked
    assert "the credit names Global Research with no link to the article" in found["message"]
    run = cli("check", str(page), "--no-config", "--fix")
    assert run.code == 0, run.err + run.out
    text = page.read_text(encoding="utf-8")
    assert text.count("Global Research") == 1 and text.count("original source") == 1, text
    assert f"is {FERRY_LINKED}<span>Global</span><span> Research</span></a>.</p>" in text, text


def test_credit_split_in_markdown_spans_is_linked_in_place(tmp_path, cli):
    story = tmp_path / "reprint.md"
    story.write_text(
        "---\ntitle: Ferry Timetables\n" + FERRY_META + "---\n\nThe bakery opens when the first ferry lands.\n\n"
        "The original source of this article is <span>Global</span> <span>Research</span>.\n\n"
        "Copyright © Ines Varga, Global Research, 2025\n",
        encoding="utf-8",
    )
    found, marked = _placed(cli, story)
    assert found["line"] == 12 and marked == "Global</span> <span>Research", (found, marked)
    run = cli("check", str(story), "--no-config", "--fix")
    assert run.code == 0, run.err + run.out
    text = story.read_text(encoding="utf-8")
    assert text.count("original source") == 1, text
    assert f"is {FERRY_LINKED}<span>Global</span> <span>Research</span></a>.\n" in text, text


def test_word_save_as_web_page_credit_is_linked_in_place(tmp_path, cli):
    """Word's "Save as Web Page": each word of the name in an <i><span>, the credit told inside "The original
    source" and a second credit added after the last </div>."""
    page = tmp_path / "word.html"
    page.write_text(
        "<html>\n<body lang=EN-GB>\n<div class=WordSection1>\n"
        "<p class=MsoNormal>On Brannock Island the bakery opens when the first ferry lands.<o:p></o:p></p>\n"
        "<p class=MsoNormal><i><span style='mso-bidi-font-style:normal'>The original source of this article is "
        "</span></i><span><i><span style='mso-bidi-font-style:normal'>Global</span></i><i><span\n"
        "style='mso-bidi-font-style:normal'> Research</span></i></span><i>.<o:p></o:p></i></p>\n"
        "<p class=MsoNormal>Copyright © Ines <span class=SpellE>Varga</span>, "
        "Global<span style='mso-spacerun:yes'>&nbsp;</span>Research, 2025<o:p></o:p></p>\n"
        "</div>\n</body>\n</html>\n",
        encoding="utf-8",
    )
    (tmp_path / "word.meta.yaml").write_text(FERRY_META, encoding="utf-8")
    found, marked = _placed(cli, page)
    assert (found["line"], found["end_line"]) == (5, 6), found
    assert marked.startswith("Global</span>") and marked.endswith(" Research"), marked
    run = cli("check", str(page), "--no-config", "--fix")
    assert run.code == 0, run.err + run.out
    text = page.read_text(encoding="utf-8")
    assert text.count("original source") == 1, text
    assert (
        f"<span>{FERRY_LINKED}<i><span style='mso-bidi-font-style:normal'>Global</span></i><i><span\n"
        "style='mso-bidi-font-style:normal'> Research</span></i></a></span>"
    ) in text, text


def test_credit_across_crossed_tags_gets_a_linked_credit_line(tmp_path, cli):
    """A name across tags no link can be put around (``<b>Global <i>Research</b></i>``): --fix adds a linked
    credit line, as for a credit with no name, and leaves the crossed tags as they are (refusing the whole file
    dropped the other fixes too)."""
    page = tmp_path / "crossed.html"
    page.write_text(
        "<p>The bakery opens when the first ferry lands.</p>\n"
        "<p>The original source of this article is <b>Global <i>Research</b></i>.</p>\n"
        "<p>Copyright © Ines Varga, Global Research, 2025</p>\n",
        encoding="utf-8",
    )
    (tmp_path / "crossed.meta.yaml").write_text(FERRY_META, encoding="utf-8")
    run = cli("check", str(page), "--no-config", "--fix")
    assert run.code == 0, run.err + run.out
    assert "fixed global-research/link-original" in run.err, run.err
    text = page.read_text(encoding="utf-8")
    assert "is <b>Global <i>Research</b></i>.</p>" in text and f"is {FERRY_LINKED}Global Research</a>." in text, text
    assert cli("check", str(page), "--no-config").code == 0


def _ferry_md(tmp_path, name: str, credit_name: str):
    story = tmp_path / name
    story.write_text(
        "---\ntitle: Ferry Timetables\n" + FERRY_META + "---\n\nThe bakery opens when the first ferry lands.\n\n"
        f"The original source of this article is {credit_name}.\n\n"
        "Copyright © Ines Varga, Global Research, 2025\n",
        encoding="utf-8",
    )
    return story


def test_unlinked_credit_with_zero_width_space_or_soft_hyphen_behaves_as_plain(tmp_path, cli):
    """A zero-width space or a soft hyphen inside the credit's name: told at the body's end without "names
    Global Research with no link", and --fix appended a second credit; now as the plain name is, told at the
    name and linked where it stands."""
    plain = _ferry_md(tmp_path, "plain.md", "Global Research")
    want, _ = _placed(cli, plain)
    for name, written in (
        ("zwsp.md", "Glo\u200bbal Research"),
        ("zwsp-space.md", "Global\u200b Research"),
        ("shy.md", "Glo\u00adbal Research"),
    ):
        story = _ferry_md(tmp_path, name, written)
        found, marked = _placed(cli, story)
        assert (found["line"], found["column"]) == (want["line"], want["column"]), (name, found)
        assert marked == written, (name, marked)
        assert "the credit names Global Research with no link to the article" in found["message"], found
        run = cli("check", str(story), "--no-config", "--fix")
        assert run.code == 0, run.err + run.out
        text = story.read_text(encoding="utf-8")
        assert f"is [{written}]({FERRY_ORIGINAL}).\n" in text, text
        assert text.count("original source") == 1, text


def test_picture_with_empty_img_src_is_told_at_its_source(tmp_path, cli):
    """<picture><source srcset><img src=""></picture> was told at 1:1 as "first <img> ," with no extent;
    without the src attribute at the <source>. Told at the source either way."""
    for name, img in (("empty.html", '<img src="" alt="The jail at night">'), ("nosrc.html", '<img alt="The jail">')):
        page = tmp_path / name
        page.write_text(
            "<p>Families pay more for a fifteen-minute call than for a month of internet.</p>\n"
            "<p>The county keeps a share.</p>\n"
            f'<picture><source srcset="https://img.propublica.org/jail.webp">{img}</picture>\n'
            "<p><em>By Dana Whitlow. This story was originally published by "
            '<a href="https://www.propublica.org/article/county-jail-phone-fees-kessler">ProPublica</a>. '
            'It is republished under a <a href="https://creativecommons.org/licenses/by-nc-nd/3.0/us/">'
            "CC BY-NC-ND 3.0 US</a> licence.</em></p>\n"
            '<script type="text/javascript" src="https://pixel.propublica.org/pixel.js" async></script>\n',
            encoding="utf-8",
        )
        (tmp_path / name.replace(".html", ".meta.yaml")).write_text(
            "original_url: https://www.propublica.org/article/county-jail-phone-fees-kessler\n"
            "author: Dana Whitlow\nmedium: web\ncommercial: false\n",
            encoding="utf-8",
        )
        found, marked = _placed(cli, page)
        assert found["rule"] == "propublica/photos-permission", found
        assert (found["line"], found["column"]) == (3, 26), (name, found)
        assert marked == "https://img.propublica.org/jail.webp", (name, marked)
        assert "1 item of media, first <source> https://img.propublica.org/jail.webp" in found["message"], found
