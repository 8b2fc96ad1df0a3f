"""Documented limits that keep hostile input from hanging or exhausting the checker."""

#: Files larger than this are refused (bytes). Real articles are well under 1 MiB.
MAX_FILE_BYTES = 5 * 1024 * 1024
#: Largest YAML or TOML block read (front matter, a sidecar, a config, a policy), in characters. Reading
#: YAML costs about 2 s and 200 MB a megabyte of records; real front matter and configs hold a few KB.
MAX_YAML_CHARS = 256 * 1024
#: Deepest nesting allowed in front matter, sidecars and policies.
MAX_YAML_DEPTH = 32
#: Deepest element nesting accepted in a body's HTML (as rendered, for Markdown). The HTML parser's
#: time grows with the square of the depth: 100,000 nested elements take it half a minute, 4,000 take it
#: about 0.05 s, while a real page nests a few dozen deep (browsers stop nesting at 512). Sloppy markup
#: (an unclosed <b> in every paragraph) can reach a few thousand.
MAX_HTML_DEPTH = 4000
#: Most attributes one HTML element may have, and most options in one ``<select>``: the parser's time
#: grows with the square of either (50,000 attributes take it 13 s; 20,000 options, 4 s).
MAX_HTML_ATTRIBUTES = 5000
MAX_HTML_OPTIONS = 5000
#: Most names an ``author`` or ``copyright_holder`` list may hold. Each name is searched for in the whole
#: body, so thousands of them on a body of megabytes would take minutes; a byline has a handful.
MAX_NAMES = 200
#: Longest name in an ``author`` or ``copyright_holder`` list, and longest such value written as one string
#: (characters): each name becomes a pattern, and one of megabytes took RE2 seconds to build (and was
#: echoed whole into every finding). The longest real names are under a hundred.
MAX_NAME_CHARS = 300
MAX_NAMES_CHARS = MAX_NAMES * MAX_NAME_CHARS // 6
#: Deepest ``extends`` chain a policy may have (a licence, a publisher's terms on it, a site's own on those:
#: three); each policy resolves its whole chain, so a chain of hundreds made ``validate`` a folder slow.
MAX_EXTENDS_DEPTH = 32
#: Most rules a policy file may have: each runs on every reprint the policy covers (4,500 text rules took
#: 4 s a reprint); a publisher's terms make a few dozen.
MAX_RULES = 200
#: Largest policy file accepted (bytes).
MAX_POLICY_BYTES = 1024 * 1024
#: A project config (``.reprint-guard.yaml``, or the ``pyproject.toml`` holding one) is read up to this size.
MAX_CONFIG_BYTES = 4 * 1024 * 1024
#: Longest regular expression a policy may use (characters).
MAX_PATTERN_LENGTH = 8000
#: Most places a policy pattern's counted repeats may make RE2 follow at once (their counts, multiplied through
#: nesting and added along the pattern; RE2's own limit is 1,000 per repeat). RE2 is linear in the text, but
#: ``a.{n}[0-9]`` follows n places at once: 2 s per 600 KB at n = 1,000, 0.3 s at 100.
MAX_REPEAT = 100
#: Most places of a policy pattern a text can make RE2 follow at once, as
#: :func:`~reprint_guard.checks.base.search_places` counts them (an over-estimate). What RE2 does at each byte
#: of an article grows with it when its DFA runs out of memory and it searches with its NFA instead, which
#: a text made for the pattern can bring about: about 1.1 ms per 100 KB of article for each place (``x`` then
#: ``.*a`` 2,600 times: 5,201 places, 6 s per 100 KB; ``a`` written 2,000 times: 2,001 places, 1.1-1.4 s),
#: so at most about 1.1 s per 100 KB a rule. The bundled policies' largest pattern counts 610.
MAX_SEARCH_PLACES = 1000
