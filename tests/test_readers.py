"""Every input format, read from real files and standard input."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from conftest import COMPLIANT_BODY, COMPLIANT_META, GR_URL, ROOT, markdown
from reprint_guard import check_file
from reprint_guard.errors import InputError
from reprint_guard.readers import read_text

HTML_PAGE = f"""<!doctype html>
<html><head>
<title>The harbour that was sold</title>
<link rel="canonical" href="https://our-site.example/harbour">
<meta name="author" content="Ana Ruiz">
<script type="application/ld+json">
{{"@context": "https://schema.org", "@type": "NewsArticle",
  "isBasedOn": {{"@id": "{GR_URL}"}}, "author": {{"@type": "Person", "name": "Ana Ruiz"}}}}
</script>
</head>
<body>
<article>
<h1>The harbour that was sold</h1>
<p>A paragraph about the harbour.</p>
<p>The original source of this article is <a href="{GR_URL}">Global Research</a>.</p>
<p>Copyright © Ana Ruiz, Global Research, 2024</p>
</article>
</body></html>
"""


def test_html_page_declares_its_own_metadata(tmp_path):
    page = tmp_path / "harbour.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    result = check_file(page, meta={"commercial": False})
    assert result.policy == "global-research"  # from JSON-LD isBasedOn, not the canonical
    assert result.ok and result.findings == []


def test_a_meta_author_naming_several_people_is_read_as_several_names(tmp_path):
    """ "Ana Ruiz and Li Wei" in <meta name="author"> is two authors: each must be credited, in any byline form."""
    page = tmp_path / "two.html"
    two = HTML_PAGE.replace('content="Ana Ruiz"', 'content="Ana Ruiz and Li Wei"').replace(
        '"author": {"@type": "Person", "name": "Ana Ruiz"}', '"name": "x"'
    )
    page.write_text(two.replace("Copyright © Ana Ruiz,", "Copyright © Ana Ruiz, Li Wei,"), encoding="utf-8")
    assert check_file(page, meta={"commercial": False}).findings == []  # one name, it was never visible as such
    page.write_text(two, encoding="utf-8")
    missing = check_file(page, meta={"commercial": False}).findings
    assert [f.rule for f in missing] == ["global-research/copyright-notice"]
    assert "Ana Ruiz and Li Wei" in missing[0].message and "Ruiz, Li" not in missing[0].message


@pytest.mark.parametrize(
    "author",
    [
        "author:\n  name: Ana Ruiz\n  twitter: anaruiz\n",  # Jekyll's SEO tag
        "author: [{name: Ana Ruiz, url: https://our.example/ana}]\n",
    ],
)
def test_an_author_written_as_a_person_is_read_by_name(tmp_path, author):
    """Jekyll's author: {name: ..., twitter: ...} stopped the file ("should be a string"): it is the person named."""
    text = markdown(COMPLIANT_META, COMPLIANT_BODY).replace("author: Ana Ruiz\n", author)
    assert author in text
    page = tmp_path / "jekyll.md"
    page.write_text(text, encoding="utf-8")
    result = check_file(page)
    assert result.status == "pass" and result.findings == [], result.findings
    broken = tmp_path / "broken.md"
    broken.write_text(text.replace("Ana Ruiz", "Li Wei", 1), encoding="utf-8")  # another person: not credited
    assert [f.rule for f in check_file(broken).findings] == ["global-research/copyright-notice"]


def test_a_fix_naming_the_pages_own_author_tag_says_where_the_name_came_from(tmp_path):
    """A WordPress page's <meta name="author"> names the account that posted it ("Valley Post Staff"): a fix
    built from it told the editor to credit the site's staff as the publisher's reporters, without a word."""
    page = tmp_path / "staff.html"
    page.write_text(
        HTML_PAGE.replace('content="Ana Ruiz"', 'content="Valley Post Staff"')
        .replace('"name": "Ana Ruiz"', '"name": "Valley Post Staff"')
        .replace("<p>Copyright © Ana Ruiz, Global Research, 2024</p>", ""),
        encoding="utf-8",
    )
    (finding,) = check_file(page, meta={"commercial": False}).findings
    assert finding.rule == "global-research/copyright-notice" and "Valley Post Staff" in (finding.fix or "")
    assert "read from the page's own author tag" in (finding.fix or ""), finding.fix
    # A notice naming the original's author is there: the fix to correct it to the login says so too.
    page.write_text(
        HTML_PAGE.replace('content="Ana Ruiz"', 'content="Valley Post Staff"').replace(
            '"name": "Ana Ruiz"', '"name": "Valley Post Staff"'
        ),
        encoding="utf-8",
    )
    (finding,) = check_file(page, meta={"commercial": False}).findings
    assert "Correct the copyright notice that is there" in (finding.fix or ""), finding.fix
    assert "read from the page's own author tag" in (finding.fix or ""), finding.fix
    sidecar = tmp_path / "staff.meta.yaml"
    sidecar.write_text("author: Li Wei\n", encoding="utf-8")  # the original's author, set: no such note
    (finding,) = check_file(page, meta={"commercial": False}).findings
    assert "Li Wei" in (finding.fix or "") and "author tag" not in (finding.fix or ""), finding.fix


def test_a_misplaced_credit_on_a_whole_page_says_the_window_is_the_pages(tmp_path):
    """A long menu before a page's <article> pushed a top credit out of "the top", and the finding said only
    "not at the top of the article", though the credit was the article's first line."""
    from reprint_guard import check

    menu = "<nav><ul>" + "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(80)) + "</ul></nav>"
    article = (
        "<article><p>This story was originally published by CalMatters.</p>"
        + "<p>A paragraph of the story.</p>" * 5
        + "</article>"
    )
    meta = {"original_url": "https://calmatters.org/a/2026/11/x/", "author": "Ana Ruiz", "commercial": False}
    found = {f.rule: f for f in check(f"<html><body>{menu}{article}</body></html>", meta, format="html").findings}
    message = found["calmatters/credit-calmatters-top"].message
    assert "not at the top of the article; the top is measured over the page's whole visible text" in message
    assert "skip-elements" in message
    more = "<p>More of the story, a paragraph long enough to count.</p>" * 40
    fragment = check(f"<p>Intro.</p>{more}<p>Originally published by CalMatters.</p>", meta, format="html")
    told = [f.message for f in fragment.findings if f.rule == "calmatters/credit-calmatters-top"]
    assert told and "skip-elements" not in told[0]  # no page, no menu: nothing to leave out


def test_a_json_ld_author_given_by_its_id_is_the_graphs_person(tmp_path):
    """Yoast's @graph: the article names its author by @id; the Person node with the name stands apart."""
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "NewsArticle", "isBasedOn": GR_URL, "author": [{"@id": "https://our.example/#/person/1"}]},
            {"@type": "Person", "@id": "https://our.example/#/person/1", "name": "Ana Ruiz"},
        ],
    }
    page = tmp_path / "yoast.html"
    text = HTML_PAGE.replace('<meta name="author" content="Ana Ruiz">\n', "")
    start, end = text.index('<script type="application/ld+json">'), text.index("</script>")
    page.write_text(text[:start] + f'<script type="application/ld+json">{json.dumps(graph)}' + text[end:], "utf-8")
    result = check_file(page, meta={"commercial": False})
    assert result.policy == "global-research" and result.findings == [], result.findings
    page.write_text(page.read_text("utf-8").replace('"name": "Ana Ruiz"', '"name": "Li Wei"'), "utf-8")
    assert [f.rule for f in check_file(page, meta={"commercial": False}).findings] == [
        "global-research/copyright-notice"
    ]


@pytest.mark.parametrize(
    ("free", "paywalled"), [("false", True), ('"False"', True), ("true", False), ('"https://schema.org/False"', True)]
)
def test_a_pages_json_ld_paywall_marker_is_its_paywalled(tmp_path, free, paywalled):
    """schema.org's isAccessibleForFree (what a page behind a paywall declares for search engines) was not
    read: Montana Free Press's no-paywall passed a page that said it was paywalled."""
    from reprint_guard.readers import read_file

    text = HTML_PAGE.replace('"isBasedOn"', f'"isAccessibleForFree": {free}, "isBasedOn"', 1)
    page = tmp_path / "paywall.html"
    page.write_text(text, encoding="utf-8")
    reprint = read_file(page)
    assert reprint.metadata.value("paywalled") is paywalled
    at = text.index('"isAccessibleForFree"')
    assert reprint.meta_place("paywalled")[0] == text.count("\n", 0, at) + 1  # told at the marker
    assert read_file(page, meta={"paywalled": False}).metadata.value("paywalled") is False  # --meta wins


@pytest.mark.parametrize(
    ("marker", "paywalled"),
    [
        ('<div class="paywall-jump" data-component-name="PaywallToDOM"></div>', True),
        ("<div data-component-name='PaywallToDOM' class='paywall-jump'></div>", True),
        ("<p>Our paywall-jump explainer.</p>", False),  # the words in the text: no paywall
        ('<div class="no-paywall-jumps"></div>', False),
    ],
)
def test_a_substack_posts_paywall_marks_it_paywalled(tmp_path, marker, paywalled):
    """A paid Substack post's free preview ends at its ``paywall-jump`` element: the post is behind a paywall,
    which KFF Health News's terms forbid, though no metadata said so. Told at the element; the metadata
    (a sidecar, --meta) wins over it, as over what a page declares."""
    from reprint_guard.readers import read_file

    text = (
        "<p>By Dana Whitfield. Hospitals quietly raised ER prices.</p>\n"
        f"{marker}\n"
        '<p>This article was originally published by <a href="https://kffhealthnews.org/news/article/er-prices/">'
        'KFF Health News</a> under a <a href="https://creativecommons.org/licenses/by-nc-nd/4.0/">CC BY-NC-ND 4.0'
        "</a> licence.</p>\n"
    )
    page = tmp_path / "post.html"
    page.write_text(text, encoding="utf-8")
    meta = {"author": "Dana Whitfield", "original_url": "https://kffhealthnews.org/news/article/er-prices/"}
    reprint = read_file(page, meta=meta)
    assert reprint.metadata.value("paywalled") is paywalled
    found = check_file(page, meta={**meta, "commercial": False}).findings
    assert [(f.rule, f.line) for f in found] == ([("kff-health-news/no-paywall", 2)] if paywalled else [])
    assert read_file(page, meta={**meta, "paywalled": False}).metadata.value("paywalled") is False


@pytest.mark.parametrize(
    ("graph", "paywalled"),
    [
        # Yoast-style graph: the page node, not the article, carries the marker
        ('[{"@type": "WebPage", "@id": "#page", "isAccessibleForFree": false}, ARTICLE]', True),
        # Google's paywall markup: the article is part of a work that is not free
        ("[ARTICLE_PART]", True),
        ('[{"@type": "CreativeWork", "@id": "#work", "isAccessibleForFree": "False"}, ARTICLE_REF]', True),
        # the article's own marker wins over its page's
        ('[{"@type": "WebPage", "isAccessibleForFree": false}, ARTICLE_FREE]', False),
        # a marker on something that is neither the article, its parent nor a page says nothing (the default)
        ('[{"@type": "Product", "isAccessibleForFree": false}, ARTICLE]', False),
    ],
)
def test_a_paywall_marker_on_the_page_or_the_work_the_article_is_part_of_counts(tmp_path, graph, paywalled):
    """Only the article node's own isAccessibleForFree was read: an SEO plugin's WebPage node or Google's
    ``isPartOf`` form left a paywalled page unflagged."""
    from reprint_guard.readers import read_file

    article = f'{{"@type": "NewsArticle", "isBasedOn": "{GR_URL}"'
    part = ', "isPartOf": {"@type": "CreativeWork", "isAccessibleForFree": false}}'
    graph = (
        graph.replace("ARTICLE_PART", article + part)
        .replace("ARTICLE_REF", article + ', "isPartOf": {"@id": "#work"}}')
        .replace("ARTICLE_FREE", article + ', "isAccessibleForFree": true}')
        .replace("ARTICLE", article + "}")
    )
    start = HTML_PAGE.index('{"@context"')
    end = HTML_PAGE.index("</script>")
    page = tmp_path / "graph.html"
    page.write_text(
        HTML_PAGE[:start] + f'{{"@context": "https://schema.org", "@graph": {graph}}}\n' + HTML_PAGE[end:],
        encoding="utf-8",
    )
    assert read_file(page).metadata.value("paywalled") is paywalled


def test_html_sidecar_and_meta_precedence(tmp_path):
    fragment = tmp_path / "frag.html"
    fragment.write_text(f'<p>Global Research</p>\n<p><a href="{GR_URL}">original</a></p>\n', encoding="utf-8")
    (tmp_path / "frag.meta.yaml").write_text(
        f"original_url: {GR_URL}\nauthor: Ana Ruiz\ncommercial: true\n", encoding="utf-8"
    )
    result = check_file(fragment)
    assert sorted(f.rule for f in result.findings) == [
        "global-research/commercial-permission",
        "global-research/copyright-notice",
    ]
    overridden = check_file(fragment, meta={"commercial": False})
    assert [f.rule for f in overridden.findings] == ["global-research/copyright-notice"]
    # In HTML, a bare URL in text is not a link.
    fragment.write_text(f"<p>Global Research {GR_URL}</p><p>Copyright © Ana Ruiz</p>", encoding="utf-8")
    assert [f.rule for f in check_file(fragment, meta={"commercial": False}).findings] == [
        "global-research/link-original"
    ]


def test_json_envelope(tmp_path):
    envelope = {"metadata": COMPLIANT_META, "body": COMPLIANT_BODY.replace("Copyright ©", "By"), "format": "markdown"}
    path = tmp_path / "post.json"
    path.write_text(json.dumps(envelope, indent=2), encoding="utf-8")
    result = check_file(path)
    assert [(f.rule, f.line) for f in result.findings] == [("global-research/copyright-notice", 10)]  # "body"
    html = {
        "metadata": COMPLIANT_META,
        "body": f'<p>Global Research <a href="{GR_URL}">x</a> © Ana Ruiz</p>',
        "format": "html",
    }
    path.write_text(json.dumps(html), encoding="utf-8")
    assert check_file(path).findings == []


def test_a_value_set_over_the_files_own_is_not_placed_at_the_files_line(tmp_path, cli):
    """`--meta medium=print` over the file's `medium: web`: the finding is not shown on the line that says web."""
    path = tmp_path / "p.md"
    path.write_text(f"---\ntitle: T\noriginal_url: {GR_URL}\nmedium: web\n---\nText.\n", encoding="utf-8")
    run = cli("check", str(path), "--meta", "medium=print", "--format", "json")
    (permission,) = [f for f in run.json()["results"][0]["findings"] if f["rule"].endswith("print-permission")]
    assert (permission["line"], permission["column"]) == (2, 1)  # the metadata's first line
    path.write_text(f"---\ntitle: T\noriginal_url: {GR_URL}\ncommercial: true\n---\nText.\n", encoding="utf-8")
    same = cli("check", str(path), "--meta", "commercial=true", "--format", "json")
    (commercial,) = [f for f in same.json()["results"][0]["findings"] if f["rule"].endswith("commercial-permission")]
    assert commercial["line"] == 4  # the same value as the file's: its line still says it


def test_a_json_envelopes_metadata_is_placed_at_its_key_not_its_lines_start(tmp_path):
    """An indented key's column is its own: an editor jumps to it, as a bad value's error does."""
    envelope = {"metadata": {**COMPLIANT_META, "commercial": True}, "body": COMPLIANT_BODY}
    path = tmp_path / "post.json"
    text = json.dumps(envelope, indent=4)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index('        "commercial": true,') + 1
    assert [(f.line, f.column) for f in check_file(path).findings] == [(line, 9)]
    path.write_text(text.replace('"commercial": true', '"commercial": "maybe"'), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        check_file(path)
    assert (caught.value.line, caught.value.column) == (line, 9)


def test_toml_front_matter(tmp_path):
    path = tmp_path / "hugo.md"
    path.write_text(
        f'+++\ntitle = "Harbour"\nauthor = "Ana Ruiz"\noriginal_url = "{GR_URL}"\ncommercial = true\n+++\n'
        + COMPLIANT_BODY,
        encoding="utf-8",
    )
    result = check_file(path)
    assert [(f.rule, f.line) for f in result.findings] == [("global-research/commercial-permission", 5)]
    # TOML gives indentation no meaning: an indented key is a top-level key, at its own column; a key after
    # a table header is the table's, not the top level's.
    path.write_text(
        f'+++\ntitle = "Harbour"\nauthor = "Ana Ruiz"\noriginal_url = "{GR_URL}"\n  commercial = true\n'
        "[params]\ncommercial = false\n+++\n" + COMPLIANT_BODY,
        encoding="utf-8",
    )
    result = check_file(path)
    assert [(f.rule, f.line, f.column) for f in result.findings] == [("global-research/commercial-permission", 5, 3)]
    # A multi-line string or array may hold lines that look like keys or table headers: they are values.
    path.write_text(
        f'+++\ntitle = "Harbour"\nsummary = """\n[Editor\'s note] x\n  commercial = false\n"""\n'
        'tags = [\n  ["a", "b"],\n]\n'
        f'author = "Ana Ruiz"\noriginal_url = "{GR_URL}"\ncommercial = true\n+++\n' + COMPLIANT_BODY,
        encoding="utf-8",
    )
    result = check_file(path)
    assert [(f.rule, f.line, f.column) for f in result.findings] == [("global-research/commercial-permission", 12, 1)]


def test_json_front_matter_as_hugo_writes_it(tmp_path, cli):
    path = tmp_path / "hugo.md"
    meta = {"title": "Harbour", "author": "Ana Ruiz", "original_url": GR_URL, "commercial": True, "medium": "web"}
    path.write_text(json.dumps(meta, indent=2) + "\n\n" + COMPLIANT_BODY, encoding="utf-8")
    result = check_file(path)
    assert [(f.rule, f.line, f.column) for f in result.findings] == [("global-research/commercial-permission", 5, 3)]
    liquid = tmp_path / "liquid.md"  # a Liquid tag opening the body is no front matter
    liquid.write_text("{% include note.html %}\n\nText.\n", encoding="utf-8")
    assert check_file(liquid).status == "skipped"
    broken = tmp_path / "broken.md"
    broken.write_text('{\n  "title": "Harbour",\n  "original_url": \n}\nText.\n', encoding="utf-8")
    run = cli("check", str(broken))
    assert run.code == 2 and f"{broken}:4:1: invalid JSON front matter: Expecting value" in run.out + run.err
    # A key of ours set twice is told at its second place; a nested object's own keys are the site's.
    twice = tmp_path / "twice.md"
    twice.write_text(
        '{\n  "params": {"author": "x", "author": "y"},\n  "author": "Ana Ruiz",\n'
        f'  "original_url": "{GR_URL}",\n  "author": "Bo Li"\n}}\nText.\n',
        encoding="utf-8",
    )
    run = cli("check", str(twice))
    assert run.code == 2 and f"{twice}:5:3: front matter sets 'author' twice" in run.out + run.err
    nested = tmp_path / "nested.md"
    nested.write_text(twice.read_text(encoding="utf-8").replace(',\n  "author": "Bo Li"', ""), encoding="utf-8")
    assert cli("check", str(nested)).code == 1  # checked: the nested duplicate is no business of ours
    # Classic Mac OS line ends, and a key written with a non-ASCII letter escaped, keep their lines.
    mac = tmp_path / "mac.md"
    mac.write_bytes(
        (f'{{\r  "pr\\u00e9nom": "Ana",\r  "original_url": "{GR_URL}",\r  "commercial": true\r}}\rText.\r').encode()
    )
    result = check_file(mac)
    assert [(f.rule, f.line) for f in result.findings if f.rule.endswith("commercial-permission")] == [
        ("global-research/commercial-permission", 4)
    ]


def test_markdown_suffixes_jekyll_and_hugo_read_are_walked(tmp_path, cli):
    text = "---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in COMPLIANT_META.items()) + "---\n"
    for suffix in (".mdown", ".mkdown", ".mkdn", ".mkd", ".MD"):
        (tmp_path / f"story{suffix}").write_text(text + "Text without a credit.\n", encoding="utf-8")
    run = cli("check", str(tmp_path), "--format", "json")
    assert run.code == 1
    assert sorted(Path(r["path"]).name for r in run.json()["results"] if r["status"] == "fail") == sorted(
        f"story{suffix}" for suffix in (".mdown", ".mkdown", ".mkdn", ".mkd", ".MD")
    )


def test_an_html_page_with_front_matter_reads_it_and_is_fixed_below_it(tmp_path, cli):
    head = "".join(f"{k}: {json.dumps(v)}\n" for k, v in COMPLIANT_META.items())
    page = tmp_path / "page.html"
    page.write_text(f"---\nlayout: post\n{head}---\n<p>A paragraph about the harbour.</p>\n", encoding="utf-8")
    result = check_file(page)
    body_line = 4 + len(COMPLIANT_META)
    assert {(f.rule, f.line) for f in result.findings} == {
        ("global-research/source-credit", body_line),
        ("global-research/copyright-notice", body_line),
        ("global-research/link-original", body_line),
    }
    assert cli("check", str(page), "--fix").code == 0
    fixed = page.read_text(encoding="utf-8")
    assert fixed.startswith(f"---\nlayout: post\n{head}---\n<p>A paragraph")  # the front matter untouched
    assert check_file(page).findings == []


def test_positions_are_file_lines(write_md):
    body = "# Title\n\nFirst paragraph.\n\nSecond with [home](https://globalresearch.ca/) link.\n\nEnd.\n"
    path = write_md("pos.md", COMPLIANT_META, body)
    result = check_file(path)
    found = {f.rule: (f.line, f.column) for f in result.findings}
    front = 2 + len(COMPLIANT_META)  # '---', the keys, '---'
    assert found["global-research/link-original"] == (front + 5, 20)
    assert found["global-research/source-credit"] == (front + 7, 1)  # end of body
    assert found["global-research/copyright-notice"] == (front + 7, 1)


def test_stdin_in_each_format(cli):
    md = "---\n" + json.dumps(COMPLIANT_META) + "\n---\n" + COMPLIANT_BODY
    run = cli("check", "-", "--format", "json", stdin=md)
    assert run.code == 0, run.out + run.err
    assert run.json()["results"][0]["path"] == "<stdin>"
    html = f'<p>Global Research <a href="{GR_URL}">x</a></p>'
    run = cli(
        "check",
        "-",
        "--stdin-format",
        "html",
        "--meta",
        f"original_url={GR_URL}",
        "--meta",
        "author=Ana Ruiz",
        "--meta",
        "commercial=false",
        "--format",
        "json",
        stdin=html,
    )
    assert run.code == 1
    assert [f["rule"] for f in run.json()["results"][0]["findings"]] == ["global-research/copyright-notice"]
    envelope = json.dumps({"metadata": COMPLIANT_META, "body": COMPLIANT_BODY})
    assert cli("check", "-", "--stdin-format", "json", stdin=envelope).code == 0
    text = f"Global Research {GR_URL} Copyright © Ana Ruiz"
    assert (
        cli(
            "check",
            "-",
            "--stdin-format",
            "text",
            "--meta",
            f"original_url={GR_URL}",
            "--meta",
            "author=Ana Ruiz",
            "--meta",
            "commercial=false",
            stdin=text,
        ).code
        == 0
    )


def test_meta_overrides_are_typed(write_md, cli):
    path = write_md("m.md", COMPLIANT_META, COMPLIANT_BODY)
    run = cli("check", str(path), "--meta", "commercial=true", "--format", "json")
    assert run.code == 1
    assert [f["rule"] for f in run.json()["results"][0]["findings"]] == ["global-research/commercial-permission"]
    run = cli(
        "check",
        str(path),
        "--meta",
        "medium=print",
        "--meta",
        "permissions=[{from: publications@globalresearch.ca, date: 2024-04-01, scope: [print]}]",
    )
    assert run.code == 0, run.out


def test_stdin_json_is_recognised_without_a_flag(cli):
    envelope = json.dumps({"metadata": COMPLIANT_META, "body": COMPLIANT_BODY.replace("Global Research", "GR")})
    run = cli("check", "-", "--format", "json", stdin=envelope)
    assert run.code == 1
    assert [f["rule"] for f in run.json()["results"][0]["findings"]] == ["global-research/source-credit"]


def test_stdin_json_with_a_byte_order_mark_is_json(cli):
    envelope = json.dumps({"metadata": COMPLIANT_META, "body": COMPLIANT_BODY.replace("Global Research", "GR")})
    run = cli("check", "-", "--format", "json", stdin=b"\xef\xbb\xbf" + envelope.encode())
    assert [f["rule"] for f in run.json()["results"][0]["findings"]] == ["global-research/source-credit"]


@pytest.mark.parametrize("start", ["", "<!-- exported 2026-05-01 -->\n", "\ufeff"])
def test_stdin_holding_a_whole_html_page_is_read_as_html_without_a_flag(cli, start):
    """A page piped from a CMS export is HTML: read as Markdown, its metadata in <head> would be lost and the
    file skipped as not a reprint."""
    page = start + HTML_PAGE.replace(f'<a href="{GR_URL}">Global Research</a>', "Global Research")
    run = cli("check", "-", "--format", "json", "--meta", "commercial=false", stdin=page.encode())
    assert run.code == 1, run.err
    assert [f["rule"] for f in run.json()["results"][0]["findings"]] == ["global-research/link-original"]
    fragment = cli("check", "-", "--format", "json", stdin=b"<p>Just a paragraph.</p>\n")
    assert fragment.json()["results"][0]["status"] == "skipped"  # Markdown (its raw HTML), no metadata


def test_stdin_holding_a_cms_post_body_of_tags_is_read_as_html(cli):
    """A WordPress post body piped in: blocks of tags, indented. As Markdown its "    <p>" lines are code, and
    the credit in them would be unseen; Markdown opening with an HTML block goes on in Markdown."""
    fragment = (
        '<div class="entry-content">\n\n    <p>Text.</p>\n\n'
        f'    <p>The original source of this article is <a href="{GR_URL}">Global Research</a>.</p>\n\n'
        "    <p>Copyright &copy; A B, Global Research, 2025</p>\n\n</div>\n"
    )
    meta = ["--meta", "commercial=false", "--meta", f"original_url={GR_URL}", "--meta", "author=A B"]
    run = cli("check", "-", "--no-config", *meta, stdin=fragment.encode())
    assert run.code == 0, run.out + run.err
    markdown_body = f'<p align="center"><img src="logo.png" alt=""></p>\n\n{COMPLIANT_BODY}'
    meta[-1] = f"author={COMPLIANT_META['author']}"
    # Paragraphs that open with inline HTML are Markdown's: their [text](url) links are links.
    inline = (
        '<img src="https://example.org/photo.jpg" alt="">\n\n<strong>Q:</strong> What did you find?\n\n'
        f"<em>By Ana Ruiz. Originally published by [Global Research]({GR_URL}). "
        "Copyright © Ana Ruiz, Global Research, 2024.</em>\n"
    )
    run = cli("check", "-", "--no-config", "--format", "json", *meta, stdin=inline.encode())
    assert run.code == 0 and run.json()["results"][0]["findings"] == [], run.out
    as_markdown = cli("check", "-", "--no-config", "--format", "json", *meta, stdin=markdown_body.encode())
    assert as_markdown.code == 0 and as_markdown.json()["results"][0]["findings"] == [], as_markdown.out


def test_unknown_rule_in_config_severity_is_warned(tmp_path, write_md, cli):
    (tmp_path / ".reprint-guard.yaml").write_text("severity:\n  global-research/link-orginal: warning\n")
    write_md("a.md", COMPLIANT_META, COMPLIANT_BODY)
    run = cli("check", "a.md", cwd=tmp_path)
    assert run.code == 0
    assert "unknown rule 'global-research/link-orginal'" in run.err
    assert ".reprint-guard.yaml:2:3: " in run.err  # where to fix it


def test_an_inline_suppression_of_a_misspelt_rule_says_which_rule_it_meant(tmp_path, write_md, cli):
    """``link-orignal``: the finding it was meant for stands unsuppressed beside it; the fix names the rule."""
    body = COMPLIANT_BODY.replace(f"({GR_URL})", "(https://www.globalresearch.ca/)")
    path = write_md(
        "a.md", COMPLIANT_META, '<!-- reprint-guard: ignore global-research/link-orignal reason="agreed" -->\n\n' + body
    )
    found = {f["rule"]: f for f in cli("check", str(path), "--format", "json").json()["results"][0]["findings"]}
    unused = found["reprint-guard/unused-suppression"]
    assert "did you mean global-research/link-original, which has one here?" in unused["message"], unused
    assert unused["fix"] == "Write global-research/link-original in the suppression."
    assert "global-research/link-original" in found
    # A rule the policy has (here, one with no finding in this file) is no misspelling: only stale. The same
    # through the library.
    path.write_text(path.read_text("utf-8").replace("link-orignal", "print-permission"), encoding="utf-8")
    stale = [f for f in cli("check", str(path), "--format", "json").json()["results"][0]["findings"]]
    said = [f["message"] for f in stale if f["rule"] == "reprint-guard/unused-suppression"]
    assert said and "did you mean" not in said[0], said
    from reprint_guard import check_file

    typo = path.read_text("utf-8").replace("print-permission", "link-orignal")
    path.write_text(typo, encoding="utf-8")
    library = [f.message for f in check_file(path).findings if f.rule == "reprint-guard/unused-suppression"]
    assert library and "did you mean global-research/link-original" in library[0], library


def test_a_suppression_for_an_unknown_rule_or_a_file_that_is_not_there_is_warned(tmp_path, write_md, cli):
    (tmp_path / ".reprint-guard.yaml").write_text(
        "suppressions:\n"
        "  - {path: a.md, rule: global-research/print-permision, reason: by email}\n"
        "  - {path: content/harbor.md, rule: global-research/print-permission, reason: by email}\n"
        "  - {path: 'posts/**', rule: 'global-research/*', reason: a glob may match nothing yet}\n"
    )
    write_md("a.md", COMPLIANT_META, COMPLIANT_BODY)
    run = cli("check", "a.md", cwd=tmp_path)
    assert run.code == 0
    warnings = [line for line in run.err.splitlines() if line.startswith("reprint-guard: warning:")]
    assert warnings == [
        "reprint-guard: warning: .reprint-guard.yaml:2:18: a suppression names an unknown rule "  # found from here
        "'global-research/print-permision'; did you mean 'global-research/print-permission'?",
        "reprint-guard: warning: .reprint-guard.yaml:3:6: a suppression's path 'content/harbor.md' "
        "names no file (relative to the config's folder)",
    ]
    # Not warned: a name without a folder (it matches in any folder), a rule of a policy named by file,
    # and a path too long for the file system is no crash.
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "id: mine\nname: M\npublisher: M\nsource_url: https://m.example/terms\nrules:\n"
        "  - {id: credit, check: attribution, names: [Mine], message: Credit Mine}\n",
        encoding="utf-8",
    )
    (tmp_path / ".reprint-guard.yaml").write_text(
        "suppressions:\n"
        "  - {path: a.md, rule: mine/credit, reason: by email}\n"
        f"  - {{path: 'deep/{'x' * 300}.md', rule: mine/credit, reason: long}}\n"
    )
    run = cli("check", "a.md", "--policy", str(mine), cwd=tmp_path)
    warnings = [line for line in run.err.splitlines() if line.startswith("reprint-guard: warning:")]
    assert run.code == 0 and len(warnings) == 1 and "names no file" in warnings[0], run.err
    # In a pyproject.toml, a warning stands where the entry is written, not at its table.
    (tmp_path / ".reprint-guard.yaml").unlink()
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "site"\n\n[tool.reprint-guard.severity]\n"global-research/link-orginal" = "warning"\n'
    )
    run = cli("check", "a.md", cwd=tmp_path)
    assert "warning: pyproject.toml:5:2: the config's severity names an unknown rule" in run.err


def test_a_named_pipe_is_read_to_its_end(tmp_path: Path) -> None:
    """Pipes return data in pieces: the reader must not stop at the first one."""
    import os
    import threading

    from reprint_guard.readers import read_limited

    fifo = tmp_path / "article.md"
    os.mkfifo(fifo)
    payload = b"---\ntitle: x\n---\n" + b"word " * 40000  # 200 KB, more than one pipe buffer

    def write() -> None:
        with open(fifo, "wb") as handle:
            for start in range(0, len(payload), 4096):
                handle.write(payload[start : start + 4096])

    writer = threading.Thread(target=write)
    writer.start()
    data = read_limited(fifo, str(fifo))
    writer.join()
    assert data == payload


def test_lone_surrogates_from_json_or_the_library_read_as_replacement_characters(tmp_path):
    """JSON may escape half a surrogate pair ("\\ud83d"); no step after reading has to cope with it."""
    from reprint_guard import check

    path = tmp_path / "e.json"
    body = "Caf\\u00e9 \\ud83d. " + COMPLIANT_BODY.replace("\n", "\\n").replace('"', '\\"')
    meta = json.dumps({**COMPLIANT_META, "title": "T"}, default=str)[:-1] + ', "author_note": "x \\udc00"}'
    path.write_text('{"metadata": ' + meta + ', "body": "' + body + '"}', encoding="utf-8")
    assert check_file(path).ok
    assert check("Caf\u00e9 \ud83d " + COMPLIANT_BODY, {**COMPLIANT_META, "title": "\udc00"}).ok


def test_lone_surrogates_in_json_front_matter_read_as_replacement_characters(tmp_path, cli):
    """Hugo's JSON front matter escapes as JSON does: half a pair reached the output and broke it."""
    path = tmp_path / "page.md"
    front = json.dumps({**COMPLIANT_META, "author": "Ana Ruiz"}, default=str)[:-1] + ', "note": "x \\udc00"}'
    path.write_text(f"{front}\n{COMPLIANT_BODY}", encoding="utf-8")
    assert check_file(path).ok
    path.write_text(front.replace("Ana Ruiz", "Ana \\ud800Ruiz") + f"\n{COMPLIANT_BODY}", encoding="utf-8")
    for form in ("text", "json", "sarif", "github", "markdown"):
        run = cli("check", str(path), "--format", form)
        assert run.code == 1 and "Traceback" not in run.err and "internal error" not in run.out + run.err
    assert "Ana \ufffdRuiz" in check_file(path).findings[0].message


def test_a_bad_byte_after_a_byte_order_mark_is_placed_where_it_stands() -> None:
    import pytest

    from reprint_guard.errors import InputError
    from reprint_guard.readers import decode

    assert decode(b"\xef\xbb\xbf---\ntitle: x\n---\nhi", "a.md") == "---\ntitle: x\n---\nhi"
    with pytest.raises(InputError) as caught:
        decode(b"\xef\xbb\xbfab\n\xffc", "a.md")
    assert (caught.value.line, caught.value.column) == (2, 1) and "0xff" in caught.value.message


def test_a_sidecar_named_for_one_file_is_that_files_alone(tmp_path, cli):
    (tmp_path / "p.html").write_text("<html><head></head><body><p>Story text.</p></body></html>\n")
    (tmp_path / "p.md").write_text("---\ntitle: our own\n---\nOur own text.\n", encoding="utf-8")
    sidecar = "".join(f"{k}: {json.dumps(v)}\n" for k, v in COMPLIANT_META.items())
    (tmp_path / "p.html.meta.yaml").write_text(sidecar, encoding="utf-8")
    (tmp_path / "p.meta.yaml").write_text("commercial: true\nmedium: print\n", encoding="utf-8")  # not read
    run = cli("check", str(tmp_path), "--format", "json")
    results = {Path(r["path"]).name: r for r in run.json()["results"]}
    page = {f["rule"] for f in results["p.html"]["findings"]}
    assert "global-research/commercial-permission" not in page  # its own sidecar says commercial: false
    assert "global-research/print-permission" not in page  # the shared one is not merged in
    assert "global-research/source-credit" in page
    (tmp_path / "p.meta.yaml").unlink()
    run = cli("check", str(tmp_path), "--format", "json")
    results = {Path(r["path"]).name: r for r in run.json()["results"]}
    assert results["p.md"]["status"] == "skipped"  # the page's sidecar is not the Markdown's
    assert cli("check", str(tmp_path / "p.html.meta.yaml")).code == 1  # named, it stands for its page


def test_a_bad_value_in_a_sidecar_is_told_at_its_line_in_the_sidecar(tmp_path, cli):
    (tmp_path / "a.html").write_text("<p>Story.</p>\n", encoding="utf-8")
    (tmp_path / "a.meta.yaml").write_text(
        "author: Ana Ruiz\noriginal_url: https://www.globalresearch.ca/a/1\ncommercial: maybe\n", encoding="utf-8"
    )
    run = cli("check", "a.html", cwd=tmp_path)
    assert run.code == 2 and "Traceback" not in run.err
    assert "a.meta.yaml:3:1: metadata 'commercial': 'maybe' is not true or false" in run.out + run.err
    overridden = cli("check", "a.html", "--meta", "commercial=false", cwd=tmp_path)  # --meta wins, as documented
    assert overridden.code != 2 and "a.meta.yaml" not in overridden.out + overridden.err


def test_a_file_of_front_matter_alone_has_its_findings_on_its_last_line(tmp_path):
    """Nothing after the closing ---: what is missing is placed on that line, not on one past the file's end."""
    alone = tmp_path / "alone.md"
    alone.write_text(
        f"---\ntitle: T\noriginal_url: {GR_URL}\nauthor: Ana Ruiz\ncommercial: false\n---\n", encoding="utf-8"
    )
    findings = check_file(alone).findings
    assert findings and {(f.line, f.column) for f in findings} == {(6, 1)}
    assert len(alone.read_text(encoding="utf-8").splitlines()) == 6


def test_a_finding_points_at_the_visible_words_not_a_commented_copy(tmp_path):
    """The words found broken over lines (or case) were located by a search that did not skip comments."""
    reprint = tmp_path / "arr.md"
    reprint.write_text(
        "---\ntitle: T\nauthor: Ana Ruiz\noriginal_url: https://example.org/a\nlicense: CC-BY-4.0\nmedium: print\n"
        "---\n\nIntro.\n\n<!-- All rights reserved -->\n\nMore.\n\nALL RIGHTS\nRESERVED by the site.\n\n"
        "By Ana Ruiz, under CC BY 4.0: creativecommons.org/licenses/by/4.0\n",
        encoding="utf-8",
    )
    assert [(f.rule, f.line) for f in check_file(reprint).findings] == [("cc-by-4.0/no-added-restrictions", 15)]


_NESTED_BAD_DATE = [
    (
        "e.json",
        '{\n  "metadata": {\n    "author": "A B",\n    "original_url": "https://www.globalresearch.ca/a/1",\n'
        '    "permissions": [\n      {"from": "a@globalresearch.ca", "date": "2026-01-01", "scope": ["print"]},\n'
        '      {"from": "a@globalresearch.ca",\n       "date": "2026-02-30", "scope": ["print"]}\n    ]\n  },\n'
        '  "body": "Text."\n}\n',
        "8:16: metadata 'permissions.1.date': '2026-02-30' is not a calendar date: February 2026 has 28 days",
    ),
    (
        "d.md",
        "---\ntitle: t\nauthor: A\noriginal_url: https://www.globalresearch.ca/a/1\ncommercial: true\n"
        "permissions:\n  - from: publications@globalresearch.ca\n    date: 10 March 2025\n    scope: [commercial]\n"
        "---\n\nText.\n",
        "8:11: metadata 'permissions.0.date': '10 March 2025' is no date",
    ),
]


@pytest.mark.parametrize(("name", "text", "said"), _NESTED_BAD_DATE)
def test_a_bad_value_nested_in_the_metadata_is_told_where_it_stands(tmp_path, cli, name, text, said):
    """A permission's impossible or worded date, in a JSON envelope or front matter: at the date in the file,
    not at the "permissions" key that holds it, with how to write one (a worded one) or why it is none."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    run = cli("check", str(path), "--no-config")
    assert run.code == 2 and f"{path}:{said}" in run.out, run.out + run.err
    assert ("write a date as YYYY-MM-DD" in run.out) is ("calendar" not in said)


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("2026-10-28 18:30:00 -0600", dt.datetime(2026, 10, 28, 18, 30, tzinfo=dt.timezone(dt.timedelta(hours=-6)))),
        ("2026-10-28 18:30 +05:30", dt.datetime(2026, 10, 28, 18, 30, tzinfo=dt.timezone(dt.timedelta(hours=5.5)))),
        ("2026-10-28T18:30:00 Z", dt.datetime(2026, 10, 28, 18, 30, tzinfo=dt.UTC)),
    ],
)
def test_a_date_time_with_a_space_before_its_offset_is_read_as_jekyll_writes_it(written, read):
    """Jekyll's documented "YYYY-MM-DD HH:MM:SS -0600" was refused in published and original_published ("write
    a date as YYYY-MM-DD", which would lose the time a next-day embargo is told by), though date: read it."""
    reprint = read_text(f"---\noriginal_url: https://example.org/a\npublished: {written}\n---\nText.\n")
    assert reprint.metadata.published == read


def test_every_bad_metadata_value_is_named_and_the_first_in_the_file_is_told(tmp_path, cli):
    """The run stops at a bad value and said only one: an editor mended it, ran again and met the next. The
    line is at the first bad key in the file (not pydantic's field order); the others are named after it."""
    path = tmp_path / "two.md"
    path.write_text(
        "---\noriginal_url: https://www.globalresearch.ca/a/5800000\ncommercial: [1, 2]\nauthor: Ana Ruiz\n"
        "modified: perhaps\npublished: not-a-date\n---\n\nText.\n",
        encoding="utf-8",
    )
    run = cli("check", str(path), "--no-config")
    assert run.code == 2, run.out + run.err
    [line] = [line for line in run.out.splitlines() if line.startswith(str(path))]
    assert line.startswith(f"{path}:3:1: metadata 'commercial': ")
    assert line.endswith("(also invalid: 'modified', 'published') (could not be checked)")
    path.write_text("---\noriginal_url: https://www.globalresearch.ca/a/5800000\npublished: 2025-13-40\n---\n")
    assert "also invalid" not in cli("check", str(path), "--no-config").out  # one bad value: nothing more said
    # A time zone offset of a day or more: told in words, not in Python's ("offset must be a timedelta ...").
    path.write_text(
        "---\noriginal_url: https://www.globalresearch.ca/a/1\npublished: 2025-02-14 10:00:00 +99:00\n---\n"
    )
    said = cli("check", str(path), "--no-config").out
    assert (
        ":3:12: metadata 'published': '2025-02-14 10:00:00 +99:00' is no date: a time zone offset of a day or more"
        in said
    )
    assert "timedelta" not in said, said


def test_positions_in_a_json_body_are_the_files(tmp_path):
    """A finding in an envelope's body points into the body string as written, where an annotation lands."""
    from reprint_guard.readers.json import JsonString, _body_token

    body = COMPLIANT_BODY.replace("[Global Research]", "Global Research").replace("(" + GR_URL + ")", "")
    envelope = tmp_path / "e.json"
    text = json.dumps({"metadata": COMPLIANT_META, "body": 'Caf\u00e9 "quoted"\n\n' + body}, indent=2)
    envelope.write_text(text, encoding="utf-8")
    [finding] = check_file(envelope).findings
    assert finding.rule == "global-research/link-original"
    line = text.splitlines()[finding.line - 1]
    assert line.lstrip().startswith('"body": ')  # at the unlinked credit, where the link goes
    assert line[finding.column - 1 :].startswith("Global Research.*")  # the name, which the link is to be made of

    # Every character of any string, escaped or not, maps to where it is written, and back.
    rng = __import__("random").Random(3)
    pieces = ["a", "\n", '"', "\\", "\u00e9", "\U0001f600", "\t", "\u2028", "<", "\x01", "/"]
    for _ in range(500):
        string = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        doc = json.dumps({"metadata": {"body": 'x": "y'}, "body": string}, ensure_ascii=rng.random() < 0.5)
        where = JsonString(doc, _body_token(doc))  # type: ignore[arg-type]
        for index, char in enumerate(string):
            _, column = where.position(index)
            written = next(
                doc[column - 1 : column - 1 + n]
                for n in range(1, 13)
                if _decodes_to(doc[column - 1 : column - 1 + n], char)
            )
            assert written and where.offset(1, column) == index


def _decodes_to(written: str, char: str) -> bool:
    try:
        return json.loads(f'"{written}"') == char
    except ValueError:
        return False


def test_byline_names_part_people_not_their_titles():
    from reprint_guard.metaview import byline_names

    assert byline_names("Ana Ruiz, Li Wei and Sam Ode") == ["Ana Ruiz", "Li Wei", "Sam Ode"]
    assert byline_names("Marcus Oyelaran, Staff Reporter") == ["Marcus Oyelaran"]
    assert byline_names("Ruiz, Ana") == ["Ruiz, Ana"]
    assert byline_names("Martin Luther King, Jr.") == ["Martin Luther King, Jr."]
    assert byline_names("Barnes and Noble") == ["Barnes and Noble"]


def test_wide_encodings_are_told_apart():
    from reprint_guard.readers import wide_encoding

    text = "An article in plain words."
    assert [wide_encoding(text.encode(c)) for c in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")] == [
        "UTF-16",
        "UTF-16",
        "UTF-32",
        "UTF-32",
    ]
    assert wide_encoding(bytes(100)) is None and wide_encoding(text.encode()) is None


def test_an_author_given_twice_on_the_command_line_names_both(cli, write_md):
    """A co-author is not dropped: a name key given twice is a list; another key given twice takes the last."""
    run = cli(
        "credit",
        "--policy",
        "montana-free-press",
        "--meta",
        "author=Marisol Chen",
        "--meta",
        "author=Tom Brandt",
        "--meta",
        "original_url=https://montanafreepress.org/2026/10/08/x/",
    )
    assert run.code == 0 and run.out.startswith("*By Marisol Chen and Tom Brandt, Montana Free Press."), run.err
    story = write_md("a.md", COMPLIANT_META, COMPLIANT_BODY)
    twice = cli("check", str(story), "--meta", "commercial=true", "--meta", "commercial=false", "--format", "json")
    assert twice.code == 0 and twice.json()["results"][0]["findings"] == []


def test_credit_says_when_the_policy_asked_for_is_not_the_originals(cli):
    """A ProPublica reprint given The Conversation's policy: the block is printed, and the mismatch is said."""
    meta = ["--meta", "author=Ana Ruiz", "--meta", "original_url=https://www.propublica.org/article/x"]
    run = cli("credit", "--policy", "the-conversation", *meta)
    assert run.code == 0 and "Republished from [The Conversation]" in run.out
    assert "note: the original (propublica.org) is propublica's, not the-conversation's" in run.err
    own = cli("credit", "--policy", "propublica", *meta)
    assert own.code == 0 and "is propublica's" not in own.err


def test_the_one_article_of_a_page_is_not_the_story_when_skip_elements_leave_it_out():
    """A page whose only <article> is a related story's card in an aside that skip-elements leaves out: the
    story is the page's content, not the card (nor is the card's end where a missing credit goes)."""
    from reprint_guard.reprint import article_element

    page = (
        '<html><body>\n<div class="story"><h1>T</h1><p>The story.</p></div>\n'
        '<aside class="related"><article><p>Another story.</p></article></aside>\n</body></html>\n'
    )
    card = article_element(page)
    assert card is not None and page[card[0] : card[1]] == "<p>Another story.</p>"
    assert article_element(page, ("aside.related",)) is None
    assert article_element(page, ("nav",)) == card  # a selector that leaves the card in changes nothing


def test_a_related_storys_card_in_an_aside_beside_the_storys_article_leaves_it_the_article():
    """<main> holding the story's <article> and an <aside> of related stories' cards: with two outermost
    <article>s the page's <main> was taken, and --fix put the credit above the story's <article>."""
    from reprint_guard.reprint import article_element

    story = "<h1>Rates climb</h1><p>Rates rose again.</p>"
    for around in ("aside class='related'", "nav"):
        name = around.split()[0]
        page = (
            f"<html><body><main><article class='story'>{story}</article>"
            f"<{around}><article class='card'><p>Another.</p></article></{name}></main></body></html>"
        )
        found = article_element(page)
        assert found is not None and page[found[0] : found[1]] == story, (around, found)
    two = f"<main><article>{story}</article><article><p>Another.</p></article></main>"
    found = article_element(two)
    assert found is not None and found[2] == "main"  # two stories side by side: still the <main>


def test_a_media_items_article_in_a_drupal_body_is_not_the_story(tmp_path, cli):
    """Drupal renders each media entity in a body as ``<article class="media media--type-image ...">``: a
    photo's wrapper, not the story. Taken for it, every missing credit stood inside it, and ``--fix`` put the
    credit there, above the image; a story's own <article> around it is still the story."""
    from reprint_guard.reprint import article_element

    media = (
        '<article class="media media--type-image media--view-mode-wide">\n  <div class="field">'
        '<img src="/sites/default/files/well.jpg" width="1090" height="613" alt="" /></div>\n</article>\n'
    )
    body = (
        '<div class="field field--name-body"><p>Lawmakers advanced a bill on groundwater.</p>\n'
        f"{media}<p>The measure would require meters on large wells.</p>\n"
        "<p>Growers said the cost would fall on small farms.</p>\n</div>\n"
    )
    assert article_element(body) is None
    story = f"<article class='post'>{body}</article>"
    found = article_element(story)
    assert found is not None and story[found[0] : found[1]] == body
    page = tmp_path / "a.html"
    page.write_text(body, encoding="utf-8")
    meta = (
        "author: Mina Castellanos\noriginal_url: https://calmatters.org/environment/2026/10/groundwater/\n"
        "commercial: false\npermissions: [{from: desk@greenvalley.org, date: 2026-10-01, scope: [photos]}]\n"
    )
    (tmp_path / "a.meta.yaml").write_text(meta, encoding="utf-8")
    findings = cli("check", "a.html", "--format", "json", "--no-config", cwd=tmp_path).json()["results"][0]["findings"]
    places = {f["rule"]: f["line"] for f in findings}
    assert places["calmatters/credit-author"] == places["calmatters/link-original"] == 6  # the body's last line
    cli("check", "a.html", "--fix", "--no-config", cwd=tmp_path)
    assert page.read_text(encoding="utf-8").startswith("<p><em>By Mina Castellanos, CalMatters.")


@pytest.mark.parametrize(
    "written",
    [
        "ALL RIGHTS\nRESERVED",  # upper case, broken over a line
        "All rights\nreſerved",  # the long s, which a case-blind regex takes for "s" but lower() keeps
        "All rıghts\nreserved",  # the dotless i
        "All rİghts\nreserved",  # the dotted capital I, which lower() makes two characters
        "All <b>rights</b>\nreserved",
    ],
)
def test_words_broken_over_lines_are_found_as_a_case_blind_regex_finds_them(tmp_path, written):
    """Where a phrase is first written, broken over lines, is found in the lower-cased body, a search in C; a
    letter lower() cannot tell (the long s, the dotless i) leaves the search to the regex, which finds it."""
    from reprint_guard.readers import read_file
    from reprint_guard.reprint import _words_apart

    reprint = tmp_path / "a.md"
    reprint.write_text(f"---\ntitle: T\n---\n\nIntro.\n\n{written} by the site.\n\nAll rights reserved.\n")
    read = read_file(reprint)
    import re

    expected = re.search(_words_apart("all rights reserved"), read.body, re.IGNORECASE)
    assert expected is not None
    assert read.locate("all rights reserved") == read._position(expected.start()) == (7, 1)
    assert [m.span() for m in read._apart("all rights reserved", 0, len(read.body))] == [
        m.span() for m in re.finditer(_words_apart("all rights reserved"), read.body, re.IGNORECASE)
    ]


@pytest.mark.parametrize("front", ["", "---\nlayout: post\n---\n"])
def test_a_finding_about_a_pages_own_metadata_is_told_at_its_tag(tmp_path, cli, front):
    """The page declares its original in a canonical link (or JSON-LD's isBasedOn): a finding about it
    stands at that value, as one about a front-matter key stands at the key, not at 1:1."""
    head = (
        "<!doctype html>\n<html>\n<head>\n<title>Harbour</title>\n"
        '<link rel="canonical"\n      href="https://www.unknownpublisher.example/story/1">\n</head>\n'
    )
    page = tmp_path / "p.html"
    page.write_text(front + head + "<body><p>Story.</p></body>\n</html>\n", encoding="utf-8")
    (finding,) = cli("check", str(page), "--format", "json").json()["results"][0]["findings"]
    offset = front.count("\n")
    assert (finding["rule"], finding["line"], finding["column"]) == ("reprint-guard/unknown-publisher", 6 + offset, 13)
    ld = '<script type="application/ld+json">{"@type": "Article",\n "isBasedOn": "https://www.unknownpublisher.example/s/2"}</script>'
    page.write_text(
        front + head.replace("</head>", ld + "\n</head>") + "<body><p>Story.</p></body>\n</html>\n", encoding="utf-8"
    )
    (finding,) = cli("check", str(page), "--format", "json").json()["results"][0]["findings"]
    assert (finding["line"], finding["column"]) == (8 + offset, 2)  # the JSON-LD key whose value was read


_MFP_URL = "https://montanafreepress.org/2026/10/08/prairie-library-lends-ice-fishing-gear/"
_MFP_BODY = f"""<body><article>
<h1>A prairie library lends out ice-fishing gear</h1>
<p><em>By Hannah Whitcomb, Montana Free Press</em></p>
<p>The public library on the Hi-Line now lends augers, sleds and bibs on a two-week loan.</p>
<p><em>This story was originally published by <a href="{_MFP_URL}">Montana Free Press</a> and is republished
under a <a href="https://creativecommons.org/licenses/by-nc-nd/3.0/us/">CC BY-NC-ND 3.0 US</a> licence.</em></p>
</article></body></html>
"""


def _mfp_page(head: str) -> str:
    return (
        '<!doctype html>\n<html><head>\n<title>Library</title>\n<meta name="author" content="Hannah Whitcomb">\n'
        f'<link rel="canonical" href="{_MFP_URL}">\n{head}</head>\n{_MFP_BODY}'
    )


def test_a_pages_declared_publication_date_is_the_reprints(tmp_path, cli):
    """``article:published_time`` (and JSON-LD ``datePublished``) is when the page went out: a timing rule reads
    it (before, an exported page was taken as published today and passed), at the tag's value."""
    page = tmp_path / "library.html"
    early = '<meta property="article:published_time"\n      content="2026-10-08T18:00:00-06:00">\n'
    page.write_text(_mfp_page(early), encoding="utf-8")
    run = cli(
        "check", str(page), "--meta", "original_published=2026-10-08", "--meta", "commercial=false", "--format", "json"
    )
    (finding,) = run.json()["results"][0]["findings"]
    assert run.code == 1
    assert (finding["rule"], finding["line"], finding["column"]) == ("montana-free-press/not-before-next-day", 7, 16)
    page.write_text(_mfp_page(early.replace("2026-10-08T18", "2026-10-09T07")), encoding="utf-8")
    assert cli("check", str(page), "--meta", "original_published=2026-10-08", "--meta", "commercial=false").code == 0
    # --meta (as front matter and a sidecar) wins over what the page declares.
    assert (
        cli(
            "check",
            str(page),
            "--meta",
            "original_published=2026-10-08",
            "--meta",
            "commercial=false",
            "--meta",
            "published=2026-10-08",
        ).code
        == 1
    )
    # Written with name= (as some themes do) rather than Open Graph's property=, it is the same date.
    page.write_text(_mfp_page(early.replace("property=", "name=")), encoding="utf-8")
    run = cli(
        "check", str(page), "--meta", "original_published=2026-10-08", "--meta", "commercial=false", "--format", "json"
    )
    (finding,) = run.json()["results"][0]["findings"]
    assert (finding["rule"], finding["line"], finding["column"]) == ("montana-free-press/not-before-next-day", 7, 16)
    # With a sidecar giving the other metadata, the page's own date is still placed at its tag.
    (tmp_path / "library.meta.yaml").write_text("original_published: 2026-10-08\ncommercial: false\n", encoding="utf-8")
    (finding,) = cli("check", str(page), "--format", "json").json()["results"][0]["findings"]
    assert (finding["line"], finding["column"], finding.get("file")) == (7, 16, None), finding
    (tmp_path / "library.meta.yaml").unlink()
    # Both, the name= one first and no date: Open Graph's is read (the first tag's was, and "now" passed).
    both = '<meta name="article:published_time" content="Thursday, 8 October">\n' + early
    page.write_text(_mfp_page(both), encoding="utf-8")
    run = cli("check", str(page), "--meta", "original_published=2026-10-08", "--meta", "commercial=false")
    assert run.code == 1, run.out
    # A date the page writes unreadably is passed over (as its broken JSON-LD is), not an error.
    page.write_text(_mfp_page(early.replace("2026-10-08T18:00:00-06:00", "last Tuesday")), encoding="utf-8")
    assert cli("check", str(page), "--meta", "original_published=2026-10-08", "--meta", "commercial=false").code == 0


def test_json_ld_gives_both_dates_and_the_original_is_placed_at_is_based_on(tmp_path, cli):
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "datePublished": "2026-10-08T20:00:00Z",
        "isBasedOn": {"@type": "NewsArticle", "url": _MFP_URL, "datePublished": "2026-10-08"},
    }
    page = tmp_path / "library.html"
    head = f'<script type="application/ld+json">\n{json.dumps(ld, indent=1)}\n</script>\n'
    page.write_text(_mfp_page(head), encoding="utf-8")
    run = cli("check", str(page), "--meta", "commercial=false", "--format", "json")
    (finding,) = run.json()["results"][0]["findings"]
    assert finding["rule"] == "montana-free-press/not-before-next-day", finding
    assert (finding["line"], finding["column"]) == (10, 2)  # the page's own "datePublished" key
    ld["datePublished"] = "2026-10-09T15:00:00Z"
    page.write_text(_mfp_page(f'<script type="application/ld+json">{json.dumps(ld)}</script>\n'), encoding="utf-8")
    assert cli("check", str(page), "--meta", "commercial=false").code == 0
    # Without its date in isBasedOn, the rule says original_published is missing, at isBasedOn's key.
    del ld["isBasedOn"]["datePublished"]
    page.write_text(_mfp_page(f'<script type="application/ld+json">{json.dumps(ld)}</script>\n'), encoding="utf-8")
    (finding,) = cli("check", str(page), "--meta", "commercial=false", "--format", "json").json()["results"][0][
        "findings"
    ]
    assert "original_published" in finding["message"]


def test_a_licence_the_page_declares_is_the_sites_not_the_originals(tmp_path, cli):
    """A theme's ``<link rel="license">`` (or JSON-LD ``license``) is the republisher's own licence: it is not
    read as the original's (it failed a correct ProPublica reprint's licence rule, "the metadata says ..."),
    nor does it choose a Creative Commons policy for a page from an unknown site."""
    theme = '<link rel="license" href="https://creativecommons.org/licenses/by/4.0/">\n'
    page = tmp_path / "harbour.html"
    page.write_text(
        HTML_PAGE.replace("</head>", theme + "</head>").replace(
            '"NewsArticle",', '"NewsArticle", "license": "https://creativecommons.org/licenses/by-sa/4.0/",'
        ),
        encoding="utf-8",
    )
    result = cli("check", str(page), "--meta", "commercial=false", "--format", "json").json()["results"][0]
    assert (result["policy"], result["findings"]) == ("global-research", []), result
    ld = '<script type="application/ld+json">{"@type": "Article", "isBasedOn": "https://blog.unknown.example/s/1"}</script>\n'
    own = (
        "<!doctype html>\n<html><head><title>Ours</title>\n" + theme + ld + "</head><body><p>Story.</p></body></html>\n"
    )
    page.write_text(own, encoding="utf-8")
    (finding,) = cli("check", str(page), "--format", "json").json()["results"][0]["findings"]
    assert finding["rule"] == "reprint-guard/unknown-publisher"


def test_check_says_why_it_skipped_a_whole_page_whose_head_names_an_original():
    """``check(page, {...no original_url...}, format="html")`` skipped the reprint as none, silently, while
    check_text reads the page's canonical link: the skip's reason says what to do. Not an error: a site's own
    page names itself as canonical. With original_url given, or a fragment, nothing changes."""
    from reprint_guard import check, check_text

    bare = HTML_PAGE.replace("The original source of this article is", "Read more at")  # no credit in the body
    skipped = check(bare, {"commercial": False}, format="html")
    assert skipped.status == "skipped" and f"the page names {GR_URL} as its original" in skipped.reason
    assert "check_text(page, format='html')" in skipped.reason and "\n" not in skipped.reason
    (credited,) = check(HTML_PAGE, {"commercial": False}, format="html").findings  # its credit is told
    assert credited.rule == "reprint-guard/credited-original" and credited.fix is not None
    assert credited.fix.startswith(f"The page names {GR_URL} as its original") and "check_text(" in credited.fix
    assert check_text(HTML_PAGE, format="html", meta={"commercial": False}).policy == "global-research"
    assert check(HTML_PAGE, {"commercial": False, "original_url": GR_URL, "author": "Ana Ruiz"}, format="html").ok
    assert check("<p>A fragment.</p>", {"commercial": False}, format="html").status == "skipped"


def test_the_pages_publication_date_is_placed_at_its_articles_key_not_anothers(tmp_path, cli):
    """A site's WebSite item (or the original in isBasedOn) may say "datePublished" before the article does:
    the finding stands at the article's own key."""
    site = '<script type="application/ld+json">{"@type": "WebSite", "datePublished": "2015-01-01"}</script>\n'
    ld = {
        "@type": "NewsArticle",
        "isBasedOn": {"url": _MFP_URL, "datePublished": "2026-10-08"},
        "datePublished": "2026-10-08T20:00:00Z",
    }
    page = tmp_path / "library.html"
    page.write_text(_mfp_page(site + f'<script type="application/ld+json">\n{json.dumps(ld)}\n</script>\n'), "utf-8")
    (finding,) = cli("check", str(page), "--meta", "commercial=false", "--format", "json").json()["results"][0][
        "findings"
    ]
    line = page.read_text("utf-8").splitlines()[finding["line"] - 1]
    assert finding["rule"] == "montana-free-press/not-before-next-day"
    assert line[finding["column"] - 1 :].startswith('"datePublished": "2026-10-08T20:00:00Z"'), (finding, line)


def test_a_template_whose_front_matter_does_not_parse_is_told_as_one(tmp_path, cli):
    """Hugo's archetypes/default.md ({{ .Date }} in its front matter) stopped a first run with a bare
    "invalid YAML": the error now says it is a template, and how to leave its folder out."""
    archetype = tmp_path / "archetypes" / "default.md"
    archetype.parent.mkdir()
    archetype.write_text(
        '---\ntitle: "{{ replace .File.ContentBaseName "-" " " | title }}"\ndate: {{ .Date }}\n---\n', encoding="utf-8"
    )
    run = cli("check", "--no-config", ".", cwd=tmp_path)
    assert run.code == 2 and "archetypes/default.md:2:" in run.out
    assert "it holds a template's {{ }}" in run.out and "exclude" in run.out
    (tmp_path / "b.md").write_text("---\ntitle: [\n---\nx\n", encoding="utf-8")
    assert "template" not in cli("check", "--no-config", "b.md", cwd=tmp_path).out  # no {{ }}: a plain error


def test_check_text_tells_an_envelope_a_page_and_markdown_apart_by_default():
    """check_text read a JSON envelope as Markdown unless told: no front matter, so no reprint, and it passed
    (ok) while the envelope's reprint fails; format="auto", the default, reads it as the CLI reads stdin."""
    import reprint_guard

    envelope = {"metadata": {**COMPLIANT_META, "commercial": True}, "body": "No credit.", "format": "markdown"}
    for written in (json.dumps(envelope), json.dumps(envelope, indent=2)):
        result = reprint_guard.check_text(written)
        assert result.status == "fail" and "global-research/source-credit" in {f.rule for f in result.findings}
    said = reprint_guard.check_text(json.dumps(envelope), format="markdown")  # told: read as told
    assert said.status == "skipped"
    assert reprint_guard.check_text("\ufeff" + json.dumps(envelope)).status == "fail"  # a BOM before it
    meta = {"original_url": GR_URL, "commercial": False}
    for opening in ('{{< figure src="/img/bus.jpg" >}}', "{% include figure.html %}", "{Editor's note: ...}"):
        assert reprint_guard.check_text(f"{opening}\n\nBody.\n", meta=meta).status == "fail", opening  # Markdown
    hugo_json = '{\n  "title": "T",\n  "original_url": "' + GR_URL + '",\n  "commercial": false\n}\n\nBody.\n'
    assert reprint_guard.check_text(hugo_json).policy == "global-research"  # JSON front matter, then the article
    with pytest.raises(reprint_guard.InputError, match="JSON"):
        reprint_guard.check_text(json.dumps(envelope)[:-5])  # a broken envelope is told, not read as Markdown
    assert reprint_guard.check_text(markdown(COMPLIANT_META, COMPLIANT_BODY)).status == "pass"
    with pytest.raises(reprint_guard.UsageError, match="or auto"):
        reprint_guard.check_text("x", format="pdf")


def test_check_reads_an_indented_html_body_as_html_when_asked_to_tell():
    """A CMS's HTML post body, indented inside a <div>: as Markdown its indented lines are code, so the credit
    and link in them are not seen; format="auto" reads it as HTML."""
    import reprint_guard

    body = (
        '<div class="entry">\n    <p>Harbour news.</p>\n\n'
        f'    <p><em>The original source of this article is <a href="{GR_URL}">Global Research</a>.</em></p>\n'
        "    <p>Copyright © Ana Ruiz, Global Research, 2024</p>\n</div>\n"
    )
    meta = {**COMPLIANT_META, "author": "Ana Ruiz", "original_published": "2024-03-02"}
    assert reprint_guard.check(body, meta).status == "fail"  # the default stays Markdown
    result = reprint_guard.check(body, meta, format="auto")
    assert result.status == "pass" and result.fully_checked, result.findings


def test_fully_checked_says_whether_a_policy_was_checked_in_full():
    import reprint_guard

    assert reprint_guard.check(COMPLIANT_BODY, COMPLIANT_META).fully_checked
    credited = reprint_guard.check(COMPLIANT_BODY, {"title": "T"})  # the body credits Global Research
    assert credited.ok and credited.status == "pass" and not credited.fully_checked
    assert [f.rule for f in credited.findings] == ["reprint-guard/credited-original"]
    unset = reprint_guard.check(COMPLIANT_BODY, {k: v for k, v in COMPLIANT_META.items() if k != "commercial"})
    assert unset.ok and not unset.fully_checked  # commercial unset: two rules could not be checked
    unknown = reprint_guard.check("Text.", {"original_url": "https://unknown.example/a"})
    assert unknown.ok and unknown.policy is None and not unknown.fully_checked
    assert not reprint_guard.check("Our own story.", {"title": "T"}).fully_checked  # skipped: nothing checked


def test_a_validated_metadata_model_dumps_a_permission_under_its_documented_key():
    """model_dump_json wrote "from_", the attribute's name, which a CMS storing the model kept."""
    from reprint_guard.metadata import Metadata

    model = Metadata(permissions=[{"from": "ed@example.org", "scope": ["print"]}])
    assert '"from":"ed@example.org"' in model.model_dump_json() and "from_" not in model.model_dump_json()
    assert model.model_dump()["permissions"][0]["from"] == "ed@example.org"
    assert Metadata.model_validate_json(model.model_dump_json()) == model


def test_the_packages_docstring_example_runs():
    import doctest

    import reprint_guard

    assert doctest.testmod(reprint_guard).attempted >= 3 and doctest.testmod(reprint_guard).failed == 0


@pytest.mark.parametrize("key", ["original_published", "published", "commercial", "modified", "excerpt", "medium"])
def test_an_empty_string_is_an_unset_value_as_null_is(key):
    """WordPress's post meta gives "" for a field never filled: "input is too short" or "not a valid boolean"
    made the reprint uncheckable, where null for the same key is simply unset."""
    import reprint_guard

    empty = reprint_guard.check(COMPLIANT_BODY, {**COMPLIANT_META, key: ""})
    null = reprint_guard.check(COMPLIANT_BODY, {**COMPLIANT_META, key: None})
    assert empty.status == null.status and [f.rule for f in empty.findings] == [f.rule for f in null.findings]
    with pytest.raises(reprint_guard.InputError):
        reprint_guard.check(COMPLIANT_BODY, {**COMPLIANT_META, key: "soon"})  # a wrong value is still one


@pytest.mark.parametrize("key", ["date", "expires"])
def test_a_permission_records_blank_date_is_unset_as_null_is(key):
    """A CMS form's permission date left blank came as "": the reprint could not be checked at all ("input is
    too short"), where null for it is simply no date."""
    import reprint_guard

    def meta(value):
        record = {"from": "publications@globalresearch.ca", "scope": ["commercial"], key: value}
        return {**COMPLIANT_META, "commercial": True, "permissions": [record]}

    empty = reprint_guard.check(COMPLIANT_BODY, meta(" "))
    null = reprint_guard.check(COMPLIANT_BODY, meta(None))
    assert empty.status == null.status and [f.rule for f in empty.findings] == [f.rule for f in null.findings]
    with pytest.raises(reprint_guard.InputError):
        reprint_guard.check(COMPLIANT_BODY, meta("soon"))  # a wrong value is still one


def test_a_quoted_published_flag_is_told_as_jekylls_flag_written_as_text(tmp_path, cli):
    """``published: 'false'`` was "not a valid datetime or date", with no word of the Jekyll flag it was
    meant as (which, quoted, Jekyll does not read as false either)."""
    page = tmp_path / "a.md"
    page.write_text(markdown({**COMPLIANT_META, "published": "false"}, COMPLIANT_BODY), encoding="utf-8")
    run = cli("check", str(page))
    assert run.code == 2 and "Jekyll's draft flag is true or false unquoted (published: false)" in run.out, run.out
    page.write_text(markdown({**COMPLIANT_META, "published": False}, COMPLIANT_BODY), encoding="utf-8")
    assert cli("check", str(page)).code == 0  # unquoted: Jekyll's, and left to it


def test_a_cms_forms_empty_author_or_title_makes_no_broken_credit_or_fix():
    """An empty form field came as "": credit() wrote "*By . This story was originally published by ...*", and
    the link rule's fix "Originally published as [](https://...)", a link with no text, which does not count."""
    import reprint_guard

    meta = {"original_url": "https://www.propublica.org/article/x", "author": "", "commercial": False}
    for blank in ("", "  "):
        with pytest.raises(reprint_guard.UsageError, match="needs metadata that is not set: author"):
            reprint_guard.credit({**meta, "author": blank})
    # A policy whose link rule is the licence's, whose fix names the title (ProPublica's links its credit line).
    meta["original_url"] = "https://kffhealthnews.org/news/article/x/"
    found = reprint_guard.check("<p>By Ana Ruiz</p>", {**meta, "author": "Ana Ruiz", "title": ""}, format="html")
    (fix,) = [f.fix for f in found.findings if f.rule == "kff-health-news/link-original"]
    assert ">the original article</a>" in fix and "[](" not in fix and "></a>" not in fix, fix


@pytest.mark.parametrize("key", ["medium", "commercial", "published", "permissions", "excerpt", "modified"])
def test_the_metadata_model_reads_an_empty_field_as_check_does(key):
    """``Metadata.model_validate`` (the README's way to validate a CMS's dict up front) refused "" that check()
    reads as unset, with pydantic's error: every form with an untouched field was blocked."""
    import reprint_guard

    data = {**COMPLIANT_META, key: ""}
    model = reprint_guard.Metadata.model_validate(data)
    assert model == reprint_guard.Metadata.model_validate({k: v for k, v in data.items() if k != key})
    assert reprint_guard.check(COMPLIANT_BODY, data).ok


@pytest.mark.parametrize("author", [["Ana Ruiz", None, "Li Wei"], "Ana Ruiz &amp; Li Wei", ["Ana Ruiz", "Li&#32;Wei"]])
def test_a_cms_list_of_authors_with_a_deleted_user_or_html_escaped_names_is_read_as_the_page_shows(author):
    """A many-to-many author field with a deleted user gave None in the list, an error ("not a list of
    values"); a name stored HTML-escaped ("Ana Ruiz &amp; Li Wei") was looked for as "Ana Ruiz &amp"."""
    import reprint_guard

    body = (
        '<p>By Ana Ruiz and Li Wei. This story was originally published by <a href="https://www.propublica.org/'
        'article/x">ProPublica</a>.</p>'
    )
    meta = {"original_url": "https://www.propublica.org/article/x", "commercial": False, "author": author}
    result = reprint_guard.check(body, meta, format="html")
    assert "propublica/credit-author" not in {f.rule for f in result.findings}, result.findings


def test_the_library_names_no_command_line_option_in_its_errors_and_fixes():
    """An unknown policy passed as policy= (or to load_policy, credit) and an unknown publisher's fix spoke of
    "--rules-dir DIR" and "--policy FILE" to a CMS, which has neither."""
    import reprint_guard

    calls = [
        lambda: reprint_guard.check("x", {"original_url": "https://x.example/a"}, policy="nope"),
        lambda: reprint_guard.load_policy("nope"),
        lambda: reprint_guard.credit({"original_url": "https://x.example/a", "author": "A"}, policy="nope"),
    ]
    for call in calls:
        with pytest.raises(reprint_guard.PolicyError) as raised:
            call()
        assert "rules_dirs=[...]" in str(raised.value) and "--rules-dir" not in str(raised.value)
    (unknown,) = reprint_guard.check("<p>x</p>", {"original_url": "https://harbour.example/a"}, format="html").findings
    assert "rules_dirs=[...]" in unknown.fix and "--" not in unknown.fix, unknown.fix


def test_an_unknown_policy_in_a_dicts_metadata_is_told_at_its_field_in_the_librarys_terms():
    """A dict has no line 1, and a library caller has no --rules-dir: the error said both."""
    import reprint_guard

    with pytest.raises(reprint_guard.PolicyError) as raised:
        reprint_guard.check("x", {"policy": "nope"})
    error = raised.value
    assert error.field == "policy" and error.line is None and error.column is None
    assert "rules_dirs=[...]" in str(error) and "--rules-dir" not in str(error)


def test_a_policy_held_as_text_is_parsed_checked_against_and_told_at_its_lines():
    """A CMS keeps its agreements in a database: a policy had to be written to a temporary file first."""
    import reprint_guard

    text = (
        "id: harbor-herald\nname: Harbor Herald terms\npublisher: Harbor Herald\n"
        "source_url: https://harbor.example/terms\napplies_to: [harbor.example]\nrules:\n"
        "  - id: credit\n    check: attribution\n    names: [Harbor Herald]\n    message: Credit the Harbor Herald\n"
    )
    policy = reprint_guard.parse_policy(text)
    meta = {"original_url": "https://harbor.example/a"}
    assert [f.rule for f in reprint_guard.check("The gulls.", meta, policy=policy).findings] == ["harbor-herald/credit"]
    assert reprint_guard.check("The gulls. First published by Harbor Herald.", meta, policy=policy).ok
    child = reprint_guard.parse_policy(
        "id: my-cc\nname: M\npublisher: M\nsource_url: https://m.example/t\nextends: cc-by-4.0\nrules: []\n"
    )
    assert {rule.id for rule in child.rules} >= {"credit-author", "license", "link-original"}
    with pytest.raises(reprint_guard.PolicyError) as raised:
        reprint_guard.parse_policy(text.replace("check: attribution", "check: atribution"), name="db:policies/7")
    assert str(raised.value).startswith("db:policies/7:8:5: rule 'credit', field 'check': unknown check type")
    with pytest.raises(reprint_guard.PolicyError, match="aliases"):
        reprint_guard.parse_policy("id: &a x\nname: *a\n")
    with pytest.raises(reprint_guard.PolicyError, match=r"in a loop: cc-base-4\.0 -> cc-by-4\.0 -> cc-base-4\.0"):
        reprint_guard.parse_policy(  # a bundled id taken over, extending a bundled policy that extends it
            "id: cc-base-4.0\nname: X\npublisher: X\nsource_url: https://x.example\nextends: cc-by-4.0\nrules: []\n"
        )
    with pytest.raises(reprint_guard.PolicyError, match=r"^<policy>:6:1: the policy has no rules"):
        reprint_guard.parse_policy(text.split("rules:")[0] + "rules: []\n")
    with pytest.raises(reprint_guard.UsageError):
        reprint_guard.parse_policy(None)  # type: ignore[arg-type]


def test_a_policy_held_as_text_is_checked_as_given_with_a_config_too(tmp_path, monkeypatch):
    """With ``config=`` as well, the parsed policy was thrown away and its label looked up again: "policy file
    not found" for a database's name, and a file of that name on disk checked instead of the policy given."""
    import reprint_guard

    text = (
        "id: tenant\nname: Tenant\npublisher: Tenant News\napplies_to: [tenant.example]\n"
        "source_url: https://tenant.example/terms\nrules:\n"
        "  - {id: credit, check: attribution, message: not credited, names: [Tenant News]}\n"
    )
    monkeypatch.chdir(tmp_path)
    (tmp_path / "policy.yaml").write_text(text.replace("[Tenant News]", "[Someone Else]"), encoding="utf-8")
    meta = {"original_url": "https://tenant.example/x"}
    config = {"defaults": {"medium": "web"}}
    for name in ("db:policy/7", "policy.yaml", "tenant"):
        policy = reprint_guard.parse_policy(text, name=name)
        assert reprint_guard.check("By Tenant News.", meta, policy=policy, config=config).ok, name
        failed = reprint_guard.check("By Someone Else.", meta, policy=policy, config=config)
        assert [f.rule for f in failed.findings] == ["tenant/credit"], name
        page = "---\noriginal_url: https://tenant.example/x\n---\nBy Tenant News.\n"
        assert reprint_guard.check_text(page, policy=policy, config=config).ok, name


def test_a_name_with_a_lone_surrogate_gives_an_error_that_can_be_printed():
    import reprint_guard

    with pytest.raises(reprint_guard.PolicyError) as raised:
        reprint_guard.parse_policy("x: [", name="p\ud800")
    assert str(raised.value).encode("utf-8").startswith("p\ufffd:1:".encode())
    with pytest.raises(reprint_guard.InputError) as raised:
        reprint_guard.check_text('{"metadata": ', path="p\ud800.json")
    assert str(raised.value).encode("utf-8").startswith("p\ufffd.json:".encode())


def _settle(folder: Path) -> None:
    """Date a folder's last change a minute back, as a site's folders are when a check runs."""
    past = os.stat(folder).st_mtime - 60
    os.utime(folder, (past, past))


def test_a_folder_without_sidecars_is_listed_once_and_a_sidecar_added_later_is_read(tmp_path, monkeypatch):
    from reprint_guard.readers import folders
    from reprint_guard.readers.folders import forget, may_hold_sidecars

    forget()
    # Settled at once: a folder's change time (ctime) is now, and no program can date it back.
    monkeypatch.setattr(folders, "_SETTLED_NS", 0)
    for name in ("a", "b"):
        (tmp_path / f"{name}.md").write_text(markdown(COMPLIANT_META, COMPLIANT_BODY), encoding="utf-8")
    _settle(tmp_path)
    folder = str(tmp_path)
    assert may_hold_sidecars(folder, (".meta.yaml",))  # first asked: not listed, the files are looked up
    assert not may_hold_sidecars(folder, (".meta.yaml",))  # asked again, settled: one listing says none
    assert check_file(tmp_path / "a.md").ok and check_file(tmp_path / "b.md").ok
    # A sidecar added afterwards changes the folder: it is seen at once, and its metadata read (replacing the
    # front matter's commercial: false, which is told).
    (tmp_path / "b.meta.yaml").write_text("commercial: true\n", encoding="utf-8")
    assert [f.rule for f in check_file(tmp_path / "b.md").findings] == [
        "global-research/commercial-permission",
        "reprint-guard/conflicting-keys",
    ]
    # Listed again once settled, the folder now holds one (its suffix in any case, as a
    # case-insensitive file system finds it).
    (tmp_path / "b.meta.yaml").rename(tmp_path / "b.META.YAML")
    _settle(tmp_path)
    assert may_hold_sidecars(folder, (".meta.yaml",))
    assert may_hold_sidecars(folder, (".meta.yaml",))


def test_a_folder_changed_just_now_is_not_trusted_to_a_listing(tmp_path):
    from reprint_guard.readers.folders import forget, may_hold_sidecars

    forget()
    (tmp_path / "a.md").write_text("text", encoding="utf-8")
    folder = str(tmp_path)
    # Changed within the last seconds: a sidecar added within the same clock tick could leave its time as it
    # is, so every question is answered by looking the files up.
    assert may_hold_sidecars(folder, (".meta.yaml",))
    assert may_hold_sidecars(folder, (".meta.yaml",))
    assert may_hold_sidecars(str(tmp_path / "no-such-folder"), (".meta.yaml",))


@pytest.mark.parametrize("fence", ["yaml", "toml"])
def test_a_key_under_hugos_params_is_placed_at_its_own_line(tmp_path, fence):
    """Hugo keeps a page's own fields under ``params:``: a finding about one stood at the ``params:`` line,
    then at the key's line but its first column."""
    if fence == "yaml":
        front = (
            "---\ntitle: Harbour\nauthor: Ana Ruiz\nparams:\n"
            f"  original_url: {GR_URL}\n  medium: web\n  commercial: true\n---\n"
        )
    else:
        front = (
            '+++\ntitle = "Harbour"\nauthor = "Ana Ruiz"\n[params]\n'
            f'original_url = "{GR_URL}"\nmedium = "web"\ncommercial = true\n+++\n'
        )
    page = tmp_path / "a.md"
    page.write_text(front + COMPLIANT_BODY, encoding="utf-8")
    [finding] = check_file(page).findings
    # At the key itself: indented under YAML's params:, at the line's start in TOML's table.
    where = (7, 3) if fence == "yaml" else (7, 1)
    assert (finding.rule, finding.line, finding.column) == ("global-research/commercial-permission", *where)


def test_a_pretty_printed_html_body_read_as_markdown_says_so_in_its_fixes():
    """A CMS's HTML body passed with the default format: Markdown reads its indented lines as code, and the
    credit there was "not visible" with no word of why. Read as HTML (or auto), it passes."""
    from reprint_guard import check

    body = (
        f'<div class="entry">\n\n    <p>The original source of this article is <a href="{GR_URL}">Global '
        "Research</a>.</p>\n\n    <p>Copyright © Ana Ruiz, Global Research, 2024</p>\n</div>\n"
    )
    findings = check(body, COMPLIANT_META).findings
    assert findings and all("The body is HTML: pass format='html' (or 'auto')" in (f.fix or "") for f in findings)
    assert check(body, COMPLIANT_META, format="auto").findings == []
    assert check(body, COMPLIANT_META, format="html").findings == []
    plain = check("Text.\n", COMPLIANT_META).findings  # Markdown indeed: no such word
    assert plain and not any("The body is HTML" in (f.fix or "") for f in plain)


def test_a_json_envelopes_format_is_read_blind_to_case(tmp_path):
    """A CMS's "HTML" was refused, while "Print" was taken for print."""
    body = (  # pretty-printed: read as Markdown, its indented lines would be code
        f'<div>\n\n    <p>The original source of this article is <a href="{GR_URL}">Global Research</a>.</p>\n\n'
        "    <p>Copyright © Ana Ruiz, Global Research, 2024</p>\n</div>\n"
    )
    page = tmp_path / "a.json"
    for said, passes in (("HTML", True), (" Html ", True), ("markdown", False)):
        page.write_text(json.dumps({"metadata": COMPLIANT_META, "body": body, "format": said}), encoding="utf-8")
        assert check_file(page).ok is passes, said


def test_markdown_inside_an_html_block_marked_so_is_set_apart_for_commonmark():
    """kramdown's markdown="1": the block's content is set apart by blank lines (CommonMark then reads it),
    an element of its name inside counted; a tag inside a paragraph, or never closed, is left as it is."""
    from reprint_guard.readers.markdown import markdown_in_html_blocks, render

    text = '<div markdown="1">\n[A](https://a.example)\n<div>inner</div>\n</div>\n\nAfter.\n'
    rendered = render(markdown_in_html_blocks(text))
    assert '<a href="https://a.example">A</a>' in rendered and "<div>inner</div>" in rendered
    assert rendered.rstrip().endswith("<p>After.</p>")
    for left in ('a <span markdown="1">[x](y)</span> b\n', '<div markdown="1">\n[x](y)\n', "<div>\n[x](y)\n</div>\n"):
        assert markdown_in_html_blocks(left) == left
    # Nested thousands deep: one pass with a stack (a recursion per level overflowed), each level set apart.
    nested = '<div markdown="1">\n' * 3000 + "[x](y)\n" + "</div>\n" * 3000
    assert markdown_in_html_blocks(nested).count("\n\n") == 6000
    # An element left open inside a marked one ends with it: the marked one is still set apart.
    open_inside = '<div markdown="1">\n<span>\n[A](https://a.example)\n</div>\n'
    assert (
        markdown_in_html_blocks(open_inside) == '<div markdown="1">\n\n\n<span>\n[A](https://a.example)\n\n\n</div>\n'
    )


def test_a_folder_made_anew_with_the_old_ones_time_is_listed_anew(tmp_path, monkeypatch):
    """A deploy extracting a tarball replaces a folder with one of the same modification time (and, often,
    inode): its new sidecar was missed in a long-running process. Its change time is new, and counts."""
    import shutil

    from reprint_guard.readers import folders
    from reprint_guard.readers.folders import forget

    forget()
    monkeypatch.setattr(folders, "_SETTLED_NS", 0)  # listed when asked twice, however fresh
    folder = tmp_path / "d"

    def make(sidecar: bool) -> None:
        folder.mkdir()
        (folder / "a.md").write_text("Text.\n", encoding="utf-8")
        if sidecar:
            (folder / "a.md.meta.yaml").write_text(f"original_url: {GR_URL}\n", encoding="utf-8")
        os.utime(folder, (1_700_000_000, 1_700_000_000))  # as tar sets it: the archive's time

    make(sidecar=False)
    assert check_file(folder / "a.md").status == "skipped"
    assert check_file(folder / "a.md").status == "skipped"  # asked twice: listed, no sidecar in it
    shutil.rmtree(folder)
    make(sidecar=True)
    assert check_file(folder / "a.md").policy == "global-research"


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("flase", "'flase' is not true or false"),
        ("2026-01-01", "'2026-01-01' is not true or false"),  # as the file writes it, not Python's date(...)
        ("[" + ", ".join(["true"] * 20_000) + "]", "a list is not true or false"),  # not 120 KB of it
        ("{a: 1}", "a mapping is not true or false"),
    ],
)
def test_a_true_or_false_keys_bad_value_is_said_as_written_and_short(tmp_path, value, said):
    from reprint_guard.readers import read_file

    page = tmp_path / "b.md"
    head = "---\ntitle: M\nauthor: M O\noriginal_url: https://www.propublica.org/article/x\n"
    page.write_text(f"{head}commercial: {value}\n---\nT.\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_file(page)
    assert said in raised.value.message and len(raised.value.message) < 200, raised.value.message[:300]


def test_ghosts_json_of_a_republished_post_is_an_error_in_a_walk_not_passed_over(tmp_path, cli):
    """Ghost marks a post republished from elsewhere with its ``canonical_url``: its export, or a post as its
    API gives it, was skipped as somebody else's JSON, so the reprint passed unchecked. It is told how to wrap
    it, at the canonical_url; the site's own posts (no canonical_url, or one on its own site) are passed over."""
    import json

    post = {
        "title": "Groundwater bill advances",
        "html": "<p>Lawmakers advanced a bill.</p>",
        "lexical": "{}",
        "canonical_url": "https://calmatters.org/environment/2026/10/groundwater/",
    }
    export = {"db": [{"meta": {"version": "5.96.0"}, "data": {"posts": [post, {**post, "canonical_url": None}]}}]}
    (tmp_path / "ghost").mkdir()
    (tmp_path / "ghost" / "export.json").write_text(json.dumps(export, indent=1), encoding="utf-8")
    api = {"posts": [{**post, "uuid": "u1", "url": "https://our.example/groundwater/"}]}
    (tmp_path / "ghost" / "api.json").write_text(json.dumps(api), encoding="utf-8")
    own = {
        "posts": [{**post, "uuid": "u2", "url": "https://our.example/x/", "canonical_url": "https://our.example/x/"}]
    }
    (tmp_path / "ghost" / "own.json").write_text(json.dumps(own), encoding="utf-8")
    run = cli("check", "ghost", "--format", "json", cwd=tmp_path)
    assert run.code == 2
    results = {r["path"].rsplit("/", 1)[-1]: r for r in run.json()["results"]}
    assert results["own.json"]["status"] == "skipped" and "Ghost" in results["own.json"]["reason"]
    for name in ("export.json", "api.json"):
        error = results[name]
        assert error["status"] == "error" and "a Ghost post" in error["error"], error
        assert "not an envelope" in error["error"]
        assert "with its canonical_url as original_url" in error["error"]
    written = (tmp_path / "ghost" / "export.json").read_text(encoding="utf-8").splitlines()
    at = results["export.json"]["error_line"]  # its canonical_url, as the export writes it
    assert '"canonical_url": "https://calmatters.org' in written[at - 1]
    assert '"Groundwater bill advances"' in results["export.json"]["error"]  # the post named
    assert "republished posts here" not in results["export.json"]["error"]  # one of its two is


def test_ghosts_own_posts_are_passed_over_and_a_republished_one_is_told_at_its_own_key(tmp_path, cli):
    """A canonical_url without a host (a path, or the site's own address as an export writes it,
    ``__GHOST_URL__/...``) crashed the walk; a republished post was told at the first post's canonical_url,
    and all the posts were counted."""
    import json

    own = [
        {"id": "1", "uuid": "u1", "html": "<p>x</p>", "lexical": "{}", "canonical_url": url}
        for url in ("/other/", "__GHOST_URL__/other-post/", None, "", "http://[::1")
    ]
    (tmp_path / "own.json").write_text(json.dumps({"db": [{"data": {"posts": own}}]}), encoding="utf-8")
    posts = [
        {"id": "1", "uuid": "u1", "html": "<p>x</p>", "url": "https://myblog.example/a/", "canonical_url": None},
        {
            "id": "2",
            "title": "Heat",
            "html": "<p>y</p>",
            "url": "https://myblog.example/b/",
            "canonical_url": "https://grist.org/climate/x/",
        },
        {"id": "3", "uuid": "u3", "html": "<p>z</p>", "canonical_url": "https://grist.org/climate/y/"},
    ]
    (tmp_path / "api.json").write_text(json.dumps({"posts": posts}, indent=1), encoding="utf-8")
    (tmp_path / "pages.json").write_text(json.dumps({"pages": posts[1:2]}), encoding="utf-8")  # Ghost's pages
    run = cli("check", ".", "--format", "json", "--no-config", cwd=tmp_path)
    assert "Traceback" not in run.err and "internal error" not in run.out
    results = {r["path"].rsplit("/", 1)[-1]: r for r in run.json()["results"]}
    assert results["own.json"]["status"] == "skipped"
    error = results["api.json"]
    assert error["status"] == "error" and 'a Ghost post "Heat", not an envelope' in error["error"]
    assert "(2 republished posts here: one envelope each)" in error["error"]
    written = (tmp_path / "api.json").read_text(encoding="utf-8").splitlines()
    assert '"canonical_url": "https://grist.org/climate/x/"' in written[error["error_line"] - 1]
    assert results["pages.json"]["status"] == "error"


def test_a_json_envelopes_metadata_finding_stands_at_its_key_in_the_metadata(tmp_path):
    """A metadata finding was placed at the first '"key":' anywhere in the file: a CMS's own "cms" object
    before the metadata, or an "original_url" inside a permission record, took it; Jackson's '"key" : value'
    fell back to the word anywhere (a tag's "sponsored")."""
    text = (
        '{\n  "cms": {"id": 812, "sponsored": "unknown", "original_url": "n/a"},\n'
        '  "tags" : [ "sponsored" ],\n'
        '  "body": "<p>Water bills rose.</p>",\n  "format": "html",\n'
        '  "metadata" : {\n'
        '    "permissions": [{"from": "rights@propublica.org", "date": "2025-01-01", "scope": ["print"],\n'
        '                     "original_url": "https://www.propublica.org/"}],\n'
        '    "title": "Water Bills",\n'
        '    "original_url" : "https://www.propublica.org/",\n'
        '    "sponsored" : true\n  }\n}\n'
    )
    path = tmp_path / "story.json"
    path.write_text(text, encoding="utf-8")
    findings = {f.rule: f for f in check_file(path).findings}
    assert (findings["propublica/no-sponsorship"].line, findings["propublica/no-sponsorship"].column) == (11, 5)
    home = findings["reprint-guard/home-page-original"]
    assert (home.line, home.column) == (10, 5)


@pytest.mark.parametrize("declared", [None, "auto", "AUTO"])
def test_an_envelope_without_a_format_reads_an_html_body_as_html(tmp_path, declared):
    """An envelope with no "format" was read as Markdown: a pretty-printed HTML body's indented lines were code,
    and its credit "in the file, but not shown"; "format": "auto", which the library takes, was refused."""
    body = (
        "<div>\n    <p>Water bills rose again.</p>\n\n"
        "    <p>The original source of this article is "
        f'<a href="{GR_URL}">Global Research</a>.</p>\n\n'
        "    <p>Copyright © Ana Ruiz, Global Research, 2025</p>\n</div>\n"
    )
    meta = {**{k: v for k, v in COMPLIANT_META.items() if k != "author"}, "author": "Ana Ruiz"}
    envelope = {"metadata": meta, "body": body, **({"format": declared} if declared else {})}
    path = tmp_path / "story.json"
    path.write_text(json.dumps(envelope, default=str, indent=2), encoding="utf-8")
    assert [f.rule for f in check_file(path).findings] == []
    # A Markdown body is still read as Markdown: its credit in a code block is not shown.
    envelope["body"] = "Water bills rose.\n\n    The original source of this article is Global Research\n"
    path.write_text(json.dumps(envelope, default=str), encoding="utf-8")
    assert "global-research/source-credit" in [f.rule for f in check_file(path).findings]


def test_the_library_refuses_what_would_let_a_reprint_pass_unchecked():
    """A CMS developer's review: a permission naming another article as a list or a number counted for this
    one; ``inline_suppressions="false"`` (a form's or an environment's string) turned the gate off; a body over
    5 MiB raised InputError, not the documented TooLargeError; and a whole JSON envelope passed as the body
    (or its Python repr to check_text) was the outlet's own article, skipped with ok=True."""
    import json

    import reprint_guard

    body = (
        "The original source of this article is [Global Research](https://www.globalresearch.ca/r/1). "
        "Copyright © Ana Ruiz, Global Research, 2025"
    )
    meta = {"original_url": "https://www.globalresearch.ca/r/1", "author": "Ana Ruiz", "commercial": True}
    grant = {"from": "publications@globalresearch.ca", "scope": ["commercial"], "date": "2025-01-01"}
    for other in (["https://www.globalresearch.ca/other/9"], 42):
        with pytest.raises(reprint_guard.InputError, match="'original_url' must be the address of the article") as e:
            reprint_guard.check(body, {**meta, "permissions": [{**grant, "original_url": other}]})
        assert e.value.field == "permissions.0"
    assert not reprint_guard.check(
        body, {**meta, "permissions": [{**grant, "original_url": "https://www.globalresearch.ca/other/9"}]}
    ).ok
    assert reprint_guard.check(
        body, {**meta, "permissions": [{**grant, "article": "https://globalresearch.ca/r/1"}]}
    ).ok
    gated = body + '\n\n<!-- reprint-guard: ignore global-research/commercial-permission reason="ok" -->\n'
    assert not reprint_guard.check(gated, meta, inline_suppressions=False).ok
    for call in (reprint_guard.check, lambda *a, **k: reprint_guard.check_text("Story.", **k)):
        with pytest.raises(reprint_guard.UsageError, match="inline_suppressions must be True or False, not 'false'"):
            call(gated, meta, inline_suppressions="false")
    with pytest.raises(reprint_guard.TooLargeError):
        reprint_guard.check("a" * (5 * 2**20 + 1), {})
    envelope = {"metadata": {"original_url": "https://www.propublica.org/article/x", "sold": True}, "body": "Story."}
    for whole in (json.dumps(envelope), str(envelope)):
        with pytest.raises(reprint_guard.UsageError, match="the body is a whole JSON envelope"):
            reprint_guard.check(whole, {})
    with pytest.raises(reprint_guard.UsageError, match=r"not JSON: pass json\.dumps"):
        reprint_guard.check_text(str(envelope))
    quoting = '{{< figure src="a.jpg" >}}\n\nAn example:\n\n```json\n{"metadata": {"a": 1}, "body": "x"}\n```\n'
    assert reprint_guard.check(quoting, {}).status == "skipped"  # a Markdown body quoting one is no envelope
    assert reprint_guard.check_text(json.dumps(envelope)).status == "fail"


def test_json_that_is_no_article_is_refused_as_a_body_and_a_list_of_envelopes_is_not_markdown(tmp_path, cli):
    """A CMS developer's review: ``check_text`` of a list of envelopes (a batch export) or of WordPress posts read
    it as Markdown, no reprint, and it passed, as did the CLI on standard input (exit 0); ``check()`` of a
    rich-text editor's JSON tree or a whole WordPress post read the JSON as Markdown and gave findings about
    JSON-escaped text. Each is refused now, saying what to pass instead."""
    import reprint_guard

    example = ROOT / "examples" / "global-research" / "json" / "no-commercial-permission.json"
    envelope = json.loads(example.read_text(encoding="utf-8"))
    assert reprint_guard.check_text(json.dumps(envelope)).status == "fail"
    for listed in (json.dumps([envelope]), json.dumps([envelope, envelope], indent=2)):
        with pytest.raises(reprint_guard.InputError, match=r"a list of \d envelopes?, not an envelope"):
            reprint_guard.check_text(listed)
    run = cli("check", "-", stdin=json.dumps([envelope]))
    assert run.code == 2 and "<stdin>:1:1: a list of 1 envelope, not an envelope" in run.err + run.out, run.err
    post = {"id": 7, "content": {"rendered": "<p>Story.</p>"}, "meta": {"original_url": GR_URL}}
    with pytest.raises(reprint_guard.InputError, match="a WordPress REST API post"):
        reprint_guard.check_text(json.dumps([post]))
    # A Markdown body opening with a link is Markdown still, on standard input too.
    assert reprint_guard.check_text("[Harbour](https://example.org/h) cafes closed.\n").status == "skipped"
    meta = {"author": "Ana Ruiz", "original_url": GR_URL, "commercial": False}
    rich = {"nodeType": "document", "content": [{"nodeType": "paragraph", "content": []}]}
    for body, said in [
        (json.dumps(rich), "a rich-text document as JSON"),
        (json.dumps(post), "a WordPress REST API post as JSON, not the article's text: pass its content.rendered"),
        (json.dumps([post]), "a list of JSON objects"),
        ('{"title": "Harbour"}', "a JSON object"),
    ]:
        for format in ("markdown", "html", "auto"):
            with pytest.raises(reprint_guard.UsageError, match=said):
                reprint_guard.check(body, meta, format=format)
    assert reprint_guard.check(json.dumps(rich), meta, format="text").status == "fail"  # text is text
    assert reprint_guard.check("[Global Research](https://example.org) {not json}", meta).status == "fail"


def test_what_is_derived_from_policies_stays_bounded_however_many_a_process_checks(monkeypatch):
    """A CMS parsing its tenants' policies one by one kept each one's plan and patterns for good: 8-20 KB a
    policy id, without end. Each cache keeps the last MAX_DERIVED policies."""
    import reprint_guard
    from reprint_guard.engine import _PLANS
    from reprint_guard.policy import model

    monkeypatch.setattr(model, "MAX_DERIVED", 8)
    text = (
        "id: ID\nname: T\npublisher: ProPublica\nsource_url: https://t.example/\nextends: propublica\n"
        "applies_to: [propublica.org]\nrules: []\n"
    )
    meta = {"original_url": "https://www.propublica.org/article/x", "author": "A B"}
    for number in range(20):
        policy = reprint_guard.parse_policy(text.replace("ID", f"tenant-{number}"))
        assert reprint_guard.check("Story.", meta, policy=policy).policy == f"tenant-{number}"
    assert len(_PLANS) <= 8 and "tenant-19" in _PLANS


def test_a_second_sidecar_is_refused_not_passed_over(tmp_path, cli):
    """p.meta.yaml and p.meta.yml both beside p.html: the second was silently ignored, and with it a
    'commercial: true' that would fail the check."""
    page = (ROOT / "examples" / "global-research" / "html" / "compliant.html").read_text(encoding="utf-8")
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    (tmp_path / "p.meta.yaml").write_text("original_published: 2025-02-14\ncommercial: false\n", encoding="utf-8")
    (tmp_path / "p.meta.yml").write_text("commercial: true\n", encoding="utf-8")
    run = cli("check", "--no-config", str(tmp_path))
    assert run.code == 2 and "two metadata sidecars for one article" in run.out, run.out
    (tmp_path / "p.meta.yml").unlink()
    (tmp_path / "p.html.meta.yaml").write_text("original_published: 2025-02-14\ncommercial: true\n", "utf-8")
    assert cli("check", "--no-config", str(tmp_path)).code == 2  # its own and the shared one: which is meant?
    (tmp_path / "p.md").write_text(
        (ROOT / "examples" / "global-research" / "markdown" / "compliant.md").read_text(encoding="utf-8"), "utf-8"
    )
    (tmp_path / "p.html.meta.yaml").write_text("original_published: 2025-02-14\ncommercial: false\n", "utf-8")
    assert cli("check", "--no-config", str(tmp_path)).code == 0  # p.meta.yaml is p.md's too: each has its own


def test_an_empty_entry_in_a_list_of_records_is_named_as_such(tmp_path, cli):
    """A CMS developer's review: ``[None, {...}]`` was "not a value"; an empty YAML list item is null too."""
    import reprint_guard

    with pytest.raises(InputError, match=r"'permissions\.0': should be a permission record .* not an empty entry"):
        reprint_guard.check("x", {"original_url": GR_URL, "permissions": [None, {"from": "a@example.org"}]})
    page = tmp_path / "n.md"
    page.write_text(f"---\noriginal_url: {GR_URL}\npermissions:\n  -\n  - from: a@example.org\n---\nText.\n")
    run = cli("check", str(page))
    assert run.code == 2 and "n.md:4:4: metadata 'permissions.0'" in run.out + run.err, run.out + run.err
    assert "not an empty entry (null)" in run.out + run.err
