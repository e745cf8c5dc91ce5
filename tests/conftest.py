"""Shared test helpers: a fake clock whose sleeps return at once, and a mock site served by URL."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta, UTC
from pathlib import Path

import httpx
import pytest

from harvester.normalize.names import NameTable
from harvester.normalize.people import Mention

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
T0 = datetime(2026, 11, 26, 12, 0, 0, tzinfo=UTC)


class FakeClock:
    """Monotonic and wall clocks that move only when `sleep` is called; records every sleep."""

    def __init__(self) -> None:
        self.elapsed = 0.0
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.elapsed += seconds

    def monotonic(self) -> float:
        return self.elapsed

    def now(self) -> datetime:
        return T0 + timedelta(seconds=self.elapsed)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def mock_client(handler: Callable[[httpx.Request], httpx.Response], log: list[str] | None = None) -> httpx.Client:
    """An httpx client whose every request goes to `handler`; request URLs are appended to `log`."""

    def recording(request: httpx.Request) -> httpx.Response:
        if log is not None:
            log.append(str(request.url))
        return handler(request)

    return httpx.Client(transport=httpx.MockTransport(recording), follow_redirects=False)


TIMES = ("harvested_at", "first_seen", "last_seen")


def dataset(out: Path, name: str) -> list[dict]:
    """The records of dataset `name` in folder `out`, as its JSON file holds them."""
    import json

    return json.loads((out / f"{name}.json").read_text(encoding="utf-8"))


def run_report(out: Path, name: str) -> dict:
    """The dataset's run report, NAME.report.json (the run's Outcome counts its lists; the file lists them)."""
    return json.loads((out / f"{name}.report.json").read_text(encoding="utf-8"))


def timeless(rows: list[dict]) -> list[dict]:
    """The rows without the times of the run that wrote them."""
    return [{k: v for k, v in row.items() if k not in TIMES} for row in rows]


def write_dataset(records: list[dict], out_dir: Path, name: str, formats: list[str], columns=None,
                  long_text_in_csv: bool = False) -> list[Path]:
    """Write records as a run writes its files (a generation switched in whole), without a run."""
    from harvester.output.files import Staging, write_table
    from harvester.records import RECORD_COLUMNS

    out_dir.mkdir(parents=True, exist_ok=True)
    with Staging(out_dir, name) as staging:
        written = write_table(lambda: [dict(r) for r in records], columns or RECORD_COLUMNS, out_dir, name, formats, staging,
                              long_text_in_csv)
        staging.commit()
    return written


def replaced(record: dict, **changes) -> dict:
    """A record with some values changed."""
    return {**record, **changes}


def people_table(mentions: Iterable[Mention], table: NameTable) -> list[dict]:
    """The people table of these mentions, as a run builds it (in a database of its own, closed after)."""
    import contextlib
    import sqlite3

    from harvester.normalize.people import People

    with contextlib.closing(sqlite3.connect(":memory:")) as db:
        people = People(table, db)
        for mention in mentions:
            people.add(mention)
        return list(people.rows())
