"""Locks a forked child can use: a web worker may fork (``multiprocessing``'s fork start method, a pre-forking
server) while its threads check reprints."""

from __future__ import annotations

import os
from typing import Protocol, TypeVar


class _Lock(Protocol):
    def acquire(self, blocking: bool = ..., timeout: float = ...) -> bool: ...

    def release(self) -> None: ...


_L = TypeVar("_L", bound=_Lock)


def fork_safe(lock: _L) -> _L:
    """``lock``, taken before each fork and let go after it, in the parent and in the child.

    A fork copies a lock as it is: one held by another thread at that moment is held in the child for good
    (the thread is not copied), and the child's first call that needs it waits forever. Taken first, the fork
    waits for that thread to finish what it guards (milliseconds), and the child starts with the lock free and
    the state it guards whole.
    """
    if hasattr(os, "register_at_fork"):  # not on Windows, which has no fork
        os.register_at_fork(before=lock.acquire, after_in_parent=lock.release, after_in_child=lock.release)
    return lock
