"""What each check type accepts in a policy rule: pydantic models, one per check type.

They validate policy files (with clear errors and defaults) and generate the
policy JSON Schema. The checks themselves read the validated values through a
plain :class:`ParamsView`, so running checks never needs pydantic; validating
a policy does, and the bundled policies are validated ahead of time
(:mod:`reprint_guard.policy.compiled`).
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from ..limits import MAX_REPEAT
from .base import class_end, compile_pattern


class Params(BaseModel):
    """Base for a check's parameters: unknown keys are policy mistakes."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


def _media_tags(tags: tuple[str, ...], *, element: bool = False) -> tuple[str, ...]:
    """Tags the media checks can see (an unknown tag never is: a rule on it could never pass); an ``element``
    rule's may be a ``script`` too (a publisher's tracking script, by its address), never media to count."""
    from ..visible import MEDIA_TAGS

    known = [*MEDIA_TAGS, "script"] if element else list(MEDIA_TAGS)
    unknown = [tag for tag in tags if tag.lower() not in known]
    if unknown:
        what = "an element the check sees" if element else "a media element the check sees"
        raise ValueError(f"{unknown[0]!r} is not {what}; use one of {', '.join(known)}")
    # In lower case, as the policy schema lists them (an editor flags "IMG" as it flags "image"): an element
    # rule's tag as a media rule's tags.
    upper = [tag for tag in tags if tag not in known]
    if upper:
        raise ValueError(f"{upper[0]!r} is not one of {known}; write it in lower case: {upper[0].lower()!r}")
    return tags


_TEMPLATE_KEYS = frozenset({"author", "publisher", "source"})


def _visible_words(text: str, what: str) -> None:
    """A phrase or name a reader can see: one that normalises to nothing ('', spaces, zero-width) never is."""
    from ..textnorm import normalize

    if not normalize(text):
        raise ValueError(f"{what} {text!r} has no visible characters, so no article could show it")


def policy_pattern(pattern: str) -> None:
    """A policy's pattern compiles, and its counted repeats do not make its search slow."""
    compile_pattern(pattern)
    places = repeat_cost(pattern)
    if places > MAX_REPEAT:
        raise ValueError(
            f"pattern too costly to search: its counted repeats make RE2 follow {places} places at once (more "
            f"than {MAX_REPEAT}; a.{{1000}}[0-9] took 2 s per 600 KB of article): use shorter counts"
        )


_QUANTIFIER = re.compile(r"\{(\d+)(?:,(\d*))?\}|[*+?]")


def repeat_cost(pattern: str) -> int:
    """How many places at once a pattern's counted repeats can make RE2 follow: a repeat's count times what
    it repeats, multiplied through nesting (``(.{100}){10}``: 1,000) and added along a sequence and across
    alternatives (``.{100}.{100}``: 200). Literals, ``*``, ``+`` and ``?`` add nothing. Escapes, classes
    and ``\\Q...\\E`` are read as one atom, so braces in them are no repeat. An over-estimate, never under."""
    stack: list[int] = [0]
    last = 0  # the cost of the atom just read, which a quantifier applies to
    index, size = 0, len(pattern)
    while index < size:
        char = pattern[index]
        if char == "\\":
            if pattern.startswith("\\Q", index):
                close = pattern.find("\\E", index + 2)
                index = size if close < 0 else close + 2
            elif index + 2 < size and pattern[index + 1] in "xpP" and pattern[index + 2] == "{":
                close = pattern.find("}", index)
                index = size if close < 0 else close + 1
            else:
                index += 2
            last = 0
            continue
        if char == "[":
            index = class_end(pattern, index)
            last = 0
            continue
        if char == "(":
            stack.append(0)
            index += 1
            if pattern.startswith(("?P<", "?<"), index):  # a named group: its name
                close = pattern.find(">", index)
                index = size if close < 0 else close + 1
            elif pattern.startswith("?", index):  # (?:, (?i:, or flags alone, (?i)
                while index < size and pattern[index] not in ":)":
                    index += 1
                if index < size and pattern[index] == ")":
                    stack.pop()
                    last = 0
                index += 1
            continue
        if char == ")":
            last = stack.pop() if len(stack) > 1 else 0
            index += 1
            quantified = _QUANTIFIER.match(pattern, index)
            if quantified is None or quantified.group(0) in "*+?":
                stack[-1] += last  # what it holds counts as it is
            continue
        quantified = _QUANTIFIER.match(pattern, index)
        if quantified is not None:
            if quantified.group(1) is not None:
                low, high = quantified.group(1), quantified.group(2)
                count = max(int(low), int(high) if high else 0)
                stack[-1] += count * max(1, last)
            index = quantified.end()
            if index < size and pattern[index] == "?":  # lazy
                index += 1
            last = 0
            continue
        last = 0
        index += 1
    while len(stack) > 1:  # an unclosed group: RE2 refused it already
        top = stack.pop()
        stack[-1] += top
    return stack[0]


#: Texts a pattern that can match an empty span is tried on: the empty text, and short texts with words,
#: digits, punctuation and non-ASCII letters at their ends and between them (as case-folded article text
#: reads), so an empty match that needs ``^``, ``$``, ``\\b`` or ``\\B`` at some place finds one.
_EMPTY_MATCH_SAMPLES = (b"", b"a", b".", b"an ordinary sentence, 2025.", "« été » 42, word".encode())


def _matches_nothing_anywhere(pattern: str) -> bool:
    """Whether the pattern can match an empty span (``x*``, ``(an? )?``, ``\\w*``, ``x|``, ``\\b``, ``$``): then
    in forbid mode it is found (as "") in every article, and in require mode no article fails it. Every
    match is looked at, not the first only: ``\\w*`` matches "an" first, then the empty span after it."""
    compiled = compile_pattern(pattern, utf8=True)
    return any(found.start() == found.end() for sample in _EMPTY_MATCH_SAMPLES for found in compiled.finditer(sample))


#: Escapes of a class of capitals only: none of them is in case-folded text.
_CAPITAL_CLASSES = ("\\p{Lu}", "\\p{Lt}", "\\p{Upper}")


def literal_capitals(pattern: str) -> str:
    """The capital letters a pattern asks for as written (not in a group's name or its flags), or "" when it
    ignores case: the text a ``text`` rule searches is case-folded, so a capital there can never match, and
    the rule is dead without a word. A class of capitals only (``[A-Z]``, ``[[:upper:]]``, ``\\p{Lu}``) is
    one too when every match needs it (not ``[A-Z]?``, ``\\p{Lu}*`` or ``(\\p{Lu})?``); a class that also
    holds what folded text has (``[A-Za-z]``, ``[^A-Z]``) is not."""
    found: list[str] = []
    index, size = 0, len(pattern)
    while index < size:
        char = pattern[index]
        if char == "\\":
            following = pattern[index + 1 : index + 2]
            if following == "Q":  # quoted to \E: literal
                end = pattern.find("\\E", index + 2)
                end = size if end < 0 else end
                found += [c for c in pattern[index + 2 : end] if _folds_away(c)]
                index = end + 2
                continue
            if following in ("p", "P", "x") and pattern[index + 2 : index + 3] == "{":
                close = max(pattern.find("}", index), index + 2)
                escape = pattern[index : close + 1]
                if escape in _CAPITAL_CLASSES:  # a class, as a bracketed one: when every match needs it
                    if _required(pattern, index, close + 1):
                        found.append(escape)
                elif following == "x" and _capital_code(escape[3:-1]):  # a capital letter written as a code
                    found.append(escape)
                index = close + 1
                continue
            if following == "x" and _capital_code(pattern[index + 2 : index + 4]):
                found.append(pattern[index : index + 4])
            index += 4 if following == "x" else 3 if following in ("p", "P") else 2
            continue
        if char == "[":
            after = class_end(pattern, index)
            if _only_capitals(pattern[index + 1 : after - 1]) and _required(pattern, index, after):
                found.append(pattern[index:after])
            index = after
            continue
        if pattern.startswith("(?", index):
            rest = index + 2
            if pattern.startswith(("P<", "<"), rest):
                index = pattern.find(">", rest) + 1 or size
                continue
            flags = rest
            while flags < size and pattern[flags] not in ":)":
                flags += 1
            if "i" in pattern[rest:flags].partition("-")[0]:
                return ""  # case-insensitive: whatever it holds may match
            index = flags + 1
            continue
        if _folds_away(char):
            found.append(char)
        index += 1
    letters = "".join(dict.fromkeys(piece for piece in found if len(piece) == 1))
    return ", ".join(filter(None, [letters, *dict.fromkeys(piece for piece in found if len(piece) > 1)]))


def _required(pattern: str, start: int, end: int) -> bool:
    """Whether every match must hold what stands at ``pattern[start:end]``: it is in no group and no
    alternation, and no quantifier after it allows it none (``[A-Z]?``, ``[A-Z]*``, ``[A-Z]{0,2}``).
    (A capital letter written as such is reported wherever it stands, as it always was.)"""
    if "|" in pattern or "(" in pattern[:start]:
        return False
    after = pattern[end : end + 1]
    return after not in ("?", "*") and not pattern.startswith(("{0", "{,"), end)


def _capital_code(digits: str) -> bool:
    """Whether hex ``digits`` (an ``\\x`` escape's) name a capital letter."""
    try:
        char = chr(int(digits, 16))
    except (ValueError, OverflowError):
        return False
    return _folds_away(char)


def _folds_away(char: str) -> bool:
    """Whether case folding changes ``char``, so that case-folded text never holds it (a capital letter)."""
    return char.casefold() != char


#: What may stand in a class of capitals only: capitals, ranges of them, POSIX's upper class.
_CAPITAL_ITEM = re.compile(r"\[:upper:\]|([^\\\]\[])(?:-([^\\\]\[]))?")


def _only_capitals(inside: str) -> bool:
    """Whether a class's inside (not negated) holds capital letters only: ``A-Z``, ``AEIOU``, ``[:upper:]``."""
    if not inside or inside.startswith("^"):
        return False
    at = 0
    while at < len(inside):
        item = _CAPITAL_ITEM.match(inside, at)
        if item is None:
            return False  # an escape or anything else: it may hold what folded text has
        low, high = item.group(1), item.group(2)
        if low is not None and not all(map(_folds_away, _span(low, high or low))):
            return False
        at = item.end()
    return True


def _span(low: str, high: str) -> str:
    """The characters from ``low`` to ``high`` (a class's range), at most a few hundred of them."""
    if ord(high) < ord(low) or ord(high) - ord(low) > 500:
        return "a"  # not a range RE2 takes, or too wide to be capitals only: not "only capitals"
    return "".join(chr(code) for code in range(ord(low), ord(high) + 1))


class PatternParams(Params):
    """Params with an optional ``pattern``, compiled once when the policy loads."""

    pattern: str | None = None

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            policy_pattern(value)
        return value


#: How near the top or bottom a credit or a link must stand: the same for every check that asks where.
_WINDOW = Field(
    default=0.25, gt=0, le=1, description="How near: a fraction of the visible text (never under 300 characters)."
)


def _position(what: str) -> Any:
    return Field(default="any", description=f"Where the {what} must stand: anywhere, near the top or near the bottom.")


def _placement_only(what: str) -> Any:
    return Field(
        default=False,
        description=f"Report only a {what} that is visible but not where 'position' asks; a missing {what} is "
        f"another rule's finding (a {what} required anywhere, preferred at the top).",
    )


def _placement_problem(params: AttributionParams | LinkParams) -> str | None:
    """What is wrong with a rule's ``position``, ``window`` and ``placement_only`` together, or None."""
    if params.placement_only and params.position == "any":
        return "'placement_only' needs 'position: top' or 'position: bottom'"
    if "window" in params.model_fields_set and params.position == "any":
        return (
            f"'window' goes with 'position: top' or 'position: bottom' (how near the top or bottom the "
            f"{'credit' if isinstance(params, AttributionParams) else 'link'} must stand); with position 'any' it is "
            "never read"
        )
    return None


class AttributionParams(Params):
    names: tuple[str, ...] = Field(default=(), description="Accepted spellings of the credit; any one suffices.")
    names_from: Literal["author", "source", "copyright_holder"] | None = Field(
        default=None, description="Every value of this metadata field (e.g. each author) must be visible."
    )
    template: str | None = Field(
        default=None,
        description="A byline format such as '{author}, Montana Free Press', filled in for each author.",
    )
    copyright: bool = Field(
        default=False, description="Require a copyright notice (©, (c) or 'Copyright') naming the holder."
    )
    position: Literal["any", "top", "bottom"] = _position("credit")
    window: float = _WINDOW
    placement_only: bool = _placement_only("credit")

    @field_validator("template")
    @classmethod
    def _known_placeholders(cls, value: str | None) -> str | None:
        import re

        unknown = sorted(set(re.findall(r"\{([^{}]*)\}", value or "")) - _TEMPLATE_KEYS)
        if unknown:
            raise ValueError(
                f"unknown placeholder {{{unknown[0]}}}; a byline template knows {{author}}, {{publisher}}, {{source}}"
            )
        return value

    @field_validator("names")
    @classmethod
    def _visible_names(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for name in value:
            _visible_words(name, "a name")
        return value

    @model_validator(mode="after")
    def _something(self) -> AttributionParams:
        if not (self.names or self.names_from or self.template or self.copyright):
            raise ValueError("an attribution rule needs 'names', 'names_from', 'template' or 'copyright: true'")
        problem = _placement_problem(self)
        if problem is not None:
            raise ValueError(problem)
        return self


class LinkParams(PatternParams):
    target: Literal["original"] | None = Field(
        default=None, description="'original': the article named by the reprint's original_url."
    )
    pattern: str | None = Field(default=None, description="RE2 pattern a link's URL must match instead.")
    position: Literal["any", "top", "bottom"] = _position("link")
    window: float = _WINDOW
    placement_only: bool = _placement_only("link")

    @model_validator(mode="after")
    def _one_target(self) -> LinkParams:
        if (self.target is None) == (self.pattern is None):
            raise ValueError("a link rule needs exactly one of 'target: original' or 'pattern'")
        problem = _placement_problem(self)
        if problem is not None:
            raise ValueError(problem)
        return self


class PermissionParams(Params):
    scope: str | None = Field(default=None, description="The use that needs permission, e.g. 'commercial'.")
    scope_from: str | None = Field(
        default=None, description="Take the scope from this metadata field instead (e.g. 'medium')."
    )
    from_: tuple[str, ...] = Field(
        default=(), alias="from", description="Who may grant it ('*': anyone); defaults to the policy's contacts."
    )

    @model_validator(mode="after")
    def _one_scope(self) -> PermissionParams:
        if (self.scope is None) == (self.scope_from is None):
            raise ValueError("a permission rule needs exactly one of 'scope' or 'scope_from'")
        return self


class TextParams(PatternParams):
    phrase: str | None = Field(default=None, description="Literal words, matched as whole words.")
    pattern: str | None = Field(default=None, description="RE2 pattern over the normalised visible text.")
    mode: Literal["require", "forbid"] = Field(
        default="require", description="require: the phrase or pattern must be visible; forbid: it must not be."
    )
    unless: str | None = Field(
        default=None,
        description="RE2 pattern of wordings the pattern's words may stand in without counting: a match "
        "inside a match of this one is passed over (an interview's own 'edited for length' note).",
    )
    captions: bool = Field(
        default=True,
        description="Whether a figure's caption (<figcaption>) is read too. false (forbid): what a caption says "
        "is its picture's, not the article's (an agency photo's 'All rights reserved').",
    )
    title: bool = Field(
        default=False,
        description="true (forbid): the metadata's title, which a site shows as the headline, is read too (a "
        "word the terms forbid calling the story: 'exclusive'). Off by default: a headline is news, and a note's "
        "wording there is mostly the story's ('Sponsored by Sen. Smith, bill advances').",
    )

    @model_validator(mode="after")
    def _title_forbids(self) -> TextParams:
        if self.title and self.mode != "forbid":
            raise ValueError("'title: true' goes with 'mode: forbid' (a title holds no required note)")
        return self

    @field_validator("unless")
    @classmethod
    def _unless_compiles(cls, value: str | None) -> str | None:
        if value is not None:
            policy_pattern(value)
        return cls._as_the_text_reads(value)

    @field_validator("pattern")
    @classmethod
    def _as_the_text_reads(cls, value: str | None) -> str | None:
        """Typographic apostrophes and hyphens in a pattern read as ASCII, as the text they search does
        ("editor’s note" finds "Editor’s note" and "Editor's note")."""
        from ..textnorm import LOOKALIKES

        if value is None:
            return None
        # A hyphen becomes "\-": inside a class ("[+–/]") a bare "-" would make a range.
        return value.translate({key: ("\\-" if folded == "-" else folded) for key, folded in LOOKALIKES.items()})

    @model_validator(mode="after")
    def _one_needle(self) -> TextParams:
        if (self.phrase is None) == (self.pattern is None):
            raise ValueError("a text rule needs exactly one of 'phrase' or 'pattern'")
        if self.phrase is not None:
            _visible_words(self.phrase, "the phrase")
        capitals = literal_capitals(self.pattern) if self.pattern is not None else ""
        if capitals:
            # Lower-case letters that case folding still changes (ß, final ς): "write it in lower case" would
            # not help there.
            if not [char for char in capitals if char.lower() == char and char.casefold() != char]:
                raise ValueError(
                    f"the pattern /{self.pattern}/ has capital letters ({capitals}), but the text it searches is "
                    f"case-folded, so it can never match: write it in lower case"
                )
            raise ValueError(
                f"the pattern /{self.pattern}/ has characters that case folding changes ({capitals}), so the "
                "case-folded text it searches never holds them: write them case-folded ('ß' as 'ss', 'ς' as 'σ')"
            )
        if self.pattern is not None and _matches_nothing_anywhere(self.pattern):
            found = "found in every article" if self.mode == "forbid" else "in every article, so it never fails"
            raise ValueError(f"the pattern /{self.pattern}/ matches where there is nothing: it is {found}")
        if self.unless is not None:
            if self.pattern is None:
                raise ValueError("'unless' goes with 'pattern' (the wordings a pattern's match may stand in)")
            if literal_capitals(self.unless):
                raise ValueError(
                    f"'unless' /{self.unless}/ has capital letters, but the text it searches is case-folded: "
                    "write it in lower case"
                )
            if _matches_nothing_anywhere(self.unless):
                raise ValueError(f"'unless' /{self.unless}/ matches where there is nothing: it would pass over nothing")
        return self


class MetadataParams(PatternParams):
    field: str = Field(description="The metadata key.")
    required: bool = Field(
        default=True, description="The field must be set (false: only a value it has is held to the rule)."
    )
    pattern: str | None = Field(default=None, description="RE2 pattern the value (as text) must match.")
    allowed: tuple[Any, ...] | None = Field(default=None, description="The value must be one of these.")
    licenses: tuple[str, ...] | None = Field(
        default=None,
        description="The value must name one of these licences (SPDX ids such as CC-BY-SA-4.0); it may be "
        "written as an SPDX id, a Creative Commons deed URL or a licence's name, as the license key may.",
    )

    @field_validator("field")
    @classmethod
    def _a_key(cls, value: str) -> str:
        if not value.strip():
            raise ValueError(
                f"{value!r} names no metadata key: write the key the rule reads, such as 'license' or 'author'"
            )
        return value

    @field_validator("allowed")
    @classmethod
    def _some_values(cls, value: tuple[Any, ...] | None, info: ValidationInfo) -> tuple[Any, ...] | None:
        """``allowed`` lists the values the field may have (compared as text, case aside); left out, any
        value is: an empty list would allow none, and fail every reprint that sets the field."""
        if value is None:
            return None
        field = info.data.get("field")
        named = f"'{field}'" if isinstance(field, str) and field.strip() else "the field"
        if not value:
            raise ValueError(
                f"an empty list allows no value, so every reprint that sets {named} would fail: list the values "
                f"{named} may have, or leave 'allowed' out to accept any"
            )
        for item in value:
            if item is None or (isinstance(item, str) and not item.strip()):
                shown = "null" if item is None else repr(item)
                raise ValueError(
                    f"{shown} is no value {named} can be checked for: an empty or missing value is 'not set' "
                    "(which 'required' decides); list the values it may have"
                )
        return value

    @model_validator(mode="after")
    def _tests_something(self) -> MetadataParams:
        if not self.required and self.pattern is None and self.allowed is None and self.licenses is None:
            raise ValueError("a metadata rule with 'required: false' needs 'pattern', 'allowed' or 'licenses'")
        return self

    @field_validator("licenses")
    @classmethod
    def _licence_ids(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        if value is not None and (not value or any(not item.strip() for item in value)):
            raise ValueError("'licenses' lists one licence or more, each an SPDX id such as CC-BY-SA-4.0")
        for item in value or ():
            problem = _mistyped_licence(item)
            if problem is not None:
                raise ValueError(problem)
        return value


#: A Creative Commons licence's SPDX id, well formed (any version: a metadata rule may name CC-BY-2.5).
_CC_SPDX = re.compile(r"CC-BY(?:-NC)?(?:-ND|-SA)?-\d\.\d(?:-[A-Z]{2,3})?", re.IGNORECASE)


def _mistyped_licence(item: str) -> str | None:
    """Why a metadata rule's licence is a slip of a Creative Commons id (``CC-BY-NC-ND-40``, ``CC-BY-ND-NC-4.0``,
    ``CC-BY-4.0-DEED``), or None: a value is compared with it as written, so every reprint with the real id
    would fail. Another licence (``MIT``, ``CC0-1.0``) or a well-formed id of any version stays as written."""
    from ..licenses import normalize_license

    written = "-".join(item.strip().upper().replace("_", "-").split())
    spdx = normalize_license(item)
    well_formed = spdx is not None or _CC_SPDX.fullmatch(written)
    if (well_formed and "-4.0-" not in (spdx or written)) or not written.startswith("CC-BY"):
        return None
    parts = set(written.split("-"))
    reordered = [i for i in known_licence_ids() if set(i.split("-")) == parts]  # its parts in another order
    if reordered:
        return f"{item!r} is not a licence's id: did you mean {reordered[0]!r}?"
    if "-4.0-" in (spdx or written):  # CC-BY-4.0-DEED
        unported = written.partition("-4.0-")[0] + "-4.0"
        return f"{item!r} is no licence: the 4.0 licences have no national versions or suffixes; write {unported!r}"
    return unknown_licence(item)  # as a license rule's licence is told


def _host_name(value: str) -> str:
    """A host as a policy names one (``cdn.example.org``): a URL there never equals a host, so every item
    would be reported."""
    if "://" in value or "/" in value or not value.strip() or any(c.isspace() for c in value):
        from urllib.parse import urlsplit

        suggestion = urlsplit(value if "://" in value else f"//{value}").hostname
        hint = f": write {suggestion!r}" if suggestion else ""
        raise ValueError(f"{value!r} is not a host name (such as cdn.example.org){hint}")
    return value


class ElementParams(PatternParams):
    pattern: str = Field(description="RE2 pattern the element's URL must match.")
    tag: str = Field(
        default="img",
        description="The element: img (a tracking pixel), iframe, another media element, or script (a tracking "
        "script, by its src; it runs wherever it stands, so none is hidden).",
    )
    host: str | None = Field(
        default=None, description="The pixel's host: an element there that does not match is reported as altered."
    )
    insert: str | None = Field(
        default=None,
        description="HTML that --fix inserts when the element is missing, e.g. "
        '\'<img src="{tracking_pixel}" width="1" height="1" alt="">\'.',
    )

    @field_validator("tag")
    @classmethod
    def _media_tag(cls, value: str) -> str:
        """One of the elements the check sees, in lower case as a media rule's ``tags`` (``IMG`` is refused in
        both, with the spelling to write)."""
        return _media_tags((value,), element=True)[0]

    @field_validator("host")
    @classmethod
    def _a_host(cls, value: str | None) -> str | None:
        return _host_name(value) if value is not None else None


#: The elements a media rule can count (:data:`reprint_guard.visible.MEDIA_TAGS`, which a test keeps in step):
#: a literal type, so that the policy schema lists them and an editor flags ``tags: [image]``.
MediaTag = Literal["img", "video", "audio", "source", "iframe", "embed", "object"]


class MediaParams(Params):
    mode: Literal["forbid", "hosts", "permission"] = Field(
        default="forbid",
        description="forbid: no media at all; hosts: media only from 'hosts'; permission: media need a permission "
        "record of 'scope'.",
    )
    hosts: tuple[str, ...] = Field(default=(), description="Allowed hosts (subdomains included), for mode hosts.")
    scope: str = Field(default="photos", description="Permission scope that covers media, for mode permission.")
    from_: tuple[str, ...] = Field(
        default=(),
        alias="from",
        description="For mode permission: who may grant it ('*': anyone); defaults to the policy's contacts, "
        "and to anyone when the policy has none.",
    )
    except_: str | None = Field(default=None, alias="except", description="RE2 pattern of media URLs always allowed.")
    tags: tuple[MediaTag, ...] = Field(
        default=("img", "video", "audio", "source", "iframe", "embed", "object"), description="Which elements count."
    )

    @field_validator("tags", mode="before")
    @classmethod
    def _media_tags(cls, value: Any) -> Any:
        """Each tag named, with the elements the check sees, before the literal type's bare "Input should be"."""
        if isinstance(value, list | tuple) and all(isinstance(tag, str) for tag in value):
            return _media_tags(tuple(value))
        return value

    @field_validator("hosts")
    @classmethod
    def _host_names(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(_host_name(host) for host in value)

    @model_validator(mode="after")
    def _hosts(self) -> MediaParams:
        if self.mode == "hosts" and not self.hosts:
            raise ValueError("mode 'hosts' needs a list of 'hosts'")
        if self.mode != "hosts" and "hosts" in self.model_fields_set:
            raise ValueError(
                f"'hosts' goes with 'mode: hosts' (media only from those hosts); with mode {self.mode!r} it is never "
                "read: set 'mode: hosts', or leave 'hosts' out"
            )
        for key, said in (("scope", "scope"), ("from_", "from")):
            if self.mode != "permission" and key in self.model_fields_set:
                raise ValueError(
                    f"'{said}' goes with 'mode: permission' (media need a permission of that scope); with mode "
                    f"{self.mode!r} it is never read: set 'mode: permission', or leave '{said}' out"
                )
        return self

    @field_validator("except_")
    @classmethod
    def _except_compiles(cls, value: str | None) -> str | None:
        """Told at its own line, as a bad ``pattern`` is."""
        if value is not None:
            policy_pattern(value)
        return value


class TimingParams(Params):
    after_days: int | None = Field(
        default=None, ge=0, le=36_500, description="Calendar days after the original's date (at most a century)."
    )
    after_hours: int | None = Field(
        default=None, ge=0, le=876_000, description="Hours after the original's date-time (at most a century)."
    )
    timezone: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$",
        description="The publisher's time zone (an IANA name such as America/Denver): with after_days, calendar "
        "days are counted there, and a date-time without an offset is read as its local time.",
    )

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str | None) -> str | None:
        """A zone the database lacks, told at the ``timezone`` key (not the rule's first line)."""
        if value is not None and not known_zone(value):
            raise ValueError(f"unknown time zone {value!r}; use an IANA name such as 'America/Denver'")
        return value

    @model_validator(mode="after")
    def _one(self) -> TimingParams:
        if (self.after_days is None) == (self.after_hours is None):
            raise ValueError("a timing rule needs exactly one of 'after_days' or 'after_hours'")
        if self.timezone is not None and self.after_days is None:
            raise ValueError("'timezone' goes with 'after_days' (hours are counted the same in every zone)")
        return self


def known_zone(name: str) -> bool:
    """Whether the time zone database has ``name`` (one file read, not a listing of all 600)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


class LicenseParams(Params):
    licenses: tuple[str, ...] = Field(min_length=1, description="SPDX ids the policy covers, e.g. [CC-BY-ND-4.0].")
    link: bool = Field(default=True, description="Require a visible link to the licence deed.")
    named: bool = Field(
        default=True,
        description="Require the licence's name in the visible text (or a deed link and the words 'Creative Commons').",
    )
    by_reference: bool = Field(
        default=False,
        description="Online, also accept a sentence saying the story is under a Creative Commons licence that links "
        "the original article, where the licence is named and linked (a publisher's own republish credit: "
        '"republished from The Conversation under a Creative Commons license. Read the original article."); '
        "the licences allow attribution by a link to a page holding it (4.0 3(a)(2)).",
    )

    @field_validator("licenses")
    @classmethod
    def _known_licences(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for item in value:
            problem = unknown_licence(item)
            if problem:
                raise ValueError(problem)
        return value


#: The licence elements of the Creative Commons licences, and the ports (national versions) named most, from
#: which a mistyped id's nearest ones are suggested.
_LICENCE_CODES = ("BY", "BY-SA", "BY-NC", "BY-ND", "BY-NC-SA", "BY-NC-ND")
_LICENCE_PORTS = ("US", "AU", "CA", "UK", "DE")


def known_licence_ids() -> list[str]:
    """The SPDX ids of the Creative Commons licences a mistyped one is compared with: each licence in each
    version, and the 3.0 ports named most (``CC-BY-NC-ND-3.0-US``)."""
    ids = [f"CC-{code}-{version}" for code in _LICENCE_CODES for version in ("4.0", "3.0", "2.5", "2.0", "1.0")]
    return ids + [f"CC-{code}-3.0-{port}" for code in _LICENCE_CODES for port in _LICENCE_PORTS]


def unknown_licence(item: str) -> str | None:
    """Why a ``license`` rule's licence ``item`` is none the check knows, or None when it is one. The check
    names the licence and links its deed, which only a Creative Commons licence has: an id it cannot read
    (``CC-BY-NC-ND-40``) would make the rule fail every reprint with a message that names nothing."""
    import difflib

    from ..licenses import elements_in, normalize_license

    spdx = normalize_license(item)
    if spdx is not None and "-4.0-" not in spdx:
        return None
    if spdx is not None:  # CC-BY-4.0-US
        unported = spdx.partition("-4.0-")[0] + "-4.0"
        return f"{item!r} is no licence: the 4.0 licences have no national versions; write {unported!r}"
    wanted = " ".join(item.upper().replace("_", "-").split())
    known = known_licence_ids()
    elements = elements_in(item)
    if "by" in elements:  # a suggestion keeps every element named ("CC-BY-ND-NC-40": not CC-BY-ND-4.0)
        known = [i for i in known if elements_in(i) == elements] or known
    close = difflib.get_close_matches(wanted, known, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return (
        f"{item!r} is not a licence reprint-guard knows: write a Creative Commons licence's SPDX id (such as "
        f"CC-BY-ND-4.0), its deed URL or its name{hint}"
    )


#: Check type name -> its parameters model.
PARAMS: dict[str, type[Params]] = {
    "attribution": AttributionParams,
    "link": LinkParams,
    "permission": PermissionParams,
    "text": TextParams,
    "metadata": MetadataParams,
    "element": ElementParams,
    "media": MediaParams,
    "timing": TimingParams,
    "license": LicenseParams,
}
