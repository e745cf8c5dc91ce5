"""Saved pages on disk: find the HTML files under the paths given, and read each as a Page."""

from __future__ import annotations

import codecs
import os
import re
import zlib
from dataclasses import replace
from datetime import UTC, datetime
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from harvester.errors import InputError, loops
from harvester.fetch.page import GZIP, ZIP, Page, bom_encoding, canonical_link, decode_html, detected_encoding, is_cut_short, saved_date, saved_url
from harvester.settings import DEFAULT_MAX_RESPONSE
from harvester.sites import Site, web_address

if TYPE_CHECKING:   # (warcio is imported only for a WARC file)
    from email.message import Message

    from harvester.fetch.archive import Location

# MHTML: a browser's "Webpage, Single File" (Chrome, Edge); .webarchive: Safari's "Web Archive"
HTML_SUFFIXES = (".html", ".htm", ".mhtml", ".mht", ".webarchive")
WARC_SUFFIXES = (".warc", ".warc.gz")
RUN_FILE = r"-run(\d+)-part\d+\.warc\.gz"   # after a dataset's name: harvester's archive file of one session of one run
REPORT_PAGE_SUFFIX = ".report.html"   # the page `harvester report` writes beside a dataset: no saved page
# what pages packed to be sent or kept are in: archives, and a page, a WARC file or a tar compressed alone (a saved
# page compressed with gzip, PAGE.html.gz, is read as it is; another file so, d.json.gz or d.json.bz2, holds no pages)
PACKED_SUFFIXES = (".zip", ".tgz", ".tbz2", ".txz", ".7z", ".rar")
COMPRESSED_SUFFIXES = (".gz", ".bz2", ".xz", ".zst")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def is_saved_page(path: Path) -> bool:
    """Whether a file's name is a saved page's, compressed with gzip or not (page-0.html, page-0.html.gz)."""
    return Path(path.name.lower().removesuffix(".gz")).suffix in HTML_SUFFIXES


def is_report_page(path: Path) -> bool:
    """Whether a file is harvester's own report page, compressed or not: no saved page."""
    return any(path.name.lower().removesuffix(suffix).endswith(REPORT_PAGE_SUFFIX) for suffix in ("", *COMPRESSED_SUFFIXES))


def saved_pages(files: list[Path], site: Site, warnings: list[str]) -> Iterator[tuple[str, Page | Path]]:
    """Every saved page of `files` (as `find_saved_files` finds them), named for messages: saved page files (as their paths:
    `read_saved` reads one, in whichever process parses it), and the 200 responses of WARC files (as Pages: a WARC
    file is read in order). What a damaged WARC file holds after its damage is skipped, and said in `warnings`."""
    earlier: dict[tuple[str, str], Location] = {}
    unresolved: list = []   # revisits whose response is in a file read after theirs, if given at all
    for path in files:
        if not is_warc(path):
            yield printable(str(path)), path
            continue
        from harvester.fetch.archive import read_warc   # (warcio: only for a WARC file)

        old = 0   # the old site's pages (a crawl of the Wayback Machine's copies holds them): their layout is none read here
        try:
            for number, page in read_warc(path, earlier, warnings, unresolved):
                asked = site_address(page.requested or page.url)   # (in harvester's own file, the page a redirect led to is the one asked for)
                if page.status == 200 and (site.is_search(asked) or site.doc_id(asked)):
                    yield printable(f"{path} (record {number}, {page.url})"), page
                old += page.status == 200 and site.is_old(asked)
        except InputError as error:
            warnings.append(f"{error}; the rest of the file is skipped")
        if old:
            warnings.append(f"{printable(str(path))}: {old} page(s) of the archive's old site, whose layout harvester does "
                            "not read, passed over")
    for revisit in unresolved:
        try:
            page = revisit.page(earlier)
        except InputError as error:
            warnings.append(f"{error}; skipped")
            continue
        if page is None:
            warnings.append(revisit.unmatched())
        elif site.is_search(asked := site_address(page.requested)) or site.doc_id(asked):   # (the page a redirect led to: the one asked for)
            yield printable(f"{revisit.path} (revisit of {page.url})"), page


def printable(text: str) -> str:
    """Text that UTF-8 can hold: the bytes of a file's name that are no UTF-8 (which Python keeps as lone surrogates)
    become U+FFFD. A page's name may be a record's source_page, and is in the warnings the data package lists."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def find_saved_files(paths: Iterable[Path], warcs: bool = True) -> list[Path]:
    """Every file named, and every saved page (HTML_SUFFIXES, gzipped too) and WARC file under a named folder, in natural order (page-2 before
    page-10); under a folder, not harvester's own report page, nor what a browser keeps beside a page it saved whole
    (PAGE_files/: its frames and images). That none is found names WARC files only to a caller that reads them (`warcs`)."""
    found: list[Path] = []
    passed: list[Path] = []   # under a folder, harvester's report pages and packed files: said when no page is found
    for path in paths:
        if path.is_dir():
            for file in _files_under(path):
                wanted = is_saved_page(file) or is_warc(file)
                if is_report_page(file) or (not wanted and _is_packed(file.name.lower())):
                    passed.append(file)
                elif wanted and not _beside_a_page(file, path):
                    found.append(file)
        elif path.is_file() or path.is_symlink():   # (a link that leads to no file: said below, as one in a folder is)
            (passed if is_report_page(path) else found).append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    if gone := next((path for path in found if not path.exists()), None):   # its records would be missing, unsaid
        why = "leads round in a loop back to itself" if loops(str(gone)) else "is not there"
        raise InputError(f"{gone}: a link to {os.readlink(gone)}, which {why}: link it to the saved page, or remove it")
    if not found:
        raise InputError(f"{', '.join(map(str, paths))}: no saved pages ({', '.join(HTML_SUFFIXES)}){' or WARC files' * warcs} found"
                         + _passed_over(passed))
    unique: dict[Path, Path] = {}   # a file named twice (by two paths, or within a folder also named) is read once
    for path in found:
        unique.setdefault(path.resolve(), path)
    return sorted(unique.values(), key=_natural)


def _is_packed(name: str) -> bool:
    inner, dot, suffix = name.rpartition(".")
    return name.endswith(PACKED_SUFFIXES) or (dot + suffix in COMPRESSED_SUFFIXES and (
        inner.endswith(".tar") or is_saved_page(Path(inner)) or is_warc(Path(inner))))


def _passed_over(files: list[Path]) -> str:
    """What a folder held that looked like saved pages and was passed over, and what to do with it, for the message
    that no page was found."""
    def named(files: list[Path]) -> str:
        names = sorted(printable(file.name) for file in files)
        return ", ".join(names[:3] + ["..."] * (len(names) > 3))

    reports = [file for file in files if is_report_page(file)]
    packed = [file for file in files if file not in reports]
    many = len(packed) > 1
    said = [f"it holds {len(packed)} compressed file{'s' * many} ({named(packed)}): decompress {'them' if many else 'it'}, "
            f"and give the pages {'they hold' if many else 'it holds'}"] if packed else []
    if reports:
        said.append(f"{named(reports)}: harvester's own report page{'s' * (len(reports) > 1)}, skipped")
    return "".join(f"; {part}" for part in said)


def _files_under(folder: Path) -> Iterator[Path]:
    """Every file under a folder, its subfolders' too (a link to a folder as well: each folder is read once, and a
    link to a folder above the one named is not followed), and every link to a file that is gone; a subfolder that cannot
    be read stops the re-parse, as a file that cannot be read does (its pages would be missing from the dataset, unsaid)."""
    def unreadable(error: OSError) -> None:
        raise InputError(f"{error.filename}: cannot be read ({error.strerror})")

    top, seen = os.path.realpath(folder), set()
    for root, folders, files in os.walk(folder, onerror=unreadable, followlinks=True):
        if (real := os.path.realpath(root)) in seen or top.startswith(real.rstrip(os.sep) + os.sep):   # read, or above
            folders.clear()
            continue
        seen.add(real)
        yield from (path for name in files if (path := Path(root) / name).is_file() or not path.exists())


def _beside_a_page(path: Path, root: Path) -> bool:
    """Whether a file is in a PAGE_files folder (below `root`) beside its PAGE.html (or PAGE.html.gz)."""
    for folder in list(path.relative_to(root).parents)[:-1]:   # (not "." itself: the folder named is read whole)
        page = folder.name.removesuffix("_files")
        if folder.name.endswith("_files") and any((root / folder).with_name(page + suffix + gzipped).is_file()
                                                  for suffix in HTML_SUFFIXES for gzipped in ("", ".gz")):
            return True
    return False


def read_saved(path: Path) -> tuple[Page, str, str | None]:
    """The saved page as a Page (its URL and the time it was saved, where the saving tool recorded them, else ''; its
    saved_at, that time, else the file's last modification), its text, and what its decoding had to replace (see
    decode_html). The page of an MHTML file or a Safari web archive is the HTML it holds, with the Content-Type it was
    saved with; a page cut short is an InputError."""
    try:
        if (size := (stat := path.stat()).st_size) > DEFAULT_MAX_RESPONSE:
            raise InputError(f"{path}: a file of {size:,} bytes, larger than any page harvester takes "
                             f"({DEFAULT_MAX_RESPONSE:,}); not read")
        body = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None
    if body.startswith(GZIP):   # gzip -r over a folder, a server's saved copy, a download asked with gzip kept as it came
        body = _gunzipped(path, body)
    if body.startswith(ZIP) and path.suffix.lower() == ".zip":   # pages zipped to be sent (an Office file is a zip too)
        raise InputError(f"{path}: a zip archive, not a page: unzip it, and give the pages it holds")
    page = _mhtml_page(path, body) if is_mhtml(body) else _webarchive_page(path, body) if is_property_list(body) \
        else Page("", body)
    text, problem = decode_html(page.body, page.headers.get("content-type", ""), name=str(path))
    page, text = as_the_site_served(page, text)
    url = page.url or saved_url(text) or ""
    if url and not web_address(url):
        raise InputError(f"{path}: saved from {url!r}, which is not a web address: correct it in the page, or save the page again")
    check_whole(str(path), text)
    if _is_translated(text):
        raise InputError(f"{path}: a machine translation of the page (Chrome's, Edge's or Google Translate's): its titles, "
                         "dates and names would be read as translated; save the page untranslated")
    fetched_at = page.fetched_at or saved_date(text)
    try:   # (a time no calendar holds, set by hand: the copy is undated)
        modified = datetime.fromtimestamp(stat.st_mtime, UTC).isoformat(timespec="seconds")
    except (OverflowError, OSError, ValueError):
        modified = ""
    return replace(page, url=url, fetched_at=fetched_at, saved_at=fetched_at or modified), text, problem


def _gunzipped(path: Path, body: bytes) -> bytes:
    """The page a file compressed with gzip holds (no larger than any page harvester takes): its members, one after
    another, and not what follows the last (padding, junk appended), as the gzip command reads a file."""
    page, at, view = bytearray(), 0, memoryview(body)
    while body.startswith(GZIP, at):
        member = zlib.decompressobj(31)   # (31: gzip's header and trailer)
        try:   # (fed a block at a time: at a member's end, zlib copies what it was given after it, the file's rest were it given)
            while not member.eof and at < len(body):
                block = view[at:at + 8192]
                page += member.decompress(block, DEFAULT_MAX_RESPONSE + 1 - len(page))
                at += len(block) - len(member.unused_data)
                if len(page) > DEFAULT_MAX_RESPONSE:
                    raise InputError(f"{path}: compressed with gzip, a page larger than any harvester takes "
                                     f"({DEFAULT_MAX_RESPONSE:,} bytes); not read")
        except zlib.error:   # (not gzip after its first bytes, or damaged)
            pass
        if not member.eof:   # damaged, or cut short
            raise InputError(f"{path}: compressed with gzip, and cut short or damaged: save the page again")
    tar = page[257:262] == b"ustar" and b"\0" in page[:257]   # (a tar header's mark, after a name padded with NULs: no page's)
    if tar or page.startswith((GZIP, ZIP)):   # a .tar.gz or .tgz, or gzip over gzip or zip
        raise InputError(f"{path}: compressed with gzip, and what it holds is packed again (a tar or zip archive, or gzip), not a "
                         "page: unpack it, and give the pages it holds")
    return bytes(page)


def check_whole(label: str, text: str) -> None:
    """A saved page is read only whole: one cut short (a save or a download stopped before its end) would give a
    dataset short of its last cards, unsaid."""
    if is_cut_short(text):
        if "<html" not in text.lower():
            raise InputError(f"{label}: not an HTML page (no <html> tag in it); give saved pages "
                             f"({', '.join(HTML_SUFFIXES)}) or WARC files")
        raise InputError(f"{label}: the saved page is cut short (it stops before </html>): save it again")


_CHROME_TRANSLATED = re.compile(r"""<html\b[^>]*\bclass=["']?[^"'>]*\btranslated-(?:ltr|rtl)\b""", re.I)


def _is_translated(text: str, head: int = 4096) -> bool:
    """Whether a page was saved as a browser's translation shows it: Chrome's class on <html>, Edge's marks on what it
    translated (its title first), the parameters of Google Translate's copy of a site in the address it was saved from."""
    return (text.find("_msttexthash=", 0, head) >= 0 or text.find("_x_tr_sl=", 0, head) >= 0
            or (text.find("translated-", 0, head) >= 0 and _CHROME_TRANSLATED.search(text, 0, head) is not None))


# the Wayback's prefix of an address in an attribute (or the saved-from mark, or SingleFile's "url: "), not in the page's
# text: a summary may cite one
_WAYBACK_PREFIX = re.compile(r"(?:(?<=[\"'()=])|(?<=url: ))(?:https?:)?(?://web\.archive\.org)?/web/(\d{14})(?:[a-z]{2}_)?/"
                             r"(?=https?:)")
# what it shows for a redirect it captured, or for an address it has no copy of, an element's whole text (a page's
# summary may quote it)
_WAYBACK_NOTICE = re.compile(r">\s*(Got an HTTP \d{3} response at crawl time|The Wayback Machine has not archived that URL\."
                             r"|This URL has been excluded from the Wayback Machine\.)\s*<")


def wayback_notice(text: str) -> str | None:
    """The notice the Wayback Machine shows in place of a capture (the site answered with a redirect when it crawled,
    or it has none)."""
    found = _WAYBACK_NOTICE.search(text)
    return found[1] if found else None


_WAYBACK_TOOLBAR = re.compile(r"<!-- BEGIN WAYBACK TOOLBAR INSERT -->.*?<!-- END WAYBACK TOOLBAR INSERT -->", re.S)


def as_the_site_served(page: Page, text: str) -> tuple[Page, str]:
    """A saved page, or a response of a WARC file, as the site served it: the Wayback Machine's copy made the site's."""
    return _from_wayback(page, text) if _is_wayback(page.url, text) else (page, text)


def site_address(url: str) -> str:
    """An address without the Wayback's prefix (https://web.archive.org/web/20240115093012/https://...), if it has one."""
    return _WAYBACK_PREFIX.sub("", f'"{url}')[1:]   # (as an attribute holds it)


def _is_wayback(url: str, text: str) -> bool:
    """Whether a saved page is the Wayback Machine's copy: its address, the one it was saved from or its canonical link
    is the Wayback's, or its first lines load the Wayback's scripts (a page that only cites the Wayback is not one)."""
    if "web.archive.org/web/" in url:
        return True
    if text.find("web.archive.org", 0, 4096) < 0:   # (most pages: quickly)
        return False
    return text.find("__wm.", 0, 4096) >= 0 or any("web.archive.org/web/" in (found or "")
                                                    for found in (saved_url(text), canonical_link(text)))


def _from_wayback(page: Page, text: str) -> tuple[Page, str]:
    """A page of the Internet Archive's Wayback Machine as the site served it: every address without the Wayback's
    prefix (https://web.archive.org/web/20240115093012/https://...), without the Wayback's toolbar, fetched when the
    Wayback captured it, which its addresses say (UTC)."""
    quoted = f'"{page.url}'   # (the page's own address, as an attribute holds it)
    first = _WAYBACK_PREFIX.search(quoted) or _WAYBACK_PREFIX.search(text)
    try:
        captured = datetime.strptime(first[1], "%Y%m%d%H%M%S").replace(tzinfo=UTC).isoformat() if first else ""
    except ValueError:   # digits that are no time
        captured = ""
    text = _WAYBACK_TOOLBAR.sub("", _WAYBACK_PREFIX.sub("", text))
    return replace(page, url=site_address(page.url), requested=site_address(page.requested), body=text.encode("utf-8"),
                   headers={"content-type": "text/html; charset=utf-8"}, fetched_at=captured or page.fetched_at), text


_MHTML = re.compile(rb"^Content-Type:\s*multipart/related", re.I | re.M)


def is_mhtml(body: bytes) -> bool:
    """Whether a saved file is an MHTML file (a MIME message whose first part is the page), whatever its name."""
    return body[:64].lstrip()[:1] != b"<" and _MHTML.search(body, 0, 4096) is not None   # (a page begins with a tag)


def _mhtml_page(path: Path, body: bytes) -> Page:
    """The page of an MHTML file (a browser's "Webpage, Single File": the page and what it shows, as one MIME message):
    its root part (the one the message's `start` names, else the one at the address the message says it is a snapshot
    of, else its first HTML part: a frame may come before the page), at the address the part says it came from, saved
    at the message's date."""
    import email
    import email.policy
    import email.utils

    message = email.message_from_bytes(body, policy=email.policy.compat32)
    pages = [p for p in message.walk() if p.get_content_type() == "text/html"]
    start = message.get_param("start") or ""   # (written start*=utf-8''...: a tuple of its charset, language and value)
    start = (email.utils.collapse_rfc2231_value(start) if isinstance(start, tuple) else start).strip()
    snapshot = _header(message, "Snapshot-Content-Location")
    part = next((p for p in pages if start and _header(p, "Content-ID") == start), None) \
        or next((p for p in pages if snapshot and _header(p, "Content-Location") == snapshot), None) \
        or next(iter(pages), None)
    if part is None:
        raise InputError(f"{path}: an MHTML file with no HTML page in it; save the page again")
    url = _header(part, "Content-Location") or snapshot
    try:
        date = email.utils.parsedate_to_datetime(_header(message, "Date"))
        saved = (date if date.tzinfo else date.replace(tzinfo=UTC)).astimezone(UTC).isoformat(timespec="seconds")   # "-0000"
    except (TypeError, ValueError, OverflowError):   # no date, or one no calendar holds
        saved = ""
    return Page(url if url.lower().startswith(("http://", "https://")) else "", part.get_payload(decode=True) or b"",
                headers={"content-type": _header(part, "Content-Type") or "text/html"}, fetched_at=saved)


def _header(part: Message, name: str) -> str:
    """A header of an MHTML file as text; one of raw bytes, not MIME-encoded (an address with an 'é', edited by hand),
    read as a page's bytes are (UTF-8, else an editor's Windows-1252): the email module gives it as a Header object.
    (Its newer policy, which would read it as UTF-8 only, takes minutes over a long header.)"""
    import email.header

    value = part.get(name) or ""
    if not isinstance(value, str):
        raw = b"".join(text for text, _ in email.header.decode_header(value))
        value = raw.decode(detected_encoding(raw), "replace")
    return value.strip()


# a property list as XML (a web archive converted to read it, as plutil -convert xml1 does): an XML declaration or its
# doctype before its <plist> tag (which alone may be the text an HTML page opens with), with blank lines and comments
# between them, as XML allows (an editor's, a converter's); a comment holds no "--", so none runs on past its own end
_MISC = r"(?:\s|<!--(?:[^-]|-(?!-))*-->)*"
_XML_PLIST = re.compile(rf"{_MISC}(?:<\?xml[^>]*>{_MISC})?<!DOCTYPE plist\b|\s*<\?xml[^>]*>{_MISC}<plist\b")


def is_property_list(body: bytes) -> bool:
    """Whether a saved file is a property list (a Safari web archive), binary as Safari writes it or as XML (in the
    encoding its byte-order mark says, as an editor may save it again)."""
    encoding = bom_encoding(body) or "utf-8"
    return body.startswith(b"bplist") or _XML_PLIST.match(body[:1024].decode(encoding, errors="replace")) is not None


def _webarchive_page(path: Path, body: bytes) -> Page:
    """The page of a Safari web archive (a property list: the page, at its address, and what it shows)."""
    import plistlib
    from xml.parsers.expat import ExpatError   # (an XML one torn, or no XML at all)

    try:
        if body.startswith(b"bplist"):
            archive = plistlib.loads(body, fmt=plistlib.FMT_BINARY)
        else:   # (as XML whatever comes before its declaration or doctype: plistlib alone tells XML by its first bytes)
            # without blank lines before a declaration, which XML refuses, an editor's, after its byte-order mark too
            xml = body.decode("utf-16").lstrip().encode("utf-16") if bom_encoding(body) == "utf-16" \
                else body.removeprefix(codecs.BOM_UTF8).lstrip()
            archive = plistlib.loads(xml, fmt=plistlib.FMT_XML)
    except (plistlib.InvalidFileException, ExpatError, ValueError, TypeError, AttributeError, OverflowError):
        raise InputError(f"{path}: a property list that is no Safari web archive harvester can read; save the page "
                         "again") from None
    if not isinstance(archive, dict) or not {"WebMainResource", "WebSubresources"} & archive.keys():   # (an app's settings)
        raise InputError(f"{path}: a property list, not a Safari web archive; save the page again")
    main = archive.get("WebMainResource") or {}
    if not isinstance(main, dict) or main.get("WebResourceMIMEType") != "text/html" or not isinstance(main.get("WebResourceData"), bytes):
        raise InputError(f"{path}: a Safari web archive with no HTML page in it; save the page again")
    url, charset = main.get("WebResourceURL"), main.get("WebResourceTextEncodingName")
    return Page(url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else "", main["WebResourceData"],
                headers={"content-type": "text/html" + (f"; charset={charset}" if isinstance(charset, str) else "")})


_COPY_NUMBER = re.compile(r" ?\((\d+)\)(?=\.[^./]+$)")   # "page-0 (1).html": a browser's name for a second save of page-0.html


def _natural(path: Path) -> list[object]:
    """The order files are read in: by name, page-2 before page-10, and a browser's second save of a page after the
    first ("page-0 (1).html" after "page-0.html"), so that of two copies saved in one second the later saved is read last;
    harvester's archive files last, by their names first, whatever their folders, so a run's pages after an earlier run's
    (and never by a name against another file's path, which a folder given by a relative path would change)."""
    run = re.fullmatch(".+" + RUN_FILE, path.name)
    name = f"{path.name}/{path}" if run else str(path)
    copy = _COPY_NUMBER.search(name)
    plain = name[:copy.start()] + name[copy.end():] if copy else name
    return [bool(run)] + [int(part) if part.isdecimal() else part for part in re.split(r"(\d+)", plain)] + [int(copy[1]) if copy else 0]
