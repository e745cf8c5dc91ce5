"""Static servers for generated sites on 127.0.0.1: nginx when installed, else Python's http.server.

Both answer the URLs harvester and the baselines ask for:

    /robots.txt                                  site/robots.txt
    /search?search_api_fulltext=Q[&page=N]       site/search/page-N.html (no page parameter: page 0)
    /document/SLUG                               site/document/SLUG.html

Run as a module, it is the Python server: `python -m bench.servers SITE PORT`.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

NGINX_CONF = """
worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    types {{ text/html html; text/plain txt; }}
    default_type application/octet-stream;
    charset utf-8;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    map $arg_page $results_page {{ "" 0; "~^(?<n>[0-9]+)$" $n; default invalid; }}
{servers}
}}
"""
NGINX_SERVER = """    server {{
        listen 127.0.0.1:{port};
        root {root};
        location = /search {{ try_files /search/page-$results_page.html =404; }}
        location /document/ {{ try_files $uri.html =404; }}
    }}"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).exists()), None)


def nginx_version() -> str:
    binary = nginx_binary()
    if binary is None:
        return ""
    done = subprocess.run([binary, "-v"], capture_output=True, text=True, timeout=10)
    return (done.stderr or done.stdout).strip().replace("nginx version: ", "")


def wait_listening(port: int, process: subprocess.Popen, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited at start (code {process.returncode})")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.02)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout:.0f} s")


def check_robots(port: int) -> None:
    """The server answers with the site's files (nginx's workers, which drop root's rights, must be able to read them)."""
    url = f"http://127.0.0.1:{port}/robots.txt"
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            response.read()
    except OSError as error:
        raise RuntimeError(f"{url}: {error}; if nginx cannot read the site's folder, try --server python") from None


class Servers:
    """Every site served on its own port on 127.0.0.1 for the length of a `with` block."""

    def __init__(self, roots: list[Path], kind: str = "auto") -> None:
        self.roots = roots
        self.kind = ("nginx" if nginx_binary() else "python") if kind == "auto" else kind
        self.ports = [free_port() for _ in roots]
        self.processes: list[subprocess.Popen] = []
        self.version = nginx_version() if self.kind == "nginx" else f"Python {sys.version.split()[0]} http.server"
        self._tmp = tempfile.TemporaryDirectory(prefix="harvester-bench-nginx-")

    def origin(self, root: Path) -> str:
        return f"http://127.0.0.1:{self.ports[self.roots.index(root)]}"

    def __enter__(self) -> Servers:
        if self.kind == "nginx":
            self._start_nginx()
        else:
            for root, port in zip(self.roots, self.ports):
                self.processes.append(subprocess.Popen([sys.executable, "-m", "bench.servers", str(root), str(port)],
                                                       cwd=Path(__file__).resolve().parent.parent))
        for port, process in zip(self.ports, self.processes * len(self.ports) if self.kind == "nginx" else self.processes):
            wait_listening(port, process)
            check_robots(port)
        return self

    def _start_nginx(self) -> None:
        tmp = Path(self._tmp.name)
        servers = "\n".join(NGINX_SERVER.format(port=port, root=root) for root, port in zip(self.roots, self.ports))
        (tmp / "nginx.conf").write_text(NGINX_CONF.format(tmp=tmp, servers=servers), encoding="utf-8")
        binary = nginx_binary()
        assert binary is not None
        self.processes.append(subprocess.Popen([binary, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-e", str(tmp / "error.log")],
                                               stderr=subprocess.DEVNULL))

    def __exit__(self, *exc: object) -> None:
        for process in self.processes:
            process.send_signal(signal.SIGQUIT if self.kind == "nginx" else signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._tmp.cleanup()


class Handler(SimpleHTTPRequestHandler):
    """The same URL mapping as the nginx configuration, with keep-alive."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: without this, each response waits ~40 ms

    def translate_path(self, path: str) -> str:
        parts = urlsplit(path)
        root = Path(self.directory)
        if parts.path == "/search":
            page = parse_qs(parts.query).get("page", ["0"])[0]
            return str(root / "search" / f"page-{page if page.isdigit() else 'invalid'}.html")
        if parts.path.startswith("/document/"):
            return str(root / "document" / f"{Path(parts.path).name}.html")
        return str(root / parts.path.lstrip("/")) if parts.path == "/robots.txt" else str(root / "missing")

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the http.server signature)
        pass


def serve(root: Path, port: int) -> None:
    """Serve one site until SIGTERM."""
    server = ThreadingHTTPServer(("127.0.0.1", port), lambda *a: Handler(*a, directory=str(root)))

    def stop(*_: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    serve(Path(sys.argv[1]), int(sys.argv[2]))
