"""Standard streams made to take every character a report holds, in the encoding its reader expects."""

from __future__ import annotations

import codecs
from typing import IO

#: The error handler that writes what an encoding cannot take as ``\uXXXX`` escapes.
_ESCAPE = "reprint-guard-escape"


def _escaped(error: UnicodeError) -> tuple[str, int]:
    """What a stream in a narrower encoding writes for characters it cannot take: ``\\uXXXX`` escapes (a
    surrogate pair beyond the BMP), readable in a message and valid inside a JSON string."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    units = error.object[error.start : error.end].encode("utf-16-be", "surrogatepass")
    codes = (int.from_bytes(units[i : i + 2], "big") for i in range(0, len(units), 2))
    return "".join(f"\\u{code:04x}" for code in codes), error.end


def _escaping() -> str:
    """The escaping error handler's name, registered on first use."""
    try:
        codecs.lookup_error(_ESCAPE)
    except LookupError:
        codecs.register_error(_ESCAPE, _escaped)
    return _ESCAPE


def _codec(stream: IO[str]) -> str | None:
    """The normalised name of ``stream``'s encoding (None: unknown to Python)."""
    try:
        return codecs.lookup(getattr(stream, "encoding", None) or "utf-8").name
    except LookupError:
        return None


def encode_safely(*streams: IO[str], machine: bool = False, workflow: bool = False) -> None:
    """A console or file in another encoding than UTF-8 (a Windows code page, ``PYTHONIOENCODING=ascii``)
    cannot take every character a report holds (an author's name, a ✖): those are written escaped, not
    raised on halfway through a report.

    ``machine``: the first stream gets JSON, written all ASCII then, which reads
    the same in UTF-8 (as a reader of JSON expects it) and in the code page.
    ``workflow``: the first stream gets GitHub workflow commands, which the
    runner reads as UTF-8 on every system: written so, a file's name in
    ``file=`` is the file's (escaped, it would name none).
    """
    for index, stream in enumerate(streams):
        reconfigure = getattr(stream, "reconfigure", None)
        codec = _codec(stream)
        if reconfigure is None or codec in ("utf-8", "utf-16", "utf-32"):
            continue  # a lone surrogate (an undecodable file name) is escaped where it is written
        if index == 0 and workflow:
            reconfigure(encoding="utf-8", errors=_escaping())
        elif index == 0 and machine:
            reconfigure(encoding="ascii", errors=_escaping())
        elif codec is not None:
            reconfigure(errors=_escaping())
