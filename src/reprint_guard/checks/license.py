"""``license``: the original's licence is one the policy covers, and the reprint names and links it.

The deed link may use http or https, any language suffix (``deed.de``) or ``legalcode``; the licence can
be named by its short name ("CC BY-ND 4.0") or its full name ("Creative Commons
Attribution-NoDerivatives 4.0").

PASS (licenses: [CC-BY-ND-4.0]): ``Licensed under [CC BY-ND 4.0](https://creativecommons.org/licenses/by-nd/4.0/)``.
FAIL: no link to the deed; ``license: CC-BY-NC-4.0`` in the metadata.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..licenses import deed_path, describe, normalize_license
from ..reprint import Reprint
from .base import Context, Problem

if TYPE_CHECKING:
    from .params import LicenseParams as Params

NAME = "license"
SUMMARY = "The licence is one the policy covers, is named in the visible text and linked to its deed."


def _linked(links: list[str], paths: set[str]) -> bool:
    return any(deed_path(spdx) in paths for spdx in (normalize_license(link) for link in links) if spdx)


def check(params: Params, reprint: Reprint, context: Context) -> Iterator[Problem]:
    meta = reprint.metadata
    accepted = {normalize_license(spdx) or spdx for spdx in params.licenses}
    declared = normalize_license(meta.license) if meta.license else None
    if meta.license and declared not in accepted:
        line, column = reprint.meta_position("license")
        yield Problem(
            line,
            column,
            detail=f"the metadata says {meta.license}, but this policy covers {', '.join(sorted(accepted))}",
            fix="Check the original's licence and the policy.",
        )
        return
    spdx = declared or sorted(accepted)[0]
    line, column = reprint.end_position()
    paths = {p for p in (deed_path(s) for s in accepted) if p}
    if params.link and not _linked(reprint.visible.links, paths):
        name, url = describe(spdx)
        yield Problem(
            line,
            column,
            detail=f"no visible link to the licence deed {url}",
            fix=f"Add: This article is republished under a [{name}]({url}) licence.",
        )
    if params.named:
        names = {n for s in accepted for n in describe(s, all_names=True)}
        if not any(reprint.visible.has_phrase(n) for n in names):
            name, url = describe(spdx)
            yield Problem(
                line,
                column,
                detail=f'the licence is not named (e.g. "{name}")',
                fix=f"Name the licence: This article is republished under a [{name}]({url}) licence.",
            )
