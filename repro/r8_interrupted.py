"""A --baseline-commit run stopped (SIGTERM, SIGINT) while the commit's copy is being checked: is the temporary
copy (reprint-guard-base-*) left behind, and the child check orphaned?"""
from _lib import *
import signal, time, glob
PAGE = "---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in META.items() if k != "commercial") + "---\n" + COMPLIANT_BODY
files = {"hugo.toml": 'baseURL = "https://x.example/"\n', "content/_index.md": "---\ntitle: x\ncascade:\n  commercial: false\n---\n"}
files.update({f"content/p{i}.md": PAGE for i in range(1500)})
r = repo(files)
write(r / "content/_index.md", "---\ntitle: x\ncascade:\n  commercial: true\n---\n")
tmp = Path(tempfile.mkdtemp(prefix="a47b-tmp-"))
for sig in (signal.SIGINT, signal.SIGTERM):
    env = {**os.environ, "PYTHONPATH": SRC, "TMPDIR": str(tmp)}
    p = subprocess.Popen([PY, "-m", "reprint_guard", "check", "content", "--baseline-commit", "main", "--format", "json", "--no-progress"],
                         cwd=r, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(300):
        time.sleep(0.1)
        if glob.glob(str(tmp / "reprint-guard-base-*/content/p1499.md")):
            break
    time.sleep(1.0)
    p.send_signal(sig)
    err = p.communicate(timeout=120)[1].decode()
    time.sleep(2)
    left = glob.glob(str(tmp / "reprint-guard-base-*"))
    kids = subprocess.run(["pgrep", "-f", str(tmp)], capture_output=True, text=True).stdout.split()
    print(signal.Signals(sig).name, "exit", p.returncode, "left behind:", left, "stderr:", err.strip()[-300:])
    for d in left:
        subprocess.run(["rm", "-rf", d])
