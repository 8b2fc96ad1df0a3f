"""``text``: a phrase or RE2 pattern that must (``require``) or must not (``forbid``) be visible.

Matching is on the normalised visible text (NFKC, case-folded, white space
collapsed), so write patterns in lower case.

PASS (phrase: "originally published", mode: require): ``*Originally   published* by ...``
FAIL (pattern: "all rights reserved", mode: forbid): ``All Rights Reserved.``
PASS (pattern: "edited for length", unless: "interview has been edited for length", mode: forbid):
``This interview has been edited for length.``
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..policy.model import Policy, derived
from ..prefilter import required_words, word_finder
from ..reprint import Reprint
from ..textnorm import find_phrase, fold_utf8, normalize, normalized
from ..visible import CAPTIONS, VisibleBody
from .base import Context, Problem, compile_pattern

if TYPE_CHECKING:
    from .params import TextParams as Params

NAME = "text"
#: What ends the sentence before a match that opens one (the patterns' ``(^|[.!?:;)\]"”»—–] )``), as UTF-8.
_SENTENCE_ENDS = frozenset(char.encode("utf-8") for char in '.!?:;)]"”»—–')
#: Patterns up to this long are shown in messages.
_SHOWN_PATTERN = 60
SUMMARY = "A phrase or pattern must (require) or must not (forbid) appear in the visible text."

#: Per policy id: the policy and one RE2 alternation of all its forbidden patterns (None: fewer than two).
_FORBIDDEN: dict[str, tuple[Policy, Any]] = {}
#: Per policy id: the policy and the words one of which any forbidden pattern's match holds (None: unknown).
_FORBIDDEN_WORDS: dict[str, tuple[Policy, tuple[bytes, ...] | None]] = {}


def _forbidden_words(policy: Policy) -> tuple[bytes, ...] | None:
    """The words of all a policy's forbidden patterns: a text without any is clear of them all at once."""
    patterns = _forbidden_patterns(policy)
    if len(patterns) < 2:
        return None  # one pattern: its own words are looked for anyway
    words: set[bytes] = set()
    for pattern in patterns:
        found = required_words(pattern)
        if found is None:
            return None
        words.update(found)
    return tuple(sorted(words))


def _forbidden_patterns(policy: Policy) -> list[str]:
    return [
        rule.params.pattern
        for rule in policy.rules
        if rule.check == NAME and rule.params.mode == "forbid" and rule.params.pattern is not None
    ]


def _forbidden(policy: Policy) -> Any:
    """All of a policy's forbidden patterns as one: a single search of a compliant text clears them all.

    RE2 reads the text once however many alternatives it is given, and a
    forbidden pattern rarely matches, so each is searched on its own only when
    the alternation finds something.
    """
    patterns = _forbidden_patterns(policy)
    # RE2's \Q quotes to the end of the pattern when no \E closes it: joined, it would swallow the rest.
    if len(patterns) < 2 or any("\\Q" in pattern for pattern in patterns):
        return None
    try:
        return compile_pattern("|".join(f"(?:{pattern})" for pattern in patterns), utf8=True)
    except ValueError:  # too long or too big together: each is searched on its own
        return None


def check(params: Params, reprint: Reprint, context: Context) -> Iterator[Problem]:
    found = False
    problems = list(_check(params, reprint, context, reprint.visible))
    if problems and params.mode == "forbid" and not params.captions:
        # What a picture's caption says is the picture's; a Markdown line in emphasis under a picture is not
        # taken for one here (a logo over the site's "All rights reserved" is the same shape).
        apart = reprint.visible_apart(CAPTIONS)
        if apart is not reprint.visible:
            problems = list(_check(params, reprint, context, apart, captions_apart=True))
    for problem in problems:
        found = True
        yield problem
    if found or params.mode != "forbid":
        return
    # What a closed <details> holds, and what is kept for screen readers, is on the page too.
    for away, where in (
        (reprint.visible.folded_away, "in a closed <details> or toggle, a click away"),
        (reprint.visible.spoken_away, "kept for screen readers, out of sight"),
    ):
        matched = _search(params, away) if away else None
        if matched is not None:
            written = _as_written(normalize(away), normalize(away, fold_case=False), matched)
            yield Problem.at(reprint.span(matched), f'found "{_quoted(written)}" ({where})')
            return
    headline = _headline(reprint, params) if params.title else None
    if headline is not None:
        title = str(reprint.metadata.title)
        written = _as_written(normalize(title), normalize(title, fold_case=False), headline)
        yield Problem.about(
            reprint, "title", detail=f'found "{_quoted(written)}" (in the title, shown as the headline)'
        )


def _headline(reprint: Reprint, params: Params) -> str | None:
    """What the rule finds in the metadata's title, which a site shows as the article's headline (a Markdown
    page's front matter, a CMS's field), or None: asked of a rule with ``title: true``. A page's own <title>
    is its tab's, and its headline is in its body. The title's words are looked for first."""
    title = reprint.metadata.title
    if not isinstance(title, str) or not title.strip() or (reprint.format == "html" and reprint.source is None):
        return None
    folded = fold_utf8(title) or normalize(title).encode("utf-8")  # a word (no space) is in it when in the text
    if params.phrase is not None:
        if not all(word in folded for word in normalized(params.phrase).encode("utf-8").split()):
            return None
    else:
        words = required_words(params.pattern or "")
        if words is not None and not word_finder(words)(folded):
            return None
    return _search(params, title)


def _search(params: Params, text: str) -> str | None:
    """What the rule's phrase or pattern finds in ``text``, normalised, or None."""
    normalised = normalize(text)
    if params.phrase is not None:
        index = find_phrase(normalised, params.phrase)
        return normalised[index : index + len(normalized(params.phrase))] if index >= 0 else None
    found = _first_counted(params, normalised.encode("utf-8"))
    return found[0].decode("utf-8", "replace") if found is not None else None


def _check(
    params: Params, reprint: Reprint, context: Context, visible: VisibleBody, *, captions_apart: bool = False
) -> Iterator[Problem]:
    matched: str | None = None
    nth = 0
    if params.phrase is not None:
        needle = normalized(params.phrase)
        if visible.holds(params.phrase):  # the normalised text as str only when the phrase may be there
            # A copy within one block (a note: at the end); one running from a block into the next is no copy.
            index = visible.find_phrase(params.phrase, last=params.mode == "require")
            matched = visible.text[index : index + len(needle)] if index >= 0 else None
            if matched is not None and params.mode == "forbid" and find_phrase(visible.text, params.phrase) != index:
                nth = visible.text.count(needle, 0, index)  # copies across blocks passed over: placed at this one
        shown = f'"{" ".join(params.phrase.split())}"'  # as the policy writes it, not case-folded
    else:
        pattern = params.pattern or ""
        # A short pattern is shown as written; a long one (a list of phrasings) would bury the message.
        shown = f"/{pattern}/" if len(pattern) <= _SHOWN_PATTERN else "the wording this rule asks for"
        if params.mode == "forbid" and _lacks_forbidden_words(reprint, context.policy):
            return
        words = required_words(pattern)
        found = None
        if not visible.may_contain(words):
            pass  # a word every match needs is not there: nothing to search
        elif params.mode == "forbid" and _clear_of_forbidden(reprint, context.policy):
            if not _anchored(pattern):
                return
            # Clear as a whole; a pattern that may start a sentence (``^``) may still open a block of its own.
            found = _in_a_block(params, visible, words)
        else:
            # A block read on its own holds more only for an exception that may start a sentence (``^``).
            in_blocks = _HeldByItsBlock(params, visible) if _anchored(params.unless or "") else None
            found = _first_counted(params, visible.text_utf8, in_blocks, visible)
            if found is None and _anchored(pattern):
                found = _in_a_block(params, visible, words if params.mode == "forbid" else None)
        space = found[0].find(b" ", 1, 5) if found is not None else -1
        if found is not None and space > 0 and found[0][:space] in _SENTENCE_ENDS and len(found[0]) > space + 1:
            # A match that opens a sentence holds the stop before it (". Brought to you by", '" Traducción de'): it
            # is placed at its own words, on their line, not at the end of the sentence before.
            at = visible.text_utf8.find(found[0], found[1])
            found = (found[0][space + 1 :], at + space + 1 if at >= 0 else found[1])
        matched = found[0].decode("utf-8", "replace") if found is not None else None
        if found is not None and found[1]:  # matches passed over (or a block's copy): the same words before it
            nth = visible.text_utf8.count(found[0], 0, found[1])
    if params.mode == "require" and matched is None:
        line, column = reprint.end_position()
        yield Problem(line, column, detail=f"{shown} is not visible in the article", fix=_add_wording(params, context))
    elif params.mode == "forbid" and matched is not None:
        # Found with the captions apart: placed at a copy outside them, not at a caption saying the same.
        if captions_apart:
            span, written = reprint.span_outside_captions(matched, nth), ""
        else:
            span, written = reprint.span_written(matched, nth)
        if not written or normalize(written) != matched or normalize(written, fold_case=False) != written:
            # Not the words alone where placed (markup, a line break, a curly quote): the text as written,
            # normalised but for case, at the same copy (that text is made only here, for such a finding).
            written = _as_written(visible.text, visible.cased_text, matched, nth)
        yield Problem.at(span, f'found "{_quoted(written)}"')


def _add_wording(params: Params, context: Context) -> str:
    """What an editor is told to do for a required wording when the rule gives no ``fix`` of its own: the
    phrase itself, or the pattern a short one is (a long one named, with where to read it)."""
    if params.phrase is not None:
        return f'Add "{" ".join(params.phrase.split())}" to the article.'
    key = f"{context.policy.id}/{context.rule.id}"
    pattern = params.pattern or ""
    if len(pattern) <= _SHOWN_PATTERN:
        return f"Add wording that the pattern /{pattern}/ matches to the article (reprint-guard explain {key})."
    return f"Add the wording this rule asks for to the article (reprint-guard explain {key} shows its pattern)."


#: How much of what a forbidding rule found its message quotes: a pattern such as ``sponsored by .+`` may match
#: a whole paragraph, and the finding's place and extent say where all of it stands.
_QUOTED = 120


def _quoted(matched: str) -> str:
    """``matched`` as a finding quotes it: whole, or its start cut at a word with "…" when longer than
    :data:`_QUOTED` characters."""
    if len(matched) <= _QUOTED:
        return matched
    cut = matched[: _QUOTED - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > _QUOTED // 2 else cut).rstrip() + "…"


def _as_written(text: str, cased: str, matched: str, nth: int = 0) -> str:
    """``matched``, the ``nth`` copy of it in ``text`` (normalised, case-folded), as the page writes it: the
    same place in ``cased`` (normalised, its case kept). As compared when folding changed a character's length
    ("ß" is "ss") in the copy itself, or the copy is not there: a finding quotes "All Rights Reserved", not
    "all rights reserved"."""
    if len(cased) != len(text):  # a letter before it folded to another length: its copies found blind to case
        hits = [hit.group(0) for hit in re.finditer(re.escape(matched), cased, re.IGNORECASE)]
        if len(hits) == text.count(matched) and nth < len(hits) and hits[nth].casefold() == matched.casefold():
            return hits[nth]
        return matched
    at = -1
    for _ in range(nth + 1):
        at = text.find(matched, at + 1)
        if at < 0:
            return matched
    written = cased[at : at + len(matched)]
    return written if written.casefold() == matched.casefold() else matched


@lru_cache(maxsize=512)
def _anchored(pattern: str) -> bool:
    """Whether ``pattern`` has a ``^`` that anchors (not one escaped, nor one negating a class ``[^ .]``):
    only such a pattern finds more in a block read on its own."""
    at, size = 0, len(pattern)
    while at < size:
        char = pattern[at]
        if char == "\\":
            at += 2
            continue
        if char == "[":  # a class: up to its end, a "]" first in it being one of its characters
            at += 2 if pattern.startswith("[^", at) else 1
            at += 1 if pattern.startswith("]", at) else 0
            while at < size and pattern[at] != "]":
                at += 2 if pattern[at] == "\\" else 1
        elif char == "^":
            return True
        at += 1
    return False


def _first_counted(
    params: Params,
    text: bytes,
    block_holds: Callable[[bytes, bytes, int], bool] | None = None,
    visible: VisibleBody | None = None,
) -> tuple[bytes, int] | None:
    """The first match of the rule's pattern in ``text`` (normalised UTF-8) that no match of its ``unless``
    holds (in ``text``, or in its own block: ``block_holds``), with where it starts, or None. Matches are
    passed over only once one is found: most texts have none. ``visible``: what ``text`` is the text of, whose
    blocks stand apart: a match (or an exception) runs across none of their edges (see :func:`_in_blocks`)."""
    regex = compile_pattern(params.pattern or "", utf8=True)
    found = regex.search(text)
    if found is None:
        return None
    if params.unless is None and (visible is None or visible.block_edge(*found.span(), utf8=True) is None):
        return found.group(0), 0
    held = _unless_spans(params.unless, text, visible) if params.unless is not None else []
    starts = [outer_start for outer_start, _ in held]  # in order, apart but for a last character: the one that
    for match in _in_blocks(regex, text, visible, found):  # may hold a match is the last to start at or before it
        start, end = match.span()
        at = bisect_right(starts, start) - 1
        if at >= 0 and end <= held[at][1]:
            continue
        if block_holds is None or not block_holds(text, match.group(0), start):
            return match.group(0), start
    return None


def _in_blocks(regex: Any, text: bytes, visible: VisibleBody | None, first: Any = None) -> Iterator[Any]:
    """The matches of ``regex`` in ``text`` (``visible``'s normalised UTF-8), in order, each within one block:
    where the first match at a place runs on into the next block, what matches before that block ends is
    looked for (``sponsored by .+`` is the rest of its paragraph, not of the article), then the next block.
    Every match of ``regex`` when ``visible`` is None (a line, a title: no blocks to tell). ``first``: the
    match of a search of the whole ``text`` made already (not searched again: a long pattern's search reads
    the whole text)."""
    if visible is None:
        yield from regex.finditer(text)
        return
    at, size = 0, len(text)
    while at <= size and (match := first if at == 0 and first is not None else regex.search(text, at)) is not None:
        start, end = match.span()
        edge = visible.block_edge(start, end, utf8=True)
        if edge is not None:
            # Up to the end of the block it starts in.
            match = regex.search(text, start, edge)
            if match is None:
                at = edge
                continue
            start, end = match.span()
        yield match
        # From the match's last character on: a match passed over may end with the stop the next one starts
        # after ("Non-commercial use only. No reproduction without permission." under an NC licence).
        at = max(end - 1, start + 1)


def _unless_spans(unless: str, text: bytes, visible: VisibleBody | None = None) -> list[tuple[int, int]]:
    """Where the matches of a rule's ``unless`` stand in ``text``, in order: each looked for from the last
    one's final character on, not past it, since an exception may end with the stop the next one starts
    after ("Photo: AP. All rights reserved. Photo: Reuters. All rights reserved." holds two credits).
    ``visible``: as for :func:`_first_counted`, an exception stands within one block."""
    regex = compile_pattern(unless, utf8=True)
    spans: list[tuple[int, int]] = []
    at = 0
    while (match := regex.search(text, at)) is not None:
        start, end = match.span()
        if visible is not None and (edge := visible.block_edge(start, end, utf8=True)) is not None:
            inner = regex.search(text, start, edge)
            if inner is None:
                at = edge
                continue
            start, end = inner.span()
        spans.append((start, end))
        at = max(end - 1, start + 1)
        if at > len(text):
            break
    return spans


class _HeldByItsBlock:
    """Whether the rule's ``unless`` holds a match of ``text`` read in the match's own block, where a sentence
    starts at the block's start: a photo's credit written as a paragraph of its own under a byline with no
    full stop ("By Ana Ruiz" then "Photo: Holt Museum. All rights reserved.") runs on from it in the text as
    a whole. The match is its block's by count (the k-th copy in the text is the k-th in the blocks, in
    order); when the blocks do not hold every copy, none is taken for held. Worked out once per text and
    what was matched (a page of thousands of copies asks for each), and counted on from the last copy asked
    (matches come in order): one count over the text."""

    __slots__ = ("counted", "held", "params", "visible")

    def __init__(self, params: Params, visible: VisibleBody) -> None:
        self.params, self.visible = params, visible
        self.held: dict[bytes, frozenset[int]] = {}
        self.counted: dict[bytes, tuple[int, int]] = {}  # what was matched -> (where last asked, copies before)

    def __call__(self, text: bytes, matched: bytes, start: int) -> bool:
        held = self.held.get(matched)
        if held is None:
            held = self.held[matched] = _held_copies(self.params, self.visible, text, matched)
        if not held:
            return False
        since, copies = self.counted.get(matched, (0, 0))
        if since > start:
            since, copies = 0, 0
        copies += text.count(matched, since, start)
        self.counted[matched] = (start, copies)
        return copies in held


def _held_copies(params: Params, visible: VisibleBody, text: bytes, matched: bytes) -> frozenset[int]:
    """Which copies of ``matched`` in ``text`` (counted from 0) the rule's ``unless`` holds in their blocks.

    A block is a line of the visible text (blocks end in line breaks; a line break inside a paragraph parts
    it too, which can only hold less); only the lines holding the match as written (but for case) are
    normalised. When those do not hold every copy (one written otherwise), none is taken for held."""
    first = matched.decode("utf-8", "replace")  # as the text as written mostly has it, but for case
    raw = visible.raw_text
    lowered = visible.lowered_raw  # the same length for most text: where a word stands in it, it stands in raw
    if first and len(lowered) == len(raw):
        lines = [normalize(line) for _, line in _lines_holding(raw, lowered, [first])]
    else:  # a letter whose lower case is longer: every line, as it stands
        lines = [normalize(line) for line in raw.split("\n")]
    blocks = [encoded for line in lines if matched in (encoded := line.encode("utf-8"))]
    if sum(block.count(matched) for block in blocks) != text.count(matched):
        return frozenset()
    held, ordinal = set(), 0
    for block in blocks:
        spans = _unless_spans(params.unless or "", block)
        starts = [begin for begin, _ in spans]  # as in _first_counted, only the last to start at or before a
        at = block.find(matched)  # copy may hold it (a bisection: a line of thousands of photo credits asked each)
        while at >= 0:
            last = bisect_right(starts, at) - 1
            if last >= 0 and at + len(matched) <= spans[last][1]:
                held.add(ordinal)
            ordinal += 1
            at = block.find(matched, at + 1)
    return frozenset(held)


def _in_a_block(
    params: Params, visible: VisibleBody, words: tuple[bytes, ...] | None = None
) -> tuple[bytes, int] | None:
    """The rule's pattern found in one block read on its own, where ``^`` is the block's start (a note in a
    paragraph of its own under a heading or a byline with no full stop), or None. Asked only when the text as
    a whole has no match: a required note is missing otherwise, a forbidden one found.

    ``words``: one of which every match holds (:func:`required_words`); only the blocks holding one, in
    lower case, are normalised and searched (a forbidden pattern is asked of every reprint holding its
    words, and most of their blocks hold none)."""
    raw = visible.raw_text
    # A block a line (see _held_copies); of the words, only those the text holds (the lexicon said which).
    lowered = visible.lowered_raw if words else ""
    held = visible.held_of(words) if words else ()
    wanted = [word.decode("utf-8", "replace") for word in held] if words and len(lowered) == len(raw) else []
    if words and not held:
        return None
    forbid = params.mode == "forbid"
    for start, line in _lines_holding(raw, lowered, wanted) if wanted else _lines(raw):
        if not line.strip():
            continue
        found = _first_counted(params, normalize(line).encode("utf-8"))  # what its ``unless`` holds, passed over
        if found is None:
            continue
        if not forbid:
            return found[0], 0
        # A line a paragraph's text wraps onto opens no sentence: a forbidden match only counts at a block's
        # start (a paragraph, a heading, a list item), and is placed at its copy there.
        if _opens_a_block(visible, raw, start, line):
            return found[0], _copy_at(visible, raw, start, line, found)
    return None


def _copy_at(visible: VisibleBody, raw: str, start: int, line: str, found: tuple[bytes, int]) -> int:
    """Where in the whole text the copy of a block's match stands: the copies of it before the block, and in
    the block before it, counted (the same words may stand in a sentence above: "zoned for noncommercial use
    only" is not the notice under the heading)."""
    matched = found[0]
    ordinal = normalize(raw[:start]).encode("utf-8").count(matched)
    ordinal += normalize(line).encode("utf-8").count(matched, 0, found[1])
    text, at = visible.text_utf8, -1
    for _ in range(ordinal + 1):
        at = text.find(matched, at + 1)
        if at < 0:
            return 0
    return at


def _opens_a_block(visible: VisibleBody, raw: str, start: int, line: str) -> bool:
    """Whether the line of ``raw`` at ``start`` opens a block of the page, not a line a paragraph's text wraps
    onto. Plain text: the first line, or one after a blank line."""
    if not visible.parsed:
        return start == 0 or raw[:start].rstrip(" \t").endswith("\n\n")
    return visible.starts_a_block(line)


def _lines(raw: str) -> Iterator[tuple[int, str]]:
    """Each line of ``raw`` with where it starts."""
    start = 0
    for line in raw.split("\n"):
        yield start, line
        start += len(line) + 1


def _lines_holding(raw: str, lowered: str, words: list[str]) -> list[tuple[int, str]]:
    """The lines of ``raw`` whose lower case (``lowered``, of the same length) holds one of ``words``, in
    order, with where each starts."""
    starts: set[int] = set()
    for word in words:
        at = lowered.find(word)
        while at >= 0:
            start = raw.rfind("\n", 0, at) + 1
            starts.add(start)
            end = raw.find("\n", at)
            at = -1 if end < 0 else lowered.find(word, end)
    lines = []
    for start in sorted(starts):
        end = raw.find("\n", start)
        lines.append((start, raw[start : len(raw) if end < 0 else end]))
    return lines


def _lacks_forbidden_words(reprint: Reprint, policy: Policy) -> bool:
    """True when the text lacks the words of all the policy's forbidden patterns (looked for once per reprint)."""
    words = derived(_FORBIDDEN_WORDS, policy, _forbidden_words)
    return words is not None and _once(
        reprint, f"text:forbidden-words:{policy.id}", words, lambda: not reprint.visible.may_contain(words)
    )


def _clear_of_forbidden(reprint: Reprint, policy: Policy) -> bool:
    """True when none of the policy's forbidden patterns is in the text (searched once per reprint).

    False, unsearched, when the words of fewer than two of them are in the text: the one rule whose words are
    there searches its own pattern anyway (the whole text read once, not twice), and the others stop at their
    words. On the bench's mixed corpus the alternation found something in 656 of its 675 searches, and in 459
    of them the words of one pattern only were there.
    """
    combined = derived(_FORBIDDEN, policy, _forbidden)
    return combined is not None and _once(
        reprint,
        f"text:forbidden:{policy.id}",
        combined,
        lambda: _candidates(reprint, policy) > 1 and combined.search(reprint.visible.text_utf8) is None,
    )


def _candidates(reprint: Reprint, policy: Policy) -> int:
    """How many of the policy's forbidden patterns may match: those whose words the text holds (or has no
    words known for), up to two."""
    visible, count = reprint.visible, 0
    for pattern in _forbidden_patterns(policy):
        if visible.may_contain(required_words(pattern)):
            count += 1
            if count > 1:
                break
    return count


def _once(reprint: Reprint, key: str, basis: object, answer: Callable[[], bool]) -> bool:
    """``answer()``, asked once per reprint for the same ``basis`` (a replaced policy's patterns ask again)."""
    memo = reprint.memo.get(key)
    if memo is None or memo[0] is not basis:
        memo = reprint.memo[key] = (basis, answer())
    return memo[1]  # type: ignore[index, return-value]
