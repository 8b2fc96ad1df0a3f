"""A page's ``<base href>`` leads its relative links; a stray end tag the parser drops parts no words; two
spellings of one site key mapped onto two keys are refused; ``find_bare_urls`` is public.

Real files through the real command line (``python -m reprint_guard``), and the library's ``check``.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import cpu_seconds, run_cli, write
from reprint_guard import check
from reprint_guard.visible import from_html

ORIGINAL = "https://www.propublica.org/article/some-story"
META = {"original_url": ORIGINAL, "author": "Jane Doe"}
SIDECAR = f"original_url: {ORIGINAL}\nauthor: Jane Doe\n"
LINK_RULE = "propublica/link-original"
CREDIT_RULE = "propublica/credit-line"


def page(head: str, body: str) -> str:
    return f"<!DOCTYPE html>\n<html><head>{head}<title>Ospreys</title></head>\n<body>\n{body}\n</body></html>\n"


def credit(href: str) -> str:
    return f'<p>This story was originally published by <a href="{href}">ProPublica</a>.</p>'


STORY = "<p>By Jane Doe. Ospreys came back to the river this spring.</p>"
BASE = '<base href="https://www.propublica.org/">'


def reprint(tmp_path: Path, html: str, name: str = "reprint.html") -> Path:
    write(tmp_path / name.replace(".html", ".meta.yaml"), SIDECAR)
    return write(tmp_path / name, html)


def findings(run) -> list[dict]:
    return [f for file in run.json()["results"] for f in file["findings"]]


def rules_of(run) -> set[str]:
    return {f["rule"] for f in findings(run)}


# --- <base href> -----------------------------------------------------------------------------------------


def test_a_relative_link_under_the_pages_base_is_the_link_to_the_original(tmp_path):
    path = reprint(tmp_path, page(BASE, f"{STORY}\n{credit('article/some-story')}"))
    run = run_cli("check", "--no-config", "--format", "json", str(path), cwd=tmp_path)
    assert LINK_RULE not in rules_of(run), run.out
    assert run.code == 0, run.out  # what is left are warnings (the licence, the pixel)
    result = check(path.read_text(encoding="utf-8"), META, format="html", policy="propublica")
    assert LINK_RULE not in {f.rule for f in result.findings}


def test_without_the_base_the_same_relative_link_leads_nowhere(tmp_path):
    path = reprint(tmp_path, page("", f"{STORY}\n{credit('article/some-story')}"))
    run = run_cli("check", "--no-config", "--format", "json", str(path), cwd=tmp_path)
    assert LINK_RULE in rules_of(run) and run.code == 1, run.out


def test_only_the_first_base_with_an_href_counts(tmp_path):
    head = '<base target="_blank"><base href="https://www.propublica.org/"><base href="https://elsewhere.example/">'
    path = reprint(tmp_path, page(head, f"{STORY}\n{credit('article/some-story')}"))
    run = run_cli("check", "--no-config", "--format", "json", str(path), cwd=tmp_path)
    assert LINK_RULE not in rules_of(run), run.out
    head = '<base href="https://elsewhere.example/"><base href="https://www.propublica.org/">'
    path = reprint(tmp_path, page(head, f"{STORY}\n{credit('article/some-story')}"), "second.html")
    run = run_cli("check", "--no-config", "--format", "json", str(path), cwd=tmp_path)
    assert LINK_RULE in rules_of(run), run.out


def test_a_relative_or_scriptlike_base_is_not_applied():
    for base in ('<base href="/news/">', '<base href="javascript:void(0)">', '<base href="data:text/html,x">'):
        visible = from_html(page(base, '<p><a href="article/x">x</a></p>'))
        assert visible.anchors == ["article/x"], base


def test_the_base_resolves_as_a_browser_does_and_the_written_address_is_kept():
    html = page(
        BASE,
        '<p><a href="article/a">a</a> <a href="/about/">b</a> <a href="//cdn.example/x">c</a>'
        ' <a href="#notes">d</a> <a href="https://other.example/y">e</a> <a href="mailto:desk@x.example">f</a></p>',
    )
    visible = from_html(html)
    assert visible.anchors == [
        "https://www.propublica.org/article/a",
        "https://www.propublica.org/about/",
        "https://cdn.example/x",
        "https://www.propublica.org/#notes",
        "https://other.example/y",
        "mailto:desk@x.example",
    ]
    assert visible.written_href("https://www.propublica.org/article/a") == "article/a"
    assert visible.written_href("https://other.example/y") == "https://other.example/y"
    assert [href for _, href in visible.anchor_nodes()][:2] == visible.anchors[:2]
    assert visible.anchor_text("https://www.propublica.org/about/") == "b"


def test_a_base_in_a_hidden_element_still_counts():
    html = page("", f'<div hidden>{BASE}</div><p><a href="article/a">a</a></p>')
    assert from_html(html).anchors == ["https://www.propublica.org/article/a"]


def test_a_markdown_bodys_raw_base_applies_to_its_links():
    said = "This story was originally published by [ProPublica](article/some-story)."
    body = f"{BASE}\n\nBy Jane Doe. Ospreys came back.\n\n{said}\n"
    result = check(body, META, format="markdown", policy="propublica")
    assert LINK_RULE not in {f.rule for f in result.findings}


def test_a_wrong_relative_link_is_told_and_fixed_where_the_source_writes_it(tmp_path):
    html = page(BASE, f"{STORY}\n{credit('article/other-story')}")
    path = reprint(tmp_path, html)
    run = run_cli("check", "--no-config", "--format", "json", str(path), cwd=tmp_path)
    [found] = [f for f in findings(run) if f["rule"] == LINK_RULE]
    line_text = html.splitlines()[found["line"] - 1]
    assert line_text[found["column"] - 1 :].startswith('article/other-story"'), (found, line_text)
    assert "https://www.propublica.org/article/other-story (written article/other-story" in found["message"]
    assert found["fix"] == f"Change the link to article/other-story into one to the original article, {ORIGINAL}."
    fixed = run_cli("check", "--no-config", "--fix", str(path), cwd=tmp_path)
    assert "fixed" in fixed.err and LINK_RULE in fixed.err, (fixed.out, fixed.err)
    text = path.read_text(encoding="utf-8")
    assert f'<a href="{ORIGINAL}">ProPublica</a>' in text and "article/other-story" not in text
    again = run_cli("check", "--no-config", "--format", "json", str(path), cwd=tmp_path)
    assert LINK_RULE not in rules_of(again), again.out


# --- stray end tags ----------------------------------------------------------------------------------------


def test_a_stray_end_tag_the_parser_drops_parts_no_words():
    assert from_html("<p>a</div>b</p>").text == "ab"
    assert from_html("<p>a</DIV >b</p>").text == "ab"
    assert from_html("<table><tr><td>a</div>b</td></tr></table>").text == "ab"  # its <div> outside the cell
    assert from_html("<div>x<p>a</li>b</p></div>").text == "x ab"
    assert from_html("<ul><li>a<li>b</li></li>c</ul>").text == "a b c"  # the second </li> closes nothing


def test_end_tags_that_close_something_or_make_an_element_still_part():
    assert from_html("<div>a</div>b").text == "a b"
    assert from_html("<div><p>a</div>b</p>").text == "a b"  # the </div> closes the paragraph and the div
    assert from_html("<div>a</p>b</div>").text == "a b"  # a stray </p> makes an empty paragraph
    assert from_html("<p>a</br>b</p>").text == "a b"  # and </br> a line break


def test_a_credit_cut_by_a_stray_end_tag_is_read_whole(tmp_path):
    body = f'{STORY}\n<p>This story was originally pub</div>lished by <a href="{ORIGINAL}">ProPublica</a>.</p>'
    path = reprint(tmp_path, page("", body))
    run = run_cli("check", "--no-config", "--format", "json", str(path), cwd=tmp_path)
    assert CREDIT_RULE not in rules_of(run) and LINK_RULE not in rules_of(run), run.out
    assert run.code == 0, run.out
    result = check(body, META, format="html", policy="propublica")
    assert CREDIT_RULE not in {f.rule for f in result.findings}


def test_many_stray_end_tags_before_text_are_read_in_linear_time():
    """Each ``</div>`` before text is modelled (one pass over the tags): 40,000 of them under an <object> (a
    scope's edge, so none closes the <div> outside) are read in a few tenths of a second, not their square."""
    html = "<div><object><p>" + "a</div>" * 40_000 + "</p></object></div>"
    start = cpu_seconds()
    text = from_html(html).text
    assert cpu_seconds() - start < 3.0
    assert text == "a" * 40_000


# --- two spellings of one site key -----------------------------------------------------------------------------


def test_two_spellings_of_one_site_key_mapped_onto_two_keys_are_refused(tmp_path):
    write(tmp_path / "a.md", f"---\noriginal_url: {ORIGINAL}\n---\nBy Jane Doe.\n")
    cases = [
        ("front-matter:\n  canonicalURL: original_url\n  canonicalurl: source\n", "3:3", "canonicalurl"),
        ("front-matter:\n  canonicalURL: original_url\n  params.canonicalURL: source\n", "3:3", "params.canonicalURL"),
        ("front-matter: {Params.SourceURL: original_url, sourceurl: source}\n", "1:48", "sourceurl"),
    ]
    for config, where, second in cases:
        write(tmp_path / ".reprint-guard.yaml", config)
        run = run_cli("check", "a.md", cwd=tmp_path)
        assert run.code == 2, (config, run.out, run.err)
        lines = run.err.strip().splitlines()
        assert len(lines) == 1, run.err
        assert lines[0].startswith(f"reprint-guard: .reprint-guard.yaml:{where}: front-matter.{second}: "), run.err
        assert "are one key to Hugo" in lines[0] and "keep one of the two" in lines[0], run.err


def test_two_spellings_mapped_onto_one_key_are_fine(tmp_path):
    write(tmp_path / "a.md", f"---\ncanonicalurl: {ORIGINAL}\n---\nBy Jane Doe.\n")
    write(
        tmp_path / ".reprint-guard.yaml", "front-matter:\n  canonicalURL: original_url\n  canonicalurl: original_url\n"
    )
    run = run_cli("check", "--format", "json", "a.md", cwd=tmp_path)
    assert run.code in (0, 1), run.err
    assert run.json()["results"][0]["policy"] == "propublica"


def test_two_spellings_are_refused_in_a_pyproject_and_in_a_config_given_as_data(tmp_path):
    write(tmp_path / "a.md", f"---\noriginal_url: {ORIGINAL}\n---\nBy Jane Doe.\n")
    write(
        tmp_path / "pyproject.toml",
        '[tool.reprint-guard.front-matter]\ncanonicalURL = "original_url"\ncanonicalurl = "source"\n',
    )
    run = run_cli("check", "a.md", cwd=tmp_path)
    assert run.code == 2 and "pyproject.toml:3" in run.err and "front-matter.canonicalurl" in run.err, run.err
    try:
        check("By Jane Doe.", META, config={"front-matter": {"canonicalURL": "original_url", "canonicalurl": "source"}})
    except Exception as exc:  # the library's error for a broken config
        assert "are one key to Hugo" in str(exc), exc
        assert type(exc).__name__ == "ConfigError"
    else:
        raise AssertionError("the config was taken")


# --- find_bare_urls --------------------------------------------------------------------------------------------


def test_bare_urls_are_found_by_a_public_name():
    from reprint_guard.visible import find_bare_urls

    assert find_bare_urls("see https://example.org/a and www.example.net.", set) == [
        "https://example.org/a",
        "http://www.example.net",
    ]


def test_the_licence_check_imports_nothing_private_from_visible():
    import reprint_guard.checks.license as license_check

    tree = ast.parse(Path(license_check.__file__).read_text(encoding="utf-8"))
    private = [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("visible")
        for alias in node.names
        if alias.name.startswith("_")
    ]
    assert private == []
