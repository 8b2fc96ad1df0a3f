"""Defects an attack found in the web-archive reading (a Wayback Machine address in ``original_url``): another
key's archived address told as no conflict, a draft's coming date left out of the JSON report, an archive's
address the code could not read told as a site of one's own, and a capture's ``http://`` written into links."""

from __future__ import annotations

import pytest

from conftest import COMPLIANT_BODY, COMPLIANT_META, GR_URL, markdown
from reprint_guard.urls import unarchived

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


BARE = GR_URL.removeprefix("https://")
NESTED4 = "".join(f"https://web.archive.org/web/{n}/" for n in range(1, 5)) + GR_URL


@pytest.mark.parametrize(
    "archived",
    [
        NESTED4,
        f"https://web.archive.org:443/web/2024/{GR_URL}",
        f"https://web.archive.org/web/2024/https:%2F%2F{BARE.replace('/', '%2F')}",
        f"https://web.archive.org/web/2024/https%253A%252F%252F{BARE.replace('/', '%252F')}",
        f"https://web.archive.org/web/2024/https:///{BARE}",
    ],
)
def test_more_forms_of_an_archived_address_are_read(tmp_path, cli, archived):
    """Four copies deep, the host's port written, the address percent-encoded after its scheme or twice over,
    three slashes: each the page archived, and the report says the live page (four deep said the fourth copy)."""
    page = tmp_path / "story.md"
    page.write_text(markdown({**COMPLIANT_META, "original_url": archived}, COMPLIANT_BODY), encoding="utf-8")
    run = cli("check", "--no-config", "--format", "json", str(page))
    [result] = run.json()["results"]
    assert (run.code, result["policy"], result["findings"]) == (0, "global-research", [])
    assert result["original_url"] == GR_URL


@pytest.mark.parametrize(
    "archived",
    [
        f"https://web.archive.org/web/2024/ {GR_URL}",  # a space after the timestamp
        f"https://web.archive.org/web/2024/ftp://{BARE}",
        "https://web.archive.org/web/2024/https://web.archive.org/",
        "https://archive.ph/AbCdE",
        "https://web.archive.org/web/1/https://web.archive.org/web/2/archive.ph/AbCdE",
        "".join(f"https://web.archive.org/web/{n}/" for n in range(40)) + GR_URL,  # past any depth one writes
    ],
)
def test_an_archived_address_not_read_asks_for_the_live_one(tmp_path, cli, archived):
    """Told as a site of one's own ("If web.archive.org is your own site ... own-hosts"): it is an archive's
    address whose page could not be read. The report names the address as written, never a copy half read."""
    meta = {**COMPLIANT_META, "original_url": archived}
    page = tmp_path / "story.md"
    page.write_text(markdown(meta, COMPLIANT_BODY), encoding="utf-8")
    run = cli("check", "--no-config", "--format", "json", str(page))
    [result] = run.json()["results"]
    [finding] = result["findings"]
    assert finding["rule"] == "reprint-guard/unknown-publisher"
    assert "own-hosts" not in finding["fix"]
    assert "web archive" in finding["message"] and "could not be read" in finding["message"]
    assert "live article's address" in finding["fix"]
    assert result["original_url"] == archived


def test_reading_a_deep_or_long_archived_address_is_linear():
    import time

    deep = "https://web.archive.org/web/2024/" * 30_000 + GR_URL
    long = "https://web.archive.org/web/2024/https://x.org/" + "%25" * 300_000
    started = time.perf_counter()
    assert unarchived(deep) is None
    assert unarchived(long) == "https://x.org/" + "%25" * 300_000
    assert time.perf_counter() - started < 2.0


def test_fix_links_a_captures_http_page_over_https(tmp_path, cli):
    """A capture's ``http://`` is the crawler's: the credit --fix writes links the publisher's page over https."""
    archived = f"https://web.archive.org/web/20240304123456id_/http://{BARE}"
    body = COMPLIANT_BODY.replace(f"*The original source of this article is [Global Research]({GR_URL}).*\n", "")
    page = tmp_path / "story.md"
    page.write_text(markdown({**COMPLIANT_META, "original_url": archived}, body), encoding="utf-8")
    run = cli("check", "--no-config", "--fix", str(page))
    assert run.code == 0, run.out + run.err
    text = page.read_text(encoding="utf-8")
    assert f"]({GR_URL})" in text
    assert text.count(f"http://{BARE}") == 1  # the metadata as written, no link


def test_a_live_http_original_stays_as_written(tmp_path, cli):
    """Only an archive's crawl-time scheme is read as https: a live http:// original_url is reported as written,
    and a credit linking it over https still links the original."""
    page = tmp_path / "story.md"
    meta = {**COMPLIANT_META, "original_url": f"http://{BARE}"}
    page.write_text(markdown(meta, COMPLIANT_BODY), encoding="utf-8")
    run = cli("check", "--no-config", "--format", "json", str(page))
    [result] = run.json()["results"]
    assert (run.code, result["findings"], result["original_url"]) == (0, [], f"http://{BARE}")
