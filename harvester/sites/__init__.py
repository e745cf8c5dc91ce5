"""Site modules: each owns one site's URL scheme and selectors; `get_site` looks one up by name."""

from __future__ import annotations

import difflib
import html
import ipaddress
import json
import re
import socket
import unicodedata
from dataclasses import dataclass, field
from itertools import groupby
from urllib.parse import parse_qsl, quote, unquote, unquote_plus, urlencode, urljoin, urlsplit

from harvester.errors import UsageError


@dataclass(frozen=True)
class Search:
    """One search of a site as its address says it: the full-text query, the facets (name, id) in the order the address
    numbers them, the order the person chose them in (Drupal's fo[]), and any other parameter (a sort, a page size)
    as given. No page: a search is all of its pages."""

    query: str = ""
    facets: tuple[tuple[str, str], ...] = ()
    chosen: tuple[str, ...] = ()
    extra: tuple[tuple[str, str], ...] = ()

    @property
    def key(self) -> str:
        """What makes two addresses one search: the query's words in any case (the site's search ignores case), the
        facets in any order, the other parameters (a list's values by their names unnumbered: as the site's form or its
        pager writes them; each once, as a facet: the site narrows by it once)."""
        return json.dumps([" ".join(self.query.split()).casefold(), sorted(self.facets),
                           sorted({(unnumbered(key), value) for key, value in self.extra})])

    def words(self, labels: dict[tuple[str, str], str] | None = None) -> str:
        """The search in words, each facet by its label when `labels` (facet, id -> label, as its pages show them) has it:
        '“Korean War”', 'people: 81908', '“Korean War” and topics: Korean War, 1950-1953'."""
        facets = [f"{name}: {(labels or {}).get((name, value), value)}" for name, value in self.facets]
        return " and ".join(([f"\u201c{self.query}\u201d"] if self.query.strip() else []) + facets) or "the whole archive"

    @property
    def sent(self) -> tuple[tuple[str, str], ...]:
        """The other parameters as its address sends them: sorted, a list's values numbered from 0 however they were
        given (type[5]=letter is type[0]=letter), each value once: one search, one address."""
        extra = groupby(sorted({(unnumbered(key), value) for key, value in self.extra}), key=lambda pair: pair[0])
        return tuple((f"{key[:-2]}[{i}]" if key.endswith("[]") else key, value) for key, pairs in extra
                     for i, (_, value) in enumerate(pairs))

    def __str__(self) -> str:
        """The words, and the other parameters, which tell apart two searches of the same words ('“x” (sort_by=date)')."""
        return self.words() + (" (" + ", ".join(f"{k}={v}" for k, v in self.sent) + ")" if self.extra else "")


def unnumbered(key: str) -> str:
    """A parameter's name, a list's number left out: type[0] is type[] (a form names its field so, the pager numbers it)."""
    return re.sub(r"\[\d+\]$", "[]", key)


def own_path(path: str) -> str:
    """An address's path without Drupal's front file before it: /index.php/search is the site's /search."""
    return path.removeprefix("/index.php") if path.startswith("/index.php/") else path


def one_edit(name: str, other: str) -> bool:
    """Whether two names are one letter changed, added or dropped apart (g[] and f[]: near, though short)."""
    longer, shorter = sorted((name, other), key=len, reverse=True)
    return len(longer) - len(shorter) < 2 and any(longer[:i] + longer[i + 1:] in (shorter, shorter[:i] + shorter[i + 1:])
                                                  for i in range(len(longer)))


def key_read_now(recorded: str) -> str:
    """A search's key as an earlier harvester recorded it, read as this one reads the search: its query's accents
    composed, a shared link's tracking dropped (a key it cannot read stands as it is)."""
    try:
        query, facets, extra = json.loads(recorded)
        return Search(unicodedata.normalize("NFC", query), tuple(map(tuple, facets)), (),
                      tuple(pair for pair in map(tuple, extra) if not TRACKING.fullmatch(pair[0]))).key
    except (ValueError, TypeError, AttributeError, IndexError):
        return recorded


@dataclass(frozen=True)
class DocumentSelectors:
    """Where things sit in a site's document page; each tuple is tried in order (the first that matches wins).

    `sections` and `section_links` name the field a linked-value section holds: by its heading
    (matched against the heading text, lower-cased, trailing colon dropped), else by where its
    links point. `evidence` lists marks of a document page beyond its title (a person or search
    page has a title too); `node_path` matches the Drupal path a document page has.
    """

    title: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    support_prefix: str = ""             # the support line's fixed start, when it is not in its own element
    transcript: tuple[str, ...] = ()
    summary: tuple[str, ...] = ()
    pdf: tuple[str, ...] = ()            # elements whose `data`, `href` or `src` is the PDF
    blocks: str = ""                     # blocks holding a heading and linked values or a label and a value
    block_heading: str = ""
    heading_then_pills: str = ""         # headings whose next sibling holds the linked values
    pills: str = ""                      # one linked value
    pill_text: tuple[str, ...] = ()      # its text, inside the pill
    info_value: str = ""                 # a plain value inside a block
    not_page_parts: str = ""             # containers whose dates and summaries belong to other documents
    previews: str = ""                   # PDF previews, whose fallback text is not the transcript
    related: tuple[str, ...] = ()        # the title links of the Related Documents list's cards
    support_anywhere: str = ""           # where to look for the support line by its prefix
    sections: tuple[tuple[str, re.Pattern[str]], ...] = ()
    section_links: tuple[tuple[str, re.Pattern[str]], ...] = ()
    evidence: tuple[str, ...] = ()
    node_path: re.Pattern[str] = re.compile(r"^node/(\d+)$")                  # Drupal's path of a node, in its settings
    support_donors: re.Pattern[str] | None = None   # in the support line: the list of who gave support (group 1)
    old_layout: str = ""                 # marks of the site's former document page, at the same address: none read here


def typed_query(query: str, said: str) -> str:
    """A full-text query as typed in a search box: no line break nor other control character (it would be sent, and
    split the lines that say the run), its accents composed as typing makes them ('ệ' one character, not 'e' and two
    marks, as a PDF or a Mac may copy it: else the same words would be another search). `said` names it in messages."""
    if re.search(r"[\x00-\x1f\x7f-\x9f]", query):
        raise UsageError(f"{said} {query!r}: holds a line break or another control character; give the words as typed")
    if _NOT_UTF8.search(query):
        raise UsageError(f"{said} {query!r}: not UTF-8 text (is the terminal set to another encoding?); type the words again")
    return unicodedata.normalize("NFC", query)


# what a newsletter, a social site, an ad or a search engine adds to a link it shares: it names who followed it, not what
# was searched; and what the site's own form adds beside the search (its button, op=Search; the format of an AJAX answer,
# and the cache buster jQuery adds to its request, _=1699999999)
TRACKING = re.compile(r"utm_\w+|fbclid|gclid|dclid|msclkid|mc_[ce]id|_ga|_gl|igshid|gad_source|[gw]braid|srsltid|yclid|"
                      r"_hs(enc|mi)|mkt_tok|op|_wrapper_format|_", re.IGNORECASE)
_NOT_UTF8 = re.compile(r"[\ud800-\udfff]")   # bytes of an argument that are not UTF-8, as Python passes them on


@dataclass(frozen=True)
class Site:
    """What harvester knows of one site: where it lives, how its search is addressed, where things sit in its pages."""

    name: str
    home: str                        # canonical origin, e.g. https://digitalarchive.wilsoncenter.org
    hosts: frozenset[str]            # hosts whose document links are the same documents (production, staging)
    search_path: str                 # path of the search page
    query_param: str                 # full-text parameter name
    page_param: str                  # zero-based page parameter name
    facet_param: str                 # f[i]=name:id
    chosen_param: str                # fo[j]=id
    page_size: int                   # results per page
    document_path: re.Pattern[str]   # matches a document path; group 1 is its id (slug or legacy number)
    document_url: str                # a document's path, from its id: "/document/{id}"
    search_view: tuple[str, ...]     # selectors of the search results container, tried in order: the narrowest first
    cards: tuple[str, ...]           # selectors of result cards, tried in order
    card_date: str
    card_title: str                  # element holding the title text
    card_link: tuple[str, ...]       # selectors of the title link inside a card, tried in order
    card_summary: str
    totals: str                      # selector of the "x - y of N" line
    totals_pattern: re.Pattern[str]
    totals_line: re.Pattern[str]     # the totals line as the whole text of an element, when not in its known places
    totals_anywhere: str             # the elements that may hold it then
    no_results: str                  # what a search with no results shows in place of cards ("No results found")
    next_link: str
    facet_groups: str                # the sidebar's lists of one facet's values, named by the facet's name in addresses
    active_facets: str               # in one: the links of the values the page's search has, each with its label
    facet_label: str
    facet_name: str                  # the attribute of a facet group that holds the facet's name
    facet_value: str                 # the attribute of a value's link that holds the value
    form_fields: str                 # the fields of its search form, each named as the address names that filter
    settings: re.Pattern[str]        # the page's settings (JSON, group 1): they hold its address and what it was asked with
    current_query: tuple[str, ...] = ("path", "currentQuery")   # where the settings hold the query a page was asked with
    current_path: tuple[str, ...] = ("path", "currentPath")     # and its path on the site (a document's: node/<id>)
    document: DocumentSelectors = field(default_factory=DocumentSelectors)   # the document page's selectors
    challenge_hosts: frozenset[str] = frozenset()   # hosts a bot check loads its widget from (only while it shows)
    challenge_paths: tuple[str, ...] = ()           # paths on the site's host a bot check loads its scripts from
    old_paths: tuple[str, ...] = ()                 # where the site's former pages were, whose layout is none read here
    other_params: tuple[str, ...] = ()              # what else its search page takes (a sort, a page size)

    def page_of(self, url: str) -> int:
        """The results page (from 0) an address asks for, by its page parameter."""
        page = dict(parse_qsl(urlsplit(url).query)).get(self.page_param, "")
        return int(page) if page.isdecimal() and len(page) <= 12 else 0   # (a longer number is no page a search has)

    def same_page(self, url: str) -> object:
        """What makes two addresses one page: a results page by its origin, its search's key (the facets in any order,
        a link's tracking dropped, as an earlier harvester may have asked) and its number; any other page by its URL (a
        next link of the site's that reads as no search too: it is followed, not refused); either on its origin as
        `reachable` writes it (a dataset's state may hold it as the user wrote it: http://Mirror.Example.)."""
        parts = urlsplit(url)
        page = dict(parse_qsl(parts.query)).get(self.page_param, "").strip("0")   # (one page_of cannot read, as written)
        if not (parts.scheme and parts.netloc):   # (no origin to write one way: //host/x, a path)
            return url
        try:
            origin = reachable(f"{parts.scheme}://{parts.netloc}")
            return (origin, self.search_of(url).key, self.page_of(url) or page) if self.is_search(url) \
                else origin + url[len(f"{parts.scheme}://{parts.netloc}"):]
        except (UsageError, ValueError):   # (a port that is no number)
            return url

    def search_url(self, search: Search, page: int = 0, origin: str | None = None) -> str:
        """The address of results page `page` (from 0) of a search: the query, the facets numbered from 0, the
        other parameters; page 0 has no page parameter (the whole archive is /search). Facets, fo[] and the others go
        sorted, in whatever order they were given, a list's values numbered from 0 however they were: one search is one
        address (a dataset's `search` column)."""
        params = [(self.query_param, search.query)] if search.query else []
        params += [(f"{self.facet_param}[{i}]", f"{name}:{value}") for i, (name, value) in enumerate(sorted(search.facets))]
        params += [(f"{self.chosen_param}[{i}]", value) for i, value in enumerate(sorted(search.chosen))]
        params += [*search.sent, *([(self.page_param, str(page))] if page else [])]
        query = urlencode(params, quote_via=quote, safe="")
        return f"{(origin or self.home).rstrip('/')}{self.search_path}" + (f"?{query}" if query else "")

    def search_of(self, url: str) -> Search:
        """The search an address says (any host: the caller judges it), in any order of its parameters, with gaps in
        the facets' numbers, unnumbered ones (f[]=: after the highest number, as PHP reads them; so a filter's list,
        type[]=) and repeated parameters (the last wins); its page and a shared link's tracking (utm_source, fbclid)
        are dropped. Facets encoded twice (f%255B0%255D=people%253A81908) beside plain ones are stale copies, and dropped; with none, the
        address was encoded again (pasted through a tool that encoded it), and every parameter is read decoded twice.
        A path that is not the search page is a UsageError."""
        parts = urlsplit(url)
        if not self.is_search(url) and self.doc_id(url):
            raise UsageError(f"{url}: a document's page, not a search; give the address of a search ({self.home}{self.search_path}?...)")
        if not self.is_search(url):
            raise UsageError(f"{url}: not a search of {self.name}; for the documents of a person, place or topic, narrow "
                             f"the archive's search by it (a facet) and give that results page's address ({self.home}"
                             f"{self.search_path}?...)")
        query, facets, chosen, extra, after = "", {}, {}, {}, {}   # after: the number an unnumbered f[], fo[] takes
        params = parse_qsl(parts.query, keep_blank_values=True)
        facet_key = re.compile(rf"({re.escape(self.facet_param)}|{re.escape(self.chosen_param)})\[(\d*)\]")
        plain = {found[1] for key, _ in params if (found := facet_key.fullmatch(key))}   # f, fo given plainly
        # the whole address encoded again (no facet written plainly, and a value still %-encoded): its other values too;
        # else they were written once, as the site writes a query beside facets encoded twice ("C%2B%2B" is C++)
        twice = not plain and any("%" in key for key, _ in params) and any(
            re.search("%[0-9a-fA-F]{2}", value) for key, value in params if "%" not in key)
        for key, value in params:
            if "%" in key:
                key, value = unquote(key), unquote(value)
                if "%" in key or ((found := facet_key.fullmatch(key)) and found[1] in plain):   # an old copy beside them
                    continue
            elif twice:
                value = unquote_plus(value)
            numbered = re.fullmatch(r"(.+)\[(\d*)\]", key)   # a list's value
            if numbered and len(numbered[2]) > 12:   # (more than any search's facets, and than Python reads as a number)
                raise UsageError(f"{url}: {key} is no {'facet' if numbered[1] == self.facet_param else 'list'}'s number")
            if numbered:   # (f[]: after the highest number before it, as PHP reads them; and f[00] is not f[0], as
                # PHP keeps a number written otherwise than it counts as another key: the site sees both values)
                digits = numbered[2] or str(after.get(numbered[1], 0))
                index = (int(digits), digits)
                if digits == str(int(digits)):
                    after[numbered[1]] = max(after.get(numbered[1], 0), int(digits) + 1)
            # (a name blank before its bracket is none, which PHP drops: "&=x", "&%20=x", "&[0]=x")
            if key == self.page_param or TRACKING.fullmatch(key) or not key.partition("[")[0].strip():
                continue
            if key == self.query_param:
                query = typed_query(value, f"{url}: {self.query_param}")   # words as typed, as it is sent
            elif numbered and numbered[1] == self.facet_param:
                name, colon, facet = value.partition(":")
                if not (colon and name and facet):
                    raise UsageError(f"{url}: {key}={value!r} is not a facet (it reads name:id, as people:81908)")
                facets[index] = (name, facet)
            elif numbered and numbered[1] == self.chosen_param:
                chosen[index] = value
            else:
                extra[f"{numbered[1]}[{digits}]" if numbered else key] = value
        # a facet given twice narrows the search once (the site reads it so): one search, one dataset
        return Search(query, tuple(dict.fromkeys(facets[i] for i in sorted(facets))),
                      tuple(dict.fromkeys(chosen[i] for i in sorted(chosen))), tuple(extra.items()))

    def search_at(self, address: str, base_url: str | None = None) -> tuple[Search, str | None]:
        """The search a pasted address says, and the origin to fetch it from (None: the site's home). An address on
        one of the site's hosts is fetched from `base_url` or home; one on `base_url`'s host, or on this machine
        (127.0.0.1, localhost: a served copy), from its own origin. The scheme may be left out, as browsers show it."""
        if not address.strip():
            raise UsageError(f"the search's address is empty: give one (as {self.home}{self.search_path}?...), --query WORDS or --all")
        if _NOT_UTF8.search(address):   # it could not be sent
            raise UsageError(f"{address!r}: not UTF-8 text (as a browser writes an address); copy the address again from "
                             "the browser's address bar")
        # "&amp;" is an address copied from HTML or an e-mail: in an address, a value's own & is written %26
        text = re.sub(r"&(amp;)+", "&", address.strip())   # (escaped twice: &amp;amp;)
        schemed = re.match(r"^[a-z][a-z0-9+.-]*://", text, re.I)
        url = text if schemed else f"https://{text}"
        try:
            parts = urlsplit(url)
            own = numeric_host(urlsplit(base_url).hostname or "") if base_url else None   # (127.1 is 127.0.0.1, as browsers show it)
            host, _ = numeric_host(parts.hostname or ""), parts.port
        except ValueError as error:   # "https://[digitalarchive/search", a port that is no number
            raise UsageError(f"{address}: not a web address ({error})") from None
        host = host.removeprefix("www.") if host.removeprefix("www.") in self.hosts else host   # as addresses are cited
        if host in self.hosts or host == own or this_machine(host):
            if not dns_takes(parts.hostname or ""):   # (words pasted without --query are refused below, as words)
                raise UsageError(f"{address}: not a web address (its host is no name DNS takes: a dot too many, a label too "
                                 "long, or a broken xn-- one)")
            try:
                parse_qsl(parts.query, errors="strict")
            except UnicodeDecodeError:   # "%E9t%E9": Latin-1 escapes; they would be asked for as U+FFFD, another search
                raise UsageError(f"{address}: its %-escapes are not UTF-8 (as a browser writes them); copy the address "
                                 "again from the browser's address bar") from None
            search = self.search_of(url)
            self._takes(search, address)
            if search.key == Search().key and any(key != self.page_param for key, _ in parse_qsl(parts.query)):
                # "search?fo[0]=81908": parameters, but none that narrows the search: a pasted address cut short
                raise UsageError(f"{address}: names no search words and no facet, which is the whole archive: copy the "
                                 "search's address again, or give --all for the whole archive")
            if host in self.hosts:
                return search, base_url
            # its own origin; left out of an address as browsers show it, the scheme is --base-url's, or plain HTTP (a
            # server on this machine)
            scheme = parts.scheme if schemed else urlsplit(base_url).scheme if base_url and host == own else "http"
            return search, reachable(f"{scheme}://{parts.netloc}")
        if "/" not in text and (" " in text or "." not in text):   # "Korean War": words, --query forgotten
            raise UsageError(f"{address}: not an address of {self.name} ({self.home}{self.search_path}?...); for a full-text "
                             "search, give the words with --query WORDS")
        raise UsageError(f"{address}: not an address of {self.name} ({self.home}{self.search_path}?...), of --base-url, "
                         "or of a server on this machine; for a mirror give its origin with --base-url")

    def _takes(self, search: Search, address: str) -> None:
        """A pasted address's parameter the search page is not known to take is refused when it is a mistyped name (near
        one it takes: the site would ignore it, and list the search without those words). Another may be a filter of the
        site's form that harvester does not know (a staging mirror's, an operator as search_api_fulltext_op): it is sent
        as given, and the first page's form tells whether the site takes it (crawl.Walk)."""
        takes = [self.query_param, f"{self.facet_param}[]", f"{self.chosen_param}[]", self.page_param, *self.other_params]
        for key in (key for key, _ in search.extra if key not in self.other_params):
            # (by its name without its number, which would make id[123] near f[123])
            name = unnumbered(key).casefold()
            near = difflib.get_close_matches(name, takes, 1, 0.75) or [take for take in takes if one_edit(name, take)]
            if near and not re.match(rf"{re.escape(near[0])}_.", key):   # (_op: its operator)
                number = re.search(r"\d+(?=\]?$)", key)   # (its list's: fo0[1] is fo[1]; f[1, its bracket left out, too)
                meant = near[0].replace("[]", f"[{number[0] if number else 0}]")
                raise UsageError(f"{address}: the search page takes no parameter {key!r} (did you mean {meant!r}?)")

    def setting(self, text: str, keys: tuple[str, ...]) -> object:
        """The value the page's settings hold under `keys` (None when the page has no settings, or they hold none)."""
        found = self.settings.search(text)
        try:
            value = json.loads(html.unescape(found[1])) if found else None
            for key in keys if value is not None else ():
                value = value[key]
        except (ValueError, KeyError, TypeError, IndexError):
            return None
        return value

    def saved_search(self, text: str) -> str | None:
        """The address a saved page was asked with, from the settings it carries, when it records no address."""
        asked = self.setting(text, self.current_query)
        if not isinstance(asked, dict):
            return None
        params = []
        for key, value in asked.items():
            values = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else [(None, value)]
            # (a value that is not text as the JSON it is, a null as none: not Python's "None" or "True")
            params += [(key if i is None else f"{key}[{i}]", v if isinstance(v, str) else "" if v is None else json.dumps(v))
                       for i, v in values]
        url = f"{self.home}{self.search_path}?{urlencode(params)}"   # (as the site has it: said so in a message)
        return self.search_url(self.search_of(url), self.page_of(url))

    def canonical(self, url: str) -> str:
        """The same path and query on the site's canonical host (for provenance that does not depend on mirrors), as a
        browser asks for them: a link's space, or letter of another script, percent-encoded."""
        parts = urlsplit(url)
        return f"{self.home}{as_sent(parts.path)}" + (f"?{as_sent(parts.query)}" if parts.query else "")

    def on_origin(self, url: str, origin: str) -> str:
        """The same path and query on `origin` (a mirror, a local server) when `url` is on one of the site's hosts;
        any other address as it is (a fetcher refuses it: it is off the site)."""
        parts = urlsplit(url)
        if not self.owns(url):
            return url
        return f"{origin.rstrip('/')}{parts.path}" + (f"?{parts.query}" if parts.query else "")

    def doc_id(self, href: str) -> str | None:
        """The document's id (its slug, or legacy number) from a link to it, by its path alone (`on_site` says whether
        the link's host is the site's); a page known only by its Drupal path (/node/95423, as staging copies are
        saved) is "node-95423"."""
        if not web_address(href):
            return None
        path = urlsplit(href).path
        if match := self.document_path.match(path):
            return match.group(1)
        node = _NODE_PATH.match(path)
        return f"node-{node.group(1)}" if node else None

    def twins(self, doc_id: str, other: str) -> bool:
        """Whether two documents' slugs are one title's, told apart by the number Drupal adds to each later one's
        ("letter-x", "letter-x-0", "letter-x-1"): two documents, as the site makes each slug its own."""
        return doc_id != other and re.sub(r"-\d+$", "", doc_id) == re.sub(r"-\d+$", "", other)

    def is_node_id(self, doc_id: str) -> bool:
        """Whether an id is a page's Drupal path ("node-95423"), not the document's own slug or number."""
        return _NODE_ID.match(doc_id) is not None

    def on_site(self, link: str, page_url: str) -> bool:
        """Whether a link on a page leads to the site (`owns`: the one rule for its hosts), or to the page's own origin (a
        mirror, a local copy): its scheme, host and port, as browsers and the fetcher tell sites apart (another port of
        the host is another server, whose file the site's address would not be)."""
        target = urljoin(page_url, link)
        try:
            return self.owns(target) or _origin(target) == _origin(page_url)
        except ValueError:   # (a port that is no number)
            return False

    def doc_url(self, doc_id: str, origin: str | None = None) -> str:
        """The document's absolute URL on the site's canonical host (or on `origin`: a mirror, a local server)."""
        node = _NODE_ID.match(doc_id)
        path = f"/node/{node.group(1)}" if node else self.document_url.format(id=as_sent(doc_id))
        return f"{(origin or self.home).rstrip('/')}{path}"

    def is_search(self, url: str) -> bool:
        """Whether an address is of the site's search page (on any host; whatever its query). Drupal reads its paths
        in any case, and behind its front file as well (/index.php/search)."""
        path = urlsplit(url).path.rstrip("/").lower() if web_address(url) else ""
        return own_path(path) == self.search_path

    def is_old(self, url: str) -> bool:
        """Whether an address is of the site's former pages (on its hosts: another site's /collection/ is none)."""
        return bool(web_address(url) and self.owns(url) and urlsplit(url).path.startswith(self.old_paths))

    def owns(self, url: str) -> bool:
        """Whether an address is on one of the site's hosts, in any spelling (a final dot, capitals; www., as cited)."""
        return numeric_host(urlsplit(url).hostname or "").removeprefix("www.") in self.hosts


def as_sent(part: str) -> str:
    """A URL's path or query as httpx (and a browser) sends it: what a URL cannot hold (a space, a letter of another
    script) percent-encoded, what it can (an escape already made, the delimiters) as it is."""
    return quote(part, safe="/%:@!$&'()*+,;=?[]|^")


def web_address(url: str) -> bool:
    """Whether `url` can be taken apart as a web address: a link in a page, or the address a saved page or an archived
    response names, may not ("https://[::1/x" with its bracket left open, a port that is no number)."""
    try:
        _ = urlsplit(url).port   # a port that is no number fails only when read
    except ValueError:
        return False
    return True


def _origin(url: str) -> tuple[str, str, int | None]:
    """An address's origin as browsers compare them: its scheme, its host in one spelling, its port (the scheme's own)."""
    parts = urlsplit(url)
    return parts.scheme, numeric_host(parts.hostname or ""), parts.port or {"http": 80, "https": 443}.get(parts.scheme)


def numeric_host(host: str) -> str:
    """A host written as an IP address in another form (127.1, 0x7f.0.0.1; 0:0::1, FE80::A) as browsers write it and
    the resolver reads it (127.0.0.1; ::1, fe80::a); any other host as it is; either without a final dot (127.1. is
    127.0.0.1, localhost. localhost: one host, as browsers and DNS read them; localhost.. is none)."""
    host = host.removesuffix(".")
    try:
        if ":" in host:
            return str(ipaddress.ip_address(host))
        return socket.inet_ntoa(socket.inet_aton(host)) if re.fullmatch(r"[0-9a-fx.]+", host, re.I) else host
    except (OSError, ValueError):   # a name, not an address
        return host


def dns_takes(host: str) -> bool:
    """Whether DNS takes a host, as browsers do: no label empty (localhost.., .example), too long, or a broken xn-- one."""
    try:
        host.encode("idna").decode("idna")
    except UnicodeError:
        return False
    return True


def this_machine(host: str) -> bool:
    """Whether a host is this machine, in any spelling: localhost, NAME.localhost, 127.0.0.0/8, ::1. Browsers take it
    for a secure context (they send it Secure cookies over plain HTTP), and a served copy may be there."""
    host = numeric_host(host).lower()
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost" or host.endswith(".localhost")


def reachable(origin: str) -> str:
    """An origin (scheme://host:port) with its host as browsers write it, one host in one spelling: 127.1. is 127.0.0.1
    (no resolver reads 127.1. as an address, and its cookies go to a host named as they are named), localhost. is
    localhost (a hosts file may name localhost alone: this machine's does), mirror.example. mirror.example (a pasted
    address on it is fetched from it as its --base-url)."""
    parts = urlsplit(origin)
    host = numeric_host(parts.hostname or "")
    user, at, _ = parts.netloc.rpartition("@")
    return f"{parts.scheme}://{user}{at}{f'[{host}]' if ':' in host else host}{'' if parts.port is None else f':{parts.port}'}"


_NODE_PATH = re.compile(r"^/node/(\d+)/?$")
_NODE_ID = re.compile(r"^node-(\d+)$")


DEFAULT_SITE = "wilson"   # the site of a harvest that names none (--site, a harvests file's `site`)


def known_sites() -> dict[str, Site]:
    """Every site, by its name."""
    from harvester.sites import wilson

    return {wilson.SITE.name: wilson.SITE}


def get_site(name: str) -> Site:
    """The site called `name`; an unknown name is a usage error that lists the known ones."""
    known = known_sites()
    if name not in known:
        raise UsageError(f"unknown --site {name!r}; known sites: {', '.join(sorted(known))}")
    return known[name]
