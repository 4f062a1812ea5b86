"""What every step of quote extraction shares: a language's rule data and the records the steps pass.

In: a language code (`load_rules` reads data/speech_verbs.json), or a text and an offset.
Out: `Rules`, the records `Span` (a quotation) and `Person` (a speaker), the shared marks and patterns,
and the clause around a quotation mark (`clause_before`, `clause_after`) with its first verb (`find_verb`).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from indexer import russian

RULES_FILE = Path(__file__).parents[1] / "data" / "speech_verbs.json"
MIN_WORDS = 4  # shorter quoted phrases are scare quotes or names, not quotes
CLAUSE_CHARS = 600  # the farthest an attribution clause reaches back from a quotation mark
DOUBLE_MARKS = '"“”„'
ARTICLES = {"the", "a", "an"}  # not part of a role: `the director` is `director`
QUOTE_MARK = re.compile(f"[«»{DOUBLE_MARKS}]")
DASHES = "–—-"
WORD = re.compile(r"[\w'’.#@\[\]-]+")
DASH_SEPARATOR = re.compile(r"(?:[,!?…]|\.\.\.|\.)\s+[–—-]\s+(?=\S)")
# Abbreviated titles stand before a name and never end a sentence (`said Rep. Brian Babin`).
TITLE_ABBREVIATIONS = ("Mr", "Ms", "Dr", "St", "Mrs", "Rep", "Sen", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt", "Cmdr",
                       "Adm", "Supt", "Atty", "Pres", "Prof", "Rev", "Hon", "Jr", "Sr",  # `James Kennedy Jr. said`
                       "Maj", "Brig", "Cpl", "Pvt", "Det", "Insp", "Msgr", "Amb", "Fr")  # `a spokesman, Maj. Rob Lodewick,`
# An initial (`J.`, `U.S.`) ends no sentence; an acronym does (`on their TV. The key`)
# (the lookahead first: the lookbehinds are tried only where a sentence may end, not at every character)
# nor does a period the next word goes on from in lowercase (`Acme Corp. said`, `approx. five`; not `iKalyanam`)
SENTENCE_END = re.compile(r"(?=[.!?;](?:\s|$))(?!\.\s+[a-zа-яё]+[\s,;:])(?<!\b[A-ZА-ЯЁ])" + "".join(rf"(?<!\b{a})" for a in TITLE_ABBREVIATIONS) + r"[.!?;](?=\s|$)")


@dataclass
class Rules:
    """The rule data of one language (see data/speech_verbs.json)."""

    lang: str
    verbs: set[str]
    according: list[str]
    pronouns: set[str]
    role_nouns: set[str]
    role_synonyms: dict[str, list[str]]
    stop_words: set[str]
    role_words: set[str]
    name_links: set[str]
    title_nouns: set[str]
    conjunctions: set[str] = field(default_factory=set)
    prepositions: set[str] = field(default_factory=set)
    verb_lemmas: frozenset[str] = frozenset()  # Russian: any form of these verbs (отшутиться -> отшутилась)
    body_nouns: frozenset[str] = frozenset()  # Russian: common nouns that name a body (пресс-служба, полиция)
    # Role nouns of five letters or more match by stem, their last letter off
    # (`директор` finds `директора`).
    role_stems: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        self.role_stems = tuple(n[:-1] for n in self.role_nouns if len(n) > 4)

    def is_verb(self, word: str) -> bool:
        return _is_verb(self.lang, word)


@dataclass
class Span:
    """A top-level quotation: where it opens and closes, and its text."""

    paragraph: int  # 0-based, where it opens
    start: int  # offset of the opening mark in that paragraph
    end_paragraph: int  # 0-based, where it closes (or stops)
    end: int  # offset just after the closing mark in end_paragraph
    text: str
    dash: bool = False  # dialogue-dash quote (attribution already parsed)
    block: bool = False  # a paragraph of speech without marks, introduced by a colon
    continued: bool = False  # `"Amazing," Davis said. "To be able ..."`: another quotation goes on after the attribution
    speaker_phrase: str = ""  # for dash quotes: the attribution clause


@dataclass
class Person:
    name: str
    role: str = ""
    where: tuple[int, int] = (10**9, 0)  # (paragraph, offset) of its first mention


# The endings a Russian finite verb, infinitive or short participle can have: other words are not
# looked up in the dictionary at all.
RUSSIAN_VERB_SHAPE = re.compile(r"(?:л|ла|ло|ли|лся|лась|лось|лись|[еёиуюая]т|[еёиуюая]тся|ть|ться|ти|ешь|ишь|ен|ена)$")


@lru_cache(maxsize=100_000)
def _is_verb(lang: str, word: str) -> bool:
    rules = load_rules(lang)
    word = word.lower().strip(",.:;")
    if word in rules.verbs:
        return True
    return (bool(rules.verb_lemmas) and word.isalpha() and RUSSIAN_VERB_SHAPE.search(word) is not None
            and not rules.verb_lemmas.isdisjoint(russian.lemmas(word)))


@lru_cache(maxsize=None)
def load_rules(lang: str) -> Rules | None:
    data = json.loads(RULES_FILE.read_text(encoding="utf-8")).get(lang)
    if not data:
        return None
    if "verb_stems" in data:
        verbs = {s + e for s in data["verb_stems"] for e in data["verb_endings"]}
    else:
        verbs = set(data["verbs"])
    return Rules(
        lang=lang,
        verbs=verbs,
        according=data["according"],
        pronouns=set(data["pronouns"]),
        role_nouns=set(data["role_nouns"]),
        role_synonyms=data["role_synonyms"],
        stop_words=set(data["name_stop_words"]),
        role_words=set(data["role_words"]),
        name_links=set(data["name_links"]),
        title_nouns=set(data["title_nouns"]),
        conjunctions=set(data.get("conjunctions", [])),
        prepositions=set(data.get("prepositions", [])),
        verb_lemmas=frozenset(data.get("verb_lemmas", [])),
        body_nouns=frozenset(data.get("body_nouns", [])),
    )


@lru_cache(maxsize=None)
def _all_rules() -> tuple[Rules, ...]:
    return tuple(load_rules(lang) for lang in ("en", "ru"))


def find_verb(words: list[str], rules: Rules) -> int:
    for i, w in enumerate(words):
        if rules.is_verb(w):
            return i
    return -1


def clause_after(text: str, end: int) -> str:
    """The attribution clause after a closing mark: up to the sentence end or the next quote."""
    rest = re.sub(r"«[^«».!?]{1,60}»", lambda m: "_" * len(m.group()), text[end : end + CLAUSE_CHARS])  # short titles in the clause
    # and short capitalised titles in English marks (`the "Pose" actor previously said on "DWTS."`)
    rest = re.sub(r"(?<=\s)[\"“][A-Z][^\"“”.!?,]{0,30}[.,]?[\"”](?=[\s.,])",
                  lambda m: "_" * len(m.group()) if len(m.group().split()) <= 3 else m.group(), rest)
    stop = len(rest)
    m = SENTENCE_END.search(rest, 1 if rest[:1] in ".!?;" else 0)
    if m:
        stop = m.start()
    q = re.search(r"[\"“”„«]", rest)
    if q and q.start() < stop:
        stop = q.start()
    return rest[:stop]


def clause_before(text: str, start: int, floor: int) -> str:
    """The text of the sentence before an opening mark, from `floor` at the earliest."""
    head = text[max(floor, start - CLAUSE_CHARS) : start]  # a longer "clause" is no attribution: keeps this linear
    ends = list(SENTENCE_END.finditer(head))
    return head[ends[-1].end() :] if ends else head


# `по её словам`, `in his words`: the speaker is who the pronoun points to
POSSESSIVE_ACCORDING = re.compile(r"\b(?:по\s+(его|её|ее|их)\s+(?:словам|мнению)|in\s+(his|her|their)\s+(?:own\s+)?words)\b", re.I)
POSSESSOR = {"его": "он", "её": "она", "ее": "она", "их": "они", "his": "he", "her": "she", "their": "they"}


def _first_verb(words: list[str], rules: Rules) -> int:
    """The index of the first verb of a clause: any finite verb in Russian (of four letters or more: `дел` is
    `дело`'s genitive more often than `деть`), a verb of speech in English; -1 if none."""
    for k, word in enumerate(words):
        if rules.is_verb(word) or rules.lang == "ru" and len(word.strip(",.;:")) > 3 \
                and russian.is_finite_verb(word.strip(",.;:")):
            return k
    return -1


BRACKETED = re.compile(r"\s*\[[^\]]{1,20}\]")  # `[Fr]`, `[es]`: a link's language on blogs
