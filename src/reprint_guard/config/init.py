"""``reprint-guard init``: a commented starter config, from the keys the repository's files use."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

from ..errors import one_line
from ..metaview import READ_KEYS, SITE_KEYS, only_slugs
from ..readers import SUFFIX_FORMATS, blank, nested


def _today() -> dt.date:
    """Today, for the config's example of an agreed exception: a year's grant from today, not one long past."""
    return dt.date.today()


#: Common front-matter spellings in Hugo, Jekyll, Astro, MkDocs and Eleventy sites.
KNOWN_KEYS = SITE_KEYS
#: The suffixes of the articles a site holds (its JSON is mostly not articles): the readers' own.
CONTENT_SUFFIXES = tuple(suffix for suffix, kind in SUFFIX_FORMATS.items() if kind in ("markdown", "html", "json"))
#: A JSON file larger than this is a site's data (a search index), not a CMS's envelope: not read.
_MAX_ENVELOPE_BYTES = 1 << 20
SAMPLE = 500
#: What a gitignore-style glob reads as special: a folder's own name has them escaped.
_GLOB_SPECIAL = re.compile(r"([\\*?\[\]!#])")
_SURROGATE = re.compile("[\ud800-\udfff]")


#: What YAML cannot hold as it is (non-printable characters) or reads as a line break.
_UNPRINTABLE = re.compile("[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar for any name, even one with quotes, line breaks or control characters."""
    return _UNPRINTABLE.sub(_escape, json.dumps(text, ensure_ascii=False))


def _glob_folder(folder: str) -> str:
    """A glob matching everything in ``folder``, whatever characters its name has.

    A byte that is not UTF-8 reaches Python as a lone surrogate, which YAML cannot
    hold even escaped: ``?`` (any one character) stands for it.
    """
    return _glob_path(folder) + "/**"


def _glob_path(path: str) -> str:
    """A glob matching ``path`` only (see :func:`_glob_folder`)."""
    return _SURROGATE.sub("?", _GLOB_SPECIAL.sub(r"\\\1", path))


class Survey(NamedTuple):
    """What :func:`survey` found in a repository."""

    #: Front-matter keys of the content files, and how many files use each.
    keys: Counter[str]
    #: Content files per top-level folder ("." for the root's own).
    folders: Counter[str]
    #: How many content files were looked at (policy fixtures aside).
    seen: int
    #: Globs of the policy fixtures (files that `reprint-guard test` runs), relative to the root: not content.
    fixtures: list[str]
    #: The user's policies, relative to the root: a folder when every YAML file in it is one, else each file.
    policies: list[str]
    #: Keys of the site's own that reprint-guard knows (``canonicalURL``), and how many files use each without
    #: reprint-guard's own key beside it: in those files, only a mapping makes the value read.
    alone: Counter[str]
    #: Keys of reprint-guard's name that the site uses for something else (Jekyll's ``excerpt`` teaser text),
    #: with how many files do: mapped to another name, or each such file could not be checked.
    theirs: Counter[str]
    #: Keys of the site's own for the author (``authors``) and how many files give only slugs in them
    #: (``dana-whitfield``, a Hugo taxonomy's terms): no names to credit.
    slugs: Counter[str]
    #: Pages written in a template language reprint-guard does not read (Eleventy's ``.njk``), by suffix.
    templates: Counter[str]
    #: The site's own parts of its whole HTML pages (header, menu, sidebar, footer outside the story's
    #: ``<article>`` or ``<main>``), as CSS selectors, and how many pages have each (:func:`site_parts`).
    chrome: Counter[str]
    #: How many whole pages with their story in one ``<article>`` or ``<main>`` were read for them.
    pages: int
    #: Keys of the site's own that reprint-guard knows, and how many files give them a value that does not fit
    #: reprint-guard's key (``original: true``, a flag, for ``original_url``, an address): not mapped, or each
    #: such file could not be checked.
    unfit: Counter[str]
    #: Keys of the site's own that reprint-guard does not know, holding a web address in files that name no
    #: original: each with the hosts seen (a check tells of one on a host a policy covers), and how many files
    #: give them another value.
    addresses: dict[str, Counter[str]]
    other_values: Counter[str]
    #: Hugo's ``cascade`` in a section's ``_index.md``: (the section's folder, the front matter it cascades).
    cascades: list[tuple[str, Any]]


#: Folders never walked: dependencies and a static site's built output.
_SKIPPED_FOLDERS = ("node_modules", "public", "_site")
#: At most this many YAML files are read, to find the user's policies.
POLICY_SAMPLE = 200
#: Folder names that hold tests: a reprint with an ``expect`` key there is a policy fixture.
_TEST_FOLDERS = ("tests", "test")


def scan(root: Path) -> tuple[Counter[str], Counter[str], int]:
    """Count front-matter keys and content folders over up to :data:`SAMPLE` files."""
    found = survey(root)
    return found.keys, found.folders, found.seen


#: A site generator's folders that hold templates, themes, data and assets, not articles: a Hugo archetype
#: or a Jekyll layout is a template (its front matter may not even parse), a theme's sample pages are the
#: theme's. Left out of what ``init`` surveys at the top of such a site.
_NOT_CONTENT = {
    "hugo": frozenset({"archetypes", "assets", "data", "i18n", "layouts", "resources", "static", "themes"}),
    "jekyll": frozenset({"_data", "_includes", "_layouts", "_plugins", "_sass", "assets", "vendor"}),
}


def survey(root: Path, generator: str | None = None) -> Survey:
    """Count front-matter keys and content folders over up to :data:`SAMPLE` files, and find the policies
    (YAML files with a top-level ``id`` and ``rules``) and policy fixtures (Markdown, HTML or JSON whose metadata
    has an ``expect`` key, in a tests folder or beside policies): a fixture is not content, and breaks its
    policy's rules on purpose. ``generator`` ("hugo", "jekyll"): the site's, whose template folders are no
    content."""
    not_content = _NOT_CONTENT.get(generator or "", frozenset())
    keys: Counter[str] = Counter()
    alone: Counter[str] = Counter()
    theirs: Counter[str] = Counter()
    slugs: Counter[str] = Counter()
    unfit: Counter[str] = Counter()
    addresses: dict[str, Counter[str]] = {}
    other_values: Counter[str] = Counter()
    folders: Counter[str] = Counter()
    seen = 0
    read_yaml = 0
    yaml_files: dict[PurePosixPath, int] = {}  # per folder: its .yaml and .yml files, as a policy folder reads
    policies: dict[PurePosixPath, list[str]] = {}  # per folder: those that are policies
    content: dict[PurePosixPath, dict[Any, Any]] = {}  # content files (fixtures among them), their metadata
    templates: Counter[str] = Counter()
    for folder, dirs, files in os.walk(root):
        here = PurePosixPath(*Path(folder).relative_to(root).parts)
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and d not in _SKIPPED_FOLDERS
            and not (here == PurePosixPath() and d in not_content)
        )
        for name in sorted(files):
            path = Path(folder) / name
            if not os.path.isfile(path):  # a named pipe, a device, a link to one: reading it could block for ever
                continue
            if os.path.splitext(name)[1] in _POLICY_SUFFIXES:
                yaml_files[here] = yaml_files.get(here, 0) + 1
                if read_yaml < POLICY_SAMPLE and not name.lower().endswith(_SIDECAR_SUFFIXES):
                    read_yaml += 1
                    if _is_policy(path):
                        policies.setdefault(here, []).append(name)
                continue
            if name.lower().endswith(_TEMPLATE_SUFFIXES) and _LAYOUT_FOLDERS.isdisjoint(here.parts):
                templates[os.path.splitext(name)[1].lower()] += 1
            if not name.lower().endswith(CONTENT_SUFFIXES) or seen >= SAMPLE:
                continue
            seen += 1
            content[here / name] = _metadata(path)
    fixtures = [file for file, data in content.items() if "expect" in data and _among_policies(file, policies)]
    for file in fixtures:
        del content[file]
    folders_out, files_out = _fixture_places(fixtures, list(content))
    for file, data in content.items():
        if any(folder in file.parents for folder in folders_out):  # a README beside the fixtures
            seen -= 1
            continue
        folders[file.parts[0] if len(file.parts) > 1 else "."] += 1
        here_keys = [str(k) for k in data]
        params = data.get("params")
        if isinstance(params, dict):  # Hugo's own place for a site's fields
            here_keys += [f"params.{k}" for k in params]
        keys.update(here_keys)
        alone.update(k for k in here_keys if _ours(k) not in (None, k) and blank(data.get(_ours(k))))
        theirs.update(key for key in (*_NOT_OURS, _DATED) if _not_ours(key, data.get(key)))
        slugs.update(k for k in here_keys if _ours(k) == "author" and only_slugs(nested(data, k)))
        unfit.update(k for k in here_keys if _ours(k) not in (None, k) and not fits(_ours(k), nested(data, k)))
        if blank(data.get("original_url")):
            for k in here_keys:
                if _ours(k) is not None or k.lower().removeprefix("params.") in READ_KEYS:
                    continue
                value = nested(data, k)
                host = _address_host(value) if not _MEDIA_FILE.search(str(value).strip()) else None
                if host is not None:
                    addresses.setdefault(k, Counter())[host] += 1
                elif not blank(value):
                    other_values[k] += 1
    found_parts: list[SiteParts] = []
    for file in content:
        if any(folder in file.parents for folder in folders_out):
            continue
        if file.suffix.lower() in (".html", ".htm"):
            parts = site_parts(root / file)
        else:  # a Markdown article or a JSON envelope: its body's raw <footer> is the story's own
            parts = story_parts(root / file, SUFFIX_FORMATS.get(file.suffix.lower(), ""))
        if parts is not None:
            found_parts.append(parts)
    chrome = _safe_selectors(found_parts)
    pages = sum(1 for parts in found_parts if parts.told)
    mine = []
    for folder, names in sorted(policies.items()):
        if folder != PurePosixPath() and len(names) == yaml_files[folder]:
            mine.append(str(folder))  # a folder of policies only: named as a folder, so that a new one is read
        else:  # beside other YAML (a sidecar, a site's data, the config), which a folder would read as policies
            mine += [str(folder / name) for name in names]
    mine = [path for path in mine if not _SURROGATE.search(path)]  # a name YAML cannot hold: not proposed
    excluded = [_glob_folder(str(folder)) for folder in folders_out] + [_glob_path(str(file)) for file in files_out]
    return Survey(
        keys,
        folders,
        seen - len(fixtures),
        excluded[:_MAX_FIXTURE_GLOBS],
        mine,
        alone,
        theirs,
        slugs,
        templates,
        chrome,
        pages,
        unfit,
        addresses,
        other_values,
        [
            (str(file.parent), data["cascade"])
            for file, data in content.items()
            if file.stem == "_index" and data.get("cascade") and not any(f in file.parents for f in folders_out)
        ],
    )


#: The elements a site's theme puts around the story on a whole page: its header, menu, sidebar and footer.
_SITE_PART_TAGS = ("header", "nav", "aside", "footer")
#: Words in a part that may be a reprint's credit, not the theme's: such a part is never proposed.
_CREDIT_WORDS = ("original", "republish", "first published", "first appeared", "creativecommons.org", "licen")
#: A class name a selector may use as it stands (a CSS identifier).
_CSS_CLASS = re.compile(r"-?[_a-zA-Z][_a-zA-Z0-9-]*")
#: A whole page larger than this is not read for its parts.
_MAX_PAGE_BYTES = 4 << 20


class SiteParts(NamedTuple):
    """What one whole page tells of the site's own parts (:func:`site_parts`)."""

    #: Each part outside the story, as the selectors that would name it, the one proposed first (its tag and
    #: class, ``footer.site-footer``), then with its parent (``body > footer``).
    parts: list[tuple[str, ...]]
    #: The selectors that would name a part of the story or one holding a credit's words on this page (the
    #: story's own ``<footer>`` makes ``footer`` one): never proposed, whichever page proposed them.
    unsafe: set[str]
    #: Whether the page's story was found (in its one ``<article>``, else ``<main>``); a page where it was not
    #: proposes no part, but its parts that hold a credit's words or stand in an ``<article>`` or ``<main>``
    #: are still ones no selector may name.
    told: bool = True


def site_parts(path: Path) -> SiteParts | None:
    """The site's own parts of a whole HTML page, as CSS selectors (``footer.site-footer``): its header, menu,
    sidebar and footer that stand outside the one ``<article>`` (else ``<main>``) holding the story and hold
    no credit's words; with the selectors that would also name a part that is the story's or holds a credit.
    None when the file is no whole page. When its story is in no one such element, what is the site's cannot
    be told: no part is proposed, but the selectors of its parts that hold a credit's words or stand in (or
    around) an ``<article>`` or ``<main>`` are unsafe all the same (a bare ``footer`` another page proposes
    would hide this page's credit)."""
    from selectolax.lexbor import LexborHTMLParser

    from ..htmldepth import too_costly

    try:
        with open(path, "rb") as handle:
            data = handle.read(_MAX_PAGE_BYTES + 1)
    except OSError:
        return None
    text = data.decode("utf-8", "replace")
    if len(data) > _MAX_PAGE_BYTES or "<body" not in text.lower() or too_costly(text) is not None:
        return None
    tree = LexborHTMLParser(text)
    story = None
    for tag in ("article", "main"):
        found = tree.css(tag)
        outermost = [node for node in found if not any(_holds(other, node) for other in found if other is not node)]
        if len(outermost) == 1:
            story = outermost[0]
            break
    parts: list[tuple[str, ...]] = []
    unsafe: set[str] = set()
    if story is None:  # which parts are the site's cannot be told; those that may be a story's or a credit's can
        stories = tree.css("article, main")
        for node in tree.css(", ".join(_SITE_PART_TAGS)):
            if _holds_credit(node) or any(_holds(other, node) or _holds(node, other) for other in stories):
                unsafe.update(_names_of(node, every=True))
        return SiteParts(parts, unsafe, told=False)
    taken: list[Any] = []
    for node in tree.css(", ".join(_SITE_PART_TAGS)):  # in document order: a part before what it holds
        if _holds_credit(node) or _holds(story, node) or _holds(node, story):
            unsafe.update(_names_of(node, every=True))
            continue
        if any(_holds(part, node) for part in taken):
            continue
        taken.append(node)
        parts.append(_names_of(node, every=False))
    return SiteParts(parts, unsafe)


def story_parts(path: Path, kind: str) -> SiteParts | None:
    """A Markdown article's or a JSON envelope's body is the story whole: each header, menu, sidebar or footer
    its HTML writes (a raw ``<footer>`` holding the credit and counter) is the story's, and the selectors that
    would name it are unsafe (``skip-elements`` leaves such an element out of a Markdown body as out of a
    page). None when it writes none, or cannot be read."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(_MAX_PAGE_BYTES + 1)
    except OSError:
        return None
    if len(data) > _MAX_PAGE_BYTES:
        return None
    text = data.decode("utf-8", "replace")
    if kind == "json":
        try:
            envelope = json.loads(text)
        except ValueError:
            return None
        text = envelope.get("body") if isinstance(envelope, dict) else None
        if not isinstance(text, str):
            return None
    lower = text.lower()
    if not any(f"<{tag}" in lower for tag in _SITE_PART_TAGS):
        return None
    from selectolax.lexbor import LexborHTMLParser

    from ..htmldepth import too_costly

    if too_costly(text) is not None:
        return None
    unsafe: set[str] = set()
    for node in LexborHTMLParser(text).css(", ".join(_SITE_PART_TAGS)):
        unsafe.update(_names_of(node, every=True))
    return SiteParts([], unsafe, told=False) if unsafe else None


def _holds_credit(node: Any) -> bool:
    """Whether a part holds a credit's words (:data:`_CREDIT_WORDS`): the reprint's, not the theme's."""
    return any(word in (node.html or "").lower() for word in _CREDIT_WORDS)


def _names_of(node: Any, *, every: bool) -> tuple[str, ...]:
    """The selectors that name ``node``: by its tag and first class (``footer.site-footer``, else ``footer``),
    then as its parent's child (``body > footer``, ``div.wrap > footer``); with ``every``, by each of its classes
    and its bare tag too, below each of its parent's (every selector of these forms that matches it)."""
    own = [f"{node.tag}.{name}" for name in (node.attributes.get("class") or "").split() if _CSS_CLASS.fullmatch(name)]
    parent = node.parent
    above: list[str] = []
    if parent is not None and parent.tag not in (None, "-document", "html"):
        classes = [] if parent.tag == "body" else (parent.attributes.get("class") or "").split()
        above = [f"{parent.tag}.{name}" for name in classes if _CSS_CLASS.fullmatch(name)] + [parent.tag]
    if every:
        own.append(node.tag)
        return (*own, *(f"{outer} > {inner}" for outer in above for inner in own))
    first = own[0] if own else node.tag
    return (first, *(f"{outer} > {first}" for outer in above[:1]))


def _safe_selectors(pages: list[SiteParts]) -> Counter[str]:
    """The selectors to propose for the site's parts, with how many pages have each: for each part the first of
    its selectors that names nothing of a story or a credit on any page (``footer`` where no story has a
    footer of its own, else ``body > footer``); a part no such selector names is not proposed."""
    unsafe = set().union(*(page.unsafe for page in pages)) if pages else set()
    chrome: Counter[str] = Counter()
    for page in pages:
        chosen = {next((name for name in names if name not in unsafe), None) for names in page.parts}
        chrome.update(name for name in chosen if name is not None)
    return chrome


def _holds(outer: Any, node: Any) -> bool:
    """Whether ``node`` stands inside ``outer`` (or is it)."""
    while node is not None:
        if node.mem_id == outer.mem_id:
            return True
        node = node.parent
    return False


#: Pages in a template language (Eleventy's Nunjucks, Liquid, Handlebars...): a site may hold its articles so,
#: and reprint-guard reads none of them. Told by ``init``, which finds them; a walk passes them over.
_LAYOUT_FOLDERS = frozenset({"_includes", "_layouts", "layouts", "partials"})  # a site's layouts, no pages
_TEMPLATE_SUFFIXES = (".njk", ".liquid", ".hbs", ".mustache", ".pug", ".ejs", ".haml", ".webc", ".mdx")


#: Keys of reprint-guard's name that sites use for something else, with the name a mapping gives theirs.
_NOT_OURS = {"excerpt": "teaser"}
#: Keys of ours a site may hold its own value in, besides: Hugo's ``modified``, a date (left to the site
#: once a key of one's own is mapped onto ours).
_DATED = "modified"


def _not_ours(key: str, value: object) -> bool:
    """Whether a file's ``key`` holds the site's own value, not ours: Jekyll's ``excerpt`` is teaser text,
    Hugo's ``modified`` a date; ours says true or false."""
    import datetime as dt

    if isinstance(value, dt.date):
        return key == _DATED
    return isinstance(value, str) and value.strip().lower() not in ("true", "false", "yes", "no", "")


def fits(ours: str, value: object) -> bool:
    """Whether a value of the site's own key can be read as reprint-guard's ``ours``: an address for
    ``original_url``, a name (or names, or ``{name: ...}``) for the author and the copyright holder, a date for
    ``original_published``, text for the rest. A blank value fits any (it says nothing)."""
    if blank(value):
        return True
    if ours == "original_url":
        # A root-relative path (a theme's canonical of the site's own page, /posts/own/) is the site's own
        # address, which the check reads as such, and //host/path one without its scheme: values of the kind.
        return _address_host(value) is not None or (isinstance(value, str) and value.strip().startswith("/"))
    if ours in ("author", "copyright_holder"):
        items = value if isinstance(value, list) else [value]
        return all(
            isinstance(item, str) or (isinstance(item, dict) and isinstance(item.get("name"), str)) for item in items
        )
    if ours in ("original_published", "published"):
        return isinstance(value, dt.date) or (
            isinstance(value, str) and re.match(r"\d{4}-\d{2}-\d{2}", value) is not None
        )
    return isinstance(value, str)


def _address_host(value: object) -> str | None:
    """The host of a value that is a web address (``https://...``, ``www...``), else None."""
    if not isinstance(value, str) or not value.strip().lower().startswith(("http://", "https://", "www.")):
        return None
    from ..urls import as_address, host_of

    return host_of(as_address(value.strip())) or None


#: What a site's own key's values must be to be read as reprint-guard's (:func:`fits`), as a comment says it.
_WANTED = {
    "original_url": "a web address",
    "author": "names",
    "copyright_holder": "names",
    "original_published": "a date",
}
#: An address of a media file (a hotlinked photo), not of an article.
_MEDIA_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg|mp4|webm|mp3|pdf)(?:[?#].*)?$", re.IGNORECASE)


def _originals_elsewhere(
    root: Path, surveyed: Survey, policies: list[str]
) -> dict[str, tuple[int, list[str], list[str]]]:
    """Keys of the site's own (``original_link``) whose every value is a web address, some on a host a policy
    covers, in files that name no original: each with how many files, the hosts covered and the policies."""
    candidates = {k: hosts for k, hosts in surveyed.addresses.items() if not surveyed.other_values[k]}
    if not candidates:
        return {}
    from ..errors import ReprintGuardError
    from ..policy.loader import policy_set

    try:
        known = policy_set([root / path for path in policies])
    except ReprintGuardError:
        known = policy_set()
    found = {}
    for key, hosts in candidates.items():
        covered = {host: policy.id for host in hosts if (policy := known.for_host(host)) is not None}
        if covered:
            found[key] = (sum(hosts.values()), sorted(covered), sorted(set(covered.values())))
    return found


def _jekyll_defaults(root: Path) -> list[tuple[str, Any]]:
    """Jekyll's front matter defaults (``_config.yml``'s ``defaults:``), each as (the files its scope names: its
    path, or its type's, empty for every file, the values it gives them)."""
    for name in ("_config.yml", "_config.yaml"):
        data = read_settings(root / name) if (root / name).is_file() else None
        if data is None:
            continue
        found = []
        for _, path, kind, values in jekyll_default_sets(data):
            shown = f"{path}, {kind}" if path and kind else path or (str(kind) if kind else "")
            found.append((shown, values))
        return found
    return []


def jekyll_default_sets(data: dict[str, Any]) -> list[tuple[int, str, Any, dict[str, Any]]]:
    """The sets of a Jekyll ``_config.yml``'s front matter ``defaults:`` that give values, each as (its index in
    the list, its scope's ``path`` as written (Jekyll 4 matches it as a plain prefix), its scope's ``type``, its
    ``values``)."""
    found: list[tuple[int, str, Any, dict[str, Any]]] = []
    sets = _dig(data, "defaults")
    if not isinstance(sets, list):  # of another shape (``defaults: 5``): Jekyll stops at it; check tells it
        return found
    for index, item in enumerate(sets):
        if not isinstance(item, dict) or not isinstance(item.get("values"), dict):
            continue
        scope = item.get("scope") if isinstance(item.get("scope"), dict) else {}
        path = scope.get("path") if isinstance(scope.get("path"), str) else ""
        found.append((index, path, scope.get("type"), item["values"]))
    return found


def _cascaded(values: Any) -> tuple[str | None, dict[str, Any]]:
    """The policy and the metadata of reprint-guard's (by its own names) that a cascade or a Jekyll default gives:
    its keys and those under Hugo's ``params``, where they fit."""
    from ..readers import metadata_problem

    if not isinstance(values, dict):
        return None, {}
    params = _dig(values, "params")
    merged = {**(params if isinstance(params, dict) else {}), **values}
    policy = None
    metadata: dict[str, Any] = {}
    for key, value in merged.items():
        if not isinstance(key, str) or blank(value):
            continue
        ours = key.lower() if key.lower() in READ_KEYS else _ours(key)
        if ours is None or ours == "expect" or ours in metadata or metadata_problem({ours: value}) is not None:
            continue
        if ours == "policy" and isinstance(value, str):
            policy = value
        else:
            metadata[ours] = value.isoformat() if isinstance(value, dt.date) else value
    return policy, metadata


def _config_cascades(root: Path) -> list[tuple[str, Any]]:
    """The ``cascade`` of each of the Hugo site's config files (production's first, as Hugo merges them), named
    by the file."""
    found = []
    for path in reversed(hugo_config_files(root)):
        data = read_settings(path)
        if data is None or another_tools(path, data):
            continue
        cascade = _dig(data, "cascade")
        if cascade is not None:
            found.append((path.relative_to(root).as_posix(), cascade))
    return found


def _gives_commercial(cascades: list[tuple[str, Any]], defaults: list[tuple[str, Any]]) -> str | None:
    """Where a cascade or a default set gives ``commercial`` (its file, as init's comment names it), or None."""
    for label, cascade in cascades:
        for block in cascade if isinstance(cascade, list) else [cascade]:
            if "commercial" in _cascaded(block)[1]:
                return f"Hugo's cascade in {label}"
    for path, values in defaults:
        if "commercial" in _cascaded(values)[1]:
            return f"Jekyll's defaults in _config.yml for {path or 'every file'}"
    return None


def _overrides(cascades: list[tuple[str, Any]], defaults: list[tuple[str, Any]]) -> list[str]:
    """The config's ``overrides`` lines: none for Hugo's ``cascade`` and Jekyll's front matter defaults, which
    check reads itself (below a page's own front matter, as the generator does); those found are named."""
    found = []
    for folder, cascade in cascades:
        for block in cascade if isinstance(cascade, list) else [cascade]:
            targeted = isinstance(block, dict) and any(str(k).lower() in ("_target", "target") for k in block)
            said = _given(block)
            if said:
                some = " (its _target's pages)" if targeted else ""
                found.append(f"Hugo's cascade in {folder}{some}: {said}")
    for path, values in defaults:
        said = _given(values)
        if said:
            found.append(f"Jekyll's defaults in _config.yml for {path or 'every file'}: {said}")
    lines = []
    if found:
        lines = [
            "# reprint-guard reads Hugo's cascade (a section's _index and the site's config) and Jekyll's front matter",
            "# defaults itself, below a page's own front matter as the generator does; here they give:",
            *(f"#   {_UNPRINTABLE.sub(_escape, said)}" for said in found),
            "# A key of your own there is read as reprint-guard's once front-matter maps it. An override wins over a",
            "# page's own front matter, where a cascade or a default gives way to it.",
        ]
    return [
        *lines,
        "# Per-path policy or metadata, e.g. a print edition:",
        "overrides: []",
        '#  - paths: ["print/**"]',
        "#    metadata: {medium: print}",
    ]


def _given(values: Any) -> str:
    """What a cascade block or a Jekyll default set gives of the keys reprint-guard reads: its policy and its
    metadata, keys as written (``policy: grist, commercial: false``), and the keys about the original it sets
    that check does not take from a site (``not read: author``), or nothing."""
    from .site import SITE_KEYS

    policy, metadata = _cascaded(values)
    shown = [f"policy: {policy}"] if policy else []
    shown += [
        f"{key}: {json.dumps(value, ensure_ascii=False, default=str)}"
        for key, value in metadata.items()
        if key in SITE_KEYS
    ]
    passed_over = [key for key in metadata if key not in SITE_KEYS]
    if passed_over:
        shown.append(f"not read (the original's, each page names it): {', '.join(passed_over)}")
    return ", ".join(shown)


def _ours(key: str) -> str | None:
    """reprint-guard's key for a site's own (``canonicalURL``, ``params.authors``), if it knows one."""
    return KNOWN_KEYS.get(key.lower().removeprefix("params."))


def _among_policies(file: PurePosixPath, policies: Mapping[PurePosixPath, object]) -> bool:
    """Whether a reprint with an ``expect`` key is a policy fixture by its place: in a tests folder, or in a
    folder of policies or one in it (``policies/harbour-herald/``; not any folder when the root holds a
    policy). Elsewhere the key is a site's own."""
    folder = file.parent
    return (
        any(part.lower() in _TEST_FOLDERS for part in folder.parts)
        or folder in policies
        or (folder.parent != PurePosixPath() and folder.parent in policies)
    )


_POLICY_SUFFIXES = (".yaml", ".yml")  # as a policy folder is read (reprint_guard.policy.loader.policy_files)
_SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml")


def _metadata(path: Path) -> dict[Any, Any]:
    """A content file's metadata as far as init needs it: a Markdown file's front matter, an HTML file's
    sidecar (``NAME.meta.yaml``), a JSON envelope's own; empty when there is none or it does not read."""
    from ..errors import ReprintGuardError
    from ..readers import sidecar_names
    from ..readers.markdown import split_front_matter

    kind = SUFFIX_FORMATS.get(os.path.splitext(path.name.lower())[1])
    if kind == "json":
        return _envelope_metadata(path)
    try:
        data = None
        if kind in ("markdown", "html"):
            with open(path, "rb") as handle:  # the head of the file: front matter stands at its start
                head = handle.read(65536).decode("utf-8-sig", errors="replace")  # a BOM before it, as check reads
            # An HTML page's front matter (a Hugo or Jekyll content page's), as check reads it: else its sidecar
            if kind == "markdown" or head[:3] in ("---", "+++") or head[:1] == "{":
                data = split_front_matter(head).data
        if kind != "markdown" and not data:
            sidecar = next((Path(name) for name in sidecar_names(path) if os.path.isfile(name)), None)
            data = _yaml_mapping(sidecar) if sidecar is not None else None
    except (ReprintGuardError, OSError, ValueError, RecursionError):  # TOML nested thousands deep, too
        return {}
    return data if isinstance(data, dict) else {}


def _envelope_metadata(path: Path) -> dict[Any, Any]:
    """A CMS's JSON envelope's metadata (``{"metadata": {...}, "body": ...}``); empty for any other JSON."""
    import json

    from ..readers import _ENVELOPE_START

    try:
        with open(path, "rb") as handle:
            data = handle.read(_MAX_ENVELOPE_BYTES + 1)
        if len(data) > _MAX_ENVELOPE_BYTES or not _ENVELOPE_START.match(data):
            return {}
        envelope = json.loads(data.decode("utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return {}
    metadata = envelope.get("metadata") if isinstance(envelope, dict) and "body" in envelope else None
    return metadata if isinstance(metadata, dict) else {}


def _yaml_mapping(path: Path) -> dict[Any, Any] | None:
    """A small YAML file's mapping, read as policies are (no aliases, nesting bounded), or None."""
    from ..errors import ReprintGuardError
    from ..limits import MAX_POLICY_BYTES
    from ..safeyaml import load

    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_POLICY_BYTES + 1)
        if len(data) > MAX_POLICY_BYTES or b"\x00" in data:
            return None
        loaded = load(data.decode("utf-8-sig")).data
    except (ReprintGuardError, OSError, ValueError):  # ValueError: UnicodeDecodeError too
        return None
    return loaded if isinstance(loaded, dict) else None


def _is_policy(path: Path) -> bool:
    """Whether a YAML file is a reprint policy: a mapping with a top-level ``id`` and a list of ``rules``."""
    data = _yaml_mapping(path)
    return data is not None and isinstance(data.get("id"), str) and isinstance(data.get("rules"), list)


#: At most this many fixture globs are written (a fixture among content is named file by file).
_MAX_FIXTURE_GLOBS = 20


def _fixture_places(
    fixtures: list[PurePosixPath], content: list[PurePosixPath]
) -> tuple[list[PurePosixPath], list[PurePosixPath]]:
    """The folders and files to exclude so as to cover the policy fixtures and no content file: for each
    fixture, the highest folder (below the root) holding no content file, or the fixture itself when its own
    folder holds content too. A README (which `test` passes over) holds no folder from the fixtures."""
    top = PurePosixPath()
    taken = {folder for file in content if not file.name.startswith("README") for folder in file.parents}
    folders: list[PurePosixPath] = []
    files: list[PurePosixPath] = []
    for file in fixtures:
        folder = file.parent
        if folder == top or folder in taken:
            files.append(file)
            continue
        while folder.parent != top and folder.parent not in taken:
            folder = folder.parent
        if folder not in folders:
            folders.append(folder)
    return folders, files


#: A Hugo site's configuration: the root's file, then its config folder's (production's over the defaults).
_HUGO_FOLDERS = ("", "config/_default", "config/production")
_HUGO_SUFFIXES = (".toml", ".yaml", ".yml", ".json")


#: The largest site configuration read, in bytes: no site's settings are larger.
MOST_SETTINGS = 16 * 1024 * 1024


def read_settings(path: Path, *, strict: bool = False) -> dict[str, Any] | None:
    """A site configuration file as data (TOML, YAML or JSON), or None when it does not read. ``strict`` (as
    check reads a site's config for its cascade or defaults): a file that does not read raises an
    :class:`~reprint_guard.errors.InputError` at its line and column instead."""
    import tomllib

    import yaml

    try:
        if path.stat().st_size > MOST_SETTINGS:  # no site's settings are this large: not read
            if strict:
                from ..errors import InputError

                raise InputError("site configuration larger than 16 MiB: not read", path=str(path))
            return None
        if strict:  # check reads the values: a byte that is no UTF-8 is told at its place, not replaced
            raw = path.read_bytes()
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                from ..errors import InputError

                before = raw[: exc.start]
                line = before.count(b"\n") + 1
                column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
                raise InputError(
                    "site configuration is not valid UTF-8 (save it as UTF-8)", path=str(path), line=line, column=column
                ) from None
        else:
            text = path.read_text(encoding="utf-8-sig", errors="replace")
        if path.suffix == ".toml":
            data = tomllib.loads(text)
        elif path.suffix == ".json":
            data = json.loads(text)
        else:
            if not _refuse_read_aliases(text, path, strict):
                return None
            data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml's: 20x faster
    except (OSError, ValueError, RecursionError, yaml.YAMLError) as exc:  # a file that does not read proposes nothing
        if strict:
            if path.suffix not in (".toml", ".json") and not isinstance(exc, (OSError, yaml.MarkedYAMLError)):
                _placed_value_error(path, text)  # an impossible date (2026-02-30): at its line and column
            raise _settings_error(path, exc) from None
        return None
    return data if isinstance(data, dict) else None


#: The top-level keys of a site config whose values check (and init) read: an alias in any of them is refused.
#: ``<<`` too: a merge key at the top brings a mapping's keys (a ``cascade``) in.
_READ_TOP_KEYS = frozenset(
    {"cascade", "defaults", "contentdir", "defaultcontentlanguage", "collections", "collections_dir", "<<"}
)


def _refuse_read_aliases(text: str, path: Path, strict: bool) -> bool:
    """Refuse a YAML alias (``*name``) in what a site config gives the pages (its ``cascade``, Jekyll's
    ``defaults``, the folders and language read), as a page's front matter refuses any: a few lines of nested
    aliases ("billion laughs") stand for millions of values once the values are walked. Aliases elsewhere in
    the config (Hugo's menus, say) are not read, and stay allowed. False (not ``strict``) for such a file."""
    if "*" not in text:
        return True
    import yaml

    from ..errors import InputError

    stack: list[list[bool]] = []  # each open collection: [is a mapping, its next node is a key]
    top: Any = None  # the top-level key whose value the events are in
    for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
            continue
        if not isinstance(event, (yaml.NodeEvent, yaml.CollectionStartEvent)):
            continue
        at_top_key = len(stack) == 1 and stack[0][0] and stack[0][1]
        if at_top_key:
            top = event.value if isinstance(event, yaml.ScalarEvent) else None
        if isinstance(event, yaml.AliasEvent) and (
            at_top_key or len(stack) < 1 or (isinstance(top, str) and top.lower() in _READ_TOP_KEYS)
        ):
            if not strict:
                return False
            mark = event.start_mark
            raise InputError(
                "YAML aliases (*name) are not allowed here", path=str(path), line=mark.line + 1, column=mark.column + 1
            )
        if stack and stack[-1][0]:
            stack[-1][1] = not stack[-1][1]
        if isinstance(event, yaml.CollectionStartEvent):
            stack.append([isinstance(event, yaml.MappingStartEvent), True])
    return True


def _placed_value_error(path: Path, text: str) -> None:
    """Raise a YAML value's error (a date no calendar has) at its line and column, read as a page's front
    matter is read (PyYAML's own error names no place): named by its key, ``cascade.expiryDate``."""
    from ..errors import InputError
    from ..safeyaml import load

    try:
        load(text)
    except InputError as exc:
        if exc.line is not None:
            raise InputError(
                f"site configuration does not read: {exc.message}", path=str(path), line=exc.line, column=exc.column
            ) from None
    except Exception:  # the plain error is told instead
        return


def _settings_error(path: Path, exc: Exception) -> Exception:
    """A site configuration file that does not read, told at its line and column as a page's front matter is."""
    import yaml

    from ..errors import InputError

    line = column = None
    said = str(exc)
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        line, column = exc.problem_mark.line + 1, exc.problem_mark.column + 1
        said = " ".join(part for part in (exc.context, exc.problem) if part) or said
    elif isinstance(exc, json.JSONDecodeError):
        line, column, said = exc.lineno, exc.colno, exc.msg
    elif (at := re.search(r"\s*\(at line (\d+), column (\d+)\)", said)) is not None:  # tomllib's
        line, column, said = int(at.group(1)), int(at.group(2)), said[: at.start()]
    elif isinstance(exc, OSError):
        said = f"cannot read file: {exc.strerror or exc}"
    elif isinstance(exc, RecursionError):
        said = "nested too deeply"
        line, column = _too_deep(path)
    return InputError(f"site configuration does not read: {one_line(said)}", path=str(path), line=line, column=column)


def _too_deep(path: Path, limit: int = 100) -> tuple[int | None, int | None]:
    """(line, column) of the bracket or brace where a file's nesting first goes deeper than ``limit`` (quoted
    text passed over), or (None, None): where a config that nests too deeply to read goes wrong."""
    try:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return None, None
    depth = 0
    quote = ""
    line, start = 1, 0
    for at, char in enumerate(text):
        if char == "\n":
            line, start = line + 1, at + 1
        elif quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
            if depth > limit:
                return line, at - start + 1
        elif char in "]}":
            depth -= 1
    return None, None


def _dig(data: Any, *keys: str) -> Any:
    """``data[k1][k2]...``, keys read blind to case as Hugo reads them; None when one is missing."""
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = next((v for k, v in data.items() if isinstance(k, str) and k.lower() == key), None)
    return data


def hugo_config_files(root: Path, names: tuple[str, ...] = ("hugo", "config")) -> list[Path]:
    """The files of a Hugo site's configuration at ``root`` that are there, in the order Hugo merges them (the
    root's, then its config folder's: production's last, over the defaults); ``markup`` only in the folder."""
    return [
        root / folder / f"{name}{suffix}"
        for folder in _HUGO_FOLDERS
        for name in names
        if folder or name != "markup"
        for suffix in _HUGO_SUFFIXES
        if (root / folder / f"{name}{suffix}").is_file()
    ]


def another_tools(path: Path, data: dict[str, Any] | None) -> bool:
    """Whether a ``config.*`` is some other tool's, not Hugo's: one at a site's root without a ``baseURL`` or
    ``markup``. A file of Hugo's default config folder (``config/_default/config.toml``) is Hugo's, whatever it
    sets (README: ``config/_default/`` marks a Hugo site); one in ``config/production/`` alone may be another
    tool's (an application's per-environment settings), and needs a ``baseURL`` or ``markup`` as at the root.
    A ``.json`` holding a ``body`` text is a CMS's envelope (``articles/config.json``, a story whose slug is
    ``config``), no config at all, wherever it is."""
    if path.suffix.lower() == ".json" and isinstance(data, dict) and isinstance(data.get("body"), str):
        return True
    if path.parent.parent.name == "config" and path.parent.name == "_default":
        return False
    return path.stem == "config" and (data is None or (_dig(data, "baseurl") is None and not _dig(data, "markup")))


def hugo_site(root: Path) -> tuple[bool, str | None] | None:
    """A Hugo site's (whether raw HTML is shown, its own host), or None when the folder is not one.

    Goldmark leaves raw HTML out unless ``markup.goldmark.renderer.unsafe`` is true (in a config folder,
    ``markup.*`` holds the ``markup`` table); ``baseURL`` names the site's own host. A production
    setting wins over a default one, as ``hugo`` builds for production. A ``config.*`` without a
    ``baseURL`` is some other tool's, unless a ``hugo.*`` is there.
    """
    found = False
    unsafe: Any = None
    base: Any = None
    for path in hugo_config_files(root, ("hugo", "config", "markup")):
        data = read_settings(path)
        if another_tools(path, data):
            continue
        found = True  # a hugo.* or markup.* that does not read is Hugo's still: its defaults hold
        if data is None:
            continue
        markup = data if path.stem == "markup" else _dig(data, "markup")
        value = _dig(markup, "goldmark", "renderer", "unsafe")
        unsafe = value if value is not None else unsafe
        url = _dig(data, "baseurl")
        base = url if isinstance(url, str) and url else base
    if not found:
        return None
    host = None
    if base:
        from ..urls import as_address, host_of

        host = _site_host(host_of(as_address(base)))
    return unsafe is True, host


def _site_host(host: str | None) -> str | None:
    """A site's host as its config names it, or None when it is none (``https://exa mple.org``: a typo, not a
    host ``own-hosts`` could match)."""
    return host if host and not any(char.isspace() for char in host) and "%" not in host else None


def jekyll_site(root: Path) -> tuple[str | None, bool] | None:
    """A Jekyll site's own host (its ``_config.yml``'s ``url``) and whether its Markdown is kramdown's (the
    default; ``markdown: CommonMark`` or ``CommonMarkGhPages`` is not), or None when the folder is not one."""
    for name in ("_config.yml", "_config.yaml"):
        path = root / name
        if path.is_file():
            data = read_settings(path)
            url = _dig(data, "url") if data is not None else None
            renderer = _dig(data, "markdown") if data is not None else None
            kramdown = not isinstance(renderer, str) or renderer.strip().lower() in ("", "kramdown")
            if not isinstance(url, str) or not url:
                return None, kramdown
            from ..urls import as_address, host_of

            return _site_host(host_of(as_address(url))), kramdown
    return None


def site_timezone(root: Path, generator: str | None) -> str | None:
    """The time zone a Hugo site's config (``timeZone``, production's over the defaults) or a Jekyll site's
    ``_config.yml`` (``timezone``) reads its pages' dates in, when it names one this machine knows (Hugo's
    ``Local``, this machine's zone, is none to write down)."""
    from .view import known_zone

    if generator == "hugo":
        places = hugo_config_files(root)
    elif generator == "jekyll":
        places = [root / "_config.yml", root / "_config.yaml"]
    else:
        return None
    zone = None
    for place in places:
        data = read_settings(place) if place.is_file() else None
        if generator == "hugo" and data is not None and another_tools(place, data):
            data = None
        value = _dig(data, "timezone") if data is not None else None  # Hugo's timeZone, read blind to case
        zone = value.strip() if isinstance(value, str) and value.strip() else zone
        if generator == "jekyll" and data is not None:
            break  # Jekyll reads the first of its two names
    return zone if zone and zone != "Local" and known_zone(zone) else None


#: A reason shown beside a policy left out is cut here (an unknown parent's lists every policy known).
_REASON_LENGTH = 200


def _loadable(root: Path, found: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """The policies found that load together with the bundled ones, and those that do not, each with why: a
    config listing a broken policy (a schema error, an id taken twice, an unknown parent) stops every check.

    A folder with a broken policy is listed file by file, its good ones kept. Each file is read on its own
    first; then the set is loaded, and each policy it names as broken is left out, once per broken policy
    (not once per policy: two hundred with one broken took half a minute)."""
    from ..errors import ReprintGuardError
    from ..policy.loader import policy_set, read_policy_file

    def said(exc: ReprintGuardError) -> str:
        text = str(exc)
        for prefix in {f"{root.resolve()}{os.sep}", f"{root}{os.sep}"}:
            text = text.replace(prefix, "")
        text = one_line(text)
        return text if len(text) <= _REASON_LENGTH else text[: _REASON_LENGTH - 1] + "…"

    try:
        policy_set([root / path for path in found])
    except ReprintGuardError:
        pass
    else:
        return found, []
    folders = {
        path: sorted(
            str(PurePosixPath(path) / p.name)
            for p in (root / path).iterdir()
            if p.suffix in _POLICY_SUFFIXES and not p.name.startswith(".") and p.is_file()
        )
        for path in found
        if (root / path).is_dir()
    }
    files = [file for path in found for file in folders.get(path, [path])]
    reasons: dict[str, str] = {}
    # Each id's files, in order: the first stands for it, the others wait in case it does not load (a broken
    # draft copy in a folder read first does not take the id from the policy that works).
    twins: dict[str, list[tuple[str, Any]]] = {}
    for file in files:
        try:
            raw = read_policy_file(root / file)
        except ReprintGuardError as exc:
            reasons[file] = said(exc)
            continue
        twins.setdefault(str(raw.data.get("id")), []).append((file, raw))
    owner = {policy_id: held[0][0] for policy_id, held in twins.items()}
    id_of = {file: policy_id for policy_id, held in twins.items() for file, _ in held}
    left = [file for file in files if file not in reasons and owner.get(id_of.get(file, "")) == file]
    while left:
        try:
            policy_set([root / file for file in left])
            break
        except ReprintGuardError as exc:
            culprit = next((f for f in left if exc.path and Path(exc.path).resolve() == (root / f).resolve()), None)
            if culprit is None:  # told of no file of these: left out together rather than guessed at
                reasons.update((file, said(exc)) for file in left)
                left = []
                break
            reasons[culprit] = said(exc)
            left.remove(culprit)
            waiting = [file for file, _ in twins[id_of[culprit]] if file not in reasons and file != culprit]
            if waiting:  # the next file of that id stands for it now
                owner[id_of[culprit]] = waiting[0]
                left.append(waiting[0])
    for held in twins.values():
        for file, raw in held:
            policy_id = id_of[file]
            if file not in reasons and owner[policy_id] != file:
                reasons[file] = said(raw.error(f"policy id {policy_id!r} is also the id of {owner[policy_id]}", ["id"]))
    kept = []
    for path in found:  # a folder whose files all load is named as a folder still
        inside = folders.get(path, [path])
        kept += [path] if all(file in left for file in inside) else [file for file in inside if file in left]
    return kept, [(file, reasons[file]) for file in files if file in reasons]


def _skip_elements(surveyed: Survey) -> list[str]:
    """The config's ``skip-elements`` lines: the site's own parts found on its whole pages, if any."""
    if not surveyed.chrome:
        return [
            "# Parts of a whole page that are the site's, not the article's (CSS selectors of its menu, sidebar,",
            "# footer), left out of the check.",
            "skip-elements: []",
            '#  - "footer.site-footer"',
        ]
    pages = surveyed.pages
    return [
        "# The site's own parts of your whole pages: its header, menu, sidebar and footer, found outside the",
        f"# <article> or <main> of {pages} page{'s' if pages != 1 else ''}. Left out of the check, so that the "
        "site's logo or its",
        "# own \"All rights reserved\" is not read as the reprint's. Make sure none holds a reprint's credit.",
        "skip-elements:",
        *(
            f"  - {_quoted(selector)}  # on {count} page{'s' if count != 1 else ''}"
            for selector, count in sorted(surveyed.chrome.items(), key=lambda item: (-item[1], item[0]))
        ),
    ]


def _site_zone_lines(root: Path, generator: str, key: str) -> list[str]:
    """The config's ``site-timezone``, as the site's own config names it (else a comment saying how)."""
    zone = site_timezone(root, generator)
    said = f"# Your site's time zone ({'Hugo' if generator == 'hugo' else 'Jekyll'}'s {key}): a page's own date\n"
    said += "# written without an offset, or as a day alone, goes out at that time there."
    if zone is None:
        unset = (
            "# None is set in Hugo's config, which then reads UTC, as reprint-guard does."
            if generator == "hugo"
            else "# None is set in _config.yml: Jekyll then reads the build machine's, reprint-guard UTC; name it here."
        )
        return [said, unset, "# site-timezone: America/Denver"]
    return [said, f"site-timezone: {zone}"]


def starter_config(root: Path) -> str:
    hugo = hugo_site(root)
    jekyll = jekyll_site(root) if hugo is None else None
    generator = "hugo" if hugo is not None else "jekyll" if jekyll is not None else None
    surveyed = survey(root, generator)
    keys, folders, seen, fixtures, found, alone, theirs, slugs, templates = surveyed[:9]
    policies, broken = _loadable(root, found)
    lines = [
        '# reprint-guard configuration (its README, "Project configuration", says what each key does).',
        f"# Written by `reprint-guard init` after looking at {seen} content file{'s' if seen != 1 else ''}.",
        "# Its JSON Schema ships in the package: reprint_guard/schemas/config.schema.json.",
        "",
        "# Files to check when a folder is given (globs, relative to this file). Empty: every Markdown",
        "# (.md, .markdown, .mdown, .mkdown, .mkdn, .mkd), HTML (.html, .htm) and JSON (.json) file.",
    ]
    content = [f for f, _ in folders.most_common() if f != "."]
    if content:
        lines.append("include:")
        lines += [f"  - {_quoted(_glob_folder(folder))}" for folder in content[:5]]
    else:
        lines.append("include: []")
    if templates:
        listed = ", ".join(f"{count} {suffix}" for suffix, count in templates.most_common())
        lines += [
            f"# Not checked: pages in a template language ({listed}). reprint-guard reads Markdown, HTML and JSON",
            "# only, so a reprint written as one of these goes unchecked: check the page your site builds from",
            "# it (its HTML in the output folder), or keep reprints in Markdown.",
        ]
    lines.append("# Never checked, even when named on the command line.")
    if fixtures:
        lines += [
            "# Policy fixtures (reprints with an 'expect' key, which `reprint-guard test` runs) break their",
            "# policy's rules on purpose: they are not content.",
            "exclude:",
            *(f"  - {_quoted(glob)}" for glob in fixtures),
        ]
    else:
        lines.append("exclude: []")
    lines += [
        "# Leave out what git ignores.",
        "gitignore: true",
        "",
        "# Your front-matter keys -> reprint-guard's (original_url, author, copyright_holder, license, ...).",
    ]
    # A key of ours wins over any of theirs in the file that has both: a mapping is proposed for the files
    # with theirs alone (a site that switched to `original_url` keeps `canonicalURL` in its older posts).
    # An author key whose every value is a slug (a Hugo theme's taxonomy terms) names no one: not mapped.
    # A key whose values could not be read as ours (original: true, a flag, for original_url) is not mapped:
    # each file giving it one could not be checked.
    unfit = surveyed.unfit
    mapping = {k: _ours(k) for k in alone if slugs[k] < keys[k] and not unfit[k]}
    slugged = sorted(k for k in alone if slugs[k] >= keys[k])
    misfits = sorted(k for k in alone if slugs[k] < keys[k] and unfit[k])
    # A key of the site's own holding the address of an article a policy covers, in files that name no original:
    # what a check tells the user to map (reprint-guard/original-elsewhere), proposed here too.
    elsewhere = _originals_elsewhere(root, surveyed, policies)
    if mapping or theirs or elsewhere:
        lines.append("front-matter:")
        lines += [
            f"  {_quoted(k)}: {v}  # used in {keys[k]} file{'s' if keys[k] != 1 else ''}"
            + (f", {alone[k]} of them without {v}" if alone[k] != keys[k] else "")
            for k, v in sorted(mapping.items())
        ]
        lines += [
            f"  {_quoted(k)}: original_url  # holds addresses on {', '.join(hosts)}, which {', '.join(ids)} "
            f"cover{'s' if len(ids) == 1 else ''}, in {n} file{'s' if n != 1 else ''} naming no original_url"
            for k, (n, hosts, ids) in sorted(elsewhere.items())
        ]
        lines += [
            f"  {k}: {_NOT_OURS[k]}  # your {k} is text in {n} file{'s' if n != 1 else ''} (a teaser), not "
            f"reprint-guard's true/false {k}: renamed, it is not read as one"
            for k, n in sorted(theirs.items())
            if k in _NOT_OURS
        ]
        if theirs.get(_DATED) and "edited" not in mapping:
            n = theirs[_DATED]
            lines.append(
                f"  edited: modified  # your modified is a date in {n} file{'s' if n != 1 else ''} (Hugo's "
                "last-modified date): with a key of your own mapped onto reprint-guard's, yours is left to Hugo; "
                "write edited: true in a reprint that was edited"
            )
    else:
        lines.append("front-matter: {}")
    for k in misfits:
        n, v = unfit[k], _ours(k)
        lines.append(
            f"# Not mapped: your {_quoted(k)[1:-1]} holds something other than {_WANTED.get(v or '', 'text')} in {n} "
            f"file{'s' if n != 1 else ''}, which reprint-guard's {v} could not read"
        )
    for k in slugged:
        lines.append(
            f"# Not mapped: your {_quoted(k)[1:-1]} holds slugs (e.g. a taxonomy's dana-whitfield), not names; "
            "write author: <the name as credited> in each reprint"
        )
    if keys:
        # A comment ends at a line break and may hold only printable characters: keys are shown escaped.
        common = ", ".join(f"{_quoted(k)[1:-1]} ({n})" for k, n in keys.most_common(12))
        lines.append(f"# Keys seen in your files: {common}")
    if hugo is not None and keys.get("modified", 0) > theirs.get("modified", 0):  # set to true or false
        n = keys["modified"] - theirs.get("modified", 0)
        lines += [
            f"# Hugo reads a top-level `modified` as the page's last-modified date: the {n} file{'s' if n != 1 else ''}"
            " that set it to true or false",
            "# fail Hugo's build. Write a key of your own in them (edited: true) and map it onto reprint-guard's:",
            "#   front-matter: {edited: modified}",
        ]
    site_cascades = (
        [(f"{folder}/_index", cascade) for folder, cascade in surveyed.cascades] + _config_cascades(root)
        if hugo is not None
        else []
    )
    site_defaults = _jekyll_defaults(root) if jekyll is not None else []
    commercial = _gives_commercial(site_cascades, site_defaults)
    lines += [
        "",
        "# Metadata every reprint gets unless its front matter says otherwise.",
        "defaults:",
        "  medium: web",
        f"  # commercial: given by {_UNPRINTABLE.sub(_escape, commercial)} (check reads it there)"
        if commercial
        else "  # commercial: true   # whether your site is commercial (run for profit; see the README's `commercial`)",
        "",
        "# Extra policy files or folders (agreements you made, publishers not bundled).",
        *(
            ["# Found here: YAML files with a policy's 'id' and 'rules'.", "policies:"]
            + [f"  - {_quoted(path)}" for path in policies]
            if policies
            else ["policies: []"]
        ),
        *(
            ["# Found but not listed: they do not load (mend one, then list it above)."]
            + [f"#  - {_quoted(path)}  # {reason}" for path, reason in broken]
            if broken
            else []
        ),
        "",
        *_overrides(site_cascades, site_defaults),
        "",
        "# Change a rule's severity (error, warning, info) or turn it off.",
        "severity: {}",
        "#  global-research/link-original: warning",
        "",
        "# Agreed exceptions, each with a reason and optionally an expiry date.",
        "suppressions: []",
        "#  - path: content/posts/2024/harbour.md",
        "#    rule: global-research/commercial-permission",
        f"#    reason: Permission by email from publications@globalresearch.ca, {_today().day} {_today():%B %Y}",
        f"#    until: {_today().replace(year=_today().year + 1, day=min(_today().day, 28)):%Y-%m-%d}",
        "",
        "# Lowest severity that fails the run: error, warning, info or never.",
        "fail-on: error",
        "",
        *_skip_elements(surveyed),
        "",
    ]
    if hugo is not None:
        shown, host = hugo
        lines += [
            "# Hugo leaves raw HTML in Markdown out unless markup.goldmark.renderer.unsafe is true: a credit or",
            "# tracking pixel pasted as HTML is then not on the page.",
            f"raw-html: {'true' if shown else 'false'}",
            "# Your own host (Hugo's baseURL): a canonical URL pointing there is your own article, not a reprint.",
            *([] if host else ["# No baseURL could be read from Hugo's config: write your site's host here."]),
            f"own-hosts: [{_quoted(host)}]" if host else "own-hosts: []",
            *_site_zone_lines(root, "hugo", "timeZone"),
            "",
        ]
    elif jekyll is not None:
        host, kramdown = jekyll
        lines += [
            "# Jekyll's Markdown (kramdown) shows raw HTML: a credit or tracking pixel pasted as HTML is on the page.",
            "raw-html: true",
            '# kramdown reads Markdown inside an HTML block whose tag says markdown="1" (CommonMark does not).',
            f"markdown-in-html: {'true' if kramdown else 'false'}",
            "# Your own host (Jekyll's url): a canonical URL pointing there is your own article, not a reprint.",
            *([] if host else ["# No url could be read from _config.yml: write your site's host here."]),
            f"own-hosts: [{_quoted(host)}]" if host else "own-hosts: []",
            *_site_zone_lines(root, "jekyll", "timezone"),
            "",
        ]
    else:
        lines += [
            "# Whether your Markdown renderer shows raw HTML (false for Hugo's default).",
            "raw-html: true",
            "# Your site's own host names: a canonical URL pointing there is your own article, not a reprint.",
            "own-hosts: []",
            "",
        ]
    return "\n".join(lines)
