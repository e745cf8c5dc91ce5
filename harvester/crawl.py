"""Walk every results page of one search and collect each document once; knows URLs and totals, not HTML."""

from __future__ import annotations

import functools
import logging
import math
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from harvester.document import RawDocument, parse_document
from harvester.errors import BlockedError, FetchError, IncompleteError, LayoutError, OffSiteError
from harvester.page import Page
from harvester.parse import RawCard, ResultsPage, parse_results
from harvester.settings import Settings
from harvester.sites import Site

log = logging.getLogger("harvester")

SAFETY_MAX_PAGES = 5000  # a search without a totals line is followed by its next links at most this far

# Fetches results pages in the order given, yielding each as (url, page, parsed) in that order; parsed() gives
# the page parsed (or raises what parsing it raised): a page the crawl lets go is never parsed, or its error raised.
Parsed = Callable[[], ResultsPage]
Reader = Callable[[Iterable[str]], Iterator[tuple[str, Page, Parsed]]]


def reader(get: Callable[[str], Page], site: Site) -> Reader:
    """The plain Reader: fetch a page, parse it, then the next (pipeline.py has one that parses on another core)."""

    def read(urls: Iterable[str]) -> Iterator[tuple[str, Page, Parsed]]:
        for url in urls:
            fetched = get(url)
            yield url, fetched, functools.partial(_parse, fetched, url, site)

    return read


def _parse(page: Page, url: str, site: Site) -> ResultsPage:
    return parse_results(page.text(), url, site)


@dataclass(frozen=True)
class Seen:
    """A card, the results page it was last seen on (canonical URL, or saved file), and when."""

    card: RawCard
    source_page: str
    seen_at: str


class Listing(Protocol):
    """The distinct documents a crawl has seen, in the order first seen (their ids when iterated)."""

    def keep(self, doc_id: str, seen: Seen) -> bool:
        """Note a card of the document; True if the document is new."""

    def __len__(self) -> int: ...

    def __contains__(self, doc_id: object) -> bool: ...

    def __iter__(self) -> Iterator[str]: ...


class Cards(dict[str, Seen]):
    """A Listing in memory: each document's latest card (a harvest keeps its records on disk instead: store.py)."""

    def keep(self, doc_id: str, seen: Seen) -> bool:
        new = doc_id not in self
        self[doc_id] = seen   # keeps its first place, with the latest card
        return new


@dataclass
class Crawl:
    """What a walk over one search gave: distinct documents in the order first seen, and how it went."""

    query: str
    total: int | None = None
    documents: Listing = field(default_factory=Cards)
    pages_fetched: int = 0
    duplicates: int = 0
    totals_seen: set[int] = field(default_factory=set)
    limited: bool = False            # stopped early as asked (--max-pages): the listing was not seen whole
    on_page: Callable[[Crawl], None] = field(default=lambda crawl: None, repr=False)
    warnings: list[str] = field(default_factory=list)

    def add(self, page: ResultsPage, site: Site, source_page: str, seen_at: str) -> int:
        """Record a page's cards under their document id; returns how many documents were new.

        A document keeps the place where it was first seen and the card where it was last seen
        (re-walked pages, or later runs re-parsed together, carry the newer text)."""
        new = 0
        for card in page.cards:
            doc_id = site.doc_id(card.href)
            if doc_id is None:
                raise LayoutError(f"{page.url}: result {card.title!r} links to {card.href!r}, not to a document")
            if self.documents.keep(doc_id, Seen(card, source_page, seen_at)):
                new += 1
            else:
                self.duplicates += 1
        self.warnings.extend(f"{page.url}: {w}" for w in page.warnings)
        return new


def crawl_search(get: Callable[[str], Page], site: Site, query: str, settings: Settings,
                 on_page: Callable[[Crawl], None] = lambda crawl: None, read: Reader | None = None,
                 documents: Listing | None = None) -> Crawl:
    """Fetch every results page of `query`, re-walking when documents are missing; checks the total.

    `get` fetches one URL (`read`, when given, fetches and parses a run of them); `on_page` is told after
    each page (for progress bars); `documents` keeps what the crawl sees (its cards in memory, by default).
    Once the first page gives the total, the other pages are asked for as
    one run, which lets a Reader fetch one page while another is parsed; the run ends at the last page of
    the latest total (results shift while a harvest runs)."""
    origin = settings.base_url or site.home
    read = read or reader(get, site)
    crawl = Crawl(query, documents=Cards() if documents is None else documents, on_page=on_page)

    def visit(start: int, stop: Callable[[], float]) -> ResultsPage | None:
        """Pages from `start` while their number is below stop(), asked again before each page and once more at the
        end (a Reader that fetches ahead may have judged by a total that has grown since)."""
        asked: deque[int] = deque()   # the numbers of the pages handed to `read` and not yet back
        following = start

        def urls() -> Iterator[str]:
            nonlocal following
            while following < stop():
                asked.append(following)
                following += 1
                yield site.search_url(query, asked[-1], origin)

        last = None
        while following < stop():
            for url, fetched, parsed in read(urls()):
                number = asked.popleft()
                if number >= stop():   # fetched ahead of a total that has since shrunk: no longer part of the listing
                    log.info("page %d: let go, the search now has %s results", number, crawl.total)
                    continue
                results = parsed()
                new = _add_page(crawl, site, url, fetched, results)
                log.info("page %d: %d cards, %d new, %d of %s documents",
                         number, len(results.cards), new, len(crawl.documents), crawl.total)
                last = results
        return last

    first = visit(0, lambda: 1)
    assert first is not None
    if first.total is None:
        _follow_next_links(read, site, first, crawl, settings)
        return crawl
    visit(1, lambda: min(_page_count(crawl.total, site), settings.max_pages or math.inf))
    if settings.max_pages and _page_count(crawl.total, site) > settings.max_pages:
        crawl.warnings.append(f"stopped after {settings.max_pages} pages as asked: {len(crawl.documents)} of {crawl.total} documents")
        crawl.limited = True
        return crawl
    _close_gaps(visit, crawl, site, settings)
    return crawl


def _close_gaps(visit: Callable[[int, Callable[[], float]], ResultsPage | None], crawl: Crawl, site: Site, settings: Settings) -> None:
    """Results shift while a harvest runs: re-walk every page while documents are missing or the total moved."""
    for round_number in range(1, settings.refetch_rounds + 1):
        missing = (crawl.total or 0) - len(crawl.documents)
        shifted = len(crawl.totals_seen) > 1
        if missing <= 0 and not shifted:
            break
        why = f"have {len(crawl.documents)} of {crawl.total} documents" if missing > 0 else "the total changed during the run"
        log.warning("%s; re-walking the pages (round %d)", why, round_number)
        crawl.totals_seen = {crawl.total or 0}
        visit(0, _fixed(_page_count(crawl.total, site)))   # this round's pages: as many as the total when it began
    _check_complete(crawl, settings)


def _check_complete(crawl: Crawl, settings: Settings) -> None:
    """Fail (or, when allowed, warn) if fewer distinct documents were seen than the site lists."""
    missing = (crawl.total or 0) - len(crawl.documents)
    if missing > 0:
        message = f"the site lists {crawl.total} documents for {crawl.query!r} but only {len(crawl.documents)} distinct ones could be collected"
        if not settings.allow_incomplete:
            raise IncompleteError(message + " (nothing written; --allow-incomplete writes what was found)")
        crawl.warnings.append(message)
    elif missing < 0:
        crawl.warnings.append(f"collected {len(crawl.documents)} distinct documents, more than the {crawl.total} "
                              "the site now lists (some were removed during the run)")


def _follow_next_links(read: Reader, site: Site, page: ResultsPage, crawl: Crawl, settings: Settings) -> None:
    if page.cards:
        crawl.warnings.append("the results pages carry no 'x - y of N' line: following next links; completeness not checked")
    limit = min(settings.max_pages or SAFETY_MAX_PAGES, SAFETY_MAX_PAGES)
    while page.next_url and crawl.pages_fetched < limit:
        [(url, fetched, parsed)] = read([page.next_url])
        page = parsed()
        _add_page(crawl, site, url, fetched, page)
    crawl.limited = bool(page.next_url)


def _add_page(crawl: Crawl, site: Site, url: str, fetched: Page, results: ResultsPage) -> int:
    """Add a fetched and parsed results page's cards to the crawl; returns how many documents were new."""
    crawl.pages_fetched += 1
    if results.total is not None:
        crawl.total = results.total
        crawl.totals_seen.add(results.total)
    new = crawl.add(results, site, site.canonical(url), fetched.fetched_at)
    crawl.on_page(crawl)
    return new


def _fixed(count: int) -> Callable[[], float]:
    return lambda: count


def _page_count(total: int | None, site: Site) -> int:
    return math.ceil((total or 0) / site.page_size)


def crawl_documents(get: Callable[[str], Page], site: Site, doc_ids: list[str], origin: str,
                    keep: Callable[[str, RawDocument], None]) -> list[str]:
    """Fetch and parse the document page of each id, in order, each handed to `keep` (doc id, page) as it comes;
    a page that cannot be had is a warning (returned), not a loss."""
    warnings: list[str] = []
    for number, doc_id in enumerate(doc_ids, 1):
        url = f"{origin.rstrip('/')}/document/{doc_id}"
        try:
            page = get(url)
        except (BlockedError, OffSiteError):
            raise
        except FetchError as error:
            warnings.append(f"{error}; the details of {doc_id} are left empty")
            continue
        keep(doc_id, parse_document(page.text(), site.canonical(page.url), site, name=url))
        log.info("document %d of %d: %s", number, len(doc_ids), doc_id)
    return warnings
