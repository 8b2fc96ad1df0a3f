"""The metadata a page of a Hugo or Jekyll site gets from the site rather than from its own front matter:
Hugo's ``cascade`` (in a section's ``_index.md``, and in the site's config) and Jekyll's front matter
``defaults`` (``_config.yml``). ``check`` reads them below the page's own front matter, as the generator does.

Each folder's site, each ``_index`` page and each config is read once a run (:func:`given` caches them); a
file that does not read is an error of every page it would give values to, at its line and column.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import InputError, ReprintGuardError, SiteFileError

#: The pages a site gives values to: Markdown and HTML (a JSON envelope is a CMS's export, no site's page).
PAGE_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdown", ".mkdn", ".mkd", ".html", ".htm")
#: A Hugo section's own page (its front matter holds the section's cascade).
_INDEX_NAMES = tuple(f"_index{suffix}" for suffix in (".md", ".markdown", ".html", ".htm"))
_JEKYLL_CONFIGS = ("_config.yml", "_config.yaml")
#: What Hugo builds for by default (``hugo`` with no ``--environment``): a cascade's ``_target.environment``.
_ENVIRONMENT = "production"


class _Layer(NamedTuple):
    """One cascade block or Jekyll default set: its values (keys as the site writes them, ``params`` lifted),
    the line of each key, the file, and whom it is for (Hugo's ``_target``; Jekyll's scope's path and type)."""

    values: dict[str, Any]
    lines: dict[str, tuple[int, int]]  # each key's (line, column of its value)
    file: str
    target: Mapping[str, Any] | None


class _Site(NamedTuple):
    kind: str  # "hugo" or "jekyll"
    root: str
    content: str  # Hugo's content folder; Jekyll's root
    language: str  # Hugo's defaultContentLanguage
    layers: tuple[_Layer, ...]  # the config's cascades (production's first) or Jekyll's default sets in order
    error: tuple[str, str, int | None, int | None] | None  # the config did not read: (message, file, line, column)
    collections: frozenset[str] = frozenset()  # Jekyll's declared collections (besides posts)
    collections_dir: str = ""  # Jekyll's ``collections_dir``: where posts and collections are


_MISSING = object()
_KEPT_RUNS = 4


class _State(threading.local):
    """A thread's cache of the sites it read: per run (the settings it is for), each folder's site, each section
    folder's cascade, and what the pages a set of layers reaches get; the cache of the run asking now first, a
    few others kept (a --baseline-commit run checks the commit's copy with settings of its own between the
    pages). Kept per thread: a library caller's threads check with configs of their own at once (one thread's
    run would otherwise swap another's cache under it)."""

    def __init__(self) -> None:
        self.cache: dict[str, Any] = {"sites": {}, "sections": {}, "merged": {}, "warned": set()}
        self.runs: list[tuple[Any, dict[str, Any]]] = [(None, self.cache)]
        #: (a ``--baseline-commit`` check's settings for the commit's copy, the run's own settings), the last
        #: few: the commit's check is part of the run, and shares its "once a run" warnings.
        self.base_runs: list[tuple[Any, Any]] = []
        #: A library call is under way in this thread: what the site's files are warned of is a
        #: :class:`~reprint_guard.api.ConfigWarning`, which the caller's warning filters govern, not a line on
        #: standard error (the command line's).
        self.library = False


_STATE = _State()


def base_run(before: Any, settings: Any) -> None:
    """Say that ``before`` checks a commit's copy for the run of ``settings`` (``--baseline-commit``): what the
    run has warned of is not warned of again."""
    _STATE.base_runs[:] = [(before, settings), *_STATE.base_runs[: _KEPT_RUNS - 1]]


def forget(owner: Any = None) -> None:
    """Read the sites anew (their files may have changed) for ``owner``'s run (its settings)."""
    state = _STATE
    main = next((run for base, run in state.base_runs if base is owner), _MISSING) if owner is not None else _MISSING
    warned = next((cache["warned"] for held, cache in state.runs if held is main), None)
    state.cache = {"sites": {}, "sections": {}, "merged": {}, "warned": warned if warned is not None else set()}
    state.runs[:] = [(owner, state.cache), *[run for run in state.runs if run[0] is not owner][: _KEPT_RUNS - 1]]


def _for_run(owner: Any) -> None:
    """Make ``owner``'s cache the one read (a run's first page starts one)."""
    state = _STATE
    for run in state.runs:
        if run[0] is owner:
            state.cache = run[1]
            state.runs.remove(run)
            state.runs.insert(0, run)
            return
    forget(owner)


@contextmanager
def told_as_warnings() -> Iterator[None]:
    """Within it, this thread's site files are warned of as :class:`~reprint_guard.api.ConfigWarning` (a library
    call), not on standard error."""
    state = _STATE
    before, state.library = state.library, True
    try:
        yield
    finally:
        state.library = before


def _tell(message: str) -> None:
    """Warn of a site file: a line on standard error for the command line, a ``ConfigWarning`` in a library call."""
    if _STATE.library:
        import warnings

        from ..api import ConfigWarning

        warnings.warn(message, ConfigWarning, stacklevel=2)
    else:
        import sys

        sys.stderr.write(f"reprint-guard: warning: {message}\n")


def given(
    path: str, key_map: Mapping[str, str], owner: Any = None
) -> tuple[dict[str, Any], dict[str, tuple[str, int, int]]]:
    """The metadata the page at ``path`` gets from its site (keys as the site writes them), and where each key
    of reprint-guard's it gives is set: (the file, as ``path`` is written: relative or whole, its line, the
    column of its value).

    Empty for a file in no Hugo or Jekyll site, outside a Hugo site's content, a section's own ``_index``
    page, and a file of another type. Raises :class:`InputError` at the place of a site file that does not read.
    """
    if _STATE.runs[0][0] is not owner:
        _for_run(owner)
    cache = _STATE.cache
    if not path.lower().endswith(PAGE_SUFFIXES):
        return _NOTHING
    if cache["sites"].get(path.rpartition(os.sep)[0] or ".", _MISSING) is None:  # a folder in no site, as named
        return _NOTHING
    whole_paths = os.path.isabs(path)
    whole = path if whole_paths else os.path.join(_cwd(), path)
    if ".." in whole or "//" in whole or "/./" in whole:
        whole = os.path.normpath(whole)
    folder = whole.rpartition(os.sep)[0]
    site = cache["sites"].get(folder, _MISSING)
    if site is _MISSING:
        site = _site_of(folder)
    if site is None:
        cache["sites"][path.rpartition(os.sep)[0] or "."] = None  # the folder as the walk names it: asked first
        return _NOTHING
    try:
        layers = _hugo_layers(site, whole, folder) if site.kind == "hugo" else _jekyll_layers(site, whole)
    except InputError as exc:
        if exc.path and not whole_paths:
            exc.path = _relative(exc.path)  # named as the page is
        raise
    if not layers:
        return _NOTHING
    # Pages reached by the same layers get the same values: merged once (a folder's pages, mostly).
    key = (*map(id, layers), whole_paths)
    found = cache["merged"].get(key)
    if found is None:
        found = cache["merged"][key] = _merged(layers, key_map, whole_paths, site.kind == "hugo")
    return found


def site_files(path: str) -> list[str]:
    """The site files whose text gives the page at ``path`` values (whole paths, there or not): a Hugo site's
    config files and each ``_index`` page a section of the page's may hold, up to the content folder; Jekyll's
    ``_config.yml``. Empty for a page of no site. ``--baseline-commit`` holds a page one of them changed for
    as new: its findings at the commit were found with other site values."""
    whole = os.path.normpath(os.path.join(_cwd(), path))
    folder = whole.rpartition(os.sep)[0]
    site = _STATE.cache["sites"].get(folder, _MISSING)
    if site is _MISSING:
        site = _site_of(folder)
    if site is None:
        return []
    if site.kind == "jekyll":
        return [os.path.join(site.root, name) for name in _JEKYLL_CONFIGS]
    from .init import hugo_config_files

    files = [str(file) for file in hugo_config_files(Path(site.root))]
    here = folder
    while here.startswith(site.content + os.sep) or here == site.content:
        files += [os.path.join(here, name) for name in _INDEX_NAMES]
        if len(here) <= len(site.content):
            break
        here = os.path.dirname(here)
    return files


def reach(file: str) -> str | None:
    """The folder whose pages the site file ``file`` may give values to (a whole path), or None when it is no
    site file: a Hugo section's ``_index`` page in the content folder (its own folder), a file of a Hugo site's
    config (the content folder), a Jekyll site's ``_config.yml`` (the site's folder). A ``config.yaml`` of another
    tool's (no Hugo site's config) is none. The pages it reaches are those below it that :func:`site_files`
    names it for."""
    whole = os.path.normpath(os.path.join(_cwd(), file))
    folder, _, name = whole.rpartition(os.sep)
    low = name.lower()
    if low in _INDEX_NAMES:
        site = _site_of(folder)
        if site is None or site.kind != "hugo":
            return None
        return folder if folder == site.content or folder.startswith(site.content + os.sep) else None
    if low in _JEKYLL_CONFIGS:
        site = _site_of(folder)
        return folder if site is not None and site.kind == "jekyll" and site.root == folder else None
    if not low.endswith((".toml", ".yaml", ".yml", ".json")):
        return None
    from .init import another_tools, hugo_config_files, read_settings

    for root in (folder, os.path.dirname(os.path.dirname(folder))):
        if root == folder and _config_folder(folder):
            continue  # config/_default/hugo.toml: the site is two levels up
        site = _site_of(root)
        if (
            site is not None
            and site.kind == "hugo"
            and site.root == root
            and any(os.path.normpath(str(each)) == whole for each in hugo_config_files(Path(root)))
        ):
            # a config.* beside a hugo.* may be another tool's (no baseURL, no markup): it gives the pages nothing;
            # one that does not read is the site's, its pages told why
            if _led_out(whole, root) is not None:
                return site.content  # not read: its pages are told it leads out of the repository
            data = read_settings(Path(whole))
            return None if data is not None and another_tools(Path(whole), data) else site.content
    return None


def is_site_file_name(path: str) -> bool:
    """Whether ``path``'s name is one a site file may have (a cheap test before :func:`reach` reads anything):
    an ``_index`` page, a ``hugo.*``/``config.*`` (TOML, YAML, JSON), a file of ``config/_default/`` or
    ``config/production/``, Jekyll's ``_config.yml``."""
    parts = path.replace(os.sep, "/").lower().rsplit("/", 3)
    name = parts[-1]
    if name in _INDEX_NAMES or name in _JEKYLL_CONFIGS:
        return True
    if not name.endswith((".toml", ".yaml", ".yml", ".json")):
        return False
    if name.rpartition(".")[0] in ("hugo", "config"):
        return True
    return len(parts) >= 3 and parts[-3] == "config" and parts[-2] in ("_default", "production")


def pages_reached(file: str, walk: Any) -> list[str]:
    """The pages the site file ``file`` gives values to, as ``walk`` (a folder's walk: the run's ``discover``)
    finds them below its :func:`reach`: each page :func:`site_files` names it for (a section's own ``_index``
    page is none). Empty when it is no site file."""
    folder = reach(file)
    if folder is None:
        return []
    whole = os.path.normpath(os.path.join(_cwd(), file))
    found = []
    for path in walk(_relative(folder)):
        name = os.path.basename(path).lower()
        if not name.endswith(PAGE_SUFFIXES) or name in _INDEX_NAMES:
            continue
        if whole in site_files(path):
            found.append(path)
    return found


def gives_differently(file: str, before: bytes | None, after: bytes | None) -> bool:
    """Whether the site file's text ``after`` gives its pages other values than ``before`` (None: no such file):
    an ``_index`` page's ``cascade``; of a config, only the settings a page's reading takes from it (Hugo's
    ``cascade``, ``contentDir``, ``defaultContentLanguage``, and whether a ``config.*`` is Hugo's at all: a
    ``baseURL`` or ``markup`` there; Jekyll's ``defaults``, ``collections``, ``collections_dir``), so a title
    or a menu edited is no change. Text that does not read differs (its pages then tell why)."""
    if before == after:
        return False
    if before is None or after is None:
        return True
    try:
        old, new = _settings_of(file, before), _settings_of(file, after)
    except Exception:  # what does not read is a change its pages tell
        return True
    if _refused(file, before) != _refused(file, after):  # the check refuses it now, or reads it again
        return True
    return _page_side(file, old) != _page_side(file, new)


def _refused(file: str, data: bytes) -> bool:
    """Whether the check refuses a config's text though it reads as data: over 16 MiB, an alias in what it gives
    the pages, a key of its ``cascade`` or ``defaults`` written twice (``_site_here``'s strict reading). An
    ``_index`` page's own refusals are its front matter reader's, which :func:`_settings_of` asks."""
    name = os.path.basename(file).lower()
    if name in _INDEX_NAMES:
        return False
    from .init import MOST_SETTINGS, _refuse_read_aliases

    if len(data) > MOST_SETTINGS:
        return True
    if not name.endswith((".yaml", ".yml")):
        return False  # TOML refuses a key written twice itself; JSON's are not told (Known limits)
    text = data.decode("utf-8-sig", "replace")
    try:
        _refuse_read_aliases(text, Path(file), True)
        root = _composed(text)
        for top in ("cascade", "defaults"):
            _refuse_duplicates(root, top, file, 0)
    except ReprintGuardError:
        return True
    return False


def _page_side(file: str, data: Any) -> Any:
    """Of a config's settings, those the pages' reading takes (:func:`_site_here`); an ``_index`` page's
    cascade as it is."""
    from .init import _dig

    name = os.path.basename(file).lower()
    if name in _INDEX_NAMES or not isinstance(data, dict):
        return data
    if name in _JEKYLL_CONFIGS:
        return [data.get(key, _MISSING) for key in ("defaults", "collections", "collections_dir")]
    return [
        *(_dig(data, key) for key in ("cascade", "contentdir", "defaultcontentlanguage")),
        _dig(data, "baseurl") is None,
        bool(_dig(data, "markup")),
        name.endswith(".json") and isinstance(data.get("body"), str),  # a CMS envelope, no config
    ]


def _settings_of(file: str, data: bytes) -> Any:
    from .init import _dig

    text = data.decode("utf-8-sig")
    low = file.lower()
    if os.path.basename(low) in _INDEX_NAMES:
        from ..readers.markdown import split_front_matter

        front = split_front_matter(text)
        return _dig(front.data, "cascade") if isinstance(front.data, dict) else None
    if low.endswith(".toml"):
        import tomllib

        return tomllib.loads(text)
    if low.endswith(".json"):
        import json

        return json.loads(text)
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


#: What a page outside any site gets (shared: read, never changed).
_NOTHING: tuple[dict[str, Any], dict[str, tuple[str, int, int]]] = ({}, {})


def _cwd() -> str:
    """The working folder, asked once a run (pages named relative to it)."""
    cwd = _STATE.cache["merged"].get("cwd")
    if cwd is None:
        cwd = _STATE.cache["merged"]["cwd"] = os.getcwd()
    return cwd


#: The keys of reprint-guard's a site's cascade or front matter defaults may give a page: the reprint's own
#: facts, the same for every page of a section (the policy its originals are under, the medium, whether it is
#: sold or commercial, the permissions the site holds, its own licence). Not the keys that describe the original
#: article (``author``, ``license``, ``original_url``, ``original_published``, ``title``, ``source``,
#: ``copyright_holder``) nor the page's own date (``published``): a site-wide ``author`` is the site's own (a
#: theme's byline), a section's ``license`` the site's, and neither may stand for the original's, which each page
#: must name itself. Such a key in a cascade or a default set is not read (README: "Hugo and Jekyll sites").
SITE_KEYS = frozenset(
    {
        "policy",
        "medium",
        "commercial",
        "permissions",
        "news_outlet",
        "sponsored",
        "paywalled",
        "sold",
        "ads_targeted",
        "modified",
        "translated",
        "excerpt",
        "reprint_license",
    }
)


def _merged(
    layers: list[_Layer] | tuple[_Layer, ...], key_map: Mapping[str, str], whole_paths: bool, hugo: bool
) -> tuple[dict[str, Any], dict[str, tuple[str, int, int]]]:
    """The layers' values, named by reprint-guard's keys layer by layer (ours, or the site's own keys the config
    maps onto them), the first layer to set a key winning, kept to :data:`SITE_KEYS`, with their places.

    Hugo reads front matter keys blind to case (``Commercial`` is ``.Params.commercial``): so are a cascade's.
    Jekyll reads them as written: ``Policy`` in a default set is another key than ``policy``, and not read."""
    from ..metaview import READ_KEYS
    from ..readers import remap

    wanted = {key.lower().removeprefix("params.").partition(".")[0] for key in key_map}
    given: dict[str, Any] = {}
    where: dict[str, tuple[str, int, int]] = {}
    for layer in layers:
        # Each layer's keys are named by reprint-guard's (the config's front-matter map, Hugo's case folded)
        # before the layers are merged: the nearest layer wins whatever name it gives a key by.
        values: dict[str, Any] = {}
        at: dict[str, int] = {}
        places: list[tuple[str, int, int]] = []
        for key, value in layer.values.items():
            low = key.lower()
            name = low if hugo and low in READ_KEYS else key
            if name in values:
                continue
            if not (name in READ_KEYS or low in wanted):
                _slip(key, layer, hugo)
                continue
            values[name] = value
            at[name] = len(places)
            places.append((layer.file if whole_paths else _relative(layer.file), *layer.lines.get(key, (1, 1))))
        if not values:
            continue
        if key_map:
            values, ours = remap(values, at, key_map)
        else:
            ours = at
        for key in SITE_KEYS:
            if key in values and key in ours and key not in given:
                given[key] = values[key]
                where[key] = places[ours[key]]
    if not given:
        return {}, {}
    return given, (CaseBlindPlaces(where) if hugo else where)


class CaseBlindPlaces(dict):
    """The places of a Hugo page's site values: Hugo reads the page's own front matter keys blind to case too
    (``Commercial: false`` is ``.Params.commercial``), so the page's own key in any letter case wins over them."""

    case_blind = True


def _slip(key: Any, layer: _Layer, hugo: bool) -> None:
    """Warn, once a run, of a key a cascade or default set gives that reprint-guard does not read but that looks
    like a slip for one a site may give (``polcy``), as the same key in a page is told (``misspelt-key``): the
    section's pages would be checked (or skipped) as if it were not set."""
    from ..engine import close_to

    if not isinstance(key, str):
        return
    meant = close_to(key, SITE_KEYS)
    if meant is None or (not hugo and key.lower() == meant):  # Jekyll's 'Policy' is another key: not told
        return
    if any(isinstance(other, str) and other.lower() == meant for other in layer.values):
        return  # the block sets the key meant too
    warned = _STATE.cache["warned"]
    line = layer.lines.get(key, (None, None))[0]
    told = (layer.file, line, key)
    if told in warned:
        return
    warned.add(told)
    where = _relative(layer.file) + (f":{line}" if line else "")
    what = "cascade" if hugo else "front matter default set"
    _tell(
        f"{where}: the {what} sets '{key}', which is no key reprint-guard reads, so the "
        f"pages it reaches are checked as if it were not set: did you mean '{meant}'?"
    )


def _relative(file: str) -> str:
    try:
        return os.path.relpath(file)
    except ValueError:  # another drive
        return file


def _site_of(folder: str) -> _Site | None:
    """The Hugo or Jekyll site ``folder`` is in: the nearest folder above (or itself) holding a Hugo config
    (``hugo.toml``, a ``config.toml`` with a ``baseURL``, ``config/_default/``) or Jekyll's ``_config.yml``,
    looked for up to the top of the git work tree."""
    sites = _STATE.cache["sites"]
    walked = []
    site: Any = _MISSING
    here = folder
    while True:
        site = sites.get(here, _MISSING)
        if site is not _MISSING:
            break
        walked.append(here)
        site = _site_here(here)
        if site is not None:
            break
        parent = os.path.dirname(here)
        if parent == here or os.path.exists(os.path.join(here, ".git")):
            break
        here = parent
    for each in walked:
        sites[each] = site
    return site


#: The names whose presence in a folder may make it a site's root (a Hugo config, its config folder, Jekyll's).
_MARKERS = (
    *(f"{name}{suffix}" for name in ("hugo", "config") for suffix in (".toml", ".yaml", ".yml", ".json")),
    os.path.join("config", "_default"),
    os.path.join("config", "production"),
    *_JEKYLL_CONFIGS,
)
#: Hugo's config folders below a site's root (``config/_default/``, ``config/production/``): never a site's root
#: themselves, though they hold a ``hugo.toml`` (the site is two levels up).
_CONFIG_FOLDERS = ("_default", "production")


def _config_folder(folder: str) -> bool:
    parent, _, name = folder.rpartition(os.sep)
    return name in _CONFIG_FOLDERS and os.path.basename(parent) == "config"


def _site_here(folder: str) -> _Site | None:
    if _config_folder(folder):
        return None  # config/_default/ holds the config of the site two levels up; it is no site of its own
    if not any(os.path.exists(os.path.join(folder, name)) for name in _MARKERS):
        return None  # a folder of no site's (init's readers, below, are not even imported)
    from .init import _dig, another_tools, hugo_config_files, jekyll_default_sets, read_settings

    root = Path(folder)
    files = hugo_config_files(root)
    if files:
        content = "content"
        language = "en"
        layers: list[_Layer] = []
        error = None
        hugos = False
        for file in files:
            try:
                _outside(str(file), folder)
                data = read_settings(file, strict=True)
            except ReprintGuardError as exc:
                if file.stem == "config" and file.parent.name != "_default" and not (root / "content").is_dir():
                    continue  # another tool's config, perhaps: not Hugo's without a content folder beside it
                hugos = True
                error = error or (exc.message, str(file), exc.line, exc.column)
                continue
            if data is None or another_tools(file, data):
                hugos = hugos or file.parent.name == "_default"  # any file of config/_default/ is Hugo's
                continue
            hugos = True
            named = _dig(data, "contentdir")
            # as Hugo cleans it: ./src/content, src//content and src/content/ are src/content
            content = _clean(named) if isinstance(named, str) and named.strip() else content
            named = _dig(data, "defaultcontentlanguage")
            language = named.strip().lower() if isinstance(named, str) and named.strip() else language
            cascade = _dig(data, "cascade")
            if cascade is not None:
                text = _text(file)
                # production's over the defaults, over the root's: the later file's first
                try:
                    layers[:0] = _cascade_layers(cascade, str(file), text, 0, file.suffix != ".toml")
                except ReprintGuardError as exc:  # a cascade of the wrong shape: as a config that does not read
                    error = error or (exc.message, str(file), exc.line, exc.column)
        if hugos:
            where = os.path.normpath(os.path.join(folder, content))
            return _Site("hugo", folder, where, language, tuple(layers), error)
    for name in _JEKYLL_CONFIGS:
        file = root / name
        if not file.is_file():
            continue
        try:
            _outside(str(file), folder)
            data = read_settings(file, strict=True)
        except ReprintGuardError as exc:
            return _Site("jekyll", folder, folder, "", (), (exc.message, str(file), exc.line, exc.column))
        sets = jekyll_default_sets(data) if data is not None else []
        root = _composed(_text(file)) if sets or (data and "defaults" in data) else None
        try:
            _refuse_duplicates(root, "defaults", str(file), 0)
        except SiteFileError as exc:
            return _Site("jekyll", folder, folder, "", (), (exc.message, str(file), exc.line, exc.column))
        shape = _defaults_shape(data, root, str(file)) if data and data.get("defaults") is not None else None
        if shape is not None:
            return _Site("jekyll", folder, folder, "", (), shape)
        if data and data.get("defaults") is not None:
            _invalid_sets(data["defaults"], root, str(file))
        jekyll = []
        for index, scope_path, kind, values in sets:
            lines = _yaml_lines(root, ("defaults", index, "values"), 0, values)
            kind = _DEPRECATED_TYPES.get(kind, kind) if isinstance(kind, str) else None
            target = {"path": scope_path, "type": kind}
            jekyll.append(_Layer(_lifted(values), lines, str(file), target))
        declared = data.get("collections") if data is not None else None
        names = declared if isinstance(declared, (list, dict)) else ()
        where = data.get("collections_dir") if data is not None else None
        where = _clean(where).strip("/") if isinstance(where, str) and where.strip() else ""
        where = "" if where == "." else where
        collections = frozenset(name for name in names if isinstance(name, str) and name != "posts")
        return _Site("jekyll", folder, folder, "", tuple(jekyll), None, collections, where)
    return None


def _clean(path: str) -> str:
    """A folder's path as the config writes it, cleaned as Hugo (Go's ``filepath.Clean``) and Jekyll read it:
    ``./src/content``, ``src//content`` and ``src/content/`` are ``src/content``."""
    import posixpath

    return posixpath.normpath(path.strip())


def _defaults_shape(data: Mapping[str, Any], root: Any, file: str) -> tuple[str, str, int, int] | None:
    """Where Jekyll's ``defaults`` is not of the shape Jekyll reads (a list of sets, each a mapping whose
    ``scope`` is a mapping, its ``path`` and ``type`` text, and whose ``values`` one), as (message, file, line,
    column); None when it is. Jekyll stops at such a config, so each page it would give values to is an error,
    as for a config that does not read."""
    defaults = data["defaults"]
    if not isinstance(defaults, list):
        return None  # Jekyll reads no default set from it (warned of, once: _invalid_sets)
    for index, item in enumerate(defaults):
        if not isinstance(item, Mapping) or not isinstance(item.get("values"), Mapping):
            continue  # Jekyll warns of such a set and leaves it out (warned of, once: _invalid_sets)
        scope = item.get("scope")
        if scope is not None and not isinstance(scope, Mapping):  # Jekyll stops at it (scope.key? of text)
            line, column = _node_place(root, ("defaults", index, "scope"))
            return (
                f"a front matter default set's 'scope' must be a mapping, not {_kind(scope)}",
                file,
                line,
                column,
            )
        for name in ("path", "type"):
            written = scope.get(name) if scope is not None else None
            if written is not None and not isinstance(written, str):  # Jekyll stops at it (no String's methods)
                line, column = _node_place(root, ("defaults", index, "scope", name))
                return (
                    f"a front matter default set's scope {name} must be text, not {_kind(written)}",
                    file,
                    line,
                    column,
                )
    return None


def _invalid_sets(defaults: Any, root: Any, file: str) -> None:
    """Warn, once a run, of what Jekyll's ``valid_sets`` leaves out: ``defaults`` that is no list (no set read),
    a set that is no mapping or whose ``values`` is none (``values: 5``): Jekyll warns "An invalid front-matter
    default set was found" and builds without it, so the pages are checked without it too."""

    found = []
    if not isinstance(defaults, list):
        line, column = _node_place(root, ("defaults",))
        said = f"'defaults' is {_kind(defaults)}, not a list of front matter default sets: Jekyll reads none"
        found.append((line, column, said))
    else:
        for index, item in enumerate(defaults):
            if not isinstance(item, Mapping):
                line, column = _node_place(root, ("defaults", index))
                said = f"a front matter default set is {_kind(item)}, not a mapping (scope, values)"
                found.append((line, column, said))
            elif not isinstance(item.get("values"), Mapping):
                where = ("defaults", index, "values") if "values" in item else ("defaults", index)
                line, column = _node_place(root, where)
                what = _kind(item["values"]) if item.get("values") is not None else "not set"
                found.append((line, column, f"a front matter default set's 'values' is {what}, not a mapping"))
    name = _relative(file)
    warned = _STATE.cache["warned"]
    for line, column, said in found:
        if (file, line, column, said) in warned:
            continue
        warned.add((file, line, column, said))
        out = ", and neither does check" if said.endswith("reads none") else "; Jekyll leaves it out, and so does check"
        said += out
        _tell(f"{name}:{line}:{column}: {said}")


def _kind(value: Any) -> str:
    """What a value of the wrong type is, as an error names it."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "a mapping"
    return "a date" if hasattr(value, "isoformat") else type(value).__name__


def _node_place(root: Any, route: tuple[str | int, ...], offset: int = 0) -> tuple[int, int]:
    """(line, column) of the value at ``route`` in the composed YAML ``root``, else (1 + offset, 1)."""
    node = _node_at(root, route)
    if node is None:
        return 1 + offset, 1
    return node.start_mark.line + 1 + offset, node.start_mark.column + 1


def _text(file: Path) -> str:
    try:
        return file.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return ""


def _lifted(block: Mapping[Any, Any]) -> dict[str, Any]:
    """A block's values with Hugo's ``params`` lifted to the top (``.Params.x`` either way; the top's wins)."""
    values: dict[str, Any] = {}
    for key, value in block.items():
        if isinstance(key, str) and key.lower() == "params" and isinstance(value, Mapping):
            for inner, held in value.items():
                if isinstance(inner, str):
                    values.setdefault(inner, held)
    for key, value in block.items():
        if isinstance(key, str) and key.lower() not in ("params", "_target", "target"):
            values[key] = value
    return values


def _cascade_layers(cascade: Any, file: str, text: str, offset: int, yaml_text: bool) -> list[_Layer]:
    """A ``cascade``'s blocks (a map, or a list of maps) as layers, with the line of each key they set."""
    from .init import _dig

    blocks = cascade if isinstance(cascade, list) else [cascade]
    layers = []
    root = _composed(text) if yaml_text else None
    if root is not None:
        _refuse_duplicates(root, "cascade", file, offset)
    toml_lines = None if yaml_text else text.split("\n")
    headers = None if yaml_text else [n for n, line in enumerate(toml_lines or ()) if _CASCADE.match(line)]
    if not yaml_text and not headers:  # only sub-tables written ([cascade.params]): the first is the block's
        headers = [
            n for n, line in enumerate(toml_lines or ()) if _CASCADE_TABLE.match(line) or _CASCADE_DOTTED.match(line)
        ][:1]
    for index, block in enumerate(blocks):
        route: tuple[str | int, ...] = ("cascade", index) if isinstance(cascade, list) else ("cascade",)
        target = _dig(block, "_target") if isinstance(block, Mapping) else None
        target = target if target is not None or not isinstance(block, Mapping) else _dig(block, "target")
        if not isinstance(block, Mapping) or (target is not None and not isinstance(target, Mapping)):
            # Hugo stops at a cascade it cannot decode: each page it would reach is an error, told at its place
            wrong = block if not isinstance(block, Mapping) else target
            what = "a cascade" if not isinstance(block, Mapping) else "a cascade's _target"
            if yaml_text:
                line, column = _node_place(root, route if what == "a cascade" else (*route, "_target"), offset)
            else:
                line, column = _toml_place(toml_lines or [], headers or [], index, offset)
            raise SiteFileError(f"{what} must be a mapping, not {_kind(wrong)}", path=file, line=line, column=column)
        if target is not None:
            for name, glob in target.items():
                if (
                    not (isinstance(name, str) and name.lower() in _TARGET_KEYS)
                    or glob is None
                    or isinstance(glob, str)
                ):
                    continue
                # Hugo stops at a glob it cannot decode; left out, the block would reach every page
                if yaml_text:
                    written = next(k for k in block if isinstance(k, str) and k.lower() in ("_target", "target"))
                    line, column = _node_place(root, (*route, written.lower(), name.lower()), offset)
                else:
                    line, column = _toml_glob_place(toml_lines or [], headers or [], index, offset, name)
                raise SiteFileError(
                    f"a cascade's _target {name} must be text (a glob), not {_kind(glob)}",
                    path=file,
                    line=line,
                    column=column,
                )
        values = _lifted(block)

        lines = (
            _yaml_lines(root, route, offset, values)
            if yaml_text
            else _text_lines(toml_lines or [], headers or [], index, offset, values)
        )
        layers.append(_Layer(values, lines, file, _compiled(target) if target is not None else None))
    return layers


def _compiled(target: Mapping[str, Any]) -> dict[str, Any] | None:
    """A ``_target``'s globs, compiled, by what each matches: the page's ``path`` (its logical path, with a
    leading slash), ``kind``, ``lang`` and the ``environment``. None when it gives none.

    As Hugo matches them: the glob lower-cased and taken as written (``{/docs,/docs/**}``), against the path
    with its leading slash; a glob without one (``docs/**``) matches no page there, nor here."""
    from .init import _dig

    found = {}
    for key in ("path", "kind", "lang", "environment"):
        pattern = _dig(target, key)
        if isinstance(pattern, str) and pattern.strip():
            found[key] = _glob(pattern.strip().lower())
            if key == "path":  # the text every path it matches starts with: the pages' index (_candidates)
                found[_PREFIX] = re.split(r"[*?\[{\\]", pattern.strip().lower(), maxsplit=1)[0]
    return found or None


#: What a ``_target`` matches (each a glob, text).
_TARGET_KEYS = ("path", "kind", "lang", "environment")


def _toml_glob_place(lines: list[str], headers: list[int], index: int, offset: int, name: str) -> tuple[int, int]:
    """(line, column) of the ``index``-th cascade block's ``_target`` key ``name`` in TOML (the first line setting
    it after the block's header), else the header's."""
    line, column = _toml_place(lines, headers, index, offset)
    setting = re.compile(rf"""(?:^\s*|[{{,.]\s*)["']?{re.escape(name)}["']?\s*=""", re.IGNORECASE)
    found = _first_setting(lines, line - 1 - offset, setting)
    return (found[0] + 1 + offset, found[1]) if found is not None else (line, column)


def _first_setting(lines: list[str], start: int, setting: re.Pattern[str]) -> tuple[int, int] | None:
    """(index, column) of the first of ``lines`` from ``start`` that ``setting`` (a key and its ``=``) finds in:
    the column its value starts at, past the spaces after ``=``; None when no line sets it."""
    for n in range(start, len(lines)):
        match = setting.search(lines[n])
        if match:
            rest = lines[n][match.end() :]
            return n, match.end() + len(rest) - len(rest.lstrip()) + 1
    return None


#: A compiled ``_target``'s key for its path glob's literal prefix (no glob: :func:`_targets` passes it by).
_PREFIX = "prefix"


def _refuse_duplicates(root: Any, top: str, file: str, offset: int) -> None:
    """Refuse a key written twice in what a site file gives its pages (its ``cascade`` or ``defaults``, and
    that key itself written twice), as a page's front matter refuses one: the generator keeps the last, while a
    reader of the file (and the line a finding cites) sees the first."""
    import yaml

    from ..safeyaml import _check_duplicates, _first_duplicate

    if not isinstance(root, yaml.MappingNode):
        return
    written = frozenset(
        str(key.value) for key, _ in root.value if isinstance(key, yaml.ScalarNode) and str(key.value).lower() == top
    )
    if not written:
        return
    try:
        _first_duplicate(root, InputError, written)
        _check_duplicates(_node_at(root, (top,)), InputError)
    except InputError as exc:
        line = exc.line + offset if exc.line is not None else None
        raise SiteFileError(exc.message, path=file, line=line, column=exc.column) from None


def _composed(text: str) -> Any:
    """The YAML (or JSON) text's node tree, composed once for all its blocks (None when it does not compose).
    NEL, U+2028 and U+2029 are read as the characters they are, as a page's front matter is (libyaml breaks
    lines at them: each line below a value holding one would be told a line off), through stand-ins."""
    import yaml

    from ..safeyaml import _STAND_IN, _TO_STAND_INS, _YAML11_BREAK

    if not text.isascii() and _YAML11_BREAK(text) and not _STAND_IN(text):
        text = text.translate(_TO_STAND_INS)
    try:
        return yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (yaml.YAMLError, RecursionError):
        return None


def _node_at(root: Any, route: tuple[str | int, ...]) -> Any:
    """The node at ``route`` (keys read blind to case, list indexes) of a composed YAML tree, or None."""
    import yaml

    node = root
    for step in route:
        if node is None:
            return None
        if isinstance(step, int):
            node = node.value[step] if isinstance(node, yaml.SequenceNode) and step < len(node.value) else None
        elif isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if str(k.value).lower() == step), None)
        else:
            node = None
    return node


def _toml_place(lines: list[str], headers: list[int], index: int, offset: int) -> tuple[int, int]:
    """(line, column) of the ``index``-th cascade table's header in TOML (or the ``cascade =`` line), else 1."""
    if not headers:
        return 1 + offset, 1
    return headers[min(index, len(headers) - 1)] + 1 + offset, 1


def _yaml_lines(
    root: Any, route: tuple[str | int, ...], offset: int, values: Mapping[str, Any]
) -> dict[str, tuple[int, int]]:
    """The line of each key of ``values`` in the mapping at ``route`` of the composed ``root`` (its ``params``
    too). The tree is composed once per file, not once per block: a long cascade list stays linear."""
    import yaml

    node = _node_at(root, route)
    if node is None:
        return {}
    lines: dict[str, tuple[int, int]] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if str(key.value).lower() == "params" and isinstance(value, yaml.MappingNode):
                for inner, held in value.value:
                    lines.setdefault(str(inner.value), _value_place(inner, held, offset))
        for key, value in node.value:
            lines[str(key.value)] = _value_place(key, value, offset)
    return {key: line for key, line in lines.items() if key in values}


def _value_place(key: Any, value: Any, offset: int) -> tuple[int, int]:
    """Where a key's value stands (its own line and column: ``news_outlet:`` above an indented ``sometimes`` is
    the value's line); the key's place when no value is written (libyaml's mark for it is the next token's)."""
    import yaml

    if isinstance(value, yaml.ScalarNode) and value.value == "" and not value.style:
        return key.start_mark.line + 1 + offset, key.start_mark.column + 1
    return value.start_mark.line + 1 + offset, value.start_mark.column + 1


def _text_lines(
    lines: list[str], headers: list[int], index: int, offset: int, values: Mapping[str, Any]
) -> dict[str, tuple[int, int]]:
    """In TOML, the line of each key of ``values``: the first line setting it after the ``index``-th cascade
    table's header (``[cascade]``, ``[[cascade]]``; ``headers``, found once per file), or after ``cascade =``
    for an inline one."""
    start = headers[min(index, len(headers) - 1)] if headers else 0
    found = {}
    for key in values:
        name = re.escape(key)
        setting = re.compile(
            rf"""^\s*(?:["']?cascade["']?\s*\.\s*)?(?:["']?params["']?\s*\.\s*)?["']?{name}["']?\s*="""
            rf"""|[{{,]\s*["']?{name}["']?\s*=""",
            re.IGNORECASE,
        )
        number, column = _first_setting(lines, start, setting) or (start, 1)
        found[key] = (number + 1 + offset, column)
    return found


#: A cascade block's own header in TOML (``[cascade]``, ``[[cascade]]``) or an inline one (``cascade = ...``); not
#: a sub-table of a block (``[cascade._target]``, ``[cascade.params]``), which belongs to the block above it.
_CASCADE = re.compile(r"""\s*(?:\[\[?\s*["']?cascade["']?\s*\]\]?\s*(?:#.*)?$|["']?cascade["']?\s*=)""", re.IGNORECASE)
#: A cascade's key written dotted at the top (``cascade.news_outlet = "x"``): its block's place when no table is.
_CASCADE_DOTTED = re.compile(r"""\s*["']?cascade["']?\s*\.""", re.IGNORECASE)
#: Any table of the cascade's: its sub-tables too, a block's place when no header of its own is written.
_CASCADE_TABLE = re.compile(r"""\s*\[\[?\s*["']?cascade["']?\s*[\].]""", re.IGNORECASE)


def _section_layers(folder: str, root: str) -> tuple[_Layer, ...]:
    """The cascade of the section ``folder``'s own page (``_index.md``), read once."""
    sections = _STATE.cache["sections"]
    found = sections.get(folder)
    if found is None:
        found = ()
        for name in _INDEX_NAMES:
            file = os.path.join(folder, name)
            if os.path.isfile(file):
                try:
                    found = tuple(_index_cascade(file, root))
                except ReprintGuardError as exc:  # told for each page below it, read once
                    found = (exc.message, exc.path or file, exc.line, exc.column)
                break
        sections[folder] = found
    if found and not isinstance(found[0], _Layer):
        message, file, line, column = found
        raise SiteFileError(message, path=file, line=line, column=column)
    return found


def _outside(file: str, root: str) -> None:
    """Refuse a site file that a symbolic link leads out of the repository, as a page or a sidecar is refused: what
    it leads to (a secret) is not read, nor quoted by an error. A link to a file in the site's own folder
    (``root``) is read, in a repository or not, whatever folder the run is started from."""
    target = _led_out(file, root)
    if target is not None:
        raise SiteFileError(f"a symbolic link out of the repository ({target}): not read", path=file)


def _led_out(file: str, root: str) -> str | None:
    """Where ``file`` (a site file of the site in ``root``) leads when a symbolic link on its way takes it out of
    the repository holding the site (out of git, out of the working folder): the file itself
    (``hugo.toml -> /etc/x``) or a folder above it (``config -> ../../secrets``, its ``_default/hugo.toml``);
    None when it stays in the site's folder or the repository."""
    from ..readers import repository_of

    real = os.path.realpath(file)
    whole = os.path.realpath(root)
    if real.startswith(whole.rstrip(os.sep) + os.sep):
        return None
    top = repository_of(whole) or os.path.realpath(".")
    return None if real.startswith(top.rstrip(os.sep) + os.sep) else real


def _index_cascade(file: str, root: str) -> list[_Layer]:
    from ..readers import decode, read_limited
    from ..readers.markdown import split_front_matter
    from .init import _dig

    _outside(file, root)
    try:
        text = decode(read_limited(file, file), file)
        front = split_front_matter(text)
    except OSError as exc:
        raise InputError(f"cannot read the section's page: {exc.strerror or exc}", path=file) from None
    except ReprintGuardError as exc:
        if exc.path is None or exc.path != file:
            exc.path = file
        raise
    cascade = _dig(front.data, "cascade") if isinstance(front.data, dict) else None
    if cascade is None:
        return []
    head = text[: text.find("\n") + 1] if text[:1] != "{" else ""
    fence = head.strip()
    raw = "\n".join(text.split("\n")[1 : max(front.body_line - 2, 1)]) if fence else text
    return _cascade_layers(cascade, file, raw, 1 if fence else 0, fence != "+++")


def _hugo_layers(site: _Site, whole: str, folder: str) -> list[_Layer] | tuple[_Layer, ...]:
    """The cascade layers that reach a Hugo page, nearest first: its sections' ``_index`` pages from its own
    folder up to the content folder, then the site config's; those with a ``_target`` only when it matches."""
    content = site.content
    if not whole.startswith(content + os.sep):
        return ()
    if site.error is not None:
        message, file, line, column = site.error
        raise SiteFileError(message, path=file, line=line, column=column)
    name = whole[len(folder) + 1 :]
    if name[:7].lower() == "_index.":
        return ()  # a section's own page (a language's too): it holds a cascade for the pages below it
    if _in_leaf_bundle(folder, content, name):
        return ()  # a leaf bundle's resource (beside its index.md, or below it): no page, no cascade
    cached = _STATE.cache["sections"].get(("all", folder))
    if cached is None:
        groups: list[tuple[_Layer, ...]] = []
        here = folder
        while True:
            groups.append(_section_layers(here, site.root))
            if here == content or len(here) <= len(content):
                break
            here = os.path.dirname(here)
        groups.append(site.layers)
        cached = _STATE.cache["sections"][("all", folder)] = _candidates(groups, folder, content)
    layers, targeted = cached
    if not targeted:
        return layers
    stem = name.rpartition(".")[0]
    base, _, language = stem.rpartition(".")
    if not base or not _LANGUAGE.fullmatch(language.lower()):
        base, language = stem, ""
    relative = whole[len(content) + 1 :].replace(os.sep, "/")
    logical = "/" + (relative.rpartition("/")[0] if base.lower() == "index" else relative.rpartition(".")[0])
    if language:
        logical = logical.rpartition(".")[0] if logical.endswith("." + language) else logical
    subjects = {
        "path": logical.lower().replace(" ", "-"),  # Hugo's page path: lower case, a space a hyphen
        "kind": "page",
        "lang": (language or site.language).lower(),
        "environment": _ENVIRONMENT,
    }
    return [layer for layer in layers if layer.target is None or _targets(layer.target, subjects)]


def _candidates(groups: list[tuple[_Layer, ...]], folder: str, content: str) -> tuple[tuple[_Layer, ...], bool]:
    """The layers (nearest first) that may reach a page in ``folder``, and whether any has a ``_target``: an
    untargeted one, or one whose path glob's literal prefix is a prefix of the folder's path or names a page in
    it. Each group (a section's cascade, the config's) is indexed once by the folder part of its prefixes, so a
    folder looks up its own path's folders, not every block (10,000 targeted blocks stay cheap a page)."""
    relative = folder[len(content) + 1 :].replace(os.sep, "/").lower().replace(" ", "-") if folder != content else ""
    here = "/" + relative + "/" if relative else "/"
    parts = relative.split("/") if relative else []
    ancestors = ["", "/", *("/" + "/".join(parts[:end]) + "/" for end in range(1, len(parts) + 1))]
    found: list[_Layer] = []
    targeted = False
    for group in groups:
        if not group:
            continue
        index = _prefix_index(group)
        picked: list[tuple[int, _Layer]] = []
        for ancestor in ancestors:
            for position, layer, prefix in index.get(ancestor, ()):
                if here.startswith(prefix) or ancestor == here:
                    picked.append((position, layer))
        picked.sort(key=lambda item: item[0])
        found += [layer for _, layer in picked]
        targeted = targeted or any(layer.target for _, layer in picked)
    return tuple(found), targeted


def _prefix_index(group: tuple[_Layer, ...]) -> dict[str, list[tuple[int, _Layer, str]]]:
    """A group's layers by the folder part of their path glob's literal prefix (``/news/`` for ``/news/2026*``;
    ``""`` for none, or no path glob), with their position in the group; built once a group."""
    key = ("prefixes", id(group))
    held = _STATE.cache["sections"].get(key)
    if held is None or held[0] is not group:
        index: dict[str, list[tuple[int, _Layer, str]]] = {}
        for position, layer in enumerate(group):
            prefix = (layer.target or {}).get(_PREFIX, "")
            index.setdefault(prefix[: prefix.rfind("/") + 1], []).append((position, layer, prefix))
        held = _STATE.cache["sections"][key] = (group, index)
    return held[1]


def _in_leaf_bundle(folder: str, content: str, name: str) -> bool:
    """Whether the file ``name`` in ``folder`` is a resource of a Hugo leaf bundle: a folder at or above it (below
    the content folder) holds an ``index`` page (``index.md``, ``index.fr.md``) that is not the file itself."""
    here = folder
    while len(here) > len(content) and here.startswith(content + os.sep):
        if _leaf_index(here) is not None and (here != folder or not _is_index(name.lower())):
            return True
        here = os.path.dirname(here)
    return False


def _is_index(name: str) -> bool:
    stem, _, suffix = name.rpartition(".")
    return f".{suffix}" in PAGE_SUFFIXES and (stem == "index" or stem.startswith("index."))


def _leaf_index(folder: str) -> str | None:
    """The name (lower-cased) of the folder's ``index`` page when the folder is a leaf bundle, else None; listed
    once a run."""
    key = ("leaf", folder)
    found = _STATE.cache["sections"].get(key, _MISSING)
    if found is _MISSING:
        try:
            names = os.listdir(folder)
        except OSError:
            names = []
        found = next((low for each in names if _is_index(low := each.lower())), None)
        _STATE.cache["sections"][key] = found
    return found


#: A language code in a page's name (``story.fr.md``, ``story.pt-br.md``).
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*")


def _targets(target: Mapping[str, Any], subjects: Mapping[str, str]) -> bool:
    """Whether a cascade's ``_target`` (compiled) takes in the page: each glob it gives matches the page's own."""
    return all(pattern.fullmatch(subjects[key]) for key, pattern in target.items() if key != _PREFIX)


@lru_cache(maxsize=256)
def _glob(pattern: str) -> re.Pattern[str]:
    """A path glob as Hugo's (gobwas) and Jekyll's read it: ``**`` crosses folders, ``*`` and ``?`` do not,
    ``[...]`` a class, ``{a,b}`` either."""
    out = []
    index = 0
    depth = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**", index):
            out.append(".*")
            index += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            close = pattern.find("]", index + 1)
            if close < 0:
                out.append(re.escape(char))
            else:
                inner = pattern[index + 1 : close]
                inner = "^" + inner[1:] if inner[:1] == "!" else inner
                out.append(f"[{inner.replace(chr(92), chr(92) * 2)}]")
                index = close
        elif char == "{":
            out.append("(?:")
            depth += 1
        elif char == "}" and depth:
            out.append(")")
            depth -= 1
        elif char == "," and depth:
            out.append("|")
        else:
            out.append(re.escape(char))
        index += 1
    out.append(")" * depth)
    try:
        return re.compile("".join(out))
    except re.error:
        return re.compile(re.escape(pattern))


def _jekyll_layers(site: _Site, whole: str) -> list[_Layer]:
    """Jekyll's default sets that reach a file, the one taking precedence first: a set whose scope's path is
    as long as the one before it or longer wins over it (a type breaking a tie), as Jekyll merges them."""
    root = site.root
    if not whole.startswith(root + os.sep):
        return []
    if site.error is not None:
        message, file, line, column = site.error
        raise SiteFileError(message, path=file, line=line, column=column)
    if not site.layers:
        return []
    relative = whole[len(root) + 1 :].replace(os.sep, "/")
    found = _jekyll_document(site, relative)
    if found is None:
        return []  # no document Jekyll renders (a layout, an include, an undeclared _folder's file): no defaults
    if not _yaml_header(whole):
        return []  # a static file: Jekyll copies it as it is, with no defaults (README: no front matter, none)
    kind, relative = found
    over: list[_Layer] = []  # each over those before it: read last to first
    under: list[_Layer] = []  # each under those before it
    precedent: Mapping[str, Any] | None = None
    for layer in _jekyll_candidates(site, relative):
        target = layer.target or {}
        scope_path = target.get("path") or ""
        if target.get("type") not in (None, kind):
            continue
        if scope_path and not _jekyll_path(scope_path, relative, site.collections_dir):
            continue
        if precedent is None or _precedes(target, precedent):
            over.append(layer)  # its values over those merged so far
            precedent = target
        else:
            under.append(layer)  # merged under them
    return [*reversed(over), *under]


def _jekyll_candidates(site: _Site, relative: str) -> list[_Layer]:
    """The default sets, in order, whose scope path may take in ``relative``: those with no path or a glob,
    and those whose path (a plain prefix) the document's path starts with, found by looking each text prefix of
    the path up in an index of the sets by their path (built once a site), not by reading every set a page."""
    key = ("jekyll", site.root)
    held = _STATE.cache["sections"].get(key)
    if held is None or held[0] is not site.layers:
        index: dict[str, list[tuple[int, _Layer]]] = {}
        for position, layer in enumerate(site.layers):
            scope = (layer.target or {}).get("path") or ""
            if site.collections_dir and scope.startswith(site.collections_dir + "/"):
                scope = scope[len(site.collections_dir) + 1 :]
            index.setdefault("" if "*" in scope else scope, []).append((position, layer))
        held = _STATE.cache["sections"][key] = (site.layers, index)
    index = held[1]
    picked = [*index.get("", ())]
    for end in range(1, len(relative) + 1):  # each text prefix of the path: a scope path it starts with
        found = index.get(relative[:end])
        if found:
            picked += found
    if len(picked) == len(site.layers):
        return list(site.layers)
    picked.sort(key=lambda item: item[0])
    return [layer for _, layer in picked]


_HEADER = re.compile(rb"---\s*\r?\n")


def _yaml_header(file: str) -> bool:
    """Jekyll's ``Utils.has_yaml_header?``: the file's first line is ``---`` (a page, post or document Jekyll
    renders); without it the file is a static file, copied unchanged, given no defaults."""
    try:
        with open(file, "rb") as handle:
            return _HEADER.match(handle.readline()) is not None
    except OSError:
        return False


#: Jekyll's old names for a scope's type, read as the new (``FrontmatterDefaults#update_deprecated_types``).
_DEPRECATED_TYPES = {"post": "posts", "page": "pages", "draft": "drafts"}
#: Folders Jekyll leaves out unless told otherwise (its default ``exclude``).
_JEKYLL_EXCLUDED = ("node_modules/", "vendor/", ".bundle/", ".jekyll-cache/", ".sass-cache/", "gemfiles/")


def _jekyll_document(site: _Site, relative: str) -> tuple[str, str] | None:
    """(its type, its path as Jekyll matches scopes against it) for a file Jekyll renders: a post (in a
    ``_posts`` or ``_drafts`` folder), a document of a collection the config declares (``_name/``, below the
    ``collections_dir``, whose name is left out of the path), a page (no folder or name starting with ``_`` or
    ``.``). None for anything else: ``_layouts``, ``_includes``, ``_data``, an undeclared ``_folder``'s files."""
    inside = relative
    if site.collections_dir:
        prefix = site.collections_dir + "/"
        inside = relative[len(prefix) :] if relative.startswith(prefix) else ""
    if inside:
        parts = inside.split("/")
        folders = parts[:-1]
        for index, part in enumerate(folders):
            if part in ("_posts", "_drafts"):
                if all(each[:1] not in ("_", ".") for each in folders[:index]):
                    return "posts", inside
                break
            if part[:1] in ("_", "."):
                break
        if folders and folders[0][:1] == "_" and folders[0][1:] in site.collections:
            return folders[0][1:], inside
    parts = relative.split("/")
    if any(part[:1] in ("_", ".") for part in parts) or relative.startswith(_JEKYLL_EXCLUDED):
        return None
    return "pages", relative


def _precedes(new: Mapping[str, Any], old: Mapping[str, Any]) -> bool:
    """Jekyll's ``has_precedence?``: a longer scope path wins, and at the same length one with a type."""
    new_path, old_path = _sanitized(new.get("path") or ""), _sanitized(old.get("path") or "")
    if len(new_path) != len(old_path):
        return len(new_path) >= len(old_path)
    return new.get("type") is not None or old.get("type") is None


def _sanitized(path: str) -> str:
    """Jekyll's ``sanitize_path``: a leading slash taken off (``has_precedence?`` compares lengths so)."""
    return path[1:] if path.startswith("/") else path


def _jekyll_path(scope: str, relative: str, collections_dir: str = "") -> bool:
    """Whether Jekyll's (4) scope path takes in the file: its path starts with the scope's, as text (``_posts/pp``
    takes in ``_posts/ppx/``, ``about`` takes in ``about-us.md``, ``about/`` does not, and ``./about`` and
    ``/about`` take in nothing, as Jekyll's ``path_is_subpath?``); a scope with a ``*`` is a glob, and takes in
    what starts with a file or folder it matches. The ``collections_dir`` before a scope is left out."""
    if collections_dir and scope.startswith(collections_dir + "/"):
        scope = scope[len(collections_dir) + 1 :]
    if "*" in scope:
        pattern = _glob(scope.removeprefix("./"))  # globbed below the site's folder, as Jekyll does
        parts = relative.split("/")
        return any(pattern.fullmatch("/".join(parts[:end])) for end in range(1, len(parts) + 1))
    return relative.startswith(scope)
