"""A deterministic corpus of Markdown reprints of Global Research articles.

Each document is a ~1,000-word Markdown file with YAML front matter, as a
static-site generator (Hugo, Jekyll, Eleventy) would hold it: a heading, 10-14
paragraphs of generated prose with inline links, emphasis, a blockquote, often a
list, an image, an HTML comment and a code span, then the credit block required
by the Global Research reprint terms (``rules/global-research.yaml``).

About half of the documents honour the terms; the rest each break exactly one
rule (see :data:`KINDS`), and a few are not reprints at all (no
``original_url``), which the checker skips. Every document records the rule ids
the checker is expected to report, so a benchmark can confirm it measured what
it meant to measure.

The corpus is reproducible: document ``i`` depends only on ``seed`` and ``i``,
so the first 2,000 documents of a 10,000-document corpus are the 2,000 documents
of a 2,000-document corpus with the same seed.

    >>> from bench.corpus import write_corpus, summarize
    >>> docs = write_corpus("/tmp/reprints", 3000, seed=20261120)
    >>> summarize(docs)["mix"]["compliant"]
    1500
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

__all__ = ["DEFAULT_SEED", "KINDS", "MIX", "CorpusDoc", "generate_document", "kind_of", "summarize", "write_corpus"]

DEFAULT_SEED = 20261120

#: Kind of document -> the global-research rule ids the checker should report (error severity).
KINDS: dict[str, frozenset[str]] = {
    "compliant": frozenset(),
    "source-credit-missing": frozenset({"source-credit"}),
    "copyright-missing": frozenset({"copyright-notice"}),
    "link-homepage-only": frozenset({"link-original"}),
    "link-in-comment": frozenset({"link-original"}),
    "link-in-code": frozenset({"link-original"}),
    "link-missing": frozenset({"link-original"}),
    "commercial-no-permission": frozenset({"commercial-permission"}),
    "print-no-permission": frozenset({"print-permission"}),
    "not-a-reprint": frozenset(),
}

#: How many of every 100 consecutive documents are of each kind (sums to 100).
MIX: dict[str, int] = {
    "compliant": 50,
    "source-credit-missing": 6,
    "copyright-missing": 6,
    "link-homepage-only": 6,
    "link-in-comment": 6,
    "link-in-code": 5,
    "link-missing": 6,
    "commercial-no-permission": 6,
    "print-no-permission": 5,
    "not-a-reprint": 4,
}
assert sum(MIX.values()) == 100 and set(MIX) == set(KINDS)

CONTACT = "publications@globalresearch.ca"
HOMEPAGE = "https://www.globalresearch.ca/"


@dataclass(frozen=True, slots=True)
class CorpusDoc:
    """One generated document and what the checker should make of it."""

    path: str
    kind: str
    expected_rules: frozenset[str]
    words: int
    bytes: int

    @property
    def reprint(self) -> bool:
        return self.kind != "not-a-reprint"


# Vocabulary ------------------------------------------------------------------

_FIRST = (  # noqa: SIM905 - a word list reads better as one string
    "Michel Peter Ellen Jeremy Rodrigue Anna Kurt Stephen Binoy Sara Manlio Ramzy Lucas Vijay Mahdi Ana "
    "María Joachim Émilie Dmitri Chen Amira Olusegun Ingrid Tomás Nadia Hiroshi Fatima Gerald Bridget "
    "Yusuf Carla"
).split()
_LAST = (  # noqa: SIM905 - a word list reads better as one string
    "Chossudovsky Koenig Brown Kuzmarov Tremblay Nimmo Cook Lendman Kampmark Flounders Dinucci Baroud "
    "Müller Shiva Nazemroaya Sánchez Haverkamp Lefèvre Volkov Wei Haddad Adeyemi Lindqvist Ortega Rahman "
    "Tanaka Okonkwo O'Neill Fitzgerald Demir Rossi"
).split()
_TOPICS = (
    "the global economy",
    "food sovereignty",
    "the arms trade",
    "central bank policy",
    "the energy transition",
    "sanctions regimes",
    "public health governance",
    "media concentration",
    "debt restructuring",
    "water privatization",
    "the semiconductor supply chain",
    "NATO enlargement",
    "farm subsidies",
    "offshore finance",
    "the shipping lanes of the Red Sea",
    "lithium mining in the Andes",
)
_TITLE_FORMS = (
    "The Hidden Costs of {Topic}",
    "What Nobody Tells You About {Topic}",
    "{Topic}: A Crisis in the Making",
    "Behind the Headlines on {Topic}",
    "Why {Topic} Matters More Than Ever",
    "{Topic} and the Limits of Power",
    "Rethinking {Topic} After the Summit",
    "The Long Shadow of {Topic}",
)
_HEADINGS = (
    "How we got here",
    "The numbers behind the story",
    "What the official account leaves out",
    "A pattern, not an exception",
    "Who pays the price",
    "Looking ahead",
)
_SUBJECTS = (
    "the ministry",
    "independent analysts",
    "the regional government",
    "several economists",
    "local farmers",
    "the central bank",
    "the committee",
    "critics of the plan",
    "the largest exporters",
    "trade unions in São Paulo",
    "officials in Brussels",
    "residents of Bogotá",
    "the press office",
    "an internal memo",
)
_VERBS = (
    "acknowledged",
    "warned",
    "estimated",
    "reported",
    "argued",
    "denied",
    "confirmed",
    "predicted",
    "suggested",
    "documented",
    "questioned",
    "revealed",
)
_OBJECTS = (
    "that the figures had been revised twice",
    "a sharp rise in prices over the winter",
    "the collapse of negotiations in March",
    "a shortfall of nearly four billion dollars",
    "that the contracts were never made public",
    "the long-term cost of the programme",
    "a decline in real wages for the third year",
    "the role of private lenders in the crisis",
    "that exports had fallen by a fifth",
    "a plan to sell the remaining state holdings",
    "the impact on small producers",
    "the absence of any independent audit",
)
_CLAUSES = (
    "according to data published last month",
    "despite repeated assurances to the contrary",
    "while the main parties remained silent",
    "in a report that received little coverage",
    "as prices continued to climb",
    "even before the agreement was signed",
    "at a time of growing public anger",
    "under pressure from foreign creditors",
    "with little debate in parliament",
    "in the weeks after the election",
)
_FILLER = (
    "This is not a new development.",
    "The consequences are already visible.",
    "Few of these questions have been answered.",
    "The timing is hardly a coincidence.",
    "Much of this was predictable.",
    "The official explanation does not hold up.",
    "That is where the real story begins.",
    "None of this was inevitable.",
)
_EMPHASIS = ("*not*", "**never**", "*before*", "**all**", "*still*", "**twice**", "_only_", "__every__")
_CODE_SPANS = ("`#FoodSovereignty`", "`Resolution 2231`", "`HS 8542`", "`Directive 2019/1937`", "`Form 10-K`")
_LINK_SITES = (
    ("https://www.reuters.com/markets/{slug}-{n}/", "reported by Reuters"),
    ("https://en.wikipedia.org/wiki/{Slug}", "background"),
    ("https://www.un.org/en/{slug}", "a UN statement"),
    ("https://www.theguardian.com/world/{year}/{slug}", "The Guardian"),
    ("https://data.worldbank.org/indicator/{n}", "World Bank data"),
    ("https://www.aljazeera.com/news/{year}/{slug}", "Al Jazeera"),
)
_QUOTES = (
    "We were told the reforms would pay for themselves. They have not, and the bill is now arriving.",
    "There is no technical reason for this shortage. It is a political choice, made far from here.",
    "Every time the numbers are revised, they are revised in the same direction.",
    "The people who designed this system will not be the ones who live with its consequences.",
)
_LIST_ITEMS = (
    "higher import costs for staple foods",
    "the loss of public control over key infrastructure",
    "a growing dependence on short-term foreign credit",
    "cuts to health and education budgets",
    "a weaker position in future negotiations",
    "the erosion of local manufacturing",
)


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


_SMALL_WORDS = frozenset({"the", "of", "in", "and", "a", "an", "on", "to", "for"})


def _title_case(text: str) -> str:
    words = text.split()
    return " ".join(w if (w in _SMALL_WORDS and i) or w.isupper() else _cap(w) for i, w in enumerate(words))


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _sentence(rng: random.Random) -> str:
    form = rng.random()
    subject = rng.choice(_SUBJECTS)
    if form < 0.45:
        text = f"{subject} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}, {rng.choice(_CLAUSES)}."
    elif form < 0.75:
        text = f"{rng.choice(_CLAUSES)}, {subject} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}."
    elif form < 0.9:
        text = (
            f"{subject} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} — "
            f"and {rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}."
        )
    else:
        return rng.choice(_FILLER)
    return _cap(text)


def _paragraph(rng: random.Random, words: int) -> str:
    sentences: list[str] = []
    count = 0
    while count < words:
        sentence = _sentence(rng)
        sentences.append(sentence)
        count += len(sentence.split())
    return " ".join(sentences)


def _decorate(rng: random.Random, paragraph: str, extra: str) -> str:
    """Insert ``extra`` (a link, emphasis, a code span) after a random sentence of ``paragraph``."""
    parts = paragraph.split(". ")
    at = rng.randrange(len(parts))
    if at == len(parts) - 1:
        parts[at] = f"{parts[at][:-1]}, {extra}{parts[at][-1]}"
    else:
        parts[at] = f"{parts[at]}, {extra}"
    return ". ".join(parts)


def _inline_link(rng: random.Random, year: int) -> str:
    template, label = rng.choice(_LINK_SITES)
    words = rng.choice(_OBJECTS).split()[1:4]
    slug = "-".join(_slugify(w) for w in words)
    url = template.format(slug=slug, Slug="_".join(w.capitalize() for w in words), n=rng.randrange(10**5), year=year)
    return f"as [{label}]({url}) noted"


def _yaml_str(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def kind_of(index: int, seed: int = DEFAULT_SEED) -> str:
    """The kind of document ``index``: every block of 100 holds exactly :data:`MIX`, shuffled."""
    block, slot = divmod(index, 100)
    schedule = [kind for kind, count in MIX.items() for _ in range(count)]
    random.Random(f"{seed}:block:{block}").shuffle(schedule)
    return schedule[slot]


def generate_document(index: int, seed: int = DEFAULT_SEED, kind: str | None = None) -> tuple[str, str, dt.date]:
    """Document ``index`` as ``(markdown, kind, original_published)``."""
    kind = kind or kind_of(index, seed)
    rng = random.Random(f"{seed}:doc:{index}")
    topic = rng.choice(_TOPICS)
    title = rng.choice(_TITLE_FORMS).format(Topic=_title_case(topic))
    authors = [f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"]
    if rng.random() < 0.12:
        authors.append(f"{rng.choice(_FIRST)} {rng.choice(_LAST)}")
    published = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(7 * 365))
    slug = _slugify(title)
    article_id = rng.randrange(5_600_000, 5_900_000)
    original_url = f"https://www.globalresearch.ca/{slug}/{article_id}"
    # How the reprint spells its link to the original: all equivalent to original_url.
    link_url = rng.choice(
        (
            original_url,
            original_url,
            original_url + "/",
            f"http://globalresearch.ca/{slug}/{article_id}",
            original_url + "?utm_source=newsletter&utm_medium=email",
        )
    )

    # Front matter -----------------------------------------------------------
    medium = "web"
    commercial = False
    permissions: list[dict[str, object]] = []
    if kind == "compliant":
        variant = rng.random()
        if variant < 0.12:
            commercial = True
            permissions.append({"from": CONTACT, "scope": ["commercial"]})
        elif variant < 0.2:
            medium = "print"
            permissions.append({"from": f"Global Research <{CONTACT}>", "scope": ["print"]})
    elif kind == "commercial-no-permission":
        commercial = True
        variant = rng.random()
        if variant < 0.3:  # a permission, but from someone who cannot grant it
            permissions.append({"from": "editor@example.org", "scope": ["commercial"]})
        elif variant < 0.5:  # the right grantor, but it has expired
            permissions.append({"from": CONTACT, "scope": ["commercial"], "expires": "2021-12-31"})
    elif kind == "print-no-permission":
        medium = "print"
        if rng.random() < 0.4:  # permission for another use only
            permissions.append({"from": CONTACT, "scope": ["newsletter"]})

    lines = ["---", f"title: {_yaml_str(title)}"]
    if len(authors) == 1:
        lines.append(f"author: {_yaml_str(authors[0])}")
    else:
        lines.append("author:")
        lines.extend(f"  - {_yaml_str(a)}" for a in authors)
    reprinted = published + dt.timedelta(days=rng.randrange(1, 60))
    lines.append(f"date: {reprinted.isoformat()}")
    if kind != "not-a-reprint":
        lines.append(f"original_url: {original_url}")
        lines.append(f"original_published: {published.isoformat()}")
        lines.append(f"medium: {medium}")
        lines.append(f"commercial: {'true' if commercial else 'false'}")
    if permissions:
        lines.append("permissions:")
        for record in permissions:
            lines.append(f"  - from: {_yaml_str(str(record['from']))}")
            # Given by the reprint's own date (a later one is a permission that came too late): the same draw,
            # so that every document stays as it was but for this date.
            given = min(published + dt.timedelta(days=rng.randrange(1, 30)), reprinted)
            lines.append(f"    date: {given.isoformat()}")
            lines.append(f"    scope: [{', '.join(record['scope'])}]")  # type: ignore[arg-type]
            if "expires" in record:
                lines.append(f"    expires: {record['expires']}")
            lines.append(f'    reference: "email of {published.isoformat()}"')
    tags = rng.sample(("economy", "geopolitics", "media", "health", "energy", "agriculture", "finance"), 3)
    lines.append(f"tags: [{', '.join(tags)}]")
    lines.append("draft: false")
    lines.extend(("---", "", ""))

    # Body -------------------------------------------------------------------
    n_paragraphs = rng.randint(10, 14)
    target_words = 830  # sentences overshoot, and the extras and credit block add the rest: ~1,000 words
    per_paragraph = target_words // n_paragraphs
    paragraphs = [_paragraph(rng, rng.randint(per_paragraph - 15, per_paragraph + 10)) for _ in range(n_paragraphs)]
    paragraphs[0] = f"*{title}* — {paragraphs[0]}" if rng.random() < 0.3 else paragraphs[0]
    for _ in range(rng.randint(2, 4)):
        at = rng.randrange(n_paragraphs)
        paragraphs[at] = _decorate(rng, paragraphs[at], _inline_link(rng, published.year))
    for _ in range(rng.randint(2, 3)):
        at = rng.randrange(n_paragraphs)
        paragraphs[at] = _decorate(rng, paragraphs[at], f"{rng.choice(_EMPHASIS)} as planned")
    at = rng.randrange(n_paragraphs)
    paragraphs[at] = _decorate(rng, paragraphs[at], f"filed under {rng.choice(_CODE_SPANS)}")

    blocks: list[str] = []
    heading_at = rng.randint(3, n_paragraphs - 4)
    quote_at = rng.randint(2, n_paragraphs - 2)
    list_at = rng.randint(4, n_paragraphs - 1) if rng.random() < 0.6 else -1
    image_at = rng.randint(0, 2)
    comment_at = rng.randint(1, n_paragraphs - 1)
    for i, paragraph in enumerate(paragraphs):
        if i == image_at:
            blocks.append(
                f"![{_cap(rng.choice(_SUBJECTS))}, {published.year}]"
                f"(https://www.globalresearch.ca/wp-content/uploads/{published.year}/"
                f"{published.month:02d}/{slug[:24]}-{rng.randrange(100, 999)}.jpg)"
            )
        if i == heading_at:
            blocks.append(f"## {rng.choice(_HEADINGS)}")
        if i == comment_at:
            blocks.append(f"<!-- imported from the feed on {reprinted.isoformat()}; check the figures -->")
        blocks.append(paragraph)
        if i == quote_at:
            blocks.append(f"> {rng.choice(_QUOTES)}\n>\n> — {_cap(rng.choice(_SUBJECTS))}")
        if i == list_at:
            items = rng.sample(_LIST_ITEMS, rng.randint(3, 5))
            intro = "The main effects so far:"
            blocks.append(intro + "\n\n" + "\n".join(f"- {item}" for item in items))

    # Credit block -----------------------------------------------------------
    holders = " and ".join(authors)
    year = published.year
    if kind == "not-a-reprint":
        blocks.append(f"*{holders} writes regularly for this site.*")
    else:
        credit_link = f"[Global Research]({link_url})"
        source_line = f"The original source of this article is {credit_link}."
        copyright_line = f"Copyright © {holders}, {credit_link}, {year}"
        if kind == "source-credit-missing":
            source_line = f"Read [the original article]({link_url})."
            copyright_line = f"Copyright © {holders}, {year}"
        elif kind == "copyright-missing":
            copyright_line = f"{holders} is a regular contributor."
        elif kind == "link-homepage-only":
            credit_link = f"[Global Research]({HOMEPAGE})"
            source_line = f"The original source of this article is {credit_link}."
            copyright_line = f"Copyright © {holders}, Global Research, {year}"
        elif kind == "link-in-comment":
            source_line = f"The original source of this article is Global Research.\n<!-- original: {link_url} -->"
            copyright_line = f"Copyright © {holders}, Global Research, {year}"
        elif kind == "link-in-code":
            source_line = f"The original source of this article is Global Research: `{original_url}`."
            copyright_line = f"Copyright © {holders}, Global Research, {year}"
        elif kind == "link-missing":
            source_line = "The original source of this article is Global Research."
            copyright_line = f"Copyright © {holders}, Global Research, {year}"
        style = rng.random()
        if style < 0.5:
            blocks.append("* * *")
            blocks.append(f"*{source_line}*")
            blocks.append(f"*{copyright_line}*")
        elif style < 0.8:
            blocks.append("---")
            blocks.append(source_line)
            blocks.append(copyright_line)
        else:
            blocks.append(f'<p class="credit">{_html_inline(source_line)}<br>\n{_html_inline(copyright_line)}</p>')
    text = "\n".join(lines) + "\n\n".join(blocks) + "\n"
    return text, kind, published


def _html_inline(markdown: str) -> str:
    """The credit line as raw HTML (some CMSes paste the publisher's credit box verbatim)."""
    html = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r'<a href="\2">\1</a>', markdown)
    html = re.sub(r"`([^`]+)`", r"<code>\1</code>", html)
    return html


def write_corpus(
    folder: str | os.PathLike[str], count: int, *, seed: int = DEFAULT_SEED, nested: bool = False, start: int = 0
) -> list[CorpusDoc]:
    """Write documents ``start .. start+count-1`` into ``folder`` (created if needed).

    With ``nested``, files go under ``YYYY/MM/`` by original publication date,
    as in a site repository; otherwise they sit side by side.
    """
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    docs: list[CorpusDoc] = []
    for index in range(start, start + count):
        text, kind, published = generate_document(index, seed)
        directory = root / f"{published.year}" / f"{published.month:02d}" if nested else root
        if nested:
            directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"reprint-{index:06d}.md"
        data = text.encode("utf-8")
        path.write_bytes(data)
        body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
        docs.append(CorpusDoc(str(path), kind, KINDS[kind], len(body.split()), len(data)))
    return docs


def summarize(docs: list[CorpusDoc]) -> dict[str, object]:
    """Size and mix of a corpus, for the benchmark report."""
    n = len(docs) or 1
    mix = Counter(doc.kind for doc in docs)
    return {
        "docs": len(docs),
        "avg_words": round(sum(d.words for d in docs) / n, 1),
        "avg_bytes": round(sum(d.bytes for d in docs) / n, 1),
        "total_mib": round(sum(d.bytes for d in docs) / 2**20, 2),
        "mix": {kind: mix.get(kind, 0) for kind in KINDS},
    }


#: Words some policy rules react to (notes of changes, credits, notices): kept out of neutral filler.
_LOADED_WORDS = re.compile(
    r"\b(adapted|modified|modifications?|edited|abridged|shortened|condensed|trimmed|revised|changed|updated|"
    r"translated|excerpted|copyright|rights|endorsed|approved|sponsored|commissioned|originally|republished)\b",
    re.IGNORECASE,
)


def _neutral_paragraph(rng: random.Random, words: int) -> str:
    """Prose like :func:`_paragraph`, without a word that a policy rule reads as a credit or a change note."""
    sentences: list[str] = []
    count = 0
    while count < words:
        sentence = _sentence(rng)
        if _LOADED_WORDS.search(sentence):
            continue
        sentences.append(sentence)
        count += len(sentence.split())
    return " ".join(sentences)


def mixed_policy_of(path: str | os.PathLike[str]) -> str:
    """The policy id of a document written by :func:`write_mixed_corpus`."""
    return os.path.basename(os.fspath(path)).split("--")[1]


def write_mixed_corpus(
    folder: str | os.PathLike[str], count: int, fixtures: Path, seed: int = DEFAULT_SEED
) -> list[str]:
    """``count`` full-length reprints that mix every bundled policy.

    Each starts from a policy fixture (``tests/policies/<id>/*.md``: compliant
    reprints and reprints that break one rule, with their ``expect:`` list) and
    gets about 900 words of plain prose (no links, images, credits, or words a
    policy reads as a note of changes) after its second block (after the first
    when it has two), so that a title and byline stay at the top and a closing
    credit at the bottom of a ~1,000-word article. The file name is
    ``NNNNN--<policy id>--<fixture name>``.
    """
    sources = sorted(p for p in fixtures.rglob("*.md") if p.is_file())
    os.makedirs(folder, exist_ok=True)
    files = []
    for index in range(count):
        source = sources[index % len(sources)]
        text = source.read_text(encoding="utf-8")
        head, sep, body = text.partition("\n---\n") if text.startswith("---\n") else ("", "", text)
        blocks = body.strip("\n").split("\n\n")
        rng = random.Random(f"{seed}:mixed:{index}")
        filler = [_neutral_paragraph(rng, rng.randint(120, 170)) for _ in range(6)]
        at = max(1, min(2, len(blocks) - 1))
        padded = "\n\n".join([*blocks[:at], *filler, *blocks[at:]]) + "\n"
        target = os.path.join(folder, f"{index:05d}--{source.parent.name}--{source.name}")
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(head + sep + padded)
        files.append(target)
    return files


#: The formats :func:`write_format_twins` writes a Markdown reprint in, besides Markdown.
TWIN_FORMATS = ("html", "json")


def write_format_twins(markdown_files: list[str], folder: str | os.PathLike[str], fmt: str) -> list[str]:
    """The same reprints (front matter, then a Markdown body, as :func:`write_mixed_corpus` writes them) as
    the other pages reprint-guard reads, with the same metadata and the same article:

    * ``html``: the body rendered as the Markdown reader renders it, in a whole page (``<head>`` with a
      charset and the title, the article in ``<body><article>``), and the front matter as the page's
      ``NAME.meta.yaml`` sidecar, as a site that does not declare it in the page keeps it;
    * ``json``: a CMS envelope, ``{"metadata": {...}, "body": "<the Markdown>", "format": "markdown"}``, the
      front matter's values as JSON (dates as their ISO text, as a CMS sends them).

    The file name is the Markdown file's with ``.html`` or ``.json`` for its suffix.
    """
    import html as html_module
    import json

    import yaml

    from reprint_guard.readers.markdown import render

    if fmt not in TWIN_FORMATS:
        raise ValueError(f"no such format: {fmt!r}")
    os.makedirs(folder, exist_ok=True)
    files = []
    for source in markdown_files:
        text = Path(source).read_text(encoding="utf-8")
        _, _, rest = text.partition("---\n")  # every mixed-corpus file opens with YAML front matter
        front, _, body = rest.partition("\n---\n")
        stem = os.path.join(folder, os.path.splitext(os.path.basename(source))[0])
        if fmt == "html":
            title = yaml.safe_load(front).get("title") or ""
            page = (
                '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
                f"<title>{html_module.escape(str(title), quote=False)}</title>\n</head>\n<body>\n<article>\n"
                f"{render(body)}</article>\n</body>\n</html>\n"
            )
            with open(stem + ".meta.yaml", "w", encoding="utf-8") as handle:
                handle.write(front + "\n")
            target = stem + ".html"
        else:
            metadata = yaml.safe_load(front)
            envelope = {"metadata": metadata, "body": body.lstrip("\n"), "format": "markdown"}
            page = json.dumps(envelope, ensure_ascii=False, indent=2, default=str) + "\n"
            target = stem + ".json"
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(page)
        files.append(target)
    return files
