"""The character encoding an HTML page declares for itself, as a browser finds it.

Pages saved by older sites and CMSs are still in a legacy encoding (windows-1252, ISO-8859-2, Shift_JIS) and
say so in a ``<meta>`` within their first 1,024 bytes. A browser reads them by that declaration (the HTML
standard's "prescan"), so the check does too; Markdown and JSON declare nothing and stay UTF-8 only.
"""

from __future__ import annotations

import codecs
import re

#: How far a browser looks for the declaration.
PRESCAN_BYTES = 1024
#: A ``<meta>`` naming a charset, by its own attribute or in an http-equiv's ``content`` ("text/html;
#: charset=iso-8859-1"). Read over the head decoded as Latin-1: every byte is one character, so no
#: declaration is lost to a byte that is not UTF-8.
_META = re.compile(r"<meta[\s/][^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:()+-]+)", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
#: Labels the Encoding Standard reads as another encoding than Python's codec of that name does: a browser
#: shows a page labelled ISO-8859-1 or ASCII as windows-1252 (its bytes 0x80-0x9F are curly quotes and
#: dashes there), and the East Asian labels as the larger encodings that grew from them.
_AS_BROWSERS_READ = {
    "iso8859_1": "cp1252",
    "ascii": "cp1252",
    "iso8859_9": "cp1254",
    "iso8859_11": "cp874",
    "tis_620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
    "big5": "big5hkscs",
}
#: Labels of the Encoding Standard that Python's codecs do not know by that name.
_LABELS_PYTHON_LACKS = {
    "windows-874": "cp874",
    "x-mac-roman": "mac_roman",
    "x-mac-cyrillic": "mac_cyrillic",
    "x-mac-ukrainian": "mac_cyrillic",
    "x-sjis": "cp932",
    "x-gbk": "gb18030",
    "x-euc-jp": "euc_jp",
    "ks_c_5601-1987": "cp949",
    "x-cp1250": "cp1250",
    "x-cp1251": "cp1251",
    "x-cp1252": "cp1252",
}
#: The encodings of the Encoding Standard (what a browser reads a page in), by Python's names for them.
_PAGE_ENCODINGS = frozenset(
    {
        *(f"cp{n}" for n in range(1250, 1259)),
        "cp874",
        "cp866",
        *(f"iso8859_{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)),
        "koi8_r",
        "koi8_u",
        "mac_roman",
        "mac_cyrillic",
        "gb18030",
        "big5hkscs",
        "euc_jp",
        "iso2022_jp",
        "cp932",
        "cp949",
    }
)
#: Declared, these mean UTF-8 to a browser (a page cannot be read as UTF-16 by a declaration inside it).
_UTF8_TOO = frozenset({"utf_8", "utf_16", "utf_16_le", "utf_16_be", "utf_32"})


def declared_label(data: bytes) -> str | None:
    """The encoding's name as a page's ``<meta>`` declares it in its first :data:`PRESCAN_BYTES` bytes, or None."""
    found = _META.search(_COMMENT.sub("", data[:PRESCAN_BYTES].decode("latin-1")))
    return found.group(1).strip() if found is not None else None


def declared_encoding(data: bytes) -> str | None:
    """The Python codec for the encoding a page declares in its first :data:`PRESCAN_BYTES` bytes: None when
    it declares none, or one this tool cannot read, or UTF-8 (already tried)."""
    label = (declared_label(data) or "").lower()
    if not label:
        return None
    try:
        name = codecs.lookup(_LABELS_PYTHON_LACKS.get(label, label)).name.replace("-", "_")
    except LookupError:
        return None
    if name in _UTF8_TOO:
        return None
    name = _AS_BROWSERS_READ.get(name, name)
    return name if name in _PAGE_ENCODINGS else None  # EBCDIC, "undefined", rot13: codecs, but no page's


#: The names pages and browsers give the encodings whose Python names differ.
_LABELS = {"cp932": "Shift_JIS", "cp949": "EUC-KR", "big5hkscs": "Big5", "mac_roman": "macintosh"}


def label(codec: str) -> str:
    """The name an encoding goes by in pages (``windows-1252``, ``ISO-8859-2``), for messages."""
    if codec == "cp874" or (codec.startswith("cp125") and len(codec) == 6):
        return f"windows-{codec[2:]}"
    if codec.startswith("iso8859_"):
        return f"ISO-8859-{codec[8:]}"
    return _LABELS.get(codec, codec.replace("_", "-").upper())
