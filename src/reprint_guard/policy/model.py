"""Policies and rules: one publisher's (or licence's) reprint terms as data."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..report import Severity
from .conditions import Condition


class Rule(BaseModel):
    """One requirement of the terms, checked by one check type."""

    model_config = ConfigDict(arbitrary_types_allowed=True, frozen=True)

    id: str
    check: str
    severity: Severity = Severity.error
    message: str
    description: str | None = None
    when: Condition | None = None
    fix: str | None = Field(default=None, description="Template for the fix, with {metadata} placeholders.")
    terms: str | None = Field(default=None, description="The term this rule encodes, in our words.")
    confidence: Literal["primary", "second-hand"] = Field(
        default="primary", description="second-hand: read in a third party's summary; re-check at the source."
    )
    params: Any = None
    origin: str = Field(default="", description="Id of the policy that defined this rule (differs with extends).")


class Credit(BaseModel):
    """The attribution block a policy wants, as templates with {metadata} placeholders."""

    model_config = ConfigDict(frozen=True)

    markdown: str
    html: str | None = None
    position: Literal["top", "bottom"] = "bottom"


class Policy(BaseModel):
    """A publisher's or licence's terms, resolved (``extends`` already applied)."""

    model_config = ConfigDict(frozen=True)

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
