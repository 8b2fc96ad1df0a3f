"""A proposed reprint: metadata plus a body, and where things are in its source file."""

from __future__ import annotations

import re
from functools import cached_property

from .metadata import Metadata
from .visible import VisibleBody, from_html, from_text

BODY_FORMATS = ("markdown", "html", "text")


class Reprint:
    """The thing being checked. Readers build it; checks only read it."""

    def __init__(
        self,
        *,
        body: str,
        metadata: Metadata,
        format: str = "markdown",
        path: str = "<input>",
        body_line: int = 1,
        key_lines: dict[str, int] | None = None,
        bare_urls: bool = True,
        html: str | None = None,
    ) -> None:
        self.body = body
        self.metadata = metadata
        self.format = format
        self.path = path
        self.body_line = body_line
        self.key_lines = key_lines or {}
        self.bare_urls = bare_urls
        self._html = html

    @cached_property
    def html(self) -> str:
        """The body as HTML, as a site would render it."""
        if self._html is not None:
            return self._html
        if self.format == "markdown":
            from .readers.markdown import render

            return render(self.body)
        return self.body

    @cached_property
    def visible(self) -> VisibleBody:
        if self.format == "text":
            return from_text(self.body, bare_urls=self.bare_urls)
        # Bare URLs in HTML are text, not links; in Markdown, GFM and Hugo link them.
        return from_html(self.html, bare_urls=self.bare_urls and self.format == "markdown")

    # Positions ---------------------------------------------------------

    def end_position(self) -> tuple[int, int]:
        """The last line of the body with text: where something missing would go."""
        return self.body_line + self.body.rstrip().count("\n"), 1

    def meta_position(self, key: str | None = None) -> tuple[int, int]:
        """The line declaring ``key`` in the front matter, else the start of the metadata."""
        if key and key in self.key_lines:
            return self.key_lines[key], 1
        return (min(self.key_lines.values()) if self.key_lines else 1), 1

    def locate(self, needle: str) -> tuple[int, int]:
        """Best-effort position of visible text or a URL in the body source."""
        index = self.body.find(needle) if needle else -1
        if index < 0 and needle:
            words = needle.split()
            pattern = r"\W+".join(re.escape(w) for w in words[:8])
            found = re.search(pattern, self.body, re.IGNORECASE) if pattern else None
            index = found.start() if found else -1
        if index < 0:
            return self.body_line, 1
        line = self.body_line + self.body.count("\n", 0, index)
        column = index - (self.body.rfind("\n", 0, index) + 1) + 1
        return line, column
