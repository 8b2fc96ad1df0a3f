"""A Markdown summary for pull-request comments and GitHub job summaries: a table per file.

Sections are spooled to temporary files as results arrive, so a run over
thousands of files keeps memory flat; the totals go on top at the end. Given
a size limit, the summary is cut at a row to fit it, and ends saying what was
left out.
"""

from __future__ import annotations

import re
import tempfile
from array import array
from collections.abc import Callable
from typing import IO

from ..errors import one_line
from ..report import ExitCode, Finding, Result, Summary, exit_code_for
from . import (
    ASCII_MARKS,
    CONFIG_FAILS,
    MARKS,
    NEVER_FAILS,
    config_findings,
    fails_on_the_config,
    in_the_baseline,
    marks_for,
)

#: What Markdown or HTML would read as syntax in a cell: each is written backslash-escaped, so a message or fix
#: shows as written (a fix's "[CC BY 4.0](https://...)" or "<img src=...>" is text to copy, not a link or
#: an image; "<who granted it>" is no tag to drop).
_MARKUP = re.compile(r"([\\`*_\[\]<>|~&!])")
#: A web address as GitHub links a bare one: escaped, its backslashes would go into the link. A backslash ends it:
#: kept bare before an escaped "|" ("\\|"), it would escape the escape, and the pipe would end the cell.
_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s<>|\])\"'`\\]+")
#: A run of backslashes before a "|": in a table row each backslash escapes the character after it, a
#: backslash too, so an even run leaves the pipe bare, and it ends the cell.
_BEFORE_PIPE = re.compile(r"(\\*)\|")


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
    than it holds in a row (a file name may hold one), its line breaks written as escapes (``\\x0a``), as the
    text output writes them: a code span shows "<br>" as written, and a space would pass for one in the name."""
    text = one_line(text or "")
    if in_table:  # "a\\|b.md": its backslash doubled too, or it would escape the pipe's escape
        text = _BEFORE_PIPE.sub(lambda m: m.group(1) * 2 + "\\|", text)
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


#: The marks a summary's "### " header starts with (failed, warnings only, passed), in either set: a
#: summary written to a Windows code page has the ASCII ones.
HEADER_MARKS = (*MARKS[:3], *ASCII_MARKS[:3])

#: The kinds of the details' pieces: a file's heading (with its error, or its table's head), an active
#: finding's row, a suppressed finding's row.
_HEADING, _FINDING, _SUPPRESSED = 0, 1, 2
_TABLE_HEAD = "\n| File | Policy | Status | Errors | Warnings |\n|---|---|---|---|---|\n"


def size(text: str) -> int:
    """Text's size in UTF-8 bytes, as a summary written with ``errors="replace"`` takes it."""
    return len(text.encode("utf-8", "replace"))


def left_out(findings: int, files: int) -> str:
    """The line that ends a summary cut to its size limit."""
    what = f"{findings} finding{'s' if findings != 1 else ''} in " if findings else ""
    return f"\n> **Cut short:** {what}{files} file{'s' if files != 1 else ''} left out of this summary.\n"


def by_place(findings: list[Finding]) -> list[Finding]:
    """``findings`` in their order, those at one place (file, line, column) together where the first of them
    stands, the most severe first (error, warning, info; otherwise as they came): a table's reader sees what
    fails a line before what only warns there."""
    first: dict[tuple[str | None, int, int], int] = {}
    keys = [
        (first.setdefault((f.file, f.line, f.column), index), -f.severity.rank, index)
        for index, f in enumerate(findings)
    ]
    return [findings[key[2]] for key in sorted(keys)]


class MarkdownFormatter:
    def __init__(self, stream: IO[str], *, title: str = "reprint-guard", fail_on: str = "error") -> None:
        self.stream = stream
        self.marks = marks_for(stream)  # a summary redirected to a file on a Windows code page: no ✖
        self.title = title
        self.fail_on = fail_on  # the header says failed when the run fails at this level
        self.config_found = False  # the config's own result held a finding (see CONFIG_FAILS)
        self.baselined = 0  # suppressed findings a file already had at --baseline-commit
        # Spooled as written (newline=""), so that a piece read back by its length is the piece.
        self.rows = tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogateescape", newline="")  # noqa: SIM115 - closed in close()
        self.details = tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogateescape", newline="")  # noqa: SIM115 - closed in close()
        # What a summary cut to a size needs: each file's row's and each piece of the details' length in
        # characters, and each piece's kind (a few bytes a finding, not its text).
        self.row_lengths = array("L")
        self.piece_lengths = array("L")
        self.piece_kinds = bytearray()
        self.spooled = 0  # bytes, UTF-8

    def _row(self, text: str) -> None:
        self.rows.write(text)
        self.row_lengths.append(len(text))
        self.spooled += size(text)

    def _piece(self, text: str, kind: int) -> None:
        self.details.write(text)
        self.piece_lengths.append(len(text))
        self.piece_kinds.append(kind)
        self.spooled += size(text)

    def result(self, result: Result) -> None:
        self.config_found = self.config_found or config_findings(result)
        self.baselined += in_the_baseline(result)
        if result.status == "error":
            self._row(f"| {code(result.path)} | | {self.marks[0]} could not be checked | | |\n")
            self._piece(f"\n#### {code(result.path, in_table=False)}\n\n**Error:** {cell(result.error)}\n", _HEADING)
            return
        active = [f for f in result.findings if f.suppressed is None]
        if not result.findings:
            return
        errors = sum(1 for f in active if f.severity.value == "error")
        warnings = sum(1 for f in active if f.severity.value == "warning")
        failed, _, passed, info = self.marks
        status = {"fail": f"{failed} fail", "pass": f"{passed} pass"}.get(result.status, result.status)
        icons = {"error": failed, "warning": self.marks[1], "info": info}
        self._row(f"| {code(result.path)} | {cell(result.policy)} | {status} | {errors} | {warnings} |\n")
        self._piece(
            f"\n#### {code(result.path, in_table=False)}\n\n"
            "| Line | Severity | Rule | Message | Fix |\n|---|---|---|---|---|\n",
            _HEADING,
        )
        for f in by_place(result.findings):
            severity = f"{icons[f.severity.value]} {f.severity.value}"
            message = f.message
            if f.suppressed is not None:
                severity = f"~~{severity}~~ suppressed"
                message += f" (suppressed: {f.suppressed.reason})"
            where = f"{f.line}:{f.column}" if f.file is None else f"{cell(f.file)}:{f.line}:{f.column}"
            # One line and one cell whatever a caller's Finding holds (a policy's schema refuses a line break).
            rule = code(f.rule) + (" (second-hand term)" if f.confidence == "second-hand" else "")
            row = f"| {where} | {severity} | {rule} | {cell(message)} | {cell(f.fix)} |\n"
            self._piece(row, _FINDING if f.suppressed is None else _SUPPRESSED)

    def close(self, summary: Summary, *, limit: int | None = None, cut: Callable[[int, int], str] = left_out) -> None:
        """Write the summary: the totals, then the tables. With ``limit`` (UTF-8 bytes) a summary that would be
        larger is cut at a row, the header and totals kept, and ends with ``cut(findings, files)``: what of
        the details was left out (active findings; files with anything not shown, their row or a detail)."""
        try:
            self._close(summary, limit, cut)
        finally:
            self.rows.close()
            self.details.close()

    def _close(self, summary: Summary, limit: int | None, cut: Callable[[int, int], str]) -> None:
        parts: list[str] = []
        write = parts.append
        failed, warned, passed, _ = self.marks
        if exit_code_for(summary, self.fail_on) is not ExitCode.OK:
            mark = failed
        else:  # passed at fail_on; what it let through still shows
            mark = warned if summary.errors or summary.warnings else passed
        write(f"### {mark} {self.title}\n\n")
        infos = f", {summary.infos} note{'s' if summary.infos != 1 else ''}" if summary.infos else ""  # as text says
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
            if self.baselined:
                write(f" ({self.baselined} already in the baseline commit)")
        if self.fail_on == "never" and (summary.errors or summary.warnings):  # "passed" with errors: say why
            write(f"; {NEVER_FAILS}")
        if fails_on_the_config(summary, self.fail_on, self.config_found):
            write(f"; {CONFIG_FAILS}")
        write("\n")
        head = "".join(parts)
        self.stream.write(head)
        if not self.row_lengths:
            return
        if limit is not None and size(head) + size(_TABLE_HEAD) + self.spooled > limit:
            self._cut(limit - size(head) - size(_TABLE_HEAD), cut)
            return
        self.stream.write(_TABLE_HEAD)
        for spool in (self.rows, self.details):
            spool.seek(0)
            for block in iter(lambda spool=spool: spool.read(65536), ""):
                self.stream.write(block)

    def _cut(self, budget: int, cut: Callable[[int, int], str]) -> None:
        """The tables, as much of them as ``budget`` bytes hold, then what was left out: the files' table
        first; a file's details heading only with its first row."""
        write = self.stream.write
        kinds = self.piece_kinds
        budget -= max(size(cut(kinds.count(_FINDING), len(self.row_lengths))), size(cut(0, 0)))  # its longest
        write(_TABLE_HEAD)
        self.rows.seek(0)
        for length in self.row_lengths:
            row = self.rows.read(length)
            if size(row) > budget:  # not every file's row: none of the details
                write(cut(kinds.count(_FINDING), len(self.row_lengths)))
                return
            write(row)
            budget -= size(row)
        self.details.seek(0)
        held = ""  # a file's heading, waiting for its first row
        for index, length in enumerate(self.piece_lengths):
            piece = held + self.details.read(length)
            if kinds[index] == _HEADING and index + 1 < len(kinds) and kinds[index + 1] != _HEADING:
                held = piece
                continue
            if size(piece) > budget:
                first = index - 1 if held else index  # the first piece not shown
                rest = kinds[first:]
                write(cut(rest.count(_FINDING), rest.count(_HEADING) + (rest[0] != _HEADING)))
                return
            write(piece)
            budget -= size(piece)
            held = ""
