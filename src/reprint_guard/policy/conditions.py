"""``when`` conditions over metadata, with three-valued logic.

A test on a field that the reprint does not declare is *unknown*, not false:
the engine then warns that the rule could not be checked instead of guessing
(``commercial`` missing is the usual case).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..metaview import MetadataView
from ..record import FrozenRecord

OPERATORS = ("is", "is_not", "in", "not_in", "present")
#: Fields that hold a licence, however written: compared as licence ids (``CC BY 4.0`` is ``CC-BY-4.0``).
LICENCE_FIELDS = frozenset({"license", "reprint_license"})


def same(field: str, a: Any, b: Any) -> bool:
    """Whether a condition on ``field`` takes ``a`` and ``b`` for one value: text case aside, and a licence
    by its id (an SPDX id, a deed URL, a short name and a title of one licence are the same licence).
    ``validate`` compares with it too, so that it calls impossible only what the run never finds."""
    if a == b:
        return True
    if type(a) is bool or type(b) is bool:  # the usual test (modified: true): no text to compare
        return False
    if isinstance(a, str) and isinstance(b, str):
        if field in LICENCE_FIELDS:
            from ..licenses import licence_id

            a, b = licence_id(a), licence_id(b)
        return a.casefold() == b.casefold()
    return False


class FieldTest(FrozenRecord):
    __slots__ = ("field", "op", "value")
    field: str
    op: str
    value: Any

    def __init__(self, field: str, op: str, value: Any) -> None:
        self._set(field=field, op=op, value=value)

    def evaluate(self, meta: MetadataView) -> bool | None:
        actual = meta.value(self.field)
        if self.op == "present":
            return (actual not in (None, "", [])) == bool(self.value)
        if actual is None:
            return None
        if self.op == "is":
            return same(self.field, actual, self.value)
        if self.op == "is_not":
            return not same(self.field, actual, self.value)
        members = self.value if isinstance(self.value, list) else [self.value]
        inside = any(same(self.field, actual, m) for m in members)
        return inside if self.op == "in" else not inside

    def fields(self) -> list[str]:
        return [self.field]

    def describe(self) -> str:
        """As a policy reads in YAML (``excerpt is not set``, ``modified is true``), not as Python writes it."""
        if self.op == "present":
            return f"{self.field} is {'set' if self.value else 'not set'}"
        return f"{self.field} {self.op.replace('_', ' ')} {_as_yaml(self.value)}"


def _as_yaml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_as_yaml(item) for item in value) + "]"
    return repr(value)


def _settled_by(parts: tuple[Condition, ...], meta: MetadataView, settling: bool) -> bool | None:
    """Three-valued "all" (``settling`` False) or "any" (True): the first part that is ``settling`` settles
    it, and the rest are not asked; else an unknown part leaves it unknown."""
    unknown = False
    for part in parts:
        value = part.evaluate(meta)
        if value is settling:
            return settling
        unknown = unknown or value is None
    return None if unknown else not settling


class AllOf(FrozenRecord):
    __slots__ = ("parts",)
    parts: tuple[Condition, ...]

    def __init__(self, parts: tuple[Condition, ...]) -> None:
        self._set(parts=parts)

    def evaluate(self, meta: MetadataView) -> bool | None:
        return _settled_by(self.parts, meta, False)

    def fields(self) -> list[str]:
        return [f for p in self.parts for f in p.fields()]

    def describe(self) -> str:
        return " and ".join(f"({p.describe()})" for p in self.parts)


class AnyOf(FrozenRecord):
    __slots__ = ("parts",)
    parts: tuple[Condition, ...]

    def __init__(self, parts: tuple[Condition, ...]) -> None:
        self._set(parts=parts)

    def evaluate(self, meta: MetadataView) -> bool | None:
        return _settled_by(self.parts, meta, True)

    def fields(self) -> list[str]:
        return [f for p in self.parts for f in p.fields()]

    def describe(self) -> str:
        return " or ".join(f"({p.describe()})" for p in self.parts)


class Not(FrozenRecord):
    __slots__ = ("part",)
    part: Condition

    def __init__(self, part: Condition) -> None:
        self._set(part=part)

    def evaluate(self, meta: MetadataView) -> bool | None:
        value = self.part.evaluate(meta)
        return None if value is None else not value

    def fields(self) -> list[str]:
        return self.part.fields()

    def describe(self) -> str:
        return f"not ({self.part.describe()})"


Condition = FieldTest | AllOf | AnyOf | Not


def parse(data: Mapping[str, Any]) -> Condition:
    """Build a condition from its (schema-valid) policy form."""
    if "all" in data:
        return AllOf(tuple(parse(part) for part in data["all"]))
    if "any" in data:
        return AnyOf(tuple(parse(part) for part in data["any"]))
    if "not" in data:
        return Not(parse(data["not"]))
    ops = [op for op in OPERATORS if op in data]
    if "field" not in data or len(ops) != 1:
        raise ValueError(
            "a condition is {all: [...]}, {any: [...]}, {not: ...} or {field: NAME, <op>: VALUE} "
            f"with exactly one op of {', '.join(OPERATORS)}"
        )
    return FieldTest(str(data["field"]), ops[0], data[ops[0]])


def dump(condition: Condition) -> dict[str, Any]:
    """The policy form of a condition: ``parse(dump(c)) == c``."""
    if isinstance(condition, AllOf):
        return {"all": [dump(part) for part in condition.parts]}
    if isinstance(condition, AnyOf):
        return {"any": [dump(part) for part in condition.parts]}
    if isinstance(condition, Not):
        return {"not": dump(condition.part)}
    return {"field": condition.field, condition.op: condition.value}
