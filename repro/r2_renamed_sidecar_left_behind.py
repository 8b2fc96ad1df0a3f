"""A page renamed (git mv) without its metadata sidecar: at the commit it was read with post.meta.yaml
(commercial: true, agreed permission...), now it has no sidecar. Its copy at the commit is read at its new name,
without any sidecar, so what losing the sidecar brings is taken as already there."""
from _lib import *

# front matter gives what makes it a reprint; the sidecar gives author (copyright-notice needs it)
fm = {k: v for k, v in META.items() if k != "author"}
PAGE = "---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in fm.items()) + "---\n" + COMPLIANT_BODY
base = {"content/post.md": PAGE, "content/post.meta.yaml": 'author: "Ana Ruiz"\n'}
r = repo(base)
print("base, no baseline:", cli(r, "content", "--format", "json").returncode, standing(cli(r, "content", "--format", "json")))
git(r, "mv", "content/post.md", "content/renamed.md")
print("after git mv (sidecar left):", standing(cli(r, "content", "--format", "json")))
run = cli(r, "content", "--baseline-commit", "main", "--format", "json")
print("CLI --baseline-commit main: exit", run.returncode, standing(run))
git(r, "rm", "-q", "content/post.meta.yaml")
run = cli(r, "content", "--baseline-commit", "main", "--format", "json")
print("sidecar deleted too: exit", run.returncode, standing(run))
root, env = pull_request(base, {}, renames=[("content/post.md", "content/renamed.md")], deleted=["content/post.meta.yaml"])
for changed_only in ("true", "false"):
    a = action(root, env, **{"new-findings-only": "true", "changed-only": changed_only})
    print(f"Action changed-only={changed_only}: exit", a.returncode, [l[:140] for l in a.stdout.splitlines() if l.startswith(("::error", "::warning"))], a.stdout.splitlines()[-1])
