"""Page layout shared by every report: A4, the running header and footer, text styles, grids.

Every page carries the station, the date printed, 第 x 页 共 y 页 and 内部资料 注意保密. The total
page count is known only at the end, so pages are kept and their frames drawn on save.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache, partial
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, LongTable, Paragraph, SimpleDocTemplate, Table, TableStyle

from ..files import written_whole
from .fonts import report_font

MARGIN = 15 * mm
HEADER_GAP = 8 * mm  # room above and below the frame for the running header and footer
CONFIDENTIAL = "内部资料 注意保密"
GRID_COLOR = colors.black
LABEL_FILL = colors.Color(0.93, 0.93, 0.93)
# Where a PDF is written: a file, or memory for a preview, which puts nothing of a child on disk.
PdfTarget = Path | BinaryIO


@dataclass(frozen=True)
class ReportMeta:
    """What every page says about the report: who printed it, when, and what it is."""

    station: str
    printed_on: date
    title: str


@cache
def styles() -> dict[str, ParagraphStyle]:
    font = report_font()
    # wordWrap="CJK" breaks lines between any two characters: Chinese has no spaces, and a long
    # ID number or address must wrap inside its cell rather than run over the grid.
    cell = ParagraphStyle("cell", fontName=font, fontSize=9, leading=11.5, wordWrap="CJK")
    return {
        "cell": cell,
        "small": ParagraphStyle("small", parent=cell, fontSize=7.5, leading=9.5),
        "alert": ParagraphStyle(
            "alert", parent=cell, fontSize=7.5, leading=9.5, textColor=colors.HexColor("#b00000")
        ),
        "label": ParagraphStyle("label", parent=cell, alignment=TA_CENTER),
        "head": ParagraphStyle("head", parent=cell, fontSize=8, leading=10, alignment=TA_CENTER),
        "title": ParagraphStyle(
            "title", parent=cell, fontSize=16, leading=22, alignment=TA_CENTER, spaceAfter=4
        ),
        "section": ParagraphStyle(
            "section", parent=cell, fontSize=11, leading=15, spaceBefore=8, spaceAfter=3
        ),
        "note": ParagraphStyle("note", parent=cell, fontSize=9, leading=13),
    }


def para(text: object, style: str = "cell") -> Paragraph:
    """User text as a Paragraph: escaped, because a name like `<b>` is a name, not markup."""
    return Paragraph(escape("" if text is None else str(text)), styles()[style])


def day(value: date | None) -> str:
    return value.isoformat() if value else ""


def grid_style(*extra: tuple) -> TableStyle:
    """A ruled grid like the paper forms: every cell boxed, tight padding. The font is set even
    for Paragraph cells: a table otherwise selects Helvetica, which is never embedded."""
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), report_font()),
            ("GRID", (0, 0), (-1, -1), 0.5, GRID_COLOR),
            ("BOX", (0, 0), (-1, -1), 1, GRID_COLOR),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            *extra,
        ]
    )


def header_row_style() -> tuple:
    return ("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL)


def frame_width(wide: bool) -> float:
    page_width = landscape(A4)[0] if wide else A4[0]
    return page_width - 2 * MARGIN


def build(out: PdfTarget, story: list[Flowable], meta: ReportMeta, wide: bool = False) -> int:
    """Write the PDF and return its number of pages; `wide` is landscape (rosters, ledgers)."""
    if isinstance(out, Path):
        with written_whole(out) as part:
            return _build(str(part), story, meta, wide)
    return _build(out, story, meta, wide)


def _build(out: str | BinaryIO, story: list[Flowable], meta: ReportMeta, wide: bool) -> int:
    pagesize = landscape(A4) if wide else A4
    doc = SimpleDocTemplate(
        out,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_GAP,
        bottomMargin=MARGIN + HEADER_GAP,
        title=meta.title,
        subject=meta.title,
        author=meta.station,
        creator="childcare-desktop",
        initialFontName=report_font(),
    )
    pages: list[int] = []
    doc.build(story, canvasmaker=partial(_FramedCanvas, meta=meta, pages=pages))
    return pages[0]


class _FramedCanvas(Canvas):
    """Holds each page until the last, then draws header and footer knowing the page total."""

    def __init__(self, *args, meta: ReportMeta, pages: list[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._meta = meta
        self._total_out = pages
        self._kept: list[dict] = []

    def showPage(self) -> None:
        self._kept.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._kept)
        for number, state in enumerate(self._kept, 1):
            self.__dict__.update(state)
            self._draw_frame(number, total)
            super().showPage()
        self._total_out.append(total)
        super().save()

    def _draw_frame(self, number: int, total: int) -> None:
        width, height = self._pagesize
        font = report_font()
        top = height - MARGIN - 3 * mm
        bottom = MARGIN
        self.saveState()
        self.setFont(font, 8.5)
        self.drawString(MARGIN, top, self._meta.station)
        self.drawCentredString(width / 2, top, self._meta.title)
        self.drawRightString(width - MARGIN, top, f"打印日期 {self._meta.printed_on.isoformat()}")
        self.setLineWidth(0.4)
        self.line(MARGIN, top - 2 * mm, width - MARGIN, top - 2 * mm)
        self.line(MARGIN, bottom + 4 * mm, width - MARGIN, bottom + 4 * mm)
        self.drawString(MARGIN, bottom, CONFIDENTIAL)
        self.drawCentredString(width / 2, bottom, f"第 {number} 页 共 {total} 页")
        self.drawRightString(width - MARGIN, bottom, CONFIDENTIAL)
        self.restoreState()


def lines_para(parts: list[str], style: str = "small") -> Paragraph:
    """Several values in one cell, one per line (e.g. two visits in a month)."""
    return Paragraph("<br/>".join(escape(p) for p in parts), styles()[style])


def long_table(rows: list[list], widths: list[float], style: TableStyle) -> LongTable:
    """A table over many pages with its header row on each. Row heights are measured once up
    front: a table splitting at each page otherwise measures all its remaining rows again,
    which makes a roster of ten thousand children quadratic."""
    probe = Table(rows, colWidths=widths, style=style)
    probe.wrap(sum(widths), 1 << 30)
    return LongTable(
        rows, colWidths=widths, rowHeights=probe._rowHeights, repeatRows=1, style=style
    )
