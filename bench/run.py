"""Run the benchmarks and print the table: `python -m bench` (full, a few minutes) or `python -m bench --quick`.

Every contender runs as its own process, timed from start to exit (start-up and writing included)
and its peak memory read from the kernel (wait4, and /proc for worker processes). Contenders of one comparison run in interleaved
rounds, each round in a rotated order; a figure is the median of its rounds, and ratios are
taken between medians of the same run.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from bench.servers import Servers
from bench.sitegen import Site, write_site

ROOT = Path(__file__).resolve().parent.parent
QUERIES = {"archive": "Korean War", "memory": "Sino-Soviet Relations", "details": "Cuban Missile Crisis"}
VERSIONS = ("harvester", "selectolax", "httpx", "pandas", "beautifulsoup4")


class BenchError(Exception):
    """A contender failed or did less than all of the work."""


@dataclass
class Run:
    """One process (and its workers): wall seconds from start to exit, peak memory, what it printed."""

    seconds: float
    peak_mb: float
    stdout: str = field(repr=False, default="")


@dataclass
class Figure:
    """A contender's rounds and what they come to."""

    label: str
    pages: int
    bytes: int
    runs: list[Run] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return statistics.median(run.seconds for run in self.runs)

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.seconds

    @property
    def mb_per_s(self) -> float:
        return self.bytes / self.seconds / 1e6

    @property
    def peak_mb(self) -> float:
        return max(run.peak_mb for run in self.runs)

    def as_json(self) -> dict:
        return {"label": self.label, "pages": self.pages, "bytes": self.bytes, "median_seconds": round(self.seconds, 4),
                "pages_per_s": round(self.pages_per_s, 1), "mb_per_s": round(self.mb_per_s, 2), "peak_rss_mb": round(self.peak_mb, 1),
                "seconds": [round(run.seconds, 4) for run in self.runs]}


def run_child(command: list[str], timeout: float) -> Run:
    """Run a command to its end (killed after `timeout` s); its wall time and peak memory; fail loudly on a non-zero exit.

    The peak is the larger of the kernel's peak RSS (wait4: the largest single process) and the largest
    sum of PSS over the process and its worker processes, sampled every 0.1 s: PSS counts a page shared
    by forked processes once in all, where summing their RSS would count it in each."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        sampler = TreeRss(process.pid)
        sampler.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
            sampler.stop()
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    if process.returncode != 0:
        tail = "\n".join(stderr.strip().splitlines()[-5:])
        raise BenchError(f"{' '.join(command[:4])} ... exited {process.returncode} after {seconds:.1f} s:\n{tail}")
    return Run(seconds, max(usage.ru_maxrss, sampler.peak_kb) / 1024, stdout)  # ru_maxrss is in KiB on Linux


class TreeRss(threading.Thread):
    """Samples the summed PSS of a process and its descendants (Linux /proc) until stopped; keeps the peak."""

    def __init__(self, pid: int, every: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.pid, self.every, self.peak_kb = pid, every, 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(self.every):
            self.peak_kb = max(self.peak_kb, sum(map(_pss_kb, _tree(self.pid))))

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            todo.extend(int(child) for child in Path(f"/proc/{current}/task/{current}/children").read_text().split())
        except OSError:
            continue
    return found


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def interleave(contenders: dict[str, Callable[[int], Run]], figures: dict[str, Figure], rounds: int, what: str) -> None:
    """Run every contender once per round, the order rotated each round."""
    names = list(contenders)
    for number in range(rounds):
        for name in names[number % len(names):] + names[:number % len(names)]:
            run = contenders[name](number)
            figures[name].runs.append(run)
            note(f"{what} round {number + 1}/{rounds}: {figures[name].label}: {run.seconds:.2f} s, {run.peak_mb:.0f} MB")


def note(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def number_in(text: str) -> int:
    """A count as harvester prints it ('2,000')."""
    return int(text.replace(",", ""))


def expect(found: int, wanted: int, what: str) -> None:
    if found != wanted:
        raise BenchError(f"{what}: {found} instead of {wanted}: the contender did not do all the work")


class Bench:
    """The measurements over generated sites in one work folder."""

    def __init__(self, work: Path, args: argparse.Namespace) -> None:
        self.work, self.args = work, args
        self.python = sys.executable

    def fresh(self, name: str) -> Path:
        folder = self.work / "out" / name
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        return folder

    def reparse(self, site: Site) -> dict[str, Figure]:
        """harvester reparse of the saved pages, against the Lexbor tree-build and a BeautifulSoup extractor."""
        limit = min(site.pages, self.args.bs4_pages)
        bs4_bytes = sum(p.stat().st_size for p in sorted(site.search_dir.glob("page-*.html"),
                                                          key=lambda p: int(p.stem.split("-")[1]))[:limit])
        figures = {
            "harvester": Figure("harvester reparse (CSV + JSON)", site.pages, site.bytes),
            "lexbor": Figure("Lexbor tree-build only (the ceiling)", site.pages, site.bytes),
            "bs4": Figure(f"BeautifulSoup extractor (html.parser; first {limit} pages)", limit, bs4_bytes),
        }

        def harvester(number: int) -> Run:
            out = self.fresh("reparse")
            run = self.timed([self.python, "-m", "harvester", "-q", "reparse", str(site.search_dir), "--out", str(out),
                              "--name", "bench", "--format", "csv,json"], site.pages)
            found = re.search(r"re-parsed ([\d,]+) saved pages?: ([\d,]+) documents?", run.stdout)
            expect(number_in(found[2]) if found else -1, site.pages * 10, "harvester reparse documents")
            return run

        def lexbor(number: int) -> Run:
            run = self.timed([self.python, "-m", "bench.baselines", "lexbor", str(site.search_dir)], site.pages)
            expect(json.loads(run.stdout)["pages"], site.pages, "Lexbor pages")
            return run

        def bs4(number: int) -> Run:
            run = self.timed([self.python, "-m", "bench.baselines", "bs4", str(site.search_dir), str(self.fresh("bs4")), str(limit)],
                             limit * 20)
            expect(json.loads(run.stdout)["records"], limit * 10, "BeautifulSoup records")
            return run

        interleave({"harvester": harvester, "lexbor": lexbor, "bs4": bs4}, figures, self.args.rounds, "re-parse")
        return figures

    def polite(self, site: Site, origin: str) -> tuple[Figure, float]:
        """A harvest at the politeness delay, against its floor: a delay between each request and the next (the first
        request waits for nothing)."""
        delay, pages = self.args.polite_delay, site.pages
        figure = Figure(f"harvester harvest --delay {delay:g} of {pages} pages", pages, site.bytes)
        floors = []
        for number in range(self.args.rounds):
            run = self.harvest(site, origin, "polite", delay=delay)
            requests = number_in(re.search(r"([\d,]+) requests?", run.stdout)[1])
            figure.runs.append(run)
            floors.append((requests - 1) * delay)
            note(f"polite round {number + 1}: {run.seconds:.2f} s against a floor of ({requests} - 1) x {delay:g} s = {floors[-1]:.1f} s")
        return figure, statistics.median(floors)

    def browser(self, site: Site, origin: str) -> tuple[Figure, float] | None:
        """A harvest with --fetch browser (a real headless Chromium) at a 1 s delay, against its floor; its peak memory
        is the whole process tree's, the browser's processes included. None where no Chromium or Playwright is."""
        if not shutil.which("chromium") or importlib.util.find_spec("playwright") is None:
            note("browser: skipped (no chromium, or no Playwright: pip install '.[browser]')")
            return None
        delay, pages = self.args.browser_delay, site.pages
        figure = Figure(f"harvester harvest --fetch browser --delay {delay:g} of {pages} pages", pages, site.bytes)
        out = self.fresh("browser")
        run = self.timed([self.python, "-m", "harvester", "-q", "harvest", "--query", site.query, "--base-url", origin, "--out",
                          str(out), "--name", "bench", "--delay", str(delay), "--fetch", "browser"], int(pages * delay * 3))
        requests = number_in(re.search(r"([\d,]+) requests?", run.stdout)[1])
        figure.runs.append(run)
        note(f"browser: {run.seconds:.2f} s against a floor of ({requests} - 1) x {delay:g} s; peak memory {run.peak_mb:.0f} MB")
        shutil.rmtree(out, ignore_errors=True)
        return figure, (requests - 1) * delay

    def memory(self, site: Site, origin: str, details: bool = False) -> Figure:
        what = f"harvest --details of {site.pages * 10:,} document pages" if details else f"harvest of {site.pages:,} pages"
        figure = Figure(f"harvester {what}", site.pages, site.bytes)
        figure.runs.append(self.harvest(site, origin, f"memory-{site.pages}-{details}", details=details))
        note(f"memory: {what}: {figure.seconds:.1f} s, peak memory {figure.peak_mb:.0f} MB")
        return figure

    def harvest(self, site: Site, origin: str, name: str, delay: float = 0, details: bool = False) -> Run:
        out = self.fresh(name)
        run = self.timed([self.python, "-m", "harvester", "-q", "harvest", "--query", site.query, "--base-url", origin,
                          "--out", str(out), "--name", "bench", "--delay", str(delay), "--format", "csv,json",
                          *(["--details"] if details else [])], site.pages * (12 if details else 1) + int(delay * site.pages * 2))
        found = re.search(r"harvested ([\d,]+) of ([\d,]+) documents?", run.stdout)
        expect(number_in(found[1]) if found else -1, site.pages * 10, "harvested documents")
        shutil.rmtree(out, ignore_errors=True)
        return run

    def timed(self, command: list[str], pages: int) -> Run:
        return run_child(command, timeout=60 + pages * 0.1)


def commit() -> str:
    """The commit measured ('+' when the tree has changes)."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=10)
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "harvester"], cwd=ROOT, capture_output=True, text=True, timeout=10)
    except OSError:
        return "unknown"
    return head.stdout.strip() + ("+" if dirty.stdout.strip() else "") if head.returncode == 0 else "unknown"


def machine(server: str, load: float) -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    memory = re.search(r"^MemTotal:\s*(\d+)", meminfo, re.M)
    versions = {}
    for name in VERSIONS:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {"cpus": os.cpu_count(), "cpu_model": model[1].strip() if model else platform.processor(),
            "memory_gb": round(int(memory[1]) / 1024 / 1024, 1) if memory else None,
            "python": platform.python_version(), "system": f"{platform.system()} {platform.release()}",
            "server": server, "load_average_at_start": round(load, 2), "versions": versions}


def targets(reparse: dict[str, Figure], polite: Figure, floor: float, memory: dict[str, Figure],
            browser: tuple[Figure, float] | None) -> list[dict]:
    """The targets, each as measured in this run."""
    rows = [
        ("re-parse vs Lexbor tree-build", reparse["harvester"].pages_per_s / reparse["lexbor"].pages_per_s, 0.30, ">=", "%"),
        ("re-parse vs BeautifulSoup", reparse["harvester"].pages_per_s / reparse["bs4"].pages_per_s, 12.0, ">=", "x"),
        ("polite harvest vs its floor ((requests - 1) x delay)", polite.seconds / floor, 1.05, "<=", "x"),
    ]
    rows += [("browser harvest vs its floor ((requests - 1) x delay)", browser[0].seconds / browser[1], 1.15, "<=", "x")] if browser else []
    rows += [(f"peak memory, {figure.label.removeprefix('harvester ')}", figure.peak_mb, 120.0, "<=", "MB") for figure in memory.values()]
    if "2000" in memory and "20000" in memory:
        rows.append(("memory growth, 2,000 -> 20,000 pages", memory["20000"].peak_mb / memory["2000"].peak_mb, 1.5, "<=", "x"))
    return [{"target": name, "measured": round(value, 3), "goal": goal, "op": op, "unit": unit,
             "pass": value >= goal if op == ">=" else value <= goal} for name, value, goal, op, unit in rows]


def shown(value: float, unit: str) -> str:
    return f"{value:.0%}" if unit == "%" else f"{value:.2f}x" if unit == "x" and value < 2 else f"{value:.1f}x" if unit == "x" else f"{value:.0f} MB"


def table(result: dict) -> str:
    """The figures as Markdown: one table of measurements, one of targets."""
    m, s = result["machine"], result["settings"]
    lines = [f"{m['cpus']} x {m['cpu_model']}, {m['memory_gb']} GB, {m['system']}, Python {m['python']}, server: {m['server']}; "
             f"{s['pages']:,} results pages of {s['mean_page_kb']:.1f} KB on average (seed {s['seed']}), "
             f"median of {s['rounds']} interleaved rounds{' (--quick)' if s['quick'] else ''}; harvester {result['harvester_commit']}",
             "", "| measurement | pages/s | MB/s | peak memory | median s |", "|---|---:|---:|---:|---:|"]
    browser = {"harvest": result["browser"]} if result.get("browser") else {}
    for group, figures in (("re-parse", result["reparse"]), ("polite", {"harvest": result["polite"]}), ("browser", browser),
                           ("memory", result["memory"])):
        for f in figures.values():
            lines.append(f"| {group}: {f['label']} | {f['pages_per_s']:,.0f} | {f['mb_per_s']:.1f} | {f['peak_rss_mb']:.0f} MB "
                         f"| {f['median_seconds']:.2f} |")
    lines += ["", "| target | measured | goal | result |", "|---|---:|---:|---|"]
    for t in result["targets"]:
        lines.append(f"| {t['target']} | {shown(t['measured'], t['unit'])} | {t['op']} {shown(t['goal'], t['unit'])} "
                     f"| {'PASS' if t['pass'] else 'MISS'} |")
    return "\n".join(lines) + "\n"


def update_readme(text: str, readme: Path = ROOT / "bench" / "README.md") -> None:
    """Put the table between bench/README.md's markers (a full run's figures are the ones it shows)."""
    content = readme.read_text(encoding="utf-8")
    start, end = "<!-- bench:start -->\n", "<!-- bench:end -->"
    if start in content and end in content:
        head, rest = content.split(start, 1)
        readme.write_text(head + start + text + rest[rest.index(end):], encoding="utf-8")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="200 pages, memory at 2,000 pages and 500 document pages only")
    parser.add_argument("--pages", type=int, help="results pages of the re-parse site (default 1,700, the archive's)")
    parser.add_argument("--polite-pages", type=int, default=30, help="results pages of the polite harvest (default 30)")
    parser.add_argument("--polite-delay", type=float, default=0.5, help="its delay between requests (default 0.5 s)")
    parser.add_argument("--browser-delay", type=float, default=1.0, help="the delay of the --fetch browser harvest (default 1 s)")
    parser.add_argument("--details-documents", type=int, help="document pages of the --details harvest (default 2,000)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3)")
    parser.add_argument("--memory-pages", help="comma-separated harvest sizes for peak memory (default 2000,20000; 2000 with --quick)")
    parser.add_argument("--bs4-pages", type=int, default=300, help="pages the (slow) BeautifulSoup extractor parses (default 300)")
    parser.add_argument("--seed", type=int, default=1956, help="seed of the generated sites")
    parser.add_argument("--server", choices=("auto", "nginx", "python"), default="auto", help="static server (auto: nginx if installed)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results", help="folder of the JSON and table files")
    parser.add_argument("--keep", action="store_true", help="keep the generated sites and outputs (their folder is printed)")
    args = parser.parse_args(argv)
    args.pages = args.pages or (200 if args.quick else 1700)
    args.memory_pages = [int(n) for n in (args.memory_pages or ("2000" if args.quick else "2000,20000")).split(",") if n]
    args.details_documents = args.details_documents or (500 if args.quick else 2000)
    return args


def write_sites(work: Path, args: argparse.Namespace) -> tuple[Site, Site, Site, dict[int, Site]]:
    """The sites the bench measures on: the archive to re-parse, the polite harvest's, the details' and the memory's."""
    archive = write_site(work / "archive", QUERIES["archive"], args.pages, args.seed, documents=False)
    polite_site = write_site(work / "polite", QUERIES["archive"], args.polite_pages, args.seed, documents=False)
    details = write_site(work / "details", QUERIES["details"], args.details_documents // 10, args.seed, documents=True)
    memory_sites = {n: write_site(work / f"memory-{n}", QUERIES["memory"], n, args.seed, documents=False)
                    for n in sorted(set(args.memory_pages))}
    return archive, polite_site, details, memory_sites


def main(argv: list[str] | None = None) -> dict:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the servers and remove the sites on kill too
    work = Path(tempfile.mkdtemp(prefix="harvester-bench-"))
    work.chmod(0o755)  # nginx's workers run as an unprivileged user and must read the sites
    started, load = time.monotonic(), os.getloadavg()[0]  # a busy machine slows every contender: say so
    try:
        note(f"generating sites in {work} (seed {args.seed})")
        # in a process of its own: the kernel starts a child's peak memory at its parent's, so every contender's would
        # read at least what making the sites took here
        with ProcessPoolExecutor(1) as pool:
            archive, polite_site, details, memory_sites = pool.submit(write_sites, work, args).result()
        # an installed harvester starts from the bytecode pip compiled; the checkout's is compiled here for the same,
        # where PYTHONDONTWRITEBYTECODE would have every contender compile it from source at each start
        compileall.compile_dir(ROOT / "harvester", quiet=1)
        bench = Bench(work, args)
        reparse = bench.reparse(archive)
        roots = [polite_site.root, details.root, *(s.root for s in memory_sites.values())]
        with Servers(roots, args.server) as servers:
            note(f"serving the sites with {servers.version}")
            polite, floor = bench.polite(polite_site, servers.origin(polite_site.root))
            browser = bench.browser(polite_site, servers.origin(polite_site.root))
            memory = {str(n): bench.memory(site, servers.origin(site.root)) for n, site in memory_sites.items()}
            memory["details"] = bench.memory(details, servers.origin(details.root), details=True)
            server = servers.version
    finally:
        if args.keep:
            note(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    result = {
        "harvester_commit": commit(),
        "machine": machine(server, load),
        "settings": {"quick": args.quick, "pages": args.pages, "rounds": args.rounds, "seed": args.seed, "bs4_pages": args.bs4_pages,
                     "memory_pages": sorted(memory_sites), "mean_page_kb": archive.bytes / archive.pages / 1000, "polite_pages": args.polite_pages,
                     "polite_delay": args.polite_delay, "details_documents": args.details_documents, "query": archive.query},
        "reparse": {k: f.as_json() for k, f in reparse.items()},
        "polite": polite.as_json() | {"floor_seconds": round(floor, 2)},
        "browser": browser[0].as_json() | {"floor_seconds": round(browser[1], 2)} if browser else None,
        "memory": {n: f.as_json() for n, f in memory.items()},
        "targets": targets(reparse, polite, floor, memory, browser),
        "wall_seconds": round(time.monotonic() - started, 1),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    stem = "quick" if args.quick else "latest"
    (args.out / f"{stem}.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    (args.out / f"{stem}.md").write_text(table(result), encoding="utf-8")
    print(table(result))
    if not args.quick and args.out == ROOT / "bench" / "results":
        update_readme(table(result))
    note(f"wrote {args.out / (stem + '.json')} and {stem}.md in {result['wall_seconds']:.0f} s")
    return result

