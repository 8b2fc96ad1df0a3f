"""``timing``: the reprint may not appear before a delay after the original's publication.

``after_days: 1`` — not before the next calendar day (in the publisher's ``timezone``, when given);
``after_hours: 48`` — 48 hours after (after the end of the day, when ``original_published`` is a date
alone). The reprint's date is its ``published`` metadata, or now when it has
none (checking happens before publishing).

PASS (after_days: 1): original_published 2024-05-01, published 2024-05-02.
FAIL: published 2024-05-01.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..reprint import Reprint
from .base import Context, Problem

if TYPE_CHECKING:
    from .params import TimingParams as Params

NAME = "timing"
SUMMARY = "The reprint is published no earlier than a number of hours or calendar days after the original."


def _as_datetime(value: dt.date | dt.datetime) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)


def _zone(name: str) -> dt.tzinfo | None:
    """The IANA time zone ``name``, or None when this machine's time zone database lacks it."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _today_in(zone: dt.tzinfo, today: dt.date) -> dt.date:
    """Today in the publisher's time zone: "now" is a moment, and its day depends on where it is read.

    A run for another day (``today`` given to the library, not this machine's date) keeps that day.
    """
    return dt.datetime.now(zone).date() if today == dt.date.today() else today


def _now(today: dt.date) -> dt.datetime:
    """This moment, or for a run on another day (``today`` given to the library) that day's first moment
    (UTC): the earliest it could be published then, so an hour-based delay is never passed too soon."""
    if today == dt.date.today():
        return dt.datetime.now(dt.UTC)
    return dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC)


def _local_day(value: dt.date | dt.datetime, zone: dt.tzinfo) -> dt.date:
    """The calendar day ``value`` falls on in ``zone`` (a date is that day; a date-time without offset is local)."""
    if not isinstance(value, dt.datetime):
        return value
    return (value.astimezone(zone) if value.tzinfo else value).date()


def check(params: Params, reprint: Reprint, context: Context) -> Iterator[Problem]:
    meta = reprint.metadata
    original = meta.original_published
    if original is None:
        yield _at_original(
            reprint,
            "'original_published' is not set, so the delay cannot be checked",
            "Add 'original_published: YYYY-MM-DD' (the original's date) to the metadata.",
        )
        return
    try:
        yield from _check_delay(params, reprint, context, original)
    except OverflowError:  # 9999-12-31 and the like: the earliest date would be past what dates can hold
        yield _at_original(
            reprint,
            f"'original_published' ({original}) is so late that the earliest reprint date is past the year 9999",
            "Check 'original_published': it should be the original's real date.",
        )


def _at_original(reprint: Reprint, detail: str, fix: str) -> Problem:
    """A problem with the original's date itself, placed at its metadata line (its fix beats the rule's)."""
    return Problem.about(reprint, "original_published", detail=detail, fix=fix, specific=True)


def _check_delay(
    params: Params, reprint: Reprint, context: Context, original: dt.date | dt.datetime
) -> Iterator[Problem]:
    meta = reprint.metadata
    published = meta.published
    if params.after_days is not None:
        if params.timezone is not None:
            zone = _zone(params.timezone)
            if zone is None:  # a policy validated on another machine
                yield _at_original(
                    reprint,
                    f"the publisher's time zone {params.timezone} is not known on this machine",
                    "Install the time zone database (pip install tzdata), then check again.",
                )
                return
            # Calendar days are the publisher's: each moment is read as a date in its time zone.
            original_day = _local_day(original, zone)
            reprint_day = _local_day(published, zone) if published is not None else _today_in(zone, context.today)
        else:
            original_day = original.date() if isinstance(original, dt.datetime) else original
            if isinstance(published, dt.datetime) and isinstance(original, dt.datetime) and original.tzinfo:
                # Calendar days are the publisher's: read the reprint's moment in the original's time zone.
                moment = published if published.tzinfo else published.replace(tzinfo=original.tzinfo)
                published = moment.astimezone(original.tzinfo)
            reprint_day = (published.date() if isinstance(published, dt.datetime) else published) or context.today
        earliest_day = original_day + dt.timedelta(days=params.after_days)
        if reprint_day < earliest_day:
            key = "published" if published else "original_published"
            detail = f"not before {earliest_day.isoformat()}"
            if params.timezone is not None:
                detail += f" in the publisher's time zone, {params.timezone}"
                if isinstance(published, dt.datetime) and published.tzinfo and reprint_day != published.date():
                    # 05:00 UTC on the 15th is still the 14th in Montana: said, or "not before the 15th" puzzles
                    local = published.astimezone(_zone(params.timezone))  # type: ignore[arg-type]
                    detail += f"; 'published' ({published.isoformat()}) is {local:%Y-%m-%d %H:%M} there"
            yield Problem.about(
                reprint,
                key,
                detail=detail,
                fix=f"Publish on {earliest_day.isoformat()} or later (set 'published').",
            )
        return
    start = _as_datetime(original)
    dated = not isinstance(original, dt.datetime)
    if dated:  # a day without its time: the original may have come out at its last moment, so count from there
        start += dt.timedelta(days=1)
    when = _as_datetime(published) if published else _now(context.today)
    earliest = start + dt.timedelta(hours=params.after_hours or 0)
    if when < earliest:
        key = "published" if published else "original_published"
        stamp = earliest.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")  # in UTC, as it says
        detail = f"not before {stamp}"
        if dated:
            detail += f" ('original_published' gives no time of day, so the delay counts from the end of {original})"
        yield Problem.about(reprint, key, detail=detail, fix=f"Publish at {stamp} or later.")
