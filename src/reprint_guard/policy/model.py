"""Policies and rules: one publisher's (or licence's) reprint terms as data.

Plain immutable records, so that checking a reprint never needs pydantic;
policy files are validated before these are built (JSON Schema for the file,
:mod:`reprint_guard.checks.params` for each rule's parameters).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from contextlib import suppress
from typing import Any, Literal, TypeVar

from ..record import FrozenRecord
from ..report import Severity
from ..urls import domain_key, host_text
from .conditions import Condition


class Rule(FrozenRecord):
    """One requirement of the terms, checked by one check type.

    ``fix`` is a template with {metadata} placeholders; ``terms`` the term the
    rule encodes, in our words; ``confidence`` "second-hand" when it was read
    in a third party's summary (re-check at the source); ``params`` the check's
    parameters (a :class:`~reprint_guard.checks.base.ParamsView`); ``origin``
    the policy that defined the rule (it differs with ``extends``); ``amends``
    the fields a policy changed of a rule it inherited and kept otherwise (an
    extended field as ``unless+``, one written null, so dropped, as ``when-``), empty for a rule written whole;
    ``position_after_fix`` true when an amendment, this policy's or one further up the ``extends`` chain, gave
    ``position`` after the rule's ``fix`` was last written (the fix was written for another placement).
    """

    __slots__ = (
        "id",
        "check",
        "message",
        "severity",
        "description",
        "when",
        "fix",
        "terms",
        "confidence",
        "params",
        "origin",
        "amends",
        "position_after_fix",
    )
    id: str
    check: str
    message: str
    severity: Severity
    description: str | None
    when: Condition | None
    fix: str | None
    terms: str | None
    confidence: Literal["primary", "second-hand"]
    params: Any
    origin: str
    amends: tuple[str, ...]
    position_after_fix: bool

    def __init__(
        self,
        id: str,
        check: str,
        message: str,
        severity: Severity = Severity.error,
        description: str | None = None,
        when: Condition | None = None,
        fix: str | None = None,
        terms: str | None = None,
        confidence: Literal["primary", "second-hand"] = "primary",
        params: Any = None,
        origin: str = "",
        amends: tuple[str, ...] = (),
        position_after_fix: bool = False,
    ) -> None:
        self._set(
            id=id,
            check=check,
            message=message,
            severity=severity,
            description=description,
            when=when,
            fix=fix,
            terms=terms,
            confidence=confidence,
            params=params,
            origin=origin,
            amends=amends,
            position_after_fix=position_after_fix,
        )


class Credit(FrozenRecord):
    """The attribution block a policy wants, as templates with {metadata} placeholders."""

    __slots__ = ("markdown", "html", "position")
    markdown: str
    html: str | None
    position: Literal["top", "bottom"]

    def __init__(self, markdown: str, html: str | None = None, position: Literal["top", "bottom"] = "bottom") -> None:
        self._set(markdown=markdown, html=html, position=position)


class Policy(FrozenRecord):
    """A publisher's or licence's terms, resolved (``extends`` already applied).

    ``host_aliases``: hosts of ``applies_to`` that serve the same articles at the same paths (a renamed
    site's old domain, redirecting to the new one): a link to the original's path on any of them is a link
    to the original. Empty for most policies."""

    __slots__ = (
        "id",
        "name",
        "publisher",
        "source_url",
        "terms_read",
        "description",
        "confidence",
        "notes",
        "applies_to",
        "host_aliases",
        "contacts",
        "extends",
        "credit",
        "rules",
        "path",
    )
    id: str
    name: str
    publisher: str
    source_url: str
    terms_read: dt.date | None
    description: str | None
    confidence: Literal["primary", "second-hand", "mixed"]
    notes: str | None
    applies_to: tuple[str, ...]
    host_aliases: tuple[str, ...]
    contacts: tuple[str, ...]
    extends: str | None
    credit: Credit | None
    rules: tuple[Rule, ...]
    path: str | None

    def __init__(
        self,
        id: str,
        name: str,
        publisher: str,
        source_url: str,
        terms_read: dt.date | None = None,
        description: str | None = None,
        confidence: Literal["primary", "second-hand", "mixed"] = "primary",
        notes: str | None = None,
        applies_to: tuple[str, ...] = (),
        contacts: tuple[str, ...] = (),
        host_aliases: tuple[str, ...] = (),
        extends: str | None = None,
        credit: Credit | None = None,
        rules: tuple[Rule, ...] = (),
        path: str | None = None,
    ) -> None:
        self._set(
            id=id,
            name=name,
            publisher=publisher,
            source_url=source_url,
            terms_read=terms_read,
            description=description,
            confidence=confidence,
            notes=notes,
            applies_to=applies_to,
            host_aliases=host_aliases,
            contacts=contacts,
            extends=extends,
            credit=credit,
            rules=rules,
            path=path,
        )

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


_T = TypeVar("_T")


def derived(cache: dict[str, tuple[Policy, _T]], policy: Policy, make: Callable[[Policy], _T]) -> _T:
    """What ``make`` derives from ``policy``, made once per policy object and kept in ``cache`` by its id.

    A different policy object with the same id (a user's policy replacing a
    bundled one) gets its own; assigning one dict entry is atomic, so threads
    at worst both make it.
    """
    entry = cache.get(policy.id)
    if entry is None or entry[0] is not policy:
        # A CMS's many policies of its own, parsed one by one: the oldest go (made again if asked for again);
        # another thread changing the cache meanwhile leaves it to that thread.
        with suppress(RuntimeError, StopIteration):
            while entry is None and len(cache) >= MAX_DERIVED:
                cache.pop(next(iter(cache)), None)
        entry = cache[policy.id] = (policy, make(policy))
    return entry[1]


_PUBLISHER_HOSTS: dict[str, tuple[Policy, tuple[tuple[str, str], ...]]] = {}


def _publisher_hosts(policy: Policy) -> tuple[tuple[str, str], ...]:
    hosts: dict[str, str] = {}
    for domain in policy.applies_to or ():
        key = domain_key(domain)
        if key:
            hosts.setdefault(key, host_text(str(domain)).removeprefix("www."))
    return tuple(hosts.items())


def publisher_hosts(policy: Policy) -> tuple[str, ...]:
    """The hosts ``policy``'s ``applies_to`` covers, each once, as a finding names them: as written (no punycode
    for an international name), lower case as UTS 46 lowers a host, ASCII dots, ``www.`` and a trailing dot
    aside. Two spellings of one host (``bücher.example``, ``xn--bcher-kva.example``) are one, the first."""
    return tuple(written for _, written in derived(_PUBLISHER_HOSTS, policy, _publisher_hosts))


def publisher_host_of(host: str, policy: Policy) -> str | None:
    """The host of ``policy``'s ``applies_to`` (as :func:`publisher_hosts` names it) that ``host`` is, or is a
    subdomain of; None when it is on none. Both are read as policy selection
    (:meth:`~reprint_guard.policy.loader.PolicySet.for_host`) reads them, by
    :func:`~reprint_guard.urls.domain_key`: punycode or Unicode, either case, a trailing dot, one ``www.``
    aside (on both sides: an original at ``www.example.org`` is ``example.org``'s, never the policy's of
    ``www.www.example.org``). The one reading of a publisher's own host, for a sender's address as for an
    original's, made once per policy."""
    host = domain_key(host)
    if not host:
        return None
    for key, written in derived(_PUBLISHER_HOSTS, policy, _publisher_hosts):
        if host == key or host.endswith("." + key):
            return written
    return None


#: How many policies' derived values each cache keeps: past it, the oldest goes (memory stays bounded however
#: many distinct policies a long-running process checks against).
MAX_DERIVED = 1024


def credits_another(text: str, policy: Policy, others: Iterable[str], rules: Iterable[Rule]) -> tuple[str, Rule] | None:
    """(the other publisher ``text`` names, the rule it fails) when a credit's ``text`` names another publisher
    (one of ``others``: those of the policies ``policy`` extends) and not the policy's own, and one of ``rules``
    is an attribution rule asking for a credit naming the policy's publisher: a sister site's policy that
    inherits its parent's credit block, which would credit the wrong outlet. None otherwise."""
    folded, own = text.casefold(), policy.publisher.casefold()
    named = next((name for name in others if name.casefold() in folded), None)
    if named is None or own in folded:
        return None
    for rule in rules:
        if rule.check != "attribution" or not any(own in name.casefold() for name in rule.params.names):
            continue
        if not any(name.casefold() in folded for name in rule.params.names):  # one it accepts: satisfied
            return named, rule
    return None


def with_article(word: str) -> str:
    """``word`` after its article, as a sentence names a check type: "an attribution", "a link"."""
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"
