"""`childcare init` and `childcare demo`: set up a station; fill a store with demo children."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core.services.demo import fill_demo
from ..core.services.station import SetupResult, init_station, print_recovery_code
from ..core.services.team import ensure_station_officer
from .common import add_db, add_json, db_path, emit, open_store, passphrase


def register(sub: argparse._SubParsersAction) -> None:
    init = sub.add_parser("init", help="设置本站 set up this station")
    add_db(init)
    add_json(init)
    init.add_argument("--role", required=True, choices=("village", "town", "county"))
    init.add_argument("--division", required=True, help="统计用区划代码 division code")
    init.add_argument("--name", required=True, help="站点名称 station name")
    init.add_argument("--officer", required=True, help="经办人 officer name")
    init.add_argument(
        "--recovery-pdf",
        type=Path,
        metavar="PDF",
        help="把恢复码写成一页 PDF 以便打印 also write the recovery code on a one-page PDF",
    )
    init.set_defaults(handler=cmd_init)

    demo = sub.add_parser("demo", help="生成演示数据 fill with demo children")
    add_db(demo)
    add_json(demo)
    demo.add_argument("--children", type=int, required=True)
    demo.add_argument("--seed", type=int, default=1)
    demo.set_defaults(handler=cmd_demo)


def cmd_init(args: argparse.Namespace) -> int:
    store, result = init_station(
        db_path(args), passphrase(confirm=True), args.role, args.division, args.name, args.officer
    )
    try:
        ensure_station_officer(store)
    finally:
        store.close()
    s = result.station
    document = {
        "station": s.code,
        "role": s.role,
        "name": s.name,
        "officer": s.officer,
        "recovery_code": result.recovery_code,
    }
    text = (
        f"已设置 {s.name}（{s.code}）set up.\n"
        f"恢复码（请打印并锁入保险柜，只显示这一次） recovery code, shown once:\n"
        f"{result.recovery_code}"
    )
    unwritten = _write_recovery_pdf(result, args.recovery_pdf) if args.recovery_pdf else None
    if args.recovery_pdf and unwritten is None:
        document["recovery_pdf"] = str(args.recovery_pdf)
        text += (
            f"\n恢复码已写到 {args.recovery_pdf}，打印后请删除 "
            "written there: delete it once printed"
        )
    emit(args, document, text)
    if unwritten is not None:
        # The store exists and the code was printed above: only the page is missing.
        print(f"恢复码没有写成 PDF could not write the PDF: {unwritten}", file=sys.stderr)
        return 1
    return 0


def _write_recovery_pdf(result: SetupResult, out: Path) -> str | None:
    """The system's reason when the page could not be written, else None."""
    try:
        print_recovery_code(result, out)
    except OSError as error:
        return error.strerror or type(error).__name__
    return None


def cmd_demo(args: argparse.Namespace) -> int:
    if args.children < 0:
        raise SystemExit(2)
    store = open_store(args)
    try:
        made = fill_demo(store, args.children, args.seed)
    finally:
        store.close()
    emit(args, {"children": made}, f"已生成 {made} 名演示儿童 ({made} demo children)")
    return 0
