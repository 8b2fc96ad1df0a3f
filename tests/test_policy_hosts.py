"""A policy's ``applies_to`` hosts are read as the permission checks read a site (urls.ascii_host: UTS 46, IDNA
2008): an original written in punycode, in Unicode, with a capital sigma, a full-width or ideographic dot or a
trailing one is the policy's whichever way either side writes it, and another host (a final sigma's ``ς``) is
not. Findings name a host with ASCII dots and its letters as written (no punycode); a joiner in a host between
letters of the scripts that write them is part of the name when two addresses are compared. Real CLI runs on
real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import markdown, run_cli, write

# ΟΔΟΣ-ΤΕΣΤ.gr: UTS 46 maps each capital sigma to σ (xn----4lbe1bbycgc.gr); οδος-τεστ.gr, with the final ς
# str.lower() makes of a word's last Σ, is another host (xn----zmbe1bbycgc.gr).
GREEK = "\u039f\u0394\u039f\u03a3-\u03a4\u0395\u03a3\u03a4.gr"
GREEK_PUNY = "xn----4lbe1bbycgc.gr"
BOOKS = "bücher-post.example"
BOOKS_PUNY = "xn--bcher-post-9db.example"

POLICY = """\
id: {id}
name: Test {id}
publisher: Test {id}
source_url: https://publisher.example/terms
applies_to: [{hosts}]
rules:
  - id: tag-line
    check: text
    phrase: read more
    message: say read more
"""


def _policy(folder: Path, policy_id: str, *hosts: str) -> Path:
    return write(folder / f"{policy_id}.yaml", POLICY.format(id=policy_id, hosts=", ".join(hosts)))


def _chosen(tmp_path: Path, url: str) -> tuple[str | None, list[dict]]:
    story = write(tmp_path / "story.md", f"---\noriginal_url: {url}\n---\nThe gulls are back.\n")
    run = run_cli("check", "--no-config", "--rules-dir", str(tmp_path / "rules"), str(story), "--format", "json")
    assert run.code in (0, 1), run.err
    assert "Traceback" not in run.err
    result = run.json()["results"][0]
    return result["policy"], result["findings"]


@pytest.mark.parametrize(
    ("written", "url"),
    [
        (GREEK, f"https://{GREEK_PUNY}/a"),  # the policy in Unicode, the original in punycode
        (GREEK, "https://οδοσ-τεστ.gr/a"),  # in lower case as UTS 46 lowers it
        (GREEK, "https://news.οδοσ-τεστ.gr/a"),  # a subdomain
        (GREEK, f"https://www.{GREEK_PUNY}./a"),
        (GREEK_PUNY, f"https://{GREEK}/a"),  # the policy in punycode, the original in Unicode
        (GREEK_PUNY, "https://news\uff0eοδοσ-τεστ\u3002gr/a"),
        ("οδοσ-τεστ.gr", f"https://{GREEK}/a"),
        (BOOKS, f"https://{BOOKS_PUNY}/a"),
        (BOOKS_PUNY, f"https://www.{BOOKS}/a"),
        ("BÜCHER-POST.example", f"https://{BOOKS}/a"),
        ("harbour.example", "https://harbour\uff0eexample/a"),  # a full-width dot
        ("harbour.example", "https://news\u3002harbour\uff61example/a"),  # ideographic and half-width ones
        ("harbour.example", "https://harbour.example\u3002/a"),  # a trailing one
        ("ｈａｒｂｏｕｒ.example", "https://harbour.example/a"),  # full-width letters in the policy
        # As a browser reads a host: its escapes decoded, a backslash a slash (the part after it is the path)
        ("harbour.example", "https://www.harb%6Fur.example/a"),
        ("harbour.example", "https://harbour.example%2e/a"),
        ("harbour.example", "https://www.harbour.example\\@evil.example/a"),
    ],
)
def test_a_policy_covers_its_host_however_either_side_writes_it(tmp_path, written, url):
    _policy(tmp_path / "rules", "mine", written)
    policy, findings = _chosen(tmp_path, url)
    assert policy == "mine", (written, url, findings)
    assert [f["rule"] for f in findings] == ["mine/tag-line"]


@pytest.mark.parametrize(
    ("written", "url"),
    [
        # A capital sigma is σ wherever it stands: the final ς is another letter, another host.
        (GREEK, "https://οδος-τεστ.gr/a"),
        ("οδος-τεστ.gr", f"https://{GREEK}/a"),
        # IDNA 2008 keeps ß: straße.de is not strasse.de
        ("straße.de", "https://strasse.de/a"),
        ("harbour.example", "https://harbour.example@evil.example/a"),  # the user name, not the host
        ("harbour.example", "https://harbour.example%ff/a"),  # an escape that is no UTF-8: not decoded
    ],
)
def test_another_host_is_not_covered(tmp_path, written, url):
    _policy(tmp_path / "rules", "mine", written)
    policy, findings = _chosen(tmp_path, url)
    assert policy is None, (written, url)
    assert [f["rule"] for f in findings] == ["reprint-guard/unknown-publisher"]


def test_the_longest_domain_wins_across_spellings(tmp_path):
    """A policy for the site in punycode and one for its news subdomain in Unicode: the subdomain's wins there."""
    _policy(tmp_path / "rules", "site", BOOKS_PUNY)
    _policy(tmp_path / "rules", "news", f"news.{BOOKS.upper()}")
    assert _chosen(tmp_path, f"https://news.{BOOKS}/a")[0] == "news"
    assert _chosen(tmp_path, f"https://news.{BOOKS_PUNY}/a")[0] == "news"
    assert _chosen(tmp_path, f"https://shop.{BOOKS}/a")[0] == "site"


@pytest.mark.parametrize(("one", "other"), [(BOOKS, BOOKS_PUNY), (GREEK, "οδοσ-τεστ.gr"), (GREEK, GREEK_PUNY)])
def test_two_policies_claiming_one_host_in_two_spellings_are_refused(tmp_path, one, other):
    _policy(tmp_path / "rules", "first", one)
    _policy(tmp_path / "rules", "second", other)
    story = write(tmp_path / "story.md", f"---\noriginal_url: https://{BOOKS}/a\n---\nHi.\n")
    run = run_cli("check", "--no-config", "--rules-dir", str(tmp_path / "rules"), str(story))
    assert run.code == 2, run.err
    assert "is claimed by policy 'first' too" in run.err, run.err
    assert "xn--" not in run.err.split("is claimed by")[0] or other.startswith("xn--"), run.err
    assert "Traceback" not in run.err
    run = run_cli("validate", str(tmp_path / "rules"))
    assert run.code != 0, run.out + run.err
    assert "is claimed by policy" in run.out + run.err


def test_a_final_sigma_policy_and_a_sigma_policy_are_two(tmp_path):
    """οδος-τεστ.gr and ΟΔΟΣ-ΤΕΣΤ.gr (οδοσ-τεστ.gr) are two hosts: two policies may claim them."""
    _policy(tmp_path / "rules", "final", "οδος-τεστ.gr")
    _policy(tmp_path / "rules", "capital", GREEK)
    assert _chosen(tmp_path, "https://οδος-τεστ.gr/a")[0] == "final"
    assert _chosen(tmp_path, f"https://{GREEK_PUNY}/a")[0] == "capital"


@pytest.mark.parametrize("written", ["harbour.example\u3002", "\uff0eharbour.example", "harbour\u3002\uff0eexample"])
def test_an_applies_to_host_with_a_stray_ideographic_dot_is_refused(tmp_path, written):
    """``harbour.example。`` ends in a dot as UTS 46 reads it, as ``harbour.example.`` does: refused the same way,
    at its entry, exit 2 (it was taken, and matched no original)."""
    path = _policy(tmp_path / "rules", "mine", written)
    story = write(tmp_path / "story.md", "---\noriginal_url: https://harbour.example/a\n---\nHi.\n")
    run = run_cli("check", "--no-config", "--rules-dir", str(tmp_path / "rules"), str(story))
    assert run.code == 2, run.err
    assert f"{path}:5:" in run.err and f"applies_to: {written!r} is not a host name" in run.err, run.err
    assert "Traceback" not in run.err


def _tool_findings(tmp_path: Path, meta: str, body: str = "Hello.\n") -> list[dict]:
    story = write(tmp_path / "story.md", f"---\n{meta}---\n{body}")
    run = run_cli("check", "--no-config", str(story), "--format", "json")
    assert run.code in (0, 1), run.err
    return [f for f in run.json()["results"][0]["findings"] if f["rule"].startswith("reprint-guard/")]


@pytest.mark.parametrize(
    ("url", "named"),
    [
        ("https://harbour\uff0eexample\u3002/a", "harbour.example"),
        ("https://news\u3002harbour\uff61example/a", "news.harbour.example"),
        ("https://www\uff0eharbour.example/a", "harbour.example"),  # www. aside, as with ASCII dots
        (f"https://{GREEK}\uff0e/a", "οδοσ-τεστ.gr"),  # σ as UTS 46 lowers it, no punycode
        (f"https://{BOOKS}\u3002/a", BOOKS),
    ],
)
def test_an_unknown_host_is_named_with_ascii_dots_and_its_letters_as_written(tmp_path, url, named):
    """As the permission checks name a site (test_public_suffix): no full-width or ideographic dot, no trailing
    one, no punycode."""
    found = _tool_findings(tmp_path, f"original_url: {url}\n")
    assert [f["rule"] for f in found] == ["reprint-guard/unknown-publisher"]
    assert found[0]["message"] == f"no policy covers {named}, so the reprint terms could not be checked"
    assert f"Add a policy for {named} (--policy FILE" in found[0]["fix"]


def test_a_covered_host_is_named_with_ascii_dots_where_the_metadata_overrides_it(tmp_path):
    found = _tool_findings(tmp_path, "original_url: https://www.propublica\uff0eorg/article/x\npolicy: cc-by-4.0\n")
    said = {f["rule"]: f["message"] for f in found}
    said = said["reprint-guard/policy-overrides-host"]
    assert "the original's site (propublica.org) is covered by propublica" in said


def test_a_covered_host_under_another_key_is_named_with_ascii_dots(tmp_path):
    found = _tool_findings(tmp_path, "title: x\nsource: https://www.propublica\u3002org/article/x\n")
    said = {f["rule"]: f["message"] for f in found}
    said = said["reprint-guard/original-elsewhere"]
    assert "'source' holds an address on propublica.org, which propublica covers" in said


def test_an_archived_original_on_a_host_written_with_a_full_width_dot_is_read_as_the_archive(tmp_path):
    """web.archive．org is the Wayback Machine's host: an address there that names no page is told as one."""
    found = _tool_findings(tmp_path, "original_url: https://web.archive\uff0eorg/web/2019/\n")
    assert [f["rule"] for f in found] == ["reprint-guard/unknown-publisher"]
    assert "is an address at a web archive (web.archive.org)" in found[0]["message"], found


LINK_POLICY = """\
id: deva
name: Deva
publisher: Deva News
source_url: https://deva.example/terms
rules:
  - id: link-original
    check: link
    target: original
    message: link the original
"""
# क्‍ष (ka, virama, ZWJ, ssa: the half form) and क्ष (the conjunct) are two names, two hosts in DNS
# (xn--11b2ezcw70k.example and xn--11b2ezc.example), as an original's address is read (test_public_suffix).
JOINED = "\u0915\u094d\u200d\u0937.example"
CONJUNCT = "\u0915\u094d\u0937.example"


@pytest.mark.parametrize(
    ("original", "linked", "links_it"),
    [
        (JOINED, CONJUNCT, False),  # the joiner between two Devanagari letters is part of the host's name
        (CONJUNCT, JOINED, False),
        ("\u0645\u06cc\u200c\u062e.example", "\u0645\u06cc\u062e.example", False),  # a Persian ZWNJ
        (CONJUNCT, f"\u200d{CONJUNCT.replace('.', chr(0x200C) + '.')}", True),  # at a label's ends: a paste
        ("ab.example", "a\u200db.example", True),  # beside ASCII letters: a paste, read away
        (JOINED, JOINED.upper(), True),
        # Between two Greek, Cyrillic or CJK letters a joiner joins nothing: a paste, read away (it was kept,
        # which failed a link to the original with nothing said of the invisible character).
        ("οδοσ-τεστ.gr", "οδ\u200dοσ-τεστ.gr", True),
        ("οδοσ-τεστ.gr", "οδ\u200cοσ-τεστ.gr", True),
        ("книга.example", "кни\u200dга.example", True),
        ("東京.example", "東\u200d京.example", True),
    ],
)
def test_a_joiner_in_a_links_host_is_read_as_in_the_originals_address(tmp_path, original, linked, links_it):
    """A link to the original is compared with the joiners read as ``original_url`` reads them: kept between
    letters of the scripts that write them, left out at a label's ends and beside an ASCII character. Two
    addresses whose hosts differ by such a joiner were one (every joiner was dropped)."""
    write(tmp_path / "rules" / "deva.yaml", LINK_POLICY)
    story = write(
        tmp_path / "story.md",
        f"---\noriginal_url: https://{original}/news/a\npolicy: deva\n---\n"
        f"Read [the original](https://{linked}/news/a).\n",
    )
    run = run_cli("check", "--no-config", "--rules-dir", str(tmp_path / "rules"), str(story), "--format", "json")
    assert run.code in (0, 1), run.err
    rules = [f["rule"] for f in run.json()["results"][0]["findings"]]
    assert ("deva/link-original" not in rules) is links_it, (original, linked, rules)


def _imported(tmp_path: Path, url: str) -> str:
    """What ``python -X importtime`` says the CLI imported checking a story whose original is at ``url``, under
    the bundled policies (a policy of one's own is validated by jsonschema, whose format checker imports idna)."""
    import subprocess
    import sys

    story = write(tmp_path / "story.md", f"---\noriginal_url: {url}\n---\nRead more.\n")
    command = [sys.executable, "-X", "importtime", "-m", "reprint_guard", "check", "--no-config", str(story)]
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    assert run.returncode in (0, 1), run.stderr[-2000:]
    return run.stderr


def test_only_a_host_in_another_script_imports_idna(tmp_path):
    """Choosing a policy reads an ASCII host by str.lower() alone; an original's host in another script is read
    by IDNA 2008 (the ``idna`` package), imported then and only then."""
    assert " idna\n" not in _imported(tmp_path, "https://news.harbour.example/a")
    assert " idna\n" not in _imported(tmp_path, f"https://www.{BOOKS_PUNY}/a")
    assert " idna\n" in _imported(tmp_path, f"https://www.{BOOKS}/a")


def _links_original(tmp_path: Path, policy: str, original: str, linked: str) -> bool:
    write(tmp_path / "rules" / "deva.yaml", policy)
    story = write(
        tmp_path / "story.md",
        f"---\noriginal_url: {original}\npolicy: deva\n---\nRead [the original]({linked}).\n",
    )
    run = run_cli("check", "--no-config", "--rules-dir", str(tmp_path / "rules"), str(story), "--format", "json")
    assert run.code in (0, 1), run.err
    return "deva/link-original" not in [f["rule"] for f in run.json()["results"][0]["findings"]]


@pytest.mark.parametrize(
    ("original", "linked", "links_it"),
    [
        (f"https://{BOOKS}/news/a", f"https://{BOOKS_PUNY}/news/a", True),
        (f"https://{BOOKS_PUNY}/news/a", f"https://www.{BOOKS}/news/a/", True),
        (f"https://{GREEK}/news/a", f"https://{GREEK_PUNY}/news/a", True),
        (f"https://{BOOKS}\uff0e/news/a", f"https://{BOOKS_PUNY}/news/a", True),
        (f"https://{JOINED}/news/a", "https://xn--11b2ezcw70k.example/news/a", True),  # the joiner's punycode
        (f"https://{JOINED}/news/a", "https://xn--11b2ezc.example/news/a", False),  # the conjunct's
        (f"https://{BOOKS}/news/a", f"https://news.{BOOKS_PUNY}/news/a", False),  # another host
        ("https://οδος-τεστ.gr/news/a", f"https://{GREEK_PUNY}/news/a", False),  # ς is not σ
    ],
)
def test_a_link_in_punycode_or_in_unicode_is_to_the_same_host(tmp_path, original, linked, links_it):
    """A link to the original written in punycode where original_url is in Unicode, or the other way round, is
    a link to it, as a browser reads both (it was compared as written: another host)."""
    assert _links_original(tmp_path, LINK_POLICY, original, linked) is links_it, (original, linked)


ALT_PUNY = "xn--bcher-alt-q9a.example"  # bücher-alt.example
ALIASED = LINK_POLICY.replace(
    "rules:\n",
    f"applies_to: [{BOOKS}, {ALT_PUNY}]\nhost_aliases: [{BOOKS_PUNY}, bücher-alt.example]\nrules:\n",
)


@pytest.mark.parametrize("linked", ["https://bücher-alt.example/news/a", f"https://{ALT_PUNY}/news/a"])
def test_a_host_alias_serves_the_original_in_either_spelling(tmp_path, linked):
    assert _links_original(tmp_path, ALIASED, f"https://www.{BOOKS}/news/a", linked)


def test_a_joiner_pasted_beside_ascii_in_a_covered_address_is_read_away(tmp_path):
    """``propublica\u200d.org`` under a key reprint-guard does not read as the original: the joiner beside a dot
    is a paste (as in original_url), so the address is on propublica.org, which a policy covers, named so."""
    found = _tool_findings(tmp_path, 'title: x\nsource: "https://www.propublica\\u200d.org/article/x"\n')
    said = {f["rule"]: f["message"] for f in found}
    assert "'source' holds an address on propublica.org, which propublica covers" in said.get(
        "reprint-guard/original-elsewhere", ""
    ), found


@pytest.mark.parametrize(
    ("written", "url", "covers"),
    [
        (CONJUNCT, f"https://{JOINED}/a", False),  # the half form is another host
        (JOINED, f"https://{JOINED}/a", True),
        (JOINED, "https://xn--11b2ezcw70k.example/a", True),
        ("xn--11b2ezcw70k.example", f"https://news.{JOINED}/a", True),
        ("xn--11b2ezcw70k.example", f"https://{CONJUNCT}/a", False),
    ],
)
def test_a_policy_for_a_host_with_a_joiner_covers_that_host_only(tmp_path, written, url, covers):
    _policy(tmp_path / "rules", "mine", written)
    assert (_chosen(tmp_path, url)[0] == "mine") is covers, (written, url)


SOLD = Path(__file__).parent / "policies" / "propublica" / "compliant-sold-permission.md"


@pytest.mark.parametrize(
    ("grantor", "counts"),
    [
        ("syndication@οδοσ-τεστ.gr", True),
        (f"syndication@{GREEK_PUNY}", True),
        (f"syndication@news.{GREEK}", True),
        ("syndication@οδος-τεστ.gr", False),  # the final ς: another host, not the publisher's
    ],
)
def test_a_publishers_grant_is_told_by_its_policys_host_as_uts_46_reads_it(tmp_path, grantor, counts):
    """A policy of one's own for ΟΔΟΣ-ΤΕΣΤ.gr, extending ProPublica's (its no-sale term): a commercial grant
    from the publisher's own host counts, in Unicode or punycode; one from οδος-τεστ.gr (str.lower()'s reading
    of the policy's host) does not."""
    write(
        tmp_path / "rules" / "odos.yaml",
        f"id: odos\nname: Odos\npublisher: Odos Test\nsource_url: https://odos.example/terms\nextends: propublica\n"
        f"applies_to: [{GREEK}]\nrules: []\n",
    )
    text = SOLD.read_text(encoding="utf-8").replace("syndication@propublica.org", grantor)
    story = write(tmp_path / "story.md", text.replace("https://www.propublica.org/", f"https://{GREEK}/"))
    run = run_cli("check", "--no-config", "--rules-dir", str(tmp_path / "rules"), str(story), "--format", "json")
    assert run.code in (0, 1), run.err
    result = run.json()["results"][0]
    assert result["policy"] == "odos"
    found = [f for f in result["findings"] if f["rule"] == "odos/not-sold"]
    assert (found == []) is counts, (grantor, found)
    if found:
        assert "only Odos Test may grant it (from an address at οδοσ-τεστ.gr)" in found[0]["message"]


@pytest.mark.parametrize("label", ["\u4e2d" * 64, "b\u00fccher" * 200])
def test_a_host_no_dns_name_could_be_is_compared_as_written(label):
    """A label over 63 characters (RFC 1035) is no host name: written as it is, not turned into punycode, whose
    time grows as the square of a label's length (a page of a thousand such links took minutes)."""
    from reprint_guard.urls import _idna_2008, ascii_host

    host = f"{label}.example"
    assert _idna_2008(host) == host
    assert ascii_host(host) == host.lower()
    assert _idna_2008("b\u00fccher.example") == "xn--bcher-kva.example"


def test_a_host_of_many_labels_is_its_publishers_and_looked_up_in_few_steps():
    """The lookup starts at as many labels as a policy's domain has: a host of 200,000 labels under
    propublica.org is ProPublica's (each parent domain was copied in turn: minutes for such a host)."""
    import reprint_guard

    for host in ("a." * 200_000 + "propublica.org", "\u3002" * 200_000 + "propublica.org"):
        result = reprint_guard.check("Text.", {"original_url": f"https://{host}/article/x", "title": "T"})
        assert result.policy == "propublica"


MEDIA_POLICY = """\
id: own
name: Own
publisher: Own Test
source_url: https://own.example/terms
applies_to: [{host}]
rules:
  - {{id: photos, check: media, mode: permission, scope: photos, tags: [img], message: Photos need permission}}
"""


def _publishers_grant_counts(tmp_path: Path, written: str, grantor_host: str) -> bool:
    """Whether the permission check takes ``syndication@grantor_host``'s commercial grant as the publisher's,
    under a policy of one's own for ``written`` extending ProPublica's (its no-sale term)."""
    folder = tmp_path / "sold"
    write(
        folder / "rules" / "odos.yaml",
        f"id: odos\nname: Odos\npublisher: Odos Test\nsource_url: https://odos.example/terms\nextends: propublica\n"
        f"applies_to: ['{written}']\nrules: []\n",
    )
    text = SOLD.read_text(encoding="utf-8").replace("syndication@propublica.org", f"syndication@{grantor_host}")
    text = text.replace("original_url: ", "policy: odos\noriginal_url: ", 1)
    story = write(folder / "story.md", text)
    run = run_cli("check", "--no-config", "--rules-dir", str(folder / "rules"), str(story), "--format", "json")
    assert run.code in (0, 1) and "Traceback" not in run.err, run.err
    result = run.json()["results"][0]
    assert result["policy"] == "odos"
    return not [f for f in result["findings"] if f["rule"] == "odos/not-sold"]


def _publishers_photo_record(tmp_path: Path, written: str, grantor_host: str) -> bool:
    """Whether the media check takes an undated record from ``photos@grantor_host`` naming a photo on the
    site's own server as the publisher's grant (which needs a date), not the site's word that the photo is its
    own (which needs none)."""
    folder = tmp_path / "photo"
    write(folder / "rules" / "own.yaml", MEDIA_POLICY.format(host=f"'{written}'"))
    record = {"from": f"photos@{grantor_host}", "scope": ["photos"], "media": ["/img/ours.jpg"]}
    meta = {"original_url": "https://own.example/2026/gulls", "policy": "own", "published": "2026-11-20"}
    body = "\nGulls.\n\n![Ours](/img/ours.jpg)\n"
    story = write(folder / "story.md", markdown({**meta, "permissions": [record]}, body))
    run = run_cli("check", "--no-config", "--rules-dir", str(folder / "rules"), str(story), "--format", "json")
    assert run.code in (0, 1) and "Traceback" not in run.err, run.err
    messages = [f["message"] for f in run.json()["results"][0]["findings"] if f["rule"] == "own/photos"]
    assert all("has no date" in m for m in messages), messages
    return bool(messages)


@pytest.mark.parametrize(
    ("written", "grantor_host", "publishers"),
    [
        ("BÜCHER-POST.example", BOOKS_PUNY, True),  # in capitals and Unicode; the address in punycode
        (BOOKS_PUNY, f"news.{BOOKS}", True),
        ("www.bücher-post.example", BOOKS, True),
        ("bücher-post\uff0eexample", BOOKS, True),  # a full-width dot
        (GREEK, "οδοσ-τεστ.gr", True),
        (GREEK, "οδος-τεστ.gr", False),  # the final ς: another host
        # One www. aside on either side, as policy selection takes it: a policy for www.www.harbour.example covers
        # that host and news.www.harbour.example, not (www.)harbour.example, whose addresses the permission check
        # took as the publisher's (it took www. off the policy's host twice).
        ("www.www.harbour.example", "www.www.harbour.example", True),
        ("www.www.harbour.example", "news.www.harbour.example", True),
        ("www.www.harbour.example", "www.harbour.example", False),
        ("www.www.harbour.example", "harbour.example", False),
        ("harbour.example", "harbour.example.com", False),
    ],
)
def test_the_permission_and_media_checks_read_a_publishers_host_as_policy_selection_does(
    tmp_path, written, grantor_host, publishers
):
    """One reading of ``applies_to`` as hosts (policy.model.publisher_host_of): a grant from an address on a
    host the policy covers is the publisher's for the permission check and for the media check alike, and an
    original on that host is the policy's."""
    assert _publishers_grant_counts(tmp_path, written, grantor_host) is publishers, "permission"
    assert _publishers_photo_record(tmp_path, written, grantor_host) is publishers, "media"
    _policy(tmp_path / "rules", "mine", f"'{written}'")
    assert (_chosen(tmp_path, f"https://{grantor_host}/a")[0] == "mine") is publishers, "policy selection"
