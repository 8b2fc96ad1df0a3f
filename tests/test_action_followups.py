"""Follow-ups to the CI integrator's review of the Action: a file's lead annotation is its most severe finding;
a reprint the change turns into "not a reprint" (its sidecar deleted, its original_url taken out) is told.
Real git repositories, the Action's own script."""

from __future__ import annotations

from conftest import COMPLIANT_BODY, COMPLIANT_META, markdown
from test_action import make_pull_request, outputs, run_action

#: A reprint on a commercial site with no permission recorded: one error, at line 6 (``commercial: true``).
BROKEN = markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY)
#: Twelve errors on added lines, two a file, as six new files bring them.
CROWDED = markdown({**COMPLIANT_META, "commercial": True}, COMPLIANT_BODY.replace("Global Research", "GR"))


def _annotations(stdout: str, level: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith(f"::{level} ")]


def test_a_files_lead_annotation_is_its_error_not_the_warning_on_its_changed_line(tmp_path):
    """The review's pr-g: an edit adds a warning on a changed line of a file whose error stands on a line it
    left alone. The file's lead went to the warning, the new files' errors filled the limit, and the file
    showed only its warning."""
    edited = markdown({**COMPLIANT_META, "commercial": True, "published": "2024-01-01"}, COMPLIANT_BODY)
    head = {f"content/new-{i:02d}.md": CROWDED for i in range(6)}
    head["content/edited.md"] = edited  # a dates-reversed warning on its added line 8
    repo, env = make_pull_request(tmp_path, head, {"content/edited.md": BROKEN})
    proc = run_action(repo, env)
    errors = _annotations(proc.stdout, "error")
    assert len(errors) == 10, proc.stdout
    assert any(line.startswith("::error file=content/edited.md,line=6,") for line in errors), proc.stdout
    # Every file still annotated, and the warning too (the warnings' limit has room).
    assert {line.split(",")[0].split("=", 1)[1] for line in errors} == {
        "content/edited.md",
        *(f"content/new-{i:02d}.md" for i in range(6)),
    }
    warnings = _annotations(proc.stdout, "warning")
    assert any("content/edited.md" in line and "dates-reversed" in line for line in warnings), proc.stdout
    assert outputs(tmp_path)["not-annotated"] == "3"


def test_a_file_whose_errors_find_no_room_is_still_annotated_with_its_warning(tmp_path):
    """The leads take the most severe finding that still has room: twelve files with an error and a warning
    each; ten show their error, the last two their warning rather than nothing."""
    both = markdown({**COMPLIANT_META, "commercial": True, "published": "2024-01-01"}, COMPLIANT_BODY)
    head = {f"content/new-{i:02d}.md": both for i in range(12)}
    repo, env = make_pull_request(tmp_path, head, {"content/fine.md": "Text.\n"})
    proc = run_action(repo, env)
    errors, warnings = _annotations(proc.stdout, "error"), _annotations(proc.stdout, "warning")
    annotated = {line.split(",")[0].split("=", 1)[1] for line in errors + warnings}
    assert annotated == {f"content/new-{i:02d}.md" for i in range(12)}, proc.stdout
    assert len(errors) == 10 and len(warnings) == 10
