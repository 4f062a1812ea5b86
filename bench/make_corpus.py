"""A synthetic but realistic news archive of N articles for the speed
benchmarks, made of the real sentences in ../shared/data re-combined with a
fixed seed: mostly English and Russian (news-sample), a few per cent Kazakh,
Ukrainian, Chinese, Belarusian and Kyrgyz (langid sentences); article lengths
around a 3,000-character median in paragraphs; publication dates over
2000-2025 (some missing); quotes ("…," said Name); a lead that names a venue
and a city; about 5 % near-duplicates (copies with a few words changed).

    python bench/make_corpus.py N OUTDIR [--seed 1]

Written in Archivist's own input formats: mostly .txt files (a `Posted:` line,
a title line, one paragraph a line) in nested folders, plus .jsonl feeds of
500 records each. Beside them: `meta.ndjson` (each article's id, language,
year, venue and country as generated: the facet values the FTS5 and Tantivy
baselines index, since they have no extraction step) and `manifest.json`.
The same N and seed always give the same bytes.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import re
import shutil
import time
from collections import deque
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

# Share of articles per language: mostly en and ru, a few per cent of the others.
LANGUAGES = {"en": 0.52, "ru": 0.40, "kk": 0.025, "uk": 0.025, "zh": 0.015, "be": 0.01, "ky": 0.005}
MEDIAN_CHARS = 3000
NEAR_DUPLICATES = 0.05
UNDATED = 0.12
JSONL_SHARE = 0.10
JSONL_RECORDS = 500
DESKS = ["politics", "culture", "world", "economy", "science", "sport", "regions", "society"]
HOSTS = ["wire.example.org", "feeds.example.net", "agency.example.com", "daily.example.kz"]

SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+|(?<=[。！？])")

# (event, venue, city, country) for the English lead; the Russian lead in the locative case.
EVENTS_EN = ["An exhibition of rare manuscripts", "A festival of documentary film", "A conference on water security",
             "A retrospective of Soviet poster art", "A concert of folk music", "A forum of young scientists",
             "A photo exhibition about the steppe", "A book presentation"]
VENUES_EN = ["National Museum", "State Art Gallery", "Grand Opera House", "Central Library",
             "Palace of Independence", "Royal Academy of Music", "Museum of Modern History", "Science Pavilion"]
CITIES_EN = [("Almaty", "Kazakhstan"), ("Astana", "Kazakhstan"), ("Minsk", "Belarus"), ("Kyiv", "Ukraine"),
             ("Moscow", "Russia"), ("London", "United Kingdom"), ("Paris", "France"), ("Beijing", "China"),
             ("Bishkek", "Kyrgyzstan"), ("Berlin", "Germany"), ("New York", "United States"), ("Tokyo", "Japan")]
EVENTS_RU = ["Выставка редких рукописей", "Фестиваль документального кино", "Конференция по водной безопасности",
             "Презентация новой книги", "Концерт народной музыки", "Форум молодых учёных"]
VENUES_RU = [("Государственном историческом музее", "Государственный исторический музей"),
             ("Большом театре", "Большой театр"), ("Национальной библиотеке", "Национальная библиотека"),
             ("Русском музее", "Русский музей"), ("Центральном выставочном центре", "Центральный выставочный центр")]
CITIES_RU = [("Москве", "Russia"), ("Санкт-Петербурге", "Russia"), ("Минске", "Belarus"), ("Алматы", "Kazakhstan"),
             ("Астане", "Kazakhstan"), ("Киеве", "Ukraine"), ("Бишкеке", "Kyrgyzstan"), ("Париже", "France")]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
SPEAKERS_EN = [("Aigerim Zhaxylykova", "the museum's director"), ("John Miller", "a spokesman for the ministry"),
               ("Maria Petrova", "the curator"), ("Daniel Okafor", "an economist"), ("Li Wei", "the organiser"),
               ("Olena Kovalenko", "a historian"), ("Askar Nurlanov", "the deputy mayor"),
               ("Sarah Thompson", "a local resident"), ("Pavel Sidorov", "the festival's founder")]
SPEAKERS_RU = ["Айгерим Жаксылыкова", "Иван Петров", "Мария Смирнова", "Алексей Кузнецов", "Ольга Ковальчук",
               "Нурлан Абенов", "Сергей Волков"]
VERBS_RU = ["сказал", "заявил", "отметил", "подчеркнул"]


def sentences_of(text: str) -> list[str]:
    found = []
    for paragraph in text.split("\n"):
        for sentence in SENTENCE_END.split(paragraph.strip()):
            sentence = " ".join(sentence.split())
            if 25 <= len(sentence) <= 600 or (len(sentence) >= 8 and re.search(r"[\u4e00-\u9fff]", sentence)):
                found.append(sentence)
    return found


def load_pools(data: Path = DATA) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Sentences and titles per language, in file order (deterministic)."""
    sentences: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    titles: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    with open(data / "news-sample" / "articles.jsonl", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            lang = record["lang"]
            sentences[lang].extend(sentences_of(record["text"]))
            titles[lang].append(" ".join(record["title"].split()))
    with open(data / "langid" / "langid.jsonl", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if record["lang"] in ("kk", "uk", "zh", "be", "ky"):
                sentences[record["lang"]].extend(sentences_of(record["text"]))
    for lang in ("kk", "uk", "zh", "be", "ky"):
        titles[lang] = [title_from(s) for s in sentences[lang][::3]]
    missing = [lang for lang, pool in sentences.items() if len(pool) < 20]
    if missing:
        raise SystemExit(f"too few sentences for {missing} in {data}")
    return sentences, titles


def title_from(sentence: str) -> str:
    if re.search(r"[\u4e00-\u9fff]", sentence):
        return sentence[:24].rstrip("，。！？、")
    words = sentence.split()[:10]
    return " ".join(words).rstrip(".,;:!?")


class Generator:
    def __init__(self, seed: int, data: Path = DATA):
        self.rng = random.Random(seed)
        self.sentences, self.titles = load_pools(data)
        self.langs = list(LANGUAGES)
        self.weights = list(LANGUAGES.values())
        self.recent: deque = deque(maxlen=2000)  # articles a near-duplicate may copy

    def published(self) -> tuple[str | None, int | None]:
        rng = self.rng
        if rng.random() < UNDATED:
            return None, None
        year = rng.randint(2000, 2025)
        return (f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} "
                f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"), year

    def lead(self, lang: str, published: str | None) -> tuple[str, str, str]:
        """A first paragraph naming the event's venue and city (en, ru), and the two as generated."""
        rng = self.rng
        if lang == "en":
            venue = rng.choice(VENUES_EN)
            city, country = rng.choice(CITIES_EN)
            when = ""
            if published:
                month = MONTHS_EN[int(published[5:7]) - 1]
                when = f" on {month} {int(published[8:10])}, {published[:4]}"
            return f"{rng.choice(EVENTS_EN)} opened at the {venue} in {city}{when}.", venue, country
        if lang == "ru":
            venue_loc, venue = rng.choice(VENUES_RU)
            city, country = rng.choice(CITIES_RU)
            return f"{rng.choice(EVENTS_RU)} прошла в {venue_loc} в {city}.", venue, country
        return "", "", ""

    def quote(self, lang: str) -> str:
        rng = self.rng
        said = rng.choice(self.sentences[lang]).rstrip(".!?")
        if lang == "en":
            name, role = rng.choice(SPEAKERS_EN)
            return f"“{said},” said {name}, {role}."
        return f"«{said}», — {rng.choice(VERBS_RU)} {rng.choice(SPEAKERS_RU)}."

    def body(self, lang: str, lead: str) -> list[str]:
        rng = self.rng
        target = min(30_000, max(300, int(MEDIAN_CHARS * math.exp(rng.gauss(0, 0.6)))))
        pool = self.sentences[lang]
        start = rng.randrange(len(pool))  # runs of neighbouring sentences read like one story
        paragraphs = [lead] if lead else []
        size = len(lead)
        while size < target:
            if lang in ("en", "ru") and rng.random() < 0.08:
                paragraph = self.quote(lang)
            elif rng.random() < 0.02:  # a paragraph in another language (a quote, a caption)
                other = rng.choice(self.langs)
                paragraph = rng.choice(self.sentences[other])
            else:
                count = rng.choice((1, 2, 2, 3, 3, 4))
                if rng.random() < 0.3:
                    start = rng.randrange(len(pool))
                joiner = "" if lang == "zh" else " "
                paragraph = joiner.join(pool[(start + i) % len(pool)] for i in range(count))
                start += count
            paragraphs.append(paragraph)
            size += len(paragraph) + 1
        return paragraphs

    def near_duplicate(self, original: dict) -> dict:
        """A copy with a few words changed, published a few days later."""
        rng = self.rng
        paragraphs = list(original["paragraphs"])
        for _ in range(rng.randint(2, 5)):
            i = rng.randrange(len(paragraphs))
            words = paragraphs[i].split(" ")
            if len(words) > 3:
                words[rng.randrange(len(words))] = rng.choice(rng.choice(self.sentences[original["lang"]]).split(" "))
                paragraphs[i] = " ".join(words)
        published = original["published"]
        if published:
            day = min(28, int(published[8:10]) + rng.randint(0, 5))
            published = f"{published[:8]}{day:02d}{published[10:]}"
        return {**original, "paragraphs": paragraphs, "published": published, "duplicate_of": original["n"]}

    def article(self, n: int) -> dict:
        rng = self.rng
        if self.recent and rng.random() < NEAR_DUPLICATES:
            article = self.near_duplicate(rng.choice(self.recent))
            article["n"] = n
            return article
        lang = rng.choices(self.langs, self.weights)[0]
        published, year = self.published()
        lead, venue, country = self.lead(lang, published)
        if rng.random() < 0.6:
            title = rng.choice(self.titles[lang])
        else:
            title = title_from(rng.choice(self.sentences[lang]))
        article = {"n": n, "lang": lang, "title": title, "published": published, "year": year,
                   "venue": venue, "country": country, "paragraphs": self.body(lang, lead), "duplicate_of": None}
        self.recent.append(article)
        return article


def txt_bytes(article: dict) -> bytes:
    lines = []
    if article["published"]:
        date, clock = article["published"].split(" ")
        y, m, d = date.split("-")
        lines.append(f"Posted: {d}.{m}.{y} {clock}")
    lines.append(article["title"])
    lines.extend(article["paragraphs"])
    return ("\n".join(lines) + "\n").encode("utf-8")


def generate(n: int, outdir: str | Path, seed: int = 1, data: Path = DATA) -> dict:
    """Write N articles under outdir (emptied first); returns the manifest."""
    started = time.monotonic()
    out = Path(outdir)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    gen = Generator(seed, data)
    made_dirs: set[Path] = set()
    feed: list[str] = []
    feeds = 0
    totals = {"articles": 0, "txt_files": 0, "jsonl_files": 0, "bytes": 0, "near_duplicates": 0, "undated": 0,
              "languages": {}}

    def flush() -> None:
        nonlocal feeds, feed
        if feed:
            feeds += 1
            path = out / "feeds" / HOSTS[feeds % len(HOSTS)].split(".")[0] / f"feed-{feeds:04d}.jsonl"
            path.parent.mkdir(parents=True, exist_ok=True)
            data_bytes = ("\n".join(feed) + "\n").encode("utf-8")
            path.write_bytes(data_bytes)
            totals["bytes"] += len(data_bytes)
            totals["jsonl_files"] += 1
            feed = []

    with open(out / "meta.ndjson", "w", encoding="utf-8") as meta:
        for i in range(n):
            article = gen.article(i)
            year = int(article["published"][:4]) if article["published"] else None
            if gen.rng.random() < JSONL_SHARE:
                host = HOSTS[(feeds + 1) % len(HOSTS)]
                record = {"id": f"r{i:07d}", "title": article["title"], "text": "\n\n".join(article["paragraphs"]),
                          "published": article["published"][:10] if article["published"] else None,
                          "url": f"https://{host}/news/{i:07d}", "language": article["lang"]}
                feed.append(json.dumps(record, ensure_ascii=False))
                path = out / "feeds" / host.split(".")[0] / f"feed-{feeds + 1:04d}.jsonl"
                article_id = f"{path.relative_to(out).with_suffix('').as_posix()}#{record['id']}"
                if len(feed) >= JSONL_RECORDS:
                    flush()
            else:
                desk = DESKS[gen.rng.randrange(len(DESKS))]
                folder = out / desk / (str(year) if year else "undated")
                if year:
                    folder = folder / article["published"][5:7]
                if folder not in made_dirs:
                    folder.mkdir(parents=True, exist_ok=True)
                    made_dirs.add(folder)
                data_bytes = txt_bytes(article)
                (folder / f"a{i:07d}.txt").write_bytes(data_bytes)
                totals["bytes"] += len(data_bytes)
                totals["txt_files"] += 1
                article_id = (folder / f"a{i:07d}").relative_to(out).as_posix()
            meta.write(json.dumps({"id": article_id, "lang": article["lang"], "year": year,
                                   "venue": article["venue"], "country": article["country"],
                                   "duplicate_of": article["duplicate_of"]}, ensure_ascii=False) + "\n")
            totals["articles"] += 1
            totals["near_duplicates"] += article["duplicate_of"] is not None
            totals["undated"] += year is None
            totals["languages"][article["lang"]] = totals["languages"].get(article["lang"], 0) + 1
        flush()
    manifest = {"n": n, "seed": seed, **totals, "seconds": round(time.monotonic() - started, 1)}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1))
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not DATA.exists():
        raise SystemExit(f"{DATA} is missing: the generator draws its sentences from shared/data")
    print(json.dumps(generate(args.n, args.outdir, args.seed)))


if __name__ == "__main__":
    main()
