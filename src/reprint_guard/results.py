"""The typed results the library returns, and the JSON envelope's schema: pydantic models.

They mirror the plain records of :mod:`reprint_guard.report` that the
engine and the command line use (a test keeps the two alike field for field);
:func:`from_report` turns one into the other at the library boundary.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    WithJsonSchema,
    computed_field,
    field_serializer,
    field_validator,
    model_validator,
)

from . import report
from .report import REPORT_VERSION, Confidence, FailOn, Severity, Status, reaches

#: A result's date: a ``datetime.date``, or a ``datetime.datetime`` where the metadata gives a time. Its JSON is the
#: ``isoformat()`` the command line's JSON output writes, and its schema the same string.
Moment = Annotated[dt.datetime | dt.date, WithJsonSchema({"type": "string"})]


class Suppressed(BaseModel):
    """Why a finding is not counted: an agreed exception with its reason."""

    kind: Literal["inline", "config", "baseline"]
    reason: str
    until: dt.date | None = None


class Finding(BaseModel):
    """One way the reprint breaks the terms, with where and how to fix it."""

    #: A CMS that edits a finding (its fix, its severity) gets a typed error for a value the field never
    #: holds (``line = 0``, ``severity = "fatal"``), not a finding the report schema refuses later.
    model_config = ConfigDict(validate_assignment=True)

    rule: str = Field(description="Stable id, '<policy>/<rule>'.")
    policy: str
    check: str
    severity: Severity
    message: str
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    fix: str | None = None
    suppressed: Suppressed | None = Field(default=None, description="Set when a suppression with a reason applies.")
    file: str | None = Field(
        default=None,
        description="The file 'line' and 'column' are in, when not the reprint's own: its metadata sidecar, or the "
        "site's _index.md or config whose cascade (Hugo) or front matter defaults (Jekyll) give the key.",
    )
    field: str | None = Field(
        default=None,
        description="The metadata key the finding is about (absent when it is about the body): where a CMS that "
        "passed the metadata as data shows it, having no line for it.",
    )
    end_line: int | None = Field(
        default=None,
        ge=1,
        description="The line of 'end_column' (absent when the finding is about something missing, or where the "
        "text it is about ends is not known).",
    )
    end_column: int | None = Field(
        default=None,
        ge=1,
        description="The column after the last character of the text the finding is about (a forbidden phrase, a "
        "misplaced credit, an image's address): with 'line', 'column' and 'end_line', the span an editor marks.",
    )
    confidence: Confidence | None = Field(
        default=None,
        description="How the rule's term was read: 'primary' (on the publisher's own page) or 'second-hand' (in "
        "a third party's summary: re-check it at the policy's source before refusing a reprint for it). Absent for "
        "the tool's own findings (rule 'reprint-guard/...').",
    )


class Result(BaseModel):
    """The outcome for one reprint (one file, or one library call)."""

    #: Its schema is what a dump holds (``ok`` included), as the report's is: a result is read, not written.
    model_config = ConfigDict(json_schema_mode_override="serialization")

    path: str
    policy: str | None = None
    status: Status = "pass"
    findings: list[Finding] = Field(default_factory=list)
    error: str | None = Field(default=None, description="One-line 'path:line:column: message' input error.")
    error_line: int | None = None
    error_column: int | None = None
    reason: str | None = Field(default=None, description="Why the file was skipped.")
    error_file: str | None = Field(
        default=None,
        description="The file 'error_line' and 'error_column' are in, when not the reprint's own: its metadata "
        "sidecar, or the site's _index.md or config (a Hugo cascade, Jekyll's front matter defaults).",
    )
    original_url: str | None = Field(
        default=None,
        description="The original's address as the check read it (a web archive's copy of it, a Wayback Machine "
        "address, read as the address archived); absent for a file not checked as a reprint.",
    )
    original_published: Moment | None = Field(
        default=None,
        description="When the original was published, as the check read it (an ISO 8601 date or date-time); "
        "absent when the metadata gives none.",
    )
    published: Moment | None = Field(
        default=None,
        description="When the reprint is published, as the check read it (an ISO 8601 date or date-time): its "
        "'published', or without it the site's own date for the page (Hugo's publishDate or date, a Jekyll post's "
        "date); absent when there is none (the timing rules then read it as today).",
    )

    @field_validator("original_published", "published", mode="before")
    @classmethod
    def _moment(cls, value: object) -> object:
        """An ISO 8601 string (as the engine's result and the JSON output write a date) as its date, or its
        date-time when it gives a time; a date or date-time as it is. A number, or a string of another form, is
        refused: pydantic would read ``2026`` or ``"1700000000"`` as seconds since 1970, a date the report
        never said (its schema says a string)."""
        if isinstance(value, str):
            try:
                return dt.datetime.fromisoformat(value) if len(value) > 10 else dt.date.fromisoformat(value)
            except ValueError:
                said = f"{value!r} is no ISO 8601 date or date-time (2026-11-20, 2026-11-20T09:00:00Z)"
                raise ValueError(said) from None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            raise ValueError(f"{value!r} is a number, not a date: an ISO 8601 date or date-time (2026-11-20)")
        return value

    @field_serializer("original_published", "published", when_used="json")
    def _isoformat(self, value: dt.date | None):  # no return type: with one, the schema loses its "default"
        """As the command line's JSON writes it (``date.isoformat()``): ``2026-11-20``, ``2026-11-20T09:00:00-05:00``
        (pydantic's own would write a UTC time's ``+00:00`` as ``Z``)."""
        return None if value is None else value.isoformat()

    @field_serializer("path", when_used="json")
    def _path_in_utf8(self, value: str) -> str:
        return self._in_utf8(value) or ""

    @field_serializer("error", "error_file", when_used="json")
    def _in_utf8(self, value: str | None) -> str | None:
        """A file name that is not UTF-8 (``caf\\udce9.md``, as Python reads one) written with its odd bytes as
        ``\\xe9``: JSON from pydantic is UTF-8 throughout, and a queued ``model_dump_json()`` failed on such a
        file. ``model_dump()`` keeps the name as given, to open the file by."""
        if value is None or value.isascii():
            return value
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-8", "surrogateescape" if _escaped_bytes(value) else "replace").decode(
                "utf-8", "backslashreplace"
            )
        return value

    @computed_field  # type: ignore[prop-decorator]
    @property
    def ok(self) -> bool:
        """True when no error-severity finding and no input error (in dumps and the JSON output too)."""
        return self.status != "error" and not any(
            f.severity is Severity.error and f.suppressed is None for f in self.findings
        )

    @computed_field  # type: ignore[prop-decorator]
    @property
    def fully_checked(self) -> bool:
        """True when a policy was checked in full: the reprint was read (not skipped, no input error), a policy
        applied, and no finding says part of it could not be checked (a rule's key unset, a rule that
        "cannot be checked" without one, a misspelt key, no policy for the original's site, another policy
        named than the one covering it, an original named where the metadata does not say it). What a
        pre-publish gate asks besides ``ok``: a reprint that was not checked is not cleared (in dumps and the
        JSON output too), whatever severity a site gives the rule."""
        return (
            self.status in ("pass", "fail")
            and self.policy is not None
            and not any(report.not_fully_checked(f) for f in self.findings)
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
    unchecked: int = Field(
        default=0,
        description="Files counted as passed or failed that no policy was checked against (no policy covers "
        "the original's site, or a key that would make the file a reprint is misspelt): see their findings.",
    )

    @classmethod
    def of(cls, results: list[Result]) -> Summary:
        """The counts of ``results``, as a run makes them (the run's own counter reads typed results too)."""
        counter = report.Summary()
        for result in results:
            counter.add(result)  # type: ignore[arg-type]
        return cls(**counter.to_dict())


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
    summary: Summary = Field(default_factory=Summary, description="Counted from the results when not given.")

    @model_validator(mode="after")
    def _counted(self) -> Report:
        """A report built by a caller from its results counts them: a summary of zeros would say nothing ran."""
        if "summary" not in self.model_fields_set:
            self.summary = Summary.of(self.results)
        return self


def _escaped_bytes(value: str) -> bool:
    """Whether every lone surrogate in ``value`` is a byte the file system gave that is not UTF-8 (U+DC80 to
    U+DCFF, Python's ``surrogateescape``); any other (half a pair from JSON) is written as "?"."""
    return all("\udc80" <= char <= "\udcff" for char in value if "\ud800" <= char <= "\udfff")


def from_report(result: report.Result) -> Result:
    """The typed (pydantic) copy of an engine result, for library callers."""
    return Result.model_validate(result.to_dict())


def report_schema() -> dict:
    """JSON Schema of the ``--format json`` envelope, generated from :class:`Report`."""
    schema = Report.model_json_schema(mode="serialization")  # what the output holds, "ok" included
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://reprint-guard.invalid/schemas/report.schema.json"
    # The output always holds every part, and says which version of this schema it follows: a consumer
    # validating a report of another version is told so, not given a pass.
    schema["properties"]["version"] = {
        "const": REPORT_VERSION,
        "title": "Version",
        "description": "The version of this report's format; it changes only when the format does.",
    }
    schema["required"] = list(Report.model_fields)
    # What every report holds, whatever the values (null for none): required, so that a consumer's generated
    # types need not guard them; a finding's file, field and end, and a result's error_file, only when set.
    for name, always in _ALWAYS_HELD.items():
        schema["$defs"][name]["required"] = [key for key in schema["$defs"][name]["properties"] if key in always]
    return schema


#: The keys the JSON output always writes, per part (see each ``to_dict`` in :mod:`reprint_guard.report`).
_ALWAYS_HELD = {
    "Finding": {"rule", "policy", "check", "severity", "message", "line", "column", "fix", "suppressed"},
    "Result": {
        "path",
        "policy",
        "status",
        "ok",
        "fully_checked",
        "findings",
        "error",
        "error_line",
        "error_column",
        "reason",
    },
    "Summary": set(Summary.model_fields),
    "Suppressed": {"kind", "reason", "until"},
    "Tool": {"name", "version"},
}
