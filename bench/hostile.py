"""`python -m bench.hostile`: pages made to be slow to parse, against the check that refuses pages before parsing.

For each crafted page: its size, whether `check_bounds` refuses it, and how long the Lexbor tree-build takes it
(in a process of its own, given up after `--limit` seconds). A page the check lets through and Lexbor takes seconds
over is one a harvest or a re-parse would stall on. The first row is the plain deep page the check is for.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

SHAPES: dict[str, tuple[str, str, str, int]] = {   # what it is: (the part repeated, once before it, once after, repeats)
    "`<div>`: plain nesting": ("<div>", "", "", 20_000),
    "`<span></div>`: an end that closes nothing": ("<span></div>", "", "", 20_000),
    "`<div/>`: a div, in HTML, whatever its slash": ("<div/>", "", "", 20_000),
    "`<div><!</div>`: an end in a bogus comment": ("<div><!</div>", "", "", 20_000),
    "`<div><!--</div>-->`: an end in a comment": ("<div><!--</div>-->", "", "", 20_000),
    "`<div><script></div></script>`: an end in a script": ("<div><script></div></script>", "", "", 20_000),
    '`<div><img alt="</div>">`: an end in an attribute': ('<div><img alt="</div>">', "", "", 20_000),
    "`<b id=N></div>` then `</b>x`: the adoption agency": ("<b id=#></div>", "", "<div>" * 300 + "</b>x" * 4_000, 4_000),
    "`<div a1 a2 ...>`: one tag of 32,000 attributes": (" a#", "<div", ">", 32_000),
    "`<b a1 ... a200></div>`: formatting elements of many attributes": (
        "<b " + " ".join(f"a{i}" for i in range(200)) + " z#></div>", "", "", 250),
    "`<td>` nested in SVG, then `</thead>`": ("<td>", "<table><td><svg>", "<foreignObject>" + "</thead>" * 16_000, 16_000),
}

_PROBE = """
import sys, time
from selectolax.lexbor import LexborHTMLParser
from harvester.errors import LayoutError
from harvester.parse.text import check_bounds
part, before, after, repeats = sys.argv[1:5]
html = "<html><body>" + before + "".join(part.replace("#", str(n)) for n in range(int(repeats))) + after + "</body></html>"
try:
    check_bounds(html, "page")
    verdict = "passes"
except LayoutError:
    verdict = "refuses"
print(len(html), verdict, flush=True)
start = time.perf_counter()
LexborHTMLParser(html)
print(f"{time.perf_counter() - start:.2f}", flush=True)
"""


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.hostile", description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=float, default=60.0, help="seconds to give each page, check and tree-build (default: 60)")
    limit = parser.parse_args().limit
    print("| crafted page (repeated) | size | check_bounds | Lexbor tree-build |\n|---|---:|---|---:|")
    for label, (part, before, after, repeats) in SHAPES.items():
        command = [sys.executable, "-c", _PROBE, part, before, after, str(repeats)]
        try:
            said = subprocess.run(command, capture_output=True, text=True, timeout=limit).stdout.split()
        except subprocess.TimeoutExpired as stopped:   # what it printed before it was stopped
            said = stopped.stdout.decode().split() if isinstance(stopped.stdout, bytes) else (stopped.stdout or "").split()
        size, verdict = (f"{int(said[0]) / 1000:,.0f} KB", said[1]) if len(said) >= 2 else ("?", "?")
        took = f"{float(said[2]):.2f} s" if len(said) >= 3 else f"over {limit:g} s"
        print(f"| {label} | {size} | {verdict} | {took} |", flush=True)


if __name__ == "__main__":
    main()
