"""Findings a file already had at a commit (``--baseline-commit``): counted as suppressed, not as failures.

A site adopting the checker, or a pull request touching an old post, should be held to what it changes,
not to every finding the post has had for years (Semgrep's ``--baseline-commit`` does this for code).
A finding is "already there" when the file's copy at the commit has a finding with the same SARIF
fingerprint (the rule and the rule's own message, not the line: the file may have moved lines around),
counted: a second copy of a finding the commit had once is new. The commit's copy is checked with the
run's own config and policies, so a finding is new when the text brings it, not when the rules change.

Git is asked twice per run (what differs from the commit, and what the commit holds), and once more for
each file that changed since it: a file the commit holds as it is now keeps its findings without being
checked again.
"""

from __future__ import annotations

import os
import subprocess
from collections import Counter
from typing import TYPE_CHECKING, Any

from .errors import ReprintGuardError, UsageError
from .record import FrozenRecord
from .report import Suppressed, stable_message

if TYPE_CHECKING:
    from .report import Finding, Result

#: How long one git command may take (a large repository's ``ls-tree``): git is no network call here.
GIT_TIMEOUT = 120


class Baseline(FrozenRecord):
    """What a run compares with: the commit, and how each of the repository's files stands to it (plain
    data, so it crosses to worker processes)."""

    __slots__ = ("ref", "commit", "top", "held", "moved", "touched")

    def __init__(
        self,
        ref: str,
        commit: str,
        top: str,
        held: frozenset[str],
        moved: dict[str, str],
        touched: frozenset[str],
    ) -> None:
        self._set(
            ref=ref,
            commit=commit,
            top=top,
            #: The files the commit holds, named from the repository's top (POSIX separators, as git names them).
            held=held,
            #: Files that differ from the commit (modified, changed in type, renamed): their name at the commit.
            moved=moved,
            #: Every name the difference touches, on either side (added, deleted, both names of a rename).
            touched=touched,
        )

    @property
    def reason(self) -> str:
        """What a baseline finding's ``suppressed.reason`` says."""
        short = self.commit[:12]
        named = self.ref if self.ref == short else f"{self.ref}, {short}"
        return f"already in the baseline commit ({named})"


def _git(args: list[str], where: str) -> bytes:
    try:
        proc = subprocess.run(["git", *args], capture_output=True, check=False, timeout=GIT_TIMEOUT, cwd=where)
    except (OSError, subprocess.SubprocessError) as exc:
        raise UsageError(f"--baseline-commit: git could not be run ({exc})") from None
    if proc.returncode != 0:
        said = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"--baseline-commit: {said[-1] if said else 'git failed'}")
    return proc.stdout


def resolve(ref: str, *, staged: bool = False, where: str = ".", label: str | None = None) -> Baseline:
    """The baseline ``ref`` names, as git sees it from ``where``; :class:`UsageError` when there is none (not
    a commit, not a git work tree). ``staged``: the run checks the files as git's index holds them.
    ``label``: how findings name the commit (the Action's "the pull request's base"), else ``ref``."""
    if not ref.strip():
        raise UsageError("--baseline-commit needs a commit (a branch, a tag or a hash), not an empty name")
    if ref.startswith("-"):  # git would read it as an option
        raise UsageError(f"--baseline-commit: {ref!r} is no commit")
    try:
        top = os.fsdecode(_git(["rev-parse", "--show-toplevel"], where).strip())
    except UsageError:
        raise UsageError("--baseline-commit: not in a git work tree (the baseline is a commit of one)") from None
    try:
        commit = _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], where).decode().strip()
    except UsageError:
        if ref.strip() in ("HEAD", "@") and _unborn(where):
            # Before the first commit (of a repository, or of an orphan branch) no file had a finding: every
            # one is new, as pre-commit's --baseline-commit HEAD means on any later commit.
            return Baseline(label or ref, "", top, frozenset(), {}, frozenset())
        raise UsageError(f"--baseline-commit: {ref!r} is no commit of this repository") from None
    listed = _git(["ls-tree", "-r", "-z", "--name-only", "--full-tree", commit], top)
    held = frozenset(os.fsdecode(name) for name in listed.split(b"\0") if name)
    # --no-relative: names from the top, whatever diff.relative says; -M: a post renamed keeps its findings.
    diff = ["diff", "--name-status", "-z", "--no-ext-diff", "--no-relative", "-M"]
    parts = [os.fsdecode(part) for part in _git([*diff, *(["--cached"] if staged else []), commit], top).split(b"\0")]
    moved: dict[str, str] = {}
    touched: set[str] = set()
    at = 0
    while at < len(parts) and parts[at]:
        status = parts[at]
        if status[:1] in ("R", "C"):  # a rename or copy: its old name, then its new one
            old, new = parts[at + 1], parts[at + 2]
            touched.update((old, new))
            if status[:1] == "R":
                moved[new] = old
            at += 3
            continue
        name = parts[at + 1]
        touched.add(name)
        if status[:1] in ("M", "T"):
            moved[name] = name
        at += 2
    return Baseline(label or ref, commit, top, held, moved, frozenset(touched))


def _unborn(where: str) -> bool:
    """Whether HEAD names a branch that has no commit yet (``git init``, ``git checkout --orphan``)."""
    try:
        _git(["symbolic-ref", "-q", "HEAD"], where)
    except UsageError:
        return False  # a detached HEAD names a commit, or nothing at all
    try:
        _git(["rev-parse", "--verify", "--quiet", "HEAD"], where)
    except UsageError:
        return True
    return False


def mark(result: Result, path: str, baseline: Baseline, settings: Any) -> Result:
    """``result`` with the findings its file already had at the baseline commit suppressed (kind
    ``baseline``). A file the commit does not hold, or whose metadata sidecar differs from the commit's,
    keeps them all: its findings at the commit cannot be told apart from its metadata's change."""
    if result.status not in ("pass", "fail") or path == "-":
        return result
    standing = [finding for finding in result.findings if finding.suppressed is None]
    if not standing:
        return result
    name = _from_top(path, baseline.top)
    if name is None or _sidecar_differs(path, name, baseline):
        return result
    if name in baseline.moved:
        before = _findings_at(baseline, baseline.moved[name], path, settings)
    elif name in baseline.held and name not in baseline.touched:
        before = None  # the commit holds the file as it is: every finding was there
    else:
        return result  # added since the commit (or not tracked): all of its findings are new
    shorts = _rule_messages(settings)
    seen = Counter(_key(finding, shorts) for finding in before) if before is not None else None
    reason = baseline.reason
    for finding in standing:
        if seen is not None:
            key = _key(finding, shorts)
            if not seen[key]:
                continue
            seen[key] -= 1
        finding.suppressed = Suppressed("baseline", reason)
    return result.settle(settings.fail_on)


def _from_top(path: str, top: str) -> str | None:
    """The file's name as git names it from the top (its folder resolved, not the file: a link is tracked as a
    link), or None outside the work tree."""
    absolute = os.path.abspath(path)
    here = os.path.join(os.path.realpath(os.path.dirname(absolute)), os.path.basename(absolute))
    relative = os.path.relpath(here, os.path.realpath(top))
    if relative == os.curdir or relative.startswith(os.pardir + os.sep) or relative == os.pardir:
        return None
    return relative.replace(os.sep, "/")


def _sidecar_differs(path: str, name: str, baseline: Baseline) -> bool:
    """Whether a metadata sidecar the page may have is not the commit's (changed, added, deleted, untracked)."""
    from .readers import sidecar_names

    for side, there in zip(sidecar_names(name), sidecar_names(path), strict=True):
        if side in baseline.touched or (side not in baseline.held and os.path.lexists(there)):
            return True
    return False


def _findings_at(baseline: Baseline, name: str, path: str, settings: Any) -> list[Finding]:
    """The findings the file's copy at the commit has, unsuppressed (one it suppressed there counts for
    nothing now: its suppression may be the change), checked as the run checks the file now. A copy that
    cannot be read or checked has none."""
    from .readers import decode, decode_page, format_for
    from .runner import check_text

    try:
        data = _git(["show", f"{baseline.commit}:{name}"], baseline.top)
        text = decode_page(data, path)[0] if format_for(path) == "html" else decode(data, path)
        before = settings.replace(baseline=None, staged=False)
        return [f for f in check_text(path, before, text=text, config_per_file=False)[1].findings if not f.suppressed]
    except (ReprintGuardError, RecursionError):
        return []


def _rule_messages(settings: Any) -> Any:
    """A rule id's own message (the part of a finding's message its fingerprint keeps), as SARIF's rule table
    has it."""
    from .engine import rule_info
    from .policy.loader import policy_set
    from .runner import named_policies

    policies = policy_set(settings.rules_dirs)
    named = named_policies(settings)
    cache: dict[str, str | None] = {}

    def short(rule: str) -> str | None:
        if rule not in cache:
            cache[rule] = (rule_info(rule, policies, named) or {}).get("short")
        return cache[rule]

    return short


def _key(finding: Finding, short: Any) -> tuple[str, str, str | None]:
    """What makes two findings of a file the same one: as the SARIF fingerprint holds it, and the file it
    stands in (the page, or its sidecar)."""
    return finding.rule, stable_message(finding.message, short(finding.rule)), finding.file
