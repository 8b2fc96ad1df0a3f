"""Readers turn a file, a string or standard input into a :class:`~reprint_guard.reprint.Reprint`.

One module per input format; this module picks the reader, enforces the input
limits (size, encoding, binary) and merges metadata from the file, a sidecar
``NAME.meta.yaml`` and ``--meta`` overrides, in that order of precedence.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from stat import S_ISREG
from typing import Any

from ..errors import InputError, NotAReprintError, TooLargeError
from ..limits import MAX_FILE_BYTES
from ..metaview import (
    BLANK_AS_UNSET,
    READ_KEYS,
    REPRINT_ONLY_KEYS,
    MetadataView,
    keys_with_format_chars,
    name_without_format_chars,
    only_slugs,
    read_metadata,
    valid_as_written,
)
from ..reprint import Reprint
from .folders import may_hold_sidecars

#: The suffixes read, and as what: Markdown's as Jekyll and Hugo read them (``markdown_ext``: md, markdown,
#: mkdown, mkdn, mkd; Hugo's mdown), so no article a site publishes is passed over in a walk.
SUFFIX_FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkdown": "markdown",
    ".mkdn": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
}
INPUT_FORMATS = ("markdown", "html", "json", "text")
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml")


def format_for(path: str | Path) -> str | None:
    return SUFFIX_FORMATS.get(os.path.splitext(str(path))[1].lower())


#: What an empty article file is told.
_EMPTY_ARTICLE = "empty file: there is no article to check"


def decode(data: bytes, path: str, *, empty: str = _EMPTY_ARTICLE, kind: str = "a text article") -> str:
    """Bytes to text, refusing binary and non-UTF-8 input with a position; ``empty``: what an empty file is told,
    ``kind``: what a binary one is not (a metadata sidecar is no article)."""
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"file is larger than the {MAX_FILE_BYTES // (1024 * 1024)} MiB limit", path=path)
    nul = data.find(b"\x00")
    if nul >= 0:
        _refuse_wide(data, path)
        line, column = byte_position(data, nul)
        raise InputError(f"binary file (NUL byte), not {kind}", path=path, line=line, column=column)
    # A byte-order mark is dropped by hand: the "utf-8-sig" codec is Python code, "utf-8" is C.
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        text = (data[bom:] if bom else data).decode("utf-8")
    except UnicodeDecodeError as exc:
        _refuse_wide(data, path)  # UTF-16 of text with no ASCII in it has no NUL byte
        at = bom + exc.start
        line, column = byte_position(data, at)
        raise InputError(
            f"{_NOT_UTF8} (byte 0x{data[at]:02x}); save the file as UTF-8",
            path=path,
            line=line,
            column=column,
        ) from None
    if not text or text.isspace():
        raise InputError(empty, path=path)
    return text


_NOT_UTF8 = "not valid UTF-8"


def decode_page(data: bytes, path: str) -> tuple[str, str | None]:
    """An HTML page's bytes to text, and the encoding they were in when not UTF-8 (else None): a page that
    is not UTF-8 is read in the encoding its ``<meta>`` declares, as a browser reads it (see
    :mod:`.charset`). With no declaration, or a UTF-8 byte-order mark, it is refused as :func:`decode` does."""
    try:
        return decode(data, path), None
    except InputError as exc:
        legacy = exc.message.startswith(_NOT_UTF8) and not data.startswith(b"\xef\xbb\xbf")
        if not legacy:
            raise
        from .charset import declared_encoding, declared_label, label

        encoding = declared_encoding(data)
        if encoding is None:  # a page may say what it is in, as a browser needs it to
            named = declared_label(data)
            bad_byte, _, way_out = exc.message.partition("; ")  # "not valid UTF-8 (byte 0xe9)", "save the file..."
            unknown = named and named.lower().replace("_", "-") not in ("utf-8", "utf8")
            raise InputError(
                f"{bad_byte}, and its <meta> declares {named!r}, no encoding a browser reads pages in; {way_out}"
                if unknown
                else f'{exc.message}, or declare the encoding it is in (<meta charset="windows-1252">, say)',
                path=exc.path,
                line=exc.line,
                column=exc.column,
            ) from None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as exc:  # the declared encoding lacks a byte the page holds
        line, column = byte_position(data, exc.start)
        raise InputError(
            f"not valid {label(encoding)}, the encoding its <meta> declares (byte 0x{data[exc.start]:02x}); "
            "save the file as UTF-8",
            path=path,
            line=line,
            column=column,
        ) from None


#: Byte-order marks of the encodings Windows tools write (PowerShell 5's Out-File: UTF-16 LE), longest first.
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def _refuse_wide(data: bytes, path: str) -> None:
    """Name UTF-16 or UTF-32 for what it is (asked only of bytes that are not UTF-8 text: no cost otherwise)."""
    wide = wide_encoding(data)
    if wide is not None:
        raise InputError(f"{wide} text, not UTF-8; save the file as UTF-8", path=path, line=1, column=1)


def wide_encoding(data: bytes) -> str | None:
    """ "UTF-16" or "UTF-32" when the bytes are text in one (a byte-order mark, or ASCII text with every
    other byte NUL), else None: named, instead of being called binary."""
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            return name
    head = data[:64]
    if len(head) < 8 or not any(head):  # too short to tell, or zeros: binary
        return None
    if not any(head[1::4] + head[2::4] + head[3::4]) or not any(head[0::4] + head[1::4] + head[2::4]):
        return "UTF-32"  # ASCII text, each character with three NUL bytes
    if not any(head[1::2]) or not any(head[0::2]):
        return "UTF-16"  # ASCII text, each character with one NUL byte
    return None


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # not on Windows, which has no named pipes in the file system
#: How long a named pipe or device named as an article may take to send its first bytes.
PIPE_WAIT_S = 5.0
#: How long a named pipe or device may take to send the whole article, however steadily it sends: a writer
#: sending a byte a second (or one every 4 s, under the wait above) held the run for as long as it liked.
#: A shell's ``<(command)`` that makes a page has this long; a slower source is saved to a file first.
PIPE_DEADLINE_S = 30.0


def _read_pipe(fd: int, name: str, deadline: float) -> bytes:
    """A named pipe's or a device's bytes to its end, up to the limit: a writer that stops sending for
    :data:`PIPE_WAIT_S` before it closes the pipe, or has not closed it by ``deadline`` (a
    :func:`time.monotonic` time), is an error, not a wait without end."""
    import time

    data = b""
    while len(data) <= MAX_FILE_BYTES:
        left = deadline - time.monotonic()
        if left <= 0:
            raise InputError(
                f"this named pipe or device had not ended after {PIPE_DEADLINE_S:g} s ({len(data)} bytes sent so "
                "far; not a regular file): save what it sends to a file and check that",
                path=name,
            )
        try:
            more = os.read(fd, MAX_FILE_BYTES + 1 - len(data))
        except BlockingIOError:  # nothing yet: wait for more, a while
            if not _readable_within(fd, min(PIPE_WAIT_S, left)):
                if left < PIPE_WAIT_S:
                    continue  # the deadline passed first: said so above
                raise InputError(
                    f"this named pipe or device sent {len(data)} bytes, then nothing for {PIPE_WAIT_S:g} s, and did "
                    "not end (not a regular file)",
                    path=name,
                ) from None
            continue
        if not more:
            break
        data += more
    if len(data) > MAX_FILE_BYTES:
        raise TooLargeError(f"file is larger than the {MAX_FILE_BYTES // (1024 * 1024)} MiB limit", path=name)
    return data


def _readable_within(fd: int, seconds: float) -> bool:
    """Whether ``fd`` has something to read (or its writer came and went) within ``seconds``."""
    import select

    if not hasattr(select, "poll"):
        return True  # no way to wait here: read as before
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    return bool(poller.poll(seconds * 1000))


#: How a CMS envelope starts: an object whose first key is one of an envelope's.
_ENVELOPE_START = re.compile(rb'\A(?:\xef\xbb\xbf)?\s*\{\s*"(?:metadata|body|format)"\s*:')


def _envelope_start(path: str | Path) -> bool:
    """Whether a JSON file too large to read starts as an envelope does (else it is some other JSON, passed
    over in a walk as any non-envelope JSON is)."""
    try:
        with open(path, "rb") as handle:
            return _ENVELOPE_START.match(handle.read(4096)) is not None
    except OSError:
        return True  # unreadable: an error, as before


def read_limited(path: str | Path, name: str) -> bytes:
    """A file's bytes, refusing one over the size limit before reading it.

    It asks for the size the file has (plus one byte, to notice growth) and
    then reads on to the end, up to the limit: asking for the limit at once
    would make Python allocate (and the kernel zero) 5 MiB for every small
    article. Pipes and short reads come back in pieces, so it loops.
    """
    # No file object: it would stat the file once more. Non-blocking, so that opening a named pipe does not
    # wait for a writer that may never come; a pipe or device gets PIPE_WAIT_S for its first bytes, then is
    # read to its end as any pipe is.
    fd = os.open(path, os.O_RDONLY | _NONBLOCK)
    try:
        status = os.fstat(fd)
        size = status.st_size
        if size > MAX_FILE_BYTES:
            raise TooLargeError(f"file is larger than the {MAX_FILE_BYTES // (1024 * 1024)} MiB limit", path=name)
        if _NONBLOCK and not S_ISREG(status.st_mode):
            import time

            deadline = time.monotonic() + PIPE_DEADLINE_S
            if not _readable_within(fd, min(PIPE_WAIT_S, PIPE_DEADLINE_S)):
                raise InputError(
                    f"nothing came through this named pipe or device in {PIPE_WAIT_S:g} s (not a regular file)",
                    path=name,
                )
            return _read_pipe(fd, name, deadline)
        data = os.read(fd, size + 1)
        if len(data) <= size and S_ISREG(status.st_mode):
            return data  # a short read of a regular file is its end: no need to ask again
        while len(data) <= MAX_FILE_BYTES:
            more = os.read(fd, MAX_FILE_BYTES + 1 - len(data))
            if not more:
                break
            data += more
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        raise TooLargeError(f"file is larger than the {MAX_FILE_BYTES // (1024 * 1024)} MiB limit", path=name)
    return data


def without_surrogates(value: Any) -> Any:
    """``value`` with lone surrogates in its strings (JSON allows ``"\\ud83d"``; text decoded from UTF-8 never
    has them) replaced by U+FFFD, as a browser shows them: no later step has to cope with text that is not
    Unicode. Dicts and lists are walked; a string that encodes as UTF-8 is returned as it is.
    """
    if isinstance(value, str):
        if value.isascii():
            return value
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            import re

            return re.sub("[\ud800-\udfff]", "\ufffd", value)
        return value
    if isinstance(value, dict):
        return {without_surrogates(k): without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_surrogates(v) for v in value]
    return value


#: An envelope's keys, as a file that is not UTF-8 (a Windows-1252 "é", a raw NUL) still writes them.
_ENVELOPE_KEYS = (re.compile(rb'"metadata"\s*:\s*\{'), re.compile(rb'"body"\s*:'))


def _looks_like_envelope(data: bytes) -> bool:
    """Whether bytes that are not UTF-8 text start as a CMS envelope or hold its "metadata" object and its
    "body": a reprint exported in the wrong encoding is an error to tell, not a file to pass over unchecked."""
    return _ENVELOPE_START.match(data[:4096]) is not None or all(key.search(data) for key in _ENVELOPE_KEYS)


def _wide_envelope(data: bytes) -> bool:
    """Whether UTF-16 or UTF-32 bytes hold a CMS envelope (a JSON object with a "body")."""
    wide = wide_encoding(data)
    if wide is None:
        return False
    import json

    for codec in ("utf-32", "utf-16") if wide == "UTF-32" else ("utf-16", "utf-16-le", "utf-16-be"):
        try:
            value = json.loads(data.decode(codec))
        except (UnicodeDecodeError, ValueError, RecursionError):
            continue
        return isinstance(value, dict) and "body" in value
    return False


def json_problem(exc: Any) -> tuple[str, int, int]:
    """What a ``json.JSONDecodeError`` says is wrong, and its line and column: a message that ends "at" ends
    where Python puts the place ("Unterminated string starting at"), and for a control character the
    character is named instead; a trailing comma, which Python tells at the bracket after it as a missing
    name or value (Python 3.13 names it, at the comma), is told as such at the comma."""
    if exc.msg in ("Expecting property name enclosed in double quotes", "Expecting value"):
        before = exc.doc[: exc.pos].rstrip()
        closing = exc.doc[exc.pos : exc.pos + 1]
        if before.endswith(",") and closing in ("}", "]"):
            line, column = text_position(exc.doc, len(before) - 1)
            return f"a trailing comma before the closing {closing!r}: JSON allows none (remove it)", line, column
    if exc.msg.startswith("Illegal trailing comma before end of"):
        closing = exc.doc[exc.pos + 1 :].lstrip()[:1]
        if closing in ("}", "]"):
            line, column = text_position(exc.doc, exc.pos)
            return f"a trailing comma before the closing {closing!r}: JSON allows none (remove it)", line, column
    return _json_message(exc), exc.lineno, exc.colno


def _json_message(exc: Any) -> str:
    if exc.msg == "Invalid control character at":
        char = exc.doc[exc.pos : exc.pos + 1] if exc.pos < len(exc.doc) else ""
        if char == "\0":
            return "a NUL byte inside a string (binary data?): write it escaped (\\u0000), or remove it"
        return f"Invalid control character {char!r} (a raw line break or tab inside a string: write it escaped)"
    if exc.msg == "Unterminated string starting at":
        return "a string that starts here is never closed"
    return exc.msg.removesuffix(" at")  # the place is told apart


#: A bracket, or a string (double-quoted with escapes; TOML's single-quoted literal strings too), read past.
_BRACKETS_AND_STRINGS = re.compile(r'[\[\]{}]|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'')


def deepest_place(text: str, limit: int) -> int:
    """Where ``text`` (JSON, TOML) first opens a bracket ``limit`` levels deep, or -1: for a parser's
    RecursionError, told at its place rather than nowhere. One pass, strings read past."""
    depth = 0
    for found in _BRACKETS_AND_STRINGS.finditer(text):
        char = found.group()
        if char in "[{":
            depth += 1
            if depth >= limit:
                return found.start()
        elif char in "]}":
            depth = max(depth - 1, 0)
    return -1


class InfiniteNumber(ValueError):
    """A number too large for a float (JSON's or TOML's ``1e400``), which Python reads as infinity: refused, at
    its place, rather than checked as ``inf`` (and told as ``'inf'`` when it is the wrong kind of value)."""

    def __init__(self, literal: str) -> None:
        super().__init__(f"the number {literal} is too large (it reads as infinity): quote it, or write a smaller one")
        self.literal = literal


def finite_float(literal: str) -> float:
    """A JSON or TOML float as Python reads it, but one too large for a float (TOML's ``inf`` is infinity)."""
    value = float(literal)
    if value in (_INFINITY, -_INFINITY) and literal.lstrip("+-") != "inf":
        raise InfiniteNumber(literal)
    return value


_INFINITY = float("inf")


def number_place(text: str, literal: str) -> int:
    """Where ``literal`` first stands as a value in ``text`` (after ``:``, ``=``, ``[`` or ``,``), or -1."""
    found = re.search(r"[:=\[,][ \t\r\n]*(" + re.escape(literal) + r")(?![\w.+-])", text)
    return found.start(1) if found else -1


def text_position(text: str, index: int, first_line: int = 1) -> tuple[int, int]:
    """Line and column of a character of ``text``, whose first line is ``first_line`` of its file."""
    return first_line + text.count("\n", 0, index), index - (text.rfind("\n", 0, index) + 1) + 1


def byte_position(data: bytes, index: int) -> tuple[int, int]:
    """Line and column of a byte, the column in characters as an editor counts them (and findings do)."""
    line = data.count(b"\n", 0, index) + 1
    start = data.rfind(b"\n", 0, index) + 1
    return line, len(data[start:index].decode("utf-8", "replace")) + 1


def read_file(
    path: str | Path,
    *,
    meta: Mapping[str, Any] | None = None,
    bare_urls: bool = True,
    format: str | None = None,
    key_map: Mapping[str, str] | None = None,
    defaults: Mapping[str, Any] | None = None,
    has_sidecar: bool | None = None,
    skip_elements: Sequence[str] = (),
    raw_html: bool = True,
    markdown_in_html: bool = False,
    policy_given: bool = False,
    site_places: Mapping[str, tuple[str, int, int]] | None = None,
) -> Reprint:
    """Read a reprint from a file; ``meta`` overrides what the file declares, ``defaults`` fill gaps.

    ``has_sidecar`` says whether a ``NAME.meta.yaml`` exists, when the caller
    already listed the folder (None: look). ``policy_given``: as for :func:`build`.
    """
    name = str(path)
    stem, suffix = os.path.splitext(name)
    kind = format or SUFFIX_FORMATS.get(suffix.lower())
    if kind is None and name.lower().endswith(SIDECAR_SUFFIXES) and os.path.isfile(name):
        raise InputError("a metadata sidecar with no article beside it (NAME.md, .html or .json)", path=name)
    if kind is None:
        if os.path.isdir(name):
            raise InputError("a folder, not a file: name one of its files (the command line walks folders)", path=name)
        raise InputError(f"unknown file type: expected one of {', '.join(SUFFIX_FORMATS)}", path=name)
    try:
        data = read_limited(path, name)
    except TooLargeError as exc:
        if kind == "json" and not _envelope_start(path):  # a site's search index or data file, in a walk
            raise NotAReprintError(f"{exc.message}, and not a CMS envelope by its start", path=name) from None
        raise
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path=name) from None
    except ValueError:  # a NUL byte in the name
        raise InputError("cannot read file: the name has a NUL byte", path=name.replace("\0", "\\0")) from None
    sidecar, written = (
        sidecar_metadata(path, stem=stem, overridden=meta or (), key_map=key_map)
        if has_sidecar is not False
        else ({}, None)
    )
    merged = {**sidecar, **(meta or {})} if sidecar else meta
    if kind == "json" and not data.strip():  # an empty .json is no envelope: passed over in a folder walk
        raise NotAReprintError(_EMPTY_ARTICLE, path=name)
    encoding = None
    try:
        text, encoding = decode_page(data, name) if kind == "html" else (decode(data, name), None)
    except InputError as exc:
        if kind != "json" or _wide_envelope(data) or _looks_like_envelope(data):  # ours, wrongly saved
            raise
        # JSON is UTF-8 (RFC 8259): a .json that is not (UTF-16, binary) is no envelope of ours either.
        raise NotAReprintError(exc.message, path=exc.path, line=exc.line, column=exc.column) from None
    reprint = read_text(
        text,
        path=name,
        format=kind,
        meta=merged,
        bare_urls=bare_urls,
        key_map=key_map,
        defaults=defaults,
        skip_elements=skip_elements,
        raw_html=raw_html,
        markdown_in_html=markdown_in_html,
        policy_given=policy_given,
        site_places=site_places,
    )
    reprint.sidecar = written
    reprint.encoding = encoding
    note_sidecar_clashes(reprint, sidecar, meta)
    return reprint


def note_sidecar_clashes(reprint: Reprint, sidecar: Mapping[str, Any], meta: Mapping[str, Any] | None) -> None:
    """Record on ``reprint`` the keys its metadata sidecar sets that the file's own metadata (front matter, a
    JSON envelope's "metadata") sets too, to another value: the sidecar's wins, silently, so they are told
    (``conflicting-keys``). A key ``meta`` (--meta, an override) sets too is decided there, not compared."""
    if not sidecar or not reprint.replaced:
        return
    reprint.sidecar_clashes = [
        (key, line, value, sidecar[key])
        for key, (line, value) in reprint.replaced.items()
        if key in sidecar and not (meta and key in meta) and _differs(_as_text(value), _as_text(sidecar[key]), key)
    ]


def _as_text(value: Any) -> Any:
    """A date or a moment as ISO 8601 text, one way for each: YAML's 2017-03-01 and JSON's "2017-03-01" alike, a
    moment in UTC however its offset is written (YAML's ``15:00:00Z`` and JSON's ``"15:00:00Z"``), and a day's
    midnight without an offset as that day (``2025-02-14T00:00:00`` beside ``"2025-02-14"``)."""
    import datetime

    if isinstance(value, str) and value[:4].isdigit() and value[4:5] == "-":
        try:
            value = datetime.datetime.fromisoformat(value.strip())
        except ValueError:
            return value
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            return value.astimezone(datetime.UTC).isoformat()
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    return value.isoformat() if isinstance(value, (datetime.date, datetime.time)) else value


class Sidecar(dict):  # type: ignore[type-arg]
    """A metadata sidecar's keys and values, with where it is and the line of each key."""

    def __init__(self, data: dict[str, Any], path: str, key_lines: dict[str, int]) -> None:
        super().__init__(data)
        self.path = path
        self.key_lines = key_lines


def sidecar_metadata(
    path: str | Path,
    *,
    stem: str | None = None,
    overridden: Iterable[str] = (),
    key_map: Mapping[str, str] | None = None,
) -> tuple[dict[str, Any], tuple[str, dict[str, int]] | None]:
    """A file's sidecar metadata, the site's keys named as ours (``key_map``), and the sidecar with the line
    of each key of ours it sets but ``overridden`` (--meta, an override) replaces: a finding about such a
    value is told at its line in the sidecar. ({}, None) without a sidecar."""
    sidecar = _read_sidecar(path, stem=stem, overridden=overridden)
    if not isinstance(sidecar, Sidecar):
        return sidecar, None
    replaced = set(overridden)
    lines = remap(sidecar, sidecar.key_lines, key_map)[1] if key_map else sidecar.key_lines
    place = sidecar.path, {key: line for key, line in lines.items() if key not in replaced}
    return (remap(sidecar, {}, key_map)[0] if key_map else sidecar), place


def _read_sidecar(path: str | Path, *, stem: str | None = None, overridden: Iterable[str] = ()) -> dict[str, Any]:
    """The metadata of the file's sidecar, if it has one: ``NAME.html.meta.yaml`` (the file's own), else
    ``NAME.meta.yaml`` (or ``.yml``) beside it (``stem``: NAME).

    A bad value is told at its line in the sidecar, unless ``overridden`` (``--meta``, an override) replaces it.
    """
    if not may_hold_sidecars(os.path.dirname(str(path)), SIDECAR_SUFFIXES):  # a folder without any: no look-up
        return {}
    names = sidecar_names(path, stem)
    if "\0" in names[0]:  # no file has such a name (a text's label, given to check_text): the system would raise
        return {}
    for at, sidecar in enumerate(names):
        # os.access answers "no" without raising (and building) an exception, the usual answer here; not
        # following links, it sees a dangling one too.
        if os.access(sidecar, os.F_OK, follow_symlinks=_FOLLOW_LINKS):
            _one_sidecar(path, sidecar, names[at + 1 :])
            if not os.path.isfile(sidecar):  # its metadata would be lost, and the article pass unchecked
                raise InputError(
                    "metadata sidecar is not a regular file (a dangling link, a folder or a pipe)", path=sidecar
                )
            target = link_out_of_repository(sidecar)
            if target is not None:
                raise InputError(f"metadata sidecar links out of the repository ({target}): not read", path=sidecar)
            return _sidecar_data(sidecar, overridden)
    return {}


def link_out_of_repository(path: str) -> str | None:
    """Where ``path`` leads when it is a symbolic link to a file outside the repository it stands in (or, out
    of git, outside the working folder); None for anything else. A pull request may add a link to
    ``/etc/passwd`` or a runner's secret: what a walk finds there is not read, and a finding never quotes it."""
    if not os.path.islink(path):
        return None
    target = os.path.realpath(path)
    root = repository_of(os.path.dirname(os.path.abspath(path))) or os.path.realpath(".")  # outside git: here
    return None if target == root or target.startswith(root.rstrip(os.sep) + os.sep) else target


@lru_cache(maxsize=64)
def repository_of(folder: str) -> str | None:
    """The top of the git work tree holding ``folder``, or None (asked only for a link that leaves the
    working folder, so a walk without such links runs no git)."""
    import subprocess

    try:
        proc = subprocess.run(
            ["git", "-C", folder, "rev-parse", "--show-toplevel"], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return None
    top = proc.stdout.strip()
    return os.path.realpath(top) if proc.returncode == 0 and top else None


#: Whether ``os.access`` must follow links (it cannot look at one itself there, and misses a dangling sidecar).
_FOLLOW_LINKS = os.access not in os.supports_follow_symlinks


def _one_sidecar(path: str | Path, found: str, later: list[str]) -> None:
    """Refuse a second sidecar that would be passed over: ``NAME.meta.yml`` beside ``NAME.meta.yaml``, or the
    shared ``NAME.meta.yaml`` beside the file's own ``NAME.html.meta.yaml`` when no other article shares the
    name (the shared one is then this file's too). Its values would be silently lost."""
    name = str(path)
    for other in later:
        if not os.access(other, os.F_OK, follow_symlinks=_FOLLOW_LINKS):
            continue
        same_base = other.rsplit(".", 1)[0] == found.rsplit(".", 1)[0]
        if not same_base:
            stem = os.path.splitext(name)[0]
            siblings = [stem + suffix for suffix in SUFFIX_FORMATS if stem + suffix != name]
            if any(os.path.exists(sibling) for sibling in siblings):
                continue  # NAME.meta.yaml is another article's as well: this one's own takes its place
        raise InputError(
            f"two metadata sidecars for one article: {os.path.basename(found)} is read, and "
            f"{os.path.basename(other)} beside it would be passed over; keep one",
            path=other,
        )


def sidecar_names(path: str | Path, stem: str | None = None) -> list[str]:
    """Where a file's sidecar may be, in the order it is looked for: its own (``NAME.html.meta.yaml``), then
    the one its name shares (``NAME.meta.yaml``), each as ``.yaml`` or ``.yml``."""
    name = str(path)
    if stem is None:
        stem = os.path.splitext(name)[0]
    return [base + suffix for base in (name, stem) for suffix in SIDECAR_SUFFIXES]


#: What a binary metadata sidecar is told it is not.
SIDECAR_KIND = "a YAML metadata sidecar"


def _sidecar_data(sidecar: str, overridden: Iterable[str]) -> dict[str, Any]:
    from ..safeyaml import as_metadata, load

    try:
        data_bytes = read_limited(sidecar, sidecar)
    except OSError as exc:  # there, but not readable: the sidecar's error, not an internal one
        raise InputError(f"cannot read metadata sidecar: {exc.strerror or exc}", path=sidecar) from None
    # An empty sidecar is one not filled in yet: its article would pass as no reprint, unchecked.
    empty = "empty metadata sidecar: write the reprint's metadata in it, or remove it"
    text = decode(data_bytes, sidecar, empty=empty, kind=SIDECAR_KIND)
    try:
        # A flat sidecar (keys and scalars, lists of them, permission records) is read as front matter is,
        # without PyYAML's nodes (the same data and lines); anything else, or a fault, is PyYAML's to read.
        loaded = load(text, flat=True, keys=READ_KEYS)
    except InputError as exc:
        raise as_metadata(exc.at(sidecar)) from None
    data = loaded.data
    if data is None:  # comments only
        raise InputError(empty, path=sidecar)
    if not isinstance(data, dict):
        raise InputError("metadata sidecar must be a mapping of keys to values", path=sidecar, line=1)
    odd = next((key for key in data if type(key) is not str), _NONE)
    if odd is not _NONE:  # 'true:', '3:' in a sidecar: told as written, at its line
        raise bad_key_error(odd, data, loaded.key_lines, sidecar)
    replaced = set(overridden)
    problem = metadata_problem({k: v for k, v in data.items() if k not in replaced} if replaced else data)
    if problem is not None:  # told at its line in the sidecar, not at line 1 of the article
        key, dotted, message = problem
        line = loaded.key_lines.get(key)
        column = 1 if line else None
        if line and dotted == key and message.startswith("'") and _says_no_date(message):  # at the value, as YAML's
            column = value_column(text.split("\n")[line - 1], ":") or 1
        raise InputError(f"metadata '{dotted}': {message}", path=sidecar, line=line, column=column, field=dotted)
    return Sidecar(data, sidecar, loaded.key_lines)


def read_bytes(data: bytes, *, path: str = "<stdin>", format: str = "markdown", **options: Any) -> Reprint:
    """Read a reprint from raw bytes (standard input, an upload); options as for :func:`read_text`."""
    if format != "html":
        return read_text(decode(data, path), path=path, format=format, **options)
    text, encoding = decode_page(data, path)
    reprint = read_text(text, path=path, format=format, **options)
    reprint.encoding = encoding
    return reprint


def read_text(
    text: str,
    *,
    path: str = "<input>",
    format: str = "markdown",
    meta: Mapping[str, Any] | None = None,
    bare_urls: bool = True,
    key_map: Mapping[str, str] | None = None,
    defaults: Mapping[str, Any] | None = None,
    skip_elements: Sequence[str] = (),
    raw_html: bool = True,
    markdown_in_html: bool = False,
    policy_given: bool = False,
    site_places: Mapping[str, tuple[str, int, int]] | None = None,
) -> Reprint:
    """Read a whole document (front matter and all) in one of :data:`INPUT_FORMATS`.

    ``skip_elements``: CSS selectors of elements that are not the article (a whole page's menu, sidebar
    or footer); their text, links and media are left out. ``raw_html``: False when the site's renderer
    leaves a Markdown body's raw HTML out (Hugo's default): it is then not seen. ``markdown_in_html``: True
    when it reads the Markdown inside an HTML block whose tag says ``markdown="1"`` (Jekyll's kramdown).
    ``policy_given``: as for :func:`build`.
    """
    extra = {"key_map": key_map, "defaults": defaults, "skip_elements": skip_elements, "raw_html": raw_html}
    if markdown_in_html:  # the site's renderer reads Markdown inside an HTML block marked markdown="1" (kramdown)
        extra["markdown_in_html"] = True
    if policy_given:
        extra["policy_given"] = True
    if site_places:  # where the site's cascade or defaults (in ``defaults``) set each key they give
        extra["site_places"] = site_places
    try:
        if format == "markdown":
            front = _split_front_matter(text)
            try:
                return _in_syntax(
                    text,
                    build(
                        front.body,
                        front.data,
                        format="markdown",
                        path=path,
                        meta=meta,
                        key_lines=front.key_lines,
                        key_columns=front.key_columns,
                        body_line=front.body_line,
                        bare_urls=bare_urls,
                        **extra,
                    ),
                )
            except InputError as exc:
                raise _at_the_nested_value(exc, text, front.body_line, meta) from None
        if format == "html":
            from .html import read_html

            # A Jekyll or Hugo page's front matter, if a fence, or Hugo's JSON object at the top (as Markdown's)
            if (text[:3] in ("---", "+++") or text[:1] == "{") and "\n" in text:
                try:
                    front = _split_front_matter(text)
                except InputError:
                    # A "{" line that opens no JSON object: the page's own text (a stray brace before its <p>),
                    # unless a member follows it ("title": ...), as in JSON front matter written wrong
                    from .markdown import json_front_matter_begun

                    if text[:1] != "{" or json_front_matter_begun(text):
                        raise
                    return read_html(text, path=path, meta=meta, bare_urls=bare_urls, **extra)
                if front.body_line > 1:
                    page = read_html(front.body, path=path, meta=meta, bare_urls=bare_urls, front=front, **extra)
                    return _in_syntax(text, page)
            return read_html(text, path=path, meta=meta, bare_urls=bare_urls, **extra)
        if format == "json":
            from .json import read_json

            return read_json(text, path=path, meta=meta, bare_urls=bare_urls, **extra)
        if format == "text":
            return build(text, {}, format="text", path=path, meta=meta, bare_urls=bare_urls, **extra)
    except InputError as exc:
        raise exc.at(path) from None
    raise InputError(f"unknown input format {format!r}; use one of {', '.join(INPUT_FORMATS)}", path=path)


#: A metadata error's place in its message: ``metadata 'permissions.0.date': ...``.
_DOTTED = re.compile(r"metadata '([^']+)'")


def nested_place(exc: InputError, meta: Mapping[str, Any] | None) -> list[str] | None:
    """The keys and indices down to the bad value a metadata error names inside a key's value
    (``['permissions', '0', 'date']``), or None: a top-level value's error stands at its key already (but a
    date that is none, told at its value as a date YAML cannot read is), and a value ``meta`` (--meta, an
    override) set is not the file's."""
    found = _DOTTED.match(exc.message)
    parts = found.group(1).split(".") if found else []
    placed = len(parts) > 1 or (
        len(parts) == 1 and exc.message.startswith(f"metadata '{parts[0]}': '") and _says_no_date(exc.message)
    )
    return parts if placed and not (meta and parts[0] in meta) else None


def _says_no_date(message: str) -> bool:
    """Whether a metadata error says its value is no date (:func:`_metadata_problem`, :func:`.safeyaml.load`):
    one told at the value, as a date YAML cannot read is."""
    from ..safeyaml import NO_DATE_SAID

    return any(said in message for said in NO_DATE_SAID)


def _at_the_nested_value(exc: InputError, text: str, body_line: int, meta: Mapping[str, Any] | None) -> InputError:
    """A bad value inside a YAML front matter key's value (a permission's date), told at that value, not at
    the key that holds it: the front matter is composed again (only on this error path) for its places."""
    parts = nested_place(exc, meta)
    if parts is not None and len(parts) == 1 and text[:1] in "+{" and exc.line is not None:
        # A date that is none, quoted in TOML or JSON front matter: at the value, as YAML's and an envelope's are
        line = text.split("\n")[exc.line - 1]
        if text[:1] == "+":
            column = value_column(line, "=")
        else:
            key = _JSON_KEY_THEN.match(line, (exc.column or 1) - 1)
            column = key.end() + 1 if key else None
        return (
            exc
            if column is None
            else InputError(exc.message, path=exc.path, line=exc.line, column=column, field=exc.field)
        )
    if parts is None or not text.startswith("---"):
        return exc
    import yaml

    lines = text.splitlines(keepends=True)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose("".join(lines[1 : max(body_line - 2, 1)]), Loader=loader)
    except yaml.YAMLError:
        return exc
    for part in parts:
        if isinstance(node, yaml.MappingNode):
            node = next((value for key, value in node.value if getattr(key, "value", None) == part), None)
        elif isinstance(node, yaml.SequenceNode) and part.isdigit() and int(part) < len(node.value):
            node = node.value[int(part)]
        else:
            node = None
        if node is None:
            return exc
    mark = node.start_mark
    return InputError(exc.message, path=exc.path, line=mark.line + 2, column=mark.column + 1, field=exc.field)


#: A key (bare or quoted) at the start of a line, and what follows it up to its value: ``:`` or ``=``.
_KEY_THEN = {
    sep: re.compile(rf"""[ \t]*(?:"[^"\n]*"|'[^'\n]*'|[^\s"'{sep}#][^{sep}\n]*?)[ \t]*{sep}[ \t]*(?=[^\s#])""")
    for sep in (":", "=")
}


#: A JSON object's key and its colon, up to its value.
_JSON_KEY_THEN = re.compile(r'"(?:[^"\\\n]|\\.)*"\s*:\s*')


def value_column(line: str, sep: str) -> int | None:
    """The column a top-level key's value starts at on ``line`` (``sep``: YAML's ``:``, TOML's ``=``), or None."""
    found = _KEY_THEN[sep].match(line)
    return found.end() + 1 if found else None


def _in_syntax(text: str, reprint: Reprint) -> Reprint:
    """``reprint``, told the syntax of its front matter when it is TOML (Hugo's ``+++``)."""
    if text[:1] == "{" and reprint.key_lines:  # Hugo's JSON front matter: an object at the top
        reprint.front_syntax = "json"
    if text[:3] == "+++":
        reprint.front_syntax = "toml"
        if "permissions" in reprint.key_lines:
            close = text.find("\n+++", 3)
            front = _PERMISSION_TABLE.search(text, 3, close if close >= 0 else len(text))
            reprint.permission_tables = front is not None
    return reprint


#: A TOML array-of-tables header for permission records (``[[permissions]]``), on a line of its own.
_PERMISSION_TABLE = re.compile(r"^[ \t]*\[\[[ \t]*permissions[ \t]*\]\]", re.MULTILINE)


def _split_front_matter(text: str) -> Any:
    """:func:`.markdown.split_front_matter`, imported on first use (it brings the renderer), then called directly."""
    global _split_front_matter
    from .markdown import split_front_matter

    _split_front_matter = split_front_matter
    return split_front_matter(text)


def _hugo_case(
    metadata: dict[str, Any],
    key_lines: dict[str, int] | None,
    key_columns: dict[str, int] | None,
    site_places: Mapping[str, tuple[str, int, int]],
    key_map: Mapping[str, str] | None,
) -> tuple[dict[str, Any], dict[str, int] | None, dict[str, int] | None]:
    """A Hugo page's own keys for what its site's cascade gives, in the letter case the cascade's are named in:
    Hugo lower-cases front matter keys (``Commercial: false`` is ``.Params.commercial``), so the page's own
    value wins over the cascade's whatever its case."""
    names = {key.lower(): key for key in site_places}
    for theirs, ours in (key_map or {}).items():
        if ours in site_places:
            names.setdefault(theirs.lower(), theirs)
    renamed = {}
    for key in metadata:
        if isinstance(key, str) and key not in names.values():
            name = names.get(key.lower())
            if name is not None and name not in metadata:
                renamed[key] = name
    if not renamed:
        return metadata, key_lines, key_columns
    metadata = {renamed.get(key, key): value for key, value in metadata.items()}
    if key_lines:
        key_lines = {renamed.get(key, key): line for key, line in key_lines.items()}
    if key_columns:
        key_columns = {renamed.get(key, key): column for key, column in key_columns.items()}
    return metadata, key_lines, key_columns


def build(
    body: str,
    metadata: Mapping[str, Any],
    *,
    format: str,
    path: str,
    meta: Mapping[str, Any] | None = None,
    key_lines: dict[str, int] | None = None,
    body_line: int = 1,
    bare_urls: bool = True,
    html: str | None = None,
    key_map: Mapping[str, str] | None = None,
    defaults: Mapping[str, Any] | None = None,
    skip_elements: Sequence[str] = (),
    source: Any = None,
    key_columns: dict[str, int] | None = None,
    raw_html: bool = True,
    markdown_in_html: bool = False,
    policy_given: bool = False,
    site_places: Mapping[str, tuple[str, int, int]] | None = None,
) -> Reprint:
    """Validate metadata and assemble the :class:`Reprint`.

    Precedence, lowest first: ``defaults``, the file's own metadata (its keys
    renamed by ``key_map``), then ``meta``. ``key_columns``: where a key stands in its line, when not at
    its start (a JSON envelope's keys are indented). ``policy_given``: a policy is given for the file from
    outside it (``--policy``, the config's ``policy``, an override's): it is checked as a reprint, so a key
    only a reprint's check reads is refused for its shape, as in a file naming its original.
    ``site_places``: (file, line) of each key of ours the site's Hugo cascade or Jekyll defaults (given in
    ``defaults``) set: a bad value, or a finding, about a key only they give is told there.
    """
    names = None
    clashes: list[tuple[str, str, int | None, Any, str]] = []
    if site_places and getattr(site_places, "case_blind", False) and isinstance(metadata, dict):
        metadata, key_lines, key_columns = _hugo_case(metadata, key_lines, key_columns, site_places, key_map)
    lifted = _under_params(metadata)
    if lifted:  # Hugo's params.original_url is its .Params.original_url, as original_url at the top is
        key_map = {**lifted, **(key_map or {})}
    if key_map:
        metadata, dropped = _without_the_sites_own(metadata, key_map)
        if dropped:
            key_lines = {k: v for k, v in (key_lines or {}).items() if k not in dropped}
            key_columns = {k: v for k, v in key_columns.items() if k not in dropped} if key_columns else None
        names = key_names(metadata, key_map)
        if key_columns:
            key_columns = remap(metadata, key_columns, key_map)[1]
        metadata, key_lines = remap(metadata, key_lines or {}, key_map, clashes)
        # --meta, the config's defaults and overrides may use the site's names too, as its files do
        meta = remap(meta, {}, key_map)[0] if meta else meta
        defaults = remap(defaults, {}, key_map)[0] if defaults else defaults
    if isinstance(metadata.get("source"), dict):  # a Hugo theme's {name: ..., url: ...}: its name is read
        metadata, key_lines = _source_address(metadata, key_lines or {}, (names or {}).get("source", "source"))
    if meta:  # from a command line (undecodable bytes arrive as lone surrogates) or a library caller
        try:
            meta = without_surrogates(meta)
        except RecursionError:
            raise InputError("metadata is nested too deeply", path=path) from None
    if defaults:
        # A key the file leaves unset (a CMS's null, a form's empty field) says nothing: the default fills it.
        unset = [key for key in defaults if key in metadata and _left_unset(key, metadata[key])]
        if unset:
            metadata = {key: value for key, value in metadata.items() if key not in unset}
            key_lines = {key: line for key, line in (key_lines or {}).items() if key not in unset}
    merged = {**(defaults or {}), **metadata, **(meta or {})} if (meta or defaults) else metadata
    replaced_values: dict[str, tuple[int, Any]] = {}
    if meta and key_lines:  # a value set elsewhere (--meta, the config, a sidecar) is not at the file's key
        replaced = [key for key in meta if key in key_lines and metadata.get(key) != meta[key]]
        replaced_values = {key: (key_lines[key], metadata[key]) for key in replaced if key in metadata}
        if replaced:
            key_lines = {key: line for key, line in key_lines.items() if key not in replaced}
    try:
        view = validate_metadata(
            merged, path=path, key_lines=key_lines or {}, key_columns=key_columns, policy_given=policy_given
        )
    except InputError as exc:
        top = exc.field.partition(".")[0] if exc.field else None
        if site_places and top in site_places and top not in (key_lines or {}) and not (meta and top in meta):
            exc.path, exc.line, exc.column = site_places[top]  # a value the site's cascade or defaults give
        raise _in_site_keys(exc, names) if names else exc from None
    reprint = Reprint(
        body=body,
        metadata=view,
        format=format,
        path=path,
        body_line=body_line,
        key_lines=key_lines,
        key_columns=key_columns,
        bare_urls=bare_urls,
        html=html,
        skip=tuple(skip_elements) if skip_elements else None,
        source=source,
        raw_html=raw_html,
        markdown_in_html=markdown_in_html,
    )
    if merged.get("published") is False:
        reprint.unpublished = True
    reprint.invisible_in = keys_with_format_chars(merged)
    if meta:
        reprint.given = frozenset(meta)
        reprint.replaced = replaced_values
    if defaults:
        reprint.defaulted = frozenset(key for key in defaults if key not in metadata and not (meta and key in meta))
        if site_places:
            reprint.site_places = {key: place for key, place in site_places.items() if key in reprint.defaulted}
    if key_map:
        reprint.aliases = tuple(theirs for theirs, ours in key_map.items() if ours in ("original_url", "policy"))
        reprint.key_names = names or {}
        reprint.key_clashes = [clash for clash in clashes if not (meta and clash[1] in meta)]  # --meta decides
    return reprint


#: The keys of a source written as a table (Hugo themes' ``source: {name: ..., url: ...}``) that hold its address.
_ADDRESS_KEYS = ("url", "link", "href")


def _source_address(
    metadata: Mapping[str, Any], key_lines: Mapping[str, int], written: str
) -> tuple[dict[str, Any], dict[str, int]]:
    """The metadata with the address a ``source`` table holds as a key of its own, named as the config would map
    it (``source.url``), when the file names no original: it is not read as the original unless mapped (the
    site's own story may cite its source so), but a check tells of it when a policy covers its host."""
    table = metadata["source"]
    found = next(((k, table[k]) for k in table if isinstance(k, str) and k.lower() in _ADDRESS_KEYS), None)
    if found is None or not isinstance(found[1], str) or not blank(metadata.get("original_url")):
        return dict(metadata), dict(key_lines)
    name = f"{written}.{found[0]}"
    if name in metadata:
        return dict(metadata), dict(key_lines)
    lines = dict(key_lines)
    if written in lines or "source" in lines:
        lines[name] = lines.get(written, lines.get("source", 0))
    return {**metadata, name: found[1]}, lines


def _left_unset(key: str, value: Any) -> bool:
    """Whether a file's ``value`` of ``key`` leaves it unset: null, or an empty string where the value is no text
    (the metadata model reads both as unset)."""
    return value is None or (key in BLANK_AS_UNSET and type(value) is str and not value.strip())


def _without_the_sites_own(
    metadata: Mapping[str, Any], key_map: Mapping[str, str]
) -> tuple[Mapping[str, Any], list[str]]:
    """The metadata without a key of reprint-guard's name that the site uses for something else: one the
    config maps another key onto, whose value cannot be ours (Hugo's ``modified`` is a date, and the site
    maps ``edited: modified``). Any other value of that name is still read, and still wins."""
    targets = {ours for theirs, ours in key_map.items() if theirs != ours}
    clash = [key for key in targets if key in metadata and metadata[key] is not None]
    if not clash:
        return metadata, []
    from ..metadata import Metadata

    theirs_too = [
        key for key in clash if _is_a_date(metadata[key]) and not _readable_as_ours(Metadata, key, metadata[key])
    ]
    if not theirs_too:
        return metadata, []
    return {k: v for k, v in metadata.items() if k not in theirs_too}, theirs_too


def _in_site_keys(exc: InputError, names: Mapping[str, str]) -> InputError:
    """A bad value's error naming the key as the site writes it (``metadata 'edited'``), not reprint-guard's."""
    for ours, theirs in names.items():
        for said in (f"metadata '{ours}'", f"metadata '{ours}."):
            if exc.message.startswith(said):
                message = said.replace(ours, theirs, 1) + exc.message[len(said) :]
                field = exc.field.replace(ours, theirs, 1) if exc.field else None
                return InputError(message, path=exc.path, line=exc.line, column=exc.column, field=field)
    return exc


def _is_a_date(value: Any) -> bool:
    """A date, as a site generator's own date keys hold one (Hugo's ``modified``); any other value under
    one of our names is a mistake of the file's, told as such."""
    import datetime as dt

    if isinstance(value, dt.date):
        return True
    return (
        isinstance(value, str)
        and re.fullmatch(r"\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?", value.strip()) is not None
    )


def _readable_as_ours(model: Any, key: str, value: Any) -> bool:
    try:
        model.model_validate({key: value})
    except ValueError:
        return False
    return True


def key_names(metadata: Mapping[str, Any], key_map: Mapping[str, str]) -> dict[str, str]:
    """For each of our keys the config maps one of the site's onto, the site's name for it: as the file
    writes it when it does (``canonicalurl``), else the config's first. Findings name the key to edit."""
    written = {key.lower(): key for key in metadata if isinstance(key, str)}
    names: dict[str, str] = {}
    for theirs, ours in key_map.items():
        if theirs == ours or ours in metadata:  # the file uses our own key: that is the one to edit
            continue
        found = theirs if theirs in metadata else written.get(theirs.lower()) if isinstance(theirs, str) else None
        if found is None and isinstance(theirs, str) and "." in theirs and nested(metadata, theirs) is not None:
            found = theirs
        if found is not None:
            names[ours] = found
        else:
            names.setdefault(ours, theirs)
    return names


def remap(
    metadata: Mapping[str, Any],
    key_lines: Mapping[str, int],
    key_map: Mapping[str, str],
    clashes: list[tuple[str, str, int | None, Any, str]] | None = None,
) -> tuple[dict[str, Any], dict[str, int]]:
    """Rename a repository's own front-matter keys to reprint-guard's; an explicit key of ours wins, unless it
    is empty (``original_url:`` left blank by a template, beside the site's ``canonicalURL``).

    ``clashes`` gets (the site's key as written, ours, its line, its value, the key read) for each key of the
    site's whose value says another thing than the one read for ours (ours, or another key of the site's
    mapped onto it): one is read, and the file says two things.

    A key written in another case than the config's is renamed too (``canonicalurl`` for ``canonicalURL``):
    Hugo reads front-matter keys blind to case, and such a file is a reprint there. So is a key of the
    site's own written at Hugo's other place for it: ``canonicalURL`` and ``params.canonicalURL`` are one
    ``.Params.canonicalURL`` to Hugo, whichever of the two the config names.
    """
    data = dict(metadata)
    lines = dict(key_lines)
    folded: dict[str, str] | None = None
    read: dict[str, str] = {}  # ours -> the site's key its value was taken from
    for theirs, ours in key_map.items():
        if isinstance(theirs, str) and _unset(data, ours) and theirs not in metadata:
            theirs = _where_hugo_has_it(metadata, theirs)
        if isinstance(theirs, str) and "." in theirs and theirs not in metadata:
            # A key inside a table, written dotted (Hugo keeps a site's own fields under params:). Looked up in the
            # file as written, whatever the mapping's order: the table itself may be renamed by another entry
            # (source: site_source beside source.url: original_url).
            top = theirs.partition(".")[0]
            value = nested(metadata, theirs)
            top = next((k for k in metadata if isinstance(k, str) and k.lower() == top.lower()), top)
            # The table's own key is ours (source.name: source): the value inside it stands for the whole table
            its_table = top == ours and isinstance(data.get(ours), dict) and ours not in read
            if value is not None and (_unset(data, ours) or its_table):
                data[ours], read[ours] = value, theirs
                inner = f"{top}.{theirs.partition('.')[2]}"  # its own line, when the loader gave it (params:)
                if inner in key_lines or top in key_lines:
                    lines[ours] = key_lines.get(inner, key_lines.get(top, 0))
            elif value is not None and clashes is not None and _differs(value, data[ours], ours):
                clashes.append((theirs, ours, key_lines.get(top), value, read.get(ours, ours)))
            continue
        if theirs not in data and isinstance(theirs, str):
            if folded is None:
                folded = {}
                for key in data:
                    if isinstance(key, str):
                        folded.setdefault(key.lower(), key)  # the first spelling, as written
            written = folded.get(theirs.lower())
            if written is not None and written not in key_map:
                theirs = written
        if theirs in data and theirs != ours:
            value = data.pop(theirs)
            line = lines.pop(theirs, None)
            if value is not None and _unset(data, ours):
                data[ours], read[ours] = value, theirs
                if line is not None:
                    lines[ours] = line
            else:
                if clashes is not None and value is not None and _differs(value, data[ours], ours):
                    clashes.append((theirs, ours, line, value, read.get(ours, ours)))
                data.setdefault(ours, value)
                if line is not None:
                    lines.setdefault(ours, line)
    return data, lines


def _unset(data: Mapping[str, Any], key: str) -> bool:
    """Whether ``key`` is absent, null or blank: a value of the site's own may stand in for it."""
    return blank(data.get(key))


def blank(value: Any) -> bool:
    """A metadata value that says nothing: null, or a blank string (``original_url:`` as a template leaves it)."""
    return value is None or (isinstance(value, str) and not value.strip())


def _differs(theirs: Any, ours: Any, key: Any = None) -> bool:
    """Whether two values of one key (``key``, ours) say different things: not the same words in other case or
    spacing, the same address spelt two ways (``http`` and ``https``, a trailing slash), the same names in
    another order, nor a name and a list of that name alone; for ``original_url``, nor an address and a web
    archive's copy of it (read as the page archived there alone: another key's archived address is a copy)."""
    theirs, ours = _one(theirs), _one(ours)
    if _said(theirs) == _said(ours):
        return False
    if (only_slugs(theirs) or only_slugs(ours)) and _slugs(theirs) is not None and _slugs(theirs) == _slugs(ours):
        return False  # a taxonomy's slug of the name (authors: [ana-ruiz] beside author: Ana Ruiz) is that name
    if isinstance(theirs, str) and isinstance(ours, str):
        from ..urls import as_address, normalize_url, unarchived

        # A web archive's copy of the original (a Wayback Machine address) names the original, as it is read.
        if key == "original_url":
            theirs, ours = ((unarchived(v) if "rchive." in v.lower() else None) or v for v in (theirs, ours))
        their_url = normalize_url(as_address(theirs.strip()))
        return their_url is None or their_url != normalize_url(as_address(ours.strip()))
    return True


def _slugs(value: Any) -> list[str] | None:
    """A name or a list of names as the slugs a site generator makes of them (``Ana Ruiz``: ``ana-ruiz``), sorted;
    None when one is no text."""
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(item, str) for item in items):
        return None
    import unicodedata

    def slug(text: str) -> str:
        plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
        return "-".join(re.findall(r"[a-z0-9]+", plain.lower()))

    return sorted(slug(item) for item in items)


def _one(value: Any) -> Any:
    return value[0] if isinstance(value, list) and len(value) == 1 else value


def _said(value: Any) -> Any:
    """What a value says, for comparison: words without case or extra spaces (nor an invisible character a paste
    left in them, as the value is read), a list as its sorted items."""
    if isinstance(value, list):
        return sorted((_said(item) for item in value), key=repr)
    return " ".join(name_without_format_chars(value).split()).casefold() if isinstance(value, str) else value


def _under_params(metadata: Mapping[str, Any]) -> dict[str, str]:
    """Our keys a Hugo page keeps under ``params:`` (as Hugo 0.123 on asks of a page's own fields), mapped
    onto ours: ``params.original_url`` is ``.Params.original_url`` to Hugo, as ``original_url`` is. Read only
    when the top of the front matter does not set the key."""
    table = metadata.get("params")  # as Hugo writes it; its own spellings in capitals too (a lookup, not a scan)
    if table is None:
        table = metadata.get("Params", metadata.get("PARAMS"))
    if not isinstance(table, dict):
        return {}
    return {
        f"params.{key}": ours
        for key in table
        if isinstance(key, str) and (ours := key.lower()) in READ_KEYS and blank(metadata.get(ours))
    }


def _where_hugo_has_it(data: Mapping[str, Any], key: str) -> str:
    """``key``, or its other place in Hugo's front matter when only that holds it: ``params.K`` for ``K``,
    ``K`` for ``params.K`` (both are ``.Params.K`` to Hugo)."""
    if nested(data, key) is not None:
        return key
    if "." not in key:
        other = f"params.{key}"
    elif key.lower().startswith("params.") and key.count(".") == 1:
        other = key[len("params.") :]
    else:
        return key
    return other if nested(data, other) is not None else key


def nested(table: Any, dotted: str) -> Any:
    """``table[a][b]`` for ``"a.b"``, keys read blind to case as Hugo reads them; None when one is missing."""
    for key in dotted.split("."):
        if not isinstance(table, dict):
            return None
        table = table.get(
            key, next((v for k, v in table.items() if isinstance(k, str) and k.lower() == key.lower()), None)
        )
    return table


def _is_type_tag(part: object, before: object) -> bool:
    """Pydantic names union members in error paths (``original_published.datetime``): not a user's key
    (a permission's own ``date`` is one)."""
    if not isinstance(part, str):
        return False
    return (
        "[" in part
        or part.startswith("constrained-")  # a member with a limit, ``constrained-str``
        or (part in {"str", "datetime", "date", "bool"} and not isinstance(before, int))
    )


def validate_metadata(
    data: Mapping[str, Any],
    *,
    path: str,
    key_lines: Mapping[str, int],
    key_columns: Mapping[str, int] | None = None,
    policy_given: bool = False,
) -> MetadataView:
    try:
        return read_metadata(data)
    except RecursionError:
        raise InputError("metadata is nested too deeply", path=path) from None
    except ValueError as exc:  # pydantic's ValidationError
        if not hasattr(exc, "errors"):
            raise
        # Jekyll's "published: false" (a draft) is its flag, not our date; an empty string (a CMS's unset field,
        # WordPress's post meta) is no value, as null is.
        dropped = [k for k in BLANK_AS_UNSET if type(data.get(k)) is str and not data[k].strip()]
        if type(data.get("published")) is bool:
            dropped.append("published")
        if dropped:
            return validate_metadata(
                {k: v for k, v in data.items() if k not in dropped},
                path=path,
                key_lines=key_lines,
                key_columns=key_columns,
                policy_given=policy_given,
            )
        odd = next((error["input"] for error in exc.errors() if error.get("type") == "invalid_key"), _NONE)
        if odd is not _NONE:  # a key YAML read as a date, a number, true or null: told as written, at its line
            raise bad_key_error(odd, data, key_lines, path) from None
        bad = {_top_key(error) for error in exc.errors()}
        own = blank(data.get("original_url")) and blank(data.get("policy")) and not policy_given
        if bad and bad <= REPRINT_ONLY_KEYS and own:
            # The site's own article (no original named, no policy in it nor given for it: --policy, the config's,
            # an override's): a key only a reprint's check reads (a theme's source table with no name, a CMS's own
            # permissions) is not its to refuse
            return validate_metadata(
                {k: v for k, v in data.items() if k not in bad}, path=path, key_lines=key_lines, key_columns=key_columns
            )
        key, where, message = _metadata_problem(exc, key_lines)
        if key == "source" and isinstance(data.get("source"), dict):  # a theme's table with no name in it
            message += (
                "; a source written as a table is read by its name ({name: ..., url: ...}): give it one, or map "
                "the key that holds it in the config (front-matter: {source.title: source})"
            )
        if key == "excerpt" and isinstance(data.get("excerpt"), str):  # Jekyll's teaser text under our flag's name
            message += (
                "; 'excerpt' says whether the reprint is an extract of the original (true or false): if this is "
                "the site's teaser text, give it another name in the config (front-matter: {excerpt: teaser})"
            )
        import datetime as dt

        modified = data.get("modified")
        if key == "modified" and isinstance(modified, str | dt.date):  # Hugo's last-modified date
            message += (
                "; 'modified' says whether the reprint's text was changed from the original (true or false): if "
                "this is the page's last-modified date, as Hugo reads it, map a key of your own onto reprint-guard's "
                "in the config (front-matter: {edited: modified}), and the site's 'modified' is left to it"
            )
        published = data.get("published")
        if key == "published" and isinstance(published, str) and published.strip().lower() in ("false", "true"):
            message += (
                f"; Jekyll's draft flag is true or false unquoted (published: {published.strip().lower()}), "
                "which reprint-guard leaves to Jekyll: quoted, it is text, and Jekyll publishes the page"
            )
        raise InputError(
            f"metadata '{where}': {message}",
            path=path,
            line=key_lines.get(key, None) if key else None,
            column=(key_columns or {}).get(key, 1) if key and key in key_lines else None,
            field=where if key else None,
        ) from None


_NONE = object()


def bad_key_error(odd: Any, data: Mapping[Any, Any], key_lines: Mapping[str, int], path: str) -> InputError:
    """The error for a metadata key that is no text (YAML's ``yes:``, ``on:``, ``1:``, ``2026-01-01:``,
    ``null:``): named as written, at its line, with the quoted form that keeps it. ``key_lines``: each key as
    the file writes it (empty for a caller's dict, whose key is named as the value it is)."""
    import datetime as dt

    from ..checks.base import written
    from ..safeyaml import plain_key

    kind = (
        "null"
        if odd is None
        else "a date"
        if isinstance(odd, dt.date)
        else "true or false"
        if isinstance(odd, bool)
        else "a number"
        if isinstance(odd, int | float)
        else "no text"
    )
    # The key as written: one of the file's keys that is not among the keys read as text, and that YAML
    # reads as this value (the first by line: "yes:" and "on:" are both true).
    said = next(
        (
            key
            for key in sorted(key_lines, key=key_lines.__getitem__)
            if key not in data and "." not in key and _same_key(plain_key(key), odd)
        ),
        None,
    )
    if said is None:  # a caller's dict: the key is the value it is
        shown = "~" if odd is None else written(odd)
        return InputError(f"metadata key {shown}: a key must be text, not {kind} ({odd!r})", path=path)
    return InputError(
        f'metadata key {said}: a key must be text, and an unquoted {said} is {kind}: quote it ("{said}":)',
        path=path,
        line=key_lines[said],
        column=1,
    )


def _same_key(read: Any, odd: Any) -> bool:
    """Whether a key YAML read as ``read`` is the one read as ``odd`` (True is not 1, nor 1.0)."""
    return type(read) is type(odd) and read == odd


def _metadata_problem(exc: Any, key_lines: Mapping[str, int] | None = None) -> tuple[str | None, str, str]:
    """(top-level key, dotted place, message) of the problem a metadata validation error is most about
    (``key_lines``: where each key stands, so that the other bad keys are named in the file's order)."""
    errors = sorted(exc.errors(), key=lambda e: (key_lines or {}).get(_top_key(e) or "", 0))  # the file's order
    key = _top_key(errors[0])
    own = [e for e in errors if _top_key(e) == key]
    # A union ("a name or a list of names") fails once per member: what is wrong with the member the
    # value was meant for (a list too long) says more than "not a string".
    problem = next((e for e in own if not str(e.get("type", "")).endswith("_type")), own[0])
    loc = problem.get("loc") or ()
    where = ".".join(str(part) for i, part in enumerate(loc) if not (i and _is_type_tag(part, loc[i - 1])))
    message = str(problem.get("msg", "invalid value")).removeprefix("Value error, ")
    if str(problem.get("type", "")).startswith(("date", "datetime")):
        from ..safeyaml import DATE_HINT, not_a_calendar_date

        given = problem.get("input")
        calendar = not_a_calendar_date(given) if isinstance(given, str) and len(given) <= 80 else None
        if calendar is not None:  # 2019-02-30 quoted: told as unquoted, where YAML's or TOML's reader finds it
            message = f"'{given.strip()}' {calendar}"
        else:
            if isinstance(given, str) and len(given) <= 80:  # as a date YAML could not read is told: one form
                reason = message.partition(", ")[2] if message.startswith("Input should be") else message
                message = f"{given.strip()!r} is no date" + (f": {reason}" if reason else "")
            message += f"; {DATE_HINT}"
    elif problem.get("type") in ("bool_parsing", "bool_type"):  # pydantic's words show neither value nor choice
        given = problem.get("input")
        if isinstance(given, list | tuple | dict):  # told by its kind: its items could run to megabytes
            shown = "a list" if not isinstance(given, dict) else "a mapping"
        else:
            from ..checks.base import written  # as YAML writes it: 2026-01-01, not Python's date(2026, 1, 1)

            said = written(given)
            shown = repr(said if len(said) <= 40 else said[:37] + "...")
        message = f"{shown} is not true or false: write true or false"
    elif problem.get("type") == "string_type":  # pydantic's "Input should be a valid string" names neither
        given = problem.get("input")
        message = f"should be a string (text), not {_kind(given)}"
        import datetime as dt

        if isinstance(given, dt.date):  # YAML reads 2025-01-27 unquoted as a date
            message = f"should be a string (text), not a date ({given.isoformat()}): quote it"
        elif isinstance(given, int | float) and not isinstance(given, bool):
            message += f" ({given}): quote it" if len(str(given)) <= 40 else ": quote it"
    elif problem.get("type") == "enum" and isinstance(problem.get("input"), str):  # pydantic's words omit the value
        given = problem["input"]
        expected = (problem.get("ctx") or {}).get("expected", "")
        message = f"Input should be {expected}, not {given if len(given) <= 40 else given[:37] + '...'!r}"
    elif problem.get("type") == "too_long" and isinstance(problem.get("ctx"), dict):  # "after validation"
        most, count = problem["ctx"].get("max_length"), problem["ctx"].get("actual_length")
        message = f"at most {most} entries, not {count}" if most is not None else message
    message = _members_wanted(own) or message
    item = _bad_item(key, problem.get("input") if len(loc) > 1 else None, own)
    if item is not None:  # a list with one bad item: that item named, and its place
        where, message = item
    if problem.get("type") == "list_type" and tuple(loc) == ("permissions",):
        record = "{from: ..., date: ..., scope: [...]}"
        message = f"should be a list of permission records ([{record}]), not {_kind(problem.get('input'))}"
    if problem.get("type") in ("model_type", "dict_type") and len(loc) == 2 and loc[0] == "permissions":
        message = (
            f"should be a permission record ({{from: ..., date: ..., scope: [...]}}), not {_kind(problem.get('input'))}"
        )
    # The run stops at the first bad value: the others are named too, so that one edit mends them all.
    others = [k for k in dict.fromkeys(map(_top_key, errors)) if k is not None and k != key]
    if others:
        message += f" (also invalid: {', '.join(repr(k) for k in others)})"
    return key, where or "metadata", message


def _bad_item(key: str | None, value: Any, errors: list[Any]) -> tuple[str, str] | None:
    """(the dotted place, the message) of the first item of a list of people (``author``, ``copyright_holder``)
    that is neither a name nor ``{name: ...}``: "not a list" said of a list whose second item is at fault."""
    given = next((e.get("input") for e in errors if isinstance(e.get("input"), list)), value)
    if key not in ("author", "copyright_holder") or not isinstance(given, list):
        return None
    for index, item in enumerate(given):
        name = item.get("name") if isinstance(item, dict) else None
        if isinstance(item, str) or (isinstance(name, str) and name.strip()):
            continue
        if not isinstance(item, dict):
            kind = _kind(item)
        elif name is None:
            kind = "an object with no name"
        else:
            kind = (
                "an object whose name is empty" if isinstance(name, str) else f"an object whose name is {_kind(name)}"
            )
        return f"{key}.{index}", f"each item should be a name or {{name: ...}}, not {kind}"
    return None


def _top_key(error: Any) -> str | None:
    loc = error.get("loc") or ()
    return str(loc[0]) if loc else None


#: A union member, as an editor reads what a value should be.
_MEMBERS = {
    "str": "a string",
    "list[str]": "a list of strings",
    "constrained-str": "a string",  # the same, with a limit on their lengths
    "list[constrained-str]": "a list of strings",
}


def _members_wanted(errors: list[Any]) -> str | None:
    """What a value of the wrong type should be, when every member of its union refused it ("a string or a list
    of strings, not a list of objects": a CMS's ``author: [{name: ...}]``), or None. Pydantic says only
    "Input should be a valid string", of the first member."""
    tags = []
    for error in errors:
        loc = error.get("loc") or ()
        if not str(error.get("type", "")).endswith("_type") or len(loc) < 2 or loc[1] not in _MEMBERS:
            return None
        tags.append(str(loc[1]))
    if len(set(tags)) < 2:
        return None
    value = errors[0].get("input")
    wanted = " or ".join(_MEMBERS[tag] for tag in dict.fromkeys(tags))
    if loc and loc[0] in ("author", "copyright_holder"):  # a person as an object is read by its name
        wanted = wanted.replace(" or ", ", ") + " or {name: ...}"
    return f"should be {wanted}, not {_kind(value)}"


def _kind(value: Any) -> str:
    """A YAML or JSON value's kind, as a message names it: "an object", "a list of objects", "a number"."""
    if isinstance(value, list):
        kinds = {_plural(item) for item in value}
        return f"a list of {kinds.pop()}" if len(kinds) == 1 else "a list"
    kinds = {dict: "an object", bool: "true or false", int: "a number", float: "a number", str: "a string"}
    kinds[type(None)] = "an empty entry (null)"
    if type(value) in kinds:
        return kinds[type(value)]
    if isinstance(value, bytes | bytearray):
        return "bytes (decode them first)"
    # A library caller's own object (a model, a URL class): named by its type, which is what to convert
    return "a mapping" if isinstance(value, Mapping) else f"a value of type {type(value).__name__}"


def _plural(value: Any) -> str:
    return {dict: "objects", list: "lists", bool: "true or false values", int: "numbers", float: "numbers"}.get(
        type(value), "values"
    )


def metadata_problem(data: Mapping[str, Any]) -> tuple[str, str, str] | None:
    """For metadata set outside a file (config defaults, ``--meta``): the first key whose value no file
    could make valid, its dotted place and why; None when every value is valid.

    Each key is read on its own, so the problem is told where it was written,
    not blamed on every file it would be merged into; unless the whole is valid as written (the usual sidecar),
    when each key is too (:func:`~reprint_guard.metaview.valid_as_written`).
    """
    try:
        if valid_as_written(data):
            return None
    except Exception:  # whatever it is, the keys read one by one tell it as they always did
        pass
    for key, value in data.items():
        try:
            read_metadata({key: value})
        except RecursionError:
            return key, key, "nested too deeply"
        except ValueError as exc:
            if not hasattr(exc, "errors"):
                raise
            _, where, message = _metadata_problem(exc)
            return key, where, message
    return None
