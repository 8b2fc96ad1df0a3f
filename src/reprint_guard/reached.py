"""The pages a changed site file reaches (a Hugo section's ``_index.md`` cascade, a Hugo site's config, Jekyll's
``_config.yml``): a pull request (the Action) or a commit (the pre-commit hook) that changes what such a file
gives its pages changes those pages, though not a line of theirs. They are checked with it, and held to the
commit the change is made against: a finding a page already had there (its copy checked with that commit's
site files, config and policies) is counted as suppressed (kind ``baseline``), one the change brings fails.

Nothing is read for a run whose changed files have no site file's name (but git's list of the links it tracks,
:func:`linked_names`: a link to a changed file is changed); for one that has, only the folder the file reaches
(its section, the site's content folder; for a config deleted with its site, the folder its base copy names,
:func:`gone_reaches`) is walked (README: "Hugo's cascade and Jekyll's front matter defaults")."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .gitrun import run_git
from .report import Result, Suppressed, stable_message

#: The most pages one check of a commit's copies names (a command line has a length limit).
_BATCH = 1000


def _show(commit: str | None, name: str) -> bytes | None:
    """The file's text at ``commit`` (``""``: git's index), None when it holds none (or git cannot say)."""
    folder, base = os.path.split(os.path.abspath(name))
    spec = f":./{base}" if commit == "" else f"{commit}:./{base}"
    proc = run_git("-C", folder, "show", spec)
    return proc.stdout if proc.ok else None


def _through_a_link(name: str) -> bool:
    """Whether the file's name holds a symbolic link (its own, or a folder's on its way)."""
    return os.path.realpath(name) != os.path.abspath(name)


def _show_then(commit: str, name: str) -> bytes | None:
    """The text ``name`` (a link, or in a linked folder) had at ``commit``, its links followed as the commit held
    them (:func:`reprint_guard.gitrun.show_through_links`)."""
    whole = os.path.abspath(name)
    top = _top_of(os.path.dirname(whole))
    return None if top is None else _show_gone(commit, whole, top)


def _read(name: str) -> bytes | None:
    try:
        with open(name, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def changed_site_files(names: Iterable[str], before: str | None, after: str | None = None) -> list[str]:
    """Of ``names`` (changed files, named from the working folder), the site files whose values for their pages
    differ between the commit ``before`` (None: they are all taken as changed) and ``after`` (None: the working
    copy; ``""``: git's index). Only names a site file may have are read."""
    from .config.site import _led_out, gives_differently, is_site_file_name, reach

    found = []
    for name in names:
        if not is_site_file_name(name) or reach(name) is None:
            continue
        if before is not None and _led_out(name, os.curdir) is not None:
            found.append(name)  # a link out of the repository on its way (config -> ../../secrets): not read, refused
            continue
        if before is not None:
            # a link (hugo.toml -> conf/site.toml; a linked config/ folder) is read through: at the commit as the
            # commit's links lead (one retargeted since, hugo.toml -> conf/b.toml, reads another file there)
            source = os.path.realpath(name) if os.path.islink(name) else name
            now = _read(source) if after is None else _show(after, source)
            then = _show_then(before, name) if _through_a_link(name) else _show(before, source)
            if not gives_differently(name, then, now):
                continue
        found.append(name)
    return found


def linked_names(names: Iterable[str], where: str) -> dict[str, str]:
    """The names a change reaches through a symbolic link git tracks in the repository holding ``where``: of
    ``names`` (changed or deleted files, named from the working folder as :func:`reprint_guard.action.changed_files`
    names them), each one a link leads to (``post.meta.yaml -> ../meta/post.yaml``, ``hugo.toml -> conf/site.toml``,
    a section's ``_index.md``) gives the link's name, and each site file in a folder a link leads to (a ``config``
    folder that is a link to ``shared/hugo-config``) its name through the link (``config/_default/hugo.toml``);
    each with the changed name it stands for. git's name for a link's target is the target's, so the link's own
    name is in no diff. Only links into the repository count (its top, not out of it: the workspace's other
    files are none of the pull request's); the links are listed by git (one ``ls-files``), not found by a walk."""
    from .config.site import is_site_file_name
    from .gitrun import tracked_links

    targets = {os.path.realpath(name): name for name in names}
    if not targets:
        return {}
    listed = tracked_links(where)
    if listed is None or not listed[1]:
        return {}
    top = os.path.realpath(listed[0])
    below: dict[str, list[str]] = {}  # a folder of the repository -> the changed files in it, at any depth
    for real in targets:
        folder = os.path.dirname(real)
        while folder.startswith(top + os.sep):
            below.setdefault(folder, []).append(real)
            folder = os.path.dirname(folder)
    found: dict[str, str] = {}
    for link in listed[1]:
        lands = os.path.realpath(link)
        if not lands.startswith(top + os.sep):
            continue  # out of the repository, or to its top (a loop a walk does not follow)
        if lands in targets:
            found.setdefault(_here(link), targets[lands])
        for real in below.get(lands, ()):  # a linked folder: a page below it is not walked, a site file is read
            name = os.path.join(link, os.path.relpath(real, lands))
            if is_site_file_name(name):
                found.setdefault(_here(name), targets[real])
    return found


def site_files_below_links(names: Iterable[str]) -> list[str]:
    """The site files (named from the working folder, through the link) in each of ``names`` (changed files) that
    is a symbolic link to a folder, and in its ``_default/`` and ``production/`` folders: a ``config`` folder made
    a link, or retargeted (``config -> shared/b``), is in the diff under its own name alone, the
    ``_default/hugo.toml`` below it in none. Three folders listed a link, never a walk (a link to ``/``); a page
    below a linked folder is not walked either, so no ``_index`` page deeper down is looked for."""
    from .config.site import is_site_file_name

    found: list[str] = []
    for name in names:
        if not (os.path.islink(name) and os.path.isdir(name)):
            continue
        for folder in (name, os.path.join(name, "_default"), os.path.join(name, "production")):
            try:
                listed = sorted(os.listdir(folder))
            except OSError:
                continue
            found += [_here(path) for each in listed if is_site_file_name(path := os.path.join(folder, each))]
    return found


def _here(path: str) -> str:
    """A whole path named from the working folder, with "/" (as the Action's changed files are)."""
    return os.path.relpath(path).replace(os.sep, "/")


def gone_reaches(names: Iterable[str], commit: str) -> list[str]:
    """Of ``names`` (site files deleted since ``commit``, named from the working folder), the folders (named from
    the working folder) whose pages each gave values at the commit, where no site is left to tell it now (the
    site's last config, or a config folder's file :func:`changed_site_files` cannot place): read from the
    commit's copy of the file, which says which site it was. A Hugo config reached its site's content folder
    (the copy's ``contentDir``, else the site's now, else ``content``), Jekyll's ``_config.yml`` its own folder; a
    ``config.*`` that was some other tool's (no ``baseURL``, no ``markup``), a section's ``_index`` page, a
    folder that is gone, and one out of the repository (a ``contentDir`` of ``../..``) reach none."""
    from pathlib import Path

    from .config.init import _dig, another_tools
    from .config.site import _INDEX_NAMES, _JEKYLL_CONFIGS, _config_folder, _settings_of, _site_of, is_site_file_name

    found: list[str] = []
    for name in names:
        whole = os.path.abspath(name)
        folder, low = os.path.dirname(whole), os.path.basename(whole).lower()
        if not is_site_file_name(name) or low in _INDEX_NAMES or os.path.exists(whole):
            continue  # (a link to a file deleted since, hugo.toml -> conf/site.toml, is as gone: it reads nothing)
        top = _top_of(folder)
        if top is None:
            continue
        data = _show_gone(commit, whole, top)
        if data is None:
            continue
        try:
            settings = _settings_of(whole, data)
        except Exception:  # a copy that did not read gave its pages nothing but an error
            continue
        settings = settings if isinstance(settings, dict) else None
        if low in _JEKYLL_CONFIGS:
            reached = folder
        else:
            in_folder = _config_folder(folder)
            if not in_folder and os.path.basename(folder).lower() == "config":
                continue  # config/hugo.toml: no site's (Hugo reads config/_default/, config/production/)
            if another_tools(Path(whole), settings):
                continue
            root = os.path.dirname(os.path.dirname(folder)) if in_folder else folder
            named = _dig(settings, "contentdir")
            if isinstance(named, str) and named.strip():
                import posixpath

                reached = os.path.normpath(os.path.join(root, posixpath.normpath(named.strip())))
            else:
                site = _site_of(root)
                left = site is not None and site.kind == "hugo" and site.root == root
                reached = site.content if left and site is not None else os.path.join(root, "content")
        real = os.path.realpath(reached)
        if real != top and not real.startswith(top + os.sep):
            continue  # a contentDir out of the repository (../.., /): the workspace's other files are no page of its
        if os.path.isdir(reached) and reached not in found:
            found.append(reached)
    return [os.path.relpath(folder) for folder in found]


def below_gone_config_links(names: Iterable[str], commit: str, top: str) -> list[str]:
    """Of ``names`` (from the repository's top ``top``, deleted since ``commit``), each ``config`` that was a
    symbolic link to a folder (``config -> shared/hugo-config``, the link deleted), or a ``config/_default`` or
    ``config/production`` that was one: the site files the commit held below it (a ``config``'s ``_default/``
    and ``production/`` files), named through it (``config/_default/hugo.toml``).
    git names the link alone, not the site config deleted with it."""
    from .config.site import is_site_file_name

    found: list[str] = []
    for name in names:
        subs = _config_folders_of(name)
        if not subs or "\n" in name:
            continue
        for sub in subs:
            asked = os.fsencode(f"{commit}:{name}{sub}\n")
            shown = run_git("-C", top, "cat-file", "--batch-check", "--follow-symlinks", input=asked)
            fields = shown.stdout.split() if shown.ok else []
            if len(fields) < 2 or fields[1] != b"tree":
                continue
            listed = run_git("-C", top, "ls-tree", "-z", "--name-only", fields[0].decode())
            for each in listed.stdout.split(b"\0") if listed.ok else ():
                file = f"{name}{sub}/{os.fsdecode(each)}"
                if each and is_site_file_name(file):
                    found.append(file)
    return found


def removed_config_link_files(removed: Iterable[str], commit: str) -> list[str]:
    """:func:`below_gone_config_links` for names from the working folder (a pull request's removed files, as git
    names them from there), its answer named from the working folder too."""
    candidates = [name for name in removed if _config_folders_of(name) and not os.path.lexists(name)]
    if not candidates:
        return []
    top = _top_of(os.path.dirname(os.path.abspath(candidates[0])))
    if top is None:
        return []
    inside = [os.path.relpath(os.path.abspath(name), top).replace(os.sep, "/") for name in candidates]
    found = below_gone_config_links(inside, commit, top)
    return [os.path.relpath(os.path.join(top, *name.split("/"))).replace(os.sep, "/") for name in found]


def _config_folders_of(name: str) -> tuple[str, ...]:
    """The folders below ``name`` (a path with "/") that hold a Hugo site's config files when ``name`` is a
    ``config`` folder (its ``/_default`` and ``/production``) or one of those two (itself, ``""``); none for any
    other name."""
    parts = name.lower().split("/")
    if parts[-1] == "config":
        return ("/_default", "/production")
    if len(parts) >= 2 and parts[-2] == "config" and parts[-1] in ("_default", "production"):
        return ("",)
    return ()


def _top_of(folder: str) -> str | None:
    """The real top of the repository holding ``folder`` (gone, perhaps: asked from the nearest folder left)."""
    while not os.path.isdir(folder) and os.path.dirname(folder) != folder:
        folder = os.path.dirname(folder)
    shown = run_git("-C", folder, "rev-parse", "--show-toplevel")
    return os.path.realpath(os.fsdecode(shown.stdout.strip())) if shown.ok else None


def _show_gone(commit: str, whole: str, top: str) -> bytes | None:
    """The commit's copy of the file ``whole`` in the repository whose top is ``top`` (deleted since, perhaps, its
    folder too), read as the commit's links led (a ``hugo.toml`` that was a link to ``conf/site.toml``, deleted
    since: the commit's ``conf/site.toml``)."""
    from .gitrun import show_through_links

    inside = os.path.relpath(whole, top)
    if inside == os.curdir or inside.startswith(os.pardir):
        return None
    return show_through_links(top, commit, inside.replace(os.sep, "/"))


def pages_below(folders: Iterable[str], walk: Callable[[str], Iterable[str]], skip: Iterable[str] = ()) -> list[str]:
    """Every page ``walk`` finds below ``folders`` (a section's own ``_index`` page aside), but those in ``skip``."""
    from .config.site import _INDEX_NAMES, PAGE_SUFFIXES

    seen = {os.path.abspath(name) for name in skip}
    found: dict[str, str] = {}
    for folder in folders:
        for page in walk(folder):
            name = os.path.basename(page).lower()
            key = os.path.abspath(page)
            if name.endswith(PAGE_SUFFIXES) and name not in _INDEX_NAMES and key not in seen:
                found.setdefault(key, page)
    return sorted(found.values())


def pages_of(site_files: Iterable[str], walk: Callable[[str], Iterable[str]], skip: Iterable[str] = ()) -> list[str]:
    """The pages the site files reach (each once, sorted), but those in ``skip`` (checked already)."""
    from .config.site import pages_reached

    seen = {os.path.abspath(name) for name in skip}
    found: dict[str, str] = {}
    for site_file in site_files:
        for page in pages_reached(site_file, walk):
            key = os.path.abspath(page)
            if key not in seen:
                found.setdefault(key, page)
    return sorted(found.values())


def base_findings(
    commit: str,
    pages: list[str],
    where: str,
    options: list[str],
    config: Any = None,
    warn: Callable[[str], None] | None = None,
    at: dict[str, str] | None = None,
    looked_from: str | None = None,
    statuses: dict[str, str] | None = None,
) -> dict[str, Counter] | None:
    """The findings each page has at ``commit``: its copy there checked, in a copy of the commit's text files
    (as git holds them, ``export-ignore`` or not), by ``reprint-guard check --format json`` with ``options``
    (the run's options that change findings) and the commit's own site files and config: the commit's copy
    of the run's ``config`` (none when the commit has none there; one outside the repository as it is).
    Keyed by the page's path as named here; None when the commit's files cannot be had (then nothing is
    held). A page the commit's copy could not check (its site file there does not read) has nothing held,
    and ``warn`` is told so, once. ``at``: a page's name at the commit (from the repository's top) where it is not
    its name here (a page renamed since); any other page is looked for under its own name. ``looked_from``: where
    the run looked for its config, found or not (None: it was told which to take, or to take none): the commit's
    config is looked for from there in the copy, up to its top (one deleted or renamed since is the commit's).
    ``statuses``: filled with each page's status there (``pass``, ``fail``, ``skipped``, ``error``), keyed as the
    findings are: whether it was checked as a reprint (:func:`reprint_guard.baseline.as_the_commit_read`)."""
    if not pages:
        return {}
    shown = run_git("-C", where, "rev-parse", "--show-toplevel")
    if not shown.ok:
        return None
    top = shown.stdout.decode("utf-8", "surrogateescape").strip()
    cwd, whole_top = os.path.realpath(os.getcwd()), os.path.realpath(top)
    here = os.path.relpath(cwd, whole_top)
    named = {page: page for page in pages}
    moved = here.startswith(os.pardir)
    if moved:
        # the working folder above the repository (the Action's workspace, the repository checked out into a
        # subfolder of it): the copy is checked from its top, each page named from the repository's top
        here = os.curdir
        named = {}
        for page in pages:
            inside = os.path.relpath(os.path.join(cwd, page), whole_top)
            if not inside.startswith(os.pardir):
                named[page] = inside
    for page, before in (at or {}).items():  # its copy at the commit, under the name it had there
        if page in named:
            named[page] = before if moved else os.path.relpath(os.path.join(whole_top, before), cwd)
    back = {os.path.normpath(inside): page for page, inside in named.items()}
    with tempfile.TemporaryDirectory(prefix="reprint-guard-base-") as folder:
        missed: list[str] = []
        inside_top = [os.path.normpath(os.path.join(here, inside)) for inside in named.values()]
        if not _copy_of(commit, top, folder, missed, _reading_needs(inside_top)):
            return None
        gone = {os.path.normpath(path) for path in missed}  # named from the repository's top, as the pages here
        lost = [page for page, inside in named.items() if os.path.normpath(os.path.join(here, inside)) in gone]
        if lost and warn is not None:
            warn(
                f"{_pages(lost, at)} could not be copied as {commit} holds them ({lost[0]}): "
                "none of their findings there is held, each counts"
            )
        os.makedirs(os.path.join(folder, ".git"), exist_ok=True)  # where the copy's repository ends, as the checkout's
        there = os.path.normpath(os.path.join(folder, here))
        held = [inside for inside in named.values() if os.path.isfile(os.path.join(there, inside))]
        if not held:
            return {}
        options = [*_rules_there(options, top, folder), *_config_there(config, top, folder, looked_from)]
        package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([package, *filter(None, [os.environ.get("PYTHONPATH")])])}
        command = [sys.executable, "-m", "reprint_guard", "check", "--format", "json", "--no-progress", *options]
        results: list[Any] = []
        for start in range(0, len(held), _BATCH):  # a command line of thousands of pages is cut in batches
            try:
                proc = subprocess.run(
                    [*command, "--", *held[start : start + _BATCH]],
                    capture_output=True,
                    check=False,
                    timeout=3600,
                    cwd=there,
                    env=env,
                )
                report = json.loads(proc.stdout.decode("utf-8", "surrogateescape"))
            except (OSError, subprocess.SubprocessError, ValueError):
                return None
            results += report.get("results", []) if isinstance(report, dict) else []
    found: dict[str, Counter] = {}
    unread: list[str] = []
    unread_pages: list[str] = []
    for result in results:
        if not isinstance(result, dict) or not isinstance(result.get("path"), str):
            continue
        page = back.get(os.path.normpath(result["path"]))
        if result.get("status") == "error" and isinstance(result.get("error"), str):
            unread.append(result["error"])
            # the check of all of them stopped (the commit's config does not read): each page asked is unread
            unread_pages += [page] if page is not None else [each for each in named if each not in unread_pages]
        renamed = _sidecars_renamed(named[page], page, moved, whole_top, cwd) if page in (at or {}) else {}
        keys = Counter(
            (f.get("rule"), f.get("message"), _as_now(_named_here(f.get("file"), moved, whole_top, cwd), renamed))
            for f in result.get("findings") or []
            if isinstance(f, dict) and not f.get("suppressed")
        )
        if page is not None:
            found[os.path.normpath(page)] = keys
            if statuses is not None and isinstance(result.get("status"), str):
                statuses[os.path.normpath(page)] = result["status"]
    if statuses is not None:  # the check of all of them stopped (the commit's config does not read): each unread
        for page in unread_pages:
            statuses.setdefault(os.path.normpath(page), "error")
    if unread and warn is not None:
        warn(
            f"{_pages(unread_pages, at)} could not be checked as {commit} holds them ({unread[0]}): "
            "none of their findings there is held, each counts"
        )
    return found


def _pages(pages: list[str], at: dict[str, str] | None) -> str:
    """The pages a warning is of, as they came to be held to the commit: reached by a changed site file, or their
    metadata sidecar or site files changed (``at``), or both kinds."""
    many = f"{len(pages)} pages" if len(pages) > 1 else "a page"
    context = sum(page in (at or {}) for page in pages)
    if not context:
        return f"{many} a changed site file reaches"
    if context == len(pages):
        return f"{many} whose metadata sidecar or site files changed"
    return f"{many} held to their copy there"


def _sidecars_renamed(before: str, page: str, moved: bool, top: str, cwd: str) -> dict[str, str]:
    """Where each sidecar of a page renamed since the commit (``before``: its copy's name there, as checked) was
    looked for there, as findings name it here, with its name beside the page now: a finding at the sidecar of
    the page's old name is the same one as at its sidecar now."""
    from .readers import sidecar_names

    then = (os.path.normpath(_named_here(name, moved, top, cwd)) for name in sidecar_names(before))
    return {old: new for old, new in zip(then, sidecar_names(page), strict=True) if old != os.path.normpath(new)}


def _as_now(file: Any, renamed: dict[str, str]) -> Any:
    return renamed.get(os.path.normpath(file), file) if renamed and isinstance(file, str) else file


def _named_here(file: Any, moved: bool, top: str, cwd: str) -> Any:
    """A finding's ``file`` as the run names it: the copy's name (from the repository's top) from the working
    folder, when the copy was checked from its top."""
    if not moved or not isinstance(file, str) or os.path.isabs(file):
        return file
    return os.path.relpath(os.path.join(top, file), cwd)


#: What a commit's copy for the check holds: pages, sidecars, site files, configs and policies (text); a site's
#: pictures and media are left out (a content repository's gigabytes).
_TEXT_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdown", ".mkdn", ".mkd", ".html", ".htm", ".json", ".yaml", ".yml")
_TEXT_SUFFIXES += (".toml", ".txt")


def _reading_needs(pages: Iterable[str]) -> Callable[[str], bool]:
    """Whether the check of ``pages`` (named from the repository's top) in a commit's copy reads a file (named as
    git lists it): any file but a page or a metadata sidecar (configs, site files, policies, CMS envelopes), and
    of those, the pages themselves, their sidecars, the articles their names share (``post.md`` beside
    ``post.html``, which tells whose ``post.meta.yaml`` is), and the ``_index`` and ``index`` pages of their
    folders and the folders above them (a Hugo section's cascade, a leaf bundle). A page is read with its own
    sidecar and its site's files alone, never another page: the other pages of a 40,000-page site are not
    copied for one."""
    import posixpath

    from .config.site import PAGE_SUFFIXES
    from .readers import SIDECAR_SUFFIXES, SUFFIX_FORMATS, sidecar_names

    own: set[str] = set()
    folders: set[str] = set()
    for page in pages:
        name = page.replace(os.sep, "/")
        own.update((name, *sidecar_names(name)))
        # the articles its name shares (post.md beside post.html): whether post.meta.yaml is another's as well
        stem = posixpath.splitext(name)[0]
        own.update(stem + suffix for suffix in SUFFIX_FORMATS)
        folder = posixpath.dirname(name)
        while folder not in folders:
            folders.add(folder)
            folder = posixpath.dirname(folder)

    def needs(path: str) -> bool:
        low = path.lower()
        if low.endswith(SIDECAR_SUFFIXES):
            return path in own
        if low.endswith(PAGE_SUFFIXES) and path not in own:
            folder, _, base = path.rpartition("/")
            return folder in folders and base.lower().startswith(("_index.", "index."))
        return True

    return needs


def _copy_of(
    commit: str,
    top: str,
    folder: str,
    missed: list[str] | None = None,
    needs: Callable[[str], bool] | None = None,
) -> bool:
    """Write the commit's text files into ``folder``, each as git holds it (``git ls-tree`` and ``git cat-file
    --batch``; not ``git archive``, which leaves out what ``.gitattributes`` marks ``export-ignore``, a
    library's ``docs/`` site). No symbolic link is made: a link to a file of the copy is written as a copy of
    that file, any other (to a folder, out of the copy, to nothing) left out. A link made in the copy could
    lead a later file's writing out of it (a pull request's ``a/l -> ..`` then ``a/m -> l/../..``). A file that
    cannot be written there (a name too long for the temporary folder) is left out, named in ``missed``. False
    when git cannot give them. ``needs``: which files the check reads (:func:`_reading_needs`), the others left
    out, unless the commit holds a symbolic link (whose target any page may be): then every text file is
    copied."""
    listed = run_git("-C", top, "ls-tree", "-r", "-z", "--full-tree", commit)
    if listed.returncode:
        return False
    wanted: list[tuple[str, str, str]] = []  # (mode, object, path)
    for entry in listed.stdout.split(b"\0"):
        head, _, name = entry.partition(b"\t")
        fields = head.split()
        if len(fields) != 3 or fields[1] != b"blob":
            continue  # a submodule's commit: no file of this repository's
        path = os.fsdecode(name)
        if any(part.lower() == ".git" for part in path.split("/")):
            continue  # a crafted tree's .git/config: the check runs git in the copy (git refuses to check one out)
        # a link whatever its name: a config/ folder's (config -> shared/hugo-config) has no suffix
        if path.lower().endswith(_TEXT_SUFFIXES) or fields[0] == b"120000":
            wanted.append((fields[0].decode(), fields[2].decode(), path))
    if needs is not None and not any(mode == "120000" for mode, _, _ in wanted):
        wanted = [entry for entry in wanted if needs(entry[2])]
    if not wanted:
        return True
    whole = os.path.realpath(folder)
    written: set[str] = set()  # the copy's files, each a plain file (no folder on their way is a link)
    links: dict[str, str] = {}  # a link's place in the copy -> the place it names, read as written
    with tempfile.TemporaryFile() as names:
        names.write("".join(f"{sha}\n" for _, sha, _ in wanted).encode())
        names.seek(0)
        try:
            proc = subprocess.Popen(
                ["git", "-C", top, "cat-file", "--batch"],
                stdin=names,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            return False
        assert proc.stdout is not None
        try:
            for mode, _, path in wanted:
                header = proc.stdout.readline().split()
                if len(header) != 3:
                    raise OSError("git cat-file: no object")
                size = int(header[2])
                target = os.path.normpath(os.path.join(whole, path))
                inside = target.startswith(whole + os.sep)
                if not inside or (mode == "120000" and size > 4096):  # no link's text is that long (PATH_MAX)
                    _skip(proc.stdout, size)
                elif mode == "120000":
                    link = os.fsdecode(proc.stdout.read(size))
                    if not os.path.isabs(link):
                        links[target] = os.path.normpath(os.path.join(os.path.dirname(target), link))
                elif _written(proc.stdout, size, target):  # read past when it cannot be written
                    written.add(target)
                elif missed is not None:
                    missed.append(path)
                proc.stdout.read(1)  # the newline after each object
        except (OSError, ValueError):
            proc.kill()
            proc.wait()
            return False
        finally:
            proc.stdout.close()
        if proc.wait() != 0:
            return False
    folders: dict[str, str] = {}  # a link to a folder of the copy -> that folder
    later: dict[str, str] = {}  # a link to a file of no folder written yet (hugo.toml -> config/_default/x.toml)
    for place in links:
        lands = links[place]
        for _ in range(40):  # a link to a link, as the kernel follows them (and gives up on a loop)
            if lands not in links:
                break
            lands = links[lands]
        if lands in written and place not in written:
            _copied(lands, place, written)
        elif lands not in written and lands.startswith(whole + os.sep) and not place.startswith(lands + os.sep):
            folders[place] = lands  # not a folder above it (config -> ..): that would copy the copy into itself
            later[place] = lands
    if folders:
        _copy_linked_folders(folders, written, whole, needs, set(later.values()))
        for place, lands in later.items():  # through a folder link now written as files
            if lands in written and place not in written:
                _copied(lands, place, written)
    return True


def _copied(source: str, place: str, written: set[str]) -> None:
    """Copy a file of the copy to ``place`` (a link's), told to ``written``; nothing when it cannot be made."""
    try:
        os.makedirs(os.path.dirname(place), exist_ok=True)
        shutil.copyfile(source, place)
    except OSError:
        return
    written.add(place)


def _copy_linked_folders(
    folders: dict[str, str],
    written: set[str],
    whole: str,
    needs: Callable[[str], bool] | None = None,
    targets: set[str] = frozenset(),  # type: ignore[assignment]
) -> None:
    """Write below each link to a folder of a commit's copy (``whole``; ``config -> shared/hugo-config``: its place
    -> the folder) the copy's files in that folder, as the link shows them (``config/_default/hugo.toml``), each
    told to ``written``: a site's config folder that is a link is read at the commit as there. Only the files
    written from the commit are copied (a link's copy holds files, never a link, nor another link's copies), and
    of those only the ones the check reads as the link shows them (``needs``: site files, the pages asked and
    their sidecars and sections' ``_index`` pages) or a link leads to (``targets``): a link to a content folder
    of 40,000 pages does not copy them all again."""
    below: dict[str, list[str]] = {}
    for file in written:
        folder = os.path.dirname(file)
        while folder.startswith(whole + os.sep):
            below.setdefault(folder, []).append(file)
            folder = os.path.dirname(folder)
    for place, lands in folders.items():
        for file in below.get(lands, ()):
            copy = os.path.join(place, os.path.relpath(file, lands))
            if copy in written:
                continue
            if needs is None or copy in targets or needs(os.path.relpath(copy, whole).replace(os.sep, "/")):
                _copied(file, copy, written)


def _written(source: Any, size: int, target: str) -> bool:
    """Copy ``size`` bytes of ``source`` into the file ``target``, a piece at a time (a repository's search index
    of hundreds of megabytes is never held whole); False when the file cannot be made (a name too long for the
    temporary folder, say): the rest of ``source``'s object is read past, and the copy goes on without it."""
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        handle = open(target, "wb")  # noqa: SIM115 - closed below, after the object is read whichever way
    except OSError:
        _skip(source, size)
        return False
    with handle:
        for piece in _pieces(source, size):
            handle.write(piece)
    return True


def _skip(source: Any, size: int) -> None:
    """Read past ``size`` bytes of ``source``, a piece at a time."""
    for _ in _pieces(source, size):
        pass


def _pieces(source: Any, size: int) -> Iterator[bytes]:
    """``size`` bytes of ``source`` in pieces of at most a megabyte; OSError when it ends before them."""
    while size:
        piece = source.read(min(size, 1 << 20))
        if not piece:
            raise OSError("git cat-file: an object cut short")
        size -= len(piece)
        yield piece


def _config_there(config: Any, top: str, folder: str, looked_from: str | None = None) -> list[str]:
    """The option naming the commit's copy (in ``folder``) of the run's config, or none. A config the run looked
    for (``looked_from``: where it looked, found or not) is looked for there in the copy, as the commit's run would
    find it: a ``.reprint-guard.yaml`` moved into ``pyproject.toml`` since is the commit's ``.reprint-guard.yaml``
    still; one found outside the repository, where the copy holds none, is that one. A config named (``--config``,
    the Action's ``config`` input) is the commit's copy of that file."""
    outside = config is not None and os.path.relpath(os.path.realpath(config), os.path.realpath(top)).startswith(
        os.pardir
    )
    if looked_from is not None or config is None:
        relative = os.path.relpath(os.path.realpath(looked_from), os.path.realpath(top)) if looked_from else os.pardir
        if relative == os.pardir or relative.startswith(os.pardir + os.sep):
            return ["--config", str(config)] if outside else ["--no-config"]
        from pathlib import Path

        from .config.loader import discover

        whole = os.path.realpath(folder)
        found = discover(Path(whole, relative))
        if found is not None and os.path.realpath(found).startswith(whole + os.sep):
            return ["--config", str(found)]
        return ["--config", str(config)] if outside else ["--no-config"]
    relative = os.path.relpath(os.path.realpath(config), os.path.realpath(top))
    if relative.startswith(os.pardir):
        return ["--config", str(config)]  # the workflow's or the user's own, outside the repository
    copy = os.path.join(folder, relative)
    return ["--config", copy] if os.path.isfile(copy) else ["--no-config"]


def hold(
    result: Result, before: Counter | None, short: Callable[[str], str | None], reason: str, fail_on: str
) -> Result:
    """``result`` (a reached page's) with the findings its copy had at the commit (``before``, as
    :func:`base_findings` gives them, unstable parts of messages as they are) suppressed, counted: a second
    copy of one it had once is new. ``before`` None: the page was not there, and all its findings are new."""
    if before is None or result.status not in ("pass", "fail"):
        return result
    seen = Counter(
        {(rule, stable_message(message or "", short(rule)), file): n for (rule, message, file), n in before.items()}
    )
    from .baseline import _key  # what makes two findings of a file one, as --baseline-commit matches them

    for finding in result.findings:
        if finding.suppressed is not None:
            continue
        key = _key(finding, short)
        if seen[key]:
            seen[key] -= 1
            finding.suppressed = Suppressed("baseline", reason)
    return result.settle(fail_on)


def check_options(settings: Any, given: Any = None) -> list[str]:
    """The options the commit's copy is checked with: the run's own that change findings and that no config
    holds: the policy, inline suppressions, the severity that fails, bare URLs, and from the command line
    (``given``, its parsed options) each ``--rules-dir`` and ``--meta`` as written."""
    options = []
    if settings.policy:
        options += ["--policy", settings.policy]
    if not settings.inline_suppressions:
        options.append("--no-inline-suppressions")
    if settings.fail_on:
        options += ["--fail-on", settings.fail_on]
    if not settings.bare_urls:
        options.append("--no-bare-urls")
    for folder in getattr(given, "rules_dir", None) or ():
        options += ["--rules-dir", os.path.abspath(folder)]
    for each in getattr(given, "meta", None) or ():
        options += ["--meta", each]
    return options


def _rules_there(options: list[str], top: str, folder: str) -> list[str]:
    """``options`` with each ``--rules-dir`` in the repository named by the commit's copy of it (as the config's
    ``policies`` are), when the copy holds it; one outside the repository, or new since, as it is."""
    out = list(options)
    for index, option in enumerate(out[:-1]):
        if option != "--rules-dir":
            continue
        relative = os.path.relpath(os.path.realpath(out[index + 1]), os.path.realpath(top))
        copy = os.path.join(folder, relative)
        if not relative.startswith(os.pardir) and os.path.exists(copy):
            out[index + 1] = copy
    return out


def holder(
    reached: Iterable[str], held: dict[str, Counter] | None, settings: Any, commit: str, reason: str | None = None
) -> Callable[[Result], Result]:
    """What holds a reached page's result to ``commit`` (as findings name it): the findings it had there (``held``,
    as :func:`base_findings` gives them) suppressed, kind ``baseline``, with ``reason`` (else one naming the
    change of its site file); any other result left as it is."""
    from .baseline import _rule_messages

    short = _rule_messages(settings)
    reason = reason or f"already in {commit}, before the change of its site file"
    pages = {os.path.normpath(page) for page in reached}

    def holding(result: Result) -> Result:
        key = os.path.normpath(result.path)
        if held is None or key not in pages:
            return result
        return hold(result, held.get(key), short, reason, settings.fail_on)

    return holding


def expand_named(
    paths: list[str], settings: Any, config: Any = None, given: Any = None
) -> tuple[list[str], list[str], dict[str, Counter] | None]:
    """The command line's paths with each site file named among them standing for the pages it reaches
    (``reprint-guard check hugo.toml``; the pre-commit hook's staged ``_config.yml``): (the paths to check, the
    pages brought, what each had at ``HEAD`` (with ``--staged``; else nothing is held)).

    A site config names no page: it is taken out, its pages put in. A section's ``_index`` page is a page too,
    checked as named, and brings its pages only with ``--force-include`` (the hooks). With ``--staged`` a site
    file brings its pages only when git's index gives them other values than ``HEAD`` does (a commit that
    leaves its cascade alone changes none of them), only the pages git's index holds, each held to ``HEAD``;
    a site file with changes not staged is an error (the pages would be read with values the commit does not
    hold). A ``config.yaml`` that is no site's config is left as named (a hook passes over it)."""
    from .config.site import _INDEX_NAMES, is_site_file_name, pages_reached, reach
    from .errors import InputError
    from .runner import discover

    out: list[str] = []
    brought: dict[str, str] = {}
    named = {os.path.abspath(path) for path in paths if path != "-"}
    walker = settings.replace(staged=False, force_include=False, baseline=None)

    def walk(folder: str) -> list[str]:
        return [path for path, _, _ in discover([folder], walker)]

    for path in paths:
        page = os.path.basename(path).lower() in _INDEX_NAMES
        if path == "-" or not is_site_file_name(path) or not os.path.isfile(path):
            out.append(path)
            continue
        if reach(path) is None:
            out.append(path)  # no site's config: checked as what it is (a CMS envelope named config.json too)
            continue
        if page:
            out.append(path)
            if not settings.force_include:
                continue
        if settings.staged:
            import shlex

            if _unstaged(path):
                raise InputError(
                    "the site file has changes that are not staged: the commit holds another copy, and its pages "
                    f"would be read with this one; stage them (git add {shlex.quote(path)}) or stash them "
                    "(git stash --keep-index)",
                    path=path,
                )
            if not changed_site_files([path], "HEAD" if _born() else None, ""):
                continue
        pages = pages_reached(path, walk)
        if settings.staged:  # a page git does not track is no page of the commit's
            tracked = _tracked(reach(path) or ".")
            pages = [each for each in pages if os.path.realpath(each) in tracked]
        for each in pages:
            key = os.path.abspath(each)
            if key not in named:
                brought.setdefault(key, each)
    pages = sorted(brought.values())
    held = None
    if settings.staged and pages and _born():
        held = held_at("HEAD", pages, ".", settings, given, config, what="the pages a staged site file reaches")
    return [*out, *pages], pages, held


def held_at(
    commit: str,
    pages: list[str],
    where: str,
    settings: Any,
    given: Any,
    config: Any,
    *,
    what: str,
    at: dict[str, str] | None = None,
    named: str | None = None,
    statuses: dict[str, str] | None = None,
) -> dict[str, Counter] | None:
    """:func:`base_findings` for the command line: the commit's config looked for where the run looked for its own
    (unless one was named), its slips and its failure told on standard error (then None: all of ``what``'s
    findings count, as the Action says it). ``named``: the commit as the user named it (``main``)."""
    told = getattr(given, "config", None) or getattr(given, "no_config", False)  # which config to take, or none
    looked_from = None if told else os.getcwd()  # where the run looked for its config (found or not)
    options = check_options(settings, given)
    held = base_findings(
        commit, pages, where, options, config, _warn, at=at, looked_from=looked_from, statuses=statuses
    )
    if held is None:
        _warn(f"{named or commit} could not be copied to tell what {what} already had there: all their findings count")
    return held


def base_asker(
    settings: Any,
    where: str,
    options: Callable[[], list[str]],
    config: Any,
    warn: Callable[[str], None],
    looked_from: str | None,
) -> Callable[..., Any] | None:
    """With a baseline commit (``settings.baseline``), what asks a copy of its files whether pages skipped now as
    not a reprint were reprints there (:func:`statuses_at`, read with the commit's config, policies, site files and
    sidecars), for :func:`reprint_guard.baseline.as_the_commit_read`; None without one. ``options``: the check's
    options (asked only when a page is); a page found by walking is taken as the commit's walk takes it (its
    include, exclude: one it left out was never read as a reprint there)."""
    baseline = settings.baseline
    if baseline is None or not baseline.commit:
        return None

    def ask(pages: list[str], at: dict[str, str], walked: bool) -> dict[str, str] | None:
        asked = [*options(), *(["--force-include"] if walked else [])]
        return statuses_at(
            baseline.commit, pages, where, asked, config, warn, at=at, looked_from=looked_from, named=baseline.named
        )

    return ask


def statuses_at(
    commit: str,
    pages: list[str],
    where: str,
    options: list[str],
    config: Any,
    warn: Callable[[str], None],
    *,
    at: dict[str, str] | None = None,
    looked_from: str | None = None,
    named: str | None = None,
) -> dict[str, str] | None:
    """Each page's status at ``commit`` (``pass``, ``fail``, ``skipped``, ``error``), its copy there checked as
    :func:`base_findings` checks it (the commit's config, policies, site files and sidecars), keyed by its normalised
    path: whether pages skipped now as not a reprint were reprints there. None, and ``warn`` told, when the commit's
    files cannot be had; a page its copy could not check is told to ``warn`` too. ``named``: the commit as findings
    name it."""
    statuses: dict[str, str] = {}
    held = base_findings(commit, pages, where, options, config, None, at=at, looked_from=looked_from, statuses=statuses)
    what = f"{len(pages)} pages" if len(pages) > 1 else "a page"
    if held is None:
        warn(
            f"{named or commit} could not be copied to tell whether {what} skipped now as not a reprint "
            "(the config, a policy or a site file changed since) were reprints there: none is told"
        )
        return None
    unread = [page for page in pages if statuses.get(os.path.normpath(page)) == "error"]
    if unread:
        warn(
            f"{unread[0]}{f' and {len(unread) - 1} more' if len(unread) > 1 else ''}, skipped now as not a reprint, "
            f"could not be checked as {named or commit} holds it: whether it was a reprint there is not told"
        )
    return statuses


def _warn(message: str) -> None:
    from .errors import one_line

    sys.stderr.write(f"reprint-guard: warning: {one_line(message)}\n")


def _born() -> bool:
    """Whether ``HEAD`` names a commit (not a branch before its first)."""
    return run_git("rev-parse", "--verify", "--quiet", "HEAD").ok


def _unstaged(path: str) -> bool:
    return run_git("diff", "--quiet", "--", os.path.abspath(path)).returncode == 1


def _tracked(folder: str) -> set[str]:
    """The files below ``folder`` that git's index holds, as whole paths (their links followed, as compared)."""
    proc = run_git("-C", folder, "ls-files", "-z", "--cached", "--full-name", "--", ".")
    top = run_git("-C", folder, "rev-parse", "--show-toplevel")
    if proc.returncode or top.returncode:
        return set()
    root = os.fsdecode(top.stdout.strip())
    return {os.path.realpath(os.path.join(root, os.fsdecode(name))) for name in proc.stdout.split(b"\0") if name}
