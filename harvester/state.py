"""The dataset's one SQLite database: its runs, the page log a resumed run replays, the copies conditional requests
revalidate, and every document with first_seen, last_seen and its latest record.

    DIR/.harvester/NAME.sqlite   the database of dataset NAME; records are JSON text, readable with any SQLite tool
    DIR/.harvester/NAME.lock     held (flock) while a run works on NAME; freed by the OS when the process dies
    DIR/.harvester/NAME.browser  with --fetch browser: the browser's profile (its cookies: a clearance lasts)
    DIR/.harvester/NAME.files/   the dataset's files, a folder for each run (DIR/NAME.csv and the others link into it: output/files.py)
    DIR/.harvester/NAME.reports/ every finished run's report (pipeline.write_dataset)
    DIR/.harvester/NAME.partial/ with --pdfs: a scan being downloaded (pdfs.py)

A run lists documents as it sees them (`keep`): a document keeps the place where the run first saw it and the
record of the card where it saw it last. What changed since the last run is a query (`changes`); the dataset's
files are written from the listing (`records`); `finish_run` then records the run in the documents' history.
Bodies are kept once, in the WARC files (DIR/archive/); the page log and the cache point at their records.
The PDFs downloaded with --pdfs (files in DIR/pdfs/) are noted in a table of their own, with their checksums and
validators, whatever becomes of the documents' listing (`keep_pdf`).
A re-parse has no history: its database is a temporary one, deleted when it ends.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import logging
import math
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from harvester.errors import BusyError, InputError, StorageError, UsageError, storage_error, storing
from harvester.fetch.archive import Location, last_archived_run, read_record, runs_archived
from harvester.fetch.page import Page, is_time, later_copy
from harvester.records import Record, to_json

log = logging.getLogger("harvester")

SQLITE_HEADER = b"SQLite format 3\x00"   # how every SQLite database file begins
SCHEMA_VERSION = 4   # 2: bodies in the WARC files only; 3: the documents' records kept here, the page log renamed;
                     # 4: the downloaded PDFs (a table of their own: version 3 needs nothing but the new table)
SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY, key TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT,
    status TEXT, report TEXT);
CREATE TABLE IF NOT EXISTS pages (run INTEGER NOT NULL, seq INTEGER NOT NULL, requested TEXT NOT NULL, url TEXT NOT NULL,
    status INTEGER NOT NULL, headers TEXT NOT NULL, warc TEXT NOT NULL, warc_offset INTEGER NOT NULL, fetched_at TEXT NOT NULL,
    PRIMARY KEY (run, seq));
CREATE TABLE IF NOT EXISTS http_cache (url TEXT PRIMARY KEY, response_url TEXT NOT NULL, headers TEXT NOT NULL,
    warc TEXT NOT NULL, warc_offset INTEGER NOT NULL, fetched_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    run INTEGER, pos INTEGER,                   -- the run whose listing holds it now, and its place there
    first_seen TEXT, last_seen TEXT,            -- the starts of the first and latest finished runs that listed it
    listed INTEGER NOT NULL DEFAULT 0,          -- whether the latest complete run, or a partial one since, listed it
    title TEXT, summary TEXT, date_raw TEXT,    -- as the latest finished run saw them: what "changed" compares with
    record TEXT, details TEXT);                 -- its latest record, and its document page's details (JSON)
CREATE INDEX IF NOT EXISTS listing ON documents (run, pos);
CREATE TABLE IF NOT EXISTS pdfs (id TEXT PRIMARY KEY,  -- a document's original scan as downloaded (kept whatever runs
    kept TEXT NOT NULL);                               -- become of its listing): url, file, checksum, validators (JSON)
"""
# The values read back (as Python values, or by SQLite's JSON functions), by table: column -> what each must be, and the
# column that names its row in a message. `_check_values` checks them all when the database is opened, so that a hand
# edit or a damaged value is said there, naming it, before a run starts, and never met halfway through one as a bug.
READ_BACK = {
    "runs": ("id", {"started_at": "time"}),
    "documents": ("id", {"first_seen": "time", "last_seen": "time", "record": "object", "details": "object"}),
    "pdfs": ("id", {"kept": "object"}),
    "pages": ("seq", {"warc": "text", "warc_offset": "integer", "fetched_at": "time", "headers": "object"}),
    "http_cache": ("url", {"warc": "text", "warc_offset": "integer", "fetched_at": "time", "headers": "object"}),
}
WHAT = {"time": "a timestamp with its time zone", "object": "a JSON object", "text": "a file name", "integer": "a whole number"}
COMPARED = ("title", "summary", "date_raw")   # a document whose card changed one of these is reported as changed
AFRESH = "restore it from a backup, or move it away to start afresh (its run history goes with it)"


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
    """The copy of a page conditional requests revalidate: the address it was asked by (its WARC record's), its address
    after any redirect, its response headers and where its response lies."""

    url: str
    response_url: str
    headers: dict[str, str]
    location: Location
    fetched_at: str


OWN_FOLDER = ".harvester"   # hidden: a listing of DIR shows the datasets' files, not what harvester keeps of them


def own_folder(out_dir: Path) -> Path:
    """DIR/.harvester: what harvester keeps of the folder's datasets beside their files (listed above)."""
    return out_dir / OWN_FOLDER


def state_file(out_dir: Path, name: str) -> Path:
    """Where dataset NAME keeps its runs, page log, cache and documents: DIR/.harvester/NAME.sqlite."""
    return own_folder(out_dir) / f"{name}.sqlite"


def files_home(out_dir: Path, name: str) -> Path:
    """Where a dataset's files are kept (DIR/NAME.csv and the others are links into it)."""
    return own_folder(out_dir) / f"{name}.files"


@contextlib.contextmanager
def dataset_lock(out_dir: Path, name: str, read_only: bool = False) -> Iterator[None]:
    """Hold the lock of dataset `name` in `out_dir` (BusyError when another run holds it); `read_only`: through a lock
    file that is there, opened for reading (a lock needs no write), and none where none is and none can be made (a run
    makes it first: none is going on, unless someone deleted its lock file). A lock file removed after this opened it
    (by a first run that failed, see State) is opened again: else this run and one that made a new one would both go."""
    path = own_folder(out_dir) / f"{name}.lock"
    while True:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                lock = path.open("r" if read_only and path.exists() else "a")
            except FileNotFoundError:
                if path.parent.is_dir():
                    raise
                continue   # the folder, empty, removed since made (by another dataset's first run that failed): made again
        except OSError as error:
            if read_only and not path.exists():
                lock = contextlib.nullcontext()
                break
            raise storage_error(path, error) from None
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            if os.path.samestat(os.fstat(lock.fileno()), path.stat()):
                break
        except BlockingIOError:
            lock.close()
            raise BusyError(f"{out_dir}: another harvester run is working on {name}; wait for it to finish"
                            + ("" if read_only else ", or use another --out")) from None   # (read-only: prune, no --out)
        except FileNotFoundError:
            pass
        lock.close()
    with lock:
        yield


class State:
    """The database of dataset `name` in `out_dir`, used as a context manager, which holds the dataset's lock; with
    no name, a temporary database (a re-parse's, which takes the lock only to write its files). `read_only`: read as it
    is, writing nothing at all (prune's, which must work on a full disk, and a dry run on a read-only one)."""

    def __init__(self, out_dir: Path, name: str | None, read_only: bool = False, same_page: Callable[[str], object] = str) -> None:
        self.out_dir, self.name, self.read_only, self.same_page = out_dir, name, read_only, same_page   # (_kept_url, Replaying)
        self._kept_under: dict[object, str] | None = None
        self.path = state_file(out_dir, name or "")   # (a re-parse's temporary database has none)
        self.profile = self.path.with_name(f"{name}.browser")   # --fetch browser: its cookies, for the next run
        self._lock = contextlib.ExitStack()
        self._made: list[Path] = []   # DIR/.harvester, the state file and the browser's profile, if this made them
        self._db: sqlite3.Connection | None = None
        self._next_seq = 0
        self._next_pos = 0
        self._saved_at: dict[str, str] = {}   # when a kept copy was saved, where its record does not say it (see keep)

    def __enter__(self) -> State:
        if self.name is not None:
            folder = [] if os.path.lexists(self.path.parent) else [self.path.parent]   # (one the user made stays)
            self._lock.enter_context(dataset_lock(self.out_dir, self.name, self.read_only))
            # (a link to a disk not mounted was made before, by the user; so was a profile copied in)
            self._made = folder + [path for path in (self.path, self.profile) if not os.path.lexists(path)]
        try:
            self._check_file()
            address = "" if self.name is None else _read_only(self.path) if self.read_only else self.path.absolute().as_uri()
            self._db = sqlite3.connect(address, uri=True)
            self._open()
            if self.name is not None and not self.read_only and not self.path.is_symlink() and self.holds_nothing():
                self._made.append(self.path)   # a first run's, as if this run had made it (a link is the user's)
        except BaseException as error:
            self.__exit__(type(error))
            if isinstance(error, sqlite3.OperationalError):
                raise self.storage(error) from None
            if isinstance(error, sqlite3.DatabaseError):
                what = "a damaged state file" if str(error).startswith("damaged") else "not a harvester state file"
                said = " ".join(str(error).removeprefix("damaged: ").split())   # (SQLite's report may span lines)
                raise UsageError(f"{self.path}: {what} ({said}); {AFRESH}") from None
            raise
        return self

    def holds_nothing(self) -> bool:
        """Whether the state holds nothing but runs that took no page and did not finish (tries of a first run killed, or
        failed, before the site answered): it is as a new one, which a first run that fails leaves no more than its own."""
        return not self.db.execute(
            "SELECT 1 FROM runs WHERE finished_at IS NOT NULL UNION ALL SELECT 1 FROM documents UNION ALL SELECT 1 FROM pages "
            "UNION ALL SELECT 1 FROM pdfs LIMIT 1").fetchone()

    def _check_file(self) -> None:
        """A state file that is there must be writable, to be written (SQLite would leave a read-only journal behind it),
        and not empty (SQLite would take an empty file for a new database, and the run history would silently start
        again), unless no run of the dataset left anything (no page archived, no files written): then it is what a first
        run left when it could write nothing more (a full disk), and the dataset starts."""
        if self.name is None or not self.path.exists():
            return
        writable = os.access(self.path, os.W_OK) and self.path.stat().st_mode & 0o200   # (root may write it all the same)
        if not writable and not self.read_only:
            raise storage_error(self.path, PermissionError(errno.EACCES, "read-only"))
        if self.path.stat().st_size == 0:
            if runs_archived(self.out_dir / "archive", self.name) or files_home(self.out_dir, self.name).exists():
                raise UsageError(f"{self.path}: an empty file (0 bytes), not a harvester state file; {AFRESH}")
            return
        with storing(self.path), self.path.open("rb") as file:   # (a folder where the file goes, say)
            start = file.read(len(SQLITE_HEADER))
        if start != SQLITE_HEADER:   # SQLite would take a file shorter than its header for a new database
            raise UsageError(f"{self.path}: not a harvester state file (not an SQLite database); {AFRESH}")

    @contextlib.contextmanager
    def writing(self) -> Iterator[State]:
        """The state used in a `with` block whose failures to write to the database are said as StorageErrors."""
        try:
            yield self
        except sqlite3.OperationalError as error:
            raise self.storage(error) from None

    def storage(self, error: sqlite3.OperationalError) -> StorageError:
        """SQLite's failure to write, said of this database (a re-parse's is in the temporary folder). Read-only, it writes
        one thing alone: the index of the write-ahead log a killed run left, when that was deleted since (see `_read_only`)."""
        index = self.path.with_name(f"{self.path.name}-shm")   # (32 KiB at least, once SQLite could make it)
        if self.read_only and _logged(self.path) and (not index.exists() or index.stat().st_size < 32768):
            what = "free some space" if os.access(index.parent, os.W_OK) else f"make {index.parent} writable"
            return StorageError(f"{index}: gone or cut short, and SQLite reads the last changes of a run that was killed (in "
                                f"{self.path.name}-wal) only through it: it cannot be made again here: {what} for a moment, "
                                "then run the same command again")
        return storage_error(self.path if self.name is not None else f"the temporary folder {tempfile.gettempdir()}", error)

    def _open(self) -> None:
        db = self.db
        if not self.read_only:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")   # a commit survives the process being killed; a power cut may cost pages
        if (check := db.execute("PRAGMA quick_check").fetchone()[0]) != "ok":
            raise sqlite3.DatabaseError(f"damaged: {check[:200]}")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:   # its runs may hold what this version cannot read, or would drop
            raise UsageError(f"{self.path}: the state of a newer harvester (version {version}; this one reads up to "
                             f"{SCHEMA_VERSION}); upgrade harvester to go on with this dataset")
        tables = {name for name, in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and "runs" not in tables:
            raise sqlite3.DatabaseError("it has no runs")
        if self.read_only:   # (prune, which reads the runs alone: an older version's are the same)
            return
        if version < 3 and tables:   # (version 3 lacks only the table of PDFs, which SCHEMA makes)
            self._upgrade(version)
        db.executescript(SCHEMA)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.commit()
        self._check_values()

    def _check_values(self) -> None:
        """Every value the runs read back is of its kind (READ_BACK); the first that is not is a DatabaseError naming
        it. Times are few (runs' starts), so they are parsed as the runs parse them; the rest is checked by SQLite."""
        for table, (key, columns) in READ_BACK.items():
            for column, kind in columns.items():
                if kind == "time":
                    values = (value for value, in self.db.execute(f"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL"))
                    bad = next(((value,) for value in values if not is_time(value)), None)
                    row = bad and self.db.execute(f"SELECT {key}, {column} FROM {table} WHERE {column} IS ? LIMIT 1", bad).fetchone()
                else:
                    test = {"object": f"CASE WHEN json_valid({column}) THEN json_type({column}) END IS NOT 'object'"}.get(
                        kind, f"typeof({column}) IS NOT '{kind}'")
                    row = self.db.execute(f"SELECT {key}, {column} FROM {table} WHERE {column} IS NOT NULL AND {test} LIMIT 1").fetchone()
                if row:
                    value = row[1] if not isinstance(row[1], str) or len(row[1]) <= 60 else row[1][:60] + "..."
                    raise sqlite3.DatabaseError(f"damaged: {table}.{column} of {table[:-1] if table != 'http_cache' else 'the copy'} "
                                                f"{row[0]!r} is {value!r}, not {WHAT[kind]}")

    def _upgrade(self, version: int) -> None:
        """Versions before 3: the resume log (and version 1's cache, which held bodies) are dropped, so an unfinished run
        starts afresh; the documents' history is kept."""
        db = self.db
        db.execute("DROP TABLE IF EXISTS fetches")
        if version < 2:
            db.execute("DROP TABLE IF EXISTS http_cache")
        db.execute("UPDATE runs SET finished_at = started_at, status = 'abandoned' WHERE finished_at IS NULL")
        db.execute("ALTER TABLE documents RENAME TO old_documents")
        db.executescript(SCHEMA)
        db.execute("INSERT INTO documents (id, first_seen, last_seen, listed, title, summary, date_raw) "
                   "SELECT id, first_seen, last_seen, listed, title, summary, date_raw FROM old_documents")
        db.execute("DROP TABLE old_documents")

    def __exit__(self, failed: type[BaseException] | None = None, *exc: object) -> None:
        first = math.inf   # the state's first run: none of its runs archived a page if the archive's are all before it, and
        with contextlib.suppress(sqlite3.Error):   # they took none (the archive's disk may be gone) (one not made took none)
            if self._db is not None:
                took = self._db.execute("SELECT 1 FROM pages UNION ALL SELECT 1 FROM documents LIMIT 1").fetchone()
                first = 0 if took else self.first_run()
        if self._db is not None:
            self._db.close()
        if failed and self.path in self._made and last_archived_run(self.out_dir / "archive", self.name or "") < first:
            self._forget()
        self._lock.close()

    def _forget(self) -> None:
        """The state of a first run that failed before it archived any page (a mistyped address, a folder in the way):
        it holds nothing worth keeping, and a mistake leaves nothing behind; the lock file goes while still held. So does
        the browser's profile and the folder DIR/.harvester this run made, its browser closed by then (one it found there is
        someone's: it stays)."""
        if self.profile in self._made:
            shutil.rmtree(self.profile, ignore_errors=True)
        for path in (self.path, self.path.with_name(f"{self.path.name}-wal"), self.path.with_name(f"{self.path.name}-shm"),
                     self.path.with_name(f"{self.name}.lock")):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):   # (one that holds anything stays)
            if self.path.parent in self._made:
                self.path.parent.rmdir()

    @property
    def db(self) -> sqlite3.Connection:
        assert self._db is not None, "State is used inside `with`"
        return self._db

    # runs

    def start_run(self, key: str, now: datetime, resume_within: timedelta, after: int = 0) -> Run:
        """Resume the last run if it was interrupted recently with the same arguments; else begin a new one, numbered
        after the last run and after `after` (the last run the dataset's archive holds, when the state was started
        afresh). Either way the run's listing starts empty (a resumed run lists again the pages it replays); a run that
        stopped before any page was logged begins again now, under its number (it is not "resumed"). A run of
        another search than the dataset's is refused once its runs have seen documents: it would mix two histories, and
        their pages in the archive (before, they found nothing: a mistyped search, corrected)."""
        db = self.db
        row = db.execute("SELECT id, key, started_at, finished_at FROM runs ORDER BY id DESC LIMIT 1").fetchone()
        other = row is not None and (held := _search(row[1]))[0] != (asked := _search(key))[0]
        if other and db.execute("SELECT 1 FROM documents LIMIT 1").fetchone():   # (a run that did not finish saw some too)
            raise UsageError(f"{self.out_dir}: dataset {self.name} holds the harvests of {held[1]}, not of {asked[1]}; "
                             "give this search a --name of its own (or another --out)")
        db.execute("DELETE FROM documents WHERE first_seen IS NULL")   # seen only by a run that did not finish
        db.execute("UPDATE documents SET run = NULL, pos = NULL WHERE run IS NOT NULL")
        age = now - datetime.fromisoformat(row[2]) if row else timedelta(0)   # (negative: the clock was put back since)
        if row and row[3] is None and _unsaid(row[1]) == _unsaid(key) and timedelta(0) <= age <= resume_within:
            replay = tuple(self.replay(row[0]))
            self._next_seq = max((logged.seq + 1 for logged in replay), default=0)
            started = row[2]
            if not replay:   # nothing of that try is in this run: it begins now
                started = now.isoformat(timespec="seconds")
                log.info("starting run %d again: it stopped before any page was fetched", row[0])
                db.execute("UPDATE runs SET started_at = ? WHERE id = ?", (started, row[0]))
            db.commit()
            return Run(row[0], started, bool(replay), replay)
        if row and row[3] is None:
            if resume_within:   # (a re-parse is never resumed: it reads its pages again)
                log.info("run %d, begun %s, did not finish and is not resumed (%s): this run starts afresh", row[0], row[2],
                         "it was of another search" if other else
                         "it was begun with another --max-pages" if _unsaid(row[1]) != _unsaid(key) else
                         "it was begun later than now: the clock was put back since" if age < timedelta(0) else
                         f"it was begun more than {resume_within.total_seconds() / 3600:g} hours ago")
            self.close_run(row[0], now, "abandoned")
        started = now.isoformat(timespec="seconds")
        run_id = db.execute("INSERT INTO runs (id, key, started_at) VALUES (max(?, (SELECT coalesce(max(id), 0) + 1 FROM runs)), "
                            "?, ?)", (after + 1, key, started)).lastrowid
        db.commit()
        return Run(int(run_id or 0), started, False, ())

    def clock_set_back(self, run: Run) -> list[str]:
        """A warning when the run began, by the clock, before the run before it did: the clock was put back between them
        (an NTP correction, a virtual machine restored). A document's last_seen is then kept no earlier than its
        first_seen (`finish_run`, `records`)."""
        row = self.db.execute("SELECT id, started_at FROM runs WHERE id < ? ORDER BY id DESC LIMIT 1", (run.id,)).fetchone()
        if row is None or datetime.fromisoformat(row[1]) <= datetime.fromisoformat(run.started_at):
            return []
        return [f"run {run.id} began at {run.started_at} by this machine's clock, before run {row[0]} did ({row[1]}): the clock "
                "was put back (check it); the documents' last_seen is kept no earlier than their first_seen, and a re-parse "
                f"of the archive would take run {row[0]}'s copies of the pages for the later ones"]

    def close_run(self, run_id: int, now: datetime, status: str) -> None:
        """End a run that did not finish ("abandoned", "incomplete"): no later run resumes it, and its page log goes."""
        with self.db:
            self.db.execute("UPDATE runs SET finished_at = ?, status = ? WHERE id = ?", (now.isoformat(), status, run_id))
            self.db.execute("DELETE FROM pages WHERE run = ?", (run_id,))

    def finish_run(self, run_id: int, started_at: str, complete: bool, report: dict) -> None:
        """In one transaction: the run's documents enter the history, those it no longer lists leave the listing
        (when it saw the listing whole), its page log goes, and the run is closed with its report."""
        db = self.db
        with db:
            if complete:
                db.execute("UPDATE documents SET listed = 0 WHERE run IS NOT ?", (run_id,))
            kept = ", ".join(f"{name} = json_extract(record, '$.{name}')" for name in COMPARED)
            db.execute("UPDATE documents SET first_seen = coalesce(first_seen, ?1), last_seen = CASE WHEN julianday(first_seen) "
                       f"> julianday(?1) THEN first_seen ELSE ?1 END, listed = 1, {kept} WHERE run = ?2", (started_at, run_id))
            db.execute("DELETE FROM pages WHERE run = ?", (run_id,))
            db.execute("UPDATE runs SET finished_at = ?, status = ?, report = ? WHERE id = ?",
                       (report.get("finished_at"), report.get("status", "ok"), json.dumps(report), run_id))

    # the listing

    def keep(self, run_id: int, record: Record, saved_at: str = "") -> bool:
        """List a document's latest record in the run; True if the run had not listed the document yet. A re-parse
        reads archives in any order: a copy fetched before the one kept does not replace it, and the record is seen
        from its earliest copy to its latest (first_seen, last_seen; a harvest sets them from its runs). A re-parse
        gives `saved_at`, when the record's copy was saved (an undated save's: its file's time), which orders copies
        only; else the record's harvested_at does."""
        order = saved_at or record["harvested_at"]
        # one statement lists a document the run has not listed yet (and changes nothing when it has)
        if self.db.execute("INSERT INTO documents (id, run, pos, record) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (id) DO UPDATE "
                           "SET run = ?2, pos = ?3, record = ?4 WHERE run IS NOT ?2",
                           (record["id"], run_id, self._next_pos, to_json(record))).rowcount:
            self._next_pos += 1
            self._saved(record, order)
            return True
        kept = json.loads(self.db.execute("SELECT record FROM documents WHERE id = ?", (record["id"],)).fetchone()[0])
        seen = sorted((t for t in (kept["first_seen"], kept["last_seen"], record["first_seen"], record["last_seen"])
                       if is_time(t)), key=datetime.fromisoformat)
        if later := later_copy(order, self._saved_at.get(record["id"], kept["harvested_at"])):
            self._saved(record, order)
        latest = (record if later else kept) | ({"first_seen": seen[0], "last_seen": seen[-1]} if seen else {})
        self.db.execute("UPDATE documents SET record = ? WHERE id = ?", (to_json(latest), record["id"]))
        return False

    def _saved(self, record: Record, order: str) -> None:
        """Note when the kept copy of a record was saved where its harvested_at does not say it (an undated save's file
        time): a harvest's records and an archive's responses leave nothing in memory."""
        if order == record["harvested_at"]:
            self._saved_at.pop(record["id"], None)
        else:
            self._saved_at[record["id"]] = order

    def keep_details(self, doc_id: str, details: Record | None, own: Record | None = None, saved_at: str = "") -> bool:
        """A document page's details (None: the page could not be had, and the details kept before stand). `own` comes
        with a re-parse's saved copy of the page, saved at `saved_at` (as `keep` has it): the record the page alone gives,
        which is the document's while no results page lists it; of two copies, the later saved stands. True when the
        document has details."""
        if own is not None:
            kept = self.db.execute("SELECT json_extract(details, '$.saved_at') FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if kept and not later_copy(saved_at, kept[0]):
                return True
            details = (details or {}) | {"saved_at": saved_at}   # (kept here only: no file shows it)
        self.db.execute("INSERT INTO documents (id, record, details) VALUES (?1, ?2, ?3) ON CONFLICT (id) DO UPDATE SET "
                        "details = coalesce(?3, details), record = CASE WHEN run IS NULL THEN coalesce(?2, record) ELSE record END",
                        (doc_id, to_json(own) if own else None, to_json(details) if details is not None else None))
        return self.db.execute("SELECT details IS NOT NULL FROM documents WHERE id = ?", (doc_id,)).fetchone()[0] == 1

    def title(self, doc_id: str) -> str:
        """The title a listing gives a document ("" for one no listing gives: a re-parse's document known only by its own
        page, whose copies may be of the same document retitled)."""
        row = self.db.execute("SELECT json_extract(record, '$.title') FROM documents WHERE id = ? AND run IS NOT NULL",
                              (doc_id,)).fetchone()
        return (row[0] or "") if row else ""

    def pdf_source(self, doc_id: str) -> tuple[str, dict | None]:
        """The PDF a document's page links (its details' pdf_url; "" for none), and what is kept of its download."""
        row = self.db.execute("SELECT json_extract(details, '$.pdf_url'), kept FROM documents LEFT JOIN pdfs USING (id) "
                              "WHERE id = ?", (doc_id,)).fetchone()
        return (row[0] or "", json.loads(row[1]) if row[1] else None) if row else ("", None)

    def keep_pdf(self, doc_id: str, pdf: dict) -> None:
        """What is kept of a document's downloaded PDF (committed at once: the file is already in its place)."""
        self.db.execute("INSERT OR REPLACE INTO pdfs VALUES (?, ?)", (doc_id, to_json(pdf)))
        self.db.commit()

    def reorder(self, run_id: int, ids: Iterable[str]) -> None:
        """Give the run's documents the places of `ids`, in order (a document keeps its first; one in its place stays)."""
        # (pages read in their search's order leave most where they were kept: each move rewrites the listing's index)
        self.db.executemany("UPDATE documents SET pos = ?1 WHERE id = ?2 AND run = ?3 AND pos IS NOT ?1",
                            ((pos, doc_id, run_id) for pos, doc_id in enumerate(dict.fromkeys(ids))))

    def seen_on(self, run_id: int, source_page: str) -> list[str]:
        """The ids of the run's documents last seen on results page `source_page` (their records' source_page), in order."""
        return [doc_id for doc_id, in self.db.execute("SELECT id FROM documents WHERE run = ? AND json_extract(record, "
                                                      "'$.source_page') = ? ORDER BY pos", (run_id, source_page))]

    def list_lone_pages(self, run_id: int) -> int:
        """List, after the rest, the documents known only by their own page (in the order they were read)."""
        rows = self.db.execute("SELECT id FROM documents WHERE run IS NULL AND record IS NOT NULL ORDER BY rowid").fetchall()
        for (doc_id,) in rows:
            self.db.execute("UPDATE documents SET run = ?, pos = ? WHERE id = ?", (run_id, self._next_pos, doc_id))
            self._next_pos += 1
        return len(rows)

    def listing(self, run_id: int) -> Iterator[str]:
        """The ids of the run's documents, in order (read a batch at a time: the listing may change meanwhile)."""
        after = -1
        while batch := self.db.execute("SELECT id, pos FROM documents WHERE run = ? AND pos > ? ORDER BY pos LIMIT 500",
                                       (run_id, after)).fetchall():
            yield from (doc_id for doc_id, _ in batch)
            after = batch[-1][1]

    def records(self, run_id: int, seen_at: str | None = None) -> Iterator[tuple[Record, Record | None, dict | None]]:
        """Each document the run lists, in order: its record (first_seen and last_seen from the runs, when `seen_at`,
        the run's start, is given), its page's details (None when it has none) and its PDF's download (None)."""
        rows = self.db.execute("SELECT record, details, kept, coalesce(first_seen, ?) FROM documents LEFT JOIN pdfs USING (id) "
                               "WHERE run = ? ORDER BY pos", (seen_at, run_id))
        for record, details, pdf, first_seen in rows:
            record = json.loads(record)
            if seen_at:   # (a clock put back since the document was first seen: not before then)
                record.update(first_seen=first_seen, last_seen=max(first_seen, seen_at, key=datetime.fromisoformat))
            yield record, json.loads(details) if details else None, json.loads(pdf) if pdf else None

    def changes(self, run_id: int, complete: bool) -> dict[str, int]:
        """How many documents the run found new, listed again, changed and no longer listed (the lists are
        `change_lists`)."""
        return {key: sum(1 for _ in rows) for key, rows in self.change_lists(run_id, complete).items()}

    def change_lists(self, run_id: int, complete: bool) -> dict[str, Iterator]:
        """The run report's lists, each read from the database as it is iterated: "new", the documents the run lists
        that no finished run listed; "listed_again", those an earlier run listed but the last complete one did not (a
        document back in the search); "changed", those an earlier run listed whose title, summary or date is not what the
        last run that listed them saw (each changed field as it was and as it is; a document back in the search with
        another title is listed again and changed); and, when the run saw the listing whole, "no_longer_listed", those the
        last complete run listed and this one does not, each with its title and address as last seen (it is in no file
        any more). So after a complete run, the next one's documents are that run's, plus the new and the listed again,
        less the gone."""
        db = self.db

        def ids(where: str) -> Iterator[str]:
            return (doc_id for doc_id, in db.execute(f"SELECT id FROM documents WHERE {where} ORDER BY pos", (run_id,)))

        differs = [f"json_extract(record, '$.{name}') IS NOT {name}" for name in COMPARED]
        said = {name: "date" if name == "date_raw" else name for name in COMPARED}   # as the report names them

        def change(doc_id: str, record: str, *was: str) -> dict:
            now = json.loads(record)
            differ = [(said[name], before, now[name]) for name, before in zip(COMPARED, was) if now[name] != before]
            return {"id": doc_id, "fields": [field for field, _, _ in differ],
                    "was": {field: before for field, before, _ in differ}, "now": {field: after for field, _, after in differ}}

        changed = (change(*row) for row in db.execute(
            f"SELECT id, record, {', '.join(COMPARED)} FROM documents WHERE run = ? AND first_seen IS NOT NULL "
            f"AND ({' OR '.join(differs)}) ORDER BY pos", (run_id,)))
        gone = ({"id": doc_id, "title": title, "url": url} for doc_id, title, url in db.execute(
            "SELECT id, json_extract(record, '$.title'), json_extract(record, '$.url') FROM documents "
            "WHERE listed = 1 AND run IS NOT ? ORDER BY id", (run_id,)))
        return {"new": ids("run = ? AND first_seen IS NULL"), "listed_again": ids("run = ? AND first_seen IS NOT NULL AND listed = 0"),
                "changed": changed, "no_longer_listed": gone if complete else iter(())}

    def count(self, run_id: int, without_details: bool = False) -> int:
        """How many documents the run lists (of them, with `without_details`, how many have no details)."""
        where = "run = ? AND details IS NULL" if without_details else "run = ?"
        return self.db.execute(f"SELECT count(*) FROM documents WHERE {where}", (run_id,)).fetchone()[0]

    def finished_runs(self) -> list[int]:
        """The numbers of the runs that finished (and wrote their files), oldest first."""
        return [run for run, in self.db.execute("SELECT id FROM runs WHERE report IS NOT NULL ORDER BY id")]

    def first_run(self) -> float:
        """The number of the first run the state knows of (a state started afresh numbers its runs after the archive's);
        infinity for none."""
        first = self.db.execute("SELECT min(id) FROM runs").fetchone()[0]
        return math.inf if first is None else first

    def has_runs_before(self, run_id: int) -> bool:
        """Whether an earlier run of the dataset wrote its files (one that was abandoned, or stopped short, wrote none)."""
        return self.db.execute("SELECT 1 FROM runs WHERE id < ? AND report IS NOT NULL", (run_id,)).fetchone() is not None

    def last_columns(self, run_id: int) -> list[str]:
        """The records' columns the last finished run before this one wrote (none: no such run, or one that did not say)."""
        report = self.db.execute("SELECT report FROM runs WHERE id < ? AND report IS NOT NULL ORDER BY id DESC LIMIT 1",
                                 (run_id,)).fetchone()
        return json.loads(report[0]).get("columns", []) if report else []

    def listed_last(self) -> int:
        """How many documents the last complete run, and any partial one since, listed."""
        return self.db.execute("SELECT count(*) FROM documents WHERE listed = 1").fetchone()[0]

    def harvested_between(self, run_id: int) -> tuple[str | None, str | None]:
        """When the run's records were first and last harvested (None: no record says)."""
        return self.db.execute("SELECT min(nullif(json_extract(record, '$.harvested_at'), '')), "
                               "max(nullif(json_extract(record, '$.harvested_at'), '')) FROM documents WHERE run = ?",
                               (run_id,)).fetchone()

    def detail_warnings(self, run_id: int) -> list[str]:
        """What could not be read on the run's document pages, record by record: "URL: warning"."""
        rows = self.db.execute("SELECT json_extract(record, '$.url'), warning.value FROM documents, "
                               "json_each(details, '$.warnings') AS warning WHERE run = ? AND details IS NOT NULL "
                               "ORDER BY pos, warning.key", (run_id,))
        return [f"{url}: {warning}" for url, warning in rows]

    # the page log

    def log_page(self, run_id: int, page: Page, asked: str) -> None:
        """Remember a page this run fetched for the URL `asked` (where its response lies), so that a resumed run need
        not fetch it again; commits what the run did since the last page."""
        location = page.archived   # (every response of a harvest is archived before it is logged)
        self.db.execute("INSERT INTO pages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (run_id, self._next_seq, asked, page.url, page.status, json.dumps(page.headers),
                         self._relative(location), location.offset, page.fetched_at))
        self.db.commit()
        self._next_seq += 1

    def forget_from(self, run_id: int, seq: int) -> None:
        """Drop the page log of a run from entry `seq` on (a replay that could not go further)."""
        self.db.execute("DELETE FROM pages WHERE run = ? AND seq >= ?", (run_id, seq))
        self._next_seq = seq

    def replay(self, run_id: int) -> list[Logged]:
        rows = self.db.execute("SELECT requested, url, warc, warc_offset, fetched_at, seq FROM pages WHERE run = ? ORDER BY seq",
                               (run_id,))
        return [Logged(requested, url, Location(self.out_dir / warc, offset), fetched_at, seq)
                for requested, url, warc, offset, fetched_at, seq in rows]

    # the copies conditional requests revalidate

    def remember(self, page: Page, location: Location) -> None:
        """A page that carries validators (ETag, Last-Modified), archived at `location`, becomes the copy that
        conditional requests revalidate."""
        if page.status == 200 and ("etag" in page.headers or "last-modified" in page.headers):
            asked = page.requested or page.url
            if (earlier := self._kept_url(asked)) != asked:   # the copy it replaces, kept under an earlier address of it
                self.db.execute("DELETE FROM http_cache WHERE url = ?", (earlier,))
            self.db.execute("INSERT OR REPLACE INTO http_cache VALUES (?, ?, ?, ?, ?, ?)",
                            (asked, page.url, json.dumps(page.headers), self._relative(location),
                             location.offset, page.fetched_at))
            if earlier != asked and self._kept_under is not None:   # (the map _kept_url made: this is the page's copy
                self._kept_under[self.same_page(asked)] = asked   # now; a page new to it stays out, the map no larger than the cache it began with)

    def kept_headers(self, url: str) -> dict[str, str] | None:
        """The headers of the kept copy of `url`, when its WARC file is still there (its validators make a request
        conditional: asking so without a copy to fall back on would cost a second request)."""
        entry = self.cache_entry(url)
        if entry is None or not entry.location.path.is_file() or entry.location.path.stat().st_size <= entry.location.offset:
            return None
        return entry.headers

    def cache_entry(self, url: str) -> CacheEntry | None:
        """The kept copy of `url` (headers and place, not the body), if any."""
        row = self.db.execute("SELECT url, response_url, headers, warc, warc_offset, fetched_at FROM http_cache WHERE url = ?",
                              (self._kept_url(url),)).fetchone()
        return CacheEntry(*row[:2], json.loads(row[2]), Location(self.out_dir / row[3], row[4]), row[5]) if row else None

    def cached(self, url: str) -> Page | None:
        """The kept copy of `url`, read from its WARC record; None when there is none or its file is gone."""
        entry = self.cache_entry(url)
        if entry is None:
            return None
        try:
            page = read_record(entry.location)
        except InputError as error:
            log.warning("the kept copy of %s cannot be read (%s); fetching it afresh", url, error)
            self.db.execute("DELETE FROM http_cache WHERE url = ?", (entry.url,))
            return None
        return Page(entry.response_url, page.body, 200, entry.headers, entry.fetched_at, requested=url)

    def _kept_url(self, url: str) -> str:
        """The address the copy of `url`'s page is kept under: `url`, else another address of its page, as `same_page`
        tells pages apart (a results page an earlier harvester asked for with its facets in another order)."""
        if self.same_page is str or self.db.execute("SELECT 1 FROM http_cache WHERE url = ?", (url,)).fetchone():
            return url
        if self._kept_under is None:
            self._kept_under = {self.same_page(kept): kept   # (of two copies of one page, the one kept last)
                                for kept, in self.db.execute("SELECT url FROM http_cache ORDER BY rowid")}
        return self._kept_under.get(self.same_page(url), url)

    def _relative(self, location: Location) -> str:
        """WARC paths are kept relative to the output folder, so that the folder can be moved (a harvest writes them in
        its archive folder, and a copy's path is read back as one in the output folder)."""
        return str(location.path.relative_to(self.out_dir))


def _unsaid(key: str) -> str:
    """A run key without the search in words ("said"), which is for messages: runs whose keys differ in it alone (the
    wording changed between versions) are the same harvest, as are runs of one search read now."""
    try:
        values = json.loads(key)
    except ValueError:
        return key
    if not isinstance(values, dict):
        return key
    # its search as this harvester reads it: a run begun before a link's tracking was dropped is this search's
    return json.dumps({k: v for k, v in values.items() if k != "said"} | {"search": _search(key)[0]}, sort_keys=True)


def _logged(path: Path) -> bool:
    """Whether a state file's write-ahead log holds something (the last changes of a run killed, or going on)."""
    wal = path.with_name(f"{path.name}-wal")
    return wal.is_file() and wal.stat().st_size > 0


def _read_only(path: Path) -> str:
    """A state file's URI to read it by: as immutable (SQLite then makes no journal, which a full disk has no room for,
    nor write-ahead log files beside it), unless its write-ahead log holds something: a run killed before its end,
    whose last changes are there alone."""
    return path.absolute().as_uri() + ("?mode=ro" if _logged(path) else "?mode=ro&immutable=1")


def held_search(path: Path) -> tuple[str, set[str], str] | None:
    """The search of a state file's last run, as this harvester reads it, its runs' searches' keys as they recorded
    them, which a default name was made from, and when its last run began (None: no run, or no file it can read)."""
    with contextlib.suppress(sqlite3.Error, OSError), contextlib.closing(sqlite3.connect(_read_only(path), uri=True)) as db:
        runs = db.execute("SELECT key, started_at FROM runs ORDER BY id").fetchall()
        return (_search(runs[-1][0])[0], {_search(key)[2] for key, _ in runs}, runs[-1][1]) if runs else None
    return None


def _search(key: str) -> tuple[str, str, str]:
    """The search a run key names, as this harvester reads it, the search in words, and the search's key as the run
    recorded it (keys written before searches had facets name a query; before a query's accents were composed and a
    link's tracking dropped, they may hold those)."""
    from harvester.sites import Search, key_read_now

    try:
        values = json.loads(key)
    except ValueError:
        return key, key, key
    if not isinstance(values, dict):   # (a key edited by hand: a search of its own, as the keys before JSON)
        return key, key, key
    if "search" in values:
        site, _, recorded = str(values["search"]).partition(":")
        return f"{site}:{key_read_now(recorded)}", values.get("said", values["search"]), recorded
    search = Search(str(values.get("query", "")))
    return f"{values.get('site')}:{search.key}", str(search), search.key


class Replaying:
    """A page getter for a resumed run: answers from the pages the interrupted try already fetched, in order, then
    fetches the rest. The walk is deterministic given its pages, so it asks for the same URLs. A page is logged once
    the run has taken it (when the next is asked for): a page the run could not take (a maintenance page, a bot
    check served as a page) is fetched again by the resumed run, not replayed."""

    def __init__(self, get: Callable[[str], Page], state: State, run: Run) -> None:
        self._get, self._state, self._run = get, state, run
        self._replay = list(reversed(run.replay))
        self.replayed = 0                 # the pages read back from the archive, not fetched
        self.warnings: list[str] = []     # a logged page that could not be read back (the run's warnings)
        self._taking: tuple[Page, str] | None = None   # the page fetched last, and the URL it was asked for

    def __call__(self, url: str) -> Page:
        self.taken()
        if self._replay:
            logged = self._replay.pop()
            if self._state.same_page(logged.requested) == self._state.same_page(url):
                try:
                    page = logged.page()
                    self.replayed += 1
                    return page
                except InputError as error:
                    self.warnings.append(f"cannot read {url} back from the archive ({error}): fetched it and the rest again")
            else:   # (an address of another server: a demo resumed on another port)
                log.info("the resumed walk asked for %s where the log has %s: fetching the rest again", url, logged.requested)
            self._replay.clear()  # the walk went another way (it should not), or its archive is gone: fetch from here on
            self._state.forget_from(self._run.id, logged.seq)  # and the log from there on, which a later resume would meet
        page = self._get(url)
        self._taking = (page, url)
        return page

    def taken(self) -> None:
        """The page fetched last has been taken: log it (the next call does it, or the run once its pages are done)."""
        if self._taking is not None:
            self._state.log_page(self._run.id, *self._taking)
            self._taking = None
