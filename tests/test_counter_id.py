"""The Conversation's page counter names the article it counts: the number that ends the original's address.

A counter pasted from another article's republish snippet counts that article, not the reprint's: it is
reported as for another article, with the element for this one as its fix, and ``--fix`` inserts a missing
counter with the original's id filled in. The id is the ``{original_id}`` template value, which any
``element`` rule's pattern and ``insert`` may use.
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from reprint_guard.checks.base import original_id

FIXTURES = ROOT / "tests" / "policies" / "the-conversation"
RULE = "the-conversation/page-counter"


@pytest.mark.parametrize(
    ("address", "number"),
    [
        ("https://theconversation.com/how-rooftop-beehives-changed-one-city-block-241873", "241873"),
        ("https://theconversation.com/uk/how-rooftop-beehives-changed-one-city-block-241873/", "241873"),
        ("theconversation.com/a-title-12?utm_source=x#top", "12"),
        ("https://www.globalresearch.ca/the-harbour-that-was-sold/5799123", "5799123"),
        ("https://theconversation.com/", None),
        ("https://example.org/2026/09/14/a-slug/", None),
        ("https://example.org/a-1b", None),
        ("https://example.org/page?id=3", None),
        (None, None),
    ],
)
def test_the_original_id_is_the_number_its_address_ends_in(address, number):
    assert original_id(address) == number


def _copy(tmp_path, fixture: str, replace: tuple[str, str] | None = None):
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    text = "\n".join(line for line in text.splitlines() if not line.startswith("expect:")) + "\n"
    if replace is not None:
        text = text.replace(*replace)
    path = tmp_path / fixture
    path.write_text(text, encoding="utf-8")
    return path


def _findings(run):
    return [f for f in run.json()["results"][0]["findings"] if f["rule"] == RULE]


def test_a_counter_for_another_article_is_reported_with_this_ones_as_the_fix(tmp_path, cli):
    path = _copy(tmp_path, "page-counter-other-article.md")
    run = cli("check", str(path), "--format", "json")
    assert run.code == 1
    (finding,) = _findings(run)
    assert "content/238114/count.gif" in finding["message"] and "for another article" in finding["message"]
    assert "the original's id (241873, the number its address ends in)" in finding["message"]
    assert "content/241873/count.gif" in finding["fix"]
    # Not fixed by adding a second counter (each reader would be counted twice): corrected by hand.
    before = path.read_bytes()
    fixing = cli("check", str(path), "--fix")
    assert fixing.code == 1 and "corrected by hand" in fixing.err
    assert path.read_bytes() == before


def test_fix_inserts_a_missing_counter_with_the_originals_id_and_the_reprint_then_passes(tmp_path, cli):
    path = _copy(tmp_path, "page-counter.md")
    assert cli("check", str(path), "--fix").code == 0
    assert "https://counter.theconversation.com/content/241873/count.gif" in path.read_text(encoding="utf-8")
    assert cli("check", str(path)).code == 0


def test_an_original_whose_address_ends_in_no_number_takes_any_counter_and_is_told_what_to_fill_in(tmp_path, cli):
    url = "https://theconversation.com/how-rooftop-beehives-changed-one-city-block-241873"
    no_id = "https://theconversation.com/how-rooftop-beehives-changed-one-city-block"
    kept = _copy(tmp_path, "compliant.md", (url, no_id))
    assert _findings(cli("check", str(kept), "--format", "json")) == []
    missing = _copy(tmp_path, "page-counter.md", (url, no_id))
    (finding,) = _findings(cli("check", str(missing), "--format", "json"))
    assert "/content/<original_id>/count.gif" in finding["fix"]  # the rule's fix, its id a hint to fill in


POLICY = """id: weekly-pixel
name: Weekly pixel terms
publisher: Weekly Example
source_url: https://weekly.example/republish
terms_read: 2026-12-01
applies_to: [weekly.example]
rules:
  - id: pixel
    check: element
    tag: img
    pattern: '^https://px\\.weekly\\.example/a/{original_id}\\.gif'
    insert: '<img src="https://px.weekly.example/a/{original_id}.gif" alt="" width="1" height="1">'
    message: The pixel is missing
"""


def test_an_insert_naming_the_id_is_filled_in_as_the_fix_and_none_is_made_without_one(tmp_path, cli):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "weekly-pixel.yaml").write_text(POLICY, encoding="utf-8")
    assert cli("validate", str(tmp_path / "rules")).code == 0
    for address, fix in (
        ("https://weekly.example/a-story-77", '<img src="https://px.weekly.example/a/77.gif"'),
        ("https://weekly.example/a-story/", None),
    ):
        page = tmp_path / "page.md"
        page.write_text(f"---\noriginal_url: {address}\n---\nA story.\n", encoding="utf-8")
        run = cli("check", str(page), "--rules-dir", str(tmp_path / "rules"), "--format", "json")
        (finding,) = [f for f in run.json()["results"][0]["findings"] if f["rule"] == "weekly-pixel/pixel"]
        assert finding["fix"] is None if fix is None else fix in finding["fix"], finding["fix"]
        fixing = cli("check", str(page), "--rules-dir", str(tmp_path / "rules"), "--fix")
        if fix is None:  # an element naming no id would count another article, or none
            assert "needs the original's id, the number its address ends in" in fixing.err, fixing.err
        else:
            assert fixing.code == 0 and "px.weekly.example/a/77.gif" in page.read_text(encoding="utf-8")
