"""harvest() and reparse(): the only place the stages meet, top to bottom."""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import math
import re
import tempfile
import time
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlsplit

from harvester.crawl import Crawl, Parsed, Reader, Seen, crawl_documents, crawl_search
from harvester.details import DocumentDetails, details_of
from harvester.document import RawDocument, card_of, parse_document
from harvester.errors import InputError, UsageError
from harvester.export import Staging, write_dataset
from harvester.normalize.names import NameTable
from harvester.package import provenance, write_package
from harvester.page import Page, is_cut_short
from harvester.parse import RawCard, ResultsPage, parse_results
from harvester.people import People, PeopleTable, PersonRow, mention_of
from harvester.records import DetailedRecord, Record, record_values
from harvester.schema import DETAIL_COLUMNS, PEOPLE_COLUMNS, RECORD_COLUMNS
from harvester.saved import read_saved, saved_pages
from harvester.settings import Settings
from harvester.sites import Site
from harvester.store import Listing, Records, RecordStore, Stored, stored_values
from harvester.workers import WorkerError, Workers, default_workers

if TYPE_CHECKING:   # what only a harvest uses (the network, the archive, the state) is imported by harvest(): a re-parse
    import httpx     # starts a tenth of a second sooner without it

    from harvester.archive import WarcArchive
    from harvester.state import State

log = logging.getLogger("harvester")


@dataclass
class Outcome:
    """What a run produced and how it went; the CLI prints it."""

    records: Sequence[Record]       # a harvest's are read from disk as they are iterated (store.Records)
    files: list[Path]
    pages: int
    total: int | None
    requests: int = 0
    warnings: list[str] = field(default_factory=list)
    report: dict | None = None
    people: Sequence[PersonRow] = ()
    harvested: tuple[str | None, str | None] | None = None   # the first and last harvested_at (None: read the records)

    def close(self) -> None:
        """Let go of the temporary database the records and the people table are read from (they can no longer be)."""
        source = getattr(self.records, "source", None)
        if isinstance(source, RecordStore):
            source.close()


def utc_now() -> datetime:
    return datetime.now(UTC)


def harvest(
    site: Site,
    query: str,
    out_dir: Path,
    name: str,
    formats: Iterable[str],
    settings: Settings,
    client: httpx.Client | None = None,
    sleep: Callable[[float], None] = time.sleep,
    now: Callable[[], datetime] = utc_now,
    names: NameTable | None = None,
    on_page: Callable[[Crawl], None] = lambda crawl: None,
) -> Outcome:
    """Crawl every results page of `query` on `site`, normalize the cards and write the dataset files.

    Every response goes to a WARC file under DIR/archive/; the run's state (DIR/.harvester/) lets an
    interrupted run resume where it stopped, and tells what changed since the last run (NAME.report.json).
    """
    from harvester.archive import WarcArchive, next_part
    from harvester.client import Fetcher, make_client
    from harvester.runreport import build_report, compare, counted, report_pieces
    from harvester.state import Replaying, State

    prepare_output(out_dir)
    names = names or NameTable.load()
    # the workers start first, so that they hold none of the run's files (the state's lock above all)
    # one worker parses while this process fetches (more would wait on the fetching); none on one core
    count = min(1, default_workers()) if settings.workers is None else settings.workers
    store = RecordStore()   # each document's record, built from its latest card, in the order first seen: on disk
    store.detailed = settings.details   # a record whose document page could not be had has empty details
    try:
        with Workers(read_fetched_page, count, site=site, names=names) as workers, \
                State(out_dir, name) as state:
            run = state.start_run(run_key(site, query, settings), now(), timedelta(hours=settings.resume_within))
            if run.resumed:
                log.info("resuming run %d, which was interrupted: %d pages already fetched", run.id, len(run.replay))
            archive = WarcArchive(next_part(out_dir / "archive", name, run.id))
            try:
                with contextlib.nullcontext(client) if client else make_client(settings) as http:
                    fetcher = Fetcher(http, settings.base_url or site.home, settings, sleep=sleep, now=now,
                                      on_response=lambda page: _keep(page, archive, state), cached=state.cached,
                                      kept_headers=state.kept_headers)
                    get = Replaying(fetcher.get, run.replay, lambda page, asked: state.log_page(run.id, page, asked),
                                    lambda seq: state.forget_from(run.id, seq))
                    listing = store.listing()
                    crawl = crawl_search(get, site, query, settings, on_page=on_page, documents=listing,
                                         read=_reader(get, workers, query, run.started_at, listing))
                    if settings.details:
                        crawl.warnings.extend(crawl_documents(get, site, list(listing), settings.base_url or site.home,
                                                              functools.partial(_add_details, store, names)))
                        crawl.warnings.extend(store.detail_warnings())
            finally:
                archive.close()
            workers.close()
            complete = not crawl.limited
            changes = compare(store.seen(), state.known_of, state.listed(), store.__contains__, complete,
                              store.log("new"), store.log("changed"))
            store.first_seen(state.first_seen())   # the documents earlier runs saw were first seen then
            report = build_report(
                site=site.name, query=query, run=run.id, started_at=run.started_at, finished_at=now().isoformat(timespec="seconds"),
                resumed=run.resumed, pages=crawl.pages_fetched, requests=fetcher.requests, retries=fetcher.retries,
                total=crawl.total, documents=len(store), changes=changes, warnings=crawl.warnings, complete=complete)
            records, people = people_of(Records(store), names)
            with Staging() as staging:  # the run's files appear together, or none does
                files = write_all(records, people, out_dir, name, formats, settings.details, settings.transcript_in_csv, staging,
                                  settings.workers)
                files.append(staging.stage(out_dir / f"{name}.report.json", report_pieces(report)))
                outcome = Outcome(records, files, crawl.pages_fetched, crawl.total, fetcher.requests, crawl.warnings, report, people,
                                  harvested=store.harvested_span())
                origin = provenance(outcome, site, [query], "harvest", now())
                outcome.files.append(write_package(out_dir, name, outcome, origin, staging))
                staging.commit()
            state.finish_run(run.id, store.seen(), run.started_at, complete, counted(report))
    except BaseException:
        store.close()   # (on success the Outcome reads from it: Outcome.close)
        raise
    return outcome


def _reader(get: Callable[[str], Page], workers: Workers, query: str, started_at: str, listing: Listing) -> Reader:
    """The harvest's Reader: each fetched page goes to a worker, which parses it and builds its records while the
    next page is fetched (one page ahead per worker); the listing is offered a page's records when the crawl takes
    the page (and keeps each as the crawl takes its card).

    A page already parsed is taken before the next fetch, so that a page that stops the run (a challenge, a
    layout the parser does not know) is seen as early as it can be: at most one page more a worker is asked for
    than one process would ask for."""
    ahead = workers.count

    def read(urls: Iterable[str]) -> Iterator[tuple[str, Page, Parsed]]:
        pending: deque[tuple[str, Page, Callable[[], tuple[ResultsPage, list[Stored]]]]] = deque()
        remaining = iter(urls)
        while True:
            while pending and workers.ready():
                yield taken(*pending.popleft())
            url = next(remaining, None)
            if url is None:
                break
            fetched = get(url)
            pending.append((url, fetched, workers.submit((url, fetched, query, started_at))))
            if len(pending) > ahead:
                yield taken(*pending.popleft())
        while pending:
            yield taken(*pending.popleft())

    def taken(url: str, fetched: Page, result: Callable[[], tuple[ResultsPage, list[Stored]]]) -> tuple[str, Page, Parsed]:
        try:
            results, records = result()   # read now, in order, whether or not the crawl takes the page
        except WorkerError:
            raise
        except Exception as error:        # raised only if it does
            return url, fetched, functools.partial(_reraise, error)

        def accept() -> ResultsPage:
            listing.offer(records)
            return results

        return url, fetched, accept

    return read


def _reraise(error: Exception) -> ResultsPage:
    raise error


def read_fetched_page(item: tuple[str, Page, str, str], site: Site, names: NameTable) -> tuple[ResultsPage, list[Stored]]:
    """A fetched results page (asked for at `url`, for `query`), parsed, and its cards' records, as the store keeps
    them (pickled here, so that the main process only moves their bytes). Runs in a worker."""
    url, page, query, started_at = item
    results = parse_results(page.text(), url, site)
    source_page = site.canonical(url)
    return results, [stored_values(record_values(doc_id, card, source_page, site, query, page.fetched_at, names,
                                                 first_seen=started_at, last_seen=started_at))
                     for card in results.cards if (doc_id := site.doc_id(card.href)) is not None]


def _add_details(store: RecordStore, names: NameTable, doc_id: str, raw: RawDocument) -> None:
    """A document page fetched: its details go into the store, beside its record."""
    store.put_details(doc_id, raw.url, card_of(raw), details_of(raw, names))


def _keep(page: Page, archive: WarcArchive, state: State) -> None:
    """Every response into the WARC (a 304 as a revisit of the copy it confirms); the state notes where it lies."""
    kept = state.cache_entry(page.requested) if page.status == 304 else None
    if kept is not None:
        archive.write_not_modified(page, page.requested, kept.fetched_at)
        state.confirmed(page.requested, kept)
    else:
        state.remember(page, archive.write(page))


def run_key(site: Site, query: str, settings: Settings) -> str:
    """What makes two runs the same harvest (so that one may resume the other)."""
    return json.dumps({"site": site.name, "query": query, "max_pages": settings.max_pages}, sort_keys=True)


def reparse(
    paths: Iterable[Path],
    site: Site,
    out_dir: Path,
    name: str | None,
    formats: Iterable[str],
    names: NameTable | None = None,
    transcript_in_csv: bool = False,
    workers: int | None = None,
) -> Outcome:
    """Parse saved pages (.html files, folders of them, WARC files) again, with no network.

    Results pages give the records; saved document pages among them add their details (and a
    document page whose results page is not there gives a record of its own). Pages are parsed on
    `workers` worker processes (None: one per core; 0: all in this process), with the same outcome."""
    prepare_output(out_dir)
    names = names or NameTable.load()
    store = RecordStore()   # each search's records, and the document pages' details: on disk
    try:
        crawls: dict[str, Crawl] = {}    # per search, in the order first seen
        listings: dict[str, Listing] = {}
        pages = 0
        with Workers(read_saved_page, default_workers() if workers is None else workers, site=site, names=names) as pool:
            for read in pool.ordered(saved_pages(list(paths), site)):
                pages += 1
                if isinstance(read, SavedDocument):
                    store.put_details(read.doc_id, read.url, read.card, read.details)
                    continue
                if read.search not in crawls:
                    listings[read.search] = store.listing(len(crawls))
                    crawls[read.search] = Crawl(read.query, documents=listings[read.search])
                crawl = crawls[read.search]
                crawl.pages_fetched += 1
                crawl.total = read.results.total if read.results.total is not None else crawl.total
                listings[read.search].offer(read.records)
                crawl.add(read.results, site, read.source_page, read.fetched_at)
        if not pages:
            raise InputError(f"{', '.join(map(str, paths))}: no saved results pages found")
        _records_for_lone_documents(store, crawls, site, names)
        warnings = [w for crawl in crawls.values() for w in crawl.warnings + coverage_warnings(crawl, site)]
        warnings.extend(store.detail_warnings())
        records, people = people_of(Records(store), names)
        queries = {crawl.query for crawl in crawls.values()}
        name = name or default_name(site, queries.pop() if len(queries) == 1 else "reparse")
        with Staging() as staging:  # the files appear together, or none does
            written = write_all(records, people, out_dir, name, formats, store.detailed, transcript_in_csv, staging, workers)
            outcome = Outcome(records, written, pages, sum(c.total or 0 for c in crawls.values()), 0, warnings, None, people,
                              harvested=store.harvested_span())
            origin = provenance(outcome, site, [c.query for c in crawls.values()], "reparse", utc_now())
            outcome.files.append(write_package(out_dir, name, outcome, origin, staging))
            staging.commit()
    except BaseException:
        store.close()
        raise
    return outcome


@dataclass(frozen=True)
class SavedResults:
    """A saved results page, parsed: its search, its cards, and their records (as a worker hands them back)."""

    search: str          # which search it belongs to (search_key)
    query: str
    source_page: str     # its canonical URL, or the file when the page does not say where it came from
    fetched_at: str
    results: ResultsPage
    records: list[Stored]


@dataclass(frozen=True)
class SavedDocument:
    """A saved document page, read: its details, and its own card (a record of its own when no results page lists it)."""

    doc_id: str
    url: str
    card: RawCard
    details: DocumentDetails


def read_saved_page(item: tuple[str, Page | Path], site: Site, names: NameTable) -> SavedResults | SavedDocument:
    """Read and parse one saved page (named `label` in messages); a results page's cards become records.
    Runs in a worker."""
    label, saved = item
    page, text = read_saved(saved) if isinstance(saved, Path) else (saved, saved.text())
    url = page.url or f"{site.home}{site.search_path}"
    if page.url and site.doc_id(page.url):
        if is_cut_short(text):
            raise InputError(f"{label}: the saved page is cut short (it stops before </html>): save it again")
        raw = parse_document(text, site.canonical(page.url), site, name=label)
        return SavedDocument(site.doc_id(page.url) or "", raw.url, card_of(raw), details_of(raw, names))
    results = parse_results(text, url, site, name=label)
    if is_cut_short(text):
        raise InputError(f"{label}: the saved page is cut short (it stops before </html>): save it again")
    query = query_of(page.url, site)
    source_page = site.canonical(page.url) if page.url else label
    records = [stored_values(record_values(doc_id, card, source_page, site, query, page.fetched_at, names))
               for card in results.cards if (doc_id := site.doc_id(card.href)) is not None]
    return SavedResults(search_key(page.url, site), query, source_page, page.fetched_at, results, records)


def _records_for_lone_documents(store: RecordStore, crawls: dict[str, Crawl], site: Site, names: NameTable) -> None:
    """A saved document page whose results page was not given still makes a record, from the page itself."""
    lone = store.lone_pages()
    if lone:
        listing = store.listing(len(crawls))
        crawl = crawls["documents"] = Crawl("", documents=listing)
        for doc_id in lone:
            url, card = store.page(doc_id)
            listing.offer([stored_values(record_values(doc_id, card, url, site, "", "", names))])
            crawl.documents.keep(doc_id, Seen(card, url, ""))


def people_of(records: Records, names: NameTable) -> tuple[Records, PeopleTable]:
    """The people table, and the records with each person written as the table writes them (titles and pages alike).

    One pass over what the records say of their people builds the table; each record is rewritten as it is read
    afterwards."""
    people = People(names, records.source.db if isinstance(records.source, RecordStore) else None)
    for mention in records.mentions():
        people.add(mention)
    table = people.table()

    def one_way(record: Record) -> Record:
        name = people.written(mention_of(record))
        changes = {"people": tuple(dict.fromkeys(map(name, record.people + getattr(record, "page_people", ()))))}
        if isinstance(record, DetailedRecord):
            changes["page_people"] = tuple(dict.fromkeys(map(name, record.page_people)))
        return replace(record, **changes) if any(getattr(record, key) != value for key, value in changes.items()) else record

    return Records(records.source, lambda record: one_way(records.rewrite(record))), table


def write_all(records: Sequence[Record], people: Sequence[PersonRow], out_dir: Path, name: str, formats: Iterable[str],
              details: bool, transcript_in_csv: bool, staging: Staging, workers: int | None = None) -> list[Path]:
    """The records files, then the people table (CSV and JSON, and JSONL or Parquet when asked). A large dataset's
    records are encoded on `workers` processes (None: one per core)."""
    columns = RECORD_COLUMNS + DETAIL_COLUMNS if details else RECORD_COLUMNS
    formats = list(formats)
    workers = default_workers() if workers is None else workers
    written = write_dataset(records, out_dir, name, formats, columns, transcript_in_csv, staging, workers=workers)
    people_formats = [f for f in formats if f in ("csv", "json", "jsonl", "parquet")] or ["csv", "json"]
    # a person's row lists their documents (in a large harvest, tens of thousands): the rows are written one at a time
    return written + write_dataset(people, out_dir, f"{name}.people", people_formats, PEOPLE_COLUMNS, staging=staging, chunk=1)


def coverage_warnings(crawl: Crawl, site: Site) -> list[str]:
    """For saved pages: say when they hold fewer documents than their search's total."""
    if crawl.total is None or len(crawl.documents) >= crawl.total:
        return []
    pages = math.ceil(crawl.total / site.page_size)
    search = repr(crawl.query) if crawl.query else "an unknown search"
    return [f"saved pages of {search} hold {len(crawl.documents)} of its {crawl.total} documents ({pages} pages in all)"]


def search_key(url: str, site: Site) -> str:
    """Which search a page belongs to: its path and parameters without the page number."""
    if not url:
        return ""
    parts = urlsplit(url)
    params = sorted((k, v) for k, v in parse_qsl(parts.query) if k != site.page_param)
    return f"{parts.path}?{params}"


def query_of(url: str, site: Site) -> str:
    """The full-text query a search URL carries ('' when none)."""
    return dict(parse_qsl(urlsplit(url).query)).get(site.query_param, "") if url else ""


def default_name(site: Site, query: str) -> str:
    """A file name from the site and the query: 'wilson-korean-workers-party'."""
    folded = unicodedata.normalize("NFKD", query).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.replace("'", "").replace("\u2019", "")).strip("-")[:60].strip("-")
    return f"{site.name}-{slug or 'all'}"


def check_name(name: str) -> str:
    """A dataset name must be a plain file name stem."""
    if not name or not re.fullmatch(r"[\w.-]+", name) or name.startswith("."):
        raise UsageError(f"--name {name!r}: use letters, digits, '.', '-' and '_' only")
    return name


def prepare_output(out_dir: Path) -> None:
    """Create the output folder and prove it is writable before any work is done."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out_dir):
            pass
    except OSError as error:
        raise UsageError(f"--out {out_dir}: cannot write there ({error.strerror or error})") from None
