"""A review by a Spanish, Portuguese and French-speaking republisher: rights reserved to people in a story
sentence read as a notice, a law's "artículo modificado" read as the reprint's change note, "Fuente:" credits
not read as credits, French endorsements and translation notes, and German and French credits of an original
on a page that is no reprint."""

from __future__ import annotations

from pathlib import Path

import pytest

from reprint_guard import check
from reprint_guard.readers import read_text

ROOT = Path(__file__).parent.parent
GV_FIXTURE = ROOT / "tests" / "policies" / "global-voices" / "compliant-nota-de-cambios.md"
GV_URL = "https://es.globalvoices.org/2026/10/03/radios-comunitarias-leen-el-pronostico/"
GV_CREDIT = (
    "*Esta historia de María José Quispe Mamani se publicó originalmente en "
    f"[Global Voices]({GV_URL}) el 3 de octubre de 2026.*"
)


@pytest.mark.parametrize("label", ["Fuente:", "Fonte:", "Quelle:", "Source :"])
def test_fix_links_the_name_on_a_source_label_in_the_reprints_language(tmp_path, cli, label):
    """ "Fuente: Global Voices" is the reprint's credit, as "Source: Global Voices" is: the finding says so and
    --fix links the name there instead of adding a second credit in English."""
    text = GV_FIXTURE.read_text(encoding="utf-8").replace("expect: []\n", "")
    assert GV_CREDIT in text
    fixed = {}
    for said in (label, "Source:"):
        page = tmp_path / f"radio-{len(fixed)}.md"
        page.write_text(text.replace(GV_CREDIT, f"{said} Global Voices"), encoding="utf-8")
        told = cli("check", str(page))
        assert "the credit names Global Voices with no link" in told.out, told.out
        run = cli("check", str(page), "--fix")
        fixed[said] = page.read_text(encoding="utf-8")
        assert f"{said} [Global Voices]({GV_URL})" in fixed[said], (run.out, fixed[said])
    assert fixed[label].replace(label, "Source:") == fixed["Source:"]


TC_DE = "[The Conversation](https://theconversation.com/hecken-248913)"
TC_FR = "[The Conversation](https://theconversation.com/pourquoi-les-haies-248913)"
GV_ES = "[Global Voices](https://es.globalvoices.org/2026/10/16/radios/)"


@pytest.mark.parametrize(
    ("body", "told"),
    [
        (f"*Dieser Artikel erschien zuerst bei {TC_DE}.*\n", True),
        (f"*Der Beitrag erschien ursprünglich auf {TC_DE}.*\n", True),
        (f"*Initialement paru sur {TC_FR}.*\n", True),
        ("*Initialement parue sur [Global Voices](https://fr.globalvoices.org/2026/10/16/radios/).*\n", True),
        # "Reproduzido de ...", "Reproducido de ..." opening the credit: told by the address it links to
        ("*Reproduzido de [Global Voices em Português](https://pt.globalvoices.org/2026/10/16/radios/).*\n", True),
        (f"Reproducido de {GV_ES} con permiso.\n", True),
        # the site's own story citing the publisher
        (f"Die Studie erschien in {TC_DE}.\n", False),
        (
            "El gráfico, reproducido de [Global Voices](https://es.globalvoices.org/2026/10/16/radios/), muestra.\n",
            False,
        ),
    ],
)
def test_a_german_or_french_credit_with_the_verb_first_is_told_on_a_page_with_no_original_url(body, told):
    result = check(f"Texte.\n\n{body}", {"title": "T"})
    assert ({finding.rule for finding in result.findings} == {"reprint-guard/credited-original"}) is told, result
    if told:  # by the address it links to, not by words quoted up to a link's bracket ("Reproduzido de [")
        assert "The article credits https://" in result.findings[0].message, result.findings[0].message


TC_FIXTURE = ROOT / "tests" / "policies" / "the-conversation" / "no-endorsement.md"
TC_CLAIM = "This republication is approved by the author."


def _conversation_rules(sentence: str) -> set[str]:
    text = TC_FIXTURE.read_text(encoding="utf-8")
    assert TC_CLAIM in text
    reprint = read_text(text.replace(TC_CLAIM, sentence), path=str(TC_FIXTURE))
    metadata = {k: v for k, v in reprint.metadata.items() if k != "expect"}
    return {finding.rule for finding in check(reprint.body, metadata, policy="the-conversation").findings}


@pytest.mark.parametrize(
    ("sentence", "told"),
    [
        ("Cette republication a été approuvée par l'autrice.", True),
        ("Esta republicación fue aprobada por la autora.", True),
        ("Esta republicação foi aprovada pelo autor.", True),
        ("Esta republicación está avalada por The Conversation.", True),
        # the approval of the edits these terms ask for, and the author's approval of something else
        ("Cette version raccourcie a été approuvée par l'autrice.", False),
        ("Los cambios fueron aprobados por la autora.", False),
        ("As alterações foram aprovadas pela autora.", False),
        ("El plan, aprobado por el autor del informe, sigue vigente.", False),
        ("Le dispositif, approuvé par l'autrice du rapport d'évaluation, reste fragile.", False),
    ],
)
def test_the_conversation_reads_an_endorsement_in_spanish_portuguese_and_french(sentence, told):
    assert ("the-conversation/no-endorsement" in _conversation_rules(sentence)) is told, sentence
