"""Symbolic links git tracks, whose TARGET changed since the commit (the link itself did not):
(1) a metadata sidecar content/post.meta.yaml -> ../meta/post.yaml, its target set commercial: true;
(2) a page content/post.md -> ../drafts/post.md, its target's front matter set commercial: true.
The link's name is not in the diff, so the page is taken as the commit holds it and every finding is held:
the new commercial-permission error passes (exit 0). Expected: it stands (exit 1)."""
from _lib import *
def show(tag, run):
    print(tag, "exit", run.returncode, standing(run), run.stderr.strip()[:300])
r = repo({"content/post.md": UNCREDITED, "meta/post.yaml": meta_yaml()})
os.symlink("../meta/post.yaml", r / "content/post.meta.yaml"); git(r, "add", "-A"); git(r, "commit", "-qm", "link")
write(r / "meta/post.yaml", meta_yaml(commercial=True))
show("(1) sidecar link, target changed:", cli(r, "content", "--baseline-commit", "main", "--format", "json"))
r = repo({"drafts/post.md": front(UNCREDITED), "content/keep.txt": "x"})
os.symlink("../drafts/post.md", r / "content/post.md"); git(r, "add", "-A"); git(r, "commit", "-qm", "link")
write(r / "drafts/post.md", front(UNCREDITED, commercial=True))
show("(2) page link, target changed:", cli(r, "content", "--baseline-commit", "main", "--format", "json"))
