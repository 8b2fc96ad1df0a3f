"""The bundled policies, validated ahead of time: a run reads them without YAML or pydantic.

Validating the 17 bundled policies means parsing their YAML and importing
pydantic, which together cost more than the whole start-up budget of the
command line. So ``bundled.json`` holds them already resolved and validated,
with a checksum of each YAML file; when every checksum still matches the files
in ``rules/``, :func:`load_compiled` builds the policies straight from it,
otherwise (a policy was edited and not recompiled) the YAML is read as usual.
A test keeps the committed file in step. Regenerate with::

    python -m reprint_guard.policy.compiled
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
import zlib
from pathlib import Path
from typing import Any

from ..checks.base import ParamsView
from ..report import Severity
from . import conditions
from .model import Credit, Policy, Rule

COMPILED_PATH = Path(__file__).resolve().parent / "bundled.json"
FORMAT = 2


def checksums(files: list[Path]) -> dict[str, list[int]]:
    """File name -> [size, CRC-32] of each policy file: enough to notice an edit."""
    sums = {}
    for path in files:
        data = path.read_bytes()
        sums[path.name] = [len(data), zlib.crc32(data)]
    return sums


def compile_bundled() -> dict[str, Any]:
    """Read, schema-check and resolve every bundled policy, as JSON data."""
    from .loader import PolicySet, bundled_rules_dir, policy_files, read_policy_file

    files = policy_files(bundled_rules_dir())
    policies = PolicySet([read_policy_file(path, validate=True) for path in files])
    dumped = [_dump(policies.get(policy_id)) for policy_id in policies.ids()]
    return {
        "format": FORMAT,
        "files": checksums(files),
        "policies": dumped,
        "required_words": _required_words(dumped),
        # The Unicode the words' case folding was read with: another Python's may fold a letter otherwise.
        "unicode": unicodedata.unidata_version,
    }


def _text_patterns(rules: Any) -> list[str]:
    """The distinct patterns of the text rules among ``rules`` (each a dumped rule's dict), in order."""
    return sorted(
        {
            rule["params"]["pattern"]
            for rule in rules
            if rule["check"] == "text" and isinstance((rule["params"] or {}).get("pattern"), str)
        }
    )


def _required_words(dumped: list[dict[str, Any]]) -> list[list[str] | None]:
    """For each distinct pattern of the text rules (in :func:`_text_patterns`'s order), the words one of which
    its every match holds (``prefilter.read_words``, as UTF-8 text), for a run to know without reading the
    pattern (:func:`_know_words`). Given by the patterns' order, not beside each: the patterns are long."""
    from ..prefilter import read_words

    words = [read_words(pattern) for pattern in _text_patterns(rule for policy in dumped for rule in policy["rules"])]
    return [None if found is None else [w.decode("utf-8") for w in found] for found in words]


def _know_words(data: dict[str, Any]) -> None:
    """Give ``prefilter`` the words of ``bundled.json``'s patterns, read when it was built (made ready when a
    page first asks of a pattern: a run that reaches no text rule pays nothing for them)."""
    from ..prefilter import know_words

    words = data.get("required_words")
    patterns = _text_patterns(rule for policy in data["policies"] for rule in policy["rules"])
    if not isinstance(words, list) or len(words) != len(patterns):
        return

    # Words read with another Unicode than this Python's are taken for ASCII patterns only, whose case folding
    # no Unicode version changes; any other pattern's are read again from it, when first asked.
    same = data.get("unicode") == unicodedata.unidata_version

    def known() -> dict[str, tuple[bytes, ...] | None]:
        return {
            pattern: None if found is None else tuple(w.encode("utf-8") for w in found)
            for pattern, found in zip(patterns, words, strict=True)
            if same or pattern.isascii()
        }

    know_words(known)


def render() -> str:
    return json.dumps(compile_bundled(), indent=1, ensure_ascii=False) + "\n"


#: The bundled policies last built from ``bundled.json``, by the checksums of the files they were built for:
#: each cached policy set (one a tenant's rules folder) shares them, rather than about 1.6 MB of its own.
_built: tuple[tuple[Path, str], dict[str, Policy]] | None = None


def load_compiled(folder: Path, files: list[Path]) -> dict[str, Policy] | None:
    """The bundled policies from ``bundled.json``, or None when it is missing or out of date."""
    global _built
    sums = checksums(files)
    key = (folder, json.dumps(sums, sort_keys=True))
    built = _built
    if built is not None and built[0] == key:
        return dict(built[1])
    try:
        data = json.loads(COMPILED_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("format") != FORMAT or data.get("files") != sums:
        return None
    policies = {entry["id"]: _load(entry, folder) for entry in data["policies"]}
    _know_words(data)
    _built = (key, policies)  # policies are immutable: shared between the sets as they are
    return dict(policies)


def _dump(policy: Policy) -> dict[str, Any]:
    return {
        "id": policy.id,
        "name": policy.name,
        "publisher": policy.publisher,
        "source_url": policy.source_url,
        "terms_read": policy.terms_read.isoformat() if policy.terms_read else None,
        "description": policy.description,
        "confidence": policy.confidence,
        "notes": policy.notes,
        "applies_to": list(policy.applies_to),
        "contacts": list(policy.contacts),
        "host_aliases": list(policy.host_aliases),
        "extends": policy.extends,
        "credit": (
            {"markdown": policy.credit.markdown, "html": policy.credit.html, "position": policy.credit.position}
            if policy.credit
            else None
        ),
        "file": Path(policy.path).name if policy.path else None,
        "rules": [
            {
                "id": rule.id,
                "check": rule.check,
                "message": rule.message,
                "severity": rule.severity.value,
                "description": rule.description,
                "when": conditions.dump(rule.when) if rule.when is not None else None,
                "fix": rule.fix,
                "terms": rule.terms,
                "confidence": rule.confidence,
                "params": rule.params.values() if rule.params is not None else None,
                "declared": rule.params.declared() if rule.params is not None else None,
                "origin": rule.origin,
                "amends": list(rule.amends),
                **({"position_after_fix": True} if rule.position_after_fix else {}),
            }
            for rule in policy.rules
        ],
    }


def _load(entry: dict[str, Any], folder: Path) -> Policy:
    credit = entry["credit"]
    return Policy(
        id=entry["id"],
        name=entry["name"],
        publisher=entry["publisher"],
        source_url=entry["source_url"],
        terms_read=dt.date.fromisoformat(entry["terms_read"]) if entry["terms_read"] else None,
        description=entry["description"],
        confidence=entry["confidence"],
        notes=entry["notes"],
        applies_to=tuple(entry["applies_to"]),
        contacts=tuple(entry["contacts"]),
        host_aliases=tuple(entry.get("host_aliases") or ()),
        extends=entry["extends"],
        credit=Credit(**credit) if credit else None,
        rules=tuple(
            Rule(
                id=rule["id"],
                check=rule["check"],
                message=rule["message"],
                severity=Severity(rule["severity"]),
                description=rule["description"],
                when=conditions.parse(rule["when"]) if rule["when"] is not None else None,
                fix=rule["fix"],
                terms=rule["terms"],
                confidence=rule["confidence"],
                params=ParamsView(rule["params"], rule["declared"]) if rule["params"] is not None else None,
                origin=rule["origin"],
                amends=tuple(rule["amends"]),
                position_after_fix=rule.get("position_after_fix", False),
            )
            for rule in entry["rules"]
        ),
        path=str(folder / entry["file"]) if entry["file"] else None,
    )


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    COMPILED_PATH.write_text(render(), encoding="utf-8")
