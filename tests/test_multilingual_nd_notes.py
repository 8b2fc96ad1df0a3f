"""Chinese, Arabic and Russian change notes under NoDerivatives and The Conversation's terms: the notes
cc-base-4.0's changes-indicated reads ("（有删节）", "تم تحرير النص", "Текст сокращён") are read by the ND
policies' edits-declared too (a reprint whose metadata declares no edit is warned that ND does not allow
sharing an edited version), and by The Conversation's changes-indicated (an edited reprint with the author's
approval that notes its change so is told nothing); the story's own cuts ("该书出版时曾被删节", "تم تعديل
القانون", "о сокращении штата") are no note under either. And a Russian reservation that runs straight into
another with no stop ("Все права защищены Перепечатка запрещена") is read by no-added-restrictions, while the
same words in the story, a quoted sign or a photo's credit ("Все права защищены Конституцией") are not."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import write
from reprint_guard import check, load_policy
from test_multilingual_notes import CHANGE_NOTES, CHANGE_STORIES, COMPLIANT, RIGHTS_MENTIONED, _closing

ROOT = Path(__file__).parent.parent
POLICIES = ROOT / "tests" / "policies"
ND = POLICIES / "cc-by-nd-4.0" / "compliant.md"
ND_CREDIT = "*This article was first published by [Northridge Observer]"
CONVERSATION = POLICIES / "the-conversation" / "compliant-approved-edits.md"
CONVERSATION_NOTE = "This article has been edited from the original, with the author's approval."

#: The policies with a NoDerivatives edits-declared rule, their own or amended, each with metadata it applies to.
ND_POLICIES = {
    "cc-by-nd-4.0": {},
    "cc-by-nc-nd-4.0": {"license": "CC-BY-NC-ND-4.0"},
    "propublica": {"license": "CC-BY-NC-ND-4.0", "original_url": "https://www.propublica.org/article/clinics"},
    "mongabay": {"original_url": "https://news.mongabay.com/2026/01/river-dolphins/"},
    "the-conversation": {"original_url": "https://theconversation.com/river-dolphins-252001"},
}

#: A story's sentence beside the same words in a note of the reprint's own (the Russian the most alike).
STORIES = [
    *CHANGE_STORIES,
    "Он сказал, что в законопроекте о сокращении штата текст законопроекта сокращён.",
    "Депутаты обсуждали сокращения бюджета, а не текст статьи.",
]


def _nd(note: str) -> str:
    """The compliant CC BY-ND reprint (its metadata declares no edit) with ``note`` as a paragraph of its own."""
    text = ND.read_text(encoding="utf-8")
    assert ND_CREDIT in text
    return text.replace(ND_CREDIT, f"{note}\n\n{ND_CREDIT}")


def _conversation(note: str) -> str:
    """The Conversation reprint edited with the author's approval on record, its note replaced by ``note``."""
    text = CONVERSATION.read_text(encoding="utf-8")
    assert CONVERSATION_NOTE in text
    return text.replace(CONVERSATION_NOTE, note)


def _rules(text: str, policy: str, **metadata: str) -> set[str]:
    """The rules ``policy`` tells of the reprint ``text``, its front matter's values replaced by ``metadata``."""
    _, front, body = text.split("---\n", 2)
    meta = {key: value for key, value in yaml.safe_load(front).items() if key != "expect"} | metadata
    return {finding.rule for finding in check(body, meta, policy=policy).findings}


@pytest.mark.parametrize("policy", sorted(ND_POLICIES))
@pytest.mark.parametrize("note", CHANGE_NOTES)
def test_an_nd_reprint_noting_an_edit_in_chinese_arabic_or_russian_is_warned(policy, note):
    assert f"{policy}/edits-declared" in _rules(_nd(note), policy, **ND_POLICIES[policy]), note


@pytest.mark.parametrize("policy", sorted(ND_POLICIES))
@pytest.mark.parametrize("sentence", STORIES)
def test_a_story_sentence_with_a_notes_words_is_no_edit_under_nd(policy, sentence):
    assert f"{policy}/edits-declared" not in _rules(_nd(sentence), policy, **ND_POLICIES[policy]), sentence


@pytest.mark.parametrize("note", CHANGE_NOTES)
def test_an_approved_conversation_edit_noted_in_chinese_arabic_or_russian_is_indicated(note):
    assert _rules(_conversation(note), "the-conversation") == set(), note


@pytest.mark.parametrize("sentence", STORIES)
def test_a_story_sentence_is_no_note_of_an_approved_conversation_edit(sentence):
    assert _rules(_conversation(sentence), "the-conversation") == {"the-conversation/changes-indicated"}, sentence


def test_the_cli_warns_each_nd_note_and_passes_each_story(tmp_path, cli):
    for number, note in enumerate(CHANGE_NOTES):
        write(tmp_path / "notes" / f"{number:02}.md", _nd(note))
    for number, sentence in enumerate(STORIES):
        write(tmp_path / "stories" / f"{number:02}.md", _nd(sentence))
    run = cli("check", str(tmp_path / "notes"), "--format", "json")
    assert run.code == 0, run.out + run.err  # a warning
    told = [[(f["rule"], f["severity"]) for f in result["findings"]] for result in run.json()["results"]]
    assert told == [[("cc-by-nd-4.0/edits-declared", "warning")]] * len(CHANGE_NOTES)
    run = cli("check", str(tmp_path / "notes"), "--format", "json", "--fail-on", "warning")
    assert run.code == 1, run.out + run.err
    run = cli("check", str(tmp_path / "stories"), "--format", "json", "--fail-on", "warning")
    assert run.code == 0, run.out + run.err
    assert [result["findings"] for result in run.json()["results"]] == [[]] * len(STORIES)


def test_the_cli_passes_each_conversation_note_and_tells_each_story(tmp_path, cli):
    for number, note in enumerate(CHANGE_NOTES):
        write(tmp_path / "notes" / f"{number:02}.md", _conversation(note))
    for number, sentence in enumerate(STORIES):
        write(tmp_path / "stories" / f"{number:02}.md", _conversation(sentence))
    run = cli("check", str(tmp_path / "notes"), "--format", "json", "--fail-on", "warning")
    assert run.code == 0, run.out + run.err
    results = run.json()["results"]
    assert len(results) == len(CHANGE_NOTES)
    assert all(result["status"] == "pass" for result in results), [r for r in results if r["status"] != "pass"]
    run = cli("check", str(tmp_path / "stories"), "--format", "json")
    assert run.code == 1, run.out + run.err
    told = [[f["rule"] for f in result["findings"]] for result in run.json()["results"]]
    assert told == [["the-conversation/changes-indicated"]] * len(STORIES)


#: The policy fixtures of these notes and stories, with the rules each must be told (and nothing else).
FIXTURES = {
    "cc-by-nd-4.0/edits-declared-chinese-note.md": [("cc-by-nd-4.0/edits-declared", 17)],
    "cc-by-nd-4.0/compliant-chinese-story-cuts.md": [],
    "cc-by-nc-nd-4.0/edits-declared-russian-note.md": [("cc-by-nc-nd-4.0/edits-declared", 23)],
    "cc-by-nc-nd-4.0/compliant-russian-story-cuts.md": [],
    "the-conversation/edits-declared-arabic-note.md": [("the-conversation/edits-declared", 21)],
    "the-conversation/compliant-arabic-story-edits.md": [],
    "the-conversation/compliant-modified-russian-note.md": [],
    "the-conversation/changes-indicated-russian-story.md": [("the-conversation/changes-indicated", 28)],
    "cc-base-4.0/no-added-restrictions-russian-run-on.md": [("cc-by-4.0/no-added-restrictions", 23)],
    "cc-base-4.0/compliant-rights-mentioned-russian-run-on.md": [],
}


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_the_cli_tells_each_fixture_what_it_declares(cli, name):
    run = cli("check", str(POLICIES / name), "--format", "json", "--fail-on", "warning")
    [result] = run.json()["results"]
    told = [(f["rule"], f["line"]) for f in result["findings"]]
    assert told == FIXTURES[name], told
    assert run.code == (1 if FIXTURES[name] else 0), run.out + run.err


@pytest.mark.parametrize(
    ("policy", "rule"),
    [
        ("cc-by-nd-4.0", "edits-declared"),
        ("cc-by-nc-nd-4.0", "edits-declared"),
        ("the-conversation", "changes-indicated"),
    ],
)
def test_the_rules_fit_the_limits_and_keep_rare_words_required(policy, rule):
    """The notes went into edits-declared by compacting its pattern ("(editad|resumid)[oa]" for
    "(editad[oa]|resumid[oa])", "s?lightly", "ha(ve|s) been"), not by raising a limit; each makes a rare word
    required, so a text without any of the rule's words is still passed over without a search."""
    from reprint_guard.checks.base import search_places
    from reprint_guard.limits import MAX_PATTERN_LENGTH, MAX_SEARCH_PLACES
    from reprint_guard.prefilter import _COMMON, required_words

    pattern = next(r for r in load_policy(policy).rules if r.id == rule).params.pattern
    assert len(pattern) <= MAX_PATTERN_LENGTH - 200
    assert search_places(pattern) <= MAX_SEARCH_PLACES * 2 // 3
    words = required_words(pattern)
    assert words is not None
    assert not {word.encode() for word in _COMMON} & set(words)
    assert {"删节".encode(), "сокращ".encode(), "تحرير".encode(), "بتصرف".encode()} <= set(words)


RESERVED = "cc-by-4.0/no-added-restrictions"

#: Russian footers whose reservation runs into the next with no stop between them.
RUN_ON = [
    "Все права защищены Перепечатка запрещена",
    "© 2026 Новая газета Все права защищены Перепечатка запрещена.",
    "Все права защищены законом Копирование материалов без разрешения запрещено.",
    "Все права сохранены Полное или частичное копирование материалов запрещено",
    "© Газета «Север», 2026 Все права защищены Использование материалов без согласия редакции строго запрещено.",
]

#: The same words run together in a photo's credit, a quoted sign or the story: no notice.
RUN_ON_MENTIONED = [
    *RIGHTS_MENTIONED,
    "Фото: ТАСС. Все права защищены Перепечатка запрещена.",
    "«Все права защищены Перепечатка запрещена», — гласила надпись.",
    "Надпись гласила: «Все права защищены Перепечатка запрещена».",
    "Все права защищены Конституцией России, напомнил судья.",
    "Все права защищены законом о СМИ, сказал он.",
    "Он сказал, что все права защищены перепечатка запрещена.",
    "Все права защищены, использование пестицидов запрещено, сказал он.",
]


def _reserved(text: str) -> list[tuple[int, int]]:
    _, front, body = text.split("---\n", 2)
    meta = {key: value for key, value in yaml.safe_load(front).items() if key != "expect"}
    findings = check(body, meta, policy="cc-by-4.0").findings
    return [(f.line, f.column) for f in findings if f.rule == RESERVED]


@pytest.mark.parametrize("notice", RUN_ON)
def test_a_russian_reservation_running_into_the_next_is_told_where_it_starts(notice):
    text = _closing(notice)
    last = len(text.split("---\n", 2)[2].rstrip("\n").split("\n"))
    assert _reserved(text) == [(last, 1)], notice


@pytest.mark.parametrize("sentence", RUN_ON_MENTIONED)
def test_the_same_words_run_together_in_a_credit_a_quote_or_the_story_are_no_reservation(sentence):
    assert _reserved(_closing(sentence)) == [], sentence
    story = COMPLIANT.read_text(encoding="utf-8").replace("Borrowers are asked", f"{sentence} Borrowers are asked")
    assert _reserved(story) == [], sentence
