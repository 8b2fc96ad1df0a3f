"""Project configuration: discovery, front-matter mapping, defaults, overrides, severity, fail-on, init."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import COMPLIANT_BODY, COMPLIANT_META, GR_URL, POLICY_HEAD, ROOT, markdown
from reprint_guard.config.loader import SCHEMA_PATH, render_config_schema

HUGO_META = {"title": "Harbour", "authors": ["Ana Ruiz"], "canonicalURL": GR_URL, "draft": False}


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def results(run):
    return {r["path"].split("/")[-1]: r for r in run.json()["results"]}


def test_config_schema_is_fresh_and_valid():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render_config_schema()
    jsonschema.Draft202012Validator.check_schema(json.loads(render_config_schema()))


def test_yaml_config_is_discovered_from_a_subfolder(tmp_path, cli):
    write(
        tmp_path / ".reprint-guard.yaml",
        "front-matter:\n  canonicalURL: original_url\n  authors: author\ndefaults:\n  commercial: true\n",
    )
    write(tmp_path / "content" / "posts" / "harbour.md", markdown(HUGO_META, COMPLIANT_BODY))
    run = cli("check", "posts", "--format", "json", cwd=tmp_path / "content")
    result = results(run)["harbour.md"]
    assert result["policy"] == "global-research"
    # authors mapped to author (the copyright notice names Ana Ruiz), commercial from defaults:
    assert [(f["rule"], f["line"]) for f in result["findings"]] == [("global-research/commercial-permission", 2)]
    assert run.code == 1


def test_a_configs_errors_name_it_as_its_warnings_do(tmp_path, cli):
    """Its warnings named the config from the working folder, its errors (a bad value, an unknown policy) by
    its absolute path: one file, two names in one terminal. Above the working folder, both name it whole."""
    write(tmp_path / "a.md", markdown(COMPLIANT_META, COMPLIANT_BODY))
    config = tmp_path / ".reprint-guard.yaml"
    (tmp_path / "sub").mkdir()
    write(config, "severity:\n  nonsense/rule: error\n")
    warned = cli("check", "a.md", cwd=tmp_path)
    assert "reprint-guard: warning: .reprint-guard.yaml:2:3: " in warned.err, warned.err
    for text, said in [
        ("severity:\n  global-research/source-credit: bogus\n", ":2:3: severity.global-research/source-credit"),
        ("policy: nosuch\n", ":1:9: unknown policy 'nosuch'"),
    ]:
        write(config, text)
        run = cli("check", "a.md", "--format", "json", cwd=tmp_path)
        assert run.code == 2 and run.err.startswith(f"reprint-guard: .reprint-guard.yaml{said}"), run.err
        (failed,) = json.loads(run.out)["results"]  # the stopped run's report names the config as the line does
        assert (failed["path"], failed["status"]) == (".reprint-guard.yaml", "error"), failed
        below = cli("check", "../a.md", cwd=tmp_path / "sub")
        assert below.code == 2 and below.err.startswith(f"reprint-guard: {config}{said}"), below.err


def test_no_config_leaves_a_parent_folders_config_out(tmp_path, cli):
    write(tmp_path / ".reprint-guard.yaml", "defaults:\n  commercial: true\n")
    write(tmp_path / "sub" / "harbour.md", markdown(COMPLIANT_META, COMPLIANT_BODY))
    found = cli("check", "harbour.md", "--format", "json", cwd=tmp_path / "sub")
    assert [f["rule"] for f in found.json()["results"][0]["findings"]] == []  # the file's commercial: false wins
    write(
        tmp_path / "sub" / "bare.md",
        markdown({k: v for k, v in COMPLIANT_META.items() if k != "commercial"}, COMPLIANT_BODY),
    )
    with_parent = cli("check", "bare.md", "--format", "json", cwd=tmp_path / "sub")
    assert [f["rule"] for f in with_parent.json()["results"][0]["findings"]] == [
        "global-research/commercial-permission"
    ]
    alone = cli("check", "bare.md", "--no-config", "--format", "json", cwd=tmp_path / "sub")
    assert [f["rule"] for f in alone.json()["results"][0]["findings"]] == ["reprint-guard/missing-metadata"]
    both = cli("check", "bare.md", "--no-config", "--config", "x.yaml", cwd=tmp_path / "sub")
    assert both.code == 2 and "not allowed with" in both.err


def test_mapped_keys_keep_their_lines(tmp_path, cli):
    write(tmp_path / ".reprint-guard.yaml", "front-matter: {canonicalURL: original_url}\n")
    meta = {"title": "x", "canonicalURL": "not a url", "author": "Ana Ruiz", "commercial": False}
    write(tmp_path / "a.md", markdown(meta, COMPLIANT_BODY))
    run = cli("check", "a.md", "--format", "json", cwd=tmp_path)
    finding = run.json()["results"][0]
    # 'not a url' has no host: unknown publisher reported at the canonicalURL line
    assert finding["findings"][0]["rule"] == "reprint-guard/unknown-publisher"
    assert finding["findings"][0]["line"] == 3


def test_a_mapping_onto_a_key_not_read_is_told_as_the_configs_slip(tmp_path, cli):
    """The config mapped Hugo's publishDate onto "published_at": each file was told to rename a key it does
    not hold ("Rename 'published_at' to 'published'"); the slip is the config's."""
    write(tmp_path / ".reprint-guard.yaml", "front-matter: {publishDate: published_at}\n")
    write(tmp_path / "a.md", markdown({**COMPLIANT_META, "publishDate": "2026-11-22"}, COMPLIANT_BODY))
    [finding] = cli("check", "a.md", "--format", "json", cwd=tmp_path).json()["results"][0]["findings"]
    assert finding["rule"] == "reprint-guard/misspelt-key", finding
    assert finding["message"].startswith(
        "the config's front-matter maps 'publishDate' onto 'published_at', which reprint-guard does not read"
    ), finding
    assert (
        finding["fix"]
        == "Correct the config's front-matter mapping to publishDate: published (the file is right as it is)."
    )


def test_findings_name_the_sites_own_key_for_a_mapped_one(tmp_path, cli):
    """Hugo takes `modified` for a date, so a site maps `edited`; the finding names the key in the file."""
    from conftest import ROOT

    write(tmp_path / ".reprint-guard.yaml", "front-matter: {edited: modified, is_commercial: commercial}\n")
    source = (ROOT / "tests" / "policies" / "mongabay" / "no-derivatives.md").read_text(encoding="utf-8")
    write(tmp_path / "a.md", source.replace("modified: true", "edited: true"))
    nc = (ROOT / "tests" / "policies" / "cc-by-nc-4.0" / "compliant.md").read_text(encoding="utf-8")
    write(tmp_path / "b.md", nc.replace("commercial: false\n", ""))
    results = {r["path"]: r for r in cli("check", ".", "--format", "json", cwd=tmp_path).json()["results"]}
    (edited,) = results["a.md"]["findings"]
    assert edited["rule"] == "mongabay/no-derivatives"
    assert "('edited' is true; this policy allows only false)" in edited["message"]
    unset = [f for f in results["b.md"]["findings"] if f["rule"] == "reprint-guard/missing-metadata"]
    assert unset and unset[0]["message"].startswith("'is_commercial' is not set"), unset
    assert "Add 'is_commercial: ...'" in unset[0]["fix"]
    # A policy's own fix text names the site's key too: "set edited true", not the key Hugo takes for a date.
    story = "By Tomás Brenner. This story has been condensed for length.\n\nThis story was originally published by "
    credit = "[ProPublica](https://www.propublica.org/article/heat-pumps)."
    meta = {"author": "Tomás Brenner", "original_url": "https://www.propublica.org/article/heat-pumps"}
    write(tmp_path / "c.md", markdown({**meta, "commercial": False}, story + credit))
    [result] = cli("check", "c.md", "--format", "json", cwd=tmp_path).json()["results"]
    [said] = [f for f in result["findings"] if f["rule"] == "propublica/edits-declared"]
    assert "if it was edited, set edited: true" in said["fix"] and "modified" not in said["fix"], said["fix"]


def test_a_fixs_record_to_add_names_the_sites_key_for_permissions(tmp_path, cli):
    """A CMS developer's review: with ``grants`` mapped onto ``permissions``, a finding's ``field`` said
    ``grants`` but its fix still wrote ``permissions: [{from: ...}]``, a key the site does not read."""
    import reprint_guard

    write(tmp_path / ".reprint-guard.yaml", "front-matter: {grants: permissions, isCommercial: commercial}\n")
    meta = {**COMPLIANT_META, "medium": "print"}
    write(tmp_path / "a.md", markdown(meta, COMPLIANT_BODY))
    granted = {**meta, "grants": [{"from": "x@example.org", "date": "2025-01-01", "scope": ["web"]}]}
    write(tmp_path / "b.md", markdown(granted, COMPLIANT_BODY))
    found = {r["path"]: r["findings"] for r in cli("check", ".", "--format", "json", cwd=tmp_path).json()["results"]}
    [a], [b] = found["a.md"], found["b.md"]
    assert a["field"] == "grants" and "record it in the metadata: grants: [{from: " in a["fix"], a["fix"]
    assert "added to the grants list the metadata already has" in b["fix"] and "permissions" not in b["fix"], b["fix"]
    # The library, given the same mapping, writes the record as JSON under the site's key.
    config = {"front-matter": {"grants": "permissions", "isCommercial": "commercial"}}
    given = {**{k: v for k, v in COMPLIANT_META.items() if k != "commercial"}, "isCommercial": True}
    body = COMPLIANT_BODY
    [one] = reprint_guard.check(body, given, config=config).findings
    assert '"grants": [{"from": "publications@globalresearch.ca"' in one.fix and "permissions" not in one.fix, one.fix
    grants = [{"from": "x@example.org", "date": "2025-01-01", "scope": ["print"]}]
    [two] = reprint_guard.check(body, {**given, "grants": grants}, config=config).findings
    assert "added to the grants array the metadata already has" in two.fix, two.fix
    # A word of prose that is also the key is not renamed: the record's key alone is.
    from reprint_guard.runner import _site_key_in_fix

    assert _site_key_in_fix("Credit the author; set author to Ana.", "author", "writer") == (
        "Credit the author; set writer to Ana."
    )


def test_a_key_of_ours_the_site_uses_for_its_own_is_left_to_it_once_another_is_mapped_onto_it(tmp_path, cli):
    """Hugo's `modified` is a date: with `edited: modified` the file's `modified` is Hugo's, not a bad value;
    --meta and the config's defaults take the site's names too, and a bad value is told by the site's key."""
    from conftest import ROOT

    write(
        tmp_path / ".reprint-guard.yaml",
        "front-matter: {edited: modified, authors: author, originally_published: original_published}\n",
    )
    write(tmp_path / "own.md", "---\ntitle: Ours\nmodified: 2026-04-02\n---\nOur own story.\n")
    source = (ROOT / "tests" / "policies" / "mongabay" / "no-derivatives.md").read_text(encoding="utf-8")
    write(tmp_path / "a.md", source.replace("modified: true", "edited: true\nmodified: 2026-04-02"))
    results = {r["path"]: r for r in cli("check", ".", "--format", "json", cwd=tmp_path).json()["results"]}
    assert results["own.md"]["status"] == "skipped"
    (finding,) = results["a.md"]["findings"]
    assert (finding["line"], "('edited' is true" in finding["message"]) == (10, True)
    assert cli("check", "a.md", "--meta", "edited=false", cwd=tmp_path).code == 0
    write(tmp_path / "b.md", source.replace("modified: true", "edited: maybe"))
    run = cli("check", "b.md", cwd=tmp_path)
    assert run.code == 2 and "b.md:10:1: metadata 'edited': 'maybe' is not true or false" in run.out
    write(tmp_path / "gr.md", f"---\ntitle: x\noriginal_url: {GR_URL}\ncommercial: false\n---\nA story.\n")
    credit = cli("credit", "--policy", "global-research", "--from", "gr.md", cwd=tmp_path)
    assert "needs metadata that is not set: authors (or copyright_holder), originally_published" in credit.err


@pytest.mark.parametrize("mapped", ["canonicalURL", "params.canonicalURL"])
def test_a_mapped_key_that_disagrees_with_ours_is_told_at_the_sites_key(tmp_path, cli, mapped):
    """The file sets original_url and the site's canonicalURL, which the config maps onto it, to two
    publishers' articles: ours is read (ProPublica's terms), and the other is said, at its line."""
    write(tmp_path / ".reprint-guard.yaml", f"front-matter:\n  {mapped}: original_url\n")
    theirs = {"params": {"canonicalURL": GR_URL}} if "." in mapped else {"canonicalURL": GR_URL}
    meta = {**COMPLIANT_META, "original_url": "https://www.propublica.org/article/harbour", **theirs}
    write(tmp_path / "a.md", markdown(meta, COMPLIANT_BODY))
    (result,) = cli("check", "a.md", "--format", "json", cwd=tmp_path).json()["results"]
    assert result["policy"] == "propublica"
    (said,) = [f for f in result["findings"] if f["rule"] == "reprint-guard/conflicting-keys"]
    text = (tmp_path / "a.md").read_text(encoding="utf-8").split("\n")
    # At the key (a dotted one's table: front matter's places are its top-level keys').
    assert text[said["line"] - 1].startswith(mapped.split(".")[0]) and f"says '{GR_URL}'" in said["message"]
    # --meta decides the key: what the file says of it no longer counts.
    overridden = cli("check", "a.md", "--format", "json", "--meta", f"original_url={GR_URL}", cwd=tmp_path)
    assert [f for f in overridden.json()["results"][0]["findings"] if f["rule"].endswith("conflicting-keys")] == []
    # The same address spelt another way says the same thing: nothing to tell.
    same = {**COMPLIANT_META, "canonicalURL": GR_URL.replace("https://www.", "http://") + "/"}
    write(tmp_path / "b.md", markdown(same, COMPLIANT_BODY))
    (result,) = cli("check", "b.md", "--format", "json", cwd=tmp_path).json()["results"]
    assert (result["status"], result["findings"]) == ("pass", [])
    # A theme's canonicalURL of the page itself, on the site's own host, says nothing of the original.
    write(
        tmp_path / ".reprint-guard.yaml", f"front-matter:\n  {mapped}: original_url\nown-hosts: [riverbendledger.org]\n"
    )
    own = "https://riverbendledger.org/posts/harbour/"
    mine = {**COMPLIANT_META, **({"params": {"canonicalURL": own}} if "." in mapped else {"canonicalURL": own})}
    write(tmp_path / "c.md", markdown(mine, COMPLIANT_BODY))
    (result,) = cli("check", "c.md", "--format", "json", cwd=tmp_path).json()["results"]
    assert (result["status"], result["policy"], result["findings"]) == ("pass", "global-research", [])


def test_a_blank_key_of_ours_gives_way_to_the_sites_and_two_site_keys_that_disagree_are_told(tmp_path, cli):
    """A Hugo archetype leaves `original_url:` blank beside the site's canonicalURL: the reprint is checked
    by canonicalURL, not skipped; init proposes the mapping for such files. Two keys of the site's mapped
    onto one of ours that disagree name each other, not our key."""
    meta = {**COMPLIANT_META, "original_url": "", "canonicalURL": GR_URL}
    del meta["author"]
    meta.update({"authors": "Ana Ruiz", "byline": "Bob Roe"})
    write(tmp_path / "content" / "a.md", markdown(meta, COMPLIANT_BODY))
    assert cli("init", str(tmp_path)).code == 0
    data = yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))
    assert data["front-matter"]["canonicalURL"] == "original_url"
    write(
        tmp_path / ".reprint-guard.yaml",
        "front-matter: {canonicalURL: original_url, authors: author, byline: author}\n",
    )
    (result,) = cli("check", "content/a.md", "--format", "json", cwd=tmp_path).json()["results"]
    assert (result["policy"], result["status"]) == ("global-research", "pass")
    (said,) = result["findings"]
    assert said["rule"] == "reprint-guard/conflicting-keys"
    assert "'byline' says 'Bob Roe', but 'authors' says 'Ana Ruiz'" in said["message"]


def test_hugo_params_are_mapped_by_a_dotted_key_and_init_proposes_it(tmp_path, cli):
    """Hugo keeps a site's own fields under params:, which a dotted front-matter key reaches."""
    meta = {"title": "x", "commercial": False, "params": {"canonicalURL": GR_URL, "authors": ["Ana Ruiz"]}}
    write(tmp_path / "content" / "a.md", markdown(meta, COMPLIANT_BODY))
    (unmapped,) = cli("check", "content", "--format", "json", cwd=tmp_path).json()["results"][0]["findings"]
    assert unmapped["rule"] == "reprint-guard/credited-original"  # not checked as a reprint, and told so
    assert cli("init", str(tmp_path)).code == 0
    data = yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))
    assert data["front-matter"] == {"params.canonicalURL": "original_url", "params.authors": "author"}
    (result,) = cli("check", "content", "--format", "json", cwd=tmp_path).json()["results"]
    assert (result["policy"], result["status"], result["findings"]) == ("global-research", "pass", [])


def test_init_maps_no_authors_key_that_holds_only_taxonomy_slugs(tmp_path, cli):
    """A Hugo theme's authors taxonomy holds slugs ("dana-whitfield"), the names on the term pages: init
    mapped them onto author, so a correct byline failed and --fix would publish "By dana-whitfield"."""
    for name, authors in (("a.md", ["dana-whitfield"]), ("b.md", ["ana-ruiz", "li-wei"])):
        meta = {"title": "x", "commercial": False, "canonicalURL": GR_URL, "authors": authors}
        write(tmp_path / "content" / name, markdown(meta, COMPLIANT_BODY))
    assert cli("init", str(tmp_path)).code == 0
    written = (tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(written)["front-matter"] == {"canonicalURL": "original_url"}
    assert "# Not mapped: your authors holds slugs" in written
    # And check, on a file of slugs, says what init says, not to map them.
    run = cli("check", str(tmp_path / "content" / "a.md"), "--format", "json", cwd=tmp_path)
    [told] = [f for f in run.json()["results"][0]["findings"] if f["rule"] == "reprint-guard/misspelt-key"]
    assert told["message"].startswith("'authors' holds slugs, not the names a credit gives"), told
    assert told["fix"].startswith("Add 'author: <the name as credited>' to the metadata"), told
    # One file naming its author as written: the key holds names, and is mapped.
    meta = {"title": "x", "commercial": False, "canonicalURL": GR_URL, "authors": ["Ana Ruiz"]}
    write(tmp_path / "content" / "c.md", markdown(meta, COMPLIANT_BODY))
    assert cli("init", str(tmp_path), "--force").code == 0
    data = yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))
    assert data["front-matter"] == {"canonicalURL": "original_url", "authors": "author"}


@pytest.mark.parametrize(
    ("mapped", "written"),
    [
        ("canonicalURL", {"params": {"canonicalURL": GR_URL}}),  # the config names the top, the file params:
        ("params.canonicalURL", {"canonicalURL": GR_URL}),  # and the other way round
        ("canonicalURL", {"Params": {"CanonicalUrl": GR_URL}}),  # blind to case, as Hugo reads both
    ],
)
def test_a_hugo_key_is_read_at_either_of_its_places(tmp_path, cli, mapped, written):
    """``canonicalURL`` at the top of the front matter and under ``params:`` are one ``.Params.canonicalURL``
    to Hugo: a reprint is one whichever of the two the config's mapping names and the file uses."""
    write(tmp_path / ".reprint-guard.yaml", f"front-matter: {{{mapped}: original_url}}\n")
    write(
        tmp_path / "a.md",
        markdown({"title": "x", "commercial": False, "author": "Ana Ruiz", **written}, COMPLIANT_BODY),
    )
    (result,) = cli("check", "a.md", "--format", "json", cwd=tmp_path).json()["results"]
    assert (result["policy"], result["status"]) == ("global-research", "pass"), result


def test_the_site_keeps_only_a_date_under_our_name_and_its_names_work_in_every_layer(tmp_path, cli):
    """A bad value of our own key is still an error (only a date is Hugo's own); a table's name is read blind
    to case; --meta in the site's names wins over an override, as the precedence says; names are not chained."""
    write(
        tmp_path / ".reprint-guard.yaml", "front-matter: {canonicalURL: original_url, params.sourceURL: original_url}\n"
    )
    write(tmp_path / "a.md", "---\ntitle: x\noriginal_url: 5799123\n---\nBody\n")
    run = cli("check", "a.md", cwd=tmp_path)
    assert run.code == 2
    assert "metadata 'original_url': should be a string (text), not a number (5799123): quote it" in run.out
    write(tmp_path / "b.md", markdown({"title": "x", "commercial": False, "Params": {"sourceURL": GR_URL}}, "Body"))
    assert cli("check", "b.md", "--format", "json", cwd=tmp_path).json()["results"][0]["policy"] == "global-research"
    write(
        tmp_path / ".reprint-guard.yaml",
        f"front-matter: {{canonicalURL: original_url, author: copyright_holder, creator: author}}\n"
        f"overrides: [{{paths: ['c.md'], metadata: {{original_url: '{GR_URL}'}}}}]\n",
    )
    write(tmp_path / "c.md", "---\ntitle: x\ncommercial: false\n---\nBody\n")
    mongabay = "https://news.mongabay.com/2026/10/a-story/"
    run = cli("check", "c.md", "--meta", f"canonicalURL={mongabay}", "--format", "json", cwd=tmp_path)
    assert run.json()["results"][0]["policy"] == "mongabay"
    credit = cli("credit", "--policy", "global-research", "--from", "c.md", cwd=tmp_path)
    assert "not set: creator (or author)" in credit.err, credit.err


def test_raw_html_false_hints_only_where_left_out_html_can_be_why(tmp_path, cli):
    write(tmp_path / ".reprint-guard.yaml", "raw-html: false\n")
    body = COMPLIANT_BODY.replace("Global Research", "GR")
    write(tmp_path / "more.md", markdown(COMPLIANT_META, "<!--more-->\n\n" + body))
    write(tmp_path / "html.md", markdown(COMPLIANT_META, "<div>All rights reserved.</div>\n\n" + body))
    # A credit in a comment over several lines, with tags inside it: a comment shows nothing either way.
    credit = f'<!-- The original source of this article is <a href="{GR_URL}">Global Research</a>.\nCopyright -->'
    write(tmp_path / "comment.md", markdown(COMPLIANT_META, body + "\n" + credit + "\n"))
    findings = {r["path"]: r["findings"] for r in cli("check", ".", "--format", "json", cwd=tmp_path).json()["results"]}
    assert findings["more.md"] and all("raw-html" not in (f["fix"] or "") for f in findings["more.md"])
    assert findings["comment.md"] and all("raw-html" not in (f["fix"] or "") for f in findings["comment.md"])
    assert any("raw-html is false" in (f["fix"] or "") for f in findings["html.md"])
    # A pixel left out explains a missing pixel, not a missing byline or link: those are told without the hint.
    calmatters = {
        "author": "Ana Ruiz",
        "original_url": "https://calmatters.org/environment/2026/11/water-rights/",
        "commercial": False,
    }
    pixel = '<img src="https://calmatters.org/wp-json/pixel?republication-pixel=true&post=1234" width="1" height="1">'
    write(tmp_path / "cm.md", markdown(calmatters, f"California's water rights.\n\n{pixel}\n"))
    [result] = cli("check", "cm.md", "--format", "json", cwd=tmp_path).json()["results"]
    hinted = {f["rule"]: "raw-html is false" in (f["fix"] or "") for f in result["findings"]}
    assert hinted.pop("calmatters/tracking-pixel") is True and hinted and not any(hinted.values()), hinted
    said = next(f["fix"] for f in result["findings"] if f["rule"] == "calmatters/tracking-pixel")
    assert '." raw-html' not in said and ".." not in said, said


def test_a_key_close_to_the_one_that_makes_a_reprint_is_said_not_skipped(tmp_path, cli):
    write(tmp_path / ".reprint-guard.yaml", "front-matter: {canonicalURL: original_url}\n")
    write(tmp_path / "typo.md", markdown({"title": "x", "orginal_url": GR_URL}, COMPLIANT_BODY))
    case_meta = {k: v for k, v in COMPLIANT_META.items() if k != "original_url"} | {"canonicalUrl": GR_URL}
    write(tmp_path / "case.md", markdown(case_meta, COMPLIANT_BODY))
    write(tmp_path / "own.md", markdown({"title": "x", "original_author": "Ana Ruiz"}, "Our own story.\n"))
    run = cli("check", ".", "--format", "json", cwd=tmp_path)
    assert run.code == 0  # warnings: the step does not fail, the file is named
    results = {Path(r["path"]).name: r for r in run.json()["results"]}
    assert results["own.md"]["status"] == "skipped"
    typo, case = results["typo.md"]["findings"], results["case.md"]["findings"]
    assert [(f["rule"], f["line"]) for f in typo] == [("reprint-guard/misspelt-key", 3)]
    assert "did you mean 'original_url'?" in typo[0]["message"]
    # Another case of the config's own key is that key (Hugo reads keys blind to case): checked, not skipped.
    assert (results["case.md"]["policy"], results["case.md"]["status"], case) == ("global-research", "pass", [])
    severity = "front-matter: {canonicalURL: original_url}\nseverity: {reprint-guard/misspelt-key: %s}\n"
    write(tmp_path / ".reprint-guard.yaml", severity % "error")
    assert cli("check", "typo.md", cwd=tmp_path).code == 1  # the config's severity applies
    write(tmp_path / ".reprint-guard.yaml", severity % "'off'")
    off = cli("check", "typo.md", "--format", "json", cwd=tmp_path)
    assert off.code == 0 and off.json()["results"][0]["status"] == "skipped"


@pytest.mark.parametrize("key", ["Commercial", "comercial"])
def test_a_misspelt_key_is_told_when_the_configs_default_sets_the_key_meant(tmp_path, cli, key):
    """A Global Research reprint saying ``Commercial: true`` where the config's defaults say ``commercial:
    false`` passed with no word: the default set the key, so the misspelling was taken for no loss."""
    write(tmp_path / ".reprint-guard.yaml", "defaults: {commercial: false}\n")
    meta = {k: v for k, v in COMPLIANT_META.items() if k != "commercial"}
    write(tmp_path / "typo.md", markdown({**meta, key: True}, COMPLIANT_BODY))
    write(tmp_path / "right.md", markdown({**meta, "commercial": True}, COMPLIANT_BODY))
    run = cli("check", ".", "--format", "json", cwd=tmp_path)
    results = {Path(r["path"]).name: r for r in run.json()["results"]}
    [told] = results["typo.md"]["findings"]
    assert told["rule"] == "reprint-guard/misspelt-key", told
    assert told["message"] == (
        f"'{key}' is no key reprint-guard reads, so the policy is checked with the config's default for "
        "'commercial' (false): did you mean 'commercial'?"
    )
    assert told["fix"] == f"Rename '{key}' to 'commercial'."
    # Spelt right, the file's own value wins over the default, and is checked: a permission is asked.
    assert [f["rule"] for f in results["right.md"]["findings"]] == ["global-research/commercial-permission"]


def test_pyproject_config_and_overrides(tmp_path, cli):
    write(
        tmp_path / "pyproject.toml",
        "[project]\nname = 'site'\n\n[tool.reprint-guard]\nfail-on = 'warning'\n"
        "defaults = {commercial = false}\n\n[[tool.reprint-guard.overrides]]\npaths = ['print/**']\n"
        "metadata = {medium = 'print'}\n",
    )
    write(
        tmp_path / "web" / "a.md",
        markdown({k: v for k, v in COMPLIANT_META.items() if k != "commercial"}, COMPLIANT_BODY),
    )
    write(tmp_path / "print" / "b.md", markdown(COMPLIANT_META, COMPLIANT_BODY))
    run = cli("check", ".", "--format", "json", cwd=tmp_path)
    found = {name: [f["rule"] for f in r["findings"]] for name, r in results(run).items()}
    # COMPLIANT_META says medium: web, but the print/ override wins over the file:
    assert found == {"a.md": [], "b.md": ["global-research/print-permission"]}


def test_pyproject_suppressions_are_located_entry_by_entry(tmp_path, cli):
    write(
        tmp_path / "pyproject.toml",
        "[project]\nname = 'site'\n\n[tool.reprint-guard]\nfail-on = 'error'\n\n"
        "[[tool.reprint-guard.suppressions]]\npath = 'a.md'\nrule = 'global-research/print-permission'\n"
        "reason = 'r'\n\n[[tool.reprint-guard.suppressions]]\npath = 'a.md'\n"
        "rule = 'global-research/commercial-permission'\nreason = 'r'\n\n[tool.other]\nsuppressions = 1\n",
    )
    write(tmp_path / "a.md", markdown(COMPLIANT_META, COMPLIANT_BODY))
    run = cli("check", "a.md", "--format", "json", cwd=tmp_path)
    found = results(run)
    assert found["a.md"]["findings"] == []  # said at the entries, not in the file they cover
    findings = found["pyproject.toml"]["findings"]
    assert [(f["rule"], f["line"]) for f in findings] == [
        ("reprint-guard/unused-suppression", 7),
        ("reprint-guard/unused-suppression", 12),
    ]
    assert "(config, pyproject.toml:7)" in findings[0]["message"]
    assert "(config, pyproject.toml:12)" in findings[1]["message"]


#: A config suppression by glob, its entry at line 3 (column 5), and one more that has expired, at line 7.
GLOB_SUPPRESSION = (
    "# agreed exceptions\n"
    "suppressions:\n"
    "  - path: 'content/posts/**'\n"
    "    rule: global-research/commercial-permission\n"
    "    reason: Syndication agreed by email\n"
    "    until: 2999-01-01\n"
)
GLOB_SUPPRESSIONS = GLOB_SUPPRESSION + (
    "  - path: 'content/posts/**'\n"
    "    rule: global-research/source-credit\n"
    "    reason: An old deal\n"
    "    until: 2001-01-01\n"
)
COMMERCIAL = {**COMPLIANT_META, "commercial": True}


def test_a_glob_suppression_is_judged_once_over_the_run_at_its_entry_in_the_config(tmp_path, cli):
    """Unused or expired, a config suppression is said once, at its entry, not in every file its glob matches."""
    write(tmp_path / ".reprint-guard.yaml", GLOB_SUPPRESSIONS)
    for name in ("a", "b", "old-name"):
        write(tmp_path / "content" / "posts" / f"{name}.md", markdown(COMPLIANT_META, COMPLIANT_BODY))
    run = cli("check", "content", "--fail-on", "warning", "--format", "json", cwd=tmp_path)
    assert run.code == 1, run.out + run.err
    found = results(run)
    assert [found[f"{name}.md"]["findings"] for name in ("a", "b", "old-name")] == [[], [], []]
    config = found[".reprint-guard.yaml"]
    assert config["path"] == ".reprint-guard.yaml" and config["status"] == "fail"
    assert [(f["rule"], f["severity"], f["line"], f["column"]) for f in config["findings"]] == [
        ("reprint-guard/unused-suppression", "warning", 3, 5),
        ("reprint-guard/expired-suppression", "warning", 7, 5),
    ]
    unused, expired = config["findings"]
    assert "'content/posts/**' (config, .reprint-guard.yaml:3)" in unused["message"]
    assert "this run checked 3 files it covers, all of them" in unused["fix"]
    assert "expired on 2001-01-01" in expired["message"] and "An old deal" in expired["message"]
    summary = run.json()["summary"]
    assert (summary["warnings"], summary["errors"], summary["files"]) == (2, 0, 3)  # the config: no file checked
    # One file named: the expired entry is told (it covers that file), still once and at its entry; the
    # unused one is not: its glob covers files this run did not read, where it may be needed.
    alone = cli("check", "content/posts/old-name.md", "--fail-on", "warning", "--format", "json", cwd=tmp_path)
    assert alone.code == 1
    assert results(alone)["old-name.md"]["findings"] == []
    assert [(f["rule"], f["line"]) for f in results(alone)[".reprint-guard.yaml"]["findings"]] == [
        ("reprint-guard/expired-suppression", 7)
    ]
    # A file the globs do not match says nothing about them, expired or not: the run cannot judge them.
    write(tmp_path / "content" / "pages" / "p.md", markdown(COMPLIANT_META, COMPLIANT_BODY))
    elsewhere = cli("check", "content/pages/p.md", "--fail-on", "warning", "--format", "json", cwd=tmp_path)
    assert elsewhere.code == 0 and [r["path"] for r in elsewhere.json()["results"]] == ["content/pages/p.md"]
    # Every file passed, yet the run fails on the config's warnings: the summary line says so, not only
    # "0 failed" (as the job summary and the Action's log line do).
    for form in ("text", "markdown"):
        told = cli("check", "content/posts/old-name.md", "--fail-on", "warning", "--format", form, cwd=tmp_path)
        assert told.code == 1 and "0 failed; no file failed: the config's own findings fail the run" in told.out
    passing = cli("check", "content/posts/old-name.md", "--fail-on", "error", cwd=tmp_path)
    assert passing.code == 0 and "own findings fail" not in passing.out


def test_a_glob_suppression_used_in_one_file_is_not_unused_in_the_others(tmp_path, cli):
    """Used by one file of the run, a config suppression is used; inline ones are still judged file by file."""
    write(tmp_path / ".reprint-guard.yaml", GLOB_SUPPRESSION)
    write(tmp_path / "content" / "posts" / "sold.md", markdown(COMMERCIAL, COMPLIANT_BODY))
    write(tmp_path / "content" / "posts" / "kept.md", markdown(COMPLIANT_META, COMPLIANT_BODY))
    inline = '\n<!-- reprint-guard: ignore global-research/print-permission reason="never needed" -->\n'
    write(tmp_path / "content" / "posts" / "noted.md", markdown(COMPLIANT_META, COMPLIANT_BODY + inline))
    run = cli("check", "content", "--fail-on", "warning", "--format", "json", cwd=tmp_path)
    found = results(run)
    assert ".reprint-guard.yaml" not in found
    assert [(f["rule"], bool(f["suppressed"])) for f in found["sold.md"]["findings"]] == [
        ("global-research/commercial-permission", True)
    ]
    assert found["kept.md"]["findings"] == []
    (own,) = found["noted.md"]["findings"]  # the inline one, in its own file, at its comment
    assert own["rule"] == "reprint-guard/unused-suppression" and own["line"] > 1
    assert "matches no finding in this file" in own["message"]
    assert run.code == 1 and run.json()["summary"]["warnings"] == 1
    # A run without the one file that needs it (a pull request's, a commit's) cannot tell it is unused: it
    # says nothing of it (it told a maintainer to remove a suppression still needed, on every pull request).
    kept = cli("check", "content/posts/kept.md", "--fail-on", "warning", "--format", "json", cwd=tmp_path)
    assert kept.code == 0 and ".reprint-guard.yaml" not in results(kept), kept.out
    # Once no file needs it, a run over every file it covers says so.
    write(tmp_path / "content" / "posts" / "sold.md", markdown(COMPLIANT_META, COMPLIANT_BODY))
    everything = cli("check", "content", "--format", "json", cwd=tmp_path)
    (unused,) = results(everything)[".reprint-guard.yaml"]["findings"]
    assert (unused["rule"], unused["line"]) == ("reprint-guard/unused-suppression", 3)
    # A file the glob covers that could not be read was not checked: it judges nothing.
    write(tmp_path / "content" / "posts" / "broken.md", "---\ntitle: [\n---\n")
    broken = cli("check", "content/posts/broken.md", "--format", "json", cwd=tmp_path)
    assert broken.code == 2 and [r["path"] for r in broken.json()["results"]] == ["content/posts/broken.md"]


def test_config_suppressions_are_judged_over_the_run_with_worker_processes_too(tmp_path, cli):
    """With --jobs, results come from worker processes: a use in one worker's file counts for the run."""
    write(tmp_path / ".reprint-guard.yaml", GLOB_SUPPRESSIONS)
    for number in range(80):
        write(tmp_path / "content" / "posts" / f"{number:02d}.md", markdown(COMPLIANT_META, COMPLIANT_BODY))
    write(tmp_path / "content" / "posts" / "79.md", markdown(COMMERCIAL, COMPLIANT_BODY))  # the last batch
    serial = cli("check", "content", "--format", "json", "--jobs", "1", cwd=tmp_path)
    parallel = cli("check", "content", "--format", "json", "--jobs", "3", cwd=tmp_path)
    assert serial.out == parallel.out and serial.code == parallel.code == 0
    config = results(parallel)[".reprint-guard.yaml"]
    assert [f["rule"] for f in config["findings"]] == ["reprint-guard/expired-suppression"]  # not unused
    assert parallel.json()["summary"]["warnings"] == 1


def test_the_library_judges_a_config_suppression_in_the_one_file_it_checks(tmp_path):
    """check_file checks one file and returns its result alone: a config suppression that expired is told
    there; one that matched nothing is not (its glob covers files one call cannot see: a CMS was told to
    remove a suppression other articles need), unless it is a slip of a rule that fired here."""
    from reprint_guard import ConfigWarning, check_file

    write(tmp_path / ".reprint-guard.yaml", GLOB_SUPPRESSIONS)
    article = write(tmp_path / "content" / "posts" / "a.md", markdown(COMPLIANT_META, COMPLIANT_BODY))
    found = [(f.rule, f.line, f.message) for f in check_file(article, config=True).findings]
    assert [(rule, line) for rule, line, _ in found] == [("reprint-guard/expired-suppression", 1)]
    slip = GLOB_SUPPRESSION.replace("global-research/commercial-permission", "global-research/comercial-permission")
    write(tmp_path / ".reprint-guard.yaml", slip)
    sold = write(tmp_path / "content" / "posts" / "b.md", markdown(COMMERCIAL, COMPLIANT_BODY))
    with pytest.warns(ConfigWarning, match="unknown rule 'global-research/comercial-permission'"):
        found = [(f.rule, f.message) for f in check_file(sold, config=True).findings]
    assert ("reprint-guard/unused-suppression", True) in [
        (rule, "did you mean global-research/commercial-permission" in message) for rule, message in found
    ], found


def test_a_cms_checking_bodies_by_name_is_not_told_its_suppression_paths_name_no_file(tmp_path, monkeypatch):
    """A CMS keeps its articles in a database and passes path= to match the config's suppressions: every call
    warned that the suppression's path "names no file", though the suppression applied. check_file, which
    reads files, still warns of a path that names none."""
    import warnings

    from reprint_guard import ConfigWarning, check, check_file

    entry = (
        "suppressions:\n  - path: content/posts/harbour.md\n    rule: global-research/commercial-permission\n"
        "    reason: agreed with the publisher\n"
    )
    write(tmp_path / ".reprint-guard.yaml", entry)
    monkeypatch.chdir(tmp_path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = check(COMPLIANT_BODY, COMMERCIAL, config=True, path="content/posts/harbour.md")
    assert [f.rule for f in result.findings if f.suppressed is None] == [], result.findings
    assert not [w for w in caught if issubclass(w.category, ConfigWarning)], [str(w.message) for w in caught]
    other = write(tmp_path / "content" / "posts" / "other.md", markdown(COMPLIANT_META, COMPLIANT_BODY))
    with pytest.warns(ConfigWarning, match="names no file"):
        check_file(other, config=True)


def test_severity_overrides_and_fail_on(tmp_path, cli):
    write(
        tmp_path / ".reprint-guard.yaml",
        "severity:\n  global-research/source-credit: warning\n  global-research/copyright-notice: 'off'\n"
        "fail-on: warning\n",
    )
    body = COMPLIANT_BODY.replace("Global Research", "GR").replace("Copyright ©", "By")
    write(tmp_path / "a.md", markdown(COMPLIANT_META, body))
    run = cli("check", "a.md", "--format", "json", cwd=tmp_path)
    findings = run.json()["results"][0]["findings"]
    assert [(f["rule"], f["severity"]) for f in findings] == [("global-research/source-credit", "warning")]
    assert run.code == 1  # fail-on: warning from the config
    assert cli("check", "a.md", "--fail-on", "error", cwd=tmp_path).code == 0  # the command line wins


def test_a_policy_wide_severity_applies_to_each_of_its_rules_and_a_rule_of_its_own_wins(tmp_path, cli):
    body = COMPLIANT_BODY.replace("Global Research", "GR").replace("Copyright ©", "By")
    write(tmp_path / "a.md", markdown(COMPLIANT_META, body))
    write(tmp_path / ".reprint-guard.yaml", "severity:\n  global-research/*: 'off'\n")
    run = cli("check", "a.md", "--format", "json", cwd=tmp_path)
    assert (run.code, run.json()["results"][0]["findings"], run.err) == (0, [], "")
    write(
        tmp_path / ".reprint-guard.yaml",
        "severity:\n  global-research/*: warning\n  global-research/copyright-notice: 'off'\n",
    )
    findings = cli("check", "a.md", "--format", "json", cwd=tmp_path).json()["results"][0]["findings"]
    assert [(f["rule"], f["severity"]) for f in findings] == [("global-research/source-credit", "warning")]


def test_include_exclude_and_gitignore(tmp_path, cli):
    write(tmp_path / ".reprint-guard.yaml", "include: ['content/**']\nexclude: ['content/drafts/**']\n")
    for name in ("content/a.md", "content/drafts/b.md", "content/generated/c.md", "notes/d.md"):
        write(tmp_path / name, markdown(COMPLIANT_META, COMPLIANT_BODY))
    write(tmp_path / ".gitignore", "content/generated/\n")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    run = cli("check", ".", "--format", "json", cwd=tmp_path)
    assert [r["path"] for r in run.json()["results"]] == ["content/a.md"]
    # A file named explicitly is checked unless excluded:
    run = cli("check", "notes/d.md", "content/drafts/b.md", "--format", "json", cwd=tmp_path)
    assert [r["path"] for r in run.json()["results"]] == ["notes/d.md"]


def test_bad_config_is_reported_with_its_line(tmp_path, cli):
    write(tmp_path / ".reprint-guard.yaml", "defaults:\n  medium: web\nfail-on: sometimes\nfront-matter: {a: b}\n")
    write(tmp_path / "a.md", markdown(COMPLIANT_META, COMPLIANT_BODY))
    run = cli("check", "a.md", cwd=tmp_path)
    assert run.code == 2
    assert run.err.strip() == (
        "reprint-guard: .reprint-guard.yaml:3:1: fail-on: 'sometimes' is not one of "
        "['error', 'warning', 'info', 'never']"
    ) or (run.err.startswith("reprint-guard: ") and ":3:" in run.err and "sometimes" in run.err)
    assert "Traceback" not in run.err
    write(tmp_path / "other.yaml", "colour: red\n")
    run = cli("check", "a.md", "--config", "other.yaml", cwd=tmp_path)
    assert run.code == 2 and "other.yaml:1:1" in run.err and "unknown key(s)" in run.err
    write(tmp_path / "bad.yaml", "suppressions:\n  - path: a.md\n    rule: global-research/x\n")
    run = cli("check", "a.md", "--config", "bad.yaml", cwd=tmp_path)
    assert run.code == 2 and "bad.yaml:2:" in run.err and "'reason' is a required property" in run.err
    run = cli("check", "a.md", "--config", "missing.yaml", cwd=tmp_path)
    assert run.code == 2 and "missing.yaml: config file not found" in run.err
    for config, where in (
        ('include: ["[z-a]"]\n', "bad-glob.yaml:1:11: include.0: invalid glob '[z-a]' (bad character range z-a)"),
        (
            "overrides:\n  - paths: [ok/**, '[z-a]']\n    metadata: {medium: print}\n",
            "bad-glob.yaml:2:20: overrides.0.paths.1: invalid glob",
        ),
        ('exclude: ["drafts\\\\"]\n', "bad-glob.yaml:1:11: exclude.0: invalid glob 'drafts\\\\' (Invalid git pattern"),
    ):
        write(tmp_path / "bad-glob.yaml", config)
        run = cli("check", "a.md", "--config", "bad-glob.yaml", cwd=tmp_path)
        assert run.code == 2 and where in run.err and "Traceback" not in run.err, run.err
    (tmp_path / "latin.yaml").write_bytes("defaults:\n  title: caf\xe9\n".encode("latin-1"))
    run = cli("check", "a.md", "--config", "latin.yaml", cwd=tmp_path)
    assert run.code == 2 and "latin.yaml:2:13: not valid UTF-8 (byte 0xe9); save the config as UTF-8" in run.err


@pytest.mark.parametrize(
    ("config", "where"),
    [
        (
            "defaults: {commercial: maybe}\n",
            ".reprint-guard.yaml:1:12: defaults.commercial: 'maybe' is not true or false",
        ),
        (
            "overrides:\n  - paths: [a.md]\n    metadata:\n      medium: pigeon\n",
            ".reprint-guard.yaml:4:7: overrides.0.metadata.medium: Input should be 'web'",
        ),
        (
            '[tool.reprint-guard.defaults]\ncommercial = "maybe"\n',
            "pyproject.toml:2:1: defaults.commercial: 'maybe' is not true or false",
        ),
    ],
)
def test_bad_metadata_in_the_config_is_the_configs_fault(tmp_path, cli, config, where):
    """Not every content file's: the run stops once, at the config line that sets the value."""
    name = "pyproject.toml" if config.startswith("[") else ".reprint-guard.yaml"
    write(tmp_path / name, config)
    write(tmp_path / "a.md", markdown(COMPLIANT_META, COMPLIANT_BODY))
    write(tmp_path / "b.md", markdown(COMPLIANT_META, COMPLIANT_BODY))
    run = cli("check", ".", cwd=tmp_path)
    assert run.code == 2 and run.out == ""
    assert run.err.startswith("reprint-guard: ") and f"{where}" in run.err, run.err
    assert run.err.split(": ", 1)[1].split(":", 1)[0].endswith(name)
    assert run.err.count("\n") == 1


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ("commercial=maybe", "--meta commercial: 'maybe' is not true or false: write true or false"),
        (
            "permissions=[{from: a",  # not "should be a list ..., not a string": the list's syntax is at fault
            "--meta permissions: not valid YAML at character 2 of the value ('[{from: a'): the {...} mapping that "
            "starts there is not closed",
        ),
    ],
)
def test_bad_meta_on_the_command_line_names_the_option(tmp_path, cli, meta, message):
    write(tmp_path / "a.md", markdown(COMPLIANT_META, COMPLIANT_BODY))
    run = cli("check", "a.md", "--meta", meta, cwd=tmp_path)
    assert run.code == 2 and run.err.startswith(f"reprint-guard: {message}"), run.err


def test_invalid_toml_is_placed_like_any_other_error(tmp_path, cli):
    write(tmp_path / "pyproject.toml", '[tool.reprint-guard]\nfail-on = "error\n')
    write(tmp_path / "a.md", markdown(COMPLIANT_META, COMPLIANT_BODY))
    run = cli("check", "a.md", cwd=tmp_path)
    assert run.code == 2 and "pyproject.toml:2:17: invalid TOML: " in run.err and "(at line" not in run.err


def test_init_writes_a_commented_config_from_the_repository(tmp_path, cli):
    write(tmp_path / "content" / "posts" / "a.md", markdown(HUGO_META, "Body"))
    write(tmp_path / "content" / "posts" / "b.md", markdown({**HUGO_META, "tags": ["x"]}, "Body"))
    run = cli("init", str(tmp_path))
    assert run.code == 0, run.err
    text = (tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["front-matter"] == {"canonicalURL": "original_url", "authors": "author"}
    assert data["include"] == ["content/**"]
    assert "# Keys seen in your files:" in text
    assert cli("init", str(tmp_path)).code == 2  # refuses to overwrite
    assert cli("init", str(tmp_path), "--force").code == 0
    # The starter config is valid: checking with it works.
    run = cli("check", "content", "--format", "json", cwd=tmp_path)
    assert run.json()["results"][0]["policy"] == "global-research"


def test_a_jekyll_excerpt_teaser_is_told_how_to_map_and_init_maps_it(tmp_path, cli):
    """Jekyll's excerpt (the teaser text) under the name of our true/false key: every such reprint could not
    be checked, told only "Input should be a valid boolean"."""
    meta = {"title": "T", "original_url": GR_URL, "commercial": False, "excerpt": "Records from four county jails."}
    write(tmp_path / "_posts" / "a.md", markdown(meta, "Body"))
    run = cli("check", "--no-config", "_posts", cwd=tmp_path)
    assert run.code == 2 and "give it another name in the config (front-matter: {excerpt: teaser})" in run.out
    run = cli("init", str(tmp_path))
    assert run.code == 0, run.err
    assert yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))["front-matter"] == {
        "excerpt": "teaser"
    }
    run = cli("check", "_posts", "--format", "json", cwd=tmp_path)
    assert run.code == 1 and run.json()["results"][0]["policy"] == "global-research"  # checked: uncredited


def test_a_sites_own_spelling_of_another_key_is_no_misspelling(tmp_path):
    """``publisher`` (a CMS's, or init's name for our ``source``) was told "did you mean 'published'?"."""
    from reprint_guard import check

    result = check(COMPLIANT_BODY, {**COMPLIANT_META, "publisher": "Harbor Ledger"})
    assert result.findings == [] and result.fully_checked
    close = check(COMPLIANT_BODY, {**COMPLIANT_META, "publishd": "2025-01-01"})
    assert [f.rule for f in close.findings] == ["reprint-guard/misspelt-key"]


def test_init_warns_a_hugo_site_of_a_top_level_modified(tmp_path, cli):
    """Hugo reads a top-level `modified` as a date, so `modified: true` fails its build: init saw the key
    and said nothing. It now says to map a key of one's own; a site that is no Hugo's is not told."""
    write(tmp_path / "content" / "posts" / "a.md", markdown({**HUGO_META, "modified": True}, "Body"))
    assert cli("init", str(tmp_path)).code == 0
    told = "Hugo reads a top-level `modified` as the page's last-modified date"
    assert told not in (tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8")  # not a Hugo site yet
    write(tmp_path / "hugo.toml", 'baseURL = "https://www.riverbend.example/"\n')
    assert cli("init", str(tmp_path), "--force").code == 0
    text = (tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8")
    assert told in text and "#   front-matter: {edited: modified}" in text, text
    assert "modified" not in yaml.safe_load(text)["front-matter"]  # a comment only: proposed, not made


def test_a_date_in_modified_is_told_as_hugos_and_init_maps_a_key_of_ones_own(tmp_path, cli):
    """``modified: 2026-03-14``, Hugo's last-modified date, was told only "Input should be a valid boolean", and
    init's comment spoke of files setting it to true or false. The error now says how to leave it to Hugo,
    and init proposes that mapping for a site whose files date it."""
    write(tmp_path / "hugo.toml", 'baseURL = "https://www.riverbend.example/"\n')
    write(tmp_path / "content" / "posts" / "a.md", markdown({**COMPLIANT_META, "modified": "2026-03-14"}, "Body"))
    page = tmp_path / "content" / "posts" / "a.md"
    page.write_text(page.read_text(encoding="utf-8").replace("'2026-03-14'", "2026-03-14"), encoding="utf-8")
    run = cli("check", "content", "--no-config", cwd=tmp_path)
    assert run.code == 2 and "front-matter: {edited: modified}), and the site's 'modified' is left to it" in run.out
    assert cli("init", str(tmp_path)).code == 0
    text = (tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text)["front-matter"] == {"edited": "modified"}, text
    assert "your modified is a date in 1 file (Hugo's last-modified date)" in text
    assert "the 1 file that set it to true or false" not in text  # none does
    assert cli("check", "content", cwd=tmp_path).code == 1  # read now: the Body credits no one


def test_init_reads_a_hugo_sites_config_for_raw_html_and_its_own_host(tmp_path, cli):
    write(tmp_path / "content" / "posts" / "a.md", markdown(HUGO_META, "Body"))
    assert cli("init", str(tmp_path)).code == 0
    data = yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))
    assert (data["raw-html"], data["own-hosts"]) == (True, [])  # no Hugo config: Markdown as CommonMark shows it
    write(tmp_path / "hugo.toml", 'baseURL = "https://www.riverbend.example/"\ntitle = "Riverbend"\n')
    assert cli("init", str(tmp_path), "--force").code == 0
    data = yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))
    assert (data["raw-html"], data["own-hosts"]) == (False, ["riverbend.example"])
    write(
        tmp_path / "hugo.toml",
        'baseURL = "https://riverbend.example/"\n[markup.goldmark.renderer]\n  unsafe = true\n',
    )
    assert cli("init", str(tmp_path), "--force").code == 0
    data = yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))
    assert data["raw-html"] is True
    assert cli("check", "content", cwd=tmp_path).code == 1  # the written config is valid: findings, not exit 2
    (tmp_path / "hugo.toml").unlink()  # a config folder, markup apart, the key dotted
    write(tmp_path / "config" / "_default" / "hugo.yaml", "baseURL: https://bücher.example:1313/\n")
    write(tmp_path / "config" / "_default" / "markup.toml", "goldmark.renderer.unsafe = true\n")
    assert cli("init", str(tmp_path), "--force").code == 0
    data = yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))
    assert (data["raw-html"], data["own-hosts"]) == (True, ["bücher.example"])
    assert cli("check", "content", cwd=tmp_path).code == 1
    # Read as data, not by pattern: an inline table, a production baseURL over the default's localhost, and
    # another table's "unsafe" (comments) beside goldmark's own false.
    write(tmp_path / "config" / "_default" / "hugo.yaml", "baseURL: http://localhost:1313/\n")
    write(tmp_path / "config" / "_default" / "markup.toml", "[goldmark]\nrenderer = { unsafe = true }\n")
    write(tmp_path / "config" / "production" / "hugo.toml", 'baseURL = "https://www.riverbend.example/"\n')
    assert cli("init", str(tmp_path), "--force").code == 0
    data = yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))
    assert (data["raw-html"], data["own-hosts"]) == (True, ["riverbend.example"])
    write(
        tmp_path / "config" / "production" / "hugo.toml",
        'baseURL = "https://riverbend.example/"\n[params.comments]\nunsafe = true\n'
        "[markup.goldmark.renderer]\nunsafe = false\n",
    )
    assert cli("init", str(tmp_path), "--force").code == 0
    assert yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))["raw-html"] is False
    # A hugo.toml that does not parse is Hugo's still (its default drops raw HTML); another tool's config.yaml
    # in a config folder is no Hugo site.
    for path in (tmp_path / "config").rglob("*.*"):
        path.unlink()
    write(tmp_path / "hugo.toml", "baseURL = [\n")
    assert cli("init", str(tmp_path), "--force").code == 0
    assert yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))["raw-html"] is False
    (tmp_path / "hugo.toml").unlink()
    write(tmp_path / "config" / "production" / "config.yaml", "database: {host: db.internal}\n")
    assert cli("init", str(tmp_path), "--force").code == 0
    text = (tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text)["raw-html"] is True and "Hugo leaves raw HTML" not in text


@pytest.mark.parametrize("generator", ["hugo", "jekyll"])
def test_init_leaves_a_site_generators_templates_and_themes_out_of_the_content(tmp_path, cli, generator):
    """A Hugo archetype or a Jekyll layout is a template (its front matter need not parse), a theme's sample
    pages are the theme's: none is content, so none gets into include or lends its keys to front-matter."""
    template = '---\ntitle: "{{ replace .Name "-" " " | title }}"\ndate: {{ .Date }}\n---\n'
    if generator == "hugo":
        write(tmp_path / "hugo.toml", 'baseURL = "https://millbrook.example/"\n')
        write(tmp_path / "archetypes" / "default.md", template)
        write(tmp_path / "layouts" / "_default" / "baseof.html", '<link rel="canonical" href="{{ .Permalink }}">\n')
        write(tmp_path / "themes" / "ananke" / "exampleSite" / "content" / "p1.md", "---\noriginal: x\n---\nText\n")
        content = "content"
    else:
        write(tmp_path / "_config.yml", "title: Millbrook\nurl: https://millbrook.example\n")
        write(tmp_path / "_layouts" / "default.html", '<link rel="canonical" href="{{ page.url }}">\n')
        write(tmp_path / "_includes" / "head.html", "<meta>\n")
        content = "_posts"
    for name in ("a", "b"):
        write(tmp_path / content / f"{name}.md", markdown(HUGO_META, "Body"))
    assert cli("init", str(tmp_path)).code == 0
    data = yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))
    assert data["include"] == [f"{content}/**"]
    assert data["front-matter"] == {"canonicalURL": "original_url", "authors": "author"}
    assert data["own-hosts"] == ["millbrook.example"]
    run = cli("check", ".", "--format", "json", cwd=tmp_path)
    assert run.code == 1 and {r["path"] for r in run.json()["results"]} == {f"{content}/a.md", f"{content}/b.md"}


def test_init_proposes_no_mapping_onto_a_key_the_files_already_have(tmp_path, cli):
    """Files with both `writer` and `author`: our key wins, so mapping `writer` onto it would do nothing;
    `rights` is usually a licence statement, not a holder."""
    meta = {**HUGO_META, "writer": "A. Nother", "author": "Ana Ruiz", "rights": "CC BY 4.0"}
    write(tmp_path / "content" / "a.md", markdown(meta, "Body"))
    assert cli("init", str(tmp_path)).code == 0
    data = yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))
    assert "writer" not in data["front-matter"] and "rights" not in data["front-matter"]
    assert data["front-matter"]["canonicalURL"] == "original_url"


def test_init_reads_the_front_matter_of_a_file_that_starts_with_a_byte_order_mark(tmp_path, cli):
    """A Windows editor's BOM before "---": check reads the front matter, so init must see its keys too,
    else the config it writes maps nothing and the reprint goes unchecked."""
    write(tmp_path / "content" / "a.md", "\ufeff" + markdown(HUGO_META, "Body"))
    assert cli("init", str(tmp_path)).code == 0
    data = yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))
    assert data["front-matter"]["canonicalURL"] == "original_url", data


def test_init_quotes_odd_folder_names_and_keys(tmp_path, cli):
    """Folder names and front-matter keys with quotes, glob characters or line breaks still give a config
    that loads and means what it says."""
    folder = 'we"ird [draft]*#1'
    write(tmp_path / folder / "a.md", markdown(HUGO_META, "Body"))
    odd_key = '---\n"multi\\nline\\u0007key": 1\nCanonicalURL: https://www.globalresearch.ca/x/1\n---\nBody\n'
    write(tmp_path / folder / "b.md", odd_key)
    assert cli("init", str(tmp_path)).code == 0
    text = (tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["include"] == ['we"ird \\[draft\\]\\*\\#1/**']
    assert data["front-matter"]["CanonicalURL"] == "original_url"
    run = cli("check", ".", "--format", "json", cwd=tmp_path)
    assert run.code != 2, run.err
    assert sorted(r["path"].rsplit("/", 1)[-1] for r in run.json()["results"]) == ["a.md", "b.md"]


def test_a_folder_name_that_is_not_utf8_is_included_and_matched(tmp_path, cli):
    """Its byte reaches Python as a lone surrogate: init writes '?' for it, and globs match it (was a traceback)."""
    folder = tmp_path / os.fsdecode(b"bad\xff")
    write(folder / "a.md", markdown(HUGO_META, "Body"))
    assert cli("init", str(tmp_path)).code == 0
    assert yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))["include"] == ["bad?/**"]
    run = cli("check", ".", "--format", "json", cwd=tmp_path)
    assert run.code == 1, run.err
    assert run.json()["summary"]["files"] == 1


def test_no_config_means_the_models_defaults(tmp_path: Path) -> None:
    """Without a config file no pydantic model is built; the settings must equal those of an empty config."""
    from reprint_guard.config.loader import LoadedConfig
    from reprint_guard.config.model import Config
    from reprint_guard.runner import Settings

    plain = Settings.from_config(LoadedConfig(None, tmp_path, None), rules_dirs=("x",), fail_on=None)
    modelled = Settings.from_config(LoadedConfig(Config(), tmp_path, None), rules_dirs=("x",), fail_on=None)
    assert plain == modelled


CONFIG_CANDIDATES: dict[str, list[object]] = {
    "include": [["content/**/*.md"], [], "content", [3]],
    "exclude": [["drafts/**"], None],
    "gitignore": [True, False, "no"],
    "policies": [["policies/"], []],
    "policy": ["global-research", None, 5],
    "front-matter": [{"canonicalURL": "original_url"}, {"a": 1}, []],
    "front_matter": [{"canonicalURL": "original_url"}],
    "defaults": [{"commercial": False, "medium": "web"}, {}, "x"],
    "overrides": [
        [{"paths": ["print/**"], "metadata": {"medium": "print"}}],
        [{"paths": ["a/**"], "policy": "cc-by-4.0"}],
        [{"paths": []}],
        [{"policy": "x"}],
        [{"paths": ["a"], "other": 1}],
    ],
    "severity": [{"global-research/link-original": "warning"}, {"x/y": "off"}, {"x/y": "loud"}],
    "fail-on": ["warning", "never", "sometimes"],
    "bare-urls": [False, True, 0],
    "skip-elements": [["nav", "footer.site"], [], ["nav["], "nav", [""]],
    "suppressions": [
        [{"path": "a.md", "rule": "global-research/commercial-permission", "reason": "email of 2 May"}],
        [
            {
                "path": "a.md",
                "rule": "global-research/x",
                "reason": "r",
                "until": dt.date(2030, 1, 1),
            }
        ],
        [{"path": "a.md", "rule": "Bad Rule", "reason": "r"}],
        [{"path": "a.md", "rule": "a/b", "reason": ""}],
        [{"path": "a.md", "rule": "a/b", "reason": "r", "until": "2030-01-01"}],
    ],
    "site-timezone": ["America/Denver", "Mars/Olympus", 3, None],
    "unknown": [1],
}


def test_plain_config_route_agrees_with_schema_and_model(tmp_path: Path) -> None:
    """exact_config only accepts what the schema and the model accept, and yields the same settings."""
    import random

    from reprint_guard.config.loader import LoadedConfig, _validate
    from reprint_guard.config.model import Config
    from reprint_guard.config.view import exact_config
    from reprint_guard.errors import ConfigError
    from reprint_guard.runner import Settings

    rng = random.Random(20261201)
    taken = 0
    for _ in range(1500):
        keys = rng.sample(sorted(CONFIG_CANDIDATES), rng.randint(0, 6))
        data = {key: rng.choice(CONFIG_CANDIDATES[key]) for key in keys}
        view = exact_config(dict(data))
        if view is None:
            continue
        taken += 1
        try:
            _validate(dict(data), tmp_path / "c.yaml", lambda where: (1, 1))
            model = Config.model_validate(dict(data))
        except (ConfigError, ValueError):
            raise AssertionError(f"the plain route accepted what the schema or model refuses: {data!r}") from None
        plain = Settings.from_config(LoadedConfig(view, tmp_path, None), today=None)
        full = Settings.from_config(LoadedConfig(model, tmp_path, None), today=None)
        assert plain == full, data
    assert taken > 100


def test_a_rule_id_with_a_trailing_newline_is_not_taken_as_is() -> None:
    from reprint_guard.config.view import exact_config

    assert exact_config({"suppressions": [{"path": "*.md", "rule": "a/b\n", "reason": "r"}]}) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [("tool = 1\n", "no [tool.reprint-guard] table"), ("[tool]\nreprint-guard = 3\n", "must be a table")],
)
def test_pyproject_whose_tool_entries_are_not_tables(tmp_path, cli, text, message):
    write(tmp_path / "pyproject.toml", text)
    write(tmp_path / "a.md", markdown(COMPLIANT_META, COMPLIANT_BODY))
    run = cli("check", "--config", "pyproject.toml", "a.md", cwd=tmp_path)
    assert run.code == 2 and message in run.err and "Traceback" not in run.err, (run.out, run.err)


def test_a_front_matter_mapping_onto_a_misspelt_key_is_an_error(tmp_path, cli):
    """Mapped onto 'orignal_url', every file would be skipped as no reprint and the run would pass."""
    (tmp_path / ".reprint-guard.yaml").write_text("front-matter:\n  canonicalURL: orignal_url\n", "utf-8")
    (tmp_path / "a.md").write_text("---\ncanonicalURL: https://www.globalresearch.ca/x/1\n---\nHi\n", "utf-8")
    run = cli("check", ".", cwd=tmp_path)
    assert run.code == 2
    assert ".reprint-guard.yaml:2:3: front-matter.canonicalURL: 'orignal_url' is not a metadata key" in run.err
    assert "did you mean 'original_url'?" in run.err
    # Keys a policy of one's own may read, not ours: free to map onto.
    free = "front-matter:\n  isNews: news_outlet\n  headline_orig: original_title\n  lic: license_url\n"
    (tmp_path / ".reprint-guard.yaml").write_text(free, "utf-8")
    assert cli("check", ".", cwd=tmp_path).code == 0


def test_skip_elements_leave_a_whole_pages_menu_and_footer_out(tmp_path, cli):
    """A page exported whole: its footer's "All rights reserved" and its logo are the site's, not the
    article's. Named in the config, they are left out; a bad selector stops the run at its place."""
    page = (
        "<!doctype html><html><body>\n"
        '<nav class="site"><a href="/">Home</a> <img src="/logo.png" alt="Our site"></nav>\n'
        "<article>\n<p>By Ana Ruiz</p>\n<p>Text of the story.</p>\n"
        '<p>This article is republished from <a href="https://theconversation.com/x-1">The Conversation</a> '
        'under a <a href="https://creativecommons.org/licenses/by-nd/4.0/">Creative Commons license</a>.</p>\n'
        "</article>\n<footer>&copy; 2024 Our Site. All rights reserved.</footer>\n</body></html>\n"
    )
    write(tmp_path / "page.html", page)
    write(tmp_path / "page.meta.yaml", "author: Ana Ruiz\noriginal_url: https://theconversation.com/x-1\n")

    def rules(run):
        return sorted(f["rule"] for f in run.json()["results"][0]["findings"])

    whole = rules(cli("check", "page.html", "--format", "json", cwd=tmp_path))
    assert "the-conversation/no-added-restrictions" in whole and "the-conversation/images-not-covered" in whole
    write(tmp_path / ".reprint-guard.yaml", 'skip-elements: ["nav.site", footer]\n')
    skipped = rules(cli("check", "page.html", "--format", "json", cwd=tmp_path))
    site_only = {"the-conversation/no-added-restrictions", "the-conversation/images-not-covered"}
    assert skipped == sorted(set(whole) - site_only)
    write(tmp_path / ".reprint-guard.yaml", "skip-elements:\n  - nav\n  - 'footer['\n")
    run = cli("check", "page.html", cwd=tmp_path)
    assert run.code == 2 and "Traceback" not in run.err
    assert ".reprint-guard.yaml:3:5: skip-elements.1:" in run.err and "'footer[' is not a CSS selector" in run.err


def test_the_library_takes_skip_elements_and_refuses_a_bad_selector():
    from reprint_guard import check
    from reprint_guard.errors import UsageError

    page = f"<nav>All rights reserved</nav><main>{COMPLIANT_BODY}</main>"
    meta = {**COMPLIANT_META, "policy": "cc-by-4.0"}
    assert "cc-by-4.0/no-added-restrictions" in {f.rule for f in check(page, meta, format="markdown").findings}
    kept = {f.rule for f in check(page, meta, format="markdown", skip_elements=["nav"]).findings}
    assert "cc-by-4.0/no-added-restrictions" not in kept
    with pytest.raises(UsageError, match="not a CSS selector"):
        check(page, meta, skip_elements=["nav["])
    # Each selector on its own: one Lexbor reads leniently (an unclosed attribute) does not swallow the next.
    lenient = {f.rule for f in check(page, meta, format="markdown", skip_elements=['[data-x="a', "nav"]).findings}
    assert "cc-by-4.0/no-added-restrictions" not in lenient
    with pytest.raises(UsageError, match="list of CSS selectors"):
        check(page, meta, skip_elements=[3])  # type: ignore[list-item]


def test_the_library_applies_a_project_config_as_the_command_line_does(tmp_path, monkeypatch, cli):
    """A CMS or script on a site that maps its own keys gets the CLI's results, not "skipped"."""
    from reprint_guard import check, check_file, check_text
    from reprint_guard.errors import ConfigError, UsageError

    write(
        tmp_path / ".reprint-guard.yaml",
        "front-matter: {canonicalURL: original_url, authors: author}\n"
        "severity: {global-research/copyright-notice: warning}\n"
        "overrides:\n  - paths: ['content/print/**']\n    metadata: {medium: print}\n"
        "suppressions:\n  - path: content/posts/b.md\n    rule: global-research/source-credit\n    reason: agreed\n",
    )
    meta = {k: v for k, v in COMPLIANT_META.items() if k not in ("original_url", "author")}
    meta.update(canonicalURL=COMPLIANT_META["original_url"], authors=[COMPLIANT_META["author"]])
    body = COMPLIANT_BODY.replace("Global Research", "GR").replace("Copyright ©", "By")
    write(tmp_path / "content" / "posts" / "a.md", markdown(meta, body))
    write(tmp_path / "content" / "posts" / "b.md", markdown(meta, body))
    write(tmp_path / "content" / "print" / "c.md", markdown(meta, COMPLIANT_BODY))
    a = tmp_path / "content" / "posts" / "a.md"
    found = lambda result: [(f.rule, f.severity.value, f.suppressed is not None) for f in result.findings]  # noqa: E731
    expected = [
        ("global-research/source-credit", "error", False),
        ("global-research/copyright-notice", "warning", False),
    ]
    unread = check_file(a)  # no config read: its keys are not known, but the original's address is told
    assert [f.rule for f in unread.findings] == ["reprint-guard/original-elsewhere"] and unread.policy is None
    assert found(check_file(a, config=True)) == expected  # found from the file's folder up
    assert found(check_file(str(a), config=tmp_path / ".reprint-guard.yaml")) == expected
    cli_run = cli("check", "content/posts/a.md", "--format", "json", cwd=tmp_path).json()["results"][0]["findings"]
    assert [(f["rule"], f["severity"]) for f in cli_run] == [(r, s) for r, s, _ in expected]
    # A central suppression by path, the arguments on top of the config:
    b = check_file(tmp_path / "content" / "posts" / "b.md", config=True)
    assert found(b)[0] == ("global-research/source-credit", "error", True) and b.ok
    assert found(check_file(a, config=True, severity={"global-research/*": "off"})) == []
    # An override by path: a print reprint needs print permission.
    assert [f.rule for f in check_file(tmp_path / "content" / "print" / "c.md", config=True).findings] == [
        "global-research/print-permission"
    ]
    # Body and metadata apart, or a whole document: the path names the file the config's globs match.
    monkeypatch.chdir(tmp_path)
    assert found(check(body, meta, config=True)) == expected
    printed = check(COMPLIANT_BODY, meta, config=True, path="content/print/c.md")
    assert [f.rule for f in printed.findings] == ["global-research/print-permission"]
    assert found(check_text(markdown(meta, body), config=".reprint-guard.yaml", path="content/posts/b.md"))[0][2]
    # A policy given by file: its rules are known to severity, as without config.
    mine = tmp_path / "elsewhere" / "mine.yaml"
    write(
        mine,
        "id: mine\nname: Mine\npublisher: Mine\nsource_url: https://mine.example/\nterms_read: 2026-01-01\n"
        "rules:\n  - {id: credit-line, check: attribution, names: [Mine], message: Credit Mine}\n",
    )
    quiet = check(body, meta, policy=str(mine), severity={"mine/credit-line": "off"}, config=True)
    assert quiet.policy == "mine" and quiet.findings == []
    write(tmp_path / "o" / ".reprint-guard.yaml", f"overrides: [{{paths: ['valley/**'], policy: {mine}}}]\n")
    monkeypatch.chdir(tmp_path / "o")
    told = check(body, meta, config=True, path="valley/x.md", severity={"mine/*": "info"})
    assert sorted((f.rule, f.severity.value) for f in told.findings) == [
        ("mine/credit-line", "info"),
        ("reprint-guard/misspelt-key", "warning"),  # this config maps no 'authors', and no 'author' is set
        ("reprint-guard/misspelt-key", "warning"),  # nor 'canonicalURL', a site's name for original_url
    ]
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match="config file not found"):
        check_file(a, config=tmp_path / "missing.yaml")
    from reprint_guard import ConfigWarning, InputError

    with pytest.raises(InputError, match="cannot read file"):  # the same error with a config as without
        check_file(tmp_path / "content" / "nope.md", config=True)
    with pytest.raises(InputError, match="a folder, not a file"):  # a folder: as without a config
        check_file(tmp_path / "content", config=True)
    # A bare `off` read by YAML 1.1 is False, in a caller's own settings too; the config's warnings come
    # as Python warnings, not lost; an override's policy file is known to severity.
    assert check_file(a, config=True, severity={"global-research/*": False}).findings == []
    write(tmp_path / "w" / ".reprint-guard.yaml", "severity: {global-research/source-credt: 'off'}\n")
    write(tmp_path / "w" / "a.md", a.read_text(encoding="utf-8"))
    with pytest.warns(
        ConfigWarning, match="the config's severity names an unknown rule 'global-research/source-credt'"
    ):
        check_file(tmp_path / "w" / "a.md", config=True)
    with pytest.raises(UsageError, match="config must be a path"):
        check_file(a, config=3)  # type: ignore[arg-type]
    with pytest.raises(UsageError, match="config must be a path"):
        check_file(a, config="")  # an unset setting, not "no config"


def test_a_root_relative_canonical_url_is_the_sites_own_article(tmp_path, cli):
    """A theme's canonical ``/posts/x/`` is a path on the site itself: skipped as its own article, in a run, with
    the config's one policy, and through the library; ``//host/x`` has a host and is read as that host's."""
    import reprint_guard

    own = {"title": "Fares", "author": "Dana Ortiz", "original_url": "/posts/rel-canonical/"}
    write(tmp_path / "own.md", markdown(own, "Our own story.\n"))
    write(tmp_path / "other.md", markdown({**own, "original_url": "//www.globalresearch.ca/a/1"}, "Theirs.\n"))
    results = {r["path"]: r for r in cli("check", ".", "--format", "json", cwd=tmp_path).json()["results"]}
    assert results["own.md"]["status"] == "skipped" and "root-relative" in results["own.md"]["reason"]
    assert results["other.md"]["policy"] == "global-research"
    write(tmp_path / ".reprint-guard.yaml", "policy: global-research\n")
    run = cli("check", "own.md", "--format", "json", cwd=tmp_path)
    assert run.code == 0 and run.json()["results"][0]["status"] == "skipped", run.out
    library = reprint_guard.check("Our own story.", own)
    assert library.status == "skipped" and library.findings == []
    claimed = reprint_guard.check("Our own story.", {**own, "policy": "global-research"})
    assert claimed.status == "fail"  # a policy key still makes it a reprint


def test_an_own_page_that_credits_a_covered_original_is_told(tmp_path, cli):
    """A saved WordPress page names itself as canonical (on its own host, or root-relative): skipped as the
    site's own article, a reprint whose credit names a covered original passed unchecked."""
    import reprint_guard

    kff = "https://kffhealthnews.org/news/article/rural-clinics-ration-insulin/"
    credit = f'<p>This article was originally published by <a href="{kff}">KFF Health News</a>.</p>'
    for name, canonical in (("self.html", "https://ourtown.example/2026/04/x/"), ("rel.html", "/2026/04/x/")):
        page = f'<html><head><link rel="canonical" href="{canonical}"></head><body>\n<p>Clinics.</p>\n{credit}\n'
        write(tmp_path / name, page + "</body></html>\n")
    write(
        tmp_path / "ours.html", '<html><head><link rel="canonical" href="/b/"></head><body><p>Ours.</p></body></html>'
    )
    write(tmp_path / ".reprint-guard.yaml", "own-hosts: [ourtown.example]\n")
    run = cli("check", ".", "--format", "json", cwd=tmp_path)
    assert run.code == 0, run.out
    results = {r["path"]: r for r in run.json()["results"]}
    for name, canonical in (("self.html", "https://ourtown.example/2026/04/x/"), ("rel.html", "/2026/04/x/")):
        [finding] = results[name]["findings"]
        assert finding["rule"] == "reprint-guard/credited-original" and finding["line"] == 3
        assert f"its original_url ({canonical}) is the site's own page" in finding["message"]
        assert f"set 'original_url: {kff}'" in finding["fix"]
    assert results["ours.html"]["status"] == "skipped"
    library = reprint_guard.check(credit, {"original_url": "/2026/04/x/"}, format="html")
    assert [f.rule for f in library.findings] == ["reprint-guard/credited-original"]


def test_own_hosts_skip_the_sites_own_articles_and_nothing_else(tmp_path, cli):
    """A canonical URL pointing at the site itself is no reprint; said in the unknown publisher's fix too."""
    own = {"title": "Budget night", "author": "Dana Ortiz", "original_url": "https://www.riverbend.example/2026/b/"}
    write(tmp_path / "own.md", markdown(own, "Our own story.\n"))
    write(tmp_path / "news.md", markdown({**own, "original_url": "https://news.riverbend.example/b"}, "Ours.\n"))
    write(tmp_path / "elsewhere.md", markdown({**own, "original_url": "https://notriverbend.example/b"}, "Theirs.\n"))
    write(tmp_path / "reprint.md", markdown(COMPLIANT_META, COMPLIANT_BODY))
    before = cli("check", ".", "--format", "json", cwd=tmp_path).json()["results"]
    unknown = [r for r in before if r["findings"] and r["findings"][0]["rule"] == "reprint-guard/unknown-publisher"]
    assert len(unknown) == 3 and "list it under own-hosts in the config" in unknown[0]["findings"][0]["fix"]
    write(tmp_path / ".reprint-guard.yaml", "own-hosts: [www.riverbend.example]\n")
    results = {r["path"]: r for r in cli("check", ".", "--format", "json", cwd=tmp_path).json()["results"]}
    assert results["own.md"]["status"] == results["news.md"]["status"] == "skipped"
    assert results["own.md"]["reason"] == (
        "not a reprint: original_url is on the site's own host www.riverbend.example (own-hosts)"
    )
    assert results["elsewhere.md"]["findings"][0]["rule"] == "reprint-guard/unknown-publisher"
    assert results["reprint.md"]["status"] == "pass"
    write(tmp_path / ".reprint-guard.yaml", "own-hosts: ['https://riverbend.example/']\n")
    run = cli("check", ".", cwd=tmp_path)
    assert run.code == 2 and "'https://riverbend.example/' is not a host name: write it as riverbend.example" in run.err
    # The config's one policy is for the reprints: the site's own articles stay its own.
    write(tmp_path / ".reprint-guard.yaml", "own-hosts: [riverbend.example]\npolicy: global-research\n")
    results = {r["path"]: r for r in cli("check", ".", "--format", "json", cwd=tmp_path).json()["results"]}
    assert results["own.md"]["status"] == "skipped" and results["elsewhere.md"]["policy"] == "global-research"
    # An international host, as written or in punycode, and a port in the hint:
    write(tmp_path / "own.md", markdown({**own, "original_url": "https://bücher.example/b"}, "Ours.\n"))
    for host in ("bücher.example", "xn--bcher-kva.example"):
        write(tmp_path / ".reprint-guard.yaml", f"own-hosts: [{host}]\n")
        own_result = cli("check", "own.md", "--format", "json", cwd=tmp_path).json()["results"][0]
        assert own_result["status"] == "skipped", host
    write(tmp_path / ".reprint-guard.yaml", "own-hosts: ['riverbend.example:1313']\n")
    assert "write it as riverbend.example\n" in cli("check", ".", cwd=tmp_path).err + "\n"


def test_raw_html_false_reads_markdown_as_hugo_renders_it_by_default(tmp_path, cli):
    """Hugo's goldmark leaves raw HTML out unless told otherwise: a pixel or credit pasted as HTML is not on
    the page, and raw-html: false says so; HTML pages and Markdown's own syntax are read as before."""
    from conftest import ROOT

    source = (ROOT / "tests" / "policies" / "the-conversation" / "compliant.md").read_text(encoding="utf-8")
    write(tmp_path / "content" / "a.md", source)
    write(tmp_path / "content" / "b.md", source.replace("<img src=", "<em>Counter:</em> <img src="))
    assert cli("check", "content", cwd=tmp_path).code == 0
    write(tmp_path / ".reprint-guard.yaml", "raw-html: false\n")
    run = cli("check", "content", "--format", "json", cwd=tmp_path)
    pixel_line = 1 + source.splitlines().index(next(x for x in source.splitlines() if x.startswith("<img")))
    for result in run.json()["results"]:
        assert [f["rule"] for f in result["findings"]] == ["the-conversation/page-counter"], result["path"]
        (finding,) = result["findings"]
        # Told why it is missing; placed at the last line the page shows (in b.md, "Counter:" beside the pixel).
        assert "raw-html is false: this file's raw HTML is left out" in finding["fix"]
        assert finding["line"] == (pixel_line - 2 if result["path"].endswith("a.md") else pixel_line)
    before = (tmp_path / "content" / "a.md").read_bytes()
    assert before == source.encode("utf-8")  # read, not changed
    from reprint_guard import check_file

    assert [f.rule for f in check_file(tmp_path / "content" / "b.md", config=True).findings] == [
        "the-conversation/page-counter"
    ]
    # What the page leaves out is not where a finding points: the first visible "Eastmoor" is on line 3.
    from reprint_guard.readers import read_text

    text = "<p>Eastmoor</p>\n\nThe <b>Eastmoor</b> press.\n\nEastmoor again.\n"
    assert read_text(text).locate("Eastmoor") == (1, 4)
    assert read_text(text, raw_html=False).locate("Eastmoor") == (3, 8)
    from reprint_guard.readers.markdown import render, without_raw_html

    # The block structure is the renderer's before it leaves the HTML out: no list, heading or code made.
    for text in ("<b>1.</b> Foo\n", "<span>#</span> Heading?\n", "<span></span>    code?\n"):
        assert render(without_raw_html(text)).startswith("<p>"), text


def test_a_credit_names_several_authors_as_a_byline_does_and_satisfies_its_own_policy():
    from reprint_guard import check, credit

    meta = {
        "title": "t",
        "author": ["Tomas Reyes", "Ann Lee", "Bo Chan"],
        "original_url": "https://montanafreepress.org/2026/10/08/x/",
        "original_published": "2026-10-08",
        "published": "2026-10-09",
        "commercial": False,
    }
    block = credit(meta)
    assert block.startswith("*By Tomas Reyes, Ann Lee and Bo Chan, Montana Free Press.")
    body = "# t\n\n*By Tomas Reyes, Ann Lee and Bo Chan, Montana Free Press*\n\nThe story.\n\n"
    assert check(body + block, meta).findings == []


def test_a_credit_reads_the_metadata_under_the_sites_key_names_with_a_config(tmp_path, monkeypatch, cli):
    """A Hugo site's own keys (``canonicalURL``, ``writer``), as its files and --meta give them, for the
    library's credit() with config= and for the command line's credit without --from."""
    from reprint_guard import credit
    from reprint_guard.errors import UsageError

    (tmp_path / ".reprint-guard.yaml").write_text(
        "front-matter:\n  canonicalURL: original_url\n  writer: author\ndefaults:\n  original_published: 2024-05-01\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    meta = {"canonicalURL": GR_URL, "writer": "Ana Ruiz"}
    expected = (
        f"*The original source of this article is [Global Research]({GR_URL}).*\n\n"
        "Copyright © Ana Ruiz, Global Research, 2024"
    )
    assert credit(meta, config=True) == expected
    assert credit(meta, config=tmp_path / ".reprint-guard.yaml", policy="global-research") == expected
    with pytest.raises(UsageError, match="no policy applies"):
        credit(meta)  # without the config, canonicalURL is no key of ours
    run = cli("credit", "--policy", "global-research", "--meta", f"canonicalURL={GR_URL}", "--meta", "writer=Ana Ruiz")
    assert run.code == 0 and run.out == expected + "\n", run.err


HARBOUR = """\
id: harbour
name: Harbour Herald
publisher: Harbour Herald
source_url: https://harbourherald.example/terms
applies_to: [harbourherald.example]
credit:
  position: bottom
  markdown: '*Originally published by [Harbour Herald]({original_url}).*'
rules:
  - id: credit-line
    check: attribution
    names: [Harbour Herald]
    message: Credit Harbour Herald
  - id: tracking-pixel
    check: element
    pattern: '^https://harbourherald\\.example/pixel\\.gif\\?id=hh-[0-9]+$'
    insert: '<img src="https://harbourherald.example/pixel.gif?id={pixel_id}" width="1" height="1" alt="">'
    message: Keep the tracking pixel
"""


@pytest.mark.parametrize(
    ("pixel_id", "config"),
    [("HH-88123", ""), ("hh-88123", "raw-html: false\n")],  # an id the pattern refuses; HTML the site leaves out
)
def test_fix_inserts_the_credit_though_the_pixel_its_template_makes_would_not_satisfy_the_rule(
    tmp_path, cli, pixel_id, config
):
    (tmp_path / "harbour.yaml").write_text(HARBOUR, encoding="utf-8")
    (tmp_path / ".reprint-guard.yaml").write_text(f"policies: [harbour.yaml]\n{config}", encoding="utf-8")
    story = tmp_path / "a.md"
    story.write_text(
        f"---\ntitle: T\noriginal_url: https://harbourherald.example/a/1\npixel_id: {pixel_id}\n---\n\nThe story.\n",
        encoding="utf-8",
    )
    run = cli("check", "a.md", "--fix", cwd=tmp_path)
    assert "fixed harbour/credit-line" in run.err, run.err
    why = (
        "the element its template makes would not satisfy it"
        if not config
        else "the site's Markdown renderer leaves raw HTML out (the config's raw-html: false)"
    )
    assert f"could not fix harbour/tracking-pixel: {why}" in run.err, run.err
    text = story.read_text(encoding="utf-8")
    assert "*Originally published by [Harbour Herald](https://harbourherald.example/a/1).*" in text
    assert "pixel.gif" not in text  # what would not satisfy the rule is not written
    findings = cli("check", "a.md", "--format", "json", cwd=tmp_path).json()["results"][0]["findings"]
    assert [f["rule"] for f in findings] == ["harbour/tracking-pixel"]
    good = story.read_text(encoding="utf-8").replace(f"pixel_id: {pixel_id}", "pixel_id: hh-1")
    story.write_text(good.replace("*Originally", "Originally").replace(".*\n", "\n"), encoding="utf-8")
    if not config:  # an id the pattern takes: the pixel goes in
        assert "fixed harbour/tracking-pixel" in cli("check", "a.md", "--fix", cwd=tmp_path).err
        assert 'src="https://harbourherald.example/pixel.gif?id=hh-1"' in story.read_text(encoding="utf-8")


def test_the_library_takes_severity_overrides_as_the_config_does():
    from reprint_guard import check, check_text
    from reprint_guard.errors import UsageError

    body = COMPLIANT_BODY.replace("Global Research", "GR").replace("Copyright ©", "By")
    rules = lambda result: [(f.rule, f.severity.value) for f in result.findings]  # noqa: E731
    assert rules(check(body, COMPLIANT_META)) == [
        ("global-research/source-credit", "error"),
        ("global-research/copyright-notice", "error"),
    ]
    lowered = check(
        body,
        COMPLIANT_META,
        severity={"global-research/*": "warning", "global-research/copyright-notice": "off"},
    )
    assert rules(lowered) == [("global-research/source-credit", "warning")] and lowered.ok
    assert check_text(markdown(COMPLIANT_META, body), severity={"global-research/*": "off"}).findings == []
    with pytest.raises(UsageError, match="unknown rule 'global-research/source-credt'"):
        check(body, COMPLIANT_META, severity={"global-research/source-credt": "off"})
    with pytest.raises(UsageError, match="one of error, warning, info, off, not 'loud'"):
        check(body, COMPLIANT_META, severity={"global-research/source-credit": "loud"})
    with pytest.raises(UsageError, match="mapping"):
        check(body, COMPLIANT_META, severity=["global-research/*"])  # type: ignore[arg-type]


@pytest.mark.parametrize("key", ["source", "canonical_url", "original_link"])
def test_an_original_under_another_key_on_a_covered_site_is_said_not_skipped(tmp_path, cli, key):
    """A Global Research article's address under a key reprint-guard does not read: the file would be skipped
    as the site's own; it is told, at that key. An address on no covered site stays the site's business."""
    write(tmp_path / "a.md", markdown({"title": "T", "author": "A", key: GR_URL}, "Text.\n"))
    run = cli("check", "a.md", "--format", "json", cwd=tmp_path)
    (finding,) = run.json()["results"][0]["findings"]
    assert (finding["rule"], finding["line"]) == ("reprint-guard/original-elsewhere", 4), finding
    assert f"'{key}' holds an address on globalresearch.ca, which global-research covers" in finding["message"]
    write(tmp_path / "b.md", markdown({"title": "T", key: "https://www.riverbend.example/our/story"}, "Text.\n"))
    assert cli("check", "b.md", "--format", "json", cwd=tmp_path).json()["results"][0]["status"] == "skipped"


@pytest.mark.parametrize(
    ("body", "told"),
    [
        (f"Text.\n\nThis story was originally published by [Global Research]({GR_URL}).\n", True),
        (f"Text.\n\n*The original source of this article is [Global Research]({GR_URL}).*\n", True),
        (f"It first appeared on Global Research: <{GR_URL}>\n", True),
        (f"As [Global Research reported]({GR_URL}), the harbour was sold.\n", False),  # a citation, not a credit
        ("This story was originally published by [Riverbend](https://riverbend.example/a/1).\n", False),
        (f"```\nThis story was originally published by [Global Research]({GR_URL}).\n```\n", False),  # code
        (f"<!-- This story was originally published by [Global Research]({GR_URL}). -->\n", False),
        (f"First published on https://riverbend.example/a/1; see also {GR_URL}\n", False),  # another's words
    ],
)
def test_a_file_with_no_original_url_whose_body_credits_a_covered_original_is_said_not_skipped(
    tmp_path, cli, body, told
):
    """A reprint whose original_url was forgotten, the likeliest slip, was skipped as the site's own article
    however plainly its credit named the original: told at the link, with the address to set."""
    write(tmp_path / "a.md", markdown({"title": "T", "author": "A"}, body))
    run = cli("check", "a.md", "--format", "json", cwd=tmp_path)
    (result,) = run.json()["results"]
    if not told:
        assert result["status"] == "skipped" and run.code == 0, result
        return
    (finding,) = result["findings"]
    assert finding["rule"] == "reprint-guard/credited-original" and finding["severity"] == "warning"
    assert (finding["line"], finding["field"]) == (body.count("\n", 0, body.index("https://")) + 5, "original_url")
    assert f"add 'original_url: {GR_URL}' to the metadata" in finding["fix"]


def test_init_reads_no_pipe_or_device_and_writes_through_no_link(tmp_path, cli):
    """A named pipe or a link to /dev/zero among the content would hang init or fill the memory; a config that
    is a symbolic link would have init create or replace a file anywhere."""
    import os

    write(tmp_path / "content" / "a.md", markdown(HUGO_META, "Body"))
    os.mkfifo(tmp_path / "content" / "post.md")
    os.mkfifo(tmp_path / "pol.yaml")
    (tmp_path / "content" / "z.md").symlink_to("/dev/zero")
    run = cli("init", "--stdout", str(tmp_path))
    assert run.code == 0 and '"canonicalURL": original_url' in run.out, run.err
    victim = tmp_path.parent / f"{tmp_path.name}-victim.txt"
    (tmp_path / ".reprint-guard.yaml").symlink_to(victim)
    linked = cli("init", str(tmp_path))
    assert linked.code == 2 and "is a symbolic link" in linked.err and not victim.exists()


def test_init_maps_a_sites_key_used_in_some_files_without_ours(tmp_path, cli):
    """A site that moved to `original_url` keeps Hugo's `canonicalURL` in its older posts: the mapping is
    proposed for those (our key still wins in a file that has both), and the older post is then checked."""
    newer = {**{k: v for k, v in HUGO_META.items() if k != "canonicalURL"}, "original_url": HUGO_META["canonicalURL"]}
    write(tmp_path / "content" / "new-1.md", markdown(newer, "Body"))
    write(tmp_path / "content" / "new-2.md", markdown(newer, "Body"))
    write(tmp_path / "content" / "old.md", markdown(HUGO_META, "Body"))
    assert cli("init", str(tmp_path)).code == 0
    written = (tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(written)["front-matter"]["canonicalURL"] == "original_url"
    assert '"canonicalURL": original_url  # used in 1 file\n' in written
    assert '"authors": author  # used in 3 files\n' in written  # no file has `author` beside it
    run = cli("check", ".", "--format", "json", cwd=tmp_path)
    old = next(r for r in run.json()["results"] if r["path"] == "content/old.md")
    assert old["policy"] is not None


_LINK_RULE = "rules:\n  - id: link-original\n    check: link\n    target: original\n    message: Link the original\n"


def _write_link_policy(path, policy_id, host):
    """A user's policy with one rule (link to the original), for the host given."""
    write(path, POLICY_HEAD.format(id=policy_id) + f"applies_to: [{host}]\n" + _LINK_RULE)


def _init_policies(root, cli):
    """``init`` run in ``root``: the config it wrote, and the policies it lists."""
    assert cli("init", str(root)).code == 0
    text = (root / ".reprint-guard.yaml").read_text(encoding="utf-8")
    return text, yaml.safe_load(text)["policies"]


def test_init_lists_every_policy_that_loads_and_comments_out_those_that_do_not(tmp_path, cli):
    """Twelve policies beside a site's data file are each listed (init kept ten); one whose id another has, and
    one extending an unknown policy, would stop every check: they are shown commented out with the reason, and
    a child listed before its parent still loads."""
    rule = _LINK_RULE
    for n in range(1, 13):
        _write_link_policy(tmp_path / "policies" / f"pub-{n:02d}.yaml", f"pub-{n:02d}", f"pub{n}.example")
    write(tmp_path / "policies" / "site-data.yaml", "site: x\n")  # so the files are listed one by one
    write(tmp_path / "policies" / "zz-dup.yaml", POLICY_HEAD.format(id="pub-01") + "rules: []\n")
    write(tmp_path / "policies" / "aa-child.yaml", POLICY_HEAD.format(id="child") + "extends: zz-parent\nrules: []\n")
    write(tmp_path / "policies" / "zz-parent.yaml", POLICY_HEAD.format(id="zz-parent") + rule)
    write(tmp_path / "policies" / "orphan.yaml", POLICY_HEAD.format(id="orphan") + "extends: nowhere\nrules: []\n")
    write(tmp_path / "content" / "a.md", markdown({"original_url": "https://pub12.example/a"}, "Body"))
    text, listed = _init_policies(tmp_path, cli)
    assert listed == [
        "policies/aa-child.yaml",
        *(f"policies/pub-{number:02d}.yaml" for number in range(1, 13)),
        "policies/zz-parent.yaml",
    ]
    assert "#  - \"policies/zz-dup.yaml\"  # policies/zz-dup.yaml:1:1: policy id 'pub-01' is also the id of" in text
    assert '#  - "policies/orphan.yaml"  # policies/orphan.yaml:' in text and "'nowhere'" in text
    run = cli("check", "content", "--format", "json", cwd=tmp_path)  # the config works: pub-12 is read
    assert run.code == 1 and run.json()["results"][0]["policy"] == "pub-12", run.err


def test_init_lists_a_folder_with_one_broken_policy_file_by_file(tmp_path, cli):
    """A folder of policies with one broken (an id taken twice) was left out whole: its good ones are listed
    one by one, the broken one commented out; a long reason (an unknown parent lists every policy) is cut."""
    rule = _LINK_RULE
    for number in range(1, 41):
        _write_link_policy(tmp_path / "policies" / f"p{number:02d}.yaml", f"house-{number:02d}", f"p{number}.example")
    write(tmp_path / "policies" / "p02.yaml", POLICY_HEAD.format(id="house-01") + rule)
    write(tmp_path / "policies" / "p03.yaml", POLICY_HEAD.format(id="house-03") + "extends: nowhere\nrules: []\n")
    write(tmp_path / "content" / "a.md", markdown({"original_url": "https://p40.example/a"}, "Body"))
    text, listed = _init_policies(tmp_path, cli)
    assert listed == [f"policies/p{number:02d}.yaml" for number in range(1, 41) if number not in (2, 3)]
    left_out = [line for line in text.splitlines() if line.startswith('#  - "policies/')]
    assert [line.split('"')[1] for line in left_out] == ["policies/p02.yaml", "policies/p03.yaml"]
    assert all(len(line) < 260 for line in left_out), left_out
    assert cli("check", "content", cwd=tmp_path).code == 1  # the config loads


def test_init_keeps_a_working_policy_whose_id_a_broken_draft_read_first_has_too(tmp_path, cli):
    """A broken draft in a folder read first took the id, and the working policy was commented out as its
    twin; then the draft failed to load, and no policy was proposed at all."""
    write(
        tmp_path / "drafts" / "pub-draft.yaml",
        POLICY_HEAD.format(id="pub-01") + "rules:\n  - {id: r, check: text, pattern: '(x', mode: forbid, message: m}\n",
    )
    _write_link_policy(tmp_path / "policies" / "pub.yaml", "pub-01", "pub1.example")
    write(tmp_path / "content" / "a.md", markdown({"original_url": "https://pub1.example/a"}, "Body"))
    text, listed = _init_policies(tmp_path, cli)
    assert listed == ["policies"], text  # the folder, all of whose files load
    assert '#  - "drafts/pub-draft.yaml"  # drafts/pub-draft.yaml:' in text and "invalid or unsupported pattern" in text
    assert "is also the id of" not in text


def test_a_config_named_by_its_folder_says_so(tmp_path, cli):
    """``--config site`` (the folder, not the file) said "config file not found" of a folder that is there."""
    run = cli("policies", "--config", str(tmp_path))
    assert run.code == 2 and "a folder, not a config file: name the file (.reprint-guard.yaml)" in run.err, run.err


@pytest.mark.parametrize(
    ("written", "meant"),
    [("polices: [rules]\n", "policies"), ("rules-dir: rules\n", "policies"), ("severty: {}\n", "severity")],
)
def test_a_misspelt_config_key_is_told_with_the_key_meant(tmp_path, cli, written, meant):
    """A policy's misspelt key got a "did you mean"; the config's did not, nor the key a user of --rules-dir
    writes for the config's 'policies'."""
    (tmp_path / ".reprint-guard.yaml").write_text(written, encoding="utf-8")
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    run = cli("check", "a.md", cwd=tmp_path)
    assert run.code == 2 and run.err.strip().endswith(f"was unexpected); did you mean '{meant}'?"), run.err


@pytest.mark.parametrize(
    ("config", "written"),
    [
        ("hugo.toml", 'baseURL = "https://river bend.example/"\n'),
        ("_config.yml", "url: https://river bend.example\n"),
    ],
)
def test_init_leaves_out_a_sites_own_host_with_a_space_in_it(tmp_path, cli, config, written):
    """A baseURL (or Jekyll url) with a space in its host was copied into own-hosts, where it matches nothing
    and the config then failed to load."""
    write(tmp_path / "content" / "posts" / "a.md", markdown(HUGO_META, "Body"))
    write(tmp_path / config, written)
    assert cli("init", str(tmp_path)).code == 0
    data = yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))
    assert data["own-hosts"] == []
    assert cli("check", "content", cwd=tmp_path).code in (0, 1)  # the written config loads


@pytest.mark.parametrize(
    "front",
    [
        '+++\ntitle = "x"\ncommercial = false\n[params]\noriginal_url = "{url}"\nauthor = "Ana Ruiz"\n+++\n',
        "---\ntitle: x\ncommercial: false\nparams:\n  original_url: {url}\n  author: Ana Ruiz\n---\n",
        "---\ntitle: x\ncommercial: false\nParams:\n  Original_URL: {url}\n  author: Ana Ruiz\n---\n",
    ],
)
def test_our_own_keys_under_hugos_params_are_read(tmp_path, cli, front):
    """A Hugo page keeps its own fields under params: (TOML's [params] table): a reprint whose original_url
    stood there was skipped as no reprint, silently, with no mapping to write (init saw the key and wrote
    none)."""
    write(tmp_path / "a.md", front.replace("{url}", GR_URL) + "\n" + COMPLIANT_BODY)
    (result,) = cli("check", "a.md", "--no-config", "--format", "json", cwd=tmp_path).json()["results"]
    assert (result["policy"], result["status"]) == ("global-research", "pass"), result
    uncredited = COMPLIANT_BODY.replace("Global Research", "GR")
    write(tmp_path / "b.md", front.replace("{url}", GR_URL) + "\n" + uncredited)
    (result,) = cli("check", "b.md", "--no-config", "--format", "json", cwd=tmp_path).json()["results"]
    assert result["status"] == "fail" and "global-research/source-credit" in [f["rule"] for f in result["findings"]]


def test_init_passes_over_a_content_file_nested_too_deeply_to_read(tmp_path, cli):
    """A content file whose TOML front matter is nested 5,000 deep stopped init ("input nested too deeply
    to check", exit 2, no file named): one unreadable file proposes nothing, and the others are surveyed."""
    write(tmp_path / "content" / "deep.md", "+++\na = " + "[" * 5000 + "]" * 5000 + "\n+++\nbody\n")
    write(tmp_path / "content" / "a.md", markdown(HUGO_META, "Body"))
    run = cli("init", str(tmp_path), "--stdout")
    assert run.code == 0 and "front-matter:" in run.out, run.err


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("[tool]\nreprint-guard = 5\n", "pyproject.toml:1: [tool.reprint-guard] must be a table"),
        ('[tool.reprint_guard]\nfail-on = "warning"\n', "[tool.reprint_guard]: the table is [tool.reprint-guard]"),
        ("[tool.reprint-guard]\nfail-on = ", "pyproject.toml:2:11: invalid TOML: Invalid value at the end of the file"),
    ],
)
def test_a_pyproject_table_written_another_way_is_told_not_passed_over(tmp_path, cli, written, said):
    """``[tool] reprint-guard = 5`` and ``[tool.reprint_guard]`` were passed over (the run took the defaults,
    silently); a file cut short was told with no place. A project that only depends on the tool is no config."""
    write(tmp_path / "pyproject.toml", written)
    write(tmp_path / "a.md", "Text.\n")
    run = cli("check", "a.md", cwd=tmp_path)
    assert run.code == 2 and said in run.err, run.err
    write(tmp_path / "pyproject.toml", '[project]\nname = "site"\ndependencies = ["reprint-guard"]\n')
    assert cli("check", "a.md", cwd=tmp_path).code == 0


def test_a_sites_own_name_for_a_key_is_told_to_be_mapped_not_renamed():
    """Hugo's ``authors`` is its taxonomy: "Rename 'authors' to 'author'" would break the site's author pages."""
    from reprint_guard import check

    meta = {k: v for k, v in COMPLIANT_META.items() if k != "author"}
    result = check(COMPLIANT_BODY, {**meta, "authors": ["Ana Ruiz"]})
    (told,) = [f for f in result.findings if f.rule == "reprint-guard/misspelt-key"]
    assert told.fix.startswith("Map it in the config (front-matter: {authors: author}")
    slip = check(COMPLIANT_BODY, {**meta, "autor": "Ana Ruiz"})
    assert [f.fix for f in slip.findings if f.rule == "reprint-guard/misspelt-key"] == ["Rename 'autor' to 'author'."]


def test_a_jekyll_sites_kramdown_reads_markdown_inside_a_block_marked_so(tmp_path, cli):
    """kramdown's <div markdown="1"> holds a credit written in Markdown: read as CommonMark reads it (raw
    text), it failed the link and the credit line. init sets markdown-in-html for a kramdown site."""
    url = "https://www.propublica.org/article/jail-deaths"
    meta = {"title": "Jail deaths", "author": "Dana Whitfield", "original_url": url, "commercial": False}
    credit = (
        f'<div class="reprint-credit" markdown="1">\nThis story was originally published by [ProPublica]({url}). It '
        "is republished under a [CC BY-NC-ND 3.0 US](https://creativecommons.org/licenses/by-nc-nd/3.0/us/) "
        "licence.\n</div>\n"
    )
    write(tmp_path / "_config.yml", "title: Valley Ledger\nurl: https://valley.example\n")
    write(
        tmp_path / "_posts" / "2026-01-01-a.md", markdown(meta, f"By Dana Whitfield, ProPublica\n\nText.\n\n{credit}")
    )
    before = cli("check", "_posts", "--no-config", "--format", "json", cwd=tmp_path).json()["results"][0]
    assert {f["rule"] for f in before["findings"]} >= {"propublica/link-original", "propublica/credit-line"}
    assert cli("init", str(tmp_path)).code == 0
    config = yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))
    assert config["markdown-in-html"] is True
    after = cli("check", "_posts", "--format", "json", cwd=tmp_path).json()["results"][0]
    assert [f["rule"] for f in after["findings"]] == ["propublica/pixel-ping"], after
    # A site on CommonMark is told no such thing.
    write(tmp_path / "_config.yml", "title: Valley Ledger\nmarkdown: CommonMarkGhPages\n")
    assert cli("init", str(tmp_path), "--force").code == 0
    config = yaml.safe_load((tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8"))
    assert config["markdown-in-html"] is False


@pytest.mark.parametrize("media", [False, True])
def test_a_permission_from_the_sites_own_address_grants_nothing_where_anyone_may_grant(tmp_path, cli, media):
    """Montana Free Press takes commercial permission from whoever holds the rights (``from: ['*']``), and a
    record from the republisher's own address counted: the site granted itself. With the config's own-hosts,
    it is told as the site's own; the publisher's address counts. A photo's permission (Global Voices'
    third-party media, from whoever holds them) alike, where an author's address counts too."""
    policy = "global-voices" if media else "montana-free-press"
    fixture = (ROOT / "tests" / "policies" / policy / "compliant.md").read_text(encoding="utf-8")
    head, _, body = fixture.removeprefix("---\n").partition("\n---\n")
    meta = {k: v for k, v in yaml.safe_load(head).items() if k != "expect"}
    scope = "media" if media else "commercial"
    if media:
        body = body.rstrip("\n") + "\n\n![The dam](https://images.example/dam.jpg)\n"
    else:
        meta["commercial"] = True
    write(tmp_path / ".reprint-guard.yaml", "own-hosts: [riverbendledger.org]\n")

    def findings_with(sender: str) -> list[dict]:
        record = {"from": sender, "date": "2026-01-05", "scope": [scope]}
        write(tmp_path / "a.md", markdown({**meta, "permissions": [record]}, body))
        (result,) = cli("check", "a.md", "--format", "json", cwd=tmp_path).json()["results"]
        assert result["policy"] == policy
        return result["findings"]

    told = findings_with("editor@riverbendledger.org")
    assert [f["rule"] for f in told] == [f"{policy}/{'third-party-media' if media else 'noncommercial'}"], told
    assert "the site's own address (own-hosts)" in told[0]["message"], told[0]["message"]
    # The photo's rights holder may be anyone; a commercial grant is the publisher's alone.
    assert findings_with("Ana Ruiz <ana@ruiz.example>" if media else "editor@montanafreepress.org") == []
    (tmp_path / ".reprint-guard.yaml").unlink()  # without the config, the site's address is anyone's
    if media:
        assert findings_with("editor@riverbendledger.org") == []
    else:  # ... but no rights holder's: told so, naming who may grant it
        (told,) = findings_with("editor@riverbendledger.org")
        assert "who does not hold this story's rights" in told["message"], told["message"]
        assert "only Montana Free Press may grant it" in told["message"], told["message"]


def test_a_suppressions_rule_that_is_no_rule_id_is_told_in_words_not_as_a_regex(tmp_path, cli):
    """``rule: "*"`` was told as "'*' does not match '^[a-z0-9][a-z0-9._-]*/(?:...'": the schema's pattern."""
    (tmp_path / ".reprint-guard.yaml").write_text(
        'suppressions:\n  - path: "_posts/**"\n    rule: "*"\n    reason: old posts\n', encoding="utf-8"
    )
    (tmp_path / "a.md").write_text("---\ntitle: x\n---\nx\n", encoding="utf-8")
    run = cli("check", "a.md", cwd=tmp_path)
    assert run.code == 2
    assert run.err == (
        "reprint-guard: .reprint-guard.yaml:3:5: suppressions.0.rule: '*' is no rule id: write <policy>/<rule>, "
        "or <policy>/* for all of a policy's rules, several comma-separated (reprint-guard policies lists them)\n"
    ), run.err


def test_init_says_when_it_could_read_no_host_from_a_jekyll_sites_config(tmp_path, cli):
    """A _config.yml that does not parse gave ``own-hosts: []`` without a word: the site's own canonical
    URLs then read as other sites' originals."""
    (tmp_path / "_config.yml").write_text('title: x\nurl: "unclosed\n', encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    assert cli("init", cwd=tmp_path).code == 0
    text = (tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8")
    assert "# No url could be read from _config.yml: write your site's host here.\nown-hosts: []\n" in text
    (tmp_path / "_config.yml").write_text("url: https://ourtown.example\n", encoding="utf-8")
    assert cli("init", "--force", cwd=tmp_path).code == 0
    text = (tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8")
    assert "No url could be read" not in text and 'own-hosts: ["ourtown.example"]' in text


def test_init_says_when_pages_are_written_in_a_template_language_it_does_not_read(tmp_path, cli):
    """An Eleventy site's reprints in Nunjucks (.njk) were left out of every walk, and nothing said so."""
    (tmp_path / "src" / "posts").mkdir(parents=True)
    (tmp_path / "src" / "_includes").mkdir()
    (tmp_path / "src" / "posts" / "a.njk").write_text(
        "---\ncanonical: https://www.globalresearch.ca/a/5812345\n---\n<p>Source: Global Research</p>\n",
        encoding="utf-8",
    )
    (tmp_path / "src" / "posts" / "b.njk").write_text("---\ntitle: b\n---\n<p>B</p>\n", encoding="utf-8")
    (tmp_path / "src" / "_includes" / "base.njk").write_text("<html>{{ content }}</html>\n", encoding="utf-8")
    (tmp_path / "src" / "posts" / "c.md").write_text("---\ntitle: c\n---\nC\n", encoding="utf-8")
    written = cli("init", "--stdout", cwd=tmp_path).out
    assert "# Not checked: pages in a template language (2 .njk)." in written, written
    (tmp_path / "src" / "posts" / "a.njk").unlink()
    (tmp_path / "src" / "posts" / "b.njk").unlink()
    assert "template language" not in cli("init", "--stdout", cwd=tmp_path).out


@pytest.mark.parametrize("kind", ["dangling", "folder", "fifo"])
def test_a_discovered_config_that_is_no_file_stops_the_run(tmp_path, cli, kind):
    """A .reprint-guard.yaml that is a dangling link, a folder or a named pipe was passed over: discovery went
    on up and applied a parent folder's config (here one excluding everything), or none, and said nothing."""
    (tmp_path / ".reprint-guard.yaml").write_text('exclude: ["**"]\n', encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.md").write_text(
        (ROOT / "examples" / "global-research" / "markdown" / "missing-source-credit.md").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    config = site / ".reprint-guard.yaml"
    if kind == "dangling":
        config.symlink_to(site / "missing.yaml")
    elif kind == "folder":
        config.mkdir()
    else:
        os.mkfifo(config)
    run = cli("check", "a.md", cwd=site)
    assert run.code == 2 and ".reprint-guard.yaml: " in run.err, (run.out, run.err)
    assert "0 files" not in run.out


def test_a_pyproject_saved_as_utf16_or_too_large_is_told_not_passed_over(tmp_path, cli):
    """A UTF-16 pyproject.toml holding [tool.reprint-guard] was passed over unsaid (a UTF-16 .reprint-guard.yaml
    was refused), and a 100 MB one was read whole."""
    (tmp_path / "b.md").write_text("---\ntitle: T\n---\nText.\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.reprint-guard]\nexclude = ["b.md"]\n', encoding="utf-16")
    run = cli("check", "b.md", cwd=tmp_path)
    assert run.code == 2 and "pyproject.toml:1:1: UTF-16 text, not UTF-8" in run.err, run.err
    (tmp_path / "pyproject.toml").write_text(
        '[tool.reprint-guard]\nexclude = ["b.md"]\n' + "# padding\n" * 500_000, encoding="utf-8"
    )
    run = cli("check", "b.md", cwd=tmp_path)
    assert run.code == 2 and "pyproject.toml: config file larger than 4096 KiB" in run.err, run.err


def test_policies_naming_a_file_that_is_no_policy_is_told_at_its_entry(tmp_path, cli):
    """'policies: [a.md]' was read as a policy: "a.md:17:40: invalid YAML: mapping values...", which did not say
    the config had asked for it."""
    (tmp_path / "a.md").write_text("---\ntitle: T\n---\nText: with a colon.\n", encoding="utf-8")
    (tmp_path / ".reprint-guard.yaml").write_text("policies: [a.md]\n", encoding="utf-8")
    run = cli("check", "a.md", cwd=tmp_path)
    assert run.code == 2 and ".reprint-guard.yaml:1:12: policies.0: a.md is no policy file" in run.err, run.err


def test_a_named_file_the_config_excludes_is_said_to_be_passed_over_and_by_which_pattern(tmp_path, write_md, cli):
    """``check drafts/wip.md`` printed "0 files" and a note about include/exclude in general, even with
    ``-v``: which file was passed over, and by which pattern, is said (with ``-v`` beside files checked)."""
    (tmp_path / ".reprint-guard.yaml").write_text("exclude: ['drafts/**', '*.tmp.md']\n")
    write_md("drafts/wip.md", COMPLIANT_META, COMPLIANT_BODY)
    write_md("a.md", COMPLIANT_META, COMPLIANT_BODY)
    alone = cli("check", "drafts/wip.md", cwd=tmp_path)
    assert alone.code == 0 and "in 0 files" in alone.out
    assert "reprint-guard: drafts/wip.md: not checked: the config's exclude 'drafts/**' matches it" in alone.err
    quiet = cli("check", "drafts/wip.md", "a.md", cwd=tmp_path)  # something checked: said only with -v
    assert "not checked" not in quiet.err and "in 1 file" in quiet.out
    told = cli("check", "-v", "drafts/wip.md", "a.md", cwd=tmp_path)
    assert "drafts/wip.md: not checked: the config's exclude 'drafts/**' matches it" in told.err
    assert cli("check", "-v", "a.md", cwd=tmp_path).err == ""
    # All the patterns decide, as gitignore's do: one taken back with "!" is checked, and not said passed over.
    (tmp_path / ".reprint-guard.yaml").write_text("exclude: ['drafts/**', '!drafts/wip.md']\n")
    back = cli("check", "-v", "drafts/wip.md", cwd=tmp_path)
    assert "in 1 file" in back.out and "not checked" not in back.err, back.err
