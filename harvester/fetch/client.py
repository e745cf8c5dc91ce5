"""Fetch one URL politely: robots.txt, a delay between requests, one tenacity retry policy, never off-site."""

from __future__ import annotations

import email.utils
import logging
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpx
import tenacity
from protego import Protego

from harvester.errors import BlockedError, FetchError, OffSiteError
from harvester.fetch.page import Page, decode_html, is_challenge, is_cut_short
from harvester.settings import Settings

log = logging.getLogger("harvester")

TRANSIENT_STATUS = frozenset({429, 500, 502, 503, 504})
MAX_REDIRECTS = 5


class TransientError(Exception):
    """A failure worth another try; `retry_after` is the server's requested wait in seconds, if any."""

    def __init__(self, message: str, status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


def make_client(settings: Settings, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """The one httpx client of a run: identifying User-Agent, timeouts, and redirects handled by us."""
    return httpx.Client(
        headers={"User-Agent": settings.user_agent, "Accept": "text/html,application/xhtml+xml"},
        timeout=settings.timeout,
        follow_redirects=False,
        transport=transport,
    )


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
        client: httpx.Client,
        origin: str,
        settings: Settings,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        on_response: Callable[[Page], None] = lambda page: None,
        cached: Callable[[str], Page | None] = lambda url: None,
        kept_headers: Callable[[str], dict[str, str] | None] | None = None,
    ) -> None:
        """`cached(url)` gives the kept copy of a page, whose validators make the request conditional;
        `kept_headers(url)`, when given, gives just that copy's headers, so its body is read only on a 304."""
        self.client, self.settings = client, settings
        self.origin = origin.rstrip("/")
        self._sleep, self._clock, self._now = sleep, clock, now
        self._on_response, self._cached = on_response, cached
        self._kept_headers = kept_headers or (lambda url: copy.headers if (copy := cached(url)) else None)
        self.retries = 0
        self._last_request: float | None = None
        self._robots: Protego | None = None
        self.delay = settings.delay
        self.requests = 0

    def get(self, url: str) -> Page:
        """The page at `url` (on this origin), after retries; raises FetchError, BlockedError or OffSiteError."""
        self._check_on_site(url)
        self._check_robots(url)
        try:
            return self._retrying()(self._get_once, url)
        except TransientError as error:
            if self._budget_spent(None):
                raise FetchError(f"{url}: {error}; this run has retried {self.retries} times, its limit: stopping") from None
            if error.status in (403, 429):
                raise BlockedError(f"{url}: still refused (HTTP {error.status}) after {self.settings.attempts} tries; stopping") from None
            raise FetchError(f"{url}: {error} (gave up after {self.settings.attempts} tries)") from None

    def _retrying(self) -> tenacity.Retrying:
        """Transient failures are tried again: backoff with jitter, Retry-After honoured, within the run's budget."""
        return tenacity.Retrying(
            retry=tenacity.retry_if_exception_type(TransientError),
            stop=(tenacity.stop_after_attempt(self.settings.attempts) | tenacity.stop_after_delay(self.settings.retry_total_cap)
                  | self._budget_spent),
            wait=self._wait,
            sleep=self._sleep,
            before_sleep=self._log_retry,
            reraise=True,
        )

    def _get_once(self, url: str) -> Page:
        for _ in range(MAX_REDIRECTS + 1):
            kept = self._kept_headers(url)
            page = self._request(url, _validators(kept))
            if page.status == 304 and kept is not None:
                earlier = self._cached(url)
                if earlier is not None:
                    return replace(earlier, fetched_at=page.fetched_at, requested=url)
                page = self._request(url)  # "not modified", but the kept copy cannot be read: ask for the page itself
            location = page.headers.get("location")
            if page.status not in (301, 302, 303, 307, 308) or not location:
                return self._check_status(page)
            target = urljoin(url, location)
            if not self._same_origin(target):
                raise OffSiteError(f"{url}: redirects off the site to {target}; not followed")
            url = target
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")

    def _request(self, url: str, headers: dict[str, str] | None = None) -> Page:
        self._pause()
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                body = self._read_capped(response, url)
                headers = {k.lower(): v for k, v in response.headers.items()}
                fetched_at = self._now().isoformat(timespec="seconds")
                page = Page(str(response.url), body, response.status_code, headers, fetched_at, requested=url)
        except httpx.TimeoutException as error:
            raise TransientError(f"timed out ({type(error).__name__})") from None
        except httpx.TransportError as error:
            raise TransientError(f"connection failed ({type(error).__name__}: {error})") from None
        finally:
            self._last_request = self._clock()
            self.requests += 1
        self._on_response(page)
        return page

    def _read_capped(self, response: httpx.Response, url: str) -> bytes:
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.settings.max_response_bytes:
                raise FetchError(f"{url}: response larger than {self.settings.max_response_bytes:,} bytes; refused")
            chunks.append(chunk)
        return b"".join(chunks)

    def _check_status(self, page: Page) -> Page:
        status = page.status
        if status == 200 and "html" in page.headers.get("content-type", "") and is_cut_short(page.body):
            raise TransientError("the page is cut short (it stops before </html>)")
        if status in (403, 503) and is_challenge(page.body[:60000].decode("utf-8", "replace")):
            raise BlockedError(f"{page.url}: the site answered with a bot-protection challenge (HTTP {status}); stopping")
        if status in TRANSIENT_STATUS or status == 403:
            wait = retry_after_seconds(page.headers.get("retry-after"), self._now())
            raise TransientError(f"HTTP {status}", status, wait)
        if status >= 400:
            raise FetchError(f"{page.url}: HTTP {status}")
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
        wait = state.next_action.sleep if state.next_action else 0
        log.warning("%s; try %d of %d in %.1fs", error, state.attempt_number + 1, self.settings.attempts, wait)

    def _pause(self) -> None:
        if self._last_request is not None:
            remaining = self._last_request + self.delay - self._clock()
            if remaining > 0:
                self._sleep(remaining)

    def _same_origin(self, url: str) -> bool:
        target, home = urlsplit(url), urlsplit(self.origin)
        return (target.scheme, target.netloc.lower()) == (home.scheme, home.netloc.lower())

    def _check_on_site(self, url: str) -> None:
        if not self._same_origin(url):
            raise OffSiteError(f"{url}: not on {self.origin}; harvester never leaves the site")

    def _check_robots(self, url: str) -> None:
        if self._robots is None:
            self._robots = self._load_robots()
            crawl_delay = self._robots.crawl_delay(self.settings.user_agent)
            if crawl_delay and crawl_delay > self.delay:
                log.info("robots.txt asks for %.1fs between requests; using it", crawl_delay)
                self.delay = float(crawl_delay)
        if not self._robots.can_fetch(url, self.settings.user_agent):
            raise FetchError(f"{url}: disallowed by {self.origin}/robots.txt; not fetched")

    def _load_robots(self) -> Protego:
        """robots.txt of the origin: a missing file allows everything; an unreachable one stops the run."""
        url = f"{self.origin}/robots.txt"

        def fetch_once(url: str) -> Page:
            page = self._request(url)
            if page.status in TRANSIENT_STATUS:
                raise TransientError(f"HTTP {page.status}", page.status,
                                     retry_after_seconds(page.headers.get("retry-after"), self._now()))
            return page

        try:
            page = self._retrying()(fetch_once, url)
        except TransientError as error:
            raise FetchError(f"{url}: {error} (gave up after {self.settings.attempts} tries); "
                             "cannot check what the site allows") from None
        if page.status >= 500:
            raise FetchError(f"{url}: HTTP {page.status}; cannot check what the site allows")
        if page.status >= 400 or page.status in (301, 302, 303, 307, 308):
            return Protego.parse("")
        return Protego.parse(decode_html(page.body, page.headers.get("content-type", ""), url) if page.body.strip() else "")
