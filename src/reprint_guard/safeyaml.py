"""YAML loading for untrusted text: no aliases, bounded depth, positions kept.

Aliases are rejected outright (they are how "billion laughs" documents blow up
memory once something walks the result), and nesting is bounded before the
recursive composer runs. The C loader is used when PyYAML has it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml
import yaml.constructor
import yaml.reader

from .errors import InputError, ReprintGuardError
from .limits import MAX_YAML_CHARS, MAX_YAML_DEPTH

try:
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


def _finite_float(constructor: Any, node: yaml.ScalarNode) -> float:
    """A float as PyYAML reads it, but one too large for a float (``1.0e+400``), which Python reads as
    infinity, refused as JSON's and TOML's are: checked as ``inf``, it said nothing of the number written.
    YAML's own ``.inf`` and ``.nan`` are read as written (a key of ours refuses any number)."""
    value = yaml.constructor.SafeConstructor.construct_yaml_float(constructor, node)
    if value in (_INFINITY, -_INFINITY) and str(node.value).replace("_", "").lstrip("+-").lower() != ".inf":
        from .readers import InfiniteNumber

        raise InfiniteNumber(str(node.value))
    return value


_INFINITY = float("inf")


class Loader(_BaseLoader):
    """The safe loader (libyaml's when PyYAML has it), its floats finite unless written ``.inf``."""


Loader.add_constructor("tag:yaml.org,2002:float", _finite_float)

_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


class LoadedYaml:
    """A loaded YAML document with the 1-based line of each top-level key, and the column of each key that
    does not start its line (one under Hugo's ``params:``, as "params.KEY")."""

    __slots__ = ("data", "key_columns", "key_lines", "node")

    def __init__(
        self,
        data: Any,
        key_lines: dict[str, int],
        node: yaml.Node | None,
        key_columns: dict[str, int] | None = None,
    ) -> None:
        self.data = data
        self.key_lines = key_lines
        self.node = node
        self.key_columns = key_columns


def _screen_events(text: str, error: type[ReprintGuardError]) -> None:
    """Walk the event stream (iteratively) to refuse aliases and deep nesting."""
    depth = 0
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, yaml.AliasEvent):
            mark = event.start_mark
            raise error("YAML aliases (*name) are not allowed here", line=mark.line + 1, column=mark.column + 1)
        if isinstance(event, _OPEN):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                mark = event.start_mark
                raise error(
                    f"YAML nested deeper than {MAX_YAML_DEPTH} levels",
                    line=mark.line + 1,
                    column=mark.column + 1,
                )
        elif isinstance(event, _CLOSE):
            depth -= 1


def _bracket_past_limit(text: str, end: int) -> int:
    """Where the flow bracket that opens the first level past :data:`MAX_YAML_DEPTH` stands in ``text`` before
    ``end`` (read as :func:`_open_bracket` reads them; block nesting in between is not counted), or -1."""
    top = 0 if text.lstrip()[:1] in ("[", "{") else 1  # a block mapping or list at the top is a level too
    return _flow_brackets(text, end, MAX_YAML_DEPTH - top)[1]


def _needs_screening(text: str) -> bool:
    # Aliases need '*'; deep nesting in a small document needs flow brackets, or block
    # indicators ('- - - x'), which :func:`_check_depth` catches on the composed nodes.
    return "*" in text or len(text) > 65536 or (text.count("[") + text.count("{")) > MAX_YAML_DEPTH


def _check_duplicates(
    node: yaml.Node | None, error: type[ReprintGuardError], keys: frozenset[str] | None = None
) -> None:
    """Refuse a mapping that names a key twice: PyYAML keeps the last silently, while a reader of the file
    (and the line a finding cites) sees the first. YAML itself says keys are unique.

    ``keys``: at the top level, only these keys (and what they hold) are looked at: front matter belongs
    to the site too, and its ``tags`` written twice are its own business.
    """
    if keys is not None and isinstance(node, yaml.MappingNode):
        pending = [value for key, value in node.value if isinstance(key, yaml.ScalarNode) and key.value in keys]
        pending = [v for v in pending if isinstance(v, yaml.CollectionNode)]
        _first_duplicate(node, error, keys)
    else:
        pending = [node] if isinstance(node, yaml.CollectionNode) else []
    while pending:
        current = pending.pop()
        if isinstance(current, yaml.MappingNode):
            _first_duplicate(current, error)
            pending.extend(part for pair in current.value for part in pair if isinstance(part, yaml.CollectionNode))
        else:
            pending.extend(child for child in current.value if isinstance(child, yaml.CollectionNode))


def _first_duplicate(
    mapping: yaml.MappingNode, error: type[ReprintGuardError], keys: frozenset[str] | None = None
) -> None:
    """Raise for the second of two keys of ``mapping`` that are the same key (of the same type: ``yes`` and
    ``"yes"`` are two)."""
    seen: dict[tuple[str, str], yaml.Node] = {}
    for key, _ in mapping.value:
        if not isinstance(key, yaml.ScalarNode) or key.tag == "tag:yaml.org,2002:merge":
            continue
        if keys is not None and key.value not in keys:
            continue
        first = seen.setdefault((key.tag, key.value), key)
        if first is not key:
            mark = key.start_mark
            raise error(
                f"duplicate key '{key.value}' (set {_lines_above(first, key)} too)",
                line=mark.line + 1,
                column=mark.column + 1,
            )


def _lines_above(first: yaml.Node, again: yaml.Node) -> str:
    """Where the first of a duplicate key stands, from the second (the document may start in a file's middle)."""
    lines = again.start_mark.line - first.start_mark.line
    return "on this line" if lines == 0 else f"{lines} line{'s' if lines != 1 else ''} above"


def _check_depth(node: yaml.Node | None, error: type[ReprintGuardError]) -> None:
    """Refuse composed nodes nested deeper than the limit (iteratively: the tree may be deep).

    Screening the event stream first would parse every document twice; block
    nesting is cheap to build, so the nodes are looked at before anything
    recursive (construction, validation) walks them.
    """
    pending = [(node, 1)] if isinstance(node, yaml.CollectionNode) else []
    while pending:
        current, depth = pending.pop()
        if depth > MAX_YAML_DEPTH:
            mark = current.start_mark
            raise error(f"YAML nested deeper than {MAX_YAML_DEPTH} levels", line=mark.line + 1, column=mark.column + 1)
        children = (
            (part for pair in current.value for part in pair)
            if isinstance(current, yaml.MappingNode)
            else current.value
        )
        pending.extend((child, depth + 1) for child in children if isinstance(child, yaml.CollectionNode))


# Flat documents -----------------------------------------------------------------
#
# Most front matter is a flat block of ``key: scalar`` lines. PyYAML's C loader
# still builds and resolves every node in Python (about 100 µs for ten lines),
# which would be the largest cost of checking a Markdown file. Such blocks are
# read here line by line, with the scalar types decided by PyYAML's own resolver
# and constructors, so the result is the same; anything outside this narrow
# shape (indentation, block or nested collections, anchors, tags, escapes,
# comments after values, multi-line scalars, tabs) goes to PyYAML unchanged.

_FLAT_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?: +(\S(?:.*\S)?))? *")
#: The longest key YAML reads as a key (a "simple key": its ":" at most 1024 characters past its start); PyYAML
#: refuses a longer one ("could not find expected ':'"), so the flat reader leaves it to PyYAML.
_LONGEST_KEY = 1024
_FLAT_ITEM = re.compile(r"( *)(- +)(\S(?:.*\S)?) *")
#: Characters a plain scalar may not start with (PyYAML's ``check_plain``).
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_QUOTED = re.compile(r"\"[^\"\\]*\"|'[^']*'")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE
#: Tabs, CR, the characters YAML 1.1 also breaks lines at (NEL, LS, PS), a stray BOM, and every other
#: character Python counts as white space but YAML does not (a line of them is not blank to YAML).
_LINE_BREAKS = (
    "\t\r\x85\u2028\u2029\ufeff\x0b\x0c\x1c\x1d\x1e\x1f\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_RESOLVERS = Loader.yaml_implicit_resolvers
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_CONSTRUCT = {
    "tag:yaml.org,2002:bool": _CONSTRUCTOR.construct_yaml_bool,
    "tag:yaml.org,2002:int": _CONSTRUCTOR.construct_yaml_int,
    "tag:yaml.org,2002:float": lambda node: _finite_float(_CONSTRUCTOR, node),
    "tag:yaml.org,2002:null": _CONSTRUCTOR.construct_yaml_null,
    "tag:yaml.org,2002:timestamp": _CONSTRUCTOR.construct_yaml_timestamp,
}


def too_long_number(exc: Exception) -> str | None:
    """Python's refusal to read an integer of thousands of digits, said for a person, not a programmer."""
    text = str(exc)
    if isinstance(exc, ValueError) and "integer string conversion" in text:
        import sys

        return f"a number too long to read (more than {sys.get_int_max_str_digits()} digits)"
    return None


class _NotFlat(Exception):
    """The document is outside the flat subset: let PyYAML read it."""


#: Plain scalars repeat across files (``web``, ``false``, tag names): their typed values, bounded.
_PLAIN_CACHE: dict[str, Any] = {}
_PLAIN_CACHE_SIZE = 4096


def _plain(value: str) -> Any:
    """A plain scalar typed as PyYAML types it (YAML 1.1: yes/no are booleans, dates are dates)."""
    try:
        return _PLAIN_CACHE[value]
    except KeyError:
        pass
    result: Any = value
    if len(value) == 10 and _DATE.fullmatch(value):  # the common case, as construct_yaml_timestamp builds it
        try:
            result = dt.date(int(value[:4]), int(value[5:7]), int(value[8:]))
        except ValueError:
            raise _NotFlat from None
        return result
    for tag, regexp in _RESOLVERS.get(value[0], ()):
        if regexp.match(value):
            construct = _CONSTRUCT.get(tag)
            if construct is None:  # merge keys, '=' values and the like
                raise _NotFlat
            try:
                result = construct(yaml.ScalarNode(tag, value))
            except Exception:  # e.g. 2025-13-45: PyYAML reports it with a position
                raise _NotFlat from None
            break
    if len(_PLAIN_CACHE) >= _PLAIN_CACHE_SIZE:
        _PLAIN_CACHE.clear()
    _PLAIN_CACHE[value] = result  # every value here is immutable (str, bool, None, numbers, dates)
    return result


def plain_key(written: str) -> Any:
    """A mapping key as YAML reads it when written plain (``yes`` is true, ``1`` a number), or as written when
    it does not read as a plain scalar."""
    try:
        return _plain(written) if written and _is_plain(written) else written
    except _NotFlat:
        return written


def _scalar(value: str) -> Any:
    first = value[0]
    if first in "\"'":
        if not _QUOTED.fullmatch(value):
            raise _NotFlat
        return value[1:-1]
    if first == "[":
        inner = value[1:-1].strip(" ")
        if value[-1] != "]" or "[" in inner or "]" in inner or "{" in inner or "}" in inner or ":" in inner:
            raise _NotFlat  # nested, or ':' (whose meaning inside [...] depends on what follows): PyYAML's job
        if not inner:
            return []
        items = []
        for item in inner.split(","):
            item = item.strip(" ")
            if not item:
                raise _NotFlat
            if item[0] in "\"'":
                if not _QUOTED.fullmatch(item):
                    raise _NotFlat
                items.append(item[1:-1])
            elif _is_plain(item):
                items.append(_plain(item))
            else:
                raise _NotFlat
        return items
    if not _is_plain(value):
        raise _NotFlat
    return _plain(value)


def _is_plain(value: str) -> bool:
    """Whether ``value`` is one plain scalar: no indicator first, no comment, no ``key: value`` inside."""
    return value[0] not in _INDICATORS and " #" not in value and ": " not in value and value[-1] != ":"


def load_flat(text: str) -> LoadedYaml | None:
    """Read a flat ``key: scalar`` mapping exactly as PyYAML would, or return None to defer to it.

    A key may also hold a block sequence of scalars (``author:`` then ``- A``
    lines) or of flat mappings (``permissions:`` then ``- from: ...`` records).
    """
    if any(c in text for c in _LINE_BREAKS) or _NON_PRINTABLE.search(text):
        return None
    data: dict[str, Any] = {}
    key_lines: dict[str, int] = {}
    sequence: list[Any] | None = None  # the block sequence being read, under the last key
    indent = -1  # its items' indentation
    record: dict[str, Any] | None = None  # the mapping item being read
    record_indent = -1  # its keys' indentation
    blocks: list[tuple[str, list[Any]]] = []  # every block sequence opened, to tell 'key:' (null) from 'key: []'
    try:
        for number, line in enumerate(text.split("\n"), start=1):
            if not line or line[0] == "#" or not line.strip(" "):
                continue
            if line[0] not in " -":  # a top-level key
                match = _FLAT_LINE.fullmatch(line)
                if match is None:
                    return None
                key, value = match.groups()
                if len(key) > _LONGEST_KEY or not isinstance(_plain(key), str):  # 'yes:', 'null:' are no string keys
                    return None
                if key in data:
                    return None  # PyYAML's reading tells the duplicate at its line
                data[key] = None if value is None else _scalar(value)
                key_lines.setdefault(key, number)
                sequence, indent, record = None, -1, None
                if value is None:
                    sequence = data[key] = []
                    blocks.append((key, sequence))
                continue
            if sequence is None:
                return None
            if record is not None and line.startswith(" " * record_indent) and line[record_indent] not in " -#":
                _record_line(record, line[record_indent:])
                continue
            item = _FLAT_ITEM.fullmatch(line)
            if item is None:
                return None
            spaces, dash, value = item.groups()
            if indent < 0:
                indent = len(spaces)
            elif len(spaces) != indent:
                return None
            if _FLAT_LINE.fullmatch(value):
                record, record_indent = {}, len(spaces) + len(dash)
                _record_line(record, value)
                sequence.append(record)
            else:
                record = None
                sequence.append(_scalar(value))
    except _NotFlat:
        return None
    if not data:
        return None
    for key, block in blocks:
        if data[key] is block and not block:
            data[key] = None  # 'key:' with nothing under it is null, not an empty list
    return LoadedYaml(data, key_lines, None)


def _failing_scalar(node: Any) -> tuple[Any, list[str] | None, Any]:
    """Where the scalar that failed to construct (a date like 2025-13-45) starts, the keys and indices down
    to it (None for a key itself), and the scalar, if it can be found ((None, None, None) if not).

    Scalars are tried in the order PyYAML builds them (a mapping's own values,
    then what is nested in them, level by level), so with two bad values the
    position is that of the one the message is about. Best effort: never raises.
    """
    from collections import deque

    pending: deque[tuple[Any, list[str] | None]] = deque([(node, [])] if node is not None else [])
    try:
        while pending:
            current, path = pending.popleft()
            if isinstance(current, yaml.ScalarNode):
                try:
                    Loader("").construct_object(current)
                except (ValueError, TypeError, OverflowError, AttributeError, KeyError):
                    return current.start_mark, path, current
                except yaml.YAMLError:
                    continue  # a tag or a merge key that only makes sense in its document
            elif isinstance(current, yaml.MappingNode):
                for key, value in current.value:
                    pending.append((key, None))
                    named = path is not None and isinstance(key, yaml.ScalarNode)
                    pending.append((value, [*path, str(key.value)] if named and path is not None else None))
            elif isinstance(current, yaml.SequenceNode):
                pending.extend(
                    (item, [*path, str(i)] if path is not None else None) for i, item in enumerate(current.value)
                )
    except Exception:  # a position is a nicety; the error itself is reported anyway
        return None, None, None
    return None, None, None


def as_metadata(exc: ReprintGuardError) -> ReprintGuardError:
    """A value error :func:`load` names by its key (``'published': '2026-11-31' is no date``), told as a
    reprint's metadata error is (``metadata 'published': ...``) when the YAML is a reprint's metadata."""
    if exc.field is None or not exc.message.startswith(f"'{exc.field}': "):
        return exc
    return type(exc)(f"metadata {exc.message}", path=exc.path, line=exc.line, column=exc.column, field=exc.field)


#: What a date a YAML value fails to be is told with: how to write one.
DATE_HINT = "write a date as YYYY-MM-DD (2025-03-10), a moment as YYYY-MM-DDTHH:MM:SS-06:00"

#: How a metadata error says a value is no date, after the value's closing quote (a date written in no form
#: read, one whose day no calendar has, one whose time no clock shows): such an error stands at the value.
NO_DATE_SAID = ("' is no date", "' is not a calendar date", "' is not a clock time")

#: A date written YYYY-MM-DD (YAML's unquoted moments take a one-digit month or day), and a time after it.
_DATE_FIELDS = re.compile(r"\s*(\d{4})-(\d\d?)-(\d\d?)(?:(?:[Tt]|[ \t]+)(\d\d?):(\d\d)(?::(\d\d))?)?")
#: What may follow a date or a time and still be one: a second's fraction, a zone (``Z``, ``-06:00``, ``+0530``).
_DATE_END = re.compile(r"(?:\.\d+)?[ \t]*(?:[Zz]|[+-]\d\d?(?::?\d\d)?)?\s*")
_MONTHS = ("January", "February", "March", "April", "May", "June")
_MONTHS += ("July", "August", "September", "October", "November", "December")


def not_a_calendar_date(written: str) -> str | None:
    """What a value written as a date (``2019-02-30``, ``0000-01-01``, ``2019-02-01T25:00``) is, when its
    fields name no day of the calendar or no time of the clock: ``is not a calendar date: February 2019 has 28
    days``; None for one that does, or that is not written so. One wording for a date YAML or TOML reads
    (unquoted, where Python's date says what is wrong) and one pydantic reads (quoted, in JSON, --meta)."""
    found = _DATE_FIELDS.match(written)
    if found is None or _DATE_END.fullmatch(written, found.end()) is None:
        return None  # not a date throughout ("2025-02-29 a note on it"): the form's hint is what it needs
    year, month, day = (int(found.group(i)) for i in (1, 2, 3))
    if year == 0:
        return "is not a calendar date: there is no year 0 (years run from 0001)"
    if not 1 <= month <= 12:
        return f"is not a calendar date: there is no month {found.group(2)} (months run 01 to 12)"
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
    if day == 0:
        return f"is not a calendar date: there is no day {found.group(3)} (days run from 01)"
    if day > days:
        return f"is not a calendar date: {_MONTHS[month - 1]} {year} has {days} days"
    for index, (unit, most) in enumerate((("hour", 23), ("minute", 59), ("second", 59)), start=4):
        value = found.group(index)
        if value is not None and int(value) > most:
            return f"is not a clock time: there is no {unit} {value} ({unit}s run 00 to {most})"
    return None


def _record_line(record: dict[str, Any], line: str) -> None:
    match = _FLAT_LINE.fullmatch(line)
    if match is None:
        raise _NotFlat
    key, value = match.groups()
    if value is None or len(key) > _LONGEST_KEY or not isinstance(_plain(key), str) or key in record:
        raise _NotFlat  # nested deeper than one level, a key twice or one too long: PyYAML's job (and its error)
    record[key] = _scalar(value)


#: What PyYAML was reading when it failed, for constructs that open on one line and must close later.
_UNCLOSED = {
    "while scanning a quoted scalar": "the quoted value",
    "while parsing a flow sequence": "the [...] list",
    "while parsing a flow mapping": "the {...} mapping",
    "while scanning a block scalar": "the block value",
}


def _open_bracket(text: str, end: int) -> tuple[int, int, str] | None:
    """(line, column, bracket) of the innermost ``[`` or ``{`` still open at ``end``, reading flow brackets
    only where a value can start (after ``: ``, ``- ``, ``,`` or another bracket) and skipping quotes."""
    stack = _flow_brackets(text, end)[0]
    if not stack:
        return None
    index = stack[-1]
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1, text[index]


def _flow_brackets(text: str, end: int, limit: int | None = None) -> tuple[list[int], int]:
    """The flow brackets of ``text`` still open at ``end`` (where each stands), read only where a value can
    start and skipping quotes; and where the first one past ``limit`` levels opens (-1: none, or no limit)."""
    stack: list[int] = []
    quote = ""
    for index in range(min(end, len(text))):
        char = text[index]
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'" and (stack or text[index - 1 : index] in (" ", "")):
            quote = char
        elif char in "[{":
            before = text[:index].rstrip(" ")
            if not before or before[-1] in ":-,[{\n":
                stack.append(index)
                if limit is not None and len(stack) > limit:
                    return stack, index
        elif char in "]}" and stack:
            stack.pop()
        elif char == "\n" and not stack:
            quote = ""
    return stack, -1


_LINE_SPLIT = re.compile(r"\r\n|\r|\n")


def _tab_at(text: str, exc: yaml.MarkedYAMLError) -> tuple[int, int, bool] | None:
    """(line, column, whether it indents its line) of the tab PyYAML stopped at, 1-based, or None when the
    error is not a tab's. libyaml tells some ("found a tab character that violates indentation") and not
    others (a tab before a top-level key or a sequence's dash: "found character that cannot start any
    token"); the character at the error's position, or the tab its message names on that line, is the one."""
    mark = exc.problem_mark
    if mark is None or "\t" not in text:
        return None
    lines = _LINE_SPLIT.split(text)
    if not 0 <= mark.line < len(lines):
        return None
    line = lines[mark.line]
    column = mark.column
    if line[column : column + 1] != "\t":
        if "tab" not in (exc.problem or "") or "\t" not in line:
            return None
        column = line.find("\t", column) if "\t" in line[column:] else line.find("\t")
    return mark.line + 1, column + 1, not line[:column].strip(" \t")


#: The characters YAML 1.1 (PyYAML) takes for line breaks besides CR and LF, and stand-ins for them (private
#: use characters, used only when the text holds none of them).
_YAML11_BREAKS = "\x85\u2028\u2029"
_STAND_INS = "\uf8f0\uf8f1\uf8f2"
_TO_STAND_INS = str.maketrans(_YAML11_BREAKS, _STAND_INS)
_YAML11_BREAK = re.compile(f"[{_YAML11_BREAKS}]").search  # one C scan; most front matter is ASCII, not even that
_STAND_IN = re.compile(f"[{_STAND_INS}]").search
_FROM_STAND_INS = str.maketrans(_STAND_INS, _YAML11_BREAKS)


def _put_back(value: Any) -> Any:
    """``value`` as read, with the stand-ins made the characters they stand for again."""
    if isinstance(value, str):
        return value.translate(_FROM_STAND_INS)
    if isinstance(value, dict):
        return {_put_back(key): _put_back(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_put_back(item) for item in value]
    return value


#: What libyaml says of a line indented otherwise than its neighbours ("  - id: a" then "   check: x").
_INDENT_PROBLEMS = frozenset(
    {
        "did not find expected '-' indicator",
        "did not find expected key",
        "expected <block end>, but found '<block mapping start>'",
        "expected <block end>, but found '<block sequence start>'",
    }
)


def _indent_hint(text: str, line: int) -> str:
    """What to look at for libyaml's words on an indentation slip: the line's spaces against those of the line
    above with something on it (``line``: 0-based, where libyaml stopped)."""
    lines = text.split("\n")
    if not 0 <= line < len(lines):
        return ""
    here = lines[line]
    above = next((lines[i] for i in range(line - 1, -1, -1) if lines[i].strip()), "")
    ours, theirs = len(here) - len(here.lstrip(" ")), len(above) - len(above.lstrip(" "))
    if not here.strip() or ours == theirs:
        return (
            " (check this line's indentation against the lines above: keys of one mapping, and items of one "
            "list, line up)"
        )

    def spaces(count: int) -> str:
        return f"{count} space{'' if count == 1 else 's'}"

    return (
        f" (this line is indented {spaces(ours)} and the one above {spaces(theirs)}: keys of one mapping, and items "
        "of one list, line up; a nested one is indented further)"
    )


def _quote_hint(text: str, index: int) -> str:
    """What an editor did to get an indentation complaint on a line whose value is quoted, or bracketed, and
    runs on past its closing mark (``title: "He said "no" to cuts"``, ``url: [Global Research](https://...)``):
    the value ended at the mark, and the rest is no key; "" for any other line."""
    start, end = text.rfind("\n", 0, index) + 1, text.find("\n", index)
    key, colon, value = text[start : end if end >= 0 else len(text)].partition(": ")
    value = value.lstrip()
    if not colon or not key.strip() or not value or index <= start + len(key) + 2:
        return ""
    mark = value[0]
    if mark == '"':
        return (
            ' (the quoted value ends at its closing ", and the text after it is no key: write a " inside it as \\", '
            "or put the whole value in ' quotes)"
        )
    if mark == "'":
        return (
            " (the quoted value ends at its closing ', and the text after it is no key: write a ' inside it as '', "
            'or put the whole value in " quotes)'
        )
    if mark in "[{":
        kind, close = ("list", "]") if mark == "[" else ("mapping", "}")
        return (
            f' (a value opening with "{mark}" is read as a {kind}, which ends at its "{close}": quote the whole '
            f'value, {key.strip()}: "...", or put what follows inside the {kind})'
        )
    return ""


def _quoted_run_on(text: str, index: int) -> yaml.Mark | None:
    """Where a quoted value opens that was closed only on a later line, just before ``index`` (where the parser
    stopped): ``message: 'Photos may ...`` left open reads the lines below it into the value, up to the next
    quote, and the complaint comes there, lines from the slip. None for anything else. Read on the error path
    only: the tokens are scanned again up to ``index``."""
    last = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= index:
                break
            last = token
    except yaml.YAMLError:
        pass
    if (
        isinstance(last, yaml.ScalarToken)
        and last.style in ("'", '"')
        and last.start_mark.line < last.end_mark.line
        and text.find("\n", last.end_mark.index, index) < 0
        and _leaves_its_indentation(text, last.start_mark.index, last.end_mark.index)
    ):
        return last.start_mark
    return None


#: The indentation of a line's key: its spaces and any list dashes before it (``  - message: ...``).
_KEY_INDENT = re.compile(r"[ ]*(?:-[ ]+)*")


def _leaves_its_indentation(text: str, start: int, end: int) -> bool:
    """Whether a quoted value spanning ``text[start:end]`` has a line (past its first, blank ones aside) that
    starts no further in than the key on its first line: the next keys read into a value left open
    (``title: 'Gulls`` then ``author: ...``), not a value written over lines indented under its key, whose
    error at its close is the text after it (``message: 'one`` ``  two' x: 1``)."""
    first = text.rfind("\n", 0, start) + 1
    key_at = _KEY_INDENT.match(text, first).end() - first
    for line in text[text.find("\n", start, end) + 1 : end].split("\n"):
        if line.strip() and len(line) - len(line.lstrip(" ")) <= key_at:
            return True
    return False


def _mapping_value_hint(text: str, index: int) -> str:
    """What an editor did to get "mapping values are not allowed" at ``index``: a value holding ": " after its
    key on the line (``title: Ferry Fares: What Changes``), or a key indented under another's value."""
    start = text.rfind("\n", 0, index) + 1
    before = text[start:index].lstrip()
    while before.startswith("- "):  # a list's item: its key is after the dash
        before = before[2:].lstrip()
    if before[:1] in ('"', "'"):  # a quoted key: "title": Ferry: What Changes
        close = before.find(before[0], 1)
        key, colon = (before[: close + 1], before[close + 1 : close + 2] == ":") if close > 0 else ("", False)
    else:
        key, colon, _ = before.partition(":")
    if colon and key.strip() and not key.startswith("#"):
        return f' (a value holding ": " must be in quotes: {key.strip()}: "...")'
    return " (a key indented under the value of the key above it?)"


def load(
    text: str, *, error: type[ReprintGuardError] = InputError, flat: bool = False, keys: frozenset[str] | None = None
) -> LoadedYaml:
    """Load one YAML document safely; errors carry 1-based line and column.

    With ``flat``, a flat ``key: scalar`` mapping is read by :func:`load_flat`
    (the same result, several times faster); ``node`` is then None. ``keys``: see :func:`_check_duplicates`.
    """
    if len(text) > MAX_YAML_CHARS:
        raise error(f"YAML larger than the {MAX_YAML_CHARS // 1024} KiB limit", line=1, column=1)
    if not text.isascii() and _YAML11_BREAK(text) and not _STAND_IN(text):
        # PyYAML reads NEL, U+2028 and U+2029 as line breaks (YAML 1.1): a title pasted with one would break
        # its line in two, and every position below it would be a line off. Read as the characters they are
        # (YAML 1.2), through stand-ins no text holds, put back in what was read.
        loaded = load(text.translate(_TO_STAND_INS), error=error, flat=flat, keys=keys)
        lines = {_put_back(key): line for key, line in loaded.key_lines.items()}
        columns = {_put_back(key): column for key, column in (loaded.key_columns or {}).items()} or None
        return LoadedYaml(_put_back(loaded.data), lines, loaded.node, columns)
    if flat:
        loaded = load_flat(text)
        if loaded is not None:
            return loaded
    node = None
    try:
        screened = _needs_screening(text)
        if screened:
            _screen_events(text, error)
        loader = Loader(text)
        try:
            node = loader.get_single_node()
            if not screened:
                _check_depth(node, error)
            _check_duplicates(node, error, keys)
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        tab = _tab_at(text, exc)
        if tab is not None:  # libyaml says "found character that cannot start any token" of some: say what it is
            line, column, indents = tab
            said = "indents this line" if indents else "stands where YAML does not allow one"
            raise error(
                f"invalid YAML: a tab character {said} (YAML forbids tabs for indentation: use spaces)",
                line=line,
                column=column,
            ) from None
        if "nesting depth" in problem:  # libyaml's own limit, far past ours: told as ours is, at its bracket
            at = _bracket_past_limit(text, mark.index if mark is not None else len(text))
            line, column = (
                (text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1)
                if at >= 0
                else ((mark.line + 1, mark.column + 1) if mark is not None else (None, None))
            )
            raise error(f"YAML nested deeper than {MAX_YAML_DEPTH} levels", line=line, column=column) from None
        opened = _UNCLOSED.get(exc.context or "")
        if opened and exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
            # Noticed lines later (at the next key, or the end): the place to fix is where it opened.
            problem = f"{opened} that starts here is not closed ({problem} further on)"
            mark = exc.context_mark
        elif exc.context == "while parsing a flow node" and exc.problem_mark is not None:
            # The text ran out inside a [...] or {...}: PyYAML marks the end; point at the bracket left open.
            where = _open_bracket(text, exc.problem_mark.index)
            if where is not None:
                line, column, bracket = where
                kind = "[...] list" if bracket == "[" else "{...} mapping"
                raise error(
                    f"invalid YAML: the {kind} that starts here is not closed ({problem} further on)",
                    line=line,
                    column=column,
                ) from None
        if problem == "mapping values are not allowed in this context" and mark is not None:
            problem += _mapping_value_hint(text, mark.index)
        elif problem in _INDENT_PROBLEMS and mark is not None:
            opened_at = _quoted_run_on(text, mark.index)
            if opened_at is not None:  # a quote left open took in the lines up to the next one: told where it opens
                # Lines below, not a line number: in front matter the text's line 1 is the file's second.
                below = mark.line - opened_at.line
                raise error(
                    f"invalid YAML: the quoted value that starts here runs on to the next {text[opened_at.index]}, "
                    f"{below} line{'s' if below != 1 else ''} below, which closes it ({problem} there): close it "
                    "on this line",
                    line=opened_at.line + 1,
                    column=opened_at.column + 1,
                ) from None
            problem += _quote_hint(text, mark.index) or _indent_hint(text, mark.line)
        raise error(
            f"invalid YAML: {problem}",
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from None
    except yaml.reader.ReaderError as exc:  # a control character, say: it carries an offset, not a mark
        character = exc.character if isinstance(exc.character, int) else ord(exc.character)
        position = min(max(exc.position, 0), len(text))
        raise error(
            f"invalid YAML: character #x{character:04x} is not allowed ({exc.reason})",
            line=text.count("\n", 0, position) + 1,
            column=position - (text.rfind("\n", 0, position) + 1) + 1,
        ) from None
    except yaml.YAMLError as exc:
        raise error("invalid YAML: " + " ".join(str(exc).split())) from None
    except RecursionError:
        raise error(f"YAML nested deeper than {MAX_YAML_DEPTH} levels") from None
    except UnicodeError:  # a lone surrogate: from undecodable bytes on a command line, say
        raise error("not valid Unicode text (an undecodable byte or a lone surrogate)") from None
    except (ValueError, TypeError, OverflowError, AttributeError, KeyError) as exc:  # e.g. a date like 2025-13-45
        mark, path, scalar = _failing_scalar(node)
        # PyYAML fails on '!!timestamp not-a-date' or '!!bool nope' with an AttributeError or KeyError of its own
        untagged = isinstance(exc, AttributeError | KeyError)
        problem = "a value that does not fit its !!tag" if untagged else too_long_number(exc) or str(exc)
        if "offset must be a timedelta" in problem:  # Python's words for a time zone such as +99:00
            problem = "a time zone offset of a day or more (an offset is at most +23:59 or -23:59)"
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        timestamp = scalar is not None and scalar.tag == "tag:yaml.org,2002:timestamp" and not untagged
        calendar = not_a_calendar_date(str(scalar.value)) if timestamp else None
        if path and timestamp:
            # A date that is none (2024-13-45): named by its key, and why, as a quoted date is
            dotted = ".".join(path)
            said = f"'{dotted}': '{scalar.value}' " + (calendar or f"is no date: {problem}; {DATE_HINT}")
            raise error(said, line=line, column=column, field=dotted) from None
        if calendar is not None:
            problem = f"'{scalar.value}' {calendar}"
        raise error(f"invalid YAML value: {problem}", line=line, column=column) from None
    key_lines: dict[str, int] = {}
    key_columns: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key_lines.setdefault(str(key_node.value), key_node.start_mark.line + 1)
                if str(key_node.value).lower() == "params" and isinstance(value_node, yaml.MappingNode):
                    # Hugo keeps a page's own fields under params: each is placed at its own key, "params.KEY"
                    for inner, _ in value_node.value:
                        if isinstance(inner, yaml.ScalarNode):
                            name = f"{key_node.value}.{inner.value}"
                            if name not in key_lines:
                                key_lines[name] = inner.start_mark.line + 1
                                key_columns[name] = inner.start_mark.column + 1
    return LoadedYaml(data, key_lines, node, key_columns or None)


def position_of(node: yaml.Node | None, path: list[str | int]) -> tuple[int | None, int | None]:
    """Follow a JSON-style path through composed nodes to the deepest node that exists."""
    best: tuple[int | None, int | None] = (None, None)
    if node is None:
        return best
    best = (node.start_mark.line + 1, node.start_mark.column + 1)
    for step in path:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == step:
                    best = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                    node = value_node
                    break
            else:
                return best
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            best = (node.start_mark.line + 1, node.start_mark.column + 1)
        else:
            return best
    return best


def jsonable(value: Any) -> Any:
    """YAML data as JSON data (dates as ISO strings), for JSON Schema validation."""
    import datetime as dt

    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
