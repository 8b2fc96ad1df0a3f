"""``attribution``: a named credit, or a copyright notice naming the holder, in the visible body.

PASS (names: [Global Research])::

    Originally published by Global Research.

FAIL: the name only in an HTML comment, a code span or a hidden element.

PASS (copyright: true, author Jane Doe)::

    Copyright © Jane Doe, 2024
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import chain, permutations
from typing import TYPE_CHECKING, Any

from ..metaview import name_forms, names_of
from ..reprint import Reprint
from ..textnorm import as_written, find_phrase, lookalike_of, may_hold_lookalikes, normalize, normalized, spaceless
from ..visible import CAPTION_LINES, CAPTIONS, VisibleBody
from .base import (
    CREDIT_WORDS,
    OTHER_WORK_WORDS,
    PAGE_AUTHOR,
    THERE_BUT_ELSEWHERE,
    THERE_BUT_WRONG,
    WINDOW_CHARS,
    Context,
    LazyValues,
    Problem,
    compile_pattern,
    in_window,
    measured_over,
    names_other_work,
    names_page_author,
    publisher_names,
    render,
)

if TYPE_CHECKING:
    from ..metaview import MetadataView
    from .params import AttributionParams as Params

NAME = "attribution"
SUMMARY = "A named credit (any accepted variant), or a copyright notice naming the holder, is visible."

_NOTICE_MARKS = ("©", "(c)", "copyright")
#: The word "copyright" as notices in other languages write it, in place of the mark ("Derechos de autor 2026
#: Ana Ruiz", "Hak cipta 2026 ...", "版权：..."): whole words, as "copyright" is.
_NOTICE_ELSEWHERE = (
    "derechos de autor",
    "direitos autorais",
    "direitos de autor",
    "droits d'auteur",
    "diritti d'autore",
    "urheberrecht",
    "hak cipta",
    "版权",
    "版權",
    "著作権",
    "حقوق النشر",
    "حقوق الطبع",
)
#: A word each of them holds, as :meth:`~reprint_guard.visible.VisibleBody.may_contain` asks.
_NOTICE_ELSEWHERE_WORDS = tuple(
    word.encode("utf-8")
    for word in ("derechos", "direitos", "droits", "diritti", "urheberrecht", "cipta", "版权", "版權", "著作権", "حقوق")
)
_NOTICE_WINDOW = 160
#: Up to this many other accepted names are listed in a missing credit's message.
_LISTED_NAMES = 8


#: Titles a byline or notice may put before a name, or leave out ("Prof Tomasz Wielgosz", "Dr. Ana Ruiz"), in
#: English and as Spanish, Portuguese, French, German and Indonesian write them ("Dra.", "Pr", "Mme", "Ir.").
_TITLE = re.compile(
    r"(?i)(?:dr|dra|drs|prof|profa|professor|pr|mr|mrs|ms|mx|rev|sir|dame|sr|sra|srta|mme|mlle|ir|dott)"
    r"\.?\s+(?=\S+\s+\S)"
)


def without_title(name: str) -> str:
    """A name as looked for: without the titles before it ("Prof. Dr. Ana Ruiz"), which the credit may write
    or leave out (a name left with one word keeps its title: "Dr Who")."""
    name = name.strip()
    while name[:1] in "DdPpMmRrSsIi" and (found := _TITLE.match(name)) is not None:
        name = name[found.end() :]
    return name


def notice_positions(text: str) -> list[int]:
    """Where a copyright mark (©, (c) or the word "copyright", or that word in another language) starts in
    normalised text."""
    found = []
    told: dict[str | tuple[int, str], bool] = {}  # a word's answer, by the text around it (see _around)
    for mark in _NOTICE_MARKS + _NOTICE_ELSEWHERE:  # (a block's text: a few finds)
        index = text.find(mark)
        while index >= 0:
            if mark == "©":
                found.append(index)
            else:
                around = _around(text, index, _OPENS_BEFORE, len(mark) + _OPENS_AFTER)
                opens = told.get(around)
                if opens is None:
                    opens = told[around] = (
                        mark == "(c)" or find_phrase(text, mark, index, index + len(mark)) == index
                    ) and _opens_a_notice(text, index, mark)
                if opens:
                    found.append(index)
            index = text.find(mark, index + 1)
    return sorted(found)


def _around(text: str, index: int, before: int, after: int) -> str | tuple[int, str]:
    """The text from ``before`` characters before ``index`` to ``after`` after it (with where ``index`` is in it,
    near the start): a mark whose surroundings are the same as another's, as far as a look at it reads, gets
    the same answer, so a page of thousands of alike marks asks once (a slice costs less than one look)."""
    return text[index - before : index + after] if index >= before else (index, text[: index + after])


def _opens_a_notice(text: str, index: int, word: str) -> bool:
    """Whether the mark ``word`` at ``index`` reads as a notice's, not as a story's words.

    The word "copyright" in another language opens its sentence, as a notice's does ("Derechos de autor 2026
    Ana Ruiz"), not a story's ("sobre los derechos de autor, Ana Ruiz ..."); a Chinese, Japanese or Arabic one
    stands anywhere ("本文版权归...所有"). In English, "copyright" is the story's before a word that makes it
    a thing ("copyright law", "the Copyright Office", "copyright holders"), or after one that is no notice's
    ("like copyright: Dana Whitfield, who ..."); a notice's opens its sentence or block, follows a separator
    ("Ledger - Copyright ..."), names what it covers ("Text and photos copyright ...", "is copyright") or
    has a mark or a year after it. "(c)" is no mark in a list lettered "(a)", "(b)" (but before a year), nor
    in "501(c)(3)".
    """
    if word == "(c)":
        if text[index - 1 : index].isalnum():
            return False  # "501(c)(3)"
        year = text[index + 3 : index + 9].lstrip(" \xa0")[:4].isdigit()  # "(c) 2025 Ana Ruiz": a notice's
        return year or "(b)" not in text[max(0, index - _LETTERED_LIST) : index]
    if not word.isascii() and not any("a" <= char <= "z" for char in word):
        return True
    english = word.lower() == "copyright"
    after = text[index + len(word) : index + len(word) + 24].lstrip(" :\xa0")
    if english and _PROSE_AFTER.match(after.lower()):
        return False
    if text[max(0, index - 8) : index].rstrip(" \t\xa0").endswith("\n"):
        return True  # a block's (a line's) first word, in the text as written
    before = text[max(0, index - 24) : index].rstrip()
    if not before or before[-1] in _OPENING:
        return True
    if not english:
        return False
    if after[:1] in ("©", "&") or after[:3].lower() == "(c)" or after[:4].isdigit():
        return True
    return before.rsplit(None, 1)[-1].lower().strip("*_") in _COVERS


#: What a notice's "copyright" may follow: a sentence's end, a separator, a closing quotation mark.
_OPENING = ".!?:;|·•—–-/,()[]*©\"'”’»"
#: The words before "copyright" in a notice that names what it covers ("Text and photos copyright Ana Ruiz").
_COVERS = frozenset(
    {
        *("text", "texts", "content", "contents", "words", "story", "article", "articles", "material", "all"),
        *("photos", "photographs", "pictures", "images", "illustrations", "is", "are", "remain", "remains"),
    }
)
#: Words after "copyright" that make it the story's word for a thing, not a notice's mark.
_PROSE_AFTER = re.compile(
    r"(?:law|laws|office|act|acts|holders?|owners?|ownership|infringements?|protections?|claims?|lawyers?|"
    r"terms?|polic(?:y|ies)|cases?|lawsuits?|suits?|rules?|system|reform|directive|registrations?|royalt(?:y|ies)|"
    r"regime|issues?|disputes?|violations?|expert|experts|scholars?|status|page|notices? (?:on|of|for))\b"
)


#: How far before a "(c)" a "(b)" makes it a list's third item, not a copyright mark.
_LETTERED_LIST = 600
#: How far :func:`_opens_a_notice` (and the look at a word's ends) reads before a mark and after its word.
_OPENS_BEFORE, _OPENS_AFTER = _LETTERED_LIST + 8, 32


def has_notice(text: str, holders: list[str], *, cased: bool = False, marks: list[int] | None = None) -> bool:
    """A copyright notice in normalised ``text`` that names every holder soon after the mark.

    With ``cased``, ``text`` is the visible text as written, where each block
    (a paragraph, a caption) stands on lines of its own: the holders must be on
    the mark's line, so a photo credit ("Photo © Reuters") above the byline is
    no notice of the author's. Only "©" and "Copyright" marks and the holders as
    spelt in the metadata are tried (the quick first look). Otherwise ``text``
    is one block's normalised text. ``marks``: the notice positions, when
    already found.
    """
    if holders and (as_written(holders[0]) if cased else normalized(holders[0])) not in text:
        return False  # no notice names them, however many marks there are (one search, not a look at each)
    if marks is None:  # the cased marks come lazily, last first: a notice is usually at the end
        positions: Iterable[int] = _cased_notice_positions(text) if cased else notice_positions(text)
    else:
        positions = marks
    # The window is the mark, the names themselves and up to _NOTICE_WINDOW characters besides (a year,
    # separators, the publisher): six long names fit as well as one.
    reach = len("copyright") + _NOTICE_WINDOW + sum(map(len, holders)) + 2 * len(holders)
    # What the look at a mark reads: the name before it and another work's credit before that, the notice after.
    sizes = [len(as_written(holder) if cased else normalized(holder)) for holder in holders]
    reach_before = _CREDIT_BEFORE + max(sizes, default=0) + 8
    seen: set[str | tuple[int, str]] = set()  # marks whose surroundings another had: the same answer (see _around)
    for start in positions:
        around = _around(text, start, reach_before, reach + 8)
        if around in seen:
            continue
        seen.add(around)
        if len(holders) == 1 and _named_before(text, holders[0], start, cased=cased):
            return True
        end = start + reach
        if cased:
            line_end = text.find("\n", start, end)
            end = end if line_end < 0 else line_end
        farthest = start
        for holder in holders:
            at = find_phrase(text, holder, start, end, cased=cased)
            if at < 0:
                break
            farthest = max(farthest, at)
        else:  # every name there, and starting in the notice's own sentence, the notice no photo's
            between = text[start:farthest]
            if ("." in between or "!" in between or "?" in between) and _sentence_ends(text, start, farthest) >= 0:
                continue
            before = text[max(0, start - 24) : start].rstrip()
            if not before or before[-9:].lower() == "copyright" or not _after_other_work(text, start, notice=True):
                return True
    return False


def _named_before(text: str, holder: str, mark: int, *, cased: bool) -> bool:
    """Whether the one holder stands right before the mark at ``mark``, as some write a notice ("Dana
    Whitfield © 2025"): the name, then only spaces or a comma, then the mark, and a year after it; not a
    picture's credit ("Photo: Dana Whitfield © 2025", "Illustration by Dana Whitfield © 2025")."""
    if text[mark : mark + 1] != "©" and text[mark : mark + 3].lower() != "(c)":
        return False  # the word "copyright" after a name is a sentence's ("Ana Ruiz copyright law ...")
    size = len(as_written(holder) if cased else normalized(holder))
    begin = max(0, mark - size - 3)
    at = find_phrase(text, holder, begin, mark, cased=cased)
    if at < 0 or text[at + size : mark].strip(" ,\xa0"):
        return False
    after = text[mark + 1 : mark + 12].lstrip(" c)\xa0")
    return after[:4].isdigit() and not _after_other_work(text, at)  # "Illustration by Ana Ruiz © 2025"


#: Abbreviations of four letters or more that a notice's names hold ("Prof. Ana Ruiz", "Warner Bros. Discovery").
_ABBREVIATIONS = frozenset(
    {"prof", "profs", "bros", "corp", "dept", "univ", "assn", "inst", "govt", "natl", "intl", "sept", "messrs"}
)


def _sentence_ends(text: str, start: int, end: int) -> int:
    """Where the first sentence after ``start`` ends before ``end``, or -1: a full stop (or ! or ?) and white
    space after a word of four letters or more, or a year ("Copyright © 2025 Riverbend Ledger. Republished
    with thanks to Lena Marsh": her name is in another sentence, the notice the republisher's); not after an
    initial or a title ("Dr.", "A. B. Marsh", "Prof.")."""
    at = _next_stop(text, start, end)
    while at >= 0:
        word = text[max(start, at - 4) : at]
        if (
            at + 1 < len(text)
            and text[at + 1].isspace()
            and len(word) == 4
            # A year's stop right after the mark ("© 2025. Name") ends nothing.
            and (word.isalpha() or (word.isdigit() and _has_letter(text, start, at)))
            and text[text.rfind(" ", start, at) + 1 : at].lower() not in _ABBREVIATIONS
        ):
            return at + 1
        at = _next_stop(text, at + 1, end)
    return -1


#: The mark's own words: a year's full stop right after them ("© 2025. Eastmoor Courier Ltd") ends nothing.
_NOTICE_WORDS = re.compile(r"copyright|\(c\)|©", re.IGNORECASE)


def _has_letter(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a letter besides the mark's own word."""
    return any(char.isalpha() for char in _NOTICE_WORDS.sub("", text[start:end]))


def _next_stop(text: str, start: int, end: int) -> int:
    """Where the next ".", "!" or "?" stands in ``text[start:end]``, or -1."""
    found = [at for mark in ".!?" if (at := text.find(mark, start, end)) >= 0]
    return min(found) if found else -1


def _cased_notice_positions(text: str) -> Iterator[int]:
    """Where "©" and the word "Copyright" stand, last first: a notice is usually at the end. The word
    only as a notice writes it (see :func:`_opens_a_notice`): "the Copyright Office said" is the story's."""
    sign, word = text.rfind("©"), text.rfind("Copyright")
    told: dict[str | tuple[int, str], bool] = {}  # a word's answer, by the text around it (see _around)
    while sign >= 0 or word >= 0:
        if sign > word:
            yield sign
            sign = text.rfind("©", 0, sign)
        else:
            around = _around(text, word, _OPENS_BEFORE, len("Copyright") + _OPENS_AFTER)
            opens = told.get(around)
            if opens is None:
                opens = told[around] = find_phrase(
                    text, "Copyright", word, word + len("Copyright"), cased=True
                ) == word and _opens_a_notice(text, word, "Copyright")
            if opens:
                yield word  # a word of its own: not "Copyrighted"
            word = text.rfind("Copyright", 0, word)


def _story_visible(reprint: Reprint) -> tuple[VisibleBody, VisibleBody] | None:
    """What a reader sees of a newsletter issue up to its story's end (:func:`~reprint_guard.reprint.email_story`),
    and of its last block of text to that end: the event listings and footer after the story are other items, no
    part of it. None for another reprint, or an issue with no element sure to be the story's. Parsed once, and
    only when a bottom credit is not at the bottom of the whole issue."""
    if reprint.format != "html" or reprint.metadata.medium != "newsletter" or reprint.article is not None:
        return None
    found = reprint.memo.get("story-visible")
    if found is None:
        from ..reprint import body_tags, email_story
        from ..visible import from_html

        page = reprint.html
        opening, closing = body_tags(page)
        story = email_story(page, opening or 0, closing if closing is not None else len(page), reprint.skip)
        options = reprint._parse_options()
        found = (
            False
            if story is None
            else (from_html(page[: story.end], **options), from_html(page[story.last : story.end], **options))  # type: ignore[arg-type]
        )
        reprint.memo["story-visible"] = found
    return found or None


def _story_said(reprint: Reprint, position: str) -> str:
    """How a newsletter's bottom is measured, for a credit not there."""
    if position != "bottom" or reprint.format != "html" or reprint.metadata.medium != "newsletter":
        return ""
    if _story_visible(reprint) is not None:
        return "; in a newsletter, the bottom is the end of the story's cell or <div>, the items after it aside"
    return (
        "; the bottom is measured over the whole issue, as no cell or <div> holding the headline and the "
        "story's paragraphs was found"
    )


def _placed_in_the_story(reprint: Reprint, params: Params) -> bool:
    """Whether a newsletter's credit asked for at the bottom is at the bottom of its story, the issue's items
    after it aside (see :func:`_story_visible`): in its last block of text, and in the window of its end."""
    if params.position != "bottom":
        return False
    found = _story_visible(reprint)
    if found is None:
        return False
    story, last = found
    if not _placements(last, params):
        return False  # not in the story's last block: a paragraph of the story comes after it
    return any(_placed(f, params) for f in _placements(story, params)) and _placed_in_a_credit(story, params)


def _placed(fraction: float, params: Params) -> bool:
    return in_window(fraction, params.position, params.window)


#: A block this short that names the publisher is a credit line or a byline of its own ("— Global Voices",
#: "By Rosa Delgado, CalMatters · October 16, 2026 · Updated October 17"), not a paragraph of the story.
_CREDIT_LINE = 160
#: How many of a name's places in the text as written are looked at before the blocks are read, and how far
#: around each (on its line) a credit's words are looked for.
_QUICK_LOOKS = 8
_AROUND = 100
#: What else marks a block naming the publisher as its credit, not the story's: a byline's or a notice's words.
_CREDIT_MARKS = r"published (?:by|on|in)|\bvia\b|this (?:story|article|post|report)|copyright|©|licen[cs]e|^\W*by\b"


def _credit_around(raw: str, at: int, name: str) -> bool:
    """Whether the text as written around ``name`` at ``at`` (on its line, up to :data:`_AROUND` characters
    each side) holds a credit's words."""
    start, end = raw.rfind("\n", max(0, at - _AROUND), at) + 1, raw.find("\n", at, at + len(name) + _AROUND)
    around = raw[max(start, at - _AROUND) : end if end >= 0 else at + len(name) + _AROUND]
    return _creditish_in(around.lower())


@lru_cache(maxsize=1)
def _creditish() -> Any:
    """Either, in one RE2 search of UTF-8 (Python's engine tries each of the many alternatives at every
    character; RE2's str wrapper maps offsets back for text that is not ASCII)."""
    return compile_pattern(f"{CREDIT_WORDS.pattern}|{_CREDIT_MARKS}", utf8=True)


def _creditish_in(lowered: str) -> bool:
    """Whether ``lowered`` (text in lower case) holds a match of :func:`_creditish`. The words most credits say,
    each a match of the pattern by itself, are found first by plain finds (~0.1 µs each): the pattern's search
    through the wrapper (the text encoded, ~2 µs) only without them."""
    return (
        "this story" in lowered
        or "this article" in lowered
        or "republish" in lowered
        or _creditish().search(lowered.encode("utf-8")) is not None
    )


def _in_a_credit(visible: VisibleBody, names: tuple[str, ...]) -> bool:
    """Whether a block (a paragraph, a caption...) naming one of ``names`` reads as a credit (credit words,
    or a block that is little more than the name), not as the story's prose ("one presenter told Global
    Voices", in a paragraph of the story). Asked of a name found where a credit may stand, or away from where
    it is wanted (moved, or never there); a line of the text as written with a credit's words settles most."""
    raw = visible.raw_text
    for name in names:  # the quick look: the text as written around the name, from the end, with credit words
        at, seen = raw.rfind(name), 0
        while at >= 0 and seen < _QUICK_LOOKS:
            if _credit_around(raw, at, name):
                return True
            at, seen = raw.rfind(name, 0, at), seen + 1
    wanted = tuple(normalized(name) for name in names)
    blocks = visible.blocks_holding(wanted)
    if not blocks:
        return True  # not found block by block (a name across blocks?): taken for a credit, as before
    return any(_reads_as_credit(block, wanted) for block in blocks)


#: Words that credit the story itself, not a picture ("The original source of this article is", "originally
#: published by"): a caption that says them is the story's credit, set under a figure.
_STORY_CREDIT = re.compile(
    r"originally|first (?:published|appeared|ran)|republish|reprint|source of this (?:article|story)"
    r"|appeared (?:on|in)|this (?:story|article) (?:was|is|first)"
)


def _story_credited(visible: VisibleBody, names: tuple[str, ...]) -> bool:
    """Whether a block naming one of ``names`` says a credit's words of the story (see :data:`_STORY_CREDIT`)."""
    return any(_STORY_CREDIT.search(block) for block in visible.blocks_holding(tuple(normalized(n) for n in names)))


#: A sentence that says who a person is ("Marta Kowalczyk is a regular contributor to Global Research.", "...
#: is a Research Associate of the Centre for Research on Globalization"): an author's bio, which names the
#: publisher but credits no source. Its subject, a name of a few words, opens it.
_BIO = re.compile(
    r"^(?:[\w.'’-]+ ){1,4}(?:is|was|are|were|has been)\s+(?:a|an|the|our|one of)\b[^.!?]{0,80}?\b(?:contributors?"
    r"|associates?|writers?|authors?|editors?|columnists?|fellows?|reporters?|correspondents?|researchers?|members?"
    r"|directors?|professors?|analysts?|journalists?)\b"
)
#: Where a block's sentences part.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")


def _reads_as_credit(block: str, names: tuple[str, ...]) -> bool:
    """Whether a normalised block naming the publisher (one of ``names``, normalised) reads as its credit:
    credit words in it, or a block of a credit line's length with a sentence naming the publisher that is no
    author's bio ("Jane Roe is a research associate of ... From Global Research.")."""
    if _creditish_in(block):
        return True
    if len(block) > _CREDIT_LINE:
        return False
    naming = [sentence for sentence in _SENTENCE_BREAK.split(block) if any(name in sentence for name in names)]
    return not naming or any(_BIO.search(sentence) is None for sentence in naming)  # none: a name across them


def _placed_in_a_credit(visible: VisibleBody, params: Params) -> bool:
    """Whether a name found where a top or bottom credit is wanted stands in a credit there, not in the story's
    prose ("one presenter told Global Voices" in the first paragraph, the credit at the end). The text as
    written is looked at around each place in the window; a name not found so, or found only in other forms,
    is taken for a credit, as before; else the first (top) or last (bottom) block naming it decides."""
    raw = visible.raw_text
    size = len(raw) or 1
    span = max(size, WINDOW_CHARS / params.window)
    seen = False
    for name in params.names:
        at = raw.find(name) if params.position == "top" else raw.rfind(name)
        while at >= 0:
            fraction = at / span if params.position == "top" else 1 - (size - at) / span
            if not _placed(fraction, params):
                break
            seen = True
            if _credit_around(raw, at, name):
                return True
            at = raw.find(name, at + 1) if params.position == "top" else raw.rfind(name, 0, at)
    if not seen:
        return True
    blocks = visible.blocks_holding(tuple(normalized(name) for name in params.names))
    if not blocks:
        return True
    block = blocks[0] if params.position == "top" else blocks[-1]
    return _reads_as_credit(block, tuple(normalized(name) for name in params.names))


#: How :func:`_hidden_in_the_file` ends where the name is written with another case ("Global research").
MISCASED = ": a credit writes the name with its capitals"


def _hidden_in_the_file(reprint: Reprint, names: tuple[str, ...] | list[str]) -> str:
    """What to add to "not visible" when the file holds the first of ``names`` as written where no reader
    sees it (an HTML comment, a hidden element, code): where, so the editor looking at the source and seeing
    a credit knows why it does not count. "" when it is not in the body's source at all."""
    body = reprint.body
    for name in names[:1]:
        at = body.find(name) if len(name) > 3 else -1
        if at >= 0 and name not in reprint.visible.raw_text:
            line, column = reprint.position(at)
            skipped = next((sel for sel, text in reprint.visible.skipped_away if name in text), None)
            if skipped is not None:  # the project config left the part out: the likely cause, told first
                return (
                    f"; it is in the file at {line}:{column}, but in a part of the page the config's skip-elements "
                    f"leaves out ({skipped!r}): name that part more narrowly, so the credit is read"
                )
            if name in reprint.visible.folded_away:  # the one case the editor sees the words of, on the page
                why = "in a closed <details> or toggle, which a reader opens with a click"
            elif name in reprint.visible.spoken_away:
                why = "kept for screen readers only, out of sight"
            else:
                why = "a comment, a hidden element, an image's alt text, code or a script"
            return f"; it is in the file at {line}:{column}, but not shown to readers as text ({why})"
        visible = reprint.visible
        folded = visible.folded  # the text case-folded, made for the words' look-up: a quick "not there"
        confused = (
            lookalike_of(visible.raw_text, name)
            if may_hold_lookalikes(folded if folded is not None else visible.text_utf8)
            else None
        )
        if confused is not None:  # a reader sees the name, but it is not the name
            return f"; it is written with a letter of another script drawn alike, {confused}: write it in Latin letters"
        if folded is not None and normalized(name).encode("utf-8") not in folded:
            continue
        raw, lowered = reprint.visible.raw_text, reprint.visible.lowered_raw
        if len(lowered) != len(raw) or _capitals(normalize(name, fold_case=False)) is None:
            continue
        at = lowered.find(name.lower())
        while at >= 0:  # a word of its own in the text, not part of another ("bali weighed") or an address
            before, after = raw[max(0, at - 1) : at], raw[at + len(name) : at + len(name) + 2]
            joined = before.isalnum() or (before != "" and before in "/.@-_")
            joined = joined or after[:1].isalnum() or after[:1] in ("/", "_", "-")
            written = raw[at : at + len(name)]
            if not joined and not (after[:1] == "." and after[1:2].isalnum()) and written != name:
                return f'; it is written "{written}"{MISCASED}'
            at = lowered.find(name.lower(), at + 1)
        if _in_other_works_credit(reprint.visible.text, name):  # as written, but in a photo's credit
            return "; it is named only in another work's credit (a photo's, say), not as the story's"
    return ""


def _span_of_any(reprint: Reprint, names: tuple[str, ...] | list[str]) -> tuple[int, int, int | None, int | None]:
    """Where the first of ``names`` a reader sees stands: a credit may name the publisher by another of its names
    ("الأصوات العالمية", "全球之声" for "Global Voices"), and an address in a link's target is none seen."""
    text = reprint.visible.text
    return reprint.span(next((name for name in names if find_phrase(text, name) >= 0), names[0]))


def _where_missing(reprint: Reprint, params: Params) -> tuple[int, int]:
    """Where a missing credit would go: the article's first line for one wanted at the top, else its last."""
    return reprint.start_position() if params.position == "top" else reprint.end_position()


def _where(params: Params) -> str:
    return {"top": "at the top", "bottom": "at the bottom"}.get(params.position, "")


def _add_credit(params: Params, apart: str = "") -> str:
    """The fix for a credit a ``names`` rule finds nowhere it counts: the first of its names, where it wants
    it (a rule's own ``fix`` replaces it)."""
    where = f" {_where(params)}" if _where(params) else ""
    return f'Add a credit line naming "{params.names[0]}"{where}{apart}.'


def _missing_or_misplaced(reprint: Reprint, params: Params, phrases: list[str]) -> tuple[list[str], list[str]]:
    """Which required phrases are absent, and which are present but in the wrong place (a name in any of the
    forms a page writes it: see :func:`name_forms`)."""
    missing, misplaced = [], []
    for phrase in phrases:
        found: list[float] = []
        for form in name_forms(phrase):
            found = _placements(reprint.visible, params, (form,), accents=True) or found
            if found and _placed(found[0], params):
                break
        if not found:
            missing.append(phrase)
        elif not _placed(found[0], params):
            misplaced.append(phrase)
    return missing, misplaced


def _unset(params: Params, meta: MetadataView, required: list[str]) -> list[tuple[str, str]]:
    """What of the rule the reprint's metadata leaves uncheckable: (the key to set, the part it leaves), in the
    order a rule checks them (the credit ``names_from`` reads, the byline, the copyright notice)."""
    unset = []
    if params.names_from and not required:
        unset.append((params.names_from, "credit"))
    if params.template and "{author}" in params.template and not meta.authors:
        unset.append(("author", "byline"))
    if params.copyright and not meta.holders:  # either key names the holder: the one the rule reads is told
        unset.append(("copyright_holder" if params.names_from == "copyright_holder" else "author", "notice"))
    return unset


def _unset_problem(reprint: Reprint, unset: list[tuple[str, str]]) -> Problem:
    """One finding for a rule the missing metadata leaves uncheckable, however many of its parts: a rule that
    reads ``author`` for its credit and its byline (or notice) is told the key once, not once a part."""
    if unset == [("author", "notice")]:  # the notice alone: either key would name its holder
        return Problem.about(
            reprint,
            "author",
            detail="the copyright holder is unknown, so the notice cannot be checked: set 'author' or "
            "'copyright_holder'",
            fix="Add 'author: <name>' (or 'copyright_holder') to the metadata.",
            specific=True,
        )
    keys = list(dict.fromkeys(key for key, _ in unset))
    said = []
    for key in keys:
        parts = " and the ".join(
            "copyright notice" if part == "notice" and len(unset) > 1 else part for k, part in unset if k == key
        )
        said.append(f"'{key}' is not set, so the {parts} cannot be checked")
    fix = " and ".join(f"'{key}: ...'" for key in keys)
    return Problem.about(reprint, keys[0], detail="; ".join(said), fix=f"Add {fix} to the metadata.", specific=True)


def check(params: Params, reprint: Reprint, context: Context) -> Iterator[Problem]:
    visible = reprint.visible
    meta = reprint.metadata
    if params.names:
        found = _placements(visible, params)
        if (
            found
            and (apart := reprint.visible_apart(CAPTIONS)) is not visible
            and not _placements(apart, params)
            and not _story_credited(visible, params.names)
        ):
            # Only a picture's caption names the publisher ("Ruth Anne Kim for KFF Health News"): the picture's
            # credit, not the story's (unless the caption says it credits the story: a credit set under a figure).
            if not params.placement_only:
                line, column = _where_missing(reprint, params)
                said = f'"{params.names[0]}" is named only in a picture\'s caption, which credits the picture'
                yield Problem(line, column, detail=said, fix=_add_credit(params, ", apart from any caption"))
        elif not found and params.placement_only:
            pass  # missing altogether: another rule's finding
        elif not found:
            shown = f'"{params.names[0]}"'
            others = params.names[1:]
            if 0 < len(others) <= _LISTED_NAMES:  # what would pass, said: an editor cannot guess a policy's list
                shown += " (or " + ", ".join(f'"{name}"' for name in others) + ")"
            elif others:
                shown += f" (or {len(others)} other accepted spellings)"
            line, column = _where_missing(reprint, params)
            hidden = _hidden_in_the_file(reprint, params.names)
            detail = f"{shown} is not visible{hidden}"
            written = hidden.partition('"')[2].rpartition('"')[0] if hidden.endswith(MISCASED) else ""
            span = reprint.span(written) if written else None
            if span is not None and span[2] is not None:  # the credit is there, a letter's case wrong: told there
                detail = f'"{params.names[0]}" is not visible:{hidden.removeprefix(";")}'
                yield Problem.at(span, detail=detail, fix=f'Write "{written}" as "{params.names[0]}".', specific=True)
            else:
                yield Problem(line, column, detail=detail, fix=_add_credit(params))
        elif (
            params.position == "any"
            or not (placed := any(_placed(f, params) for f in found) and _placed_in_a_credit(visible, params))
        ) and not _in_a_credit(visible, params.names):  # "told Global Voices" up top, the credit below
            # Only the story's words name the publisher ("one presenter told Global Voices"): no credit to move.
            line, column = _where_missing(reprint, params)
            said = f'"{params.names[0]}" is named only in the story\'s text, in no credit {_where(params)}'
            yield Problem(line, column, detail=said.rstrip(), fix=_add_credit(params))
        elif params.position != "any" and not placed and not _placed_in_the_story(reprint, params):
            yield Problem.at(
                _span_of_any(reprint, params.names),
                detail=f"the credit {THERE_BUT_ELSEWHERE}{_where(params)} of the article"
                f"{measured_over(reprint, params.position)}{_story_said(reprint, params.position)}",
                fix=f"Move the credit to the {params.position} of the article.",
            )
    required: list[str] = []
    bylines: dict[str, str] = {}  # a byline the template makes -> the author it names
    if params.names_from:
        # The copyright holder is the author(s) unless the metadata names another.
        holders = meta.holders if params.names_from == "copyright_holder" else None
        required += map(without_title, holders if holders is not None else names_of(meta.value(params.names_from)))
    unset = _unset(params, meta, required)
    if unset:
        yield _unset_problem(reprint, unset)
    if params.template and ("author", "byline") not in unset:
        authors = [name_forms(author)[-1] for author in meta.authors]  # as a page writes them: "Hannah Whitcomb"
        values = {"publisher": context.policy.publisher, "source": meta.source or context.policy.publisher}
        each = [render(params.template.replace("{author}", a), values) for a in authors]
        joint = (render(params.template.replace("{author}", j), values) for j in _joint(authors))
        lead, _, rest = params.template.partition("{author}")
        if rest.strip():  # "By A, Harbour Herald, and B, Harbour Herald": the template's tail after each name
            each_tail = (render(lead + j, values) for j in _joint([author + rest for author in authors]))
            joint = chain(joint, each_tail)
        if not any(_placed_ok(reprint, params, phrase) for phrase in joint):
            required += each
            bylines.update(zip(each, authors, strict=True))
    if required:
        missing, misplaced = _missing_or_misplaced(reprint, params, required)
        if missing and params.placement_only:
            missing = []  # another rule's finding
        otherwise = (
            _named_otherwise(reprint, required, missing, bylines, publisher_names(context.policy)) if missing else None
        )
        if otherwise is not None:
            yield otherwise
        elif missing:
            line, column = _where_missing(reprint, params)
            shown = ", ".join(f'"{m}"' for m in missing)
            said = "not visible"
            if all(_in_other_works_credit(visible.text, name) for name in missing):  # crediting a photo
                said = "named only in another work's credit (a photo's, say), not as the story's"
            yield Problem(
                line,
                column,
                detail=f"{shown} {'is' if len(missing) == 1 else 'are'} {said}{_from_the_page(reprint)}"
                + (_hidden_in_the_file(reprint, tuple(missing)) if said == "not visible" else ""),
                fix=f"Add a credit line naming {shown}" + (f" {_where(params)}." if _where(params) else "."),
            )
        elif misplaced:
            yield Problem.at(
                reprint.span(misplaced[0]),
                detail=f'"{misplaced[0]}" {THERE_BUT_ELSEWHERE}{_where(params)} of the article'
                f"{measured_over(reprint, params.position)}",
                fix=f'Move "{misplaced[0]}" to the {params.position} of the article.',
            )
    if params.copyright and (holders := meta.holders):
        bare = [without_title(holder) for holder in holders]
        named, marked = _notice(visible, bare)
        captioned = False  # a notice naming another only in a picture's caption ("Lee Park © 2025"): its own
        if marked:
            seen = reprint.visible_apart(CAPTION_LINES)
            if seen is not visible:
                visible = seen
                captioned, (named, marked) = True, _notice(visible, bare)
        if not named and any(len(name_forms(holder)) > 1 for holder in bare):  # "Nandakumar, Priya"
            named = _notice(visible, [name_forms(holder)[-1] for holder in bare])[0]
        if not named and marked and all(_surname_first(holder) for holder in bare):  # "© Whitfield, Dana"
            named = _notice(visible, [_surname_first(holder) for holder in bare])[0]  # type: ignore[misc]
        if not named:
            line, column = reprint.end_position()
            names = " and ".join(holders)
            article = reprint.article
            place = reprint.span_outside_captions if captioned else reprint.span
            spans = [place(words) for words in marked[:_NOTICES_PLACED]]
            inside = [span for span in spans if article is None or _within(reprint, span, article)]
            span = inside[0] if inside else spans[0] if spans else None
            if span is not None and not inside and article is not None:
                # The page's own footer ("© 2025 Millbrook Commons"): the site's notice, not one to correct.
                where = f"{span[0]}:{span[1]}"
                yield Problem(
                    line,
                    column,
                    detail=f"found no copyright notice in the page's <{article[2]}>; expected one naming {names} "
                    f"(the one at {where}, outside it, is the site's own)",
                )
            elif span is not None and _the_sites_own(reprint, marked, bare, context):
                # "Copyright © 2026 Lakeshore Weekly, All rights reserved." under a newsletter: it names neither
                # the author nor the publisher, so it is no story's notice to correct; the story's is missing.
                yield Problem(
                    line,
                    column,
                    detail=f"found no copyright notice naming {names}; the one at {span[0]}:{span[1]} names "
                    "neither them nor the publisher, so it is taken for the site's own (if it is the story's, "
                    "correct it)",
                )
            elif span is not None:
                detail = f"{THERE_BUT_WRONG[0]} {names} after its mark"
                fix = _correct_notice(reprint, context, names)  # the notice that is there, to be corrected
                yield Problem.at(span, detail, fix=fix, specific=True)
            else:
                aside = " outside pictures' captions (theirs are the pictures')" if captioned else ""
                away = _notice_away(reprint)
                yield Problem(
                    line, column, detail=f"found no copyright notice{aside}; expected one naming {names}{away}"
                )


def _the_sites_own(reprint: Reprint, marked: list[str], holders: list[str], context: Context) -> bool:
    """Whether every notice ``marked`` (a few of its words after the mark) names neither a holder (any word of
    a name) nor the publisher (the policy's, or the reprint's ``source``) in its line, nor stands in a
    credit's line: a site's or a newsletter's own notice over its pages, not the story's with another name
    to correct."""
    visible = reprint.visible
    text = visible.text
    wanted = {word for holder in holders for word in normalize(holder).split() if len(word) > 2}
    publishers = [normalize(name) for name in publisher_names(context.policy)]
    if reprint.metadata.source:
        publishers.append(normalize(reprint.metadata.source))
    for words in marked:
        at = text.find(normalize(words))
        if at < 0:
            return False
        said = text[at : at + _NOTICE_READ]
        if any(word in said.split() for word in wanted) or any(name and name in said for name in publishers):
            return False
        if _THE_AUTHORS.search(said):  # "© The Author(s) 2026": the story's own
            return False
        # A notice in the line (block) of a credit of the story ("... republished under CC BY. © 2026 ..."): the
        # text as compared is one line, the text as written holds its blocks' breaks.
        lowered = visible.lowered_raw
        where = lowered.find(words)
        if where >= 0:
            end = lowered.find("\n", where)
            line = lowered[lowered.rfind("\n", 0, where) + 1 : end if end >= 0 else len(lowered)]
            if CREDIT_WORDS.search(normalize(line)):
                return False
    return bool(marked)


#: A notice naming the story's authors by that word ("© The Author(s) 2026").
_THE_AUTHORS = re.compile(r"\bthe authors?\b|\bauthor\(s\)")
#: How much of a notice's text is read after its mark for the names it gives.
_NOTICE_READ = 160


def _notice_away(reprint: Reprint) -> str:
    """Where a notice a reader does not see stands, as the source credit's finding says it: folded in a closed
    ``<details>``, or kept for screen readers; "" when neither holds one."""
    visible = reprint.visible
    for away, where in (
        (visible.folded_away, "in a closed <details> or toggle, which a reader opens with a click"),
        (visible.spoken_away, "kept for screen readers only, out of sight"),
    ):
        if away and notice_positions(normalize(away)):
            return f" (one is there, {where})"
    return ""


def _surname_first(name: str) -> str | None:
    """A name of two words written surname first, as a catalogue writes it ("Whitfield, Dana" for "Dana
    Whitfield"); None for any other name (one word, more words, or written with a comma already)."""
    words = name.split()
    return f"{words[1]}, {words[0]}" if len(words) == 2 and "," not in name else None


#: How many notices naming others are placed, to find one inside a page's article (the site's own are around).
_NOTICES_PLACED = 8


def _within(reprint: Reprint, span: Any, article: tuple[int, int, str]) -> bool:
    """Whether ``span`` (a finding's place) lies inside a whole page's ``article`` element."""
    return article[0] <= reprint.offset_of(span[0], span[1]) < article[1]


def _named_otherwise(
    reprint: Reprint, required: list[str], missing: list[str], bylines: dict[str, str], publisher: frozenset[str]
) -> Problem | None:
    """The credit that is there, naming the authors in another form than the template's ("By Ellie Marchetti /
    Montana Free Press" for "Ellie Marchetti, Montana Free Press") or naming some of them: a problem told at
    the name, to correct by hand (``--fix`` adds no second byline beside it); None when no name is there."""
    shown = ", ".join(f'"{m}"' for m in missing)
    if all(m in bylines for m in missing):
        authors = [bylines[m] for m in missing]
        named = [author for author in authors if _in_a_byline(reprint, author, publisher)]
        if named and len(named) < len(authors):  # "By Nora Tallbear and Sam Ode, ...": a byline missing some
            absent = [author for author in authors if author not in named]
            return Problem.at(
                reprint.span(named[0]),
                detail=f"{shown} {'is' if len(missing) == 1 else 'are'} not visible: {named[0]} {THERE_BUT_WRONG[5]} "
                f"(the byline naming {named[0]} does not name {', '.join(absent)})",
                fix=f'Write the byline as "{_joined_byline(missing, bylines)}".',
            )
        if not named:
            return None
        return Problem.at(
            reprint.span(authors[0]),
            detail=f"{shown} {'is' if len(missing) == 1 else 'are'} not visible: {authors[0]} {THERE_BUT_WRONG[5]}",
            fix=f'Write the byline that names {authors[0]} as "{missing[0]}".',  # the rule's own fix, when it has one
        )
    present = [name for name in required if name not in missing and name not in bylines]
    if not present or any(m in bylines for m in missing) or not _in_a_byline(reprint, present[0], publisher):
        return None
    return Problem.at(
        reprint.span(present[0]),
        detail=f"{shown} {'is' if len(missing) == 1 else 'are'} not visible: {THERE_BUT_WRONG[6]} {present[0]}",
        fix=f"Add {shown} to the credit that names {present[0]}.",
        specific=True,
    )


def _joined_byline(missing: list[str], bylines: dict[str, str]) -> str:
    """The byline the template asks for, each author's form joined ("Nora Tallbear, Montana Free Press and
    Elliot Vasquez-Reyes, Montana Free Press"): what to write, whatever the page has."""
    return " and ".join(missing) if len(missing) < 3 else ", ".join(missing[:-1]) + " and " + missing[-1]


#: A byline's opening words before the name ("By", "Story by", "Written by"), as a block of its own starts.
_BYLINE_START = re.compile(r"(?:(?:story|words|text|reporting|written|report) )?by:? ")
#: The names before another in a byline's list ("nora tallbear and ", "ana ruiz, li wei & "), normalised: no
#: sentence's end among them.
_CO_AUTHORS = re.compile(r"(?:[^.!?;:]{1,60}?(?:,| and| &| y| e| et| und) )+")
#: A byline is a line, not a paragraph of the story that mentions the author.
_BYLINE_LENGTH = 200


#: Words that make a block a picture's or another work's credit ("Photo: Hannah Whitcomb / Montana Free Press").
_OTHER_WORK_CREDIT = re.compile(rf"\b(?:{OTHER_WORK_WORDS}|credit:|courtesy)(?!\w)")


def _in_a_byline(reprint: Reprint, name: str, publishers: frozenset[str]) -> bool:
    """Whether ``name`` stands in a byline: a short block that opens with "By" and the name ("By Hannah
    Whitcomb"), or that names the publisher beside it ("Hannah Whitcomb / Montana Free Press"). A picture's
    credit ("Photo: Hannah Whitcomb / Montana Free Press"), or the story's own mention of the author, is none."""
    visible = reprint.visible
    wanted = normalized(name)
    if not wanted or not visible.holds(name):
        return False
    houses = [normalized(house) for house in publishers if house]
    for block in visible.blocks_holding((wanted,)):
        at = find_phrase(block, name)
        if len(block) > _BYLINE_LENGTH or at < 0 or _OTHER_WORK_CREDIT.search(block[:at]):
            continue
        opening = _BYLINE_START.match(block)
        if opening is not None and (at == opening.end() or _CO_AUTHORS.fullmatch(block, opening.end(), at)):
            return True  # "By Nora Tallbear", or a later name of its list ("By Nora Tallbear and Elliot ...")
        around = block[max(0, at - 40) : at + len(wanted) + 40]
        if any(house in around for house in houses):
            return True
    return False


def _from_the_page(reprint: Reprint) -> str:
    """A note for a name a page's own head gave (see :data:`~reprint_guard.checks.base.PAGE_AUTHOR`)."""
    return f"; {PAGE_AUTHOR}" if "author" in reprint.declared_places else ""


def _correct_notice(reprint: Reprint, context: Context, names: str) -> str:
    """The fix for a notice that names another holder: correct it, to the wording the rule's fix gives (its
    quoted notice), not add a second one beside it."""
    wanted = None
    if context.rule.fix:
        quoted = re.search(r'"([^"]*©[^"]*)"', render(context.rule.fix, LazyValues(reprint, context.policy)))
        wanted = quoted.group(1) if quoted else None
    said = f'to read "{wanted}"' if wanted else f"to name {names}"
    fix = f"Correct the copyright notice that is there {said}; a second notice beside it would contradict it."
    if names_page_author(reprint, "{holder}"):  # a login, perhaps: the editor is told before replacing a name
        fix += f" ({PAGE_AUTHOR[0].upper()}{PAGE_AUTHOR[1:]}.)"
    return fix


def _notice(visible: VisibleBody, holders: list[str]) -> tuple[bool, list[str]]:
    """(a notice names every holder, the notices when none does, in order: a few of each one's words after
    its mark, normalised, to find it by (the mark itself may be written ``&copy;``), or its mark alone; none
    when no mark is visible).

    The text as written is tried first, line by line; then each block that
    holds a mark, normalised (other case or spacing, a line broken inside the
    notice), and only when the visible text holds a mark at all.
    """
    if has_notice(visible.raw_text, holders, cased=True):
        return True, []
    marked: list[str] = []
    # The marks first; the word in other languages ("Derechos de autor 2026 Ana Ruiz", "Hak cipta 2026 ...")
    # only when no notice with a mark names the holders.
    for kinds in (_NOTICE_MARKS, _NOTICE_ELSEWHERE):
        if kinds is _NOTICE_ELSEWHERE and not visible.may_contain(_NOTICE_ELSEWHERE_WORDS):
            break  # one pass over the text for all their words (most reprints have none of them)
        held = tuple(mark for mark in kinds if visible.holds(mark))
        if held and _notice_in_blocks(visible, holders, held, marked):
            return True, []
    return False, marked


#: Marks a notice may write twice over ("Copyright © 2026"), normalised.
_MARK_WORDS = frozenset({"©", "(c)", "copyright", "copyright:"})


def _notice_in_blocks(visible: VisibleBody, holders: list[str], held: tuple[str, ...], marked: list[str]) -> bool:
    """:func:`_notice` in each block holding one of the marks ``held``; ``marked`` gets each notice found (a
    few of its words) that does not name them."""
    for block in visible.blocks_holding(held):
        # A photo's notice ("Photo © Lena Marsh") is the photo's: no notice of the article, to correct or not.
        told: dict[str | tuple[int, str], bool] = {}  # by the text before each mark (see _around)
        marks = [at for at in notice_positions(block) if not _photos_notice(block, at, told)]
        if marks:
            # Where a notice naming someone else is: the words after its mark, to find it by; past a second mark
            # ("Copyright © 2026 ..."): a page may write it "&copy;", not found as "©".
            words = block[marks[0] :].split()
            after = [word for word in words[1:] if word not in _MARK_WORDS]
            marked.append(" ".join(after[:3]) or words[0])
            if has_notice(block, holders, marks=marks):
                return True
            # The holder with other accents ("Tomás Brenner" for the metadata's "Tomas Brenner"): the same name.
            bare = _bare(block)
            if (bare != block or any(not h.isascii() for h in holders)) and has_notice(
                bare, [_bare(normalized(h)) for h in holders], marks=notice_positions(bare)
            ):
                return True
            if _loosely_named(block, holders, marks):  # "© Ana M. Ruiz" for the metadata's "Ana Ruiz"
                return True
    return False


def _photos_notice(block: str, at: int, told: dict[str | tuple[int, str], bool]) -> bool:
    """:func:`_after_other_work` of the notice at ``at``, answered once for each text before a mark."""
    around = _around(block, at, _CREDIT_BEFORE, 0)
    answer = told.get(around)
    if answer is None:
        answer = told[around] = _after_other_work(block, at, notice=True)
    return answer


def _loosely_named(block: str, holders: list[str], marks: list[int]) -> bool:
    """:func:`has_notice` of one block's normalised text, each holder found as :func:`_accents_aside` finds
    a name (a middle initial more or fewer, a comma before "Jr."), for holders it finds so."""
    names = [normalized(holder) for holder in holders]
    if not any(map(_loose, names)):
        return False
    try:
        patterns = [_accents_aside(name) for name in names]
    except ValueError:  # a name too long for RE2's memory budget: as spelt only
        return False
    data = block.encode("utf-8")
    if not all(pattern.search(data) for pattern in patterns):
        return False  # a name not in the block at all is near no mark (one search, not one for each mark)
    reach = len("copyright") + _NOTICE_WINDOW + sum(map(len, holders)) + 2 * len(holders)
    begin, counted = 0, 0  # the byte offset of the mark, counted on from the last one (marks come in order)
    seen: set[str | tuple[int, str]] = set()  # marks whose surroundings another had: the same answer (see _around)
    for start in marks:
        around = _around(block, start, 8, reach + 8)  # a name's edges are read a character past the window
        if around in seen:
            continue
        seen.add(around)
        sentence = _sentence_ends(block, start, start + reach)
        stop = sentence if sentence >= 0 else start + reach
        begin += len(block[counted:start].encode("utf-8"))  # a page of thousands of marks: not from 0 each time
        counted = start
        end = min(len(data), begin + len(block[start : start + reach].encode("utf-8")))
        limit = begin + len(block[start:stop].encode("utf-8"))
        if all(
            any(_whole(data, *m.span()) and m.start() < limit for m in p.finditer(data, begin, end)) for p in patterns
        ):
            return True
    return False


def _placements(
    visible: VisibleBody, params: Params, names: tuple[str, ...] | None = None, *, accents: bool = False
) -> list[float]:
    """Where the names stand (the rule's accepted names by default): ``[f]`` as soon as one is well placed,
    else where each was found in the normalised text ([] when none is visible).

    A name is well placed when any occurrence is in the window: the first one
    counts for ``top``, the last for ``bottom``. The text as written is tried
    for every name before the normalised text is built, so a compliant reprint
    never pays for it; a hit there that is not well placed does not settle
    anything, since the normalised text may hold a better-placed one (another
    spelling, other case). ``accents``: names from the metadata, which are also looked for with other
    accents when not there as spelt (a policy spells its own names as they are written).
    """
    # Where a well-placed credit would be found first. Anywhere will do for "any": a name from the metadata (an
    # author's) is looked for from the top, where a byline stands, a publisher's from the bottom, where its
    # credit does; either way finds one, if one is there.
    last = params.position == "bottom" or (params.position == "any" and not accents)
    names = params.names if names is None else names
    placed, _ = _first_placed(visible.raw_text, names, params, cased=True, last=last, edge=visible.raw_block_edge)
    if placed is not None:
        return [placed]
    held = [name for name in names if visible.holds(name)]  # the normalised text is searched only for these
    if not held:
        aside = _placed_accents_aside(visible, params, names, last=last) if accents else []
        return aside or _placed_unquoted(visible, params, names, last=last)
    if names is params.names:  # a publisher's own names: a proper noun is a credit with its capitals only
        proper = [name for name in held if _capitals(name) is not None]
        if proper:
            held = [name for name in held if name not in proper]
            placed, found = _first_proper(visible, proper, params, last=last)
            if placed is not None:
                return [placed]
            if not held:
                return found
            more_placed, more = _first_placed(
                visible.text, held, params, cased=False, last=last, edge=visible.block_edge
            )
            return [more_placed] if more_placed is not None else found + more
    placed, found = _first_placed(visible.text, held, params, cased=False, last=last, edge=visible.block_edge)
    if placed is None and accents:  # there as spelt but not where wanted: with other accents, perhaps there
        aside = _placed_accents_aside(visible, params, names, last=last)
        if aside and _placed(aside[0], params):
            return aside
    return [placed] if placed is not None else found


#: Double quotation marks a credit may put around a publisher's name ("originally published by “ProPublica.”").
_NO_QUOTES = str.maketrans("", "", '"“”„«»')


def _quoted_word(raw: str, starts: set[str]) -> bool:
    """Whether a quotation mark in ``raw`` stands right before one of ``starts`` (each mark found in turn: a
    text has few)."""
    for mark in '"“„«':
        at = raw.find(mark)
        while at >= 0:
            if raw[at + 1 : at + 4] in starts:
                return True
            at = raw.find(mark, at + 1)
    return False


def _placed_unquoted(visible: VisibleBody, params: Params, names: tuple[str, ...], *, last: bool) -> list[float]:
    """:func:`_placements` in the text as written without its double quotation marks, asked when no name is
    there as it stands: a CMS's smart quotes around the name ("by “ProPublica.”") still credit it."""
    raw = visible.raw_text
    # A word of a name right after a quotation mark (its first letters, as written): else none is quoted.
    if not _quoted_word(raw, {word[:3] for name in names for word in name.split()}):
        return []
    placed, found = _first_placed(raw.translate(_NO_QUOTES), names, params, cased=True, last=last)
    return [placed] if placed is not None else found


def _placed_accents_aside(
    visible: VisibleBody, params: Params, names: tuple[str, ...] | list[str], *, last: bool
) -> list[float]:
    """As :func:`_placements`, for names the text gives with other accents: metadata from a CMS that strips
    them ("Tomas Brenner") and a byline that keeps them ("Tomás Brenner"), or the other way round; or with a
    middle initial more or fewer ("Delia R. Montoya" for "Delia Montoya") or a comma before a suffix ("Robert
    Ellis, Jr."), as house styles write a name. Asked only when no name is there as spelt where it is wanted."""
    text = visible.text_utf8
    if text.isascii() and all(name.isascii() and not _loose(normalized(name)) for name in names):
        return []
    size = len(visible.text) or 1  # in characters, as the window is
    span = size if params.position == "any" else max(size, WINDOW_CHARS / params.window)
    found = []
    for name in names:
        try:
            regex = _accents_aside(normalized(name))
        except ValueError:  # a name too long for RE2's memory budget as a class per letter: as spelt only
            continue
        # A name in a script without spaces stands whole wherever it is found ("文：山田太郎", "山田太郎記者").
        whole = _spaceless_name(normalized(name))
        matches = [
            m.start()
            for m in regex.finditer(text)
            if (whole or _whole(text, *m.span()))
            and not _credited_elsewhere(text, m, name)
            and visible.block_edge(*m.span(), utf8=True) is None  # not run from one block into the next
        ]
        if matches:
            at = matches[-1] if last else matches[0]
            index = len(text[:at].decode("utf-8", "ignore"))
            fraction = 1 - (size - index) / span if params.position == "bottom" else index / span
            if _placed(fraction, params):
                return [fraction]
            found.append(fraction)
    return found


#: Latin letters with a stroke or without a dot, which no decomposition takes to their ASCII letter.
_STROKED = str.maketrans("łøđħŧı", "lodhti")


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    """Each ASCII letter with its accented forms in Latin script (as the normalised text writes them): Latin-1,
    Extended-A and -B, and Extended Additional (Vietnamese's "ễ"), and the stroked letters ("ł", "ø"); and
    Cyrillic "е" with "ё"."""
    variants: dict[str, set[str]] = {}
    for low, high in ((0xC0, 0x250), (0x1E00, 0x1F00)):
        for code in range(low, high):
            char = unicodedata.normalize("NFKC", chr(code)).casefold()
            base = unicodedata.normalize("NFD", char)[:1].translate(_STROKED)
            if len(char) == 1 and base != char and base.isascii() and base.isalpha():
                variants.setdefault(base, set()).add(char)
    variants["е"] = {"ё"}  # Russian writes "ё" as "е" as often as not: "Семенов" is "Семёнов"
    return {base: "".join(sorted(chars)) for base, chars in variants.items()}


def _bare(text: str) -> str:
    """Normalised text without its accents: "tomás" gives "tomas", "łukasz" "lukasz"."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    # Each kind of character asked once (a page is millions of characters of a few hundred kinds).
    marks = [char for char in set(decomposed) if unicodedata.combining(char)]
    kept = decomposed.translate(dict.fromkeys(map(ord, marks))) if marks else decomposed
    return unicodedata.normalize("NFC", kept).translate(_STROKED)


@lru_cache(maxsize=256)
def _accents_aside(name: str) -> Any:
    """An RE2 pattern (of UTF-8) finding the normalised ``name``, each letter with or without an accent (whole
    words: see :func:`_whole`, which spares the pattern Unicode's classes of letters, a large program), and,
    for a name of two words or more besides initials, with any middle initials and a comma before a suffix
    (see :func:`_loose`); a name in a script without spaces, with a space or none between any two of its
    characters, or one of the dots that part a transliterated name (:data:`_NAME_DOTS`)."""
    if _spaceless_name(name) and len(name) <= _SPACELESS_NAME:  # "山田 太郎" is "山田太郎", and the other way round
        chars = name.translate(_NO_NAME_DOTS).replace(" ", "")
        return compile_pattern(f"[ {_NAME_DOTS}]?".join(map(re.escape, chars)), utf8=True, own=True)
    variants = _variants()

    def spelt(word: str) -> str:
        # A mark may follow a letter in the normalised text: a dotted capital İ folds to "i" and a dot above.
        return "".join(f"[{c}{variants[c]}]{_MARKS}" if c in variants else re.escape(c) for c in _bare(word))

    if not _loose(name):
        return compile_pattern(spelt(name), utf8=True, own=True)  # a long byline makes a long pattern of its own
    pattern, initials = "", []  # the name's own initials since the last word: the page may leave them out
    for word in (w.rstrip(",") for w in name.split(" ")):
        bare = word.rstrip(".")
        if len(bare) == 1 and bare.isalpha():
            initials.append(bare)
        elif bare in _SUFFIXES and pattern:
            pattern += f",? {re.escape(bare)}\\.?"
        elif not pattern:
            pattern, initials = spelt(word), []  # initials before the first word are left out
        else:  # the name's initials, each or none; where it has none, any the page writes (with its dot)
            gap = "".join(f"(?:{spelt(i)}\\.? )?" for i in initials) if initials else f"(?:{_INITIAL}\\. )*"
            pattern += f" {gap}{spelt(word)}"
            initials = []
    return compile_pattern(pattern, utf8=True, own=True)


#: The dots Chinese and Japanese write between the parts of a transliterated name ("娜迪亚·科罗马", "ナディア・コロマ"),
#: typed as any of them (NFKC makes the half-width "･" the katakana "・").
_NAME_DOTS = "·・•‧"
_NO_NAME_DOTS = str.maketrans(dict.fromkeys(_NAME_DOTS, " "))


def _spaceless_name(name: str) -> bool:
    """Whether a normalised name is in a script without spaces, but for its spaces and :data:`_NAME_DOTS`."""
    return spaceless(name.translate(_NO_NAME_DOTS))


#: The longest name in a script without spaces that is looked for with a space anywhere between its characters.
_SPACELESS_NAME = 24

#: What follows a surname, which house styles write with a comma before it or without.
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: A middle initial in the normalised text: one letter, accented or not.
_INITIAL = r"[a-z\x{e0}-\x{24f}]"


def _loose(name: str) -> bool:
    """Whether a normalised name is looked for with initials and a suffix's comma aside: when two words or
    more besides its initials and suffix are left ("delia r. montoya"; a name of initials and one word,
    "j. r. r. tolkien", is only looked for as spelt)."""
    words = [w.rstrip(",.") for w in name.split(" ")]
    return sum(1 for w in words if not (len(w) == 1 and w.isalpha()) and w not in _SUFFIXES) >= 2


#: Combining marks a letter may carry in the normalised text (what NFKC leaves uncomposed: the dot of İ).
_MARKS = r"[\x{0300}-\x{036f}]*"


def _whole(text: bytes, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (UTF-8) stands as whole words: no letter, digit or "_" on either side."""
    before = text[max(0, start - 4) : start].decode("utf-8", "ignore")[-1:]
    after = text[end : end + 4].decode("utf-8", "ignore")[:1]
    return not any(char.isalnum() or char == "_" for char in before + after)


def _first_placed(
    text: str,
    names: tuple[str, ...] | list[str],
    params: Params,
    *,
    cased: bool,
    last: bool,
    edge: Callable[[int, int], int | None] | None = None,
) -> tuple[float | None, list[float]]:
    """The first well-placed name's place in ``text``, else None and where the names were found (a name in
    another work's credit passed over: "Photo by Larry Valenzuela, CalMatters" credits no story). ``edge``:
    where a block's edge stands in ``text[start:end]`` (:meth:`~reprint_guard.visible.VisibleBody.block_edge`),
    a name running from one block into the next passed over too ("Pine County" ending a cell, "Times" next)."""
    found = []
    size = len(text) or 1
    position = params.position
    # The window is a share of the text, and never less than its first (or last) WINDOW_CHARS characters:
    # in a short brief, the first sentence is the top however long the text after it.
    span = size if position == "any" else max(size, WINDOW_CHARS / params.window)
    for name in names:
        index = _find_credit(text, name, cased=cased, last=last, edge=edge)
        if index >= 0:
            fraction = 1 - (size - index) / span if position == "bottom" else index / span
            if _placed(fraction, params):
                return fraction, found
            found.append(fraction)
    return None, found


#: How far before a name :func:`_after_other_work` reads, at most.
_CREDIT_BEFORE = 128
#: Another work's credit just before a name ("Photo by Jesse Ruiz", "Photos: Jesse Ruiz") or a byline's "By"
#: ("Photos by Rosa Lindqvist, Harbour Herald"): the credit of the pictures, not the story's. Read from the
#: end of the text before the name: the words that lead to it, then the work they credit.
_LEADS = (" by", ":", "©", " credit:", " credit", " courtesy of")
_OPENERS = "([\"'“‘*_"


def _after_other_work(text: str, index: int, *, byline: bool = False, notice: bool = False) -> bool:
    """Whether the name at ``index`` follows another work's credit: "photo by", "photos:", "image ©" (a byline
    "By ..." follows the work itself: "Photos by ..."; a notice's mark follows "photo" or "photo credit:")."""
    # The clause as far back as its sentence goes: normalised text joins a heading to the credit under it
    # ("... bank vault photos by Oswin Tate and Priya Ruiz"), and names can be long. A credit of another work
    # names it, a word holding one of the stems, in it (the word before the name is in it too): most texts
    # before a name hold none, and are settled by these finds alone.
    wide = text[max(0, index - 120) : index].lower()
    if not _names_a_work(wide):
        return False
    tail = text[max(0, index - 40) : index].rstrip().lower()
    if not byline:
        for lead in (":", " credit:", " credit") if notice else _LEADS:
            if tail.endswith(lead):
                tail = tail[: -len(lead)].rstrip()
                break
    if not tail:
        return False
    words = tail.split()
    if "/" in words[-1] and not _STORY_WORDS.isdisjoint(part.strip(_OPENERS + ",") for part in words[-1].split("/")):
        return False  # "Story/Photo by", "Text/photo:", "Words/Photos by": the story's credit with its pictures'
    if not names_other_work(words[-1].lstrip(_OPENERS)):
        # "Photo by Larry Valenzuela, CalMatters": a name further on in a picture's credit is the picture's too.
        if byline or notice:
            return False
        # The usual credit has no lead to a name: settled by a few finds, no regex.
        if not any(lead in wide for lead in _CLAUSE_LEADS):
            return False
        clause_text = wide[max(wide.rfind(mark) + len(mark) for mark in _CLAUSE_BREAKS) :]
        clauses = list(_OTHER_WORK_CLAUSE.finditer(clause_text))
        if not clauses:
            return False
        # "Story and photos by A", "Photo: A | Story: B": a word of the story's in the credit or after it.
        said = clauses[-1].group(0).split() + clause_text[clauses[-1].end() :].split()
        return _STORY_WORDS.isdisjoint(word.strip(_OPENERS + ",:;|/") for word in said)
    # "Story and photos by", "Written and photographed by", "Words and pictures:": the story's byline too.
    return _STORY_WORDS.isdisjoint(word.strip(_OPENERS + ",") for word in words[-4:-1])


def _names_a_work(lowered: str) -> bool:
    """Whether ``lowered`` holds one of :data:`~.base.OTHER_WORK_STEMS` (the finds written out: a loop over them
    costs more than the finds themselves, on the short text before a name; a test holds them to the stems)."""
    return (
        "photo" in lowered
        or "image" in lowered
        or "picture" in lowered
        or "illustration" in lowered
        or "graphic" in lowered
        or "chart" in lowered
        or "map" in lowered
        or "video" in lowered
        or "cartoon" in lowered
        or "drawing" in lowered
        or "artwork" in lowered
    )


#: What a picture's credit leads to its names with: without one in the text before a name, it is in none.
_CLAUSE_LEADS = (" by ", ":", "©", "credit", "courtesy")
#: What ends a clause before a name: a sentence's end, a line's, or a separator ("Photos by Jon Ek; Ana Ruiz").
_CLAUSE_BREAKS = (". ", "! ", "? ", ".\t", "\n", ";", "|", "·", "—", "–")
#: A clause that opens as a picture's credit does ("photo by", "photos:", "image ©").
_OTHER_WORK_CLAUSE = re.compile(
    rf"(?<!\w)(?:\w+ and )?(?:{OTHER_WORK_WORDS})(?: and (?:{OTHER_WORK_WORDS}))? ?(?:by|:|©|credit:?|courtesy of)\s",
    re.IGNORECASE,
)


#: Words that make a credit the story's, beside a picture's ("Story and photos by ...").
_STORY_WORDS = frozenset(
    {"story", "text", "words", "article", "reporting", "report", "written", "writing", "reported", "interview"}
)


def _a_byline(name: str) -> bool:
    """Whether ``name`` is a byline a template makes ("By Ana Ruiz, ..."), not a name alone."""
    return name[:3].lower() == "by "


def _in_other_works_credit(text: str, name: str) -> bool:
    """Whether normalised ``text`` names ``name`` in another work's credit ("photo by Jesse Ruiz")."""
    index = find_phrase(text, name)
    return index >= 0 and _after_other_work(text, index, byline=_a_byline(name))


def _credited_elsewhere(data: bytes, match: Any, name: str) -> bool:
    """:func:`_after_other_work` for a match in UTF-8 ``data`` (the text before it read as characters)."""
    before = data[max(0, match.start() - 240) : match.start()].decode("utf-8", "ignore")
    return _after_other_work(before, len(before), byline=_a_byline(name))


def _find_credit(
    text: str, name: str, *, cased: bool, last: bool, edge: Callable[[int, int], int | None] | None = None
) -> int:
    """:func:`find_phrase`, passing over a name or a byline ("By ...") that stands in another work's credit,
    and one that runs from a block into the next (``edge``: see :func:`_first_placed`)."""
    index = find_phrase(text, name, cased=cased, last=last)
    if index < 0:
        return index
    byline = _a_byline(name)
    length = len(as_written(name) if cased else normalized(name))
    while index >= 0 and (
        _after_other_work(text, index, byline=byline) or (edge is not None and edge(index, index + length) is not None)
    ):
        if last:
            index = find_phrase(text, name, 0, index + length - 1, cased=cased, last=True)
        else:
            index = find_phrase(text, name, index + 1, cased=cased)
    return index


#: Articles, which a sentence writes in lower case before or inside a name ("republished from the Conversation"),
#: in either case: a credit is never asked to capitalise one.
_ARTICLES = frozenset(
    article
    for word in ("the", "a", "an", "le", "la", "les", "el", "los", "las", "der", "die", "das")
    for article in (word, word.capitalize())
)


@lru_cache(maxsize=256)
def _capitals(name: str) -> tuple[bool, ...] | None:
    """For each word of a publisher's name (normalised but for case), whether a credit writes it with a
    capital as the policy does; None when no word needs one (a web address, a name in lower case).

    "Global research on fisheries" and "the conversation turned to dams" name no publisher: everyday words,
    the same letters as a name. "GLOBAL RESEARCH" and "the Conversation" (an article inside a sentence) do.
    """
    words = normalize(name, fold_case=False).split(" ")
    if ("." in name and " " not in name.strip()) or "/" in name:
        return None  # a web address
    # A name of capitalised words ("Global Research") is a proper noun throughout; in a sentence a policy
    # accepts ("This story was originally published by Grist."), the first word's capital is the sentence's.
    titled = all(word[:1].isupper() or word in _ARTICLES for word in words)
    wanted = tuple(
        word[:1].isupper() and word.lower() not in _ARTICLES and (at > 0 or titled or len(words) == 1)
        for at, word in enumerate(words)
    )
    return wanted if any(wanted) else None


@lru_cache(maxsize=256)
def _case_blind(name: str) -> re.Pattern[str]:
    """A publisher's name as whole words in any case (Python's engine: only asked of a name held, and short)."""
    return re.compile(rf"(?<!\w){re.escape(normalize(name, fold_case=False))}(?!\w)", re.IGNORECASE)


def _first_proper(
    visible: VisibleBody, names: list[str], params: Params, *, last: bool
) -> tuple[float | None, list[float]]:
    """:func:`_first_placed` for publishers' names in the visible text normalised but for case: an occurrence
    counts when each word the name capitalises is capitalised there too (or the whole name is in capitals).

    The case-folded text is searched (``str.find``), and each hit read in the cased text at the same place:
    the two are aligned unless folding made a character longer ("ß"), when a case-blind regex searches the
    cased text instead."""
    found = []
    text, folded = visible.cased_text, visible.text
    aligned = len(text) == len(folded)
    size = len(text) or 1
    position = params.position
    span = size if position == "any" else max(size, WINDOW_CHARS / params.window)
    for name in names:
        capitals = _capitals(name) or ()
        if aligned:
            needle = normalized(name)
            hits = [
                at
                for at in _whole_words_at(folded, needle)
                if _capitalised(text[at : at + len(needle)], capitals)
                and not _after_other_work(folded, at)
                and visible.block_edge(at, at + len(needle)) is None
            ]
        else:
            matches = list(_case_blind(name).finditer(text))
            # The k-th copy here is the k-th in the folded text, where the blocks' edges are told (when the two
            # hold as many): one running from a block into the next is passed over.
            needle = normalized(name)
            places = list(_whole_words_at(folded, needle)) if matches else []
            told = len(places) == len(matches)
            hits = [
                m.start()
                for k, m in enumerate(matches)
                if _capitalised(m.group(), capitals)
                and not _after_other_work(text, m.start())
                and not (told and visible.block_edge(places[k], places[k] + len(needle)) is not None)
            ]
        if hits:
            index = hits[-1] if last else hits[0]
            fraction = 1 - (size - index) / span if position == "bottom" else index / span
            if _placed(fraction, params):
                return fraction, found
            found.append(fraction)
    return None, found


def _whole_words_at(text: str, needle: str) -> Iterator[int]:
    """Where ``needle`` stands in ``text`` as whole words (as :func:`~reprint_guard.textnorm.find_phrase` finds
    one), each place in order."""
    index = find_phrase(text, needle) if needle else -1
    while index >= 0:
        yield index
        index = find_phrase(text, needle, index + 1)


def _capitalised(written: str, capitals: tuple[bool, ...]) -> bool:
    """Whether each word of ``written`` that ``capitals`` wants capitalised starts with a capital."""
    return all(word[:1].isupper() for word, wanted in zip(written.split(" "), capitals, strict=False) if wanted)


def _joint(authors: list[str]) -> Iterator[str]:
    """The ways a shared byline names several authors: "A and B", "A, B and C", "A & B", "A, B", in any order
    (a CMS lists authors in no order a byline keeps), the metadata's first; with many, that and its reverse."""
    if len(authors) < 2:
        return
    orders = permutations(authors) if len(authors) <= _ANY_ORDER else iter((authors, authors[::-1]))
    for order in orders:
        head, last = ", ".join(order[:-1]), order[-1]
        yield from (f"{head} and {last}", f"{head}, and {last}", f"{head} & {last}", ", ".join(order))


#: Up to this many authors, a shared byline may name them in any order (4: 24 orders).
_ANY_ORDER = 4


def _placed_ok(reprint: Reprint, params: Params, phrase: str) -> bool:
    found = _placements(reprint.visible, params, (phrase,))
    return bool(found) and _placed(found[0], params)
