"""Speaker identity benchmark: `indexer.speakers.identify` against who each mention really is.

Reads bench/speakers_gold.jsonl: speaker names as the quote extractor wrote them for quotes of the
sample archive, each labelled by reading its article with the real person (or body) it refers to,
one label per person across the file. Every pair of mentions (both naming someone) is a "same person"
decision: precision and recall of those decisions, overall and for pairs within one script and across
scripts, and the pairs got wrong.

    python bench/speakers.py [--verbose]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from indexer import speakers  # noqa: E402

GOLD = ROOT / "bench" / "speakers_gold.jsonl"
CYRILLIC = re.compile("[а-яё]", re.I)


def load(path: Path = GOLD) -> list[dict]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return [r for r in rows if r["person"] != "NONE"]


def run(rows: list[dict]) -> dict:
    counts = Counter(r["speaker"] for r in rows)
    identities = speakers.identify(dict(counts))
    tally = {k: Counter() for k in ("all", "same script", "across scripts")}
    wrong = []
    for a, b in combinations(rows, 2):
        predicted = identities[a["speaker"]].key == identities[b["speaker"]].key
        truth = a["person"] == b["person"]
        kinds = ["all", "across scripts" if bool(CYRILLIC.search(a["speaker"])) != bool(CYRILLIC.search(b["speaker"]))
                 else "same script"]
        for kind in kinds:
            tally[kind]["tp" if predicted and truth else "fp" if predicted else "fn" if truth else "tn"] += 1
        if predicted != truth and a["speaker"] != b["speaker"]:
            wrong.append(f"{'MERGED' if predicted else 'SPLIT'}: {a['speaker']!r} ({a['person']}) / {b['speaker']!r} ({b['person']})")
    scores = {}
    for kind, c in tally.items():
        scores[kind] = {
            "pairs": sum(c.values()), "same_person_pairs": c["tp"] + c["fn"],
            "precision": c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0,
            "recall": c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0,
        }
    return {"mentions": len(rows), "people": len({r["person"] for r in rows}),
            "identities": len({identities[r["speaker"]].key for r in rows}),
            "scores": scores, "wrong": sorted(set(wrong))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list the pairs merged or split wrongly")
    args = parser.parse_args(argv)
    result = run(load())
    print(f"{result['mentions']} mentions of {result['people']} people -> {result['identities']} identities")
    print("| pairs | pairs | same-person pairs | precision | recall |\n| --- | --- | --- | --- | --- |")
    for kind, s in result["scores"].items():
        print(f"| {kind} | {s['pairs']} | {s['same_person_pairs']} | {s['precision']:.3f} | {s['recall']:.3f} |")
    if args.verbose:
        print("\n".join(result["wrong"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
