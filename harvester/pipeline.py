"""harvest() and reparse(): the only place the stages meet, each one loop that reads top to bottom.

    harvest:  results page URL -> fetched Page -> raw cards -> records -> the dataset's state -> files
    reparse:  saved pages (HTML files, WARC records) ------^  (parsed on a pool of processes)
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import math
import re
import tempfile
import time
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urljoin, urlsplit

from harvester.crawl import Walk
from harvester.errors import BlockedError, FetchError, InputError, LayoutError, OffSiteError, UsageError
from harvester.fetch.page import Page, is_cut_short
from harvester.fetch.saved import read_saved, saved_pages
from harvester.normalize.names import NameTable
from harvester.normalize.people import People, mention_of
from harvester.output.files import Staging, write_table
from harvester.output.package import Provenance, write_package
from harvester.parse.document import card_of, parse_document
from harvester.parse.results import ResultsPage, parse_results
from harvester.records import DETAIL_COLUMNS, PEOPLE_COLUMNS, RECORD_COLUMNS, Record, details_of, record_of, with_details
from harvester.settings import Settings
from harvester.sites import Site
from harvester.state import Replaying, State, dataset_lock

if TYPE_CHECKING:   # the network and the archive are imported by harvest() only: a re-parse starts sooner without them
    import httpx

    from harvester.fetch.archive import WarcArchive

log = logging.getLogger("harvester")


@dataclass
class Outcome:
    """What a run produced and how it went; the CLI prints it."""

    documents: int
    files: list[Path]
    pages: int
    total: int | None
    requests: int = 0
    warnings: list[str] = field(default_factory=list)
    report: dict | None = None


def utc_now() -> datetime:
    return datetime.now(UTC)


def harvest(site: Site, query: str, out_dir: Path, name: str, formats: Iterable[str], settings: Settings,
            client: httpx.Client | None = None, sleep: Callable[[float], None] = time.sleep,
            now: Callable[[], datetime] = utc_now, names: NameTable | None = None,
            on_page: Callable[[Walk], None] = lambda walk: None) -> Outcome:
    """Fetch every results page of `query` on `site`, keep each card's record in the dataset's state, and write
    the dataset's files from it. Every response goes to DIR/archive/ (WARC); an interrupted run resumes where it
    stopped; NAME.report.json tells what changed since the last run."""
    from harvester.fetch.archive import WarcArchive, next_part
    from harvester.fetch.client import Fetcher, HttpTransport, make_client
    from harvester.output.runreport import build_report, counted

    names = names or NameTable.load()
    origin = settings.base_url or site.home
    if len(first := site.search_url(query, 0, origin)) > MAX_URL:
        raise UsageError(f"--query: its address would be {len(first):,} characters long, more than web servers take "
                         f"({MAX_URL:,}); shorten the search")
    prepare_output(out_dir)
    with State(out_dir, name) as opened, opened.writing() as state:
        run = state.start_run(run_key(site, query, settings), now(), timedelta(hours=settings.resume_within))
        if run.resumed:
            log.info("resuming run %d, which was interrupted: %d pages already fetched", run.id, len(run.replay))
        walk = Walk(site, query, settings)
        with WarcArchive(next_part(out_dir / "archive", name, run.id)) as archive, \
                contextlib.nullcontext(client) if client else make_client(settings) as http:
            fetcher = Fetcher(HttpTransport(http, settings, now), origin, settings, sleep=sleep, now=now,
                              on_response=lambda page: _archive(page, archive, state), cached=state.cached,
                              kept_headers=state.kept_headers)
            get = Replaying(fetcher.get, state, run)
            for url in walk.urls():
                page = get(url)
                results = parse_results(fetched_text(page, walk.warnings), url, site)
                records = records_of(results, site, site.canonical(url), query, page.fetched_at, names)
                walk.took(results, sum(state.keep(run.id, record) for record in records))
                on_page(walk)
            if settings.details:
                walk.warnings.extend(_fetch_details(get, state, run.id, site, origin, names))
        complete = not walk.limited
        warnings = fetcher.warnings + walk.warnings + _detail_warnings(state, run.id)
        report = build_report(
            site=site.name, query=query, run=run.id, started_at=run.started_at, finished_at=now().isoformat(timespec="seconds"),
            resumed=run.resumed, pages=walk.pages, requests=fetcher.requests, retries=fetcher.retries, total=walk.total,
            documents=state.count(run.id), changes=state.changes(run.id, complete), warnings=warnings, complete=complete)
        files = write_dataset(state, run.id, out_dir, name, formats, settings.details, settings.transcript_in_csv, names,
                              _provenance(site, [query], "harvest", walk.pages, walk.total, fetcher.requests, warnings, now()),
                              seen_at=run.started_at, report=report)
        state.finish_run(run.id, run.started_at, complete, counted(report))
    return Outcome(report["documents"], files, walk.pages, walk.total, fetcher.requests, warnings, report)


def fetched_text(page: Page, warnings: list[str]) -> str:
    """A fetched page's text; bytes its encoding could not read are replaced and said in `warnings`; a body that is no
    HTML at all is a page the parser does not know."""
    try:
        text, problem = page.decoded()
    except InputError as error:
        raise LayoutError(str(error)) from None
    warnings.extend([problem] if problem else [])
    return text


def records_of(results: ResultsPage, site: Site, source_page: str, query: str, harvested_at: str,
               names: NameTable) -> list[Record]:
    """The records of a results page's cards; a card that links to no document is a layout error, and one that links
    off the site (not to its hosts, nor to the host the page came from) is never taken for one of its documents."""
    records = []
    for card in results.cards:
        doc_id = site.doc_id(card.href)
        if doc_id is None:
            raise LayoutError(f"{results.url}: result {card.title!r} links to {card.href!r}, not to a document")
        host = urlsplit(urljoin(results.url, card.href)).hostname
        if host not in site.hosts and host != urlsplit(results.url).hostname:
            raise OffSiteError(f"{results.url}: result {card.title!r} links off the site, to {card.href}")
        records.append(record_of(doc_id, card, source_page, site, query, harvested_at, names))
    return records


def _fetch_details(get: Callable[[str], Page], state: State, run_id: int, site: Site, origin: str,
                   names: NameTable) -> list[str]:
    """Each listed document's page, in order, its details kept beside its record; a page that cannot be had is a
    warning (returned) and empty details, not a loss."""
    warnings: list[str] = []
    for number, doc_id in enumerate(state.listed(run_id), 1):
        url = site.doc_url(doc_id, origin)
        try:
            page = get(url)
        except (BlockedError, OffSiteError):
            raise
        except FetchError as error:
            warnings.append(f"{error}; the details of {doc_id} are left empty")
            state.keep_details(doc_id, None)
            continue
        state.keep_details(doc_id, details_of(parse_document(fetched_text(page, warnings), site.canonical(page.url), site, name=url),
                                              names))
        log.info("document %d: %s", number, doc_id)
    return warnings


def _detail_warnings(state: State, run_id: int) -> list[str]:
    """What could not be read on the document pages, record by record: "URL: warning"."""
    return [f"{record['url']}: {warning}" for record, details in state.records(run_id) if details
            for warning in details["warnings"]]


def _archive(page: Page, archive: WarcArchive, state: State) -> None:
    """Every response into the WARC (a 304 as a revisit of the copy it confirms); the state notes where it lies."""
    kept = state.cache_entry(page.requested) if page.status == 304 else None
    if kept is not None:
        archive.write_not_modified(page, page.requested, kept.fetched_at)
        state.confirmed(page.requested, kept)
    else:
        state.remember(page, archive.write(page))


def run_key(site: Site, query: str, settings: Settings) -> str:
    """What makes two runs the same harvest (so that one may resume the other); "search" is the dataset's search."""
    return json.dumps({"site": site.name, "query": query, "max_pages": settings.max_pages,
                       "search": f"{site.name}:{search_of(query)}"}, sort_keys=True)


def reparse(paths: Iterable[Path], site: Site, out_dir: Path, name: str | None, formats: Iterable[str],
            names: NameTable | None = None, transcript_in_csv: bool = False, workers: int | None = None) -> Outcome:
    """Parse saved pages (.html files, folders of them, WARC files) again, with no network, into the dataset's files.

    Results pages give the records; saved document pages among them add their details (a document page whose
    results page is not there gives a record of its own). `workers` processes parse the pages (None: one per core,
    at most four; 0: all in this process); the files are the same either way."""
    names = names or NameTable.load()
    paths = list(paths)
    prepare_output(out_dir)
    searches: dict[str, _Search] = {}     # the searches the results pages belong to, in the order first seen
    pages, detailed, warnings = 0, False, []
    with State(out_dir, None) as opened, opened.writing() as state:
        run = state.start_run("reparse", utc_now(), timedelta(0))
        for saved in _parsed(saved_pages(paths, site, warnings), site, names, default_workers() if workers is None else workers):
            pages += 1
            warnings.extend([saved.problem] if saved.problem else [])
            if isinstance(saved, SavedDocument):
                state.keep_details(saved.doc_id, saved.details, own=saved.record)
                detailed = True
                continue
            search = searches.setdefault(saved.search, _Search(saved.query))
            search.total = saved.results.total if saved.results.total is not None else search.total
            search.ids.update(record["id"] for record in saved.records)
            warnings.extend(f"{saved.results.url}: {warning}" for warning in saved.results.warnings)
            for record in saved.records:
                state.keep(run.id, record)
        if not pages:
            raise InputError(f"{', '.join(map(str, paths))}: no saved results pages found")
        queries = {search.query for search in searches.values()} | ({""} if state.list_lone_pages(run.id) else set())
        warnings += [w for search in searches.values() if (w := search.coverage(site))] + _detail_warnings(state, run.id)
        name = name or default_name(site, queries.pop() if len(queries) == 1 else "reparse")
        total = sum(search.total or 0 for search in searches.values())
        with dataset_lock(out_dir, name):
            files = write_dataset(state, run.id, out_dir, name, formats, detailed, transcript_in_csv, names,
                                  _provenance(site, [s.query for s in searches.values()], "reparse", pages, total, 0, warnings,
                                              utc_now()))
        return Outcome(state.count(run.id), files, pages, total, 0, warnings)


@dataclass
class _Search:
    """What the saved pages of one search hold: its query, its total (the latest a page gave), its documents."""

    query: str
    total: int | None = None
    ids: set[str] = field(default_factory=set)

    def coverage(self, site: Site) -> str:
        """A warning when the saved pages hold fewer documents than the search's total."""
        if self.total is None or len(self.ids) >= self.total:
            return ""
        search = repr(self.query) if self.query else "an unknown search"
        return (f"saved pages of {search} hold {len(self.ids)} of its {self.total} documents "
                f"({math.ceil(self.total / site.page_size)} pages in all)")


@dataclass(frozen=True)
class SavedResults:
    """A saved results page, parsed: its search, its cards, and their records."""

    search: str          # which search it belongs to (search_key)
    query: str
    results: ResultsPage
    records: list[Record]
    problem: str | None = None   # what its decoding had to replace


@dataclass(frozen=True)
class SavedDocument:
    """A saved document page, read: its details, and the record it gives alone (when no results page lists it)."""

    doc_id: str
    record: Record
    details: Record
    problem: str | None = None


def read_saved_page(label: str, saved: Page | Path, site: Site, names: NameTable) -> SavedResults | SavedDocument:
    """Read and parse one saved page (named `label` in messages)."""
    page, text, problem = read_saved(saved) if isinstance(saved, Path) else (saved, *saved.decoded())
    if is_cut_short(text):
        raise InputError(f"{label}: the saved page is cut short (it stops before </html>): save it again")
    doc_id = site.doc_id(page.url) if page.url else None
    if doc_id:
        raw = parse_document(text, site.canonical(page.url), site, name=label)
        return SavedDocument(doc_id, record_of(doc_id, card_of(raw), raw.url, site, "", "", names), details_of(raw, names), problem)
    results = parse_results(text, page.url or f"{site.home}{site.search_path}", site, name=label)
    source_page = site.canonical(page.url) if page.url else label
    records = records_of(results, site, source_page, query_of(page.url, site), page.fetched_at, names)
    return SavedResults(search_key(page.url, site), query_of(page.url, site), results, records, problem)


_worker: tuple[Site, NameTable] | None = None   # in a re-parse's worker process: its site and names table


def _start_worker(site: Site, names_file: Path | None) -> None:
    global _worker
    _worker = site, NameTable.load(names_file)


def _read_in_worker(items: list[tuple[str, Page | Path]]) -> list[SavedResults | SavedDocument]:
    assert _worker is not None
    return [read_saved_page(label, saved, *_worker) for label, saved in items]


def _parsed(items: Iterator[tuple[str, Page | Path]], site: Site, names: NameTable,
            workers: int) -> Iterator[SavedResults | SavedDocument]:
    """Every saved page parsed, in order: here, or a few at a time on `workers` processes (a bounded number ahead)."""
    if not workers:
        yield from (read_saved_page(label, saved, site, names) for label, saved in items)
        return
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(site, names.extra)) as pool:
        pending: deque = deque()
        for chunk in iter(lambda: list(islice(items, 4)), []):
            pending.append(pool.submit(_read_in_worker, chunk))
            if len(pending) > 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def default_workers() -> int:
    """One worker process per core, at most four; none on a machine with one core."""
    import os

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return 0 if cores < 2 else min(4, cores)


def write_dataset(state: State, run_id: int, out_dir: Path, name: str, formats: Iterable[str], detailed: bool,
                  transcript_in_csv: bool, names: NameTable, provenance: Provenance, seen_at: str | None = None,
                  report: dict | None = None) -> list[Path]:
    """The run's files, from its listing in the state: the records, the people table, the run report and the data
    package; they appear together, or none changes."""
    def records() -> Iterator[Record]:
        return (with_details(record, details) if detailed else record for record, details in state.records(run_id, seen_at))

    people = People(names, state.db)
    first = last = None
    for record in records():
        people.add(mention_of(record))
        if when := record["harvested_at"]:
            first, last = min(first or when, when), max(last or when, when)
    columns = RECORD_COLUMNS + DETAIL_COLUMNS if detailed else RECORD_COLUMNS
    formats = list(formats)
    people_formats = [f for f in formats if f in ("csv", "json", "jsonl", "parquet")] or ["csv", "json"]
    with Staging(out_dir, name) as staging:
        files = write_table(records, columns, out_dir, name, formats, staging, transcript_in_csv)
        files += write_table(people.rows, PEOPLE_COLUMNS, out_dir, f"{name}.people", people_formats, staging)
        if report is not None:
            files.append(staging.stage(out_dir / f"{name}.report.json", json.dumps(report, ensure_ascii=False, indent=2) + "\n"))
        provenance = replace(provenance, documents=state.count(run_id), first_harvested=first, last_harvested=last)
        files.append(write_package(out_dir, name, files, provenance, staging))
        staging.commit()
    return files


def _provenance(site: Site, queries: list[str], mode: str, pages: int, total: int | None, requests: int,
                warnings: list[str], created: datetime) -> Provenance:
    """The run's provenance, but for what only its files tell (documents, first and last harvested)."""
    queries = list(dict.fromkeys(q for q in queries if q))
    return Provenance(site.name, site.home, tuple(queries), tuple(site.search_url(q, 0) for q in queries), mode, pages,
                      total, 0, requests, None, None, tuple(warnings), created.isoformat(timespec="seconds"))


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
    """A dataset name unique to its search: the site and the query's words ('wilson-korean-war'), and a short hash of
    the query when those words cannot tell it from another (accents, other scripts, punctuation, a long query)."""
    query = search_of(query)
    if not query:
        return f"{site.name}-all"
    folded = unicodedata.normalize("NFKD", query).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.replace("'", "").replace("\u2019", "")).strip("-")[:60].strip("-")
    if slug.replace("-", " ") == query:
        return f"{site.name}-{slug}"
    return f"{site.name}-{slug + '-' if slug else ''}{hashlib.sha256(query.encode()).hexdigest()[:8]}"


def search_of(query: str) -> str:
    """What makes two full-text searches one: the words, in any case (the site's search ignores case) and spacing."""
    return " ".join(query.split()).casefold()


def check_name(name: str) -> str:
    """A dataset name must be a plain file name stem, short enough for every file made from it."""
    if not name or not re.fullmatch(r"[\w.-]+", name) or name.startswith("."):
        raise UsageError(f"--name {name!r}: use letters, digits, '.', '-' and '_' only")
    if len(name.encode()) > MAX_NAME:
        raise UsageError(f"--name: {len(name.encode())} bytes long; give at most {MAX_NAME} (its files add endings to it)")
    return name


MAX_URL = 8000   # characters: what web servers commonly take in a request line
MAX_NAME = 120   # bytes: file systems allow 255 for a file's name, and the longest file adds ".people.datapackage.json.XXXX.tmp"


def prepare_output(out_dir: Path) -> None:
    """Create the output folder and prove it is writable before any work is done."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out_dir):
            pass
    except OSError as error:
        raise UsageError(f"--out {out_dir}: cannot write there ({error.strerror or error})") from None
