"""The Page type: one fetched or saved response, and how its bytes become text."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from harvester.errors import InputError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_:.-]+)""", re.I)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.I)
_CANONICAL = re.compile(
    r"""<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)["']|<link[^>]+href=["']([^"']+)["'][^>]*rel=["']canonical["']""",
    re.I,
)
_CHALLENGE_MARKERS = (
    "/cdn-cgi/challenge-platform/",
    "<title>just a moment...</title>",
    "cf-browser-verification",
    "cf_chl_opt",
    "enable javascript and cookies to continue",
)


@dataclass(frozen=True)
class Page:
    """A response as received (or as saved): where it came from, its status, headers and raw body."""

    url: str
    body: bytes
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    fetched_at: str = ""
    requested: str = ""        # the URL asked for, when a redirect led elsewhere (else the same as url)

    def text(self) -> str:
        """The body decoded with the charset the response or the page itself declares."""
        return decode_html(self.body, self.headers.get("content-type", ""), self.url)


def decode_html(body: bytes, content_type: str = "", name: str = "page") -> str:
    """Decode HTML bytes: BOM, then HTTP charset, then <meta charset>, then UTF-8; refuse empty or binary."""
    if not body.strip():
        raise InputError(f"{name}: the page is empty")
    if b"\x00" in body[:8192] and not body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(f"{name}: this is a binary file, not an HTML page")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if body.startswith(bom):
            return body.decode(encoding, errors="replace")
    declared, sent = _meta_charset(body), _http_charset(content_type)
    if not sent and declared and _known(declared) and (text := _as_utf8(body)) is not None:
        return text  # a page saved as UTF-8 that kept its old <meta charset> (browsers re-encode what they save)
    for encoding in (sent, declared, "utf-8"):
        if encoding and _known(encoding):
            try:
                return body.decode(encoding)
            except UnicodeDecodeError:
                continue
    return body.decode("cp1252", errors="replace")


def _as_utf8(body: bytes) -> str | None:
    """The text of bytes beyond ASCII that decode as UTF-8 (text in any single-byte charset almost never does), else
    None."""
    if body.isascii():
        return None
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _http_charset(content_type: str) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([\w:.-]+)", content_type, re.I)
    return match.group(1) if match else None


def _meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii") if match else None


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return False
    return True


def saved_url(html: str) -> str | None:
    """The URL a saved page came from, when the saving tool recorded it (browser mark, or canonical link)."""
    head = html[:20000]
    match = _SAVED_FROM.search(head)
    if match:
        return match.group(1)
    match = _CANONICAL.search(head)
    return (match.group(1) or match.group(2)) if match else None


def is_cut_short(body: bytes | str) -> bool:
    """True for an HTML document that stops before its closing </html> tag (a truncated download or save)."""
    tail = body[-1024:].lower()
    return (b"</html" if isinstance(tail, bytes) else "</html") not in tail


def looks_like_html(page: Page) -> bool:
    """True for a response that says it is HTML or begins as HTML does (a server may send it with no type)."""
    start = page.body[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return "html" in page.headers.get("content-type", "") or start.startswith((b"<!doctype html", b"<html", b"<!--"))


def is_challenge(html: str) -> bool:
    """True for a bot-protection interstitial ("Just a moment..."), which is never a results page."""
    head = html[:60000].lower()
    return any(marker in head for marker in _CHALLENGE_MARKERS)
