"""Suppressions that carry a reason: inline comments and central config entries.

Inline, anywhere in the body (HTML comment syntax works in Markdown and HTML)::

    <!-- reprint-guard: ignore global-research/commercial-permission
         reason="Permission by email, 2 May" until=2025-05-02 -->

A suppression without a reason is itself an error; an expired one stops
suppressing and says so; one that suppresses nothing is reported. Suppressed
findings stay in the results, marked with the reason. An inline suppression is
judged in its file; a run over files judges the config's once, over the run
(:func:`judge_config`).
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Callable, Collection, Iterator, Sequence
from functools import lru_cache
from typing import Any

from .forking import fork_safe
from .htmldepth import RAW_TEXT
from .record import Record
from .report import Finding, Severity, Suppressed

TOOL = "reprint-guard"
#: The inside of an HTML comment that is a suppression (comments are found with str.find: linear time).
#: The marker in any case ("REPRINT-GUARD: ignore ..."): one not written in lower case is told, not passed over
#: as a comment like any other (a suppression that silently does nothing).
_INLINE = re.compile(r"\s*(?P<marker>reprint-guard):\s*(?P<verb>[a-z-]+)\s*(?P<args>.*)", re.DOTALL | re.IGNORECASE)
_RULE_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*/(?:[a-z0-9][a-z0-9._-]*|\*)$")
#: The reason, in double quotes: straight, or curly as an editor's word processor or CMS writes them.
_REASON = re.compile(r'reason\s*=\s*(?:"(?P<straight>[^"]*)"|[“”„](?P<curly>[^"“”]*)["“”])')
_REASON_GIVEN = re.compile(r"\breason\s*=")
#: The expiry: in double or single quotes (straight or curly) as the reason is, its words kept together ("March
#: 2027" is one value, told as no date, not a rule written wrong), or bare.
_UNTIL = re.compile(r"""until\s*=\s*(?P<until>"[^"]*"|'[^']*'|[“”„‘’][^"“”'‘’]*["“”'‘’]|\S+)""")


def _reason(found: re.Match[str]) -> str:
    """The reason a :data:`_REASON` match holds: in straight quotes (curly ones inside are its text), or curly."""
    return (found.group("straight") if found.group("straight") is not None else found.group("curly")).strip()


class Suppression(Record):
    """An agreed exception: the rules it covers, why, until when, and where it was written."""

    __slots__ = ("rules", "reason", "until", "kind", "line", "column", "source", "used", "glob")

    def __init__(
        self,
        rules: tuple[str, ...],
        reason: str,
        until: dt.date | None,
        kind: str,  # "inline" or "config"
        line: int,
        column: int,
        source: str = "",
        used: bool = False,
        glob: str = "",  # a config suppression's path
    ) -> None:
        self.rules = rules
        self.reason = reason
        self.until = until
        self.kind = kind
        self.line = line
        self.column = column
        self.source = source
        self.used = used
        self.glob = glob

    def matches(self, rule: str) -> bool:
        return rule_matches(self.rules, rule)

    def expired(self, today: dt.date) -> bool:
        return self.until is not None and self.until < today


def rule_matches(rules: Sequence[str], rule: str) -> bool:
    """Whether suppressed ``rules`` (ids, or ``<policy>/*``) cover the rule id ``rule``."""
    return any(r == rule or (r.endswith("/*") and rule.startswith(r[:-1])) for r in rules)


def inline_of(reprint: Any) -> tuple[list[Suppression], list[Finding]]:
    """A reprint's inline suppressions, and findings for malformed ones. Plain text has no comments: what
    looks like one there is shown to readers, so it suppresses nothing (and counts as visible text)."""
    if reprint.format == "text":
        return [], []
    format = reprint.format
    return parse_inline(reprint.body, reprint.position, markdown=format == "markdown", html=format == "html")


def parse_inline(
    body: str, position: Callable[[int], tuple[int, int]], *, markdown: bool = False, html: bool = False
) -> tuple[list[Suppression], list[Finding]]:
    """Inline suppressions in a body, and findings for malformed ones.

    In Markdown only a comment in raw HTML counts: one written in a code span or
    block, after a backslash or in a link's title is shown as text (an article
    explaining the syntax) and suppresses nothing. In HTML (a page, or a Markdown
    file's raw HTML), one written in an element read as text (a <textarea>, a
    <title>, a <script>, a <noscript>), in an attribute's value or in a CDATA
    section is no comment either: only what an HTML parser makes a comment counts.
    """
    found: list[Suppression] = []
    problems: list[Finding] = []
    if "reprint-guard:" not in body and "uard:" not in body and "UARD:" not in body:
        return found, problems
    if markdown:
        from .readers.markdown import html_ranges

        comments = _inline_comments(body, html_comments(_raw_html_only(body, html_ranges(body))))
    elif html:
        comments = _inline_comments(body, html_comments(body))
    else:
        comments = _inline_comments(body, _comment_spans(body))
    for index, match in comments:
        line, column = position(index)  # in the file (a body in JSON is one escaped string)
        args = match.group("args")
        reason_match = _REASON.search(args)
        until_match = _UNTIL.search(args)
        words = _REASON.sub("", _UNTIL.sub("", args)).replace(",", " ").split()
        rules = tuple(w for w in words if _RULE_ID.match(w))
        unknown = [w for w in words if not _RULE_ID.match(w)]
        problem = None
        settings = [w.partition("=")[0] for w in unknown if "=" in w]
        if match.group("marker") != "reprint-guard" or match.group("verb") == "IGNORE":
            problem = "write the marker in lower case: 'reprint-guard: ignore <policy>/<rule> reason=\"...\"'"
        elif match.group("verb") != "ignore":
            problem = (
                f"unknown verb {match.group('verb')!r}; write 'reprint-guard: ignore <policy>/<rule> reason=\"...\"'"
            )
        elif reason_match is None and _REASON_GIVEN.search(args):  # unquoted, or in single quotes
            problem = 'write the reason in double quotes: reason="why this is allowed"'
        elif settings:  # "expires=..." for until=, a typo: not a rule written wrong
            problem = (
                f'unknown setting {settings[0]!r}: a suppression takes the rules, reason="..." and until=YYYY-MM-DD'
            )
        elif not rules or unknown:
            problem = "name the rules to ignore as <policy>/<rule> (comma-separated)"
        elif not reason_match or not _reason(reason_match):
            problem = 'a suppression needs a reason: add reason="why this is allowed"'
        until = None
        if problem is None and until_match:
            try:  # quoted as the reason is ("2027-05-02"): the date inside the quotes
                until = dt.date.fromisoformat(until_match.group("until").strip("\"'“”‘’"))
            except ValueError:
                problem = f"until must be a date YYYY-MM-DD, not {until_match.group('until')!r}"
        if problem:
            problems.append(_finding("invalid-suppression", Severity.error, problem, line, column))
            continue
        assert reason_match is not None
        found.append(Suppression(rules, _reason(reason_match), until, "inline", line, column))
    return found, problems


def _raw_html_only(body: str, ranges: list[tuple[int, int]]) -> str:
    """``body`` with all but its raw HTML (``ranges``: UTF-8 byte ranges, in order) made spaces, character for
    character: what an HTML parser reads of a Markdown file (its text comes out escaped, opening no tag)."""
    if not ranges:
        return ""
    data = body.encode("utf-8")
    one_byte = len(data) == len(body)  # each character one byte: no decoding
    pieces: list[str] = []
    last = 0
    for start, end in ranges:
        if start < last:
            continue
        if one_byte:
            pieces += (" " * (start - last), body[start:end])
        else:
            pieces += (
                " " * len(data[last:start].decode("utf-8", "replace")),
                data[start:end].decode("utf-8", "replace"),
            )
        last = end
    return "".join(pieces)


#: Elements whose content an HTML parser reads as text to their end tag: a "<!--" in them is text a reader sees
#: (a <textarea>, a <title>) or a script's, no comment. <noscript> too, as a browser running scripts reads it.
_RAW_TEXT = frozenset(RAW_TEXT | {"noscript"})
_RAW_NAMES = "|".join(sorted(_RAW_TEXT | {"plaintext"}))
#: The rest of a tag after its name, to its ">" (or the end of the page): a quoted attribute value is passed over
#: whole, whatever it holds ("<img alt='a > b <!-- ... -->'>"). A quote that does not follow "=" is part of a
#: name or an unquoted value, as the HTML tokenizer reads it. Possessive: no backtracking on a long tag.
_TAG_REST = r"""(?:[^>=]++|=[\t\n\f\r ]*+(?:"[^"]*+(?:"|\Z)|'[^']*+(?:'|\Z))|=)*+(?:>|\Z)"""
#: From a place in a page, past its text and its ordinary tags (in one run of the regex engine, however many),
#: to what a comment's meaning depends on: a comment, a CDATA section, a bogus comment ("<!DOCTYPE html>",
#: "<?xml ...?>", "</ >") or the start tag of an element read as text; or the end of the page.
_NEXT = re.compile(
    r"(?:[^<]++|<(?![!?/A-Za-z])|</(?=[A-Za-z])[^\t\n\f\r />]++"
    + _TAG_REST
    + rf"|<(?!(?i:{_RAW_NAMES})(?:[\t\n\f\r />]|\Z))(?=[A-Za-z])[^\t\n\f\r />]++"
    + _TAG_REST
    + ")*+"
    r"(?:(?P<comment><!--(?:-?>|(?P<text>.*?)(?:--!?>|\Z)))"
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)"
    r"|<[!?/][^>]*+(?:>|\Z)"
    rf"|<(?P<raw>(?i:{_RAW_NAMES}))" + _TAG_REST + r"|\Z)",
    re.DOTALL,
)


def html_comments(html: str) -> list[tuple[int, int, int]]:
    """Each comment an HTML parser makes of ``html``: where its "<!--" starts and where its text starts and
    ends. A tag is read to its ">" with its attribute values (a "<!--" written in an alt text is the picture's
    text), a CDATA section to its "]]>", a bogus comment ("<!DOCTYPE", "<?xml") to its ">", and the elements
    read as text (:data:`_RAW_TEXT`) to their end tag (<plaintext> to the end). Text and ordinary tags are
    passed over by the regex engine in one run each, so a page of thousands of tags costs a few steps."""
    comments: list[tuple[int, int, int]] = []
    size = len(html)
    at = 0
    while at < size:
        found = _NEXT.match(html, at)
        assert found is not None  # it matches the end of the page at the latest
        at = found.end()
        if found.start("comment") >= 0:
            if found.start("text") >= 0:
                comments.append((found.start("comment"), found.start("text"), found.end("text")))
        elif found.start("raw") >= 0:
            name = found.group("raw").lower()
            if name == "plaintext":
                break
            end_tag = _end_tag(name).search(html, at)
            at = size if end_tag is None else end_tag.start()
        elif found.start() == found.end():
            break  # nothing past the place: the end of the page
    return comments


@lru_cache(maxsize=16)
def _end_tag(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{name}[\s/>]", re.IGNORECASE)


def _comment_spans(body: str) -> list[tuple[int, int, int]]:
    """Each "<!-- ... -->" of ``body`` read as the comment syntax alone, from each "<!--" to the next "-->"."""
    spans: list[tuple[int, int, int]] = []
    index = body.find("<!--")
    while index >= 0:
        close = body.find("-->", index + 4)
        if close < 0:
            break  # no comment closes after this one: none of the rest is a comment either
        spans.append((index, index + 4, close))
        index = body.find("<!--", close + 3)
    return spans


def _inline_comments(body: str, comments: list[tuple[int, int, int]]) -> Iterator[tuple[int, re.Match[str]]]:
    """(position, match) of each of ``comments`` (its start, and its text's) that is a suppression."""
    for index, start, end in comments:
        match = _INLINE.fullmatch(body, start, end)
        if match is not None:
            yield index, match


def apply(
    findings: list[Finding],
    suppressions: list[Suppression],
    today: dt.date,
    *,
    config_per_file: bool = True,
    known: Collection[str] | None = None,
) -> list[Finding]:
    """Mark suppressed findings; add findings for expired and unused suppressions.

    The first suppression (in list order) that is not expired and covers a finding's rule suppresses it.
    ``config_per_file``: whether config suppressions are judged here too, in this one file (a library call
    that checks one file, whose result is all its caller sees). A run over files passes False: an expired
    config suppression then still suppresses nothing, but what is said about it is said once, at its entry
    in the config, by :func:`judge_config` over the whole run, not in every file its glob matches.
    ``known``: the rule ids of the policy checked, when known: a suppression of one of them that matched
    nothing is stale, not misspelt.
    """
    extra: list[Finding] = []
    active = []
    for suppression in suppressions:
        if suppression.expired(today):
            if config_per_file or suppression.kind != "config":
                extra.append(_expired(suppression))
        else:
            active.append(suppression)
    for finding in findings:
        for suppression in active:
            if suppression.matches(finding.rule):
                suppression.used = True
                finding.suppressed = Suppressed(
                    kind=suppression.kind, reason=suppression.reason, until=suppression.until
                )
                break
    for suppression in active:
        if not suppression.used and (config_per_file or suppression.kind != "config"):
            close = _meant(suppression, findings, known)
            if close is not None:  # a typo of a rule that fired here: the finding it was for is not suppressed
                what = f"matches no finding in this file; did you mean {close}, which has one here?"
                extra.append(_unused(suppression, what, f"Write {close} in the suppression."))
            elif suppression.kind != "config":  # the config's covers other files, which one file cannot judge
                extra.append(_stale_or_unknown(suppression, known))
        elif suppression.kind != "config" and len(suppression.rules) > 1:
            extra += _unused_rules(suppression, findings, known)
    return findings + extra


def _unused_rules(suppression: Suppression, findings: list[Finding], known: Collection[str] | None) -> list[Finding]:
    """For an inline suppression of several rules that suppressed something: each rule it names that matches
    no finding in the file (left there from an earlier draft, or misspelt), as ruff tells an unused code in a
    ``noqa`` of several."""
    fired = [finding.rule for finding in findings]
    told = []
    for written in suppression.rules:
        if any(rule_matches((written,), rule) for rule in fired):
            continue
        alone = Suppression((written,), suppression.reason, suppression.until, suppression.kind, 0, 0)
        close = _meant(alone, findings, known)
        what = f"names {written}, which matches no finding in this file"
        if close is None and _unknown(written, known):
            close = _near_rule(written, known)
            what = f"names {written}, which is no rule of the policy checked"
        if close is not None:
            told.append(_unused(suppression, f"{what}; did you mean {close}?", f"Write {close} for {written}."))
        else:
            told.append(_unused(suppression, what, f"Remove {written} from the suppression."))
    return told


def _stale_or_unknown(suppression: Suppression, known: Collection[str] | None) -> Finding:
    """An inline suppression that matched nothing: no longer needed, or naming a rule the policy checked does
    not have (a slip the config's ``severity`` would call an unknown rule), with a near one when there is."""
    written = next((rule for rule in suppression.rules if _unknown(rule, known)), None)
    if written is None:
        return _unused(suppression, "matches no finding in this file", "Remove the suppression.")
    close = _near_rule(written, known)
    what = f"names {written}, which is no rule of the policy checked"
    if close is not None:
        return _unused(suppression, f"{what}; did you mean {close}?", f"Write {close} for {written}.")
    return _unused(suppression, what, "Remove the suppression, or name a rule of the policy checked.")


def _unknown(rule: str, known: Collection[str] | None) -> bool:
    """Whether a suppression's ``rule`` (no wildcard, not one of the tool's own) is none of ``known``, the rules
    of the policy checked (when known)."""
    return bool(known) and "*" not in rule and rule not in known and not _a_tool_rule(rule)  # type: ignore[operator]


def _near_rule(rule: str, known: Collection[str] | None) -> str | None:
    """The rule of ``known`` that an unknown ``rule`` is most likely a misspelling of, or None."""
    import difflib  # only for a suppression naming a rule the policy does not have

    return next(iter(difflib.get_close_matches(rule, sorted(known or ()), n=1, cutoff=0.85)), None)


def _a_tool_rule(rule: str) -> bool:
    """Whether ``rule`` is one of the tool's own (``reprint-guard/dates-reversed``), no policy's."""
    return rule.startswith("reprint-guard/")


def _meant(suppression: Suppression, findings: list[Finding], known: Collection[str] | None) -> str | None:
    """The rule of a finding here that a suppression's rule is a near miss of (``link-orignal``): then what
    it meant to suppress is there, unsuppressed. A rule the policy has (``known``, or any rule of a finding
    here) is no misspelling, only a suppression no longer needed; with the policy's rules unknown, a near
    miss may be another real rule, and none is said."""
    if known is None:
        return None
    fired = sorted({f.rule for f in findings})
    for written in suppression.rules:
        if "*" in written or written in fired or written in known:
            continue
        import difflib  # only for a suppression that matched nothing: not part of an ordinary check

        close = difflib.get_close_matches(written, fired, n=1, cutoff=0.85)
        if close:
            return close[0]
    return None


def judge_config(suppressions: Sequence[Suppression], covered: Sequence[int], today: dt.date) -> list[Finding]:
    """Findings about the config's suppressions, judged over a whole run: each at its entry in the config
    (``line``, ``column``), once however many files its glob matches.

    ``covered[i]``: how many files the run checked (read and held to a policy, or to none: not skipped,
    not unreadable) that ``suppressions[i]``'s path matches; ``suppressions[i].used``: whether it
    suppressed a finding in any of them. The rule, the simplest honest one: a run cannot know the files
    it did not check (one file named, a pull request's changed files), so an entry whose path matches no
    checked file is not judged at all, nor called unused when it matches a file the run did not read (the
    runner leaves those out); one that matches some is

    - expired (``reprint-guard/expired-suppression``) when its ``until`` has passed: it suppressed
      nothing in them, and their findings count again;
    - unused (``reprint-guard/unused-suppression``) when it is not expired and suppressed no finding in
      any of them.
    """
    found = []
    for suppression, count in zip(suppressions, covered, strict=True):
        if not count:
            continue
        if suppression.expired(today):
            found.append(_expired(suppression))
        elif not suppression.used:
            checked = f"{count} file{'s' if count != 1 else ''}"
            found.append(
                _unused(
                    suppression,
                    "matches no finding in the files checked that it covers",
                    f"Remove the suppression: no file it covers needs it any more (this run checked {checked} "
                    "it covers, all of them).",
                )
            )
    return found


def _expired(suppression: Suppression) -> Finding:
    assert suppression.until is not None
    return _finding(
        "expired-suppression",
        Severity.warning,
        f"the suppression of {', '.join(suppression.rules)}{_written_in(suppression)} expired on "
        f"{suppression.until.isoformat()} "
        f"and no longer applies (reason was: {suppression.reason})",
        suppression.line,
        suppression.column,
        fix="Renew the agreement and update 'until', or fix the findings.",
    )


def _unused(suppression: Suppression, what: str, fix: str) -> Finding:
    return _finding(
        "unused-suppression",
        Severity.warning,
        f"the suppression of {', '.join(suppression.rules)}{_written_in(suppression)} {what}",
        suppression.line,
        suppression.column,
        fix=fix,
    )


def _written_in(suppression: Suppression) -> str:
    """The files a config suppression covers and where it is written (judged in one file, its findings
    stand at line 1 of that file; judged over a run, at its entry in the config)."""
    if suppression.kind != "config":
        return ""
    covers = f" for {suppression.glob!r}" if suppression.glob else ""
    return f"{covers} (config, {suppression.source})" if suppression.source else f"{covers} (config)"


def _finding(name: str, severity: Severity, message: str, line: int, column: int, fix: str | None = None) -> Finding:
    return Finding(
        rule=f"{TOOL}/{name}",
        policy=TOOL,
        check="suppression",
        severity=severity,
        message=message,
        line=line,
        column=column,
        fix=fix,
    )


#: Globs compiled and kept (a few KB each): a config's every entry, each suppression's path asked for every file
#: checked, fits; with 256, a config of 300 suppressions compiled each of them again for each file (seconds).
_SPECS_KEPT = 4096


#: Held while Python's warning filters are swapped: they are the process's, shared by every thread, and two
#: ``catch_warnings()`` blocks overlapping in two threads restore each other's filters (one check's "ignore
#: FutureWarning" was left in the host's filters for good).
_QUIET = fork_safe(threading.Lock())


@lru_cache(maxsize=_SPECS_KEPT)
def _spec(patterns: tuple[str, ...]):  # type: ignore[no-untyped-def]
    """The globs compiled. Python's re warns of a set in a set ("[[:alpha:]]", which git reads as a class), on
    standard error, in the middle of the run's one-line messages, as if it were the tool's: that warning is
    silenced, and only a glob holding a set ("[") can cause it, so only those touch the warning filters."""
    if not any("[" in pattern for pattern in patterns):
        return _compiled(patterns)
    import warnings

    with _QUIET, warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        return _compiled(patterns)


def _compiled(patterns: tuple[str, ...]):  # type: ignore[no-untyped-def]
    import pathspec

    try:  # pathspec 1.x names git's glob syntax "gitignore" and deprecates "gitwildmatch", 0.12's only name
        return pathspec.PathSpec.from_lines("gitignore", patterns)
    except (KeyError, LookupError):  # pragma: no cover - pathspec before 1.0
        return pathspec.PathSpec.from_lines("gitwildmatch", patterns)
    except _set_errors():
        # RE2 builds one set of all the globs, within a memory budget that thousands of them exceed ("failed
        # to compile Set"): matched one by one instead, slower but the same.
        return pathspec.PathSpec.from_lines("gitignore", patterns, backend="simple")


def _set_errors() -> tuple[type[Exception], ...]:
    """The errors of the RE2 backend pathspec may use, when it is installed."""
    try:
        import re2  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        return ()
    return (re2.error,)


#: Longest glob a config may give (characters): the glob engine's translation grows with the square of its
#: length (20,000 characters took 21 s); a path's globs are a few dozen.
MAX_GLOB_LENGTH = 1000


def glob_problem(glob: str) -> str | None:
    """Why the glob engine cannot read ``glob`` (``[z-a]``, or one too long to read in time), or None."""
    import re

    if len(glob) > MAX_GLOB_LENGTH:
        return f"a glob of {len(glob):,} characters, longer than the {MAX_GLOB_LENGTH:,} one may have"
    try:
        _spec((glob,))
    except re.error as exc:
        return f"invalid glob {glob!r} ({exc.msg})"
    except ValueError as exc:  # pathspec's own refusals (a trailing backslash escapes nothing)
        return f"invalid glob {glob!r} ({exc})"
    return None


def config_glob(glob: str) -> str:
    """A config's glob as it is matched: a leading ``./`` (``./content/2017/**``, the config's folder written
    out) left off, as the same path from the config's folder (gitignore's syntax would read it as a folder
    named ".", and match nothing). It stays anchored to that folder: ``./*.md`` is ``/*.md`` (the README at
    the top), not ``*.md``, which matches every .md at any depth; a path with a slash before its end is
    anchored already (``content/2017/**``). A negation keeps its ``!``."""
    negated = glob.startswith("!")
    bare = glob[1:] if negated else glob
    dotted = False
    while bare.startswith("./") and bare.strip("./"):
        bare = bare[2:].lstrip("/") if bare[2:].startswith("/") else bare[2:]
        dotted = True
    if dotted and "/" not in bare.rstrip("/"):
        bare = "/" + bare
    return ("!" if negated else "") + bare


def glob_folder(glob: str) -> str | None:
    """The place a config's glob names from its folder before its first wildcard (``content/2017`` of
    ``content/2017/**``, the whole path of one with none), or None when it names none: a glob with no slash
    before its end matches its name in any folder, one starting with a wildcard anywhere, and an escape or a
    negation is not followed."""
    if not glob or glob.startswith("!") or "\\" in glob or "/" not in glob.rstrip("/"):
        return None
    parts = glob.strip("/").split("/")
    fixed = []
    for part in parts:
        if any(char in part for char in "*?["):
            break
        fixed.append(part)
    return "/".join(fixed) or None


def path_matches(relative: str, *patterns: str) -> bool:
    """Whether a repository-relative POSIX path matches any gitignore-style glob.

    A byte of a file name that is not UTF-8 (a lone surrogate here) is matched as
    U+FFFD: one character, which ``?`` matches, and text the glob engine can take.
    """
    if not relative.isascii():
        relative = relative.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return bool(patterns) and _spec(tuple(patterns)).match_file(relative)
