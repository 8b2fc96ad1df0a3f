"""Credit blocks and a safe ``--fix``: insert what is missing, never remove or reorder anything.

A fix is planned, applied to a copy of the text, and re-checked: only if every
finding it meant to fix is gone is the file written (atomically). When the credit
needs a value that is missing (no author), the parts that do not need it are
inserted and the rules left waiting for it are reported; when no part can be
made, or the insertion would not satisfy a rule, the file is left byte-for-byte
untouched.
"""

from __future__ import annotations

import difflib
import errno
import itertools
import os
import re
import tempfile
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape, unescape
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from .checks.base import (
    CREDIT_ELSEWHERE,
    CREDIT_IN_SCRIPTS,
    CREDIT_WORDS,
    PLACEHOLDER,
    THERE_BUT_ELSEWHERE,
    THERE_BUT_WRONG,
    credit_link,
    publisher_names,
    render,
    template_values,
)
from .errors import signals_held
from .inserts import CONTROLS as _CONTROLS
from .inserts import escaped as _escaped
from .inserts import filled_insert
from .policy.model import Policy, credits_another
from .report import Finding
from .reprint import NAME_SPACE, Reprint, line_around, link_words

#: Check types whose findings an inserted block can fix.
INSERTABLE = frozenset({"attribution", "link", "license", "element"})
#: Derived template values, and the metadata a user sets to provide them.
_USER_KEYS = {
    "holder": "author (or copyright_holder)",
    "year": "original_published",
    "license_name": "license",
    "license_url": "license",
}


def _keys_named(keys: list[str], reprint: Reprint) -> str:
    """Metadata keys as the site writes them (the config's ``front-matter`` names), for a message."""
    text = ", ".join(keys)
    names = reprint.key_names
    if not names:
        return text
    pattern = "|".join(re.escape(ours) for ours in sorted(names, key=len, reverse=True))
    return re.sub(rf"(?<![\w-])(?:{pattern})(?![\w-])", lambda m: names[m.group(0)], text)  # one pass: no chain


class CreditError(ValueError):
    """The credit block cannot be built: the policy has none, or metadata it needs is missing (``field``: the
    first such key, for a CMS's form to point at)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def credit_block(policy: Policy, reprint: Reprint, format: str = "markdown") -> str:
    """The exact attribution block ``policy`` wants for this reprint."""
    if policy.credit is None:
        raise CreditError(f"policy {policy.id!r} has no credit template")
    template, html = _credit_template(policy, format)
    values = template_values(reprint, policy, placeholders=False)
    missing = sorted({_USER_KEYS.get(m, m) for m in PLACEHOLDER.findall(template) if m not in values})
    if missing:
        raise CreditError(
            f"the credit needs metadata that is not set: {_keys_named(missing, reprint)}",
            field=_keys_named([missing[0].split(" (")[0]], reprint),  # "author (or copyright_holder)": author
        )
    wrong = _non_web_link(template, values)
    if wrong is not None:
        raise CreditError(wrong[1], field=wrong[0])
    return _on_paper(_in_format(_filled(template, values, html), format, html), reprint)


#: An HTML link, its address and its words (a Markdown one is the engine's to write out: :func:`as_written_out`).
_HTML_LINK = re.compile(r"<a\s[^>]*?href\s*=\s*[\"']([^\"']+)[\"'][^>]*>(.*?)</a\s*>", re.IGNORECASE | re.DOTALL)


def _on_paper(block: str, reprint: Reprint) -> str:
    """``block`` as a printed page or a script read on air must give it (``medium`` print or broadcast): on
    paper each link's address written out after its words ("Global Research (https://...)"), as the engine
    writes a fix text's, since paper shows a hyperlink's words alone; on air the words alone."""
    medium = reprint.metadata.medium
    if medium not in ("print", "broadcast"):
        return block
    from .engine import as_spoken, as_written_out

    if medium == "broadcast":  # said on air: the words, no address a listener would hear read out
        return _HTML_LINK.sub(lambda m: m.group(2), as_spoken(block))
    block = as_written_out(block)
    return _HTML_LINK.sub(lambda m: m.group(1) if m.group(2) == m.group(1) else f"{m.group(2)} ({m.group(1)})", block)


#: A placeholder standing as an address in a credit template: a Markdown link's destination (``](<{x}>)``,
#: a title after it), an autolink (``<{x}>``), a reference definition (``]: {x}``), an ``href`` or ``src``.
_LINKED_PLACEHOLDER = re.compile(
    r"(?:\]\(\s*<?|<|\]:\s*<?|\b(?:href|src|action|formaction)\s*=\s*[\"']?\s*)\{(\w+)\}", re.IGNORECASE
)


def _non_web_link(template: str, values: dict[str, str]) -> tuple[str, str] | None:
    """The key, and why the credit cannot be made, when a value it links to is no web address, else None: a
    ``javascript:alert(1)`` or a ``data:`` URL in the metadata would be a script in the page the CMS appends
    the block to (the check refuses such an ``original_url`` too)."""
    from .urls import normalize_url

    for match in _LINKED_PLACEHOLDER.finditer(template):
        key = match.group(1)
        value = values.get(key)
        if value is not None and normalize_url(value) is None:
            shown = value if len(value) <= 80 else value[:77] + "..."
            named = _USER_KEYS.get(key, key)
            return named, f"'{named}' is not a web address (http or https): {shown!r}"
    return None


def _credit_parts_made(policy: Policy, reprint: Reprint, format: str) -> str | None:
    """The parts of the credit block whose metadata is all set (the source line and link, when only the
    author is missing), or None when none is: what --fix can still insert."""
    template, html = _credit_template(policy, format)
    values = template_values(reprint, policy, placeholders=False)
    written = "html" if html else "markdown"

    def whole(part: str) -> bool:
        return all(m in values for m in PLACEHOLDER.findall(part)) and _non_web_link(part, values) is None

    parts = _parts(template, written)
    if len(parts) == 1:  # one paragraph: without its byline when only that lacks a value ("By {author}.")
        sentences = _sentences_inside(parts[0], written)
        if sentences is not None:
            opening, inner, closing = sentences
            kept = [sentence for sentence in inner if whole(sentence)]
            left_out = [sentence for sentence in inner if not whole(sentence)]
            # A sentence that needs the value for more than itself ("It is republished ...") reads as
            # nothing without the one before: only a byline alone may be left out.
            if not kept or not all(_BYLINE_ALONE.fullmatch(sentence) for sentence in left_out):
                return None
            return _on_paper(
                _in_format(_filled(opening + " ".join(kept) + closing, values, html), format, html), reprint
            )
    made = [part for part in parts if whole(part)]
    if not made:
        return None
    return _on_paper(_in_format(_filled(_joined(made, written), values, html), format, html), reprint)


#: A sentence that is a byline and nothing else: "By {author}." (a name and its publisher, at most).
_BYLINE_ALONE = re.compile(r"(?i)\W*(?:by|por|par|von|oleh)?\s*\{author\}(?:,\s*[^.{}]{1,40})?[.,]?\W*")


def _credit_template(policy: Policy, format: str) -> tuple[str, bool]:
    """The policy's credit template for ``format``, and whether it is HTML (a policy may give Markdown only)."""
    assert policy.credit is not None
    html = format == "html" and bool(policy.credit.html)
    return (policy.credit.html if html else policy.credit.markdown), html


def _in_format(block: str, format: str, html: bool) -> str:
    """A credit filled in from the policy's Markdown made HTML for an HTML reprint, when the policy gives no
    HTML template (``html`` False): the page gets markup, not asterisks and brackets."""
    if format != "html" or html:
        return block
    from .readers.markdown import render as markdown_html

    return markdown_html(block).strip()


#: What a Markdown text takes for markup (emphasis, code, links, autolinks and tags, entities, strikethrough)
#: wherever it stands in a line: in a value, each is written with a backslash, which makes it a character.
_MARKDOWN_MARKUP = re.compile(r"[\\`*_\[\]<>&~]")


#: The bidirectional embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and isolates (LRI, RLI, FSI, PDI).
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _bidi_closed(value: str) -> str:
    """``value`` with each bidirectional embedding or isolate it opens closed at its end, and a close that
    opens nothing dropped: a name a CMS left open (``"\u202bسارة الخطيب"``) would otherwise run on over the rest
    of the credit it is written into, and show it reordered."""
    if not _BIDI_CONTROLS.search(value):
        return value
    kept, opened = [], []
    for char in value:
        if char in "\u202c\u2069":  # PDF closes an embedding, PDI an isolate (and what it holds)
            kind = "embedding" if char == "\u202c" else "isolate"
            if kind not in opened:
                continue
            while opened and (inner := opened.pop()) != kind:  # what it holds left open: closed with it
                kept.append("\u2069" if inner == "isolate" else "\u202c")
        elif _BIDI_CONTROLS.match(char):
            opened.append("isolate" if char >= "\u2066" else "embedding")
        kept.append(char)
    kept += ["\u2069" if kind == "isolate" else "\u202c" for kind in reversed(opened)]
    return "".join(kept)


def _filled(template: str, values: dict[str, str], html: bool) -> str:
    """A credit template filled in, each value written as what it is where it stands, so that nothing in the
    metadata becomes markup: in HTML, escaped as text and attribute; in Markdown, an address the template
    links to as a destination (or an autolink's, or a raw tag's attribute), and any other value as text with
    its Markdown markup escaped ("Ana *Ruiz* [x](javascript:...)" stays those characters, no link)."""
    values = {key: _bidi_closed(value) for key, value in values.items()}
    if html:
        return render(template, _escaped(values, quote=True))
    linked = {match.start(1) - 1 for match in _LINKED_PLACEHOLDER.finditer(template)}  # where each "{" stands
    filled: dict[str, str] = {}
    parts, last = [], 0
    for match in PLACEHOLDER.finditer(template):
        key = match.group(1)
        if key not in values:
            continue  # left as written, as render() leaves an unknown name
        value = _CONTROLS.sub("", values[key])
        if match.start() in linked:  # validated as a web address: only what Markdown would read otherwise
            written = _as_destination(value)
        else:
            written = _MARKDOWN_MARKUP.sub(lambda m: "\\" + m.group(0), value)
        name = f"_rg_filled_{len(filled)}"  # each occurrence its own, so one value may be written two ways
        filled[name] = written
        parts += [template[last : match.start()], "{" + name + "}"]
        last = match.end()
    return render("".join(parts) + template[last:], filled)


#: What a Markdown link's destination reads otherwise: an entity or character reference (``&copy;``, ``&#38;``),
#: which CommonMark decodes in a destination, and what would end it or open a raw tag.
_DESTINATION_MARKUP = re.compile(r"""&(?=#?[A-Za-z0-9]+;)|[<>"']""")


def _as_destination(address: str) -> str:
    """A web address as a Markdown link's destination: as written (``?a=1&b=2``, not ``&amp;``), but for what
    Markdown would read as markup there, escaped as HTML (``&amp;copy;``, ``&quot;``), which it decodes back."""
    return _DESTINATION_MARKUP.sub(lambda m: escape(m.group(0), quote=True), address)


@dataclass
class FixPlan:
    path: str
    original: str
    text: str | None = None
    fixed: list[Finding] = field(default_factory=list)
    unfixable: list[tuple[Finding, str]] = field(default_factory=list)
    refused: str | None = None
    #: Why the rest was left as it was, when part of the fix was made (links changed in place): see :meth:`after`.
    rest_refused: str | None = None

    @property
    def changed(self) -> bool:
        return self.text is not None and self.text != self.original

    def after(self, original: str, relinked: str, done: list[Finding]) -> FixPlan:
        """This plan, made for ``relinked`` (:func:`relinked`'s change of ``original``), as one plan for
        ``original``: its links changed are fixed too, and what this plan refused leaves the rest as it was."""
        if self.refused:
            return FixPlan(self.path, original, relinked, done, self.unfixable, rest_refused=self.refused)
        text = self.text if self.text is not None else relinked
        return FixPlan(self.path, original, text, [*done, *self.fixed], self.unfixable)

    def diff(self, *, bom: bool = False) -> str:
        """A unified diff from the file as it is to the file as ``--fix`` would write it (``bom``: the file
        opens with a UTF-8 byte order mark, which ``--fix`` keeps), named as :func:`patch_name` says.

        Lines are split at "\\n" alone, as GNU diff and git split them: a CR is a character of its line (a
        CRLF line's, or a classic Mac OS file's, which is one line, as ``git diff`` shows it), and a last line
        without a line end is followed by "\\ No newline at end of file".
        """
        if not self.changed:
            return ""
        assert self.text is not None
        name = patch_name(self.path)
        if _QUOTED_IN_PATCH.search(name):  # a tab, a line break, a quote: quoted as git writes such a name
            before, after = _c_quoted(f"a/{name}"), _c_quoted(f"b/{name}")
        else:  # a name with white space ends at a tab, as diff writes it, or patch stops at the first space
            end = "\t" if any(char.isspace() for char in name) else ""
            before, after = f"a/{name}{end}", f"b/{name}{end}"
        mark = "\ufeff" if bom else ""
        lines = difflib.unified_diff(
            _patch_lines(mark + self.original),
            _patch_lines(mark + self.text),
            fromfile=before,
            tofile=after,
            lineterm="\n",
        )
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def _patch_lines(text: str) -> list[str]:
    """``text``'s lines as a patch has them: each up to and with its "\\n" (not at str.splitlines's CR, form
    feed or U+2028, which would part a line in two), the last one without a line end when it has none."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def patch_name(path: str) -> str:
    """The name a patch gives the file at ``path`` (after ``a/`` and ``b/``), as ``git diff`` names files.

    Inside a git work tree (the one the current folder is in), the path from the top of that work tree:
    the patch applies there, with ``git apply`` or ``patch -p1``, as a patch from ``git diff`` does.
    Elsewhere, the path from the current folder, for a file below it. A file outside both is named by its
    absolute path without the leading "/", as ``git diff --no-index`` names it (it applies from "/").
    The file's own path is resolved first (``..``, symbolic links: ``--fix`` writes where a link leads), so
    a name never holds ``..``, which ``git apply`` refuses as an invalid path and ``patch -p1`` cannot follow.
    """
    target = os.path.realpath(path)
    try:
        here = os.path.realpath(os.getcwd())
    except OSError:  # the current folder was removed
        here = None
    from .readers import repository_of  # runs git: only for a patch's header

    for top in (repository_of(here) if here is not None else None, here):
        if top is None:
            continue
        try:
            inside = os.path.relpath(target, top)
        except ValueError:  # another drive (Windows)
            continue
        if inside != os.pardir and not inside.startswith(os.pardir + os.sep):
            return inside.replace(os.sep, "/")
    return target.replace(os.sep, "/").lstrip("/")


#: Characters that make git quote a file name in a patch's header (C-style, in double quotes).
_QUOTED_IN_PATCH = re.compile('[\x00-\x1f\x7f"\\\\]')
_C_ESCAPES = {"\\": "\\\\", '"': '\\"', "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _c_quoted(name: str) -> str:
    """A file name as git writes one with a control character, a quote or a backslash in a patch's header."""
    inner = "".join(
        _C_ESCAPES.get(char) or (f"\\{ord(char):03o}" if ord(char) < 0x20 or ord(char) == 0x7F else char)
        for char in name
    )
    return f'"{inner}"'


#: An article's heading at its very start, which a credit placed at the top goes after.
_LEADING_TITLE = re.compile(r"\s*<(h1|header)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL | re.ASCII)
#: A title in a block of its own first (``<div class="hero"><h1>...</h1>``), with nothing but a few tags
#: between the block's start and the title, a picture's among them (``<picture>...</picture>``), but no text
#: and no end of the block (one place to try the title at, one scan to its end: linear).
_WRAPPED_TITLE = re.compile(
    r"\s*<(div|section|hgroup|figure)\b[^>]*>(?:\s*<(?!/?\1\b|/?h1\b)[^>]*>){0,12}\s*<h1\b[^>]*>.*?</h1\s*>",
    re.IGNORECASE | re.DOTALL | re.ASCII,
)
#: A picture at an article's very start (a hero image above its title, in no block of its own).
_LEADING_PICTURE = re.compile(
    r"\s*(?:<picture\b[^>]*>.*?</picture\s*>|<figure\b[^>]*>.*?</figure\s*>|<img\b[^>]*>)",
    re.IGNORECASE | re.DOTALL | re.ASCII,
)
#: How far a hero block may go on after its title (a dek, a photo credit) and still be the title's block.
_HERO_REST = 400


#: The block editor's comments around each block (``<!-- wp:heading {"level":1} -->`` ... ``<!-- /wp:heading -->``).
_BLOCK_OPENING = re.compile(r"\s*<!-- wp:[a-z][a-z0-9/-]*(?:(?!-->).){0,2000}?-->", re.IGNORECASE | re.DOTALL)
_BLOCK_CLOSING = re.compile(r"\s*<!-- /wp:[a-z][a-z0-9/-]* -->", re.IGNORECASE)


def _in_block(regex: re.Pattern[str], source: str, index: int) -> re.Match[str] | int | None:
    """``regex`` matched at ``index``, or past a block editor's opening comment there; the end returned is
    past the block's closing comment, when one follows (an int), else the match's (None: no match)."""
    found = regex.match(source, index)
    opened = _BLOCK_OPENING.match(source, index) if found is None else None
    if opened is not None:
        found = regex.match(source, opened.end())
    if found is None:
        return None
    closed = _BLOCK_CLOSING.match(source, found.end()) if opened is not None else None
    return closed.end() if closed is not None else found.end()


def _below_the_title(source: str, index: int) -> int:
    """Where a top credit goes in an article starting at ``index``: under its title, and under a hero block
    that holds little but the title (``<div class="hero"><h1>...</h1></div>``); inside a block that goes on
    to hold the story (``<div class="entry-content"><h1>...</h1><p>...``), right under the title. A block
    editor's title is its heading block, comments and all (``<!-- wp:heading -->`` ... ``<!-- /wp:heading -->``)."""
    title = _in_block(_LEADING_TITLE, source, index)
    if title is not None:
        return title  # type: ignore[return-value]
    picture = _in_block(_LEADING_PICTURE, source, index)  # a hero picture above the title, with no block around them
    if picture is not None:
        title = _in_block(_LEADING_TITLE, source, picture)  # type: ignore[arg-type]
        if title is not None:
            return title  # type: ignore[return-value]
    wrapped = _WRAPPED_TITLE.match(source, index)
    if wrapped is None:
        return index
    tag = wrapped.group(1).lower()
    close = re.compile(rf"</{tag}\s*>", re.IGNORECASE).search(source, wrapped.end(), wrapped.end() + _HERO_REST)
    if close is None:
        return wrapped.end()
    between = source[wrapped.end() : close.start()].lower()
    if any(mark in between for mark in (f"<{tag}", "<!--", "<script", "<style", "<template")):
        return wrapped.end()  # what ends the block is not sure from here: under the title, inside it
    return close.end()


#: A page's first level-1 heading, to its end tag: a newsletter's story headline.
_FIRST_H1 = re.compile(r"<h1\b[^>]*>.*?</h1\s*>", re.IGNORECASE | re.DOTALL)


#: An article's own footer as its last element (tags, share buttons): the credit goes above it.
_CLOSING_FOOTER = re.compile(
    r"<footer\b[^>]*>(?:(?!<footer\b).)*?</footer\s*>(?P<after>(?:\s*<!--(?:(?!-->).)*-->)*\s*)\Z",
    re.IGNORECASE | re.DOTALL | re.ASCII,
)  # a comment after it is WordPress's own (``</footer><!-- .entry-footer -->``)


def _plain_footer(source: str, start: int, footer: re.Match[str]) -> bool:
    """Whether a footer found by :data:`_CLOSING_FOOTER` is one: not in a comment, and holding no comment or
    script that could hide where it starts or ends (a ``<footer>`` in ``<!-- -->`` is none)."""
    inside = footer.group(0)[: footer.start("after") - footer.start()].lower()
    if "<!--" in inside or "-->" in inside or "<script" in inside or "<template" in inside:
        return False
    return source.rfind("<!--", start, footer.start()) <= source.rfind("-->", start, footer.start())


#: A page, or the part of it the article is in, declared right to left (``<html dir="rtl">``).
_RIGHT_TO_LEFT = re.compile(
    r"<(?:html|body|article|main|div|section)\b[^>]*\sdir\s*=\s*[\"']?rtl\b", re.IGNORECASE | re.ASCII
)
#: A block's start tag at the start of one of its lines, with no ``dir`` of its own.
_OWN_DIRECTION = re.compile(
    r"^(\s*<(?:p|div|section|aside|figure|blockquote|ul|ol|table)(?![\w-])(?![^>]*\sdir\s*=))",
    re.IGNORECASE | re.MULTILINE | re.ASCII,
)


def _insert(source: str, reprint: Reprint, block: str, position: str) -> str:
    """Put ``block`` at the top or the bottom of the body, leaving everything else as it is."""
    is_html = reprint.format == "html"
    if is_html and "dir" in source and _RIGHT_TO_LEFT.search(source):
        # A page that runs right to left would run the (English) credit so too, an Arabic name in it out of order:
        # each block says its own direction, read from its first letter.
        block = _OWN_DIRECTION.sub(r'\1 dir="auto"', block)
    if is_html and "<!-- wp:" in source:  # the block editor's content: what goes in is a Custom HTML block of its own
        block = f"<!-- wp:html -->\n{block}\n<!-- /wp:html -->"
    if is_html:
        from .reprint import article_tags, body_tags, email_first_block, email_story

        # Into a whole page's article: its one outermost <article> that skip-elements leaves in (the story's,
        # not a related story's card), else its one <main>; not among the site's header and footer around it.
        article = article_tags(source, reprint.skip)
        opening, closing = article or body_tags(source)
        if position == "top":
            index = opening if opening is not None else _line_offset(source, reprint.body_line)  # after front matter
            if article is not None or opening is None:  # an article, or a fragment (a CMS's body field)
                index = _below_the_title(source, index)  # the article's title (and a hero block around it) stays first
            elif reprint.metadata.medium == "newsletter":
                # An email's layout tables: at the body's start, the credit would be the inbox's preview text (above
                # a hidden preheader) and outside the layout; under the story's headline, it is in the story's cell;
                # with no <h1>, above the first block a reader sees (past the preheader), inside its cell.
                headline = _FIRST_H1.search(source, index)
                if headline is not None:
                    index = headline.end()
                elif (first := email_first_block(source, index, closing or len(source))) is not None:
                    index = first
                    line_start = source.rfind("\n", 0, index) + 1
                    if line_start and not source[line_start:index].strip():
                        index = line_start - 1  # the block on its own line, above the one it goes before
            following = _NEXT_LINE_INDENT.match(source, index)
            if following is not None:  # the content goes on below: the block is a line of its own among it
                return source[:index] + ("\n" if index else "") + _indented(block, following.group(1)) + source[index:]
            end = "\n" if source[index:] or source.endswith("\n") else ""  # last in a file with no final line end
            return source[:index] + ("\n" if index else "") + block + end + source[index:]
        if article is None and opening is not None and reprint.metadata.medium == "newsletter":
            story = email_story(source, opening, closing or len(source), reprint.skip)
            closing = story[1] if story is not None else closing  # at the story's end, not under the footer
        if closing is None:  # a fragment: at its end, which stays as it was
            body, ending = _parted_at_end(source)
            return body + "\n" + block + ending
        footer = _CLOSING_FOOTER.search(source, opening or 0, closing) if article is not None else None
        if footer is not None and _plain_footer(source, opening or 0, footer):
            closing = footer.start()  # the article's own footer (tags, share buttons) stays last, under the credit
        line_start = source.rfind("\n", 0, closing) + 1
        if line_start and not source[line_start:closing].strip():  # the end tag on a line of its own
            above = source[:line_start].rstrip(" \t\n")  # the last line with something on it sets the indent
            indent = re.match(r"[ \t]*", above[above.rfind("\n") + 1 :]).group(0)  # type: ignore[union-attr]
            return source[:line_start] + _indented(block, indent) + "\n" + source[line_start:]
        return source[:closing].rstrip("\n") + "\n" + block + "\n" + source[closing:].lstrip("\n")
    lines = source.split("\n")
    lines = [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    start = reprint.body_line - 1  # the body's first line (0-based), counted in "\n" as body_line is
    if position == "top":
        index = start
        while index < len(lines) and not lines[index].strip():
            index += 1
        index = _after_title(lines, index)  # keep the title first
        before, after = "".join(lines[:index]), "".join(lines[index:])
        if before and not before.endswith("\n"):
            before += "\n"
        # A block of its own: one blank line parts it from what is above (front matter, a title) and below,
        # a blank line that is there already (after the front matter, after the title) being the one.
        above = "\n" if before and lines[index - 1].strip() else ""
        below = "\n" if after and after.split("\n", 1)[0].strip() else ""
        # Last in a file without a final line end (a title alone, no body yet): the file still ends without one.
        end = "\n" if after or source.endswith("\n") else ""
        return before + above + block + end + below + after
    body, ending = _parted_at_end(source)
    return body + "\n\n" + block + ending


#: The blank lines a text ends with, from the line end of its last line with something on it.
_TRAILING_BLANKS = re.compile(r"(?:\n[ \t]*)*\Z")


def _parted_at_end(source: str) -> tuple[str, str]:
    """``source`` up to the end of its last line with something on it, and what follows: its final line end,
    the blank lines after it, or nothing (no final line end). A block inserted at the end goes between, so the
    file ends as it did, bytes and all."""
    at = _TRAILING_BLANKS.search(source).start()  # type: ignore[union-attr]
    return source[:at], source[at:]


#: A fenced code block's fence: up to three spaces, three or more backticks or tildes, and the rest of the line.
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)")
#: Elements whose content runs, unshown as text, to their end tag (CommonMark's HTML blocks of kind 1, and a
#: <details>, closed until a reader opens it).
_OPEN_ELEMENT = re.compile(r"<(script|pre|style|textarea|details)(?=[\s>/])", re.IGNORECASE)


def _at_the_end(blocks: list[tuple[str, str]]) -> bool:
    """Whether any of ``blocks`` goes in at the end of the body (the credit's place "bottom", an element's)."""
    return any(position == "bottom" for _, position in blocks)


#: An HTML comment that ends.
_CLOSED_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _open_at_end(text: str, reprint: Reprint) -> str | None:
    """What ``text`` (a Markdown file or an HTML fragment, "\\n" line ends) ends inside of, left open, as the
    words for it and the line it opens at ("an unclosed code fence (```), opened at line 12"): a code fence, an
    HTML comment, a <script>, <pre>, <style>, <textarea> or <details>. None when it ends inside none of them."""
    lines = text.split("\n")
    fence: tuple[str, int, int] | None = None  # the open fence, its length and its line
    outside: list[str] = []  # the lines not in a fenced code block, the others blanked (their HTML is text)
    start = reprint.body_line - 1 if reprint.format == "markdown" else 0
    for number, line in enumerate(lines, 1):
        found = _FENCE.match(line) if reprint.format == "markdown" and number > start else None
        if fence is None and found and not (found.group(1)[0] == "`" and "`" in found.group(2)):
            fence = (found.group(1), len(found.group(1)), number)
        elif fence is not None and found and found.group(1)[0] == fence[0][0] and len(found.group(1)) >= fence[1]:
            fence = None if not found.group(2).strip() else fence
        outside.append(line if fence is None and number > start and not found else "")
    if fence is not None:
        return f"an unclosed code fence ({fence[0]}), opened at line {fence[2]}"
    # Closed comments blanked, line ends kept (a tag in one is no tag); one left open is what the end is in.
    body = _CLOSED_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), "\n".join(outside))
    opened: list[tuple[int, str]] = []  # (where, what) of each thing left open
    comment = body.find("<!--")
    if comment >= 0:
        opened.append((comment, "an unclosed HTML comment (<!--)"))
    body = body[:comment] if comment >= 0 else body
    for tag in {m.group(1).lower() for m in _OPEN_ELEMENT.finditer(body)}:
        tags = re.finditer(rf"<(/?){tag}(?=[\s>/])", body, re.IGNORECASE)
        unclosed: list[int] = []  # where each element still open starts, the outermost first
        for found in tags:
            if not found.group(1):
                unclosed.append(found.start())
            elif unclosed:
                unclosed.pop()
        if unclosed:  # the outermost: closing one inside it would leave the end in it still
            opened.append((unclosed[0], f"an unclosed <{tag}>"))
    if not opened:
        return None
    where, what = max(opened)  # the one opened last holds the end
    return f"{what}, opened at line {body.count(chr(10), 0, where) + 1}"


#: A Markdown heading of level 1: ATX (``# Title``), or a setext heading's underline (``=====``).
_ATX_TITLE = re.compile(r" {0,3}#(?:[ \t]|$)")
_SETEXT_UNDERLINE = re.compile(r" {0,3}=+[ \t]*$")
#: A line that is no paragraph's text, or ends the paragraph above: a quote, a list item, a fence, a heading,
#: a rule (or a level-2 setext underline), an HTML block's tag, a table's row; indented code starts none.
_NOT_PARAGRAPH = re.compile(
    r" {0,3}(?:[><|]|#{1,6}(?:[ \t]|$)|[-*+][ \t]|\d{1,9}[.)][ \t]|```|~~~"
    r"|-+[ \t]*$|(?:-[ \t]*){3,}$|(?:\*[ \t]*){3,}$|(?:_[ \t]*){3,}$)"
)
_CODE_INDENT = re.compile(r" {0,3}\t| {4}")


def _after_title(lines: list[str], index: int) -> int:
    """The line after the level-1 heading at ``lines[index]``, or ``index`` when there is none there: an ATX
    heading's one line, or a setext heading's text (a paragraph's lines) and its ``=`` underline. A hero
    picture on a line of its own above the heading goes with it."""
    if index >= len(lines):
        return index
    if _PICTURE_LINE.match(lines[index]):
        after = index + 1
        while after < len(lines) and not lines[after].strip():
            after += 1
        titled = _heading_end(lines, after)
        return titled if titled > after else index
    return _heading_end(lines, index)


#: A line that is a picture alone: Markdown's image, an <img>, or Hugo's figure shortcode.
_PICTURE_LINE = re.compile(
    r" {0,3}(?:!\[[^\]\n]*\]\([^)\n]*\)|<img\b[^>\n]*>|\{\{[<%] *figure\b[^\n]*[>%]\}\})[ \t]*\n?$", re.ASCII
)


def _heading_end(lines: list[str], index: int) -> int:
    """:func:`_after_title` for the line at ``index`` itself."""
    if index >= len(lines):
        return index
    if _ATX_TITLE.match(lines[index].rstrip("\n")):
        return index + 1
    end = index
    while end < len(lines) and lines[end].strip():
        line = lines[end].rstrip("\n")
        if end > index and _SETEXT_UNDERLINE.match(line):
            return end + 1
        if _NOT_PARAGRAPH.match(line) or (end == index and _CODE_INDENT.match(line)):
            return index
        end += 1
    return index


#: After an insertion point, line breaks up to the next line with something on it, and that line's indent.
_NEXT_LINE_INDENT = re.compile(r"[ \t]*\n(?:[ \t]*\n)*([ \t]*)(?=\S)")


def _indented(block: str, indent: str) -> str:
    """``block`` with each of its lines that has something on it indented as its neighbours are."""
    return "\n".join(indent + line if line.strip() else line for line in block.split("\n"))


def _line_offset(source: str, line: int) -> int:
    """Where 1-based ``line`` starts in ``source`` (its end when it has fewer lines)."""
    index = 0
    for _ in range(line - 1):
        index = source.find("\n", index) + 1
        if index == 0:
            return len(source)
    return index


#: The tool's warning that ``original_url`` is a home page, not an article.
HOME_PAGE_ORIGINAL = "reprint-guard/home-page-original"

#: A link finding's fix that names the address to change and the article's: what it says is done where it stands.
_CHANGE_THE_LINK = re.compile(
    r"Change the link to (\S+) into one to the original article, (\S+)\."
    r"|Add (?:https://|the missing slash) to the link's address: change (\S+) into (\S+)\."  # its scheme, lacking
)
#: A licence's deed linked through a redirect (Google's, Safe Links): the address inside it, linked directly.
_LINK_THE_DEED = re.compile(
    r"(?:Link to the licence deed directly|Add (?:https://|the missing slash) to the deed's address): "
    r"(https://creativecommons\.org/\S+)\."
)


def relinked(  # type: ignore[no-untyped-def]
    reprint: Reprint, source: str, findings: list[Finding], policy: Policy, recheck
) -> tuple[str, list[Finding]] | None:
    """``source`` with each credit's link to the wrong page (the publisher's home page, another site's copy)
    changed, where it stands, to the original article's address, as the findings' fixes say; and those
    findings. None when there is none to change, or the change would not satisfy its rule or would fail
    another (then the credit is corrected by hand, as before).

    A second credit inserted beside the wrong one would contradict it on the page: the address is what is
    wrong, and only the address is changed (HTML-escaped inside a tag's attribute). Only a credit's link is:
    one whose words name the publisher (a story's citation of another of the publisher's articles is the
    story's), and, when its address is written twice, in a line of a credit's words ("originally published
    by"): the finding stands at the credit's copy then, else it may stand at the story's.
    """
    if reprint.format not in ("markdown", "html") or ("\r" in source and "\n" not in source):
        return None  # a classic Mac OS file is one line to a position: left to the editor
    text, done = source, []
    targets = [f for f in findings if f.check in ("link", "license") and f.suppressed is None and f.file is None]
    for finding in sorted(targets, key=lambda f: (f.line, f.column), reverse=True):
        said = _CHANGE_THE_LINK.fullmatch(finding.fix or "") if finding.check == "link" else None
        deed = _LINK_THE_DEED.fullmatch(finding.fix or "") if finding.check == "license" else None
        if (said is None and deed is None) or finding.end_line != finding.line or finding.end_column is None:
            continue
        line = _line_offset(text, finding.line)
        start, end = line + finding.column - 1, line + finding.end_column - 1
        if deed is not None:  # the redirect's address, where the finding stands, changed to the deed's inside it
            found, address = text[start:end], deed.group(1)
            in_tag = text[max(0, start - 6) : start].lower().endswith(('href="', "href='"))
            scheme = (finding.fix or "").startswith(
                "Add "
            )  # only the scheme added: what every use of a definition meant
            if "creativecommons" in found.lower() and (
                in_tag
                or _markdown_destination(text, start, end)
                or (scheme and _reference_use(text, start, end) is not None)
            ):
                text = text[:start] + (escape(address) if in_tag else address) + text[end:]
                done.append(finding)
            continue
        wrong, address = [group for group in said.groups() if group is not None]  # type: ignore[union-attr]
        if any(char in address for char in "()<>\"'` ") or not address.startswith(("https://", "http://")):
            continue  # an address that would need escaping in a Markdown link: left to the editor
        found = text[start:end]
        in_tag = text[max(0, start - 6) : start].lower().endswith(('href="', "href='"))
        # The finding tells the address decoded ("artículo" for "art%C3%ADculo", as a reader sees it).
        same = found in (wrong, escape(wrong)) or unquote(unescape(found)) == unquote(wrong)
        inline = in_tag or _markdown_destination(text, start, end)
        # [ProPublica][1] ... [1]: www.propublica.org/...: its scheme added in the definition, as each link using it
        # meant it; another address (the home page's changed into the article's) would change them all: left.
        scheme = said.group(3) is not None  # type: ignore[union-attr]
        use = None if inline or not scheme else _reference_use(text, start, end)
        if not same or (not inline and use is None):
            continue  # not the link's address as the finding read it (nor an <a href>'s, nor a Markdown link's)
        words, around = (use[0], line_around(text, *use[1])) if use else (link_words(text, start, end), None)
        around = line_around(text, start, end) if around is None else around  # the line of the link's words
        if not credit_link(words, around, policy):
            continue  # no credit's link: the story's own (a citation of another of the publisher's articles)
        if _copies(source, found) != 1 and not CREDIT_WORDS.search(around.lower()):
            continue  # written twice, and this copy not surely the credit's: the finding may stand at the other
        text = text[:start] + (escape(address) if in_tag else address) + text[end:]
        done.append(finding)
    if not done:
        return None
    before = {f.rule for f in findings}
    after = {f.rule for f in recheck(text)}
    if any(f.rule in after for f in done) or not after <= before:
        return None
    return text, done


def _markdown_destination(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a Markdown link's destination: ``[words](address)``, or ``[words](<address>)``
    (the angle brackets a destination may be written in)."""
    if text[max(0, start - 2) : start] == "](":
        return True
    return text[max(0, start - 3) : start] == "](<" and text[end : end + 1] == ">"


#: A Markdown link reference definition up to its destination: ``[1]: `` (``[1]: <`` for one in angle brackets).
_DEFINITION = re.compile(r" {0,3}\[((?:[^\[\]\\\n]|\\.)+)\]:[ \t]*(<?)")


def _reference_use(text: str, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
    """When ``text[start:end]`` is the destination of a Markdown link reference definition (``[1]: www.x.org/a``),
    the words of the first link using it (``[ProPublica][1]``, ``[ProPublica][]``, ``[ProPublica]``) and where
    that link stands; else None."""
    line = text.rfind("\n", 0, start) + 1
    found = _DEFINITION.fullmatch(text, line, start)
    after = text[end : end + 1]  # the destination ends there: at its ">", or before a title or the line's end
    if found is None or (after != ">" if found.group(2) else after not in ("", " ", "\t", "\r", "\n")):
        return None
    label = re.escape(found.group(1))
    use = re.compile(rf"\[([^\]\n]*)\]\[{label}\]|\[({label})\](?:\[\])?(?![:(\[])", re.IGNORECASE).search(text)
    if use is None:
        return None
    return use.group(1) if use.group(1) is not None else use.group(2), use.span()


#: What stands either side of an address written whole: a link's brackets or quotes, white space, an autolink's.
_ADDRESS_EDGES = frozenset("()<>\"' \t\r\n=[]")


def _copies(text: str, address: str) -> int:
    """How many times ``address`` is written whole in ``text`` (not as the start of a longer one: the home page
    in the front matter's ``original_url``)."""
    count, at = 0, text.find(address)
    while at >= 0:
        after = at + len(address)
        if (at == 0 or text[at - 1] in _ADDRESS_EDGES) and (after == len(text) or text[after] in _ADDRESS_EDGES):
            count += 1
        at = text.find(address, at + 1)
    return count


def plan(
    reprint: Reprint, source: str, findings: list[Finding], policy: Policy, recheck, others: tuple[str, ...] = ()
) -> FixPlan:  # type: ignore[no-untyped-def]
    """Work out the fix for ``findings``; ``recheck(text)`` returns the findings for a new text. ``others``: the
    publishers of the policies ``policy`` extends, other than its own (a sister site's parent)."""
    outcome = FixPlan(reprint.path, source)
    active = [f for f in findings if f.suppressed is None]
    wanted = [f for f in active if f.policy == policy.id and f.check in INSERTABLE]
    if wanted and any(f.rule == HOME_PAGE_ORIGINAL for f in active):
        # A credit linking the home page the metadata gives would pass for the link the terms ask, the slip
        # that warning is there to catch: the address is put right first.
        outcome.refused = (
            "original_url is a site's home page, so a credit made from it would link the home page: set it "
            "to the original article's own address, then run --fix again"
        )
        return outcome
    for finding in active:
        if finding not in wanted:
            outcome.unfixable.append((finding, _why_not(finding, reprint)))
    # A credit that is there but not where the rule wants it is moved by hand: one inserted where it is wanted
    # would stand beside it, the page crediting twice.
    elsewhere = [f for f in wanted if THERE_BUT_ELSEWHERE in f.message]
    for finding in elsewhere:
        outcome.unfixable.append((finding, "needs the credit that is there moved by hand, not a second one"))
        wanted.remove(finding)
    # A credit that is there but wrong (a notice naming another holder, a link to the site's home page) is
    # corrected by hand: a second credit inserted beside it would contradict it on the page.
    # So is a credit whose name is a link's words already, to an address the check reads as no link to the
    # article (a relative one, "[ProPublica](article/x)"): a link made of the name would nest in it.
    wrong = [
        f for f in wanted if any(said in f.message for said in THERE_BUT_WRONG) or _named_in_a_link(reprint, source, f)
    ]
    if wrong and any(f.check != "element" for f in wanted):
        for finding in wrong:
            outcome.unfixable.append((finding, "needs the credit that is there corrected by hand, not a second one"))
        others = [f for f in wanted if f not in wrong]
        if any(f.check != "element" for f in others):  # the credit block would hold a second, contradicting one
            outcome.refused = (
                f"{wrong[0].rule}: {wrong[0].message}; correct that by hand, and run --fix again for the rest"
            )
            return outcome
        wanted = others
    if not wanted:
        return outcome
    if reprint.format not in ("markdown", "html"):
        outcome.refused = "only Markdown and HTML files can be fixed in place (fix JSON payloads in the CMS)"
        return outcome
    # Inserted with "\n" line ends, then written back with the file's own: CRLF, or classic Mac OS's CR.
    ending = "\r\n" if "\r\n" in source else "\r" if "\r" in source and "\n" not in source else "\n"
    plain = source.replace(ending, "\n") if ending != "\n" else source
    mixed = ending == "\r\n" and source.count("\n") != source.count("\r\n")

    def restored(text: str) -> str:
        if mixed:  # each line the fix leaves keeps its own line end; a new one takes its neighbour's
            return _with_line_ends_of(source, text)
        return text.replace("\n", ending) if ending != "\n" else text

    credited = [f for f in wanted if f.check != "element"]
    linked = None
    links = [f for f in credited if f.check == "link"]
    if links:  # the credit is there, its link is not: linked where it stands, the rest inserted
        rules = {f.rule for f in links}
        before = {f.rule for f in findings}
        linked = _linked_in_place(reprint, policy, plain, rules, before, lambda text: recheck(restored(text)))
        if linked is None:  # the name written apart (in two <span>s, with a soft hyphen): linked where it is told
            linked = _linked_where_told(reprint, plain, links, rules, before, lambda text: recheck(restored(text)))
    if linked is not None:
        plain, credited = linked, [f for f in credited if f.check != "link"]
    # else the name could not be linked where it stands (written across tags no link can nest around, in a
    # shortcode's arguments): the credit block goes in for it, with the rest, as for a credit with no name.
    blocks: list[tuple[str, str]] = []
    missing: str | None = None  # why the credit is inserted in part (metadata it needs is not set)
    try:
        if credited:
            blocks.append((credit_block(policy, reprint, reprint.format), policy.credit.position))  # type: ignore[union-attr]
    except CreditError as exc:
        made = _credit_parts_made(policy, reprint, reprint.format) if policy.credit is not None else None
        if made is None:
            outcome.refused = str(exc)
            return outcome
        blocks.append((made, policy.credit.position))  # type: ignore[union-attr]
        missing = str(exc)
    credit = 0 if credited else None  # the credit's place among the blocks, whose parts may be left out
    # An element (a tracking pixel) is inserted from its rule's template; one that cannot be is reported and
    # the rest is still fixed: a pixel particular to each article does not hold back the credit.
    elements: dict[str, tuple[str, str]] = {}  # an element rule's id -> the block inserted for it
    for finding in [f for f in wanted if f.check == "element"]:
        block, why_not = _element_block(finding, reprint, policy)
        if block is None:
            wanted.remove(finding)
            outcome.unfixable.append((finding, why_not))
        else:
            blocks.append((block, "bottom"))
            elements[finding.rule] = blocks[-1]
    if not blocks and linked is None:
        return outcome

    def inserted(blocks: list[tuple[str, str]]) -> str:
        return restored(_insert_all(plain, reprint, blocks))

    text = inserted(blocks)
    after = recheck(text)
    # An element inserted from its template that still does not satisfy its rule (an id the rule's pattern
    # refuses, raw HTML the site leaves out) is left out and reported: it does not hold back the credit.
    failed = [f for f in after if f.rule in elements]
    if failed:
        for finding in failed:
            blocks.remove(elements[finding.rule])
            if reprint.format == "markdown" and not reprint.raw_html:
                why = (
                    "the site's Markdown renderer leaves raw HTML out (the config's raw-html: false), so the "
                    "element written into the Markdown would never reach the page: add it through the site's "
                    "template, or a shortcode that writes raw HTML"
                )
            else:
                why = f"the element its template makes would not satisfy it ({_of_the_copy(finding.message)})"
            outcome.unfixable.append((finding, why))
        wanted = [f for f in wanted if f.rule not in {f.rule for f in failed}]
        if not blocks and linked is None:
            return outcome
        text = inserted(blocks)
        after = recheck(text)
    remaining = {f.rule for f in after}
    wanted_rules = {f.rule for f in wanted}
    still = list({f.rule: f for f in after if f.rule in wanted_rules}.values())
    credit_rules = {f.rule for f in wanted if f.check != "element"}
    partly = (
        missing is not None
        and all(f.check != "element" for f in still)  # what is left is the credit's, waiting for metadata
        and len(still) < len(credit_rules)  # and the parts made fix some of it
    )
    if still and partly:
        outcome.unfixable += [(finding, missing.replace("the credit needs", "needs")) for finding in still]  # type: ignore[union-attr]
        wanted = [f for f in wanted if f.rule not in {s.rule for s in still}]
    elif still and credit is not None and (another := _credits_another(blocks[credit][0], still, policy, others)):
        # The credit block, inherited from the policy it extends, names that publisher, not this one ("...
        # published by Harbor Light News" for Harbor Light Weekend): inserted, it would credit the wrong outlet.
        named, rule = another
        outcome.refused = (
            f"the policy's credit block names {named}, not {policy.publisher} as {policy.id}/{rule.id} asks: give "
            f"{policy.id} a credit block of its own ('credit:'), or credit {policy.publisher} by hand"
        )
        return outcome
    elif still and missing is None and len(still) < len(wanted) and remaining <= {f.rule for f in findings}:
        # The policy's credit block gives part of what its rules ask (no licence in it, say): what it gives
        # goes in, and the rest is the editor's to add; nothing the reprint passed before fails after.
        for finding in still:
            why = f"the policy's credit block does not satisfy it ({_of_the_copy(finding.message)}): add that by hand"
            outcome.unfixable.append((finding, why))
        wanted = [f for f in wanted if f.rule not in {s.rule for s in still}]
    elif (
        still
        and missing is None
        and credit is not None
        and credit_rules <= {f.rule for f in still}  # the block fixes none of what the credit lacks
        and _restated(blocks[credit][0], reprint, policy)
    ):
        # The credit is there already (a second run of --fix, or an editor's own), and what it lacks is none of
        # the block's: each rule is told, with its own fix, not "inserting the credit would not satisfy ...".
        for finding in still:
            why = (
                "the policy's credit block, which the reprint has, does not satisfy it: add that by hand (see the fix)"
            )
            outcome.unfixable.append((finding, why))
        others = [block for at, block in enumerate(blocks) if at != credit]
        if not others and linked is None:
            return outcome
        wanted = [f for f in wanted if f.rule not in {s.rule for s in still}]
        outcome.text = inserted(others) if others else restored(plain)
        outcome.fixed = wanted
        return outcome
    elif still and (open_at_end := _open_at_end(plain, reprint) if _at_the_end(blocks) else None):
        # What goes in at the end went into something the file leaves open: that is why, said in a few words.
        outcome.refused = (
            f"the file ends inside {open_at_end}, so what --fix adds at its end would be inside it too: close "
            "it, then run --fix again"
        )
        return outcome
    elif still:
        why = "; ".join(f"{f.rule}: {_of_the_copy(f.message)}" for f in still)
        reason = f"{missing}, and the parts that can be made" if missing else "inserting the credit"
        outcome.refused = f"{reason} would not satisfy {why}; fix it by hand"
        return outcome
    if credit is not None:
        sentences = credit_sentences(policy, reprint, reprint.format) if missing is None else None
        fewer = _without_parts_present(blocks, credit, reprint.format, inserted, recheck, remaining, sentences)
        block = fewer[1] if fewer is not None else blocks[credit][0]
        text = fewer[0] if fewer is not None else text
        opening = _restated(block, reprint, policy)
        words_only = False  # only the words the credit lacks went in, not a credit
        if opening is not None:  # a sentence of the credit that also holds what is missing (a licence)
            snippets = _words_to_add(credited, sentences, reprint.format)  # a link made in place is no longer wanted
            if snippets is not None:
                others = [*blocks[:credit], *blocks[credit + 1 :]]
                beside = _beside(plain, reprint, opening, snippets)  # under the credit that is there
                tries = [inserted([*blocks[:credit], (snippets, blocks[credit][1]), *blocks[credit + 1 :]])]
                if beside is not None:
                    tries.insert(0, restored(_insert_all(beside, reprint, others)))
                picked = next((t for t in tries if {f.rule for f in recheck(t)} <= remaining), None)
                text, words_only = (picked, True) if picked is not None else (text, False)
        elif fewer is not None:
            # Part of the credit is there (its credit line, linked in place): the rest goes right under it,
            # not at the end past the site's own blocks ("It is republished ..." reads on from it).
            present = _restated(blocks[credit][0], reprint, policy)
            beside = _beside(plain, reprint, present, block) if present is not None else None
            if beside is not None:
                trial = restored(_insert_all(beside, reprint, [*blocks[:credit], *blocks[credit + 1 :]]))
                text = trial if {f.rule for f in recheck(trial)} <= remaining else text
        if elsewhere and not words_only:
            # The credit is there, elsewhere: the credit block inserted for what it lacks (a licence) would
            # credit the publisher twice. What it lacks is added to it by hand; an element still goes in.
            others = [*blocks[:credit], *blocks[credit + 1 :]]
            text = inserted(others) if others else restored(plain)
            # What the link made in place satisfies too (The Conversation's licence, given by reference by its
            # linked credit) is fixed, not left to the editor.
            still = {f.rule for f in recheck(text)} if linked is not None else {f.rule for f in credited}
            for finding in credited:  # a link made in place is not among them: it is fixed
                if finding.rule in still:
                    why = "the credit is there, elsewhere: add what it lacks to it by hand (see the fix)"
                    outcome.unfixable.append((finding, f"{why}, not a second credit"))
            wanted = [f for f in wanted if f not in credited or f.rule not in still]
            if not others and linked is None:
                return outcome
    outcome.text = text
    # A text rule the inserted credit satisfies ("Originally published by ..." in the credit block) is fixed
    # too, though --fix makes no text of its own for it.
    left = {f.rule for f in recheck(text)}
    by_the_way = [f for f, _ in outcome.unfixable if f.check == "text" and f.rule not in left]
    outcome.unfixable = [(f, why) for f, why in outcome.unfixable if f not in by_the_way]
    outcome.fixed = [*wanted, *by_the_way]
    return outcome


#: How a sentence crediting the source leads to the publisher's name ("originally published by", "first
#: appeared on", "Source:", "courtesy of"): only a name it leads to is the credit to make a link of, not one
#: in a byline, a copyright notice (the terms ask for a source line beside it) or the story's own text.
_CREDIT_CUE = re.compile(
    r"(?:originally|first)\s+(?:published|appeared|ran)|republished|reprinted|published\s+(?:by|in|on|with)"
    r"|appeared\s+(?:in|on|at)|original\s+source|source\s*:|courtesy\s+of|credit\s*:"
    rf"|{CREDIT_ELSEWHERE}|{CREDIT_IN_SCRIPTS}",  # "publicado originalmente por", "原载于": as the check reads them
    re.IGNORECASE,
)
#: The same, matched with case: in ASCII text lowered it matches where the pattern matches blind to case (its
#: letters are in lower case, and none of its others matches an ASCII letter).
_CREDIT_CUE_LOWER = re.compile(_CREDIT_CUE.pattern)
#: At most this many characters between the credit's words and the name ("... by the nonprofit newsroom").
_CUE_REACH = 60
#: At most this many of the publisher's names in the text are tried as the link (each costs a check).
_LINK_TRIES = 4


def _linked_in_place(  # type: ignore[no-untyped-def]
    reprint: Reprint, policy: Policy, text: str, rules: set[str], before: set[str], recheck
) -> str | None:
    """``text`` (a Markdown file, "\n" line ends) with the publisher's name where the reprint credits it
    already made the link to the original ("originally published by CalMatters" becomes "... by
    [CalMatters](https://...)"), when the link is all the credit lacks: a credit block inserted above would
    credit the publisher twice. ``recheck(text)`` gives the findings for a text; the first name whose link
    leaves none of ``rules`` (the link rules) and none but ``before`` (the rules found before) is taken.
    None when no name does.
    """
    url = (reprint.metadata.original_url or "").strip()
    html = reprint.format == "html"
    if not (html or reprint.format == "markdown") or not url or any(c in url for c in " \t<>()[]\"'"):
        return None  # a destination Markdown (or an attribute) could not take as written
    start = _line_offset(text, reprint.body_line)
    ordered = sorted(publisher_names(policy), key=len, reverse=True)
    body = text[start:]
    spans = [(*span, True) for span in _unlinked_html(body, ordered)] if html else _unlinked(body, ordered)
    if spans and not html and "{" in body and ("{{<" in body or "{{%" in body):
        spans = _outside_shortcode_calls(body, spans)
        raw = _raw_html_insides(body)  # {{< rawhtml >}}: HTML on the page, a Markdown link shown as written
        spans = [(begin, end, in_html or _within(raw, begin)) for begin, end, in_html in spans]
    found = [(begin + start, end + start, in_html) for begin, end, in_html in spans]
    credits = list(itertools.islice(_credited(text, found), _LINK_TRIES))
    for begin, end, in_html in credits:  # the last first: a closing credit
        name = text[begin:end]
        # In HTML (a page, or a raw HTML block of the Markdown, which Markdown passes through), an HTML link.
        linked = f'<a href="{escape(url)}">{name}</a>' if in_html else f"[{name}]({url})"
        trial = f"{text[:begin]}{linked}{text[end:]}"
        after = {finding.rule for finding in recheck(trial)}
        if not after & rules and after <= before:
            return trial
    return None


def _raw_html_insides(body: str) -> list[tuple[int, int]]:
    from .readers.shortcodes import raw_html_insides

    return raw_html_insides(body) if "{{<" in body else []


def _within(spans: list[tuple[int, int]], index: int) -> bool:
    """Whether ``index`` is inside one of ``spans`` (in order, none inside another)."""
    at = bisect_right([start for start, _ in spans], index) - 1
    return at >= 0 and spans[at][0] <= index < spans[at][1]


def _outside_shortcode_calls(body: str, spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Those of ``spans`` (in order) outside Hugo's shortcode calls: a name in a call's arguments
    (``{{< notice title="... Global Research" >}}``) is a value the shortcode's template prints as it likes,
    often escaped; a Markdown or HTML link written into it would break the call or show as text."""
    from .readers.shortcodes import tag_spans

    calls = tag_spans(body)  # in order, none inside another: the one that may hold a name found by bisection
    starts = [start for start, _ in calls]
    return [span for span in spans if (at := bisect_right(starts, span[0]) - 1) < 0 or span[0] >= calls[at][1]]


#: The finding of a credit that names the publisher with no link, at the name as the source writes it.
_NAMES_WITH_NO_LINK = re.compile(r"the credit names .+ with no link to the article")
#: A tag in a name's markup: closing or not, its name.
_NAME_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)(?:[^<>\"']|\"[^\"]*\"|'[^']*')*>")
#: Tags a link may hold in a line of text (a word processor's spans and emphasis); any other (a paragraph's, a
#: link's) is no name's markup to link across.
_INLINE_TAGS = frozenset(
    {"span", "i", "em", "b", "strong", "u", "font", "small", "big", "sub", "sup", "mark", "s", "o:p", "ins", "del"}
)
_VOID_TAGS = frozenset({"br", "wbr"})
#: At most this many tags around a name are taken into its link, to close what it opens.
_NAME_TAGS_TAKEN = 8


def _linked_where_told(  # type: ignore[no-untyped-def]
    reprint: Reprint, text: str, findings: list[Finding], rules: set[str], before: set[str], recheck
) -> str | None:
    """``text`` with the name an unlinked credit's finding stands at made the link, where :func:`_linked_in_place`
    found no name to link: one the source writes apart, in two ``<span>``s (``<span>Global</span><span>
    Research</span>``, Word's "Save as Web Page"), or with a soft hyphen or a zero-width space inside it. Its
    markup is linked whole, the tags it opens or closes taken in (only a line's spans and emphasis), so the
    link nests; None when it cannot be, or the link would not satisfy the rule or would fail another."""
    url = (reprint.metadata.original_url or "").strip()
    if reprint.format not in ("markdown", "html") or not url or any(c in url for c in " \t<>()[]\"'"):
        return None
    body = _line_offset(text, reprint.body_line)
    shortcodes = reprint.format == "markdown" and "{" in text and ("{{<" in text or "{{%" in text)
    for finding in findings:
        if finding.end_line is None or finding.end_column is None or not _NAMES_WITH_NO_LINK.search(finding.message):
            continue
        start = _line_offset(text, finding.line) + finding.column - 1
        end = _line_offset(text, finding.end_line) + finding.end_column - 1
        told = (start - body, end - body, False)
        if shortcodes and start >= body and not _outside_shortcode_calls(text[body:], [told]):
            continue  # in a shortcode call's arguments: no link is written there (a credit line goes in)
        span = _markup_closed(text, start, end) if 0 <= start < end <= len(text) else None
        if span is None:
            continue
        start, end = span
        if _in_a_link(text, start, body if reprint.format == "markdown" else None):
            continue  # the words of a link already (to a relative address): made a link, one would nest in it
        name = text[start:end]
        tries = [f'<a href="{escape(url)}">{name}</a>']
        raw = shortcodes and start >= body and _within(_raw_html_insides(text[body:]), start - body)
        if reprint.format == "markdown" and not raw and "<" not in name and not any(c in name for c in "[]\n"):
            tries.insert(0, f"[{name}]({url})")  # in a Markdown paragraph, a Markdown link; else an HTML one
        for linked in tries:
            trial = f"{text[:start]}{linked}{text[end:]}"
            after = {f.rule for f in recheck(trial)}
            if not after & rules and after <= before:
                return trial
    return None


def _named_in_a_link(reprint: Reprint, source: str, finding: Finding) -> bool:
    """Whether ``finding`` tells a credit's name with no link to the article where the name is a link's words."""
    if finding.check != "link" or finding.end_column is None or not _NAMES_WITH_NO_LINK.search(finding.message):
        return False
    body = _line_offset(source, reprint.body_line) if reprint.format == "markdown" else None
    start = _line_offset(source, finding.line) + finding.column - 1
    end = _line_offset(source, finding.end_line or finding.line) + finding.end_column - 2  # its last character
    # The whole name: one a link's end cuts (<a ...>Global</a> Research) gets a linked credit line, as before.
    return _in_a_link(source, start, body) and _in_a_link(source, max(start, end), body)


#: An ``<a>`` tag, opening or closing (its name then a space, ``>`` or ``/``).
_A_TAG = re.compile(r"<(/?)a(?=[\s>/])", re.IGNORECASE)


def _in_a_link(text: str, index: int, markdown_from: int | None) -> bool:
    """Whether ``text[index]`` is among a link's words already: after an ``<a>`` that no ``</a>`` closes before
    it, or (``markdown_from``: where a Markdown body starts in ``text``) inside a Markdown link, inline or by
    reference (``[ProPublica](article/x)``, whose relative address the check reads as no link to the article)."""
    last = None
    for last in _A_TAG.finditer(text, 0, index):  # noqa: B007 (the last one before index is wanted)
        pass
    if last is not None and not last.group(1):
        return True
    if markdown_from is None or index < markdown_from:
        return False
    import pyromark

    from .readers.markdown import _OPTIONS

    body = text[markdown_from:]
    at = len(body[: index - markdown_from].encode("utf-8"))  # the events' offsets are the UTF-8 bytes'
    for event, where in pyromark.events_with_range(body, options=_OPTIONS):
        opened = event.get("Start") if isinstance(event, dict) else None
        if isinstance(opened, dict) and "Link" in opened and where["start"] <= at < where["end"]:
            return True
    return False


def _markup_closed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``text[start:end]`` (a name as the source writes it) widened over the tags right before and after it
    until each tag it holds is opened and closed inside it (``Global</span><span> Research`` to
    ``<span>Global</span><span> Research</span>``): a link made of it nests. None when it would take more than
    :data:`_NAME_TAGS_TAKEN` tags, or holds any but a line's spans and emphasis."""
    for _ in range(_NAME_TAGS_TAKEN + 1):
        closers, openers = 0, []
        for tag in _NAME_TAG.finditer(text, start, end):
            name = tag.group(2).lower()
            if name not in _INLINE_TAGS:
                if name in _VOID_TAGS:
                    continue
                return None
            if not tag.group(1):
                openers.append(name)
            elif openers and openers[-1] == name:
                openers.pop()
            elif openers:
                return None  # crossed: </i> closing a <span>
            else:
                closers += 1
        if not closers and not openers:
            return start, end
        if closers:  # a tag it closes opens right before it
            at = text.rfind("<", 0, start)
            tag = _NAME_TAG.match(text, at) if at >= 0 else None
            if tag is None or tag.end() != start:
                return None
            start = at
        if openers:  # a tag it opens closes right after it
            tag = _NAME_TAG.match(text, end)
            if tag is None:
                return None
            end = tag.end()
    return None


def _credited(text: str, names: list[tuple[int, int, bool]]) -> Iterator[tuple[int, int, bool]]:
    """Those of ``names`` (where each starts and ends, in order), the last first, whose paragraph's words
    before them credit a source and lead to them (within a few words), and that are no link's text
    (``[Name][ref]`` left undefined). The paragraph breaks are found once, not searched back for from each
    name (a line of 50,000 names), and the cue is looked for as :func:`_cues_reach` allows."""
    blanks = [found.start() for found in _PARAGRAPH_BREAK.finditer(text)]
    windows = []
    for index, _, _ in names:
        at = bisect_right(blanks, index - 2) - 1  # the last break before index, as text.rfind("\n\n", 0, index)
        windows.append((max(blanks[at] + 2 if at >= 0 else 0, index - 4 * _CUE_REACH), index))
    reached = _cues_reach(text, windows)
    for name, (start, end), cued in reversed(list(zip(names, windows, reached, strict=True))):
        if cued and text[end - 1 : end] != "[" and _cue_before(text[start:end]) is not None:
            yield name


#: A paragraph break, every one where more blank lines follow each other (a "\n\n" inside "\n\n\n" too).
_PARAGRAPH_BREAK = re.compile("(?=\n\n)")


#: A space inside a name, as a page may write one: non-breaking, or the end of a line the name wraps over (a
#: Markdown line, and the next one's indent or quotation marks).
_WRAPPED_SPACE = rf"(?:{NAME_SPACE}|[ \t]*\r?\n[ \t]*(?:>[ \t]*)*)"
#: Emphasis around a word of a name in Markdown ("the *Pine* County Times"), kept inside the link made of it.
_EMPHASIS = "[*_]{1,3}"


@lru_cache(maxsize=64)
def _names_pattern(names: tuple[str, ...], markdown: bool = False) -> re.Pattern[str]:
    """Any of ``names`` as words of the text, not as part of an address written in it: "propublica" in
    "https://www.propublica.org/article/..." or "desk@propublica.org" is no name to make a link of. A space
    in a name may be written non-breaking or wrap to the next line, as the check reads it, and in Markdown
    (``markdown``) a word of it may be in emphasis: the name is linked as it stands (see
    :func:`_balanced`)."""
    from .textnorm import SPACELESS_RANGES, spaceless

    # A letter of a script written without spaces stands beside a name as a space would ("原载于全球之声。",
    # "本文原载于Global Voices"), as the check reads it: only other letters make it part of a longer word.
    other_word = f"[^\\W{SPACELESS_RANGES}]"
    marks = f"(?:{_EMPHASIS})?" if markdown else ""
    space = f"{marks}{_WRAPPED_SPACE}{marks}"
    patterns = []
    for name in names:
        spelt = space.join(map(re.escape, name.split(" ")))
        before = "" if spaceless(name[0]) else f"(?<!{other_word})"
        after = "" if spaceless(name[-1]) else f"(?!{other_word})"
        patterns.append(rf"(?<![./@:-]){before}{marks}{spelt}{marks}{after}(?!@|\.[^\W_])")
    return re.compile("|".join(patterns), re.IGNORECASE)


def _balanced(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a name found in Markdown (``start``, ``end``) whose emphasis marks open and close inside it,
    so that the link made of it nests ("[*Pine* County Times](...)"): a mark at an end that closes or opens
    emphasis outside the name ("*... the Pine County Times*") is left out of it; None when none balances."""
    found = text[start:end]
    lead = len(found) - len(found.lstrip("*_"))
    trail = len(found) - len(found.rstrip("*_"))
    for begin, stop in ((start, end), (start + lead, end), (start, end - trail), (start + lead, end - trail)):
        piece = text[begin:stop]
        if piece.count("*") % 2 == 0 and piece.count("_") % 2 == 0:
            return begin, stop
    return None


def _unlinked(body: str, names: list[str]) -> list[tuple[int, int, bool]]:
    """Where ``names`` stand in a Markdown body's text, as (start, end, in a raw HTML block) character
    indices: in paragraphs and list items, and in the text of a raw HTML block (``<p class="credit">...</p>``,
    read as :func:`_unlinked_html` reads a page); not in a link, an image's text, a heading, code or inline
    HTML (longest name first where two overlap)."""
    import pyromark

    from .readers.markdown import _OPTIONS

    data = body.encode("utf-8")
    pattern = _names_pattern(tuple(names), markdown=True)
    found: list[tuple[int, int, bool]] = []
    inside = 0  # links, images, headings and code blocks the text is in
    in_html_link = False
    at_byte, at_char = 0, 0  # text events come in order: their byte offsets are turned into characters as they go
    text_run: tuple[int, int] | None = None  # text events that run on, not yet searched
    joined = False  # a line break or emphasis since the run's last text: the next text runs on across it

    def searched(run: tuple[int, int]) -> list[tuple[int, int, bool]]:
        spans = (_balanced(body, *match.span()) for match in pattern.finditer(body, *run))
        return [(*span, False) for span in spans if span is not None]

    for event, where in pyromark.events_with_range(body, options=_OPTIONS):
        if text_run is not None and (event == "SoftBreak" or _emphasis_mark(event)):
            joined = True  # "Pine County" / "Times", "*Pine* County Times": one name, linked as it stands
            continue
        if text_run is not None and not (isinstance(event, dict) and "Text" in event):
            found += searched(text_run)
            text_run = None
        if not isinstance(event, dict):
            continue
        kind, value = next(iter(event.items()))
        tag = value if isinstance(value, str) else next(iter(value), None) if isinstance(value, dict) else None
        if kind in ("Start", "End") and tag in ("Link", "Image", "Heading", "CodeBlock", "MetadataBlock"):
            inside += 1 if kind == "Start" else -1
        elif kind == "InlineHtml" and isinstance(value, str):
            if re.match(r"<a[\s>]", value, re.IGNORECASE):
                in_html_link = True
            elif re.match(r"</a\s*>", value, re.IGNORECASE):
                in_html_link = False
        elif kind == "Text" and not inside and not in_html_link:
            begin = at_char + len(data[at_byte : where["start"]].decode("utf-8", "replace"))
            end = begin + len(data[where["start"] : where["end"]].decode("utf-8", "replace"))
            at_byte, at_char = where["end"], end
            # An entity is a text of its own ("KFF", "&nbsp;", "Health News"): text that runs on is searched whole.
            if text_run is not None and (text_run[1] == begin or joined):
                text_run = (text_run[0], end)
            else:
                if text_run is not None:
                    found += searched(text_run)
                text_run = (begin, end)
            joined = False
            continue
        elif kind == "Start" and tag == "HtmlBlock" and not inside:
            begin = at_char + len(data[at_byte : where["start"]].decode("utf-8", "replace"))
            end = begin + len(data[where["start"] : where["end"]].decode("utf-8", "replace"))
            at_byte, at_char = where["end"], end
            found += [(begin + b, begin + e, True) for b, e in _unlinked_html(body[begin:end], names)]
    if text_run is not None:
        found += searched(text_run)
    return found


def _emphasis_mark(event: object) -> bool:
    """Whether a Markdown event opens or closes emphasis or strong emphasis."""
    if not isinstance(event, dict) or len(event) != 1:
        return False
    kind, value = next(iter(event.items()))
    return kind in ("Start", "End") and value in ("Emphasis", "Strong")


#: The rest of a tag after its ``<``: attributes (a quoted value may hold ``>``), then ``>``.
_TAG_REST = re.compile(r"""(?:[^>"']|"[^"]*"|'[^']*')*>""")
_TAG_NAME = re.compile(r"(/?)([A-Za-z][A-Za-z0-9-]*)")
#: Elements whose text is no article's words (skipped to their end tag), and those whose words cannot be
#: made a link (a link already, a heading).
_RAW_TEXT = frozenset({"script", "style", "pre", "code", "textarea", "title"})
_NO_LINK = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6"})


def _unlinked_html(body: str, names: list[str]) -> list[tuple[int, int]]:
    """Where ``names`` stand in an HTML body's text (between its tags, as character indices), not in a link,
    a heading, a comment, code or a script (longest name first where two overlap). One pass: a ``<`` that no
    tag closes ends the tags (the rest is text), so a page of stray ``<`` is read once."""
    pattern = _names_pattern(tuple(names))
    found: list[tuple[int, int]] = []
    depth = 0  # links and headings the text is in
    text_from = pos = 0
    while (lt := body.find("<", pos)) >= 0:
        if body.startswith("<!--", lt):
            end = body.find("-->", lt + 4)
            if end < 0:
                break
            skip_to, named = end + 3, None
        else:
            rest = _TAG_REST.match(body, lt + 1)
            if rest is None:
                break
            skip_to, named = rest.end(), _TAG_NAME.match(body, lt + 1)
        if depth == 0:  # the text before this tag or comment
            found += [m.span() for m in pattern.finditer(body, text_from, lt)]
        name = named.group(2).lower() if named else ""
        if named and not named.group(1) and name in _RAW_TEXT:
            close = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(body, skip_to)
            if close is None:
                text_from = len(body)
                break
            skip_to = close.end()
        elif named and name in _NO_LINK:
            depth = max(0, depth + (-1 if named.group(1) else 1))
        text_from = pos = skip_to
    if depth == 0:
        found += [m.span() for m in pattern.finditer(body, text_from)]
    return found


def _with_line_ends_of(source: str, text: str) -> str:
    """``text`` (``source`` with lines inserted, "\\n" line ends) with the line ends ``source`` has, line
    for line, for a file whose lines end both ways (CRLF front matter above an LF body, an edit from
    Windows in a Unix file), which a fix would otherwise turn all CRLF. A new line takes the line end of
    the line it is inserted below (above, at the file's start): LF among LF lines, CRLF among CRLF ones."""
    old = source.split("\n")  # as ``text`` was made: "\r\n" made "\n", nothing else split
    old_ends = ["\r\n" if line.endswith("\r") else "\n" for line in old[:-1]] + [""]
    old = [line.removesuffix("\r") if i < len(old) - 1 else line for i, line in enumerate(old)]
    new = text.split("\n")
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, _, j1, j2 in matcher.get_opcodes():
        for k, j in enumerate(range(j1, j2)):
            if j == len(new) - 1:  # after the last line break: no line end of its own
                out.append(new[j])
            elif tag == "equal":  # an old line keeps its end; the last, which had none, takes one as a new line
                out.append(new[j] + (old_ends[i1 + k] or _neighbours_end(old_ends, i1 + k)))
            else:
                out.append(new[j] + _neighbours_end(old_ends, i1))
    return "".join(out)


def _neighbours_end(ends: list[str], index: int) -> str:
    """The line end for lines put before old line ``index``: the nearest old line's above that has one
    (the last line may have none), else the nearest's below."""
    for end in [*reversed(ends[:index]), *ends[index:]]:
        if end:
            return end
    return "\n"


#: A line of HTML that is one whole element (``<p>...</p>``): only such lines are parts that may stand alone.
_WHOLE_ELEMENT = re.compile(r"\s*<([A-Za-z][A-Za-z0-9]*)\b[^>]*>.*</\1\s*>\s*", re.DOTALL)


def _parts(block: str, format: str) -> list[str]:
    """A credit block's parts, each of which may stand alone: its paragraphs (in HTML, its lines, when each
    is one whole element: a ``<p>`` written over three lines is one part, not three)."""
    if format == "html":
        lines = [line for line in block.split("\n") if line.strip()]
        return lines if all(_WHOLE_ELEMENT.fullmatch(line) for line in lines) else [block]
    return [part for part in re.split(r"\n[ \t]*\n", block) if part.strip()]


def _joined(parts: list[str], format: str) -> str:
    """Parts of a credit put back together as :func:`_parts` took them apart."""
    if parts and all(isinstance(part, _Sentence) for part in parts):
        first = parts[0]
        return first.opening + " ".join(part.text for part in parts) + first.closing  # type: ignore[attr-defined]
    return ("\n" if format == "html" else "\n\n").join(parts)


class _Sentence(str):
    """A sentence of a one-paragraph credit, with the markup that wraps the paragraph (kept when the
    sentences inserted are fewer than the paragraph's)."""

    opening: str
    closing: str
    text: str


#: A one-paragraph credit's wrapping markup: emphasis in Markdown; a paragraph and its emphasis in HTML.
_WRAPPED = {
    "markdown": re.compile(r"(?s)(?P<open>(?:\*\*\*|___|\*\*|__|\*|_)?)(?P<inner>.*?)(?P<close>(?P=open))"),
    "html": re.compile(
        r"(?s)(?P<open><p(?:\s[^>]*)?>(?:<(?:em|i|strong|b)>)?)(?P<inner>.*?)(?P<close>(?:</(?:em|i|strong|b)>)?</p>)"
    ),
}
#: Where a sentence ends: a full stop and a space before a capital, outside a link's text or a tag.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u00c0-\u024f])")


def credit_sentences(policy: Policy, reprint: Reprint, format: str) -> list[str] | None:
    """The sentences of a policy's one-paragraph credit, each filled in and wrapped as the paragraph is
    ("*...*", "<p><em>...</em></p>"), or None (a credit of several paragraphs, of one sentence, or needing
    metadata that is not set). The template is taken apart, not the credit made from it: a value's own full
    stop ("Dr. Jane Roe") is no sentence's end."""
    if policy.credit is None:
        return None
    template, html = _credit_template(policy, format)
    written = "html" if html else "markdown"
    pieces = _split_sentences(template, written)
    if pieces is None:
        return None
    values = template_values(reprint, policy, placeholders=False)
    if any(m not in values for m in PLACEHOLDER.findall(template)) or _non_web_link(template, values):
        return None
    sentences = [
        _as_sentence(_on_paper(_in_format(_filled(piece, values, html), format, html), reprint), format)
        for piece in pieces
    ]
    return None if None in sentences else sentences  # type: ignore[return-value]


def _split_sentences(block: str, format: str) -> list[str] | None:
    """A one-paragraph block's sentences, each wrapped as the paragraph is, or None (fewer than two)."""
    found = _sentences_inside(block, format)
    if found is None:
        return None
    opening, pieces, closing = found
    return [opening + piece + closing for piece in pieces]


def _sentences_inside(block: str, format: str) -> tuple[str, list[str], str] | None:
    """A one-paragraph block's wrapping markup and its sentences inside it, or None (fewer than two)."""
    wrapped = _WRAPPED[format].fullmatch(block.strip())
    if wrapped is None:
        return None
    inner = wrapped.group("inner")
    cuts = [m for m in _SENTENCE_END.finditer(inner) if _outside_markup(inner, m.start())]
    if not cuts:
        return None
    pieces, start = [], 0
    for cut in cuts:
        pieces.append(inner[start : cut.start()])
        start = cut.end()
    pieces.append(inner[start:])
    if not all(map(_balanced_html if format == "html" else _balanced_markdown, pieces)):
        return None  # a cut inside a tag, an attribute or an emphasis: the paragraph stays whole
    return wrapped.group("open"), pieces, wrapped.group("close")


#: Elements that have no closing tag.
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


def _balanced_html(piece: str) -> bool:
    """Whether a piece of a credit's HTML closes every tag it opens, and opens every tag it closes, with no
    ``<`` or quote left open (a cut inside an attribute's value would leave its quote open)."""
    stack: list[str] = []
    at = 0
    while (lt := piece.find("<", at)) >= 0:
        named, rest = _TAG_NAME.match(piece, lt + 1), _TAG_REST.match(piece, lt + 1)
        if named is None or rest is None:
            return False
        name = named.group(2).lower()
        if named.group(1):
            if not stack or stack.pop() != name:
                return False
        elif piece[rest.end() - 2] != "/" and name not in _VOID:
            stack.append(name)
        if ">" in piece[at:lt]:
            return False  # a ">" between tags: a cut inside one left its end here
        at = rest.end()
    return not stack and ">" not in piece[at:]


def _balanced_markdown(piece: str) -> bool:
    """Whether a piece of a credit's Markdown leaves no emphasis, code span, link text or destination open
    (placeholders, whose names hold ``_``, aside)."""
    bare = PLACEHOLDER.sub("", piece)
    return (
        bare.count("*") % 2 == 0
        and bare.count("_") % 2 == 0
        and bare.count("`") % 2 == 0
        and bare.count("[") == bare.count("]")
        and bare.count("(") == bare.count(")")
    )


def _as_sentence(text: str, format: str) -> _Sentence | None:
    """A filled-in sentence with its wrapping markup told apart, to be joined with others inside it."""
    wrapped = _WRAPPED["html" if format == "html" else "markdown"].fullmatch(text.strip())
    if wrapped is None:
        return None
    sentence = _Sentence(text.strip())
    sentence.opening, sentence.closing, sentence.text = (
        wrapped.group("open"),
        wrapped.group("close"),
        wrapped.group("inner"),
    )
    return sentence


def _outside_markup(text: str, index: int) -> bool:
    """Whether ``index`` stands outside a Markdown link's brackets and parentheses and outside an HTML tag."""
    before = text[:index]
    return (
        before.count("[") == before.count("]")
        and before.count("(") == before.count(")")
        and before.count("<") == before.count(">")
        and before.count("{") == before.count("}")
    )


def _without_parts_present(blocks, credit, format, inserted, recheck, remaining, sentences):  # type: ignore[no-untyped-def]
    """The text with the credit's parts that the reprint already has left out, and the part of the credit
    inserted, or None to insert it whole.

    A reprint that lacks only the source line keeps its own copyright line, and does not get a second.
    The fewest parts that leave the check finding nothing the whole block fixed are inserted; of as few,
    the earliest in the block (its first part is the credit line proper: a copyright line that happens to
    name the publisher would satisfy a source credit too, but the reprint asked for the source line).
    """
    parts = _parts(blocks[credit][0], format)
    if len(parts) < 2 and sentences and len(sentences) <= _MAX_SENTENCES:
        parts = sentences  # one paragraph: its sentences, each in the paragraph's markup ("*...*", "<p><em>")
    if len(parts) < 2:
        return None

    def attempt(kept: tuple[int, ...]) -> tuple[str, str] | None:
        block = _joined([parts[i] for i in kept], format)
        text = inserted([*blocks[:credit], (block, blocks[credit][1]), *blocks[credit + 1 :]])
        return (text, block) if {f.rule for f in recheck(text)} <= remaining else None

    if len(parts) <= _EVERY_SUBSET:
        for size in range(1, len(parts)):
            for trial in itertools.combinations(range(len(parts)), size):  # in the block's order
                found = attempt(trial)
                if found is not None:
                    return found
        return None
    # Many parts (a policy of one's own): one recheck per part, not one per subset; the last parts are left
    # out first, so the earliest stay, as above.
    kept, found = tuple(range(len(parts))), None
    for index in reversed(range(len(parts))):
        trial = tuple(i for i in kept if i != index)
        made = attempt(trial) if trial else None
        if made is not None:
            kept, found = trial, made
    return found


#: A fix that gives the very words to add, as the licence check's does: ``Add: "..."``.
_WORDS_TO_ADD = re.compile(r'Add: "(.+)"\.?')
#: How many words open a sentence that, found in the reprint, say it is there already in some form.
_OPENING_WORDS = 4


#: A place in the file a re-check's message cites ("its address is in the file at 9:74").
_PLACE_IN_THE_FILE = re.compile(r"\bin the file at \d+:\d+")


def _of_the_copy(message: str) -> str:
    """A message of the re-check of the fixed copy, which the user never sees: a place it cites is in that
    copy (the credit --fix would add), not in the file."""
    return _PLACE_IN_THE_FILE.sub("in the credit --fix would add", message) if "in the file at" in message else message


def _credits_another(
    block: str, still: list[Finding], policy: Policy, others: tuple[str, ...]
) -> tuple[str, Any] | None:
    """(the other publisher, the rule) when the credit ``block`` names another publisher (one of ``others``),
    where one of the rules it leaves failing (``still``) asks for a credit naming the policy's own
    (:func:`.policy.model.credits_another`); else None."""
    rules = [policy.rule(finding.rule.partition("/")[2]) for finding in still]
    return credits_another(block, policy, others, [rule for rule in rules if rule is not None])


def _restated(block: str, reprint: Reprint, policy: Policy) -> tuple[str, int] | None:
    """Where the reprint shows already what a sentence of ``block`` says, as (words to find, which of them), or
    None: where a licence is a clause of the credit sentence ("... originally published by KFF Health News and
    is republished under ..."), a reprint lacking only the licence would get its credit line a second time.

    The sentence's opening words, when the reprint has them; else the publisher's name, when the sentence
    credits it and the reprint credits it already in words of its own ("This story first appeared in KFF
    Health News"): its last such credit.
    """
    words = re.sub(r"<[^>]*>|\]\([^)]*\)|[*_\[\]`]", " ", block)  # tags, link addresses, emphasis
    sentences = re.split(r"(?<=[.!?])\s+", words)
    for sentence in sentences:
        opening = " ".join(sentence.split()[:_OPENING_WORDS])
        if len(opening.split()) == _OPENING_WORDS and reprint.visible.holds(opening):
            return opening, 0
    text = reprint.visible.cased_text
    for publisher in sorted(publisher_names(policy), key=len, reverse=True):
        if not any(publisher in sentence for sentence in sentences):
            continue
        name = " ".join(publisher.split())
        names = [found.span() for found in re.finditer(re.escape(name), text)]
        windows = [(max(0, begin - 2 * _CUE_REACH), begin) for begin, _ in names]
        reached = _cues_reach(text, windows)
        for (start, begin), (_, end), cued in reversed(list(zip(windows, names, reached, strict=True))):
            cue = _cue_before(text[start:begin]) if cued else None  # the last credit first: a closing one
            if cue is not None:  # the credit's own words, to find it by (not the name alone: an image's alt text)
                return text[start + cue : end], 0
    return None


def _cues_reach(text: str, windows: list[tuple[int, int]]) -> list[bool]:
    """For each (start, end) of ``windows`` (in order), whether :func:`_cue_before` of ``text[start:end]`` may
    find a cue: False says it finds none. The cue pattern is run once over the stretches the windows cover; a
    match in a window (the pattern has no anchor or look-around: it matches there in the stretch too) is
    overlapped by one of the stretch's matches, which go on from its start, so a window none overlaps is not
    searched on its own: a line of 50,000 names without a credit's words is read once, not 50,000 times."""
    stretches: list[list[int]] = []
    for start, end in sorted(windows):
        if stretches and start <= stretches[-1][1]:
            stretches[-1][1] = max(stretches[-1][1], end)
        else:
            stretches.append([start, end])
    starts, ends = [], []
    for first, last in stretches:
        stretch = text[first:last]
        # ASCII: matched where the pattern, in lower case, matches the stretch lowered (a third of the time).
        pattern = _CREDIT_CUE_LOWER if stretch.isascii() else _CREDIT_CUE
        for found in pattern.finditer(stretch.lower() if pattern is _CREDIT_CUE_LOWER else stretch):
            starts.append(first + found.start())
            ends.append(first + found.end())
    reached = []
    for start, end in windows:
        at = bisect_right(ends, start)  # the first match that ends inside the window or after it
        reached.append(at < len(starts) and starts[at] < end)
    return reached


def _cue_before(before: str) -> int | None:
    """Where words crediting a source ("first appeared in") start, when they end within a few words of the end
    of ``before``; else None."""
    cues = [cue for cue in _CREDIT_CUE.finditer(before) if len(before) - cue.end() <= _CUE_REACH]
    return cues[-1].start() if cues else None


def _beside(text: str, reprint: Reprint, opening: tuple[str, int], block: str) -> str | None:
    """``text`` with ``block`` put right under the paragraph (a Markdown paragraph, an HTML line) where the
    credit's ``opening`` words stand (the words, and which of them): the licence it lacks goes with it, not
    above it at the top."""
    end_line = reprint.span(*opening)[2]
    if end_line is None:
        return None
    lines = text.split("\n")
    index = end_line  # the line after the one the words end on (1-based: the index of the next)
    if reprint.format == "markdown":
        while index < len(lines) and lines[index].strip():
            index += 1  # the paragraph goes on to its blank line
        first = end_line - 1
        while first > 0 and lines[first - 1].strip():
            first -= 1  # where the paragraph starts: its list item's, quotation's or footnote's marks
        prefix, blank = _container_prefix(lines[first])
        inserted = [prefix + line if line.strip() else blank for line in block.split("\n")]
        return "\n".join([*lines[:index], blank, *inserted, *lines[index:]])
    if not _BLOCK_ENDS_LINE.search(lines[end_line - 1]):
        return None  # the credit's element goes on past this line: a paragraph of its own would split it
    if "<!-- wp:" in text:
        # The block editor's content: a paragraph block holds one <p>, so the words go in a Custom HTML block of
        # their own after the credit's block closes; inside a block that goes on (a group), nowhere here.
        after = index
        while after < len(lines) and not lines[after].strip():
            after += 1
        if after >= len(lines) or not _BLOCK_CLOSING.fullmatch(lines[after].rstrip()):
            return None
        wrapped = f"<!-- wp:html -->\n{block}\n<!-- /wp:html -->"
        return "\n".join([*lines[: after + 1], "", wrapped, *lines[after + 1 :]])
    indent = re.match(r"[ \t]*", lines[end_line - 1]).group(0)  # type: ignore[union-attr]
    return "\n".join([*lines[:index], _indented(block, indent), *lines[index:]])


#: What opens a Markdown paragraph's line inside a container: indentation, quotation marks, and a list
#: item's or a footnote definition's marker.
_CONTAINER = re.compile(r"([ \t]*)((?:>[ \t]?)*)([ \t]*)((?:[-*+]|\d{1,9}[.)])[ \t]+|\[\^[^\]]+\]:[ \t]*)?")


def _container_prefix(line: str) -> tuple[str, str]:
    """What a block put after the paragraph that ``line`` opens starts each line with to stay in the same list
    item, quotation or footnote (and what a blank line between is): the item's text column, the ``>``s."""
    found = _CONTAINER.match(line)
    assert found is not None  # every group may be empty
    lead, quotes, inner, marker = found.group(1), found.group(2), found.group(3), found.group(4) or ""
    pad = "    " if marker.startswith("[^") else " " * len(marker)
    return lead + quotes + inner + pad, (lead + quotes).rstrip()


#: A line that ends a block element (the credit's ``<p>...</p>`` on one line): a new one may follow it.
_BLOCK_ENDS_LINE = re.compile(r"</(?:p|div|li|blockquote|section|footer|aside|figcaption|h[1-6])\s*>\s*$", re.I)


def _insert_all(text: str, reprint: Reprint, blocks: list[tuple[str, str]]) -> str:
    """``text`` with each (block, position) put in by :func:`_insert`, in turn."""
    for block, position in blocks:
        text = _insert(text, reprint, block, position)
    return text


def _words_to_add(findings: list[Finding], sentences: list[str] | None, format: str) -> str | None:
    """The words each finding's fix says to add, as one paragraph in the credit's markup, or None when a
    finding's fix gives none (then the credit's own sentences go in)."""
    said = []
    for finding in findings:
        match = _WORDS_TO_ADD.fullmatch(finding.fix or "")
        if match is None:
            return None
        said.append(match.group(1))
    if not said:
        return None
    if sentences:
        return sentences[0].opening + " ".join(said) + sentences[0].closing  # type: ignore[attr-defined]
    return f"<p>{' '.join(said)}</p>" if format == "html" else " ".join(said)


#: A one-paragraph credit of more sentences than this is inserted whole (each left out costs a recheck).
_MAX_SENTENCES = 8
#: Up to this many parts, every subset is tried (14 rechecks at most); more are left out one by one.
_EVERY_SUBSET = 4


def _element_block(finding: Finding, reprint: Reprint, policy: Policy) -> tuple[str | None, str]:
    """The element to insert for ``finding``, or None and why it cannot be made."""
    rule = policy.rule(finding.rule.split("/", 1)[1])
    insert = getattr(rule.params, "insert", None) if rule else None
    if rule is not None and _already_there(rule.params, reprint):
        return None, (
            f"needs the <{rule.params.tag}> already there corrected by hand (hidden, altered, lazy-loaded or "
            "proxied): a second one would count each reader twice"
        )
    if not insert:
        return None, "needs the element added by hand (the policy has no 'insert' template for it)"
    element, missing = filled_insert(insert, reprint, policy)
    if element is None:
        said = [key for key in missing if key != "original_id"]  # derived: no key of the metadata's
        needs = [f"metadata that is not set: {_keys_named(said, reprint)}"] if said else []
        if "original_id" in missing:
            needs.append("the original's id, the number its address ends in (original_url ends in none)")
        return None, "needs " + " and ".join(needs)
    return element, ""


def _already_there(params: Any, reprint: Reprint) -> bool:
    """Whether the page has the rule's element in some form (hidden, on its host but altered, its address in a
    lazy loader's attribute or behind an image proxy): what the check asks is to correct that one."""
    from .checks.base import pattern_host, url_pattern
    from .checks.element import posing

    shown, hidden = reprint.media
    regex = url_pattern(params.pattern)
    host = (params.host or pattern_host(params.pattern) or "").lower()
    for item in (*shown, *hidden):
        if item.tag != params.tag:
            continue
        if regex.search(item.src):
            return True
        # On its host, in a lazy loader's attribute or behind a proxy: the element altered, not another
        # picture the publisher serves (its photos).
        for value in item.attrs.values():
            at = value.lower().find(host) if value and host else -1
            if at >= 0 and posing(item, params, value[at:]):
                return True
    return False


def _why_not(finding: Finding, reprint: Reprint) -> str:
    if finding.field is not None and finding.check in ("timing", "metadata"):  # as the site names it
        ours = next((o for o, theirs in reprint.key_names.items() if theirs == finding.field), finding.field)
        if reprint.metadata.value(ours) in (None, "", []):
            return f"needs '{finding.field}' set in the metadata"  # a timing rule with no original date, say
    return {
        "permission": "needs a permission record from the publisher",
        "metadata": "needs the reprint or its metadata changed by hand (see its fix)",
        "timing": "needs a later publication date",
        "media": "needs media removed, which --fix never does",
        "text": "needs the text changed by hand",
        "suppression": "needs the suppression comment corrected",
        "policy": "needs a policy for this publisher",
    }.get(finding.check, "cannot be fixed automatically")


class ChangedMeanwhileError(Exception):
    """The file no longer holds what the fix was made from: someone saved it meanwhile."""


def write_atomically(path: str, text: str, *, bom: bool = False, expected: bytes | None = None) -> None:
    """Replace ``path`` with ``text`` in one step, keeping its permissions, BOM and symlinks.

    A read-only file is refused (``OSError``), as an editor would; a file with other hard links is
    written in place, so that every link still names it (replacing it would part them), and so is a file
    whose owner or group the new file could not take (another editor's file in a shared group folder), and
    a writable file in a folder this user may not add a file to (:func:`_write_in_place`: all or nothing
    against a full disk and a Ctrl-C or SIGTERM, not against a crash or SIGKILL mid-write).
    ``expected``: the bytes the fix was made from; a file that holds others by the time it would be replaced
    is left as it is (:class:`ChangedMeanwhileError`), not overwritten with an edit lost.
    """
    target = Path(os.path.realpath(path))
    status = target.stat()
    mode = status.st_mode & 0o7777
    if not mode & 0o222:
        raise PermissionError(13, "the file is read-only")
    encoding = "utf-8-sig" if bom else "utf-8"
    if status.st_nlink > 1:
        _unchanged(target, expected)
        _write_in_place(target, text, encoding)
        return
    temp = None
    try:
        try:
            with signals_held():  # a Ctrl-C or SIGTERM now would leave the file made but not yet noted as ours
                fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        except PermissionError:  # a folder this user may not add a file to, the file writable: written in place
            _unchanged(target, expected)
            _write_in_place(target, text, encoding)
            return
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            handle.write(text)
        if not _same_owner(temp, status):
            os.unlink(temp)
            _unchanged(target, expected)
            _write_in_place(target, text, encoding)
            return
        os.chmod(temp, mode)  # after chown, which may clear set-id bits
        _unchanged(target, expected)  # as late as can be: the next step replaces it
        os.replace(temp, target)
    except BaseException:
        if temp is not None and os.path.exists(temp):
            os.unlink(temp)
        raise


def _unchanged(target: Path, expected: bytes | None) -> None:
    """Raise :class:`ChangedMeanwhileError` when ``target`` no longer holds ``expected`` (None: not asked)."""
    if expected is None:
        return
    with open(target, "rb") as handle:
        now = handle.read(len(expected) + 1)
    if now != expected:
        raise ChangedMeanwhileError(str(target))


def _write_in_place(target: Path, text: str, encoding: str) -> None:
    """Overwrite ``target`` with ``text`` where it stands, all or nothing: the room the new text needs is
    taken first (a full disk refuses it before a byte changes), and a write that fails anyway puts the old
    bytes back (they fit: the room was taken). A Ctrl-C or SIGTERM meanwhile is raised once it is done: cut
    between the write and the truncation, a shorter text was left with the old one's tail after it. A crash
    or SIGKILL in the middle can still leave it part written: a new file moved in place cannot be had here."""
    data = text.encode(encoding)
    with signals_held(), open(target, "r+b") as handle:
        old = handle.read()
        fd = handle.fileno()
        if len(data) > len(old) and hasattr(os, "posix_fallocate"):
            try:
                os.posix_fallocate(fd, 0, len(data))
            except OSError as exc:
                if exc.errno not in (errno.EINVAL, errno.EOPNOTSUPP):  # a file system that cannot say: write on
                    handle.truncate(len(old))  # a partial allocation gives back what it took
                    raise
        try:
            handle.seek(0)
            handle.write(data)
            handle.truncate()
            handle.flush()
            os.fsync(fd)
        except OSError:
            handle.seek(0)
            handle.write(old)
            handle.truncate()
            handle.flush()
            raise


def _same_owner(temp: str, status: os.stat_result) -> bool:
    """Give ``temp`` the owner and group of the file it replaces; False when it cannot have them."""
    if not hasattr(os, "chown"):  # pragma: no cover - Windows: no owners to keep
        return True
    made = os.stat(temp)
    if (made.st_uid, made.st_gid) == (status.st_uid, status.st_gid):
        return True
    try:
        os.chown(temp, status.st_uid if made.st_uid != status.st_uid else -1, status.st_gid)
    except OSError:
        return False
    return True
