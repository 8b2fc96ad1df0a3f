"""A progress bar on standard error, only on a terminal and never in CI logs."""

from __future__ import annotations

import os
import sys
import time
from typing import IO


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

    def advance(self) -> None:
        self.done += 1
        now = time.monotonic()
        if now - self.last >= 0.1 or self.done == self.total:
            self.last = now
            width = 30
            filled = width * self.done // max(self.total, 1)
            self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} files")
            self.stream.flush()

    def close(self) -> None:
        self.stream.write("\r\x1b[2K")
        self.stream.flush()
