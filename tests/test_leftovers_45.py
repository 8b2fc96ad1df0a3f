"""The forty-fifth session's mends of what earlier sessions left: a draft's date to come is the day a
permission is held to, as it is the day a delay is counted to. Each through the real CLI, on real files."""

from __future__ import annotations

import datetime as dt

BODY = (
    "Water meters came.\n\n*The original source of this article is [Global Research]"
    "(https://www.globalresearch.ca/a/5812345).*\n\nCopyright © Marta Kowalczyk, Global Research, 2025\n"
)


def _draft(tmp_path, date: dt.date, record: str, draft: bool = True):
    page = tmp_path / "draft.md"
    page.write_text(
        "---\ntitle: T\nauthor: Marta Kowalczyk\noriginal_url: https://www.globalresearch.ca/a/5812345\n"
        f"original_published: 2025-01-01\ndate: {date.isoformat()}\n{'draft: true' if draft else ''}\n"
        f"commercial: true\npermissions: [{record}]\n---\n" + BODY,
        encoding="utf-8",
    )
    return page


def _rules(cli, page) -> list[str]:
    run = cli("check", str(page), "--no-config", "--format", "json")
    assert run.code in (0, 1), run.out + run.err
    return [f["rule"] for f in run.json()["results"][0]["findings"]]


def test_a_permission_is_held_to_a_drafts_date_still_to_come(tmp_path, cli):
    """A draft dated next quarter goes out then (the timing rules and the report read it so): a permission
    that expires next week does not cover it. It was held to today, and passed."""
    today = dt.date.today()
    soon = today + dt.timedelta(days=7)
    later = today + dt.timedelta(days=90)
    record = f"{{from: publications@globalresearch.ca, date: 2025-02-15, expires: {soon}, scope: [commercial]}}"
    assert _rules(cli, _draft(tmp_path, later, record)) == ["global-research/commercial-permission"]
    # Lasting past the draft's day, it covers it; so does the same record for a page dated next week.
    lasting = record.replace(str(soon), str(later + dt.timedelta(days=1)))
    assert _rules(cli, _draft(tmp_path, later, lasting)) == []
    assert _rules(cli, _draft(tmp_path, today + dt.timedelta(days=3), record)) == []


def test_a_drafts_date_begun_in_the_past_is_no_day_a_permission_is_held_to(tmp_path, cli):
    """A draft's past date is when it was begun: the page is held to today, by which a record given last
    week was given, and which a record expiring tomorrow still covers."""
    today = dt.date.today()
    record = (
        f"{{from: publications@globalresearch.ca, date: {today - dt.timedelta(days=7)}, "
        f"expires: {today + dt.timedelta(days=1)}, scope: [commercial]}}"
    )
    assert _rules(cli, _draft(tmp_path, today - dt.timedelta(days=30), record)) == []
    # Not a draft, the page went out on that date, before the record was given.
    assert _rules(cli, _draft(tmp_path, today - dt.timedelta(days=30), record, draft=False)) == [
        "global-research/commercial-permission"
    ]


def test_a_copyright_notice_naming_the_author_turns_a_surname_first_name_round(tmp_path, cli):
    """``credit`` and ``--fix`` turn "Ruiz, Ana" round in a byline; the copyright notice, which names the
    author when no ``copyright_holder`` is given, wrote "Copyright © Ruiz, Ana, Global Research, 2025". A
    holder given as such is written as given."""
    meta = ["--meta", "original_url=https://www.globalresearch.ca/a/5812345", "--meta", "original_published=2025-01-01"]
    turned = cli("credit", "--policy", "global-research", "--meta", "author=Ruiz, Ana", *meta)
    assert turned.code == 0 and "Copyright © Ana Ruiz, Global Research, 2025" in turned.out, turned.out
    given = cli(
        "credit",
        "--policy",
        "global-research",
        "--meta",
        "author=Ruiz, Ana",
        "--meta",
        "copyright_holder=Ruiz Press",
        *meta,
    )
    assert "Copyright © Ruiz Press, Global Research, 2025" in given.out, given.out
    page = tmp_path / "turn.md"
    page.write_text(
        '---\nauthor: "Ruiz, Ana"\noriginal_url: https://www.globalresearch.ca/a/5812345\n'
        "original_published: 2025-01-01\ncommercial: false\nmedium: web\n---\nText here.\n",
        encoding="utf-8",
    )
    assert cli("check", str(page), "--no-config", "--fix").code == 0
    assert "Copyright © Ana Ruiz, Global Research, 2025" in page.read_text(encoding="utf-8")
    assert cli("check", str(page), "--no-config").code == 0
