"""Hostile inputs to the link check and to --fix's link in place, under the documented size limit: each was
quadratic in the number of links or names (a block's text made and searched again for each of its links, a
line read again for each copy of an address, the page lowered for each copy); each is read in linear time
now, with the same findings."""

from __future__ import annotations

import pytest

from conftest import COMPLIANT_META, cpu_seconds, markdown
from reprint_guard import check_text

ORIGINAL = "https://www.globalresearch.ca/some-story/5812345"
META = {**COMPLIANT_META, "original_url": ORIGINAL}
OTHER = "https://www.globalresearch.ca/other/1"
HEAD = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>T</title>'
    f'<link rel="canonical" href="{ORIGINAL}"><meta name="author" content="Ana Ruiz"></head><body>'
)


def _link_finding(text: str) -> tuple[list, float]:
    """The link rule's findings for ``text``, and how long the check took."""
    start = cpu_seconds()
    result = check_text(text)
    took = cpu_seconds() - start
    return [f for f in result.findings if f.rule == "global-research/link-original"], took


@pytest.mark.parametrize(
    "links",
    [
        "[Global Research](https://example.org/) " * 3500,
        "".join(f"[Global Research](https://example.org/{i}) " for i in range(3500)),
        "".join(f'<a href="https://example.org/{i}">Global Research</a> ' for i in range(3500)),
    ],
    ids=["one-address", "many-addresses", "html-links"],
)
def test_a_paragraph_of_links_naming_the_publisher_elsewhere_is_read_in_linear_time(links):
    """Each link naming the publisher on another site had its paragraph's text made and searched for a
    credit's words again: 2,500 links in one paragraph (100 KB) took 14 s. The credit below them, linked to
    another site, is still found."""
    credit = "Originally published by [Global Research](https://www.mondialisation.ca/x/1)."
    text = markdown(META, "<p>" + links + "</p>\n\n" if "<a" in links else links + "\n\n") + credit + "\n"
    found, took = _link_finding(text)
    assert took < 5
    assert len(found) == 1
    assert "the credit's link goes to another site, https://www.mondialisation.ca/x/1" in found[0].message
    assert (found[0].line, found[0].column, found[0].end_column) == (11, 43, 76)


def test_copies_of_a_site_address_on_one_line_are_read_in_linear_time():
    """Each copy of an address to another page of the original's site had its line (100 KB) lowered and
    searched for a credit's words: 1,800 copies took 26 s. The finding stands at the credit's copy."""
    body = f"[Global Research]({OTHER}) " * 1800 + f"\n\nOriginally published by [Global Research]({OTHER}).\n"
    found, took = _link_finding(markdown(META, body))
    assert took < 5
    assert len(found) == 1
    assert "it links to https://www.globalresearch.ca/other/1 on the same site" in found[0].message
    assert (found[0].line, found[0].column, found[0].end_column) == (11, 43, 80)


def test_a_paragraph_of_links_to_the_site_is_read_in_linear_time():
    """Each link to another page of the original's site had its paragraph's text made again: 4,000 in one
    paragraph took 4 s, 10,000 about 25 s. The finding is told at the first."""
    body = "".join(f"[x](https://www.globalresearch.ca/other/{i}) " for i in range(10_000)) + "\n"
    found, took = _link_finding(markdown(META, body))
    assert took < 5
    assert len(found) == 1
    assert "it links to https://www.globalresearch.ca/other/0 on the same site" in found[0].message
    assert (found[0].line, found[0].column, found[0].end_column) == (9, 5, 42)


def test_copies_of_a_site_link_on_a_page_are_read_in_linear_time():
    """The words of each copy of a link were read up to its end tag in the whole page lowered: 22,000 copies
    (1.6 MB) took 12 s. An end tag in capitals ends a link's words too: the credit's copy is told."""
    copy = f'<p><a href="{OTHER}">Global Research</a></p>\n'
    credit = f'<p>Originally published by <A HREF="{OTHER}">Global Research</A>.</p>\n'
    text = HEAD + copy * 30_000 + credit + "</body></html>\n"
    found, took = _link_finding(text)
    assert took < 8
    assert len(found) == 1
    assert "it links to https://www.globalresearch.ca/other/1 on the same site" in found[0].message
    assert (found[0].line, found[0].column) == (30_001, 37)


def test_credit_lines_linking_the_site_in_one_paragraph_are_read_in_linear_time():
    """Each link to the site in a paragraph of credit lines had the paragraph's text made again: 3,000 lines
    (216 KB) took 2 s, 9,000 about 20 s."""
    body = f"[x]({OTHER})\n\n" + f"Source: Global Research, see [x]({OTHER})\n" * 9000
    found, took = _link_finding(markdown(META, body))
    assert took < 5
    assert len(found) == 1
    assert "it links to https://www.globalresearch.ca/other/1 on the same site" in found[0].message
    assert (found[0].line, found[0].column, found[0].end_column) == (9, 5, 42)


def test_fix_links_a_credit_after_a_line_of_names_in_linear_time(tmp_path, cli):
    """--fix looked back to the start of its paragraph from each of the publisher's names, and searched the
    words before each for a credit's, twice: 50,000 names on one line (800 KB) took 14 s, 80,000 about 30 s.
    The source line after them is still the one linked in place."""
    page = tmp_path / "a.md"
    page.write_text(
        markdown(META, "Global Research " * 80_000 + "\n\nSource: Global Research\n"),
        encoding="utf-8",
    )
    start = cpu_seconds()
    run = cli("check", str(page), "--fix", "--no-config")
    assert cpu_seconds() - start < 8
    assert run.code == 0, run.out + run.err
    assert page.read_text(encoding="utf-8").endswith(
        f"Source: [Global Research]({ORIGINAL})\n\nCopyright © Ana Ruiz, Global Research, 2024\n"
    )


def test_the_cue_search_once_over_the_text_misses_no_window_searched_alone():
    """Run once over the text the windows cover, the credit cue leaves out only windows where a search of its
    own finds none: windows cut through a cue, windows alone and side by side, text in capitals, in ASCII and
    not."""
    from reprint_guard.fix import _cue_before, _cues_reach

    ascii_text = (
        "Story. ORIGINALLY PUBLISHED BY Global Research. Publicado originalmente por Global Research; "
        "first   appeared in Global Research. Source : Global Research, courtesy of Global Research. "
    ) * 3
    for text in (ascii_text, ascii_text.replace("Story.", "Publié initialement par GR, 原载于 GR.")):
        windows = [(start, end) for start in range(0, len(text), 7) for end in range(start, len(text) + 1, 11)]
        for group in ([[window] for window in windows], [windows[::5]]):
            for asked in group:
                for (start, end), reached in zip(asked, _cues_reach(text, asked), strict=True):
                    assert reached or _cue_before(text[start:end]) is None, (start, end)
