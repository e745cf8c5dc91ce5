"""Run state in SQLite inside the output folder: runs, each run's fetched pages (for resume), documents seen.

    DIR/.harvester/NAME.sqlite   the state of dataset NAME
    DIR/.harvester/NAME.lock     held (flock) while a run works on NAME; freed by the OS when it dies

Bodies are kept once, in the run's WARC files (DIR/archive/); the state points at their records (file and
offset): the pages a resumed run replays, and the copies conditional requests revalidate. A finished run
keeps its report, with the numbers of new and changed documents in place of their lists (those are in
NAME.report.json, and a first harvest's list every document).
"""

from __future__ import annotations

import fcntl
import json
import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO

from harvester.archive import Location, read_record
from harvester.errors import BusyError, InputError, UsageError
from harvester.page import Page
from harvester.workers import not_for_workers

log = logging.getLogger("harvester")

SCHEMA_VERSION = 2  # 2: bodies live in the WARC files only; the state points at them
OLD_TABLES = ("fetches", "http_cache")  # version 1 kept bodies here: a resume log and a cache, both safe to drop
SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT, status TEXT,
    report TEXT);
CREATE TABLE IF NOT EXISTS fetches (
    run_id INTEGER NOT NULL, seq INTEGER NOT NULL, requested TEXT NOT NULL, url TEXT NOT NULL, status INTEGER NOT NULL,
    headers TEXT NOT NULL, warc TEXT NOT NULL, warc_offset INTEGER NOT NULL, fetched_at TEXT NOT NULL,
    PRIMARY KEY (run_id, seq));
CREATE TABLE IF NOT EXISTS http_cache (
    url TEXT PRIMARY KEY, response_url TEXT NOT NULL, headers TEXT NOT NULL, warc TEXT NOT NULL,
    warc_offset INTEGER NOT NULL, fetched_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, listed INTEGER NOT NULL,
    title TEXT NOT NULL, summary TEXT NOT NULL, date_raw TEXT NOT NULL);
"""


@dataclass(frozen=True)
class Logged:
    """A page an interrupted try fetched: what was asked, and where its response lies in the WARC files."""

    requested: str            # the URL the crawl asked for
    url: str                  # where the response came from (after redirects)
    location: Location
    fetched_at: str
    seq: int = 0

    def page(self) -> Page:
        """The response read back from its WARC record (InputError if the file is gone or torn there)."""
        page = read_record(self.location)
        if page.url not in (self.url, self.requested):  # the file was replaced: its record there is another page's
            raise InputError(f"{self.location.path}: the record at offset {self.location.offset} is of {page.url}, "
                             f"not of {self.url}")
        return Page(self.url, page.body, page.status, page.headers, self.fetched_at, requested=self.requested)


@dataclass(frozen=True)
class Run:
    """One run of a harvest: its number, when it started, and the pages an interrupted earlier try already has."""

    id: int
    started_at: str
    resumed: bool
    replay: tuple[Logged, ...]


@dataclass(frozen=True)
class CacheEntry:
    """The copy of a page conditional requests revalidate: its response headers and where its response lies."""

    url: str
    headers: dict[str, str]
    location: Location
    fetched_at: str


@dataclass(frozen=True)
class Known:
    """What the state remembers of a document from earlier runs."""

    first_seen: str
    last_seen: str
    listed: bool
    title: str
    summary: str
    date_raw: str


class State:
    """The state of one dataset; use as a context manager, which holds the dataset's lock."""

    def __init__(self, out_dir: Path, name: str) -> None:
        folder = out_dir / ".harvester"
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / f"{name}.sqlite"
        self._lock_path = folder / f"{name}.lock"
        self._lock: IO[str] | None = None
        self.db: sqlite3.Connection | None = None
        self.out_dir = out_dir
        self._next_seq: dict[int, int] = {}
        self._locations: dict[str, Location] = {}  # requested URL -> the WARC record of its latest response

    def __enter__(self) -> State:
        self._lock = self._lock_path.open("w")
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            raise BusyError(f"{self.path.parent.parent}: another harvester run is working on {self.path.stem}; "
                            "wait for it to finish, or use another --out") from None
        not_for_workers(self._lock.fileno())   # (a worker forked now must not keep the dataset held after we die)
        try:
            self._open()
        except sqlite3.DatabaseError as error:
            self.__exit__()
            raise UsageError(f"{self.path}: not a harvester state file ({error}); move it away to start afresh") from None
        return self

    def _open(self) -> None:
        self.db = sqlite3.connect(self.path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        # A commit survives the process being killed once it is in the WAL; syncing the disk on every page as
        # well (FULL) cost a millisecond a page and only guards against power loss, after which a resumed
        # run fetches again the few pages it lost.
        self.db.execute("PRAGMA synchronous=NORMAL")
        if self.db.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
            for table in OLD_TABLES:
                self.db.execute(f"DROP TABLE IF EXISTS {table}")
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self.db.executescript(SCHEMA)
        self._remove_leftovers()

    def _remove_leftovers(self) -> None:
        """The temporary files of a run killed while it wrote the dataset's files (only this dataset's: we hold its lock)."""
        from harvester.export import FORMATS, file_name

        name, folder = self.path.stem, self.path.parent.parent
        targets = {file_name(stem, fmt) for stem in (name, f"{name}.people") for fmt in FORMATS}
        for target in targets | {f"{name}.report.json", f"{name}.datapackage.json"}:
            for leftover in folder.glob(f".{target}.*.tmp"):
                leftover.unlink(missing_ok=True)

    def __exit__(self, *exc: object) -> None:
        if self.db is not None:
            self.db.close()
        if self._lock is not None:
            not_for_workers(self._lock.fileno(), keep=False)
            fcntl.flock(self._lock, fcntl.LOCK_UN)
            self._lock.close()

    @property
    def _db(self) -> sqlite3.Connection:
        assert self.db is not None, "State is used inside `with`"
        return self.db

    def start_run(self, key: str, now: datetime, resume_within: timedelta) -> Run:
        """Resume the last run if it was interrupted recently with the same arguments; else begin a new one."""
        row = self._db.execute("SELECT id, key, started_at, finished_at FROM runs ORDER BY id DESC LIMIT 1").fetchone()
        if row and row[3] is None and row[1] == key and now - datetime.fromisoformat(row[2]) <= resume_within:
            replay = tuple(self._replay(row[0]))
            self._next_seq[row[0]] = self._db.execute(
                "SELECT COALESCE(MAX(seq) + 1, 0) FROM fetches WHERE run_id = ?", (row[0],)).fetchone()[0]
            return Run(row[0], row[2], True, replay)
        if row and row[3] is None:
            self._db.execute("UPDATE runs SET finished_at = ?, status = 'abandoned' WHERE id = ?", (now.isoformat(), row[0]))
            self._db.execute("DELETE FROM fetches WHERE run_id = ?", (row[0],))
        started = now.isoformat(timespec="seconds")
        cursor = self._db.execute("INSERT INTO runs (key, started_at) VALUES (?, ?)", (key, started))
        return Run(int(cursor.lastrowid or 0), started, False, ())

    def log_page(self, run_id: int, page: Page, asked: str | None = None) -> None:
        """Remember a page this run fetched (where its response lies), so that a resumed run need not fetch it again.

        `asked` is the URL the crawl asked for, when a redirect made the page's own request another one."""
        location = self._locations.pop(page.requested or page.url, None)   # the response of the last hop (noted
        # until its page is logged: a long run holds no note a page)
        if location is None:
            return  # not in the archive (cannot happen in a harvest: every response is archived before it is logged)
        seq = self._next_seq.get(run_id, 0)
        self._db.execute("INSERT INTO fetches VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (run_id, seq, asked or page.requested or page.url, page.url, page.status, json.dumps(page.headers),
                          self._relative(location), location.offset, page.fetched_at))
        self._commit()   # the page's log row and its kept copy (remember) in one commit: one write to the WAL a page
        self._next_seq[run_id] = seq + 1

    def _commit(self) -> None:
        if self._db.in_transaction:
            self._db.execute("COMMIT")

    def forget_from(self, run_id: int, seq: int) -> None:
        """Drop the resume log of a run from entry `seq` on (a replay that could not go further)."""
        self._db.execute("DELETE FROM fetches WHERE run_id = ? AND seq >= ?", (run_id, seq))

    def _replay(self, run_id: int) -> list[Logged]:
        rows = self._db.execute(
            "SELECT requested, url, warc, warc_offset, fetched_at, seq FROM fetches WHERE run_id = ? ORDER BY seq", (run_id,))
        return [Logged(requested, url, Location(self.out_dir / warc, offset), fetched_at, seq)
                for requested, url, warc, offset, fetched_at, seq in rows]

    def remember(self, page: Page, location: Location) -> None:
        """Note where a response was archived; a page that carries validators (ETag, Last-Modified) becomes the copy
        that conditional requests revalidate."""
        self._locations[page.requested or page.url] = location
        if page.status == 200 and ("etag" in page.headers or "last-modified" in page.headers):
            if not self._db.in_transaction:
                self._db.execute("BEGIN")   # committed with the page's log row (log_page), or with the run's end
            self._db.execute("INSERT OR REPLACE INTO http_cache VALUES (?, ?, ?, ?, ?, ?)",
                             (page.requested or page.url, page.url, json.dumps(page.headers), self._relative(location),
                              location.offset, page.fetched_at))

    def confirmed(self, url: str, entry: CacheEntry) -> None:
        """A 304 confirmed the kept copy of `url`: its response is the one this run has."""
        self._locations[url] = entry.location

    def kept_headers(self, url: str) -> dict[str, str] | None:
        """The headers of the kept copy of `url`, when its WARC file is still there (its validators make a request
        conditional: asking so without a copy to fall back on would cost a second request)."""
        entry = self.cache_entry(url)
        if entry is None or not entry.location.path.is_file() or entry.location.path.stat().st_size <= entry.location.offset:
            return None
        return entry.headers

    def cache_entry(self, url: str) -> CacheEntry | None:
        """The kept copy of `url` (headers and place, not the body), if any."""
        row = self._db.execute("SELECT response_url, headers, warc, warc_offset, fetched_at FROM http_cache WHERE url = ?",
                               (url,)).fetchone()
        return CacheEntry(row[0], json.loads(row[1]), Location(self.out_dir / row[2], row[3]), row[4]) if row else None

    def cached(self, url: str) -> Page | None:
        """The kept copy of `url`, read from its WARC record; None when there is none or its file is gone."""
        entry = self.cache_entry(url)
        if entry is None:
            return None
        try:
            page = read_record(entry.location)
        except InputError as error:
            log.warning("the kept copy of %s cannot be read (%s); fetching it afresh", url, error)
            self._db.execute("DELETE FROM http_cache WHERE url = ?", (url,))
            return None
        return Page(entry.url, page.body, 200, entry.headers, entry.fetched_at, requested=url)

    def _relative(self, location: Location) -> str:
        """WARC paths are kept relative to the output folder, so that the folder can be moved."""
        try:
            return str(location.path.relative_to(self.out_dir))
        except ValueError:
            return str(location.path)

    def known_of(self, ids: list[str]) -> dict[str, Known]:
        """What earlier runs recorded of these documents (at most 999 at a time), by id."""
        rows = self._db.execute("SELECT id, first_seen, last_seen, listed, title, summary, date_raw FROM documents "
                                f"WHERE id IN ({','.join('?' * len(ids))})", ids)
        return {row[0]: Known(row[1], row[2], bool(row[3]), *row[4:]) for row in rows}

    def listed(self) -> Iterator[str]:
        """The documents the listing had when an earlier run last saw it whole."""
        return (row[0] for row in self._db.execute("SELECT id FROM documents WHERE listed = 1"))

    def first_seen(self) -> Iterator[tuple[str, str]]:
        """(id, first_seen) of every document an earlier run recorded."""
        return iter(self._db.execute("SELECT id, first_seen FROM documents"))

    def finish_run(self, run_id: int, seen: Iterable[tuple[str, str, str, str]], when: str, complete: bool,
                   report: dict) -> None:
        """In one transaction: record the documents seen (id, title, summary, date_raw) and close the run."""
        db = self._db
        self._commit()
        db.execute("BEGIN")
        try:
            if complete:
                db.execute("UPDATE documents SET listed = 0")
            db.executemany(
                "INSERT INTO documents VALUES (?1, ?5, ?5, 1, ?2, ?3, ?4) ON CONFLICT(id) DO UPDATE SET "
                "last_seen = ?5, listed = 1, title = ?2, summary = ?3, date_raw = ?4",
                ((*doc, when) for doc in seen),
            )
            db.execute("DELETE FROM fetches WHERE run_id = ?", (run_id,))
            db.execute("UPDATE runs SET finished_at = ?, status = ?, report = ? WHERE id = ?",
                       (when, report.get("status", "ok"), json.dumps(report), run_id))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise


class Replaying:
    """A page getter for a resumed run: answers from the pages the interrupted try already fetched, in order,
    then fetches (and logs) the rest. The crawl is deterministic given its pages, so it asks for the same URLs."""

    def __init__(self, get: Callable[[str], Page], replay: tuple[Logged, ...], record: Callable[[Page, str], None],
                 forget: Callable[[int], None] = lambda seq: None) -> None:
        """`record(page, asked)` logs a page fetched for the URL asked; `forget(seq)` drops the log from entry seq on."""
        self._get, self._record, self._forget = get, record, forget
        self._replay = list(reversed(replay))
        self.replayed = 0

    def __call__(self, url: str) -> Page:
        if self._replay:
            logged = self._replay.pop()
            if logged.requested == url:
                try:
                    page = logged.page()
                except InputError as error:
                    log.warning("cannot replay %s (%s): fetching it and the rest again", url, error)
                else:
                    self.replayed += 1
                    return page
            else:
                log.warning("the resumed walk asked for %s where the log has %s: fetching the rest again", url, logged.requested)
            self._replay.clear()  # the walk went another way (it should not), or its archive is gone: fetch from here on
            self._forget(logged.seq)  # and the log from there on, which a later resume would stumble on again
        page = self._get(url)
        self._record(page, url)
        return page
