"""The forty-fourth session's mends after the attack on its paste and permission fixes: Pandoc markup read
through, soft hyphens."""

from __future__ import annotations

from pathlib import Path

import pytest

GRIST_PHOTO = """---
original_url: https://grist.org/climate/heat-pumps-rural-co-ops/
author: Jake Bittle
original_published: 2026-11-01
published: 2026-11-20
medium: web
---

By Jake Bittle

Electric co-ops on the Plains now lend members money for heat pumps.

*This story was originally published by [Grist](https://grist.org/climate/heat-pumps-rural-co-ops/).*

{span}

![A heat pump](https://grist.org/wp-content/uploads/2026/11/heatpump.jpg)
"""


def _rules(run) -> set[str]:
    return {finding["rule"] for result in run.json()["results"] for finding in result["findings"]}


@pytest.mark.parametrize("span", ["[<!--]{.note}", "[```]{.note}", "[<div hidden>]{.x}", "[# x]{.x}"])
def test_pandoc_markup_read_as_words_hides_no_photo(tmp_path: Path, cli, span: str) -> None:
    """A span whose words are Markdown or HTML ("<!--" opens a comment to the end of the page) made another page
    when the rules were run again through Pandoc's markup: the photo's error was left out, exit 0."""
    page = tmp_path / "heat.md"
    page.write_text(GRIST_PHOTO.replace("{span}", span), encoding="utf-8")
    run = cli("check", "--no-config", "--format", "json", str(page))
    assert "grist/no-images-without-permission" in _rules(run), run.out
    assert run.code == 1


def test_a_forbidden_phrase_in_pandoc_attributes_is_told(tmp_path: Path, cli) -> None:
    """Text written in a span's attributes shows on the page (CommonMark has none): a claim there is told, not
    left out because the rules read through the markup pass."""
    credit = (
        'Read more at [our site]{title="This republication is approved by the author"}.\n\n'
        "This story was originally published by\n"
        "[ProPublica](https://www.propublica.org/article/county-water-meters-overbilled-residents). It is\n"
        "republished under a [CC BY-NC-ND 3.0 US](https://creativecommons.org/licenses/by-nc-nd/3.0/us/) licence."
    )
    page = tmp_path / "meters.md"
    page.write_text(_meters(credit), encoding="utf-8")
    run = cli("check", "--no-config", "--format", "json", str(page))
    assert "propublica/no-endorsement" in _rules(run), run.out


def _meters(credit: str) -> str:
    lines = [
        "---",
        "title: Water meters",
        "author: Marcus Oyelaran",
        "original_url: https://www.propublica.org/article/county-water-meters-overbilled-residents",
        "original_published: 2026-08-27",
        "license: CC-BY-NC-ND-3.0-US",
        "commercial: false",
        "---",
        "",
        "by Marcus Oyelaran",
        "",
        "Records show that more than 4,000 homes were charged for water they never drew.",
        "",
        credit,
        "",
        '<script src="https://pixel.propublica.org/pixel.js" async></script>',
        "",
    ]
    return "\n".join(lines)


@pytest.mark.parametrize("hyphen", ["\u00ad", "&shy;"])
def test_a_soft_hyphen_inside_a_name_parts_nothing(tmp_path: Path, cli, hyphen: str) -> None:
    """A CMS hyphenating words puts a soft hyphen inside a name ("Pro&shy;Publica"): read as a space between a
    small letter and a capital, it made "Pro Publica", and the credit was told missing."""
    page = tmp_path / "meters.md"
    page.write_text(
        _meters(
            f"This story was originally published by [Pro{hyphen}Publica]"
            "(https://www.propublica.org/article/county-water-meters-overbilled-residents). It is republished under "
            "a [CC BY-NC-ND 3.0 US](https://creativecommons.org/licenses/by-nc-nd/3.0/us/) licence."
        ),
        encoding="utf-8",
    )
    run = cli("check", "--no-config", "--format", "json", str(page))
    assert _rules(run) == set(), run.out
