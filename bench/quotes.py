"""Quote extraction benchmark: indexer.quotes.extract_quotes against quotes_gold.jsonl.

Reads the annotated articles (bench/quotes_gold.jsonl) and their text from
shared/data/news-sample/articles.jsonl; prints precision and recall of quote
extraction and of speaker attribution, per language and overall.

    python bench/quotes.py [--verbose] [--data DIR]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from indexer.quotes import DEFAULT_MODEL, extract_quotes  # noqa: E402

GOLD = ROOT / "bench" / "quotes_gold.jsonl"
DATA = ROOT.parent / "shared" / "data"


def norm(text: str) -> str:
    """Lower-case words only: quote marks, dashes and spacing do not count."""
    return " ".join(re.findall(r"\w+", text.lower().replace("ё", "е")))


def quote_matches(predicted: str, start: str) -> bool:
    p, g = norm(predicted), norm(start)
    if p.startswith(g):
        return True
    p4, g4 = " ".join(p.split()[:4]), " ".join(g.split()[:4])
    return bool(g4) and (g4 in p or p4 in g)


def speaker_matches(predicted: str, gold: str) -> bool:
    p, g = norm(predicted), norm(gold)
    if not p or not g:
        return False
    if p == g or fuzz.ratio(p, g) >= 85:
        return True
    ps, gs = p.split()[-1], g.split()[-1]
    if ps == gs:
        return True
    short, long_ = sorted((ps, gs), key=len)  # Russian case endings: Гонзалес / Гонзалеса
    return len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 2


def article_texts(data_dir: Path) -> dict[str, str]:
    """Every article the gold may name: news-sample ids as they are, AEB pages as `aeb-<page id>`."""
    articles_file = data_dir / "news-sample" / "articles.jsonl"
    if not articles_file.exists():
        raise FileNotFoundError(f"{articles_file} is absent: the quote benchmark needs shared/data/news-sample")
    texts = {}
    for line in articles_file.open(encoding="utf-8"):
        a = json.loads(line)
        texts[a["id"]] = a["text"]
    aeb = data_dir / "aeb" / "ground-truth.json"
    if aeb.exists():
        for page_id, page in json.loads(aeb.read_text(encoding="utf-8")).items():
            texts[f"aeb-{page_id}"] = page["articleBody"]
    return texts


def paragraphs_of(text: str) -> list[str]:
    """Paragraphs as the gold numbers them (from 1): the text split on blank lines."""
    return text.split("\n\n")


def load(data_dir: Path, gold_file: Path = GOLD) -> list[tuple[dict, list[str]]]:
    texts = article_texts(data_dir)
    gold = [json.loads(line) for line in gold_file.open(encoding="utf-8") if line.strip()]
    missing = [g["id"] for g in gold if g["id"] not in texts]
    if missing:
        raise FileNotFoundError(f"the text of {len(missing)} annotated articles ({missing[0]}, ...) is absent")
    return [(g, paragraphs_of(texts[g["id"]])) for g in gold]


def match_article(gold: list[dict], predicted) -> list[tuple[dict, object]]:
    """Pairs (gold, predicted) greedily in order: first every gold quote with a predicted one of its own
    paragraph, then the rest anywhere (so a gold heading that repeats words of the next paragraph's quote
    does not take that quote from its own gold)."""
    chosen: dict[int, int] = {}
    used: set[int] = set()
    for same_paragraph in (True, False):
        for k, g in enumerate(gold):
            if k in chosen:
                continue
            candidates = [i for i, q in enumerate(predicted) if i not in used and quote_matches(q.text, g["start"])
                          and (not same_paragraph or q.paragraph == g["paragraph"])]
            if candidates:
                chosen[k] = candidates[0]
                used.add(candidates[0])
    pairs = [(g, predicted[chosen[k]] if k in chosen else None) for k, g in enumerate(gold)]
    return pairs, [q for i, q in enumerate(predicted) if i not in used]


def run(data_dir: Path = DATA, split: str | None = None, gold_file: Path = GOLD, model=DEFAULT_MODEL,
        only=None) -> dict:
    """Scores per language and "all": extraction P/R, attribution P/R, and the misses.

    split: None for every annotated article, "dev" for those the rules are tuned on,
    "test" for those only ever scored (never read while changing the rules).
    model: the attribution model (None: the rules alone); only(article id): which articles to score
    (tools/train_attribution.py cross-validates inside dev with it).
    """
    counts: dict[str, dict[str, int]] = {}
    misses: list[str] = []
    for gold, paragraphs in load(data_dir, gold_file):
        if split and gold.get("split", "dev") != split or only is not None and not only(gold["id"]):
            continue
        predicted = extract_quotes(paragraphs, gold["lang"], model)
        pairs, extra = match_article(gold["quotes"], predicted)
        for lang in (gold["lang"], "all"):
            c = counts.setdefault(lang, dict.fromkeys(("gold", "pred", "matched", "named_gold", "named_pred", "speaker_ok",
                                                      "named_all"), 0))
            c["gold"] += len(gold["quotes"])
            c["named_all"] += sum(1 for g in gold["quotes"] if g["speaker"])
            c["pred"] += len(predicted)
            for g, p in pairs:
                if p is None:
                    continue
                c["matched"] += 1
                if g["speaker"]:
                    c["named_gold"] += 1
                    c["named_pred"] += bool(p.speaker)
                    c["speaker_ok"] += speaker_matches(p.speaker, g["speaker"])
        for g, p in pairs:
            if p is None:
                misses.append(f"{gold['id']} ¶{g['paragraph']} MISSED {g['speaker'] or '-'}: {g['start']}")
            elif g["speaker"] and not speaker_matches(p.speaker, g["speaker"]):
                misses.append(f"{gold['id']} ¶{g['paragraph']} SPEAKER {p.speaker!r} != {g['speaker']!r}: {g['start']}")
        for p in extra:
            misses.append(f"{gold['id']} ¶{p.paragraph} EXTRA {p.speaker or '-'}: {p.text[:70]}")
    scores = {}
    for lang, c in counts.items():
        scores[lang] = {
            "gold": c["gold"], "predicted": c["pred"],
            "extraction_precision": c["matched"] / c["pred"] if c["pred"] else 0.0,
            "extraction_recall": c["matched"] / c["gold"] if c["gold"] else 0.0,
            # attribution: among matched quotes whose gold speaker is named
            "attribution_precision": c["speaker_ok"] / c["named_pred"] if c["named_pred"] else 0.0,
            "attribution_recall": c["speaker_ok"] / c["named_gold"] if c["named_gold"] else 0.0,
            # end to end: of all the gold quotes with a named speaker, found and given to that speaker
            "found_with_speaker": c["speaker_ok"] / c["named_all"] if c["named_all"] else 0.0,
        }
    return {"scores": scores, "misses": misses}


def table(scores: dict) -> str:
    rows = ["| lang | gold quotes | predicted | extraction P | extraction R | attribution P | attribution R | found with speaker |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for lang in ("en", "ru", "all"):
        s = scores.get(lang)
        if s:
            rows.append(f"| {lang} | {s['gold']} | {s['predicted']} | {s['extraction_precision']:.3f} | {s['extraction_recall']:.3f} "
                        f"| {s['attribution_precision']:.3f} | {s['attribution_recall']:.3f} | {s['found_with_speaker']:.3f} |")
    return "\n".join(rows)


def speed(data_dir: Path = DATA, lang: str = "ru") -> dict:
    """What extraction costs on the sample's real articles of one language, one process: ms an article
    with the rules alone and with natasha's parse of Russian attribution sentences (after one warm-up
    pass that loads the models and fills pymorphy3's caches), the sentences parsed, and the model load."""
    import resource
    import time

    from indexer import russian_syntax

    articles = [paragraphs_of(json.loads(line)["text"]) for line in (data_dir / "news-sample" / "articles.jsonl").open(encoding="utf-8")
                if json.loads(line).get("lang") == lang]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    russian_syntax.models() if lang == "ru" else None
    load = time.perf_counter() - t
    rss_models = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss
    result = {"articles": len(articles), "model load s": round(load, 2), "model MB": round(rss_models / 1024)}
    for syntax in (False, True):
        for a in articles:  # warm: pymorphy3's and the rules' caches, as in a worker's thousandth article
            extract_quotes(a, lang, None, syntax=syntax)
        russian_syntax.parse.cache_clear()  # parses are kept per sentence: time them anew
        russian_syntax.entities.cache_clear()
        t = time.perf_counter()
        found = sum(len(extract_quotes(a, lang, None, syntax=syntax)) for a in articles)
        took = time.perf_counter() - t
        key = "syntax" if syntax else "rules"
        result[f"{key} ms/article"] = round(1000 * took / len(articles), 2)
        result[f"{key} articles/s"] = round(len(articles) / took, 1)
        result["quotes"] = found
        if syntax:
            result["sentences parsed"] = russian_syntax.parse.cache_info().misses
            result["parse ms/quote"] = round((took - len(articles) * result["rules ms/article"] / 1000) * 1000 / max(found, 1), 2)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every miss, wrong speaker and extra quote")
    parser.add_argument("--data", type=Path, default=DATA, help="the shared/data folder")
    parser.add_argument("--split", choices=["dev", "test"], help="only the articles the rules are tuned on, or only the test ones")
    parser.add_argument("--gold", type=Path, default=GOLD, help="another gold file: a new annotator's part, scored before it joins")
    parser.add_argument("--rules-only", action="store_true", help="the rules' speakers, without the attribution model")
    parser.add_argument("--show", metavar="ID", help="print one article's paragraphs, numbered as the gold numbers them, and exit")
    parser.add_argument("--speed", metavar="LANG", help="time extraction on the sample's articles of LANG, with and "
                        "without natasha's parse (ru), and exit")
    args = parser.parse_args(argv)
    if args.speed:
        print(json.dumps(speed(args.data, args.speed), ensure_ascii=False))
        return 0
    if args.show:
        texts = article_texts(args.data)
        if args.show not in texts:
            print(f"Error: no article {args.show!r} in {args.data}.", file=sys.stderr)
            return 2
        for n, paragraph in enumerate(paragraphs_of(texts[args.show]), 1):
            print(f"[{n}] {paragraph}\n")
        return 0
    try:
        result = run(args.data, args.split, args.gold, None if args.rules_only else DEFAULT_MODEL)
    except FileNotFoundError as exc:
        print(f"Error: {exc}. Put the shared data at {args.data} or pass --data DIR.", file=sys.stderr)
        return 1
    print(table(result["scores"]))
    if args.verbose:
        print("\n".join(result["misses"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
