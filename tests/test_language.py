import pytest

from indexer.language import article_language, detect_language


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


def test_detection_is_deterministic():
    text = "Memory is alive, and it protects us."
    assert len({detect_language(text) for _ in range(20)}) == 1


def test_article_language_reads_all_paragraphs():
    assert article_language(["Almaty", "The city of eternal spring, the pearl of Central Asia."]) == "en"
