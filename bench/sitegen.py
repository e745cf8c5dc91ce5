"""A synthetic Wilson Center site from a seed: results pages in the real markup (40-80 KB), and document pages.

The page template is the saved seed page (fixtures/wilson/seed/page-0.html): its head, header, footer
and settings script are kept, and the parts that vary are filled in: the saved-from mark and canonical
link, the totals line, ten cards, the pager, and a facets sidebar sized so the page weighs what real
Drupal pages weigh. Titles, dates and summaries are drawn from the real ones in the fixtures' expected
files and from title shapes the archive uses, with dates spread over 1945-1991.

    site/search/page-N.html      results page N (from 0) of the search, as a browser saves it
    site/document/SLUG.html      one document page per card (optional)
    site/robots.txt              allows everything
"""

from __future__ import annotations

import datetime
import functools
import html
import json
import random
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "fixtures" / "wilson" / "seed" / "page-0.html"
DOCUMENT_TEMPLATE = ROOT / "fixtures" / "wilson" / "documents" / "telegram-mikoyan-cpsu-central-committee.html"
HOME = "https://digitalarchive.wilsoncenter.org"
PAGE_SIZE = 10
PAGE_BYTES = (40_000, 80_000)
ROBOTS = "User-agent: *\nDisallow:\n"

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
PEOPLE = ("A.M. Puzanov", "Kim Il Sung", "Mao Zedong", "N.S. Khrushchev", "V.M. Molotov", "Zhou Enlai", "Peng Dehuai",
          "A. Mikoyan", "Pak Heon-yeong", "Choe Yong-geon", "Yumjaagiin Tsedenbal", "Todor Zhivkov", "János Kádár",
          "Walter Ulbricht", "Władysław Gomułka", "Ho Chi Minh", "Pham Van Dong", "Fidel Castro", "Nicolae Ceaușescu",
          "L.I. Brezhnev", "A.A. Gromyko", "Yu.V. Andropov", "Deng Xiaoping", "Liu Shaoqi", "Kim Jong Il", "Syngman Rhee",
          "John Foster Dulles", "Henry Kissinger", "Erich Honecker", "Enver Hoxha", "Josip Broz Tito", "Mátyás Rákosi",
          "N.G. Sudarikov", "V.I. Ivanov", "S. Filatov", "Pak Ui-wan", "Nam Il", "Kim Tu-bong", "Chen Yi", "Qiao Guanhua",
          "I.V. Stalin", "Filippov [Stalin]", "G. Zhukov", "Ponomarev", "Szabó Ferenc", "Petrov", "Zhang Canming",
          "Ri Sang-jo", "Seo Hwi", "Yun Gong-heum", "K.A. Krutikov", "P. F. Yudin", "N.V. Roshchin", "Stepan Chervonenko")
ROLES = ("Soviet Ambassador to the DPRK", "Chinese Premier", "Hungarian Ambassador", "Soviet Embassy Counselor",
         "DPRK Vice Premier", "Polish Defense Minister", "Prime Minister of the Mongolian People's Republic",
         "First Secretary of the Soviet Embassy", "Chinese Foreign Minister", "Deputy Chairman", "Comrade")
BODIES = ("the CPSU Central Committee", "the CC CPSU", "the Chinese Communist Party Central Committee",
          "the Hungarian Foreign Ministry", "the Romanian Ministry of Foreign Affairs", "the SED Politburo",
          "the KWP CC Presidium", "the Political Bureau", "the Central Committee", "the Polish Foreign Ministry",
          "the Czechoslovak Ministry of Foreign Affairs", "the Bulgarian Communist Party Central Committee")
CITIES = ("Moscow", "Bucharest", "Pyongyang", "Beijing", "Hanoi", "Havana", "Budapest", "Berlin", "Warsaw", "Prague",
          "Sofia", "Ulaanbaatar", "Seoul", "Tokyo", "Washington")
NATIONS = ("Soviet", "Chinese", "Hungarian", "Polish", "Romanian", "Czechoslovak", "Bulgarian", "East German",
           "Mongolian", "Vietnamese", "Cuban", "Yugoslav", "Albanian")
TOPICS = ("the Situation in South Korea", "the Korean Armistice Negotiations", "the August Plenum Incident",
          "Sino-Soviet Relations", "the Withdrawal of the Chinese People's Volunteers", "the Economic Situation of the DPRK",
          "the Third Congress of the Korean Workers' Party", "the Hungarian Events", "the Cuban Missile Crisis",
          "the Vietnam War", "the Reunification of Korea", "Nuclear Cooperation", "Trade Negotiations for 1966",
          "the Pueblo Incident", "the Ninth Party Congress", "Military Aid and Arms Deliveries", "the Border Clashes on the Ussuri")
SENTENCES = ("{a} and {b} discuss {t}.", "{a} reports on {t}.", "The {n} embassy describes {t}.",
             "{a} informs {b} about {t}.", "{a} asks for assistance regarding {t}.",
             "{b} explains the position of the Korean Workers' Party on {t}.",
             "A meeting with {a} reveals the main goals of the delegation: to settle {t}.",
             "{a} criticizes {b}’s handling of {t}, and the {n} side agrees to revisit the question.")
FACETS = ("Collections", "People", "Places", "Subjects", "Languages", "Original archive")


@dataclass(frozen=True)
class Card:
    """One generated search result: what the results page shows of a document."""

    slug: str
    date: str | None       # None: the card has no date element
    title: str
    summary: tuple[str, ...]


@dataclass(frozen=True)
class Site:
    """A generated site on disk."""

    root: Path
    query: str
    pages: int
    bytes: int

    @property
    def search_dir(self) -> Path:
        return self.root / "search"

    def search_path(self, page: int) -> str:
        """The path and query of results page `page`, as harvester asks for it."""
        path = f"/search?search_api_fulltext={quote(self.query, safe='')}"
        return f"{path}&page={page}" if page else path


def escape(text: str) -> str:
    """HTML-escape as Drupal does (apostrophes as &#039;)."""
    return html.escape(text).replace("&#x27;", "&#039;")


class Material:
    """Real titles, summaries and date lines from the fixtures, and generators of new ones like them."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        cards = [card for path in sorted(TEMPLATE.parent.parent.glob("*/*.expected.json"))
                 for card in json.loads(path.read_text(encoding="utf-8")).get("cards", [])]
        self.titles = sorted({c["title"] for c in cards})
        self.summaries = sorted({c["summary"] for c in cards if c["summary"]})
        self.used: dict[str, int] = {}
        self.titled: set[str] = set()
        self.numbers = 280_000

    def card(self) -> Card:
        """A card whose title no card before it had, as a search lists each document once, when a few tries find
        one (the fixtures' titles run out first): the titles' readings are then each worked out, not remembered."""
        title = self.title()
        for _ in range(20):
            if title not in self.titled:
                break
            title = self.title()
        self.titled.add(title)
        return Card(self.slug(title), self.date(), title, self.summary())

    def slug(self, title: str) -> str:
        """Drupal-like: words of the title, and -1, -2 for repeats; a few legacy numeric ids."""
        if self.rng.random() < 0.03:
            self.numbers += self.rng.randint(1, 40)
            return str(self.numbers)
        folded = unicodedata.normalize("NFKD", title.lower()).encode("ascii", "ignore").decode()
        words = re.sub(r"[^a-z0-9]+", "-", folded.replace("'", "")).strip("-")[:90].strip("-")
        count = self.used.get(words, 0)
        self.used[words] = count + 1
        return f"{words}-{count}" if count else words

    def date(self) -> str | None:
        """A date line in one of the shapes the archive shows, weighted as they occur; None: no date element."""
        r = self.rng
        day = datetime.date(1945, 1, 1) + datetime.timedelta(days=r.randrange(17_167))  # up to 1991-12-31
        month, year, first = MONTHS[day.month - 1], day.year, min(day.day, 20)
        shapes = (
            (70, f"{month} {day.day}, {year}"), (5, f"{month} {day.day:02d}, {year}"), (5, f"{month}, {year}"),
            (2, f"{month} {year}"), (6, f"{year}"), (2, f"{r.choice(('c.', 'ca.'))} {year}"), (1, f"{year} [?]"),
            (1, f"{str(year)[:3]}0s"), (2, f"{month} {first}-{first + r.randint(1, 8)}, {year}"),
            (1, f"{first}-{first + 1} {month} {year}"), (2, f"{day.day} {month} {year}"), (1, f"{month[:3]}. {year}"),
            (1, ""), (1, None),
        )
        return r.choices([text for _, text in shapes], weights=[weight for weight, _ in shapes])[0]

    def title(self) -> str:
        r = self.rng
        p, q = r.sample(PEOPLE, 2)
        one, other = r.sample(NATIONS, 2)
        day = f"{r.randint(1, 28)} {r.choice(MONTHS)} {r.randint(1945, 1991)}"
        shapes = (
            lambda: r.choice(self.titles),
            lambda: f"Telegram from {r.choice(CITIES)} to {r.choice(CITIES)}, TOP SECRET, No. {r.randint(10, 99)}.{r.randint(100, 999)}",
            lambda: f"Telegram from {p} to {r.choice(BODIES)}",
            lambda: f"Ciphered Telegram No. {r.randint(1000, 99999)}, {p} to {q}",
            lambda: f"Cable from {p} to {r.choice(BODIES)}, '{r.choice(TOPICS)}'",
            lambda: f"Cable, {p} to {q}",
            lambda: f"Letter from {p} to {q}",
            lambda: f"Record of Conversation between {r.choice(ROLES)} {p} and {q}",
            lambda: f"Memorandum of Conversation between {p} and {q}",
            lambda: f"Record of a Conversation with {r.choice(ROLES)} {p}",
            lambda: f"Journal of Soviet Ambassador to the DPRK A.M. Puzanov for {day}",
            lambda: f"From the Diary of {p}: Memorandum of Conversation with {q}",
            lambda: f"Report from the {r.choice(NATIONS)} Embassy in {r.choice(CITIES)}, '{r.choice(TOPICS)}'",
            lambda: f"Report, Embassy of Hungary in North Korea to {r.choice(NATIONS)} Foreign Ministry",
            lambda: f"Minutes of Conversation: {p} – {q}, {r.choice(CITIES)}",
            lambda: f"Meeting of the Politburo of the CC CPSU, Regarding {r.choice(TOPICS)}",
            lambda: f"Resolution of the {r.randint(1, 30)}th Meeting of the KWP CC Presidium",
            lambda: f"{p}’s Speech to {r.choice(BODIES)}",
            lambda: f"Statement of the {r.choice(NATIONS)} Government on {r.choice(TOPICS)}",
            lambda: f"Agreement between the {one} and {other} Governments on {r.choice(TOPICS)}",
            lambda: f"Note on {r.choice(TOPICS)}",
            lambda: f"Information about {r.choice(TOPICS)}",
            lambda: f"Instructions to {r.choice(ROLES)} {p}",
        )
        return r.choice(shapes)()

    def summary(self) -> tuple[str, ...]:
        r = self.rng
        if r.random() < 0.05:
            return ()
        if r.random() < 0.25:
            return (r.choice(self.summaries),)

        def paragraph() -> str:
            return " ".join(r.choice(SENTENCES).format(a=a, b=b, t=r.choice(TOPICS), n=r.choice(NATIONS))
                            for a, b in (r.sample(PEOPLE, 2) for _ in range(r.randint(1, 4))))

        return tuple(paragraph() for _ in range(2 if r.random() < 0.1 else 1))


class Template:
    """The seed page cut where generated parts go; each cut must find its marker exactly once."""

    def __init__(self, path: Path = TEMPLATE) -> None:
        text = path.read_text(encoding="utf-8")
        text = _cut(text, r"\A<!-- saved from url=\(\d+\)\S+ -->", "{saved_from}")
        text = _cut(text, r'<link rel="canonical" href="[^"]*" />', '<link rel="canonical" href="{url}" />')
        text = _cut(text, r'<div class="results-summary">.*?</div>', "{totals}")
        text = _cut(text, r"(?s)<tbody>.*</tbody>", "<tbody>\n{cards}          </tbody>")
        text = _cut(text, r'(?s)  <nav class="pager".*?</nav>\n', "{pager}")
        text = _cut(text, r'"currentQuery":\{[^}]*\}', '"currentQuery":{current_query}')
        text = _cut(text, r'      <div class="layout-content">', "{sidebar}      <div class=\"layout-content\">")
        self.parts = re.split(r"(\{\w+\})", text)  # JSON braces never hold a bare word

    def fill(self, **values: str) -> str:
        return "".join(values.get(part[1:-1], part) if part.startswith("{") else part for part in self.parts)


def _cut(text: str, pattern: str, replacement: str) -> str:
    found = re.findall(pattern, text)
    if len(found) != 1:
        raise ValueError(f"a bench template: expected one match of {pattern!r}, found {len(found)}: the template changed")
    return re.sub(pattern, lambda m: replacement, text)


def saved_from(url: str) -> str:
    """The mark a browser puts on the first line of a saved page."""
    return f"<!-- saved from url=({len(url):04d}){url} -->"


def card_html(card: Card) -> str:
    date = "" if card.date is None else f'                <div class="date">{escape(card.date)}</div>\n'
    summary = "".join(f"<p>{escape(p)}</p>\n" for p in card.summary)
    return ("            <tr>\n              <td class=\"document contextual-region\">\n" + date +
            f'                <h3 class="title"><a href="/document/{card.slug}">{escape(card.title)}</a></h3>\n'
            f'                <div class="text-block">{summary}</div>\n              </td>\n            </tr>\n')


def pager_html(query: str, page: int, pages: int) -> str:
    href = f"?search_api_fulltext={quote(query, safe='')}&amp;page="

    def item(cls: str, number: int, title: str, label: str, rel: str = "") -> str:
        rel = f' rel="{rel}"' if rel else ""
        return (f'          <li class="pager__item{cls}">\n        <a href="{href}{number}" title="{title}"{rel}>\n'
                f'          <span class="visually-hidden">{label}</span>\n        </a>\n      </li>\n')

    items = []
    if page > 0:
        items += [item(" pager__item--first", 0, "Go to first page", "First page"),
                  item(" pager__item--previous", page - 1, "Go to previous page", "Previous page", "prev")]
    low = max(0, min(page - 4, pages - 9))
    for number in range(low, min(pages, low + 9)):
        current = number == page
        items.append(item(" is-active" if current else "", number, "Current page" if current else f"Go to page {number + 1}",
                          f"{'Current page' if current else 'Page'}</span>{number + 1}<span>"))
    if page < pages - 1:
        items += [item(" pager__item--next", page + 1, "Go to next page", "Next page", "next"),
                  item(" pager__item--last", pages - 1, "Go to last page", "Last page")]
    return ('  <nav class="pager" role="navigation" aria-labelledby="pagination-heading">\n'
            '    <h4 id="pagination-heading" class="visually-hidden">Pagination</h4>\n'
            '    <ul class="pager__items js-pager__items">\n' + "".join(items) + "    </ul>\n  </nav>\n")


def facet_items(rng: random.Random, query: str) -> Iterator[str]:
    """Facet links as Drupal's facets module renders them, forever; the caller takes what fits."""
    number = 0
    while True:
        number += 1
        facet = rng.choice(FACETS)
        value = rng.choice(PEOPLE + CITIES + TOPICS + NATIONS)
        key = facet.lower().replace(" ", "_")
        url = f"/search?search_api_fulltext={quote(query, safe='')}&amp;f%5B0%5D={key}%3A{85000 + number}"
        yield (f'<li class="facet-item"><a href="{url}" rel="nofollow" data-drupal-facet-item-id="{key}-{85000 + number}" '
               f'data-drupal-facet-item-value="{85000 + number}" data-drupal-facet-item-count="{rng.randint(1, 900)}">'
               f'<span class="facet-item__value">{escape(value)}</span> <span class="facet-item__count">({rng.randint(1, 900)})</span></a></li>\n')


def results_page(template: Template, rng: random.Random, query: str, page: int, pages: int, cards: list[Card]) -> str:
    """Results page `page` of `pages` of a search, its size drawn between PAGE_BYTES."""
    url = f"{HOME}/search?search_api_fulltext={quote(query, safe='')}" + (f"&page={page}" if page else "")
    total = pages * PAGE_SIZE
    first = page * PAGE_SIZE + 1
    values = {
        "saved_from": saved_from(url), "url": escape(url),
        "totals": ('<div class="results-summary"><span class="label">Results:</span> '
                   f"<span>{first} - {first + len(cards) - 1} of {total:,}</span></div>"),
        "cards": "".join(card_html(c) for c in cards), "pager": pager_html(query, page, pages),
        "current_query": json.dumps({"search_api_fulltext": query, "page": str(page)}).replace("'", "\\u0027"),
        "sidebar": "",
    }
    size = len(template.fill(**values).encode("utf-8")) + 300
    target = rng.randint(*PAGE_BYTES)
    items = []
    for item in facet_items(rng, query):
        if size + len(item) > target:
            break
        items.append(item)
        size += len(item)
    values["sidebar"] = ('      <aside class="layout-sidebar-first" role="complementary">\n'
                         '        <div class="block-facets block-facet--links"><h2 class="block-title">Filter by</h2>\n'
                         '          <ul class="facet-list">\n' + "".join(items) + "          </ul>\n        </div>\n      </aside>\n")
    return template.fill(**values)


def document_page(card: Card, number: int) -> str:
    """A document's own page: a saved document page of the archive with this card's date, title, summary and a
    transcript put in, and a Record ID and node number of its own."""
    url = f"{HOME}/document/{card.slug}"
    summary = "".join(f"<p>{escape(p)}</p>" for p in card.summary)
    values = {"saved_from": saved_from(url), "url": escape(url), "date": escape(card.date or ""), "title": escape(card.title),
              "transcript": summary * 6, "summary": summary, "record_id": str(300000 + number), "node": str(90000 + number)}
    return "".join(values.get(part[1:-1], part) if part.startswith("{") else part for part in _document_template())


@functools.cache
def _document_template() -> list[str]:
    text = DOCUMENT_TEMPLATE.read_text(encoding="utf-8")
    text = _cut(text, r"\A<!-- saved from url=\(\d+\)\S+ -->", "{saved_from}")
    text = _cut(text, r'<link rel="canonical" href="[^"]*" />', '<link rel="canonical" href="{url}" />')
    text = _cut(text, r'<div class="date">[^<]*</div>', '<div class="date">{date}</div>')
    text = _cut(text, r'(?<=field--type-string">)[^<]*(?=</span></h1>)', "{title}")
    text = _cut(text, r'(?s)(?<=id="transcript" role="tabpanel">\n).*?(?=</div>\n<div class="tab-pane fade" id="original")', "{transcript}")
    text = _cut(text, r'(?<=<div class="text-block">).*?(?=</div>)', "{summary}")
    text = _cut(text, r'(?<=Record ID</h3>\n<div class="text"><p>)\d+', "{record_id}")
    text = _cut(text, r'(?<="currentPath":"node\\/)\d+', "{node}")
    return re.split(r"(\{\w+\})", text)


def write_site(root: Path, query: str, pages: int, seed: int, documents: bool = True) -> Site:
    """Write a site of `pages` results pages of `query` (and each card's document page) under `root`."""
    rng = random.Random(f"{seed}:{query}:{pages}")
    material, template = Material(rng), Template()
    (root / "search").mkdir(parents=True, exist_ok=True)
    if documents:
        (root / "document").mkdir(exist_ok=True)
    (root / "robots.txt").write_text(ROBOTS, encoding="utf-8")
    written = 0
    for page in range(pages):
        cards = [material.card() for _ in range(PAGE_SIZE)]
        body = results_page(template, rng, query, page, pages, cards).encode("utf-8")
        (root / "search" / f"page-{page}.html").write_bytes(body)
        written += len(body)
        for number, card in enumerate(cards if documents else (), page * PAGE_SIZE):
            (root / "document" / f"{card.slug}.html").write_text(document_page(card, number), encoding="utf-8")
    return Site(root, query, pages, written)


def generate_cards(query: str, pages: int, seed: int) -> list[list[Card]]:
    """The cards write_site puts on each page, without writing anything (for tests)."""
    rng = random.Random(f"{seed}:{query}:{pages}")
    material, template = Material(rng), Template()
    result = []
    for page in range(pages):
        cards = [material.card() for _ in range(PAGE_SIZE)]
        results_page(template, rng, query, page, pages, cards)
        result.append(cards)
    return result
