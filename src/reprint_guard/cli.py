"""The ``reprint-guard`` command line. It only wires config, runner and formatters together."""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from . import __version__
from .errors import (
    OUTPUT_CLOSED,
    PolicyError,
    ReprintGuardError,
    UsageError,
    from_here,
    one_line,
    signals_held,
    stopped_as_a_shell_tells,
)
from .output import FORMATTERS
from .output.streams import encode_safely
from .report import ExitCode, Summary, exit_code_for

DESCRIPTION = "Check that republished articles honour the original publisher's reprint terms."


def _config_options(command: argparse.ArgumentParser) -> None:
    """``--config FILE`` or ``--no-config``: which project config's policies (and, for ``credit``, key names
    and defaults) the command reads; by default the one found from the working folder up."""
    where = command.add_mutually_exclusive_group()
    where.add_argument("--config", metavar="FILE", help="project config (default: discovered from the cwd up)")
    where.add_argument(
        "--no-config", action="store_true", help="use no config file, not even one in a parent folder (the defaults)"
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reprint-guard", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"reprint-guard {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="check reprints against their publishers' terms",
        description="Check reprints (files, folders, or - for standard input).",
    )
    check.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files or folders to check; - reads stdin; a site file (hugo.toml, a Hugo config/_default/ file, "
        "Jekyll's _config.yml) checks the pages it gives metadata to",
    )
    _config_options(check)
    check.add_argument("--policy", metavar="FILE|ID", help="check every reprint against this policy")
    check.add_argument(
        "--rules-dir", action="append", default=[], metavar="DIR", help="extra folder (or file) of policies; repeatable"
    )
    check.add_argument("--format", choices=FORMATTERS, default="text", help="what to print on standard output")
    check.add_argument("--json", metavar="FILE", help="also write the JSON report to FILE")
    check.add_argument("--sarif", metavar="FILE", help="also write SARIF 2.1.0 to FILE")
    check.add_argument("--markdown", metavar="FILE", help="also write a Markdown summary to FILE")
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        type=str.lower,  # "Warning", as the Action's input and the config take it
        default=None,
        help="lowest severity that makes the exit status 1 (default: error, or the config's)",
    )
    check.add_argument(
        "--meta", action="append", default=[], metavar="KEY=VALUE", help="set or override a metadata field; repeatable"
    )
    check.add_argument(
        "--stdin-format",
        choices=("auto", "markdown", "html", "json", "text"),
        default="auto",
        help="format of standard input (default: JSON if it starts with '{', HTML if <!DOCTYPE html>, <html> or "
        "every block starts with a block tag, else Markdown)",
    )
    check.add_argument(
        "--stdin-filename",
        metavar="PATH",
        default=None,
        help="the file standard input's text is (as an editor's or a hook's buffer): results and annotations "
        "name it, the config's exclude, overrides and suppressions match it, its metadata sidecar is read, "
        "and its suffix gives the format",
    )
    check.add_argument(
        "--no-bare-urls",
        action="store_true",
        help="do not count bare https:// URLs in Markdown as links (for renderers that don't)",
    )
    check.add_argument(
        "--no-inline-suppressions",
        action="store_true",
        help="a suppression comment in a file's body does not count, only the config's (for checks of what "
        "others wrote, such as a CMS's pre-publish gate)",
    )
    check.add_argument(
        "--force-include",
        action="store_true",
        help="take named files as a folder walk takes them: the config's include, exclude and file types "
        "(the pre-commit hooks pass it); a section's _index.md named brings the pages its cascade reaches, "
        "and a config.yaml that is no site's is passed over",
    )
    check.add_argument(
        "--staged",
        action="store_true",
        help="the files are a commit's staged files (the pre-commit hooks pass it): each is checked as git's "
        "index holds it (changes not staged are not the commit's), and a page, or its metadata sidecar, that "
        "git does not track is an error, not read as if the commit held it; a staged site file whose values "
        "differ from HEAD's brings the tracked pages it reaches, their findings at HEAD held as suppressed",
    )
    check.add_argument(
        "--baseline-commit",
        metavar="REF",
        default=None,
        help="findings a file already had at this commit (a branch, a tag or a hash) are listed as suppressed "
        "and do not fail the run: only what the change since brings does (as Semgrep's --baseline-commit)",
    )
    check.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="check files in N processes (default: the CPUs this run may use, not the machine's; at most 4 a "
        "CPU, and no more than the files need)",
    )
    check.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output: auto (default) on a terminal; always or never; NO_COLOR set to a non-empty "
        "value turns it off whatever this says, FORCE_COLOR (not empty, not 0) turns it on in auto",
    )
    check.add_argument("--no-progress", action="store_true", help="never show the progress bar")
    check.add_argument("-v", "--verbose", action="store_true", help="also list passing and skipped files")
    check.add_argument(
        "--fix", action="store_true", help="insert what is missing and can be inserted (credit, link, licence, pixel)"
    )
    check.add_argument("--diff", action="store_true", help="show what --fix would change, without writing it")
    check.add_argument(
        "--statistics",
        action="store_true",
        help="after the report, count the findings by rule id, one line each (the most first, suppressed ones "
        "not counted); with --format text on standard output after the summary, with any other format (and "
        "with --diff) on standard error, so the report stays as its reader expects it",
    )
    test = commands.add_parser(
        "test",
        help="run policy fixtures: each declares the rules it must trigger",
        description="Run fixture reprints (default: tests/policies) against their policies.",
    )
    test.add_argument(
        "paths",
        nargs="*",
        default=None,  # none named: tests/policies (commands.DEFAULT_FIXTURES), told apart from it typed
        metavar="PATH",
        help="fixture folders (<policy-id>/ inside) or files (default: tests/policies)",
    )
    _config_options(test)
    test.add_argument(
        "--rules-dir", action="append", default=[], metavar="DIR", help="extra folder (or file) of policies; repeatable"
    )
    test.add_argument("-v", "--verbose", action="store_true", help="also list passing fixtures")
    policies = commands.add_parser(
        "policies",
        help="list bundled and user policies",
        description="List the policies reprint-guard knows, with publisher and source.",
    )
    _config_options(policies)
    policies.add_argument(
        "--rules-dir", action="append", default=[], metavar="DIR", help="extra folder (or file) of policies; repeatable"
    )
    policies.add_argument(
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help="a table (default), JSON for tools, or the Markdown reference of every rule (docs/policies.md)",
    )
    explain = commands.add_parser(
        "explain",
        help="explain a rule (what it requires, why, and examples), or a whole policy",
        description="Explain <policy>/<rule>, or a whole <policy>; a policy of your own by id (with --rules-dir or "
        "the config's policies) or by file (FILE, FILE/RULE).",
    )
    explain.add_argument("rule", metavar="POLICY/RULE")
    _config_options(explain)
    explain.add_argument(
        "--rules-dir", action="append", default=[], metavar="DIR", help="extra folder (or file) of policies; repeatable"
    )
    validate = commands.add_parser(
        "validate",
        help="validate policy files (schema and semantic checks)",
        description="Validate policy files: every schema error at file:line:column, then the first semantic "
        "problem (fix it and run again).",
    )
    validate.add_argument("files", nargs="+", metavar="POLICY_FILE|DIR")
    _config_options(validate)
    validate.add_argument(
        "--rules-dir", action="append", default=[], metavar="DIR", help="other policies these may extend; repeatable"
    )
    credit = commands.add_parser(
        "credit",
        help="print the attribution block a policy wants for a reprint",
        description="Print the exact credit block for a reprint's metadata.",
    )
    credit.add_argument(
        "--policy", metavar="FILE|ID", help="the policy (default: the one a check would choose for the metadata)"
    )
    credit.add_argument(
        "--meta", action="append", default=[], metavar="KEY=VALUE", help="set a metadata field; repeatable"
    )
    credit.add_argument("--from", dest="source", metavar="FILE", help="take the metadata from this reprint file")
    credit.add_argument(
        "--format",
        choices=("markdown", "html"),
        default="markdown",
        help="the credit as Markdown (default) or as HTML, for a page or a CMS's rich text",
    )
    _config_options(credit)
    credit.add_argument(
        "--rules-dir", action="append", default=[], metavar="DIR", help="extra folder (or file) of policies; repeatable"
    )
    init = commands.add_parser(
        "init",
        help="write a starter .reprint-guard.yaml for this repository",
        description="Look at the repository's content files and write a commented config.",
    )
    init.add_argument("path", nargs="?", default=".", help="the repository (default: .)")
    init.add_argument("--force", action="store_true", help="overwrite an existing config")
    init.add_argument("--stdout", action="store_true", help="print the config instead of writing it")
    return parser


def parse_meta(pairs: Sequence[str], key_map: Mapping[str, str] | None = None) -> dict[str, Any]:
    """``KEY=VALUE`` pairs; values are read as YAML scalars (true, 2024-05-01, [a, b]). A name key given
    twice (``author``, or the site's name for it in ``key_map``) names both; any other key given twice
    takes the last value."""
    from .metaview import NAME_KEYS
    from .safeyaml import load

    names = {*NAME_KEYS, *(site for site, ours in (key_map or {}).items() if ours in NAME_KEYS)}
    meta: dict[str, Any] = {}
    broken: dict[str, str] = {}  # a value written in flow syntax that is not valid YAML, read as text: why
    for pair in pairs:
        key, eq, raw = pair.partition("=")
        if not eq or not key.strip():
            raise UsageError(f"--meta expects KEY=VALUE, got {pair!r}")
        try:
            value = load(raw).data if raw.strip() else None
        except ReprintGuardError as exc:
            if raw.lstrip()[:1] in ("[", "{"):  # flow syntax, broken: said if the key takes no text
                problem = exc.message.removeprefix("invalid YAML: ").replace("starts here", "starts there")
                at = f" at character {exc.column} of the value" if exc.line == 1 and exc.column else ""
                broken[key.strip()] = f"not valid YAML{at} ({raw!r}): {problem}"
            value = raw
        key, value = key.strip(), raw if value is None and raw else value
        if key in names and meta.get(key) is not None and value is not None:  # --meta author=A --meta author=B
            earlier = meta[key] if isinstance(meta[key], list) else [meta[key]]
            value = [*earlier, *(value if isinstance(value, list) else [value])]
        meta[key] = value
    from .readers import metadata_problem

    problem = metadata_problem(meta)
    if problem is not None:
        key, where, message = problem
        # "[{from: a@b.org, scope: [print]}" (a bracket missing) is read as text, which the key does not take:
        # what is wrong is the YAML, not that the user wrote a string.
        raise UsageError(f"--meta {key}: {broken[key]}" if key in broken else f"--meta {where}: {message}")
    return meta


def _written_through(path: str) -> IO[str]:
    """A device or a named pipe opened for the report, as a shell redirect would: a pipe no one reads is an
    error at once (opening it would wait for a reader for ever)."""
    import stat

    if stat.S_ISFIFO(os.stat(path).st_mode):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as exc:
            if exc.errno == errno.ENXIO:
                raise UsageError(
                    "is a named pipe that no one reads: nothing would take the report", path=path
                ) from None
            raise
        os.set_blocking(fd, True)
        return os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape")
    return open(path, "w", encoding="utf-8", errors="surrogateescape")


class _AtomicFile:
    """Write an output file next to its destination and move it in place when done.

    Only a regular file (or a new one) is replaced so: a device, a pipe or a
    link to one (``/dev/null``, ``/dev/stdout``) is written through, as a shell
    redirect would, never replaced by a file.
    """

    def __init__(self, path: str) -> None:
        import tempfile

        self.path = path
        self.temp: str | None = None
        if not path or os.path.isdir(path):
            raise UsageError("the report needs a file name, not a folder", path=path or "''")
        if os.path.islink(path) and not os.path.exists(path):  # replaced, the link is lost; followed, a file appears
            raise UsageError("is a symbolic link to nothing: name a file of its own for the report", path=path)
        if os.path.islink(path) and os.path.isfile(path):  # a link to a report: the report goes where it leads
            path = self.path = os.path.realpath(path)
        try:
            if os.path.exists(path) and not os.path.isfile(path):  # os.path.isfile follows links
                self.handle: IO[str] = _written_through(path)
                return
            if os.path.isfile(path) and os.path.getsize(path) and not _is_our_report(path):
                raise UsageError(
                    "is a file reprint-guard did not write (an article, a sidecar, the config or a policy?): it is "
                    "not overwritten by a report; remove it, or write the report elsewhere",
                    path=path,
                )
            folder = os.path.dirname(os.path.abspath(path))
            os.makedirs(folder, exist_ok=True)
            fd, self.temp = tempfile.mkstemp(dir=folder, prefix=".reprint-guard-", suffix=".tmp")
        except OSError as exc:
            raise UsageError(f"cannot write output: {exc.strerror or exc}", path=path) from None
        # A file name that is not UTF-8 (its bytes kept as surrogates) is written back as those bytes.
        self.handle = os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape")

    def commit(self) -> None:
        self.handle.close()
        if self.temp is None:  # written through
            return
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.temp, 0o666 & ~umask)  # as a plain open() would create it, not mkstemp's 0600
        try:
            os.replace(self.temp, self.path)
        except OSError as exc:
            self.discard()
            raise UsageError(f"cannot write output: {exc.strerror or exc}", path=self.path) from None

    def discard(self) -> None:
        with contextlib.suppress(OSError):  # its last bytes could not be written (a full disk): removed all the same
            self.handle.close()
        if self.temp is not None and os.path.exists(self.temp):
            os.unlink(self.temp)


def _sarif_root() -> Path:
    """SARIF paths start at the repository's root, wherever the run starts and the config lies."""
    from .output.sarif import repository_root

    return repository_root()


def _formatter(name: str, stream: IO[str], options: argparse.Namespace, settings: Any, color: bool) -> Any:
    from .output import make_formatter

    rule_info = None
    if name == "sarif":
        from .engine import rule_info as describe
        from .policy.loader import policy_set
        from .runner import named_policies

        policies = policy_set(settings.rules_dirs)
        named = named_policies(settings)

        def rule_info(rule: str) -> dict[str, str] | None:
            return describe(rule, policies, named)

    return make_formatter(
        name,
        stream,
        color=color,
        fail_on=settings.fail_on,
        verbose=options.verbose,
        root=_sarif_root() if name == "sarif" else None,
        rule_info=rule_info,
    )


def _say(error: ReprintGuardError) -> None:
    """The one line a stopped run prints; a config found by looking up named from here, as its warnings are, and
    so is another file the message names at a place ("(/abs/policies/loop-b.yaml:6:1)": where a loop closes)."""
    if error.path:
        error.path = from_here(error.path)
    if "(" in error.message and os.sep in error.message:
        error.message = _PLACE_NAMED.sub(_place_from_here, error.message)
    sys.stderr.write(f"reprint-guard: {error}\n")


#: Another file named at a place in a message, in parentheses: ``(/home/me/policies/loop-b.yaml:6:1)``.
_PLACE_NAMED = re.compile(r"\(([^()]+?):(\d+(?::\d+)?)\)")


def _place_from_here(found: re.Match[str]) -> str:
    path = found.group(1)
    if not os.path.isabs(path) or not os.path.isfile(path):  # a file only: not a quoted pattern or a value
        return found.group(0)
    return f"({from_here(path)}:{found.group(2)})"


def _failed_reports(options: argparse.Namespace, error: ReprintGuardError) -> None:
    """The SARIF log and JSON report of a run a broken config or policy stopped (``error``), so that an upload
    step or a dashboard after the check finds why nothing was checked, not nothing: in ``--sarif FILE`` and
    ``--json FILE``, and on standard output for ``--format sarif|json`` (not with ``--diff``, whose standard
    output is the patch's: that clash is the error). SARIF: no results, the error as a notification; JSON:
    one result, the file at fault, that could not be used."""
    from .report import Result, Summary

    def sarif(stream: IO[str]) -> None:
        from .output.sarif import failed_run

        failed_run(stream, error, root=_sarif_root())

    def json_report(stream: IO[str]) -> None:
        from .output.json import JsonFormatter

        result = Result(
            path=error.path or "<run>",
            status="error",
            error=str(error),
            error_line=error.line,
            error_column=error.column,
        )
        summary = Summary()
        summary.add(result)
        formatter = JsonFormatter(stream, fail_on=options.fail_on or "error")
        formatter.result(result)
        formatter.close(summary)

    for name, kind, write, target in (
        ("sarif", "SARIF log", sarif, options.sarif),
        ("json", "JSON report", json_report, options.json),
    ):
        try:
            if target and target != "-":  # "-" is refused as a report's destination: no file of that name
                with signals_held():
                    handle = _AtomicFile(target)
                    try:
                        write(handle.handle)
                        handle.commit()
                    except BaseException:
                        handle.discard()
                        raise
        except (ReprintGuardError, OSError) as problem:
            sys.stderr.write(f"reprint-guard: cannot write the {kind}: {problem}\n")
        if options.format == name and not options.diff:
            try:
                write(sys.stdout)
            except (ReprintGuardError, OSError) as problem:
                sys.stderr.write(f"reprint-guard: cannot write the {kind}: {problem}\n")


def _leave_reports_out(options: argparse.Namespace, items: list[Any]) -> list[Any]:
    """``items`` without the report files (--json, --sarif, --markdown): a report of ours found while
    walking a folder (the last run's) is passed over; any other file found or named, an article above
    all, is refused as a report's destination."""
    targets = {
        os.path.realpath(target): flag
        for flag, target in (("--json", options.json), ("--sarif", options.sarif), ("--markdown", options.markdown))
        if target
    }
    if not targets:
        return items
    kept = []
    for item in items:
        path, walked = item[0], item[1]
        flag = targets.get(os.path.realpath(path)) if path != "-" else None
        if flag is None:
            kept.append(item)
        elif not walked or not _is_our_report(path):
            raise UsageError(f"{flag} would overwrite a file being checked; write the report elsewhere", path=path)
    return kept


def _is_our_report(path: str) -> bool:
    """Whether a file found by walking is a report reprint-guard wrote (the last run's), not an article:
    only such a file may be replaced; a site's own page, reprint or not, never is."""
    import json

    try:
        with open(path, "rb") as handle:
            data = handle.read(_REPORT_LIMIT + 1)
    except OSError:
        return False
    if data.startswith(b"### "):  # our Markdown summary's exact first line
        from .output.markdown import HEADER_MARKS

        first = data.split(b"\n", 1)[0].decode("utf-8", "replace")
        return any(
            first == f"### {mark} reprint-guard" or first.startswith(f"### {mark} reprint-guard: ")
            for mark in HEADER_MARKS
        )
    if len(data) > _REPORT_LIMIT or not data.startswith(b"{"):
        return False
    try:
        report = json.loads(data)
    except ValueError:
        return False
    if not isinstance(report, dict):
        return False
    if isinstance(report.get("tool"), dict) and report["tool"].get("name") == "reprint-guard":  # --json
        return True
    runs = report.get("runs")  # --sarif: every run's driver is ours
    return isinstance(runs, list) and bool(runs) and all(_driver(run) == "reprint-guard" for run in runs)


def _driver(run: object) -> object:
    """The name of a SARIF run's tool driver, or None."""
    tool = run.get("tool") if isinstance(run, dict) else None
    driver = tool.get("driver") if isinstance(tool, dict) else None
    return driver.get("name") if isinstance(driver, dict) else None


#: Reports larger than this are not read to tell whose they are (refused as destinations instead).
_REPORT_LIMIT = 64 * 1024 * 1024


def _check_names(options: argparse.Namespace) -> None:
    """Options that name nothing, or standard output, where a file is wanted: an empty --policy was passed over
    and an empty --rules-dir read the working folder; --json - wrote a file named "-"."""
    if options.policy == "":
        raise UsageError("--policy needs a policy id or a policy file, not an empty name")
    if options.policy and os.path.isdir(options.policy):  # else read as an id: "unknown policy"
        raise UsageError(
            "a folder, not a policy file: name a file, or give the folder with --rules-dir", path=options.policy
        )
    if "" in options.rules_dir:
        raise UsageError("--rules-dir needs a folder or a file of policies, not an empty name")
    for flag in ("json", "sarif", "markdown"):
        if getattr(options, flag) == "-":
            raise UsageError(
                f"--{flag} names a file to write the report to, not standard output: --format {flag} writes it to "
                "standard output"
            )


def _git_place(paths: Sequence[str]) -> str:
    """Where git is asked about the files: the folder of the first path there is (the working folder may be
    outside the repository the files are in)."""
    for path in paths:
        if path != "-" and os.path.exists(path):
            return path if os.path.isdir(path) else os.path.dirname(path) or "."
    return "."


def run_check(options: argparse.Namespace) -> int:
    from .config.loader import load_config
    from .output import use_color
    from .output.progress import Progress, wanted
    from .runner import Settings, discover, run

    stdout = sys.stdout
    paths: list[str] = list(options.paths)
    reached: list[str] = []  # pages a site file named brings (their findings at HEAD held, with --staged)
    held: dict[str, Any] | None = None
    try:
        if options.jobs is not None and options.jobs < 1:
            raise UsageError("--jobs must be at least 1")
        if options.diff and options.format in ("json", "sarif"):
            raise UsageError(
                f"--diff writes a patch to standard output, where --format {options.format} writes its report: "
                f"use --{options.format} FILE for the report"
            )
        _check_names(options)
        if (options.fix or options.diff) and "-" in options.paths:  # before any file named with it is fixed
            flag = "--diff" if options.diff else "--fix"
            raise UsageError(f"{flag} needs files, not standard input: name the article's file instead of '-'")
        loaded = load_config(options.config, search=not options.no_config)
        cli: dict[str, Any] = {
            "meta": parse_meta(options.meta, loaded.config.front_matter if loaded.config else None),
            "rules_dirs": tuple(options.rules_dir),
            "stdin_format": options.stdin_format,
        }
        if options.stdin_filename is not None:
            if "-" not in options.paths:
                raise UsageError("--stdin-filename names standard input's file: check '-' with it")
            cli["stdin_name"] = options.stdin_filename
        if options.policy:
            cli["policy"] = str(Path(options.policy).resolve()) if os.path.isfile(options.policy) else options.policy
        if options.fail_on:
            cli["fail_on"] = options.fail_on
        if options.no_bare_urls:
            cli["bare_urls"] = False
        if options.force_include:
            cli["force_include"] = True
        if options.staged:
            folders = [p for p in options.paths if p != "-" and os.path.isdir(p) and not os.path.islink(p)]
            if folders:  # a walk reads the working tree, not git's index: the commit's files are named one by one
                raise UsageError(
                    f"--staged checks a commit's staged files, named one by one (as pre-commit passes them), not a "
                    f"folder ({folders[0]!r}): name them, e.g. $(git diff --cached --name-only)"
                )
            cli["staged"] = True
        if options.no_inline_suppressions:
            cli["inline_suppressions"] = False
        settings = Settings.from_config(loaded, **cli)
        if options.baseline_commit is not None:
            if options.fix or options.diff:
                raise UsageError(
                    "--baseline-commit leaves out the findings a file already had, --fix and --diff insert what "
                    "every finding needs: run them apart"
                )
            from .baseline import resolve

            where = _git_place(options.paths)
            settings.baseline = resolve(options.baseline_commit, staged=settings.staged, where=where)
            if settings.baseline.commit:
                from .baseline import rules_differ

                told = options.config or options.no_config  # which config to take, or none: no discovery
                looked_from = None if told else os.getcwd()
                if rules_differ(settings.baseline, settings, loaded.path, looked_from):
                    settings.baseline = settings.baseline.replace(rules=True)
        from .config.site import is_site_file_name

        if any(path != "-" and is_site_file_name(path) for path in options.paths):
            # A site file named (a hook's staged hugo.toml, _config.yml or _index.md) stands for its pages.
            from .reached import expand_named

            paths, reached, held = expand_named(options.paths, settings, loaded.path, options)
        from .policy.loader import load_policy, policy_set

        known = policy_set(settings.rules_dirs)  # a broken policy stops the run before any file
        from .errors import one_line
        from .runner import config_warnings, policy_warnings

        walks = not settings.force_include and any(os.path.isdir(path) for path in options.paths)
        said = config_warnings(loaded, settings, known, walks=walks)
        for warning in [*said, *policy_warnings(known, settings)]:
            if warning.path:  # a config found by looking up: named from here
                warning = warning.replace(path=from_here(warning.path))
            sys.stderr.write(f"reprint-guard: warning: {one_line(str(warning))}\n")
        # Policies named outside the files (config, --policy, a `policy` key in --meta or in the config's
        # metadata) are loaded now: one that is unknown is the config's or the option's fault, not each file's.
        from_meta = [cli["meta"].get("policy"), settings.defaults.get("policy")]
        from_meta += [o.metadata.get("policy") for o in settings.overrides]
        named = {settings.policy, *(o.policy for o in settings.overrides), *from_meta} - {None}
        for spec in named:
            try:
                load_policy(str(spec), extra=settings.rules_dirs)
            except PolicyError as exc:
                by_option = spec in (cli.get("policy"), cli["meta"].get("policy"))
                if exc.path is not None and (by_option or os.path.isfile(exc.path)):
                    raise  # a policy file, at fault itself, or one an option names that is not there
                if spec == cli.get("policy"):
                    raise UsageError(f"--policy: {exc.message}") from None
                if spec == cli["meta"].get("policy"):
                    raise UsageError(f"--meta policy: {exc.message}") from None
                # An unknown id, or a file of the config's that is not there (or is a folder): the config's slip
                written = _as_written(spec, settings, loaded)
                line, column = loaded.mention(written)  # in the config
                message = exc.message if exc.path is None else f"{exc.message}: {written}"
                raise PolicyError(
                    message, path=str(loaded.path) if loaded.path else None, line=line, column=column
                ) from None
    except ReprintGuardError as exc:
        _say(exc)
        _failed_reports(options, exc)
        return ExitCode.ERROR
    items = _leave_reports_out(options, list(discover(paths, settings)))
    left_out = None
    if settings.baseline is not None and settings.baseline.commit:
        # a reprint at the commit that the config's include/exclude leave out now: told, so a suppression of it
        # matches a file the run reports
        from .baseline import left_out_since

        left_out = left_out_since(paths, items, settings, loaded.path)
    if loaded.config is not None and (settings.suppressions or settings.overrides):
        from .errors import one_line
        from .runner import globs_matching_nothing

        for warning in globs_matching_nothing(loaded, settings, options.paths, items, left_out or ()):
            if warning.path:
                warning = warning.replace(path=from_here(warning.path))
            sys.stderr.write(f"reprint-guard: warning: {one_line(str(warning))}\n")
    if (options.verbose or not items) and not settings.force_include:  # a file named, passed over: say why
        # (not for a hook's files, which are taken as a walk takes them: a commit's drafts are left out unsaid)
        from .runner import excluded_by

        for path in options.paths:
            pattern = excluded_by(path, settings)
            if pattern is not None:
                named = (settings.stdin_name or path) if path == "-" else path  # --stdin-filename's file
                said = f"{one_line(named)}: not checked: the config's exclude {pattern!r} matches it"
                sys.stderr.write(f"reprint-guard: {said}\n")
    if not items:
        # the files the globs leave out since the commit are still asked of it: one told is no contradiction
        since = (
            f"; of those they leave out, any checked as a reprint at {settings.baseline.named} is reported"
            if left_out and settings.baseline is not None
            else ""
        )
        sys.stderr.write(
            "reprint-guard: no files to check (none of the paths holds an article, Markdown (.md, .markdown, "
            ".mdown, .mkdown, .mkdn, .mkd), HTML (.html, .htm) or a JSON envelope (.json), that the config's "
            f"include/exclude and .gitignore let through{since})\n"
        )
    context: dict[str, str] = {}  # pages whose sidecar or site files changed since --baseline-commit
    held_there: dict[str, Any] | None = None
    if settings.baseline is not None and items:
        from .baseline import context_changed

        # The pages a named site file brings are held to HEAD when it is staged (--staged: ``held``); else they are
        # compared with the commit as any page is.
        skip = {os.path.normpath(page) for page in reached} if held is not None else set()
        context = context_changed(
            (p for p, _, _ in items if os.path.normpath(p) not in skip), settings.baseline, settings, loaded.path
        )
        if context:
            from .reached import held_at

            baseline = settings.baseline
            what = "the pages whose metadata sidecar or site files changed since"
            held_there = held_at(
                baseline.commit,
                list(context),
                baseline.top,
                settings,
                options,
                loaded.path,
                what=what,
                at=context,
                named=baseline.named,
            )
    if options.diff and not options.fix:
        options.fix = True
    fixes_failed = False  # a file --fix could not read or write (said): the others are still reported
    if options.fix:
        from .commands import apply_fixes

        fixes_failed = not apply_fixes(items, settings, write=not options.diff)
    from .runner import usable_cpus

    jobs = options.jobs or usable_cpus()  # more than MAX_JOBS_PER_CPU a CPU, or than batches of files: capped
    # With --diff, standard output carries the patch alone (``--diff > fix.patch``): the report goes to stderr.
    report = sys.stderr if options.diff else stdout
    progress = Progress(len(items)) if not options.no_progress and wanted(sys.stderr, len(items)) else None
    colour = use_color(report, options.color)
    shown = progress.sharing(report) if progress else report  # a report on the bar's terminal clears it first
    closed = False  # a stream's reader went away (``| head``): the report files are still written
    outputs: list[tuple[Any, _AtomicFile | None]] = []
    try:  # a JSON report starts at once: its reader may be gone already
        outputs.append((_formatter(options.format, shown, options, settings, colour), None))
    except BrokenPipeError:
        closed = True
    if options.statistics:  # after the report on its stream; else apart from a machine's report (JSON, SARIF)
        from .output.text import RuleCounts

        beside = options.format == "text" or report is sys.stderr
        outputs.append((RuleCounts(shown if beside else sys.stderr, apart=beside), None))
    files: list[_AtomicFile] = []  # the reports' temporary files, each noted as soon as it is made
    summary = Summary()
    try:
        for name, target in (("json", options.json), ("sarif", options.sarif), ("markdown", options.markdown)):
            if target is not None:
                with signals_held():  # a signal now would leave the file made but not noted
                    files.append(_AtomicFile(target))
                outputs.append((_formatter(name, files[-1].handle, options, settings, False), files[-1]))
        holders = []
        if reached or context:
            from .reached import holder

            if reached:
                holders.append(holder(reached, held, settings, "HEAD"))
            if context and settings.baseline is not None:
                baseline = settings.baseline
                holders.append(holder(context, held_there, settings, baseline.named, baseline.reason))
        ask_base = _base_asker(settings, options, loaded.path)
        for result in run(items, settings, jobs, ask_base, left_out if ask_base is not None else None):
            for hold_to in holders:
                result = hold_to(result)
            summary.add(result)
            closed |= _to_each(outputs, lambda formatter: formatter.result(result))  # noqa: B023 - called at once
            if progress:
                progress.advance()
        if progress:
            progress.close()
            progress = None
        closed |= _to_each(outputs, lambda formatter: formatter.close(summary))
        for _, handle in outputs:
            if handle:
                handle.commit()
        try:
            report.flush()
        except BrokenPipeError:
            closed = True
    except BaseException:  # a disk full, a signal, a report refused: none half written, no temporary file left
        for handle in files:
            handle.discard()
        raise
    finally:
        if progress:
            progress.close()
    if closed:  # as the command line's entry answers it: silent, 141, the files written all the same
        raise BrokenPipeError
    return ExitCode.ERROR if fixes_failed else exit_code_for(summary, settings.fail_on)


def _base_asker(settings: Any, options: Any, config: Any) -> Callable[..., Any] | None:
    """:func:`reprint_guard.reached.base_asker` for ``--baseline-commit``, as the pages a site file brings are held
    to it (:func:`reprint_guard.reached.held_at`)."""
    from .reached import _warn, base_asker, check_options

    baseline = settings.baseline
    if baseline is None or not baseline.commit:
        return None
    told = getattr(options, "config", None) or getattr(options, "no_config", False)
    looked_from = None if told else os.getcwd()
    return base_asker(settings, baseline.top, lambda: check_options(settings, options), config, _warn, looked_from)


def _to_each(outputs: list[tuple[Any, Any]], call: Callable[[Any], object]) -> bool:
    """``call`` on each output's formatter; one writing to a stream whose reader went away (a closed pipe) is
    dropped, and True returned, so the report files (``--json``, ``--sarif``) are still written whole."""
    went = False
    for output in list(outputs):
        try:
            call(output[0])
        except BrokenPipeError:
            if output[1] is not None:  # a report file's own: not a pipe
                raise
            outputs.remove(output)
            went = True
    return went


def _as_written(spec: Any, settings: Any, loaded: Any) -> str:
    """A policy the config names, as the config writes it (a file's path is made absolute for the run)."""
    config = loaded.config
    if config is not None:
        if spec == settings.policy and config.policy:
            return str(config.policy)
        for used, written in zip(settings.overrides, config.overrides, strict=False):
            if spec == used.policy and written.policy:
                return str(written.policy)
    return str(spec)


def _silence_stdout() -> None:
    """Drop what standard output still buffers, so that the flush at exit fails no second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    # SIGTERM unwinds as Ctrl-C does: no temporary file left beside a file.
    return stopped_as_a_shell_tells(lambda: _main(argv))


def _main(argv: Sequence[str] | None) -> int:
    if sys.stdout is None or sys.stderr is None:  # started with a standard stream closed (``>&-``)
        sys.stdout = sys.stdout or open(os.devnull, "w")  # noqa: SIM115 - for the process's life
        if sys.stderr is None:
            sys.stderr = open(os.devnull, "w")  # noqa: SIM115
        else:
            sys.stderr.write("reprint-guard: standard output is closed; nothing can be reported\n")
            return ExitCode.ERROR
    parser = _parser()
    options = parser.parse_args(argv)
    form = getattr(options, "format", None)
    encode_safely(sys.stdout, sys.stderr, machine=form in ("json", "sarif"), workflow=form == "github")
    if options.command is None:
        parser.print_help()
        return ExitCode.ERROR
    try:
        from . import commands

        handlers = {
            "init": commands.run_init,
            "test": commands.run_test,
            "check": run_check,
            "policies": commands.run_policies,
            "explain": commands.run_explain,
            "validate": commands.run_validate,
            "credit": commands.run_credit,
        }
        return int(handlers[options.command](options))
    except ReprintGuardError as exc:
        _say(exc)
        return ExitCode.ERROR
    except BrokenPipeError:
        # The reader went away (``| head``): silence the flush at exit, and exit as a program SIGPIPE stopped
        # does (128 + 13, as git's), not 2: nothing was wrong with the input.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return OUTPUT_CLOSED
    except OSError as exc:
        if exc.filename is not None:  # a file or folder the run could not look into (a folder it may not enter)
            name = one_line(os.fsdecode(exc.filename))
            sys.stderr.write(f"reprint-guard: {name}: {exc.strerror or exc}\n")
            return ExitCode.ERROR
        # A report or standard output that cannot be written (a full disk).
        sys.stderr.write(f"reprint-guard: cannot write output: {exc.strerror or exc}\n")
        _silence_stdout()
        return ExitCode.ERROR
    except RecursionError:  # input nested thousands deep, where no step of a command expected it
        sys.stderr.write("reprint-guard: input nested too deeply to check\n")
        return ExitCode.ERROR
    except Exception as exc:  # a bug of ours: one line that says so, not a traceback (exit 2, as for bad input)
        sys.stderr.write(f"reprint-guard: internal error ({type(exc).__name__}: {exc}); please report it\n")
        return ExitCode.ERROR
