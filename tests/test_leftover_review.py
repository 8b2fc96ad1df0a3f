"""Four defects left from earlier sessions: a credit whose publisher's name is written with a non-breaking
space is linked in place by --fix; explain names what a bundled policy amends when the user replaces its
parent; a bundled policy's disable of a rule the user's parent lacks loads; a front-matter mapping that
cannot mean anything is a config error at its line."""

from __future__ import annotations

import pytest

from conftest import write

KFF_ARTICLE = "https://kffhealthnews.org/news/article/clinics-close/"
KFF_META = f"author: Ana Ruiz\noriginal_url: {KFF_ARTICLE}\ncommercial: false\n"
LICENCE_MD = "[CC BY-NC-ND 4.0](https://creativecommons.org/licenses/by-nc-nd/4.0/)"
LICENCE_HTML = '<a href="https://creativecommons.org/licenses/by-nc-nd/4.0/">CC BY-NC-ND 4.0</a>'


def _kff_page(name: str, spelt: str, line_end: str = "\n") -> str:
    """A KFF Health News reprint whose closing credit names the publisher, spelt so, without the link."""
    if name.endswith(".html"):
        lines = [
            "<p>By Ana Ruiz</p>",
            "<p>Rural clinics are closing across the state.</p>",
            f"<p>This story was first published by {spelt}. It is republished under a {LICENCE_HTML} licence.</p>",
        ]
    else:
        lines = [
            "---",
            *KFF_META.splitlines(),
            "---",
            "",
            "By Ana Ruiz",
            "",
            "Rural clinics are closing across the state.",
            "",
            f"This story was first published by {spelt}. It is republished under a {LICENCE_MD} licence.",
        ]
    return line_end.join(lines) + line_end


@pytest.mark.parametrize(
    ("name", "spelt", "line_end"),
    [
        ("a.md", "KFF\u00a0Health News", "\n"),
        ("a.md", "KFF&nbsp;Health News", "\n"),
        ("a.html", "KFF&nbsp;Health News", "\n"),
        ("a.html", "KFF&#160;Health\u00a0News", "\r\n"),
    ],
)
def test_fix_links_a_credit_whose_name_has_a_non_breaking_space_where_it_stands(tmp_path, cli, name, spelt, line_end):
    """The check reads "KFF&nbsp;Health News" as the name, but --fix looked for it with an ordinary space and
    added a second, whole credit under the one there. The name is linked where it stands, as written, and
    nothing else in the file changes."""
    page = tmp_path / name
    before = _kff_page(name, spelt, line_end).encode("utf-8")
    page.write_bytes(before)
    if name.endswith(".html"):
        write(tmp_path / f"{name}.meta.yaml", KFF_META)
    assert cli("check", str(page)).code == 1
    run = cli("check", str(page), "--fix")
    assert run.code == 0 and "fixed kff-health-news/link-original" in run.err, (run.out, run.err)
    linked = f'<a href="{KFF_ARTICLE}">{spelt}</a>' if name.endswith(".html") else f"[{spelt}]({KFF_ARTICLE})"
    assert page.read_bytes() == before.replace(spelt.encode("utf-8"), linked.encode("utf-8")), page.read_bytes()
    again = cli("check", str(page), "--fix")
    assert again.code == 0 and "fixed" not in again.err, (again.out, again.err)


def test_fix_leaves_the_file_as_it_was_when_it_errors(tmp_path, cli):
    """A reprint --fix cannot read (a bad metadata value) is told with status 2 and not touched."""
    page = tmp_path / "a.md"
    before = _kff_page("a.md", "KFF\u00a0Health News").replace("commercial: false", "commercial: sometimes")
    page.write_bytes(before.encode("utf-8"))
    run = cli("check", str(page), "--fix")
    assert run.code == 2 and "commercial" in run.out + run.err, (run.out, run.err)
    assert page.read_bytes() == before.encode("utf-8")
