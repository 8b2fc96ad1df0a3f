"""A Hugo/Jekyll site developer's review: front matter shaped as themes write it, the config's key mapping, and
what ``init`` proposes (only what the values fit, what a check would tell to map), and Hugo's cascade and
Jekyll's defaults, which check reads and init names."""

from __future__ import annotations

from pathlib import Path

import yaml

GR = "https://www.globalresearch.ca/harbour-towns-quota-shift/5890011"
GRIST = "https://grist.org/science/creek-restoration-trout-return/"
GR_BODY = f"""
Boat owners along the north coast met in a church hall on Tuesday to weigh a
new quota system that splits the catch by vessel length.

*The original source of this article is [Global Research]({GR}).*

Copyright © Tomas Brenner, Global Research, 2026
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _rules(run) -> list[str]:
    return sorted(f["rule"] for result in run.json()["results"] for f in result["findings"])


def _findings(run) -> list[dict]:
    return [f for result in run.json()["results"] for f in result["findings"]]


# 1. A source written as a table (Hugo themes' source: {name: ..., url: ...})


def test_the_sites_own_article_with_a_source_table_is_not_refused(tmp_path, cli):
    _write(
        tmp_path,
        "own.md",
        "---\ntitle: Our levy story\nauthor: Staff\nsource:\n  name: County clerk records\n"
        "  url: https://county.example/records/levy\n---\n\nThe school levy passed by nine votes.\n",
    )
    run = cli("check", "--no-config", "own.md", cwd=tmp_path)
    assert run.code == 0, run.out + run.err
    assert "1 skipped (not reprints)" in run.out
    assert "should be a string" not in run.out


def test_a_source_table_is_read_by_its_name_and_its_address_is_told_and_mappable(tmp_path, cli):
    _write(
        tmp_path,
        "reprint.md",
        f'+++\ntitle = "Harbour towns"\nauthor = "Tomas Brenner"\ncommercial = false\n[source]\n'
        f'name = "GR desk"\nurl = "{GR}"\n+++\n{GR_BODY}',
    )
    run = cli("check", "--no-config", "reprint.md", "--format", "json", cwd=tmp_path)
    assert run.code == 0, run.out + run.err
    (finding,) = _findings(run)
    assert finding["rule"] == "reprint-guard/original-elsewhere"
    assert "'source.url' holds an address on globalresearch.ca" in finding["message"]
    assert "map 'source.url: original_url'" in finding["fix"]
    assert finding["line"] == 5  # at the [source] table

    # The mapping the warning names works, and the table's name mapped onto source is no conflict.
    _write(tmp_path, "cfg.yaml", 'front-matter:\n  "source.url": original_url\n  "source.name": source\n')
    mapped = cli("check", "--config", "cfg.yaml", "reprint.md", "--format", "json", cwd=tmp_path)
    assert mapped.code == 0, mapped.out + mapped.err
    assert mapped.json()["results"][0]["policy"] == "global-research"
    assert _rules(mapped) == []


def test_a_reprint_only_key_of_another_shape_is_refused_only_in_a_reprint(tmp_path, cli):
    own = (
        "---\ntitle: Ours\ncopyright: true\nsource:\n  url: https://county.example/\nlicense: {name: CC}\n---\n\nText\n"
    )
    _write(tmp_path, "own.md", own)
    _write(tmp_path, "cfg.yaml", "front-matter:\n  copyright: copyright_holder\n")
    run = cli("check", "--config", "cfg.yaml", "own.md", cwd=tmp_path)
    assert run.code == 0, run.out + run.err
    assert "1 skipped (not reprints)" in run.out

    reprint = f"---\ntitle: Harbour\noriginal_url: {GR}\nsource:\n  url: {GR}\n---\n{GR_BODY}"
    _write(tmp_path, "reprint.md", reprint)
    refused = cli("check", "--config", "cfg.yaml", "reprint.md", cwd=tmp_path)
    assert refused.code == 2
    assert "reprint.md:4:1: metadata 'source': should be a string (text), not an object" in refused.out
    assert "read by its name ({name: ..., url: ...})" in refused.out


# 2. The mapping's order


def test_the_front_matter_mapping_does_not_depend_on_its_order(tmp_path, cli):
    _write(
        tmp_path,
        "index.md",
        f'+++\ntitle = "Harbour towns"\nauthor = "Tomas Brenner"\ncommercial = false\n[source]\n'
        f'name = "Global Research"\nurl = "{GR}"\n+++\n{GR_BODY}',
    )
    _write(tmp_path, "a.yaml", 'front-matter:\n  "source": site_source\n  "source.url": original_url\n')
    _write(tmp_path, "b.yaml", 'front-matter:\n  "source.url": original_url\n  "source": site_source\n')
    runs = [
        cli("check", "--config", name, "index.md", "--format", "json", cwd=tmp_path) for name in ("a.yaml", "b.yaml")
    ]
    for run in runs:
        assert run.code == 0, run.out + run.err
        assert run.json()["results"][0]["policy"] == "global-research"
        assert _rules(run) == []
    assert runs[0].out == runs[1].out


# 3 and 4. What init maps


def test_init_maps_a_key_only_when_its_values_fit(tmp_path, cli):
    _write(tmp_path, "hugo.toml", 'baseURL = "https://valleyledger.example/"\n')
    _write(
        tmp_path,
        "content/posts/reprint.md",
        f"---\ntitle: Creek\nauthor: Lena Ortiz\noriginal: false\noriginal_url: {GRIST}\ncommercial: false\n---\n\n"
        "Volunteers pulled culverts.\n\n*This story was originally published by Grist.*\n",
    )
    _write(
        tmp_path,
        "content/posts/own.md",
        "---\ntitle: Our own story\nauthor: Staff\noriginal: true\npublisher:\n  name: Valley Ledger\n"
        "  logo: /logo.png\ncopyright: true\n---\n\nThe school levy passed by nine votes.\n",
    )
    _write(
        tmp_path,
        "content/posts/older.md",
        f"---\ntitle: Older\nauthor: Lena Ortiz\ncanonicalURL: {GRIST}\ncommercial: false\n---\n\n"
        "Volunteers pulled culverts.\n\n*This story was originally published by Grist.*\n",
    )
    assert cli("init", str(tmp_path)).code == 0
    text = (tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text)["front-matter"] == {"canonicalURL": "original_url"}  # an address: mapped
    assert "# Not mapped: your original holds something other than a web address in 2 files" in text
    assert "# Not mapped: your publisher holds something other than text in 1 file" in text
    assert "# Not mapped: your copyright holds something other than names in 1 file" in text
    run = cli("check", "content", "--format", "json", cwd=tmp_path)
    assert run.code == 0, run.out + run.err  # none refused: the own article skipped, both reprints checked
    assert [result["status"] for result in run.json()["results"]] == ["pass", "skipped", "pass"]


def test_init_proposes_what_a_check_would_tell_to_map(tmp_path, cli):
    _write(tmp_path, "hugo.toml", 'baseURL = "https://valleyledger.example/"\n')
    body = GR_BODY
    _write(
        tmp_path,
        "content/posts/gr.md",
        f"---\ntitle: Harbour\noriginal_link: {GR}\nauthor: [Tomas Brenner]\n---\n{body}",
    )
    _write(
        tmp_path, "content/posts/gr2.md", f"---\ntitle: Harbour 2\nstory_from: {GR}\nauthor: Tomas Brenner\n---\n{body}"
    )
    _write(tmp_path, "content/posts/pic.md", f"---\ntitle: Pic\nhero: {GR[:-8]}photo.jpg\n---\n\nText.\n")
    before = cli("check", "--no-config", "content", "--format", "json", cwd=tmp_path)
    said = {f["message"].split("'")[1] for f in _findings(before) if f["rule"] == "reprint-guard/original-elsewhere"}
    assert {"original_link", "story_from"} <= said

    assert cli("init", str(tmp_path)).code == 0
    text = (tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8")
    mapping = yaml.safe_load(text)["front-matter"]
    assert mapping == {"original_link": "original_url", "story_from": "original_url"}
    assert "holds addresses on globalresearch.ca, which global-research covers" in text
    after = cli("check", "content", "--format", "json", cwd=tmp_path)
    # Only the hotlinked photo's key is still told of: a media file's address is no original, and not proposed.
    elsewhere = [f["message"] for f in _findings(after) if f["rule"] == "reprint-guard/original-elsewhere"]
    assert len(elsewhere) == 1 and elsewhere[0].startswith("'hero'")
    policies = {result["path"]: result["policy"] for result in after.json()["results"]}
    assert policies["content/posts/gr.md"] == policies["content/posts/gr2.md"] == "global-research"


# 5 and 6. JSON front matter


def test_an_html_page_with_json_front_matter_is_read_as_one_with_yaml_or_toml(tmp_path, cli):
    page = (
        "<p>Volunteers pulled culverts and replanted willows for four summers.</p>\n"
        '<img src="trout.jpg" alt="trout">\n'
        f'<p><em>This story was originally published by <a href="{GRIST}">Grist</a>.</em></p>\n'
    )
    _write(
        tmp_path,
        "fmt.html",
        f'+++\ntitle = "Creek"\nauthor = "Lena Ortiz"\noriginal_url = "{GRIST}"\ncommercial = false\n+++\n{page}',
    )
    _write(
        tmp_path,
        "fmj.html",
        f'{{\n  "title": "Creek",\n  "author": "Lena Ortiz",\n  "original_url": "{GRIST}",\n'
        f'  "commercial": false\n}}\n{page}',
    )
    toml = cli("check", "--no-config", "fmt.html", "--format", "json", cwd=tmp_path)
    run = cli("check", "--no-config", "fmj.html", "--format", "json", cwd=tmp_path)
    assert run.code == toml.code == 1, run.out + run.err
    assert _rules(run) == _rules(toml) == ["grist/no-images-without-permission"]
    assert [f["line"] for f in _findings(run)] == [8]


def test_a_finding_on_a_key_nested_in_json_front_matter_stands_at_that_key(tmp_path, cli):
    _write(
        tmp_path,
        "nested.md",
        f'{{\n  "title": "Harbour towns",\n  "params": {{\n    "original_url": "{GR}",\n    "commercial": true\n'
        f'  }},\n  "author": "Tomas Brenner"\n}}\n{GR_BODY}',
    )
    run = cli("check", "--no-config", "nested.md", "--format", "json", cwd=tmp_path)
    (finding,) = [f for f in _findings(run) if f["rule"] == "global-research/commercial-permission"]
    assert (finding["line"], finding["column"]) == (5, 5)


# 7. A slug beside the name


def test_a_taxonomy_slug_of_the_same_name_is_no_conflict(tmp_path, cli):
    url = "https://www.propublica.org/article/county-jail-medical-contracts-review"
    body = (
        "\nThree counties renewed medical contracts for their jails without bids.\n\n"
        f"*By Ana Ruiz. This story was originally published by [ProPublica]({url}). It is republished under a "
        "[CC BY-NC-ND 3.0 US](https://creativecommons.org/licenses/by-nc-nd/3.0/us/) licence.*\n\n"
        '<script type="text/javascript" src="https://pixel.propublica.org/pixel.js" async></script>\n'
    )
    _write(tmp_path, "cfg.yaml", "front-matter:\n  authors: author\n")
    for name, slug in (("same.md", "ana-ruiz"), ("other.md", "li-wei")):
        _write(
            tmp_path,
            name,
            f"---\ntitle: Jail contracts\nauthor: Ana Ruiz\nauthors: [{slug}]\n"
            f"original_url: {url}\ncommercial: false\n---\n{body}",
        )
    same = cli("check", "--config", "cfg.yaml", "same.md", "--format", "json", cwd=tmp_path)
    assert same.code == 0, same.out + same.err
    assert _rules(same) == []
    other = cli("check", "--config", "cfg.yaml", "other.md", "--format", "json", cwd=tmp_path)
    assert _rules(other) == ["reprint-guard/conflicting-keys"]  # another person's slug still disagrees


# 8. Hugo's cascade and Jekyll's defaults


def test_check_reads_hugos_cascade_and_init_names_it(tmp_path, cli):
    _write(tmp_path, "hugo.toml", 'baseURL = "https://valleyledger.example/"\n')
    _write(
        tmp_path,
        "content/grist/_index.md",
        '+++\ntitle = "From Grist"\n[cascade]\n  policy = "grist"\n  commercial = false\n  [cascade.params]\n'
        '    featured_image = "/img/banner.jpg"\n+++\nStories republished from Grist.\n',
    )
    _write(
        tmp_path,
        "content/grist/creek/index.md",
        '+++\ntitle = "Creek restoration"\nauthor = "Lena Ortiz"\n+++\n\nVolunteers pulled culverts.\n\n'
        '{{< figure src="trout.jpg" >}}\n',
    )
    run = cli("check", "--no-config", "content", "--format", "json", cwd=tmp_path)
    assert run.code == 1, run.out + run.err  # the cascade's policy makes the section's page a reprint
    results = {result["path"]: result for result in run.json()["results"]}
    assert results["content/grist/creek/index.md"]["policy"] == "grist"
    assert results["content/grist/_index.md"]["status"] == "skipped"  # the section's own page is no reprint
    assert cli("init", str(tmp_path)).code == 0
    text = (tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8")
    assert "reprint-guard reads Hugo's cascade" in text
    assert "#   Hugo's cascade in content/grist/_index: policy: grist, commercial: false" in text
    assert yaml.safe_load(text)["overrides"] == []  # nothing proposed: check reads the cascade itself
    again = cli("check", "content", "--format", "json", cwd=tmp_path)
    assert {r["path"]: r.get("policy") for r in again.json()["results"]}["content/grist/creek/index.md"] == "grist"


def test_check_reads_jekylls_front_matter_defaults_and_init_names_them(tmp_path, cli):
    _write(
        tmp_path,
        "_config.yml",
        'url: "https://sister.example"\ndefaults:\n  - scope:\n      path: "_posts/grist"\n    values:\n'
        "      policy: grist\n      commercial: false\n      layout: post\n  - scope:\n      type: pages\n"
        "    values:\n      commercial: true\n",
    )
    _write(
        tmp_path,
        "_posts/grist/2026-12-01-creek.md",
        "---\ntitle: Creek\nauthor: Lena Ortiz\n---\n\nVolunteers pulled culverts.\n\n![trout](/img/trout.jpg)\n",
    )
    run = cli("check", "--no-config", "_posts", "--format", "json", cwd=tmp_path)
    (result,) = run.json()["results"]
    assert result["policy"] == "grist"  # the default's policy: a reprint, not skipped as the site's own
    assert "reprint-guard/missing-metadata" not in _rules(run)  # commercial given by the default
    assert cli("init", str(tmp_path)).code == 0
    text = (tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text)["overrides"] == []
    assert "#   Jekyll's defaults in _config.yml for _posts/grist: policy: grist, commercial: false" in text
    assert "#   Jekyll's defaults in _config.yml for pages: commercial: true" in text
