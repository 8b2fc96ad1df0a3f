"""What the forty-eighth session's differential testing of h48a's speed cuts found (old and new checked the
same generated reprints through the real CLI): the cuts gave the same findings throughout, and two kinds of
reprint both gave up on (an internal error, exit 2): a picture's "©" naming the holder after another notice's
mark, and code inside code in Markdown. Each through the real CLI."""

from __future__ import annotations

CC_META = (
    "---\ntitle: A seed library in the old bank vault\nauthor: Priya Castellanos\n"
    "copyright_holder: Priya Castellanos\n"
    "original_url: https://harrow-valley-ledger.example/2025/03/02/seed-library-bank-vault\n"
    "original_published: 2025-03-02\nlicense: CC-BY-4.0\n---\n"
)
CREDIT = (
    "*This article was first published by [Harrow Valley Ledger]"
    "(https://harrow-valley-ledger.example/2025/03/02/seed-library-bank-vault) and is republished under a "
    "[CC BY 4.0](https://creativecommons.org/licenses/by/4.0/) licence.*\n"
)


def _findings(cli, page) -> list[tuple[str, int, str]]:
    run = cli("check", str(page), "--no-config", "-j", "1", "--format", "json")
    assert run.code in (0, 1), run.out + run.err
    result = run.json()["results"][0]
    assert result["status"] != "error", result["error"]
    return [(f["rule"], f["line"], f["message"]) for f in result["findings"]]


def test_a_pictures_mark_naming_the_holder_after_another_notice_is_no_internal_error(tmp_path, cli):
    """A picture's "Photo © Priya Castellanos" (the holder's name after the mark, but a picture's credit) read
    after the page's other notice, "© 2025 Harrow Valley Ledger": the look at the picture's mark left the
    reach read before each mark holding the words before it, and the next mark's look failed (an internal
    error, the file not checked, exit 2). Now the other notice is read as before, and names someone else."""
    page = tmp_path / "notice.md"
    page.write_text(
        CC_META + "\n# A seed library in the old bank vault\n\nBy Priya Castellanos\n\n© 2025 Harrow Valley Ledger\n\n"
        "The steel door of the former bank in Millbrook still weighs nearly two tonnes.\n\n"
        "Photo © Priya Castellanos\n\n" + CREDIT,
        encoding="utf-8",
    )
    found = _findings(cli, page)
    assert [(rule, line) for rule, line, _ in found] == [("cc-by-4.0/copyright-notice", 14)]
    assert "none names Priya Castellanos after its mark" in found[0][2]
    # The holder's own notice after the picture's: kept, no finding.
    page.write_text(
        page.read_text(encoding="utf-8").replace(CREDIT, CREDIT + "\n© 2025 Priya Castellanos\n"), encoding="utf-8"
    )
    assert _findings(cli, page) == []


GR_META = (
    "---\ntitle: T\nauthor: Ana Ruiz\noriginal_url: https://www.globalresearch.ca/a/5812345\n"
    "original_published: 2025-01-01\ncommercial: false\n---\n"
)
GR_CREDIT = (
    "*The original source of this article is [Global Research](https://www.globalresearch.ca/a/5812345).*\n\n"
    "Copyright © Ana Ruiz, Global Research, 2025\n"
)


def test_code_inside_code_in_markdown_is_no_internal_error(tmp_path, cli):
    """Raw "<code>" around a backtick span ("<code>`x` y</code>", as a CMS pastes a snippet) renders a code
    element inside another: removing the code from what a reader sees took the outer one first, with the
    inner one in it, and the inner one's look at its parent failed (an internal error, exit 2). Code is
    removed innermost first now, and the page is read as any page with code in it."""
    for snippet in ("<code>`x` y</code>", "*<code>`x` y</code> z*", "<pre><code>a</code><pre>`b`</pre></pre>"):
        page = tmp_path / "code.md"
        page.write_text(GR_META + f"# T\n\nWater meters came.\n\n{snippet}\n\n" + GR_CREDIT, encoding="utf-8")
        assert _findings(cli, page) == [], snippet
        # The code's words are no credit: without the credit, the finding is made as ever.
        page.write_text(
            GR_META + f"# T\n\nWater meters came.\n\n{snippet.replace('x', 'Global Research')}\n", encoding="utf-8"
        )
        assert "global-research/source-credit" in {rule for rule, _, _ in _findings(cli, page)}, snippet
