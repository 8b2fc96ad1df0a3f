"""Findings and results as plain data: what the engine produces and the formatters render.

These are plain slotted records (:mod:`reprint_guard.record`), not pydantic
models, so that the command line never pays for importing pydantic (about
130 ms of a 0.2 s start-up budget).
The library returns the same shapes as typed pydantic models
(:mod:`reprint_guard.results`), which also define the JSON envelope's schema;
a test keeps the two field for field alike.
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum, StrEnum
from typing import Any, Literal

from .record import Record

#: The name results from standard input are reported under: no file, so annotations and SARIF name none.
STDIN_PATH = "<stdin>"
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
Status = Literal["pass", "fail", "error", "skipped"]
#: How a rule's term was read: on the publisher's own page, or in a third party's summary (re-check it there).
Confidence = Literal["primary", "second-hand"]


def reaches(severity: Severity, fail_on: str) -> bool:
    """Whether a finding of ``severity`` counts as a failure under ``--fail-on``."""
    return fail_on != "never" and severity.rank >= Severity(fail_on).rank


class Suppressed(Record):
    """Why a finding is not counted: an agreed exception with its reason."""

    __slots__ = ("kind", "reason", "until")

    def __init__(
        self, kind: Literal["inline", "config", "baseline"], reason: str, until: dt.date | None = None
    ) -> None:
        self.kind = kind
        self.reason = reason
        self.until = until

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "reason": self.reason, "until": self.until.isoformat() if self.until else None}


def stable_message(message: str, short: str | None) -> str:
    """What a finding's identity holds of its message (its SARIF fingerprint, and a baseline's comparison):
    the rule's own message ``short``, without the detail a run adds after it ("(2 items of media, first <img>
    ...)"), which changes with the page (one more photo would close the alert and open another); the whole
    message when it is not the rule's."""
    if short and message.startswith(f"{short} ("):
        return short
    return message


class Finding(Record):
    """One way the reprint breaks the terms, with where and how to fix it."""

    __slots__ = (
        "rule",
        "policy",
        "check",
        "severity",
        "message",
        "line",
        "column",
        "fix",
        "suppressed",
        "file",
        "field",
        "end_line",
        "end_column",
        "confidence",
    )

    def __init__(
        self,
        rule: str,
        policy: str,
        check: str,
        severity: Severity,
        message: str,
        line: int,
        column: int,
        fix: str | None = None,
        suppressed: Suppressed | None = None,
        file: str | None = None,
        field: str | None = None,
        end_line: int | None = None,
        end_column: int | None = None,
        confidence: Confidence | None = None,
    ) -> None:
        self.rule = rule
        self.policy = policy
        self.check = check
        self.severity = severity
        self.message = message
        self.line = line
        self.column = column
        self.fix = fix
        self.suppressed = suppressed
        #: The file ``line`` and ``column`` are in when not the reprint's own (its metadata sidecar, the site's
        #: ``_index.md`` or config giving the key), else None.
        self.file = file
        #: The metadata key the finding is about (None: the body), for a CMS to point at the form's field.
        self.field = field
        #: The line and column after the text the finding is about, when a check found it in the body.
        self.end_line = end_line
        self.end_column = end_column
        #: How its rule's term was read (a policy's rule: "primary" or "second-hand"); None: the tool's own finding.
        self.confidence = confidence

    def to_dict(self) -> dict[str, Any]:
        data = {
            "rule": self.rule,
            "policy": self.policy,
            "check": self.check,
            "severity": self.severity.value,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "fix": self.fix,
            "suppressed": self.suppressed.to_dict() if self.suppressed else None,
        }
        if self.file is not None:  # only then: most findings are in the reprint's own file
            data["file"] = self.file
        if self.field is not None:  # only then, as ``file``
            data["field"] = self.field
        if self.end_line is not None:  # only then, as ``file``
            data["end_line"] = self.end_line
            data["end_column"] = self.end_column
        if self.confidence is not None:  # a policy's rule: how its term was read (a gate may ask for a person)
            data["confidence"] = self.confidence
        return data


class Result(Record):
    """The outcome for one reprint (one file, or one library call)."""

    __slots__ = (
        "path",
        "policy",
        "status",
        "findings",
        "error",
        "error_line",
        "error_column",
        "reason",
        "error_file",
        "original_url",
        "original_published",
        "published",
    )

    def __init__(
        self,
        path: str,
        policy: str | None = None,
        status: Status = "pass",
        findings: list[Finding] | None = None,
        error: str | None = None,
        error_line: int | None = None,
        error_column: int | None = None,
        reason: str | None = None,
        error_file: str | None = None,
        original_url: str | None = None,
        original_published: str | None = None,
        published: str | None = None,
    ) -> None:
        self.path = path
        self.policy = policy
        self.status: Status = status
        self.findings = findings if findings is not None else []
        self.error = error
        self.error_line = error_line
        self.error_column = error_column
        self.reason = reason
        #: The file ``error_line`` and ``error_column`` are in when not the reprint's own (its metadata sidecar).
        self.error_file = error_file
        #: The original's address as the check read it (a web archive's copy read as the page archived), and
        #: the original's and the reprint's publication dates (ISO 8601) as the timing rules read them: set
        #: for a file checked as a reprint, each when known, for a report to be sorted by.
        self.original_url = original_url
        self.original_published = original_published
        self.published = published

    @property
    def ok(self) -> bool:
        """True when no error-severity finding and no input error."""
        return self.status != "error" and not any(
            f.severity is Severity.error and f.suppressed is None for f in self.findings
        )

    @property
    def fully_checked(self) -> bool:
        """True when a policy was checked in full (see the library's ``Result.fully_checked``)."""
        return (
            self.status in ("pass", "fail")
            and self.policy is not None
            and not any(not_fully_checked(f) for f in self.findings)
        )

    def settle(self, fail_on: str = "error") -> Result:
        """Set ``status`` from the findings: 'fail' when one reaches ``fail_on``."""
        if self.status in ("pass", "fail"):
            failed = any(reaches(f.severity, fail_on) for f in self.findings if f.suppressed is None)
            self.status = "fail" if failed else "pass"
        return self

    def to_dict(self) -> dict[str, Any]:
        data = {
            "path": self.path,
            "policy": self.policy,
            "status": self.status,
            "ok": self.ok,
            "fully_checked": self.fully_checked,
            "findings": [f.to_dict() for f in self.findings],
            "error": self.error,
            "error_line": self.error_line,
            "error_column": self.error_column,
            "reason": self.reason,
        }
        if self.error_file is not None:  # only then, as a finding's ``file``
            data["error_file"] = self.error_file
        if self.original_url is not None:  # only for a file checked as a reprint, each when known
            data["original_url"] = self.original_url
        if self.original_published is not None:
            data["original_published"] = self.original_published
        if self.published is not None:
            data["published"] = self.published
        return data


#: The tool's findings that say a reprint was not checked in full: no policy covers it, a rule needs a key it
#: does not set, a key is misspelt, the original is named where the tool does not read it, or two keys that
#: mean one thing disagree (the one read may be the wrong one).
NOT_FULLY_CHECKED = frozenset(
    f"reprint-guard/{name}"
    for name in (
        "unknown-publisher",
        "missing-metadata",
        "misspelt-key",
        "original-elsewhere",
        "credited-original",
        "conflicting-keys",
        "home-page-original",
        "policy-overrides-host",
        "original-url-missing",
    )
)


#: What a rule's finding says when a key it needs is not set ("'original_published' is not set, so the delay
#: cannot be checked"): the rule was not checked, whatever severity a site gives it.
UNCHECKED = "cannot be checked"


def not_fully_checked(finding: Any) -> bool:
    """Whether an unsuppressed ``finding`` says part of the reprint was not checked: one of the tool's
    (:data:`NOT_FULLY_CHECKED`), or a rule's that could not be checked for a key not set (:data:`UNCHECKED`)."""
    return finding.suppressed is None and (finding.rule in NOT_FULLY_CHECKED or UNCHECKED in finding.message)


#: The policy of the one result a run adds for its config file (its suppressions that expired or suppress
#: nothing): its findings count, but it is no file checked.
CONFIG_RESULT_POLICY = "reprint-guard"


class Summary(Record):
    """Counts over a run: files by status, findings by severity."""

    __slots__ = (
        "files",
        "passed",
        "failed",
        "errored",
        "skipped",
        "errors",
        "warnings",
        "infos",
        "suppressed",
        "unchecked",
    )

    def __init__(self, **counts: int) -> None:
        for name in self.__slots__:
            setattr(self, name, counts.pop(name, 0))
        if counts:
            raise TypeError(f"unknown counts: {', '.join(counts)}")

    def add(self, result: Result) -> None:
        if result.policy != CONFIG_RESULT_POLICY:  # the config's own result (its suppressions) is no file checked
            self.files += 1
            if result.status == "pass":
                self.passed += 1
            elif result.status == "fail":
                self.failed += 1
            elif result.status == "error":
                self.errored += 1
            else:
                self.skipped += 1
            if result.policy is None and result.status in ("pass", "fail"):  # no policy, or a misspelt key
                self.unchecked += 1
        for finding in result.findings:
            if finding.suppressed is not None:
                self.suppressed += 1
            elif finding.severity is Severity.error:
                self.errors += 1
            elif finding.severity is Severity.warning:
                self.warnings += 1
            else:
                self.infos += 1

    def to_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.__slots__}


def exit_code_for(summary: Summary, fail_on: str) -> ExitCode:
    if summary.errored:
        return ExitCode.ERROR
    if fail_on == "never":
        return ExitCode.OK
    counts = {"error": summary.errors, "warning": summary.errors + summary.warnings}
    counts["info"] = counts["warning"] + summary.infos
    return ExitCode.FINDINGS if counts[fail_on] else ExitCode.OK
