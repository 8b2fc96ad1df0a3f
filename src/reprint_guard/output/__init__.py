"""Formatters: each renders results as they arrive and a summary at the end.

They only write to the stream they are given; the report data is built by the
engine and the CLI. Registered by name in :data:`FORMATTERS`.
"""

from __future__ import annotations

import json as _json  # the name 'json' is this package's JSON formatter module once imported
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import IO, Protocol

from ..report import CONFIG_RESULT_POLICY, ExitCode, Finding, Result, Summary, exit_code_for


class Formatter(Protocol):
    def result(self, result: Result) -> None: ...

    def close(self, summary: Summary) -> None: ...


_SURROGATE = re.compile("[\ud800-\udfff]")

#: The marks of a report (failed, passed with warnings, passed, and a finding's info), and what a stream
#: whose encoding cannot take them (a Windows code page has no ✖) shows instead.
MARKS = ("✖", "⚠", "✔", "ℹ")
ASCII_MARKS = ("x", "!", "ok", "i")


#: What a summary adds when ``fail-on`` is ``never`` and there are findings: the files "passed" with errors.
NEVER_FAILS = "with fail-on never, no finding fails a file"
#: What a summary adds when the run fails at ``fail-on`` with no file failed: the config's own findings (an
#: unused or expired central suppression) count in the totals and the exit status, and among no file.
CONFIG_FAILS = "no file failed: the config's own findings fail the run"


def in_the_baseline(result: Result) -> int:
    """How many of ``result``'s findings are suppressed as already there at ``--baseline-commit``."""
    return sum(1 for f in result.findings if f.suppressed is not None and f.suppressed.kind == "baseline")


def config_findings(result: Result) -> bool:
    """Whether ``result`` is the config's own (its central suppressions) and holds a finding not suppressed."""
    return result.policy == CONFIG_RESULT_POLICY and any(f.suppressed is None for f in result.findings)


def fails_on_the_config(summary: Summary, fail_on: str, config_found: bool) -> bool:
    """Whether a run that fails at ``fail_on`` fails on the config's findings alone (``config_found``: the run
    had some), which every file count would leave unsaid ("0 failed")."""
    failing = exit_code_for(summary, fail_on) is ExitCode.FINDINGS
    return config_found and failing and not summary.failed


def marks_for(stream: IO[str]) -> tuple[str, str, str, str]:
    """The marks ``stream``'s encoding can take: :data:`MARKS`, else :data:`ASCII_MARKS`."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        "".join(MARKS).encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return ASCII_MARKS
    return MARKS


#: What a report for people adds under a finding whose rule's term was read in a third party's summary.
SECOND_HAND = "the term was read second-hand: re-check it at the publisher's terms (reprint-guard explain {rule})"


def second_hand_note(finding: Finding) -> str | None:
    """The note under a finding of a second-hand term (``confidence``), or None."""
    return SECOND_HAND.format(rule=finding.rule) if finding.confidence == "second-hand" else None


#: One encoder per layout, made once: ``json.dumps`` with options builds a new one per call.
_ENCODERS = {
    False: _json.JSONEncoder(ensure_ascii=False),
    True: _json.JSONEncoder(ensure_ascii=False, separators=(",", ":")),
}


def json_text(data: object, *, compact: bool = False) -> str:
    """JSON as UTF-8 text can carry it: other characters as they are, lone surrogates escaped.

    A file name byte that is not UTF-8 reaches Python as a lone surrogate; written
    raw it would make the whole report invalid UTF-8, so it is written ``\\udcff``.
    ``compact``: no spaces after separators.
    """
    text = _ENCODERS[compact].encode(data)
    if text.isascii() or _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


#: ":17:5: " after the path an input error starts with.
_POSITION = re.compile(r"(?:\d+:){0,2} ?")


def unplaced(message: str, path: str) -> str:
    """An input error's message without the path and position it starts with: where a format gives the
    place apart (an annotation's ``file=``, SARIF's location), and a fingerprint that holds as lines move
    and whether the repository is checked out at the workspace's root or in a folder of it."""
    if not message.startswith(path + ":"):
        return message
    return _POSITION.sub("", message[len(path) + 1 :], count=1)


def use_color(stream: IO[str], choice: str = "auto") -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (no-color.org); FORCE_COLOR (not "0") asks
    for it elsewhere too (a CI log that shows colour, as Node's and pytest's tools read it)."""
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    if choice == "always" or os.environ.get("FORCE_COLOR", "0") not in ("", "0"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


def make_formatter(
    name: str,
    stream: IO[str],
    *,
    color: bool = False,
    fail_on: str = "error",
    verbose: bool = False,
    root: Path | None = None,
    rule_info: Callable[[str], dict[str, str] | None] | None = None,
) -> Formatter:
    """The formatter registered as ``name``, writing to ``stream``."""
    if name == "json":
        from .json import JsonFormatter

        return JsonFormatter(stream, fail_on=fail_on)
    if name == "github":
        from .github import GithubFormatter

        return GithubFormatter(stream)
    if name == "sarif":
        from .sarif import SarifFormatter

        return SarifFormatter(stream, root=root or Path.cwd(), rule_info=rule_info or (lambda rule: None))
    if name == "markdown":
        from .markdown import MarkdownFormatter

        return MarkdownFormatter(stream, fail_on=fail_on)
    from .text import TextFormatter

    return TextFormatter(stream, color=color, verbose=verbose, fail_on=fail_on)


FORMATTERS = ("text", "json", "github", "sarif", "markdown")
