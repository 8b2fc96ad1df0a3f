"""A Hugo or Jekyll site's config that gave its pages a value (a cascade's author; Jekyll's defaults), deleted
since the commit: the page, unchanged, is held whole (its site files are listed as they are now: the deleted one
is not among them, or no site is left), so the warning the deletion brings ('commercial' is not set) is taken
as old: with --fail-on warning (fail-on: warning) the run passes. Expected: it stands (exit 1), as it does when the
config is changed rather than deleted."""
from _lib import *
NOAUTH = {k: v for k, v in META.items() if k != "commercial"}
PAGE = "---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in NOAUTH.items()) + "---\n" + COMPLIANT_BODY
cascade = '[cascade]\ncommercial = false\n'
cases = [
    ("config/_default/hugo.toml deleted (site kept by menus.toml)", {"config/_default/hugo.toml": 'baseURL = "https://x.example/"\n' + cascade, "config/_default/menus.toml": "", "content/news/a.md": PAGE}, "config/_default/hugo.toml", "content"),
    ("hugo.toml deleted (no site now)", {"hugo.toml": 'baseURL = "https://x.example/"\n' + cascade, "content/news/a.md": PAGE}, "hugo.toml", "content"),
    ("_config.yml deleted (Jekyll)", {"_config.yml": "defaults:\n  - scope: {path: ''}\n    values: {commercial: false}\n", "news/a.md": PAGE}, "_config.yml", "news"),
]
for tag, base, gone, folder in cases:
    r = repo(base)
    print(tag, "| base:", standing(cli(r, folder, "--format", "json")))
    git(r, "rm", "-q", gone)
    print("   now, no baseline:", standing(cli(r, folder, "--format", "json")))
    run = cli(r, folder, "--baseline-commit", "main", "--format", "json", "--fail-on", "warning")
    print("   --baseline-commit main: exit", run.returncode, standing(run))
    root, env = pull_request(base, {}, deleted=[gone])
    for co in ("true", "false"):
        a = action(root, env, **{"new-findings-only": "true", "changed-only": co, "fail-on": "warning"})
        print(f"   Action changed-only={co}: exit", a.returncode, [l[:100] for l in a.stdout.splitlines() if l.startswith(("::error", "::warning"))], a.stdout.splitlines()[-1])
