"""Check types, one module each (yamllint-style): ``NAME``, ``SUMMARY`` and ``check()``.

What each check type accepts in a rule is a pydantic model in :mod:`.params`
(kept apart so that running checks never imports pydantic). Adding a check type
means adding a module here with one line in :data:`CHECKS`, and its model with
one line in :data:`.params.PARAMS`; the policy schema and the docs are generated
from them.
"""

from __future__ import annotations

from types import ModuleType

from . import attribution, element, license, link, media, metadata, permission, text, timing

CHECKS: dict[str, ModuleType] = {
    module.NAME: module for module in (attribution, link, permission, text, metadata, element, media, timing, license)
}
