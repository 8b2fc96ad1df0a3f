"""reprint-guard benchmark: throughput, parse floor, memory and CLI start-up.

    python bench/run.py [--docs 3000] [--cli-docs 2000] [--out FILE]

Prints one JSON object to standard output (progress goes to standard error).
It is a measurement, not a test: missed targets are reported, never raised.
See bench/README.md for what each number means.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import pydantic
import pyromark
import selectolax
import yaml
from selectolax.lexbor import LexborHTMLParser

import reprint_guard
from reprint_guard.engine import check_reprint
from reprint_guard.policy.loader import policy_set
from reprint_guard.readers import read_file
from reprint_guard.readers.markdown import render, split_front_matter
from reprint_guard.safeyaml import load as safe_load

if not __package__:  # run as a script: bench/ is sys.path[0], the checkout above it holds the package
    sys.path.insert(1, str(Path(__file__).resolve().parent.parent))
from bench.corpus import (
    DEFAULT_SEED,
    TWIN_FORMATS,
    CorpusDoc,
    mixed_policy_of,
    summarize,
    write_corpus,
    write_format_twins,
    write_mixed_corpus,
)

TARGETS = {
    # name: (operator, threshold)
    "docs_per_s": (">=", 3000.0),
    "policy_load_ms": ("<=", 50.0),
    "ratio": (">=", 0.5),
    "cli_startup_median_s": ("<=", 0.2),
    "cli_dir_docs_per_s": (">=", 2000.0),
    # The policy library's issue holds the mixed-policy corpus to the core targets too.
    "mixed_docs_per_s": (">=", 3000.0),
    "mixed_ratio": (">=", 0.5),
}
WARMUP_DOCS = 25
MIB = 1024 * 1024


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# The measured loops ------------------------------------------------------------


def check_loop(files: Sequence[str], policies: object) -> None:
    """What ``reprint_guard.check_file`` does per file, with the policy set loaded once."""
    for path in files:
        check_reprint(read_file(path), policies).settle()  # type: ignore[arg-type]


def parse_loop(files: Sequence[str]) -> None:
    """The floor: the same parsers on the same files, and nothing else."""
    for path in files:
        with open(path, "rb") as handle:
            data = handle.read()
        text = data.decode("utf-8")
        front = split_front_matter(text)  # YAML front matter (the reader the check uses)
        html = render(front.body)  # Markdown -> HTML (pyromark)
        LexborHTMLParser(html)  # HTML -> DOM (selectolax / lexbor)


def html_parse_loop(files: Sequence[str]) -> None:
    """The floor of an HTML page with a ``NAME.meta.yaml`` sidecar: the page's bytes read and decoded, the
    sidecar's read and parsed as the check parses it (the flat reader, or PyYAML's C loader), the page parsed
    by Lexbor."""
    for path in files:
        with open(path, "rb") as handle:
            text = handle.read().decode("utf-8")
        with open(path[: -len(".html")] + ".meta.yaml", "rb") as handle:
            safe_load(handle.read().decode("utf-8"), flat=True)
        LexborHTMLParser(text)


def json_parse_loop(files: Sequence[str]) -> None:
    """The floor of a CMS envelope with a Markdown body: read, decoded, ``json.loads``, the body rendered by
    pyromark and the HTML parsed by Lexbor."""
    for path in files:
        with open(path, "rb") as handle:
            envelope = json.loads(handle.read().decode("utf-8"))
        LexborHTMLParser(render(envelope["body"]))


FORMAT_FLOORS: dict[str, Callable[[Sequence[str]], None]] = {"html": html_parse_loop, "json": json_parse_loop}


def pipeline_loop(files: Sequence[str]) -> None:
    """What every check needs before its first rule: the reprint read, and what a reader sees of it
    (the HTML parsed, media and visible text extracted). The check can be no faster than this."""
    for path in files:
        reprint = read_file(path)
        reprint.media  # noqa: B018 - one parse for the media and the visible text
        reprint.visible  # noqa: B018


#: The clock the in-process loops and the rules are timed by: the wall's (``time.perf_counter``) unless
#: ``--clock cpu`` asks for this process's CPU time (``time.process_time``), which another job on the same
#: core does not lengthen (set by :func:`run`).
clock: Callable[[], float] = time.perf_counter


def best_times(*loops: Callable[[], None], repeats: int) -> list[tuple[float, list[float]]]:
    """Best time (and all times) of each loop, run in turn so that a drift in the VM's speed hits all alike."""
    times: list[list[float]] = [[] for _ in loops]
    for _ in range(repeats):
        for run, out in zip(loops, times, strict=True):
            gc.collect()
            start = clock()
            run()
            out.append(clock() - start)
    return [(min(out), out) for out in times]


def time_three(
    files: Sequence[str], policies: object, repeats: int, floor: Callable[[Sequence[str]], None] = parse_loop
) -> list[tuple[float, list[float]]]:
    """The check, the parse floor (``floor``: Markdown's unless told) and the pipeline over ``files``, warmed
    up, then timed in turn."""
    check_loop(files[:WARMUP_DOCS], policies)
    floor(files[:WARMUP_DOCS])
    pipeline_loop(files[:WARMUP_DOCS])
    return best_times(
        lambda: check_loop(files, policies), lambda: floor(files), lambda: pipeline_loop(files), repeats=repeats
    )


def pipeline_stage(count: int, pipeline: float, parse: float, check: float) -> dict[str, object]:
    """The work before the first rule, against the floor and the whole check.

    ``ratio_without_rules`` is the best ratio the check could reach if its rules
    cost nothing; ``rules_share`` is the part of the check's time its rules take.
    """
    return {
        "docs_per_s": rate(count, pipeline),
        "ratio_without_rules": round(parse / pipeline, 3),
        "rules_share": round(max(check - pipeline, 0.0) / check, 3),
    }


def rate(count: int, seconds: float) -> float:
    return round(count / seconds, 1) if seconds > 0 else float("inf")


# Memory -----------------------------------------------------------------------


def _maxrss_mib(kib_or_bytes: int) -> float:
    # Linux reports ru_maxrss in KiB, macOS in bytes.
    divisor = MIB if sys.platform == "darwin" else 1024
    return round(kib_or_bytes / divisor, 1)


def child_check(folder: str) -> None:
    """Entry point of the memory child: one full check pass over ``folder``; reports its own RSS."""
    files = sorted(str(p) for p in Path(folder).glob("*.md"))
    policies = policy_set()
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    check_loop(files, policies)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    json.dump(
        {"docs": len(files), "rss_after_import_mib": _maxrss_mib(baseline), "self_peak_mib": _maxrss_mib(peak)},
        sys.stdout,
    )


def measure_child_rss(folder: str) -> dict[str, object]:
    """Peak RSS of the in-process check run in a child (must run before any other child process)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child-check", folder],
        capture_output=True,
        text=True,
        check=False,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    report: dict[str, object] = {"peak_rss_mib": _maxrss_mib(after)}
    if before:
        report["note"] = "another child ran first; RUSAGE_CHILDREN is the largest child's peak"
    try:
        report.update(json.loads(proc.stdout))
    except json.JSONDecodeError:
        report["child_error"] = (proc.stderr or proc.stdout)[-2000:]
    return report


def measure_tracemalloc(files: Sequence[str], policies: object) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        check_loop(files, policies)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return round(peak / MIB, 2)


# The command line ---------------------------------------------------------------


def time_command(command: list[str], runs: int, cwd: str) -> dict[str, object]:
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, check=False)  # warm-up
    times = []
    code = None
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, check=False)
        times.append(time.perf_counter() - start)
        code = proc.returncode
    return {
        "median": round(statistics.median(times), 4),
        "min": round(min(times), 4),
        "max": round(max(times), 4),
        "runs": runs,
        "exit_code": code,
    }


def console_script() -> str | None:
    candidate = Path(sys.executable).parent / ("reprint-guard.exe" if os.name == "nt" else "reprint-guard")
    return str(candidate) if candidate.exists() else None


#: A config as a content repository writes it (start-up with a config reads and validates it).
_TYPICAL_CONFIG = """\
exclude: ["drafts/**"]
front-matter:
  canonicalURL: original_url
defaults:
  commercial: false
severity:
  global-research/link-original: warning
suppressions:
  - path: reprint.md
    rule: global-research/print-permission
    reason: Permission by email, 2 May 2024
"""

_RSS_WRAPPER = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
    "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


_POLICY_LOAD = (
    "import time, reprint_guard.cli, reprint_guard.engine; from reprint_guard.policy import loader; "
    "t = time.perf_counter(); s = list(loader._cached_set(())); "
    "print((time.perf_counter() - t) * 1000, len(s))"
)
# The same policies read from their YAML, resolved and their parameters validated, as a run does when
# a bundled policy was edited and bundled.json is stale. Imports, and the first build of the validators
# (a one-off per process), are not timed: the second load is.
_POLICY_LOAD_YAML = (
    "import time, reprint_guard.cli, reprint_guard.engine, reprint_guard.checks.params; "
    "from reprint_guard.policy import loader; "
    "load = lambda: list(loader.PolicySet(loader.read_policy_file(p, validate=False) "
    "for p in loader.policy_files(loader.bundled_rules_dir()))); load(); "
    "t = time.perf_counter(); s = load(); print((time.perf_counter() - t) * 1000, len(s))"
)


FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "policies"


def mixed_corpus(folder: str, count: int) -> list[str]:
    """``count`` ~1,000-word reprints built on every bundled policy's fixtures."""
    return write_mixed_corpus(folder, count, FIXTURES)


def verify_mixed(files: Sequence[str], policies: object) -> dict[str, object]:
    """How many padded fixtures still give exactly the findings their ``expect:`` lists.

    As ``reprint-guard test`` does, each is checked against its fixture folder's
    policy (a fixture may declare a licence that would select another one).
    """
    from reprint_guard.testing.harness import parse_expect

    agree = 0
    for path in files:
        reprint = read_file(path)
        expected = {e.rule for e in parse_expect(reprint.metadata.extra.get("expect"), path)}
        policy = policies.get(reprint.metadata.policy or mixed_policy_of(path))  # type: ignore[attr-defined]
        result = check_reprint(reprint, policies, policy).settle()  # type: ignore[arg-type]
        agree += {f.rule for f in result.findings} == expected
    return {"docs": len(files), "findings_as_expected": agree}


def measure_formats(markdown_files: Sequence[str], folder: str, policies: object, repeats: int) -> dict[str, object]:
    """The same mixed-corpus reprints as HTML pages (with a sidecar) and as CMS JSON envelopes: each format's
    check, floor and pipeline, and how many of its documents have the findings of their Markdown twin."""
    report: dict[str, object] = {"docs": len(markdown_files)}
    for fmt in TWIN_FORMATS:
        files = write_format_twins(list(markdown_files), os.path.join(folder, fmt), fmt)
        (check, _), (floor, _), (pipeline, _) = time_three(files, policies, repeats, FORMAT_FLOORS[fmt])
        agree = 0
        for twin, path in zip(markdown_files, files, strict=True):
            rules = [f.rule for f in check_reprint(read_file(path), policies).settle().findings]  # type: ignore[arg-type]
            agree += rules == [f.rule for f in check_reprint(read_file(twin), policies).settle().findings]  # type: ignore[arg-type]
        sizes = [os.path.getsize(f) for f in files]
        report[fmt] = {
            "avg_bytes": round(sum(sizes) / len(sizes)),
            "docs_per_s": rate(len(files), check),
            "parse_floor_docs_per_s": rate(len(files), floor),
            "ratio": round(floor / check, 3),
            "check_ms_per_doc": round(1000 * check / len(files), 3),
            "parse_ms_per_doc": round(1000 * floor / len(files), 3),
            "pipeline": pipeline_stage(len(files), pipeline, floor, check),
            "same_findings_as_markdown": agree,
        }
    return report


def measure_policy_load(runs: int = 7, code: str = _POLICY_LOAD) -> dict[str, object]:
    """Loading every bundled policy in a fresh process (after imports), in milliseconds."""
    times = []
    count = 0
    for _ in range(runs):
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
        ms, count = proc.stdout.split()
        times.append(float(ms))
    return {"policies": int(count), "median_ms": round(statistics.median(times), 2), "max_ms": round(max(times), 2)}


def compile_bytecode() -> bool:
    """Write the package's .pyc files, as pip does at install (an editable install may have none)."""
    import compileall

    import reprint_guard

    return bool(compileall.compile_dir(os.path.dirname(reprint_guard.__file__), quiet=1))


def measure_repo(folder: str, files: int, cwd: str) -> dict[str, object]:
    """A content repository of ``files`` nested files, checked with --jobs 1 and with the default (all CPUs)."""
    report: dict[str, object] = {"files": files}
    for label, extra in (("jobs_1", ["--jobs", "1"]), ("jobs_default", [])):
        command = [sys.executable, "-m", "reprint_guard", "check", folder, "--format", "json", *extra]
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", _RSS_WRAPPER, *command], capture_output=True, text=True, cwd=cwd, check=False
        )
        wall = time.perf_counter() - start
        try:
            rss = _maxrss_mib(int(proc.stdout.strip()))
        except ValueError:
            rss = None
        report[label] = {"wall_s": round(wall, 3), "docs_per_s": rate(files, wall), "peak_rss_mib": rss}
    report["jobs_default_is"] = os.cpu_count()
    return report


def measure_cli_dir(folder: str, files: int, repeats: int, cwd: str) -> dict[str, object]:
    """The folder through the CLI on one core (``--jobs 1``, what the target is judged on), then with
    the default (one worker per CPU)."""
    report = _cli_dir_run(folder, files, repeats, cwd, ["--jobs", "1"])
    report["jobs_default"] = _cli_dir_run(folder, files, repeats, cwd, [])
    report["jobs_default_is"] = os.cpu_count()
    return report


def _cli_dir_run(folder: str, files: int, repeats: int, cwd: str, extra: list[str]) -> dict[str, object]:
    command = [sys.executable, "-m", "reprint_guard", "check", folder, "--format", "json", *extra]
    times = []
    code = None
    for _ in range(repeats):
        start = time.perf_counter()
        proc = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, check=False)
        times.append(time.perf_counter() - start)
        code = proc.returncode
    wall = min(times)
    report: dict[str, object] = {
        "files": files,
        "wall_s": round(wall, 4),
        "docs_per_s": rate(files, wall),
        "runs_s": [round(t, 4) for t in times],
        "exit_code": code,
    }
    # One more, untimed run to confirm the CLI really checked every file.
    proc = subprocess.run(command, capture_output=True, text=True, cwd=cwd, check=False)
    try:
        report["summary"] = json.loads(proc.stdout)["summary"]
    except (json.JSONDecodeError, KeyError):
        report["summary_error"] = (proc.stderr or proc.stdout)[-2000:]
    return report


# Sanity: the corpus exercises what it claims to ------------------------------------


def verify_corpus(docs: Sequence[CorpusDoc], policies: object) -> dict[str, object]:
    """Compare the checker's error findings with what each document was generated to contain."""
    mismatched = Counter()
    examples = []
    statuses: Counter[str] = Counter()
    for doc in docs:
        result = check_reprint(read_file(doc.path), policies).settle()  # type: ignore[arg-type]
        statuses[result.status] += 1
        got = frozenset(f.rule.split("/", 1)[1] for f in result.findings if f.severity == "error")
        expected_status = "skipped" if not doc.reprint else ("fail" if doc.expected_rules else "pass")
        if got != doc.expected_rules or result.status != expected_status:
            mismatched[doc.kind] += 1
            if len(examples) < 5:
                examples.append(
                    {
                        "path": Path(doc.path).name,
                        "kind": doc.kind,
                        "expected": sorted(doc.expected_rules),
                        "got": sorted(got),
                        "status": result.status,
                    }
                )
    report: dict[str, object] = {
        "docs": len(docs),
        "as_expected": len(docs) - sum(mismatched.values()),
        "statuses": dict(statuses),
    }
    if mismatched:
        report["mismatched_by_kind"] = dict(mismatched)
        report["examples"] = examples
    return report


# Context ------------------------------------------------------------------------------


def machine_info() -> dict[str, object]:
    info: dict[str, object] = {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor() or None,
        "cpu_count": os.cpu_count(),
    }
    if hasattr(os, "sched_getaffinity"):
        info["cpus_available"] = len(os.sched_getaffinity(0))
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    info["cpu_model"] = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return info


def versions() -> dict[str, object]:
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "reprint_guard": reprint_guard.__version__,
        "reprint_guard_from": str(Path(reprint_guard.__file__).resolve().parent),
        "pydantic": pydantic.VERSION,
        "pyyaml": yaml.__version__,
        "pyyaml_libyaml": bool(getattr(yaml, "__with_libyaml__", False)),
        "pyromark": getattr(pyromark, "__version__", None),
        "selectolax": getattr(selectolax, "__version__", None),
    }


def git_state() -> dict[str, object] | None:
    root = Path(reprint_guard.__file__).resolve().parents[2]  # the checkout being measured
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], capture_output=True, text=True, cwd=root, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "src", "rules"], capture_output=True, text=True, cwd=root, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return {"commit": commit, "src_dirty": bool(dirty)}


def judge(values: dict[str, float | None]) -> dict[str, object]:
    targets: dict[str, object] = {}
    for name, (op, threshold) in TARGETS.items():
        value = values.get(name)
        passed = None if value is None else (value >= threshold if op == ">=" else value <= threshold)
        targets[name] = {"target": f"{op} {threshold:g}", "value": value, "pass": passed}
    # A target not measured (the mixed corpus left out with --mixed-docs 0) is not judged: "pass" None.
    judged = [t["pass"] for t in targets.values() if isinstance(t, dict) and t["pass"] is not None]  # type: ignore[index]
    targets["all_pass"] = all(judged)
    return targets


# Main -------------------------------------------------------------------------------------


def profile(files: Sequence[str], policies: object, top: int) -> None:
    import cProfile
    import pstats

    check_loop(files[:WARMUP_DOCS], policies)
    profiler = cProfile.Profile()
    profiler.enable()
    check_loop(files, policies)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stderr).strip_dirs()
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def rule_times(files: Sequence[str], policies: object, rounds: int = 3) -> dict[str, object]:
    """Each rule's time over ``files``, after the pipeline (read, parse, visible text): µs a document, and
    µs a call with and without a finding. The first rule to need the normalised text pays for building
    it; the engine's work around the rules (findings, fixes) is not in it. Best of ``rounds`` per rule."""
    import datetime as dt

    from reprint_guard.engine import _PLANS, _Plan, select_policy  # the engine's own plan: each rule as run
    from reprint_guard.policy.model import derived

    today = dt.date.today()
    best: dict[str, list[float]] = {}
    calls: dict[str, list[int]] = {}
    for round_ in range(rounds):
        spent: dict[str, list[float]] = {}
        for path in files:
            reprint = read_file(path)
            reprint.media  # noqa: B018 - the pipeline, as the check loop does it before the rules
            reprint.visible  # noqa: B018
            policy = select_policy(reprint, policies) if reprint.metadata.is_reprint() else None  # type: ignore[arg-type]
            if policy is None:
                continue
            for rule, key, check, when, context in derived(_PLANS, policy, _Plan).on(today):
                start = clock()
                found = (
                    bool(list(check(rule.params, reprint, context)))
                    if when is None or when.evaluate(reprint.metadata)
                    else False
                )
                spent.setdefault(key, [0.0, 0.0])[found] += clock() - start
                if round_ == 0:  # the calls are the same in every round: counted in the first
                    calls.setdefault(key, [0, 0, rule.check])[found] += 1  # type: ignore[list-item]
        for key, (clean, finding) in spent.items():
            if key not in best or clean + finding < sum(best[key]):
                best[key] = [clean, finding]
    docs = len(files)
    rules = {
        key: {
            "check": calls[key][2],
            "us_per_doc": round((clean + finding) / docs * 1e6, 2),
            "calls_per_doc": round((calls[key][0] + calls[key][1]) / docs, 3),
            "us_per_call": round(clean / calls[key][0] * 1e6, 1) if calls[key][0] else None,
            "us_per_call_finding": round(finding / calls[key][1] * 1e6, 1) if calls[key][1] else None,
        }
        for key, (clean, finding) in best.items()
    }
    kinds: dict[str, float] = {}
    names: dict[str, float] = {}  # a rule of the Creative Commons base runs in many policies: summed here
    for key, item in rules.items():
        kinds[item["check"]] = kinds.get(item["check"], 0.0) + item["us_per_doc"]  # type: ignore[index, operator]
        name = key.partition("/")[2]
        names[name] = names.get(name, 0.0) + item["us_per_doc"]  # type: ignore[operator]
    return {
        "docs": docs,
        "us_per_doc": round(sum(item["us_per_doc"] for item in rules.values()), 1),  # type: ignore[misc]
        "by_check": {kind: round(value, 1) for kind, value in sorted(kinds.items(), key=lambda kv: -kv[1])},
        "by_rule_name": {name: round(value, 1) for name, value in sorted(names.items(), key=lambda kv: -kv[1])},
        "rules": dict(sorted(rules.items(), key=lambda kv: -kv[1]["us_per_doc"])),  # type: ignore[operator]
    }


def print_rule_times(name: str, times: dict[str, object], top: int) -> None:
    log(f"{name}: the rules take {times['us_per_doc']} µs a document ({times['docs']} documents); by check type:")
    for kind, value in times["by_check"].items():  # type: ignore[attr-defined]
        log(f"  {kind:<12} {value:7.1f}")
    log("  by rule name, in every policy: " + ", ".join(f"{n} {v}" for n, v in list(times["by_rule_name"].items())[:8]))  # type: ignore[attr-defined]
    log(f"  {'rule':<48} {'µs/doc':>7} {'calls/doc':>9} {'µs/call':>8} {'with a finding':>14}")
    for key, item in list(times["rules"].items())[:top]:  # type: ignore[attr-defined]
        with_finding = "" if item["us_per_call_finding"] is None else f"{item['us_per_call_finding']:.1f}"
        clean = "" if item["us_per_call"] is None else f"{item['us_per_call']:.1f}"
        log(f"  {key:<48} {item['us_per_doc']:7.1f} {item['calls_per_doc']:9.2f} {clean:>8} {with_finding:>14}")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark reprint-guard on a generated corpus of Markdown reprints.")
    parser.add_argument("--docs", type=int, default=3000, help="documents in the in-process corpus (default 3000)")
    parser.add_argument("--cli-docs", type=int, default=2000, help="files in the CLI folder run (default 2000)")
    parser.add_argument("--out", metavar="FILE", help="also write the JSON result to FILE")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="corpus seed")
    parser.add_argument("--repeats", type=int, default=5, help="timed runs; the best one counts (default 5)")
    parser.add_argument("--startup-runs", type=int, default=15, help="CLI start-up runs (default 15)")
    parser.add_argument("--mixed-docs", type=int, default=2000, help="documents in the mixed-policy corpus (0: skip)")
    parser.add_argument(
        "--format-docs",
        type=int,
        default=1000,
        help="of the mixed corpus, how many to time again as HTML pages and as JSON envelopes (default 1000; 0: skip)",
    )
    parser.add_argument(
        "--repo-docs", type=int, default=10000, help="files in the repository run, --jobs 1 vs default (0: skip)"
    )
    parser.add_argument(
        "--profile",
        nargs="?",
        const=25,
        type=int,
        metavar="TOP",
        help="only profile the check loop with cProfile and print the TOP (25) entries to stderr",
    )
    parser.add_argument(
        "--rules",
        nargs="?",
        const=25,
        type=int,
        metavar="TOP",
        help="only time each rule, on both corpora, and print the TOP (25) costliest to stderr (all as JSON)",
    )
    parser.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default="wall",
        help="what the in-process loops and --rules are timed by: the wall clock (default), or this process's "
        "CPU time, which another job on the same core does not lengthen (the CLI runs are timed by the wall)",
    )
    parser.add_argument("--child-check", metavar="DIR", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(argv)
    if options.child_check:
        child_check(options.child_check)
        return 0

    workdir = tempfile.mkdtemp(prefix="reprint-guard-bench-")
    try:
        return run(options, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def run(options: argparse.Namespace, workdir: str) -> int:
    global clock
    clock = time.process_time if options.clock == "cpu" else time.perf_counter
    corpus_dir = os.path.join(workdir, "corpus")
    log(f"generating {options.docs} documents in {corpus_dir}")
    start = time.perf_counter()
    docs = write_corpus(corpus_dir, options.docs, seed=options.seed)
    log(f"  done in {time.perf_counter() - start:.1f} s")
    files = [doc.path for doc in docs]
    policies = policy_set()

    if options.profile:
        profile(files, policies, options.profile)
        return 0
    if options.rules:
        check_loop(files[:WARMUP_DOCS], policies)
        report = {"benchmark": "reprint-guard rules", "clock": options.clock, "corpus": rule_times(files, policies)}
        print_rule_times("Global Research corpus", report["corpus"], options.rules)  # type: ignore[arg-type]
        if options.mixed_docs and FIXTURES.is_dir():
            mixed_files = mixed_corpus(os.path.join(workdir, "mixed"), options.mixed_docs)
            report["mixed_policies"] = rule_times(mixed_files, policies)
            print_rule_times("mixed corpus", report["mixed_policies"], options.rules)  # type: ignore[arg-type]
        json.dump(report, sys.stdout, indent=2)
        print()
        return 0

    # Memory first: RUSAGE_CHILDREN keeps the largest child's peak, so no other child may run before.
    log("peak RSS of a full check pass in a child process")
    memory = measure_child_rss(corpus_dir)

    log(
        f"check loop (read_file + check_reprint) and parse floor (read + decode + front matter + pyromark + "
        f"lexbor), alternating, best of {options.repeats} each"
    )
    (check_best, check_times), (parse_best, parse_times), (pipeline_best, _) = time_three(
        files, policies, options.repeats
    )

    log("tracemalloc peak of one check pass")
    memory["tracemalloc_peak_mib"] = measure_tracemalloc(files, policies)

    mixed: dict[str, object] | None = None
    formats: dict[str, object] | None = None
    if options.mixed_docs and FIXTURES.is_dir():
        log(f"a mixed-policy corpus of {options.mixed_docs} ~1,000-word reprints (all bundled policies)")
        mixed_files = mixed_corpus(os.path.join(workdir, "mixed"), options.mixed_docs)
        (mixed_check, _), (mixed_parse, _), (mixed_pipeline, _) = time_three(mixed_files, policies, options.repeats)
        sizes = [os.path.getsize(f) for f in mixed_files]
        mixed = {
            "docs": len(mixed_files),
            "policies": len({p.parent.name for p in FIXTURES.rglob("*.md")}),
            "avg_bytes": round(sum(sizes) / len(sizes)),
            "docs_per_s": rate(len(mixed_files), mixed_check),
            "parse_floor_docs_per_s": rate(len(mixed_files), mixed_parse),
            "ratio": round(mixed_parse / mixed_check, 3),
            "pipeline": pipeline_stage(len(mixed_files), mixed_pipeline, mixed_parse, mixed_check),
            "verification": verify_mixed(mixed_files, policies),
        }
        if options.format_docs:
            log(f"the first {options.format_docs} of them as HTML pages and as CMS JSON envelopes")
            formats = measure_formats(
                mixed_files[: options.format_docs], os.path.join(workdir, "formats"), policies, options.repeats
            )

    log("verifying the corpus against the checker's findings")
    verification = verify_corpus(docs, policies)

    one_file = next((doc.path for doc in docs if doc.kind == "compliant"), files[0])
    compiled = compile_bytecode()
    log(f"CLI start-up on one file, {options.startup_runs} runs each (bytecode compiled: {compiled})")
    startup = {
        "python -m reprint_guard": time_command(
            [sys.executable, "-m", "reprint_guard", "check", one_file], options.startup_runs, workdir
        )
    }
    script = console_script()
    if script:
        startup["reprint-guard"] = time_command([script, "check", one_file], options.startup_runs, workdir)
    configured = os.path.join(workdir, "configured")
    os.makedirs(configured, exist_ok=True)
    with open(os.path.join(configured, ".reprint-guard.yaml"), "w", encoding="utf-8") as handle:
        handle.write(_TYPICAL_CONFIG)
    shutil.copyfile(one_file, os.path.join(configured, "reprint.md"))
    startup["python -m reprint_guard, in a repository with a config"] = time_command(
        [sys.executable, "-m", "reprint_guard", "check", "reprint.md"], options.startup_runs, configured
    )
    startup["python -c pass (interpreter floor)"] = time_command(
        [sys.executable, "-c", "pass"], options.startup_runs, workdir
    )

    cli_dir = os.path.join(workdir, "cli")
    log(f"CLI on a folder of {options.cli_docs} files, best of {options.repeats}")
    write_corpus(cli_dir, options.cli_docs, seed=options.seed)
    cli = measure_cli_dir(cli_dir, options.cli_docs, options.repeats, workdir)

    log("loading the bundled policies, as a run does and from their YAML")
    policy_load = measure_policy_load()
    policy_load["from_yaml_validated"] = measure_policy_load(code=_POLICY_LOAD_YAML)
    repo: dict[str, object] | None = None
    if options.repo_docs:
        repo_dir = os.path.join(workdir, "repo")
        log(f"a {options.repo_docs}-file repository, --jobs 1 and default")
        write_corpus(repo_dir, options.repo_docs, seed=options.seed, nested=True)
        repo = measure_repo(repo_dir, options.repo_docs, workdir)

    docs_per_s = rate(len(files), check_best)
    parse_per_s = rate(len(files), parse_best)
    ratio = round(docs_per_s / parse_per_s, 3)
    module_startup = startup["python -m reprint_guard"]
    result = {
        "benchmark": "reprint-guard",
        "clock": options.clock,
        "docs_per_s": docs_per_s,
        "parse_floor_docs_per_s": parse_per_s,
        "ratio": ratio,
        "check_ms_per_doc": round(1000 * check_best / len(files), 3),
        "parse_ms_per_doc": round(1000 * parse_best / len(files), 3),
        "pipeline": pipeline_stage(len(files), pipeline_best, parse_best, check_best),
        "check_runs_s": [round(t, 4) for t in check_times],
        "parse_runs_s": [round(t, 4) for t in parse_times],
        "peak_rss_mib": memory.get("peak_rss_mib"),
        "tracemalloc_peak_mib": memory.get("tracemalloc_peak_mib"),
        "memory": memory,
        "cli_startup_s": {"median": module_startup["median"], "min": module_startup["min"]},
        "cli_startup_detail": startup,
        "cli_dir": cli,
        "repo": repo,
        "policy_load": policy_load,
        "mixed_policies": mixed,
        "formats": formats,
        "corpus": {**summarize(docs), "seed": options.seed},
        "corpus_check": verification,
        "python": sys.version.split()[0],
        "versions": versions(),
        "machine": machine_info(),
        "git": git_state(),
        "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    result["targets"] = judge(
        {
            "docs_per_s": docs_per_s,
            "policy_load_ms": policy_load["median_ms"],  # type: ignore[dict-item]
            "ratio": ratio,
            "cli_startup_median_s": module_startup["median"],  # type: ignore[dict-item]
            "cli_dir_docs_per_s": cli.get("docs_per_s"),  # type: ignore[dict-item]
            "mixed_docs_per_s": mixed.get("docs_per_s") if mixed else None,  # type: ignore[dict-item]
            "mixed_ratio": mixed.get("ratio") if mixed else None,  # type: ignore[dict-item]
        }
    )
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if options.out:
        write_result(options.out, text)
        log(f"wrote {options.out}")
    return 0


def write_result(out: str | Path, text: str) -> None:
    """Keep a run's JSON in ``out``, making its folder first: ``bench/results/`` is git-ignored, so a fresh
    checkout has none, and the README's ``--out bench/results/DATE.json`` failed after the whole run."""
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
