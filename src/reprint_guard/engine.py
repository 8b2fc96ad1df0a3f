"""The engine: pick the policy for a reprint, run its rules, collect findings."""

from __future__ import annotations

import datetime as dt
import re
import time
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping
from enum import Enum
from functools import lru_cache, partial
from typing import Any, get_args

from .checks import CHECKS
from .checks.base import (
    CREDIT_ELSEWHERE,
    CREDIT_ELSEWHERE_WORDS,
    CREDIT_IN_SCRIPTS,
    CREDIT_TAKEN_FROM,
    PAGE_AUTHOR,
    THERE_BUT_ELSEWHERE,
    Context,
    LazyValues,
    Problem,
    compile_pattern,
    names_page_author,
    publisher_names,
    render,
)
from .checks.base import written as as_yaml
from .checks.timing import standing_site_date
from .errors import PolicyError, ReprintGuardError
from .metaview import FLAG_KEYS, OPTIONAL_FLAG_KEYS, READ_KEYS, SITE_KEYS, only_slugs
from .policy.loader import PolicySet
from .policy.model import Policy, Rule, derived
from .report import Finding, Result, Severity
from .reprint import Reprint
from .textnorm import _ZERO_WIDTH_CHARS, find_phrase
from .urls import ARCHIVE_HOSTS, as_address, host_of, normalize_url, redirect_target

TOOL_POLICY = "reprint-guard"

#: Findings the tool itself raises, with what they mean (for SARIF and docs).
TOOL_RULES: dict[str, tuple[str, str]] = {
    "missing-metadata": (
        "Metadata a rule depends on is not set",
        "A rule's condition needs a metadata field (often 'commercial') that the reprint does not "
        "declare; the rule was not checked rather than guessed.",
    ),
    "unknown-publisher": (
        "No policy covers the original's site",
        "The original_url's host matches no bundled or configured policy.",
    ),
    "input-error": (
        "The file could not be checked",
        "Malformed front matter or JSON, a non-UTF-8, binary, empty or oversized file.",
    ),
    "invalid-suppression": (
        "A suppression comment is malformed or has no reason",
        'Inline suppressions must name <policy>/<rule> and give reason="...".',
    ),
    "expired-suppression": (
        "A suppression has expired",
        "Its 'until' date has passed, so the findings it covered are reported again.",
    ),
    "unused-suppression": ("A suppression matches no finding", "Remove it, or check the rule id."),
    "original-elsewhere": (
        "The original's address stands under a key reprint-guard does not read",
        "A file that sets neither original_url nor policy is skipped as the site's own, but one of its keys "
        "(source, canonical_url, link...) holds an address on a site a policy covers: if it is the original's, "
        "the reprint goes unchecked.",
    ),
    "credited-original": (
        "The article credits an original that its metadata does not name",
        "A file that sets neither original_url nor policy (or whose original_url is the page itself) is "
        "skipped as the site's own, but its body credits an original on a site a policy covers ('originally "
        "published by' before a link there): a reprint whose original_url was forgotten goes unchecked.",
    ),
    "original-url-missing": (
        "The metadata says the file is a reprint but names no original",
        "A file that sets neither original_url nor policy is skipped as the site's own, but its metadata gives "
        "the original's publication date (original_published) or names a covered publisher as its source "
        "(source: ProPublica): a reprint whose address was left out goes unchecked.",
    ),
    "conflicting-keys": (
        "Two metadata keys that mean one thing disagree",
        "The config maps one of the site's front-matter keys onto one reprint-guard reads (canonicalURL onto "
        "original_url), and a file sets both, to different values: reprint-guard's own is read, so the "
        "reprint may be checked against another publisher's terms than the site means.",
    ),
    "home-page-original": (
        "original_url is a site's home page, not an article's address",
        "The original_url names a site's home page (no path): a link to the home page, the usual mistake the "
        "terms forbid, would pass as a link to the original, and the original article goes unnamed.",
    ),
    "policy-overrides-host": (
        "The metadata names another policy than the one covering the original's site",
        "The reprint's policy key names a policy that neither is nor extends the policy covering the "
        "original_url's host: the terms of the original's publisher are not checked (a form's policy field "
        "set to a laxer licence, say).",
    ),
    "dates-reversed": (
        "The reprint is dated before its original",
        "The reprint's published date comes before the original's original_published: one of them is likely "
        "a typo, and a timing rule reads the reprint by them.",
    ),
    "second-original": (
        "A newsletter credits a second original that its metadata does not describe",
        "A file is checked as one reprint, against one policy; a newsletter issue whose body also credits an "
        "original on another covered publisher's site ('originally published by' before a link there) carries "
        "a story whose terms (its credit, its licence, its permissions) go unchecked.",
    ),
    "pandoc-span": (
        "Pandoc's bracketed span or link attributes show as written",
        "A Markdown reprint writes Pandoc's bracketed span ([ProPublica]{.underline}, as a paste converted from "
        "Word or Google Docs by Pandoc does) or Pandoc's attributes after a link's address "
        '([ProPublica](https://...){target="_blank"}): CommonMark and GitHub\'s Markdown have neither, so the '
        "page shows the brackets and the attribute. A credit is read through them as its words, so a credit's "
        "rule does not fail for them beside this warning.",
    ),
    "no-longer-a-reprint": (
        "A file checked as a reprint at the base commit is skipped as not a reprint now",
        "On a pull request (the Action) or with --baseline-commit, a file the change touched (the file, or its "
        "metadata sidecar), or whose config, policies or site files it changed, was checked as a reprint at the "
        "base commit (read as the base read it: its config, policies, site files and sidecar there) and is now "
        "skipped as the site's own article: its sidecar deleted, original_url and policy taken out of its "
        "metadata, or the config's front-matter mapping onto original_url, an override's policy or a section's "
        "cascade policy taken out. Its publisher's terms would go unchecked, with no notice; if the file is now the "
        "site's own, suppress this with a reason.",
    ),
    "left-out-of-the-run": (
        "A file checked as a reprint at the base commit is left out of the run now",
        "On a pull request (the Action) or with --baseline-commit, a file the base's own config took into its run "
        "(as its walk took it) and checked as a reprint there is left out of the run now: the config's exclude or "
        "include edited so it no longer takes the file in, or the file renamed to a name it leaves out "
        "(content/drafts/). Its publisher's terms would go unchecked, with no notice; take it back into the run, or "
        "suppress this with a reason if it is no longer a reprint the site publishes.",
    ),
    "invisible-character": (
        "A metadata value holds an invisible character",
        "original_url, license or reprint_license holds a character that shows nothing (a zero-width space, a "
        "soft hyphen, a byte-order mark, a direction mark), as a paste from a word processor or a CMS's form "
        "leaves one: the value is checked without it, but the file still holds it, and a site template that "
        "links or shows the value publishes it (a link to the address with it leads nowhere).",
    ),
    "misspelt-key": (
        "A metadata key is close to one reprint-guard reads",
        "A key reprint-guard does not read, close to one it does that is not set: a file that sets neither "
        "original_url nor policy would be skipped for it, and a reprint would be checked as if the key "
        "were not there (an 'exerpt: true' extract passes as the whole story); a permission record's key close to "
        "one a record has ('scopes', 'expiry'): the record is read without it.",
    ),
}


def rule_info(rule_id: str, policies: PolicySet, named: Mapping[str, Policy] | None = None) -> dict[str, str] | None:
    """Description and help link of a rule id, for SARIF's rule table (its level is the run's). ``named``:
    the policies the run names (by file, or replacing a bundled one), by id; they come first."""
    policy_id, _, name = rule_id.partition("/")
    if policy_id == TOOL_POLICY and name in TOOL_RULES:
        short, full = TOOL_RULES[name]
        return {"short": short, "full": full}
    policy = named.get(policy_id) if named else None
    if policy is None and policy_id not in policies:
        return None
    policy = policy or policies.get(policy_id)
    rule = policy.rule(name)
    if rule is None:
        return None
    return {
        "short": rule.message,
        "full": " ".join((rule.description or rule.terms or rule.message).split()),
        "help_uri": policy.source_url,
        "confidence": rule.confidence,
    }


def select_policy(reprint: Reprint, policies: PolicySet) -> Policy | None:
    """``policy`` metadata first, then the policy whose ``applies_to`` covers the original's host."""
    meta = reprint.metadata
    if meta.policy and meta.policy.strip():
        try:
            return policies.get(meta.policy.strip())
        except PolicyError as exc:
            # At its line when a file sets it; a CMS's dict (or --meta) has no line for it, but the field.
            written = (
                "policy" in reprint.key_lines
                or "policy" in reprint.site_places
                or (reprint.sidecar is not None and "policy" in reprint.sidecar[1])
            )
            line, column, file = reprint.meta_place("policy") if written else (None, None, None)
            raise PolicyError(
                exc.message, path=file or reprint.path, line=line, column=column, field="policy"
            ) from None
    host = host_of(as_address(meta.original_url)) if meta.original_url else None
    policy = policies.for_host(host) if host else None
    if policy is None and meta.license:
        from .licenses import policy_for_license

        by_license = policy_for_license(meta.license)
        if by_license and by_license in policies:
            return policies.get(by_license)
    return policy


def check_reprint(
    reprint: Reprint,
    policies: PolicySet,
    policy: Policy | None = None,
    *,
    today: dt.date | None = None,
    severity: dict[str, str] | None = None,
) -> Result:
    """Check one reprint. Raises :class:`~reprint_guard.errors.ReprintGuardError` on bad input.

    ``severity`` maps rule ids to a new severity, or ``off`` to drop the rule.
    """
    result = _check_reprint(reprint, policies, policy, today, severity)
    # Fixes in the syntax of the page's front matter, whatever found them: TOML's (Hugo's ``+++``), or JSON's
    # (Hugo's JSON front matter: a key and a record as JSON writes them).
    in_syntax: Callable[[str], str] | None = None
    if reprint.front_syntax == "toml":
        in_syntax = partial(as_toml, tables=_has_tables(reprint))
    elif reprint.front_syntax == "json":
        in_syntax = _as_json_front_matter
    if in_syntax is not None:
        for finding in result.findings:
            if finding.fix and ("'" in finding.fix or ": " in finding.fix):
                finding.fix = in_syntax(finding.fix)
    if holds_records(reprint.metadata.permissions, reprint.key_lines):
        for finding in result.findings:
            if finding.fix and "permissions" in finding.fix:
                finding.fix = as_added_records(finding.fix, tables=reprint.permission_tables)
    return result


def holds_records(permissions: object, key_lines: dict[str, int] | None = None) -> bool:
    """Whether the metadata already has a ``permissions`` list: a record a fix suggests goes into it (a second
    ``permissions`` key would break the front matter, or replace the records the page holds)."""
    return bool(permissions) or bool(key_lines and "permissions" in key_lines)


#: A fix's permission records as front matter's YAML, Hugo's TOML or JSON write the key and its list.
_RECORDS_KEYED = re.compile(r'(permissions: |permissions = |"permissions": )\[(\{.*?\})\](?=[.;,)]?(?:\s|$))')
#: Where one record ends and the next starts in that list.
_NEXT_RECORD = re.compile(r"(?<=\}), (?=\{)")
#: Where one key of a TOML inline table ends and the next starts.
_NEXT_KEY = re.compile(r", (?=[A-Za-z_][\w-]* = )")


def as_added_records(fix: str, *, tables: bool = False) -> str:
    """A fix's ``permissions: [{...}]`` told as records to add to the list the metadata already holds (the key
    written again would break a TOML or JSON page, and in YAML replace the records there). ``tables``: TOML
    front matter writing its records as ``[[permissions]]`` tables, which take the record's keys as lines."""

    def added(match: re.Match[str]) -> str:
        key, records = match.groups()
        if key == "permissions = " and tables:
            each = _NEXT_RECORD.split(records)
            lines = " · ".join("; ".join(_NEXT_KEY.split(record[1:-1])) for record in each)
            table = "a [[permissions]] table" if len(each) == 1 else f"{len(each)} [[permissions]] tables"
            return f"{table} added after the ones the front matter has, a line for each key: {lines}"
        listed = "array" if key != "permissions: " else "list"
        return f"{records} added to the permissions {listed} the metadata already has"

    return _RECORDS_KEYED.sub(added, fix)


def _as_json_front_matter(fix: str) -> str:
    """A fix's keys and records as JSON front matter writes them."""
    return as_json_keys(as_json_records(fix))


def as_json_keys(fix: str) -> str:
    """A fix's front-matter keys as JSON front matter takes them: ``'"author": "<name>"'`` for
    ``'author: <name>'``, and ``(sold: false)`` as ``("sold": false)``."""
    import json

    def pair(match: re.Match[str]) -> str:
        key, value = match.groups()
        written = value if _JSON_BARE.fullmatch(value) else json.dumps(value, ensure_ascii=False)
        return f"'\"{key}\": {written}'"

    written = _QUOTED_KEY.sub(pair, fix)
    return _BRACKETED_KEY.sub(
        lambda m: f'("{m.group(1)}": {m.group(2)})' if m.group(1) in READ_KEYS else m.group(0), written
    )


#: A value JSON writes bare: a boolean, a number, an array or an object.
_JSON_BARE = re.compile(r"true|false|-?\d+(?:\.\d+)?|[\[{].*")


def _has_tables(reprint: Reprint) -> bool:
    """Whether a TOML front matter has a table (``[params]``, ``[[permissions]]``): a key written after one
    goes into it, so a fix says where to write it."""
    if reprint.metadata.permissions:  # [[permissions]], as a site writes records in TOML
        return True
    values = reprint.metadata.extra.values()
    return any(isinstance(v, dict) or (isinstance(v, list) and v and isinstance(v[0], dict)) for v in values)


def _check_reprint(
    reprint: Reprint, policies: PolicySet, policy: Policy | None, today: dt.date | None, severity: dict[str, str] | None
) -> Result:
    """:func:`check_reprint`, its fixes in YAML front matter's syntax."""
    meta = reprint.metadata
    if policy is None and not meta.is_reprint():
        near = _near_miss(reprint) if meta.extra else None
        near = near or (_original_elsewhere(reprint, policies) if meta.extra or meta.source else None)
        near = near or _a_reprint_unnamed(reprint, policies)
        near = near or _credited_in_body(reprint, policies)
        near = near or _republication_pixel(reprint, policies)
        said = _reseverity([near], severity) if near is not None and severity else [near] if near else []
        if said:  # at the severity the config gives it; turned off, the file is skipped as before
            return Result(path=reprint.path, findings=said)
        return Result(
            path=reprint.path,
            status="skipped",
            reason="not a reprint: the metadata declares neither original_url nor policy",
        )
    if policy is None and not meta.policy and root_relative(meta.original_url):
        # A theme's canonical "/posts/x/": the address of a page of the site the file is on, its own article.
        return own_page_credited(reprint, policies, ROOT_RELATIVE, severity)
    overridden = None
    if policy is None:
        policy = select_policy(reprint, policies)
        overridden = _overrides_the_hosts(reprint, policies, policy) if policy is not None and meta.policy else None
    if policy is None and (dedicated := public_domain(meta.license)):
        return Result(path=reprint.path, status="skipped", reason=dedicated)
    if policy is None:
        findings = [_unknown_publisher(reprint, policies)]
        if meta.extra:  # a licence under a key not read (licence, License) would have chosen a policy
            findings += _misspelt_keys(reprint, _LICENCE_KEY, choosing=True)
    else:
        findings = run_policy(reprint, policy, today=today, severity=severity)
        if findings and reprint.format == "html":
            findings = _outside_the_article(reprint, policy, findings)
        # Pandoc's markup shown as written ("[ProPublica]{.underline}", a link's "{target=_blank}"): told as
        # such, and a rule failing for it alone is not told beside it.
        markup = pandoc_markup(reprint) if reprint.format == "markdown" else []
        if markup and findings:
            findings = _read_through_markup(reprint, policy, findings, markup, today, severity)
        home = _home_page_original(reprint)
        if home is not None:
            for finding in findings:  # measured against the home page, a right link to the article looks wrong
                if finding.check == "link" and finding.policy == policy.id:
                    finding.fix = (
                        "Set original_url to the original article's own address first, then check again: the "
                        "link may be right, and its fix is told against that address."
                    )
            findings = [home, *findings]
        if overridden is not None:
            findings = [overridden, *findings]
        second = _second_original(reprint, policies, policy) if meta.medium == "newsletter" else None
        if second is not None:
            findings = [*findings, second]
        if markup:
            findings = [*findings, *_pandoc_spans(reprint, markup)]
    # The site's own date for the page, read once for the dates-reversed check and the report (each asks of a
    # page without a published date).
    site_date = _SiteDate(reprint, today)
    # A typo in a date, whatever policy (or none) the reprint is checked by.
    reversed_ = _dates_reversed(reprint, today, site_date)
    if reversed_ is not None:
        findings = [*findings, reversed_]
    if reprint.invisible_in:  # a value read without what a paste left in it, which the file still holds
        findings = [*findings, *(_invisible_in_value(reprint, key, value) for key, value in reprint.invisible_in)]
    if reprint.key_clashes:
        findings = [*(_conflicting_keys(reprint, *clash) for clash in reprint.key_clashes), *findings]
    if reprint.sidecar_clashes and reprint.sidecar is not None:
        findings = [*(_sidecar_overrides(reprint, *clash) for clash in reprint.sidecar_clashes), *findings]
    if severity:
        findings = _reseverity(findings, severity)
    if len(findings) > 1:  # the tool's own findings (a second original, reversed dates) among the rules', in order
        findings.sort(key=lambda f: (f.line, f.column))
    dates = _dates_and_original(reprint, today, site_date)
    return Result(path=reprint.path, policy=policy.id if policy else None, findings=findings, **dates)


class _SiteDate:
    """:func:`~.checks.timing.standing_site_date` of one reprint, read at most once for one check of it."""

    __slots__ = ("_found", "_reprint", "_today")

    def __init__(self, reprint: Reprint, today: dt.date | None) -> None:
        self._reprint, self._today = reprint, today
        self._found: list[tuple[str, dt.date | dt.datetime] | None] = []

    def __call__(self) -> tuple[str, dt.date | dt.datetime] | None:
        if not self._found:
            self._found.append(standing_site_date(self._reprint, self._today or _today()))
        return self._found[0]


def _dates_and_original(
    reprint: Reprint, today: dt.date | None = None, site_date: _SiteDate | None = None
) -> dict[str, str | None]:
    """The original's address and the two publication dates, as the checks read them, for the report: the
    address as an address bar reads it, the reprint's date its ``published`` or else the site's own date for
    the page (a draft's only while still to come), as :func:`_dates_reversed` reads them. ``site_date``: the
    site's own date, as this check of the reprint reads it."""
    meta = reprint.metadata
    original = as_address(meta.original_url) if meta.original_url else None
    published = meta.published
    if published is None:
        found = (site_date or _SiteDate(reprint, today))()
        published = found[1] if found is not None else None
    return {
        "original_url": original or None,
        "original_published": meta.original_published.isoformat() if meta.original_published else None,
        "published": published.isoformat() if published is not None else None,
    }


def _overrides_the_hosts(reprint: Reprint, policies: PolicySet, policy: Policy) -> Finding | None:
    """A warning when the metadata's ``policy`` names a policy that neither is nor extends the one covering
    the original's host: that publisher's terms go unchecked, and nothing said so (a CMS form's policy
    field set to a laxer licence, an editor's guess)."""
    address = (reprint.metadata.original_url or "").strip()
    host = host_of(as_address(address)) if address and not root_relative(address) else None
    covering = policies.for_host(host) if host else None
    if covering is None or any(ancestor.id == covering.id for ancestor in policies.chain(policy)):
        return None
    return _tool_finding(
        reprint,
        "policy-overrides-host",
        "metadata",
        "policy",
        f"policy is set to {policy.id}, but the original's site ({host}) is covered by {covering.id}: "
        f"{covering.publisher}'s terms are not checked",
        f"Remove the policy key, so that the reprint is checked against {covering.id}, or name a policy that "
        f"extends {covering.id}.",
    )


def _dates_reversed(
    reprint: Reprint, today: dt.date | None = None, site_date: _SiteDate | None = None
) -> Finding | None:
    """A warning when the reprint's ``published`` comes before its original's ``original_published``: a typo
    in one of them (a timing rule then reads the reprint as too early, or lets a wrong date pass). A draft's
    own date is when it was begun: read only while still to come. ``site_date``: as in
    :func:`_dates_and_original`."""
    meta = reprint.metadata
    original, published = meta.original_published, meta.published
    key = "published"
    if original is not None and published is None:  # the site's own date (Hugo's, Jekyll's, a post's file name)
        found = (site_date or _SiteDate(reprint, today))()
        if found is not None:
            key, published = found
    if original is None or published is None:
        return None
    moments = isinstance(original, dt.datetime) and isinstance(published, dt.datetime)
    if moments and original.tzinfo and published.tzinfo:  # type: ignore[union-attr]
        earlier = published < original  # type: ignore[operator]
    else:  # a day against a day, a moment with no zone by its day: a day apart may be two time zones' same day
        earlier = (_day(original) - _day(published)).days > 1  # a difference of days: no date out of range
    if not earlier:
        return None
    when = published.isoformat()
    said = f"published date ({when})" if key == "published" else f"{key} ({when}, the page's own date)"
    if key not in meta.extra and key != "published":  # a Jekyll post's, from its file name
        said = f"date ({when}, from its file name, as Jekyll dates a post)"
    return _tool_finding(
        reprint,
        "dates-reversed",
        "metadata",
        key,
        f"the reprint's {said} comes before the original's "
        f"original_published ({original.isoformat()}): one of them is likely a typo",
        "Check both dates: a reprint is published on or after its original.",
    )


def _day(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


#: The names a home page has as a file ("https://example.org/index.html").
_HOME_PAGES = frozenset({"index.html", "index.htm", "index.php", "index.shtml", "default.aspx", "home"})
#: Query keys that only say where a visit came from: a home page with them is still the home page.
_TRACKING_QUERY = ("utm_", "fbclid", "gclid", "amp", "ref=", "source=")


def _home_page_original(reprint: Reprint) -> Finding | None:
    """A warning when ``original_url`` is a site's home page (``https://www.propublica.org/``): checked
    against it, a credit linking to the home page, which the terms forbid, passes as one to the original."""
    address = (reprint.metadata.original_url or "").strip()
    host = _home_page_of(address)
    if host is None:
        return None
    return _tool_finding(
        reprint,
        "home-page-original",
        "metadata",
        "original_url",
        f"original_url is the home page of {host}, not the original article's address: "
        "a link to the home page would pass as one to the original",
        "Set original_url to the address of the original article (the page it was published at).",
    )


def _home_page_of(address: str) -> str | None:
    """The host whose home page ``address`` is (``https://www.propublica.org/``), or None: an article's."""
    if not address or root_relative(address):
        return None
    rest = address.partition("//")[2] or address
    slash = rest.find("/")
    if slash >= 0 and rest[slash + 1 : slash + 2] not in ("", "/", "?", "#", "i", "I", "d", "D", "h", "H"):
        return None  # a path after the host (the usual article address): asked for nothing more
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(as_address(address))
    except ValueError:
        return None
    host = host_of(parts.geturl())
    # No path ("/", "//", "/index.html"), no query naming a page ("?p=123" is WordPress's address of an
    # article; "?utm_source=x" only says where a click came from), no "#!/..." route of a script's page.
    path = parts.path.strip("/").lower()
    query = [p for p in parts.query.split("&") if p.strip() and not p.lower().startswith(_TRACKING_QUERY)]
    if (path and path not in _HOME_PAGES) or query or parts.fragment.startswith("!") or not host:
        return None
    return host


def _conflicting_keys(reprint: Reprint, theirs: str, ours: str, line: int | None, value: Any, read: str) -> Finding:
    """A key of the site's that the config maps onto ``ours`` and that says another thing than the key read
    for it (``ours`` itself, or another of the site's mapped onto it): told at the key not read."""
    said = _shown(reprint.metadata.value(ours))
    if read == ours:
        message = f"'{theirs}' says {_shown(value)}, but '{ours}' says {said}, and the config maps '{theirs}' onto it"
    else:  # two of the site's keys onto one of ours, which the runner would rename in quotes: named bare
        message = f"'{theirs}' says {_shown(value)}, but '{read}' says {said}, and the config maps both onto {ours}"
    finding = _tool_finding(
        reprint,
        "conflicting-keys",
        "metadata",
        ours,
        f"{message}: '{read}' is the one read",
        f"Remove '{theirs}' or '{read}' from the front matter, or make them agree.",
    )
    return finding.replace(line=line, column=1, file=None) if line is not None else finding


def _sidecar_overrides(reprint: Reprint, key: str, line: int, value: Any, theirs: Any) -> Finding:
    """A key the file's own metadata (front matter, a JSON envelope's "metadata") sets that its metadata sidecar
    sets to another value: the sidecar's is read (a sidecar wins over the file), and the file's value, which
    may be the one the article was published under, is not checked. Told at the file's key."""
    import os

    sidecar = os.path.basename(reprint.sidecar[0]) if reprint.sidecar else "the sidecar"
    name = reprint.key_names.get(key, key)
    where = "the envelope's metadata" if reprint.path.lower().endswith(".json") else "the front matter"
    value, theirs = (str(v).lower() if isinstance(v, bool) else v for v in (value, theirs))  # true, as written
    finding = _tool_finding(
        reprint,
        "conflicting-keys",
        "metadata",
        key,
        f"{where} says '{name}' is {_shown(value)}, but the metadata sidecar {sidecar} says {_shown(theirs)}: "
        f"a sidecar wins over the file, so {_shown(theirs)} is the one read",
        f"Remove '{name}' from {sidecar} or from {where}, or make them agree; a sidecar meant for one article "
        f"of several sharing its name is named after that file alone (NAME.html.meta.yaml).",
    )
    column = reprint.key_columns.get(key, 1) if reprint.key_columns else 1
    return finding.replace(line=line, column=column, file=None)


#: Where a finding about something present (media, a forbidden phrase) may be the site's, not the article's.
_SITE_HINT = (
    "It stands outside the page's <{element}>: if it is the site's own (header, menu, sidebar, footer), "
    "leave that element out with the config's skip-elements."
)


#: The same for a newsletter's HTML, whose layout tables have no element that is the article.
_NEWSLETTER_HINT = (
    "If it is the issue's own (its logo, header or footer cell), leave that cell out with the config's "
    "skip-elements (e.g. td.header, td.footer)."
)


ROOT_RELATIVE = "not a reprint: original_url is a path on the site itself (a root-relative address, no host)"


def checked_policy(result: Result, policies: PolicySet, chosen: Policy | None = None) -> Policy | None:
    """The policy a result was checked against: the one chosen for it, else the one its id names (None: it
    was checked against none)."""
    if chosen is not None:
        return chosen
    return policies.get(result.policy) if result.policy in policies else None


def rule_ids(policy: Policy | None) -> set[str] | None:
    """The ids (``policy/rule``) of a policy's rules, or None without a policy."""
    return {f"{policy.id}/{rule.id}" for rule in policy.rules} if policy is not None else None


def root_relative(address: str | None) -> bool:
    """Whether an address is a path on the site it is read on (``/posts/x/``; not ``//host/x``)."""
    written = (address or "").lstrip()
    return written.startswith("/") and not written.startswith(("//", "/\\"))


def _outside_the_article(reprint: Reprint, policy: Policy, findings: list[Finding]) -> list[Finding]:
    """Findings on media or forbidden text outside a whole page's one ``<article>`` get a hint in their fix:
    a site's logo or its footer's "All rights reserved" is page furniture, which ``skip-elements`` leaves out."""
    span = reprint.article
    newsletter = span is None and reprint.metadata.medium == "newsletter"  # an email's tables: no <article>
    if span is None and not newsletter:
        return findings
    hint = _NEWSLETTER_HINT if span is None else _SITE_HINT.format(element=span[2])
    out = []
    for finding in findings:
        rule = policy.rule(finding.rule.partition("/")[2]) if finding.policy == policy.id else None
        present = rule is not None and (
            rule.check == "media" or (rule.check == "text" and getattr(rule.params, "mode", None) == "forbid")
        )
        if present and (span is None or not span[0] <= reprint.offset_of(finding.line, finding.column) < span[1]):
            fix = f"{finding.fix.rstrip('.')}. {hint}" if finding.fix else hint
            finding = finding.replace(fix=fix)
        out.append(finding)
    return out


def severity_of(rule_id: str, severity: dict[str, str]) -> str | None:
    """The severity ``severity`` gives a rule: by its own id, else by its policy's ``<policy>/*``."""
    level = severity.get(rule_id)
    if level is None:
        policy_id, slash, _ = rule_id.partition("/")
        if slash:
            level = severity.get(f"{policy_id}/*")
    return level


def _reseverity(findings: list[Finding], severity: dict[str, str]) -> list[Finding]:
    out = []
    for finding in findings:
        level = severity_of(finding.rule, severity)
        if level == "off":
            continue
        if level is not None and level != finding.severity.value:
            finding = finding.replace(severity=Severity(level))
        out.append(finding)
    return out


_TODAY: tuple[float, dt.date] = (0.0, dt.date.min)
#: Check types that look at media: for their policies one HTML parse serves media and text alike.
_MEDIA_CHECKS = frozenset({"media", "element"})


def _today() -> dt.date:
    """Today's date, looked up at most once a second (it is asked for once per reprint)."""
    global _TODAY
    now = time.monotonic()
    if now >= _TODAY[0]:
        _TODAY = (now + 1.0, dt.date.today())
    return _TODAY[1]


class _Plan:
    """A policy's rules ready to run: their full ids and check functions looked up once, not per reprint."""

    __slots__ = ("_dated", "fields", "media", "policy", "steps")

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.media = any(rule.check in _MEDIA_CHECKS for rule in policy.rules)
        #: The metadata the policy reads: its rules' conditions, and what credits, notices and dates are made of.
        fields = [*_ALWAYS_READ]
        for rule in policy.rules:
            fields += rule.when.fields() if rule.when is not None else []
            if rule.check == "metadata":
                fields.append(rule.params.field)
            elif rule.check == "permission" or (rule.check == "media" and rule.params.mode == "permission"):
                fields.append("commercial")
        self.fields = frozenset(fields)
        self.steps = tuple(
            (rule, f"{policy.id}/{rule.id}", CHECKS[rule.check].check, rule.when) for rule in policy.rules
        )
        self._dated: tuple[dt.date, tuple] = (dt.date.min, ())

    def on(self, today: dt.date) -> tuple:
        """The steps with each rule's :class:`Context` for ``today``, made once a day, not once per rule run.

        One tuple holds the date and the steps, so threads never see one without the other.
        """
        dated = self._dated
        if dated[0] != today:
            policy = self.policy
            dated = self._dated = (
                today,
                tuple((*step, Context(policy, step[0], today)) for step in self.steps),
            )
        return dated[1]


#: The plan of each policy id, for the policy object it was made from (a replaced policy gets a new plan).
_PLANS: dict[str, tuple[Policy, _Plan]] = {}


def run_policy(
    reprint: Reprint, policy: Policy, *, today: dt.date | None = None, severity: dict[str, str] | None = None
) -> list[Finding]:
    today = today or _today()
    plan = derived(_PLANS, policy, _Plan)
    findings: list[Finding] = []
    undecided: dict[str, list[Rule]] = {}
    values: LazyValues | None = None
    meta = reprint.metadata
    if plan.media:
        reprint.media  # noqa: B018 - parse once for both the media and the visible text
    for rule, key, check, when, context in plan.on(today):
        if severity and severity_of(key, severity) == "off":
            continue
        if when is not None:
            verdict = when.evaluate(meta)
            if verdict is None:
                for field in when.fields():
                    if meta.value(field) is None:
                        undecided.setdefault(field, []).append(rule)
                        break
                continue
            if not verdict:
                continue
        for problem in check(rule.params, reprint, context):
            said = problem.headline or rule.message
            message = said if not problem.detail else f"{said} ({problem.detail})"
            fix = problem.fix
            if rule.fix and (fix is None or not problem.specific) and not _fix_for_elsewhere(rule, problem):
                if values is None:
                    values = LazyValues(reprint, policy)
                fix = render(rule.fix, values)
                if names_page_author(reprint, rule.fix):
                    fix += f" ({PAGE_AUTHOR[0].upper()}{PAGE_AUTHOR[1:]}.)"
            if fix and "](" in fix and meta.medium in _ON_PAPER:
                # A page has no hyperlink: the address is written out; on air, the words are said alone.
                fix = as_spoken(fix) if meta.medium == "broadcast" else as_written_out(fix)
            elif fix and reprint.format == "html" and "](" in fix:
                fix = as_html_links(fix)
            if fix and reprint.source is not None and "permissions: [{" in fix:
                fix = as_json_records(fix)
            findings.append(
                Finding(
                    rule=key,
                    policy=policy.id,
                    check=rule.check,
                    severity=rule.severity,
                    message=message,
                    line=problem.line,
                    column=problem.column,
                    fix=fix,
                    file=problem.file,
                    field=problem.field,
                    end_line=problem.end_line,
                    end_column=problem.end_column,
                    confidence=rule.confidence,
                )
            )
    for field, rules in undecided.items():
        findings.append(_missing_metadata(reprint, policy, field, rules))
    if meta.extra:
        findings += _misspelt_keys(reprint, plan.fields)
    if any(record.extra for record in meta.permissions):
        findings += _misspelt_record_keys(reprint)
    if len(findings) > 1:
        findings.sort(key=lambda f: (f.line, f.column))
    return findings


#: A Markdown inline link, as policies write them in fix texts.
_MARKDOWN_LINK = re.compile(r"\[([^\]\n]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)")  # parentheses in pairs, as CommonMark


#: Media with no hyperlinks: a fix's link is written as its words and the address.
_ON_PAPER = frozenset({"print", "broadcast"})


def as_spoken(fix: str) -> str:
    """A fix text's Markdown links as a script read on air gives them: their words alone."""
    return _MARKDOWN_LINK.sub(lambda m: m.group(1), fix)


def as_written_out(fix: str) -> str:
    """A fix text's Markdown links as a printed page gives them: the words, then the address in brackets."""
    return _MARKDOWN_LINK.sub(lambda m: m.group(1) if m.group(1) == m.group(2) else f"{m.group(1)} ({m.group(2)})", fix)


def as_html_links(fix: str) -> str:
    """A fix text's Markdown links written as HTML, for an HTML reprint: what the editor pastes is HTML."""
    import html  # with its table of entities: only for a finding on an HTML reprint, not at start-up

    return _MARKDOWN_LINK.sub(
        lambda m: f'<a href="{html.escape(m.group(2))}">{html.escape(m.group(1), quote=False)}</a>', fix
    )


#: A permission record as a fix writes it for front matter (YAML's flow style), up to its closing "}]".
#: The key is ``permissions``, or the site's own name for it (a config's front-matter mapping).
_YAML_RECORDS = re.compile(r"(?<![\w.\"-])([A-Za-z_][\w-]*): (\[\{.*?\}\])(?=[.;,)]?(?:\s|$))")


#: Permission records a fix adds to the list the metadata has, in YAML's flow style (see :func:`as_added_records`).
_YAML_ADDED = re.compile(r"(\{[^\"]*?\}) added to the (\S+) list")


@lru_cache(maxsize=256)
def as_json_records(fix: str) -> str:
    """A fix's permission records written as JSON, for a reprint that came as a CMS's JSON: what the
    developer pastes into the payload's metadata is JSON, not front matter. Kept by the fix's text (the same
    rule's fix comes again on each page it fails on): PyYAML's reading of the records is ~0.3 ms."""
    import json

    import yaml

    def written(match: re.Match[str]) -> str:
        try:
            records = yaml.safe_load(match.group(2))
        except yaml.YAMLError:
            return match.group(0)  # not a record after all: left as the policy wrote it
        return f"{json.dumps(match.group(1))}: " + json.dumps(records, ensure_ascii=False, default=str)

    def added(match: re.Match[str]) -> str:
        try:
            records = yaml.safe_load(f"[{match.group(1)}]")
        except yaml.YAMLError:
            return match.group(0)
        listed = ", ".join(json.dumps(record, ensure_ascii=False, default=str) for record in records)
        return f"{listed} added to the {match.group(2)} array"

    return _YAML_ADDED.sub(added, _YAML_RECORDS.sub(written, fix))


#: A metadata key and its value as a fix quotes them for front matter ("Add 'author: <name>'").
_QUOTED_KEY = re.compile(r"'([a-z_][a-z0-9_]*): ([^'\n]*)'")
#: A metadata key and a flag's value as a fix gives them in brackets ("correct the metadata (sold: false)").
_BRACKETED_KEY = re.compile(r"\(([a-z_]+): (true|false)\)")
#: A value TOML writes bare: a boolean, a number, a date (or a date's placeholder), an array or a table.
_TOML_BARE = re.compile(r"true|false|-?\d+(?:\.\d+)?|\d{4}-\d{2}-\d{2}\S*|YYYY-MM-DD\S*|[\[{].*")


#: Keys whose value is true or false: their placeholder (``commercial: ...``) is left bare in TOML, where a quoted
#: "false" is a string (Hugo reads any string but "" as true).
_TRUE_OR_FALSE = frozenset(("commercial", *FLAG_KEYS, *OPTIONAL_FLAG_KEYS))


def as_toml(fix: str, *, tables: bool = False) -> str:
    """A fix's front-matter keys written as Hugo's TOML front matter (``+++``) takes them: ``author = "<name>"``
    for ``author: <name>``, and permission records as an inline array of tables. Pasted as YAML, they would
    break the site's build."""
    import json

    import yaml

    def record(match: re.Match[str]) -> str:
        try:
            records = yaml.safe_load(match.group(2))
        except yaml.YAMLError:
            return match.group(0)
        if not isinstance(records, list) or not all(isinstance(item, dict) for item in records):
            return match.group(0)
        return f"{match.group(1)} = [" + ", ".join(_toml_table(item) for item in records) + "]"

    def pair(match: re.Match[str]) -> str:
        key, value = match.groups()
        bare = _TOML_BARE.fullmatch(value) or (value == "..." and key in _TRUE_OR_FALSE)  # "false" is a string
        written = value if bare else json.dumps(value, ensure_ascii=False)
        return f"'{key} = {written}'"

    written, pairs = _QUOTED_KEY.subn(pair, _YAML_RECORDS.sub(record, fix))
    written = _BRACKETED_KEY.sub(
        lambda m: f"({m.group(1)} = {m.group(2)})" if m.group(1) in READ_KEYS else m.group(0), written
    )
    if pairs and tables and written.startswith(("Add ", "add ")):  # "author = ..." after [[permissions]] is the table's
        written += " Write it above the front matter's first [table] heading, or it belongs to that table."
    return written


def _toml_table(item: dict[Any, Any]) -> str:
    """A permission record as a TOML inline table (a date's placeholder, ``YYYY-MM-DD``, left bare)."""
    import json

    def value(found: Any) -> str:
        if isinstance(found, bool):
            return "true" if found else "false"
        if isinstance(found, int | float | dt.date) or found == "YYYY-MM-DD":
            return found.isoformat() if isinstance(found, dt.date) else str(found)
        if isinstance(found, list):
            return "[" + ", ".join(value(each) for each in found) + "]"
        return json.dumps(str(found), ensure_ascii=False)

    return "{" + ", ".join(f"{key} = {value(found)}" for key, found in item.items()) + "}"


def _shown(value: Any) -> str:
    """A metadata value as a message quotes it (a list of names joined, a long one cut)."""
    said = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return repr(said if len(said) <= 80 else said[:77] + "...")


def _tool_finding(reprint: Reprint, name: str, check: str, key: str, message: str, fix: str) -> Finding:
    """A finding of the tool's own (a rule could not be checked, no policy applies), at a metadata key."""
    line, column, file = reprint.meta_place(key)
    return Finding(
        rule=f"{TOOL_POLICY}/{name}",
        policy=TOOL_POLICY,
        check=check,
        severity=Severity.warning,
        message=message,
        line=line,
        column=column,
        fix=fix,
        file=file,
        field=key,
    )


#: The keys that make a file a reprint, as written in front matter.
_REPRINT_KEYS = ("original_url", "policy")


def _near_miss(reprint: Reprint) -> Finding | None:
    """A key of the file's close to one that would make it a reprint (``orginal_url``, ``canonicalUrl``
    where the config maps ``canonicalURL``): the file would be skipped for a typo, and pass unchecked."""
    wanted = {name.lower().replace("-", "_"): name for name in (*_REPRINT_KEYS, *reprint.aliases)}
    for key, own in _keys_not_read(reprint.metadata.extra):
        folded = own.lower().replace("-", "_")
        close = wanted.get(folded)
        # Only a key sharing most letters with a wanted one can be close (difflib's quick_ratio bound): a site's
        # own keys are passed over without importing difflib, a start-up cost for an outlet's own articles.
        if close is None and any(_shares_most_letters(folded, name) for name in wanted):
            import difflib

            close = next((wanted[m] for m in difflib.get_close_matches(folded, wanted, n=1, cutoff=0.85)), None)
        if close is None or _names_the_site_itself(reprint, key, close):
            continue
        named = f"'{close}'" if close in _REPRINT_KEYS else f"'{close}' (the config's name for original_url or policy)"
        return _tool_finding(
            reprint,
            "misspelt-key",
            "metadata",
            key,
            f"'{key}'{_invisible(own)} is no key reprint-guard reads, so this file is not checked as a reprint: "
            f"did you mean {named}?",
            _rename(key, own, close),
        )
    return None


def _names_the_site_itself(reprint: Reprint, key: str, close: str) -> bool:
    """Whether a key close to the one naming the original (``canonical`` for the config's ``canonicalURL``)
    holds the page's own address: root-relative (``/posts/x/``) or on one of ``own-hosts``. Renamed as a
    warning would advise, the file would be skipped as the site's own article; many themes write such a key
    in every post, so a warning there could never point at a reprint."""
    from .readers import nested
    from .urls import own_host_of

    ours = close if close in _REPRINT_KEYS else next((o for o, t in reprint.key_names.items() if t == close), close)
    if ours != "original_url":
        return False
    value = nested(reprint.metadata.extra, key)
    if type(value) is not str or not value.strip():
        return False
    if root_relative(value):
        return True
    host = host_of(as_address(value.strip())) if reprint.own_hosts else None
    return bool(host) and own_host_of(host, reprint.own_hosts) is not None


#: Keys every policy reads (credits, notices, links, dates and permissions), besides its conditions' fields.
_ALWAYS_READ = (
    "author",
    "copyright_holder",
    "original_url",
    "original_published",
    "published",
    "license",
    "permissions",
)


#: The key that chooses a Creative Commons policy when no policy covers the original's site.
_LICENCE_KEY = frozenset({"license"})


def _misspelt_keys(reprint: Reprint, fields: frozenset[str], *, choosing: bool = False) -> list[Finding]:
    """Keys the file sets that reprint-guard does not read, each close to one the policy reads that is not set
    (``exerpt``, ``Modified``, ``comercial``): the rules would run as if it were not there. ``choosing``: the
    key would have chosen the policy (``licence`` for ``license``), and none was."""
    meta = reprint.metadata
    found = []
    for key, own in _keys_not_read(meta.extra):
        close = close_to(own, fields)
        if close is None and own.lower() in _MEDIUM_PLURALS and "medium" in fields:
            close = "medium" if _names_a_medium(meta.extra.get(key) if key == own else None) else None  # media: print
        # False is "not set" only for a flag that defaults to it (modified); commercial: false is said. A value
        # only the config's defaults give is not the file's: its "Commercial: true" would lose to it unsaid.
        defaulted = close in reprint.defaulted
        # The medium is never None: the model reads an unset one as the web's. Unset is its default where no
        # line of the file or its sidecar writes it (and no config default gave it, which `defaulted` says).
        # A value naming no medium (``Medium: https://medium.com/@x/post``, ``mediums: [a]``) is the site's own key.
        unsaid = (
            close == "medium"
            and not defaulted
            and _names_a_medium(meta.extra.get(key) if key == own else None)
            and _medium_unsaid(reprint)
        )
        if close is None or (
            not defaulted
            and not unsaid
            and meta.value(close) not in ((None, [], False) if close in FLAG_KEYS else (None, []))
        ):
            continue
        named = reprint.key_names.get(close, close)
        site_key = SITE_KEYS.get(own.lower().replace("-", "_")) == close  # the site's own name (Hugo's authors)
        rename = _rename(key, own, named)
        fix = (
            f"Map it in the config (front-matter: {{{key}: {named}}}; reprint-guard init proposes it), or "
            f"{rename[0].lower()}{rename[1:]}"
            if site_key
            else rename
        )
        if choosing:
            checked = "no policy was chosen by it"
        elif defaulted and close in reprint.site_places:  # the site's cascade or Jekyll's defaults gave it
            given_in = reprint.site_places[close][0]
            # named as reprint-guard names it: the site file may write it so, not as the page's config maps it
            ours = f"'{close}'" if close == named else f"reprint-guard's '{close}'"
            checked = f"the policy is checked with the value {given_in} gives {ours} ({as_yaml(meta.value(close))})"
        elif defaulted:
            checked = f"the policy is checked with the config's default for '{named}' ({as_yaml(meta.value(close))})"
        elif unsaid:
            checked = f"the policy is checked as if '{named}' were not set (as for the web, the default)"
        else:
            checked = f"the policy is checked as if '{named}' were not set"
        message = f"'{key}'{_invisible(own)} is no key reprint-guard reads, so {checked}: did you mean '{named}'?"
        mapped = reprint.key_names.get(key)  # the config's front-matter maps the site's key onto this one
        if mapped is not None and mapped != key:
            message = (
                f"the config's front-matter maps '{mapped}' onto '{key}', which reprint-guard does not read, so "
                f"{checked}: did you mean '{named}'?"
            )
            fix = f"Correct the config's front-matter mapping to {mapped}: {named} (the file is right as it is)."
        elif site_key and close == "author" and _only_slugs_at(meta.extra, key):
            # A theme's taxonomy terms (dana-whitfield), no names: mapped, the credit would be the slug's.
            message = f"'{key}' holds slugs, not the names a credit gives, so {checked}"
            fix = f"Add '{named}: <the name as credited>' to the metadata (the slugs in '{key}' name no one)."
        found.append(_tool_finding(reprint, "misspelt-key", "metadata", key, message, fix))
    return found


#: Keys a hand writes for ``medium`` that no letter-by-letter likeness finds (``media: print``); taken as it only
#: with a medium's name for a value (a site's ``media:`` may list its pictures).
_MEDIUM_PLURALS = frozenset({"media"})
_MEDIA = frozenset({"web", "print", "newsletter", "broadcast", "social"})


def _names_a_medium(value: object) -> bool:
    return type(value) is str and value.strip().lower() in _MEDIA


def _medium_unsaid(reprint: Reprint) -> bool:
    """The reprint's medium is the model's default (the web) and neither the file nor its sidecar writes it, nor
    ``--meta`` or the config's overrides give it."""
    if reprint.metadata.medium != "web" or "medium" in reprint.key_lines or "medium" in reprint.given:
        return False
    return not (reprint.sidecar and "medium" in reprint.sidecar[1])


#: The keys of a permission record, and what else a CMS or a hand may call one ("scopes", "expiry").
_RECORD_KEYS = frozenset({"from", "date", "scope", "reference", "expires"})
_RECORD_SYNONYMS = {
    "scopes": "scope",
    "uses": "scope",
    "granted": "date",
    "granted_on": "date",
    "date_granted": "date",
    "expiry": "expires",
    "expiration": "expires",
    "expiry_date": "expires",
    "expiration_date": "expires",
    "expires_on": "expires",
    "valid_until": "expires",
    "until": "expires",
    "ref": "reference",
}


def _misspelt_record_keys(reprint: Reprint) -> list[Finding]:
    """A permission record's key that reprint-guard does not read, close to one it does that the record does not
    set (``scopes``, ``expiry``, ``Date``): the record is read without it, so a grant "for no use" is refused
    unexplained, and an expiry misspelt would let a lapsed grant count for good."""
    import difflib

    found = []
    for index, record in enumerate(reprint.metadata.permissions):
        for key in record.extra:
            folded = key.lower().replace("-", "_").replace(" ", "_") if isinstance(key, str) else ""
            meant = _RECORD_SYNONYMS.get(folded) or (folded if folded in _RECORD_KEYS else None)
            if meant is None and folded not in ("original_url", "article"):
                meant = next(iter(difflib.get_close_matches(folded, _RECORD_KEYS, n=1, cutoff=0.75)), None)
            if meant is None or record.as_dict().get(meant) not in (None, []):
                continue  # not ours (a CMS's own note, the article it is for), or the record sets the key too
            named = reprint.key_names.get("permissions", "permissions")
            message = (
                f"'{key}' is no key of a permission record, so record {index + 1} in '{named}' is read without "
                f"it: did you mean '{meant}'?"
            )
            fix = f"Rename '{key}' to '{meant}' in that permission record."
            found.append(_tool_finding(reprint, "misspelt-key", "metadata", "permissions", message, fix))
    return found


def _only_slugs_at(extra: Mapping[Any, Any], key: str) -> bool:
    """Whether the value of a key :func:`_keys_not_read` gives (``params.authors``: under its table) holds
    slugs only."""
    from .readers import nested

    return only_slugs(nested(extra, key))


def _keys_not_read(extra: Mapping[Any, Any]) -> list[tuple[str, str]]:
    """The keys a file sets that reprint-guard does not read, each as the file names it and by its own name:
    those at the top, and those under Hugo's ``params:`` but ours (which are read there): a misspelt
    ``params.orignal_url`` would pass unchecked as ``orignal_url`` at the top would."""
    keys = [(key, key) for key in extra if type(key) is str]
    for table in ("params", "Params", "PARAMS"):
        inner = extra.get(table)
        if isinstance(inner, dict):
            keys += [(f"{table}.{key}", key) for key in inner if type(key) is str and key.lower() not in READ_KEYS]
    return keys


def _invisible(key: str) -> str:
    """What a message adds of a key holding a character that shows nothing (a zero-width space or a soft hyphen
    pasted from a word processor or a CMS's form): the key looks like the one it is not, and the site's
    generator does not read it as that one either."""
    if key.isascii():
        return ""
    import unicodedata

    hidden = [c for c in dict.fromkeys(key) if unicodedata.category(c) == "Cf"]
    if not hidden:
        return ""
    named = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'FORMAT CHARACTER')}" for c in hidden)
    return f" (it holds an invisible character, {named}: retype the key)"


def _invisible_in_value(reprint: Reprint, key: str, value: str) -> Finding:
    """A warning at ``key`` whose value (an address, a licence) held an invisible format character, which the
    checks read it without: the file still holds it, and a template linking the value would publish it."""
    import unicodedata

    from .metaview import without_format_chars

    cleaned = without_format_chars(value)
    # What reading left out (a joiner kept inside the value, and left out at an end, is named too).
    hidden = [c for c in dict.fromkeys(value) if c not in cleaned] or [c for c in value if c in "\u200c\u200d"][:1]
    named = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'FORMAT CHARACTER')}" for c in hidden)
    text = value.strip()
    kept = text.strip("".join(hidden))
    where = (
        "and nothing else"
        if not kept
        else "inside it"
        if any(c in kept for c in hidden)
        else "at its end"
        if text.startswith(kept)
        else ("at its start" if text.endswith(kept) else "at both ends")
    )
    name = reprint.key_names.get(key, key)
    said = "address" if key == "original_url" else "licence"
    plural = "s" if len(hidden) > 1 else ""
    return _tool_finding(
        reprint,
        "invisible-character",
        "metadata",
        key,
        f"'{name}' holds {'invisible characters' if plural else 'an invisible character'} ({named}) {where}, as "
        f"a paste from a word processor or a CMS's form leaves one: the {said} is checked without it, but the file "
        f"still holds it, and a site template that {'links' if said == 'address' else 'shows'} '{name}' "
        "publishes it",
        f"Delete the character{plural} from '{name}' (it shows nothing in most editors: retype the value).",
    )


def _rename(key: str, own: str, meant: str) -> str:
    """The fix for a misspelt key: renamed where it stands (under ``params:``, as its own name there)."""
    if key == own:
        return f"Rename '{key}' to '{meant}'."
    return f"Rename '{own}' under '{key[: -len(own) - 1]}' to '{meant}'."


@lru_cache(maxsize=4096)
def close_to(key: str, fields: frozenset[str]) -> str | None:
    """The field ``key`` looks like a misspelling of (another case, a letter off), or None; asked once per key
    and policy: a site's files share their keys."""
    folded = key.lower().replace("-", "_")
    if folded in fields:
        return folded
    meant = SITE_KEYS.get(folded)
    if meant is not None:  # a site's own spelling of a key (publisher: the source's name, not "published")
        return meant if meant in fields else None
    if folded.startswith(("non", "not_", "no_")) or folded.endswith(("_by", "_from")):
        return None  # its opposite (noncommercial) or another thing (published_by, a name): not a misspelling
    if not any(_shares_most_letters(folded, name) for name in fields):
        return None
    import difflib

    return next(iter(difflib.get_close_matches(folded, fields, n=1, cutoff=0.85)), None)


#: How a value that is a web address starts (a scheme, or "www.").
_ADDRESS_START = ("http://", "https://", "www.")


def _version_4(spdx: str) -> str | None:
    """The bundled policy of the 4.0 licence with the same terms as ``spdx`` (``CC-BY-NC-ND-3.0-US`` ->
    ``cc-by-nc-nd-4.0``), or None for a licence with no 4.0 counterpart (CC0, a public-domain mark)."""
    match = re.fullmatch(r"(CC-BY(?:-NC)?(?:-ND|-SA)?)-\d\.\d(?:-[A-Z]+)?", spdx)
    return f"{match.group(1).lower()}-4.0" if match else None


def _original_elsewhere(reprint: Reprint, policies: PolicySet) -> Finding | None:
    """A key of the file's whose value is an address on a site a policy covers (``source:`` or
    ``canonical_url:`` holding a Global Research article's address): a reprint, perhaps, that names its
    original under a key reprint-guard does not read, and would pass unchecked as the site's own."""
    meta = reprint.metadata
    for key, value in [("source", meta.source), *meta.extra.items()]:  # source: the publisher's name, usually
        if type(value) is not str or not value.lstrip().lower().startswith(_ADDRESS_START):
            continue
        host = host_of(as_address(value.strip()))
        policy = policies.for_host(host) if host else None
        if policy is None:
            continue
        return _tool_finding(
            reprint,
            "original-elsewhere",
            "metadata",
            str(key),
            f"'{key}' holds an address on {host}, which {policy.id} covers, but no key names the original, so "
            "this file is not checked as a reprint",
            f"If it is the original article's address, name the key 'original_url' (or map '{key}: original_url' "
            "under front-matter in the config); if the file is your own, nothing is to be done.",
        )
    return None


def _a_reprint_unnamed(reprint: Reprint, policies: PolicySet) -> Finding | None:
    """A file whose metadata says it is a reprint (the original's publication date, or a covered publisher
    named as its source: ``source: ProPublica``) but names no original: it would be skipped as the site's own,
    unchecked (a CMS's form with the address left blank)."""
    meta = reprint.metadata
    if meta.original_published is not None:
        key, said = "original_published", "the original's publication date (original_published)"
    else:
        named = (meta.source or "").strip().casefold()
        publisher = next((p for p in policies if named and p.publisher.casefold() == named), None) if named else None
        if publisher is None:
            return None
        key, said = "source", f"{publisher.publisher} as its source ({publisher.id} covers it)"
    return _tool_finding(
        reprint,
        "original-url-missing",
        "metadata",
        key,
        f"the metadata gives {said} but no original_url, so this file is not checked as a reprint",
        "Add 'original_url: <address of the original article>' to the metadata.",
    )


@lru_cache(maxsize=8)
def _regex(pattern: str) -> re.Pattern[str]:
    """One of the credit patterns below, compiled when a file with no original_url first asks (milliseconds
    of start-up that a run of reprints never needs)."""
    return re.compile(pattern)


#: Global Research's footer, "The original source of this article is", as its French site (Mondialisation.ca) and
#: the Spanish and Portuguese translations of its articles print it.
_ORIGINAL_SOURCE = (
    r"the original source of this article is|la source originale de cet article est|"
    r"la fuente original de este art[ií]culo es|a fonte original deste artigo [ée]"
)
#: A label line opening with the source ("Source: ", "Fuente:", "Fonte:", French "Source :"; "Источник:",
#: "المصدر:" after a right-to-left mark, "来源：" with Chinese text's full-width colon), in HTML a paragraph
#: (``<p>Fuente: <a href=...>``, as a CMS's body writes it one block to a line).
_SOURCE_LABEL = (
    "(?:^|\n)[ \t*_>\u200e\u200f]*"  # the two marks as characters: RE2 reads no \u escapes
    r"(?:<(?:p|div|li|em|strong|i|b|span|small)(?:\s[^>]*)?>[ \t]*)*"
    r"(?:source|via|vía|courtesy|fuente|fonte|quelle|источник|المصدر|来源|來源|出处|出處)[ \t]*[:：]"
)
#: What a reprint's credit says before the link to its original ("originally published by [ProPublica](...)"),
#: a label line's too ("Fuente: [Global Voices](...)", as "Fuente: Global Voices" is read without its link).
_CREDIT_WORDS = (
    r"(?i)\b(?:originally (?:published|appeared|ran)|first (?:published|appeared|ran) (?:in|on|by|at)|"
    r"republished (?:from|with permission|under)|reprinted (?:from|with permission)|"
    # the words of a blog's or a community site's reprint: "Cross-posted from", "Reposted from", "Reproduced from"
    r"(?:cross-?|re-?)posted (?:from|with permission)|reproduced (?:from|with permission)|"
    r"originally posted (?:at|by)|"
    rf"{_ORIGINAL_SOURCE}|{CREDIT_ELSEWHERE})\b|{CREDIT_IN_SCRIPTS}"
    # "Reproducido de [Global Voices](...)", "Reproduzido de ...", opening a sentence, a line or an element
    r"|(?:^|[\n.!?;*_>)\]])[\s.!?;*_>)\]]*reprodu[cz]id[oa] de\b"
    # "Via [ProPublica](...)", "Courtesy of <a href=...>...</a>": a line of its own, the link all it says (a
    # story's "Via email, one wrote that [a ProPublica report](...)" is no credit)
    r"|(?m:^)[ \t*_>]*(?:<[a-z][^>\n]*>[ \t]*)*(?:courtesy of|via):?[ \t]*"
    rf"|{_SOURCE_LABEL}[ \t*_]*(?:\[[^\]\n]{{0,80}}\]\(|<a\b[^>]*\bhref=[\"']?)?$"
)
#: A web address, to where a Markdown link, an attribute or the line ends it (Python's engine: a search for
#: its literal start; RE2 would be loaded for files that are no reprints).
_ADDRESS = re.compile(r"https?://[^\s)\]\"'<>]+")
#: A line's rest that is a link alone (after "Via", "Courtesy of"): Markdown's or HTML's, and a closing mark.
_LINK_ALONE = re.compile(
    r"[ \t]*(?:\[[^\]\n]{1,80}\]\([^)\s]+\)|<a\b[^>\n]*>[^<\n]{1,80}</a>)[ \t*_.]*(?:</[a-z]+>[ \t]*)*\r?",
    re.IGNORECASE,
)
#: How far before the link the credit's words may stand (a sentence or two).
_CREDIT_REACH = 300


def own_page_credited(
    reprint: Reprint, policies: PolicySet, reason: str, severity: dict[str, str] | None = None
) -> Result:
    """A file taken for the site's own article (its original_url the page itself: a theme's canonical link,
    root-relative or on one of ``own-hosts``) is skipped for ``reason``, unless its body credits an original
    on a site a policy covers: then it is told, as a reprint whose original_url was forgotten is (a saved
    WordPress page always names itself as canonical)."""
    near = _credited_in_body(reprint, policies, own=(reprint.metadata.original_url or "").strip())
    said = _reseverity([near], severity) if near is not None and severity else [near] if near else []
    if said:
        return Result(path=reprint.path, findings=said)
    return Result(path=reprint.path, status="skipped", reason=reason)


#: The spaces a word processor or a CMS writes that are no ASCII space (the no-break space, the thin and narrow
#: ones): a credit's words are read with a space there, as the credit rules read them.
_OTHER_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"


def _as_read(body: str) -> tuple[str, Callable[[int], int]]:
    """``body`` as the credit rules read its words: the other spaces a space, the characters that show nothing
    (a zero-width space, a soft hyphen) left out ("originally&nbsp;pub&shy;lished by"); and, for an index in
    it, the body's index of the same character (where a finding stands). Looked for a character at a time
    (``in`` and ``str.find`` scan ten times as fast as a character class)."""
    if body.isascii():
        return body, _same
    text = body
    for space in _OTHER_SPACES:
        if space in text:
            text = text.replace(space, " ")
    unseen = [char for char in _ZERO_WIDTH_CHARS if char in text]
    if not unseen:
        return text, _same
    at = []
    for char in unseen:
        index = text.find(char)
        while index >= 0:
            at.append(index)
            index = text.find(char, index + 1)
        text = text.replace(char, "")
    at.sort()
    # Each left-out character's index in the text without it (the index of the character after it there).
    gone = [index - count for count, index in enumerate(at)]
    return text, lambda index: index + bisect_right(gone, index)


def _same(index: int) -> int:
    return index


def _credited_addresses(reprint: Reprint, policies: PolicySet) -> Iterator[tuple[int, str, str, Policy]]:
    """Each address on a site a policy covers that the body credits as an original, as a reader sees it
    (credit words before it, "This story was originally published by [ProPublica](https://...)", with no
    other address between them): where it starts, the address (the one a redirect's link leads to), its host
    and the policy covering it."""
    body, where = _as_read(reprint.body)
    for found in _ADDRESS.finditer(body) if "://" in body else ():  # "http" starts each: the scan jumps along
        start = found.start()
        led_to = redirect_target(found.group(0)) if "url" in found.group(0) else found.group(0)
        host = host_of(led_to)
        policy = policies.for_host(host) if host else None
        if policy is None:
            continue
        # the last credit words before it, with no other address between them and it
        said = list(_regex(_CREDIT_WORDS).finditer(body, max(0, start - _CREDIT_REACH), start))[-1:]
        if not said or "://" in body[said[0].end() : start]:
            continue
        if said[0].group(0).rstrip(": \t").lower().endswith(("via", "courtesy of")):
            end = body.find("\n", said[0].end())
            if not _LINK_ALONE.fullmatch(body, said[0].end(), end if end >= 0 else len(body)):
                continue  # the link is not all the line says: "Via email, one wrote that [a report](...)"
            if _under_a_picture(body, body.rfind("\n", 0, said[0].end()) + 1):
                continue  # "*Via [ProPublica](...)*" under a chart: the chart's source
        if ":" in said[0].group(0) or "：" in said[0].group(0):  # a label line: "Fuente: [Global Voices](...)"
            if _under_a_picture(body, said[0].start() + (said[0].group(0)[0] == "\n")):
                continue  # under a chart: the chart's source, as the name alone is
            line = body[said[0].start() :].lstrip("\n").partition("\n")[0]
            named = re.sub(r"<[^>]*>", "", _MARKDOWN_LINK.sub(r"\1", line.replace("：", ":", 1)))
            named = named.partition(":")[2].strip(" \t*_.。")
            if not _opens_with_a_name(named, policy):
                continue  # "Fuente: [análisis de Global Research](...)" cites; the name ("... en Español") credits
        if len(list(reprint.visible_indices([where(said[0].start()), where(start)]))) < 2:
            continue  # in code, a comment or raw HTML the page leaves out: not what a reader is told
        address = found.group(0)
        visible = reprint.visible
        key = normalize_url(address)
        if address not in visible.raw_text and not any(normalize_url(a) == key for a in visible.anchors):
            continue  # in a script's template, a hidden element: no link a reader follows
        yield where(start), led_to, host, policy  # type: ignore[misc] - host is set where a policy covers it


def _opens_with_a_name(words: str, policy: Policy) -> bool:
    """Whether a source label's ``words`` are the publisher's name, with two words at most after it ("Global
    Voices en Español"), not a citation of its work ("Global Research analysis of state data")."""
    said = " ".join(words.split()).lower()
    return any(
        said.startswith(name.lower()) and len(re.findall(r"\w+", said[len(name) :])) <= 2
        for name in publisher_names(policy)
    )


def _second_original(reprint: Reprint, policies: PolicySet, policy: Policy) -> Finding | None:
    """A warning when a newsletter issue checked against ``policy`` also credits an original on a site another
    policy covers, not one ``policy`` extends or is extended by: a second story, whose terms go unchecked
    (an issue is one file, checked as one reprint). Asked of newsletters only: a web page's roundup of links
    is rarer, and a scan of every page's addresses is not paid for on every reprint."""
    related = {p.id for p in policies.chain(policy)}
    for start, address, host, other in _credited_addresses(reprint, policies):
        if other.id in related or policy.id in {p.id for p in policies.chain(other)}:
            continue
        line, column = reprint.position(start)
        return Finding(
            rule=f"{TOOL_POLICY}/second-original",
            policy=TOOL_POLICY,
            check="metadata",
            severity=Severity.warning,
            message=f"The newsletter also credits {address} as an original, on {host}, which {other.id} covers: "
            f"it is checked as one reprint, against {policy.id}, and that story's terms are not checked",
            line=line,
            column=column,
            fix="Check each story of the issue as a file of its own (its web copy, or a file per story with its "
            "metadata); if this link only cites the other story, nothing is to be done.",
        )
    return None


def _credited_in_body(reprint: Reprint, policies: PolicySet, own: str | None = None) -> Finding | None:
    """A file whose metadata names no original, but whose body credits one on a site a policy covers
    ("This story was originally published by [ProPublica](https://www.propublica.org/article/...)"): a
    reprint whose original_url was forgotten, the likeliest slip, which would otherwise pass unchecked. A
    credit naming such a publisher without its address is told too (:func:`_credited_by_name`). ``own``: the
    original_url the metadata gives, of the site's own page."""
    for start, address, host, policy in _credited_addresses(reprint, policies):
        said = f"credits {address} as its original, on {host}, which {policy.id} covers"
        if _home_page_of(address) is not None:  # the credit's link is the site's home page: no article's address
            said += " (a link to its home page, not to the article)"
            address = "<the original article's address>"
        return _credited_original(reprint, start, said, address, own)
    return _credited_by_name(reprint, policies, own)


#: An <img>'s or a <script>'s address on another site, for a publisher's republication pixel or counter. Its
#: attributes before ``src`` are read up to the next "<" or ">" and 2,000 characters at most: a search from an
#: "<img " that starts no tag (a code sample's ten thousand) stops there, not at the page's next ">".
_ELEMENT_SRC = re.compile(
    r"<(img|script)\b[^<>]{0,2000}?\ssrc\s*=\s*[\"']?((?:https?:)?//[^\"'\s<>]{1,4000})", re.IGNORECASE | re.ASCII
)
#: A ``{name}`` in an element rule's pattern (the original's id, say): the metadata names no original to fill it.
_ELEMENT_PLACEHOLDER = re.compile(r"(?<!\\[pPx])\{[A-Za-z_][A-Za-z0-9_]*\}")


def _republication_pixel(reprint: Reprint, policies: PolicySet) -> Finding | None:
    """A page whose metadata names no original, but which carries a covered publisher's republication pixel
    or counter, as its element rule knows it (CalMatters' ``?republication-pixel=true&post=...``, The
    Conversation's ``counter.theconversation.com/content/.../count.gif``): the republish box's HTML, pasted
    whole into a newsletter issue with no metadata, would otherwise pass unchecked as the site's own."""
    body = reprint.body
    if "//" not in body or not ("<img" in body or "<script" in body or "<IMG" in body or "<SCRIPT" in body):
        return None
    import html

    covering: dict[str, Policy | None] = {}
    for found in _ELEMENT_SRC.finditer(body):
        address = html.unescape(found.group(2))
        host = host_of(address if "://" in address else f"https:{address}")
        if not host:
            continue
        if host not in covering:
            covering[host] = policies.for_host(host)
        policy = covering[host]
        if policy is None:
            continue
        tag = found.group(1).lower()
        for rule in policy.rules:
            if rule.check != "element" or getattr(rule.params, "tag", "img") != tag:
                continue
            pattern = _ELEMENT_PLACEHOLDER.sub(".*", rule.params.pattern)
            if compile_pattern(pattern).search(address) is None:
                continue
            if not list(reprint.visible_indices([found.start()])):
                break  # in a comment, or raw HTML the page leaves out: no pixel a mail client loads
            said = f"carries the republication pixel {policy.publisher} asks republishers to keep ({address})"
            return _credited_original(reprint, found.start(), said, "<the original article's address>")
    return None


def _credited_original(reprint: Reprint, index: int, said: str, address: str, own: str | None = None) -> Finding:
    """The warning that the body credits an original (``said``: how) the metadata does not name (``own``: the
    site's own page it names instead)."""
    line, column = reprint.position(index)
    named = f"its original_url ({own}) is the site's own page" if own else "the metadata names no original_url"
    where = " (a sidecar NAME.meta.yaml overrides a page's canonical link)" if own else ""
    return Finding(
        rule=f"{TOOL_POLICY}/credited-original",
        policy=TOOL_POLICY,
        check="metadata",
        severity=Severity.warning,
        message=f"The article {said}, but {named}, so it is not checked as a reprint",
        line=line,
        column=column,
        fix=f"If it is a reprint, {'set' if own else 'add'} 'original_url: {address}' {'in' if own else 'to'} the "
        f"metadata{where}; if the article is your own and only cites it, nothing is to be done.",
        field="original_url",
    )


#: Words that credit another publisher with the story, followed by its name ("Story courtesy of ProPublica").
_CREDIT_BY_NAME = (
    r"(?i)\b(?:originally (?:published|appeared|ran) (?:in|on|by|at)|first (?:published|appeared|ran) (?:in|on|by|at)|"
    r"republished (?:from|with permission (?:of|from))|reprinted (?:from|with permission (?:of|from))|"
    r"(?:cross-?|re-?)posted (?:from|with permission (?:of|from))|reproduced (?:from|with permission (?:of|from))|"
    # The taken-from words unanchored: _of_this_story tells whether they open their sentence.
    rf"(?:story|article|reporting) courtesy of|{_ORIGINAL_SOURCE}|{CREDIT_ELSEWHERE_WORDS}|{CREDIT_TAKEN_FROM}|"
    r"reproducid[oa] (?:de|desde|con permiso de)|reproduzid[oa] (?:de|do|da|com permissão de))\b"
    rf"|{CREDIT_IN_SCRIPTS}"
    # A label line: "Source: ProPublica" (the name alone), in the reprint's language too ("Fuente:", "Fonte:").
    rf"|{_SOURCE_LABEL}"
)
#: The same, for RE2's first look: its word boundaries are ASCII's, which "publié" does not end on.
_CREDIT_BY_NAME_ANYWHERE = _CREDIT_BY_NAME.replace(r"\b", "")
#: What a credit of the story itself opens its sentence with, before its words ("This story was", "It"; in
#: Spanish, Portuguese, French, Italian, German and Indonesian too, where the author's name may follow:
#: "Este artículo de Ana Ruiz fue", "Artikel karya Ana Ruiz ini"; in Russian, "Статья Алёны Ивановой").
_THIS_STORY = (
    r"(?:(?:this|the) (?:story|article|piece|report|post|essay|column|feature|investigation)|it)"
    r"(?: (?:was|has been|is|first))?$"
    r"|(?:este|esta|el|la|o|a) (?:artículo|articulo|historia|nota|reportaje|texto|crónica|artigo|reportagem|"
    r"matéria|materia|história)(?: (?:de|por) [^,;:]{1,60}?)?(?: (?:fue|ha sido|foi|é))?$"
    r"|(?:cet|cette|l') ?(?:article|reportage|texte|enquête)(?: de [^,;:]{1,60}?)?(?: (?:a été|a|est))?$"
    r"|quest[o'] ?(?:articolo|testo)(?: di [^,;:]{1,60}?)?(?: (?:è stato|e stato))?$"
    r"|(?:dieser|der) (?:artikel|text|beitrag)(?: von [^,;:]{1,60}?)?(?: (?:wurde|ist))?$"
    r"|(?:artikel|tulisan|laporan|berita)(?: karya [^,;:]{1,60}?)? ini(?: (?:telah|sudah))?$"
    r"|(?:статья|материал|публикация|текст)(?: [^,;:]{1,60}?)?(?: был[аои]?)?$"
)


def _of_this_story(body: str, start: int) -> bool:
    """Whether the credit's words at ``start`` open their sentence or line, or follow "This story (was)": a
    credit of the story itself, not a story's citation of another's work. The Chinese and Arabic words say
    "this article" themselves; Russian ones do not ("Доклад был впервые опубликован" cites a report)."""
    if not body[start : start + 1].isascii() and not "\u0400" <= body[start] <= "\u04ff":
        return True
    before = body[max(0, start - 100) : start]
    clause = re.split(r"[.!?]\s|\n|[*_>#\[(。！？]", before)[-1].strip().lower()
    return not clause or _regex(_THIS_STORY).search(clause) is not None


#: How far after the credit's words the publisher's name may stand.
_NAME_REACH = 80


def _credited_by_name(reprint: Reprint, policies: PolicySet, own: str | None = None) -> Finding | None:
    """A file whose metadata names no original, but whose visible text credits a publisher a policy covers by
    its name alone ("This story was originally published by ProPublica."): a reprint whose original_url was
    forgotten, and whose link to the original was left out too."""
    body, where = _as_read(reprint.body)
    # Most of a site's own articles: one scan, by RE2 (Python's engine tries every position: 25 times slower).
    if compile_pattern(_CREDIT_BY_NAME_ANYWHERE, own=True).search(body) is None:
        return None

    covering = {id(policy): policy for domain in policies.domains() if (policy := policies.for_host(domain))}
    shown = reprint.visible.raw_text
    for found in _regex(_CREDIT_BY_NAME).finditer(body):
        if not _of_this_story(body, found.start()):
            continue  # "A 2019 investigation originally published by Grist found...": a citation
        window = body[found.end() : found.end() + _NAME_REACH]
        address = window.find("://")
        if address >= 0:  # up to an address: a credit with one is told, or passed over, by its address
            window = window[:address]
        label = found.group(0).endswith((":", "："))
        if label and _under_a_picture(body, found.start()):
            continue  # "Source: ProPublica" under a chart: the chart's source, in a story of one's own
        if label:  # "Source: ProPublica" credits; "Source: ProPublica analysis of state data" cites
            window = _MARKDOWN_LINK.sub(r"\1", window.partition("\n")[0])
            window = re.sub(r"<[^>]*>", "", window).strip(" \t*_.。")  # "<p>Fuente: Global Voices</p>": its tags
        named = []  # each policy's name the words give, the nearest first ("by ProPublica. Source: Global Research")
        for policy in covering.values():
            for n in publisher_names(policy):
                at = (0 if window == n else -1) if label else find_phrase(window, n, cased=True)
                if at >= 0 and find_phrase(shown, n, cased=True) >= 0:
                    named.append((at, -len(n), n, policy))
        for _, _, name, policy in sorted(named, key=lambda found: found[:2])[:1]:
            # As written, from the credit's words to the name: "a d'abord été publié par Global Voices".
            through = find_phrase(window, name, cased=True) if not label else -1
            if through < 0:
                words = f"{found.group(0)} {name}"
            else:  # as written, the name's address whole ("www.globalresearch.ca/island-ferry/5890011")
                end = through + len(name)
                while "." in name and end < len(window) and not window[end].isspace() and window[end] not in "<>)]":
                    end += 1
                words = (found.group(0) + window[:end]).rstrip(".,;:")
            words = _MARKDOWN_LINK.sub(r"\1", words)
            if address >= 0 and words.count("[") > words.count("]"):  # cut before its link's address: "[ProPublica"
                at = words.rfind("[")
                words = words[:at] + words[at + 1 :]
            words = " ".join(words.replace("*", " ").replace("_", " ").split())
            said = f"credits {name} with the story ({words.lstrip('> ')}), which {policy.id} covers"
            at = where(found.start() + (found.group(0)[0] == "\n"))
            return _credited_original(reprint, at, said, "<the original article's address>", own)
    return None


#: Pandoc's attributes in braces: ``{.class}``, ``{#id}``, ``{key=value}``, several apart by spaces, a value quoted
#: or not (``{.external target="_blank"}``, ``{width=50%}``). Kramdown's ``{: .class}`` is none; bounded (a linear
#: search).
_PANDOC_ATTRIBUTES = r"""\{(?:[.#][A-Za-z][\w.#:=%/ "'-]{0,100}|[A-Za-z][\w-]*=[^{}\n]{0,100})\}"""
#: Pandoc's bracketed span, ``[words]{.class}`` (``{#id}``, ``{key=value}`` too), which a converter from Word or
#: Google Docs writes (underlined link text): CommonMark and GFM have none, and show it as written. A link's
#: ``[words](...)`` and Kramdown's ``{: .class}`` are no span; the words' length is bounded (a linear search).
PANDOC_SPAN = re.compile(rf"(?<![\\!\]])\[([^\[\]\n]{{1,300}})\]({_PANDOC_ATTRIBUTES})")
#: Pandoc's attributes after a link's or an image's address (``[words](https://...){.external target="_blank"}``,
#: ``![Map](map.png){width=50%}``), which CommonMark shows as text after the link: group 1. The address (with
#: parentheses one deep) and its title are bounded and read possessively (a linear search).
PANDOC_LINK_ATTRIBUTES = re.compile(
    r"""\]\((?:[^()\s]|\([^()\s]{0,300}\)){0,2000}+(?:[ \t]{1,8}(?:"[^"\n]{0,300}"|'[^'\n]{0,300}'))?\)"""
    rf"({_PANDOC_ATTRIBUTES})"
)
#: The attributes alone, where a finding stands (for ``--fix``).
_ATTRIBUTES_AT = re.compile(_PANDOC_ATTRIBUTES)


def pandoc_markup(reprint: Reprint) -> list[tuple[int, int, str, str, str]]:
    """Pandoc's markup a Markdown reprint's page shows as written (CommonMark has none), in order: each bracketed
    span (``[ProPublica]{.underline}``) and each link's or image's attributes (``](...){target="_blank"}``), as
    (start, end, its words, its attributes, "span", "link" or "image"). Not in a comment or code, nor what is read
    as something else (a link's words)."""
    body = reprint.body
    found: list[tuple[int, int, str, str, str]] = []
    # "{" first: one character is found as memchr finds it, where a search for two reads the text a character
    # at a time (5-8 µs each on an article beyond Latin-1; the brace is in few pages)
    if "{" not in body:
        return found
    spans = "]{" in body
    links = "){" in body
    if not spans and not links:
        return found
    shown = reprint.visible.raw_text
    if spans:
        for span in PANDOC_SPAN.finditer(body):
            if span.group(0) in shown and list(reprint.visible_indices([span.start()])):
                found.append((span.start(), span.end(), span.group(1), span.group(2), "span"))
    if links:
        for link in PANDOC_LINK_ATTRIBUTES.finditer(body):
            start, attribute = link.start(1), link.group(1)
            if attribute in shown and list(reprint.visible_indices([start])):
                kind = "image" if _an_image(body, link.start()) else "link"
                found.append((start, link.end(1), "", attribute, kind))
    return sorted(found)


def _an_image(body: str, close: int) -> bool:
    """Whether the ``]`` at ``close`` ends an image's alternative text (``![Map]``): its ``[`` (nesting counted,
    within a few hundred characters) follows a ``!``."""
    depth = 0
    for at in range(close, max(-1, close - 400), -1):
        char = body[at]
        if char == "]":
            depth += 1
        elif char == "[":
            depth -= 1
            if not depth:
                return at > 0 and body[at - 1] == "!"
    return False


def _pandoc_spans(reprint: Reprint, markup: list[tuple[int, int, str, str, str]]) -> list[Finding]:
    """A warning at each piece of Pandoc's markup (:func:`pandoc_markup`) a Markdown reprint's page shows as
    written: a span (``[ProPublica]{.underline}`` inside a credit's link, from a paste Pandoc converted), told
    at the span, or a link's attributes, told at them. ``--fix`` takes the markup out."""
    found = []
    for start, end, words, attribute, kind in markup:
        line, column = reprint.position(start)
        end_line, end_column = reprint.position(end)
        if kind == "span":
            message = (
                f"Pandoc's span [{words}]{attribute} shows as written, brackets and {attribute}: the page's Markdown "
                "(CommonMark) has no such spans (a credit is read through it, as its words)"
            )
            remove = f"Remove {attribute} and the brackets around {words}"
        else:
            message = (
                f"Pandoc's {kind} attributes {attribute} show as written after the {kind}: the page's Markdown "
                "(CommonMark) has no such attributes (a credit is read without them)"
            )
            remove = f"Remove {attribute} after the {kind}"
        found.append(
            Finding(
                rule=f"{TOOL_POLICY}/pandoc-span",
                policy=TOOL_POLICY,
                check="text",
                severity=Severity.warning,
                message=message,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                fix=f"{remove} (if the site renders its Markdown with Pandoc or Quarto, which read them, set "
                "reprint-guard/pandoc-span to off in the config's severity).",
            )
        )
    return found


def _read_through_markup(
    reprint: Reprint,
    policy: Policy,
    findings: list[Finding],
    markup: list[tuple[int, int, str, str, str]],
    today: dt.date | None,
    severity: dict[str, str] | None,
) -> list[Finding]:
    """``findings`` without those of a rule that passes once Pandoc's markup is read as its words (a span as its
    words, a link's attributes left out): "originally published by [ProPublica]{.underline}" is the credit, and
    ``pandoc-span`` tells of the brackets, so the credit's rule does not fail beside it for the same text. The
    rest stand as told (their places the file's).

    Only a credit's rules (attribution, link, licence) may be left out so, and only when every span's words are
    plain words: words that are Markdown or HTML (a fence's backticks, "<!--") read as such would make another
    page, one that could hide a missing credit or a photo; and text written in an attribute shows on the page,
    so a forbidden phrase there is told."""
    if not any(finding.check in _READ_THROUGH for finding in findings):
        return findings
    if not all(_PLAIN_WORDS.fullmatch(words) for _, _, words, _, kind in markup if kind == "span"):
        return findings
    pieces, done = [], 0
    for start, end, words, _, _ in markup:
        pieces += (reprint.body[done:start], words)
        done = end
    other = reprint.with_body("".join(pieces) + reprint.body[done:])
    if other is None:
        return findings
    failing = {finding.rule for finding in run_policy(other, policy, today=today, severity=severity)}
    return [finding for finding in findings if finding.check not in _READ_THROUGH or finding.rule in failing]


#: The checks a credit is read by: their findings are the ones Pandoc's markup in a credit can make.
_READ_THROUGH = frozenset({"attribution", "link", "license"})
#: A span's words that read as words alone in any Markdown around them: letters, digits, spaces and a sentence's
#: punctuation (no backtick, bracket, angle bracket, emphasis mark, entity or line-leading marker).
_PLAIN_WORDS = re.compile(r"[^\W_]+(?:[ \t.,;:'’\-]+[^\W_]+)*[.,;:]?")


def without_pandoc_spans(source: str, findings: list[Finding]) -> tuple[str, list[Finding]] | None:
    """``source`` with each span a ``pandoc-span`` finding stands at written as its words alone, and each link's
    attributes one stands at left out (what ``--fix`` does first, so that a credit read through it is the credit,
    and no second one is added), and those findings; None when there is none."""
    spans = [f for f in findings if f.rule == f"{TOOL_POLICY}/pandoc-span" and f.suppressed is None]
    if not spans or ("\r" in source and "\n" not in source):
        return None
    text, done = source, []
    for finding in sorted(spans, key=lambda f: (f.line, f.column), reverse=True):
        at = 0
        for _ in range(finding.line - 1):
            at = text.find("\n", at) + 1
            if not at:
                break
        if (not at and finding.line > 1) or finding.file is not None:
            continue
        at += finding.column - 1
        span = PANDOC_SPAN.match(text, at)
        if span is not None:
            text = text[:at] + span.group(1) + text[span.end() :]
        elif text[at - 1 : at] == ")" and (attributes := _ATTRIBUTES_AT.match(text, at)) is not None:
            text = text[:at] + text[attributes.end() :]
        else:
            continue
        done.append(finding)
    return (text, done) if done else None


def _under_a_picture(body: str, start: int) -> bool:
    """Whether the line at ``start`` follows a picture (a Markdown image, an <img> or a figure), blank
    lines aside: a caption's "Source:" line."""
    above = body[:start].rstrip()
    line = above[above.rfind("\n") + 1 :].strip().lower()
    return line.startswith(("![", "<img", "<figure", "<picture", "{{< figure", "{{<figure")) or line.endswith(
        ("</figure>", "</picture>")
    )


def _shares_most_letters(a: str, b: str, cutoff: float = 0.85) -> bool:
    """Upper bounds of difflib's ratio, cheapest first: the shorter one's length, then the letters the two
    have in common, counted with repeats (a site's ``tags`` or ``draft`` fails the first or the second)."""
    total = cutoff * (len(a) + len(b))
    if 2 * min(len(a), len(b)) < total:
        return False
    return 2 * sum(min(a.count(char), b.count(char)) for char in set(a)) >= total


def _fix_for_elsewhere(rule: Rule, problem: Problem) -> bool:
    """Whether the check's own fix ("Move the link to the top") beats the rule's: the credit is there but not
    where asked, and the rule's ``fix`` is the one it inherits, written for a rule that asked for no such place
    (an amendment gave ``position`` and none since gave a ``fix``, however far up the ``extends`` chain: the
    loader walks it into ``position_after_fix``)."""
    return rule.position_after_fix and problem.detail is not None and THERE_BUT_ELSEWHERE in problem.detail


def _kind_of_value(field: str) -> str:
    """What a metadata key holds, as its fix asks for it: a flag's true or false, a date's form, else a value."""
    from .metadata import Metadata

    known = Metadata.model_fields.get(field)
    kinds = set(get_args(known.annotation) or (known.annotation,)) - {type(None)} if known else set()
    if kinds == {bool}:
        return "true or false"
    if kinds and kinds <= {dt.date, dt.datetime}:
        return "a date, YYYY-MM-DD"
    if len(kinds) == 1 and issubclass(kind := next(iter(kinds)), Enum):
        return "one of " + ", ".join(str(member.value) for member in kind)
    return "a value"


def _missing_metadata(reprint: Reprint, policy: Policy, field: str, rules: list[Rule]) -> Finding:
    names = ", ".join(f"{policy.id}/{r.id}" for r in rules)
    example = _kind_of_value(field)
    from .policy.validate import misspelt_field

    misspelt = misspelt_field(field)
    if misspelt is not None:  # the policy's slip (validate refuses it), not the reprint's: no typo into content
        condition = rules[0].origin if rules and rules[0].origin != policy.id else policy.id
        where = f" ({policy.path})" if policy.path and condition == policy.id else ""
        return _tool_finding(
            reprint,
            "missing-metadata",
            "metadata",
            field,
            f"{names} could not be checked: its condition {misspelt}",
            f"Correct the condition's field in policy {condition}{where}: '{field}' is no key a reprint sets "
            "(reprint-guard validate tells its line).",
        )
    return _tool_finding(
        reprint,
        "missing-metadata",
        "metadata",
        field,
        f"'{field}' is not set, so {names} could not be checked",
        f"Add '{field}: ...' ({example}) to the metadata, or set a default for it.",
    )


#: CC0 and the Public Domain Mark, as SPDX ids and deed paths name them: no licence, so no terms.
#: A licence value that is wholly a public-domain designation: CC0 (its SPDX id, name or deed), the Public Domain
#: Mark, or "public domain"; a value naming one beside another licence ("CC BY-NC-ND 4.0 (cover photo: CC0)")
#: or denying one ("Not public domain: ...") is none.
_PUBLIC_DOMAIN = re.compile(
    r"(?:creative commons )?(?:cc[ -]?0|cc[ -]zero|creative commons zero)(?:[ -]v?1\.0)?(?: universal)?"
    r"(?: (?:public domain dedication|public domain|dedication|license|licence))?"
    r"|(?:cc[ -])?(?:public[ -]domain(?: mark| dedication)?|pdm)(?:[ -]v?1\.0)?(?: universal)?|cc-pddc"
    r"|(?:(?:https?:)?//)?(?:www\.)?creativecommons\.org/publicdomain/(?:zero|mark)/1\.0"
    r"(?:/(?:deed|legalcode)(?:\.[a-z]{2,3}(?:[-_][a-z]{2,4})?)?)?/?(?:[?#]\S*)?",
    re.IGNORECASE,
)


def public_domain(license: str | None) -> str | None:
    """Why a reprint under ``license`` has no terms to check, when it is CC0 or the Public Domain Mark (a
    work given to, or marked as in, the public domain asks for no credit and sets no conditions), else None."""
    written = (license or "").strip()
    # Each part of it, a parenthesis's too, one of those ("CC0 1.0 Universal (CC0 1.0) Public Domain Dedication",
    # "Public Domain (CC0)"), as written in a form, a link's <...> or a sentence's stop aside.
    parts = [kept for part in re.split(r"[()]", written.strip("<>").rstrip(". ")) if (kept := " ".join(part.split()))]
    if not parts or not all(_PUBLIC_DOMAIN.fullmatch(part) for part in parts):
        return None
    return (
        f"not checked: the license {written!r} puts the original in the public domain (CC0 or the Public "
        "Domain Mark), which asks for no credit and sets no conditions; no policy covers its site"
    )


def _unknown_publisher(reprint: Reprint, policies: PolicySet | None = None) -> Finding:
    original = reprint.metadata.original_url or ""
    host = host_of(as_address(original))
    if host is None:
        return _tool_finding(
            reprint,
            "unknown-publisher",
            "policy",
            "original_url",
            f"original_url {original!r} is not a web address, so no policy can be chosen for it",
            "Set 'original_url' to the original article's address (https://...), or 'policy: <id>'.",
        )
    if host in ARCHIVE_HOSTS:  # read as the page archived, when its address could be read (urls.unarchived)
        return _tool_finding(
            reprint,
            "unknown-publisher",
            "policy",
            "original_url",
            f"original_url is an address at a web archive ({host}), and the address of the page archived there "
            "could not be read from it, so no policy can be chosen for it",
            "Set 'original_url' to the live article's address (https://..., the page the archive copied), or "
            "'policy: <id>'.",
        )
    license = reprint.metadata.license
    if license:  # it was tried after the host, and named no Creative Commons 4.0 licence bundled
        from .licenses import normalize_license

        known = normalize_license(license)
        # Named by its id however the metadata spells it ("CC BY-NC-ND 3.0", "CC-BY-NC-ND-3.0"): the message is
        # the finding's identity (a baseline's, a SARIF fingerprint's), the same for the same licence.
        said = known or license.strip()
        why = (
            "is not 4.0: only Creative Commons 4.0 licences choose a policy by themselves"
            if known
            else ("names no Creative Commons licence known here")
        )
        if known and (ported := re.fullmatch(r"(CC-[A-Z-]+-4\.0)-[A-Z]+", known)):
            # A 4.0 licence is international: "CC-BY-NC-ND-4.0-INT" or a deed's ".../by/4.0/es/" names no port.
            why = "names no licence: a Creative Commons 4.0 licence has no country version or other suffix "
            why += f"(did you mean {ported[1]}?)"
            fix = f"Write the license as {ported[1]}, the one international 4.0 licence, or set 'policy: <id>'."
        elif known:  # another version of a licence known here: its own id stays; the 4.0 policy is a choice
            nearest = _version_4(known)
            fix = f"Add a policy for {host} (--policy FILE or --rules-dir DIR)"
            fix += (
                f" that extends {nearest} and lists {known} in its license rule (licenses: [{known}]): the 4.0 "
                f"licence's terms are an approximation of {known}'s, the one the bundled policies of publishers under "
                "3.0 licences make (set 'policy: " + nearest + "' alone and its license rule refuses the licence)."
                if nearest
                else ", or set 'policy: <id>' in the metadata."
            )
        else:
            from .licenses import code_of, elements_in

            code = code_of(sorted(elements_in(license)))  # an example keeping the elements it names
            fix = (
                f"Write the license as an SPDX id (CC-{(code or 'by-nd').upper()}-4.0) or a deed URL, add a policy for "
                f"{host} (--policy FILE or --rules-dir DIR), or set 'policy: <id>' in the metadata."
            )
        return _tool_finding(
            reprint,
            "unknown-publisher",
            "policy",
            "license",
            f"no policy covers {host}, and the license {said!r} {why}; the reprint terms could not be checked",
            fix,
        )
    # A saved page names itself as canonical: where its body credits an original a policy covers, the likeliest
    # reading is the site's own address in original_url, and that story's terms unchecked: said first.
    credited = next(_credited_addresses(reprint, policies), None) if policies is not None else None
    if credited is not None:
        _, address, credited_host, covering = credited
        return _tool_finding(
            reprint,
            "unknown-publisher",
            "policy",
            "original_url",
            f"no policy covers {host}, so the reprint terms could not be checked; the article credits {address} "
            f"as its original, on {credited_host}, which {covering.id} covers",
            f"If {host} is your own site (a canonical URL pointing at the page itself), list it under own-hosts in "
            f"the config and set 'original_url: {address}' in the metadata (a sidecar NAME.meta.yaml overrides a "
            f"page's canonical link); else add a policy for {host}.",
        )
    linked = _linked_licence(reprint)
    fix = (
        f"Set 'license: {linked}' in the metadata, the licence the article links to, to check it against "
        f"{linked.lower()}'s terms; or add a policy for {host} (--policy FILE or --rules-dir DIR)"
        if linked
        else f"Add a policy for {host} (--policy FILE or --rules-dir DIR), or set 'policy: <id>' in the metadata"
    )
    return _tool_finding(
        reprint,
        "unknown-publisher",
        "policy",
        "original_url",
        f"no policy covers {host}, so the reprint terms could not be checked"
        + (f" (the article links to the {linked} licence, but 'license' is not set)" if linked else ""),
        f"{fix}; if {host} is your own site (a canonical URL pointing at the page itself), list it under "
        "own-hosts in the config.",
    )


def _linked_licence(reprint: Reprint) -> str | None:
    """The Creative Commons 4.0 licence the article links to, when it links to one only and a bundled policy
    is that licence's: what the missing ``license`` most likely is (asked only when no policy applies)."""
    from .licenses import normalize_license

    try:
        links = reprint.visible.links
    except ReprintGuardError:
        return None
    deeds = [link for link in links if "creativecommons.org/licenses/" in link]
    if deeds and reprint.format == "html":
        # A page's footer may give the site's own licence: only a deed linked inside its article counts,
        # and on a page with a footer and no one article, none.
        from html import escape

        from .reprint import article_tags

        span = article_tags(reprint.body, reprint.skip)
        if span is None and "<footer" in reprint.body.lower():
            return None
        if span is not None:
            deeds = [
                link
                for link in deeds
                if any(reprint.body.find(written, *span) >= 0 for written in (link, escape(link)))
            ]
    found = {spdx for link in deeds if (spdx := normalize_license(link))}
    spdx = found.pop() if len(found) == 1 else None
    return spdx if spdx is not None and spdx.endswith("-4.0") else None
