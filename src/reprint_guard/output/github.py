"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` per finding."""

from __future__ import annotations

from typing import IO

from ..report import Result, Summary

#: Our severities as GitHub's annotation levels.
LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: object) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{level} {props}::{escape_data(message)}" if props else f"::{level}::{escape_data(message)}"


class GithubFormatter:
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def result(self, result: Result) -> None:
        if result.status == "error":
            self.stream.write(
                command(
                    "error",
                    result.error or "could not be checked",
                    file=result.path,
                    line=result.error_line,
                    col=result.error_column,
                    title="reprint-guard: input error",
                )
                + "\n"
            )
            return
        for f in result.findings:
            if f.suppressed is not None:
                continue  # kept in JSON and SARIF with its reason; not an annotation
            message = f"{f.message}\nfix: {f.fix}" if f.fix else f.message
            self.stream.write(
                command(LEVELS[f.severity.value], message, file=result.path, line=f.line, col=f.column, title=f.rule)
                + "\n"
            )

    def close(self, summary: Summary) -> None:
        self.stream.write(
            f"reprint-guard: {summary.errors} error{'s' if summary.errors != 1 else ''}, {summary.warnings} "
            f"warning{'s' if summary.warnings != 1 else ''} in {summary.files} file{'s' if summary.files != 1 else ''} "
            f"({summary.failed} failed, {summary.errored} could not be checked, {summary.skipped} skipped)\n"
        )
