"""Findings and reports as data. Formatters render them; nothing here prints."""

from __future__ import annotations

import datetime as dt
from enum import IntEnum, StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

#: Version of the JSON envelope; bump on any incompatible change.
REPORT_VERSION = 1


class ExitCode(IntEnum):
    """The exit-status contract (as Vale and Semgrep do it)."""

    OK = 0
    FINDINGS = 1
    ERROR = 2


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.info: 1, Severity.warning: 2, Severity.error: 3}
FailOn = Literal["error", "warning", "info", "never"]


def reaches(severity: Severity, fail_on: str) -> bool:
    """Whether a finding of ``severity`` counts as a failure under ``--fail-on``."""
    return fail_on != "never" and severity.rank >= Severity(fail_on).rank


class Suppressed(BaseModel):
    """Why a finding is not counted: an agreed exception with its reason."""

    kind: Literal["inline", "config"]
    reason: str
    until: dt.date | None = None


class Finding(BaseModel):
    """One way the reprint breaks the terms, with where and how to fix it."""

    rule: str = Field(description="Stable id, '<policy>/<rule>'.")
    policy: str
    check: str
    severity: Severity
    message: str
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    fix: str | None = None
    suppressed: Suppressed | None = Field(default=None, description="Set when a suppression with a reason applies.")


Status = Literal["pass", "fail", "error", "skipped"]


class Result(BaseModel):
    """The outcome for one reprint (one file, or one library call)."""

    path: str
    policy: str | None = None
    status: Status = "pass"
    findings: list[Finding] = Field(default_factory=list)
    error: str | None = Field(default=None, description="One-line 'path:line:column: message' input error.")
    error_line: int | None = None
    error_column: int | None = None
    reason: str | None = Field(default=None, description="Why the file was skipped.")

    @property
    def ok(self) -> bool:
        """True when no error-severity finding and no input error."""
        return self.status != "error" and not any(
            f.severity is Severity.error and f.suppressed is None for f in self.findings
        )

    def settle(self, fail_on: str = "error") -> Result:
        """Set ``status`` from the findings: 'fail' when one reaches ``fail_on``."""
        if self.status in ("pass", "fail"):
            failed = any(reaches(f.severity, fail_on) for f in self.findings if f.suppressed is None)
            self.status = "fail" if failed else "pass"
        return self


class Summary(BaseModel):
    files: int = 0
    passed: int = 0
    failed: int = 0
    errored: int = 0
    skipped: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    suppressed: int = 0

    def add(self, result: Result) -> None:
        self.files += 1
        if result.status == "pass":
            self.passed += 1
        elif result.status == "fail":
            self.failed += 1
        elif result.status == "error":
            self.errored += 1
        else:
            self.skipped += 1
        for finding in result.findings:
            if finding.suppressed is not None:
                self.suppressed += 1
            elif finding.severity is Severity.error:
                self.errors += 1
            elif finding.severity is Severity.warning:
                self.warnings += 1
            else:
                self.infos += 1


class Tool(BaseModel):
    model_config = ConfigDict(defer_build=True)

    name: str = "reprint-guard"
    version: str


class Report(BaseModel):
    """The versioned envelope for a whole run (the ``--format json`` output)."""

    model_config = ConfigDict(defer_build=True)

    version: int = REPORT_VERSION
    tool: Tool
    fail_on: FailOn = "error"
    results: list[Result] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)

    def add(self, result: Result) -> None:
        self.results.append(result)
        self.summary.add(result)

    def exit_code(self) -> ExitCode:
        return exit_code_for(self.summary, self.fail_on)


def exit_code_for(summary: Summary, fail_on: str) -> ExitCode:
    if summary.errored:
        return ExitCode.ERROR
    if fail_on == "never":
        return ExitCode.OK
    counts = {"error": summary.errors, "warning": summary.errors + summary.warnings}
    counts["info"] = counts["warning"] + summary.infos
    return ExitCode.FINDINGS if counts[fail_on] else ExitCode.OK


def report_schema() -> dict:
    """JSON Schema of the ``--format json`` envelope, generated from :class:`Report`."""
    schema = Report.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://reprint-guard.invalid/schemas/report.schema.json"
    return schema
