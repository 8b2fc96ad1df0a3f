"""A volunteer editor's pastes from word processors: a photo pasted as a ``data:`` address.

A photo set as an element's background or in a ``<style>`` block as a ``data:`` picture is on the page as an
``<img>`` is (a placeholder or a texture of a few hundred characters is not); a megabyte's ``data:`` photo
is checked in about a second (it took 5-6 s a megabyte, a regex of its address compiled to place it); a
message names such a picture by its type and size, not its base64.

Real files through the library's ``check_file`` and the CLI.
"""

from __future__ import annotations

import base64
from pathlib import Path

import yaml

from conftest import cpu_seconds, run_cli, write
from reprint_guard.api import check_file

PP_URL = "https://www.propublica.org/article/county-jail-phone-fees"
PP_META = {
    "original_url": PP_URL,
    "author": "Dana Whitlow",
    "original_published": "2026-11-01",
    "published": "2026-11-20",
    "medium": "web",
    "commercial": False,
}
PP_CREDIT = (
    f'<p><em>By Dana Whitlow. This story was originally published by <a href="{PP_URL}">ProPublica</a>. It is '
    'republished under a <a href="https://creativecommons.org/licenses/by-nc-nd/3.0/us/">CC BY-NC-ND 3.0 US</a> '
    "licence.</em></p>\n"
    '<script type="text/javascript" src="https://pixel.propublica.org/pixel.js" async></script>\n'
)
DE_URL = "https://dialogue.earth/en/climate/glacier-lakes-swell/"
DE_META = {
    "commercial": False,
    "original_url": DE_URL,
    "author": "Tenzin Lhamo",
    "original_published": "2026-11-01",
    "published": "2026-11-20",
    "medium": "web",
}
DE_CREDIT = (
    f'<p>By Tenzin Lhamo. This article was originally published on <a href="{DE_URL}">Dialogue Earth</a> under a '
    '<a href="https://creativecommons.org/licenses/by-nc-nd/4.0/">CC BY-NC-ND 4.0</a> licence.</p>\n'
)


def _data(size: int, kind: str = "image/jpeg") -> str:
    """A ``data:`` picture of ``size`` bytes (not a real photo: its length is what is read)."""
    return f"data:{kind};base64," + base64.b64encode(bytes(range(256)) * (size // 256 + 1))[: size * 4 // 3].decode()


def _page(tmp_path: Path, name: str, html: str, meta: dict) -> Path:
    page = write(tmp_path / f"{name}.html", html)
    write(tmp_path / f"{name}.meta.yaml", yaml.safe_dump(meta))
    return page


def _ids(path: Path) -> list[str]:
    return [finding.rule for finding in check_file(path).findings]


def test_a_photo_pasted_as_a_data_background_counts(tmp_path: Path) -> None:
    photo = _data(40_000)
    page = _page(
        tmp_path,
        "bg",
        "<p>Families pay more for a call than for a month of internet.</p>\n"
        f'<div style="width:400px;height:267px;background-image:url({photo})"></div>\n' + PP_CREDIT,
        PP_META,
    )
    assert _ids(page) == ["propublica/photos-permission"]


def test_a_photo_set_as_data_in_a_style_block_counts(tmp_path: Path) -> None:
    photo = _data(40_000, "image/png")
    page = _page(
        tmp_path,
        "style",
        f'<style>.hero{{background-image:url("{photo}")}}</style>\n<div class="hero"></div>\n'
        "<p>Families pay more for a call than for a month of internet.</p>\n" + PP_CREDIT,
        PP_META,
    )
    assert _ids(page) == ["propublica/photos-permission"]


def test_a_text_only_policy_refuses_a_data_background(tmp_path: Path) -> None:
    photo = _data(20_000, "image/webp")
    page = _page(
        tmp_path,
        "de",
        f"<p>Glacier lakes in the Himalaya are growing.</p>\n<div style=\"background:url('{photo}') center/cover\">"
        "</div>\n" + DE_CREDIT,
        DE_META,
    )
    assert _ids(page) == ["dialogue-earth/text-only"]


def test_a_placeholder_texture_or_icon_as_data_is_no_photo(tmp_path: Path) -> None:
    gif = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
    svg = "data:image/svg+xml;base64," + base64.b64encode(b"<svg xmlns='http://www.w3.org/2000/svg'/>" * 80).decode()
    page = _page(
        tmp_path,
        "texture",
        f'<div style="background:url({gif}) repeat">\n<p>Families pay more for a call than for internet.</p>\n'
        f"</div>\n<style>.quote::before{{background-image:url('{svg}')}}</style>\n" + PP_CREDIT,
        PP_META,
    )
    assert _ids(page) == []


def test_a_megabytes_data_photo_is_checked_quickly_and_named_by_its_type(tmp_path: Path) -> None:
    # 4 MB of base64 took 23 s and 478 MB (a case-blind regex of the address compiled to place the finding,
    # and the address split at each "/" for the addresses a proxy's holds); about a second now.
    meta = "\n".join(f"{key}: {value}" for key, value in {**PP_META, "commercial": "false"}.items())
    text = (
        f"---\n{meta}\n---\n\nFamilies pay more for a fifteen-minute call than for a month of internet.\n\n"
        f"![The jail at night]({_data(3_000_000)})\n\n*By Dana Whitlow. This story was originally published by "
        f"[ProPublica]({PP_URL}). It is republished under a "
        "[CC BY-NC-ND 3.0 US](https://creativecommons.org/licenses/by-nc-nd/3.0/us/) licence.*\n"
    )
    path = write(tmp_path / "photo.md", text)
    started = cpu_seconds()
    result = run_cli("check", "--no-config", "--no-progress", "--policy", "propublica", str(path))
    elapsed = cpu_seconds() - started
    assert result.code == 1, result.out + result.err
    assert "propublica/photos-permission" in result.out
    assert "data:image/jpeg;base64,... (4,000,000 characters inline)" in result.out
    assert elapsed < 10, elapsed
    assert path.read_text() == text


def test_a_style_block_opening_a_fragment_is_the_articles(tmp_path: Path) -> None:
    # An HTML parser puts a <style> that opens a fragment in <head>: a page builder's article, styles first.
    style = "<style>.hero{width:400px;height:267px;background-image:url(https://img.propublica.org/jail.jpg)}</style>"
    body = "<p>Families pay more for a call than for a month of internet.</p>\n" + PP_CREDIT
    fragment = _page(tmp_path, "fragment", style + "\n" + body, PP_META)
    result = check_file(fragment)
    assert [(f.rule, f.line) for f in result.findings] == [("propublica/photos-permission", 1)]
    # A whole page's <head> holds the site's own styles (its logo): no part of the article.
    page = _page(tmp_path, "page", f"<html><head>{style}</head><body>\n{body}</body></html>", PP_META)
    assert _ids(page) == []


def test_a_blurred_placeholder_under_an_img_or_a_tiled_texture_is_no_photo(tmp_path: Path) -> None:
    # Gatsby's and Next's blur-up placeholder: a data: picture behind the <img> that is the photo; a texture a
    # style tiles (repeat). Each large enough to be a photo by its size alone.
    placeholder, texture = _data(12_000), _data(12_000, "image/png")
    page = _page(
        tmp_path,
        "lqip",
        f"<div style=\"background-size:cover;background-image:url('{placeholder}')\">"
        '<img src="https://example.org/own/trout.jpg" alt="Trout" style="opacity:0"></div>\n'
        f'<div style="background: url({texture}) repeat-x">\n'
        "<p>Families pay more for a call than for a month of internet.</p></div>\n"
        f"<style>.masthead{{background-image:url({texture});background-repeat:round}}</style>\n" + PP_CREDIT,
        PP_META,
    )
    assert _ids(page) == ["propublica/photos-permission"]  # the <img> alone
    result = check_file(page)
    assert "(1 item of media, first <img> https://example.org/own/trout.jpg" in result.findings[0].message


def test_a_header_in_a_fragment_leaves_its_opening_style_the_articles(tmp_path: Path) -> None:
    style = "<style>.hero{width:400px;height:267px;background-image:url(https://img.propublica.org/jail.jpg)}</style>"
    html = f'{style}\n<header class="hero"></header>\n<p>Families pay more for a call.</p>\n' + PP_CREDIT
    assert _ids(_page(tmp_path, "header", html, PP_META)) == ["propublica/photos-permission"]
