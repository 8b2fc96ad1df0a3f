from _lib import *
r = repo({"content/keep.txt": "x"})
d = os.fsencode(str(r / "content"))
with open(d + b"/caf\xe9.md", "w") as f: f.write(UNCREDITED)
with open(d + b"/caf\xe9.meta.yaml", "w") as f: f.write(meta_yaml())
git(r, "add", "-A"); git(r, "commit", "-qm", "bytes")
with open(d + b"/caf\xe9.meta.yaml", "w") as f: f.write(meta_yaml(commercial=True))
e = {**os.environ, "PYTHONPATH": SRC}
p = subprocess.run([PY, "-m", "reprint_guard", "check", "content", "--baseline-commit", "main", "--format", "json"], cwd=r, capture_output=True, env=e)
rep = json.loads(p.stdout.decode("utf-8", "replace"))
print(p.returncode, [(x["path"], [(f["rule"].split("/")[-1], (f.get("suppressed") or {}).get("kind")) for f in x["findings"]]) for x in rep["results"]], p.stderr.decode()[:300])
