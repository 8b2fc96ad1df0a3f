"""A CMS's stored body, read as the CMS renders it: what every HTML body goes through before it is parsed.

WordPress's core shortcodes and autoembeds (:mod:`.wordpress`), and Drupal's captions in an attribute
(:mod:`.drupal`); a whole page, which its CMS has rendered already, is as it is.
"""

from __future__ import annotations

from . import drupal, wordpress


def rendered(html: str) -> str:
    """``html`` as its CMS renders it (each platform's own look decides whether the body needs it)."""
    return drupal.rendered(wordpress.rendered(html))
