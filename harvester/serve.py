"""Serve a folder of saved pages on 127.0.0.1 under the URLs they were saved from, so harvests run offline.

Any other file under a folder (a document's PDF) is served at its path in the folder, as a static server would:
fixtures/wilson/documents/sites/default/files/documents/120194.pdf at /sites/default/files/documents/120194.pdf.
Each file, a saved page too, with its file's time as Last-Modified and a tag of its bytes as ETag, which a conditional
request is answered 304 on."""

from __future__ import annotations

import email.utils
import errno
import hashlib
import logging
import mimetypes
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from harvester.errors import InputError, UsageError
from harvester.fetch.page import Page, copy_rule, later_copy
from harvester.fetch.saved import HTML_SUFFIXES, find_saved_files, is_saved_page, is_warc, read_saved
from harvester.parse.document import wayback_stand_in
from harvester.sites import TRACKING, get_site, own_path, unnumbered

log = logging.getLogger("harvester")

ALLOW_ALL_ROBOTS = b"User-agent: *\nDisallow:\n"


def request_key(url: str) -> str:
    """Path plus sorted query parameters, '+' and '%20' alike, page=0 the same as no page, and the numbers of
    numbered parameters (f[1]=..., as a browser's address may number facets) left out; a parameter given twice, or
    empty (search_api_fulltext=, as the site's search form sends it), counts as once, or as not given; a shared link's
    tracking (utm_source), which harvester never sends, as not given; the path without Drupal's front file
    (/index.php/search is /search, as harvester asks for it) nor a slash at its end."""
    parts = urlsplit(url)
    params = sorted({(unnumbered(k), v) for k, v in parse_qsl(parts.query)
                     if (k, v) != ("page", "0") and not TRACKING.fullmatch(k)})
    return f"{own_path(parts.path).rstrip('/') or '/'}?{params}"


def index_folder(folders: Path | list[Path]) -> dict[str, tuple[Path, str]]:
    """Each saved page of the folders (its file and the URL it was saved from) under that URL's request key."""
    folders = [folders] if isinstance(folders, Path) else folders
    for folder in folders:
        if not folder.is_dir():
            raise UsageError(f"{folder}: not a folder of saved pages")
    index: dict[str, tuple[Path, str]] = {}
    roots = [folder.absolute() for folder in folders]
    kept: dict[str, tuple[int, str]] = {}   # each address's page so far: its folder's place, its date

    def place(path: Path) -> int:   # (by the path as found: a page may lie behind a link to another folder)
        return next(n for n, root in enumerate(roots) if path.absolute().is_relative_to(root))

    # in the folders' order, each folder's pages in their own order: of two pages of one address, the first folder's
    # is served, and within a folder the later saved, as a re-parse reads them
    found = sorted(find_saved_files(folders, warcs=False), key=place)
    for path in found:
        if is_warc(path):
            continue  # a harvest's output folder holds its archive: the saved pages are what is served
        page, text, _ = read_saved(path)
        if notice := wayback_stand_in(text, get_site("wilson")):   # (as a re-parse passes it over)
            log.warning("%s: the Wayback Machine's notice %r, no page of the site; not served", path, notice)
            continue
        if not page.url:
            log.warning("%s: the page does not say which URL it was saved from; not served", path)
            continue
        key = request_key(page.url)
        if key in index:
            (earlier, _), (folder, saved_at) = index[key], kept[key]
            rule = "a folder named before" if folder != place(path) else copy_rule(page.saved_at, saved_at)
            if folder != place(path) or not later_copy(page.saved_at, saved_at):
                log.warning("%s: saved from the same address as %s, which is served in its place (%s)", path, earlier, rule)
                continue
            log.warning("%s: saved from the same address as %s, and served in its place (%s)", path, earlier, rule)
        index[key], kept[key] = (path, page.url), (place(path), page.saved_at)
    if not index and all(is_warc(path) for path in found):
        raise InputError(f"{', '.join(map(str, folders))}: holds WARC archives only, which harvester reparse reads; serve "
                         f"serves saved pages ({', '.join(HTML_SUFFIXES)})")
    if not index:
        raise InputError(f"{', '.join(map(str, folders))}: no saved page records the URL it came from; nothing to serve")
    return index


def make_server(folders: Path | list[Path], port: int = 0) -> tuple[ThreadingHTTPServer, list[str]]:
    """An HTTP server on 127.0.0.1 (port 0: any free port) serving the folders' saved pages (robots.txt: the first
    found), and the URLs those pages were saved from (the folders are read once)."""
    folders = [folders] if isinstance(folders, Path) else folders
    saved = index_folder(folders)
    index = {key: path for key, (path, _) in saved.items()}
    robots = next((f / "robots.txt" for f in folders if (f / "robots.txt").is_file()), None)
    robots_body = robots.read_bytes() if robots else ALLOW_ALL_ROBOTS

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the http.server naming)
            if urlsplit(self.path).path == "/robots.txt":
                return self._send(200, robots_body, "text/plain; charset=utf-8")
            path = index.get(request_key(self.path))
            file = static_file(folders, self.path) if path is None else path
            if file is not None and (read := self._read(file, saved=path is not None)) is not None:
                page, modified = read
                # its bytes tell a change its time, to the second, may not (a page rewritten within it): a tag of them
                # decides when the request has one, its date only when not (as RFC 9110 orders them)
                tags = {"Last-Modified": modified, "ETag": f'"{hashlib.sha256(page.body).hexdigest()}"'}
                asked = self.headers.get("If-None-Match")
                if asked == tags["ETag"] if asked else self.headers.get("If-Modified-Since") == modified:
                    return self._send(304, b"", "", tags)
                return self._send(200, page.body, page.headers.get("content-type", "text/html"), tags)
            return self._send(404, b"<!DOCTYPE html><title>Page not found</title><h1>Page not found</h1>", "text/html; charset=utf-8")

        def _read(self, file: Path, saved: bool) -> tuple[Page, str] | None:
            """The file as served (a saved page: an MHTML file's or a web archive's the HTML it holds, with its
            Content-Type) and its file's time, a saved page's as a plain file's (a second harvest is answered 304 where
            it is unchanged); None, said, when it cannot be read (deleted or changed since the folder was read)."""
            try:
                page = read_saved(file)[0] if saved else Page("", file.read_bytes(), headers={"content-type": _file_type(file)})
                return page, email.utils.formatdate(int(file.stat().st_mtime), usegmt=True)
            except InputError as error:
                log.warning("serve: %s: %s", self.path, error)
            except OSError as error:
                log.warning("serve: %s: its saved file cannot be read (%s)", self.path, error.strerror or error)
            return None

        def _send(self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            for name, value in {**({"Content-Type": content_type} if content_type else {}), **(headers or {})}.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the http.server signature)
            log.debug("serve: " + format, *args)

    try:
        return ThreadingHTTPServer(("127.0.0.1", port), Handler), [url for _, url in saved.values()]
    except OSError as error:
        busy = "; another program holds it: give another with --port (0: any free one)" if error.errno == errno.EADDRINUSE else ""
        raise UsageError(f"--port {port}: cannot listen on 127.0.0.1 ({error.strerror}){busy}") from None


def static_file(folders: list[Path], address: str) -> Path | None:
    """The file a request path names in one of the folders (not a saved page, not outside the folder, not hidden: a
    dataset's .harvester/ holds its state), if any."""
    relative = unquote(urlsplit(address).path).lstrip("/")
    if any(part.startswith(".") for part in relative.split("/")):
        return None
    for folder in folders:
        try:
            path = (folder / relative).resolve()
            if (relative and path.is_relative_to(folder.resolve()) and path.is_file()
                    and not is_saved_page(path) and not is_warc(path)):
                return path
        except (OSError, ValueError):   # no file's name: a NUL in it, or too long for the file system
            continue
    return None


def _file_type(path: Path) -> str:
    """A file's Content-Type by its name, else by its first bytes (a PDF saved without .pdf, as /document/ID/download)."""
    guessed = mimetypes.guess_type(path.name)[0]
    if guessed:
        return guessed
    with path.open("rb") as stream:
        return "application/pdf" if stream.read(5) == b"%PDF-" else "application/octet-stream"


class Serving:
    """A server running in a background thread for the length of a `with` block."""

    def __init__(self, folders: Path | list[Path], port: int = 0) -> None:
        self.server, self.saved_urls = make_server(folders, port)
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True)   # (how often it looks for a stop)

    @property
    def origin(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> Serving:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
