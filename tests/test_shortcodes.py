"""Hugo's built-in shortcodes read as Hugo renders them: the photo a ``figure`` shows is a photo."""

from __future__ import annotations

from pathlib import Path

import pytest

from reprint_guard import check_file, check_text
from reprint_guard.readers import read_text
from reprint_guard.readers.shortcodes import expand

ROOT = Path(__file__).resolve().parents[1]
PROPUBLICA = (ROOT / "tests" / "policies" / "propublica" / "compliant.md").read_text(encoding="utf-8")
PHOTO = "https://img.assets-d.propublica.org/v5/images/meters.jpg"


def with_line(text: str, line: str, after: str = "by Marcus Oyelaran\n") -> str:
    assert after in text
    return text.replace(after, after + "\n" + line + "\n", 1)


def rules(result) -> list[tuple[str, int, int]]:
    return [(f.rule, f.line, f.column) for f in result.findings]


@pytest.mark.parametrize(
    "call",
    [
        f'{{{{< figure src="{PHOTO}" alt="A meter" caption="A new meter" >}}}}',
        f'{{{{<figure src="{PHOTO}">}}}}',  # no spaces: a tag's shape, but a call
        f'{{{{% figure src="{PHOTO}" %}}}}',
        f'{{{{< figure\n  src="{PHOTO}"\n  alt="A meter"\n>}}}}',  # over several lines, as Hugo's docs write it
    ],
)
def test_a_photo_in_a_figure_shortcode_is_a_photo_the_terms_ask_permission_for(tmp_path, call):
    story = tmp_path / "pp.md"
    story.write_text(with_line(PROPUBLICA, call), encoding="utf-8")
    result = check_file(story)
    line = next(n for n, text in enumerate(story.read_text(encoding="utf-8").splitlines(), 1) if PHOTO in text)
    column = story.read_text(encoding="utf-8").splitlines()[line - 1].index(PHOTO) + 1
    assert rules(result) == [("propublica/photos-permission", line, column)]
    assert "first <img> " + PHOTO in result.findings[0].message
    allowed = check_file(
        story, meta={"permissions": [{"from": "a@propublica.org", "date": "2026-09-01", "scope": ["photos"]}]}
    )
    assert allowed.findings == []


def test_with_raw_html_left_out_a_shortcodes_own_html_is_still_on_the_page(tmp_path):
    """Hugo's goldmark leaves out raw HTML by default, not what a shortcode makes."""
    (tmp_path / ".reprint-guard.yaml").write_text("raw-html: false\n", encoding="utf-8")
    story = tmp_path / "pp.md"
    call = f'{{{{<figure src="{PHOTO}">}}}}'
    story.write_text(with_line(PROPUBLICA, call + ' <img src="https://elsewhere.example/raw.jpg">'), encoding="utf-8")
    result = check_file(story, config=True)
    found = [f for f in result.findings if f.rule == "propublica/photos-permission"]
    assert len(found) == 1 and PHOTO in found[0].message and "1 item of media" in found[0].message
    assert found[0].column == call.index(PHOTO) + 1


def test_a_figures_caption_and_attribution_are_text_on_the_page():
    text = (
        "---\noriginal_url: https://montanafreepress.org/2026/10/08/x/\n---\n\n"
        '{{< figure src="/img/river.jpg" caption="The river in May" attr="Photo: Getty Images" >}}\n'
    )
    reprint = read_text(text)
    assert "The river in May Photo: Getty Images" in reprint.visible.raw_text
    assert "figure" not in reprint.visible.raw_text and "src=" not in reprint.visible.raw_text
    result = check_text(text)
    stock = [f for f in result.findings if f.rule == "montana-free-press/no-stock-images"]
    assert len(stock) == 1 and stock[0].line == 5


@pytest.mark.parametrize(
    ("call", "address", "written"),
    [
        ("{{< instagram CxOWiQNP2MO >}}", "https://www.instagram.com/p/CxOWiQNP2MO/", "CxOWiQNP2MO"),
        ('{{< instagram id="CxOWiQNP2MO" >}}', "https://www.instagram.com/p/CxOWiQNP2MO/", "CxOWiQNP2MO"),
        ('{{< x user="SanDiegoZoo" id="1453110110599868418" >}}', "https://x.com/SanDiegoZoo/status/", "1453"),
        ("{{< tweet SanDiegoZoo 1453110110599868418 >}}", "https://x.com/SanDiegoZoo/status/", "1453"),
    ],
)
def test_an_instagram_or_x_shortcode_is_the_posts_embed_code(tmp_path, call, address, written):
    """Hugo's instagram and x (tweet) shortcodes put the platform's post on the page: they were read as
    nothing, so a text-only policy passed them. The finding stands at the post's id in the call."""
    text = (
        "---\ntitle: R\nauthor: Li Wei\noriginal_url: https://dialogue.earth/en/water/rivers-of-the-plateau/\n"
        f"---\n\nText about rivers.\n\n{call}\n\nMore.\n"
    )
    story = tmp_path / "de.md"
    story.write_text(text, encoding="utf-8")
    [finding] = [f for f in check_file(story).findings if f.rule == "dialogue-earth/text-only"]
    assert address in finding.message and "1 item of media" in finding.message
    assert (finding.line, finding.column) == (9, call.index(written) + 1)


def test_video_embeds_code_links_and_commented_calls():
    body = (
        '{{< youtube dQw4w9WgXcQ >}}\n\n{{< vimeo id="146022717" >}}\n\n'
        "{{< highlight python >}}\nprint('All rights reserved')\n{{< /highlight >}}\n\n"
        '[the other story]({{< ref "posts/other.md" >}})\n\n'
        '{{</* figure src="/img/shown.jpg" */>}}\n\n{{< gist spf13 7896402 >}}\n\n{{< newsletter-box >}}\n'
    )
    reprint = read_text("---\ntitle: t\n---\n" + body)
    shown, _ = reprint.media
    assert [(m.tag, m.src) for m in shown] == [
        ("iframe", "https://www.youtube.com/embed/dQw4w9WgXcQ"),
        ("iframe", "https://player.vimeo.com/video/146022717"),
    ]
    text = reprint.visible.raw_text
    assert "All rights reserved" not in text  # code, as Hugo highlights it
    assert reprint.visible.anchors == ["posts/other.md"]
    assert '{{< figure src="/img/shown.jpg" >}}' in text  # a commented call is shown as the call
    assert "gist" not in text
    assert "{{< newsletter-box >}}" in text  # a site's own shortcode: its template is not known here


def test_calls_without_ends_are_read_in_one_pass():
    """A hostile page of openings: read once, left as text (Hugo would refuse to build it)."""
    hostile = "{{< figure " * 200_000 + "{{% highlight %}}x" * 50_000
    assert expand(hostile).startswith("{{< figure {{< figure")
    assert expand("{{< figure src='" + "x" * 10_000 + "' >}}").startswith("{{< figure")  # too long for a call


def test_the_line_after_a_figure_call_is_still_markdown(tmp_path):
    """Hugo writes a call's output in after reading the Markdown: a credit on the next line is a paragraph,
    not part of an HTML block that runs on to the next blank line."""
    story = tmp_path / "g.md"
    story.write_text(
        "---\ntitle: Heat\nauthor: Ana Lima\noriginal_url: https://grist.org/climate/heat\n"
        "permissions: [{from: a@grist.org, date: 2026-01-01, scope: [photos]}]\n---\n\nThe heat wave arrived early.\n\n"
        '{{< figure src="/img/heat.jpg" caption="Heat" >}}\n'
        "This story was originally published by [Grist](https://grist.org/climate/heat).\n",
        encoding="utf-8",
    )
    assert check_file(story).findings == []


@pytest.mark.parametrize("indent", ["", "  ", "> ", "- "])
@pytest.mark.parametrize("raw_html", [True, False])
def test_text_after_a_figure_call_on_its_line_is_still_markdown(tmp_path, indent, raw_html):
    """In Hugo the call is a placeholder inside a paragraph when text follows it on its line: the credit's
    link after it is a link, not the text of an HTML block (with raw HTML left out too: the call's own
    output is spared, the Markdown around it read)."""
    story = tmp_path / "g.md"
    story.write_text(
        "---\ntitle: Heat\nauthor: Ana Lima\noriginal_url: https://grist.org/climate/heat\n"
        "permissions: [{from: a@grist.org, date: 2026-01-01, scope: [photos]}]\n---\n\nThe heat wave arrived early.\n\n"
        f'{indent}{{{{< figure src="/img/heat.jpg" >}}}} This story was originally published by '
        "[Grist](https://grist.org/climate/heat).\n",
        encoding="utf-8",
    )
    (tmp_path / ".reprint-guard.yaml").write_text(f"raw-html: {str(raw_html).lower()}\n", encoding="utf-8")
    assert check_file(story, config=True).findings == []
    reprint = read_text(story.read_text(encoding="utf-8"), path=str(story), raw_html=raw_html)
    assert "https://grist.org/climate/heat" in reprint.visible.anchors
    assert [media.src for media in reprint.media[0]] == ["/img/heat.jpg"]


def test_a_percent_calls_output_is_markdowns_to_read(tmp_path):
    """Hugo (0.55 on) hands a {{% %}} call's output to the Markdown renderer: a figure there starts an HTML
    block, and the credit after it on its line is that block's text, no link (as on the built page)."""
    story = tmp_path / "g.md"
    story.write_text(
        "---\ntitle: Heat\nauthor: Ana Lima\noriginal_url: https://grist.org/climate/heat\n"
        "permissions: [{from: a@grist.org, date: 2026-01-01, scope: [photos]}]\n---\n\nThe heat wave arrived early.\n\n"
        '{{% figure src="/img/heat.jpg" %}} This story was originally published by '
        "[Grist](https://grist.org/climate/heat).\n",
        encoding="utf-8",
    )
    reprint = read_text(story.read_text(encoding="utf-8"), path=str(story))
    assert "https://grist.org/climate/heat" not in reprint.visible.anchors


@pytest.mark.parametrize(
    ("body", "index", "starts"),
    [
        ("{{< a >}}", 0, True),
        ("x\n  > - {{< a >}}", 8, True),
        ("x\n1. {{< a >}}", 5, True),
        ("text {{< a >}}", 5, False),
        ("{{< a >}}{{< a >}}", 9, False),  # after another call on its line: looked back one character only
        ("x >}} {{< a >}}", 6, False),
    ],
)
def test_a_call_starts_a_line_only_after_indentation_and_container_marks(body, index, starts):
    """Looked back over marks only (200,000 calls on one line each searched back to the line's start)."""
    from reprint_guard.readers.shortcodes import _starts_a_line

    assert _starts_a_line(body, index) is starts


@pytest.mark.parametrize(
    ("opening", "closing", "hidden"),
    [
        ("{{% comment %}}", "{{% /comment %}}", True),  # Hugo's comment shows nothing of what it holds
        ("{{< comment >}}", "{{< /comment >}}", True),
        ('{{< details summary="Credits" >}}', "{{< /details >}}", True),  # closed until a click
        ('{{< details summary="Credits" open=true >}}', "{{< /details >}}", False),  # open: its Markdown is shown
        ('{{< details summary="Credits" open="TRUE" >}}', "{{< /details >}}", True),  # Hugo opens on true or 1 only
    ],
)
def test_a_credit_inside_hugos_comment_or_closed_details_is_not_shown(tmp_path, opening, closing, hidden):
    """Hugo's built-in comment and details shortcodes were read as text: a credit commented out while being
    reworked passed, and the page went out with none."""
    credit = "This story was originally published by [ProPublica]"
    assert credit in PROPUBLICA
    start = PROPUBLICA.index(credit)
    end = PROPUBLICA.index(" licence.", start) + len(" licence.")
    story = tmp_path / "pp.md"
    story.write_text(
        f"{PROPUBLICA[:start]}{opening}\n{PROPUBLICA[start:end]}\n{closing}{PROPUBLICA[end:]}", encoding="utf-8"
    )
    found = {rule for rule, _, _ in rules(check_file(story))}
    expected = {"propublica/credit-line", "propublica/link-original", "propublica/license"} if hidden else set()
    assert found == expected


@pytest.mark.parametrize("call", ['{{< youtube id="dQw4w9WgXcQ" title="Interview" >}}', "{{< youtube dQw4w9WgXcQ >}}"])
def test_a_video_shortcodes_finding_stands_at_the_call(call):
    """A finding about a Hugo youtube or vimeo call stood at the body's first line (its iframe's address is
    not in the source): in a pull request, the annotation was far from the embed. It stands at the call, not at
    the video's id where the prose gives it before."""
    body = "Watch it at youtube.com, id dQw4w9WgXcQ.\n\nParagraph two.\n\n" + call + "\n\n{{< vimeo 146022717 >}}\n"
    [photo] = [f for f in check_text(body, meta=_CONVERSATION).findings if f.rule.endswith("images-not-covered")]
    assert (photo.line, photo.column, photo.end_line, photo.end_column) == (5, 1, 5, len(call) + 1), photo
    reprint = read_text(body)
    assert [m.src for m in reprint.media[0]] == [
        "https://www.youtube.com/embed/dQw4w9WgXcQ",
        "https://player.vimeo.com/video/146022717",
    ]


_CONVERSATION = {"author": "Ana Ruiz", "original_url": "https://theconversation.com/some-story-123456"}


def test_hugos_param_shortcode_writes_the_pages_own_value(tmp_path, cli):
    """``{{< param "canonicalURL" >}}`` in the credit's link and ``{{< param "authors" >}}`` in the notice were
    read as written: link-original and copyright-notice failed on a credit Hugo renders right."""
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / ".reprint-guard.yaml").write_text(
        "front-matter:\n  canonicalURL: original_url\n  authors: author\n", encoding="utf-8"
    )
    page = site / "content" / "a.md"
    page.write_text(
        '+++\ntitle = "Smart Meters"\nauthors = ["Marta Kowalczyk"]\n'
        'canonicalURL = "https://www.globalresearch.ca/river-towns-water-meters/5812345"\ncommercial = false\n'
        "[params]\nsource = 'Global Research'\n+++\nWater meters came to the river towns.\n\n"
        '*The original source of this article is [{{< param "params.source" >}}]({{< param "canonicalURL" >}}).*\n\n'
        "Copyright © {{% param authors %}}, Global Research, 2025\n",
        encoding="utf-8",
    )
    run = cli("check", "content/a.md", cwd=site)
    assert run.code == 0, run.out
    page.write_text(page.read_text(encoding="utf-8").replace('param "canonicalURL"', 'param "nothere"'), "utf-8")
    found = cli("check", "content/a.md", "--format", "json", cwd=site).json()["results"][0]["findings"]
    assert [f["rule"] for f in found] == ["global-research/link-original"], found
