"""The hook's --staged run with the site file named by an absolute path (or run from outside the repository):
the pages it reaches are named absolutely, and their 'copy at HEAD' is the working tree's own file, read with the
working tree's cascade. A cascade flipped to commercial then holds its new errors as old: exit 0."""
from _lib import *

def index(commercial, title="News"):
    return f"---\ntitle: {title}\ncascade:\n  medium: web\n  commercial: {str(commercial).lower()}\n---\nOur news.\n"
PAGE = "---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in META.items() if k != "commercial") + "---\n" + COMPLIANT_BODY
r = repo({"hugo.toml": 'baseURL = "https://ledger.example/"\n', "content/news/_index.md": index(False), "content/news/a.md": PAGE})
write(r / "content/news/_index.md", index(True)); git(r, "add", "-A")
for tag, cwd, named in [("relative", r, "content/news/_index.md"), ("absolute", r, str(r / "content/news/_index.md")),
                        ("from above", r.parent, "site/content/news/_index.md")]:
    run = cli(cwd, "--force-include", "--staged", "--format", "json", named)
    print(tag, "exit", run.returncode, standing(run) if run.stdout.startswith("{") else run.stdout[:200], run.stderr[:300])
    run = cli(cwd, "--force-include", "--staged", "--baseline-commit", "HEAD", "--format", "json", named)
    print(tag, "+baseline exit", run.returncode, standing(run) if run.stdout.startswith("{") else run.stdout[:200], run.stderr[:300])
