"""Dates and times as a rights desk meets them: embargoes in hours and calendar days, offsets, the clock.

Each test here failed before its fix. The expected results come from a small reference written with
``datetime`` and ``zoneinfo`` (what the README says the rules mean), not from the code under test.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import run_cli
from reprint_guard import check

ORIGINAL = "https://n.example/a"


def _policy(folder: Path, name: str, rule: str) -> Path:
    """A one-rule policy for n.example."""
    path = folder / f"{name}.yaml"
    path.write_text(
        f"id: {name}\nname: N\npublisher: N\nsource_url: https://n.example/terms\napplies_to: [n.example]\n"
        f"contacts: [rights@n.example]\nrules:\n  - id: r\n{rule}    message: Too soon\n",
        encoding="utf-8",
    )
    return path


def _days_policy(folder: Path, days: int) -> Path:
    return _policy(folder, f"d{days}", f"    check: timing\n    after_days: {days}\n")


def _reference_day(original: dt.datetime | dt.date, moment: dt.datetime) -> tuple[dt.date, dt.date]:
    """The README's rule for calendar days without a ``timezone``: the original's day as written, and a
    reprint moment's day on the original's clock when it gives one, else in UTC."""
    if isinstance(original, dt.datetime):
        clock = original.tzinfo or dt.UTC
        return original.date(), moment.astimezone(clock).date()
    return original, moment.astimezone(dt.UTC).date()


# Now, read on the right clock -------------------------------------------------------------------------------


@pytest.mark.parametrize("hours", [-12, -3, 0, 5.5, 13])
@pytest.mark.parametrize("days", [0, 1])
def test_now_is_read_on_the_clock_a_published_moment_is_read_on(tmp_path, hours, days):
    """With no ``published``, the reprint goes out now: a moment, whose day an ``after_days`` rule without a
    ``timezone`` reads on the original's clock, as it reads the same moment written as ``published``. It
    was read as this machine's date, so a story published at 19:00 -07:00 on the 5th passed a next-day rule
    at 19:30 there (02:30 UTC on the 6th, this machine's date)."""
    policy = _days_policy(tmp_path, days)
    clock = dt.timezone(dt.timedelta(hours=hours))
    original = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=2)).astimezone(clock).replace(microsecond=0)
    meta = {"original_url": ORIGINAL, "original_published": original.isoformat()}
    before = dt.datetime.now(dt.UTC)
    unset = [f.message for f in check("Text.", meta, policy=policy).findings]
    after = dt.datetime.now(dt.UTC)
    if before.astimezone(clock).date() != after.astimezone(clock).date():
        pytest.skip("midnight passed on the original's clock during the check")
    original_day, reprint_day = _reference_day(original, after)
    assert bool(unset) == (reprint_day < original_day + dt.timedelta(days=days)), unset
    written = check("Text.", {**meta, "published": after.isoformat()}, policy=policy).findings
    assert bool(unset) == bool(written)  # absent is now: the same day as now written out
    if unset:
        assert f"checked as going out now ({reprint_day} on the original's clock, " in unset[0]


def test_now_is_not_this_machines_date_for_a_date_alone(tmp_path):
    """A date alone names no clock, so now's day is UTC's (as a ``published`` moment's is), whatever zone the
    machine running the check is set to: a desk's laptop and the CI server agree."""
    now = dt.datetime.now(dt.UTC)
    # A machine zone whose date differs from UTC's now: behind it before noon UTC, ahead of it after.
    zone, days = ("Etc/GMT+12", 0) if now.hour < 12 else ("Etc/GMT-14", 1)
    _days_policy(tmp_path, days)
    story = tmp_path / "a.md"
    story.write_text(
        f"---\noriginal_url: {ORIGINAL}\noriginal_published: {now.date().isoformat()}\n---\nText.\n", encoding="utf-8"
    )
    run = run_cli("check", str(story), "--policy", str(tmp_path / f"d{days}.yaml"), env={"TZ": zone})
    if dt.datetime.now(dt.UTC).date() != now.date():
        pytest.skip("midnight passed in UTC during the run")
    if days == 0:  # UTC's today is the original's day: allowed, though the machine's date is the day before
        assert run.code == 0, run.out + run.err
    else:  # the next day is tomorrow in UTC, though it is already the machine's date
        assert run.code == 1, run.out + run.err
        assert f"checked as going out now ({now.date().isoformat()} UTC)" in run.out


# A page's own dates -----------------------------------------------------------------------------------------


def _page(original_date: str, published: str) -> str:
    """A republished page that declares its original and both dates, as a CMS's SEO plugin writes them."""
    ld = (
        '{"@type": "NewsArticle", "datePublished": "' + published + '", "isBasedOn": {"@type": "NewsArticle", '
        '"url": "' + ORIGINAL + '", "datePublished": "' + original_date + '"}}'
    )
    return (
        f'<!doctype html><html><head><link rel="canonical" href="{ORIGINAL}">'
        f'<script type="application/ld+json">{ld}</script></head>'
        "<body><article><p>Text.</p></article></body></html>\n"
    )


@pytest.mark.parametrize("original_date", ["2026-03-02", "20260302"])
def test_a_pages_date_alone_in_the_basic_form_stays_a_day(tmp_path, original_date):
    """JSON-LD's ``datePublished`` of the original written in ISO 8601's basic form ("20260302") was read as
    that day's midnight, so a 24-hour embargo ran from the start of the day, not from its end, as it does
    for "2026-03-02" (the original may have come out at its last moment)."""
    policy = _policy(tmp_path, "h24", "    check: timing\n    after_hours: 24\n")
    page = tmp_path / "a.html"
    page.write_text(_page(original_date, "2026-03-03T12:00:00Z"), encoding="utf-8")
    run = run_cli("check", str(page), "--policy", str(policy), "--format", "json")
    [result] = run.json()["results"]
    [finding] = result["findings"]
    assert "not before 2026-03-04 00:00 UTC ('original_published' gives no time of day" in finding["message"]


def test_a_pages_date_time_in_lower_case_is_read_as_front_matter_reads_it(tmp_path):
    """``2026-03-03t12:00:00z`` is a date-time to YAML front matter and to ``--meta``; on a page it was passed
    over as unreadable, and the reprint was checked as going out now."""
    policy = _policy(tmp_path, "h24", "    check: timing\n    after_hours: 24\n")
    page = tmp_path / "a.html"
    page.write_text(_page("2026-03-02T13:00:00Z", "2026-03-03t12:00:00z"), encoding="utf-8")
    run = run_cli("check", str(page), "--policy", str(policy), "--format", "json")
    [result] = run.json()["results"]
    [finding] = result["findings"]
    assert finding["message"] == "Too soon (not before 2026-03-03 13:00 UTC)", finding["message"]


# What a timing finding tells -------------------------------------------------------------------------------

_CLOCKS = [dt.UTC, dt.timezone(dt.timedelta(hours=5, minutes=30)), dt.timezone(dt.timedelta(hours=-3))]


def _suggested(fix: str) -> str:
    """The ``published`` value a timing finding's fix tells to write."""
    import re

    for pattern in (r"set 'published' to (\S+) or later", r"with its time: (\S+)\)"):
        found = re.search(pattern, fix)
        if found:
            return found.group(1)
    found = re.match(r"Publish at (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) UTC", fix)
    if found:
        return f"{found.group(1)}T{found.group(2)}:00Z"
    found = re.match(r"Publish on (\d{4}-\d{2}-\d{2})", fix)
    assert found, fix
    return found.group(1)


@pytest.mark.parametrize(
    "rule", ["after_hours: 24", "after_hours: 1", "after_days: 1", "after_days: 1\n    timezone: Asia/Kolkata"]
)
def test_the_time_a_timing_fix_names_passes(tmp_path, rule):
    """Written as its fix says, ``published`` passes, and a minute earlier (for hours) it does not: the
    earliest time was told to the minute, rounded down ("not before 09:00 UTC" for 09:00:30, and 09:00
    failed), and on UTC's clock only, where the reprint's own date-time has another offset."""
    policy = _policy(tmp_path, "t", f"    check: timing\n    {rule}\n")
    for clock in _CLOCKS:
        for seconds in (0, 30):
            original = dt.datetime(2025, 2, 14, 21, 0, seconds, tzinfo=clock)
            meta = {"original_url": ORIGINAL, "original_published": original.isoformat()}
            for published in (
                original.isoformat(),
                (original + dt.timedelta(hours=20)).astimezone(_CLOCKS[1]).isoformat(),
                (original + dt.timedelta(hours=3)).astimezone(_CLOCKS[2]).isoformat(),
                original.date().isoformat(),
            ):
                findings = check("Text.", {**meta, "published": published}, policy=policy).findings
                if not findings:  # a calendar day later already
                    continue
                [finding] = findings
                value = _suggested(finding.fix or "")
                assert check("Text.", {**meta, "published": value}, policy=policy).ok, (published, finding.fix)
                if "after_hours" in rule and "T" in value:
                    sooner = dt.datetime.fromisoformat(value.replace("Z", "+00:00")) - dt.timedelta(minutes=1)
                    assert not check("Text.", {**meta, "published": sooner.isoformat()}, policy=policy).ok


def test_an_hour_delay_names_the_earliest_time_on_the_desks_own_clock(tmp_path):
    """An original and a reprint both written at +05:30 were told the earliest time in UTC alone, and the
    fix asked for a UTC time: the desk had to convert it, and writing "04:30" at +05:30 failed again."""
    policy = _policy(tmp_path, "h24", "    check: timing\n    after_hours: 24\n")
    meta = {"original_url": ORIGINAL, "original_published": "2025-03-01T10:00:00+05:30"}
    [finding] = check("Text.", {**meta, "published": "2025-03-02T09:00:00+05:30"}, policy=policy).findings
    assert (
        finding.message
        == "Too soon (not before 2025-03-02 04:30 UTC (2025-03-02T10:00:00+05:30 on the original's clock))"
    )
    assert (
        finding.fix
        == "Publish at 2025-03-02 04:30 UTC or later (set 'published' to 2025-03-02T10:00:00+05:30 or later)."
    )
    [dated] = check("Text.", {**meta, "published": "2025-03-02"}, policy=policy).findings
    assert dated.fix and dated.fix.endswith("(set 'published' with its time: 2025-03-02T10:00:00+05:30).")


def test_dates_reversed_compares_two_moments_exactly_and_days_with_a_days_grace(tmp_path):
    """What the README says of ``dates-reversed``: a day's grace between days (two time zones' same day),
    none between two date-times with offsets, which name moments."""
    policy = _days_policy(tmp_path, 0)

    def reversed_(original: str, published: str) -> bool:
        meta = {"original_url": ORIGINAL, "original_published": original, "published": published}
        return any(f.rule == "reprint-guard/dates-reversed" for f in check("Text.", meta, policy=policy).findings)

    assert reversed_("2025-03-01T22:00:00-03:00", "2025-03-02T00:30:00Z")  # 30 minutes before the original
    assert not reversed_("2025-03-01T22:00:00-03:00", "2025-03-02T01:00:00Z")  # the same moment
    assert not reversed_("2025-03-02", "2025-03-01")  # a day apart: one day in two zones
    assert reversed_("2025-03-03", "2025-03-01")


def test_today_given_as_this_machines_date_is_now(tmp_path):
    """As the README says: ``today`` set to this machine's own date is now (a CMS passing ``date.today()``),
    not that day's first moment, which another day stands for."""
    policy = _policy(tmp_path, "h0", "    check: timing\n    after_hours: 0\n")
    original = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    meta = {"original_url": ORIGINAL, "original_published": original.isoformat()}
    assert check("Text.", meta, policy=policy, today=dt.date.today()).ok
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    [later] = check(
        "Text.", {**meta, "original_published": f"{tomorrow}T12:00:00Z"}, policy=policy, today=tomorrow
    ).findings
    assert f"checked as going out now ({tomorrow} 00:00 UTC)" in later.message


# A suppression's until ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("until", ["2027-05-02", '"2027-05-02"', "“2027-05-02”"])
def test_a_suppression_holds_through_its_until_day_quoted_or_not(tmp_path, until):
    """``until=`` is the last day the suppression holds; written in quotes as its reason is, it was refused
    ("until must be a date YYYY-MM-DD, not '"2027-05-02"'"), a date in that very form."""
    policy = _policy(tmp_path, "h24", "    check: timing\n    after_hours: 24\n")
    body = f'<!-- reprint-guard: ignore h24/r reason="Embargo waived by email" until={until} -->\n\nText.\n'
    meta = {"original_url": ORIGINAL, "original_published": "2099-03-01"}

    def rules(today: dt.date) -> list[str]:
        return [f.rule for f in check(body, meta, policy=policy, today=today).findings if f.suppressed is None]

    assert rules(dt.date(2027, 5, 2)) == []  # its last day
    assert rules(dt.date(2027, 5, 3)) == ["h24/r", "reprint-guard/expired-suppression"]


# A site's own date ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("site_date", "too_soon"),
    [
        ("2099-03-02", True),  # built at 00:00 UTC: 17:00 on the 1st at -07:00, before the original came out
        ("2099-03-02T06:00:00", True),  # no offset: 06:00 UTC, 23:00 on the 1st there
        ("2099-03-02T07:00:00Z", False),  # 00:00 on the 2nd there
        ("2099-03-02T00:00:00-07:00", False),
        ("2099-03-03", False),
    ],
)
def test_a_site_date_is_read_on_the_originals_clock_as_published_is(tmp_path, site_date, too_soon):
    """Hugo builds a page at its ``date``, in UTC when the date gives no offset, as the README says. Without a
    ``timezone``, an ``after_days`` rule read that date as written, not on the original's clock as it reads
    ``published``: a page built at 17:00 -07:00 on the day the original came out at 20:00 passed a next-day
    rule."""
    policy = _days_policy(tmp_path, 1)
    story = tmp_path / "a.md"
    story.write_text(
        f"---\noriginal_url: {ORIGINAL}\noriginal_published: 2099-03-01T20:00:00-07:00\ndate: {site_date}\n---\n"
        "Text.\n",
        encoding="utf-8",
    )
    run = run_cli("check", str(story), "--policy", str(policy), "--format", "json")
    findings = [f for f in run.json()["results"][0]["findings"] if f["rule"] == "d1/r"]
    assert bool(findings) == too_soon, findings
    if findings:
        [finding] = findings
        assert finding["field"] == "date"
        assert finding["fix"] == (
            "Set 'date' to 2099-03-02T00:00:00-07:00 (the first moment of 2099-03-02 on the original's clock) or later."
        ), finding["fix"]
        assert "on the original's clock" in finding["message"]
        story.write_text(story.read_text(encoding="utf-8").replace(site_date, "2099-03-02T00:00:00-07:00"))
        assert run_cli("check", str(story), "--policy", str(policy)).code == 0


# The date logic against a reference ------------------------------------------------------------------------


def _utc(value: dt.date | dt.datetime) -> dt.datetime:
    """A moment in UTC: a date-time without an offset is UTC's, a date its first moment."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC) if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)


def _reference_passes(rule: dict, original: dt.date | dt.datetime, published: dt.date | dt.datetime) -> bool:
    """The README's timing rules, written plainly with datetime and zoneinfo."""
    from zoneinfo import ZoneInfo

    if "after_hours" in rule:
        start = _utc(original) + (dt.timedelta(0) if isinstance(original, dt.datetime) else dt.timedelta(days=1))
        return _utc(published) >= start + dt.timedelta(hours=rule["after_hours"])
    if "timezone" in rule:
        zone = ZoneInfo(rule["timezone"])

        def day(value: dt.date | dt.datetime) -> dt.date:
            if not isinstance(value, dt.datetime):
                return value
            return (value.astimezone(zone) if value.tzinfo else value).date()

        return day(published) >= day(original) + dt.timedelta(days=rule["after_days"])
    if isinstance(published, dt.datetime) and published.tzinfo:
        original_day, published_day = _reference_day(original, published)
    else:
        original_day = original.date() if isinstance(original, dt.datetime) else original
        published_day = published.date() if isinstance(published, dt.datetime) else published
    return published_day >= original_day + dt.timedelta(days=rule["after_days"])


_RULES = [
    {"after_hours": 24},
    {"after_hours": 48},
    {"after_days": 1},
    {"after_days": 2},
    {"after_days": 1, "timezone": "America/Denver"},
    {"after_days": 1, "timezone": "Asia/Kolkata"},
    {"after_days": 1, "timezone": "Australia/Lord_Howe"},  # half an hour of daylight saving
]


def _a_value(rng, start: dt.datetime) -> dt.date | dt.datetime | str:
    """A date or date-time near ``start``, as a file or a CMS may give it: a date, a date-time with or
    without an offset (a daylight-saving zone's too), or the ISO string of one."""
    from zoneinfo import ZoneInfo

    moment = start + dt.timedelta(minutes=rng.randrange(0, 4 * 24 * 60, 15))
    kind = rng.randrange(5)
    if kind == 0:
        value: dt.date | dt.datetime = moment.date()
    elif kind == 1:
        value = moment
    elif kind == 2:
        value = moment.replace(tzinfo=ZoneInfo(rng.choice(["America/New_York", "Europe/London", "Australia/Sydney"])))
    else:
        offset = rng.choice([0, 5.5, -3, 14, -12, 9])
        value = moment.replace(tzinfo=dt.timezone(dt.timedelta(hours=offset)))
    return value.isoformat() if kind == 4 else value


@pytest.mark.parametrize(
    "start",
    [
        dt.datetime(2024, 2, 27, 18),  # a leap day
        dt.datetime(2026, 3, 6, 20),  # clocks go forward in New York (8 March), back in Sydney (5 April: no)
        dt.datetime(2026, 10, 30, 20),  # back in London and New York
        dt.datetime(2026, 12, 29, 20),  # a year's end
        dt.datetime(2026, 4, 4, 12),  # back in Sydney and Lord Howe
    ],
)
def test_timing_rules_agree_with_a_reference(tmp_path, start):
    """A few hundred pairs of dates around leap days, daylight-saving changes and a year's end, in every form
    the metadata takes, against the README's rules written out plainly."""
    import random

    rng = random.Random(start.toordinal())
    policies = []
    for number, rule in enumerate(_RULES):
        lines = "".join(f"    {key}: {value}\n" for key, value in rule.items())
        policies.append((rule, _policy(tmp_path, f"t{number}", f"    check: timing\n{lines}")))
    for _ in range(300):
        original, published = _a_value(rng, start), _a_value(rng, start)
        rule, policy = rng.choice(policies)
        meta = {"original_url": ORIGINAL, "original_published": original, "published": published}
        found = [f.message for f in check("Text.", meta, policy=policy, today=dt.date(2030, 1, 1)).findings]
        found = [message for message in found if message.startswith("Too soon")]

        def read(value: dt.date | dt.datetime | str) -> dt.date | dt.datetime:
            if not isinstance(value, str):
                return value
            return dt.date.fromisoformat(value) if len(value) == 10 else dt.datetime.fromisoformat(value)

        assert (not found) == _reference_passes(rule, read(original), read(published)), (rule, original, published)


def test_permission_dates_agree_with_a_reference(tmp_path):
    """A permission record holds on the day the reprint is published (and, online, today too) through its
    ``expires`` day, and counts when dated by that day (a day's grace for the grantor's time zone; undated,
    it does not count); dates
    and date-times are read as the days they are written on."""
    import random

    policy = _policy(tmp_path, "p", "    check: permission\n    scope: commercial\n")
    rng = random.Random(7)
    base = dt.date(2026, 5, 1)

    def written(day: dt.date, kind: int) -> object:
        return [
            day,
            day.isoformat(),
            f"{day}T23:30:00-08:00",
            f"{day}T00:30:00+05:30",
            dt.datetime(*day.timetuple()[:3], 12),
        ][kind]

    for _ in range(400):
        published, given, expires = (
            rng.choice([None, *(base + dt.timedelta(days=n) for n in range(-3, 4))]) for _ in "abc"
        )
        today = base + dt.timedelta(days=rng.randrange(-3, 4))
        medium = rng.choice(["web", "print"])
        record: dict = {"from": "rights@n.example", "scope": ["commercial"]}
        if given:
            record["date"] = written(given, rng.randrange(5))
        if expires:
            record["expires"] = written(expires, rng.randrange(5))
        meta = {"original_url": ORIGINAL, "permissions": [record], "medium": medium}
        if published:
            meta["published"] = written(published, rng.randrange(5))
        held_on = published if medium == "print" and published else max(published or today, today)
        latest = (min(today, published) if published else today) + dt.timedelta(days=1)
        # A record with no date counts for nothing: it may have come after the reprint went out.
        expected = (expires is None or expires >= held_on) and (given is not None and given <= latest)
        found = [f for f in check("Text.", meta, policy=policy, today=today).findings if f.rule == "p/r"]
        assert (not found) == expected, (meta, today, [f.message for f in found])
