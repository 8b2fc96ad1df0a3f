"""Interruptions and odd inputs from a review: SIGTERM and Ctrl-C mid-run, workers, trickling named pipes,
--jobs, --fix in a read-only folder. Real processes, real signals, real named pipes."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import ROOT

BASE = ROOT / "examples" / "global-research" / "markdown" / "missing-link-original-homepage.md"


def _env() -> dict[str, str]:
    steering = ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "GITHUB_WORKSPACE", "CI")
    env = {k: v for k, v in os.environ.items() if k not in steering}
    env["PYTHONPATH"] = str(ROOT / "src")
    return env


def _start(*args: str, cwd: Path, python: str = "") -> subprocess.Popen[bytes]:
    """The CLI in a session of its own (a terminal's ^C reaches its whole process group)."""
    command = [sys.executable, "-m", "reprint_guard", *args]
    if python:  # a setting changed before the CLI runs (a shorter wait)
        command = [sys.executable, "-c", f"{python}\nfrom reprint_guard.cli import main\nraise SystemExit(main())"]
        command += list(args)
    return subprocess.Popen(
        command,
        cwd=cwd,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=_as_at_a_terminal,
    )


def _as_at_a_terminal() -> None:
    """^C as a terminal's job gets it: a test run started in the background (``cmd &`` in a script) passes its
    children SIGINT ignored, and Python then raises no KeyboardInterrupt for it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _copies(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        shutil.copyfile(BASE, folder / f"a{i:04}.md")


def _finish(proc: subprocess.Popen[bytes], timeout: float = 60) -> tuple[int, str, str]:
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise AssertionError("the run hung") from None
    return proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


def _temp_files(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))


@pytest.mark.parametrize("after", [3, 60, 200])
def test_sigterm_during_fix_leaves_no_temporary_file_and_says_so(tmp_path, after):
    """SIGTERM (a CI job cancelled, ``timeout``) killed the run as it stood: a ``.a118.md.y738v4sb.tmp`` was
    left beside the articles in 5 runs of 30. It unwinds as Ctrl-C does now, and exits 143."""
    folder = tmp_path / "d"
    _copies(folder, 300)
    fixed = tmp_path / "fixed" / "one.md"
    _copies(fixed.parent, 1)
    assert _finish(_start("check", "--fix", "--no-config", str(fixed.parent), cwd=tmp_path))[0] == 0
    fixed_bytes = (fixed.parent / "a0000.md").read_bytes()
    proc = _start("check", "--fix", "--no-config", "--no-progress", ".", cwd=folder)
    assert proc.stderr is not None
    seen = 0
    while seen < after:  # the fixes written so far, one line each on standard error
        line = proc.stderr.readline()
        assert line, "the run ended before the signal"
        seen += b": fixed " in line
    proc.send_signal(signal.SIGTERM)
    code, _, err = _finish(proc)
    assert code == 143 and err.endswith("reprint-guard: terminated\n"), (code, err[-500:])
    assert "Traceback" not in err
    assert _temp_files(folder) == []
    original = BASE.read_bytes()
    assert all((folder / name).read_bytes() in (original, fixed_bytes) for name in os.listdir(folder))


def test_sigterm_while_the_reports_are_written_leaves_no_temporary_file(tmp_path):
    """``--json rep/r.json`` killed by SIGTERM left ``rep/.reprint-guard-aa0co24t.tmp``."""
    folder = tmp_path / "d"
    _copies(folder, 600)
    reports = tmp_path / "rep"
    both = ("--json", str(reports / "r.json"), "--sarif", str(reports / "r.sarif"))
    proc = _start("check", "--no-config", "--jobs", "1", ".", *both, cwd=folder)
    deadline = time.monotonic() + 30
    while len(_temp_files(reports) if reports.exists() else []) < 2:  # both reports begun
        assert proc.poll() is None and time.monotonic() < deadline, "the run ended before the signal"
        time.sleep(0.005)
    proc.send_signal(signal.SIGTERM)
    code, _, err = _finish(proc)
    assert code == 143 and err.endswith("reprint-guard: terminated\n"), (code, err[-500:])
    assert os.listdir(reports) == []


_CHILDREN_LISTED = os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children")


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as handle:
            return [int(child) for child in handle.read().split()]
    except OSError:
        return []


@pytest.mark.skipif(not _CHILDREN_LISTED, reason="needs /proc's children lists to see the worker processes")
@pytest.mark.parametrize(
    ("signum", "code", "said"), [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")]
)
@pytest.mark.parametrize(("wait", "group"), [(0.3, True), (1.5, True), (0.6, False), (1.0, False)])
def test_a_signal_to_the_process_group_stops_the_workers_quietly(tmp_path, signum, code, said, wait, group):
    """A terminal's ^C reaches every process of the group: the workers printed 60 lines of tracebacks
    (``Process ForkProcess-2: ... call_queue.get ... KeyboardInterrupt``) before the main process's one
    line. Only that line is printed now, and no worker is left. Sent to the main process alone (``kill``),
    it stops the workers itself, at once (a worker stopped while it sent its results once left the pool
    waiting for the rest for ever)."""
    folder = tmp_path / "many"
    _copies(folder, 3000)
    proc = _start("check", "--no-config", "--jobs", "4", ".", cwd=folder)
    deadline = time.monotonic() + 30
    while len(_children(proc.pid)) < 4:
        assert proc.poll() is None and time.monotonic() < deadline, "no workers started"
        time.sleep(0.01)
    workers = _children(proc.pid)
    time.sleep(wait)
    assert proc.poll() is None, "the run ended before the signal"
    (os.killpg if group else os.kill)(proc.pid, signum)
    started = time.monotonic()
    got, _, err = _finish(proc, timeout=30)
    assert time.monotonic() - started < 10
    assert (got, err) == (code, f"reprint-guard: {said}\n")
    for worker in workers:
        assert not os.path.exists(f"/proc/{worker}") or "zombie" in Path(f"/proc/{worker}/status").read_text()


@pytest.mark.skipif(not _CHILDREN_LISTED, reason="needs /proc's children lists to see the worker processes")
def test_jobs_far_above_the_cpus_starts_a_few_workers_a_cpu_and_no_more_than_the_files_need(tmp_path):
    """``--jobs`` went straight to the process pool: ``--jobs 1000`` forked 1,000 processes for 300 files and
    took 15 s instead of 0.9 s; ``--jobs 5000`` on 3,000 files was still running at 60 s."""
    folder = tmp_path / "m"
    _copies(folder, 100)  # batches of 8 files: 13
    proc = _start("check", "--no-config", "--jobs", "1000", ".", cwd=folder)
    most = 0
    while proc.poll() is None:
        most = max(most, len(_children(proc.pid)))
        time.sleep(0.002)
    code, out, err = _finish(proc)
    assert code == 1 and err == "" and "in 100 files: 0 passed, 100 failed" in out, (code, err, out[-300:])
    assert 0 < most <= min(4 * len(os.sched_getaffinity(0)), 13), most


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_that_trickles_has_a_deadline_for_the_whole_article(tmp_path):
    """A writer sending a byte a second is never silent for the 5 s the pipe may rest: the check waited for
    it with no bound (80 bytes, 80 s: killed by ``timeout`` with no message). The whole article now has a
    deadline (30 s; 1 s here), told in one line naming the pipe, exit 2."""
    pipe = tmp_path / "p.md"
    os.mkfifo(pipe)
    stop = threading.Event()

    def trickle() -> None:
        try:
            with open(pipe, "wb", buffering=0) as handle:
                for _ in range(100):
                    if stop.wait(0.2):
                        return
                    handle.write(b"a")
        except BrokenPipeError:  # the check gave up on it, as it should
            pass

    writer = threading.Thread(target=trickle, daemon=True)
    writer.start()
    started = time.monotonic()
    shorter = "import reprint_guard.readers as readers\nreaders.PIPE_DEADLINE_S = 1.0"
    proc = _start("check", "--no-config", "p.md", cwd=tmp_path, python=shorter)
    code, out, err = _finish(proc)
    stop.set()
    writer.join(5)
    assert time.monotonic() - started < 10
    assert code == 2 and "Traceback" not in err, (code, out, err)
    said = [line for line in out.splitlines() + err.splitlines() if "p.md" in line]
    assert len(said) == 1 and said[0].startswith("p.md: this named pipe or device had not ended after 1 s ("), said
    assert "bytes sent so far; not a regular file): save what it sends to a file and check that" in said[0]


def _without_root_powers() -> list[str]:
    """A command prefix under which root, as these tests run, is refused what a user is (a folder's mode)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("root here, and no setpriv to drop the power to write anywhere")
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search", "--"]


def test_fix_writes_a_writable_file_in_a_read_only_folder_in_place(tmp_path):
    """The fix is written to a temporary file beside the article, then moved over it; a folder that takes no
    new file (chmod 555, a shared folder of another user's) refused the fix ("cannot write the fix:
    Permission denied", exit 2), though the file itself could be written. It is written in place, as a file
    with other hard links is."""
    folder = tmp_path / "d"
    _copies(folder, 1)
    story = folder / "a0000.md"
    story.chmod(0o644)
    folder.chmod(0o555)
    try:
        proc = subprocess.run(
            [*_without_root_powers(), sys.executable, "-m", "reprint_guard", "check", "--no-config", "--fix", "."],
            cwd=folder,
            env=_env(),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == 0 and "a0000.md: fixed global-research/link-original" in proc.stderr, proc.stderr
        assert "cannot write" not in proc.stderr
        assert os.listdir(folder) == ["a0000.md"] and story.read_bytes() != BASE.read_bytes()
        assert os.stat(story).st_mode & 0o777 == 0o644
        again = subprocess.run(
            [sys.executable, "-m", "reprint_guard", "check", "--no-config", "."],
            cwd=folder,
            env=_env(),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert again.returncode == 0, again.stdout
    finally:
        folder.chmod(0o755)


def test_a_signal_during_a_write_in_place_waits_for_the_write_to_end(tmp_path):
    """A fix written in place (a file with other hard links, a read-only folder) was cut by Ctrl-C or SIGTERM
    between writing and truncating: a shorter text was left with the old one's tail after it."""
    from reprint_guard import errors, fix

    story = tmp_path / "story.md"
    story.write_text("x" * 1000, encoding="utf-8")
    os.link(story, tmp_path / "twin.md")  # written in place, so that both names still name it
    truncating = fix._write_in_place.__code__.co_firstlineno + next(
        number
        for number, line in enumerate(
            Path(fix.__file__)
            .read_text(encoding="utf-8")
            .splitlines()[fix._write_in_place.__code__.co_firstlineno - 1 :]
        )
        if line.strip() == "handle.truncate()"
    )

    def tracer(frame, event, arg):  # SIGTERM just before the truncation
        if frame.f_code is fix._write_in_place.__code__:
            if event == "line" and frame.f_lineno == truncating:
                os.kill(os.getpid(), signal.SIGTERM)
            return tracer
        return None

    before = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    errors.handle_stop_signals()
    sys.settrace(tracer)
    try:
        with pytest.raises(errors.Terminated):
            fix.write_atomically(str(story), "short\n")
    finally:
        sys.settrace(None)
        for number, handler in before.items():
            signal.signal(number, handler)
    assert story.read_bytes() == b"short\n" and (tmp_path / "twin.md").read_bytes() == b"short\n"


@pytest.mark.parametrize(
    ("named", "said"),
    [
        ("/dev/zero", "/dev/zero: not a regular file, so not read as a policy"),
        ("", "explain needs POLICY/RULE, a policy id or a policy file, not an empty name"),
        ("/dev/zero/x", "unknown policy '/dev/zero/x': no policy id starts with '/', and no such file is there"),
    ],
)
def test_explain_names_what_it_was_given(tmp_path, named, said):
    """A path from the root was split at its first '/', and the empty id before it looked for: ``explain
    /dev/zero`` and ``explain ''`` both said "unknown policy ''", naming nothing given."""
    proc = subprocess.run(
        [sys.executable, "-m", "reprint_guard", "explain", "--no-config", named],
        cwd=tmp_path,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (proc.returncode, proc.stdout, proc.stderr) == (2, "", f"reprint-guard: {said}\n")


def test_the_command_lines_main_leaves_the_callers_signal_handlers_as_they_were(tmp_path, capsys):
    """main() answers SIGTERM as Ctrl-C while it runs; a test or a host calling it keeps its own handlers."""
    from reprint_guard.cli import main

    before = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    assert main(["explain", "--no-config", "global-research"]) == 0
    capsys.readouterr()
    assert {number: signal.getsignal(number) for number in before} == before


def test_a_signal_while_the_options_are_read_is_one_line_too(monkeypatch, capsys):
    """SIGTERM early in a run (while the options were read, before the command's own handling) ended with
    a traceback and exit 1 (``reprint_guard.errors.Terminated``), in one run of twelve killed at random."""
    from reprint_guard import cli

    made = cli._parser

    def parser_then_signal():  # the signal lands as the options are read
        os.kill(os.getpid(), signal.SIGTERM)
        return made()

    monkeypatch.setattr(cli, "_parser", parser_then_signal)
    assert cli.main(["explain", "--no-config", "global-research"]) == 143
    assert capsys.readouterr().err == "reprint-guard: terminated\n"
