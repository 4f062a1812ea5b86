"""Language detection quality and speed: run each detector over the labelled
texts of ../shared/data/langid and report accuracy per language, for short
items and long ones (>= 1000 characters), and items per second on one core.

    python bench/language.py [--limit N]     # N: at most N items per language

Detectors: langdetect alone (seeded); lingua (where installed) and py3langid, each
restricted to the languages indexer.language considers; Archivist's own. A second table
scores paragraphs of ../shared/data/news-sample's Wikinews articles against
their article's language (silver labels: a caption that is a Latin name such
as "Ford Mustang" in a Russian article counts as a miss).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer import language  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "langid"
NEWS = ROOT.parent / "shared" / "data" / "news-sample" / "articles.jsonl"
LANGS = ("en", "ru", "kk", "ky", "uk", "be", "zh")
LONG = 1000  # characters
LETTER = re.compile(r"[^\W\d_]")

Detector = Callable[[str], str]


def load(limit: int | None = None) -> list[dict]:
    """The labelled items; with a limit, at most that many per language, evenly spread."""
    path = DATA / "langid.jsonl"
    if not path.is_file():
        sys.exit(f"bench/language.py: no data at {path}. The langid set comes with shared/data "
                 "(see its README); put it there and run again.")
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if limit is None:
        return items
    chosen = []
    for lang in LANGS:
        mine = [item for item in items if item["lang"] == lang]
        step = max(1, len(mine) / limit)
        chosen += [mine[int(i * step)] for i in range(min(limit, len(mine)))]
    return chosen


def wikinews_paragraphs(limit: int | None = None) -> list[dict]:
    """Paragraphs (3+ letters) of the news sample's Wikinews articles, labelled with their article's language."""
    if not NEWS.is_file():
        return []
    found = []
    for line in NEWS.read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        if article["source"].startswith("Wikinews"):
            found += [{"lang": article["lang"], "text": text} for text in article["text"].split("\n\n")
                      if len(LETTER.findall(text)) >= 3]
    if limit is None or len(found) <= limit * 20:
        return found
    step = len(found) / (limit * 20)
    return [found[int(i * step)] for i in range(limit * 20)]


def detectors() -> dict[str, Detector]:
    from langdetect import DetectorFactory, LangDetectException, detect
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    DetectorFactory.seed = 0

    def by_langdetect(text: str) -> str:
        try:
            return detect(text).split("-")[0]
        except LangDetectException:
            return ""

    langid = LanguageIdentifier.from_model_file(MODEL_FILE)
    langid.set_languages(language.ARCHIVE_LANGUAGES + language.OTHER_LANGUAGES)

    def by_py3langid(text: str) -> str:
        return langid.classify(text)[0]

    found = {"langdetect": by_langdetect}
    lingua = by_lingua()
    if lingua:
        found["lingua"] = lingua
    return found | {"py3langid": by_py3langid, "final": language.detect_language}


def by_lingua() -> Detector | None:
    """lingua, where installed (it is not a dependency), restricted to the same
    languages but Kyrgyz, which it has no model for."""
    try:
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder
    except ImportError:
        return None
    known = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
             for code in language.ARCHIVE_LANGUAGES + language.OTHER_LANGUAGES if code != "ky"]
    lingua = LanguageDetectorBuilder.from_languages(*known).with_preloaded_language_models().build()

    def detect(text: str) -> str:
        found = lingua.detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found else ""

    return detect


def score(detect: Detector, items: list[dict]) -> dict:
    """Correct counts per (language, short|long|all), and items per second."""
    detect(items[0]["text"])  # models load on first use: not part of the timing
    counts: dict[tuple[str, str], list[int]] = {}
    started = time.perf_counter()
    answers = [detect(item["text"]) for item in items]
    seconds = time.perf_counter() - started
    for item, answer in zip(items, answers):
        size = "long" if len(item["text"]) >= LONG else "short"
        for key in ((item["lang"], size), (item["lang"], "all"), ("all", size), ("all", "all")):
            tally = counts.setdefault(key, [0, 0])
            tally[0] += answer == item["lang"]
            tally[1] += 1
    return {"counts": counts, "items_per_second": len(items) / seconds if seconds else float("inf")}


def cell(tally: list[int] | None) -> str:
    if not tally:
        return "–"
    right, total = tally
    return f"{100 * right / total:.1f}% ({right}/{total})"


def table(results: dict[str, dict], langs: tuple[str, ...], sizes: tuple[str, ...]) -> str:
    names = list(results)
    head = ["lang", "size"] + names
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for lang in langs + ("all",):
        for size in sizes:
            row = [lang, size] + [cell(results[name]["counts"].get((lang, size))) for name in names]
            lines.append("| " + " | ".join(row) + " |")
    lines.append("| items/s | one core | " + " | ".join(f"{results[n]['items_per_second']:,.0f}" for n in names) + " |")
    return "\n".join(lines)


def one_core() -> None:
    """Pin the detecting thread to one core, so items/s is per core."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def run(limit: int | None = None) -> dict:
    items = load(limit)
    chosen = detectors()
    results = {name: score(detect, items) for name, detect in chosen.items()}
    news = wikinews_paragraphs(limit)
    silver = {name: score(detect, news) for name, detect in chosen.items()} if news else {}
    return {"items": len(items), "langid": results, "wikinews": silver, "paragraphs": len(news)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="at most N items per language")
    args = parser.parse_args()
    one_core()
    report = run(args.limit)
    print(f"Python {platform.python_version()}, {os.cpu_count()} cores (timed on one), "
          f"{report['items']} langid items\n")
    print(table(report["langid"], LANGS, ("short", "long", "all")))
    if report["wikinews"]:
        print(f"\nWikinews paragraphs ({report['paragraphs']}, silver labels):\n")
        print(table(report["wikinews"], ("en", "ru"), ("all",)))


if __name__ == "__main__":
    main()
