from pathlib import Path

import pytest

from indexer.clean import Cleaned, clean, repeated_lines, split_paragraphs
from indexer.model import Removed

from conftest import SEEDS


def seed_text(prefix: str) -> str:
    path = next(p for p in SEEDS if p.name.startswith(prefix))
    lines = path.read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not line.startswith("Posted:"))


def test_paragraphs_are_lines_with_whitespace_normalized():
    text = "  Title\u00a0 line \r\n\r\n\tFirst   paragraph.\nSecond\u2003paragraph. \n\n\n"
    assert clean(text) == Cleaned(paragraphs=["Title line", "First paragraph.", "Second paragraph."], removed=[])


def test_blank_text_has_no_paragraphs():
    assert split_paragraphs(" \n\n \t\n") == []


@pytest.mark.parametrize("prefix", ["000_", "001_", "002_"])
def test_real_articles_lose_nothing_but_blank_space(prefix):
    text = seed_text(prefix)
    cleaned = clean(text)
    assert cleaned.removed == []
    assert cleaned.paragraphs == [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def test_seed_003_loses_spam_footer_app_lines_and_mojibake_only():
    text = seed_text("003_")
    cleaned = clean(text)
    assert cleaned.removed == [
        Removed("咪乐|逗艳|直播 女子就回去专心参究,可是看来看去不明白,于是哭着求师父教她个方便法门。", "spam"),
        Removed(
            "DKNews International News Agency is registered with the Ministry of Culture and Information of the "
            "Republic of Kazakhstan. Registration certificate No. 10484-AA issued on January 20, 2010.",
            "boilerplate",
        ),
        Removed("Приложение DKNews для Android Приложение DKNews для iPhone", "boilerplate"),
        Removed("INA ?DKNews? ? 2006 -", "mojibake"),
    ]
    assert cleaned.paragraphs[0] == "Almaty - the Golden Cradle of Independence"
    assert cleaned.paragraphs[-1].startswith("The exhibition in the museum Library of the First President")
    assert len(cleaned.paragraphs) == 14


def test_foreign_quotation_and_names_are_kept():
    text = "\n".join([
        "The mayor opened the new library in the city centre on Monday morning.",
        "«Мы открываем библиотеку для всех жителей нашего города», сказал мэр.",
        "Алматы Сити",
        "He thanked the builders and the readers who came to the ceremony.",
    ])
    assert clean(text).removed == []


def test_foreign_line_without_spam_signals_is_foreign_script():
    text = "\n".join([
        "The mayor opened the new library in the city centre on Monday morning.",
        "The building took three years and cost less than the council had planned.",
        "Readers queued from early morning to see the reading rooms and the archive.",
        "Совершенно другой абзац на русском языке, который сюда не относится вовсе.",
        "He thanked the builders and the readers who came to the ceremony.",
    ])
    assert clean(text).removed == [
        Removed("Совершенно другой абзац на русском языке, который сюда не относится вовсе.", "foreign-script")
    ]


def test_bilingual_article_keeps_both_languages():
    text = "\n".join(["An English paragraph about the exhibition opening."] * 3
                     + ["Русский абзац об открытии выставки в музее."] * 3)
    assert clean(text).removed == []


def test_repairable_mojibake_is_repaired_not_removed():
    cleaned = clean("Title\nThe cafÃ© served Ð¼Ð¸Ñ€ to visitors.")
    assert cleaned.paragraphs == ["Title", "The café served мир to visitors."]
    assert cleaned.removed == []


@pytest.mark.parametrize("line", [
    "Share: Facebook | Twitter | Telegram",
    "© 2024 Daily Example. All rights reserved.",
    "Subscribe to our Telegram channel for the latest news",
    "Download the app for Android and iPhone",
])
def test_boilerplate_rules(line):
    text = f"Title\nA real paragraph of the article that says something.\n{line}"
    assert clean(text).removed == [Removed(line, "boilerplate")]


def test_lines_repeated_across_a_source_are_boilerplate():
    footer = "Follow the Steppe Herald on all platforms today"
    texts = [f"Title {i}\nBody number {i} is unique to this article.\n{footer}" for i in range(6)]
    repeated = repeated_lines(texts)
    assert repeated == {footer}
    assert clean(texts[0], repeated=repeated).removed == [Removed(footer, "boilerplate")]
    assert repeated_lines(texts[:4]) == set()


def test_repeated_lines_are_counted_exactly_in_a_big_source():
    """The counts live in sorted arrays merged now and then: every line is counted as a plain count
    would, whatever the merges, in a source of hundreds of articles and thousands of distinct lines."""
    import random
    from collections import Counter

    rng = random.Random(4)
    common = [f"Shared line number {n} of this site's pages" for n in range(40)]
    texts, counted = [], Counter()
    for i in range(600):
        lines = {f"Unique line {i}-{k} about something else" for k in range(8)}
        lines |= {line for n, line in enumerate(common) if rng.random() < n / 40}  # 0 % to 97.5 % of pages
        texts.append("\n".join(sorted(lines)))
        counted.update(line for line in lines if len(line) >= 12)
    expected = {line for line, n in counted.items() if n >= 0.3 * 600}
    assert len(common) > len(expected) > 10
    assert repeated_lines(texts) == expected
