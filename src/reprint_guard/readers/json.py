"""The JSON a CMS posts: ``{"metadata": {...}, "body": "...", "format": "markdown"|"html"|"text"}``.

Positions are in the JSON file: a finding in the body points into the ``body`` string as written (JSON
keeps a string on one line, so at its line and the column of the escaped character); a metadata finding
points at its key.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from ..errors import InputError, NotAReprintError
from ..metaview import READ_KEYS
from ..reprint import BODY_FORMATS, Reprint
from ..safeyaml import too_long_number
from . import InfiniteNumber, deepest_place, finite_float, json_problem, number_place, text_position

#: Where a text too deep for the parser is told: where its brackets first stand this deep.
_DEEP = 100


def _starts_as_envelope(text: str) -> bool:
    """Whether ``text`` opens as a CMS envelope (``{"metadata": ...``, ``{"body": ...``)."""
    from . import _ENVELOPE_START

    return _ENVELOPE_START.match(text[:4096].encode("utf-8", "surrogatepass")) is not None


def read_json(text: str, *, path: str, meta: Mapping[str, Any] | None, bare_urls: bool, **extra: Any) -> Reprint:
    from . import build, without_surrogates

    try:
        data = json.loads(text, object_pairs_hook=_unique, parse_constant=_no_constant, parse_float=finite_float)
        if "\\u" in text:  # only a \u escape can make half a surrogate pair
            data = without_surrogates(data)
    except json.JSONDecodeError as exc:
        # Not JSON at all (a tsconfig.json with comments): an error when named, passed over in a folder walk;
        # but an envelope broken by a hand edit (a trailing comma) is a reprint that would go unchecked.
        # So is one cut short (an export interrupted), which starts as an envelope does.
        ours = {"metadata", "body"} <= _top_level_keys(text) or _starts_as_envelope(text)
        error = InputError if ours else NotAReprintError
        said, line, column = json_problem(exc)
        raise error(f"invalid JSON: {said}", line=line, column=column) from None
    except _NotJson as exc:
        index = _word_place(text, exc.word)
        line, column = text_position(text, index) if index >= 0 else (None, None)
        error = InputError if _is_envelope(text) else NotAReprintError  # a chart's data beside the articles
        raise error(f"invalid JSON: {exc.word} is not a JSON value", line=line, column=column) from None
    except InfiniteNumber as exc:
        index = number_place(text, exc.literal)
        line, column = text_position(text, index) if index >= 0 else (None, None)
        error = InputError if _is_envelope(text) else NotAReprintError
        raise error(f"invalid JSON: {exc}", line=line, column=column) from None
    except _DuplicateKey as exc:
        line, column = _second_key_place(text, exc.key)
        error = InputError if _is_envelope(text) else NotAReprintError
        raise error(f"duplicate key {json.dumps(exc.key)}: it is set twice", line=line, column=column) from None
    except RecursionError:
        deep = deepest_place(text, _DEEP)
        line, column = text_position(text, deep) if deep >= 0 else (None, None)
        said = f"invalid JSON: nested too deeply to read (more than {_DEEP} levels of brackets from here)"
        raise InputError(said if deep >= 0 else "invalid JSON: nested too deeply", line=line, column=column) from None
    except ValueError as exc:  # an integer of thousands of digits, which Python will not read
        digits = _LONG_NUMBER.search(text)
        line, column = text_position(text, digits.start(1)) if digits else (None, None)
        raise InputError(f"invalid JSON: {too_long_number(exc) or exc}", line=line, column=column) from None
    if isinstance(data, dict) and "body" in data and not isinstance(data["body"], str):
        line, column = _key_place(text, "body")
        raise InputError(
            f'"body" must be a string (the article), not {_json_type(data["body"])}', line=line, column=column
        )
    if isinstance(data, dict) and "metadata" in data and "body" not in data:
        # An envelope with its article left out: a broken reprint, not somebody else's JSON.
        raise InputError('"body" is missing: the article to check', line=_key_line(text, "metadata"), column=1)
    wordpress = [data] if _wordpress_post(data) else _wordpress_posts(data)
    if wordpress:  # posts as WordPress's REST API gives them: a reprint's is not passed over
        _refuse_wordpress(text, data, wordpress)
    posts = _ghost_posts(data)
    if posts:  # posts as Ghost's API or export gives them: a republished one is not passed over
        reprinted = [post for post in posts if _republished_on_ghost(post)]
        if not reprinted:
            raise NotAReprintError(
                "Ghost's JSON whose posts name no canonical_url on another site: read as the site's own", line=1
            )
        first = reprinted[0]
        line, column = _ghost_canonical_place(text, first["canonical_url"])
        name = first.get("title") or first.get("slug") or first.get("id")
        which = f" {json.dumps(name, ensure_ascii=False)}" if isinstance(name, (str, int)) and name != "" else ""
        many = f" ({len(reprinted)} republished posts here: one envelope each)" if len(reprinted) > 1 else ""
        raise InputError(
            f'a Ghost post{which}, not an envelope{many}: send its "html" as {{"metadata": {{...}}, "body": <html>, '
            '"format": "html"}, with its canonical_url as original_url and the other keys in "metadata"',
            line=line,
            column=column,
        )
    if isinstance(data, list) and any(isinstance(item, dict) and "body" in item for item in data):
        # Envelopes sent as one list (a batch export): each a reprint, none to pass over unchecked.
        count = sum(isinstance(item, dict) and "body" in item for item in data)
        raise InputError(
            f"a list of {count} envelope{'s' if count != 1 else ''}, not an envelope: send one "
            '{"metadata": {...}, "body": "..."} per file or call',
            line=1,
            column=1,
        )
    if isinstance(data, dict) and "body" not in data:
        _refuse_wrapped(text, data, extra)
    if not isinstance(data, dict) or "body" not in data:
        raise NotAReprintError('not a reprint: expected {"metadata": {...}, "body": "...", "format": "..."}', line=1)
    metadata = data.get("metadata", {})
    if not isinstance(metadata, dict):  # [] and null too: a CMS that lost the metadata sent no reprint unchecked
        line, column = _top_value_place(text, "metadata")
        raise InputError('"metadata" must be an object', line=line, column=column)
    kind = data.get("format")
    if kind is None:  # left out, or null as a CMS writes an unset field: told by the body
        kind = "auto"
    if isinstance(kind, str) and kind.strip().lower() in (*BODY_FORMATS, "auto"):  # "HTML", as a CMS may name it
        kind = kind.strip().lower()
    if kind == "auto":  # none given: HTML when every block is, else Markdown (as --stdin-format auto reads)
        kind = _body_kind(data["body"]) if isinstance(data["body"], str) else "markdown"
    if kind not in BODY_FORMATS:
        line, column = _top_value_place(text, "format")
        said = json.dumps(kind, ensure_ascii=False) if isinstance(kind, str) else json.dumps(kind)  # as JSON has it
        raise InputError(
            f'"format" must be one of {", ".join(BODY_FORMATS)} or auto, not {said}', line=line, column=column
        )
    if not _makes_a_reprint(metadata, meta, extra):
        _metadata_elsewhere(text, data, missing="metadata" not in data)
    if kind == "markdown" and isinstance(data["body"], str):
        _no_front_matter_in_body(text, data["body"], enveloped="metadata" in data)
    if "metadata" not in data and set(data) <= {"body", "format"} and not meta and not extra.get("defaults"):
        # An envelope's keys alone, and no metadata given beside it (--meta, a sidecar, the config): lost.
        raise InputError(
            '"metadata" is missing: the reprint\'s metadata ("metadata": {} for an article of your own, which is '
            "passed over)",
            line=1,
            column=1,
        )
    written = _metadata_keys_at(text)  # each key where the "metadata" object writes it, not first anywhere
    places = {
        key: place
        for key in _placed_keys(metadata, extra.get("key_map"))
        if (place := written.get(key) or _key_place(text, key))[0]
    }
    key_lines = {key: line for key, (line, _) in places.items()}  # type: ignore[misc]
    token = _body_token(text)
    source = JsonString(text, token) if token is not None else None
    try:
        return build(
            data["body"],
            metadata,
            format=kind,
            path=path,
            meta=meta,
            key_lines=key_lines,
            key_columns={key: column for key, (_, column) in places.items()},  # type: ignore[misc]
            bare_urls=bare_urls,
            source=source,
            **extra,
        )
    except InputError as exc:
        raise _at_the_nested_value(exc, text, meta) from None


#: How deep :func:`_wrapped_envelopes` looks for envelopes in an export's object (``{"items": [...]}`` holds
#: them 2 levels down, ``{"data": [{"items": [...]}]}`` 4), and at how many objects and lists in all.
_WRAP_DEPTH = 4
_WRAP_LOOKS = 5000


def _wrapped_envelopes(data: Any) -> list[tuple[tuple[str, ...], dict[str, Any]]]:
    """The envelopes (an object with an object "metadata" and a "body") an export's object holds in a list
    or object of its own (``{"items": [{"metadata": {...}, "body": "..."}]}``), each with where it stands
    (the keys and indices from the top), looked for level by level, :data:`_WRAP_DEPTH` levels deep."""
    from collections import deque

    found: list[tuple[tuple[str, ...], dict[str, Any]]] = []
    queue: deque[tuple[tuple[str, ...], Any]] = deque([((), data)])
    looks = 0
    while queue and looks < _WRAP_LOOKS:
        at, value = queue.popleft()
        looks += 1
        if at and isinstance(value, dict) and isinstance(value.get("metadata"), dict) and "body" in value:
            found.append((at, value))
            continue
        if len(at) >= _WRAP_DEPTH:
            continue
        items = value.items() if isinstance(value, dict) else enumerate(value)
        queue.extend(((*at, str(key)), inner) for key, inner in items if isinstance(inner, (dict, list)))
    return found


def _refuse_wrapped(text: str, data: dict[str, Any], extra: Mapping[str, Any]) -> None:
    """An export's object wrapping envelopes (``{"items": [...]}``), one of whose metadata names a reprint's
    original_url (or policy): an error, as a bare list of envelopes is, never passed over in a walk as
    somebody else's JSON. Wrapped envelopes of the site's own articles are passed over, as each alone is.
    Each is judged by its own metadata only (its keys by the site's names for them): what is given for the
    file (a same-named sidecar meant for ``story.html``, ``--meta``, the config's defaults or an override) is
    no wrapped entry's, and would make a site's data file (``story.json`` beside ``story.html``) an error."""
    found = _wrapped_envelopes(data)
    own = {"key_map": extra.get("key_map")}
    reprints = [(at, envelope) for at, envelope in found if _makes_a_reprint(envelope["metadata"], None, own)]
    if not reprints:
        return
    at, _ = reprints[0]
    start = _value_at(text, list(at))
    line, column = text_position(text, start) if start is not None else (1, 1)
    steps, value = [], data  # the keys (and indices) of the object or list holding it, as written
    for part in at[:-1]:
        steps.append(f"[{part}]" if isinstance(value, list) else json.dumps(part, ensure_ascii=False))
        value = value[int(part)] if isinstance(value, list) else value[part]
    count = len(found)
    raise InputError(
        f"{count} envelope{'s' if count != 1 else ''} wrapped in an object (under {' '.join(steps)}), not an "
        'envelope: the wrapper is not read; export one {"metadata": {...}, "body": "..."} per file or call',
        line=line,
        column=column,
    )


#: The keys that make metadata a reprint's (the rest, a title or an author, any page of the site's has).
_MAKES_A_REPRINT = ("original_url", "policy")


def _makes_a_reprint(metadata: dict[str, Any], meta: Mapping[str, Any] | None, extra: Mapping[str, Any]) -> bool:
    """Whether the reprint's keys are given: in "metadata" (by the site's own name for one, a config's
    ``front-matter``), by ``--meta``, or by the config's defaults."""
    key_map = extra.get("key_map") or {}
    given = [*metadata, *(meta or {}), *(extra.get("defaults") or {})]
    return any(name in _MAKES_A_REPRINT or key_map.get(name) in _MAKES_A_REPRINT for name in given)


def _an_address(value: Any) -> bool:
    """Whether ``value`` is written as a web address ("https://...", "www..."): what an original_url is, and a
    site's own "policy": "public" or "index" is not."""
    return isinstance(value, str) and (value.strip().lower().startswith(("http://", "https://", "//", "www.")))


def _metadata_elsewhere(text: str, data: dict[str, Any], *, missing: bool) -> None:
    """An envelope whose "metadata" makes no reprint (or is ``missing``) but a key that stands for it: a reprint's
    own key beside "body" (a CMS's flat export, ``{"original_url": ..., "body": ...}``), a key misspelt
    ("metdata"), a CMS's own name ("meta", "fields") holding a reprint's keys. Read as the site's own article,
    the reprint would pass unchecked; it is refused at that key instead."""
    from difflib import get_close_matches

    for key, value in data.items():
        if key in ("body", "format", "metadata"):
            continue
        if key == "original_url" and _an_address(value):
            line, column = _key_place(text, key)
            raise InputError(
                f'"{key}" stands beside "body", outside "metadata": put the reprint\'s keys in "metadata" '
                '({"metadata": {...}, "body": "...", "format": "..."})',
                line=line,
                column=column,
            )
        holds = isinstance(value, dict) and _an_address(value.get("original_url"))
        if holds or (missing and get_close_matches(key.lower(), ["metadata"], n=1, cutoff=0.75)):
            line, column = _key_place(text, key)
            what = "holds the reprint's metadata" if holds else "is no key of an envelope"
            do = 'name it "metadata"' if missing else 'put its keys in "metadata"'
            raise InputError(
                f'"{key}" {what}: {do} ({{"metadata": {{...}}, "body": "...", "format": "..."}})',
                line=line,
                column=column,
            )


def _no_front_matter_in_body(text: str, body: str, *, enveloped: bool) -> None:
    """A whole Markdown file sent as the body (a Git-based CMS): refused, as ``check()`` refuses such a body
    (see :func:`declared_front_matter`). With no "metadata" beside it (a site's own data file, say), only when
    its front matter makes it a reprint's (``original_url``, ``policy``)."""
    from .markdown import declared_front_matter

    known = declared_front_matter(body)
    if known and (enveloped or any(key in known for key in _MAKES_A_REPRINT)):
        line, column = _top_value_place(text, "body")
        raise InputError(
            f'"body" starts with front matter ({", ".join(known)}): put its keys in "metadata" and send the body '
            "without it, or check the Markdown file itself",
            line=line,
            column=column,
        )


def _at_the_nested_value(exc: InputError, text: str, meta: Mapping[str, Any] | None) -> InputError:
    """A bad value inside a metadata key's value (a permission's date), told at that value in the file, as
    front matter tells it, not at the key that holds it."""
    from . import nested_place

    parts = nested_place(exc, meta)
    if parts is None:
        return exc
    at = _value_at(text, ["metadata", *parts])
    if at is None:
        return exc
    line, column = text_position(text, at)
    return InputError(exc.message, path=exc.path, line=line, column=column, field=exc.field)


def _top_value_place(text: str, key: str) -> tuple[int | None, int | None]:
    """(line, column) of a top-level key's value, to be corrected there; the key's line if it cannot be found."""
    at = _value_at(text, [key])
    return text_position(text, at) if at is not None else (_key_line(text, key), 1)


def _value_at(text: str, parts: list[str]) -> int | None:
    """Where the value at ``parts`` (object keys and array indices, from the top) starts in ``text``."""
    decoder = json.JSONDecoder()
    at = _SPACE.match(text, 0).end()  # type: ignore[union-attr]
    try:
        for part in parts:
            if text.startswith("{", at):
                at = _SPACE.match(text, at + 1).end()  # type: ignore[union-attr]
                while True:
                    if not text.startswith('"', at):
                        return None
                    key, at = json.decoder.scanstring(text, at + 1)
                    at = _SPACE.match(text, at).end()  # type: ignore[union-attr]
                    at = _SPACE.match(text, at + 1).end()  # type: ignore[union-attr] - past ':'
                    if key == part:
                        break
                    at = _SPACE.match(text, decoder.raw_decode(text, at)[1]).end()  # type: ignore[union-attr]
                    at = _SPACE.match(text, at + 1).end()  # type: ignore[union-attr] - past ','
            elif text.startswith("[", at) and part.isdigit():
                at = _SPACE.match(text, at + 1).end()  # type: ignore[union-attr]
                for _ in range(int(part)):
                    at = _SPACE.match(text, decoder.raw_decode(text, at)[1]).end()  # type: ignore[union-attr]
                    at = _SPACE.match(text, at + 1).end()  # type: ignore[union-attr] - past ','
            else:
                return None
    except (ValueError, RecursionError):
        return None
    return at


_SPACE = re.compile(r"[ \t\n\r]*")


def _body_token(text: str) -> int | None:
    """Where the top-level ``"body"`` string's characters start in ``text`` (after its opening quote)."""
    from json.decoder import scanstring

    decoder = json.JSONDecoder()
    at = _SPACE.match(text, 0).end()  # type: ignore[union-attr]
    if not text.startswith("{", at):
        return None
    at = _SPACE.match(text, at + 1).end()  # type: ignore[union-attr]
    try:
        while text.startswith('"', at):
            key, at = scanstring(text, at + 1)
            at = _SPACE.match(text, at).end()  # type: ignore[union-attr]
            if not text.startswith(":", at):
                return None
            at = _SPACE.match(text, at + 1).end()  # type: ignore[union-attr]
            if key == "body":
                return at + 1 if text.startswith('"', at) else None
            _, at = decoder.raw_decode(text, at)
            at = _SPACE.match(text, at).end()  # type: ignore[union-attr]
            if not text.startswith(",", at):
                return None
            at = _SPACE.match(text, at + 1).end()  # type: ignore[union-attr]
    except (ValueError, RecursionError):
        return None
    return None


#: One escape in a JSON string (it stands for one character of the text, a surrogate pair too), or the
#: quote that ends the string.
_ESCAPE_OR_END = re.compile(r'\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)|"')


class JsonString:
    """Where the characters of a JSON string stand in its file: the body's positions are the file's.

    JSON allows no line break inside a string, so the whole string is on the line where it starts; an
    escape (``\\n``, ``\\u00e9``) is one character of the text and several of the file.
    """

    def __init__(self, text: str, start: int) -> None:
        self.line = text.count("\n", 0, start) + 1
        self.column = start - (text.rfind("\n", 0, start) + 1) + 1
        self._text = text
        self._start = start
        self._table: tuple[list[int], list[int], list[int]] | None = None

    def _escapes(self) -> tuple[list[int], list[int], list[int]]:
        """Each escape's index in the text, its offset in the string as written, and the extra characters
        written up to its end (made on first use: only a file with findings needs it)."""
        if self._table is None:
            decoded: list[int] = []
            raw: list[int] = []
            extras: list[int] = []
            extra = 0
            for match in _ESCAPE_OR_END.finditer(self._text, self._start):
                if match.group(0) == '"':
                    break
                offset = match.start() - self._start
                decoded.append(offset - extra)
                raw.append(offset)
                extra += len(match.group(0)) - 1
                extras.append(extra)
            self._table = (decoded, raw, extras)
        return self._table

    def position(self, index: int) -> tuple[int, int]:
        """(line, column) in the file of the text's character at ``index``."""
        from bisect import bisect_left

        decoded, _, extras = self._escapes()
        before = bisect_left(decoded, index)  # escapes standing for characters before ``index``
        return self.line, self.column + index + (extras[before - 1] if before else 0)

    def offset(self, line: int, column: int) -> int:
        """The text's index of the character at (line, column) of the file (an escape's first character)."""
        from bisect import bisect_right

        decoded, raw, extras = self._escapes()
        written = column - self.column
        at = bisect_right(raw, written) - 1  # the last escape starting at or before it
        if at >= 0 and written < raw[at] + (extras[at] - (extras[at - 1] if at else 0)) + 1:
            return decoded[at]  # inside that escape
        return written - (extras[at] if at >= 0 else 0)


class _NotJson(ValueError):
    def __init__(self, word: str) -> None:
        super().__init__(word)
        self.word = word


def _no_constant(word: str) -> Any:
    """NaN and Infinity, which Python's reader takes and JSON does not have."""
    raise _NotJson(word)


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object whose keys are all different: json.loads keeps the last of two silently, while the file's
    reader (and a finding's line) sees the first."""
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        raise _DuplicateKey(next(key for key, _ in pairs if key in seen or seen.add(key)))  # type: ignore[func-returns-value]
    return data


#: A JSON string (a key, when a colon follows), or a character that opens or closes an object or array.
_TOKEN = re.compile(r'"((?:[^"\\\n]|\\.)*)"\s*(:)?|[{}\[\]]')
#: Where :func:`_top_level_keys` looks next: a quote or a bracket.
_MARK = re.compile(r'["{}\[\]]')


def _wordpress_post(data: Any) -> bool:
    """Whether ``data`` is a post or page as WordPress's REST API gives it: ``content`` an object holding
    its ``rendered`` (or ``raw``) HTML, beside the post's ``id``, ``link`` or ``type``. One whose ``meta``
    names an original_url is a reprint, to be wrapped; any other is the site's own post."""
    if not isinstance(data, dict) or "body" in data:
        return False
    content = data.get("content")
    return (
        isinstance(content, dict)
        and isinstance(content.get("rendered", content.get("raw")), str)
        and any(key in data for key in ("id", "link", "type", "slug"))
    )


def _wordpress_posts(data: Any) -> list[dict[str, Any]]:
    """The posts of a WordPress REST API list (``/wp/v2/posts`` gives an array of them); [] for other JSON."""
    if not isinstance(data, list) or not data or not all(_wordpress_post(post) for post in data[:50]):
        return []
    return [post for post in data if isinstance(post, dict)]


def _refuse_wordpress(text: str, data: Any, posts: list[dict[str, Any]]) -> None:
    """Raise for WordPress REST API posts: an error naming the first republished one (its ``meta`` names an
    original_url or a policy, or its SEO plugin's canonical is a page on another site, as Yoast SEO gives it
    in ``yoast_head_json``), with how to wrap it; else passed over as the site's own posts."""
    for index, post in enumerate(posts):
        said = post.get("meta") if isinstance(post.get("meta"), dict) else {}
        canonical = _canonical_elsewhere(post)
        if not any(said.get(key) for key in ("original_url", "policy")) and canonical is None:
            continue
        if post is data:
            line, column = _key_place(text, "content")
        else:
            at = _value_at(text, [str(index)])
            line, column = text_position(text, at) if at is not None else (1, 1)
        which = "a WordPress REST API post" + (f" (the {_ordinal(index + 1)} in the list)" if post is not data else "")
        original = f"its canonical address {canonical} as original_url" if canonical else "its original_url"
        raise InputError(
            f'{which}, not an envelope: send its "content" as {{"metadata": {{...}}, "body": <content.rendered>, '
            f'"format": "html"}}, with {original} and the other keys in "metadata"',
            line=line,
            column=column,
        )
    many = "a list of WordPress REST API posts" if posts[0] is not data else "a WordPress REST API post"
    unlinked = next((post for post in posts if _canonical_unlinked(post) is not None), None)
    if unlinked is not None:  # its canonical may be another site's: told how to have it checked
        raise NotAReprintError(
            f"{many} whose meta names no original_url, with a canonical address ({_canonical_unlinked(unlinked)}) "
            "but no 'link' to tell it from the post's own (a ?_fields= query that left it out?): read as the "
            "site's own; give its 'link', or send its content as an envelope with its original_url",
            line=1 if posts[0] is not data else _key_line(text, "content"),
        )
    raise NotAReprintError(
        f"{many} whose meta names no original_url, nor a canonical address on another site: read as the site's own",
        line=1 if posts[0] is not data else _key_line(text, "content"),
    )


def _canonical_elsewhere(post: dict[str, Any]) -> str | None:
    """The canonical address an SEO plugin gives a WordPress post (Yoast SEO's ``yoast_head_json.canonical``)
    when it is a page on another site than the post's own ``link``: a republished post, as Ghost marks one.
    One site is one host or one below the other (``news.riverbend.example`` and ``riverbend.example``, ``www.``
    aside) that the Public Suffix List does not tell apart (``lanternbay.github.io`` and ``github.io`` are two);
    two hosts side by side are two sites (``a.wpcomstaging.com`` and ``b.wpcomstaging.com``, two blogs, as are
    ``blog.example.org`` and ``shop.example.org``). None without a ``link`` to tell by."""
    from ..urls import same_site, url_host

    head = post.get("yoast_head_json")
    canonical = head.get("canonical") if isinstance(head, dict) else None
    if not isinstance(canonical, str) or not canonical.strip():
        return None
    link = post.get("link")
    if not isinstance(link, str):  # the post's own address not given (a ?_fields= query): nothing to tell by
        return None
    other = url_host(canonical.strip())
    own = url_host(link)
    if not other or not own:
        return None
    return None if same_site(other, own) else canonical.strip()


def _canonical_unlinked(post: dict[str, Any]) -> str | None:
    """The canonical address an SEO plugin gives a WordPress post that has no ``link`` to tell it by (see
    :func:`_canonical_elsewhere`), else None: also when it names no host (a path, a word), which a ``link``
    would not tell apart either."""
    from ..urls import url_host

    head = post.get("yoast_head_json")
    canonical = head.get("canonical") if isinstance(head, dict) else None
    if isinstance(post.get("link"), str) or not isinstance(canonical, str) or not url_host(canonical.strip()):
        return None
    return canonical.strip()


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def _ghost_posts(data: Any) -> list[dict[str, Any]]:
    """The posts of Ghost's JSON: one post (its ``html`` beside its ``lexical`` or ``mobiledoc`` source, or
    its ``uuid``), the Content or Admin API's ``{"posts": [...]}``, or an export's
    ``{"db": [{"data": {"posts": [...]}}]}``; [] for any other JSON."""
    if not isinstance(data, dict) or "body" in data:
        return []
    if isinstance(data.get("db"), list) and data["db"] and isinstance(data["db"][0], dict):
        data = data["db"][0].get("data")
        if not isinstance(data, dict):
            return []
    listed = data.get("posts") if isinstance(data.get("posts"), list) else data.get("pages")
    posts = listed if isinstance(listed, list) else [data]
    return [
        post
        for post in posts
        if isinstance(post, dict)
        and ("html" in post or "lexical" in post or "mobiledoc" in post)
        and any(key in post for key in ("lexical", "mobiledoc", "uuid", "canonical_url"))
    ]


def _republished_on_ghost(post: dict[str, Any]) -> bool:
    """Whether a Ghost post names another page as its canonical one: how Ghost marks a post republished
    from elsewhere (a canonical URL on the post's own site, or none, is the site's own post)."""
    from ..urls import as_address, host_of

    canonical = post.get("canonical_url")
    if not isinstance(canonical, str) or not canonical.strip():
        return False
    other = host_of(as_address(canonical.strip()))  # a setting typed as into an address bar: www.example.org/a
    if not other:  # a path, or Ghost's own address as an export writes it (__GHOST_URL__/...): the site's own
        return False
    own = post.get("url")
    return not isinstance(own, str) or (host_of(own) or "").lower() != other.lower()


def _ghost_canonical_place(text: str, canonical: str) -> tuple[int | None, int | None]:
    """Where the JSON writes a post's ``canonical_url`` with this value (the first such key, else any)."""
    written = re.compile(r'"canonical_url"\s*:\s*' + re.escape(json.dumps(canonical))[:-1] + r'"')
    found = written.search(text) or re.compile(r'"canonical_url"\s*:\s*"' + re.escape(canonical)).search(text)
    return text_position(text, found.start()) if found is not None else _key_place(text, "canonical_url")


def _top_level_keys(text: str) -> set[str]:
    """The keys of the outermost object of JSON that may be broken (a trailing comma, a comment): an
    envelope's "metadata" and "body" there make it a broken envelope, not somebody else's JSON."""
    keys: set[str] = set()
    depth, at, end = 0, 0, min(len(text), 1 << 20)
    unclosed = -1  # a string left open runs to this line's end: a quote before it opens none that closes
    while (mark := _MARK.search(text, at, end)) is not None:
        at = mark.start()
        char = text[at]
        if char != '"':
            depth += 1 if char in "{[" else -1
        elif at >= unclosed:
            found = _TOKEN.match(text, at, end)
            if found is not None:
                if found.group(2) and depth == 1:
                    keys.add(found.group(1))
                at = found.end()
                continue
            # Each escaped quote after it would scan the same rest of the line again: 60 KB of them took 16 s.
            line_end = text.find("\n", at, end)
            unclosed = end if line_end < 0 else line_end
        at += 1
    return keys


def _is_envelope(text: str) -> bool:
    """Whether JSON that broke a rule of ours (NaN, a key twice) is an envelope at all, read leniently."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return False
    return isinstance(data, dict) and "body" in data


#: A JSON constant Python reads and JSON has not, where a value stands (not inside a string).
_CONSTANT = re.compile(r"[:\[,]\s*(-?(?:NaN|Infinity))")


def _word_place(text: str, word: str) -> int:
    for match in _CONSTANT.finditer(text):
        if match.group(1) == word:
            return match.start(1)
    return -1


def _second_key_place(text: str, key: str) -> tuple[int | None, int | None]:
    """Where ``key`` is written as a key the second time (an estimate: the same key may stand in two objects)."""
    places = [m.start() for m in re.finditer(re.escape(json.dumps(key)) + r"\s*:", text)]
    return text_position(text, places[1]) if len(places) > 1 else (None, None)


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "an array", bool: "true or false", type(None): "null"}.get(type(value), "a number")


#: A number Python will not read (thousands of digits) where JSON puts a value: after ':', '[' or ','. (A
#: run of digits inside a string could still be taken for it: this only picks the place to show.)
_LONG_NUMBER = re.compile(r"[:\[,][ \t\r\n]*(-?\d{4301})")


#: How many of an envelope's other metadata keys are placed (each is looked for in the whole text: a
#: CMS's payload of 100,000 keys took minutes). Ours and the site's mapped keys are always placed.
_PLACED_KEYS = 200


def _placed_keys(metadata: Mapping[str, Any], key_map: Mapping[str, str] | None) -> list[Any]:
    """The metadata keys whose place in the file is looked for: every one a finding may stand at (ours, the
    site's mapped onto ours), and the first :data:`_PLACED_KEYS` others (a misspelt key's warning)."""
    if len(metadata) <= _PLACED_KEYS:
        return list(metadata)
    wanted = READ_KEYS | set(key_map or ())
    others = [key for key in metadata if key not in wanted][:_PLACED_KEYS]
    return [key for key in metadata if key in wanted] + others


def _body_kind(body: str) -> str:
    """What an envelope's body is without a ``format`` (or with ``"auto"``): HTML when every block of it is an
    HTML block (a CMS's rendered post, pretty-printed or not), else Markdown. Read as Markdown, a pretty-printed
    HTML body's indented lines would be code, and a credit there "not visible"."""
    from ..runner import stdin_kind

    kind = stdin_kind(body.encode("utf-8", "surrogatepass"))
    return kind if kind == "html" else "markdown"


def _metadata_keys_at(text: str) -> dict[str, tuple[int, int]]:
    """Line and column of each key of the top-level "metadata" object, as it writes them: a key of the same
    name elsewhere (a CMS's own "cms": {"sponsored": ...} before it, an "original_url" in a permission
    record) is not the metadata's. Empty when the object cannot be read so (the caller looks for the key)."""
    start = _value_at(text, ["metadata"])
    if start is None or not text.startswith("{", start):
        return {}
    decoder = json.JSONDecoder()
    places: dict[str, tuple[int, int]] = {}
    at = _SPACE.match(text, start + 1).end()  # type: ignore[union-attr]
    line, counted, line_start = text_position(text, at)[0], at, text.rfind("\n", 0, at) + 1
    try:
        while text.startswith('"', at):
            key, after = json.decoder.scanstring(text, at + 1)
            breaks = text.count("\n", counted, at)  # counted on from the last key: 100,000 keys, one pass
            if breaks:
                line, line_start = line + breaks, text.rfind("\n", counted, at) + 1
            counted = at
            places.setdefault(key, (line, at - line_start + 1))
            at = _SPACE.match(text, after).end()  # type: ignore[union-attr] - at ':'
            at = _SPACE.match(text, at + 1).end()  # type: ignore[union-attr]
            at = _SPACE.match(text, decoder.raw_decode(text, at)[1]).end()  # type: ignore[union-attr]
            if not text.startswith(",", at):
                break
            at = _SPACE.match(text, at + 1).end()  # type: ignore[union-attr]
    except (ValueError, RecursionError):
        return places
    return places


def _key_place(text: str, key: str) -> tuple[int | None, int | None]:
    """Line and column where ``key`` is written (as a key, else anywhere), or None and None."""
    index = text.find(json.dumps(key) + ":")
    if index < 0:
        index = text.find(json.dumps(key))
    if index < 0:
        return None, None
    return text_position(text, index)


def _key_line(text: str, key: str) -> int | None:
    return _key_place(text, key)[0]
