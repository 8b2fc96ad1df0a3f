"""Markdown with YAML (``---``) or TOML (``+++``) front matter."""

from __future__ import annotations

import re
import textwrap
from functools import lru_cache

import pyromark

from ..errors import InputError
from ..limits import MAX_YAML_CHARS, MAX_YAML_DEPTH
from ..metaview import DECLARED, READ_KEYS
from ..safeyaml import as_metadata, not_a_calendar_date, too_long_number
from ..safeyaml import load as load_yaml
from ..visible import CAPTION_CLASS

_OPTIONS = (
    pyromark.Options.ENABLE_TABLES
    | pyromark.Options.ENABLE_STRIKETHROUGH
    | pyromark.Options.ENABLE_FOOTNOTES
    | pyromark.Options.ENABLE_TASKLISTS
)


def render(body: str) -> str:
    """CommonMark + GFM tables, strikethrough, footnotes; raw HTML passed through as a browser sees it."""
    return pyromark.html(body, options=_OPTIONS)


#: A paragraph that opens with a picture and goes on, on the next line, in emphasis to its end: how Markdown
#: writes a caption (``![Docks](d.jpg)`` then ``*Lee Park © 2025*``). The emphasis may hold a link, not
#: another paragraph or emphasis.
_CAPTION_LINE = re.compile(r"<p>(<img [^<>]*>)\n<(em|i)>((?:[^<]|<(?!/?(?:p|em|i)[\s>/]))*)</\2></p>")


def mark_captions(html: str) -> str:
    """Rendered Markdown with each picture's caption line marked as a caption, as a ``<figcaption>`` is: what
    it says ("Lee Park © 2025", "Photo: Reuters") is its picture's, not the article's."""
    if "<p><img " not in html:
        return html
    return _CAPTION_LINE.sub(rf'<p>\1\n<\2 class="{CAPTION_CLASS}">\3</\2></p>', html)


#: What an inline tag left out becomes: a zero-width space, which no Markdown syntax starts with (a line
#: "<b>1.</b> Foo" stays a paragraph, not a list) and which text comparison drops.
_LEFT_OUT = "\u200b".encode()


#: A tag's name after its "<" (and "/" for an end tag), and a start tag's saying its content is Markdown
#: (kramdown's ``markdown="1"``, also "block" or "span").
_TAG_NAME_AT = re.compile(r"(/?)([A-Za-z][A-Za-z0-9-]*)")
_MARKED = re.compile(r"""\smarkdown\s*=\s*(["']?)(?:1|block|span)\1(?=[\s/>])""", re.IGNORECASE)
#: Elements that have no end tag.
_VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source"])
#: A tag longer than this is read as none (its attributes would be read over and over by a page of "<").
_LONGEST_TAG = 2000


def markdown_in_html_blocks(markdown: str) -> str:
    """``markdown`` with the content of each HTML block whose start tag says ``markdown="1"`` set apart by
    blank lines, so that CommonMark reads it as Markdown, as kramdown (Jekyll's renderer) does: its HTML
    block then ends at the start tag, and the end tag makes one of its own. Only a tag that starts its
    line is a block's (inside a paragraph, Markdown is read around an inline tag anyway); its end tag is
    the one that closes it, elements of its name inside counted; one never closed is left as it is.

    One pass over the "<"s, with a stack: linear however many tags there are, nested or left open.
    Character positions are not kept: the text is what is rendered, and findings are placed in the source
    by what they found."""
    stack: list[tuple[str, int | None]] = []  # (name, where a marked element's content starts)
    open_names: dict[str, int] = {}
    cuts: list[int] = []
    at, close = markdown.find("<"), -1
    while at >= 0:
        if close < at:
            close = markdown.find(">", at)
            if close < 0:
                break
        named = _TAG_NAME_AT.match(markdown, at + 1) if close - at <= _LONGEST_TAG else None
        if named is not None:
            ending, name = named.group(1), named.group(2).lower()
            if not ending and name not in _VOID and markdown[close - 1] != "/":
                line_start = markdown.rfind("\n", 0, at) + 1
                marked = (
                    at - line_start <= 3
                    and not markdown[line_start:at].strip(" ")
                    and _MARKED.search(markdown, named.end(), close + 1) is not None
                )
                stack.append((name, close + 1 if marked else None))
                open_names[name] = open_names.get(name, 0) + 1
            elif ending and open_names.get(name):
                while stack:  # elements left open inside it end with it
                    inner, content = stack.pop()
                    open_names[inner] -= 1
                    if inner == name:
                        if content is not None:
                            cuts += [content, at]
                        break
        at = markdown.find("<", at + 1)
    if not cuts:
        return markdown
    cuts.sort()
    out, done = [], 0
    for cut in cuts:
        out += [markdown[done:cut], "\n\n"]
        done = cut
    out.append(markdown[done:])
    return "".join(out)


def without_raw_html(body: str) -> str:
    """``body`` without its raw HTML (blocks and inline tags, comments too), its line breaks kept: what a
    renderer that omits raw HTML shows (Hugo's default, goldmark without ``unsafe``).

    The renderer decides the block structure first and then leaves the HTML out, so an inline tag is
    replaced by a zero-width space (deleted, "<b>1.</b> Foo" would start a list; made spaces, a paragraph
    starting with a tag would become indented code). An HTML block goes whole, its line breaks kept.
    """
    ranges = []
    for event, where in pyromark.events_with_range(body, options=_OPTIONS):
        if isinstance(event, dict) and ("Html" in event or "InlineHtml" in event):
            ranges.append((where["start"], where["end"], "InlineHtml" in event))
    if not ranges:
        return body
    data = body.encode("utf-8")
    out = []
    last = 0
    for start, end, inline in ranges:
        breaks = bytes(b for b in data[start:end] if b in b"\r\n")
        out += (data[last:start], _LEFT_OUT + breaks if inline else breaks)
        last = end
    out.append(data[last:])
    return b"".join(out).decode("utf-8")


def indented_code_spans(body: str) -> list[tuple[int, int]]:
    """Where ``body``'s indented code blocks stand (character offsets): code, whose text is no article text.
    A parse into events costs several times the rendering, so it is asked only while placing a finding, of a
    body with an indented line."""
    found = [
        (where["start"], where["end"])
        for event, where in pyromark.events_with_range(body, options=_OPTIONS)
        if isinstance(event, dict) and event.get("Start") == {"CodeBlock": "Indented"}
    ]
    if not found or body.isascii():
        return found
    data = body.encode("utf-8")  # the parser counts bytes: each offset told in characters, in one pass
    offsets = sorted({offset for span in found for offset in span})
    chars, done, counted = {}, 0, 0
    for offset in offsets:
        counted += len(data[done:offset].decode("utf-8", "replace"))
        chars[offset], done = counted, offset
    return [(chars[start], chars[end]) for start, end in found]


def written_as_linked(body: str, url: str) -> bool:
    """Whether a bare URL stands in the Markdown's own text somewhere, where GFM and Hugo link it, and not
    only in a raw HTML block (passed through as written: a URL or a ``[text](url)`` there stays text).

    Only the blocks (blank lines apart) that hold the URL are parsed, dedented as their list or quote would
    read them, not the whole body (a parse into Python objects costs several times the rendering). A URL
    written otherwise than it reads (an entity, an escape) is taken as linked, as before this look.
    """
    blocks = _blocks(body)
    holding = [index for index, chunk in enumerate(blocks.chunks) if url in chunk]
    if not holding:
        return True
    return any(url in blocks.text(index) for index in holding)


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


class _Blocks:
    """A body's blocks (blank lines apart), split once, and the text each reads as, parsed once: for all the
    bare URLs of one body (8,000 in one raw HTML block split and parsed it 8,000 times: seconds)."""

    __slots__ = ("chunks", "texts")

    def __init__(self, body: str) -> None:
        self.chunks = _BLANK_LINE.split(body)
        self.texts: dict[int, str] = {}

    def text(self, index: int) -> str:
        text = self.texts.get(index)
        if text is None:
            events = pyromark.events(textwrap.dedent(self.chunks[index]), options=_OPTIONS)
            text = self.texts[index] = "".join(e["Text"] for e in events if isinstance(e, dict) and "Text" in e)
        return text


@lru_cache(maxsize=4)
def _blocks(body: str) -> _Blocks:
    return _Blocks(body)


def html_ranges(body: str) -> list[tuple[int, int]]:
    """Where the Markdown's raw HTML lies (blocks and inline), as UTF-8 byte ranges.

    Only there is ``<!-- ... -->`` a comment: in code, after a backslash or in
    a link's title it is text a reader sees.
    """
    ranges = []
    for event, where in pyromark.events_with_range(body, options=_OPTIONS):
        if isinstance(event, dict) and ("Html" in event or "InlineHtml" in event):
            ranges.append((where["start"], where["end"]))
    return ranges


#: A run of digits longer than Python reads as one integer: where to point when one is refused.
_LONG_NUMBER = re.compile(r"\d{4301,}")
_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
#: A key's value that looks like a TOML date or date-time (a year, a month and a day).
_TOML_DATE = re.compile(
    r"=\s*((\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?)?)(?=[Tt ]|\s|$|#|,|\]|\})"
)
#: A TOML key before its ``=`` (bare, quoted or dotted), and a table's or an array of tables' header.
_TOML_KEY = re.compile(
    r"""\s*((?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*'))*)\s*="""
)
_TOML_HEADER = re.compile(r"""\s*(\[\[?)\s*([^\]\n]+?)\s*\]""")


def _toml_dotted(text: str) -> str:
    """A TOML key as metadata errors name it: its parts joined by dots, each unquoted."""
    parts = re.findall(r"""[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*'""", text)
    return ".".join(part[1:-1] if part[:1] in "\"'" else part for part in parts)


def _toml_key_at(raw: str, line: int, equals: int) -> str | None:
    """The dotted place of the key on ``line`` of TOML whose ``=`` is at ``equals`` (``published``,
    ``permissions.0.date``), from the tables opened above it; None when none is (an inline table's key)."""
    lines = raw.split("\n")
    key = _TOML_KEY.match(lines[line - 1])
    if key is None or key.end() != equals + 1:
        return None
    table: list[str] = []
    counts: dict[str, int] = {}
    for above in lines[: line - 1]:
        header = _TOML_HEADER.match(above)
        if header is None or above.lstrip()[:1] != "[":
            continue
        name = _toml_dotted(header.group(2))
        if header.group(1) == "[[":
            counts[name] = counts.get(name, -1) + 1
            table = [name, str(counts[name])]
        else:
            table = [name]
    return ".".join([*table, _toml_dotted(key.group(1))])


def _bad_toml_date(raw: str, line: int) -> InputError | None:
    """The error for a date on ``line`` of TOML that is no date (``2026-13-01``), which tomllib reads as far as
    the year and then calls a missing line end: told as YAML's and a quoted date's are, by its key, at it."""
    text = raw.split("\n")[line - 1] if 0 < line <= raw.count("\n") + 1 else ""
    found = _TOML_DATE.search(text)
    if found is None:
        return None
    calendar = not_a_calendar_date(found.group(1))
    if calendar is None:
        return None
    dotted = _toml_key_at(raw, line, found.start())
    said = f"'{found.group(1)}' {calendar}"
    said = said if dotted is None else f"metadata '{dotted}': {said}"
    return InputError(said, line=line + 1, column=found.start(1) + 1, field=dotted)


class FrontMatter:
    __slots__ = ("body", "body_line", "data", "key_columns", "key_lines")

    def __init__(
        self,
        data: dict,
        key_lines: dict[str, int],
        body: str,
        body_line: int,
        key_columns: dict[str, int] | None = None,
    ) -> None:
        self.data = data
        self.key_lines = key_lines
        self.body = body
        self.body_line = body_line
        #: Where a key stands in its line, when not at its start (an indented TOML key, a JSON object's).
        self.key_columns = key_columns


def split_front_matter(text: str) -> FrontMatter:
    """Separate front matter from the body; line numbers stay those of the file."""
    if (text[:3] in ("---", "+++") or text[:1] == "{") and "\n" not in text and "\r" in text:
        text = text.replace("\r", "\n")  # classic Mac OS line ends: lines as an editor counts them
    if text[:1] == "{":
        return _json_front_matter(text)
    first, sep, rest = text.partition("\n")
    fence = first.rstrip()
    if not sep or fence not in ("---", "+++"):
        if text[:1] in _BEFORE_FENCE:
            _front_matter_too_late(text)
        return FrontMatter({}, {}, text, 1)
    closers = ("---", "...") if fence == "---" else ("+++",)
    offset = 0
    line_no = 1
    while True:
        end = rest.find("\n", offset)
        line = rest[offset:] if end < 0 else rest[offset:end]
        line_no += 1
        if line.rstrip() in closers:
            raw = rest[:offset]
            body = "" if end < 0 else rest[end + 1 :]
            break
        if end < 0:
            raise InputError(f"front matter opened with '{fence}' on line 1 is never closed", line=1, column=1)
        offset = end + 1
    if fence == "---":
        try:
            loaded = load_yaml(raw, flat=True, keys=READ_KEYS) if raw.strip() else None
        except InputError as exc:
            raise _as_template(as_metadata(exc.at(line_offset=1)), raw) from None
        data = loaded.data if loaded else None
        key_lines = {k: v + 1 for k, v in loaded.key_lines.items()} if loaded else {}
        # A top-level YAML key starts its line; one under params: is placed at its own column, one line lower.
        key_columns = dict(loaded.key_columns) if loaded and loaded.key_columns else None
    else:
        import tomllib

        if len(raw) > MAX_YAML_CHARS:
            raise InputError(f"TOML front matter larger than the {MAX_YAML_CHARS // 1024} KiB limit", line=2, column=1)
        dotted = deep_dotted_key(raw) if raw.count(".") > MAX_YAML_DEPTH else None
        if dotted is not None:
            from . import text_position

            line, column = text_position(raw, dotted, first_line=2)
            said = f"TOML front matter nested deeper than {MAX_YAML_DEPTH} levels (a dotted key of more parts)"
            raise InputError(said, line=line, column=column)
        from . import InfiniteNumber, finite_float

        try:
            data = tomllib.loads(raw, parse_float=finite_float)
        except InfiniteNumber as exc:  # 1e400: at the number
            from . import number_place, text_position

            index = number_place(raw, exc.literal)
            line, column = text_position(raw, index, first_line=2) if index >= 0 else (2, 1)
            raise _as_template(InputError(f"invalid TOML front matter: {exc}", line=line, column=column), raw) from None
        except RecursionError:  # arrays in arrays, a thousand deep: told where, as YAML's depth is
            from . import deepest_place, text_position

            deep = deepest_place(raw, MAX_YAML_DEPTH + 1)
            line, column = text_position(raw, deep, first_line=2) if deep >= 0 else (2, 1)
            said = f"TOML front matter nested deeper than {MAX_YAML_DEPTH} levels"
            raise InputError(said, line=line, column=column) from None
        except tomllib.TOMLDecodeError as exc:
            where = _TOML_AT.search(str(exc))
            message = _TOML_AT.sub("", str(exc)).strip()
            date = _bad_toml_date(raw, int(where.group(1))) if where else None
            if date is not None:  # "2026-13-01": read as far as 2026, then told as a statement's end
                if date.field is None:  # in an array: no key names it
                    date = InputError(f"invalid TOML front matter: {date.message}", line=date.line, column=date.column)
                raise _as_template(date, raw) from None
            if not where and message.endswith("(at end of document)"):  # a value left open: at the closing fence
                raise _as_template(
                    InputError(
                        f"invalid TOML front matter: {message.removesuffix('(at end of document)').strip()} where "
                        f"the front matter ends: a value left open (an array, a string, a table) runs to '{fence}'",
                        line=line_no,
                        column=1,
                    ),
                    raw,
                ) from None
            if where:
                raise _as_template(
                    InputError(
                        f"invalid TOML front matter: {message}",
                        line=int(where.group(1)) + 1,
                        column=int(where.group(2)),
                    ),
                    raw,
                ) from None
            raise _as_template(InputError(f"invalid TOML front matter: {message}"), raw) from None
        except ValueError as exc:  # an integer of thousands of digits, which Python will not read
            message = too_long_number(exc) or str(exc)
            digits = _LONG_NUMBER.search(raw)
            line = raw.count("\n", 0, digits.start()) + 2 if digits else None
            column = digits.start() - (raw.rfind("\n", 0, digits.start()) + 1) + 1 if digits else None
            raise InputError(f"invalid TOML front matter: {message}", line=line, column=column) from None
        key_lines, key_columns = _toml_key_places(raw)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError("front matter must be a mapping of keys to values", line=2, column=1)
    return FrontMatter(data, key_lines, body, line_no + 1, key_columns)


#: What may stand before a front matter's fence by mistake: white space, a second byte order mark (an editor
#: that added one to a file that had one), a zero-width space pasted in.
_BEFORE_FENCE = frozenset(" \t\r\n\ufeff\u200b\u2060")
#: A fence, then a first line that reads as a key of YAML (``title:``) or TOML (``title =``).
_LATE_FRONT_MATTER = re.compile(r"(---|\+\+\+)[ \t]*\r?\n[ \t]*[\"']?[A-Za-z_][\w.-]*[\"']?[ \t]*[:=]")


def _front_matter_too_late(text: str) -> None:
    """Refuse front matter that does not start the file: a blank line, spaces, a second byte order mark or a
    zero-width space before its fence. Hugo and Jekyll would not read it either (the page would show it as
    text), and read as no front matter, a reprint would pass as no reprint, unchecked."""
    start = 0
    while start < len(text) and text[start] in _BEFORE_FENCE:
        start += 1
    if not _LATE_FRONT_MATTER.match(text, start):
        return
    fence = text[start : start + 3]
    if text.find(f"\n{fence}", start + 3) < 0:
        return  # never closed: a thematic break and a line of text, not front matter
    before = text[:start]
    what = (
        "a second byte order mark"
        if "\ufeff" in before
        else "a zero-width character"
        if "\u200b" in before or "\u2060" in before
        else "a blank line"
        if "\n" in before
        else "white space"
    )
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    raise InputError(
        f"front matter must start on the file's first line, but {what} comes before its '{fence}' "
        "(a site generator would not read it either): remove what stands before it",
        line=line,
        column=column,
    )


def _as_template(exc: InputError, raw: str) -> InputError:
    """Front matter that does not parse and holds Go template actions (``{{ .Date }}``) is a site generator's
    template (a Hugo archetype or layout), no article: the error says so, and how to leave its folder out."""
    if "{{" in raw:
        exc.message += (
            "; it holds a template's {{ }}: a site generator's template (a Hugo archetype) is no article: "
            "leave its folder out with the config's exclude, as reprint-guard init does"
        )
    return exc


def _json_front_matter(text: str) -> FrontMatter:
    """Hugo's JSON front matter: an object at the very start of the file, the body after its closing line.

    A ``{`` alone on the first line opens one (a broken one is an error); any other opening brace (a
    Liquid ``{% include %}``) is front matter only when it is a whole JSON object.
    """
    import json

    opens = text.partition("\n")[0].strip() == "{"
    twice: list[list[str]] = []  # per object, innermost first (the hook's order): the keys it sets twice

    def pairs_once(pairs: list[tuple[str, object]]) -> dict:
        data = dict(pairs)
        repeated: list[str] = []
        if len(data) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    repeated.append(key)
                seen.add(key)
        twice.append(repeated)
        return data

    try:
        from . import finite_float

        decoder = json.JSONDecoder(object_pairs_hook=pairs_once, parse_float=finite_float)
        data, end = decoder.raw_decode(text[: MAX_YAML_CHARS + 1])
    except json.JSONDecodeError as exc:
        if not opens:
            return FrontMatter({}, {}, text, 1)
        if exc.pos >= MAX_YAML_CHARS:
            raise InputError(f"JSON front matter larger than the {MAX_YAML_CHARS // 1024} KiB limit", line=1) from None
        from . import json_problem

        said, line, column = json_problem(exc)
        raise InputError(f"invalid JSON front matter: {said}", line=line, column=column) from None
    except (ValueError, RecursionError) as exc:
        from . import InfiniteNumber, number_place, text_position

        if isinstance(exc, InfiniteNumber):  # at the number
            index = number_place(text, exc.literal)
            line, column = text_position(text, index) if index >= 0 else (1, None)
            raise InputError(f"invalid JSON front matter: {exc}", line=line, column=column) from None
        raise InputError(f"invalid JSON front matter: {too_long_number(exc) or exc}", line=1) from None
    if not isinstance(data, dict):
        return FrontMatter({}, {}, text, 1)
    if "\\u" in text[:end]:  # only a \u escape makes half a surrogate pair: U+FFFD, as in an envelope
        from . import without_surrogates

        data = without_surrogates(data)
    line_end = text.find("\n", end)
    if text[end : line_end if line_end >= 0 else len(text)].strip():
        return FrontMatter({}, {}, text, 1)  # more on the closing brace's line: not front matter
    raw = text[:end]
    ours = [key for key in twice[-1] if key in READ_KEYS]  # the top object's own: nested ones are the site's
    keys = _top_keys(raw)
    if ours:  # json keeps the last of two, while a finding would cite the first
        places = keys.get(ours[0], [])
        index = places[1] if len(places) > 1 else 0
        line, column = raw.count("\n", 0, index) + 1, index - (raw.rfind("\n", 0, index) + 1) + 1
        raise InputError(f"front matter sets {ours[0]!r} twice", line=line, column=column)
    key_lines = {key: raw.count("\n", 0, places[0]) + 1 for key, places in keys.items()}
    key_columns = {key: places[0] - (raw.rfind("\n", 0, places[0]) + 1) + 1 for key, places in keys.items()}
    body = "" if line_end < 0 else text[line_end + 1 :]
    return FrontMatter(data, key_lines, body, raw.count("\n") + 2, key_columns)


#: A JSON object's member opening a line (``"title": ...``): what JSON front matter's second line holds.
_JSON_MEMBER = re.compile(r'[ \t]*"(?:[^"\\\n]|\\.)*"[ \t]*:')
_KEY_WRITTEN = re.compile(r"[ \t]*'?([A-Za-z_][A-Za-z0-9_.-]*)'?[ \t]*:")


def json_front_matter_begun(text: str) -> bool:
    """Whether ``text``, opening with a ``{`` that does not parse as a JSON object, is still JSON front matter
    written wrong: the first line with anything on it after the opening one is a member (``"title": ...``),
    so an HTML page's broken front matter is told, not read as the page; an HTML page opening with a stray
    ``{`` (``<p>...</p>`` next) is the page."""
    for line in text.split("\n", 64)[1:64]:
        if line.strip():
            if _JSON_MEMBER.match(line):
                return True
            key = _KEY_WRITTEN.match(line)  # a key of ours unquoted or in single quotes ('title': ..., title: ...)
            return key is not None and key.group(1) in READ_KEYS
    return False


def _top_keys(raw: str) -> dict[str, list[int]]:
    """Where each key of the outermost object is written (not a key of an object nested in it, nor a
    string value), in one pass: a Hugo page's front matter may hold many keys."""
    import json

    places: dict[str, list[int]] = {}
    depth, index, size = 0, 0, len(raw)
    key = None  # the outermost object's key last read
    table = None  # Hugo's params object, whose keys are placed too ("params.KEY"), as YAML's and TOML's are
    while index < size:
        char = raw[index]
        if char == '"':
            start = index
            index += 1
            while index < size and raw[index] != '"':
                index += 2 if raw[index] == "\\" else 1
            if depth in (1, 2) and _COLON.match(raw, index + 1):
                name = json.loads(raw[start : index + 1])  # it parsed whole already
                if depth == 1:
                    key = name
                    places.setdefault(name, []).append(start)
                elif table is not None:
                    places.setdefault(f"{table}.{name}", []).append(start)
        elif char in "{[":
            depth += 1
            if depth == 2 and char == "{" and isinstance(key, str) and key.lower() == "params":
                table = key
        elif char in "}]":
            depth -= 1
            if depth < 2:
                table = None
        index += 1
    return places


_COLON = re.compile(r"\s*:")


def _toml_key_places(raw: str) -> tuple[dict[str, int], dict[str, int]]:
    """The line and column of each top-level key of TOML front matter (starting on the file's line 2).

    TOML gives indentation no meaning: a key is top-level when it comes before the first table header
    (``[params]``), however it is indented; every key after one belongs to that table.
    """
    lines: dict[str, int] = {}
    columns: dict[str, int] = {}
    in_table = False
    table = ""  # the table the keys stand in: "params" (Hugo's place for a page's own fields) is placed too
    closing = ""  # the delimiter a multi-line string still open waits for
    depth = 0  # how deep a multi-line array (or inline table) value is still open
    for number, line in enumerate(raw.splitlines(), start=2):
        if closing:  # inside a multi-line string: no key here
            if line.count(closing) % 2:
                closing = ""
            continue
        stripped = line.lstrip(" \t")
        if depth:  # inside a multi-line array: its lines are values
            depth = max(depth + _brackets(stripped), 0)
            continue
        if stripped.startswith("["):  # a table header: the keys after it are the table's; it stands for its name
            in_table = True
            name = stripped.lstrip("[").partition("]")[0].partition(".")[0].strip().strip("\"'")
            whole = stripped.lstrip("[").partition("]")[0].strip()
            table = whole if whole.lower() == "params" and not stripped.startswith("[[") else ""
        elif stripped.startswith("#") or "=" not in stripped:
            continue
        else:
            key, _, value = stripped.partition("=")
            name = "" if in_table else key.strip().strip("\"'")
            if table and "." not in key.strip():  # a key of [params], as "params.KEY"
                name = f"{table}.{key.strip().strip(chr(34) + chr(39))}"
            for delimiter in ('"""', "'''"):
                if value.count(delimiter) % 2:
                    closing = delimiter  # a multi-line string opens here
            if not closing:
                depth = max(_brackets(value), 0)
        if name and name not in lines:
            lines[name] = number
            columns[name] = len(line) - len(stripped) + 1
    return lines, columns


_TOML_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'')


#: A part of a dotted key: bare, or quoted (``"c d"``, ``'e'``).
_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
#: A key or a table's header with its dotted parts (``a.b."c d"``).
_DOTTED_KEY = re.compile(rf"{_KEY_PART}(?:[ \t]*\.[ \t]*{_KEY_PART})*")
_DOTTED_PARTS = re.compile(_KEY_PART)


#: TOML's comments and multi-line strings (blanked before keys are read), and its one-line strings (kept: a key's
#: part may be quoted, and a "#" in one starts no comment).
_TOML_NOT_KEYS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*')


def _blanked(found: re.Match[str]) -> str:
    """A comment or a multi-line string as spaces, its line breaks kept (places stay where they were); a
    one-line string as it is."""
    text = found.group(0)
    if text.startswith(("#", '"""', "'''")):
        return re.sub(r"[^\n]", " ", text)
    return text


def deep_dotted_key(raw: str) -> int | None:
    """Where a dotted key of more parts than the nesting limit starts (``a.a.a...`` of 50,000 parts, in a key or
    a table's header): each part is a table, and tomllib builds them with no limit, which takes minutes and all
    memory where brackets nested as deep are refused; None when there is none."""
    raw = _TOML_NOT_KEYS.sub(_blanked, raw)  # a comment's or a multi-line string's dots are no key's
    for found in _DOTTED_KEY.finditer(raw):
        key = found.group(0)
        if key.count(".") >= MAX_YAML_DEPTH and len(_DOTTED_PARTS.findall(key)) > MAX_YAML_DEPTH:
            return found.start()
    return None


def _brackets(value: str) -> int:
    """How many more brackets and braces a line of TOML opens than it closes (outside strings and comments)."""
    bare = _TOML_STRING.sub("", value).partition("#")[0]
    return bare.count("[") + bare.count("{") - bare.count("]") - bare.count("}")


def declared_front_matter(body: str) -> list[str]:
    """The keys of a reprint's (:data:`DECLARED`) that front matter opening ``body`` sets, sorted; [] when it
    opens with none (or with a thematic break, or front matter that does not read). A whole document passed
    where its body belongs would have them read as article text (a credit or an address in them would count)
    and not as metadata: the callers refuse it."""
    if body[:3] not in ("---", "+++") or "\n" not in body:
        return []
    from ..errors import ReprintGuardError

    try:
        front = split_front_matter(body)
    except ReprintGuardError:
        return []  # no front matter that reads: the body's own text
    if front.body_line <= 1 or not isinstance(front.data, dict):
        return []
    return sorted(key for key in front.data if key in DECLARED)
