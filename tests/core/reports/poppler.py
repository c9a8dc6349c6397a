"""Reading PDFs back with poppler's tools, the way a printer or a reader sees them."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


@dataclass(frozen=True)
class Word:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: list[Word]


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=120).stdout


def text(pdf: Path) -> str:
    return _run("pdftotext", "-layout", str(pdf), "-")


def flat_text(pdf: Path) -> str:
    """The text in drawing order without white space: a name wrapped over two lines of its
    cell reads back whole (the layout mode would interleave it with the next cell)."""
    return re.sub(r"\s+", "", _run("pdftotext", "-raw", str(pdf), "-"))


def fonts(pdf: Path) -> list[dict[str, str]]:
    """pdffonts' table: name, type and the embedded flag of every font."""
    lines = _run("pdffonts", str(pdf)).splitlines()[2:]
    # The last five columns are emb, sub, uni, object number and generation.
    return [{"name": ln.split()[0], "emb": ln.split()[-5]} for ln in lines if ln.strip()]


def pages(pdf: Path) -> list[Page]:
    html = _run("pdftotext", "-bbox", str(pdf), "-")
    found: list[Page] = []
    for number, chunk in enumerate(html.split("<page ")[1:], 1):
        width, height = map(float, _PAGE.match("<page " + chunk).groups())
        words = [
            Word(number, float(a), float(b), float(c), float(d), w)
            for a, b, c, d, w in _WORD.findall(chunk)
        ]
        found.append(Page(width, height, words))
    return found


def render(pdf: Path, folder: Path, dpi: int = 60) -> list[Image.Image]:
    """Page images as pdftoppm draws them, in page order."""
    folder.mkdir(parents=True, exist_ok=True)
    _run("pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(folder / "page"))
    return [Image.open(p) for p in sorted(folder.glob("page-*.png"))]


def ink_outside(image: Image.Image, border_px: int) -> int:
    """How many dark pixels lie in the blank border of a page image."""
    image = image.convert("L")
    width, height = image.size
    dark = 0
    for x0, y0, x1, y1 in (
        (0, 0, width, border_px),
        (0, height - border_px, width, height),
        (0, 0, border_px, height),
        (width - border_px, 0, width, height),
    ):
        dark += sum(image.crop((x0, y0, x1, y1)).histogram()[:200])
    return dark
