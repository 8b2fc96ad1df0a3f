"""The JSON a CMS posts: ``{"metadata": {...}, "body": "...", "format": "markdown"|"html"|"text"}``.

Positions in findings about the body are lines within the ``body`` string;
metadata findings point at the key's line in the JSON file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from ..errors import InputError, NotAReprintError
from ..reprint import BODY_FORMATS, Reprint
from ..safeyaml import too_long_number


def read_json(text: str, *, path: str, meta: Mapping[str, Any] | None, bare_urls: bool, **extra: Any) -> Reprint:
    from . import build, without_surrogates

    try:
        data = json.loads(text, object_pairs_hook=_unique, parse_constant=_no_constant)
        if "\\u" in text:  # only a \u escape can make half a surrogate pair
            data = without_surrogates(data)
    except json.JSONDecodeError as exc:
        # Not JSON at all (a tsconfig.json with comments): an error when named, passed over in a folder walk.
        raise NotAReprintError(f"invalid JSON: {exc.msg}", line=exc.lineno, column=exc.colno) from None
    except _NotJson as exc:
        index = text.find(exc.word)
        line, column = _place(text, index) if index >= 0 else (None, None)
        raise InputError(f"invalid JSON: {exc.word} is not a JSON value", line=line, column=column) from None
    except _DuplicateKey as exc:
        line, column = _second_key_place(text, exc.key)
        raise InputError(f"duplicate key {json.dumps(exc.key)}: it is set twice", line=line, column=column) from None
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply") from None
    except ValueError as exc:  # an integer of thousands of digits, which Python will not read
        digits = _LONG_NUMBER.search(text)
        line, column = _place(text, digits.start(1)) if digits else (None, None)
        raise InputError(f"invalid JSON: {too_long_number(exc) or exc}", line=line, column=column) from None
    if isinstance(data, dict) and "body" in data and not isinstance(data["body"], str):
        line, column = _key_place(text, "body")
        raise InputError(
            f'"body" must be a string (the article), not {_json_type(data["body"])}', line=line, column=column
        )
    if isinstance(data, dict) and "metadata" in data and "body" not in data:
        # An envelope with its article left out: a broken reprint, not somebody else's JSON.
        raise InputError('"body" is missing: the article to check', line=_key_line(text, "metadata"), column=1)
    if not isinstance(data, dict) or "body" not in data:
        raise NotAReprintError('not a reprint: expected {"metadata": {...}, "body": "...", "format": "..."}', line=1)
    metadata = data.get("metadata", {})
    if not isinstance(metadata, dict):  # [] and null too: a CMS that lost the metadata sent no reprint unchecked
        raise InputError('"metadata" must be an object', line=_key_line(text, "metadata"), column=1)
    kind = data.get("format", "markdown")
    if kind not in BODY_FORMATS:
        raise InputError(
            f'"format" must be one of {", ".join(BODY_FORMATS)}, not {kind!r}',
            line=_key_line(text, "format"),
            column=1,
        )
    key_lines = {key: line for key in metadata if (line := _key_line(text, key))}
    return build(
        data["body"], metadata, format=kind, path=path, meta=meta, key_lines=key_lines, bare_urls=bare_urls, **extra
    )


class _NotJson(ValueError):
    def __init__(self, word: str) -> None:
        super().__init__(word)
        self.word = word


def _no_constant(word: str) -> Any:
    """NaN and Infinity, which Python's reader takes and JSON does not have."""
    raise _NotJson(word)


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object whose keys are all different: json.loads keeps the last of two silently, while the file's
    reader (and a finding's line) sees the first."""
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        raise _DuplicateKey(next(key for key, _ in pairs if key in seen or seen.add(key)))  # type: ignore[func-returns-value]
    return data


def _second_key_place(text: str, key: str) -> tuple[int | None, int | None]:
    """Where ``key`` is written as a key the second time (an estimate: the same key may stand in two objects)."""
    places = [m.start() for m in re.finditer(re.escape(json.dumps(key)) + r"\s*:", text)]
    return _place(text, places[1]) if len(places) > 1 else (None, None)


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "an array", bool: "true or false", type(None): "null"}.get(type(value), "a number")


#: A number Python will not read (thousands of digits) where JSON puts a value: after ':', '[' or ','. (A
#: run of digits inside a string could still be taken for it: this only picks the place to show.)
_LONG_NUMBER = re.compile(r"[:\[,][ \t\r\n]*(-?\d{4301})")


def _key_place(text: str, key: str) -> tuple[int | None, int | None]:
    """Line and column where ``key`` is written (as a key, else anywhere), or None and None."""
    index = text.find(json.dumps(key) + ":")
    if index < 0:
        index = text.find(json.dumps(key))
    if index < 0:
        return None, None
    return _place(text, index)


def _place(text: str, index: int) -> tuple[int, int]:
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def _key_line(text: str, key: str) -> int | None:
    return _key_place(text, key)[0]
