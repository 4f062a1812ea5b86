"""Speaker identities: one person however the articles write them, two people kept apart.
Expected groupings written by knowing who the people are, not by running the code."""
import json

import pytest

from indexer import build, speakers
from indexer.model import Article, Paragraph, Quote
from indexer.search import Index


def groups(counts: dict[str, int]) -> set[frozenset[str]]:
    found: dict[str, set[str]] = {}
    for written, identity in speakers.identify(counts).items():
        found.setdefault(identity.key, set()).add(written)
    return {frozenset(g) for g in found.values()}


def test_scripts_titles_and_case_forms_are_one_person():
    counts = {"Барак Обама": 2, "Barack Obama": 1, "Президент Обама": 1, "Обамы": 1, "Obama": 3}
    assert groups(counts) == {frozenset(counts)}
    identity = speakers.identify(counts)["Obama"]
    assert identity.name == "Барак Обама"  # the fullest form, written most often
    assert set(identity.aliases) >= set(counts)


def test_a_family_is_not_the_person():
    assert frozenset({"Семья Обамы"}) in groups({"Барак Обама": 2, "Семья Обамы": 1})


@pytest.mark.parametrize("counts, expected", [
    # two Kims with different given names stay apart, and a bare "Kim" is not forced onto either
    ({"Kim Jong-un": 2, "Kim Yo-jong": 1, "Kim": 1},
     {frozenset({"Kim Jong-un"}), frozenset({"Kim Yo-jong"}), frozenset({"Kim"})}),
    # two Smiths, likewise
    ({"John Smith": 1, "Jane Smith": 1, "Smith": 2},
     {frozenset({"John Smith"}), frozenset({"Jane Smith"}), frozenset({"Smith"})}),
    # one Smith in the archive: the bare surname is his
    ({"John Smith": 1, "Smith": 2}, {frozenset({"John Smith", "Smith"})}),
    # an initial joins the one first name it fits
    ({"Д. Медведев": 1, "Дмитрий Медведев": 3, "Медведев": 2},
     {frozenset({"Д. Медведев", "Дмитрий Медведев", "Медведев"})}),
    # transliteration and a near spelling of the surname
    ({"Касым-Жомарт Токаев": 2, "Kassym-Jomart Tokayev": 1, "Tokayev": 1},
     {frozenset({"Касым-Жомарт Токаев", "Kassym-Jomart Tokayev", "Tokayev"})}),
    # bodies merge only with themselves
    ({"МИД России": 2, "NASA": 1, "Electoral Commission": 1},
     {frozenset({"МИД России"}), frozenset({"NASA"}), frozenset({"Electoral Commission"})}),
])
def test_who_is_who(counts, expected):
    assert groups(counts) == expected


def test_a_typed_surname_finds_the_person_in_either_script():
    identities = speakers.identify({"Барак Обама": 2, "Barack Obama": 1, "Семья Обамы": 1, "Kim Jong-un": 1})
    for typed in ("Obama", "обама", "Barak Obama", "Обамы"):
        names = {i.name for i in speakers.matching(identities, typed) if i.key.startswith("person:")}
        assert names == {"Барак Обама"}, typed
    assert speakers.matching(identities, "Putin") == []


def article(id, quotes, language="en"):
    return Article(id=id, title=f"Title {id}", source=f"{id}.txt", published="2020-01-02", language=language,
                   paragraphs=[Paragraph(1, "Some text.", language)], quotes=quotes)


@pytest.fixture(scope="module")
def ix(tmp_path_factory):
    articles = [
        article("a", [Quote("We will rebuild the bridges of this country.", "Barack Obama", "", 1)]),
        article("b", [Quote("Мы восстановим мосты этой страны.", "Барак Обама", "", 1),
                      Quote("Это был трудный год для всех нас.", "Президент Обама", "", 1)], "ru"),
        article("c", [Quote("Our family is grateful for every letter.", "Семья Обамы", "", 1)], "ru"),
        article("d", [Quote("The talks will go on next week.", "Kim Jong-un", "", 1),
                      Quote("The statement was a provocation.", "Kim Yo-jong", "", 1)]),
    ]
    folder = tmp_path_factory.mktemp("gen")
    build.write_index(folder, [(a, json.dumps(a.to_json())) for a in articles])
    return Index(folder)


def test_the_speaker_facet_counts_people(ix):
    facet = {v.value: v.count for v in ix.quotes("").speakers}
    assert facet == {"Барак Обама": 3, "Семья Обамы": 1, "Kim Jong-un": 1, "Kim Yo-jong": 1}


def test_filtering_by_a_person_finds_every_spelling_and_keeps_the_written_name(ix):
    for typed in ("Obama", "Барак Обама", "obama"):
        results = ix.quotes(speaker=typed)
        assert {h.article for h in results.hits} == {"a", "b"}, typed
        assert {h.speaker for h in results.hits} == {"Barack Obama", "Барак Обама", "Президент Обама"}
        assert {h.speaker_identity for h in results.hits} == {"Барак Обама"}
    assert {h.speaker for h in ix.quotes(speaker="Kim Yo-jong").hits} == {"Kim Yo-jong"}


def test_speaker_benchmark_runs_and_scores():
    """A smoke run of bench/speakers.py on the mentions labelled by reading."""
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import speakers as bench_speakers  # bench/speakers.py

    result = bench_speakers.run(bench_speakers.load())
    assert result["mentions"] >= 150
    overall = result["scores"]["all"]
    assert overall["precision"] >= 0.95 and overall["recall"] >= 0.95, result["wrong"]


def key(name, role=""):
    return speakers.mention_key(name, role)


def test_roles_keep_two_bare_surnames_apart_and_tie_one_to_its_person():
    counts = {key("Smith", "coach of the Bears"): 2, key("Smith", "Senator for Ohio"): 1}
    identities = speakers.identify(counts)
    assert {i.name for i in identities.values()} == {"Smith (coach)", "Smith (senator)"}
    # two Smiths named in full: a bare Smith written as the coach is the coach
    counts = {key("John Smith", "coach"): 1, key("Jane Smith", "senator"): 1, key("Smith", "coach"): 2}
    assert groups(counts) == {frozenset({key("John Smith", "coach"), key("Smith", "coach")}),
                              frozenset({key("Jane Smith", "senator")})}
    # the family's only person, but the role says someone else
    counts = {key("John Smith", "coach"): 1, key("Smith", "senator"): 1}
    assert len(groups(counts)) == 2


def test_the_role_head_is_what_someone_is_not_where():
    assert speakers.role_head("Director of the Library of Elbassy") == "director"
    assert speakers.role_head("the Prime Minister") == "prime minister"
    assert speakers.mention_key("", "coach") == ""


def test_the_quote_index_tells_two_coaches_apart_from_a_senator(tmp_path):
    articles = [
        article("e", [Quote("We will win the cup again this season.", "Smith", "coach of the Bears", 1)]),
        article("f", [Quote("The bill will pass before the summer.", "Smith", "Senator for Ohio", 1)]),
    ]
    build.write_index(tmp_path, [(a, json.dumps(a.to_json())) for a in articles])
    ix = Index(tmp_path)
    assert {v.value: v.count for v in ix.quotes("").speakers} == {"Smith (coach)": 1, "Smith (senator)": 1}
    assert [h.article for h in ix.quotes(speaker="Smith (senator)").hits] == ["f"]
    assert {h.article for h in ix.quotes(speaker="Smith").hits} == {"e", "f"}
