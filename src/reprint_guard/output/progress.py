"""A progress bar on standard error, only on a terminal and never in CI logs."""

from __future__ import annotations

import os
import sys
import time
from typing import IO, Any


def wanted(stream: IO[str] | None = None, total: int = 0) -> bool:
    stream = stream or sys.stderr
    isatty = getattr(stream, "isatty", None)
    in_ci = any(os.environ.get(name) for name in ("CI", "GITHUB_ACTIONS", "BUILD_NUMBER", "TF_BUILD"))
    return bool(isatty and isatty()) and not in_ci and os.environ.get("TERM") != "dumb" and total >= 50


class Progress:
    def __init__(self, total: int, stream: IO[str] | None = None) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.done = 0
        self.last = 0.0
        self.drawn = False  # whether the bar stands on the terminal's last line

    def advance(self) -> None:
        self.done += 1
        now = time.monotonic()
        # Drawn again at once when a report's lines took its place, else ten times a second at most.
        if not self.drawn or now - self.last >= 0.1 or self.done == self.total:
            self.last = now
            width = 30
            filled = width * self.done // max(self.total, 1)
            self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} files")
            self.stream.flush()
            self.drawn = True

    def clear(self) -> None:
        """Take the bar off its line, so that what is written next starts at the line's start."""
        if self.drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self.drawn = False

    def close(self) -> None:
        self.stream.write("\r\x1b[2K")
        self.stream.flush()
        self.drawn = False

    def sharing(self, report: IO[str]) -> IO[str]:
        """``report`` as the formatters should write to it: when it shows on the same terminal, each write
        clears the bar first (else a result's line would run on after the bar's)."""
        isatty = getattr(report, "isatty", None)
        return _ClearingStream(report, self) if isatty is not None and isatty() else report


class _ClearingStream:
    """A stream that clears the progress bar before each write (the rest is the stream's own)."""

    def __init__(self, stream: IO[str], progress: Progress) -> None:
        self._stream = stream
        self._progress = progress

    def write(self, text: str) -> int:
        if text:
            self._progress.clear()
        return self._stream.write(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
