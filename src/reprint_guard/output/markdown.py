"""A Markdown summary for pull-request comments and GitHub job summaries: a table per file.

Sections are spooled to temporary files as results arrive, so a run over
thousands of files keeps memory flat; the totals go on top at the end.
"""

from __future__ import annotations

import tempfile
from typing import IO

from ..report import Result, Summary

_ICON = {"error": "✖", "warning": "⚠", "info": "ℹ"}


def cell(text: str | None) -> str:
    """Make text safe inside a Markdown table cell."""
    return (text or "").replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", "<br>")


#: The marks a summary's "### " header starts with: failed, warnings only, passed.
HEADER_MARKS = ("✖", "⚠", "✔")


class MarkdownFormatter:
    def __init__(self, stream: IO[str], *, title: str = "reprint-guard") -> None:
        self.stream = stream
        self.title = title
        self.rows = tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogateescape")  # noqa: SIM115 - closed in close()
        self.details = tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogateescape")  # noqa: SIM115 - closed in close()

    def result(self, result: Result) -> None:
        if result.status == "error":
            self.rows.write(f"| `{cell(result.path)}` | | ✖ could not be checked | | |\n")
            self.details.write(f"\n#### `{cell(result.path)}`\n\n{cell(result.error)}\n")
            return
        active = [f for f in result.findings if f.suppressed is None]
        if not result.findings:
            return
        errors = sum(1 for f in active if f.severity.value == "error")
        warnings = sum(1 for f in active if f.severity.value == "warning")
        status = {"fail": "✖ fail", "pass": "✔ pass"}.get(result.status, result.status)
        self.rows.write(f"| `{cell(result.path)}` | {cell(result.policy)} | {status} | {errors} | {warnings} |\n")
        self.details.write(f"\n#### `{cell(result.path)}`\n\n| Line | Severity | Rule | Message | Fix |\n")
        self.details.write("|---|---|---|---|---|\n")
        for f in result.findings:
            severity = f"{_ICON[f.severity.value]} {f.severity.value}"
            message = f.message
            if f.suppressed is not None:
                severity = f"~~{severity}~~ suppressed"
                message += f" (suppressed: {f.suppressed.reason})"
            self.details.write(f"| {f.line}:{f.column} | {severity} | `{f.rule}` | {cell(message)} | {cell(f.fix)} |\n")

    def close(self, summary: Summary) -> None:
        write = self.stream.write
        failed, warned, passed = HEADER_MARKS
        mark = failed if summary.errors or summary.errored else (warned if summary.warnings else passed)
        write(f"### {mark} {self.title}\n\n")
        write(
            f"**{summary.errors} error{'s' if summary.errors != 1 else ''}**, "
            f"{summary.warnings} warning{'s' if summary.warnings != 1 else ''} in {summary.files} "
            f"file{'s' if summary.files != 1 else ''}: {summary.passed} passed, {summary.failed} failed"
        )
        if summary.errored:
            write(f", {summary.errored} could not be checked")
        if summary.skipped:
            write(f", {summary.skipped} skipped (not reprints)")
        if summary.suppressed:
            write(f", {summary.suppressed} finding{'s' if summary.suppressed != 1 else ''} suppressed")
        write("\n")
        self.rows.seek(0)
        rows = self.rows.read(1)
        if rows:
            write("\n| File | Policy | Status | Errors | Warnings |\n|---|---|---|---|---|\n")
            write(rows)
            for block in iter(lambda: self.rows.read(65536), ""):
                write(block)
            self.details.seek(0)
            for block in iter(lambda: self.details.read(65536), ""):
                write(block)
        self.rows.close()
        self.details.close()
