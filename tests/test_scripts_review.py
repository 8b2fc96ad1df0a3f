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
    credit = f"Автор: Алина Иванова. Статья впервые опубликована на [Global Voices]({RU_URL})."
    body = f"{credit}\n\n{RU_STORY}\n\n{RU_LICENCE}\n"
    meta = {**AR_META, "author": "Алёна Иванова", "original_url": RU_URL}
    assert "global-voices/credit-author" in _findings(body, meta)


# A credit that names Global Voices in words with no link is told at that credit, where --fix makes the name
# the link, in the reprint's own script as in English ("originally appeared on Global Voices.").

ZHS_URL = "https://zhs.globalvoices.org/2026/03/05/158212/"
ZHT_URL = "https://zht.globalvoices.org/2026/03/05/158212/"
UNLINKED = {
    # Simplified and traditional Chinese, as the zhs and zht editions write them.
    "zhs-yuanzai": ("本文作者陈晓雯，原载于全球之声。", "全球之声", ZHS_URL),
    "zht-yuanzai": ("本文作者陳曉雯，原載於全球之聲。", "全球之聲", ZHT_URL),
    "zht-zhuanzai": ("本文轉載自全球之聲，作者陳曉雯。", "全球之聲", ZHT_URL),
    # Arabic: the author between the verb and "في الأصل", "أصلاً" ("originally"), "لأول مرة" ("first").
    "ar-fil-asl": ("نُشرت هذه القصة بقلم سارة الخطيب في الأصل على الأصوات العالمية.", "الأصوات العالمية", AR_URL),
    "ar-aslan": ("كتبت سارة الخطيب هذه القصة، ونُشرت أصلاً على موقع الأصوات العالمية.", "الأصوات العالمية", AR_URL),
    "ar-awwal-marra": ("بقلم سارة الخطيب. نُشرت هذه القصة لأول مرة على الأصوات العالمية.", "الأصوات العالمية", AR_URL),
    # Russian.
    "ru-vpervye": ("Автор: Сара Хатиб. Статья впервые опубликована на Global Voices.", "Global Voices", RU_URL),
}


def _unlinked(case: str) -> tuple[str, str, str, dict]:
    credit, name, url = UNLINKED[case]
    author = (
        "陳曉雯"
        if "陳曉雯" in credit
        else "陈晓雯"
        if "陈晓雯" in credit
        else "Сара Хатиб"
        if "Сара" in credit
        else "سارة الخطيب"
    )
    meta = {**AR_META, "author": author, "original_url": url}
    return f"{credit}\n\n{ZH_STORY}\n\n{ZH_LICENCE}\n", name, url, meta


def _fixed(tmp_path, body: str, meta: dict) -> str:
    page = tmp_path / "reprint.md"
    front = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items())
    page.write_text(f"---\n{front}---\n\n{body}", encoding="utf-8")
    main(["check", str(page), "--fix", "--no-config", "--no-progress"])
    return page.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", UNLINKED)
def test_an_unlinked_credit_in_chinese_arabic_or_russian_is_told_at_the_credit(case):
    body, name, _, meta = _unlinked(case)
    found = _findings(body, meta)["global-voices/link-original"]
    assert (found.line, found.column) == (1, body.index(name) + 1), found
    assert found.end_column == body.index(name) + len(name) + 1
    assert "with no link to the article" in found.message


@pytest.mark.parametrize("case", [case for case in UNLINKED if not case.startswith("zh")])
def test_fix_links_the_name_of_an_unlinked_arabic_or_russian_credit(tmp_path, capsys, case):
    """Not a second credit in English above the article's own."""
    body, name, url, meta = _unlinked(case)
    fixed = _fixed(tmp_path, body, meta)
    capsys.readouterr()
    assert f"[{name}]({url})" in fixed and "This story by" not in fixed, fixed


@pytest.mark.parametrize("case", [case for case in UNLINKED if case.startswith("zh")])
def test_fix_links_the_name_of_an_unlinked_chinese_credit(tmp_path, capsys, case):
    body, name, url, meta = _unlinked(case)
    fixed = _fixed(tmp_path, body, meta)
    capsys.readouterr()
    assert f"[{name}]({url})" in fixed and "This story by" not in fixed, fixed


@pytest.mark.parametrize(
    "credit",
    [
        f"本文作者陳曉雯，原載於[全球之聲]({ZHT_URL})。",
        f"نُشرت هذه القصة بقلم سارة الخطيب في الأصل على [الأصوات العالمية]({AR_URL}).",
        f"Впервые опубликовано на [Global Voices]({RU_URL}).",
    ],
    ids=["zht", "ar", "ru"],
)
def test_a_reprint_whose_original_url_was_forgotten_is_told_from_its_credit_in_its_script(credit):
    result = check(f"{credit}\n\n{ZH_STORY}\n", {"title": "x"}, format="markdown")
    assert [finding.rule for finding in result.findings] == ["reprint-guard/credited-original"], result.findings


def test_a_russian_story_citing_a_report_first_published_elsewhere_is_no_credit_of_itself():
    """The words inside the story's sentence ("Доклад был впервые опубликован ...") cite another's work, as
    "The 2019 report, first published by Global Voices" does (a Russian credit's words, unlike Chinese and
    Arabic ones, do not say "this article" themselves)."""
    body = f"Доклад был впервые опубликован на Global Voices в 2019 году.\n\n{RU_STORY}\n"
    result = check(body, {"title": "x"}, format="markdown")
    assert result.status == "skipped" and not result.findings, result


@pytest.mark.parametrize(
    "credit", ["Впервые опубликовано на Global Voices.", "Статья Алёны Ивановой впервые опубликована на Global Voices."]
)
def test_a_russian_credit_naming_global_voices_is_told_from_its_credit(credit):
    body = f"{credit}\n\n{RU_STORY}\n"
    result = check(body, {"title": "x"}, format="markdown")
    assert [finding.rule for finding in result.findings] == ["reprint-guard/credited-original"], result.findings


# A foreign name transliterated into Chinese or Japanese parts its given name and surname with a dot, which
# writers and input methods type as "·", "・", "•" or "‧" (or a space): the same name whichever.


@pytest.mark.parametrize(
    ("author", "byline"),
    [
        ("娜迪亚·科罗马", "娜迪亚・科罗马"),
        ("娜迪亚·科罗马", "娜迪亚•科罗马"),
        ("娜迪亚・科罗马", "娜迪亚·科罗马"),
        ("娜迪亚 科罗马", "娜迪亚·科罗马"),
        ("娜迪亚·科罗马", "娜迪亚‧科罗马"),
        ("ナディア コロマ", "ナディア・コロマ"),
        ("ナディア・コロマ", "ナディア･コロマ"),  # the half-width dot
    ],
)
def test_a_transliterated_name_in_chinese_or_japanese_is_the_same_name_whichever_dot_parts_it(author, byline):
    body = f"本文作者{byline}，原载于[全球之声]({ZHS_URL})。\n\n{ZH_STORY}\n\n{ZH_LICENCE}\n"
    meta = {**AR_META, "author": author, "original_url": ZHS_URL}
    assert "global-voices/credit-author" not in _findings(body, meta)


def test_another_transliterated_name_is_still_no_credit():
    body = f"本文作者娜迪亚・科罗拉，原载于[全球之声]({ZHS_URL})。\n\n{ZH_STORY}\n\n{ZH_LICENCE}\n"
    meta = {**AR_META, "author": "娜迪亚·科罗马", "original_url": ZHS_URL}
    assert "global-voices/credit-author" in _findings(body, meta)


def test_fix_inserts_its_english_credit_into_a_right_to_left_page_as_left_to_right(tmp_path, capsys):
    page = tmp_path / "reprint.html"
    page.write_text(
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head><meta charset="utf-8"><title>مكتبة متنقلة</title>\n'
        f'<link rel="canonical" href="{AR_URL}"></head>\n<body><article>\n'
        + "".join(f"<p>{paragraph}</p>\n" for paragraph in AR_STORY.split("\n\n"))
        + "</article></body></html>\n",
        encoding="utf-8",
    )
    main(["check", str(page), "--fix", "--no-config", "--no-progress", "--meta", "author=سارة الخطيب"])
    capsys.readouterr()
    inserted = next(line for line in page.read_text(encoding="utf-8").splitlines() if "This story by" in line)
    assert inserted.startswith(('<p dir="auto">', '<p dir="ltr">')), inserted


# A "Source:" label line in the reprint's language, as "Fuente:" and "Fonte:" are read, with a full-width
# colon too ("来源：", as Chinese text writes it), linked or not.

SOURCE_LABELS = {
    "zhs": ("来源：", "全球之声", ZHS_URL),
    "zht": ("來源：", "全球之聲", ZHT_URL),
    "zhs-chuchu": ("出处：", "全球之声", ZHS_URL),
    "ar": ("المصدر: ", "الأصوات العالمية", AR_URL),
    "ar-rlm": ("\u200fالمصدر: ", "الأصوات العالمية", AR_URL),
    "ru": ("Источник: ", "Global Voices", RU_URL),
    "en-full-width-colon": ("Source：", "Global Voices", "https://globalvoices.org/2026/03/02/x/"),
}


@pytest.mark.parametrize("case", SOURCE_LABELS)
@pytest.mark.parametrize("linked", [True, False], ids=["linked", "unlinked"])
def test_a_source_label_in_the_reprints_language_tells_a_forgotten_original_url(case, linked):
    label, name, url = SOURCE_LABELS[case]
    credit = f"{label}[{name}]({url})" if linked else f"{label}{name}"
    result = check(f"{ZH_STORY}\n\n{credit}\n", {"title": "x"}, format="markdown")
    assert [finding.rule for finding in result.findings] == ["reprint-guard/credited-original"], result


@pytest.mark.parametrize("case", SOURCE_LABELS)
def test_an_unlinked_source_label_in_the_reprints_language_is_told_at_the_label(case):
    label, name, url = SOURCE_LABELS[case]
    body = f"{ZH_STORY}\n\n{label}{name}\n"
    found = _findings(body, {**AR_META, "author": "陈晓雯", "original_url": url})["global-voices/link-original"]
    line = body.count("\n", 0, body.index(label)) + 1
    assert (found.line, found.column) == (line, len(label) + 1), found


def test_a_charts_source_label_in_chinese_is_no_credit_of_the_story():
    """Under a picture, "来源：" names the chart's source, as "Source:" does."""
    body = f"{ZH_STORY}\n\n![图表](chart.png)\n来源：全球之声\n"
    result = check(body, {"title": "x"}, format="markdown")
    assert result.status == "skipped" and not result.findings, result


@pytest.mark.parametrize(
    ("said", "name", "url", "paragraph"),
    [
        ("\u200fنُشرت في الأصل على ", "الأصوات العالمية", AR_URL, AR_STORY.split("\n\n")[0]),
        ("本文原载于", "全球之声", ZHS_URL, ZH_STORY.split("\n\n")[0]),
        ("本文原载于", "globalvoices.org", ZHS_URL, ZH_STORY.split("\n\n")[0]),
    ],
    ids=["ar", "zhs", "address"],
)
def test_a_credit_to_global_voices_under_another_of_its_names_is_told_where_it_stands(said, name, url, paragraph):
    """A credit below the top naming Global Voices by its Arabic or Chinese name (or its address) was told at
    1:1, as if missing: the place was looked for under its English name only."""
    credit = f"{said}[{name}]({url})。"
    body = "\n\n".join([paragraph] * 10 + [credit, ZH_LICENCE]) + "\n"
    found = _findings(body, {**AR_META, "original_url": url})["global-voices/credit-global-voices-top"]
    line, column = body.count("\n", 0, body.index(credit)) + 1, len(said) + 2
    assert (found.line, found.column, found.end_line, found.end_column) == (line, column, line, column + len(name))


def test_fix_closes_an_embedding_the_authors_name_leaves_open(tmp_path, capsys):
    meta = {**AR_META, "author": "\u202bسارة الخطيب"}
    fixed = _fixed(tmp_path, f"{AR_STORY}\n", meta)
    capsys.readouterr()
    credit = next(line for line in fixed.splitlines() if "This story by" in line)
    assert credit.count("\u202b") + credit.count("\u2067") <= credit.count("\u202c") + credit.count("\u2069"), credit
