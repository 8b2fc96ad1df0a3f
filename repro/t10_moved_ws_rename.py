from _lib import *
import shutil
def index(commercial, title):
    return f"---\ntitle: {title}\ncascade:\n  medium: web\n  commercial: {str(commercial).lower()}\n---\nOur {title}.\n"
OLD = "---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in META.items() if k not in ("commercial", "author")) + "---\n" + COMPLIANT_BODY
base = {"hugo.toml": 'baseURL = "https://ledger.example/"\n', "content/blog/_index.md": index(False, "Blog"),
        "content/news/_index.md": index(True, "News"), "content/blog/post.md": OLD, "content/news/keep.md": "# x\n",
        "content/s.md": UNCREDITED, "content/s.meta.yaml": meta_yaml()}
root, env = pull_request(base, {"content/t.meta.yaml": meta_yaml(commercial=True)}, renames=[("content/blog/post.md", "content/news/post.md"), ("content/s.md", "content/t.md"), ("content/s.meta.yaml", "content/t.meta.yaml")])
ws = root.parent / "ws"; ws.mkdir(); shutil.move(str(root), ws / "site")
env = {**env, "GITHUB_WORKSPACE": str(ws)}
for co in ("true", "false"):
    a = action(ws, env, **{"new-findings-only": "true", "changed-only": co, "paths": "site/content"})
    print("moved ws changed-only", co, a.returncode, [l[:120] for l in a.stdout.splitlines() if l.startswith("::")], a.stdout.splitlines()[-1:])
    print("   sarif:", sarif_results(ws, env))
