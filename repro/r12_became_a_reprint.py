"""A page that was no reprint at the commit (no metadata) gets a sidecar with original_url: all its findings are
new (right), but the run warns that its copy at the commit 'could not be checked', as if something failed."""
from _lib import *
r = repo({"content/post.md": UNCREDITED, "content/other.md": "# Notes\n"})
write(r / "content/post.meta.yaml", meta_yaml())
run = cli(r, "content", "--baseline-commit", "main", "--format", "json")
print("exit", run.returncode, standing(run), "\nstderr:", run.stderr.strip())
