"""The live archive's bot check, on 127.0.0.1: the plain client stops and says what to do; --fetch browser (a real
headless Chromium) and --cookies (a session a person's browser cleared) harvest the same dataset as an open site."""

from __future__ import annotations

import asyncio
import codecs
import functools
import gzip
import hashlib
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from harvester.config import load_jobs
from harvester.errors import UsageError
from harvester.serve import Serving
from harvester.pipeline import default_name, utc_now
from harvester.settings import Settings
from harvester.sites import Search, get_site
from tests.challengeserver import CHALLENGE_SCRIPT, HTML, ChallengeServer, with_js_detections
from tests.conftest import FIXTURES, dataset, timeless
from tests.faultserver import folder_pages
from tests.test_cli import run_cli

SEED = FIXTURES / "wilson" / "seed"
DOCUMENTS = FIXTURES / "wilson" / "documents"
QUERY = "Korean Workers' Party"
NAME = default_name(get_site("wilson"), Search(QUERY))
SECRET = "sessionsecret0123456789"
HUGE = b"<html><body>" + b"x" * 21_000_000 + b"</body></html>"


@pytest.fixture(scope="session")
def chromium() -> str:
    """The Chromium to drive, and Playwright to drive it; under CI=true their absence fails the tests, never skips them."""
    path = shutil.which("chromium") or shutil.which("google-chrome")
    try:
        import playwright  # noqa: F401
    except ImportError:
        path = None
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs Debian's chromium and the browser extra (pip install '.[browser]') for these tests")
        pytest.skip("no Chromium or no Playwright here (apt-get install chromium; pip install '.[browser]')")
    return path


@pytest.fixture(autouse=True)
def temporary(monkeypatch) -> Iterator[Path]:
    """The temporary folder of the runs a test starts (Chromium's and Playwright's files), removed after it: the runs
    killed on purpose leave theirs. Short, as Chromium's socket in it has a short limit on its path."""
    folder = Path(tempfile.mkdtemp(prefix="hv"))
    monkeypatch.setenv("TMPDIR", str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True)
def asyncio_log() -> Iterator[None]:
    """A browser run that fails silences asyncio's log for the rest of its process, which ends with it; the process of
    the tests goes on, and what asyncio says in the next test's run is to be seen (its "no Traceback")."""
    asyncio_log = logging.getLogger("asyncio")
    filters = asyncio_log.filters[:]
    yield
    asyncio_log.filters[:] = filters


def pages(*folders: Path):
    served = [folder_pages(folder) for folder in folders]
    return lambda path: next((body for body in (answer(path) for answer in served) if body), None)


@pytest.fixture(scope="module")
def open_site(tmp_path_factory: pytest.TempPathFactory) -> Callable[[bool], list[dict]]:
    """The dataset the same search gives when the site has no bot check (harvested once per module, with or without
    --details)."""
    @functools.cache
    def harvested(details: bool = False) -> list[dict]:
        from harvester.pipeline import harvest

        out = tmp_path_factory.mktemp("open")
        with Serving([SEED, *([DOCUMENTS] if details else [])]) as serving:
            outcome = harvest(get_site("wilson"), Search(QUERY), out, NAME, ["json"], Settings(base_url=serving.origin, delay=0,
                                                                                               details=details))
        assert outcome.warnings == [], outcome.warnings   # (the command's exit 0)
        return timeless(dataset(out, NAME))
    return harvested


@pytest.fixture(scope="session")
def kept_user_agents(chromium: str) -> str:
    """What a first browser run keeps in its profile (KEPT_USER_AGENTS: the browser's own User-Agent), as harvester
    wrote it in a real first run of the browser as the tests start it (its path found, headless)."""
    from harvester.fetch.browser import KEPT_USER_AGENTS, BrowserTransport

    folder = Path(tempfile.mkdtemp(prefix="hv"))   # Chromium's temporary files too (see `temporary`)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("TMPDIR", str(folder))
            with BrowserTransport(Settings(fetch="browser"), "http://127.0.0.1", folder / "profile", (frozenset(), ()), utc_now):
                pass
        return (folder / "profile" / KEPT_USER_AGENTS).read_text(encoding="utf-8")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def as_later_run(kept_user_agents: str) -> Callable[[Path], None]:
    """Give the dataset in `out` the profile a first run leaves, if it has none: its harvests then start Chromium once,
    as a person's later runs do (the browser's User-Agent, kept, is checked against the browser's own at the start, so
    a wrong one only makes the run start Chromium again). A first run, which starts it twice to read that User-Agent,
    is tested by the test of the kept User-Agent and the tests of a profile the run makes itself."""
    from harvester.fetch.browser import KEPT_USER_AGENTS

    def seed(out: Path) -> None:
        profile = out / ".harvester" / f"{NAME}.browser"
        if not profile.exists():
            profile.mkdir(parents=True)
            (profile / KEPT_USER_AGENTS).write_text(kept_user_agents, encoding="utf-8")
    return seed


@pytest.fixture
def browse(monkeypatch, capfd, as_later_run: Callable[[Path], None]) -> Callable[..., tuple[int, str, str]]:
    """`harvester harvest --fetch browser SERVER OUT MORE...` as a person runs it (its delay really waits), in this
    process: the browser, its driver and their output are the same (what they write is read from this process's own
    output), only Python's start is spared. The tests of a real process (a stop, a kill) start one of their own.
    A run of the browser as the tests start it (its path found, headless, the dataset's own profile) is a later run
    (see as_later_run) unless `first_run`."""
    def run(server: ChallengeServer, out: Path, *more: str, first_run: bool = False) -> tuple[int, str, str]:
        if not (first_run or {"--browser-path", "--browser-profile", "--show-browser"} & set(more)):
            as_later_run(out)
        wait = [] if "--challenge-wait" in more else ["--challenge-wait", "8"]   # (an option is given once)
        return run_cli(monkeypatch, capfd, "harvest", "--query", QUERY, "--base-url", server.origin, "--out", str(out),
                       "--fetch", "browser", *wait, *more, sleep=time.sleep)
    return run


def only_pages_and_challenges(server: ChallengeServer) -> list[str]:
    """Every request that is not a page, robots.txt or a challenge's own script and report: none should be."""
    return [hit.path for hit in server.hits()
            if not (hit.is_page or hit.path == "/robots.txt" or hit.path.startswith("/cdn-cgi/challenge-platform/"))]


def test_the_plain_client_stops_at_the_check_and_names_both_ways_through(tmp_path: Path, monkeypatch, capsys):
    with ChallengeServer(pages(SEED)) as server:
        code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", QUERY, "--base-url", server.origin,
                               "--out", str(tmp_path), "--delay", "0")
    assert code == 4 and err.count("harvester: error:") == 1 and "Traceback" not in err
    assert "bot-protection challenge (HTTP 403)" in err and "--fetch browser" in err and "--cookies FILE --user-agent TEXT" in err
    assert not (tmp_path / f"{NAME}.csv").exists()


@pytest.mark.slow
def test_the_browser_passes_the_check_again_mid_run_and_harvests_what_an_open_site_gives(
        chromium: str, open_site: Callable[[bool], list[dict]], tmp_path: Path, browse):
    expected = open_site(False)
    with ChallengeServer(pages(SEED), expire_after=1) as server:        # every page after the first is challenged again
        code, out, err = browse(server, tmp_path / "b", "--delay", "2")
        hits = server.hits()
    assert code == 0, err
    assert timeless(dataset(tmp_path / "b", NAME)) == expected and len(expected) == 19
    navigations = sorted((hit for hit in hits if hit.is_page), key=lambda hit: hit.start)
    assert [hit.challenged for hit in navigations] == [True, False, True, False]     # two pages, each behind a check
    for before, after in zip(navigations, navigations[1:]):
        assert before.end <= after.start, "one navigation at a time"
    firsts = [hit for hit in navigations if hit.challenged]            # each page's first request: its check
    # the delay runs from harvester's sending of one navigation to the next; Chromium's own dispatch shifts when each
    # reaches the server, by up to a quarter of a second on a busy machine; without the delay the two are 0.4-0.7 s
    # apart, with it 2 s
    assert len(firsts) == 2 and firsts[1].start - firsts[0].start >= 1.5, "the delay from one page to the next"
    assert only_pages_and_challenges(server) == []                        # no stylesheet, image, font, favicon, script
    assert sum(hit.path.startswith(CHALLENGE_SCRIPT) for hit in hits) == 2
    user_agents = {hit.user_agent for hit in navigations}
    assert len(user_agents) == 1 and " harvester/" in user_agents.pop()   # the browser's own, with harvester's token


@pytest.mark.slow
def test_the_browser_harvest_with_details_is_the_open_sites(chromium: str, open_site: Callable[[bool], list[dict]], tmp_path: Path, browse):
    """Every page carries Cloudflare's JavaScript detections, as a Cloudflare site's pages may: they are pages all the same."""
    expected = open_site(True)
    with ChallengeServer(with_js_detections(pages(SEED, DOCUMENTS)), expire_after=8) as server:
        code, _, err = browse(server, tmp_path / "b", "--delay", "0", "--details")
    assert code == 0, err
    assert timeless(dataset(tmp_path / "b", NAME)) == expected
    assert only_pages_and_challenges(server) == []


# what a page of its own may do once shown: refresh itself or go elsewhere, by script too, open a popup or a socket,
# preload the pages its speculation rules name
# (the first page moves; the second preloads, which a move away would cut short)
OWN_MOVES = (b'<meta http-equiv="refresh" content="0;url=/refreshed"><script>setTimeout(function(){location.href="/by-script"},20);'
             b'window.open("/popup");try{new WebSocket("ws://"+location.host+"/socket")}catch(e){}</script>')
PRELOADS = (b'<script type="speculationrules">{"prefetch":[{"source":"list","urls":["/prefetched"]}],'
            b'"prerender":[{"source":"list","urls":["/prerendered"]}]}</script>')


def with_own_moves(answer: Callable[[str], bytes | None]) -> Callable[[str], bytes | None]:
    def moved(path: str) -> bytes | None:
        body = answer(path)
        return body.replace(b"</head>", (PRELOADS if "page=1" in path else OWN_MOVES) + b"</head>", 1) if body else body
    return moved


@pytest.mark.slow
def test_a_pages_own_navigations_never_reach_the_site(chromium: str, open_site: Callable[[bool], list[dict]], tmp_path: Path, browse):
    """Only the page asked for is fetched: its refresh, its scripts' navigations, popups and sockets are refused."""
    expected = open_site(False)
    with ChallengeServer(with_own_moves(pages(SEED)), expire_after=100) as server:
        code, _, err = browse(server, tmp_path / "b", "--delay", "0.5")
        hits = server.hits()
    assert code == 0, err
    assert timeless(dataset(tmp_path / "b", NAME)) == expected
    assert only_pages_and_challenges(server) == []          # no /refreshed, /by-script, /popup, /socket, /prefetched, ...
    asked = [hit.path for hit in hits if hit.is_page and not hit.challenged]
    # page 0 (behind its check), then page 1; a page that refreshes itself at once may, on a busy machine, cut short the
    # reading of its own body, and is then asked for once more (a retry, never a navigation of its own)
    assert sorted(set(asked)) == sorted(path for path in asked[:2]) and len(asked) <= 3, asked


@pytest.mark.slow
def test_a_redirect_to_another_port_of_the_same_host_is_never_followed(chromium: str, tmp_path: Path, browse):
    """Another port is another site, as for the plain client: the run stops there, and nothing it sends is kept.
    (Chromium follows a redirect before Playwright sees it, so the hop itself is asked for once; none of the many
    stylesheets its page asks for reaches that port, not even as the browser closes.)"""
    from tests.faultserver import FaultServer

    seed = pages(SEED)
    links = b"".join(b'<link rel="stylesheet" href="/style-%d.css">' % number for number in range(60))
    with FaultServer(lambda path: (body := seed(path)) and body.replace(b"<head>", b"<head>" + links, 1)) as other:
        class Redirecting(ChallengeServer):
            def answer(self, path: str, user_agent: str, cookie: str | None):
                if path.startswith("/search") and "page=1" in path:
                    return (302, "text/html", b""), {"Location": f"{other.origin}{path}"}, False
                return super().answer(path, user_agent, cookie)

        with Redirecting(pages(SEED)) as server:
            code, _, err = browse(server, tmp_path, "--delay", "0")
    assert code == 3 and "redirects off the site to " + other.origin in err and len(other.requests) <= 1
    assert not (tmp_path / f"{NAME}.csv").exists()


@pytest.mark.slow
def test_an_error_status_with_no_body_keeps_its_status_as_with_the_plain_client(chromium: str, tmp_path: Path, browse):
    """Chromium fails a navigation whose error answer has no body (net::ERR_HTTP_RESPONSE_CODE_FAILURE); the status
    stands all the same, as the plain client reads it: a robots.txt missing with an empty 404 allows everything, and a
    document page gone with an empty 404 is asked for once and said as HTTP 404, not as a failure of the network."""
    gone = "/document/letter-ri-sang-jo-ns-khrushchev"

    class Bodiless(ChallengeServer):
        def answer(self, path: str, user_agent: str, cookie: str | None):
            if path == "/robots.txt" or path == gone:
                return (404, "text/plain", b""), {}, False
            return super().answer(path, user_agent, cookie)

    with Bodiless(pages(SEED, DOCUMENTS), expire_after=100) as server:
        code, _, err = browse(server, tmp_path, "--delay", "0", "--details")
        asked = [hit.path for hit in server.hits()]
    assert code == 1 and f"{gone}: HTTP 404" in err and "ERR_HTTP_RESPONSE_CODE_FAILURE" not in err, err
    assert asked.count("/robots.txt") == 1 and asked.count(gone) == 1
    assert len(dataset(tmp_path, NAME)) == 19
    assert robots_in_warc(tmp_path) == [("404", b"")]   # the empty 404 the site sent, not the browser's error page


def robots_in_warc(out: Path) -> list[tuple[str, bytes]]:
    """The status and body of each robots.txt response in the WARC files under `out`."""
    from warcio.archiveiterator import ArchiveIterator

    found = []
    for warc in sorted(out.rglob("*.warc.gz")):
        with warc.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type == "response" and record.rec_headers.get_header("WARC-Target-URI").endswith("/robots.txt"):
                    found.append((record.http_headers.get_statuscode(), record.content_stream().read()))
    return found


class Packed(ChallengeServer):
    """Its second results page is small, and compressed: unpacked, it is 30 MB, a comment (which Chromium reads at once,
    where as many spaces in the body would each be laid out before the answer is done)."""
    def answer(self, path: str, user_agent: str, cookie: str | None):
        if "page=1" in path and self._check(user_agent, cookie) is None:
            return (200, "text/html", gzip.compress(b"<html><body><!--" + b" " * 30_000_000, 1)), {"Content-Encoding": "gzip"}, False
        return super().answer(path, user_agent, cookie)


@pytest.mark.slow
@pytest.mark.parametrize(("server", "said"), [
    (lambda: ChallengeServer(lambda path: HUGE if "page=1" in path else pages(SEED)(path)),
     "response of 21,000,026 bytes, larger than 20,000,000 bytes; refused"),
    (lambda: Packed(pages(SEED)), "response larger than the browser keeps to be read; refused"),
], ids=["says-its-length", "compressed"])
def test_a_page_larger_than_any_page_is_refused_at_once(chromium: str, tmp_path: Path, server, said, browse):
    """As with the plain client: a response that says it is larger than any page (20 MB) is not read or tried again;
    nor is a small compressed one that unpacks to more than the browser keeps for harvester to read."""
    with server() as serving:
        code, _, err = browse(serving, tmp_path, "--delay", "0")
    assert code == 3 and "page=1: " + said in err and "try 2 of" not in err, err   # never asked again


@pytest.mark.slow
def test_a_file_where_a_page_should_be_is_a_layout_error_at_once(chromium: str, tmp_path: Path, browse):
    """As with the plain client (exit 5): a PDF at a results page's address is no page, and asking again changes nothing."""
    class FileForPage(ChallengeServer):
        def answer(self, path: str, user_agent: str, cookie: str | None):
            if path.startswith("/search") and "page=1" in path:
                return (200, "application/pdf", b"%PDF-1.4\n%%EOF\n"), {}, False
            return super().answer(path, user_agent, cookie)

    with FileForPage(pages(SEED)) as server:
        code, _, err = browse(server, tmp_path, "--delay", "0")
    assert code == 5 and "sent as application/pdf, not an HTML page" in err and "try 2 of" not in err


@pytest.mark.slow
def test_the_challenge_is_archived_never_parsed_and_its_clearance_kept_for_the_next_run(chromium: str, tmp_path: Path, browse):
    """The first run passes the check once, keeps its answer in the WARC file and re-parses to the dataset; the second
    run, cleared by the dataset's browser profile, is never challenged."""
    from harvester.pipeline import reparse

    with ChallengeServer(pages(SEED)) as server:
        for _ in range(2):
            code, _, err = browse(server, tmp_path, "--delay", "0", first_run=True)   # (its profile made by the run)
            assert code == 0, err
        challenged = [hit.challenged for hit in server.hits() if hit.is_page]
    assert challenged == [True, False, False, False, False]    # once in the first run; the second run was cleared
    assert (tmp_path / ".harvester" / f"{NAME}.browser").is_dir()
    first = tmp_path / "archive" / f"{NAME}-run0001-part1.warc.gz"
    archived = gzip.decompress(first.read_bytes())
    assert archived.count(b"<title>Just a moment...</title>") == 1 and archived.count(b"HTTP/1.1 403") == 1
    again = reparse([first], get_site("wilson"), tmp_path / "r", None, ["json"], workers=0)
    assert again.documents == len(dataset(tmp_path / "r", NAME)) == 19 and again.warnings == []


@pytest.mark.slow
def test_a_later_browser_run_starts_chromium_once_and_sends_the_browsers_own_user_agent(chromium: str, tmp_path: Path, browse):
    """Each run sends the User-Agent the browser sends by itself, with harvester's token; a Chromium started only to
    read it is started on the first run alone, and again only when that User-Agent changed (the browser was updated)
    or what the profile keeps of it cannot be read."""
    own, starts, wrapper = tmp_path / "own", tmp_path / "starts", tmp_path / "chromium"
    wrapper.write_text(f'#!/bin/sh\necho >> "{starts}"\nexec "{chromium}" --user-agent="$(cat "{own}")" "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    token = Settings().product_token

    def run(browsers_own: str) -> tuple[set[str], int]:
        own.write_text(browsers_own, encoding="utf-8")
        starts.write_text("", encoding="utf-8")
        with ChallengeServer(pages(SEED)) as server:
            code, _, err = browse(server, tmp_path / "o", "--delay", "0", "--browser-path", str(wrapper))
        assert code == 0, err
        return {hit.user_agent for hit in server.hits()}, len(starts.read_text(encoding="utf-8").splitlines())

    assert run("Mozilla/5.0 (X11; Linux x86_64) Own/1") == ({f"Mozilla/5.0 (X11; Linux x86_64) Own/1 {token}"}, 2)
    assert run("Mozilla/5.0 (X11; Linux x86_64) Own/1") == ({f"Mozilla/5.0 (X11; Linux x86_64) Own/1 {token}"}, 1)
    assert run("Mozilla/5.0 (X11; Linux x86_64) Own/2") == ({f"Mozilla/5.0 (X11; Linux x86_64) Own/2 {token}"}, 2)
    from harvester.fetch.browser import KEPT_USER_AGENTS

    (tmp_path / "o" / ".harvester" / f"{NAME}.browser" / KEPT_USER_AGENTS).write_text("{not json", encoding="utf-8")
    assert run("Mozilla/5.0 (X11; Linux x86_64) Own/2") == ({f"Mozilla/5.0 (X11; Linux x86_64) Own/2 {token}"}, 2)


@pytest.mark.parametrize("kept", ['["Own/1"]', '{"a": 1}', '{"a": "Own/1\\nX-Evil: 1"}', '{"a": "Own/1 \\u00e9"}', '\xff'])
def test_a_kept_user_agent_that_cannot_be_sent_as_it_is_is_not_kept(tmp_path: Path, kept: str):
    """What the profile keeps is the browser's own User-Agent by how it was started; anything else there (another shape,
    a line break, a letter outside ASCII, bytes of no text) is as if nothing were kept, and the browser's is read again."""
    from harvester.fetch.browser import KEPT_USER_AGENTS, _kept_user_agents

    (tmp_path / KEPT_USER_AGENTS).write_bytes(kept.encode("latin-1"))
    assert _kept_user_agents(tmp_path) == {}
    (tmp_path / KEPT_USER_AGENTS).write_text('{"a": "Own/1", "b": "Own/2\\t"}', encoding="utf-8")
    assert _kept_user_agents(tmp_path) == {"a": "Own/1"}


@pytest.mark.slow
def test_a_check_that_waits_for_a_person_stops_a_headless_run_naming_show_browser(
        chromium: str, tmp_path: Path, monkeypatch, browse):
    monkeypatch.setattr("harvester.fetch.browser.PERSON_AFTER", 0.5)   # the box shows at once: no need to wait longer for it
    with ChallengeServer(pages(SEED), needs_click=True) as server:
        started = time.monotonic()
        code, _, err = browse(server, tmp_path, "--delay", "0")
    assert code == 4 and "check did not pass by itself and waits for a person; rerun with --show-browser" in err, err
    assert "Traceback" not in err and time.monotonic() - started < 30   # (not said as late: "within 8 s ..., or waits")
    assert not (tmp_path / f"{NAME}.csv").exists()



@pytest.mark.slow
def test_a_check_slower_than_the_challenge_wait_says_it_may_be_given_longer(chromium: str, tmp_path: Path, browse):
    """A check with no box to tick that has not passed in --challenge-wait: it may only be slow, which a longer wait
    would see through; it was said to wait for a person, whom a cron job has not."""
    with ChallengeServer(pages(SEED), delay_ms=10**7) as server:
        code, _, err = browse(server, tmp_path, "--delay", "0", "--challenge-wait", "1")
    assert code == 4 and "did not pass by itself within 1 s (give it longer with --challenge-wait)" in err, err
    assert "rerun with --show-browser" in err and "Traceback" not in err

@pytest.mark.slow
def test_a_browser_that_dies_mid_run_stops_the_run_at_once(chromium: str, tmp_path: Path, as_later_run):
    as_later_run(tmp_path)
    with ChallengeServer(pages(SEED, DOCUMENTS)) as server:
        command = [sys.executable, "-m", "harvester", "harvest", "--query", QUERY, "--base-url", server.origin,
                   "--out", str(tmp_path), "--fetch", "browser", "--delay", "0.2", "--details"]
        run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while sum(hit.path.startswith("/document/") for hit in server.hits()) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        profile = tmp_path / ".harvester" / f"{NAME}.browser"
        subprocess.run(["pkill", "-KILL", "-f", f"user-data-dir={profile}"], check=False)   # as the OOM killer would
        _, err = run.communicate(timeout=60)
        assert run.returncode == 3 and "the browser closed or crashed" in err and "run the same command again" in err
    assert not (tmp_path / f"{NAME}.csv").exists() and "Traceback" not in err   # (resuming: see the killed run's test)


@pytest.mark.slow
@pytest.mark.parametrize(("stop", "code", "said"), [
    (lambda run: run.send_signal(signal.SIGTERM), 143, "stopped (SIGTERM)"),             # as systemd stops a service
    (lambda run: os.killpg(run.pid, signal.SIGINT), 130, "interrupted"),               # Ctrl-C: a terminal sends it to the
], ids=["SIGTERM", "Ctrl-C"])                                                          # group, Playwright's driver too
def test_a_stop_during_a_browser_details_harvest_is_one_line_and_no_traceback(chromium: str, tmp_path: Path, temporary: Path,
                                                                             stop, code, said, as_later_run):
    as_later_run(tmp_path)
    served = pages(SEED, DOCUMENTS)
    images = b"".join(b'<img src="/sites/default/files/x%d.png">' % n for n in range(400))

    def busy(path: str) -> bytes | None:   # each document page asks for many images: requests the browser refuses
        body = served(path)
        return body.replace(b"</body>", images + b"</body>") if body and path.startswith("/document/") else body

    with ChallengeServer(busy) as server:
        command = [sys.executable, "-m", "harvester", "harvest", "--query", QUERY, "--base-url", server.origin,
                   "--out", str(tmp_path), "--fetch", "browser", "--delay", "0", "--details"]
        run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        deadline = time.monotonic() + 60
        while sum(hit.path.startswith("/document/") for hit in server.hits()) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.1)                      # the browser reads the page and refuses its images
        stop(run)
        try:
            _, err = run.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(run.pid, signal.SIGKILL)   # the harvester, its Playwright driver and its Chromium
            run.communicate()
            pytest.fail(f"harvester did not stop within 30 s of {said}")
    assert run.returncode == code and "Traceback" not in err and "Exception" not in err, err
    assert [line for line in err.splitlines() if line.startswith("harvester:")] == [err.strip().splitlines()[-1]]
    assert err.strip().splitlines()[-1].startswith(f"harvester: {said}: the pages fetched so far are kept")
    assert list(temporary.iterdir()) == []   # Chromium closed as it closes, leaving nothing behind


@pytest.mark.slow
def test_a_profile_locked_on_another_machine_is_said_with_the_lock_to_delete(chromium: str, tmp_path: Path, browse):
    profile = tmp_path / ".harvester" / f"{NAME}.browser"
    profile.mkdir(parents=True)
    (profile / "SingletonLock").symlink_to("othercontainer-24826")     # what a container killed and renamed leaves
    with ChallengeServer(pages(SEED)) as server:
        code, _, err = browse(server, tmp_path, "--delay", "0")
    assert code == 2 and f"its profile {profile} is locked by a browser of othercontainer" in err
    assert f"if no browser uses it, delete {profile / 'SingletonLock'}" in err and err.count("harvester: error:") == 1



@pytest.mark.slow
def test_a_profile_another_browser_has_open_is_said_with_what_to_do(chromium: str, tmp_path: Path, browse):
    """Two runs of one dataset never meet there (the second is refused first): only a browser opened on the profile,
    or a run of another dataset given the same --browser-profile, holds it."""
    profile = tmp_path / "shared"
    other = subprocess.Popen([chromium, "--headless", "--no-sandbox", f"--user-data-dir={profile}", "about:blank"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while not os.path.lexists(profile / "SingletonLock") and time.monotonic() < deadline:
            time.sleep(0.05)
        with ChallengeServer(pages(SEED)) as server:
            code, _, err = browse(server, tmp_path / "o", "--delay", "0", "--browser-profile", str(profile))
    finally:
        os.killpg(other.pid, signal.SIGKILL)
        other.wait(10)
    assert code == 2 and f"its profile {profile} is in use by another browser" in err and "same dataset" not in err, err
    assert "give another --browser-profile" in err and err.count("harvester: error:") == 1


def test_a_browser_whose_sandbox_cannot_start_says_so_not_that_it_may_be_no_chromium(tmp_path: Path):
    """As Playwright words it when Chromium runs as another user than root in a container without user namespaces (the
    words of a real launch, as root with the sandbox on); it was said as "is it a Chromium?"."""
    from harvester.fetch.browser import _why

    said = ("BrowserType.launch_persistent_context: Target page, context or browser has been closed\nBrowser logs:\n"
            "Chromium sandboxing failed!\n================================\nTo avoid the sandboxing issue, do either of the "
            "following:\n  - (preferred): Configure your environment to support sandboxing\n  - (alternative): Launch "
            "Chromium without sandbox using 'chromiumSandbox: false' option\n================================\n\nCall log:\n"
            "  - <launching> /usr/bin/chromium --headless\n  - [pid=1234] <process did exit: exitCode=1, signal=null>\n")
    why = _why(Exception(said), tmp_path)
    assert "sandbox cannot start here" in why and "user namespaces" in why and "Chromium?" not in why

@pytest.mark.slow
@pytest.mark.parametrize("given", ["new", "a-profile-copied-in"])
def test_a_first_browser_run_that_fails_before_any_page_leaves_only_a_profile_it_found(chromium: str, tmp_path: Path, given: str):
    """Nothing answers: the profile the run made goes with the rest of its failed first run, and so the DIR it made; it
    stayed, and DIR with it. A profile that was there (copied in with its clearance, say) is someone's: it stays."""
    from harvester.errors import FetchError
    from harvester.pipeline import harvest
    from harvester.settings import Settings

    profile = tmp_path / "o" / ".harvester" / "s.browser"
    if given != "new":
        profile.mkdir(parents=True)
        (profile / "mine.txt").write_text("kept", encoding="utf-8")
    with socket.socket() as closed:   # a port nothing listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    with pytest.raises(FetchError, match="robots.txt"):
        harvest(get_site("wilson"), Search("x"), tmp_path / "o", "s", ["csv"],
                Settings(base_url=f"http://127.0.0.1:{port}", fetch="browser", delay=0, attempts=1))
    if given == "new":
        assert not (tmp_path / "o").exists()
    else:
        assert (profile / "mine.txt").read_text(encoding="utf-8") == "kept" and not (profile.parent / "s.sqlite").exists()


class Unmarked(ChallengeServer):
    """A check known by its page alone, with no cf-mitigated header (Cloudflare's older checks), answered 503."""

    def answer(self, path: str, user_agent: str, cookie: str | None):
        (status, kind, body), headers, challenged = super().answer(path, user_agent, cookie)
        return ((503, kind, body), {"Retry-After": "60"}, True) if challenged else ((status, kind, body), headers, False)


@pytest.mark.slow
def test_a_check_known_by_its_page_alone_is_passed_as_one_known_by_its_header(chromium: str, open_site, tmp_path: Path, browse):
    """Its script was refused: the request came while the check's body was still read, before it was known as one."""
    with Unmarked(pages(SEED)) as server:
        code, _, err = browse(server, tmp_path, "--delay", "0")
        scripts = [hit for hit in server.hits() if hit.path.startswith(CHALLENGE_SCRIPT)]
    assert code == 0 and scripts, err
    assert timeless(dataset(tmp_path, NAME)) == open_site(False)


class RateLimited(ChallengeServer):
    """The second page is first answered 429: a page of the site's, no check, that moves itself elsewhere at once."""

    limited = False

    def answer(self, path: str, user_agent: str, cookie: str | None):
        reply, headers, challenged = super().answer(path, user_agent, cookie)
        if "page=1" in path and not challenged and not self.limited:
            self.limited = True
            return (429, HTML, b"<title>Too many requests</title><script>location.href='/moved'</script>"), {"Retry-After": "1"}, False
        return reply, headers, challenged


@pytest.mark.slow
def test_a_rate_limit_answer_that_moves_itself_is_waited_out_not_followed(chromium: str, open_site, tmp_path: Path, browse):
    """While a 429 or 503 is read it may be a check, whose scripts load; its own navigation waits for its body to say so."""
    with RateLimited(pages(SEED)) as server:
        code, _, err = browse(server, tmp_path, "--delay", "0")
    assert code == 0 and only_pages_and_challenges(server) == [], err
    assert timeless(dataset(tmp_path, NAME)) == open_site(False)


class NeverClearing(ChallengeServer):
    """A check that sets its cookie and reloads, but never takes the cookie: the browser never gets through."""

    def _check(self, user_agent: str, cookie: str | None) -> str | None:
        return self._secret


@pytest.mark.slow
def test_a_check_that_never_lets_the_browser_through_is_blocked_in_a_few_tries(chromium: str, tmp_path: Path, browse):
    with NeverClearing(pages(SEED)) as server:
        started = time.monotonic()
        code, _, err = browse(server, tmp_path, "--delay", "0")
        navigations = [hit for hit in server.hits() if hit.is_page]
    assert code == 4 and "the site's bot check did not let the browser through (11 checks" in err
    assert len(navigations) == 11 and time.monotonic() - started < 30 and "Traceback" not in err


@pytest.mark.slow
def test_a_browser_run_killed_mid_run_resumes_and_completes(chromium: str, open_site: Callable[[bool], list[dict]], tmp_path: Path,
                                                            monkeypatch, capfd, as_later_run):
    """Killed, the run is a process of its own; it is resumed by the same command in this process (its delay does not wait)."""
    expected = open_site(True)
    as_later_run(tmp_path / "b")
    with ChallengeServer(pages(SEED, DOCUMENTS), expire_after=6) as server:
        command = [sys.executable, "-m", "harvester", "harvest", "--query", QUERY, "--base-url", server.origin,
                   "--out", str(tmp_path / "b"), "--fetch", "browser", "--delay", "0.1", "--details"]
        run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 60
        while sum(hit.path.startswith("/document/") and not hit.challenged for hit in server.hits()) < 5 \
                and time.monotonic() < deadline:
            time.sleep(0.05)
        os.killpg(run.pid, signal.SIGKILL)                 # the harvester, its Playwright driver and its Chromium
        run.wait(10)
        documents_before = sum(hit.path.startswith("/document/") and not hit.challenged for hit in server.hits())
        assert 5 <= documents_before < 19, "killed mid-run"
        code, _, err = run_cli(monkeypatch, capfd, *command[3:])
    assert code == 0, err
    assert timeless(dataset(tmp_path / "b", NAME)) == expected
    assert "resuming run 1" in err


def test_no_browser_is_one_line_saying_how_to_get_one(tmp_path: Path, monkeypatch, capsys):
    code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", "x", "--out", str(tmp_path), "--fetch", "browser",
                           "--browser-path", str(tmp_path / "no-chromium"))
    assert code == 2 and err.startswith("harvester: error: --browser-path") and err.count("\n") == 1   # said first
    assert "apt-get install chromium" in err and "no browser there" in err and not list(tmp_path.iterdir())   # nothing made


def test_no_playwright_is_one_line_saying_how_to_get_it_before_anything_is_made(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "playwright", None)     # as when the browser extra is not installed
    code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", "x", "--out", str(tmp_path / "o"), "--fetch", "browser")
    assert code == 2 and err == "harvester: error: --fetch browser needs Playwright: pip install 'wilson-harvester[browser]'\n"
    assert not (tmp_path / "o").exists()


def test_showing_the_browser_with_no_display_is_said_before_anything_is_made(chromium: str, tmp_path: Path, monkeypatch, capsys):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", "x", "--out", str(tmp_path / "o"), "--fetch", "browser",
                           "--show-browser")
    assert code == 2 and err == ("harvester: error: --show-browser: there is no display to show it on (set DISPLAY, or leave "
                                 "out --show-browser)\n") and not (tmp_path / "o").exists()


def test_the_trial_server_on_a_port_another_program_holds_says_so_in_one_line(capsys):
    """The README's `python -m tests.challengeserver` a second time (the first still going in another terminal)."""
    from tests.challengeserver import main

    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        with pytest.raises(SystemExit) as done:
            main(["--port", str(port := held.getsockname()[1])])
    assert done.value.code == 2 and capsys.readouterr().err == (
        f"python -m tests.challengeserver: --port {port}: cannot listen on 127.0.0.1 (Address already in use); give "
        "another with --port, and its address to --base-url\n")


# --cookies: a session a person's browser cleared, reused by the plain client

def cookies_file(path: Path, lines: list[tuple[str, str, str]]) -> Path:
    path.write_text("# Netscape HTTP Cookie File\n" + "".join(
        f"{domain}\t{'TRUE' if domain.startswith('.') else 'FALSE'}\t/\tFALSE\t{int(time.time()) + 3600}\t{name}\t{value}\n"
        for domain, name, value in lines))
    return path


def test_cookies_of_a_cleared_session_harvest_everything_and_their_values_go_nowhere(
        open_site: Callable[[bool], list[dict]], tmp_path: Path, monkeypatch, capsys):
    expected = open_site(False)
    agent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
    with ChallengeServer(pages(SEED), set_cookie=f"session={SECRET}; Path=/") as server:
        cleared = server.cookie_for(agent)
        jar = cookies_file(tmp_path / "cookies.txt", [("127.0.0.1", "cf_clearance", cleared),
                                                      (".other.example", "elsewhere", "notforthissite")])
        code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", QUERY, "--base-url", server.origin, "--out",
                               str(tmp_path / "c"), "--delay", "0", "--cookies", str(jar), "--user-agent", agent)
        hits = [hit for hit in server.hits() if hit.is_page]
    assert code == 0, err
    assert timeless(dataset(tmp_path / "c", NAME)) == expected
    assert hits and not any(hit.challenged for hit in hits) and {hit.user_agent for hit in hits} == {agent}
    assert all("notforthissite" not in hit.cookies and cleared in hit.cookies for hit in hits)
    for path in (tmp_path / "c").rglob("*"):                 # the files, the archive, the state: no cookie value
        if path.is_file():
            data = path.read_bytes()
            data = gzip.decompress(data) if path.suffix == ".gz" else data
            assert cleared.encode() not in data and SECRET.encode() not in data, path
    assert cleared not in err and SECRET not in err


@pytest.mark.parametrize("given", ["pipe", "empty"])
def test_cookies_given_through_a_pipe_are_read_as_a_files(tmp_path: Path, monkeypatch, capsys, given: str):
    """--cookies <(cat cookies.txt), as --names takes one: its pipe was said to be "no such file". One that brought
    nothing is read as an empty file is (a harvest reads its cookies once)."""
    agent = "Mozilla/5.0 (X11; Linux x86_64) piped"
    with ChallengeServer(pages(SEED)) as server:
        jar = cookies_file(tmp_path / "cookies.txt", [("127.0.0.1", "cf_clearance", server.cookie_for(agent))])
        reading, writing = os.pipe()
        os.write(writing, jar.read_bytes() if given == "pipe" else b"")   # (a few lines: within what a pipe holds)
        os.close(writing)
        try:
            code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", QUERY, "--base-url", server.origin, "--out",
                                   str(tmp_path / "c"), "--delay", "0", "--user-agent", agent, "--cookies", f"/dev/fd/{reading}")
        finally:
            os.close(reading)
    if given == "pipe":
        assert code == 0 and len(dataset(tmp_path / "c", NAME)) == 19, err
    else:
        assert code == 2 and err.endswith(f"\nharvester: error: --cookies /dev/fd/{reading}: no cookie in it is for 127.0.0.1; "
                                          "export the cookies of that site\n") and err.count("harvester: error:") == 1


def test_cookies_of_a_named_pipe_no_program_writes_to_are_none_not_a_wait_forever(tmp_path: Path):
    """A named pipe (mkfifo) is read once: a second harvest of a harvests file that names it, or one no program was
    started to write, waited forever, with nothing said (-q, as cron runs it), holding the run's lock."""
    os.mkfifo(tmp_path / "cookies.txt")
    done = subprocess.run([sys.executable, "-m", "harvester", "-q", "harvest", "--query", "x", "--base-url", "http://127.0.0.1:9",
                           "--out", str(tmp_path / "out"), "--cookies", str(tmp_path / "cookies.txt"), "--user-agent", "x"],
                          capture_output=True, text=True, timeout=30)
    assert (done.returncode, done.stderr) == (2, f"harvester: error: --cookies {tmp_path / 'cookies.txt'}: no cookie in it is "
                                                 "for 127.0.0.1; export the cookies of that site\n")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", os.devnull])
def test_cookies_given_as_a_device_are_refused_before_it_is_read(device: str):
    """A file or a pipe is read whole: /dev/zero never ends, and was read until memory ran out (said as a bug, a
    MemoryError). Checked as the harvest starts (the check alone here: on the code before, the harvest reads it)."""
    from harvester.config import check_fetch_ready

    with pytest.raises(UsageError, match=f"^--cookies {device}: a device, not a cookies file$"):
        check_fetch_ready(Settings(cookies=Path(device)))


def test_the_readmes_trial_server_serves_the_scans_of_the_demos_documents(tmp_path: Path, monkeypatch, capsys):
    """The trial of --cookies the README gives, with --details --pdfs: every document's page and scan, as `harvester
    demo` serves them."""
    from tests.challengeserver import demo_pages

    agent = "Mozilla/5.0 (X11; Linux x86_64) trial"
    with ChallengeServer(demo_pages()) as server:
        jar = cookies_file(tmp_path / "cookies.txt", [("127.0.0.1", "cf_clearance", server.cookie_for(agent))])
        code, out, err = run_cli(monkeypatch, capsys, "harvest", "--query", QUERY, "--base-url", server.origin, "--out",
                                 str(tmp_path / "t"), "--delay", "0", "--cookies", str(jar), "--user-agent", agent,
                                 "--details", "--pdfs")
    assert code == 0 and [line for line in err.splitlines() if " INFO " not in line] == [], err
    assert "run 1: 19 documents, all new; PDFs: 16 downloaded, 0 unchanged, 0 failed" in out
    assert len(list((tmp_path / "t" / "pdfs").glob("*.pdf"))) == 16


def test_cookies_the_check_refuses_are_said_as_such(tmp_path: Path, monkeypatch, capsys):
    """Cookies cleared for another User-Agent (or expired): the error told to harvest with --cookies and --user-agent,
    which the run had been given."""
    with ChallengeServer(pages(SEED)) as server:
        jar = cookies_file(tmp_path / "cookies.txt", [("127.0.0.1", "cf_clearance", server.cookie_for("Mozilla/5.0 (a)"))])
        code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", QUERY, "--base-url", server.origin, "--out",
                               str(tmp_path / "c"), "--delay", "0", "--cookies", str(jar), "--user-agent", "Mozilla/5.0 (b)")
    assert code == 4 and err.count("harvester: error:") == 1 and "Traceback" not in err
    assert f"(HTTP 403) in spite of the cookies of {jar}: they have expired, or --user-agent is not" in err
    assert "--cookies FILE --user-agent TEXT" not in err



@pytest.mark.parametrize("copied", ["'{}'", '"{}"', "{}\n"])
def test_a_user_agent_copied_from_the_console_with_its_quotes_is_the_browsers(tmp_path: Path, monkeypatch, capsys, copied: str):
    """The console shows navigator.userAgent in quotes (Chrome's ', Firefox's "), and they copy with it: sent, they made
    the clearance fail, said as a User-Agent not the browser's, which it looked to be."""
    agent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
    with ChallengeServer(pages(SEED)) as server:
        jar = cookies_file(tmp_path / "cookies.txt", [("127.0.0.1", "cf_clearance", server.cookie_for(agent))])
        code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", QUERY, "--base-url", server.origin, "--out",
                               str(tmp_path / "c"), "--delay", "0", "--cookies", str(jar), "--user-agent", copied.format(agent))
        sent = {hit.user_agent for hit in server.hits() if hit.is_page}
    assert code == 0 and sent == {agent}, err

@pytest.mark.parametrize(("args", "said"), [
    (("--cookies", "COOKIES"), "--cookies needs --user-agent"),
    (("--cookies", "MISSING", "--user-agent", "x"), "none.txt: no such file"),
    (("--cookies", "NOT-COOKIES", "--user-agent", "x"), "cannot be read as a cookies.txt file"),
    (("--cookies", "OTHER", "--user-agent", "x"), "no cookie in it is for 127.0.0.1"),
    (("--fetch", "browser", "--cookies", "COOKIES", "--user-agent", "x"), "are for the plain client"),
    (("--show-browser",), "need --fetch browser"),
    (("--contact", "金日成 <kim@example.org>"), "the User-Agent header carries plain ASCII only"),   # no accents to drop
    (("--cookies", "COOKIES", "--user-agent", "Mozilla/5.0\nX-Evil: 1"), "the User-Agent header carries plain ASCII only"),
    (("--cookies", "ACCENTED", "--user-agent", "x"), "cookie 'a' for 127.0.0.1 holds characters other than ASCII"),
    (("--cookies", "LATIN-1", "--user-agent", "x"), "cannot be read as a cookies.txt file (not UTF-8 text)"),
    (("--cookies", "BAD-EXPIRY", "--user-agent", "x"), "cannot be read as a cookies.txt file"),
    # a cookies.txt saved with a byte-order mark (as Notepad saves it) is read: its cookies are for another site here
    (("--cookies", "BOM", "--user-agent", "x"), "no cookie in it is for 127.0.0.1"),
])
def test_a_mistake_in_the_fetch_options_is_one_line(tmp_path: Path, monkeypatch, capsys, args, said):
    files = {"COOKIES": cookies_file(tmp_path / "c.txt", [("127.0.0.1", "a", "b")]),
             "OTHER": cookies_file(tmp_path / "o.txt", [("other.example", "a", "b")]), "MISSING": tmp_path / "none.txt",
             "NOT-COOKIES": tmp_path / "notes.txt", "ACCENTED": cookies_file(tmp_path / "a.txt", [("127.0.0.1", "a", "é")]),
             "LATIN-1": tmp_path / "latin.txt", "BAD-EXPIRY": tmp_path / "expiry.txt", "BOM": tmp_path / "bom.txt"}
    files["BOM"].write_bytes(b"\xef\xbb\xbf" + cookies_file(tmp_path / "plain.txt", [("other.example", "a", "b")]).read_bytes())
    files["NOT-COOKIES"].write_text("my notes, not an export of cookies\n")
    files["LATIN-1"].write_bytes(b"# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\ta\t\xff\n")
    files["BAD-EXPIRY"].write_text("# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\tsoon\ta\tb\n")
    code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", "x", "--base-url", "http://127.0.0.1:9", "--out",
                           str(tmp_path / "out"), "--delay", "0", *(str(files.get(a, a)) for a in args))
    assert code == 2 and said in err and err.count("harvester: error:") == 1 and "Traceback" not in err
    assert "MISSING" not in args or not (tmp_path / "out").exists()     # said before anything is made


def test_another_sites_cookie_that_no_header_could_carry_is_left_out_with_the_rest_of_its_site(tmp_path: Path):
    from harvester.fetch.client import load_cookies

    jar = load_cookies(cookies_file(tmp_path / "c.txt", [("127.0.0.1", "cf_clearance", "ok"), (".other.example", "p", "café")]),
                       "127.0.0.1")
    assert [(cookie.name, cookie.value) for cookie in jar] == [("cf_clearance", "ok")]


def test_session_cookies_are_sent_and_expired_ones_are_said(tmp_path: Path):
    """Browser extensions and curl write a session cookie with expiry 0; one whose time has passed is no clearance."""
    from harvester.fetch.client import load_cookies

    lines = "# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\tcf_clearance\tsession\n"
    (tmp_path / "session.txt").write_text(lines)
    assert [(c.name, c.value) for c in load_cookies(tmp_path / "session.txt", "127.0.0.1")] == [("cf_clearance", "session")]
    (tmp_path / "old.txt").write_text(lines.replace("\t0\t", f"\t{int(time.time()) - 60}\t"))
    with pytest.raises(UsageError, match=r"old.txt: the cookies for 127.0.0.1 in it have expired"):
        load_cookies(tmp_path / "old.txt", "127.0.0.1")


def test_a_nameless_cookie_is_sent_as_its_browser_sends_it(tmp_path: Path):
    """A cookies.txt writes a cookie set without a name (`Set-Cookie: token`) with an empty name field: a browser sends it
    back as `token`, and so did Python's reader; `=token` is another cookie to a server, or a header it cannot read."""
    import httpx

    from harvester.fetch.client import load_cookies

    (tmp_path / "c.txt").write_text("127.0.0.1\tFALSE\t/\tFALSE\t0\tcf_clearance\tok\n127.0.0.1\tFALSE\t/\tFALSE\t0\t\ttoken\n")
    request = httpx.Client(cookies=load_cookies(tmp_path / "c.txt", "127.0.0.1")).build_request("GET", "http://127.0.0.1/")
    assert sorted(request.headers["Cookie"].split("; ")) == ["cf_clearance=ok", "token"]


def test_a_cookie_line_whose_empty_value_lost_its_tab_is_read_as_curl_reads_it(tmp_path: Path):
    """An editor that trims the ends of lines takes the tab before an empty value: curl reads the line, as harvester."""
    from harvester.fetch.client import load_cookies

    (tmp_path / "c.txt").write_text("example.org\tFALSE\t/\tFALSE\t0\tconsent\n127.0.0.1\tFALSE\t/\tFALSE\t0\tcf_clearance\tok\n"
                                    "127.0.0.1\tFALSE\t/\tFALSE\t0\tseen\n")
    assert sorted((c.name, c.value) for c in load_cookies(tmp_path / "c.txt", "127.0.0.1")) == [("cf_clearance", "ok"), ("seen", "")]


def test_a_cookie_as_an_editor_or_another_tool_wrote_it_is_sent_as_its_browser_sends_it(tmp_path: Path):
    """A value with a space after it (an editor's) was a header httpx would not send, said as a network failure after
    five tries; a domain in capitals was no cookie for the site. A browser keeps neither the space nor the case."""
    import httpx

    from harvester.fetch.client import load_cookies

    (tmp_path / "c.txt").write_text("DigitalArchive.WilsonCenter.org\tFALSE\t/\tFALSE\t0\tcf_clearance\tok \n")
    cookies = load_cookies(tmp_path / "c.txt", "digitalarchive.wilsoncenter.org")
    request = httpx.Client(cookies=cookies).build_request("GET", "http://digitalarchive.wilsoncenter.org/")
    assert request.headers["Cookie"] == "cf_clearance=ok"
    (tmp_path / "c.txt").write_text("127.0.0.1\tFALSE\t/\tFALSE\t0\tcf_clearance\tok\u00a0\n", encoding="utf-8")
    with pytest.raises(UsageError, match="holds characters other than ASCII"):   # (a browser trims spaces and tabs only: a
        load_cookies(tmp_path / "c.txt", "127.0.0.1")                         # no-break space is said, not dropped)
    (tmp_path / "c.txt").write_text("127.0.0.1\tFALSE\t/\tFALSE\t0\t\t \n")   # neither name nor value: no cookie (it was sent)
    with pytest.raises(UsageError, match=r"c\.txt: no cookie in it is for 127\.0\.0\.1"):
        load_cookies(tmp_path / "c.txt", "127.0.0.1")
    (tmp_path / "c.txt").write_text("127.0.0.1\tFALSE\t/\tFALSE\tnever\tcf_clearance\tok\n")
    with pytest.raises(UsageError, match=r"c\.txt: cannot be read as a cookies\.txt file \(line 1: its expiry 'never' is "
                                         r"no time in seconds\)"):
        load_cookies(tmp_path / "c.txt", "127.0.0.1")


@pytest.mark.parametrize(("domain", "origin"), [("localhost", "http://localhost:8000"), ("::1", "http://[::1]:8000"),
                                                ("[::1]", "http://[::1]:8000"), ("127.0.0.1", "http://127.0.0.1:8000"),
                                                ("localhost", "http://localhost.:8000"),   # (its name fully qualified)
                                                (".localhost", "http://mirror.localhost.:8000"),
                                                ("127.0.0.1", "http://127.1:8000"),   # (as a browser there exports them)
                                                ("::1", "http://[0:0::1]:8000")])
def test_the_cookies_of_a_local_mirror_are_sent_to_it(tmp_path: Path, domain: str, origin: str):
    """A host without a dot (localhost, an IPv6 address) is one Python's cookie rules send nothing to: a mirror there got
    no cookies. The file's cookies are the host's alone already, so they go (to the origin as --base-url gives it)."""
    from urllib.parse import urlsplit

    from harvester.config import checked_origin
    from harvester.fetch.client import make_client

    (tmp_path / "c.txt").write_text(f"{domain}\tFALSE\t/\tFALSE\t0\tcf_clearance\tok\n", encoding="utf-8")
    origin = checked_origin(origin, "--base-url")
    with make_client(Settings(cookies=tmp_path / "c.txt"), urlsplit(origin).hostname) as client:
        assert client.build_request("GET", f"{origin}/search").headers.get("Cookie") == "cf_clearance=ok"


@pytest.mark.parametrize("origin", ["http://localhost:8000", "http://127.0.0.1:8000", "http://[::1]:8000", "http://127.1:8000", "http://[0:0::1]:8000",
                                    "http://mirror.localhost:8000", "http://localhost.:8000",   # (any NAME.localhost is this machine)
                                    "http://127.0.0.2:8000", "http://127.1.:8000"])   # (127.0.0.0/8 is all this machine's)
def test_a_local_mirrors_secure_cookie_is_sent_to_it_over_plain_http(tmp_path: Path, origin: str):
    """A browser sends a Secure cookie to this machine over HTTP (a secure context): a mirror there (its origin as
    --base-url gives it) gets it."""
    from urllib.parse import urlsplit

    from harvester.config import checked_origin
    from harvester.fetch.client import make_client

    (tmp_path / "c.txt").write_text(f"{urlsplit(origin).hostname.rstrip('.')}\tFALSE\t/\tTRUE\t0\tcf_clearance\tok\n",
                                    encoding="utf-8")
    origin = checked_origin(origin, "--base-url")
    with make_client(Settings(cookies=tmp_path / "c.txt"), urlsplit(origin).hostname) as client:
        assert client.build_request("GET", f"{origin}/search").headers.get("Cookie") == "cf_clearance=ok"


@pytest.mark.parametrize(("host", "then"), [("127.1", "http://127.0.0.1:8000"), ("0x7f.0.0.1", "http://127.0.0.1:8000"),
                                            ("0:0::1", "http://[::1]:8000")])
def test_the_cookies_go_where_a_redirect_to_the_same_host_written_otherwise_leads(tmp_path: Path, host: str, then: str):
    """--base-url http://127.1:PORT, and the site redirects to 127.0.0.1, the same host as browsers write it (the crawl
    follows it): its cookies went to 127.1 alone, and the bot check they pass was shown again."""
    from urllib.parse import urlsplit

    from harvester.config import checked_origin
    from harvester.fetch.client import make_client

    (tmp_path / "c.txt").write_text(f"{host}\tFALSE\t/\tFALSE\t0\tcf_clearance\tok\n", encoding="utf-8")
    origin = checked_origin(f"http://{f'[{host}]' if ':' in host else host}:8000", "--base-url")
    with make_client(Settings(cookies=tmp_path / "c.txt"), urlsplit(origin).hostname) as client:
        assert client.build_request("GET", f"{then}/search").headers.get("Cookie") == "cf_clearance=ok"


def test_a_cookie_the_site_refreshes_is_the_one_a_redirect_to_the_same_host_written_otherwise_carries(tmp_path: Path):
    """--base-url http://127.1:PORT: the site refreshes its clearance cookie, then redirects to 127.0.0.1, the same host;
    the new cookie goes there, not the file's, which a copy kept for each spelling of the host sent."""
    from urllib.parse import urlsplit

    import httpx

    from harvester.config import checked_origin
    from harvester.fetch.client import make_client

    (tmp_path / "c.txt").write_text("127.1\tFALSE\t/\tFALSE\t0\tcf_clearance\told\n", encoding="utf-8")
    origin = checked_origin("http://127.1:8000", "--base-url")
    with make_client(Settings(cookies=tmp_path / "c.txt"), urlsplit(origin).hostname) as client:
        asked = client.build_request("GET", f"{origin}/search")
        client.cookies.extract_cookies(httpx.Response(200, headers={"Set-Cookie": "cf_clearance=new; Path=/"}, request=asked))
        assert client.build_request("GET", "http://127.0.0.1:8000/search").headers.get("Cookie") == "cf_clearance=new"


@pytest.mark.parametrize("line", [".localhost\tTRUE", "localhost\tTRUE", "#HttpOnly_.localhost\tTRUE"])
def test_a_local_mirrors_cookie_for_its_subdomains_is_sent_to_it(tmp_path: Path, line: str):
    """A cookie set with Domain=localhost is exported for its subdomains: it is localhost's all the same."""
    from harvester.fetch.client import make_client

    (tmp_path / "c.txt").write_text(f"{line}\t/\tFALSE\t0\tcf_clearance\tok\n", encoding="utf-8")
    with make_client(Settings(cookies=tmp_path / "c.txt"), "localhost") as client:
        assert client.build_request("GET", "http://localhost:8000/search").headers.get("Cookie") == "cf_clearance=ok"


def test_a_cookies_file_powershell_wrote_in_utf_16_is_read(tmp_path: Path):
    """PowerShell's `>` writes UTF-16 with a byte-order mark, which tells how to read it."""
    from harvester.fetch.client import load_cookies

    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        (tmp_path / "c.txt").write_bytes(bom + "127.0.0.1\tFALSE\t/\tFALSE\t0\tcf_clearance\tok\r\n".encode(encoding))
        assert [(c.name, c.value) for c in load_cookies(tmp_path / "c.txt", "127.0.0.1")] == [("cf_clearance", "ok")]


def test_a_cookies_file_in_utf_32_is_read_and_a_utf_16_one_cut_short_is_said_as_such(tmp_path: Path):
    """UTF-32's mark begins as UTF-16's: it was read as UTF-16, each letter followed by a NUL ("its expiry '\\x000\\x00'"),
    or (big-endian) said to be UTF-16 without a mark. A UTF-16 file of an odd number of bytes was said to be no UTF-8."""
    from harvester.fetch.client import load_cookies

    line = "127.0.0.1\tFALSE\t/\tFALSE\t0\tcf_clearance\tok\r\n"
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")):
        (tmp_path / "c.txt").write_bytes(bom + line.encode(encoding))
        assert [(c.name, c.value) for c in load_cookies(tmp_path / "c.txt", "127.0.0.1")] == [("cf_clearance", "ok")]
    (tmp_path / "c.txt").write_bytes(codecs.BOM_UTF16_LE + line.encode("utf-16-le") + b"\n")
    with pytest.raises(UsageError, match=r"c\.txt: cannot be read as a cookies\.txt file \(UTF-16 text by its byte-order "
                                         r"mark, which cannot be decoded: truncated data\)"):
        load_cookies(tmp_path / "c.txt", "127.0.0.1")


@pytest.mark.parametrize("character", ["\x0c", "\x1d", "\x85", "\u2028"])
def test_a_cookie_value_holding_a_character_other_tools_take_for_a_line_break_is_said_not_cut(tmp_path: Path, character: str):
    """A cookies.txt's lines end at \\n (or \\r\\n), as curl reads them: a form feed or \\u2028 in a value cut the line
    in two, said as 'line 2 is not a cookie's 7 fields'. No Cookie header can carry such a character: it is said so."""
    from harvester.fetch.client import load_cookies

    (tmp_path / "c.txt").write_text(f"127.0.0.1\tFALSE\t/\tFALSE\t0\tcf_clearance\tok{character}more\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"c\.txt: cookie 'cf_clearance' for 127\.0\.0\.1 holds characters other than ASCII, "
                                         r"or control characters, which a Cookie header cannot carry"):
        load_cookies(tmp_path / "c.txt", "127.0.0.1")


@pytest.mark.parametrize("origin", ["http://localhost:8000", "http://localhost.:8000"])
def test_a_cookie_whose_domain_is_written_fully_qualified_is_the_hosts(tmp_path: Path, origin: str):
    """A browser that visited http://localhost.:8000 exports its cookies for `localhost.`: the same host, as a
    --base-url of localhost. is (it was 'no cookie in it is for localhost')."""
    from urllib.parse import urlsplit

    from harvester.config import checked_origin
    from harvester.fetch.client import make_client

    (tmp_path / "c.txt").write_text("localhost.\tFALSE\t/\tFALSE\t0\tcf_clearance\tok\n", encoding="utf-8")
    origin = checked_origin(origin, "--base-url")
    with make_client(Settings(cookies=tmp_path / "c.txt"), urlsplit(origin).hostname) as client:
        assert client.build_request("GET", f"{origin}/search").headers.get("Cookie") == "cf_clearance=ok"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_a_cookies_file_in_utf_16_without_its_byte_order_mark_is_said_so(tmp_path: Path, encoding: str):
    """Without the mark, its NULs were read as UTF-8: "its expiry '\\x000\\x00' is no time in seconds"; a UTF-32 file was
    said to be UTF-16."""
    from harvester.fetch.client import load_cookies

    (tmp_path / "c.txt").write_bytes("127.0.0.1\tFALSE\t/\tFALSE\t0\tcf_clearance\tok\r\n".encode(encoding))
    with pytest.raises(UsageError, match=r"c\.txt: UTF-16 or UTF-32 text without a byte-order mark \(NULs between its letters\), which "
                                         r"cannot be told from other text: save it as UTF-8, or export the cookies again$"):
        load_cookies(tmp_path / "c.txt", "127.0.0.1")


@pytest.mark.parametrize("text", [
    "digitalarchive.wilsoncenter.org\tFALSE\t/\tTRUE\t0\tcf_clearance\tok\n",   # no "# Netscape HTTP Cookie File": as curl reads
    "\ufeff# HTTP Cookie File\r\n#HttpOnly_.wilsoncenter.org\tTRUE\t/\tTRUE\t0\tcf_clearance\tok\r\n",   # curl's, saved by Notepad
    ".wilsoncenter.org\tFALSE\t/\tTRUE\t{later}.022653\tcf_clearance\tok\n",   # EditThisCookie's: FALSE beside a domain's dot
    "  # exported by hand\ndigitalarchive.wilsoncenter.org\tFALSE\t/\tTRUE\t\tcf_clearance\tok\n",   # no expiry: a session's
])
def test_the_cookies_txt_files_browser_extensions_and_curl_write_are_read(tmp_path: Path, text: str):
    from harvester.fetch.client import load_cookies

    (tmp_path / "c.txt").write_text(text.format(later=int(time.time()) + 3600), encoding="utf-8", newline="")
    jar = load_cookies(tmp_path / "c.txt", "digitalarchive.wilsoncenter.org")
    assert [(c.name, c.value) for c in jar] == [("cf_clearance", "ok")]


@pytest.mark.parametrize(("text", "said"), [
    ('[{"domain": "127.0.0.1", "name": "cf_clearance", "value": "secret", "hostOnly": true}]',
     "a JSON export of cookies, not a cookies.txt file; export them again in the Netscape (cookies.txt) format"),
    ("# Netscape HTTP Cookie File\n127.0.0.1 FALSE / FALSE 0 cf_clearance secret\n",   # its tabs made spaces by an editor
     "line 2 is not a cookie's 7 fields separated by tabs"),
    ("cf_clearance=secret; other=1\n", "line 1 is not a cookie's 7 fields separated by tabs"),   # a Cookie header, copied
])
def test_a_cookies_file_in_another_format_says_which_and_what_to_do(tmp_path: Path, text: str, said: str):
    from harvester.fetch.client import load_cookies

    (tmp_path / "c.txt").write_text(text, encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        load_cookies(tmp_path / "c.txt", "127.0.0.1")
    assert said in str(caught.value) and "secret" not in str(caught.value)


def test_the_harvests_file_takes_the_fetch_options(tmp_path: Path):
    file = tmp_path / "h.toml"
    file.write_text('fetch = "browser"\nchallenge_wait = 45\n[[harvest]]\nquery = "x"\n[[harvest]]\nquery = "y"\n'
                    'fetch = "http"\ncookies = "c.txt"\nuser_agent = "Mozilla/5.0"\n', encoding="utf-8")
    first, second = load_jobs(file)       # a cookies file not there yet is said when its harvest starts (test_runs)
    assert (first.settings.fetch, first.settings.challenge_wait) == ("browser", 45)
    assert (second.settings.fetch, second.settings.cookies, second.settings.user_agent) == (
        "http", tmp_path / "c.txt", "Mozilla/5.0")


def test_a_browser_path_is_a_path_as_the_others_are_from_the_harvests_files_folder_and_with_its_tilde(tmp_path: Path,
                                                                                                      monkeypatch, capsys):
    """`run --help` says a path's ~ is one's home and a relative one is from the file's folder: browser_path was taken as
    written, from the current folder, and a quoted --browser-path "~/chrome" named a folder "~"."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    file = tmp_path / "h.toml"
    file.write_text('fetch = "browser"\nquery = "x"\n[[harvest]]\nbrowser_path = "~/chrome"\n'
                    '[[harvest]]\nbrowser_path = "bin/chrome"\n', encoding="utf-8")
    assert [job.settings.browser_path for job in load_jobs(file)] == [str(tmp_path / "home" / "chrome"), str(tmp_path / "bin" / "chrome")]
    code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", "x", "--out", str(tmp_path / "o"), "--fetch", "browser",
                           "--browser-path", "~/chrome")
    assert code == 2 and f"--browser-path {tmp_path / 'home' / 'chrome'}: no browser there" in err, err


@pytest.mark.slow
def test_the_browser_downloads_the_scans_with_its_own_session(chromium: str, tmp_path: Path, browse):
    from tests.faultserver import folder_files

    files = folder_files(DOCUMENTS)
    serving = pages(SEED, DOCUMENTS)
    with ChallengeServer(lambda path: serving(path) or files(path)) as server:
        code, out, err = browse(server, tmp_path, "--delay", "0", "--details", "--pdfs")
        scans = [hit for hit in server.hits() if hit.path.endswith((".pdf", "/download"))]
    assert code == 0, err
    assert "PDFs: 16 downloaded, 0 unchanged, 0 failed" in out
    records = [r for r in dataset(tmp_path, NAME) if r["pdf_file"]]
    assert len(records) == len(scans) == 16 and all(hit.cookie and not hit.challenged for hit in scans)
    for record in records:
        assert hashlib.sha256((tmp_path / record["pdf_file"]).read_bytes()).hexdigest() == record["pdf_sha256"]


@pytest.mark.slow
def test_a_scan_larger_than_max_pdf_mb_is_refused_by_its_length_and_never_read(chromium: str, tmp_path: Path, browse):
    """As the plain client does: the scan is refused by the length it says, before a byte of it is kept, and not asked
    for again (each is sent cut short here: one read whole would fail, and be tried again)."""
    from tests.faultserver import Fault, FaultServer, folder_files

    files, serving = folder_files(DOCUMENTS), pages(SEED, DOCUMENTS)
    big = b"%PDF-1.4\n" + bytes(4_000_000) + b"%%EOF\n"
    is_scan = lambda path: path.endswith((".pdf", "/download"))   # noqa: E731
    with FaultServer(lambda path: big if is_scan(path) and files(path) else serving(path),
                     lambda n, path: Fault(truncate=True) if is_scan(path) else None) as server:
        code, out, err = browse(server, tmp_path, "--delay", "0", "--details", "--pdfs", "--max-pdf-mb", "1")
        scans = [path for path in server.requests if is_scan(path)]
    assert code == 1 and "PDFs: 0 downloaded, 0 unchanged, 16 failed" in out
    assert err.count("larger than 1,000,000 bytes; refused") == 16 and len(scans) == 16


class _Stopped(KeyboardInterrupt):
    pass


def _raise_stopped(number: int, frame: object) -> None:
    raise _Stopped


def test_a_stop_that_comes_inside_the_browsers_event_loop_is_let_out_between_its_steps_and_leaves_its_tasks_whole():
    """Playwright's task that reads the driver's answers must outlive a SIGTERM or Ctrl-C: a stop raised in the middle
    of one of its steps could leave it pending with nothing to wake it, and closing the browser would wait for ever."""
    from harvester.fetch.browser import _StopsBetweenSteps

    async def reader() -> str:
        os.kill(os.getpid(), signal.SIGTERM)   # its handler runs here, inside a step of the task
        await asyncio.sleep(0)
        return "answers read"

    before = signal.signal(signal.SIGTERM, _raise_stopped)
    loop = asyncio.new_event_loop()
    stops = _StopsBetweenSteps()
    try:
        task = loop.create_task(reader())
        with pytest.raises(_Stopped):
            loop.run_until_complete(task)
        assert not task.done()
        assert loop.run_until_complete(task) == "answers read"
    finally:
        stops.restore()
        loop.close()
        signal.signal(signal.SIGTERM, before)
    assert signal.getsignal(signal.SIGTERM) is before


def test_a_secure_cookie_is_never_sent_over_plain_http_to_a_mirror_on_another_machine(tmp_path: Path):
    """A mirror on the local network is not this machine: its Secure cookie goes over HTTPS only."""
    from harvester.fetch.client import make_client

    (tmp_path / "c.txt").write_text("192.168.1.5\tFALSE\t/\tTRUE\t0\tcf_clearance\tok\n", encoding="utf-8")
    with make_client(Settings(cookies=tmp_path / "c.txt"), "192.168.1.5") as client:
        assert client.build_request("GET", "http://192.168.1.5:8000/search").headers.get("Cookie") is None
        assert client.build_request("GET", "https://192.168.1.5/search").headers.get("Cookie") == "cf_clearance=ok"


@pytest.mark.slow
def test_a_site_nothing_answers_at_is_not_asked_again_by_the_later_browser_harvests_of_it(chromium: str, tmp_path: Path,
                                                                                          monkeypatch, capsys):
    """The browser cannot connect to the site (nothing listens there): as with the plain client, the site cannot be
    reached, and its later harvests are not run."""
    from tests.test_cli import free_port, run_cli

    (tmp_path / "h.toml").write_text(f'delay = 0\nfetch = "browser"\nquery = "x"\nbase_url = "http://127.0.0.1:{free_port()}"\n'
                                     '[[harvest]]\nname = "a"\n[[harvest]]\nname = "b"\n', encoding="utf-8")
    code, out, err = run_cli(monkeypatch, capsys, "run", str(tmp_path / "h.toml"))
    assert code == 3 and "harvest 2, b (“x”): not run (the site cannot be reached" in out, out
    assert "check your connection and proxy, or the address given to base_url" in err


@pytest.mark.parametrize("failure, unreached", [
    ("net::ERR_NAME_NOT_RESOLVED", True), ("net::ERR_CONNECTION_REFUSED", True), ("net::ERR_PROXY_CONNECTION_FAILED", True),
    ("net::ERR_TUNNEL_CONNECTION_FAILED", True),   # the proxy would not open the way to an HTTPS site: httpx's ProxyError
    ("net::ERR_CONNECTION_RESET", False), ("net::ERR_CONNECTION_CLOSED", False), ("net::ERR_TIMED_OUT", False),
    ("net::ERR_EMPTY_RESPONSE", False),   # (the site took the connection: what it made of that page)
    ("net::ERR_SSL_PROTOCOL_ERROR", True), ("net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH", True)])   # (no secure connection made:
    # the plain client's too)
def test_only_chromiums_failures_to_connect_are_the_site_not_reached(failure: str, unreached: bool):
    from harvester.fetch.browser import _navigation_failed

    search = "https://digitalarchive.wilsoncenter.org/search"
    assert _navigation_failed(f"{failure} at {search}", search).network is unreached


@pytest.mark.parametrize("failure", ["net::ERR_CERT_AUTHORITY_INVALID", "net::ERR_CERT_DATE_INVALID", "net::ERR_CERT_COMMON_NAME_INVALID"])
def test_a_certificate_chromium_does_not_trust_is_not_tried_again_and_the_site_is_not_reached(failure: str):
    """As the plain client's: a certificate not trusted fails alike at every try (five were made, and the run said an
    HTTP failure of the page's, not a site that cannot be reached)."""
    from harvester.errors import UnreachableError
    from harvester.fetch.browser import _navigation_failed

    search = "https://digitalarchive.wilsoncenter.org/search"
    error = _navigation_failed(f"{failure} at {search}", search)
    assert isinstance(error, UnreachableError)
    assert str(error) == (f"{search}: the navigation failed: {failure} at {search}: its certificate is not trusted, which no "
                          "other try mends; check this machine's clock and certificate authorities, a proxy that inspects "
                          "secure connections, and the address")


@pytest.mark.parametrize("failure", ["net::ERR_UNSAFE_PORT", "net::ERR_INVALID_URL", "net::ERR_DISALLOWED_URL_SCHEME",
                                     "net::ERR_UNKNOWN_URL_SCHEME", "net::ERR_BLOCKED_BY_ADMINISTRATOR"])
def test_a_navigation_chromium_refuses_to_make_is_not_tried_again(failure: str):
    """Chromium refuses some navigations before any connection (a port it holds unsafe, as 6000): every try fails alike
    (five were made), so the first is said, with what to do."""
    from harvester.errors import FetchError
    from harvester.fetch.browser import _navigation_failed

    said = _navigation_failed(failure, "http://127.0.0.1:6000/search")
    assert type(said) is FetchError and str(said).startswith(f"http://127.0.0.1:6000/search: the navigation failed: {failure}: ")


def test_a_navigation_harvesters_own_routing_blocked_is_tried_again():
    """ERR_BLOCKED_BY_CLIENT is harvester's routing refusing a request: for the page asked, a late event of an earlier
    try of it may be what it met, and the next try may pass."""
    from harvester.fetch.browser import _navigation_failed
    from harvester.fetch.client import TransientError

    assert isinstance(_navigation_failed("net::ERR_BLOCKED_BY_CLIENT", "http://127.0.0.1:6000/search"), TransientError)


def test_a_site_on_a_port_chromium_holds_unsafe_is_said_at_the_first_try(chromium: str, tmp_path: Path, monkeypatch, capsys):
    code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", "x", "--fetch", "browser", "--base-url",
                           "http://127.0.0.1:6000", "--out", str(tmp_path), "--delay", "0")
    assert code == 3 and "try 2 of" not in err and err.endswith(
        "http://127.0.0.1:6000/robots.txt: the navigation failed: net::ERR_UNSAFE_PORT: Chromium connects to no port it holds "
        "unsafe: serve the site on another port, and give that with --base-url\n"), err


def test_an_origin_written_with_its_schemes_own_port_is_the_one_chromium_asks_on():
    """--base-url http://127.0.0.1:80: Chromium asks for http://127.0.0.1/robots.txt, which harvester's own routing
    took for another site's and refused (ERR_BLOCKED_BY_CLIENT, said as the browser blocking the address)."""
    from harvester.fetch.client import origin_of

    assert origin_of("http://127.0.0.1:80") == origin_of("http://127.0.0.1/robots.txt") != origin_of("http://127.0.0.1:8080")
    assert origin_of("HTTPS://Example.org:443/search") == origin_of("https://example.org") != origin_of("http://example.org:443")


def test_a_site_in_its_own_script_is_the_one_chromium_asks_on_as_idna_spells_it():
    """--base-url http://bücher.example: Chromium asks for http://xn--bcher-kva.example/..., which the routing took for
    another site's (its own pages refused); a host's final dot is the same host too."""
    from harvester.fetch.client import origin_of

    assert origin_of("http://bücher.example:8000") == origin_of("http://xn--bcher-kva.example:8000/search?page=1")
    assert origin_of("http://BÜCHER.example.:8000/") == origin_of("http://bücher.example:8000") != origin_of("http://bücher.example")


def test_an_ipv4_address_written_short_is_the_one_chromium_asks_on():
    """--base-url http://127.1:8000: Chromium asks for http://127.0.0.1:8000/robots.txt, which the routing took for
    another site's (ERR_BLOCKED_BY_CLIENT, five tries, and the run stopped)."""
    from harvester.fetch.client import origin_of

    assert origin_of("http://127.1:8000") == origin_of("http://127.0.0.1:8000/robots.txt") == origin_of("http://0x7f.0.0.1:8000")
    assert origin_of("http://127.1:8000") != origin_of("http://127.0.0.2:8000")
    # a name is no address, however it is spelled
    assert [origin_of(f"http://{name}:8000") for name in ("cafe", "deadbeef", "face.b00c", "1e100.net")] == [
        "http://cafe:8000", "http://deadbeef:8000", "http://face.b00c:8000", "http://1e100.net:8000"]


def test_an_ipv6_address_written_otherwise_is_the_one_chromium_asks_on():
    """Chromium writes an IPv6 address short and in small letters: [0:0:0:0:0:0:0:1] is [::1]."""
    from harvester.fetch.client import origin_of

    assert origin_of("http://[0:0:0:0:0:0:0:1]:8000") == origin_of("http://[::1]:8000/robots.txt") == "http://[::1]:8000"
    assert origin_of("http://[FE80::A]:8000") == "http://[fe80::a]:8000"


@pytest.mark.slow
def test_a_redirect_to_the_hosts_name_with_a_final_dot_is_followed_as_by_the_plain_client(chromium: str, tmp_path: Path, browse):
    """localhost. is localhost, its name fully qualified: the same site to the crawl, which the browser follows a redirect
    to as the plain client does, and resolves (not a site that cannot be reached, tried again and again)."""
    from types import SimpleNamespace

    class Redirecting(ChallengeServer):
        def answer(self, path: str, user_agent: str, cookie: str | None):
            if path.startswith("/search") and "page=1" in path and not self.dotted:
                self.dotted = True
                return (302, "text/html", b""), {"Location": self.origin.replace("127.0.0.1", "localhost.") + path}, False
            return super().answer(path, user_agent, cookie)

    with Redirecting(pages(SEED), expire_after=100) as server:
        server.dotted = False
        code, _, err = browse(SimpleNamespace(origin=server.origin.replace("127.0.0.1", "localhost")), tmp_path, "--delay", "0")
    assert server.dotted and code == 0 and "try 2 of" not in err and len(dataset(tmp_path, NAME)) == 19, err


@pytest.mark.slow
def test_a_base_url_on_an_ipv4_address_written_short_is_harvested_as_the_plain_client_does(chromium: str, tmp_path: Path, browse):
    """--base-url http://127.1:PORT: Chromium asks for 127.0.0.1, which its host rules did not let resolve and the
    routing took for another site's; the run stopped at robots.txt after five tries."""
    from types import SimpleNamespace

    with ChallengeServer(pages(SEED), expire_after=100) as server:
        code, _, err = browse(SimpleNamespace(origin=server.origin.replace("127.0.0.1", "127.1")), tmp_path, "--delay", "0")
    assert code == 0 and "try 2 of" not in err and len(dataset(tmp_path, NAME)) == 19, err


def test_cookies_of_a_site_in_its_own_script_are_those_a_browser_exports_for_its_idna_name(tmp_path: Path):
    """--base-url http://bücher.example: a browser exports its cookies for xn--bcher-kva.example, the name requests go
    to; they were looked for under bücher.example, and the run stopped with "no cookie in it is for bücher.example"."""
    from harvester.fetch.client import open_transport

    path = cookies_file(tmp_path / "c.txt", [("xn--bcher-kva.example", "cf_clearance", "ok")])
    with open_transport(Settings(cookies=path), "http://bücher.example:8000", tmp_path, (frozenset(), ()), utc_now) as plain:
        assert [(cookie.name, cookie.value) for cookie in plain.client.cookies.jar] == [("cf_clearance", "ok")]
