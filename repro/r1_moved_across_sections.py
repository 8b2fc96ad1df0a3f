"""A page moved (git mv, text unchanged) from a community section into a commercial one: the move brings a
commercial-permission error. Its copy at the commit is read at its NEW place (the new section's cascade), so the
error is taken as already there and the run passes. Expected: exit 1, the error standing (new)."""
from _lib import *

def index(commercial, title):
    return f"---\ntitle: {title}\ncascade:\n  medium: web\n  commercial: {str(commercial).lower()}\n---\nOur {title}.\n"

PAGE = "---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in META.items() if k != "commercial") + "---\n" + COMPLIANT_BODY
base = {"hugo.toml": 'baseURL = "https://ledger.example/"\n', "content/blog/_index.md": index(False, "Blog"),
        "content/news/_index.md": index(True, "News"), "content/blog/post.md": PAGE, "content/news/keep.md": "# x\n"}
r = repo(base)
plain = cli(r, "content", "--format", "json")
print("base, no baseline:", standing(plain).get("content/blog/post.md"))
git(r, "mv", "content/blog/post.md", "content/news/post.md")
run = cli(r, "content", "--baseline-commit", "main", "--format", "json")
print("CLI after git mv, exit", run.returncode, standing(run).get("content/news/post.md"))
root, env = pull_request(base, {}, renames=[("content/blog/post.md", "content/news/post.md")])
for changed_only in ("true", "false"):
    a = action(root, env, **{"new-findings-only": "true", "changed-only": changed_only})
    print(f"Action changed-only={changed_only}: exit", a.returncode, [l[:140] for l in a.stdout.splitlines() if l.startswith("::error")], a.stdout.splitlines()[-1])
