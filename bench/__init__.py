"""Benchmarks of harvester against the physical limit (Lexbor, a bare fetch loop) and against Scrapy and BeautifulSoup."""
