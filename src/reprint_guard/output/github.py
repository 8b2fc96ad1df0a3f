"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` per finding."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from ..errors import no_controls, one_line
from ..report import STDIN_PATH, Finding, Result, Summary
from . import second_hand_note, unplaced

#: Our severities as GitHub's annotation levels.
LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def workspace() -> Path:
    """The repository's checkout as GitHub names it (``GITHUB_WORKSPACE``), else the working folder: the
    root that annotation and SARIF paths are relative to, wherever the step runs."""
    named = os.environ.get("GITHUB_WORKSPACE")
    return Path(named).resolve() if named and os.path.isdir(named) else Path.cwd().resolve()


def workspace_path(path: str | None) -> str | None:
    """``path`` relative to the workspace, as annotations want it, when it lies there (else as given)."""
    if not path:
        return None
    named = os.environ.get("GITHUB_WORKSPACE")
    root = Path(os.path.abspath(named)) if named and os.path.isdir(named) else Path.cwd()
    try:  # as named first: a symbolic link in the repository is annotated where it stands, not at its target
        return Path(os.path.abspath(path)).relative_to(root).as_posix()
    except ValueError:
        pass
    try:
        return Path(path).resolve().relative_to(workspace()).as_posix()
    except (ValueError, OSError):
        return path


def escape_data(value: str) -> str:
    """GitHub's escapes, and the other control characters written out: the log viewer acts on ESC."""
    return no_controls(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: object) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{level} {props}::{escape_data(message)}" if props else f"::{level}::{escape_data(message)}"


def _end(finding: Finding) -> tuple[int | None, int | None]:
    """A finding's end as an annotation takes it: its last line, and its last column (inclusive) when it ends on
    the line it starts on (GitHub takes no end column across lines)."""
    if finding.end_line is None or finding.end_column is None:
        return None, None
    if finding.end_line != finding.line:
        return finding.end_line, None
    return finding.end_line, max(finding.column, finding.end_column - 1)


def annotation(finding: Finding, file: str | None, page: str | None = None) -> str:
    """The workflow command for a finding, at ``file`` (None: unplaced, on the run) from its start to its end,
    its fix under its message: the CLI's ``--format github`` and the Action write the same. ``page``: the page a
    finding told in another file (a sidecar, the site's ``_index.md`` or config giving the value) is about,
    named in its message as SARIF names it (each page's annotation at the same place is no repetition)."""
    message = finding.message
    if page is not None and finding.file is not None:
        message += f"\n(in {one_line(page)}, with the value {finding.file} sets)"
    message = f"{message}\nfix: {finding.fix}" if finding.fix else message
    note = second_hand_note(finding)
    if note:
        message += f"\nnote: {note}"
    line, col = (finding.line or None, finding.column or None) if file is not None else (None, None)
    end_line, end_col = _end(finding) if file is not None else (None, None)
    level = LEVELS[finding.severity.value]
    return command(
        level, message, file=file, line=line, endLine=end_line, col=col, endColumn=end_col, title=finding.rule
    )


class GithubFormatter:
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.told: set[str] = set()  # the errors' commands written: one in a file pages share is written once

    def result(self, result: Result) -> None:
        # Standard input is no file to annotate: its messages stand on the run, unplaced.
        path = workspace_path(result.path) if result.path != STDIN_PATH else None
        placed = path is not None or result.error_file is not None
        if result.status == "error":
            said = result.error or "could not be checked"
            file = path if result.error_file is None else workspace_path(result.error_file)
            if placed:  # file=, line= and col= tell where: the message need not say it again
                named = result.error_file or result.path
                # The message names the file as errors write it, a line break or CR as an escape (``\x0d``)
                for written in (named, one_line(named) if named else None, file):
                    if written and said != (bare := unplaced(said, written)):
                        said = bare
                        break
            written = command(
                "error",
                said,
                file=file,
                line=result.error_line if placed else None,
                col=result.error_column if placed else None,
                title="reprint-guard/input-error",  # the rule id the Action and SARIF give it
            )
            if written not in self.told:
                self.told.add(written)
                self.stream.write(written + "\n")
            return
        for f in result.findings:
            if f.suppressed is not None:
                continue  # kept in JSON and SARIF with its reason; not an annotation
            where = path if f.file is None else workspace_path(f.file)  # a value set in its metadata sidecar
            self.stream.write(annotation(f, where, result.path if f.file is not None else None) + "\n")

    def close(self, summary: Summary) -> None:
        notes = f", {summary.infos} note{'s' if summary.infos != 1 else ''}" if summary.infos else ""  # as text says
        self.stream.write(
            f"reprint-guard: {summary.errors} error{'s' if summary.errors != 1 else ''}, {summary.warnings} "
            f"warning{'s' if summary.warnings != 1 else ''}{notes} in {summary.files} "
            f"file{'s' if summary.files != 1 else ''} "
            f"({summary.failed} failed, {summary.errored} could not be checked, {summary.skipped} skipped)\n"
        )
