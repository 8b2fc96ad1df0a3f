"""``metadata``: a metadata field must be present, or match a pattern, a list of values or of licences.

PASS (field: author): ``author: Jane Doe``.
FAIL: no ``author`` key, or an empty one.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..reprint import Reprint
from .base import Context, Problem, compile_pattern, written

if TYPE_CHECKING:
    from .params import MetadataParams as Params

NAME = "metadata"
SUMMARY = "A metadata field is present, and matches a pattern or one of the allowed values."


def check(params: Params, reprint: Reprint, context: Context) -> Iterator[Problem]:
    value = reprint.metadata.value(params.field)
    if value in (None, "", []):
        if params.required:
            yield Problem.about(
                reprint,
                params.field,
                detail=f"'{params.field}' is not set",
                fix=f"Add '{params.field}: {_example(params)}' to the metadata.",  # the rule's own fix wins
            )
        return
    values = value if isinstance(value, list) else [value]
    if params.pattern is not None:
        regex = compile_pattern(params.pattern)
        bad = [v for v in values if not regex.search(written(v))]  # as the YAML writes it: "true", ISO dates
        if bad:
            yield Problem.about(
                reprint,
                params.field,
                detail=f"'{params.field}' is {written(bad[0])!r}, which does not match /{params.pattern}/",
            )
    if params.licenses is not None:
        from ..licenses import licence_id

        wanted = {licence_id(licence).casefold() for licence in params.licenses}  # as the policy names them
        bad = [v for v in values if licence_id(written(v)).casefold() not in wanted]
        if bad:
            yield Problem.about(
                reprint,
                params.field,
                detail=f"'{params.field}' is {written(bad[0])!r}, which names none of: {', '.join(params.licenses)}",
            )
    if params.allowed is not None:
        allowed = _allowed(params.allowed)
        bad = [v for v in values if written(v).casefold() not in allowed]
        if bad:
            shown = ", ".join(written(a) for a in params.allowed)
            only = "only " if len(params.allowed) == 1 else "only these: "
            yield Problem.about(
                reprint, params.field, detail=f"'{params.field}' is {written(bad[0])}; this policy allows {only}{shown}"
            )


def _example(params: Params) -> str:
    """A value to write, for the fix of an unset field: the first the rule accepts, when it lists them."""
    if params.licenses:
        return params.licenses[0]
    if params.allowed:
        return written(params.allowed[0])
    return "..."


def _allowed(values: tuple[Any, ...]) -> frozenset[str]:
    """The allowed values as compared; made once per rule (a list among them cannot be a cache key)."""
    try:
        return _allowed_cached(values)
    except TypeError:
        return frozenset(written(a).casefold() for a in values)


@lru_cache(maxsize=256)
def _allowed_cached(values: tuple[Any, ...]) -> frozenset[str]:
    return frozenset(written(a).casefold() for a in values)
