"""CPU time of --baseline-commit on a 2,000-page Hugo site (40 sections) with nothing changed but one page:
old (287e3c13, before the merge) vs new, alternating, best of 3. Usage: bench_nochange.py SRC_OLD SRC_NEW"""
import resource, subprocess, sys, os
from _lib import *
PAGE = "---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in META.items()) + "---\n" + UNCREDITED
files = {"hugo.toml": 'baseURL = "https://x.example/"\n'}
for s in range(40):
    files[f"content/s{s}/_index.md"] = f"---\ntitle: S{s}\ncascade:\n  medium: web\n---\n"
    for i in range(50):
        files[f"content/s{s}/p{i}.md"] = PAGE
        if i % 2:
            files[f"content/s{s}/p{i}.meta.yaml"] = "title: x\n"
r = repo(files)
write(r / "content/s0/p0.md", PAGE + "\nMore.\n")
def cpu(src):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run([PY, "-m", "reprint_guard", "check", "content", "--baseline-commit", "main", "-j", "1", "--no-progress", "--format", "json"],
                       cwd=r, env={**os.environ, "PYTHONPATH": src}, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert p.returncode in (0, 1), p.stderr
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
best = {}
for _ in range(int(os.environ.get("ROUNDS", "3"))):
    for tag, src in (("old", sys.argv[1]), ("new", sys.argv[2])):
        best[tag] = min(best.get(tag, 1e9), cpu(src))
print({k: round(v, 2) for k, v in best.items()})
