"""One way to run git for the commands that compare with a commit (the Action's changed files, a baseline
commit's copies, the pages a changed site file reaches; the file walk's ``ls-files``, ``--staged``'s copies
and SARIF's repository root still call git themselves, each with its own fallback): git's output as bytes (a
file name in another encoding kept as the OS keeps it), within a time limit. A git that cannot be run (none
installed, no such folder, one that runs past the limit) is a result like a failed command's, never a
traceback: each caller says what that means for it (an error, or "cannot tell")."""

from __future__ import annotations

import os
import subprocess
from typing import NamedTuple

#: How long one git command may take, in seconds (a large repository's ``ls-tree``): git is no network call here.
GIT_TIMEOUT = 120


class GitRun(NamedTuple):
    """One git command's outcome: its exit code, output and error output; ``error``, why git could not be run
    at all (then ``returncode`` is -1 and both outputs are empty)."""

    returncode: int
    stdout: bytes
    stderr: bytes
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def said(self) -> list[str]:
        """git's error output, a line each (blank ones left out), as the OS gives its bytes."""
        return [line for line in os.fsdecode(self.stderr).splitlines() if line.strip()]


def run_git(*args: str, cwd: str | None = None, timeout: float = GIT_TIMEOUT, input: bytes | None = None) -> GitRun:
    """``git *args``, run in ``cwd`` (else the working folder), ``input`` its standard input; never raises for
    git's sake."""
    try:
        proc = subprocess.run(["git", *args], capture_output=True, check=False, timeout=timeout, cwd=cwd, input=input)
    except subprocess.TimeoutExpired:
        return GitRun(-1, b"", b"", f"git took longer than {timeout:g} s")
    except (OSError, subprocess.SubprocessError) as exc:
        return GitRun(-1, b"", b"", str(exc))
    return GitRun(proc.returncode, proc.stdout, proc.stderr)


def tracked_links(where: str) -> tuple[str, list[str]] | None:
    """The repository's top holding ``where`` and the symbolic links its index tracks (mode 120000), as whole paths:
    one ``git ls-files``, no walk of the work tree (a content repository's 40,000 files). None when git cannot
    say (no repository there)."""
    top = run_git("-C", where, "rev-parse", "--show-toplevel")
    if not top.ok:
        return None
    root = os.fsdecode(top.stdout.strip())
    listed = run_git("-C", root, "ls-files", "-z", "-s")  # from the top: the whole index, not one folder's
    if not listed.ok:
        return None
    links = []
    for entry in listed.stdout.split(b"\0"):
        if entry.startswith(b"120000"):
            links.append(os.path.join(root, os.fsdecode(entry.partition(b"\t")[2])))
    return root, links


def show_through_links(top: str, commit: str, name: str) -> bytes | None:
    """The text ``name`` (from the repository's top ``top``, a link or in a linked folder: ``hugo.toml ->
    conf/a.toml``, ``config -> shared/hugo-config``) read as at ``commit``: each link on its way followed as the
    commit held it (``git cat-file --follow-symlinks``), not as the work tree holds it now (a link retargeted
    since reads another file). None when the commit holds nothing readable there (no such file, a link out of
    the repository, to nothing or in a loop), or git cannot say."""
    if "\n" in name or "\r" in name:
        return None  # a batch names one object a line
    shown = run_git(
        "-C",
        top,
        "cat-file",
        "--batch",
        "--follow-symlinks",
        input=os.fsencode(f"{commit}:{name}\n"),
    )
    if not shown.ok:
        return None
    head, _, rest = shown.stdout.partition(b"\n")
    fields = head.split()
    if len(fields) != 3 or fields[1] != b"blob" or not fields[2].isdigit():
        return None  # "missing", "dangling", "loop", "symlink" (out of the tree), "notdir"
    return rest[: int(fields[2])]
