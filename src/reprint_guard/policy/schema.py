"""The policy JSON Schema, generated from the check modules' parameter models.

The schema ships as ``schemas/policy.schema.json`` (editors can use it through
yaml-language-server); a test keeps the file in step with this generator.
Regenerate with ``python -m reprint_guard.policy.schema``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..checks import CHECKS
from ..checks.params import PARAMS
from .conditions import OPERATORS

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "policy.schema.json"
SCHEMA_ID = "https://reprint-guard.invalid/schemas/policy.schema.json"
ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$(?!\n)"  # "$" alone lets a final line break by in Python's re

COMMON_RULE_PROPERTIES: dict[str, Any] = {
    "id": {"type": "string", "pattern": ID_PATTERN, "description": "Stable rule id, unique in the policy."},
    "check": {"enum": sorted(CHECKS), "description": "The check type."},
    "severity": {
        "enum": ["error", "warning", "info"],
        "default": "error",
        "description": "error fails the check; warning and info are reported only (a config may change it).",
    },
    "message": {"type": "string", "minLength": 1, "description": "What is wrong, for a non-lawyer."},
    "description": {"type": "string", "description": "What the term requires and why."},
    "when": {"$ref": "#/$defs/condition"},
    "fix": {"type": "string", "description": "Fix template; {author}, {original_url}, ... are filled in."},
    "disabled": {"type": "boolean", "description": "Drop a rule inherited through extends."},
    "extend": {
        "type": "object",
        "minProperties": 1,
        "additionalProperties": {"type": ["string", "array"]},
        "description": "In a rule amending an inherited one (no check): patterns to add as alternatives, "
        "items to add to lists.",
    },
    "terms": {"type": "string", "description": "The term of the publisher's terms this rule encodes."},
    "confidence": {"enum": ["primary", "second-hand"], "description": "second-hand: re-check at the source."},
}


def _condition_schema() -> dict[str, Any]:
    scalar = {"type": ["string", "number", "boolean", "null"]}
    field_test = {
        "type": "object",
        "properties": {
            "field": {"type": "string", "description": "The metadata key tested (medium, commercial, ...)."},
            "is": {**scalar, "description": "The field has this value (compared blind to case)."},
            "is_not": {**scalar, "description": "The field is set to another value."},
            "in": {"type": "array", "items": scalar, "description": "The field has one of these values."},
            "not_in": {"type": "array", "items": scalar, "description": "The field is set to none of these."},
            "present": {"type": "boolean", "description": "true: the field is set; false: it is not."},
        },
        "required": ["field"],
        "minProperties": 2,
        "maxProperties": 2,
        "additionalProperties": False,
    }
    ref = {"$ref": "#/$defs/condition"}
    return {
        "description": f"A condition over metadata: all/any/not, or a field test with one of {OPERATORS}.",
        "oneOf": [
            field_test,
            {
                "type": "object",
                "properties": {
                    "all": {"type": "array", "items": ref, "minItems": 1, "description": "Every condition holds."}
                },
                "required": ["all"],
                "additionalProperties": False,
            },
            {
                "type": "object",
                "properties": {
                    "any": {"type": "array", "items": ref, "minItems": 1, "description": "One condition holds."}
                },
                "required": ["any"],
                "additionalProperties": False,
            },
            {"type": "object", "properties": {"not": ref}, "required": ["not"], "additionalProperties": False},
        ],
    }


def _check_branch(name: str, module: Any) -> dict[str, Any]:
    params = PARAMS[name].model_json_schema(by_alias=True)
    properties = dict(COMMON_RULE_PROPERTIES)
    for key, value in params.get("properties", {}).items():
        value.pop("title", None)
        properties[key] = value
    branch: dict[str, Any] = {
        "properties": properties,
        "additionalProperties": False,
    }
    required = params.get("required")
    if required:
        branch["required"] = required
    return {"if": {"properties": {"check": {"const": name}}, "required": ["check"]}, "then": branch}


#: Fields an amendment may write as null, dropping what the inherited rule has (its condition, its fix).
_DROPPABLE = ("when", "fix", "description", "terms")


def _amendment_branch() -> dict[str, Any]:
    """A rule with no check amends the rule it inherits, whose check type the schema cannot know: its keys are
    the rule fields and any check type's parameters (a misspelt one, ``severty`` or ``chek``, is flagged as it
    is in a rule written whole), and a field it drops (a condition) is written null."""
    properties: dict[str, Any] = {key: value for key, value in COMMON_RULE_PROPERTIES.items() if key != "check"}
    for key in _DROPPABLE:
        properties[key] = {
            "anyOf": [properties[key], {"type": "null"}],
            "description": f"{properties[key].get('description', 'A condition over metadata.')} null drops the "
            f"inherited rule's {key}.",
        }
    for name in sorted(CHECKS):
        for key, value in PARAMS[name].model_json_schema(by_alias=True).get("properties", {}).items():
            said = value.get("description", "")
            properties.setdefault(key, {"description": f"A parameter of the inherited rule's check ({said})."})
    return {"minProperties": 2, "properties": properties, "additionalProperties": False}


def policy_schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "reprint-guard policy",
        "description": "One publisher's or licence's reprint terms, as rules reprint-guard checks.",
        "type": "object",
        "properties": {
            "$schema": {"type": "string"},
            "id": {
                "type": "string",
                "pattern": ID_PATTERN,
                "description": "Stable policy id: the first part of its rules' ids (<policy>/<rule>).",
            },
            "name": {"type": "string", "minLength": 1, "description": "The policy's name, as reports show it."},
            "publisher": {
                "type": "string",
                "minLength": 1,
                "description": "The publisher (or licence steward) whose terms these are.",
            },
            "source_url": {
                "type": "string",
                "pattern": "^https?://",
                "description": "Where the terms are published: what each rule is traced to.",
            },
            "terms_read": {"type": "string", "format": "date", "description": "When the terms were read."},
            "description": {"type": "string", "description": "What the terms allow and ask, in a few sentences."},
            "confidence": {
                "enum": ["primary", "second-hand", "mixed"],
                "description": "Where the terms were read: the publisher's own page, a third party's quote, or both.",
            },
            "notes": {"type": "string", "description": "What to re-check, caveats, exceptions not encoded."},
            "applies_to": {
                "type": "array",
                "items": {"type": "string", "minLength": 1},
                "description": "Host names (subdomains included) of originals this policy is chosen for.",
            },
            "host_aliases": {
                "type": "array",
                "items": {"type": "string", "minLength": 1},
                "minItems": 2,
                "uniqueItems": True,
                "description": "Hosts of applies_to that serve the same articles at the same paths (a renamed "
                "site's old domain, redirecting to the new): a link to the original's path on any of them links "
                "the original. Matched whole: a subdomain serving other articles is no alias.",
            },
            "contacts": {
                "type": "array",
                "items": {"type": "string", "minLength": 3},
                "description": "Email addresses that grant permissions: a permission record must come from one.",
            },
            "extends": {
                "type": "string",
                "pattern": ID_PATTERN,
                "description": "A policy whose rules this one inherits (a rule of the same id replaces one).",
            },
            "credit": {
                "type": "object",
                "description": "The attribution block this policy wants; {placeholders} are filled from metadata.",
                "properties": {
                    "markdown": {"type": "string", "minLength": 1, "description": "The block as Markdown."},
                    "html": {"type": "string", "minLength": 1, "description": "The block as HTML, for HTML reprints."},
                    "position": {
                        "enum": ["top", "bottom"],
                        "default": "bottom",
                        "description": "Where --fix inserts it.",
                    },
                },
                "required": ["markdown"],
                "additionalProperties": False,
            },
            "rules": {
                "type": "array",
                "items": {"$ref": "#/$defs/rule"},
                "description": "The rules: each one term, checked by one check type.",
            },
        },
        "required": ["id", "name", "publisher", "source_url", "rules"],
        "additionalProperties": False,
        "$defs": {
            "condition": _condition_schema(),
            "rule": {
                "type": "object",
                # The fields every rule is held to; the rest are its check type's (below) or, in an amendment,
                # the inherited rule's.
                "properties": {key: COMMON_RULE_PROPERTIES[key] for key in ("id", "check", "disabled")},
                "required": ["id"],
                "if": {"properties": {"disabled": {"const": True}}, "required": ["disabled"]},
                # A rule with its check is written whole; one without amends the rule it inherits.
                "else": {
                    "if": {"required": ["check"]},
                    "then": {"required": ["id", "check", "message"]},
                    "else": _amendment_branch(),
                },
                "allOf": [_check_branch(name, module) for name, module in sorted(CHECKS.items())],
            },
        },
    }


def render_schema() -> str:
    return json.dumps(policy_schema(), indent=2, sort_keys=False) + "\n"


REPORT_SCHEMA_PATH = SCHEMA_PATH.with_name("report.schema.json")


def render_report_schema() -> str:
    from ..results import report_schema

    return json.dumps(report_schema(), indent=2) + "\n"


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    SCHEMA_PATH.write_text(render_schema(), encoding="utf-8")
    REPORT_SCHEMA_PATH.write_text(render_report_schema(), encoding="utf-8")
    from ..config.loader import SCHEMA_PATH as CONFIG_SCHEMA_PATH
    from ..config.loader import render_config_schema

    CONFIG_SCHEMA_PATH.write_text(render_config_schema(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}, {REPORT_SCHEMA_PATH} and {CONFIG_SCHEMA_PATH}")
