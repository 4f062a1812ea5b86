"""Writes indexer/data/common_en.txt: English words that are not names, for quote attribution.

A word is common when running text writes it in lower case far more often than capitalised
in mid-sentence. Counted over the English articles of shared/data/news-sample, the news pages of
shared/data/aeb and the CACM abstracts of shared/data/cacm, none of the articles the quote benchmark
annotates (text only; no annotation is read).

    python tools/make_common_words.py [--data DIR]
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "indexer" / "data" / "common_en.txt"
GOLD = ROOT / "bench" / "quotes_gold.jsonl"
WORD = re.compile(r"(?<![\w'’-])([A-Za-z][a-z]+(?:-[a-z]+)?)(?![\w'’-])")


def texts(data: Path):
    """English running text: the sample's articles, the AEB news pages and CACM abstracts (not their
    titles, which are in title case), leaving out every article of the quote benchmark's gold."""
    gold = {json.loads(line)["id"] for line in GOLD.open(encoding="utf-8") if line.strip()}
    for line in (data / "news-sample" / "articles.jsonl").open(encoding="utf-8"):
        article = json.loads(line)
        if article["lang"] == "en" and article["id"] not in gold:
            yield article["text"]
    aeb = data / "aeb" / "ground-truth.json"
    if aeb.exists():
        for page_id, page in json.loads(aeb.read_text(encoding="utf-8")).items():
            if f"aeb-{page_id}" not in gold:
                yield page["articleBody"]
    for line in (data / "cacm" / "corpus.jsonl").open(encoding="utf-8"):
        yield json.loads(line).get("text", "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    lower, capital = Counter(), Counter()
    for text in texts(args.data):
        for m in WORD.finditer(text):
            word = m.group(1)
            if word[0].islower():
                lower[word] += 1
            elif not re.search(r"(?:^|[.!?:\"“”«»]\s*)$", text[max(0, m.start() - 3) : m.start()]):
                capital[word.lower()] += 1  # capitalised in mid-sentence: a name's use
    common = sorted(w for w, n in lower.items() if n >= 3 and n >= 4 * capital[w])
    OUT.write_text("# English words written in lower case in running text (tools/make_common_words.py)\n"
                   + "\n".join(common) + "\n", encoding="utf-8")
    print(f"{len(common)} words -> {OUT}")


if __name__ == "__main__":
    main()
