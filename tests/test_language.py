import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from indexer.language import article_language, detect_language, detect_many

ROOT = Path(__file__).resolve().parents[1]
LANGID = Path(__file__).resolve().parents[2] / "shared" / "data" / "langid"


@pytest.mark.parametrize(
    "text, code",
    [
        ("The exhibition presents more than forty works by a photographer from St. Petersburg.", "en"),
        ("Выставка представляет более сорока работ петербургского фотографа.", "ru"),
        ("Көрмеде Санкт-Петербург фотографының қырықтан астам жұмысы ұсынылған.", "kk"),
        ("Выстава прадстаўляе больш за сорак работ пецярбургскага фатографа.", "be"),
        ("展览展出了四十多件摄影作品。", "zh"),
        ("12 345 — 2019", ""),
    ],
)
def test_detect_language(text, code):
    assert detect_language(text) == code


@pytest.mark.parametrize(
    "text, code",
    [
        # Kazakh: "Today it rained in Astana." / "The President announced his Address to the people."
        ("Бүгін Астанада жаңбыр жауды.", "kk"),
        ("Президент халыққа Жолдау жариялады.", "kk"),
        # Kyrgyz: "Today it rained in Bishkek." / "Elections were held in Kyrgyzstan."
        ("Бүгүн Бишкекте жаан жаады.", "ky"),
        ("Кыргызстанда шайлоо өттү.", "ky"),
        # Kyrgyz without any of ң ө ү: "One more park opened in Bishkek."
        ("Бишкекте дагы бир сейил бак ачылды.", "ky"),
        # Belarusian: "Today it rained in Minsk." / "Belarusian scientists developed a new vaccine."
        ("Сёння ў Мінску ішоў дождж.", "be"),
        ("Беларускія навукоўцы распрацавалі новую вакцыну.", "be"),
        # Ukrainian: "Today it rained in Kyiv." / "The government made a decision."
        ("Сьогодні в Києві пройшов дощ.", "uk"),
        ("Уряд ухвалив рішення.", "uk"),
    ],
)
def test_short_sentences_of_the_archive_languages(text, code):
    assert detect_language(text) == code


@pytest.mark.parametrize(
    "text, code",
    [
        # Name captions: Cyrillic without Ukrainian, Belarusian, Kazakh or Kyrgyz letters is Russian.
        ("Владимир Путин", "ru"),
        ("Барак Обама", "ru"),
        ("Вид на центральную часть города Асунсьон.", "ru"),
        # A short English caption is not taken for Spanish.
        ("Austen, Jane. Pride and Prejudice", "en"),
        ("Le gouvernement a annoncé une nouvelle loi sur la presse.", "fr"),
        ("Die Regierung hat ein neues Pressegesetz angekündigt.", "de"),
        ("El gobierno anunció una nueva ley de prensa.", "es"),
        ("政府は新しい法律を発表しました。", "ja"),
        # Greek is not among the languages considered: unknown.
        ("Η κυβέρνηση ανακοίνωσε νέο νόμο.", ""),
    ],
)
def test_captions_and_other_languages(text, code):
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "   ", "12 345 — 2019", "2018 10 19 30 2018 10 19 06", "ab", "— … ©", "3.14%"])
def test_empty_and_numeric_text_is_unknown(text):
    assert detect_language(text) == ""


def test_detection_is_deterministic():
    text = "Memory is alive, and it protects us."
    assert len({detect_language(text) for _ in range(20)}) == 1


def test_detection_is_the_same_in_a_fresh_process():
    texts = ["Memory is alive, and it protects us.", "Сёння ў Мінску ішоў дождж.", "Бишкекте дагы бир сейил бак ачылды.",
             "Верховна Рада", "Ok", "Барак Обама"]
    code = f"from indexer.language import detect_many; print(detect_many({texts!r}))"
    runs = {subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
            for _ in range(2)}
    assert runs == {f"{detect_many(texts)!r}\n"}


def test_article_language_reads_all_paragraphs():
    assert article_language(["Almaty", "The city of eternal spring, the pearl of Central Asia."]) == "en"


def test_a_chinese_spam_line_inside_english_text():
    paragraphs = [
        "The festival opened on Friday with a concert in the central square.",
        "在线赌场，注册即送888元，点击这里立即领取！",
        "Organisers said more than ten thousand people attended the first evening.",
    ]
    assert detect_many(paragraphs) == ["en", "zh", "en"]
    assert article_language(paragraphs) == "en"


def test_an_app_promotion_line_inside_russian_text():
    paragraphs = [
        "В Алматы открылась выставка фотографий, посвящённая истории города.",
        "Приложение DKNews для Android",
        "Экспозиция будет работать до конца месяца.",
    ]
    assert detect_many(paragraphs) == ["ru", "ru", "ru"]
    assert article_language(paragraphs) == "ru"


def test_article_language_goes_by_letters_not_paragraph_count():
    paragraphs = ["Фото: ТАСС", "Фото: РИА", "Kazakhstan's parliament approved the budget on Thursday after a long debate."]
    assert article_language(paragraphs) == "en"
    assert article_language(paragraphs, ["ru", "ru", "en"]) == "en"
    assert article_language(["", "42"]) == ""


def test_benchmark_smoke_run():
    if not (LANGID / "langid.jsonl").is_file():
        pytest.skip(f"no langid data at {LANGID}: the benchmark smoke run needs shared/data/langid")
    spec = importlib.util.spec_from_file_location("bench_language", ROOT / "bench" / "language.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    report = bench.run(limit=4)
    assert report["items"] == 28
    final = report["langid"]["final"]["counts"]
    for lang in bench.LANGS:
        assert final[(lang, "all")][1] == 4
    right, total = final[("all", "all")]
    assert right >= 27
    assert final[("all", "all")][0] > report["langid"]["langdetect"]["counts"][("all", "all")][0]
    assert report["langid"]["final"]["items_per_second"] > 0
    assert "| ky | short |" in bench.table(report["langid"], bench.LANGS, ("short", "long", "all"))
