from _lib import *
import shutil
def show(tag, run):
    try: s = standing(run)
    except Exception: s = run.stdout[:200]
    print(tag, run.returncode, s, run.stderr.strip()[:400])
r = repo({"content/post.md": UNCREDITED, "content/post.meta.yaml": meta_yaml()})
shutil.copy("/tmp/a47b/rules/global-research.yaml", r / "mine.yaml") if os.path.exists("/tmp/a47b/rules/global-research.yaml") else print(os.listdir("/tmp/a47b/rules")[:5])
write(r / "content/post.meta.yaml", meta_yaml(commercial=True))
show("untracked --policy ./mine.yaml", cli(r, "content", "--policy", "./mine.yaml", "--baseline-commit", "main", "--format", "json"))
show("untracked --policy abs", cli(r, "content", "--policy", str(r / "mine.yaml"), "--baseline-commit", "main", "--format", "json"))
show("--meta", cli(r, "content", "--meta", "medium=print", "--baseline-commit", "main", "--format", "json"))
