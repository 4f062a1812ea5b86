import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from py3langid.langid import visit_counts

from indexer import language
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


def walked_counts(data: bytes) -> list[tuple[int, int]]:
    """py3langid's own per-byte walk: {feature: count} in order of first appearance."""
    model = language._model()
    return list((visit_counts(model.tk_nextmove, model._rowbase, model.tk_output, data) or {}).items())


# Words of the archive's languages reach the automaton's deep states, which random characters seldom do.
WORDS = ("The exhibition presents more than forty works by a photographer from St. Petersburg. "
         "Выставка представляет более сорока работ петербургского фотографа. "
         "Көрмеде Санкт-Петербург фотографының қырықтан астам жұмысы ұсынылған. "
         "Выстава прадстаўляе больш за сорак работ пецярбургскага фатографа. "
         "Бүгүн Бишкекте жаан жаады. Сьогодні в Києві пройшов дощ. 展览展出了四十多件摄影作品。 "
         "在线赌场，注册即送888元，点击这里立即领取！ 政府は新しい法律を発表しました。 中国 山西省 人口 工程 教堂 年").split()
TEXTS = st.one_of(
    st.text(),
    st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join),
    st.text(min_size=1, max_size=50).map(lambda text: text * 2000),  # long
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(TEXTS.map(lambda text: language._model()._encode(text)), st.binary()), max_size=8))
@example([b""])
@example([b"", b"", b"The end.", b""])
@example(["\u0412\u043b\u0430\u0434\u0438\u043c\u0438\u0440 \u041f\u0443\u0442\u0438\u043d".encode() * 30_000])
@example([bytes(range(256)) * 3, b"\xff\xffab\xffcd"])
def test_ngram_counts_equal_py3langids_walk(texts):
    counted = language._ngram_counter().counts(texts)
    assert len(counted) == len(texts)
    for text, (features, times) in zip(texts, counted):
        assert list(zip(features.tolist(), times.tolist())) == walked_counts(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(TEXTS, max_size=6))
@example(["", "   ", "Владимир Путин", "The exhibition presents more than forty works."])
def test_rankings_equal_py3langids_rank(texts):
    assert list(language._rankings(texts)) == [language._model().rank(text) for text in texts]


@given(st.lists(st.text(), max_size=6))
def test_detect_many_is_detect_language_of_each(texts):
    assert detect_many(texts) == [detect_language(text) for text in texts]
