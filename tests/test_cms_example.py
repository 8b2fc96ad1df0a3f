"""The CMS example: a real HTTP server on 127.0.0.1, real requests, publication blocked by the findings."""

from __future__ import annotations

import importlib.util
import threading

import pytest
import requests

from conftest import COMPLIANT_BODY, COMPLIANT_META, ROOT

pytest.importorskip("flask")
from werkzeug.serving import make_server


def _cms_module():
    spec = importlib.util.spec_from_file_location("cms_app", ROOT / "examples" / "cms" / "app.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def cms():
    """The example's module, to serve as it is or with a hook of the test's."""
    return _cms_module()


@pytest.fixture
def server(cms):
    httpd = make_server("127.0.0.1", 0, cms.create_app(), threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    thread.join(timeout=10)


def post_article(base: str, body: str, metadata: dict) -> int:
    meta = {k: v for k, v in metadata.items() if k != "title"}
    response = requests.post(
        f"{base}/articles", json={"title": "The harbour", "body": body, "metadata": meta}, timeout=30
    )
    assert response.status_code == 201
    return response.json()["id"]


def test_publication_is_blocked_with_findings(server):
    # The site is commercial by default: without a permission record, Global Research's terms block it.
    article = post_article(server, COMPLIANT_BODY, {k: v for k, v in COMPLIANT_META.items() if k != "commercial"})
    response = requests.post(f"{server}/articles/{article}/publish", timeout=30)
    assert response.status_code == 422
    data = response.json()
    assert data["published"] is False and data["policy"] == "global-research"
    assert [f["rule"] for f in data["findings"]] == ["global-research/commercial-permission"]
    assert data["findings"][0]["fix"].startswith("Ask publications@globalresearch.ca")


def test_publication_goes_ahead_with_permission(server):
    permission = {"from": "publications@globalresearch.ca", "date": "2024-05-02", "scope": ["commercial"]}
    meta = {**COMPLIANT_META, "commercial": True, "permissions": [permission]}
    article = post_article(server, COMPLIANT_BODY, meta)
    response = requests.post(f"{server}/articles/{article}/publish", timeout=30)
    assert response.status_code == 200, response.text
    assert response.json() == {"published": True, "policy": "global-research", "warnings": []}


@pytest.mark.parametrize(
    ("metadata", "rule"),
    [
        ({"original_url": "https://unknown.example/a"}, "reprint-guard/unknown-publisher"),
        ({"originalUrl": "https://www.globalresearch.ca/x/5799123"}, "reprint-guard/misspelt-key"),
        ({}, "reprint-guard/credited-original"),  # the body credits Global Research; the metadata names nothing
    ],
)
def test_a_reprint_that_could_not_be_checked_is_not_published(server, metadata, rule):
    """No policy for its site, or a misspelt key: the check passed with a warning, but nothing was checked."""
    article = post_article(server, COMPLIANT_BODY, metadata)
    response = requests.post(f"{server}/articles/{article}/publish", timeout=30)
    assert response.status_code == 422, response.text
    assert response.json()["published"] is False and [f["rule"] for f in response.json()["findings"]] == [rule]


def test_bad_metadata_is_a_clear_400(server):
    article = post_article(server, COMPLIANT_BODY, {**COMPLIANT_META, "medium": "carrier pigeon"})
    response = requests.post(f"{server}/articles/{article}/publish", timeout=30)
    assert response.status_code == 400
    assert response.json()["error"].startswith("metadata 'medium'") and response.json()["field"] == "medium"


def test_metadata_naming_no_policy_is_the_editors_400(server):
    article = post_article(server, COMPLIANT_BODY, {**COMPLIANT_META, "policy": "global-reserch"})
    response = requests.post(f"{server}/articles/{article}/publish", timeout=30)
    assert response.status_code == 400 and response.json()["field"] == "policy", response.text
    assert response.json()["error"].startswith("unknown policy 'global-reserch'")


def test_a_broken_policy_on_the_server_is_a_500_not_the_editors_400(cms, tmp_path):
    """A policy folder of the outlet's own with a broken file: no editor can mend that by changing the form."""
    (tmp_path / "house.yaml").write_text("id: house\nrules: [\n", encoding="utf-8")
    checked = cms.pre_publish_check

    def with_house_policies(article):
        import reprint_guard

        real = reprint_guard.check
        try:
            reprint_guard.check = lambda *a, **k: real(*a, **k, rules_dirs=[tmp_path])
            return checked(article)
        finally:
            reprint_guard.check = real

    cms.pre_publish_check = with_house_policies
    httpd = make_server("127.0.0.1", 0, cms.create_app(), threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{httpd.server_port}"
        article = post_article(base, COMPLIANT_BODY, COMPLIANT_META)
        response = requests.post(f"{base}/articles/{article}/publish", timeout=30)
    finally:
        httpd.shutdown()
        thread.join(timeout=10)
    assert response.status_code == 500, response.text
    assert response.json() == {"published": False, "error": "the reprint check is misconfigured on the server"}


@pytest.mark.parametrize("metadata", [None, ["a"], "author: x"])
def test_metadata_that_is_not_an_object_is_a_400_not_a_500(server, metadata):
    response = requests.post(
        f"{server}/articles", json={"title": "x", "body": COMPLIANT_BODY, "metadata": metadata}, timeout=30
    )
    assert response.status_code == 400 and "metadata must be an object" in response.json()["error"]


def test_the_outlets_own_story_is_published(server):
    article = post_article(server, "# The harbour\n\nOur own reporting on the harbour.\n", {})
    response = requests.post(f"{server}/articles/{article}/publish", timeout=30)
    assert response.status_code == 200 and response.json()["published"] is True, response.text


def test_a_config_given_as_a_mapping_applies_as_a_files_does(tmp_path, monkeypatch):
    """A CMS keeps its settings in code: ``check(config={...})`` was a UsageError ("config must be a path"), so a
    camelCase export's key mapping needed a temporary file; without it, the reprint passed unchecked."""
    import reprint_guard

    meta = {"originalUrl": "https://www.propublica.org/article/water", "title": "Water"}
    unmapped = reprint_guard.check("Water bills rose.\n", meta)
    assert unmapped.policy is None and [f.rule for f in unmapped.findings] == ["reprint-guard/misspelt-key"]
    mapped = reprint_guard.check("Water bills rose.\n", meta, config={"front-matter": {"originalUrl": "original_url"}})
    assert mapped.policy == "propublica" and "propublica/credit-line" in [f.rule for f in mapped.findings]
    # check_file reads the mapping's paths from the working folder too, not from the file's folder.
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "p.yaml").write_text(
        "id: p\nname: P\npublisher: P\nsource_url: https://p.example/t\napplies_to: [p.example]\nrules:\n"
        "  - {id: credit, check: attribution, names: [P News], message: Credit P News}\n",
        encoding="utf-8",
    )
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "a.md").write_text("---\noriginal_url: https://p.example/a\n---\nText.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    found = reprint_guard.check_file("posts/a.md", config={"policies": ["rules/"]})
    assert [f.rule for f in found.findings] == ["p/credit"]
    with pytest.raises(reprint_guard.ConfigError, match=r"^<config>: fail-on: 'sometimes' is not one of"):
        reprint_guard.check("x", meta, config={"fail-on": "sometimes"})
    with pytest.raises(reprint_guard.UsageError, match="or a mapping of its keys, not"):
        reprint_guard.check("x", meta, config=["fail-on"])
    # Half a UTF-16 pair (a file cannot hold one; data can) raised UnicodeEncodeError from the path lookup.
    for config, key in (({"policies": ["a\ud800"]}, "policies.0"), ({"skip-elements": ["\udc00"]}, "skip-elements.0")):
        with pytest.raises(reprint_guard.ConfigError, match=rf"^<config>: {key}: holds a lone surrogate"):
            reprint_guard.check("x", meta, config=config)


@pytest.mark.parametrize(
    ("meta", "said", "field"),
    [
        (
            {"author": [{"name": "Lena Varga"}, {"id": 3}]},
            "metadata 'author.1': each item should be a name or {name: ...}, not an object with no name",
            "author.1",
        ),
        (
            {"author": ["Lena Varga", 3]},
            "metadata 'author.1': each item should be a name or {name: ...}, not a number",
            "author.1",
        ),
        (
            {"permissions": ["publications@globalresearch.ca"]},
            "metadata 'permissions.0': should be a permission record ({from: ..., date: ..., scope: [...]}), "
            "not a string",
            "permissions.0",
        ),
        ({5: "x"}, "metadata key 5: a key must be text, not a number (5)", None),
        (
            {"author": [{"name": " "}]},
            "metadata 'author.0': each item should be a name or {name: ...}, not an object whose name is empty",
            "author.0",
        ),
        (
            {"permissions": "email from the publisher"},
            "metadata 'permissions': should be a list of permission records ([{from: ..., date: ..., scope: [...]}]), "
            "not a string",
            "permissions",
        ),
    ],
)
def test_a_bad_metadata_value_from_a_cms_is_told_at_the_item_at_fault(meta, said, field):
    """A list of authors whose second item was an object without a name was told "should be ... not a list";
    a permission given as a string got pydantic's "valid dictionary or instance of Permission"; a dict's
    number key got YAML's advice to quote it."""
    import reprint_guard

    with pytest.raises(reprint_guard.InputError) as caught:
        reprint_guard.check("Text.", {"original_url": "https://www.globalresearch.ca/a/5800001", **meta})
    assert caught.value.message == said and caught.value.field == field


def test_the_errors_a_file_check_raises_are_the_packages_own(tmp_path):
    """check_file raised NotAReprintError and TooLargeError, which the package did not export: a hook could
    not tell them apart from the other input errors by name."""
    import reprint_guard

    assert {"NotAReprintError", "TooLargeError"} <= set(reprint_guard.__all__)
    (tmp_path / "package.json").write_text('{"name": "site"}', encoding="utf-8")
    with pytest.raises(reprint_guard.NotAReprintError):
        reprint_guard.check_file(tmp_path / "package.json")
    (tmp_path / "huge.md").write_bytes(b"x" * (5 * 1024 * 1024 + 1))
    with pytest.raises(reprint_guard.TooLargeError) as caught:
        reprint_guard.check_file(tmp_path / "huge.md")
    assert isinstance(caught.value, reprint_guard.InputError)


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("20250214T090000", "2025-02-14T09:00:00"),
        ("20250302T1000Z", "2025-03-02T10:00:00+00:00"),
        ("20250302T100000+0100", "2025-03-02T10:00:00+01:00"),
    ],
)
def test_a_date_time_in_iso_8601s_basic_form_is_read(written, read):
    """The README says ISO 8601's forms are read, and 20250214 was; 20250214T090000 was refused with pydantic's
    "invalid date separator, expected `-`"."""
    from reprint_guard.metadata import Metadata

    assert Metadata.model_validate({"published": written}).published.isoformat() == read
    import reprint_guard

    with pytest.raises(reprint_guard.InputError, match=r"'20250230T1000Z' is no date: write it as YYYY-MM-DD"):
        reprint_guard.check("Text.", {"original_url": "https://grist.org/a/", "published": "20250230T1000Z"})
