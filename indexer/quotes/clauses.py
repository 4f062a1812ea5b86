"""Clause attribution: the speaker an attribution clause next to a quotation names.

In: the clause after a quotation, before it, the previous sentence or paragraph, and `Rules`.
Out: `(kind, name, role)` or None, as `speaker.parse_speaker` gives it (`attribute_after`,
`attribute_before`, `attribute_previous_sentence`, `attribute_previous_paragraph`, `inner_attribution`).
"""
from __future__ import annotations

import re

from indexer import russian
from indexer.quotes.names import _speaker_run, name_runs, organisation_subject, person_name
from indexer.quotes.rules import (
    BRACKETED, POSSESSIVE_ACCORDING, POSSESSOR, SENTENCE_END, Rules, Span, _first_verb, clause_before, find_verb,
)
from indexer.quotes.russian_rules import (
    OWNERLESS, RU_COMMENT_OF, RU_OWNERLESS_DOCUMENT, RU_POSSESSIVE_DOCUMENT, citing, document_speaker,
    genitive_owner, words_of,
)
from indexer.quotes.speaker import NOBODY, parse_speaker

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
            if document:
                return "body", document, ""
            if rules.lang == "en":
                return according_source(body[len(phrase) :], rules)  # (a document's issuer, an apposition)
            return parse_speaker(body[len(phrase) :], rules, "after", subject=False)
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
    cited = passive_source(body, rules) or citing(body, rules)
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
            if rules.lang == "en" and subject[:1].islower() and subject.endswith(",") and words[v].lower() not in ADDRESSING_VERBS:
                # `"...", despite being the envoy in Brussels, said another witness, Fiona Hill`: the verb after a
                # comma, its subject after it; what stood before was the quotation's sentence going on
                inverted = parse_speaker(" ".join(words[v + 1 :]), rules, "after")
                found = inverted if inverted[0] else found
            if not found[0] and rules.lang == "en" and re.fullmatch(r"[A-Z][a-z'’-]+", subject) \
                    and subject.lower() not in rules.pronouns | rules.stop_words and quote.rstrip()[-1:] in ",!?":
                # `"...," Miles said`: inside the sentence a capital makes a word a name, a surname even where it is
                # also a word (Miles, Young, Price); resolve() finds who, or no one
                found = ("name", subject, "")
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


NEUTER_PRONOUNS = ("it", "оно")  # a thing, or a body named before: no person to find


def personal_pronoun(text: str, rules: Rules) -> str | None:
    """The first pronoun of the text that points to a person (`он`, `she`), or None."""
    return next((w for w in re.findall(r"\w+", text.lower()) if w in rules.pronouns and w not in NEUTER_PRONOUNS), None)


ADDRESSING_VERBS = {"told", "tells", "tell", "telling", "asked", "asks", "ask", "urged", "urges"}  # their object listens
POSSESSIVE_SPEECH = re.compile(r"\b(?:(его|её|ее|их)\s+(?:рассказ|слова|ответ|заявление|обращение|речь|письмо)\w*"
                               r"|(his|her|their)\s+(?:words|account|statement|answer|reply|speech|letter))\b", re.I)


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
    found = passive_source(clause, rules) or citing(clause, rules) or words_of(clause, rules)
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


# `Putin was quoted by Interfax as saying`: the one quoted, subject of the passive; `reporters were told by police chief
# Ana Ruiz`: the agent of a passive verb of telling
QUOTED_PASSIVE = re.compile(r"((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*|\b[Hh]e|\b[Ss]he|\b[Tt]hey)\s+(?:was|were|has\s+been|had\s+been)"
                            r"\s+quoted\s+(?:by\s+[^,.;:]{1,60}?\s+)?as\s+saying\b")
TOLD_BY = re.compile(r"\b(?:was|were|had\s+been|has\s+been)\s+told\s+by\s+([^,.;:]{2,80})")


def passive_source(clause: str, rules: Rules) -> tuple[str, str, str] | None:
    """The speaker of a passive attribution (English): `X was quoted by Y as saying` (X), `... were told by X` (X)."""
    if rules.lang != "en":
        return None
    quoted = QUOTED_PASSIVE.search(clause)
    if quoted:
        source = quoted.group(1)
        if source.lower() in rules.pronouns:
            return "pronoun", source.lower(), ""
        found = parse_speaker(source, rules, "before")
        return found if found[0] else None
    told = TOLD_BY.search(clause)
    if told:
        found = parse_speaker(told.group(1), rules, "after")
        return found if found[0] in ("name", "role", "body", "bodyref") else None
    return None


# `Speaking to reporters outside City Hall, the mayor said`, `Asked about the vote, Baker said`, `In an interview with
# the Tribune on Friday, Baker said`: an opening participle or prepositional phrase, set off by a comma, then the subject
EN_OPENER = (r"\s*(?:[A-Z][a-z]+ing|Asked|In|At|On|After|Before|During|Following|Despite|Outside|Inside"
             r"|From|With|Without|Later|Earlier|Meanwhile)\b")
EN_OPENING_ADVERBIAL = re.compile(EN_OPENER + r"[^,]*,\s*([^,]+?)\s*$")
# the same opening phrase, kept short, before whatever follows it
EN_OPENING_PREFIX = re.compile(EN_OPENER + r"[^,]{0,80},\s*")


# `X, who ... said`, `X, который ... сказал`: a relative clause whose verb of speech is the attribution's
RELATIVE_CLAUSE = re.compile(r",\s*(?:who|который|которая|которые)\s[^,]*$|,\s*(?:who|который|которая|которые)$", re.I)


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


def attribute_previous_paragraph(text: str, rules: Rules) -> tuple[str, str, str] | None:
    """A paragraph ending in `Rathbun stated,` or `... tweeted:` introduces the next one."""
    text = BRACKETED.sub("", text).rstrip()
    document = document_speaker(text, rules)
    if document:
        return "body", document, ""
    if text[-1:] not in ":,":
        return None
    last = clause_before(text, len(text) - 1, 0)
    closed = list(QUOTED_SENTENCE_END.finditer(last))
    if closed:  # `... stepping into “primitive retreat.” Jomra writes about García:`: the colon's own sentence
        last = last[closed[-1].end() :]
    author = AUTHORED_BY.search(last) if rules.lang == "en" and text.endswith(":") else None
    if author:  # `When Omar Bongo was admitted ..., a comment by Akin at the African Loft predicted his death:`: its writer
        return parse_speaker(author.group(1), rules, "after")
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


# A piece of writing and its author (`a comment by Akin`, `a post from Jane Roe`, `In an op-ed by ...`)
AUTHORED_BY = re.compile(r"\b(?:comment|post|blog\s+post|tweet|message|note|reply|response|column|op-ed|essay|article)\s+"
                         r"(?:by|from)\s+((?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*)")


# A sentence ending inside its closing quotation mark, the next one opening with a capital (SENTENCE_END reads a
# full stop before a space only)
QUOTED_SENTENCE_END = re.compile(r"[.!?…][”\"»’]\s+(?=[A-ZА-ЯЁ])")


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


def according_in(text: str, rules: Rules, kinds: tuple[str, ...] | None = None) -> tuple[str, str, str] | None:
    """The source an `according to` / `по словам` phrase of the text names (the last such phrase
    whose source is of one of `kinds`, any kind when None), or None."""
    low = text.lower()
    for phrase in rules.according:
        k = low.rfind(phrase)
        rest = text[k + len(phrase) :]
        if k >= 0 and rules.lang == "en" and "," in rest and find_verb(rest.split(",", 1)[1].split(), rules) >= 0:
            continue  # `According to the New York Times, the president said he "..."`: the report's source; the
            # sentence's own verb of speech names the speaker
        if k >= 0:
            found = according_source(text[k + len(phrase) :], rules)
            if found[0] == "name" and rules.lang == "ru" and phrase.startswith("по "):
                # `по мнению Дмитрия Орешкина`: the genitive the preposition asks for, whatever else the words may be
                found = ("name", " ".join(russian.nominative_name(found[1].split(), "gent")), found[2])
            if found[0] and (kinds is None or found[0] in kinds):
                return found
    return None


# A document as the source: its issuer is named before the noun or after `from`/`by`, or not at all
DOCUMENT_SOURCE = re.compile(r"\s*(?:[Aa]n?|[Tt]he)?\s*((?:[\w.&'’-]+\s+){0,3}?)(?:statements?|releases?|letters?|reports?"
                             r"|complaints?|filings?|memos?|emails?|documents|records)\b"
                             r"(?:\s+(?:from|by|of)\s+(?:the\s+)?((?:[A-Z][\w.&'’-]*\s*)+))?")


def according_source(text: str, rules: Rules) -> tuple[str, str, str]:
    """What follows `according to` / `по словам`: the source, which ends at the first comma
    (`according to the White House, made a trip to Walter Reed hospital`)."""
    parts = re.split(r"[,;]", text)
    source = parts[0] if not re.match(r"\s*[,;]", text) else text
    document = DOCUMENT_SOURCE.match(source) if rules.lang == "en" else None
    if document:  # `according to a statement from Boeing` (Boeing), `a Boeing statement` (Boeing), `a police report
        # obtained by CNN` (no one named: the outlet only obtained it), `court documents` (no one)
        issuer = document.group(2) or " ".join(w for w in document.group(1).split() if w[:1].isupper())
        return ("body", issuer.strip(), "") if issuer.strip() else NOBODY
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
