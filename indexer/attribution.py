"""Speaker attribution as a learned choice among candidates: the rules propose, a model picks.

In: a quote the rules judged (its span, their speaker and how they found it) and the article's context.
Out: the speaker, chosen among candidates (the rules' choice, every name written around the quote, the
previous speaker, the article's protagonist, or no one) by a conditional logistic model whose weights
are data/attribution.json, written by tools/train_attribution.py from the dev part of the quote gold.
No such file ships: the model did not beat the rules on unseen text (see the script), so they choose.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from indexer import russian
from indexer.quotes.clauses import (
    ADDRESSING_VERBS, attribute_after, attribute_before, attribute_previous_paragraph, attribute_previous_sentence,
)
from indexer.quotes.names import (
    ORGANISATION_HEADS, _is_city, _speaker_run, is_common_word, is_place, name_runs, person_name,
)
from indexer.quotes.nearest import nearest_person
from indexer.quotes.people import Context, _person_like, _person_of, _surname, full_name
from indexer.quotes.resolution import nominative_name, protagonist, resolve
from indexer.quotes.rules import SENTENCE_END, Person, Span, clause_after, clause_before

MODEL_FILE = Path(__file__).parent / "data" / "attribution.json"
WINDOW_BEFORE = 3  # paragraphs before the quote whose names are candidates
WINDOW_AFTER = 1
HOWS = ("after", "before", "inner", "dash", "sentence", "paragraph", "previous", "partial")
# Quoted text is no place to look for who speaks: blanked, its offsets kept.
QUOTED = re.compile(r"«[^«»]*»|[\"“„][^\"“”„]*[\"”“]")


@dataclass
class Mention:
    """A name written in the article, outside quotation marks."""

    paragraph: int
    start: int
    end: int
    words: tuple[str, ...]


@dataclass
class Candidate:
    """Someone who may have said the quote, with what the text tells about it."""

    person: Person
    features: dict[str, float]
    source: str  # "rule", "hypothesis", "mention", "last", "protagonist" or "none"


@dataclass
class Model:
    """Feature weights of a conditional logit: the candidate of highest score speaks."""

    weights: dict[str, float]
    meta: dict = field(default_factory=dict)

    def score(self, features: dict[str, float]) -> float:
        return sum(self.weights.get(k, 0.0) * v for k, v in features.items())

    def vector(self, names: list[str]) -> np.ndarray:
        return np.array([self.weights.get(k, 0.0) for k in names])


def load_model(path: Path = MODEL_FILE) -> Model | None:
    """The shipped model, or None where the file is absent (then the rules' choice stands)."""
    return _load_model(str(path))


@lru_cache(maxsize=4)
def _load_model(path: str) -> Model | None:
    p = Path(path)
    if not p.exists():
        return None
    data = json.loads(p.read_text(encoding="utf-8"))
    return Model(data["weights"], {k: v for k, v in data.items() if k != "weights"})


# ---------------------------------------------------------------- mentions


def mentions_in(ctx: Context, n: int) -> list[Mention]:
    """The names of paragraph n outside its quotations: read once per article."""
    cache = ctx.mentions
    if n not in cache:
        text = QUOTED.sub(lambda m: " " * len(m.group()), ctx.paragraphs[n])
        found = []
        for run in name_runs(text, ctx.rules):
            checked = _speaker_run(run, ctx.rules, text)
            if checked:
                found.append(Mention(n, checked[0], checked[1], tuple(checked[2])))
        cache[n] = found
    return cache[n]


def person_of(words: tuple[str, ...], ctx: Context) -> Person:
    """The person a mention names, in full where the article names them so, Russian in the nominative."""
    key = ("person", words)
    if key not in ctx.mentions:
        name = person_name(list(words), False, ctx.rules)
        if ctx.rules.lang == "ru":
            name = nominative_name(name, ctx)
        ctx.mentions[key] = (full_name(name, ctx) if len(name.split()) == 1 else None) or _person_of(name.split(), ctx)
        if ctx.rules.lang == "ru" and ctx.mentions[key].name != name and len(name.split()) > 1:
            ctx.mentions[key] = Person(name, ctx.mentions[key].role)
    return ctx.mentions[key]


def same_person(a: str, b: str) -> bool:
    """Two written names of one person: the same, or the same surname (a Russian ending aside)."""
    if not a or not b:
        return False
    if a == b:
        return True
    sa, sb = _surname(a).lower(), _surname(b).lower()
    short, long_ = sorted((sa, sb), key=len)
    return sa == sb or len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 2


def article_count(ctx: Context, person: Person) -> int:
    key = ("count", person.name)
    if key not in ctx.mentions:
        stem = _surname(person.name)
        if ctx.rules.lang == "ru" and len(stem) > 4:
            stem = stem[:-1]
        ctx.mentions[key] = sum(p.count(stem) for p in ctx.paragraphs)
    return ctx.mentions[key]


# ---------------------------------------------------------------- features


def _words_before(text: str, start: int, k: int) -> list[str]:
    return re.findall(r"[\w'’-]+", text[max(0, start - 80) : start].lower())[-k:]


def _words_after(text: str, end: int, k: int) -> list[str]:
    return re.findall(r"[\w'’-]+", text[end : end + 80].lower())[:k]


def _own_features(m: Mention, ctx: Context) -> dict[str, float]:
    """What the words around a mention say wherever the quote is: read once per mention."""
    key = ("own", m.paragraph, m.start)
    if key in ctx.mentions:
        return ctx.mentions[key]
    rules = ctx.rules
    text = ctx.paragraphs[m.paragraph]
    f: dict[str, float] = {}
    left, right = _words_before(text, m.start, 2), _words_after(text, m.end, 2)
    f["verb_before"] = float(any(rules.is_verb(w) for w in left[-1:]))
    f["verb_after"] = float(any(rules.is_verb(w) for w in right[:2]))
    f["addressed"] = float(any(w in ADDRESSING_VERBS for w in left))
    f["after_preposition"] = float(bool(left) and left[-1] in rules.prepositions)
    sentence_start = max([0] + [x.end() for x in SENTENCE_END.finditer(text[: m.start])])
    f["opens_sentence"] = float(len(text[sentence_start : m.start].split()) <= 1)
    f["possessive"] = float(text[m.end : m.end + 2] in ("'s", "’s"))
    f["comma_after"] = float(text[m.end : m.end + 1] == ",")
    if rules.lang == "ru":
        f["oblique"] = float(not russian.can_be_nominative(list(m.words)))
        case, _ = russian.name_case(list(m.words))
        f[f"case_{case}"] = 1.0
    f["written_in_full"] = float(len(m.words) >= 2)
    ctx.mentions[key] = f
    return f


def mention_features(m: Mention, span: Span, ctx: Context, clause: tuple[int, int]) -> dict[str, float]:
    """What the text around one mention says of it as the speaker of the quote at `span`."""
    rules = ctx.rules
    text = ctx.paragraphs[m.paragraph]
    f: dict[str, float] = {}
    before = (m.paragraph, m.start) < (span.paragraph, span.start)
    d = m.paragraph - span.paragraph if before else m.paragraph - span.end_paragraph
    f["before"] = float(before)
    if d == 0:
        f["same_paragraph"] = 1.0
        gap = text[m.end : span.start] if before else text[span.end : m.start]
        f["words_between"] = math.log1p(len(gap.split()))
        f["in_clause"] = float(clause[0] <= m.start < clause[1])
        f["adjacent"] = float(len(gap.split()) <= 3)
        # `Матиас сказал: «`, `», — сказал его представитель Боб Зафиан`: a verb of speech links them
        f["verb_between"] = float(any(rules.is_verb(w) for w in gap.split()[:12]))
        f["names_between"] = float(any(x.paragraph == m.paragraph and (m.end <= x.start < span.start if before else span.end <= x.start < m.start)
                                       for x in mentions_in(ctx, m.paragraph)))
        f["sentence_break_between"] = float(SENTENCE_END.search(gap) is not None)
    else:
        f[f"paragraph_{max(-3, min(1, d))}"] = 1.0
        if d == -1 and not text[m.end :].strip(" .") or d == -1 and text.rstrip().endswith((":", ",")) \
                and not SENTENCE_END.search(text[m.end :].rstrip()[:-1]):
            f["intro_last_sentence"] = 1.0  # the sentence that introduces the next paragraph
    f.update(_own_features(m, ctx))
    return f


def name_features(person: Person, ctx: Context) -> dict[str, float]:
    """What a name itself tells: a person's full name, a body, a place or a phrase of common words."""
    key = ("name", person.name, person.role)
    if key not in ctx.mentions:
        ctx.mentions[key] = _name_features(person, ctx)
    return ctx.mentions[key]


def _name_features(person: Person, ctx: Context) -> dict[str, float]:
    words = person.name.split()
    rules = ctx.rules
    f = {"multiword": float(len(words) >= 2), "has_role": float(bool(person.role)),
         "article_count": math.log1p(article_count(ctx, person)),
         "person_like": float(_person_like(words, ctx)),
         "organisation": float(words[-1].lower() in ORGANISATION_HEADS),
         "acronym": float(any(w.isupper() and len(w) > 1 for w in words)),
         "lowercase": float(person.name[:1].islower()),
         "placelike": float(any(is_place(w) or _is_city(w) for w in words))}
    if rules.lang == "ru":
        f["name_part"] = float(any(russian.is_name_part(w) for w in words))
        f["geo"] = float(any(russian.is_geo(w) for w in words))
    else:
        f["common_words"] = float(all(is_common_word(w, rules) for w in words))
    return f


def hypotheses(span: Span, ctx: Context) -> list[tuple[str, Person]]:
    """What each rule of attribution says on its own, where the rules' cascade took only the first that
    spoke: the clause after the quote, the one before it, the previous sentence and paragraph, the
    subject nearest before it."""
    rules = ctx.rules
    text = ctx.paragraphs[span.paragraph]
    end_text = ctx.paragraphs[span.end_paragraph]
    remembered = list(ctx.remembered)  # resolving a name remembers it: these guesses leave no trace
    found = []
    if not span.block and not span.dash:
        after = clause_after(end_text, span.end)
        at_end = not end_text[span.end + len(after) :].strip(" .")
        found.append(("after", attribute_after(after, span.text, at_end, rules)))
        found.append(("before", attribute_before(clause_before(text, span.start, 0), rules)))
        if text[: span.start].strip():
            found.append(("sentence", attribute_previous_sentence(text[: span.start], rules)))
    if span.paragraph > 0 and (span.block or not text[: span.start].strip()):
        found.append(("paragraph", attribute_previous_paragraph(ctx.paragraphs[span.paragraph - 1], rules)))
    out = [(name, resolve(*f, ctx, span.paragraph, span.start)) for name, f in found if f and f[0] not in ("", "unknown")]
    out.append(("subject", nearest_person(ctx, span.paragraph, span.start, subjects_only=True) or Person("")))
    out.append(("nearest", nearest_person(ctx, span.paragraph, span.start) or Person("")))
    ctx.remembered[:] = remembered
    return out


def candidates(span: Span, how: str, rule: Person, ctx: Context, last: Person | None,
               last_paragraph: int) -> list[Candidate]:
    """Who may have said the quote at `span`: no one, or one of the people named in the window around it,
    the rules' choice, the previous speaker, the protagonist; each person once, with the features of
    its nearest mention and of its name (the language's copy beside the shared one, so the model may
    weigh a cue apart in each language)."""
    text = ctx.paragraphs[span.paragraph]
    before = clause_before(text, span.start, 0)
    end_text = ctx.paragraphs[span.end_paragraph]
    after = clause_after(end_text, span.end)
    clause = (span.start - len(before), span.end + len(after)) if span.paragraph == span.end_paragraph else (span.start - len(before), span.start)
    people: list[Candidate] = []

    def add(person: Person, features: dict[str, float], source: str) -> Candidate:
        for c in people:
            if same_person(c.person.name, person.name):
                for k, v in features.items():
                    if k not in c.features:
                        c.features[k] = v
                return c  # the first reading of the name stands: the rules', which come first
        people.append(Candidate(person, dict(features), source))
        return people[-1]

    if rule.name:
        add(rule, {"rule": 1.0, f"rule_{how}": 1.0}, "rule")
    for name, person in hypotheses(span, ctx):
        if person.name:
            add(person, {f"says_{name}": 1.0}, "hypothesis")
    near = []
    for n in range(max(0, span.paragraph - WINDOW_BEFORE), min(len(ctx.paragraphs), span.end_paragraph + WINDOW_AFTER + 1)):
        for m in mentions_in(ctx, n):
            if n == span.paragraph and span.start <= m.start < (span.end if span.end_paragraph == n else len(text)):
                continue  # inside the quotation
            near.append(m)
    # nearest first: a person's features are those of the mention nearest the quote
    near.sort(key=lambda m: (abs(m.paragraph - span.paragraph), 0 if m.paragraph != span.paragraph else abs(m.start - span.start)))
    for m in near:
        person = person_of(m.words, ctx)
        if person.name:
            c = add(person, mention_features(m, span, ctx, clause), "mention")
            c.features["mentions_near"] = c.features.get("mentions_near", 0.0) + 1.0
    recent = last if last is not None and last.name and span.paragraph - last_paragraph <= 2 else None
    if recent is not None:
        add(recent, {"was_last_speaker": 1.0}, "last")
    if "protagonist" not in ctx.mentions:  # whom the article is about: counted once
        ctx.mentions["protagonist"] = protagonist(ctx)
    hero = ctx.mentions["protagonist"]
    if hero is not None:
        add(hero, {"is_protagonist": 1.0}, "protagonist")
    for c in people:
        if "same_paragraph" not in c.features and not any(k.startswith("paragraph_") for k in c.features):
            c.features["not_near"] = 1.0
        c.features["mentions_near"] = math.log1p(c.features.get("mentions_near", 0.0))
        c.features.update(name_features(c.person, ctx))
    out = [Candidate(Person(""), {"none": 1.0, "none_rule_empty": float(not rule.name)}, "none")] + people
    lang = ctx.rules.lang
    for c in out:
        c.features.update({f"{lang}:{k}": v for k, v in list(c.features.items())})
    return out


def choose(cands: list[Candidate], model: Model) -> Candidate:
    """The candidate of highest score (the first on a tie: no one, then the rules' choice)."""
    scores = [model.score(c.features) for c in cands]
    return cands[max(range(len(cands)), key=lambda i: (scores[i], -i))]
