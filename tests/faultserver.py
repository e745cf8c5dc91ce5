"""A real HTTP server on 127.0.0.1 serving saved pages, with faults scripted per request (tests only)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from harvester.serve import index_folder, request_key


@dataclass
class Fault:
    """One scripted answer: a status with headers and body, or a dropped connection."""

    status: int = 503
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    drop: bool = False


@dataclass
class FaultServer:
    """Serves a folder of saved pages; `script(n, path)` may replace the n-th request's answer with a Fault."""

    folder: Path
    script: Callable[[int, str], Fault | None] = lambda n, path: None
    requests: list[str] = field(default_factory=list)

    def __enter__(self) -> FaultServer:
        index = {key: path for key, (path, _) in index_folder(self.folder).items()}
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                outer.requests.append(self.path)
                fault = outer.script(len(outer.requests), self.path)
                if fault and fault.drop:
                    self.connection.close()
                    return
                if fault:
                    return self._send(fault.status, fault.body, fault.headers)
                if urlsplit(self.path).path == "/robots.txt":
                    return self._send(200, b"User-agent: *\nDisallow: /search/\n", {})
                page = index.get(request_key(self.path))
                return self._send(200, page.read_bytes(), {"Content-Type": "text/html"}) if page else self._send(404, b"", {})

            def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
                self.send_response(status)
                for name, value in {"Content-Length": str(len(body)), **headers}.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
