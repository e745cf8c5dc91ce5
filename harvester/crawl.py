"""Walk every results page of one search and check that each document was collected once; knows URLs and totals,
not HTML."""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from harvester.errors import IncompleteError, LayoutError, UsageError, plural
from harvester.parse.results import ResultsPage
from harvester.settings import Settings
from harvester.sites import TRACKING, Search, Site, unnumbered

log = logging.getLogger("harvester")

# next links with no totals line are followed at most this far (three times the whole archive, about 1,616 pages), and a total that
# keeps rising as the pages come is walked at most this far (or twice its first page count, if more)
SAFETY_MAX_PAGES = 5000
UNCHECKED = "following next links; completeness checked only if a later page counts the results"
STALE_PAGES = 5          # results pages in a row that bring no new document: the site answers every page alike (or a
                         # cache answers them with another page, as their settings say)


@dataclass
class Walk:
    """Which results page to fetch next, from what the pages fetched so far said (`took`).

    It reads the total from the first page and asks for every page of it (the latest total: results shift while a
    harvest runs), then walks the pages again while documents are missing or the total moved, and checks at the end
    that it saw as many distinct documents as the site lists."""

    site: Site
    search: Search
    settings: Settings
    total: int | None = None
    documents: int = 0                 # distinct documents seen
    pages: int = 0                     # results pages taken (each once, however often a re-walk takes it again)
    partial: bool = False              # the listing was not seen whole: cut short as asked (--max-pages), or a
                                       # page held fewer cards than it counts and the run wrote what it found
    warnings: list[str] = field(default_factory=list)
    facets: dict[tuple[str, str], str] = field(default_factory=dict)   # the search's facets: their labels, as pages show them
    number: int | None = None          # the number of the page asked for (None: a next link)
    page_size: int = 0                 # results to a page: as the first page counts them when more follow, else the site's
    repeated_page: bool = False        # a full page of the latest round showed the very cards of another page of it
    misplaced_page: bool = False       # a page of the latest round was another page of the search, as its settings say
    _relisted: list[str] | None = None   # the documents of the latest walk of the pages again, in the site's order (None:
                                         # the pages were walked once, and their order is the listing's)
    _totals: set[int] = field(default_factory=set)
    _short_page: bool = False          # a page held fewer cards than its "x - y of N" line counts
    _short_total: bool = False         # a page held more cards than its total counts ("1 - 10 of 0")
    _shown: set[int] = field(default_factory=set)   # the cards (their hash) of each full page of the round
    _stale: int = 0                    # the pages in a row, up to the last, that brought no new document
    _stale_elsewhere: int = 0          # of those, the pages answered with another page of the search (check)
    _last: ResultsPage | None = None
    _taken: set[str] = field(default_factory=set)   # the addresses of the pages taken
    _unchecked: str = ""               # why the walk followed next links with no total (said, with UNCHECKED)
    _elsewhere: bool = False           # the page being taken is another page of the search (check): its cards not kept

    def urls(self) -> Iterator[str]:
        """The results pages to fetch, in order; each is decided once the page before it was taken."""
        yield self._url(0)
        if self.total is None:   # no totals line, or only one its page belies: nothing to check the walk against
            if self._last.cards:
                self._unchecked = ("the first page's total is fewer than the results it shows" if self._short_total else
                                   "the first results page carries no 'x - y of N' line")
                self.warnings.append(f"{self._unchecked}: {UNCHECKED}")
            yield from self._next_links()
            if self.total is not None and not self.partial:   # a page its next links led to counted the search (not
                self._check_complete()                         # cut short as asked: that run is partial, and says so)
            self.partial = self.partial or self._short_total
            return
        # a total that keeps rising as the pages come is walked no further than twice what it said at first (or than a
        # walk of next links): a few uploads during a long run add a page or two
        first, number = self.total, 1
        limit = self.settings.max_pages or max(SAFETY_MAX_PAGES, 2 * self.page_count())
        while number < min(self.page_count(), limit):
            yield self._url(number)
            number += 1
            if self._stale >= STALE_PAGES:
                why = ("were each answered with another page of the search, as their settings say (a cache?)"
                       if self._stale_elsewhere == self._stale else
                       "brought no document not seen before: the site seems to answer every page alike")
                self._short(f"pages {number - STALE_PAGES} to {number - 1} {why}; stopped at {self.documents} of "
                            f"{self.total} documents")
                self.partial = True
                return
        if self.settings.max_pages and self.page_count() > self.settings.max_pages:
            self.warnings.append(f"stopped after {plural(self.settings.max_pages, 'page')} as asked: {self.documents} of "
                                 f"{self.total} documents")
            self.partial = True
            return
        if self.page_count() > limit:
            self._short(f"stopped after {plural(limit, 'page')}: the site's total rose from {first} to {self.total} as its "
                        f"pages came; {self.documents} documents seen")
            self.partial = True
            return
        if self._last.next_url and self.site.same_page(self._last.next_url) not in map(self.site.same_page, self._taken):
            # the last page the total counts leads on to a page not taken: the site counts fewer results than it has
            self._short_total = True
            yield from self._next_links()
        for round_number in range(1, self.settings.refetch_rounds + 1):
            missing = (self.total or 0) - self.documents
            if missing <= 0 and len(self._totals) <= 1:
                break
            why = f"have {self.documents} of {self.total} documents" if missing > 0 else "the total changed during the run"
            log.info("%s; re-walking the pages (round %d)", why, round_number)   # what it finds is the run's warning, if any
            self._totals, self._shown, self.repeated_page, self.misplaced_page = {self.total or 0}, set(), False, False
            yield from (self._url(number) for number in range(self.page_count()))   # as many as the total said then
        self._check_complete()
        if self._relisted is not None and self.repeated_page and not self.partial:
            # the listing keeps an earlier walk's order (see listing_order), itself not the site's: documents were
            # missing then, or the total moved (a run not found whole says what it missed)
            self.warnings.append("the order of the listing may differ from the site's: when the pages were walked again, "
                                 "a page was served in another's place")

    def check(self, page: ResultsPage, html: str) -> bool:
        """A page that answers another search, as its settings say (a cache or a redirect gave it), is none of this
        search's: checked before its documents are kept, which would join the dataset, unsaid. A page of this search
        that its settings say is another page than the one asked (a cache answered ?page=3 with page 2) is not taken
        (False): its documents are another page's, which would be listed in this one's place, and this one's are
        missing, so the pages are walked again. Settings with no query the page was asked with tell no page."""
        self._elsewhere = False
        try:
            asked = self.site.saved_search(html)
        except UsageError:   # (settings that name no search of the site: a facet with no value)
            return True
        numbered = asked is not None   # (the query the page was asked with holds its page: page 0's none)
        if asked is None and self.site.setting(html, self.site.current_path) == self.site.search_path.strip("/"):
            asked = f"{self.site.home}{self.site.search_path}"   # the search page asked with no query: the whole archive
        ours = self._listing_key(self.site.search_of(self.site.search_url(self.search)))   # (as the site reads it: tracking dropped)
        if asked and self._listing_key(other := self.site.search_of(asked)) != ours:
            if not self._taken:   # (a filter or facet the site does not have is the user's to correct: said first)
                self._check_filters(page)
                self._check_facets(page)
            raise LayoutError(f"{page.url}: the site answered with the results of another search, {other} (a cache, or a "
                              "redirect?); not taken")
        said = self.site.page_of(asked) if numbered else None
        # settings with no page say page 0, which a page whose line counts from further on is not: settings that no
        # longer carry the page do not refuse every page after the first
        self._elsewhere = said is not None and said != self.site.page_of(page.url) and (said > 0 or page.first == 1)
        if self._elsewhere:
            self.misplaced_page = True
            log.info("%s: the site answered with page %d of the search (a cache?); not taken", page.url, said)
        return not self._elsewhere

    def _listing_key(self, search: Search) -> str:
        """What the site lists for a search: its words, facets and filters, not its sort or page size, which its settings
        may write otherwise than the address (the sort the form's combined sort stands for); a name as PHP rewrites it
        ("ref.src" as "ref_src")."""
        return replace(search, extra=tuple((re.sub(r"[. ]", "_", key), value) for key, value in search.extra
                                           if unnumbered(key) not in self.site.other_params)).key

    def took(self, page: ResultsPage, new: int, listed: Sequence[str]) -> None:
        """A results page was fetched and its cards kept; `new` of them were documents not seen before; `listed`, the
        ids of its documents in its order (a page given another's in its place: its documents as an earlier walk took
        them there)."""
        if self.number == 0 and self.pages:   # a walk of the pages again begins
            self._relisted = []
        if self._relisted is not None:
            self._relisted += listed
        if not self._taken:
            self._check_filters(page)
            self._check_facets(page)
        self.pages += page.url not in self._taken
        self._taken.add(page.url)
        self.documents += new
        self._stale = 0 if new else self._stale + 1
        self._stale_elsewhere = 0 if new else self._stale_elsewhere + self._elsewhere
        self._short_total = self._short_total or page.belied
        # past the end, an empty page tells no total; nor does one its own page belies (the next links may lead on), nor
        # one a next link led to past a total (its first result beyond it): it counts as wrongly as the pages before it,
        # or anyhow; else a next link's page gives the latest total, as a numbered one does
        past = self.number is None and self.total is not None and (page.first or 0) > self.total
        if page.total is not None and (page.cards or self.pages == 1) and not page.belied and not past:
            self.total = page.total
            self._totals.add(page.total)
        if self.pages == 1 and page.first == 1 and page.last is not None and page.total is not None and page.last <= page.total:
            # "1 - 50 of 70": an address may ask for another size (items_per_page=50); "1 - 19 of 19": one page holds all
            self.page_size = page.last
        self.warnings.extend(said for warning in page.warnings if (said := f"{page.url}: {warning}") not in self.warnings)
        self._short_page = self._short_page or (not self._elsewhere and page.first is not None
                                                and len(page.cards) < page.last - page.first + 1)
        if len(page.cards) >= (self.page_size or self.site.page_size) and not self._elsewhere:
            shown = hash(tuple(sorted(card.href for card in page.cards)))   # (a round asks for each page once)
            self.repeated_page = self.repeated_page or shown in self._shown
            self._shown.add(shown)
        self.facets.update(((name, value), label) for name, value, label in page.facets)
        self._last = page
        if self._elsewhere:   # (said by check)
            return
        shown = "next page" if self.number is None else f"page {self.number}"
        again = len(page.cards) - new
        log.info("%s: %d cards, %d%s documents so far%s", shown, len(page.cards), self.documents,
                 "" if self.total is None else f" of {self.total}", f" ({again} already on an earlier page)" if again else "")

    def listing_order(self, kept: Iterable[str]) -> list[str] | None:
        """The documents in the site's order, from `kept`, their order so far; None: the order kept stands.

        A walk of the pages again (documents were missing: a page shown in another's place, results that shifted) sees
        the listing as the site now orders it; the documents only an earlier walk saw (removed since) follow. One that
        showed a page's cards in another's place again tells not which of the two places is the page's, nor where the
        documents of the other go: the earlier walk's order stands (said, at the walk's end)."""
        if self._relisted is None or self.repeated_page:
            return None
        return [*self._relisted, *kept]

    def _check_filters(self, page: ResultsPage) -> None:
        """A parameter of the search harvester does not know is a filter of the site's when its search form has that
        field: else the site ignores it, and lists the search without it (alone, the whole archive). A page that shows
        no form tells nothing: the parameter is then said, or, alone, refused."""
        if not (unknown := [key for key, _ in self.search.sent if key not in self.site.other_params
                            and not TRACKING.fullmatch(key)]):   # (an earlier harvester's search kept a link's tracking)
            return
        alone = not (self.search.query or self.search.facets)
        fields = set(map(unnumbered, page.fields))
        if fields and (ignored := [key for key in unknown if unnumbered(key) not in fields]):
            raise UsageError(f"{page.url}: the site's search form has no field {ignored[0]!r} (its fields: "
                             f"{_listed(page.fields)}), so the site would list {'the whole archive' if alone else 'the search'}"
                             " without it: correct the address" + ("" if self.search.query else f" (words to search go in "
                             f"{self.site.query_param}, or give them with --query WORDS)"))
        if not page.fields:
            said = f"{page.url}: the page shows no search form: whether the site takes {unknown[0]!r} is not known"
            if alone:   # (if not, the whole archive)
                raise UsageError(f"{said}, and with nothing else to narrow the search it may be the whole archive: "
                                 f"give the search's words or facets with it")
            self.warnings.append(f"{said}: the results may not be the search's")

    def _check_facets(self, page: ResultsPage) -> None:
        """The search's facets are the site's, and applied: the site may list its results without a facet it does not
        know (a name mistyped: the whole archive, week after week). An id it does not show as applied is said (a
        facet's label may be missing from a page). A page that shows no facets tells nothing."""
        if not page.facet_names:
            return
        if unknown := [name for name, _ in self.search.facets if name not in page.facet_names]:
            raise UsageError(f"{page.url}: the site has no facet {unknown[0]!r} (its facets: {_listed(page.facet_names)}), "
                             "so its results would not be the search's: correct the address")
        applied = {(name, value) for name, value, _ in page.facets}
        self.warnings.extend(f"{page.url}: the site does not show the facet {name}:{value} as applied (an id it no longer "
                             "has?): the results may not be the search's" for name, value in self.search.facets
                             if (name, value) not in applied)

    def _url(self, number: int) -> str:
        self.number = number
        return self.site.search_url(self.search, number, self.settings.base_url)

    def page_count(self) -> int:
        """The pages the total counts, at the page size the first page shows (a search may ask for more a page)."""
        return math.ceil((self.total or 0) / (self.page_size or self.site.page_size))

    def _next_links(self) -> Iterator[str]:
        """The pager's next links (with no totals line, or past the total), while they lead somewhere new and bring new documents."""
        assert self._last is not None
        limit = min(self.settings.max_pages or SAFETY_MAX_PAGES, SAFETY_MAX_PAGES)
        visited, past = set(map(self.site.same_page, self._taken)), self.total is not None
        while (following := self._last.next_url) and self.pages < limit:
            if (page := self.site.same_page(following)) in visited:   # (past a total, the pager's quirk: its end)
                said = f"{self._last.url}: its next link leads back to a page already fetched ({following}); stopped there"
                self.warnings.extend([] if past else [said])
                return
            visited.add(page)
            before = self.documents
            self.number = None
            yield following
            if self.documents == before and self._last.cards:
                self.warnings.append(f"{following}: no document on it was new; stopped following next links there")
                return
        if self._last.next_url:   # pages are left
            asked = self.settings.max_pages is not None and self.settings.max_pages <= SAFETY_MAX_PAGES
            counted = "" if self.total is None else f" of {self.total}"
            why = "as asked" if asked else "(the most followed" + (")" if counted else " without a total)")
            said = f"stopped after {plural(self.pages, 'page')} {why}: {self.documents}{counted} documents; its next link leads on"
            if not asked and self.documents < (self.total or 0):   # a page counted documents the walk did not reach
                self._short(said)
            else:
                self.warnings.append(said)
            self.partial = True

    def _short(self, message: str) -> None:
        """Documents are missing: fail, or (when allowed) warn. Found by a later page's count, after the walk said it
        followed next links with none: one event, said once, with why."""
        if self._unchecked:
            self.warnings.remove(f"{self._unchecked}: {UNCHECKED}")
            message += f"; {self._unchecked}: next links were followed, and a later page counted the results"
        if not self.settings.allow_incomplete:
            raise IncompleteError(message + " (nothing written; with --allow-incomplete a run writes what it finds)")
        self.warnings.append(message)

    def _check_complete(self) -> None:
        """Fail (or, when allowed, warn) if fewer distinct documents were seen than the site lists."""
        missing = (self.total or 0) - self.documents
        if missing > 0:
            self._short(f"the site lists {self.total} documents for {self.search} but only {self.documents} distinct ones "
                        "could be collected")
            # else every page was whole, and the site lists a document twice; but not when a page was shown again in
            # another's place (its own documents were never seen), nor another page in its place (as its settings say),
            # nor when next links led the walk, not the total, nor when the walk was cut short past it
            self.partial = self.partial or self._short_page or self.repeated_page or self.misplaced_page or self.number is None
        elif missing < 0 and self._short_total:   # a wrong count ended the walk early, or may have
            self.warnings.append(f"collected {self.documents} distinct documents, more than the {self.total} the site lists: its "
                                 "pages count fewer results than they show, so the listing may not have been seen whole")
            self.partial = True
        elif missing < 0:
            self.warnings.append(f"collected {self.documents} distinct documents, more than the {self.total} "
                                 "the site now lists (some were removed during the run)")


def _listed(names: tuple[str, ...], most: int = 20) -> str:
    """What a page offers, for a message: its first few names, each cut short (a hostile page may offer thousands, or
    names of megabytes)."""
    return ", ".join(name[:60] for name in names[:most]) + (f" and {len(names) - most:,} more" if len(names) > most else "")
