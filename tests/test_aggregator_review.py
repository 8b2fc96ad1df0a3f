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
