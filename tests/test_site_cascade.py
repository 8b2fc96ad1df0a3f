"""Hugo's ``cascade`` (a section's ``_index.md``, the site's config) and Jekyll's front matter ``defaults``
(``_config.yml``) read by ``check`` as the pages' metadata, below their own front matter: real site trees,
the real command line."""

from __future__ import annotations

from pathlib import Path


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _results(run) -> dict[str, dict]:
    return {result["path"]: result for result in run.json()["results"]}


def _line_of(path: Path, needle: str, after: str = "") -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next(n for n, line in enumerate(lines) if after in line) if after else 0
    return next(n for n in range(start, len(lines)) if needle in lines[n]) + 1


STORY = "\nThe county voted on Tuesday to close the river crossing for repairs.\n"


def _hugo_site(root: Path) -> None:
    _write(
        root,
        "hugo.yaml",
        "baseURL: https://valleyledger.example/\n"
        "cascade:\n"
        "  - _target:\n"
        "      path: /wire/**\n"
        "    policy: mongabay\n"
        "  - params:\n"
        "      commercial: true\n",
    )
    _write(
        root,
        "content/news/_index.md",
        "---\ntitle: News\ncascade:\n  policy: propublica\n  news_outlet: false\n---\nOur news.\n",
    )
    _write(root, "content/news/grist/_index.md", '+++\ntitle = "From Grist"\n[cascade]\npolicy = "grist"\n+++\n')
    _write(root, "content/news/grist/a.md", "---\ntitle: A\n---\n" + STORY)
    _write(root, "content/news/b.md", "---\ntitle: B\n---\n" + STORY)
    _write(root, "content/news/c.md", "---\ntitle: C\npolicy: global-voices\n---\n" + STORY)
    _write(root, "content/wire/d.md", "---\ntitle: D\n---\n" + STORY)
    _write(root, "content/blog/e.md", "---\ntitle: E\n---\n" + STORY)


def test_hugo_cascades_nearest_first_below_the_pages_own_front_matter(tmp_path, cli):
    _hugo_site(tmp_path)
    run = cli("check", "--no-config", "content", "--format", "json", cwd=tmp_path)
    assert run.code == 1, run.out + run.err
    results = _results(run)
    policies = {path: result.get("policy") for path, result in results.items()}
    assert policies["content/news/grist/a.md"] == "grist"  # the nearest _index's cascade over the farther one's
    assert policies["content/news/b.md"] == "propublica"
    assert policies["content/news/c.md"] == "global-voices"  # the page's own front matter wins
    assert policies["content/wire/d.md"] == "mongabay"  # the config's cascade, its _target's path
    assert results["content/blog/e.md"]["status"] == "skipped"  # commercial alone names no original
    assert results["content/news/_index.md"]["status"] == "skipped"  # a section's own page
    # ProPublica's non-commercial rule: commercial (the config's cascade, under params) with news_outlet false
    # (the section's): told at the line of the config that sets commercial.
    (finding,) = [f for f in results["content/news/b.md"]["findings"] if f["rule"] == "propublica/noncommercial"]
    assert finding["file"] == "hugo.yaml"
    assert finding["line"] == _line_of(tmp_path / "hugo.yaml", "commercial: true")


def test_a_cascades_target_path_takes_in_its_pages_only(tmp_path, cli):
    _write(tmp_path, "hugo.toml", 'baseURL = "https://valleyledger.example/"\n')
    _write(
        tmp_path,
        "content/_index.md",
        '+++\ntitle = "Home"\n[[cascade]]\npolicy = "propublica"\n[cascade._target]\npath = "/propublica/**"\n'
        '[[cascade]]\npolicy = "grist"\n[cascade._target]\npath = "/grist/*"\nkind = "page"\n+++\n',
    )
    _write(tmp_path, "content/propublica/2026/x.md", "---\ntitle: X\n---\n" + STORY)
    _write(tmp_path, "content/grist/y/index.md", "---\ntitle: Y\n---\n" + STORY)  # a bundle: its path is /grist/y
    _write(tmp_path, "content/grist/deeper/z.md", "---\ntitle: Z\n---\n" + STORY)  # /grist/* stops at a folder
    _write(tmp_path, "content/own/w.md", "---\ntitle: W\n---\n" + STORY)
    run = cli("check", "--no-config", "content", "--format", "json", cwd=tmp_path)
    results = _results(run)
    assert results["content/propublica/2026/x.md"].get("policy") == "propublica"
    assert results["content/grist/y/index.md"].get("policy") == "grist"
    assert results["content/grist/deeper/z.md"]["status"] == "skipped"
    assert results["content/own/w.md"]["status"] == "skipped"


def test_a_sidecar_and_meta_win_over_a_cascade(tmp_path, cli):
    _hugo_site(tmp_path)
    _write(tmp_path, "content/news/b.meta.yaml", "policy: grist\n")
    run = cli("check", "--no-config", "content/news/b.md", "--format", "json", cwd=tmp_path)
    assert _results(run)["content/news/b.md"]["policy"] == "grist"
    run = cli(
        "check", "--no-config", "--meta", "policy=calmatters", "content/wire/d.md", "--format", "json", cwd=tmp_path
    )
    assert _results(run)["content/wire/d.md"]["policy"] == "calmatters"


def test_a_cascades_bad_value_is_told_at_its_line(tmp_path, cli):
    _hugo_site(tmp_path)
    _write(tmp_path, "content/news/_index.md", "---\ntitle: News\ncascade:\n  news_outlet: sometimes\n---\n")
    run = cli("check", "--no-config", "content/news/b.md", cwd=tmp_path)
    assert run.code == 2, run.out + run.err
    assert run.out.startswith("content/news/_index.md:4:16: metadata 'news_outlet': "), run.out  # the value


def test_a_malformed_index_page_is_one_line_at_its_place(tmp_path, cli):
    _hugo_site(tmp_path)
    _write(tmp_path, "content/news/_index.md", "---\ntitle: News\ncascade:\n  policy: [propublica\n---\n")
    run = cli("check", "--no-config", "content/news", cwd=tmp_path)
    assert run.code == 2, run.out + run.err
    told = [line for line in run.out.splitlines() if "(could not be checked)" in line]
    assert len(told) == 1, run.out  # the section's page, and the pages below it, told once
    assert "4 could not be checked" in run.out  # _index.md, b.md, c.md, grist/a.md (grist's _index holds its own)
    assert told[0].startswith("content/news/_index.md:4:11: invalid YAML: "), told
    assert "Traceback" not in run.err


def test_a_malformed_site_config_is_one_line_at_its_place(tmp_path, cli):
    _hugo_site(tmp_path)
    _write(tmp_path, "hugo.toml", 'baseURL = "https://valleyledger.example/"\n[cascade\npolicy = "grist"\n')
    (tmp_path / "hugo.yaml").unlink()
    run = cli("check", "--no-config", "content", cwd=tmp_path)
    assert run.code == 2, run.out + run.err
    told = [line for line in run.out.splitlines() if "(could not be checked)" in line]
    assert len(told) == 1, run.out
    assert told[0].startswith("hugo.toml:2:"), told


def _jekyll_site(root: Path) -> None:
    _write(
        root,
        "_config.yml",
        "url: https://sister.example\n"
        "defaults:\n"
        "  - scope:\n"
        '      path: "_posts/pp"\n'
        "      type: posts\n"
        "    values:\n"
        "      policy: propublica\n"
        "      commercial: true\n"
        "      news_outlet: false\n"
        "  - scope:\n"
        "      path: _posts\n"
        "    values:\n"
        "      policy: grist\n"
        "  - scope:\n"
        "      type: pages\n"
        "    values:\n"
        "      policy: mongabay\n",
    )
    _write(root, "_posts/pp/2026-12-01-water.md", "---\ntitle: Water\n---\n" + STORY)
    _write(root, "_posts/2026-12-02-creek.md", "---\ntitle: Creek\n---\n" + STORY)
    _write(root, "about/index.md", "---\ntitle: About\n---\n" + STORY)


def test_jekyll_defaults_by_scope_path_and_type(tmp_path, cli):
    _jekyll_site(tmp_path)
    run = cli("check", "--no-config", ".", "--format", "json", cwd=tmp_path)
    results = _results(run)
    # The longer scope path takes precedence, though listed first; a type's scope reaches its files only.
    assert results["_posts/pp/2026-12-01-water.md"]["policy"] == "propublica"
    assert results["_posts/2026-12-02-creek.md"]["policy"] == "grist"
    assert results["about/index.md"]["policy"] == "mongabay"
    (finding,) = [
        f for f in results["_posts/pp/2026-12-01-water.md"]["findings"] if f["rule"] == "propublica/noncommercial"
    ]
    assert (finding["file"], finding["line"]) == ("_config.yml", 8)


def test_a_malformed_jekyll_config_is_one_line_at_its_place(tmp_path, cli):
    _jekyll_site(tmp_path)
    _write(tmp_path, "_config.yml", "url: https://sister.example\ndefaults:\n  - scope: {path: _posts\n")
    run = cli("check", "--no-config", "_posts", cwd=tmp_path)
    assert run.code == 2, run.out + run.err
    told = [line for line in run.out.splitlines() if "(could not be checked)" in line]
    assert len(told) == 1, run.out
    assert told[0].startswith("_config.yml:4:1: site configuration does not read: "), told


def test_a_misspelt_key_beside_a_defaults_value_names_where_the_value_comes_from(tmp_path, cli):
    _jekyll_site(tmp_path)
    _write(tmp_path, "_posts/pp/2026-12-01-water.md", "---\ntitle: Water\nComercial: false\n---\n" + STORY)
    run = cli("check", "--no-config", "_posts/pp", "--format", "json", cwd=tmp_path)
    (finding,) = [f for f in run.json()["results"][0]["findings"] if f["rule"] == "reprint-guard/misspelt-key"]
    assert "checked with the value _config.yml gives 'commercial' (true)" in finding["message"]
    assert finding.get("file") is None and finding["line"] == 3  # at the page's own key


def test_an_inline_toml_cascade_and_a_link_out_of_the_repository(tmp_path, cli):
    import subprocess

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    _write(
        tmp_path,
        "hugo.toml",
        'baseURL = "https://v.example/"\ncascade = [{policy = "propublica", _target = {path = "/pp/**"}},\n'
        '  {policy = "grist", news_outlet = "maybe", _target = {path = "/x/**"}}]\n',
    )
    _write(tmp_path, "content/pp/a.md", "---\ntitle: A\n---\n" + STORY)
    _write(tmp_path, "content/x/b.md", "---\ntitle: B\n---\n" + STORY)
    run = cli("check", "--no-config", "content", "--format", "json", cwd=tmp_path)
    results = _results(run)
    assert results["content/pp/a.md"]["policy"] == "propublica"
    assert results["content/x/b.md"]["error"].startswith("hugo.toml:3:36: metadata 'news_outlet': ")
    secret = tmp_path.parent / f"{tmp_path.name}-secret.md"
    secret.write_text("---\ncascade: {policy: [hunter2\n---\n", encoding="utf-8")
    (tmp_path / "content" / "pp" / "_index.md").symlink_to(secret)
    run = cli("check", "--no-config", "content/pp/a.md", cwd=tmp_path)
    assert run.code == 2
    assert run.out.startswith("content/pp/_index.md: a symbolic link out of the repository"), run.out
    assert "hunter2" not in run.out + run.err


def test_credit_from_a_page_takes_the_policy_its_site_gives(tmp_path, cli):
    _jekyll_site(tmp_path)
    _write(
        tmp_path,
        "_posts/2026-12-02-creek.md",
        "---\ntitle: Creek\nauthor: Lena Ortiz\noriginal_url: https://example.org/creek-restoration\n---\n" + STORY,
    )
    run = cli("credit", "--no-config", "--from", "_posts/2026-12-02-creek.md", cwd=tmp_path)
    assert run.code == 0, run.out + run.err
    assert "Grist" in run.out


def test_a_long_cascade_list_and_many_default_sets_are_read_in_linear_time(tmp_path, cli):
    from conftest import cpu_seconds

    hugo = tmp_path / "hugo"
    blocks = "".join(f"  - _target:\n      path: /s{n}/**\n    policy: grist\n" for n in range(1500))
    _write(hugo, "hugo.yaml", "baseURL: https://v.example/\ncascade:\n" + blocks + "  - policy: propublica\n")
    section = "".join(f"  - _target:\n      path: /t{n}/**\n    commercial: true\n" for n in range(1200))
    _write(hugo, "content/news/_index.md", "---\ntitle: News\ncascade:\n" + section + "---\n")
    toml = "".join(f'[[cascade]]\npolicy = "grist"\n[cascade._target]\npath = "/u{n}/**"\n' for n in range(1200))
    _write(hugo, "content/wire/_index.md", "+++\ntitle = 'Wire'\n" + toml + "+++\n")
    for n in range(5):
        _write(hugo, f"content/news/p{n}.md", "---\ntitle: P\n---\n" + STORY)
        _write(hugo, f"content/wire/w{n}.md", "---\ntitle: W\n---\n" + STORY)
    jekyll = tmp_path / "jekyll"
    sets = "".join(f"  - scope:\n      path: _posts/c{n}\n    values:\n      policy: grist\n" for n in range(1000))
    last = "  - scope:\n      path: _posts\n    values:\n      policy: propublica\n"
    _write(jekyll, "_config.yml", "defaults:\n" + sets + last)
    for n in range(5):
        _write(jekyll, f"_posts/2026-12-0{n + 1}-p.md", "---\ntitle: P\n---\n" + STORY)
    start = cpu_seconds()
    run = cli("check", "--no-config", "content", "--format", "json", cwd=hugo)
    results = _results(run)
    assert results["content/news/p0.md"]["policy"] == "propublica", run.out + run.err
    run = cli("check", "--no-config", "_posts", "--format", "json", cwd=jekyll)
    assert _results(run)["_posts/2026-12-01-p.md"]["policy"] == "propublica", run.out + run.err
    assert cpu_seconds() - start < 5  # linear: about 1.5 s here (two start-ups); minutes before


def test_a_target_path_is_hugos_glob_over_the_pages_path(tmp_path, cli):
    # Hugo's own example: '{/docs,/docs/**}' takes in the section and all below it; a space in a folder's or a
    # page's name is a hyphen in the page's path; a glob without its leading slash matches no page.
    _write(
        tmp_path,
        "hugo.toml",
        'baseURL = "https://v.example/"\n'
        '[[cascade]]\npolicy = "propublica"\n[cascade._target]\npath = "{/docs,/docs/**}"\n'
        '[[cascade]]\npolicy = "grist"\n[cascade._target]\npath = "/field-notes/**"\n'
        '[[cascade]]\npolicy = "mongabay"\n[cascade._target]\npath = "other/**"\n',
    )
    _write(tmp_path, "content/docs/a.md", "---\ntitle: A\n---\n" + STORY)
    _write(tmp_path, "content/docs/deep/b.md", "---\ntitle: B\n---\n" + STORY)
    _write(tmp_path, "content/Field Notes/c d.md", "---\ntitle: C\n---\n" + STORY)
    _write(tmp_path, "content/other/e.md", "---\ntitle: E\n---\n" + STORY)
    run = cli("check", "--no-config", "content", "--format", "json", cwd=tmp_path)
    results = _results(run)
    assert results["content/docs/a.md"].get("policy") == "propublica", run.out
    assert results["content/docs/deep/b.md"].get("policy") == "propublica"
    assert results["content/Field Notes/c d.md"].get("policy") == "grist"
    assert results["content/other/e.md"]["status"] == "skipped"


def test_a_leaf_bundles_resources_get_no_cascade(tmp_path, cli):
    _write(tmp_path, "hugo.toml", 'baseURL = "https://v.example/"\n')
    _write(tmp_path, "content/news/_index.md", "---\ntitle: News\ncascade:\n  policy: propublica\n---\n")
    _write(tmp_path, "content/news/story/index.md", "---\ntitle: Story\n---\n" + STORY)
    _write(tmp_path, "content/news/story/index.fr.md", "---\ntitle: Histoire\n---\n" + STORY)
    _write(tmp_path, "content/news/story/sidebar.md", "---\ntitle: Sidebar\n---\n" + STORY)
    _write(tmp_path, "content/news/story/notes/more.md", "---\ntitle: More\n---\n" + STORY)
    _write(tmp_path, "content/news/plain.md", "---\ntitle: Plain\n---\n" + STORY)
    run = cli("check", "--no-config", "content", "--format", "json", cwd=tmp_path)
    results = _results(run)
    assert results["content/news/story/index.md"].get("policy") == "propublica", run.out
    assert results["content/news/story/index.fr.md"].get("policy") == "propublica"  # the bundle's translation
    assert results["content/news/plain.md"].get("policy") == "propublica"
    assert results["content/news/story/sidebar.md"]["status"] == "skipped"  # a resource, no page
    assert results["content/news/story/notes/more.md"]["status"] == "skipped"


def test_jekyll_defaults_reach_the_documents_jekyll_renders_only(tmp_path, cli):
    _write(
        tmp_path,
        "_config.yml",
        "collections:\n  reports:\n    output: true\n"
        "defaults:\n  - scope:\n      path: ''\n    values:\n      policy: propublica\n"
        "  - scope:\n      path: ''\n      type: reports\n    values:\n      policy: grist\n",
    )
    _write(tmp_path, "_layouts/default.html", "<html><body>{{ content }}" + STORY + "</body></html>\n")
    _write(tmp_path, "_includes/credit.html", "<p>" + STORY + "</p>\n")
    _write(tmp_path, "_drafts_old/notes.md", "---\ntitle: Notes\n---\n" + STORY)  # an undeclared _folder
    _write(tmp_path, "_reports/one.md", "---\ntitle: One\n---\n" + STORY)  # a declared collection
    _write(tmp_path, "news/_posts/2026-12-01-x.md", "---\ntitle: X\n---\n" + STORY)  # a category's posts
    _write(tmp_path, "about.md", "---\ntitle: About\n---\n" + STORY)
    run = cli("check", "--no-config", ".", "--format", "json", cwd=tmp_path)
    results = _results(run)
    assert results["_reports/one.md"].get("policy") == "grist", run.out
    assert results["news/_posts/2026-12-01-x.md"].get("policy") == "propublica"
    assert results["about.md"].get("policy") == "propublica"
    for unrendered in ("_layouts/default.html", "_includes/credit.html", "_drafts_old/notes.md"):
        assert results[unrendered]["status"] == "skipped", (unrendered, results[unrendered])


def test_jekyll_scopes_old_type_names_and_plain_path_prefixes(tmp_path, cli):
    # Jekyll 4 reads 'post' as 'posts' (and 'page' as 'pages'), and a scope's path as a plain prefix of the
    # file's path: '_posts/pp' takes in '_posts/ppx/', 'about' takes in 'about-us.md'.
    _write(
        tmp_path,
        "_config.yml",
        "defaults:\n  - scope:\n      type: post\n    values:\n      policy: propublica\n"
        "  - scope:\n      path: _posts/pp\n    values:\n      policy: grist\n"
        "  - scope:\n      path: about\n      type: page\n    values:\n      policy: mongabay\n",
    )
    _write(tmp_path, "_posts/2026-12-01-x.md", "---\ntitle: X\n---\n" + STORY)
    _write(tmp_path, "_posts/ppx/2026-12-02-y.md", "---\ntitle: Y\n---\n" + STORY)
    _write(tmp_path, "about-us.md", "---\ntitle: About\n---\n" + STORY)
    _write(tmp_path, "contact.md", "---\ntitle: Contact\n---\n" + STORY)
    run = cli("check", "--no-config", ".", "--format", "json", cwd=tmp_path)
    results = _results(run)
    assert results["_posts/2026-12-01-x.md"].get("policy") == "propublica", run.out
    assert results["_posts/ppx/2026-12-02-y.md"].get("policy") == "grist"
    assert results["about-us.md"].get("policy") == "mongabay"
    assert results["contact.md"]["status"] == "skipped"


def test_a_symlinked_site_config_in_the_site_is_read_and_one_out_of_it_refused_once(tmp_path, cli):
    site = tmp_path / "site"  # no git repository: the site's folder bounds where its config may lead
    _write(site, "settings/hugo.yaml", "baseURL: https://v.example/\ncascade:\n  policy: propublica\n")
    (site / "hugo.yaml").symlink_to("settings/hugo.yaml")
    for name in ("a", "b", "c"):
        _write(site, f"content/news/{name}.md", "---\ntitle: A\n---\n" + STORY)
    run = cli("check", "--no-config", "news", "--format", "json", cwd=site / "content")  # started in content/
    assert {result["policy"] for result in run.json()["results"]} == {"propublica"}, run.out + run.err
    jekyll = tmp_path / "jekyll"
    _write(jekyll, "conf/site.yml", "defaults:\n  - values:\n      policy: grist\n")
    (jekyll / "_config.yml").symlink_to("conf/site.yml")
    _write(jekyll, "_posts/2026-12-01-x.md", "---\ntitle: X\n---\n" + STORY)
    run = cli("check", "--no-config", "2026-12-01-x.md", "--format", "json", cwd=jekyll / "_posts")
    assert run.json()["results"][0]["policy"] == "grist", run.out + run.err
    # One leading out of the site (and of the working folder) is refused, told once for the pages it reaches.
    secret = tmp_path / "elsewhere" / "hugo.yaml"
    _write(secret.parent, "hugo.yaml", "baseURL: https://v.example/\ncascade:\n  policy: [hunter2\n")
    (site / "hugo.yaml").unlink()
    (site / "hugo.yaml").symlink_to(secret)
    run = cli("check", "--no-config", "news", cwd=site / "content")
    assert run.code == 2, run.out + run.err
    told = [line for line in run.out.splitlines() if "(could not be checked)" in line]
    assert told == [f"../hugo.yaml: a symbolic link out of the repository ({secret}): not read (could not be checked)"]
    assert "3 could not be checked" in run.out and "hunter2" not in run.out + run.err


def test_an_oversized_section_page_is_told_once_in_every_output(tmp_path, cli):
    _write(tmp_path, "hugo.toml", 'baseURL = "https://v.example/"\n')
    _write(tmp_path, "content/news/_index.md", "---\ncascade:\n  policy: propublica\n---\n" + "x" * (6 << 20))
    for name in ("a", "b", "c"):
        _write(tmp_path, f"content/news/{name}.md", "---\ntitle: A\n---\n" + STORY)
    run = cli("check", "--no-config", "content", cwd=tmp_path)
    assert run.code == 2
    told = [line for line in run.out.splitlines() if "(could not be checked)" in line]
    assert told == ["content/news/_index.md: file is larger than the 5 MiB limit (could not be checked)"], run.out
    run = cli("check", "--no-config", "content", "--format", "sarif", cwd=tmp_path)
    errors = [r for r in run.json()["runs"][0]["results"] if r["ruleId"] == "reprint-guard/input-error"]
    assert len(errors) == 1, errors
    assert errors[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "content/news/_index.md"
    run = cli("check", "--no-config", "content", "--format", "github", cwd=tmp_path)
    assert run.out.count("::error ") == 1, run.out
    run = cli("check", "--no-config", "content", "--format", "json", cwd=tmp_path)
    results = _results(run)  # each page's own record names the file the error is in
    assert results["content/news/a.md"]["error_file"] == "content/news/_index.md"


def test_defaults_or_a_cascade_of_the_wrong_type_is_one_line_at_its_place(tmp_path, cli):
    # Jekyll's valid_sets: 'defaults' that is no list gives no set, a set that is no mapping or whose values
    # is none is warned of and left out (the others read); warned once, at its line and column. A scope that is
    # no mapping stops Jekyll: as a site config that does not read (exit 2). init passes over them.
    jekyll = tmp_path / "jekyll"
    _write(jekyll, "_config.yml", "title: Sister\ndefaults: 5\n")
    _write(jekyll, "_posts/2026-12-01-x.md", "---\ntitle: X\n---\n" + STORY)
    _write(jekyll, "_posts/2026-12-02-y.md", "---\ntitle: Y\n---\n" + STORY)
    run = cli("check", "--no-config", "_posts", cwd=jekyll)
    assert run.code == 0, run.out + run.err
    assert run.err.count("warning:") == 1 and "_config.yml:2:11: 'defaults' is a number" in run.err, run.err
    sets = "defaults:\n  - 5\n  - scope: {path: ''}\n    values: 5\n  - values: {policy: propublica}\n"
    _write(jekyll, "_config.yml", sets)
    run = cli("check", "--no-config", "_posts", "--format", "json", cwd=jekyll)
    assert run.code == 1 and {r["policy"] for r in run.json()["results"]} == {"propublica"}, run.out
    warned = [line for line in run.err.splitlines() if "warning:" in line]
    assert len(warned) == 2 and "_config.yml:2:5: a front matter default set is a number" in warned[0], run.err
    assert "_config.yml:4:13: a front matter default set's 'values' is a number" in warned[1], run.err
    assert "Traceback" not in run.err and "internal error" not in run.out
    _write(jekyll, "_config.yml", "defaults:\n  - scope: _posts\n    values:\n      policy: grist\n")
    run = cli("check", "--no-config", "_posts", cwd=jekyll)
    assert run.out.startswith("_config.yml:2:12: a front matter default set's 'scope' must be a mapping, not text")
    _write(jekyll, "_config.yml", "defaults: 5\n")
    assert cli("init", "--stdout", cwd=jekyll).code == 0
    hugo = tmp_path / "hugo"
    _write(hugo, "hugo.toml", 'baseURL = "https://v.example/"\n')
    _write(hugo, "content/news/_index.md", "---\ntitle: News\ncascade:\n  - policy: grist\n  - 7\n---\n")
    _write(hugo, "content/news/a.md", "---\ntitle: A\n---\n" + STORY)
    run = cli("check", "--no-config", "content/news/a.md", cwd=hugo)
    assert run.code == 2
    assert run.out.startswith("content/news/_index.md:5:5: a cascade must be a mapping, not a number"), run.out
    _write(hugo, "hugo.toml", 'baseURL = "https://v.example/"\n[[cascade]]\npolicy = "grist"\n_target = "/x/**"\n')
    _write(hugo, "content/news/_index.md", "---\ntitle: News\n---\n")
    run = cli("check", "--no-config", "content/news/a.md", cwd=hugo)
    assert run.out.startswith("hugo.toml:2:1: a cascade's _target must be a mapping, not text"), run.out


def test_a_site_gives_the_reprints_own_facts_never_the_originals(tmp_path, cli):
    # A section-wide author, licence or original address is the site's own (a theme's byline, the site's
    # licence), never the original article's: not read, so the original's requirements stay unmet. The policy
    # and commercial (the reprint's own facts) are read.
    _write(
        tmp_path,
        "hugo.yaml",
        "baseURL: https://v.example/\nparams:\n  author: Valley Ledger Staff\n"
        "cascade:\n  author: Valley Ledger Staff\n  license: CC BY-NC-ND 3.0 US\n",
    )
    _write(
        tmp_path,
        "content/news/_index.md",
        "---\ntitle: News\ncascade:\n  policy: propublica\n  commercial: false\n"
        "  original_url: https://www.propublica.org/article/river-crossing\n  original_published: 2026-11-02\n"
        "  title: River crossing\n  copyright_holder: ProPublica\n---\n",
    )
    _write(tmp_path, "content/news/a.md", "---\ntitle: A\n---\n" + STORY)
    run = cli("check", "--no-config", "content/news/a.md", "--format", "json", cwd=tmp_path)
    (result,) = run.json()["results"]
    assert result["policy"] == "propublica", run.out
    rules = {f["rule"]: f["message"] for f in result["findings"]}
    assert "'author' is not set" in rules["propublica/credit-author"]
    assert "'original_url' is missing" in rules["propublica/link-original"]
    _write(
        tmp_path / "jekyll",
        "_config.yml",
        "author: Sister Site Staff\ndefaults:\n  - values:\n      policy: propublica\n      author: Sister Site Staff\n"
        "      license: CC BY-NC-ND 3.0 US\n      original_url: https://www.propublica.org/article/river-crossing\n",
    )
    _write(tmp_path / "jekyll", "_posts/2026-12-01-x.md", "---\ntitle: X\n---\n" + STORY)
    run = cli("check", "--no-config", "_posts", "--format", "json", cwd=tmp_path / "jekyll")
    (result,) = run.json()["results"]
    rules = {f["rule"]: f["message"] for f in result["findings"]}
    assert result["policy"] == "propublica", run.out
    assert "'author' is not set" in rules["propublica/credit-author"]
    assert "'original_url' is missing" in rules["propublica/link-original"]


def test_an_impossible_date_in_a_site_config_is_told_at_its_place(tmp_path, cli):
    _write(tmp_path, "hugo.yaml", "baseURL: https://v.example/\ncascade:\n  policy: grist\n  expiryDate: 2026-02-30\n")
    _write(tmp_path, "content/news/a.md", "---\ntitle: A\n---\n" + STORY)
    run = cli("check", "--no-config", "content", cwd=tmp_path)
    assert run.code == 2, run.out + run.err
    assert run.out.startswith(
        "hugo.yaml:4:15: site configuration does not read: 'cascade.expiryDate': '2026-02-30' is not a calendar "
        "date: February 2026 has 28 days"
    ), run.out
    jekyll = tmp_path / "jekyll"
    _write(jekyll, "_config.yml", "defaults:\n  - values:\n      policy: grist\n      date: 2026-13-01\n")
    _write(jekyll, "_posts/2026-12-01-x.md", "---\ntitle: X\n---\n" + STORY)
    run = cli("check", "--no-config", "_posts", cwd=jekyll)
    assert run.out.startswith("_config.yml:4:13: site configuration does not read: 'defaults.0.values.date': "), run.out


def test_a_keys_letter_case_in_a_cascade_is_hugos_and_in_jekyll_defaults_jekylls(tmp_path, cli):
    # Hugo reads front matter keys blind to case: 'Policy' and 'Commercial' in a cascade are policy and
    # commercial, and 'License' (the site's, not read) is no typo of the page's. Jekyll reads them as written:
    # 'Policy' in a default set is another key, not read, and not told as the page's typo either.
    _write(tmp_path, "hugo.toml", 'baseURL = "https://v.example/"\n')
    _write(
        tmp_path,
        "content/news/_index.md",
        "---\ntitle: News\ncascade:\n  Policy: propublica\n  Commercial: true\n  News_Outlet: false\n"
        "  License: CC BY-NC-ND 3.0 US\n---\n",
    )
    _write(tmp_path, "content/news/a.md", "---\ntitle: A\n---\n" + STORY)
    run = cli("check", "--no-config", "content/news/a.md", "--format", "json", cwd=tmp_path)
    (result,) = run.json()["results"]
    assert result["policy"] == "propublica", run.out
    rules = [f["rule"] for f in result["findings"]]
    assert "propublica/noncommercial" in rules and "reprint-guard/misspelt-key" not in rules, rules
    jekyll = tmp_path / "jekyll"
    _write(jekyll, "_config.yml", "defaults:\n  - values:\n      Policy: propublica\n      License: CC BY 4.0\n")
    _write(jekyll, "_posts/2026-12-01-x.md", "---\ntitle: X\n---\n" + STORY)
    run = cli("check", "--no-config", "_posts", "--format", "json", cwd=jekyll)
    (result,) = run.json()["results"]
    assert result["status"] == "skipped" and not result.get("findings"), run.out


def test_sarif_names_the_page_a_finding_at_the_sites_file_is_about(tmp_path, cli):
    _hugo_site(tmp_path)
    _write(tmp_path, "content/news/b2.md", "---\ntitle: B2\n---\n" + STORY)
    run = cli("check", "--no-config", "content/news", "--format", "sarif", cwd=tmp_path)
    results = [r for r in run.json()["runs"][0]["results"] if r["ruleId"] == "propublica/noncommercial"]
    assert len(results) == 2, results  # b.md and b2.md: one each, each naming its page
    pages = set()
    for result in results:
        (where,) = result["locations"]
        assert where["physicalLocation"]["artifactLocation"]["uri"] == "hugo.yaml"
        (related,) = result["relatedLocations"]
        page = related["physicalLocation"]["artifactLocation"]["uri"]
        assert f"(in {page}, with the value hugo.yaml sets)" in result["message"]["text"]
        pages.add(page)
    assert pages == {"content/news/b.md", "content/news/b2.md"}


def test_init_names_what_a_cascade_gives_and_what_check_leaves_to_each_page(tmp_path, cli):
    _write(tmp_path, "hugo.toml", 'baseURL = "https://valleyledger.example/"\n')
    _write(
        tmp_path,
        "content/grist/_index.md",
        "---\ntitle: From Grist\ncascade:\n  policy: grist\n  commercial: false\n  author: Valley Ledger Staff\n---\n",
    )
    _write(tmp_path, "content/grist/a.md", "---\ntitle: A\n---\n" + STORY)
    assert cli("init", str(tmp_path)).code == 0
    text = (tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8")
    assert (
        "#   Hugo's cascade in content/grist/_index: policy: grist, commercial: false, not read (the original's, "
        "each page names it): author"
    ) in text


def test_the_action_annotates_a_section_pages_error_once(tmp_path):
    import os
    import subprocess
    import sys

    from test_action import make_pull_request

    section = "---\ntitle: News\ncascade:\n  policy: [grist\n---\n"
    page = "---\ntitle: A\n---\n" + STORY
    repo, env = make_pull_request(
        tmp_path,
        {"content/news/_index.md": section, **{f"content/news/{n}.md": page + n for n in "abc"}},
        {"hugo.toml": 'baseURL = "https://v.example/"\n'},
    )
    full = {k: v for k, v in os.environ.items() if not k.startswith(("INPUT_", "GITHUB_", "RUNNER_"))}
    proc = subprocess.run(
        [sys.executable, "-m", "reprint_guard.action"], cwd=repo, env={**full, **env}, capture_output=True, text=True
    )
    assert proc.returncode == 2, proc.stdout + proc.stderr
    said = [line for line in proc.stdout.splitlines() if line.startswith("::error ")]
    assert len(said) == 1 and "file=content/news/_index.md,line=4" in said[0], proc.stdout


def test_a_hugo_pages_own_key_in_another_letter_case_wins_over_the_cascade(tmp_path, cli):
    # Hugo lower-cases a page's front matter keys too: 'Commercial: false' on the page is .Params.commercial,
    # and beats the section's cascade as 'commercial: false' does (a site's own name for it too).
    _write(tmp_path, "hugo.toml", 'baseURL = "https://v.example/"\n')
    cascade = "---\ncascade:\n  policy: propublica\n  commercial: true\n  news_outlet: false\n---\n"
    _write(tmp_path, "content/news/_index.md", cascade)
    _write(tmp_path, "content/news/plain.md", "---\ntitle: P\n---\n" + STORY)
    _write(tmp_path, "content/news/upper.md", "---\ntitle: U\nCommercial: false\n---\n" + STORY)
    _write(tmp_path, "content/news/grist.md", "---\ntitle: G\nPolicy: grist\n---\n" + STORY)
    _write(tmp_path, "content/news/theirs.md", "---\ntitle: T\nIS_AD: false\n---\n" + STORY)
    _write(tmp_path, ".reprint-guard.yaml", "front-matter:\n  is_ad: commercial\n")
    run = cli("check", "content/news", "--format", "json", cwd=tmp_path)
    results = _results(run)
    assert results["content/news/plain.md"]["policy"] == "propublica", run.out
    assert "propublica/noncommercial" in [f["rule"] for f in results["content/news/plain.md"]["findings"]]
    assert results["content/news/grist.md"]["policy"] == "grist", run.out
    rules = [f["rule"] for f in results["content/news/upper.md"].get("findings", [])]
    assert "propublica/noncommercial" not in rules and "reprint-guard/misspelt-key" not in rules, rules
    theirs = [f["rule"] for f in results["content/news/theirs.md"].get("findings", [])]
    assert "propublica/noncommercial" not in theirs and "reprint-guard/misspelt-key" not in theirs, theirs


def test_a_baseline_commit_reads_a_pages_copy_with_the_commits_site_file(tmp_path, cli):
    # The commit's copy of a page whose _index.md (or hugo.toml, or Jekyll's _config.yml) changed is checked
    # with the commit's copy of it: what the change brings is new, what the page had there is held.
    from conftest import git

    _write(tmp_path, "hugo.toml", 'baseURL = "https://v.example/"\n')
    _write(tmp_path, "content/news/_index.md", "---\ncascade:\n  policy: propublica\n  news_outlet: false\n---\n")
    _write(tmp_path, "content/news/a.md", "---\ntitle: A\n---\n" + STORY)
    _write(tmp_path, "content/other/b.md", "---\ntitle: B\npolicy: propublica\n---\n" + STORY)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "base")
    args = ("check", "--no-config", "content", "--baseline-commit", "HEAD", "--format", "json")
    run = cli(*args, cwd=tmp_path)
    assert run.code == 0, run.out  # nothing changed: every finding is the commit's
    changed = "---\ncascade:\n  policy: propublica\n  news_outlet: false\n  commercial: true\n---\n"
    _write(tmp_path, "content/news/_index.md", changed)
    run = cli(*args, cwd=tmp_path)
    assert run.code == 0, run.out  # the one new finding is a warning
    results = _results(run)
    standing = [f["rule"] for f in results["content/news/a.md"]["findings"] if not f.get("suppressed")]
    assert standing == ["propublica/noncommercial"], run.out  # the page's five others are the commit's
    assert len(results["content/news/a.md"]["findings"]) == 6
    assert cli(*args, "--fail-on", "warning", cwd=tmp_path).code == 1
    other = results["content/other/b.md"]["findings"]
    assert other and all(f.get("suppressed") for f in other), other  # its own section's files did not change


def test_any_config_in_hugos_config_folder_marks_a_hugo_site(tmp_path, cli):
    # config/_default/config.toml (or .yaml, .json) with no baseURL is Hugo's: its cascade is read.
    texts = {
        "config.toml": '[cascade]\npolicy = "propublica"\n',
        "config.yaml": "cascade:\n  policy: propublica\n",
        "config.json": '{"cascade": {"policy": "propublica"}}\n',
    }
    for name, text in texts.items():
        site = tmp_path / name.replace(".", "-")
        _write(site, f"config/_default/{name}", text)
        _write(site, "content/news/a.md", "---\ntitle: A\n---\n" + STORY)
        run = cli("check", "--no-config", "content", "--format", "json", cwd=site)
        (result,) = run.json()["results"]
        assert result["status"] == "fail" and result["policy"] == "propublica", (name, run.out)


def test_a_content_dir_written_in_any_form_is_the_same_folder(tmp_path, cli):
    # Hugo cleans contentDir as a path: ./src/content, src//content and src/content/ are src/content.
    for number, written in enumerate(("./src/content", "src//content", "src/content/", "./src/./content")):
        site = tmp_path / f"site{number}"
        _write(site, "hugo.toml", f'baseURL = "https://v.example/"\ncontentDir = "{written}"\n')
        _write(site, "src/content/news/_index.md", "---\ncascade:\n  policy: propublica\n---\n")
        _write(site, "src/content/news/a.md", "---\ntitle: A\n---\n" + STORY)
        run = cli("check", "--no-config", "src/content/news/a.md", "--format", "json", cwd=site)
        (result,) = run.json()["results"]
        assert result["policy"] == "propublica", (written, run.out)
    site = tmp_path / "plain"
    _write(site, "hugo.toml", 'baseURL = "https://v.example/"\ncontentDir = "./content"\n')
    _write(site, "content/news/_index.md", "---\ncascade:\n  policy: propublica\n---\n")
    _write(site, "content/news/a.md", "---\ntitle: A\n---\n" + STORY)
    results = _results(cli("check", "--no-config", "content", "--format", "json", cwd=site))
    assert results["content/news/a.md"]["policy"] == "propublica", results


def test_jekyll_defaults_skip_a_file_without_front_matter(tmp_path, cli):
    # Jekyll copies a file with no front matter unchanged (a static file), applying no defaults; a Markdown
    # file without it is one too (GitHub Pages' optional-front-matter plugin is not assumed).
    _write(tmp_path, "_config.yml", "defaults:\n  - scope: {path: ''}\n    values: {policy: propublica}\n")
    _write(tmp_path, "archive/legacy.html", "<html><body><p>" + STORY + "</p></body></html>\n")
    _write(tmp_path, "archive/notes.md", STORY)
    _write(tmp_path, "archive/page.html", "---\ntitle: P\n---\n<p>" + STORY + "</p>\n")
    run = cli("check", "--no-config", "archive", "--format", "json", cwd=tmp_path)
    results = _results(run)
    assert results["archive/legacy.html"]["status"] == "skipped", run.out
    assert results["archive/notes.md"]["status"] == "skipped", run.out
    assert results["archive/page.html"]["policy"] == "propublica", run.out


def test_a_jekyll_scope_path_is_a_prefix_as_written(tmp_path, cli):
    # Jekyll 4's path_is_subpath? is a plain start_with? on the scope's path as written: 'about/' takes in
    # about/team.md, not about-us.md; 'about' takes in both.
    _write(
        tmp_path,
        "_config.yml",
        "defaults:\n  - scope: {path: 'about/'}\n    values: {policy: propublica}\n"
        "  - scope: {path: 'press'}\n    values: {policy: grist}\n",
    )
    for name in ("about/team.md", "about-us.md", "press/a.md", "press-kit.md"):
        _write(tmp_path, name, "---\ntitle: T\n---\n" + STORY)
    run = cli("check", "--no-config", ".", "--format", "json", cwd=tmp_path)
    policies = {path: result.get("policy") for path, result in _results(run).items()}
    assert policies["about/team.md"] == "propublica", policies
    assert policies["about-us.md"] is None, policies
    assert policies["press/a.md"] == "grist" and policies["press-kit.md"] == "grist", policies


def test_a_toml_cascade_blocks_sub_tables_keep_its_lines(tmp_path, cli):
    # [cascade._target] and [cascade.params] belong to the [[cascade]] block above them, not new blocks: a
    # value of the second block is told at its own line, in a config and in a TOML _index.md.
    config = (
        'baseURL = "https://v.example/"\n[[cascade]]\n[cascade._target]\npath = "/wire/**"\n[cascade.params]\n'
        'news_outlet = "sometimes"\n[[cascade]]\n[cascade._target]\npath = "/news/**"\n[cascade.params]\n'
        'news_outlet = "often"\n'
    )
    _write(tmp_path, "hugo.toml", config)
    _write(tmp_path, "content/news/a.md", "---\ntitle: A\npolicy: propublica\n---\n" + STORY)
    run = cli("check", "--no-config", "content/news/a.md", cwd=tmp_path)
    assert run.code == 2 and "hugo.toml:11:" in run.out + run.err, run.out + run.err
    _write(tmp_path, "hugo.toml", 'baseURL = "https://v.example/"\n')
    index = (
        '+++\ntitle = "Desk"\n[[cascade]]\n[cascade._target]\npath = "/desk/x/**"\n[cascade.params]\n'
        'commercial = "yes"\n[[cascade]]\n[cascade._target]\npath = "/desk/**"\n[cascade.params]\n'
        'news_outlet = "often"\n+++\n'
    )
    page = _write(tmp_path, "content/desk/_index.md", index)
    _write(tmp_path, "content/desk/b.md", "---\ntitle: B\npolicy: propublica\n---\n" + STORY)
    run = cli("check", "--no-config", "content/desk/b.md", cwd=tmp_path)
    line = _line_of(page, 'news_outlet = "often"')
    assert run.code == 2 and f"content/desk/_index.md:{line}:" in run.out + run.err, run.out + run.err


def test_many_pages_and_many_targeted_blocks_or_default_sets_cost_little_a_page(tmp_path, cli):
    # A page looks up the blocks whose _target path could take it in (indexed by the glob's literal prefix,
    # once a folder) and the default sets whose scope path its path starts with (indexed by the path): not
    # every block a page. 1,000 pages, 8,000 blocks, 4,000 sets took 5.6 s and 3.4 s of CPU; now under 1 s
    # each (with the start-up), so 2.5 s fails the pages x blocks cost and passes the indexed one.
    from conftest import cpu_seconds

    hugo = tmp_path / "hugo"
    blocks = "".join(f'[[cascade]]\nmedium = "web"\n[cascade._target]\npath = "/x{n}/**"\n' for n in range(8000))
    _write(hugo, "hugo.toml", 'baseURL = "https://v.example/"\n' + blocks)
    _write(hugo, "content/s3/_index.md", "---\ncascade:\n  - _target:\n      path: /s3/p1*\n    policy: grist\n---\n")
    jekyll = tmp_path / "jekyll"
    sets = "".join(
        f'  - scope: {{path: "_posts/x{n}", type: posts}}\n    values: {{medium: web}}\n' for n in range(4000)
    )
    _write(
        jekyll,
        "_config.yml",
        "defaults:\n" + sets + "  - scope: {path: _posts/2026-01-01-p7}\n    values: {policy: grist}\n",
    )
    for folder in range(50):
        for page in range(20):
            _write(hugo, f"content/s{folder}/p{page}.md", "---\ntitle: P\n---\nText.\n")
            _write(jekyll, f"_posts/2026-01-01-p{folder * 20 + page}.md", "---\ntitle: P\n---\nText.\n")
    start = cpu_seconds()
    run = cli("check", "--no-config", "--jobs", "1", "content", "--format", "json", cwd=hugo)
    hugo_seconds = cpu_seconds() - start
    policies = {path: result.get("policy") for path, result in _results(run).items()}
    assert policies["content/s3/p1.md"] == "grist" and policies["content/s3/p12.md"] == "grist", run.err
    assert policies["content/s3/p2.md"] is None and policies["content/s4/p1.md"] is None, run.err
    start = cpu_seconds()
    run = cli("check", "--no-config", "--jobs", "1", "_posts", "--format", "json", cwd=jekyll)
    jekyll_seconds = cpu_seconds() - start
    policies = {path: result.get("policy") for path, result in _results(run).items()}
    assert policies["_posts/2026-01-01-p7.md"] == "grist" and policies["_posts/2026-01-01-p70.md"] == "grist"
    assert policies["_posts/2026-01-01-p8.md"] is None
    assert hugo_seconds < 2.5 and jekyll_seconds < 2.5, (hugo_seconds, jekyll_seconds)


def test_a_slip_in_a_cascade_key_is_warned_of_once_at_its_line(tmp_path, cli):
    # 'polcy' in a section's cascade leaves its pages without a policy (skipped): warned once a run, at its
    # line in _index.md, as 'polcy' in a page is told there; a key reprint-guard reads is not.
    _write(tmp_path, "hugo.toml", 'baseURL = "https://v.example/"\n')
    index = _write(tmp_path, "content/news/_index.md", "---\ntitle: N\ncascade:\n  polcy: propublica\n---\n")
    for n in range(3):
        _write(tmp_path, f"content/news/a{n}.md", "---\ntitle: A\n---\n" + STORY)
    run = cli("check", "--no-config", "--jobs", "1", "content", cwd=tmp_path)
    line = _line_of(index, "polcy")
    warned = [said for said in run.err.splitlines() if "did you mean 'policy'" in said]
    assert len(warned) == 1 and f"content/news/_index.md:{line}: the cascade sets 'polcy'" in warned[0], run.err
    _write(tmp_path, "content/news/_index.md", "---\ntitle: N\ncascade:\n  policy: propublica\n---\n")
    assert "did you mean" not in cli("check", "--no-config", "content", cwd=tmp_path).err


def test_init_names_the_site_configs_own_cascade_and_suggests_no_commercial_it_gives(tmp_path, cli):
    # The config's cascade is read by check as a section's is: init names it, proposes no override for it,
    # and does not suggest '# commercial: true' when the cascade already gives commercial.
    _write(
        tmp_path,
        "hugo.toml",
        'baseURL = "https://v.example/"\n[[cascade]]\npolicy = "propublica"\n[cascade._target]\npath = "/wire/**"\n'
        "[[cascade]]\ncommercial = true\n",
    )
    _write(tmp_path, "content/wire/a.md", "---\ntitle: A\n---\n" + STORY)
    assert cli("init", str(tmp_path)).code == 0
    text = (tmp_path / ".reprint-guard.yaml").read_text(encoding="utf-8")
    assert "#   Hugo's cascade in hugo.toml (its _target's pages): policy: propublica" in text, text
    assert "#   Hugo's cascade in hugo.toml: commercial: true" in text, text
    assert "# commercial: true" not in text and "# commercial: given by Hugo's cascade in hugo.toml" in text, text
    assert "overrides: []" in text, text


def test_a_misspelt_key_beside_a_mapped_cascade_value_names_reprint_guards_key(tmp_path, cli):
    # The cascade writes 'commercial', the config maps the site's 'is_ad' onto it: the message does not say the
    # _index.md gives 'is_ad' (it does not), it names reprint-guard's key; the fix still names the page's.
    _write(tmp_path, "hugo.toml", 'baseURL = "https://v.example/"\n')
    _write(tmp_path, ".reprint-guard.yaml", "front-matter:\n  is_ad: commercial\n")
    _write(tmp_path, "content/w/_index.md", "---\ncascade:\n  policy: propublica\n  commercial: true\n---\n")
    _write(tmp_path, "content/w/e.md", "---\ntitle: T\ncommerical: false\n---\n" + STORY)
    run = cli("check", "content/w/e.md", "--format", "json", cwd=tmp_path)
    (result,) = run.json()["results"]
    (slip,) = [f for f in result["findings"] if f["rule"] == "reprint-guard/misspelt-key"]
    assert "content/w/_index.md gives reprint-guard's 'commercial' (true): did you mean 'is_ad'?" in slip["message"]


def test_a_site_config_not_in_utf8_or_nested_too_deeply_is_one_line_at_its_place(tmp_path, cli):
    (tmp_path / "hugo.toml").write_bytes(b'baseURL = "https://v.example/"\ntitle = "Caf\xe9"\n')
    _write(tmp_path, "content/w/a.md", "---\ntitle: A\n---\n" + STORY)
    run = cli("check", "--no-config", "content", cwd=tmp_path)
    assert run.code == 2 and run.out.startswith("hugo.toml:2:13: site configuration is not valid UTF-8"), run.out
    _write(tmp_path, "hugo.toml", 'baseURL = "https://v.example/"\nx = ' + "[" * 3000 + "]" * 3000 + "\n")
    run = cli("check", "--no-config", "content", cwd=tmp_path)
    assert run.code == 2 and run.out.startswith("hugo.toml:2:105: site configuration does not read: nested too")
    assert "Traceback" not in run.err


def test_github_annotations_at_a_section_page_name_the_page_each_is_about(tmp_path, cli):
    _hugo_site(tmp_path)
    _write(tmp_path, "content/news/b2.md", "---\ntitle: B2\n---\n" + STORY)
    run = cli("check", "--no-config", "content/news", "--format", "github", cwd=tmp_path)
    told = [line for line in run.out.splitlines() if "title=propublica/noncommercial" in line]
    assert len(told) == 2 and all("file=hugo.yaml" in line for line in told), run.out
    assert any("(in content/news/b.md, with the value hugo.yaml sets)" in line for line in told), told
    assert any("(in content/news/b2.md, with the value hugo.yaml sets)" in line for line in told), told


def _alias_bomb() -> str:
    """Ten lines of nested aliases that stand for a billion values once walked."""
    lines = ["a: &a {x1: 1, x2: 1, x3: 1, x4: 1, x5: 1, x6: 1, x7: 1, x8: 1, x9: 1}"]
    for before, name in zip("abcdefghi", "bcdefghij", strict=True):
        lines.append(f"{name}: &{name} {{" + ", ".join(f"k{n}: *{before}" for n in range(9)) + "}")
    return "\n".join(lines) + "\n"


def test_an_alias_in_what_a_site_file_gives_is_refused_at_its_place_in_no_time(tmp_path, cli):
    from conftest import cpu_seconds

    hugo, jekyll, section = tmp_path / "hugo", tmp_path / "jekyll", tmp_path / "section"
    _write(
        hugo,
        "hugo.yaml",
        "baseURL: https://v.example/\n" + _alias_bomb() + "cascade: {policy: propublica, medium: *j}\n",
    )
    _write(hugo, "content/news/b.md", "---\ntitle: B\n---\n" + STORY)
    _write(
        jekyll,
        "_config.yml",
        "url: https://v.example\n"
        + _alias_bomb()
        + "defaults: [{scope: {path: ''}, values: {policy: propublica, medium: *j}}]\n",
    )
    _write(jekyll, "b.md", "---\ntitle: B\n---\n" + STORY)
    _write(section, "hugo.yaml", "baseURL: https://v.example/\n")
    _write(
        section, "content/news/_index.md", "---\n" + _alias_bomb() + "cascade: {policy: propublica, medium: *j}\n---\n"
    )
    _write(section, "content/news/b.md", "---\ntitle: B\n---\n" + STORY)
    for site, told in (
        (hugo, "hugo.yaml:12:39: "),
        (jekyll, "_config.yml:12:69: "),
        (section, "content/news/_index.md:3:12: "),  # a page refuses any alias: the first
    ):
        start = cpu_seconds()
        run = cli("check", "--no-config", ".", cwd=site)
        assert cpu_seconds() - start < 20, site
        assert run.code == 2, run.out + run.err
        assert run.out.startswith(told + "YAML aliases (*name) are not allowed here (could not be checked)"), run.out
        assert "Traceback" not in run.err
    # An anchor in what the site does not give its pages (a menu) is the site's own business.
    _write(hugo, "hugo.yaml", "baseURL: https://v.example/\nmenu: {main: &m [{name: A}], footer: *m}\n")
    run = cli("check", "--no-config", ".", cwd=hugo)
    assert run.code != 2 and "alias" not in run.out, run.out


def test_a_target_or_scope_glob_that_is_not_text_is_one_line_at_its_place(tmp_path, cli):
    # Left out, such a glob made the block reach every page: the generator stops at it, and so does check.
    hugo = tmp_path / "hugo"
    _write(hugo, "content/news/a.md", "---\ntitle: A\n---\n" + STORY)
    for config, told in (
        (
            "baseURL: https://v.example/\ncascade:\n  - _target:\n      path: ['/wire/**']\n    policy: grist\n",
            "hugo.yaml:4:13: a cascade's _target path must be text (a glob), not a list",
        ),
        (
            "baseURL: https://v.example/\ncascade:\n  _target: {path: {a: 1}}\n  policy: grist\n",
            "hugo.yaml:3:19: a cascade's _target path must be text (a glob), not a mapping",
        ),
        (
            "baseURL: https://v.example/\ncascade:\n  target:\n    kind: 5\n  policy: grist\n",
            "hugo.yaml:4:11: a cascade's _target kind must be text (a glob), not a number",
        ),
    ):
        _write(hugo, "hugo.yaml", config)
        run = cli("check", "--no-config", "content", cwd=hugo)
        assert run.code == 2 and run.out.startswith(told + " (could not be checked)"), run.out
    (hugo / "hugo.yaml").unlink()
    _write(
        hugo,
        "hugo.toml",
        'baseURL = "https://v.example/"\n[[cascade]]\npolicy = "grist"\n[cascade._target]\npath = ["/wire/**"]\n',
    )
    run = cli("check", "--no-config", "content", cwd=hugo)
    assert run.code == 2 and run.out.startswith("hugo.toml:5:8: a cascade's _target path must be text"), run.out
    (hugo / "hugo.toml").unlink()
    _write(hugo, "hugo.yaml", "baseURL: https://v.example/\n")
    _write(hugo, "content/news/_index.md", "---\ncascade:\n  _target:\n    lang: [en]\n  policy: grist\n---\n")
    run = cli("check", "--no-config", "content/news/a.md", cwd=hugo)
    assert run.code == 2 and run.out.startswith("content/news/_index.md:4:11: a cascade's _target lang"), run.out
    jekyll = tmp_path / "jekyll"
    _write(jekyll, "_posts/2026-12-01-x.md", "---\ntitle: X\n---\n" + STORY)
    for scope, told in (
        ("{path: [_posts]}", "_config.yml:2:19: a front matter default set's scope path must be text, not a list"),
        ("{type: {a: 1}}", "_config.yml:2:19: a front matter default set's scope type must be text, not a mapping"),
    ):
        _write(jekyll, "_config.yml", f"defaults:\n  - scope: {scope}\n    values: {{policy: grist}}\n")
        run = cli("check", "--no-config", "_posts", cwd=jekyll)
        assert run.code == 2 and run.out.startswith(told + " (could not be checked)"), run.out
        assert "Traceback" not in run.err


def test_the_nearest_layer_wins_whatever_name_the_config_maps_it_by(tmp_path, cli):
    # Each layer's keys are named by reprint-guard's before the layers merge: a nearer _index.md's isAd (or
    # ISAD, Hugo's case folded) wins over the config's cascade's commercial, and the other way round.
    def noncommercial(site: Path, page: str) -> list[dict]:
        run = cli("check", page, "--format", "json", cwd=site)
        (result,) = run.json()["results"]
        return [f for f in result["findings"] if f["rule"] == "propublica/noncommercial"]

    hugo = tmp_path / "hugo"
    _write(hugo, ".reprint-guard.yaml", "front-matter:\n  isAd: commercial\n")
    _write(hugo, "hugo.yaml", "baseURL: https://v.example/\ncascade:\n  commercial: false\n")
    _write(hugo, "content/news/b.md", "---\ntitle: B\n---\n" + STORY)
    for key in ("isAd", "ISAD"):
        _write(
            hugo,
            "content/news/_index.md",
            f"---\ncascade:\n  policy: propublica\n  news_outlet: false\n  {key}: true\n---\n",
        )
        (finding,) = noncommercial(hugo, "content/news/b.md")
        assert (finding["file"], finding["line"]) == ("content/news/_index.md", 5), finding
    _write(hugo, "hugo.yaml", "baseURL: https://v.example/\ncascade:\n  isAd: true\n")
    _write(
        hugo,
        "content/news/_index.md",
        "---\ncascade:\n  policy: propublica\n  news_outlet: false\n  commercial: false\n---\n",
    )
    assert noncommercial(hugo, "content/news/b.md") == []
    jekyll = tmp_path / "jekyll"
    _write(jekyll, ".reprint-guard.yaml", "front-matter:\n  isAd: commercial\n")
    _write(jekyll, "_posts/2026-12-01-x.md", "---\ntitle: X\n---\n" + STORY)
    _write(
        jekyll,
        "_config.yml",
        "defaults:\n  - scope: {path: _posts}\n    values: {isAd: true}\n"
        "  - scope: {path: ''}\n    values: {policy: propublica, news_outlet: false, commercial: false}\n",
    )
    (finding,) = noncommercial(jekyll, "_posts/2026-12-01-x.md")  # the longer scope path's set wins
    assert (finding["file"], finding["line"]) == ("_config.yml", 3), finding


def test_a_key_written_twice_in_a_cascade_or_default_set_is_refused_as_in_a_page(tmp_path, cli):
    hugo = tmp_path / "hugo"
    _write(hugo, "content/news/b.md", "---\ntitle: B\n---\n" + STORY)
    _write(hugo, "hugo.yaml", "baseURL: https://v.example/\ncascade:\n  commercial: true\n  commercial: false\n")
    run = cli("check", "--no-config", "content", cwd=hugo)
    assert run.code == 2, run.out + run.err
    assert run.out.startswith("hugo.yaml:4:3: duplicate key 'commercial' (set 1 line above too) (could not"), run.out
    _write(hugo, "hugo.yaml", "baseURL: https://v.example/\ncascade: {policy: grist}\ncascade: {policy: mongabay}\n")
    run = cli("check", "--no-config", "content", cwd=hugo)
    assert run.code == 2 and run.out.startswith("hugo.yaml:3:1: duplicate key 'cascade' (set 1 line above"), run.out
    _write(hugo, "hugo.yaml", "baseURL: https://v.example/\n")
    _write(
        hugo,
        "content/news/_index.md",
        "---\ntitle: News\ncascade:\n  - policy: grist\n    params:\n      medium: web\n      medium: print\n---\n",
    )
    run = cli("check", "--no-config", "content/news/b.md", cwd=hugo)
    assert run.code == 2, run.out + run.err
    assert run.out.startswith("content/news/_index.md:7:7: duplicate key 'medium' (set 1 line above too)"), run.out
    jekyll = tmp_path / "jekyll"
    _write(jekyll, "_posts/2026-12-01-x.md", "---\ntitle: X\n---\n" + STORY)
    _write(
        jekyll,
        "_config.yml",
        "defaults:\n  - scope: {path: ''}\n    values:\n      commercial: true\n      policy: grist\n"
        "      commercial: false\n",
    )
    run = cli("check", "--no-config", "_posts", cwd=jekyll)
    assert run.code == 2, run.out + run.err
    assert run.out.startswith("_config.yml:6:7: duplicate key 'commercial' (set 2 lines above too)"), run.out
    assert "Traceback" not in run.err


def test_a_baseline_commits_check_does_not_warn_again_of_what_the_run_warned_of(tmp_path, cli):
    # The commit's copy is checked as a part of the run: a slip in a cascade key, or a Jekyll default set left
    # out, is warned of once a run, not again for the commit's check.
    from conftest import git

    hugo, jekyll = tmp_path / "hugo", tmp_path / "jekyll"
    _write(hugo, "hugo.toml", 'baseURL = "https://v.example/"\n')
    _write(hugo, "content/news/_index.md", "---\ncascade:\n  policy: propublica\n  comercial: true\n---\n")
    _write(hugo, "content/news/a.md", "---\ntitle: A\n---\n" + STORY)
    _write(jekyll, "_config.yml", "defaults:\n  - 5\n  - scope: {path: ''}\n    values: {policy: propublica}\n")
    _write(jekyll, "_posts/2026-12-01-x.md", "---\ntitle: X\n---\n" + STORY)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "base")
    _write(hugo, "content/news/a.md", "---\ntitle: A\n---\n" + STORY + "\nMore.\n")
    _write(jekyll, "_posts/2026-12-01-x.md", "---\ntitle: X\n---\n" + STORY + "\nMore.\n")
    for site, told in ((hugo, "the cascade sets 'comercial'"), (jekyll, "a front matter default set is a number")):
        run = cli("check", "--no-config", ".", "--baseline-commit", "HEAD", cwd=site)
        assert run.code == 0, run.out + run.err
        assert run.err.count("warning:") == 1 and told in run.err, run.err


def test_a_value_on_the_line_below_its_key_is_told_at_its_own_line_and_column(tmp_path, cli):
    _hugo_site(tmp_path)
    for front, told in (
        ("cascade:\n  news_outlet:\n      sometimes\n", "content/news/_index.md:5:7: metadata 'news_outlet': "),
        ("cascade:\n  params:\n    news_outlet:\n      sometimes\n", "content/news/_index.md:6:7: metadata 'news"),
    ):
        _write(tmp_path, "content/news/_index.md", "---\ntitle: News\n" + front + "---\n")
        run = cli("check", "--no-config", "content/news/b.md", cwd=tmp_path)
        assert run.code == 2 and run.out.startswith(told), run.out
    _write(tmp_path, "content/news/_index.md", "---\ntitle: News\ncascade:\n  policy: propublica\n  medium:\n---\n")
    run = cli("check", "--no-config", "content/news/b.md", cwd=tmp_path)
    assert "Traceback" not in run.err


def test_a_dotted_toml_cascade_key_and_a_line_separator_in_yaml_keep_their_lines(tmp_path, cli):
    hugo = tmp_path / "hugo"
    _write(hugo, "content/news/a.md", "---\ntitle: A\n---\n" + STORY)
    _write(hugo, "hugo.toml", 'baseURL = "https://v.example/"\ntitle = "V"\ncascade.news_outlet = "sometimes"\n')
    run = cli("check", "--no-config", "content", cwd=hugo)
    assert run.code == 2 and run.out.startswith("hugo.toml:3:23: metadata 'news_outlet': "), run.out
    (hugo / "hugo.toml").unlink()
    # U+2028 in a quoted title: a line separator to libyaml, a character to the page reader (and to the locator)
    _write(hugo, "hugo.yaml", 'baseURL: https://v.example/\ntitle: "V\u2028W"\ncascade:\n  news_outlet: sometimes\n')
    run = cli("check", "--no-config", "content", cwd=hugo)
    assert run.code == 2 and run.out.startswith("hugo.yaml:4:16: metadata 'news_outlet': "), run.out
    _write(hugo, "hugo.yaml", "baseURL: https://v.example/\n")
    index = '---\ntitle: "News\u2028Desk"\ncascade:\n  news_outlet: sometimes\n---\n'
    _write(hugo, "content/news/_index.md", index)
    run = cli("check", "--no-config", "content/news/a.md", cwd=hugo)
    assert run.code == 2 and run.out.startswith("content/news/_index.md:4:16: metadata 'news_outlet': "), run.out
