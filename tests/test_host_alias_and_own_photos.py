"""A policy's ``host_aliases`` (hosts serving the same articles at the same paths), and the site's own photos
under a ``media`` rule of ``mode: permission``.

Real files through the real CLI (``python -m reprint_guard``, ``--format json`` and ``--diff``).
"""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, markdown, run_cli, write

KHN = "https://khn.org/news/article/rural-clinics-cut-evening-hours/"
KFF = "https://kffhealthnews.org/news/article/rural-clinics-cut-evening-hours/"


def _kff_reprint(original: str, linked: str) -> str:
    meta = {"author": "Marisol Chen", "original_url": original, "original_published": "2023-03-01", "commercial": False}
    body = (
        "\nBy Marisol Chen, KFF Health News\n\nThree clinics in the valley now close at 5 p.m.\n\n"
        f"This article was originally published by [KFF Health News]({linked}) and is republished under a "
        "[CC BY-NC-ND 4.0](https://creativecommons.org/licenses/by-nc-nd/4.0/) licence.\n"
    )
    return markdown(meta, body)


def _rules(path: Path, *args: str) -> tuple[int, list[str], list[dict]]:
    run = run_cli("check", str(path), "--format", "json", *args)
    assert run.code in (0, 1), run.err
    findings = [f for result in run.json()["results"] for f in result["findings"]]
    return run.code, [f["rule"] for f in findings], findings


# 1. host_aliases -------------------------------------------------------------------------------------------


def test_old_khn_original_linked_on_the_new_domain_passes(tmp_path):
    path = write(tmp_path / "khn.md", _kff_reprint(KHN, KFF))
    code, rules, _ = _rules(path)
    assert rules == [] and code == 0


def test_new_domain_original_linked_on_old_khn_passes(tmp_path):
    path = write(tmp_path / "kff.md", _kff_reprint(KFF, KHN))
    code, rules, _ = _rules(path)
    assert rules == [] and code == 0


def test_diff_leaves_a_link_on_the_alias_alone(tmp_path):
    for original, linked in ((KHN, KFF), (KFF, KHN)):
        text = _kff_reprint(original, linked)
        path = write(tmp_path / "khn.md", text)
        run = run_cli("check", str(path), "--diff")
        assert run.code == 0, run.out + run.err
        assert "+++" not in run.out, run.out  # nothing rewritten
        assert path.read_text(encoding="utf-8") == text


def test_another_path_on_the_alias_is_still_no_link_to_the_original(tmp_path):
    other = "https://kffhealthnews.org/news/article/another-story/"
    path = write(tmp_path / "khn.md", _kff_reprint(KHN, other))
    code, rules, findings = _rules(path)
    assert code == 1 and rules == ["kff-health-news/link-original"]
    assert KHN in findings[0]["fix"]  # the fix still leads to original_url


def test_a_subdomain_of_an_alias_is_no_alias(tmp_path):
    sub = KHN.replace("https://khn.org/", "https://es.khn.org/")
    path = write(tmp_path / "kff.md", _kff_reprint(KFF, sub))
    code, rules, _ = _rules(path)
    assert code == 1 and rules == ["kff-health-news/link-original"]


def test_global_voices_language_editions_are_not_aliases(tmp_path):
    """Global Voices' language subdomains serve different articles: a link to the same path on fr. is not the
    original (no host_aliases in its policy)."""
    original = "https://globalvoices.org/2026/11/02/fishers-count-the-cost/"
    meta = {"author": "Ana Ruiz", "original_url": original, "original_published": "2026-11-02", "commercial": False}
    body = (
        "\nThis story by Ana Ruiz originally appeared on [Global Voices]"
        f"({original.replace('//globalvoices.org', '//fr.globalvoices.org')}) on 2 November 2026, under a "
        "[CC BY 4.0](https://creativecommons.org/licenses/by/4.0/) licence.\n\nThe fishers counted the cost.\n"
    )
    path = write(tmp_path / "gv.md", markdown(meta, body))
    _, rules, _ = _rules(path)
    assert "global-voices/link-original" in rules


def test_only_kff_declares_host_aliases():
    import yaml

    declared = {}
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("host_aliases"):
            declared[data["id"]] = data["host_aliases"]
            assert "host_aliases" in data.get("notes", ""), path  # notes say why
    assert declared == {"kff-health-news": ["kffhealthnews.org", "khn.org"]}
    assert "Same articles at the same paths on: kffhealthnews.org, khn.org" in (
        ROOT / "docs" / "policies.md"
    ).read_text(encoding="utf-8")


ALIAS_POLICY = """id: harbour
name: Harbour terms
publisher: Harbour Herald
source_url: https://harbour.example/terms
applies_to: [harbour.example, harbourherald.example]
host_aliases: {aliases}
rules:
  - {{id: link-original, check: link, target: original, message: Link the original}}
"""


def test_a_users_policy_declares_host_aliases(tmp_path):
    write(tmp_path / "pol" / "harbour.yaml", ALIAS_POLICY.format(aliases="[harbour.example, harbourherald.example]"))
    meta = {"original_url": "https://harbourherald.example/2026/gulls", "policy": "harbour"}
    path = write(
        tmp_path / "a.md", markdown(meta, "\nGulls. [Harbour Herald](https://www.harbour.example/2026/gulls/)\n")
    )
    code, rules, _ = _rules(path, "--rules-dir", str(tmp_path / "pol"))
    assert code == 0 and rules == []
    write(tmp_path / "pol" / "harbour.yaml", ALIAS_POLICY.format(aliases="[]").replace("host_aliases: []\n", ""))
    code, rules, _ = _rules(path, "--rules-dir", str(tmp_path / "pol"))
    assert code == 1 and rules == ["harbour/link-original"]  # without the declaration: another site


def test_validate_refuses_bad_host_aliases(tmp_path):
    cases = {
        "[harbour.example, elsewhere.example]": "not covered by the policy's applies_to",
        "[harbour.example]": "host_aliases",
        "[harbour.example, 'https://harbourherald.example/']": "is not a host name",
        "[harbour.example, www.harbour.example]": "list each host once",
    }
    for aliases, said in cases.items():
        write(tmp_path / "pol" / "harbour.yaml", ALIAS_POLICY.format(aliases=aliases))
        run = run_cli("validate", str(tmp_path / "pol"))
        assert run.code != 0, aliases
        assert said in run.out + run.err, (aliases, run.out + run.err)
    write(tmp_path / "pol" / "harbour.yaml", ALIAS_POLICY.format(aliases="[harbour.example, harbourherald.example]"))
    assert run_cli("validate", str(tmp_path / "pol")).code == 0


# 2. The site's own photos ---------------------------------------------------------------------------------

PP_URL = "https://www.propublica.org/article/jail-phone-contracts-county-families"
JAIL = "/uploads/2026/11/marlow-jail.jpg"


def _propublica(permissions: list | None = None, image: str = JAIL, more: str = "") -> str:
    meta: dict = {
        "title": "County jail phone contracts squeeze families",
        "author": "Dana Whitfield",
        "original_url": PP_URL,
        "original_published": "2026-11-02",
        "commercial": False,
    }
    if permissions is not None:
        meta["permissions"] = permissions
    body = (
        "\n**by Dana Whitfield, ProPublica**\n\n"
        "Families of people held in the Marlow County jail pay up to $1.20 a minute to talk.\n\n"
        f"![Our reporter outside the Marlow County jail]({image})\n"
        "*Photo by Jamie Ortiz / Riverbend Community News*\n\n"
        f"{more}The county receives a commission on every call.\n\n---\n\n"
        "This article was originally published by ProPublica, a nonprofit newsroom that investigates abuses of "
        f"power. Read the original [here]({PP_URL}). Republished under a "
        "[Creative Commons license](https://creativecommons.org/licenses/by-nc-nd/3.0/us/).\n\n"
        '<script src="https://pixel.propublica.org/pixel.js"></script>\n'
    )
    return markdown(meta, body)


OURS = {"from": "Riverbend Community News", "scope": ["photos"], "media": [JAIL]}


def test_own_upload_without_a_record_fails_and_the_fix_says_how_to_record_it(tmp_path):
    """A caption crediting the site is no proof: the photo still needs its record, and the fix names it."""
    path = write(tmp_path / "v2.md", _propublica())
    code, rules, findings = _rules(path)
    assert code == 1 and rules == ["propublica/photos-permission"]
    assert "served from the site's own server" in findings[0]["message"]
    fix = findings[0]["fix"]
    assert f"media: [{JAIL}]" in fix and "scope: [photos]" in fix and "suppress" in fix


def test_a_record_naming_the_sites_own_photo_passes(tmp_path):
    path = write(tmp_path / "v2.md", _propublica([OURS]))
    code, rules, _ = _rules(path)
    assert code == 0 and rules == []  # and no warning about the record's 'media' key


def test_the_fixs_placeholder_as_sender_counts_for_nothing(tmp_path):
    placeholder = {**OURS, "from": "<your site's name>"}
    path = write(tmp_path / "v2.md", _propublica([placeholder]))
    assert _rules(path)[1] == ["propublica/photos-permission"]


def test_a_record_covers_only_the_items_it_names(tmp_path):
    other = {**OURS, "media": ["/uploads/2026/11/other.jpg"]}
    path = write(tmp_path / "v2.md", _propublica([other]))
    assert _rules(path)[1] == ["propublica/photos-permission"]
    second = "![A ProPublica photo](/uploads/2026/11/copied-from-propublica.jpg)\n\n"
    path = write(tmp_path / "v3.md", _propublica([OURS], more=second))
    _, rules, findings = _rules(path)
    assert rules == ["propublica/photos-permission"]
    assert "1 item of media, first <img> /uploads/2026/11/copied-from-propublica.jpg" in findings[0]["message"]


def test_own_hosts_address_and_an_own_hosts_sender(tmp_path):
    """An absolute address on own-hosts is the site's server; the site's own address may say a photo there is
    its own (naming it), but still grants nothing for the publisher's material as a whole."""
    config = write(tmp_path / "own.yaml", "own-hosts: [riverbendnews.example]\n")
    image = "https://riverbendnews.example" + JAIL
    named = {"from": "photos@riverbendnews.example", "scope": ["photos"], "media": [JAIL]}  # a path: the same
    path = write(tmp_path / "a.md", _propublica([named], image=image))
    assert _rules(path, "--config", str(config))[:2] == (0, [])
    whole = {"from": "photos@riverbendnews.example", "scope": ["photos"]}
    path = write(tmp_path / "b.md", _propublica([whole], image=image))
    _, rules, findings = _rules(path, "--config", str(config))
    assert rules == ["propublica/photos-permission"] and "own-hosts" in findings[0]["message"]
    assert f"media: [{image}]" in findings[0]["fix"]


def test_the_sites_own_record_does_not_cover_a_photo_served_by_the_publisher(tmp_path):
    config = write(tmp_path / "own.yaml", "own-hosts: [riverbendnews.example]\n")
    image = "https://img.assets-d.propublica.org/v5/images/jail.jpg"
    named = {"from": "photos@riverbendnews.example", "scope": ["photos"], "media": [image]}
    path = write(tmp_path / "a.md", _propublica([named], image=image))
    _, rules, findings = _rules(path, "--config", str(config))
    assert rules == ["propublica/photos-permission"]
    assert "served from the site's own server" not in findings[0]["message"]


def test_the_conversation_own_image(tmp_path):
    url = "https://theconversation.com/why-small-rivers-are-drying-up-earlier-each-summer-245871"
    image = "/uploads/2026/11/dry-creek.jpg"
    meta: dict = {"title": "Why small rivers are drying up", "author": "Priya Raman", "original_url": url}
    meta["commercial"] = False
    body = (
        f"\n*Priya Raman, University of Northfield. Republished from [The Conversation]({url}) under a "
        "[CC BY-ND 4.0](https://creativecommons.org/licenses/by-nd/4.0/) licence.*\n\n"
        "Streams that once ran until September now go dry in July.\n\n"
        f"![Dry creek bed near Riverbend, photographed by our staff]({image})\n\n"
        '<img src="https://counter.theconversation.com/content/245871/count.gif?distributor=republish-lightbox-basic"'
        ' alt="The Conversation" width="1" height="1" style="border: none !important; opacity: 0 !important" />\n'
    )
    path = write(tmp_path / "tc.md", markdown(meta, body))
    _, rules, findings = _rules(path)
    assert rules == ["the-conversation/images-not-covered"]
    assert f"scope: [images], media: [{image}]" in findings[0]["fix"]
    meta["permissions"] = [{"from": "Riverbend Community News", "scope": ["images"], "media": [image]}]
    path = write(tmp_path / "tc.md", markdown(meta, body))
    assert _rules(path)[:2] == (0, [])


def test_kff_commercial_outlet_own_photo(tmp_path):
    meta: dict = {
        "author": "Marisol Chen",
        "original_url": KFF,
        "original_published": "2023-03-01",
        "commercial": True,
        "news_outlet": True,
    }
    body = (
        _kff_reprint(KFF, KFF)
        .split("---\n", 2)[2]
        .replace("Three clinics", "![Our photo of the clinic](/uploads/clinic.jpg)\n\nThree clinics")
    )
    path = write(tmp_path / "kff.md", markdown(meta, body))
    _, rules, findings = _rules(path)
    assert rules == ["kff-health-news/photos-noncommercial"]
    assert "media: [/uploads/clinic.jpg]" in findings[0]["fix"]  # the check's own fix, naming the photo
    meta["permissions"] = [{"from": "Riverbend Community News", "scope": ["photos"], "media": ["/uploads/clinic.jpg"]}]
    path = write(tmp_path / "kff.md", markdown(meta, body))
    assert _rules(path)[:2] == (0, [])


GRANT_POLICY = """id: harbour
name: Harbour terms
publisher: Harbour Herald
source_url: https://harbour.example/terms
applies_to: [harbour.example]
contacts: [photos@harbour.example]
rules:
  - {id: photos, check: media, mode: permission, scope: photos, tags: [img], message: Photos need permission}
"""


def test_a_publishers_grant_naming_one_photo_covers_that_one_only(tmp_path):
    write(tmp_path / "pol" / "harbour.yaml", GRANT_POLICY)
    a, b = "https://harbour.example/img/a.jpg", "https://harbour.example/img/b.jpg"
    meta: dict = {"original_url": "https://harbour.example/2026/gulls", "policy": "harbour"}
    meta["permissions"] = [{"from": "photos@harbour.example", "date": "2026-11-01", "scope": ["photos"], "media": [a]}]
    path = write(tmp_path / "a.md", markdown(meta, f"\nGulls.\n\n![A]({a})\n"))
    assert _rules(path, "--rules-dir", str(tmp_path / "pol"))[:2] == (0, [])
    path = write(tmp_path / "b.md", markdown(meta, f"\nGulls.\n\n![A]({a})\n\n![B]({b})\n"))
    _, rules, findings = _rules(path, "--rules-dir", str(tmp_path / "pol"))
    assert rules == ["harbour/photos"] and f"1 item of media, first <img> {b}" in findings[0]["message"]
    # The site's own record for a photo on its own server counts whoever the rule takes permission from.
    meta["permissions"] = [{"from": "Riverbend Community News", "scope": ["photos"], "media": ["/img/ours.jpg"]}]
    path = write(tmp_path / "c.md", markdown(meta, "\nGulls.\n\n![Ours](/img/ours.jpg)\n"))
    assert _rules(path, "--rules-dir", str(tmp_path / "pol"))[:2] == (0, [])


def test_a_publishers_grant_naming_a_photo_must_be_dated_as_any_grant(tmp_path):
    """A grant is given on a day, by the reprint's: one naming its photo is no exception (the site's own record
    of its own photo is a statement of whose it is, and needs none)."""
    write(tmp_path / "pol" / "harbour.yaml", GRANT_POLICY)
    a = "https://harbour.example/img/a.jpg"
    meta: dict = {"original_url": "https://harbour.example/2026/gulls", "policy": "harbour", "published": "2026-11-20"}
    meta["permissions"] = [{"from": "photos@harbour.example", "scope": ["photos"], "media": [a]}]
    path = write(tmp_path / "a.md", markdown(meta, f"\nGulls.\n\n![A]({a})\n"))
    code, rules, findings = _rules(path, "--rules-dir", str(tmp_path / "pol"))
    assert (code, rules) == (1, ["harbour/photos"])
    assert "permission on record from photos@harbour.example has no date" in findings[0]["message"]
    assert "date: YYYY-MM-DD" in findings[0]["fix"]
    # Dated after the reprint went out: told so, not "no permission".
    meta["permissions"][0]["date"] = "2026-11-25"
    path = write(tmp_path / "b.md", markdown(meta, f"\nGulls.\n\n![A]({a})\n"))
    code, rules, findings = _rules(path, "--rules-dir", str(tmp_path / "pol"))
    assert rules == ["harbour/photos"] and "dated 2026-11-25" in findings[0]["message"], findings
    meta["permissions"][0]["date"] = "2026-11-19"
    path = write(tmp_path / "c.md", markdown(meta, f"\nGulls.\n\n![A]({a})\n"))
    assert _rules(path, "--rules-dir", str(tmp_path / "pol"))[:2] == (0, [])
    # The site's own undated record of its own photo still passes.
    meta["permissions"] = [{"from": "Riverbend Community News", "scope": ["photos"], "media": ["/img/ours.jpg"]}]
    path = write(tmp_path / "d.md", markdown(meta, "\nGulls.\n\n![Ours](/img/ours.jpg)\n"))
    assert _rules(path, "--rules-dir", str(tmp_path / "pol"))[:2] == (0, [])


DE = "https://dialogue.earth/en/ocean/mekong-fishers-floating-gardens/"


def test_text_only_lets_the_sites_own_declared_photo_stand(tmp_path):
    """Dialogue Earth's "text only" (mode: forbid) is about its own media: a photo on the republisher's own
    server, recorded as the site's own, is none of it. Undeclared, the fix says how to declare it."""
    meta: dict = {
        "author": "Linh Tran",
        "original_url": DE,
        "original_published": "2026-12-02",
        "published": "2026-12-04",
        "commercial": False,
    }
    body = (
        "\nBy Linh Tran\n\nFishers on the Mekong now tend floating gardens.\n\n"
        "![Vegetable sellers at a Can Tho market](/uploads/2026/12/can-tho-market.jpg)\n\n"
        f"This article was originally published on [Dialogue Earth]({DE}) and is republished under a "
        "[CC BY-NC-ND 4.0](https://creativecommons.org/licenses/by-nc-nd/4.0/) licence.\n"
    )
    path = write(tmp_path / "a.md", markdown(meta, body))
    _, rules, findings = _rules(path)
    assert rules == ["dialogue-earth/text-only"]
    assert "media: [/uploads/2026/12/can-tho-market.jpg]" in findings[0]["fix"]
    meta["permissions"] = [
        {"from": "Delta News Desk", "scope": ["photos"], "media": ["/uploads/2026/12/can-tho-market.jpg"]}
    ]
    path = write(tmp_path / "b.md", markdown(meta, body))
    assert _rules(path)[:2] == (0, [])
    # The fix's placeholder copied as it stands declares nothing; a photo from elsewhere is still the publisher's.
    meta["permissions"][0]["from"] = "<your site's name>"
    assert _rules(write(tmp_path / "c.md", markdown(meta, body)))[1] == ["dialogue-earth/text-only"]
    meta["permissions"] = [{"from": "Delta News Desk", "scope": ["photos"], "media": ["https://dialogue.earth/x.jpg"]}]
    other = body.replace("/uploads/2026/12/can-tho-market.jpg", "https://dialogue.earth/x.jpg")
    assert _rules(write(tmp_path / "d.md", markdown(meta, other)))[1] == ["dialogue-earth/text-only"]


def test_the_publishers_grant_of_a_photo_on_the_sites_server_is_dated_as_any_grant(tmp_path):
    """A ProPublica photo copied to the site's server, with ProPublica's undated "grant" naming it: the
    publisher's record is a grant, not the site's statement that the photo is its own (the second review)."""
    grant = {"from": "ProPublica", "scope": ["photos"], "media": [JAIL]}
    path = write(tmp_path / "a.md", _propublica([grant]))
    _, rules, findings = _rules(path)
    assert rules == ["propublica/photos-permission"]
    assert "the 'photos' permission on record from ProPublica has no date" in findings[0]["message"]
    path = write(tmp_path / "b.md", _propublica([{**grant, "date": "2026-11-01"}]))
    assert _rules(path)[:2] == (0, [])
    # Under "text only", Dialogue Earth's own record naming the photo declares nothing of the site's.
    meta = {"author": "Linh Tran", "original_url": DE, "original_published": "2026-12-02", "published": "2026-12-04"}
    meta |= {"commercial": False, "permissions": [{"from": "Dialogue Earth", "scope": ["photos"], "media": ["/a.jpg"]}]}
    body = (
        "\nBy Linh Tran\n\nFishers on the Mekong now tend floating gardens.\n\n![Market](/a.jpg)\n\n"
        f"This article was originally published on [Dialogue Earth]({DE}) and is republished under a "
        "[CC BY-NC-ND 4.0](https://creativecommons.org/licenses/by-nc-nd/4.0/) licence.\n"
    )
    assert _rules(write(tmp_path / "c.md", markdown(meta, body)))[1] == ["dialogue-earth/text-only"]


def test_a_record_from_the_sites_own_address_is_the_sites_whatever_its_name_holds(tmp_path):
    """A site whose name holds the publisher's ("Grist Mill Gazette" reprinting Grist) records its own photo
    from its own address (``own-hosts``): that is the site's statement, not the publisher's undated grant."""
    config = write(tmp_path / "own.yaml", "own-hosts: [gristmillgazette.example]\n")
    meta = {"author": "Linh Tran", "original_url": DE, "original_published": "2026-12-02", "published": "2026-12-04"}
    record = {"from": "Dialogue Earth Watchers <photos@gristmillgazette.example>", "scope": ["photos"]}
    meta |= {"commercial": False, "permissions": [{**record, "media": ["/a.jpg"]}]}
    body = (
        "\nBy Linh Tran\n\nFishers on the Mekong now tend floating gardens.\n\n![Market](/a.jpg)\n\n"
        f"This article was originally published on [Dialogue Earth]({DE}) and is republished under a "
        "[CC BY-NC-ND 4.0](https://creativecommons.org/licenses/by-nc-nd/4.0/) licence.\n"
    )
    path = write(tmp_path / "a.md", markdown(meta, body))
    assert _rules(path, "--config", str(config))[:2] == (0, [])
    # Without its address on own-hosts, a sender named for the publisher is still read as the publisher.
    assert _rules(path)[1] == ["dialogue-earth/text-only"]


def test_a_page_bundles_photo_beside_the_page_is_the_sites_own(tmp_path):
    """``![...](marlow-jail.jpg)``, a photo in the page's own folder (a Hugo page bundle's): a relative address
    on the site's own server, as ``/uploads/...`` is, not a host named "marlow-jail.jpg"; the site's record
    naming it covers it."""
    bundled = "marlow-jail.jpg"
    path = write(tmp_path / "index.md", _propublica(image=bundled))
    _, rules, findings = _rules(path)
    assert rules == ["propublica/photos-permission"], findings
    assert "served from the site's own server" in findings[0]["message"], findings[0]
    path = write(tmp_path / "index.md", _propublica([{**OURS, "media": [bundled]}], image=bundled))
    assert _rules(path)[:2] == (0, [])
