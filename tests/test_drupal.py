"""Drupal's stored body (CKEditor 5's source, a JSON:API ``body.value``): its media library's pictures and
its captions written in an attribute, read as Drupal renders them."""

from __future__ import annotations

import pytest

from conftest import cpu_seconds
from reprint_guard import check

GRIST_META = {
    "author": "Tomas Reyes",
    "original_url": "https://grist.org/agriculture/cover-crops/",
    "commercial": False,
}
GRIST_CREDIT = (
    '<p><em>By Tomas Reyes. This story was originally published by <a href="https://grist.org/agriculture/cover-crops/">'
    "Grist</a>.</em></p>"
)
CALMATTERS_META = {
    "author": "Mina Castellanos",
    "original_url": "https://calmatters.org/environment/2026/10/groundwater/",
    "commercial": False,
    "permissions": [{"from": "desk@greenvalley.org", "date": "2026-10-01", "scope": ["photos"]}],
}
CALMATTERS_PAGE = (
    "<p>By Mina Castellanos, CalMatters. This story was originally published by "
    '<a href="https://calmatters.org/environment/2026/10/groundwater/">CalMatters</a>.</p>\n'
    "{picture}\n"
    '<img src="https://calmatters.org/?republication-pixel=true&amp;post=481516" style="width:1px;height:1px;" '
    'alt="">\n'
)


def test_a_drupal_media_embed_is_a_picture_on_the_page():
    """``<drupal-media>`` is how a Drupal body stores a photo from its media library: Drupal renders the
    picture there, so it is media a policy may forbid, placed at the element's item id."""
    uuid = "5b8c2a4e-1f0d-4e9a-9d6e-3c2b1a0f9e8d"
    page = (
        "<p>Farmers along the river now plant cover crops in winter.</p>\n"
        f'<drupal-media data-align="center" data-entity-type="media" data-entity-uuid="{uuid}" '
        'data-view-mode="wide"></drupal-media>\n' + GRIST_CREDIT + "\n"
    )
    found = check(page, GRIST_META, format="html").findings
    assert [(f.rule, f.line, f.column) for f in found] == [("grist/no-images-without-permission", 2, 78)]
    assert f"first <drupal-media> {uuid}" in found[0].message
    assert check(page.replace("drupal-media", "drupal-thing"), GRIST_META, format="html").ok  # no such element


@pytest.mark.parametrize(
    "picture",
    [
        '<img data-caption="A wellhead near Fresno. PHOTO REUSE PROHIBITED" data-entity-type="file" '
        'src="/sites/default/files/inline-images/wellhead.jpg" width="1200" height="800" alt="">',
        "<drupal-media data-entity-uuid='7a1b' DATA-CAPTION='A wellhead. &lt;em&gt;PHOTO REUSE PROHIBITED&lt;/em&gt;'>"
        "</drupal-media>",
    ],
)
def test_a_caption_drupal_keeps_in_an_attribute_is_read_as_the_pictures_caption(picture):
    """Drupal's caption filter shows ``data-caption`` as the picture's ``<figcaption>``: the tag CalMatters
    puts on photos that may not be reused is on the page, found where the attribute writes it."""
    page = CALMATTERS_PAGE.format(picture=picture)
    found = check(page, CALMATTERS_META, format="html").findings
    assert [f.rule for f in found] == ["calmatters/photo-reuse-prohibited"]
    line = page.splitlines()[found[0].line - 1]
    assert found[0].line == 2 and line[found[0].column - 1 :].lower().startswith("photo reuse prohibited")
    assert check(CALMATTERS_PAGE.format(picture=picture.replace("PHOTO REUSE PROHIBITED", "Photo: CalMatters")),
                 CALMATTERS_META, format="html").ok  # fmt: skip


def test_drupal_captions_are_read_in_linear_time_on_hostile_pages():
    """Each ``data-caption`` is read in its own tag, once: a regex over the page's tags took 83 s for 260 KB of
    unclosed tags."""
    from reprint_guard.readers.drupal import rendered

    start = cpu_seconds()
    for hostile in (("<a data-caption=" + "x" * 10) * 100_000, '<a data-caption="x' * 100_000, "<" * 1_000_000):
        assert rendered(hostile + "-caption") is not None
    assert cpu_seconds() - start < 5.0
    shown = rendered('<p>a</p><img src=a.jpg data-caption="A &lt;em&gt;B&lt;/em&gt; &amp;amp; <script>x</script>">')
    assert shown.endswith("<figcaption>A <em>B</em> &amp; x</figcaption>")  # the filter strips other tags


@pytest.mark.parametrize(
    "picture",
    [
        # attributes on lines of their own, and a line break in the caption, as an editor's source view has them
        '<img\n  src="/sites/default/files/well.jpg"\n  data-caption="A wellhead.\nPHOTO REUSE PROHIBITED"\n  alt="">',
        # a long srcset before the caption
        '<img srcset="' + ", ".join(f"/files/well-{n}.jpg {n}w" for n in range(100, 400)) + '" '
        'data-caption="A wellhead. PHOTO REUSE PROHIBITED" src="/files/well.jpg">',
        # a tag the filter strips, and a character reference it keeps
        '<img src="/files/well.jpg" data-caption="&lt;span&gt;PHOTO&lt;/span&gt; REUSE&amp;nbsp;PROHIBITED">',
    ],
)
def test_a_drupal_caption_is_read_however_its_tag_is_written(picture):
    """A caption was missed when its tag's attributes stood on several lines, when 2,000 characters of tag
    stood before it, or when Drupal's filter strips a tag from it (it escaped the tag instead)."""
    page = CALMATTERS_PAGE.format(picture=picture)
    assert [f.rule for f in check(page, CALMATTERS_META, format="html").findings] == [
        "calmatters/photo-reuse-prohibited"
    ]
