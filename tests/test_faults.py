"""Hostile sites and failing disks: each fault ends within seconds, with the right exit code, a plain message, and
the earlier dataset intact. Servers bind 127.0.0.1; each test is bounded in requests and time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harvester.pipeline import harvest
from harvester.settings import Settings
from harvester.sites import get_site
from tests.conftest import FIXTURES, FakeClock, dataset
from tests.faultserver import Fault, FaultServer, synthetic_pages
from tests.sitegen import doc, results_page

WILSON = get_site("wilson")


def run(server: FaultServer, out: Path, query: str = "q", name: str = "s", **settings):
    clock = FakeClock()
    return harvest(WILSON, query, out, name, ["csv", "json"], Settings(base_url=server.origin, delay=0, **settings),
                   sleep=clock.sleep, now=clock.now)


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")}


# 1. One invalid byte garbles nothing but itself

def test_one_invalid_utf8_byte_is_replaced_where_it_is_and_said(tmp_path: Path):
    docs = [("letter-kadar", "May 1, 1957", "Letter from János Kádár to Władysław Gomułka"), doc(1)]
    body = results_page(docs, 0).encode("utf-8").replace(b"Summary of Telegram", b"Summary \xe9 of Telegram")   # cut mid-character

    with FaultServer(lambda path: body if path.startswith("/search") else None) as server:
        outcome = run(server, tmp_path)
    [kadar, one] = dataset(tmp_path, "s")
    assert kadar["title"] == "Letter from János Kádár to Władysław Gomułka"
    assert kadar["people"] == ["János Kádár", "Władysław Gomułka"]
    assert "\ufffd" in one["summary"] and one["summary"].startswith("Summary \ufffd of Telegram")
    [warning] = [w for w in outcome.warnings if "not valid utf-8" in w]
    assert warning.startswith(f"{server.origin}/search") and "1 byte not valid utf-8" in warning


def test_a_page_that_declares_nothing_and_is_not_utf8_is_read_as_windows_1252():
    from harvester.fetch.page import decode_html

    text, problem = decode_html("<html><p>Kádár – “Moscow”</p></html>".encode("cp1252"))
    assert "Kádár – “Moscow”" in text and problem is None
    text, problem = decode_html("<html><p>Kádár</p></html>".encode() + b"\xff</html>")
    assert "Kádár" in text and "1 byte not valid utf-8" in problem


def test_a_nul_byte_early_in_a_fetched_page_is_no_usage_error(tmp_path: Path):
    body = results_page([doc(n) for n in range(3)], 0).encode().replace(b"<title>", b"<title>\x00", 1)
    with FaultServer(lambda path: body if path.startswith("/search") else None) as server:
        outcome = run(server, tmp_path)
    assert outcome.documents == 3


def test_a_binary_answer_where_a_results_page_should_be_is_a_layout_error(tmp_path: Path):
    from harvester.errors import LayoutError

    with FaultServer(lambda path: b"%PDF-1.4\n" + bytes(300) if path.startswith("/search") else None) as server:
        with pytest.raises(LayoutError, match="binary file, not an HTML page"):
            run(server, tmp_path)


# 2. Different searches never share a dataset

def test_searches_in_other_scripts_get_datasets_of_their_own(tmp_path: Path, monkeypatch, capsys):
    from tests.test_cli import run_cli

    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        for query in ("金日成", "毛泽东", "  "):
            code, _, err = run_cli(monkeypatch, capsys, "harvest", "--query", query, "--base-url", server.origin,
                                   "--out", str(tmp_path), "--delay", "0")
            assert code == 0, err
    names = sorted(p.name for p in tmp_path.glob("*.csv") if ".people." not in p.name)
    assert len(names) == 3 and "wilson-all.csv" in names, names


def test_a_search_other_than_the_datasets_is_refused_and_the_dataset_kept(tmp_path: Path):
    from harvester.errors import UsageError

    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        run(server, tmp_path, query="Korean War", name="kw")
        before = files(tmp_path)
        run(server, tmp_path, query="KOREAN  war", name="kw")              # the same search: case and spaces aside
        with pytest.raises(UsageError, match=r"dataset kw holds the harvests of wilson:korean war, not of wilson:cuba; "
                                             r"give this search a --name of its own"):
            run(server, tmp_path, query="Cuba", name="kw")
    assert files(tmp_path).keys() == before.keys() and dataset(tmp_path, "kw")[0]["query"] == "KOREAN  war"


# 3. Nothing hangs: a trickling server, a huge Crawl-delay, a next link that leads back, pages no parser should build

@pytest.mark.parametrize("where", ["/robots.txt", "/search"])
def test_a_server_that_trickles_a_byte_at_a_time_is_given_up_on_at_the_deadline(tmp_path: Path, where: str):
    from harvester.errors import FetchError

    trickle = lambda n, path: Fault(trickle=0.05) if path.startswith(where) else None  # noqa: E731
    with FaultServer(synthetic_pages([doc(1)]), trickle) as server:
        with pytest.raises(FetchError, match=r"no whole answer within 0.5 s \(the server sends too slowly\) \(gave up after 2 tries\)"):
            run(server, tmp_path, response_deadline=0.5, attempts=2, timeout=5)
    assert not (tmp_path / "s.csv").exists()


def test_a_crawl_delay_of_a_day_is_capped_and_said(tmp_path: Path):
    robots = b"User-agent: *\nCrawl-delay: 100000\n"
    with FaultServer(synthetic_pages([doc(n) for n in range(25)]), lambda n, p: Fault(200, {}, robots) if p == "/robots.txt" else None) as server:
        clock = FakeClock()
        outcome = harvest(WILSON, "q", tmp_path, "s", ["json"], Settings(base_url=server.origin, delay=0, max_crawl_delay=5),
                          sleep=clock.sleep, now=clock.now)
    assert clock.sleeps == pytest.approx([5.0, 5.0, 5.0], abs=0.5)     # after robots.txt, before each of the three pages
    assert any("asks for 100000 s between requests; waiting 5 s" in w for w in outcome.warnings)


def test_a_page_whose_next_link_points_at_itself_is_not_fetched_again_and_again(tmp_path: Path):
    import re

    body = re.sub(r'<div class="results-summary">.*?</div>', "", results_page([doc(1), doc(2)], 0)).replace(
        "</div></main>", '<a rel="next" href="?search_api_fulltext=q">Next</a></div></main>').encode()
    with FaultServer(lambda path: body if path.startswith("/search") else None) as server:
        outcome = run(server, tmp_path)
    assert len(server.search_requests()) == 1 and outcome.documents == 2
    assert any("leads back to a page already fetched" in w for w in outcome.warnings)


@pytest.mark.parametrize("page", ["deep", "huge"])
def test_a_page_no_site_serves_is_refused_before_its_tree_is_built(tmp_path: Path, page: str):
    from harvester.errors import LayoutError

    cards = results_page([doc(1)], 0)
    body = (cards.replace("<main>", "<main>" + "<div>" * 100_000) if page == "deep"
            else cards.replace("<main>", "<main>" + "<p>x</p>" * 700_000)).encode()
    with FaultServer(lambda path: body if path.startswith("/search") else None) as server:
        with pytest.raises(LayoutError, match="nested more than 400 deep" if page == "deep" else "larger than any page of the site"):
            run(server, tmp_path)


def test_long_hostile_titles_and_headings_are_read_in_linear_time():
    """Each of these once took seconds to minutes (a pattern that tried every start, a recursion per bracket); now
    the lot takes well under a second. Run in a process of its own, bounded in time."""
    import subprocess
    import sys

    script = """
from harvester.normalize.titles import parties, doc_type
from harvester.normalize.names import NameTable, person_names, written_form
from harvester.records import page_people
names = NameTable.load()
for shape in ["[", "(", "[a", "(a", "[a]", "(a)", "A. ", "A ", "(a, 1900-1950)", "Kim, a "]:
    for text in (shape * (40000 // len(shape)), "Letter from " + shape * (40000 // len(shape))):
        person_names(parties(text), names), doc_type(text), written_form(text), page_people([text], names)
print("done")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=30,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.stdout.strip() == "done", done.stderr


# 7. The run's files switch as one unit, and formats not asked for this time go

def test_the_files_of_a_run_switch_together_and_stale_formats_go(tmp_path: Path):
    docs = [doc(n) for n in range(3)]
    with FaultServer(synthetic_pages(docs)) as server:
        clock = FakeClock()
        harvest(WILSON, "q", tmp_path, "s", ["csv", "json", "jsonl"], Settings(base_url=server.origin, delay=0), sleep=clock.sleep,
                now=clock.now)
        docs.append(doc(3))
        harvest(WILSON, "q", tmp_path, "s", ["csv", "json"], Settings(base_url=server.origin, delay=0), sleep=clock.sleep,
                now=clock.now)
    assert not (tmp_path / "s.jsonl").exists() and not (tmp_path / "s.jsonl").is_symlink()
    package = json.loads((tmp_path / "s.datapackage.json").read_text(encoding="utf-8"))
    assert sorted(r["path"] for r in package["resources"]) == sorted(set(files(tmp_path)) - {"s.datapackage.json"})   # each listed
    links = {p.name: p.readlink() for p in tmp_path.iterdir() if p.is_symlink()}
    assert set(links) == set(files(tmp_path)) and {str(t.parent) for t in links.values()} == {".harvester/s.files/current"}
    [generation] = (tmp_path / ".harvester" / "s.files").glob("gen-*")    # the earlier one is gone
    assert (tmp_path / ".harvester" / "s.files" / "current").readlink() == Path(generation.name)


def test_a_run_killed_between_writing_and_switching_leaves_the_earlier_files(tmp_path: Path, monkeypatch):
    """The switch is one rename: until it, every file is the earlier run's; a killed run's generation is cleared next time."""
    from harvester.output import files as output

    with FaultServer(synthetic_pages([doc(n) for n in range(3)])) as server:
        run(server, tmp_path)
        before = files(tmp_path)

        def killed(path: Path, target: str) -> None:
            raise KeyboardInterrupt    # the moment before the rename

        monkeypatch.setattr(output, "_link", killed)
        with pytest.raises(KeyboardInterrupt):
            run(server, tmp_path, max_pages=1)
        assert files(tmp_path) == before
        monkeypatch.undo()
        run(server, tmp_path)
    assert len(list((tmp_path / ".harvester" / "s.files").glob("gen-*"))) == 1
