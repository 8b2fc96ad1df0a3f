from _lib import *
import shutil
def show(tag, run):
    try: s = standing(run)
    except Exception: s = run.stdout[:200]
    print(tag, run.returncode, s, run.stderr.strip()[:300])
base = {"content/post.md": UNCREDITED, "content/post.meta.yaml": meta_yaml()}
r = repo(base)
write(r / "content/post.meta.yaml", meta_yaml(commercial=True)); git(r, "commit", "-qam", "c2")
show("nonexistent", cli(r, "content", "--baseline-commit", "deadbeef", "--format", "json"))
show("detached HEAD~1", (git(r, "checkout", "-q", "--detach", "HEAD"), cli(r, "content", "--baseline-commit", "HEAD~1", "--format", "json"))[1])
# shallow clone
sh = r.parent / "shallow"
subprocess.run(["git", "clone", "-q", "--depth", "1", "file://" + str(r), str(sh)], check=True)
show("shallow HEAD~1", cli(sh, "content", "--baseline-commit", "HEAD~1", "--format", "json"))
write(sh / "content/post.meta.yaml", meta_yaml(commercial=True, title="x"))
show("shallow HEAD", cli(sh, "content", "--baseline-commit", "HEAD", "--format", "json"))
# symlinked sidecar in the base, target changed
r = repo({"content/post.md": UNCREDITED, "meta/post.yaml": meta_yaml()})
os.symlink("../meta/post.yaml", r / "content/post.meta.yaml"); git(r, "add", "-A"); git(r, "commit", "-qm", "link")
write(r / "meta/post.yaml", meta_yaml(commercial=True))
show("symlinked sidecar target changed", cli(r, "content", "--baseline-commit", "main", "--format", "json"))
# submodule
sub = repo({"content/sub.md": UNCREDITED, "content/sub.meta.yaml": meta_yaml()}, name="subrepo")
r = repo({"content/post.md": UNCREDITED, "content/post.meta.yaml": meta_yaml()})
git(r, "-c", "protocol.file.allow=always", "submodule", "-q", "add", str(sub), "mod"); git(r, "commit", "-qm", "sub")
write(r / "content/post.meta.yaml", meta_yaml(commercial=True)); write(r / "mod/content/sub.meta.yaml", meta_yaml(commercial=True))
show("submodule", cli(r, "content", "mod", "--baseline-commit", "main", "--format", "json"))
show("inside submodule", cli(r / "mod", "content", "--baseline-commit", "HEAD", "--format", "json"))
