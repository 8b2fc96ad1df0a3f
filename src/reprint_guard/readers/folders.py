"""Whether a folder holds any metadata sidecar at all, known from one listing of it.

A file's sidecar may have four names (``NAME.md.meta.yaml``, ``NAME.meta.yml``,
...): four look-ups per article, most of them in folders that hold no sidecar.
A CMS or a script checking a folder's files one by one with
:func:`reprint_guard.check_file` asks about the same folder again and again; from
its second question on, one listing answers for all its files, as long as the
folder has not changed since (its modification time, checked on every question).

A listing is trusted only when the folder's last change was some seconds before
it: a file system keeps times to a clock tick, and a sidecar added within the
tick the folder was listed in could leave the time as it was (Git's "racily
clean" index entries are the same problem, met the same way). The change time
(ctime) counts as well as the modification time: a folder extracted anew from
a tarball may carry the old one's modification time and inode, but not its
change time, which no program can set.
"""

from __future__ import annotations

import os
import threading
import time

from ..forking import fork_safe

#: How long before a listing the folder must have last changed for the listing to be trusted.
_SETTLED_NS = 2_000_000_000
#: The most folders remembered; past it, the memory starts again (a walk of a huge site goes on at one a time).
_MAX_FOLDERS = 4096


class _Known:
    """What is known of one folder: when it last changed, and (once listed) whether a sidecar is in it."""

    __slots__ = ("changed", "device", "inode", "has_sidecars")

    def __init__(self, changed: int, device: int, inode: int, has_sidecars: bool | None) -> None:
        self.changed = changed
        self.device = device
        self.inode = inode
        self.has_sidecars = has_sidecars


_KNOWN: dict[str, _Known] = {}
_LOCK = fork_safe(threading.Lock())


def may_hold_sidecars(folder: str, suffixes: tuple[str, ...]) -> bool:
    """False when ``folder`` surely holds no file ending with one of ``suffixes`` (lower case ASCII, compared
    blind to case, so a case-insensitive file system's ``A.META.YAML`` counts); True when it may, or when
    that is not known (first asked, just changed, not listable)."""
    try:
        status = os.stat(folder or ".")
    except (OSError, ValueError):
        return True
    known = _KNOWN.get(folder)
    # Its entries' last change, or its own (a folder made anew, though a tarball dates it in the past).
    changed = max(status.st_mtime_ns, status.st_ctime_ns)
    if (
        known is not None
        and known.changed == changed
        and known.inode == status.st_ino
        and known.device == status.st_dev
    ):
        if known.has_sidecars is not None:
            return known.has_sidecars
        if time.time_ns() - changed >= _SETTLED_NS:  # asked before, and settled: list it now
            known.has_sidecars = _lists_sidecars(folder, suffixes)
            if known.has_sidecars is not None:
                return known.has_sidecars
        return True
    with _LOCK:
        if len(_KNOWN) >= _MAX_FOLDERS:
            _KNOWN.clear()
        _KNOWN[folder] = _Known(changed, status.st_dev, status.st_ino, None)
    return True


def _lists_sidecars(folder: str, suffixes: tuple[str, ...]) -> bool | None:
    """Whether a name in ``folder`` ends with one of ``suffixes`` (None: the folder could not be listed)."""
    try:
        names = os.listdir(folder or ".")
    except (OSError, ValueError):
        return None
    return any(name.lower().endswith(suffixes) for name in names)


def forget() -> None:
    """Forget every folder (tests, and a long-running process that wants a fresh look)."""
    with _LOCK:
        _KNOWN.clear()
