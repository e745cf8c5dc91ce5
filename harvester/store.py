"""A harvest's records on disk, so that a harvest of any size holds none of them in memory.

The records live in SQLite's private temporary database (a file in the temporary folder, which SQLite
deletes when the store is closed or dropped), each document once: in the order it was first seen, as
built from its latest card. A record is pickled where it is built (in a worker process), so the main
process only moves bytes; the columns beside it are what the run's report and state read, without
unpickling anything.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from harvester.crawl import Seen
from harvester.people import Mention, mention_of
from harvester.records import Record

# What the store keeps of a record: id, title, summary, date_raw, harvested_at, the record and its Mention (pickled).
Stored = tuple[str, str, str, str, str, bytes, bytes]

BATCH = 500   # rows read from SQLite at a time
_REPLACE = ("UPDATE records SET title = ?2, summary = ?3, date_raw = ?4, harvested_at = ?5, record = ?6, mention = ?7 "
            "WHERE id = ?1")


def stored(record: Record) -> Stored:
    return (record.id, record.title, record.summary, record.date_raw, record.harvested_at, pickle.dumps(record, protocol=5),
            pickle.dumps(tuple(mention_of(record)), protocol=5))


class RecordStore:
    """The records of one harvest, in the order first seen, each document's latest.

    It is also the crawl's listing of documents (`keep`, `len`, `in`, iteration over ids): the records a
    results page gave are `offer`ed before the crawl takes the page's cards one by one."""

    def __init__(self) -> None:
        # "": a private temporary database, on disk, deleted when closed; one transaction, never committed (there is
        # nothing to keep), whose pages SQLite writes out to the file as its small cache fills
        self.db = sqlite3.connect("")
        self.db.execute("PRAGMA journal_mode=OFF")   # nothing to roll back to: the store lives for one run
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("CREATE TABLE records (pos INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT NOT NULL, "
                        "summary TEXT NOT NULL, date_raw TEXT NOT NULL, harvested_at TEXT NOT NULL, first_seen TEXT, "
                        "record BLOB NOT NULL, mention BLOB NOT NULL)")
        self.db.execute("CREATE TABLE log (kind TEXT NOT NULL, item TEXT NOT NULL)")
        self._offered: dict[str, Stored] = {}
        self._count = 0

    def log(self, kind: str) -> Log:
        """A list of text kept here, not in memory (what a run reports as new or changed)."""
        return Log(self.db, kind)

    def close(self) -> None:
        self.db.close()

    # the crawl's listing of documents

    def offer(self, rows: Iterable[Stored]) -> None:
        """The records of a results page, for `keep` to take when the crawl takes the page's cards."""
        self._offered.update((row[0], row) for row in rows)

    def keep(self, doc_id: str, seen: Seen) -> bool:
        """Keep the record offered for a card; True if its document is new (else it replaces the record, in place)."""
        row = self._offered.pop(doc_id)
        return self.put(row)

    def put(self, row: Stored) -> bool:
        """Add a record, or replace the record of its document where it stands; True if the document is new."""
        added = self.db.execute("INSERT OR IGNORE INTO records (id, title, summary, date_raw, harvested_at, record, mention) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?)", row).rowcount
        if not added:
            self.db.execute(_REPLACE, row)
        self._count += added
        return bool(added)

    def __len__(self) -> int:
        return self._count

    def __contains__(self, doc_id: object) -> bool:
        return self.db.execute("SELECT 1 FROM records WHERE id = ?", (doc_id,)).fetchone() is not None

    def __iter__(self) -> Iterator[str]:
        """The documents' ids, in the order first seen."""
        return (row[0] for row in self._rows("SELECT id FROM records ORDER BY pos"))

    # the records

    def records(self) -> Iterator[Record]:
        for blob, first_seen in self._rows("SELECT record, first_seen FROM records ORDER BY pos"):
            record = pickle.loads(blob)
            yield replace(record, first_seen=first_seen) if first_seen else record

    def mentions(self) -> Iterator[Mention]:
        """What each record says of its people, in order (kept beside it: smaller to read than the record)."""
        return (Mention(*pickle.loads(blob)) for blob, in self._rows("SELECT mention FROM records ORDER BY pos"))

    def seen(self) -> Iterator[tuple[str, str, str, str]]:
        """(id, title, summary, date_raw) of each record, in order: what the run state and its report compare."""
        return self._rows("SELECT id, title, summary, date_raw FROM records ORDER BY pos")

    def get(self, doc_id: str) -> Record | None:
        row = self.db.execute("SELECT record, first_seen FROM records WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        record = pickle.loads(row[0])
        return replace(record, first_seen=row[1]) if row[1] else record

    def first_seen(self, earlier: Iterable[tuple[str, str]]) -> None:
        """(id, first_seen) from earlier runs: those records were first seen then, not in this run."""
        self.db.executemany("UPDATE records SET first_seen = ?2 WHERE id = ?1", earlier)

    def update(self, records: Iterable[Record]) -> None:
        """Replace records (of documents already here) where they stand."""
        self.db.executemany(_REPLACE, map(stored, records))

    def harvested_span(self) -> tuple[str | None, str | None]:
        """The earliest and latest harvested_at."""
        first, last = self.db.execute("SELECT MIN(NULLIF(harvested_at, '')), MAX(NULLIF(harvested_at, '')) FROM records").fetchone()
        return first, last

    def _rows(self, query: str) -> Iterator[tuple]:
        cursor = self.db.execute(query)
        while batch := cursor.fetchmany(BATCH):
            yield from batch


class Records:
    """A re-readable sequence of records: the store's (or a list's), each passed through `rewrite` as it is read.

    What a run's files and its Outcome are made from; it holds no record itself."""

    def __init__(self, source: RecordStore | list[Record], rewrite: Callable[[Record], Record] = lambda record: record) -> None:
        self.source, self.rewrite = source, rewrite

    def __iter__(self) -> Iterator[Record]:
        read = self.source.records() if isinstance(self.source, RecordStore) else iter(self.source)
        return map(self.rewrite, read)

    def mentions(self) -> Iterator[Mention]:
        """What each record says of its people (the rewrite must not change it)."""
        return self.source.mentions() if isinstance(self.source, RecordStore) else map(mention_of, self)

    def __len__(self) -> int:
        return len(self.source)

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
        cursor = self._db.execute("SELECT item FROM log WHERE kind = ? ORDER BY rowid", (self._kind,))
        while batch := cursor.fetchmany(BATCH):
            yield from (item for item, in batch)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, (list, tuple, Log)) and list(self) == list(other)

    def __repr__(self) -> str:
        return f"Log({self._kind!r}, {self._count} items)"
