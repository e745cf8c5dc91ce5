"""One frozen Settings value: politeness, limits and timeouts, with safe named defaults."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from harvester import __version__
from harvester.errors import UsageError

DEFAULT_DELAY = 3.0          # seconds from the start of one request to the site to the start of the next
MAX_DELAY = 3600.0           # seconds: a longer delay is a mistake (an hour between two pages)
DEFAULT_MAX_RESPONSE = 20_000_000  # bytes; a results page is about 50 KB
DEFAULT_MAX_PDF_MB = 100.0   # megabytes (1,000,000 bytes): the largest original scan --pdfs downloads


def _finite(number: float) -> bool:
    try:
        return math.isfinite(number)
    except OverflowError:   # a whole number too large for any float (a harvests file's 1 and 400 zeros)
        return False


def _said(number: float) -> str:
    """A number as it was given: 5000 (a float of the command line, 5000.0), and a whole number of any size."""
    return str(number).removesuffix(".0")


@dataclass(frozen=True)
class Settings:
    """How a harvest behaves. The defaults are polite enough for the live site."""

    base_url: str | None = None      # another origin for the site (a mirror, a local server); None: the site's own
    delay: float = DEFAULT_DELAY
    timeout: float = 30.0            # seconds to connect, and between bytes of a response
    response_deadline: float = 120.0 # seconds for a whole response, however its bytes trickle in
    max_crawl_delay: float = 60.0    # the longest delay robots.txt's Crawl-delay may ask for; longer is capped, with a warning
    attempts: int = 5                # tries per URL before giving up
    retry_wait_cap: float = 60.0     # longest single wait between tries, Retry-After included
    retry_total_cap: float = 300.0   # longest time spent on one URL, waits included
    max_retries: int = 100           # retries in a whole run before it stops: the site is unwell, stop asking
    max_response_bytes: int = DEFAULT_MAX_RESPONSE
    max_pages: int | None = None     # stop after this many results pages (completeness is then not checked)
    refetch_rounds: int = 2          # extra passes over the pages when documents are missing
    allow_incomplete: bool = False   # write the dataset even when documents are missing
    contact: str = ""                # a URL or e-mail the archive can reach you at; goes in the User-Agent
    resume_within: float = 24.0      # hours: an interrupted run younger than this is resumed, an older one started afresh
    details: bool = False            # also fetch each result's document page and add its fields
    transcript_in_csv: bool = False  # with details: put the (long) transcript in the CSV too
    fetch: str = "http"              # "http": httpx; "browser": a real Chromium (fetch/browser.py)
    browser_path: str | None = None  # the Chromium or Chrome to drive (None: the usual names and places)
    browser_profile: Path | None = None   # its profile, cookies and all (None: in the dataset's state folder)
    show_browser: bool = False       # a visible window, where a person can complete a check
    challenge_wait: float = 30.0     # seconds a bot challenge may take to pass by itself in the browser
    person_wait: float = 600.0       # seconds a person has to complete a check in the shown browser window
    cookies: Path | None = None      # a cookies.txt of a session a person's browser cleared (plain client)
    own_user_agent: str | None = None    # that browser's User-Agent, sent as it is (a clearance is bound to it)
    pdfs: bool = False               # with details: download each document's original scan into DIR/pdfs/
    max_pdf_mb: float = DEFAULT_MAX_PDF_MB   # megabytes (1,000,000 bytes): a larger scan is refused (a failed download)

    def __post_init__(self) -> None:
        """The limits a person gives, checked in one place for the command line and the harvests file (whose keys
        `config.as_keys` puts in place of the options named here)."""
        for option, value, low in (("--delay", self.delay, 0), ("--challenge-wait", self.challenge_wait, 1)):
            if not (_finite(value) and low <= value <= MAX_DELAY):
                raise UsageError(f"{option} {_said(value)}: give seconds, {low} to {MAX_DELAY:g}")
        if self.max_pages is not None and self.max_pages < 1:
            raise UsageError(f"--max-pages {self.max_pages}: give 1 or more (leave it out for every page)")
        if not (_finite(self.max_pdf_mb) and self.max_pdf_mb > 0):
            raise UsageError(f"--max-pdf-mb {_said(self.max_pdf_mb)}: give megabytes, more than 0")
        if self.pdfs and not self.details:
            raise UsageError("--pdfs needs --details: a document's PDF is linked from its page")

    @property
    def max_pdf_bytes(self) -> int:
        return round(self.max_pdf_mb * 1_000_000)

    @property
    def product_token(self) -> str:
        """harvester's own part of a User-Agent: the tool, its version, and how to reach whoever runs it."""
        if self.contact:
            return f"harvester/{__version__} (research data harvester; +{self.contact})"
        return f"harvester/{__version__} (research data harvester; contact: not set, see harvester harvest --help)"

    @property
    def user_agent(self) -> str:
        """The plain client's User-Agent: harvester's own, or the one given with a browser's cookies."""
        return self.own_user_agent or self.product_token
