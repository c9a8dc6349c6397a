"""`childcare store move`: a station's store moved up from its file to a PostgreSQL server."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.services.move import move_store
from .common import add_json, emit, passphrase


def register(sub: argparse._SubParsersAction) -> None:
    store = sub.add_parser("store", help="数据存放 where the store lives")
    verbs = store.add_subparsers(dest="store_command", required=True, metavar="VERB")
    move = verbs.add_parser(
        "move", help="把数据文件搬到服务器上 move a store file up to a PostgreSQL server"
    )
    move.add_argument("--from", dest="source", type=Path, required=True, help="数据文件 store file")
    move.add_argument("--to", dest="target", required=True, help="postgresql://ROLE@HOST/DB")
    add_json(move)
    move.set_defaults(handler=cmd_move)


def cmd_move(args: argparse.Namespace) -> int:
    result = move_store(args.source, args.target, passphrase())
    rows = sum(result.tables.values())
    document = {
        "tables": result.tables,
        "digest_ok": True,
        "recovery_code": result.recovery_code,
        "seconds": round(result.seconds, 2),
    }
    text = (
        f"已搬到 {args.target}：{len(result.tables)} 张表共 {rows} 行，行数和摘要都一致 "
        f"moved: {rows} rows in {len(result.tables)} tables, counts and digests equal "
        f"({result.seconds:.1f} s)\n"
        f"服务器上的数据有新的恢复码（请打印并锁入保险柜，只显示这一次） "
        f"the server's store has a new recovery code, shown once:\n"
        f"{result.recovery_code}"
    )
    emit(args, document, text)
    return 0
