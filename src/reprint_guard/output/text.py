"""Human-readable output grouped by file, Vale-style, with a summary line."""

from __future__ import annotations

from typing import IO

from ..errors import no_controls, one_line, shown_line
from ..report import ExitCode, Result, Summary, exit_code_for
from . import (
    CONFIG_FAILS,
    NEVER_FAILS,
    config_findings,
    fails_on_the_config,
    in_the_baseline,
    marks_for,
    second_hand_note,
)

_COLORS = {
    "error": "\x1b[31m",
    "warning": "\x1b[33m",
    "info": "\x1b[34m",
    "bold": "\x1b[1m",
    "dim": "\x1b[2m",
    "green": "\x1b[32m",
}
_RESET = "\x1b[0m"


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class TextFormatter:
    def __init__(self, stream: IO[str], *, color: bool = False, verbose: bool = False, fail_on: str = "error") -> None:
        self.stream = stream
        self.marks = marks_for(stream)
        self.color = color
        self.verbose = verbose
        self.fail_on = fail_on  # the summary's mark says failed when the run fails at this level
        self.config_found = False  # the config's own result held a finding (see CONFIG_FAILS)
        self.baselined = 0  # suppressed findings a file already had at --baseline-commit
        #: errors told, each with whether it stood in another file than its page's: such an error is told once
        self.told: dict[str | None, bool] = {}

    def _c(self, style: str, text: str) -> str:
        return f"{_COLORS[style]}{text}{_RESET}" if self.color else text

    def result(self, result: Result) -> None:
        write = self.stream.write
        self.config_found = self.config_found or config_findings(result)
        self.baselined += in_the_baseline(result)
        if result.status == "error":
            # An error in a file of the site's (a section's cascade) or a sidecar two pages share: told once, not
            # again for each page it reaches (nor again for the section's own page, which says the same).
            elsewhere = result.error_file is not None
            if result.error in self.told and (elsewhere or self.told[result.error]):
                return
            self.told[result.error] = elsewhere or self.told.get(result.error, False)
            write(f"{result.error} {self._c('error', '(could not be checked)')}\n\n")
            return
        if result.status == "skipped":
            if self.verbose:
                write(f"{self._c('dim', one_line(result.path) + ': skipped (' + (result.reason or '') + ')')}\n")
            return
        if not [f for f in result.findings if f.suppressed is None] and not self.verbose:
            return
        if not result.findings:
            if self.verbose:
                write(f"{one_line(result.path)}: {self._c('green', 'ok')} ({shown_line(str(result.policy))})\n")
            return
        lines = [self._c("bold", one_line(result.path))]  # a file name may hold a line break
        places = [
            f"{f.line}:{f.column}" if f.file is None else f"{one_line(f.file)}:{f.line}:{f.column}"
            for f in result.findings
        ]
        # One column for the file's places, as wide as its widest (a sidecar's finding names its file).
        shown = [
            len(where) for f, where in zip(result.findings, places, strict=True) if f.suppressed is None or self.verbose
        ]
        width = max([7, *shown])
        pad = " " * width
        for f, where in zip(result.findings, places, strict=True):
            severity = f.severity.value
            if f.suppressed is not None:
                if self.verbose:
                    why = f"suppressed ({f.suppressed.kind}): {f.suppressed.reason}"
                    note = no_controls(one_line(f"{f.message}  {f.rule}  [{why}]"))
                    lines.append(f"  {where:<{width}} {self._c('dim', f'{severity:<7} {note}')}")
                continue
            # It may quote the article, whose text may hold an ESC; and a policy's message a line break, which
            # would part the finding's line from its rule.
            message = no_controls(one_line(f.message))
            rule = shown_line(f.rule)  # one line whatever a caller's Finding holds (a policy's schema refuses a break)
            lines.append(f"  {where:<{width}} {self._c(severity, f'{severity:<7}')} {message}  {self._c('dim', rule)}")
            if f.fix:
                lines.append(f"  {pad} {'':<7} {self._c('dim', 'fix:')} {no_controls(f.fix)}")
            note = second_hand_note(f)
            if note:
                lines.append(f"  {pad} {'':<7} {self._c('dim', 'note:')} {shown_line(note)}")
        self.stream.write("\n".join(lines) + "\n\n")

    def close(self, summary: Summary) -> None:
        problems = [plural(summary.errors, "error"), plural(summary.warnings, "warning")]
        if summary.infos:
            problems.append(plural(summary.infos, "note"))
        counts = f"{plural(summary.files, 'file')}: {summary.passed} passed, {summary.failed} failed"
        if summary.errored:
            counts += f", {summary.errored} could not be checked"
        if summary.skipped:
            counts += f", {summary.skipped} skipped (not reprints)"
        if summary.unchecked:  # of the passed and failed, so said after every count of files
            counts += f"; of the passed and failed, {summary.unchecked} checked against no policy"
        if summary.suppressed:
            counts += f"; {plural(summary.suppressed, 'finding')} suppressed"
            if self.baselined:
                counts += f" ({self.baselined} already in the baseline commit)"
        if self.fail_on == "never" and (summary.errors or summary.warnings):  # "passed" with errors: say why
            counts += f"; {NEVER_FAILS}"
        if fails_on_the_config(summary, self.fail_on, self.config_found):
            counts += f"; {CONFIG_FAILS}"
        failed, warned, passed, _ = self.marks
        if exit_code_for(summary, self.fail_on) is not ExitCode.OK:
            mark, style = failed, "error"
        elif summary.errors or summary.warnings:  # passed at fail_on (as the exit status says); let through
            mark, style = warned, "warning"
        else:
            mark, style = passed, "green"
        self.stream.write(f"{self._c(style, mark)} {', '.join(problems)} in {counts}\n")


#: The rule id a file that could not be checked is counted under by ``--statistics``, as SARIF reports it.
INPUT_ERROR_RULE = "reprint-guard/input-error"


class RuleCounts:
    """``check --statistics``: after the report, one line per rule id with how many findings it had in the run
    (``  12  global-research/link-original``), the most first, then by rule id; a file that could not be
    checked counts under ``reprint-guard/input-error``. Suppressed findings are not counted: they are no
    problem of the run's (the summary counts them). Nothing is written when the run had no finding."""

    def __init__(self, stream: IO[str], *, apart: bool = False) -> None:
        self.stream = stream
        self.apart = apart  # a blank line first: the lines follow the text report's summary on the same stream
        self.counts: dict[str, int] = {}

    def result(self, result: Result) -> None:
        counts = self.counts
        if result.status == "error":
            counts[INPUT_ERROR_RULE] = counts.get(INPUT_ERROR_RULE, 0) + 1
        for f in result.findings:
            if f.suppressed is None:
                counts[f.rule] = counts.get(f.rule, 0) + 1

    def close(self, summary: Summary) -> None:
        if not self.counts:
            return
        ranked = sorted(self.counts.items(), key=lambda item: (-item[1], item[0]))
        width = len(str(ranked[0][1]))
        lines = [f"  {count:>{width}}  {shown_line(rule)}" for rule, count in ranked]
        self.stream.write(("\n" if self.apart else "") + "\n".join(lines) + "\n")
