"""The project configuration: how reprint-guard fits one content repository."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from .view import ONE_RULE


def _selector(value: str) -> str:
    """A CSS selector Lexbor can use: refused at load time, at its place, not when the first page is read."""
    from ..visible import selector_problem

    problem = selector_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


def _file_name(value: str) -> str:
    """A policy id, file or folder: no file system takes a NUL byte in a name."""
    if "\0" in value:
        raise ValueError("a file name cannot hold a NUL byte")
    return value


def _own_host(value: str) -> str:
    """A host name as ``original_url`` would give it (``example.org``), not an address."""
    from .view import HOST

    if not HOST.fullmatch(value):
        hint = value.split("://", 1)[-1].split("/", 1)[0].split("@")[-1].split(":", 1)[0].strip(".").lower()
        hint = hint if hint and HOST.fullmatch(hint) else "example.org"
        raise ValueError(f"{value!r} is not a host name: write it as {hint}")
    return value


def _zone_name(value: str) -> str:
    """An IANA time zone this machine's database holds (``America/Denver``)."""
    from .view import known_zone

    if not known_zone(value):
        raise ValueError(f"unknown time zone {value!r}; use an IANA name such as 'America/Denver'")
    return value


SeverityOverride = Literal["error", "warning", "info", "off"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


class Override(_Model):
    """Policy or metadata for the files under some paths (e.g. a print section)."""

    paths: list[str] = Field(min_length=1, description="Globs, relative to the config file's folder.")
    policy: Annotated[str, AfterValidator(_file_name)] | None = Field(
        default=None, description="Policy id or file for these files."
    )
    metadata: dict[str, Any] = Field(default_factory=dict, description="Metadata that wins over the files' own.")


class Suppression(_Model):
    """An agreed exception, e.g. a permission given by email, for some files and one rule."""

    path: str = Field(description="A glob, relative to the config file's folder.")
    rule: str = Field(
        pattern=rf"^{ONE_RULE}(?: *, *{ONE_RULE})*$",
        description="'<policy>/<rule>', '<policy>/*' for all of a policy's rules, or several, comma-separated.",
    )
    reason: str = Field(min_length=1, description="Why this is allowed; shown in every output.")
    until: dt.date | None = Field(default=None, description="Expiry date; after it the finding is back.")


class Config(_Model):
    """``.reprint-guard.yaml`` or ``[tool.reprint-guard]`` in ``pyproject.toml``."""

    include: list[str] = Field(
        default_factory=list,
        description="Globs of files to check when walking folders; empty means every file of a type read "
        "(.md/.markdown/.mdown/.mkdown/.mkdn/.mkd/.html/.htm/.json).",
    )
    exclude: list[str] = Field(default_factory=list, description="Globs never checked, even when named.")
    gitignore: bool = Field(default=True, description="Leave out files that git ignores.")
    policies: list[Annotated[str, AfterValidator(_file_name)]] = Field(
        default_factory=list, description="Extra policy files or folders."
    )
    policy: Annotated[str, AfterValidator(_file_name)] | None = Field(
        default=None, description="Check every reprint against this policy id or file."
    )
    front_matter: dict[str, str] = Field(
        default_factory=dict,
        alias="front-matter",
        description="Your front-matter keys mapped to reprint-guard's, e.g. canonicalURL: original_url.",
    )
    defaults: dict[str, Any] = Field(
        default_factory=dict, description="Metadata every reprint gets unless it says otherwise."
    )
    overrides: list[Override] = Field(default_factory=list)
    severity: dict[str, SeverityOverride] = Field(
        default_factory=dict,
        description="Per rule id ('<policy>/<rule>', or '<policy>/*' for all of a policy's rules; a rule's own "
        "entry wins): error, warning, info or off.",
    )
    fail_on: Literal["error", "warning", "info", "never"] = Field(default="error", alias="fail-on")
    bare_urls: bool = Field(default=True, alias="bare-urls", description="Count bare https:// URLs in Markdown.")
    skip_elements: list[Annotated[str, AfterValidator(_selector)]] = Field(
        default_factory=list,
        alias="skip-elements",
        description="CSS selectors of elements that are not the article (a whole page's menu, sidebar, footer): "
        "their text, links and media are left out.",
    )
    suppressions: list[Suppression] = Field(default_factory=list)
    own_hosts: list[Annotated[str, AfterValidator(_own_host)]] = Field(
        default_factory=list,
        alias="own-hosts",
        description="The site's own host names (and their subdomains): a file whose original_url is on one "
        "is the site's own article, not a reprint (a canonical URL pointing at itself), and is skipped; a "
        "permission record from an address there grants nothing where anyone holding the rights may grant.",
    )
    inline_suppressions: bool = Field(
        default=True,
        alias="inline-suppressions",
        description="Whether a suppression comment in a file's body (reprint-guard: ignore ...) counts; false "
        "when whoever writes the body is the one being checked (a CMS's editors): only the config's count.",
    )
    raw_html: bool = Field(
        default=True,
        alias="raw-html",
        description="Whether the site's Markdown renderer shows raw HTML; false for Hugo's default (goldmark "
        "without unsafe), which leaves it out: a credit or tracking pixel written as HTML is then not seen.",
    )
    markdown_in_html: bool = Field(
        default=False,
        alias="markdown-in-html",
        description="Whether the site's Markdown renderer reads Markdown inside an HTML block whose start tag says "
        "markdown=\"1\"; true for Jekyll's kramdown (CommonMark, Hugo's, leaves it as the raw text it is).",
    )
    site_timezone: Annotated[str, AfterValidator(_zone_name)] | None = Field(
        default=None,
        alias="site-timezone",
        description="The site's own time zone (an IANA name such as America/Denver: Hugo's timeZone, Jekyll's "
        "timezone): a page's own date (publishDate, date) written without an offset, or as a day alone, goes out "
        "at that time there; UTC when unset.",
    )
