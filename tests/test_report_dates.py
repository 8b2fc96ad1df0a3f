"""The JSON report's results say which original and which publication dates the check read, for an auditor to
sort an archive's report by (they were in no output: only the files' own metadata had them, as written)."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema

from conftest import COMPLIANT_BODY, COMPLIANT_META, GR_URL, markdown
from reprint_guard import check
from reprint_guard.policy.schema import REPORT_SCHEMA_PATH

SCHEMA = json.loads(REPORT_SCHEMA_PATH.read_text(encoding="utf-8"))


def test_each_checked_reprint_says_its_original_and_dates_as_read(tmp_path, cli):
    bare = GR_URL.removeprefix("https://")
    files = {
        # An archive's copy read as the page archived; a date-time kept with its offset.
        "wayback.md": {
            **COMPLIANT_META,
            "original_url": f"https://web.archive.org/web/20240304123456/{GR_URL}",
            "published": "2024-05-01T09:30:00+02:00",
        },
        # Written without a scheme, and no published: Hugo's own date for the page stands for it.
        "hugo.md": {**COMPLIANT_META, "original_url": bare, "date": "2024-04-02"},
        # Neither date: none written (the timing rules read today).
        "undated.md": {k: v for k, v in COMPLIANT_META.items() if k != "original_published"},
        "own.md": {"title": "Our own story"},
    }
    for name, meta in files.items():
        body = "Our reporters' story.\n" if name == "own.md" else COMPLIANT_BODY
        (tmp_path / name).write_text(markdown(meta, body), encoding="utf-8")
    report = cli("check", "--no-config", "--format", "json", ".", cwd=tmp_path).json()
    jsonschema.Draft202012Validator(SCHEMA).validate(report)
    by_name = {r["path"]: r for r in report["results"]}
    assert {k: by_name["wayback.md"].get(k) for k in ("original_url", "original_published", "published")} == {
        "original_url": GR_URL,
        "original_published": "2024-03-02",
        "published": "2024-05-01T09:30:00+02:00",
    }
    assert (by_name["hugo.md"]["original_url"], by_name["hugo.md"]["published"]) == (GR_URL, "2024-04-02")
    assert by_name["undated.md"]["original_url"] == GR_URL
    assert "original_published" not in by_name["undated.md"] and "published" not in by_name["undated.md"]
    assert by_name["own.md"]["status"] == "skipped" and "original_url" not in by_name["own.md"]


def test_the_schema_takes_them_as_optional_and_typed():
    """Written only when known, as a finding's ``file`` is: not required, a report without them still valid."""
    result = SCHEMA["$defs"]["Result"]
    assert {"original_url", "original_published", "published"} <= set(result["properties"])
    assert not {"original_url", "original_published", "published"} & set(result["required"])
    assert SCHEMA["properties"]["version"]["const"] == 1  # an optional key added: no incompatible change
    broken = {"version": 1, "tool": {"name": "reprint-guard", "version": "0"}, "fail_on": "error"}
    row = {"path": "a.md", "policy": None, "status": "pass", "ok": True, "fully_checked": False, "findings": []}
    row |= {"error": None, "error_line": None, "error_column": None, "reason": None, "published": 20240501}
    summary = dict.fromkeys(SCHEMA["$defs"]["Summary"]["required"], 0)
    try:
        jsonschema.validate({**broken, "results": [row], "summary": summary}, SCHEMA)
    except jsonschema.ValidationError as exc:
        assert "20240501" in exc.message
    else:
        raise AssertionError("a date that is no text passed the schema")


def test_the_library_result_has_them_too():
    meta = {**COMPLIANT_META, "original_url": f"web.archive.org/web/2024/{GR_URL}", "published": "2024-04-01"}
    result = check(COMPLIANT_BODY, meta)
    assert (result.original_url, result.original_published, result.published) == (
        GR_URL,
        dt.date(2024, 3, 2),
        dt.date(2024, 4, 1),
    )
    # Typed for the library, written as the command line's JSON writes them.
    dumped = result.model_dump(mode="json")
    assert (dumped["original_published"], dumped["published"]) == ("2024-03-02", "2024-04-01")
