"""Differential checks of the forty-eighth session's shortcuts (docs/speed-history.md, h48b) against the long
way, through the command line: inputs where the shortcut and the long way once disagreed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PAGE = """<!DOCTYPE html>
<head><title>Ferry fares</title>
<link rel="canonical" href="https://www.propublica.org/article/ferry-fares"></head>
<body><p>Fares rose twice this year.</p></body></html>
"""


def _check(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reprint_guard", "check", "--no-config", "-j", "1", "--format", "json", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_flat_sidecar_with_a_key_longer_than_yaml_reads_is_refused_at_it(tmp_path: Path) -> None:
    # YAML reads a key only up to 1024 characters: PyYAML refuses a longer one, and so must the flat reader
    # (it took the line as a key, and the page was checked as if the sidecar were sound).
    (tmp_path / "story.html").write_text(PAGE, encoding="utf-8")
    long_key = "k" * 1025
    sidecar = f"author: Ana Ruiz\ncommercial: false\n{long_key}: v\n"
    (tmp_path / "story.meta.yaml").write_text(sidecar, encoding="utf-8")
    done = _check(tmp_path)
    assert done.returncode == 2, done.stdout + done.stderr
    result = json.loads(done.stdout)["results"][0]
    assert result["status"] == "error"
    assert result["error"].endswith("story.meta.yaml:3:1026: invalid YAML: could not find expected ':'"), result
    assert "Traceback" not in done.stderr


def test_a_flat_sidecar_with_a_key_of_1024_characters_is_read(tmp_path: Path) -> None:
    # The longest key YAML reads: the sidecar is read, its unknown key told as any other's (not a YAML error).
    (tmp_path / "story.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "story.meta.yaml").write_text(f"author: Ana Ruiz\n{'k' * 1024}: v\n", encoding="utf-8")
    done = _check(tmp_path)
    assert "invalid YAML" not in done.stdout + done.stderr, done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_a_long_key_in_a_flat_sidecar_s_permission_record_is_refused_at_it(tmp_path: Path) -> None:
    (tmp_path / "story.html").write_text(PAGE, encoding="utf-8")
    sidecar = f"author: Ana Ruiz\npermissions:\n  - from: ProPublica\n    {'n' * 1025}: x\n"
    (tmp_path / "story.meta.yaml").write_text(sidecar, encoding="utf-8")
    done = _check(tmp_path)
    assert done.returncode == 2, done.stdout + done.stderr
    result = json.loads(done.stdout)["results"][0]
    assert result["error"].endswith("story.meta.yaml:4:1030: invalid YAML: could not find expected ':'"), result


def test_front_matter_with_a_key_longer_than_yaml_reads_is_refused_at_it(tmp_path: Path) -> None:
    # The flat reader read front matter before the sidecars: a key past 1024 characters was taken there too,
    # where the same front matter with a comment (read by PyYAML) was refused.
    body = "\nFares rose twice this year.\n"
    for name, line in (("plain", "v"), ("commented", "v  # a note")):
        folder = tmp_path / name
        folder.mkdir()
        front = f"---\ntitle: Ferry fares\n{'k' * 1025}: {line}\n---\n"
        (folder / "story.md").write_text(front + body, encoding="utf-8")
        done = _check(folder)
        assert done.returncode == 2, done.stdout + done.stderr
        result = json.loads(done.stdout)["results"][0]
        assert result["error"].endswith("story.md:3:1026: invalid YAML: could not find expected ':'"), result
