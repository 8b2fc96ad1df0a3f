"""A Hugo and Jekyll site developer's review of how a page's body is read: Liquid in a Jekyll image's address,
a raw-HTML shortcode's photo on a site that leaves raw HTML out, a fix writing a link into a shortcode's
argument, Jekyll's {{ page.X }} in a Hugo page, and the site's own time zone for its dates."""

from __future__ import annotations

from pathlib import Path

import pytest

GRIST_URL = "https://grist.org/science/creek-restoration-trout-return/"
GRIST_CREDIT = f"*This story was originally published by [Grist]({GRIST_URL}).*"
GR_URL = "https://www.globalresearch.ca/harbour-towns-quota-shift/5890011"


def _jekyll_post(root: Path, name: str, picture: str) -> Path:
    (root / "_config.yml").write_text('url: "https://sister.example"\nmarkdown: kramdown\n', encoding="utf-8")
    post = root / "_posts" / name
    post.parent.mkdir(exist_ok=True)
    post.write_text(
        "---\ntitle: Creek restoration\nauthor: Lena Ortiz\n"
        f"original_url: {GRIST_URL}\ncommercial: false\n---\n\n"
        f"Volunteers pulled culverts and replanted willows for four summers.\n\n{picture}\n\n{GRIST_CREDIT}\n",
        encoding="utf-8",
    )
    return post


@pytest.mark.parametrize(
    ("picture", "column"),
    [
        ("![trout]({{ site.baseurl }}/img/trout.jpg)", 28),
        ('![trout]({{ "/img/trout.jpg" | relative_url }})', 14),
        ("![trout]({{- site.url -}}{{ site.baseurl }}/img/trout.jpg)", 44),
        ('![trout]({{ "/img/trout.jpg" | prepend: site.baseurl }} "A trout")', 14),
        ("![trout]({% link /img/trout.jpg %})", 18),
        ("![trout]({%- link img/trout.jpg -%})", 19),
        ("![trout][t]\n\n[t]: {{ site.baseurl }}/img/trout.jpg", None),
    ],
)
def test_a_jekyll_image_whose_address_is_liquid_with_spaces_is_a_photo(
    tmp_path: Path, cli, picture: str, column: int | None
) -> None:
    """Jekyll fills in Liquid before kramdown reads the page: `{{ site.baseurl }}/img/trout.jpg` is an
    address, not text with spaces that CommonMark would leave unlinked (the photo passed a no-photos rule)."""
    post = _jekyll_post(tmp_path, "2026-12-01-creek.md", picture)
    run = cli("check", "--no-config", str(post.relative_to(tmp_path)), cwd=tmp_path)
    assert run.code == 1, run.out
    assert "grist/no-images-without-permission" in run.out
    assert "/trout.jpg, served from the site's own server" in run.out
    if column is not None:
        assert f"  10:{column} " in run.out, run.out


def test_liquid_in_an_address_is_read_in_a_jekyll_page_only(tmp_path: Path, cli) -> None:
    """Hugo runs no template in its content: the same line in a page with TOML front matter is text, no image;
    in a Jekyll post it is the photo."""
    page = tmp_path / "creek.md"
    page.write_text(
        f'+++\ntitle = "Creek"\nauthor = "Lena Ortiz"\noriginal_url = "{GRIST_URL}"\ncommercial = false\n+++\n\n'
        f"Volunteers pulled culverts.\n\n![trout]({{{{ site.baseurl }}}}/img/trout.jpg)\n\n{GRIST_CREDIT}\n",
        encoding="utf-8",
    )
    run = cli("check", "--no-config", "creek.md", cwd=tmp_path)
    assert run.code == 0, run.out
    _jekyll_post(tmp_path, "2026-12-01-creek.md", "![trout]({{ site.baseurl }}/img/trout.jpg)")
    run = cli("check", "--no-config", "_posts/2026-12-01-creek.md", cwd=tmp_path)
    assert run.code == 1 and "grist/no-images-without-permission" in run.out, run.out


def _hugo_page(root: Path, picture: str, raw_html: bool) -> Path:
    (root / ".reprint-guard.yaml").write_text(f"raw-html: {str(raw_html).lower()}\n", encoding="utf-8")
    page = root / "content" / "creek.md"
    page.parent.mkdir(exist_ok=True)
    page.write_text(
        f'+++\ntitle = "Creek restoration"\nauthor = "Lena Ortiz"\noriginal_url = "{GRIST_URL}"\n'
        f"commercial = false\n+++\n\nVolunteers pulled culverts and replanted willows for four summers.\n\n"
        f"{picture}\n\n{GRIST_CREDIT}\n",
        encoding="utf-8",
    )
    return page


@pytest.mark.parametrize("name", ["rawhtml", "rawHTML", "raw", "html", "unsafe", "raw-html"])
def test_a_photo_in_a_raw_html_shortcode_is_seen_where_goldmark_leaves_raw_html_out(
    tmp_path: Path, cli, name: str
) -> None:
    """A site's raw-HTML shortcode prints its inside after goldmark has read the page: on the page even where
    goldmark's `unsafe` is off (raw-html: false, what init proposes for Hugo's default)."""
    picture = f'{{{{< {name} >}}}}\n<img src="/img/trout.jpg" alt="A trout">\n{{{{< /{name} >}}}}'
    _hugo_page(tmp_path, picture, raw_html=False)
    run = cli("check", "content/creek.md", cwd=tmp_path)
    assert run.code == 1, run.out
    assert "grist/no-images-without-permission" in run.out
    assert "first <img> /img/trout.jpg" in run.out
    assert "  11:11 " in run.out, run.out
    assert "left out" not in run.out  # the photo is shown: no hint that the page leaves its HTML out


def test_raw_html_left_out_around_a_raw_html_shortcode_still_is(tmp_path: Path, cli) -> None:
    """Only the shortcode's inside is spared: an <img> written in the Markdown itself is still left out, and a
    {{% %}} call's output is Markdown goldmark reads (its raw HTML left out too)."""
    for picture in (
        '<img src="/img/trout.jpg" alt="A trout">\n\n{{< rawhtml >}}\n<p>A note.</p>\n{{< /rawhtml >}}',
        '{{% rawhtml %}}\n<img src="/img/trout.jpg" alt="A trout">\n{{% /rawhtml %}}',
    ):
        _hugo_page(tmp_path, picture, raw_html=False)
        run = cli("check", "content/creek.md", cwd=tmp_path)
        assert run.code == 0, run.out
        _hugo_page(tmp_path, picture, raw_html=True)
        run = cli("check", "content/creek.md", cwd=tmp_path)
        assert run.code == 1 and "grist/no-images-without-permission" in run.out, run.out
    # The same photo inside a {{< >}} call is on the page.
    _hugo_page(tmp_path, '{{< rawhtml >}}\n<img src="/img/trout.jpg" alt="A trout">\n{{< /rawhtml >}}', raw_html=False)
    run = cli("check", "content/creek.md", cwd=tmp_path)
    assert run.code == 1 and "grist/no-images-without-permission" in run.out, run.out


@pytest.mark.parametrize(
    "call",
    [
        '{{< notice title="The original source of this article is Global Research" >}}',
        '{{% callout title="The original source of this article is Global Research" %}}',
        "{{< notice The original source of this article is Global Research >}}",
    ],
)
def test_fix_never_writes_a_link_into_a_shortcode_call(tmp_path: Path, cli, call: str) -> None:
    """A credit in a site's own shortcode's argument is linked nowhere inside the call (a Markdown link in a
    quoted argument shows as text, or breaks the call): a credit line is added, as for figure's caption."""
    name = call.split()[1]
    closing = f"{call[:3]} /{name} {call[-3:]}"
    page = tmp_path / "attr.md"
    page.write_text(
        f'+++\ntitle = "Harbour towns"\noriginal_url = "{GR_URL}"\nauthor = "Tomas Brenner"\ncommercial = false\n'
        f"+++\n\n{call}\nBoat owners along the north coast met in a church hall on Tuesday.\n{closing}\n\n"
        "Copyright © Tomas Brenner, Global Research, 2026\n",
        encoding="utf-8",
    )
    run = cli("check", "--no-config", "--fix", "attr.md", cwd=tmp_path)
    assert run.code == 0, run.out + run.err
    fixed = page.read_text(encoding="utf-8")
    assert f"\n{call}\n" in fixed  # the call as it was
    assert fixed.endswith(f"*The original source of this article is [Global Research]({GR_URL}).*\n"), fixed


def test_fix_links_a_credit_in_a_shortcodes_inside_not_one_in_its_arguments(tmp_path: Path, cli) -> None:
    """The inside of a paired shortcode is the page's Markdown: a credit there is linked where it stands, not
    the later one in another call's argument."""
    page = tmp_path / "attr.md"
    page.write_text(
        f'+++\ntitle = "Harbour towns"\noriginal_url = "{GR_URL}"\nauthor = "Tomas Brenner"\ncommercial = false\n'
        '+++\n\nBoat owners met on Tuesday.\n\n{{< notice title="Source" >}}\n'
        "The original source of this article is Global Research.\n{{< /notice >}}\n\n"
        '{{< aside title="The original source of this article is Global Research" >}}\n\n'
        "Copyright © Tomas Brenner, Global Research, 2026\n",
        encoding="utf-8",
    )
    run = cli("check", "--no-config", "--fix", "attr.md", cwd=tmp_path)
    assert run.code == 0, run.out + run.err
    fixed = page.read_text("utf-8")
    assert f"The original source of this article is [Global Research]({GR_URL}).\n" in fixed, fixed
    assert '{{< aside title="The original source of this article is Global Research" >}}\n' in fixed, fixed


def _liquid_credit_page(root: Path, front: str) -> Path:
    (root / ".reprint-guard.yaml").write_text(
        "front-matter:\n  canonicalURL: original_url\n  authors: author\ndefaults:\n  commercial: false\n"
        'own-hosts: ["valleyledger.example"]\n',
        encoding="utf-8",
    )
    page = root / "content" / "harbour.md"
    page.parent.mkdir(exist_ok=True)
    page.write_text(
        f"{front}\nBoat owners along the north coast met in a church hall on Tuesday.\n\n"
        "*The original source of this article is [Global Research]({{ page.canonicalURL }}).*\n\n"
        "Copyright © Tomas Brenner, Global Research, 2026\n",
        encoding="utf-8",
    )
    return page


def test_jekylls_page_value_in_a_hugo_page_is_no_link(tmp_path: Path, cli) -> None:
    """Hugo does not template its content: `({{ page.canonicalURL }})` in a page with TOML (or JSON) front
    matter is the text a reader sees, no link to the original."""
    for front in (
        f'+++\ntitle = "Harbour towns"\ncanonicalURL = "{GR_URL}"\nauthors = ["Tomas Brenner"]\n+++\n',
        f'{{\n  "title": "Harbour towns",\n  "canonicalURL": "{GR_URL}",\n  "authors": ["Tomas Brenner"]\n}}\n',
    ):
        _liquid_credit_page(tmp_path, front)
        run = cli("check", "content/harbour.md", cwd=tmp_path)
        assert run.code == 1, run.out
        assert "global-research/link-original" in run.out
        assert "  9:42 " in run.out or "  10:42 " in run.out or "  11:42 " in run.out, run.out
    # In a page with YAML front matter (Jekyll's), {{ page.canonicalURL }} is the page's own value: a link.
    _liquid_credit_page(tmp_path, f"---\ntitle: Harbour towns\ncanonicalURL: {GR_URL}\nauthors: [Tomas Brenner]\n---\n")
    run = cli("check", "content/harbour.md", cwd=tmp_path)
    assert run.code == 0, run.out


def test_a_hugo_page_calling_a_shortcode_reads_no_liquid(tmp_path: Path, cli) -> None:
    """YAML front matter is Hugo's too: a page that calls Hugo's shortcodes is Hugo's, and no Liquid is run."""
    page = _liquid_credit_page(
        tmp_path, f"---\ntitle: Harbour towns\ncanonicalURL: {GR_URL}\nauthors: [Tomas Brenner]\n---\n"
    )
    page.write_text(page.read_text("utf-8") + '\n{{< figure src="/img/boats.png" >}}\n', encoding="utf-8")
    run = cli("check", "content/harbour.md", cwd=tmp_path)
    assert run.code == 1 and "global-research/link-original" in run.out, run.out


MFP_URL = "https://montanafreepress.org/2096/12/05/ranchers-water-rights-hearing/"


def _hugo_water(root: Path, published: str, config: str | None) -> None:
    (root / "hugo.toml").write_text(
        'baseURL = "https://valleyledger.example/"\ntimeZone = "America/Denver"\n', encoding="utf-8"
    )
    if config is not None:
        (root / ".reprint-guard.yaml").write_text(config, encoding="utf-8")
    page = root / "content" / "water.md"
    page.parent.mkdir(exist_ok=True)
    page.write_text(
        f'+++\ntitle = "Water rights"\nauthor = "Cal Whitaker"\noriginal_url = "{MFP_URL}"\n'
        f"original_published = 2096-12-10\npublishDate = {published}\ncommercial = false\n+++\n\n"
        "Ranchers packed a county hearing on water rights this week.\n\n"
        f"*By Cal Whitaker, Montana Free Press. This story was originally published by [Montana Free Press]({MFP_URL})"
        " and is republished under a [CC BY-NC-ND 3.0 US](https://creativecommons.org/licenses/by-nc-nd/3.0/us/)"
        " licence.*\n",
        encoding="utf-8",
    )


def test_the_sites_time_zone_dates_its_pages_own_dates(tmp_path: Path, cli) -> None:
    """Hugo reads `publishDate = 2096-12-11` in its `timeZone` (America/Denver): the page goes out at midnight
    there, the day after the original, not at midnight UTC (the evening before in Montana)."""
    _hugo_water(tmp_path, "2096-12-11", None)
    run = cli("check", "content/water.md", cwd=tmp_path)
    assert run.code == 1 and "montana-free-press/not-before-next-day" in run.out, run.out  # read in UTC
    _hugo_water(tmp_path, "2096-12-11", "site-timezone: America/Denver\n")
    run = cli("check", "content/water.md", cwd=tmp_path)
    assert run.code == 0, run.out + run.err
    _hugo_water(tmp_path, "2096-12-11T00:30:00", "site-timezone: America/Denver\n")  # no offset: the site's clock
    run = cli("check", "content/water.md", cwd=tmp_path)
    assert run.code == 0, run.out + run.err
    # A zone east of the publisher's: its midnight is the evening before in Montana, and the finding says why.
    _hugo_water(tmp_path, "2096-12-11", "site-timezone: Europe/Oslo\n")
    run = cli("check", "content/water.md", cwd=tmp_path)
    assert run.code == 1, run.out
    assert (
        "its 'publishDate' (2096-12-11) (read in the site's time zone, Europe/Oslo) goes out at "
        "2096-12-10 23:00 UTC, 2096-12-10 16:00 there" in run.out
    ), run.out
    # A date-time with its offset is that moment, whatever the site's zone.
    _hugo_water(tmp_path, "2096-12-11T00:30:00-07:00", "site-timezone: Europe/Oslo\n")
    assert cli("check", "content/water.md", cwd=tmp_path).code == 0


def test_an_unknown_site_time_zone_is_refused(tmp_path: Path, cli) -> None:
    _hugo_water(tmp_path, "2096-12-11", "site-timezone: America/Springfield\n")
    run = cli("check", "content/water.md", cwd=tmp_path)
    assert run.code == 2
    assert "site-timezone: Value error, unknown time zone 'America/Springfield'" in run.err, run.err


def test_init_proposes_the_sites_time_zone(tmp_path: Path, cli) -> None:
    """init writes the site's own zone from Hugo's timeZone (production's over the defaults) or Jekyll's
    timezone; without one, a comment saying what is read."""
    _hugo_water(tmp_path, "2096-12-11", None)
    assert cli("init", cwd=tmp_path).code == 0
    written = (tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8")
    assert "\nsite-timezone: America/Denver\n" in written, written
    assert cli("check", "content/water.md", cwd=tmp_path).code == 0

    hugo = tmp_path / "hugo-site"
    (hugo / "config" / "_default").mkdir(parents=True)
    (hugo / "config" / "production").mkdir(parents=True)
    (hugo / "config" / "_default" / "hugo.yaml").write_text("baseURL: https://a.example/\ntimezone: UTC\n", "utf-8")
    (hugo / "config" / "production" / "hugo.toml").write_text('timeZone = "Europe/Oslo"\n', "utf-8")
    assert cli("init", cwd=hugo).code == 0
    assert "\nsite-timezone: Europe/Oslo\n" in (hugo / ".reprint-guard.yaml").read_text("utf-8")

    jekyll = tmp_path / "jekyll-site"
    jekyll.mkdir()
    (jekyll / "_config.yml").write_text("url: https://b.example\ntimezone: Asia/Kolkata\n", encoding="utf-8")
    assert cli("init", cwd=jekyll).code == 0
    assert "\nsite-timezone: Asia/Kolkata\n" in (jekyll / ".reprint-guard.yaml").read_text("utf-8")

    (jekyll / "_config.yml").write_text("url: https://b.example\n", encoding="utf-8")
    assert cli("init", "--force", cwd=jekyll).code == 0
    written = (jekyll / ".reprint-guard.yaml").read_text("utf-8")
    assert "\n# site-timezone: America/Denver\n" in written and "\nsite-timezone:" not in written, written
