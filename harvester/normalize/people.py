"""The people table: one row per person a dataset names, however many spellings and headings name them.

A record writes each person it names from what it says of that person alone (`person_names`, `canonical_name`); the
table puts those together, as docs/dataset.md ("The people table") says. Nothing is merged on a family name alone
across documents: two Kims stay two people.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from harvester.normalize.headings import (INITIAL, Heading, family_name_first, initials_written, person_of, popular, russian_key,
                                         sort_form, split_name)
from harvester.normalize.names import NameTable, agrees, is_person_party, match_key, person_form, unbracketed, written_form

# "Iakovlev", "Iudina", "Iakubovskiĭ", "Gorʹkiĭ", "Krupskaia", "IUshchenko", "IAnukovych", "IAremchuk", "IAvorivsʹkyĭ"
# as `russian_key` writes them; a name that is all ending is none ("In", "Ki": Korean). An "-in" follows a syllable
# ("Lenin", "Ilyin"; no Chinese or Korean "Lin", "Min"), and so does an "-oi" after "v" or two consonants ("Lugovoi",
# "Tolstoi", "Trubetskoi", "Bolshoi", "Sukhoi", "Portnoi": -вой, -стой, -ской, -шой, -хой, -ной), which no Japanese,
# Korean or Vietnamese "-oi" writes ("Tsuboi", "Kadoi", "Aoi", "Choi", "Tchoi", "Khoi"; nor a "Leroi"). A "Mc" begins
# none ("McEvoy" is no -евой). An adjective's "-oi" after one consonant is a Japanese name's shape too ("Kadoi", "Itoi"),
# so those are listed ("Sedoi", "Zolotoi", "Krutoi", "Kosoi", "Molodoi", "Khudoi", "Shirokoi": -дой, -той, -сой, -кой)
_SLAVIC_FAMILY = re.compile(r"^(?!mc)(?:.*(?:\B(?:[oe]va?|k(?:i|aia)|enko|uk|[iy]ch)|[aeiouy](?:[^\W\d_aeiouy]+ina?|(?:v|[^\W\d_aeiouy]{2,})oi))|"
                            r"(?:sed|zolot|krut|kos|molod|khud|shirok)oi)$")
# what only a romanization of Russian or Ukrainian writes, whatever the ending: the Library of Congress's "ĭ", "ʹ" and
# capital "IA", "IU" ("Tolstoĭ", "IAgoda"; no Romanian "Iacoba"), and an adjective's "-yi", "-iy", "-yy" after a syllable
# (a "y" one too: Ы; an "ë": Ё) and a consonant, a soft sign as an apostrophe among them ("Kamennyi", "Podgornyy",
# "Tykhyi", "Chërnyi", "Sil'nyi"; a Korean "Yi", a Burmese "Kyi", a "Bayi" is none), where the popular "-y", "-oy" may
# be English ("Kennedy", "McCoy")
_RUSSIAN_WRITTEN = re.compile(r"[ĭʹ]|^I[AU][a-z]|(?i:[aeiouyë](?:[^\W\d_aeiouyë]|['’])+(?:y[iy]|iy))$")
_NICKNAME = re.compile(r"\s+[\"“'‘][^\"”'’]+[\"”'’](?=\s)")   # "Myer 'Mike' Feldman": a nickname between the names


class Mention(NamedTuple):
    """What one record says of its people: its id and dates, the persons its title names, its page's name headings."""

    doc_id: str
    date_start: str
    date_end: str
    names: tuple[str, ...]      # the record's `people`
    headings: tuple[str, ...]   # the page's Author(s), Associated People & Organizations, Document Contributor(s)
    written: tuple[str, ...] = ()   # its senders, recipients and participants as the title writes them (persons or not)


class People:
    """The people table, built one record (Mention) at a time, holding only what each distinct name says.

    Which documents name whom goes to a temporary table of the dataset's database (`db`), so that a harvest of any
    size fits; the people are put together when their rows are asked for, after the last mention."""

    def __init__(self, table: NameTable, db: sqlite3.Connection) -> None:
        self.names, self._db = table, db
        self._keys: dict[str, _Key] = {}
        self._parent: dict[str, str] = {}   # union-find over match keys: keys joined here name one person
        self._seen = 0                      # names seen so far: the order of first sight
        self._db.execute("DROP TABLE IF EXISTS temp.named")
        self._db.execute("CREATE TEMP TABLE named (key TEXT NOT NULL, seen INTEGER NOT NULL, doc_id TEXT NOT NULL, "
                         "date_start TEXT NOT NULL, date_end TEXT NOT NULL)")

    def add(self, mention: Mention) -> None:
        headed = [found for found in (person_of(h, self.names) for h in mention.headings) if found[1]]
        named, joins = _names_of(mention, headed, self.names)
        for one, other in joins:
            self._parent[self._find(one)] = self._find(other)
        listed = []
        for name in named:
            key = self._keys.setdefault(name.key, _Key())
            if name.known and not key.known:
                key.known, key.known_at = name.known, self._seen
            key.spellings[name.spelling] += 1
            if name.heading is not None:
                key.headings.setdefault(name.heading.raw, [self._seen, 0, name.heading])[1] += 1
            if name.key not in (row[0] for row in listed):
                listed.append((name.key, self._seen, mention.doc_id, mention.date_start, mention.date_end))
            self._seen += 1
        for spelling, key in _written_of(mention, headed, self.names):   # "N.S. Khrushchev" beside "Nikita Khrushchev"
            if key in self._keys and any(row[0] == key for row in listed):
                self._keys[key].written.add(spelling)
        self._db.executemany("INSERT INTO named VALUES (?, ?, ?, ?, ?)", listed)

    def rows(self) -> Iterator[dict]:
        """The people, ordered by sort form; each row's documents read from the database as the row is made."""
        by_root: dict[str, list[str]] = {}
        for key in self._keys:   # in the order first seen
            by_root.setdefault(self._find(key), []).append(key)
        people = sorted((_Person.of([self._keys[k] for k in keys], keys) for keys in by_root.values()),
                        key=lambda p: (match_key(p.sort_name), match_key(p.name), p.name))
        self._db.execute("CREATE INDEX IF NOT EXISTS temp.named_key ON named (key, seen)")
        return map(self._row, people)

    def _row(self, person: _Person) -> dict:
        documents: dict[str, tuple[str, str]] = {}   # doc id -> (date_start, date_end), in the order first seen
        for doc_id, start, end in self._db.execute(
                f"SELECT doc_id, date_start, date_end FROM named WHERE key IN ({','.join('?' * len(person.keys))}) "
                "ORDER BY seen", person.keys):
            documents.setdefault(doc_id, (start, end))
        starts = [start for start, _ in documents.values() if start]
        ends = [end or start for start, end in documents.values() if end or start]
        return {"name": person.name, "sort_name": person.sort_name, "birth": person.birth, "death": person.death,
                "variants": list(person.variants), "documents": len(documents), "first_date": min(starts, default=""),
                "last_date": max(ends, default=""), "document_ids": list(documents)}

    def _find(self, key: str) -> str:
        while self._parent.setdefault(key, key) != key:
            self._parent[key] = self._parent[self._parent[key]]
            key = self._parent[key]
        return key


class _Named(NamedTuple):
    """One name a document gives: its match key, as written, its heading (if a heading), the table's name if known."""

    key: str
    spelling: str
    heading: Heading | None
    known: str


def _names_of(mention: Mention, headed: list[tuple[Heading, str]], table: NameTable) -> tuple[list[_Named], list[tuple[str, str]]]:
    """The names one document gives (its page's headings of persons first, then its title's), and the keys they join."""
    named: list[_Named] = []
    joins: list[tuple[str, str]] = []
    for heading, name in headed:
        named.append(_Named(match_key(name), heading.raw, heading, _known(name, table)))
        for variant in (heading.sort, *heading.variants):   # its own other forms: "Nakajima Kenzō", "Con Cremin"
            joins.append((match_key(variant), match_key(name)))
    for spelling in mention.names:
        name = table.lookup(spelling) or written_form(spelling)
        # a short form ("Ponomarev", "V. I. Ivanov") is its page's heading in this document only: the same short
        # form elsewhere may be someone else, so the two keys are not joined for the whole dataset
        partner, known = _same_page_heading(name, headed, table), _known(name, table)
        if partner and known:   # but the table says who a name it knows is in every document: his heading here too
            joins.append((match_key(partner), match_key(name)))
        if reordered := family_name_first(name):   # "Jong Pil Kim" is "Kim Jong Pil" in every document
            joins.append((match_key(name), match_key(reordered)))
        named.append(_Named(match_key(partner or name), spelling, None, known))
    return named, joins


def _written_of(mention: Mention, headed: list[tuple[Heading, str]], table: NameTable) -> Iterator[tuple[str, str]]:
    """Each party that is a person's name, as the title writes it, with the match key the record's form of it has:
    "N.S. Khrushchev"; "Bundy" of "MR. BUNDY" (an honorific is no part of a name); "Filippov" of "Filippov [Stalin]",
    and "Maneli" of "Maneli (Saigon)" (a bracket is no part of the name it follows), but "Sergei Khrushchev" of
    "[Sergei] Khrushchev" (an editor's given name is)."""
    for spelling in mention.written:
        spelling = unbracketed(spelling)
        if spelling and is_person_party(spelling, table):
            name = person_form(spelling, table)
            yield spelling, match_key(_same_page_heading(name, headed, table) or name)


@dataclass
class _Key:
    """What the names with one match key say, over all the documents."""

    known: str = ""                                           # the first table name seen
    known_at: int = 0
    spellings: Counter[str] = field(default_factory=Counter)
    headings: dict[str, list] = field(default_factory=dict)   # raw heading -> [when first seen, how many, Heading]
    written: set[str] = field(default_factory=set)            # the title spellings behind the record's forms


@dataclass
class _Person:
    """One person: the keys that name them and what those say together (all but the documents)."""

    keys: list[str]
    name: str
    sort_name: str
    birth: int | None
    death: int | None
    variants: tuple[str, ...]

    @classmethod
    def of(cls, found: list[_Key], keys: list[str]) -> _Person:
        table_name = min(((k.known_at, k.known) for k in found if k.known), default=(0, ""))[1]   # the first seen
        spellings: Counter[str] = Counter()
        for key in found:
            spellings.update(key.spellings)
        headings = sorted(((seen, count, heading) for k in found for seen, count, heading in k.headings.values()),
                          key=lambda entry: entry[0])
        name = _name(table_name, headings, spellings)
        heading = next((h for _, _, h in headings if h.sort), None)
        years = next(((h.birth, h.death) for _, _, h in headings if h.birth or h.death), (None, None))
        forms = [*spellings, *(w for key in found for w in key.written),
                 *(v for _, _, h in headings for v in (h.display, *h.variants))]
        return cls(keys, name, heading.sort if heading is not None else sort_form(name), years[0], years[1],
                   tuple(sorted({f for f in forms if f != name}, key=lambda f: (match_key(f), f))))


def _known(name: str, table: NameTable) -> str:
    return name if table.lookup(name) == name else ""


def _same_page_heading(name: str, headed: list[tuple[Heading, str]], table: NameTable) -> str | None:
    """The one heading of the same page filed under a title's short form (under the family name; a Mongolian's under
    his own name, "Batmönkh, Jambyn"), whose initials agree with it.

    A short form is a lone family name ("Ponomarev") or initials ("V. I. Ivanov"); a name with a given
    name of its own is a person of its own ("Kim Il" is not "Kim, Il-sung"), unless the heading writes
    that given name first and adds a patronymic or a middle name to it ("Leonid Kuchma", "Myer 'Mike'
    Feldman": "Kuchma, Leonid Danylovych", "Feldman, Myer ("Mike")"). A name the table knows meets no heading with
    initials it does not write the person with ("Gromyko" is the table's A. A., not "Gromyko, Andreĭ B.").
    """
    if not headed:
        return None
    family, given = split_name(_NICKNAME.sub("", name))
    short, known = all(INITIAL.match(word) for word in given.split()), _known(name, table)
    matches = {canonical for heading, canonical in headed
               if _filed_under(heading, family) and _agree(given, _given(heading, canonical))
               and (short or _fuller(given, heading)) and (not known or initials_written(known, heading, table))}
    return matches.pop() if len(matches) == 1 else None


def _filed_under(heading: Heading, family: str) -> bool:
    """Whether a heading is filed under the family name, or a Russian or Ukrainian one in the other romanization
    ("IAkovlev", "IUshchenko", "Elʹtsin", "Trotskiĭ" under "Yakovlev", "Yushchenko", "Yeltsin", "Trotsky", and the other
    way round); a Romanian "Iacob" or "Iancu" is no "Yacob", "Yancu", nor an "Eden" a "Yeden": no Russian ending."""
    filed = heading.sort.split(",")[0]
    return match_key(family) == match_key(filed) or (_russian(filed) or _russian(family)) and russian_key(family) == russian_key(filed)


def _russian(family: str) -> bool:
    """Whether a family name has a Russian or Ukrainian ending (`_SLAVIC_FAMILY`) in either romanization, or is written
    as only Russian or Ukrainian is (`_RUSSIAN_WRITTEN`)."""
    return bool(_SLAVIC_FAMILY.search(russian_key(family)) or _RUSSIAN_WRITTEN.search(family))


def _given(heading: Heading, canonical: str) -> str:
    """A heading's given names, begun with the popular romanization's "Ya" or "Yu" where the table's name of its person is:
    "Malik, Iakov Aleksandrovich" is the table's Yakov Malik, so his "Iakov" is Я, as "IAkov" is (no "I." is his)."""
    written = popular(heading.given)
    return written if written != heading.given and match_key(split_name(canonical)[1])[:2] == match_key(written)[:2] else heading.given


def _fuller(given: str, heading: Heading) -> bool:
    """Whether a heading written given name first begins with the same first given name (in either romanization of
    Russian, a Russian family name's: "Yegor", "Yuri" are "Egor", "IUriĭ"; "Ian" is no "Smith, Yan") and has as many or more."""
    ours, theirs, key = given.split(), heading.given.split(), russian_key if _russian(heading.sort.split(",")[0]) else match_key
    return heading.order == "given-first" and len(ours) <= len(theirs) and key(ours[0]) == key(theirs[0])


def _agree(given: str, full: str) -> bool:
    """ "N. G." agrees with "Nikolai Georgievich" (`_initial_agrees`); "" agrees with anything; "Il Sung" with "Il-sung"
    only as initials do, and "Yegor" with "Egor" (`russian_key`), not "Yates" with "Ian"."""
    return all(_initial_agrees(one, other) if one.endswith(".") else _initial_agrees(other, one) if other.endswith(".")
               else one[0].casefold() == other[0].casefold() or russian_key(one) == russian_key(other)
               for one, other in zip(*(g.replace("-", " ").replace(".", ". ").split() for g in (given, full))))


def _initial_agrees(initial: str, other: str) -> bool:
    """An initial agrees with a name it begins (`agrees`), and with an initial of the same letter only, in any
    romanization of Russian: "Ya." with "Ia." and "Ja.", "Yu." with "IUriĭ", "Ye." with "E." and "Egor", "Y." with "IU.";
    not "I." with "Ia."; a one-letter "Y." or "J." with a name of its own letter, or the Library of Congress's "IA" or "IU"
    in capitals ("IAkov", not a heading's "IAN"), only: "J." is "John" before "Egor" ("J. Kennedy" is no "Edward",
    "J. Smith" no "Ian"). That "IA" or "IU" is one letter, as "Ia." is: no "I."."""
    if other.endswith("."):
        return bool(_letters(initial) & _letters(other))
    if other[:2] in ("IA", "IU") and not other.isupper():
        return match_key(other)[:2] in _letters(initial)
    key = match_key(initial)
    return any(agrees(f"{letter}.", other) for letter in (_letters(initial) if len(key) > 1 else {key}))


_IOTATED_INITIAL = re.compile(r"[yj][aeou]?|i[au]")   # Я, Ю, Е, Ё: "Ya.", "Ja.", "Ia."; "Y." or "J." alone any of them


def _letters(initial: str) -> set[str]:
    """An initial as written and as English, German or Polish and the Library of Congress write its letter: "Ya." -> "ya",
    "ja", "ia"; "Ye." -> "ye", "je", "e" (and "Yo." -> "e", as "Ë." is). A "J." alone is no "E.": an English one is a
    John's, as an English "Y." is no Edward's."""
    key = match_key(initial)
    vowels = (key[1:] or "aeou") if _IOTATED_INITIAL.fullmatch(key) else ""
    return {key, *(f"{y}{v}" for y in "yj" for v in vowels), *("e" if v in "eo" else f"i{v}" for v in vowels
                                                               if key != "j" or v in "au")}


def _name(table_name: str, headings: list[tuple[int, int, Heading]], spellings: Counter[str]) -> str:
    """The table's name; else the headings' display form (the most seen; of equals, the first seen); else the
    best-written title spelling (mixed case, most seen; of equals, one in its culture's order: "Kim Jong Pil", not
    "Jong Pil Kim")."""
    if table_name:
        return table_name
    if headings:
        displays: dict[str, int] = {}
        for _, count, heading in headings:   # in the order first seen
            displays[heading.display] = displays.get(heading.display, 0) + count
        return max(displays, key=lambda display: displays[display])   # max keeps the first of equals
    return written_form(min(spellings, key=lambda s: (s.isupper(), -spellings[s], bool(family_name_first(written_form(s))), s)))
