"""What an archivist files by, for each seed, as read from the article; and the
rules behind it (dates, places, venues) on small English and Russian texts."""
import pytest

from indexer import dates, places, venues
from indexer.extract import Extracted, extract
from indexer.clean import clean
from indexer.model import Document

from conftest import SEEDS

ELBASY_LIBRARY = "Library of the First President of the Republic of Kazakhstan – Elbasy"


def seed(prefix: str) -> tuple[Document, list[str]]:
    path = next(p for p in SEEDS if p.name.startswith(prefix))
    lines = path.read_text(encoding="utf-8").splitlines()
    published = "2024-12-11" if lines[0].startswith("Posted: 11.12.2024") else None
    text = "\n".join(line for line in lines if not line.startswith("Posted:"))
    return Document(id=path.stem, source=str(path), text=text, published=published), clean(text).paragraphs


EXPECTED = {
    "000_": Extracted(
        title="On July 2, 2019 in the building of the Museum of Library of the First President of the Republic "
              "of Kazakhstan – Elbassy the ceremonial opening of the photo exhibition \"Croc da Peramogi\" "
              "(\"A step to Victory\") was held\".",
        year=2019, year_basis="event", venue=ELBASY_LIBRARY, city="Astana", country="Kazakhstan",
        countries_mentioned=["Belarus", "Russia"],
        dates_mentioned=["1941", "1944-07-03", "1945", "1996", "2019-07-02", "2019-08-02"],
    ),
    "001_": Extracted(
        title="Joint project of Kazakhstan’s Embassy and Belarus Segodnya Publishing House to mark 80th "
              "anniversary of Great Victory presented in Minsk",
        year=2024, year_basis="published", venue="Embassy of Kazakhstan in Belarus", city="Minsk",
        country="Belarus", countries_mentioned=["Kazakhstan"], dates_mentioned=[],
    ),
    "002_": Extracted(
        title="A delegation of Kazakhstan led by Minister of Culture and Information Aida Balayeva took part "
              "in the opening ceremony of the exhibition.",
        year=2025, year_basis="inferred", venue="New Tretyakov Gallery", city="Moscow", country="Russia",
        countries_mentioned=["Kazakhstan"], dates_mentioned=["1991-08"],
    ),
    "003_": Extracted(
        title="Almaty - the Golden Cradle of Independence",
        year=2021, year_basis="inferred", venue=ELBASY_LIBRARY, city="Astana", country="Kazakhstan",
        countries_mentioned=[],
        dates_mentioned=["1986", "1991", "1991-12", "1993", "1997", "2015", "2020", "2021", "2022-01-28"],
    ),
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_record(prefix):
    doc, paragraphs = seed(prefix)
    assert extract(doc, paragraphs, "en") == EXPECTED[prefix]


def test_seeds_000_and_003_share_one_venue():
    values = {extract(*seed(p), "en").venue for p in ("000_", "003_")}
    assert values == {ELBASY_LIBRARY}


def test_language_without_rules_keeps_fields_empty():
    doc = Document(id="x", source="x", text="", published="2020-03-04")
    found = extract(doc, ["Көрме 2019 жылы 2 шілдеде Астанада ашылды."], "kk")
    assert found == Extracted(title="Көрме 2019 жылы 2 шілдеде Астанада ашылды.", year=2020, year_basis="published")


# -- dates ------------------------------------------------------------------

def test_russian_dates_and_ranges():
    text = ["Выставка открылась 2 июля 2019 года в Минске.", "Война шла с 1941 по 1945 год; в мае 1945 года она закончилась."]
    assert dates.dates_mentioned(text) == ["1941", "1945", "1945-05", "2019-07-02"]
    assert dates.year_of(None, text) == (2019, "event")


def test_numbers_that_are_not_years():
    text = ["The Almaty-2050 Strategy counts 1,134 thousand people and 2000 volunteers; 1500 km away."]
    assert dates.dates_mentioned(text) == []


def test_numeric_and_iso_dates():
    assert dates.dates_mentioned(["Posted on 11.12.2024, updated 2024-12-12."]) == ["2024-12-11", "2024-12-12"]


def test_background_year_is_not_the_event_year():
    text = ["The museum opened a new hall.", "The capital was liberated in 1944, and rebuilt by 1950."]
    assert dates.year_of(None, text) == (None, None)  # a bare year is history more often than news


def test_the_event_date_in_the_lead_wins_over_earlier_full_dates():
    text = ["The capital was liberated on July 3, 1944, and the exhibition about it opened on 2 July 2019."]
    assert dates.year_of(None, text) == (2019, "event")


def test_the_latest_dated_month_dates_an_article_without_an_event_verb():
    text = ["Прошлый указ вышел 3 марта 2011 года.", "В пятницу, 29 апреля 2016 года, мэр Москвы подписал указ.",
            "Мэр родился 5 мая 2019 года."]  # a birth date is not the news, however late
    assert dates.year_of(None, text) == (2016, "event")


@pytest.mark.parametrize("text, year", [
    ("Exactly 30 years ago, in December 1991, independence was declared.", 2021),
    ("It is the first show in the past 12 years: the last time was in 2010.", 2022),
    ("Ровно 25 лет назад, в 1998 году, здесь открылся театр.", 2023),
])
def test_inferred_years(text, year):
    assert dates.year_of(None, [text]) == (year, "inferred")


# -- places -----------------------------------------------------------------

def names(mentions):
    return [(m.place.name, m.count) for m in mentions]


def test_former_and_alternate_city_names_are_one_city():
    countries, cities = places.mentions("Nur-Sultan, formerly Astana and Akmola; later Нур-Султан again.")
    assert names(cities) == [("Astana", 4)]
    assert countries == []


def test_russian_inflected_names():
    countries, cities = places.mentions("Делегация из Казахстана прибыла в Москву, а затем в Минске и Белоруссии встретилась с коллегами.")
    assert names(countries) == [("Kazakhstan", 1), ("Belarus", 1)]
    assert names(cities) == [("Moscow", 1), ("Minsk", 1)]


def test_demonyms_and_people_are_not_places():
    countries, cities = places.mentions("Kazakh artists and the writer Tolon Abdykov met Russian guests.")
    assert (countries, cities) == ([], [])


# -- venues -----------------------------------------------------------------

def test_spelling_variant_of_a_listed_venue_is_canonical():
    assert venues.canonical("Library of Elbassy").name == ELBASY_LIBRARY
    assert venues.canonical("Museum of the Library of the First President of the Republic of Kazakhstan – Elbasi").name == ELBASY_LIBRARY


def test_unknown_venue_is_kept_as_written():
    found = venues.find_venue(["The concert was held at the Bolshoi Theatre in Moscow on Friday."])
    assert found == venues.Venue("Bolshoi Theatre", "Moscow", "")


def test_a_place_things_came_from_is_not_the_venue():
    assert venues.find_venue(["Paintings from the Louvre Museum were shown to the public."]) is None


def test_russian_venue():
    assert venues.find_venue(["Выставка открылась в Государственном историческом музее в Москве."]) == (
        venues.Venue("Государственный исторический музей", "Moscow")
    )
    assert venues.find_venue(["Премьера состоялась в театре «Современник»."]).name == "театр «Современник»"


@pytest.mark.parametrize("sentence", ["Митинг прошёл в центре Москвы.", "В новом центре открылась выставка."])
def test_russian_places_without_a_name_are_not_venues(sentence):
    assert venues.find_venue([sentence]) is None


@pytest.mark.parametrize("sentence, venue", [
    ("Спектакль показали в Московском драматическом театре имени Пушкина.", "Московский драматический театр имени Пушкина"),
    ("Выставка открылась в залах Российской национальной библиотеки.", "Российская национальная библиотека"),
    ("Концерт прошёл в Мариинском театре.", "Мариинский театр"),
])
def test_russian_venues_are_filed_in_the_nominative(sentence, venue):
    assert venues.find_venue([sentence]).name == venue


def test_an_english_venue_does_not_swallow_the_next_name():
    found = venues.find_venue(["The talk was held at Washington State University Simon Ličen said."])
    assert found.name == "Washington State University"


def test_a_venue_alias_in_russian_finds_the_canonical_venue():
    assert venues.find_venue(["Выставка открылась в Третьяковской галерее на Крымском Валу."]).name == "New Tretyakov Gallery"


def test_year_benchmark_runs_and_scores():
    """A smoke run of bench/years.py: dated articles get a year, and the annotated years agree."""
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    data = root.parent / "shared" / "data"
    if not (data / "news-sample" / "articles.jsonl").exists():
        pytest.skip(f"shared data absent at {data}: the year benchmark needs news-sample/articles.jsonl")
    sys.path.insert(0, str(root / "bench"))
    import years as bench_years  # bench/years.py

    articles = bench_years.load_articles(data)
    cov = bench_years.coverage(articles)
    assert cov["dated"] >= 500 and cov["with_year"] / cov["dated"] >= 0.9
    for split in ("dev", "test"):
        acc = bench_years.accuracy(articles, split)
        assert acc["articles"] >= 20 and acc["accuracy"] >= 0.85, acc["misses"]


def test_a_person_after_a_venue_of_many_names_is_not_the_venue():
    found = venues.find_venue(["Psychology major at University of Texas Arlington Amneh Jafari heard of the incident."])
    assert found.name == "University of Texas Arlington"


@pytest.mark.parametrize("sentence", ["Новосибирские театралы пришли на премьеру.", "Концерт прошёл у Гатчинской централи."])
def test_words_that_only_begin_like_a_venue_noun_are_no_venue(sentence):
    assert venues.find_venue([sentence]) is None
