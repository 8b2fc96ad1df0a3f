"""Jekyll: a front matter default whose scope path is a prefix of file names (_posts/2024) makes a post
commercial. A post renamed within _posts into that prefix takes commercial: true: the rename brings a
commercial-permission error, held as old when the commit's copy is read at the new name."""
from _lib import *
cfg = "title: Ledger\ndefaults:\n  - scope:\n      path: \"_posts/2024\"\n    values:\n      commercial: true\n"
PAGE = "---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in META.items() if k != "commercial") + "---\n" + COMPLIANT_BODY
r = repo({"_config.yml": cfg, "_posts/2023-03-02-harbour.md": PAGE})
print("base:", standing(cli(r, "_posts", "--format", "json")))
git(r, "mv", "_posts/2023-03-02-harbour.md", "_posts/2024-03-02-harbour.md")
print("now, no baseline:", standing(cli(r, "_posts", "--format", "json")))
run = cli(r, "_posts", "--baseline-commit", "main", "--format", "json")
print("--baseline-commit main: exit", run.returncode, standing(run))
