"""The Wilson Center Digital Archive: its URL scheme and the selectors of its search and document pages.

When the site changes, this is the one file to change. Selectors come from the site's Drupal
templates and from the scrapers that work against it; each field is found by more than one cue.
"""

from __future__ import annotations

import re

from harvester.sites import DocumentSelectors, Site


def _heading_rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# A document page (/document/<slug>): `.content-block` with `.date`, `h1.title` and the support line
# `.donated`; the transcript in `#documentTabs` (`.tab-pane.active`); the summary `.text-block`; a PDF
# preview whose `data` is the file; Related Documents, a list of other documents' cards (`.related-documents`,
# each title a link); linked values in `.pill-block` sections under an `h3.title` (or an
# `h2.title` followed by the pills); plain values in `.information-block` boxes (`.sub-title` + `.text`).
DOCUMENT = DocumentSelectors(
    title=(".content-block h1.title", "h1.title", ".content-block .title"),
    date=(".content-block .date", "article .date", "main .date"),
    support=(".content-block .donated", ".donated"),
    support_prefix="This document was made possible with support from",
    support_donors=re.compile(r"support from\s+(.+?)\.?$", re.IGNORECASE),
    transcript=("#documentTabs .tab-pane.active", ".tab-pane.active", "#documentTabs .tab-pane", ".tab-content .tab-pane"),
    summary=(".text-block",),
    pdf=(".pdf-preview[data]", "object[data*='.pdf']", "embed[src*='.pdf']", "a[href*='.pdf']", "a[href$='/download']"),
    blocks=".pill-block, .information-block",
    block_heading="h3.title, h4.title, h2.title, h3.sub-title, .sub-title, .title",
    heading_then_pills="h2.title, h3.title",
    pills=".pill",
    pill_text=(".name span", ".name"),
    info_value=".text",
    not_page_parts=".related-documents, .view-related-documents, .views-row, td.document, .site-header, .site-footer, nav",
    previews="object, .pdf-preview",
    related=(".related-documents .title a[href]", ".view-related-documents .title a[href]",
             ".related-documents a[href*='/document/']"),
    support_anywhere="main p, main div, main span",
    sections=(
        ("authors", _heading_rx(r"^authors?\b|^author\(s\)")),
        ("people_orgs", _heading_rx(r"^associated people|^people\b")),
        ("places", _heading_rx(r"^associated places|^places\b")),
        ("topics", _heading_rx(r"^associated topics|^topics\b")),
        ("subjects", _heading_rx(r"^subjects?\b")),
        ("contributors", _heading_rx(r"^document contributor")),
        ("related", _heading_rx(r"^related documents")),
        ("original_archive", _heading_rx(r"^original archive|^original repositor")),
        ("languages", _heading_rx(r"^languages?\b")),
        ("donors", _heading_rx(r"^donors?\b|^donor\(s\)")),
        ("source", _heading_rx(r"^source\b")),
        ("rights", _heading_rx(r"^rights\b")),
        ("uploaded", _heading_rx(r"^original upload")),
        ("doc_type_page", _heading_rx(r"^type$|^document type")),
        ("record_id", _heading_rx(r"^record id")),
        ("classification", _heading_rx(r"^original classification|^classification")),
    ),
    section_links=(
        ("people_orgs", re.compile(r"/people/")),
        ("places", re.compile(r"/places/")),
        ("topics", re.compile(r"/topics/")),
        ("languages", re.compile(r"languages(?:%3A|:)", re.IGNORECASE)),
        ("original_archive", re.compile(r"original_repositories(?:%3A|:)", re.IGNORECASE)),
        ("subjects", re.compile(r"search_api_fulltext=")),
        ("related", re.compile(r"/document/")),
    ),
    evidence=("#documentTabs", ".tab-pane", ".information-block", ".pill-block", ".pdf-preview", ".content-block .date",
              ".donated"),
    # the pre-Drupal page's type and value boxes, its subjects (each a search of that site: another site's list may bear
    # the id)
    old_layout=".doc-inf-information, #subj-list a[href*='/search-results/']",
)

# "1 - 10 of 19", "of 1,234" (or as a locale writes it: "1.234", "1'234", "1 234", with a thin or no-break space); each
# number read from its start and never given back, so a page's text is read once, however long; a number longer than
# any count of a search is no totals line (a total of 5,000 digits is more than Python reads as a number), and nor is one
# followed by a sign and a digit ("of 1·234", "of 19 2024"), which would be a number read in part: a wrong total
NUMBER = r"([1-9]\d{0,2}(?:[,.'’ \u00a0\u2009\u202f]\d{3}){1,4}+|\d{1,12}+)(?!\d|[^\w–-]\d)"
TOTALS = re.compile(rf"(?<![\d,]){NUMBER}\s*+[-–]\s*+{NUMBER}\s++of\s++{NUMBER}")

SITE = Site(
    name="wilson",
    home="https://digitalarchive.wilsoncenter.org",
    challenge_hosts=frozenset({"challenges.cloudflare.com"}),   # Cloudflare's Turnstile, which its challenge page loads
    challenge_paths=("/cdn-cgi/challenge-platform/",),          # the challenge's own scripts, on the site's host
    old_paths=("/search-results/", "/collection/"),            # the site before Drupal (its searches, its collections)
    other_params=("items_per_page", "sort_bef_combine", "sort_by", "sort_order"),   # its page size and sorts
    hosts=frozenset({"digitalarchive.wilsoncenter.org", "wilson-center.drivingcreative.com",
                     "wilson-center-digital-archive.dvincitest.com"}),
    search_path="/search",
    query_param="search_api_fulltext",
    page_param="page",
    facet_param="f",
    chosen_param="fo",
    page_size=10,
    # the slug, without a .pdf, .ris or /download after it; Drupal answers under /index.php/ as well
    # (.html: a mirror's saved copy, its links rewritten to the saved files, as wget --convert-links --adjust-extension)
    document_path=re.compile(r"^(?:/index\.php)?/document/([^/?#]+?)(?:\.pdf|\.ris|\.html|/download)?/?$"),
    document_url="/document/{id}",
    # the view itself first, so that the facets and menus around it are never taken for results
    search_view=(".view-search", ".view-id-search", ".views-element-container", ".path-search main"),
    cards=("td.document", ".views-row"),
    card_date=".date",
    card_title=".title",
    card_link=(".title a[href]", "a[href*='/document/']"),
    card_summary=".text-block",
    totals=".results-summary, .view-header",
    totals_pattern=TOTALS,
    totals_line=re.compile(rf"^\s*(?:Results:\s*)?{TOTALS.pattern}\s*$"),
    totals_anywhere="div, span, p, h2, h3, header",
    no_results=".view-empty",                                # Drupal views' "empty" area
    next_link="li.pager__item--next a[href], a[rel='next'][href]",
    facet_groups="ul[data-drupal-facet-alias]",             # Drupal's facets module: one list per facet, named as in f[]
    active_facets="a.is-active[data-drupal-facet-item-value]",
    facet_label=".facet-item__value",
    facet_name="data-drupal-facet-alias",
    facet_value="data-drupal-facet-item-value",
    form_fields=".views-exposed-form [name]",                # Drupal's exposed form: each filter named as in the address
    settings=re.compile(r'<script\b[^>]*\bdata-drupal-selector="drupal-settings-json"[^>]*>(.*?)</script>', re.S),
    document=DOCUMENT,
)
