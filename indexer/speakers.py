"""Speaker identities: the speaker names of the quote index in (as the articles wrote them, with how
many quotes each), one identity per person out: a display name and every written form as an alias.

Барак Обама, Barack Obama, Президент Обама and Обамы are one person. The rules, in order:
- a title or role before a name is no part of it (`Президент Обама` is `Обама`); a family or a group
  (`Семья Обамы`) is an identity of its own, never merged into a person;
- words compare folded (script, case, spelling variants: `fold`), a surname allowing a
  case ending or a near spelling (`Обамы` ~ `Обама`, `Tokayev` ~ `Токаев`);
- full names with the same surname are one person when their first names agree (folded, near, or an
  initial: `Д. Медведев` ~ `Дмитрий Медведев`), and different people when they do not (two Kims);
- a surname alone joins the person of that surname whose role it is written with (`Smith`, coach ->
  `John Smith`, coach); else the family's only person, unless the roles differ; where the archive has
  two or more and no role decides, the bare surname stays an identity of its own rather than guess, and
  bare surnames with different roles stay apart (`Smith (coach)`, `Smith (senator)`);
- bodies (`МИД России`, `NASA`, `Electoral Commission`) merge only with the same folded name.
The display name is the fullest form, and among those the one written most often.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from .analysis import fold
from .quotes import HONORIFICS, ORGANISATION_HEADS, load_rules

WORD = re.compile(r"[\w'’.-]+")
TITLES = HONORIFICS | {"dame", "lord", "lady", "prof", "rev", "hon", "товарищ"}
GROUP_WORDS = {"family", "families", "семья", "семьи", "семье", "семью", "семьёй", "семьей", "родные", "родственники",
               "supporters", "fans", "сторонники"}
SUFFIXES = {"jr", "sr"}  # a regnal number stays: Альберт II
ROLE_SEPARATOR = "\x1f"  # a mention's key: the name as written, then the head of its role
ROLE_END = {"of", "at", "for", "in", "to", "and", "from", "with", "on"}


@dataclass(frozen=True)
class Identity:
    key: str  # stable within an index: the folded display name, prefixed by its kind
    name: str  # the display name
    aliases: tuple[str, ...]  # every written form, the display name first


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Titles and roles that may stand before a name, from the quote rules of both languages."""
    words = set(TITLES)
    for lang in ("en", "ru"):
        rules = load_rules(lang)
        words |= rules.role_words | rules.role_nouns
    return frozenset(words - {"of", "the", "state", "first", "house", "team", "member", "city", "statement", "report"})


def name_parts(written: str) -> tuple[str, list[str]]:
    """(kind, words): "person", "group" or "body", and the name's words without titles or suffixes."""
    words = WORD.findall(written)
    lowered = [w.lower().strip(".") for w in words]
    if any(w in GROUP_WORDS for w in lowered):
        return "group", words
    if words and (words[-1].lower() in ORGANISATION_HEADS or len(words[0].strip(".")) > 1 and words[0].strip(".").isupper()):
        return "body", words
    titles = _title_words()
    while len(words) > 1 and words[0].lower().strip(".") in titles:  # TITLES are among them
        words = words[1:]
    while len(words) > 1 and words[-1].lower().strip(".,") in SUFFIXES:
        words = words[:-1]
    return "person", words


def role_head(role: str) -> str:
    """The words that say what someone is, without where: `Director of the Library` -> `director`."""
    head = []
    for word in re.findall(r"[\w-]+", role.lower()):
        if word in ROLE_END:
            break
        if word not in ("the", "a", "an"):
            head.append(word)
    return " ".join(head[:3])


def mention_key(name: str, role: str = "") -> str:
    """How the quote index files a speaker mention: the name as written, and the head of its role."""
    head = role_head(role) if name else ""
    return f"{name}{ROLE_SEPARATOR}{head}" if head else name


def split_key(key: str) -> tuple[str, str]:
    name, _, role = key.partition(ROLE_SEPARATOR)
    return name, role


def same_surname(a: str, b: str) -> bool:
    """Folded surnames of one family: equal, a case ending apart (обамы/обама), or a near spelling."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 4 and long_.startswith(short[:-1]) and len(long_) - len(short) <= 2:
        return True
    return len(short) >= 5 and fuzz.ratio(a, b) >= 88


def same_first_name(a: str, b: str) -> bool:
    """Folded first names of one person: equal, near (barak/barack), or an initial and a name (d/dmitrii)."""
    a, b = a.replace("dzh", "i"), b.replace("dzh", "i")  # Наджиб / Najib: дж is written j, which folds to i
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return fuzz.ratio(a, b) >= 80


class _Union:
    def __init__(self, items):
        self.parent = {item: item for item in items}

    def find(self, item):
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, a, b):
        self.parent[self.find(a)] = self.find(b)


def identify(counts: dict[str, int]) -> dict[str, Identity]:
    """Every mention key (a written speaker name, or `mention_key(name, role)`) -> its identity.
    `counts`: quotes per key."""
    split = {w: split_key(w) for w in counts}
    roles = {w: role for w, (_, role) in split.items()}
    kinds: dict[str, tuple[str, list[str]]] = {w: name_parts(name) for w, (name, _) in split.items() if name.strip()}
    members: dict[str, list[str]] = defaultdict(list)  # identity key -> written names

    # bodies and groups: one identity per folded name
    for written, (kind, words) in kinds.items():
        if kind != "person" or not words:
            members[f"{kind}:" + " ".join(fold(w) for w in words)].append(written)

    people = {w: words for w, (kind, words) in kinds.items() if kind == "person" and words}
    # surnames into families, compared within blocks of their first folded letters
    surnames = {w: fold(words[-1]) for w, words in people.items()}
    families = _Union(set(surnames.values()))
    blocks = defaultdict(list)
    for surname in set(surnames.values()):
        blocks[surname[:3]].append(surname)
    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if same_surname(a, b):
                    families.join(a, b)

    by_family: dict[str, list[str]] = defaultdict(list)
    for written, surname in surnames.items():
        by_family[families.find(surname)].append(written)
    for family, written_names in by_family.items():
        full = [w for w in written_names if len(people[w]) >= 2]
        firsts = {w: fold(people[w][0]).rstrip(".") for w in full}
        persons = _Union(full)
        for i, a in enumerate(full):
            for b in full[i + 1 :]:
                if same_first_name(firsts[a], firsts[b]) and not (len(firsts[a]) == 1 and len(firsts[b]) == 1):
                    persons.join(a, b)
        # an initial joins a full first name only when one person of the family has that initial
        for a in full:
            if len(firsts[a]) == 1:
                named = {persons.find(b) for b in full if len(firsts[b]) > 1 and firsts[b][0] == firsts[a]}
                if len(named) == 1:
                    persons.join(a, next(iter(named)))
        roots = {persons.find(w) for w in full}
        person_roles = defaultdict(set)
        for written in full:
            members[f"person:{family}:{persons.find(written)}"].append(written)
            if roles[written]:
                person_roles[persons.find(written)].add(roles[written])
        alone = [w for w in written_names if len(people[w]) == 1]
        for written in alone:
            role = roles[written]
            fitting = [root for root in roots if role and role in person_roles[root]]
            only = next(iter(roots)) if len(roots) == 1 else None
            if len(fitting) == 1:  # `Smith`, coach: the Smith who is the coach
                members[f"person:{family}:{fitting[0]}"].append(written)
            elif only is not None and not (role and person_roles[only] and role not in person_roles[only]):
                members[f"person:{family}:{only}"].append(written)  # the family's only person
            else:  # no full name, two people of that name, or a role none of them has: apart, by role
                members[f"person:{family}::{role}"].append(written)

    identities: dict[str, Identity] = {}
    for member_key, written_names in members.items():
        display = max(written_names, key=lambda w: (len(kinds[w][1]), counts.get(w, 0), -len(w), w))
        shown = " ".join(kinds[display][1]) or split_key(display)[0]
        kind = kinds[display][0]
        key = f"{kind}:" + " ".join(fold(w) for w in kinds[display][1])
        if member_key.startswith("person:") and member_key.count(":") == 3 and member_key.rsplit(":", 1)[1]:
            role = member_key.rsplit(":", 1)[1]  # a bare surname told apart by its role
            shown, key = f"{shown} ({role})", f"{key} ({role})"
        names = [split_key(w)[0] for w in sorted(written_names, key=lambda w: -counts.get(w, 0))]
        identity = Identity(key, shown, tuple(dict.fromkeys([shown, *names])))
        for written in written_names:
            identities[written] = identity
    return identities


def matching(identities: dict[str, Identity], asked: str) -> list[Identity]:
    """The identities a typed speaker means: every typed word found, folded and allowing one edit,
    among the words of one of the identity's names (`Obama`, `обама`, `Barak Obama`)."""
    typed = [fold(w) for w in WORD.findall(asked.lower())]
    if not typed:
        return []
    found = {}
    for written, identity in identities.items():
        if identity.key in found:
            continue
        for alias in (split_key(written)[0], identity.name):
            words = [fold(w) for w in WORD.findall(alias.lower())]
            if all(any(_typed_matches(t, w) for w in words) for t in typed):
                found[identity.key] = identity
                break
    return list(found.values())


def _typed_matches(typed: str, word: str) -> bool:
    if typed == word or same_surname(typed, word):
        return True
    return len(typed) >= 4 and fuzz.ratio(typed, word) >= 80
