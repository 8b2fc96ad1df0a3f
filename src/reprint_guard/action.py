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
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from .gitrun import run_git
from .output import CONFIG_FAILS, fails_on_the_config
from .output.github import LEVELS, annotation, command, workspace
from .output.github import workspace_path as _workspace_path
from .output.markdown import MarkdownFormatter, code, size
from .output.sarif import SarifFormatter
from .output.text import plural
from .report import CONFIG_RESULT_POLICY, ExitCode, FailOn, Finding, Result, Severity, Summary, exit_code_for

if TYPE_CHECKING:
    from .runner import Settings

#: The levels the ``fail-on`` input takes, as ``--fail-on`` does.
FAIL_ON = get_args(FailOn)
#: GitHub shows at most this many annotations of each level per step.
ANNOTATION_LIMIT = 10
#: How the ``changed-only`` input says yes and no (a composite action's inputs are strings).
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")
#: The most the job summary takes, in UTF-8 bytes: GitHub drops a step's summary over 1 MiB whole, so a
#: larger one is cut short at a table row, a little under that.
SUMMARY_LIMIT = 1_000_000


def _input(name: str, default: str = "") -> str:
    return os.environ.get(f"INPUT_{name.upper().replace('-', '_')}", default).strip()


def _git(*args: str, where: str = ".") -> str:
    """git's output, run in the repository holding ``where``; bytes that are not UTF-8 (a file name in
    another encoding) kept as the OS keeps them."""
    run = run_git("-C", where, *args)
    if not run.ok:
        said = [run.error] if run.error else run.said()
        said.sort(key=lambda line: not line.startswith(("fatal:", "error:")))  # the reason before hints
        command_name = next((arg for arg in args if not arg.startswith("-") and "=" not in arg), "")
        raise RuntimeError(f"git {command_name} failed: {said[0].strip() if said else run.returncode}")
    return run.stdout.decode("utf-8", "surrogateescape")


#: What an event naming a pull request without its commits is told to do, by what needs them.
_NO_COMMITS_ADVICE = "set changed-only: false to check every file"


def pull_request_range(advice: str = _NO_COMMITS_ADVICE) -> tuple[str, str] | None:
    """Base and head commits of the pull request in the event payload, if any (``advice``: what the error
    for a pull request naming none says to do)."""
    from .errors import UsageError

    event_path = os.environ.get("GITHUB_EVENT_PATH")
    if not event_path or not os.path.isfile(event_path):
        if os.environ.get("GITHUB_EVENT_NAME", "").startswith("pull_request"):
            # Said, not passed over: checking every file instead of the changed ones would pass unnoticed.
            raise UsageError(
                "the event is a pull request, but its payload (GITHUB_EVENT_PATH) is not there to read the base "
                "and head commits from",
                path=event_path or None,
            )
        return None
    event = _event_payload(event_path)
    pull = event.get("pull_request") if isinstance(event, dict) else None
    if not isinstance(pull, dict):
        return None
    base, head = pull.get("base"), pull.get("head")
    base = base.get("sha") if isinstance(base, dict) else None
    head = head.get("sha") if isinstance(head, dict) else None
    if isinstance(base, str) and isinstance(head, str) and base and head:
        return base, head
    # Said, as a missing payload is: every file checked instead of the changed ones would pass unnoticed.
    raise UsageError(
        "the event's pull request names no base and head commits (pull_request.base.sha, .head.sha) to find "
        f"the changed files by; {advice}",
        path=event_path,
    )


def _event_payload(event_path: str) -> object:
    """The event payload GitHub writes as JSON; what else stands there (a broken runner, a hand-made test
    event) is one error in words, at its line and column when the JSON is broken."""
    from .errors import UsageError

    said = "cannot read the event payload (GITHUB_EVENT_PATH)"
    try:
        with open(event_path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise UsageError(f"{said}: {exc.strerror or exc}", path=event_path) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise UsageError(
            f"{said}: it is not UTF-8 text (byte 0x{data[exc.start]:02x} at line {line})", path=event_path
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(
            f"{said}: it is not JSON ({exc.msg.lower()})", path=event_path, line=exc.lineno, column=exc.colno
        ) from None
    except RecursionError:
        raise UsageError(f"{said}: its JSON is nested too deeply to read", path=event_path) from None


#: The title of an annotation about one of the workflow's inputs (``with:``), which no file holds.
_WORKFLOW_INPUT = "reprint-guard workflow input"


def _default_sarif() -> str:
    """Where the SARIF log goes when the workflow names no file: the runner's temporary folder, out of the
    checkout (a site generator would publish a file left at its root, and ``git add -A`` commit it); the
    workspace when run outside GitHub's runner."""
    temporary = os.environ.get("RUNNER_TEMP")
    return (
        os.path.join(temporary, "reprint-guard.sarif")
        if temporary and os.path.isdir(temporary)
        else "reprint-guard.sarif"
    )


def _sarif_problem(sarif_path: str) -> str | None:
    """Why the ``sarif`` input cannot be written, or None: it must name a file that is absent or a SARIF log
    of ours (the last run's), never an article or a folder, which writing it would replace."""
    from .cli import _is_our_report

    if "\n" in sarif_path or "\r" in sarif_path:  # written to GITHUB_OUTPUT, it would set outputs of its own
        return f"sarif: {sarif_path!r} holds a line break: name a file on one line"
    target = Path(sarif_path)
    if target.is_symlink():  # written through, it would land wherever it points, outside the workspace too
        return f"sarif: {sarif_path!r} is a symbolic link: name a file of its own"
    real = os.path.realpath(sarif_path)
    # The workspace, or the runner's temporary folder (${{ runner.temp }}), which no article lives in.
    allowed = [os.path.realpath(".")] + [os.path.realpath(t) for t in [os.environ.get("RUNNER_TEMP")] if t]
    if not any(real.startswith(folder.rstrip(os.sep) + os.sep) for folder in allowed):  # a linked folder on the way
        return (
            f"sarif: {sarif_path!r} leads out of the workspace ({real}): name a file inside it, or in the "
            "runner's temporary folder (${{ runner.temp }})"
        )
    if target.is_dir():
        return f"sarif: {sarif_path!r} is a folder: name a file in it"
    if not target.exists():
        return None
    emptied = target.suffix.lower() == ".sarif" and target.stat().st_size == 0  # a killed run's log
    if not (emptied or _is_our_report(sarif_path)):
        return f"sarif: {sarif_path!r} is a file that is no reprint-guard SARIF log; writing it would replace it"
    return None


def _diff_advice(where: str, commits: tuple[str, ...] = ()) -> str:
    """What to do when git cannot diff the pull request: check out the repository at all, or deeper; or, the
    clone whole and holding ``commits`` (the base and the head), nothing a checkout can do: they share no commit."""
    asked = run_git("-C", where, "rev-parse", "--is-inside-work-tree")
    if asked.error is not None:  # none installed, or one that hangs: no checkout to blame
        if asked.error.startswith("git took longer"):
            return "git does not answer: see what holds it (a lock left by another git, a slow disk)"
        return "git could not be run: install git on the runner"
    if any("dubious ownership" in line for line in asked.said()):  # a container job: another user's checkout
        return f"git refuses a checkout owned by another user: git config --global --add safe.directory {where}"
    if not asked.ok or asked.stdout.strip() != b"true":
        return f"{where!r} is in no git checkout: run actions/checkout first, and name paths inside the checkout"
    shallow = run_git("-C", where, "rev-parse", "--is-shallow-repository")
    held = bool(commits) and all(
        re.fullmatch(r"[0-9a-fA-F]{4,64}", sha) and run_git("-C", where, "cat-file", "-e", f"{sha}^{{commit}}").ok
        for sha in commits
    )
    if held and shallow.ok and shallow.stdout.strip() == b"false":  # both fetched, and all history: deeper won't help
        return (
            "the base and the head share no commit (an orphan base, unrelated histories): base the pull request on "
            'its base branch, or check every file with changed-only: "false" and new-findings-only off'
        )
    return "check out with fetch-depth: 0 (a shallow clone lacks the base commit)"


def _nothing_checked(message: str, title: str = "reprint-guard") -> int:
    """Stop the step before anything was written: an error annotation, the summary and the outputs say why."""
    from .output.markdown import cell

    print(command("error", message, title=title))
    _write_summary(f"### ✖ reprint-guard: nothing checked\n\n{cell(message)}\n")  # text: it quotes input
    _write_outputs(None)
    return ExitCode.ERROR


def _refused_sarif(message: str, refused: str) -> int:
    """Stop the step for a ``sarif`` input it may not write: the log of the stopped run goes where the input
    would have put it by default (the runner's temporary folder), so that an upload step running ``if:
    always()`` finds a file saying why, not an empty ``sarif`` output; nowhere when that place is refused too."""
    fallback = _default_sarif()
    if fallback == refused or _sarif_problem(fallback) is not None:
        return _nothing_checked(message, _WORKFLOW_INPUT)
    print(command("error", message, title=_WORKFLOW_INPUT))
    from .errors import UsageError

    note = f"{message} (this log of the stopped run is written to {fallback} instead)"
    _stopped(fallback, UsageError(note))
    return ExitCode.ERROR


def changed_files(base: str, head: str, where: str = ".") -> dict[str, set[int]]:
    """Files added, modified, renamed or changed in type (a link made a file) between base and head, with
    their added line numbers, named relative to the working folder (git names them from the repository's
    top, which a checkout into a subfolder of the workspace puts elsewhere). A sidecar deleted or renamed
    away is there too, with no lines: its article lost the metadata it gave; and so is the sidecar an
    article deleted or renamed away left behind: its article may be under a new name, unchecked (the
    sidecar is refused as an orphan).

    The names come from a NUL-separated list, exactly as written: in a patch git
    quotes a name with a non-ASCII letter, a quote or a tab in it, and such a
    name would otherwise match no file (a ``café.md`` would go unchecked).
    """
    from unidiff import PatchSet

    from .readers import SIDECAR_SUFFIXES, sidecar_names

    # --no-relative: names from the repository's top, whatever the runner's diff.relative says (git runs in
    # the paths' folder, where that setting would cut the list to it and name files from there).
    selection = ("--no-ext-diff", "--no-relative", "--diff-filter=AMRT", "-M", f"{base}...{head}")
    names = [name for name in _git("diff", "--name-only", "-z", *selection, where=where).split("\0") if name]
    gone = _removed(base, head, where)
    names += [name for name in gone if name.lower().endswith(SIDECAR_SUFFIXES)]
    left = [side for name in gone if not name.lower().endswith(SIDECAR_SUFFIXES) for side in sidecar_names(name)]
    # The prefixes spelt out (a user's diff.noprefix or diff.mnemonicPrefix would change them), and made of
    # "://", which no path in git holds: "diff --git a/plan b/x.md b/plan b/x.md" cannot be split where the
    # name holds " b/", "diff --git a://plan b/x.md b://plan b/x.md" only one way.
    prefixes = ("--src-prefix=a://", "--dst-prefix=b://")
    diff = _git("-c", "core.quotePath=false", "diff", "--no-color", "-U0", *prefixes, *selection, where=where)
    added: dict[str, set[int]] = {}
    for patched in PatchSet(diff):
        target = _unquoted(patched.target_file or "")
        if target.startswith("b://"):
            lines = {line.target_line_no for hunk in patched for line in hunk if line.is_added and line.target_line_no}
            added[target[len("b://") :]] = lines
    found = dict(zip(_from_here(names, where), (added.get(name, set()) for name in names), strict=True))
    for side in _from_here(left, where):
        if os.path.isfile(side):
            found.setdefault(side, set())
    # A link git tracks (a sidecar, a page, a site file; a config folder) to a changed or deleted file: its
    # target's change is its own, though its name is in no diff; its lines are its target's.
    from .reached import linked_names

    for link, name in linked_names([*found, *_from_here(gone, where)], where).items():
        found.setdefault(link, set(found.get(name, ())))
    return found


def removed_files(base: str, head: str, where: str = ".") -> list[str]:
    """Files deleted or renamed away between base and head (a renamed file's old name), named relative to
    the working folder as :func:`changed_files` names them: a config or a policy of the project's own that
    is gone changes the rules as an edit does."""
    return _from_here(_removed(base, head, where), where)


def _removed(base: str, head: str, where: str) -> list[str]:
    """The names, from the repository's top, that base has and head no longer has: deleted, or the old name
    of a rename (from a NUL-separated list: "D", name; "R100", old name, new name)."""
    listed = _git(
        "diff",
        "--name-status",
        "-z",
        "--no-ext-diff",
        "--no-relative",
        "-M",
        "--diff-filter=DR",
        f"{base}...{head}",
        where=where,
    )
    fields = listed.split("\0")
    names, index = [], 0
    while index < len(fields) and fields[index]:
        status = fields[index]
        names.append(fields[index + 1])
        index += 3 if status.startswith(("R", "C")) else 2
    return names


def _from_here(names: list[str], where: str) -> list[str]:
    """Names from the repository's top, made relative to the working folder."""
    top = os.path.realpath(_git("rev-parse", "--show-toplevel", where=where).rstrip("\n"))
    here = os.path.realpath(os.getcwd())
    if top == here:
        return names
    return [os.path.relpath(os.path.join(top, name), here).replace(os.sep, "/") for name in names]


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


def _as_in_diff(path: str) -> str:
    """A checked file's path as the changed lines are keyed by it: normalised, with "/"."""
    return os.path.normpath(path).replace(os.sep, "/")


def _in_paths(path: str, roots: list[str]) -> bool:
    if not roots or roots == ["."]:
        return True
    normalized = os.path.normpath(path)
    return any(
        normalized == os.path.normpath(root) or normalized.startswith(os.path.normpath(root) + os.sep) for root in roots
    )


def _not_the_pull_request(head: str, where: str = ".") -> str | None:
    """Why the commit checked out is not the pull request's code, or None: it must hold the head (be the
    head, a merge of it, or a later commit of its branch). A ``pull_request_target`` workflow checks out the
    base branch, and a checkout's ``ref:`` may name another; checked, its files would pass in the pull
    request's place. A shallow clone may lack the head: the commit checked out must then be the head or
    name it as a parent (GitHub's merge of it), which its own object tells.

    :class:`RuntimeError` when git cannot tell (no checkout at all)."""
    proc = run_git("-C", where, "merge-base", "--is-ancestor", head, "HEAD")
    if proc.ok:
        return None
    if proc.error is not None:  # git not installed, or past its time limit: asked no further (each ask waits again)
        raise RuntimeError(f"git merge-base failed: {proc.error}")
    checked_out = _git("rev-parse", "HEAD", where=where).strip()
    advice = (
        "check out the pull request (with pull_request_target, actions/checkout's "
        "ref: ${{ github.event.pull_request.head.sha }})"
    )
    said = (
        f"the commit checked out ({checked_out[:7]}) is not the pull request's head ({head[:7]}) nor a merge of "
        "it, so its files are not the pull request's"
    )
    if proc.returncode == 1:
        return f"{said}: {advice}"
    # The head is not in the clone (a shallow one): the commit checked out tells its own parents.
    header = _git("cat-file", "commit", "HEAD", where=where).split("\n\n", 1)[0]
    parents = [line.split()[1].lower() for line in header.splitlines() if line.startswith("parent ")]
    if head.lower() in (checked_out.lower(), *parents):
        return None
    return f"{said} (the head is not in the clone to tell more): {advice}, or fetch it (fetch-depth: 0)"


def _pull_request_range_if_told() -> tuple[str, str] | None:
    """The pull request's base and head when the event's payload names them, else None: a full check
    (``changed-only: false``) needs no diff, only the head to know the checkout is the pull request's."""
    from .errors import UsageError

    try:
        return pull_request_range()
    except UsageError:
        return None


def _as_checked_out(base: str, head: str, where: str = ".") -> tuple[str, str]:
    """The pull request's range in the commit checked out: GitHub checks out a merge of the head into the
    base branch as it is now, whose lines are the findings' lines; the pull request's changes are then
    what that merge adds to its first parent (the head's own lines move when the base moved on)."""
    try:
        parents = _git("rev-list", "--parents", "-n", "1", "HEAD", where=where).split()
    except RuntimeError:
        return base, head
    if len(parents) == 3 and parents[0] != head and parents[2] == head:
        return parents[1], parents[0]
    return base, head


def _first_place(roots: list[str]) -> str:
    """The folder of the first path that exists (where git and the config are looked for), else ".": a
    checkout may be a subfolder of the workspace."""
    return next((r if os.path.isdir(r) else os.path.dirname(r) or "." for r in roots if os.path.exists(r)), ".")


def sarif_root(roots: list[str]) -> Path:
    """Where the SARIF file's paths start: the root of the repository the paths are in, since code scanning
    reads a relative path from the root of the repository analysed (a checkout into a subfolder of the
    workspace, ``path: site``, is its own root: ``content/a.md``, not ``site/content/a.md``); else the
    workspace."""
    try:
        top = _git("rev-parse", "--show-toplevel", where=_first_place(roots)).strip()
    except RuntimeError:
        return workspace()
    return Path(top) if top and os.path.isdir(top) else workspace()


def _paths_input(value: str) -> list[str]:
    """The ``paths`` input: space-separated, and one per line; a whole line that names a file or folder is
    one path (``world news/``: a name may hold a space)."""
    paths: list[str] = []
    for line in value.splitlines():
        line = line.strip()
        paths += [line] if " " in line and os.path.exists(line) else line.split()
    return paths


def _rules_changed(
    changed: dict[str, set[int]],
    config: Path | None,
    rules_dirs: tuple[str, ...],
    commits: tuple[str, str],
    removed: list[str] | tuple[str, ...] = (),
    discovered_from: Path | None = None,
    policy_files: tuple[str, ...] = (),
) -> str:
    """What of the rules every file is held to the pull request changed ("the config", "a policy"), or "".

    Deleting (or renaming away) counts as editing: a config that was discovered and is gone (so another,
    or none, applies now), a policy file gone from the config's ``policies`` folders. ``discovered_from``
    is the folder the config was looked for from (None when the ``config`` input names it).
    ``policy_files``: policy files named on their own (the config's or an override's ``policy:``, the
    ``policy`` input), which may stand outside those folders.
    """
    paths = {_real(name) for name in changed}
    gone = {_real(name) for name in removed}
    if config is not None and Path(config).resolve() in paths and _config_differs(Path(config), commits):
        return "the config"
    if discovered_from is not None and _config_gone(paths, gone, config, discovered_from, commits[0]):
        return "the config"
    folders = [_real(folder) for folder in rules_dirs]
    files = {_real(name) for name in policy_files}
    for path in paths | gone:
        if path in files or any(path == folder or folder in path.parents for folder in folders):
            return "a policy"
    return ""


def _real(name: str | Path) -> Path:
    """``name`` absolute, its links followed, as :meth:`Path.resolve` makes it, but for a link that loops (a
    pull request may add one), which it takes as it stands where ``resolve`` raises before Python 3.13."""
    return Path(os.path.realpath(name))


def _policy_files(settings: Settings) -> tuple[str, ...]:
    """The policy files the settings name on their own, not by id (see :func:`_rules_changed`)."""
    from .policy.loader import looks_like_path

    named = [settings.policy, *(override.policy for override in settings.overrides)]
    return tuple(name for name in named if name and looks_like_path(name))


def _config_gone(paths: set[Path], gone: set[Path], config: Path | None, start: Path, base: str) -> bool:
    """Whether a config that discovery from ``start`` would have found before the one it finds now (or
    before finding none) is gone: deleted or renamed away, or, of a ``pyproject.toml``, its
    ``[tool.reprint-guard]`` table taken out."""
    from .config.loader import CONFIG_NAMES

    candidates = [folder / name for folder in (start, *start.parents) for name in (*CONFIG_NAMES, "pyproject.toml")]
    current = Path(config).resolve() if config is not None else None
    for candidate in candidates:
        if candidate == current:
            return False  # the one found now, and those after it, were not found on the base either
        if candidate.name != "pyproject.toml":
            if candidate in gone:
                return True
        elif candidate in gone or candidate in paths:  # a pyproject.toml counts only with our table in it
            try:
                text = _git("show", f"{base}:./{candidate.name}", where=str(candidate.parent))
            except RuntimeError:
                continue  # not in the base
            if "[tool.reprint-guard" in text:
                return True
    return False


def _leads_out(path: str | Path, root: Path) -> bool:
    """Whether ``path``, its links followed, lies outside ``root`` (the workspace, resolved)."""
    real = Path(os.path.realpath(path))
    return real != root and root not in real.parents


def _lexically_in(path: str, root: Path) -> bool:
    """Whether ``path``, as named (no link followed), lies in ``root`` (the workspace, resolved)."""
    named = Path(os.path.abspath(path))
    return named == root or root in named.parents


_OUT = "leads out of the workspace: a pull request could point it at the runner's files; keep it in the repository"


def _no_config_out(start: Path, root: Path) -> None:
    """Refuse a config that discovery from ``start`` would find in the workspace as a link leading out of it,
    before it is read (its errors quote it)."""
    from .config.loader import CONFIG_NAMES
    from .errors import ConfigError

    for folder in (start, *start.parents):
        if folder != root and root not in folder.parents:
            return
        for name in (*CONFIG_NAMES, "pyproject.toml"):
            candidate = folder / name
            if candidate.is_symlink() and _leads_out(candidate, root):
                raise ConfigError(f"the config {_OUT}", path=str(candidate))


def _no_policy_out(loaded: Any, settings: Settings, root: Path, *, named: bool) -> None:
    """Refuse, before any is read, a policy file or folder the config names (``policies``, ``policy``, an
    override's ``policy``), or a policy file in such a folder, that leads out of the workspace: a pull request
    may change the config and link files, and a policy's errors quote it (``'ghs_...' does not match ...``).
    ``named``: the ``policy`` input names the policy, the workflow's own choice."""
    from .errors import ConfigError
    from .policy.loader import looks_like_path, policy_files

    def refuse(what: str, keys: list[str | int]) -> None:
        try:
            line, column = loaded.locate(keys) if loaded.locate is not None else (None, None)
        except (KeyError, IndexError, TypeError, ValueError):
            line, column = None, None
        raise ConfigError(f"{what} {_OUT}", path=str(loaded.path) if loaded.path else None, line=line, column=column)

    for index, folder in enumerate(settings.rules_dirs):
        if _leads_out(folder, root):
            refuse(f"policies: {os.path.basename(folder)!r}", ["policies", index])
        if os.path.isdir(folder):
            for file in policy_files(Path(folder)):
                if _leads_out(file, root):
                    refuse(f"policies: {file.name!r} in {os.path.basename(folder)!r}", ["policies", index])
    if settings.policy and not named and looks_like_path(settings.policy) and _leads_out(settings.policy, root):
        refuse(f"policy: {os.path.basename(settings.policy)!r}", ["policy"])
    for index, override in enumerate(settings.overrides):
        if override.policy and looks_like_path(override.policy) and _leads_out(override.policy, root):
            refuse(f"an override's policy {os.path.basename(override.policy)!r}", ["overrides", index, "policy"])


def _config_differs(config: Path, commits: tuple[str, str]) -> bool:
    """Whether the config differs between the two commits: for a ``pyproject.toml``, its
    ``[tool.reprint-guard]`` table (a version bump there changes nothing of ours)."""
    if config.name != "pyproject.toml":
        return True
    import tomllib

    tables = []
    for commit in commits:
        try:
            text = _git("show", f"{commit}:./{config.name}", where=str(config.parent))
            tables.append(tomllib.loads(text).get("tool", {}).get("reprint-guard"))
        except (RuntimeError, tomllib.TOMLDecodeError, ValueError):
            return True  # added, removed or unreadable in one of them
    return tables[0] != tables[1]


def _reached(
    changed: dict[str, set[int]],
    removed: list[str],
    fork: str,
    roots: list[str],
    settings: Settings,
    items: list[Any],
    where: str,
    config: Path | None,
    also: dict[str, str] | None = None,
) -> tuple[list[str], dict[str, Any] | None]:
    """The pages a site file the pull request changed (or deleted) reaches, within ``paths`` and not changed
    themselves, and the findings each had at the base (``fork``), with those of the pages in ``also`` (checked
    pages whose sidecar or site files changed, each with its name at the base): None when the base's files could
    not be had (then none is held, and a warning says so). Nothing is read when no changed name is a site
    file's and ``also`` is empty."""
    from .config.site import is_site_file_name
    from .reached import (
        changed_site_files,
        gone_reaches,
        pages_below,
        pages_of,
        removed_config_link_files,
        site_files_below_links,
    )
    from .runner import discover

    # a site file that is a link to a changed file is among the changed ones (changed_files)
    names = [name for name in [*changed, *removed] if is_site_file_name(name)]
    # a config folder link the pull request deleted: the base's site files below it are gone with it
    names += [name for name in removed_config_link_files(removed, fork) if name not in names]
    # a folder link the pull request made or retargeted (config -> shared/b): the site files below it read otherwise
    names += [name for name in site_files_below_links(changed) if name not in names]
    site_files = changed_site_files(names, fork) if names else []
    # a site config deleted where no site is left to place it (its last config): the base's copy says which
    # (or a site file gone below a linked config/ folder, or a link to a file deleted since: git names its target,
    # changed_files the name through the link, which is in no removed list)
    gone = gone_reaches(
        [name for name in names if name not in site_files and (name in removed or not os.path.exists(name))], fork
    )
    pages: list[str] = []
    if site_files or gone:

        def walk(folder: str) -> list[str]:
            return [path for path, _, _ in discover([folder], settings)]

        skip = [*(item[0] for item in items), *(also or {})]
        found = pages_of(site_files, walk, skip)
        found += [page for page in pages_below(gone, walk, [*skip, *found]) if page not in found]
        pages = [page for page in sorted(found) if _in_paths(page, roots)]
    return pages, _held_at_base(fork, pages, also or {}, where, settings, config)


def _held_at_base(
    fork: str, pages: list[str], also: dict[str, str], where: str, settings: Settings, config: Path | None
) -> dict[str, Any] | None:
    """What ``pages`` and ``also`` (each with its name at the base) had at the base, their copies there checked in
    one copy of the base's files, with the base's sidecars, site files and config (:func:`reached.base_findings`);
    None, warned of, when the base's files could not be had."""
    from .reached import base_findings, check_options

    if not pages and not also:
        return {}

    def warn(said: str) -> None:
        print(command("warning", f"reprint-guard: {said}", title="reprint-guard"))

    looked_from = None if _input("config") else where  # where the run looked for its config (found or not)
    held = base_findings(
        fork, [*pages, *also], where, check_options(settings), config, warn, at=also, looked_from=looked_from
    )
    if held is None:
        said = (
            "reprint-guard: the pull request's base could not be checked out to tell what the pages a changed "
            "site file (or metadata sidecar) reaches already had there: all their findings count"
        )
        print(command("warning", said, title="reprint-guard"))
    return held


def _with_rules(baseline: Any, settings: Settings, where: str, config: Path | None) -> Any:
    """``baseline`` told whether the config or a policy it names is not the base's (:func:`baseline.rules_differ`):
    then whether a file skipped now as not a reprint was one at the base is asked of the base's own files."""
    from .baseline import rules_differ

    looked_from = None if _input("config") else where  # where the run looked for its config (found or not)
    return baseline.replace(rules=True) if rules_differ(baseline, settings, config, looked_from) else baseline


def _base_asker(settings: Settings, where: str, config: Path | None) -> Callable[..., Any] | None:
    """:func:`reached.base_asker` for the pull request's base, its warnings as workflow commands."""
    if settings.baseline is None or not settings.baseline.commit:
        return None
    from .reached import base_asker, check_options

    def warn(said: str) -> None:
        print(command("warning", f"reprint-guard: {said}", title="reprint-guard"))

    looked_from = None if _input("config") else where
    return base_asker(settings, where, lambda: check_options(settings), config, warn, looked_from)


def _reached_in_full_run(
    pr_range: tuple[str, str], roots: list[str], settings: Settings, where: str, loaded: Any, also: dict[str, str]
) -> tuple[list[str], dict[str, Any] | None]:
    """:func:`_reached` for a run that checks every file (``changed-only: false``) with ``new-findings-only``: no
    reached page when the pull request changed the rules (every finding they bring is new) or cannot be diffed;
    the pages of ``also`` held to the base still, when it can be had."""
    from .errors import UsageError

    fork = settings.baseline.commit if settings.baseline is not None else ""
    try:
        commits = _as_checked_out(*pr_range, where=where)
        changed = changed_files(*commits, where=where)
        removed = removed_files(*commits, where=where)
        start = None if _input("config") else Path(where).resolve()  # as the changed-only run looks for it
        fork = _git("merge-base", *commits, where=where).strip()
        if _rules_changed(changed, loaded.path, settings.rules_dirs, commits, removed, start, _policy_files(settings)):
            return [], _held_at_base(fork, [], also, where, settings, loaded.path)
        return _reached(changed, removed, fork, roots, settings, [], where, loaded.path, also)
    except (UsageError, RuntimeError):
        return [], _held_at_base(fork, [], also, where, settings, loaded.path) if fork else {}


class Annotator:
    """Workflow-command annotations within GitHub's per-step limits: first one for each file (its lead), then
    the other findings on changed lines, then the rest.

    A file's lead is its most severe finding (an error before a warning, one on a changed line first among
    them), so that a file with errors never shows only its warnings; when the annotations of that level are
    used up by the files before it, its most severe finding at a level that still has room, so that the file
    is still annotated."""

    def __init__(
        self, changed: dict[str, set[int]] | None, warned: int = 0, reached: set[str] | frozenset[str] = frozenset()
    ) -> None:
        self.changed = changed
        #: Pages a changed site file reaches (checked with the changed files): each gets its lead as one does.
        self.reached = {_as_in_diff(page) for page in reached}
        self.pending: list[tuple[int, int, str, Finding]] = []
        #: Each annotated file's candidates for its lead, most severe first: (order, path, findings with ranks).
        self.leads: list[tuple[int, str, list[tuple[int, Finding]]]] = []
        #: Warning annotations the step printed before (about the config): GitHub counts them in its limit.
        self.warned = warned
        #: (file, message) of each error annotated: one in a file several pages share (a site's _index.md, a
        #: shared sidecar) is annotated once, not once per page it reaches
        self.told: set[tuple[str, str | None]] = set()

    def add(self, result: Result) -> None:
        if result.status == "error":
            from .output import unplaced

            told = (result.error_file or result.path, result.error)  # the section's own page says it too
            if told in self.told:
                return
            self.told.add(told)

            finding = Finding(
                rule="reprint-guard/input-error",
                policy="reprint-guard",
                check="input",
                severity=Severity.error,
                # file=, line= and col= tell where: the message need not say it again
                message=unplaced(result.error or "could not be checked", result.error_file or result.path),
                line=result.error_line or 0,  # 0: the whole file is at fault, no line of it (as --format github)
                column=result.error_column or 0,
                file=result.error_file,
            )
            self.leads.append((len(self.pending) + len(self.leads), result.path, [(0, finding)]))
            return
        name = _as_in_diff(result.path)
        changed = self.changed

        def on_an_edited_line(finding: Finding) -> bool:
            """On a line the pull request changed (a value set in the metadata sidecar: one of the sidecar's)."""
            if changed is None:
                return True
            where = name if finding.file is None else _as_in_diff(finding.file)
            return finding.line in changed.get(where, ())

        ranked = [(1 if on_an_edited_line(f) else 2, f) for f in result.findings if f.suppressed is None]
        # A file's lead: a missing credit is placed at the article's end, not on the line whose edit removed
        # it, and a file should not go unannotated because others filled the limit on their changed lines.
        # A file the pull request did not change (all are checked when the config changed) gets no lead.
        changed_file = changed is None or name in changed or name in self.reached or self._sidecar_changed(result.path)
        if changed_file and ranked:
            # Most severe first, then on a changed line, then in the file's order (sorted() keeps it).
            ordered = sorted(ranked, key=lambda item: (-item[1].severity.rank, item[0]))
            self.leads.append((len(self.pending) + len(self.leads), result.path, ordered))
            return
        for rank, finding in ranked:
            self.pending.append((rank, len(self.pending) + len(self.leads), result.path, finding))

    def _sidecar_changed(self, path: str) -> bool:
        """Whether the pull request changed (or deleted) the article's metadata sidecar: the article changed
        through it, and gets its lead annotation as a changed file does."""
        from .readers import sidecar_names

        return any(_as_in_diff(side) in (self.changed or {}) for side in sidecar_names(path))

    def emit(self, stream: Any) -> dict[str, int]:
        shown = {"error": 0, "warning": self.warned, "notice": 0}
        hidden = {"error": 0, "warning": 0, "notice": 0}

        def room(finding: Finding) -> bool:
            return shown[LEVELS[finding.severity.value]] < ANNOTATION_LIMIT

        # The leads, in the files' order: each its file's most severe finding with room left at its level.
        chosen: list[tuple[int, int, str, Finding]] = []
        rest = list(self.pending)
        for order, path, candidates in self.leads:
            lead = next((at for at, (_, finding) in enumerate(candidates) if room(finding)), 0)
            shown[LEVELS[candidates[lead][1].severity.value]] += 1  # counted now: the next file's lead sees it
            chosen.append((0, order, path, candidates[lead][1]))
            rest += [(rank, order, path, finding) for at, (rank, finding) in enumerate(candidates) if at != lead]
        shown = {"error": 0, "warning": self.warned, "notice": 0}
        for _, _, path, f in chosen + sorted(rest, key=lambda item: item[:2]):
            level = LEVELS[f.severity.value]
            if shown[level] >= ANNOTATION_LIMIT:
                hidden[level] += 1
                continue
            shown[level] += 1
            file = _workspace_path(path if f.file is None else f.file)  # a sidecar's value: told in the sidecar
            stream.write(annotation(f, file, path if f.file is not None else None) + "\n")  # as --format github
        return {
            "shown": sum(shown.values()) - self.warned,
            "hidden_errors": hidden["error"],
            "hidden_warnings": hidden["warning"],
            "hidden_notices": hidden["notice"],
        }


def _config_note(warnings: list[Any]) -> str:
    """The config's warnings as the job summary tells them (GitHub shows some as annotations, or none when
    there are too many): the first ten, written as Markdown shows them as written, and how many more."""
    from .output.markdown import cell

    lines = [
        f"\n> ⚠ configuration: {cell(f'{_workspace_path(w.path) or w.path}:{w.line}:{w.column}: {w.message}')}\n"
        for w in warnings[:ANNOTATION_LIMIT]
    ]
    more = len(warnings) - ANNOTATION_LIMIT
    if more > 0:
        lines.append(f"\n> ⚠ and {more} more configuration warnings: `reprint-guard check` lists them all.\n")
    return "".join(lines)


def _left_out(sarif_path: str) -> Callable[[int, int], str]:
    """The line that ends a job summary cut to :data:`SUMMARY_LIMIT`: what it leaves out, and where it all is."""

    def line(findings: int, files: int) -> str:
        what = f"{plural(findings, 'finding')} in {plural(files, 'file')}" if findings else plural(files, "file")
        return (
            f"\n> **This summary is cut short: {what} not shown.** GitHub drops a job summary over 1 MiB, so "
            f"it stops at {SUMMARY_LIMIT:,} bytes. Every finding is in the SARIF file "
            f"{code(sarif_path, in_table=False)} (in code scanning, once uploaded); `reprint-guard check` on the "
            "same paths lists them all too.\n"
        )

    return line


def _write_summary(text: str) -> None:
    """Append to the job summary, when there is one (a file name that is not UTF-8 shows with a
    replacement character: the summary is for reading)."""
    _append("GITHUB_STEP_SUMMARY", text)


#: The runner's files that could not be written (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY): the run fails with exit 2.
_UNWRITTEN: list[str] = []


def _append(variable: str, text: str) -> None:
    """Append ``text`` to the file the runner names in ``variable``, when it names one. One that cannot be
    written (a missing folder, a full disk) is told in one annotation and fails the run, not with a traceback."""
    path = os.environ.get(variable)
    if not path or variable in _UNWRITTEN:
        return
    try:
        with open(path, "a", encoding="utf-8", errors="replace") as handle:
            handle.write(text)
    except OSError as exc:
        _UNWRITTEN.append(variable)
        said = f"reprint-guard: cannot write {variable} ({path}): {exc.strerror or exc}"
        print(command("error", said, title="reprint-guard workflow"))


def _stopped(sarif_path: str, error: Any, roots: list[str] | None = None) -> None:
    """A run that checked nothing still leaves a SARIF file and a summary saying why (``roots``: the paths
    input, when they exist: the file at fault is named from their repository's root, as results are)."""
    from .output.markdown import cell

    _write_failed_sarif(sarif_path, error, sarif_root(roots) if roots else workspace())
    # The error quotes the config or a policy, which a pull request may write: "<img src=...>" is text here.
    _write_summary(f"### ✖ reprint-guard: nothing checked\n\n{cell(str(error))}\n")


def _write_failed_sarif(sarif_path: str, error: Any, root: Path) -> None:
    """A SARIF file saying why nothing was checked, so a later upload step has a file to upload."""
    from .output.sarif import failed_run

    target = Path(sarif_path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "w", encoding="utf-8") as stream:
            failed_run(stream, error, root=root)
    except OSError as exc:
        print(command("warning", f"reprint-guard: cannot write {sarif_path}: {exc.strerror or exc}"))
    _write_outputs(target)


def output_line(key: str, value: str) -> str:
    """``key=value`` for GITHUB_OUTPUT, or GitHub's ``key<<DELIMITER`` form for a value holding a line break,
    which would otherwise end the value and set an output of its own."""
    if "\n" not in value and "\r" not in value:
        return f"{key}={value}\n"
    import secrets

    delimiter = f"ghadelimiter_{secrets.token_hex(16)}"
    return f"{key}<<{delimiter}\n{value}\n{delimiter}\n"


def _write_outputs(sarif: Path | None) -> None:
    """The outputs of a run that checked nothing: every one set, so that a later step's expression reads
    numbers, not "" (``sarif`` empty when no log was written)."""
    zeros = "".join(f"{key}=0\n" for key in ("errors", "warnings", "files", "failed-files", "not-annotated"))
    _append("GITHUB_OUTPUT", f"{zeros}errored=1\n{output_line('sarif', str(sarif) if sarif is not None else '')}")


def main() -> int:
    """The Action's step: :func:`_main`, failing with exit 2 when the runner's output or summary file could not
    be written (a later step would read no outputs). A cancelled workflow's SIGINT or SIGTERM unwinds as the
    command line's does: one line, exit 130 or 143, no half-written SARIF log, no worker left; a log whose reader
    went away, as the command line's: exit 141, no traceback."""
    from contextlib import suppress

    from .errors import OUTPUT_CLOSED, stopped_as_a_shell_tells

    try:
        code = stopped_as_a_shell_tells(_main)
    except BrokenPipeError:
        # The log's reader went away: exit as the command line does (141, silent), its buffered output dropped
        # so that the flush at exit fails no second time; the summary and outputs written so far stay.
        with suppress(OSError, AttributeError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = OUTPUT_CLOSED
    return ExitCode.ERROR if _UNWRITTEN and code not in (130, 143) else code


def _main() -> int:
    from .output.streams import encode_safely

    encode_safely(sys.stdout, sys.stderr, workflow=True)  # workflow commands, read by the runner as UTF-8
    from .baseline import context_changed, resolve
    from .config.loader import load_config
    from .errors import PolicyError, ReprintGuardError, UsageError, signals_held
    from .policy.loader import load_policy, policy_set
    from .runner import Settings, config_warnings, discover, policy_warnings, run

    # Inputs name paths relative to the workspace (GitHub runs the step there; so does a run elsewhere).
    root = workspace()
    if root != Path.cwd().resolve():
        os.chdir(root)
    # An absolute path inside the workspace is the same folder as its relative name (git's names are relative).
    roots = [_workspace_path(root) or root for root in _paths_input(os.environ.get("INPUT_PATHS", "."))] or ["."]
    sarif_path = _input("sarif") or _default_sarif()
    refused = _sarif_problem(sarif_path)
    if refused is not None:  # nothing is written there, not even the log of a stopped run
        return _refused_sarif(f"reprint-guard: {refused}", sarif_path)
    said = (_input("changed-only") or "true").lower()  # empty: a reusable workflow's unset input, the default
    if said not in _TRUE + _FALSE:  # a typo ("ture") would check every file, or none changed, unsaid
        message = f"reprint-guard: changed-only must be true or false, not {_input('changed-only')!r}"
        print(command("error", message, title=_WORKFLOW_INPUT))
        _stopped(sarif_path, UsageError(message))
        return ExitCode.ERROR
    changed_only = said in _TRUE
    missing = [root for root in roots if not os.path.exists(root)]
    if missing:  # a misspelt folder would check nothing and pass
        message = f"reprint-guard: paths: {', '.join(map(repr, missing))} is no file or folder in the workspace"
        if len(missing) > 1 and os.path.exists(" ".join(missing)):
            # "world news _posts": a name with a space, on a line shared with others, is split at its space
            message += "; a name with a space in it goes on a line of its own (the paths input takes one per line)"
        print(command("error", message, title=_WORKFLOW_INPUT))
        _stopped(sarif_path, UsageError(message))
        return ExitCode.ERROR
    # a path of the workspace that a link the pull request made takes out of it (content -> ../../secrets):
    # the walk would read and annotate what lies there
    out = [each for each in roots if _leads_out(each, root) and _lexically_in(each, root)]
    if out:
        message = (
            f"reprint-guard: paths: {', '.join(map(repr, out))} is a symbolic link, or in a linked folder, that {_OUT}"
        )
        print(command("error", message, title="reprint-guard"))
        _stopped(sarif_path, UsageError(message))
        return ExitCode.ERROR
    try:
        if not _input("config"):  # the workflow's own choice is its business; a discovered one may be the PR's
            _no_config_out(Path(_first_place(roots)).resolve(), root)
        # Discovered from the first path up (a checkout into a subfolder keeps its config there), else given.
        loaded = load_config(_input("config") or None, start=Path(_first_place(roots)).resolve())
        cli: dict[str, Any] = {}
        if _input("policy"):
            policy = _input("policy")
            cli["policy"] = str(Path(policy).resolve()) if Path(policy).is_file() else policy
        if _input("fail-on"):
            fail_on = _input("fail-on").lower()  # a workflow's `fail-on: Warning` means warning
            if fail_on not in FAIL_ON:
                raise UsageError(f"fail-on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
            cli["fail_on"] = fail_on
        inline = _input("inline-suppressions").lower()
        if inline and inline not in _TRUE + _FALSE:  # a typo would leave a contributor's comments counting
            raise UsageError(f"inline-suppressions must be true or false, not {_input('inline-suppressions')!r}")
        new_only = _input("new-findings-only").lower()
        if new_only and new_only not in _TRUE + _FALSE:  # a typo would fail a pull request on old findings
            raise UsageError(f"new-findings-only must be true or false, not {_input('new-findings-only')!r}")
        settings = Settings.from_config(loaded, **cli)
        if inline:  # the workflow's word wins over the config's, which a pull request may change
            settings.inline_suppressions = inline in _TRUE
        _no_policy_out(loaded, settings, root, named=bool(_input("policy")))
        policies = policy_set(settings.rules_dirs)
        if settings.policy:
            load_policy(settings.policy, extra=settings.rules_dirs)
        doubts = policy_warnings(policies, settings)  # a likely slip in a policy of the project's own
        warnings = [*config_warnings(loaded, settings, policies), *doubts]
        for warning in warnings[:ANNOTATION_LIMIT]:  # a typo in the config does nothing, silently
            title = "reprint-guard policy" if warning in doubts else "reprint-guard configuration"
            file = _workspace_path(warning.path)
            print(command("warning", warning.message, file=file, line=warning.line, col=warning.column, title=title))
    except ReprintGuardError as exc:
        if exc.path:  # named as the annotation's file= names it, in its message and the summary too
            exc.path = _workspace_path(exc.path)
        # In the workspace, file=, line= and col= place it (as an unreadable file's annotation is placed): the
        # message need not say it again. Elsewhere (a config input naming a file out of it) the text says where.
        placed = exc.path is not None and not os.path.isabs(exc.path)
        print(
            command(
                "error",
                f"reprint-guard: {exc.message if placed else exc}",
                file=exc.path,
                line=exc.line if exc.path else None,
                col=exc.column if exc.path and exc.line else None,
                # A workflow input's mistake (fail-on, inline-suppressions) is no file's; a policy's is a policy's.
                title=(
                    _WORKFLOW_INPUT
                    if isinstance(exc, UsageError) and not exc.path
                    else "reprint-guard policy"
                    if isinstance(exc, PolicyError)
                    else "reprint-guard configuration"
                ),
            )
        )
        _stopped(sarif_path, exc, roots)
        return ExitCode.ERROR

    try:
        # Read whatever changed-only says: the guard against a checkout that is not the pull request's code
        # (pull_request_target checks out the base branch, whose files would pass) holds for a full run too.
        if changed_only:
            pr_range = pull_request_range()
        elif new_only in _TRUE:  # the base is needed, to hold the files to what they had there
            pr_range = pull_request_range("new-findings-only needs them to find the pull request's base")
        else:
            pr_range = _pull_request_range_if_told()
    except UsageError as exc:
        print(command("error", f"reprint-guard: {exc}", title="reprint-guard"))
        _stopped(sarif_path, exc, roots)
        return ExitCode.ERROR
    changed: dict[str, set[int]] | None = None
    reached: list[str] = []
    context: dict[str, str] = {}  # checked pages whose sidecar or site files changed: each's name at the base
    held: dict[str, Any] | None = None
    where = _first_place(roots)  # git is asked in the repository the paths lie in: a checkout may be a subfolder
    if pr_range:
        try:
            stray = _not_the_pull_request(pr_range[1], where)
        except RuntimeError as exc:
            stray = f"cannot tell whether the files are the pull request's ({exc}); {_diff_advice(where)}"
            if not changed_only and new_only not in _TRUE:
                # A full run needs no git: files in no checkout (a CMS's export made in the job) are checked as
                # they are, and the guard's doubt said as a warning, not a stop.
                print(command("warning", f"reprint-guard: {stray}", title="reprint-guard"))
                stray = None
        if stray:
            message = f"reprint-guard: {stray}"
            print(command("error", message, title="reprint-guard"))
            _stopped(sarif_path, UsageError(message), roots)
            return ExitCode.ERROR
    if pr_range and not changed_only:
        # Every file checked. With new-findings-only, failing only on what the pull request brings: a site
        # adopting the checker (its code-scanning alerts kept whole), the base found as for the changed files.
        # Without, a file the base held as a reprint that the pull request made none is still told, when the
        # base is in the clone (a full run needs no diff, and a shallow clone lacks it: nothing is said).
        holding = new_only in _TRUE
        try:
            fork = _git("merge-base", *_as_checked_out(*pr_range, where=where), where=where).strip()
            base = resolve(fork, where=where, label="the pull request's base")
            settings.baseline = base if holding else base.replace(suppresses=False)
        except (UsageError, RuntimeError) as exc:
            if holding:
                said = (
                    exc
                    if isinstance(exc, UsageError)
                    else UsageError(f"cannot find the pull request's base ({exc}); {_diff_advice(where, pr_range)}")
                )
                print(command("error", f"reprint-guard: {said}", title="reprint-guard"))
                _stopped(sarif_path, said, roots)
                return ExitCode.ERROR
    if settings.baseline is not None and settings.baseline.commit:
        settings.baseline = _with_rules(settings.baseline, settings, where, loaded.path)
    if pr_range and changed_only:
        try:
            commits = _as_checked_out(*pr_range, where=where)
            changed = changed_files(*commits, where=where)
            removed = removed_files(*commits, where=where)
            # What the branch started from: its findings are the base's, not the PR's (new-findings-only); a
            # file it held as a reprint that the pull request made none is told either way.
            fork = _git("merge-base", *commits, where=where).strip()
            baseline = resolve(fork, where=where, label="the pull request's base")
            settings.baseline = baseline if new_only in _TRUE else baseline.replace(suppresses=False)
            settings.baseline = _with_rules(settings.baseline, settings, where, loaded.path)
        except UsageError as exc:
            print(command("error", f"reprint-guard: {exc}", title="reprint-guard"))
            _stopped(sarif_path, exc, roots)
            return ExitCode.ERROR
        except RuntimeError as exc:
            message = f"reprint-guard: cannot diff the pull request ({exc}); {_diff_advice(where, pr_range)}"
            print(command("error", message, title="reprint-guard"))
            _stopped(sarif_path, UsageError(message), roots)
            return ExitCode.ERROR
        from .runner import as_walked

        # A config the config input names is that one (gone, it could not be loaded); else it was looked for.
        discovered_from = None if _input("config") else Path(where).resolve()
        rules = _rules_changed(
            changed, loaded.path, settings.rules_dirs, commits, removed, discovered_from, _policy_files(settings)
        )
        if rules:  # what every file is held to changed: all are checked again, the changed lines still first
            items = list(discover(roots, settings))
            scope = f"{len(items)} file{'s' if len(items) != 1 else ''} ({rules} changed)"
            # A page whose sidecar or site files changed is held to its copy at the base read with the base's.
            context = context_changed((item[0] for item in items), settings.baseline, settings, loaded.path)
            held = _held_at_base(fork, [], context, where, settings, loaded.path)
        else:
            # As a walk of the folders would take them (a changed package.json is passed over, not refused);
            # a changed sidecar brings its article.
            items = list(as_walked((p for p in changed if _in_paths(p, roots)), settings))
            scope = f"{len(items)} changed file{'s' if len(items) != 1 else ''}"
            # A changed site file (a section's cascade, the site's config, _config.yml) brings the pages it
            # reaches, held to the base: what they had there is not the pull request's.
            # A changed page (or one whose sidecar changed) under a changed site file is held to its copy at the
            # base read with the base's sidecar and site files, as a reached page is.
            context = context_changed((item[0] for item in items), settings.baseline, settings, loaded.path)
            reached, held = _reached(changed, removed, fork, roots, settings, items, where, loaded.path, context)
            if reached:
                items += [(page, True, None) for page in reached]
                scope += f" and {plural(len(reached), 'page')} a changed site file reaches"
    else:
        items = list(discover(roots, settings))
        scope = f"{len(items)} file{'s' if len(items) != 1 else ''}"
        if pr_range and new_only in _TRUE and settings.baseline is not None and settings.baseline.commit:
            # Every file checked, failing only on what the pull request brings: a page whose site file it
            # changed is held to what it had at the base too, its copy there read with the base's site files.
            context = context_changed((item[0] for item in items), settings.baseline, settings, loaded.path)
            reached, held = _reached_in_full_run(pr_range, roots, settings, where, loaded, context)
            reached = [page for page in reached if page not in context]

    summary = Summary()
    annotator = Annotator(changed, warned=min(len(warnings), ANNOTATION_LIMIT), reached=set(reached))
    sarif_file = Path(sarif_path)
    from .engine import rule_info
    from .runner import named_policies

    policies = policy_set(settings.rules_dirs)
    named = named_policies(settings)
    try:
        sarif_file.parent.mkdir(parents=True, exist_ok=True)
        with signals_held():  # a signal now would leave the file made but not removed as the run stops
            sarif_stream = open(sarif_file, "w", encoding="utf-8")  # noqa: SIM115 - closed by the with below
    except OSError as exc:
        return _nothing_checked(f"reprint-guard: cannot write the SARIF log {sarif_path}: {exc.strerror or exc}")
    try:
        with sarif_stream:
            sarif = SarifFormatter(
                sarif_stream, root=sarif_root(roots), rule_info=lambda r: rule_info(r, policies, named)
            )
            markdown_buffer = _Buffer()
            markdown = MarkdownFormatter(markdown_buffer, title=f"reprint-guard: {scope}", fail_on=settings.fail_on)
            checked = 0  # reprints: run() may end with a result for the config file (its suppressions), no reprint
            told = 0  # files the run's globs leave out now, reported as reprints at the base (after the items')
            holders: list[Callable[[Result], Result]] = []
            if reached or context:
                from .reached import holder

                commit_named = settings.baseline.named if settings.baseline is not None else "the base"
                if reached:
                    holders.append(holder(reached, held, settings, commit_named))
                if context and settings.baseline is not None:
                    reason = settings.baseline.reason
                    holders.append(holder(context, held, settings, commit_named, reason))
            ask_base = _base_asker(settings, where, loaded.path)
            left_out = None
            if ask_base is not None:  # a reprint at the base that the config's include/exclude leave out now
                from .baseline import left_out_since

                left_out = left_out_since(roots, items, settings, loaded.path)
            for index, result in enumerate(run(items, settings, os.cpu_count() or 1, ask_base, left_out)):
                for hold_to in holders:
                    result = hold_to(result)
                summary.add(result)
                sarif.result(result)
                markdown.result(result)
                annotator.add(result)
                # a file left out, told, is a reprint counted as the summary counts it (passed or failed): else
                # `failed-files` (the summary's) would exceed `files`
                told += index >= len(items) and result.policy != CONFIG_RESULT_POLICY
                checked += result.policy != CONFIG_RESULT_POLICY and result.status in ("pass", "fail")
            if told:  # reported, though the run's include/exclude leave them out: said in the scope too
                scope += f" and {plural(told, 'reprint')} at the base the config now leaves out"
                markdown.title = f"reprint-guard: {scope}"
            sarif.close(summary)
            counts = annotator.emit(sys.stdout)
            hidden = counts["hidden_errors"] + counts["hidden_warnings"] + counts["hidden_notices"]
            hidden += max(0, len(warnings) - ANNOTATION_LIMIT)  # GitHub would not show them: not printed
            note = _config_note(warnings)
            if hidden:
                note += (
                    f"\n> {hidden} finding{'s were' if hidden != 1 else ' was'} not annotated (GitHub shows at most "
                    f"{ANNOTATION_LIMIT} annotations of each level per step): "
                    f"see the tables below and the SARIF file.\n"
                )
            # What is written below is the Markdown, the note and a line break more: all of it within the limit.
            markdown.close(summary, limit=SUMMARY_LIMIT - size(note) - 1, cut=_left_out(sarif_path))
    except KeyboardInterrupt:  # a stopped run's log, cut short, is no SARIF: a later upload step would fail on it
        sarif_file.unlink(missing_ok=True)
        raise
    text = markdown_buffer.text()
    head, _, rest = text.partition("\n\n")
    _write_summary(head + "\n" + note + "\n" + rest + "\n")
    outputs = {
        "errors": summary.errors,
        "warnings": summary.warnings,
        # Reprints checked: not a file that is no reprint (passed over), nor one that could not be read.
        "files": checked,
        "failed-files": summary.failed,  # files only: the config's findings are in errors and warnings
        "errored": summary.errored,
        "not-annotated": hidden,
        "sarif": str(sarif_file),
    }
    _append("GITHUB_OUTPUT", "".join(output_line(key, str(value)) for key, value in outputs.items()))
    if summary.errored:  # none of their findings are in the counts: say so, or "0 errors" reads as a pass
        unread = f"{summary.errored} could not be checked"
        scope = f"{scope[:-1]}; {unread})" if scope.endswith(")") else f"{scope} ({unread})"
    said = f"reprint-guard: {plural(summary.errors, 'error')}, {plural(summary.warnings, 'warning')} in {scope}"
    if fails_on_the_config(summary, settings.fail_on, markdown.config_found):  # "failed-files=0", yet it fails
        said += f"; {CONFIG_FAILS}"
    print(said)
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
    if sys.argv[1:]:  # run by hand with options ("--help"): it takes none, and would check the whole folder
        sys.stderr.write(
            "reprint-guard: the GitHub Action's step takes no arguments: it reads its inputs from INPUT_* variables "
            "(see action.yml); for a check from a shell, run reprint-guard check\n"
        )
        raise SystemExit(2)
    raise SystemExit(main())
