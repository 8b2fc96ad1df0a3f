"""An attack on the day's --fix changes: what they broke, mended.

A credit whose name is written across tags no link can nest around made --fix leave the whole file as it was,
the unrelated fixes (a missing licence) too, saying "fixed" and "left unchanged" of the same run: the credit
line goes in for it, as before. The link made where a finding stands was written into a Hugo shortcode's
arguments. A raw-HTML shortcode's inside got a Markdown link, which Hugo prints as it stands, and the check
took it for a link.

Real files in a temporary folder, through the CLI.
"""

from __future__ import annotations

from conftest import write

KFF_URL = "https://kffhealthnews.org/news/article/rural-pharmacy-closures-county-nurses-fill-gap/"
KFF_FRONT = (
    "---\ntitle: When the last pharmacy closed\nauthor: Dana Whitfield\n"
    f"original_url: {KFF_URL}\noriginal_published: 2026-09-18\nlicense: CC-BY-NC-ND-4.0\n"
    "commercial: true\nnews_outlet: true\nmedium: web\n---\n"
    "<h1>When the last pharmacy closed</h1>\n<p>By Dana Whitfield</p>\n"
    "<p>The only pharmacy in Harlow County shut its doors on a Friday in March.</p>\n"
)
GR_URL = "https://www.globalresearch.ca/the-river-that-ran-dry/5801234"
GR_META = (
    f'title = "The river that ran dry"\nauthor = "Mara Velasquez"\noriginal_url = "{GR_URL}"\n'
    'original_published = 2025-02-10\ncommercial = false\nmedium = "web"\n'
)
GR_YAML = GR_META.replace(" = ", ": ").replace('"', "")
COPYRIGHT = "Copyright © Mara Velasquez, Global Research, 2025"
RIVER = "A valley's farmers watched the river shrink for three summers before anyone in the capital noticed."


def _fixed(cli, path, *options: str):
    """--fix on ``path``, then the check again: (the fix's run, the file's text, the re-check's run)."""
    run = cli("check", *options, "--fix", str(path))
    return run, path.read_text(encoding="utf-8"), cli("check", *options, str(path))


def test_a_name_across_tags_no_link_nests_around_gets_the_credit_and_the_other_fixes(tmp_path, cli):
    page = write(
        tmp_path / "k.html",
        KFF_FRONT + "<p><i>This article was originally published by <span>KFF</span></i>"
        "<span> Health News.</span></p>\n",
    )
    before = page.read_text(encoding="utf-8")
    run, text, again = _fixed(cli, page, "--no-config")
    assert run.code == 0, run.err + run.out
    assert "left unchanged" not in run.err and "could not fix" not in run.err, run.err
    assert "fixed kff-health-news/license, kff-health-news/link-original" in run.err, run.err
    assert text.startswith(before), text  # the credit's words as they were, the credit line after them
    assert f'by <a href="{KFF_URL}">KFF Health News</a>' in text, text
    assert 'href="https://creativecommons.org/licenses/by-nc-nd/4.0/"' in text, text
    assert again.code == 0, again.err + again.out


def test_a_name_in_spans_crossing_its_emphasis_or_a_link_gets_a_credit_line(tmp_path, cli):
    for name, credit in (
        ("across-i.html", "<i>The original source of this article is <span>Global</span></i><span> Research.</span>"),
        (
            "badnest.html",
            '<i>The original source of this article is <span class="src">Global <b>Research</span></b>.</i>',
        ),
        (
            "inlink.html",
            '<i>The original source of this article is <a href="https://example.org/x"><span>Global</span></a>'
            "<span> Research</span>.</i>",
        ),
    ):
        page = write(
            tmp_path / name,
            f"---\n{GR_YAML}---\n<p>{RIVER}</p>\n<p>{credit}</p>\n<p>{COPYRIGHT}</p>\n",
        )
        run, text, again = _fixed(cli, page, "--no-config")
        assert run.code == 0 and "fixed global-research/link-original" in run.err, (name, run.err + run.out)
        assert f"<p>{credit}</p>\n" in text, (name, text)
        assert f'is <a href="{GR_URL}">Global Research</a>.' in text, (name, text)
        assert again.code == 0, (name, again.err + again.out)


def test_a_name_in_a_shortcode_calls_arguments_is_not_linked_there(tmp_path, cli):
    """The link made where the finding stands was written into the call's quoted argument, which the theme's
    template prints escaped (or the call breaks): a credit line is added, as for figure's caption."""
    for name, call in (
        ("a.md", '{{< notice title="The original source of this article is Global Research" >}}'),
        ("b.md", '{{< notice "The original source of this article is Global Research" >}}'),
        ("c.md", '{{< notice info "The original source of this article is Global Research" >}}'),
    ):
        story = write(
            tmp_path / name,
            f"+++\n{GR_META}+++\n\n# The river that ran dry\n\n{call}\n{RIVER}\n{{{{< /notice >}}}}\n\n{COPYRIGHT}\n",
        )
        run, text, again = _fixed(cli, story, "--no-config")
        assert run.code == 0 and "fixed global-research/link-original" in run.err, (name, run.err + run.out)
        assert f"\n{call}\n" in text, (name, text)  # the call as written
        assert text.endswith(f"is [Global Research]({GR_URL}).*\n"), (name, text)
        assert again.code == 0, (name, again.err + again.out)


def _rawhtml(tmp_path, name: str, credit: str):
    """A Hugo reprint with its credit inside ``{{< rawhtml >}}``, on a site whose renderer leaves raw HTML out."""
    write(tmp_path / ".reprint-guard.yaml", "raw-html: false\n")
    return write(
        tmp_path / "content" / name,
        f"+++\n{GR_META}+++\n\n# The river that ran dry\n\n{RIVER}\n\n"
        f"{{{{< rawhtml >}}}}\n{credit}\n{{{{< /rawhtml >}}}}\n\n{COPYRIGHT}\n",
    )


def test_a_credit_in_a_raw_html_shortcode_is_linked_with_an_html_link(tmp_path, cli):
    """Hugo puts the shortcode's inside on the page after goldmark has read the Markdown: a Markdown link
    written there is shown as written. --fix writes an <a href>, as in a <p> there."""
    story = _rawhtml(tmp_path, "gr2.md", "The original source of this article is Global Research.")
    run = cli("check", "--fix", ".", cwd=tmp_path)
    assert run.code == 0 and "fixed global-research/link-original" in run.err, run.err + run.out
    text = story.read_text(encoding="utf-8")
    assert f'\nThe original source of this article is <a href="{GR_URL}">Global Research</a>.\n' in text, text
    assert "](" not in text, text
    assert cli("check", ".", cwd=tmp_path).code == 0


def test_a_markdown_link_in_a_raw_html_shortcode_is_no_link(tmp_path, cli):
    for name, credit in (
        ("md-link.md", f"The original source of this article is [Global Research]({GR_URL})."),
        ("md-link-in-p.md", f"<p>The original source of this article is [Global Research]({GR_URL}).</p>"),
        ("bare.md", f"The original source of this article is Global Research: {GR_URL}"),
    ):
        story = _rawhtml(tmp_path, name, credit)
        run = cli("check", "--format", "json", str(story.relative_to(tmp_path)), cwd=tmp_path)
        assert run.code == 1, (name, run.out)
        rules = [f["rule"] for f in run.json()["results"][0]["findings"]]
        assert "global-research/link-original" in rules, (name, rules)
        story.unlink()
    # Outside the shortcode, and in a {{% %}} call (whose output is Markdown), the Markdown link is a link.
    story = _rawhtml(tmp_path, "outside.md", "The story as Global Research told it.")
    story.write_text(
        story.read_text(encoding="utf-8") + f"\nThe original source of this article is [Global Research]({GR_URL}).\n",
        encoding="utf-8",
    )
    assert cli("check", str(story.relative_to(tmp_path)), cwd=tmp_path).code == 0
    story.write_text(
        f"+++\n{GR_META}+++\n\n{RIVER}\n\n{{{{% rawhtml %}}}}\nThe original source of this article is "
        f"[Global Research]({GR_URL}).\n{{{{% /rawhtml %}}}}\n\n{COPYRIGHT}\n",
        encoding="utf-8",
    )
    assert cli("check", str(story.relative_to(tmp_path)), cwd=tmp_path).code == 0
