"""Passing and failing examples for one rule, built from its parameters and checked before they are shown.

``explain`` shows an example only if running the rule on it gives the promised
result (no finding for the passing one, a finding for the failing one), so an
example can never contradict the rule; otherwise the check type's generic
examples are shown.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from .model import Policy, Rule

SAMPLE_URL = "https://publisher.example/2024/05/the-river-that-ran-dry"


@dataclass
class Example:
    metadata: dict[str, Any]
    body: str

    def render(self) -> str:
        import yaml

        front = yaml.safe_dump(self.metadata, sort_keys=False, allow_unicode=True).strip()
        return f"---\n{front}\n---\n{self.body}".rstrip()


def _base(policy: Policy, rule: Rule) -> dict[str, Any]:
    domain = policy.applies_to[0] if policy.applies_to else "publisher.example"
    meta: dict[str, Any] = {
        "title": "The river that ran dry",
        "author": "Jane Doe",
        "original_url": f"https://{domain}/2024/05/the-river-that-ran-dry",
        "original_published": dt.date(2024, 5, 1),
        "commercial": False,
        "medium": "web",
    }
    if rule.when is not None:
        for field, value in _satisfying(rule.when).items():
            meta[field] = value
    return meta


def _satisfying(condition: Any) -> dict[str, Any]:
    """Metadata that makes a simple condition true (the common shapes only)."""
    from .conditions import AllOf, AnyOf, FieldTest

    if isinstance(condition, FieldTest):
        if condition.op == "is":
            return {condition.field: condition.value}
        if condition.op == "in" and condition.value:
            return {condition.field: condition.value[0]}
        if condition.op == "is_not" and condition.field == "medium":
            return {"medium": "print" if condition.value != "print" else "newsletter"}
        return {}
    if isinstance(condition, AnyOf) and condition.parts:
        return _satisfying(condition.parts[0])
    if isinstance(condition, AllOf):
        merged: dict[str, Any] = {}
        for part in condition.parts:
            merged.update(_satisfying(part))
        return merged
    return {}


#: Words with which a name already reads as a credit ("Originally published by Grist", "Read the full
#: article on The Conversation"): the example shows it as it is, not after "Originally published by".
_CREDIT_WORDS = re.compile(
    r"\b(by|from|on|via|courtesy|credit|source|published|republished|appeared|reprinted)\b", re.IGNORECASE
)


def _credit_line(name: str) -> str:
    """A line that credits ``name``: the name itself when it reads as a credit, else "Originally published by"
    it, ended with a full stop."""
    line = name.strip() if _CREDIT_WORDS.search(name) else f"Originally published by {name.strip()}"
    line = line[:1].upper() + line[1:]  # "originally published by ProPublica" begins a sentence
    return line if line.endswith((".", "!", "?")) else line + "."


def _placed(intro: str, line: str, where: str) -> str:
    """The intro with a credit ``line`` at the top (under the title) or at the bottom."""
    if where == "top":
        title, _, rest = intro.partition("\n\n")
        return f"{title}\n\n{line}\n\n{rest}"
    return f"{intro}\n{line}\n"


def _lengthened(intro: str, window: float) -> str:
    """The intro with paragraphs enough that a credit at one end stands outside the other end's window
    (a share of the text, never under 300 characters)."""
    paragraph = (
        "The river shrank again the next summer, and the one after. The wells that had never failed went dry, "
        "the orchards were let go one row at a time, and the co-op sold its second truck. By the fourth year "
        "the families who stayed met every week in the school gym to share out what water the district could "
        "still send down the old canal, and to argue about who should get it first.\n"
    )
    needed = int(300 / window) + 100 if window > 0 else 0
    body = intro
    while len(body) < needed and len(body) < 20_000:
        body += "\n" + paragraph
    return body


#: The example reprint's opening, to which each example adds what it is about.
_INTRO = "# The river that ran dry\n\nA valley's farmers watched the river shrink for three summers.\n"


def candidates(policy: Policy, rule: Rule) -> list[tuple[Example, Example]]:
    """(passing, failing) pairs for the rule, to try in order: empty when its check type has no generator. A
    ``text`` rule's pattern gives one pair for each wording written from it (the rule's fix's quoted words
    first, then one built from the pattern itself)."""
    p = rule.params
    if rule.check == "text" and p.pattern:
        meta = _base(policy, rule)
        pairs = []
        for wording in wordings(policy, rule, meta):
            with_it = _INTRO + f"\n{wording}\n"
            if p.mode == "require":
                pairs.append((Example(meta, with_it), Example(meta, _INTRO)))
            else:
                pairs.append((Example(meta, _INTRO), Example(meta, with_it)))
        return pairs
    pair = _candidate(policy, rule)
    return [pair] if pair is not None else []


def _candidate(policy: Policy, rule: Rule) -> tuple[Example, Example] | None:
    """A (passing, failing) pair for the rule, or None when its check type has no generator."""
    meta = _base(policy, rule)
    p = rule.params
    intro = _INTRO
    if rule.check == "attribution":
        if p.names:
            line, where = _credit_line(p.names[0]), "bottom"
        elif p.copyright:
            line, where = "Copyright © Jane Doe, 2024", "bottom"
        elif p.template:
            line, where = p.template.replace("{author}", "Jane Doe").replace("{publisher}", policy.publisher), "top"
        elif p.names_from == "author":
            line, where = "By Jane Doe", "top"
        else:
            return None
        where = p.position if p.position in ("top", "bottom") else where
        if p.placement_only:  # a missing credit is another rule's: it fails one at the other end
            other = "top" if where == "bottom" else "bottom"
            long = _lengthened(intro, p.window)
            return Example(meta, _placed(long, line, where)), Example(meta, _placed(long, line, other))
        return Example(meta, _placed(intro, line, where)), Example(meta, intro)
    if rule.check == "link" and p.target == "original":
        good = intro + f"\n[Read the original]({meta['original_url']})\n"
        home = meta["original_url"].split("/2024/")[0] + "/"
        return Example(meta, good), Example(meta, intro + f"\n[Visit the publisher]({home})\n")
    if rule.check == "license" and p.licenses:
        from ..licenses import describe

        name, url = describe(p.licenses[0])
        good = intro + f"\nRepublished under a [{name}]({url}) licence.\n"
        return Example({**meta, "license": p.licenses[0]}, good), Example({**meta, "license": p.licenses[0]}, intro)
    if rule.check == "permission":
        grantor = (p.from_ or policy.contacts or ("rights@publisher.example",))[0]
        grantor = "rights@publisher.example" if grantor == "*" else grantor
        scope = p.scope or str(meta.get(p.scope_from or "", "print"))
        granted = {**meta, "permissions": [{"from": grantor, "date": dt.date(2024, 5, 2), "scope": [scope]}]}
        return Example(granted, intro), Example(meta, intro)
    if rule.check == "text" and p.phrase:
        with_phrase = intro + f"\n{p.phrase}\n"
        if p.mode == "require":
            return Example(meta, with_phrase), Example(meta, intro)
        return Example(meta, intro), Example(meta, with_phrase)
    if rule.check == "metadata" and p.allowed:
        bad = not p.allowed[0] if isinstance(p.allowed[0], bool) else "something else"
        return Example({**meta, p.field: p.allowed[0]}, intro), Example({**meta, p.field: bad}, intro)
    if rule.check == "metadata" and p.licenses:
        return Example({**meta, p.field: p.licenses[0]}, intro), Example(meta, intro)
    if rule.check == "media":
        return Example(meta, intro), Example(meta, intro + "\n![The dry riverbed](https://images.example/river.jpg)\n")
    if rule.check == "timing":
        days = p.after_days if p.after_days is not None else -(-(p.after_hours or 0) // 24)
        later = {**meta, "published": dt.date(2024, 5, 1) + dt.timedelta(days=days + 1)}
        same = {**meta, "published": dt.date(2024, 5, 1)}
        return Example(later, intro), Example(same, intro)
    return None


def verified_examples(policy: Policy, rule: Rule) -> tuple[str, str] | None:
    """Rendered (passing, failing) examples, only if the rule really passes and fails on them."""
    from ..engine import run_policy
    from ..readers import build

    single = policy.replace(rules=(rule,))
    for pair in candidates(policy, rule):
        outcomes = []
        for example in pair:
            try:
                reprint = build(example.body, example.metadata, format="markdown", path="<example>")
            except Exception:
                return None
            fired = [f for f in run_policy(reprint, single, today=dt.date(2030, 1, 1)) if f.policy == policy.id]
            outcomes.append(bool(fired))
        if outcomes == [False, True]:
            return pair[0].render(), pair[1].render()
    return None


#: A quoted wording in a fix (``e.g. "By {author}, CalMatters"``): what the fix tells the editor to write.
QUOTED = re.compile(r'"([^"]+)"|“([^”]+)”|' r"(?<!\w)'([^']+)'(?!\w)")


def quoted(template: str) -> list[str]:
    """The wordings a fix template puts in quotes, in its order."""
    return [next(group for group in match.groups() if group is not None) for match in QUOTED.finditer(template)]


def wordings(policy: Policy, rule: Rule, meta: dict[str, Any]) -> list[str]:
    """Wordings that a ``text`` rule's pattern may match, to be checked by running the rule: each the rule's
    fix puts in quotes (filled in for the example reprint), then one written from the pattern (its first
    alternative at each choice, each repeat as few times as it allows), as a sentence and as it stands."""
    found: list[str] = []
    if rule.fix:
        from ..checks.base import LazyValues, render
        from ..readers import build

        stub = build("", meta, format="markdown", path="<example>")
        found += [render(wording, LazyValues(stub, policy)) for wording in quoted(rule.fix)]
    for nice in (True, False):
        written = _written(rule.params.pattern, nice=nice)
        if written and written.strip():
            # A space the pattern asks for at either end stays one, between the wording and a word beside it.
            text = " ".join(["word"] * written[:1].isspace() + written.split() + ["word"] * written[-1:].isspace())
            found += [_as_sentence(text), text]
    return list(dict.fromkeys(found))


def _as_sentence(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?", ":")) else text + "."


def _written(pattern: str, *, nice: bool) -> str | None:
    """A text the RE2 ``pattern`` matches, written from its parse (Python's parser reads the syntax the two
    share; a pattern it cannot read, or with a part no text is written for, gives None). ``nice``: a repeated
    letter is written "word" where the repeat allows four, not one letter."""
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser as parser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - before Python 3.11
        return None
    import warnings

    try:
        with warnings.catch_warnings():  # Python's word on its own syntax ("Possible nested set" for [[:alpha:]])
            warnings.simplefilter("ignore")
            python = as_python(pattern)
            if python is None:
                return None
            parsed = parser.parse(python)
    except Exception:  # RE2's own syntax left that Python reads otherwise or not at all
        return None

    def one(items: Any) -> str | None:
        """A character of a class (``IN``): its first member, or for a negated class a letter it leaves out."""
        if items and items[0][0] is c.NEGATE:
            members = "".join(filter(None, (one([item]) for item in items[1:])))
            return next((ch for ch in "xqz" if ch not in members), None)
        op, av = items[0]
        if op is c.LITERAL:
            return chr(av)
        if op is c.RANGE:
            return chr(av[0])
        if op is c.CATEGORY:
            return {
                c.CATEGORY_DIGIT: "1",
                c.CATEGORY_SPACE: " ",
                c.CATEGORY_WORD: "x",
                c.CATEGORY_NOT_DIGIT: "x",
                c.CATEGORY_NOT_SPACE: "x",
                c.CATEGORY_NOT_WORD: " ",
            }.get(av)
        return None

    def text(items: Any) -> str | None:
        out = []
        for op, av in items:
            if op is c.LITERAL:
                part: str | None = chr(av)
            elif op is c.NOT_LITERAL:
                part = "x" if chr(av) != "x" else "y"
            elif op is c.ANY:
                part = "x"
            elif op is c.IN:
                part = one(av)
            elif op is c.BRANCH:
                part = next((t for t in (text(alt) for alt in av[1]) if t is not None), None)
            elif op is c.SUBPATTERN:
                part = text(av[-1])
            elif op is c.ATOMIC_GROUP:
                part = text(av)
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
                low, high, inner = av
                unit = text(inner)
                if unit is None:
                    return None
                part = "word" if nice and len(unit) == 1 and unit.isalpha() and low <= 4 <= high else unit * low
            elif op is c.AT:
                part = ""
            else:  # a back reference or a look-around: RE2 refuses them
                return None
            if part is None:
                return None
            out.append(part)
        return "".join(out)

    return text(parsed)


#: A character of each Unicode class RE2 names (``\pL``, ``\p{Greek}``), and one outside it: what an example
#: writes for it (a class of a few members stands for the class inside brackets). Others are not written.
_UNICODE_CLASSES: dict[str, tuple[str, str]] = {
    "L": ("x", "1"),
    "Ll": ("x", "1"),
    "Latin": ("x", "1"),
    "N": ("1", "x"),
    "Nd": ("1", "x"),
    "P": (".", "x"),
    "Po": (".", "x"),
    "Pd": ("-", "x"),
    "Ps": ("(", "x"),
    "Pe": (")", "x"),
    "Pi": ("\u00ab", "x"),
    "Pf": ("\u00bb", "x"),
    "Z": (" ", "x"),
    "Zs": (" ", "x"),
    "S": ("+", "x"),
    "Sm": ("+", "x"),
    "Sc": ("$", "x"),
    "So": ("\u00a9", "x"),
    "Greek": ("\u03b1", "x"),
    "Cyrillic": ("\u0434", "x"),
    "Arabic": ("\u0628", "x"),
    "Hebrew": ("\u05d0", "x"),
    "Han": ("\u4e2d", "x"),
    "Hiragana": ("\u3042", "x"),
    "Katakana": ("\u30a2", "x"),
    "Hangul": ("\ud55c", "x"),
    "Devanagari": ("\u0915", "x"),
}

#: RE2's POSIX classes (``[[:alpha:]]``) as Python reads a class's members.
_POSIX_CLASSES = {
    "alpha": "a-zA-Z",
    "alnum": "0-9A-Za-z",
    "digit": "0-9",
    "lower": "a-z",
    "upper": "A-Z",
    "space": "\\s",
    "blank": " \\t",
    "punct": "!-/:-@\\[-`{-~",
    "word": "\\w",
    "xdigit": "0-9A-Fa-f",
    "graph": "!-~",
    "print": " -~",
    "ascii": "\\x00-\\x7f",
    "cntrl": "\\x00-\\x1f\\x7f",
}

_FLAG_GROUP = re.compile(r"\(\?([imsU]*)(?:-([imsU]*))?([:)])")
_UNICODE_CLASS = re.compile(r"\\([pP])(?:\{(\^?)(\w+)\}|(\w))")
_HEX = re.compile(r"\\x\{([0-9A-Fa-f]{1,6})\}")
_REPEAT = re.compile(r"\{\d+(,\d*)?\}")


def as_python(pattern: str) -> str | None:
    r"""The RE2 ``pattern`` as Python's parser reads the same text, for an example to be written from it: RE2's
    own syntax (``\pL``, ``\p{Greek}``, ``[[:alpha:]]``, ``\Q...\E``, ``\x{2019}``, ``\z``, the ``U`` flag, a
    flag group in mid-pattern, ``(?<name>...)``, a ``{`` that starts no repeat) made Python's. What it cannot make
    so gives None. Only for writing a text the pattern may match (flags aside: a flag group in mid-pattern is
    left out, as ungreedy repeats are read as greedy ones), which is then run against the rule itself."""
    out: list[str] = []
    i, n, in_class, class_start = 0, len(pattern), False, False
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            if nxt == "Q" and not in_class:  # \Q...\E: literal text
                end = pattern.find("\\E", i + 2)
                end = n if end < 0 else end
                out.append(re.escape(pattern[i + 2 : end]))
                i = end + 2
                continue
            if nxt in "pP":
                found = _UNICODE_CLASS.match(pattern, i)
                if found is None:
                    return None
                name = found.group(3) or found.group(4)
                negated = (nxt == "P") != bool(found.group(2))
                chars = _UNICODE_CLASSES.get(name)
                if chars is None:
                    return None
                member = re.escape(chars[1] if negated else chars[0])
                out.append(member if in_class else f"[{member}]")
                i = found.end()
                continue
            if nxt == "x" and (found := _HEX.match(pattern, i)):
                code = int(found.group(1), 16)
                if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:  # a surrogate RE2 takes, which no UTF-8 text holds
                    return None
                out.append(re.escape(chr(code)))
                i = found.end()
                continue
            if nxt == "z" and not in_class:
                out.append("\\Z")
                i += 2
                continue
            if nxt == "C":  # any byte
                return None
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            if ch == "[" and pattern.startswith("[:", i):
                end = pattern.find(":]", i + 2)
                name = pattern[i + 2 : end] if end > 0 else ""
                if name not in _POSIX_CLASSES:  # [:^alpha:] and the like: no class to write it as
                    return None
                out.append(_POSIX_CLASSES[name])
                i = end + 2
                continue
            if ch == "[":
                out.append("\\[")  # a literal bracket in a class, which Python warns of as a nested set
                i += 1
                continue
            if ch == "]" and not class_start:
                in_class = False
            out.append(ch)
            class_start = False
            i += 1
            continue
        if ch == "[":
            in_class, class_start = True, True
            out.append(ch)
            i += 1
            if i < n and pattern[i] == "^":
                out.append("^")
                i += 1
            continue
        if ch == "(" and pattern.startswith("(?", i):
            flags = _FLAG_GROUP.match(pattern, i)
            if flags is not None:
                on, off = flags.group(1).replace("U", ""), (flags.group(2) or "").replace("U", "")
                if flags.group(3) == ")":  # a flag group standing alone: what text is written does not depend on it
                    i = flags.end()
                    continue
                out.append(f"(?{on}{'-' + off if off else ''}:" if on or off else "(?:")
                i = flags.end()
                continue
            if pattern.startswith("(?<", i) and not pattern.startswith(("(?<=", "(?<!"), i):
                out.append("(?P<")
                i += 3
                continue
        if ch == "{" and not _REPEAT.match(pattern, i):
            out.append("\\{")  # RE2 reads it as a letter ({,3} too), Python may read a repeat
            i += 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)
