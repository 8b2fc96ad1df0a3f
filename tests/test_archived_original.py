"""An original named by a web archive's copy of it (a Wayback Machine address in ``original_url``, as an archive's
auditor finds one): the original is the page archived, its publisher's policy the one checked."""

from __future__ import annotations

import pytest

from conftest import COMPLIANT_BODY, COMPLIANT_META, GR_URL, markdown
from reprint_guard import check

BARE = GR_URL.removeprefix("https://")
WAYBACK = f"https://web.archive.org/web/20240304123456/{GR_URL}"

ARCHIVED = [
    WAYBACK,
    f"https://web.archive.org/web/20240304123456id_/http://{BARE}",  # the raw capture, as a crawler links it
    f"https://web.archive.org/web/20240304123456if_/{GR_URL}",
    f"http://archive.org/web/20240304/{GR_URL}",
    f"web.archive.org/web/2024/{BARE}",  # no schemes, as pasted
    f"https://web.archive.org/web/{GR_URL}",  # the latest capture
    f"https://web.archive.org/web/20240304123456/http:/{BARE}",  # the scheme's slashes made one
    f"https://web.archive.org/web/20240304123456/{GR_URL.replace(':', '%3A').replace('/', '%2F')}",
    f"https://archive.ph/2024.03.04-123456/{GR_URL}",
    f"https://archive.today/newest/{GR_URL}",
]


@pytest.mark.parametrize("archived", ARCHIVED)
def test_an_archived_original_is_checked_against_its_publishers_policy(tmp_path, cli, archived):
    """It was an unknown publisher, web.archive.org, and the reprint passed checked against no policy."""
    page = tmp_path / "story.md"
    page.write_text(markdown({**COMPLIANT_META, "original_url": archived}, COMPLIANT_BODY), encoding="utf-8")
    run = cli("check", "--no-config", "--format", "json", str(page))
    [result] = run.json()["results"]
    assert (run.code, result["policy"], result["status"]) == (0, "global-research", "pass")
    assert result["fully_checked"] is True
    assert result["findings"] == []


def test_a_link_to_the_archived_copy_alone_is_no_link_to_the_original(tmp_path, cli):
    """The publisher's terms ask for a link to its own page: the archive's copy sends readers to another site."""
    body = COMPLIANT_BODY.replace(f"]({GR_URL})", f"]({WAYBACK})")
    page = tmp_path / "story.md"
    page.write_text(markdown({**COMPLIANT_META, "original_url": WAYBACK}, body), encoding="utf-8")
    run = cli("check", "--no-config", "--format", "json", str(page))
    assert run.code == 1
    [finding] = [f for f in run.json()["results"][0]["findings"] if f["rule"] == "global-research/link-original"]
    assert "an archived copy of the original at web.archive.org" in finding["message"]
    assert finding["fix"].endswith(f"{GR_URL}.")  # the publisher's own page, not the archive's


def test_fix_links_the_credit_it_adds_to_the_publishers_page_not_the_archive(tmp_path, cli):
    body = COMPLIANT_BODY.replace(f"*The original source of this article is [Global Research]({GR_URL}).*\n", "")
    page = tmp_path / "story.md"
    page.write_text(markdown({**COMPLIANT_META, "original_url": WAYBACK}, body), encoding="utf-8")
    run = cli("check", "--no-config", "--fix", str(page))
    assert run.code == 0, run.out + run.err
    text = page.read_text(encoding="utf-8")
    assert f"({GR_URL})" in text and "web.archive.org/web/20240304123456/https" in text  # the metadata as it was
    assert text.count("web.archive.org") == 1


@pytest.mark.parametrize("short", ["https://archive.ph/AbCdE", "https://web.archive.org/web/2024*/globalresearch.ca/*"])
def test_an_archives_address_carrying_no_page_is_read_as_it_is(tmp_path, cli, short):
    """archive.today's short name and the Wayback Machine's search carry no one page's address."""
    page = tmp_path / "story.md"
    page.write_text(markdown({**COMPLIANT_META, "original_url": short}, COMPLIANT_BODY), encoding="utf-8")
    [result] = cli("check", "--no-config", "--format", "json", str(page)).json()["results"]
    assert result["policy"] is None
    assert [f["rule"] for f in result["findings"]] == ["reprint-guard/unknown-publisher"]


def test_a_permission_naming_the_archived_copy_is_for_the_article():
    """Global Research grants per article: a record naming the Wayback copy of this one names this one."""
    record = {"from": "publications@globalresearch.ca", "scope": ["print"], "date": "2024-01-02"}
    meta = {**COMPLIANT_META, "medium": "print", "published": "2024-04-01"}
    assert check(COMPLIANT_BODY, {**meta, "permissions": [{**record, "original_url": WAYBACK}]}).ok
    other = f"https://web.archive.org/web/2024/{GR_URL[:-4]}1234"
    [finding] = check(COMPLIANT_BODY, {**meta, "permissions": [{**record, "article": other}]}).findings
    assert f"is for another article, {other}" in finding.message


@pytest.mark.parametrize(("archived", "told"), [(WAYBACK, False), (WAYBACK.replace("5799123", "5799124"), True)])
def test_a_sidecar_naming_the_archived_copy_of_the_same_original_is_no_conflict(tmp_path, cli, archived, told):
    """The front matter's live address and a sidecar's Wayback copy of it name one original: conflicting-keys
    said the sidecar's was another, read in its place. A copy of another article still is one."""
    (tmp_path / "story.md").write_text(markdown(COMPLIANT_META, COMPLIANT_BODY), encoding="utf-8")
    (tmp_path / "story.meta.yaml").write_text(f"original_url: {archived}\n", encoding="utf-8")
    [result] = cli("check", "--no-config", "--format", "json", "story.md", cwd=tmp_path).json()["results"]
    assert ("reprint-guard/conflicting-keys" in [f["rule"] for f in result["findings"]]) is told
    assert result["policy"] == "global-research"
