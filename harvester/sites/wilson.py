"""The Wilson Center Digital Archive: its URL scheme and the selectors of its search pages.

When the site changes, this is the one file to change. Selectors come from the site's Drupal
templates and from the scrapers that work against it; each field is found by more than one cue.
"""

from __future__ import annotations

import re

from harvester.sites import Site

SITE = Site(
    name="wilson",
    home="https://digitalarchive.wilsoncenter.org",
    hosts=frozenset(
        {
            "digitalarchive.wilsoncenter.org",
            "wilson-center.drivingcreative.com",
            "wilson-center-digital-archive.dvincitest.com",
        }
    ),
    search_path="/search",
    query_param="search_api_fulltext",
    page_param="page",
    page_size=10,
    document_path=re.compile(r"^/document/([^/?#]+?)(?:\.pdf|\.ris|/download)?/?$"),
    search_view=".view-search, .view-id-search, .path-search main, .views-element-container",
    cards=("td.document", ".views-row"),
    card_date=".date",
    card_title=".title",
    card_link=(".title a[href]", "a[href*='/document/']"),
    card_summary=".text-block",
    totals=".results-summary, .view-header",
    totals_pattern=re.compile(r"(\d[\d,]*)\s*[-–]\s*(\d[\d,]*)\s+of\s+(\d[\d,]*)"),
    empty=".view-empty",
    next_link="li.pager__item--next a[href], a[rel='next'][href]",
)
