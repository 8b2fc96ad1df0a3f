"""The metadata view is built without pydantic when it can be: both routes must agree.

``metaview._exact`` exists only for speed (the command line does not import
pydantic); these tests hold it to what the pydantic model produces.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from reprint_guard.metadata import Metadata
from reprint_guard.metaview import DECLARED, _exact, from_model, read_metadata

DAY = dt.date(2025, 3, 4)
MOMENT = dt.datetime(2025, 3, 4, 10, 30, tzinfo=dt.UTC)

#: Dates as a CMS's JSON sends them (text), and text that is no calendar day: the fast route reads the days
#: as the model does and leaves the rest to it.
DAYS_AS_TEXT = [
    "2025-03-04",
    " 2025-03-04\n",
    "20250304",
    "2025-02-30",
    "2025-3-4  ",
    "2025-W09-7",
    "2025-063",
    "20251304",
    "2025-03-04T10:00:00Z",
    "2025-03-04 10:00",
    "",
    "  ",
    "March 4, 2025",
    "\uff12\uff10\uff12\uff15\uff10\uff13\uff10\uff14",
    "2025-03-04T10:00:00+01:00",
]

CANDIDATES: dict[str, list[Any]] = {
    "title": ["A title", "", None, 2024, True, ["a"]],
    "author": ["Ana Souza", ["Ana", "Bo"], [], None, ["Ana", 3], ("Ana",), 7],
    "copyright_holder": ["Ana", ["Ana", "Bo"], None, 1.5],
    "original_url": ["https://www.globalresearch.ca/x/5763259", None, 5],
    "original_published": [DAY, MOMENT, "2025-03-04", None, 20250304, dt.datetime(2025, 3, 4), *DAYS_AS_TEXT],
    "published": [DAY, MOMENT, None, "2025-03-04T10:00:00Z", *DAYS_AS_TEXT],
    "medium": ["web", "Print", " newsletter ", None, "fax", 3, "WEB"],
    "commercial": [True, False, None, "yes", "no", 1, 0, "maybe"],
    "permissions": [
        None,
        [],
        [{"from": "publications@globalresearch.ca", "date": DAY, "scope": ["commercial"], "reference": "mail"}],
        [{"from": "Ed <ed@x.org>", "scope": "print", "expires": DAY, "note": "kept"}],
        [{"from": "a@b.org", "date": "2025-01-02", "scope": ["print"]}],
        *([{"from": "a@b.org", "date": day, "scope": ["print"]}] for day in DAYS_AS_TEXT),
        *([{"from": "a@b.org", "expires": day}] for day in DAYS_AS_TEXT),
        [{"from": "a@b.org", "date": MOMENT, "scope": ["print"]}],
        [{"from": "a@b.org", "scope": None}],
        [{"from_": "a@b.org", "scope": ["print"]}],
        [{"scope": ["print"]}],
        ["a@b.org"],
        {"from": "a@b.org"},
    ],
    "policy": ["global-research", None, 3],
    "license": ["CC-BY-ND-4.0", None],
    "modified": [True, False, None, "true", 1],
    "sold": [False, None, "no"],
    "tags": [["a", "b"], "x", 3, None],
    "expect": [["global-research/link-original"], None],
}


def _canonical(view: Any) -> list[tuple[str, str]]:
    rows = []
    for key in DECLARED:
        value = getattr(view, key)
        if key == "permissions":
            value = [p.as_dict() for p in value]
        rows.append((key, repr(value)))
    rows.append(("extra", repr(sorted(view.extra.items()))))
    return rows


def _model_view(data: dict[str, Any]) -> Any:
    try:
        return from_model(Metadata.model_validate(data))
    except ValueError:
        return None


def test_generated_metadata_agrees_with_the_model() -> None:
    rng = random.Random(20261201)
    fast = 0
    for _ in range(4000):
        keys = rng.sample(sorted(CANDIDATES), rng.randint(0, 8))
        data = {key: rng.choice(CANDIDATES[key]) for key in keys}
        exact = _exact(data)
        model = _model_view(data)
        if exact is None:
            continue
        fast += 1
        assert model is not None, f"fast route accepted what the model refuses: {data!r}"
        assert _canonical(exact) == _canonical(model), data
    assert fast > 400  # the fast route is taken, not only declined


@pytest.mark.parametrize(
    "data",
    [
        {"commercial": "yes", "original_published": "2025-03-04"},
        {"medium": "Print ", "permissions": [{"from": "a@b.org", "date": "2025-01-02T09:00", "scope": "print"}]},
        {"original_published": "2025-03-04T10:00:00Z"},
        {"published": "20250304T1000Z"},
    ],
)
def test_coercions_go_through_the_model(data: dict[str, Any]) -> None:
    assert _exact(data) is None
    assert _canonical(read_metadata(data)) == _canonical(from_model(Metadata.model_validate(data)))


@pytest.mark.parametrize("day", ["2025-03-04", " 2025-03-04 ", "20250304", "2025-W10-2"])
def test_a_day_written_as_text_takes_the_fast_route_to_the_models_answer(day: str) -> None:
    """A JSON envelope's dates are text: a calendar day is read without the model, as the model reads it."""
    data = {
        "original_published": day,
        "published": day,
        "permissions": [{"from": "a@b.org", "date": day, "expires": day, "scope": "print"}],
    }
    exact = _exact(data)
    assert exact is not None
    assert exact.original_published == exact.permissions[0].date == dt.date(2025, 3, 4)
    assert type(exact.published) is dt.date
    assert _canonical(exact) == _canonical(from_model(Metadata.model_validate(data)))


def test_a_json_page_with_its_dates_as_text_is_checked_without_pydantic(tmp_path) -> None:
    """The command line reads a CMS envelope's "2025-03-02" without importing pydantic (~70 ms of CPU)."""
    import json
    import subprocess
    import sys

    page = tmp_path / "page.json"
    metadata = {
        "title": "A seed library",
        "original_url": "https://harrow-valley-ledger.example/2025/03/02/seed-library",
        "original_published": "2025-03-02",
        "license": "CC-BY-4.0",
        "permissions": [{"from": "desk@harrow-valley-ledger.example", "date": "2025-03-03", "scope": "print"}],
    }
    page.write_text(json.dumps({"metadata": metadata, "body": "Seeds.\n", "format": "markdown"}), encoding="utf-8")
    code = (
        "import sys; from reprint_guard.cli import main\n"
        "try:\n    code = main()\nexcept SystemExit as stop:\n    code = stop.code\n"
        "print('pydantic' in sys.modules, code, file=sys.stderr)"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, "check", "--no-config", "--format", "json", str(page)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.stderr.splitlines()[-1] == "False 1", run.stderr
    assert json.loads(run.stdout)["summary"]["files"] == 1


def test_invalid_metadata_raises_the_models_error() -> None:
    with pytest.raises(ValueError) as caught:
        read_metadata({"commercial": "maybe"})
    assert hasattr(caught.value, "errors")


def test_metadata_valid_as_written_is_valid_key_by_key_and_the_rest_is_read_key_by_key() -> None:
    """``readers.metadata_problem`` skips reading a sidecar's keys one by one when the whole is valid as written
    (``metaview.valid_as_written``): then every key is valid on its own; otherwise the keys tell the problem."""
    from reprint_guard.metaview import valid_as_written
    from reprint_guard.readers import metadata_problem

    rng = random.Random(20261207)
    whole = 0
    for _ in range(3000):
        keys = rng.sample(sorted(CANDIDATES), rng.randint(1, 8))
        data = {key: rng.choice(CANDIDATES[key]) for key in keys}
        one_by_one = None
        for key, value in data.items():
            try:
                read_metadata({key: value})
            except ValueError:
                one_by_one = key
                break
        if valid_as_written(data):
            whole += 1
            assert one_by_one is None, data
            assert metadata_problem(data) is None
        elif one_by_one is not None:
            assert metadata_problem(data)[0] == one_by_one, data
    assert whole > 300
