"""The project config as plain data, built without jsonschema or pydantic when it can be.

Validating a config with the JSON Schema and the pydantic model costs their
imports (about 0.15-0.25 s here), more than the rest of a run's start-up, and
a content repository's pre-commit hook starts the command line many times a
day. A config whose keys and values already have exactly the declared shape
(the usual hand-written file) is turned into a :class:`ConfigView` here;
anything else, including every invalid config, goes through the schema and the
model, which report the problem with its position. A test holds both routes to
the same settings.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

#: One rule id in a suppression, or ``<policy>/*`` (the model's pattern is made of it too).
ONE_RULE = r"[a-z0-9][a-z0-9._-]*/(?:[a-z0-9][a-z0-9._-]*|\*)"
#: A suppression's rules: one rule id, "<policy>/*", or several comma-separated (fullmatch: no "\n" before the end).
_RULES = re.compile(rf"{ONE_RULE}(?: *, *{ONE_RULE})*")
_SEVERITIES = frozenset({"error", "warning", "info", "off"})
#: A host name (no scheme, path, port or dots at the ends; an international one as written or in punycode).
HOST = re.compile(r"[^\s/:?#@\[\].\\]+(?:\.[^\s/:?#@\[\].\\]+)*")
_FAIL_ON = frozenset({"error", "warning", "info", "never"})
#: YAML key -> attribute, for every key the config may have.
_KEYS = {
    "include": "include",
    "exclude": "exclude",
    "gitignore": "gitignore",
    "policies": "policies",
    "policy": "policy",
    "front-matter": "front_matter",
    "defaults": "defaults",
    "overrides": "overrides",
    "severity": "severity",
    "fail-on": "fail_on",
    "bare-urls": "bare_urls",
    "skip-elements": "skip_elements",
    "suppressions": "suppressions",
    "own-hosts": "own_hosts",
    "raw-html": "raw_html",
    "markdown-in-html": "markdown_in_html",
    "site-timezone": "site_timezone",
    "inline-suppressions": "inline_suppressions",
}


class OverrideView:
    __slots__ = ("metadata", "paths", "policy")

    def __init__(self, paths: list[str], policy: str | None, metadata: dict[str, Any]) -> None:
        self.paths = paths
        self.policy = policy
        self.metadata = metadata


class SuppressionView:
    __slots__ = ("path", "reason", "rule", "until")

    def __init__(self, path: str, rule: str, reason: str, until: dt.date | None) -> None:
        self.path = path
        self.rule = rule
        self.reason = reason
        self.until = until


class ConfigView:
    """The attributes of :class:`~reprint_guard.config.model.Config`, read by the same code."""

    __slots__ = tuple(_KEYS.values())

    def __init__(self) -> None:
        self.include: list[str] = []
        self.exclude: list[str] = []
        self.gitignore = True
        self.policies: list[str] = []
        self.policy: str | None = None
        self.front_matter: dict[str, str] = {}
        self.defaults: dict[str, Any] = {}
        self.overrides: list[OverrideView] = []
        self.severity: dict[str, str] = {}
        self.fail_on = "error"
        self.bare_urls = True
        self.skip_elements: list[str] = []
        self.suppressions: list[SuppressionView] = []
        self.own_hosts: list[str] = []
        self.raw_html = True
        self.markdown_in_html = False
        self.site_timezone: str | None = None
        self.inline_suppressions = True


class _Declined(Exception):
    """Not exactly the declared shape: let the schema and the model decide."""


def exact_config(data: dict[str, Any]) -> ConfigView | None:
    """The config, when every key is known and every value has exactly its declared type; else None."""
    view = ConfigView()
    try:
        for key, value in data.items():
            attribute = _KEYS.get(key) if type(key) is str else None
            if attribute is None:
                return None
            setattr(view, attribute, _READERS[attribute](value))
    except _Declined:
        return None
    return view


def _texts(value: Any) -> list[str]:
    if type(value) is not list or any(type(v) is not str for v in value):
        raise _Declined
    return list(value)


def _selectors(value: Any) -> list[str]:
    """CSS selectors, each one Lexbor can use (any other: the model reports it, at its place)."""
    from ..visible import selector_problem

    selectors = _texts(value)
    if any(selector_problem(selector) is not None for selector in selectors):
        raise _Declined
    return selectors


def _hosts(value: Any) -> list[str]:
    hosts = _texts(value)
    if any(not HOST.fullmatch(host) for host in hosts):
        raise _Declined  # the model says which, and how to write it
    return hosts


def known_zone(name: str) -> bool:
    """Whether the time zone database has ``name`` (an IANA name such as ``America/Denver``)."""
    from ..checks.params import known_zone as known

    return known(name)


def _zone(value: Any) -> str:
    if type(value) is not str or not known_zone(value):
        raise _Declined  # the model says why
    return value


def _flag(value: Any) -> bool:
    if type(value) is not bool:
        raise _Declined
    return value


def _optional_text(value: Any) -> str | None:
    if value is not None and type(value) is not str:
        raise _Declined
    return value


def _file_names(value: Any) -> list[str]:
    """Files or folders: no NUL byte in one (no file system takes it; the model says so, at its place)."""
    names = _texts(value)
    if any("\0" in name for name in names):
        raise _Declined
    return names


def _optional_file_name(value: Any) -> str | None:
    name = _optional_text(value)
    if name is not None and "\0" in name:
        raise _Declined
    return name


def _mapping(value: Any) -> dict[str, Any]:
    if type(value) is not dict or any(type(k) is not str for k in value):
        raise _Declined
    return dict(value)


def _text_mapping(value: Any) -> dict[str, str]:
    mapping = _mapping(value)
    if any(type(v) is not str for v in mapping.values()):
        raise _Declined
    return mapping


def _choice(allowed: frozenset[str]) -> Any:
    def read(value: Any) -> str:
        if type(value) is not str or value not in allowed:
            raise _Declined
        return value

    return read


def _severity(value: Any) -> dict[str, str]:
    mapping = _mapping(value)
    if any(type(v) is not str or v not in _SEVERITIES for v in mapping.values()):
        raise _Declined
    return mapping


def _overrides(value: Any) -> list[OverrideView]:
    if type(value) is not list:
        raise _Declined
    out = []
    for item in value:
        record = _mapping(item)
        if not set(record) <= {"paths", "policy", "metadata"} or "paths" not in record:
            raise _Declined
        paths = _texts(record["paths"])
        if not paths:
            raise _Declined
        policy = _optional_file_name(record.get("policy"))
        out.append(OverrideView(paths, policy, _mapping(record.get("metadata", {}))))
    return out


def _suppressions(value: Any) -> list[SuppressionView]:
    if type(value) is not list:
        raise _Declined
    out = []
    for item in value:
        record = _mapping(item)
        if not set(record) <= {"path", "rule", "reason", "until"} or not {"path", "rule", "reason"} <= set(record):
            raise _Declined
        path, rule, reason, until = record["path"], record["rule"], record["reason"], record.get("until")
        if type(path) is not str or type(rule) is not str or not _RULES.fullmatch(rule):
            raise _Declined
        if type(reason) is not str or not reason or (until is not None and type(until) is not dt.date):
            raise _Declined
        out.append(SuppressionView(path, rule, reason, until))
    return out


_READERS: dict[str, Any] = {
    "include": _texts,
    "exclude": _texts,
    "gitignore": _flag,
    "policies": _file_names,
    "policy": _optional_file_name,
    "front_matter": _text_mapping,
    "defaults": _mapping,
    "overrides": _overrides,
    "severity": _severity,
    "fail_on": _choice(_FAIL_ON),
    "bare_urls": _flag,
    "skip_elements": _selectors,
    "suppressions": _suppressions,
    "own_hosts": _hosts,
    "raw_html": _flag,
    "markdown_in_html": _flag,
    "site_timezone": _zone,
    "inline_suppressions": _flag,
}
