"""`childcare team list|add|replace|train|stats`: the registry of 儿童主任 and 儿童督导员 from a
script."""

from __future__ import annotations

import argparse
from datetime import date

from ..core.domain.masking import mask_phone
from ..core.reports.ledger import month_bounds
from ..core.services.team import DirectorMonth, Officer, Team
from ..words import label_both
from .common import emit, open_store, store_command


def register(sub: argparse._SubParsersAction) -> None:
    team = sub.add_parser("team", help="团队 the officers of this station and those below")
    verbs = team.add_subparsers(dest="verb", required=True, metavar="VERB")

    store_command(verbs, "list", "工作人员名册 the registry", cmd_list)

    add = store_command(verbs, "add", "登记工作人员 register an officer", cmd_add)
    add.add_argument("--division", required=True, help="区划代码 division code")
    add.add_argument("--duty", required=True, choices=("director", "supervisor"))
    _person(add)

    replace = store_command(
        verbs, "replace", "更换儿童主任 a village's new director (the old one kept)", cmd_replace
    )
    replace.add_argument("--division", required=True, help="村（居）区划代码 village code")
    _person(replace)

    train = store_command(verbs, "train", "登记培训 record a training", cmd_train)
    train.add_argument("--officer", required=True, help="工作人员 ID officer id")
    train.add_argument("--title", required=True, help="培训名称 title")
    train.add_argument("--start", required=True, type=date.fromisoformat, help="YYYY-MM-DD")
    train.add_argument("--end", type=date.fromisoformat, help="YYYY-MM-DD")
    train.add_argument("--hours", required=True, type=float, help="学时 hours")

    stats = store_command(verbs, "stats", "各村儿童主任本月工作 a month per director", cmd_stats)
    stats.add_argument("--month", required=True, help="YYYY-MM")


def _person(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--name", required=True, help="姓名 name")
    parser.add_argument("--phone", default="", help="电话 phone")
    parser.add_argument(
        "--appointed", required=True, type=date.fromisoformat, help="任职日期 YYYY-MM-DD"
    )


def cmd_list(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        officers = Team(store).officers()
    finally:
        store.close()
    text = "\n".join(
        f"{o.uuid}  {o.division_name or o.division_code}  {label_both('duty', o.duty)}  {o.name}"
        f"  {mask_phone(o.phone)}  {o.appointed_on}–{o.left_on or ''}  {o.training_hours:g}h"
        for o in officers
    )
    emit(args, {"officers": [_officer(o) for o in officers]}, text or "（无 none）")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    return _written(
        args,
        lambda team: team.add(args.division, args.duty, args.name, args.appointed, args.phone),
    )


def cmd_replace(args: argparse.Namespace) -> int:
    return _written(
        args,
        lambda team: team.replace_director(args.division, args.name, args.appointed, args.phone),
    )


def cmd_train(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        training = Team(store).train(args.officer, args.title, args.start, args.end, args.hours)
    finally:
        store.close()
    emit(args, training, f"已登记培训 recorded: {training.uuid}")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    month_bounds(args.month)  # a month not written YYYY-MM is refused before the store opens
    store = open_store(args)
    try:
        rows = Team(store).month(args.month)
    finally:
        store.close()
    text = "\n".join(
        f"{r.division_name or r.division_code}  {r.officer_name or '（未登记 none registered）'}"
        f"  按时走访 on time {r.visited_on_time}/{r.children_due}"
        f"  报告 reported {r.concerns_reported}  退回 returned {r.items_returned}"
        for r in rows
    )
    emit(args, {"month": args.month, "officers": [_month(r) for r in rows]}, text or "（无 none）")
    return 0


def _written(args: argparse.Namespace, write) -> int:
    store = open_store(args)
    try:
        officer = write(Team(store))
    finally:
        store.close()
    emit(args, _officer(officer), f"已登记 registered: {officer.name} {officer.uuid}")
    return 0


def _officer(o: Officer) -> dict:
    return {
        "id": o.uuid,
        "division": o.division_code,
        "division_name": o.division_name,
        "duty": o.duty,
        "name": o.name,
        "phone": o.phone,
        "appointed_on": o.appointed_on,
        "left_on": o.left_on,
        "training_hours": o.training_hours,
    }


def _month(r: DirectorMonth) -> dict:
    return {
        "division": r.division_code,
        "division_name": r.division_name,
        "officer": r.officer_uuid,
        "officer_name": r.officer_name,
        "children_due": r.children_due,
        "visited_on_time": r.visited_on_time,
        "concerns_reported": r.concerns_reported,
        "items_returned": r.items_returned,
    }
