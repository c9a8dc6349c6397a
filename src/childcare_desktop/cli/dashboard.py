"""`childcare dashboard` (the figures per village or town, and the list behind one), and
`childcare report calendar|bulletin`: the reporting calendar and the month's 通报 (PDF)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from ..core.reports.dashboard_figures import FIGURES, Dashboard
from ..core.services import dashboard
from ..core.services.bulletin import print_bulletin
from ..words import label
from .common import add_db, add_json, emit, open_store, store_command


def register(sub: argparse._SubParsersAction) -> None:
    board = sub.add_parser("dashboard", help="督导看板 the month's figures per village or town")
    add_db(board)
    add_json(board)
    _month(board)
    board.add_argument("--town", default="", help="县级：只看该镇的各村 at a county, one town")
    board.add_argument(
        "--list",
        choices=dashboard.LISTED,
        metavar="FIGURE",
        help=f"列出该数字背后的名单 the list behind a figure: {', '.join(dashboard.LISTED)}",
    )
    board.add_argument("--division", default="", help="名单的村或镇 the list's village or town")
    board.set_defaults(handler=cmd_dashboard)


def register_reports(kinds: argparse._SubParsersAction) -> None:
    """`report calendar` and `report bulletin`, under `childcare report`."""
    calendar = store_command(
        kinds, "calendar", "定期报送 the day of the month a batch is due by", cmd_calendar
    )
    calendar.add_argument("--day", type=int, help="每月几日前 the day, 1-28 (county only)")
    bulletin = kinds.add_parser("bulletin", help="通报 the month's bulletin (PDF)")
    add_db(bulletin)
    _month(bulletin)
    bulletin.add_argument("--town", default="", help="县级：只看该镇 at a county, one town")
    bulletin.add_argument("--out", required=True, type=Path, help="输出文件 output file (PDF)")
    bulletin.set_defaults(handler=cmd_bulletin)


def _month(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--month", help="YYYY-MM (default: this month)")


def _month_of(args: argparse.Namespace) -> date:
    return dashboard.month_of(args.month) if args.month else date.today().replace(day=1)


def cmd_dashboard(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        month = _month_of(args)
        if args.list:
            which = dashboard.FigureList(args.list, args.division, f"{month:%Y-%m}", args.town)
            found = dashboard.listed(store, which)
            text = "\n".join(_listed_line(x) for x in found)
            emit(args, {"figure": args.list, "division": args.division or None, "items": found},
                 text or "（无 none）")  # fmt: skip
            return 0
        shown = dashboard.dashboard(store, month, town=args.town)
    finally:
        store.close()
    emit(args, _document(shown), _text(shown))
    return 0


def cmd_calendar(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        day = dashboard.set_report_day(store, args.day) if args.day is not None else None
        day = day or dashboard.report_day(store)
    finally:
        store.close()
    text = f"每月 {day} 日前报送 (a batch by day {day} of every month)" if day else (
        "未设定定期报送 (no reporting calendar)"
    )  # fmt: skip
    emit(args, {"report_day": day}, text)
    return 0


def cmd_bulletin(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        printed = print_bulletin(store, _month_of(args), args.out, town=args.town)
    finally:
        store.close()
    print(f"已生成 written: {printed.path}（{printed.rows} 行 rows，{printed.pages} 页 pages）")
    return 0


def _document(shown: Dashboard) -> dict:
    """The figures per station as scripts read them: codes for keys, dates as ISO text."""
    return {
        "month": shown.month,
        "as_of": shown.as_of,
        "scope": shown.scope,
        "level": shown.level,
        "report_day": shown.report_day,
        "late_days": shown.late_days,
        "stations": [_row(r) for r in shown.rows],
        "total": {f: shown.total.figure(f) for f in FIGURES},
        "trend": [{"month": p.month, "on_time": p.on_time} for p in shown.trend],
    }


def _row(row) -> dict:
    return {
        "code": row.code,
        "name": row.name,
        **{f: row.figure(f) for f in FIGURES},
        "last_batch": row.last_batch or None,
        "last_batch_on": row.last_batch_on,
        "station": row.station,
        "late": row.late_report,
    }


def _text(shown: Dashboard) -> str:
    heads = [label("dashboard_figure", f) for f in FIGURES]
    lines = [f"{shown.scope_name} {shown.month}（截至 as of {shown.as_of}）", "  ".join(heads)]
    for row in (*shown.rows, shown.total):
        figures = "  ".join(str(row.figure(f)) for f in FIGURES)
        late = "  迟报 late" if row.late_report else ""
        lines.append(f"{row.name}  {figures}{late}")
    trend = " ".join(f"{p.month[5:]}:{p.on_time}" for p in shown.trend)
    lines.append(f"按时走访 on time: {trend}")
    return "\n".join(lines)


def _listed_line(item: dashboard.Listed) -> str:
    dates = " ".join(str(d) for d in (item.owed_by, item.visited, item.noted_on) if d)
    return f"{item.child}  {item.name}  {item.village_name}  {item.kind}  {dates}"
