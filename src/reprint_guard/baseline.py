"""Findings a file already had at a commit (``--baseline-commit``): counted as suppressed, not as failures.

A site adopting the checker, or a pull request touching an old post, should be held to what it changes,
not to every finding the post has had for years (Semgrep's ``--baseline-commit`` does this for code).
A finding is "already there" when the file's copy at the commit has a finding with the same SARIF
fingerprint (the rule and the rule's own message, not the line: the file may have moved lines around),
counted: a second copy of a finding the commit had once is new. The commit's copy is checked with the
run's own config and policies, so a finding is new when the text brings it, not when the rules change.

Git is asked twice per run (what differs from the commit, and what the commit holds), and once more for
each file that changed since it: a file the commit holds as it is now keeps its findings without being
checked again.

A file the change touched (the file, or its metadata sidecar) that is now skipped as not a reprint, but was
checked as one at the commit, is told (``reprint-guard/no-longer-a-reprint``, :func:`no_longer_a_reprint`):
deleting a reprint's sidecar, or taking ``original_url`` out of its front matter, would otherwise turn a
failing reprint into a skipped file, with no notice. So is a file, touched or not, whose reading the change
changed otherwise (the run's config or a policy it names, :func:`rules_differ`; a site file that gives it values;
a rename in a site): taking the config's ``front-matter`` mapping onto ``original_url``, an override's ``policy`` or a
section's cascade ``policy`` out does the same. Whether such a file was a reprint at the commit is asked of a copy of
the commit's own files, its config, policies, site files and sidecar there, once the run's other files are checked
(:func:`as_the_commit_read`, one check for all of them): its copy read here, with the run's config, would tell
what the change made of it, not what the commit did.

A page whose metadata sidecar, or one of whose site files (a Hugo or Jekyll site's ``_index.md`` cascade, config,
``_config.yml``), differs from the commit's (a link's target's change, a site config deleted, a sidecar a renamed
page left behind, included), or a page renamed in a site, cannot be compared here: its copy read beside the
working tree's sidecar and site files, at its new name, is not the commit's reading of it (:func:`_sidecar_differs`,
:func:`_site_differs`, :func:`_moved_in_a_site`).
:func:`mark` leaves such a page's findings standing, and the run (the CLI, the Action) names those pages before
it starts (:func:`context_changed`) and holds each to its copy checked in a copy of the commit's files, with the
commit's sidecar, site files and config (:func:`reprint_guard.reached.base_findings`, one copy for them all, the
same that holds the pages a changed site file reaches). Without ``new-findings-only`` the Action's baseline
suppresses nothing (``suppresses=False``): it only tells which files stopped being reprints.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import TYPE_CHECKING, Any

from .errors import ReprintGuardError, UsageError
from .gitrun import run_git
from .record import FrozenRecord
from .report import Suppressed, stable_message

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .report import Finding, Result


class Baseline(FrozenRecord):
    """What a run compares with: the commit, and how each of the repository's files stands to it (plain
    data, so it crosses to worker processes)."""

    __slots__ = (
        "ref",
        "commit",
        "top",
        "held",
        "moved",
        "touched",
        "suppresses",
        "unchanged",
        "apart",
        "rules",
        "then",
    )

    def __init__(
        self,
        ref: str,
        commit: str,
        top: str,
        held: frozenset[str],
        moved: dict[str, str],
        touched: frozenset[str],
        suppresses: bool = True,
        unchanged: frozenset[str] = frozenset(),
        apart: frozenset[str] = frozenset(),
        rules: bool = False,
        then: dict[str, bool] | None = None,
    ) -> None:
        self._set(
            ref=ref,
            commit=commit,
            top=top,
            #: The files the commit holds, named from the repository's top (POSIX separators, as git names them).
            held=held,
            #: Files that differ from the commit (modified, changed in type, renamed): their name at the commit.
            moved=moved,
            #: Every name the difference touches, on either side (added, deleted, both names of a rename).
            touched=touched,
            #: Whether the findings a file had at the commit are suppressed (``--baseline-commit``,
            #: ``new-findings-only``); False: the commit only tells which files stopped being reprints.
            suppresses=suppresses,
            #: Files renamed since the commit with their text unchanged (git's R100): their new names.
            unchanged=unchanged,
            #: Pages (named from the top) the run holds to their copies at the commit itself (:func:`context_changed`,
            #: those it alone can tell: the commit's config took them otherwise): :func:`mark` leaves them alone.
            apart=apart,
            #: Whether the run's config, or a policy it names, is not the commit's (:func:`rules_differ`): any
            #: file's reading may differ from the commit's, so whether one skipped now was a reprint there is asked
            #: of the commit's own files (:func:`as_the_commit_read`).
            rules=rules,
            #: Files (named from the top, by their names here) asked of a copy of the commit's files: whether each
            #: was checked as a reprint there, read with the commit's config, policies, site files and sidecar.
            then=then or {},
        )

    @property
    def named(self) -> str:
        """The commit as findings name it: its ref (or label) and its short hash."""
        short = self.commit[:12]
        return self.ref if self.ref == short else f"{self.ref}, {short}"

    @property
    def reason(self) -> str:
        """What a baseline finding's ``suppressed.reason`` says."""
        return f"already in the baseline commit ({self.named})"


def _git(args: list[str], where: str) -> bytes:
    proc = run_git(*args, cwd=where)
    if proc.error is not None:
        raise UsageError(f"--baseline-commit: git could not be run ({proc.error})")
    if proc.returncode != 0:
        said = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"--baseline-commit: {said[-1] if said else 'git failed'}")
    return proc.stdout


def resolve(ref: str, *, staged: bool = False, where: str = ".", label: str | None = None) -> Baseline:
    """The baseline ``ref`` names, as git sees it from ``where``; :class:`UsageError` when there is none (not
    a commit, not a git work tree). ``staged``: the run checks the files as git's index holds them.
    ``label``: how findings name the commit (the Action's "the pull request's base"), else ``ref``."""
    if not ref.strip():
        raise UsageError("--baseline-commit needs a commit (a branch, a tag or a hash), not an empty name")
    if ref.startswith("-"):  # git would read it as an option
        raise UsageError(f"--baseline-commit: {ref!r} is no commit")
    try:
        top = os.fsdecode(_git(["rev-parse", "--show-toplevel"], where).strip())
    except UsageError:
        raise UsageError("--baseline-commit: not in a git work tree (the baseline is a commit of one)") from None
    try:
        commit = _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], where).decode().strip()
    except UsageError:
        if ref.strip() in ("HEAD", "@") and _unborn(where):
            # Before the first commit (of a repository, or of an orphan branch) no file had a finding: every
            # one is new, as pre-commit's --baseline-commit HEAD means on any later commit.
            return Baseline(label or ref, "", top, frozenset(), {}, frozenset())
        raise UsageError(f"--baseline-commit: {ref!r} is no commit of this repository") from None
    listed = _git(["ls-tree", "-r", "-z", "--name-only", "--full-tree", commit], top)
    held = frozenset(os.fsdecode(name) for name in listed.split(b"\0") if name)
    # --no-relative: names from the top, whatever diff.relative says; -M: a post renamed keeps its findings.
    diff = ["diff", "--name-status", "-z", "--no-ext-diff", "--no-relative", "-M"]
    parts = [os.fsdecode(part) for part in _git([*diff, *(["--cached"] if staged else []), commit], top).split(b"\0")]
    moved: dict[str, str] = {}
    touched: set[str] = set()
    unchanged: set[str] = set()
    at = 0
    while at < len(parts) and parts[at]:
        status = parts[at]
        if status[:1] in ("R", "C"):  # a rename or copy: its old name, then its new one
            old, new = parts[at + 1], parts[at + 2]
            touched.update((old, new))
            if status[:1] == "R":
                moved[new] = old
                if status == "R100":
                    unchanged.add(new)
            at += 3
            continue
        name = parts[at + 1]
        touched.add(name)
        if status[:1] in ("M", "T"):
            moved[name] = name
        at += 2
    return Baseline(label or ref, commit, top, held, moved, frozenset(touched), unchanged=frozenset(unchanged))


def _unborn(where: str) -> bool:
    """Whether HEAD names a branch that has no commit yet (``git init``, ``git checkout --orphan``)."""
    try:
        _git(["symbolic-ref", "-q", "HEAD"], where)
    except UsageError:
        return False  # a detached HEAD names a commit, or nothing at all
    try:
        _git(["rev-parse", "--verify", "--quiet", "HEAD"], where)
    except UsageError:
        return True
    return False


def mark(result: Result, path: str, baseline: Baseline, settings: Any) -> Result:
    """``result`` with the findings its file already had at the baseline commit suppressed (kind
    ``baseline``). A file the commit does not hold keeps them all; one whose metadata sidecar or site files
    differ from the commit's keeps them all here, and is held by the run to its copy read with the commit's
    (:func:`context_changed`)."""
    if result.status not in ("pass", "fail") or path == "-" or not baseline.suppresses:
        return result
    # a reprint the change turned into none is the change's by definition, whatever the file's text kept
    standing = [f for f in result.findings if f.suppressed is None and f.rule.rpartition("/")[2] != NO_LONGER]
    if not standing:
        return result
    name = _from_top(path, baseline.top)
    if name is None or _sidecar_differs(path, name, baseline) or _site_differs(path, baseline):
        return result
    if _moved_in_a_site(path, name, baseline) or _renamed_reads_otherwise(path, name, baseline, settings):
        return result
    if name in baseline.apart:
        return result  # the commit's config took it otherwise: held by the run to its copy read with that config
    if _through_a_changed_link(path, name, baseline):
        return result  # another file is at this name now (a folder link retargeted): all of its findings are new
    if name not in baseline.touched and os.path.islink(path):  # a page that is a link: its target's change is its own
        target = _from_top(os.path.realpath(path), baseline.top)
        if target is not None and target in baseline.moved:
            name = target  # compared with the target's copy at the commit
        elif target is None or target in baseline.touched or target not in baseline.held:
            return result  # out of the work tree, added since or untracked: all of its findings are new
    if name in baseline.moved:
        before = _findings_at(baseline, baseline.moved[name], path, settings)
    elif name in baseline.held and name not in baseline.touched:
        before = None  # the commit holds the file as it is: every finding was there
    else:
        return result  # added since the commit (or not tracked): all of its findings are new
    shorts = _rule_messages(settings)
    seen = Counter(_key(finding, shorts) for finding in before) if before is not None else None
    reason = baseline.reason
    for finding in standing:
        if seen is not None:
            key = _key(finding, shorts)
            if not seen[key]:
                continue
            seen[key] -= 1
        finding.suppressed = Suppressed("baseline", reason)
    return result.settle(settings.fail_on)


def context_changed(
    paths: Iterable[str], baseline: Baseline, settings: Any = None, config: str | os.PathLike[str] | None = None
) -> dict[str, str]:
    """Of the run's files (``paths``), each the commit holds whose metadata sidecar or site files (an ``_index.md``
    cascade, the site's config, Jekyll's ``_config.yml``) differ from the commit's, with its name at the commit
    (from the repository's top; a rename's old one). :func:`mark` leaves their findings standing: each is held
    instead to its copy at the commit read as the commit reads it, its sidecar and site files there
    (:func:`reprint_guard.reached.base_findings`). Empty when the baseline suppresses nothing; a page added since
    is none (all its findings are new). A page renamed since that the run's config (``settings``) gives other values
    or suppressions at its new name than at its old (:func:`_moved_by_config`) is one too, and so is a page the
    commit's copy of the run's ``config`` (its file, changed since) read otherwise: its ``include`` or ``exclude``
    left the page out (a draft the change publishes: all its findings are new, its copy at the commit unchecked
    there), or the overrides whose ``paths`` match it differ (:func:`_config_reads_otherwise`). Git is asked only
    for that config's copy, when it changed; else the names ``resolve`` gave are looked up. Such pages are told to
    ``settings.baseline`` (its ``apart``), when it is ``baseline``, so that :func:`mark` leaves them to the run."""
    if not baseline.suppresses or not baseline.commit:
        return {}
    import warnings

    from .config.site import told_as_warnings

    found: dict[str, str] = {}
    # Asked before the run: what a site file is warned of, the run's own check of its pages warns of.
    with told_as_warnings(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        then = _config_then(config, baseline) if settings is not None and config is not None else None
        apart = _context_changed(paths, baseline, found, settings, then)
    if apart and settings is not None and settings.baseline is baseline:
        settings.baseline = baseline.replace(apart=frozenset(apart))  # for mark(), in the run's workers too
    return found


class _ConfigThen(FrozenRecord):
    """What of the commit's copy of the run's config decides which pages it checks and how: its globs and
    overrides, as the run's settings hold them (globs as matched, a policy file's path made whole)."""

    __slots__ = ("include", "exclude", "overrides")

    def __init__(self, include: tuple[str, ...], exclude: tuple[str, ...], overrides: tuple[Any, ...]) -> None:
        self._set(include=include, exclude=exclude, overrides=overrides)


def _config_then(config: str | os.PathLike[str], baseline: Baseline) -> _ConfigThen | None:
    """The commit's copy of the run's config (a file changed since; not a ``pyproject.toml``'s table alone, which
    reads alike), or None: unchanged, not held by the commit, or not read there (its pages are then compared as
    before). Read from a temporary copy of its text, its keys taken as the loader reads them, without the
    policies it names (the commit's copies are not there)."""
    import posixpath
    import tempfile
    from pathlib import Path

    lexical = _linked_name(os.fspath(config), baseline.top)
    name = _from_top(os.fspath(config), baseline.top)
    then: bytes | None = None
    if lexical is not None:
        # a link (.reprint-guard.yaml -> conf/rg.yaml): git names its target's change, not its own; read as the
        # commit's links led, and compared with the text the run read
        from .gitrun import show_through_links

        then = show_through_links(os.path.realpath(baseline.top), baseline.commit, lexical)
        try:
            with open(config, "rb") as handle:
                same = then == handle.read()
        except OSError:
            same = False
        if then is None or same:
            return None
    elif name is None or name not in baseline.touched or name not in baseline.moved:
        return None  # the same text (or added since: the commit had no config there, and checked every page)
    elif posixpath.dirname(baseline.moved[name]) != posixpath.dirname(name):
        return None  # moved from another folder: its globs were read from there, if the commit's run found it
    else:
        # its name at the commit: a .reprint-guard.yml renamed .reprint-guard.yaml in the change that edits it
        name = baseline.moved[name]
    from .config.loader import _read
    from .errors import ReprintGuardError
    from .runner import Override, _is_path
    from .suppressions import config_glob, glob_problem

    try:
        text = then if then is not None else _git(["show", f"{baseline.commit}:{name}"], baseline.top)
        with tempfile.TemporaryDirectory(prefix="reprint-guard-config-") as folder:
            copy = Path(folder, os.path.basename(os.fspath(config)))
            copy.write_bytes(text)
            data, _ = _read(copy)
    except (ReprintGuardError, OSError, RecursionError, ValueError):
        return None
    root = Path(os.path.dirname(os.path.abspath(config)))

    def readable(value: Any) -> bool:
        # each a text the glob engine reads: one the commit's run refused ([z-a], a lone backslash) is not matched
        return isinstance(value, list | tuple) and all(
            isinstance(each, str) and glob_problem(each) is None for each in value
        )

    def globs(key: str) -> tuple[str, ...] | None:
        value = data.get(key) or ()
        return tuple(map(config_glob, value)) if readable(value) else None

    if not isinstance(data, dict) or not isinstance(data.get("overrides") or [], list):
        return None  # a copy the commit's run refused (overrides: 5): not compared, as one that does not read
    include, exclude = globs("include"), globs("exclude")
    overrides = []
    for each in data.get("overrides") or ():
        if not isinstance(each, dict) or not readable(each.get("paths")):
            return None
        policy = each.get("policy")
        if isinstance(policy, str) and _is_path(policy) and not os.path.isabs(policy):
            policy = str((root / policy).resolve())
        metadata = each.get("metadata") or {}
        paths = tuple(config_glob(glob) for glob in each["paths"] if isinstance(glob, str))
        overrides.append(Override(paths, policy, dict(metadata) if isinstance(metadata, dict) else {}))
    if include is None or exclude is None:
        return None
    return _ConfigThen(include, exclude, tuple(overrides))


def _config_reads_otherwise(path: str, settings: Any, then: _ConfigThen, old: str | None = None) -> bool:
    """Whether the commit's copy of the run's config (``then``) took the page otherwise than the run's does: left
    it out (``include``, ``exclude``), or gave it other overrides (those whose ``paths`` match it, their policy
    and metadata). ``old``: the page's place at the commit, for a page renamed since (the commit's config was
    matched against that name: ``drafts/a.md``, which it excluded, published as ``posts/a.md``)."""
    from .runner import _within_globs
    from .suppressions import path_matches

    now = settings.relative(path)
    before = settings.relative(old) if old is not None else now
    if _within_globs(now, settings) != _within_globs(before, then):
        return True

    def matching(relative: str, overrides: Iterable[Any]) -> list[tuple[Any, Any]]:
        return [(each.policy, each.metadata) for each in overrides if path_matches(relative, *each.paths)]

    return matching(now, settings.overrides) != matching(before, then.overrides)


def _context_changed(
    paths: Iterable[str], baseline: Baseline, found: dict[str, str], settings: Any, then: _ConfigThen | None = None
) -> list[str]:
    """Fill ``found``; the names (from the top) of the pages found only for ``then``'s sake, which mark() cannot
    tell itself."""
    apart: list[str] = []
    top = os.path.realpath(baseline.top)
    folders: dict[str, str | None] = {}  # a page's folder -> its real place (None: out of the work tree)
    sites: dict[str, bool] = {}  # a page's folder -> whether its site files differ (they are the folder's)
    for path in paths:
        if path == "-":
            continue
        absolute = os.path.abspath(path)
        folder, base = os.path.split(absolute)
        if folder not in folders:
            relative = os.path.relpath(os.path.realpath(folder), top)
            outside = relative == os.pardir or relative.startswith(os.pardir + os.sep)
            folders[folder] = None if outside else ("" if relative == os.curdir else relative.replace(os.sep, "/"))
        place = folders[folder]
        if place is None:
            continue
        name = f"{place}/{base}" if place else base  # as _from_top names it
        if name in baseline.moved:
            before = baseline.moved[name]
        elif name in baseline.held and name not in baseline.touched:
            before = name
        else:
            continue  # added since the commit (or not tracked)
        if folder not in sites:
            sites[folder] = _site_differs(path, baseline)
        if (
            sites[folder]
            or _sidecar_differs(path, name, baseline)
            or _moved_in_a_site(path, name, baseline)
            or _renamed_reads_otherwise(path, name, baseline, settings)
        ):
            found[path] = before
        elif then is not None and _config_reads_otherwise(
            path, settings, then, os.path.join(baseline.top, *before.split("/")) if before != name else None
        ):
            found[path] = before
            apart.append(name)
    return apart


def _from_top(path: str, top: str) -> str | None:
    """The file's name as git names it from the top (its folder resolved, not the file: a link is tracked as a
    link), or None outside the work tree."""
    absolute = os.path.abspath(path)
    here = os.path.join(os.path.realpath(os.path.dirname(absolute)), os.path.basename(absolute))
    relative = os.path.relpath(here, os.path.realpath(top))
    if relative == os.curdir or relative.startswith(os.pardir + os.sep) or relative == os.pardir:
        return None
    return relative.replace(os.sep, "/")


def _through_a_changed_link(path: str, name: str, baseline: Baseline) -> bool:
    """Whether the page is named through a folder that is a symbolic link git tracks (``content/news/feed ->
    ../../shared/old``) changed since the commit: the file now at that name is another one (``feed`` leads to
    ``shared/new`` now), read with the site values of the folder the link is in, though git names it by its
    target, which may be unchanged. Only a name that differs from git's (a link on the way) is looked at."""
    lexical = os.path.relpath(os.path.abspath(path), baseline.top).replace(os.sep, "/")
    if lexical == name or lexical.startswith("../"):
        return False
    parts = lexical.split("/")[:-1]
    return any("/".join(parts[: end + 1]) in baseline.touched for end in range(len(parts)))


def _sidecar_differs(path: str, name: str, baseline: Baseline) -> bool:
    """Whether a metadata sidecar the page may have is not the commit's (changed, added, deleted, untracked).
    A sidecar renamed unchanged with its page (``git mv 2017 archive-2017``, the page's sidecar at the page's
    old name before) is the commit's."""
    from .readers import sidecar_names

    before = baseline.moved.get(name, name)  # the page's name at the commit
    for side, old, there in zip(sidecar_names(name), sidecar_names(before), sidecar_names(path), strict=True):
        if os.path.islink(there) and _target_differs(there, baseline):
            return True  # a link (post.meta.yaml -> ../meta/post.yaml) whose target changed: the link's text did not
        if side in baseline.unchanged and baseline.moved.get(side) == old:
            continue  # moved with its page, as it was
        if side in baseline.touched or (side not in baseline.held and os.path.lexists(there)):
            return True
        if old != side and old in baseline.held:
            return True  # the page renamed, its sidecar at the commit left behind (or changed): read without it now
    return False


def _target_differs(link: str, baseline: Baseline) -> bool:
    """Whether the file a symbolic link leads to is not as the commit holds it (changed, added, untracked, out of
    the work tree): git tracks the link's text, so a change to its target is no change of the link's name."""
    target = _from_top(os.path.realpath(link), baseline.top)
    return target is None or target in baseline.touched or target not in baseline.held


def _moved_in_a_site(path: str, name: str, baseline: Baseline) -> bool:
    """Whether the page was renamed since the commit, its old place or its new one in a Hugo or Jekyll site: the
    sections' cascades (and a Hugo ``_target`` or a Jekyll default's scope, which match a page's path, its file's
    name too: ``_posts/2024``) that give it values are not those that gave its copy at the commit values, so that
    copy read at the page's new name is not the commit's reading."""
    before = baseline.moved.get(name, name)
    if before == name:
        return False
    from .config.site import site_files

    old = os.path.join(baseline.top, *before.split("/"))
    return bool(site_files(path)) or bool(site_files(old))


def _renamed_reads_otherwise(path: str, name: str, baseline: Baseline, settings: Any) -> bool:
    """Whether the page was renamed since the commit from a name that gives it other values than its new one: the
    run's config's (an override's or a suppression's ``paths``: ``content/community/**`` given ``commercial:
    false``; its ``include`` or ``exclude``: a draft of ``content/drafts/**``, which the commit's run did not check,
    published), a post's date (a ``_posts`` file's name, ``2024-03-05-rivers.md``, dates a post whose front matter
    does not, in a Jekyll site or none), or its format (``post.md`` made ``post.html``: the commit's Markdown read
    as HTML has no link). Its copy at the commit, read at its new name, would take the new name's, so
    the finding the move brings would be held as the commit's."""
    before = baseline.moved.get(name, name)
    if before == name:
        return False
    from .checks.timing import _post_date
    from .readers import format_for

    old = os.path.join(baseline.top, *before.split("/"))
    if format_for(path) != format_for(old) or _post_date(path) != _post_date(old):
        return True
    if settings is None:
        return False
    globs = [override.paths for override in settings.overrides]
    globs += [(each.path,) for each in settings.suppressions]
    globs += [paths for paths in (settings.include, settings.exclude) if paths]  # a draft the commit's run left out
    if not globs:
        return False
    from .suppressions import path_matches

    now, then = settings.relative(path), settings.relative(old)
    return any(path_matches(now, *paths) != path_matches(then, *paths) for paths in globs)


def _site_differs(path: str, baseline: Baseline) -> bool:
    """Whether a site file that gives the page values (a Hugo section's ``_index.md`` cascade, the site's config,
    Jekyll's ``_config.yml``) gives other values than the commit's (or is untracked): the commit's copy of the
    page was checked with the working tree's site values, so its findings cannot tell what the site's change
    brought. All of them are new."""
    from .config.site import site_files

    for file in site_files(path):
        lexical = _linked_name(file, baseline.top)
        if lexical is not None:
            # a link (hugo.toml -> conf/site.toml, a linked _index.md or config/ folder): read at the commit as its
            # links led there (one retargeted since, to a file the commit held unchanged, reads another file)
            if _gives_differently(file, lexical, baseline, through_links=True):
                return True
            continue
        # a link (hugo.toml -> conf/site.toml, a linked _index.md): git names its target's change, not its own
        name = _from_top(os.path.realpath(file) if os.path.islink(file) else file, baseline.top)
        if name is None:
            continue
        if name in baseline.touched and _gives_differently(file, name, baseline):
            return True
        if name not in baseline.touched and name not in baseline.held and os.path.lexists(file):
            return True
    gone = _site_files_gone(baseline)
    if gone:  # a config deleted since is none of the page's site files now (nor is a site left, when it was the last)
        page = _from_top(path, baseline.top)
        for root in gone if page is not None else ():
            if not root or page.startswith(root + "/"):
                return True
    return False


#: The folders (from the top) whose pages a site file deleted since the commit gave values, by (commit, top, the
#: names the difference touches).
_GONE: dict[tuple[Any, ...], list[str]] = {}


def _site_files_gone(baseline: Baseline) -> list[str]:
    """The folders (from the repository's top, ``""`` for the top) below which a Hugo or Jekyll site file the commit
    held and the working tree does not (a ``hugo.toml``, a file of ``config/_default/``, ``_config.yml``, an
    ``_index.md``) may have given pages values: its own folder, a config folder's site. Asked once a run."""
    key = (baseline.commit, baseline.top, baseline.touched)
    found = _GONE.get(key)
    if found is None:
        from .config.site import is_site_file_name

        found = []
        gone = [
            name
            for name in baseline.touched
            if name in baseline.held and not os.path.lexists(os.path.join(baseline.top, *name.split("/")))
        ]
        from .reached import below_gone_config_links

        real = os.path.realpath(baseline.top)
        below = [(name, name) for name in below_gone_config_links(gone, baseline.commit, real)]  # a config link gone
        for name, shown in [*((name, name) for name in gone), *_gone_through_links(gone, baseline.top), *below]:
            if not is_site_file_name(shown):
                continue
            if _another_tools_at(baseline, name):
                continue  # an application's config.yaml, not a Hugo site's: it gave no page values
            if _an_index(shown) and not _in_a_hugo_site_at(baseline, shown):
                continue  # a page named _index.md where the commit had no Hugo site: no section's cascade
            parts = shown.split("/")[:-1]
            if len(parts) >= 2 and parts[-2].lower() == "config" and parts[-1].lower() in ("_default", "production"):
                parts = parts[:-2]  # config/_default/hugo.toml: the site's root is two folders up
            found.append("/".join(parts))
        _GONE[key] = found
    return found


def _gone_through_links(gone: list[str], top: str) -> list[tuple[str, str]]:
    """Of ``gone`` (files the commit held, deleted since; git's names), each one a symbolic link git tracks leads
    to, or leads into (a ``config`` folder that is a link to ``shared/hugo-config``), with its name through the
    link (``config/_default/hugo.toml``): (git's name, the name through the link), both from the top."""
    if not gone:
        return []
    from .reached import linked_names

    real = os.path.realpath(top)
    found = []
    for link, name in linked_names([os.path.join(real, *name.split("/")) for name in gone], real).items():
        shown = os.path.relpath(os.path.abspath(link), real).replace(os.sep, "/")
        before = os.path.relpath(name, real).replace(os.sep, "/")
        if not shown.startswith("../") and before in gone:
            found.append((before, shown))
    return found


def _an_index(name: str) -> bool:
    from .config.site import _INDEX_NAMES

    return name.rpartition("/")[2].lower() in _INDEX_NAMES


def _in_a_hugo_site_at(baseline: Baseline, name: str) -> bool:
    """Whether the commit held a Hugo config (``hugo.*``, ``config.*``, a file of ``config/_default/`` or
    ``config/production/``) in a folder above ``name`` (an ``_index`` page deleted since): looked up in the names
    the commit holds, nothing read."""
    from .config.site import is_site_file_name

    folders = set()
    folder = name.rpartition("/")[0]
    while True:
        folders.add(folder)
        if not folder:
            break
        folder = folder.rpartition("/")[0]
    for held in baseline.held:
        if _an_index(held) or not is_site_file_name(held) or held.lower().endswith(("/_config.yml", "/_config.yaml")):
            continue
        if held.lower() in ("_config.yml", "_config.yaml"):
            continue
        parts = held.split("/")[:-1]
        if len(parts) >= 2 and parts[-2].lower() == "config" and parts[-1].lower() in ("_default", "production"):
            parts = parts[:-2]
        if "/".join(parts) in folders:
            return True
    return False


def _another_tools_at(baseline: Baseline, name: str) -> bool:
    """Whether the commit's copy of ``name``, a ``config.*`` deleted since, was some other tool's than Hugo's (no
    ``baseURL``, no ``markup``; as a run reads a ``config.*`` it finds): no page took values from it."""
    from pathlib import Path

    from .config.init import another_tools

    path = Path(baseline.top, *name.split("/"))
    if path.stem != "config":
        return False
    from .config.site import _settings_of

    try:
        data = _settings_of(name, _git(["show", f"{baseline.commit}:{name}"], baseline.top))
    except Exception:  # a copy that does not read is no site's settings, as a run reads it
        data = None
    return another_tools(path, data if isinstance(data, dict) else None)


#: Whether each touched site file gives its pages other values than the commit's copy, by (commit, name, the
#: file's modification time and size).
_SITE_CHANGES: dict[tuple[Any, ...], bool] = {}


def _linked_name(file: str, top: str) -> str | None:
    """The site file's name from the repository's top as written, not resolved, when a symbolic link is on its way
    (its own name, or a folder's); None for a file with no link on its way (or one out of the work tree)."""
    absolute = os.path.abspath(file)
    if os.path.realpath(absolute) == absolute:
        return None
    relative = os.path.relpath(absolute, os.path.realpath(top))
    if relative == os.curdir or relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return None
    return relative.replace(os.sep, "/")


def _gives_differently(file: str, name: str, baseline: Baseline, through_links: bool = False) -> bool:
    """Whether the site file as the run reads it (the working copy) gives its pages other values than the
    commit's copy does: an ``_index.md`` whose title changed, not its cascade, leaves its pages' findings
    comparable. Asked once a process for each file. ``through_links``: ``name`` holds a link, followed as the
    commit held it (:func:`reprint_guard.gitrun.show_through_links`)."""
    if not baseline.commit:
        return True
    try:
        stat = os.stat(file)
        key: tuple[Any, ...] = (baseline.commit, name, stat.st_mtime_ns, stat.st_size)  # an edit since is asked anew
    except OSError:
        key = (baseline.commit, name)
    found = _SITE_CHANGES.get(key)
    if found is None:
        from .config.site import gives_differently

        if through_links:
            from .gitrun import show_through_links

            before = show_through_links(os.path.realpath(baseline.top), baseline.commit, name)
        else:
            try:
                before = _git(["show", f"{baseline.commit}:{name}"], baseline.top) if name in baseline.held else None
            except UsageError:
                before = None
        try:
            with open(file, "rb") as handle:
                now: bytes | None = handle.read()
        except OSError:
            now = None
        found = _SITE_CHANGES[key] = gives_differently(file, before, now)
    return found


def _findings_at(baseline: Baseline, name: str, path: str, settings: Any) -> list[Finding]:
    """The findings the file's copy at the commit has, unsuppressed (one it suppressed there counts for
    nothing now: its suppression may be the change), checked as the run checks the file now. A copy that
    cannot be read or checked has none."""
    from .readers import decode, decode_page, format_for
    from .runner import check_text

    try:
        data = _git(["show", f"{baseline.commit}:{name}"], baseline.top)
        text = decode_page(data, path)[0] if format_for(path) == "html" else decode(data, path)
        before = _base_settings(settings)
        return [f for f in check_text(path, before, text=text, config_per_file=False)[1].findings if not f.suppressed]
    except (ReprintGuardError, RecursionError):
        return []


def _base_settings(settings: Any) -> Any:
    """The settings the commit's copy is checked with: the run's, without the baseline; a part of the run, so
    what the run's site files were warned of (once a run) is not warned of again."""
    from .config.site import base_run

    before = settings.replace(baseline=None, staged=False)
    base_run(before, settings)
    return before


def _rule_messages(settings: Any) -> Any:
    """A rule id's own message (the part of a finding's message its fingerprint keeps), as SARIF's rule table
    has it."""
    from .engine import rule_info
    from .policy.loader import policy_set
    from .runner import named_policies

    policies = policy_set(settings.rules_dirs)
    named = named_policies(settings)
    cache: dict[str, str | None] = {}

    def short(rule: str) -> str | None:
        if rule not in cache:
            cache[rule] = (rule_info(rule, policies, named) or {}).get("short")
        return cache[rule]

    return short


def _key(finding: Finding, short: Any) -> tuple[str, str, str | None]:
    """What makes two findings of a file the same one: as the SARIF fingerprint holds it, and the file it
    stands in (the page, or its sidecar)."""
    return finding.rule, stable_message(finding.message, short(finding.rule)), finding.file


#: The tool's rule for a file the change turned from a reprint into one skipped as not a reprint.
NO_LONGER = "no-longer-a-reprint"


def no_longer_a_reprint(path: str, reason: str, baseline: Baseline, settings: Any) -> Finding | None:
    """The warning for a file now skipped for ``reason`` (not a reprint) that the change since the commit
    touched (the file, or its metadata sidecar) and that was checked as a reprint at the commit, else None.

    Only a touched file is looked at: at most two ``git show`` and one check of the commit's copy, read with
    the metadata sidecar the commit had beside it (a sidecar deleted since is the usual cause)."""
    from .engine import TOOL_POLICY, TOOL_RULES
    from .readers import sidecar_names
    from .report import Finding, Severity

    if path == "-" or not baseline.commit:
        return None
    name = _from_top(path, baseline.top)
    if name is None:
        return None
    before = baseline.moved.get(name, name)  # its name at the commit (a rename's old one)
    if before not in baseline.held:
        return None  # added since: no reprint was there
    side = next((side for side in sidecar_names(before) if side in baseline.held), None)
    asked = baseline.then.get(name)
    if asked is None:
        sides = {*sidecar_names(name), *sidecar_names(before)}
        if name not in baseline.touched and not sides & baseline.touched:
            # the change left the file and its sidecar alone: skipped at the commit too, unless what reads them (the
            # config, a policy, a site file) changed: then the run asks the commit's files (as_the_commit_read)
            return None
        if reads_otherwise(path, name, baseline, settings):
            return None  # its copy read here is not the commit's reading: asked of the commit's files, by the run
        if not _a_reprint_at(baseline, before, side, path, settings):
            return None
    elif not asked:
        return None  # the commit's own files read it as no reprint either
    short = TOOL_RULES[NO_LONGER][0]
    why = reason.removeprefix("not a reprint: ")
    if side is not None and not any(os.path.lexists(there) for there in sidecar_names(path)):
        what, restore = f"its metadata sidecar {side} is gone, and ", f"restore its metadata sidecar {side}"
    elif side is not None and side in baseline.touched:
        what, restore = f"its metadata sidecar {side} changed, and ", f"restore original_url (or policy) in {side}"
    elif baseline.rules:
        what = "the config or a policy it names changed, and "
        restore = (
            "restore what the config gave it (a front-matter mapping onto original_url, an override's policy, "
            "its defaults) or original_url (or policy) in its metadata"
        )
    elif asked is not None and _site_differs(path, baseline):
        what = "the section's cascade or the site's defaults that give it metadata changed, and "
        restore = "restore the policy its site file gave it, or original_url (or policy) in its metadata"
    else:
        what, restore = "", "restore original_url (or policy) in its metadata"
    return Finding(
        rule=f"{TOOL_POLICY}/{NO_LONGER}",
        policy=TOOL_POLICY,
        check="metadata",
        severity=Severity.warning,
        message=f"{short} ({what}{why}; it was a reprint at {baseline.named}): its publisher's terms go unchecked",
        line=1,
        column=1,
        fix=f"If the file is still a reprint, {restore}; if it is now the site's own article, suppress "
        f"{TOOL_POLICY}/{NO_LONGER} for it with a reason (an inline "
        f'"reprint-guard: ignore {TOOL_POLICY}/{NO_LONGER} reason=..." comment, or the config\'s suppressions).',
    )


def reads_otherwise(path: str, name: str, baseline: Baseline, settings: Any) -> bool:
    """Whether the commit read the file (``name`` from the top) otherwise than its own text and sidecar there tell,
    read here: the run's config or a policy it names is not the commit's (``baseline.rules``), a site file that
    gives it values does not give the commit's (:func:`_site_differs`), it was renamed in a site or from a name the
    config gives other values, or the commit's config took it otherwise (``apart``). Whether it was a reprint there
    is then asked of a copy of the commit's own files (:func:`as_the_commit_read`), not of its copy read here."""
    return bool(
        baseline.rules
        or name in baseline.apart
        or _site_differs(path, baseline)
        or _moved_in_a_site(path, name, baseline)
        or _renamed_reads_otherwise(path, name, baseline, settings)
    )


def _to_ask(path: str, result: Result, baseline: Baseline, settings: Any) -> str | None:
    """The file's name at the commit (from the top) when its result is a skip as not a reprint that only the
    commit's own files can tell was no reprint there too (:func:`reads_otherwise`); else None."""
    if result.status != "skipped" or not (result.reason or "").startswith("not a reprint") or path == "-":
        return None
    name = _from_top(path, baseline.top)
    if name is None or name in baseline.then:
        return None
    before = baseline.moved.get(name, name)
    if before not in baseline.held or not reads_otherwise(path, name, baseline, settings):
        return None
    return before


def as_the_commit_read(
    items: list[Any],
    results: Iterable[Result],
    settings: Any,
    ask: Any,
    left_out: dict[str, tuple[str, bool]] | None = None,
) -> Iterable[Result]:
    """``results`` (one an item, in order) with each file skipped as not a reprint whose reading the change may
    have changed otherwise than by its text (its config, a policy, a site file: :func:`reads_otherwise`) checked
    again, once the run's other files are: whether it was a reprint at the commit is asked of a copy of the
    commit's files, all such files at once, and one that was is told (``reprint-guard/no-longer-a-reprint``).
    ``ask``: (the files as the run names them, the name each renamed one had at the commit, from the top, whether
    they were found by walking: then taken there as the commit's walk takes them) -> each one's status there
    (``pass``, ``fail``, ``skipped``, ``error``; keyed by its normalised path), or None when the commit's files
    could not be had (then none of them is told). The results stay in the items' order: those after the first
    such file wait for the answer. Found by walking, a file is taken at the commit as its walk took it: one its
    ``include`` left out (or ``exclude``) was never read as a reprint there. ``left_out``: files the run's globs leave
    out now (:func:`left_out_since`), asked in the same check; each that was a reprint there is reported after the
    items' results, in a result of its own (``reprint-guard/left-out-of-the-run``)."""
    from .runner import check_path, left_out_result

    baseline = settings.baseline
    waiting: list[tuple[Any, Result, str | None]] = []
    for item, result in zip(items, results, strict=True):
        before = _to_ask(item[0], result, baseline, settings) if baseline is not None and baseline.commit else None
        if before is None and not waiting:
            yield result
            continue
        waiting.append((item, result, before))
    asked = {item[0]: before for item, _, before in waiting if before is not None}
    left_out = left_out or {}
    if not asked and not left_out:
        yield from (result for _, result, _ in waiting)
        return
    asked.update((page, before) for page, (before, _) in left_out.items() if page not in asked)
    at = {page: before for page, before in asked.items() if before != _from_top(page, baseline.top)}
    # a file the run's walk took is asked as the commit's walk would take it (the commit's include, exclude): named,
    # a page the commit's include left out would be checked there, a reprint its run never read
    walked = {item[0] for item, _, before in waiting if before is not None and item[1]}
    walked.update(page for page, (_, as_walked) in left_out.items() if as_walked)
    statuses: dict[str, str] = {}
    for group, as_walked in (([p for p in asked if p in walked], True), ([p for p in asked if p not in walked], False)):
        if group:
            statuses.update(ask(group, {p: at[p] for p in group if p in at}, as_walked) or {})
    then = dict(baseline.then)
    for page in asked:
        if page in left_out:
            continue
        status = statuses.get(os.path.normpath(page))
        if status is not None and status != "error":  # one the commit's copy could not check tells nothing
            then[_from_top(page, baseline.top)] = status in ("pass", "fail")
    again = settings.replace(baseline=baseline.replace(then=then))
    for item, result, before in waiting:
        # one that was a reprint there is told; one that was none keeps its result (read again, it would say the same)
        if before is not None and then.get(_from_top(item[0], baseline.top)):
            result = check_path(item[0], item[1], again, item[2], config_per_file=False)
        yield result
    for page, (before, as_walked) in left_out.items():
        if statuses.get(os.path.normpath(page)) in ("pass", "fail"):  # the commit's run checked it as a reprint
            told = left_out_result(page, left_out_of_the_run(page, before, as_walked, baseline, settings), settings)
            if told is not None:
                yield told


#: The tool's rule for a file the base's run checked as a reprint that the run's include/exclude leave out now.
LEFT_OUT = "left-out-of-the-run"


def left_out_since(
    paths: Iterable[str], items: Iterable[Any], settings: Any, config: str | os.PathLike[str] | None
) -> dict[str, tuple[str, bool]]:
    """Of the files under the run's ``paths``, those its ``include`` or ``exclude`` leave out now (not in ``items``)
    that the commit's run may have taken in: looked for by a walk of ``paths`` without the globs only when the
    commit's copy of the run's ``config`` held other globs (an edit of them; a config added since: the commit's run
    had none), and among the files renamed since into a name the globs leave out (``git mv content/ferry.md
    content/drafts/ferry.md``) from one they take in. Each with its name at the commit (from the top) and whether
    it is taken as a walk takes it (then its copy at the commit is asked as the commit's walk takes it: its own
    globs). Whether each was a reprint there is asked of a copy of the commit's files (:func:`as_the_commit_read`).
    Empty, nothing asked, without a baseline commit or globs, or when neither the globs nor a file's name changed."""
    baseline = settings.baseline
    if baseline is None or not baseline.commit or not (settings.include or settings.exclude):
        return {}
    from .runner import _walk, _within_globs, as_walked, excluded_by

    then = _globs_then(config, baseline)
    changed = then is not None and (then.include, then.exclude) != (settings.include, settings.exclude)
    renamed = {new: old for new, old in baseline.moved.items() if new != old}
    if not changed and not renamed:
        return {}
    taken = {os.path.abspath(path) for path, _, _ in items if path != "-"}
    free = settings.replace(include=(), exclude=())  # the walk of every file the globs could take in
    found: dict[str, tuple[str, bool]] = {}

    def consider(path: str, walked: bool, folder: bool = False) -> None:
        key = os.path.abspath(path)  # "./content/a.md" and "content/a.md" alike
        if key in taken:
            return
        taken.add(key)
        if _within_globs(settings.relative(path), settings) if walked else excluded_by(path, settings) is None:
            return  # taken in now (a changed-only run's file it did not change)
        name = _from_top(path, baseline.top)
        if name is None:
            return
        before = baseline.moved.get(name, name)
        if before not in baseline.held:
            return  # added since: the commit's run read no reprint there
        if folder and before != name and not any(_inside(_whole(before, baseline.top), top) for top in folders):
            return  # renamed from outside the run's paths (their folders): the commit's run of them never took it
        old = settings.relative(os.path.join(baseline.top, *before.split("/")))
        globs = then if then is not None else settings
        if walked and not _within_globs(old, globs):
            return  # the commit's globs left it out too
        if not walked and globs.exclude and path_matches(old, *globs.exclude):
            return
        found[path] = (before, walked)

    from .suppressions import path_matches

    roots = [root for root in paths if root != "-"]
    folders = [os.path.realpath(root) for root in roots if os.path.isdir(root)]
    for root in roots:
        if os.path.isdir(root):
            if changed and not (settings.force_include and os.path.islink(root)):
                for path, _, _ in _walk(root, free):
                    consider(path, True, True)
        elif os.path.isfile(root) and (changed or _from_top(root, baseline.top) in renamed):
            if settings.force_include:
                for path, _, _ in as_walked([root], free):
                    consider(path, True)
            else:
                consider(root, False)
    for new in sorted(renamed):
        whole = os.path.realpath(os.path.join(baseline.top, *new.split("/")))
        for root in roots:
            if not os.path.isdir(root):
                continue
            inside = os.path.relpath(whole, os.path.realpath(root))
            if inside == os.pardir or inside.startswith(os.pardir + os.sep):
                continue
            for path, _, _ in as_walked([os.path.normpath(os.path.join(root, inside))], free):
                consider(path, True, True)
            break
    return dict(sorted(found.items()))


def _whole(name: str, top: str) -> str:
    """A name from the top (one the commit held, perhaps gone now) as a whole path, its folder resolved as
    the run's folders are."""
    folder, _, base = name.rpartition("/")
    return os.path.join(os.path.realpath(os.path.join(top, *folder.split("/"))), base)


def _inside(path: str, folder: str) -> bool:
    inside = os.path.relpath(path, folder)
    return inside != os.pardir and not inside.startswith(os.pardir + os.sep)


def _globs_then(config: str | os.PathLike[str] | None, baseline: Baseline) -> _ConfigThen | None:
    """The commit's copy of the run's config's globs (:func:`_config_then`): none for a config added since (the
    commit's run took every file in); None when unchanged, or not read there."""
    if config is None:
        return None
    name = _from_top(os.fspath(config), baseline.top)
    if name is not None and name not in baseline.held and name not in baseline.moved:  # added since, or untracked
        return _ConfigThen((), (), ())
    then = _config_then(config, baseline)
    if then is None and name is not None and _table_added(name, baseline):
        return _ConfigThen((), (), ())  # a [tool.reprint-guard] table added since to a pyproject.toml: none there
    return then


def _table_added(name: str, baseline: Baseline) -> bool:
    """Whether ``name`` is a ``pyproject.toml`` the commit held, in the same folder, with no ``[tool.reprint-guard]``
    table (the project's ``[tool.black]`` alone), that the change gave one: the commit's run found no config in
    it, as for a config added since."""
    import posixpath

    from .config.loader import names_our_table
    from .limits import MAX_CONFIG_BYTES

    if posixpath.basename(name) != "pyproject.toml" or name not in baseline.touched or name not in baseline.held:
        return False
    if baseline.moved.get(name, name) != name:
        return False
    try:
        return not names_our_table(_git(["show", f"{baseline.commit}:{name}"], baseline.top)[: MAX_CONFIG_BYTES + 1])
    except ReprintGuardError:
        return False


def left_out_of_the_run(path: str, before: str, walked: bool, baseline: Baseline, settings: Any) -> Finding:
    """The warning for a file the run's ``include`` or ``exclude`` leave out now (the pattern named) that the
    commit's run checked as a reprint (``before``: its name there)."""
    from .engine import TOOL_POLICY, TOOL_RULES
    from .report import Finding, Severity
    from .suppressions import path_matches

    relative = settings.relative(path)
    if walked and settings.include and not path_matches(relative, *settings.include):
        written = ", ".join(repr(glob) for glob in settings.include)
        what = f"the config's include ({written}) does not take it in"
        back = f"add it to the config's include ({written})"
    else:
        pattern = next((glob for glob in settings.exclude if path_matches(relative, glob)), settings.exclude[0])
        what = f"the config's exclude {pattern!r} leaves it out"
        back = f"narrow the config's exclude {pattern!r} (or add '!{relative}' after it)"
    name = _from_top(path, baseline.top)
    if before != name:
        what += f", renamed from {before}"
        back += f", or give it back a name the config takes in ({before})"
    short = TOOL_RULES[LEFT_OUT][0]
    return Finding(
        rule=f"{TOOL_POLICY}/{LEFT_OUT}",
        policy=TOOL_POLICY,
        check="metadata",
        severity=Severity.warning,
        message=f"{short} ({what}; it was checked as a reprint at {baseline.named}): its publisher's terms go "
        "unchecked",
        line=1,
        column=1,
        fix=f"If the file is still a reprint the site publishes, {back}; if it is not, suppress "
        f"{TOOL_POLICY}/{LEFT_OUT} for it with a reason in the config's suppressions.",
    )


def rules_differ(
    baseline: Baseline, settings: Any, config: str | os.PathLike[str] | None, looked_from: str | None = None
) -> bool:
    """Whether the run's config (``config``, the file it read; a ``pyproject.toml``'s ``[tool.reprint-guard]``
    table alone), or a policy it names (its ``policies`` folders, a policy file named on its own), is not the
    commit's: changed, added or deleted since, or a config the commit held that discovery from ``looked_from``
    (None: the run was told which to take) would have found before this one (or before finding none) gone."""
    if not baseline.commit:
        return False
    from .config.loader import CONFIG_NAMES
    from .policy.loader import looks_like_path

    top = os.path.realpath(baseline.top)

    def names(path: str | os.PathLike[str]) -> set[str]:  # its name from the top, and its target's
        return {name for name in (_from_top(os.fspath(path), top), _from_top(os.path.realpath(path), top)) if name}

    def table_differs(path: str, name: str) -> bool:  # a pyproject.toml: only our table counts
        import tomllib

        try:
            then = tomllib.loads(_git(["show", f"{baseline.commit}:{name}"], top).decode("utf-8"))
        except (UsageError, ValueError):
            then = {}  # not held there (or not read): the table added
        try:
            with open(path, "rb") as handle:
                now = tomllib.load(handle)
        except (OSError, ValueError):
            now = {}
        return then.get("tool", {}).get("reprint-guard") != now.get("tool", {}).get("reprint-guard")

    if config is not None and names(config) & baseline.touched:
        if os.path.basename(config) != "pyproject.toml":
            return True
        real = _from_top(os.path.realpath(config), top)
        if real is None or table_differs(os.fspath(config), real):
            return True
    if looked_from is not None:
        current = os.path.realpath(config) if config is not None else None
        folder = os.path.abspath(looked_from)
        while True:
            for each in (*CONFIG_NAMES, "pyproject.toml"):
                candidate = os.path.join(folder, each)
                if current is not None and os.path.realpath(candidate) == current:
                    break
                name = _from_top(candidate, top)
                if name is None or name not in baseline.touched or name not in baseline.held:
                    continue
                if each == "pyproject.toml" and table_differs(candidate, name):
                    return True  # its table taken out, or its file deleted: another config (or none) reads them now
                if each != "pyproject.toml" and not os.path.lexists(candidate):
                    return True  # the commit's config there is gone: another one (or none) reads the files now
            else:
                parent = os.path.dirname(folder)
                if parent == folder or _from_top(folder, top) is None:
                    break
                folder = parent
                continue
            break
    folders = [os.path.realpath(folder) for folder in settings.rules_dirs]
    named = [settings.policy, *(override.policy for override in settings.overrides)]
    files = {os.path.realpath(each) for each in named if each and looks_like_path(each)}
    for name in baseline.touched:
        whole = os.path.realpath(os.path.join(top, *name.split("/")))
        if whole in files or any(whole == folder or whole.startswith(folder + os.sep) for folder in folders):
            return True
    return False


def _a_reprint_at(baseline: Baseline, name: str, side: str | None, path: str, settings: Any) -> bool:
    """Whether the commit's copy of the file (``name`` there, with its sidecar ``side``) was checked as a
    reprint (passed or failed), read with the run's settings for ``path``: the two copied into a temporary
    folder, where the sidecar is read beside the page as it would have been."""
    import tempfile

    from .readers import read_file
    from .runner import check_read, read_options

    try:
        with tempfile.TemporaryDirectory(prefix="reprint-guard-") as folder:
            page = os.path.join(folder, os.path.basename(name))
            with open(page, "wb") as handle:
                handle.write(_git(["show", f"{baseline.commit}:{name}"], baseline.top))
            if side is not None:
                with open(os.path.join(folder, os.path.basename(side)), "wb") as handle:
                    handle.write(_git(["show", f"{baseline.commit}:{side}"], baseline.top))
            common, policy_spec = read_options(path, settings)
            reprint = read_file(page, has_sidecar=side is not None, **common)
            before = _base_settings(settings)
            result = check_read(reprint, path, before, policy_spec, config_per_file=False)
    except (ReprintGuardError, RecursionError, OSError):
        return False
    return result.status in ("pass", "fail")
