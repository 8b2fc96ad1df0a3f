from _lib import *
def show(tag, run):
    try: s = standing(run)
    except Exception: s = run.stdout[:200]
    print(tag, run.returncode, s, run.stderr.strip()[:300])
r = repo({"content/post.md": UNCREDITED, "content/post.meta.yaml": meta_yaml()})
write(r / "content/post.meta.yaml", meta_yaml(commercial=True)); git(r, "add", "-A")
hook = ("--force-include", "--staged", "--baseline-commit", "HEAD", "--format", "json")
show("hook sidecar named", cli(r, *hook, "content/post.meta.yaml"))
show("hook page named", cli(r, *hook, "content/post.md"))
# staged sidecar reverted in the working tree (pre-commit would stash): unstaged change
write(r / "content/post.meta.yaml", meta_yaml())
show("hook, sidecar unstaged back", cli(r, *hook, "content/post.meta.yaml"))
# renamed in the index with sidecar left (staged)
r = repo({"content/post.md": "---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in META.items() if k != "author") + "---\n" + COMPLIANT_BODY, "content/post.meta.yaml": "author: Ana Ruiz\n"})
git(r, "mv", "content/post.md", "content/renamed.md"); git(r, "rm", "-q", "content/post.meta.yaml")
show("hook renamed away from sidecar", cli(r, *hook, "content/renamed.md"))
