"""What every check module shares: the problem it reports and fix templates."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..licenses import describe, licence_id, normalize_license
from ..limits import MAX_PATTERN_LENGTH
from ..metaview import Medium, written_name
from ..policy.model import derived
from ..reprint import Reprint, Span
from ..urls import as_address, normalize_url, with_host_folded, without_tracking

if TYPE_CHECKING:
    from ..policy.model import Policy, Rule

#: A ``{name}`` placeholder in a fix, credit or insert template.
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
#: The values :func:`template_values` derives, besides the metadata keys themselves.
DERIVED_VALUES = (
    "publisher",
    "contact",
    "year",
    "holder",
    "license_name",
    "license_url",
    "original_url_encoded",
    "original_id",
)


class ParamsView:
    """A check's validated parameters as plain read-only attributes: what a check reads.

    Built from a :mod:`~reprint_guard.checks.params` model (or from bundled
    policies validated ahead of time); list values become tuples, as the model
    declares them. ``declared()`` is what the policy wrote, for docs.
    """

    def __init__(self, values: dict[str, Any], declared: dict[str, Any] | None = None) -> None:
        values = {k: tuple(v) if isinstance(v, list) else v for k, v in values.items()}
        for key, value in values.items():
            object.__setattr__(self, key, value)
        object.__setattr__(self, "_values", values)
        declared = (
            values if declared is None else {k: tuple(v) if isinstance(v, list) else v for k, v in declared.items()}
        )
        object.__setattr__(self, "_declared", declared)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("check parameters are read-only")

    def __repr__(self) -> str:
        return f"ParamsView({self._declared!r})"

    def __eq__(self, other: object) -> bool:
        """By value, so a rule (and a policy) equals its pickled copy, as a worker process receives it."""
        if type(other) is not ParamsView:
            return NotImplemented
        return self is other or (self._values == other._values and self._declared == other._declared)

    def __hash__(self) -> int:
        return hash(tuple(self._values))  # the parameters' names: equal views have the same, whatever the values

    def values(self) -> dict[str, Any]:
        """Every parameter, defaults included (field names, not YAML aliases)."""
        return dict(self._values)

    def declared(self) -> dict[str, Any]:
        """The parameters that differ from their defaults, under their YAML names."""
        return dict(self._declared)


class Context:
    """What a check may know besides its params and the reprint."""

    __slots__ = ("policy", "rule", "today")

    def __init__(self, policy: Policy, rule: Rule, today: dt.date) -> None:
        self.policy = policy
        self.rule = rule
        self.today = today


#: What a finding's message says when the credit it asks for is there but wrong (a notice naming another
#: holder, a link to another page of the site): ``--fix`` inserts no second one beside it.
#: The same credit in the languages reprints are most often written in besides English: Spanish, Portuguese,
#: French, Italian, German, Indonesian, Russian ("publicado originalmente por", "pertama kali terbit di",
#: "впервые опубликовано на").
CREDIT_ELSEWHERE_WORDS = (
    r"publicad[oa]s? originalmente|originalmente publicad[oa]s?|publicad[oa]s? por primera vez|"
    r"publicad[oa]s? pela primeira vez|apareci[oó] (?:originalmente|por primera vez)|republicad[oa]s?|"
    r"se public[oó] (?:originalmente|por primera vez|inicialmente)|(?:inicialmente|primeiro) publicad[oa]s?|"
    r"publicad[oa]s? (?:inicialmente|primeiro)|"
    r"publi[ée]e?s? (?:à l'origine|initialement|pour la première fois)|initialement publi[ée]e?s?|"
    r"(?:a|ont) d'abord été publi[ée]e?s?|parue?s? initialement|republi[ée]e?s?|"
    r"pubblicat[oaie] originariamente|originariamente pubblicat[oaie]|"
    r"ursprünglich (?:veröffentlicht|erschienen)|zuerst (?:veröffentlicht|erschienen)|"
    # the same with the verb first ("Dieser Artikel erschien zuerst bei", "Initialement paru sur")
    r"erschien (?:zuerst|ursprünglich|erstmals)|initialement paru(?:e|s|es)?|"
    r"pertama kali (?:terbit|diterbitkan|dimuat|dipublikasikan)|awalnya (?:diterbitkan|dimuat)|diterbitkan ulang|"
    r"(?:впервые|первоначально|изначально) (?:был[аои]? )?опубликован[аоы]?|перепечатан[аоы]? (?:с|из)"
)
#: A source named as where the text was taken from ("Tomado de Global Voices.", "Taken from ProPublica.",
#: "Extraído de ...", "Extrait de ..."): a credit only where the words open their sentence, line or element, since
#: the story says them of anything ("fue tomada de un pozo", "was taken from a 2019 report").
CREDIT_TAKEN_FROM = r"(?:tomad[oa]|extra[ií]d[oa]) de|(?:taken|excerpted) from|extrait d(?:e |')"
#: A source label as Spanish, Portuguese, German and French write "Source:" ("Fuente: Global Voices", "Fonte:",
#: "Quelle:", "Source :"): a credit where it opens its sentence, line or element, as the taken-from words are.
CREDIT_LABEL = r"(?:fuente|fonte|quelle|source) ?:"
#: The credit's words in those languages, the taken-from ones and the labels after what ends a sentence or opens
#: a line or an element (a stop, a line end, emphasis, a tag's ">"), which is part of the match: RE2 reads it
#: too, with no look-behind.
CREDIT_ELSEWHERE = (
    rf"{CREDIT_ELSEWHERE_WORDS}|(?:^|[\n.!?;*_>)\]])[\s.!?;*_>)\]]*(?:{CREDIT_TAKEN_FROM}|{CREDIT_LABEL})"
)
#: And in Chinese (simplified and traditional) and Arabic, whose credit may name "this article" itself ("本文原载于",
#: "本文作者陳曉雯，原載於", "نُشرت هذه القصة بقلم سارة الخطيب في الأصل", "نُشرت أصلاً", "نُشر لأول مرة").
CREDIT_IN_SCRIPTS = (
    r"(?:本文)?(?:原[载載][于於]|首[发發][于於]|[转轉][载載]自|最初[发發][表布佈][于於]|原[发發][于於])"
    r"|原文(?:刊[载載]|[发發]表|[发發][布佈])[于於]"
    r"|نُ?شِ?رَ?ت?(?: \S+){0,6} (?:في الأصل|أصل(?:اً|ًا|ا)|لأول مرة|للمرة الأولى)"
)


#: Words a credit says of the original around the publisher's name or its link ("originally appeared on", "The
#: original source of this article is", "Source:", "courtesy of", "publicado originalmente"), normalised: a
#: block without them that names the publisher is the story's ("one presenter told Global Voices", "a [Global
#: Research analysis](...) published in May").
CREDIT_WORDS = re.compile(
    r"originally|first (?:published|appeared|ran)|republish|reprint|source of this article|appeared (?:on|in)|"
    rf"courtesy of|source:|credit:|(?:источник|المصدر|来源|來源|出处|出處) ?:|{CREDIT_ELSEWHERE}|{CREDIT_IN_SCRIPTS}|"
    # The same plainer words in Spanish and Portuguese ("apareció en", as "appeared in"; "reproducido de").
    r"apareci[oó] en|apareceu (?:em|no|na)|reproducid[oa] (?:de|con permiso)|reproduzid[oa] de"
)

THERE_BUT_WRONG = (
    "a copyright notice is there, but none names",
    "on the same site, but not to the article itself",
    "its link to the article ends in a stray",
    "its link to the article opens with",
    "the licence the original is under",
    "is named, but not in the form the terms ask for",
    "the credit that is there names",
    "another site's address, not to the article itself",
    "the credit's link goes to another site",
    "is a Markdown link inside an HTML block",
    "the credit's link goes to another of the site's hosts",
    "but in an indented code block",
    "a credit writes the name with its capitals",
    "another site's redirect, not directly",
    "which a browser reads as a relative address",
)


def relative_told(lacks: str, told: str, *, based: bool = False) -> tuple[str, str]:
    """What a finding says of a link whose address ``told`` lacks ``lacks`` (as
    :func:`~reprint_guard.urls.meant_address` names it: "the scheme", "a slash"), after "its link to ...", and
    what its fix adds to the address. ``based``: the page's ``<base href>`` leads it (``told`` says where)."""
    where = "" if based else ": an address on the reprint's own site"  # told gives the one the base leads to
    if lacks == "the scheme":
        return f"is written without the scheme (https://): {told}, {THERE_BUT_WRONG[14]}{where}", "https://"
    return (
        f"is written with fewer than two slashes after 'https:': {told}, {THERE_BUT_WRONG[14]} on a page served "
        f"over https (as a reprint's is){where}",
        "the missing slash",
    )


#: What a finding's message says when the credit is there but elsewhere than the rule wants it: ``--fix``
#: inserts no second one where it is wanted, to stand beside it; the editor moves it.
THERE_BUT_ELSEWHERE = "is there, but not "

#: The top and bottom windows are never shorter than this many characters (about a first paragraph).
WINDOW_CHARS = 300


def window_fraction(index: int, size: int, position: str, window: float) -> float:
    """Where the character at ``index`` of a text of ``size`` stands, for a rule asking for the ``position``
    ``top`` or ``bottom``: a share of the text measured from its top, never of fewer than
    :data:`WINDOW_CHARS` characters (in a short brief the first sentence is the top however long the rest)."""
    span = size if position == "any" else max(size, WINDOW_CHARS / window)
    return 1 - (size - index) / span if position == "bottom" else index / span


def _shows_text(html: str) -> bool:
    """Whether a stretch of a page around its article shows a reader any text (the site's menu or sidebar):
    its head, scripts, styles, templates, comments and tags aside. One pass of finds, linear in the stretch."""
    lowered, at = html.lower(), 0
    while at < len(lowered):
        opening = lowered.find("<", at)
        if lowered[at : opening if opening >= 0 else len(lowered)].replace("&nbsp;", " ").strip():
            return True
        if opening < 0:
            return False
        after = lowered[opening + 1 : opening + 2]
        if not (after.isascii() and (after.isalpha() or after in "/!?")):  # "< Back": no tag, a shown "<"
            return True
        for name in ("head", "script", "style", "template"):
            if (
                lowered.startswith(name, opening + 1)
                and not lowered[opening + 1 + len(name) : opening + 2 + len(name)].isalnum()
            ):
                close = lowered.find(f"</{name}", opening)
                opening = close if close >= 0 else len(lowered)
                break
        if lowered.startswith("<!--", opening):
            close = lowered.find("-->", opening)
            at = close + 3 if close >= 0 else len(lowered)
            continue
        close = lowered.find(">", opening)
        at = close + 1 if close >= 0 else len(lowered)
    return False


def measured_over(reprint: Reprint, position: str) -> str:
    """For a credit or a link on a whole page that is not near the top (or bottom) asked for: the window is a
    share of the page's whole visible text, so a long menu before the page's <article> pushes a first line
    down."""
    article = reprint.article
    if article is None or position not in ("top", "bottom"):
        return ""
    side = "before" if position == "top" else "after"
    key = f"shows text {side} the article"  # read once a page, however many findings ask
    shows = reprint.memo.get(key)
    if shows is None:
        shows = reprint.memo[key] = _shows_text(
            reprint.body[: article[0]] if side == "before" else reprint.body[article[1] :]
        )
    if not shows:  # a bare <article> fragment: no site around it to blame
        return ""
    return (
        f"; the {position} is measured over the page's whole visible text: a menu, header or sidebar of "
        f"the site's {side} the <{article[2]}> counts unless the config's skip-elements leaves it out"
    )


def in_window(fraction: float, position: str, window: float) -> bool:
    """Whether a place (:func:`window_fraction`) is near enough the top or bottom asked for."""
    if position == "top":
        return fraction <= window
    if position == "bottom":
        return fraction >= 1 - window
    return True


class Problem:
    """A check's raw result; the engine turns it into a :class:`~reprint_guard.report.Finding`.

    ``specific``: the check's fix is about this reprint's data (e.g. missing
    metadata) and beats the rule's template. ``file``: where ``line`` and ``column`` are, when not in the
    reprint's own file (a value set in its metadata sidecar). ``field``: the metadata key it is about.
    ``end``: the line and column after the text the problem is about, when the check found it in the body.
    ``headline``: what the finding says in place of the rule's message, for a problem the message does not
    describe (a licence rule's "not named and linked" when the text names it, but the metadata another).
    """

    __slots__ = (
        "line",
        "column",
        "detail",
        "fix",
        "specific",
        "file",
        "field",
        "end_line",
        "end_column",
        "headline",
    )

    def __init__(
        self,
        line: int,
        column: int,
        detail: str | None = None,
        fix: str | None = None,
        specific: bool = False,
        file: str | None = None,
        field: str | None = None,
        end: tuple[int | None, int | None] = (None, None),
        headline: str | None = None,
    ) -> None:
        self.headline = headline
        self.line = line
        self.column = column
        self.detail = detail
        self.fix = fix
        self.specific = specific
        self.file = file
        #: The metadata key the problem is about (None: the body): a CMS that passed the metadata as data
        #: has no line to show for it, but a form field.
        self.field = field
        self.end_line, self.end_column = end

    @classmethod
    def at(cls, span: Span, detail: str | None = None, **details: Any) -> Problem:
        """A problem about text found in the body, from where :meth:`~reprint_guard.reprint.Reprint.span`
        says it stands."""
        return cls(span[0], span[1], detail, end=(span[2], span[3]), **details)

    @classmethod
    def about(cls, reprint: Reprint, key: str, **details: Any) -> Problem:
        """A problem with the metadata value ``key``, told where ``key`` is declared."""
        line, column, file = reprint.meta_place(key)
        return cls(line, column, file=file, field=key, **details)


#: RE2's memory budget for compiling a pattern: a pattern whose program does not fit is refused.
_PROGRAM_MEMORY = 8 << 20
#: The budget a compiled pattern searches with. What the program leaves of it is the DFA's; with too little,
#: RE2 gives up on the DFA and runs its NFA, 50 times slower (cc-by-nd-4.0's 1,600-character ``unless``
#: took 800 µs an article with 8 MiB, 13 µs with 12 MiB or more). States are made as a text needs them, up to
#: this: a hostile pattern (``[ab]*a[ab]{20}y``) on a text made for it keeps as much, per cached pattern.
SEARCH_MEMORY = 16 << 20


#: RE2's ``\Q...\E``, literal text (``\QC:\Cache\E`` holds no escape).
_QUOTED_TEXT = re.compile(r"(?<!\\)(?:\\\\)*\\Q.*?(?:\\E|$)", re.DOTALL)
#: RE2's ``\C`` (one byte, not after another backslash): searched in UTF-8, it splits a character.
_ANY_BYTE = re.compile(r"(?<!\\)(?:\\\\)*\\C")


@lru_cache(maxsize=512)
def compile_pattern(pattern: str, *, utf8: bool = False, capture: bool = False, own: bool = False) -> Any:
    """Compile a policy regex with RE2: linear time, so no pattern can hang a check.

    With ``utf8``, the pattern is compiled to search UTF-8 bytes: for a long
    text searched by several patterns, encoding it once beats the str wrapper,
    which encodes the text and maps offsets back on every call. Groups do not
    capture unless ``capture`` (only the whole match is used): RE2 finds
    submatches on a slower path, where a policy's ``(.*){1000}`` took minutes
    on a long article; without them it takes milliseconds.
    """
    import re2

    # ``own``: a pattern the tool builds from a name (a class per letter), held to RE2's memory budget alone.
    if len(pattern) > MAX_PATTERN_LENGTH and not own:
        raise ValueError(f"pattern longer than {MAX_PATTERN_LENGTH} characters")
    if not own and _ANY_BYTE.search(_QUOTED_TEXT.sub("", pattern)):
        raise ValueError(
            f"invalid or unsupported pattern /{pattern}/ ('\\C', one byte, matches part of a character and "
            "leaves a finding's place and quote wrong); use '.', one character"
        )
    options = re2.Options()
    options.max_mem = _PROGRAM_MEMORY
    options.log_errors = False  # errors are reported by us, not on RE2's stderr
    options.never_capture = not capture
    source = pattern.encode("utf-8") if utf8 else pattern
    try:
        re2.compile(source, options)  # what a pattern may compile to is bounded as it always was
        options.max_mem = SEARCH_MEMORY
        return re2.compile(source, options)
    except re2.error as exc:
        reason = exc.args[0].decode(errors="replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        reason = reason.removesuffix(f": {pattern}")  # RE2 names the part at fault: the pattern is said already
        # The part at fault quoted, so that its "(?=" or "missing )" does not read as the message's parenthesis.
        head, colon, part = reason.partition(": ")
        words = reason.rsplit(" ", 1)
        if colon and part:
            reason = f"{head}: '{part}'"
        elif len(words) == 2 and len(words[1]) == 1 and not words[1].isalnum():
            reason = f"{words[0]} '{words[1]}'"
        raise ValueError(
            f"invalid or unsupported pattern /{pattern}/ ({reason}); patterns use RE2 syntax "
            "(no backreferences or look-around)"
        ) from None


#: A character a text's characters are read as by :func:`search_places`: all the non-ASCII ones as one, but for
#: those RE2's case folding pairs with an ASCII letter (``ſ`` with ``s``, the Kelvin sign with ``k``).
_OTHER = "\x80"
#: Escapes of an empty-width test (``\b``, ``\A``).
_EMPTY_ESCAPES = frozenset("bBAz")
#: Deepest nesting of groups :func:`search_places` reads (a pattern's words nest a few deep).
_DEEPEST_GROUP = 200
#: Plain characters: no syntax of RE2's among them.
_PLAIN = re.compile(r"[^\\\[().|*+?{^$]+")
#: ``{name}``: an ``element`` rule's placeholder, searched as ``.*`` for another article's element.
_PLACEHOLDER_IN_PATTERN = re.compile(r"(?<!\\[pPx])\{[A-Za-z_][A-Za-z0-9_]*\}")


@lru_cache(maxsize=512)
def search_places(pattern: str) -> int:
    """How many places of ``pattern`` a text can make RE2 follow at once, over-estimated: about the size of its
    DFA's largest state, and what its NFA does at each byte of a text when the DFA runs out of memory.

    Each class, escape of a class or quantified character is a place, each copy a counted repeat makes of
    one another, and they add up: every ``.*`` of ``x.*a.*a...`` stays followed once a text reached it. Plain
    characters (a run of them, a word) count as many places as a text can leave matched at once: the places
    it has just matched each end with a start of a run that ends the longest one (``aaaa...``: all of them,
    words of a language: a few), wherever the runs stand in the pattern; letters are read without case. A
    ``{name}`` placeholder counts as the ``.*`` an ``element`` rule searches it as. Linear in the pattern;
    ValueError for groups nested more than 200 deep, past what it reads.
    """
    reader = _Places(_PLACEHOLDER_IN_PATTERN.sub(".*", pattern))
    places, first, _ = reader.alternation()
    while reader.index < len(reader.pattern):  # a ")" RE2 would have refused: read on
        reader.index += 1
        more, starts, _ = reader.alternation()
        places, first = places + more, first + starts
    return places + first + _chained(reader.runs)


def _read_as(char: str) -> str:
    if char.isascii():
        return char.lower()
    for other in (char.lower(), char.upper()):
        if len(other) == 1 and other.isascii():
            return other.lower()
    return _OTHER


def _chained(runs: list[tuple[list[str], int, int]]) -> int:
    """The most places of runs of plain characters a text can leave matched at once: those whose starts it
    ends with, which all end the longest (the failure chain of Aho-Corasick's automaton over the runs), each
    start counted once for each run written with it (and each copy a repeat makes of that), but once for
    neighbouring alternatives that share it (``word1|word2``), which RE2 merges."""
    children: list[dict[str, int]] = [{}]
    weight = [0]
    last = [-2]  # the alternative that last added to a start's weight
    for run, copies, alternative in runs:
        node = 0
        for char in run:
            following = children[node].get(char)
            if following is None:
                following = children[node][char] = len(children)
                children.append({})
                weight.append(0)
                last.append(-2)
            node = following
            if alternative < 0 or last[node] != alternative - 1:
                weight[node] += copies
            last[node] = alternative
    fail = [0] * len(children)
    held = weight[:]  # the weights along a node's failure chain
    queue = list(children[0].values())
    for node in queue:
        for char, following in children[node].items():
            back = fail[node]
            while back and char not in children[back]:
                back = fail[back]
            fail[following] = children[back].get(char, 0) if node else 0
            held[following] += held[fail[following]]
            queue.append(following)
    return max(held)


class _Places:
    """The reader behind :func:`search_places`: a pattern RE2 compiled already, read once, left to right,
    adding up the places of what is not plain characters and keeping the runs of those (with their copies)."""

    __slots__ = ("pattern", "index", "runs", "alternatives", "depth")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.index = 0
        #: Each run of plain characters, its copies, and the alternative it makes whole (its number), or -1.
        self.runs: list[tuple[list[str], int, int]] = []
        self.alternatives = 0
        self.depth = 0

    def alternation(self) -> tuple[int, int, bool]:
        """The places of the alternatives at the reader, the places a match of them can start at (neighbours
        written as plain characters from one character on count once: RE2 merges them), and whether one
        matches the empty text."""
        places, first, empty = self.sequence()
        start = self._start_of_whole()
        while self.pattern.startswith("|", self.index):
            self.index += 1
            more, starts, none = self.sequence()
            following = self._start_of_whole()
            if following is not None and following == start:
                starts = 0
            places, first, empty, start = places + more, first + starts, empty or none, following
        return places, first, empty

    def _start_of_whole(self) -> str | None:
        """The first character of the alternative just read when it is plain characters alone."""
        if self.runs and self.runs[-1][2] == self.alternatives:
            return self.runs[-1][0][0]
        return None

    def sequence(self) -> tuple[int, int, bool]:
        self.alternatives += 1
        alternative, mark = self.alternatives, len(self.runs)
        pattern, size = self.pattern, len(self.pattern)
        places = first = 0
        run: list[str] = []
        empty = True  # all read so far may match the empty text: what comes next may start a match
        while self.index < size and pattern[self.index] not in "|)":
            plain = _PLAIN.match(pattern, self.index)
            if plain is not None:
                chars = plain.group(0)
                if plain.end() < size and pattern[plain.end()] in "*+?{":  # the last one may be repeated
                    chars = chars[:-1]
                if chars:
                    self.index += len(chars)
                    run += chars.lower() if chars.isascii() else map(_read_as, chars)
                    first += empty
                    empty = False
                    continue
            if pattern[self.index] == "(":
                self._keep(run)  # what follows the group is no longer the run before it
                run = []
                inner, starts, none, repeated, optional = self.group()
                places += inner * repeated
                first += starts if empty else 0
                empty = empty and (none or optional)
                continue
            chars, place = self.atom()
            copies, optional = self.copies()
            if chars and copies is None:
                run += chars  # a run of plain characters goes on (over an empty-width test too)
                first += empty
                empty = False
                continue
            if chars or place:
                self._keep(run)
                run = []
                first += empty
                empty = empty and optional
            places += (len(chars) + place) * (copies or 1)
        self._keep(run)
        if run and not places and len(self.runs) == mark + 1:  # plain characters alone
            self.runs[-1] = (run, 1, alternative)
        return places, first, empty

    def group(self) -> tuple[int, int, bool, int, bool]:
        """The places of the group at the reader (one copy), the places a match can start at, whether it
        matches the empty text, the copies its quantifiers make (its runs are counted that many times) and
        whether they let it match nothing."""
        mark = len(self.runs)
        self.depth += 1
        if self.depth > _DEEPEST_GROUP:
            raise ValueError(f"pattern nests groups more than {_DEEPEST_GROUP} deep")
        self._group_start()
        places, first, empty = self.alternation()
        self.depth -= 1
        self.index += 1  # its ")"
        copies, optional = self.copies()
        if copies is not None and copies > 1:
            self.runs[mark:] = [(run, times * copies, alternative) for run, times, alternative in self.runs[mark:]]
        return places, first, empty, copies or 1, optional

    def _keep(self, run: list[str]) -> None:
        if run:
            self.runs.append((run, 1, -1))

    def _group_start(self) -> None:
        """Past a group's "(" and what follows it: ``?:``, flags (``?i:``) or a name (``?P<name>``); flags
        alone (``(?i)``) read as an empty group."""
        pattern = self.pattern
        self.index += 1
        if pattern.startswith(("?P<", "?<"), self.index):
            close = pattern.find(">", self.index)
            self.index = len(pattern) if close < 0 else close + 1
        elif pattern.startswith("?", self.index):
            while self.index < len(pattern) and pattern[self.index] not in ":)":
                self.index += 1
            if pattern.startswith(":", self.index):
                self.index += 1

    def copies(self) -> tuple[int | None, bool]:
        """The copies of what was just read its quantifiers make (``x{3}{4}``: 12; None: no quantifier), and
        whether they let it match nothing (``*``, ``?``, ``{0,3}``)."""
        pattern, copies, optional = self.pattern, None, False
        while self.index < len(pattern):
            char = pattern[self.index]
            if char in "*+?":
                self.index += 1
                copies = copies or 1
                optional = optional or char != "+"
            elif char == "{":
                close = pattern.find("}", self.index)
                low, _, high = pattern[self.index + 1 : max(close, self.index)].partition(",")
                if close < 0 or not low.isdigit() or not (high == "" or high.isdigit()):
                    break  # a "{" RE2 reads as itself
                copies = (copies or 1) * max(int(low), int(high or 0), 1)
                optional = optional or int(low) == 0
                self.index = close + 1
            else:
                break
            if pattern.startswith("?", self.index):  # lazy
                self.index += 1
        return copies, optional

    def atom(self) -> tuple[list[str], int]:
        """The plain characters or the places of the character, class or escape at the reader; ([], 0) for
        an empty-width test."""
        pattern = self.pattern
        char = pattern[self.index]
        self.index += 1
        if char == "[":
            self.index = class_end(pattern, self.index - 1)
            return [], 1
        if char in "^$":
            return [], 0
        if char == ".":
            return [], 1
        if char != "\\" or self.index >= len(pattern):
            return [_read_as(char)], 0
        following = pattern[self.index]
        self.index += 1
        if following == "Q":  # written as it stands, to \E or the end
            close = pattern.find("\\E", self.index)
            end = len(pattern) if close < 0 else close
            quoted, self.index = pattern[self.index : end], min(len(pattern), end + 2)
            return [_read_as(c) for c in quoted], 0
        if following in _EMPTY_ESCAPES:
            return [], 0
        if following == "x":
            if pattern.startswith("{", self.index):
                close = pattern.find("}", self.index) % (len(pattern) + 1)  # none: to the end
                code, self.index = pattern[self.index + 1 : close], close + 1
            else:
                code, self.index = pattern[self.index : self.index + 2], self.index + 2
            try:
                return [_read_as(chr(int(code, 16)))], 0
            except (ValueError, OverflowError):
                return [], 1
        if following in "pP":
            close = pattern.find("}", self.index) if pattern.startswith("{", self.index) else self.index
            self.index = (close if close >= 0 else len(pattern) - 1) + 1  # \pL, \p{Greek}
            return [], 1
        if following.isalnum():  # a class (\d, \w), a control character (\n) or an octal code: one place
            while following.isdigit() and self.index < len(pattern) and pattern[self.index].isdigit():
                self.index += 1
            return [], 1
        return [_read_as(following)], 0


def class_end(pattern: str, index: int) -> int:
    """Where a character class that starts at ``index`` ends (after its "]"), ``[:alpha:]`` and escapes read."""
    index += 1
    if pattern.startswith("^", index):
        index += 1
    if pattern.startswith("]", index):
        index += 1
    while index < len(pattern):
        if pattern.startswith("[:", index) and (close := pattern.find(":]", index + 2)) >= 0:
            index = close + 2  # [:alpha:]; a "[:" with no ":]" is two characters of the class
        elif pattern[index] == "\\":
            index += 2
        elif pattern[index] == "]":
            return index + 1
        else:
            index += 1
    return index


#: A host name as a URL pattern writes it, right after its "//" (and an optional "www."): labels joined by
#: escaped dots (``//pixel\.propublica\.org/``), then the path, a group, the end or a ``?``/``#``.
_PATTERN_HOST = re.compile(
    r"//(?:\(\?:www\\\.\)\?|\(www\\\.\)\?|www\\\.)?((?:[a-z0-9-]+\\\.)+[a-z]{2,})(?=/|\(|\$|\[|\?|#|$)"
)


class UrlPattern:
    """A policy's pattern for addresses (a pixel's, a link's, an ``except``): searched in the address as written
    and, when its scheme or host has capitals (``https://Counter.TheConversation.com/...``, as a CMS or an
    editor may write it) or it names its scheme's default port, as a browser reads it and policies write it:
    in lower case, without the port (:func:`~reprint_guard.urls.with_host_folded`)."""

    __slots__ = ("regex",)

    def __init__(self, regex: Any) -> None:
        self.regex = regex

    def search(self, url: str) -> Any:
        found = self.regex.search(url)
        if found is None:
            folded = with_host_folded(url)
            if folded is not url:
                found = self.regex.search(folded)
        return found


@lru_cache(maxsize=256)
def url_pattern(pattern: str, *, own: bool = False) -> UrlPattern:
    """:class:`UrlPattern` of ``pattern`` (compiled as :func:`compile_pattern` does; ``own``: filled in by the
    tool with a reprint's values, held to RE2's memory budget alone)."""
    return UrlPattern(compile_pattern(pattern, own=own))


def re2_escape(text: str) -> str:
    """``text`` as an RE2 pattern matching it as written: each ASCII character but a letter, a digit or ``_``
    as its hex escape (which RE2 reads in any context, where a backslash before some is an error)."""
    return "".join(char if char.isalnum() or char == "_" or ord(char) > 127 else f"\\x{ord(char):02x}" for char in text)


def pattern_host(pattern: str) -> str | None:
    """The host a URL pattern names (``^https?://pixel\\.propublica\\.org/``: pixel.propublica.org), or None:
    what a message can say to an editor instead of the pattern."""
    found = _PATTERN_HOST.search(pattern)
    return found.group(1).replace("\\.", ".") if found else None


#: What a URL pattern writes out after its host: the start of the path, up to its first pattern syntax.
_LITERAL_PATH = re.compile(r"(?:[^\\^$.|?*+()\[\]{}]|\\[^A-Za-z0-9])+")


def literal_path(pattern: str) -> str:
    """The path a URL pattern writes out after the host it names (``^https://a\\.example/pixel\\.gif\\?id=``:
    ``/pixel.gif``), up to its query or first pattern syntax; "" when it names no host or no path."""
    host = _PATTERN_HOST.search(pattern)
    if host is None or not pattern.startswith("/", host.end()):
        return ""
    written = _LITERAL_PATH.match(pattern, host.end())
    path = re.sub(r"\\(.)", r"\1", written.group(0)) if written is not None else ""
    return path.partition("?")[0].partition("#")[0]


def names_joined(names: list[str]) -> str:
    """Names as a byline writes them: "A", "A and B", "A, B and C"; with semicolons between them when one
    holds a comma ("Priya Raman, University of Northfield; Li Wei, Harbour Institute; and Ana Ruiz"), which
    commas would make read as five people."""
    if len(names) == 1:
        return names[0]
    if any("," in name for name in names):
        return f"{'; '.join(names[:-1])}; and {names[-1]}" if len(names) > 2 else f"{names[0]}; and {names[1]}"
    return f"{', '.join(names[:-1])} and {names[-1]}"


def written(value: Any) -> str:
    """A metadata value as YAML writes it, for a message or a fix: ``true``, ``2025-03-01T10:00:00+00:00``
    (not Python's ``True`` or ``2025-03-01 10:00:00+00:00``), a permission record as its grantor and uses."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):  # a date-time too
        return value.isoformat()
    if hasattr(value, "from_") and hasattr(value, "scope"):  # a permission record
        return f"{{from: {value.from_}, scope: [{', '.join(value.scope)}]}}"
    return str(value)


#: Words that make a caption or credit another work's (a photo's, a chart's): what it licenses or credits
#: is that work, not the article. A regex alternation, for the checks to add their own words to.
OTHER_WORK_WORDS = (
    r"photos?|photograph\w*|images?|pictures?|illustrations?|graphics?|charts?|maps?|videos?|cartoons?"
    r"|artwork|drawings?"
)
#: Their stems: a text holding none of them names no other work (a quick look before a regex).
OTHER_WORK_STEMS = (
    "photo",
    "image",
    "picture",
    "illustration",
    "graphic",
    "chart",
    "map",
    "video",
    "cartoon",
    "drawing",
    "artwork",
)
#: The same words as a set, for a word already in hand (lower case): ``photograph\w*`` aside.
_OTHER_WORKS = frozenset(f"{stem}{plural}" for stem in OTHER_WORK_STEMS[:-1] for plural in ("", "s")) | {"artwork"}


def names_other_work(word: str) -> bool:
    """Whether ``word`` (lower case) is one of :data:`OTHER_WORK_WORDS`."""
    return word in _OTHER_WORKS or word.startswith("photograph")


#: Where Creative Commons serves its licence badges ("88x31.png" and the icons of its press kit), which its
#: licence chooser puts beside the licence link: the licence's mark, no photograph or illustration.
BADGE_HOSTS = ("licensebuttons.net", "i.creativecommons.org", "mirrors.creativecommons.org")


#: Per policy id: the policy and :func:`publisher_names` of it.
_PUBLISHER_NAMES: dict[str, tuple[Policy, frozenset[str]]] = {}


def publisher_names(policy: Policy) -> frozenset[str]:
    """The names a policy's credit rules accept for the publisher ("KFF Health News"), and its publisher's
    (which may be a description: "KFF Health News (formerly Kaiser Health News), KFF"): each the name
    itself, not a policy's phrase around it ("originally published by ProPublica"). Made once per policy."""
    return derived(_PUBLISHER_NAMES, policy, _publisher_names)


def names_publisher(words: str, policy: Policy) -> bool:
    """Whether a link's ``words`` name the policy's publisher (as its credit rules accept it): a credit's link,
    not the story's own link to another of the publisher's pages."""
    said = " ".join(words.split()).lower()
    return any(name.lower() in said for name in publisher_names(policy))


#: How many words besides the publisher's name a credit's link may have and still be taken for one by its words
#: alone ("the Global Research website"); more ("an earlier Global Research report") read as the story's.
_BESIDE_THE_NAME = 2
_WORD = re.compile(r"\w+")


def credit_link(words: str, around: str, policy: Policy) -> bool:
    """Whether a link whose words are ``words``, in a block or line that says ``around``, is a credit's link:
    its words name the publisher, and they are little but the name ("Global Research", "the KFF Health News
    site") or ``around`` says a credit's words ("originally published by"). The story's own citation of
    another of the publisher's articles ("See also [an earlier Global Research report](...)") is not: --fix
    would point the story's sentence at the original."""
    said = " ".join(words.split()).lower()
    names = [name.lower() for name in publisher_names(policy) if name.lower() in said]
    if not names:
        return False
    if CREDIT_WORDS.search(" ".join(around.split()).lower()):
        return True
    for name in sorted(names, key=len, reverse=True):
        said = said.replace(name, " ")
    return len(_WORD.findall(said)) <= _BESIDE_THE_NAME


#: Words around a link on the publisher's name that make its line the story's, not a credit: a list of related
#: reading, a call to join or give ("Become a [Global Research](...) member").
_NOT_A_CREDIT = re.compile(
    r"\b(?:related|see also|also (?:read|see)|further reading|become an?\b|membership|donate|subscribe|"
    r"newsletter|sign up)"
)
#: Words of a credit's line that :data:`CREDIT_WORDS` does not hold ("published by", "© ...", "via", "Shared
#: from", "Thanks to ... for"), or that open one ("From [Global Research](...), ...", "More from ...: this essay
#: ran there first").
_CREDIT_SAYING = re.compile(
    r"\b(?:this|the|our) (?:article|story|piece|post|report|essay)\b|publish|\b(?:posted|shared|ran)\b|"
    r"copyright|©|\(c\)|permission|licen[cs]|reproduc|credit|source|courtesy|syndicat|reprint|\bvia\b|"
    r"\bthanks? (?:you )?to\b|grateful to|^\W*(?:more )?from\b"
)
#: How many words besides a link's own a line may say and still be a credit's by its length alone.
_CREDIT_LINE_WORDS = 6
#: An address and a tag, left out of a line's words (a Markdown link's "(https://...)", an <a href="...">).
_NOT_WORDS = re.compile(r"https?://[^\s)\"'>]*|<[^>]*>")


def story_around(around: str, words: str) -> bool:
    """Whether the line or block ``around`` a link whose words are ``words`` (the publisher's name) is the
    story's own sentence, not a credit's, where it says no credit's words: a report cited ("As [Global
    Research](...) reported in March, the vote was close."), related reading, a call to become a member. Its
    link is not the credit's: --fix would point the story's citation at the original (the review of an
    editor's reprints)."""
    said = _NOT_WORDS.sub(" ", " ".join(around.split()).lower()).strip()
    if CREDIT_WORDS.search(said) or _CREDIT_SAYING.search(said):
        return False
    if _NOT_A_CREDIT.search(said):
        return True
    rest = said.replace(" ".join(words.split()).lower(), " ")
    return len(_WORD.findall(rest)) > _CREDIT_LINE_WORDS


def _publisher_names(policy: Policy) -> frozenset[str]:
    names = {name for rule in policy.rules if rule.check == "attribution" for name in rule.params.names}
    names.add(policy.publisher)
    return frozenset(name for name in names if not any(o != name and o.lower() in name.lower() for o in names))


def template_values(
    reprint: Reprint, policy: Policy, *, placeholders: bool = True, wanted: frozenset[str] | None = None
) -> dict[str, str]:
    """Values a fix or credit template may use: metadata fields plus a few derived ones.

    With ``placeholders``, missing values read as a hint (``<original article URL>``);
    without, they are left out so that a credit block can tell it is incomplete.
    ``wanted``: the only keys asked for (an element's pattern asks for one, per page): the derived values none
    of whose keys is wanted are not worked out (the byline's names, the address's percent-encoding, the
    licence's deed: 25 µs of 35), and a key not wanted may then be missing or read as the metadata writes it.
    """

    def asked(*keys: str) -> bool:
        return wanted is None or not wanted.isdisjoint(keys)

    meta = reprint.metadata
    published = meta.original_published
    values: dict[str, str] = {
        "publisher": policy.publisher,
        "contact": policy.contacts[0] if policy.contacts else "the publisher",
        "medium": str(meta.value("medium")),
    }
    if published is not None:
        values["year"] = str(published.year)
    elif placeholders:
        values["year"] = "YYYY"
    if asked("author") and meta.authors:  # as a byline writes them: "Ruiz, Ana" and "Ana Ruiz, PhD" are "Ana Ruiz"
        values["author"] = names_joined([written_name(author) for author in meta.authors])
    if asked("holder") and meta.holders:  # the authors, when no copyright_holder is given: named as the byline
        holders = meta.holders if meta.copyright_holder else [written_name(author) for author in meta.authors]
        values["holder"] = names_joined(holders)
    for key, value in meta.items():
        if isinstance(value, str | int | float | dt.date) and key not in values:  # a flag too: "true"
            if isinstance(value, str) and not value.strip():
                continue  # a form's field left empty: as unset ("By ." is no credit, "[](...)" no link)
            values[key] = written(value)
    if meta.original_url and asked("original_url", "original_url_encoded"):  # a credit links to it
        # A fix text links to no "javascript:" address (a credit block refuses one, saying why); "example.org/a/1"
        # would be a relative link.
        address = linkable_address(meta.original_url) if placeholders else as_address(meta.original_url)
        if address and not placeholders:  # a share button's copy of the address: its utm_ parameters left out
            address = without_tracking(address)
            page, mark, anchor = address.partition("#")
            if mark and "/" not in anchor and not anchor.startswith("!"):
                address = page  # "#comments", a place in the page: the credit links the article itself
        values["original_url"] = address or "<original article URL>"
        if address:  # for a query string: a pixel's ?url={original_url_encoded}
            from urllib.parse import quote

            values["original_url_encoded"] = quote(address, safe="")
    if meta.original_url and (number := original_id(meta.original_url)) is not None:
        values["original_id"] = number
    spdx = _template_licence(meta.license, policy) if asked("license_name", "license_url") else None
    if spdx:
        values["license_name"], values["license_url"] = describe(spdx)
    if placeholders:
        values.setdefault("author", "<author>")  # a hint, as the URL's is
        values.setdefault("holder", "<author>")
        values.setdefault("original_url", "<original article URL>")
        values.setdefault("original_url_encoded", "<original article URL, percent-encoded>")
        values.setdefault("title", "the original article")
    return values


def _template_licence(named: str | None, policy: Policy) -> str | None:
    """The SPDX id of the licence a template names: the metadata's, else the one the policy's first licence
    rule accepts first; a licence the policy covers in another port named as the policy's ("CC BY-NC-ND 3.0" for
    the policy's 3.0 US: its deed, the US one)."""
    spdx = normalize_license(named)
    covered = [r.params.licenses for r in policy.rules if r.check == "license"]
    if spdx is None:
        return covered[0][0] if covered and covered[0] else None
    if covered and covered[0] and named:
        from .license import named_without_port

        accepted = frozenset(licence_id(c) for c in covered[0])
        return spdx if spdx in accepted else named_without_port(named, spdx, accepted) or spdx
    return spdx


class LazyValues:
    """:func:`template_values` computed only if a template asks for a placeholder (most findings have none)."""

    __slots__ = ("_policy", "_reprint", "_values")

    def __init__(self, reprint: Reprint, policy: Policy) -> None:
        self._reprint = reprint
        self._policy = policy
        self._values: dict[str, str] | None = None

    def get(self, key: str, default: str) -> str:
        """The value for ``key``; a key the reprint does not set reads as a hint to fill in (``<source>``),
        as an unset author does, not as the ``{source}`` the template wrote (``default``, not used)."""
        if self._values is None:
            quick = self._quick(key)
            if quick is not None:
                return quick
            self._values = template_values(self._reprint, self._policy)
        return self._values.get(key, f"<{key}>")

    def _quick(self, key: str) -> str | None:
        """The placeholders most fixes use, exactly as :func:`template_values` fills them."""
        meta = self._reprint.metadata
        if key == "publisher":
            return self._policy.publisher
        if key in ("holder", "author"):
            names = meta.holders if key == "holder" else meta.authors
            return names_joined(names) if names else "<author>"
        if key == "year":
            return str(meta.original_published.year) if meta.original_published is not None else "YYYY"
        if key == "original_url":
            return linkable_address(meta.original_url) or "<original article URL>"
        return None


#: The number that ends an address's path, on its own or after a word of its last part ("…/some-title-241873",
#: "…/some-title/5799123/"), before any query or fragment.
_ENDING_NUMBER = re.compile(r"(?:^|[/-])([0-9]+)/?$")


def original_id(original_url: str | None) -> str | None:
    """The number that ends the original's address (``241873`` in ``theconversation.com/some-title-241873``):
    many publishers' id for the article, which their counters and pixels name (``/content/241873/count.gif``);
    None where the address ends in no number."""
    if not original_url:
        return None
    from urllib.parse import urlsplit

    try:
        path = urlsplit(as_address(original_url)).path
    except ValueError:
        return None
    found = _ENDING_NUMBER.search(path)
    return found.group(1) if found is not None else None


def linkable_address(original_url: str | None) -> str | None:
    """The original's address as a fix text links to it (``example.org/a/1`` with its scheme, without a share
    button's ``utm_`` parameters), or None when it is no web address: a fix shown in a CMS links to no
    ``javascript:`` address, a hint stands in for it."""
    address = as_address(original_url) if original_url else None
    return without_tracking(address) if address and normalize_url(address) is not None else None


#: Said of a name a page's own head gave (``<meta name="author">``, JSON-LD): a CMS writes there the account
#: that posted the page, perhaps the site's staff, not the original's author.
PAGE_AUTHOR = (
    "the author is read from the page's own author tag, which may name the account that posted it, not the "
    "original's author: if so, set the original's author in the metadata"
)


def names_page_author(reprint: Reprint, template: str) -> bool:
    """Whether ``template`` (a fix, a credit block) writes a name the page's own author tag gave: ``{author}``,
    or ``{holder}`` when no ``copyright_holder`` is set (then the holder is the author)."""
    return "author" in reprint.declared_places and (
        "{author}" in template or ("{holder}" in template and not reprint.metadata.copyright_holder)
    )


def render(template: str, values: dict[str, str] | LazyValues) -> str:
    """Fill ``{name}`` placeholders; unknown names stay visible rather than failing.

    An address filled in as a Markdown link's destination (``[Grist]({original_url})``) is written so
    that the link still ends where it should (:func:`markdown_destination`).
    """
    if "{" not in template:
        return template

    def fill(match: re.Match[str]) -> str:
        value = values.get(match.group(1), match.group(0))
        start, end = match.span()
        if "://" in value and template.startswith("](", start - 2) and template.startswith(")", end):
            return markdown_destination(value)
        if value.endswith(".") and template.startswith(".", end):  # "naming {author}." of "Robert Ellis Jr."
            return value[:-1]
        return value

    return PLACEHOLDER.sub(fill, template)


_DESTINATION_BREAKS = re.compile(r"[\s<>]")


def markdown_destination(url: str) -> str:
    """``url`` as a Markdown link destination: CommonMark ends one at white space or at an unbalanced ")",
    so those (and ``<``, ``>``) are percent-encoded; the address is the same one (URLs compare decoded)."""
    url = _DESTINATION_BREAKS.sub(lambda m: quote(m.group(0)), url)
    depth = 0
    for char in url:
        if char in "()":
            depth += 1 if char == "(" else -1
            if depth < 0:
                break
    if depth != 0:
        url = url.replace("(", "%28").replace(")", "%29")
    return url


#: Per policy id: the policy and the scope words its permission and media rules ask for (None: open-ended).
_SCOPES: dict[str, tuple[Policy, frozenset[str] | None]] = {}


def _policy_scopes(policy: Policy) -> frozenset[str] | None:
    words: set[str] = set()
    for rule in policy.rules:
        if rule.check not in ("permission", "media"):
            continue
        scope_from = getattr(rule.params, "scope_from", None)
        if scope_from == "medium":
            words.update(m.value for m in Medium)
        elif scope_from:
            return None  # the scope is whatever another field says
        if getattr(rule.params, "scope", None):
            words.add(rule.params.scope.lower())
    return frozenset(words)


def unknown_scopes(reprint: Reprint, policy: Policy) -> str:
    """``; the record's scope 'photo' is none this policy knows (...)`` for a permission record whose scope
    words no rule of the policy asks for (a typo covers nothing, silently), else ``""``."""
    known = derived(_SCOPES, policy, _policy_scopes)
    if not known:
        return ""
    odd = sorted({s for p in reprint.metadata.permissions for s in p.scope if s.lower() not in known})
    if not odd:
        return ""
    shown = ", ".join(f"'{s}'" for s in odd)
    return f"; the scope {shown} on record is none this policy knows ({', '.join(sorted(known))})"
