"""The walk over a search: pagination to the last page, totals checked, shifting results closed, limits honoured."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

import re

import pytest

from harvester.crawl import Walk
from harvester.errors import FetchError, IncompleteError, OffSiteError, UsageError
from harvester.fetch.client import Fetcher, HttpTransport
from harvester.parse.results import parse_results
from harvester.settings import Settings
from harvester.sites import Search, get_site
from tests.conftest import mock_client
from tests.sitegen import doc, results_page, search_handler

WILSON = get_site("wilson")
ORIGIN = "http://mirror.test"


@dataclass
class Crawl:
    """What a walk gave: its figures, and the documents it saw (first place kept, latest title), as the state keeps them."""

    walk: Walk
    documents: dict[str, str] = field(default_factory=dict)

    def __getattr__(self, name):
        return getattr(self.walk, name)


def walk(fetch: Fetcher, query: str, settings: Settings) -> Crawl:
    """The pipeline's loop, with a dict in place of the state."""
    crawl = Crawl(Walk(WILSON, Search(query), settings))
    for url in crawl.walk.urls():
        page = parse_results(fetch.get(url).text(), url, WILSON)
        ids = [WILSON.doc_id(card.href) for card in page.cards]
        new = len(set(ids) - set(crawl.documents))
        crawl.documents.update((doc_id, card.title) for doc_id, card in zip(ids, page.cards))
        crawl.walk.took(page, new, ids)
        assert crawl.walk.documents == len(crawl.documents), "the walk counts each distinct document once"
    return crawl


def run(handler, clock, **settings) -> Crawl:
    chosen = Settings(**{"base_url": ORIGIN, "delay": 0.0, **settings})
    return walk(Fetcher(HttpTransport(mock_client(handler), chosen, clock.now), ORIGIN, chosen, sleep=clock.sleep, clock=clock.monotonic,
                         now=clock.now),
                "Korean War", chosen)


def test_walks_every_page_to_the_last_one(clock):
    pages: list[int] = []
    crawl = run(search_handler([[doc(n) for n in range(25)]], pages), clock)
    assert pages == [0, 1, 2]
    assert list(crawl.documents) == [f"telegram-{n}" for n in range(25)]
    assert (crawl.total, crawl.pages, crawl.warnings) == (25, 3, [])


def test_an_address_asking_for_another_page_size_is_walked_by_the_size_its_pages_count(clock):
    """A pasted address may carry items_per_page=50: "1 - 50 of 70" on the first page says two pages, not seven."""
    import httpx

    from tests.sitegen import page_number

    docs, asked = [doc(n) for n in range(70)], []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        asked.append(page_number(request))
        size = int(request.url.params.get("items_per_page", "10"))
        return httpx.Response(200, text=results_page(docs, asked[-1], size=size), headers={"Content-Type": "text/html"})

    settings = Settings(base_url=ORIGIN, delay=0)
    fetch = Fetcher(HttpTransport(mock_client(handler), settings), ORIGIN, settings, sleep=clock.sleep, clock=clock.monotonic)
    crawl = Walk(WILSON, Search("Korean War", extra=(("items_per_page", "50"),)), settings)
    for url in crawl.urls():
        crawl.took(parse_results(fetch.get(url).text(), url, WILSON), 50 if asked[-1] == 0 else 20, ())
    assert asked == [0, 1] and (crawl.documents, crawl.total, crawl.warnings) == (70, 70, [])


def test_a_first_page_that_holds_every_result_is_the_only_page_asked_for(clock):
    """items_per_page=20 and 19 results: "1 - 19 of 19" on the first page is the whole listing; no page 1 is asked
    for (the site answers it with 404, and the run stopped there with nothing written)."""
    import httpx

    from tests.sitegen import page_number

    docs, asked = [doc(n) for n in range(19)], []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        asked.append(page_number(request))
        if asked[-1] > 0:
            return httpx.Response(404, text="<html><body>Page not found</body></html>", headers={"Content-Type": "text/html"})
        return httpx.Response(200, text=results_page(docs, 0, size=20), headers={"Content-Type": "text/html"})

    settings = Settings(base_url=ORIGIN, delay=0)
    fetch = Fetcher(HttpTransport(mock_client(handler), settings), ORIGIN, settings, sleep=clock.sleep, clock=clock.monotonic)
    crawl = Walk(WILSON, Search("Korean War", extra=(("items_per_page", "20"),)), settings)
    for url in crawl.urls():
        crawl.took(parse_results(fetch.get(url).text(), url, WILSON), 19, ())
    assert asked == [0] and (crawl.documents, crawl.total, crawl.pages, crawl.warnings) == (19, 19, 1, [])


def test_first_page_has_no_page_parameter_and_later_pages_count_from_zero(clock):
    seen: list[str] = []
    handler = search_handler([[doc(n) for n in range(12)]])
    settings = Settings(base_url=ORIGIN, delay=0)
    fetch = Fetcher(HttpTransport(mock_client(handler, seen), settings), ORIGIN, settings, sleep=clock.sleep, clock=clock.monotonic)
    walk(fetch, "Korean Workers' Party", Settings(base_url=ORIGIN))
    assert seen[1:] == [
        f"{ORIGIN}/search?search_api_fulltext=Korean%20Workers%27%20Party",
        f"{ORIGIN}/search?search_api_fulltext=Korean%20Workers%27%20Party&page=1",
    ]


def test_a_new_upload_between_pages_is_not_doubled_or_lost(clock):
    before = [doc(n) for n in range(20)]
    after = [doc(100)] + before            # a new document lands at the top after page 0 was read
    pages: list[int] = []
    crawl = run(search_handler([before, after, after, after, after, after, after], pages), clock)
    assert sorted(crawl.documents) == sorted(d[0] for d in after)
    assert crawl.total == 21 and crawl.warnings == []
    assert pages == [0, 1, 2, 0, 1, 2]     # the shift is seen (total 20 -> 21); one full re-walk finds doc 100


def test_a_removed_document_shifts_results_and_the_gap_is_closed_by_rewalking(clock):
    before = [doc(n) for n in range(20)]
    after = before[1:]                     # doc 0 withdrawn after page 0 was read: doc 10 moves up to page 0
    pages: list[int] = []
    crawl = run(search_handler([before, after, after, after, after], pages), clock)
    assert "telegram-10" in crawl.documents          # the count alone (20 seen, 19 listed) would have hidden the gap
    assert pages == [0, 1, 0, 1]
    assert crawl.warnings == ["collected 20 distinct documents, more than the 19 the site now lists (some were removed during the run)"]


def test_a_total_fewer_than_its_page_shows_is_not_taken_for_removed_documents(clock):
    """"1 - 10 of 0" above ten cards: the end of the walk said "some were removed during the run", where the site's
    count was wrong from its first page; and the run called itself complete, so a document the wrong total kept it
    from seeing would have been taken for gone from the search."""
    import httpx

    def handler(request):
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        page = results_page([doc(n) for n in range(25)], 0).replace("1 - 10 of 25", "1 - 10 of 0")
        return httpx.Response(200, text=page, headers={"Content-Type": "text/html"})

    crawl = run(handler, clock)   # (its next link leads to the same ten cards)
    assert (len(crawl.documents), crawl.total, crawl.partial) == (10, None, True)
    said = "the page says results 1 - 10 of 0 and holds 10 cards: its total is fewer than the results it shows"
    assert crawl.warnings == [
        f"{ORIGIN}/search?search_api_fulltext=Korean%20War: {said}",
        "the first page's total is fewer than the results it shows: following next links; completeness checked only if a "
        "later page counts the results",
        f"{ORIGIN}/search?search_api_fulltext=q&page=1: {said}",
        f"{ORIGIN}/search?search_api_fulltext=q&page=1: no document on it was new; stopped following next links there"]


@pytest.mark.parametrize("wrong", [0, 1])
def test_a_total_fewer_than_its_page_shows_does_not_end_the_walk_while_a_next_link_leads_on(clock, wrong):
    """"1 - 10 of 0" above ten cards, a next link below them: the walk took the 0 for the search's total and stopped
    there, with 10 (or 20) of the 25 documents the pages lead to. A total its own page belies is no total."""
    import httpx

    from tests.sitegen import page_number

    def handler(request):
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        number = page_number(request)
        page = results_page([doc(n) for n in range(25)], number)
        if number == wrong:
            page = re.sub(r"of 25<", "of 0<", page)
        return httpx.Response(200, text=page, headers={"Content-Type": "text/html"})

    crawl = run(handler, clock)
    assert list(crawl.documents) == [f"telegram-{n}" for n in range(25)] and crawl.total == 25
    assert crawl.partial is (wrong == 0)   # (a walk of next links checks no total: nothing is taken for gone)


def test_a_total_fewer_than_the_results_its_page_counts_is_no_total(clock):
    """The second page says "11 - 20 of 15" above its ten cards: the walk took the 15 for the total, stopped there, and
    was complete with 20 documents, "some removed during the run": the third page's five were taken for gone."""
    import httpx

    from tests.sitegen import page_number

    def handler(request):
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        page = results_page([doc(n) for n in range(25)], page_number(request))
        return httpx.Response(200, text=page.replace("of 25<", "of 15<") if page_number(request) == 1 else page)

    crawl = run(handler, clock)
    assert (len(crawl.documents), crawl.total, crawl.partial) == (25, 25, False)


def test_a_walk_past_a_total_that_a_later_page_belies_is_not_complete(clock):
    """The first page counts 12, the second shows ten cards over "of 5": the walk takes the 12's two pages, then the
    second's next link to the third page's five documents, and is not complete: the listing's end is not known."""
    import httpx

    from tests.sitegen import page_number

    def handler(request):
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        page = results_page([doc(n) for n in range(25)], page_number(request))
        return httpx.Response(200, text=page.replace("of 25<", "of 12<" if page_number(request) == 0 else "of 5<"))

    crawl = run(handler, clock)
    assert (len(crawl.documents), crawl.total, crawl.partial) == (25, 12, True)
    assert crawl.warnings[-1] == ("collected 25 distinct documents, more than the 12 the site lists: its pages count fewer "
                                  "results than they show, so the listing may not have been seen whole")


def test_a_total_that_never_adds_up_fails_with_incomplete(clock):
    def handler(request):
        from tests.sitegen import page_number
        import httpx
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        docs = [doc(n) for n in range(15)]
        return httpx.Response(200, text=results_page(docs, page_number(request), total=16))

    with pytest.raises(IncompleteError, match="lists 16 documents .* only 15 distinct"):
        run(handler, clock)


def test_allow_incomplete_keeps_what_was_found_with_a_warning(clock):
    def handler(request):
        from tests.sitegen import page_number
        import httpx
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, text=results_page([doc(n) for n in range(15)], page_number(request), total=16))

    crawl = run(handler, clock, allow_incomplete=True)
    assert len(crawl.documents) == 15 and "only 15 distinct" in crawl.warnings[0]
    # the two pages, walked again while documents were missing, are two pages, and their warning is said once
    assert crawl.pages == 2 and len(crawl.warnings) == len(set(crawl.warnings))


def test_max_pages_stops_early_and_says_so(clock):
    pages: list[int] = []
    crawl = run(search_handler([[doc(n) for n in range(45)]], pages), clock, max_pages=2)
    assert pages == [0, 1] and len(crawl.documents) == 20
    assert crawl.warnings == ["stopped after 2 pages as asked: 20 of 45 documents"]
    one = run(search_handler([[doc(n) for n in range(45)]]), clock, max_pages=1)
    assert one.warnings == ["stopped after 1 page as asked: 10 of 45 documents"]


def test_an_empty_search_is_zero_documents_from_one_page(clock):
    pages: list[int] = []
    crawl = run(search_handler([[]], pages), clock)
    assert (pages, crawl.total, crawl.documents, crawl.walk.documents) == ([0], 0, {}, 0)


def test_next_link_off_the_site_is_never_followed(clock):
    import httpx

    def handler(request):
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        body = results_page([doc(1)], 0).replace('<div class="view-header"><div class="results-summary"><span class="label">Results:</span> <span>1 - 1 of 1</span></div></div>', "")  # noqa: E501 (one page of markup reads best on one line)
        body = body.replace("</div></main>", '<nav class="pager"><a rel="next" href="https://evil.test/search?page=1">Next</a></nav></div></main>')
        return httpx.Response(200, text=body)

    with pytest.raises(OffSiteError, match="evil.test"):
        run(handler, clock)


def _no_totals(body: str) -> str:
    return re.sub(r'<div class="results-summary">.*?</div>', "", body)


def test_a_next_link_that_leads_back_is_followed_once(clock):
    """A page with no totals line whose next link points at itself: fetched once more at most, with a warning."""
    import httpx

    requests: list[str] = []

    def handler(request):
        requests.append(str(request.url))
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        body = _no_totals(results_page([doc(n) for n in range(3)], 0)).replace(
            "</div></main>", '<a rel="next" href="/search?search_api_fulltext=Korean%20War">Next</a></div></main>')
        return httpx.Response(200, text=body)

    crawl = run(handler, clock)
    assert len([r for r in requests if "/search" in r]) == 1
    assert any("leads back to a page already fetched" in w for w in crawl.warnings)


def test_next_links_stop_at_a_page_that_brings_no_new_document(clock, caplog):
    import httpx

    caplog.set_level("INFO", logger="harvester")

    def handler(request):
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        page = int(request.url.params.get("page", "0"))
        body = _no_totals(results_page([doc(n) for n in range(3)], 0)).replace(   # the same three documents on every page
            "</div></main>", f'<a rel="next" href="/search?search_api_fulltext=Korean%20War&amp;page={page + 1}">Next</a></div></main>')
        return httpx.Response(200, text=body)

    crawl = run(handler, clock)
    assert crawl.pages == 2 and len(crawl.documents) == 3
    assert any("no document on it was new" in w for w in crawl.warnings)
    # with no total, the progress says what is known: "3 documents so far", not "3 of None"
    assert [r.getMessage() for r in caplog.records if "so far" in r.getMessage()][0] == "page 0: 3 cards, 3 documents so far"


@pytest.mark.parametrize("allow_incomplete", [False, True])
def test_a_total_that_keeps_rising_as_the_pages_come_is_walked_no_further_than_any_walk(allow_incomplete: bool):
    """Each page says ten more results than the last and brings ten new documents: the walk would never end. It stops
    where a walk of next links stops (SAFETY_MAX_PAGES, three times the whole archive; or twice the pages the first
    total counts, when more: a large search is walked whole), as an incomplete harvest."""
    from harvester.crawl import SAFETY_MAX_PAGES
    from harvester.parse.results import RawCard, ResultsPage

    walk = Walk(WILSON, Search("Korean War"), Settings(allow_incomplete=allow_incomplete))
    asked = 0
    with pytest.raises(IncompleteError, match=r"stopped after 5,000 pages: the site's total rose from 20 to 50010") \
            if not allow_incomplete else contextlib.nullcontext():
        for url in walk.urls():
            first = 10 * asked + 1
            cards = tuple(RawCard(f"/document/d-{first + n}", "", f"Telegram {first + n}", "") for n in range(10))
            walk.took(ResultsPage(url, first + 19, first, first + 9, cards, None), new=10, listed=())
            asked += 1
            assert asked <= SAFETY_MAX_PAGES, "the walk goes on"
    assert asked == SAFETY_MAX_PAGES == 5000
    assert not allow_incomplete or (walk.partial and "the site's total rose from 20 to 50010" in walk.warnings[-1])


@pytest.mark.parametrize("allow_incomplete", [False, True])
def test_next_links_stopped_by_the_most_followed_after_a_later_page_counted_the_search_are_an_incomplete_walk(allow_incomplete: bool):
    """The first page counts nothing; its next links lead on, each page ten new documents, and the second says "of
    100000": the walk stops at SAFETY_MAX_PAGES with documents it knows are missing, as a walk of the totals does."""
    from harvester.crawl import SAFETY_MAX_PAGES
    from harvester.parse.results import RawCard, ResultsPage

    walk = Walk(WILSON, Search("Korean War"), Settings(allow_incomplete=allow_incomplete))
    asked = 0
    with pytest.raises(IncompleteError, match=r"^stopped after 5,000 pages \(the most followed\): 50000 of 100000 documents") \
            if not allow_incomplete else contextlib.nullcontext():
        for url in walk.urls():
            first = 10 * asked + 1
            cards = tuple(RawCard(f"/document/d-{first + n}", "", f"Telegram {first + n}", "") for n in range(10))
            counted = (100_000, first, first + 9) if asked else (None, None, None)
            walk.took(ResultsPage(url, *counted, cards, f"{ORIGIN}/search?page={asked + 1}"), new=10, listed=())
            asked += 1
            assert asked <= SAFETY_MAX_PAGES, "the walk goes on"
    assert asked == SAFETY_MAX_PAGES
    assert not allow_incomplete or (walk.partial and walk.warnings[-1].startswith("stopped after 5,000 pages (the most "
                                                                                  "followed): 50000 of 100000 documents"))


@pytest.mark.parametrize("first, why", [(0, "the first page's total is fewer than the results it shows"),
                                        (None, "the first results page carries no 'x - y of N' line")])
def test_next_links_a_first_page_sent_the_walk_on_stopped_below_a_later_total_are_one_warning(first, why):
    """"1 - 10 of 0" (or no count) on the first page, next links to the most followed, a later page's "of 100000": one
    event, said in one warning (there were two: that a later page's count would check the walk, then that it fell short)."""
    from harvester.parse.results import RawCard, ResultsPage

    walk = Walk(WILSON, Search("Korean War"), Settings(allow_incomplete=True))
    for asked, url in enumerate(walk.urls()):
        start = 10 * asked + 1
        cards = tuple(RawCard(f"/document/d-{start + n}", "", f"Telegram {start + n}", "") for n in range(10))
        walk.took(ResultsPage(url, 100_000 if asked else first, start, start + 9, cards, f"{ORIGIN}/search?page={asked + 1}"), new=10, listed=())
    assert walk.partial and walk.warnings == [f"stopped after 5,000 pages (the most followed): 50000 of 100000 documents; its next "
                                              f"link leads on; {why}: next links were followed, and a later page counted the results"]


def test_next_links_cut_by_max_pages_at_the_most_followed_are_a_first_look_as_asked():
    """--max-pages 5000 is asked, even as it is the most next links followed: the walk is partial, as any first look."""
    from harvester.crawl import SAFETY_MAX_PAGES
    from harvester.parse.results import RawCard, ResultsPage

    walk = Walk(WILSON, Search("Korean War"), Settings(max_pages=SAFETY_MAX_PAGES))
    for asked, url in enumerate(walk.urls()):
        first = 10 * asked + 1
        cards = tuple(RawCard(f"/document/d-{first + n}", "", f"Telegram {first + n}", "") for n in range(10))
        counted = (100_000, first, first + 9) if asked else (None, None, None)
        walk.took(ResultsPage(url, *counted, cards, f"{ORIGIN}/search?page={asked + 1}"), new=10, listed=())
    assert walk.partial and walk.warnings[-1] == "stopped after 5,000 pages as asked: 50000 of 100000 documents; its next link leads on"


def test_a_search_larger_than_the_walk_of_next_links_is_walked_whole_when_its_total_holds():
    """60,000 results, 6,000 pages (the bench's memory harvest walks 20,000): every page, complete."""
    from harvester.parse.results import RawCard, ResultsPage

    walk = Walk(WILSON, Search("Korean War"), Settings())
    asked = 0
    for url in walk.urls():
        first = 10 * asked + 1
        cards = tuple(RawCard(f"/document/d-{first + n}", "", f"Telegram {first + n}", "") for n in range(10))
        walk.took(ResultsPage(url, 60_000, first, first + 9, cards, None), new=10, listed=())
        asked += 1
        assert asked <= 6_000, "the walk goes on"
    assert (asked, walk.documents, walk.partial, walk.warnings) == (6_000, 60_000, False, [])


def test_next_links_cut_short_by_max_pages_say_so(clock):
    import httpx

    def handler(request):
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        page = int(request.url.params.get("page", "0"))
        body = _no_totals(results_page([doc(10 * page + n) for n in range(10)], 0)).replace(   # new documents on every page
            "</div></main>", f'<a rel="next" href="/search?search_api_fulltext=Korean%20War&amp;page={page + 1}">Next</a></div></main>')
        return httpx.Response(200, text=body)

    crawl = run(handler, clock, max_pages=3)
    assert crawl.pages == 3 and len(crawl.documents) == 30 and crawl.walk.partial
    assert crawl.warnings[-1] == "stopped after 3 pages as asked: 30 documents; its next link leads on"


def test_a_next_link_no_http_client_can_ask_for_is_a_fetch_error_naming_it(clock):
    import httpx

    def handler(request):
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        body = _no_totals(results_page([doc(n) for n in range(3)], 0)).replace(   # a control character in its address
            "</div></main>", '<a rel="next" href="/search?search_api_fulltext=Korean%20War&amp;page=1&#1;">Next</a></div></main>')
        return httpx.Response(200, text=body)

    with pytest.raises(FetchError, match=r"/search\?search_api_fulltext=Korean%20War&page=1\\x01': not a web address"):
        run(handler, clock)


def test_a_next_link_that_is_no_web_address_is_said_and_not_followed(clock):
    import httpx

    def handler(request):
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        body = _no_totals(results_page([doc(n) for n in range(3)], 0)).replace(   # its bracket left open
            "</div></main>", '<a rel="next" href="http://[mirror.test/search?page=1">Next</a></div></main>')
        return httpx.Response(200, text=body)

    crawl = run(handler, clock)
    assert crawl.pages == 1 and len(crawl.documents) == 3
    assert f"{ORIGIN}/search?search_api_fulltext=Korean%20War: its next-page link 'http://[mirror.test/search?page=1' is not " \
           "a web address: not followed" in crawl.warnings


def test_a_next_link_written_with_spaces_around_it_is_followed_as_a_browser_follows_it(clock):
    import httpx

    asked: list[str] = []

    def handler(request):
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        asked.append(str(request.url))
        page = int(request.url.params.get("page", "0"))
        nxt = f'<a rel="next" href="\n  /search?search_api_fulltext=Korean%20War&amp;page={page + 1}  \n">Next</a>' if page == 0 else ""
        body = _no_totals(results_page([doc(10 * page + n) for n in range(10)], 0)).replace("</div></main>", nxt + "</div></main>")
        return httpx.Response(200, text=body)

    crawl = run(handler, clock)
    assert asked[1] == f"{ORIGIN}/search?search_api_fulltext=Korean%20War&page=1" and len(crawl.documents) == 20


def test_a_search_form_of_long_field_names_is_said_in_a_short_line():
    """The refusal said a form's first twenty fields whole: twenty names of 100,000 letters made a line of megabytes."""
    form = '<form class="views-exposed-form">' + "".join(f'<input name="{"x" * 100_000}{i}">' for i in range(20)) + '</form>'
    page = results_page([doc(1)], 0).replace('<div class="view-content">', form + '<div class="view-content">')
    with pytest.raises(UsageError, match="has no field 'zz'") as refused:
        Walk(WILSON, Search("q", extra=(("zz", "1"),)), Settings()).took(parse_results(page, WILSON.home + "/search", WILSON), 1, ())
    assert len(str(refused.value)) < 2000


@pytest.mark.parametrize("last", ["of 20<", None])
def test_a_next_link_below_the_last_page_a_total_counts_is_followed(clock, last):
    """Pages that all say "of 20" over 25 documents, the second with a next link: the walk stopped at the 20 and called
    the run complete, the next link and its five documents passed over without a word."""
    import httpx

    from tests.sitegen import page_number

    def handler(request):
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        number = page_number(request)
        page = results_page([doc(n) for n in range(25)], number)
        return httpx.Response(200, text=page.replace("of 25<", "of 20<") if number < 2 or last else _no_totals(page))

    crawl = run(handler, clock)
    assert list(crawl.documents) == [f"telegram-{n}" for n in range(25)] and (crawl.total, crawl.partial) == (20, True)
    assert crawl.warnings[-1] == ("collected 25 distinct documents, more than the 20 the site lists: its pages count fewer "
                                  "results than they show, so the listing may not have been seen whole")


@pytest.mark.parametrize("back", ["page=1", "page=0", ""])
@pytest.mark.parametrize("max_pages", [None, 2])
def test_a_last_page_whose_next_link_leads_back_is_the_end_of_a_total(clock, back, max_pages):
    """The last page "11 - 19 of 19" links on to itself or to the first page, written with or without its page=0: the
    walk took page 0 again under another address (a request, a third "page"), said the pager's quirk as a warning, and,
    with --max-pages at the total's two pages, called the whole harvest cut short as asked."""
    import httpx

    from tests.sitegen import page_number

    asked: list[int] = []

    def handler(request):
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        asked.append(page_number(request))
        page = results_page([doc(n) for n in range(19)], asked[-1], query="Korean%20War")
        if asked[-1] == 1:
            page = page.replace("</div></main>", f'<a rel="next" href="?search_api_fulltext=Korean%20War&amp;{back}">Next</a></div></main>')
        return httpx.Response(200, text=page)

    crawl = run(handler, clock, max_pages=max_pages)
    assert (asked, crawl.pages, len(crawl.documents), crawl.partial, crawl.warnings) == ([0, 1], 2, 19, False, [])


def test_a_next_link_past_the_total_does_not_set_the_total_its_rewalk_asks_for(clock):
    """Pages 0 and 1 count 19, page 1 links on to a page that says "of 100000": the walk re-walked the pages of that
    count, page after page that is not there, and the run failed; a page past a total that proved short counts the
    same wrong way, or any way."""
    import httpx

    from tests.sitegen import page_number

    asked: list[int] = []

    def handler(request):
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        asked.append(page_number(request))
        if asked[-1] > 2:
            return httpx.Response(404)
        page = results_page([doc(n) for n in range(29)], asked[-1], query="Korean%20War")
        return httpx.Response(200, text=page.replace("of 29<", "of 19<" if asked[-1] < 2 else "of 100000<"))

    crawl = run(handler, clock)
    assert (asked, len(crawl.documents), crawl.total, crawl.partial) == ([0, 1, 2], 29, 19, True)


@pytest.mark.parametrize("back", ["page=0", "utm_source=pager&page=1", "page=2"])
def test_a_next_link_past_the_total_back_to_a_page_taken_is_the_end(clock, back):
    """Pages 0 and 1 count 20 of 25, page 2 past them leads back to a page taken, written otherwise or not: the walk
    asked for page 0 or 1 again under another address (a request, a warning that it brought nothing new), or said the
    pager's quirk as a warning, where a last page that leads back at the total is its end."""
    import httpx

    from tests.sitegen import page_number

    asked: list[int] = []

    def handler(request):
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        asked.append(page_number(request))
        page = results_page([doc(n) for n in range(25)], asked[-1], query="Korean%20War").replace("of 25<", "of 20<")
        if asked[-1] == 2:
            page = page.replace("</div></main>", f'<a rel="next" href="?search_api_fulltext=Korean%20War&amp;{back}">Next</a></div></main>')
        return httpx.Response(200, text=page)

    crawl = run(handler, clock)
    assert (asked, crawl.pages, len(crawl.documents), crawl.partial) == ([0, 1, 2], 3, 25, True)
    assert [warning for warning in crawl.warnings if "next link" in warning] == []


def test_a_next_link_past_the_total_to_a_page_number_not_read_is_followed(clock):
    """Pages 0 and 1 count 20 of 25, page 1 links on to page 2 written with 13 digits: read as no page number, it was
    taken for page 0, a page taken, and the walk ended at 20 documents, complete, five passed over without a word."""
    import httpx

    from tests.sitegen import page_number

    asked: list[int] = []

    def handler(request):
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        asked.append(page_number(request))
        page = results_page([doc(n) for n in range(25)], asked[-1], query="Korean%20War").replace("of 25<", "of 20<")
        return httpx.Response(200, text=page.replace("page=2", "page=0000000000002"))

    crawl = run(handler, clock)
    assert (asked, len(crawl.documents), crawl.total, crawl.partial) == ([0, 1, 2], 25, 20, True)


def test_a_next_link_past_a_total_of_none_does_not_set_the_total(clock):
    """A first page "0 - 0 of 0" with no cards links on to a page that says "of 100000": a total of 0 was taken for
    none, so that page's count was, and the re-walk asked for 10,000 pages that are not there."""
    import httpx

    from tests.sitegen import page_number

    asked: list[int] = []

    def handler(request):
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        asked.append(page_number(request))
        if asked[-1] > 1:
            return httpx.Response(404)
        if asked[-1] == 0:
            return httpx.Response(200, text=results_page([], 0, total=0, query="Korean%20War").replace(
                '<div class="view-header">', '<div class="view-header"><div class="results-summary"><span>0 - 0 of 0</span></div>').replace(
                "</div></main>", '<a rel="next" href="?search_api_fulltext=Korean%20War&amp;page=1">Next</a></div></main>'))
        page = results_page([doc(n) for n in range(20)], 1, total=100000, query="Korean%20War")
        return httpx.Response(200, text=re.sub(r'<nav class="pager">.*?</nav>', "", page))

    crawl = run(handler, clock, allow_incomplete=True)
    assert (asked, len(crawl.documents), crawl.total) == ([0, 1], 10, 0)


@pytest.mark.parametrize("allow_incomplete", [False, True])
def test_next_links_from_a_first_page_with_no_total_are_checked_against_the_total_their_pages_give(clock, allow_incomplete):
    """No totals line on the first page, then "11 - 20 of 100000" and "21 - 29 of 100000" and no next link: the run
    ended complete, "harvested 29 of 100,000 documents", with a warning that completeness was not checked, and an
    earlier run's documents not listed would have been taken for gone."""
    import httpx

    from tests.sitegen import page_number

    def handler(request):
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        number = page_number(request)
        page = results_page([doc(n) for n in range(29)], number)
        return httpx.Response(200, text=_no_totals(page) if number == 0 else page.replace("of 29<", "of 100000<"))

    if not allow_incomplete:
        with pytest.raises(IncompleteError, match="lists 100000 documents .* only 29 distinct"):
            run(handler, clock)
        return
    crawl = run(handler, clock, allow_incomplete=True)
    assert (len(crawl.documents), crawl.total, crawl.partial) == (29, 100000, True)
    first = run(handler, clock, max_pages=2)   # a first look, cut short as asked: partial, and no failure
    assert (len(first.documents), first.partial, first.warnings[-1]) == (20, True, "stopped after 2 pages as asked: 20 of "
                                                                          "100000 documents; its next link leads on")


def test_a_walk_past_the_total_cut_short_as_asked_stays_partial_when_documents_are_missing(clock):
    """Two pages of "of 20" show 15 documents (five twice); the second's next link leads past the total to a page with
    one more, whose own link leads on, and --max-pages 3 stops there. The re-walk then finds no more, and the run that
    writes what it found (--allow-incomplete) was complete: the documents of the pages not walked taken for gone."""
    import httpx

    from tests.sitegen import page_number

    listed = [doc(n) for n in range(10)] + [doc(n) for n in range(5, 15)] + [doc(15)] + [doc(n) for n in range(9)]
    listed += [doc(n) for n in range(20, 30)]

    def handler(request):
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, text=results_page(listed, page_number(request)).replace(f"of {len(listed)}<", "of 20<"))

    crawl = run(handler, clock, allow_incomplete=True, max_pages=3)
    assert (len(crawl.documents), crawl.total, crawl.partial) == (16, 20, True)
    assert any("its next link leads on" in warning for warning in crawl.warnings), crawl.warnings


def test_no_warning_says_completeness_unchecked_when_a_later_page_counts_the_results(clock):
    """No totals line on the first page, "of 29" on the next two, 29 documents: complete, checked against 29; the first
    page's own warning said completeness could not be checked."""
    import httpx

    from tests.sitegen import page_number

    def handler(request):
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        page = results_page([doc(n) for n in range(29)], page_number(request))
        return httpx.Response(200, text=_no_totals(page) if page_number(request) == 0 else page)

    crawl = run(handler, clock)
    assert (len(crawl.documents), crawl.total, crawl.partial) == (29, 29, False)
    assert [w for w in crawl.warnings if "cannot be checked" in w or "not checked" in w] == []
