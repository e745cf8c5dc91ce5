"""The people table: one row per person a dataset names, however many spellings and headings name them.

It is built from what records carry: the persons a title names (`Record.people`) and the name
headings of the document page (authors, associated people, contributors). Spellings meet in
five ways, strongest first: the names table (`NameTable`), the heading reconciliation of
`canonical_name` ("Puzanov, Aleksandr Mikhailovich" is the table's "A. M. Puzanov"), the
forms a heading itself gives (its order without the comma, "Nakajima Kenzō"; its alternative
"Jiang Jingguo"; its nickname form "Con Cremin"), the match key (case, spaces, periods, hyphens and accents aside), and within one
document a title's short form ("Ponomarev", "V. I. Ivanov") and the one heading of that page
with the same family name and agreeing initials. Nothing is merged on a family name alone across
documents: two Kims stay two people.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import NamedTuple

from harvester.normalize.headings import Heading, canonical_name, is_person, parse_heading, sort_form, split_name
from harvester.normalize.names import NameTable, match_key, written_form

_INITIAL = re.compile(r"^(?:[^\W\d_]{1,2}\.)+$")   # "S.", "Yu.", "V.I."


class Mention(NamedTuple):
    """What one record says of its people: its id and dates, the persons its title names, its page's name headings."""

    doc_id: str
    date_start: str
    date_end: str
    names: tuple[str, ...]      # Record.people, as written
    headings: tuple[str, ...]   # the page's Author(s), Associated People & Organizations, Document Contributor(s)


@dataclass(frozen=True)
class PersonRow:
    """One person of a dataset; its field order IS the export schema of the people table."""

    name: str
    sort_name: str
    birth: int | None
    death: int | None
    variants: tuple[str, ...]
    documents: int
    first_date: str
    last_date: str
    document_ids: tuple[str, ...]


PEOPLE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(PersonRow))


@dataclass
class _Person:
    """A growing cluster: the spellings seen, the headings, the table's name if it knows the person, the documents."""

    table_name: str = ""
    headings: list[Heading] = field(default_factory=list)
    spellings: Counter[str] = field(default_factory=Counter)
    documents: dict[str, tuple[str, str]] = field(default_factory=dict)   # doc id -> (date_start, date_end)
    named: set[tuple[str, str]] = field(default_factory=set)              # (doc id, a form it is written in there)


def build_people(mentions: Iterable[Mention], table: NameTable) -> list[PersonRow]:
    """One row per person, ordered by sort form: canonical name, sort form, years, variants, documents, dates."""
    return people_and_names(mentions, table)[0]


def canonical_names(mentions: Iterable[Mention], table: NameTable) -> dict[tuple[str, str], str]:
    """(document id, a spelling seen in it: a title name, a heading, a heading's standard form) -> the name its
    person has in the people table. Per document: "Petrov" in one document and in another may be two people."""
    return people_and_names(mentions, table)[1]


def people_and_names(mentions: Iterable[Mention], table: NameTable) -> tuple[list[PersonRow], dict[tuple[str, str], str]]:
    """build_people and canonical_names at once, from one clustering of the mentions."""
    people = _cluster(list(mentions), table)
    rows = sorted(map(_row, people), key=lambda r: (match_key(r.sort_name), match_key(r.name), r.name))
    return rows, {pair: _name(person) for person in people for pair in person.named}


class _Keys:
    """Union-find over match keys: keys joined here name one person."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        while self.parent.setdefault(key, key) != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, one: str, other: str) -> None:
        self.parent[self.find(one)] = self.find(other)


def _cluster(mentions: list[Mention], table: NameTable) -> list[_Person]:
    """Every person the mentions name, with the spellings, headings and documents that name them."""
    keys = _Keys()
    seen: list[tuple[str, str, Heading | None, str, Mention, str]] = []  # (key, spelling, heading, table name, mention, form)
    for mention in mentions:
        headed = [(h, canonical_name(h, table)) for h in map(parse_heading, mention.headings) if is_person(h, table)]
        for heading, name in headed:
            seen.append((match_key(name), heading.raw, heading, _known(name, table), mention, name))
            for variant in (heading.sort, *heading.variants):   # its own other forms: "Nakajima Kenzō", "Con Cremin"
                keys.join(match_key(variant), match_key(name))
        for spelling in mention.names:
            name = table.lookup(spelling) or written_form(spelling)
            # a short form ("Ponomarev", "V. I. Ivanov") is its page's heading in this document only: the same short
            # form elsewhere may be someone else, so the two keys are not joined for the whole dataset
            partner = _same_page_heading(name, headed)
            seen.append((match_key(partner or name), spelling, None, _known(name, table), mention, name))
    clusters: dict[str, _Person] = {}
    for key, spelling, heading, known, mention, form in seen:
        root = keys.find(key)
        person = clusters.get(root)
        if person is None:   # (setdefault would build a _Person, and its Counter, for every mention)
            person = clusters[root] = _Person()
        person.table_name = person.table_name or known
        person.spellings[spelling] += 1
        person.named.update({(mention.doc_id, spelling), (mention.doc_id, form)})
        if heading is not None:
            person.headings.append(heading)
        person.documents.setdefault(mention.doc_id, (mention.date_start, mention.date_end))
    return list(clusters.values())


def _known(name: str, table: NameTable) -> str:
    return name if table.lookup(name) == name else ""


def _same_page_heading(name: str, headed: list[tuple[Heading, str]]) -> str | None:
    """The one heading of the same page whose family name and initials agree with a title's short form.

    Only a short form counts: a lone family name ("Ponomarev") or initials ("V. I. Ivanov"); a
    name with a given name of its own ("Kim Il") is a person of its own.
    """
    if not headed:
        return None
    family, given = split_name(name)
    if any(not _INITIAL.match(word) for word in given.split()):
        return None
    matches = {canonical for heading, canonical in headed
               if match_key(heading.family) == match_key(family) and _agree(given, heading.given)}
    return matches.pop() if len(matches) == 1 else None


def _agree(given: str, full: str) -> bool:
    """ "N. G." agrees with "Nikolai Georgievich"; "" agrees with anything; "Il Sung" with "Il-sung" only as initials do."""
    ours, theirs = ([w[0].casefold() for w in g.replace("-", " ").split() if w] for g in (given, full))
    size = min(len(ours), len(theirs))
    return ours[:size] == theirs[:size]


def _name(person: _Person) -> str:
    """The table's name; else the heading's display form; else the best-written title spelling (mixed case, most seen)."""
    if person.table_name:
        return person.table_name
    if person.headings:
        return Counter(h.display for h in person.headings).most_common(1)[0][0]
    best = min(person.spellings, key=lambda s: (s.isupper(), -person.spellings[s], s))
    return written_form(best)


def _row(person: _Person) -> PersonRow:
    name = _name(person)
    heading = next((h for h in person.headings if h.sort), None)
    years = next(((h.birth, h.death) for h in person.headings if h.birth or h.death), (None, None))
    forms = [*person.spellings, *(v for h in person.headings for v in (h.display, *h.variants))]
    variants = tuple(sorted({f for f in forms if f != name}, key=lambda f: (match_key(f), f)))
    starts = [start for start, _ in person.documents.values() if start]
    ends = [end or start for start, end in person.documents.values() if end or start]
    return PersonRow(
        name=name,
        sort_name=heading.sort if heading is not None else sort_form(name),
        birth=years[0],
        death=years[1],
        variants=variants,
        documents=len(person.documents),
        first_date=min(starts, default=""),
        last_date=max(ends, default=""),
        document_ids=tuple(person.documents),
    )
