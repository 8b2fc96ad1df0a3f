"""Documented limits that keep hostile input from hanging or exhausting the checker."""

#: Files larger than this are refused (bytes). Real articles are well under 1 MiB.
MAX_FILE_BYTES = 5 * 1024 * 1024
#: Deepest nesting allowed in front matter, sidecars and policies.
MAX_YAML_DEPTH = 32
#: Largest policy file accepted (bytes).
MAX_POLICY_BYTES = 1024 * 1024
#: Longest regular expression a policy may use (characters).
MAX_PATTERN_LENGTH = 2000
