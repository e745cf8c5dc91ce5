"""What changed since the last run: new, changed and no-longer-listed documents, as a report and a summary."""

from __future__ import annotations

import itertools
import json
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from harvester import __version__

if TYPE_CHECKING:
    from harvester.state import Known


class Appendable(Protocol):
    def append(self, item: str) -> None: ...

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[str]: ...


@dataclass(frozen=True)
class Changes:
    """Documents new to this dataset, changed since last seen (each as the JSON text of {"id", "fields"}), and no
    longer listed. The first two may hold every document (a first run's are all new): a harvest keeps them on disk."""

    new: Appendable
    changed: Appendable
    gone: tuple[str, ...]


def compare(seen: Iterable[tuple[str, str, str, str]], known: Callable[[list[str]], dict[str, Known]],
            listed: Iterable[str], has: Callable[[str], bool], complete: bool,
            new: Appendable | None = None, changed: Appendable | None = None) -> Changes:
    """Compare this run's documents, (id, title, summary, date_raw) in order, with what earlier runs saw of them
    (`known` of a batch of ids); `gone`: the documents earlier runs `listed` this run has not (`has`), and only
    when this run saw the whole listing. New and changed documents are appended to `new` and `changed` (lists
    by default)."""
    new = [] if new is None else new
    changed = [] if changed is None else changed
    batch: list[tuple[str, str, str, str]] = []
    for row in itertools.chain(seen, [None]):
        if row is not None:
            batch.append(row)
        if len(batch) == BATCH or (row is None and batch):
            earlier = known([doc_id for doc_id, *_ in batch])
            for doc_id, title, summary, date_raw in batch:
                before = earlier.get(doc_id)
                if before is None:
                    new.append(doc_id)
                elif fields := _differences((title, summary, date_raw), before):
                    changed.append(json.dumps({"id": doc_id, "fields": list(fields)}, ensure_ascii=False))
            batch.clear()
    gone = tuple(sorted(doc_id for doc_id in listed if not has(doc_id))) if complete else ()
    return Changes(new, changed, gone)


BATCH = 500   # documents looked up in the state at a time


def _differences(now: tuple[str, str, str], before: Known) -> tuple[str, ...]:
    pairs = zip(("title", "summary", "date"), now, (before.title, before.summary, before.date_raw))
    return tuple(name for name, value, then in pairs if value != then)


def build_report(*, site: str, query: str, run: int, started_at: str, finished_at: str, resumed: bool, pages: int,
                 requests: int, retries: int, total: int | None, documents: int, changes: Changes,
                 warnings: list[str], complete: bool) -> dict:
    """The run report, as written to NAME.report.json."""
    return {
        "harvester": __version__, "site": site, "query": query, "run": run, "status": "warnings" if warnings else "ok",
        "started_at": started_at, "finished_at": finished_at, "resumed": resumed, "complete": complete,
        "pages": pages, "requests": requests, "retries": retries, "total": total, "documents": documents,
        "new": changes.new, "changed": Decoded(changes.changed),
        "no_longer_listed": list(changes.gone), "warnings": warnings,
    }


class Decoded:
    """A sequence of JSON texts, read as the values they hold (compared equal to a list of those values)."""

    def __init__(self, texts: Appendable) -> None:
        self.texts = texts

    def __len__(self) -> int:
        return len(self.texts)

    def __iter__(self) -> Iterator[object]:
        return map(json.loads, self.texts)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, (list, tuple, Decoded)) and list(self) == list(other)

    def __repr__(self) -> str:
        return repr(list(self))


_encode_text = json.encoder.encode_basestring   # json.dumps(text, ensure_ascii=False), without its checks
STREAMED = ("new", "changed")   # the report's lists that may hold every document


def report_pieces(report: dict) -> Iterator[str]:
    """NAME.report.json as `json.dumps(report, ensure_ascii=False, indent=2)` would write it (and a newline), a piece
    at a time: the lists of new and changed documents are read as they are written."""
    token = uuid.uuid4().hex   # a place-holder no text of the report can hold
    marks = {key: f"{token}-{key}" for key in report if key in STREAMED}
    rest = json.dumps({key: marks.get(key, value) for key, value in report.items()}, ensure_ascii=False, indent=2) + "\n"
    for key in marks:
        head, rest = rest.split(json.dumps(marks[key]), 1)
        yield head
        yield from _array(report[key])
    yield rest


def _array(items: Iterable[object]) -> Iterator[str]:
    """A list one level down in an indented JSON object, as json.dumps(indent=2) lays it out."""
    first = True
    for item in items:
        text = _encode_text(item) if type(item) is str else json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        yield ("[\n    " if first else ",\n    ") + text
        first = False
    yield "[]" if first else "\n  ]"


def counted(report: dict) -> dict:
    """The report with its lists of new and changed documents as their lengths (as the run state keeps it)."""
    return {key: len(value) if key in STREAMED else value for key, value in report.items()}


def summary(report: dict) -> str:
    """One line for people: what this run found and what changed."""
    return (f"run {report['run']}: {report['documents']} documents; {len(report['new'])} new, "
            f"{len(report['changed'])} changed, {len(report['no_longer_listed'])} no longer listed")
