"""NAME.report.json: what a run did and what changed since the last one, and the line that sums it up."""

from __future__ import annotations

from harvester import __version__
from harvester.errors import plural


def build_report(*, site: str, origin: str, search: dict, run: int, first: bool, started_at: str, finished_at: str,
                 resumed: bool, pages: int, requests: int, retries: int, total: int | None, documents: int,
                 changes: dict[str, int], warnings: list[str], complete: bool, columns: list[str],
                 pdfs: dict[str, int] | None = None) -> dict:
    """The run report as the dataset's database keeps it: its lists of documents are counts here, and NAME.report.json
    lists them (`State.change_lists`). `search` says the search (query, address, facets, parameters); `origin` is where
    the pages were fetched from (the site's home, a mirror, a local server); `first` says that no run before it wrote the
    dataset (its history may begin after run 1, when the state was started afresh); `columns` are the records' (a next run
    that writes fewer says so); `pdfs`, with --pdfs, counts the PDFs downloaded, unchanged and failed."""
    return {
        "harvester": __version__, "site": site, "origin": origin, "query": search["query"], "search": search, "run": run, "first_run": first,
        "status": "warnings" if warnings else "ok",
        "started_at": started_at, "finished_at": finished_at, "resumed": resumed, "complete": complete,
        "pages": pages, "requests": requests, "retries": retries, "total": total, "documents": documents, "columns": columns,
        **changes,
        **({"pdfs": pdfs} if pdfs is not None else {}), "warnings": warnings,
    }


def summary_line(report: dict) -> str:
    """One line for people: what this run found, what changed in the dataset since its last run, and the scans."""
    found = f"run {report['run']}: {plural(report['documents'], 'document')}"
    pdfs = report.get("pdfs")
    scans = f"; PDFs: {pdfs['downloaded']} downloaded, {pdfs['unchanged']} unchanged, {pdfs['failed']} failed" if pdfs else ""
    if report["new"] == report["documents"] and not report["changed"] and not report["no_longer_listed"]:
        return f"{found}, all new{scans}" if report["documents"] else f"{found}{scans}"
    again = f"{report['listed_again']} listed again, " if report["listed_again"] else ""
    return (f"{found}; since the last run {report['new']} new, {again}{report['changed']} changed, "
            f"{report['no_longer_listed']} no longer listed{scans}")
