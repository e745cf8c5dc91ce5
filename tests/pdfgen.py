"""Small, real PDFs written by hand (one page of Helvetica text): the stand-ins for the archive's original scans.

`python -m tests.pdfgen` writes one for each saved document page that links a PDF, under fixtures/wilson/documents/ at
the PDF's path on the site (as a static server serves it): fixtures/wilson/documents/sites/default/files/documents/
120194.pdf is https://digitalarchive.wilsoncenter.org/sites/default/files/documents/120194.pdf. The archive's own
scans are not copied: each stand-in says which document it stands for.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

DOCUMENTS = Path(__file__).resolve().parent.parent / "fixtures" / "wilson" / "documents"


def pdf_bytes(lines: list[str], padding: int = 0) -> bytes:
    """A one-page PDF showing `lines` (ASCII; others are folded to it), with its cross-reference table; `padding`
    bytes of comment make it larger (for size caps)."""
    shown = " ".join(f"({_escaped(line)}) '" for line in lines)
    stream = f"BT /F1 11 Tf 14 TL 60 780 Td {shown} ET" + (f"\n%{'x' * padding}" if padding else "")
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
    ]
    body, offsets = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", []
    for number, text in enumerate(objects, 1):
        offsets.append(len(body))
        body += f"{number} 0 obj\n{text}\nendobj\n".encode("ascii")
    table = "".join(f"{offset:010d} 00000 n \n" for offset in offsets)
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{len(body)}\n%%EOF\n"
    return body + f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n{table}{trailer}".encode("ascii")


def _escaped(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return ascii_text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def stand_in(expected: dict) -> bytes:
    """The stand-in scan of a saved document page, from its expected file."""
    raw = expected["raw"]
    return pdf_bytes([raw["title"], raw["date"], f"Record ID {expected['details']['record_id'] or '-'}", "",
                      "A stand-in for the archive's original scan, made for harvester's fixtures.",
                      f"The scan itself is at {raw['pdf_url']}"])


def fixture_pdfs() -> dict[Path, bytes]:
    """Each stand-in scan and where it goes."""
    found = {}
    for path in sorted(DOCUMENTS.glob("*.expected.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        url = expected.get("raw", {}).get("pdf_url") if expected["kind"] == "document" else ""
        if url:
            found[DOCUMENTS / urlsplit(url).path.lstrip("/")] = stand_in(expected)
    return found


if __name__ == "__main__":
    for target, content in fixture_pdfs().items():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        print(f"wrote {target.relative_to(DOCUMENTS.parent.parent.parent)} ({len(content):,} bytes)")
