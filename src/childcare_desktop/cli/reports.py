"""`childcare report child|roster|ledger|summary|department …`: the printed reports from a
script."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ..core.domain.categories import CATEGORY_CODES
from ..core.reports.summary import document
from ..core.services.reports import STATUSES, Printed, Reports
from ..core.storage.store import Store
from . import dashboard, outgoing
from .common import add_db, add_json, emit, open_store


def register(sub: argparse._SubParsersAction) -> None:
    report = sub.add_parser("report", help="打印报表 printed reports (PDF, Excel)")
    kinds = report.add_subparsers(dest="kind", required=True, metavar="REPORT")

    child = kinds.add_parser("child", help="一人一档 the child's file (PDF)")
    _common(child)
    child.add_argument("--child", required=True, help="儿童 UUID")
    child.set_defaults(handler=cmd_child)

    roster = kinds.add_parser("roster", help="花名册 the roster (PDF or .xlsx)")
    _common(roster)
    roster.add_argument("--category", default="", choices=CATEGORY_CODES, metavar="CODE")
    roster.add_argument("--status", default="active", choices=STATUSES)
    roster.add_argument(
        "--full-ids", action="store_true", help="显示完整身份证号和电话 full ID numbers and phones"
    )
    roster.set_defaults(handler=cmd_roster)

    ledger = kinds.add_parser("ledger", help="走访台账 the month's visit ledger (PDF)")
    _common(ledger)
    ledger.add_argument("--month", required=True, help="YYYY-MM")
    ledger.set_defaults(handler=cmd_ledger)

    summary = kinds.add_parser("summary", help="汇总表 the summary (PDF, JSON)")
    add_db(summary)
    summary.add_argument("--out", type=Path, help="输出文件 output file (PDF)")
    summary.add_argument(
        "--as-of",
        type=date.fromisoformat,
        help="截止日期 cut-off date, YYYY-MM-DD (default: today)",
    )
    add_json(summary)
    summary.set_defaults(handler=cmd_summary)

    dashboard.register_reports(kinds)
    outgoing.register_reports(kinds)


def _common(parser: argparse.ArgumentParser) -> None:
    add_db(parser)
    parser.add_argument("--out", required=True, type=Path, help="输出文件 output file")


def _with_reports(args: argparse.Namespace, make) -> object:
    store: Store = open_store(args)
    try:
        return make(Reports(store))
    finally:
        store.close()


def _said(printed: Printed) -> str:
    pages = "" if printed.pages is None else f"，{printed.pages} 页 pages"
    return f"已生成 written: {printed.path}（{printed.rows} 行 rows{pages}）"


def cmd_child(args: argparse.Namespace) -> int:
    printed = _with_reports(args, lambda r: r.child_file(args.child, args.out))
    emit(args, None, _said(printed))
    return 0


def cmd_roster(args: argparse.Namespace) -> int:
    printed = _with_reports(
        args, lambda r: r.roster(args.out, args.category, args.status, args.full_ids)
    )
    emit(args, None, _said(printed))
    return 0


def cmd_ledger(args: argparse.Namespace) -> int:
    printed = _with_reports(args, lambda r: r.ledger(args.month, args.out))
    emit(args, None, _said(printed))
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    """The figures as of the cut-off date, checked; printed to --out, and to stdout as JSON
    keyed by stable codes with --json (one of the two is needed)."""
    if args.out is None and not args.json:
        print("需要 --out 或 --json (give --out, --json or both)", file=sys.stderr)
        return 2
    printed, figures = _with_reports(args, lambda r: r.summary(args.out, args.as_of))
    said = _said(printed) if printed else ""
    if args.json:
        emit(args, document(figures), "")
        if said:
            print(said, file=sys.stderr)  # stdout holds the one JSON document
    else:
        emit(args, None, said)
    return 0
