"""A review of the wordings editors write: change notes the policies did not read ("Abridged version.",
"Versión abreviada.", "Excerpted from ..."), credits ("Tomado de ...", "Taken from ..."), and where an inline
suppression is a real comment of the page."""

from __future__ import annotations

from pathlib import Path

import pytest

from reprint_guard import check
from reprint_guard.readers import read_text

ROOT = Path(__file__).parent.parent
FIXTURE = ROOT / "tests" / "policies" / "cc-by-4.0" / "compliant-modified.md"
NOTE = "*Changes were made to the original for length and house style.*"

#: Notes about the reprint in the new wordings: a modified reprint that writes one indicates its changes, and an
#: ND reprint that writes one while declaring no change is told.
NEW_NOTES = [
    "Abridged version.",
    "Abridged.",
    "Condensed version.",
    "*Abridged version.*",
    'Abridged version of "The Seed Vault".',
    "Excerpted from “The Seed Vault” by Priya Castellanos.",
    "Excerpted from The Seed Vault, a book by Priya Castellanos (Ledger Books, 2024).",
    "Extracted from the Harrow Valley Ledger.",
    "Abridged from The Seed Vault by Priya Castellanos.",
    "Versión abreviada.",
    "Versión resumida.",
    "Versión abreviada del artículo original.",
    "Versão resumida.",
    "Version abrégée.",
    "Version abrégée de l'article original.",
    "Texto adaptado.",
    "Texto resumido.",
    "Artículo abreviado de El Faro.",
    "Texte abrégé.",
    "Extraído de El Faro.",
    "Extraído de “Crónicas del agua”, de Ana Ruiz (Anagrama, 2024).",
    "Texto extraído de un reportaje de El Faro.",
    "Extrait de Harrow Valley Ledger.",
    "Extrait d'un article du Harrow Valley Ledger.",
]

#: Notes read before this review (kept read), for the record of what was checked first.
ALREADY_READ = [
    "This is an abridged version of the original article.",
    'This is an abridged version of "The Seed Vault", first published by the Ledger.',
    "Excerpted from the original.",
    'Adapted from "The Seed Vault".',
    "Adapted from an article by Priya Castellanos.",
    "Texto adaptado del original.",
    "Abridged from the original.",
]

#: Story sentences with the same words: none is a note about the reprint.
STORY_SENTENCES = [
    "The plan was taken from a 2019 report.",
    "Taken from his home at night, he was never seen again.",
    "The samples were taken from the river.",
    "El agua fue tomada de un pozo.",
    "Tomado de la mano, el niño cruzó la calle.",
    "Los datos fueron extraídos de un informe.",
    "Extraído de la mina en 1920, el mineral se vendió en Lima.",
    "Extrait de la mine, le charbon partait par le train.",
    "The seeds were excerpted from a longer list.",
    "The abridged version of the bill passed.",
    "An abridged version of “Hamlet” was staged in the vault.",
    "An abridged dictionary sits on the desk.",
    "La versión abreviada del informe se publicó ayer.",
    "Su versión resumida de los hechos no convenció al juez.",
    "El texto adaptado por el Senado entra en vigor en mayo.",
    "Adapted from a 1931 ledger, the catalogue lists beans.",
]

#: Source credits, not notes of a change: a reprint declared modified is still asked for one.
CREDITS_ONLY = [
    "Taken from the Harrow Valley Ledger.",
    "Tomado de El Faro.",
    "Tomado de Harrow Valley Ledger.",
]


def _rules(sentence: str, policy: str, **meta: object) -> set[str]:
    text = FIXTURE.read_text(encoding="utf-8")
    assert NOTE in text
    reprint = read_text(text.replace(NOTE, sentence), path=str(FIXTURE))
    metadata = {k: v for k, v in reprint.metadata.items() if k != "expect"} | meta
    return {finding.rule for finding in check(reprint.body, metadata, policy=policy).findings}


@pytest.mark.parametrize("sentence", NEW_NOTES + ALREADY_READ)
def test_a_modified_reprint_indicates_its_changes_in_the_new_wordings(sentence):
    assert "cc-by-4.0/changes-indicated" not in _rules(sentence, "cc-by-4.0"), sentence


@pytest.mark.parametrize("sentence", STORY_SENTENCES + CREDITS_ONLY)
def test_a_story_sentence_or_a_credit_is_no_change_note(sentence):
    assert "cc-by-4.0/changes-indicated" in _rules(sentence, "cc-by-4.0"), sentence


@pytest.mark.parametrize("policy", ["cc-by-nd-4.0", "cc-by-nc-nd-4.0"])
@pytest.mark.parametrize("sentence", NEW_NOTES)
def test_an_nd_reprint_declaring_no_change_is_told_of_its_note(policy, sentence):
    license = "CC-BY-ND-4.0" if policy == "cc-by-nd-4.0" else "CC-BY-NC-ND-4.0"
    found = _rules(sentence, policy, modified=False, license=license)
    assert f"{policy}/edits-declared" in found, sentence


@pytest.mark.parametrize("policy", ["cc-by-nd-4.0", "cc-by-nc-nd-4.0"])
@pytest.mark.parametrize("sentence", STORY_SENTENCES + CREDITS_ONLY)
def test_an_nd_reprint_with_a_story_sentence_or_a_credit_is_not_told(policy, sentence):
    license = "CC-BY-ND-4.0" if policy == "cc-by-nd-4.0" else "CC-BY-NC-ND-4.0"
    found = _rules(sentence, policy, modified=False, license=license)
    assert f"{policy}/edits-declared" not in found, sentence


@pytest.mark.parametrize("sentence", ["Abridged version.", "Versión abreviada.", "Extraído de El Faro."])
def test_an_approved_edit_at_the_conversation_is_indicated_in_the_new_wordings(sentence):
    meta = {
        "original_url": "https://theconversation.com/a-seed-library-in-the-old-bank-vault-123456",
        "license": "CC-BY-ND-4.0",
    }
    assert "the-conversation/changes-indicated" not in _rules(sentence, "the-conversation", **meta), sentence
    assert "the-conversation/changes-indicated" in _rules(
        "The samples were taken from the river.", "the-conversation", **meta
    )


def test_changes_indicated_stays_within_the_pattern_limit_with_room_to_spare():
    """The limit guards against hostile patterns; the bundled rule is written to fit it, with room for a wording."""
    from reprint_guard import load_policy
    from reprint_guard.limits import MAX_PATTERN_LENGTH

    for policy, rule_id in [
        ("cc-by-4.0", "changes-indicated"),
        ("cc-by-nd-4.0", "edits-declared"),
        ("cc-by-nc-nd-4.0", "edits-declared"),
        ("the-conversation", "changes-indicated"),
    ]:
        rule = next(rule for rule in load_policy(policy).rules if rule.id == rule_id)
        assert len(rule.params.pattern) <= MAX_PATTERN_LENGTH - 200, (policy, len(rule.params.pattern))


def test_the_new_wordings_make_no_common_word_required():
    """A forbidding rule's words are looked for in every reprint first: "taken", "from", "de" or "original"
    would make nearly every reprint search edits-declared's pattern (docs/speed-history.md, thirty-fifth
    session)."""
    from reprint_guard import load_policy
    from reprint_guard.prefilter import _COMMON, required_words

    for policy in ("cc-by-nd-4.0", "cc-by-nc-nd-4.0"):
        rule = next(rule for rule in load_policy(policy).rules if rule.id == "edits-declared")
        words = required_words(rule.params.pattern)
        assert words is not None
        common = {word.encode() for word in _COMMON} | {b"taken", b"tomado", b"tomad", b"de", b"du", b"des"}
        assert not common & set(words), sorted(common & set(words))
        # a short prefix of a wording is in most texts ("vers" in "conversation", "extra", "abr" in "abroad")
        assert not {b"vers", b"extra", b"abr", b"adapt", b"condens"} & set(words)
        assert {b"extracted", b"abreviada"} <= set(words) or b"abreviad" in words


GV_FIXTURE = ROOT / "tests" / "policies" / "global-voices" / "compliant-nota-de-cambios.md"
GV_URL = "https://es.globalvoices.org/2026/10/03/radios-comunitarias-leen-el-pronostico/"
GV_CREDIT = (
    "*Esta historia de María José Quispe Mamani se publicó originalmente en "
    f"[Global Voices]({GV_URL}) el 3 de octubre de 2026.*"
)


@pytest.mark.parametrize(
    ("credit", "linked"),
    [
        ("*Por María José Quispe Mamani. Tomado de Global Voices.*", "Tomado de [Global Voices]"),
        ("*Por María José Quispe Mamani. Extraído de Global Voices.*", "Extraído de [Global Voices]"),
        ("*By María José Quispe Mamani. Taken from Global Voices.*", "Taken from [Global Voices]"),
    ],
)
def test_fix_links_a_credit_that_names_its_source_with_taken_from(tmp_path, cli, credit, linked):
    """ "Tomado de Global Voices" is the reprint's credit: --fix links the name there, as it does "Publicado
    originalmente en Global Voices", instead of adding a second credit in English above it."""
    text = GV_FIXTURE.read_text(encoding="utf-8").replace("expect: []\n", "")
    assert GV_CREDIT in text
    page = tmp_path / "radio.md"
    page.write_text(text.replace(GV_CREDIT, credit), encoding="utf-8")
    run = cli("check", str(page), "--fix")
    fixed = page.read_text(encoding="utf-8")
    assert f"{linked}({GV_URL})" in fixed, (run.out, fixed)
    assert "originally appeared on" not in fixed


@pytest.mark.parametrize(
    ("body", "told"),
    [
        ("Texto.\n\nTomado de Global Voices.\n", True),
        ("Texto.\n\n*Tomado de [Global Voices](https://globalvoices.org/2026/03/02/cooks/).*\n", True),
        ("Story.\n\nTaken from ProPublica.\n", True),
        ("Texto.\n\nExtraído de Global Voices.\n", True),
        ("Texte.\n\nExtrait de Global Voices.\n", True),
        # the story's own sentences, citing the publisher
        ("Texto.\n\nLos datos fueron tomados de un informe de Global Voices.\n", False),
        ("Story.\n\nThe plan was taken from a ProPublica analysis.\n", False),
        ("Texto.\n\nEl mineral extraído de la mina se vendió, según Global Voices.\n", False),
    ],
)
def test_a_credit_saying_taken_from_a_covered_publisher_is_told_without_an_address(body, told):
    """A page with no original_url whose credit says it was taken from a covered publisher is a reprint whose
    address was forgotten; a story citing that publisher is the site's own."""
    result = check(body, {"title": "T"})
    assert ({finding.rule for finding in result.findings} == {"reprint-guard/credited-original"}) is told, result


# Suppressions: one counts only where it is a real comment of the page.

SUPPRESSION = '<!-- reprint-guard: ignore global-research/* reason="agreed by email" -->'


def _inline(body: str, format: str) -> int:
    from reprint_guard.suppressions import parse_inline

    found, problems = parse_inline(
        body, lambda index: (1, index + 1), markdown=format == "markdown", html=format == "html"
    )
    return len(found) + len(problems)


NO_COMMENT = [
    # in an attribute's value: the page shows it (a picture's alt text, a link's title) or keeps it as data
    f"<p>Councils met.</p>\n<img src=\"/a.png\" alt='{SUPPRESSION}'>\n",
    f"<p>Councils met.</p>\n<a href=\"/x\" title='note {SUPPRESSION}'>x</a>\n",
    f"<p>Councils met.</p>\n<div data-note='{SUPPRESSION}'></div>\n",
    f"<p>Councils met.</p>\n<input value='{SUPPRESSION}' >\n",
    f"<p>Councils met.</p>\n<img alt='a > b {SUPPRESSION}'>\n",  # a ">" in the quoted value ends no tag
    # in an SVG's CDATA section: its text
    f"<svg><text><![CDATA[ {SUPPRESSION} ]]></text></svg>\n<p>Councils met.</p>\n",
    # in a <noscript>: text where scripts run, as a browser reads the page
    f"<p>Councils met.</p>\n<noscript>{SUPPRESSION}</noscript>\n",
    f'<p>Councils met.</p>\n<NOSCRIPT class="x">\n{SUPPRESSION}\n</NOSCRIPT>\n',
]

A_COMMENT = [
    f"<p>Councils met.</p>\n{SUPPRESSION}\n",
    f"<p>Councils met.</p>\n<img src=\"/a.png\" alt='a > b'>{SUPPRESSION}\n",  # after the tag, a comment
    f"<svg><text><![CDATA[ x ]]></text></svg>\n{SUPPRESSION}\n",
    f'<p>Councils met.</p>\n<noscript><img src="/p.gif"></noscript>\n{SUPPRESSION}\n',
    f'<p title="1 < 2">Councils met.</p>\n{SUPPRESSION}\n',
    f"<p>Councils met: 3 < 4 and 5 > 2.</p>\n{SUPPRESSION}\n",  # a bare "<" is text, and opens no tag
]


@pytest.mark.parametrize("page", NO_COMMENT)
def test_an_html_suppression_in_an_attribute_a_cdata_section_or_a_noscript_is_no_comment(page):
    assert _inline(page, "html") == 0, page


@pytest.mark.parametrize("page", A_COMMENT)
def test_an_html_suppression_outside_them_still_counts(page):
    assert _inline(page, "html") == 1, page


MD_NO_COMMENT = [
    f"Councils met.\n\n<textarea>\n{SUPPRESSION}\n</textarea>\n",
    f"Councils met.\n\n<textarea>{SUPPRESSION}</textarea>\n",
    f"Councils met, <textarea>{SUPPRESSION}</textarea> they said.\n",
    f"Councils met.\n\n<img src=\"/a.png\" alt='{SUPPRESSION}'>\n",
    f"Councils met.\n\n<noscript>\n{SUPPRESSION}\n</noscript>\n",
    f"Councils met.\n\n<svg><![CDATA[ {SUPPRESSION} ]]></svg>\n",
]

MD_A_COMMENT = [
    f"Councils met.\n\n{SUPPRESSION}\n",
    f"Councils met.\n\n<textarea>note</textarea>\n\n{SUPPRESSION}\n",
    f"Councils met, <textarea>note</textarea> they said. {SUPPRESSION}\n",
    f"Councils met.\n\n<img src=\"/a.png\" alt='a > b'>\n\n{SUPPRESSION}\n",
    # a "<textarea>" shown as code opens nothing
    f"Write `<textarea>` for a box.\n\n{SUPPRESSION}\n",
]


@pytest.mark.parametrize("page", MD_NO_COMMENT)
def test_a_markdown_suppression_in_a_textarea_an_attribute_or_a_noscript_is_no_comment(page):
    assert _inline(page, "markdown") == 0, page


@pytest.mark.parametrize("page", MD_A_COMMENT)
def test_a_markdown_suppression_outside_them_still_counts(page):
    assert _inline(page, "markdown") == 1, page


GR_URL = "https://www.globalresearch.ca/the-harbour-that-was-sold/5799123"
GR_SIDECAR = f"title: T\noriginal_url: {GR_URL}\nauthor: Ines Calloway\ncommercial: false\n"


@pytest.mark.parametrize(
    ("page", "suppressed"),
    [
        (f"<p>Three island councils met.</p>\n<img src=\"/a.png\" alt='{SUPPRESSION}'>\n", False),
        (f"<p>Three island councils met.</p>\n<noscript>{SUPPRESSION}</noscript>\n", False),
        (f"<p>Three island councils met.</p>\n<noscript>x</noscript>\n{SUPPRESSION}\n", True),
    ],
)
def test_a_page_with_a_suppression_in_an_attribute_keeps_its_findings(tmp_path, cli, page, suppressed):
    """The real CLI on a real page: an alt text's "<!-- reprint-guard: ignore ... -->" silenced every finding of
    the policy."""
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (tmp_path / "page.meta.yaml").write_text(GR_SIDECAR, encoding="utf-8")
    run = cli("check", "--no-config", "page.html", "--format", "json", cwd=tmp_path)
    findings = run.json()["results"][0]["findings"]
    assert findings and all(bool(f.get("suppressed")) is suppressed for f in findings), run.out
    assert run.code == (0 if suppressed else 1)
