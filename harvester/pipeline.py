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
import os
import re
import signal
import shutil
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urljoin

from harvester.crawl import Walk
from harvester.fetch.archive import (Location, WarcArchive, datasets_archived, last_archived_run, next_part, read_warc,
                                     runs_archived)
from harvester.errors import (BlockedError, FetchError, HarvesterError, IncompleteError, InputError, LayoutError, OffSiteError,
                              UsageError, plural, storage_error, too_long_for_sqlite)
from harvester.fetch.page import Page, canonical_link, copy_rule, is_time, later_copy
from harvester.fetch.saved import as_the_site_served, check_whole, find_saved_files, printable, read_saved, saved_pages
from harvester.normalize.names import NameTable, without_accents
from harvester.normalize.people import People
from harvester.normalize.text import clean_text
from harvester.output.files import TABLE_FORMATS, Staging, writable_folder, write_table
from harvester.output.package import PACKAGE_SUFFIX, RUN_REPORT_SUFFIX, Provenance, clashing_names, write_package
from harvester.output.runreport import build_report
from harvester.output.sqlite import DATABASE_SUFFIX, write_database
from harvester.parse.document import card_of, is_old_layout, parse_document, wayback_stand_in
from harvester.parse.results import ResultsPage, parse_results
from harvester.pdfs import PDF_FOLDER, download_pdfs, pdf_values
from harvester.records import (LINK_COLUMNS, LINKS, PEOPLE, PEOPLE_COLUMNS, RECORDS, Record, details_of, links_of, mention_of,
                               record_of, records_columns, with_details)
from harvester.settings import Settings
from harvester.sites import Search, Site
from harvester.state import Replaying, State, dataset_lock, files_home, held_search, own_folder, state_file

if TYPE_CHECKING:
    import httpx

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
    search_words: str = ""    # the search in words, with its facets' labels
    replayed: int = 0         # the pages a resumed run read back from its archive, not fetched


def utc_now() -> datetime:
    return datetime.now(UTC)


def harvest(site: Site, search: Search, out_dir: Path, name: str, formats: Iterable[str], settings: Settings,
            client: httpx.Client | None = None, sleep: Callable[[float], None] = time.sleep,
            now: Callable[[], datetime] = utc_now, names: NameTable | None = None,
            progress: Callable[[str, int, int, str], None] = lambda stage, done, total, note: None,
            paced: Callable[[float], None] = lambda delay: None, unwell: set[str] | None = None) -> Outcome:
    """Fetch every results page of `search` on `site`, keep each card's record in the dataset's state, and write
    the dataset's files from it. Every response goes to DIR/archive/ (WARC); an interrupted run resumes where it
    stopped; NAME.report.json tells what changed since the last run. `progress` is told each stage's progress (its
    name, how many done of how many, a note); `paced`, the delay between requests before each request, and a longer
    one that robots.txt asks for; `unwell`, the origins whose scans are not asked for (see download_pdfs)."""
    from harvester.fetch.client import Fetcher, open_transport   # (httpx: a re-parse does without it)

    names = names or NameTable.load()
    origin, address = settings.base_url or site.home, site.search_url(search)
    if (length := len(site.search_url(search, 0, origin))) > MAX_URL:
        raise UsageError(f"the search's address would be {length:,} characters long, more "
                         f"than web servers take ({MAX_URL:,}); shorten the search")
    check_no_clash(out_dir, name)
    formats = list(formats)
    if "sqlite" in formats and too_long_for_sqlite(files_home(out_dir, name) / "gen-12345678" / f"{name}{DATABASE_SUFFIX}"):
        raise UsageError(f"--out {out_dir}: NAME.sqlite is built in {files_home(out_dir, name)}, a path too long for SQLite "
                         "to open a database in: use a shorter --out or --name")   # (said now, not after every page)
    with output_folder(out_dir), State(out_dir, name, same_page=site.same_page) as opened, opened.writing() as state, \
            writable_folder(out_dir / PDF_FOLDER, "--pdfs keeps the PDFs there: move it away, or use another --out") \
            if settings.pdfs else contextlib.nullcontext():
        after = last_archived_run(out_dir / "archive", name)   # a state started afresh: runs go on after the archive's
        if state.holds_nothing():   # and, as a new one, a state that holds nothing takes their search alone
            check_archived_search(out_dir / "archive", name, site, search, before=state.first_run())
        run = state.start_run(run_key(site, search, settings), now(), timedelta(hours=settings.resume_within), after=after)
        Staging(out_dir, name, earlier=state.has_runs_before(run.id)).check()   # refused now, not after every page
        clock = state.clock_set_back(run)
        if run.resumed:
            log.info("resuming run %d, which did not finish: %s already fetched", run.id, plural(len(run.replay), "page"))
        walk = Walk(site, search, settings)
        with WarcArchive(next_part(out_dir / "archive", name, run.id)) as archive, closed_if_incomplete(state, run.id, now), \
                open_transport(settings, origin, state.profile, (site.challenge_hosts, site.challenge_paths), now, client) as transport:
            fetcher = Fetcher(transport, origin, settings, sleep=sleep, now=now,
                              on_response=lambda page: _archive(page, archive, state), cached=state.cached,
                              kept_headers=state.kept_headers, paced=paced)
            get = Replaying(fetcher.get, state, run)
            for url in walk.urls():
                try:
                    page = get(url)
                except FetchError as error:   # the search's first page not there: a mistyped address or --base-url
                    if walk.pages or error.status not in (404, 410):
                        raise
                    raise FetchError(f"{error}: the site has no such search page; check the search's address (or "
                                     "--base-url)", error.status) from None
                text = fetched_text(page, walk.warnings)
                results = parse_results(text, url, site)
                own = walk.check(results, text)   # (not: another page of the search in this one's place)
                records = records_of(results, site, site.canonical(url), search.query, address, page.fetched_at, names) if own else []
                listed = [record["id"] for record in records] if own else state.seen_on(run.id, site.canonical(url))   # (why: Walk.took)
                walk.took(results, sum(state.keep(run.id, record) for record in records), listed)
                progress("results pages", walk.pages, max(walk.page_count(), walk.pages), f"documents={walk.documents}/{walk.total}")
            if (order := walk.listing_order(state.listing(run.id))) is not None:
                state.reorder(run.id, order)
            if walk.documents == 0 and not settings.allow_incomplete and (before := state.listed_last()):
                raise IncompleteError(f"the site now lists no documents for {search}, where the last run listed {before}: "
                                      "nothing written (an outage of its search?); with --allow-incomplete a run writes "
                                      "the empty listing")
            if walk.documents == 0:   # a warning, so that a search that can never find anything is not "done" every week
                walk.warnings.append(f"the site lists no documents for {search}: the dataset is empty (a mistyped query, "
                                     "or a facet the site no longer has?)")
            if settings.details:
                walk.warnings.extend(_fetch_details(get, state, run.id, site, origin, names, progress))
            get.taken()   # the last page too: a run stopped from here on fetches no page again
            pdfs = download_pdfs(fetcher, state, run.id, site, origin, out_dir, name, settings.max_pdf_bytes,
                                 progress, set() if unwell is None else unwell) if settings.pdfs else None
        complete = not walk.partial
        # each once: a page walked again while documents are missing says again what it said
        warnings = list(dict.fromkeys(clock + get.warnings + fetcher.warnings + walk.warnings + state.detail_warnings(run.id)
                                      + (pdfs.warnings if pdfs else [])))
        searched = Searched(search, address, walk.facets)
        report = build_report(
            site=site.name, origin=origin, search=searched.said(), run=run.id, first=not state.has_runs_before(run.id),
            started_at=run.started_at, finished_at=now().isoformat(timespec="seconds"), resumed=run.resumed,
            pages=walk.pages, requests=fetcher.requests, retries=fetcher.retries, total=walk.total,
            documents=state.count(run.id), changes=state.changes(run.id, complete), warnings=warnings, complete=complete,
            columns=[column.name for column in records_columns(settings.details, settings.pdfs)], pdfs=pdfs.counts() if pdfs else None)
        files, noted = write_dataset(
            state, run.id, out_dir, name, formats, settings.details, settings.transcript_in_csv, names,
            _provenance(site, origin, [searched], "harvest", walk.pages, walk.total, fetcher.requests, warnings, now()),
            seen_at=run.started_at, report=report, pdfs=settings.pdfs)
        state.finish_run(run.id, run.started_at, complete, report)
    return Outcome(report["documents"], files, walk.pages, walk.total, fetcher.requests, warnings + noted, report,
                   searched.words(), get.replayed)


@dataclass
class Searched:
    """A search a run went through: the search, its address on the site's own host, and its facets' labels as its
    pages showed them."""

    search: Search
    address: str
    labels: dict[tuple[str, str], str] = field(default_factory=dict)

    def said(self) -> dict:
        """The search as the run report and the data package give it."""
        facets = [{"facet": name, "id": value, "label": self.labels.get((name, value))} for name, value in self.search.facets]
        return {"words": self.words(), "query": self.search.query, "address": self.address, "facets": facets,
                "parameters": dict(self.search.sent)}

    def words(self) -> str:
        """The search in words, with its facets' labels when its pages gave them."""
        return self.search.words(self.labels)


def fetched_text(page: Page, warnings: list[str]) -> str:
    """A fetched page's text; bytes its encoding could not read are replaced and said in `warnings`; a body that is no
    HTML at all is a page the parser does not know."""
    try:
        text, problem = page.decoded()
    except InputError as error:
        raise LayoutError(str(error)) from None
    warnings.extend([problem] if problem else [])
    return text


def records_of(results: ResultsPage, site: Site, source_page: str, query: str, search_address: str, harvested_at: str,
               names: NameTable, where: str | None = None) -> list[Record]:
    """The records of a results page's cards; a card that links to no document is a layout error, and one that links
    off the site (not to its hosts, nor to the origin the page came from) is never taken for one of its documents.
    `where` (default: the page's URL) names the page in errors."""
    records, where = [], where or results.url
    for card in results.cards:
        # a link relative to the page is read as a browser reads it ("document/SLUG.html" in a mirror's copy)
        relative = "://" not in card.href and not card.href.startswith("/")
        doc_id = site.doc_id(urljoin(results.url, card.href) if relative else card.href)
        if doc_id is None:
            raise LayoutError(f"{where}: result {card.title!r} links to {card.href!r}, not to a document")
        if not site.on_site(card.href, results.url):
            raise OffSiteError(f"{where}: result {card.title!r} links off the site, to {card.href}")
        records.append(record_of(doc_id, card, source_page, site, query, search_address, harvested_at, names))
    return records


def _fetch_details(get: Callable[[str], Page], state: State, run_id: int, site: Site, origin: str,
                   names: NameTable, progress: Callable[[str, int, int, str], None]) -> list[str]:
    """Each listed document's page, in order, its details kept beside its record; a page that cannot be had is a
    warning (returned), not a loss: the details an earlier run read stand, else they are empty."""
    warnings: list[str] = []
    total = state.count(run_id)
    for number, doc_id in enumerate(state.listing(run_id), 1):
        progress("document pages", number - 1, total, "")
        url = site.doc_url(doc_id, origin)
        try:
            page = get(url)
        except OffSiteError:   # (a FetchError, but a site that sends its documents elsewhere stops the run)
            raise
        except FetchError as error:
            warnings.append(_not_had(state, doc_id, str(error)))
            continue
        text = fetched_text(page, warnings)
        raw = parse_document(text, site.canonical(page.url), site, name=url)
        if other := page_of_another(another_document(site, page.url, text), raw.title, doc_id, state, site):
            warnings.append(_not_had(state, doc_id, f"{url}: the site answered with the page of another document, {other} "
                                                    "(a cache?)"))
            continue
        state.keep_details(doc_id, details_of(raw, names, site))
        log.info("document %d: %s", number, doc_id)
    progress("document pages", total, total, "")
    return warnings


def _not_had(state: State, doc_id: str, why: str) -> str:
    """A document page that could not be had: the details an earlier run read of it stand, if any; what to warn of."""
    earlier = state.keep_details(doc_id, None)
    return f"{why}; the details of {doc_id} are " + ("an earlier run's" if earlier else "left empty")


def another_document(site: Site, url: str, text: str) -> str | None:
    """The document a document page's canonical link names, when another than the one at the address it came from
    (`url`, where redirects led); None when it has no canonical link: nothing to check."""
    said, served = site.doc_id(canonical_link(text) or ""), site.doc_id(url)
    return said if said and served and unquote(said) != unquote(served) else None


def page_of_another(other: str | None, title: str, asked: str, state: State, site: Site) -> str | None:
    """`other`, the document a page's canonical link names in place of the one `asked` for, when the page is that
    listed document's (a cache mixed two pages up): its title is the one the listing gives `other`, not `asked`, or
    both's, their slugs one title's told apart by Drupal's number (twins). A canonical link alone may name the
    document's other address (a legacy number's page, a Drupal path's), a slug the search does not list yet (the
    document retitled since its index was made), or be wrong."""
    listed = state.title(other) if other else ""
    return other if listed and clean_text(title) == listed and (listed != state.title(asked) or site.twins(asked, other)) else None


def _archive(page: Page, archive: WarcArchive, state: State) -> Location:
    """Every response into the WARC (a 304 as a revisit of the copy it confirms); returns where the response lies (a
    304's: the copy's), and a page with validators becomes the copy conditional requests revalidate."""
    kept = state.cache_entry(page.requested) if page.status == 304 else None
    if kept is not None:
        archive.write_not_modified(page, kept.url, kept.fetched_at)
        return kept.location
    location = archive.write(page)
    state.remember(page, location)
    return location


@contextlib.contextmanager
def closed_if_incomplete(state: State, run_id: int, now: Callable[[], datetime]) -> Iterator[None]:
    """A run that saw fewer documents than the site lists is closed, so that the next run fetches afresh: resumed,
    it would replay the same pages and come short again. (A run stopped by a page it could not take is resumed from
    that page: the page is not in its log, see Replaying.)"""
    try:
        yield
    except IncompleteError:
        state.close_run(run_id, now(), "incomplete")
        raise


def check_archived_search(folder: Path, name: str, site: Site, search: Search, before: float) -> None:
    """A dataset whose state was deleted by hand takes no other search than that of its archive's last run before the new
    state's runs (`before`: the first) that was sent a results page (its first there; a run whose pages were all found
    unchanged, 304s, was sent none), if that page listed documents: their pages would be mixed in the archive, and in a
    re-parse of it (a search that found nothing, mistyped, is corrected, as with a state)."""
    archived = runs_archived(folder, name)
    for path in sorted((path for path, run in archived.items() if run < before), key=lambda path: -archived[path]):
        page = held = None
        with contextlib.suppress(HarvesterError):   # (a file that cannot be read tells nothing, nor a page that is no list)
            page = next((page for _, page in read_warc(path) if site.is_search(page.requested) and page.status == 200), None)
            held = site.search_of(page.requested) if page and parse_results(fetched_text(page, []), page.requested,
                                                                            site).cards else None
        if held is not None and held.key != search.key:
            raise UsageError(f"{folder.parent}: dataset {name} holds the harvests of {held} ({path.name} in {folder}), not of "
                             f"{search}; give this search a --name of its own (or another --out)")
        if page:   # (the files after it, read no further: a large one would be read whole)
            return


def run_key(site: Site, search: Search, settings: Settings) -> str:
    """What makes two runs the same harvest (so that one may resume the other); "search" is the dataset's search."""
    return json.dumps({"site": site.name, "search": f"{site.name}:{search.key}", "said": str(search),
                       "max_pages": settings.max_pages}, sort_keys=True)


def reparse(paths: Iterable[Path], site: Site, out_dir: Path, name: str | None, formats: Iterable[str],
            names: NameTable | None = None, transcript_in_csv: bool = False, workers: int | None = None) -> Outcome:
    """Parse saved pages (.html files, folders of them, WARC files) again, with no network, into the dataset's files.

    Results pages give the records, grouped by the search each page belongs to; saved document pages among them add
    their details (a document page whose results page is not there gives a record of its own). `workers` processes
    parse the pages (None: one per core, at most MOST_WORKERS; 0: all in this process); the files are the same either way."""
    names = names or NameTable.load()
    paths = list(paths)
    files = find_saved_files(paths)
    harvests = datasets_archived(files)   # whose archive the pages are of, by its files' names: the demo's has no hash
    # said before any page is parsed (a harvest's archive alone: of its one search, surely; with other pages, not its)
    if name or (len(harvests) == 1 and all(datasets_archived([path]) for path in files)):
        _not_harvested(out_dir, name or harvests[0])
    searches: dict[str, _SavedSearch] = {}     # the searches the results pages belong to, by their key, in the order first seen
    pages, detailed, warnings, unreadable = 0, False, [], []
    skipped: list[str] = []   # what the WARC files' reading passed over: read ahead of the parsing, so said first
    copies: dict[str, tuple[str, str, int]] = {}   # each saved file's address: its name, date and cards (hashed)
    with output_folder(out_dir), State(out_dir, None) as opened, opened.writing() as state:
        run = state.start_run("reparse", utc_now(), timedelta(0))
        for saved in _parsed(saved_pages(files, site, skipped), site, names, default_workers() if workers is None else workers):
            if isinstance(saved, HarvesterError):
                unreadable.append(saved)
                continue
            pages += 1
            warnings.extend([saved.problem] if saved.problem else [])
            if isinstance(saved, SavedDocument) and (other := page_of_another(saved.other, saved.record["title"], saved.doc_id,
                                                                               state, site)):
                warnings.append(f"{saved.label}: the page of another document, {other} (a cache?), in place of "
                                f"{saved.doc_id}'s; passed over")   # (as the harvest that fetched it did)
                continue
            if isinstance(saved, SavedDocument):
                state.keep_details(saved.doc_id, saved.details, own=saved.record, saved_at=saved.saved_at)
                detailed = True
                continue
            key = saved.search.key if saved.search else f"total {saved.results.total}"   # a page that does not say its search
            searched = Searched(saved.search or Search(), site.search_url(saved.search) if saved.search else "")
            searches.setdefault(key, _SavedSearch(searched)).took(saved, pages, site)
            warnings.extend(f"{saved.label}: {warning}" for warning in saved.results.warnings)
            warnings.extend(_another_copy(copies, saved))
            for record in saved.records:
                state.keep(run.id, record, saved.saved_at)
        if not pages:
            why = f" ({'; '.join(skipped[:3])}{'; ...' if len(skipped) > 3 else ''})" if skipped else ""   # a damaged WARC file
            raise unreadable[0] if unreadable else InputError(f"{', '.join(map(str, paths))}: no saved results pages found{why}")
        warnings = [printable(w) for w in skipped + warnings + [f"{error}; skipped" for error in unreadable]]
        # the run's documents in the order of their searches' results, as a harvest lists them, whatever the files' names
        # (the pages that do not say their search put with the one search whose total they give), then those known only
        # by their own page (`lone` of them)
        searches = _grouped(searches)
        state.reorder(run.id, (doc_id for group in searches.values() for doc_id in group.in_order()))
        lone = state.list_lone_pages(run.id)
        # a search whose pages list nothing, beside one whose pages list documents, is none of the dataset's sources: in a
        # harvest's archive, the empty listing of a mistyped search that the corrected one took the dataset from
        searches = {key: group for key, group in searches.items() if group.places} or searches
        warnings += [] if state.count(run.id) else ["the saved pages list no documents: the dataset is empty"]
        if detailed and (missing := state.count(run.id, without_details=True)):
            warnings.append(f"{missing} of the {state.count(run.id)} documents have no saved document page among the pages "
                            "given: their details are left empty")
        warnings += [w for group in searches.values() for w in group.warnings(site)] + state.detail_warnings(run.id)
        [only] = list(searches.values()) if len(searches) == 1 and not lone else [None]
        with contextlib.suppress(UsageError):   # (but a copy renamed to what --name refuses, "My copy-run0001-part1...")
            name = name or (check_name(harvests[0]) if only and len(harvests) == 1 else None)
        name = name or (default_name(site, only.searched.search) if only and only.searched.address else f"{site.name}-reparse")
        _not_harvested(out_dir, name)
        # the search's total; unknown when its pages do not say it, or for several searches (they may share documents:
        # a sum would count those twice; each search's own total is in the warnings when its pages come short of it)
        total = next(iter(searches.values())).total if len(searches) == 1 else None
        with dataset_lock(out_dir, name):
            files, noted = write_dataset(
                state, run.id, out_dir, name, formats, detailed, transcript_in_csv, names,
                _provenance(site, "saved pages", [g.searched for g in searches.values()], "reparse", pages, total, 0, warnings,
                            utc_now()))
        return Outcome(state.count(run.id), files, pages, total, 0, warnings + noted)


def _another_copy(copies: dict[str, tuple[str, str, int]], saved: SavedResults) -> list[str]:
    """Said when a saved file is another copy of an address that an earlier file was saved from, with other cards (a
    page saved twice, the listing changed in between): whose records stand. (An archive's responses of one address are
    its runs, which a re-parse reads as a harvest did.)"""
    if not saved.copy:   # (an archive's response, or a page that does not say its address: no copy of one)
        return []
    address, saved_at = saved.copy, saved.saved_at
    # each card by the document it links, however the copy writes the link (made absolute by a "complete" save, or the
    # Wayback's copy: the same results)
    cards = hash(tuple((record["id"], card.date, card.title, card.summary) for record, card in zip(saved.records, saved.results.cards)))
    earlier, earlier_at, earlier_cards = copies.setdefault(address, (saved.label, saved_at, cards))
    if later := later_copy(saved_at, earlier_at):   # (a copy alike, saved later, is the one whose records stand)
        copies[address] = (saved.label, saved_at, cards)
    if earlier_cards == cards:
        return []
    return [f"{saved.label}: saved from the same address as {earlier}, with other results; the records of "
            f"{saved.label if later else earlier} stand ({copy_rule(saved_at, earlier_at)})"]


def _not_harvested(out_dir: Path, name: str) -> None:
    """A re-parse never replaces a harvested dataset: its history would be lost; nor writes another dataset's files."""
    check_no_clash(out_dir, name)
    if state_file(out_dir, name).exists():
        raise UsageError(f"{out_dir}: {name} is a harvested dataset (its run history is in .harvester/{name}.sqlite), "
                         "which a re-parse would replace; re-parse into another --out, or give another --name")


@dataclass
class _SavedSearch:
    """What the saved pages of one search hold: the search, its pages' totals, its documents, and the pages that do not
    say which search they are of."""

    searched: Searched
    # each page's: when saved, its place in an archive's reading (0: a saved file's), its first result, total
    totals: list[tuple[str, int, float, int | None]] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    # each document's place in the listing (its result's number, then the page's and its own in the page's) by the
    # latest copy that lists it, when that copy was saved, and the document before it there: weeks of runs list it
    # where the last one did
    places: dict[str, tuple[str, tuple[float, int, int], str | None]] = field(default_factory=dict)
    latest: dict[float, tuple[str, int]] = field(default_factory=dict)   # each page's latest copy (by its first result)

    def took(self, saved: SavedResults, number: int, site: Site) -> None:
        # a page with no totals line numbers its results by its address: else, after an older copy's numbered ones
        first = saved.results.first or (site.page_of(saved.results.url) * site.page_size + 1 if saved.search else math.inf)
        # ("1 - 10 of 0" is no total, as in a harvest, nor is an empty page's past the first; a first page with none
        # starts a walk all the same)
        given = None if saved.results.belied else saved.results.total
        if first == 1 or given is not None and saved.records:   # (an archive's response: in the order read, see total)
            self.totals.append((saved.saved_at, number if saved.copy is None else 0, first, given))
        self.page(first, saved.saved_at, number)
        before = None
        for index, record in enumerate(saved.records):
            self.place(record["id"], saved.saved_at, (first + index, number, index), before)
            before = record["id"]
        self.searched.labels.update(((name, value), label) for name, value, label in saved.results.facets)
        self.unknown += [saved.label] if saved.search is None else []

    @property
    def total(self) -> int | None:
        """The search's total as a harvest takes its pages' in the order it fetched them: the latest saved page's, but
        not one a page past the total before it gives (its first result beyond it: a next link led there); a first page
        starts a walk of its own (a later run's, after one of "0 results"), with a totals line or without."""
        total = None
        # (in saved order, an undated copy before a dated one, as later_copy takes them; an archive's responses fetched at
        # one time as read, as its runs fetched them: its files in order, each's records in order, so that each run's pages
        # stay together; saved files of one time, or that say no time, in their page order, as a walk takes them, whatever
        # the files' names, and copies of one page as read, the later by name last)
        for _, _, first, given in sorted(self.totals, key=lambda t: (is_time(t[0]), is_time(t[0]) and datetime.fromisoformat(t[0]),
                                                                     t[1], t[2])):
            total = None if first == 1 else total   # (a run's first page with no totals line counts none, as its harvest)
            if given is not None and (total is None or first <= total):
                total = given
        return total

    def page(self, first: float, saved_at: str, number: int) -> None:
        if first not in self.latest or later_copy(saved_at, self.latest[first][0]):
            self.latest[first] = saved_at, number

    def place(self, doc_id: str, saved_at: str, place: tuple[float, int, int], before: str | None) -> None:
        # (a page that lists a document twice lists it where it first does: else each of two could come after the other)
        if doc_id not in self.places or later_copy(saved_at, self.places[doc_id][0]) and self.places[doc_id][1][1] != place[1]:
            self.places[doc_id] = saved_at, place, before

    def in_order(self) -> list[str]:
        """The documents as the latest copy of each page lists them; one that only an older copy of its page lists
        (a run that failed partway, a page saved again), right after the document before it there, or at its page's
        start: the numbers of two copies of a listing that changed in between are not comparable."""
        keys: dict[str, tuple[float, ...]] = {}
        for doc_id in self.places:
            chain = []   # documents each after the next, back to one whose place is known
            while doc_id not in keys:
                _, (at, number, index), before = self.places[doc_id]
                if (latest := self.on_latest(doc_id)) or before is None:
                    keys[doc_id] = (at if latest else at - 0.5, number, index)
                else:
                    chain.append(doc_id)
                    doc_id = before
            for after in reversed(chain):   # (of two copies' documents after one document, the later read's first)
                keys[after], doc_id = keys[doc_id] + (-self.places[after][1][1],), after
        return sorted(keys, key=keys.__getitem__)

    def on_latest(self, doc_id: str) -> bool:
        """Whether the latest copy of a document's page lists it (a page that tells not where it is has one copy)."""
        _, (at, number, index), _ = self.places[doc_id]
        return at == math.inf or self.latest[at - index][1] == number

    def warnings(self, site: Site) -> list[str]:
        """When the saved pages hold fewer documents than the search's total, or more; and the pages that do not say
        their search and could not be put with the pages of one."""
        of_total = f" of {self.total} results" if self.total is not None else ""
        said = self.searched.words() if self.searched.address else f"an unknown search{of_total}"
        pages = [] if self.searched.address else [
            f"{', '.join(self.unknown)}: the page does not say which search it is of (no saved-from mark, canonical link "
            "or settings), " + (f"and no other page's search has its total; taken as a search of {self.total} results"
                                if self.total is not None else "nor how many results it has; taken as a search of its own")]
        if self.total is None or len(self.places) == self.total:
            return pages
        if len(self.places) > self.total:
            earlier = sum(not self.on_latest(doc_id) for doc_id in self.places)
            why = (f": the listing changed between the times its pages were fetched (or saved), and {earlier} of them are "
                   "listed only by earlier copies" if earlier and len(self.places) - earlier <= self.total else
                   " (pages saved at different times, of a listing that changed?)")
            return pages + [f"saved pages of {said} hold {len(self.places)} documents, more than the {self.total} its pages count{why}"]
        return pages + [f"saved pages of {said} hold {len(self.places)} of its {self.total} documents "
                        f"({math.ceil(self.total / site.page_size)} pages in all)"]


def _grouped(searches: dict[str, _SavedSearch]) -> dict[str, _SavedSearch]:
    """The pages that do not say their search put with the pages of the one search that has their total, if only one
    has."""
    for key, lost in list(searches.items()):
        if lost.searched.address:
            continue
        homes = [home for home, group in searches.items() if group.searched.address and group.total == lost.total]
        if len(homes) == 1:
            home = searches[homes[0]]
            for first, (saved_at, number) in lost.latest.items():
                home.page(first, saved_at, number)
            for doc_id, (saved_at, place, before) in lost.places.items():
                home.place(doc_id, saved_at, place, before)
            del searches[key]
    return searches


@dataclass(frozen=True)
class SavedResults:
    """A saved results page, parsed: its search (None when the page does not say it), its cards, their records."""

    label: str
    search: Search | None
    results: ResultsPage
    records: list[Record]
    problem: str | None = None   # what its decoding had to replace
    saved_at: str = ""           # when it was saved or fetched, to choose between copies (Page.saved_at; '' when unknown)
    copy: str | None = None      # a saved file's address, '' if it says none (None: an archive's response, no copy: its runs
                                 # are read as harvested)


@dataclass(frozen=True)
class SavedDocument:
    """A saved document page, read: its details, and the record it gives alone (when no results page lists it)."""

    doc_id: str
    record: Record
    details: Record
    problem: str | None = None
    saved_at: str = ""           # as a results page's
    label: str = ""
    other: str | None = None     # the document its canonical link names, when another than the one at its address


def read_saved_page(label: str, saved: Page | Path, site: Site, names: NameTable) -> SavedResults | SavedDocument | LayoutError:
    """Read and parse one saved page (named `label` in messages); a page of the site that is neither a search's nor a
    document's (its home page, a person's, whose cards are no search's results) is passed over: why, returned."""
    if isinstance(saved, Path):
        page, text, problem = read_saved(saved)
    else:   # a response of a WARC file
        page, (text, problem) = saved, saved.decoded(label)
        page, text = as_the_site_served(page, text)   # (a crawl of the Wayback Machine's copies)
        check_whole(label, text)
    # the address asked for: in harvester's own archive, the page a redirect led to is the page the run asked for (a listed
    # document's, a results page of its search), as the harvest took it
    asked, saved_at = page.requested or page.url, page.saved_at or page.fetched_at   # (a WARC's response: when fetched)
    try:
        doc_id = site.doc_id(asked) if asked else None
        if doc_id and site.is_node_id(doc_id):   # a page saved from its Drupal path (/node/89868): the document its canonical
            doc_id = site.doc_id(canonical_link(text) or "") or doc_id   # link names (another page's link names no other)
        if doc_id:
            raw = parse_document(text, site.canonical(page.url), site, name=label)
            record = record_of(doc_id, card_of(raw), raw.url, site, "", "", page.fetched_at, names)
            return SavedDocument(doc_id, record, details_of(raw, names, site), problem, saved_at, label,
                                 another_document(site, page.url, text))
        # (a results page its settings say is the search's, saved from another of its addresses, is read as before)
        if asked and site.owns(asked) and not site.is_search(asked) \
                and site.setting(text, site.current_path) not in (None, site.search_path.strip("/")):
            return LayoutError(f"{label}: not a search results page: saved from {asked}, which is neither a search nor a document")
        try:
            address = asked or site.saved_search(text)
            search = site.search_of(address) if address and site.is_search(address) else None
        except UsageError as error:   # an address no search of the site has (a facet with no value): said of the page
            raise InputError(f"{label}: {'saved from' if asked else 'its settings say it was asked with'} {error}") from None
        results = parse_results(text, address or f"{site.home}{site.search_path}", site, name=label)
    except LayoutError:   # (a page that reads is read, whatever its text quotes)
        if notice := wayback_stand_in(text, site):   # (saved from the address of the page it stands in for)
            return LayoutError(f"{label}: not a page of the site but the Wayback Machine's notice {notice!r}, saved in its place")
        # (its cards, if in the present layout, are read; a document page's layout tells it, saved with its address or not)
        if site.is_old(asked or "") or ((doc_id or not asked) and is_old_layout(text, site)):
            old = f"{label}: {f'saved from {asked}, ' if asked else ''}a page of the archive's old site, whose layout harvester does not read"
            if not isinstance(saved, Path):   # a WARC file's response: passed over, as its old results pages are
                return LayoutError(old)
            again = "the search's pages" if asked and not doc_id else "the document's page"
            raise InputError(f"{old}: remove it, and save {again} from the present site") from None
        raise
    query, search_address = (search.query, site.search_url(search)) if search else ("", "")
    records = records_of(results, site, site.canonical(asked) if asked else label, query, search_address, page.fetched_at, names, label)
    return SavedResults(label, search, results, records, problem, saved_at, page.url if isinstance(saved, Path) else None)


_worker: tuple[Site, NameTable] | None = None   # in a re-parse's worker process: its site and names table


def _start_worker(site: Site, names_file: Path | None) -> None:
    """Ctrl-C and SIGTERM are the main process's to handle, so a worker ignores them: the main process stops the pool,
    whose workers first finish the few pages they hold. A worker killed while it sends its answer would leave the pool
    waiting for the rest of that answer for ever."""
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _worker = site, NameTable.load(names_file)


def _read_or_why(label: str, saved: Page | Path, site: Site, names: NameTable) -> SavedResults | SavedDocument | HarvesterError:
    """A saved page read; or, for a response in an archive, why it cannot be: the re-parse goes on without it (a run
    that failed met it). A saved file that cannot be read stops the re-parse (save it again), unless nothing in it is
    of the site: a page of another site among one's downloads is passed over, said, as another page of the site is."""
    try:
        return read_saved_page(label, saved, site, names)
    except (InputError, LayoutError, BlockedError, OffSiteError) as error:
        if not isinstance(saved, Path):
            return error
        # (a host of the site anywhere in the file: its address, its links, its scripts' settings)
        if isinstance(error, LayoutError) and not any(host in read_saved(saved)[1] for host in site.hosts):
            return LayoutError(f"{error}; nothing in it names {site.home}: a page of another site?")
        raise


def _read_in_worker(items: list[tuple[str, Page | Path]]) -> list[SavedResults | SavedDocument | HarvesterError]:
    assert _worker is not None
    return [_read_or_why(label, saved, *_worker) for label, saved in items]


def _parsed(items: Iterator[tuple[str, Page | Path]], site: Site, names: NameTable,
            workers: int) -> Iterator[SavedResults | SavedDocument | HarvesterError]:
    """Every saved page parsed (or why it cannot be), in order: here, or a few at a time on `workers` processes (a
    bounded number ahead)."""
    if not workers:
        yield from (_read_or_why(label, saved, site, names) for label, saved in items)
        return
    from concurrent.futures import ProcessPoolExecutor   # (here: a harvest, which has no workers, starts without it)

    import harvester.normalize.titles   # noqa: F401  (its grammar compiled here, once, not again by every worker forked)

    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(site, names.extra)) as pool:
        pending: deque = deque()
        for chunk in iter(lambda: list(islice(items, 4)), []):
            pending.append(pool.submit(_read_in_worker, chunk))
            if len(pending) > 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


MOST_WORKERS = 4   # the worker processes a re-parse starts by default, however many cores the machine has


def default_workers() -> int:
    """One worker process per core, at most MOST_WORKERS; none on a machine with one core."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return 0 if cores < 2 else min(MOST_WORKERS, cores)


def write_dataset(state: State, run_id: int, out_dir: Path, name: str, formats: Iterable[str], detailed: bool,
                  transcript_in_csv: bool, names: NameTable, provenance: Provenance, seen_at: str | None = None,
                  report: dict | None = None, pdfs: bool = False) -> tuple[list[Path], list[str]]:
    """The run's files, from its listing in the state: the records, the people table, the links (with details), the run
    report and the data package (which lists the PDFs, with --pdfs); they appear together, or none changes. Returns
    them, and what it warns of (also in the run report and the package): the files of an earlier run's formats going,
    columns the last run's records had, an earlier run's files it cannot remove, the run's report that cannot be kept
    among the dataset's reports."""
    def records() -> Iterator[Record]:
        for record, details, pdf in state.records(run_id, seen_at):
            record = with_details(record, details) if detailed else record
            yield record | pdf_values(pdf, record["pdf_url"], out_dir) if pdfs else record

    people = People(names, state.db)
    for record in records():
        people.add(mention_of(record))
    columns = records_columns(detailed, pdfs)
    formats = list(formats)
    people_formats = [f for f in formats if f in ("csv", "json", "jsonl", "parquet")] or ["csv", "json"]
    kept: Path | None = None   # the run's report among the dataset's, once the files are switched to it
    with Staging(out_dir, name, earlier=state.has_runs_before(run_id)) as staging:
        files = write_table(records, columns, out_dir, name, [f for f in formats if f in TABLE_FORMATS], staging,
                            transcript_in_csv)
        files += write_table(people.rows, PEOPLE_COLUMNS, out_dir, f"{name}{PEOPLE.suffix}", people_formats, staging)
        if detailed:
            files += write_table(lambda: links_of(records(), people.rows()), LINK_COLUMNS, out_dir, f"{name}{LINKS.suffix}",
                                 people_formats, staging)
        if "sqlite" in formats:
            tables = [(RECORDS, columns, records()), (PEOPLE, PEOPLE_COLUMNS, people.rows())]
            tables += [(LINKS, LINK_COLUMNS, links_of(records(), people.rows()))] if detailed else []
            files += write_database(out_dir, name, tables, staging, provenance.home)
        report_file = out_dir / f"{name}{RUN_REPORT_SUFFIX}"
        gone = staging.leaving({path.name for path in files} | {f"{name}{PACKAGE_SUFFIX}"}
                               | ({report_file.name} if report is not None else set()))
        keep = ("ask for the same formats, details and PDFs from run to run" if provenance.mode == "harvest" else
                "keep --format the same, and give the document pages again for their details")   # (a re-parse has no --details)
        noted = staging.warnings + ([f"removed {', '.join(map(str, gone))}: this run did not write "
                                     f"{'them' if len(gone) > 1 else 'it'} ({keep})"] if gone else [])
        earlier = state.last_columns(run_id) or _columns_in_package(out_dir, name)
        if lost := [column for column in earlier if column not in {c.name for c in columns}]:
            noted.append(f"the records have no {', '.join(lost)} any more: the last run's files had "
                         f"{'them' if len(lost) > 1 else 'it'} ({keep})")
        if report is not None:   # (updated in place: the state keeps the report as the file has it)
            report.update({"warnings": report["warnings"] + noted, "status": "warnings"} if noted else {})
            files.append(staging.stage_json(report_file, report | state.change_lists(run_id, report["complete"])))
            # every run's report is kept too: NAME.report.json tells of the last run only, so a run made again soon after
            # (a harvests file run again) would leave the week's lists in no file
            kept = own_folder(out_dir) / f"{name}.reports" / f"run-{run_id:04d}.json"
            if unkept := _keep_report(report_file, kept, staging.current(report_file)):   # a warning the report says too
                kept = None
                noted += unkept
                report.update(warnings=report["warnings"] + unkept, status="warnings")
                staging.stage_json(report_file, report | state.change_lists(run_id, report["complete"]))
        first, last = state.harvested_between(run_id)
        provenance = replace(provenance, documents=state.count(run_id), first_harvested=first, last_harvested=last,
                             warnings=(*provenance.warnings, *noted))
        scans = (record for record in records() if record["pdf_file"]) if pdfs else ()
        files.append(write_package(out_dir, name, files, provenance, staging, columns, transcript_in_csv, scans))
        staging.commit()
    if kept is not None:
        noted += _keep_report(report_file, kept)
    return files, noted


def _columns_in_package(out_dir: Path, name: str) -> list[str]:
    """The records' columns the dataset's data package describes (a CSV's, a JSON's...), for a dataset whose last run's
    report does not say them: a re-parse's, or one from before reports said them; none when there is no package."""
    try:
        package = json.loads((out_dir / f"{name}{PACKAGE_SUFFIX}").read_text(encoding="utf-8"))
        return list(dict.fromkeys(column["name"] for resource in package["resources"] if resource["name"].startswith("records")
                                  for column in resource["schema"]["fields"]))
    except (OSError, ValueError, KeyError, TypeError):
        return []


def _keep_report(report: Path, kept: Path, staged: Path | None = None) -> list[str]:
    """The run's report kept among the dataset's as `kept`, in two steps: before the switch to the run's files, its
    `staged` file linked (else copied) whole beside `kept`; after it, that copy renamed to `kept` (a run that fails in
    between keeps none). A failure is a warning of the run (returned; before the switch, a full disk or a folder where
    `kept` goes say, the report says it too): the report is then in `report` (NAME.report.json) only, until the next run replaces it."""
    pending = kept.with_name(f"{kept.name}.tmp")
    if staged is not None and kept.is_dir() and not kept.is_symlink():   # the rename after the switch could not replace
        return [f"{kept}: a folder where this run's report is kept; it is in {report} until the next run: move that "
                "folder away and copy the report there before then"]   # it (a link, it would): said now, in the report too
    try:
        if staged is None:
            os.replace(pending, kept)
            return []
        kept.parent.mkdir(exist_ok=True)
        for stale in kept.parent.glob("run-*.json.tmp"):   # this one's, and any a run killed before its switch left
            stale.unlink(missing_ok=True)
        try:
            os.link(staged, pending)
        except OSError:   # a file system with no hard links
            shutil.copyfile(staged, pending)
    except OSError as error:
        with contextlib.suppress(OSError):
            pending.unlink(missing_ok=True)
        if os.path.lexists(kept.parent) and not kept.parent.is_dir():
            return [f"{kept.parent}: not a folder, and every run's report is kept there; this run's is in {report} until "
                    f"the next run: move {kept.parent.name} away and copy it there before then"]
        return [f"{kept}: cannot keep this run's report there ({error.strerror or error}); it is in {report} until the "
                f"next run: copy it into {kept.parent} before then"]
    return []


def _provenance(site: Site, origin: str, searches: list[Searched], mode: str, pages: int, total: int | None,
                requests: int, warnings: list[str], created: datetime) -> Provenance:
    """The run's provenance, but for what only its files tell (documents, first and last harvested)."""
    return Provenance(site=site.name, home=site.home, origin=origin, searches=tuple(s.said() for s in searches), mode=mode,
                      pages=pages, total=total, documents=0, requests=requests, first_harvested=None, last_harvested=None,
                      warnings=tuple(warnings), created=created.isoformat(timespec="seconds"))


def default_name(site: Site, search: Search) -> str:
    """A dataset name unique to its search: the site, the query's words and the facets ('wilson-korean-war',
    'wilson-people_81908': a query's words never hold '_'), and a short hash of the search when those cannot tell it
    from another (accents, other scripts, punctuation, a sort, a long query); the whole archive is 'wilson-all'."""
    if search.key == Search().key:
        return f"{site.name}-all"
    query = " ".join(search.query.split()).casefold()
    folded = without_accents(query).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", folded.replace("'", "").replace("\u2019", "")).strip("-")
    facets = [f"{name}_{value}" for name, value in sorted(search.facets)]
    readable = "-".join(part for part in (words, *(re.sub(r"[^a-z0-9_]+", "-", f.lower()) for f in facets)) if part)
    # each facet as the site writes it (people_81908) reads back as one; another ("people:1-people_2") takes the hash
    plain = words.replace("-", " ") == query and all(re.fullmatch(r"[a-z_]+_[a-z0-9]+", f) for f in facets)
    if plain and not search.extra and len(readable) <= 60:
        return f"{site.name}-{readable}"
    return f"{site.name}-{readable[:60].strip('-') + '-' if readable else ''}{hashlib.sha256(search.key.encode()).hexdigest()[:8]}"


def dataset_name(out_dir: Path, site: Site, search: Search) -> str:
    """The search's default name, or, while no dataset of `out_dir` has it, the one's of this very search that an earlier
    harvester named otherwise (from a link's tracking, a query's accents decomposed, a facet's capitals): its runs go on.
    Its name ends with the hash of its search as a run recorded it, or, for a search with facets (named without the hash
    before their capitals took it), is this name but that hash; one the user gave (a snapshot, a trial, the demo's) is
    theirs. Of two (links shared with other tracking), the one run last is the one kept up."""
    name = default_name(site, search)
    if state_file(out_dir, name).exists():
        return name
    found = [("", name)]
    for path in own_folder(out_dir).glob(f"{site.name}-*.sqlite"):
        held, recorded, started = held_search(path) or ("", set(), "")
        digests = {hashlib.sha256(key.encode()).hexdigest()[:8] for key in recorded}
        if held == f"{site.name}:{search.key}" and any(
                path.stem.endswith(f"-{d}") or (search.facets and name == f"{path.stem}-{d}") for d in digests):
            found.append((str(started), path.stem))   # (each run's start, as harvester writes it: UTC)
    return max(found)[1]


def check_no_clash(out_dir: Path, name: str) -> None:
    """A dataset never writes the files of another dataset of the folder."""
    for other in clashing_names(name):
        if files_home(out_dir, other).exists():
            shorter, longer = sorted((name, other), key=len)
            raise UsageError(f"dataset {name}: dataset {other} in {out_dir} and this one can write files of the same names "
                             f"({longer}.*: {longer}'s records, and a companion file of {shorter}'s); give this one a --name "
                             "of its own")   # (its name may be no --name's: the search's, the WARC files')


def check_name(name: str) -> str:
    """A dataset name must be a plain file name stem, short enough for every file made from it."""
    if not name or not re.fullmatch(r"[\w.-]+", name) or name.startswith("."):
        raise UsageError(f"--name {name!r}: use letters, digits, '.', '-' and '_' only")
    if len(name.encode()) > MAX_NAME:
        raise UsageError(f"--name: {len(name.encode())} bytes long; give at most {MAX_NAME} (its files add endings to it)")
    return name


MAX_URL = 8000   # characters: what web servers commonly take in a request line
MAX_NAME = 120   # bytes: file systems allow 255 for a file's name; a dataset's add up to about 35 (".people.excel.csv.PID.link")


@contextlib.contextmanager
def output_folder(out_dir: Path) -> Iterator[None]:
    """Create the output folder and prove it is writable before any work is done; the folders this made are removed
    again if the work fails before putting anything in them."""
    made = [folder for folder in (out_dir, *out_dir.parents) if not folder.exists()]
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out_dir):
            pass
    except FileExistsError as error:
        raise storage_error(out_dir, error) from None
    except OSError as error:
        raise UsageError(f"--out {out_dir}: cannot write there ({error.strerror or error})") from None
    try:
        yield
    except BaseException:
        for folder in made:   # the deepest first; one that holds anything stays
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
