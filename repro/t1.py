from _lib import *
import sys
def show(tag, run):
    try: s = standing(run)
    except Exception: s = run.stdout[:300]
    print(tag, run.returncode, s, run.stderr.strip()[:400])

# A: sidecar added where none (front matter at base)
r = repo({"content/post.md": front(UNCREDITED)})
write(r / "content/post.meta.yaml", meta_yaml(commercial=True))
show("A added", cli(r, "content", "--baseline-commit", "main", "--format", "json"))
# B: sidecar deleted
r = repo({"content/post.md": UNCREDITED, "content/post.meta.yaml": meta_yaml()})
(r / "content/post.meta.yaml").unlink()
show("B deleted", cli(r, "content", "--baseline-commit", "main", "--format", "json"))
# C: base sidecar broken yaml, fixed in PR
r = repo({"content/post.md": UNCREDITED, "content/post.meta.yaml": meta_yaml() + "bad: [\n"})
write(r / "content/post.meta.yaml", meta_yaml(commercial=True))
show("C basebroken", cli(r, "content", "--baseline-commit", "main", "--format", "json"))
# D: spaces unicode leading dash
for name in ["content/my post.md", "content/ünï cödé.md", "content/-dash.md"]:
    r = repo({name: UNCREDITED, name[:-3] + ".meta.yaml": meta_yaml()})
    write(r / (name[:-3] + ".meta.yaml"), meta_yaml(commercial=True))
    show("D " + name, cli(r, "content", "--baseline-commit", "main", "--format", "json"))
    show("D named " + name, cli(r, "--baseline-commit", "main", "--format", "json", "--", name))
