"""The forty-eighth session's shortcuts in a page's reading (docs/speed-history.md, h48b): each gives the answer
the longer way gave, on real files read as the command line reads them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from reprint_guard.engine import as_json_records
from reprint_guard.readers import read_file
from reprint_guard.safeyaml import load_flat

PAGE = """<!DOCTYPE html>
<{head}><title>Ferry fares</title>
<link rel="canonical" href="https://www.propublica.org/article/ferry-fares"></{head}>
<body><p>Fares rose twice this year.</p></body></html>
"""

FLAT_SIDECAR = """author: Ana Ruiz
commercial: false
published: 2026-03-02
permissions:
  - from: ProPublica
    date: 2026-03-01
"""
# The same metadata in flow style, which the flat reader leaves to PyYAML.
FLOW_SIDECAR = """{author: Ana Ruiz, commercial: false, published: 2026-03-02,
 permissions: [{from: ProPublica, date: 2026-03-01}]}
"""


def test_a_flat_sidecar_reads_as_pyyaml_reads_the_same_metadata(tmp_path: Path) -> None:
    assert load_flat(FLAT_SIDECAR) is not None and load_flat(FLOW_SIDECAR) is None  # each takes its own way
    read = {}
    for name, sidecar in (("flat", FLAT_SIDECAR), ("flow", FLOW_SIDECAR)):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "story.html").write_text(PAGE.format(head="head"), encoding="utf-8")
        (folder / "story.meta.yaml").write_text(sidecar, encoding="utf-8")
        reprint = read_file(folder / "story.html")
        meta = reprint.metadata
        read[name] = (meta.author, meta.commercial, meta.published, [(p.from_, p.date) for p in meta.permissions])
    assert read["flat"] == read["flow"]
    assert read["flat"][0] == "Ana Ruiz" and read["flat"][3][0][0] == "ProPublica"


def test_a_flat_sidecar_with_a_bad_value_is_told_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "story.html").write_text(PAGE.format(head="head"), encoding="utf-8")
    (tmp_path / "story.meta.yaml").write_text("author: Ana Ruiz\ncommercial: sometimes\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "reprint_guard", "check", "--no-config", "--format", "json", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert "story.meta.yaml:2" in done.stdout + done.stderr


def test_a_head_in_capitals_is_read_for_the_pages_metadata(tmp_path: Path) -> None:
    for head in ("head", "HEAD", "HeAd"):
        page = tmp_path / f"{head}.html"
        page.write_text(PAGE.format(head=head), encoding="utf-8")
        assert read_file(page).metadata.original_url == "https://www.propublica.org/article/ferry-fares", head


def test_a_markdown_page_whose_raw_html_hides_nothing_loads_no_script(tmp_path: Path) -> None:
    front = "---\noriginal_url: https://www.propublica.org/article/x\n---\n\n"
    cases = {
        "none.md": ("A story with no raw HTML, but a <b>bold</b> word.\n", 0),
        "plain.md": ('<p class="lede">A lede.</p>\n\n<scripted>not a script</scripted>\n', 0),
        "script.md": ('A story.\n\n<script src="https://pixel.propublica.org/pixel.js"></script>\n', 1),
        "noscript.md": ('A story.\n\n<noscript><script src="https://a.example/p.js"></script></noscript>\n', 0),
    }
    for name, (body, runs) in cases.items():
        path = tmp_path / name
        path.write_text(front + body, encoding="utf-8")
        reprint = read_file(path)
        reprint.media  # noqa: B018 - the one parse, which reads the scripts
        shown, idle = reprint.scripts
        assert len(shown) == runs, name
        assert len(idle) == (1 if name == "noscript.md" else 0), name


def test_a_fix_s_records_as_json_are_the_same_each_time() -> None:
    fix = "Add permissions: [{from: ProPublica, date: YYYY-MM-DD, scope: [photos]}] to the metadata"
    first = as_json_records(fix)
    assert (
        first
        == 'Add "permissions": [{"from": "ProPublica", "date": "YYYY-MM-DD", "scope": ["photos"]}] to the metadata'
    )
    assert as_json_records(fix) == first
    records = json.loads(first.removeprefix('Add "permissions": ').removesuffix(" to the metadata"))
    assert records == [{"from": "ProPublica", "date": "YYYY-MM-DD", "scope": ["photos"]}]
