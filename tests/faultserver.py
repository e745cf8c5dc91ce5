"""A real HTTP server on 127.0.0.1 with faults scripted per request (tests only).

It serves either a folder of saved pages (under the URLs they were saved from, and its other files, PDFs, at their
paths) or a synthetic search whose documents the test may change between runs. A body that starts with %PDF- is sent
as application/pdf, any other as HTML.
"""

from __future__ import annotations

import email.utils
import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from harvester.serve import index_folder, request_key
from tests.sitegen import results_page

ROBOTS = b"User-agent: *\nDisallow: /search/\n"


@dataclass
class Fault:
    """One scripted answer: a status with headers and body, a dropped connection, a stall, or a cut-off body."""

    status: int = 503
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    drop: bool = False
    stall: float = 0.0          # seconds to wait before answering normally (to trip a client timeout)
    truncate: bool = False      # answer normally but send only half the body, with the full Content-Length
    trickle: float = 0.0        # answer normally, but one byte at a time, this many seconds apart (headers too)
    chunked: bool = False       # answer normally, but with the body in chunks and no Content-Length (Transfer-Encoding)


def folder_pages(folder: Path) -> Callable[[str], bytes | None]:
    """Answer requests from a folder of saved pages."""
    index = {key: path for key, (path, _) in index_folder(folder).items()}
    return lambda path: index[request_key(path)].read_bytes() if request_key(path) in index else None


def folder_files(folder: Path) -> Callable[[str], bytes | None]:
    """Answer requests from the other files of a folder (PDFs) at their paths in it, as `harvester serve` does."""
    from harvester.serve import static_file

    def answer(path: str) -> bytes | None:
        found = static_file([folder], path)
        return found.read_bytes() if found else None

    return answer


def synthetic_pages(docs: list[tuple[str, str, str]]) -> Callable[[str], bytes | None]:
    """Answer /search?page=N from a list of documents the test may change at any time."""

    def answer(path: str) -> bytes | None:
        parts = urlsplit(path)
        if parts.path != "/search":
            return None
        page = int(parse_qs(parts.query).get("page", ["0"])[0])
        return results_page(list(docs), page).encode("utf-8")

    return answer


@dataclass
class FaultServer:
    """Serves pages; `script(n, path)` may replace the n-th request's answer (counted from 1) with a Fault."""

    pages: Callable[[str], bytes | None]
    script: Callable[[int, str], Fault | None] = lambda n, path: None
    requests: list[str] = field(default_factory=list)
    etags: bool = False         # send an ETag with every page, and answer 304 when the client already has it
    last_modified: bool = False  # the same with Last-Modified alone (a date for each body, from when it was first served)
    not_modified: int = 0       # how many 304s were sent
    trickled: int = 0           # how many bytes of a trickled answer's body were sent (the headers before them not counted)
    _dates: dict[bytes, int] = field(default_factory=dict)

    def __enter__(self) -> FaultServer:
        outer = self
        lock = threading.Lock()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                with lock:
                    outer.requests.append(self.path)
                    fault = outer.script(len(outer.requests), self.path)
                if fault and fault.drop:
                    self.connection.shutdown(2)
                    return
                if fault and fault.trickle:
                    return self._trickle(outer.pages(self.path) or b"", fault.trickle)
                if fault and fault.chunked:
                    return self._chunked(outer.pages(self.path) or b"")
                if fault and fault.stall:
                    time.sleep(fault.stall)
                elif fault and not fault.truncate:
                    return self._send(fault.status, fault.body, fault.headers)
                if urlsplit(self.path).path == "/robots.txt":
                    return self._send(200, ROBOTS, {})
                body = outer.pages(self.path)
                if body is None:
                    return self._send(404, b"not found", {})
                headers = {"Content-Type": "application/pdf" if body.startswith(b"%PDF-") else "text/html; charset=utf-8"}
                if outer.etags:
                    headers["ETag"] = f'"{hashlib.sha1(body).hexdigest()}"'
                    if self.headers.get("If-None-Match") == headers["ETag"]:
                        outer.not_modified += 1
                        return self._send(304, b"", {"ETag": headers["ETag"]})
                if outer.last_modified:
                    first = outer._dates.setdefault(hashlib.sha1(body).digest(), 1_795_000_000 + len(outer._dates) * 60)
                    headers["Last-Modified"] = email.utils.formatdate(first, usegmt=True)
                    if self.headers.get("If-Modified-Since") == headers["Last-Modified"]:
                        outer.not_modified += 1
                        return self._send(304, b"", {"Last-Modified": headers["Last-Modified"]})
                self._send(200, body, headers, cut=bool(fault and fault.truncate))

            def _send(self, status: int, body: bytes, headers: dict[str, str], cut: bool = False) -> None:
                self.send_response(status)
                for name, value in {"Content-Length": str(len(body)), **headers}.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body[: len(body) // 2] if cut else body)
                if cut:
                    self.close_connection = True

            def _trickle(self, body: bytes, pause: float) -> None:
                head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body)
                try:
                    for at, byte in enumerate(head + body, 1 - len(head)):
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        outer.trickled = max(at, 0)
                        time.sleep(pause)
                except OSError:    # the client gave up: as it should
                    pass
                self.close_connection = True

            def _chunked(self, body: bytes, size: int = 4096) -> None:
                head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n"
                try:
                    self.wfile.write(head)
                    for start in range(0, len(body), size):
                        part = body[start:start + size]
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
                    self.wfile.write(b"0\r\n\r\n")
                except OSError:    # the client gave up: as it may
                    pass
                self.close_connection = True

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True).start()
        return self

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def search_requests(self) -> list[str]:
        return [r for r in self.requests if r.startswith("/search")]

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
