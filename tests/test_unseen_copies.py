"""A finding is placed at the copy of its words a reader sees, not at a hidden copy written before it.

A page may hold a finding's words twice: once in an element no reader sees (a hidden menu, a closed
``<details>``, a part the config's ``skip-elements`` leaves out) and once in the article. The finding is
about the copy a reader sees, so its line and column are that copy's; where every copy is hidden (a
screen-reader-only notice, a closed ``<details>``), the finding still points at the hidden one.
"""

from __future__ import annotations

import random

from conftest import ROOT, cpu_seconds
from reprint_guard import check


def write_text(path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


URL = "https://theconversation.com/a-story-123"
META = {"original_url": URL, "author": "Jane Roe"}
CREDIT = (
    f'<p>Jane Roe. Republished from <a href="{URL}">The Conversation</a> under a '
    '<a href="https://creativecommons.org/licenses/by-nd/4.0/">CC BY-ND 4.0</a> licence.</p>'
)
RESTRICTION = "the-conversation/no-added-restrictions"
ENDORSEMENT = "the-conversation/no-endorsement"


def _placed(findings, rule):
    """(line, column) of each finding of ``rule``."""
    return [(f.line, f.column) for f in findings if f.rule == rule]


def _page(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def test_a_hidden_copy_before_the_notice_a_reader_sees_is_passed_over_in_html():
    page = _page(
        "<article>",
        '<div class="menu" hidden><div><p>Menu</p></div><p>This site: All rights reserved.</p></div>',
        CREDIT,
        "<p>Body text of the story goes here.</p>",
        "<p>All rights reserved.</p>",
        "</article>",
    )
    assert _placed(check(page, META, format="html").findings, RESTRICTION) == [(5, 4)]


def test_a_hidden_copy_in_a_markdown_bodys_raw_html_is_passed_over(tmp_path, cli):
    path = tmp_path / "story.md"
    write_text(
        path,
        "---\ntitle: A story\nauthor: Jane Roe\n"
        f"original_url: {URL}\n---\n"
        '<div class="menu" style="display:none">All rights reserved.</div>\n\n'
        f"Jane Roe. Republished from [The Conversation]({URL}) under a "
        "[CC BY-ND 4.0](https://creativecommons.org/licenses/by-nd/4.0/) licence.\n\n"
        "Body text of the story goes here.\n\nAll rights reserved.\n",
    )
    before = path.read_bytes()
    run = cli("check", str(path), "--format", "json")
    assert run.code == 1, run.err
    found = [f for f in run.json()["results"][0]["findings"] if f["rule"] == RESTRICTION]
    assert [(f["line"], f["column"]) for f in found] == [(12, 1)]
    assert path.read_bytes() == before


def test_a_copy_in_a_closed_details_is_passed_over_for_the_one_on_the_page_and_kept_when_alone():
    page = _page(
        "<article>",
        CREDIT,
        "<details><summary>More</summary><p>Endorsed by the author, all rights reserved.</p></details>",
        "<p>Body text of the story goes here.</p>",
        "<p>All rights reserved.</p>",
        "</article>",
    )
    findings = check(page, META, format="html").findings
    # The notice a reader sees is on line 5, though the folded copy (in another case) comes first.
    assert _placed(findings, RESTRICTION) == [(5, 4)]
    # The claim is only in the closed <details>: it is placed there, as before.
    assert _placed(findings, ENDORSEMENT) == [(3, 36)]


def test_an_element_the_config_skips_is_passed_over(tmp_path, cli):
    write_text(tmp_path / ".reprint-guard.yaml", "skip-elements: [nav.site]\n")
    page = _page(
        '<nav class="site"><p>Our site. All rights reserved.</p></nav>',
        CREDIT,
        "<p>Body text of the story goes here.</p>",
        "<p>All rights reserved.</p>",
    )
    write_text(tmp_path / "page.html", page)
    write_text(tmp_path / "page.meta.yaml", f"original_url: {URL}\nauthor: Jane Roe\n")
    run = cli("check", "page.html", "--format", "json", cwd=tmp_path)
    found = [f for f in run.json()["results"][0]["findings"] if f["rule"] == RESTRICTION]
    assert [(f["line"], f["column"]) for f in found] == [(4, 4)]


def test_a_hidden_element_runs_to_its_own_end_tag_past_nested_ones_of_its_name():
    # The tail after the hidden <div> (inside the outer, shown one) is on the page: it is the copy a reader sees.
    page = _page(
        "<article>",
        CREDIT,
        '<div><div style="display: none"><div>Menu</div><div>x</div> All rights reserved.</div>'
        " All rights reserved.</div>",
        "</article>",
    )
    assert _placed(check(page, META, format="html").findings, RESTRICTION) == [(3, 88)]


def test_an_unclosed_hidden_paragraph_ends_where_the_next_one_starts():
    page = _page(
        "<article>",
        CREDIT,
        "<p hidden>All rights reserved.",
        "<p>Body text. All rights reserved.",
        "</article>",
    )
    assert _placed(check(page, META, format="html").findings, RESTRICTION) == [(4, 15)]


def test_a_screen_reader_copy_is_placed_at_when_it_is_the_only_one():
    alone = _page(
        "<article>",
        CREDIT,
        '<p>Note: <span class="sr-only">Endorsed by the author.</span></p>',
        "<p>Body text of the story goes here.</p>",
        "</article>",
    )
    assert _placed(check(alone, META, format="html").findings, ENDORSEMENT) == [(3, 32)]
    shown_later = alone.replace("<p>Body text", "<p>Endorsed by the author. Body text")
    assert _placed(check(shown_later, META, format="html").findings, ENDORSEMENT) == [(4, 4)]


def test_a_page_with_nothing_hidden_is_not_read_again(tmp_path):
    from reprint_guard.engine import check_reprint
    from reprint_guard.policy.loader import policy_set
    from reprint_guard.readers import read_file

    path = tmp_path / "page.html"
    write_text(
        path, _page("<article>", CREDIT, "<p>All rights reserved.</p>", "<p>All rights reserved.</p>", "</article>")
    )
    reprint = read_file(str(path), meta=META)
    findings = check_reprint(reprint, policy_set()).settle().findings
    assert _placed(findings, RESTRICTION) == [(3, 4)]
    assert not reprint.visible.unseen
    assert reprint._unseen is None  # the marked copy is read only for a page that hides something


def test_thousands_of_hidden_copies_before_the_one_shown_stay_linear():
    hidden = "".join(f"<span hidden>All rights reserved {n}.</span>" for n in range(20_000))
    page = _page("<article>", CREDIT, f"<div>{hidden}</div>", "<p>All rights reserved.</p>", "</article>")
    started = cpu_seconds()
    findings = check(page, META, format="html").findings
    took = cpu_seconds() - started
    assert _placed(findings, RESTRICTION) == [(4, 4)]
    assert took < 20, took


def test_copies_in_a_script_a_template_or_a_noscript_are_passed_over():
    for unseen in (
        '<script>var notice = "All rights reserved.";</script>',
        "<template><p>All rights reserved.</p></template>",
        "<noscript><p>All rights reserved.</p></noscript>",
    ):
        page = _page("<article>", CREDIT, unseen, "<p>Body text. All rights reserved.</p>", "</article>")
        assert _placed(check(page, META, format="html").findings, RESTRICTION) == [(4, 15)], unseen


def test_a_copy_in_an_indented_code_block_is_passed_over_its_offsets_told_in_characters():
    markdown = _page(
        f"Jane Roe. Republished from [The Conversation]({URL}) under a "
        "[CC BY-ND 4.0](https://creativecommons.org/licenses/by-nd/4.0/) licence.",
        "",
        "    Código de ejemplo: All rights reserved.",
        "",
        "- A list item",
        "",
        "      Más código: All rights reserved.",
        "",
        "Bödy text. All rights reserved.",
    )
    assert _placed(check(markdown, META, format="markdown").findings, RESTRICTION) == [(9, 12)]


#: Ways a page hides a block, each a template around its text (``{}``).
_HIDING = (
    "<div hidden><p>{}</p></div>",
    '<div style="display:none"><div><span>Menu</span></div> {}</div>',
    '<p style="visibility: hidden">{}</p>',
    '<span class="d-none">{}</span>',
    "<details><summary>More</summary><p>{}</p></details>",
    '<script>var t = "{}";</script>',
    "<template><p>{}</p></template>",
    "<noscript><p>{}</p></noscript>",
    '<div aria-hidden="true" hidden><div><div>{}</div></div></div>',
)
_SHOWN = ("<p>{}</p>", "<div><p>Body. {}</p></div>", "<p>Text <em>here</em>. {}</p>", "<blockquote>{}</blockquote>")


def test_seeded_pages_place_the_notice_at_the_one_copy_a_reader_sees():
    for seed in range(120):
        rng = random.Random(seed)
        lines = ["<article>", CREDIT]
        for _ in range(rng.randint(0, 4)):
            lines.append(rng.choice(_HIDING).format("All rights reserved."))
            if rng.random() < 0.4:
                lines.append("<p>Filler paragraph of the story.</p>")
        shown_line = len(lines) + 1
        shown = rng.choice(_SHOWN)
        lines.append(shown.format("All rights reserved."))
        for _ in range(rng.randint(0, 2)):
            lines.append(rng.choice(_HIDING).format("All rights reserved."))
        lines.append("</article>")
        page = _page(*lines)
        column = shown.index("{}") + 1
        assert _placed(check(page, META, format="html").findings, RESTRICTION) == [(shown_line, column)], (seed, page)


def test_seeded_markdown_bodies_place_the_notice_at_the_one_copy_a_reader_sees():
    credit = (
        f"Jane Roe. Republished from [The Conversation]({URL}) under a "
        "[CC BY-ND 4.0](https://creativecommons.org/licenses/by-nd/4.0/) licence."
    )
    shown_ways = ("{}", "Body text, *emphasised*. {}", "> {}", "- {}")
    for seed in range(120):
        rng = random.Random(seed)
        blocks = [credit]
        for _ in range(rng.randint(0, 4)):
            blocks.append(rng.choice(_HIDING).format("All rights reserved."))
        shown = rng.choice(shown_ways)
        shown_line = sum(block.count("\n") + 2 for block in blocks) + 1
        blocks.append(shown.format("All rights reserved."))
        for _ in range(rng.randint(0, 2)):
            blocks.append(rng.choice(_HIDING).format("All rights reserved."))
        markdown = "\n\n".join(blocks) + "\n"
        column = shown.index("{}") + 1
        found = _placed(check(markdown, META, format="markdown").findings, RESTRICTION)
        assert found == [(shown_line, column)], (seed, markdown)


def test_a_link_finding_is_placed_at_the_link_a_reader_sees_not_a_hidden_copy_at_the_top(tmp_path, cli):
    fixture = ROOT / "tests" / "policies" / "global-voices" / "link-original-top.md"
    url = "https://globalvoices.org/2026/09/14/a-hillside-radio-station-reads-the-weather-in-three-languages/"
    text = fixture.read_text(encoding="utf-8").replace("expect: [global-voices/link-original-top@32]\n", "")
    hidden = f'<div hidden><a href="{url}">Original</a></div>\n\n'
    text = text.replace("# A hillside radio station", hidden + "# A hillside radio station", 1)
    write_text(tmp_path / "story.md", text)
    run = cli("check", "story.md", "--format", "json", cwd=tmp_path)
    found = [f for f in run.json()["results"][0]["findings"] if f["rule"] == "global-voices/link-original-top"]
    # Not at the hidden copy at the top (line 13), which a reader never sees: at the link at the end.
    assert [(f["line"], f["column"]) for f in found] == [(33, 44)]


def test_a_single_copy_is_placed_without_working_out_where_hidden_elements_stand(monkeypatch):
    """Where the words stand once, their copy is the place whether a reader sees it or not: the second reading
    of the page that tells where its hidden elements stand (the costliest part of placing a finding) is not
    made for it, nor for a screen-reader-only copy alone; with a hidden copy before the one a reader sees, it
    is, and the seen copy is the place."""
    from reprint_guard.reprint import Reprint

    readings = []
    real = Reprint._find_unseen_spans

    def counted(self):  # type: ignore[no-untyped-def]
        readings.append(1)
        return real(self)

    monkeypatch.setattr(Reprint, "_find_unseen_spans", counted)
    hidden_menu = '<div class="menu" hidden><p>Menu</p><p>Home</p></div>'
    once = _page("<article>", hidden_menu, CREDIT, "<p>Body text.</p>", "<p>All rights reserved.</p>", "</article>")
    assert _placed(check(once, META, format="html").findings, RESTRICTION) == [(5, 4)]
    assert readings == []
    twice = _page(
        "<article>",
        '<div class="menu" hidden><p>All rights reserved.</p></div>',
        CREDIT,
        "<p>All rights reserved.</p>",
        "</article>",
    )
    assert _placed(check(twice, META, format="html").findings, RESTRICTION) == [(4, 4)]
    assert readings == [1]
    readings.clear()
    only_spoken = _page(
        "<article>", CREDIT, '<p>Note: <span class="sr-only">Endorsed by the author.</span></p>', "</article>"
    )
    assert _placed(check(only_spoken, META, format="html").findings, ENDORSEMENT) == [(3, 32)]
    assert readings == []
