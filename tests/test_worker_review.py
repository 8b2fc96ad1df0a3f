"""The library as a long-running web worker uses it: threads, forked and spawned processes, policies edited
on disk, interrupted checks. Real files, real threads and processes; each test a few seconds at most."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import reprint_guard
from conftest import COMPLIANT_BODY, COMPLIANT_META


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
