"""Benchmarks of what users feel: re-parsing against Lexbor and BeautifulSoup, a polite harvest against its floor, memory."""
