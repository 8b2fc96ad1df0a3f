"""reprint-guard: check a republished article against the original publisher's reprint terms.

>>> from reprint_guard import check
>>> result = check(body, {"original_url": "https://www.globalresearch.ca/...", "author": "..."})
>>> result.ok, [f.rule for f in result.findings]
"""

from .api import check, check_file, load_policy
from .errors import InputError, PolicyError, ReprintGuardError, UsageError
from .metadata import Metadata, Permission
from .policy.model import Policy, Rule
from .report import Finding, Report, Result, Severity

__version__ = "0.1.0"

__all__ = [
    "Finding",
    "InputError",
    "Metadata",
    "Permission",
    "Policy",
    "PolicyError",
    "Report",
    "ReprintGuardError",
    "Result",
    "Rule",
    "Severity",
    "UsageError",
    "__version__",
    "check",
    "check_file",
    "load_policy",
]
