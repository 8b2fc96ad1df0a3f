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
    permissions: [{from: publications@example.org, date: 2024-05-02, scope: [commercial]}]

FAIL: ``commercial: true`` with no permissions, a permission from someone else, for another scope
(``[print]``), one whose ``expires`` date has passed, or one with no ``date`` (or dated after the reprint
was published): it must have been given by then.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from ..metaview import MetadataView, PermissionView, address_of
from ..policy.model import Policy, publisher_host_of, publisher_hosts
from ..reprint import Reprint
from ..urls import (
    as_address,
    ascii_host,
    hosted_site,
    ip_host,
    normalize_url,
    own_host_of,
    registrable_domain,
    site_host,
    unarchived,
    url_host,
    written_site,
)
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
    #: The key that gives it: ``published``, or the site's own date for the page (Hugo's ``date``).
    published_key: str = "published"
    #: The records that would grant the use but say no date, when no dated one does: given when, no one can
    #: tell (a record must be dated by the reprint's day), so ``granted`` does not count them.
    undated: tuple[PermissionView, ...] = ()


def standing(
    meta: MetadataView,
    scope: str,
    grantors: tuple[str, ...],
    today: dt.date,
    policy: Policy | None = None,
    own_hosts: tuple[str, ...] = (),
    site: tuple[str, dt.date | dt.datetime] | None = None,
    records: list[PermissionView] | None = None,
    holder: RightsHolder | None = None,
) -> Standing:
    """Whether a permission record from one of ``grantors`` (``*``: anyone) covers ``scope``: not expired,
    and given by the reprint's publication (a record dated after it, or in the future, does not count).
    With ``*``, a record from another publisher than ``policy``'s (see :func:`another_publisher`), or from the
    site's own address (``own_hosts``), is no one's. ``records``: those read, when not every one the metadata
    holds (a media rule leaves out those naming the items they are for, :data:`MEDIA_KEY`). ``holder``: with
    ``*``, who holds the story's rights (a permission rule's grant is theirs to give, see :class:`RightsHolder`);
    None: anyone but those (a media rule's, where a photo's rights may be its photographer's)."""
    emails = frozenset(address_of(g) for g in grantors)  # a contact may be written "Name <a@b>", as a record may
    anyone = "*" in emails  # e.g. a CC licence: permission from whoever holds the rights
    matching = [
        p
        for p in (meta.permissions if records is None else records)
        if (
            p.email in emails
            or (anyone and not another_publisher(p, policy, own_hosts) and (holder is None or holder.grants(p)))
        )
        and p.covers(scope)
        and other_article(p, meta) is None
    ]
    published, key = meta.published, "published"
    if published is None and site is not None:  # the page's own date (Hugo's, Jekyll's): it goes out then
        key, published = site
    published = published.date() if isinstance(published, dt.datetime) else published
    # In force while the reprint is out: on the day it goes out (a scheduled issue after the permission ends
    # is not covered), and, online, on every day after, since the page stays up; a print issue published
    # while it held is printed for good.
    printed = meta.medium == "print"
    current = [
        p for p in matching if not p.expired(published if printed and published else max(published or today, today))
    ]
    # Given by then, not after; a day's grace for a date-only record written in the grantor's time zone (an
    # editor in Sydney dates it a day ahead of one in Denver), as dates-reversed allows for its two dates.
    latest = _day_after(min(today, published) if published else today)
    dated = any(p.date is not None and p.date <= latest for p in current)
    undated = () if dated else tuple(p for p in current if p.date is None)
    return Standing(dated, matching, current, anyone, emails, published, key, undated)


#: The keys a permission record may name the one article it is for by (a publisher's grant per article).
ARTICLE_KEYS = ("original_url", "article")
#: The key a permission record names the items of media it is for by (``media: [/uploads/harbour.jpg]``): for
#: a media rule it covers those items only, and the site's own record there says the site holds their rights.
MEDIA_KEY = "media"


def media_named(record: PermissionView) -> tuple[str, ...]:
    """The addresses a record's ``media`` names (one written as a string is one); empty when it names none.
    One written with Jekyll's Liquid, as the page has it (``{{ site.baseurl | append: "/img/x.jpg" }}``), is
    read as the page's is."""
    value = record.extra.get(MEDIA_KEY)
    values = value if isinstance(value, list) else [value]
    named = tuple(v.strip() for v in values if isinstance(v, str) and v.strip())
    if any("{{" in v or "{%" in v for v in named):
        from ..reprint import liquid_filled

        named = tuple(liquid_filled(v) if "{" in v else v for v in named)
    return named


def other_article(record: PermissionView, meta: MetadataView) -> str | None:
    """The article a record names as the one it is for (its ``original_url`` or ``article``), when that is
    not the reprint's original: a grant for one story is none for another. None: it names none, or this one."""
    for key in ARTICLE_KEYS:
        named = record.extra.get(key)
        if isinstance(named, str) and named.strip():
            ours = normalize_url(as_address(meta.original_url or ""))
            # A web archive's copy of the article names the article, as original_url's does.
            article = (unarchived(named) if "rchive." in named.lower() else None) or named
            return None if ours is not None and normalize_url(as_address(article)) == ours else named.strip()
    return None


#: What :func:`another_publisher` says of a record from the site's own address.
OWN_SITE = "the site's own"

#: What a record's sender is when an editor copied a fix's placeholder as it stands.
_PLACEHOLDERS = frozenset({"the rights holder", "the publisher", "who granted it"})


def another_publisher(record: PermissionView, policy: Policy | None, own_hosts: tuple[str, ...] = ()) -> str | None:
    """The id of the policy whose publisher sent ``record`` (its address on a host another policy covers:
    Global Research's ``publications@globalresearch.ca`` for a Montana Free Press story), when that is not
    ``policy`` or one it builds on; "a placeholder" for a sender copied from a fix ("the rights holder");
    "the site's own" for an address on one of ``own_hosts`` (the republisher granting itself). Such a
    record grants nothing where anyone may grant (``from: ['*']``): it is not the story's rights holder's."""
    sender = record.from_.strip().lower()
    if sender.strip("<>") in _PLACEHOLDERS or (sender.startswith("<") and "@" not in sender):
        return "a placeholder"
    if "@" not in record.email:
        # No address to tell it by: the site's own name ("Riverbend Community News" for riverbend.org) is the site's.
        # A publisher's own name grants its own terms, whatever the site's host is called.
        if not own_hosts or (policy is not None and _a_publishers_name(sender, policy)):
            return None
        return OWN_SITE if names_the_site(sender, own_hosts) else None
    host = record.email.rpartition("@")[2].removeprefix("www.")
    if own_host_of(host, own_hosts) is not None:
        return OWN_SITE
    if policy is None:
        return None
    if publisher_host_of(host, policy) is not None:
        return None  # the policy's own publisher (a user's policy for a host a bundled one covers too)
    from ..policy.loader import policy_set

    bundled = policy_set()
    sender_policy = bundled.for_host(host)
    if sender_policy is None:
        return None
    lineage, current = set(), policy
    while current is not None and current.id not in lineage:
        lineage.add(current.id)
        current = bundled.get(current.extends) if current.extends and current.extends in bundled else None
    return None if sender_policy.id in lineage else sender_policy.id


#: The shortest name of a host's a sender's name is taken to name the site by (``news`` or ``times`` alone names
#: too many).
_SHORTEST_SITE_NAME = 5


def own_site_said(sender: str) -> str:
    """How a record from the site itself is told: by its address on ``own-hosts``, or by its name."""
    return "the site's own address (own-hosts)" if "@" in sender else "the site's own name (that of its own-hosts)"


def _letters(text: str) -> str:
    """``text``'s letters and digits, lower-cased (``timesnews`` of "Times-News")."""
    return "".join(char for char in text.lower() if char.isalnum())


def _a_publishers_name(sender: str, policy: Policy) -> bool:
    """Whether ``sender`` is one of the policy's publisher's names: its ``publisher`` (each name of "KFF Health
    News (formerly Kaiser Health News), KFF"), a name its attribution rules give it, or a contact's name."""
    said = _letters(sender)
    names = [
        *re.split(r"[,;()]|\bformerly\b", policy.publisher or ""),
        *(n for rule in policy.rules if rule.check == "attribution" for n in rule.params.names or ()),
        *(str(contact).split("<", 1)[0] for contact in policy.contacts or ()),
    ]
    return bool(said) and any(said == _letters(str(name)) for name in names if name)


#: The uses a rule with ``from: ['*']`` takes a grant of from the story's rights holder only (see
#: :class:`RightsHolder`): commercial use, which a NonCommercial licence and a publisher's "no sale" or "no
#: paywall" term reserve. A grant of another use (``edits``: The Conversation's author approving them) is taken
#: from anyone but another publisher, a placeholder or the site itself, as before.
HOLDERS_ONLY = frozenset({"commercial"})


class RightsHolder:
    """Who holds a story's rights, as a permission rule with ``from: ['*']`` takes a commercial grant
    (:data:`HOLDERS_ONLY`) from them only: a NonCommercial licence's commercial use, or a publisher's own "no
    sale" or "no paywall" term, is no one else's to waive.

    Under a publisher's policy (one with ``applies_to``), the publisher: an address on the hosts it covers (its
    ``host_aliases`` among them), one of its contacts' own addresses (not their domain: a contact at gmail.com
    makes no other gmail.com address the publisher's), or a record naming no address that names the publisher.
    Under a licence's policy (no publisher), the licensor: an address on the original's site (``original_url``'s
    registrable domain by the Public Suffix List; on a shared one, :data:`SHARED_DOMAINS`, the original's own
    host or one below it; none at a public suffix's own host, ``nhs.uk``), or a
    record whose name is the reprint's author, ``copyright_holder`` or ``source`` (``Hamid Osei-Barrow
    <hamid@example.net>``: an author's own address), or names the original's site (not a shared domain's, nor
    a hosting platform's: a blog directly under a suffix of the list's private section, alice.blogspot.com).
    A record naming no one (``from: ""``) is no one's grant; when the reprint says none of those (no
    ``original_url``, author or source), who holds the rights cannot be told, and a record counts as before."""

    __slots__ = ("addresses", "contacts", "domains", "names", "policy", "publisher", "shared")

    def __init__(self, policy: Policy | None, meta: MetadataView) -> None:
        self.policy = policy
        self.publisher = bool(policy is not None and policy.applies_to)
        self.contacts: frozenset[str] = frozenset()
        self.shared = False
        self.addresses = True
        if self.publisher:
            assert policy is not None
            # A contact counts by its own address: its domain is no sign (gmail.com's is everyone's), unless it is
            # one of the hosts the policy covers, which count anyway.
            self.contacts = frozenset(address_of(str(c)) for c in policy.contacts or () if "@" in str(c))
            self.domains = publisher_hosts(policy)
            self.names: tuple[str, ...] = ()
            return
        host = url_host(as_address(meta.original_url)) if meta.original_url else None
        # As the original writes it (``bücher-post.example``, named so in a finding and matched against a
        # record's name), ``www.`` off where the list reads it as a label below the site (not ``www.ck``'s).
        bare = site_host(host) if host else ""
        site = registrable_domain(bare) if bare else None
        registrable = written_site(bare) if bare else ""
        # On a shared domain (a portal, free mail: news.yahoo.com, someone.substack.com) the registrable domain
        # is everyone's: only the original's own host, or one below it, is its publisher's. A host that is
        # itself a public suffix (nhs.uk, github.io), or a shared domain itself (medium.com/@someone), is
        # everyone's: no address there is the original's publisher's.
        self.shared = bool(bare) and (site is None or shared_domain(site))
        if self.shared:
            self.addresses = site is not None and ascii_host(bare) != site
            registrable = bare
        self.domains = (registrable,) if registrable else ()
        said: list[str] = []
        for value in (meta.author, meta.copyright_holder, meta.source):
            for name in value if isinstance(value, list) else [value]:
                if isinstance(name, str):
                    said.extend(part.strip() for part in _NAME_SPLIT.split(name) if part.strip())
        self.names = tuple(dict.fromkeys(said))

    @property
    def known(self) -> bool:
        """Whether the reprint says who holds the rights (a publisher's policy always does)."""
        return self.publisher or bool(self.domains or self.names)

    def grants(self, record: PermissionView) -> bool:
        """Whether ``record`` comes from the rights holder (or no one can tell who that is)."""
        sender = record.from_.strip()
        if not sender:
            return False  # a record that names no grantor is no one's
        if not self.known:
            return True
        email = record.email
        if "@" in email:
            email = email.rstrip(".")  # jane@propublica.org. is jane@propublica.org, on either path
            host = email.rpartition("@")[2]  # www. kept: the list reads it (www.ck is a site, ck none)
            if self.publisher:
                assert self.policy is not None
                return email in self.contacts or publisher_host_of(host, self.policy) is not None
            if self.shared:
                if self._site_has_addresses() and own_host_of(host, self.domains) is not None:
                    return True
            elif any(registrable_domain(host) == registrable_domain(domain) for domain in self.domains):
                return True  # the original's site: the same registrable domain by the Public Suffix List
            name = sender.split("<", 1)[0].strip().strip('"') if "<" in sender else ""
        else:
            name = sender
        if not name:
            return False
        if self.publisher:
            assert self.policy is not None
            return _a_publishers_name(name, self.policy)
        said = _letters(name)
        # A shared domain's name (Yahoo, Medium) is the portal's, not the original's publisher's.
        # Nor is a hosting platform's blog's name (alice.blogspot.com's "Alice", thedaily.netlify.app's "The
        # Daily"): anyone can name a blog there, as on a shared domain; only an address tells its owner.
        return any(said == _letters(n) for n in self.names) or (
            not self.shared and names_the_site(name, self.domains) and not self._hosted()
        )

    def _hosted(self) -> bool:
        """Whether the original's site sits directly under a hosting platform's public suffix (the list's
        private section: github.io, blogspot.com, netlify.app), asked only of a record naming the site."""
        return bool(self.domains) and hosted_site(self.domains[0])

    def _site_has_addresses(self) -> bool:
        """Whether an address on the original's site can be its publisher's: not when the original is at a
        shared domain's own host (``medium.com/@someone``), whose addresses are the host's staff's."""
        return bool(self.domains) and self.addresses

    def who(self) -> str:
        """Who may grant it, for a finding: "only ... may grant it"."""
        if self.publisher:
            assert self.policy is not None
            hosts = " or ".join(self.domains[:3])
            policy = self.policy
            elsewhere = sorted(c for c in self.contacts if publisher_host_of(c.rpartition("@")[2], policy) is None)
            contacts = f", or its contact {' or '.join(elsewhere[:3])}" if elsewhere else ""
            return f"only {publisher_name(self.policy)} may grant it (from an address at {hosts}{contacts})"
        said = []
        if self._site_has_addresses():
            said.append(f"the original's publisher (an address at {self.domains[0]})")
        if self.names:
            said.append(f"its author or rights holder ({', '.join(self.names[:3])})")
        if not said:  # an original at a shared host's own (medium.com/@someone) with no author named
            return "only the story's licensor (its author) may grant it"
        return "only the story's licensor may grant it: " + " or ".join(said)

    def example(self) -> str:
        """A ``from`` to write in a record's fix."""
        if self.publisher or (self._site_has_addresses() and not self.names):
            return f"<their address at {self.domains[0]}>"
        return f"{self.names[0]} <their email address>" if self.names else "<their email address>"


#: Where a byline or holder lists several names ("Ana Ruiz and Li Wei", "Ana Ruiz, Li Wei").
_NAME_SPLIT = re.compile(r"\s*(?:[,;&]|\band\b)\s*")


def publisher_name(policy: Policy) -> str:
    """The policy's publisher's first name ("KFF Health News" of "KFF Health News (formerly ...), KFF")."""
    names = [name.strip() for name in re.split(r"[,;()]|\bformerly\b", policy.publisher or "") if name.strip()]
    return names[0] if names else policy.id


#: Registrable domains that many unrelated people write or publish from, that the Public Suffix List does not
#: list as suffixes: free mail, portals and hosts of blogs and sites. Under a licence's own policy, a grant from
#: the original's registrable domain counts when it is the original's publisher's own; on one of these
#: (``news.yahoo.com``, ``someone.substack.com``, ``sites.google.com``) only an address at the original's own
#: host, or below it, does. Public suffixes (``nhs.uk``, ``gouv.fr``, ``ca.us``, ``k12.ma.us``) and the hosts
#: the list's private section names (``github.io``, ``blogspot.com``, ``netlify.app``, ``s3.amazonaws.com``)
#: need no entry here: each site below them is a registrable domain of its own. Blogger's old country hosts
#: (``blogspot.co.uk``, ``blogspot.com.au``, ``blogspot.de``), which the list no longer names, are shared by
#: :func:`shared_domain`'s rule.
SHARED_DOMAINS = frozenset(
    {
        # free mail and portals
        "gmail.com",
        "googlemail.com",
        "google.com",
        "yahoo.com",
        "yahoo.co.uk",
        "ymail.com",
        "aol.com",
        "outlook.com",
        "hotmail.com",
        "live.com",
        "msn.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "proton.me",
        "protonmail.com",
        "gmx.com",
        "gmx.net",
        "gmx.de",
        "web.de",
        "mail.com",
        "yandex.ru",
        "yandex.com",
        "mail.ru",
        "qq.com",
        "163.com",
        "zoho.com",
        "fastmail.com",
        # hosts of blogs, newsletters and sites
        "substack.com",
        "medium.com",
        "wordpress.com",
        "blogger.com",
        "tumblr.com",
        "weebly.com",
        "squarespace.com",
        "ghost.io",
        "neocities.org",
        "livejournal.com",
        "typepad.com",
        # WordPress hosts' sites and staging sites (lanternbay.wpcomstaging.com), which the list does not name
        "wpcomstaging.com",
        "wpengine.com",
        "wpenginepowered.com",
        "kinsta.cloud",
        "pressable.com",
        "mystagingwebsite.com",
    }
)


def shared_domain(site: str) -> bool:
    """Whether the registrable domain ``site`` (lower case, punycode) is everyone's: one of
    :data:`SHARED_DOMAINS`, or a Blogger country host, ``blogspot.`` and a country's domain (``blogspot.de``,
    ``blogspot.co.uk``, ``blogspot.com.au``), each of whose blogs is someone else's."""
    if site in SHARED_DOMAINS:
        return True
    first, _, rest = site.partition(".")
    return first == "blogspot" and len(rest.rpartition(".")[2]) == 2


def _site_label(host: str) -> str:
    """The label of ``host``'s registrable domain as written, letters and digits only: ``riverbend`` of
    ``images.riverbend.org``, ``tribune`` of ``tribune.com.pk``, ``lanternbay`` of ``lanternbay.github.io``,
    ``bücher`` of ``bücher.example`` (a subdomain's labels name no site); none for an IP address or a public
    suffix itself (``nhs.uk``)."""
    if ip_host(host):
        return ""
    site = written_site(host)
    return _letters(site.partition(".")[0]) if site else ""


def names_the_site(sender: str, own_hosts: tuple[str, ...]) -> bool:
    """Whether a record's sender (a name, with no address) names the site itself: the label of one of
    ``own_hosts``' registrable domains (``riverbend`` of ``riverbend.org`` or ``images.riverbend.org``, at
    least five letters) is the sender's first words run together ("Riverbend Community News"). A label
    inside a name is no sign ("Miami Herald" for herald.ie, "The Associated Press" for press.org)."""
    words = [_letters(word) for word in re.split(r"[\s\-_/&.,]+", sender)]
    words = [word for word in words if word]
    firsts = {"".join(words[: n + 1]) for n in range(len(words))}
    # Only a host one of whose labels is among them is worth its registrable domain (the list read on first use).
    named = [host for host in own_hosts if any(_letters(label) in firsts for label in host.lower().split("."))]
    return any(len(label) >= _SHORTEST_SITE_NAME and label in firsts for label in map(_site_label, named))


_A_DAY = dt.timedelta(days=1)


def _day_after(day: dt.date) -> dt.date:
    """The next day, or ``day`` itself at the last one dates hold (9999-12-31, a typo a file may carry): no
    day comes after it to compare with."""
    return day + _A_DAY if day < dt.date.max else day


def late_date(found: Standing, today: dt.date) -> tuple[dt.date, str]:
    """The date of the earliest of ``found.current`` (records given too late) and what is wrong with it."""
    published = found.published
    given = min(p.date for p in found.current if p.date is not None)
    when = (
        f"after the reprint was published on {published.isoformat()}{_by_its(found)}"
        if published and given > _day_after(published) and given <= _day_after(today)
        else "in the future"
    )
    return given, when


def _by_its(found: Standing) -> str:
    """Where the publication day comes from, when not ``published``: the page's own date, or a Jekyll post's
    file name's."""
    if found.published_key == "published":
        return ""
    if found.published_key == FILE_NAME_DATE:
        return " (the date in the post's file name)"
    return f" (the page's '{found.published_key}')"


def page_date(reprint: Reprint, today: dt.date) -> tuple[str, dt.date | dt.datetime] | None:
    """The site's own date for a page with no ``published`` (Hugo's ``date``, a Jekyll post's file name): the
    day it goes out, by which a permission must have been given, and until which it must last. A draft's is
    when it was begun, read only while still to come (:func:`~.timing.standing_site_date`, as a delay is)."""
    meta = reprint.metadata
    if meta.published is not None:
        return None
    from .timing import standing_site_date

    found = standing_site_date(reprint, today)
    if found is not None and found[0] not in meta.extra:  # a Jekyll post's, from its file name
        return FILE_NAME_DATE, found[1]
    return found


#: What :func:`page_date` names a date taken from a Jekyll post's file name by.
FILE_NAME_DATE = "file name"


#: The fix for a record given too late.
LATE_FIX = "Check the permission's date (YYYY-MM-DD), and the reprint's 'published' date."


def late_fix(found: Standing) -> str:
    """:data:`LATE_FIX`, naming where the publication day was read: the page's own date key, or a post's name."""
    if found.published_key == "published":
        return LATE_FIX
    if found.published_key == FILE_NAME_DATE:
        return "Check the permission's date (YYYY-MM-DD), and the date in the post's file name (or set 'published')."
    return f"Check the permission's date (YYYY-MM-DD), and the page's '{found.published_key}' (or set 'published')."


def check(params: Params, reprint: Reprint, context: Context) -> Iterator[Problem]:
    meta = reprint.metadata
    scope = params.scope or str(meta.value(params.scope_from or "") or "")
    grantors = params.from_ or context.policy.contacts
    # A commercial grant "from whoever holds the rights" is the rights holder's only: the publisher, or a
    # licence's licensor (another use's, such as The Conversation's author approving edits, is anyone's).
    holder = (
        RightsHolder(context.policy, meta) if scope in HOLDERS_ONLY and "*" in grantors and meta.permissions else None
    )
    found = standing(
        meta,
        scope,
        grantors,
        context.today,
        context.policy,
        reprint.own_hosts,
        page_date(reprint, context.today),
        holder=holder,
    )
    if found.granted:
        return
    matching, current, anyone = found.matching, found.current, found.anyone
    written = "permissions" in reprint.key_lines or (reprint.sidecar and "permissions" in reprint.sidecar[1])
    anchor = "permissions" if written else _first_field(context)
    line, column, file = reprint.meta_place(anchor)
    field = "permissions"  # what to add or correct, wherever it is told
    if found.undated:  # it may have come after the reprint went out: a record must be dated by that day
        record = found.undated[0]
        by = (
            f"the reprint's publication on {found.published.isoformat()}{_by_its(found)}"
            if found.published
            else "the reprint's publication"
        )
        yield Problem(
            line,
            column,
            file=file,
            field=field,
            detail=f"the {scope} permission on record from {record.from_} has no date: a record must be dated by {by}",
            fix=f"Add the day {record.from_} gave the permission to its record: date: YYYY-MM-DD.",
            specific=True,
        )
        return
    if current:  # given after the reprint was published, or dated in the future (a typo?)
        given, when = late_date(found, context.today)
        yield Problem(
            line,
            column,
            file=file,
            field=field,
            detail=f"the {scope} permission on record is dated {given.isoformat()}, {when}: it must come first",
            fix=late_fix(found),
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
            detail=f"the {scope} permission on record expired on {expired.isoformat()}"
            + (
                f", before the reprint's publication on {found.published.isoformat()}{_by_its(found)}"
                if found.published and expired < found.published
                else ", and the reprint is still online"
                if found.published and meta.medium != "print"
                else ""
            ),
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
    elsewhere = [(p, named) for p in meta.permissions if p.covers(scope) and (named := other_article(p, meta))]
    if elsewhere:
        record, named = elsewhere[0]
        yield Problem(
            line,
            column,
            file=file,
            field=field,
            detail=f"the {scope} permission on record from {record.from_} is for another article, {named}",
            fix=f"Ask {who} for {scope} permission for this article, then record it with its original_url.",
            specific=True,
        )
        return
    foreign = (
        [
            (p.from_, by)
            for p in meta.permissions
            if p.covers(scope) and (by := another_publisher(p, context.policy, reprint.own_hosts))
        ]
        if anyone
        else []
    )
    if foreign:
        sender, by = foreign[0]
        said = (
            "copied from a fix's placeholder"
            if by == "a placeholder"
            else own_site_said(sender)
            if by == OWN_SITE
            else f"another publisher's ({by})"
        )
        detail = f"a permission for {scope} is recorded from {sender!r}, {said}, not from this story's rights holder"
        if by == OWN_SITE:
            detail += ": a site cannot grant itself permission"
        who = "the rights holder (the author, or the original's publisher)" if who == "the rights holder" else who
        fix = (
            f"Ask {who} for {scope} permission, then record it with the address it came from: "
            f"permissions: [{{from: <their email address>, date: YYYY-MM-DD, scope: [{scope}]}}]"
        )
    elif strangers := (
        [p for p in meta.permissions if p.covers(scope) and not holder.grants(p)] if holder is not None else []
    ):
        record = strangers[0]
        if not record.from_.strip():
            detail = f"a {scope} permission is recorded with no 'from', so who gave it cannot be told"
        else:
            detail = f"a {scope} permission is recorded from {record.from_!r}, who does not hold this story's rights"
        detail += f"; {holder.who()}, and a record of theirs names the address it came from"
        fix = (
            f"If the rights holder gave it, write the address it came from in the record's 'from'; else ask them "
            f"for {scope} permission and record it: "
            f"permissions: [{{from: {holder.example()}, date: YYYY-MM-DD, scope: [{scope}]}}]"
        )
    elif unnamed and not anyone:  # "from: Global Research": the record names no address to tell it by
        detail = (
            f"a {scope} permission is recorded from {unnamed[0]!r}, which is no email address: the record "
            f"must name the address the permission came from"
        )
        fix = f"If it came from {who}, write 'from: {who}' in the permission record; else ask {who} for it."
    elif others:
        detail = f"a {scope} permission is recorded from {', '.join(others)}, who is not a contact of this policy"
        domains = {address_of(g).rpartition("@")[2].lower() for g in grantors if "@" in g}
        if any(address_of(o).rpartition("@")[2].lower() in domains for o in others):
            # editor@globalresearch.ca for publications@globalresearch.ca: the publisher's, but not the desk named
            detail = (
                f"a {scope} permission is recorded from {', '.join(others)}, an address of the publisher's, but not "
                f"the one its terms name for permissions ({_grantors(anyone, grantors)})"
            )
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
