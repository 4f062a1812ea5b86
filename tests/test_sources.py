import gzip
import hashlib
from pathlib import Path

import pytest

from indexer import sources
from indexer.model import Document, Failure
from indexer.sources import InputFile, SourceError

from conftest import SEEDS


def sha(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def read_one(path):
    return sources.read_file(InputFile(path, path.parent))


def shown(path, root=None):
    """How a file read under `root` (its own folder by default) is shown: relative, under the root's name."""
    root = root or path.parent
    return (Path(root.name) / path.relative_to(root)).as_posix()


def test_discover_lists_archive_files_sorted_with_ids(seed_archive):
    (seed_archive / "notes.md").write_text("not an archive file")
    files = sources.discover([seed_archive])
    assert [f.id for f in files] == [p.stem for p in SEEDS]
    assert all(f.kind == "txt" for f in files)


def test_discover_missing_path_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        sources.discover([tmp_path / "nope"])


def test_ids_keep_subfolders_and_drop_every_extension(tmp_path):
    sub = tmp_path / "2019" / "july"
    sub.mkdir(parents=True)
    (sub / "opening.txt.gz").write_bytes(gzip.compress(b"Title\n\nBody"))
    (file,) = sources.discover([tmp_path])
    assert file.id == "2019/july/opening"
    assert file.kind == "txt"


def test_seed_with_posted_line_gives_its_date_and_drops_the_line():
    path = next(p for p in SEEDS if p.name.startswith("001_"))
    raw = path.read_bytes()
    (doc,) = read_one(path)
    assert doc == Document(
        id="001_91a37f6fad3a031d",
        source=shown(path),
        text=doc.text,
        published="2024-12-11",
        content_hash=sha(raw),
    )
    assert "Posted:" not in doc.text
    assert doc.text.strip().startswith("Joint project of Kazakhstan’s Embassy")
    assert doc.text.rstrip().endswith("I think the project has a good prospect for development.”")


def test_seed_without_posted_line_has_no_date():
    (doc,) = read_one(SEEDS[0])
    assert doc.published is None
    assert doc.text.startswith("On July 2, 2019 in the building of the Museum")


def test_gzip_text_reads_like_plain(tmp_path):
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress("Заголовок\n\nТекст статьи.".encode()))
    (doc,) = read_one(path)
    assert doc.id == "a"
    assert doc.text == "Заголовок\n\nТекст статьи."


def test_windows_1251_text_is_decoded(tmp_path):
    path = tmp_path / "cp.txt"
    text = "Выставка в Алматы\n\nВ музее открылась выставка фотографий, посвящённая истории города и его жителей."
    path.write_bytes(text.encode("cp1251"))
    (doc,) = read_one(path)
    assert doc.text == text


def test_jsonl_gives_one_document_per_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"id": "a1", "title": "First", "text": "Body one.", "published": "2020-05-01", "url": "http://x/1"}\n'
        "\n"
        '{"title": "Second", "text": "Body two.", "language": "ru"}\n'
    )
    docs = read_one(path)
    assert [(d.id, d.title, d.text, d.published, d.url, d.language) for d in docs] == [
        ("feed#a1", "First", "Body one.", "2020-05-01", "http://x/1", None),
        ("feed#3", "Second", "Body two.", None, None, "ru"),
    ]


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("binary.txt", bytes(range(256)) * 4, "binary data, not text"),
        ("broken.txt.gz", gzip.compress(b"some text " * 100)[:-12], "truncated gzip file"),
        ("bad.jsonl", b'{"id": 1, "text": \n', "line 1: not valid JSON"),
        ("notext.jsonl", b'{"id": 1, "title": "no body"}\n', "line 1: no 'text' or 'html'"),
        ("plain.html", b"just words, no markup at all", "not HTML: no markup"),
    ],
)
def test_bad_files_raise_source_error_with_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SourceError) as caught:
        read_one(path)
    assert str(caught.value).startswith(reason)


def test_gzip_bomb_is_refused_without_inflating_it(tmp_path, monkeypatch):
    monkeypatch.setattr(sources.config, "MAX_FILE_BYTES", 1_000_000)
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 5_000_000))
    with pytest.raises(SourceError, match="too large once decompressed"):
        read_one(path)


# ---------------------------------------------------------------- format fixtures
# tests/fixtures/formats/ is written by its make_fixtures.py; the expected texts below are the
# texts that script encodes, read and copied by hand, so a wrong decoding cannot pass.

FORMATS = Path(__file__).resolve().parent / "fixtures" / "formats"


def fixture(name: str) -> Path:
    return FORMATS / name


def read_fixture(name: str) -> sources.Documents:
    path = fixture(name)
    return sources.read_file(InputFile(path, path.parent))


def txt_document(name: str, text: str, published: str | None) -> Document:
    """The record of a .txt fixture; its hash is of the file's bytes, once decompressed."""
    path = fixture(name)
    data = path.read_bytes()
    return Document(
        id=path.name.split(".")[0],
        source=shown(path),
        text=text,
        published=published,
        content_hash=sha(gzip.decompress(data) if path.name.endswith(".gz") else data),
    )


def test_fixtures_script_writes_the_committed_bytes():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_fixtures", FORMATS / "make_fixtures.py")
    make_fixtures = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_fixtures)
    for name, data in make_fixtures.files().items():
        assert fixture(name).read_bytes() == data, f"{name}: run make_fixtures.py and commit"


def test_discover_finds_every_format_fixture_with_its_kind():
    files = sources.discover([FORMATS / "good"])
    assert [(f.id, f.kind) for f in files] == [
        ("article-cp1251", "txt"),
        ("article-gzip", "txt"),
        ("article-koi8r", "txt"),
        ("article-kz1048", "txt"),
        ("article-ptcp154", "txt"),
        ("article-utf16", "txt"),
        ("article-utf8", "txt"),
        ("crawl", "warc"),
        ("feed", "jsonl"),
        ("page-cp1251", "html"),
        ("page", "html"),
    ]


def test_utf8_with_bom_is_read_and_normalised_to_nfc():
    docs = read_fixture("good/article-utf8.txt")
    # The file spells the first "Café" as "Cafe" + a combining acute accent; NFC makes it one letter.
    assert docs == [
        txt_document(
            "good/article-utf8.txt",
            "\nCafé owners in Almaty welcome the new pedestrian street\n\n"
            "The city council opened Panfilov Street to pedestrians on Saturday, and café owners say "
            "their takings rose by a third in the first week.\n\n"
            "“People stay longer when there are no cars,” said Dana Nurlanova, who runs a bakery on the corner.",
            "2019-07-03",
        )
    ]
    assert docs.failures == []


def test_windows_1251_russian_text():
    assert read_fixture("good/article-cp1251.txt") == [
        txt_document(
            "good/article-cp1251.txt",
            "\nВ Алматы открылась выставка о Великой Отечественной войне\n\n"
            "В Центральном государственном музее Казахстана в четверг открылась выставка, посвящённая "
            "75-летию Победы. На ней представлены письма фронтовиков, фотографии и личные вещи солдат.\n\n"
            "«Мы хотели показать войну глазами простых людей», — сказала директор музея. По её словам, "
            "часть экспонатов передали семьи ветеранов.\n\n"
            "Выставка продлится до конца июня. Вход для школьников бесплатный.",
            "2020-05-05",
        )
    ]


def test_koi8_r_russian_text():
    assert read_fixture("good/article-koi8r.txt") == [
        txt_document(
            "good/article-koi8r.txt",
            "Учёные Новосибирска создали новый метод очистки воды\n\n"
            "Исследователи Института катализа СО РАН разработали фильтр, который очищает воду от тяжёлых "
            "металлов за несколько минут. Установка уже прошла испытания на реке Обь.\n\n"
            "По словам руководителя проекта, первые промышленные образцы появятся через два года. "
            "Разработку поддержал Российский научный фонд.",
            None,
        )
    ]


def test_kazakh_kz_1048_text():
    assert read_fixture("good/article-kz1048.txt") == [
        txt_document(
            "good/article-kz1048.txt",
            "\nАстанада жаңа кітапхана ашылды\n\n"
            "Елорданың сол жағалауында орналасқан жаңа кітапхананың қорында жүз мыңнан астам кітап бар. "
            "Оқырмандарға қазақ, орыс және ағылшын тілдеріндегі әдебиеттер ұсынылады.\n\n"
            "Кітапхана директорының айтуынша, ғимаратта балаларға арналған арнайы зал және компьютер "
            "сыныбы жұмыс істейді. Әр сенбі сайын жас ақындардың кездесулері өтеді.",
            "2021-09-14",
        )
    ]


def test_kazakh_ptcp154_text():
    assert read_fixture("good/article-ptcp154.txt") == [
        txt_document(
            "good/article-ptcp154.txt",
            "Шымкентте халықаралық шахмат турнирі өтті\n\n"
            "Турнирге он екі елден жүзге жуық шахматшы қатысты. Жеңімпаз атанған жас спортшы өз "
            "қарсыластарын сегіз ойында ұтты.\n\n"
            "Ұйымдастырушылар келесі жылы жарысты Түркістан қаласында өткізуді жоспарлап отыр.",
            None,
        )
    ]


def test_utf16_with_bom_kazakh_and_russian_text():
    assert read_fixture("good/article-utf16.txt") == [
        txt_document(
            "good/article-utf16.txt",
            "\nМәжіліс бюджетті бекітті — Мажилис утвердил бюджет\n\n"
            "Мәжіліс депутаттары 2022 жылға арналған республикалық бюджетті бекітті.\n\n"
            "Депутаты Мажилиса утвердили республиканский бюджет на 2022 год; расходы на образование "
            "выросли на двенадцать процентов.",
            "2022-02-01",
        )
    ]


def test_gzipped_text():
    assert read_fixture("good/article-gzip.txt.gz") == [
        txt_document(
            "good/article-gzip.txt.gz",
            "Floods close the road to Medeu\n\n"
            "Heavy rain on Tuesday night washed away part of the mountain road to the Medeu skating rink.\n\n"
            "Road crews expect to reopen it by Friday.",
            None,
        )
    ]


def paragraphs_of(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def test_html_page_utf8():
    (doc,) = read_fixture("good/page.html")
    assert "A new dam on the Ili river began to fill its reservoir on Monday, the regional water authority said." in paragraphs_of(doc.text)
    assert "Engineers expect the reservoir to supply water to forty villages in the Almaty region by the end of the summer." in paragraphs_of(doc.text)
    assert doc == Document(
        id="page",
        source=shown(fixture("good/page.html")),
        text=doc.text,
        title="Dam opens on the Ili river",
        published="2023-04-18",
        author="Aigerim Sadykova",
        content_hash=sha(fixture("good/page.html").read_bytes()),
    )


def test_html_page_declaring_windows_1251():
    (doc,) = read_fixture("good/page-cp1251.html")
    assert "Областной акимат выделил средства на ремонт драматического театра имени Станиславского." in paragraphs_of(doc.text)
    assert "Работы начнутся весной и продлятся около года. На время ремонта спектакли покажут в Доме культуры горняков." in paragraphs_of(doc.text)
    assert doc == Document(
        id="page-cp1251",
        source=shown(fixture("good/page-cp1251.html")),
        text=doc.text,
        title="В Караганде отремонтируют старый театр",
        published="2018-11-02",
        content_hash=sha(fixture("good/page-cp1251.html").read_bytes()),
    )


def test_jsonl_lines_with_text_with_html_and_without_id():
    path = fixture("good/feed.jsonl")
    lines = path.read_bytes().splitlines()
    docs = read_fixture("good/feed.jsonl")
    balkhash = docs[1]
    assert paragraphs_of(balkhash.text) == [
        "The water level of Lake Balkhash rose by twelve centimetres this spring.",
        "Scientists link the rise to heavy snowfall in the mountains.",
    ]
    assert docs == [
        Document(
            id="feed#wn-101",
            source=shown(path),
            text="A wind farm near Ereymentau began supplying the national grid on Wednesday.\n\n"
            "Its forty turbines can power about 100,000 homes, the operator said.",
            title="Wind farm near Ereymentau starts supplying power",
            published="2015-09-01",
            url="https://en.wikinews.org/wiki/Wind_farm_near_Ereymentau_starts_supplying_power",
            language="en",
            content_hash=sha(lines[0]),
        ),
        Document(
            id="feed#wn-102",
            source=shown(path),
            text=balkhash.text,
            title="Lake Balkhash water level rises",
            published="2016-05-20",
            url="https://en.wikinews.org/wiki/Lake_Balkhash_water_level_rises",
            content_hash=sha(lines[1]),
        ),
        Document(
            id="feed#3",
            source=shown(path),
            text="Новый мост через Иртыш соединил два района города.",
            title="В Павлодаре открыли новый мост",
            language="ru",
            content_hash=sha(lines[2]),
        ),
    ]
    assert docs.failures == []


def test_warc_gives_one_document_per_html_response():
    path = fixture("good/crawl.warc.gz")
    docs = read_fixture("good/crawl.warc.gz")
    texts = [paragraphs_of(d.text) for d in docs]
    assert texts == [
        [
            "More than two hundred publishers from twelve countries came to the book fair in Astana.",
            "The organisers said children’s books sold best.",
        ],
        [  # charset only in the HTTP header (windows-1251)
            "Первый снег выпал в Алматы в ночь на среду, сообщили синоптики.",
            "Дорожные службы вышли на улицы города в полном составе.",
        ],
        [  # charset declared nowhere (KOI8-R): detected
            "Центральная избирательная комиссия объявила предварительные итоги голосования в городской совет.",
            "Явка составила сорок два процента, что выше, чем на прошлых выборах.",
        ],
    ]
    # The request, the 301 redirect, robots.txt and the metadata record are not articles. A page
    # with no date of its own takes the WARC-Date's.
    assert [(d.id, d.source, d.title, d.published, d.url) for d in docs] == [
        ("crawl#11111111-0000-4000-8000-000000000002", shown(path), "Astana hosts a book fair",
         "2024-03-05", "https://news.example.kz/2024/03/book-fair"),
        ("crawl#22222222-0000-4000-8000-000000000002", shown(path), "В Алматы выпал первый снег",
         "2024-03-06", "https://news.example.kz/ru/2024/03/sneg"),
        ("crawl#55555555-0000-4000-8000-000000000002", shown(path), "В Бишкеке подвели итоги выборов",
         "2024-03-07", "https://news.example.kg/ru/vybory"),
    ]
    assert all(d.content_hash.startswith("sha256:") for d in docs)
    assert len({d.content_hash for d in docs}) == 3
    assert docs.failures == []


def test_warc_without_gzip_reads_the_same(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(gzip.decompress(fixture("good/crawl.warc.gz").read_bytes()))
    docs = read_one(path)
    assert [d.id for d in docs] == [
        "crawl#11111111-0000-4000-8000-000000000002",
        "crawl#22222222-0000-4000-8000-000000000002",
        "crawl#55555555-0000-4000-8000-000000000002",
    ]


def test_malformed_json_line_is_reported_and_the_good_lines_kept():
    path = fixture("bad/malformed.jsonl")
    lines = path.read_bytes().splitlines()
    docs = read_fixture("bad/malformed.jsonl")
    assert docs == [
        Document(id="malformed#ok-1", source=shown(path), text="The first line is fine.",
                 title="First good line", content_hash=sha(lines[0])),
        Document(id="malformed#ok-3", source=shown(path), text="The third line is fine too.",
                 title="Third good line", content_hash=sha(lines[2])),
    ]
    assert docs.failures == [
        Failure(source=shown(path), reason="line 2: not valid JSON (Unterminated string starting at)"),
        Failure(source=shown(path), reason="line 4: not a JSON object"),
    ]


def test_damaged_warc_record_loses_only_itself():
    path = fixture("bad/damaged.warc.gz")
    docs = read_fixture("bad/damaged.warc.gz")
    assert [(d.id, d.title, d.published, d.url, d.text) for d in docs] == [
        ("damaged#88888888-0000-4000-8000-000000000001", "First page survives", "2024-03-01",
         "https://news.example.kz/page-1", "The first record of this file is intact."),
        ("damaged#88888888-0000-4000-8000-000000000003", "Third page survives", "2024-03-03",
         "https://news.example.kz/page-3", "The third record of this file is intact as well."),
    ]
    (failure,) = docs.failures
    assert failure.source == shown(path)
    assert failure.reason.startswith("damaged gzip data at byte ")
    assert failure.reason.endswith("skipped to the next record")


def test_warc_with_a_damaged_header_resumes_at_the_next_record(tmp_path):
    raw = gzip.decompress(fixture("good/crawl.warc.gz").read_bytes())
    start = raw.index(b"WARC/1.1\r\nWARC-Record-ID: <urn:uuid:22222222")
    path = tmp_path / "crawl.warc"
    path.write_bytes(raw[:start] + b"GARBAGE LINE\r\n" + raw[start + len(b"WARC/1.1\r\n"):])
    docs = read_one(path)
    assert [d.id for d in docs] == [
        "crawl#11111111-0000-4000-8000-000000000002",
        "crawl#55555555-0000-4000-8000-000000000002",
    ]
    (failure,) = docs.failures
    assert failure.reason.startswith(f"damaged WARC record at byte {start}: ")


def test_invalid_utf8_in_mostly_utf8_text_becomes_replacement_characters():
    docs = read_fixture("bad/invalid-utf8-text.txt")
    # One byte of "п" was cut and a stray 0xFF put after "метра".
    assert docs == [
        txt_document(
            "bad/invalid-utf8-text.txt",
            "Весенний паводок\n\nВода \ufffdоднялась на два метра\ufffd за одну ночь. Жители эвакуированы.",
            None,
        )
    ]


@pytest.mark.parametrize(
    "name, reason",
    [
        ("empty.txt", "empty file"),
        ("binary.txt", "binary data, not text"),
        ("invalid-utf8-noise.txt", "not text in any known encoding (invalid UTF-8)"),
        ("truncated.txt.gz", "truncated gzip file"),
        ("no-html.warc.gz", "WARC file with no HTML response records"),
        ("not-a-warc.warc", "not a readable WARC file: damaged WARC record at byte 0: no WARC/1.x header"),
    ],
)
def test_bad_fixture_files_are_refused_with_their_reason(name, reason):
    with pytest.raises(SourceError) as caught:
        read_fixture(f"bad/{name}")
    assert str(caught.value) == reason


def test_a_jsonl_file_with_no_good_line_fails_as_a_whole(tmp_path):
    path = tmp_path / "all-bad.jsonl"
    path.write_text('{"id": 1,\n[1]\n')
    with pytest.raises(SourceError, match=r"^line 1: not valid JSON \(.*\) \(and 1 more\)$"):
        read_one(path)


def test_bad_json_lines_go_into_the_reindex_report(tmp_path):
    import indexer

    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "feed.jsonl").write_bytes(fixture("bad/malformed.jsonl").read_bytes())
    report = indexer.reindex([archive], tmp_path / "idx")
    assert sorted(report.added) == ["feed#ok-1", "feed#ok-3"]
    assert [(f.source, f.reason) for f in report.failed] == [
        (shown(archive / "feed.jsonl", archive), "line 2: not valid JSON (Unterminated string starting at)"),
        (shown(archive / "feed.jsonl", archive), "line 4: not a JSON object"),
    ]


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("Выборы пройдут в сентябре.", "cp1251"),
        ("Выборы пройдут в сентябре.", "koi8_r"),
        ("Алматыда жаңа мектеп ашылды.", "kz1048"),
        ("Алматыда жаңа мектеп ашылды.", "ptcp154"),
        ("Україна отримала нову партію гуманітарної допомоги.", "cp1251"),
        ("Die Regierung hat neue Maßnahmen für die Wirtschaft beschlossen.", "cp1252"),
        ("Президент подписал указ о выборах в Государственную думу.", "utf-16-le"),
    ],
)
def test_short_texts_in_single_byte_code_pages_decode(text, encoding):
    # Short texts are where charset-normalizer alone mixes up these code pages.
    assert sources.decode(text.encode(encoding)) == text


# ---------------------------------------------------------------- the sample archive
# (read file by file; the archive is never indexed here)

ARCHIVE = Path(__file__).resolve().parent.parent / "archive"
NEWS_SAMPLE = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "news-sample"
needs_news_sample = pytest.mark.skipif(
    not (NEWS_SAMPLE / "articles.jsonl").exists(), reason="shared/data/news-sample is absent"
)


def manifest() -> list[dict]:
    lines = (ARCHIVE / "MANIFEST.tsv").read_text("utf-8").splitlines()
    names = lines[0].split("\t")
    return [dict(zip(names, line.split("\t"))) for line in lines[1:]]


@needs_news_sample
def test_sample_archive_is_what_its_script_builds(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_sample_archive", ARCHIVE.parent / "tools" / "build_sample_archive.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    script.build(NEWS_SAMPLE, tmp_path)
    built = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    shipped = sorted(p.relative_to(ARCHIVE).as_posix() for p in ARCHIVE.rglob("*") if p.is_file())
    seeds = [p.name for p in SEEDS]
    assert shipped == sorted(built + seeds + ["README.md"])
    for rel in built:
        assert (ARCHIVE / rel).read_bytes() == (tmp_path / rel).read_bytes(), rel


@needs_news_sample
def test_sample_archive_holds_each_news_sample_article_once():
    import json

    ids = [i for row in manifest() for i in row["articles"].split(",")]
    sample = [json.loads(line)["id"] for line in (NEWS_SAMPLE / "articles.jsonl").read_text("utf-8").splitlines()]
    assert sorted(ids) == sorted(sample)
    assert len(ids) == 886


@needs_news_sample
def test_sample_archive_legacy_encoded_files_read_as_their_text():
    import json
    import unicodedata

    articles = {}
    for line in (NEWS_SAMPLE / "articles.jsonl").read_text("utf-8").splitlines():
        record = json.loads(line)
        articles[record["id"]] = record
    legacy = [row for row in manifest() if row["format"] in ("txt cp1251", "txt koi8_r")]
    assert len(legacy) == 43
    for row in legacy:
        (doc,) = read_one_under(ARCHIVE, ARCHIVE / row["path"])
        article = articles[row["articles"]]
        assert doc.text == unicodedata.normalize("NFC", article["title"] + "\n\n" + article["text"].strip()), row["path"]


def read_one_under(root: Path, path: Path):
    return sources.read_file(InputFile(path, root))


def test_sample_archive_warc_holds_five_global_voices_pages():
    docs = read_one_under(ARCHIVE, ARCHIVE / "web" / "globalvoices.warc.gz")
    assert docs.failures == []
    assert [(d.id.split("#")[0], d.url, d.published) for d in docs] == [
        ("web/globalvoices", "http://globalvoicesonline.org/2009/06/10/iran-to-vote-or-not-to-vote/", "2009-06-10"),
        ("web/globalvoices", "http://globalvoicesonline.org/2009/06/09/north-korea-two-american-journalists-sentenced-to-hard-labor/", "2009-06-09"),
        ("web/globalvoices", "http://globalvoicesonline.org/2009/06/09/caste-based-communities-on-orkut/", "2009-06-09"),
        ("web/globalvoices", "http://globalvoicesonline.org/2009/06/11/amplified-conversation-fighting-the-digital-crimes-bill-in-brazil/", "2009-06-11"),
        ("web/globalvoices", "http://globalvoicesonline.org/2009/06/10/china-a-leaking-green-dam/", "2009-06-10"),
    ]


RUSSIAN = "Президент подписал указ о проведении выборов в Государственную думу. Голосование пройдёт в сентябре."


@pytest.mark.parametrize(
    "markup, declared",
    [
        # A page that declares ISO-8859-1 but is in windows-1251, as many old Russian sites did.
        (f'<html><head><meta charset="iso-8859-1"></head><body><p>{RUSSIAN}</p></body></html>'.encode("cp1251"), None),
        # An HTTP header that says ISO-8859-1 over a page that is UTF-8.
        (f"<html><body><p>{RUSSIAN}</p></body></html>".encode("utf-8"), "ISO-8859-1"),
        # A header that says KOI8-R over a page that is KOI8-R.
        (f"<html><body><p>{RUSSIAN}</p></body></html>".encode("koi8_r"), "koi8-r"),
    ],
)
def test_a_wrong_charset_declaration_loses_to_the_bytes(markup, declared):
    assert RUSSIAN in sources.decode(markup, html=True, declared=declared)


def test_a_right_latin_declaration_is_kept():
    text = "Le président a déclaré que l'économie française était en croissance, malgré les difficultés."
    markup = f'<html><head><meta charset="iso-8859-1"></head><body><p>{text}</p></body></html>'.encode("cp1252")
    assert text in sources.decode(markup, html=True)


def test_discovered_files_sort_as_paths_do_part_by_part_and_index_like_a_list(tmp_path):
    # As strings "a-b/x.txt" sorts before "a/x.txt" ('-' < '/'); as paths the folder "a" comes first.
    for name in ("a-b/x.txt", "a/x.txt", "a/b/y.txt", "b.txt", "a/.hidden.txt", "a/notes.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Title\n\nBody")
    files = sources.discover([tmp_path, tmp_path / "b.txt"])
    assert [f.id for f in files] == ["a/b/y", "a/x", "a-b/x", "b", "b"]
    assert len(files) == 5 and files[-1].path == tmp_path / "b.txt" and files[-1].root == tmp_path
    assert [f.id for f in files[1:3]] == ["a/x", "a-b/x"]
