"""``reprint-guard init``: a commented starter config, from the keys the repository's files use."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

from ..readers import SUFFIX_FORMATS

#: Common front-matter spellings in Hugo, Jekyll, Astro, MkDocs and Eleventy sites.
KNOWN_KEYS = {
    "canonicalurl": "original_url",
    "canonical_url": "original_url",
    "canonical": "original_url",
    "originalurl": "original_url",
    "original": "original_url",
    "source_url": "original_url",
    "sourceurl": "original_url",
    "republished_from": "original_url",
    "reprint_of": "original_url",
    "authors": "author",
    "byline": "author",
    "by": "author",
    "writer": "author",
    "licence": "license",
    "copyright": "copyright_holder",
    "publisher": "source",
    "source_name": "source",
    "originally_published": "original_published",
    "original_date": "original_published",
}
#: The suffixes of the articles a site holds (its JSON is mostly not articles): the readers' own.
CONTENT_SUFFIXES = tuple(suffix for suffix, kind in SUFFIX_FORMATS.items() if kind in ("markdown", "html"))
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
    return _SURROGATE.sub("?", _GLOB_SPECIAL.sub(r"\\\1", folder)) + "/**"


def scan(root: Path) -> tuple[Counter[str], Counter[str], int]:
    """Count front-matter keys and content folders over up to :data:`SAMPLE` files."""
    from ..errors import ReprintGuardError
    from ..readers.markdown import split_front_matter

    keys: Counter[str] = Counter()
    folders: Counter[str] = Counter()
    seen = 0
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("node_modules", "public", "_site"))
        for name in sorted(files):
            if not name.lower().endswith(CONTENT_SUFFIXES) or seen >= SAMPLE:
                continue
            seen += 1
            path = Path(folder) / name
            top = path.relative_to(root).parts[0] if len(path.relative_to(root).parts) > 1 else "."
            folders[top] += 1
            if SUFFIX_FORMATS.get(os.path.splitext(name.lower())[1]) == "markdown":
                try:
                    front = split_front_matter(path.read_text(encoding="utf-8", errors="replace")[:65536])
                except (ReprintGuardError, OSError):
                    continue
                keys.update(str(k) for k in front.data)
                params = front.data.get("params") if isinstance(front.data, dict) else None
                if isinstance(params, dict):  # Hugo's own place for a site's fields
                    keys.update(f"params.{k}" for k in params)
    return keys, folders, seen


#: A Hugo site's configuration: the root's file, then its config folder's (production's over the defaults).
_HUGO_FOLDERS = ("", "config/_default", "config/production")
_HUGO_SUFFIXES = (".toml", ".yaml", ".yml", ".json")


def _read_settings(path: Path) -> dict[str, Any] | None:
    """A site configuration file as data (TOML, YAML or JSON), or None when it does not read."""
    import tomllib

    import yaml

    try:
        if path.stat().st_size > 16 * 1024 * 1024:  # no site's settings are this large: not read
            return None
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        if path.suffix == ".toml":
            data = tomllib.loads(text)
        elif path.suffix == ".json":
            data = json.loads(text)
        else:
            data = yaml.safe_load(text)
    except (OSError, ValueError, RecursionError, yaml.YAMLError):  # a file that does not read proposes nothing
        return None
    return data if isinstance(data, dict) else None


def _dig(data: Any, *keys: str) -> Any:
    """``data[k1][k2]...``, keys read blind to case as Hugo reads them; None when one is missing."""
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = next((v for k, v in data.items() if isinstance(k, str) and k.lower() == key), None)
    return data


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
    for folder in _HUGO_FOLDERS:
        for name in ("hugo", "config", "markup"):
            if name == "markup" and not folder:
                continue
            for suffix in _HUGO_SUFFIXES:
                path = root / folder / f"{name}{suffix}"
                if not path.is_file():
                    continue
                data = _read_settings(path)
                if name == "config" and (data is None or (_dig(data, "baseurl") is None and not _dig(data, "markup"))):
                    continue  # another tool's config file
                found = True  # a hugo.* or markup.* that does not read is Hugo's still: its defaults hold
                if data is None:
                    continue
                markup = data if name == "markup" else _dig(data, "markup")
                value = _dig(markup, "goldmark", "renderer", "unsafe")
                unsafe = value if value is not None else unsafe
                url = _dig(data, "baseurl")
                base = url if isinstance(url, str) and url else base
    if not found:
        return None
    host = None
    if base:
        from ..urls import as_address, host_of

        host = host_of(as_address(base))
    return unsafe is True, host


def starter_config(root: Path) -> str:
    keys, folders, seen = scan(root)
    hugo = hugo_site(root)
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
    lines += [
        "# Never checked, even when named on the command line.",
        "exclude: []",
        "# Leave out what git ignores.",
        "gitignore: true",
        "",
        "# Your front-matter keys -> reprint-guard's (original_url, author, copyright_holder, license, ...).",
    ]
    # A key of ours the files already use wins over any of theirs: proposing to map onto it would do nothing.
    known = {k: KNOWN_KEYS.get(k.lower().removeprefix("params.")) for k in keys}
    mapping = {k: ours for k, ours in known.items() if ours is not None and k != ours and ours not in keys}
    if mapping:
        lines.append("front-matter:")
        lines += [
            f"  {_quoted(k)}: {v}  # used in {keys[k]} file{'s' if keys[k] != 1 else ''}"
            for k, v in sorted(mapping.items())
        ]
    else:
        lines.append("front-matter: {}")
    if keys:
        # A comment ends at a line break and may hold only printable characters: keys are shown escaped.
        common = ", ".join(f"{_quoted(k)[1:-1]} ({n})" for k, n in keys.most_common(12))
        lines.append(f"# Keys seen in your files: {common}")
    lines += [
        "",
        "# Metadata every reprint gets unless its front matter says otherwise.",
        "defaults:",
        "  medium: web",
        "  # commercial: true   # say whether your site is commercial (ads, paywall, sponsorship)",
        "",
        "# Extra policy files or folders (agreements you made, publishers not bundled).",
        "policies: []",
        "",
        "# Per-path policy or metadata, e.g. a print edition:",
        "overrides: []",
        '#  - paths: ["print/**"]',
        "#    metadata: {medium: print}",
        "",
        "# Change a rule's severity (error, warning, info) or turn it off.",
        "severity: {}",
        "#  global-research/link-original: warning",
        "",
        "# Agreed exceptions, each with a reason and optionally an expiry date.",
        "suppressions: []",
        "#  - path: content/posts/2024/harbour.md",
        "#    rule: global-research/commercial-permission",
        "#    reason: Permission by email from publications@globalresearch.ca, 2 May 2024",
        "#    until: 2025-05-02",
        "",
        "# Lowest severity that fails the run: error, warning, info or never.",
        "fail-on: error",
        "",
    ]
    if hugo is not None:
        shown, host = hugo
        lines += [
            "# Hugo leaves raw HTML in Markdown out unless markup.goldmark.renderer.unsafe is true: a credit or",
            "# tracking pixel pasted as HTML is then not on the page.",
            f"raw-html: {'true' if shown else 'false'}",
            "# Your own host (Hugo's baseURL): a canonical URL pointing there is your own article, not a reprint.",
            f"own-hosts: [{_quoted(host)}]" if host else "own-hosts: []",
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
