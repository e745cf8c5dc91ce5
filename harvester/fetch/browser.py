"""The browser transport: each page fetched by a real Chromium (driven by Playwright), as a person's visit is.

The Fetcher still decides what to ask and when (robots.txt, the delay, retries); this asks, one navigation at a
time, and returns the server's own answers to that navigation (status, headers, body as sent), a bot challenge's
answers first. A challenge that passes by itself is waited out; one that waits for a person asks for one in a shown
window, or stops. Only the page's document goes out, and what a challenge needs: no stylesheet, image, font or
favicon, nothing off the site's host.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import json
import logging
import os
import re
import shutil
import signal
import sys
import threading
import time
import warnings
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from types import FrameType, TracebackType
from urllib.parse import unquote, urljoin, urlsplit

from harvester import DISTRIBUTION
from harvester.errors import (BlockedError, BrowserGoneError, FetchError, HarvesterError, LayoutError, OffSiteError,
                              StorageError, UsageError, first_line)
from harvester.fetch.client import TransientError, origin_of, untrusted
from harvester.fetch.page import Page, is_challenge_answer, redacted
from harvester.settings import Settings

BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
INSTALL_HINT = "install Chromium (Debian, Ubuntu: sudo apt-get install chromium) or Chrome, or give --browser-path"
FLAGS = ("--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync")
CHALLENGE_LOADS = frozenset({"script", "xhr", "fetch", "document"})   # what a challenge may load; a page loads none
# the endings of the files of kinds neither a page nor a challenge loads (none in CHALLENGE_LOADS): stylesheets, images,
# icons and fonts, which Chromium refuses by itself (those named otherwise, _route refuses)
NEVER_LOADED = ("css", "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "ico", "woff", "woff2", "ttf", "otf")
CHALLENGE_STATUS = (403, 429, 503)   # what a check is answered with
WIDGET = "input[type=checkbox]:visible, iframe[src*='challenge']:visible"   # what asks a person to act
PERSON_AFTER = 3.0     # seconds a challenge may show a widget before it is taken to wait for a person
POLL = 25              # milliseconds between looks at the tab while a page or a challenge arrives
ERROR_PAGE_WAIT = 2.0  # seconds a failed navigation may take to show Chromium's error page
EVICTED = "evicted from inspector cache"   # Chromium no longer holds a body this large for Playwright to read
BODILESS_ERROR = "ERR_HTTP_RESPONSE_CODE_FAILURE"   # Chromium's failure of a navigation answered by an error with no body
# Chromium's failures of a connection never made (the site not reached), as the plain client's network failures (a secure
# connection's handshake too)
UNREACHED = re.compile(r"ERR_(NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|CONNECTION_REFUSED|CONNECTION_TIMED_OUT|ADDRESS_UNREACHABLE|"
                       r"INTERNET_DISCONNECTED|(PROXY|TUNNEL|SOCKS)_CONNECTION_FAILED|SSL_[A-Z_]+)")
# Chromium's refusals to ask at all, the same at every try, and what to do instead (not ERR_BLOCKED_BY_CLIENT: that is
# harvester's own routing, which a late event of an earlier try may have met)
_NO_ADDRESS = "not an address the browser opens"
REFUSED = {"ERR_UNSAFE_PORT": "Chromium connects to no port it holds unsafe: serve the site on another port, and give that "
                              "with --base-url", "ERR_INVALID_URL": _NO_ADDRESS, "ERR_DISALLOWED_URL_SCHEME": _NO_ADDRESS,
           "ERR_UNKNOWN_URL_SCHEME": _NO_ADDRESS,
           "ERR_BLOCKED_BY_ADMINISTRATOR": "the browser's policy blocks the address: allow it there, or fetch with --fetch http"}
NO_DISPLAY = "there is no display to show it on (set DISPLAY, or leave out --show-browser)"
GONE = ("has been closed", "page crashed", "target crashed", "connection closed")   # Playwright's words for a dead browser
# in the browser's profile: the User-Agent the browser sends when left alone, read once it runs; kept, the next run
# starts it sending that with harvester's token at once, not a second time to add it
KEPT_USER_AGENTS = "harvester-user-agents.json"
MAX_CHECKS = 10        # bot checks one navigation may meet: a check that reloads itself again and again never passes


def check_browser(settings: Settings) -> str:
    """What --fetch browser needs, said before a run makes any file: Playwright, a Chromium (its path is returned),
    and, to show the browser, a display (on Linux)."""
    if importlib.util.find_spec("playwright") is None:
        raise UsageError(f"--fetch browser needs Playwright: pip install '{DISTRIBUTION}[browser]'")
    if settings.show_browser and sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise UsageError(f"--show-browser: {NO_DISPLAY}")
    return find_browser(settings.browser_path)


def find_browser(explicit: str | None) -> str:
    """The Chromium to drive: `explicit` (it must be there), else one on PATH, else Playwright's own if it was
    installed. Never downloads one."""
    if explicit:
        if not (os.path.isfile(explicit) and os.access(explicit, os.X_OK)):
            raise UsageError(f"--browser-path {explicit}: no browser there; {INSTALL_HINT}")
        return explicit
    found = next((path for path in map(shutil.which, BROWSER_NAMES) if path), None) or _playwright_chromium()
    if not found:
        raise UsageError(f"--fetch browser: no Chromium or Chrome found; {INSTALL_HINT}")
    return found


def _playwright_chromium() -> str | None:
    """Where `playwright install chromium` put its Chromium (PLAYWRIGHT_BROWSERS_PATH honoured), if it did."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        path = playwright.chromium.executable_path
    return path if os.path.isfile(path) else None


class BrowserTransport:
    """One Chromium with a persistent profile (its cookies kept for the next run), fetching pages of one origin."""

    def __init__(self, settings: Settings, origin: str, profile: Path, challenge: tuple[frozenset[str], tuple[str, ...]],
                 now: Callable[[], datetime]) -> None:
        """`challenge`: the hosts a bot check may load from (its widget) and its paths on the site's host (its
        scripts), which are let through only while a check shows (a page's own scripts never are, even late ones)."""
        self.settings, self.profile, self._now = settings, profile, now
        self.origin = origin_of(origin)
        self.host = urlsplit(self.origin).hostname or ""   # as Chromium resolves it: 127.1 is 127.0.0.1
        self.challenge_hosts, self.challenge_paths = challenge
        self.user_agent = ""
        self._answers: list[Page] = []
        self._on_challenge: bool | None = False   # None: maybe, a status a check is sent with, its body not read yet
        self._since = 0.0                        # when the current answer arrived
        self._requested = ""
        self._error: Exception | None = None     # what went wrong in the current navigation, as a handler saw it
        self._error_page = False                 # Chromium has shown its error page for the current navigation
        self._failed_at: float | None = None     # when the last navigation failed, if it did

    def __enter__(self) -> BrowserTransport:
        executable = check_browser(self.settings)
        from playwright.sync_api import Error, sync_playwright

        _quiet_profile(self.profile)
        self._playwright = sync_playwright().start()
        self._stops = _StopsBetweenSteps()
        started_as = f"{executable} {'shown' if self.settings.show_browser else 'headless'}"
        kept = _kept_user_agents(self.profile)
        try:
            self._context = self._launch(executable, kept.get(started_as))
            own = str(self._context.browser.new_browser_cdp_session().send("Browser.getVersion")["userAgent"])
            if own != kept.get(started_as):   # a first run, or the browser changed since: it starts again, sending its own
                self._context.close()
                self._context = self._launch(executable, own)
                _keep_user_agents(self.profile, {**kept, started_as: own})
            self.user_agent = f"{own} {self.settings.product_token}"
        except Error as error:
            self._playwright.stop()
            self._stops.restore()
            raise UsageError(f"{executable}: the browser did not start: {_why(error, self.profile)}") from None
        try:
            self._context.route("**/*", self._route)
            self._context.route_web_socket("**/*", lambda socket: socket.close())   # no page's socket reaches the site
            self._tab = self._context.pages[0] if self._context.pages else self._context.new_page()
            # Chromium refuses by itself, as _route would, what no page may load: a page's stylesheets, images and fonts,
            # each of which would otherwise wait on a round trip through Playwright's driver to _route in Python; and its
            # favicon, which Chromium asks for by itself once the page is shown and Playwright's routing does not hold
            devtools = self._context.new_cdp_session(self._tab)
            devtools.send("Network.enable")
            devtools.send("Network.setBlockedURLs", {"urls": [f"*.{kind}{query}" for kind in NEVER_LOADED
                                                              for query in ("", "?*")]})
        except BaseException:
            self.__exit__(None, None, None)   # the browser is not left running
            raise
        self._context.on("page", lambda opened: opened is not self._tab and opened.close())   # a popup is shut at once
        self._tab.on("response", self._on_response)
        self._tab.on("requestfailed", self._on_failed)
        self._tab.on("framenavigated", self._on_navigated)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        """Close the browser, after leaving the page (see _leave_the_page), also when the run stops on a harvester error
        (a redirect to another port, whose page's own requests wait). Leaving on a stop (Ctrl-C, SIGTERM), a crash or a
        browser that is gone, it closes at once, and that stop or error is what is said, not the browser's own failure
        to close. Such a stop or error comes while the handlers of the browser's requests and events wait on it:
        closing, Playwright cancels what they wait for, and asyncio would print each as a traceback after the run's one
        line, as it would the futures of a Playwright driver that Ctrl-C ended (a terminal sends it to the driver too)
        and the coroutines they leave unawaited; none of that is said."""
        from playwright.sync_api import Error

        quiet = contextlib.suppress(Error) if kind else contextlib.nullcontext()
        if kind is not None:   # this harvest ends here: what its cut-short handlers and driver leave behind is not said
            logging.getLogger("asyncio").addFilter(lambda record: False)
            warnings.filterwarnings("ignore", "coroutine .* was never awaited", RuntimeWarning)
        try:
            if kind is None or (issubclass(kind, HarvesterError) and not issubclass(kind, BrowserGoneError)):
                self._leave_the_page()   # the browser is there: the page's waiting requests must not reach a site
            with quiet:
                self._context.close()
        finally:
            with quiet:
                self._playwright.stop()
            self._stops.restore()

    def _leave_the_page(self) -> None:
        """Show a blank page before the browser closes. Only Playwright's routing keeps a page's own requests from the
        site, and it holds them through Chromium's DevTools: closing, Chromium lets go of the requests still waiting
        for _route (Playwright no longer hands them to it once closing) and of any the page sends as it shuts down,
        and they reach the site. Unloading the page cancels its waiting requests, the routes asked in the meantime
        are answered, and a blank page sends none."""
        from playwright.sync_api import Error

        tab = getattr(self, "_tab", None)
        with contextlib.suppress(Error):   # a browser that is gone sends nothing more
            if tab is not None and not tab.is_closed():
                tab.goto("about:blank", wait_until="commit", timeout=self.settings.timeout * 1000)

    def _args(self) -> list[str]:
        """Quiet flags; and no host name resolves but the site's, with a final dot or not (one host, see origin_of), and a
        challenge's: not even a redirect leaves it."""
        site = self.host
        allowed = " , ".join(f"EXCLUDE {host}" for host in sorted({site, f"{site}.", *self.challenge_hosts}))
        return [*FLAGS, f"--host-resolver-rules=MAP * ~NOTFOUND , {allowed}"]

    def _launch(self, executable: str, own_user_agent: str | None):  # noqa: ANN202 (a Playwright BrowserContext)
        """The browser on the profile, sending `own_user_agent` (the User-Agent it sends when left alone, as kept from
        the last run) with harvester's token; None: its own alone. Set at the launch, the User-Agent is every request's,
        a challenge's frames of other sites too. Chromium refuses to start its sandbox as root (as in a container), so
        there it runs without one."""
        return self._playwright.chromium.launch_persistent_context(
            self.profile, executable_path=executable, headless=not self.settings.show_browser,
            chromium_sandbox=os.geteuid() != 0, args=self._args(), timeout=self.settings.timeout * 1000,
            user_agent=own_user_agent and f"{own_user_agent} {self.settings.product_token}", no_viewport=True,
            service_workers="block", accept_downloads=False,
            handle_sigint=False)   # Ctrl-C reaches Chromium from the terminal, and it closes cleanly; Playwright's
                                   # handling of it left Chromium's folder in the temporary folder, every time

    def send(self, url: str, headers: dict[str, str], limit: int | None = None) -> list[Page]:
        """Navigate to `url`: every answer of the navigation in order, challenges first, the page's own last. (The
        validators in `headers` are not sent: a browser's navigation is never conditional.) A file (`limit` given:
        its largest size) is asked for with the browser's cookies and User-Agent, not navigated to: a browser shows
        a PDF rather than handing it over."""
        from playwright.sync_api import Error, TimeoutError

        if origin_of(url) != self.origin:
            raise OffSiteError(f"{url}: not on {self.origin}; never requested")
        if limit is not None:
            return [self._file(url, headers, limit)]
        if self._failed_at is not None:
            self._wait_for_error_page(self._failed_at)
        self._answers, self._requested, self._on_challenge, self._error, self._error_page = [], url, False, None, False
        self._failed_at = None
        try:
            self._tab.goto(url, wait_until="commit", timeout=self.settings.timeout * 1000)
            self._wait_for_page(url)
        except TimeoutError:
            raise self._failed(TransientError(f"no answer within {self.settings.timeout:g} s")) from None
        except Error as error:
            self._stop_if_gone(url, error)
            if BODILESS_ERROR in str(error) and self._answer_of_failed_navigation():
                # an error status with no body: Chromium fails the navigation (and would give its own error page for
                # the body); the status answers, with the empty body the site sent
                self._failed(error)
                return [*self._answers[:-1], replace(self._answers[-1], body=b"")]
            raise self._failed(self._error or _navigation_failed(first_line(error), url)) from None
        return list(self._answers)

    def _answer_of_failed_navigation(self) -> bool:
        """Whether the navigation that failed had an error status for answer (its event may come in after the failure)."""
        from playwright.sync_api import Error

        deadline = time.monotonic() + ERROR_PAGE_WAIT
        with contextlib.suppress(Error):
            while not self._arrived() and self._error is None and time.monotonic() < deadline:
                self._tab.wait_for_timeout(POLL)
        return self._error is None and self._arrived() and self._answers[-1].status >= 400

    def _file(self, url: str, headers: dict[str, str], limit: int) -> Page:
        """A file, asked for as the plain client asks (streamed within its size cap and deadline) with the browser's
        cookies for it and its User-Agent: Playwright's own requests hold a whole file before it can be measured."""
        from playwright.sync_api import Error

        from harvester.fetch.client import HttpTransport, make_client

        try:
            cookies = "; ".join(f"{c['name']}={c['value']}" for c in self._context.cookies(url))
        except Error as error:
            self._stop_if_gone(url, error)
            raise TransientError(f"the browser's cookies could not be read ({first_line(error)})") from None
        asked = {**headers, "User-Agent": self.user_agent, "Accept": "*/*", **({"Cookie": cookies} if cookies else {})}
        with make_client(self.settings) as client:
            return HttpTransport(client, self.settings, self._now).send(url, asked, limit)[0]

    def _stop_if_gone(self, url: str, error: Exception) -> None:
        """A browser that closed or crashed gives no page again: the run stops (and resumes when run again)."""
        if self._tab.is_closed() or any(word in str(error).lower() for word in GONE):
            raise BrowserGoneError(f"{url}: the browser closed or crashed ({first_line(error)}); run the same command "
                                   "again to resume") from None

    def _wait_for_page(self, url: str) -> None:
        """Until the last answer is the page itself: a challenge passes by itself, or a person passes it."""
        start, asked = time.monotonic(), False
        deadline = start + max(self.settings.timeout, self.settings.challenge_wait)
        while not self._arrived():
            if self._error:
                raise self._failed(self._error)
            now = time.monotonic()
            checks = sum(is_challenge_answer(a.status, a.headers, a.body) for a in self._answers)
            if not asked and self._on_challenge and ((late := now - start > self.settings.challenge_wait) or self._waits_for_person(now)):
                self._call_person(url, late)
                deadline, asked = now + self.settings.person_wait, True
            elif checks > MAX_CHECKS or (self._on_challenge and now > deadline):
                raise BlockedError(f"{url}: the site's bot check did not let the browser through ({checks} checks in "
                                   f"{now - start:.0f} s); complete it with --show-browser, or harvest later")
            elif now > deadline:
                raise TransientError(f"no page after {now - start:.0f} s")
            self._tab.wait_for_timeout(POLL)

    def _failed(self, error: Exception) -> Exception:
        """`error`; the next navigation first waits for Chromium's error page of this one (else that page would cut
        into it), and a run that stops here waits for nothing."""
        self._failed_at = time.monotonic()
        return error

    def _wait_for_error_page(self, failed_at: float) -> None:
        from playwright.sync_api import Error

        with contextlib.suppress(Error):   # a browser that is gone shows nothing more
            while not self._error_page:
                self._tab.wait_for_timeout(POLL)   # (the browser's events come in while Playwright waits)
                if time.monotonic() > failed_at + ERROR_PAGE_WAIT:
                    break

    def _call_person(self, url: str, late: bool) -> None:
        """`late`: the check shows no box to tick, but has not passed in --challenge-wait (it may only be slow)."""
        if not self.settings.show_browser:
            why = (f"did not pass by itself within {self.settings.challenge_wait:g} s (give it longer with --challenge-wait), "
                   "or waits for a person" if late else "did not pass by itself and waits for a person")
            raise BlockedError(f"{url}: the site's bot check {why}; rerun with --show-browser to complete it in a browser window")
        print("harvester: the site shows a check for humans: please complete it in the browser window; "
              "the harvest goes on after it", file=sys.stderr)

    def _arrived(self) -> bool:
        last = self._answers[-1] if self._answers else None
        return last is not None and not is_challenge_answer(last.status, last.headers, last.body)

    def _waits_for_person(self, now: float) -> bool:
        """A challenge that has shown a checkbox or widget for a while will not pass by itself."""
        from playwright.sync_api import Error

        if now - self._since < PERSON_AFTER:
            return False
        try:
            return self._tab.locator(WIDGET).count() > 0
        except Error:
            return False   # the challenge navigated away while we looked

    def _route(self, route) -> None:  # noqa: ANN001 (a Playwright Route)
        """Every request of the browser passes here: only the page asked for (and its redirects), or what a challenge
        needs, goes out; never a navigation of the page's own (a refresh, a script's, a form's, a popup's)."""
        request = route.request
        on_origin = origin_of(request.url) == self.origin
        challenge = self._on_challenge is not False and request.resource_type in CHALLENGE_LOADS and (
            urlsplit(request.url).hostname in self.challenge_hosts
            or (on_origin and urlsplit(request.url).path.startswith(self.challenge_paths)))
        if self._ours(request) or challenge:
            route.continue_()
        else:
            route.abort("blockedbyclient")

    def _ours(self, request) -> bool:  # noqa: ANN001 (a Playwright Request)
        """Whether a request is the tab's navigation to the page asked for (or a redirect of it) until the page is
        there, or, while a check shows, a navigation of the check's on the site: not the page's own navigations once
        it is there (a refresh, even of itself), nor a late event of the navigation before."""
        from playwright.sync_api import Error

        try:
            in_tab = request.resource_type == "document" and request.frame is self._tab.main_frame
        except Error:   # a popup's first navigation has no frame yet
            return False
        first = request
        while first.redirected_from is not None:
            first = first.redirected_from
        asked = _same_address(first.url, self._requested) and not self._arrived()
        return in_tab and origin_of(request.url) == self.origin and (asked or self._on_challenge)

    def _on_response(self, response) -> None:  # noqa: ANN001 (a Playwright Response)
        """Keep each answer to the tab's navigation as sent; a redirect off the host is an error (never followed:
        its host does not resolve)."""
        if not self._ours(response.request):
            return
        location = response.headers.get("location")
        if 300 <= response.status < 400 and location:
            target = urljoin(response.url, location)
            if origin_of(target) != self.origin:
                self._error = OffSiteError(f"{self._requested}: redirects off the site to {target}; not followed")
            return
        kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if 200 <= response.status < 300 and kind and "html" not in kind and not kind.startswith("text/"):
            self._error = LayoutError(f"{response.url}: sent as {kind}, not an HTML page")   # (a browser would download it)
            return
        said = response.headers.get("content-length", "")
        if said.isdigit() and int(said) > self.settings.max_response_bytes:   # as the plain client, it is not read
            self._error = FetchError(f"{response.url}: response of {int(said):,} bytes, larger than "
                                     f"{self.settings.max_response_bytes:,} bytes; refused")
            return
        # the status and headers decide first; a status a check is sent with, without cf-mitigated, is a check maybe: its
        # scripts, asked for before its body is read, may load, but only a check known by its body may navigate the tab
        maybe = None if response.status in CHALLENGE_STATUS else False
        self._on_challenge, self._since = is_challenge_answer(response.status, response.headers, b"") or maybe, time.monotonic()
        if page := self._read(response):
            self._on_challenge = is_challenge_answer(page.status, page.headers, page.body)
            self._answers.append(page)

    def _read(self, response) -> Page | None:  # noqa: ANN001
        """The answer as sent; None when the body of a page could not be read (self._error says why)."""
        from playwright.sync_api import Error

        try:
            body, headers = response.body(), response.all_headers()
        except Error as error:
            body, headers = b"", response.headers
            if not self._on_challenge and response.status < 400:   # a challenge's or an error's lost body costs nothing
                # a body too large to be kept (a small compressed one may unpack to one) is as large when asked again
                self._error = self._error or (
                    FetchError(f"{response.url}: response larger than the browser keeps to be read; refused")
                    if EVICTED in str(error) else TransientError(f"the page was gone before it was read ({first_line(error)})"))
                return None
        return Page(response.url, body, response.status, redacted({k.lower(): v for k, v in headers.items()}),
                    self._now().isoformat(timespec="seconds"), requested=self._requested)

    def _on_failed(self, request) -> None:  # noqa: ANN001
        if self._ours(request) and BODILESS_ERROR not in (request.failure or ""):   # (that one's answer has its status)
            self._error = self._error or _navigation_failed(request.failure, request.url)

    def _on_navigated(self, frame) -> None:  # noqa: ANN001
        if frame is self._tab.main_frame and frame.url.startswith("chrome-error:"):
            self._error_page = True


def _navigation_failed(why: str, url: str) -> TransientError | FetchError:
    """Chromium's failure of a navigation to `url`: one it refuses to make at all is not tried again."""
    if refused := next((said for name, said in REFUSED.items() if f"net::{name}" in why), None):
        return FetchError(f"{url}: the navigation failed: {why}: {refused}")
    if "net::ERR_CERT_" in why:
        return untrusted(url, f"the navigation failed: {why}")
    return TransientError(f"the navigation failed: {why}", network=bool(UNREACHED.search(why)))


def _same_address(one: str, other: str) -> bool:
    """Whether two URLs name one address, however each escapes its characters (Chromium writes some as %XX)."""
    first, second = urlsplit(one), urlsplit(other)
    return (origin_of(one) == origin_of(other) and unquote(first.path or "/") == unquote(second.path or "/")
            and unquote(first.query) == unquote(second.query))


class _StopsBetweenSteps:
    """While the browser runs, Ctrl-C and SIGTERM stop the run between two steps of Playwright's event loop, never in
    the middle of one. Python runs a signal's handler wherever the program is; raised inside one of the loop's steps,
    the stop could leave the task that reads the driver's answers pending with nothing to wake it, and closing the
    browser would then wait for ever. Outside the loop (harvester's own work, the delay between pages) a stop comes at
    once, as without a browser."""

    def __init__(self) -> None:
        in_main = threading.current_thread() is threading.main_thread()   # (only its handlers can be set)
        self._handlers = {number: handler for number in (signal.SIGINT, signal.SIGTERM)
                          if in_main and callable(handler := signal.getsignal(number))}
        self._pending: int | None = None
        for number in self._handlers:
            signal.signal(number, self._stop)

    def _stop(self, number: int, frame: FrameType | None) -> None:
        while frame is not None and not isinstance(loop := frame.f_locals.get("self"), asyncio.AbstractEventLoop):
            frame = frame.f_back
        self._pending = number
        if frame is None:
            self._deliver()
        else:   # a callback of the loop's, run once the step under way is done (a stop is let out of the loop)
            loop.call_soon_threadsafe(self._deliver)

    def _deliver(self) -> None:
        number, self._pending = self._pending, None
        if number is not None:
            self._handlers[number](number, None)

    def restore(self) -> None:
        """The handlers as they were; and a stop that came as the loop closed, whose callback never ran, is made now."""
        for number, handler in self._handlers.items():
            signal.signal(number, handler)
        self._deliver()


def _quiet_profile(profile: Path) -> None:
    """Set the profile's preferences against requests no request filter sees: PDFs kept out of the browser (its viewer
    fetches a page's PDF preview; harvester wants the page, not its scan), and no preloading (a page's speculation
    rules would prefetch and prerender the pages they name)."""
    preferences = profile / "Default" / "Preferences"
    try:
        kept = json.loads(preferences.read_text(encoding="utf-8")) if preferences.exists() else {}
    except (OSError, ValueError):
        kept = {}
    kept = kept if isinstance(kept, dict) else {}
    kept["plugins"] = {**(kept.get("plugins") if isinstance(kept.get("plugins"), dict) else {}), "always_open_pdf_externally": True}
    kept["net"] = {**(kept.get("net") if isinstance(kept.get("net"), dict) else {}), "network_prediction_options": 2}
    try:
        preferences.parent.mkdir(parents=True, exist_ok=True)
        preferences.write_text(json.dumps(kept), encoding="utf-8")
    except OSError as error:
        raise StorageError(f"the browser's profile {profile}: cannot write: {error.strerror or error}") from None


def _kept_user_agents(profile: Path) -> dict[str, str]:
    """The browser's own User-Agent by how it was started (its path, shown or headless), as the profile keeps them;
    what cannot be read is not there (each is checked against the browser's once it runs)."""
    try:
        kept = json.loads((profile / KEPT_USER_AGENTS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {started_as: agent for started_as, agent in kept.items() if isinstance(agent, str) and agent.isascii()
            and agent.isprintable()} if isinstance(kept, dict) else {}


def _keep_user_agents(profile: Path, agents: dict[str, str]) -> None:
    with contextlib.suppress(OSError):   # not kept, the next run starts the browser twice again
        (profile / KEPT_USER_AGENTS).write_text(json.dumps(agents), encoding="utf-8")


def _why(error: Exception, profile: Path) -> str:
    """The one line that says why Chromium did not start."""
    text = str(error)
    if "ProcessSingleton" in text or "SingletonLock" in text:
        return (f"its profile {profile} is in use by another browser (a run of another dataset given it as --browser-profile, "
                "or a browser opened on it); let that one end, or give another --browser-profile")
    if "sandboxing failed" in text:   # run as another user than root, where Linux does not let Chromium isolate its pages
        return ("Chromium's sandbox cannot start here (unprivileged user namespaces are not allowed: in a container, say, or "
                "by Ubuntu's AppArmor); allow them, or run harvester as root, for which it leaves the sandbox off")
    if "DISPLAY" in text or "XServer" in text:
        return NO_DISPLAY
    if exited := re.search(r"<process did exit: exitCode=(\d+)", text):
        if exited.group(1) == "21" and os.path.islink(lock := profile / "SingletonLock"):   # Chromium's "profile in use"
            return (f"its profile {profile} is locked by a browser of {os.readlink(lock).rsplit('-', 1)[0]} (another "
                    f"machine, or a container before a restart); if no browser uses it, delete {lock}")
        return f"it exited at once (exit code {exited.group(1)}); is it a Chromium?"
    return first_line(error).split(": ", 1)[-1]
