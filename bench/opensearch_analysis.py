"""OpenSearch's analysis against Archivist's: the analyzers of indexer/opensearch/analysis.py, built
with Lucene's own classes (bench/opensearch_analysis/Check.java, compiled against the Lucene jars
in /usr/share/java) and run over the news sample, the language-ID set and the seed articles; their
terms are compared with indexer.analysis' exact, stemmed, folded and names terms. Prints a markdown
table (field | terms agreeing | texts identical | most common differences); --write also puts it
in the "OpenSearch analysis against Lucene" section of bench/RESULTS.md.

    python bench/opensearch_analysis.py [--limit N] [--write]

Needs javac and Lucene 8's jars (`sudo apt-get install default-jdk-headless liblucene8-java`).
"""
from __future__ import annotations

import argparse
import collections
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from indexer import analysis  # noqa: E402
from indexer.opensearch.analysis import analysis_settings  # noqa: E402

RESULTS = HERE / "RESULTS.md"
HEADING = "## OpenSearch analysis against Lucene"
JAVA_SOURCE = HERE / "opensearch_analysis" / "Check.java"
JARS = Path("/usr/share/java")
INSTALL = "sudo apt-get install default-jdk-headless liblucene8-java"
DATA = ROOT.parent / "shared" / "data"
# field: (OpenSearch analyzer, Archivist's analysis of the same field)
FIELDS = {
    "exact": ("archivist_exact", analysis.exact_terms),
    "stemmed": ("archivist_stemmed", analysis.stemmed_terms),
    "folded": ("archivist_fold", analysis.folded_terms),
    "names": ("archivist_names", analysis.names_terms),
}
CJK_SCRIPTS = {"han": 1, "hiragana": 2, "katakana": 4, "hangul": 8}  # CJKBigramFilter's flags
SNOWBALL = {"russian": "Russian", "porter2": "English"}  # OpenSearch's stemmer language: Snowball's name
UPPERCASE_FIRST = "Character.isUpperCase(token.term.charAt(0))"


def texts(limit: int | None = None) -> list[tuple[str, str]]:
    """(source, text) of the news sample (title and text), the language-ID set and the seeds;
    with a limit, that many spread over all of them."""
    found = []
    with open(DATA / "news-sample" / "articles.jsonl", encoding="utf-8") as f:
        found += [("news sample", d["title"] + "\n" + d["text"]) for d in map(json.loads, f)]
    with open(DATA / "langid" / "langid.jsonl", encoding="utf-8") as f:
        found += [("language-ID set", d["text"]) for d in map(json.loads, f)]
    found += [("seeds", p.read_text(encoding="utf-8")) for p in sorted((ROOT / "archive").glob("*.txt"))]
    found = [(source, text.replace("\r\n", "\n").replace("\r", "\n")) for source, text in found]
    if limit and limit < len(found):
        found = [found[i * len(found) // limit] for i in range(limit)]
    return found


def lucene_jars() -> list[Path]:
    """Lucene's core and analyzers-common jars in /usr/share/java, or [] when either is missing."""
    jars = [sorted(JARS.glob(f"lucene-{name}*.jar"))[:1] for name in ("core", "analyzers-common")]
    return [j[0] for j in jars] if all(jars) else []


def missing_tools() -> str:
    """Why the check cannot run here, or ""."""
    if not (shutil.which("javac") and shutil.which("java")):
        return "javac is not installed"
    if not lucene_jars():
        return f"Lucene's jars are not in {JARS}"
    return ""


def chain(settings: dict, name: str, workdir: Path) -> list[str]:
    """One analyzer of the settings as Check.java's steps (tab-separated lines); tables go to files
    in workdir. Fails on a step it has no Lucene class for."""
    spec = settings["analyzer"][name]
    assert spec["tokenizer"] == "standard", spec
    steps = []
    for key in spec.get("char_filter", []):
        char = settings["char_filter"][key]
        if char["type"] == "pattern_replace":
            steps.append(f"char\tpattern_replace\t{char['pattern']}\t{char.get('replacement', '')}")
        elif char["type"] == "mapping":
            (workdir / f"{key}.txt").write_text("\n".join(char["mappings"]) + "\n", encoding="utf-8")
            steps.append(f"char\tmapping\t{key}.txt")
        else:
            raise ValueError(f"no Lucene class for char filter {key}: {char}")
    for key in spec.get("filter", []):
        step = settings["filter"].get(key, {"type": key})
        kind = step["type"]
        if kind == "lowercase":
            steps.append("lowercase")
        elif kind == "cjk_bigram":
            flags = sum(flag for script, flag in CJK_SCRIPTS.items() if script not in step.get("ignored_scripts", []))
            steps.append(f"cjk_bigram\t{flags}")
        elif kind == "stop":
            (workdir / f"{key}.txt").write_text("\n".join(step["stopwords"]) + "\n", encoding="utf-8")
            steps.append(f"stop\t{key}.txt")
        elif kind == "keyword_marker":
            steps.append(f"keyword_marker\t{step['keywords_pattern']}")
        elif kind == "stemmer" and step["language"] in SNOWBALL:
            steps.append(f"snowball\t{SNOWBALL[step['language']]}")
        elif kind == "pattern_replace" and step.get("all", True):
            steps.append(f"pattern_replace\t{step['pattern']}\t{step.get('replacement', '')}")
        elif kind == "predicate_token_filter" and step["script"]["source"] == UPPERCASE_FIRST:
            steps.append("uppercase_first")
        else:
            raise ValueError(f"no Lucene class for filter {key}: {step}")
    return steps


def lucene_terms(found: list[tuple[str, str]], workdir: Path) -> list[dict[str, list[str]]]:
    """Each text's terms by field, from Lucene."""
    settings = analysis_settings()
    lines = []
    for analyzer, _ in FIELDS.values():
        lines += [f"analyzer\t{analyzer}", *chain(settings, analyzer, workdir)]
    (workdir / "analyzers.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (workdir / "texts.txt").write_text("".join(text.replace("\n", "\ue000") + "\n" for _, text in found),
                                       encoding="utf-8")
    classpath = ":".join(map(str, lucene_jars()))
    subprocess.run(["javac", "-nowarn", "-d", str(workdir), "-cp", classpath, str(JAVA_SOURCE)], check=True)
    subprocess.run(["java", "-cp", f"{workdir}:{classpath}", "Check", str(workdir)], check=True)
    out = (workdir / "terms.txt").read_text(encoding="utf-8").split("\n")[:-1]
    assert len(out) == len(FIELDS) * len(found), (len(out), len(found))
    return [{field: line.split(" ") if line else [] for field, line in zip(FIELDS, out[i:i + len(FIELDS)])}
            for i in range(0, len(out), len(FIELDS))]


def compare(found: list[tuple[str, str]], lucene: list[dict[str, list[str]]]) -> dict[str, dict]:
    """By field: Archivist's terms that Lucene also made (counted with repeats), texts whose terms
    are identical in order, and the terms only one of them made."""
    stats = {field: {"agree": 0, "terms": 0, "identical": 0, "texts": 0, "archivist_only": collections.Counter(),
                     "lucene_only": collections.Counter()} for field in FIELDS}
    for (_, text), theirs in zip(found, lucene):
        for field, (_, terms_of) in FIELDS.items():
            ours, st = terms_of(text)[0], stats[field]
            st["terms"] += len(ours)
            st["texts"] += 1
            if ours == theirs[field]:
                st["agree"] += len(ours)
                st["identical"] += 1
                continue
            a, b = collections.Counter(ours), collections.Counter(theirs[field])
            st["agree"] += sum((a & b).values())
            st["archivist_only"].update(a - b)
            st["lucene_only"].update(b - a)
    return stats


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.2f} %" if whole else "–"


def table(stats: dict[str, dict], shown: int = 3) -> str:
    out = ["| field | terms agreeing | texts identical | most common differences |", "| --- | --- | --- | --- |"]
    for field, st in stats.items():
        differences = "; ".join(
            f"{who} only: " + ", ".join(f"`{term}` ×{n}" for term, n in st[key].most_common(shown))
            for who, key in (("Archivist", "archivist_only"), ("Lucene", "lucene_only")) if st[key]) or "none"
        out.append(f"| {field} | {percent(st['agree'], st['terms'])} ({st['agree']:,} of {st['terms']:,}) | "
                   f"{percent(st['identical'], st['texts'])} ({st['identical']:,} of {st['texts']:,}) | "
                   f"{differences} |")
    return "\n".join(out) + "\n"


def section(stats: dict[str, dict], found: list[tuple[str, str]], info: dict, command: str) -> str:
    sources = collections.Counter(source for source, _ in found)
    lucene = lucene_jars()[0].stem.rsplit("-", 1)[-1]
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.split("\n")[0]
    return "\n".join([
        HEADING, "",
        f"`{command}`: the analyzers of `indexer/opensearch/analysis.py` built with Lucene {lucene}'s own "
        "classes (`bench/opensearch_analysis/Check.java`, Debian's `liblucene8-java`) and run over "
        f"{len(found):,} texts (" + ", ".join(f"{n:,} of the {source}" for source, n in sources.items()) +
        "); their terms against `indexer.analysis`'. Terms agreeing counts Archivist's terms that Lucene made "
        "too (with repeats); a text is identical when all its terms are, in order. Why they differ: "
        "docs/scale-out.md (\"Analysis is stock OpenSearch\").",
        f"Machine: {info['nproc']} cores ({info['cpu'] or 'unknown CPU'}), Python {info['python']}, {java}, "
        f"{time.strftime('%Y-%m-%d')}.", "",
        table(stats)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only this many texts, spread over the sources")
    parser.add_argument("--write", action="store_true", help=f'also rewrite "{HEADING[3:]}" in bench/RESULTS.md')
    args = parser.parse_args(argv)
    why = missing_tools()
    if why:
        print(f"Error: {why}; install a JDK and Lucene 8 with `{INSTALL}`.", file=sys.stderr)
        return 2
    found = texts(args.limit)
    with tempfile.TemporaryDirectory(prefix="archivist-lucene-") as workdir:
        try:
            lucene = lucene_terms(found, Path(workdir))
        except subprocess.CalledProcessError as e:
            print(f"Error: {' '.join(e.cmd[:1])} failed (exit {e.returncode}); see its output above.", file=sys.stderr)
            return 1
    stats = compare(found, lucene)
    print(table(stats), end="")
    if args.write:
        from run_all import machine, replace_section_named

        command = "python bench/opensearch_analysis.py" + (f" --limit {args.limit}" if args.limit else "")
        text = section(stats, found, machine(), command)
        RESULTS.write_text(replace_section_named(RESULTS.read_text() if RESULTS.exists() else "", HEADING, text))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
