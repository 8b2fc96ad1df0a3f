"""A volunteer editor's review of pasting from Word, Google Docs and Outlook (the forty-fourth session): a
zero-width space, a word joiner or a soft hyphen pasted for the space between a name's words, invisible
characters in a permission record and the metadata's names, CSS ``image-set()`` pictures, and pandoc's link
attributes. Each through the real CLI, on real files."""

from __future__ import annotations

import pytest

from reprint_guard.textnorm import normalize

FERRY_ORIGINAL = "https://www.globalresearch.ca/ferry-timetables-island-bakery/5890011"
FERRY_META = (
    f"original_url: {FERRY_ORIGINAL}\nauthor: Ines Varga\noriginal_published: 2025-05-02\nmedium: web\n"
    "commercial: false\n"
)
#: What a paste puts for the space between two words that shows nothing.
GAPS = {"zwsp": "\u200b", "word-joiner": "\u2060", "byte-order-mark": "\ufeff"}


def _ferry(tmp_path, name: str, credit: str, notice: str = "Global Research"):
    story = tmp_path / name
    story.write_text(
        "---\ntitle: Ferry Timetables\n" + FERRY_META + "---\n\nThe bakery opens when the first ferry lands.\n\n"
        f"{credit}\n\nCopyright © Ines Varga, {notice}, 2025\n",
        encoding="utf-8",
    )
    return story


@pytest.mark.parametrize("gap", GAPS.values(), ids=GAPS.keys())
def test_name_with_an_invisible_gap_for_its_space_is_credited_as_with_a_space(tmp_path, cli, gap):
    """ "Global\u200bResearch" (an invisible character pasted for the space, no space) was no credit to Global
    Research: source-credit failed where "Global\u00a0Research" passed. Read as the two words a reader sees."""
    name = f"Global{gap}Research"
    story = _ferry(tmp_path, "story.md", f"*The original source of this article is [{name}]({FERRY_ORIGINAL}).*", name)
    run = cli("check", str(story), "--no-config")
    assert run.code == 0, run.out + run.err


@pytest.mark.parametrize("gap", GAPS.values(), ids=GAPS.keys())
def test_unlinked_name_with_an_invisible_gap_is_told_at_it_and_linked_in_place(tmp_path, cli, gap):
    """The same name unlinked was told at the body's end without naming the credit, and --fix appended a second
    credit line; now as the name with a space: told at the name, linked where it stands."""
    name = f"Global{gap}Research"
    story = _ferry(tmp_path, "story.md", f"The original source of this article is {name}.")
    run = cli("check", str(story), "--no-config", "--format", "json")
    (found,) = run.json()["results"][0]["findings"]
    assert found["rule"] == "global-research/link-original", found
    assert "the credit names Global Research with no link to the article" in found["message"], found
    assert found["line"] == 12, found
    fixed = cli("check", str(story), "--no-config", "--fix")
    assert fixed.code == 0, fixed.out + fixed.err
    text = story.read_text(encoding="utf-8")
    assert f"is [{name}]({FERRY_ORIGINAL}).\n" in text, text
    assert text.count("original source") == 1, text


def test_html_references_for_the_gap_are_read_so_too(tmp_path, cli):
    """In HTML the gap written as a reference (``&#8203;``, ``&shy;``) reads as the character does."""
    for index, gap in enumerate(("&#8203;", "&#8288;", "&#x2060;")):
        page = tmp_path / f"p{index}.html"
        page.write_text(
            "<p>The bakery opens when the first ferry lands.</p>\n"
            f"<p>The original source of this article is Global{gap}Research.</p>\n"
            f"<p>Copyright © Ines Varga, Global{gap}Research, 2025</p>\n",
            encoding="utf-8",
        )
        (tmp_path / f"p{index}.meta.yaml").write_text(FERRY_META, encoding="utf-8")
        run = cli("check", str(page), "--no-config", "--format", "json")
        (found,) = run.json()["results"][0]["findings"]
        assert found["rule"] == "global-research/link-original" and found["line"] == 2, (gap, found)
        assert cli("check", str(page), "--no-config", "--fix").code == 0
        assert f'<a href="{FERRY_ORIGINAL}">Global{gap}Research</a>.' in page.read_text(encoding="utf-8")


def test_gap_inside_a_word_stays_out_and_lower_case_words_stay_joined() -> None:
    """Only a gap between a small letter and a capital parts two words (as a reader reads "GlobalResearch"); a
    soft hyphen or a zero-width space inside a word is left out as before, and "global\u200bresearch" is one
    word, as a reader sees it."""
    assert normalize("Global\u200bResearch") == normalize("Global\u2060\u200bResearch") == "global research"
    assert normalize("Glo\u00adbal Re\u200bsearch") == "global research"
    assert normalize("global\u200bresearch") == "globalresearch"
    assert normalize("Дмитрий\u200bИванов") == "дмитрий иванов"
    assert normalize("Ines\u2060Varga", fold_case=False) == "Ines Varga"
    assert normalize("Pro\u00adPublica", fold_case=False) == "ProPublica"  # a hyphenating CMS's soft hyphen


def _commercial_print(tmp_path, record: dict[str, str], author: str = "Ines Varga", sidecar: bool = False):
    """A commercial print reprint of a Global Research story with one permission record, its fields as given."""
    permission = "".join(f'    {key}: "{value}"\n' for key, value in record.items())
    meta = (
        f'original_url: {FERRY_ORIGINAL}\nauthor: "{author}"\noriginal_published: 2025-05-02\nmedium: print\n'
        f"commercial: true\npublished: 2025-06-01\npermissions:\n  - {permission.lstrip()}"
    )
    story = tmp_path / "story.md"
    story.write_text(
        ("---\ntitle: Ferry Timetables\n---\n\n" if sidecar else "---\ntitle: Ferry Timetables\n" + meta + "---\n\n")
        + "The bakery opens when the first ferry lands.\n\n"
        f"*The original source of this article is [Global Research]({FERRY_ORIGINAL}).*\n\n"
        "Copyright © Ines Varga, Global Research, 2025\n",
        encoding="utf-8",
    )
    if sidecar:
        (tmp_path / "story.meta.yaml").write_text(meta, encoding="utf-8")
    return story


RECORD = {
    "from": "Global Research <publications@globalresearch.ca>",
    "date": "2025-05-20",
    "scope": "commercial, print",
    "original_url": FERRY_ORIGINAL,
}


@pytest.mark.parametrize(
    ("field", "written"),
    [
        ("from", "Global Research <publications@globalresearch.ca\u200b>"),
        ("from", "\ufeffpublications@globalresearch.ca"),
        ("scope", "commercial, print\u200b"),
        ("scope", "commercial, pri\u00adnt"),
        ("original_url", FERRY_ORIGINAL + "\u200b"),
        ("date", "2025-05-20\u200b"),
    ],
)
def test_permission_record_with_a_pasted_invisible_character_still_grants(tmp_path, cli, field, written):
    """A zero-width space or a soft hyphen pasted into a record's field made the grant count for nothing ("not a
    contact of this policy", "for another article", a scope "print\\u200b" no policy knows) or the file refused (a
    date with one): read without it, as original_url is."""
    story = _commercial_print(tmp_path, {**RECORD, field: written})
    run = cli("check", str(story), "--no-config")
    assert run.code == 0, run.out + run.err
    assert "0 errors, 0 warnings" in run.out, run.out


def test_author_with_an_invisible_gap_gets_a_credit_with_the_space(tmp_path, cli):
    """An author "Ines\\u200bVarga\\u00ad" (a paste from a CMS's form): --fix wrote the copyright notice with the
    invisible characters in the page; it names "Ines Varga", and the notice then counts."""
    story = tmp_path / "story.md"
    story.write_text(
        f'---\ntitle: Ferry Timetables\noriginal_url: {FERRY_ORIGINAL}\nauthor: "Ines\u200bVarga\u00ad"\n'
        "original_published: 2025-05-02\nmedium: web\ncommercial: false\n---\n\n"
        "The bakery opens when the first ferry lands.\n\n"
        f"*The original source of this article is [Global Research]({FERRY_ORIGINAL}).*\n",
        encoding="utf-8",
    )
    run = cli("check", str(story), "--no-config", "--fix")
    assert run.code == 0, run.out + run.err
    text = story.read_text(encoding="utf-8")
    assert "Copyright © Ines Varga, Global Research, 2025" in text, text
    assert "\u200b" not in text.split("---", 2)[2] and "\u00ad" not in text.split("---", 2)[2], text


def test_a_sidecar_with_an_invisible_character_in_a_name_is_no_conflict(tmp_path, cli):
    """The sidecar's "Ines Varga\\u200b" beside the front matter's "Ines Varga" says the same name: no
    conflicting-keys warning (the value read is the same)."""
    credit = f"*The original source of this article is [Global Research]({FERRY_ORIGINAL}).*"
    story = _ferry(tmp_path, "story.md", credit)
    (tmp_path / "story.meta.yaml").write_text('author: "Ines Varga\u200b"\n', encoding="utf-8")
    run = cli("check", str(story), "--no-config")
    assert run.code == 0 and "conflicting-keys" not in run.out, run.out


def _invisible_findings(cli, path) -> list[dict]:
    run = cli("check", str(path), "--no-config", "--format", "json")
    assert run.code == 0, run.out + run.err
    return [f for f in run.json()["results"][0]["findings"] if f["rule"] == "reprint-guard/invisible-character"]


def test_original_url_and_license_holding_an_invisible_character_are_warned_of_at_the_key(tmp_path, cli):
    """original_url and license were read without a pasted zero-width space, and nothing said so: a site
    template linking original_url published the address with it. A warning at each key names the character
    and where it stands, so the source can be cleaned; the reprint still passes."""
    story = tmp_path / "story.md"
    story.write_text(
        f'---\ntitle: Ferry Timetables\noriginal_url: "{FERRY_ORIGINAL}\u200b"\nauthor: Ines Varga\n'
        'original_published: 2025-05-02\nmedium: web\ncommercial: false\nlicense: "\u00adCC-BY-4.0"\n---\n\n'
        "The bakery opens when the first ferry lands.\n\n"
        f"*The original source of this article is [Global Research]({FERRY_ORIGINAL}).*\n\n"
        "Copyright © Ines Varga, Global Research, 2025\n",
        encoding="utf-8",
    )
    url, licence = _invisible_findings(cli, story)
    assert (url["line"], url["column"], url["severity"], url["field"]) == (3, 1, "warning", "original_url"), url
    assert "'original_url' holds an invisible character (U+200B ZERO WIDTH SPACE) at its end" in url["message"]
    assert (licence["line"], licence["field"]) == (8, "license"), licence
    assert "(U+00AD SOFT HYPHEN) at its start" in licence["message"], licence
    assert "Delete the character from 'license'" in licence["fix"], licence
    story.write_text(story.read_text(encoding="utf-8").replace("\u200b", "").replace("\u00ad", ""), encoding="utf-8")
    assert _invisible_findings(cli, story) == []


def test_invisible_character_in_a_sidecars_original_url_is_told_there(tmp_path, cli):
    """In a metadata sidecar, the warning stands at the sidecar's key; the config's severity turns it off."""
    story = _commercial_print(tmp_path, RECORD, sidecar=True)
    sidecar = tmp_path / "story.meta.yaml"
    sidecar.write_text(
        sidecar.read_text(encoding="utf-8").replace(FERRY_ORIGINAL, f'"{FERRY_ORIGINAL}\u2060"', 1), encoding="utf-8"
    )
    (found,) = _invisible_findings(cli, story)
    assert found["file"].endswith("story.meta.yaml") and found["line"] == 1, found
    assert "U+2060 WORD JOINER" in found["message"], found
    (tmp_path / ".reprint-guard.yaml").write_text("severity:\n  reprint-guard/invisible-character: off\n")
    run = cli("check", str(story), "--config", str(tmp_path / ".reprint-guard.yaml"), "--format", "json")
    assert run.code == 0 and run.json()["results"][0]["findings"] == [], run.out + run.err


GRIST_URL = "https://grist.org/climate/heat-pumps-rural-co-ops/"
GRIST_PHOTO = "https://grist.org/wp-content/uploads/2026/11/heatpump.jpg"
GRIST_META = (
    f"original_url: {GRIST_URL}\nauthor: Jake Bittle\noriginal_published: 2026-11-01\npublished: 2026-11-20\n"
    "medium: web\n"
)
GRIST_STORY = (
    "<p>By Jake Bittle</p>\n<p>Electric co-ops on the Plains now lend members money for heat pumps.</p>\n"
    f'<p><em>This story was originally published by <a href="{GRIST_URL}">Grist</a>.</em></p>\n'
)


def _grist_media(tmp_path, cli, name: str, html: str) -> list[dict]:
    page = tmp_path / f"{name}.html"
    page.write_text(GRIST_STORY + html, encoding="utf-8")
    (tmp_path / f"{name}.meta.yaml").write_text(GRIST_META, encoding="utf-8")
    run = cli("check", str(page), "--no-config", "--format", "json")
    assert run.code in (0, 1), run.out + run.err
    return [f for f in run.json()["results"][0]["findings"] if f["rule"] == "grist/no-images-without-permission"]


@pytest.mark.parametrize(
    "value",
    [
        f"image-set('{GRIST_PHOTO}' 1x, 'heatpump@2x.jpg' 2x)",
        f"image-set(&quot;{GRIST_PHOTO}&quot; 1x)",
        f"-webkit-image-set('{GRIST_PHOTO}' 1x, '{GRIST_PHOTO}?w=1600' 2x)",
        f"IMAGE-SET('{GRIST_PHOTO}' type('image/avif'))",
        f"image-set(url({GRIST_PHOTO}) 1x, url(heatpump@2x.jpg) 2x)",
    ],
)
def test_an_inline_image_set_background_counts_as_one_picture(tmp_path, cli, value):
    """``background-image: image-set("a.jpg" 1x, "b.jpg" 2x)`` (quoted addresses, no url()) was no picture to a
    no-photos rule, and a set of two url()s was counted as two items: one picture, named by its first address,
    told where it stands."""
    html = f'<div style="background-image: {value};height:400px"></div>\n'
    (found,) = _grist_media(tmp_path, cli, "set", html)
    assert f"1 item of media, first the background image of a <div>, {GRIST_PHOTO}," in found["message"], found
    assert found["line"] == 4, found


def test_a_style_blocks_image_set_counts_whatever_its_addresses_suffix(tmp_path, cli):
    """In a ``<style>`` block, a url() counts when its address is an image file's (a font's is none); a set's
    addresses are pictures whatever they end in (``/uploads/hero?w=800``)."""
    html = '<style>.hero{background-image:image-set("/uploads/hero?w=800" 1x, "/uploads/hero?w=1600" 2x)}</style>\n'
    (found,) = _grist_media(tmp_path, cli, "styled", html + '<div class="hero"></div>\n')
    assert "1 item of media, first an image a <style> block sets, /uploads/hero?w=800," in found["message"], found
    assert _grist_media(tmp_path, cli, "font", "<style>@font-face{src:url(/fonts/x.woff2)}</style>\n") == []


def test_an_image_set_scan_is_linear() -> None:
    """An unclosed set, and twenty thousand of them, are read in one pass."""
    from conftest import cpu_seconds
    from reprint_guard.visible import css_pictures

    start = cpu_seconds()
    assert list(css_pictures("image-set(" * 20_000 + "'a.jpg'")) == []  # nested twenty thousand deep
    assert len(list(css_pictures("image-set('a.jpg' 1x) " * 20_000))) == 20_000
    assert list(css_pictures("image-set(" + "(" * 50_000 + "url(x.jpg)")) == []
    assert cpu_seconds() - start < 2.0


PP = "https://www.propublica.org/article/county-jail-phone-fees-kessler"
PP_DEED = "[CC BY-NC-ND 3.0 US](https://creativecommons.org/licenses/by-nc-nd/3.0/us/)"


def _propublica(tmp_path, link: str, before: str = "") -> object:
    story = tmp_path / "story.md"
    story.write_text(
        f"---\ntitle: The County Jail's Phone Fees\nauthor: Dana Whitlow\noriginal_url: {PP}\nmedium: web\n"
        "commercial: false\n---\n\n"
        f"{before}Families pay more for a fifteen-minute call than for a month of internet.\n\n"
        f"*By Dana Whitlow. This story was originally published by {link}. It is republished under a {PP_DEED} "
        "licence.*\n\n"
        '<script type="text/javascript" src="https://pixel.propublica.org/pixel.js" async></script>\n',
        encoding="utf-8",
    )
    return story


def test_pandoc_link_attributes_are_told_and_the_link_still_counts(tmp_path, cli):
    """``[ProPublica](...){.external target="_blank"}`` (a paste Pandoc converted from Word or Google Docs): the
    page shows the attributes after the link, and nothing said so. Told at them, as pandoc-span; the link and
    the credit count (a warning, exit 0); --fix takes the attributes out."""
    attributes = '{.external target="_blank"}'
    story = _propublica(tmp_path, f"[ProPublica]({PP}){attributes}")
    run = cli("check", str(story), "--no-config", "--format", "json")
    assert run.code == 0, run.out + run.err
    (found,) = run.json()["results"][0]["findings"]
    assert found["rule"] == "reprint-guard/pandoc-span" and found["severity"] == "warning", found
    line = story.read_text(encoding="utf-8").split("\n")[found["line"] - 1]
    assert line[found["column"] - 1 : found["end_column"] - 1] == attributes, found
    assert f"Pandoc's link attributes {attributes} show as written after the link" in found["message"], found
    assert cli("check", str(story), "--no-config", "--fix").code == 0
    text = story.read_text(encoding="utf-8")
    assert f"originally published by [ProPublica]({PP}). It is" in text and "{" not in text, text
    assert cli("check", str(story), "--no-config").out.startswith("✔ 0 errors, 0 warnings"), text


def test_a_span_in_a_credit_does_not_fail_the_credit_beside_its_warning(tmp_path, cli):
    """``[[ProPublica]{.underline}](...)``: without --fix, propublica/credit-line failed ("originally published
    by ProPublica" is not visible) beside the pandoc-span warning for the same words. The credit is read
    through the span: the warning alone is told, and the reprint passes."""
    story = _propublica(tmp_path, f"[[ProPublica]{{.underline}}]({PP}){{target=_blank}}")
    run = cli("check", str(story), "--no-config", "--format", "json")
    assert run.code == 0, run.out + run.err
    rules = [f["rule"] for f in run.json()["results"][0]["findings"]]
    assert rules == ["reprint-guard/pandoc-span", "reprint-guard/pandoc-span"], rules
    assert cli("check", str(story), "--no-config", "--fix").code == 0
    assert f"by [ProPublica]({PP}). It" in story.read_text(encoding="utf-8")


def test_a_rule_failing_for_something_else_is_still_told_beside_the_span(tmp_path, cli):
    """Only what the markup alone fails is left out: a photo with Pandoc's image attributes still needs its
    permission, and is told as before, beside the attributes' warning."""
    story = _propublica(
        tmp_path, f"[ProPublica]({PP})", before="![The jail](https://img.propublica.org/jail.jpg){width=50%}\n\n"
    )
    run = cli("check", str(story), "--no-config", "--format", "json")
    assert run.code == 1, run.out + run.err
    found = {f["rule"]: f for f in run.json()["results"][0]["findings"]}
    assert set(found) == {"propublica/photos-permission", "reprint-guard/pandoc-span"}, found
    assert (
        "Pandoc's image attributes {width=50%} show as written after the image"
        in found["reprint-guard/pandoc-span"]["message"]
    )


def test_kramdown_attributes_and_link_text_in_braces_are_no_pandoc_markup(tmp_path, cli):
    """Kramdown's ``{: .class}`` after a link, and braces in running text, are not told."""
    story = _propublica(tmp_path, f"[ProPublica]({PP}){{: .external}}", before="Fees ({see below}) rose.\n\n")
    run = cli("check", str(story), "--no-config")
    assert "pandoc-span" not in run.out, run.out


@pytest.mark.parametrize("joiner", ["\u200d", "\u200c"], ids=["zwj", "zwnj"])
def test_a_joiner_beside_ascii_in_original_url_is_read_out_and_warned_of(tmp_path, cli, joiner):
    """A joiner is kept inside an address only between letters of the scripts that write words with it (a
    decoded Persian path); pasted between ASCII letters ("global<ZWJ>research.ca") no script joins with it:
    the address was read with it (the publisher's host unknown) and nothing said so. It is read without it
    now, and warned of where it stands."""
    story = tmp_path / "story.md"
    story.write_text(
        f'---\ntitle: Ferry Timetables\noriginal_url: "{FERRY_ORIGINAL.replace("global", "global" + joiner)}"\n'
        "author: Ines Varga\noriginal_published: 2025-05-02\nmedium: web\ncommercial: false\n---\n\n"
        "The bakery opens when the first ferry lands.\n\n"
        f"*The original source of this article is [Global Research]({FERRY_ORIGINAL}).*\n\n"
        "Copyright © Ines Varga, Global Research, 2025\n",
        encoding="utf-8",
    )
    run = cli("check", str(story), "--no-config", "--format", "json")
    findings = run.json()["results"][0]["findings"]
    assert [f["rule"] for f in findings] == ["reprint-guard/invisible-character"], findings
    assert "inside it" in findings[0]["message"] and f"U+{ord(joiner):04X}" in findings[0]["message"], findings
    assert run.json()["results"][0]["policy"] == "global-research"


def test_a_persian_paths_joiner_between_its_letters_is_kept_and_not_warned_of(tmp_path, cli):
    """The joiner between two Persian letters of a decoded path is part of the address: no warning."""
    from reprint_guard.metaview import without_format_chars

    address = "https://fa.example/\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    assert without_format_chars(address) == address
    assert without_format_chars("https://fa.example/a\u200c\u200c\u062e") == "https://fa.example/a\u062e"


def test_a_license_of_invisible_characters_alone_is_said_to_hold_nothing_else(tmp_path, cli):
    """A ``license`` holding a zero-width space and nothing else was told the character stood "at its end"."""
    story = _ferry(
        tmp_path, "story.md", f"*The original source of this article is [Global Research]({FERRY_ORIGINAL}).*"
    )
    text = story.read_text(encoding="utf-8").replace("commercial: false\n", 'commercial: false\nlicense: "\u200b"\n')
    story.write_text(text, encoding="utf-8")
    found = [f for f in _invisible_findings(cli, story) if f["field"] == "license"]
    assert len(found) == 1 and "(U+200B ZERO WIDTH SPACE) and nothing else" in found[0]["message"], found
