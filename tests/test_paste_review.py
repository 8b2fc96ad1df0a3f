"""What a volunteer editor pasting from Word and Google Docs found, each through the real CLI: invisible
characters (a zero-width space, a soft hyphen, a byte-order mark) in original_url, in a key or a value, and in
a credit's words; a credit linked through a redirect; The Conversation's counter with letters after count.gif;
and Pandoc's bracketed span inside a credit's link."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli

GR = "https://www.globalresearch.ca/ferry-timetables-island-bakery/5890011"
GR_FRONT = """---
title: Ferry
author: Ines Varga
original_url: {url}
original_published: 2025-05-02
medium: web
commercial: false
---
"""
GR_CREDIT = f"""
The bakery opens when the first ferry lands.

*The original source of this article is [Global Research]({GR}).*

Copyright © Ines Varga, Global Research, 2025
"""

PP = "https://www.propublica.org/article/county-jail-phone-fees-kessler"
PP_UNCREDITED = """---
title: The County Jail's Phone Fees
author: Dana Whitlow
---

Families pay more for a fifteen-minute call than for a month of internet.

{credit}
"""
PP_REPRINT = f"""---
title: The County Jail's Phone Fees
author: Dana Whitlow
original_url: {PP}
medium: web
commercial: false
---

Families pay more for a fifteen-minute call than for a month of internet.

*By Dana Whitlow. This story was originally published by {{link}}. It is republished under a {{deed}} licence.*

<script type="text/javascript" src="https://pixel.propublica.org/pixel.js" async></script>
"""

DEED = "[CC BY-NC-ND 3.0 US](https://creativecommons.org/licenses/by-nc-nd/3.0/us/)"
INVISIBLE = {"zero-width space": "\u200b", "soft hyphen": "\u00ad", "byte-order mark": "\ufeff"}


def _check(tmp_path: Path, *args: str):  # type: ignore[no-untyped-def]
    return run_cli("check", "--no-progress", "--no-config", *args, cwd=tmp_path)


# 1. An invisible character in original_url is left out, as white space around it is.


@pytest.mark.parametrize("char", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_an_invisible_character_ending_original_url_is_left_out(tmp_path: Path, char: str) -> None:
    page = tmp_path / "reprint.md"
    written = GR_FRONT.format(url=GR + char) + GR_CREDIT
    page.write_text(written, encoding="utf-8")
    run = _check(tmp_path, "reprint.md")
    assert run.code == 0, run.out
    assert "link-original" not in run.out
    run = _check(tmp_path, "--fix", "reprint.md")
    assert run.code == 0, run.out
    assert page.read_text(encoding="utf-8") == written  # the right link is kept, not replaced


def test_fix_never_writes_an_invisible_character_into_a_link(tmp_path: Path) -> None:
    page = tmp_path / "nocredit.md"
    page.write_text(
        GR_FRONT.format(url=f"{GR[:30]}\u200b{GR[30:]}\u200b") + "\nThe bakery opens when the first ferry lands.\n",
        encoding="utf-8",
    )
    run = _check(tmp_path, "nocredit.md")
    assert run.code == 1
    assert f"[Global Research]({GR})" in run.out  # the fix's link, as the address is
    assert "\u200b" not in run.out and "\\u200b" not in run.out
    run = _check(tmp_path, "--fix", "nocredit.md")
    fixed = page.read_text(encoding="utf-8")
    assert f"*The original source of this article is [Global Research]({GR}).*" in fixed
    assert fixed.count("\u200b") == 2  # the front matter's, as written: only the link is new
    assert _check(tmp_path, "nocredit.md").code == 0


def test_an_invisible_character_in_a_sidecar_original_url_is_left_out(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(
        f"<h1>Ferry</h1>\n<p>The bakery opens when the first ferry lands.</p>\n<p><em>The original source of this "
        f'article is <a href="{GR}">Global Research</a>.</em></p>\n<p>Copyright © Ines Varga, Global Research, '
        "2025</p>\n",
        encoding="utf-8",
    )
    (tmp_path / "page.meta.yaml").write_text(
        f'original_url: "{GR}\\u200b"\nauthor: Ines Varga\nmedium: web\ncommercial: false\n', encoding="utf-8"
    )
    run = _check(tmp_path, "page.html")
    assert run.code == 0, run.out


# 2. Messages show the invisible characters they quote.


def test_a_link_holding_a_zero_width_space_is_told_with_it_shown(tmp_path: Path) -> None:
    page = tmp_path / "link.md"
    page.write_text(GR_FRONT.format(url=GR) + GR_CREDIT.replace(f"{GR})", f"{GR}\u200b)"), encoding="utf-8")
    run = _check(tmp_path, "link.md")
    assert run.code == 1
    assert f"(it links to {GR}\\u200b on the same site, but not to the article itself)" in run.out
    assert f"fix: Change the link to {GR}\\u200b into one to the original article, {GR}." in run.out
    assert "\u200b" not in run.out
    run = _check(tmp_path, "--fix", "link.md")  # the broken link is mended where it stands
    assert page.read_text(encoding="utf-8") == GR_FRONT.format(url=GR) + GR_CREDIT


def test_a_key_holding_a_zero_width_space_is_told_as_not_the_key_it_looks_like(tmp_path: Path) -> None:
    (tmp_path / "key.md").write_text(
        GR_FRONT.format(url=GR).replace("original_url:", "original\u200b_url:") + GR_CREDIT, encoding="utf-8"
    )
    run = _check(tmp_path, "key.md")
    assert run.code == 0  # a warning: the file is not read as a reprint, as the site's generator does not
    assert (
        "4:1     warning 'original\\u200b_url' (it holds an invisible character, U+200B ZERO WIDTH SPACE: retype the "
        "key) is no key reprint-guard reads, so this file is not checked as a reprint: did you mean 'original_url'?"
    ) in run.out
    assert "fix: Rename 'original\\u200b_url' to 'original_url'." in run.out


def test_a_medium_holding_a_zero_width_space_is_quoted(tmp_path: Path) -> None:
    (tmp_path / "medium.md").write_text(
        GR_FRONT.format(url=GR).replace("medium: web", "medium: web\u200b") + GR_CREDIT, encoding="utf-8"
    )
    run = _check(tmp_path, "medium.md")
    assert run.code == 2
    assert (
        "medium.md:6:1: metadata 'medium': Input should be 'web', 'print', 'newsletter', 'broadcast' or 'social', "
        "not 'web\\u200b' (could not be checked)"
    ) in run.out


# 3. A credit's words with a no-break space, a zero-width space or a soft hyphen in them still credit.


@pytest.mark.parametrize(
    ("credit", "column"),
    [
        ("This story was originally\u00a0published by [ProPublica]({pp}).", 53),
        ("This story was originally pub\u200blished by [ProPublica]({pp}).", 54),
        ("This story was origi\u00adnally published by [ProPublica]({pp}).", 54),
    ],
    ids=["no-break space", "zero-width space", "soft hyphen"],
)
def test_a_credit_with_invisible_characters_in_its_words_is_a_sign_of_a_reprint(
    tmp_path: Path, credit: str, column: int
) -> None:
    (tmp_path / "story.md").write_text(PP_UNCREDITED.format(credit=credit.format(pp=PP)), encoding="utf-8")
    run = _check(tmp_path, "story.md")
    assert run.code == 0
    assert f"  8:{column} " in run.out and "reprint-guard/credited-original" in run.out
    assert f"fix: If it is a reprint, add 'original_url: {PP}' to the metadata" in run.out


def test_a_credit_by_name_with_a_no_break_space_in_its_words_is_a_sign_of_a_reprint(tmp_path: Path) -> None:
    (tmp_path / "story.md").write_text(
        PP_UNCREDITED.format(credit="This story was originally\u00a0published by ProPublica."), encoding="utf-8"
    )
    run = _check(tmp_path, "story.md")
    assert run.code == 0
    assert "8:16" in run.out
    assert "credits ProPublica with the story (originally published by ProPublica)" in run.out


@pytest.mark.parametrize(
    "link",
    [
        f"https://www.google.com/url?q={GR}&sa=D&source=editors&ust=1&usg=AOv",
        "https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.google.com%2Furl%3Fq%3D"
        "https%3A%2F%2Fwww.globalresearch.ca%2Fferry-timetables-island-bakery%2F5890011%26sa%3DD&data=05%7C02"
        "&reserved=0",
    ],
    ids=["google", "safelinks-around-google"],
)
def test_a_credit_linked_through_a_redirect_gives_the_address_it_leads_to(tmp_path: Path, link: str) -> None:
    body = GR_CREDIT.replace(f"({GR})", f"({link})")
    (tmp_path / "story.md").write_text("---\ntitle: Ferry\nauthor: Ines Varga\n---\n" + body, encoding="utf-8")
    run = _check(tmp_path, "story.md")
    assert run.code == 0
    assert f"The article credits {GR} as its original, on globalresearch.ca" in run.out
    assert f"add 'original_url: {GR}' to the metadata" in run.out
    assert "[Global Research)" not in run.out


def test_a_credit_by_name_before_another_sites_link_is_quoted_whole(tmp_path: Path) -> None:
    body = GR_CREDIT.replace(f"({GR})", "(https://bit.ly/3xyzAbc)")
    (tmp_path / "story.md").write_text("---\ntitle: Ferry\nauthor: Ines Varga\n---\n" + body, encoding="utf-8")
    run = _check(tmp_path, "story.md")
    assert run.code == 0
    assert "credits Global Research with the story (The original source of this article is Global Research)" in (
        run.out
    )


# 4. A pixel's or a counter's address with letters after it is another address.

TC = "https://theconversation.com/why-tide-pools-are-warming-faster-than-the-sea-241187"
COUNTER = "https://counter.theconversation.com/content/241187/count.gif"
CONVERSATION_PAGE = (
    "<h1>Why tide pools are warming faster than the sea</h1>\n"
    f'<p><em>Priya Raman. Republished from <a href="{TC}">The Conversation</a> under a '
    '<a href="https://creativecommons.org/licenses/by-nd/4.0/">CC BY-ND 4.0</a> licence.</em></p>\n'
    "<p>On a calm afternoon a rock pool can be five degrees warmer than the water a metre away.</p>\n"
    f'<img src="{COUNTER}{{after}}?distributor=republish-lightbox-basic" alt="The Conversation" width="1" '
    'height="1" />\n'
)
CONVERSATION_META = """original_url: https://theconversation.com/why-tide-pools-are-warming-faster-than-the-sea-241187
author: Priya Raman
title: Why tide pools are warming faster than the sea
original_published: 2025-08-01
medium: web
commercial: false
"""


@pytest.mark.parametrize("after", ["x", "\u200b", ".png"], ids=["gifx", "zero-width space", "gif.png"])
def test_the_conversations_counter_with_letters_after_count_gif_is_altered(tmp_path: Path, after: str) -> None:
    (tmp_path / "ok.html").write_text(CONVERSATION_PAGE.format(after=""), encoding="utf-8")
    (tmp_path / "ok.meta.yaml").write_text(CONVERSATION_META, encoding="utf-8")
    (tmp_path / "altered.html").write_text(CONVERSATION_PAGE.format(after=after), encoding="utf-8")
    (tmp_path / "altered.meta.yaml").write_text(CONVERSATION_META, encoding="utf-8")
    assert _check(tmp_path, "ok.html").code == 0
    run = _check(tmp_path, "altered.html")
    assert run.code == 1
    assert "4:11    error   The Conversation's page-view counter is missing, hidden or altered" in run.out
    assert "is on the right host but has been altered)  the-conversation/page-counter" in run.out


# 5. Pandoc's bracketed span in a credit's link.


def test_a_pandoc_span_in_a_credit_is_told_and_fix_takes_its_markup_out(tmp_path: Path) -> None:
    page = tmp_path / "pandoc.md"
    page.write_text(PP_REPRINT.format(deed=DEED, link=f"[[ProPublica]{{.underline}}]({PP})"), encoding="utf-8")
    run = _check(tmp_path, "pandoc.md")
    assert run.code == 0, run.out  # the credit is read through the span: the warning alone is told
    assert (
        "11:59   warning Pandoc's span [ProPublica]{.underline} shows as written, brackets and {.underline}"
    ) in run.out
    assert "propublica/credit-line" not in run.out, run.out
    assert "fix: Remove {.underline} and the brackets around ProPublica" in run.out
    run = _check(tmp_path, "--fix", "pandoc.md")
    # The span's markup taken out, and no second credit added.
    assert page.read_text(encoding="utf-8") == PP_REPRINT.format(deed=DEED, link=f"[ProPublica]({PP})")
    assert _check(tmp_path, "pandoc.md").code == 0


def test_a_pandoc_span_can_be_turned_off_where_the_site_renders_with_pandoc(tmp_path: Path) -> None:
    (tmp_path / "pandoc.md").write_text(
        PP_REPRINT.format(deed=DEED, link=f"[ProPublica]({PP}) ([read it]{{.underline}})"), encoding="utf-8"
    )
    assert "reprint-guard/pandoc-span" in _check(tmp_path, "pandoc.md").out
    (tmp_path / ".reprint-guard.yaml").write_text("severity:\n  reprint-guard/pandoc-span: 'off'\n", encoding="utf-8")
    run = run_cli("check", "--no-progress", "pandoc.md", cwd=tmp_path)
    assert run.code == 0 and "pandoc-span" not in run.out, run.out
