"""An adversarial review of the day's fixes: an "Unported" licence is not the policy's ported one, a deed linked
through a redirect, a stray ``{{<`` in a Jekyll post, Jekyll's drafts, a site's own Liquid image."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write

PROPUBLICA = """\
---
title: How a county's new water meters overbilled thousands of homes
author: Marcus Oyelaran
original_url: https://www.propublica.org/article/county-water-meters-overbilled-residents
original_published: 2026-08-27
license: "{license}"
commercial: true
medium: web
---

# How a county's new water meters overbilled thousands of homes

by Marcus Oyelaran

When Brennan County replaced its old water meters with wireless ones in 2024, officials promised bills that would
finally match what households used.

This story was originally published by
[ProPublica](https://www.propublica.org/article/county-water-meters-overbilled-residents). It is republished
under a [CC BY-NC-ND 3.0 US](https://creativecommons.org/licenses/by-nc-nd/3.0/us/) licence.

<script src="https://pixel.propublica.org/pixel.js" async></script>
"""


@pytest.mark.parametrize(
    "written", ["CC BY-NC-ND 3.0 Unported", "Attribution-NonCommercial-NoDerivs 3.0 Unported", "CC BY-NC-ND 3.0 DE"]
)
def test_an_unported_licence_is_not_the_policys_ported_one(tmp_path: Path, cli, written: str) -> None:
    write(tmp_path / "reprint.md", PROPUBLICA.format(license=written))
    run = cli("check", "--no-config", "reprint.md", cwd=tmp_path)
    assert "propublica/license" in run.out, run.out
    assert "this policy covers CC-BY-NC-ND-3.0-US" in run.out


def test_a_licence_named_without_its_port_stands_for_the_ported_one(tmp_path: Path, cli) -> None:
    write(tmp_path / "reprint.md", PROPUBLICA.format(license="CC BY-NC-ND 3.0"))
    run = cli("check", "--no-config", "reprint.md", cwd=tmp_path)
    assert run.code == 0 and "propublica/license" not in run.out, run.out


JEKYLL_RAW = """\
---
title: How a county's new water meters overbilled thousands of homes
author: Marcus Oyelaran
original_url: https://www.propublica.org/article/county-water-meters-overbilled-residents
original_published: 2026-08-27
license: CC-BY-NC-ND-3.0-US
commercial: true
medium: web
---

# How a county's new water meters overbilled thousands of homes

by Marcus Oyelaran

{% comment %}
![Meter](https://cdn.brennanherald.com/img/meter-photo.jpg)
All rights reserved. Do not republish.
{% endcomment %}

Hugo users would write it differently: {shown}

When Brennan County replaced its old water meters with wireless ones in 2024, officials promised bills that would
finally match what households used.

This story was originally published by
[ProPublica](https://www.propublica.org/article/county-water-meters-overbilled-residents). It is republished
under a [CC BY-NC-ND 3.0 US](https://creativecommons.org/licenses/by-nc-nd/3.0/us/) licence.

<script src="https://pixel.propublica.org/pixel.js" async></script>
"""


@pytest.mark.parametrize(
    "shown",
    [
        '{% raw %}{{< figure src="/img/meter.jpg" >}}{% endraw %}',
        '\n\n```\n{% raw %}{{< figure src="/img/meter.jpg" >}}{% endraw %}\n```\n',
        '`{{< figure src="/img/meter.jpg" >}}`',
    ],
)
def test_a_shortcode_shown_in_raw_or_code_keeps_a_jekyll_posts_liquid(tmp_path: Path, cli, shown: str) -> None:
    write(tmp_path / "_posts" / "2026-09-01-meters.md", JEKYLL_RAW.replace("{shown}", shown))
    run = cli("check", "--no-config", ".", cwd=tmp_path)
    assert run.code == 0, run.out
    assert "photos-permission" not in run.out and "no-added-restrictions" not in run.out


def test_a_shortcode_called_still_makes_the_page_hugos(tmp_path: Path, cli) -> None:
    write(tmp_path / "post.md", JEKYLL_RAW.replace("{shown}", '{{< figure src="/img/meter.jpg" >}}'))
    run = cli("check", "--no-config", ".", cwd=tmp_path)
    assert "no-added-restrictions" in run.out, run.out


MFP = """\
---
title: A prairie library lends out ice-fishing gear
author: Hannah Whitcomb
original_url: https://montanafreepress.org/2026/10/08/prairie-library-lends-ice-fishing-gear/
original_published: 2026-10-08
commercial: false
medium: web
{flag}date: 2026-10-01
---

# A prairie library lends out ice-fishing gear

By Hannah Whitcomb

A library on the prairie now lends out augers, shelters and rods for ice fishing, alongside its books.

*This story was originally published by
[Montana Free Press](https://montanafreepress.org/2026/10/08/prairie-library-lends-ice-fishing-gear/).*
"""


@pytest.mark.parametrize(
    ("name", "flag"),
    [
        ("_drafts/jekyll-draft.md", ""),
        ("_posts/2026-10-01-jekyll-unpublished.md", "published: false\n"),
        ("content/hugo-draft.md", "draft: true\n"),
    ],
)
def test_a_drafts_past_date_is_when_it_was_begun(tmp_path: Path, cli, name: str, flag: str) -> None:
    write(tmp_path / name, MFP.replace("{flag}", flag))
    run = cli("check", "--no-config", name, cwd=tmp_path)
    assert "not-before-next-day" not in run.out, run.out
    assert "dates-reversed" not in run.out, run.out


def test_a_published_posts_date_still_stands(tmp_path: Path, cli) -> None:
    write(tmp_path / "_posts" / "2026-10-01-post.md", MFP.replace("{flag}", ""))
    run = cli("check", "--no-config", ".", cwd=tmp_path)
    assert "not-before-next-day" in run.out and "dates-reversed" in run.out, run.out


DEED = "https://creativecommons.org/licenses/by-nd/4.0/"
CONVERSATION = """\
---
title: How rooftop beehives changed one city block
author: Priya Ramaswamy
original_url: https://theconversation.com/how-rooftop-beehives-changed-one-city-block-241873
original_published: 2026-03-02
commercial: false
medium: web
---

# How rooftop beehives changed one city block

*Priya Ramaswamy, University of Eastmoor. Republished from
[The Conversation](https://theconversation.com/how-rooftop-beehives-changed-one-city-block-241873).*

Five years ago a few neighbours put two hives on a garage roof. Now the block has twenty, and a waiting list.

This article is republished from The Conversation under a
[{words}]({href}) licence.
[Read the original article](https://theconversation.com/how-rooftop-beehives-changed-one-city-block-241873).

<img src="https://counter.theconversation.com/content/241873/count.gif?distributor=republish-lightbox-basic" \
alt="The Conversation" width="1" height="1" style="border: none; max-width: 1px; max-height: 1px">
"""
_SAFE = "https://nam12.safelinks.protection.outlook.com/?url="
WRAPPED = {
    "google": f"https://www.google.com/url?q={DEED}&sa=D&source=editors",
    "google-then-safe-links": "https://www.google.com/url?q="
    + _SAFE.replace(":", "%3A").replace("/", "%2F").replace("?", "%3F").replace("=", "%3D")
    + "https%253A%252F%252Fcreativecommons.org%252Flicenses%252Fby-nd%252F4.0%252F%26data%3D05&sa=D",
    "facebook": "https://l.facebook.com/l.php?u=https%3A%2F%2Fcreativecommons.org%2Flicenses%2Fby-nd%2F4.0%2F&h=AT0",
    "urldefense": f"https://urldefense.com/v3/__{DEED}__;!!ABC$",
}


@pytest.mark.parametrize("wrapper", sorted(WRAPPED))
def test_a_deed_through_a_redirect_is_fixed_to_the_deed(tmp_path: Path, cli, wrapper: str) -> None:
    page = write(tmp_path / "reprint.md", CONVERSATION.format(words="CC BY-ND 4.0", href=WRAPPED[wrapper]))
    run = cli("check", "--no-config", "reprint.md", cwd=tmp_path)
    assert "is named, but its deed is linked only through another site" in run.out, run.out
    fixed = cli("check", "--no-config", "--fix", "reprint.md", cwd=tmp_path)
    assert fixed.code == 0, fixed.out + fixed.err
    assert f"[CC BY-ND 4.0]({DEED}) licence." in page.read_text(encoding="utf-8")


def test_creative_commons_alone_does_not_name_the_licence(tmp_path: Path, cli) -> None:
    write(tmp_path / "reprint.md", CONVERSATION.format(words="Creative Commons", href=WRAPPED["google"]))
    run = cli("check", "--no-config", "reprint.md", cwd=tmp_path)
    assert "is not named, and its deed is linked only through another site" in run.out, run.out
    assert "is named, but" not in run.out


GRIST = """\
---
title: A cold town bets on heat pumps, together
author: Daniel Okafor
original_url: https://grist.org/buildings/lake-town-heat-pump-cooperative/
original_published: 2026-09-03
published: 2026-09-05
commercial: true
medium: web
{record}---

# A cold town bets on heat pumps, together

![Trout]({image})

*By Daniel Okafor*

In a lakeside town where January nights fall to minus 30, a group of neighbours decided that waiting for the
utility was no longer an option.

*This story was originally published by [Grist](https://grist.org/buildings/lake-town-heat-pump-cooperative/).*
"""
APPENDED = '{{ site.baseurl | append: "/img/trout.jpg" }}'
CDN = "{{ site.cdn }}/img/trout.jpg"


def _record(named: str) -> str:
    quoted = named.replace("\\", "\\\\").replace('"', '\\"')
    return (
        f'permissions:\n  - from: Lakeside Daily\n    scope: [photos]\n    date: 2026-09-01\n    media: ["{quoted}"]\n'
    )


@pytest.mark.parametrize(
    ("image", "named"),
    [(APPENDED, APPENDED), (APPENDED, "/img/trout.jpg"), (CDN, CDN)],
    ids=["as-written", "path", "cdn"],
)
def test_a_record_naming_a_liquid_image_covers_it(tmp_path: Path, cli, image: str, named: str) -> None:
    write(tmp_path / "reprint.md", GRIST.format(record=_record(named), image=image))
    run = cli("check", "--no-config", "reprint.md", cwd=tmp_path)
    assert run.code == 0 and "no-images-without-permission" not in run.out, run.out


def test_a_liquid_image_is_shown_as_written_and_not_called_the_sites_own(tmp_path: Path, cli) -> None:
    write(tmp_path / "reprint.md", GRIST.format(record="", image=CDN))
    run = cli("check", "--no-config", "reprint.md", cwd=tmp_path)
    assert "no-images-without-permission" in run.out, run.out
    assert "{{site.cdn}}/img/trout.jpg" in run.out and "%7B" not in run.out
    assert "served from the site's own server" not in run.out
