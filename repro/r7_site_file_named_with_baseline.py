"""`check content/news/_index.md --baseline-commit main` (a site file named stands for its pages) after a cascade
change: the pages it brings are not held to the commit at all (their copy there is only read with --staged, and
they are left out of the pages compared with the commit), so every old finding counts as new; `check content`
for the same change holds them."""
from _lib import *
def index(commercial, extra=""):
    return f"---\ntitle: News\ncascade:\n  medium: web\n  commercial: {str(commercial).lower()}\n{extra}---\nOur news.\n"
OLD = "---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in META.items() if k not in ("commercial", "author")) + "---\n" + COMPLIANT_BODY
r = repo({"hugo.toml": 'baseURL = "https://ledger.example/"\n', "content/news/_index.md": index(False), "content/news/old.md": OLD})
write(r / "content/news/_index.md", index(False, "  news_outlet: true\n"))
for named in (["content"], ["content/news/_index.md"], ["--force-include", "content/news/_index.md"], ["hugo.toml"]):
    run = cli(r, *named, "--baseline-commit", "main", "--format", "json")
    print(named, "exit", run.returncode, standing(run), run.stderr[:200])
