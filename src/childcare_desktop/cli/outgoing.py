"""`childcare report department`: a list going out to another department (Excel or PDF), or how
many children it holds and which columns leave with it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core.domain.outgoing import LIST_CODES
from ..core.services.outgoing import Outgoing
from ..words import label, label_both
from .common import add_db, add_json, emit, open_store


def register_reports(kinds: argparse._SubParsersAction) -> None:
    """`report department`, under `childcare report`."""
    department = kinds.add_parser(
        "department",
        help="部门名单 a list for another department (.xlsx or PDF): "
        + ", ".join(f"{c} {label('outgoing_list', c)}" for c in LIST_CODES),
    )
    add_db(department)
    department.add_argument("--to", required=True, choices=LIST_CODES, help="哪份名单 which list")
    department.add_argument("--out", type=Path, help="输出文件 output file (.xlsx or .pdf)")
    add_json(department)
    department.set_defaults(handler=cmd_department)


def cmd_department(args: argparse.Namespace) -> int:
    """Without --out, the count and the columns alone (with --json): what would leave."""
    if args.out is None and not args.json:
        print("需要 --out 或 --json (give --out, --json or both)", file=sys.stderr)
        return 2
    store = open_store(args)
    try:
        outgoing = Outgoing(store)
        preview = outgoing.preview(args.to)
        printed = outgoing.export(args.to, args.out) if args.out else None
    finally:
        store.close()
    count = printed.rows if printed else preview.count
    document = {
        "list": args.to,
        "department": preview.department,
        "columns": list(preview.columns),
        "count": count,
        "path": str(printed.path) if printed else None,
        "pages": printed.pages if printed else None,
    }
    said = (
        f"{label_both('outgoing_list', args.to)} → {label_both('department', preview.department)}"
        f"：{count} 人 children"
    )
    if printed:
        said += f"，已生成 written: {printed.path}"
    emit(args, document, said)
    return 0
