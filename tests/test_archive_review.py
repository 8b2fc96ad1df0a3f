"""A compliance officer's review of the tool against an archive of old reprints: licences written as people write
them (elements in another order, "v4.0", a deed URL beside the name, 2.5), a ported licence named without its port
in the metadata, reversed dates whatever policy, a static site's ``date`` as the reprint's date for timing, a
whole policy's ``explain`` readable by a legal team, and a licence's finding the same however it is spelt."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import write

#: A Coast Watch reprint (a host no policy covers): NonCommercial and NoDerivatives both broken.
COASTWATCH = """\
---
title: Salt marsh restoration
author: Ilse Varga
original_url: https://coastwatch.example/2018/salt-marsh
original_published: 2018-07-01
published: 2018-07-03
commercial: true
modified: true
license: {license}
---

Volunteers replanted cordgrass along the estuary.

*By Ilse Varga. Originally published by [Coast Watch](https://coastwatch.example/2018/salt-marsh).*
"""


@pytest.mark.parametrize(
    "written",
    [
        "CC BY-ND-NC 4.0",
        "by-nc-nd 4.0",
        "CC BY-NC-ND v4.0",
        "CC BY-NC-ND (4.0)",
        "CC BY-NC-ND/4.0",
        "CC BY-NC-ND 4.0 (https://creativecommons.org/licenses/by-nc-nd/4.0/)",
        "CC BY-NC-ND 4 International",
        "CC-BY-ND-NC-4.0",
        "Creative Commons Attribution-NoDerivatives-NonCommercial 4.0 International",
    ],
)
def test_a_cc_licence_written_otherwise_chooses_its_policy(tmp_path, cli, written):
    """Each of these named no Creative Commons licence known here: a NonCommercial, NoDerivatives reprint of an
    unknown host passed with a warning. Its elements, in any order, and its version, however written, name it."""
    write(tmp_path / "reprint.md", COASTWATCH.format(license=written))
    run = cli("check", "--no-config", "reprint.md", cwd=tmp_path)
    assert run.code == 1, run.out + run.err
    assert "cc-by-nc-nd-4.0/noncommercial" in run.out and "cc-by-nc-nd-4.0/no-derivatives" in run.out, run.out
    assert "names no Creative Commons licence" not in run.out


def test_a_deed_url_beside_the_name_is_read_when_they_agree(tmp_path, cli):
    deed = "https://creativecommons.org/licenses/by-nc-nd/4.0/"
    write(tmp_path / "reprint.md", COASTWATCH.format(license=f"Licensed under {deed}"))
    run = cli("check", "--no-config", "reprint.md", cwd=tmp_path)
    assert "cc-by-nc-nd-4.0/noncommercial" in run.out, run.out
    write(tmp_path / "reprint.md", COASTWATCH.format(license=f"CC BY-ND 4.0 ({deed})"))
    run = cli("check", "--no-config", "reprint.md", cwd=tmp_path)
    assert "names no Creative Commons licence known here" in run.out, run.out  # two licences: neither


POLICY = """\
id: coastwatch
name: x
publisher: Coast Watch
source_url: https://coastwatch.example/terms
terms_read: 2026-01-01
applies_to: [coastwatch.example]
extends: cc-by-nc-nd-4.0
rules:
  - id: license
    check: license
    licenses: [{licence}]
    message: m
"""


def test_validate_reads_the_elements_in_any_order_and_a_suggestion_keeps_them(tmp_path, cli):
    """validate said 'CC-BY-ND-NC-4.0' is no licence, "did you mean 'CC-BY-ND-4.0'?": NonCommercial dropped."""
    write(tmp_path / "reordered.yaml", POLICY.format(licence="CC-BY-ND-NC-4.0"))
    run = cli("validate", "--no-config", "reordered.yaml", cwd=tmp_path)
    assert run.code == 0 and run.out == "reordered.yaml: valid\n", run.out
    write(tmp_path / "mistyped.yaml", POLICY.format(licence="CC-BY-ND-NC-40"))
    run = cli("validate", "--no-config", "mistyped.yaml", cwd=tmp_path)
    assert run.code == 1 and "did you mean 'CC-BY-NC-ND-4.0'?" in run.out, run.out
    # The metadata's licence unread: the fix's example keeps its elements too.
    write(tmp_path / "reprint.md", COASTWATCH.format(license="CC BY-ND-NC 4.2"))
    run = cli("check", "--no-config", "reprint.md", cwd=tmp_path)
    assert "an SPDX id (CC-BY-NC-ND-4.0)" in run.out, run.out


@pytest.mark.parametrize("written", ["CC BY-ND 2.5", "CC-BY-ND-2.5", "https://creativecommons.org/licenses/by-nd/2.5/"])
def test_the_2_5_licences_are_known_as_2_0_and_3_0_are(tmp_path, cli, written):
    write(tmp_path / "reprint.md", COASTWATCH.format(license=written))
    run = cli("check", "--no-config", "reprint.md", cwd=tmp_path)
    assert "the license 'CC-BY-ND-2.5' is not 4.0: only Creative Commons 4.0 licences" in run.out, run.out
    assert "extends cc-by-nd-4.0 and lists CC-BY-ND-2.5 in its license rule" in run.out, run.out


def test_a_policy_for_a_2_5_licence_validates_and_checks(tmp_path, cli):
    write(tmp_path / "coastwatch.yaml", POLICY.format(licence="CC-BY-NC-ND-2.5"))
    run = cli("validate", "--no-config", "coastwatch.yaml", cwd=tmp_path)
    assert run.code == 0 and "did you mean" not in run.out, run.out
    credit = "\n*Republished under a [CC BY-NC-ND 2.5](https://creativecommons.org/licenses/by-nc-nd/2.5/) licence.*\n"
    text = COASTWATCH.format(license="CC BY-NC-ND 2.5").replace("commercial: true", "commercial: false")
    write(tmp_path / "reprint.md", text.replace("modified: true", "modified: false") + credit)
    run = cli("check", "--no-config", "--policy", "coastwatch.yaml", "reprint.md", cwd=tmp_path)
    assert run.code == 0, run.out + run.err


MFP = """\
---
title: Snowpack dips below average
author: Lena Marsh
original_url: https://montanafreepress.org/2019/02/28/snowpack/
original_published: 2019-02-28
published: 2019-03-02
commercial: false
license: {license}
---

Snowpack in the upper basin is below average for the third year.

*By Lena Marsh, Montana Free Press. This story was originally published by [Montana Free \
Press](https://montanafreepress.org/2019/02/28/snowpack/) and is republished under a [CC BY-NC-ND \
3.0](https://creativecommons.org/licenses/by-nc-nd/3.0/us/) licence.*
"""


def test_a_ported_licence_named_without_its_port_in_the_metadata(tmp_path, cli):
    """Montana Free Press's licence is CC BY-NC-ND 3.0 US; the body may name it without its port, and now the
    metadata may too (it was "not one this policy covers"). The unported licence's own id and deed name another."""
    for written in ("CC BY-NC-ND 3.0", "CC BY-NC-ND v3.0", "Creative Commons BY-NC-ND 3.0"):
        write(tmp_path / "mfp.md", MFP.format(license=written))
        run = cli("check", "--no-config", "mfp.md", cwd=tmp_path)
        assert run.code == 0 and "not one this policy covers" not in run.out, (written, run.out)
    # The credit (and --fix) link the policy's deed, the US one, not the unported licence's.
    credit = cli("credit", "--no-config", "--from", "mfp.md", cwd=tmp_path)
    assert "[CC BY-NC-ND 3.0 US](https://creativecommons.org/licenses/by-nc-nd/3.0/us/)" in credit.out, credit.out
    for written in ("CC-BY-NC-ND-3.0", "https://creativecommons.org/licenses/by-nc-nd/3.0/"):
        write(tmp_path / "mfp.md", MFP.format(license=written))
        run = cli("check", "--no-config", "mfp.md", cwd=tmp_path)
        assert run.code == 1 and "not one this policy covers" in run.out, run.out


REVERSED = """\
---
title: x
author: Ilse Varga
{license}original_url: https://coastwatch.example/a/1
original_published: 2019-06-10
published: 2019-06-01
commercial: false
---

Text.
"""


def test_reversed_dates_are_told_whatever_policy_or_none(tmp_path, cli):
    """dates-reversed was told for a reprint a policy checks only: never for an unknown publisher's (one with a
    licence of no policy's, CC BY-ND 3.0, too); a licence's own policy's, CC BY-ND 4.0, was and is."""
    for license in ("", "license: CC BY-ND 3.0\n", "license: CC BY-ND 4.0\n"):
        write(tmp_path / "rev.md", REVERSED.format(license=license))
        run = cli("check", "--no-config", "--format", "json", "rev.md", cwd=tmp_path)
        (result,) = run.json()["results"]
        reversed_ = [f for f in result["findings"] if f["rule"] == "reprint-guard/dates-reversed"]
        assert len(reversed_) == 1 and reversed_[0]["line"] == 7 - (not license), (license, result["findings"])
        assert "2019-06-01" in reversed_[0]["message"] and "2019-06-10" in reversed_[0]["message"]


HUGO = """\
---
title: S
author: Lena Marsh
original_url: https://montanafreepress.org/2019/02/28/snowpack/
original_published: 2019-02-28
{date}
commercial: false
---

Snowpack in the upper basin is below average.

*By Lena Marsh, Montana Free Press. This story was originally published by [Montana Free \
Press](https://montanafreepress.org/2019/02/28/snowpack/) and is republished under a [CC BY-NC-ND 3.0 \
US](https://creativecommons.org/licenses/by-nc-nd/3.0/us/) licence.*
"""


def test_a_static_sites_date_is_the_reprints_date_for_timing(tmp_path, cli):
    """A same-day reprint dated by Hugo's ``date:`` passed not-before-next-day (checked as going out now),
    while ``published:`` with the same value failed; dates-reversed already read ``date``."""
    write(tmp_path / "hugo.md", HUGO.format(date="date: 2019-02-28T21:00:00-07:00"))
    write(tmp_path / "published.md", HUGO.format(date="published: 2019-02-28T21:00:00-07:00"))
    for name in ("hugo.md", "published.md"):
        run = cli("check", "--no-config", name, cwd=tmp_path)
        assert run.code == 1 and "montana-free-press/not-before-next-day" in run.out, run.out
    run = cli("check", "--no-config", "hugo.md", cwd=tmp_path)
    assert "its 'date' (2019-02-28T21:00:00-07:00) is when it goes out" in run.out, run.out
    assert "set 'date' to 2019-03-01T00:00:00-07:00 or later" in run.out, run.out
    write(tmp_path / "next-day.md", HUGO.format(date="date: 2019-03-01T08:00:00-07:00"))
    assert cli("check", "--no-config", "next-day.md", cwd=tmp_path).code == 0
    # A draft's date is when it was begun, not when it goes out: a past one is not its date (checked as now).
    write(tmp_path / "draft.md", HUGO.format(date="date: 2019-02-28T21:00:00-07:00\ndraft: true"))
    run = cli("check", "--no-config", "draft.md", cwd=tmp_path)
    assert "not-before-next-day" not in run.out, run.out


def test_explain_a_whole_policy_gives_each_rules_words_not_its_patterns(cli):
    """``explain propublica`` printed 40 KB, one table line of 14,338 characters of raw regex. Each rule now
    comes with what it reports, what it checks, the term and where it was read; patterns are cut, with the
    rule's own explain named for them."""
    run = cli("explain", "--no-config", "propublica")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert max(len(line) for line in lines) <= 200, max(lines, key=len)
    assert "#### `propublica/no-added-restrictions` (error, text check; from `cc-by-nc-nd-4.0`)" in lines
    assert "- What it checks: A notice reserving all rights over the licensed text, in English or as French," in lines
    assert (
        "- Source: <https://creativecommons.org/licenses/by-nc-nd/4.0/legalcode> (read 2026-11-20), the terms" in lines
    )
    assert (
        "- Source: <https://www.propublica.org/steal-our-stories> (read 2026-11-20); confidence: second-hand" in lines
    )
    assert "(5,705 characters: `reprint-guard explain propublica/no-added-restrictions`)" in run.out.replace(
        "\n  ", " "
    )
    assert "|hak cipta dilindungi undang-undang|" not in run.out
    rule = cli("explain", "--no-config", "propublica/no-added-restrictions")
    (params,) = [line for line in rule.out.splitlines() if line.startswith("Parameters: ")]
    assert "characters: whole in 'reprint-guard policies --format markdown')" in params, params


def _git(repo: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", *args]
    return subprocess.run(command, cwd=repo, check=True, capture_output=True, text=True).stdout


def test_a_licence_respelt_keeps_its_finding_under_a_baseline(tmp_path, cli):
    """Rewriting ``license: CC BY-NC-ND 3.0`` as ``CC-BY-NC-ND-3.0``, the same licence, made the unknown-publisher
    warning new under --baseline-commit: its message quoted the licence as written."""
    write(tmp_path / "reprint.md", COASTWATCH.format(license="CC BY-NC-ND 3.0"))
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "base")
    write(tmp_path / "reprint.md", COASTWATCH.format(license="CC-BY-NC-ND-3.0"))
    run = cli("check", "--no-config", "--baseline-commit", "HEAD", "--format", "json", "reprint.md", cwd=tmp_path)
    assert run.code == 0, run.out + run.err
    (result,) = json.loads(run.out)["results"]
    (finding,) = [f for f in result["findings"] if f["rule"] == "reprint-guard/unknown-publisher"]
    assert "the license 'CC-BY-NC-ND-3.0' is not 4.0" in finding["message"], finding
    assert finding["suppressed"] and finding["suppressed"]["kind"] == "baseline", finding
