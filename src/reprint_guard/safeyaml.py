"""YAML loading for untrusted text: no aliases, bounded depth, positions kept.

Aliases are rejected outright (they are how "billion laughs" documents blow up
memory once something walks the result), and nesting is bounded before the
recursive composer runs. The C loader is used when PyYAML has it.
"""

from __future__ import annotations

from typing import Any

import yaml

from .errors import InputError, ReprintGuardError
from .limits import MAX_YAML_DEPTH

try:
    Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    Loader = yaml.SafeLoader

_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


class LoadedYaml:
    """A loaded YAML document with the 1-based line of each top-level key."""

    __slots__ = ("data", "key_lines", "node")

    def __init__(self, data: Any, key_lines: dict[str, int], node: yaml.Node | None) -> None:
        self.data = data
        self.key_lines = key_lines
        self.node = node


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


def _needs_screening(text: str) -> bool:
    # Aliases need '*'; deep nesting in a small document needs flow brackets.
    return "*" in text or len(text) > 65536 or (text.count("[") + text.count("{")) > MAX_YAML_DEPTH


def load(text: str, *, error: type[ReprintGuardError] = InputError) -> LoadedYaml:
    """Load one YAML document safely; errors carry 1-based line and column."""
    try:
        if _needs_screening(text):
            _screen_events(text, error)
        loader = Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if "nesting depth" in problem:
            problem = f"nested deeper than {MAX_YAML_DEPTH} levels"
        raise error(
            f"invalid YAML: {problem}",
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from None
    except yaml.YAMLError as exc:
        raise error(f"invalid YAML: {exc}") from None
    except RecursionError:
        raise error(f"YAML nested deeper than {MAX_YAML_DEPTH} levels") from None
    except (ValueError, TypeError, OverflowError) as exc:  # e.g. a date like 2025-13-45
        raise error(f"invalid YAML value: {exc}") from None
    key_lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key_lines.setdefault(str(key_node.value), key_node.start_mark.line + 1)
    return LoadedYaml(data, key_lines, node)


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
