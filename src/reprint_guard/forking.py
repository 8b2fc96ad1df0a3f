"""Locks a forked child can use: a web worker may fork (``multiprocessing``'s fork start method, a pre-forking
server) while its threads check reprints."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from typing import Any, NamedTuple, Protocol, TypeVar


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
        os.register_at_fork(
            before=lambda: _before_fork(lock), after_in_parent=lock.release, after_in_child=lock.release
        )
    return lock


def _before_fork(lock: _Lock) -> None:
    """The library's modules finished (:func:`_finish_imports`) before any of its locks is taken (the hook
    run first does it; the rest find it done), then ``lock``: a thread that holds a lock while it imports a
    module finishes both."""
    _finish_imports()
    lock.acquire()


#: Modules from outside the package that its functions import on first use (a test holds this list to the
#: source): finished before a fork, as the package's own modules are (:func:`_finish_imports`).
LAZY_IMPORTS = (
    "bisect",
    "colorsys",
    "concurrent.futures",
    "concurrent.futures.process",
    "contextlib",
    "copy",
    "datetime",
    "difflib",
    "html",
    "idna",
    "json",
    "json.decoder",
    "jsonschema",
    "multiprocessing",
    "pathlib",
    "pathspec",
    "posixpath",
    "publicsuffixlist",
    "pyromark",
    "re._constants",
    "re._parser",
    "re2",
    "secrets",
    "select",
    "selectolax.lexbor",
    "shlex",
    "signal",
    "stat",
    "subprocess",
    "tempfile",
    "textwrap",
    "time",
    "tomllib",
    "unicodedata",
    "unidiff",
    "urllib.parse",
    "warnings",
    "yaml",
    "zoneinfo",
)

_FINISHED = [False]


class _Unraisable(NamedTuple):
    """What ``sys.unraisablehook`` is given: a failing fork hook is told as Python tells one."""

    exc_type: Any
    exc_value: Any
    exc_traceback: Any
    err_msg: str | None
    object: Any


def _finish_imports() -> None:
    """Before a fork while other threads run: every module the library imports on first use, imported now.

    A thread in the middle of such an import holds that module's import lock; forked then, the child
    inherits the lock held by a thread it does not have, and its first call that imports the module waits
    forever. Imported here first, the fork waits for that thread's import to finish, and no lock of the
    library's modules is held later (a module imported whole is no longer locked). Once per process; with
    one thread, nothing can be in the middle of an import, and the command line's workers pay nothing.
    """
    if _FINISHED[0] or threading.active_count() < 2:
        return
    from importlib import import_module
    from pkgutil import walk_packages

    # A module imported now may register fork hooks of its own (logging's, a lock of the library's): Python
    # has already chosen which "before" hooks this fork runs, but runs every "after" hook there is, and the
    # one that lets go of a lock no hook took fails ("release unlocked lock"), or lets go of another thread's.
    # Each such "before" is run here, once the imports are done, as it would have been had they come first.
    registered: list[dict[str, Callable[[], object]]] = []
    register = os.register_at_fork

    def noted(**hooks: Callable[[], object]) -> None:
        registered.append(hooks)
        register(**hooks)

    os.register_at_fork = noted
    try:
        package = __name__.rpartition(".")[0]  # walking the package imports its subpackages
        names = [info.name for info in walk_packages(import_module(package).__path__, package + ".")]
        for name in [*LAZY_IMPORTS, *(name for name in names if not name.endswith("__main__"))]:
            try:
                import_module(name)
            except Exception:  # an optional module missing, or an import cycle: the fork goes on
                continue
    finally:
        os.register_at_fork = register
    _FINISHED[0] = True
    for hooks in reversed(registered):  # in Python's order: the last registered first
        before = hooks.get("before")
        if before is not None:
            try:
                before()
            except Exception:  # as Python reports a failing hook and goes on  # pragma: no cover
                sys.unraisablehook(_Unraisable(*sys.exc_info(), None, before))  # type: ignore[arg-type]


if hasattr(os, "register_at_fork"):  # for a process that has made none of the library's locks yet
    os.register_at_fork(before=_finish_imports)
