"""Worker processes: the same dataset as one process, errors raised as themselves, no worker outlives its run."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from bench.sitegen import write_site
from harvester.errors import BlockedError, InputError, LayoutError
from harvester.pipeline import harvest, reparse
from harvester.settings import Settings
from harvester.sites import get_site
from harvester.workers import WorkerError, Workers
from tests.conftest import FIXTURES, FakeClock
from tests.faultserver import Fault, FaultServer, synthetic_pages
from tests.sitegen import doc

WILSON = get_site("wilson")
FILES = ("d.csv", "d.json", "d.people.csv", "d.people.json")


def _square(item: int, offset: int) -> int:
    if item == 13:
        raise LayoutError(f"item {item}: unlucky")
    return item * item + offset


@pytest.mark.parametrize("count", [0, 1, 2, 3])
def test_results_come_back_in_order_with_the_context(count):
    with Workers(_square, count, offset=1) as workers:
        assert list(workers.ordered(range(12))) == [n * n + 1 for n in range(12)]
        handles = [workers.submit(n) for n in (5, 3, 9)]
        assert [handle() for handle in handles] == [26, 10, 82]
        assert workers.count == count


@pytest.mark.parametrize("count", [0, 1, 2])
def test_an_error_comes_back_as_itself_after_the_results_before_it(count):
    seen = []
    with Workers(_square, count, offset=0) as workers, pytest.raises(LayoutError, match="item 13: unlucky"):
        for value in workers.ordered(range(30)):
            seen.append(value)
    assert seen == [n * n for n in range(13)]


class _Odd(Exception):
    def __init__(self, first: str, second: str) -> None:   # pickles, but cannot be rebuilt from its args
        super().__init__(f"{first}/{second}")


def _awkward(item: int) -> object:
    if item == 2:
        return lambda: None              # a result that cannot be pickled
    if item == 5:
        raise _Odd("x", "y")
    return item


def _slow(item: int) -> int:
    time.sleep(0.05)
    return item


@pytest.mark.parametrize("start, stop, message", [(0, 3, "a function result cannot be sent"), (3, 8, "_Odd: x/y")])
def test_what_cannot_cross_from_a_worker_is_an_error_in_its_place(start, stop, message):
    seen = []
    with Workers(_awkward, 1) as workers, pytest.raises(RuntimeError, match=message):
        for value in workers.ordered(range(start, stop)):
            seen.append(value)
    assert seen == list(range(start, 2 if start == 0 else 5))   # the results before it, none shifted into its place


def test_a_worker_that_died_is_one_error_whether_sending_or_taking():
    with Workers(_square, 1, offset=0) as workers:
        handle = workers.submit(2)
        assert handle() == 4
        workers._workers[0][0].kill()
        workers._workers[0][0].join()
        with pytest.raises(WorkerError, match="ended without answering"):
            workers.submit(3)()


def test_an_interrupted_run_ends_its_busy_workers_at_once():
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt), Workers(_slow, 2) as workers:
        processes = [process for process, _ in workers._workers]
        for value in workers.ordered(range(200)):
            if value == 3:
                raise KeyboardInterrupt
    assert time.monotonic() - started < 1.5
    assert not any(process.is_alive() for process in processes)


def _unreadable_after(count: int):
    yield from range(count)
    raise InputError("page-7.html: cannot be read")


def test_an_item_that_cannot_be_read_raises_after_the_results_of_those_before_it():
    seen = []
    with Workers(_square, 2, offset=0) as workers, pytest.raises(InputError, match="page-7.html"):
        for value in workers.ordered(_unreadable_after(7)):
            seen.append(value)
    assert seen == [n * n for n in range(7)]


def test_a_reparse_on_workers_writes_the_very_files_of_one_process(tmp_path: Path):
    site = write_site(tmp_path / "site", "Korean War", 23, seed=11, documents=False)
    saved = tmp_path / "saved"
    shutil.copytree(site.search_dir, saved / "generated")
    shutil.copytree(FIXTURES / "wilson" / "seed", saved / "seed")            # a second search, re-parsed together
    shutil.copy(site.search_dir / "page-4.html", saved / "generated" / "page-4-again.html")   # a page saved twice
    outputs = {}
    for count in (0, 1, 3):
        out = tmp_path / f"workers-{count}"
        outcome = reparse([saved], WILSON, out, "d", ["csv", "json"], workers=count)
        outputs[count] = {name: (out / name).read_bytes() for name in FILES}
        assert outcome.pages == 23 + 1 + 2
    assert len(json.loads(outputs[0]["d.json"])) == 230 + 19
    assert outputs[1] == outputs[0] and outputs[3] == outputs[0]


def test_a_reparse_on_workers_names_the_page_cut_short_and_writes_nothing(tmp_path: Path):
    site = write_site(tmp_path / "site", "Korean War", 12, seed=3, documents=False)
    page = site.search_dir / "page-9.html"
    page.write_bytes(page.read_bytes()[: len(page.read_bytes()) // 2])
    with pytest.raises(InputError, match=r"page-9\.html: the saved page is cut short"):
        reparse([site.search_dir], WILSON, tmp_path / "out", "d", ["csv", "json"], workers=2)
    assert list((tmp_path / "out").iterdir()) == []


def test_a_harvest_on_a_worker_gives_the_records_of_one_process(tmp_path: Path):
    docs = [doc(n) for n in range(205)]
    records = {}
    for count in (0, 2):
        script = (lambda n, path: Fault(503) if n % 5 == 0 else None)   # a fifth of the answers fail, then succeed
        with FaultServer(synthetic_pages(docs), script) as server:
            clock = FakeClock()
            settings = Settings(base_url=server.origin, delay=0, workers=count)
            outcome = harvest(WILSON, "q", tmp_path / f"workers-{count}", "d", ["csv", "json"], settings,
                              sleep=clock.sleep, now=clock.now)
        records[count] = [replace(r, harvested_at="") for r in outcome.records]
        assert outcome.pages == 21 and outcome.report["documents"] == 205
    assert records[2] == records[0]


def test_results_shifting_during_a_harvest_on_a_worker_still_give_every_document(tmp_path: Path):
    before = [doc(n) for n in range(95)]
    after = [doc(1000)] + before                      # a new upload lands at the top once page 0 is read
    served = {"count": 0}

    def pages(path: str) -> bytes | None:
        served["count"] += path.startswith("/search")
        return synthetic_pages(before if served["count"] <= 1 else after)(path)

    with FaultServer(pages) as server:
        clock = FakeClock()
        outcome = harvest(WILSON, "q", tmp_path, "d", ["csv"], Settings(base_url=server.origin, delay=0, workers=2),
                          sleep=clock.sleep, now=clock.now)
    assert sorted(r.id for r in outcome.records) == sorted(d[0] for d in after)


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except OSError:
        return False


def _harvest_command(origin: str, out: Path) -> list[str]:
    return [sys.executable, "-m", "harvester", "-q", "harvest", "--query", "q", "--base-url", origin, "--out", str(out),
            "--name", "d", "--delay", "0.05", "--workers", "2"]


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads the process tree from Linux /proc")
def test_a_killed_harvest_leaves_no_worker_behind(tmp_path: Path):
    with FaultServer(synthetic_pages([doc(n) for n in range(400)])) as server:
        process = subprocess.Popen(_harvest_command(server.origin, tmp_path), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while len(server.search_requests()) < 5 and time.monotonic() < deadline:
            time.sleep(0.01)
        workers = _children(process.pid)
        assert workers, "the harvest runs its worker in a process of its own"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        deadline = time.monotonic() + 5
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(map(_alive, workers)), "a worker outlived the run that started it"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads the process tree from Linux /proc")
def test_a_worker_whose_parent_dies_at_once_ends_too(tmp_path: Path):
    script = ("import os, signal, sys\n"
              "from harvester.workers import Workers\n"
              "from tests.test_workers import _square\n"
              "workers = Workers(_square, 1, offset=0)\n"
              "print(workers._workers[0][0].pid, flush=True)\n"
              "os.kill(os.getpid(), signal.SIGKILL)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=30,
                          cwd=Path(__file__).resolve().parent.parent)
    worker = int(done.stdout.split()[0])
    deadline = time.monotonic() + 5
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(worker)


def test_a_challenge_met_on_a_worker_stops_the_run_within_one_more_page(tmp_path: Path):
    challenge = (FIXTURES / "wilson" / "challenge" / "page-0.html").read_bytes()
    pages = synthetic_pages([doc(n) for n in range(200)])
    with FaultServer(lambda path: challenge if "page=3" in path else pages(path)) as server:
        clock = FakeClock()
        with pytest.raises(BlockedError, match="challenge"):
            harvest(WILSON, "q", tmp_path, "d", ["csv"], Settings(base_url=server.origin, delay=0, workers=1),
                     sleep=clock.sleep, now=clock.now)
        asked = server.search_requests()
    assert len(asked) <= 5 and any("page=3" in path for path in asked)   # one process asks for pages 0-3
    assert not (tmp_path / "d.csv").exists()


def test_ctrl_c_stops_the_harvest_and_its_worker_with_one_line(tmp_path: Path):
    with FaultServer(synthetic_pages([doc(n) for n in range(400)])) as server:
        process = subprocess.Popen(_harvest_command(server.origin, tmp_path), stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True, start_new_session=True)
        deadline = time.monotonic() + 30
        while len(server.search_requests()) < 5 and time.monotonic() < deadline:
            time.sleep(0.01)
        os.killpg(process.pid, signal.SIGINT)           # as a terminal sends it: to the whole process group
        _, stderr = process.communicate(timeout=20)
    assert process.returncode == 130
    assert stderr.strip().splitlines() == ["harvester: interrupted; nothing written"]
    assert not (tmp_path / "d.csv").exists()


@pytest.mark.parametrize("count", [0, 1])
def test_pages_fetched_ahead_of_a_total_that_shrank_are_let_go(tmp_path: Path, count):
    """95 results (pages 0-9) become 65 (pages 0-6) from page 6 on: a worker run has by then asked for page 7,
    past the new end, whose answer (no cards) must not count; both runs give the remaining 65."""
    docs = [doc(n) for n in range(95)]
    served = {"count": 0}

    def pages(path: str) -> bytes | None:
        served["count"] += path.startswith("/search")
        return synthetic_pages(docs if served["count"] <= 6 else docs[:65])(path)

    with FaultServer(pages) as server:
        clock = FakeClock()
        outcome = harvest(WILSON, "q", tmp_path, "d", ["csv"], Settings(base_url=server.origin, delay=0, workers=count),
                          sleep=clock.sleep, now=clock.now)
    assert sorted(r.id for r in outcome.records) == sorted(d[0] for d in docs[:65])
    assert outcome.total == 65


@pytest.mark.parametrize("cores, expected", [(1, 0), (2, 2), (3, 3), (8, 4)])
def test_the_default_number_of_workers_follows_the_cores(monkeypatch, tmp_path: Path, cores, expected):
    import harvester.pipeline as pipeline
    import harvester.workers as workers

    monkeypatch.setattr(workers, "cores", lambda: cores)
    assert workers.default_workers() == expected
    started = []
    monkeypatch.setattr(pipeline, "Workers", lambda task, count, **context: started.append(count) or Workers(task, 0, **context))
    with FaultServer(synthetic_pages([doc(n) for n in range(12)])) as server:
        clock = FakeClock()
        harvest(WILSON, "q", tmp_path, "d", ["csv"], Settings(base_url=server.origin, delay=0), sleep=clock.sleep, now=clock.now)
    reparse([tmp_path / "archive"], WILSON, tmp_path / "again", "d", ["csv"])
    assert started == [min(1, expected), expected]   # a harvest: one worker at most; a re-parse: one per core


def test_a_large_dataset_encoded_on_workers_is_the_very_files_of_one_process(tmp_path: Path, monkeypatch):
    """Past export.APART_FROM records, worker processes forked at the end make and encode the records (people written
    the table's way, details joined) while the main process reads the store and writes: the files must not differ by
    a byte, in any streamed format. The threshold and the part size are lowered so that 249 records take 36 parts."""
    import harvester.export as export

    saved = tmp_path / "saved"
    site = write_site(tmp_path / "site", "Korean War", 23, seed=5, documents=False)
    shutil.copytree(site.search_dir, saved / "generated")
    shutil.copytree(FIXTURES / "wilson" / "seed", saved / "seed")
    pages = [page for page in (FIXTURES / "wilson" / "documents").glob("*.html") if not page.name.startswith("challenge")]
    (saved / "documents").mkdir()
    for page in pages:   # details, and headings for the people table
        shutil.copy(page, saved / "documents" / page.name)
    formats = ["csv", "json", "jsonl", "csv-excel"]
    names = ("d.csv", "d.json", "d.jsonl", "d.excel.csv", "d.people.csv", "d.people.json", "d.people.jsonl")
    outputs, apart, encoders = {}, [], tmp_path / "encoded-by"
    real_apart, real_encoded = export._together_apart, export._encoded

    def together_apart(*args, **kwargs):
        apart.append(count)
        return real_apart(*args, **kwargs)

    def encoded(item, **context):   # runs in a worker: it leaves word of which process made each part, and how big
        with encoders.open("a") as note:
            note.write(f"{count} {os.getpid()} {len(item[1])}\n")
        return real_encoded(item, **context)

    monkeypatch.setattr(export, "_together_apart", together_apart)
    monkeypatch.setattr(export, "_encoded", encoded)
    monkeypatch.setattr(export, "PART", 7)
    for count, apart_from in ((0, 1), (2, 1), (3, 1), (2, 10**6)):
        monkeypatch.setattr(export, "APART_FROM", apart_from)
        out = tmp_path / f"workers-{count}-{apart_from}"
        outcome = reparse([saved], WILSON, out, "d", formats, workers=count)
        outputs[count, apart_from] = {name: (out / name).read_bytes() for name in names}
        outcome.close()
    records = json.loads(outputs[0, 1]["d.json"])
    assert len(records) == 259 and any(r["authors"] for r in records)
    assert apart == [2, 3], "encoded apart with workers and from APART_FROM records only"
    made = [line.split() for line in encoders.read_text().splitlines()]
    for count in (2, 3):
        sizes = [int(size) for run, _, size in made if int(run) == count]
        processes = {pid for run, pid, _ in made if int(run) == count}
        assert sizes == [7] * 37, "every record, in parts of PART"
        assert len(processes) == count and str(os.getpid()) not in processes
    for key in ((2, 1), (3, 1), (2, 10**6)):
        assert outputs[key] == outputs[0, 1], key


def test_starting_workers_leaves_this_process_collecting_its_garbage():
    """Workers are forked with this process's objects frozen out of garbage collection (so that a worker's collections
    do not copy the whole inherited heap); this process must get them back, or its cycles would never be freed."""
    import gc

    with Workers(_square, 2, offset=0) as workers:
        assert gc.get_freeze_count() == 0
        assert list(workers.ordered(range(5))) == [0, 1, 4, 9, 16]
    assert gc.get_freeze_count() == 0


def test_workers_started_while_a_run_holds_its_dataset_do_not_keep_it_held_once_the_run_is_killed(tmp_path: Path):
    """A large harvest forks its writing workers while it holds the dataset's lock. Killed (SIGKILL) then, it must free
    the dataset at once, as a run with no workers does: a worker that kept the lock open would hold it until it
    noticed its parent gone, and a run started straight after would be refused as busy."""
    from harvester.state import State

    script = ("import sys, time\n"
              "from pathlib import Path\n"
              "from harvester.state import State\n"
              "from harvester.workers import Workers\n"
              "from tests.test_workers import _square\n"
              "with State(Path(sys.argv[1]), 's'):\n"
              "    workers = Workers(_square, 2, offset=0)\n"
              "    assert list(workers.ordered(range(8))) == [n * n for n in range(8)]\n"   # both at work (a chunk each)
              "    print('ready', flush=True)\n"
              "    time.sleep(30)\n")
    process = subprocess.Popen([sys.executable, "-c", script, str(tmp_path)], stdout=subprocess.PIPE, text=True,
                               cwd=Path(__file__).resolve().parent.parent)
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    with State(tmp_path, "s") as state:   # at once: no BusyError
        assert state.db is not None
