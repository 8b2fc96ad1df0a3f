"""``reprint-guard test``: run annotated fixture reprints against their policy (Semgrep-style rule tests)."""
