"""A run's records on disk, so that a harvest or a re-parse of any size holds none of them in memory.

The records live in SQLite's private temporary database (a file in the temporary folder, which SQLite
deletes when the store is closed or dropped), each document once per search: in the order it was first
seen, as built from its latest card. A record is pickled where it is built (in a worker process), so the
main process only moves bytes; the columns beside it are what the run's report and state read, without
unpickling anything. The details of document pages are kept beside the records and joined to them as
they are read.
"""

from __future__ import annotations

import operator
import pickle
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any

from harvester.crawl import Seen
from harvester.details import DocumentDetails
from harvester.parse import RawCard
from harvester.people import Mention, mention_of
from harvester.records import FIELDS, Record, time_span, with_details

# What the store keeps of a record: id, url, title, summary, date_raw, harvested_at, the record's values and its
# Mention (pickled: the people table reads them without the records).
Stored = tuple[str, str, str, str, str, str, bytes, bytes]
Kept = tuple[bytes, "str | None", "bytes | None"]   # read back: the record's values, its first_seen, its page's details

BATCH = 500   # log rows written to SQLite at a time
_INSERT = ("INSERT OR IGNORE INTO records (search, id, url, title, summary, date_raw, harvested_at, record, mention) "
           "VALUES (?9, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
_REPLACE = ("UPDATE records SET url = ?2, title = ?3, summary = ?4, date_raw = ?5, harvested_at = ?6, record = ?7, "
            "mention = ?8 WHERE id = ?1 AND search = ?9")


def stored(record: Record) -> Stored:
    """A record (a card's: the details of document pages are kept apart) as the store keeps it: its values are
    pickled as a tuple, which reads back in half the time the record would (Record(*values) rebuilds it)."""
    if type(record) is not Record:
        raise TypeError(f"the store keeps the records of cards, not {type(record).__name__}")
    return stored_values(_VALUES(record))


def stored_values(values: tuple) -> Stored:
    """What the store keeps of the record with these values (in the order of FIELDS), made from them alone; the
    Mention is mention_of's, for a record with no page details."""
    return (*_COLUMNS(values), pickle.dumps(values, protocol=5), pickle.dumps((*_MENTION(values), ()), protocol=5))


_VALUES = operator.attrgetter(*FIELDS)
_COLUMNS = operator.itemgetter(*map(FIELDS.index, ("id", "url", "title", "summary", "date_raw", "harvested_at")))
_MENTION = operator.itemgetter(*map(FIELDS.index, ("id", "date_start", "date_end", "people")))


class RecordStore:
    """The records of one run, for one search or several (a re-parse of saved pages may hold several).

    Each search's documents are in the order first seen, each with its latest record; read back, a document
    listed by two searches is the first search's. `listing(search)` is a search's crawl listing."""

    def __init__(self) -> None:
        # "": a private temporary database, on disk, deleted when closed; one transaction, never committed (there is
        # nothing to keep), whose pages SQLite writes out to the file as its small cache fills
        self.db = sqlite3.connect("")
        self.db.execute("PRAGMA journal_mode=OFF")   # nothing to roll back to: the store lives for one run
        self.db.execute("PRAGMA synchronous=OFF")
        # a record is 1-2 KB: larger pages, and no file lock taken and let go for every statement (only this
        # connection ever sees the file), made keeping one 8 -> 5 us
        self.db.execute("PRAGMA page_size=16384")
        self.db.execute("PRAGMA locking_mode=EXCLUSIVE")
        self.db.execute("CREATE TABLE records (pos INTEGER PRIMARY KEY, search INTEGER NOT NULL, id TEXT NOT NULL, "
                        "url TEXT NOT NULL, title TEXT NOT NULL, summary TEXT NOT NULL, date_raw TEXT NOT NULL, "
                        "harvested_at TEXT NOT NULL, first_seen TEXT, record BLOB NOT NULL, mention BLOB NOT NULL, "
                        "UNIQUE (id, search))")
        self.db.execute("CREATE TABLE details (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, url TEXT NOT NULL, "
                        "card BLOB NOT NULL, details BLOB)")
        self.db.execute("CREATE TABLE log (kind TEXT NOT NULL, item TEXT NOT NULL)")
        self._listings: list[Listing] = []
        self.detailed = False   # read back, every record has its details (empty when its page is not here)

    def close(self) -> None:
        self.db.close()

    def listing(self, search: int = 0) -> Listing:
        """The documents of a search (0, 1, ... in the order the searches were first seen), as a crawl lists them."""
        while len(self._listings) <= search:
            self._listings.append(Listing(self, len(self._listings)))
        return self._listings[search]

    def log(self, kind: str) -> Log:
        """A list of text kept here, not in memory (what a run reports as new or changed)."""
        return Log(self.db, kind)

    def put(self, row: Stored, search: int = 0) -> bool:
        """Add a record, or replace the search's record of its document where it stands; True if the document is new."""
        added = self.db.execute(_INSERT, (*row, search)).rowcount
        if not added:
            self.db.execute(_REPLACE, (*row, search))
        return bool(added)

    def put_details(self, doc_id: str, url: str, card: RawCard, details: DocumentDetails) -> None:
        """A document page's details (its latest, if saved twice), and its own card, for a record of its own when no
        results page lists it."""
        self.db.execute("INSERT INTO details (id, url, card, details) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                        "url = excluded.url, card = excluded.card, details = excluded.details",
                        (doc_id, url, pickle.dumps(card, protocol=5), pickle.dumps(details, protocol=5)))
        self.detailed = True

    def __len__(self) -> int:
        """How many documents, each counted once."""
        if len(self._listings) <= 1:
            return len(self._listings[0]) if self._listings else 0
        return self.db.execute("SELECT COUNT(DISTINCT id) FROM records").fetchone()[0]

    def __contains__(self, doc_id: object) -> bool:
        return self.db.execute("SELECT 1 FROM records WHERE id = ?", (doc_id,)).fetchone() is not None

    # reading back: each document once (its first search's record), the searches in order

    def _first_records(self, columns: str) -> Iterator[tuple]:
        if len(self._listings) <= 1:
            return self._rows(f"SELECT {columns} FROM records r LEFT JOIN details d ON d.id = r.id ORDER BY r.pos")
        return self._rows(f"SELECT {columns} FROM records r LEFT JOIN details d ON d.id = r.id "
                          "WHERE r.search = (SELECT MIN(search) FROM records o WHERE o.id = r.id) ORDER BY r.search, r.pos")

    def records(self) -> Iterator[Record]:
        return map(self.made, self.kept())

    def kept(self) -> Iterator[Kept]:
        """The records as kept (bytes: what `made` makes a record of, here or in a process forked from this one)."""
        return self._first_records("r.record, r.first_seen, d.details")

    def made(self, kept: Kept) -> Record:
        """A record as read back, from what is kept of it."""
        blob, first_seen, details = kept
        record = Record(*pickle.loads(blob))
        if first_seen:
            record = replace(record, first_seen=first_seen)
        return with_details(record, pickle.loads(details) if details else None) if self.detailed else record

    def mentions(self) -> Iterator[Mention]:
        """What each record says of its people, in order (kept beside it: smaller to read than the record)."""
        for blob, details in self._first_records("r.mention, d.details"):
            mention = Mention(*pickle.loads(blob))
            if details:
                page: DocumentDetails = pickle.loads(details)
                mention = mention._replace(headings=page.authors + page.people_orgs + page.contributors)
            yield mention

    def detail_warnings(self) -> Iterator[str]:
        """What could not be read on the document pages, record by record: "URL: warning"."""
        for url, details in self._first_records("r.url, d.details"):
            if details:
                yield from (f"{url}: {warning}" for warning in pickle.loads(details).warnings)

    def lone_pages(self) -> list[str]:
        """The documents whose page is here but which no search lists, in the order first seen."""
        return [doc_id for doc_id, in self.db.execute("SELECT id FROM details WHERE id NOT IN (SELECT id FROM records) "
                                                      "ORDER BY seq")]

    def page(self, doc_id: str) -> tuple[str, RawCard]:
        """A document page's URL and its own card."""
        url, card = self.db.execute("SELECT url, card FROM details WHERE id = ?", (doc_id,)).fetchone()
        return url, pickle.loads(card)

    def seen(self) -> Iterator[tuple[str, str, str, str]]:
        """(id, title, summary, date_raw) of each record, in order: what the run state and its report compare."""
        return self._first_records("r.id, r.title, r.summary, r.date_raw")

    def get(self, doc_id: str) -> Record | None:
        """A document's record (its first search's), as read back."""
        row = self.db.execute("SELECT r.record, r.first_seen, d.details FROM records r LEFT JOIN details d ON d.id = r.id "
                              "WHERE r.id = ? ORDER BY r.search LIMIT 1", (doc_id,)).fetchone()
        return None if row is None else self.made(row)

    def first_seen(self, earlier: Iterable[tuple[str, str]]) -> None:
        """(id, first_seen) from earlier runs: those records were first seen then, not in this run."""
        self.db.executemany("UPDATE records SET first_seen = ?2 WHERE id = ?1", earlier)

    def harvested_span(self) -> tuple[str | None, str | None]:
        """The earliest and latest harvested_at of the records read back."""
        return time_span(time for time, in self._first_records("r.harvested_at"))

    def _rows(self, query: str) -> Iterator[tuple]:
        return iter(self.db.execute(query))   # a cursor reads its rows as they are asked for


class Listing:
    """The documents of one search in a store, as its crawl lists them (crawl.Listing): the records of a results
    page are `offer`ed when the crawl takes the page, then `keep` takes them card by card."""

    def __init__(self, store: RecordStore, search: int) -> None:
        self.store, self.search = store, search
        self._offered: dict[str, Stored] = {}
        self._count = 0

    def offer(self, rows: Iterable[Stored]) -> None:
        """The records of the page the crawl takes now (a document twice on it: its last card's)."""
        self._offered = {row[0]: row for row in rows}

    def keep(self, doc_id: str, seen: Seen) -> bool:
        """Keep the record offered for a card; True if its document is new (else it replaces the record, in place)."""
        new = self.store.put(self._offered[doc_id], self.search)
        self._count += new
        return new

    def __len__(self) -> int:
        return self._count

    def __contains__(self, doc_id: object) -> bool:
        found = self.store.db.execute("SELECT 1 FROM records WHERE id = ? AND search = ?", (doc_id, self.search))
        return found.fetchone() is not None

    def __iter__(self) -> Iterator[str]:
        """The documents' ids, in the order first seen."""
        rows = self.store.db.execute("SELECT id FROM records WHERE search = ? ORDER BY pos", (self.search,))
        return (doc_id for doc_id, in rows)


class Records:
    """A re-readable sequence of records: the store's (or a list's), each passed through `rewrite` as it is read.

    What a run's files and its Outcome are made from; it holds no record itself."""

    def __init__(self, source: RecordStore | list[Record], rewrite: Callable[[Record], Record] = lambda record: record) -> None:
        self.source, self.rewrite = source, rewrite
        self._length = len(source)

    def __iter__(self) -> Iterator[Record]:
        read = self.source.records() if isinstance(self.source, RecordStore) else iter(self.source)
        return map(self.rewrite, read)

    def kept(self) -> Iterator[Any] | None:
        """The records as the store keeps them (bytes), for `made` to make each in a forked process; None for a list,
        whose records are made already."""
        return self.source.kept() if isinstance(self.source, RecordStore) else None

    def made(self, kept: Any) -> Record:
        """A record as read, from what `kept` gave for it (a store's records only)."""
        assert isinstance(self.source, RecordStore)
        return self.rewrite(self.source.made(kept))

    def mentions(self) -> Iterator[Mention]:
        """What each record says of its people (the rewrite must not change it)."""
        return self.source.mentions() if isinstance(self.source, RecordStore) else map(mention_of, self)

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index: int) -> Record:
        if isinstance(self.source, list):
            return self.rewrite(self.source[index])
        index = index + len(self) if index < 0 else index
        if not 0 <= index < len(self):
            raise IndexError(index)
        for number, record in enumerate(self):
            if number == index:
                return record
        raise IndexError(index)

    def __bool__(self) -> bool:
        return len(self) > 0


class Log:
    """A list of texts in a store's database: appended to, then read again as often as needed (len, iteration,
    equality with a list). A first harvest of 200,000 documents reports each as new without holding their ids."""

    def __init__(self, db: sqlite3.Connection, kind: str) -> None:
        self._db, self._kind = db, kind
        self._pending: list[tuple[str, str]] = []
        self._count = 0

    def append(self, item: str) -> None:
        self._pending.append((self._kind, item))
        self._count += 1
        if len(self._pending) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        self._db.executemany("INSERT INTO log VALUES (?, ?)", self._pending)
        self._pending.clear()

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[str]:
        self._flush()
        return (item for item, in self._db.execute("SELECT item FROM log WHERE kind = ? ORDER BY rowid", (self._kind,)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, (list, tuple, Log)) and list(self) == list(other)

    def __repr__(self) -> str:
        return f"Log({self._kind!r}, {self._count} items)"
