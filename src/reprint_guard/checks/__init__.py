"""Check types, one module each (yamllint-style): ``NAME``, ``SUMMARY``, ``Params`` and ``check()``.

Adding a check type means adding a module here and one line to :data:`CHECKS`;
the policy schema and the docs are generated from these modules.
"""

from __future__ import annotations

from types import ModuleType

from . import attribution, element, license, link, media, metadata, permission, text, timing

CHECKS: dict[str, ModuleType] = {
    module.NAME: module for module in (attribution, link, permission, text, metadata, element, media, timing, license)
}
