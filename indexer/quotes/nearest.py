"""The nearest person: whom a pronoun or an unnamed quotation means, read back through the text.

In: a `Context` and a place in the article (paragraph, offset).
Out: a `Person` or None: `nearest_person` (the last person named before the place, the subject of
its sentence first) and `_sentence_subject` (the person a sentence is about).
"""
from __future__ import annotations

import re

from indexer import russian
from indexer.quotes.clauses import ADDRESSING_VERBS, EN_OPENING_PREFIX, _pronoun_opens
from indexer.quotes.names import (
    ORGANISATION_WORDS, POSSESSIVE, SENTENCE_OPENERS, TITLES_OF_ONE_NAME, _after_preposition, _after_the, _role_noun,
    _speaker_run, _title_before, _titled, is_common_word, name_runs, nominative_tail, person_name,
)
from indexer.quotes.people import Context, _by_role, _named_again, _person_like, _person_of, full_name
from indexer.quotes.rules import ARTICLES, CLAUSE_CHARS, SENTENCE_END, Person, Rules, find_verb
from indexer.quotes.speaker import _role_only, parse_speaker

# Reading back for whom a pronoun means costs about a millisecond each: an article of hundreds of
# quotations each opened by a pronoun would take seconds. Past this many in one article, a pronoun is
# the speaker just quoted (resolve's cheaper fallbacks). The sample's articles need at most a few dozen.
LOOKBACKS = 200


def nearest_person(ctx: Context, paragraph: int, upto: int, since: int = 0, subjects_only: bool = False,
                   accept=None) -> Person | None:
    """The person a pronoun or a bare role noun points to: in the nearest paragraph that
    names someone, the subject of the last sentence that opens with a person, else the
    last person named. accept(person): False for someone the pronoun cannot mean (searching on)."""
    ok = accept or (lambda person: True)
    ctx.lookbacks += 1
    if ctx.lookbacks > LOOKBACKS:
        return None
    texts = [ctx.paragraphs[paragraph][max(since, upto - 3 * CLAUSE_CHARS) : upto]]
    if subjects_only and ctx.rules.lang == "en" and not texts[0].strip() and paragraph > 0:
        # `"...," said Mark Hill. His deputy, Tom Reed, was less certain.` then `"...," he said.`: a quotation opening its
        # paragraph goes on from the narration after the last quotation of the paragraph before
        closing = [m.end() for m in CLOSING_MARK.finditer(ctx.paragraphs[paragraph - 1])]
        if closing:
            texts.append(ctx.paragraphs[paragraph - 1][closing[-1] :][-3 * CLAUSE_CHARS :])
    if not subjects_only:
        texts += [ctx.paragraphs[k] for k in range(paragraph - 1, max(-1, paragraph - 3), -1)]
    for text in texts:
        text = re.sub(r"[«\"“„][^«»\"“”„]*[»\"”“]", " ", text)
        for sentence in reversed([s for s in SENTENCE_END.split(text) if s.strip()]):
            subject = _sentence_subject(sentence, ctx, lone_named_once=False) or _speech_verb_name(sentence, ctx) \
                or _described_subject(sentence, ctx, (paragraph, upto))
            if subject and ok(subject):
                return subject
            if _pronoun_opens(sentence, ctx.rules):
                continue  # `During the visit, he was photographed ... around Central Park`: the pronoun's
                # sentence goes on about the same person; the names it mentions are not who it is
            opener = re.match(r"\s*([\w-]+)", sentence)
            if opener and ctx.rules.lang == "ru" and russian.is_person_noun(opener.group(1)):
                # `Президент и сам неоднократно ... заявлял`: a role noun is the subject; the person holding it
                held = _by_role(opener.group(1).lower(), ctx, (paragraph, upto))
                if held and ok(held):
                    return held
                if subjects_only:
                    return None  # someone unnamed here: not whoever an earlier sentence names
            # a Russian name in an oblique case (`с кинокритиком Джином Сискелом`) is not who speaks on
            runs = [r for r in (_speaker_run(r, ctx.rules, sentence) for r in name_runs(sentence, ctx.rules))
                    if r and (_person_like(r[2], ctx) or len(r[2]) == 1 and (_title_before(sentence, sentence.find(r[2][0], r[0]), ctx.rules)
                                                                          or ctx.rules.lang == "en" and _titled(sentence, r[0])))
                    and not _after_the(sentence, r[0], ctx.rules)
                    and (ctx.rules.lang != "ru" or _in_nominative(person_name(r[2], False, ctx.rules).split()))
                    and not POSSESSIVE.search(sentence[: r[1]])  # `at Epstein’s mansion`: a possessor, not a doer
                    and not (ctx.rules.lang == "en" and PLACE_PREPOSITION.search(sentence[: r[0]]))]  # `outside City Hall`
            runs = [r for r in runs if ok(_person_of(r[2], ctx))] if accept else runs
            if ctx.rules.lang == "ru" and (accept or not subjects_only) and not runs and len(sentence) <= LONGEST_SENTENCE:
                # `В Твиттере шерифа Эда Гонсалеса появилась просьба. «...», — написал он`: with no one in the
                # nominative, a pronoun's one antecedent may be a full name in another case, if its gender fits;
                # a role's too (`Журналист спросил Дмитрия Медведева ... — ответил политик`)
                oblique = [r for r in (_speaker_run(r, ctx.rules, sentence) for r in name_runs(sentence, ctx.rules))
                           if r and len(r[2]) >= 2 and _person_like(r[2], ctx) and all(russian.is_name_part(w) or
                                                                                         not russian.parses(w.lower())[0].is_known for w in r[2])]
                people = [Person(" ".join(russian.nominative_name(person_name(r[2], False, ctx.rules).split())))
                          for r in oblique]
                people = [p for p in people if ok(p)]
                if len(people) == 1:
                    return people[0]
            if runs and not subjects_only:
                start, _, words = runs[-1]
                title = re.findall(r"[\w-]+", sentence[max(0, start - 20) : start])[-1:]
                if len(words) == 1 and title and title[0].lower() in TITLES_OF_ONE_NAME and title[0][:1].isupper():
                    return Person(f"{title[0]} {words[0]}")  # `Prince Harry` is his name in full
                return _person_of(words, ctx)
    return None


CLOSING_MARK = re.compile(r"[\"”»]")


# A name right after a preposition of place is where something happens, not who (`outside City Hall`, `in Leeds`)
PLACE_PREPOSITION = re.compile(r"\b(?:outside|inside|near|into|across|around|behind|towards?|in|at)\s+(?:the\s+)?$", re.I)


LONGEST_SENTENCE = 500  # characters: longer, it is text without full stops, not a sentence to read closely


def _speech_verb_name(sentence: str, ctx: Context) -> Person | None:
    """The name standing right against a verb of speech (`Early says there is`, `, says Buser, is`):
    whoever that verb's subject is, wherever the sentence puts the clause. (Not read in a "sentence" longer
    than any real one: text without full stops.)"""
    if len(sentence) > LONGEST_SENTENCE:
        return None
    words = sentence.split()
    verbs = {v for v, w in enumerate(words) if ctx.rules.is_verb(w)}
    if not verbs:
        return None
    for run in name_runs(sentence, ctx.rules):
        start, end, names = run
        first = len(sentence[:start].split())  # the index of the run's first word
        after = first + len(sentence[start:end].split())
        inverted = first - 1 in verbs and first >= 2 and words[first - 2].endswith(",") \
            and not words[first - 1].endswith(",")  # `, says Buser,`
        if not (after in verbs and not words[after - 1].endswith(",") or inverted):
            continue
        if ctx.rules.lang == "en" and inverted and words[first - 1].lower().strip(",.:") in ADDRESSING_VERBS:
            continue  # `, told Sky News`: the one told listens
        checked = _speaker_run(run, ctx.rules, sentence)
        if checked is None:
            if len(names) == 1 and ctx.rules.lang == "en":
                found = full_name(names[0], ctx)
                # `Early says there is`: a word that is also a surname, against a verb of speech, is the person the
                # article names in full with that surname (only that: no first name, no look-alike)
                if found and (not is_common_word(names[0], ctx.rules) or found.name.split()[-1] == names[0]):
                    return found
            continue
        if _person_like(checked[2], ctx) or len(checked[2]) == 1 and full_name(checked[2][0], ctx):
            return _person_of(checked[2], ctx)
    return None


# `The 56-year-old chief executive defended the plan`: a definite description opening the sentence, before its verb
DESCRIBED_SUBJECT = re.compile(r"\s*((?:The|the)\s+(?:[\w'’-]+\s+){0,4}?[a-z][\w-]*)\s+(?:has\s+|had\s+|was\s+|is\s+)?[a-z]+(?:ed|s)\b")


def _described_subject(sentence: str, ctx: Context, here: tuple[int, int]) -> Person | None:
    """The person a description opening the sentence stands for, where one named before holds its role
    (English): `The 56-year-old chief executive defended ...` is the chief executive named before."""
    m = DESCRIBED_SUBJECT.match(sentence) if ctx.rules.lang == "en" and len(sentence) <= LONGEST_SENTENCE else None
    if not m:
        return None
    kind, role, _ = parse_speaker(m.group(1), ctx.rules, "before")
    held = _by_role(role, ctx, here) if kind == "role" else None
    return held if held and _person_like(held.name.split(), ctx) else None  # (not `Clean Air Act` after `The governor`)


def _in_nominative(words: list[str]) -> bool:
    """A Russian name that can be a subject: no word of it only oblique, and its words agreeing on the nominative
    (`Надежды Птушкиной` agree on the genitive; `МИД России Мария Захарова` is judged by `Мария Захарова`)."""
    return russian.can_be_nominative(words) and russian.name_case(words)[0] == "nomn"


def _sentence_subject(sentence: str, ctx: Context, lone_named_once: bool = True) -> Person | None:
    """`Environment Canada spokeswoman Sujata Raisinghani told ...` -> Sujata Raisinghani. A lone
    word opening the sentence counts when `lone_named_once`, else only if the article names it again:
    a pronoun points to someone the article names, not to `Midcaps` opening one sentence."""
    if ctx.rules.lang == "en":  # `Asked about his plans, Ruiz said`: the subject after an opening phrase
        opening = EN_OPENING_PREFIX.match(sentence)
        if opening and sentence[opening.end() :].strip():
            sentence = sentence[opening.end() :]
    words = sentence.split()
    v = find_verb(words, ctx.rules)
    head = " ".join(words[:v]) if v > 0 else sentence
    every = name_runs(head, ctx.rules)
    # `Здоровье Хиллари вызывает вопросы`: the common noun opening the sentence is not part of a name
    runs = [r for r in (_speaker_run(r, ctx.rules, head) for r in every)
            if r and (_person_like(r[2], ctx) or len(r[2]) == 1 and _titled(head, r[0])
                      and (ctx.rules.lang == "en" or full_name(r[2][0], ctx))  # `Ms. Pelosi`: a person, if not named in full
                      or len(r[2]) == 1 and ctx.rules.lang == "ru" and _title_before(head, head.find(r[2][0], r[0]), ctx.rules))]
    # (`Певица Земфира`: one name, the noun before it, cut from the run, says it is a person's)
    if ctx.rules.lang == "ru":
        # `Олимпийскую чемпионку Юлию Петрову поздравил губернатор Сергей Боженов`: a name in an oblique case is
        # no subject; with none before the verb, the subject may follow it (the nominative name after the verb)
        runs = [r for r in runs if _in_nominative(person_name(r[2], False, ctx.rules).split())]
        if not runs and v >= 0:
            tail = " ".join(words[v + 1 :])
            after = [r for r in (_speaker_run(nominative_tail(r, ctx.rules), ctx.rules, tail) for r in name_runs(tail, ctx.rules))
                     if r and len(r[2]) >= 2 and _person_like(r[2], ctx)
                     and _in_nominative(person_name(r[2], False, ctx.rules).split())
                     and not _after_preposition(tail, r[0], ctx.rules, r[2])]
            if after:
                return _person_of(after[0][2], ctx)
    title = re.findall(r"[\w-]+", head[: every[0][0]]) if ctx.rules.lang == "en" and every and len(every[0][2]) == 1 else []
    if len(title) == 1 and title[0].lower() in TITLES_OF_ONE_NAME and title[0][:1].isupper():
        return Person(f"{title[0]} {every[0][2][0]}")  # `Pope Francis addressed ...`: his name in full
    lead = head[: every[0][0]].split() if every else []  # `But Vaughan cautioned`: openers may stand before
    held = ctx.rules.lang == "en" and len(every) > 1 and len(every[1][2]) >= 2 and _role_only(head[every[0][1] : every[1][0]], ctx.rules)
    apposed = ctx.rules.lang == "en" and bool(every) and PERSON_APPOSITION.match(head, every[0][1]) is not None
    if (not runs or runs[0][0] > every[0][0]) and every and len(every[0][2]) == 1 and not held \
            and (not lead or all(w.lower().strip(",") in SENTENCE_OPENERS for w in lead)) \
            and (v == len(lead) + 1 or v < 0 and ctx.rules.lang == "en" and (head[every[0][1] :].strip()[:1].islower() or apposed)):
        # `Abdoukili reacts in a similar manner.`, `Simmons teased The Doobie Brothers tour`: one name
        # opening the sentence, before its verb, is its subject, whatever names follow
        checked = _speaker_run(every[0], ctx.rules, head)
        if checked is None and ctx.rules.lang == "en" and not is_common_word(every[0][2][0], ctx.rules):
            # `Vaughan cautioned`: a town, and Andrew Vaughan's surname
            named = full_name(every[0][2][0], ctx)
            if named:
                return named
        if checked and every[0][2][0].lower() not in ORGANISATION_WORDS and not every[0][2][0].isupper() \
                and (lone_named_once or _named_again(every[0][2][0], ctx) or apposed):  # (`Smith, the mayor,`: a person)
            return _person_of(checked[2], ctx)
    if not runs or not _opens(head, every[0][0], ctx.rules):
        return None
    if ctx.rules.lang == "en":  # `... addressed the crowd in St. Peter's Square`: no subject behind a preposition or
        # before a possessive's `'s`
        runs = [r for r in runs if not _governed(head, r[0], ctx.rules)
                and not re.match(r"['’]s\b", head[r[1] :])] or ([] if v <= 0 else runs)
        if not runs:
            return None
    if v > 0 and head[runs[0][1] :].lstrip().startswith(","):
        return _person_of(runs[0][2], ctx)  # `Sonya A. Zoghlin, Carlineo’s attorney, told ...`
    if v > 0:  # the name nearest the verb (`White House spokesman Josh Earnest said`), not one behind a
        # preposition (`Amazilia Fracaso of Perú Apartheid writes`: of whom, not who)
        runs = [r for r in runs if not _after_preposition(head, r[0], ctx.rules)]
        if not runs:
            return None  # `In an interview with Oprah Winfrey, Prince Harry said`: the one interviewing is no subject
    return _person_of((runs[-1] if v > 0 else runs[0])[2], ctx)


def _governed(text: str, start: int, rules: Rules) -> bool:
    """A name right after a preposition (`in St. Peter's Square`, `with the Times`), no comma between: no subject
    (`His deputy, Tom Reed,` is one: in apposition)."""
    before = re.findall(r"[\w-]+|[,;:]", text[:start].lower())
    while before and before[-1] in ARTICLES:
        before = before[:-1]
    return bool(before) and before[-1] in rules.prepositions


# `Smith, the mayor,`, `Smith, 45,`, `Smith, who ...`: an apposition that only a person's name takes
PERSON_APPOSITION = re.compile(r",\s+(?:the\s+[a-z]|an?\s+[a-z]|\d{1,3},|who\b)")


def _opens(sentence: str, start: int, rules: Rules) -> bool:
    head = re.findall(r"[\w-]+", sentence[:start].lower())
    return len(head) <= 2 or all(w in rules.stop_words or w in rules.role_words or _role_noun(w, rules) for w in head)
