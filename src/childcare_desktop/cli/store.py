"""`childcare store move|grant`: a station's store moved up from its file to a PostgreSQL
server, and a colleague's database role given a key slot of its own there."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.errors import StoreError
from ..core.services.move import move_store
from ..core.storage.server import ServerStore
from .common import add_db, add_json, emit, new_passphrase, open_store, passphrase


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
    grant = verbs.add_parser(
        "grant",
        help="让同事用自己的数据库用户和密码打开服务器上的数据 give a colleague's database role "
        "a key slot (their passphrase from CHILDCARE_NEW_PASSPHRASE or typed)",
    )
    add_db(grant)
    grant.add_argument("--role", required=True, help="同事的数据库用户 the colleague's role")
    grant.set_defaults(handler=cmd_grant)


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


def cmd_grant(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        if not isinstance(store, ServerStore):
            raise StoreError("server_only")
        store.add_colleague(args.role, new_passphrase())
    finally:
        store.close()
    print(f"已为数据库用户 {args.role} 加上钥匙 key slot made for the role {args.role}")
    return 0
