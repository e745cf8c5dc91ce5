"""The fetcher: retries, Retry-After, politeness, robots.txt and the site boundary, through httpx.MockTransport."""

from __future__ import annotations

import email.utils
from datetime import timedelta

import httpx
import pytest

from harvester.fetch.client import Fetcher, HttpTransport, make_client, retry_after_seconds
from harvester.errors import BlockedError, FetchError, OffSiteError, UnreachableError
from harvester.settings import Settings
from tests.conftest import T0, FakeClock, mock_client

ORIGIN = "https://archive.test"
PAGE = "<html><body>a page</body></html>"
ROBOTS_OK = "User-agent: *\nDisallow: /admin/\n"


def site(responses: dict[str, list[httpx.Response] | httpx.Response], robots: str | None = ROBOTS_OK):
    """A handler answering each path with its responses in turn (the last one repeats)."""
    queues = {path: (list(r) if isinstance(r, list) else [r]) for path, r in responses.items()}

    def handler(request: httpx.Request) -> httpx.Response:
        path = request.url.raw_path.decode()
        if path == "/robots.txt":
            return httpx.Response(200, text=robots) if robots is not None else httpx.Response(404)
        queue = queues.get(path)
        if not queue:
            return httpx.Response(404, text="not found")
        return queue.pop(0) if len(queue) > 1 else queue[0]

    return handler


def fetcher(handler, clock: FakeClock, log: list[str] | None = None, **settings) -> Fetcher:
    values = {"delay": 0.0, **settings}
    return Fetcher(HttpTransport(mock_client(handler, log), Settings(**values), clock.now), ORIGIN, Settings(**values),
                   sleep=clock.sleep, clock=clock.monotonic, now=clock.now)


def test_an_empty_page_is_tried_again_an_empty_file_is_not_and_a_proxys_203_is_a_page(clock):
    """An empty page is a server's hiccup (tried again); an empty file is what the archive has (the scan's own checks
    say it); a 203 is a page as a transforming proxy passed it on."""
    f = fetcher(site({"/search": httpx.Response(200, text=" "), "/scan.pdf": httpx.Response(200, content=b""),
                      "/proxied": httpx.Response(203, text=PAGE)}), clock, attempts=2)
    with pytest.raises(FetchError, match=r"/search: the answer is empty \(gave up after 2 tries\)"):
        f.get(f"{ORIGIN}/search")
    assert f.get_file(f"{ORIGIN}/scan.pdf", 1000).body == b"" and f.retries == 1   # the page's one retry, no more
    assert f.get(f"{ORIGIN}/proxied").text() == PAGE


def test_plain_success_returns_the_page(clock):
    page = fetcher(site({"/search": httpx.Response(200, text="<p>ok</p>")}), clock).get(f"{ORIGIN}/search")
    assert (page.status, page.text(), clock.sleeps) == (200, "<p>ok</p>", [])


def test_transient_5xx_is_retried_with_growing_backoff(clock):
    answers = [httpx.Response(503), httpx.Response(502), httpx.Response(500), httpx.Response(200, text="fine")]
    page = fetcher(site({"/s": answers}), clock).get(f"{ORIGIN}/s")
    assert page.text() == "fine"
    assert len(clock.sleeps) == 3
    assert clock.sleeps[0] < clock.sleeps[2]           # exponential, jitter of at most 1 s
    assert all(0 < s <= 60 for s in clock.sleeps)


def test_retry_after_in_seconds_is_honoured(clock):
    answers = [httpx.Response(429, headers={"Retry-After": "7"}), httpx.Response(200, text="ok")]
    fetcher(site({"/s": answers}), clock).get(f"{ORIGIN}/s")
    assert clock.sleeps == [7.0]


def test_retry_after_as_http_date_is_honoured(clock):
    when = email.utils.format_datetime(T0 + timedelta(seconds=12), usegmt=True)
    answers = [httpx.Response(503, headers={"Retry-After": when}), httpx.Response(200, text="ok")]
    fetcher(site({"/s": answers}), clock).get(f"{ORIGIN}/s")
    assert clock.sleeps == [12.0]


def test_retry_after_is_capped(clock):
    answers = [httpx.Response(429, headers={"Retry-After": "3600"}), httpx.Response(200, text="ok")]
    fetcher(site({"/s": answers}), clock, retry_wait_cap=30.0).get(f"{ORIGIN}/s")
    assert clock.sleeps == [30.0]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("120", 120.0), ("0", 0.0), (None, None), ("", None), ("soon", None),
     (email.utils.format_datetime(T0 - timedelta(seconds=5), usegmt=True), 0.0), ("Thu, 26 Nov 2026 12:00:10 -0000", 10.0)],
    ids=["seconds", "zero", "absent", "empty", "garbage", "date-in-the-past", "date-of-no-zone-read-as-utc"],
)
def test_retry_after_values(value, expected):
    assert retry_after_seconds(value, T0) == expected


def test_gives_up_after_the_allowed_attempts_with_a_fetch_error(clock):
    log: list[str] = []
    with pytest.raises(FetchError, match=r"https://archive.test/s: HTTP 500 .*gave up after 3 tries"):
        fetcher(site({"/s": httpx.Response(500)}), clock, log, attempts=3).get(f"{ORIGIN}/s")
    assert log.count(f"{ORIGIN}/s") == 3


def test_persistent_429_is_reported_as_blocked(clock):
    with pytest.raises(BlockedError, match="HTTP 429"):
        fetcher(site({"/s": httpx.Response(429, headers={"Retry-After": "1"})}), clock, attempts=2).get(f"{ORIGIN}/s")


def test_challenge_page_is_blocked_at_once_without_retrying(clock):
    challenge = "<html><head><title>Just a moment...</title></head><body><script src='/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1'></script></body></html>"  # noqa: E501 (one page of markup reads best on one line)
    log: list[str] = []
    with pytest.raises(BlockedError, match="bot-protection challenge"):
        fetcher(site({"/s": httpx.Response(403, text=challenge)}), clock, log).get(f"{ORIGIN}/s")
    assert log.count(f"{ORIGIN}/s") == 1


@pytest.mark.parametrize("refusal", ["challenge", "429"])
def test_a_site_that_refuses_its_robots_txt_too_is_blocked(clock, refusal: str):
    """A bot check, or 429 after every try, on robots.txt is the site refusing us, as it is on a page (exit 4)."""
    challenge = "<html><head><title>Just a moment...</title></head><body>Enable JavaScript and cookies to continue</body></html>"
    refused = (httpx.Response(403, text=challenge, headers={"cf-mitigated": "challenge"}) if refusal == "challenge"
               else httpx.Response(429, headers={"Retry-After": "1"}))
    log: list[str] = []
    with pytest.raises(BlockedError, match="bot-protection challenge" if refusal == "challenge" else "still refused .HTTP 429."):
        fetcher(lambda request: refused, clock, log, attempts=2).get(f"{ORIGIN}/s")
    assert log == [f"{ORIGIN}/robots.txt"] * (1 if refusal == "challenge" else 2)     # a check is not asked again


def test_connection_errors_and_timeouts_are_retried(clock):
    failures = [httpx.ConnectError("refused"), httpx.ReadTimeout("slow")]

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        if failures:
            raise failures.pop(0)
        return httpx.Response(200, text="ok")

    assert fetcher(handler, clock).get(f"{ORIGIN}/s").text() == "ok"
    assert len(clock.sleeps) == 2


def test_not_found_is_not_retried(clock):
    log: list[str] = []
    with pytest.raises(FetchError, match="HTTP 404"):
        fetcher(site({}), clock, log).get(f"{ORIGIN}/missing")
    assert log == [f"{ORIGIN}/robots.txt", f"{ORIGIN}/missing"]


def test_redirect_within_the_site_is_followed(clock):
    responses = {"/old": httpx.Response(301, headers={"Location": "/new"}), "/new": httpx.Response(200, text="moved")}
    page = fetcher(site(responses), clock).get(f"{ORIGIN}/old")
    assert (page.url, page.text()) == (f"{ORIGIN}/new", "moved")


def test_redirect_off_the_site_is_refused(clock):
    log: list[str] = []
    responses = {"/old": httpx.Response(302, headers={"Location": "https://elsewhere.test/trap"})}
    with pytest.raises(OffSiteError, match="elsewhere.test"):
        fetcher(site(responses), clock, log).get(f"{ORIGIN}/old")
    assert not any("elsewhere" in url for url in log)


def test_off_site_url_is_never_requested(clock):
    log: list[str] = []
    with pytest.raises(OffSiteError):
        fetcher(site({}), clock, log).get("https://elsewhere.test/search")
    assert log == []


def test_a_redirect_loop_is_given_up(clock):
    responses = {"/a": httpx.Response(302, headers={"Location": "/b"}), "/b": httpx.Response(302, headers={"Location": "/a"})}
    with pytest.raises(FetchError, match=r"/a: more than \d+ redirects"):
        fetcher(site(responses), clock).get(f"{ORIGIN}/a")


def test_a_robots_txt_the_server_fails_on_for_good_stops_the_run(clock):
    """A 501 is no passing failure (not tried again) and tells nothing of what the site allows: nothing is fetched."""
    log: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(501) if request.url.path == "/robots.txt" else httpx.Response(200, text=PAGE)

    with pytest.raises(FetchError, match=r"robots.txt: HTTP 501; cannot check what the site allows"):
        fetcher(handler, clock, log).get(f"{ORIGIN}/s")
    assert log == [f"{ORIGIN}/robots.txt"]


def test_robots_disallow_is_honoured(clock):
    with pytest.raises(FetchError, match="disallowed by .*robots.txt"):
        fetcher(site({"/search": httpx.Response(200)}, robots="User-agent: *\nDisallow: /search\n"), clock).get(f"{ORIGIN}/search")


def test_a_redirect_into_what_robots_disallows_is_not_followed(clock):
    log: list[str] = []
    redirect = httpx.Response(301, headers={"Location": "/admin/doc"})
    f = fetcher(site({"/document/a": redirect, "/admin/doc": httpx.Response(200, text=PAGE)}), clock, log)
    with pytest.raises(FetchError, match=r"/admin/doc: disallowed by .*robots.txt; not fetched"):
        f.get(f"{ORIGIN}/document/a")
    assert not any("/admin/" in line for line in log)


def test_missing_robots_allows_everything(clock):
    page = fetcher(site({"/search": httpx.Response(200, text="x")}, robots=None), clock).get(f"{ORIGIN}/search")
    assert page.status == 200


def test_robots_crawl_delay_slows_requests_down(clock):
    f = fetcher(site({"/a": httpx.Response(200, text=PAGE), "/b": httpx.Response(200, text=PAGE)},
                     robots="User-agent: *\nCrawl-delay: 9\n"), clock, delay=2.0)
    f.get(f"{ORIGIN}/a")
    f.get(f"{ORIGIN}/b")
    assert clock.sleeps == [9.0, 9.0]


def test_delay_separates_every_request(clock):
    f = fetcher(site({"/a": httpx.Response(200, text=PAGE), "/b": httpx.Response(200, text=PAGE)}), clock, delay=3.0)
    f.get(f"{ORIGIN}/a")
    f.get(f"{ORIGIN}/b")
    assert clock.sleeps == [3.0, 3.0] and f.requests == 3   # robots.txt, /a, /b


def test_oversized_response_is_refused(clock):
    with pytest.raises(FetchError, match="larger than 1,000 bytes"):
        fetcher(site({"/big": httpx.Response(200, content=b"x" * 5000)}), clock, max_response_bytes=1000).get(f"{ORIGIN}/big")


def test_user_agent_names_the_tool_and_the_contact():
    agent = make_client(Settings(contact="mailto:me@example.org")).headers["User-Agent"]
    assert agent.startswith("harvester/") and "+mailto:me@example.org" in agent


def test_a_transient_failure_of_robots_txt_is_retried_honouring_retry_after(clock):
    answers = [httpx.Response(503, headers={"Retry-After": "7"}), httpx.ConnectError("reset"), httpx.Response(200, text=ROBOTS_OK)]
    log: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            answer = answers.pop(0)
            if isinstance(answer, Exception):
                raise answer
            return answer
        return httpx.Response(200, text="page")

    page = fetcher(handler, clock, log).get(f"{ORIGIN}/search")
    assert page.text() == "page"
    assert log == [f"{ORIGIN}/robots.txt"] * 3 + [f"{ORIGIN}/search"]
    assert clock.sleeps[0] == 7.0


def test_robots_txt_failing_every_time_stops_the_run_with_one_line(clock):
    handler = site({"/search": httpx.Response(200)})

    def failing(request: httpx.Request) -> httpx.Response:
        return httpx.Response(500) if request.url.path == "/robots.txt" else handler(request)

    log: list[str] = []
    with pytest.raises(FetchError, match=r"robots.txt: HTTP 500 \(gave up after 3 tries\); cannot check what the site allows"):
        fetcher(failing, clock, log, attempts=3).get(f"{ORIGIN}/search")
    assert log == [f"{ORIGIN}/robots.txt"] * 3


@pytest.mark.parametrize(
    ("error", "words"),
    [(httpx.ConnectError("[Errno -2] Name or service not known"), "the name archive.test cannot be found"),
     (httpx.ConnectError("[Errno 111] Connection refused"), "archive.test refused the connection"),
     (httpx.ConnectTimeout("timed out"), "timed out connecting to archive.test"),
     (httpx.ReadTimeout("timed out"), "timed out waiting for archive.test to answer"),
     (httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed"), "the secure (TLS) connection to archive.test failed"),
     (httpx.RemoteProtocolError("Server disconnected without sending a response."), "archive.test closed the connection"),
     (httpx.ProxyError("407 Proxy Authentication Required"), "the proxy failed")],
    ids=["name", "refused", "connect-timeout", "read-timeout", "tls", "dropped", "proxy"],
)
def test_network_failures_are_said_in_words(error, words):
    from harvester.fetch.client import in_words

    said = in_words(error, "https://archive.test/search")
    assert said.startswith(words) and "Error" not in said


def test_a_redirect_a_browser_hands_over_to_no_address_is_a_failed_fetch(tmp_path):
    """A transport other than httpx (the browser's file download) gives the Fetcher the redirect to read itself."""
    from harvester.fetch.page import Page

    class Redirecting:
        def send(self, url: str, headers: dict[str, str], limit: int | None = None) -> list[Page]:
            if url.endswith("/robots.txt"):
                return [Page(url, b"", 404, {})]
            return [Page(url, b"", 302, {"location": "http://[::1/x.pdf"})]

    clock = FakeClock()
    fetch = Fetcher(Redirecting(), ORIGIN, Settings(delay=0), sleep=clock.sleep, clock=clock.monotonic, now=clock.now)
    with pytest.raises(FetchError, match=r"https://archive.test/a.pdf: redirects to 'http://\[::1/x.pdf', which is no address"):
        fetch.get(f"{ORIGIN}/a.pdf")


@pytest.mark.parametrize(("status", "headers"), [(301, {}), (200, {"location": "http://[::1/x"}), (302, {"location": "/robots.txt"})])
def test_a_robots_txt_that_redirects_nowhere_is_asked_for_once(status: int, headers: dict[str, str]):
    from harvester.fetch.page import Page

    asked: list[str] = []

    class Site:
        def send(self, url: str, headers_sent: dict[str, str], limit: int | None = None) -> list[Page]:
            asked.append(url)
            if url.endswith("/robots.txt"):
                return [Page(url, b"User-agent: *\nDisallow: /admin/\n" if status == 200 else b"", status, headers)]
            return [Page(url, b"<html><body>x</body></html>", 200, {"content-type": "text/html"})]

    clock = FakeClock()
    fetch = Fetcher(Site(), ORIGIN, Settings(delay=0), sleep=clock.sleep, clock=clock.monotonic, now=clock.now)
    assert fetch.get(f"{ORIGIN}/a").status == 200 and asked == [f"{ORIGIN}/robots.txt", f"{ORIGIN}/a"]


@pytest.mark.parametrize("base_url, said", [(None, "check your connection and proxy"),
                                            (ORIGIN, "check your connection and proxy, or the address given to --base-url")])
def test_a_site_that_cannot_be_reached_names_the_base_url_only_when_one_was_given(clock, base_url, said):
    def unreachable(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with pytest.raises(FetchError) as raised:
        fetcher(unreachable, clock, base_url=base_url).get(f"{ORIGIN}/search")
    assert str(raised.value).endswith(said)


@pytest.mark.parametrize("tries, said", [
    ([httpx.Response(503)] * 4 + [httpx.ConnectError("refused")], "refused the connection"),
    ([httpx.ConnectError("refused")] * 4 + [httpx.ReadTimeout("timed out")], "timed out waiting for")])
def test_a_url_whose_tries_reached_the_site_once_is_no_unreachable_site(clock, tries, said):
    """The verdict went by the last try alone: four 503s then a refused connection was "the site cannot be reached",
    which stops the site's later harvests of a harvests file and blames the connection the 503s came through."""
    answers = iter(tries)

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        answer = next(answers)
        if isinstance(answer, Exception):
            raise type(answer)(str(answer), request=request)
        return answer

    with pytest.raises(FetchError) as raised:
        fetcher(handler, clock, base_url=ORIGIN).get(f"{ORIGIN}/search")
    assert type(raised.value) is FetchError and said in str(raised.value) and "check your connection" not in str(raised.value)


def test_a_certificate_not_trusted_is_not_tried_again_and_the_site_is_not_reached(clock):
    """A certificate that cannot be verified (self-signed, expired, another host's, a proxy's) fails alike at every try:
    it was tried five times, backing off, before the run said the site could not be reached."""
    asked: list[str] = []

    def untrusted(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate",
                                 request=request)

    with pytest.raises(UnreachableError) as raised:
        fetcher(untrusted, clock, asked).get(f"{ORIGIN}/search")
    assert asked == [f"{ORIGIN}/robots.txt"] and clock.sleeps == []
    assert str(raised.value) == (f"{ORIGIN}/robots.txt: the secure (TLS) connection to archive.test failed: [SSL: "
                                 "CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate: its "
                                 "certificate is not trusted, which no other try mends; check this machine's clock and "
                                 "certificate authorities, a proxy that inspects secure connections, and the address")


def test_a_site_that_answered_and_then_cannot_be_reached_does_not_blame_the_base_url(clock):
    """The site answered at the address given (robots.txt, a first page), then takes no connection (down, overloaded):
    the address is right; the connection is what to look at."""
    def later_unreachable(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt" or request.url.params.get("page") is None:
            return httpx.Response(200 if request.url.path != "/robots.txt" else 404, text=PAGE)
        raise httpx.ConnectTimeout("timed out", request=request)

    fetch = fetcher(later_unreachable, clock, base_url=ORIGIN)
    fetch.get(f"{ORIGIN}/search")
    with pytest.raises(UnreachableError) as raised:
        fetch.get(f"{ORIGIN}/search?page=1")
    assert str(raised.value).endswith("timed out connecting to archive.test (gave up after 5 tries); check your connection "
                                      "and proxy")
