"""``init`` proposes ``skip-elements`` for a repository of whole HTML pages exported from a CMS.

A whole page holds the site's header, menu, sidebar and footer around the story: its logo is read as an image
of the reprint, its "All rights reserved" as a reservation over the licensed text. ``init`` finds those parts
outside the story's one ``<article>`` (else ``<main>``) and writes them into the config, so that the first
check after ``init`` reads the story only; a part holding a credit's words is never proposed.
"""

from __future__ import annotations

import yaml

URL = "https://theconversation.com/ferry-fares-rise-again-241234"
COUNTER = "https://counter.theconversation.com/content/241234/count.gif?distributor=republish-lightbox-basic"


def _page(*, aside: str = '<aside class="widget-area"><h2>Recent posts</h2></aside>', story: str = "article") -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Ferry fares rise again</title></head>
<body class="single">
<header class="site-header"><nav class="main-navigation"><a href="/">Home</a></nav>
<img class="custom-logo" src="/uploads/logo.png" alt="Harbour News"></header>
<{story} class="post">
<header class="entry-header"><h1>Ferry fares rise again</h1></header>
<p>The island ferry's fares rose for the third time in two years, the operator said.</p>
<p>Lena Ortiz. Republished from <a href="{URL}">The Conversation</a> under a
<a href="https://creativecommons.org/licenses/by-nd/4.0/">Creative Commons BY-ND 4.0</a> licence.</p>
<img src="{COUNTER}" alt="" width="1" height="1">
</{story}>
{aside}
<footer class="site-footer"><p>&copy; 2026 Harbour News. All rights reserved.</p></footer>
</body></html>
"""


def _write(folder, name: str, page: str) -> None:
    (folder / name).write_text(page, encoding="utf-8")
    (folder / f"{name}.meta.yaml").write_text(f"original_url: {URL}\nauthor: Lena Ortiz\n", encoding="utf-8")


def _rules(run) -> list[str]:
    return sorted(f["rule"] for result in run.json()["results"] for f in result["findings"])


def test_init_proposes_the_site_parts_outside_the_article_and_the_check_then_reads_the_story(tmp_path, cli):
    posts = tmp_path / "posts"
    posts.mkdir()
    _write(posts, "ferry.html", _page())
    _write(posts, "lights.html", _page(aside=""))
    before = cli("check", "posts", "--format", "json", cwd=tmp_path)
    assert before.code == 1
    assert "the-conversation/no-added-restrictions" in _rules(before)  # the footer's notice
    assert "the-conversation/images-not-covered" in _rules(before)  # the logo

    run = cli("init", str(tmp_path))
    assert run.code == 0, run.err
    text = (tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8")
    config = yaml.safe_load(text)
    # Outermost parts only (the menu is in the header), the story's own header kept, each with its count.
    assert config["skip-elements"] == ["footer.site-footer", "header.site-header", "aside.widget-area"]
    assert '"footer.site-footer"  # on 2 pages' in text and '"aside.widget-area"  # on 1 page' in text
    assert "<article> or <main> of 2 pages" in text

    after = cli("check", "posts", "--format", "json", cwd=tmp_path)
    assert after.code == 0, after.out
    assert _rules(after) == []


def test_a_part_holding_a_credit_is_never_proposed(tmp_path, cli):
    credit = f'<aside class="republish-box"><p>This story originally appeared on <a href="{URL}">X</a>.</p></aside>'
    _write(tmp_path, "page.html", _page(aside=credit))
    assert cli("init", str(tmp_path)).code == 0
    config = yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))
    assert "aside.republish-box" not in config["skip-elements"]
    assert config["skip-elements"] == ["footer.site-footer", "header.site-header"]


def test_a_page_whose_story_is_in_main_is_read_by_it(tmp_path, cli):
    _write(tmp_path, "page.html", _page(story="main"))
    assert cli("init", str(tmp_path)).code == 0
    config = yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))
    assert config["skip-elements"] == ["aside.widget-area", "footer.site-footer", "header.site-header"]


def test_no_parts_are_proposed_where_the_story_cannot_be_told_or_there_are_no_whole_pages(tmp_path, cli):
    # Two articles (a related story's card beside the story): which is the story is not told.
    two = _page().replace("</article>", "</article><article><p>Related</p></article>", 1)
    _write(tmp_path, "two.html", two)
    (tmp_path / "a.md").write_text(f"---\noriginal_url: {URL}\n---\nBody\n", encoding="utf-8")
    (tmp_path / "fragment.html").write_text("<p>A fragment, no whole page.</p>", encoding="utf-8")
    assert cli("init", str(tmp_path)).code == 0
    text = (tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text)["skip-elements"] == []
    assert '#  - "footer.site-footer"' in text  # shown how, as an example


def _story_footer_page(*, site_footer: str = "<footer><p>Harbour News, a volunteer newsroom.</p></footer>") -> str:
    """A whole page whose story has a ``<footer>`` of its own holding the credit, and whose byline is in the
    story's ``<header>``; the site's header and footer bare (no class to name them by)."""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Ferry fares rise again</title></head>
<body>
<header><a href="/">Harbour News</a><img src="/uploads/logo.png" alt="Harbour News"></header>
<article>
<header><h1>Ferry fares rise again</h1><p>By Lena Ortiz</p></header>
<p>The island ferry's fares rose for the third time in two years, the operator said.</p>
<footer><p>Republished from <a href="{URL}">The Conversation</a> under a
<a href="https://creativecommons.org/licenses/by-nd/4.0/">Creative Commons BY-ND 4.0</a> licence.</p>
<img src="{COUNTER}" alt="" width="1" height="1"></footer>
</article>
{site_footer}
</body></html>
"""


def test_a_selector_that_would_also_name_the_storys_own_footer_or_header_is_not_proposed(tmp_path, cli):
    # A bare ``footer`` would leave out the story's footer, which holds its credit, licence and counter; a bare
    # ``header`` the story's byline: the site's parts are named as the body's children instead.
    footer = "<footer><p>&copy; 2026 Harbour News. All rights reserved.</p></footer>"
    _write(tmp_path, "page.html", _story_footer_page(site_footer=footer))
    assert cli("init", str(tmp_path)).code == 0
    config = yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))
    assert config["skip-elements"] == ["body > footer", "body > header"]
    after = cli("check", str(tmp_path), "--format", "json", cwd=tmp_path)
    assert after.code == 0, after.out  # the credit, licence and counter read; the site's notice and logo not
    assert _rules(after) == []


def test_a_selector_unsafe_on_any_page_is_not_proposed_for_the_others(tmp_path, cli):
    # One page's story has no footer (``footer`` would do there), another's has one holding the credit: the
    # proposal holds for every page, so it is ``body > footer``.
    plain = _page().replace('<footer class="site-footer">', "<footer>")
    _write(tmp_path, "plain.html", plain)
    _write(tmp_path, "credited.html", _story_footer_page())
    assert cli("init", str(tmp_path)).code == 0
    text = (tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8")
    chosen = yaml.safe_load(text)["skip-elements"]
    assert "footer" not in chosen and "header" not in chosen
    assert '"body > footer"  # on 2 pages' in text


def test_a_part_only_a_credits_selector_would_name_is_not_proposed(tmp_path, cli):
    # The body's own footer holds a credit on one page: neither ``footer`` nor ``body > footer`` is proposed.
    credited = "<footer><p>This story originally appeared in The Conversation.</p></footer>"
    _write(tmp_path, "a.html", _story_footer_page())
    _write(tmp_path, "b.html", _story_footer_page(site_footer=credited))
    assert cli("init", str(tmp_path)).code == 0
    config = yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))
    assert config["skip-elements"] == ["body > header"]


def test_a_site_part_in_a_wrapper_is_named_below_it(tmp_path, cli):
    wrapped = (
        _story_footer_page().replace("<body>", '<body><div class="site-wrap">').replace("</body>", "</div></body>")
    )
    _write(tmp_path, "page.html", wrapped)
    assert cli("init", str(tmp_path)).code == 0
    config = yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))
    assert config["skip-elements"] == ["div.site-wrap > footer", "div.site-wrap > header"]


def test_a_credit_a_skip_elements_selector_leaves_out_is_told_so(tmp_path, cli):
    # A selector written by hand that also takes the story's footer: the credit's finding names it as the cause.
    _write(tmp_path, "page.html", _story_footer_page())
    (tmp_path / ".reprint-guard.yaml").write_text('skip-elements: ["footer"]\n', encoding="utf-8")
    run = cli("check", "page.html", "--format", "json", cwd=tmp_path)
    assert run.code == 1
    credit = next(
        f for f in run.json()["results"][0]["findings"] if f["rule"] == "the-conversation/credit-conversation"
    )
    assert "the config's skip-elements leaves out ('footer')" in credit["message"], credit["message"]


def test_a_page_whose_story_is_in_no_article_keeps_its_credits_footer(tmp_path, cli):
    # Another page's bare site ``footer`` would also name this page's footer, which holds its credit, licence
    # and counter: its story is in no ``<article>`` or ``<main>`` (an older template), so it proposes no part,
    # but its credit's selectors are unsafe all the same, and the check after ``init`` still reads the credit.
    site_footer = "<footer><p>&copy; 2026 Harbour News. All rights reserved.</p></footer>"
    _write(tmp_path, "plain.html", _page().replace('<footer class="site-footer">', "<footer>"))
    older = (
        _story_footer_page(site_footer=site_footer)
        .replace("<article>", '<div class="entry">')
        .replace("</article>", "</div>")
    )
    _write(tmp_path, "older.html", older)
    before = cli("check", str(tmp_path), "--format", "json", cwd=tmp_path)
    assert "the-conversation/credit-conversation" not in _rules(before)
    assert cli("init", str(tmp_path)).code == 0
    text = (tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8")
    chosen = yaml.safe_load(text)["skip-elements"]
    assert "footer" not in chosen and "body > footer" in chosen, chosen
    assert "<article> or <main> of 1 page." in text
    after = cli("check", str(tmp_path), "--format", "json", cwd=tmp_path)
    assert "the-conversation/credit-conversation" not in _rules(after), after.out
    assert "the-conversation/page-counter" not in _rules(after), after.out


def test_a_page_of_two_articles_keeps_their_headers(tmp_path, cli):
    # A page of two stories tells no one story, but a bare ``header`` another page proposes would hide each
    # story's own header (its byline): a part inside an ``<article>`` is never named.
    plain = _page().replace('<header class="site-header">', "<header>")
    plain = plain.replace('<header class="entry-header"><h1>Ferry fares rise again</h1></header>', "<h1>Ferry</h1>")
    _write(tmp_path, "plain.html", plain)  # alone, it proposes a bare ``header``
    story = _story_footer_page()
    start, end = story.index("<article>"), story.index("</article>") + len("</article>")
    _write(tmp_path, "two.html", story[:end] + story[start:end] + story[end:])
    assert cli("init", str(tmp_path)).code == 0
    chosen = yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))["skip-elements"]
    assert "header" not in chosen and "footer" not in chosen, chosen
    assert "body > header" in chosen, chosen


def test_a_markdown_articles_raw_footer_is_the_storys_own(tmp_path, cli):
    # A Markdown reprint (or a JSON envelope's body) is the story whole: its raw <footer> holds the credit and
    # counter, and a bare ``footer`` proposed from a whole page would leave them out of the check.
    _write(tmp_path, "plain.html", _page().replace('<footer class="site-footer">', "<footer>"))
    credit = (
        f'<footer>\n<p>Lena Ortiz. Republished from <a href="{URL}">The Conversation</a> under a '
        '<a href="https://creativecommons.org/licenses/by-nd/4.0/">Creative Commons BY-ND 4.0</a> licence.</p>\n'
        f'<img src="{COUNTER}" alt="" width="1" height="1">\n</footer>\n'
    )
    story = "# Ferry fares rise again\n\nThe island ferry's fares rose for the third time in two years.\n\n" + credit
    front = f"---\noriginal_url: {URL}\nauthor: Lena Ortiz\n---\n\n"
    (tmp_path / "ferry.md").write_text(front + story, encoding="utf-8")
    before = cli("check", str(tmp_path / "ferry.md"), "--format", "json", cwd=tmp_path)
    assert before.code == 0, before.out
    assert cli("init", str(tmp_path)).code == 0
    chosen = yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))["skip-elements"]
    assert "footer" not in chosen and "body > footer" not in chosen, chosen
    after = cli("check", str(tmp_path / "ferry.md"), "--format", "json", cwd=tmp_path)
    assert after.code == 0, after.out  # the credit and counter still read


def test_a_json_envelopes_body_header_is_the_storys_own(tmp_path, cli):
    import json

    _write(tmp_path, "plain.html", _page().replace('<header class="site-header">', '<header class="top">'))
    body = '<header class="top"><p>By Lena Ortiz</p></header><p>The ferry fares rose.</p>'
    envelope = {"metadata": {"original_url": URL, "author": "Lena Ortiz"}, "body": body, "format": "html"}
    (tmp_path / "ferry.json").write_text(json.dumps(envelope), encoding="utf-8")
    assert cli("init", str(tmp_path)).code == 0
    chosen = yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))["skip-elements"]
    assert "header.top" not in chosen and "header" not in chosen, chosen
