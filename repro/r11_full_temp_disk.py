"""The temporary folder's disk full while the commit's copy is made (TMPDIR on a 64 KiB tmpfs here): a sidecar's
change in a repository of a few hundred pages. Is it a one-line warning with every finding kept, or a traceback?
Needs (as root) /tmp/a47b-tiny: mkdir /tmp/a47b-tiny && mount -t tmpfs -o size=64k tmpfs /tmp/a47b-tiny. Found: handled (a one-line warning, every finding kept, nothing left behind)."""
from _lib import *
files = {f"content/p{i}.md": UNCREDITED * 20 for i in range(300)}
files.update({"content/post.md": UNCREDITED, "content/post.meta.yaml": meta_yaml()})
r = repo(files)
write(r / "content/post.meta.yaml", meta_yaml(commercial=True))
run = cli(r, "content/post.md", "--baseline-commit", "main", "--format", "json", env={"TMPDIR": "/tmp/a47b-tiny"})
print("exit", run.returncode, "Traceback" in run.stderr, run.stderr[-600:])
print(run.stdout[:300])
print(os.listdir("/tmp/a47b-tiny"))
