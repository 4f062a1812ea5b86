"""Writes indexer/data/common_en.txt: English words that are not names, for quote attribution.

A word is common when running text writes it in lower case far more often than capitalised
in mid-sentence. Counted over the English articles of shared/data/news-sample and the CACM
abstracts of shared/data/cacm (text only; no annotation is read).

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
WORD = re.compile(r"(?<![\w'’-])([A-Za-z][a-z]+(?:-[a-z]+)?)(?![\w'’-])")


def texts(data: Path):
    for line in (data / "news-sample" / "articles.jsonl").open(encoding="utf-8"):
        article = json.loads(line)
        if article["lang"] == "en":
            yield article["text"]
    for line in (data / "cacm" / "corpus.jsonl").open(encoding="utf-8"):
        doc = json.loads(line)
        yield " ".join(str(v) for k, v in doc.items() if k != "_id" and isinstance(v, str))


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
