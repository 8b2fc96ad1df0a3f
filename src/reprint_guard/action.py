"""The GitHub Action's entry point (``python -m reprint_guard.action``), also runnable anywhere.

Reads its inputs from ``INPUT_*`` environment variables (the composite action
passes them), checks the files a pull request adds, modifies or renames (or
all of ``paths``), and reports the GitHub way: workflow-command annotations on
the changed lines first (at most 10 errors and 10 warnings, as GitHub shows
per step), a Markdown job summary, step outputs and a SARIF file for code
scanning.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, get_args

from .output.github import LEVELS, command
from .output.markdown import MarkdownFormatter
from .output.sarif import SarifFormatter
from .report import ExitCode, FailOn, Finding, Result, Severity, Summary, exit_code_for

#: The levels the ``fail-on`` input takes, as ``--fail-on`` does.
FAIL_ON = get_args(FailOn)
#: GitHub shows at most this many annotations of each level per step.
ANNOTATION_LIMIT = 10


def _input(name: str, default: str = "") -> str:
    return os.environ.get(f"INPUT_{name.upper().replace('-', '_')}", default).strip()


def _git(*args: str) -> str:
    """git's output; bytes that are not UTF-8 (a file name in another encoding) kept as the OS keeps them."""
    proc = subprocess.run(["git", *args], capture_output=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)} failed: {os.fsdecode(proc.stderr).strip()}")
    return proc.stdout.decode("utf-8", "surrogateescape")


def pull_request_range() -> tuple[str, str] | None:
    """Base and head commits of the pull request in the event payload, if any."""
    event_path = os.environ.get("GITHUB_EVENT_PATH")
    if not event_path or not os.path.isfile(event_path):
        return None
    with open(event_path, encoding="utf-8") as handle:
        event = json.load(handle)
    pull = event.get("pull_request")
    if not isinstance(pull, dict):
        return None
    base = (pull.get("base") or {}).get("sha")
    head = (pull.get("head") or {}).get("sha")
    return (base, head) if base and head else None


def changed_files(base: str, head: str) -> dict[str, set[int]]:
    """Files added, modified or renamed between base and head, with their added line numbers.

    The names come from a NUL-separated list, exactly as written: in a patch git
    quotes a name with a non-ASCII letter, a quote or a tab in it, and such a
    name would otherwise match no file (a ``café.md`` would go unchecked).
    """
    from unidiff import PatchSet

    selection = ("--no-ext-diff", "--diff-filter=AMR", "-M", f"{base}...{head}")
    names = [name for name in _git("diff", "--name-only", "-z", *selection).split("\0") if name]
    # The prefixes spelt out (a user's diff.noprefix or diff.mnemonicPrefix would change them), and made of
    # "://", which no path in git holds: "diff --git a/plan b/x.md b/plan b/x.md" cannot be split where the
    # name holds " b/", "diff --git a://plan b/x.md b://plan b/x.md" only one way.
    prefixes = ("--src-prefix=a://", "--dst-prefix=b://")
    diff = _git("-c", "core.quotePath=false", "diff", "--no-color", "-U0", *prefixes, *selection)
    added: dict[str, set[int]] = {}
    for patched in PatchSet(diff):
        target = _unquoted(patched.target_file or "")
        if target.startswith("b://"):
            lines = {line.target_line_no for hunk in patched for line in hunk if line.is_added and line.target_line_no}
            added[target[len("b://") :]] = lines
    return {name: added.get(name, set()) for name in names}


_C_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}


def _unquoted(path: str) -> str:
    """A patch's file name as git writes it, C-style quoted when it holds a quote, a tab or a control
    character (``"b://a\\"b.md"``); octal escapes are the name's bytes."""
    if len(path) < 2 or not path.startswith('"') or not path.endswith('"'):
        return path
    raw, out, index = path[1:-1], bytearray(), 0
    while index < len(raw):
        char = raw[index]
        if char == "\\" and index + 1 < len(raw):
            following = raw[index + 1]
            octal = raw[index + 1 : index + 4]
            if len(octal) == 3 and all(digit in "01234567" for digit in octal):
                out.append(int(octal, 8))
                index += 4
                continue
            out.append(_C_ESCAPES.get(following, ord(following)))
            index += 2
            continue
        out += char.encode("utf-8")
        index += 1
    return out.decode("utf-8", "surrogateescape")


def _in_paths(path: str, roots: list[str]) -> bool:
    if not roots or roots == ["."]:
        return True
    normalized = os.path.normpath(path)
    return any(
        normalized == os.path.normpath(root) or normalized.startswith(os.path.normpath(root) + os.sep) for root in roots
    )


class Annotator:
    """Workflow-command annotations, changed lines first, within GitHub's per-step limits."""

    def __init__(self, changed: dict[str, set[int]] | None) -> None:
        self.changed = changed
        self.pending: list[tuple[int, str, Finding]] = []

    def add(self, result: Result) -> None:
        if result.status == "error":
            finding = Finding(
                rule="reprint-guard/input-error",
                policy="reprint-guard",
                check="input",
                severity=Severity.error,
                message=result.error or "could not be checked",
                line=result.error_line or 1,
                column=result.error_column or 1,
            )
            self.pending.append((0, result.path, finding))
            return
        lines = (self.changed or {}).get(os.path.normpath(result.path).replace(os.sep, "/"), set())
        for finding in result.findings:
            if finding.suppressed is None:
                on_changed_line = self.changed is None or finding.line in lines
                self.pending.append((0 if on_changed_line else 1, result.path, finding))

    def emit(self, stream: Any) -> dict[str, int]:
        shown = {"error": 0, "warning": 0, "notice": 0}
        hidden = {"error": 0, "warning": 0, "notice": 0}
        for _, path, f in sorted(self.pending, key=lambda item: item[0]):
            level = LEVELS[f.severity.value]
            if shown[level] >= ANNOTATION_LIMIT:
                hidden[level] += 1
                continue
            shown[level] += 1
            message = f"{f.message}\nfix: {f.fix}" if f.fix else f.message
            stream.write(command(level, message, file=path, line=f.line, col=f.column, title=f.rule) + "\n")
        return {
            "shown": sum(shown.values()),
            "hidden_errors": hidden["error"],
            "hidden_warnings": hidden["warning"],
            "hidden_notices": hidden["notice"],
        }


def _workspace_path(path: str | None) -> str | None:
    """``path`` relative to the workspace (the working folder), as annotations want it, when it lies there."""
    if not path:
        return None
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return path


def _write_summary(text: str) -> None:
    """Append to the job summary, when there is one (a file name that is not UTF-8 shows with a
    replacement character: the summary is for reading)."""
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_path:
        with open(summary_path, "a", encoding="utf-8", errors="replace") as handle:
            handle.write(text)


def _stopped(sarif_path: str, error: Any) -> None:
    """A run that checked nothing still leaves a SARIF file and a summary saying why."""
    _write_failed_sarif(sarif_path, error)
    _write_summary(f"### ✖ reprint-guard: nothing checked\n\n{error}\n")


def _write_failed_sarif(sarif_path: str, error: Any) -> None:
    """A SARIF file saying why nothing was checked, so a later upload step has a file to upload."""
    from .output.sarif import failed_run

    target = Path(sarif_path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "w", encoding="utf-8") as stream:
            failed_run(stream, error, root=Path.cwd())
    except OSError as exc:
        print(command("warning", f"reprint-guard: cannot write {sarif_path}: {exc.strerror or exc}"))
    output_path = os.environ.get("GITHUB_OUTPUT")
    if output_path:
        with open(output_path, "a", encoding="utf-8", errors="replace") as handle:
            handle.write(f"sarif={target}\n")


def main() -> int:
    from .cli import parse_meta
    from .config.loader import load_config
    from .errors import ReprintGuardError, UsageError
    from .policy.loader import load_policy, policy_set
    from .runner import Settings, discover, run

    # An absolute path inside the workspace is the same folder as its relative name (git's names are relative).
    roots = [_workspace_path(root) or root for root in _input("paths", ".").split()] or ["."]
    sarif_path = _input("sarif", "reprint-guard.sarif")
    changed_only = _input("changed-only", "true").lower() in ("1", "true", "yes")
    try:
        loaded = load_config(_input("config") or None)
        cli: dict[str, Any] = {}
        if _input("policy"):
            policy = _input("policy")
            cli["policy"] = str(Path(policy).resolve()) if Path(policy).is_file() else policy
        if _input("fail-on"):
            fail_on = _input("fail-on")
            if fail_on not in FAIL_ON:
                raise UsageError(f"fail-on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
            cli["fail_on"] = fail_on
        if _input("meta"):
            cli["meta"] = parse_meta(_input("meta").splitlines())
        settings = Settings.from_config(loaded, **cli)
        policy_set(settings.rules_dirs)
        if settings.policy:
            load_policy(settings.policy, extra=settings.rules_dirs)
    except ReprintGuardError as exc:
        print(
            command(
                "error",
                f"reprint-guard: {exc}",
                file=_workspace_path(exc.path),
                line=exc.line if exc.path else None,
                col=exc.column if exc.path and exc.line else None,
                title="reprint-guard configuration",
            )
        )
        _stopped(sarif_path, exc)
        return ExitCode.ERROR

    pr_range = pull_request_range() if changed_only else None
    changed: dict[str, set[int]] | None = None
    if pr_range:
        try:
            changed = changed_files(*pr_range)
        except RuntimeError as exc:
            message = f"reprint-guard: cannot diff the pull request ({exc}); check out with fetch-depth: 0"
            print(command("error", message, title="reprint-guard"))
            _stopped(sarif_path, UsageError(message))
            return ExitCode.ERROR
        from .runner import as_walked

        # As a walk of the folders would take them (a changed package.json is passed over, not refused);
        # a changed sidecar brings its article.
        items = list(as_walked((p for p in changed if _in_paths(p, roots)), settings))
        scope = f"{len(items)} changed file{'s' if len(items) != 1 else ''}"
    else:
        items = list(discover(roots, settings))
        scope = f"{len(items)} file{'s' if len(items) != 1 else ''}"

    summary = Summary()
    annotator = Annotator(changed)
    sarif_file = Path(sarif_path)
    sarif_file.parent.mkdir(parents=True, exist_ok=True)
    from .engine import rule_info

    policies = policy_set(settings.rules_dirs)
    with open(sarif_file, "w", encoding="utf-8") as sarif_stream:
        # Relative to the workspace, as the annotations are: code scanning reads them from the repository root.
        sarif = SarifFormatter(sarif_stream, root=Path.cwd(), rule_info=lambda r: rule_info(r, policies))
        markdown_buffer = _Buffer()
        markdown = MarkdownFormatter(markdown_buffer, title=f"reprint-guard: {scope}", fail_on=settings.fail_on)
        for result in run(items, settings, os.cpu_count() or 1):
            summary.add(result)
            sarif.result(result)
            markdown.result(result)
            annotator.add(result)
        sarif.close(summary)
        markdown.close(summary)
    counts = annotator.emit(sys.stdout)
    hidden = counts["hidden_errors"] + counts["hidden_warnings"] + counts["hidden_notices"]
    note = ""
    if hidden:
        note = (
            f"\n> {hidden} finding{'s were' if hidden != 1 else ' was'} not annotated (GitHub shows at most "
            f"{ANNOTATION_LIMIT} annotations of each level per step): "
            f"see the tables below and the SARIF file.\n"
        )
    text = markdown_buffer.text()
    head, _, rest = text.partition("\n\n")
    _write_summary(head + "\n" + note + "\n" + rest + "\n")
    outputs = {
        "errors": summary.errors,
        "warnings": summary.warnings,
        "files": summary.files - summary.skipped,  # checked: a file that is no reprint is passed over
        "failed-files": summary.failed,
        "not-annotated": hidden,
        "sarif": str(sarif_file),
    }
    output_path = os.environ.get("GITHUB_OUTPUT")
    if output_path:
        with open(output_path, "a", encoding="utf-8", errors="replace") as handle:
            for key, value in outputs.items():
                handle.write(f"{key}={value}\n")
    print(f"reprint-guard: {summary.errors} errors, {summary.warnings} warnings in {scope}")
    return exit_code_for(summary, settings.fail_on)


class _Buffer:
    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def text(self) -> str:
        return "".join(self.parts)


if __name__ == "__main__":
    raise SystemExit(main())
