"""`childcare children list|update`: the registry from a script."""

from __future__ import annotations

import argparse

from ..core.services.children import Children
from .common import Refused, add_db, add_json, emit, open_store


def register(sub: argparse._SubParsersAction) -> None:
    children = sub.add_parser("children", help="儿童档案 children's files")
    verbs = children.add_subparsers(dest="verb", required=True, metavar="VERB")

    listing = verbs.add_parser("list", help="在册儿童 active children")
    add_db(listing)
    add_json(listing)
    listing.add_argument("--all", action="store_true", help="包括已销档 include closed files")
    listing.set_defaults(handler=cmd_list)

    update = verbs.add_parser("update", help="修改字段 set fields")
    add_db(update)
    add_json(update)
    update.add_argument("--child", required=True, help="儿童 UUID")
    update.add_argument("--set", action="append", required=True, metavar="FIELD=VALUE")
    update.set_defaults(handler=cmd_update)


def cmd_list(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        rows = Children(store).summaries(include_closed=args.all)
    finally:
        store.close()
    text = "\n".join(
        f"{r.uuid}  {r.name}  {r.birth_date or ''}  {','.join(r.categories)}  {r.risk}"
        for r in rows
    )
    emit(args, rows, text or "（无 none）")
    return 0


def cmd_update(args: argparse.Namespace) -> int:
    values = {}
    for item in args.set:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise Refused(f"--set 需要 FIELD=VALUE 的形式 (expected FIELD=VALUE): {item}")
        values[key.strip()] = value
    store = open_store(args)
    try:
        service = Children(store)
        service.update_fields(args.child, values)
        summary = next(s for s in service.summaries(True) if s.uuid == args.child)
    finally:
        store.close()
    emit(args, summary, f"已保存 saved: {summary.name}")
    return 0
