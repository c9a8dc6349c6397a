"""The month's 通报 from the dashboard's figures: printed to a PDF, and the print audited."""

from __future__ import annotations

from datetime import date

from ..reports.bulletin import render_bulletin, title
from ..reports.layout import PdfTarget, ReportMeta
from ..storage import audit
from ..storage.store import Store
from .dashboard import dashboard
from .reports import Printed
from .station import station_info


def print_bulletin(
    store: Store, month: date, out: PdfTarget, today: date | None = None, town: str = ""
) -> Printed:
    """The bulletin of `month`: its table per village (or town), the bars, the trend and who
    reported late, as the dashboard shows them."""
    today = today or date.today()
    shown = dashboard(store, month, today, town)
    meta = ReportMeta(station_info(store).name, today, title(shown))
    pages = render_bulletin(shown, meta, out)
    with store.write() as conn:
        audit.record(conn, "print", "bulletin", "", detail=f"bulletin {shown.month}")
    return Printed(out, pages, len(shown.rows))
