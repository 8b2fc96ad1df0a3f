"""Typed errors: one base class that carries where the problem is.

The CLI turns these into one-line ``file:line:column: message`` reports and
exit status 2; a CMS catches :class:`ReprintGuardError` and shows the message.
"""

from __future__ import annotations


class ReprintGuardError(Exception):
    """Base class for every problem with input, policies or usage."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def location(self) -> str:
        parts = [self.path or "<input>"]
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


class InputError(ReprintGuardError):
    """The reprint itself cannot be read: bad front matter, JSON, encoding, size."""


class NotAReprintError(InputError):
    """A JSON file that is not a reprint envelope (skipped when found by walking a folder)."""


class PolicyError(ReprintGuardError):
    """A policy file is invalid, or a policy id is unknown."""


class ConfigError(ReprintGuardError):
    """The project configuration is invalid."""


class UsageError(ReprintGuardError):
    """The command line or the library call is wrong."""
