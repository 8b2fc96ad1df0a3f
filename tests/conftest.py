"""Shared helpers: run the real CLI in a subprocess, write real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


try:
    import resource
except ImportError:  # no resource module (Windows): timing guards fall back to wall time
    resource = None


def cpu_seconds() -> float:
    """The clock of a timing guard: CPU seconds spent so far by this process (all its threads) and by its
    children that have ended and been waited for (the CLI ``run_cli`` starts, and its workers). Time the
    machine gave other processes is not counted, so a busy machine does not fail a guard against a quadratic
    blow-up, and a blow-up still does: ``start = cpu_seconds(); ...; assert cpu_seconds() - start < 5``.
    A guard about waiting (a pipe's timeout, a signal, a deadline for a process) keeps wall time. Where a
    child's CPU time cannot be read, this is wall time."""
    if resource is None:
        return time.perf_counter()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


class CliRun:
    def __init__(self, proc: subprocess.CompletedProcess[str]) -> None:
        self.code = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def json(self) -> dict:
        return json.loads(self.out)


def run_cli(*args: str, cwd: Path | None = None, stdin: str | bytes | None = None, env: dict | None = None) -> CliRun:
    # A run under CI (GitHub sets GITHUB_WORKSPACE for the repository under test) must not steer these runs.
    steering = ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "GITHUB_WORKSPACE")
    full_env = {k: v for k, v in os.environ.items() if k not in steering}
    full_env.update(env or {})
    proc = subprocess.run(
        [sys.executable, "-m", "reprint_guard", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=not isinstance(stdin, bytes),
        env=full_env,
        timeout=60,
    )
    if isinstance(stdin, bytes):
        proc = subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())
    return CliRun(proc)


def run_on_terminal(
    args: list[str], *, cwd: Path | None = None, env: dict | None = None, stdout_too: bool = True
) -> str:
    """Run the CLI with a real pseudo-terminal as stderr (and stdout); return what the terminal showed."""
    import pty

    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "reprint_guard", *args],
        cwd=cwd,
        env=env,
        stdout=follower if stdout_too else subprocess.DEVNULL,
        stderr=follower,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode()


def git(repo: Path, *args: str) -> str:
    """Run git in ``repo`` with a fixed identity."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Ed",
        "GIT_AUTHOR_EMAIL": "ed@example.org",
        "GIT_COMMITTER_NAME": "Ed",
        "GIT_COMMITTER_EMAIL": "ed@example.org",
    }
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True, env=env).stdout.strip()


@pytest.fixture
def sarif_schema() -> dict | None:
    """The official SARIF 2.1.0 schema, from ../shared (CI has it beside the checkout), or None: a test then
    makes its other checks and leaves validation out (test_output's schema test is skipped, saying where)."""
    path = SARIF_SCHEMA_PATH
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


#: Where the official SARIF 2.1.0 schema is looked for.
SARIF_SCHEMA_PATH = SHARED / "schemas" / "sarif-schema-2.1.0.json"


def validate_sarif(log: dict, schema: dict | None) -> None:
    """``log`` validated against the official schema, when it is at hand."""
    if schema is not None:
        import jsonschema

        jsonschema.validate(log, schema)


@pytest.fixture
def cli():
    return run_cli


GR_URL = "https://www.globalresearch.ca/the-harbour-that-was-sold/5799123"
#: A Global Research reprint's metadata, for HTML pages built around a credit (the hiding tests).
FERRY_URL = "https://www.globalresearch.ca/harbour-ferry-timetables-cut/5890011"
FERRY_META = {
    "title": "Why the Island Ferries Run Less Often",
    "original_url": FERRY_URL,
    "author": "Lotte Varga",
    "original_published": "2025-04-02",
    "medium": "web",
    "commercial": False,
}
FERRY_STORY = (
    "<h1>Why the Island Ferries Run Less Often</h1>\n"
    '<p class="byline">By Lotte Varga</p>\n'
    "<p>The winter timetable for the island ferries arrived in letterboxes this week with four fewer crossings "
    "a day. The operator blames fuel costs; the islanders blame a contract that pays by the passenger.</p>\n"
)

COMPLIANT_BODY = f"""# The harbour that was sold

A long paragraph about a harbour, its workers and a sale nobody voted for.

*The original source of this article is [Global Research]({GR_URL}).*

Copyright © Ana Ruiz, Global Research, 2024
"""

COMPLIANT_META = {
    "title": "The harbour that was sold",
    "author": "Ana Ruiz",
    "original_url": GR_URL,
    "original_published": "2024-03-02",
    "commercial": False,
    "medium": "web",
}


def markdown(meta: dict, body: str) -> str:
    import yaml

    return "---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\n" + body


@pytest.fixture
def write_md(tmp_path):
    def write(name: str, meta: dict, body: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(markdown(meta, body), encoding="utf-8")
        return path

    return write


# Policies written by tests ----------------------------------------------------

#: The head of a policy written by a test: four lines, so a test's own lines start at line 5.
POLICY_HEAD = "id: {id}\nname: P\npublisher: P\nsource_url: https://p.example/terms\n"

HARBOUR_POLICY = (
    "id: harbour-herald\nname: Harbour Herald reprint terms\npublisher: Harbour Herald\n"
    "source_url: https://harbour.example/terms\napplies_to: [harbour.example]\nrules:\n"
    "  - id: credit\n    check: attribution\n    names: [Harbour Herald]\n    message: Credit the Harbour Herald\n"
)
HARBOUR_META = {"title": "Gulls are back", "original_url": "https://harbour.example/gulls", "medium": "web"}
CREDITED = "# Gulls are back\n\nThe gulls came back to the pier this spring.\n\nFirst published by Harbour Herald.\n"
UNCREDITED = "# Gulls are back\n\nThe gulls came back to the pier this spring.\n"


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def write_policy(tmp_path: Path, policy_id: str, rest: str) -> Path:
    return write(tmp_path / f"{policy_id}.yaml", POLICY_HEAD.format(id=policy_id) + rest)
