"""Saved pages on disk: find the HTML files under the paths given, and read each as a Page."""

from __future__ import annotations

import os
import re
from datetime import UTC
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from harvester.errors import InputError
from harvester.fetch.page import Page, decode_html, saved_date, saved_url
from harvester.settings import DEFAULT_MAX_RESPONSE
from harvester.sites import Site, web_address

if TYPE_CHECKING:   # (warcio is imported only for a WARC file)
    from harvester.fetch.archive import Location

HTML_SUFFIXES = (".html", ".htm", ".mhtml", ".mht")   # MHTML: a browser's "Webpage, Single File" (Chrome, Edge)
WARC_SUFFIXES = (".warc", ".warc.gz")
REPORT_PAGE_SUFFIX = ".report.html"   # the page `harvester report` writes beside a dataset: no saved page


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def saved_pages(files: list[Path], site: Site, warnings: list[str]) -> Iterator[tuple[str, Page | Path]]:
    """Every saved page of `files` (as `find_html` finds them), named for messages: .html files (as their paths:
    `read_saved` reads one, in whichever process parses it), and the 200 responses of WARC files (as Pages: a WARC
    file is read in order). What a damaged WARC file holds after its damage is skipped, and said in `warnings`."""
    earlier: dict[tuple[str, str], Location] = {}
    for path in files:
        if not is_warc(path):
            yield printable(str(path)), path
            continue
        from harvester.fetch.archive import read_warc   # (warcio: only for a WARC file)

        try:
            for number, page in enumerate(read_warc(path, earlier, warnings), 1):
                if page.status == 200 and (site.is_search(page.url) or site.doc_id(page.url)):
                    yield printable(f"{path} (response {number}, {page.url})"), page
        except InputError as error:
            warnings.append(f"{error}; the rest of the file is skipped")


def printable(text: str) -> str:
    """Text that UTF-8 can hold: the bytes of a file's name that are no UTF-8 (which Python keeps as lone surrogates)
    become U+FFFD. A page's name may be a record's source_page, and is in the warnings the data package lists."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def find_html(paths: Iterable[Path]) -> list[Path]:
    """Every file named, and every .html/.htm page and WARC file under a named folder, in natural order (page-2 before
    page-10); under a folder, not harvester's own report page, nor what a browser keeps beside a page it saved whole
    (PAGE_files/: its frames and images)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in _files_under(path) if (p.suffix.lower() in HTML_SUFFIXES or is_warc(p))
                         and not p.name.lower().endswith(REPORT_PAGE_SUFFIX) and not _beside_a_page(p, path))
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    if not found:
        raise InputError(f"{', '.join(map(str, paths))}: no .html pages or WARC files found")
    unique: dict[Path, Path] = {}   # a file named twice (by two paths, or within a folder also named) is read once
    for path in found:
        unique.setdefault(path.resolve(), path)
    return sorted(unique.values(), key=_natural)


def _files_under(folder: Path) -> Iterator[Path]:
    """Every file under a folder, its subfolders' too; a subfolder that cannot be read stops the re-parse, as a file
    that cannot be read does (its pages would be missing from the dataset, unsaid)."""
    def unreadable(error: OSError) -> None:
        raise InputError(f"{error.filename}: cannot be read ({error.strerror})")

    for root, _, files in os.walk(folder, onerror=unreadable):
        yield from (Path(root) / name for name in files if (Path(root) / name).is_file())


def _beside_a_page(path: Path, root: Path) -> bool:
    """Whether a file is in a PAGE_files folder (below `root`) beside its PAGE.html."""
    for folder in list(path.relative_to(root).parents)[:-1]:   # (not "." itself: the folder named is read whole)
        page = folder.name.removesuffix("_files")
        if folder.name.endswith("_files") and any((root / folder).with_name(page + suffix).is_file() for suffix in HTML_SUFFIXES):
            return True
    return False


def read_saved(path: Path) -> tuple[Page, str, str | None]:
    """The saved page as a Page (its URL and the time it was saved, where the saving tool recorded them, else ''),
    its text, and what its decoding had to replace (see decode_html)."""
    try:
        if (size := path.stat().st_size) > DEFAULT_MAX_RESPONSE:
            raise InputError(f"{path}: a file of {size:,} bytes, larger than any page harvester takes "
                             f"({DEFAULT_MAX_RESPONSE:,}); not read")
        body = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None
    if is_mhtml(body):
        return _read_mhtml(path, body)
    text, problem = decode_html(body, name=str(path))
    url = saved_url(text) or ""
    if url and not web_address(url):
        raise InputError(f"{path}: saved from {url!r}, which is not a web address: correct it in the page, or save the page again")
    return Page(url, body, fetched_at=saved_date(text)), text, problem


_MHTML = re.compile(rb"^Content-Type:\s*multipart/related", re.I | re.M)


def is_mhtml(body: bytes) -> bool:
    """Whether a saved file is an MHTML file (a MIME message whose first part is the page), whatever its name."""
    return body[:64].lstrip()[:1] != b"<" and _MHTML.search(body, 0, 4096) is not None   # (a page begins with a tag)


def _read_mhtml(path: Path, body: bytes) -> tuple[Page, str, str | None]:
    """The page of an MHTML file (a browser's "Webpage, Single File": the page and what it shows, as one MIME message):
    its HTML part, at the address the part says it came from, saved at the message's date."""
    import email
    import email.policy
    import email.utils

    message = email.message_from_bytes(body, policy=email.policy.compat32)
    part = next((p for p in message.walk() if p.get_content_type() == "text/html"), None)
    if part is None:
        raise InputError(f"{path}: an MHTML file with no HTML page in it; save the page again")
    html = part.get_payload(decode=True) or b""
    text, problem = decode_html(html, part.get("Content-Type", ""), name=str(path))
    url = (part.get("Content-Location") or message.get("Snapshot-Content-Location") or "").strip()
    url = url if url.lower().startswith(("http://", "https://")) else saved_url(text) or ""
    if url and not web_address(url):
        raise InputError(f"{path}: saved from {url!r}, which is not a web address: save the page again")
    try:
        date = email.utils.parsedate_to_datetime(message.get("Date", ""))
        saved = (date if date.tzinfo else date.replace(tzinfo=UTC)).astimezone(UTC).isoformat(timespec="seconds")   # "-0000"
    except (TypeError, ValueError, OverflowError):   # no date, or one no calendar holds
        saved = ""
    return Page(url, html, fetched_at=saved), text, problem


def _natural(path: Path) -> list[object]:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", str(path))]
