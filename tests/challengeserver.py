"""A site behind a "Just a moment..." bot challenge, on 127.0.0.1, for offline tests of --fetch browser and --cookies.

Pages (/search..., /document/...) need a clearance cookie: the hex SHA-256 of the server's secret and the request's
User-Agent. Without it the answer is a 403 challenge whose script, loaded from /cdn-cgi/challenge-platform/, computes
the same value from the nonce in the page and `navigator.userAgent`, posts that User-Agent back (as real challenges post
what they measured), sets the cookie and reloads; or, with `needs_click`, waits for a person to tick "Verify you are
human". After `expire_after` pages the secret changes and the next page is challenged again. Every request is logged.
The pages themselves come from `pages(path)` (saved pages, as tests.faultserver serves them).
"""

from __future__ import annotations

import hashlib
import secrets
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http.cookies import CookieError, SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import MappingProxyType
from urllib.parse import urlsplit

Reply = tuple[int, str, bytes]  # status, content type, body

COOKIE = "cf_clearance"
CHALLENGE_SCRIPT = "/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"
CHALLENGE_REPORT = "/cdn-cgi/challenge-platform/h/b/flow/ov1/"
PAGE_PREFIXES = ("/search", "/document/")
HTML = "text/html; charset=utf-8"
# what Cloudflare's JavaScript detections add at the end of every page of a site that has them: a hidden frame whose
# script loads /cdn-cgi/challenge-platform/scripts/jsd/main.js. The page is the site's own, no challenge.
JS_DETECTIONS = (b"<script>(function(){var f=document.createElement('iframe');f.height=1;f.width=1;f.style.visibility='hidden';"
                 b"document.body.appendChild(f);var d=f.contentWindow.document,s=d.createElement('script');s.innerHTML=\""
                 b"window.__CF$cv$params={r:'8f1a2b3c4d5e6f70',t:'MTczMzM4NjQwMC4wMDAwMDA='};var a=document.createElement('script');"
                 b"a.src='/cdn-cgi/challenge-platform/scripts/jsd/main.js';document.getElementsByTagName('head')[0].appendChild(a);\";"
                 b"d.getElementsByTagName('head')[0].appendChild(s);})();</script>")


def with_js_detections(pages: Callable[[str], bytes | None]) -> Callable[[str], bytes | None]:
    """The same pages, each with Cloudflare's JavaScript detections before its </body>."""
    def answer(path: str) -> bytes | None:
        body = pages(path)
        return body.replace(b"</body>", JS_DETECTIONS + b"</body>", 1) if body else body
    return answer


ASSETS: Mapping[str, Reply] = MappingProxyType({
    "/robots.txt": (200, "text/plain; charset=utf-8", b"User-agent: *\nDisallow:\n"),
    "/sites/default/files/css/x.css": (200, "text/css", b"@font-face{font-family:Site;src:url(/sites/default/files/fonts/site.woff2)"
                                       b" format('woff2')}body{font-family:Site,serif;background:url(/sites/default/files/bg.png)}"),
    "/sites/default/files/fonts/site.woff2": (200, "font/woff2", b"wOF2" + bytes(60)),
    "/sites/default/files/logo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(60)),
    "/sites/default/files/bg.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(60)),
    "/favicon.ico": (200, "image/vnd.microsoft.icon", bytes(64)),
    "/core/misc/drupal.js": (200, "text/javascript", b"window.Drupal={behaviors:{}};fetch('/core/misc/ping.json');"),
    "/core/misc/ping.json": (200, "application/json", b"{}"),
})

ORCHESTRATE_JS = b"""(function () {
  var opt = window._cf_chl_opt;
  async function clearance() {
    var bytes = new TextEncoder().encode(opt.cNounce + navigator.userAgent);
    var digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
    return Array.from(digest, function (b) { return b.toString(16).padStart(2, "0"); }).join("");
  }
  async function pass() {
    await fetch("/cdn-cgi/challenge-platform/h/b/flow/ov1/" + opt.cRay, {method: "POST", body: navigator.userAgent});
    document.cookie = "cf_clearance=" + (await clearance()) + "; path=/; max-age=3600; SameSite=Lax";
    location.reload();
  }
  if (opt.cType === "interactive") {
    var stage = document.getElementById("challenge-stage");
    stage.innerHTML = '<label><input type="checkbox" id="cf-chl-widget"> Verify you are human</label>';
    stage.querySelector("input").addEventListener("change", pass);
  } else {
    setTimeout(pass, opt.cDelay);
  }
})();
"""


@dataclass(frozen=True)
class Hit:
    """One request as the server saw it."""

    start: float  # time.monotonic() when the request line was read
    end: float    # ... and when the answer was sent
    method: str
    path: str     # with the query
    user_agent: str
    cookie: bool  # a clearance cookie was sent (valid or not)
    challenged: bool
    host: str = ""
    cookies: str = ""   # the Cookie header as sent

    @property
    def is_page(self) -> bool:
        return self.path.startswith(PAGE_PREFIXES)


def challenge_html(nonce: str, interactive: bool, delay_ms: int) -> bytes:
    """The interstitial: the nonce in an inline options object, the work in the platform's script."""
    ray, kind = secrets.token_hex(8), "interactive" if interactive else "managed"
    return f"""<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta name="robots" content="noindex,nofollow"></head>
<body><div class="main-wrapper" role="main"><h1>Verifying you are human.</h1><p>This may take a few seconds.</p>
<div id="challenge-stage"></div></div>
<script>window._cf_chl_opt={{cNounce:"{nonce}",cType:"{kind}",cRay:"{ray}",cDelay:{delay_ms}}};</script>
<script src="{CHALLENGE_SCRIPT}?ray={ray}"></script>
<noscript>Enable JavaScript and cookies to continue</noscript></body></html>
""".encode()


def clearance(secret: str, user_agent: str) -> str:
    """The cookie value that clears `user_agent` under `secret`."""
    return hashlib.sha256((secret + user_agent).encode("utf-8")).hexdigest()


class ChallengeServer:
    """Serves `pages(path)` (a body, or None: 404) behind the challenge, and the assets a page refers to."""

    def __init__(self, pages: Callable[[str], bytes | None], expire_after: int | None = None, needs_click: bool = False,
                 delay_ms: int = 100, set_cookie: str | None = None, port: int = 0) -> None:
        """`expire_after`: pages served per clearance (None: forever); `set_cookie`: a Set-Cookie every page sends;
        `port`: 0 for a free one."""
        self.pages, self.set_cookie, self.port = pages, set_cookie, port
        self.expire_after, self.needs_click, self.delay_ms = expire_after, needs_click, delay_ms
        self._lock = threading.Lock()
        self._hits: list[Hit] = []
        self._secret = secrets.token_hex(16)
        self._served = 0
        self._reports: list[str] = []

    def __enter__(self) -> ChallengeServer:
        self._server = _Server(("127.0.0.1", self.port), _handler(self))
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def hits(self) -> list[Hit]:
        """A copy of the request log, in the order the answers were sent."""
        with self._lock:
            return list(self._hits)

    def script_user_agents(self) -> list[str]:
        """navigator.userAgent as each challenge's script reported it."""
        with self._lock:
            return list(self._reports)

    def cookie_for(self, user_agent: str) -> str:
        """The clearance a browser with `user_agent` would hold after passing the check now."""
        with self._lock:
            return clearance(self._secret, user_agent)

    def answer(self, path: str, user_agent: str, cookie: str | None) -> tuple[Reply, dict[str, str], bool]:
        """The reply to a GET, its extra headers, and whether it is a challenge."""
        if urlsplit(path).path == CHALLENGE_SCRIPT:
            return (200, "text/javascript", ORCHESTRATE_JS), {}, False
        if path.startswith(PAGE_PREFIXES) and (nonce := self._check(user_agent, cookie)):
            body = challenge_html(nonce, self.needs_click, self.delay_ms)
            return (403, "text/html; charset=UTF-8", body), {"cf-mitigated": "challenge", "Cache-Control": "no-store"}, True
        if path in ASSETS:
            return ASSETS[path], {}, False
        body = self.pages(path)
        if body is None:
            return (404, HTML, b"<!DOCTYPE html><title>Page not found</title><h1>Page not found</h1>"), {}, False
        kind = "application/pdf" if body.startswith(b"%PDF-") else HTML
        return (200, kind, body), ({"Set-Cookie": self.set_cookie} if self.set_cookie else {}), False

    def _check(self, user_agent: str, cookie: str | None) -> str | None:
        """None when the cookie clears this User-Agent (the page is counted, and the secret changes once expired),
        else the nonce for a challenge."""
        with self._lock:
            if cookie != clearance(self._secret, user_agent):
                return self._secret
            self._served += 1
            if self.expire_after is not None and self._served >= self.expire_after:
                self._secret, self._served = secrets.token_hex(16), 0
            return None

    def record(self, hit: Hit, script_user_agent: str | None = None) -> None:
        with self._lock:
            self._hits.append(hit)
            if script_user_agent is not None:
                self._reports.append(script_user_agent)


class _Server(ThreadingHTTPServer):
    """A browser that leaves a page (a check that reloads, a run that stops) closes its connections while answers are
    written: said as a traceback on stderr, which is the run's own output in the tests that read it."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _cookie(header: str | None) -> str | None:
    try:
        morsel = SimpleCookie(header or "").get(COOKIE)
    except CookieError:
        return None
    return morsel.value if morsel else None


def _handler(server: ChallengeServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (the http.server naming)
            start = time.monotonic()
            user_agent, cookie = self.headers.get("User-Agent", ""), _cookie(self.headers.get("Cookie"))
            (status, content_type, body), headers, challenged = server.answer(self.path, user_agent, cookie)
            self._send(status, body, {"Content-Type": content_type, **headers})
            server.record(self._hit(start, challenged))

        def do_POST(self) -> None:  # noqa: N802
            """A challenge's script reporting what it measured (here: navigator.userAgent)."""
            start = time.monotonic()
            report = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8", "replace")
            found = self.path.startswith(CHALLENGE_REPORT)
            self._send(200 if found else 404, b"", {})
            server.record(self._hit(start, False), report if found else None)

        def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
            self.send_response(status)
            for name, value in {"Content-Length": str(len(body)), **headers}.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def _hit(self, start: float, challenged: bool) -> Hit:
            return Hit(start, time.monotonic(), self.command, self.path, self.headers.get("User-Agent", ""),
                       _cookie(self.headers.get("Cookie")) is not None, challenged, self.headers.get("Host", ""),
                       self.headers.get("Cookie", ""))

        def log_message(self, *args: object) -> None:
            pass

    return Handler


def demo_pages() -> Callable[[str], bytes | None]:
    """The demo's saved search, its document pages and their scans (as `harvester demo` serves them)."""
    from pathlib import Path

    from tests.faultserver import folder_files, folder_pages

    demo = Path(__file__).resolve().parent.parent / "harvester" / "demo"
    served = [folder_pages(demo / "seed"), folder_pages(demo / "documents"), folder_files(demo / "documents")]
    return lambda path: next((body for body in (answer(path) for answer in served) if body), None)


def main(argv: list[str] | None = None) -> None:
    """Serve the demo's saved search behind the challenge, to try --fetch browser and --cookies by hand, offline."""
    import argparse
    from pathlib import Path

    parser = argparse.ArgumentParser(prog="python -m tests.challengeserver", description=main.__doc__)
    parser.add_argument("--port", type=int, default=8754)
    parser.add_argument("--click", action="store_true", help='a check that waits for a person to tick "Verify you are human"')
    parser.add_argument("--cookies", type=Path, metavar="FILE",
                        help="also write the cookies.txt a browser with --user-agent would export after passing the check")
    parser.add_argument("--user-agent", default="Mozilla/5.0 (X11; Linux x86_64) trial")
    args = parser.parse_args(argv)
    server = ChallengeServer(demo_pages(), needs_click=args.click, port=args.port)
    try:
        server.__enter__()
    except OSError as error:   # the port held: by the first one, still going in another terminal, say
        parser.exit(2, f"{parser.prog}: --port {args.port}: cannot listen on 127.0.0.1 ({error.strerror}); give another "
                       "with --port, and its address to --base-url\n")
    try:
        if args.cookies:
            args.cookies.write_text("# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\t"
                                    f"{COOKIE}\t{server.cookie_for(args.user_agent)}\n", encoding="utf-8")
            print(f"wrote {args.cookies} (cleared for the User-Agent {args.user_agent!r})")
        print(f"the demo search behind a bot check: {server.origin}/search?search_api_fulltext=Korean+Workers%27+Party"
              " (Ctrl-C stops)", flush=True)
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.__exit__()


if __name__ == "__main__":
    main()
