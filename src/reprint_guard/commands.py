"""The policy-tooling and fixing subcommands: ``policies``, ``explain``, ``validate``, ``credit``, ``--fix``."""

from __future__ import annotations

import argparse
import json
import os
import re
import stat
import sys
from pathlib import Path
from typing import Any

from .checks import CHECKS
from .errors import PolicyError, ReprintGuardError, UsageError, no_controls, one_line, shown_line
from .report import ExitCode


def options_config(options: argparse.Namespace) -> Any:
    """The project config the command's ``--config`` names, or the one found from the working folder up, or
    none with ``--no-config``."""
    from .config.loader import load_config

    return load_config(getattr(options, "config", None), search=not getattr(options, "no_config", False))


def rules_dirs(options: argparse.Namespace, loaded: Any = None) -> tuple[str, ...]:
    """Extra policies: the project config's ``policies`` plus ``--rules-dir`` (``loaded``: the config, when the
    command has read it already)."""
    loaded = loaded if loaded is not None else options_config(options)
    policies = loaded.config.policies if loaded.config else []
    configured = tuple(str((loaded.root / p).resolve()) for p in policies)
    return configured + tuple(getattr(options, "rules_dir", ()) or ())


def run_policies(options: argparse.Namespace) -> int:
    from .policy.docs import reference
    from .policy.loader import bundled_rules_dir, policy_set

    policies = policy_set(rules_dirs(options))
    bundled = bundled_rules_dir().resolve()
    rows = []
    for policy in sorted(policies, key=lambda p: p.id):
        origin = "bundled" if policy.path and Path(policy.path).resolve().parent == bundled else "user"
        rows.append(
            {
                "id": policy.id,
                "name": policy.name,
                "publisher": policy.publisher,
                "source_url": policy.source_url,
                "terms_read": str(policy.terms_read or ""),
                "rules": len(policy.rules),
                "applies_to": list(policy.applies_to),
                "extends": policy.extends,
                "origin": origin,
                "confidence": policy.confidence,
                "path": policy.path,
            }
        )
    if options.format == "json":
        sys.stdout.write(json.dumps({"version": 1, "policies": rows}, indent=2) + "\n")
    elif options.format == "markdown":
        sys.stdout.write(reference(policies, bundled=all(r["origin"] == "bundled" for r in rows)))
    else:
        width = max(len(r["id"]) for r in rows)
        for r in rows:
            sys.stdout.write(f"{r['id']:<{width}}  {r['origin']:<7}  {r['rules']:>2} rules  {r['publisher']}\n")
            sys.stdout.write(f"{'':<{width}}  {'':<7}  {r['source_url']}\n")
    return ExitCode.OK


def _examples(check: str) -> tuple[str, str]:
    """The PASS and FAIL examples from a check module's docstring (with their indented code)."""
    doc = CHECKS[check].__doc__ or ""
    found: dict[str, list[str]] = {"PASS": [], "FAIL": []}
    current: str | None = None
    paragraphs = []
    for paragraph in doc.split("\n\n"):
        # A paragraph may hold a PASS line and a FAIL line: split it where each label starts.
        parts = re.split(r"\n(?=(?:PASS|FAIL)\b)", paragraph)
        paragraphs += parts
    for paragraph in paragraphs:
        head = paragraph.strip()[:4]
        if head in found:
            current = head
            found[head].append(paragraph.strip("\n"))
        elif current and paragraph.startswith("    "):
            found[current].append(paragraph.strip("\n"))
        else:
            current = None
    return ("\n\n".join(found["PASS"]) or "(none given)", "\n\n".join(found["FAIL"]) or "(none given)")


def _policy_file(spec: str) -> tuple[str, str] | None:
    """(a policy file, the rule named after it or "") when ``spec`` names a policy file: ``FILE`` or
    ``FILE/RULE`` (``policies/herald.yaml/credit-line``); None for a policy id."""
    from .policy.loader import POLICY_SUFFIXES

    head, _, rule = spec.rpartition("/")
    for file, named in ((spec, ""), (head, rule)):
        if file.lower().endswith(POLICY_SUFFIXES) and os.path.isfile(file):
            return file, named
    for file in (spec, head):
        if file.lower().endswith(POLICY_SUFFIXES):
            raise UsageError(f"{file}: no such policy file")
    return None


def run_explain(options: argparse.Namespace) -> int:
    from .engine import TOOL_POLICY, TOOL_RULES
    from .policy.docs import amended, amended_as_bundled, describe_params, policy_explained, replaces
    from .policy.loader import policy_set

    if not options.rule.strip():  # "unknown policy ''" named nothing
        raise UsageError("explain needs POLICY/RULE, a policy id or a policy file, not an empty name")
    policy_id, _, rule_id = options.rule.partition("/")
    if policy_id == TOOL_POLICY and rule_id in TOOL_RULES:
        short, full = TOOL_RULES[rule_id]
        sys.stdout.write(f"{options.rule}  (raised by reprint-guard itself)\n\n{short}.\n  {full}\n")
        return ExitCode.OK
    if policy_id == TOOL_POLICY:  # "unknown policy 'reprint-guard'" would say the tool's rules are none
        from difflib import get_close_matches

        close = get_close_matches(rule_id, list(TOOL_RULES), n=1)
        hint = f"did you mean {TOOL_POLICY}/{close[0]}?" if close else "its rules: " + ", ".join(sorted(TOOL_RULES))
        raise UsageError(f"{options.rule}: no rule of reprint-guard's own; {hint}")
    loaded = options_config(options)  # its policies, and the severity it gives the rule
    extra = rules_dirs(options, loaded)
    named = _policy_file(options.rule)
    if named is not None:  # a policy file, as check --policy FILE takes one (FILE or FILE/RULE)
        from .policy.loader import read_policy_file

        file, rule_id = named
        policy_id = str(read_policy_file(Path(file)).data.get("id"))
        extra = (*extra, file)
    policies = policy_set(extra)
    try:
        policy = policies.get(policy_id)
    except PolicyError:
        spec = options.rule
        if os.path.isfile(spec) or os.path.isdir(spec):  # an article, or a folder of them, named for its policy
            raise UsageError(
                f"{spec}: not a policy file (.yaml, .yml): explain takes POLICY/RULE, a policy id, or a policy "
                "file; to see which policy a reprint is held to, run 'reprint-guard check -v FILE' (or "
                "'credit --from FILE')"
            ) from None
        if os.path.exists(spec):  # a device or a named pipe (/dev/zero): as validate says it
            raise UsageError("not a regular file, so not read as a policy", path=spec) from None
        if not policy_id:  # a path from the root (/dev/zero/x): its empty first part was the id looked for
            raise UsageError(
                f"unknown policy {spec!r}: no policy id starts with '/', and no such file is there"
            ) from None
        raise
    parent = policies.get(policy.extends) if policy.extends else None
    if not rule_id:  # each rule's words and source; its patterns are for explain POLICY/RULE
        as_bundled = amended_as_bundled(policies, policy)
        explained = policy_explained(policy, parent, as_bundled, lambda r: _terms_source(policies, policy, r))
        sys.stdout.write(no_controls(explained))  # a policy's words, never a terminal's escape sequence
        return ExitCode.OK
    rule = policy.rule(rule_id)
    if rule is None:
        raise UsageError(_no_such_rule(policies, policy, rule_id))
    from .policy.examples import verified_examples

    specific = verified_examples(policy, rule)
    passing, failing = specific if specific else _examples(rule.check)
    from .engine import severity_of

    configured = severity_of(f"{policy.id}/{rule.id}", dict(loaded.config.severity) if loaded.config else {})
    level = rule.severity.value
    if configured and configured != level:  # as check reports it here, and what the policy says
        level = f"{configured} by the config's severity, {level} in the policy"
    source = _terms_source(policies, policy, rule)
    out = [
        f"{policy.id}/{rule.id}  ({level}, check: {rule.check})",
        f"Check type: {CHECKS[rule.check].SUMMARY}",
        f"Policy: {policy.name} — {policy.publisher}",
        f"Terms: {source.source_url}"
        + (f" (read {source.terms_read})" if source.terms_read else "")
        + (f", the terms of {source.id}, which {policy.id} builds on" if source is not policy else "")
        + f"; confidence: {rule.confidence}",
        "",
        "What it reports when the term is not met:",
        f"  {rule.message}",
    ]
    if rule.description:
        out += ["", "What it checks:", "  " + " ".join(rule.description.split())]
    if rule.terms:
        out += ["", "Why (the term it encodes):", "  " + " ".join(rule.terms.split())]
    out += ["", f"Applies: {'when ' + rule.when.describe() if rule.when else 'always'}"]
    # Whole in the policies' reference (the rule's row), as the policy file's chain of extends and amends makes it.
    whole = "whole in 'reprint-guard policies --format markdown'"
    params = describe_params(rule, longest=_SHOWN_PARAM, whole=whole)
    if params:
        out.append(f"Parameters: {params}")
    as_bundled = amended_as_bundled(policies, policy).get(rule.id)
    if rule.origin != policy.id:
        out.append(f"Inherited from: {rule.origin}")
    elif as_bundled is not None and parent is not None:
        out.append(_amends_as_bundled(rule, as_bundled, parent))
    elif rule.id in (replaced := replaces(policy, parent)) and rule.amends:
        out.append(f"Amends: {replaced[rule.id].origin}/{rule.id}, changing {amended(rule)}")
    elif rule.id in replaced:
        was = replaced[rule.id]
        from .policy.model import with_article

        change = f" ({with_article(was.check)} check there)" if was.check != rule.check else ""
        out.append(f"Replaces: {was.origin}/{rule.id}{change}")
    if specific is None and rule.check == "text" and rule.params.pattern:  # generic ones would be of a phrase
        out += ["", _NO_PATTERN_EXAMPLE[rule.params.mode], ""]
        sys.stdout.write(no_controls("\n".join(out)))
        return ExitCode.OK
    kind = "checked against this rule" if specific else f"generic, for the {rule.check} check type"
    out += ["", f"Passing example ({kind}):", _indent(passing), "", "Failing example:", _indent(failing), ""]
    # A policy's words and an example written from its pattern ("cut\x1b[2J") are shown, never run by a terminal.
    sys.stdout.write(no_controls("\n".join(out)))
    return ExitCode.OK


#: ``explain``'s word for a ``text`` rule's pattern that no example was written from, by mode.
_NO_PATTERN_EXAMPLE = {
    "require": "Examples: none can be given. No wording written from this rule's pattern (or quoted in its fix) "
    "could be shown, by running the rule on it, to pass it; a reprint passes when its visible text, "
    "case-folded, holds a match of the pattern under Parameters.",
    "forbid": "Examples: none can be given. No wording written from this rule's pattern (or quoted in its fix) "
    "could be shown, by running the rule on it, to be reported; a reprint is reported when its visible text, "
    "case-folded, holds a match of the pattern under Parameters (not inside a match of its unless).",
}


def _terms_source(policies: Any, policy: Any, rule: Any) -> Any:
    """The policy whose terms ``explain`` says a rule encodes. An inherited rule encodes its parent's terms (a
    licence's legal code), read where the parent read them: the nearest parent that has it (KFF's BY-NC-ND legal
    code, not the BY legal code of the base it came from), as does an amendment that leaves its ``terms``; a
    licence's own policy cites its own legal code for the terms all licences share."""
    own_legal_code = "creativecommons.org/licenses/" in policy.source_url
    # An amendment that keeps the inherited rule's terms (ProPublica's no-endorsement, reading its name too)
    # still encodes the parent's term.
    inherited = rule.origin != policy.id or bool(rule.amends and "terms" not in rule.amends)
    if inherited and not own_legal_code and policy.extends and policy.extends in policies:
        parent = policies.get(policy.extends)
        if parent.rule(rule.id) is not None:
            return parent
    return policy


def _amends_as_bundled(rule: Any, was: Any, parent: Any) -> str:
    """``explain``'s line for a bundled policy's amendment made on its bundled parent's rule, since the policy of
    the user's read in the parent's place has no such rule (or one it does not fit): what and where from."""
    from .policy.docs import amended
    from .policy.loader import policy_set
    from .policy.model import with_article

    bundled = policy_set()
    origin = bundled.get(was.origin).path if was.origin in bundled else None
    theirs = parent.rule(rule.id)
    why = (
        f"has its own {rule.id} ({with_article(theirs.check)} check), which it does not fit"
        if theirs
        else f"has no {rule.id}"
    )
    return (
        f"Amends: {was.origin}/{rule.id} as bundled ({origin or 'the bundled policies'}), changing {amended(rule)}; "
        f"the {parent.id} read in its place ({parent.path or 'a policy of yours'}) {why}"
    )


#: A parameter's value longer than this is cut in ``explain`` (a pattern of a thousand characters read by an editor).
_SHOWN_PARAM = 160


def _indent(text: str) -> str:
    return "\n".join("  " + line if line.strip() else line for line in text.strip("\n").splitlines())


def run_validate(options: argparse.Namespace) -> int:
    from .policy.validate import Run, bundled_id_replaced, idle_disables, replaced_rules, validate_file

    bad = 0
    extra = rules_dirs(options)  # the user's other policies, which one of these may extend
    files, unread = _policy_paths(options.files)
    named = {os.path.realpath(file) for file in files}
    for name, why in unread.items():
        sys.stdout.write(f"{name}: {why}\n")
    # Files named together are each other's neighbours: one may extend another (or loop with it).
    resolved = {name: str(Path(name).resolve()) for name in files if name.endswith((".yaml", ".yml"))}
    # What one file's checks read of the others is read once for all (a folder of 500 took minutes); the policy
    # set its notes are found in is one: each file's extra + others and the file are the same files.
    run = Run(extra + tuple(resolved.values()))
    paths, at = tuple(resolved.values()), {name: index for index, name in enumerate(resolved)}
    for name in files:
        index = at.get(name, len(paths))  # the others, in order (cut out, not looked for: a run of 2,000 files)
        others = paths[:index] + paths[index + 1 :]
        problems = validate_file(Path(name), extra + others, run)
        own = os.path.realpath(name)  # "./p.yaml" and "p.yaml" are one file: compared as such

        def elsewhere(problem: Any, own: str = own) -> bool:
            return bool(problem.path) and os.path.realpath(problem.path) != own

        # A neighbour named here too is reported under its own name, not again under each of the others.
        problems = [p for p in problems if not (elsewhere(p) and os.path.realpath(p.path) in named)]
        # In the file's order, as an editor fixes them (the checks find them kind by kind); its own file first.
        problems.sort(key=lambda p: (elsewhere(p), p.path if elsewhere(p) else "", p.line or 0, p.column or 0))
        for problem in problems:
            if problem.path is None:
                problem.path = name
            sys.stdout.write(f"{shown_line(str(problem))}\n")
        if problems:
            bad += 1
        else:
            replaced = bundled_id_replaced(Path(name))
            said = (
                f"; its id {replaced!r} is a bundled policy's, so it replaces that policy wherever it is read "
                "(--rules-dir, the config's policies)"
                if replaced
                else ""
            )
            sys.stdout.write(f"{shown_line(name)}: valid{said}\n")
            for note in replaced_rules(Path(name), extra + others, run):  # an inherited rule dropped unawares
                sys.stdout.write(f"{shown_line(name)}: note: {note} (a rule beside it needs an id of its own)\n")
            for note in idle_disables(Path(name), extra + others, run) if replaced else ():
                sys.stdout.write(f"{shown_line(name)}: note: {note}\n")
    return ExitCode.ERROR if unread else ExitCode.FINDINGS if bad else ExitCode.OK


def _policy_paths(names: list[str]) -> tuple[list[str], dict[str, str]]:
    """The files named, with a folder standing for its policy files (as ``--rules-dir`` reads them), and
    why a folder gave none."""
    from .policy.loader import POLICY_SUFFIXES, policy_files

    paths: list[str] = []
    unread: dict[str, str] = {}
    for name in names:
        folder = Path(name)
        if not folder.is_dir():
            if not os.path.exists(name):  # a dangling link too
                unread[name] = "no such file or folder" + (" (a link to nothing)" if os.path.islink(name) else "")
            elif not os.path.isfile(name):  # a named pipe or a device: read, it may never end
                unread[name] = "not a regular file, so not read as a policy"
            elif not os.access(name, os.R_OK):
                unread[name] = "cannot read policy: permission denied"
            else:
                paths.append(name)
            continue
        try:
            found = policy_files(folder)
        except OSError as exc:
            unread[name] = f"cannot read folder: {exc.strerror or exc}"
            continue
        paths += [str(p) for p in found]
        if not found:
            unread[name] = f"no policy files ({', '.join(POLICY_SUFFIXES)}) in this folder"
    return paths, unread


def _credit_policy(reprint: Any, loaded: Any, extra: tuple[str, ...]) -> str:
    """The policy a credit is for when ``--policy`` is not given, as a check would choose it: the
    metadata's ``policy``, the config's one ``policy``, else the one that covers the original's site."""
    from .engine import select_policy
    from .policy.loader import policy_set

    if reprint.metadata.policy:
        return str(reprint.metadata.policy)
    if loaded.config is not None:
        from .runner import Settings, read_options

        # The config's policy for this file: an override's for its path (--from), else the config's one.
        _, configured = read_options(reprint.path, Settings.from_config(loaded))
        if configured:
            return configured
    chosen = select_policy(reprint, policy_set(extra))
    if chosen is None:
        raise UsageError(
            "no policy covers this reprint's original_url (or it has none): name one with --policy FILE|ID, "
            "or give the original's address with --meta original_url=... or --from FILE"
        )
    return chosen.id


def run_credit(options: argparse.Namespace) -> int:
    from .cli import parse_meta
    from .fix import CreditError, credit_block
    from .policy.loader import load_policy
    from .readers import build, read_file

    loaded = options_config(options)
    extra = rules_dirs(options, loaded)
    config = loaded.config  # the site's key names and defaults, for --meta as for a file's own keys
    key_map = config.front_matter if config else None
    meta = parse_meta(options.meta, key_map)
    defaults = config.defaults if config else None
    if options.source:
        from .config.site import given

        # A page of a Hugo or Jekyll site: what its cascade or front matter defaults give it, as check reads it
        site_values, places = given(options.source, key_map or {}, loaded)
        defaults = {**(defaults or {}), **site_values} if site_values else defaults
        reprint = read_file(options.source, meta=meta, key_map=key_map, defaults=defaults, site_places=places or None)
    else:
        reprint = build("", {}, format=options.format, path="<credit>", meta=meta, key_map=key_map, defaults=defaults)
    policy = load_policy(options.policy or _credit_policy(reprint, loaded, extra), extra=extra)
    try:
        block = credit_block(policy, reprint, options.format)
    except CreditError as exc:  # of --from FILE, said of that file (its metadata lacks what the block needs)
        said = str(exc)
        if exc.field and said.startswith("the credit needs metadata"):  # an exact block has no placeholder in it
            said += f" (set it in the metadata, or pass --meta {exc.field}=...)"
        raise UsageError(said, path=options.source or None) from None
    sys.stdout.write(block + "\n")
    from .checks.base import PAGE_AUTHOR, names_page_author

    if policy.credit is not None and any(
        names_page_author(reprint, template or "") for template in (policy.credit.markdown, policy.credit.html)
    ):
        sys.stderr.write(f"reprint-guard: note: {PAGE_AUTHOR}\n")  # a login, perhaps, in the block above
    # A policy of one's own may inherit a block its own rules do not accept (a byline of another form):
    # the block is checked as the credit of a reprint with this metadata, and what it misses is said.
    from .engine import check_reprint
    from .fix import INSERTABLE
    from .policy.loader import policy_set
    from .reprint import Reprint
    from .urls import as_address, host_of

    policies = policy_set(extra)
    original = reprint.metadata.original_url
    host = host_of(as_address(original)) if original else None
    chosen = policies.for_host(host) if host and policy.applies_to else None
    if chosen is not None and chosen.id != policy.id:  # a ProPublica reprint given The Conversation's policy
        sys.stderr.write(
            f"reprint-guard: note: the original ({host}) is {chosen.id}'s, not {policy.id}'s: "
            f"this is {policy.id}'s credit\n"
        )
    alone = Reprint(body=block, metadata=reprint.metadata, format=options.format, path="<credit>")
    result = check_reprint(alone, policies, policy)
    missed = sorted({f.rule for f in result.findings if f.check in INSERTABLE and f.check != "element"})
    if missed:
        sys.stderr.write(f"reprint-guard: note: this block does not satisfy {', '.join(missed)}; adjust it by hand\n")
    return ExitCode.OK


def _write_patch(patch: str) -> None:
    """A patch as UTF-8 bytes, whatever standard output's encoding: the files it applies to are UTF-8, and a
    console's code page would escape or replace what it cannot take, and the patch would not apply."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a stream of text only (a test's capture)
        sys.stdout.write(patch)
        return
    sys.stdout.flush()
    buffer.write(patch.encode("utf-8", "surrogateescape"))
    buffer.flush()


def apply_fixes(items: list[Any], settings: Any, *, write: bool) -> bool:
    """Plan and apply (or show) fixes file by file; report what changed and what could not be fixed."""
    from .engine import checked_policy, without_pandoc_spans
    from .fix import ChangedMeanwhileError, plan, relinked, write_atomically
    from .limits import MAX_FILE_BYTES
    from .policy.loader import load_policy, policy_set
    from .readers import link_out_of_repository
    from .runner import check_text, read_options

    policies = policy_set(settings.rules_dirs)
    ok = True
    seen: set[str] = set()  # a file named twice (a link to it, walked or named): one patch hunk, one fix
    for path, walked, _ in items:
        if path == "-":  # the command line refuses it before any file is fixed; a caller of its own here
            flag = "--fix" if write else "--diff"
            raise UsageError(f"{flag} needs files, not standard input: name the article's file instead of '-'")
        if walked and link_out_of_repository(path) is not None:
            continue  # as the check takes it: not read (nor shown in a patch, nor written); its report says so
        shown = one_line(path)  # a file name may hold a line break or an ESC
        try:
            regular = stat.S_ISREG(os.stat(path).st_mode)
        except (OSError, ValueError):
            continue  # not there, or not readable: the check has said so
        if not regular:  # a named pipe was read once by the check; reading it again would wait, writing replace it
            sys.stderr.write(f"{shown}: left unchanged: not a regular file, so it is not fixed\n")
            continue
        real = os.path.realpath(path)
        if real in seen:
            continue
        seen.add(real)
        try:
            # Read before the check: the fix is written only if the file still holds these bytes then (an editor
            # saving it meanwhile would lose the edit).
            with open(path, "rb") as handle:
                raw = handle.read()
            reprint, result = check_text(path, settings)
            if result.status == "skipped" or result.policy is None:
                continue
            if path.lower().endswith(".json"):
                if result.findings:  # a payload that passes needs nothing said
                    sys.stderr.write(
                        f"{shown}: left unchanged: JSON payloads are not fixed in place (fix them in the CMS)\n"
                    )
                continue
            declared = None
            if reprint.encoding is None and reprint.format == "html" and not raw.startswith(b"\xef\xbb\xbf"):
                from .readers.charset import declared_encoding

                # Read as UTF-8 (all ASCII), but a browser reads it in the encoding it declares: a credit's ©
                # or é written as UTF-8 would show as mojibake there.
                declared = declared_encoding(raw)
            if reprint.encoding is not None or declared is not None:  # written as UTF-8, characters could change
                if result.findings:
                    from .readers.charset import label

                    said = (
                        f"it is in {label(reprint.encoding)}"
                        if reprint.encoding is not None
                        else f"its <meta> declares {label(declared)}"  # type: ignore[arg-type]
                    ) + ", not UTF-8, and fixes are written in UTF-8 only"
                    way = "save the file as UTF-8" if declared is None else "declare UTF-8 in its <meta>"
                    sys.stderr.write(f"{shown}: left unchanged: {said} ({way}, then fix it)\n")
                continue
            # The policy the check used: --policy FILE or an override's is no id of the set (--fix did nothing).
            spec = read_options(path, settings)[1]
            chosen = load_policy(spec, extra=settings.rules_dirs) if spec else None
            policy = checked_policy(result, policies, chosen)
            if policy is None:
                continue
            bom = raw.startswith(b"\xef\xbb\xbf")
            source = raw.decode("utf-8-sig")

            def recheck(text: str, _path: str = path) -> list[Any]:
                return check_text(_path, settings, text=text)[1].findings

            # The publishers of the policies it extends: a credit block inherited from one may name it.
            others = policies.ancestors_names(policy)
            # Pandoc's spans ("[ProPublica]{.underline}") written as their words first: a credit read through
            # one is the credit then, and no second one is added beside it.
            unspanned, spans = without_pandoc_spans(source, result.findings) or (source, [])
            if spans:
                reprint, result = check_text(path, settings, text=unspanned)
            relink = relinked(reprint, unspanned, result.findings, policy, recheck)
            if relink is None:
                fix = plan(reprint, unspanned, result.findings, policy, recheck, others)
                fix = fix.after(source, unspanned, spans) if spans else fix
            else:  # a credit's link to the wrong page, changed where it stands; then the rest, as for any file
                text, done = relink
                reprint, result = check_text(path, settings, text=text)
                fix = plan(reprint, text, result.findings, policy, recheck, others).after(source, text, [*spans, *done])
        except ReprintGuardError as exc:
            sys.stderr.write(f"{exc}: not fixed\n")
            ok = False
            continue
        except RecursionError:
            sys.stderr.write(f"{shown}: input nested too deeply to check: not fixed\n")
            ok = False
            continue
        except Exception as exc:  # a bug of ours must not hide the other files, nor leave a traceback
            sys.stderr.write(f"{shown}: internal error ({type(exc).__name__}: {exc}); please report it: not fixed\n")
            ok = False
            continue
        if fix.changed and not fix.refused:
            size = len((fix.text or "").encode("utf-8", "surrogateescape")) + (3 if bom else 0)
            if size > MAX_FILE_BYTES:  # written, the file would be refused by every check after
                limit = MAX_FILE_BYTES // (1024 * 1024)
                fix.refused = f"the fix would make it {size:,} bytes, over the {limit} MiB limit of a file checked"
        if fix.refused:
            sys.stderr.write(f"{shown}: left unchanged: {fix.refused}\n")
        elif fix.changed:
            if write:
                try:
                    write_atomically(path, fix.text or "", bom=bom, expected=raw)
                except ChangedMeanwhileError:
                    sys.stderr.write(f"{shown}: left unchanged: it changed while being fixed (run --fix again)\n")
                    ok = False
                    continue
                except OSError as exc:
                    sys.stderr.write(f"{shown}: cannot write the fix: {exc.strerror or exc}: not fixed\n")
                    ok = False
                    continue
                rules = ", ".join(dict.fromkeys(f.rule for f in fix.fixed))
                sys.stderr.write(f"{shown}: fixed {rules}\n")
                if settings.staged:  # the report is of git's index, which the user stages, as after a formatter
                    import shlex

                    sys.stderr.write(
                        f"{shown}: the fix is in the working copy, not in the commit, which the report is of: "
                        f"stage it (git add {shlex.quote(shown)})\n"
                    )
                credited = any(f.check == "attribution" for f in fix.fixed)  # a credit block went in
                block = (policy.credit.markdown or "") + (policy.credit.html or "") if policy.credit else ""
                from .checks.base import PAGE_AUTHOR, names_page_author

                if credited and names_page_author(reprint, block):  # the name inserted is the page's own tag's
                    sys.stderr.write(f"{shown}: note: {PAGE_AUTHOR}\n")
            else:
                _write_patch(fix.diff(bom=bom))  # the patch applies to the file's own bytes
        for rule, why in dict.fromkeys((finding.rule, why) for finding, why in fix.unfixable):
            sys.stderr.write(f"{shown}: could not fix {rule}: {why}\n")
        if fix.rest_refused:
            sys.stderr.write(f"{shown}: the rest left unchanged: {fix.rest_refused}\n")
    return ok


def run_init(options: argparse.Namespace) -> int:
    from .config.init import starter_config

    root = Path(options.path)
    if not root.is_dir():
        raise UsageError("not a folder", path=str(root))
    text = starter_config(root)
    if options.stdout:
        sys.stdout.write(text)
        return ExitCode.OK
    target = root / ".reprint-guard.yaml"
    if target.is_symlink():  # written through, it could create or replace a file anywhere the link points
        raise UsageError("is a symbolic link: init writes no config through it; remove it first", path=str(target))
    if target.exists() and not options.force:
        raise UsageError("a config already exists; use --force to overwrite it", path=str(target))
    from .config.loader import unread_beside

    # A config .reprint-guard.yaml would hide (a pyproject.toml's table, a .yml): its settings would go unread.
    hidden = unread_beside(target)
    if hidden and not options.force:
        raise UsageError(
            f"a config already exists here ({hidden[0]}), and the new .reprint-guard.yaml would be read instead of "
            "it: use --stdout to see the proposal, or --force to write it anyway",
            path=str(target),
        )
    target.write_text(text, encoding="utf-8")
    sys.stdout.write(f"wrote {target}\n")
    for other in hidden:
        sys.stderr.write(f"reprint-guard: warning: {other} is no longer read: move its settings into {target}\n")
    return ExitCode.OK


def _coverage_notes(covered: dict[str, tuple[tuple[str, ...], set[str]]], policies: Any) -> str:
    """What the passing fixtures leave untried, per policy: a compliant reprint, and each rule violated on
    its own (a note, not a failure: the project's own test suite holds its bundled policies to it). Rules a
    policy inherits are counted beside its own, not listed, and left out when all its own are tried: the
    parent's fixtures try them, and a policy of one's own that extends a licence would list a dozen."""
    notes = []
    for policy_id, (rules, seen) in sorted(covered.items()):
        untried = [rule.partition("/")[2] for rule in rules if rule not in seen]
        if "" not in seen:
            notes.append(f"note: {policy_id}: no passing compliant fixture (expect: [])\n")
        own = _own_rule_ids(policies, policy_id)
        inherited = [rule for rule in untried if own is not None and rule not in own]
        listed = [rule for rule in untried if rule not in inherited]
        parent = policies.get(policy_id).extends if inherited else None
        also = f"{len(inherited)} rule{'s' if len(inherited) > 1 else ''} inherited from {parent}"
        if listed:  # its inherited rules alone untried are no note: the parent's fixtures try them
            more = f" (nor {also})" if inherited else ""
            notes.append(f"note: {policy_id}: no passing fixture violates only {', '.join(listed)}{more}\n")
    return "".join(notes)


def _own_rule_ids(policies: Any, policy_id: str) -> set[str] | None:
    """The ids of the rules a policy writes itself (a replaced inherited rule among them), or None when not
    known (a bundled policy read ahead of time, or one that extends none: all are its own)."""
    raw = policies.raw.get(policy_id) if policy_id in policies else None
    if raw is None or not raw.data.get("extends"):
        return None
    return {str(rule.get("id")) for rule in raw.data.get("rules") or [] if isinstance(rule, dict)}


def run_test(options: argparse.Namespace) -> int:
    from .policy.loader import policy_set
    from .runner import policy_warnings
    from .testing.harness import fixture_items, render, run_fixture

    extra = rules_dirs(options)
    policies = policy_set(extra)
    for warning in policy_warnings(policies):
        sys.stderr.write(f"reprint-guard: warning: {one_line(str(warning))}\n")
    total = failed = errors = 0
    covered: dict[str, tuple[tuple[str, ...], set[str]]] = {}  # per policy: its rules, and what was tried
    #: (a rule violated alone, or "" for a compliant fixture)
    with_fixtures: set[str] = set()  # the policies a fixture was for, run or not
    unknown: set[str] = set()  # the "unknown policy" errors said so far
    holding: set[str] = set()  # the folders a fixture was found in, at any depth
    named = bool(options.paths)
    options.paths = options.paths or [DEFAULT_FIXTURES]
    if not named and os.path.exists(DEFAULT_FIXTURES) and not os.path.isdir(DEFAULT_FIXTURES):
        raise UsageError(_no_fixtures_here(False, is_file=True), path=DEFAULT_FIXTURES)
    for path, walked in fixture_items(options.paths):
        if not walked and not path.exists():
            raise UsageError(_no_fixtures_here(named), path=str(path))
        outcome = run_fixture(path, extra, walked=walked)
        total += 1
        with_fixtures.add(outcome.policy or path.parent.name)
        holding.update(os.path.abspath(folder) for folder in path.parents)
        if outcome.policy is not None:  # run: its policy noted, whatever the fixture tried
            tried = covered.setdefault(outcome.policy, (outcome.rules, set()))[1]
            if outcome.ok and len(outcome.matched) <= 1:
                tried.add(outcome.matched[0].rule if outcome.matched else "")
        if not outcome.ok:
            if outcome.error:
                errors += 1  # the fixture could not be run (unknown policy, a malformed expect): not a regression
            else:
                failed += 1
            said = (outcome.error or "").removeprefix(f"{outcome.path}: ")
            if said.startswith("unknown policy") and said in unknown:  # a folder of them: said in full once
                sys.stdout.write(f"ERROR {shown_line(outcome.path)}  ({said.partition(':')[0]}, as above)\n")
                continue
            if said.startswith("unknown policy"):
                unknown.add(said)
            sys.stdout.write(render(outcome))
        elif options.verbose:
            count = len(outcome.matched)
            sys.stdout.write(f"ok   {outcome.path}  ({count} expected finding{'' if count == 1 else 's'})\n")
    if total == 0:
        raise UsageError(f"no fixtures found in {', '.join(options.paths)}")
    sys.stdout.write(_coverage_notes(covered, policies))
    known = policies.ids()
    # A folder of policies' fixture folders (tests/policies/): a policy of one's own that has none there.
    if any(os.path.isdir(item) and any(os.path.isdir(os.path.join(item, p)) for p in known) for item in options.paths):
        for policy_id in sorted(set(policies.own) - with_fixtures):
            places = [os.path.join(item, policy_id) for item in options.paths if os.path.isdir(item)]
            if any(os.path.abspath(place) in holding for place in places):
                continue  # its folder holds fixtures, in a folder inside it: their error says where they go
            folders = " or ".join(f"{item.rstrip('/')}/{policy_id}/" for item in options.paths if os.path.isdir(item))
            sys.stdout.write(f"note: {policy_id}: no fixtures here (they go in a folder {folders})\n")
    could_not = f", {errors} could not be run" if errors else ""
    sys.stdout.write(f"{total - failed - errors} passed, {failed} failed{could_not}\n")
    return ExitCode.ERROR if errors else ExitCode.FINDINGS if failed else ExitCode.OK


#: Where ``test`` looks for fixtures when no PATH is named, from the folder it runs in (the parser's default).
DEFAULT_FIXTURES = "tests/policies"


def _no_fixtures_here(named: bool, *, is_file: bool = False) -> str:
    """Why ``test`` has nothing to run: a path named that is not there, or, for the default folder (none named),
    what it looked for, what a policy test folder holds, and how to name another."""
    if named:
        return "no such file or folder"
    return (
        f"{'a file, not a folder,' if is_file else 'no such folder'} in {os.getcwd()}, where test looks for policy "
        "fixtures when no PATH is named: a policy test folder holds a folder per policy, named by its id "
        "(tests/policies/<policy-id>/), of reprints whose expect: lists the findings each must raise; name another "
        "folder, or fixture files, with 'reprint-guard test PATH...'"
    )


def _no_such_rule(policies: Any, policy: Any, rule_id: str) -> str:
    """Why ``explain POLICY/RULE`` has nothing to show: the rule is one the policy turns off (``disabled``)
    of a policy it extends, or a slip of one of its rules' ids, or none of them."""
    wanted = rule_id.lower()  # rule ids are lower case
    off = policies.turned_off(policy, wanted)
    if off is not None:
        ancestor, child = off
        explained = f"`reprint-guard explain {ancestor.id}/{wanted}` tells what it checks there"
        if child is policy:
            return f"policy {policy.id!r} turns off rule {wanted!r} of {ancestor.id!r} (disabled: true): {explained}"
        return (
            f"rule {wanted!r} is off in policy {policy.id!r}: {child.id!r}, which it extends, turns off that "
            f"rule of {ancestor.id!r} (disabled: true); {explained}"
        )
    import difflib

    ids = [r.id for r in policy.rules]
    inherited = [r.id for ancestor in policies.chain(policy)[1:] for r in ancestor.rules if r.id not in ids]
    close = difflib.get_close_matches(wanted, ids + inherited, n=1, cutoff=0.7)
    if close and close[0] in ids:
        return f"policy {policy.id!r} has no rule {rule_id!r}; did you mean {close[0]!r}?"
    if close:
        return f"policy {policy.id!r} has no rule {rule_id!r}; {_no_such_rule(policies, policy, close[0])}"
    return f"policy {policy.id!r} has no rule {rule_id!r}; its rules: {', '.join(ids)}"
