"""A Spanish-, Portuguese- and French-language editor's review: notes and claims as such an outlet writes them."""

from __future__ import annotations

import pytest

from reprint_guard import check

STORY = "\n\n".join(
    [
        "Una emisora comunitaria de la sierra lee cada mañana el pronóstico del clima en tres lenguas.",
        "Las familias campesinas llaman para contar cuánta lluvia cayó en sus parcelas.",
        "Las fundadoras capacitan ahora a jóvenes locutoras para que la radio siga al aire.",
    ]
)
URL = "https://es.globalvoices.org/2026/10/03/radios-comunitarias/"
CREDIT = f"*Esta historia de María José Quispe Mamani se publicó originalmente en [Global Voices]({URL}).*"
LICENCE = "Publicado bajo licencia [CC BY 3.0](https://creativecommons.org/licenses/by/3.0/)."
META = {
    "author": "María José Quispe Mamani",
    "original_url": URL,
    "original_published": "2026-10-03",
    "license": "CC-BY-3.0",
    "commercial": False,
    "medium": "web",
}


def _rules(body: str, **meta: object) -> set[str]:
    result = check(body, {**META, **meta}, format="markdown")
    return {finding.rule for finding in result.findings}


@pytest.mark.parametrize(
    "note",
    [
        # Spanish: "the text/the note" as well as "this text"; a translation by name; the usual short notes.
        "El texto fue editado por razones de espacio.",
        "La nota fue editada por razones de espacio.",
        "Este artículo fue traducido al español por Ana Pérez Gómez.",
        "Esta historia fue traducida por Ana Pérez Gómez.",
        "Editado por razones de espacio.",
        "Hemos acortado este artículo.",
        "Hemos editado el texto por razones de espacio.",
        "Artículo adaptado del original.",
        "Versión editada del original.",
        "Se hicieron cambios al texto original.",
        "Traducción y edición: Ana Pérez Gómez.",
        # Portuguese.
        "O texto foi editado por questões de espaço.",
        "Esta reportagem foi encurtada.",
        "Adaptação: Redação Voz do Vale.",
        "Texto adaptado do original.",
        # French.
        "Cet article a été modifié.",
        "L'article a été raccourci.",
        "Article adapté de l'original.",
        "Texte traduit et adapté par la rédaction.",
        "Nous avons raccourci cet article.",
    ],
)
def test_a_change_note_in_spanish_portuguese_or_french_indicates_the_change(note):
    """Each is the same note as an English one that passes ("The text was edited for space", "Adapted from
    the original", "We have shortened this article", "Changes were made to the original text", ...)."""
    body = f"{CREDIT}\n\n{STORY}\n\n{note} {LICENCE}\n"
    assert "global-voices/changes-indicated" not in _rules(body, modified=True)


@pytest.mark.parametrize(
    "sentence",
    [
        # What a story says about a law, a thesis or a study is no note of the reprint's changes.
        "El texto fue modificado por el Senado la semana pasada.",
        "O texto foi alterado pela Câmara.",
        "Le texte a été modifié par les députés en commission.",
        "La ley fue adaptada del original de 1931.",
    ],
)
def test_the_same_words_about_a_law_are_no_change_note(sentence):
    body = f"{CREDIT}\n\n{STORY}\n\n{sentence}\n\n{LICENCE}\n"
    assert "global-voices/changes-indicated" in _rules(body, modified=True)


@pytest.mark.parametrize(
    "claim",
    [
        "Esta republicación fue aprobada por la autora.",
        "Esta reproducción está avalada por el autor.",
        "Republicado con contenido respaldado por los autores.",
        "Esta republicação foi aprovada pela autora.",
        "Cette republication est approuvée par l'autrice.",
    ],
)
def test_an_endorsement_claim_in_spanish_portuguese_or_french_is_found(claim):
    """As "This republication is approved by the author" is."""
    body = f"{CREDIT}\n\n{STORY}\n\n{claim} {LICENCE}\n"
    assert "global-voices/no-endorsement" in _rules(body)


@pytest.mark.parametrize(
    "sentence",
    [
        "El proyecto de ley fue aprobado por el autor de la reforma y sus aliados.",
        "La iniciativa, avalada por la autora del informe, llegó al Congreso.",
        "O projeto foi aprovado pelo autor da emenda.",
        "Le budget a été approuvé par l'auteur du rapport.",
    ],
)
def test_a_story_about_a_bill_approved_by_its_author_is_no_endorsement_claim(sentence):
    body = f"{CREDIT}\n\n{STORY}\n\n{sentence}\n\n{LICENCE}\n"
    assert "global-voices/no-endorsement" not in _rules(body)


@pytest.mark.parametrize(
    ("sentence", "reserves"),
    [
        # The footers Latin American, Brazilian and French sites carry: each reserves what the licence allows.
        ("© 2026 La Voz del Valle. Derechos reservados.", True),
        ("Derechos reservados © La Voz del Valle 2026.", True),
        ("Prohibida la reproducción total o parcial de este contenido sin autorización.", True),
        ("Se prohíbe la reproducción total o parcial sin autorización escrita.", True),
        ("Queda prohibida su reproducción sin autorización.", True),
        ("Reproducción prohibida.", True),
        ("© Voz do Vale. Direitos reservados.", True),
        ("Proibida a reprodução total ou parcial.", True),
        ("Reprodução proibida.", True),
        ("Tous droits de reproduction réservés.", True),
        ("Droits réservés.", True),
        ("Solo para uso personal y no comercial.", True),
        # A photo's own credit keeps its agency's notice; a story's words about rights or breeding are no notice.
        ("Foto: Juan Pérez/Archivo. Derechos reservados.", False),
        ("Fotografía: Agencia Andina. Prohibida la reproducción.", False),
        ("Foto: Ana Souza/Divulgação. Direitos reservados.", False),
        ("Los derechos reservados a las comunidades indígenas no se respetaron.", False),
        ("En la reserva está prohibida la reproducción de tortugas en cautiverio.", False),
    ],
)
def test_a_reservation_in_spanish_portuguese_or_french_is_found_and_a_photo_credit_or_story_is_not(sentence, reserves):
    """As "All rights reserved", "Reproduction prohibited." and "For personal, non-commercial use only." are."""
    body = f"{CREDIT}\n\n{STORY}\n\n{LICENCE}\n\n{sentence}\n"
    assert ("global-voices/no-added-restrictions" in _rules(body)) is reserves


@pytest.mark.parametrize(
    "credit",
    [
        # Global Research's footer as its French site, and translations of its articles, print it.
        "La source originale de cet article est [Mondialisation.ca](https://www.mondialisation.ca/peche/5712345).",
        "La fuente original de este artículo es [Global Research](https://www.globalresearch.ca/pesca/5880999).",
        "A fonte original deste artigo é [Global Research](https://www.globalresearch.ca/pesca/5880999).",
        "La source originale de cet article est Mondialisation.ca",
        # A label line whose name is linked is as much a credit as the same line unlinked ("Fuente: Global Voices").
        f"Fuente: [Global Voices]({URL})",
        f"Fonte: [Global Voices]({URL})",
        f"Source : [Global Voices]({URL})",
    ],
)
def test_a_reprint_whose_original_url_was_forgotten_is_told_from_its_credit(credit):
    """Without original_url the file would be skipped as the site's own article, and the reprint go unchecked."""
    meta = {key: value for key, value in META.items() if key not in ("original_url", "original_published", "license")}
    result = check(f"{STORY}\n\n{credit}\n", meta, format="markdown")
    assert "reprint-guard/credited-original" in {finding.rule for finding in result.findings}


def test_a_charts_linked_source_line_is_no_credit_of_the_story():
    """As "Fuente: Global Voices" under a picture is the picture's source, so is the same line linked."""
    meta = {key: value for key, value in META.items() if key not in ("original_url", "original_published", "license")}
    body = f"{STORY}\n\n![Gráfico de lluvias](/img/lluvias.png)\nFuente: [Global Voices]({URL})\n"
    result = check(body, meta, format="markdown")
    assert result.status == "skipped"


DE_URL = "https://dialogue.earth/en/water/lithium-mining-and-water-in-salt-flats/"
DE_META = {
    "author": "Valentina Ríos Cárdenas",
    "original_url": DE_URL,
    "original_published": "2026-09-01",
    "commercial": False,
    "medium": "web",
}
DE_CREDIT = (
    f"*Este artículo de Valentina Ríos Cárdenas fue publicado originalmente en [Dialogue Earth]({DE_URL}) bajo "
    "licencia [CC BY-NC-ND 4.0](https://creativecommons.org/licenses/by-nc-nd/4.0/deed.es).*"
)


@pytest.mark.parametrize(
    "note",
    [
        "El texto fue editado por razones de espacio.",
        "Hemos acortado este artículo.",
        "O texto foi editado por questões de espaço.",
        "Cet article a été modifié.",
    ],
)
def test_an_undeclared_edit_note_under_a_noderivatives_licence_is_told(note):
    """A NoDerivatives reprint whose note says it was edited, but whose metadata does not (as "The text was
    edited for space" is told)."""
    result = check(f"{STORY}\n\n{note}\n\n{DE_CREDIT}\n", DE_META, format="markdown")
    assert "dialogue-earth/edits-declared" in {finding.rule for finding in result.findings}


def test_a_story_sentence_about_a_law_under_a_noderivatives_licence_is_no_edit_note():
    body = f"{STORY}\n\nEl texto fue modificado por el Senado la semana pasada.\n\n{DE_CREDIT}\n"
    result = check(body, DE_META, format="markdown")
    assert "dialogue-earth/edits-declared" not in {finding.rule for finding in result.findings}


@pytest.mark.parametrize(
    "credit",
    [
        "<p>Fuente: Global Voices</p>",
        f'<p>Fuente: <a href="{URL}">Global Voices</a></p>',
        '<p><em>Source: <a href="https://globalvoices.org/2026/11/02/weavers/">Global Voices</a></em></p>',
    ],
)
def test_a_source_label_paragraph_in_html_is_read_as_the_same_line_in_markdown(credit):
    meta = {key: value for key, value in META.items() if key not in ("original_url", "original_published", "license")}
    body = f"<p>{STORY.splitlines()[0]}</p>\n{credit}\n"
    result = check(body, meta, format="html")
    assert "reprint-guard/credited-original" in {finding.rule for finding in result.findings}


def test_a_charts_source_paragraph_in_html_is_no_credit_of_the_story():
    meta = {key: value for key, value in META.items() if key not in ("original_url", "original_published", "license")}
    chart = '<img src="/img/lluvias.png" alt="Lluvias por mes">'
    body = f'<p>{STORY.splitlines()[0]}</p>\n{chart}\n<p>Fuente: <a href="{URL}">Global Voices</a></p>\n'
    assert check(body, meta, format="html").status == "skipped"


def test_a_source_label_citing_an_analysis_is_no_credit_of_the_story():
    """ "Fuente: [análisis de Global Research](...)" cites a source of the story's own, as "Source: ProPublica
    analysis of state data" does unlinked."""
    meta = {key: value for key, value in META.items() if key not in ("original_url", "original_published", "license")}
    credit = "Fuente: [análisis de Global Research](https://www.globalresearch.ca/pesca/5880999)"
    assert check(f"{STORY}\n\n{credit}\n", meta, format="markdown").status == "skipped"


def test_a_source_label_naming_the_edition_is_a_credit():
    meta = {key: value for key, value in META.items() if key not in ("original_url", "original_published", "license")}
    credit = f"Fuente: [Global Voices en Español]({URL})"
    result = check(f"{STORY}\n\n{credit}\n", meta, format="markdown")
    assert "reprint-guard/credited-original" in {finding.rule for finding in result.findings}


def test_the_change_note_fix_tells_an_editor_a_note_in_the_articles_language_counts():
    result = check(f"{CREDIT}\n\n{STORY}\n\n{LICENCE}\n", {**META, "translated": True}, format="markdown")
    (finding,) = [f for f in result.findings if f.rule == "global-voices/changes-indicated"]
    assert "in the article's language" in finding.fix and "Traducción: <translator>." in finding.fix
