"""The bench's HTML and JSON rows: the mixed corpus's reprints written as pages of the other two formats
(``bench.corpus.write_format_twins``) are read as such, and checked, give their Markdown twin's findings."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def bench(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.syspath_prepend(str(ROOT))
    for name in ("bench.run", "bench.corpus"):
        sys.modules.pop(name, None)
    import bench.run

    return bench.run


def test_each_format_twin_is_read_as_its_format_and_finds_what_its_markdown_does(bench, tmp_path: Path) -> None:
    from bench.corpus import write_format_twins, write_mixed_corpus
    from reprint_guard.engine import check_reprint
    from reprint_guard.policy.loader import policy_set
    from reprint_guard.readers import read_file

    policies = policy_set()
    markdown = write_mixed_corpus(tmp_path / "md", 60, ROOT / "tests" / "policies")
    found_any = 0
    for fmt in ("html", "json"):
        twins = write_format_twins(markdown, tmp_path / fmt, fmt)
        assert [Path(t).suffix for t in twins] == [f".{fmt}"] * len(markdown)
        for source, twin in zip(markdown, twins, strict=True):
            page = read_file(twin)
            assert page.format == ("html" if fmt == "html" else "markdown")  # an envelope's body is Markdown
            assert page.metadata.original_url
            expected = [f.rule for f in check_reprint(read_file(source), policies).settle().findings]
            assert [f.rule for f in check_reprint(page, policies).settle().findings] == expected, twin
            found_any += bool(expected)
        if fmt == "html":  # the metadata is the sidecar's, not declared in the page
            assert Path(twins[0][: -len(".html")] + ".meta.yaml").is_file()
            assert "original_url" not in Path(twins[0]).read_text(encoding="utf-8")
        else:
            envelope = json.loads(Path(twins[0]).read_text(encoding="utf-8"))
            assert set(envelope) == {"metadata", "body", "format"} and envelope["format"] == "markdown"
    assert found_any > 20  # the twins break rules, not only pass them


def test_the_formats_row_times_both_formats_and_counts_their_agreement(bench, tmp_path: Path) -> None:
    from reprint_guard.policy.loader import policy_set

    markdown = bench.mixed_corpus(str(tmp_path / "md"), 30)
    report = bench.measure_formats(markdown, str(tmp_path / "formats"), policy_set(), repeats=1)
    assert report["docs"] == 30
    for fmt in ("html", "json"):
        row = report[fmt]
        assert row["same_findings_as_markdown"] == 30
        assert row["docs_per_s"] > 0 and row["parse_floor_docs_per_s"] > row["docs_per_s"]
        assert row["ratio"] == pytest.approx(row["parse_ms_per_doc"] / row["check_ms_per_doc"], abs=0.01)
        assert set(row["pipeline"]) == {"docs_per_s", "ratio_without_rules", "rules_share"}
