"""README says a page whose sidecar changed has its copy at the commit read with the commit's config. When the
change deletes the config, the copy is read with none (the run found none: --no-config), not the commit's: a
finding the commit's config suppressed (or set aside) is held as if it had been there unsuppressed."""
from _lib import *
cfg = "suppressions:\n  - path: content/post.md\n    rule: global-research/copyright-notice\n    reason: Agreed with the author\n"
r = repo({".reprint-guard.yaml": cfg, "content/post.md": UNCREDITED, "content/post.meta.yaml": meta_yaml()})
print("base:", standing(cli(r, "content", "--format", "json")))
git(r, "rm", "-q", ".reprint-guard.yaml")
write(r / "content/post.meta.yaml", meta_yaml(title="Retitled"))
run = cli(r, "content", "--baseline-commit", "main", "--format", "json")
print("config deleted + sidecar retitled: exit", run.returncode, standing(run))
write(r / ".reprint-guard.yaml", "fail-on: error\n")
run = cli(r, "content", "--baseline-commit", "main", "--format", "json")
print("config rewritten (no suppression) + sidecar retitled: exit", run.returncode, standing(run))
