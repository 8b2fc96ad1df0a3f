"""reprint-guard: check a republished article against the original publisher's reprint terms.

>>> from reprint_guard import check
>>> body = "The river rose.\\n\\nThe original source of this article is Global Research.\\n"
>>> result = check(body, {"original_url": "https://www.globalresearch.ca/the-river/5801234",
...                       "author": "Ana Ruiz", "commercial": False})
>>> result.ok, sorted(f.rule for f in result.findings)
(False, ['global-research/copyright-notice', 'global-research/link-original'])

The names below are imported on first use (PEP 562), so that the command line,
which imports this package, does not pay for pydantic and the library API.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# Imported with the package, not with its first check: a process that forks while its threads are still
# importing the library for their first checks has the imports finished before the fork (see forking).
from . import forking as _forking  # noqa: F401

__version__ = "0.1.0"

#: Public name -> module that defines it.
_EXPORTS = {
    "ConfigWarning": ".api",
    "check": ".api",
    "check_file": ".api",
    "check_text": ".api",
    "credit": ".api",
    "load_policy": ".api",
    "parse_policy": ".api",
    "reload_policies": ".api",
    "ConfigError": ".errors",
    "InputError": ".errors",
    "NotAReprintError": ".errors",
    "PolicyError": ".errors",
    "PolicyWarning": ".errors",
    "ReprintGuardError": ".errors",
    "TooLargeError": ".errors",
    "UsageError": ".errors",
    "Metadata": ".metadata",
    "Permission": ".metadata",
    "Policy": ".policy.model",
    "Rule": ".policy.model",
    "Finding": ".results",
    "Report": ".results",
    "Result": ".results",
    "Severity": ".results",
}

__all__ = [
    "ConfigError",
    "ConfigWarning",
    "Finding",
    "InputError",
    "Metadata",
    "NotAReprintError",
    "Permission",
    "Policy",
    "PolicyError",
    "PolicyWarning",
    "Report",
    "ReprintGuardError",
    "Result",
    "Rule",
    "Severity",
    "TooLargeError",
    "UsageError",
    "__version__",
    "check",
    "check_file",
    "check_text",
    "credit",
    "load_policy",
    "parse_policy",
    "reload_policies",
]

if TYPE_CHECKING:
    from .api import ConfigWarning, check, check_file, check_text, credit, load_policy, parse_policy, reload_policies
    from .errors import (
        ConfigError,
        InputError,
        NotAReprintError,
        PolicyError,
        PolicyWarning,
        ReprintGuardError,
        TooLargeError,
        UsageError,
    )
    from .metadata import Metadata, Permission
    from .policy.model import Policy, Rule
    from .results import Finding, Report, Result, Severity


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'reprint_guard' has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
