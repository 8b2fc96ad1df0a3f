"""Running a check over many files: discovery, project settings, parallel workers, stable order.

Results come back as a stream in the order files were discovered, whatever
``--jobs`` is, and only a bounded window of them is ever in flight, so memory
stays flat however large the repository.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

# This module is imported only to check files (the command line imports it lazily), so what checking
# needs is imported here once rather than on every file.
from .config.site import given as site_given
from .engine import check_reprint, checked_policy, rule_ids
from .errors import InputError, NotAReprintError, ReprintGuardError, SiteFileError, UsageError, from_here
from .policy.loader import USED_AS_IT_STANDS, load_policy, looks_like_path, policy_set
from .readers import (
    SIDECAR_SUFFIXES,
    SUFFIX_FORMATS,
    format_for,
    link_out_of_repository,
    note_sidecar_clashes,
    read_bytes,
    read_file,
    read_text,
    remap,
    sidecar_metadata,
)
from .record import FrozenRecord, Record
from .report import CONFIG_RESULT_POLICY, STDIN_PATH, Finding, Result
from .suppressions import Suppression, apply, inline_of, judge_config, path_matches, rule_matches

SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv"})


class Override(FrozenRecord):
    """Policy or metadata for the files under some paths."""

    __slots__ = ("paths", "policy", "metadata")
    paths: tuple[str, ...]
    policy: str | None
    metadata: dict[str, Any]

    def __init__(self, paths: tuple[str, ...], policy: str | None, metadata: dict[str, Any]) -> None:
        self._set(paths=paths, policy=policy, metadata=metadata)


class CentralSuppression(FrozenRecord):
    """A suppression from the project config: a glob, a rule, a reason, an expiry, and where it is written
    (``config``, ``line``, ``column``: where a run's findings about it stand)."""

    __slots__ = ("path", "rule", "reason", "until", "where", "config", "line", "column")
    path: str
    rule: str
    reason: str
    until: dt.date | None
    where: str  # "file:line" of the entry in the config, for findings about it
    config: str | None  # the config file, as it was found or named
    line: int | None
    column: int | None

    def __init__(
        self,
        path: str,
        rule: str,
        reason: str,
        until: dt.date | None,
        where: str = "",
        config: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self._set(
            path=path, rule=rule, reason=reason, until=until, where=where, config=config, line=line, column=column
        )

    @property
    def rules(self) -> tuple[str, ...]:
        """The rule ids it covers: one, ``<policy>/*``, or several written comma-separated."""
        return tuple(part.strip() for part in self.rule.split(","))


class Settings(Record):
    """Everything needed to check one file; plain data, so it crosses to worker processes."""

    __slots__ = (
        "root",
        "meta",
        "defaults",
        "key_map",
        "policy",
        "rules_dirs",
        "overrides",
        "severity",
        "suppressions",
        "include",
        "exclude",
        "gitignore",
        "fail_on",
        "bare_urls",
        "skip_elements",
        "own_hosts",
        "raw_html",
        "markdown_in_html",
        "site_timezone",
        "force_include",
        "staged",
        "stdin_format",
        "stdin_name",
        "today",
        "inline_suppressions",
        "baseline",
    )

    def __init__(
        self,
        root: Path | None = None,
        meta: dict[str, Any] | None = None,
        defaults: dict[str, Any] | None = None,
        key_map: dict[str, str] | None = None,
        policy: str | Any | None = None,  # a library caller may pass the Policy itself
        rules_dirs: tuple[str, ...] = (),
        overrides: tuple[Override, ...] = (),
        severity: dict[str, str] | None = None,
        suppressions: tuple[CentralSuppression, ...] = (),
        include: tuple[str, ...] = (),
        exclude: tuple[str, ...] = (),
        gitignore: bool = True,
        fail_on: str = "error",
        bare_urls: bool = True,
        skip_elements: tuple[str, ...] = (),
        own_hosts: tuple[str, ...] = (),
        raw_html: bool = True,
        markdown_in_html: bool = False,
        site_timezone: str | None = None,
        force_include: bool = False,
        staged: bool = False,
        stdin_format: str = "auto",
        stdin_name: str | None = None,
        today: dt.date | None = None,
        inline_suppressions: bool = True,
        baseline: Any = None,
    ) -> None:
        self.root = root if root is not None else Path.cwd()
        self.meta = meta if meta is not None else {}
        self.defaults = defaults if defaults is not None else {}
        self.key_map = key_map if key_map is not None else {}
        self.policy = policy
        self.rules_dirs = rules_dirs
        self.overrides = overrides
        self.severity = severity if severity is not None else {}
        self.suppressions = suppressions
        self.include = include
        self.exclude = exclude
        self.gitignore = gitignore
        self.fail_on = fail_on
        self.bare_urls = bare_urls
        self.skip_elements = skip_elements
        self.own_hosts = own_hosts
        self.raw_html = raw_html
        self.markdown_in_html = markdown_in_html
        #: The site's own time zone (the config's ``site-timezone``): its pages' dates without an offset are read there.
        self.site_timezone = site_timezone
        self.force_include = force_include
        #: Whether the files are a commit's staged files (the pre-commit hooks): a page or a sidecar of one
        #: that git does not track is not in the commit, and is said, not read as if it were.
        self.staged = staged
        self.stdin_format = stdin_format
        #: The file standard input's text is (``--stdin-filename``): the name results and annotations give it, and
        #: the path the config's overrides and suppressions match. None: "<stdin>", no file.
        self.stdin_name = stdin_name
        self.today = today if today is not None else dt.date.today()
        #: Whether a body's own suppression comments count (the config's always do).
        self.inline_suppressions = inline_suppressions
        #: The commit whose findings a file keeps as suppressed (``--baseline-commit``: a
        #: :class:`~reprint_guard.baseline.Baseline`), or None; a file it held as a reprint that is skipped as
        #: none now is told (``reprint-guard/no-longer-a-reprint``), by a baseline that suppresses nothing too.
        self.baseline = baseline

    def metadata_slips(self) -> list[tuple[tuple[str | int, ...] | None, str, str]]:
        """The keys the config's ``defaults``, an override's ``metadata`` or ``--meta`` set that reprint-guard
        does not read, each close to one it reads that the same place does not set (``comercial``): where
        (the config's keys down to it; None for ``--meta``), the key as written and the key meant. Each is
        told once, where it is written (:func:`config_warnings`), not in every file it reaches."""
        layers: list[tuple[tuple[str | int, ...] | None, dict[str, Any]]] = [(("defaults",), self.defaults)]
        layers += [(("overrides", i, "metadata"), o.metadata) for i, o in enumerate(self.overrides)]
        layers.append((None, self.meta))
        found = []
        for where, layer in layers:
            for key in layer:
                meant = _slip_of(key, layer, self.key_map) if type(key) is str else None
                if meant is not None:
                    found.append(((*where, key) if where is not None else None, key, meant))
        return found

    def file_of(self, path: str) -> str | None:
        """The file ``path`` is, as the config's globs match it: standard input ("-") is the file
        ``--stdin-filename`` names, else none (None)."""
        named = self.stdin_name if path == "-" else path
        return named if named and named != "-" else None

    @classmethod
    def from_config(cls, loaded: Any, **cli: Any) -> Settings:
        """Project config first, command-line options on top."""
        config = loaded.config
        root = loaded.root
        if config is None:  # no project config: the defaults below
            return cls(
                root=root,
                policy=cli.pop("policy", None),
                rules_dirs=tuple(cli.pop("rules_dirs", ())),
                fail_on=cli.pop("fail_on", None) or "error",
                bare_urls=cli.pop("bare_urls", True),
                **cli,
            )

        def rooted(item: str) -> str:
            return str((root / item).resolve()) if not os.path.isabs(item) else item

        from .suppressions import config_glob

        policy = cli.pop("policy", None) or (
            rooted(config.policy) if config.policy and _is_path(config.policy) else config.policy
        )
        return cls(
            root=root,
            defaults=dict(config.defaults),
            key_map=dict(config.front_matter),
            policy=policy,
            rules_dirs=tuple(rooted(p) for p in config.policies) + tuple(cli.pop("rules_dirs", ())),
            overrides=tuple(
                Override(
                    tuple(map(config_glob, o.paths)),
                    rooted(o.policy) if o.policy and _is_path(o.policy) else o.policy,
                    dict(o.metadata),
                )
                for o in config.overrides
            ),
            severity=dict(config.severity),
            suppressions=tuple(
                CentralSuppression(
                    config_glob(s.path),
                    s.rule,
                    s.reason,
                    s.until,
                    loaded.where("suppressions", index),
                    str(loaded.path) if loaded.path is not None else None,
                    *(loaded.locate(["suppressions", index]) if loaded.locate is not None else (None, None)),
                )
                for index, s in enumerate(config.suppressions)
            ),
            include=tuple(map(config_glob, config.include)),
            exclude=tuple(map(config_glob, config.exclude)),
            gitignore=config.gitignore,
            fail_on=cli.pop("fail_on", None) or config.fail_on,
            bare_urls=config.bare_urls and cli.pop("bare_urls", True),
            skip_elements=tuple(config.skip_elements),
            own_hosts=tuple(config.own_hosts),
            raw_html=config.raw_html,
            markdown_in_html=config.markdown_in_html,
            site_timezone=config.site_timezone,
            inline_suppressions=config.inline_suppressions and cli.pop("inline_suppressions", True),
            **cli,
        )

    def relative(self, path: str) -> str:
        """The path relative to the project root, POSIX-style, for globs. A link is named by its own path, not
        its target's: a glob (an exclude, a suppression) naming the file reported covers it, and one naming
        another file that it leads to does not."""
        absolute = os.path.abspath(path)
        here = Path(os.path.realpath(os.path.dirname(absolute)), os.path.basename(absolute))
        try:
            return here.relative_to(self.root).as_posix()
        except ValueError:
            return Path(path).as_posix()


class ConfigWarning(FrozenRecord):
    """Something in the project config that refers to nothing: said, not fatal (the run goes on)."""

    __slots__ = ("path", "line", "column", "message")
    path: str | None
    line: int | None
    column: int | None
    message: str

    def __init__(self, path: str | None, line: int | None, column: int | None, message: str) -> None:
        self._set(path=path, line=line, column=column, message=message)

    def __str__(self) -> str:
        where = ":".join(str(part) for part in (self.path, self.line, self.column) if part is not None)
        return f"{where}: {self.message}" if where else self.message


def _slip_of(key: str, layer: dict[str, Any], key_map: dict[str, str]) -> str | None:
    """The key reprint-guard reads that ``key``, set in ``layer`` (the config's defaults, an override's
    metadata, --meta), looks like a slip for, or None: not for a key it reads, one the config's front-matter
    maps, or one whose meant key the layer sets too. The keys naming the original are left to the file."""
    from .engine import close_to
    from .metaview import READ_KEYS

    if key in READ_KEYS or key in key_map:
        return None
    meant = close_to(key, _slip_targets())
    if meant is None or meant in layer or any(key_map.get(k) == meant for k in layer if type(k) is str):
        return None
    return meant


@lru_cache(maxsize=1)
def _slip_targets() -> frozenset[str]:
    """The keys a slip in the config's defaults, an override's metadata or --meta may be meant for (those naming
    the original are left to the file), made once: asked for each file with a finding."""
    from .metaview import DECLARED

    return frozenset(DECLARED) - {"original_url", "policy"}


def named_policies(settings: Settings) -> dict[str, Any]:
    """The policies a run names (``--policy``, the config's ``policy``, an override's), by id: one named by
    file is in no set, and one that reuses a bundled id replaces it for the files it checks. One that does
    not load is left out (it is told as an error of its own)."""
    named = {}
    for spec in sorted({settings.policy, *(o.policy for o in settings.overrides)} - {None}, key=str):
        try:
            policy = _named_policy(spec, settings)
        except ReprintGuardError:
            continue
        named[policy.id] = policy
    return named


def _named_policy(spec: Any, settings: Settings) -> Any:
    """The policy a run names: by id or file, or the very one a library caller passed (a policy kept in a
    database, parsed with ``parse_policy``: its name or id is looked up nowhere)."""
    from .policy.model import Policy

    return spec if isinstance(spec, Policy) else load_policy(str(spec), extra=settings.rules_dirs)


def config_warnings(
    loaded: Any, settings: Settings, policies: Any, *, files: bool = True, walks: bool = False
) -> list[ConfigWarning]:
    """A severity or a suppression for a rule no policy has, and a suppression's or an override's path (no glob
    in it, a folder in it) that names no file: each a typo that silently does nothing. ``files``: whether the
    run reads files (a library caller's bodies held in memory have names, not files: their paths are not looked
    for). ``walks``: whether the run walks folders; then a glob whose folder before its first wildcard is not
    there (``contents/2017/**``) is told too (a run of one file leaves it be: a glob may match nothing yet)."""
    from .engine import TOOL_POLICY, TOOL_RULES

    named = named_policies(settings)

    def known(rule_id: str) -> bool:
        policy_id, _, name = rule_id.partition("/")
        if policy_id == TOOL_POLICY:
            return name in TOOL_RULES or name == "*"
        policy = named.get(policy_id) or (policies.get(policy_id) if policy_id in policies else None)
        return policy is not None and (name == "*" or policy.rule(name) is not None)

    def at(needle: str, *keys: str | int) -> tuple[int | None, int | None]:
        return _config_place(loaded, needle, keys)

    def meant(rule_id: str) -> str:
        """A did-you-mean for a slip of a rule id, among the rules the run knows ('' when none is close)."""
        import difflib

        ids = [f"{TOOL_POLICY}/{name}" for name in TOOL_RULES]
        for policy in [*named.values(), *(policies.get(i) for i in policies.ids() if i not in named)]:
            ids += [f"{policy.id}/{rule.id}" for rule in policy.rules]
        close = difflib.get_close_matches(rule_id, ids, n=1, cutoff=0.8)
        return f"; did you mean {close[0]!r}?" if close else ""

    path = str(loaded.path) if loaded.path is not None else None
    found = []
    if loaded.path is not None:
        from .config.loader import unread_beside

        for other in unread_beside(loaded.path):  # two configs in one folder: the user's settings in one go unread
            message = f"{other} beside it is not read ({loaded.path.name} is): move its settings into one config"
            found.append(ConfigWarning(path, 1, 1, message))
    for rule_id in settings.severity:
        if not known(rule_id):
            line, column = at(rule_id, "severity", rule_id)
            message = f"the config's severity names an unknown rule {rule_id!r}{meant(rule_id)}"
            found.append(ConfigWarning(path, line, column, message))
    for index, suppression in enumerate(settings.suppressions):
        for rule_id in suppression.rules:
            if not known(rule_id):
                line, column = at(rule_id, "suppressions", index, "rule")
                message = f"a suppression names an unknown rule {rule_id!r}{meant(rule_id)}"
                found.append(ConfigWarning(path, line, column, message))
        said = _names_no_file(suppression.path, settings, loaded, walks) if files else None
        if said is not None:
            line, column = at(suppression.path, "suppressions", index, "path")
            found.append(ConfigWarning(path, line, column, f"a suppression's path {said}"))
    for index, override in enumerate(settings.overrides):
        for number, glob in enumerate(override.paths):
            said = _names_no_file(glob, settings, loaded, walks) if files else None
            if said is not None:
                line, column = at(glob, "overrides", index, "paths", number)
                found.append(ConfigWarning(path, line, column, f"override {index + 1}'s path {said}"))
    for keys, key, meant in settings.metadata_slips():
        unread = f"{key!r}, which is no key reprint-guard reads, so the files are checked as if it were not set"
        if keys is None:
            message = f"--meta sets {unread}: did you mean {meant!r}?"
            found.append(ConfigWarning(None, None, None, message))
            continue
        line, column = at(key, *keys)
        placed = "the config's defaults set" if keys[0] == "defaults" else f"override {keys[1] + 1}'s metadata sets"
        found.append(ConfigWarning(path, line, column, f"{placed} {unread}: did you mean {meant!r}?"))
    return found


def _names_no_file(glob: str, settings: Settings, loaded: Any, walks: bool) -> str | None:
    """What to say of a config's path that names no file, else None: a gitignore-style pattern with a slash
    before its end names one place from the root, up to its first wildcard (``content/2017/snow.md``, the
    ``contents/2017`` of ``contents/2017/**``: a glob's only when the run ``walks``), and that place is not
    there; without a slash it matches that name in any folder, so it is not looked for."""
    from .suppressions import glob_folder

    folder = glob_folder(glob)
    if folder is None or (folder != glob.strip("/") and not walks):
        return None
    if os.path.exists(os.path.join(settings.root, folder)):
        return None
    # Named from the config's folder, not the machine's path to it (a runner's /home/runner/work/...).
    where = "the config's folder" if loaded.path is not None else str(settings.root)
    if folder == glob.strip("/"):
        return f"{glob!r} names no file (relative to {where})"
    return f"{glob!r} matches no file: there is no {folder!r} (relative to {where})"


def globs_matching_nothing(
    loaded: Any, settings: Settings, paths: Sequence[str], items: Sequence[Item], told: Iterable[str] = ()
) -> list[ConfigWarning]:
    """A suppression's or an override's glob that matches none of the files a walk found, where the run walked
    every file it could match (its folder before its first wildcard lies in a folder the run walks:
    ``content/2017/*.mdx`` in ``check content``): a typo that silently does nothing, told as a path that
    names no file is. A glob whose folder is not there is told before the run (:func:`config_warnings`).
    ``told``: files the run reports though its globs leave them out (``reprint-guard/left-out-of-the-run``), which
    a suppression (not an override) may match."""
    from .suppressions import glob_folder

    if settings.force_include:
        return []
    walked = [settings.relative(path) for path in paths if path != "-" and os.path.isdir(path)]
    walked = ["" if folder in (".", "") else folder.rstrip("/") + "/" for folder in walked]
    if not walked:
        return []
    entries = [
        (s.path, ("suppressions", index, "path"), "a suppression's path")
        for index, s in enumerate(settings.suppressions)
    ]
    for index, override in enumerate(settings.overrides):
        entries += [
            (glob, ("overrides", index, "paths", number), f"override {index + 1}'s path")
            for number, glob in enumerate(override.paths)
        ]
    names: list[str] | None = None
    reported = [settings.relative(path) for path in told]
    where = "the config's folder" if loaded.path is not None else str(settings.root)
    config = str(loaded.path) if loaded.path is not None else None
    found = []
    for glob, keys, what in entries:
        folder = glob_folder(glob)
        if folder is None or folder == glob.strip("/") or not os.path.isdir(os.path.join(settings.root, folder)):
            continue  # a name in any folder, a literal path, or one told before the run
        if not any((folder + "/").startswith(top) for top in walked):
            continue  # partly outside what the run walks: it may match a file there
        if names is None:
            names = [settings.relative(path) for path, _, _ in items if path != "-"]
        under = folder + "/"  # only a file under its folder can match (a cheap test first: thousands of files)
        among = [*names, *reported] if keys[0] == "suppressions" else names
        if not any(path_matches(name, glob) for name in among if name.startswith(under)):
            line, column = _config_place(loaded, glob, keys)
            message = f"{what} {glob!r} matches no file the run found (relative to {where})"
            found.append(ConfigWarning(config, line, column, message))
    return found


def _config_place(loaded: Any, needle: str, keys: tuple[str | int, ...]) -> tuple[int | None, int | None]:
    """Where an entry stands in the config: by its keys in YAML; in a pyproject.toml, where its text is first
    written (the TOML reader places only tables)."""
    if loaded.path is not None and loaded.path.suffix == ".toml":
        line, column = loaded.mention(needle)
        if line is not None:
            return line, column
    return loaded.locate(list(keys)) if loaded.locate is not None else (None, None)


def policy_warnings(policies: Any, settings: Settings | None = None) -> list[ConfigWarning]:
    """The likely slips in the user's own policies (a misspelt placeholder or field: a site's own key may bear
    the name, so the policy is used), each at its place in the policy file, as ``validate`` tells it: those
    of ``policies``, and of a policy ``settings`` name by file (``--policy FILE``, the config's, an
    override's), which is read with them."""
    doubts = list(getattr(policies, "doubts", ()))
    if settings is not None:
        from .policy.loader import doubts_of_file

        for spec in sorted({settings.policy, *(o.policy for o in settings.overrides)} - {None}, key=str):
            if isinstance(spec, str):  # a library caller's policy object: parse_policy told its slips
                doubts += doubts_of_file(spec, settings.rules_dirs)
    said = {(d.path, d.line, d.column, d.message): d for d in doubts}  # a file named and in a folder: once
    return [ConfigWarning(path, line, column, f"{message} ({POLICY_USED})") for path, line, column, message in said]


#: What a policy's warning adds: the run goes on with it.
POLICY_USED = f"{USED_AS_IT_STANDS}; reprint-guard validate tells each problem"


def _is_path(spec: str) -> bool:

    return looks_like_path(spec)


# Discovery --------------------------------------------------------------------


Item = tuple[str, bool, bool | None]


def discover(paths: Sequence[str], settings: Settings) -> Iterator[Item]:
    """Yield (path, found_by_walking, has_sidecar) in a stable order, each file once.

    Folders are walked recursively; walked files must match ``include`` (or be a
    supported type), must not match ``exclude`` or be ignored by git. A file
    named explicitly is always checked unless it matches ``exclude``; a sidecar
    named stands for its article. With ``force_include`` (the pre-commit hooks),
    a named file is taken as a walk would take it.
    """
    seen: set[str] = set()
    for path, walked, sidecar in _discover(paths, settings):
        key = os.path.abspath(path) if path != "-" else path  # "a.md", "./a.md" and "/site/a.md" alike
        if key not in seen:  # "content content/posts", "a.md ./a.md": one file, checked and counted once
            seen.add(key)
            yield path, walked, sidecar


def articles_of(sidecar: str) -> list[str]:
    """The articles a sidecar describes: of ``NAME.meta.yaml``, the files ``NAME.<type>`` beside it; of
    ``NAME.html.meta.yaml``, ``NAME.html`` alone."""
    lower = sidecar.lower()
    suffix = next((s for s in SIDECAR_SUFFIXES if lower.endswith(s)), None)
    if suffix is None:
        return []
    stem = sidecar[: -len(suffix)]
    if os.path.splitext(stem)[1].lower() in SUFFIX_FORMATS and os.path.isfile(stem):
        return [stem]  # page.html.meta.yaml: the sidecar of page.html alone
    found = [stem + kind for kind in SUFFIX_FORMATS if os.path.isfile(stem + kind)]
    if found:
        return found
    # A type written in capitals (Story.MD), as the walk reads it: looked for only when no other is there.
    folder, name = os.path.split(stem)
    try:
        listed = os.listdir(folder or ".")
    except OSError:
        return []
    return sorted(
        os.path.join(folder, entry)
        for entry in listed
        if os.path.splitext(entry)[0] == name
        and os.path.splitext(entry)[1].lower() in SUFFIX_FORMATS
        and os.path.isfile(os.path.join(folder, entry))
    )


def as_walked(paths: Iterable[str], settings: Settings) -> Iterator[Item]:
    """Files (a pull request's changed ones) taken as a folder walk would take them: of a supported type,
    not hidden, within ``include`` and outside ``exclude``, a regular file (or a link to nothing, reported as
    the walk reports it); a sidecar stands for its article. So a changed ``package.json`` is passed over, as
    in a walk, not refused as a named file is."""
    chosen: set[str] = set()
    for path in paths:
        lower = path.lower()
        sidecar = lower.endswith(SIDECAR_SUFFIXES)
        candidates = articles_of(path) if sidecar else [path]
        orphan = sidecar and not candidates and _file_or_dangling(path)
        if orphan:
            candidates = [path]  # a sidecar whose article is gone (renamed, deleted): reported, not passed over
        for candidate in candidates:
            relative = settings.relative(candidate)  # hidden folders as a walk from the project sees them
            parts = relative.split("/")
            if any((part.startswith(".") and part not in (".", "..")) or part in SKIP_DIRS for part in parts):
                continue
            checkable = orphan or os.path.splitext(candidate.lower())[1] in SUFFIX_FORMATS
            if not checkable or not (
                _orphan_within_globs(candidate, settings) if orphan else _within_globs(relative, settings)
            ):
                continue
            if _file_or_dangling(candidate) and _regular_or_unreadable(candidate):
                chosen.add(os.path.normpath(candidate))
    for path in sorted(chosen):
        yield path, True, None


def _file_or_dangling(path: str) -> bool:
    """Whether ``path`` is a file, or a symbolic link to nothing (its target missing, or links looping): a walk
    lists such a link among the files, and reading it says it could not be checked; passed over, a changed
    one (a link into a submodule the checkout did not fetch) would go unchecked, unsaid."""
    return os.path.isfile(path) or (os.path.islink(path) and not os.path.exists(path))


def _orphan_within_globs(sidecar: str, settings: Settings) -> bool:
    """Whether a sidecar with no article is among what the globs check: itself, or an article of any type by
    its name (``include: [content/**/*.md]`` names the articles, not their sidecars)."""
    lower = sidecar.lower()
    stem = sidecar[: -len(next(s for s in SIDECAR_SUFFIXES if lower.endswith(s)))]
    if os.path.splitext(stem)[1].lower() in SUFFIX_FORMATS:
        stem = os.path.splitext(stem)[0]
    candidates = [sidecar, *(stem + kind for kind in SUFFIX_FORMATS)]
    return any(_within_globs(settings.relative(candidate), settings) for candidate in candidates)


def _within_globs(relative: str, settings: Any) -> bool:
    """Whether a file (relative to the project) matches ``include`` (when set) and not ``exclude`` (the run's
    settings', or those of a config's copy at a commit: :class:`reprint_guard.baseline._ConfigThen`)."""
    if settings.include and not path_matches(relative, *settings.include):
        return False
    return not (settings.exclude and path_matches(relative, *settings.exclude))


def _discover(paths: Sequence[str], settings: Settings) -> Iterator[Item]:
    for item in paths:
        if item == "-":
            yield from _named([item], settings)  # named as a file (--stdin-filename): that file's exclude
        elif settings.force_include and os.path.islink(item) and os.path.isdir(item):
            continue  # a linked folder among a commit's files (archive.md -> ../docs): a walk does not follow one
        elif os.path.isdir(item):
            yield from _walk(item, settings)
        elif settings.force_include and os.path.exists(item):
            yield from as_walked([item], settings)  # pre-commit's staged files, taken as CI's walk takes them
        elif item.lower().endswith(SIDECAR_SUFFIXES) and os.path.isfile(item):
            yield from _named(articles_of(item) or [item], settings)  # an orphan is reported as it is
        else:
            yield from _named([item], settings)


def _walk(folder: str, settings: Settings) -> Iterator[Item]:
    """The files a walk of ``folder`` checks: supported types, not hidden, not ignored by git, within the
    globs, regular files."""
    ignored = _git_ignored_filter(folder) if settings.gitignore else None
    unreadable: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=unreadable.append):
        while unreadable:  # a folder it could not list: an error of its own, not files silently left out
            yield from _unreadable(unreadable.pop(0), folder, settings, ignored)
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        # A folder by a sidecar's name is one too: read, it is an error, where left out its article would pass.
        named = [n for n in (*files, *dirs) if n.lower().endswith(SIDECAR_SUFFIXES)]
        sidecars = {os.path.splitext(n)[0].rsplit(".meta", 1)[0] for n in named}
        for name in sorted(files):
            lower = name.lower()
            if lower.endswith(SIDECAR_SUFFIXES) or name.startswith("."):
                continue
            if os.path.splitext(lower)[1] not in SUFFIX_FORMATS:
                continue
            path = os.path.normpath(os.path.join(root, name))  # "content/a.md", not "./content/a.md"
            if ignored is not None and ignored(path):
                continue
            # resolving a path costs syscalls: only for globs
            if (settings.include or settings.exclude) and not _within_globs(settings.relative(path), settings):
                continue
            if not _regular_or_unreadable(path):
                continue  # a named pipe, socket or device: reading it could block forever
            yield path, True, os.path.splitext(name)[0] in sidecars or name in sidecars  # NAME or NAME.html
        # A sidecar with no article beside it (the article renamed or deleted, the sidecar left behind): its
        # article would pass unchecked under a new name, so the sidecar is an item, which reading refuses.
        for name in sorted(n for n in named if n in files and not n.startswith(".")):
            path = os.path.normpath(os.path.join(root, name))
            if articles_of(path) or (ignored is not None and ignored(path)):
                continue
            if (settings.include or settings.exclude) and not _orphan_within_globs(path, settings):
                continue
            if _regular_or_unreadable(path):
                yield path, True, None
    for error in unreadable:  # the last folders' errors come after the walk's last step
        yield from _unreadable(error, folder, settings, ignored)


def _unreadable(error: OSError, folder: str, settings: Settings, ignored: Any) -> Iterator[Item]:
    """A folder the walk could not list, as an item whose check says so, unless nothing in it would have been
    checked anyway (excluded by the globs, or ignored by git: a root-only lost+found)."""
    path = os.path.normpath(str(error.filename or folder))
    probe = os.path.join(path, "article.md")  # a file it could hold
    if (settings.include or settings.exclude) and not _within_globs(settings.relative(probe), settings):
        return
    if ignored is not None and ignored.holds_nothing_in(path):
        return
    yield path, False, None


def _named(items: Iterable[str], settings: Settings) -> Iterator[Item]:
    """Files named on the command line: checked unless ``exclude`` matches."""
    for item in items:
        if excluded_by(item, settings) is None:
            yield item, False, None


def excluded_by(item: str, settings: Settings) -> str | None:
    """The config's ``exclude`` pattern that passes over a file named on the command line, or None (not
    named as a file, or not excluded): a run told of that file can say why it checked nothing."""
    named = settings.file_of(item)  # standard input named as a file is that file
    if not named or not settings.exclude:
        return None
    relative = settings.relative(named)
    if not path_matches(relative, *settings.exclude) or os.path.isdir(named):  # a folder is walked, not named
        return None
    # All the patterns decide ("!keep.md" takes a file back); the first that matches alone is the one named.
    return next((pattern for pattern in settings.exclude if path_matches(relative, pattern)), settings.exclude[0])


def _regular_or_unreadable(path: str) -> bool:
    """False only for what stat says is not a regular file (a dangling link stays, to be reported)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return True


def _git_ignored_filter(folder: str):  # type: ignore[no-untyped-def]
    """A predicate for files git ignores under ``folder``, or None outside a git work tree."""
    import subprocess  # only when walking folders: not part of checking one file

    try:
        proc = subprocess.run(
            ["git", "-C", folder, "ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", "."],
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if proc.returncode != 0:
        return None
    kept = {os.path.normpath(os.path.join(folder, p)) for p in os.fsdecode(proc.stdout).split("\0") if p}
    return _GitIgnored(kept)


class _GitIgnored:
    """Whether git ignores a file (it lists neither it as tracked nor as untracked and not ignored)."""

    __slots__ = ("kept",)

    def __init__(self, kept: set[str]) -> None:
        self.kept = kept

    def __call__(self, path: str) -> bool:
        return os.path.normpath(path) not in self.kept

    def holds_nothing_in(self, folder: str) -> bool:
        """Whether git lists no file in ``folder`` (an ignored folder, or one nobody can read)."""
        prefix = os.path.normpath(folder) + os.sep
        return not any(path.startswith(prefix) for path in self.kept)


# Checking one file --------------------------------------------------------------


def check_path(
    path: str, walked: bool, settings: Settings, has_sidecar: bool | None = None, *, config_per_file: bool = True
) -> Result:
    """Read and check one file; every failure becomes a result, never an exception. ``config_per_file``:
    as for :func:`check_read`."""
    # Standard input is "<stdin>", no file to annotate, unless --stdin-filename names the file it is.
    label = (settings.stdin_name or STDIN_PATH) if path == "-" else path
    try:
        result = _check_path(path, walked, settings, has_sidecar, config_per_file)
        if settings.baseline is not None:
            from .baseline import mark

            result = mark(result, path, settings.baseline, settings)
        return result
    except NotAReprintError as exc:
        if walked:
            return Result(path=label, status="skipped", reason=exc.message)
        return error_result(label, exc)
    except ReprintGuardError as exc:
        return error_result(label, exc)
    except RecursionError:
        return Result(path=label, status="error", error=f"{label}: input nested too deeply to check")
    except Exception as exc:  # a bug of ours must not hide the other files' results
        return Result(
            path=label, status="error", error=f"{label}: internal error ({type(exc).__name__}: {exc}); please report it"
        )


def error_result(path: str, exc: ReprintGuardError) -> Result:
    """A file that could not be checked; the error may stand in another file (its metadata sidecar)."""
    if exc.path is None:
        exc.path = path
    elsewhere = exc.path if exc.path != path and (exc.line is not None or isinstance(exc, SiteFileError)) else None
    return Result(
        path=path,
        status="error",
        error=str(exc),
        error_line=exc.line,
        error_column=exc.column,
        error_file=elsewhere,
    )


def _check_path(
    path: str, walked: bool, settings: Settings, has_sidecar: bool | None, config_per_file: bool = True
) -> Result:
    if walked:  # found, not named: a link out of the repository is said, not read (named, it is the user's)
        target = link_out_of_repository(path)
        if target is not None:
            raise InputError(f"a symbolic link out of the repository ({target}): not read", path=path)
    staged = _in_the_commit(path) if settings.staged and path != "-" else None
    if not walked and os.path.isdir(path):  # a folder the walk could not list (asked again: jobs share nothing)
        try:
            os.listdir(path)
        except OSError as exc:
            raise InputError(f"cannot read folder: {exc.strerror or exc}", path=path) from None
    return check_text(path, settings, has_sidecar=has_sidecar, text=staged, config_per_file=config_per_file)[1]


def _in_the_commit(path: str) -> str | None:
    """Raise when the page, or a sidecar beside it that the check would read, is not in git's index: a
    commit's check read it from the working folder, where an untracked sidecar's metadata made the page pass
    (or fail) while the commit holds the page without it. The page as the index holds it when the working
    folder's copy has changes not staged (pre-commit stashes them; a hook run otherwise does not), else None;
    a sidecar with such changes is an error.

    git is asked from the working folder the hook runs in (the top of the work tree, for pre-commit): in a
    linked work tree or a submodule git sets ``GIT_DIR`` for hooks, and from another folder it would take
    that folder for the work tree's top.
    """
    import shlex
    import subprocess  # only for a commit's files: not part of checking one file
    from functools import partial

    from .readers import sidecar_names

    names = [path, *(name for name in sidecar_names(path) if os.path.lexists(name))]
    listing = ["git", "ls-files", "-z", "--cached", "--full-name", "--", *(os.path.abspath(n) for n in names)]

    def ask(folder: str | None) -> tuple[subprocess.CompletedProcess[bytes], subprocess.CompletedProcess[bytes]]:
        """What the index holds of ``names``, and the work tree's top, as git says from ``folder``."""
        run = partial(subprocess.run, capture_output=True, check=False, timeout=30, cwd=folder)
        return run(listing), run(["git", "rev-parse", "--show-toplevel"])

    try:
        listed, top = ask(None)
        if (listed.returncode or top.returncode) and "GIT_DIR" not in os.environ:  # run from outside the work tree
            listed, top = ask(os.path.dirname(os.path.abspath(path)))
    except (OSError, subprocess.SubprocessError) as exc:
        raise InputError(f"--staged: git could not be run ({exc})", path=path) from None
    if listed.returncode != 0 or top.returncode != 0:
        said = (listed.stderr or top.stderr).decode("utf-8", "replace").strip().splitlines()
        reason = said[0] if said else "not in a git work tree"
        raise InputError(f"--staged: git cannot tell what the commit holds ({reason})", path=path)
    root = os.fsdecode(top.stdout.strip())
    tracked = {
        os.path.normcase(os.path.realpath(os.path.join(root, os.fsdecode(item))))
        for item in listed.stdout.split(b"\0")
        if item
    }
    page = os.path.basename(path)
    missing = [name for name in names if os.path.normcase(os.path.realpath(name)) not in tracked]
    if path in missing:
        others = [name for name in names[1:] if name not in missing]
        said = "not in the commit, but its metadata sidecar is" if others else "not in the commit"
        raise InputError(f"{said}: stage it and commit it (git add {shlex.quote(path)})", path=path)
    if missing:
        raise InputError(
            f"the metadata sidecar of {page}, not in the commit: the commit would hold {page} without its "
            f"metadata; stage it and commit it with the page (git add {shlex.quote(missing[0])}), or move it away",
            path=missing[0],
        )
    return _staged_copy(path, names, root)


def _staged_copy(path: str, names: list[str], root: str) -> str | None:
    """The page as git's index holds it, when the working folder's copy differs (else None); a sidecar that
    differs is an error: the check would read metadata the commit does not hold."""
    import shlex
    import subprocess

    from .readers import decode, decode_page, format_for

    # Each as git names it from the top: its folder resolved, but not the file (a link is tracked as a link).
    where = [
        os.path.relpath(
            os.path.join(os.path.realpath(os.path.dirname(os.path.abspath(name))), os.path.basename(name)), root
        )
        for name in names
    ]
    try:
        changed = subprocess.run(
            ["git", "diff", "--name-only", "-z", "--no-renames", "--", *where],
            capture_output=True,
            check=False,
            timeout=30,
            cwd=root,
        )
        differs = {os.fsdecode(item) for item in changed.stdout.split(b"\0") if item}
        for name, relative in zip(names[1:], where[1:], strict=True):
            if relative in differs:
                raise InputError(
                    "the metadata sidecar has changes that are not staged: the commit holds another copy; "
                    f"stage them (git add {shlex.quote(name)}) or stash them (git stash --keep-index)",
                    path=name,
                )
        if where[0] not in differs:
            return None
        if os.path.islink(path):  # its blob is where the commit's link points, not a page to read
            raise InputError(
                "the link has changes that are not staged (the commit's points elsewhere): stage them "
                f"(git add {shlex.quote(path)}) or stash them (git stash --keep-index)",
                path=path,
            )
        blob = subprocess.run(["git", "show", f":{where[0]}"], capture_output=True, check=False, timeout=30, cwd=root)
    except (OSError, subprocess.SubprocessError) as exc:
        raise InputError(f"--staged: git could not be run ({exc})", path=path) from None
    if blob.returncode != 0:
        raise InputError("--staged: git could not give the staged copy", path=path)
    if format_for(path) == "html":  # a page in a legacy encoding is read by the charset it declares, as ever
        return decode_page(blob.stdout, path)[0]
    return decode(blob.stdout, path)


#: How a whole HTML page starts (after white space and comments): a document type or its root element.
_PAGE_START = re.compile(rb"<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)


def stdin_kind(data: bytes) -> str:
    """What ``--stdin-format auto`` reads standard input as: a JSON envelope, an HTML page or fragment, or
    Markdown (a Markdown file does not start with ``<!DOCTYPE html>``, nor is it made of tags alone)."""
    start = data.removeprefix(b"\xef\xbb\xbf").lstrip()
    if start[:1] == b"{" and _an_envelope(start):
        return "json"
    if start[:1] == b"[" and _an_envelope(start[1:].lstrip(), listed=True):
        return "json"  # a list of objects: a CMS's list of posts or envelopes, told as the JSON reader tells it
    at = 0
    while start.startswith(b"<!--", at):  # a comment before the page (a CMS's export note)
        end = start.find(b"-->", at + 4)
        if end < 0:
            return "markdown"
        at = end + 3
        while start[at : at + 1].isspace():
            at += 1
    if _PAGE_START.match(start, at):
        return "html"
    # A fragment of HTML (a CMS's post body): every block, blank lines apart, one that CommonMark would read as
    # an HTML block, however indented. As Markdown its indented "    <p>" lines would be code; Markdown that
    # opens with a raw HTML block, or whose paragraphs open with inline HTML ("<strong>Q:</strong> ..."),
    # goes on in Markdown's own blocks.
    blocks = [block.lstrip() for block in _BLANK_LINES.split(start[at:]) if block.strip()]
    if blocks and all(_HTML_BLOCK_START.match(block) for block in blocks):
        return "html"
    return "markdown"


def _an_envelope(start: bytes, *, listed: bool = False) -> bool:
    """Whether a text opening with ``{`` is a JSON envelope: an object (its first key, or ``}``, follows),
    alone; a Hugo shortcode (``{{<``), a Liquid tag (``{%``) or a brace in prose opens Markdown, and so does
    Hugo's JSON front matter, an object with the article after it. A broken object is an envelope still,
    whose error is told. ``listed``: ``start`` follows a ``[``, and the whole list is read (a CMS's list of
    posts: JSON, whose reader says what to send instead; Markdown's "[link](...)" opens no object)."""
    if start[:1] != b"{" or start[1:].lstrip()[:1] not in (b'"', b"}"):
        return False
    import json

    text = ("[" if listed else "") + start.decode("utf-8", "replace")
    try:
        _, end = json.JSONDecoder().raw_decode(text)
    except (ValueError, RecursionError):  # too deep for the parser too: the JSON reader tells where
        return True
    return not text[end:].strip()


_BLANK_LINES = re.compile(rb"\r?\n[ \t]*\r?\n")
#: How CommonMark's HTML blocks start (4.6): a comment, a processing instruction or declaration; a block-level
#: tag (kind 6) or raw-text one (kind 1); any other tag only when it stands alone on its line (kind 7).
_HTML_BLOCK_START = re.compile(
    rb"<(?:!--|\?|![A-Za-z]|!\[CDATA\[)"
    rb"|</?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir"
    rb"|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend"
    rb"|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td"
    rb"|tfoot|th|thead|title|tr|track|ul|pre|script|style|textarea)(?:[ \t\r\n/>]|$)"
    # A tag alone on its line: its name, then attributes after white space (or "/"), never run into the name,
    # so a long "<aaaa..." is read once, not once per way to split it.
    rb"|</?[A-Za-z][A-Za-z0-9-]*(?:[ \t/][^<>\n]*)?>[ \t]*(?:\r?\n|$)",
    re.IGNORECASE,
)


def read_options(path: str, settings: Settings) -> tuple[dict[str, Any], str | None]:
    """Reading options for one file (overrides for its path, then --meta) and the policy to use."""

    named = settings.file_of(path)
    relative = settings.relative(named) if named and settings.overrides else "-"
    meta: dict[str, Any] = {}
    policy_spec = settings.policy
    key_map = settings.key_map

    def ours(layer: dict[str, Any]) -> dict[str, Any]:  # a layer in reprint-guard's names, before merging
        return remap(layer, {}, key_map)[0] if key_map and layer else layer

    for override in settings.overrides:
        if path_matches(relative, *override.paths):
            meta.update(ours(override.metadata))
            policy_spec = override.policy or policy_spec
    meta.update(ours(settings.meta))
    defaults = settings.defaults
    places = None
    if named:  # a page of a Hugo or Jekyll site: what its cascade or front matter defaults give it, over the config's
        site_values, places = site_given(named, key_map, settings)
        if site_values:
            defaults = {**defaults, **site_values}
    common = {
        "meta": meta,
        "bare_urls": settings.bare_urls,
        "key_map": settings.key_map,
        "defaults": defaults,
        "skip_elements": settings.skip_elements,
    }
    if places:
        common["site_places"] = places
    if not settings.raw_html:
        common["raw_html"] = False
    if settings.markdown_in_html:
        common["markdown_in_html"] = True
    if policy_spec:  # checked as a reprint whatever its metadata says: its reprint-only keys are read, not dropped
        common["policy_given"] = True
    return common, policy_spec


def check_text(
    path: str,
    settings: Settings,
    *,
    has_sidecar: bool | None = None,
    text: str | None = None,
    format: str | None = None,
    config_per_file: bool = True,
) -> tuple[Any, Result]:
    """Read (or take ``text`` as the file's new content) and check one file with the project settings.

    Returns the reprint and its result, suppressions applied. Raises on bad input. ``format``: of
    ``text``, when its path does not say it. ``config_per_file``: as for :func:`check_read`.
    """
    common, policy_spec = read_options(path, settings)
    if text is not None:
        sidecar, written = sidecar_metadata(path, overridden=common["meta"], key_map=settings.key_map)
        given = common["meta"]
        common["meta"] = {**sidecar, **given}
        reprint = read_text(text, path=path, format=format or format_for(path) or "markdown", **common)
        reprint.sidecar = written
        note_sidecar_clashes(reprint, sidecar, given)
    elif path == "-":
        from .limits import MAX_FILE_BYTES

        if sys.stdin is None:  # started with standard input closed ("<&-"): nothing to read
            raise InputError("standard input is closed: there is no article to read", path=STDIN_PATH)
        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)  # decode() refuses anything over the limit
        kind = settings.stdin_format
        if kind == "auto" and settings.stdin_name:  # the file it is says what it holds, as a file's suffix does
            kind = format_for(settings.stdin_name) or "auto"
        if kind == "auto":  # a CMS envelope starts with '{', a whole page with <!doctype or <html; else Markdown
            kind = stdin_kind(data)
        written, sidecar, given = None, {}, common["meta"]
        if settings.stdin_name:  # the file it is: its metadata sidecar beside it is read, as the file's would be
            sidecar, written = sidecar_metadata(
                settings.stdin_name, overridden=common["meta"], key_map=settings.key_map
            )
            common["meta"] = {**sidecar, **common["meta"]}
        reprint = read_bytes(data, path=settings.stdin_name or STDIN_PATH, format=kind, **common)
        reprint.sidecar = written
        note_sidecar_clashes(reprint, sidecar, given)
    else:
        try:
            reprint = read_file(path, has_sidecar=has_sidecar, **common)
        except ReprintGuardError:
            if not os.path.exists(path):  # asked only now: a file that is there needs no extra look-up
                if os.path.islink(path):
                    why = "a symbolic link to nothing (its target is missing, or links loop)"
                    raise UsageError(why, path=path) from None
                raise UsageError("no such file or folder", path=path) from None
            raise
    return reprint, check_read(reprint, path, settings, policy_spec, config_per_file=config_per_file)


def _told_in_the_config(finding: Any, slips: set[str], reprint: Any) -> bool:
    """Whether a misspelt key's finding is about a key only the config's defaults, an override's metadata or
    --meta set (not the file nor its sidecar): told once where it is written, not at each file's first key."""
    if finding.rule != "reprint-guard/misspelt-key" or finding.field not in slips:
        return False
    sidecar = reprint.sidecar[1] if reprint.sidecar is not None else {}
    return finding.field not in reprint.key_lines and finding.field not in sidecar


def _own_article(reprint: Any, own_hosts: tuple[str, ...]) -> str | None:
    """Why a file is the site's own article (its original_url on one of ``own_hosts``, or a path on the site
    itself), or None.

    A site's canonical URL pointing at the page itself is no reprint; a ``policy`` key still makes one.
    """
    from .engine import ROOT_RELATIVE, root_relative

    meta = reprint.metadata
    if meta.policy or not meta.original_url:
        return None
    if root_relative(meta.original_url):  # of the site itself, whatever its host (the config's one policy aside)
        return ROOT_RELATIVE
    written = _own_host(meta.original_url, own_hosts)
    return f"not a reprint: original_url is on the site's own host {written} (own-hosts)" if written else None


def _own_host(address: str, own_hosts: tuple[str, ...]) -> str | None:
    """The entry of ``own_hosts`` that ``address`` is on (subdomains and ``www.`` included), or None."""
    from .urls import as_address, host_of, own_host_of

    return own_host_of(host_of(as_address(address)) or "", own_hosts)


def _in_site_keys(finding: Any, names: dict[str, str]) -> Any:
    """A finding whose message or fix names a key of ours (``'modified' is true``) by the site's name for it
    (``'edited'``), the key the editor sees in the file, and is about that key (its ``field``). A misspelt
    key's finding names keys as written."""
    if finding.rule == "reprint-guard/misspelt-key":
        return finding
    message, fix = finding.message, finding.fix
    field = names.get(finding.field, finding.field) if finding.field is not None else None
    for ours, theirs in names.items():
        for quoted in (f"'{ours}'", f"'{ours}:"):
            if quoted in message or (fix and quoted in fix):
                shown = quoted.replace(ours, theirs, 1)
                message = message.replace(quoted, shown)
                fix = fix.replace(quoted, shown) if fix else fix
        if fix and ours in fix:  # a policy's own fix text: "set modified: true", "or set modified true"
            fix = re.sub(rf"(?<![\w'.-]){re.escape(ours)}(?=:? (?:true|false)\b)", theirs, fix)
            fix = _site_key_in_fix(fix, ours, theirs)
    if message is finding.message and fix is finding.fix and field == finding.field:
        return finding
    return finding.replace(message=message, fix=fix, field=field)


def _site_key_in_fix(fix: str, ours: str, theirs: str) -> str:
    """``fix`` with the key ``ours`` named ``theirs`` where a fix writes it bare: a record to add (as YAML, TOML or
    JSON writes the key: ``permissions: [{from: ...}]``), ``[[permissions]]`` tables, "added to the permissions
    list", "set original_url to it". Prose naming the same word ("credit the author") is left as it is."""
    key = re.escape(ours)
    fix = re.sub(rf'(?<![\w.-])("?){key}(?=(?:"?: | = )\[\{{)', lambda m: f"{m.group(1)}{theirs}", fix)
    fix = re.sub(rf"\[\[{key}\]\]", lambda m: f"[[{theirs}]]", fix)
    fix = re.sub(rf"\bthe {key} (list|array)\b", lambda m: f"the {theirs} {m.group(1)}", fix)
    return re.sub(rf"\bset {key} to\b", lambda m: f"set {theirs} to", fix)


#: Check types whose finding of something missing may come from its being written in raw HTML.
_SEEN_IN_HTML = frozenset({"attribution", "link", "license", "element", "text"})
_LEFT_OUT_HINT = (
    "raw-html is false: this file's raw HTML is left out of the page, as Hugo's default renderer does; write "
    "it in Markdown, or allow raw HTML (goldmark's unsafe) and set raw-html: true"
)


def _left_out_hint(finding: Any, policy: Any, left_out: str) -> Any:
    """A finding on a file whose raw HTML the page leaves out says so, when that HTML could be what the rule
    asks for: a credit or pixel pasted as HTML is why something present in the file is missing from the page
    (an <img> for an element rule of images, a link for a link or licence rule, text for a credit). Not a
    forbidden phrase's: it is there."""
    if finding.check not in _SEEN_IN_HTML or finding.policy == "reprint-guard":
        return finding
    rule = policy.rule(finding.rule.partition("/")[2]) if policy is not None else None
    if rule is not None and getattr(rule.params, "mode", None) == "forbid":
        return finding
    if not _could_be_in(left_out.lower(), finding.check, getattr(rule.params, "tag", None) if rule else None):
        return finding
    said = (finding.fix or "").rstrip()
    stop = "" if not said or said.endswith(_ENDS_A_SENTENCE) else "."  # 'Add: "... CalMatters."' has its own
    fix = f"{said}{stop} {_LEFT_OUT_HINT}.".lstrip()
    return finding.replace(fix=fix)


#: How a fix text may end a sentence already: a stop, or a stop inside a closing quote.
_ENDS_A_SENTENCE = (".", '."', ".\u201d", "!", "?")


def _could_be_in(html: str, check: str, tag: str | None) -> bool:
    """Whether raw HTML (lower case) could hold what a rule of ``check`` asks for: its element, a link, text."""
    if check == "element":
        return f"<{tag or ''}" in html
    if check in ("link", "license"):
        return "<a" in html and "href" in html
    return bool(re.sub(r"<[^>]*>", "", html).strip())


def check_read(
    reprint: Any, path: str, settings: Settings, policy_spec: str | None, *, config_per_file: bool = True
) -> Result:
    """Check a reprint read with :func:`read_options`'s options: the policy, severities and suppressions
    (inline, and the config's for ``path``) the settings give. The result is settled at ``fail_on``.

    ``config_per_file``: whether the config's suppressions that expired or suppress nothing are reported in
    this file's result (a library call, which checks one file); :func:`run` passes False and reports them
    once, at their entries in the config, judged over all its files."""
    # Only a policy for this file (the file's own key, an override) makes an own article a reprint; the
    # config's or --policy's one policy is for the reprints.
    own = _own_article(reprint, settings.own_hosts) if not policy_spec or policy_spec == settings.policy else None
    policies = policy_set(settings.rules_dirs)
    policy = None
    if own is not None:
        from .engine import own_page_credited

        result = own_page_credited(reprint, policies, own, settings.severity)
    else:
        if reprint.key_clashes and settings.own_hosts:  # a theme's canonicalURL of the page itself says nothing else
            reprint.key_clashes = [
                clash
                for clash in reprint.key_clashes
                if not (
                    clash[1] == "original_url" and isinstance(clash[3], str) and _own_host(clash[3], settings.own_hosts)
                )
            ]
        policy = _named_policy(policy_spec, settings) if policy_spec else None
        reprint.own_hosts = settings.own_hosts
        reprint.site_timezone = settings.site_timezone
        result = check_reprint(reprint, policies, policy, today=settings.today, severity=settings.severity)
    if result.status == "skipped":
        # A reprint at the baseline commit that the change made none is told, its suppressions applied below.
        told = _no_longer_a_reprint(result, path, settings)
        if told is None:
            return result
        result = told
    elif own is not None:
        return result
    if result.findings and (slips := {key for _, key, _ in settings.metadata_slips()}):
        result.findings = [f for f in result.findings if not _told_in_the_config(f, slips, reprint)]
    if reprint.key_names:
        result.findings = [_in_site_keys(finding, reprint.key_names) for finding in result.findings]
    checked = checked_policy(result, policies, policy)
    if result.findings and (left_out := reprint.html_left_out()):
        result.findings = [_left_out_hint(finding, checked, left_out) for finding in result.findings]
    named = settings.file_of(path)  # standard input named as a file: that file's
    relative = settings.relative(named) if named and settings.suppressions else "-"
    suppressions, problems = inline_of(reprint) if settings.inline_suppressions else ([], [])
    for central in settings.suppressions:
        if path_matches(relative, central.path):
            suppressions.append(
                Suppression(
                    central.rules,
                    central.reason,
                    central.until,
                    "config",
                    1,
                    1,
                    source=central.where,
                    glob=central.path,
                )
            )
    if suppressions or problems:
        findings = apply(
            result.findings, suppressions, settings.today, config_per_file=config_per_file, known=rule_ids(checked)
        )
        result.findings = findings + problems
        result.findings.sort(key=lambda f: (f.line, f.column))
    return result.settle(settings.fail_on)


def _no_longer_a_reprint(skipped: Result, path: str, settings: Settings) -> Result | None:
    """A file skipped as not a reprint that was checked as one at the baseline commit, the change touching it
    (its sidecar deleted, its original_url taken out): its result with the warning that says so, at the
    severity the config gives it; None for any other skip, or without a baseline commit."""
    baseline = settings.baseline
    if baseline is None or not (skipped.reason or "").startswith("not a reprint"):
        return None  # a public-domain dedication is a reprint's judgement, not a change of what the file is
    from .baseline import no_longer_a_reprint
    from .engine import _reseverity

    finding = no_longer_a_reprint(path, skipped.reason or "", baseline, settings)
    said = _reseverity([finding], settings.severity) if finding is not None and settings.severity else [finding]
    if finding is None or not said:  # turned off in the config: skipped as before
        return None
    return Result(path=skipped.path, findings=said)


def left_out_result(path: str, finding: Finding, settings: Settings) -> Result | None:
    """The result of a file the run's include/exclude leave out now that the baseline commit's run checked as a
    reprint: its warning, at the severity the config gives it (None when turned off), the config's suppressions
    for the file applied (the file is not read: an inline suppression in it is not)."""
    from .engine import _reseverity

    findings = _reseverity([finding], settings.severity) if settings.severity else [finding]
    if not findings:
        return None
    relative = settings.relative(path)
    suppressions = [
        Suppression(
            central.rules, central.reason, central.until, "config", 1, 1, source=central.where, glob=central.path
        )
        for central in settings.suppressions
        if path_matches(relative, central.path)
    ]
    if suppressions:
        findings = apply(findings, suppressions, settings.today, config_per_file=False)
    return Result(path=path, findings=findings).settle(settings.fail_on)


# Many files -------------------------------------------------------------------------

_WORKER_SETTINGS: Settings | None = None


def _work(item: Item) -> Result:
    assert _WORKER_SETTINGS is not None
    return check_path(item[0], item[1], _WORKER_SETTINGS, item[2], config_per_file=False)


def _init_worker(settings: Settings) -> None:
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings
    import signal

    # The main process alone answers Ctrl-C and SIGTERM (one line, its temporary files removed): it stops the
    # workers itself (:func:`_stop_workers`). A worker that took the terminal's ^C too printed a traceback
    # ("Process ForkProcess-2: ... KeyboardInterrupt"); SIGTERM ends one at once, as it writes no file.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def run(
    items: Iterable[Item],
    settings: Settings,
    jobs: int = 1,
    ask_base: Callable[..., Any] | None = None,
    left_out: dict[str, tuple[str, bool]] | None = None,
) -> Iterator[Result]:
    """Check files, yielding results in input order; ``jobs > 1`` uses worker processes.

    ``ask_base``: with a baseline commit (``settings.baseline``), what asks a copy of its files whether the files
    skipped now as not a reprint, whose reading the change may have changed otherwise than by their text (the
    config, a policy, a site file), were reprints there (:func:`reprint_guard.baseline.as_the_commit_read`): those
    that were are told (``reprint-guard/no-longer-a-reprint``). Without it such files are not told. ``left_out``:
    files the run's include/exclude leave out now (:func:`reprint_guard.baseline.left_out_since`), asked with them:
    each that was a reprint there is reported after the items' results (``reprint-guard/left-out-of-the-run``).

    The config's suppressions are judged over the whole run (:func:`~reprint_guard.suppressions.judge_config`):
    when one expired or suppressed nothing in the files it covers, one more result follows the files' (one
    a file, in input order): the config file's, its ``policy`` ``reprint-guard``, with a finding at each
    such entry. Its warnings count once, in the totals and the exit status; the config file is no file
    checked, so not in ``files`` (:class:`~reprint_guard.report.Summary`).
    """
    items = list(items)
    results: Iterable[Result] = _run(items, settings, jobs)
    if ask_base is not None and settings.baseline is not None and settings.baseline.commit:
        from .baseline import as_the_commit_read

        results = as_the_commit_read(items, results, settings, ask_base, left_out)
    if not settings.suppressions:
        yield from results
        return
    tally = _ConfigTally(settings)
    for index, result in enumerate(results):
        tally.add(items[index][0] if index < len(items) else result.path, result)  # then a file left out, told
        yield result
    judged = tally.result()
    if judged is not None:
        yield judged


#: The config file's result holds the tool's own findings, as a file's suppression findings are.
_CONFIG_POLICY = CONFIG_RESULT_POLICY


class _ConfigTally:
    """Which of the config's suppressions cover a file the run checked, and which suppressed a finding.

    A finding's ``suppressed`` says "config" but not which entry: as :func:`~reprint_guard.suppressions.apply`
    chose it, it is the first entry, in the config's order, that covers the file, has not expired and
    covers the finding's rule (an inline one, listed before them, would have said "inline"). Worked out
    here from the results, so it holds for results from worker processes too.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.entries = settings.suppressions
        self.covered = [0] * len(self.entries)
        self.used = [False] * len(self.entries)
        self.seen: set[str] = set()  # every file the run read, checked or not, as the config's paths name it

    def add(self, path: str, result: Result) -> None:
        named = self.settings.file_of(path)
        relative = self.settings.relative(named) if named else "-"  # as check_read matches it
        self.seen.add(relative)
        if result.status not in ("pass", "fail"):  # unread, or no reprint: not checked, so nothing to judge by
            return
        covering = [i for i, entry in enumerate(self.entries) if path_matches(relative, entry.path)]
        for index in covering:
            self.covered[index] += 1
        today = self.settings.today
        active = [i for i in covering if self.entries[i].until is None or not self.entries[i].until < today]
        for finding in result.findings:
            if finding.suppressed is None or finding.suppressed.kind != "config":
                continue
            chosen = next((i for i in active if rule_matches(self.entries[i].rules, finding.rule)), None)
            if chosen is not None:
                self.used[chosen] = True

    def result(self) -> Result | None:
        """The config file's result, when something is to be said about its suppressions."""
        judged = [
            Suppression(
                entry.rules,
                entry.reason,
                entry.until,
                "config",
                entry.line or 1,
                entry.column or 1,
                source=entry.where,
                used=used,
                glob=entry.path,
            )
            for entry, used in zip(self.entries, self.used, strict=True)
        ]
        today = self.settings.today
        unused = [i for i, e in enumerate(judged) if self.covered[i] and not e.used and not e.expired(today)]
        if unused:  # unused where the run left out files it covers (a pull request's, a commit's): not judged
            partial = self._partly_checked(unused)
            judged = [entry for i, entry in enumerate(judged) if i not in partial]
            self.covered = [count for i, count in enumerate(self.covered) if i not in partial]
        findings = judge_config(judged, self.covered, self.settings.today)
        if not findings:
            return None
        findings.sort(key=lambda f: (f.line, f.column))
        config = next((entry.config for entry in self.entries if entry.config), None) or "<config>"
        return Result(path=from_here(config), policy=_CONFIG_POLICY, findings=findings).settle(self.settings.fail_on)

    def _partly_checked(self, indices: list[int]) -> set[int]:
        """Of the entries at ``indices``, those whose path matches a file of the project (as a walk of its
        root finds them) that the run did not read: it cannot know whether the suppression is needed there."""
        partial: set[int] = set()
        for path, _, _ in _walk(str(self.settings.root), self.settings):
            relative = self.settings.relative(path)
            if relative in self.seen:
                continue
            partial.update(i for i in indices if path_matches(relative, self.entries[i].path))
            if len(partial) == len(indices):
                break
        return partial


#: The most worker processes a run starts for each CPU it may use, whatever ``--jobs`` asks: checking is
#: CPU-bound, so more than one a CPU gains nothing, and ``--jobs 5000`` forked 5,000 processes (300 files took
#: 15 s instead of 0.9 s). A few a CPU leave room for a worker waiting on a slow disk or a named pipe.
MAX_JOBS_PER_CPU = 4
#: ``ProcessPoolExecutor``'s own limit on Windows (it raises ValueError above it).
_WINDOWS_MAX_JOBS = 61


def usable_cpus() -> int:
    """The CPUs this process may run on (a container's or ``taskset``'s share, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not on macOS or Windows
        return os.cpu_count() or 1


def _run(items: list[Item], settings: Settings, jobs: int) -> Iterator[Result]:
    """One result a file, in input order."""
    if jobs <= 1 or len(items) < 64 or any(item[0] == "-" for item in items):
        for path, walked, has_sidecar in items:
            yield check_path(path, walked, settings, has_sidecar, config_per_file=False)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    policy_set(settings.rules_dirs)  # load once here; forked workers inherit it
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    context = multiprocessing.get_context(method)
    jobs = min(jobs, MAX_JOBS_PER_CPU * usable_cpus(), *([_WINDOWS_MAX_JOBS] if sys.platform == "win32" else []))
    chunk = max(8, min(64, len(items) // (jobs * 8) or 1))
    jobs = min(jobs, -(-len(items) // chunk))  # a worker with no batch to take is a process started for nothing
    window = jobs * 4
    done = 0  # results yielded, in input order
    try:
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=(settings,)) as pool:
            try:
                pending: deque[Any] = deque()
                batches = (items[i : i + chunk] for i in range(0, len(items), chunk))
                for batch in batches:
                    pending.append(pool.submit(_work_batch, batch))
                    if len(pending) >= window:
                        results = pending.popleft().result()
                        done += len(results)
                        yield from results
                while pending:
                    results = pending.popleft().result()
                    done += len(results)
                    yield from results
            except BrokenProcessPool:
                raise
            except BaseException:  # Ctrl-C, SIGTERM, or the caller stopped reading: not a batch more
                _stop_workers(pool)
                raise
        return
    except BrokenProcessPool:
        pass
    # A worker stopped (killed, as the kernel kills one when memory runs out): the pool is gone, and with it
    # the batches in flight. The files not yet told are checked here instead, so that none is lost.
    sys.stderr.write(
        f"reprint-guard: a worker process stopped; the {len(items) - done} files left are checked in one process\n"
    )
    for path, walked, has_sidecar in items[done:]:
        yield check_path(path, walked, settings, has_sidecar, config_per_file=False)


def _stop_workers(pool: Any) -> None:
    """End ``pool``'s workers now, the batches queued and in hand dropped: leaving the pool's ``with`` waited
    for every batch sent (up to ``jobs * 4`` of 64 files) to be checked first."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        if process.is_alive():
            process.terminate()  # SIGTERM, which ends a worker at once (:func:`_init_worker`)
    for process in processes:
        process.join(5)
        if process.is_alive():
            process.kill()
            process.join(5)
    # A worker ended while it sent its results left part of them in the pipe, and the pool's thread waited for
    # the rest for ever (this process holds the pipe's other end too): with it closed, the pipe ends there.
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    if writer is not None:
        writer.close()
    pool.shutdown(wait=True, cancel_futures=True)


def _work_batch(batch: list[Item]) -> list[Result]:
    return [_work(item) for item in batch]
