"""Chinese, Arabic and Russian in the Creative Commons rules: a change note ("本文有删节", "تم تحرير النص",
"Текст сокращён") is read by changes-indicated, whose pattern was compacted (no wording it read is lost) to
make room for them under the pattern limit; a reservation ("Все права защищены", "版權所有", "حقوق النشر
محفوظة") is read by no-added-restrictions, a story's mention of rights is not; and an unlinked credit whose
publisher's name holds a non-breaking space is told at the name, as one written with a plain space is."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write
from reprint_guard import check, load_policy
from reprint_guard.readers import read_text

ROOT = Path(__file__).parent.parent
MODIFIED = ROOT / "tests" / "policies" / "cc-by-4.0" / "compliant-modified.md"
NOTE = "*Changes were made to the original for length and house style.*"
COMPLIANT = ROOT / "tests" / "policies" / "cc-by-4.0" / "compliant.md"
CHANGES = "cc-by-4.0/changes-indicated"
RESERVED = "cc-by-4.0/no-added-restrictions"

#: Notes of a change to the reprint, as Chinese, Arabic and Russian reprints write them.
CHANGE_NOTES = [
    "本文有删节。",
    "（本文有删节）",
    "本文略有删节。",
    "编者有删改。",
    "編者有刪改。",
    "（有删节）",
    "转载时有删减。",
    "تم تحرير النص.",
    "ملاحظة: تم تحرير النص.",
    "تمت ترجمة هذا المقال من الإنجليزية.",
    "تمّ اختصار المقالة.",
    "المصدر: الجزيرة (بتصرف)",
    "Текст сокращён.",
    "Текст сокращен.",
    "Статья переведена и сокращена.",
    "Статья была отредактирована.",
    "Материал публикуется в сокращении.",
    "Печатается с сокращениями.",
    "Текст приводится с небольшими сокращениями.",
    "Публикуется в сокращённом виде.",
    "Интервью с редактором (в сокращении).",
]

#: Story sentences with the same words: none says the reprint was changed.
CHANGE_STORIES = [
    "该书出版时曾被删节。",
    "他说，本届政府计划删减预算。",
    "تم تعديل القانون في البرلمان.",
    "وقال إن النص تم تعديله لاحقا.",
    "قام بتصرف غريب أمس في الاجتماع.",
    "В сокращении расходов участвовали все министерства.",
    "Компания объявила о сокращении штата.",
    "Завод работает с сокращениями персонала.",
    "Он сказал, что текст законопроекта сокращён.",
]

#: Reservations over the licensed text, as footers write them.
RESERVATIONS = [
    "© 2026 Новая газета. Все права защищены.",
    "Все права защищены.",
    "© 2026 ТАСС Все права защищены",
    "Все права защищены законом.",
    "Все права сохранены.",
    "Перепечатка запрещена.",
    "Копирование материалов без разрешения запрещено.",
    "Полное или частичное копирование материалов запрещено.",
    "版權所有",
    "© 2026 中央社 版權所有，翻印必究",
    "保留所有權利。",
    "未經許可，不得轉載。",
    "禁無断転載",
    "無断複製・転載を禁じます。",
    "オール・ライツ・リザーブド",
    "حقوق النشر محفوظة",
    "جميع حقوق الطبع والنشر محفوظة",
    "جميع الحقوق محفوظه",
]

#: The same words in the story, or in a photo's own credit: no reservation over the licensed text.
RIGHTS_MENTIONED = [
    "Он заявил, что все права защищены конституцией.",
    "«Все права защищены», — гласила надпись на каждой листовке.",
    "Все права защищены конституцией, напомнил судья.",
    "В этой стране все права защищены законом.",
    "Использование пестицидов запрещено.",
    "Фото: ТАСС. Все права защищены.",
    "他说，版权所有者同意转载。",
    "經版權所有人同意後刊出。",
    "圖片：中央社。版權所有。",
    "قال إن جميع الحقوق محفوظة للعمال في القانون الجديد.",
]


def _modified(note: str) -> str:
    text = MODIFIED.read_text(encoding="utf-8")
    assert NOTE in text
    return text.replace(NOTE, note)


def _closing(paragraph: str) -> str:
    """The compliant reprint with ``paragraph`` as its last paragraph."""
    return COMPLIANT.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{paragraph}\n"


def _rules(text: str) -> list[tuple[str, int, int]]:
    reprint = read_text(text, path="reprint.md")
    metadata = {key: value for key, value in reprint.metadata.items() if key != "expect"}
    return [(f.rule, f.line, f.column) for f in check(reprint.body, metadata, policy="cc-by-4.0").findings]


@pytest.mark.parametrize("note", CHANGE_NOTES)
def test_a_modified_reprint_indicates_its_changes_in_chinese_arabic_or_russian(note):
    assert CHANGES not in {rule for rule, _, _ in _rules(_modified(note))}, note


@pytest.mark.parametrize("sentence", CHANGE_STORIES)
def test_a_story_sentence_with_the_words_of_a_change_note_is_none(sentence):
    assert CHANGES in {rule for rule, _, _ in _rules(_modified(sentence))}, sentence


def test_the_cli_reads_the_change_notes_in_a_folder_of_reprints(tmp_path, cli):
    for number, note in enumerate(CHANGE_NOTES):
        write(tmp_path / "notes" / f"{number:02}.md", _modified(note))
    for number, sentence in enumerate(CHANGE_STORIES):
        write(tmp_path / "stories" / f"{number:02}.md", _modified(sentence))
    run = cli("check", str(tmp_path / "notes"), "--format", "json")
    assert run.code == 0, run.out + run.err
    results = run.json()["results"]
    assert len(results) == len(CHANGE_NOTES)
    assert all(result["status"] == "pass" for result in results), [r for r in results if r["status"] != "pass"]
    run = cli("check", str(tmp_path / "stories"), "--format", "json")
    assert run.code == 1
    told = [[finding["rule"] for finding in result["findings"]] for result in run.json()["results"]]
    assert told == [[CHANGES]] * len(CHANGE_STORIES)


def test_changes_indicated_fits_the_limit_and_keeps_rare_words_required():
    """The new wordings went in by compacting the pattern ("(adapt|modifi|edit)ed" for "(adapted|modified|edited)",
    "(s?lightly )?"), not by raising the limit; each makes a rare word required, so a text without any of the
    rule's words is still passed over without a search."""
    from reprint_guard.limits import MAX_PATTERN_LENGTH
    from reprint_guard.prefilter import _COMMON, required_words

    rule = next(rule for rule in load_policy("cc-by-4.0").rules if rule.id == "changes-indicated")
    assert len(rule.params.pattern) <= MAX_PATTERN_LENGTH - 200
    words = required_words(rule.params.pattern)
    assert words is not None
    assert not {word.encode() for word in _COMMON} & set(words)
    assert {"删节".encode(), "сокращ".encode(), "تحرير".encode(), "بتصرف".encode()} <= set(words)


@pytest.mark.parametrize("notice", RESERVATIONS)
def test_a_reservation_in_russian_chinese_japanese_or_arabic_is_told_where_it_stands(notice):
    text = _closing(notice)
    found = [(line, column) for rule, line, column in _rules(text) if rule == RESERVED]
    assert len(found) == 1, notice
    last = len(read_text(text, path="reprint.md").body.rstrip("\n").split("\n"))
    assert found[0][0] == last, notice


@pytest.mark.parametrize("sentence", RIGHTS_MENTIONED)
def test_rights_mentioned_in_the_story_or_a_photo_credit_are_no_reservation(sentence):
    assert RESERVED not in {rule for rule, _, _ in _rules(_closing(sentence))}, sentence
    story = COMPLIANT.read_text(encoding="utf-8").replace("Borrowers are asked", f"{sentence} Borrowers are asked")
    assert RESERVED not in {rule for rule, _, _ in _rules(story)}, sentence


def test_the_cli_tells_a_russian_reservation_and_passes_a_mention(tmp_path, cli):
    notice = write(tmp_path / "notice.md", _closing("© 2026 Новая газета. Все права защищены."))
    mention = write(tmp_path / "mention.md", _closing("Он заявил, что все права защищены конституцией."))
    run = cli("check", str(notice), "--format", "json")
    assert run.code == 1
    [finding] = run.json()["results"][0]["findings"]
    assert finding["rule"] == RESERVED
    assert finding["message"].endswith('(found "Все права защищены.")')
    body = notice.read_text(encoding="utf-8").split("\n")
    assert body[finding["line"] - 1][finding["column"] - 1 :].startswith("Все права защищены.")
    run = cli("check", str(mention), "--format", "json")
    assert run.code == 0, run.out
    assert run.json()["results"][0]["findings"] == []


KFF_URL = "https://kffhealthnews.org/news/article/clinics-close/"
KFF_META = f"author: Ana Ruiz\noriginal_url: {KFF_URL}\ncommercial: false\nmedium: web\n"
DEED = "https://creativecommons.org/licenses/by-nc-nd/4.0/"


def _kff(name: str, spelt: str) -> str:
    """A KFF Health News reprint whose closing credit names the publisher, spelt so, with no link."""
    if name.endswith(".html"):
        return (
            "<p>By Ana Ruiz</p>\n<p>Rural clinics are closing across the state.</p>\n"
            f'<p>This story was first published by {spelt}. It is republished under a <a href="{DEED}">CC BY-NC-ND'
            " 4.0</a> licence.</p>\n"
        )
    return (
        f"---\n{KFF_META}---\n\nBy Ana Ruiz\n\nRural clinics are closing across the state.\n\n"
        f"This story was first published by {spelt}. It is republished under a [CC BY-NC-ND 4.0]({DEED}) licence.\n"
    )


@pytest.mark.parametrize(
    ("name", "spelt"),
    [
        ("a.md", "KFF\u00a0Health News"),
        ("a.md", "KFF&nbsp;Health News"),
        ("a.md", "KFF&nbsp;Health&nbsp;News"),
        ("a.html", "KFF&nbsp;Health News"),
        ("a.html", "KFF&#160;Health\u00a0News"),
        ("a.html", "KFF&#xA0;Health News"),
    ],
)
def test_an_unlinked_credit_with_a_non_breaking_space_is_told_at_the_name(tmp_path, cli, name, spelt):
    """The finding stands at the name, where the link goes (line and column, to its end), as for the name
    written with a plain space; it stood at the credit's first words."""
    plain_dir, spelt_dir = tmp_path / "plain", tmp_path / "spelt"
    for folder, written in ((plain_dir, "KFF Health News"), (spelt_dir, spelt)):
        write(folder / name, _kff(name, written))
        if name.endswith(".html"):
            write(folder / f"{name}.meta.yaml", KFF_META)
    placed = []
    for folder in (plain_dir, spelt_dir):
        run = cli("check", str(folder / name), "--format", "json")
        assert run.code == 1, run.out + run.err
        [finding] = run.json()["results"][0]["findings"]
        assert finding["rule"] == "kff-health-news/link-original"
        assert finding["message"].endswith("(the credit names KFF Health News with no link to the article)")
        placed.append(finding)
    plain, found = placed
    assert (found["line"], found["column"]) == (plain["line"], plain["column"])
    line = (spelt_dir / name).read_text(encoding="utf-8").split("\n")[found["line"] - 1]
    assert line[found["column"] - 1 : found["end_column"] - 1] == spelt
    assert found["end_line"] == found["line"]


def test_the_library_places_the_unlinked_credit_at_the_name_too():
    text = _kff("a.md", "KFF\u00a0Health News")
    reprint = read_text(text, path="a.md")
    metadata = dict(reprint.metadata.items())
    [finding] = check(reprint.body, metadata, policy="kff-health-news").findings
    line = reprint.body.split("\n")[finding.line - 1]
    assert line[finding.column - 1 :].startswith("KFF\u00a0Health News. It is")
