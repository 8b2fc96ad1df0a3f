"""A Markdown summary for pull-request comments and GitHub job summaries: a table per file.

Sections are spooled to temporary files as results arrive, so a run over
thousands of files keeps memory flat; the totals go on top at the end.
"""

from __future__ import annotations

import re
import tempfile
from typing import IO

from ..errors import one_line
from ..report import ExitCode, Result, Summary, exit_code_for

_ICON = {"error": "✖", "warning": "⚠", "info": "ℹ"}


#: What Markdown or HTML would read as syntax in a cell: each is written backslash-escaped, so a message or fix
#: shows as written (a fix's "[CC BY 4.0](https://...)" or "<img src=...>" is text to copy, not a link or
#: an image; "<who granted it>" is no tag to drop).
_MARKUP = re.compile(r"([\\`*_\[\]<>|~&!])")
#: A web address as GitHub links a bare one: escaped, its backslashes would go into the link.
_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s<>|\])\"'`]+")


def _escaped(text: str) -> str:
    return _MARKUP.sub(r"\\\1", text)


def cell(text: str | None) -> str:
    """Make text safe inside a Markdown table cell, shown as written: Markdown and HTML syntax escaped, its
    line breaks as ``<br>``, other control characters (ESC starts a terminal's escape sequences) written as
    escapes, as every output writes them."""
    text = text or ""
    out, last = [], 0
    for address in _ADDRESS.finditer(text):  # addresses kept as written, but for "|" (it ends a cell)
        out += (_escaped(text[last : address.start()]), address.group(0).replace("|", "\\|"))
        last = address.end()
    out.append(_escaped(text[last:]))
    return one_line("".join(out).replace("\r", " ").replace("\n", "<br>"))


def code(text: str | None, *, in_table: bool = True) -> str:
    """Text as a code span (inside a table cell, its "|" escaped for the table): fenced by more backticks
    than it holds in a row (a file name may hold one), its line breaks shown as spaces (a code span shows
    "<br>" as written)."""
    text = one_line((text or "").replace("\r", " ").replace("\n", " "))
    if in_table:
        text = text.replace("|", "\\|")
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


#: The marks a summary's "### " header starts with: failed, warnings only, passed.
HEADER_MARKS = ("✖", "⚠", "✔")


class MarkdownFormatter:
    def __init__(self, stream: IO[str], *, title: str = "reprint-guard", fail_on: str = "error") -> None:
        self.stream = stream
        self.title = title
        self.fail_on = fail_on  # the header says failed when the run fails at this level
        self.rows = tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogateescape")  # noqa: SIM115 - closed in close()
        self.details = tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogateescape")  # noqa: SIM115 - closed in close()

    def result(self, result: Result) -> None:
        if result.status == "error":
            self.rows.write(f"| {code(result.path)} | | ✖ could not be checked | | |\n")
            self.details.write(f"\n#### {code(result.path, in_table=False)}\n\n**Error:** {cell(result.error)}\n")
            return
        active = [f for f in result.findings if f.suppressed is None]
        if not result.findings:
            return
        errors = sum(1 for f in active if f.severity.value == "error")
        warnings = sum(1 for f in active if f.severity.value == "warning")
        status = {"fail": "✖ fail", "pass": "✔ pass"}.get(result.status, result.status)
        self.rows.write(f"| {code(result.path)} | {cell(result.policy)} | {status} | {errors} | {warnings} |\n")
        self.details.write(f"\n#### {code(result.path, in_table=False)}\n\n")
        self.details.write("| Line | Severity | Rule | Message | Fix |\n|---|---|---|---|---|\n")
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
        if exit_code_for(summary, self.fail_on) is not ExitCode.OK:
            mark = failed
        else:  # passed at fail_on; what it let through still shows
            mark = warned if summary.errors or summary.warnings else passed
        write(f"### {mark} {self.title}\n\n")
        infos = f", {summary.infos} info" if summary.infos else ""
        write(
            f"**{summary.errors} error{'s' if summary.errors != 1 else ''}**, "
            f"{summary.warnings} warning{'s' if summary.warnings != 1 else ''}{infos} in {summary.files} "
            f"file{'s' if summary.files != 1 else ''}: {summary.passed} passed, {summary.failed} failed"
        )
        if summary.errored:
            write(f", {summary.errored} could not be checked")
        if summary.skipped:
            write(f", {summary.skipped} skipped (not reprints)")
        if summary.unchecked:  # of the passed and failed, so said after every count of files
            write(f"; of the passed and failed, {summary.unchecked} checked against no policy")
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
