"""A policy pattern a text can make RE2 follow too many places of at once is refused where it is written.

RE2 compiles ``x`` then ``.*a`` 2,600 times (7,800 characters, under the length limit), but its DFA runs
out of memory on an article made for it and RE2 falls back to its NFA: 6 s per 100 KB, minutes per rule on
a file at the size limit. A pull request may bring such a policy in its ``rules/`` folder: the run stops on
it at once with one line naming the file, the pattern's line and column (exit status 2), and changes no file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import cpu_seconds
from reprint_guard.checks.base import search_places
from reprint_guard.limits import MAX_SEARCH_PLACES

ROOT = Path(__file__).resolve().parent.parent

HEAD = """id: local-terms
name: Local terms
publisher: Example News
source_url: https://example.org/terms
terms_read: 2026-01-01
applies_to: [example.org]
rules:
"""

ARTICLE = "---\ntitle: A story\noriginal_url: https://example.org/story\n---\n\nHello world, an ordinary story.\n"

#: The defect's pattern: 7,801 characters, RE2 program size 23,405.
HOSTILE = "x" + ".*a" * 2600


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "reprint_guard", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _project(tmp_path: Path, policy: str, article: str = ARTICLE) -> tuple[Path, Path]:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "local.yaml").write_text(policy, encoding="utf-8")
    page = tmp_path / "story.md"
    page.write_text(article, encoding="utf-8")
    return rules / "local.yaml", page


def _said(line: int, field: str, places: int) -> str:
    return (
        f"reprint-guard: rules/local.yaml:{line}:5: rule 'costly', field '{field}': pattern too costly to search: "
        f"an article made for it can make RE2 follow about {places:,} places of it at once (at most "
        f"{MAX_SEARCH_PLACES:,}; about 1.1 ms per 100 KB of article each): write it with fewer alternatives, "
        "repeats and '.*', or split it into rules\n"
    )


def _text_rule(pattern: str) -> str:
    return f"  - id: costly\n    check: text\n    mode: forbid\n    pattern: '{pattern}'\n    message: Not here\n"


#: Patterns under the length limit that RE2 compiles and an article made for each searches slowly (per
#: 100 KB, measured before this limit: 6 s, 1.1-1.4 s, 5.1 s, 1.2 s), with the places each counts.
COSTLY = {
    "unanchored-dot-stars": (HOSTILE, 5201),
    "a-letter-2000-times": ("a" * 2000, 2001),
    "optional-letters": ("a?" * 2600 + "b" * 2600, 7801),
    # No two neighbours share a start (RE2 would merge them): every one is tried at each byte.
    "many-alternatives-and-a-wide-tail": (
        "(?:"
        + "|".join(f"{c}{d}{e}" for e in "cdefgh" for d in "ijklmnop" for c in "cdefghijklmnopqrstuvwxyz")
        + ")|[ab]*a"
        + "[ab]" * 15
        + "y",
        1224,
    ),
}


@pytest.mark.parametrize("name", sorted(COSTLY))
def test_a_costly_pattern_stops_the_run_at_its_line_and_changes_nothing(tmp_path, name):
    pattern, places = COSTLY[name]
    assert search_places(pattern) == places > MAX_SEARCH_PLACES and len(pattern) <= 8000
    policy, page = _project(tmp_path, HEAD + _text_rule(pattern))
    before = (policy.read_bytes(), page.read_bytes())
    for args in (("check", "story.md", "--rules-dir", "rules"), ("check", "--fix", "story.md", "--rules-dir", "rules")):
        run = _cli(*args, cwd=tmp_path)
        assert (run.returncode, run.stdout, run.stderr) == (2, "", _said(11, "pattern", places)), args
    assert (policy.read_bytes(), page.read_bytes()) == before


def test_the_defects_pattern_is_refused_at_once_not_searched_for_seconds(tmp_path):
    """The article made for it took 6 s per 100 KB to check; the run now stops before reading it."""
    article = ARTICLE.replace("Hello world", "x" + "ab" * 50_000)
    _, page = _project(tmp_path, HEAD + _text_rule(HOSTILE), article)
    start = cpu_seconds()
    run = _cli("check", "story.md", "--rules-dir", "rules", cwd=tmp_path)
    took = cpu_seconds() - start
    assert (run.returncode, run.stderr) == (2, _said(11, "pattern", 5201))
    assert search_places(HOSTILE) == 5201
    assert took < 4  # the CLI's start, and no search
    assert page.read_text(encoding="utf-8") == article


def test_groups_nested_past_what_the_count_reads_are_refused_at_their_line(tmp_path):
    """RE2 takes a thousand nested groups; the count reads 200 deep (a pattern's words nest a few deep)."""
    _project(tmp_path, HEAD + _text_rule("(" * 201 + "a" + ")" * 201))
    run = _cli("check", "story.md", "--rules-dir", "rules", cwd=tmp_path)
    said = "reprint-guard: rules/local.yaml:11:5: rule 'costly', field 'pattern': pattern nests groups more than 200 "
    said += "deep\n"
    assert (run.returncode, run.stdout, run.stderr) == (2, "", said)
    (tmp_path / "ok").mkdir()
    _project(tmp_path / "ok", HEAD + _text_rule("(" * 200 + "a" + ")" * 200))
    run = _cli("validate", "rules/local.yaml", cwd=tmp_path / "ok")
    assert (run.returncode, run.stdout) == (0, "rules/local.yaml: valid\n")


def test_an_unless_and_a_media_except_are_held_to_it_too(tmp_path):
    unless = (
        "  - id: costly\n    check: text\n    mode: forbid\n    pattern: edited\n"
        f"    unless: '{HOSTILE}'\n    message: Not here\n"
    )
    _project(tmp_path, HEAD + unless)
    run = _cli("check", "story.md", "--rules-dir", "rules", cwd=tmp_path)
    assert (run.returncode, run.stdout, run.stderr) == (2, "", _said(12, "unless", 5201))
    media = (
        "  - id: costly\n    check: media\n    mode: permission\n    scope: photos\n"
        f"    except: '{'a' * 2000}'\n    message: Not here\n"
    )
    (tmp_path / "rules" / "local.yaml").write_text(HEAD + media, encoding="utf-8")
    run = _cli("validate", "rules/local.yaml", cwd=tmp_path)
    assert run.returncode == 1 and run.stdout.startswith(_said(12, "except", 2001)[len("reprint-guard: ") : -1])


def test_an_amendment_that_makes_an_inherited_pattern_too_costly_is_told_at_its_own_line(tmp_path):
    """A pattern of 581 places is taken; an amendment that adds as many to it (``extend``) is told where it
    wrote them, as a bad pattern an amendment adds is, and the run stops there."""
    base = HEAD.replace("local-terms", "base-terms").replace("applies_to: [example.org]", "applies_to: [example.net]")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "base.yaml").write_text(base + _text_rule("x" + ".*a" * 290), encoding="utf-8")
    amendment = HEAD.replace("rules:\n", "extends: base-terms\nrules:\n") + (
        "  - id: costly\n    extend:\n      pattern: '" + "y" + ".*a" * 290 + "'\n"
    )
    (tmp_path / "rules" / "local.yaml").write_text(amendment, encoding="utf-8")
    (tmp_path / "story.md").write_text(ARTICLE, encoding="utf-8")
    assert search_places("x" + ".*a" * 290) == search_places("y" + ".*a" * 290) == 581
    run = _cli("validate", "--rules-dir", "rules", "rules/base.yaml", cwd=tmp_path)
    assert (run.returncode, run.stdout) == (0, "rules/base.yaml: valid\n")
    run = _cli("check", "story.md", "--rules-dir", "rules", cwd=tmp_path)
    joined = f"(?:x{'.*a' * 290})|(?:y{'.*a' * 290})"  # each "a" of both may be matched at once
    assert search_places(joined) == 1162
    said = _said(11, "pattern", 1162).replace(":11:5:", ":11:7:")
    assert (run.returncode, run.stdout, run.stderr) == (2, "", said)


def test_every_bundled_policy_loads_as_a_policy_of_ones_own_with_room_to_spare(tmp_path):
    """Each bundled file, copied into a rules folder (so validated as a pull request's policy is), is valid,
    and each of its patterns counts well under the limit (the largest, changes-indicated's, about 600)."""
    import yaml

    rules = tmp_path / "rules"
    rules.mkdir()
    largest = 0
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        shutil.copy(path, rules / path.name)
        for rule in yaml.safe_load(path.read_text(encoding="utf-8")).get("rules") or []:
            for key in ("pattern", "unless", "except"):
                written = rule.get(key, (rule.get("extend") or {}).get(key))
                if isinstance(written, str):
                    largest = max(largest, search_places(written))
    assert 400 < largest <= MAX_SEARCH_PLACES * 2 // 3
    run = _cli("validate", "--rules-dir", "rules", *sorted(f"rules/{p.name}" for p in rules.iterdir()), cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.count(": valid") == len(list(rules.iterdir()))


@pytest.mark.parametrize(
    ("pattern", "places"),
    [
        ("edited", 3),  # a word: the place to start at, and "edite" leaves its first and last "e" matched
        ("edited|abridged|shortened", 5),
        ("word1|word2|word3", 2),  # neighbours sharing a start: merged by RE2
        ("a" * 50, 51),  # every prefix of a run of one letter ends the longest
        ("abcabcabc", 4),
        ("x" + ".*a" * 10, 21),
        (r"\bthe (?:article|story)\b", 3),
        ("(?i)AAAA", 5),  # read without case
        ("a{3}b", 5),  # a counted repeat's copies
        (r"\Qaaa\E", 4),
        ("https://example.org/slug/pixel", 3),
        ("https://example.org/{slug}/pixel", 5),  # a placeholder counts as the .* it is searched as
    ],
)
def test_search_places_counts_what_a_text_can_keep_matched(pattern, places):
    assert search_places(pattern) == places
