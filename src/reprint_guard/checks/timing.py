"""``timing``: the reprint may not appear before a delay after the original's publication.

``after_days: 1`` — not before the next calendar day (in the publisher's ``timezone``, when given);
``after_hours: 48`` — 48 hours after (after the end of the day, when ``original_published`` is a date
alone). The reprint's date is its ``published`` metadata; without one, the date a static site's own front
matter gives the page (Hugo's ``publishDate`` or ``date``, Jekyll's ``date`` or a post's file name: the date
it goes out on, and the one it shows), as ``dates-reversed`` reads it; without that, now (checking happens
before publishing). A draft's date is when it was begun: it stands only when still to come.

PASS (after_days: 1): original_published 2024-05-01, published 2024-05-02.
FAIL: published 2024-05-01.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..reprint import Reprint
from .base import Context, Problem

if TYPE_CHECKING:
    from .params import TimingParams as Params

NAME = "timing"
SUMMARY = "The reprint is published no earlier than a number of hours or calendar days after the original."


def _as_datetime(value: dt.date | dt.datetime) -> dt.datetime:
    """A moment in UTC (a date-time without offset read as UTC): hours added to it are real hours, the same
    across a daylight-saving change as on any other day."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC) if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)


def _site_moment(value: dt.date | dt.datetime, reprint: Reprint) -> dt.datetime:
    """When the site builds a page its own date key dates ``value``, in UTC: a date alone is that day's first
    moment, and a date-time without an offset its local time, in the site's time zone (the config's
    ``site-timezone``: Hugo's ``timeZone``, Jekyll's ``timezone``), UTC when it names none."""
    zone = _zone(reprint.site_timezone) if reprint.site_timezone and not _aware(value) else None
    if zone is None:
        return _as_datetime(value)
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    try:
        return value.replace(tzinfo=zone).astimezone(dt.UTC)
    except OverflowError:  # a day at the very ends of what dates hold: read as UTC, as before
        return _as_datetime(value)


#: A static site's own keys for when a page goes out, in the order Hugo reads them for its publish date.
_SITE_DATE_KEYS = ("publishDate", "pubDate", "pubdate", "date")


#: A date or date-time as a site's front matter writes one (ISO 8601's calendar form, as YAML reads it).
#: Jekyll's own form puts a space before the offset (``2026-08-20 10:00:00 +0000``).
_SITE_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)? ?(?:[Zz]|[+-]\d{2}:?\d{2})?)?")


def site_date(reprint: Reprint) -> tuple[str, dt.date | dt.datetime] | None:
    """The site's own date for the page (its key and value), when its front matter gives one and no
    ``published``: a site does not build a page dated in the future before that day (Hugo, Jekyll). One
    that is no calendar date (``20300101``, a week date), or so near year 1 or 9999 that a day either side
    cannot be told, is passed over."""
    extra = reprint.metadata.extra
    keys: tuple[str, ...] = _SITE_DATE_KEYS
    # Hugo reads its keys blind to case ("PublishDate:", "Date:"): a publish date in another case comes before
    # "date", as Hugo takes it (the page goes out on it). Looked for only where a key may be one ("ub" in it).
    if not any(key in extra for key in keys[:-1]) and (
        "date" not in extra or any("ub" in k or "UB" in k for k in extra if type(k) is str)
    ):
        keys = tuple(k for name in _SITE_DATE_KEYS for k in extra if type(k) is str and k.lower() == name.lower())
    for key in keys:
        value = extra.get(key)
        if isinstance(value, str):
            written = value.strip()
            if not _SITE_DATE.fullmatch(written):
                continue
            try:  # a day alone stays a day: no time of day the file never wrote
                if len(written) == 10:
                    value = dt.date.fromisoformat(written)
                else:
                    written = written.replace("Z", "+00:00").replace("z", "+00:00")
                    value = dt.datetime.fromisoformat(written.replace(" +", "+").replace(" -", "-"))
            except ValueError:
                continue
        if isinstance(value, dt.date):
            if not 1 < value.year < 9999:  # near the ends of what dates hold: read in any zone, a day either way?
                try:
                    moment = _as_datetime(value)
                    _ = (moment - _MARGIN, moment + _MARGIN)
                except OverflowError:
                    continue
            return key, value
    return _post_date(reprint.path)


#: A Jekyll post's file name: its date, then its slug (``2025-02-12-ferry-fares.md``).
_POST_NAME = re.compile(r"(\d{4})-(\d{2})-(\d{2})-[^/\\]+\.(?:md|markdown|mdown|mkdown|mkdn|mkd|html?)", re.IGNORECASE)


def _post_date(path: str) -> tuple[str, dt.date] | None:
    """("date", the day) of a Jekyll post with no date in its front matter: Jekyll dates a file in a
    ``_posts`` folder by its name's date (``date:`` in the front matter overrides it)."""
    found = _POST_NAME.fullmatch(os.path.basename(path))
    if found is None:
        return None
    folder = os.path.dirname(os.path.abspath(path))  # "_posts" may be the working folder itself
    if "_posts" not in folder.replace("\\", "/").split("/"):
        return None
    try:
        return "date", dt.date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:  # no calendar day (2025-02-30): Jekyll refuses the post
        return None


#: How far a site date may be read from UTC (a time zone, a day's end) without leaving what dates can hold.
_MARGIN = dt.timedelta(days=2)


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


def standing_site_date(reprint: Reprint, today: dt.date) -> tuple[str, dt.date | dt.datetime] | None:
    """The site's own date (:func:`site_date`) as the reprint's publication date, when no ``published`` is
    given: the page goes out on it. A draft's is when it was begun, read only while still to come (a site
    builds no page before its date). The one reading of it the dates-reversed check and the report share."""
    found = site_date(reprint)
    if found is not None and reprint.draft and _site_moment(found[1], reprint) <= _now(today):
        return None
    return found


def _now(today: dt.date) -> dt.datetime:
    """This moment, or for a run on another day (``today`` given to the library) that day's first moment
    (UTC): the earliest it could be published then, so an hour-based delay is never passed too soon."""
    if today == dt.date.today():
        return dt.datetime.now(dt.UTC)
    return dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC)


def _aware(value: dt.date | dt.datetime) -> bool:
    """Whether ``value`` is a moment with its offset (not a date, not a date-time without one)."""
    return isinstance(value, dt.datetime) and value.tzinfo is not None


def _days_clock(original: dt.date | dt.datetime) -> dt.tzinfo:
    """The clock calendar days are read on without a ``timezone``: the original's, when it has an offset, else
    UTC (never this machine's)."""
    return original.tzinfo if _aware(original) else dt.UTC  # type: ignore[union-attr, return-value]


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
            "Add 'original_published: YYYY-MM-DD' (the original's date) to the metadata."
            if params.after_days is not None
            else "Add 'original_published: YYYY-MM-DDTHH:MM:SSZ' (the original's date and time: a date alone "
            "counts the hours from the end of its day) to the metadata.",
        )
        return
    try:
        yield from _check_delay(params, reprint, context, original)
    except OverflowError:  # 9999-12-31 or 0001-01-01: a day either side is past what dates can hold
        published = meta.published
        if original.year >= dt.MAXYEAR or published is None or dt.MINYEAR < published.year < dt.MAXYEAR:
            edge = "late" if original.year >= dt.MAXYEAR else "early"
            said = f"'original_published' ({original}) is so {edge} that"
        else:
            said = f"'published' ({published}) is so {'late' if published.year >= dt.MAXYEAR else 'early'} that"
        yield _at_original(
            reprint,
            f"{said} the delay cannot be counted: a day either side is past what dates can hold (the years 1 to 9999)",
            "Check the dates: they should be the original's and the reprint's real dates.",
        )


def _at_original(reprint: Reprint, detail: str, fix: str) -> Problem:
    """A problem with the original's date itself, placed at its metadata line (its fix beats the rule's)."""
    return Problem.about(reprint, "original_published", detail=detail, fix=fix, specific=True)


def _check_delay(
    params: Params, reprint: Reprint, context: Context, original: dt.date | dt.datetime
) -> Iterator[Problem]:
    meta = reprint.metadata
    published = meta.published
    # The site's date stands for 'published' (a page goes out on it, and shows it); a draft's, when it was
    # begun, only while still to come (not built before it): timing.standing_site_date, as the report reads it.
    scheduled = standing_site_date(reprint, context.today) if published is None else None
    stands = scheduled is not None and not reprint.draft
    if params.after_days is not None:
        yield from _check_days(params, reprint, context, original, published, scheduled, stands)
        return
    start = _as_datetime(original)
    dated = not isinstance(original, dt.datetime)
    if dated:  # a day without its time: the original may have come out at its last moment, so count from there
        start += dt.timedelta(days=1)
    when = _as_datetime(published) if published else _now(context.today)
    site_day = _site_moment(scheduled[1], reprint) if scheduled else None
    if site_day is not None and (stands or site_day > when):
        when = site_day  # it goes out then
    earliest = start + dt.timedelta(hours=params.after_hours or 0)
    if when < earliest:
        key = "published" if published else scheduled[0] if site_day is not None and when == site_day else None
        key = key or "original_published"
        earliest = _to_the_minute(earliest)  # told to the minute: a time that passes, not one a few seconds short
        stamp = earliest.strftime("%Y-%m-%d %H:%M UTC")  # in UTC, as it says
        detail = f"not before {stamp}"
        if _offset_clock(original) is not None:  # a desk writing +05:30 reads its own clock, not only UTC
            detail += f" ({_on_clock(earliest, original)} on the original's clock)"
        if dated:
            detail += f" ('original_published' gives no time of day, so the delay counts from the end of {original})"
        fix = f"Publish at {stamp} or later (set '{_set(key)}')."
        if key == "published" and _offset_clock(published) is not None:  # the value to write, on its own clock
            fix = f"Publish at {stamp} or later (set 'published' to {_on_clock(earliest, published)} or later)."
        if key == "published" and not isinstance(published, dt.datetime):
            detail += f"; 'published' gives no time of day, so it is read as {published} 00:00 UTC"
            written = _on_clock(earliest, original) if _offset_clock(original) else f"{earliest:%Y-%m-%dT%H:%M:%SZ}"
            fix = f"Publish at {stamp} or later (set 'published' with its time: {written})."
        detail += _checked_as_of(published, scheduled, when if site_day is None or when != site_day else None)
        yield Problem.about(reprint, key, detail=detail, fix=fix)


def _check_days(
    params: Params,
    reprint: Reprint,
    context: Context,
    original: dt.date | dt.datetime,
    published: dt.date | dt.datetime | None,
    scheduled: tuple[str, dt.date | dt.datetime] | None,
    stands: bool = False,
) -> Iterator[Problem]:
    """An ``after_days`` rule: the reprint's calendar day against the original's, in the publisher's time
    zone when the rule gives one. ``stands``: the site's date is the reprint's, past or to come."""
    zone: dt.tzinfo | None = None
    written = published if isinstance(published, dt.datetime) else None  # as the metadata gives it
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
        # A site reads a date-time without offset, or a date alone, in its own time zone, UTC unless its
        # config says otherwise (Hugo's default): a date alone is built from that day's first moment.
        site_day = _local_day(_site_moment(scheduled[1], reprint), zone) if scheduled else None
    else:
        original_day = original.date() if isinstance(original, dt.datetime) else original
        if isinstance(published, dt.datetime) and isinstance(original, dt.datetime) and original.tzinfo:
            # Calendar days are the publisher's: read the reprint's moment in the original's time zone.
            moment = published if published.tzinfo else published.replace(tzinfo=original.tzinfo)
            published = moment.astimezone(original.tzinfo)
        elif isinstance(published, dt.datetime) and published.tzinfo:
            # The original's day has no zone: read every reprint moment on one clock (UTC), so that a later
            # moment never falls on an earlier day ("06:00+09:00" is the day before "23:30-08:00").
            published = published.astimezone(dt.UTC)
        if published is None:  # now is a moment too: its day on the clock a 'published' moment is read on
            reprint_day = context.today
            # Two clocks' days differ by two at most (UTC-12 and UTC+14): a day clearly past the one wanted on
            # this machine's is past it on any, and is not looked up again (the usual reprint, weeks later).
            if (reprint_day - original_day).days < (params.after_days or 0) + 2:
                reprint_day = _today_in(_days_clock(original), context.today)
        else:
            reprint_day = published.date() if isinstance(published, dt.datetime) else published
        # The site's date is a moment the site builds at, in UTC when it gives no offset (Hugo's default): read
        # on the clock a 'published' moment is read on, as its day on the original's.
        site_day = _site_moment(scheduled[1], reprint).astimezone(_days_clock(original)).date() if scheduled else None
    today = reprint_day if published is None else None
    # It goes out on the site's date (a draft's, still to come, on its day or today's, whichever is later).
    later = scheduled is not None and site_day is not None
    if later and (stands or site_day > reprint_day):  # type: ignore[operator]
        reprint_day = site_day  # type: ignore[assignment]
    earliest_day = original_day + dt.timedelta(days=params.after_days or 0)
    if reprint_day < earliest_day:
        key = "published" if published else scheduled[0] if later else None  # type: ignore[index]
        key = key or "original_published"
        detail = f"not before {earliest_day.isoformat()}"
        if params.timezone is not None:
            detail += f" in the publisher's time zone, {params.timezone}"
            if isinstance(published, dt.datetime) and published.tzinfo and reprint_day != published.date():
                # 05:00 UTC on the 15th is still the 14th in Montana: said, or "not before the 15th" puzzles
                local = published.astimezone(zone)
                detail += f"; 'published' ({published.isoformat()}) is {local:%Y-%m-%d %H:%M} there"
        fix = f"Publish on {earliest_day.isoformat()} or later (set '{_set(key)}')."
        if params.timezone is not None and zone is not None and isinstance(published, dt.datetime) and published.tzinfo:
            # A moment written on another clock (a CMS's UTC) whose date already reads the day wanted: its first
            # moment there, on the clock the date is written on, is what to set.
            first = dt.datetime.combine(earliest_day, dt.time(), tzinfo=zone).astimezone(published.tzinfo)
            fix = (
                f"Publish on {earliest_day.isoformat()} or later in {params.timezone} (set 'published' to "
                f"{first.isoformat()} or later)."
            )
        elif zone is not None and later and scheduled is not None and key == scheduled[0] and _aware(scheduled[1]):
            # The site's own moment (Hugo's "date: 2019-02-28T21:00:00-07:00"): its value to write, on its clock.
            first = dt.datetime.combine(earliest_day, dt.time(), tzinfo=zone).astimezone(scheduled[1].tzinfo)  # type: ignore[union-attr]
            fix = (
                f"Publish on {earliest_day.isoformat()} or later in {params.timezone} (set '{key}' to "
                f"{first.isoformat()} or later)."
            )
        said = False  # when the site's date was read: told with the moment it stands for
        # The clock its day was read on, when that is not UTC's: the publisher's, else the original's.
        site_clock = zone if zone is not None else original.tzinfo if _aware(original) else None  # type: ignore[union-attr]
        by_site = later and scheduled is not None and key == scheduled[0] and not _aware(scheduled[1])  # type: ignore[index]
        if by_site and scheduled is not None and site_clock is not None:
            moment = _site_moment(scheduled[1], reprint)  # a date alone is the site's midnight, UTC by default
            as_written = scheduled[1].date() if isinstance(scheduled[1], dt.datetime) else scheduled[1]
            if moment.astimezone(site_clock).date() != as_written:
                local = moment.astimezone(site_clock)
                first = dt.datetime.combine(earliest_day, dt.time(), tzinfo=site_clock).isoformat()
                there = "there" if zone is not None else "on the original's clock"
                read = f" (read in the site's time zone, {reprint.site_timezone})" if reprint.site_timezone else ""
                detail += (
                    f"; its '{key}' ({_shown(scheduled[1])}){read} goes out at {_shown(moment)}, "
                    f"{local:%Y-%m-%d %H:%M} {there}"
                )
                fix = f"Set '{key}' to {first} (the first moment of {earliest_day.isoformat()} {there}) or later."
                said = True
        if params.timezone is None and written is not None and written.tzinfo and written.date() != reprint_day:
            # Read on one clock, not the reprint's own: the day as that clock has it, and a moment that passes.
            clock = f"the original's clock ({original.tzname()})" if _aware(original) else "UTC"  # type: ignore[union-attr]
            zone = _days_clock(original)
            detail += f"; 'published' ({written.isoformat()}) is {reprint_day} on {clock}, the clock days are read on"
            first = dt.datetime.combine(earliest_day, dt.time(), tzinfo=zone).isoformat()
            fix = f"Publish on {earliest_day.isoformat()} or later on {clock} (set 'published' to {first} or later)."
        there = " there" if params.timezone is not None else _clock_said(original, context.today)
        detail += "" if said else _checked_as_of(published, scheduled, None if later else today, there)
        yield Problem.about(reprint, key, detail=detail, fix=fix)


def _to_the_minute(moment: dt.datetime) -> dt.datetime:
    """``moment``, or the next whole minute when it falls within one (09:00:30 is told as 09:01, not 09:00)."""
    if not moment.second and not moment.microsecond:
        return moment
    try:
        return moment.replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
    except OverflowError:  # the last minute dates hold
        return moment


def _offset_clock(value: dt.date | dt.datetime | None) -> dt.tzinfo | None:
    """The clock a date-time is written on, when it has an offset other than UTC's (None otherwise)."""
    if isinstance(value, dt.datetime) and value.tzinfo is not None and value.utcoffset():
        return value.tzinfo
    return None


def _on_clock(moment: dt.datetime, value: dt.datetime | dt.date | None) -> str:
    """``moment`` as ``value``'s clock shows it (``2025-03-02T10:00:00+05:30``), a value to write as it stands."""
    return moment.astimezone(_offset_clock(value)).isoformat()


def _clock_said(original: dt.date | dt.datetime, today: dt.date) -> str:
    """The clock today's day was read on, without a ``timezone``: the original's, else UTC (not this
    machine's); nothing for a day the caller gave (``today``), which is on no clock."""
    if today != dt.date.today():
        return ""
    return f" on the original's clock, {original.tzname()}" if _aware(original) else " UTC"  # type: ignore[union-attr]


def _checked_as_of(
    published: object,
    scheduled: tuple[str, dt.date | dt.datetime] | None,
    now: dt.date | dt.datetime | None,
    there: str = "",
) -> str:
    """What the reprint's date was taken to be, when the metadata gives no ``published``: today (``now``), or
    the date the site's own key schedules it for."""
    if published is not None:
        return ""
    if now is None and scheduled is not None:
        return f"; its '{scheduled[0]}' ({_shown(scheduled[1])}) is when it goes out"
    shown = _shown(now) if now is not None else "now"
    return f"; with no 'published' date it is checked as going out now ({shown}{there})"


def _shown(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M UTC") if value.tzinfo == dt.UTC else value.isoformat()
    return value.isoformat()


def _set(key: str) -> str:
    """The key a fix asks to set: the one the reprint's date was read from, else ``published``."""
    return "published" if key == "original_published" else key
