"""A fork while other threads make their first checks: the child must not inherit a module's import lock held
by a thread it does not have (it waited forever on its first check). Real processes and threads, real fork."""

from __future__ import annotations

import ast
import importlib.util
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT

SRC = ROOT / "src" / "reprint_guard"
#: Imported by every Python process before any of the package's code runs.
ALWAYS_LOADED = {"sys", "os", "re", "io", "functools", "itertools", "collections", "collections.abc", "typing"}
#: What the hook itself imports to do its work (importlib is loaded in every process; pkgutil before the fork).
HOOK_OWN = {"importlib", "pkgutil"}

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")


def _function_level_imports() -> set[str]:
    """The modules from outside the package that its functions import on first use."""
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import):
                    found.update(alias.name for alias in inner.names)
                elif isinstance(inner, ast.ImportFrom) and not inner.level and inner.module:
                    found.add(inner.module)
                    found.update(
                        f"{inner.module}.{alias.name}"
                        for alias in inner.names
                        if _is_module(f"{inner.module}.{alias.name}")
                    )
    return {name for name in found if not name.startswith("reprint_guard")} - ALWAYS_LOADED - HOOK_OWN


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def test_the_list_of_lazy_imports_holds_every_one_the_source_makes():
    from reprint_guard.forking import LAZY_IMPORTS

    missing = _function_level_imports() - set(LAZY_IMPORTS)
    assert not missing, f"add to forking.LAZY_IMPORTS: {sorted(missing)}"


SCRIPT = textwrap.dedent(
    """
    import faulthandler, multiprocessing, sys, threading
    from reprint_guard import check, check_text, credit

    BODY = "The harbour.\\n"
    META = {"original_url": "https://www.propublica.org/article/x", "author": "A B"}
    ENVELOPE = (
        '{"metadata": {"original_url": "https://theconversation.com/a-1"}, "body": "<p>Hi</p>", "format": "html"}'
    )
    stop = False

    def spin(kind):
        while not stop:
            if kind == 0:
                check(BODY, META)
            elif kind == 1:
                check_text(ENVELOPE, format="json")
            elif kind == 2:
                check("<p>The harbour.</p>", META, format="html")
            else:
                credit({"original_url": "https://www.globalresearch.ca/a/5800000", "author": "A B"})

    def child():
        faulthandler.dump_traceback_later(20, exit=True)
        check(BODY, {**META, "original_url": "https://theconversation.com/a-1"})
        check_text(ENVELOPE, format="json")

    threads = [threading.Thread(target=spin, args=(i % 4,)) for i in range(4)]
    for thread in threads:
        thread.start()
    context = multiprocessing.get_context("fork")
    children = [context.Process(target=child) for _ in range(3)]
    for process in children:
        process.start()
    for process in children:
        process.join(60)
    stop = True
    for thread in threads:
        thread.join()
    print([process.exitcode for process in children])
    """
)


def _run_script(path: Path, text: str) -> subprocess.CompletedProcess[str]:
    """``text`` written to ``path`` and run by this interpreter, with the checkout's source, in its folder."""
    path.write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-W", "ignore::DeprecationWarning", str(path)],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        cwd=path.parent,
    )


def test_children_forked_while_threads_make_their_first_checks_finish(tmp_path):
    """Before the fix, each child waited forever on an import lock (3 runs of 3 in the review)."""
    run = _run_script(tmp_path / "fork.py", SCRIPT)
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout.strip().splitlines()[-1] == "[0, 0, 0]", run.stdout + run.stderr[-3000:]


def test_a_fork_with_one_thread_imports_nothing_more(tmp_path):
    """The command line forks its workers from one thread: nothing can be half imported, and it keeps its
    start-up lean (no pydantic, no jsonschema)."""
    script = tmp_path / "one.py"
    script.write_text(
        textwrap.dedent(
            """
            import os, sys
            import reprint_guard.forking
            pid = os.fork()
            if pid == 0:
                os._exit(0)
            os.waitpid(pid, 0)
            print("pydantic" in sys.modules, "jsonschema" in sys.modules)
            """
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60, env=env)
    assert run.stdout.split() == ["False", "False"], run.stdout + run.stderr


def test_the_readme_says_what_a_fork_finishes_first():
    text = Path(ROOT / "README.md").read_text(encoding="utf-8")
    assert "imports on first use" in text


EARLY = textwrap.dedent(
    """
    import faulthandler, os, sys, threading, time
    import reprint_guard as rg

    BODY = "The harbour.\\n"
    META = {"original_url": "https://www.propublica.org/article/x", "author": "A B"}
    stop = False

    def spin():
        while not stop:
            rg.check(BODY, META)

    threads = [threading.Thread(target=spin, daemon=True) for _ in range(4)]
    for thread in threads:
        thread.start()
    pid = os.fork()  # at once: the threads are still importing the library for their first check
    if pid == 0:
        faulthandler.dump_traceback_later(20, exit=True)
        rg.check(BODY, META)
        os._exit(0)
    deadline = time.time() + 60
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            print(os.waitstatus_to_exitcode(status))
            break
        if time.time() > deadline:
            print("hang")
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            break
        time.sleep(0.05)
    stop = True
    for thread in threads:
        thread.join()
    """
)


def test_a_fork_while_threads_still_import_the_library_for_their_first_check(tmp_path):
    """The review's second case: the fork comes before the library's first check has imported anything of it
    but the package (the hooks are registered with the package itself)."""
    for _ in range(2):
        run = _run_script(tmp_path / "early.py", EARLY)
        assert run.stdout.strip().splitlines()[-1:] == ["0"], run.stdout + run.stderr[-3000:]


QUIET = textwrap.dedent(
    """
    import os, threading, time
    import reprint_guard

    thread = threading.Thread(target=time.sleep, args=(1,))
    thread.start()
    pid = os.fork()  # the first fork, with another thread running: the hook imports the library now
    if pid == 0:
        os._exit(0)
    print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
    from reprint_guard.prefilter import _LEXICON_LOCK  # a lock made by the hook's imports: free after the fork
    print(_LEXICON_LOCK.acquire(blocking=False))
    thread.join()
    """
)


def test_the_hooks_that_the_first_fork_imports_are_balanced(tmp_path):
    """The aggregator's review: modules imported by the fork's own hook register hooks of their own (logging's,
    the library's locks); Python runs their "after" hooks but not their "before", and each let go of a lock no
    hook took: nine "Exception ignored ... release unlocked lock" tracebacks on every first fork."""
    run = _run_script(tmp_path / "quiet.py", QUIET)
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout.split() == ["0", "True"], run.stdout + run.stderr[-3000:]
    assert "Exception ignored" not in run.stderr and "release" not in run.stderr, run.stderr[-3000:]


def test_a_check_that_tells_an_element_to_insert_does_not_import_what_writes_fixes(tmp_path) -> None:
    """A page with another article's counter is told the element to put there, filled from its metadata
    (``reprint_guard.inserts``), without importing ``reprint_guard.fix`` (~25 ms of CPU), which ``--fix`` needs."""
    import json
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    fixture = Path(__file__).resolve().parent / "policies" / "the-conversation" / "page-counter-other-article.md"
    page = tmp_path / "page.md"
    shutil.copyfile(fixture, page)
    code = (
        "import sys; from reprint_guard.cli import main\n"
        "code = main()\n"
        "print('reprint_guard.fix' in sys.modules, code, file=sys.stderr)"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, "check", "--no-config", "-j", "1", "--format", "json", str(page)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.stderr.splitlines()[-1] == "False 1", run.stderr
    (finding,) = json.loads(run.stdout)["results"][0]["findings"]
    assert finding["rule"] == "the-conversation/page-counter"
    assert (
        "Replace it with the element for this reprint's original: <img src=\"https://counter.theconversation.com/content/"
        in finding["fix"]
    )
