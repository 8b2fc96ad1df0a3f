"""The library API a CMS calls: no printing, typed results, typed exceptions."""

from __future__ import annotations

import datetime as dt
import os
import warnings
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .engine import check_reprint, checked_policy, rule_ids
from .errors import InputError, PolicyError, PolicyWarning, TooLargeError, UsageError
from .limits import MAX_FILE_BYTES
from .policy.loader import OWN_POLICY_HINT, USED_AS_IT_STANDS, doubts_of_file, policy_set
from .policy.loader import load_policy as _load_policy
from .policy.model import Policy
from .readers import build, read_file, without_surrogates
from .report import Result
from .reprint import Reprint
from .results import Result as TypedResult
from .results import from_report

#: Policy folders or files: one path, or several.
RulesDirs = str | Path | Iterable[str | Path]


def _dirs(rules_dirs: RulesDirs) -> tuple[str | Path, ...]:
    """``rules_dirs`` as a tuple: one path given as a string is one path, not a string's characters."""
    if isinstance(rules_dirs, str | os.PathLike):
        dirs: tuple[Any, ...] = (rules_dirs,)
    elif isinstance(rules_dirs, bytes) or not isinstance(rules_dirs, Iterable):
        raise UsageError(f"rules_dirs must be a path or a list of paths, not {type(rules_dirs).__name__}")
    else:
        dirs = tuple(rules_dirs)
    odd = [item for item in dirs if not isinstance(item, str | os.PathLike)]  # None among them too
    if odd:
        raise UsageError(f"rules_dirs must be a path or a list of paths, not a list holding {type(odd[0]).__name__}")
    for item in dirs:
        name = os.fspath(item)
        if not isinstance(name, str):
            raise UsageError("rules_dirs must be a path or a list of paths, not a list holding bytes")
        if "\0" in name or _not_a_file_name(name):
            raise UsageError(f"rules_dirs: {name.encode('utf-8', 'backslashreplace').decode()!r} is no file name")
    return dirs


def _not_a_file_name(name: str) -> bool:
    """Whether the file system cannot be given ``name`` (a lone surrogate that is no escaped byte)."""
    try:
        os.fsencode(name)
    except UnicodeEncodeError:
        return True
    return False


def _not_encodable(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate, which no file name or selector is written with."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _day(today: Any) -> dt.date | None:
    """``today`` as a date: a datetime is read as its date, and so is an ISO string ("2026-12-04", as a CMS
    holds dates, and as the metadata may give them); anything else is a usage error, not a TypeError deep in
    a timing rule."""
    if today is None or type(today) is dt.date:
        return today
    if isinstance(today, dt.datetime):
        return today.date()
    if isinstance(today, dt.date):
        return dt.date(today.year, today.month, today.day)
    if isinstance(today, str):
        text = today.strip()
        try:
            return dt.datetime.fromisoformat(text).date() if len(text) > 10 else dt.date.fromisoformat(text)
        except ValueError as exc:
            why = f" ({exc})" if "out of range" in str(exc) or "must be in" in str(exc) else ""
            raise UsageError(f"today must be a date (or an ISO date, YYYY-MM-DD), not {today!r}{why}") from None
    raise UsageError(f"today must be a date, not {type(today).__name__}")


def _what(value: Any) -> str:
    """What a value of the wrong type is, and what to do with bytes (a file or request read as bytes)."""
    if isinstance(value, bytes | bytearray | memoryview):
        return "bytes: decode them first (data.decode('utf-8'))"
    return type(value).__name__


def _selectors(selectors: Sequence[str]) -> tuple[str, ...]:
    """``skip_elements`` checked: a list of CSS selectors (one string is one selector, not its characters)."""
    from .visible import selector_problem

    if isinstance(selectors, str):
        selectors = (selectors,)
    if not isinstance(selectors, Iterable) or any(not isinstance(s, str) for s in selectors):
        raise UsageError("skip_elements must be a list of CSS selectors")
    for selector in selectors:
        if _not_encodable(selector):
            raise UsageError("skip_elements: a selector holds a lone surrogate")
        problem = selector_problem(selector)
        if problem is not None:
            raise UsageError(f"skip_elements: {problem}")
    return tuple(selectors)


#: What a rule's severity may be set to; ``off`` drops its findings.
_LEVELS = ("error", "warning", "info", "off")


def _severity(severity: Any, policies: Any, chosen: Policy | list[Policy] | None) -> dict[str, str] | None:
    """``severity`` checked, as the config's ``severity`` is: a rule id (or ``<policy>/*``) to a level.

    A rule no policy has is a usage error: a typo would otherwise change nothing, silently.
    """
    from .engine import TOOL_POLICY, TOOL_RULES

    if severity is None:
        return None
    if not isinstance(severity, Mapping):
        raise UsageError(f"severity must be a mapping of rule ids to levels, not {type(severity).__name__}")
    out = {}
    for rule_id, level in severity.items():
        level = "off" if level is False else level  # as YAML 1.1 reads a bare off, in the config too
        if not isinstance(rule_id, str) or level not in _LEVELS:
            raise UsageError(f"severity[{rule_id!r}] must be one of {', '.join(_LEVELS)}, not {level!r}")
        policy_id, _, name = rule_id.partition("/")
        if policy_id == TOOL_POLICY:
            known = name in TOOL_RULES or name == "*"
        else:
            named = chosen if isinstance(chosen, list) else [chosen] if chosen is not None else []
            policy = next((p for p in named if p.id == policy_id), None)
            if policy is None and policy_id in policies:
                policy = policies.get(policy_id)
            known = policy is not None and (name == "*" or policy.rule(name) is not None)
        if not known:
            raise UsageError(f"severity names an unknown rule {rule_id!r} (a rule id is <policy>/<rule>)")
        out[rule_id] = level
    return out


#: ``config``: a project config file, ``True`` to find one as the command line does, or None (no config).
Config = str | Path | bool | Mapping[str, Any] | None


def _settings(
    config: Config,
    start: Path,
    meta: dict[str, Any] | None,
    skip_elements: tuple[str, ...],
    given: tuple[Policy | str | Path | None, tuple[str | Path, ...], bool, dt.date | None, Any],
    *,
    inline_suppressions: bool = True,
    in_memory: bool = False,
) -> Any:
    """The command line's settings for one check: the project config (``config``), the arguments on top
    (``given``: the entry point's policy, rules_dirs, bare_urls, today and severity; ``inline_suppressions``
    False turns the body's own off, whatever the config says). ``in_memory``: a body a CMS holds, whose
    ``path`` is a name, not a file: a suppression's path naming no file is no typo to warn of."""
    policy, rules_dirs, bare_urls, today, severity = given
    from .config.loader import config_from_mapping, load_config
    from .runner import Settings

    if isinstance(config, Mapping):  # the settings a CMS keeps in code or a database: paths from the working folder
        loaded = config_from_mapping(config, start=Path.cwd())
    elif not isinstance(config, str | os.PathLike | bool) or config == "":
        raise UsageError(
            f"config must be a path to a config file, True to look for one, or a mapping of its keys, not {config!r}"
        )
    else:
        loaded = load_config(None if config is True else config, start=start, search=config is True)
    cli: dict[str, Any] = {"meta": meta or {}, "rules_dirs": tuple(str(d) for d in rules_dirs), "today": today}
    if isinstance(policy, Policy):  # the very policy given (one parse_policy read from a database: no file, no id)
        cli["policy"] = policy
    elif policy is not None:
        cli["policy"] = str(policy)
    if not bare_urls:
        cli["bare_urls"] = False
    settings = Settings.from_config(loaded, **cli)
    settings.skip_elements = (*settings.skip_elements, *skip_elements)
    settings.inline_suppressions = settings.inline_suppressions and inline_suppressions
    # Policies named by file are in no set: the one given, the config's, and its overrides'
    specs = [policy if policy is not None else settings.policy, *(o.policy for o in settings.overrides)]
    chosen = [_resolve(spec, settings.rules_dirs) for spec in specs if spec is not None] if severity else []
    levels = _severity(severity, policy_set(settings.rules_dirs), [p for p in chosen if p is not None])
    _warn_of(loaded, settings, files=not in_memory)
    if levels:  # on top of the config's: a policy's "*" given here covers the config's entries for its rules
        covered = tuple(key[:-1] for key in levels if key.endswith("/*"))
        kept = {key: level for key, level in settings.severity.items() if not key.startswith(covered)}
        settings.severity = {**kept, **levels}
    return settings


class ConfigWarning(UserWarning):
    """What the command line warns about in a project config (a rule no policy has, a path that names no
    file), for a library caller: the check goes on, as the command line's does."""


def _warn_of(loaded: Any, settings: Any, *, files: bool = True) -> None:
    import warnings

    from .runner import config_warnings

    for warning in config_warnings(loaded, settings, policy_set(settings.rules_dirs), files=files):
        warnings.warn(str(warning), ConfigWarning, stacklevel=4)


def load_policy(spec: str | Path, *, rules_dirs: RulesDirs = ()) -> Policy:
    """A bundled or user policy by id, or a policy YAML file; parsed once and cached."""
    try:
        return _load_policy(spec, extra=_dirs(rules_dirs))
    except PolicyError as exc:
        raise _in_library_terms(exc) from None


def parse_policy(text: str, *, name: str = "<policy>", rules_dirs: RulesDirs = ()) -> Policy:
    """A policy written as YAML text, as a CMS keeps one in its database, read and validated as a policy
    file is (its errors at ``name``:line:column); its ``extends`` may name a bundled policy or one in
    ``rules_dirs``. Pass the result as ``policy=``; it is not cached, so keep it rather than parse the
    same text for every check."""
    if not isinstance(text, str):
        raise UsageError(f"parse_policy() needs the policy's YAML text, not {type(text).__name__}")
    from .policy.loader import policy_from_text

    return policy_from_text(without_surrogates(text), _label(name, "name"), extra=_dirs(rules_dirs))


def reload_policies() -> None:
    """Read the user's policy files again on the next call: policies are parsed once per process and kept
    (one set per ``rules_dirs``), so a file edited while a CMS runs is seen after this. Calls already
    running finish with the policies they started with."""
    from .policy.loader import reload_policies as forget

    forget()


def _resolve(policy: Policy | str | Path | None, rules_dirs: Iterable[str | Path]) -> Policy | None:
    if policy is None or isinstance(policy, Policy):
        return policy
    if not isinstance(policy, str | os.PathLike):
        raise UsageError(f"policy must be a Policy, a policy id or a policy file's path, not {type(policy).__name__}")
    try:
        return _load_policy(policy, extra=rules_dirs)
    except PolicyError as exc:
        raise _in_library_terms(exc) from None


def _name(path: Any, what: str = "path") -> str:
    """The name findings are reported under: a string or a path (a CMS's missing slug is no name)."""
    if isinstance(path, str):
        return path
    if isinstance(path, os.PathLike):
        return os.fspath(path)  # type: ignore[return-value]
    raise UsageError(f"{what} must be a string or a path, not {type(path).__name__}")


def _label(path: Any, what: str = "path") -> str:
    """:func:`_name` of a name that only labels the text (no file is opened by it): lone surrogates made
    U+FFFD, so that an error naming it can be printed."""
    return without_surrogates(_name(path, what))  # type: ignore[no-any-return]


def _within_limit(text: str, path: str, what: str) -> None:
    """The file size limit, for text handed over in memory: what a file may not be, a string may not either."""
    if len(text) > MAX_FILE_BYTES // 4 and len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise TooLargeError(f"{what} is larger than the {MAX_FILE_BYTES // (1024 * 1024)} MiB limit", path=path)


def _switches(**switches: Any) -> None:
    """On-off arguments are True or False: a config's or a form's string "false" would read as true, and
    turn a pre-publish gate's ``inline_suppressions=False`` off."""
    for name, value in switches.items():
        if type(value) is not bool:
            raise UsageError(f"{name} must be True or False, not {value!r}")


def _a_dicts_repr(text: str) -> bool:
    """Whether ``text`` is an envelope as Python's ``str(dict)`` writes it, not ``json.dumps``."""
    return text.startswith(("{'metadata'", "{'body'"))


def _not_an_envelope(body: str, format: str, path: str) -> None:
    """A body that is JSON, not an article: a CMS's whole envelope (``{"metadata": ..., "body": ...}``), a post as
    its API gives it, or a rich-text editor's document tree. Read as Markdown or HTML its words would be checked
    as JSON-escaped text (a credit there not found as written, an envelope with no metadata passing as the
    outlet's own article), so it is refused with what to pass instead. Only a body that is wholly JSON, an
    object or a list of objects, is refused (or a Python dict's repr of an envelope): a Markdown body may quote one."""
    text = body.strip()
    if format == "text" or text[:1] not in ("{", "[") or text[-1:] not in ("}", "]"):
        return
    if _a_dicts_repr(text):
        data: Any = {"body": None}
    else:
        import json

        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            return
    instead = "pass the article as Markdown or HTML, or a whole envelope to check_text()"
    if isinstance(data, list) and data and all(isinstance(item, dict) for item in data):
        what = "a list of JSON objects"
    elif not isinstance(data, dict):
        return
    elif "body" in data or "metadata" in data:
        raise UsageError(
            'the body is a whole JSON envelope ({"metadata": ..., "body": ...}): pass it to check_text(), '
            "or its body and metadata apart to check()",
            path=path,
        )
    elif data.get("nodeType") == "document":
        what, instead = "a rich-text document as JSON (nodeType 'document')", "render it as HTML and pass that"
    elif isinstance(data.get("content"), dict) and "rendered" in data["content"]:
        what, instead = "a WordPress REST API post as JSON", "pass its content.rendered, with format='html'"
    else:
        what = "a JSON object"
    raise UsageError(f"the body is {what}, not the article's text: {instead}", path=path)


def _no_front_matter(body: str, format: str, path: str) -> None:
    """A whole document passed as the body: its front matter would be read as article text (a credit in
    it would count), so the call is refused with what to do instead."""
    if format == "text":
        return
    from .readers.markdown import declared_front_matter

    known = declared_front_matter(body)
    if known:
        raise UsageError(
            f"the body starts with front matter ({', '.join(known)}): pass the metadata separately "
            "and the body without it, or the whole document to check_text",
            path=path,
        )


def check(
    body: str,
    metadata: Mapping[str, Any] | Any,
    *,
    format: str = "markdown",
    policy: Policy | str | Path | None = None,
    rules_dirs: RulesDirs = (),
    path: str | os.PathLike[str] = "<input>",
    bare_urls: bool = True,
    today: dt.date | str | None = None,
    skip_elements: Sequence[str] = (),
    severity: Mapping[str, str] | None = None,
    config: Config = None,
    inline_suppressions: bool = True,
) -> TypedResult:
    """Check a reprint given as a body string and a metadata dict (what a CMS holds), or the
    :class:`~reprint_guard.metadata.Metadata` model it was validated into.

    ``format`` is ``markdown``, ``html``, ``text`` or ``auto`` (HTML when the body is a page or made of HTML
    blocks alone, as a CMS's post body is, else Markdown: what ``--stdin-format auto`` reads).
    ``skip_elements``: CSS selectors of elements that are not the article (a whole page's menu, sidebar,
    footer), left out of what is checked.
    ``severity``: as the config's ``severity``, a rule id (or ``<policy>/*``) to ``error``, ``warning``,
    ``info`` or ``off``. ``config``: a project config (``.reprint-guard.yaml``) applied as ``check``
    applies it on the command line, its key names, defaults, overrides and suppressions matched by
    ``path`` (as the command line matches a file named to it: from the working folder), severities and
    skipped elements; ``True`` finds one from the working folder up (for :func:`check_file`, from the
    file's folder), as the command line does; None (the default) reads none. The arguments given here go
    on top of it. ``inline_suppressions``: False when the body's own suppression comments must not count
    (a pre-publish gate checking what an editor wrote: the editor could otherwise silence it); the
    config's suppressions still do. Raises
    :class:`~reprint_guard.errors.ReprintGuardError` for bad metadata, an unknown or invalid policy, a
    severity for a rule no policy has, or a broken config.
    """
    if format not in ("markdown", "html", "text", "auto"):
        raise UsageError(f"format must be markdown, html, text or auto, not {format!r}")
    if not isinstance(body, str):
        raise UsageError(f"body must be a string, not {_what(body)}")
    if format == "auto":
        format = "html" if _kind(body) == "html" else "markdown"
    path = _label(path)
    _switches(bare_urls=bare_urls, inline_suppressions=inline_suppressions)
    _within_limit(body, path, "body")
    _no_front_matter(body, format, path)
    _not_an_envelope(body, format, path)
    metadata = _metadata(metadata, "metadata")
    rules_dirs = _dirs(rules_dirs)
    skip_elements = _selectors(skip_elements)
    today = _day(today)
    if config is not None and config is not False:
        from .runner import check_read, read_options

        given = (policy, rules_dirs, bare_urls, today, severity)
        settings = _settings(
            config, Path.cwd(), None, skip_elements, given, inline_suppressions=inline_suppressions, in_memory=True
        )
        common, policy_spec = read_options(path, settings)
        reprint = build(without_surrogates(body), metadata, format=format, path=path, **common)
        checked = _not_a_page_passed_over(from_report(check_read(reprint, path, settings, policy_spec)), body, format)
        return _in_metadata_terms(_html_read_as_markdown(checked, body, format), configured=True)
    reprint = build(
        without_surrogates(body),
        metadata,
        format=format,
        path=path,
        bare_urls=bare_urls,
        skip_elements=skip_elements,
        policy_given=policy is not None,  # checked as a reprint, as --policy makes a file one
    )
    checked = _not_a_page_passed_over(
        _run(reprint, policy, rules_dirs, today, severity, inline=inline_suppressions), body, format
    )
    return _in_metadata_terms(_html_read_as_markdown(checked, body, format), configured=False)


#: A fix's advice for a file's metadata that a caller passing it as a dict, with no config, has no use for.
_SET_A_DEFAULT = ", or set a default for it."


def _in_metadata_terms(result: TypedResult, *, configured: bool) -> TypedResult:
    """``result`` with its fixes told as to a caller that passes the metadata as a dict (a CMS), not in front
    matter: a permission record as JSON (``"permissions": [{"from": ...}]``), not YAML's flow style, and no
    config's default offered when no config was given."""
    from .engine import as_json_records

    for finding in result.findings:
        fix = finding.fix
        if not fix:
            continue
        if ": [{" in fix or " list the metadata already has" in fix:  # a record, under a site's key name too
            fix = as_json_records(fix)
        if not configured and fix.endswith(_SET_A_DEFAULT):
            fix = fix[: -len(_SET_A_DEFAULT)] + "."
        finding.fix = fix
    return result


def _html_read_as_markdown(result: TypedResult, body: str, format: str) -> TypedResult:
    """``result``; when a body made of HTML alone was read as Markdown (the default ``format``) and findings
    about it stand, each says so: Markdown reads an indented line of pretty-printed HTML as code, which no
    reader sees as text, so a credit there is "not visible"."""
    about_body = [f for f in result.findings if f.field is None and not f.rule.startswith("reprint-guard/")]
    if format != "markdown" or not about_body or not body.lstrip().startswith("<") or _kind(body) != "html":
        return result
    hint = "The body is HTML: pass format='html' (or 'auto'); read as Markdown, its indented lines are code."
    for finding in about_body:
        finding.fix = f"{finding.fix} ({hint})" if finding.fix else hint
    return result


def _not_a_page_passed_over(result: TypedResult, body: str, format: str) -> TypedResult:
    """``result``; when it skipped, as no reprint, a whole page whose head names an original, its reason says
    so: ``check`` reads metadata from its argument alone (``check_text`` reads the page's own). Not an error:
    a site's own page names itself as canonical."""
    credited = [f.rule for f in result.findings] == ["reprint-guard/credited-original"]  # its body's credit said
    if (result.status != "skipped" and not credited) or format != "html":
        return result
    if "<head" not in body.lower() and "ld+json" not in body:
        return result
    from .readers.html import declared_metadata

    named = declared_metadata(body).get("original_url")
    hint = (
        f"the page names {named} as its original, which check() does not read: pass it as original_url "
        "if the page is a reprint, or the page to check_text(page, format='html')"
    )
    if named and result.reason:
        result.reason += f" ({hint})"
    elif named and credited:
        result.findings[0].fix = f"{hint[0].upper()}{hint[1:]}."
    return result


def check_text(
    text: str,
    *,
    format: str = "auto",
    meta: Mapping[str, Any] | Any | None = None,
    policy: Policy | str | Path | None = None,
    rules_dirs: RulesDirs = (),
    path: str | os.PathLike[str] = "<input>",
    bare_urls: bool = True,
    today: dt.date | str | None = None,
    skip_elements: Sequence[str] = (),
    severity: Mapping[str, str] | None = None,
    config: Config = None,
    inline_suppressions: bool = True,
) -> TypedResult:
    """Check a whole document held in memory, read as :func:`check_file` reads a file: Markdown with its
    front matter, an HTML page with the metadata in its ``<head>``, or a CMS's JSON envelope
    (``{"metadata": ..., "body": ...}``). ``format``: one of those, ``text``, or ``auto`` (the default): told
    from how the text starts, as ``--stdin-format auto`` tells standard input (an envelope read as Markdown
    would be no reprint, and pass). ``meta`` overrides what the document declares (a key set to None
    is no override: the document's value stays). ``skip_elements``, ``severity`` and ``config`` as for
    :func:`check`."""
    from .readers import INPUT_FORMATS, read_text

    if format not in (*INPUT_FORMATS, "auto"):
        raise UsageError(f"format must be one of {', '.join(INPUT_FORMATS)} or auto, not {format!r}")
    if not isinstance(text, str):
        if isinstance(text, Mapping):
            raise UsageError(
                "text must be a string, not a mapping: a JSON envelope held as a dict is checked with "
                "check(envelope['body'], envelope['metadata'])"
            )
        raise UsageError(f"text must be a string, not {_what(text)}")
    # A byte order mark before the document (a file read as "utf-8", not "utf-8-sig"): lost, as a file read
    # from disk loses it, so that the same bytes give the same result (a second one is still told).
    text = text.removeprefix("\ufeff")
    if _a_dicts_repr(text.lstrip()):
        raise UsageError(
            "the text is a Python dict as str() writes it, not JSON: pass json.dumps(envelope)", path=_label(path)
        )
    if format == "auto":
        format = _kind(text)
    path = _label(path)
    _switches(bare_urls=bare_urls, inline_suppressions=inline_suppressions)
    meta = _metadata(meta, "meta") if meta is not None else None
    rules_dirs = _dirs(rules_dirs)
    today = _day(today)
    _within_limit(text, path, "text")
    if config is not None and config is not False:
        from .runner import check_text as check_with

        given = (policy, rules_dirs, bare_urls, today, severity)
        settings = _settings(
            config,
            Path.cwd(),
            meta,
            _selectors(skip_elements),
            given,
            inline_suppressions=inline_suppressions,
            in_memory=True,
        )
        return from_report(check_with(path, settings, text=without_surrogates(text), format=format)[1])
    reprint = read_text(
        without_surrogates(text),
        path=path,
        format=format,
        meta=meta,
        bare_urls=bare_urls,
        skip_elements=_selectors(skip_elements),
        policy_given=policy is not None,
    )
    return _run(reprint, policy, rules_dirs, today, severity, inline=inline_suppressions)


def _kind(text: str) -> str:
    """What ``format="auto"`` reads ``text`` as: ``json``, ``html`` or ``markdown``."""
    from .runner import stdin_kind

    return stdin_kind(text.encode("utf-8", "surrogatepass"))


def _metadata(metadata: Any, name: str) -> dict[str, Any]:
    """Metadata as a dict: a mapping, or a validated :class:`~reprint_guard.metadata.Metadata` (the fields
    its caller set, defaults included when set explicitly)."""
    if hasattr(metadata, "model_dump") and not isinstance(metadata, Mapping):  # a validated Metadata model
        metadata = metadata.model_dump(by_alias=True, exclude_none=True, exclude_unset=True)
    if not isinstance(metadata, Mapping):
        raise UsageError(f"{name} must be a mapping (a dict) or a Metadata model, not {type(metadata).__name__}")
    if name == "meta":  # an override of None (a database's NULL) is no override: the document's value stays
        metadata = {key: value for key, value in metadata.items() if value is not None}
    try:
        return without_surrogates(dict(metadata))
    except RecursionError:
        raise InputError(f"{name} is nested too deeply") from None


def check_file(
    path: str | Path,
    *,
    policy: Policy | str | Path | None = None,
    meta: Mapping[str, Any] | None = None,
    rules_dirs: RulesDirs = (),
    bare_urls: bool = True,
    today: dt.date | str | None = None,
    skip_elements: Sequence[str] = (),
    severity: Mapping[str, str] | None = None,
    config: Config = None,
    inline_suppressions: bool = True,
) -> TypedResult:
    """Check a reprint file (Markdown, HTML or JSON); ``meta`` overrides its metadata. ``skip_elements``,
    ``severity`` and ``config`` as for :func:`check`. A metadata sidecar (``NAME.meta.yaml``) stands for its
    article, as on the command line."""
    path = _article_of(_name(path))
    _switches(bare_urls=bare_urls, inline_suppressions=inline_suppressions)
    rules_dirs = _dirs(rules_dirs)
    meta = _metadata(meta, "meta") if meta is not None else None
    today = _day(today)
    if "\0" in path:  # as read_file says it (the file system would raise ValueError)
        raise InputError("cannot read file: the name has a NUL byte", path=path.replace("\0", "\\0"))
    from .config.site import given as site_given
    from .config.site import told_as_warnings

    with told_as_warnings():  # a site file's slips are ConfigWarnings here, not lines on standard error
        if config is not None and config is not False:
            from .runner import check_text as check_with

            given = (policy, rules_dirs, bare_urls, today, severity)
            # realpath, not Path.resolve(), which raises RuntimeError for a link to itself
            start = Path(os.path.realpath(path)).parent
            settings = _settings(
                config, start, meta, _selectors(skip_elements), given, inline_suppressions=inline_suppressions
            )
            _readable(path)
            return from_report(check_with(path, settings)[1])
        # A page of a Hugo or Jekyll site gets what its cascade or front matter defaults give it, config or not
        # (as ``check --no-config`` reads it); read anew each call (an owner of its own), since the files may
        # have changed between calls.
        site_values, places = site_given(path, {}, object())
    reprint = read_file(
        path,
        meta=meta,
        bare_urls=bare_urls,
        skip_elements=_selectors(skip_elements),
        policy_given=policy is not None,
        defaults=site_values or None,
        site_places=places or None,
    )
    return _run(reprint, policy, rules_dirs, today, severity, inline=inline_suppressions)


def _article_of(path: str) -> str:
    """The article a metadata sidecar named in place of it stands for (``grain.html`` for ``grain.meta.yaml``),
    as the command line checks it; ``path`` itself for any other file, and for a sidecar with no article (the
    reader's error says so). A sidecar two articles share is an error naming them: one result is one file's."""
    from .readers import SIDECAR_SUFFIXES

    if "\0" in path or not path.lower().endswith(SIDECAR_SUFFIXES) or not os.path.isfile(path):
        return path
    from .runner import articles_of

    articles = articles_of(path)
    if len(articles) > 1:
        names = ", ".join(os.path.basename(article) for article in articles)
        raise InputError(f"a metadata sidecar of {len(articles)} articles ({names}): check each of them", path=path)
    return articles[0] if articles else path


def _readable(path: str) -> None:
    """The error :func:`~reprint_guard.readers.read_file` raises for a file that is not there to read (missing, a
    link to nothing or to itself), raised as it, so that a call with a config fails as one without does."""
    try:
        os.stat(path)
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path=path) from None


def credit(
    metadata: Mapping[str, Any] | Any,
    *,
    policy: Policy | str | Path | None = None,
    format: str = "markdown",
    rules_dirs: RulesDirs = (),
    config: Config = None,
) -> str:
    """The credit block the policy asks for, filled in from the reprint's metadata, to append to the body
    (what ``reprint-guard credit`` prints). The policy is ``policy``, else the one the metadata selects
    (``policy`` key, the original's host, its licence). ``config``: as for :func:`check`; its key names
    and defaults apply to ``metadata``, its policy folders and policy too. Raises
    :class:`~reprint_guard.errors.UsageError` when no policy applies, it has no credit template, or the
    template needs a key the metadata lacks (the message names it)."""
    from .engine import select_policy
    from .fix import CreditError, credit_block

    if format not in ("markdown", "html"):
        raise UsageError(f"format must be markdown or html, not {format!r}")
    rules_dirs = _dirs(rules_dirs)
    read: dict[str, Any] = {}
    if config is not None and config is not False:
        settings = _settings(config, Path.cwd(), None, (), (policy, rules_dirs, True, None, None))
        read = {"key_map": settings.key_map or None, "defaults": settings.defaults or None}
        rules_dirs, policy = tuple(settings.rules_dirs), policy if policy is not None else settings.policy
    reprint = build("", _metadata(metadata, "metadata"), format=format, path="<credit>", **read)
    chosen = _resolve(policy, rules_dirs) or select_policy(reprint, policy_set(rules_dirs))
    if chosen is None:
        raise UsageError("no policy applies to this metadata: pass policy=, or set original_url or policy")
    try:
        return credit_block(chosen, reprint, format)
    except CreditError as exc:
        raise UsageError(f"{chosen.id}: {exc}", field=exc.field) from None


def _run(
    reprint: Reprint,
    policy: Policy | str | Path | None,
    rules_dirs: tuple,
    today: dt.date | None,
    severity: Mapping[str, str] | None = None,
    *,
    inline: bool = True,
) -> TypedResult:
    """Check a reprint read by one of the entry points, with the policies and severities asked for."""
    policies = policy_set(rules_dirs)
    named = doubts_of_file(str(policy), rules_dirs) if isinstance(policy, str | Path) else []
    for said in dict.fromkeys(str(doubt) for doubt in [*policies.doubts, *named]):  # once per process, too
        warnings.warn(f"{said} ({USED_AS_IT_STANDS})", PolicyWarning, stacklevel=3)
    chosen = _resolve(policy, rules_dirs)
    levels = _severity(severity, policies, chosen)
    try:
        result = check_reprint(reprint, policies, chosen, today=today, severity=levels)
    except PolicyError as exc:
        raise _in_library_terms(exc) from None
    for finding in result.findings:
        if finding.fix and _CLI_POLICY_OPTIONS in finding.fix:
            finding.fix = finding.fix.replace(_CLI_POLICY_OPTIONS, _LIBRARY_POLICY_OPTIONS)
    return _finish(reprint, result, today, rule_ids(checked_policy(result, policies, chosen)), inline=inline)


#: Where a policy of one's own is found, said to a caller of the library.
_OWN_POLICY_HINT = "a policy of your own is found with rules_dirs=[...] (or a config's 'policies', with config=)"
#: How the command line is told to name a policy (an unknown publisher's fix), and how a caller is.
_CLI_POLICY_OPTIONS = "(--policy FILE or --rules-dir DIR)"
_LIBRARY_POLICY_OPTIONS = "(policy= a policy file, or rules_dirs=[...])"


def _in_library_terms(exc: PolicyError) -> PolicyError:
    """A policy error told in the library's terms (``rules_dirs=[...]``), not the command line's options."""
    exc.message = exc.message.replace(OWN_POLICY_HINT, _OWN_POLICY_HINT)
    exc.args = (exc.message, *exc.args[1:]) if exc.args else (exc.message,)
    return exc


def _finish(
    reprint: Reprint, result: Result, today: dt.date | None, known: set[str] | None = None, *, inline: bool = True
) -> TypedResult:
    """Apply the body's inline suppressions (with their reasons; ``inline`` False: none counts), then settle
    the status (``known``: the rule ids of the policy checked)."""
    if result.status != "skipped" and inline:
        from .suppressions import apply, inline_of

        suppressions, problems = inline_of(reprint)
        if suppressions or problems:
            found = apply(result.findings, suppressions, today or dt.date.today(), known=known)
            result.findings = found + problems
            result.findings.sort(key=lambda f: (f.line, f.column))
    return from_report(result.settle())
