"""A review as Global Voices' Lingua translators and republishers in non-Latin scripts: Arabic (right to left,
bidi marks), Chinese and Japanese (no spaces between words, full-width punctuation) and Russian (ё and е)."""

from __future__ import annotations

import json

import pytest

from reprint_guard import check
from reprint_guard.cli import main

AR_URL = "https://ar.globalvoices.org/2026/02/11/91234/"
AR_STORY = "\n\n".join(
    [
        "كل صباح جمعة، يقود شاب دراجته المحمّلة بالكتب إلى ساحة القرية، ويفرشها على بساط ليقرأها الأطفال.",
        "بدأت الفكرة قبل عامين، حين لاحظ أن أقرب مكتبة عامة تبعد أكثر من ثلاثين كيلومترًا عن القرية.",
        "اليوم يتبرّع سكان المدن المجاورة بالكتب، ويتطوّع طلاب الجامعة لقراءة القصص بصوت عالٍ.",
    ]
)
AR_LICENCE = "نُشر بموجب رخصة [CC BY 3.0](https://creativecommons.org/licenses/by/3.0/deed.ar)."
AR_META = {
    "author": "سارة الخطيب",
    "original_url": AR_URL,
    "license": "CC-BY-3.0",
    "commercial": False,
    "medium": "web",
}

ZH_STORY = "\n\n".join(
    [
        "每天清晨，河口的十二戶漁民把前一天的漁獲送到合作社的冷庫，由合作社統一定價、統一出售。",
        "合作社成立三年來，漁民的收入比過去穩定了許多，年輕人也開始回到村裡。",
    ]
)
ZH_LICENCE = "本文採用[創用CC 姓名標示 3.0](https://creativecommons.org/licenses/by/3.0/deed.zh_TW)授權條款發布。"

RU_URL = "https://ru.globalvoices.org/2026/03/02/1234/"
RU_STORY = "\n\n".join(
    [
        "Каждое утро в шесть часов волонтёр поднимается в маленькую студию над рынком и читает прогноз погоды.",
        "Станция начиналась как увлечение двух учителей на пенсии, а теперь её слушают в соседних сёлах.",
    ]
)
RU_LICENCE = "Опубликовано по лицензии [CC BY 3.0](https://creativecommons.org/licenses/by/3.0/deed.ru)."


def _findings(body: str, meta: dict, **more: object) -> dict[str, object]:
    result = check(body, {**meta, **more}, format="markdown")
    return {finding.rule: finding for finding in result.findings}


# An Arabic byline of two authors joins the second with "و" ("and"), written onto the name.


@pytest.mark.parametrize(
    "byline",
    [
        "بقلم أحمد علي وسارة الخطيب.",
        "\u200fبقلم أحمد علي و\u200fسارة الخطيب.",  # a right-to-left mark the editor left after the "و"
    ],
)
def test_an_arabic_byline_joining_the_author_with_wa_credits_her(byline):
    body = f"{byline} نُشرت هذه القصة في الأصل على [الأصوات العالمية]({AR_URL}).\n\n{AR_STORY}\n\n{AR_LICENCE}\n"
    assert "global-voices/credit-author" not in _findings(body, AR_META)
    both = _findings(body, AR_META, author=["أحمد علي", "سارة الخطيب"])
    assert "global-voices/credit-author" not in both


def test_an_arabic_name_inside_a_longer_word_is_still_no_credit():
    """Only the conjunction is read as apart from the name: "بسام خليل" (Bassam Khalil) does not credit "سام
    خليل", and neither does "وليد" (Walid) a "ليد"."""
    body = f"بقلم بسام خليل. نُشرت هذه القصة في الأصل على [الأصوات العالمية]({AR_URL}).\n\n{AR_STORY}\n\n{AR_LICENCE}\n"
    assert "global-voices/credit-author" in _findings(body, AR_META, author="سام خليل")


# Russian writes "ё" as "е" as often as not: the same name either way.


@pytest.mark.parametrize(
    ("author", "byline"),
    [
        ("Алёна Иванова", "Алена Иванова"),
        ("Алена Иванова", "Алёна Иванова"),
        ("Алена Иванова", "АЛЁНА ИВАНОВА"),
        ("Пётр Семёнов", "Петр Семенов"),
        ("Петр Семенов", "Пётр Семёнов"),
    ],
)
def test_a_russian_name_with_yo_or_ye_is_the_same_name(author, byline):
    body = f"Автор: {byline}. Статья впервые опубликована на [Global Voices]({RU_URL}).\n\n{RU_STORY}\n\n{RU_LICENCE}\n"
    meta = {**AR_META, "author": author, "original_url": RU_URL}
    assert "global-voices/credit-author" not in _findings(body, meta)


def test_another_russian_name_is_still_no_credit():
    body = f"Автор: Алина Иванова. Статья впервые опубликована на [Global Voices]({RU_URL}).\n\n{RU_STORY}\n\n{RU_LICENCE}\n"
    meta = {**AR_META, "author": "Алёна Иванова", "original_url": RU_URL}
    assert "global-voices/credit-author" in _findings(body, meta)
