"""Fetch one URL politely: robots.txt, a delay between requests, one tenacity retry policy, never off-site.

The Fetcher decides what to ask and when; a transport asks: `HttpTransport` (httpx) or a browser
(`fetch/browser.py`). A transport returns every response one request brought, the page's last (a browser
that passed a bot challenge first brings the challenge's own answers too: they are archived, never parsed).
"""

from __future__ import annotations

import codecs
import contextlib
import email.utils
import functools
import http.cookiejar
import logging
import os
import signal
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urljoin, urlsplit

import httpx
import tenacity
from protego import Protego

from harvester.errors import BlockedError, FetchError, OffSiteError, RetriesSpentError, UnreachableError, UsageError, first_line
from harvester.fetch.page import Page, Unreadable, is_challenge_answer, is_cut_short, looks_like_html, redacted, unpacked
from harvester.settings import Settings
from harvester.sites import numeric_host, this_machine, web_address

if TYPE_CHECKING:
    from harvester.fetch.archive import Location

log = logging.getLogger("harvester")

TRANSIENT_STATUS = frozenset({429, 500, 502, 503, 504})
MAX_REDIRECTS = 5
REDIRECTS = (301, 302, 303, 307, 308)
PAGE_STATUS = (200, 203)   # 203: a page as a proxy passed it on
ASKED_CODINGS = frozenset({"", "identity", "gzip", "deflate"})   # what httpx is asked to unpack, and unpacks within the cap


class TransientError(Exception):
    """A failure worth another try; `retry_after` is the server's requested wait in seconds, if any."""

    def __init__(self, message: str, status: int | None = None, retry_after: float | None = None, network: bool = False) -> None:
        super().__init__(message)
        self.status, self.retry_after = status, retry_after
        self.network = network     # no connection was made (the site was not reached): worth a hint of what to check


class Transport(Protocol):
    def send(self, url: str, headers: dict[str, str], limit: int | None = None) -> list[Page]:
        """Ask for `url` once: every response that brought, the page's last; a body larger than `limit` bytes (None: the
        settings' max_response_bytes) is a FetchError."""


def make_client(settings: Settings, host: str | None = None) -> httpx.Client:
    """The one httpx client of a run: identifying User-Agent, timeouts, redirects handled by us, and the cookies of
    a cookies.txt for `host` only."""
    return httpx.Client(
        # only the compressions whose unpacking the size cap bounds (httpx would ask for br, zstd when it can read them)
        headers={"User-Agent": settings.user_agent, "Accept": "text/html,application/xhtml+xml", "Accept-Encoding": "gzip, deflate"},
        timeout=settings.timeout, follow_redirects=False, verify=_tls(),
        cookies=load_cookies(settings.cookies, host or "") if settings.cookies else None)


@functools.cache
def _tls() -> ssl.SSLContext:
    """httpx's own TLS settings, made once a process: reading the certificate authorities is most of the work of making
    a client, and the runs of one process (the jobs of a harvests file) can all share them."""
    return httpx.create_ssl_context()


def load_cookies(path: Path, host: str) -> http.cookiejar.CookieJar:
    """The cookies of a Netscape cookies.txt (what browser extensions export, and curl and wget read) that belong
    to `host`; the others are left out, so they go nowhere. Read as curl reads one: with or without its first line,
    and a cookie is its domain's subdomains' when its domain starts with a dot or its next field says TRUE (an
    extension writes FALSE beside the dot)."""
    encoding = "UTF-8"
    try:   # (Notepad saves a file with a byte-order mark; PowerShell's `>` writes UTF-16, with one; UTF-32's begins as it)
        # (a named pipe no program writes to reads as empty, not forever: as the second harvest of a file that names it)
        with open(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as file:
            os.set_blocking(file.fileno(), True)   # (and one whose program is slow to write is waited for)
            data = file.read()
        encoding = next((name for name, marks in (("UTF-32", (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)),
                                                  ("UTF-16", (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)))
                         if data.startswith(marks)), encoding)
        if b"\0" in data and encoding == "UTF-8":   # (no text holds a NUL: UTF-16's and UTF-32's beside each ASCII letter)
            raise UsageError(f"--cookies {path}: UTF-16 or UTF-32 text without a byte-order mark (NULs between its letters), which cannot "
                             "be told from other text: save it as UTF-8, or export the cookies again")
        text = data.decode("utf-8-sig" if encoding == "UTF-8" else encoding)
    except (OSError, UnicodeDecodeError) as error:
        why = error.strerror if isinstance(error, OSError) and error.strerror else "not UTF-8 text" if encoding == "UTF-8" \
            else f"{encoding} text by its byte-order mark, which cannot be decoded: {getattr(error, 'reason', error)}"
        raise UsageError(f"--cookies {path}: cannot be read as a cookies.txt file ({why})") from None
    if text.lstrip().startswith(("[", "{")) and "\t" not in text.lstrip().partition("\n")[0]:   # ([::1]\t...: a cookie)
        raise UsageError(f"--cookies {path}: a JSON export of cookies, not a cookies.txt file; export them again in the "
                         "Netscape (cookies.txt) format (Cookie-Editor: Export, Netscape)")
    jar, expired = http.cookiejar.CookieJar(), 0
    # the host as Python's cookie rules name it: they send a host without a dot (localhost, [::1]: a local mirror) only
    # the cookies of HOST.local
    own = f"[{host}]" if ":" in host else host
    own += "" if "." in own else ".local"
    local = this_machine(host)   # (a browser sends it a Secure cookie over plain HTTP: it is a secure context)
    # its lines end at \n, or \r\n (as curl reads them; splitlines would also end one at a form feed or \u2028 in a value)
    for number, line in enumerate(text.split("\n"), 1):
        if (line := line.removesuffix("\r").removeprefix("#HttpOnly_")).lstrip().startswith(("#", "$")) or not line.strip():
            continue
        fields = line.split("\t")   # (6 of them: an empty value whose tab an editor trimmed, as curl reads it)
        if len(fields) not in (6, 7):
            raise UsageError(f"--cookies {path}: cannot be read as a cookies.txt file (line {number} is not a cookie's 7 "
                             "fields separated by tabs: domain, subdomains, path, secure, expiry, name, value); export "
                             "the cookies again as cookies.txt")
        domain, subdomains, where, secure, expires, name, value = fields + [""] * (len(fields) == 6)
        try:
            expires = int(float(expires or 0)) or None   # 0 or none: a session cookie, as extensions and curl write it
        except (ValueError, OverflowError):
            raise UsageError(f"--cookies {path}: cannot be read as a cookies.txt file (line {number}: its expiry "
                             f"{expires!r} is no time in seconds); export the cookies again as cookies.txt") from None
        domain, name, value = domain.lower().strip("[]").rstrip("."), name.strip(" \t"), value.strip(" \t")   # (as a
        # browser keeps them: a header takes no space or tab around a value, RFC 6265 5.2; a host is in any case, [::1]
        # is ::1; localhost. is localhost, its name fully qualified, as the origin writes it)
        # (a browser at 127.1 exports its cookies for 127.0.0.1: one host)
        domain = host if numeric_host(domain) == numeric_host(host) else domain
        if subdomains.upper() == "TRUE" or domain.startswith("."):
            domain = "." + domain.lstrip(".")
        if not (name or value) or not (host == domain.lstrip(".") or (domain.startswith(".") and host.endswith(domain))):
            continue   # (one with neither name nor value a browser ignores)
        name, value = (name, value) if name else (value, None)   # a nameless one, which a browser sends as its value alone
        cookie = http.cookiejar.Cookie(0, name, value, None, False, own if domain.lstrip('.') == host else domain, domain.startswith("."),
                                       domain.startswith("."), where, False, secure.upper() == "TRUE" and not local,
                                       expires, expires is None, None, None, {})
        if not ((said := f"{cookie.name}={cookie.value or ''}").isascii() and said.isprintable()):
            raise UsageError(f"--cookies {path}: cookie {cookie.name!r} for {host} holds characters other than ASCII, or control "
                             "characters, which a Cookie header cannot carry; export the cookies again")
        if cookie.is_expired():
            expired += 1
        else:
            jar.set_cookie(cookie)
    if not list(jar):
        if expired:
            raise UsageError(f"--cookies {path}: the cookies for {host} in it have expired; pass the check in your "
                             "browser and export them again")
        raise UsageError(f"--cookies {path}: no cookie in it is for {host}; export the cookies of that site")
    return jar


@contextlib.contextmanager
def open_transport(settings: Settings, origin: str, profile: Path, challenge: tuple[frozenset[str], tuple[str, ...]],
                   now: Callable[[], datetime], client: httpx.Client | None = None) -> Iterator[Transport]:
    """The run's transport: a real browser with --fetch browser (its profile in `profile` unless another was
    given), else httpx (`client`, if given: tests)."""
    if settings.fetch == "browser":
        from harvester.fetch.browser import BrowserTransport

        with BrowserTransport(settings, origin, settings.browser_profile or profile, challenge, now) as browser:
            log.info("fetching with %s", browser.user_agent)
            yield browser
        return
    try:   # the host as requests name it, and a browser exports its cookies: "bücher.example" is xn--bcher-kva.example
        host = httpx.URL(origin).raw_host.decode("ascii")
    except httpx.InvalidURL:   # (asking for it says what is wrong with it)
        host = urlsplit(origin).hostname
    with contextlib.nullcontext(client) if client else make_client(settings, host) as plain:
        yield HttpTransport(plain, settings, now)


class HttpTransport:
    """One GET through httpx: redirects left to the Fetcher, the body read within the size cap, and the whole
    response within the deadline (a server that sends a byte at a time never trips a per-read timeout)."""

    def __init__(self, client: httpx.Client, settings: Settings, now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.client, self.settings, self._now = client, settings, now

    def send(self, url: str, headers: dict[str, str], limit: int | None = None) -> list[Page]:
        deadline, limit = self.settings.response_deadline, limit or self.settings.max_response_bytes
        started, chunks, size = time.monotonic(), [], 0
        try:
            with _deadline(deadline), self.client.stream("GET", url, headers=headers) as response:
                said = response.headers.get("content-length", "")   # (one that reads as no number is none)
                if said.strip().isdigit() and int(said) > limit:
                    raise FetchError(f"{url}: response of {int(said):,} bytes, larger than {limit:,} bytes; refused")
                # a compression not asked for, httpx would unpack whole before a byte of it is counted: unpacked here
                codings = [coding.strip() for coding in response.headers.get("content-encoding", "").lower().split(",")]
                unasked = bool(set(codings) - ASKED_CODINGS)
                for chunk in response.iter_raw() if unasked else response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise FetchError(f"{url}: response larger than {limit:,} bytes; refused")
                    if time.monotonic() - started > deadline:
                        raise _TooSlow
                    chunks.append(chunk)
                body = b"".join(chunks)
                try:
                    body = unpacked(body, codings, limit) if unasked else body
                except Unreadable as why:
                    if 200 <= response.status_code < 300:
                        raise FetchError(f"{url}: {why}; refused") from None
                    body = b""   # a redirect's or an error's: its status and headers say what to do
                return [Page(str(response.url), body, response.status_code, redacted({k.lower(): v for k, v in response.headers.items()}),
                             self._now().isoformat(timespec="seconds"), requested=url)]
        except _TooSlow:
            raise TransientError(f"no whole answer within {deadline:g} s (the server sends too slowly)") from None
        except (httpx.RemoteProtocolError, httpx.InvalidURL, UnicodeError) as error:   # httpx reads where every redirect
            # leads as it builds the next request: a Location that is no address ("javascript:...", a host IDNA cannot read)
            if isinstance(error, httpx.RemoteProtocolError) and not str(error).startswith("Invalid URL in location header"):
                raise TransientError(in_words(error, url)) from None
            if isinstance(error, httpx.InvalidURL) and not _asked_for(url):   # (a link a page gives, with a control character)
                raise FetchError(f"{url!r}: not a web address ({first_line(error)}); not fetched") from None
            raise FetchError(f"{url}: redirects to an address that is none ({first_line(error)}); not followed") from None
        except httpx.TransportError as error:   # (one after connecting, a read timed out, is what the site made of that page)
            if "CERTIFICATE_VERIFY_FAILED" in str(error):
                raise untrusted(url, in_words(error, url)) from None
            raise TransientError(in_words(error, url), network=isinstance(error, (httpx.ConnectError, httpx.ConnectTimeout,
                                                                                 httpx.ProxyError))) from None
        except httpx.DecodingError:
            raise TransientError("its body cannot be decoded as its Content-Encoding header says (gzip, deflate...)") from None


def _asked_for(url: str) -> bool:
    """Whether httpx can ask for `url` at all."""
    try:
        httpx.URL(url)
    except httpx.InvalidURL:
        return False
    return True


def _target(url: str, location: str) -> str:
    """Where a redirect from `url` leads (FetchError when its Location is no address)."""
    if not web_address(location):
        raise FetchError(f"{url}: redirects to {location!r}, which is no address; not followed")
    return urljoin(url, location)


def origin_of(url: str) -> str:
    """The site a URL is on, written one way (http://localhost:8000): its scheme, its host as DNS reads it (any case, a
    final dot or not, in its own script or as IDNA spells it) and its port, the scheme's own left out (Chromium leaves it
    out of the addresses it asks for), an IP address as Chromium asks for it (127.1 is 127.0.0.1, [0:0::1] is [::1]). Two ports
    or schemes of one host are two sites. Not resolved: localhost and 127.0.0.1 are two."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:   # (as written: asking for it says what is wrong with it)
        parts = urlsplit(url)
        return f"{parts.scheme.lower()}://{parts.netloc.lower()}"
    host = numeric_host(parsed.raw_host.decode("ascii"))
    port = "" if parsed.port in (None, {"http": 80, "https": 443}.get(parsed.scheme)) else f":{parsed.port}"
    return f"{parsed.scheme}://{f'[{host}]' if ':' in host else host}{port}"


def _no_challenge(page: Page, cookies: Path | None) -> Page:
    """The page, unless it is a bot check (BlockedError, saying the ways through; given `cookies`, why they failed)."""
    if page.status in (403, 503) and is_challenge_answer(page.status, page.headers, page.body):
        said = f"{page.url}: the site answered with a bot-protection challenge (HTTP {page.status})"
        raise BlockedError(said + (f" in spite of the cookies of {cookies}: they have expired, or --user-agent is not the "
                                   "User-Agent of the browser that passed the check; pass it there again and export its "
                                   "cookies again, or harvest with --fetch browser" if cookies else
                                   ", which only a browser passes: harvest with --fetch browser, or with --cookies FILE "
                                   "--user-agent TEXT from your own browser's cleared session")
                           + " (see the README, \"The live archive\")")
    return page


class _TooSlow(Exception):
    """The whole response took longer than its deadline."""


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """_TooSlow raised in this thread once `seconds` have passed (by SIGALRM, so even while waiting for headers that
    trickle in); outside the main thread, where signals cannot be had, only the body's reading is timed."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _TooSlow

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def in_words(error: httpx.TransportError, url: str) -> str:
    """What went wrong with a connection, as a person would say it."""
    host, text = urlsplit(url).hostname, str(error)
    if isinstance(error, httpx.ConnectTimeout):
        return f"timed out connecting to {host}"
    if isinstance(error, httpx.TimeoutException):
        return f"timed out waiting for {host} to answer"
    if isinstance(error, httpx.ProxyError):
        return f"the proxy failed ({text or 'no reason given'})"
    if any(marker in text for marker in ("Name or service not known", "nodename nor servname", "name resolution", "getaddrinfo")):
        return f"the name {host} cannot be found"
    if "refused" in text.lower():
        return f"{host} refused the connection"
    if "SSL" in text or "CERTIFICATE" in text:
        return f"the secure (TLS) connection to {host} failed: {text.splitlines()[0] if text else 'no reason given'}"
    if isinstance(error, httpx.RemoteProtocolError):
        return f"{host} closed the connection before the whole answer"
    return f"the connection to {host} failed"


def untrusted(url: str, failure: str) -> UnreachableError:
    """A certificate not trusted: the same at every try, so not tried again; the site is not reached, however it asks."""
    return UnreachableError(f"{url}: {failure}: its certificate is not trusted, which no other try mends; check this machine's "
                            "clock and certificate authorities, a proxy that inspects secure connections, and the address")


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """Retry-After as seconds to wait: a number of seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def _validators(kept: dict[str, str] | None) -> dict[str, str]:
    """Conditional-request headers from the headers of an earlier copy: a 304 answer then means "still the same"."""
    if kept is None:
        return {}
    headers = {"If-None-Match": kept.get("etag", ""), "If-Modified-Since": kept.get("last-modified", "")}
    return {name: value for name, value in headers.items() if value}


class Fetcher:
    """Fetches pages of one origin, one at a time, honouring robots.txt, the delay and Retry-After."""

    def __init__(
        self,
        transport: Transport,
        origin: str,
        settings: Settings,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        on_response: Callable[[Page], Location | None] = lambda page: None,
        cached: Callable[[str], Page | None] = lambda url: None,
        kept_headers: Callable[[str], dict[str, str] | None] = lambda url: None,
        paced: Callable[[float], None] = lambda delay: None,
    ) -> None:
        """`on_response(page)` archives each response and says where (the page `get` gives carries it);
        `cached(url)` gives the kept copy of a page, whose validators make the request conditional;
        `kept_headers(url)` gives just that copy's headers, so its body is read only on a 304;
        `paced(delay)` is told the delay before each request, and a longer one robots.txt asks for once read: a next
        harvest of the site keeps them too, from its last request."""
        self.transport, self.settings = transport, settings
        self.origin = origin.rstrip("/")
        self._sleep, self._clock, self._now = sleep, clock, now
        self._on_response, self._cached, self._kept_headers, self._paced = on_response, cached, kept_headers, paced
        self.retries = 0
        self._last_request: float | None = None
        self._robots: Protego | None = None
        self.delay = settings.delay
        self.requests = 0
        self.answered = False   # the site answered a request at its address (a later failure to connect is no mistyped address)
        self._reached = False   # a try of the URL being fetched reached the site: an answer, or a connection
        self.warnings: list[str] = []

    def get(self, url: str) -> Page:
        """The page at `url` (on this origin), after retries; raises FetchError, BlockedError or OffSiteError."""
        return self._fetched(url, self._ask_page)

    def get_file(self, url: str, limit: int, kept: dict[str, str] | None = None) -> Page:
        """A file at `url` (a document's original scan), fetched as `get` fetches a page (robots.txt, the delay,
        retries, redirects on this origin only) but for three things: its body may be up to `limit` bytes; none of its
        responses goes to `on_response` (the WARC: the file is kept on its own); and `kept`, the headers the copy
        already on disk came with, make the request conditional: "not modified" comes back as a 304 Page, no body."""
        return self._fetched(url, lambda target: self._request(target, _validators(kept), limit, archive=False))

    def _fetched(self, url: str, ask: Callable[[str], Page]) -> Page:
        """What `ask` gives for `url` once redirects are followed, after retries."""
        if not self._same_origin(url):
            raise OffSiteError(f"{url}: not on {self.origin}; harvester never leaves the site")
        self._check_robots(url)
        try:
            return self._retrying()(self._follow, url, ask)
        except TransientError as error:
            if self._budget_spent(None):
                raise RetriesSpentError(f"{url}: {error}; this run has retried {self.retries} times, its limit: stopping") from None
            if error.status in (403, 429):
                raise BlockedError(f"{url}: still refused (HTTP {error.status}) after {self.settings.attempts} tries; stopping",
                                   error.status) from None
            raise self._gave_up(url, error) from None

    def _gave_up(self, url: str, error: TransientError, then: str = "") -> FetchError:
        """The failure of a URL tried every time, `then` said after it; when the site cannot be reached, what to look at:
        the connection, and a --base-url given that nothing answered at."""
        given = ", or the address given to --base-url" if self.settings.base_url and not self.answered else ""
        network = error.network and not self._reached   # (one try that reached it: the site can be reached, but is unwell)
        hint = f"; check your connection and proxy{given}" if network else ""
        return (UnreachableError if network else FetchError)(
            f"{url}: {error} (gave up after {self.settings.attempts} tries){then}{hint}")

    def _retrying(self) -> tenacity.Retrying:
        """Transient failures are tried again: backoff with jitter, Retry-After honoured, within the run's budget."""
        self._reached = False   # (a policy is made for each URL)
        return tenacity.Retrying(
            retry=tenacity.retry_if_exception_type(TransientError),
            stop=(tenacity.stop_after_attempt(self.settings.attempts) | tenacity.stop_after_delay(self.settings.retry_total_cap)
                  | self._budget_spent),
            wait=self._wait, sleep=self._sleep, before_sleep=self._log_retry, reraise=True)

    def _ask_page(self, url: str) -> Page:
        """One request for a page, conditional when a copy is kept; "not modified" gives the kept copy."""
        kept = self._kept_headers(url)
        page = self._request(url, _validators(kept))
        if page.status == 304 and kept is not None:
            earlier = self._cached(url)
            if earlier is not None:
                return replace(earlier, fetched_at=page.fetched_at, requested=url, archived=page.archived)
            page = self._request(url)  # "not modified", but the kept copy cannot be read: ask for the page itself
        if page.status == 304:
            raise FetchError(f"{url}: HTTP 304 (not modified) where the page itself was asked for")
        if page.status in PAGE_STATUS and not page.body.strip():   # (a file may be empty: its checks say so)
            raise TransientError("the answer is empty")
        return page

    def _follow(self, url: str, ask: Callable[[str], Page]) -> Page:
        """`ask` for `url`, then for where each redirect leads (on this origin only), up to MAX_REDIRECTS."""
        for _ in range(MAX_REDIRECTS + 1):
            page = ask(url)
            location = page.headers.get("location")
            if page.status not in REDIRECTS or not location:
                return self._check_status(page)
            target = _target(url, location)
            if not self._same_origin(target):
                raise OffSiteError(f"{url}: redirects off the site to {target}; not followed")
            self._check_robots(target)   # where a redirect leads is asked for too
            url = target
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")

    def _request(self, url: str, headers: dict[str, str] | None = None, limit: int | None = None,
                 archive: bool = True) -> Page:
        if (left := self._delay_left()) > 0:
            self._sleep(left)
        self._paced(self.delay)   # (a harvests file waits, before the first, what is left of the host's last harvest's)
        self._last_request = self._clock()    # the delay runs from one request's start to the next's: its rate
        try:
            pages = self.transport.send(url, headers or {}, limit)
        finally:
            self.requests += 1
        self.answered = True
        where = [self._on_response(page) for page in pages] if archive else [None]
        return replace(pages[-1], archived=where[-1])

    def _check_status(self, page: Page) -> Page:
        status = page.status
        if status in PAGE_STATUS and looks_like_html(page) and is_cut_short(page.body):
            raise TransientError("the page is cut short (it stops before </html>)")
        _no_challenge(page, self.settings.cookies)
        if status in TRANSIENT_STATUS or status == 403:
            wait = retry_after_seconds(page.headers.get("retry-after"), self._now())
            raise TransientError(f"HTTP {status}", status, wait)
        if status >= 400:
            raise FetchError(f"{page.url}: HTTP {status}", status)
        if status not in (*PAGE_STATUS, 304):   # 204, 206, a 3xx with no Location: no page (304: a conditional answer)
            raise FetchError(f"{page.url}: HTTP {status}, not a page")
        return page

    def _budget_spent(self, state: tenacity.RetryCallState | None) -> bool:
        return self.retries >= self.settings.max_retries

    def _wait(self, state: tenacity.RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        asked = getattr(error, "retry_after", None)
        backoff = tenacity.wait_exponential_jitter(initial=1, max=self.settings.retry_wait_cap, jitter=1)(state)
        return min(self.settings.retry_wait_cap, asked if asked is not None else backoff)

    def _log_retry(self, state: tenacity.RetryCallState) -> None:
        self.retries += 1
        error = state.outcome.exception() if state.outcome else None
        self._reached = self._reached or not getattr(error, "network", False)
        wait = state.next_action.sleep if state.next_action else 0
        wait = max(wait, self._delay_left())   # the politeness delay, if longer, is waited out as well
        # said as progress, not as a warning: a retry that succeeds leaves nothing wrong (the run report counts them);
        # one that fails for good is the run's error
        url = state.args[0] if state.args else ""
        log.info("%s: %s; try %d of %d in %.1fs", url, error, state.attempt_number + 1, self.settings.attempts, wait)

    def _delay_left(self) -> float:
        """What is left of the delay since the last request started (none before the first)."""
        return 0.0 if self._last_request is None else self._last_request + self.delay - self._clock()

    def _same_origin(self, url: str) -> bool:
        return origin_of(url) == origin_of(self.origin)

    def _check_robots(self, url: str) -> None:
        if self._robots is None:
            self._robots = self._load_robots()
            crawl_delay = self._robots.crawl_delay(self.settings.product_token)
            if crawl_delay and crawl_delay > self.settings.max_crawl_delay:
                self.warnings.append(f"{self.origin}/robots.txt asks for {crawl_delay:g} s between requests; waiting "
                                     f"{self.settings.max_crawl_delay:g} s, harvester's longest")
                log.warning("%s", self.warnings[-1])
                crawl_delay = self.settings.max_crawl_delay
            if crawl_delay and crawl_delay > self.delay:
                log.info("robots.txt asks for %.1fs between requests; using it", crawl_delay)
                self.delay = float(crawl_delay)
                self._paced(self.delay)
        if not self._robots.can_fetch(url, self.settings.product_token):
            raise FetchError(f"{url}: disallowed by {self.origin}/robots.txt; not fetched")

    def _load_robots(self) -> Protego:
        """robots.txt of the origin: a missing file allows everything; an unreachable one stops the run."""
        url = f"{self.origin}/robots.txt"

        def fetch_once(url: str) -> Page:
            for _ in range(MAX_REDIRECTS + 1):    # redirects on the origin are followed, as RFC 9309 asks
                page = _no_challenge(self._request(url), self.settings.cookies)
                if page.status in TRANSIENT_STATUS:
                    raise TransientError(f"HTTP {page.status}", page.status,
                                         retry_after_seconds(page.headers.get("retry-after"), self._now()))
                location = page.headers.get("location") if page.status in REDIRECTS else None
                if not location or not self._same_origin(target := _target(url, location)) or target == url:
                    break
                url = target
            return page

        try:
            page = self._retrying()(fetch_once, url)
        except TransientError as error:
            if error.status == 429:
                raise BlockedError(f"{url}: still refused (HTTP 429) after {self.settings.attempts} tries; stopping") from None
            raise self._gave_up(url, error, "; cannot check what the site allows") from None
        if page.status >= 500:
            raise FetchError(f"{url}: HTTP {page.status}; cannot check what the site allows")
        if page.status >= 400 or page.status in REDIRECTS:
            return Protego.parse("")
        return Protego.parse(page.body.decode("utf-8-sig", "replace"))   # a line that is no rule is passed over
