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
GAPS = {"zwsp": "\u200b", "word-joiner": "\u2060", "soft-hyphen": "\u00ad"}


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
    for index, gap in enumerate(("&#8203;", "&shy;", "&#x2060;")):
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
    assert normalize("Ines\u00adVarga", fold_case=False) == "Ines Varga"

