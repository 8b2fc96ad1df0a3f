"""A CMS's library calls on pages of a Hugo site: the section's cascade is read with a config or without one
(as ``check --no-config`` reads it), threads with configs of their own do not get each other's answers, and a
site file's slip is a ``ConfigWarning``, never a line the library writes on standard error."""

from __future__ import annotations

import json
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import reprint_guard
from reprint_guard.api import ConfigWarning
from reprint_guard.errors import SiteFileError

TODAY = "2026-12-04"
STORY = (
    "\nThe county voted on Tuesday to close the river crossing for repairs.\n\n"
    "This article was originally published by [Global Research](https://www.globalresearch.ca/river-crossing/5800001).\n\n"
    "Copyright © Ana Ruiz, Global Research, 2026\n"
)


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _page(number: int) -> str:
    return (
        f"---\ntitle: Crossing {number}\nauthor: Ana Ruiz\n"
        "original_url: https://www.globalresearch.ca/river-crossing/5800001\n"
        "original_published: 2026-11-30\nmedium: web\n---\n" + STORY
    )


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Hugo site whose ``ads`` section is marked by a key of the site's own (``isAd``), which a config maps
    onto ``commercial``, and whose ``pp`` section's cascade names the policy and says the reprint is not sold."""
    _write(tmp_path, "hugo.toml", 'baseURL = "https://valleyledger.example/"\n')
    _write(tmp_path, "content/ads/_index.md", "---\ntitle: Sponsored\ncascade:\n  isAd: true\n---\n")
    for number in range(12):
        _write(tmp_path, f"content/ads/s{number}.md", _page(number))
    _write(
        tmp_path,
        "content/pp/_index.md",
        "---\ntitle: ProPublica\ncascade:\n  policy: propublica\n  commercial: false\n---\n",
    )
    _write(tmp_path, "content/pp/bills.md", "---\ntitle: Bills\nauthor: Ana Ruiz\n---\n\nThe bill passed.\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _rules(result: reprint_guard.Result) -> tuple[str, ...]:
    return tuple(sorted(finding.rule for finding in result.findings))


def test_check_file_without_a_config_reads_the_sections_cascade_as_the_command_line_does(site, cli):
    result = reprint_guard.check_file("content/pp/bills.md", today=TODAY)
    run = cli("check", "--no-config", "--format", "json", "content/pp/bills.md", cwd=site)
    from_cli = json.loads(run.out)["results"][0]
    assert result.status == "fail" == from_cli["status"]
    assert result.policy == "propublica" == from_cli["policy"]
    assert _rules(result) == tuple(sorted(finding["rule"] for finding in from_cli["findings"]))


def test_check_file_without_a_config_raises_on_a_section_page_that_does_not_read(site):
    _write(site, "content/pp/_index.md", "---\ntitle: ProPublica\ncascade:\n  commercial: [\n---\n")
    with pytest.raises(SiteFileError) as raised:
        reprint_guard.check_file("content/pp/bills.md", today=TODAY)
    assert "_index.md:4" in str(raised.value)


def test_threads_with_configs_of_their_own_get_their_own_answers(site):
    mapped = {"front-matter": {"isAd": "commercial"}}
    pages = sorted(str(path.relative_to(site)) for path in (site / "content/ads").glob("s*.md"))
    jobs = [(page, mapped if index % 2 else {}) for index, page in enumerate(pages * 8)]

    def run(job: tuple[str, dict]) -> tuple[str, ...]:
        return _rules(reprint_guard.check_file(job[0], config=job[1], today=TODAY))

    one_by_one = [run(job) for job in jobs]
    # The config that maps isAd onto commercial makes each page a commercial reprint with no permission.
    assert {answer for job, answer in zip(jobs, one_by_one, strict=True) if job[1]} == {
        ("global-research/commercial-permission",)
    }
    assert all(
        "global-research/commercial-permission" not in answer
        for job, answer in zip(jobs, one_by_one, strict=True)
        if not job[1]
    )
    for _ in range(3):
        with ThreadPoolExecutor(8) as pool:
            assert list(pool.map(run, jobs)) == one_by_one


def test_a_cascade_slip_is_a_config_warning_not_a_line_on_standard_error(site, capfd):
    _write(site, "content/pp/_index.md", "---\ntitle: ProPublica\ncascade:\n  polcy: propublica\n---\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reprint_guard.check_file("content/pp/bills.md", today=TODAY)
        reprint_guard.check_file("content/pp/bills.md", config={}, today=TODAY)
    slips = [str(warning.message) for warning in caught if issubclass(warning.category, ConfigWarning)]
    assert len(slips) == 2
    assert all(slip.startswith("content/pp/_index.md:4: the cascade sets 'polcy'") for slip in slips)
    assert "did you mean 'policy'?" in slips[0]
    out, err = capfd.readouterr()
    assert out == "" and err == ""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reprint_guard.check_file("content/pp/bills.md", today=TODAY)
    assert capfd.readouterr() == ("", "")


def test_the_command_line_still_tells_a_cascade_slip_on_standard_error(site, cli):
    _write(site, "content/pp/_index.md", "---\ntitle: ProPublica\ncascade:\n  polcy: propublica\n---\n")
    run = cli("check", "--no-config", "content/pp/bills.md", cwd=site)
    assert run.err.count("reprint-guard: warning: content/pp/_index.md:4: the cascade sets 'polcy'") == 1
    assert "ConfigWarning" not in run.err
