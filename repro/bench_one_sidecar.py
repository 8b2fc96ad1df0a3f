"""CPU time (the run and its children) of `check content/a/p0.md --baseline-commit main` in a repository of N text
files (pages and sidecars) where only that page's sidecar changed: old (287e3c13) vs new, best of 3, alternating.
Usage: bench_one_sidecar.py SRC_OLD SRC_NEW N"""
import resource, sys, time
from _lib import *
n = int(sys.argv[3])
files = {}
for i in range(n // 2):
    files[f"content/s{i // 500}/p{i}.md"] = UNCREDITED
    files[f"content/s{i // 500}/p{i}.meta.yaml"] = meta_yaml()
r = repo(files)
write(r / "content/s0/p0.meta.yaml", meta_yaml(commercial=True))
def cpu(src):
    b = resource.getrusage(resource.RUSAGE_CHILDREN); t = time.time()
    p = subprocess.run([PY, "-m", "reprint_guard", "check", "content/s0/p0.md", "--baseline-commit", "main", "-j", "1", "--no-progress", "--format", "json"],
                       cwd=r, env={**os.environ, "PYTHONPATH": src}, capture_output=True)
    a = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert p.returncode in (0, 1), p.stderr
    return a.ru_utime + a.ru_stime - b.ru_utime - b.ru_stime
best = {}
for _ in range(3):
    for tag, src in (("old", sys.argv[1]), ("new", sys.argv[2])):
        best[tag] = min(best.get(tag, 1e9), cpu(src))
print(n, "files:", {k: round(v, 2) for k, v in best.items()})
