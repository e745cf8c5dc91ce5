"""The Page type: one fetched or saved response, and how its bytes become text."""

from __future__ import annotations

import codecs
import html
import importlib
import re
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from harvester.errors import InputError

if TYPE_CHECKING:
    from harvester.fetch.archive import Location

_HEAD = 20000   # characters: where a saving tool writes what it records (searched in place, not copied)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_:.-]+)""", re.I)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.I)
_HTML_END, _HTML_END_BYTES = re.compile("</html", re.I), re.compile(b"</html", re.I)
_SINGLEFILE_URL = re.compile(r"<!--\s*Page saved with SingleFile\s+url:\s*(\S+)", re.I)
_SINGLEFILE_DATE = re.compile(r"<!--\s*Page saved with SingleFile.*?saved date:\s*\w{3} (\w{3} \d{1,2} \d{4} [\d:]{8} GMT[+-]\d{4})",
                              re.I | re.S)
_CANONICAL = re.compile(
    r"""<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)["']|<link[^>]+href=["']([^"']+)["'][^>]*rel=["']canonical["']""",
    re.I,
)
# what only a challenge carries: an ordinary page of a Cloudflare site may load /cdn-cgi/challenge-platform/ too (its
# JavaScript detections), so that path is no mark of one
_CHALLENGE_MARKERS = (
    "<title>just a moment...</title>",
    "cf-browser-verification",
    "cf_chl_opt",
    "enable javascript and cookies to continue",
)


class Unreadable(ValueError):
    """An answer that cannot be read: compressed in a way harvester cannot undo, or to more than a page's size."""


PACKAGES = {"br": "brotli", "zstd": "zstandard"}   # the compressions of the web that Python does not undo itself


def unpacked(body: bytes, codings: list[str], limit: int) -> bytes:
    """`body` with its codings (Content-Encoding's, then Transfer-Encoding's) undone, the last applied first, to at most
    `limit` bytes (Unreadable past it). A body that does not decode as its coding (a tool that kept the header over the
    body it had decoded), or a label that names no compression ("none", "utf-8"), is taken as it is, as browsers do."""
    for coding in reversed([coding for coding in codings if coding not in ("", "identity", "chunked")] if body else []):
        if coding in ("compress", "x-compress"):   # (Unix compress: no library of Python's reads it)
            raise Unreadable(f"its body is compressed as {coding!r}, which harvester cannot undo")
        try:
            if coding in ("gzip", "x-gzip", "deflate"):
                try:
                    plain = zlib.decompressobj(32 + zlib.MAX_WBITS).decompress(body, limit + 1)   # gzip, zlib
                except zlib.error:
                    if coding != "deflate":
                        raise
                    unpacker = zlib.decompressobj(-zlib.MAX_WBITS)   # deflate sent without its zlib header, as servers may
                    plain = unpacker.decompress(body, limit + 1)
                    plain = plain if unpacker.eof else body   # not a whole stream: the body was no such thing
            elif coding == "br":
                plain = importlib.import_module("brotli").Decompressor().process(body, output_buffer_limit=limit + 1)
            elif coding == "zstd":
                plain = importlib.import_module("zstandard").ZstdDecompressor().decompress(body, max_output_size=limit + 1)
            else:
                plain = body
        except ModuleNotFoundError:
            raise Unreadable(f"its body is compressed as {coding}, which needs the {PACKAGES[coding]} package to be read "
                             f"(pip install {PACKAGES[coding]})") from None
        except Exception:   # each library raises its own error
            plain = body
        if len(plain) > limit:
            raise Unreadable(f"its body unpacks to more than {limit:,} bytes")
        body = plain
    return body


@dataclass(frozen=True)
class Page:
    """A response as received (or as saved): where it came from, its status, headers and raw body."""

    url: str
    body: bytes
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    fetched_at: str = ""
    requested: str = ""        # the URL asked for (it differs from url when a redirect led elsewhere; "" for a saved page)
    archived: Location | None = None   # where the run's WARC holds this response (a 304's: the response it confirms)
    saved_at: str = ""         # a saved file's: when it was saved, to choose between copies (its fetched_at, else its file's time)

    def text(self) -> str:
        """The body as text (see `decoded`)."""
        return self.decoded()[0]

    def decoded(self, name: str = "") -> tuple[str, str | None]:
        """The body decoded with the charset the response or the page itself declares, and what went wrong, if anything
        (said of `name`, else of its address: a WARC file's response is named by its file too)."""
        return decode_html(self.body, self.headers.get("content-type", ""), name or self.url)


def later_copy(time: str | None, kept: str | None) -> bool:
    """Whether a copy of a page fetched (or saved) at `time` replaces one fetched at `kept`: of two dated copies the
    later (or the one read last, if as late); a dated copy an undated one (a browser's own "save page" says no time);
    of two undated copies, the one read last."""
    if is_time(time) != is_time(kept):
        return is_time(time)
    return not is_time(time) or datetime.fromisoformat(time or "") >= datetime.fromisoformat(kept or "")


def copy_rule(time: str | None, kept: str | None) -> str:
    """How `later_copy` chose between two copies, in words."""
    if is_time(time) and is_time(kept):
        return "the later saved" if datetime.fromisoformat(time) != datetime.fromisoformat(kept) else "the later by name: saved at one time"
    return "the one that says when it was saved" if is_time(time) or is_time(kept) else \
        "the later by name: neither says when it was saved"


def is_time(value: object) -> bool:
    """Whether a value is a time as harvester writes them (ISO 8601, with its time zone: runs' starts are compared)."""
    try:
        return isinstance(value, str) and datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


GZIP, ZIP = b"\x1f\x8b", b"PK\x03\x04"   # how a gzip file and a zip archive begin
_BINARY = (b"%PDF-", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", ZIP, GZIP)   # PDF, images, zip, gzip


def decode_html(body: bytes, content_type: str = "", name: str = "page") -> tuple[str, str | None]:
    """HTML bytes as text, in the encoding a byte-order mark, the HTTP charset or <meta charset> declares, else in the
    one the bytes are (UTF-8, or Windows-1252 when they cannot be UTF-8). Bytes that do not fit the encoding are
    replaced where they are, and said (the second value); an empty or binary body is an InputError."""
    if not body.strip():
        raise InputError(f"{name}: the page is empty")
    start = body[:8192]
    utf16 = body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if body.startswith(_BINARY) or (not utf16 and start.count(b"\x00") > len(start) // 100):
        raise InputError(f"{name}: this is a binary file, not an HTML page")
    encoding = bom_encoding(body) or _declared(body, content_type) or detected_encoding(body)
    try:
        return body.decode(encoding), None
    except UnicodeDecodeError as error:
        text = body.decode(encoding, errors="replace")
        bad = text.count("\ufffd") - body.count("\ufffd".encode())
        return text, (f"{name}: {bad} byte{'s' if bad != 1 else ''} not valid {encoding} (the first at byte {error.start}), "
                      "replaced by \ufffd; the rest of the page is read as it is")


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def bom_encoding(body: bytes) -> str | None:
    """The encoding the byte-order mark a body begins with says, if it begins with one."""
    return next((encoding for bom, encoding in _BOMS if body.startswith(bom)), None)


def _declared(body: bytes, content_type: str) -> str | None:
    """The HTTP charset, else the page's <meta charset>; but UTF-8 for a page whose bytes beyond ASCII are UTF-8, which
    a single-byte charset's text almost never is (a page saved as UTF-8 that kept an old meta: browsers re-encode what
    they save; a server's default charset sent with the site's UTF-8 pages), though a server's UTF-16 is taken at its
    word, as a browser takes it; None when neither is a known encoding."""
    sent, meta = re.search(r"charset\s*=\s*[\"']?([\w:.-]+)", content_type, re.I), _meta_charset(body)
    declared = sent[1] if sent and _known(sent[1]) else meta if meta and _known(meta) else None
    # as the HTML standard reads those labels: a page so labelled is Windows-1252 (its curly quotes and dashes, which
    # Latin-1 reads as control codes)
    if declared and codecs.lookup(declared).name in ("iso8859-1", "ascii"):
        declared = "cp1252"
    # (a page that says UTF-8 is decoded as such once, not first checked by decoding it)
    return declared if declared is None or codecs.lookup(declared).name.startswith("utf") or not _is_utf8(body) else "utf-8"


def detected_encoding(body: bytes) -> str:
    """UTF-8, unless the bytes beyond ASCII hold no UTF-8 sequence at all (a single-byte charset, most likely Windows-1252)."""
    return "utf-8" if body.isascii() or _UTF8_SEQUENCE.search(body) else "cp1252"


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _is_utf8(body: bytes) -> bool:
    """Whether bytes beyond ASCII are UTF-8: most of them make its sequences, which text in a single-byte charset almost
    never does ("daß“" once), while a UTF-8 page may hold a byte cut mid-character (replaced and said)."""
    beyond_ascii = len(body) - len(body.translate(None, bytes(range(128, 256))))
    return 2 * sum(map(len, _UTF8_SEQUENCE.findall(body))) > beyond_ascii


def _meta_charset(body: bytes) -> str | None:
    """The page's <meta charset>; one that says UTF-16 (or UTF-32) is UTF-8, as the HTML standard has browsers read it (a
    page the meta could be read from is neither: such a page starts with its byte-order mark)."""
    match = _META_CHARSET.search(body[:4096])
    charset = match.group(1).decode("ascii") if match else None
    return "utf-8" if charset and charset.lower().replace("-", "").replace("_", "").startswith(("utf16", "utf32")) else charset


def _known(encoding: str) -> bool:
    """An encoding web pages are written in (the HTML standard's, as Python names them); Python's others (punycode,
    UTF-7, base64, ...) are no page's, and a page that names one is read as if it named none."""
    try:
        return codecs.lookup(encoding).name in _WEB_ENCODINGS
    except LookupError:
        return False


_WEB_ENCODINGS = frozenset({
    "utf-8", "utf-16", "utf-16-le", "utf-16-be", "cp866", "koi8-r", "koi8-u", "mac-roman", "tis-620", "ascii",
    *(f"iso8859-{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 13, 14, 15, 16)), *(f"cp{n}" for n in (874, *range(1250, 1259))),
    "gbk", "gb2312", "gb18030", "big5", "big5hkscs", "euc_jp", "iso2022_jp", "shift_jis", "euc_kr"})


def saved_url(text: str) -> str | None:
    """The URL a saved page came from, when the saving tool recorded it (a browser's mark, SingleFile's comment, or
    the canonical link, whose entities are decoded as any attribute's: a browser writes & in it as &amp;)."""
    match = _SAVED_FROM.search(text, 0, _HEAD) or _SINGLEFILE_URL.search(text, 0, _HEAD)
    if match and match.group(1).lower().startswith(("http://", "https://")):
        return match.group(1)
    return canonical_link(text)   # or the mark is a copy's ("file:///home/me/Downloads/page.html", "about:internet")


def canonical_link(text: str) -> str | None:
    """The page's canonical link (its entities decoded, as any attribute's: a browser writes & in it as &amp;)."""
    match = _CANONICAL.search(text, 0, _HEAD)
    return html.unescape(match.group(1) or match.group(2)) if match else None


def saved_date(text: str) -> str:
    """When the page was saved, if the saving tool wrote it down (SingleFile does: "saved date: Thu Dec 04 2026
    13:05:09 GMT+0100 (...)"), as an ISO 8601 time; else '' (a browser's own "save page" records no date, and a
    file's modification time is when it was copied, not saved); in UTC, as every time harvester writes."""
    match = _SINGLEFILE_DATE.search(text, 0, _HEAD)
    if not match:
        return ""
    try:
        return datetime.strptime(match.group(1), "%b %d %Y %H:%M:%S GMT%z").astimezone(UTC).isoformat(timespec="seconds")
    except (ValueError, OverflowError):   # no date, or one that in UTC falls outside the years 1 to 9999
        return ""


def is_cut_short(body: bytes | str) -> bool:
    """True for an HTML document that stops before its closing </html> tag (a truncated download or save): no such tag
    in its last TAIL characters, which leaves room for what a proxy or a cache appends after it, but not for one early
    in a page cut short (a script's text may hold the tag)."""
    start = max(0, len(body) - TAIL)
    return (_HTML_END_BYTES if isinstance(body, bytes) else _HTML_END).search(body, start) is None


TAIL = 16_384


def looks_like_html(page: Page) -> bool:
    """True for a response that begins as HTML does, or says it is HTML and is not binary (a server may send a page
    with no type, or anything with its HTML type)."""
    start = page.body[:512].lstrip(codecs.BOM_UTF8 + b" \t\r\n").lower()
    return start.startswith((b"<!doctype html", b"<html", b"<!--")) or (
        "html" in page.headers.get("content-type", "") and not page.body.startswith(_BINARY))


SECRET_HEADERS = frozenset({"set-cookie", "cookie", "authorization"})


def redacted(headers: dict[str, str]) -> dict[str, str]:
    """Headers with the values of cookies (and credentials) taken out: they never reach the WARC, the state or a log."""
    return {name: "(redacted)" if name.lower() in SECRET_HEADERS else value for name, value in headers.items()}


def is_challenge(html: str) -> bool:
    """True for a bot-protection interstitial ("Just a moment..."), which is never a results page."""
    head = html[:60000].lower()
    return any(marker in head for marker in _CHALLENGE_MARKERS)


def is_challenge_answer(status: int, headers: dict[str, str], body: bytes) -> bool:
    """A bot-protection interstitial ("Just a moment..."): by its header, else by the marks in its body."""
    if status in (403, 503) and headers.get("cf-mitigated", "").lower() == "challenge":
        return True
    return is_challenge(body[:60000].decode("utf-8", "replace"))
