"""Dates: an article's paragraphs in, the dates it mentions (normalized to
YYYY-MM-DD, YYYY-MM or YYYY) and the year of the event it reports out, with
whether that year was stated ("event") or worked out ("inferred", as from
"the first in the past 34 years ... the last time was in August 1991").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

EN_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december"]
# Russian month stems: января, январе, январь all start with the stem.
RU_MONTHS = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август",
             "сентябр", "октябр", "ноябр", "декабр"]
EN_MONTH = r"(?P<month>" + "|".join(m.capitalize() for m in EN_MONTHS) + r"|" + "|".join(
    m[:3].capitalize() + r"\." for m in EN_MONTHS) + r")"
RU_MONTH = r"(?P<month>(?:" + "|".join(RU_MONTHS) + r")[а-я]{0,3})"
YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

FULL_DATES = [
    re.compile(EN_MONTH + r"\s+" + DAY + r",?\s+" + YEAR + r"\b"),
    re.compile(r"\b" + DAY + r"\s+" + EN_MONTH + r",?\s+" + YEAR + r"\b"),
    re.compile(r"\b" + DAY + r"\s+" + RU_MONTH + r"\s+" + YEAR + r"\b", re.I),
    re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
]
MONTH_YEARS = [
    re.compile(r"\b" + EN_MONTH + r",?\s+(?:of\s+)?" + YEAR + r"\b"),
    re.compile(r"\b" + RU_MONTH + r"\s+" + YEAR + r"\b", re.I),
]
FOUR_DIGITS = re.compile(r"\d\d\d\d")
# A bare number is a year only in a year's company: "in 1996", "of 1986", "1941-1945", "2020 year".
NUMBER = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
YEAR_BEFORE = {"in", "of", "since", "from", "to", "until", "till", "by", "year", "early", "late",
               "mid", "в", "с", "до", "по", "к", "от",
               "году", "года", "год"}
YEAR_AFTER = re.compile(r"\s*(?:[-–]\s*(?:1[5-9]|20)\d\d\b|years?\b|год|г\.)")


def is_bare_year(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 12) : start]
    if re.search(r"\d\s?[-–]\s?$|\b(?:1[5-9]|20)\d\d(?:,| and| or| и)\s$", before):  # 1941-1945, 1941 and 1945
        return True
    if re.search(r"[\w.,]$", before) or re.match(r"[.,]?\d|[-–]?\w", text[end : end + 2]) and not YEAR_AFTER.match(text, end):
        return False
    words = re.findall(r"\w+", before)
    return bool(words and words[-1].lower() in YEAR_BEFORE) or bool(YEAR_AFTER.match(text, end))


EVENT_VERBS = re.compile(
    r"\b(held|hosted|opened|opening|presented|took place|launched|kicked off|unveiled|began|started"
    r"|состоял\w*|прош(?:ёл|ел|ла|ло|ли)|открыл\w*|открыт\w*|представлен\w*|начал\w*|провел\w*|провёл\w*)\b",
    re.I,
)
YEARS_AGO = [
    re.compile(r"\b(?P<n>\d{1,3}) years ago,?\s+(?:in\s+)?(?:\w+\s+)?(?P<year>1[5-9]\d\d|20\d\d)\b", re.I),
    re.compile(r"\b(?P<n>\d{1,3}) (?:лет|года?) назад,?\s+(?:в\s+)?(?:\w+\s+)?(?P<year>1[5-9]\d\d|20\d\d)\b", re.I),
]
PAST_YEARS = re.compile(r"\b(?:in|over|for|during) the (?:past|last) (?P<n>\d{1,3}) years\b|за последние (?P<n2>\d{1,3}) (?:лет|года?)", re.I)
LAST_TIME = re.compile(r"\b(?:last time|since|последний раз|с)\b[^.]*?\b(?P<year>1[5-9]\d\d|20\d\d)\b", re.I)


@dataclass
class FoundDate:
    value: str  # YYYY-MM-DD, YYYY-MM or YYYY
    start: int
    end: int

    @property
    def year(self) -> int:
        return int(self.value[:4])


def month_number(name: str) -> int:
    name = name.lower().rstrip(".")
    if name.isdigit():
        return int(name)
    for i, month in enumerate(EN_MONTHS):
        if month.startswith(name) and len(name) >= 3:
            return i + 1
    for i, stem in enumerate(RU_MONTHS):
        # "ма" (май, мая, мае) must not take март, which has its own stem.
        if name.startswith(stem) and not (stem == "ма" and name.startswith("март")):
            return i + 1
    return 0


def find_dates(text: str) -> list[FoundDate]:
    """Every date in text, most precise reading first where two overlap, in order of appearance."""
    if not FOUR_DIGITS.search(text):
        return []  # every date pattern has a year
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for patterns, fmt in ((FULL_DATES, "day"), (MONTH_YEARS, "month")):
        for pattern in patterns:
            for m in pattern.finditer(text):
                month = month_number(m.group("month"))
                if not 1 <= month <= 12 or not free(m.start(), m.end()):
                    continue
                if fmt == "day":
                    day = int(m.group("day"))
                    if not 1 <= day <= 31:
                        continue
                    value = f"{m.group('year')}-{month:02d}-{day:02d}"
                else:
                    value = f"{m.group('year')}-{month:02d}"
                found.append(FoundDate(value, m.start(), m.end()))
                taken.append((m.start(), m.end()))
    for m in NUMBER.finditer(text):
        if free(m.start(), m.end()) and is_bare_year(text, m.start(), m.end()):
            found.append(FoundDate(m.group(), m.start(), m.end()))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def dates_mentioned(paragraphs: list[str]) -> list[str]:
    """Distinct dates the text names, in time order."""
    values = {d.value for p in paragraphs for d in find_dates(p)}
    return sorted(values)


def sentences(paragraph: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+(?=[A-ZА-ЯЁ\"“«])", paragraph)


def event_year(paragraphs: list[str], lead: int = 3) -> int | None:
    """The year of a date stated beside the event's verb in the lead ("On July 2, 2019 ... was held")."""
    for paragraph in paragraphs[:lead]:
        for sentence in sentences(paragraph):
            verb = EVENT_VERBS.search(sentence)
            if not verb:
                continue
            dated = [d for d in find_dates(sentence) if len(d.value) > 4]
            if dated:  # the date nearest the verb: "liberated on July 3, 1944, and ... opened on 2 July 2019"
                return min(dated, key=lambda d: min(abs(d.start - verb.end()), abs(verb.start() - d.end))).year
    return None


BIRTH = re.compile(r"(?:родил\w*|born)\s+(?:on\s+|in\s+)?$", re.I)  # a death is often the news itself


def latest_dated_year(paragraphs: list[str]) -> int | None:
    """The latest year the article dates by month or day ("29 апреля 2016 года", "в июле 2013 года"),
    births aside: news tells its own event and recalls older ones, and a bare year is more
    often history than news. Read against annotated event years, this beat the first full date."""
    years = [found.year for paragraph in paragraphs for found in find_dates(paragraph)
             if len(found.value) >= 7 and not BIRTH.search(paragraph[max(0, found.start - 30) : found.start])]
    return max(years) if years else None


def inferred_year(paragraphs: list[str]) -> int | None:
    """A year worked out from the text: "30 years ago, in December 1991"; "the first in the past
    34 years ... the last time was in August 1991"."""
    for paragraph in paragraphs:
        for pattern in YEARS_AGO:
            m = pattern.search(paragraph)
            if m:
                return int(m.group("year")) + int(m.group("n"))
        m = PAST_YEARS.search(paragraph)
        if m:
            n = int(m.group("n") or m.group("n2"))
            last = LAST_TIME.search(paragraph, m.end())
            if last:
                return int(last.group("year")) + n
    return None


def year_of(published: str | None, paragraphs: list[str]) -> tuple[int | None, str | None]:
    """The publication year, else the event's stated year (a date beside the event's verb in the lead),
    else an inferred one, else the latest dated month's, with its basis."""
    if published and published[:4].isdigit():
        return int(published[:4]), "published"
    year = event_year(paragraphs)
    if year:
        return year, "event"
    # "30 years ago, in December 1991" is explicit about now; a first full date may be a closing day
    year = inferred_year(paragraphs)
    if year:
        return year, "inferred"
    year = latest_dated_year(paragraphs)
    if year:
        return year, "event"
    return None, None
