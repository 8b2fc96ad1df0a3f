"""The policy test harness.

A fixture is a reprint (Markdown, HTML with a sidecar, or JSON) whose metadata
declares what must fire::

    expect:
      - cc-by-4.0/license-link        # this rule, anywhere
      - cc-by-4.0/credit-author@14    # this rule, at line 14
      - cc-by-4.0/credit-author@14:3  # this rule, at line 14, column 3 (as ``test`` prints a position)

``expect: []`` declares a compliant reprint. Nothing else may fire. The policy
is the fixture folder's name (``tests/policies/<policy-id>/``) unless the
fixture names one with ``policy:``.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ReprintGuardError
from ..report import Finding

FIXTURE_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".json")


@dataclass
class Expectation:
    rule: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        if self.line and self.column:
            return f"{self.rule}@{self.line}:{self.column}"
        return f"{self.rule}@{self.line}" if self.line else self.rule

    def matches(self, finding: Finding) -> bool:
        return (
            finding.rule == self.rule
            and (self.line is None or finding.line == self.line)
            and (self.column is None or finding.column == self.column)
        )


@dataclass
class Outcome:
    path: str
    policy: str | None
    missing: list[Expectation] = field(default_factory=list)
    unexpected: list[Finding] = field(default_factory=list)
    matched: list[Finding] = field(default_factory=list)
    #: The expectation each of ``matched`` met, as written (``rule@11:52``), in the same order.
    met: list[Expectation] = field(default_factory=list)
    error: str | None = None
    #: The rule ids of the policy it was checked against (what ``test`` notes untried).
    rules: tuple[str, ...] = ()
    #: Why an expected rule may not have fired, by rule id, where the fixture's shape says (too short a story
    #: for a rule's top or bottom).
    hints: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None and not self.missing and not self.unexpected


def fixtures(paths: list[str]) -> Iterator[Path]:
    """The fixture files ``paths`` name, a folder standing for those found in it."""
    return (path for path, _ in fixture_items(paths))


def fixture_items(paths: list[str]) -> Iterator[tuple[Path, bool]]:
    """Each fixture file, and whether it was found in a folder (not named): as a check's walk, a walk
    passes over named pipes and devices, and does not read through a link out of the repository."""
    seen: set[str] = set()  # each fixture once, however the paths overlap (a file and its folder, one twice)
    for item in paths:
        path = Path(item)
        if path.is_dir():
            for folder, dirs, files in os.walk(path, onerror=_unreadable):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.lower().endswith(FIXTURE_SUFFIXES) and not name.startswith((".", "README")):
                        found = Path(folder) / name
                        if (not found.exists() or found.is_file()) and _first(found, seen):  # a dangling link stays
                            yield found, True
        else:
            for named in _articles_of(path):
                if _first(named, seen):
                    yield named, False


def _unreadable(error: OSError) -> None:
    """A folder the walk cannot list: its fixtures would be left out unsaid, and the run pass without them."""
    from ..errors import UsageError

    raise UsageError(f"cannot read folder: {error.strerror}", path=error.filename)


def _articles_of(path: Path) -> list[Path]:
    """The fixture a named file stands for: itself, or for an HTML fixture's metadata sidecar
    (``page.meta.yaml``), the article beside it that it describes (none there: the sidecar, for its error)."""
    from ..readers import SIDECAR_SUFFIXES, sidecar_names

    name = str(path)
    if not name.lower().endswith(SIDECAR_SUFFIXES) or not path.is_file():
        return [path]
    stem = name[: -len(next(s for s in SIDECAR_SUFFIXES if name.lower().endswith(s)))]
    candidates = [stem] if stem.lower().endswith(FIXTURE_SUFFIXES) else [stem + suffix for suffix in FIXTURE_SUFFIXES]
    articles = [Path(c) for c in candidates if os.path.isfile(c) and name in sidecar_names(c)]
    return articles or [path]


def _first(path: Path, seen: set[str]) -> bool:
    """Whether ``path`` is met for the first time (``seen`` updated), by what it is, not how it is named."""
    key = os.path.realpath(path)
    if key in seen:
        return False
    seen.add(key)
    return True


def parse_expect(
    value: object, path: str, line: int | None = None, misspelt: tuple[str, int | None] | None = None
) -> list[Expectation]:
    """The expectations a fixture's ``expect`` (written at ``line``) declares; one malformed is an error of
    the fixture at that line, whatever its shape (a bare string, a mapping, nothing after the key).
    ``misspelt``: a key of the fixture's close to ``expect`` (``expects``), with its line, when it has none."""
    first = 1 if line or misspelt else None  # the column of the key
    if value is None:
        message = "a fixture needs 'expect: [...]' in its metadata ([] for a compliant one)"
        if line:  # the key is there, with nothing after it
            message = "'expect' is empty: list the rules that must fire, or write 'expect: []' for a compliant one"
        elif misspelt is not None:  # "expects:", "Expect:": the key written otherwise, at its line
            message = (
                f"a fixture's key is 'expect', not {misspelt[0]!r}: write 'expect: [...]' ([] for a compliant one)"
            )
            line = misspelt[1]
        raise ReprintGuardError(message, path=path, line=line, column=first)
    if not isinstance(value, list):
        message = "'expect' must be a list of '<policy>/<rule>' or '<policy>/<rule>@LINE'"
        if isinstance(value, str):  # one rule, written without the brackets
            message += f", not a single string: write 'expect: [{value}]'"
        raise ReprintGuardError(message, path=path, line=line, column=first)
    out = []
    for item in value:
        if item is None or isinstance(item, bool | int | float) or not isinstance(item, str | dict):
            # "expect: [null]", "[~]", "[- ]": YAML's empty entry; a number or a flag: no rule id either
            written = "an empty entry (null)" if item is None else f"{json.dumps(item, default=str)}, not a rule id"
            message = f"'expect' holds {written}: write 'expect: []' for a compliant one, or '<policy>/<rule>'"
            raise ReprintGuardError(message, path=path, line=line, column=first)
        if isinstance(item, dict) and path.lower().endswith(".json"):  # written as an object: no slip of YAML's
            message = f"'expect': {json.dumps(item, ensure_ascii=False)[:200]} is an object, not a rule id: write "
            message += "'<policy>/<rule>' or '<policy>/<rule>@LINE' in a string"
            raise ReprintGuardError(message, path=path, line=line, column=first)
        if isinstance(item, dict) and len(item) == 1:
            # YAML reads "rule@7: 5" (a space after the colon) in a flow list as a key and its value.
            key, column = next(iter(item.items()))
            # "rule@7: 5" meant a column (no space after the colon); "rule: 7", a line (written with "@").
            meant = f"{key}:{column}" if "@" in str(key) else f"{key}@{column}"
            message = (
                f"'expect': YAML reads '{key}: {column}' as a key and a value: write '{meant}' "
                "(a line after '@', a column after ':' with no space), or quote the entry"
            )
            raise ReprintGuardError(message, path=path, line=line, column=first)
        rule, at, place = str(item).partition("@")
        number, colon, column = place.strip().partition(":")
        if at and not (_positive(number) and (not colon or _positive(column))):
            # "@line17" or a bare "@" would otherwise expect the rule anywhere, and the line go unchecked
            what = "no column" if _positive(number) else "no line"  # "@12:0": the line is fine, its column is not
            message = f"'expect': {str(item)!r} names {what}; write '<policy>/<rule>@17' (or '@17:5' with a column)"
            raise ReprintGuardError(message, path=path, line=line, column=first)
        out.append(Expectation(rule.strip(), int(number) if at else None, int(column) if colon else None))
    return out


def _positive(number: str) -> bool:
    return number.isascii() and number.isdigit() and int(number) > 0


def run_fixture(path: Path, rules_dirs: tuple[str, ...] = (), *, walked: bool = False) -> Outcome:
    """Check one fixture against its policy and compare the findings with its ``expect`` (``walked``: found
    in a folder, not named)."""
    from ..engine import check_reprint
    from ..policy.loader import load_policy, policy_set
    from ..readers import link_out_of_repository, read_file

    name = str(path)
    try:
        target = link_out_of_repository(name) if walked else None
        if target is not None:  # a fixtures folder may come with a pull request: what it links to is not read
            raise ReprintGuardError(f"a symbolic link out of the repository ({target}): not read", path=name)
        reprint = read_file(path)
        meta = reprint.metadata
        place = _expect_place(path, reprint)
        misspelt = _expect_misspelt(reprint) if "expect" not in meta.extra else None
        expected = parse_expect(meta.extra.get("expect"), *place, misspelt=misspelt)
        policies = policy_set(rules_dirs)
        # The folder's name as the user sees it ("test ." in it, "./x.md", "sub/../x.md"), symbolic links kept.
        policy_id = meta.policy or Path(os.path.abspath(path)).parent.name
        try:
            policy = load_policy(policy_id, extra=rules_dirs)
        except ReprintGuardError as exc:
            if exc.path is not None and os.path.isfile(exc.path):
                raise  # a policy file, at fault itself
            line = reprint.key_lines.get("policy")  # a policy named in the fixture, else its folder's name
            # An unknown id, or a file named that is not there (or is a folder): the fixture's slip, at its key
            message = exc.message if exc.path is None else f"{exc.message}: {policy_id}"
            above = None if meta.policy else _policy_folder_above(path, policies)
            if above is not None and message.startswith("unknown policy"):
                message = (
                    f"a fixture goes directly in its policy's folder ({above}{os.sep}): one in a folder inside it "
                    f"is read as for policy {policy_id!r}, which is unknown; move it up, or write "
                    f"'policy: {os.path.basename(above)}' in its metadata"
                )
            elif message.startswith("unknown policy") and not rules_dirs and "did you mean" not in message:
                message = message.partition("; known policies")[0] + (
                    ": a policy of your own is found with --rules-dir DIR or the config's 'policies'"
                )
            raise ReprintGuardError(message, path=name, line=line, column=1 if line else None) from None
        _known(expected, policy, *place, policies=policies)
        result = check_reprint(reprint, policies, policy)
    except ReprintGuardError as exc:
        return Outcome(name, None, error=str(exc))
    except RecursionError:  # as a check says it: a value nested thousands deep
        return Outcome(name, None, error=f"{name}: input nested too deeply to check")
    outcome = Outcome(name, policy.id, rules=tuple(f"{policy.id}/{rule.id}" for rule in policy.rules))
    remaining = [f for f in result.findings if f.suppressed is None]
    # The most specific first (line and column, then line, then anywhere): a rule expected anywhere taking the
    # finding another expectation names by its place would fail a fixture whose findings meet them all.
    hits: dict[int, Finding] = {}
    for index in sorted(range(len(expected)), key=lambda i: (expected[i].column is None, expected[i].line is None)):
        hit = next((f for f in remaining if expected[index].matches(f)), None)
        if hit is not None:
            hits[index] = hit
            remaining.remove(hit)
    for index, want in enumerate(expected):
        if index not in hits:
            outcome.missing.append(want)
        else:
            outcome.matched.append(hits[index])
            outcome.met.append(want)
    outcome.unexpected = remaining
    outcome.hints = _hints(outcome.missing, policy, reprint)
    return outcome


def _policy_folder_above(path: Path, policies: Any) -> str | None:
    """The folder above a fixture's own, in the path as written, that names a known policy
    (``tests/policies/<id>/edge/x.md``): only the folder a fixture is in names its policy, so one in a
    subfolder is told to move."""
    return next((str(folder) for folder in path.parent.parents if folder.name and folder.name in policies), None)


def _hints(missing: list[Expectation], policy: Any, reprint: Any) -> dict[str, str]:
    """For an expected placement finding not reported (an attribution or link rule's ``position``), in a story too
    short for its top and bottom to be apart: the windows are never under 300 characters, so they overlap and
    a credit at either end is at both (the README's advice on placement fixtures, said where it bites)."""
    from ..checks.base import WINDOW_CHARS

    hints: dict[str, str] = {}
    for want in missing:
        rule = policy.rule(want.rule.partition("/")[2]) if want.rule.startswith(f"{policy.id}/") else None
        if (
            rule is None
            or rule.check not in ("attribution", "link")
            or getattr(rule.params, "position", "any") == "any"
        ):
            continue
        size = len(reprint.visible.text)
        if size < 2 * WINDOW_CHARS:
            hints[want.rule] = (
                f"the story's visible text is {size} characters: under {2 * WINDOW_CHARS}, the top and bottom "
                f"windows ({WINDOW_CHARS} characters at least) overlap, so a credit or link at one end counts at "
                "the other too; make the story longer"
            )
    return hints


def _expect_misspelt(reprint: Any) -> tuple[str, int | None] | None:
    """A key of the fixture's written close to ``expect`` (``expects``, ``Expect``, ``expected``), with its
    line, or None."""
    import difflib

    for key in reprint.metadata.extra:
        if isinstance(key, str) and difflib.SequenceMatcher(None, key.lower(), "expect").ratio() >= 0.8:
            return key, reprint.key_lines.get(key)
    return None


def _expect_place(path: Path, reprint: Any) -> tuple[str, int | None]:
    """The file and line where a fixture's ``expect`` is written: its front matter, else its sidecar."""
    line = reprint.key_lines.get("expect")
    if line is not None:
        return str(path), line
    from ..readers import sidecar_names
    from ..safeyaml import load

    for sidecar in map(Path, sidecar_names(path)):  # as the reader looks for it
        if sidecar.is_file():
            try:
                return str(sidecar), load(sidecar.read_text(encoding="utf-8")).key_lines.get("expect")
            except (ReprintGuardError, OSError, UnicodeError):
                break  # the sidecar was read once already: its own errors were told then
    return str(path), None


def _known(expected: list[Expectation], policy: Any, path: str, line: int | None, *, policies: Any = None) -> None:
    """Every expected rule is one the policy has (or one of the tool's own): a misspelt id is an error of
    the fixture, not a finding "not reported"; so is a rule the policy turns off, which never fires."""
    from ..engine import TOOL_POLICY, TOOL_RULES

    for want in expected:
        policy_id, _, rule_id = want.rule.partition("/")
        if policy_id == TOOL_POLICY and rule_id in TOOL_RULES:
            continue
        if policy_id != policy.id or policy.rule(rule_id) is None:
            off = policies.turned_off(policy, rule_id) if policies is not None and policy_id == policy.id else None
            if off is not None:
                owner, child = off
                by = "it turns off" if child is policy else f"{child.id!r}, which it extends, turns off"
                message = (
                    f"expect names {want.rule!r}, a rule of {owner.id!r} that policy {policy.id!r} does not run "
                    f"({by} with disabled: true): it never fires, so leave it out of expect"
                )
                raise ReprintGuardError(message, path=path, line=line, column=1 if line else None)
            rules = ", ".join(f"{policy.id}/{rule.id}" for rule in policy.rules)
            message = f"expect names {want.rule!r}, which is no rule of policy {policy.id!r}"
            meant = _meant(want.rule, policy)
            message += f"; did you mean {meant!r}?" if meant else f" ({rules})"
            raise ReprintGuardError(message, path=path, line=line, column=1 if line else None)


def _meant(rule: str, policy: Any) -> str | None:
    """The rule id an expectation most likely means: its rule without the policy (``no-exclusive``), or with an
    ancestor's id (``cc-by-4.0/license``, inherited), written with this policy's id; else a close spelling."""
    name = rule.rpartition("/")[2]
    if policy.rule(name) is not None:
        return f"{policy.id}/{name}"
    import difflib  # error path only

    ids = [f"{policy.id}/{r.id}" for r in policy.rules]
    close = difflib.get_close_matches(rule if "/" in rule else f"{policy.id}/{rule}", ids, n=1, cutoff=0.8)
    return close[0] if close else None


def _place(found: Any) -> str:
    """``line:column`` of a finding as ``expect`` takes it, and the file it is in when that is not the
    fixture's own (a line of its metadata sidecar: ``3:1 in a.meta.yaml``)."""
    where = f"{found.line}:{found.column}"
    return f"{where} in {os.path.basename(found.file)}" if getattr(found, "file", None) else where


def render(outcome: Outcome) -> str:
    """A diff of expected versus actual findings, with line numbers."""
    from ..errors import shown_line

    path = shown_line(outcome.path)  # a name's line break or escape sequence shown as an escape
    if outcome.error:
        return f"ERROR {path}\n  {shown_line(outcome.error)}\n"
    if outcome.ok:
        return ""
    lines = [f"FAIL {path}  (policy {outcome.policy})"]
    told: set[int] = set()  # the unexpected findings a missed one's line already names: not listed twice
    # Counted once, not for each expectation missed: thousands of them made this quadratic.
    wanted_times = Counter(w.rule for w in [*outcome.missing, *outcome.met])
    reported_times = Counter(f.rule for f in [*outcome.matched, *outcome.unexpected])
    counted: dict[str, str] = {}  # the expectations missed whose count is told: once each, however often written
    for want in outcome.missing:
        elsewhere = [f for f in outcome.unexpected if f.rule == want.rule and id(f) not in told]
        actual = ""
        if elsewhere and want.line:  # one line for a finding at another place: "~", the place and the message
            told.add(id(elsewhere[0]))
            lines.append(f"  ~ expected {want}: reported at {_place(elsewhere[0])} instead: {elsewhere[0].message}")
            continue
        wanted, reported = wanted_times[want.rule], reported_times[want.rule]
        if wanted > max(reported, 1):  # expect: [r, r] where r fired once, or not at all: one line, its count
            actual = f" (expected {wanted} times, reported {reported})"
            if counted.get(str(want)) == actual:  # the same expectation written again: its count says it
                continue
            counted[str(want)] = actual
        lines.append(f"  - expected {want}: not reported{actual}")
        if want.rule in outcome.hints:
            lines.append(f"    ({outcome.hints[want.rule]})")
    for found in outcome.unexpected:
        if id(found) not in told:
            lines.append(f"  + unexpected {found.rule}@{_place(found)}: {found.message}")
    for index, found in enumerate(outcome.matched):
        # As written when it names a place (``@11:52``), else where it was found, as unexpected ones are shown.
        want = outcome.met[index] if index < len(outcome.met) else None
        lines.append(f"    ok {want}" if want and want.line else f"    ok {found.rule}@{found.line}:{found.column}")
    return "\n".join(lines) + "\n"
