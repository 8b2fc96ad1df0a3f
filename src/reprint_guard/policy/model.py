"""Policies and rules: one publisher's (or licence's) reprint terms as data.

Plain frozen dataclasses, so that checking a reprint never needs pydantic;
policy files are validated before these are built (JSON Schema for the file,
:mod:`reprint_guard.checks.params` for each rule's parameters).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from ..report import Severity
from .conditions import Condition


@dataclass(frozen=True, slots=True)
class Rule:
    """One requirement of the terms, checked by one check type."""

    id: str
    check: str
    message: str
    severity: Severity = Severity.error
    description: str | None = None
    when: Condition | None = None
    #: Template for the fix, with {metadata} placeholders.
    fix: str | None = None
    #: The term this rule encodes, in our words.
    terms: str | None = None
    #: second-hand: read in a third party's summary; re-check at the source.
    confidence: Literal["primary", "second-hand"] = "primary"
    #: The check's parameters (a :class:`~reprint_guard.checks.base.ParamsView`).
    params: Any = None
    #: Id of the policy that defined this rule (differs with extends).
    origin: str = ""


@dataclass(frozen=True, slots=True)
class Credit:
    """The attribution block a policy wants, as templates with {metadata} placeholders."""

    markdown: str
    html: str | None = None
    position: Literal["top", "bottom"] = "bottom"


@dataclass(frozen=True, slots=True)
class Policy:
    """A publisher's or licence's terms, resolved (``extends`` already applied)."""

    id: str
    name: str
    publisher: str
    source_url: str
    terms_read: dt.date | None = None
    description: str | None = None
    confidence: Literal["primary", "second-hand", "mixed"] = "primary"
    notes: str | None = None
    applies_to: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()
    extends: str | None = None
    credit: Credit | None = None
    rules: tuple[Rule, ...] = ()
    path: str | None = None

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)
