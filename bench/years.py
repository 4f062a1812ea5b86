"""Year benchmark: how many dated articles get a year, and how often it is the event's year.

Reads shared/data/news-sample/articles.jsonl and bench/years_gold.jsonl (event years annotated
by reading, each with a dev or test split); prints
- coverage: the share of articles that mention a full date (2016-04-29) that get a year, by basis;
- accuracy: `indexer.dates.year_of` without the publication date against the annotated event year.

    python bench/years.py [--split dev|test] [--verbose] [--data DIR]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from indexer import dates  # noqa: E402

GOLD = ROOT / "bench" / "years_gold.jsonl"
DATA = ROOT.parent / "shared" / "data"


def load_articles(data_dir: Path) -> dict[str, dict]:
    path = data_dir / "news-sample" / "articles.jsonl"
    if not path.exists():
        raise FileNotFoundError(f"{path} is absent: the year benchmark needs shared/data/news-sample")
    return {a["id"]: a for a in map(json.loads, path.open(encoding="utf-8"))}


def paragraphs_of(article: dict) -> list[str]:
    return article["text"].split("\n\n")


def has_full_date(paragraphs: list[str]) -> bool:
    return any(len(d.value) == 10 for p in paragraphs for d in dates.find_dates(p))


def coverage(articles: dict[str, dict]) -> dict:
    """Of the articles that mention a full date: how many get a year, and on what basis."""
    bases: Counter = Counter()
    dated = 0
    for article in articles.values():
        paragraphs = paragraphs_of(article)
        if not has_full_date(paragraphs):
            continue
        dated += 1
        _, basis = dates.year_of(article.get("published"), paragraphs)
        bases[basis or "none"] += 1
    return {"dated": dated, "with_year": dated - bases["none"], "bases": dict(bases)}


def accuracy(articles: dict[str, dict], split: str | None = None) -> dict:
    """The event year worked out from the text alone (publication date withheld) against the gold."""
    rows = [json.loads(line) for line in GOLD.open(encoding="utf-8") if line.strip()]
    rows = [r for r in rows if not split or r.get("split") == split]
    right, answered, misses = 0, 0, []
    for row in rows:
        year, basis = dates.year_of(None, paragraphs_of(articles[row["id"]]))
        answered += year is not None
        right += year == row["event_year"]
        if year != row["event_year"]:
            misses.append(f"{row['id']}: {year} ({basis}) != {row['event_year']} ({row['how']}: {row['evidence']})")
    return {"articles": len(rows), "answered": answered, "right": right,
            "accuracy": right / len(rows) if rows else 0.0, "misses": misses}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test"], help="score only one part of the gold")
    parser.add_argument("--verbose", action="store_true", help="list every wrong year")
    parser.add_argument("--data", type=Path, default=DATA, help="the shared/data folder")
    args = parser.parse_args(argv)
    try:
        articles = load_articles(args.data)
    except FileNotFoundError as exc:
        print(f"Error: {exc}. Put the shared data at {args.data} or pass --data DIR.", file=sys.stderr)
        return 1
    cov = coverage(articles)
    print(f"coverage: {cov['with_year']} of {cov['dated']} articles with a full date get a year "
          f"({cov['with_year'] / max(cov['dated'], 1):.1%}); bases {cov['bases']}")
    splits = [args.split] if args.split else ["dev", "test"]
    for split in splits:
        acc = accuracy(articles, split)
        print(f"accuracy ({split}): {acc['right']} of {acc['articles']} event years right ({acc['accuracy']:.1%}), "
              f"{acc['answered']} answered")
        if args.verbose:
            print("\n".join("  " + m for m in acc["misses"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
