"""Typed errors: one base class that carries where the problem is.

The CLI turns these into one-line ``file:line:column: message`` reports and
exit status 2; a CMS catches :class:`ReprintGuardError` and shows the message.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

#: Characters that start a new line somewhere (str.splitlines), and the other control characters (ESC starts
#: a terminal's escape sequences): a message quoting input (a file name) must not contain them.
_CONTROL_ESCAPES = {chr(c): f"\\x{c:02x}" for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)] if c != 0x09}
#: The bidirectional embeddings, overrides and isolates: one in a quoted value would show the rest of the
#: line reversed or reordered in a terminal or an annotation (a "Trojan Source" display).
_CONTROL_ESCAPES |= {chr(c): f"\\u{c:04x}" for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}
#: The characters that show nothing (the zero-width space, the word joiner, the byte-order mark, the soft hyphen,
#: the direction marks, the invisible operators): a key or an address quoted with one would look the same as the
#: one it is not ("'original\u200b_url' ... did you mean 'original_url'?"). The two joiners, which Persian and
#: the Indic scripts write words with, are shown as they are.
_CONTROL_ESCAPES |= {
    chr(c): f"\\u{c:04x}" for c in [0xAD, 0x61C, 0x180E, 0x200B, 0x200E, 0x200F, *range(0x2060, 0x2065), 0xFEFF]
}
_LINE_BREAKS = str.maketrans(_CONTROL_ESCAPES | {"\u2028": "\\u2028", "\u2029": "\\u2029"})


#: The control characters but the tab and the line feed: text may run over lines, never drive a terminal.
_CONTROLS = str.maketrans({char: escape for char, escape in _CONTROL_ESCAPES.items() if char != "\n"})


def no_controls(text: str) -> str:
    """``text`` with control characters (ESC, NUL, CR) written as escapes; its line breaks kept."""
    return text.translate(_CONTROLS) if not text.isprintable() else text


def shown_line(text: str) -> str:
    """``text`` as one line a terminal shows as written: line breaks and control characters as escapes (a
    file name with ESC[2J in it clears no screen)."""
    return no_controls(one_line(text))


def from_here(path: str) -> str:
    """An absolute ``path`` below the working folder named from it (a config found by looking up, as its
    warnings and errors both name it); any other path as it is."""
    if not os.path.isabs(path):
        return path
    try:
        shown = os.path.relpath(path)
    except (ValueError, OSError):  # on another drive; the working folder removed
        return path
    return path if shown.startswith("..") else shown


def one_line(message: str) -> str:
    """``message`` with line breaks written as escapes: errors quote input, and an error is one line."""
    return message.translate(_LINE_BREAKS)


class ReprintGuardError(Exception):
    """Base class for every problem with input, policies or usage.

    ``field``: the metadata key (dotted into a record: ``permissions.0.date``) a bad value stands at, for a
    CMS that passes metadata as data and shows the error beside the form's field (it has no line).
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
    ) -> None:
        message = one_line(message)
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.field = field

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled with where it is (a worker process's error reaches the parent whole)."""
        where = {"path": self.path, "line": self.line, "column": self.column, "field": self.field}
        return _rebuilt, (type(self), self.message, where)

    def location(self) -> str:
        parts = [one_line(self.path) if self.path else "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        if self.path is None and self.line is None:
            return self.message
        return f"{self.location()}: {self.message}"

    def at(self, path: str | None = None, line_offset: int = 0) -> ReprintGuardError:
        """Return the same error placed in a file, with lines shifted by ``line_offset``."""
        if path is not None and self.path is None:
            self.path = path
        if self.line is not None:
            self.line += line_offset
        return self


def _rebuilt(kind: type[ReprintGuardError], message: str, where: dict[str, Any]) -> ReprintGuardError:
    return kind(message, **where)


class InputError(ReprintGuardError):
    """The reprint itself cannot be read: bad front matter, JSON, encoding, size."""


class SiteFileError(InputError):
    """A file of a page's site (a Hugo ``_index.md`` or config, Jekyll's ``_config.yml``) that does not read: an
    error of every page it would give values to, told in that file (once, where the output can), even without
    a line."""


class NotAReprintError(InputError):
    """A JSON file that is not a reprint envelope (skipped when found by walking a folder)."""


class TooLargeError(InputError):
    """A file over the size limit, refused before it is read."""


class PolicyError(ReprintGuardError):
    """A policy file is invalid, or a policy id is unknown."""


class PolicyWarning(UserWarning):
    """A likely slip in a policy of one's own (a misspelt placeholder or metadata field, which a site's own key
    may bear too): warned of, and the policy used as it stands; ``reprint-guard validate`` tells each."""


class ConfigError(ReprintGuardError):
    """The project configuration is invalid."""


class UsageError(ReprintGuardError):
    """The command line or the library call is wrong."""


# Interruptions ---------------------------------------------------------------------------------------------


class Terminated(KeyboardInterrupt):
    """The run was told to stop by SIGTERM (a CI job cancelled, ``timeout``, systemd): it unwinds as Ctrl-C
    does, every temporary file removed, and the command line exits 143 (128 + 15), as a shell reports it."""


#: How deep the code is in :func:`signals_held` sections, and the stop signals that came meanwhile.
_HELD = [0]
_PENDING: list[int] = []


def _interruption(signum: int) -> KeyboardInterrupt:
    return Terminated() if signum == getattr(signal, "SIGTERM", None) else KeyboardInterrupt()


def _on_stop_signal(signum: int, frame: object) -> None:
    if _HELD[0]:  # in a step that must not be cut in two: raised when it is done
        _PENDING.append(signum)
        return
    raise _interruption(signum)


def handle_stop_signals() -> dict[int, Any]:
    """SIGINT and SIGTERM raise :class:`KeyboardInterrupt` and :class:`Terminated` in the main thread (the
    command line's), or wait for the end of a :func:`signals_held` section. A signal the process was started
    ignoring (``nohup``, a background job of a script) stays ignored. Returns the handlers replaced, for
    :func:`restore_signals` (a test or a host that calls the command line's ``main`` keeps its own)."""
    replaced: dict[int, Any] = {}
    if threading.current_thread() is not threading.main_thread():
        return replaced
    for name in ("SIGINT", "SIGTERM"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) is not signal.SIG_IGN:
            replaced[number] = signal.signal(number, _on_stop_signal)
    return replaced


def restore_signals(replaced: dict[int, Any]) -> None:
    """Put back the handlers :func:`handle_stop_signals` replaced."""
    for number, handler in replaced.items():
        signal.signal(number, handler if handler is not None else signal.SIG_DFL)


#: The exit status when the output's reader went away (``| head``): a program SIGPIPE stops gives 128 + 13.
OUTPUT_CLOSED = 141


def stopped_as_a_shell_tells(main: Callable[[], int]) -> int:
    """``main()``, its SIGINT or SIGTERM unwound (:func:`handle_stop_signals`) and told in one line: the exit
    status a shell reports, 130 or 143. The command line's entry and the Action's."""
    import sys

    replaced = handle_stop_signals()
    try:
        return main()
    except KeyboardInterrupt as stop:  # wherever it came: while the options or inputs were read, too
        terminated = isinstance(stop, Terminated)
        if sys.stderr is not None:
            sys.stderr.write(f"reprint-guard: {'terminated' if terminated else 'interrupted'}\n")
        return 143 if terminated else 130
    finally:
        restore_signals(replaced)


@contextmanager
def signals_held() -> Iterator[None]:
    """A step a stop signal must not cut in two (a temporary file made and noted for removal, a file written
    in place): a SIGINT or SIGTERM that comes meanwhile is raised when it is done. Only with the handlers of
    :func:`handle_stop_signals` (the command line's); a library host's own handlers are left alone."""
    _HELD[0] += 1
    try:
        yield
    finally:
        _HELD[0] -= 1
        if not _HELD[0] and _PENDING:
            signum = _PENDING[0]
            _PENDING.clear()
            raise _interruption(signum)
