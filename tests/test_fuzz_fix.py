"""Found by fuzzing ``check --fix`` on generated reprints: real files, the real CLI."""

from __future__ import annotations

import pytest

from conftest import write

CM_URL = "https://calmatters.org/housing/2025/03/tidewater-ferry-levy/"
CM_META = (
    f"title: Tidewater towns weigh a ferry levy\noriginal_url: {CM_URL}\nauthor: Ines Calloway\ncommercial: false\n"
)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("title-only.md", f"---\n{CM_META}---\n# Tidewater towns weigh a ferry levy"),
        ("title-only-crlf.md", f"---\n{CM_META}---\n# Tidewater towns weigh a ferry levy".replace("\n", "\r\n")),
        ("front-matter-only.md", f"---\n{CM_META}---"),
        ("title-only.html", "<h1>Tidewater towns weigh a ferry levy</h1>"),
    ],
)
def test_a_top_credit_last_in_a_file_without_a_final_line_end_adds_none(tmp_path, cli, name, text):
    """A top credit (CalMatters') inserted where nothing follows it (a title alone, a front matter alone) ended
    the file with a line end it did not have; a fix keeps the file's ending, and a second run changes nothing."""
    path = write(tmp_path / name, text.encode())
    if name.endswith(".html"):
        write(tmp_path / "title-only.meta.yaml", CM_META)
    run = cli("check", "--no-config", name, "--fix", cwd=tmp_path)
    assert "calmatters/credit-calmatters" in run.err.partition("could not")[0], run.err
    fixed = path.read_bytes()
    assert fixed.startswith(text.encode()) and fixed.rstrip(b"\r\n") == fixed, fixed[-40:]
    assert b"CalMatters" in fixed
    cli("check", "--no-config", name, "--fix", cwd=tmp_path)
    assert path.read_bytes() == fixed
