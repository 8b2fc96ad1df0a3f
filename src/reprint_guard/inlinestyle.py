"""How an element's inline style shows or hides what it holds, read as a browser reads it: what keeps it out
of sight where it stands (faded, scaled to nothing, moved far off screen, clipped away, with no room), and how
its own text looks (its font size, its colour and the colour behind it).

Pure functions of a ``style`` attribute's text: :mod:`reprint_guard.visible` asks them of each element that
has one. Lengths are read at a 16-pixel font and a 1,000-pixel-wide window (see :data:`_PIXELS`).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import NamedTuple, TypeVar

_T = TypeVar("_T")


def _sightless(style: str) -> bool:
    """Whether an inline style (in lower case, read by :func:`_read_style`) keeps an element's own text out of
    sight without display or visibility."""
    if _out_of_sight(style):
        return True
    return _may_change_look(style) and not _readable(_look(_declarations(style)))


def _out_of_sight(style: str, declared: dict[str, str] | None = None) -> bool:
    """Whether an inline style (lower case; ``declared``: its :func:`_declarations`, when read already) leaves
    an element where it stands but out of sight, whatever it holds: faded out, scaled to nothing, placed far
    off screen, clipped away, or with no room and what overflows hidden (a font size of nothing and a colour
    that does not show are read apart, as a :class:`_Look`: an element inside may set its own)."""
    if declared is None:
        declared = _declarations(style)
    present = _PLACING.intersection(declared)
    if not present:
        return False
    return (
        (("opacity" in present or "filter" in present) and _faded(declared))
        or (not _SCALING.isdisjoint(present) and _scaled_away(declared))
        or (not _MOVING.isdisjoint(present) and _moved_away(declared))
        or (("clip" in present or "clip-path" in present) and _clipped_away(declared))
        or (not _OVERFLOWING.isdisjoint(present) and _no_room(declared))
    )


#: The margins that CSS's logical properties give an element's start, across and down (left and top, in a
#: page written left to right): ``margin-inline-start: -9999px`` is ``margin-left: -9999px``.
_LOGICAL_MARGINS = ("margin-inline-start", "margin-block-start", "margin-inline", "margin-block")
_LOGICAL_MARGIN_SET = frozenset(_LOGICAL_MARGINS)
#: The properties that say what overflows an element: both ways, across, and down.
_OVERFLOWS = ("overflow", "overflow-x", "overflow-inline", "overflow-y", "overflow-block")
#: The properties that may keep an element out of sight wherever it stands.
_PLACING = frozenset(
    {
        "opacity",
        "filter",
        "transform",
        "scale",
        "zoom",
        "rotate",
        "translate",
        "position",
        "text-indent",
        "margin",
        "margin-left",
        "margin-top",
        *_LOGICAL_MARGINS,
        "clip",
        "clip-path",
        *_OVERFLOWS,
    }
)


def _clipped_away(declared: dict[str, str]) -> bool:
    """Whether ``clip`` or ``clip-path`` leaves nothing of an element to see: ``rect(0 0 0 0)``,
    ``rect(1px, 1px, 1px, 1px)`` (a rectangle a pixel across at most), ``inset(50%)``, ``circle(0)``."""
    clip = declared.get("clip")
    if clip and clip.startswith("rect("):
        sides = [_length(side) for side in _values(clip[5:].rstrip(")").replace(",", " "))]
        if len(sides) == 4:
            top, right, bottom, left = sides
            if (right is not None and left is not None and right - left <= 1) or (
                top is not None and bottom is not None and bottom - top <= 1
            ):
                return True
    path = declared.get("clip-path")
    if path and "(" in path:
        for name, arguments in _functions(path):
            values = _values(arguments.replace(",", " "))
            first = values[:1]
            if name == "inset" and _inset_away(values):
                return True
            if name in ("circle", "ellipse") and first and _length(first[0]) == 0:
                return True
            if name in ("xywh", "rect") and _box_away(name, values):
                return True
            if name == "polygon" and _flat(arguments):
                return True
    return False


def _inset_away(values: list[str]) -> bool:
    """Whether ``inset()``'s sides (top, right, bottom, left, as a margin's; per cents or nothing) meet or cross:
    ``inset(50%)``, ``inset(0 100% 0 0)``, ``inset(40% 0 60%)``. ``inset(50% 0 0 0)`` leaves the lower half."""
    if "round" in values:
        values = values[: values.index("round")]
    if not 1 <= len(values) <= 4 or not all(value.endswith("%") or _length(value) == 0 for value in values):
        return False  # a length's share of the box is not known
    top, right, bottom, left = _four_sides([_length(value, 1.0) or 0.0 for value in values])
    return top + bottom >= 100 or left + right >= 100


def _four_sides(values: list[_T]) -> tuple[_T, _T, _T, _T]:
    """A box shorthand's one to four values (``margin``, ``inset``) as its top, right, bottom and left: a side
    not given copies its opposite (the right the top, the bottom the top, the left the right)."""
    top = values[0]
    right = values[1] if len(values) > 1 else top
    return top, right, values[2] if len(values) > 2 else top, values[3] if len(values) > 3 else right


def _box_away(name: str, values: list[str]) -> bool:
    """Whether ``xywh()`` (a place and a size) or ``rect()`` (its top, right, bottom and left edges) encloses
    nothing, by lengths it gives (``xywh(0 0 0 0)``, ``rect(0 0 0 0)``)."""
    if len(values) < 4:
        return False
    sides = [_length(value) for value in values[:4]]
    if name == "xywh":
        return sides[2] == 0 or sides[3] == 0
    top, right, bottom, left = sides
    return (top is not None and bottom is not None and bottom <= top) or (
        left is not None and right is not None and right <= left
    )


def _flat(points: str) -> bool:
    """Whether a ``polygon()``'s points all stand on one line across or down (as written): it encloses nothing."""
    pairs = [_values(point) for point in points.split(",")]
    pairs = [pair[-2:] for pair in pairs if len(pair) >= 2]  # a fill rule before the first point is passed over
    return len(pairs) >= 1 and (len({x for x, _ in pairs}) == 1 or len({y for _, y in pairs}) == 1)


#: The sides of an element's box each way: its size, and what bounds it from above and below, as CSS names
#: them across (physical and logical) and down.
_ACROSS = (("width", "inline-size"), ("max-width", "max-inline-size"), ("min-width", "min-inline-size"))
_DOWN = (("height", "block-size"), ("max-height", "max-block-size"), ("min-height", "min-block-size"))
#: The paddings each way: where an element with no room of its own still shows what it holds (a video's
#: ``height:0; padding-bottom:56%`` wrapper).
_PADDINGS_ACROSS = ("padding", "padding-left", "padding-right", "padding-inline", "padding-inline-start")
_PADDINGS_DOWN = ("padding", "padding-top", "padding-bottom", "padding-block", "padding-block-start")


def _no_room(declared: dict[str, str]) -> bool:
    """Whether an element has no room (a pixel or less, across or down) and hides what overflows it that way
    (``hidden`` or ``clip``): ``height:0; overflow:hidden``, the screen-reader-only recipe's 1px box."""
    across = down = ""
    for name, value in declared.items():  # in the order written: the last one stands
        if name == "overflow":
            both = value.split()
            across, down = (both[0], both[-1]) if both else ("", "")
        elif name in ("overflow-x", "overflow-inline"):
            across = value
        elif name in ("overflow-y", "overflow-block"):
            down = value
    return (down in _CLIPPING and _cramped(declared, _DOWN, _PADDINGS_DOWN)) or (
        across in _CLIPPING and _cramped(declared, _ACROSS, _PADDINGS_ACROSS)
    )


_CLIPPING = frozenset({"hidden", "clip"})


def _cramped(declared: dict[str, str], sides: tuple[tuple[str, str], ...], paddings: tuple[str, ...]) -> bool:
    """Whether an element's size one way (``sides``: size, maximum, minimum) is a pixel or less, with no
    padding that way."""
    size, most, least = (_size(declared.get(name) or declared.get(logical)) for name, logical in sides)
    # A maximum of nothing beside a size that gives room is the table cell's ellipsis recipe (``width:100%;
    # max-width:0``: a cell takes no maximum); a flex item that grows takes its size from the space it fills
    # (Tailwind's ``w-0 flex-1``).
    most = None if size is not None and size > 1 else most
    if not ((size is not None and size <= 1) or (most is not None and most <= 1)) or _grows(declared):
        return False
    if least is not None and least > 1:
        return False
    padded = (part for name in paddings if name in declared for part in _values(declared[name]))
    return not any((_length(part) or 0) > 0 for part in padded)


def _grows(declared: dict[str, str]) -> bool:
    """Whether a flex item grows into the space it stands in (``flex-grow`` above 0, or a ``flex`` shorthand
    that grows: ``flex: 1``, ``flex: auto``, ``flex: 1 1 0%``): its size is not its ``width`` or ``height``."""
    grow = declared.get("flex-grow")
    if grow is not None:
        factors = _factors(grow)
        return bool(factors) and factors[0] > 0
    flex = (declared.get("flex") or "").strip()
    if not flex or flex in ("none", "initial", "0"):
        return False
    if flex == "auto":
        return True
    first = flex.split()[0]
    factors = _factors(first) if not first.endswith(("px", "em", "rem", "%")) else []
    return bool(factors) and factors[0] > 0


def _faded(declared: dict[str, str]) -> bool:
    """Whether ``opacity`` or a filter's ``opacity()`` fades an element out (:data:`_FAINT` or less: ``0``,
    ``0%``, ``-1``, ``0e0``)."""
    return _opacity(declared) <= _FAINT


def _opacity(declared: dict[str, str]) -> float:
    """How much of an element shows through its ``opacity`` and its filter's ``opacity()``, each between 0 and
    1: their product (1 where they say nothing read)."""
    shown = 1.0
    opacity = declared.get("opacity")
    if opacity:
        factors = _factors(opacity)
        if len(factors) == 1:
            shown = min(max(factors[0], 0.0), 1.0)
    filtered = declared.get("filter")
    if filtered and "opacity" in filtered:
        for name, arguments in _functions(filtered):
            factors = _factors(arguments)
            if name == "opacity" and factors:
                shown *= min(max(factors[0], 0.0), 1.0)
    return shown


#: Those that may move it: a transform, a translation, a positioned element's offsets, an indent, a margin.
_MOVING = frozenset(
    {"transform", "translate", "position", "text-indent", "margin", "margin-left", "margin-top", *_LOGICAL_MARGINS}
)
_OVERFLOWING = frozenset(_OVERFLOWS)
#: A scale at or below which an element is taken for none: a hundredth of its size (0.16 pixels of a 16-pixel
#: font).
_TINY_SCALE = 0.01
#: A CSS function and its arguments (``scale(0, 0)``, ``translatex(-9999px)``).
_FUNCTION = re.compile(r"([a-z][a-z0-9-]*)\(([^()]*)\)")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?%?")


def _factors(arguments: str) -> list[float]:
    """The numbers among a function's arguments (a per cent as its fraction)."""
    return [float(n[:-1]) / 100 if n[-1] == "%" else float(n) for n in _NUMBER.findall(arguments)]


#: A length as CSS writes it: a number, and its unit (none, for a number an HTML attribute gives in pixels).
_LENGTH = re.compile(r"([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)([a-z%]*)", re.ASCII)
#: Pixels in a unit of length: absolute units as CSS defines them, a font's at a font size of 16 pixels, and
#: a viewport's and a per cent at a width of 1,000 pixels (so -100vw and -100% are a thousand pixels).
_PIXELS = {
    "": 1.0,
    "px": 1.0,
    "pt": 4 / 3,
    "pc": 16.0,
    "in": 96.0,
    "cm": 96 / 2.54,
    "mm": 96 / 25.4,
    "q": 96 / 101.6,
    "em": 16.0,
    "rem": 16.0,
    "ex": 8.0,
    "rex": 8.0,
    "ch": 8.0,
    "rch": 8.0,
    "cap": 11.0,
    "ic": 16.0,
    "lh": 19.2,
    "rlh": 19.2,
    "%": 10.0,  # of a box a thousand pixels wide
    **{prefix + unit: 10.0 for prefix in ("", "s", "l", "d") for unit in ("vw", "vh", "vi", "vb", "vmin", "vmax")},
    **{"cq" + unit: 10.0 for unit in ("w", "h", "i", "b", "min", "max")},
}


def _size(value: str | None) -> float | None:
    """A width or height in pixels (see :func:`_length`): None for a negative one too, which CSS drops."""
    size = _length(value)
    return size if size is None or size >= 0 else None


def _length(value: str | None, percent: float = _PIXELS["%"]) -> float | None:
    """A length (lower case) in pixels (see :data:`_PIXELS`; ``percent``: the pixels in a per cent); None for
    none, a keyword or what is not read."""
    if not value:
        return None
    found = _LENGTH.fullmatch(value.strip())
    if found is None:
        return None
    factor = percent if found.group(2) == "%" else _PIXELS.get(found.group(2))
    return float(found.group(1)) * factor if factor is not None else None


#: How far off screen an element placed at or beyond is out of sight: a thousand pixels up or left (there is
#: no scrolling there), in any unit (see :data:`_PIXELS`).
_FAR = -1000.0
#: The positions an offset (``left``, ``top``, ``right``) moves an element in; a static one it does not move.
_POSITIONED = frozenset({"absolute", "fixed", "relative"})


def _moved_away(declared: dict[str, str]) -> bool:
    """Whether a style places an element far off screen (:data:`_FAR`): by an offset of a positioned element,
    a text indent or a margin (wherever it stands), or a ``translate``."""
    if declared.get("position") in _POSITIONED:
        offsets = _offsets(declared)
        for side in ("left", "top", "right"):
            if _is_far(offsets.get(side)):
                return True
        # An offset from the right or the bottom moves it left or up (``right: 9999px``), unless the one from the
        # left or the top that stands over it is set. A per cent is of the box it stands in, not the page: a
        # tooltip's ``bottom: 100%`` puts it above its word.
        for side, over in (("right", "left"), ("bottom", "top")):
            if offsets.get(over, "auto") == "auto" and _is_far(_negated(offsets.get(side)), percent=0.0):
                return True
    if _is_far(declared.get("text-indent")) or _is_far(declared.get("margin-left")):
        return True
    if _is_far(declared.get("margin-top")):
        return True
    if not _LOGICAL_MARGIN_SET.isdisjoint(declared):
        for logical in _LOGICAL_MARGINS:  # the start across and down: the first of a two-value shorthand
            if logical in declared and _is_far(_values(declared[logical])[0]):
                return True
    margin = declared.get("margin")
    if margin:
        top, _, _, left = _four_sides(_values(margin))
        if _is_far(top) or _is_far(left):
            return True
    moves: list[str] = []
    transform = declared.get("transform")
    if transform and ("translate" in transform or "matrix" in transform):
        for name, arguments in _functions(transform):
            if name in ("translate", "translatex", "translate3d"):
                moves += _values(arguments.replace(",", " "))[:2]
            elif name == "translatey":
                moves.append(arguments)
            elif name in ("matrix", "matrix3d"):  # its translation, in pixels: (e, f), or the 13th and 14th values
                numbers = _values(arguments.replace(",", " "))
                if len(numbers) in (6, 16):
                    moves += [number + "px" for number in numbers[-2:] if name == "matrix"]
                    moves += [number + "px" for number in numbers[12:14] if name == "matrix3d"]
    if "translate" in declared:
        moves += _values(declared["translate"])[:2]
    return any(_is_far(move, percent=1.0) for move in moves)  # a per cent of its own size: it moves beside


#: The offsets a positioned element's ``inset`` shorthand sets, in its order, and the logical offsets as the
#: sides they are in a page written left to right.
_INSET_SIDES = ("top", "right", "bottom", "left")
_LOGICAL_OFFSETS = {
    "inset-inline-start": "left",
    "inset-inline-end": "right",
    "inset-block-start": "top",
    "inset-block-end": "bottom",
}


def _offsets(declared: dict[str, str]) -> dict[str, str]:
    """A positioned element's offsets by side (``left``, ``top``, ``right``, ``bottom``), as its ``inset``
    shorthand, its logical offsets and the sides' own properties set them, the last written standing."""
    offsets: dict[str, str] = {}
    for name, value in declared.items():  # in the order written
        if name in _INSET_SIDES:
            offsets[name] = value
        elif name in _LOGICAL_OFFSETS:
            offsets[_LOGICAL_OFFSETS[name]] = value
        elif name == "inset":
            sides = _values(value)
            if 1 <= len(sides) <= 4:  # one to four values, as margin's
                offsets.update(zip(_INSET_SIDES, _four_sides(sides), strict=True))
    return offsets


def _negated(value: str | None) -> str | None:
    """An offset the other way (``9999px`` → ``calc(-1 * (9999px))``): a far one from the right or the bottom."""
    return f"calc(-1 * ({value}))" if value and value != "auto" else None


def _is_far(value: str | None, percent: float = _PIXELS["%"]) -> bool:
    """Whether an offset (a length, or a ``calc()`` of lengths) reaches :data:`_FAR` (``percent``: the pixels in
    a per cent)."""
    if not value or "-" not in value:
        return False  # no minus: nothing moves up or left
    offset = _calc(value, percent) if "(" in value else _length(value, percent)
    return offset is not None and offset <= _FAR


def _values(value: str) -> list[str]:
    """A value's parts, as white space parts them outside brackets (``0 calc(50% - 9px)`` is two)."""
    if "(" not in value:
        return value.split()
    parts, depth, start = [], 0, 0
    for index, char in enumerate(value):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char in " \t\n\r\f" and depth == 0:
            if index > start:
                parts.append(value[start:index])
            start = index + 1
    if start < len(value):
        parts.append(value[start:])
    return parts


def _functions(value: str) -> list[tuple[str, str]]:
    """The functions a value is made of, outermost, each with its arguments as written (brackets inside them
    kept: ``translate(calc(-1 * 9px), 0)``)."""
    found = []
    for part in _values(value.replace(")", ") ")):
        name, bracket, rest = part.partition("(")
        if bracket and rest.endswith(")"):
            found.append((name.strip(), rest[:-1]))
    return found


#: A ``calc()``'s pieces: a number and its unit, a bracket (a nested ``calc(``), an operator.
_CALC_TOKEN = re.compile(
    r"\s*(?:([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)([a-z%]*)|(calc\(|\()|(\))|([*/+-]))", re.ASCII
)


def _calc(value: str, percent: float = _PIXELS["%"]) -> float | None:
    """A ``calc()`` of lengths (``calc(-9999px)``, ``calc(50% - 99999px)``, ``calc(-1 * 9999px)``) in pixels;
    None for what is not read (another function, a length times a length)."""
    tokens: list[tuple[str, float, bool]] = []  # ("n", value, a length?) or (symbol, 0, False)
    position, text = 0, value.strip()
    while position < len(text):
        token = _CALC_TOKEN.match(text, position)
        if token is None or token.end() == position:
            return None
        position = token.end()
        number, unit, opening, closing, operator = token.groups()
        if number is not None:
            factor = 1.0 if not unit else percent if unit == "%" else _PIXELS.get(unit)
            if factor is None:
                return None
            tokens.append(("n", float(number) * factor, bool(unit)))
        else:
            tokens.append(((opening and "(") or closing or operator, 0.0, False))
    result, end = _calc_sum(tokens, 0)
    if result is None or end != len(tokens):
        return None
    return result[0] if result[1] or result[0] == 0 else None


_CalcValue = tuple[float, bool]  # a number, and whether it is a length


def _calc_sum(tokens: list[tuple[str, float, bool]], at: int) -> tuple[_CalcValue | None, int]:
    """A sum of products from ``tokens[at]``, and where it ends."""
    left, at = _calc_product(tokens, at)
    while left is not None and at < len(tokens) and tokens[at][0] in "+-":
        sign = 1.0 if tokens[at][0] == "+" else -1.0
        right, at = _calc_product(tokens, at + 1)
        if right is None or right[1] != left[1]:
            return None, at
        left = (left[0] + sign * right[0], left[1])
    return left, at


def _calc_product(tokens: list[tuple[str, float, bool]], at: int) -> tuple[_CalcValue | None, int]:
    """A product (or quotient) of terms from ``tokens[at]``, and where it ends."""
    left, at = _calc_term(tokens, at)
    while left is not None and at < len(tokens) and tokens[at][0] in "*/":
        dividing = tokens[at][0] == "/"
        right, at = _calc_term(tokens, at + 1)
        if right is None or (left[1] and right[1]) or (dividing and (right[1] or right[0] == 0)):
            return None, at
        left = (left[0] / right[0] if dividing else left[0] * right[0], left[1] or right[1])
    return left, at


def _calc_term(tokens: list[tuple[str, float, bool]], at: int) -> tuple[_CalcValue | None, int]:
    """A number, or a bracketed sum, at ``tokens[at]``, and where it ends."""
    if at >= len(tokens):
        return None, at
    kind, number, length = tokens[at]
    if kind == "n":
        return (number, length), at + 1
    if kind == "(":
        inner, at = _calc_sum(tokens, at + 1)
        if inner is None or at >= len(tokens) or tokens[at][0] != ")":
            return None, at
        return inner, at + 1
    return None, at


#: The properties that may shrink an element to nothing: a transform, ``scale``, ``rotate`` and ``zoom``.
_SCALING = frozenset({"transform", "scale", "rotate", "zoom"})


def _scaled_away(declared: dict[str, str]) -> bool:
    """Whether a ``transform`` (``scale()``, ``scaleX()``, ``scaleY()``, ``scale3d()``, ``matrix()``), the
    ``scale`` property or ``zoom`` shrinks an element to nothing along a side (:data:`_TINY_SCALE`), or a
    turn about an axis across the page (``rotateY(90deg)``, ``rotate: x 90deg``) shows it edge on (or its back,
    hidden by ``backface-visibility``)."""
    factors: list[float] = []
    hides_back = "hidden" in (declared.get("backface-visibility"), declared.get("-webkit-backface-visibility"))
    transform = declared.get("transform")
    if transform and "(" in transform:
        for name, arguments in _FUNCTION.findall(transform):
            numbers = _factors(arguments)
            if name in ("scale", "scalex", "scaley", "scale3d"):
                factors += numbers[:2]
            elif name == "matrix" and len(numbers) == 6:  # its two axes: the square root of the area they span
                factors.append(abs(numbers[0] * numbers[3] - numbers[1] * numbers[2]) ** 0.5)
            elif name in ("rotatex", "rotatey"):
                factors.append(_seen_turned(arguments, hides_back))
    scale = declared.get("scale")
    if scale:
        factors += _factors(scale)[:2]
    rotate = declared.get("rotate")
    if rotate and rotate.split()[0] in ("x", "y"):
        factors.append(_seen_turned(rotate.split()[-1], hides_back))
    zoom = declared.get("zoom")
    if zoom:
        factors += [factor for factor in _factors(zoom)[:1] if factor != 0]  # a zoom of 0 is none (1)
    return any(abs(factor) <= _TINY_SCALE for factor in factors)


def _seen_turned(angle: str, hides_back: bool) -> float:
    """How much of its size an element turned by ``angle`` about an axis across the page shows: the angle's
    cosine (0 edge on), or nothing once its back is turned to the reader and hidden."""
    text = angle.strip()
    if _COLOUR_NUMBER.fullmatch(text) is None:
        return 1.0  # not an angle read: shown
    unit = text.lstrip("+-.0123456789e")
    cosine = math.cos(math.radians(float(text[: len(text) - len(unit)]) * _DEGREES.get(unit, 1.0)))
    return 0.0 if hides_back and cosine < 0 else cosine


_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.DOTALL)


def _read_style(style: str) -> str:
    """An inline style as CSS reads it: without its comments (``display:/**/none`` is display:none to a
    browser), its escapes written out (``d\\69splay:\\6e one`` is display:none), in lower case (CSS reads
    property names and keywords blind to ASCII case only)."""
    if "/*" in style:
        style = _CSS_COMMENT.sub("", style)
    if "\\" in style:
        style = _CSS_ESCAPE.sub(_unescaped, style)
    return style.lower() if style.isascii() else style.translate(_ASCII_LOWER)


#: A CSS escape: a backslash and up to six hexadecimal digits (and one white space ending them), or a backslash
#: and the character it stands for.
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\n\r\f]?|([^\n\r\f0-9a-fA-F]))")


def _unescaped(escape: re.Match[str]) -> str:
    """The character a CSS escape stands for (U+FFFD for none: a code point of 0, a surrogate, past Unicode)."""
    digits, character = escape.groups()
    if digits is None:
        return character
    code = int(digits, 16)
    return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
#: A declaration of a style (in lower case): its property and its value, up to the next ";" (or a quote:
#: a start tag's text is read so too, see :func:`~reprint_guard.visible._style_may_hide`).
_DECLARATION = re.compile(r"""(?<![\w-])(-?[a-z][a-z0-9-]*)\s*:\s*([^;"']*)""", re.ASCII)
_IMPORTANT = re.compile(r"!\s*important\s*$")


def _declarations(style: str) -> dict[str, str]:
    """A style's declarations (in lower case), each property's value without ``!important``: the last one
    written, unless an earlier one is important. Properties stand in the order of the values kept."""
    found: dict[str, str] = {}
    important: set[str] | None = None
    for name, value in _DECLARATION.findall(style):
        value = value.strip()
        if "!" in value and (mark := _IMPORTANT.search(value)) is not None:
            value = value[: mark.start()].rstrip()
            important = important or set()
            important.add(name)
        elif important is not None and name in important:
            continue  # an important value stands over a later one
        found.pop(name, None)
        found[name] = value
    return found


def _may_change_look(style: str) -> bool:
    """Whether a style (lower case) may set a font size or a colour (:class:`_Look`)."""
    return "font" in style or "color" in style


#: What makes an element's own text unreadable (a background alone does not: the text's colour is the page's),
#: the letters' own fill among them (``-webkit-text-fill-color: transparent`` draws nothing, whatever ``color``).
_OWN_LOOKS = frozenset({"font-size", "font", "color", "-webkit-text-fill-color"})


class _Look(NamedTuple):
    """How an element's own text shows, as far as inline styles say: its font size in pixels (None where no
    style sets one: the page's own, which shows) and its colour and the colour behind it (see :func:`_colour`;
    None where no style sets one: the page's own, which shows)."""

    size: float | None
    colour: str | None
    backdrop: str | None


_PLAIN = _Look(None, None, None)
#: A font size below which text shows nothing (``font-size: 0.5px``; 1px is a line of dots, but drawn).
_TINY_FONT = 1.0
#: The font size a page's text has where no style sets one, in pixels.
_FONT_SIZE = 16.0
#: Font sizes by keyword (``medium`` is the default), and the relative ones as a factor of the inherited size.
_FONT_SIZES = {
    "xx-small": 9.0,
    "x-small": 10.0,
    "small": 13.0,
    "medium": 16.0,
    "large": 18.0,
    "x-large": 24.0,
    "xx-large": 32.0,
    "xxx-large": 48.0,
}
_RELATIVE_FONT_SIZES = {"smaller": 1 / 1.2, "larger": 1.2}
#: Units of a font size relative to the inherited one (a per cent, a font's units), as a factor of it.
_RELATIVE_UNITS = {"em": 1.0, "%": 0.01, "ex": 0.5, "ch": 0.5, "cap": 0.7, "ic": 1.0, "lh": 1.2}
#: What a ``font`` shorthand names before its size that is no size.
_FONT_WORDS = re.compile(
    r"normal|italic|oblique|small-caps|bold|bolder|lighter|[1-9]\d*|[\d.]+deg|[a-z-]*(?:condensed|expanded)"
)


def _font_size(value: str, outer: float | None) -> float | None:
    """A ``font-size`` value in pixels, inside text of size ``outer`` (None: the page's own); None where no size
    is read (``inherit``, a size not read: shown)."""
    size = _FONT_SIZES.get(value)
    if size is not None:
        return size
    inherited = outer if outer is not None else _FONT_SIZE
    if value in _RELATIVE_FONT_SIZES:
        return inherited * _RELATIVE_FONT_SIZES[value]
    found = _LENGTH.fullmatch(value)
    if found is not None:
        number, unit = float(found.group(1)), found.group(2)
        if number < 0:
            return outer  # no font size: CSS drops the declaration
        if unit in _RELATIVE_UNITS:
            return number * _RELATIVE_UNITS[unit] * inherited
        if unit in _PIXELS and (unit or number == 0):
            return number * _PIXELS[unit]
    elif "(" in value:
        return _calc(value, _RELATIVE_UNITS["%"] * inherited)
    return outer


def _font_shorthand_size(value: str, outer: float | None) -> float | None:
    """The size a ``font`` shorthand sets (``font: italic bold 0/0 a``: 0), in pixels; ``outer`` where it
    names none (``font: inherit``, a system font)."""
    for part in _values(value):
        size = part.split("/", 1)[0]
        if size and not _FONT_WORDS.fullmatch(size):
            return _font_size(size, outer)
    return outer


def _look(declarations: dict[str, str], outer: _Look = _PLAIN) -> _Look:
    """The look of an element's text with ``declarations`` for its style, inside an element of look ``outer``:
    what the style does not set is inherited (a backdrop is the nearest one painted, a colour of nothing
    letting the one behind it show; a picture is a backdrop of its own, whatever colour it has under it, and a
    gradient of one colour is that colour)."""
    size, colour, backdrop = outer
    painted = picture = None  # what this element paints behind its text: a colour, and an image over it
    filled: str | None = None  # the letters' own fill (``-webkit-text-fill-color``), over their colour
    through = False  # the background painted through the letters (``background-clip: text``)
    for name, value in declarations.items():
        if name == "font-size":
            size = _font_size(value, outer.size)
        elif name == "font":
            size = _font_shorthand_size(value, outer.size)
        elif name == "color":
            found = _colour(value)
            if found != "currentcolor" and value not in _NO_COLOUR:
                colour = found or value  # a value not read (a variable) is compared as written
        elif name == "background-color":
            painted = _colour(value) or value
        elif name == "background":
            picture = _painted_image(value) if _PICTURE_FUNCTION.search(value) else None
            painted = _colour(value) or value
        elif name == "background-image":
            picture = _painted_image(value) if value != "none" else None
        elif name == "-webkit-text-fill-color":  # the glyphs' own paint, over ``color``
            found = _colour(value)
            if found not in (None, "currentcolor") and value not in _NO_COLOUR:
                filled = found
        elif name in ("background-clip", "-webkit-background-clip") and "text" in value.split():
            through = True
    if through and (picture is not None or painted not in (None, "transparent")):
        colour = None  # the background shows through the letters (a gradient heading): its text shows
    elif filled is not None:
        colour = filled
    if picture is not None:
        backdrop = picture
    elif painted == "currentcolor":
        backdrop = colour
    elif painted is not None and painted != "transparent" and painted not in _NO_COLOUR:
        backdrop = painted
    return _Look(size, colour, backdrop)


#: Values that give no colour of their own (the one inherited or the default stands).
_NO_COLOUR = frozenset({"", "none", "inherit", "initial", "unset", "revert", "revert-layer", "auto"})
#: A ``background`` that paints a picture (over any colour it names).
_PICTURE_FUNCTION = re.compile(r"url\(|gradient\(|image\(|image-set\(|element\(|cross-fade\(|paint\(")
#: The backdrop of a picture: no colour is it.
_PICTURE = "a picture"
#: The functions a gradient of colours is written with: any other (``url()``, ``image-set()``, ``var()``) is a
#: picture, whatever it shows.
_GRADIENT_FUNCTIONS = frozenset(
    {"linear-gradient", "radial-gradient", "conic-gradient", "rgb", "rgba", "hsl", "hsla"}
    | {"repeating-linear-gradient", "repeating-radial-gradient", "repeating-conic-gradient"}
)
_FUNCTION_NAME = re.compile(r"([a-z][a-z0-9-]*)\(")


def _painted_image(value: str) -> str:
    """What a background's image (``background-image``, or the ``background`` shorthand's, with its colour)
    paints: the one colour of a gradient of one colour (``linear-gradient(#fff, #fff)``), else a picture."""
    if not _GRADIENT_FUNCTIONS.issuperset(_FUNCTION_NAME.findall(value)):
        return _PICTURE
    colours = {_colour(word) for word in _COLOUR_WORD.findall(value)}
    colours.discard(None)
    if len(colours) != 1 or "transparent" in colours or "currentcolor" in colours:
        return _PICTURE
    return colours.pop()  # type: ignore[return-value] - None is discarded


def _readable(look: _Look) -> bool:
    """Whether text of ``look`` shows: of some size, and in a colour that is not the one behind it."""
    size, colour, backdrop = look
    if size is not None and size < _TINY_FONT:
        return False
    if colour == "transparent":
        return False
    return colour is None or backdrop is None or colour != backdrop


#: An alpha at or below which a colour is taken for none: 2 % (``#ffffff05``) shows nothing on any backdrop.
_FAINT = 0.02


def _colour(value: str) -> str | None:
    """A CSS colour value (lower case) as one spelling, ``#rrggbb`` (``#fff``, ``white``, ``rgb(255 255 255)``
    and ``hsl(0, 0%, 100%)`` alike), ``transparent`` (an alpha of nothing, or near it: :data:`_FAINT`) or
    ``currentcolor``: the first colour of a ``background`` shorthand; None for none read."""
    words = (value,) if _HEX_COLOUR.fullmatch(value) else _COLOUR_WORD.findall(value)  # "#333": as it stands
    for word in words:
        if word[0] == "#":
            digits = word[1:]
            if len(digits) in (3, 4):  # #fff, #ffff: each digit doubled
                digits = "".join(ch * 2 for ch in digits)
            if len(digits) == 8 and int(digits[6:], 16) / 255 <= _FAINT:
                return "transparent"
            return "#" + digits[:6] if len(digits) in (6, 8) else None
        if word.startswith(("rgb", "hsl")):
            return _colour_function(word)
        if "(" in word:  # hwb(), lab(), oklch(), color(): told by their alpha alone (see _alpha_only)
            return _alpha_only(word)
        if word in ("transparent", "currentcolor"):
            return word
        named = _named_colours().get(word)
        if named is not None:
            return named
    return None


_COLOUR_WORD = re.compile(r"(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\([^)]*\)|#[0-9a-f]+\b|[a-z]+")
_ALPHA = re.compile(r"/\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(%?)\s*\)$")


def _alpha_only(word: str) -> str | None:
    """A colour function of CSS Color 4 other than ``rgb()`` and ``hsl()`` (``oklch(0 0 0 / 0)``):
    ``transparent`` when its alpha is nothing or near it (:data:`_FAINT`), else None (its colour is compared
    as written)."""
    alpha = _ALPHA.search(word)
    if alpha is None:
        return None
    value = float(alpha.group(1)) / (100 if alpha.group(2) else 1)
    return "transparent" if value <= _FAINT else None


_HEX_COLOUR = re.compile(r"#[0-9a-f]+")
_COLOUR_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?(?:%|deg|grad|rad|turn)?")
#: Degrees in a turn's units.
_DEGREES = {"": 1.0, "deg": 1.0, "grad": 0.9, "rad": 180 / 3.141592653589793, "turn": 360.0}


def _colour_function(word: str) -> str | None:
    """``rgb()`` or ``hsl()`` (``rgba``, ``hsla``; commas or spaces and a slash) as ``#rrggbb`` or ``transparent``."""
    parts = _COLOUR_NUMBER.findall(word)
    if len(parts) not in (3, 4):
        return None
    if len(parts) == 4:
        alpha = float(parts[3].rstrip("%")) / (100 if parts[3].endswith("%") else 1)
        if alpha <= _FAINT:
            return "transparent"
    if word.startswith("rgb"):
        channels = [float(p[:-1]) * 2.55 if p.endswith("%") else float(p) for p in parts[:3]]
    else:
        import colorsys

        hue = parts[0]
        unit = hue.lstrip("+-.0123456789e")
        degrees = float(hue[: len(hue) - len(unit)]) * _DEGREES.get(unit, 1.0)
        saturation, lightness = (min(max(float(p.rstrip("%")) / 100, 0.0), 1.0) for p in parts[1:3])
        channels = [c * 255 for c in colorsys.hls_to_rgb((degrees / 360) % 1.0, lightness, saturation)]
    return "#" + "".join(f"{min(max(round(c), 0), 255):02x}" for c in channels)


@lru_cache(maxsize=1)
def _named_colours() -> dict[str, str]:
    """CSS's named colours (read on first use: a page rarely names one)."""
    from .csscolours import named_colours

    return named_colours()


#: What inside an element whose text does not show may show again: an element with a style, or one a font
#: size or a colour cannot hide.
