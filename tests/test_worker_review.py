"""The library as a long-running web worker uses it: threads, forked and spawned processes, policies edited
on disk, interrupted checks. Real files, real threads and processes; each test a few seconds at most."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

import pytest

import reprint_guard
from conftest import COMPLIANT_BODY, COMPLIANT_META, CREDITED, HARBOUR_META, HARBOUR_POLICY, markdown, write


@contextmanager
def _switching_often() -> Iterator[None]:
    """Threads switched as often as the interpreter can: a race shows in a few hundred calls, not millions."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(before)


def test_checks_in_threads_leave_the_hosts_warning_filters_as_they_were():
    """A config's globs were compiled inside ``warnings.catch_warnings()``, which swaps the process's filter
    list (shared by every thread): two checks compiling at once left an "ignore FutureWarning" filter in the
    host's warnings for good (or dropped a filter the host set meanwhile)."""

    def check(index: int) -> bool:
        globs = [f"tenant{index}/{n}/[ab]*.md" if n % 2 else f"tenant{index}/{n}/**/*.md" for n in range(10)]
        config = {"overrides": [{"paths": [glob], "metadata": {"medium": "web"}} for glob in globs]}
        return reprint_guard.check(COMPLIANT_BODY, COMPLIANT_META, config=config, path=f"tenant{index}/a.md").ok

    reprint_guard.check(COMPLIANT_BODY, COMPLIANT_META)  # imports and the bundled policies, before the count
    before = list(warnings.filters)
    with _switching_often(), ThreadPoolExecutor(8) as pool:
        assert all(pool.map(check, range(300)))
    assert warnings.filters == before


def _child_finishes(lock: Any, call: Callable[[], object]) -> bool:
    """Whether a child forked while another thread holds ``lock`` (as a web worker forks while its threads
    check) finishes ``call``: a lock copied held into the child is held there for good, by a thread the child
    does not have. The holder lets go after half a second, so a fix that waits for the lock before forking
    passes too."""
    held = threading.Event()

    def hold() -> None:
        with lock:
            held.set()
            time.sleep(0.5)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            call()
        except BaseException:
            os._exit(1)
        os._exit(0)
    holder.join()
    deadline = time.monotonic() + 4
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status) == 0
        time.sleep(0.02)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return False


def _check_with_a_new_word() -> None:
    """A check whose policy asks about a word no policy asked about before: the word lexicon is made anew."""
    text = HARBOUR_POLICY.replace("harbour-herald", "fork-child") + (
        "  - {id: no-gulls, check: text, mode: forbid, pattern: forkchild\\w+, message: No such word}\n"
    )
    policy = reprint_guard.parse_policy(text, name="db:fork")
    assert reprint_guard.check(CREDITED, HARBOUR_META, policy=policy).ok


fork_only = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")


@fork_only
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Python 3.12 on warns of a fork with threads running
def test_a_process_forked_while_a_thread_makes_the_word_lexicon_can_check(tmp_path):
    from reprint_guard import prefilter

    reprint_guard.check(CREDITED, HARBOUR_META)
    assert _child_finishes(prefilter._LEXICON_LOCK, _check_with_a_new_word)


@fork_only
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_process_forked_while_a_thread_notes_a_folder_can_check(tmp_path):
    from reprint_guard.readers import folders

    article = write(tmp_path / "new-folder" / "a.md", "---\ntitle: t\n---\nBody.\n")
    assert _child_finishes(folders._LOCK, lambda: reprint_guard.check_file(article))


@fork_only
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_process_forked_while_a_thread_compiles_a_glob_can_check(tmp_path):
    from reprint_guard import suppressions

    config = {"overrides": [{"paths": ["fork/[ab]*.md"], "metadata": {"medium": "web"}}]}
    assert _child_finishes(
        suppressions._QUIET, lambda: reprint_guard.check(COMPLIANT_BODY, COMPLIANT_META, config=config)
    )


@fork_only
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_process_forked_while_a_thread_reads_policies_can_check(tmp_path):
    from reprint_guard.policy import loader

    folder = tmp_path / "policies"
    write(folder / "harbour.yaml", HARBOUR_POLICY)
    assert _child_finishes(loader._lock, lambda: reprint_guard.check(CREDITED, HARBOUR_META, rules_dirs=folder))


@pytest.mark.parametrize("name", ["loop", "dangling", "nul"])
def test_a_file_not_there_to_read_is_the_same_input_error_with_a_config_or_without(tmp_path, name):
    """``check_file(path, config=True)`` resolved the path before reading it: a link to itself leaked Python's
    RuntimeError ("Symlink loop"), a name with a NUL byte its ValueError, and a link to nothing was a
    UsageError, where the call without a config raises the InputError a CMS's hook catches for a file it
    cannot read."""
    article = tmp_path / "a.md"
    if name == "nul":
        article = tmp_path / "a\0b.md"
    else:
        article.symlink_to(article if name == "loop" else tmp_path / "gone.md")
    with pytest.raises(reprint_guard.InputError) as plain:
        reprint_guard.check_file(article)
    for config in (True, {"defaults": {"medium": "web"}}):
        with pytest.raises(reprint_guard.InputError) as configured:
            reprint_guard.check_file(article, config=config)
        assert str(configured.value) == str(plain.value)


def test_a_label_with_a_nul_byte_checks_with_a_config_as_without():
    """``check_text``'s ``path`` only labels the text, and a CMS's slug may hold anything: with a config, the
    reader looked for a metadata sidecar beside it, and the file system's ValueError ("embedded null byte")
    leaked out of the call."""
    document = markdown(COMPLIANT_META, COMPLIANT_BODY)
    plain = reprint_guard.check_text(document, path="posts/a\0b.md")
    for config in (True, {"defaults": {"medium": "web"}}):
        configured = reprint_guard.check_text(document, path="posts/a\0b.md", config=config)
        assert (configured.status, configured.findings) == (plain.status, plain.findings)


def test_cached_policy_sets_share_the_bundled_policies(tmp_path):
    """Each set of a tenant's rules folder built the bundled policies anew (about 1.6 MB a set, 450 MB at the
    cache's 256): they are built once and shared, so a check's caches keyed by a policy hit across tenants."""
    from reprint_guard.policy.loader import policy_set

    sets = []
    for tenant in ("a", "b"):
        write(tmp_path / tenant / "harbour.yaml", HARBOUR_POLICY)
        sets.append(policy_set([tmp_path / tenant]))
    assert sets[0] is not sets[1]
    assert sets[0].get("global-research") is sets[1].get("global-research")
    assert sets[0].get("harbour-herald") is not sets[1].get("harbour-herald")  # each tenant's own, read apart
