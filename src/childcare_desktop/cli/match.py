"""`childcare match LIST [--source S]`: a department's list checked against the registry, its
worklist printed; `childcare match accept|dismiss ITEM…`: a person's decision on items of it;
`childcare match show LIST_UUID`: a worklist kept earlier."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.lists.worklist import value_words
from ..core.services.crosscheck import SOURCES, Crosscheck, Worklist
from ..words import EN, ZH, label_both
from .common import Refused, add_db, add_json, emit, open_store

VERBS = ("accept", "dismiss", "show")


def register(sub: argparse._SubParsersAction) -> None:
    match = sub.add_parser(
        "match",
        help="核对部门名单 check a department's list against the registry",
        description="childcare match LIST.xlsx [--source S] | accept ITEM… [--round R "
        "[--village CODE]] | dismiss ITEM… --reason TEXT | show LIST_UUID",
    )
    add_db(match)
    add_json(match)
    match.add_argument("what", metavar="LIST|accept|dismiss|show")
    match.add_argument("items", nargs="*", metavar="ITEM")
    match.add_argument("--source", choices=SOURCES, default="other", help="名单来源 the department")
    match.add_argument("--reason", default="", help="忽略的理由 why the items are dismissed")
    match.add_argument("--round", default="", help="排查轮次 the screening round (accept)")
    match.add_argument(
        "--village",
        default="",
        help="村（居）代码 the village of rows the list and the address place nowhere (accept)",
    )
    match.set_defaults(handler=cmd_match)


def cmd_match(args: argparse.Namespace) -> int:
    if args.what not in VERBS and args.items:
        raise Refused(f"多余的参数 unexpected arguments: {' '.join(args.items)}")
    if args.what in VERBS and not args.items:
        raise Refused(f"请给出要处理的项 name the items: childcare match {args.what} ITEM…")
    store = open_store(args)
    try:
        check = Crosscheck(store)
        placed = {}
        if args.what == "accept":
            accepted = check.accept_many(args.items, args.round, args.village)
            decided = list(accepted.items)
            placed = {i.uuid: p for i, p in accepted.placed}
        elif args.what == "dismiss":
            decided = [check.dismiss(item, args.reason) for item in args.items]
        else:
            work = (
                check.worklist(args.items[0])
                if args.what == "show"
                else check.check_file(Path(args.what), args.source)
            )
            emit(args, work.as_json(), _said(work))
            return 0
    finally:
        store.close()
    where = {u: {"village_code": p.village_code, "village_how": p.how} for u, p in placed.items()}
    emit(
        args,
        [i.as_json() | where.get(i.uuid, {}) for i in decided],
        "\n".join(
            f"{i.uuid} {label_both('list_item_state', i.state)}"
            + (
                " → {village_code} ({village_how})".format(**where[i.uuid])
                if i.uuid in where
                else ""
            )
            for i in decided
        ),
    )
    return 0


def _said(work: Worklist) -> str:
    kept = work.list
    lines = [
        f"{label_both('list_source', kept.source)} {kept.file_name}: {kept.row_count} 行 rows, "
        f"名单 list {kept.uuid}"
    ]
    for item in work.items:
        if item.kind == "matched":
            how = label_both("list_how", item.how)
            lines.append(
                f"第{item.line}行 {item.person.name} → {item.child_name} ({how} {item.score})"
            )
        elif item.kind == "unregistered":
            kind = label_both("list_item_kind", item.kind)
            lines.append(f"第{item.line}行 {item.person.name}: {kind} [{item.uuid}]")
        else:
            field = label_both("list_field", item.field)
            lines.append(
                f"第{item.line}行 {item.child_name} {label_both('list_item_kind', item.kind)} "
                f"{field}: {_value(item.field, item.file_value)} → "
                f"{_value(item.field, item.list_value)} [{item.uuid}]"
            )
    return "\n".join(lines)


def _value(field: str, value: str) -> str:
    """A finding's value in Chinese and English, or - where there is none."""
    if not value:
        return "-"
    chinese, english = value_words(field, value, ZH), value_words(field, value, EN)
    return chinese if chinese == english else f"{chinese} ({english})"
