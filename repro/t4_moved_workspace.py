from _lib import *
import shutil
meta_c = meta_yaml(commercial=True)
base = {"content/post.md": COMPLIANT_BODY, "content/post.meta.yaml": meta_c,
        "content/two.md": UNCREDITED, "content/two.meta.yaml": meta_yaml()}
head = {"content/post.meta.yaml": meta_c.replace("was sold", "was sold off"), "content/two.meta.yaml": meta_yaml(title="Other")}
root, env = pull_request(base, head)
# workspace above the repository: the checkout in a subfolder
ws = root.parent / "ws"; ws.mkdir(); shutil.move(str(root), ws / "site")
env = {**env, "GITHUB_WORKSPACE": str(ws)}
for co in ("true", "false"):
    a = action(ws, env, **{"new-findings-only": "true", "changed-only": co, "paths": "site/content"})
    print("moved ws changed-only", co, a.returncode, [l[:120] for l in a.stdout.splitlines() if l.startswith("::")], a.stdout.splitlines()[-1:])
    a = action(ws / "site", env, **{"new-findings-only": "true", "changed-only": co, "paths": "content"})
    print("in repo changed-only", co, a.returncode, [l[:120] for l in a.stdout.splitlines() if l.startswith("::")], a.stdout.splitlines()[-1:])
