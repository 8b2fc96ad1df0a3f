"""Finding, reading, validating and resolving policies.

Bundled policies ship inside the package (``reprint_guard/rules``; in a
checkout, the top-level ``rules/``) and are schema-checked by the test suite,
so start-up skips JSON Schema validation for them. Policies a user adds with
``--policy FILE`` or ``--rules-dir DIR`` are validated against the schema
before use, with errors at file:line:column.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import sys
import threading
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..checks import CHECKS
from ..checks.base import ParamsView
from ..errors import InputError, PolicyError, ReprintGuardError
from ..forking import fork_safe
from ..limits import MAX_EXTENDS_DEPTH, MAX_POLICY_BYTES, MAX_RULES, MAX_SEARCH_PLACES
from ..report import Severity
from ..safeyaml import jsonable, position_of
from ..safeyaml import load as load_yaml
from ..urls import LABEL_DOTS, domain_key
from . import conditions
from .model import Credit, Policy, Rule

POLICY_SUFFIXES = (".yaml", ".yml")
_RULE_KEYS = frozenset(
    {"id", "check", "severity", "message", "description", "when", "fix", "disabled", "terms", "confidence"}
)


def bundled_rules_dir() -> Path:
    """The folder of bundled policies, installed or in a checkout."""
    installed = Path(__file__).resolve().parent.parent / "rules"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[3] / "rules"


class RawPolicy:
    """A policy file as read: its data, where it came from, and its YAML nodes for positions."""

    __slots__ = ("data", "node", "path")

    def __init__(self, data: dict[str, Any], node: Any, path: str) -> None:
        self.data = data
        self.node = node
        self.path = path

    def error(self, message: str, where: list[str | int]) -> PolicyError:
        line, column = position_of(self.node, where)
        return PolicyError(message, path=self.path, line=line, column=column)


def _another_checks(check: Any, keys: list[Any]) -> str:
    """For a rule's unknown key that another check type takes (``after_hours`` under ``check: text``): which
    one, since a wrong check type, not a misspelt key, is the slip. Error path only."""
    from ..checks.params import PARAMS

    if not isinstance(check, str) or check not in PARAMS:
        return ""
    taken = {name: {f.alias or own for own, f in model.model_fields.items()} for name, model in PARAMS.items()}
    for key in keys:
        takers = [name for name, names in taken.items() if key in names]
        if takers:
            given = ", ".join(sorted(taken[check]))
            # The check type meant takes every such key of the rule's (tags and names: none does both).
            others = [k for k in keys if k != key and any(k in names for names in taken.values())]
            meant = [name for name in takers if all(k in taken[name] for k in others)]
            kinds = " or ".join([", ".join(takers[:-1]), takers[-1]] if len(takers) > 2 else takers)
            question = (
                f"is the check type meant to be {meant[0]!r}?"
                if len(meant) == 1
                else f"is the check type meant to be one of those ({kinds})?"
                if meant
                else "is the check type meant to be another, or the key in another rule?"
            )
            return f"; {key!r} is a parameter of {kinds} rules, not of {check} rules (which take {given}): {question}"
    return ""


def said_twice(raw: RawPolicy, rule_id: str, first: int) -> str:
    """A rule id written a second time, with where the first stands (the one to keep or rename)."""
    line, column = position_of(raw.node, ["rules", first, "id"])
    at = f" (first at {line}:{column})" if line is not None else ""
    return f"duplicate rule id {rule_id!r}{at}: give each rule its own id"


def read_policy_file(path: Path, *, validate: bool = True) -> RawPolicy:
    name = str(path)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a device or a named pipe: read, it may never end
            raise PolicyError("not a regular file, so not read as a policy", path=name)
        data = _policy_bytes(path)
    except OSError as exc:
        raise PolicyError(f"cannot read policy: {exc.strerror or exc}", path=name) from None
    return _parsed(data, name, validate=validate)


def _policy_bytes(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(MAX_POLICY_BYTES + 1)  # no further than the limit, whatever the file claims


def _parsed(data: bytes, name: str, *, validate: bool) -> RawPolicy:
    if len(data) > MAX_POLICY_BYTES:
        raise PolicyError(f"policy file larger than {MAX_POLICY_BYTES // 1024} KiB", path=name)
    return raw_policy(decoded(data, name, "policy", PolicyError), name, validate=validate)


#: Each policy file's bytes as last read, by what it is (device, inode), with the size and times (modified,
#: changed) they were read at and whether they were read too soon after the file was written to trust those
#: (a write within the same tick of the file system's clock changes neither): ``validate DIR`` asked for every
#: policy of the folder with each of its files (as its neighbours, and in the policy set its notes are found
#: in), so a folder of 500 read 250,000 files. Read again once the file changes, and each time while it is
#: that fresh; forgotten by :func:`reload_policies`.
_BYTES: dict[tuple[int, int], tuple[tuple[int, int, int], bool, bytes]] = {}
#: And what each was read as: by what it is, the name it was read by (its errors' place) and whether it was
#: held to the schema; with the bytes it was read from, and the policy (or the error).
_READS: dict[tuple[int, int, str, bool], tuple[bytes, RawPolicy | ReprintGuardError]] = {}
#: How long after a file's last write its size and times are not trusted to tell a later write (one within the
#: same tick of the file system's clock keeps them): a tenth of a second where the clock says nanoseconds (the
#: kernel's coarse clock ticks every few milliseconds), 2.5 s where it says whole seconds (FAT ticks every two).
_FRESH_NS = 100_000_000
_FRESH_WHOLE_SECONDS_NS = 2_500_000_000


def read_policy_once(path: Path, *, validate: bool = True, status: os.stat_result | None = None) -> RawPolicy:
    """:func:`read_policy_file`, its file read (and parsed, and checked) once while its inode, size and times
    stay the same (a file read within a tick of its last write is read again, its bytes compared); its error
    too. ``status``: the file's, if the caller has just taken it."""
    import time

    try:
        status = status or os.stat(path)
    except OSError:
        return read_policy_file(path, validate=validate)  # says why it cannot be read, at the file
    if not stat.S_ISREG(status.st_mode):
        return read_policy_file(path, validate=validate)
    name = str(path)
    # The change time too: os.utime sets the modified time back, never the change time.
    version = (status.st_size, status.st_mtime_ns, status.st_ctime_ns)
    what = (status.st_dev, status.st_ino)
    read = _BYTES.get(what)
    if read is None or read[0] != version or read[1]:
        now = time.time_ns()
        try:
            data = _policy_bytes(path)
        except OSError as exc:
            raise PolicyError(f"cannot read policy: {exc.strerror or exc}", path=name) from None
        fresh = max(status.st_mtime_ns, status.st_ctime_ns) > now - (
            _FRESH_WHOLE_SECONDS_NS if status.st_mtime_ns % 1_000_000_000 == 0 else _FRESH_NS
        )
        read = _BYTES[what] = (version, fresh, data)
    data = read[2]
    key = (*what, name, validate)
    kept = _READS.get(key)
    if kept is None or (kept[0] is not data and kept[0] != data):
        try:
            found: RawPolicy | ReprintGuardError = _parsed(data, name, validate=validate)
        except ReprintGuardError as exc:
            found = exc
        kept = _READS[key] = (data, found)
    if isinstance(kept[1], ReprintGuardError):
        import copy

        raise copy.copy(kept[1])  # a copy: a caller may place the error (its path said from here)
    return kept[1]


def raw_policy(text: str, name: str, *, validate: bool = True) -> RawPolicy:
    """A policy's YAML text read (aliases refused, nesting bounded) and, with ``validate``, held to the
    schema; errors placed at ``name``."""
    try:
        loaded = load_yaml(text, error=PolicyError)
    except PolicyError as exc:
        if exc.message.endswith("but found another document"):  # PyYAML's half of a sentence, said whole
            said = "a second YAML document ('---' after the first): a policy file holds one policy; remove it, or "
            exc = PolicyError(said + "put the other policy in a file of its own", line=exc.line, column=exc.column)
        raise exc.at(name) from None
    if not isinstance(loaded.data, dict):
        # An empty file (or one of comments alone, a blank template) is said as such, not as a wrong shape.
        empty = loaded.data is None and not any(
            line.strip() and not line.lstrip().startswith("#") and line.strip() not in ("---", "...")
            for line in text.splitlines()
        )
        raise PolicyError(
            ("the file holds no YAML (nothing, or comments alone): " if empty else "")
            + "a policy must be a YAML mapping with id, name, publisher, source_url and rules",
            path=name,
            line=1,
            column=1,
        )
    raw = RawPolicy(loaded.data, loaded.node, name)
    if validate:
        validate_raw(raw)
    if raw.data.get("id") == RESERVED_ID:
        raise raw.error(
            f"policy id {RESERVED_ID!r} is the tool's own (its findings' and the config's): give the policy an id "
            "of its own",
            ["id"],
        )
    return raw


#: The id of reprint-guard's own findings and of a config's result: no policy may take it, or its findings
#: would be counted as the tool's.
RESERVED_ID = "reprint-guard"


def decoded(data: bytes, name: str, what: str, error: type[ReprintGuardError]) -> str:
    """A policy's or config's bytes (``what``) as text. Bytes that are not UTF-8 are told as a reprint's are
    (:func:`reprint_guard.readers.decode`): UTF-16 or UTF-32 named, a byte that is not UTF-8 at its
    line:column; a file with a NUL byte that is no such text is binary, at that byte."""
    if b"\x00" not in data:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
    from ..readers import byte_position, decode, wide_encoding  # only for a file that is not UTF-8

    nul = data.find(b"\x00")
    if nul >= 0 and wide_encoding(data) is None:
        line, column = byte_position(data, nul)
        raise error(f"binary file (NUL byte), not a {what} file", path=name, line=line, column=column)
    try:
        return decode(data, name)
    except InputError as exc:  # said of a file: of a policy or a config here
        message = exc.message.replace("save the file as", f"save the {what} as")
        raise error(message, path=name, line=exc.line, column=exc.column) from None


@lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema

    from .schema import SCHEMA_PATH

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def schema_errors(raw: RawPolicy) -> list[PolicyError]:
    """Every schema violation, each with a readable message and its position."""
    rules = raw.data.get("rules")
    if isinstance(rules, list) and len(rules) > MAX_RULES:  # each rule runs on every reprint
        return [raw.error(f"a policy may have at most {MAX_RULES} rules; this one has {len(rules)}", ["rules"])]
    data = jsonable(raw.data)
    errors = []
    for error in sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        path = list(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            extra = [k for k in error.instance if k not in (error.schema.get("properties") or {})]
            path += extra[:1]
        choice = error.validator in ("oneOf", "anyOf")  # anyOf: an amendment's condition, which may be null
        odd = _odd_condition_key(error.instance) if choice and "when" in map(str, path) else None
        if odd is not None:  # a misspelt key deep in a condition: told at it, with the key meant
            import difflib  # error path only: not at start-up

            inner, key = odd
            said = _describe(error, data, path).partition(": ")[0]
            close = difflib.get_close_matches(str(key), _CONDITION_KEYS, n=1, cutoff=0.6)
            keys = ", ".join(_CONDITION_KEYS)
            hint = f"; did you mean {close[0]!r}?" if close else f"; a condition's keys are {keys}"
            problem = raw.error(f"{said}: {key!r} is no key of a condition{hint}", path + inner + [key])
        else:
            problem = raw.error(_describe(error, data, path), path)
        if str(problem) not in {str(e) for e in errors}:  # a field held by two subschemas fails twice alike
            errors.append(problem)
    return errors


_TYPE_NAMES = {
    "integer": "a whole number",
    "number": "a number",
    "string": "a string",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
}


#: The keys a ``when`` condition is written with.
_CONDITION_KEYS = ("field", "is", "is_not", "in", "not_in", "present", "all", "any", "not")


def _odd_condition_key(condition: Any, at: list[Any] | None = None) -> tuple[list[Any], Any] | None:
    """(the path to it, the key) of the first key no condition has (``feild``), however deep in ``all``,
    ``any`` and ``not``; None when every key is one."""
    at = at or []
    if isinstance(condition, list):
        for index, part in enumerate(condition):
            found = _odd_condition_key(part, [*at, index])
            if found is not None:
                return found
        return None
    if not isinstance(condition, dict):
        return None
    for key, value in condition.items():
        if key not in _CONDITION_KEYS:
            return at, key
        if key in ("all", "any", "not"):
            found = _odd_condition_key(value, [*at, key])
            if found is not None:
                return found
    return None


def _describe(error: Any, data: Any, path: list[Any]) -> str:
    where = ""
    if len(path) >= 2 and path[0] == "rules" and isinstance(path[1], int):
        rules = data.get("rules") or []
        rule_id = rules[path[1]].get("id") if isinstance(rules[path[1]], dict) else None
        where = f"rule {rule_id!r}" if rule_id else f"rules[{path[1]}]"
        if len(path) > 2:
            where += f", field '{'.'.join(map(str, path[2:]))}'"
    elif path:
        where = f"field '{'.'.join(map(str, path))}'"
    message = error.message
    key = str(path[-1]) if path else ""
    amending = len(path) == 3 and path[0] == "rules" and data.get("extends") and _amends(data, path[1])
    if error.instance is None and amending and key in _NOT_DROPPED:  # the amendment's own message, not the schema's
        message = (
            f"a rule keeps its {key} (null drops a field back to none or its default): give the {key} to use instead"
        )
    elif error.validator == "enum" and not isinstance(error.instance, str):  # null, true: as YAML writes them
        message = f"{_written(error.instance)} is not one of {error.validator_value}"
        if key == "severity" and error.instance is False:  # ``severity: off``, as the config writes it
            message += (
                "; YAML reads an unquoted off (or no) as false: a policy turns a rule off with 'disabled: true' "
                "(the project config's severity: {rule: off} does it for one project)"
            )
    elif error.validator == "minProperties" and len(path) == 2 and path[0] == "rules":
        message = (
            "a rule with only its id: give its check and message to write a rule, the fields to change to amend "
            "one inherited through 'extends', or 'disabled: true' to drop it"
        )
    elif error.validator == "enum" and path and path[-1] == "check":
        message = f"unknown check type {error.instance!r}; valid check types: {', '.join(sorted(CHECKS))}"
    elif (
        error.validator == "enum"
        and isinstance(error.instance, str)
        and error.instance.lower() != error.instance
        and error.instance.lower() in (error.validator_value or ())
    ):  # "IMG" for "img": the values are written in lower case
        message += f"; write it in lower case: {error.instance.lower()!r}"
    elif error.validator == "additionalProperties":
        message = message.replace("Additional properties are not allowed", "unknown key(s)")
        import difflib  # error path only: not at start-up

        known = list(error.schema.get("properties") or {})
        if len(path) >= 2 and path[0] == "rules" and "check" not in known:  # an amendment's keys: 'chek' meant one
            known.append("check")
        hints = [
            f"{key!r}: did you mean {close[0]!r}?"
            for key in error.instance
            if key not in known and (close := difflib.get_close_matches(str(key), known, n=1, cutoff=0.75))
        ]
        if hints:
            message += "; " + "; ".join(hints)
        elif len(path) >= 2 and path[0] == "rules" and isinstance(rule := rules[path[1]], dict):
            message += _another_checks(rule.get("check"), [k for k in error.instance if k not in known])
    elif (
        error.validator == "required"
        and len(path) == 2
        and path[0] == "rules"
        and data.get("extends")
        and isinstance(rule_id := _rule_id(data, path[1]), str)
        and (inherited := _inherits(data["extends"], rule_id)) is not False
    ):
        said = (
            f"{rule_id!r} is a rule of {data['extends']}"
            if inherited
            else f"if {rule_id!r} is a rule of {data['extends']}"
        )
        message += (
            f" ({said}: a rule with its 'check' replaces the inherited rule whole, so it needs its message too;"
            " leave 'check' out to amend the inherited rule instead, changing only the fields given)"
        )
    elif error.validator == "type":
        message = _wrong_kind(error, path)
    elif error.validator == "pattern" and isinstance(error.instance, str) and _an_id_pattern(error.validator_value):
        message = _bad_id(error.instance)
    elif error.validator in ("anyOf", "oneOf") and not (path and "when" in map(str, path)):
        message = _describe_choice(error.validator_value, error.instance) or message
    elif error.validator in ("oneOf", "anyOf") and path and "when" in map(str, path):
        why = _condition_problem(error.instance)
        message = (
            f"{_flow(error.instance)} is not a valid condition{': ' + why if why else ''}; use {{field: NAME, "
            "is|is_not|in|not_in|present: VALUE}, {all: [...]}, {any: [...]} or {not: ...}"
        )
    return f"{where}: {message}" if where else message


def _written(value: Any) -> str:
    """A value as its author wrote it in YAML (``null``, ``true``, ``'x'``, ``1.5``), a mapping or list by its
    kind and a short flow of it, not as Python prints it."""
    if value is None or isinstance(value, bool):
        return "null" if value is None else str(value).lower()
    if isinstance(value, dict | list):
        flow = _flow(value, sort_keys=False)
        return f"{_kind(value)} ({flow if len(flow) <= 60 else flow[:57] + '...'})"
    return repr(value) if isinstance(value, str) else str(value)


def _wrong_kind(error: Any, path: list[Any]) -> str:
    """A value of the wrong kind (null, a mapping where a list goes, true where a number does), said as
    YAML writes it, with what to write instead."""
    kinds = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
    wanted = " or ".join(_TYPE_NAMES.get(str(kind), str(kind)) for kind in kinds if kind != "null")
    value = error.instance
    if path == ["rules"] and value is None:
        return "it is empty (null): list the policy's rules under it, each starting '- id: ...'"
    if value is None:
        return f"it is empty (null): write {wanted}"
    said = f"{_written(value)} is not {wanted}"
    if "array" in kinds and isinstance(value, dict):
        return f"{said}: write each item on a line of its own starting '- '" + (
            " (- id: ...)" if path == ["rules"] else ""
        )
    if "array" in kinds and isinstance(value, str):
        return f"{said}: write a list, even of one: [{value}]"
    return said


def _amends(data: Any, index: int) -> bool:
    """Whether rule ``index`` amends an inherited rule (it gives no check type)."""
    rules = data.get("rules")
    return isinstance(rules, list) and isinstance(rules[index], dict) and "check" not in rules[index]


def _an_id_pattern(pattern: Any) -> bool:
    from .schema import ID_PATTERN  # error path only: not at start-up

    return pattern == ID_PATTERN


def _bad_id(value: str) -> str:
    """An id the schema's pattern refuses, with what an id is written in and one it may mean."""
    import re  # error path only

    meant = re.sub(r"[^a-z0-9._-]+", "-", value.strip().lower()).strip("-._")
    rule = "lower-case letters, digits, '.', '_' and '-' (no spaces or capitals), starting with a letter or digit"
    said = "'' is empty" if not value else f"{value!r} is not an id"
    return f"{said}: write it in {rule}" + (f", such as {meant!r}" if meant and meant != value else "")


def _condition_problem(condition: Any) -> str | None:
    """What is wrong with a ``when`` condition, said as its author wrote it (None: no one thing to name)."""
    if not isinstance(condition, dict):
        return f"a condition is a mapping, not {_kind(condition)}"
    joins = [key for key in ("all", "any", "not") if key in condition]
    kinds = [*joins, "field"] if "field" in condition else joins
    if len(kinds) > 1:
        return f"it joins {' and '.join(map(repr, kinds))}: one per condition"
    if joins:
        key, value = joins[0], condition[joins[0]]
        if key == "not":
            return None if isinstance(value, dict) else f"'not' takes one condition (a mapping), not {_kind(value)}"
        if not isinstance(value, list):
            return f"{key!r} takes a list of conditions, not {_kind(value)}"
        return f"{key!r} takes at least one condition" if not value else None
    if "field" in condition:
        tests = [key for key in conditions.OPERATORS if key in condition]
        if not tests:
            return "it needs a test: is, is_not, in, not_in or present"
        if len(tests) > 1:
            return f"it has {len(tests)} tests ({', '.join(tests)}): give one"
        if tests[0] in ("in", "not_in") and not isinstance(condition[tests[0]], list):
            return f"{tests[0]!r} takes a list of values ({tests[0]}: [{_flow(condition[tests[0]])}])"
    return None


def _kind(value: Any) -> str:
    """A YAML value's kind, as :data:`_TYPE_NAMES` names a schema's types ("a mapping", "true or false")."""
    if value is None:
        return "null"
    kind = {list: "array", dict: "object", str: "string", bool: "boolean", int: "integer", float: "number"}
    return _TYPE_NAMES.get(kind.get(type(value), ""), type(value).__name__)


def _flow(value: Any, *, sort_keys: bool = True) -> str:
    """A value as YAML's flow style writes it (``{field: commercial, is: true}``), as a policy's author wrote it."""
    import yaml  # error path only

    try:
        return (
            yaml.safe_dump(value, default_flow_style=True, width=1_000_000, allow_unicode=True, sort_keys=sort_keys)
            .strip()
            .removesuffix("\n...")
            .strip()
        )
    except yaml.YAMLError:
        return repr(value)


def _describe_choice(branches: Any, instance: Any) -> str | None:
    """Why a value fits none of an ``anyOf``'s branches (a field that may also be null): not one of the
    values allowed (``const``, ``enum``), not of the type, or of the type but out of its range, too short or
    not of its pattern. None when the branches are of another shape."""
    from jsonschema import Draft202012Validator  # error path only: not at start-up

    subs = [sub for sub in branches if isinstance(sub, dict)] if isinstance(branches, list) else []
    allowed = [sub["const"] for sub in subs if "const" in sub]
    allowed += [value for sub in subs for value in sub.get("enum") or ()]
    checker = Draft202012Validator.TYPE_CHECKER

    def typed(sub: dict[str, Any]) -> bool:
        kinds = sub.get("type")
        kinds = [kinds] if isinstance(kinds, str) else kinds or []
        return any(checker.is_type(instance, kind) for kind in kinds if kind != "null")

    for sub in subs:
        if not typed(sub):
            continue
        choices = [sub["const"]] if "const" in sub else list(sub.get("enum") or ())
        if choices:
            return f"{instance!r} is not one of {allowed}"
        reason = _out_of_range(sub, instance)
        if reason:
            return reason
    if allowed:  # of no branch's type, or of it but not one of its values
        return f"{_written(instance)} is not one of {allowed}"
    types = [sub["type"] for sub in subs if isinstance(sub.get("type"), str)]
    wanted = " or ".join(_TYPE_NAMES.get(t, t) for t in types if t != "null")
    return f"{_written(instance)} is not {wanted}" if wanted else None


def _out_of_range(schema: dict[str, Any], value: Any) -> str | None:
    """Why a value of the schema's type breaks one of its limits (minimum, maximum, length, pattern)."""
    what = _TYPE_NAMES.get(str(schema.get("type")), "a value")
    if isinstance(value, int | float) and not isinstance(value, bool):
        low, high = schema.get("minimum"), schema.get("maximum")
        above, below = schema.get("exclusiveMinimum"), schema.get("exclusiveMaximum")
        if (
            (low is not None and value < low)
            or (high is not None and value > high)
            or (above is not None and value <= above)
            or (below is not None and value >= below)
        ):
            if low is not None and high is not None:
                limits = f"from {low} to {high}"
            else:
                limits = " and ".join(
                    f"{words} {limit}"
                    for words, limit in (
                        ("at least", low),
                        ("more than", above),
                        ("at most", high),
                        ("less than", below),
                    )
                    if limit is not None
                )
            return f"{value!r} is out of range: it must be {what} {limits}"
    if isinstance(value, str):
        shortest, longest = schema.get("minLength"), schema.get("maxLength")
        if shortest is not None and len(value) < shortest:
            return f"{value!r} is too short: it must be at least {shortest} character{'s' * (shortest != 1)} long"
        if longest is not None and len(value) > longest:
            return f"{value[:40]!r}... is too long: it must be at most {longest} characters long"
        pattern = schema.get("pattern")
        if pattern is not None:
            import re

            if re.search(pattern, value) is None:
                said = "'' is empty: it must match" if not value else f"{value!r} does not match"
                return f"{said} the pattern {pattern}"
    return None


def _inherits(parent: Any, rule_id: str) -> bool | None:
    """Whether a bundled policy ``parent`` (or one it extends) has a rule ``rule_id``; None when ``parent`` is
    not bundled (a user's policy, not known from here). Only on the path of an error."""
    if not isinstance(parent, str):
        return None
    bundled = policy_set()
    if parent not in bundled:
        return None
    return any(rule.id == rule_id for policy in bundled.chain(bundled.get(parent)) for rule in policy.rules)


def _rule_id(data: Any, index: int) -> object:
    rules = data.get("rules") if isinstance(data, dict) else None
    rule = rules[index] if isinstance(rules, list) and 0 <= index < len(rules) else None
    return rule.get("id") if isinstance(rule, dict) else None


def validate_raw(raw: RawPolicy) -> None:
    errors = schema_errors(raw)
    if errors:
        raise next((error for error in errors if _explains_a_missing_key(error, errors)), errors[0])


def _explains_a_missing_key(error: PolicyError, errors: list[PolicyError]) -> bool:
    """Whether ``error`` is a key written otherwise (``'nmae': did you mean 'name'?``) that explains another's
    missing key (``'name' is a required property``): of the two, the one line ``check`` tells."""
    import re  # error path only

    meant = re.findall(r"did you mean '([^']+)'\?", error.message)
    return any(f"'{key}' is a required property" in other.message for key in meant for other in errors)


def claimed_domains(raw: RawPolicy) -> Iterator[tuple[int, str]]:
    """The domains a policy file's ``applies_to`` claims, each with its index there, as matched (read as
    :func:`~reprint_guard.urls.domain_key` reads a host: ``bücher.example`` and ``xn--bcher-kva.example`` are
    one domain)."""
    declared = raw.data.get("applies_to")
    for index, domain in enumerate(declared if isinstance(declared, list) else ()):
        yield index, domain_key(domain)


def claimed_name(raw: RawPolicy, index: int) -> str:
    """``applies_to``'s domain at ``index`` as a finding names it: as written (no punycode for an
    international name), lower case, ``www.`` and a trailing dot aside, ASCII dots."""
    from ..urls import host_text

    return host_text(str(raw.data["applies_to"][index])).removeprefix("www.")


#: Where a policy of one's own that is not found may be: a folder not given (the test command says so too).
OWN_POLICY_HINT = "a policy of your own is found with --rules-dir DIR or the config's 'policies'"


class PolicySet:
    """Policies by id, resolved (``extends`` applied, parameters validated) when first asked for.

    A run usually needs one or two of the bundled policies, so the others stay
    parsed YAML; ``eager`` ones (the user's own files) are resolved at once so
    their mistakes show before any file is checked. ``compiled`` policies (the
    bundled ones, validated ahead of time) are ready as they are. Resolution
    happens under a lock and resolved policies are immutable, so a set is safe
    to share across threads.
    """

    def __init__(
        self,
        raws: Iterable[RawPolicy] | dict[str, RawPolicy],
        eager: Iterable[str] | None = None,
        compiled: Mapping[str, Policy] | None = None,
        known: Mapping[str, Policy] | None = None,
    ) -> None:
        self.raw: dict[str, RawPolicy] = {}
        self._domains: dict[str, str] | None = None  # applies_to domain -> policy id, built on first use
        self._most_labels = 0  # the most labels a domain of theirs has: a host's lookup starts at as many
        if isinstance(raws, dict):  # by id already (the set takes it over): validate's, made once a run
            self.raw = raws
        else:
            for raw in raws:  # later ones win: a user policy with a bundled id replaces it
                self.raw[str(raw.data.get("id"))] = raw
        self.policies: dict[str, Policy] = {k: v for k, v in (compiled or {}).items() if k not in self.raw}
        self._ids = [*self.policies, *self.raw]
        # Policies of ``raws`` resolved before, from these same raws (the caller vouches: ``validate`` of many
        # files resolves each one's parents once, not once a file); their raws stay, for what is asked of them.
        self.policies.update({k: v for k, v in (known or {}).items() if k in self.raw})
        #: Likely slips in the user's own policies (a misspelt placeholder or field), warned of by a run.
        self.doubts: list[PolicyError] = []
        #: The user's own policies, which win a domain over a bundled one ("our own deal with ProPublica").
        self._own = list(self.raw if eager is None else eager)
        #: Where a user's policy took a bundled policy's parent's id: the bundled rule each amendment of the
        #: bundled policy was made on instead (the user's parent has no such rule, or one it does not fit), by
        #: (policy id, rule id), as ``explain`` says; and the rules it turns off that the user's chain lacks.
        self.amended_as_bundled: dict[tuple[str, str], Rule] = {}
        self.idle_disables: dict[tuple[str, str], str] = {}
        self._check_own_domains()
        for policy_id in self._own:
            self._resolve(policy_id, ())

    def _check_own_domains(self) -> None:
        """Two of the user's own policies claiming one domain: which applies would be an accident."""
        claimed: dict[str, str] = {}
        for policy_id in self._own:
            raw = self.raw[policy_id]
            for index, key in claimed_domains(raw):
                other = claimed.setdefault(key, policy_id)
                if other != policy_id:
                    raise raw.error(
                        f"applies_to: {claimed_name(raw, index)} is claimed by policy {other!r} too; one policy "
                        "per domain "
                        "(set 'policy: <id>' in the metadata or an override to choose between them)",
                        ["applies_to", index],
                    )

    def __contains__(self, policy_id: str) -> bool:
        return policy_id in self.raw or policy_id in self.policies

    @property
    def own(self) -> list[str]:
        """The ids of the user's own policies (``--rules-dir``, the config's ``policies``)."""
        return list(self._own)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter([self.get(policy_id) for policy_id in self._ids])

    def ids(self) -> list[str]:
        return list(self._ids)

    def chain(self, policy: Policy) -> list[Policy]:
        """``policy``, then each policy it extends in turn (one not in the set ends the chain)."""
        chain = [policy]
        while chain[-1].extends and chain[-1].extends in self:
            chain.append(self.get(chain[-1].extends))
        return chain

    def ancestors_names(self, policy: Policy) -> tuple[str, ...]:
        """The names the policies ``policy`` extends give their publishers (their credit rules' names, and the
        publisher's), but for those ``policy`` itself accepts: what a credit block it inherits may name instead
        of its own publisher (a sister site's parent)."""
        from ..checks.base import publisher_names

        own = {name.casefold() for name in publisher_names(policy)}
        names = {name for parent in self.chain(policy)[1:] for name in publisher_names(parent)}
        return tuple(sorted(name for name in names if name.casefold() not in own))

    def turned_off(self, policy: Policy, rule_id: str) -> tuple[Policy, Policy] | None:
        """When ``policy`` does not run ``rule_id`` of a policy it extends: that policy, and the one below it in
        the chain that turns the rule off (``disabled: true``)."""
        import itertools

        for child, ancestor in itertools.pairwise(self.chain(policy)):
            if ancestor.rule(rule_id) is not None:
                return ancestor, child
        return None

    def get(self, policy_id: str) -> Policy:
        policy = self.policies.get(policy_id)
        if policy is not None:
            return policy
        if policy_id not in self.raw:
            import difflib  # error path only: not at start-up

            close = difflib.get_close_matches(str(policy_id), self._ids, n=1, cutoff=0.8)
            if close:  # a slip of the name (harbour-ledger), not a policy left unread
                raise PolicyError(f"unknown policy {policy_id!r}; did you mean {close[0]!r}?")
            known = ", ".join(sorted(self._ids)) or "none"
            raise PolicyError(f"unknown policy {policy_id!r}; known policies: {known}; {OWN_POLICY_HINT}")
        with _lock:  # the module's: one a fork can take (a lock of each set's would be copied held)
            return self._resolve(policy_id, ())

    def from_file(self, path: Path) -> Policy | None:
        """The user's policy read from ``path`` (any spelling of it), or None: found without reading it again."""
        resolved = path.resolve()
        for policy_id in self._own:
            if Path(self.raw[policy_id].path).resolve() == resolved:
                return self.get(policy_id)
        return None

    def domains(self) -> list[str]:
        """Every domain a policy's ``applies_to`` covers (``propublica.org``), each once."""
        self.for_host("")
        return list(self._domains or ())

    def for_host(self, host: str) -> Policy | None:
        """The policy whose ``applies_to`` matches ``host`` most specifically (the longest domain wins). Both
        are read as :func:`~reprint_guard.urls.domain_key` reads a host, the policies' once, when first asked:
        an original at ``οδοσ.gr`` or ``xn--pxavbq.gr`` is a policy's for ``ΟΔΟΣ.gr``, one at
        ``example．org`` is ``example.org``'s. An ASCII host (:func:`~reprint_guard.urls.host_of`'s, in lower
        case) is looked up as it is."""
        if not host.isascii() or host.endswith("."):
            host = domain_key(host)
        domains = self._domains
        if domains is None:
            domains = {}
            own = set(self._own)  # the user's own first: they win a domain over a bundled policy
            for policy_id in [*self._own, *(i for i in self._ids if i not in own)]:
                raw = self.raw.get(policy_id)
                if raw is not None:
                    keys = [key for _, key in claimed_domains(raw)]
                else:
                    keys = [domain_key(domain) for domain in self.policies[policy_id].applies_to or ()]
                for key in keys:
                    domains.setdefault(key, policy_id)
            self._most_labels = max((key.count(".") + 1 for key in domains), default=0)
            self._domains = domains
        # host, then each parent domain: the first hit is the longest, most specific match; from no more labels
        # than a policy's domain has (a host of half a million labels is looked up in as few steps as any)
        suffix = host
        if suffix.count(".") >= self._most_labels:
            suffix = ".".join(suffix.rsplit(".", self._most_labels)[1:])
        while True:
            policy_id = domains.get(suffix)
            if policy_id is not None:
                return self.get(policy_id)
            dot = suffix.find(".")
            if dot < 0:
                return None
            suffix = suffix[dot + 1 :]

    def _resolve(self, policy_id: str, chain: tuple[str, ...]) -> Policy:
        if policy_id in self.policies:
            return self.policies[policy_id]
        raw = self.raw[policy_id]
        if str(raw.data.get("extends") or "") == policy_id and not _bundled_id(policy_id):
            raise raw.error(f"policy {policy_id!r} extends itself: name the policy it builds on", ["extends"])
        if str(raw.data.get("extends") or "") == policy_id:  # a first try at tweaking a bundled policy
            raise raw.error(
                f"policy {policy_id!r} extends itself: a policy of your own with a bundled policy's id replaces it, "
                f"so there is nothing left to extend; give yours an id of its own ('{policy_id}-local') with "
                f"'extends: {policy_id}' and the same applies_to (a policy of your own wins a domain over a bundled "
                "one); to turn a bundled rule off or down, set its 'severity' in the config",
                ["extends"],
            )
        if policy_id in chain:
            start = chain.index(policy_id)
            loop = " -> ".join((*chain[start:], policy_id))
            if start == 0:  # the policy asked for is in the loop itself
                raise raw.error(f"policies extend each other in a loop: {loop}", ["extends"])
            # One that only leads into a loop (A extends B, B extends C, C extends B) is told at its own 'extends',
            # with the loop and where it closes: else it is told only at B's, and validating A and B together
            # (each told at its own file) called A valid.
            closes = raw.error("", ["extends"])
            into = "" if start == 1 else " -> ".join(chain[1:start]) + " -> "
            raise self.raw[chain[0]].error(
                f"extends {chain[1]!r}, which "
                + ("is caught in" if start == 1 else "leads into")
                + f" a loop of policies extending each other: {into}{loop} ({closes.location()})",
                ["extends"],
            )
        if len(chain) >= MAX_EXTENDS_DEPTH:
            first = self.raw.get(chain[0])
            raise (first or raw).error(
                f"its 'extends' chain is more than {MAX_EXTENDS_DEPTH} policies deep ({chain[0]} -> {chain[1]} -> "
                f"... -> {policy_id}): a policy builds on a few others",
                ["extends"],
            )
        data = raw.data
        parent: Policy | None = None
        if data.get("extends"):
            parent_id = str(data["extends"])
            if parent_id not in self:
                others = sorted(set(self._ids) - {policy_id})  # a policy cannot extend itself
                import difflib

                close = difflib.get_close_matches(parent_id, others, n=1, cutoff=0.8)
                hint = f" (did you mean {close[0]!r}?)" if close else f"; known policies: {', '.join(others)}"
                raise raw.error(f"extends unknown policy {parent_id!r}{hint}", ["extends"])
            parent = self._resolve(parent_id, (*chain, policy_id))
            # The chain above a parent resolved before (files read in order, the shallowest first) is not on
            # ``chain``: it is counted from the parents themselves, and told from the policy asked for, as a
            # chain followed all the way is.
            above: list[str] = [*chain, policy_id, parent_id]
            ancestor: Policy | None = parent
            while ancestor is not None and ancestor.extends and len(above) <= MAX_EXTENDS_DEPTH:
                above.append(ancestor.extends)
                ancestor = self.policies.get(ancestor.extends)
            if len(above) > MAX_EXTENDS_DEPTH:
                raise self.raw[above[0]].error(
                    f"its 'extends' chain is more than {MAX_EXTENDS_DEPTH} policies deep ({above[0]} -> {above[1]} -> "
                    f"... -> {above[MAX_EXTENDS_DEPTH]}): a policy builds on a few others",
                    ["extends"],
                )
        rules: dict[str, Rule] = {rule.id: rule for rule in parent.rules} if parent else {}
        seen: dict[str, int] = {}
        for index, rule_data in enumerate(data.get("rules") or []):
            rule_id = str(rule_data.get("id"))
            if rule_id in seen:
                raise raw.error(said_twice(raw, rule_id, seen[rule_id]), ["rules", index, "id"])
            seen.setdefault(rule_id, index)
            if rule_data.get("disabled"):
                if rule_id not in rules and parent is not None and self._over_the_users(raw, parent):
                    self.idle_disables[(policy_id, rule_id)] = parent.id  # nothing to turn off
                    continue
                if rule_id not in rules:
                    import difflib

                    close = difflib.get_close_matches(rule_id, list(rules), n=1, cutoff=0.8)
                    hint = f"; did you mean {close[0]!r}?" if close else ""
                    raise raw.error(
                        f"rule {rule_id!r} is disabled but no parent policy defines it{hint}", ["rules", index, "id"]
                    )
                del rules[rule_id]
                continue
            if "check" not in rule_data:
                if rule_id not in rules and parent is not None and (off := self.turned_off(parent, rule_id)):
                    raise raw.error(
                        f"rule {rule_id!r} has no 'check', so it amends an inherited rule, but {off[1].id} turns "
                        f"{off[0].id}/{rule_id} off ('disabled: true'): nothing is left to amend; write the rule "
                        "whole (its check and message) to bring it back",
                        ["rules", index, "id"],
                    )
                try:
                    rules[rule_id] = _amend(raw, index, rule_data, rules, policy_id)
                except PolicyError:
                    original = _as_bundled(raw, data.get("extends"), self, rule_id)
                    if original is None:
                        raise
                    rules[rule_id] = _amend(raw, index, rule_data, {rule_id: original}, policy_id)
                    self.amended_as_bundled[(policy_id, rule_id)] = original
                continue
            if "extend" in rule_data:
                raise raw.error(
                    f"rule {rule_id!r}: 'extend' goes with a rule that amends an inherited one (no 'check'); "
                    "a rule with its check is written whole",
                    ["rules", index, "extend"],
                )
            rules[rule_id] = _build_rule(raw, index, rule_data, policy_id)
        applies_to = _hosts(raw, data.get("applies_to"), ["applies_to"])
        policy = Policy(
            id=policy_id,
            name=_text(raw, data.get("name", policy_id), ["name"]),
            publisher=_text(raw, data.get("publisher", ""), ["publisher"]),
            source_url=_text(raw, data.get("source_url", ""), ["source_url"]),
            terms_read=_date(raw, data.get("terms_read"), ["terms_read"]),
            description=_text(raw, data.get("description"), ["description"], optional=True),
            confidence=_choice(raw, data.get("confidence", "primary"), _POLICY_CONFIDENCE, ["confidence"]),
            notes=_text(raw, data.get("notes"), ["notes"], optional=True),
            applies_to=applies_to,
            host_aliases=_host_aliases(raw, data.get("host_aliases"), applies_to),
            contacts=_texts(raw, data.get("contacts"), ["contacts"]) or (parent.contacts if parent else ()),
            extends=_text(raw, data.get("extends"), ["extends"], optional=True),
            credit=_credit(raw, data.get("credit")) or (parent.credit if parent else None),
            rules=tuple(rules.values()),
            path=raw.path,
        )
        self.policies[policy_id] = policy
        return policy

    def _over_the_users(self, raw: RawPolicy, parent: Policy) -> bool:
        """Whether ``raw`` is a bundled policy built on a policy of the user's that took a bundled id (their own
        reading of a licence): what it turns off of the bundled parent may not be there, and that is no
        mistake of a file the user cannot edit."""
        folder = bundled_rules_dir().resolve()
        if Path(raw.path).resolve().parent != folder:
            return False
        return any(policy.path and Path(policy.path).resolve().parent != folder for policy in self.chain(parent))


def _as_bundled(raw: RawPolicy, parent_id: Any, policies: PolicySet, rule_id: str) -> Rule | None:
    """The rule a bundled policy's amendment was written for, when a policy of the user's has taken its parent's
    id (their own reading of a licence) and the amendment does not fit the rule there (left out, or of another
    check type): the bundled policy amends the bundled parent's rule, as it did before the user's policy came,
    rather than fail on a file the user cannot edit; so too when the user's policy is further up the parent's
    chain (a user's cc-base-4.0 under the bundled cc-by-nd-4.0 that Mongabay extends). None for the user's own
    policies, and where the whole chain is bundled."""
    folder = bundled_rules_dir().resolve()
    if Path(raw.path).resolve().parent != folder:
        return None
    users, ancestor, depth = False, str(parent_id), 0
    while ancestor and depth <= MAX_EXTENDS_DEPTH:
        found = policies.raw.get(ancestor)
        if found is None:
            return None
        if Path(found.path).resolve().parent != folder:
            users = True
            break
        ancestor, depth = str(found.data.get("extends") or ""), depth + 1
    if not users:
        return None
    bundled = policy_set()
    return bundled.get(str(parent_id)).rule(rule_id) if str(parent_id) in bundled else None


#: Parameters that ``extend`` adds to, by check type: a pattern gets one more alternative, a list more items.
_EXTENDED_PATTERNS = frozenset({"pattern", "unless", "except"})


def _fields(check: str) -> dict[str, Any]:
    """A check type's parameter fields, by their YAML names (``from``, ``except``)."""
    from ..checks.params import PARAMS

    return {field.alias or name: field for name, field in PARAMS[check].model_fields.items()}


def _extendable(check: str) -> tuple[frozenset[str], frozenset[str]]:
    """A check type's parameters that ``extend`` adds to, by their YAML names: its patterns (``pattern``,
    ``unless``, ``except``) and its lists (``names``, ``hosts``, ``from``)."""
    fields = _fields(check)
    patterns = frozenset(key for key in fields if key in _EXTENDED_PATTERNS)
    lists = frozenset(key for key, field in fields.items() if "tuple[" in str(field.annotation))
    return patterns, lists - patterns


def _as_written(rule: Rule) -> dict[str, Any]:
    """An inherited rule as its policy file wrote it (its parameters' defaults left out): what an amendment
    changes a field of."""
    data: dict[str, Any] = {
        "id": rule.id,
        "check": rule.check,
        "message": rule.message,
        "severity": rule.severity.value,
        "confidence": rule.confidence,
    }
    for key in ("description", "fix", "terms"):
        if getattr(rule, key) is not None:
            data[key] = getattr(rule, key)
    if rule.when is not None:
        data["when"] = conditions.dump(rule.when)
    if rule.params is not None:
        data.update(
            {key: list(value) if isinstance(value, tuple) else value for key, value in rule.params.declared().items()}
        )
    return data


def _amend(raw: RawPolicy, index: int, data: Mapping[str, Any], rules: Mapping[str, Rule], policy_id: str) -> Rule:
    """A rule that names an inherited rule and gives no check type: the inherited rule with the fields given
    in their place, and those under ``extend`` added to (yamllint's way with a rule's options): a policy
    changes one wording of a licence's rule without copying the rest, which then follows the licence."""
    where: list[str | int] = ["rules", index]
    rule_id = str(data.get("id"))
    inherited = rules.get(rule_id)
    if inherited is None and not raw.data.get("extends"):  # nothing inherited: a rule of its own, its check left out
        raise raw.error(
            f"rule {rule_id!r}: 'check' is a required property (the check type: {', '.join(sorted(CHECKS))}); a "
            "rule without one amends a rule inherited through 'extends', and this policy extends none",
            [*where, "id"],
        )
    if inherited is None:
        import difflib

        close = difflib.get_close_matches(rule_id, list(rules), n=1, cutoff=0.8)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise raw.error(
            f"rule {rule_id!r} has no 'check': a rule needs its check type and message, but for one that amends a "
            f"rule inherited through 'extends', and no parent policy defines {rule_id!r}{hint}",
            [*where, "id"],
        )
    extend = data.get("extend", {})
    if not isinstance(extend, Mapping):
        raise raw.error(
            f"rule {rule_id!r}, field 'extend': a mapping of the fields to add to ({{unless: PATTERN}})",
            [*where, "extend"],
        )
    # "disabled: false" keeps the rule, as leaving it out does: no change to list.
    given = {
        key: value for key, value in data.items() if key not in ("id", "extend") and (key, value) != ("disabled", False)
    }
    if not given and not extend:
        raise raw.error(
            f"rule {rule_id!r} amends {inherited.origin}/{rule_id} but changes nothing: give the fields to change "
            "(severity, message, a parameter), or 'extend' to add to a pattern or a list",
            [*where, "id"],
        )
    for key in _NOT_DROPPED:
        if key in given and given[key] is None:
            raise raw.error(
                f"rule {rule_id!r}, field {key!r}: a rule keeps its {key} (null drops a field back to none or "
                f"its default): give the {key} to use instead",
                [*where, key],
            )
    written = _as_written(inherited)
    kept_as_is = [key for key, value in given.items() if written.get(key) == value]  # null for a field it has not
    if given and not extend and len(kept_as_is) == len(given):
        said = ", ".join(f"'{key}: {_flow(written.get(key))}'" for key in kept_as_is)
        raise raw.error(
            f"rule {rule_id!r} amends {inherited.origin}/{rule_id} but changes nothing: it has {said} already; "
            "give the fields to change, or leave the rule out to inherit it as it is",
            [*where, kept_as_is[0]],
        )
    merged = {**written, **given}
    for key in [key for key, value in given.items() if value is None]:  # null: the inherited field dropped
        del merged[key]
    patterns, lists = _extendable(inherited.check)
    for key, value in extend.items():
        at = [*where, "extend", key]
        if key in given:
            raise raw.error(f"rule {rule_id!r}: {key!r} is both given and extended: keep one", at)
        if key in patterns:
            if not isinstance(value, str) or not value:
                raise raw.error(f"rule {rule_id!r}, field 'extend.{key}': a pattern to add", at)
            was = merged.get(key)
            if was is None and key == "pattern" and inherited.check in ("text", "link"):
                other = "phrase" if inherited.check == "text" else "target"
                raise raw.error(
                    f"rule {rule_id!r}, field 'extend.pattern': {inherited.origin}/{rule_id} has no pattern to add "
                    f"to (it has {other} {merged.get(other)!r}): give 'pattern' itself, with '{other}: null'",
                    at,
                )
            merged[key] = value if was is None else f"(?:{was})|(?:{value})"
        elif key in lists:
            if not isinstance(value, list) or not value:
                raise raw.error(f"rule {rule_id!r}, field 'extend.{key}': a list of items to add", at)
            if key not in merged:
                unset = _unset_list(inherited, key)
                if unset is not None:
                    raise raw.error(
                        f"rule {rule_id!r}, field 'extend.{key}': {inherited.origin}/{rule_id} has no {key!r} of its "
                        f"own, so {unset}: adding to it would narrow it to these; {_UNSET_LIST_FIX[key]}",
                        at,
                    )
            merged[key] = [*(merged.get(key) or _list_default(inherited.check, key)), *value]
        else:
            can = ", ".join(sorted(patterns | lists)) or "none"
            article = "an" if inherited.check[0] in "aeiou" else "a"
            raise raw.error(
                f"rule {rule_id!r}, field 'extend.{key}': only a pattern or a list is extended ({article} "
                f"{inherited.check} rule's: {can}); give {key!r} itself to replace it",
                at,
            )
    amends = tuple(
        sorted(
            [*(key if value is not None else f"{key}-" for key, value in given.items()), *(f"{key}+" for key in extend)]
        )
    )
    places = {key: ([*where, "extend", key], str(merged[key]), str(extend[key])) for key in extend}
    kept = {key: value for key, value in written.items() if key not in given and key not in _RULE_KEYS}
    # The inherited fix was written for the placement the rule had then: a position given since (here, or by an
    # amendment further up the chain that this one leaves as it is) makes it a fix for another placement.
    position_after_fix = "fix" not in given and ("position" in given or inherited.position_after_fix)
    return _build_rule(raw, index, merged, policy_id, places, kept).replace(
        amends=amends, position_after_fix=position_after_fix
    )


def _entry(keys: list[str], loc: Any, params: Mapping[str, Any], message: str) -> list[str | int]:
    """Where a parameter's error stands: the entry of a list it names (``licenses: [CC-BY-NC-40]`` at
    ``CC-BY-NC-40``, as ``validate`` places it), else the parameter's key (``keys`` empty: the rule's)."""
    if not keys:
        return []
    after = list(loc)[list(loc).index(keys[0]) + 1 :] if keys[0] in loc else []
    if after and isinstance(after[0], int):  # pydantic names the entry itself
        return [keys[0], after[0]]
    value = params.get(keys[0])
    if isinstance(value, list):  # a validator of the whole list names the entry at fault in its message
        named = [
            index
            for index, item in enumerate(value)
            if (item is None or isinstance(item, str)) and _written(item) in message
        ]
        return [keys[0], *named[:1]]
    return keys[:1]


def _named(key: str, message: str) -> bool:
    """Whether a parameter's error names ``key`` (``'pattern'``, ``'target: original'``)."""
    return f"'{key}'" in message or f"'{key}:" in message


#: Fields an amendment may not write as null: every rule has them.
_NOT_DROPPED = ("message", "severity", "confidence")

#: What to write instead of extending a list the inherited rule leaves unset, whose unset value is no empty list.
_UNSET_LIST_FIX = {
    "from": "give 'from' itself with every address that may grant it, or list the address in the policy's "
    "'contacts' (a policy's own contacts replace those it inherits)",
    "allowed": "give 'allowed' itself to hold the field to a list of values",
    "licenses": "give 'licenses' itself to hold the field to a list of licences",
}


def _unset_list(inherited: Rule, key: str) -> str | None:
    """What an inherited rule's unset list means, when that is no empty list to add items to (``from``: the
    policy's contacts; ``allowed``: any value), said; None when adding to it is adding to nothing."""
    if key == "from":
        anyone = " (anyone, when it has none)" if inherited.check == "media" else ""
        return f"whoever the policy's contacts name{anyone} may grant it"
    if key in ("allowed", "licenses") and inherited.check == "metadata":
        return "any value passes"
    return None


def _list_default(check: str, key: str) -> list[Any]:
    """A list parameter's default, as an extension adds to it: a media rule's ``tags`` are every element it
    counts, not none."""
    fields = _fields(check)
    default = fields[key].default if key in fields else None
    return list(default) if isinstance(default, tuple | list) else []


def _build_rule(
    raw: RawPolicy,
    index: int,
    data: Mapping[str, Any],
    policy_id: str,
    places: Mapping[str, tuple[list[str | int], str, str]] | None = None,
    kept: Mapping[str, Any] | None = None,
) -> Rule:
    """A rule from its policy's data; ``places``: a parameter an amendment extended (``extend``), by key: where
    it wrote the addition, the value made of it and the addition, for an error's words and position;
    ``kept``: an amendment's inherited parameters it did not give, which a clash of parameters names."""
    where: list[str | int] = ["rules", index]
    rule_id = data.get("id")
    check = data.get("check")
    module = CHECKS.get(str(check))
    if module is None:
        raise raw.error(
            f"rule {rule_id!r}: unknown check type {check!r}; valid check types: {', '.join(sorted(CHECKS))}",
            [*where, "check"],
        )
    params_data = {k: v for k, v in data.items() if k not in _RULE_KEYS}
    from ..checks.params import PARAMS  # pydantic: only when a policy is validated, not when one runs

    try:
        model = PARAMS[str(check)].model_validate(params_data)
    except ValueError as exc:  # pydantic's ValidationError
        problem = exc.errors()[0]  # type: ignore[attr-defined]
        loc = [str(p) for p in problem.get("loc", ()) if not isinstance(p, int)]
        field = f", field '{'.'.join(loc)}'" if loc else ""
        message = str(problem.get("msg", "invalid")).removeprefix("Value error, ")
        if not loc and message.startswith("the pattern /") and "pattern" in params_data:
            loc = ["pattern"]  # said of the whole params (it needs their mode), but about the pattern: at its line
            field = ""
        at: list[str | int] | None = None
        for key, (place, combined, added) in (places or {}).items():
            # An amendment's pattern is told as it wrote it, at its line, not as the inherited one joined to it.
            read = PARAMS["text"]._as_the_text_reads(combined)  # type: ignore[attr-defined]
            if (loc and loc[0] == key) or combined in message or read in message:
                message = message.replace(combined, added).replace(read, added)
                at = place
                break
        if kept and not loc and at is None:
            # Parameters that clash (a phrase and a pattern): one of them inherited, which the author does not see.
            clash = [key for key in kept if _named(key, message)]
            if clash:
                message += (
                    f" ({', '.join(map(repr, clash))} inherited, which an amendment keeps: write '{clash[0]}: null' "
                    "to drop it)"
                )
                mine = [key for key in params_data if key not in kept and _named(key, message)]
                at = [*where, mine[0]] if mine else None
        at = at or [*where, *_entry(loc, problem.get("loc", ()), params_data, message)]
        raise raw.error(f"rule {rule_id!r}{field}: {message}", at) from None
    _search_cost(raw, model, str(rule_id), where, places or {})
    params = ParamsView(model.model_dump(), model.model_dump(by_alias=True, exclude_defaults=True))
    when = None
    if data.get("when") is not None:
        try:
            when = conditions.parse(data["when"])
        except (ValueError, TypeError, AttributeError) as exc:
            raise raw.error(f"rule {rule_id!r}, field 'when': {exc}", [*where, "when"]) from None
    label = f"rule {rule_id!r}, "
    return Rule(
        id=str(rule_id),
        check=str(check),
        severity=Severity(_choice(raw, data.get("severity", "error"), _SEVERITIES, [*where, "severity"], label)),
        message=_text(raw, data.get("message", ""), [*where, "message"], label=label).strip(),
        description=_text(raw, data.get("description"), [*where, "description"], optional=True, label=label),
        when=when,
        fix=_text(raw, data.get("fix"), [*where, "fix"], optional=True, label=label),
        terms=_text(raw, data.get("terms"), [*where, "terms"], optional=True, label=label),
        confidence=_choice(raw, data.get("confidence", "primary"), _RULE_CONFIDENCE, [*where, "confidence"], label),
        params=params,
        origin=policy_id,
    )


#: A rule's parameters that hold a pattern RE2 searches with, as the params models and a policy file name them.
_PATTERN_KEYS = (("pattern", "pattern"), ("unless", "unless"), ("except_", "except"))


def _search_cost(raw: RawPolicy, model: Any, rule_id: str, where: list[str | int], places: Mapping[str, Any]) -> None:
    """Refuse a pattern a text can make RE2 follow too many places of at once (:data:`MAX_SEARCH_PLACES`): it
    compiles, but an article made for it makes its search slow (``x`` then ``.*a`` 2,600 times: 6 s per 100 KB
    of article, 5 minutes at the file size limit, for each such rule). Told at the pattern's line, an
    amendment's at its own."""
    from ..checks.base import search_places

    for key, said in _PATTERN_KEYS:
        value = getattr(model, key, None)
        if not isinstance(value, str):
            continue
        place = places.get(said)
        try:
            count = search_places(value)
        except ValueError as exc:  # groups nested past what it reads
            raise raw.error(f"rule {rule_id!r}, field '{said}': {exc}", place[0] if place else [*where, said]) from None
        if count <= MAX_SEARCH_PLACES:
            continue
        raise raw.error(
            f"rule {rule_id!r}, field '{said}': pattern too costly to search: an article made for it can make "
            f"RE2 follow about {count:,} places of it at once (at most {MAX_SEARCH_PLACES:,}; about 1.1 ms per "
            "100 KB of article each): write it with fewer alternatives, repeats and '.*', or split it into rules",
            place[0] if place else [*where, said],
        )


# Field checks for what the JSON Schema already enforces on user files: a safety
# net with the same kind of message, since bundled files skip the schema at run time.

_SEVERITIES = ("error", "warning", "info")
_RULE_CONFIDENCE = ("primary", "second-hand")
_POLICY_CONFIDENCE = ("primary", "second-hand", "mixed")


def _field(where: list[str | int]) -> str:
    return str(where[-1])


def _text(raw: RawPolicy, value: Any, where: list[str | int], *, optional: bool = False, label: str = "") -> Any:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise raw.error(f"{label}field '{_field(where)}': Input should be a valid string", where)
    return value


def _texts(raw: RawPolicy, value: Any, where: list[str | int]) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise raw.error(f"field '{_field(where)}': Input should be a list of strings", where)
    return tuple(value)


def _hosts(raw: RawPolicy, value: Any, where: list[str | int], *, field: str = "applies_to") -> tuple[str, ...]:
    """``applies_to``'s host names: a URL there (``https://example.org/``) would match no host, so the policy
    would never be chosen, and every reprint of the site would pass unchecked or under another policy."""
    hosts = _texts(raw, value, where)
    for index, written in enumerate(hosts):
        # Its dots as UTS 46 reads them (``。``, ``．`` and ``｡`` are dots): ``example．`` ends in one too.
        host = written if written.isascii() else written.translate(LABEL_DOTS)
        if (
            not host.strip()
            or any(char in host for char in "/:@?#* \t\n")
            or host.startswith(".")
            or host.endswith(".")
            or ".." in host
        ):
            from ..urls import as_address, host_of

            named = host_of(as_address(host.strip())) if "/" in host or ":" in host else None
            named = named or host.strip().lstrip("*.").rstrip(".") or None
            hint = f"write {named!r}" if named and named != written else "write the site's host name"
            raise raw.error(
                f"{field}: {written!r} is not a host name (such as example.org): {hint}"
                + (" (a policy covers the host and its subdomains)" if field == "applies_to" else ""),
                [*where, index],
            )
    return hosts


def _host_aliases(raw: RawPolicy, value: Any, applies_to: tuple[str, ...]) -> tuple[str, ...]:
    """``host_aliases``: two or more host names, each one the policy covers (``applies_to``), that serve the
    same articles at the same paths. Each is a host name as ``applies_to``'s are, matched whole (a language
    edition on a subdomain serves other articles, so it is no alias of its parent's)."""
    where: list[str | int] = ["host_aliases"]
    hosts = _hosts(raw, value, where, field="host_aliases")
    if not hosts:
        return ()
    from ..urls import domain_key, edition_aside, host_matches

    seen: dict[str, int] = {}
    for index, host in enumerate(hosts):
        site = edition_aside(domain_key(host))
        if site in seen:
            raise raw.error(
                f"host_aliases: {host!r} is {hosts[seen[site]]!r} again (www. aside): list each host once",
                [*where, index],
            )
        seen[site] = index
        if not any(host_matches(domain_key(host), domain) for domain in applies_to):
            raise raw.error(
                f"host_aliases: {host!r} is not covered by the policy's applies_to "
                f"({', '.join(applies_to) or 'none'}): an original there would not be checked under this policy; "
                "add it to applies_to, or take it out of host_aliases",
                [*where, index],
            )
    if len(seen) < 2:
        raise raw.error(
            "host_aliases: list two hosts or more that serve the same articles at the same paths (one alone is "
            "an alias of nothing)",
            where,
        )
    return hosts


def _choice(raw: RawPolicy, value: Any, allowed: tuple[str, ...], where: list[str | int], label: str = "") -> Any:
    if value not in allowed:
        options = " or ".join(repr(a) for a in allowed)
        raise raw.error(f"{label}field '{_field(where)}': Input should be {options}", where)
    return value


def _date(raw: RawPolicy, value: Any, where: list[str | int]) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise raw.error(f"field '{_field(where)}': Input should be a valid date (YYYY-MM-DD)", where) from None


def _credit(raw: RawPolicy, value: Any) -> Credit | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise raw.error("field 'credit': Input should be a mapping with 'markdown'", ["credit"])
    unknown = sorted(set(value) - {"markdown", "html", "position"})
    if unknown:
        raise raw.error(f"field 'credit.{unknown[0]}': Extra inputs are not permitted", ["credit", unknown[0]])
    return Credit(
        markdown=_text(raw, value.get("markdown"), ["credit", "markdown"]),
        html=_text(raw, value.get("html"), ["credit", "html"], optional=True),
        position=_choice(raw, value.get("position", "bottom"), ("top", "bottom"), ["credit", "position"]),
    )


def _bundled_id(policy_id: str) -> bool:
    """Whether a bundled policy has this id (each is the file named by its id)."""
    return any((bundled_rules_dir() / f"{policy_id}{suffix}").is_file() for suffix in POLICY_SUFFIXES)


def policy_files(folder: Path) -> list[Path]:
    """The policy files in ``folder``: its YAML files, but for a fixture's metadata sidecar (``NAME.meta.yaml``
    beside ``NAME.html``), which a policy's fixtures may keep beside it, and a hidden one (the config itself,
    ``.reprint-guard.yaml``, or a tool's, ``.pre-commit-config.yaml``, in a repository's root), as a walk
    leaves hidden files out."""
    if not folder.is_dir():
        raise PolicyError("not a folder of policies", path=str(folder))
    entries = list(folder.iterdir())
    names = {p.name.lower() for p in entries}  # an article's suffix in any case (Upper.HTML) is the reader's
    return sorted(
        p
        for p in entries
        if p.suffix in POLICY_SUFFIXES and not p.name.startswith(".") and p.is_file() and not _a_sidecar(p, names)
    )


def _a_sidecar(path: Path, names: set[str]) -> bool:
    """Whether ``path`` is an article's metadata sidecar: ``NAME.meta.yaml`` (or ``.yml``) with ``NAME.html``,
    ``NAME.md`` or another article beside it, or ``NAME.html.meta.yaml`` with ``NAME.html`` (``names``: those in
    its folder, in lower case)."""
    name = path.name.lower()
    if not name.endswith((".meta.yaml", ".meta.yml")):
        return False
    from ..readers import SUFFIX_FORMATS

    base = name[: name.rindex(".meta.")]
    if os.path.splitext(base)[1] in SUFFIX_FORMATS and base in names:
        return True
    return any(base + suffix in names for suffix in SUFFIX_FORMATS)


def policy_source(item: str | Path) -> list[Path]:
    """The policy files that a ``--rules-dir`` or an entry of the config's ``policies`` names: the file, or
    the folder's policy files. A folder with none (fixtures only, or a misspelt folder's twin) is an error,
    as it is to ``validate``: else every reprint would pass, checked against no policy of one's own."""
    path = Path(item)
    if not os.path.exists(path):  # os.path, not Path: a name too long is "no such file", not an OSError
        raise PolicyError("no such policy file or folder", path=str(item)[:200])
    if not path.is_dir():
        return [path]
    files = policy_files(path)
    if not files:
        raise PolicyError(f"no policy files ({', '.join(POLICY_SUFFIXES)}) in this folder", path=str(item)[:200])
    return files


#: Reentrant: describing a broken user policy asks for the bundled set (:func:`_inherits`) while loading. Taken
#: before a fork (a web worker's) and let go after it: copied held into the child, it would be held there for good.
_lock = fork_safe(threading.RLock())


def bundled_raws() -> list[RawPolicy]:
    """The bundled policy files as read (not validated: the test suite schema-checks them)."""
    return [read_policy_file(p, validate=False) for p in policy_files(bundled_rules_dir())]


@lru_cache(maxsize=256)  # one per set of policy folders: a CMS may hold one per tenant
def _cached_set(extra: tuple[str, ...]) -> PolicySet:
    from .compiled import load_compiled

    folder = bundled_rules_dir()
    files = policy_files(folder)
    user_raws = _user_raws(extra)
    compiled = load_compiled(folder, files)
    if compiled is not None and any(str(raw.data.get("id")) in compiled for raw in user_raws):
        compiled = None  # a user policy replaces a bundled one, which other bundled ones may extend
    raws = ([] if compiled is not None else bundled_raws()) + user_raws
    policies = PolicySet(raws, eager=[str(raw.data.get("id")) for raw in user_raws], compiled=compiled)
    for raw in user_raws:
        policies.doubts += refuse_unusable(raw, policies.get(str(raw.data.get("id"))))
    return policies


#: What a warning of a likely slip in a policy adds: the run goes on with it.
USED_AS_IT_STANDS = "the policy is used as it stands"


def refuse_unusable(raw: RawPolicy, policy: Policy) -> list[PolicyError]:
    """Raise the first problem that surely makes one of the user's policies check nothing or check wrongly
    (no rule left, a condition that never holds, ...: :func:`.validate.unusable`), as ``validate`` tells it;
    return its likely slips (a misspelt placeholder or field), which a run warns of."""
    from .validate import unusable

    refused, doubts = unusable(raw, policy)
    if refused:
        raise refused[0]
    return doubts


def doubts_of_file(spec: str, extra: Iterable[str | Path] = ()) -> list[PolicyError]:
    """The likely slips of a policy named by file (``--policy FILE``, a library caller's ``policy=``), read
    with ``extra`` as :func:`load_policy` reads it; none for a policy id, or a file that does not load (its
    error is told where it is loaded)."""
    if not looks_like_path(spec):
        return []
    try:
        return list(policy_set((*extra, spec)).doubts)
    except ReprintGuardError:
        return []


def _user_raws(extra: tuple[str, ...]) -> list[RawPolicy]:
    """The user's policy files (``--policy FILE``, ``--rules-dir``, the config's ``policies``), validated."""
    raws: list[RawPolicy] = []
    seen: dict[str, Path] = {}  # each file once, though named twice (--policy FILE inside a --rules-dir)
    files: set[Path] = set()
    for item in extra:
        for file in policy_source(item):
            resolved = file.resolve()
            if resolved not in files:
                files.add(resolved)
                raw = read_policy_once(file)
                _unique_id(raw, seen, resolved)
                raws.append(raw)
    return raws


def _unique_id(raw: RawPolicy, seen: dict[str, Path], path: Path) -> None:
    """Two of the user's files with one id: the later would replace the earlier without a word (a stray
    backup copy in the policies folder). A user policy replaces a bundled one of its id, never its own."""
    policy_id = str(raw.data.get("id"))
    other = seen.setdefault(policy_id, path)
    if other != path:
        raise raw.error(f"policy id {policy_id!r} is also the id of {other}; give each policy its own id", ["id"])


def policy_set(extra: Iterable[str | Path] = ()) -> PolicySet:
    """Bundled policies plus user files or folders, parsed once per process and reused."""
    key = tuple(str(Path(p).resolve()) for p in extra)
    with _lock:
        return _cached_set(key)


def reload_policies() -> None:
    """Forget the policies read so far: the next call reads the user's files again (an edited policy)."""
    with _lock:
        _cached_set.cache_clear()
        _BYTES.clear()
        _READS.clear()
        validating = sys.modules.get(f"{__package__}.validate")  # validate's reading, if it was imported
        if validating is not None:
            validating._READ.clear()


def looks_like_path(spec: str) -> bool:
    return spec.endswith(POLICY_SUFFIXES) or "/" in spec or "\\" in spec


def policy_from_text(text: str, name: str, *, extra: Iterable[str | Path] = ()) -> Policy:
    """A policy written as YAML text (a CMS keeps it in its database), read and validated as a policy file
    is, errors placed at ``name``:line:column; its ``extends`` found among the bundled policies and
    ``extra``'s. Not cached: the caller keeps the policy it gets."""
    if len(text) > MAX_POLICY_BYTES // 4 and len(text.encode("utf-8", "surrogatepass")) > MAX_POLICY_BYTES:
        raise PolicyError(f"policy larger than {MAX_POLICY_BYTES // 1024} KiB", path=name)
    raw = raw_policy(text.removeprefix("\ufeff"), name)
    own = str(raw.data.get("id"))
    base = policy_set(extra)
    compiled: Mapping[str, Policy] | None = base.policies
    others = [other for policy_id, other in base.raw.items() if policy_id != own]
    if own in compiled:  # it replaces a bundled policy, which other bundled ones may extend: read them anew
        compiled = None
        others = [other for other in bundled_raws() if str(other.data.get("id")) not in base.raw] + others
    policy = PolicySet([*others, raw], eager=[own], compiled=compiled).get(own)
    for doubt in refuse_unusable(raw, policy):  # a CMS's policy form shows these beside the text
        import warnings

        from ..errors import PolicyWarning

        warnings.warn(f"{doubt} ({USED_AS_IT_STANDS})", PolicyWarning, stacklevel=3)
    return policy


def load_policy(spec: str | Path, *, extra: Iterable[str | Path] = ()) -> Policy:
    """A policy by id (bundled or from ``extra``) or from a YAML file path."""
    if not isinstance(spec, str | Path):  # a caller's None or number: its mistake, not an unknown policy
        from ..errors import UsageError

        raise UsageError(f"load_policy() needs a policy id or a file path, not {type(spec).__name__}")
    text = str(spec)
    if isinstance(spec, Path) or looks_like_path(text):
        path = Path(text)
        try:
            found = path.is_file()
        except (OSError, ValueError) as exc:  # a name too long for the file system, or with a NUL byte
            reason = getattr(exc, "strerror", None) or exc
            raise PolicyError(f"policy file cannot be looked up: {reason}", path=text[:200]) from None
        if not found:
            if path.is_dir():
                raise PolicyError(
                    "a folder, not a policy file: name a file, or give the folder with --rules-dir", path=text[:200]
                )
            if path.exists():  # a device, a pipe, a socket: nothing to read a policy from
                raise PolicyError("not a regular file, so not read as a policy", path=text[:200])
            raise PolicyError("policy file not found", path=text[:200])
        try:
            policy = policy_set((*extra, path)).from_file(path)
        except PolicyError as exc:
            if exc.message.startswith("extends unknown policy") and exc.path == str(path):
                raise PolicyError(  # the file alone is read: its parent of one's own is not looked for beside it
                    exc.message + "; a policy of your own that it extends is read with --rules-dir DIR (its "
                    "folder) or the config's policies",
                    path=exc.path,
                    line=exc.line,
                    column=exc.column,
                ) from None
            raise
        if policy is None:  # pragma: no cover - the set was made with this file among its own
            raise PolicyError("policy file not among the policies read", path=text[:200])
        return policy
    return policy_set(extra).get(text)
