"""What changed since the last run: new, changed and no-longer-listed documents, as a report and a summary."""

from __future__ import annotations

from dataclasses import dataclass

from harvester import __version__
from harvester.records import Record
from harvester.state import Known


@dataclass(frozen=True)
class Changes:
    """Documents new to this dataset, changed since last seen (and which fields), and no longer listed."""

    new: tuple[str, ...]
    changed: tuple[tuple[str, tuple[str, ...]], ...]
    gone: tuple[str, ...]


def compare(records: list[Record], known: dict[str, Known], complete: bool) -> Changes:
    """Compare this run's records with what earlier runs saw; `gone` only when this run saw the whole listing."""
    seen = {r.id for r in records}
    new = tuple(r.id for r in records if r.id not in known)
    changed = tuple((r.id, fields) for r in records if r.id in known and (fields := _differences(r, known[r.id])))
    gone = tuple(sorted(i for i, k in known.items() if k.listed and i not in seen)) if complete else ()
    return Changes(new, changed, gone)


def _differences(record: Record, before: Known) -> tuple[str, ...]:
    pairs = (("title", record.title, before.title), ("summary", record.summary, before.summary),
             ("date", record.date_raw, before.date_raw))
    return tuple(name for name, now, then in pairs if now != then)


def build_report(*, site: str, query: str, run: int, started_at: str, finished_at: str, resumed: bool, pages: int,
                 requests: int, retries: int, total: int | None, documents: int, changes: Changes,
                 warnings: list[str], complete: bool) -> dict:
    """The run report, as written to NAME.report.json."""
    return {
        "harvester": __version__, "site": site, "query": query, "run": run, "status": "warnings" if warnings else "ok",
        "started_at": started_at, "finished_at": finished_at, "resumed": resumed, "complete": complete,
        "pages": pages, "requests": requests, "retries": retries, "total": total, "documents": documents,
        "new": list(changes.new), "changed": [{"id": i, "fields": list(f)} for i, f in changes.changed],
        "no_longer_listed": list(changes.gone), "warnings": warnings,
    }


def summary(report: dict) -> str:
    """One line for people: what this run found and what changed."""
    return (f"run {report['run']}: {report['documents']} documents; {len(report['new'])} new, "
            f"{len(report['changed'])} changed, {len(report['no_longer_listed'])} no longer listed")
