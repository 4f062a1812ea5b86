"""A small run of bench/spelling.py on the seed index: both suggesters answer, and the speller
gives back at least as many of the misspelt words as Whoosh's automaton did."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import spelling  # noqa: E402


def test_spelling_bench_runs_and_the_speller_is_no_worse(index_dir):
    result = spelling.run(index_dir, n_words=40, seed=3)
    assert 20 <= result["words"] <= 40  # four articles hold few words in 3+ of them
    assert result["vocabulary"] > 500
    assert result["speller_gives_the_word"] >= result["whoosh_gives_the_word"]
    assert result["speller_gives_the_word"] >= 0.6
