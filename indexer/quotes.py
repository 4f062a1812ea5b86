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

from indexer.model import Quote

RULES_FILE = Path(__file__).parent / "data" / "speech_verbs.json"
MIN_WORDS = 4  # shorter quoted phrases are scare quotes or names, not quotes
DOUBLE_MARKS = '"“”„'
DASHES = "–—-"
TERMINAL = ".!?…,;:"
NAME_TOKEN = re.compile(
    r"(?:[A-ZА-ЯЁ]\.){1,3}|[A-ZА-ЯЁ][\w'’.-]*|(?:al|el|de|da|di|van|von|bin|ibn|ben|le|la)-?[A-Z]?\w*$"
)
WORD = re.compile(r"[\w'’.#@\[\]-]+")
DASH_SEPARATOR = re.compile(r"(?:[,!?…]|\.\.\.|\.)\s+[–—-]\s+(?=\S)")
SENTENCE_END = re.compile(r"(?<![A-ZА-ЯЁ])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMrs)[.!?;](?=\s|$)")


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

    def is_verb(self, word: str) -> bool:
        return word.lower().strip(",.:;") in self.verbs


@dataclass
class Span:
    """A top-level quotation: where it opens and closes, and its text."""

    paragraph: int  # 0-based, where it opens
    start: int  # offset of the opening mark in that paragraph
    end_paragraph: int  # 0-based, where it closes (or stops)
    end: int  # offset just after the closing mark in end_paragraph
    text: str
    dash: bool = False  # dialogue-dash quote (attribution already parsed)
    speaker_phrase: str = ""  # for dash quotes: the attribution clause


@dataclass
class Person:
    name: str
    role: str = ""


@dataclass
class Context:
    """What attribution knows while walking through an article."""

    paragraphs: list[str]
    rules: Rules
    last_speaker: Person | None = None
    last_paragraph: int = -10
    people: list[Person] = field(default_factory=list)


# ---------------------------------------------------------------- rules


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
    for i, ch in enumerate(text):
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


def find_spans(paragraphs: list[str]) -> list[Span]:
    """All top-level quotations, dash-dialogue paragraphs included, in order."""
    spans: list[Span] = []
    carry: Span | None = None  # an unclosed quotation waiting for its end
    for n, text in enumerate(paragraphs):
        if carry is not None:
            if text.lstrip()[:1] in DOUBLE_MARKS + "«":
                carry = None  # a new opening mark starts the paragraph: its own quote
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
        _add_mark_spans(spans, n, text, scan_marks(text))
        carry = _carry_of(spans, n, text)
    return spans


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
        if any(w.lower() in _all_verbs() for w in words):
            quote = body[: m.start() + 1].rstrip(",")
            rest = _after_sentence(clause)
            more = re.match(r"\s*[–—-]\s+(.*)", rest)
            if more:
                quote += " " + more.group(1)
            return Span(n, offset, n, len(text), quote.strip(), dash=True, speaker_phrase=clause[: len(clause) - len(rest)])
    return None


@lru_cache(maxsize=None)
def _all_verbs() -> frozenset[str]:
    verbs: set[str] = set()
    for lang in ("en", "ru"):
        verbs |= load_rules(lang).verbs
    return frozenset(verbs)


def _after_sentence(text: str) -> str:
    m = SENTENCE_END.search(text)
    return text[m.end() :] if m else ""


# ---------------------------------------------------------------- is it a quote?


def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


def is_title_like(text: str, rules: Rules) -> bool:
    """Capitalised words without closing punctuation: a name of a work, not speech."""
    words = [w for w in re.findall(r"[\w'’-]+", text) if w.lower() not in rules.name_links]
    if not words or text.rstrip()[-1:] in ".!?…,":
        return False
    caps = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return caps / len(words) >= 0.6 and len(words) <= 10


def after_title_noun(before: str, rules: Rules) -> bool:
    """`the exhibition "..."`, `operation "..."`, `фильм «...»`."""
    tail = re.sub(r"[\s(,]+$", "", before).lower()
    words = re.findall(r"[\w-]+", tail)
    return bool(words) and (words[-1] in rules.title_nouns or " ".join(words[-2:]) in rules.title_nouns)


# ---------------------------------------------------------------- names and speakers


def name_runs(text: str, rules: Rules) -> list[tuple[int, int, list[str]]]:
    """Runs of capitalised tokens: (start, end, tokens), role and stop words trimmed."""
    runs = []
    tokens = list(re.finditer(r"[^\s,;:()\"“”«»]+", text))
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and _is_name_token(tokens[j].group(), j > i):
            j += 1
        if j > i:
            words = [t.group().rstrip(".") if not re.fullmatch(r"(?:\w\.)+", t.group()) else t.group() for t in tokens[i:j]]
            words = [re.sub(r"['’]s$", "", w) for w in words]
            k = 0
            while k < len(words) and (words[k].lower() in rules.stop_words or words[k].lower().rstrip(".") in rules.stop_words
                                      or words[k].lower() in rules.role_words or words[k].isupper() and len(words) - k > 2):
                k += 1
            if k < len(words):
                runs.append((tokens[i + k].start(), tokens[j - 1].end(), words[k:]))
            i = j
        else:
            i += 1
    return runs


def _is_name_token(tok: str, inside: bool) -> bool:
    tok = tok.strip(".,'’")
    if not tok:
        return False
    if re.fullmatch(r"(?:al|el|de|da|di|van|von|bin|ibn|ben|le|la)(-[A-Za-z]\w*)?", tok):
        return inside
    return tok[0].isupper() and any(c.isalpha() for c in tok)


def person_name(words: list[str], preceded_by_link: bool, rules: Rules) -> str:
    """The person's name out of a run of capitalised words."""
    words = [w for w in words if w.lower() not in rules.role_words] or words
    if len(words) <= 2:
        return " ".join(words)
    initials = [w for w in words if re.fullmatch(r"(?:\w\.)+", w)]
    if initials:
        first = words.index(initials[0])
        return " ".join(words[first:])
    if rules.lang == "ru":
        patronymic = re.search(r"(ович|евич|ич|овна|евна|ична)$", words[-2])
        return " ".join(words[-3:] if patronymic else words[-2:])
    if preceded_by_link or len(words) > 3:
        return " ".join(words[-2:])
    return " ".join(words)


def parse_speaker(phrase: str, rules: Rules, prefer: str = "last") -> tuple[str, str, str]:
    """(kind, name, role) from an attribution phrase without its verb.

    kind is "name", "pronoun", "role" or "" (nothing found).
    """
    phrase = re.sub(r"\([^)]*\)", " ", phrase)
    phrase = re.sub(r"^[\s,.:;–—-]+|[\s,.:;–—-]+$", "", phrase)
    if not phrase:
        return "", "", ""
    segments = [s for s in re.split(r",\s*|\s+[–—]\s+", phrase) if s.strip()]
    order = segments if prefer == "first" else list(reversed(segments))
    for seg in order:
        runs = [r for r in name_runs(seg, rules) if not _is_org_acronym_after_role(seg, r, rules)]
        if runs:
            start, end, words = runs[0] if prefer == "first" else _best_run(runs)
            before = seg[:start].strip()
            link = bool(before) and before.split()[-1].lower() in rules.name_links
            name = person_name(words, link, rules)
            role = _role_text(seg[: seg.find(name.split()[0], start) if name.split()[0] in seg else start], rules)
            return "name", name, role
    lowered = [w.lower() for w in re.findall(r"[\w-]+", phrase)]
    for w in lowered[:3]:
        if w in rules.pronouns:
            return "pronoun", w, ""
    for w in lowered:
        if w in rules.role_nouns:
            return "role", " ".join(lowered[lowered.index(w) : lowered.index(w) + 2]), ""
    return "", "", ""


def _best_run(runs):
    multi = [r for r in runs if len(r[2]) >= 2]
    return multi[0] if multi else runs[-1]


def _is_org_acronym_after_role(seg: str, run, rules: Rules) -> bool:
    """`собеседник ТАСС`: an agency after a role noun is part of the role."""
    start, _, words = run
    before = re.findall(r"[\w-]+", seg[:start].lower())
    return len(words) == 1 and words[0].isupper() and bool(before) and before[-1] in rules.role_nouns


def _role_text(text: str, rules: Rules) -> str:
    text = re.sub(r"^\W+|\W+$", "", text)
    words = text.split()
    while words and words[0].lower() in rules.stop_words | {"the", "a", "an"}:
        words = words[1:]
    role = " ".join(words)
    return role if word_count(role) >= 1 and any(w.lower() in rules.role_words | rules.role_nouns for w in re.findall(r"[\w-]+", role)) or rules.lang == "ru" and role else ""


# ---------------------------------------------------------------- attribution


def find_verb(words: list[str], rules: Rules) -> int:
    for i, w in enumerate(words):
        if rules.is_verb(w):
            return i
    return -1


def clause_after(text: str, end: int) -> str:
    """The attribution clause after a closing mark: up to the sentence end or the next quote."""
    rest = text[end:]
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
    head = text[floor:start]
    ends = list(SENTENCE_END.finditer(head))
    return head[ends[-1].end() :] if ends else head


def attribute_after(clause: str, quote: str, at_paragraph_end: bool, rules: Rules) -> tuple[str, str, str] | None:
    """`"...," X said` / `", said X` / `» — сказал X` / `"...," Name` (name only, at paragraph end)."""
    lead = re.match(r"[\s,.:;!?…]*([–—-]\s*)?", clause)
    has_dash = bool(lead.group(1))
    body = clause[lead.end() :]
    if rules.lang == "ru" and not has_dash and not re.match(r"\s*,?\s*$", clause[: lead.end()]):
        return None
    words = body.split()
    if not words:
        return None
    v = find_verb(words[:14], rules)
    if v >= 0:
        subject_before = " ".join(words[:v])
        if rules.lang == "ru" and not has_dash:
            return None
        if subject_before and not re.fullmatch(r"(also|then|later|также|затем)", subject_before.lower()):
            return parse_speaker(subject_before, rules, prefer="first" if "," in subject_before else "last")
        return parse_speaker(" ".join(words[v + 1 :]), rules, prefer="first")
    if at_paragraph_end and len(words) <= 8 and quote.rstrip()[-1:] in ".,!?…":
        kind, name, role = parse_speaker(body, rules, prefer="last")
        if kind == "name":
            return kind, name, role
    return None


def attribute_before(clause: str, rules: Rules) -> tuple[str, str, str] | None:
    """`X said: "`, `X noted, "`, `According to X, "`, `По словам X, «`."""
    low = clause.lower()
    for phrase in rules.according:
        k = low.rfind(phrase)
        if k >= 0:
            found = parse_speaker(clause[k + len(phrase) :], rules, prefer="first")
            if found[0]:
                return found
    words = clause.split()
    verbs = [i for i, w in enumerate(words) if rules.is_verb(w)]
    if not verbs:
        return None
    v = verbs[-1]
    subject = " ".join(words[:v])
    subject = re.split(r"(?i)\b(?:that|что|как)\b", subject)[-1] if re.search(r"(?i)\b(that|что)\b", subject) and not name_runs(subject.split(" that ")[0], rules) else subject
    found = parse_speaker(subject, rules, prefer="first" if subject.rstrip().endswith(",") else "last") if subject.strip() else ("", "", "")
    if not found[0]:
        found = parse_speaker(" ".join(words[v + 1 :]), rules, prefer="first")
    return found


def attribute_previous_paragraph(text: str, rules: Rules) -> tuple[str, str, str] | None:
    """A paragraph ending in `Rathbun stated,` or `... tweeted:` introduces the next one."""
    text = text.rstrip()
    if text[-1:] not in ":,":
        return None
    found = attribute_before(text[:-1] + " ", rules)
    if found and found[0]:
        return found
    if text.endswith(":"):
        last = clause_before(text, len(text) - 1, 0)
        runs = name_runs(last, rules)
        if runs:
            return "name", person_name(runs[-1][2], False, rules), ""
        return ("", "", "")
    return None


# ---------------------------------------------------------------- resolving names


def resolve(kind: str, name: str, role: str, ctx: Context, paragraph: int, upto: int) -> Person:
    """A full name (and role) for a speaker phrase, from the text before the quote."""
    rules = ctx.rules
    recent = ctx.last_speaker if ctx.last_speaker and paragraph - ctx.last_paragraph <= 3 else None
    if kind == "pronoun":
        return recent or ctx.last_speaker or Person("")
    if kind == "role":
        return _by_role(name, ctx) or recent or ctx.last_speaker or Person("")
    if kind != "name":
        return Person("")
    text = "\n".join(ctx.paragraphs[:paragraph]) + "\n" + ctx.paragraphs[paragraph][:upto]
    if len(name.split()) == 1:
        full = _full_name(name, text, ctx)
        if full:
            return full
    person = Person(name, role)
    _remember(ctx, person)
    return person


def _full_name(surname: str, text: str, ctx: Context) -> Person | None:
    for p in ctx.people:
        if len(p.name.split()) > 1 and _same_surname(p.name.split()[-1], surname):
            return p
    rules = ctx.rules
    for para in text.split("\n"):
        for start, end, words in name_runs(para, rules):
            if len(words) >= 2 and _same_surname(words[-1], surname):
                before = para[:start].strip()
                link = bool(before) and before.split()[-1].lower() in rules.name_links
                name = person_name(words, link, rules)
                if len(name.split()) < 2:
                    continue
                role = _role_text(_clause_tail(para[:start]), rules)
                person = Person(name, role)
                _remember(ctx, person)
                return person
    return None


def _clause_tail(text: str) -> str:
    parts = re.split(r"[,.;:]\s|\bby\b|\bof the attended\b", text)
    return parts[-1] if parts else text


def _same_surname(a: str, b: str) -> bool:
    a, b = a.lower().strip(".,"), b.lower().strip(".,")
    if a == b:
        return True
    return len(a) >= 5 and len(b) >= 5 and fuzz.ratio(a, b) >= 80


def _by_role(noun: str, ctx: Context) -> Person | None:
    key = noun.split()[0]
    wanted = set(ctx.rules.role_synonyms.get(key, [])) | {key}
    for phrase, syns in ctx.rules.role_synonyms.items():
        if noun.startswith(phrase):
            wanted |= set(syns)
    for person in reversed(ctx.people):
        if person.role and any(w in person.role.lower() for w in wanted):
            return person
    return None


def _remember(ctx: Context, person: Person) -> None:
    if person.name and all(p.name != person.name for p in ctx.people):
        ctx.people.append(person)


def collect_people(paragraphs: list[str], rules: Rules) -> list[Person]:
    """People introduced with a role before their name: `Director of the Library X Y`."""
    people = []
    for para in paragraphs:
        for start, end, words in name_runs(para, rules):
            if len(words) < 2:
                continue
            before = para[:start]
            role = _role_text(_clause_tail(before), rules)
            if role:
                link = bool(before.strip()) and before.split()[-1].lower() in rules.name_links
                people.append(Person(person_name(words, link, rules), role))
    return people


# ---------------------------------------------------------------- the whole article


def extract_quotes(paragraphs: list[str], language: str) -> list[Quote]:
    """Quotes with speakers; [] for a language without rules."""
    rules = load_rules((language or "").lower()[:2])
    if rules is None:
        return []
    ctx = Context(paragraphs, rules, people=collect_people(paragraphs, rules))
    quotes: list[Quote] = []
    spans = find_spans(paragraphs)
    for i, span in enumerate(spans):
        prev_end = spans[i - 1].end if i and spans[i - 1].end_paragraph == span.paragraph else 0
        found = judge(span, prev_end, ctx)
        if found is None:
            continue
        person = found
        quotes.append(Quote(text=span.text, speaker=person.name, role=person.role, paragraph=span.paragraph + 1))
        if person.name:
            ctx.last_speaker, ctx.last_paragraph = person, span.end_paragraph
    return merge_continuations(quotes, spans, paragraphs)


def judge(span: Span, prev_end: int, ctx: Context) -> Person | None:
    """The speaker if `span` is a quote, else None (a title, a scare-quoted phrase)."""
    rules = ctx.rules
    text = ctx.paragraphs[span.paragraph]
    if word_count(span.text) < MIN_WORDS:
        return None
    if span.dash:
        kind, name, role = attribute_after(span.speaker_phrase, span.text + ",", False, rules) or ("", "", "")
        return resolve(kind, name, role, ctx, span.paragraph, span.start)
    end_text = ctx.paragraphs[span.end_paragraph]
    after = clause_after(end_text, span.end)
    at_end = not end_text[span.end + len(after) :].strip(" .")
    before = clause_before(text, span.start, prev_end)
    title_like = is_title_like(span.text, rules) or after_title_noun(before, rules)
    found = attribute_after(after, span.text, at_end, rules)
    if found and found[0] and not (title_like and rules.lang == "en" and is_title_like(span.text, rules)):
        return resolve(*found, ctx, span.paragraph, span.start)
    if title_like:
        return None
    found = attribute_before(before, rules)
    if found and (found[0] or before.rstrip().endswith((":", ","))):
        return resolve(*found, ctx, span.paragraph, span.start)
    opens_paragraph = not text[: span.start].strip()
    if opens_paragraph and span.text.rstrip()[-1:] in ".!?…" + "\"”»":
        if span.paragraph > 0:
            found = attribute_previous_paragraph(ctx.paragraphs[span.paragraph - 1], rules)
            if found is not None:
                return resolve(*found, ctx, span.paragraph, 0)
        if ctx.last_speaker and span.paragraph - ctx.last_paragraph <= 2:
            return ctx.last_speaker
    return None


def merge_continuations(quotes: list[Quote], spans: list[Span], paragraphs: list[str]) -> list[Quote]:
    """`"A," X said. "B"`: B carries on A when only the attribution stands between them."""
    merged: list[Quote] = []
    for q in quotes:
        if merged and _continues(merged[-1], q, paragraphs):
            merged[-1].text += " " + q.text
            continue
        merged.append(q)
    return merged


def _continues(a: Quote, b: Quote, paragraphs: list[str]) -> bool:
    if a.paragraph != b.paragraph or a.speaker != b.speaker:
        return False
    text = paragraphs[a.paragraph - 1]
    i, j = text.find(a.text[:40]), text.find(b.text[:40])
    if i < 0 or j < 0:
        return False
    between = text[i + len(a.text) : j]
    between = between.strip(" \"“”„«»")
    words = re.findall(r"\w+", between)
    if len(words) > 12:
        return False
    # b has its own verb after it? then it is a separate quote
    after_b = text[j + len(b.text) : j + len(b.text) + 40]
    if re.match(r"[\"”»]?\s*[,.]?\s*[–—-]?\s*(it|he|she|он|она)?\s*(added|adds|добавил\w*|продолжил\w*)", after_b):
        return False
    return bool(re.search(r"[,.]\s*[\"“”„«»]?\s*$", between + " ") or between.endswith((".", ","))) and not re.search(r"\b(and|later|и|а)\b\s*,?\s*$", between.lower())
