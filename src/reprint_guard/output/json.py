"""The versioned JSON envelope, streamed: results are written as they arrive.

The shape is :class:`~reprint_guard.report.Report`; its JSON Schema ships as
``schemas/report.schema.json``.
"""

from __future__ import annotations

import json
from typing import IO

from .. import __version__
from ..report import REPORT_VERSION, Result, Summary
from . import json_text


class JsonFormatter:
    def __init__(self, stream: IO[str], *, fail_on: str = "error") -> None:
        self.stream = stream
        self.first = True
        head = {
            "version": REPORT_VERSION,
            "tool": {"name": "reprint-guard", "version": __version__},
            "fail_on": fail_on,
        }
        stream.write(json.dumps(head)[:-1] + ', "results": [')

    def result(self, result: Result) -> None:
        self.stream.write(("\n" if self.first else ",\n") + _dumps(result.to_dict()))
        self.first = False

    def close(self, summary: Summary) -> None:
        self.stream.write('\n], "summary": ' + _dumps(summary.to_dict()) + "}\n")


def _dumps(data: object) -> str:
    return json_text(data, compact=True)
