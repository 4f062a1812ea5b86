"""The whole article: quotations found, judged and attributed, in text order.

In: an article's paragraphs (one string each) and its language code.
Out: a list of `Quote` (text, speaker's full name, role, 1-based paragraph where it starts).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from indexer import attribution, russian, russian_syntax
from indexer.model import Quote
from indexer.quotes.clauses import (
    NEUTER_PRONOUNS, UNKNOWN, according_in, attribute_after, attribute_before, attribute_previous_paragraph,
    attribute_previous_sentence, inner_attribution,
)
from indexer.quotes.marks import _word_count, after_title_noun, find_spans, is_title_like, normalize_marks
from indexer.quotes.names import (
    HONORIFICS, NOT_A_PERSON_HEADS, ORGANISATION_HEADS, _common_phrase, _is_city, is_common_word, is_place,
)
from indexer.quotes.narration import introduces_speech, narrates
from indexer.quotes.nearest import LONGEST_SENTENCE, _sentence_subject, nearest_person
from indexer.quotes.people import Context, _person_like, _surname, full_name
from indexer.quotes.gender import _masked_quotations
from indexer.quotes.resolution import resolve
from indexer.quotes.rules import (
    MIN_WORDS, POSSESSOR, QUOTE_MARK, SENTENCE_END, Person, Rules, Span, clause_after, clause_before, find_verb,
    load_rules,
)
from indexer.quotes.russian_rules import CITING, QUOTES_WHOM, WORDS_OF
from indexer.quotes.speaker import parse_speaker

DEFAULT_MODEL = "shipped"  # extract_quotes' default: the attribution model of data/attribution.json


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
        if person.name.lower() in PLATFORMS:
            person = _page_owner(span, ctx)
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


# Where words were posted, never who posted them (`в официальной группе ... «ВКонтакте»`, `wrote on Twitter`)
PLATFORMS = {"вконтакте", "вк", "vk", "vkontakte", "facebook", "фейсбук", "фейсбуке", "twitter", "твиттер", "твиттере",
             "instagram", "инстаграм", "инстаграме", "инстаграмм", "telegram", "телеграм", "телеграме", "youtube",
             "ютуб", "ютубе", "tiktok", "тикток", "одноклассники", "livejournal", "жж", "weibo", "whatsapp", "linkedin",
             "reddit", "rutube", "threads"}
# the page, account, channel or group whose owner's name follows it (in the genitive in Russian)
PAGE_OWNER = re.compile(r"(?:групп|страниц|аккаунт|канал|сообществ|блог|паблик)[а-яё]*\s+"
                        r"([А-ЯЁA-Z][\w-]*(?:\s+[\w-]+){0,5}?)(?=\s*(?:[«\"“]|\s(?:в|во|на)\s|[,:;.]|$))"
                        r"|(?:page|account|channel|group|feed)\s+of\s+(?:the\s+)?((?:[A-Z][\w.&'’-]*)(?:\s+[A-Z][\w.&'’-]*){0,4})")


def _page_owner(span: Span, ctx: Context) -> Person:
    """The owner of the page a quotation was posted on, where the sentence that introduces it names one
    (`в официальной группе Института Пушкина «ВКонтакте»` -> Институт Пушкина); else no one."""
    text = ctx.paragraphs[span.paragraph][: span.start]
    if not text.strip() and span.paragraph:  # introduced by the paragraph before (`... написал в Instagram:`)
        text = ctx.paragraphs[span.paragraph - 1]
    owners = [m for m in PAGE_OWNER.finditer(_masked_quotations(text))
              if (m.group(1) or m.group(2)).split()[0].lower() not in PLATFORMS]  # `в группе ВКонтакте музыканты`
    if not owners:
        return Person("")
    words = (owners[-1].group(1) or owners[-1].group(2)).split()
    return Person(" ".join(russian.nominative_phrase(words) if ctx.rules.lang == "ru" and owners[-1].group(1) else words))


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
                other = [w for w in tail.split()[1:] if w.lower() not in ctx.rules.role_words]
                if tail.split()[0] == "and" and (len(words) > 1 and len(other) > 1 and _person_like(words, ctx)
                                                 and _person_like(other, ctx) or other[0].lower().rstrip(".") in HONORIFICS):
                    continue  # `Karen Miles and Mayor Tom Reed`, `Trump and Ms. Pelosi`: two people, not one body
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
        if not person.name and rules.lang == "en" and found[0] == "unknown":
            # `In his blog ..., Erick Garcia continues the criticism ... It was well known that ...:`: a colon's sentence
            # that names no one goes on from the person an earlier sentence of its paragraph is about
            person = nearest_person(ctx, span.paragraph - 1, len(intro), subjects_only=True) or person
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
