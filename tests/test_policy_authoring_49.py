"""Policy-authoring limits closed on 2026-12-07 (h49c), each through the real CLI.

A policy that extends one caught in an ``extends`` loop is told so at its own ``extends`` by every command that
resolves it; a policy whose parent cannot be loaded is not called valid.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

LOOP = "which is caught in a loop of policies extending each other: loop-b -> loop-c -> loop-b"


def _policy(folder: Path, policy_id: str, extends: str, host: str) -> Path:
    path = folder / f"{policy_id}.yaml"
    path.write_text(
        f"id: {policy_id}\nname: {policy_id} terms\npublisher: {policy_id} News\n"
        f"source_url: https://{host}/terms\napplies_to: [{host}]\nextends: {extends}\nrules:\n"
        f"  - id: credit-{policy_id}\n    check: attribution\n    names: [{policy_id} News]\n"
        f"    message: Credit {policy_id} News\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def loop(tmp_path: Path) -> Path:
    """loop-a extends loop-b; loop-b and loop-c extend each other."""
    folder = tmp_path / "policies"
    folder.mkdir()
    _policy(folder, "loop-a", "loop-b", "a.example")
    _policy(folder, "loop-b", "loop-c", "b.example")
    _policy(folder, "loop-c", "loop-b", "c.example")
    return folder


def test_validate_tells_a_policy_extending_one_caught_in_a_loop_at_its_own_extends(loop, cli):
    """Validated with the loop's policies (a folder), loop-a was "valid": the loop was told at loop-b's file only,
    and a neighbour's problem is told under its own name alone."""
    run = cli("validate", "--no-config", "policies", cwd=loop.parent)
    assert run.code == 1
    assert run.out.splitlines() == [
        f"policies/loop-a.yaml:6:1: extends 'loop-b', {LOOP} (policies/loop-b.yaml:6:1)",
        "policies/loop-b.yaml:6:1: policies extend each other in a loop: loop-b -> loop-c -> loop-b",
        "policies/loop-c.yaml:6:1: policies extend each other in a loop: loop-c -> loop-b -> loop-c",
    ], run.out
    # Alone, with the others read from --rules-dir: told at its own file, not at loop-b's.
    run = cli("validate", "--no-config", "--rules-dir", "policies", "policies/loop-a.yaml", cwd=loop.parent)
    assert run.code == 1
    assert run.out == f"policies/loop-a.yaml:6:1: extends 'loop-b', {LOOP} (policies/loop-b.yaml:6:1)\n", run.out


def test_a_policy_leading_into_a_loop_further_up_names_the_way_there(loop, cli):
    _policy(loop, "loop-x", "loop-a", "x.example")
    run = cli("validate", "--no-config", "--rules-dir", "policies", "policies/loop-x.yaml", cwd=loop.parent)
    assert run.code == 1
    assert run.out == (
        "policies/loop-x.yaml:6:1: extends 'loop-a', which leads into a loop of policies extending each other: "
        "loop-a -> loop-b -> loop-c -> loop-b (policies/loop-b.yaml:6:1)\n"
    ), run.out


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--policy", "policies/loop-a.yaml", "a.md"],
        ["check", "--policy", "loop-a", "a.md"],
        ["explain", "loop-a"],
        ["explain", "policies/loop-a.yaml/credit-loop-a"],
        ["test", "policies"],
        ["credit", "--policy", "loop-a", "--meta", "author=A", "--meta", "original_url=https://a.example/x"],
    ],
)
def test_every_command_refuses_it_in_one_line_at_its_extends(loop, cli, args):
    (loop.parent / "a.md").write_text(
        "---\nauthor: A\noriginal_url: https://a.example/x\n---\n\nBy A, loop-a News.\n", encoding="utf-8"
    )
    run = cli(*args[:1], "--no-config", "--rules-dir", "policies", *args[1:], cwd=loop.parent)
    assert run.code == 2, run.out + run.err
    # One line, at loop-a's extends, with the loop and where it closes (its file named as the run read it).
    # Both named from here: the loop's file was told by its absolute path beside loop-a's relative one.
    assert run.err == f"reprint-guard: policies/loop-a.yaml:6:1: extends 'loop-b', {LOOP} (policies/loop-b.yaml:6:1)\n"


def test_the_library_refuses_it_at_its_extends(loop):
    code = (
        "import reprint_guard\n"
        "try:\n"
        f"    reprint_guard.check('By A.', {{'original_url': 'https://a.example/x'}}, policy='loop-a', "
        f"rules_dirs=[{str(loop)!r}])\n"
        "except reprint_guard.PolicyError as e:\n"
        "    print(e)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.stdout == f"{loop}/loop-a.yaml:6:1: extends 'loop-b', {LOOP} ({loop}/loop-b.yaml:6:1)\n", (
        run.stdout + run.stderr
    )


def test_validate_does_not_call_valid_a_policy_whose_parent_cannot_be_loaded(tmp_path, cli):
    """A parent with an unknown parent of its own, validated with it: the child was "valid", though check
    refuses it."""
    folder = tmp_path / "policies"
    folder.mkdir()
    _policy(folder, "child", "parent", "a.example")
    _policy(folder, "parent", "nowhere-at-all", "b.example")
    run = cli("validate", "--no-config", "policies", cwd=tmp_path)
    assert run.code == 1
    lines = run.out.splitlines()
    told = "policies/child.yaml:6:1: extends 'parent', which cannot be loaded (the problem at policies/parent.yaml:6:1)"
    assert lines[0] == told, run.out
    assert lines[1].startswith("policies/parent.yaml:6:1: extends unknown policy 'nowhere-at-all'")
    assert len(lines) == 2
    # Alone, the parent read from --rules-dir: both told, its own first.
    run = cli("validate", "--no-config", "--rules-dir", "policies", "policies/child.yaml", cwd=tmp_path)
    assert run.code == 1 and run.out.splitlines()[:2] == lines, run.out


LANTERN = (
    "id: lantern\nname: Lantern Ledger terms\npublisher: Lantern Ledger\nsource_url: https://lantern.example/terms\n"
    "applies_to: [lantern.example]\nrules:\n"
    "  - id: credit-lantern\n    check: attribution\n    names: [Lantern Ledger]\n"
    "    message: Credit the Lantern Ledger\n    fix: Credit the Lantern Ledger.\n"
    "  - id: link-original\n    check: link\n    target: original\n    message: Link the original\n"
    "    fix: '{fix}'\n"
)


def _sister(tmp_path: Path, fix: str) -> Path:
    folder = tmp_path / "policies"
    folder.mkdir(exist_ok=True)
    (folder / "lantern.yaml").write_text(LANTERN.format(fix=fix), encoding="utf-8")
    sister = folder / "harbour.yaml"
    sister.write_text(
        "id: harbour\nname: Harbour Herald terms\npublisher: Harbour Herald\n"
        "source_url: https://harbour.example/terms\napplies_to: [harbour.example]\nextends: lantern\nrules:\n"
        "  - id: credit-lantern\n    names: [Harbour Herald]\n    fix: Credit the Harbour Herald.\n",
        encoding="utf-8",
    )
    return sister


def test_validate_reads_an_inherited_fix_that_names_another_publisher_without_quotes(tmp_path, cli):
    """A sister site's policy keeping its parent's link rule as it stands, whose fix says in plain words to credit
    the parent ("... name Lantern Ledger as its publisher."): only quoted words were read, so it was valid,
    and every finding told the Harbour Herald's editor to credit the Lantern Ledger."""
    _sister(tmp_path, "Link the original story and name Lantern Ledger as its publisher.")
    run = cli("validate", "--no-config", "--rules-dir", "policies", "policies/harbour.yaml", cwd=tmp_path)
    assert run.code == 1, run.out
    assert run.out == (
        "policies/harbour.yaml:6:1: rule 'link-original', inherited from lantern with its fix, ('Link the original "
        "story and name Lantern Ledger as its publisher.') names Lantern Ledger, where rule 'credit-lantern' asks "
        "for a credit naming Harbour Herald: amend it with a fix of its own ('- id: link-original' with "
        "'fix: ...')\n"
    ), run.out


@pytest.mark.parametrize(
    "fix",
    [
        "Link the original story.",  # names no publisher
        "Link the original story on the Harbour Herald or Lantern Ledger site.",  # names this one too
        'Link the original: "Originally published by Harbour Herald."',  # quoted, as before
    ],
)
def test_a_fix_naming_no_other_publisher_alone_is_left_alone(tmp_path, cli, fix):
    _sister(tmp_path, fix)
    run = cli("validate", "--no-config", "--rules-dir", "policies", "policies/harbour.yaml", cwd=tmp_path)
    assert run.code == 0 and run.out == "policies/harbour.yaml: valid\n", run.out


def _sisters(folder: Path, count: int) -> None:
    """``count`` valid policies of sister sites, each extending a bundled Creative Commons licence."""
    folder.mkdir()
    for i in range(count):
        (folder / f"s{i:03d}.yaml").write_text(
            f"id: sister-{i:03d}\nname: Sister {i}\npublisher: Sister {i} News\nsource_url: https://s{i}.example/t\n"
            f"applies_to: [s{i}.example]\nextends: {('cc-by-4.0', 'cc-by-nd-4.0')[i % 2]}\n"
            "credit:\n  position: bottom\n"
            f"  markdown: 'By {{author}}. Originally published by [Sister {i} News]({{original_url}}).'\nrules:\n"
            f"  - id: own-credit\n    check: attribution\n    names: [Sister {i} News]\n    message: Credit us\n",
            encoding="utf-8",
        )


def test_validate_of_many_files_resolves_their_parents_once(tmp_path):
    """Each file's policy set resolved its parents (a bundled licence and the base under it) from their YAML again:
    1,000 sister policies took 16 s of CPU, 2,000 took 33 s. They are resolved once a run now, where their
    policies are the same (the file validated not among them)."""
    folder = tmp_path / "sisters"
    _sisters(folder, 30)
    code = (
        "import sys\n"
        "from reprint_guard import cli\n"
        "from reprint_guard.policy import loader\n"
        "count = {}\n"
        "resolve = loader.PolicySet._resolve\n"
        "def counted(self, policy_id, chain):\n"
        "    if policy_id not in self.policies:\n"
        "        count[policy_id] = count.get(policy_id, 0) + 1\n"
        "    return resolve(self, policy_id, chain)\n"
        "loader.PolicySet._resolve = counted\n"
        f"code = cli.main(['validate', '--no-config', {str(folder)!r}])\n"
        "print(code, count.get('cc-by-4.0'), count.get('cc-by-nd-4.0'), count.get('cc-base-4.0'), file=sys.stderr)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.stdout.count(": valid\n") == 30, run.stdout + run.stderr
    assert run.stderr.split() == ["0", "1", "1", "1"], run.stderr


def test_each_file_of_a_run_is_told_what_it_is_told_alone(tmp_path, cli):
    """The parents resolved once a run give each file the answer it gets validated alone: with a policy of one's
    own taking the bundled licences' base id (under every sister's parent), one sister with a slip, a loop and
    two files of one id among them."""
    folder = tmp_path / "sisters"
    _sisters(folder, 4)
    (folder / "s001.yaml").write_text(
        (folder / "s001.yaml").read_text(encoding="utf-8").replace("names: [Sister 1 News]", "names: [Sister 9 News]"),
        encoding="utf-8",
    )
    (folder / "zz-base.yaml").write_text(
        "id: cc-base-4.0\nname: Our licence base\npublisher: Us\nsource_url: https://us.example/t\nrules:\n"
        "  - id: our-own\n    check: text\n    phrase: hello\n    message: Say hello\n",
        encoding="utf-8",
    )
    (folder / "zz-twin.yaml").write_text((folder / "s003.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    _policy(folder, "loop-b", "loop-c", "b.example")
    _policy(folder, "loop-c", "loop-b", "c.example")
    _policy(folder, "loop-a", "loop-b", "a.example")
    run = cli("validate", "--no-config", str(folder))
    assert run.code == 1
    alone = []
    for file in sorted(folder.iterdir()):
        said = cli("validate", "--no-config", "--rules-dir", str(folder), str(file)).out.splitlines()
        alone += [line for line in said if line.startswith(str(file))]  # a neighbour's, told under its own
    assert run.out.splitlines() == alone
    assert sum(": valid" in line for line in alone) == 3 and "zz-base.yaml: valid" in run.out, run.out


RE2_OWN = (
    "id: herald\nname: Herald terms\npublisher: Harbour Herald\nsource_url: https://harbour.example/terms\n"
    "applies_to: [harbour.example]\nrules:\n"
    "  - id: letters\n    check: text\n    pattern: '\\bcut for \\pL+\\b'\n    message: Say it was cut\n"
    "  - id: posix\n    check: text\n    pattern: '\\b(cut|trimmed) for [[:alpha:]]+ reasons\\b'\n    message: M\n"
    "  - id: quoted\n    check: text\n    pattern: '\\Qcut (for length)\\E'\n    message: Say it was cut\n"
    "  - id: ungreedy\n    check: text\n    pattern: '(?U)\\bedited for (length|space)\\b'\n    message: M\n"
    "  - id: mid-flag\n    check: text\n    mode: forbid\n    pattern: '\\bsponsored(?i) by [a-z]+\\b'\n"
    "    message: No sponsors\n"
    "  - id: greek\n    check: text\n    pattern: '\\bsaid \\p{Greek}+'\n    message: M\n"
)


@pytest.mark.parametrize(
    ("rule", "passing", "failing"),
    [
        ("letters", "Cut for word.", None),
        ("posix", "Cut for word reasons.", None),
        ("quoted", "Cut (for length).", None),
        ("ungreedy", "Edited for length.", None),
        ("mid-flag", None, "Sponsored by word."),
        ("greek", "Said \u03b1.", None),
    ],
)
def test_explain_writes_an_example_from_a_pattern_in_re2s_own_syntax(tmp_path, cli, rule, passing, failing):
    """Python's parser, which the example is written with, reads \\pL, [[:alpha:]], \\Q...\\E, (?U) and a flag in
    mid-pattern otherwise than RE2 or not at all: explain said no example could be given. Each is read as RE2
    reads it now, and the example is still shown only when the rule, run on it, gives the promised result."""
    policy = tmp_path / "herald.yaml"
    policy.write_text(RE2_OWN, encoding="utf-8")
    run = cli("explain", "--no-config", f"{policy}/{rule}")
    assert run.code == 0, run.out + run.err
    examples = run.out.partition("Passing example (checked against this rule):")[2]
    shown, _, failed = examples.partition("Failing example:")
    assert (f"\n  {passing}\n" in shown) if passing else (f"\n  {failing}\n" in failed), run.out
    assert "none can be given" not in run.out


def test_a_severity_written_off_in_a_policy_is_told_how_a_policy_turns_a_rule_off(tmp_path, cli):
    # ``severity: off`` is the project config's way; in YAML an unquoted off is false, which no severity is.
    (tmp_path / "mine.yaml").write_text(
        "id: my-propublica\nname: Mine\npublisher: ProPublica\nsource_url: https://www.propublica.org/steal-our-stories\n"
        "extends: propublica\nrules:\n  - id: pixel-ping\n    severity: off\n",
        encoding="utf-8",
    )
    run = cli("validate", "mine.yaml", cwd=tmp_path)
    assert run.code == 1, run.out + run.err
    line = next(line for line in run.out.splitlines() if "severity" in line)
    assert line.startswith("mine.yaml:8:") and "false is not one of" in line, line
    assert "'disabled: true'" in line, line


@pytest.mark.parametrize("pattern", ["\\\\bsponsored \\\\x{d800}", "\\\\bpaid\\\\x{DFFF}post"])
def test_explain_gives_no_example_for_a_surrogate_code_point(tmp_path, cli, pattern):
    """RE2 takes ``\\x{d800}`` (a surrogate, which no UTF-8 text holds, so it matches nothing); the example written
    for it held the lone surrogate, and explain died printing it (internal error, exit 2)."""
    policy = tmp_path / "herald.yaml"
    policy.write_text(
        "id: herald\nname: Herald terms\npublisher: Harbour Herald\nsource_url: https://harbour.example/terms\n"
        f'rules:\n  - id: odd\n    check: text\n    mode: forbid\n    pattern: "{pattern}"\n    message: M\n',
        encoding="utf-8",
    )
    assert cli("validate", "--no-config", str(policy)).code == 0
    run = cli("explain", "--no-config", f"{policy}/odd")
    assert run.code == 0, run.out + run.err
    assert "internal error" not in run.err and "Examples: none can be given" in run.out, run.out + run.err


def test_a_command_reading_a_loops_own_file_first_tells_the_loop_there(tmp_path, cli):
    """As README says: check, explain, credit and test stop at the first policy of the folder they cannot load;
    where a file of the loop itself is read before the one leading into it, the loop is told at that file."""
    folder = tmp_path / "policies"
    folder.mkdir()
    for name, (policy_id, extends) in {
        "a.yaml": ("loop-b", "loop-c"),
        "b.yaml": ("loop-c", "loop-b"),
        "z.yaml": ("loop-a", "loop-b"),
    }.items():
        _policy(folder, policy_id, extends, f"{policy_id}.example")
        (folder / f"{policy_id}.yaml").rename(folder / name)
    run = cli("explain", "--no-config", "--rules-dir", "policies", "loop-a", cwd=tmp_path)
    assert run.code == 2
    said = "policies/a.yaml:6:1: policies extend each other in a loop: loop-b -> loop-c -> loop-b"
    assert run.err == f"reprint-guard: {said}\n", run.err
    # validate tells each at its own file.
    run = cli("validate", "--no-config", "policies", cwd=tmp_path)
    assert run.out.splitlines()[-1] == f"policies/z.yaml:6:1: extends 'loop-b', {LOOP} (policies/a.yaml:6:1)", run.out
