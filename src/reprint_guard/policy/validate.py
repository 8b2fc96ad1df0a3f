"""``reprint-guard validate``: every problem in a policy file, at file:line:column.

Beyond the JSON Schema: unknown ``extends``, duplicate rule ids, extends loops,
invalid check parameters and regexes, licences the ``license`` check does not
know, conditions that can never hold, misspelt template placeholders, a credit
block placed where an attribution rule fails it, a rule id close to an
inherited one but not it (a misspelt override), ``disabled`` with more
than an ``id``, and an inherited credit fix that writes out a credit the
policy's own rules refuse.
"""

from __future__ import annotations

import difflib
import html
import operator
import os
import re
from pathlib import Path
from typing import Any

from ..checks.base import DERIVED_VALUES, PLACEHOLDER
from ..checks.base import written as as_yaml
from ..checks.params import unknown_licence
from ..errors import PolicyError, ReprintGuardError
from ..metaview import DECLARED, Medium
from ..textnorm import find_phrase, normalize
from .conditions import LICENCE_FIELDS, AllOf, AnyOf, Condition, FieldTest, Not, same
from .loader import (
    MAX_EXTENDS_DEPTH,
    PolicySet,
    RawPolicy,
    bundled_rules_dir,
    claimed_domains,
    claimed_name,
    policy_files,
    policy_source,
    read_policy_file,
    read_policy_once,
    said_twice,
    schema_errors,
)
from .model import credits_another, with_article

_ENUMS: dict[str, set[Any]] = {
    "medium": {m.value for m in Medium},
    "commercial": {True, False},
    "modified": {True, False},
    "translated": {True, False},
    "paywalled": {True, False},
    "sold": {True, False},
    "ads_targeted": {True, False},
}


def contradiction(condition: Condition) -> str | None:
    """Why a condition can never hold, or None. Values compare as the run compares them
    (:func:`~reprint_guard.policy.conditions.same`): ``medium is Web`` holds for a reprint on the web."""
    if isinstance(condition, FieldTest):
        allowed = _ENUMS.get(condition.field)
        if allowed is not None and condition.op in ("is", "in"):
            values = condition.value if isinstance(condition.value, list) else [condition.value]
            if not any(same(condition.field, v, a) for v in values for a in allowed):
                shown = ", ".join(sorted(map(as_yaml, allowed)))
                said = as_yaml(condition.value) if not isinstance(condition.value, list) else condition.value
                quoted = [v for v in values if isinstance(v, str) and v.strip().lower() in ("true", "false")]
                if quoted and True in allowed:  # 'true' in quotes is text, never the flag
                    word = quoted[0].strip().lower()
                    return f"{condition.field} is never the text {quoted[0]!r}: write {word} without quotes"
                return f"{condition.field} is never {said!r} (it is one of {shown})"
        return None
    if isinstance(condition, Not):
        return None
    if isinstance(condition, AnyOf):
        reasons = [contradiction(p) for p in condition.parts]
        return "; ".join(r for r in reasons if r) if all(reasons) else None
    if isinstance(condition, AllOf):
        for part in condition.parts:
            reason = contradiction(part)
            if reason:
                return reason
        required: dict[str, Any] = {}
        for part in condition.parts:
            if isinstance(part, FieldTest) and part.op == "is":
                if part.field in required and not same(part.field, required[part.field], part.value):
                    first, second = as_yaml(required[part.field]), as_yaml(part.value)
                    return f"{part.field} cannot be both {first!r} and {second!r}"
                required.setdefault(part.field, part.value)
        for part in condition.parts:
            if (
                isinstance(part, FieldTest)
                and part.op == "is_not"
                and part.field in required
                and same(part.field, required[part.field], part.value)
            ):
                return f"{part.field} cannot be {as_yaml(required[part.field])!r} and not {as_yaml(part.value)!r}"
            if isinstance(part, FieldTest) and part.op == "present" and not part.value and part.field in required:
                return f"{part.field} cannot be absent and {as_yaml(required[part.field])!r}"
    return None


def _credit_as_read(credit: Any) -> str:
    """A credit block's templates as a reader sees them, normalised (a linked name counts as its words)."""
    return normalize(f"{_as_read(credit.markdown or '')}\n{_as_read(credit.html or '', markup=True)}")


def _credit_misplaced(raw: RawPolicy, policy: Any) -> list[PolicyError]:
    """An attribution rule that wants at the top (or bottom) a credit the policy's credit block gives, while
    the block is inserted at the other end: ``--fix`` would insert it where the rule fails, and refuse."""
    credit = policy.credit
    if credit is None:
        return []
    template = f"{credit.markdown or ''}\n{credit.html or ''}"
    read = _credit_as_read(credit)
    problems = []
    for index, data in enumerate(raw.data.get("rules") or []):
        rule = policy.rule(str(data.get("id")))
        if rule is None or rule.check != "attribution" or rule.params.position in ("any", credit.position):
            continue
        names = [name for name in rule.params.names if find_phrase(read, name) >= 0]
        if rule.params.names_from == "author" and "{author}" in template:
            names.append("{author}")
        if names:
            problems.append(
                raw.error(
                    f"rule {rule.id!r} wants {names[0]!r} at the {rule.params.position}, but the credit block that "
                    f"gives it is inserted at the {credit.position} (credit.position): --fix would put it where "
                    "the rule fails",
                    ["rules", index, "position"],
                )
            )
    return problems


def _inherited_credit_of_another(raw: RawPolicy, policy: Any, policies: PolicySet) -> list[PolicyError]:
    """A credit block inherited from a policy of another publisher that names that publisher, where an
    attribution rule asks for this one's (a sister site's policy): ``--fix`` would credit the wrong outlet,
    and refuses it."""
    if "credit" in raw.data or policy.credit is None or not policy.extends:
        return []
    others = policies.ancestors_names(policy)
    found = credits_another(policy.credit.markdown + (policy.credit.html or ""), policy, others, policy.rules)
    if found is None:
        return _credit_unnamed(
            raw,
            policy,
            f"the credit block it inherits from {policy.extends} does not name: give the policy a credit block "
            "of its own ('credit:')",
        )
    named, rule = found
    index = next(
        (
            at
            for at, data in enumerate(raw.data.get("rules") or [])
            if isinstance(data, dict) and data.get("id") == rule.id
        ),
        None,
    )
    return [
        raw.error(
            f"the credit block it inherits names {named}, but rule {rule.id!r} asks for a credit naming "
            f"{policy.publisher}: give the policy a credit block of its own ('credit:'), or --fix refuses to insert it",
            ["rules", index] if index is not None else ["extends"],
        )
    ]


#: Placeholders a credit block may name a publisher by, from the reprint's metadata or the policy.
_NAMING_PLACEHOLDERS = ("source", "publisher", "copyright_holder")


def _credit_unnamed(raw: RawPolicy, policy: Any, which: str, *, always_only: bool = False) -> list[PolicyError]:
    """An attribution rule of the policy's own asking for its publisher by name (``names``), where the credit
    block (its own, or the one it inherits: a Creative Commons one) names none of them: ``--fix`` would
    insert a credit that leaves the rule failing, and say so only then. ``which``: what the message says of
    the block, and what to do; ``always_only``: only the rules asked of every reprint (no ``when``)."""
    read = _credit_as_read(policy.credit)
    if any(f"{{{key}}}" in read for key in _NAMING_PLACEHOLDERS):
        return []  # a name the reprint's metadata fills in ("Republished from {source}"): known per reprint
    for index, data in enumerate(raw.data.get("rules") or []):
        rule = policy.rule(str(data.get("id"))) if isinstance(data, dict) else None
        if rule is None or rule.check != "attribution" or rule.origin != policy.id or not rule.params.names:
            continue
        if rule.amends and not {"names", "names+"} & set(rule.amends):
            continue  # its names are the inherited rule's, held to the credit block where they were written
        if always_only and rule.when is not None:
            continue
        if "{original_url}" in read and any("." in name for name in rule.params.names):
            continue  # "theconversation.com" may be the address the block writes out
        if getattr(rule.params, "placement_only", False) or any(find_phrase(read, n) >= 0 for n in rule.params.names):
            continue
        return [
            raw.error(
                f"rule {rule.id!r} asks for a credit naming {rule.params.names[0]!r}, which {which}, or --fix "
                "inserts one that leaves the rule failing",
                ["rules", index],
            )
        ]
    return []


def _fixes_the_rule_refuses(raw: RawPolicy, policy: Any, policies: PolicySet) -> list[PolicyError]:
    """A credit rule whose ``fix`` is the one its parent wrote, where the credit that fix writes out is one this
    policy's own rules refuse, so every such finding would tell the editor to write it:

    - an ``attribution`` rule amended (other ``names``, another byline ``template``; or a fix naming
      ``{publisher}``, now another) where the credit the fix writes out satisfies the parent's rule but not
      this one ("Credit the publisher" writes out none, and is not held to it);
    - an ``attribution`` or ``link`` rule, amended or inherited as it stands, whose fix puts in quotes a credit
      naming another publisher of the chain and not this policy's (or, quoting none, names one so as a whole:
      "Credit CalMatters as the original publisher."), where one of its attribution rules asks for a credit
      naming its own (a sister site's policy keeping "By {author}, CalMatters")."""
    if not policy.extends:
        return []
    from .examples import quoted

    parent = policies.get(policy.extends)
    written = {
        str(data.get("id")): (index, data)
        for index, data in enumerate(raw.data.get("rules") or [])
        if isinstance(data, dict)
    }
    others = policies.ancestors_names(policy)
    problems = []
    for rule in policy.rules:
        if rule.check not in ("attribution", "link") or rule.fix is None:
            continue
        index, data = written.get(rule.id, (None, {}))
        if "fix" in data or "check" in data:  # its own fix, or a rule written whole
            continue
        was = policies.amended_as_bundled.get((policy.id, rule.id)) or parent.rule(rule.id)
        if was is None or was.fix != rule.fix:
            continue
        where = ["rules", index] if index is not None else ["extends"]
        kept = f"the fix it keeps from {was.origin}/{rule.id}"
        do = "give the rule a fix of its own ('fix: ...'), or 'fix: null' for the check's own"
        if index is None:
            kept = f"rule {rule.id!r}, inherited from {was.origin} with its fix,"
            do = f"amend it with a fix of its own ('- id: {rule.id}' with 'fix: ...')"
        if rule.check == "attribution" and (index is not None or _fix_text(parent, was) != _fix_text(policy, rule)):
            wording = _credit_spelt_out(parent, was)
            if wording is not None and not _accepts(policy, rule, _fix_text(policy, rule)):
                asked = (
                    f"a byline {rule.params.template!r}"
                    if rule.params.template and "template" in data
                    else f"a credit naming {rule.params.names[0]!r}"
                    if rule.params.names
                    else "another credit"
                )
                said = kept if index is None else f"rule {rule.id!r}: {kept}"
                text, in_quotes = wording
                writes = f'says to write "{text}", which' if in_quotes else f"({text!r}) writes a credit"
                problems.append(
                    raw.error(f"{said} {writes} this rule does not accept (it asks for {asked}): {do}", where)
                )
                continue
        # The credits it quotes; a fix that quotes none is read whole ("Credit CalMatters as the original
        # publisher."): what every finding tells the editor to do.
        in_quotes = quoted(rule.fix)
        written_out = [(wording, _fix_text(policy, rule, wording)) for wording in in_quotes]
        if not in_quotes:
            written_out = [(None, _fix_text(policy, rule))]
        if any(policy.publisher.casefold() in text.casefold() for _, text in written_out):
            continue  # it quotes a credit naming this publisher too: another's is what not to write ("not 'via ...'")
        for wording, text in written_out:
            found = credits_another(text, policy, others, policy.rules)
            if found is not None:
                named, asking = found
                said = kept if index is None else f"rule {rule.id!r}: {kept}"
                writes = f'says to write "{wording}", which names' if wording is not None else f"({text!r}) names"
                problems.append(
                    raw.error(
                        f"{said} {writes} {named}, where rule {asking.id!r} asks for a credit naming "
                        f"{policy.publisher}: {do}",
                        where,
                    )
                )
                break
    return problems


def _sample(policy: Any, rule: Any) -> dict[str, Any]:
    from .examples import _base

    return _base(policy, rule)


def _fix_text(policy: Any, rule: Any, template: str | None = None) -> str:
    """A rule's fix (or ``template``, a part of it) as a finding gives it, for an example reprint."""
    from ..checks.base import LazyValues, render
    from ..readers import build

    stub = build("", _sample(policy, rule), format="markdown", path="<fix>")
    return render(rule.fix if template is None else template, LazyValues(stub, policy))


def _accepts(policy: Any, rule: Any, text: str) -> bool:
    """Whether ``rule`` (its condition aside) finds the credit it asks for in an example reprint that says
    ``text``: asked anywhere, so that a rule of placement only (``placement_only``) tells a credit it would not
    accept from one that is missing, which it leaves to another rule."""
    import datetime as dt

    from ..checks.base import ParamsView
    from ..engine import run_policy
    from ..readers import build

    reprint = build(text + "\n", _sample(policy, rule), format="markdown", path="<fix>")
    anywhere = ParamsView({**rule.params.values(), "placement_only": False, "position": "any"}, rule.params.declared())
    single = policy.replace(rules=(rule.replace(when=None, params=anywhere),))
    found = run_policy(reprint, single, today=dt.date(2030, 1, 1))
    return not [finding for finding in found if finding.policy == policy.id]


def _credit_spelt_out(policy: Any, rule: Any) -> tuple[str, bool] | None:
    """What a rule's fix tells the editor to write, when that satisfies the rule, and whether the fix puts it
    in quotes: its first quoted wording that does (``By {author}, CalMatters``), else the whole fix (cut at
    120 characters); None when the fix spells out no credit the rule accepts."""
    from .examples import quoted

    for wording in quoted(rule.fix):
        if _accepts(policy, rule, _fix_text(policy, rule, wording)):
            return wording, True
    if _accepts(policy, rule, _fix_text(policy, rule)):
        return (rule.fix if len(rule.fix) <= 120 else rule.fix[:117] + "..."), False
    return None


def _host_not_the_patterns(raw: RawPolicy, policy: Any) -> list[PolicyError]:
    """An element rule whose ``host`` is not the host its ``pattern`` writes out: an element on the host the
    pattern asks for, altered, would not be told as altered (the rule looks for it on the other host), and
    the message would name the wrong host."""
    from ..checks.base import pattern_host

    problems = []
    for index, data in enumerate(raw.data.get("rules") or []):
        rule = policy.rule(str(data.get("id"))) if isinstance(data, dict) else None
        if rule is None or rule.check != "element" or not rule.params.host or "host" not in data:
            continue
        named = pattern_host(rule.params.pattern)
        if named is not None and named.lower() != rule.params.host.lower():
            problems.append(
                raw.error(
                    f"rule {rule.id!r}: host {rule.params.host!r} is not the host its pattern asks for "
                    f"({named!r}): give the pixel's own host",
                    ["rules", index, "host"],
                )
            )
    return problems


def _inserts_the_rule_refuses(raw: RawPolicy, policy: Any) -> list[PolicyError]:
    """An element rule whose ``insert`` the rule itself does not accept: no element of the rule's tag in it
    (or only a hidden one), or, written out without placeholders, an address the pattern does not match.
    ``--fix`` would insert it, and the finding would stay. An address made of placeholders is known only
    per reprint, and is left to ``--fix``, which checks what it inserts."""
    from ..checks.base import compile_pattern
    from ..visible import media_from_html, scripts_from_html

    problems = []
    for index, data in enumerate(raw.data.get("rules") or []):
        rule = policy.rule(str(data.get("id")))
        if rule is None or rule.check != "element" or not rule.params.insert:
            continue
        params = rule.params
        shown, _ = (scripts_from_html if params.tag == "script" else media_from_html)(params.insert)
        tagged = [media for media in shown if media.tag == params.tag and media.src]
        where = ["rules", index, "insert"]
        if not tagged:
            seen = "that runs" if params.tag == "script" else "visible"
            problems.append(
                raw.error(
                    f"rule {rule.id!r}: the insert has no {seen} <{params.tag}> with a src (the rule's tag)", where
                )
            )
        elif "{" not in params.insert and not any(compile_pattern(params.pattern).search(m.src) for m in tagged):
            problems.append(
                raw.error(
                    f"rule {rule.id!r}: the insert's address {tagged[0].src} does not match the rule's pattern "
                    f"/{params.pattern}/, so --fix would insert an element the rule still finds missing",
                    where,
                )
            )
    return problems


#: A Markdown link or image, ``[text](destination)`` (a destination may hold one level of parentheses), and
#: a reference link, ``[text][label]``: a reader sees only the text.
_MD_LINK = re.compile(r"!?\[([^\]]*)\](?:\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])")
#: An autolink, ``<https://...>``: a reader sees the address.
_MD_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]*)>")
#: Emphasis, strong, strike-through and code marks: ``*``, ``_`` at a word's edge, ``~``, backticks.
_MD_MARKS = re.compile(r"[*~`]+|(?<!\w)_+|_+(?!\w)")
#: An HTML tag or comment (in the HTML template, or inline in the Markdown one).
_HTML_TAG = re.compile(r"<!--.*?-->|</?[A-Za-z][^<>]*>", re.DOTALL)


def _as_read(template: str, *, markup: bool = False) -> str:
    """A credit template's text as a reader sees it: a link's text without its address, no emphasis marks
    (``*Originally published by [Harbour Herald]({original_url}).*``: "Originally published by Harbour
    Herald."), no tags, and with ``markup`` (the HTML template) its character references read."""
    if markup:
        return html.unescape(_HTML_TAG.sub("", template))
    text = _MD_AUTOLINK.sub(r"\1", template)
    text = _HTML_TAG.sub("", text)
    for _ in range(3):  # a link in a link's text: [*[A](b)*](c)
        text = _MD_LINK.sub(r"\1", text)
    return _MD_MARKS.sub("", text)


def _fields(condition: Condition) -> list[str]:
    if isinstance(condition, FieldTest):
        return [condition.field]
    if isinstance(condition, Not):
        return _fields(condition.part)
    if isinstance(condition, AnyOf | AllOf):
        return [field for part in condition.parts for field in _fields(part)]
    return []


def _grantors_without_address(raw: RawPolicy) -> list[ReprintGuardError]:
    """A contact, or a permission rule's ``from``, with no email address in it (``'*'`` aside): a record is
    matched to a grantor by address, so one written as a name is matched by its text alone, which any record
    may copy."""
    from ..metaview import address_of

    places: list[tuple[Any, list[str | int]]] = [
        (contact, ["contacts", index]) for index, contact in enumerate(raw.data.get("contacts") or [])
    ]
    for index, rule in enumerate(raw.data.get("rules") or []):
        for key, grantors in _written(rule, "from"):
            places += [
                (g, ["rules", index, *key, at]) for at, g in enumerate(grantors if isinstance(grantors, list) else [])
            ]
    return [
        raw.error(f"{grantor!r} is no email address: write one as a@b or 'Name <a@b>'", where)
        for grantor, where in places
        if isinstance(grantor, str) and grantor.strip() != "*" and "@" not in address_of(grantor)
    ]


def _misspelt_field(condition: Condition) -> str | None:
    """A field close to one reprint-guard reads but not it (``comercial``): never set by a reprint that
    follows the docs, so the rule never applies. A field far from every known one is a site's own key."""
    for field in _fields(condition):
        said = misspelt_field(field)
        if said:
            return said
    return None


def misspelt_field(field: str) -> str | None:
    """What is said of one field close to one reprint-guard reads but not it, or None."""
    if field in DECLARED:
        return None
    close = difflib.get_close_matches(field, DECLARED, n=1, cutoff=0.8)
    return f"reads {field!r}, which no reprint sets; did you mean {close[0]!r}?" if close else None


def _misspelt_fields(raw: RawPolicy, index: int, data: dict[str, Any]) -> list[ReprintGuardError]:
    """A metadata rule's ``field`` or a permission rule's ``scope_from`` close to a key reprint-guard reads
    but not it (``modifed``, ``medum``): the rule would never fire, or always ask for a scope of nothing."""
    problems = []
    for key in ("field", "scope_from"):
        value = data.get(key)
        said = misspelt_field(value) if isinstance(value, str) else None
        if said:
            problems.append(raw.error(f"rule {data.get('id')!r}: its {key} {said}", ["rules", index, key]))
    return problems


def validate_file(path: Path, extra: tuple[str, ...] = (), run: Run | None = None) -> list[ReprintGuardError]:
    """All problems found in one policy file (empty when it is valid). ``extra``: folders or files of the
    user's other policies, which this one may extend (``--rules-dir``, the config's ``policies``); ``run``:
    what a run validating several files read of them, kept for the next."""
    other = _not_a_policy(path)
    if other is not None:
        return [PolicyError(f"not a policy: {other}", path=str(path))]
    try:
        raw = read_policy_once(path, validate=False)
    except ReprintGuardError as exc:
        return [exc]
    other = _other_yaml(raw.data, path)
    if other is not None:
        return [PolicyError(f"not a policy: {other}", path=str(path))]
    problems: list[ReprintGuardError] = list(schema_errors(raw))
    if problems:
        return problems
    problems += _duplicates(raw) + _unknown_licences(raw) + _grantors_without_address(raw)
    if problems:
        return problems
    disabled = _disabled_with_more(raw)  # loading ignores the rest: told, but no bar to the checks below
    own_id = str(raw.data.get("id"))
    mine: list[RawPolicy] = []  # the user's others, less any of its id (a run finds a domain's claimants itself)
    if run is not None:  # what the run read of the others, sorted once for all its files
        by_id, twin_raws, broken = run.around(path, own_id)
    else:
        readable, broken = _readable_raws(extra, path)
        twin_raws = [r for r in readable if r.data.get("id") == own_id]
        mine = [r for r in readable if r.data.get("id") != own_id]
        by_id = {}  # as a policy set reads them: later ones win
        for other_raw in [*_bundled(), *mine]:
            by_id[str(other_raw.data.get("id"))] = other_raw
        by_id.pop(own_id, None)
    by_id[own_id] = raw
    twins = sorted({_as_named(str(r.path), path) for r in twin_raws})
    if twins:
        problems.append(
            raw.error(
                f"policy id {own_id!r} is also the id of {twins[0]}; give each its own id (a draft copy of a "
                "project's policy is validated apart from the project's policies with --no-config)",
                ["id"],
            )
        )
    try:
        known = run.parents(by_id, own_id) if run is not None else {}
        policies = PolicySet(by_id, eager=[own_id], known=known)
        if run is not None:
            run.keep(policies, own_id, known)
    except PolicyError as exc:
        if exc.message.startswith("extends unknown policy") and not extra:
            exc = PolicyError(  # a policy of one's own beside it is not looked for unless named
                exc.message + "; a policy of your own that it extends is found when both are named (validate "
                "the folder) or with --rules-dir DIR",
                path=exc.path,
                line=exc.line,
                column=exc.column,
            )
        for other in by_id.values():  # a loop's file (in the message) named as this run names its neighbours
            if str(other.path) != _as_named(str(other.path), path) and f"({other.path}:" in exc.message:
                said = exc.message.replace(f"({other.path}:", f"({_as_named(str(other.path), path)}:")
                exc = PolicyError(said, path=exc.path, line=exc.line, column=exc.column)
        told = [exc]
        if exc.path and not _same_file(Path(exc.path), path) and raw.data.get("extends"):
            # A parent's own problem (its unknown parent, a bad rule): this policy cannot be loaded either, which
            # is told here too, since a parent validated with it has its problem told at its own file only.
            there = PolicyError("", path=_as_named(exc.path, path), line=exc.line, column=exc.column).location()
            told.insert(
                0,
                raw.error(
                    f"extends {raw.data['extends']!r}, which cannot be loaded (the problem at {there})", ["extends"]
                ),
            )
        return [*disabled, *told, *broken]  # an unknown parent may be one of these, unreadable
    except RecursionError:  # followed one parent at a time, a chain of hundreds is deeper than Python goes
        return [raw.error("its 'extends' chain is too long to follow (hundreds of policies deep)", ["extends"])]
    problems += _shared_domains(raw, mine, run)
    problems += _placeholder_typos(raw)
    policy = policies.get(own_id)
    problems += _placeholders_not_filled(raw, policy)
    problems += _credit_misplaced(raw, policy)
    problems += _inherited_credit_of_another(raw, policy, policies)
    problems += _fixes_the_rule_refuses(raw, policy, policies)
    if "credit" in raw.data and policy.credit is not None:
        # A rule asked only of some reprints (``when``: an extract's "Read the full article") is not the block's.
        problems += _credit_unnamed(
            raw, policy, "the policy's credit block does not name: make the block name it", always_only=True
        )
    problems += _inserts_the_rule_refuses(raw, policy)
    problems += _host_not_the_patterns(raw, policy)
    if policy.extends:
        problems += _near_inherited_ids(raw, policies.get(policy.extends))
    for index, data in enumerate(raw.data.get("rules") or []):
        rule = policy.rule(str(data.get("id")))
        if isinstance(data, dict):
            problems += _misspelt_fields(raw, index, data)
        if rule is not None and rule.when is not None:
            never, misspelt = _condition_problems(raw, rule, index)
            problems += never + misspelt
            problems += _condition_licences(raw, rule.id, data.get("when"), ["rules", index, "when"])
    problems += _ungrantable(raw, policy)
    problems += _values_never_given(raw, policy)
    problems += _no_rules(raw, policy)
    return problems + disabled


def unusable(raw: RawPolicy, policy: Any) -> tuple[list[PolicyError], list[PolicyError]]:
    """What ``check``, ``test`` and the library make of one of the user's policies beyond its schema, as
    ``validate`` tells it: (problems that surely make it check nothing or wrongly, refused: no rule left, so
    every reprint would pass; a condition that can never hold; a value a field never has; a permission no
    record can satisfy; a malformed placeholder), and (likely slips, warned of, since a site's own key may
    bear the name: a misspelt placeholder, which in a pixel's pattern matches any article's pixel; a
    condition's or a metadata rule's misspelt field; a ``{name}`` a pattern or message shows as written)."""
    refused = _no_rules(raw, policy) + _placeholder_typos(raw, close=False)
    doubts = _placeholder_typos(raw, malformed=False) + _placeholders_not_filled(raw, policy)
    for index, data in enumerate(raw.data.get("rules") or []):
        if not isinstance(data, dict):
            continue
        doubts += _misspelt_fields(raw, index, data)
        rule = policy.rule(str(data.get("id")))
        if rule is not None and rule.when is not None:
            never, misspelt = _condition_problems(raw, rule, index)
            refused += never
            doubts += misspelt
    return refused + _ungrantable(raw, policy) + _values_never_given(raw, policy), doubts


def _condition_problems(raw: RawPolicy, rule: Any, index: int) -> tuple[list[PolicyError], list[PolicyError]]:
    """A rule's condition that can never hold, and one that reads a misspelt field (``comercial``)."""
    reason = contradiction(rule.when)
    misspelt = _misspelt_field(rule.when)
    return (
        [_never_holds(raw, rule.id, index, reason)] if reason else [],
        [_misspelt_condition(raw, rule.id, index, misspelt)] if misspelt else [],
    )


def _never_holds(raw: RawPolicy, rule_id: str, index: int, reason: str) -> PolicyError:
    return raw.error(f"rule {rule_id!r}: its condition can never hold: {reason}", ["rules", index, "when"])


def _misspelt_condition(raw: RawPolicy, rule_id: str, index: int, misspelt: str) -> PolicyError:
    return raw.error(f"rule {rule_id!r}: its condition {misspelt}", ["rules", index, "when"])


def _as_named(path: str, own: Path) -> str:
    """A policy file found beside the one validated, named as a command line would name it: in the folder the
    validated file was named in when it is that folder (``two/b.yaml``, ``../two/b.yaml``, ``link/b.yaml``, as
    ``validate two``, ``validate ../two`` or ``validate link`` was given); else from the working folder when it
    is under it, else as found."""
    given = os.path.dirname(str(own))
    try:
        if os.path.samefile(os.path.dirname(path) or ".", given or "."):
            return os.path.join(given, os.path.basename(path))
    except (OSError, ValueError):
        pass
    if not os.path.isabs(path):
        return path
    here = os.getcwd()
    try:
        return os.path.relpath(path, here) if os.path.commonpath([here, path]) == here else path
    except ValueError:  # on another drive (Windows): no path from here
        return path


def _not_a_policy(path: Path) -> str | None:
    """What a file named to ``validate`` is, when its name says it is no policy: an article (a reprint's
    Markdown, HTML or JSON), or another file; None for a YAML file, read to tell."""
    from ..readers import SUFFIX_FORMATS

    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return None
    if suffix in SUFFIX_FORMATS and suffix != ".json":  # a .json may be an envelope or any other data
        return "an article (check it with reprint-guard check, or run it as a fixture with reprint-guard test)"
    return "policies are YAML files (.yaml or .yml)"


#: A project config's own keys, none of which a policy has.
_CONFIG_KEYS = frozenset({"policies", "include", "exclude", "suppressions", "severity", "fail-on", "front-matter"})
#: Keys a metadata sidecar (or a fixture's) has, none of which a policy has at its top.
_SIDECAR_KEYS = frozenset({"original_url", "original_published", "author", "expect", "license", "permissions"})


def _other_yaml(data: Any, path: Path) -> str | None:
    """What a YAML file named to ``validate`` is, when it is no policy (no ``id`` nor ``rules``) but a project
    config or a metadata sidecar: said in a word, not as five schema errors."""
    if not isinstance(data, dict) or "id" in data or "rules" in data:
        return None
    if path.name in (".reprint-guard.yaml", ".reprint-guard.yml") or _CONFIG_KEYS & set(data):
        return "a project config (reprint-guard check reads it; its policies key names your policies)"
    if path.name.lower().endswith((".meta.yaml", ".meta.yml")) or _SIDECAR_KEYS & set(data):
        return "an article's metadata sidecar (reprint-guard check reads it beside its article)"
    return None


def _readable_raws(extra: tuple[str, ...], own: Path) -> tuple[list[RawPolicy], list[ReprintGuardError]]:
    """The user's other policies that read and pass their schema, and the errors of those that do not: one
    that is broken is its own file's problem, told only when a policy being validated needs it. A folder
    or file named that does not exist, or a folder with no policy file, is an error, as it is to ``check``."""
    raws: list[RawPolicy] = []
    broken: list[ReprintGuardError] = []
    try:
        mine = os.stat(own)
        own_file = (mine.st_dev, mine.st_ino)
    except OSError:
        own_file = None
    for item in extra:
        for file in policy_source(item):
            try:
                raws.append(_read_once(file, skip=own_file))
            except _Skipped:
                continue
            except ReprintGuardError as exc:
                broken.append(exc)
    return raws, broken


class _Skipped(Exception):
    """The file is the policy being validated (the same file, under any name)."""


#: A policy file of a run: its (device, inode), or None when it could not be looked at, and as read (or why not).
_Entry = tuple[tuple[int, int] | None, RawPolicy | ReprintGuardError]


class Run:
    """What one ``validate`` of several files reads once for all of them, not once a file (a folder of 500
    took minutes). ``everyone``: ``--rules-dir``'s folders and files, then the files named; each file is
    validated with ``extra`` those but itself (its own file is left out as :func:`_readable_raws` leaves it
    out, by what it is), so the other policies' files, read in that order, are these less its own; the
    policy set the notes are found in is the same for every file (``extra`` and the file itself)."""

    def __init__(self, everyone: tuple[str, ...]) -> None:
        self.everyone = everyone
        self._files: list[_Entry] | None = None
        self._claimants: dict[str, list[tuple[tuple[int, int] | None, RawPolicy]]] = {}
        self._set: list[PolicySet | ReprintGuardError] = []
        #: Policies resolved for one file (its parents), by id, with the raws of their chains they were resolved
        #: from and what their set noted of them: the next file whose set holds the same raws gets them as they are.
        self._resolved: dict[str, tuple[Any, tuple[RawPolicy, ...], dict[Any, Any], dict[Any, Any]]] = {}
        self._by_id: dict[str, RawPolicy] = {}
        self._base: dict[str, RawPolicy] | None = None  # the bundled policies, then the run's, by id
        self._by_own_id: dict[str, list[tuple[tuple[int, int] | None, RawPolicy]]] = {}
        self._broken: list[tuple[tuple[int, int] | None, ReprintGuardError]] = []

    def _entries(self) -> list[_Entry]:
        if self._files is None:
            files: list[_Entry] = []
            for item in self.everyone:
                for file in policy_source(item):  # its error (no such folder) raised, as for each file
                    try:
                        status = file.stat()
                        what: tuple[int, int] | None = (status.st_dev, status.st_ino)
                    except OSError:
                        what = None
                    try:
                        files.append((what, _read_once(file)))
                    except ReprintGuardError as exc:
                        files.append((what, exc))
            for what, found in files:  # the first claimant of a domain is the one named
                if not isinstance(found, ReprintGuardError):
                    for _, key in claimed_domains(found):
                        self._claimants.setdefault(key, []).append((what, found))
            self._files = files
        return self._files

    def claimant(self, key: str, own: tuple[int, int] | None, own_id: Any) -> Any:
        """The id of the first of the other policies (of another id) that claims the domain ``key``, or None."""
        for what, other in self._claimants.get(key, ()):
            if (what is None or what != own) and other.data.get("id") != own_id:
                return other.data.get("id")
        return None

    @staticmethod
    def _chain(by_id: dict[str, RawPolicy], policy_id: str) -> tuple[RawPolicy, ...]:
        """The raws ``policy_id``'s chain is resolved from in a set of ``by_id``: its own, its parent's, ..."""
        chain: list[RawPolicy] = []
        while policy_id in by_id and len(chain) <= MAX_EXTENDS_DEPTH:
            chain.append(by_id[policy_id])
            policy_id = str(by_id[policy_id].data.get("extends") or "")
        return tuple(chain)

    def around(self, path: Path, own_id: str) -> tuple[dict[str, RawPolicy], list[RawPolicy], list[ReprintGuardError]]:
        """For the file at ``path`` of id ``own_id``: the policies its set is made of but its own, by id (the
        bundled ones, then the run's others, later ones winning, less any of its id); the others of its id;
        and the others that could not be read (each file's, as :func:`_readable_raws` tells them)."""
        try:
            status = os.stat(path)
            own: tuple[int, int] | None = (status.st_dev, status.st_ino)
        except OSError:
            own = None
        if self._base is None:
            base: dict[str, RawPolicy] = {str(raw.data.get("id")): raw for raw in _bundled()}
            for what, found in self._entries():
                if isinstance(found, ReprintGuardError):
                    self._broken.append((what, found))
                else:
                    base[str(found.data.get("id"))] = found
                    self._by_own_id.setdefault(str(found.data.get("id")), []).append((what, found))
            self._base = base
        by_id = dict(self._base)
        by_id.pop(own_id, None)
        twins = [found for what, found in self._by_own_id.get(own_id, ()) if what is None or what != own]
        broken = [found for what, found in self._broken if what is None or what != own]
        return by_id, twins, broken

    def parents(self, by_id: dict[str, RawPolicy], own_id: str) -> dict[str, Any]:
        """The parents of ``own_id`` (each policy up its chain) that a set of ``by_id`` resolves from the raws an
        earlier file's set resolved them from, as resolved there: a file's parents are resolved once a run, not
        once a file (1,000 policies each extending a bundled licence took 16 s of CPU, most of it resolving the
        licences again)."""
        self._by_id = by_id
        known = {}
        for policy_id, chain in self._up(by_id, own_id):
            kept = self._resolved.get(policy_id)
            if kept is not None and len(kept[1]) == len(chain) and all(map(operator.is_, kept[1], chain)):
                known[policy_id] = kept[0]
        return known

    def _up(self, by_id: dict[str, RawPolicy], own_id: str) -> list[tuple[str, tuple[RawPolicy, ...]]]:
        """Each policy up ``own_id``'s chain with the raws of its own chain, but for one whose chain holds
        ``own_id`` (a loop: resolved from this file's raw)."""
        own = by_id.get(own_id)
        up = []
        policy_id = str(own.data.get("extends") or "") if own is not None else ""
        while policy_id in by_id and len(up) <= MAX_EXTENDS_DEPTH:
            chain = self._chain(by_id, policy_id)
            if any(str(raw.data.get("id")) == own_id for raw in chain):
                break
            up.append((policy_id, chain))
            policy_id = str(by_id[policy_id].data.get("extends") or "")
        return up

    def keep(self, policies: PolicySet, own_id: str, known: dict[str, Any]) -> None:
        """What ``policies`` (made of the raws :meth:`parents` was last asked of) resolved of ``own_id``'s
        parents, kept for the next file; what the sets of those ``known`` noted of them, noted there too."""
        for policy_id in known:
            policies.amended_as_bundled.update(self._resolved[policy_id][2])
            policies.idle_disables.update(self._resolved[policy_id][3])
        for policy_id, chain in self._up(self._by_id, own_id):
            policy = policies.policies.get(policy_id)
            if policy is None or policy_id in known:
                continue
            ids = {str(raw.data.get("id")) for raw in chain}
            amended = {k: v for k, v in policies.amended_as_bundled.items() if k[0] in ids}
            idle = {k: v for k, v in policies.idle_disables.items() if k[0] in ids}
            self._resolved[policy_id] = (policy, chain, amended, idle)

    def policies(self) -> PolicySet:
        """The policy set of ``everyone``, made once (its error too)."""
        from .loader import policy_set

        if not self._set:
            try:
                self._set.append(policy_set(self.everyone))
            except ReprintGuardError as exc:
                self._set.append(exc)
        found = self._set[0]
        if isinstance(found, ReprintGuardError):
            raise found
        return found


#: Each policy file read while validating, by what it is (device, inode) and whether it was validated, with the
#: bytes it was read from: read by the first name it was read by, whichever name it is asked by later.
_READ: dict[tuple[int, int, bool], tuple[bytes | None, RawPolicy | ReprintGuardError]] = {}


def _read_once(file: Path, *, skip: tuple[int, int] | None = None, validate: bool = True) -> RawPolicy:
    """:func:`read_policy_file` of ``file``, read once while it stays the same (its error too:
    :func:`~.loader.read_policy_once`, which tells a file written to again); ``skip``: the file (device,
    inode) not to read, the one being validated."""
    from .loader import _BYTES

    try:
        status = file.stat()
    except OSError:
        return read_policy_file(file, validate=validate)  # says why it cannot be read, at the file
    what = (status.st_dev, status.st_ino)
    if skip is not None and what == skip:
        raise _Skipped
    try:
        found: RawPolicy | ReprintGuardError = read_policy_once(file, validate=validate, status=status)
    except ReprintGuardError as exc:
        found = exc
    read = _BYTES.get(what)
    data = read[2] if read is not None else None
    key = (*what, validate)
    kept = _READ.get(key)
    if kept is None or data is None or (kept[0] is not data and kept[0] != data):
        kept = _READ[key] = (data, found)
    if isinstance(kept[1], ReprintGuardError):
        raise kept[1]
    return kept[1]


def bundled_id_replaced(path: Path) -> str | None:
    """The bundled policy's id that the valid policy at ``path`` takes, or None: wherever it is read, it
    replaces the bundled one. Not a problem (a site may mean to), but a copy made to try a change, kept
    beside the site's policies, would change every check."""
    own = _read_once(path, validate=False).data.get("id")
    bundled = next((raw for raw in _bundled() if raw.data.get("id") == own), None)
    if bundled is None or _same_file(Path(bundled.path), path):  # a bundled policy's own file, being edited
        return None
    return str(own)


def replaced_rules(path: Path, extra: tuple[str, ...] = (), run: Run | None = None) -> list[str]:
    """The rules a valid policy's own replace in the policy it extends with another check type, each said: a
    rule written under an inherited id takes the inherited one's place whole (a text rule named ``no-paywall``
    drops the parent's metadata rule of that id), which an author meaning to add a rule beside it would not
    see. ``explain`` marks every replacement."""
    from .docs import replaces
    from .loader import policy_set

    data = _read_once(path, validate=False).data
    if not data.get("extends"):  # nothing inherited, nothing replaced: no policy set built for it
        return []
    own = data.get("id")
    bundled = next((raw for raw in _bundled() if raw.data.get("id") == own), None)
    if bundled is not None and _same_file(Path(bundled.path), path):  # a bundled policy's, replaced by design
        return []
    try:
        policies = run.policies() if run is not None else policy_set((*extra, str(path)))
        policy = policies.get(str(own))
        parent = policies.get(policy.extends) if policy.extends else None
    except ReprintGuardError:
        return []
    said = []
    for rule_id, was in replaces(policy, parent).items():
        rule = policy.rule(rule_id)
        if rule is not None and was.check != rule.check:  # another kind of check: surely no refinement
            said.append(
                f"rule {rule_id!r} replaces {was.origin}/{rule_id}, {with_article(was.check)} check, "
                f"with {with_article(rule.check)} one"
            )
    return said


def idle_disables(path: Path, extra: tuple[str, ...] = (), run: Run | None = None) -> list[str]:
    """What the bundled policies built on a valid policy that takes a bundled id turn off and it has no rule
    of, each said: nothing to turn off, so they load, but the author may have meant to keep such a rule."""
    own = bundled_id_replaced(path)
    if own is None:
        return []
    from .loader import policy_set

    try:
        policies = run.policies() if run is not None else policy_set((*extra, str(path)))
        for _ in policies:  # each resolved, so each bundled policy's disables are met
            pass
    except ReprintGuardError:
        return []
    said = []
    for (policy_id, rule_id), parent_id in sorted(policies.idle_disables.items()):
        if own in (p.id for p in policies.chain(policies.get(policy_id))):
            said.append(
                f"the bundled {policy_id} turns off rule {rule_id!r}, which {parent_id} here has no rule of: nothing "
                "is turned off there"
            )
    return said


def _same_file(one: Path, other: Path) -> bool:
    """The same file, or one with the same bytes (the checkout's rules/ beside the installed package's copy):
    replacing a bundled policy by itself changes nothing to tell."""
    try:
        return os.path.samefile(one, other) or one.read_bytes() == other.read_bytes()
    except OSError:
        return False


def _bundled() -> list[RawPolicy]:
    """The bundled policy files as :func:`~reprint_guard.policy.loader.bundled_raws` reads them, once."""
    return [_read_once(file, validate=False) for file in policy_files(bundled_rules_dir())]


def _shared_domains(raw: RawPolicy, mine: list[RawPolicy], run: Run | None = None) -> list[PolicyError]:
    """A domain this policy claims that another policy of the user's claims too (``check`` refuses that)."""
    if run is not None:  # the same, found among the run's policies claiming each domain
        try:
            status = os.stat(raw.path)
            own: tuple[int, int] | None = (status.st_dev, status.st_ino)
        except OSError:
            own = None
        keys = {key for _, key in claimed_domains(raw)}
        found = {key: run.claimant(key, own, raw.data.get("id")) for key in keys}
        claimed = {key: other for key, other in found.items() if other is not None}
    else:
        claimed = {key: other.data.get("id") for other in reversed(mine) for _, key in claimed_domains(other)}
    return [
        raw.error(
            f"applies_to: {claimed_name(raw, index)} is claimed by policy {claimed[key]!r} too", ["applies_to", index]
        )
        for index, key in claimed_domains(raw)
        if key in claimed
    ]


def _unknown_licences(raw: RawPolicy) -> list[PolicyError]:
    """Each licence of a ``license`` rule the check does not know (``CC-BY-NC-ND-40``), at its own entry:
    loading refuses it too, but at the rule's ``licenses`` key, not at the entry of a list of several."""
    found = []
    for index, data in enumerate(raw.data.get("rules") or []):
        if not isinstance(data, dict) or data.get("check") != "license" or not isinstance(data.get("licenses"), list):
            continue
        for place, item in enumerate(data["licenses"]):
            problem = unknown_licence(item) if isinstance(item, str) else None
            if problem:
                where: list[str | int] = ["rules", index, "licenses", place]
                found.append(raw.error(f"rule {data.get('id')!r}, field 'licenses': {problem}", where))
    return found


def _may_be_cc(value: str) -> bool:
    """Whether a licence a condition names is meant for a Creative Commons one (an id, a deed, a title): only
    such is held to the ids reprint-guard knows. Another is compared as written (``GPL-3.0-only``, which
    BY-SA 4.0 names as compatible)."""
    lowered = value.strip().lower()
    return lowered.startswith("cc") or "creative" in lowered or "attribution" in lowered


def _condition_licences(raw: RawPolicy, rule_id: str, when: Any, where: list[str | int]) -> list[PolicyError]:
    """Each licence a condition on ``license`` compares with that is none reprint-guard knows
    (``CC-BY-40``), at its own place: the condition compares licence ids, and the id of a licence written
    wrong is no reprint's, so the test never holds (or, negated, always does)."""
    if not isinstance(when, dict):
        return []
    found = []
    for key in ("all", "any"):
        parts = when.get(key)
        for place, part in enumerate(parts if isinstance(parts, list) else ()):
            found += _condition_licences(raw, rule_id, part, [*where, key, place])
    if "not" in when:
        found += _condition_licences(raw, rule_id, when["not"], [*where, "not"])
    if when.get("field") not in LICENCE_FIELDS:
        return found
    for op in ("is", "is_not", "in", "not_in"):
        if op not in when:
            continue
        values = when[op] if isinstance(when[op], list) else [when[op]]
        for place, value in enumerate(values):
            problem = unknown_licence(value) if isinstance(value, str) and _may_be_cc(value) else None
            if problem:
                at = [*where, op, place] if isinstance(when[op], list) else [*where, op]
                found.append(raw.error(f"rule {rule_id!r}, field 'when': {problem}", at))
    return found


def _ungrantable(raw: RawPolicy, policy: Any) -> list[PolicyError]:
    """A permission rule with no ``from`` in a policy with no ``contacts`` (of its own or inherited): no
    permission record is from someone who may grant it, so the rule fails every reprint it applies to."""
    if policy.contacts:
        return []
    found = []
    for index, data in enumerate(raw.data.get("rules") or []):
        rule = policy.rule(str(data.get("id")))
        if rule is not None and rule.check == "permission" and not rule.params.from_:
            found.append(
                raw.error(
                    f"rule {rule.id!r} can never pass: no permission record satisfies it, for it has no 'from' and "
                    "the policy no 'contacts' (who may grant the permission): add the publisher's 'contacts' to "
                    "the policy, or 'from' to the rule ('*' for anyone)",
                    ["rules", index],
                )
            )
    return found


def _no_rules(raw: RawPolicy, policy: Any) -> list[PolicyError]:
    """A policy left with no rule (none of its own, none inherited, or every one disabled): it would pass
    every reprint it applies to, which a publisher's terms never allow."""
    if policy.rules:
        return []
    where: list[str | int] = ["rules"] if "rules" in raw.data else []
    left = f" left (none of its own or from {policy.extends!r} is enabled)" if policy.extends else ""
    said = f"the policy has no rules{left}, so it would pass every reprint: add the rules its terms ask for"
    return [raw.error(said, where)]


def _values_never_given(raw: RawPolicy, policy: Any) -> list[PolicyError]:
    """A metadata rule on a field of known values (``medium``, the true/false keys) whose ``allowed`` lists a
    value the field never has (``online`` for ``web``, ``"no"`` for ``false``), or whose ``pattern`` matches
    none of them: it fails every reprint that sets the field, as a condition on such a value never holds."""
    from ..checks.base import compile_pattern, written

    found = []
    for index, data in enumerate(raw.data.get("rules") or []):
        rule = policy.rule(str(data.get("id")))
        if rule is None or rule.check != "metadata" or rule.params.field not in _ENUMS:
            continue
        field, params = rule.params.field, rule.params
        values = sorted(written(value) for value in _ENUMS[field])
        said = f"(it is one of {', '.join(values)})"
        known = {value.casefold() for value in values}
        added = (data.get("extend") or {}).get("allowed") if isinstance(data.get("extend"), dict) else None
        first_added = len(params.allowed or ()) - len(added) if isinstance(added, list) else None
        for at, value in enumerate(params.allowed or ()):
            if written(value).casefold() not in known:
                place: list[str | int] = ["rules", index, "allowed", at]
                if first_added is not None and at >= first_added:  # an amendment's addition, where it wrote it
                    place = ["rules", index, "extend", "allowed", at - first_added]
                found.append(raw.error(f"rule {rule.id!r}: {field} is never {written(value)!r} {said}", place))
        if params.pattern is not None:
            regex = compile_pattern(params.pattern)
            if not any(regex.search(value) for value in values):
                found.append(
                    raw.error(
                        f"rule {rule.id!r}: its pattern matches no value {field} has {said}, so it fails every "
                        "reprint that sets it",
                        ["rules", index, "pattern"],
                    )
                )
    return found


def _disabled_with_more(raw: RawPolicy) -> list[PolicyError]:
    """A rule with ``disabled: true`` and more than its id: disabling drops the inherited rule whole, so its
    check, message and the rest are never read, and were perhaps meant to replace the rule instead."""
    found = []
    for index, data in enumerate(raw.data.get("rules") or []):
        if not isinstance(data, dict) or data.get("disabled") is not True:
            continue
        extra = [str(key) for key in data if key not in ("id", "disabled")]
        if extra:
            shown = ", ".join(repr(key) for key in extra)
            found.append(
                raw.error(
                    f"rule {data.get('id')!r}: 'disabled' goes with only an 'id' (it drops the inherited rule whole), "
                    f"but it has {shown} too: remove them, or remove 'disabled: true' to replace the rule with them",
                    ["rules", index, extra[0]],
                )
            )
    return found


#: How close (difflib's ratio) a rule's id must be to an inherited rule's to be taken for a misspelling.
_NEAR_ID = 0.85


def _near_inherited_ids(raw: RawPolicy, parent: Any) -> list[PolicyError]:
    """A rule whose id is close to an inherited rule's but not it (``licence`` for ``license``,
    ``non-commercial`` for ``noncommercial``): meant to replace that rule, it is a new one, and both run."""
    inherited = [rule.id for rule in parent.rules]
    found = []
    for index, data in enumerate(raw.data.get("rules") or []):
        rule_id = str(data.get("id")) if isinstance(data, dict) else ""
        if not rule_id or rule_id in inherited:
            continue
        # A rule named after an inherited one with a word of its own (Global Voices' link-original-top beside
        # link-original) is named so on purpose: no slip.
        near = [
            other for other in inherited if not rule_id.startswith(f"{other}-") and not rule_id.endswith(f"-{other}")
        ]
        close = difflib.get_close_matches(rule_id, near, n=1, cutoff=_NEAR_ID)
        if close:
            found.append(
                raw.error(
                    f"rule {rule_id!r} is not the inherited rule {close[0]!r} of {parent.id!r}, but is close to it: as "
                    f"written it is a new rule and {close[0]!r} still runs; to replace or disable that rule, use its "
                    f"id {close[0]!r}; for a rule of its own, give it an id less like {close[0]!r}",
                    ["rules", index, "id"],
                )
            )
    return found


def _duplicates(raw: RawPolicy) -> list[PolicyError]:
    seen: dict[str, int] = {}
    found = []
    for index, data in enumerate(raw.data.get("rules") or []):
        rule_id = str(data.get("id"))
        if rule_id in seen:
            found.append(raw.error(said_twice(raw, rule_id, seen[rule_id]), ["rules", index, "id"]))
        seen.setdefault(rule_id, index)
    return found


#: What a fix, credit or insert template can be filled with: the metadata read here, and the values
#: derived from it and from the policy (:func:`~reprint_guard.checks.base.template_values`).
TEMPLATE_NAMES = frozenset((*DECLARED, *DERIVED_VALUES))


def _templates(data: dict[str, Any]) -> list[tuple[str, list[str | int]]]:
    """Each template of a policy, with where it stands: rule fixes, the credit block, element inserts."""
    found: list[tuple[str, list[str | int]]] = []
    credit = data.get("credit")
    if isinstance(credit, dict):
        found += [(credit[k], ["credit", k]) for k in ("markdown", "html") if isinstance(credit.get(k), str)]
    for index, rule in enumerate(data.get("rules") or []):
        if isinstance(rule, dict):
            found += [(rule[k], ["rules", index, k]) for k in ("fix", "insert") if isinstance(rule.get(k), str)]
    return found


def _placeholder_typos(raw: RawPolicy, *, close: bool = True, malformed: bool = True) -> list[PolicyError]:
    """A placeholder that is no name a template knows but close to one (``{orignal_url}``; ``close``), or one
    written so that it is no placeholder at all (``{ original_url }``, ``{original_url``; ``malformed``):
    shown as written in every finding's fix, and a credit ``--fix`` would insert is refused for want of it.

    A placeholder far from every known name is left alone: a site's own metadata key fills it too.
    """
    problems = []
    for template, where in _templates(raw.data):
        for name in dict.fromkeys(PLACEHOLDER.findall(template)) if close else ():
            if name in TEMPLATE_NAMES:
                continue
            meant = _known_name(name)
            if meant:
                message = f"{_where(raw.data, where)}: unknown placeholder {{{name}}}; did you mean {{{meant}}}?"
                problems.append(raw.error(message, where))
        for written, meant, why in dict.fromkeys(_malformed(template)) if malformed else ():
            message = (
                f"{_where(raw.data, where)}: malformed placeholder {written!r}: write {{{meant}}} ({why}); as "
                "written it is not filled in, but shown as it stands"
            )
            problems.append(raw.error(message, where))
    return problems


#: A ``{name}`` in a pattern that is no RE2 class name (``\p{Greek}``, ``\P{L}``).
_PATTERN_PLACEHOLDER = re.compile(r"(?<!\\[pPx])\{([A-Za-z_][A-Za-z0-9_]*)\}")
#: Rule fields that are never filled in, and what each ``{name}`` in them is then.
_NOT_FILLED = {
    "message": "a message is the same for every reprint: say it in the rule's fix, where placeholders are filled",
    "pattern": "a pattern matches it as written: placeholders are filled in fix, insert and credit, and an "
    "element's pattern",
    "unless": "a pattern matches it as written: placeholders are filled in fix, insert and credit only",
    "except": "a pattern matches it as written: placeholders are filled in fix, insert and credit only",
}


def _placeholders_not_filled(raw: RawPolicy, policy: Any = None) -> list[PolicyError]:
    """A ``{name}`` in a rule's message or pattern: shown, or matched, as the braces and name it is (a pixel's
    ``?id={pixl_id}`` then matches no real pixel, and the right one is reported as altered). An element's
    pattern is filled per reprint, with the values a template knows or the reprint's own metadata key's, so
    only a misspelling of a name a template knows is told there. ``policy``: the policy as read, whose rules
    say the check type an amendment (a rule without ``check``) inherits."""
    problems = []
    for index, rule in enumerate(raw.data.get("rules") or []):
        if not isinstance(rule, dict):
            continue
        check = rule.get("check")
        if check is None and policy is not None and (read := policy.rule(str(rule.get("id")))) is not None:
            check = read.check
        fields = [(key, why, *written) for key, why in _NOT_FILLED.items() for written in _written(rule, key)]
        for key, why, place, value in fields:
            if not isinstance(value, str):
                continue
            names = (_PATTERN_PLACEHOLDER if key != "message" else PLACEHOLDER).findall(value)
            if key == "pattern" and check == "element":
                # Filled per reprint, as a template is: with a value a template knows, or a site's own metadata
                # key (``{pixel_id}``); only a misspelling of a known name is told.
                names = [name for name in names if name not in TEMPLATE_NAMES and _known_name(name)]
                if names:
                    meant = _known_name(names[0])
                    why = f"did you mean {{{meant}}}? An element's pattern is filled with the values a template knows"
            if names:
                where: list[str | int] = ["rules", index, *place]
                problems.append(raw.error(f"{_where(raw.data, where)}: {{{names[0]}}} is not filled in ({why})", where))
    return problems


def _written(rule: Any, key: str) -> list[tuple[list[str], Any]]:
    """Where a rule writes ``key`` and what: given (``[key]``), and, in an amendment, added to under ``extend``
    (``["extend", key]``): both are the policy's words, held to the same checks."""
    if not isinstance(rule, dict):
        return []
    found: list[tuple[list[str], Any]] = [([key], rule[key])] if key in rule else []
    extend = rule.get("extend")
    if isinstance(extend, dict) and key in extend:
        found.append((["extend", key], extend[key]))
    return found


def _known_name(name: str) -> str | None:
    """The name a template knows that ``name`` is, or is a misspelling of (``orignal_url``), or None."""
    if name in TEMPLATE_NAMES:
        return name
    close = difflib.get_close_matches(name, TEMPLATE_NAMES, n=1, cutoff=0.8)
    return close[0] if close else None


#: What may be a placeholder written wrong: a name in doubled braces (``{{original_url}}``), or a brace, a
#: name with spaces around it, a conversion (``!r``) or a format (``:>10``), and the closing brace if any.
_PLACEHOLDER_LIKE = re.compile(
    r"\{\{\s*(?P<doubled>[A-Za-z_][A-Za-z0-9_]*)\s*\}\}"
    r"|\{(?P<before>[ \t]*)(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?P<after>[ \t]*)"
    r"(?P<tail>![A-Za-z]*|:[^{}\s]*|[.\[][^{}\s]*)?"
    r"(?P<close>\})?"
)


def _malformed(template: str) -> list[tuple[str, str, str]]:
    """Each placeholder of a name a template knows (or a misspelling of one) written so that
    :func:`~reprint_guard.checks.base.render` does not fill it, with the placeholder meant and why: in
    doubled braces, with spaces inside the braces, with a conversion (``!r``) or a format (``:>10``), or with
    no closing brace.

    Braces that are text stay text, as render leaves them, and are not told: a YAML or JSON snippet in a fix
    (``permissions: [{from: x@example.org, scope: [print]}]``), CSS in a credit's HTML (``.c { color: gray }``),
    a lone brace, a site's template tags (``{{ page.title }}``). So is a name far from every known one, as a
    misspelt one is: a site's own key may mean something else there."""
    found = []
    for match in _PLACEHOLDER_LIKE.finditer(template):
        written = match.group(0)
        known = _known_name(match.group("doubled") or match.group("name"))
        if known is None:
            continue
        tail = match.group("tail") or ""
        if match.group("doubled"):
            found.append((written, known, "a doubled brace stays in the text around the value"))
        elif match.group("close"):
            if tail.startswith("!"):
                found.append((written, known, "a template takes no conversion such as !r"))
            elif tail[:1] in (".", "["):
                found.append((written, known, "a template takes no attribute or index (.name, [0]) of a value"))
            elif tail:
                found.append((written, known, "a template takes no format"))
            elif match.group("before") or match.group("after"):
                found.append((written, known, "no spaces inside the braces"))
        else:
            rest = template[match.end() :]
            closing, opening = rest.find("}"), rest.find("{")
            if closing < 0 or 0 <= opening < closing:  # no brace closes it before the next one opens
                found.append((written.rstrip(), known, "it has no closing brace"))
    return found


def _where(data: dict[str, Any], where: list[str | int]) -> str:
    """A field named as every other error names it: ``rule 'a', field 'fix'`` or ``field 'credit.markdown'``."""
    if len(where) > 2 and where[0] == "rules" and isinstance(where[1], int):
        rule = (data.get("rules") or [])[where[1]]
        rule_id = rule.get("id") if isinstance(rule, dict) else None
        named = f"rule {rule_id!r}" if rule_id else f"rules[{where[1]}]"
        return f"{named}, field '{'.'.join(map(str, where[2:]))}'"
    return f"field '{'.'.join(map(str, where))}'"
