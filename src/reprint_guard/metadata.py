"""The reprint's metadata keys, defined as a pydantic model: who wrote it, where it came from, how it is used.

The checks read a :class:`~reprint_guard.metaview.MetadataView`; this model
validates (and coerces) any metadata that does not already have its declared
types, and it is what the library exports and the docs describe.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .limits import MAX_NAME_CHARS, MAX_NAMES, MAX_NAMES_CHARS
from .metaview import BLANK_AS_UNSET, Medium, address_control, scope_words


def _calendar_value(value: Any) -> Any:
    """A date as a CMS or YAML may write it, before pydantic reads it: never a count of seconds.

    pydantic reads a number, or a string of digits, as a Unix timestamp, so
    ``20991231`` (ISO 8601's basic form, common in database exports) would be
    a day in 1970 and an embargo would pass. Digits are read as the basic form
    or refused; a number is refused.
    """
    if isinstance(value, bool):
        return value  # the model says a boolean is no date
    if isinstance(value, (int, float)):
        raise ValueError(f"{value!r} is a number, not a date: write it as YYYY-MM-DD")
    if isinstance(value, (bytes, bytearray)):
        raise ValueError("bytes, not a date: write it as YYYY-MM-DD")
    if isinstance(value, dt.time):  # TOML's "10:00:00", a time of day
        raise ValueError(f"{value.isoformat()} is a time of day with no date: write it as YYYY-MM-DD")
    if isinstance(value, str):
        text = value.strip()
        if len(text) == 10 or (len(text) == 8 and text.isdigit()):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                if text.isdigit():
                    raise ValueError(f"{value!r} is no date: write it as YYYY-MM-DD") from None
                return value  # the model says what is wrong with it
        if _BASIC_DATE_TIME.fullmatch(text):  # ISO 8601's basic form, which pydantic does not read
            try:
                return dt.datetime.fromisoformat(text)
            except ValueError:  # 20250230T1000Z: no calendar day
                raise ValueError(f"{value!r} is no date: write it as YYYY-MM-DD") from None
        written = _SPACED_OFFSET.fullmatch(text)
        if written:  # Jekyll's own form, "2026-10-28 18:30:00 -0600": its time and zone kept, as Jekyll reads it
            moment, offset = written.groups()
            try:
                return dt.datetime.fromisoformat(moment + ("+00:00" if offset in "Zz" else offset))
            except ValueError:  # 2026-02-30 ...: no calendar day (or an offset of a day or more)
                return value  # the model says what is wrong with it
        try:
            float(text)  # "+20991231", "1.7e9", "-5": pydantic would count seconds
        except ValueError:
            return value
        raise ValueError(f"{value!r} is no date: write it as YYYY-MM-DD")
    return value


#: A date-time with a space before its zone's offset, as Jekyll writes one (``2026-10-28 18:30:00 -0600``), which
#: pydantic does not read.
_SPACED_OFFSET = re.compile(r"(\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) +([+-]\d{2}:?\d{2}|[Zz])")
#: A date-time in ISO 8601's basic form (``20250214T090000``, ``20250302T1000Z``, ``20250302T100000+0100``).
_BASIC_DATE_TIME = re.compile(r"\d{8}T\d{4}(?:\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?")


class Permission(BaseModel):
    """A written permission the republisher holds, e.g. an email from the publisher."""

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True, extra="allow")

    from_: str = Field(alias="from", description="Who granted it: an email address, optionally with a name.")
    date: dt.date | None = None
    scope: list[str] = Field(default_factory=list, description="Uses covered: commercial, print, ...")
    reference: str | None = None
    expires: dt.date | None = None

    @field_validator("date", "expires", mode="before")
    @classmethod
    def _calendar(cls, value: Any) -> Any:
        """A day; a date-time (a CMS's DateTimeField, "2026-01-10T09:00:00Z") is its day as written; an empty
        string (a form's date left blank) none, as null is."""
        if isinstance(value, str) and not value.strip():
            return None
        value = _calendar_value(value)
        if isinstance(value, str) and len(value.strip()) > 10:
            try:
                value = dt.datetime.fromisoformat(value.strip())
            except ValueError:
                return value  # the model says what is wrong with it
        return value.date() if isinstance(value, dt.datetime) else value

    @model_validator(mode="before")
    @classmethod
    def _article_named_in_text(cls, data: Any) -> Any:
        """The article a record is for (``original_url``, ``article``) is an address, or not given: a form's
        list or number would name none, and the grant would count for every story."""
        if isinstance(data, dict):
            for key in ("original_url", "article"):
                value = data.get(key)
                if value is not None and not isinstance(value, str):
                    raise PydanticCustomError(
                        "article_not_text",
                        "'{key}' must be the address of the article the permission is for, not {kind}",
                        {"key": key, "kind": type(value).__name__},
                    )
        return data

    @field_validator("scope", mode="before")
    @classmethod
    def _scope_list(cls, value: Any) -> Any:
        is_words = isinstance(value, str) or (isinstance(value, list) and all(isinstance(s, str) for s in value))
        return scope_words(value) if is_words else value


def _name_of(person: dict[Any, Any]) -> Any:
    """A person's ``name`` when it is a string, else the mapping itself (which the model then refuses)."""
    name = person.get("name")
    return name if isinstance(name, str) and name.strip() else person


#: A byline as one string ("Ana Ruiz and Li Wei"), or a list of names, each of a real name's length.
_Names = (
    Annotated[str, Field(max_length=MAX_NAMES_CHARS)]
    | Annotated[list[Annotated[str, Field(max_length=MAX_NAME_CHARS)]], Field(max_length=MAX_NAMES)]
)


class Metadata(BaseModel):
    """Metadata of a proposed reprint. Unknown keys are kept, not rejected."""

    model_config = ConfigDict(extra="allow")

    title: str | None = None
    author: _Names | None = None
    copyright_holder: _Names | None = None
    source: str | None = None
    original_url: str | None = None
    original_published: dt.datetime | dt.date | None = Field(
        default=None, description="When the original was published: a date, or a date-time for hour-based embargoes."
    )
    medium: Medium = Medium.web
    commercial: bool | None = None
    permissions: list[Permission] = Field(default_factory=list)
    policy: str | None = None
    license: str | None = Field(default=None, description="The original's licence: an SPDX id or a deed URL.")
    reprint_license: str | None = Field(default=None, description="The licence the reprint itself is shared under.")
    published: dt.datetime | dt.date | None = Field(
        default=None, description="When the reprint is (to be) published; absent means now."
    )
    modified: bool = Field(default=False, description="The text was edited, cut or added to beyond small edits.")
    translated: bool = False
    paywalled: bool = False
    sold: bool = Field(default=False, description="The story is sold or syndicated onward.")
    ads_targeted: bool = Field(default=False, description="Ads are sold against this story specifically.")
    excerpt: bool | None = Field(
        default=None, description="The reprint is a part of the original and otherwise unchanged (absent: not said)."
    )
    news_outlet: bool | None = Field(default=None, description="The republisher is a news outlet (absent: not said).")
    sponsored: bool | None = Field(default=None, description="The story is sponsored (absent: not said).")

    @model_validator(mode="before")
    @classmethod
    def _blank_is_unset(cls, data: Any) -> Any:
        """An empty string for a key whose value is no text (a form's field left empty) is unset, as null is,
        and Jekyll's ``published: true``/``false`` is Jekyll's draft flag, not a date: as ``check`` reads them."""
        if not isinstance(data, dict):
            return data
        dropped = [k for k in BLANK_AS_UNSET if type(data.get(k)) is str and not data[k].strip()]
        if type(data.get("published")) is bool:
            dropped.append("published")
        return {k: v for k, v in data.items() if k not in dropped} if dropped else data

    @field_validator("original_url")
    @classmethod
    def _no_control_character(cls, value: str | None) -> str | None:
        """An address with a control character in it (YAML's ``"...\\b"`` in double quotes is a backspace) is no
        web address: a credit made from it would link another one."""
        char = address_control(value) if value is not None else None
        if char is not None:
            raise PydanticCustomError(
                "address_control",
                "holds a control character ({char}), which no web address has: write the address without it "
                "(in YAML's double quotes, \\b is a backspace and \\t a tab)",
                {"char": f"U+{ord(char):04X}"},
            )
        return value

    @field_validator("original_published", "published", mode="before")
    @classmethod
    def _a_date_stays_a_date(cls, value: Any) -> Any:
        """ "2024-03-02" is a calendar day, as YAML reads it, not midnight: a date-time is written with its time."""
        return _calendar_value(value)

    @field_validator("author", "copyright_holder", mode="before")
    @classmethod
    def _a_person_by_name(cls, value: Any) -> Any:
        """A person as Jekyll's SEO tag and JSON-LD write one, ``{name: Ana Ruiz, twitter: ...}``, or a list of
        them: the name (anything else is left for the model to refuse)."""
        if isinstance(value, dict):
            return _name_of(value)
        if isinstance(value, list) and any(isinstance(item, dict) for item in value):
            return [_name_of(item) if isinstance(item, dict) else item for item in value]
        return value

    @field_validator("source", mode="before")
    @classmethod
    def _a_source_by_name(cls, value: Any) -> Any:
        """A source as Hugo themes write one, ``{name: Global Research, url: ...}``: its name (anything else is
        left for the model to refuse; its address is read only where the config maps it, ``source.url``)."""
        return _name_of(value) if isinstance(value, dict) else value

    @field_validator("permissions", mode="before")
    @classmethod
    def _no_permissions(cls, value: Any) -> Any:
        return [] if value is None else value

    @field_validator("modified", "translated", "paywalled", "sold", "ads_targeted", "medium", mode="before")
    @classmethod
    def _absent(cls, value: Any, info: Any) -> Any:
        if value is None:  # a CMS sends None for "not set": use the default
            return "web" if info.field_name == "medium" else False
        return value

    @field_validator("medium", mode="before")
    @classmethod
    def _medium_lower(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value
