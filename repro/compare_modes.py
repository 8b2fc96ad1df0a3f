"""The same change through the CLI (--baseline-commit main, on the PR's head), the Action changed-only and full
runs with new-findings-only: the unsuppressed errors each reports, by page. They should agree."""
from _lib import *
def index(commercial, extra="", title="News"):
    return f"---\ntitle: {title}\ncascade:\n  medium: web\n  commercial: {str(commercial).lower()}\n{extra}---\nOur news.\n"
NOCOM = {k: v for k, v in META.items() if k != "commercial"}
PAGE = "---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in NOCOM.items()) + "---\n" + COMPLIANT_BODY
OLD = "---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in NOCOM.items() if k != "author") + "---\n" + COMPLIANT_BODY
HUGO = {"hugo.toml": 'baseURL = "https://ledger.example/"\n', "content/news/_index.md": index(False),
        "content/news/a.md": PAGE, "content/news/old.md": OLD, "content/blog/_index.md": index(False, title="Blog"),
        "content/blog/b.md": OLD}
SC = {"content/post.md": UNCREDITED, "content/post.meta.yaml": meta_yaml(), "content/two.md": UNCREDITED, "content/two.meta.yaml": meta_yaml()}
cases = {
  "flip + new page": (HUGO, {"content/news/_index.md": index(True), "content/news/new.md": OLD}, (), ()),
  "flip + edit one": (HUGO, {"content/news/_index.md": index(True), "content/news/old.md": OLD + "\nMore.\n"}, (), ()),
  "noop cascade + edit": (HUGO, {"content/news/_index.md": index(False, "  news_outlet: true\n"), "content/news/old.md": OLD + "\nMore.\n"}, (), ()),
  "move blog->news (flip)": (HUGO, {"content/news/_index.md": index(True)}, (), [("content/blog/b.md", "content/news/b.md")]),
  "sidecar commercial": (SC, {"content/post.meta.yaml": meta_yaml(commercial=True)}, (), ()),
  "sidecar deleted + front": (SC, {"content/two.md": front(UNCREDITED)}, ("content/two.meta.yaml",), ()),
  "config change + sidecar": (SC, {".reprint-guard.yaml": "fail-on: warning\n", "content/post.meta.yaml": meta_yaml(commercial=True)}, (), ()),
  "rename + sidecar changed": (SC, {"content/renamed.meta.yaml": meta_yaml(commercial=True)}, (), [("content/post.md", "content/renamed.md"), ("content/post.meta.yaml", "content/renamed.meta.yaml")]),
}
def errs_json(run):
    rep = json.loads(run.stdout)
    return sorted((r["path"], f["rule"].split("/")[-1]) for r in rep["results"] for f in r["findings"] if not f.get("suppressed") and f["severity"] == "error")
for tag, (base, head, deleted, renames) in cases.items():
    root, env = pull_request(base, head, deleted=deleted, renames=renames)
    c = cli(root, "content", "--baseline-commit", "main", "--format", "json")
    out = {"cli": (c.returncode, errs_json(c))}
    for co in ("true", "false"):
        a = action(root, env, **{"new-findings-only": "true", "changed-only": co, "paths": "content"})
        e = sorted({(l.split("file=")[1].split(",")[0], l.split("title=")[1].split("::")[0].split("/")[-1]) for l in a.stdout.splitlines() if l.startswith("::error file=")})
        out[f"co={co}"] = (a.returncode, len([x for x in sarif_results(root, env) if not x[2]]) if os.path.exists(env["GITHUB_OUTPUT"]) else None, e)
    print(tag, "->", out)
