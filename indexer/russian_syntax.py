"""Who speaks in a Russian attribution sentence, read off natasha's dependency parse and named entities.

In: the sentence that introduces or follows a quotation, the quotation itself replaced by QUOTE, and a
test for speech verbs. Out: (kind, name, role) as `indexer.quotes` resolves it (`name` for a person,
`body` for an organisation, `role`, `pronoun`), the name in the nominative; or None when the verb of
speech nearest the quotation (or, in `governor_subject`, the verb it depends on) has no such subject.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

QUOTE = "«Цитата»"  # stands for the quoted words: the parse sees a short quotation, never the words' own verbs
QUOTE_WORD = QUOTE.strip("«»")
SUBJECT_RELATIONS = ("nsubj", "nsubj:pass")
# what belongs to a subject's noun phrase (`официальный представитель МИД России Мария Захарова`)
PHRASE_RELATIONS = {"amod", "nmod", "conj", "flat:name", "flat", "flat:foreign", "appos", "compound", "nummod", "case", "det"}
QUOTING_VERBS = ("цитиру", "процитир", "привод", "привел", "привёл", "переда")
RELATIVE_PRONOUNS = {"который", "которая", "которые", "кто"}
PERSON_PRONOUNS = {"он", "она", "они", "я", "мы"}


@lru_cache(maxsize=1)
def models():
    """natasha's segmenter, morphology, syntax and NER models (in the package, offline), loaded once a
    process, on the first Russian quotation it meets: about 1 s and 270 MB.

    Their matrix products are small: OpenBLAS is held to one thread in this process, for with its
    default of a thread a core, two index workers parsing at once wait on each other's threads and a
    sentence takes 250 ms instead of 4."""
    from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")

    embedding = NewsEmbedding()
    return Segmenter(), MorphVocab(), NewsMorphTagger(embedding), NewsSyntaxParser(embedding), NewsNERTagger(embedding)


@lru_cache(maxsize=1024)  # the same sentence again: a near-copy of an article
def parse(sentence: str):
    """natasha's Doc of a sentence: tokens tagged and parsed (named entities: `entities`)."""
    from natasha import Doc

    segmenter, _, morph, syntax, _ = models()
    doc = Doc(sentence)
    doc.segment(segmenter)
    doc.tag_morph(morph)
    doc.parse_syntax(syntax)
    return doc


@lru_cache(maxsize=1024)
def entities(sentence: str) -> list[Named]:
    """The sentence's PER / ORG / LOC spans in the nominative, a name cut in two joined; run only where a
    subject has a capitalised word (a third of a parse's time)."""
    _, vocab, _, _, ner = models()
    doc = parse(sentence)
    doc.tag_ner(ner)
    for span in doc.spans:
        span.normalize(vocab)
    return _joined(doc.spans, doc.tokens)


def speaker(sentence: str, is_speech_verb: Callable[[str], bool], body_nouns: frozenset[str] = frozenset()
            ) -> tuple[str, str, str] | None:
    """The subject of the verb of speech nearest the quotation (QUOTE in `sentence`), as (kind, name,
    role). body_nouns: common nouns that name a body (`пресс-служба`, `полиция`)."""
    found = _located(sentence)
    if found is None:
        return None
    doc, quote, by_id = found
    tokens = doc.tokens
    at = sentence.index(QUOTE)
    verbs = [i for i, t in enumerate(tokens) if t.pos in ("VERB", "AUX") and is_speech_verb(t.text)
             and not at <= t.start < at + len(QUOTE)]
    for i in sorted(verbs, key=lambda i: abs(i - quote)):
        if tokens[i].text.lower().startswith(QUOTING_VERBS):
            return None  # `цитирует Infox.ru пресс-службу`: the one quoted is the object; the rules know it
        subject = _subject(tokens[i], tokens, by_id)
        if subject is not None:
            return _phrase(subject, tokens, sentence, body_nouns)
    if verbs:
        return _dropped_subject(tokens[min(verbs, key=lambda i: abs(i - quote))])
    return None


def _dropped_subject(verb) -> tuple[str, str, str] | None:
    """`Также заявил, что «...»`, `Кроме того, добавила:`: a verb of speech in the past singular with no subject at
    all speaks for the one the text was about, as `он` or `она` would (its gender says which); not a plural
    (`сообщили`: a body's report), a neuter (`было заявлено`) nor a reflexive (`отмечалась «...»`: the quotation
    is what was said)."""
    feats = verb.feats or {}
    if feats.get("VerbForm") != "Fin" or feats.get("Tense") != "Past" or feats.get("Number") != "Sing" \
            or verb.text.lower().endswith(("ся", "сь")):
        return None
    pronoun = {"Masc": "он", "Fem": "она"}.get(feats.get("Gender"))
    return ("pronoun", pronoun, "") if pronoun else None


def governor_subject(sentence: str, body_nouns: frozenset[str] = frozenset()) -> tuple[str, str, str] | None:
    """Where no verb of speech introduces the quotation: the subject of the nearest verb it depends on
    (`Си Цзиньпин назвал Маркса «...»`, `Трамп призвал не допустить, чтобы оружие «...»`)."""
    found = _located(sentence)
    if found is None:
        return None
    doc, quote, by_id = found
    tokens = doc.tokens
    seen = set()
    token = by_id.get(tokens[quote].head_id) if tokens[quote].text == "«" else tokens[quote]
    while token is not None and token.id not in seen:
        seen.add(token.id)
        if token.pos == "VERB" and token.text.lower().startswith(QUOTING_VERBS):
            return None
        if token.pos == "VERB":
            subject = _subject(token, tokens, by_id)
            if subject is not None:
                return _phrase(subject, tokens, sentence, body_nouns)
        token = by_id.get(token.head_id)
    return None


def _located(sentence: str):
    """The sentence parsed, the index of the quotation's first token, and the tokens by id; None
    without a quotation."""
    if QUOTE not in sentence:
        return None
    doc = parse(sentence)
    at = sentence.index(QUOTE)
    quote = next((i for i, t in enumerate(doc.tokens) if t.start >= at), None)
    return None if quote is None else (doc, quote, {t.id: t for t in doc.tokens})


def _subject(verb, tokens, by_id):
    """The verb's nominal subject; the subject of the verb it is coordinated with (`встал и сказал`);
    for `который` the noun the relative clause tells of (`Бекенбауэра, который отшучивается`)."""
    for candidate in (verb, by_id.get(verb.head_id) if verb.rel == "conj" else None):
        if candidate is None:
            continue
        subject = next((t for t in tokens if t.head_id == candidate.id and t.rel in SUBJECT_RELATIONS
                        and t.text != QUOTE_WORD), None)  # (`подчеркнуло, что «Цитата»`: the quotation is no subject)
        if subject is not None and subject.text.lower() in RELATIVE_PRONOUNS and candidate.rel == "acl:relcl":
            return _antecedent(subject, by_id.get(candidate.head_id), tokens)
        if subject is not None:
            return subject
    return _matrix_subject(verb, tokens, by_id)


# a clause whose verb has no subject of its own: Russian drops the one it shares with the clause it hangs from
# (`пресс-служба разослала сообщение, в котором уведомила, что ...`, `он пообещал сделать ...`)
DROPPED_SUBJECT_RELATIONS = ("acl:relcl", "xcomp", "advcl", "ccomp")


def _matrix_subject(verb, tokens, by_id):
    """The subject of the nearest verb above a subjectless clause (through the noun a relative clause tells of),
    climbing at most three heads; never a relative pronoun's antecedent (the rules read those)."""
    token = verb
    for _ in range(3):
        if token.rel not in DROPPED_SUBJECT_RELATIONS:
            return None
        head = by_id.get(token.head_id)
        if head is not None and head.pos in ("NOUN", "PROPN") and token.rel == "acl:relcl":
            head = by_id.get(head.head_id)  # `сообщение, в котором уведомила`: the verb the noun belongs to
        if head is None or head.pos not in ("VERB", "AUX"):
            return None
        subject = next((t for t in tokens if t.head_id == head.id and t.rel in SUBJECT_RELATIONS and t.text != QUOTE_WORD), None)
        if subject is not None:
            return None if subject.text.lower() in RELATIVE_PRONOUNS else subject
        token = head
    return None


def _antecedent(pronoun, noun, tokens):
    """Who `который` is: the last noun before it in the phrase its clause hangs from (`наследником
    Бекенбауэра, который`: Бекенбауэр), else that phrase's head."""
    if noun is None:
        return None
    before = [t for t in _subtree(noun, tokens) if t.start < pronoun.start and t.pos in ("NOUN", "PROPN")]
    return before[-1] if before else noun


def _subtree(head, tokens) -> list:
    """The head and the tokens that hang from it by noun-phrase relations, in text order."""
    inside = {head.id}
    grew = True
    while grew:
        grew = False
        for t in tokens:
            if t.id not in inside and t.head_id in inside and t.rel in PHRASE_RELATIONS:
                inside.add(t.id)
                grew = True
    return [t for t in tokens if t.id in inside]


def _phrase(head, tokens, text: str, body_nouns: frozenset[str]) -> tuple[str, str, str] | None:
    """A subject as (kind, name, role): the person or organisation the NER finds as the phrase's head or
    in apposition to it (the role is the words before the name; a name in the genitive, `адвокат
    Алёхиной`, `президент Фонда`, is the role's complement, not who speaks), a pronoun, a name the NER
    does not know, a body (`пресс-служба МВД`) or a role (`представитель ведомства`)."""
    from indexer import russian

    if head.text == QUOTE_WORD:
        return None  # the quotation's placeholder is nobody
    if head.pos == "PRON":
        word = head.text.lower()
        return ("pronoun", word, "") if word in PERSON_PRONOUNS else None
    quoted = [t for t in tokens if t.text == QUOTE_WORD]
    phrase = [t for t in _subtree(head, tokens)  # (the quotation's placeholder and its marks are no part of a name)
              if not any(abs(t.start - q.start) <= 1 or abs(t.start - q.stop) <= 1 or t.id == q.id for q in quoted)]
    start, stop = phrase[0].start, phrase[-1].stop
    spans = entities(text) if any(t.text[:1].isupper() for t in phrase) else []
    named = [s for s in spans if start <= s.start and s.stop <= stop and _is_subject(s, head, tokens)
             and s.text.strip("«»") != QUOTE_WORD]  # (the quotation's placeholder is no name)
    person = next((s for s in named if s.type == "PER"), None)
    if person is not None:
        role = text[start : person.start].strip(" ,–—-") if start < person.start else ""
        words = person.normal.split()
        while len(words) > 2 and _role_word(words[0].lower()):  # `Писатель-сатирик Лион Измайлов`: the NER took the role in
            role, words = f"{role} {words[0]}".strip(), words[1:]
        return "name", " ".join(words), " ".join(role.split())
    body = next((s for s in named if s.type == "ORG"), None)
    if body is not None:
        return "body", body.normal, ""
    if any(s.type == "LOC" and s.start <= head.start < s.stop for s in spans):
        return None  # a place is never who speaks (`Россия заявила`: the rules decide)
    words = [t.text.lower() for t in phrase if t.start >= head.start and t.pos != "ADP"]
    noun = words[0]
    if noun in body_nouns or any(lemma in body_nouns for lemma in russian.lemmas(noun)):
        # a common noun, lowercase even where it opens the sentence: resolve() completes it (`федерация футбола`)
        return "body", " ".join([noun] + [t.text for t in phrase if t.start > head.start and t.pos != "ADP"]), ""
    if _role_word(noun):  # `индонезиец`, `представитель ведомства`, `Пародистка` opening the sentence
        return "role", " ".join(words[:2]), ""  # as the rules name a role: its noun and the word after
    if head.pos == "PROPN":  # a name the NER does not know (`Балахничев`, `Си Цзиньпин`): resolve() vets it
        at = phrase.index(head)
        names = [head.text]
        for t in phrase[at + 1 :]:  # the capitalised words that go on from it
            if t.pos != "PROPN" or t.rel not in ("flat:name", "flat", "appos"):
                break
            names.append(t.text)
        return "name", " ".join(russian.nominative_name(names)), ""
    return None


def _role_word(word: str) -> bool:
    """A common noun for a person (`представитель`, `писатель-сатирик`; `пародистка`, which the dictionary
    only guesses), never a name part."""
    from indexer import russian

    if russian.is_person_noun(word) or "-" in word and all(russian.is_person_noun(w) for w in word.split("-")):
        return True
    guesses = russian.parses(word)
    return bool(guesses) and not guesses[0].is_known and guesses[0].tag.POS == "NOUN" and "anim" in guesses[0].tag.grammemes \
        and guesses[0].tag.case == "nomn" and not any(russian.NAME_TAGS & p.tag.grammemes for p in guesses)


def _is_subject(span, head, tokens) -> bool:
    """The span is the subject itself, or stands in apposition to it and can be in the nominative (not
    the genitive complement of a role noun: the tagger's own case of a name is often wrong)."""
    from indexer import russian

    inside = [t for t in tokens if span.start <= t.start < span.stop]
    if not inside or any(t.id == head.id for t in inside):
        return bool(inside)
    return _root(inside).rel in ("appos", "flat:name", "flat", "conj") and russian.can_be_nominative(
        [t.text for t in inside])


@dataclass
class Named:
    """A PER or ORG span: where it is, and its words in the nominative."""

    type: str
    start: int
    stop: int
    text: str
    normal: str


def _joined(spans, tokens) -> list[Named]:
    """The NER's spans, a name it cut in two put back together where the parse reads one name
    (`Нейл` + `Патрик Харрис`, joined by flat:name; not `защитник Алёхиной` + `Александр Подрабинёк`)."""
    out: list[Named] = []
    for s in spans:
        last = out[-1] if out else None
        if last is not None and s.type == last.type == "PER" and _one_name(last, s, tokens):
            out[-1] = Named("PER", last.start, s.stop, last.text + " " + s.text, f"{last.normal} {_normal(s)}")
        else:
            out.append(Named(s.type, s.start, s.stop, s.text, _normal(s)))
    return out


def _one_name(first: Named, second, tokens) -> bool:
    """Two spans next to each other that the parse reads as one name: joined by flat:name, or both in
    apposition (`актер, продюсер и директор Нейл Патрик Харрис`), the first not a genitive complement
    (`защитник Алёхиной Александр Подрабинёк`: two people)."""
    if any(first.stop <= t.start < second.start for t in tokens):
        return False
    firsts = [t for t in tokens if first.start <= t.start < first.stop]
    seconds = [t for t in tokens if second.start <= t.start < second.stop]
    ids = {t.id for t in firsts}
    if any(t.head_id in ids and t.rel in ("flat:name", "flat") for t in seconds):
        return True
    return _root(firsts).rel in ("appos", "nsubj", "flat:name") and _root(seconds).rel == "appos"


def _root(tokens):
    """The token of a span whose head is outside it."""
    ids = {t.id for t in tokens}
    return next(t for t in tokens if t.head_id not in ids)


def _normal(span) -> str:
    """The span's nominative, with ё where the article writes it and not where it does not (natasha
    puts it in and takes it out: `Петр` -> `Пётр`, `Подрабинёк` -> `Подрабинек`)."""
    from indexer.russian import without_yo

    normal = span.normal or span.text
    if without_yo(normal) == without_yo(span.text):
        return span.text
    return normal if "ё" in span.text.lower() else without_yo(normal)
