"""A Hugo and Jekyll site developer's review of how a page's body is read: Liquid in a Jekyll image's address,
a raw-HTML shortcode's photo on a site that leaves raw HTML out, a fix writing a link into a shortcode's
argument, Jekyll's {{ page.X }} in a Hugo page, and the site's own time zone for its dates."""

from __future__ import annotations

from pathlib import Path

GRIST_URL = "https://grist.org/science/creek-restoration-trout-return/"
GRIST_CREDIT = f"*This story was originally published by [Grist]({GRIST_URL}).*"
GR_URL = "https://www.globalresearch.ca/harbour-towns-quota-shift/5890011"


def _liquid_credit_page(root: Path, front: str) -> Path:
    (root / ".reprint-guard.yaml").write_text(
        "front-matter:\n  canonicalURL: original_url\n  authors: author\ndefaults:\n  commercial: false\n"
        'own-hosts: ["valleyledger.example"]\n',
        encoding="utf-8",
    )
    page = root / "content" / "harbour.md"
    page.parent.mkdir(exist_ok=True)
    page.write_text(
        f"{front}\nBoat owners along the north coast met in a church hall on Tuesday.\n\n"
        "*The original source of this article is [Global Research]({{ page.canonicalURL }}).*\n\n"
        "Copyright © Tomas Brenner, Global Research, 2026\n",
        encoding="utf-8",
    )
    return page


def test_jekylls_page_value_in_a_hugo_page_is_no_link(tmp_path: Path, cli) -> None:
    """Hugo does not template its content: `({{ page.canonicalURL }})` in a page with TOML (or JSON) front
    matter is the text a reader sees, no link to the original."""
    for front in (
        f'+++\ntitle = "Harbour towns"\ncanonicalURL = "{GR_URL}"\nauthors = ["Tomas Brenner"]\n+++\n',
        f'{{\n  "title": "Harbour towns",\n  "canonicalURL": "{GR_URL}",\n  "authors": ["Tomas Brenner"]\n}}\n',
    ):
        _liquid_credit_page(tmp_path, front)
        run = cli("check", "content/harbour.md", cwd=tmp_path)
        assert run.code == 1, run.out
        assert "global-research/link-original" in run.out
        assert "  9:42 " in run.out or "  10:42 " in run.out or "  11:42 " in run.out, run.out


def test_jekylls_page_value_in_a_jekyll_page_is_still_its_value(tmp_path: Path, cli) -> None:
    _liquid_credit_page(tmp_path, f"---\ntitle: Harbour towns\ncanonicalURL: {GR_URL}\nauthors: [Tomas Brenner]\n---\n")
    run = cli("check", "content/harbour.md", cwd=tmp_path)
    assert run.code == 0, run.out


def test_a_hugo_page_calling_a_shortcode_reads_no_liquid(tmp_path: Path, cli) -> None:
    """YAML front matter is Hugo's too: a page that calls Hugo's shortcodes is Hugo's, and no Liquid is run."""
    page = _liquid_credit_page(
        tmp_path, f"---\ntitle: Harbour towns\ncanonicalURL: {GR_URL}\nauthors: [Tomas Brenner]\n---\n"
    )
    page.write_text(page.read_text("utf-8") + '\n{{< figure src="/img/boats.png" >}}\n', encoding="utf-8")
    run = cli("check", "content/harbour.md", cwd=tmp_path)
    assert run.code == 1 and "global-research/link-original" in run.out, run.out
