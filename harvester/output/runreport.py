"""NAME.report.json: what a run did and what changed since the last one, and the line that sums it up."""

from __future__ import annotations

from harvester import __version__
from harvester.state import Changes

LISTS = ("new", "changed", "no_longer_listed")   # what the state keeps as counts (a first run's "new" is every document)


def build_report(*, site: str, search: dict, run: int, started_at: str, finished_at: str, resumed: bool, pages: int,
                 requests: int, retries: int, total: int | None, documents: int, changes: Changes,
                 warnings: list[str], complete: bool) -> dict:
    """The run report, as written to NAME.report.json; `search` says the search (query, address, facets, parameters)."""
    return {
        "harvester": __version__, "site": site, "query": search["query"], "search": search, "run": run,
        "status": "warnings" if warnings else "ok",
        "started_at": started_at, "finished_at": finished_at, "resumed": resumed, "complete": complete,
        "pages": pages, "requests": requests, "retries": retries, "total": total, "documents": documents,
        "new": changes.new, "changed": changes.changed, "no_longer_listed": changes.gone, "warnings": warnings,
    }


def counted(report: dict) -> dict:
    """The report with its lists of documents as their lengths (as the dataset's database keeps it)."""
    return {key: len(value) if key in LISTS else value for key, value in report.items()}


def summary(report: dict) -> str:
    """One line for people: what this run found and what changed."""
    return (f"run {report['run']}: {report['documents']} documents; {len(report['new'])} new, "
            f"{len(report['changed'])} changed, {len(report['no_longer_listed'])} no longer listed")
