"""The Scrapy baseline: the same results pages and fields, 16 requests at a time, run with `scrapy runspider`.

    scrapy runspider bench/scrapy_spider.py -a origin=http://127.0.0.1:PORT -a query="Korean War" -O items.jsonl

Page 0 gives the total; every other page is then requested at once, so Scrapy's concurrency is used
in full (following next links one by one would leave it idle). No delays, robots.txt or autothrottle.
"""

from __future__ import annotations

import math
from urllib.parse import quote

import scrapy

SETTINGS = {
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "DOWNLOAD_DELAY": 0,
    "RANDOMIZE_DOWNLOAD_DELAY": False,
    "ROBOTSTXT_OBEY": False,
    "AUTOTHROTTLE_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False,
    "LOG_LEVEL": "WARNING",
}


class ResultsSpider(scrapy.Spider):
    name = "wilson-results"
    custom_settings = SETTINGS

    def __init__(self, origin: str, query: str, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.search = f"{origin.rstrip('/')}/search?search_api_fulltext={quote(query, safe='')}"
        self.start_urls = [self.search]

    def parse(self, response: scrapy.http.Response):
        for card in response.css("td.document"):
            paragraphs = (" ".join(" ".join(p.css("::text").getall()).split()) for p in card.css(".text-block p"))
            yield {
                "href": card.css(".title a::attr(href)").get(default=""),
                "date": card.css(".date::text").get(default="").strip(),
                "title": " ".join(" ".join(card.css(".title a ::text").getall()).split()),
                "summary": "\n\n".join(p for p in paragraphs if p),
            }
        if response.url == self.search:
            total = int(response.css(".results-summary").re_first(r"of\s+([\d,]+)").replace(",", ""))
            for page in range(1, math.ceil(total / 10)):
                yield scrapy.Request(f"{self.search}&page={page}", callback=self.parse)
