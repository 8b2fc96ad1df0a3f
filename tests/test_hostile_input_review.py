"""A security reviewer's hostile inputs: each a one-line error naming the file and place, exit 2, in bounded
time and memory. Real files through the real CLI (``python -m reprint_guard``) and the library."""

from __future__ import annotations

import pytest

from conftest import cpu_seconds, run_cli, write
from reprint_guard import ReprintGuardError, check_text

TOML = '+++\ntitle = "T"\noriginal_url = "https://www.globalresearch.ca/x/5880533"\n'


@pytest.mark.parametrize(
    ("key", "column"),
    [(".".join(["a"] * 50_000) + " = 1", 1), ("[" + ".".join(['"a.b"'] * 40) + "]\nx = 1", 2)],
)
def test_a_dotted_toml_key_deeper_than_the_limit_is_refused_at_once(tmp_path, key, column):
    """Each part of a dotted key is a table: 50,000 parts (100 KB) took 35 s and all memory, then "internal
    error (MemoryError)", where brackets nested as deep were refused at 32 levels."""
    path = write(tmp_path / "deep.md", f"{TOML}{key}\n+++\nbody\n")
    began = cpu_seconds()
    run = run_cli("check", str(path))
    assert cpu_seconds() - began < 20
    said = f"{path}:4:{column}: TOML front matter nested deeper than 32 levels"
    assert run.code == 2 and said in run.out and "Traceback" not in run.err, run.out + run.err
    with pytest.raises(ReprintGuardError, match="nested deeper than 32 levels"):
        check_text(f"{TOML}{key}\n+++\nbody\n")


def test_dots_in_values_and_a_dotted_key_within_the_limit_are_read():
    """A version, a long dotted address in a string and a key of 20 parts are no nesting past the limit."""
    words = ".".join("abcdefghijklmnopqrstuvwxyz" + "abcdefgh")
    text = f'{TOML}version = 1.5\nurls = ["{words}"]\n' + ".".join(["a"] * 20) + " = 1\n+++\nbody\n"
    assert check_text(text).status in ("pass", "fail")


def test_a_pyproject_with_a_deep_dotted_key_is_one_line_or_not_ours(tmp_path):
    """The config's pyproject.toml was read by tomllib whole: a 60,000-part key was "internal error
    (MemoryError)". Ours is told at the key; another tool's pyproject is passed over, as one that does not read."""
    article = write(tmp_path / "ours" / "a.md", "A story of the site's own.\n")
    key = ".".join(["a"] * 60_000) + " = 1\n"
    write(tmp_path / "ours" / "pyproject.toml", f'[tool.reprint-guard]\nfail-on = "error"\n{key}')
    run = run_cli("check", str(article), cwd=tmp_path / "ours")
    assert run.code == 2 and run.err == (
        "reprint-guard: pyproject.toml:3:1: invalid TOML: a dotted key of more than 32 parts (nested too deeply)\n"
    ), run.err
    other = write(tmp_path / "other" / "a.md", "A story of the site's own.\n")
    write(tmp_path / "other" / "pyproject.toml", f"[tool.other]\nx = 1\n{key}")
    run = run_cli("check", str(other), cwd=tmp_path / "other")
    assert run.code == 0 and "Traceback" not in run.err and "MemoryError" not in run.err, run.err


HOSTILE = "id: hostile\nname: Hostile\npublisher: Hostile Pub\nsource_url: https://hostile.example/terms\n"
HOSTILE += "terms_read: 2026-11-20\nrules:\n  - id: t1\n    check: text\n    pattern: {pattern}\n    mode: forbid\n"
HOSTILE += "    message: A word the terms forbid\n"


def test_a_pattern_of_single_bytes_is_refused(tmp_path):
    r"""RE2's ``\C`` matches one byte of a character searched in UTF-8: "valid", and its findings quoted "y �" and
    stood a line above the match."""
    policy = write(tmp_path / "hostile.yaml", HOSTILE.format(pattern='"y \\\\C"'))
    run = run_cli("validate", str(policy))
    assert run.code == 1 and f"{policy}:9:5: rule 't1', field 'pattern': invalid or unsupported pattern /y \\C/ (" in (
        run.out
    ), run.out
    article = write(tmp_path / "a.md", "---\noriginal_url: https://hostile.example/a\n---\n\nBody émoji.\n")
    run = run_cli("check", str(article), "--policy", str(policy))
    assert run.code == 2 and "use '.', one character" in run.out + run.err


def test_a_hex_escape_in_braces_is_no_placeholder(tmp_path):
    r"""``\x{e9}`` is RE2's é: validate called it "{e9} is not filled in" and exited 1."""
    policy = write(tmp_path / "hostile.yaml", HOSTILE.format(pattern='"caf\\\\x{e9}"'))
    run = run_cli("validate", str(policy))
    assert run.code == 0 and "not filled in" not in run.out, run.out
    article = write(tmp_path / "a.md", "---\noriginal_url: https://hostile.example/a\n---\n\nA café by the quay.\n")
    run = run_cli("check", str(article), "--policy", str(policy), "--format", "json")
    assert [f["rule"] for f in run.json()["results"][0]["findings"]] == ["hostile/t1"]


def test_a_toml_time_of_day_as_a_date_is_told_in_the_files_words(tmp_path):
    """pydantic's "Input should be a valid datetime" named neither the value nor what it is."""
    text = '+++\noriginal_url = "https://www.globalresearch.ca/x/1"\noriginal_published = 10:00:00\n+++\n\nHi\n'
    run = run_cli("check", str(write(tmp_path / "t.md", text)))
    said = "t.md:3:1: metadata 'original_published': 10:00:00 is a time of day with no date: write it as YYYY-MM-DD"
    assert run.code == 2 and said in run.out, run.out


def test_a_device_named_as_the_policy_is_told_as_one(tmp_path):
    """It was "policy file not found", of a file that is there (a device)."""
    with pytest.raises(ReprintGuardError, match=r"^/dev/zero: not a regular file, so not read as a policy$"):
        check_text("---\noriginal_url: https://a.example/x\n---\n\nHi\n", policy="/dev/zero")
    run = run_cli("check", str(write(tmp_path / "a.md", "Hi\n")), "--policy", "/dev/zero")
    assert run.code == 2 and "/dev/zero: not a regular file, so not read as a policy" in run.out + run.err


def test_dots_in_a_comment_or_a_multi_line_string_are_no_key(tmp_path):
    """The screen read them as a dotted key of 40 parts, and refused valid TOML (the review of the day's
    changes); a key as deep after them is still refused."""
    dots = " ".join(f"1.{i}.0." for i in range(40))
    text = f'{TOML}description = """\nReleases: {dots}\n"""\n# {dots}\n+++\nbody\n'
    assert check_text(text).status in ("pass", "fail")
    project = write(tmp_path / "pyproject.toml", f'[tool.reprint-guard]\nfail-on = "error"\n# {dots}\n')
    article = write(tmp_path / "a.md", "A story of the site's own.\n")
    assert run_cli("check", str(article), cwd=project.parent).code == 0
    deep = ".".join(["a"] * 40)
    with pytest.raises(ReprintGuardError, match="nested deeper than 32 levels"):
        check_text(f'{TOML}description = """\n{dots}\n"""\n{deep} = 1\n+++\nbody\n')
