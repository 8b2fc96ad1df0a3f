"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers, streamed.

Results are written as they arrive; the rules they refer to (with descriptions,
help and the link to the publisher's terms) are collected on the way and
written after them, so nothing but the rule table is held in memory.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

from .. import __version__
from ..errors import ReprintGuardError, one_line
from ..report import STDIN_PATH, Finding, Result, Summary, stable_message
from . import json_text, unplaced

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def repository_root() -> Path:
    """Where SARIF paths start, as code scanning reads them: the git work tree that holds the working
    folder, else the GitHub workspace, else the working folder (not a config file's folder)."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    fallback = Path(workspace) if workspace and os.path.isdir(workspace) else Path.cwd()
    import subprocess

    try:
        proc = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return fallback
    top = os.fsdecode(proc.stdout).strip()
    return Path(top) if proc.returncode == 0 and top and os.path.isdir(top) else fallback


#: The fingerprint's name and version: v2 leaves a finding's detail out (v1 held the whole message).
FINGERPRINT = "reprintGuard/v2"


def fingerprint(path: str, rule: str, message: str) -> str:
    """Stable across line moves: the file, the rule and what it says, not where (a config suppression's
    own line, which some messages name, is left out too)."""
    if "(config, " in message:
        message = _CONFIG_LINE.sub(r"\1)", message)
    # surrogateescape: a file name that is not UTF-8 reaches Python as lone surrogates
    return hashlib.sha256(f"{path}\0{rule}\0{message}".encode("utf-8", "surrogateescape")).hexdigest()[:32]


#: "(config, .reprint-guard.yaml:17)": where a config suppression is written, as messages name it.
#: No part can match what the next one matches (the path holds no ":"), so a long message is read once.
_CONFIG_LINE = re.compile(r"(\(config, [^():]*)(?::\d+)+\)")


class SarifFormatter:
    def __init__(self, stream: IO[str], *, root: Path, rule_info: Any) -> None:
        self.stream = stream
        self.root = root.resolve()
        self.rule_info = rule_info
        self.rules: dict[str, int] = {}
        self.rule_objects: list[dict[str, Any]] = []
        self.first = True
        self.failed_inputs = 0
        #: (where, message) of each error told: one in a file several pages share (a section's _index.md, the
        #: site's config, a shared sidecar) is one alert, not one per page
        self.told: set[tuple[str, str]] = set()
        stream.write(f'{{"$schema": "{SARIF_SCHEMA}", "version": "2.1.0", "runs": [{{"results": [')

    def _rule_index(self, rule_id: str, level: str) -> int:
        index = self.rules.get(rule_id)
        if index is None:
            index = len(self.rule_objects)
            self.rules[rule_id] = index
            self.rule_objects.append(_rule_object(rule_id, level, self.rule_info(rule_id)))
        return index

    def _stable(self, finding: Any) -> str:
        """What a finding's fingerprint holds of its message (:func:`~reprint_guard.report.stable_message`)."""
        return stable_message(finding.message, (self.rule_info(finding.rule) or {}).get("short"))

    def _emit(self, result: dict[str, Any]) -> None:
        self.stream.write(("\n" if self.first else ",\n") + json_text(result))
        self.first = False

    def result(self, result: Result) -> None:
        artifact = artifact_location(result.path, self.root)
        uri = artifact["uri"]
        if result.status == "error":
            self.failed_inputs += 1
            region = {"startLine": result.error_line or 1}
            if result.error_column:
                region["startColumn"] = result.error_column
            rule = "reprint-guard/input-error"
            message = result.error or "could not be checked"
            where = artifact if result.error_file is None else artifact_location(result.error_file, self.root)
            bare = unplaced(message, result.error_file or result.path)
            error: dict[str, Any] = {
                "ruleId": rule,
                "ruleIndex": self._rule_index(rule, "error"),
                "level": "error",
                "message": {"text": message},
                "locations": [{"physicalLocation": {"artifactLocation": where, "region": region}}],
                "partialFingerprints": {FINGERPRINT: fingerprint(uri, rule, bare)},
            }
            if result.path == STDIN_PATH and result.error_file is None:
                del error["locations"]  # standard input is no file in the repository
            told = (where["uri"], message)
            if told in self.told:
                return
            self.told.add(told)
            self._emit(error)
            return
        seen: dict[str, int] = {}  # a fingerprint -> how many findings of this file had it
        for finding in result.findings:
            level = _LEVEL[finding.severity.value]
            text = finding.message if not finding.fix else f"{finding.message}\nFix: {finding.fix}"
            item: dict[str, Any] = {
                "ruleId": finding.rule,
                "ruleIndex": self._rule_index(finding.rule, level),
                "level": level,
                "message": {"text": text},
                "locations": [
                    {
                        "physicalLocation": {
                            # A value set in the metadata sidecar is told there.
                            "artifactLocation": artifact
                            if finding.file is None
                            else artifact_location(finding.file, self.root),
                            "region": _region(finding),
                        }
                    }
                ],
                "partialFingerprints": {
                    FINGERPRINT: _occurrence(fingerprint(uri, finding.rule, self._stable(finding)), seen)
                },
                "properties": {"policy": finding.policy, "check": finding.check},
            }
            if finding.file is not None and result.path != STDIN_PATH:
                # Told in another file than the page's (its sidecar, the site's _index.md or config giving the
                # value): a finding about the page, which it names, so that one per page is no repetition.
                item["message"]["text"] = f"{text}\n(in {one_line(result.path)}, with the value {finding.file} sets)"
                item["relatedLocations"] = [
                    {"id": 1, "physicalLocation": {"artifactLocation": artifact}, "message": {"text": "the page"}}
                ]
                item["properties"]["page"] = result.path
            if finding.confidence is not None:
                item["properties"]["confidence"] = finding.confidence
            if finding.fix:
                item["properties"]["fix"] = finding.fix
            if result.path == STDIN_PATH and finding.file is None:
                del item["locations"]  # standard input is no file in the repository
            if finding.suppressed is not None:
                suppression: dict[str, Any] = {
                    "kind": "inSource" if finding.suppressed.kind == "inline" else "external",
                    "justification": finding.suppressed.reason,
                }
                if finding.suppressed.until:
                    suppression["properties"] = {"until": finding.suppressed.until.isoformat()}
                item["suppressions"] = [suppression]
            self._emit(item)

    def close(self, summary: Summary) -> None:
        driver = {**_DRIVER, "rules": self.rule_objects}
        tail = {
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"%SRCROOT%": {"uri": self.root.as_uri() + "/"}},
            "invocations": [{"executionSuccessful": self.failed_inputs == 0}],
        }
        self.stream.write("\n], " + json_text(tail)[1:] + "]}\n")


def _occurrence(hashed: str, seen: dict[str, int]) -> str:
    """``hashed``, or for its second and later findings in one file ``hashed:N`` (as GitHub numbers its own):
    two findings that say the same of one file (two malformed suppressions) are two alerts, not one."""
    count = seen[hashed] = seen.get(hashed, 0) + 1
    return hashed if count == 1 else f"{hashed}:{count}"


def _as_markdown(text: str) -> str:
    """Plain text as Markdown shows it: "<author>" or "<figcaption>" in a rule's words are no HTML for a code
    scanning view to drop, and "*" or "_" open no emphasis."""
    return re.sub(r"([\\`*_\[\]])", r"\\\1", text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


#: What a rule's ``helpUri`` keeps as written: RFC 3986's delimiters ("%" too: an address already encoded), but
#: for the brackets and parentheses, which would end a Markdown link's address.
_URI_SAFE = ":/?#@!$&'*+,;=%"


def _rule_object(rule_id: str, level: str, info: dict[str, Any] | None) -> dict[str, Any]:
    info = info or {}
    short = info.get("short") or rule_id
    full = info.get("full") or short
    # A policy's source_url need only start with http(s)://: a space would make it no URI (the log invalid) and
    # ") ![...](...)" an image in the rule's help. Percent-encoded, it is one address, whatever it holds.
    help_uri = quote(info["help_uri"], safe=_URI_SAFE) if info.get("help_uri") else None
    name = "".join(part.capitalize() for part in rule_id.replace("/", "-").replace(".", "-").split("-"))
    help_text = full + (f"\nTerms: {help_uri}" if help_uri else "")
    help_markdown = f"**{_as_markdown(short)}**\n\n{_as_markdown(full)}" + (
        f"\n\n[The publisher's terms]({help_uri})" if help_uri else ""
    )
    rule: dict[str, Any] = {
        "id": rule_id,
        "name": name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": help_text, "markdown": help_markdown},
        "defaultConfiguration": {"level": level},  # as this run reports it: a config may change the policy's
        "properties": {"tags": ["reprint", rule_id.split("/")[0]], "precision": "high"},
    }
    if info.get("confidence"):  # how the publisher's term was read ("second-hand": re-check it at the source)
        rule["properties"]["confidence"] = info["confidence"]
    if help_uri:
        rule["helpUri"] = help_uri
    return rule


_DRIVER = {
    "name": "reprint-guard",
    "semanticVersion": __version__,
    "version": __version__,
}  # no informationUri: the project has no home page of its own yet (the property is optional)


def artifact_location(path: str, root: Path) -> dict[str, str]:
    """The file as a SARIF artifact location: relative to ``root`` (resolved) under ``%SRCROOT%`` when it lies
    there. A space, "#", "%" or ":" in a name is percent-encoded, so that "my file#1.md" is not read as
    "my file" and a fragment."""
    candidate = Path(path)
    try:
        # A symbolic link is placed where it stands (its folder resolved, as the root is), not at its target:
        # one into /etc is an alert on the pull request's file, and the target's path is not uploaded.
        named = Path(path)  # its folder resolved as the system reads it: "lnk/../b" goes through the link
        placed = named.parent.resolve() / named.name
        return {"uri": _quote(placed.relative_to(root).as_posix()), "uriBaseId": "%SRCROOT%"}
    except ValueError:  # outside the root: an absolute file URI (a relative one would resolve against nothing)
        return {"uri": placed.as_uri()}
    except OSError:
        return {"uri": _quote(candidate.as_posix())}


def _quote(path: str) -> str:
    """A relative path as a URI reference: its bytes percent-encoded (a name that is not UTF-8 keeps its bytes)."""
    return quote(os.fsencode(path))


def failed_run(stream: IO[str], error: ReprintGuardError, *, root: Path) -> None:
    """A SARIF log for a run that stopped before checking anything (a broken policy or config).

    No results, and the reason as a tool execution notification placed in the
    file at fault, so an upload step after the check still finds a valid file
    and code scanning shows why nothing was checked.
    """
    notification: dict[str, Any] = {"level": "error", "message": {"text": error.message}}
    if error.path:
        region = {"startLine": error.line} if error.line else {}
        if error.line and error.column:
            region["startColumn"] = error.column
        location: dict[str, Any] = {"artifactLocation": artifact_location(error.path, root.resolve())}
        if region:
            location["region"] = region
        notification["locations"] = [{"physicalLocation": location}]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {**_DRIVER, "rules": []}},  # GitHub's upload wants the table, empty or not
                "results": [],
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {"%SRCROOT%": {"uri": root.resolve().as_uri() + "/"}},
                "invocations": [{"executionSuccessful": False, "toolExecutionNotifications": [notification]}],
            }
        ],
    }
    stream.write(json_text(log) + "\n")


def _region(finding: Finding) -> dict[str, int]:
    """Where a finding stands: its start, and its end (SARIF's ``endColumn`` is the column after the last
    character, as the finding's) when a check found the text it is about."""
    region = {"startLine": finding.line, "startColumn": finding.column}
    if finding.end_line is not None and finding.end_column is not None:
        region["endLine"] = finding.end_line
        region["endColumn"] = finding.end_column
    return region
