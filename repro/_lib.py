"""Helpers for the a47b reproductions: real git repositories in a temp folder, the real CLI and Action."""
import json, os, subprocess, sys, tempfile
from pathlib import Path

SRC = "/tmp/a47b/src"
PY = "/tmp/v/bin/python"
GR_URL = "https://www.globalresearch.ca/harbour-sold/5800001"
META = {"title": "The harbour that was sold", "author": "Ana Ruiz", "original_url": GR_URL,
        "original_published": "2024-03-02", "commercial": False, "medium": "web"}
UNCREDITED = "# The harbour that was sold\n\nA long paragraph about a harbour, its workers and a sale nobody voted for.\n\n*First published elsewhere.*\n"
COMPLIANT_BODY = f"""# The harbour that was sold

A long paragraph about a harbour, its workers and a sale nobody voted for.

*The original source of this article is [Global Research]({GR_URL}).*

Copyright © Ana Ruiz, Global Research, 2024
"""

def meta_yaml(**over):
    return "".join(f"{k}: {json.dumps(v)}\n" for k, v in {**META, **over}.items())

def front(body, **over):
    return "---\n" + meta_yaml(**over) + "---\n" + body

def git(repo, *args, check=True):
    p = subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", *args],
                       cwd=repo, capture_output=True, text=True)
    if check and p.returncode:
        raise SystemExit(f"git {args}: {p.stderr}")
    return p.stdout.strip()

def write(path, text):
    path = Path(path); path.parent.mkdir(parents=True, exist_ok=True); path.write_text(text, encoding="utf-8")

def repo(files, name="site"):
    root = Path(tempfile.mkdtemp(prefix="a47b-")) / name
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    for n, t in files.items():
        write(root / n, t)
    git(root, "add", "-A"); git(root, "commit", "-q", "-m", "base")
    return root

def cli(cwd, *args, env=None):
    e = {**os.environ, "PYTHONPATH": SRC, "TMPDIR": os.environ.get("TMPDIR", "/tmp")}
    e.update(env or {})
    return subprocess.run([PY, "-m", "reprint_guard", "check", *args], cwd=cwd, capture_output=True, text=True, env=e, timeout=300)

def standing(run):
    rep = json.loads(run.stdout)
    return {r["path"]: sorted((f["rule"].split("/")[-1], (f.get("suppressed") or {}).get("kind")) for f in r["findings"]) for r in rep["results"]}

def pull_request(base, head, deleted=(), renames=()):
    root = repo(base)
    b = git(root, "rev-parse", "HEAD")
    git(root, "checkout", "-q", "-b", "reprints")
    for old, new in renames:
        git(root, "mv", old, new)
    for n, t in head.items():
        write(root / n, t)
    for n in deleted:
        (root / n).unlink()
    git(root, "add", "-A"); git(root, "commit", "-q", "-m", "head")
    h = git(root, "rev-parse", "HEAD")
    tmp = root.parent
    ev = tmp / "event.json"
    ev.write_text(json.dumps({"pull_request": {"number": 7, "base": {"sha": b}, "head": {"sha": h}}}))
    env = {"GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": str(ev),
           "GITHUB_STEP_SUMMARY": str(tmp / "summary.md"), "GITHUB_OUTPUT": str(tmp / "output.txt"),
           "GITHUB_WORKSPACE": str(root)}
    return root, env

def action(root, env, **inputs):
    full = {k: v for k, v in os.environ.items() if not k.startswith(("INPUT_", "GITHUB_", "RUNNER_"))}
    full.update(env); full["PYTHONPATH"] = SRC
    full.update({f"INPUT_{k.upper().replace('-', '_')}": v for k, v in inputs.items()})
    return subprocess.run([PY, "-m", "reprint_guard.action"], cwd=root, env=full, capture_output=True, text=True, timeout=300)

def sarif_results(root, env):
    out = dict(l.split("=", 1) for l in Path(env["GITHUB_OUTPUT"]).read_text().splitlines() if "=" in l)
    s = json.loads((Path(root) / out["sarif"]).read_text())
    return sorted((r["ruleId"].split("/")[-1], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], bool(r.get("suppressions"))) for r in s["runs"][0]["results"])
