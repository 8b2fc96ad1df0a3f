"""Human-readable policy documentation, generated from the policies themselves.

``python -m reprint_guard.policy.docs > docs/policies.md`` writes the reference
page; a test keeps the committed page in step with the bundled policies.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

from .loader import PolicySet
from .model import Policy, Rule


def describe_params(rule: Rule, *, longest: int | None = None, whole: str = "") -> str:
    """The rule's parameters as YAML writes them; ``longest``: a longer value (a pattern of hundreds of
    characters) is cut there, for a reader who is no policy author, and ``whole`` says where it is whole."""
    params = rule.params.declared() if rule.params is not None else {}
    shown = {k: _value(v) for k, v in params.items()}
    if longest is not None:
        shown = {
            k: v if len(v) <= longest else f"{v[:longest]}… ({len(v):,} characters: {whole})" for k, v in shown.items()
        }
    return ", ".join(f"{k}: {v}" for k, v in shown.items())


def _value(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _words(text: str | None) -> str:
    return " ".join((text or "").split())


def _cell(text: str | None) -> str:
    return " ".join((text or "").split()).replace("|", "\\|")


def replaces(policy: Policy, parent: Policy | None) -> dict[str, Rule]:
    """The rules of ``parent`` (the policy ``policy`` extends) that ``policy``'s own rules of the same id
    replace, by id: a rule written under an inherited id takes its place whole, check type and all."""
    if parent is None:
        return {}
    inherited = {rule.id: rule for rule in parent.rules}
    return {rule.id: inherited[rule.id] for rule in policy.rules if rule.origin == policy.id and rule.id in inherited}


def amended_as_bundled(policies: PolicySet, policy: Policy) -> dict[str, Rule]:
    """The rules of a bundled ``policy`` whose amendments were made on its bundled parent's rule, by id: the
    policy of the user's that took the parent's id has no such rule, or one the amendment does not fit."""
    made = policies.amended_as_bundled.items()
    return {rule_id: rule for (policy_id, rule_id), rule in made if policy_id == policy.id}


def amended(rule: Rule) -> str:
    """What a policy changed of a rule it amends, for the reference and ``explain``: ``severity, unless
    (extended), when (dropped)``."""
    said = {"+": " (extended)", "-": " (dropped)"}
    return ", ".join(f"{key[:-1]}{said[key[-1]]}" if key[-1] in said else key for key in rule.amends)


def _heading(policy: Policy) -> str:
    """A policy's heading in the reference (after its ``## ``)."""
    return f"`{policy.id}` — {policy.name}"


def _anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: its text in lower case, without punctuation or symbols (the code
    marks, a dash, a dot), each space a hyphen (`` `cc-by-4.0` — Creative Commons ... `` is
    ``cc-by-40--creative-commons-...``)."""
    kept = (c for c in heading.lower() if c in " -" or unicodedata.category(c)[0] in "LNM" or c == "_")
    return "".join(kept).replace(" ", "-")


def policy_markdown(policy: Policy, parent: Policy | None = None, as_bundled: Mapping[str, Rule] | None = None) -> str:
    """A policy's section of the reference; ``parent``: the policy it extends, whose rules it replaces are said;
    ``as_bundled``: the rules amended on the bundled parent's, not ``parent``'s (:func:`amended_as_bundled`)."""
    replaced = replaces(policy, parent)
    as_bundled = as_bundled or {}
    lines = [f"## {_heading(policy)}", ""]
    lines.append(f"- Publisher: {policy.publisher}")
    lines.append(f"- Terms: <{policy.source_url}>" + (f" (read {policy.terms_read})" if policy.terms_read else ""))
    if policy.extends:
        lines.append(f"- Extends: `{policy.extends}`")
    if policy.applies_to:
        lines.append(f"- Applies to: {', '.join(policy.applies_to)}")
    if policy.host_aliases:
        lines.append(f"- Same articles at the same paths on: {', '.join(policy.host_aliases)}")
    if policy.contacts:
        lines.append(f"- Permissions from: {', '.join(policy.contacts)}")
    lines.append(f"- Confidence: {policy.confidence}")
    if policy.description:
        lines += ["", " ".join(policy.description.split())]
    if policy.notes:
        lines += ["", f"*Notes:* {' '.join(policy.notes.split())}"]
    lines += ["", "| rule | severity | check | when | requires | term | confidence |", "|---|---|---|---|---|---|---|"]
    for rule in policy.rules:
        when = rule.when.describe() if rule.when else ""
        inherited = f" (from `{rule.origin}`)" if rule.origin != policy.id else ""
        if rule.id in as_bundled:
            inherited = f" (amends the bundled `{as_bundled[rule.id].origin}`'s: {amended(rule)})"
        elif rule.id in replaced:
            was = replaced[rule.id].origin
            inherited = f" (amends `{was}`'s: {amended(rule)})" if rule.amends else f" (replaces `{was}`'s)"
        lines.append(
            f"| `{policy.id}/{rule.id}`{inherited} | {rule.severity.value} | {rule.check} | {_cell(when)} | "
            f"{_cell(rule.message)}; {_cell(describe_params(rule))} | {_cell(rule.terms)} | {rule.confidence} |"
        )
    if policy.credit:
        lines += ["", "Credit block (`reprint-guard credit`):", "", "```markdown", policy.credit.markdown, "```"]
    return "\n".join(lines) + "\n"


#: A parameter's value longer than this is cut in a whole policy's ``explain``: its rules' patterns (ProPublica's
#: run to 14,000 characters) are for ``explain POLICY/RULE`` and the policy file, not a reader of the terms.
_EXPLAINED_PARAM = 80


def policy_explained(
    policy: Policy,
    parent: Policy | None = None,
    as_bundled: Mapping[str, Rule] | None = None,
    source_of: Callable[[Rule], Policy] | None = None,
) -> str:
    """``explain POLICY``: the policy's heading and facts as in the reference, then each rule as a reader of the
    terms wants it (what it reports, what it checks, the term it encodes and where that was read), its
    parameters cut where long, with ``explain POLICY/RULE`` named for the rest. ``source_of``: the policy whose
    terms a rule encodes (an inherited licence term's is its parent's), for the terms' address."""
    replaced = replaces(policy, parent)
    as_bundled = as_bundled or {}
    head = policy_markdown(policy, parent, as_bundled).split("\n| rule | severity |", 1)[0].rstrip("\n")
    lines = [*head.split("\n"), "", "### Rules", ""]
    lines.append(f"`reprint-guard explain {policy.id}/RULE` gives a rule's parameters whole and its examples.")
    for rule in policy.rules:
        where = f"{policy.id}/{rule.id}"
        inherited = f"; from `{rule.origin}`" if rule.origin != policy.id else ""
        if rule.id in as_bundled:
            inherited = f"; amends the bundled `{as_bundled[rule.id].origin}`'s: {amended(rule)}"
        elif rule.id in replaced:
            was = replaced[rule.id].origin
            inherited = f"; amends `{was}`'s: {amended(rule)}" if rule.amends else f"; replaces `{was}`'s"
        lines += ["", f"#### `{where}` ({rule.severity.value}, {rule.check} check{inherited})", ""]
        lines.append(f"- Reports: {_words(rule.message)}")
        if rule.description:
            lines.append(f"- What it checks: {_words(rule.description)}")
        if rule.terms:
            lines.append(f"- The term it encodes: {_words(rule.terms)}")
        source = source_of(rule) if source_of is not None else policy
        read = f" (read {source.terms_read})" if source.terms_read else ""
        builds = f", the terms of `{source.id}`, which `{policy.id}` builds on" if source is not policy else ""
        lines.append(f"- Source: <{source.source_url}>{read}{builds}; confidence: {rule.confidence}")
        if rule.when:
            lines.append(f"- Applies: when {_words(rule.when.describe())}")
        params = describe_params(rule, longest=_EXPLAINED_PARAM, whole=f"`reprint-guard explain {where}`")
        if params:
            lines.append(f"- Parameters: {_words(params)}")
    lines = [_wrapped(line) for line in lines]  # read in a terminal: no line of thousands of characters
    if policy.credit:
        lines += ["", "Credit block (`reprint-guard credit`):", "", "```markdown", policy.credit.markdown, "```"]
    return "\n".join(lines) + "\n"


def _wrapped(line: str, width: int = 100) -> str:
    """A paragraph or a list item of Markdown, wrapped at ``width`` (an item's lines indented under it); a
    heading, and a word longer than the width (an address), kept whole."""
    if len(line) <= width or line.startswith("#"):
        return line
    import textwrap

    indent = "  " if line.startswith("- ") else ""
    return textwrap.fill(line, width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)


def reference(policies: PolicySet, *, bundled: bool = True) -> str:
    """The policies' reference in Markdown: the bundled ones' (docs/policies.md), or a project's own with them
    (``bundled`` False: ``reprint-guard policies --format markdown``)."""
    ordered = sorted(policies, key=lambda p: p.id)
    head = (
        [
            "# Bundled policies",
            "",
            "Generated from `rules/` by `reprint-guard policies --format markdown --no-config` (or "
            "`python -m reprint_guard.policy.docs`); do not edit by hand.",
        ]
        if bundled
        else ["# Policies", "", "The bundled policies and this project's own, as `reprint-guard policies` reads them."]
    )
    parts = [
        *head,
        "",
        "| policy | publisher | rules | confidence | terms |",
        "|---|---|---|---|---|",
    ]
    parts += [
        f"| [`{p.id}`](#{_anchor(_heading(p))}) | {_cell(p.publisher)} | {len(p.rules)} | {p.confidence} | "
        f"<{p.source_url}> |"
        for p in ordered
    ]
    parts.append("")
    sections = (
        policy_markdown(p, policies.get(p.extends) if p.extends else None, amended_as_bundled(policies, p))
        for p in ordered
    )
    return "\n".join(parts) + "\n" + "\n".join(sections)


def bundled_reference() -> str:
    from .loader import _cached_set

    return reference(_cached_set(()))


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    sys.stdout.write(bundled_reference())
