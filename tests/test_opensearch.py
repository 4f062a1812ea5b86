"""The OpenSearch backend without a cluster: every request body Archivist sends (templates and
analyzers, bulk lines, each kind of query, searches with their aggregations, aliases) compared with
golden files in tests/golden/opensearch/, written from OpenSearch's documentation; answers shaped
as the documentation shows them read back; and write() run against a transport that records the
requests it would send, to check what it sends and in which order.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from opensearchpy import OpenSearch, Transport
from opensearchpy.exceptions import NotFoundError
from opensearchpy.helpers import expand_action

from indexer import analysis, config
from indexer import querytree as qt
from indexer.backend import Changes, SearchRequest, StoredHit, WriteFailed
from indexer.cli import main as cli_main
from indexer.opensearch import dsl, documents, mappings, names, requests, vocabulary, writing
from indexer.opensearch.analysis import fold_table
from indexer.opensearch.client import failure, shown
from indexer.opensearch.parsing import Parsers
from indexer.spool import InMemory

GOLDEN = Path(__file__).parent / "golden" / "opensearch"


def golden(name: str):
    return json.loads((GOLDEN / name).read_text(encoding="utf-8"))


def as_json(body):
    """A body as the client sends it (tuples are lists, keys are strings)."""
    return json.loads(json.dumps(body))


# -- the index templates ---------------------------------------------------------------------


def test_article_template_is_the_golden_one():
    body = as_json(mappings.template("archivist", mappings.ARTICLES, mappings.Shape(1, 0)))
    analysis_section = body["template"]["settings"]["index"]["analysis"]
    # The two long generated lists are checked apart, against Archivist's own tables.
    assert analysis_section["filter"]["archivist_stop"]["stopwords"] == sorted(analysis.STOP_WORDS)
    analysis_section["filter"]["archivist_stop"]["stopwords"] = "<STOP_WORDS>"
    analysis_section["char_filter"]["archivist_fold_letters"]["mappings"] = "<FOLD_TABLE>"
    assert body == golden("article_template.json")


def test_quote_template_has_the_article_settings_and_the_golden_fields():
    articles = mappings.template("archivist", mappings.ARTICLES, mappings.Shape(3, 1))
    quotes = as_json(mappings.template("archivist", mappings.QUOTES, mappings.Shape(3, 1)))
    assert quotes["index_patterns"] == ["archivist-quotes-*"]
    assert quotes["template"]["settings"] == as_json(articles["template"]["settings"])
    assert quotes["template"]["settings"]["index"]["number_of_shards"] == 3
    assert quotes["template"]["settings"]["index"]["number_of_replicas"] == 1
    assert quotes["template"]["mappings"] == golden("quote_mappings.json")


def test_every_document_field_is_mapped():
    """dynamic: strict refuses a field the mapping lacks: the mappings name every field the build writes."""
    from indexer.build import document_fields
    from indexer.model import Article, Paragraph, Quote
    from indexer.quote_index import quote_documents

    article = Article(id="a", title="T", source="a.txt", published="2024-01-02", language="en",
                      paragraphs=[Paragraph(1, "Text.", "en")], quotes=[Quote("Said.", "Someone", "", 1)])
    assert set(document_fields(article, "{}", ("a", 0))) == set(mappings.ARTICLE_FIELDS)
    assert set(quote_documents(article)[0]) == set(mappings.QUOTE_FIELDS)


def fold_by_table(word: str, table: list[str]) -> str:
    """What the fold analyzer's character table and spelling rules make of a word (as Lucene would
    run them: the table on the text, then lowercase, then each rule)."""
    rules = dict(rule.split(" => ") if not rule.endswith(" => ") else (rule[:-4], "") for rule in table)
    word = "".join(rules.get(c, c) for c in word).lower()
    word = word.replace("kh", "h").replace("x", "ks")
    word = re.sub("[yj]", "i", word)
    word = re.sub("(?<=[aeiou])i(?=[aeiou])", "", word)
    return re.sub(r"(.)\1+", r"\1", word)


@pytest.mark.parametrize("word", ["Elbassy", "Elbasy", "Tokayev", "Токаев", "Алматы", "Almaty", "Zhaxylykov",
                                  "Жақсылықов", "Łódź", "Ёлка", "Объект", "Français", "ＡＢＣ", "Müller", "Nazarbayev",
                                  "Назарбаев", "Україна", "Беларусь", "Ḥaḍramawt"])
def test_the_fold_table_folds_as_archivist_does(word):
    assert fold_by_table(word, fold_table()) == analysis.fold(word)


def test_the_fold_table_keeps_capitals_for_the_names_filter():
    table = dict(rule.split(" => ") for rule in fold_table() if not rule.endswith(" => "))
    assert table["Ж"] == "Zh" and table["ж"] == "zh" and table["É"] == "E"
    assert all(unicodedata.category(key) != "Mn" for key in table)


# -- bulk lines ------------------------------------------------------------------------------


ARTICLE_FIELDS = {
    "id": "000_seed", "title": "The golden cradle", "text": "Memory is alive.", "quotes": "Memory is alive.",
    "fold": "The golden cradle\nMemory is alive.", "exact": "The golden cradle\nMemory is alive.\nMemory is alive.",
    "speaker": "Timur Zhaxylykov", "venue_name": "Elbasy Library", "city_name": "Almaty",
    "country_name": "Kazakhstan", "venue": "Elbasy Library", "city": "Almaty", "country": "Kazakhstan",
    "language": "en", "year": 2024, "date": "2024-12-11", "mentioned": "1944 1996", "group": "",
    "copies": 0, "content_hash": "sha256:ab", "record": "{}",
}
QUOTE_FIELDS = {
    "key": "000_seed#1", "words": "memory is alive", "text": "Memory is alive.", "exact": "Memory is alive.",
    "fold": "Memory is alive.", "speaker": "Timur Zhaxylykov", "speaker_name": "Timur Zhaxylykov",
    "role": "Ambassador", "speaker_key": "timur zhaxylykov|ambassador", "article": "000_seed",
    "title": "The golden cradle", "paragraph": 3, "date": "2024-12-11", "venue": "Elbasy Library",
    "country": "Kazakhstan", "language": "en",
}


def bulk_lines(actions) -> list[dict]:
    """The NDJSON lines opensearch-py's bulk helpers send for these actions."""
    lines = []
    for action in actions:
        head, source = expand_action(dict(action))
        lines.append(head)
        if source is not None:
            lines.append(source)
    return as_json(lines)


def test_bulk_lines_are_the_golden_ones():
    actions = [documents.delete_article("archivist-articles-7", "gone"),
               documents.index_article("archivist-articles-7", ARTICLE_FIELDS),
               documents.index_quote("archivist-quotes-7", QUOTE_FIELDS)]
    expected = [json.loads(line) for line in (GOLDEN / "bulk.ndjson").read_text(encoding="utf-8").splitlines()]
    assert bulk_lines(actions) == expected


def test_quotes_of_removed_articles_are_deleted_by_query():
    assert documents.quotes_of(("gone", "000_seed")) == golden("delete_quotes.json")


# -- query kinds -----------------------------------------------------------------------------


GOLDEN_PHRASE = qt.Phrase("exact", ("golden", "cradle"))
QUERIES = {
    "term": qt.Term("text", "cradl"),
    "term_boosted": qt.Term("title", "cradl", 0.5),
    "term_number": qt.Term("year", 2019),
    "phrase": GOLDEN_PHRASE,
    "phrase_slop": qt.Phrase("exact", ("golden", "cradle"), slop=3),
    "phrase_han": qt.Phrase("exact", ("中华", "华人", "人民")),
    "prefix": qt.Prefix("text", "gold"),
    "wildcard": qt.Wildcard("exact", "gol?en*"),
    "fuzzy": qt.Fuzzy("text", "memori", maxdist=1, prefix=1),
    "range_years": qt.Range("year", 2019, 2021),
    "range_from": qt.Range("year", 1, None),
    "range_excluded": qt.Range("date", "2019", "2020", start_excluded=True, end_excluded=True),
    "and": qt.And((qt.Term("text", "golden"), qt.Term("text", "cradl"))),
    "and_not": qt.And((qt.Term("text", "golden"), qt.Not(qt.Term("text", "cradl")))),
    "or": qt.Or((qt.Term("title", "memori", 0.5), qt.Term("text", "memori"), qt.Term("fold", "memori", 0.1))),
    "or_boosted": qt.Or((qt.Term("text", "a"), qt.Term("text", "b")), boost=2.0),
    "not": qt.Not(qt.Term("language", "ru")),
    "andnot": qt.AndNot(qt.Term("text", "golden"), GOLDEN_PHRASE),
    "andmaybe": qt.AndMaybe(qt.Term("text", "golden"), qt.Term("text", "cradl")),
    "every": qt.Every(),
    "nothing": qt.Nothing(),
}


@pytest.mark.parametrize("kind", sorted(QUERIES))
def test_each_query_kind_is_the_golden_query(kind):
    assert as_json(dsl.to_query(QUERIES[kind])) == golden("queries.json")[kind]


def test_a_scored_fuzzy_word_has_the_requests_expansions():
    node = qt.Fuzzy("speaker", "tokaev", maxdist=2, prefix=0, boost=0.5, constant_score=False)
    assert as_json(dsl.to_query(node, max_expansions=50)) == golden("queries.json")["fuzzy_scored"]


def test_the_golden_queries_cover_every_node_kind():
    kinds = {type(node) for node in QUERIES.values()}
    assert kinds == {qt.Term, qt.Phrase, qt.Prefix, qt.Wildcard, qt.Fuzzy, qt.Range, qt.And, qt.Or, qt.Not,
                     qt.AndNot, qt.AndMaybe, qt.Every, qt.Nothing}
    assert set(golden("queries.json")) == {*QUERIES, "fuzzy_scored"}


def archivist_analysis(analyzer: str, text: str) -> list[tuple[str, int, int, int]]:
    """What the cluster's analyzers would give if their stock analysis were exactly Archivist's."""
    if analyzer == "archivist_names_search":
        found = [(m.group(), m.start(), m.end()) for m in analysis.TOKEN.finditer(text)]
        return [(analysis.fold(w), n, s, e) for n, (w, s, e) in enumerate(found)]
    found = analysis.tokens(text)
    if analyzer == "archivist_stemmed":
        found = [(analysis.stem(w), s, e) for w, s, e in found if w not in analysis.STOP_WORDS]
    elif analyzer == "archivist_fold":
        found = [(analysis.fold(w), s, e) for w, s, e in found]
    return [(w, n, s, e) for n, (w, s, e) in enumerate(found)]


PARSED = ['golden cradle', '"golden cradle"', 'Elbassy', 'Токаев', 'memory -alive', 'gold*', 'memori~',
          'title:cradle OR speaker:Zhaxylykov', 'year:[2019 TO 2021] venue:Elbasy', 'lang:ru 中华人民',
          "the don't", 'exact:"памяти народа"', 'country:Kazakhstan AND NOT city:Almaty']


@pytest.mark.parametrize("text", PARSED)
def test_the_parser_over_the_clusters_analysis_reads_queries_as_the_whoosh_backend_does(text):
    """With the cluster analyzing as Archivist does, the OpenSearch backend's trees are the Whoosh
    backend's: the reuse of its parser changes only who analyzes the words."""
    from indexer import schema
    from indexer.query import rewrite
    from indexer.whoosh import parsing
    from indexer.whoosh.schema import article_schema, quote_schema

    parsers = Parsers(archivist_analysis)
    for match in ("all", "any"):
        whoosh = parsing.article_parser(article_schema(), schema.TEXT_FIELDS, schema.FIELD_BOOSTS, match, True)
        assert parsers.parse(rewrite(text), schema.TEXT_FIELDS, schema.FIELD_BOOSTS, match) == \
            parsing.parse_syntax(whoosh, rewrite(text))
    quotes = parsing.quote_parser(quote_schema())
    assert outcome(parsers.parse_quotes, text) == outcome(lambda t: parsing.from_whoosh(quotes.parse(t), quotes.schema), text)


def outcome(parse, text):
    """The tree, or the kind of error (a field the quote index does not search fails alike in both)."""
    try:
        return parse(text)
    except Exception as exc:  # noqa: BLE001 - Whoosh raises many kinds
        return type(exc)


def test_parsed_queries_translate_to_the_dsl_of_their_leaves():
    tree = Parsers(archivist_analysis).parse('exact:"golden cradle" year:[2019 TO 2021] -memory',
                                             ["title", "text", "quotes", "fold"],
                                             {"title": 0.5, "text": 1.0, "quotes": 1.0, "fold": 0.1}, "all")
    body = json.dumps(dsl.to_query(tree))
    assert '"match_phrase": {"exact": {"query": "golden cradle"' in body
    assert '"range": {"year": {"gte": 2019, "lte": 2021}}' in body
    assert '"must_not"' in body and '"memori"' in body  # -memory, stemmed as the index stems it


def test_the_cluster_analyzes_each_word_once(monkeypatch):
    from indexer.opensearch.analyze import ClusterAnalysis

    asked = []

    class Indices:
        def analyze(self, index, body):
            asked.append((index, body["analyzer"], body["text"]))
            return {"tokens": [{"token": "cradl", "start_offset": 0, "end_offset": 6, "type": "<ALPHANUM>", "position": 0}]}

    class Client:
        indices = Indices()

    analyze = ClusterAnalysis(Client(), "archivist-articles")
    assert analyze("archivist_stemmed", "cradle") == [("cradl", 0, 0, 6)]
    assert analyze("archivist_stemmed", "cradle") == [("cradl", 0, 0, 6)]
    assert asked == [("archivist-articles", "archivist_stemmed", "cradle")]


# -- searches and their answers --------------------------------------------------------------


def relevance_request() -> SearchRequest:
    query = qt.And((GOLDEN_PHRASE, qt.Or((qt.Term("title", "memori", 0.5), qt.Term("text", "memori")))))
    filters = qt.And((qt.Term("country", "Kazakhstan"), qt.Range("year", 2019, 2024)))
    return SearchRequest(query, filters, "relevance", page=2, per_page=10, seconds=5.0, max_expansions=1000)


def test_a_collapsed_faceted_search_is_the_golden_body():
    request = relevance_request()
    body = requests.search_body(request, requests.request_query(request), 10, 10)
    assert as_json(body) == golden("search_relevance.json")


def test_a_newest_first_explained_search_is_the_golden_body():
    request = SearchRequest(qt.Every(), None, "newest", page=1, per_page=5, collapse=False, facets=False, explain=True)
    body = requests.search_body(request, requests.request_query(request), 0, 5)
    assert as_json(body) == golden("search_newest.json")


def test_uncollapsed_facets_count_documents():
    request = SearchRequest(qt.Term("text", "cradl"), sort="oldest", collapse=False)
    body = requests.search_body(request, requests.request_query(request), 0, 10)
    assert as_json(body) == golden("search_facets_uncollapsed.json")


def test_a_collapsed_answer_shows_each_groups_earliest_article_and_counts_groups():
    page = requests.search_page(golden("answer_collapsed.json"), relevance_request())
    assert [(hit.fields["id"], hit.score) for hit in page.hits] == [("b", 2.5), ("a", 1.25)]
    assert page.total == page.strict_total == 2  # two groups, three articles
    assert page.facets == {
        "venue": {"Kazinform": 1, "": 1}, "country": {"Kazakhstan": 2}, "year": {2024: 1, 2019: 1},
        "language": {"en": 2}, "mentioned": {"1944": 1},
    }
    assert page.stopped is False


def test_an_explanation_names_the_matched_field_terms():
    explanation = {
        "value": 3.2, "description": "sum of:", "details": [
            {"value": 1.2, "description": "weight(text:cradl in 0) [PerFieldSimilarity], result of:", "details": []},
            {"value": 2.0, "description": 'weight(exact:"golden cradle" in 0) [PerFieldSimilarity], result of:',
             "details": [{"value": 1.0, "description": "phraseFreq=1.0", "details": []}]},
        ]}
    assert requests.matched_terms(explanation) == ["exact:cradle", "exact:golden", "text:cradl"]
    answer = {"hits": {"total": {"value": 1}, "hits": [{"_score": 3.2, "_source": {"id": "a"},
                                                        "_explanation": explanation}]}}
    assert requests.stored_hits(answer, collapsed=False, explain=True) == [
        StoredHit({"id": "a"}, 3.2, ["exact:cradle", "exact:golden", "text:cradl"])]


def test_the_quote_search_and_its_listings_are_the_golden_bodies():
    query = qt.And((qt.Term("text", "memori"), qt.Or((qt.Term("speaker_key", "timur zhaxylykov|ambassador"),
                                                      qt.Term("speaker_key", "timur zhaxylykov|")))))
    assert as_json(requests.quote_search_body(dsl.to_query(query), 2, 20, by_date=False)) == golden("quote_search.json")
    listing = requests.listing_body(dsl.to_query(qt.Term("group", "000_seed")), "oldest", 1000, ["2019-01-01", "b"])
    assert as_json(listing) == golden("listing.json")
    assert requests.word_counts_body("speaker_key", {"word": "timur zhaxylykov|"}) == golden("word_counts.json")
    assert requests.more_like_body("archivist-articles", "000_seed", "text", 10) == golden("more_like.json")


def test_a_quote_answer_gives_the_page_and_every_speakers_count():
    answer = {"hits": {"total": {"value": 3, "relation": "eq"}, "hits": [{"_source": {"key": "a#1"}}]},
              "aggregations": {"speaker": {"buckets": [{"key": "timur zhaxylykov|", "doc_count": 2},
                                                       {"key": "", "doc_count": 1}]}}}
    page = requests.quote_page(answer)
    assert (page.total, page.hits, page.speakers) == (3, [{"key": "a#1"}], {"timur zhaxylykov|": 2, "": 1})
    composite = {"aggregations": {"words": {"after_key": {"word": "b"},
                                            "buckets": [{"key": {"word": "a"}, "doc_count": 4},
                                                        {"key": {"word": "b"}, "doc_count": 1}]}}}
    assert requests.word_counts([composite]) == {"a": 4, "b": 1}


# -- generations: names, aliases, the word list ----------------------------------------------


def test_a_generation_is_named_by_its_folder(tmp_path):
    new = names.for_generation("Archivist", tmp_path / "index.gen-7")
    assert new.indices == ("archivist-articles-7", "archivist-quotes-7")
    assert (new.alias("articles"), new.alias("quotes")) == ("archivist-articles", "archivist-quotes")
    names.save(tmp_path, new)
    assert names.read(tmp_path) == new


def test_saving_names_never_writes_into_a_hard_linked_live_file(tmp_path):
    live, generation = tmp_path / "live", tmp_path / "new"
    live.mkdir(), generation.mkdir()
    names.save(live, names.Names("archivist", "6"))
    (generation / names.FILE).hardlink_to(live / names.FILE)
    vocabulary.save(live, ["golden"])
    (generation / vocabulary.FILE).hardlink_to(live / vocabulary.FILE)
    names.save(generation, names.Names("archivist", "7"))
    vocabulary.save(generation, ["cradle"])
    assert names.read(live) == names.Names("archivist", "6")
    assert list(vocabulary.read(live)) == ["golden"]
    assert list(vocabulary.read(generation)) == ["cradle", "golden"]


def test_the_alias_swap_and_the_clone_are_the_golden_bodies():
    new = names.Names("archivist", "7")
    live = {"articles": ["archivist-articles-6"], "quotes": ["archivist-quotes-6"]}
    assert writing.alias_actions(new, live) == golden("aliases.json")
    assert writing.clone_body() == golden("clone.json")
    first = writing.alias_actions(new, {"articles": [], "quotes": []})
    assert first == {"actions": [a for a in golden("aliases.json")["actions"] if "add" in a]}


def test_messages_name_the_cluster_without_its_password():
    assert shown("https://admin:secret@search.example:9200") == "https://admin:***@search.example:9200"
    from opensearchpy.exceptions import ConnectionError as NoConnection
    assert failure(NoConnection("N/A", "refused", None), "http://u:p@h:9200") == "cannot reach OpenSearch at http://u:***@h:9200"


# -- write(), through a transport that records --------------------------------------------


class Recording(Transport):
    """Records each request and answers it as a healthy cluster would (the alias names index 6,
    and an earlier generation 5 is still there)."""

    calls: list = []
    refuse: set = set()  # ids whose bulk action fails
    first_build = False

    def perform_request(self, method, url, params=None, body=None, timeout=None, ignore=(), headers=None):
        if isinstance(body, (bytes, str)):
            text = body.decode() if isinstance(body, bytes) else body
            body = [json.loads(line) for line in text.splitlines() if line.strip()]
        self.calls.append((method, url, params or {}, body))
        if url.startswith("/_alias/"):
            if self.first_build:
                raise NotFoundError(404, "aliases_not_found_exception", {})
            alias = url.rsplit("/", 1)[1]
            return {alias + "-6": {"aliases": {alias: {}}}}
        if url == "/_bulk":
            items = []
            for line in body:
                operation, meta = next(iter(line.items()))
                if len(line) != 1 or operation not in ("index", "delete") or "_index" not in meta:
                    continue  # a document's source
                status = 400 if meta["_id"] in self.refuse else 404 if operation == "delete" else 201
                item = {"_index": meta["_index"], "_id": meta["_id"], "status": status}
                if status == 400:
                    item["error"] = {"type": "mapper_parsing_exception", "reason": "failed to parse"}
                items.append({operation: item})
            return {"took": 1, "errors": any(i[next(iter(i))]["status"] >= 300 for i in items), "items": items}
        if url.startswith("/_cat/indices"):
            return [{"index": name} for name in ("archivist-articles-5", "archivist-quotes-5", "archivist-articles-6",
                                                 "archivist-quotes-6", "archivist-articles-7", "archivist-quotes-7")]
        if url.startswith("/_cluster/health"):
            return {"status": "green"}
        if url.endswith("/_delete_by_query"):
            return {"deleted": 1, "failures": []}
        return {"acknowledged": True}


@pytest.fixture()
def recorded(monkeypatch):
    Recording.calls, Recording.refuse, Recording.first_build = [], set(), False
    monkeypatch.setattr(config, "OPENSEARCH_PREFIX", "archivist")
    monkeypatch.setattr(config, "OPENSEARCH_REPLICAS", 1)
    return OpenSearch(transport_class=Recording)


def changes(removed=("gone",)) -> Changes:
    return Changes(list(removed), InMemory([ARTICLE_FIELDS], 10), article_document=lambda fields: fields,
                   quote_documents=lambda fields: [QUOTE_FIELDS])


def steps(calls) -> list[tuple[str, str]]:
    return [(method, url) for method, url, _, _ in calls]


def test_a_reindex_clones_the_live_indices_changes_them_and_swaps_both_aliases_at_once(tmp_path, recorded):
    generation = tmp_path / "index.gen-7"
    generation.mkdir()
    names.save(generation, names.Names("archivist", "6"))  # as build.copy_generation links it in
    writing.write(generation, changes(), client=recorded)
    assert steps(Recording.calls) == [
        ("GET", "/_alias/archivist-articles"),
        ("GET", "/_alias/archivist-quotes"),
        ("PUT", "/_index_template/archivist-articles"),
        ("PUT", "/_index_template/archivist-quotes"),
        ("PUT", "/archivist-articles-6/_settings"),
        ("PUT", "/archivist-articles-6/_clone/archivist-articles-7"),
        ("PUT", "/archivist-quotes-6/_settings"),
        ("PUT", "/archivist-quotes-6/_clone/archivist-quotes-7"),
        ("GET", "/_cluster/health/archivist-articles-7,archivist-quotes-7"),
        ("POST", "/_bulk"),  # the deletes
        ("POST", "/archivist-quotes-7/_delete_by_query"),
        ("POST", "/_bulk"),  # the article and its quote
        ("PUT", "/archivist-articles-7,archivist-quotes-7/_settings"),
        ("POST", "/archivist-articles-7,archivist-quotes-7/_refresh"),
        ("POST", "/_aliases"),
        ("GET", "/_cat/indices/archivist-*"),
        ("DELETE", "/archivist-articles-5,archivist-quotes-5"),
    ]
    calls = {(method, url): (params, body) for method, url, params, body in Recording.calls}
    assert calls["PUT", "/archivist-articles-6/_settings"][1] == {"index.blocks.write": True}
    assert calls["PUT", "/archivist-articles-6/_clone/archivist-articles-7"][1] == golden("clone.json")
    assert calls["GET", "/_cluster/health/archivist-articles-7,archivist-quotes-7"][0]["wait_for_status"] in ("green", b"green")
    bulks = [body for method, url, _, body in Recording.calls if url == "/_bulk"]
    assert bulks[0] == [{"delete": {"_index": "archivist-articles-7", "_id": "gone"}}]
    golden_lines = [json.loads(line) for line in (GOLDEN / "bulk.ndjson").read_text(encoding="utf-8").splitlines()]
    assert bulks[1] == golden_lines[1:]
    assert calls["POST", "/archivist-quotes-7/_delete_by_query"][1] == {"query": {"terms": {"article": ["gone"]}}}
    assert calls["PUT", "/archivist-articles-7,archivist-quotes-7/_settings"][1] == {
        "index.refresh_interval": None, "index.number_of_replicas": 1}
    assert calls["POST", "/_aliases"][1] == golden("aliases.json")
    # Nothing but the write block touched the live indices; the new ones are the generation's.
    live_writes = [(m, u) for m, u in steps(Recording.calls) if u.startswith("/archivist-articles-6")
                   or u.startswith("/archivist-quotes-6")]
    assert all(url.endswith(("/_settings", "/_clone/archivist-articles-7", "/_clone/archivist-quotes-7"))
               for _, url in live_writes)
    assert names.read(generation) == names.Names("archivist", "7")
    assert "golden" in set(vocabulary.read(generation))


def test_a_first_build_creates_empty_indices_and_only_adds_the_aliases(tmp_path, recorded):
    Recording.first_build = True
    generation = tmp_path / "index.gen-7"
    generation.mkdir()
    writing.write(generation, changes(removed=()), client=recorded)
    made = [(m, u, b) for m, u, _, b in Recording.calls if m == "PUT" and u in ("/archivist-articles-7", "/archivist-quotes-7")]
    assert [u for _, u, _ in made] == ["/archivist-articles-7", "/archivist-quotes-7"]
    assert made[0][2] == {"settings": {"index.refresh_interval": "-1", "index.number_of_replicas": 0}}
    assert not [u for _, u in steps(Recording.calls) if "_clone" in u or "_delete_by_query" in u]
    aliases = [b for _, u, _, b in Recording.calls if u == "/_aliases"]
    assert aliases == [{"actions": [{"add": {"index": "archivist-articles-7", "alias": "archivist-articles"}},
                                    {"add": {"index": "archivist-quotes-7", "alias": "archivist-quotes"}}]}]


def test_a_refused_document_fails_the_write_drops_the_new_indices_and_leaves_the_aliases(tmp_path, recorded):
    Recording.refuse = {"000_seed"}
    generation = tmp_path / "index.gen-7"
    generation.mkdir()
    names.save(generation, names.Names("archivist", "6"))
    with pytest.raises(WriteFailed, match="refused to index '000_seed': failed to parse"):
        writing.write(generation, changes(), client=recorded)
    assert ("POST", "/_aliases") not in steps(Recording.calls)
    assert steps(Recording.calls)[-1] == ("DELETE", "/archivist-articles-7,archivist-quotes-7")
    assert names.read(generation) == names.Names("archivist", "6")  # the live one's, untouched


# -- the command line ------------------------------------------------------------------------


def test_an_unreachable_cluster_is_one_sentence(runner, tmp_path, monkeypatch):
    monkeypatch.setattr(config, "ENGINE", config.ENGINE)
    monkeypatch.setattr(config, "OPENSEARCH_URL", config.OPENSEARCH_URL)
    for command in (["search", "cradle"], ["reindex", str(tmp_path)], ["serve"], ["stats"]):
        result = runner.invoke(cli_main, [*command, "--index", str(tmp_path / "index"), "--engine", "opensearch",
                                          "--opensearch-url", "http://admin:pw@127.0.0.1:9"])
        assert result.exit_code == 1, result.output
        assert result.output.strip() == ("Error: cannot reach OpenSearch at http://admin:***@127.0.0.1:9 - start the "
                                         "cluster, or give its address with --opensearch-url or ARCHIVIST_OPENSEARCH_URL")
        assert result.exception is None or isinstance(result.exception, SystemExit)


def test_whoosh_stays_the_default_engine(cli, monkeypatch):
    monkeypatch.delenv("ARCHIVIST_ENGINE", raising=False)
    assert config.ENGINE == "whoosh"
    assert cli("search", "cradle", "--engine", "whoosh", "--json").exit_code == 0


# -- readers, through a transport that answers from a script ----------------------------------


class Scripted(Transport):
    """Records each request and gives the next of `answers` (an exception is raised instead)."""

    calls: list = []
    answers: list = []

    def perform_request(self, method, url, params=None, body=None, timeout=None, ignore=(), headers=None):
        self.calls.append((method, url, body))
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


def hits(*ids, collapsed=False):
    found = []
    for n, article_id in enumerate(ids):
        hit = {"_id": article_id, "_score": 10.0 - n, "_source": {"id": article_id}, "sort": [10.0 - n, article_id]}
        if collapsed:
            hit["inner_hits"] = {"earliest": {"hits": {"hits": [{"_source": {"id": article_id}}]}}}
        found.append(hit)
    return found


def answer(ids, total, collapsed=True):
    return {"timed_out": False, "hits": {"total": {"value": total, "relation": "eq"}, "hits": hits(*ids, collapsed=collapsed)},
            "aggregations": {"groups": {"value": total},
                             "language": {"buckets": [{"key": "en", "doc_count": total, "groups": {"value": total}}]}}}


@pytest.fixture()
def reader():
    from indexer.opensearch.reader import OpenSearchArticleReader

    Scripted.calls, Scripted.answers = [], []
    return OpenSearchArticleReader(OpenSearch(transport_class=Scripted), names.Names("archivist", "7"), Path("."))


def test_too_few_strict_matches_are_followed_by_the_loosened_querys(reader):
    Scripted.answers = [answer(["a"], 1), answer(["b", "a", "c"], 3)]
    request = SearchRequest(qt.And((qt.Term("text", "x"), qt.Term("text", "y"))), per_page=2,
                            loosened=lambda: qt.Or((qt.Term("text", "x"), qt.Term("text", "y"))))
    page = reader.search(request)
    assert [hit.fields["id"] for hit in page.hits] == ["a", "b"]
    assert (page.total, page.strict_total, page.facets["language"]) == (3, 1, {"en": 3})
    (_, url, strict), (_, _, loose) = Scripted.calls
    assert url == "/archivist-articles/_search"
    assert strict["query"]["bool"]["must"][1] == {"term": {"text": {"value": "y"}}}
    assert loose["query"]["bool"]["should"] and (loose["from"], loose["size"]) == (0, 3)


def test_a_listing_pages_with_search_after_on_the_index_the_alias_names(reader):
    chunk = requests.LISTING_CHUNK
    Scripted.answers = [{"archivist-articles-7": {"aliases": {"archivist-articles": {}}}},
                        {"hits": {"hits": hits(*[f"a{n:04}" for n in range(chunk)])}},
                        {"hits": {"hits": hits("last")}}]
    page = reader.search(SearchRequest(qt.Every(), per_page=None, collapse=False, facets=False))
    assert page.total == chunk + 1 and page.hits[-1].fields["id"] == "last"
    assert [url for _, url, _ in Scripted.calls] == ["/_alias/archivist-articles", "/archivist-articles-7/_search",
                                                     "/archivist-articles-7/_search"]
    assert Scripted.calls[2][2]["search_after"] == [10.0 - (chunk - 1), f"a{chunk - 1:04}"]


def test_a_missing_document_is_none_and_counts_are_the_clusters(reader):
    Scripted.answers = [NotFoundError(404, "not_found", {}), {"count": 4}, {"count": 2}]
    assert reader.document("nope") is None
    assert reader.doc_count() == 4
    assert reader.doc_frequency("exact", "cradle") == 2
    assert Scripted.calls[2] == ("POST", "/archivist-articles/_count", {"query": {"term": {"exact": {"value": "cradle"}}}})


def test_the_spellers_words_are_the_generations_word_list(tmp_path):
    from indexer.opensearch.reader import OpenSearchArticleReader

    vocabulary.save(tmp_path, ["cradle", "golden"])
    reader = OpenSearchArticleReader(None, names.Names("archivist", "7"), tmp_path)
    assert list(reader.words("exact")) == ["cradle", "golden"]
    with pytest.raises(ValueError, match="lists the words of 'exact' only"):
        reader.words("text")


def test_the_quote_readers_word_counts_page_through_a_composite_aggregation():
    from indexer.opensearch.reader import OpenSearchQuoteReader

    Scripted.calls = []
    Scripted.answers = [
        {"aggregations": {"words": {"after_key": {"word": "b"}, "buckets": [{"key": {"word": "a"}, "doc_count": 2},
                                                                            {"key": {"word": "b"}, "doc_count": 1}]}}},
        {"aggregations": {"words": {"buckets": []}}},
    ]
    quotes = OpenSearchQuoteReader(OpenSearch(transport_class=Scripted), names.Names("archivist", "7"), parse=None)
    assert quotes.word_counts("speaker_key") == {"a": 2, "b": 1}
    assert Scripted.calls[1][2]["aggs"]["words"]["composite"]["after"] == {"word": "b"}
