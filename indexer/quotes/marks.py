"""Finding quotations: quotation marks paired across paragraphs, dialogue-dash quotes and blocks of speech.

In: an article's paragraphs (marks first normalised by `normalize_marks`).
Out: the top-level quotations as `Span`s, in text order (`find_spans`); `is_title_like` and
`after_title_noun` tell a quoted title or name from speech.
"""
from __future__ import annotations

import re

from indexer.quotes.narration import ATTRIBUTED_INSIDE, FIRST_PERSON, FORMAL_YOU, narrated_in_first_person, narrates
from indexer.quotes.rules import (
    DASH_SEPARATOR, DASHES, DOUBLE_MARKS, MIN_WORDS, QUOTE_MARK, SENTENCE_END, WORD, Rules, Span, _all_rules,
)


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


def _is_block(previous: str, text: str, introduces, narrates=None, own_voice: bool = False) -> bool:
    stripped = text.lstrip()
    return (previous.rstrip().endswith(":") and stripped[:1] not in DOUBLE_MARKS + "«" + DASHES
            and _word_count(stripped) >= MIN_WORDS
            and not ATTRIBUTED_INSIDE.search(stripped)  # narration quoting someone else (`«...», — отметил он`)
            and (introduces(previous) or not own_voice and bool(FIRST_PERSON.search(stripped.replace("I ", "i ", 0)))
                 or bool(FORMAL_YOU.search(stripped)))  # `В связи с Вашим запросом сообщаем`: a letter to someone
            and not (narrates and narrates(previous, stripped)))


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


def _after_sentence(text: str) -> str:
    m = SENTENCE_END.search(text)
    return text[m.end() :] if m else ""


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
