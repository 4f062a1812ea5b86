"""Quote extraction with speaker attribution, for English and Russian news text.

In: an article's paragraphs (one string each) and its language code.
Out: a list of `Quote` (text, speaker's full name, role, 1-based paragraph where it starts), in text order.

One concept per module, each depending only on those listed before it:
rules (the language's rule data, `Span`, `Person`, clause boundaries), names (name runs, word classes),
people (`Context`: who each paragraph names), narration (the article's own voice or a speaker's),
speaker (`parse_speaker`: the speaker a phrase names), marks (`find_spans`: quotations found),
russian_rules (Russian forms of attribution), clauses (the attribution clause next to a quotation),
nearest (the person a pronoun means), gender (whom a pronoun's or a verb's
gender allows), resolution (`resolve`: a parsed speaker made one of the article's
people) and extract (`extract_quotes`: the whole article).
"""
from indexer.quotes.extract import DEFAULT_MODEL, extract_quotes
from indexer.quotes.names import HONORIFICS, ORGANISATION_HEADS
from indexer.quotes.rules import load_rules

__all__ = ["DEFAULT_MODEL", "HONORIFICS", "ORGANISATION_HEADS", "extract_quotes", "load_rules"]
