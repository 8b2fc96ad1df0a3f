"""``permission``: when the rule's condition holds, a permission record must cover the use.

The record must come from one of the policy's contacts (or the rule's ``from``),
name the scope (``commercial``, ``print``, ...) and not have expired::

    permissions:
      - from: publications@example.org
        date: 2024-05-02
        scope: [commercial]
        reference: "email of 2 May 2024"

PASS (scope: commercial, when commercial is true)::

    commercial: true
    permissions: [{from: publications@example.org, scope: [commercial]}]

FAIL: ``commercial: true`` with no permissions, a permission from someone else, for another scope
(``[print]``), or one whose ``expires`` date has passed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from ..metaview import MetadataView, PermissionView, address_of
from ..reprint import Reprint
from .base import Context, Problem, unknown_scopes

if TYPE_CHECKING:
    from .params import PermissionParams as Params

NAME = "permission"
SUMMARY = "When the condition holds, a permission record from the publisher's contacts covers the use."


class Standing(NamedTuple):
    """What the permission records say of one use: whether one grants it, and else why not."""

    #: A record from a grantor covers the use, has not expired, and was given by the reprint's date.
    granted: bool
    #: The records from a grantor that name the use (expired ones too).
    matching: list[PermissionView]
    #: Of those, the ones not expired (given too late, when ``granted`` is False).
    current: list[PermissionView]
    #: Whether anyone may grant it (``from: ['*']``: a licence's rights holder, whoever that is).
    anyone: bool
    #: The grantors' addresses, as records are compared with them.
    emails: frozenset[str]
    #: The reprint's publication day (None: not said), by which a record must have been given.
    published: dt.date | None


def standing(meta: MetadataView, scope: str, grantors: tuple[str, ...], today: dt.date) -> Standing:
    """Whether a permission record from one of ``grantors`` (``*``: anyone) covers ``scope``: not expired,
    and given by the reprint's publication (a record dated after it, or in the future, does not count)."""
    emails = frozenset(address_of(g) for g in grantors)  # a contact may be written "Name <a@b>", as a record may
    anyone = "*" in emails  # e.g. a CC licence: permission from whoever holds the rights
    matching = [p for p in meta.permissions if (anyone or p.email in emails) and p.covers(scope)]
    current = [p for p in matching if not p.expired(today)]
    published = meta.published.date() if isinstance(meta.published, dt.datetime) else meta.published
    latest = min(today, published) if published else today  # given by then, not after
    granted = any(p.date is None or p.date <= latest for p in current)
    return Standing(granted, matching, current, anyone, emails, published)


def late_date(found: Standing, today: dt.date) -> tuple[dt.date, str]:
    """The date of the earliest of ``found.current`` (records given too late) and what is wrong with it."""
    published = found.published
    given = min(p.date for p in found.current if p.date is not None)
    when = (
        f"after the reprint was published on {published.isoformat()}"
        if published and given > published and given <= today
        else "in the future"
    )
    return given, when


#: The fix for a record given too late.
LATE_FIX = "Check the permission's date (YYYY-MM-DD), and the reprint's 'published' date."


def check(params: Params, reprint: Reprint, context: Context) -> Iterator[Problem]:
    meta = reprint.metadata
    scope = params.scope or str(meta.value(params.scope_from or "") or "")
    grantors = params.from_ or context.policy.contacts
    found = standing(meta, scope, grantors, context.today)
    if found.granted:
        return
    matching, current, anyone = found.matching, found.current, found.anyone
    written = "permissions" in reprint.key_lines or (reprint.sidecar and "permissions" in reprint.sidecar[1])
    anchor = "permissions" if written else _first_field(context)
    line, column, file = reprint.meta_place(anchor)
    field = "permissions"  # what to add or correct, wherever it is told
    if current:  # given after the reprint was published, or dated in the future (a typo?)
        given, when = late_date(found, context.today)
        yield Problem(
            line,
            column,
            file=file,
            field=field,
            detail=f"the {scope} permission on record is dated {given.isoformat()}, {when}: it must come first",
            fix=LATE_FIX,
            specific=True,
        )
        return
    if matching:
        expired = max(p.expires for p in matching if p.expires)
        yield Problem(
            line,
            column,
            file=file,
            field=field,
            detail=f"the {scope} permission on record expired on {expired.isoformat()}",
            fix=f"Ask {matching[0].from_} to renew the {scope} permission, then update the record's 'expires'.",
            specific=True,
        )
        return
    others = [p.from_ for p in meta.permissions if p.covers(scope)]
    if anyone:  # a licence's rights holder, whoever that is: the policy's own contact, when it names one
        who = context.policy.contacts[0] if context.policy.contacts else "the rights holder"
    else:
        who = grantors[0] if grantors else "the publisher"
    fix = (
        f"Ask {who} for {scope} permission, then record it in the metadata: "
        f"permissions: [{{from: {who}, date: YYYY-MM-DD, scope: [{scope}]}}]"
    )
    unnamed = [grantor for grantor in others if "@" not in grantor]
    granted = [p for p in meta.permissions if anyone or p.email in found.emails]  # from a contact, for another use
    if unnamed and not anyone:  # "from: Global Research": the record names no address to tell it by
        detail = (
            f"a {scope} permission is recorded from {unnamed[0]!r}, which is no email address: the record "
            f"must name the address the permission came from"
        )
        fix = f"If it came from {who}, write 'from: {who}' in the permission record; else ask {who} for it."
    elif others:
        detail = f"a {scope} permission is recorded from {', '.join(others)}, who is not a contact of this policy"
    elif granted:
        uses = sorted({use for p in granted for use in p.scope})
        detail = f"a permission from {granted[0].from_} is recorded, but for {', '.join(uses) or 'no use'}, "
        detail += f"not for {scope}" + unknown_scopes(reprint, context.policy)
        fix = f"Ask {granted[0].from_} whether {scope} use is covered too, and add '{scope}' to the record's scope."
    else:
        detail = f"no {scope} permission from {_grantors(anyone, grantors)} is recorded" + unknown_scopes(
            reprint, context.policy
        )
    yield Problem(line, column, detail=detail, fix=fix, file=file, field=field)


def _first_field(context: Context) -> str | None:
    when = context.rule.when
    fields = when.fields() if when is not None else []
    return fields[0] if fields else None


def _grantors(anyone: bool, grantors: tuple[str, ...]) -> str:
    if anyone:
        return "the rights holder"
    return " or ".join(grantors) or "the publisher"
