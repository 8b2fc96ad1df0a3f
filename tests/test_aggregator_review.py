"""An aggregator's pipeline (the review of a bulk republisher): library results queued as JSON, CMS exports
read by the thousand. Real files, real calls."""

from __future__ import annotations

import json
import os
import sys

import pytest

import reprint_guard as rg

GR = "https://www.globalresearch.ca/water-rights-valley/5870001"
BODY = (
    "By Ana Ruiz\n\nThe valley's farmers have argued over water for decades.\n\n"
    f"The original source of this article is [Global Research]({GR}).\n\n"
    "Copyright © Ana Ruiz, Global Research, 2026\n"
)
META = {"original_url": GR, "author": "Ana Ruiz", "commercial": False, "original_published": "2026-11-01"}


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="a file name that is not UTF-8 is refused there")
def test_a_result_for_a_file_named_in_no_utf8_dumps_as_json(tmp_path):
    """``check_file`` on ``caf\\xe9.md`` returned a Result whose ``model_dump_json()`` raised
    PydanticSerializationError (a lone surrogate): a worker queueing results as JSON crashed on it."""
    name = os.fsdecode(bytes(tmp_path) + b"/caf\xe9.md")
    with open(name, "w", encoding="utf-8") as handle:
        handle.write(BODY)
    result = rg.check_file(name, meta=META)
    dumped = json.loads(result.model_dump_json())
    assert dumped["path"].endswith("caf\\xe9.md")
    assert result.model_dump()["path"] == name  # as given: the file is opened by it
    report = rg.Report(tool={"name": "reprint-guard", "version": rg.__version__}, results=[result])
    assert json.loads(report.model_dump_json())["results"][0]["path"].endswith("caf\\xe9.md")


def test_a_names_half_pair_from_json_is_written_as_a_question_mark():
    result = rg.Result(path="a\ud83db.md", error="a\ud83db.md:1:1: bad")
    dumped = json.loads(result.model_dump_json())
    assert dumped["path"] == "a?b.md" and dumped["error"] == "a?b.md:1:1: bad"


def _envelope(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


PP = "https://www.propublica.org/article/river-rises"


@pytest.mark.parametrize(
    "data, key",
    [
        ({"original_url": PP, "author": "A B", "body": "<p>The river rose.</p>", "format": "html"}, "original_url"),
        ({"metadata": {}, "original_url": PP, "body": "<p>The river rose.</p>"}, "original_url"),
        ({"metadata": {"title": "River"}, "fields": {"original_url": PP}, "body": "<p>The river rose.</p>"}, "fields"),
    ],
)
def test_a_cms_export_with_the_reprints_keys_outside_metadata_is_refused_at_them(tmp_path, cli, data, key):
    """A flat export (``{"original_url": ..., "body": ...}``) was skipped as "not a reprint: the metadata
    declares neither original_url nor policy", exit 0: a nightly folder of them passed unchecked."""
    path = _envelope(tmp_path, "flat.json", data)
    run = cli("check", "--no-config", str(path), "--format", "json")
    assert run.code == 2, run.out + run.err
    result = run.json()["results"][0]
    assert result["status"] == "error" and f'"{key}"' in result["error"], result
    text = path.read_text(encoding="utf-8")
    line, column = result["error_line"], result["error_column"]
    assert text.splitlines()[line - 1][column - 1 :].startswith(f'"{key}"')
    with pytest.raises(rg.InputError):
        rg.check_file(path)


def test_a_site_s_own_envelope_with_a_null_format_is_read_as_auto(tmp_path, cli):
    path = _envelope(tmp_path, "own.json", {"metadata": {"title": "Ours"}, "body": "<p>Ours.</p>", "format": None})
    run = cli("check", "--no-config", str(path), "--format", "json")
    assert run.code == 0 and run.json()["results"][0]["status"] == "skipped", run.out + run.err


NC = "https://smallnews.example/river"
NC_BODY = (
    "The river rose.\n\nBy Ana Ruiz. Originally published by [Small News](" + NC + ") under a "
    "[CC BY-NC-ND 4.0](https://creativecommons.org/licenses/by-nc-nd/4.0/) licence.\n"
)


@pytest.mark.parametrize("unset", [None, ""])
def test_a_null_or_blank_value_takes_the_configs_default(tmp_path, cli, unset):
    """``"commercial": null`` beside ``defaults: {commercial: true}`` wiped the default: a NonCommercial
    violation became a "'commercial' is not set" warning, exit 0."""
    (tmp_path / ".reprint-guard.yaml").write_text("defaults:\n  commercial: true\n  medium: print\n", encoding="utf-8")
    meta = {"author": "Ana Ruiz", "original_url": NC, "license": "CC BY-NC-ND 4.0"}
    meta.update(commercial=unset, medium=unset)
    path = _envelope(tmp_path, "null.json", {"metadata": meta, "body": NC_BODY, "format": "markdown"})
    run = cli("check", str(path), "--format", "json", cwd=tmp_path)
    rules = [finding["rule"] for finding in run.json()["results"][0]["findings"]]
    assert "cc-by-nc-nd-4.0/noncommercial" in rules and "reprint-guard/missing-metadata" not in rules, rules
    assert run.code == 1
    result = rg.check(NC_BODY, meta, format="markdown", config={"defaults": {"commercial": True}})
    assert "cc-by-nc-nd-4.0/noncommercial" in [finding.rule for finding in result.findings]


@pytest.mark.parametrize(
    "data",
    [
        # A site's own keys of other meanings: a "policy" that is no policy id, a "seo" block's.
        {
            "metadata": {"title": "Ours", "author": "Ann Lee"},
            "body": "<p>Ours.</p>",
            "format": "html",
            "policy": "public",
        },
        {"metadata": {"title": "x"}, "body": "Our own story.", "seo": {"policy": "index"}},
    ],
)
def test_a_sites_own_envelope_with_keys_of_its_own_is_passed_over(tmp_path, cli, data):
    """The attack on the fix above: a site's own "policy": "public" beside "body" was refused, exit 2."""
    run = cli("check", "--no-config", str(_envelope(tmp_path, "own.json", data)), "--format", "json")
    assert run.code == 0 and run.json()["results"][0]["status"] == "skipped", run.out + run.err


def test_an_envelope_whose_metadata_names_the_original_by_the_sites_own_key_is_checked(tmp_path, cli):
    """A config's ``front-matter: {canonicalURL: original_url}``: the metadata makes a reprint, and another
    block's "policy" is the site's ("comments": {"policy": "open"})."""
    (tmp_path / ".reprint-guard.yaml").write_text("front-matter:\n  canonicalURL: original_url\n", encoding="utf-8")
    meta = {"canonicalURL": GR, "author": "Ana Ruiz", "commercial": False, "original_published": "2026-11-01"}
    path = _envelope(tmp_path, "km.json", {"metadata": meta, "body": BODY, "comments": {"policy": "open"}})
    run = cli("check", str(path), "--format", "json", cwd=tmp_path)
    assert run.code == 0 and run.json()["results"][0]["status"] == "pass", run.out + run.err
