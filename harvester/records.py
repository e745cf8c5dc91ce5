"""The Record type, whose field order IS the export schema, and how a raw card becomes one."""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields

from harvester.details import DETAIL_FIELDS, DocumentDetails
from harvester.normalize.dates import parse_date
from harvester.normalize.names import NameTable, person_names
from harvester.normalize.text import clean_text
from harvester.normalize.titles import doc_type, parties
from harvester.parse import RawCard
from harvester.sites import Site


@dataclass(frozen=True, slots=True)  # slots: a large harvest holds many records
class Record:
    """One document as harvested: what the card says, normalized. Lists are tuples of strings."""

    id: str
    url: str
    title: str
    summary: str
    date: str
    date_start: str
    date_end: str
    date_precision: str
    date_approximate: bool
    date_raw: str
    doc_type: str
    senders: tuple[str, ...]
    recipients: tuple[str, ...]
    participants: tuple[str, ...]
    people: tuple[str, ...]
    query: str
    source_page: str
    harvested_at: str
    first_seen: str = ""      # set from the run state (harvest) or the page time (reparse)
    last_seen: str = ""

    def __reduce__(self) -> tuple[type, tuple]:
        """Pickled as its values (records come back from worker processes): rebuilding a slotted frozen
        dataclass field by field from its state took five times as long."""
        return type(self), _values(type(self))(self)


FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Record))


@functools.cache
def _values(kind: type) -> Callable[[object], tuple]:
    return operator.attrgetter(*(f.name for f in fields(kind)))


@dataclass(frozen=True, slots=True)
class DetailedRecord(Record):
    """A record and what its document page adds (harvest --details); the added fields follow DETAIL_COLUMNS."""

    record_id: str = ""
    authors: tuple[str, ...] = ()
    people_orgs: tuple[str, ...] = ()
    contributors: tuple[str, ...] = ()
    page_people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    original_archive: tuple[str, ...] = ()
    source: str = ""
    languages: tuple[str, ...] = ()
    rights: str = ""
    classification: str = ""
    doc_type_page: str = ""
    donors: tuple[str, ...] = ()
    uploaded: str = ""
    pdf_url: str = ""
    transcript: str = ""


def time_span(times: Iterable[str]) -> tuple[str | None, str | None]:
    """The earliest and latest of ISO times (empty ones aside), read once: (None, None) when there is none."""
    first = last = None
    for time in times:
        if time:
            first = time if first is None or time < first else first
            last = time if last is None or time > last else last
    return first, last


def with_details(record: Record, details: DocumentDetails | None) -> DetailedRecord:
    """The record with its page's details (empty ones when the page could not be had)."""
    own = {f.name: getattr(record, f.name) for f in fields(Record)}
    added = {name: getattr(details, name) for name in DETAIL_FIELDS} if details is not None else {}
    return DetailedRecord(**own, **added)


def build_record(doc_id: str, card: RawCard, source_page: str, site: Site, query: str, harvested_at: str, names: NameTable,
                 first_seen: str = "", last_seen: str = "") -> Record:
    """Normalize one raw card: clean text, EDTF date, document type, the parties its title names.

    first_seen and last_seen default to harvested_at (a re-parse knows no earlier runs)."""
    return Record(*record_values(doc_id, card, source_page, site, query, harvested_at, names, first_seen, last_seen))


def record_values(doc_id: str, card: RawCard, source_page: str, site: Site, query: str, harvested_at: str, names: NameTable,
                  first_seen: str = "", last_seen: str = "") -> tuple:
    """build_record's values, in the order of FIELDS, with no Record made (a worker hands the store only these)."""
    title = clean_text(card.title)
    date = parse_date(clean_text(card.date))
    named = parties(title)
    return (doc_id, site.doc_url(doc_id), title, clean_text(card.summary),
            date.edtf, date.start, date.end, date.precision, date.approximate, card.date,
            doc_type(title), named.senders, named.recipients, named.participants, person_names(named, names),
            query, source_page, harvested_at, first_seen or harvested_at, last_seen or harvested_at)
