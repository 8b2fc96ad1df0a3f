from _lib import *
import shutil
for kind in ("sidecar", "page"):
    if kind == "sidecar":
        base = {"content/post.md": UNCREDITED, "meta/post.yaml": meta_yaml()}
        head = {"meta/post.yaml": meta_yaml(commercial=True)}
        link, target = "content/post.meta.yaml", "../meta/post.yaml"
    else:
        base = {"drafts/post.md": front(UNCREDITED), "content/keep.txt": "x"}
        head = {"drafts/post.md": front(UNCREDITED, commercial=True)}
        link, target = "content/post.md", "../drafts/post.md"
    r = repo(base)
    os.symlink(target, r / link); git(r, "add", "-A"); git(r, "commit", "-qm", "link")
    b = git(r, "rev-parse", "HEAD"); git(r, "checkout", "-qb", "pr")
    for n, t in head.items(): write(r / n, t)
    git(r, "commit", "-qam", "head"); h = git(r, "rev-parse", "HEAD")
    ev = r.parent / "event.json"; ev.write_text(json.dumps({"pull_request": {"number": 7, "base": {"sha": b}, "head": {"sha": h}}}))
    env = {"GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": str(ev),
           "GITHUB_STEP_SUMMARY": str(r.parent / "summary.md"), "GITHUB_OUTPUT": str(r.parent / "output.txt"), "GITHUB_WORKSPACE": str(r)}
    for co in ("true", "false"):
        a = action(r, env, **{"new-findings-only": "true", "changed-only": co, "paths": "content"})
        print(kind, "changed-only", co, a.returncode, [l[:110] for l in a.stdout.splitlines() if l.startswith("::")], a.stdout.splitlines()[-1:])
