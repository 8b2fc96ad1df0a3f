"""Leftovers of the forty-second session: --fix on standard input, dates that are none and numbers too large
in every metadata format, an expected rule written twice, a NUL byte in a sidecar, GitHub annotations of odd
file names, SIGTERM to the Action. Real files through the real CLI and the Action's entry point."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from conftest import ROOT, run_cli, write

BASE = ROOT / "examples" / "global-research" / "markdown" / "missing-link-original-homepage.md"


@pytest.mark.parametrize("flag", ["--fix", "--diff"])
def test_fix_with_standard_input_is_refused_before_any_file_is_fixed(tmp_path, flag):
    """``check --fix a.md -`` fixed a.md, then refused standard input and exited 2: the refusal came file by
    file. It comes before anything is read or written now, one line saying what to do."""
    article = tmp_path / "a.md"
    shutil.copyfile(BASE, article)
    before = article.read_bytes()
    run = run_cli("check", "--no-config", flag, str(article), "-", stdin=before.decode())
    said = f"reprint-guard: {flag} needs files, not standard input: name the article's file instead of '-'\n"
    assert run.code == 2 and run.err == said and run.out == "", (run.code, run.out, run.err)
    assert article.read_bytes() == before


def test_sigterm_to_the_action_unwinds_as_the_command_line_does(tmp_path):
    """A cancelled workflow's SIGTERM killed the Action's step as it stood: exit -15, the SARIF log cut short
    (no JSON: a later upload step fails on it), the workers orphaned. It unwinds as ``check`` does now: one
    line, exit 143, no SARIF log half written."""
    folder = tmp_path / "site"
    folder.mkdir()
    for i in range(3000):
        shutil.copyfile(BASE, folder / f"a{i:04}.md")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INPUT_", "GITHUB_", "RUNNER_"))}
    env |= {"PYTHONPATH": str(ROOT / "src"), "GITHUB_WORKSPACE": str(folder), "INPUT_CHANGED_ONLY": "false"}
    env |= {"INPUT_SARIF": "rep/r.sarif", "GITHUB_OUTPUT": str(tmp_path / "out.txt")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "reprint_guard.action"],
        cwd=folder,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    sarif = folder / "rep" / "r.sarif"
    deadline = time.monotonic() + 60
    while not sarif.exists():  # the files found, the checks begun
        assert proc.poll() is None and time.monotonic() < deadline, "the run ended before the signal"
        time.sleep(0.01)
    time.sleep(0.5)
    assert proc.poll() is None, "the run ended before the signal"
    proc.send_signal(signal.SIGTERM)
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise AssertionError("the run hung") from None
    assert (proc.returncode, err.decode()) == (143, "reprint-guard: terminated\n")
    assert not sarif.exists() and os.listdir(folder / "rep") == []


def test_github_annotations_escape_a_file_name_with_a_line_break_and_percent_colon_comma(tmp_path):
    """The workflow command's properties take GitHub's escapes (``%`` first, then CR, LF, ``:`` and ``,``):
    a name holding them is one annotation at that file. This was right already; it is held so here."""
    folder = tmp_path / "site"
    folder.mkdir()
    shutil.copyfile(BASE, folder / "we%ird:na,me\nx.md")
    run = run_cli("check", "--no-config", "--format", "github", ".", cwd=folder)
    first = run.out.splitlines()[0]
    assert run.code == 1 and first.startswith(
        "::error file=we%25ird%3Ana%2Cme%0Ax.md,line=30,endLine=30,col=58,endColumn=87,"
        "title=global-research/link-original::The article does not hyperlink"
    ), run.out


@pytest.mark.parametrize("name", ["bad%:,\r.md", "bad\nname.md"])
def test_github_annotation_of_an_input_error_names_a_file_with_a_line_break_once(tmp_path, name):
    """An input error's annotation places it with ``file=``, ``line=`` and ``col=``, and its message leaves the
    place out: for a name with a CR or a line break in it (written ``\\x0d``, ``\\x0a`` in the message) the
    path stood in the message again."""
    folder = tmp_path / "site"
    write(folder / name, "---\ntitle: T\nauthor: A\ncommercial: maybe\n---\nbody\n")
    run = run_cli("check", "--no-config", "--format", "github", ".", cwd=folder)
    escaped = name.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A")
    escaped = escaped.replace(",", "%2C")
    said = f"::error file={escaped},line=4,col=1,title=reprint-guard/input-error::metadata 'commercial': "
    assert run.code == 2 and run.out.startswith(said), run.out


@pytest.mark.parametrize("sidecar", ["story.meta.yaml", "story.md.meta.yml"])
def test_a_nul_byte_in_a_metadata_sidecar_is_told_at_the_sidecar_as_no_sidecar_text(tmp_path, sidecar):
    """The sidecar was named with its place, but called "not a text article": it is no article."""
    write(tmp_path / "story.md", "A story.\n")
    side = tmp_path / sidecar
    side.write_bytes(b"title: T\noriginal_url: https://www.globalresearch.ca/x/5880533\nauthor: A\x00B\n")
    before = side.read_bytes()
    run = run_cli("check", "--no-config", str(tmp_path / "story.md"))
    said = f"{side}:3:10: binary file (NUL byte), not a YAML metadata sidecar (could not be checked)\n"
    assert run.code == 2 and run.out.startswith(said) and "Traceback" not in run.err, (run.out, run.err)
    assert side.read_bytes() == before


def test_an_expected_rule_written_three_times_and_reported_once_is_one_line(tmp_path):
    """``expect`` is compared as a count (a rule written twice must fire twice): a rule written three times and
    reported once printed the same "(expected 3 times, reported 1)" line twice, once per copy missed."""
    fixture = (ROOT / "tests" / "policies" / "global-research" / "link-original.md").read_text(encoding="utf-8")
    rule = "global-research/link-original@15"
    assert f"expect: [{rule}]\n" in fixture
    write(tmp_path / "global-research" / "thrice.md", fixture.replace(f"[{rule}]", f"[{rule}, {rule}, {rule}]"))
    run = run_cli("test", "--no-config", str(tmp_path / "global-research"))
    said = f"  - expected {rule}: not reported (expected 3 times, reported 1)\n    ok {rule}\n"
    assert run.code == 1 and said in run.out and run.out.count("  - expected") == 1, run.out


HINT = "write a date as YYYY-MM-DD (2025-03-10), a moment as YYYY-MM-DDTHH:MM:SS-06:00"
DATES = {  # (file name, text, the sidecar's text or None)
    "yaml": ("a.md", "---\ntitle: T\n{key}: 0000-00-00\n---\nBody.\n", None),
    "yaml-quoted": ("a.md", "---\ntitle: T\n{key}: '0000-00-00'\n---\nBody.\n", None),
    "toml": ("a.md", '+++\ntitle = "T"\n{key} = 0000-00-00\n+++\nBody.\n', None),
    "toml-quoted": ("a.md", '+++\ntitle = "T"\n{key} =  "0000-00-00"\n+++\nBody.\n', None),
    "json-front-matter": ("a.md", '{{\n"title": "T", "{key}": "0000-00-00"\n}}\nBody.\n', None),
    "json": ("a.json", '{{"metadata": {{"title": "T", "{key}": "0000-00-00"}}, "body": "Body."}}\n', None),
    "sidecar": ("a.md", "Body.\n", "title: T\n{key}: 0000-00-00\n"),
    "sidecar-quoted": ("a.md", "Body.\n", 'title: T\n{key}:  "0000-00-00"\n'),
}


@pytest.mark.parametrize("key", ["published", "original_published"])
@pytest.mark.parametrize("form", list(DATES))
def test_a_date_of_zeros_is_told_one_way_in_every_metadata_format(tmp_path, form, key):
    """``0000-00-00`` unquoted in TOML was "invalid TOML front matter: 0000-00-00 is no date (year 0 is out of
    range)", where YAML's names the key and says how to write a date; a quoted one in TOML, in JSON front
    matter and in a sidecar stood at its key, not its value. One form now, at the value (its opening quote).
    The reason was Python's for a date the YAML or TOML reader reads, pydantic's for a string (quoted): one
    reason now, quoted or not (the forty-third session)."""
    name, text, sidecar = DATES[form]
    article = write(tmp_path / name, text.format(key=key))
    shown = article if sidecar is None else write(tmp_path / "a.meta.yaml", sidecar.format(key=key))
    before = shown.read_bytes()
    written = shown.read_text(encoding="utf-8")
    at = written.index("0000-00-00")
    at -= written[at - 1] in "'\""  # a quoted value is placed at its quote
    line, column = written.count("\n", 0, at) + 1, at - written.rfind("\n", 0, at)
    run = run_cli("check", "--no-config", str(article))
    why = "there is no year 0 (years run from 0001)"
    said = f"{shown}:{line}:{column}: metadata '{key}': '0000-00-00' is not a calendar date: {why}"
    assert run.code == 2 and run.out.startswith(said + " (could not be checked)\n"), run.out
    assert shown.read_bytes() == before and "Traceback" not in run.err


def test_a_toml_permission_records_date_that_is_none_is_named_by_its_place(tmp_path):
    """In a table of an array of tables (``[[permissions]]``) an unquoted date that is none is named as YAML's
    is (``permissions.1.date``), at the value."""
    text = '+++\ntitle = "T"\n[[permissions]]\nfrom = "a@b.c"\ndate = 2026-02-03\n\n[[permissions]]\nfrom = "d@e.f"\n'
    article = write(tmp_path / "a.md", text + "date  = 2026-02-30\n+++\nBody.\n")
    run = run_cli("check", "--no-config", str(article))
    said = f"{article}:9:9: metadata 'permissions.1.date': '2026-02-30' is not a calendar date: "
    said += "February 2026 has 28 days"
    assert run.code == 2 and run.out.startswith(said + " (could not be checked)\n"), run.out


TOO_LARGE = "the number {n} is too large (it reads as infinity): quote it, or write a smaller one"
ORIGINAL = "https://www.globalresearch.ca/x/5880533"


@pytest.mark.parametrize(
    ("name", "text", "number", "kind"),
    [
        (
            "a.json",
            f'{{"metadata": {{"original_url": "{ORIGINAL}",\n "commercial": 1e400}}, "body": "B"}}',
            "1e400",
            "JSON",
        ),
        (
            "b.json",
            f'{{"metadata": {{"original_url": "{ORIGINAL}", "v": [-1E400]}}, "body": "B"}}',
            "-1E400",
            "JSON",
        ),
        ("c.md", f'+++\noriginal_url = "{ORIGINAL}"\ntitle = 1e400\n+++\nBody.\n', "1e400", "TOML front matter"),
        ("d.md", f'{{\n"original_url": "{ORIGINAL}",\n"title":  1e400\n}}\nBody.\n', "1e400", "JSON front matter"),
    ],
)
def test_a_number_too_large_for_a_float_is_refused_at_its_place(tmp_path, name, text, number, kind):
    """``1e400`` was read as infinity: checked as ``inf`` where no key of ours holds it, and told as "'inf' is not
    true or false" or "not a number (inf)" where one does, the number the file has nowhere said. It is an error
    at the number now, as JSON's NaN and Infinity are."""
    article = write(tmp_path / name, text)
    at = text.index(number)
    place = f"{text.count(chr(10), 0, at) + 1}:{at - text.rfind(chr(10), 0, at)}"
    run = run_cli("check", "--no-config", str(article))
    said = f"{article}:{place}: invalid {kind}: {TOO_LARGE.format(n=number)} (could not be checked)\n"
    assert run.code == 2 and run.out.startswith(said) and "Traceback" not in run.err, run.out + run.err


def test_tomls_own_infinity_and_large_finite_numbers_are_read():
    """TOML's ``inf`` and ``nan`` are its words for them, and ``1e300`` a number: none is refused."""
    from reprint_guard import check_text

    text = f'+++\noriginal_url = "{ORIGINAL}"\na = inf\nb = -inf\nc = nan\nd = 1e300\n+++\nBody.\n'
    assert check_text(text).status == "fail"
