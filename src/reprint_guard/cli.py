"""The ``reprint-guard`` command line. It only wires readers, engine and formatters together."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .errors import NotAReprintError, ReprintGuardError, UsageError
from .report import ExitCode, Result, Summary, exit_code_for

DESCRIPTION = "Check that republished articles honour the original publisher's reprint terms."
SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv"})


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reprint-guard", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"reprint-guard {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="check reprints against their publishers' terms",
        description="Check reprints (files, folders, or - for standard input).",
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to check; - reads stdin")
    check.add_argument("--policy", metavar="FILE|ID", help="check every reprint against this policy")
    check.add_argument(
        "--rules-dir", action="append", default=[], metavar="DIR", help="extra folder (or file) of policies; repeatable"
    )
    check.add_argument("--format", choices=("text", "json", "github"), default="text")
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        default="error",
        help="lowest severity that makes the exit status 1 (default: error)",
    )
    check.add_argument(
        "--meta", action="append", default=[], metavar="KEY=VALUE", help="set or override a metadata field; repeatable"
    )
    check.add_argument("--stdin-format", choices=("markdown", "html", "json", "text"), default="markdown")
    check.add_argument(
        "--no-bare-urls",
        action="store_true",
        help="do not count bare https:// URLs in Markdown as links (for renderers that don't)",
    )
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument("-v", "--verbose", action="store_true", help="also list passing and skipped files")
    return parser


def parse_meta(pairs: Sequence[str]) -> dict[str, Any]:
    """``KEY=VALUE`` pairs; values are read as YAML scalars (true, 2024-05-01, [a, b])."""
    from .safeyaml import load

    meta: dict[str, Any] = {}
    for pair in pairs:
        key, eq, raw = pair.partition("=")
        if not eq or not key.strip():
            raise UsageError(f"--meta expects KEY=VALUE, got {pair!r}")
        try:
            value = load(raw).data if raw.strip() else None
        except ReprintGuardError:
            value = raw
        meta[key.strip()] = raw if value is None and raw else value
    return meta


def discover(paths: Sequence[str]) -> Iterator[tuple[str, bool]]:
    """Yield (path, found_by_walking) in a stable order; folders are walked recursively."""
    from .readers import SIDECAR_SUFFIXES, SUFFIX_FORMATS

    for item in paths:
        if item != "-" and os.path.isdir(item):
            for root, dirs, files in os.walk(item):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(files):
                    lower = name.lower()
                    if lower.endswith(SIDECAR_SUFFIXES) or name.startswith("."):
                        continue
                    if os.path.splitext(lower)[1] in SUFFIX_FORMATS:
                        yield os.path.join(root, name), True
        else:
            yield item, False


def _error_result(path: str, exc: ReprintGuardError) -> Result:
    if exc.path is None:
        exc.path = path
    return Result(path=path, status="error", error=str(exc), error_line=exc.line, error_column=exc.column)


def check_one(path: str, walked: bool, options: argparse.Namespace, context: dict[str, Any]) -> Result:
    """Read and check one file; every failure becomes a result, never an exception."""
    from .engine import check_reprint
    from .readers import read_bytes, read_file

    try:
        if path == "-":
            data = sys.stdin.buffer.read()
            reprint = read_bytes(
                data,
                path="<stdin>",
                format=options.stdin_format,
                meta=context["meta"],
                bare_urls=not options.no_bare_urls,
            )
        else:
            if not os.path.exists(path):
                raise UsageError("no such file or folder", path=path)
            reprint = read_file(path, meta=context["meta"], bare_urls=not options.no_bare_urls)
        result = check_reprint(reprint, context["policies"], context["policy"])
    except NotAReprintError as exc:
        if walked:
            return Result(path=path, status="skipped", reason=exc.message)
        return _error_result(path, exc)
    except ReprintGuardError as exc:
        return _error_result(path, exc)
    except RecursionError:
        return Result(path=path, status="error", error=f"{path}: input nested too deeply to check")
    return result.settle(options.fail_on)


def run_check(options: argparse.Namespace) -> int:
    from .output import make_formatter, use_color
    from .policy.loader import load_policy, policy_set

    stdout = sys.stdout
    try:
        meta = parse_meta(options.meta)
        rules_dirs = tuple(options.rules_dir)
        policies = policy_set(rules_dirs)
        policy = load_policy(options.policy, extra=rules_dirs) if options.policy else None
        if policy is not None:
            policies = policy_set((*rules_dirs, options.policy)) if Path(options.policy).is_file() else policies
    except ReprintGuardError as exc:
        sys.stderr.write(f"reprint-guard: {exc}\n")
        return ExitCode.ERROR
    context = {"meta": meta, "policies": policies, "policy": policy}
    formatter = make_formatter(
        options.format, stdout, color=use_color(stdout, options.color), fail_on=options.fail_on, verbose=options.verbose
    )
    summary = Summary()
    for path, walked in discover(options.paths):
        result = check_one(path, walked, options, context)
        summary.add(result)
        formatter.result(result)
    formatter.close(summary)
    stdout.flush()
    return exit_code_for(summary, options.fail_on)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    options = parser.parse_args(argv)
    if options.command is None:
        parser.print_help()
        return ExitCode.ERROR
    try:
        return int(run_check(options))
    except KeyboardInterrupt:
        sys.stderr.write("reprint-guard: interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader went away (``| head``): silence the flush at exit, as well-behaved CLIs do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return ExitCode.ERROR
