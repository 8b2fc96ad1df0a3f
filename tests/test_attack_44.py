"""Defects an attack found in the web-archive reading (a Wayback Machine address in ``original_url``): another
key's archived address told as no conflict, a draft's coming date left out of the JSON report, an archive's
address the code could not read told as a site of one's own, and a capture's ``http://`` written into links."""

from __future__ import annotations

from conftest import COMPLIANT_BODY, COMPLIANT_META, markdown

BY_ND = "https://creativecommons.org/licenses/by-nd/4.0/"


def test_another_keys_archived_address_beside_the_live_one_is_a_conflict(tmp_path, cli):
    """Only original_url is read as the page a web archive copied: a sidecar's licence at web.archive.org is the
    one read (and names no licence), so the front matter's deed beside it is a conflict, as it was before."""
    meta = {**COMPLIANT_META, "license": BY_ND}
    (tmp_path / "story.md").write_text(markdown(meta, COMPLIANT_BODY), encoding="utf-8")
    (tmp_path / "story.meta.yaml").write_text(f"license: https://web.archive.org/web/2024/{BY_ND}\n", encoding="utf-8")
    [result] = cli("check", "--no-config", "--format", "json", "story.md", cwd=tmp_path).json()["results"]
    told = [f for f in result["findings"] if f["rule"] == "reprint-guard/conflicting-keys"]
    assert [f["field"] for f in told] == ["license"]


def test_a_sites_key_mapped_onto_license_at_an_archive_is_a_conflict(tmp_path, cli):
    """The same through a config's key mapping (a site's ``rights`` read as ``license``)."""
    (tmp_path / ".reprint-guard.yaml").write_text("front-matter:\n  rights: license\n", encoding="utf-8")
    meta = {**COMPLIANT_META, "license": BY_ND, "rights": f"https://web.archive.org/web/2024/{BY_ND}"}
    (tmp_path / "story.md").write_text(markdown(meta, COMPLIANT_BODY), encoding="utf-8")
    run = cli("check", "--format", "json", "story.md", cwd=tmp_path)
    [result] = run.json()["results"]
    assert "reprint-guard/conflicting-keys" in [f["rule"] for f in result["findings"]], run.out


def test_a_drafts_site_date_still_to_come_is_reported_as_published(tmp_path, cli):
    """dates-reversed reads a draft's date while still to come (the page goes out then): the JSON result's
    ``published`` is that date too, not left out."""
    meta = {**COMPLIANT_META, "original_published": "2031-01-01", "date": "2030-01-05", "draft": True}
    page = tmp_path / "story.md"
    page.write_text(markdown(meta, COMPLIANT_BODY), encoding="utf-8")
    [result] = cli("check", "--no-config", "--format", "json", str(page)).json()["results"]
    assert "reprint-guard/dates-reversed" in [f["rule"] for f in result["findings"]]
    assert result["published"] == "2030-01-05"


def test_a_drafts_past_site_date_is_not_reported(tmp_path, cli):
    """A draft's date gone by is when it was begun: no publication date."""
    meta = {**COMPLIANT_META, "date": "2024-03-05", "draft": True}
    page = tmp_path / "story.md"
    page.write_text(markdown(meta, COMPLIANT_BODY), encoding="utf-8")
    [result] = cli("check", "--no-config", "--format", "json", str(page)).json()["results"]
    assert result.get("published") is None
    assert result["original_published"] == "2024-03-02"
