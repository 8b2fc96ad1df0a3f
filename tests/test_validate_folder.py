"""``validate DIR`` reads each policy file of the folder once, however many there are: it read every other
file of the folder again for each file (as a neighbour it may extend, and in the policy set its notes are
found in), so 500 sister-site policies took minutes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import run_cli

#: Runs the real CLI, counting each file opened (by its real path), the counts written to stderr last.
COUNTING = """
import builtins, collections, json, os, sys
opened = collections.Counter()
real_open = builtins.open
def counting_open(file, *args, **kwargs):
    if isinstance(file, (str, os.PathLike)):
        opened[os.path.realpath(file)] += 1
    return real_open(file, *args, **kwargs)
builtins.open = counting_open
from reprint_guard.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
sys.stdout.flush()
sys.stderr.write("\\nOPENED " + json.dumps(opened) + "\\n")
sys.exit(code)
"""


def sister(number: int, extends: str = "calmatters", rules: str = "") -> str:
    severity = "error" if extends != "calmatters" else "warning"  # a change from the parent's
    return (
        f"id: sister-{number}\nname: Sister {number}\npublisher: Valley Wire {number}\n"
        f"source_url: https://sister{number}.example/terms\napplies_to: [sister{number}.example]\n"
        f"extends: {extends}\nrules:\n  - id: credit-calmatters\n    severity: {severity}\n{rules}"
    )


def counted_validate(*args: str) -> tuple[int, list[str], dict[str, int]]:
    import json

    run = subprocess.run(
        [sys.executable, "-c", COUNTING, "validate", *args], capture_output=True, text=True, timeout=120
    )
    err, _, counts = run.stderr.rpartition("\nOPENED ")
    assert counts and "Traceback" not in err, run.stderr
    return run.returncode, run.stdout.splitlines(), json.loads(counts)


def test_validate_of_a_folder_reads_each_policy_file_once(tmp_path: Path) -> None:
    folder = tmp_path / "sisters"
    folder.mkdir()
    # A rule under an inherited id with another check type: a note, found in the folder's policy set.
    replacing = "  - id: not-sold\n    check: text\n    pattern: for sale\n    mode: forbid\n    message: M\n"
    for number in range(12):
        extends = "sister-0" if number == 5 else "calmatters"  # one extends another of the folder
        (folder / f"s{number:02d}.yaml").write_text(sister(number, extends, replacing if number == 7 else ""))
    code, lines, opened = counted_validate(str(folder))
    assert code == 0, lines
    note = "note: rule 'not-sold' replaces calmatters/not-sold, a permission check, with a text one"
    said = f"{folder / 's07.yaml'}: {note} (a rule beside it needs an id of its own)"
    assert lines == [f"{folder / f's{number:02d}.yaml'}: valid" for number in range(12)][:8] + [said] + [
        f"{folder / f's{number:02d}.yaml'}: valid" for number in range(8, 12)
    ], lines
    mine = {path: count for path, count in opened.items() if Path(path).parent == folder.resolve()}
    assert mine == {str(folder.resolve() / f"s{number:02d}.yaml"): 1 for number in range(12)}, mine
    # The same as the plain command says, and the same with twice as many files: still once each.
    plain = run_cli("validate", str(folder))
    assert plain.code == 0 and plain.out.splitlines() == lines
    for number in range(12, 24):
        (folder / f"s{number:02d}.yaml").write_text(sister(number))
    code, lines, opened = counted_validate(str(folder))
    assert code == 0 and len(lines) == 25, lines  # 24 valid, and the note
    assert [count for path, count in opened.items() if Path(path).parent == folder.resolve()] == [1] * 24


def test_a_folder_with_a_broken_neighbour_and_a_duplicate_id_reads_each_file_once(tmp_path: Path) -> None:
    """Errors are read once too: a broken file is told under its own name, a duplicate id at each file."""
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "a.yaml").write_text("id: broken\nname: [unclosed\n")
    (folder / "b.yaml").write_text(sister(1, extends="broken"))
    (folder / "c.yaml").write_text(sister(2))
    (folder / "d.yaml").write_text(sister(2).replace("sister2.example", "other.example"))
    (folder / "e.yaml").write_text(sister(3))
    code, lines, opened = counted_validate(str(folder))
    assert code == 1
    assert lines[0].startswith(f"{folder / 'a.yaml'}:2:7: invalid YAML"), lines
    assert lines[1].startswith(f"{folder / 'b.yaml'}:6:1: extends unknown policy 'broken'"), lines
    assert lines[2].startswith(f"{folder / 'c.yaml'}:1:1: policy id 'sister-2' is also the id of"), lines
    assert lines[3].startswith(f"{folder / 'd.yaml'}:1:1: policy id 'sister-2' is also the id of"), lines
    assert lines[4:] == [f"{folder / 'e.yaml'}: valid"], lines
    assert [count for path, count in opened.items() if Path(path).parent == folder.resolve()] == [1] * 5


def test_a_policy_file_read_once_is_read_again_when_it_changes(tmp_path: Path) -> None:
    """The memo of files read is by the file's inode, size and time: an edit is read (a CMS's admin's), and
    reload_policies() forgets it all, so an edit of the same size within the clock's tick is read too."""
    from reprint_guard import load_policy, reload_policies

    folder = tmp_path / "policies"
    folder.mkdir()
    path = folder / "s1.yaml"
    path.write_text(sister(1))
    assert load_policy("sister-1", rules_dirs=[folder]).publisher == "Valley Wire 1"
    path.write_text(sister(1).replace("Valley Wire 1", "Valley Wire 9"))  # the same size
    reload_policies()
    assert load_policy("sister-1", rules_dirs=[folder]).publisher == "Valley Wire 9"
    path.write_text(sister(1).replace("Valley Wire 1", "Valley Wire 10"))  # another size: read again unasked
    assert load_policy("sister-1", rules_dirs=[folder, path]).publisher == "Valley Wire 10"


def test_a_policy_file_edited_within_its_time_is_read_again_for_a_new_set(tmp_path: Path) -> None:
    """An edit that keeps the size and sets the modified time back (a copy tool's, or two saves within one
    tick of the file system's clock) is read by the next policy set built, as it was before the files were
    kept: the change time tells it, and a file read just after its last write is read again."""
    import os

    from reprint_guard import load_policy

    folder = tmp_path / "policies"
    folder.mkdir()
    path = folder / "s1.yaml"
    path.write_text(sister(1))
    before = os.stat(path)
    assert load_policy("sister-1", rules_dirs=[folder]).publisher == "Valley Wire 1"
    path.write_text(sister(1).replace("Valley Wire 1", "Valley Wire 9"))  # the same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (os.stat(path).st_size, os.stat(path).st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert load_policy("sister-1", rules_dirs=[folder, path]).publisher == "Valley Wire 9"
    # Written again at once, with no time set back: read again too, its time not yet trusted.
    path.write_text(sister(1).replace("Valley Wire 1", "Valley Wire 8"))
    assert load_policy("sister-1", rules_dirs=[path]).publisher == "Valley Wire 8"


#: Runs the real CLI's validate of a folder twice in one process (a test harness's way), the first policy edited
#: in between (the same size, its modified time set back), the lines of each run printed after a "--".
TWICE = """
import os, sys
from pathlib import Path
from reprint_guard.cli import main
folder, path = Path(sys.argv[1]), Path(sys.argv[1]) / "a.yaml"
def run():
    try:
        main(["validate", str(folder)])
    except SystemExit:
        pass
    print("--", flush=True)
run()
before = os.stat(path)
path.write_text(path.read_text().replace("check: text", "check: TEXT"))
os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
run()
"""


def test_validate_run_twice_in_one_process_reads_a_file_edited_in_between(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    own = "  - id: not-sold\n    check: text\n    pattern: for sale\n    mode: forbid\n    message: M\n"
    (folder / "a.yaml").write_text(sister(1, rules=own))
    (folder / "b.yaml").write_text(sister(2, extends="sister-1"))
    run = subprocess.run([sys.executable, "-c", TWICE, str(folder)], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in run.stderr, run.stderr
    first, second, _ = run.stdout.split("--\n")
    assert first.splitlines()[0] == f"{folder / 'a.yaml'}: valid", first
    lines = second.splitlines()
    assert lines[0].startswith(f"{folder / 'a.yaml'}:11:5: rule 'not-sold', field 'check': unknown check type"), lines
    assert lines[1].startswith(f"{folder / 'b.yaml'}:6:1: extends unknown policy 'sister-1'"), lines
