"""`childcare concerns add|report|close|list|to-confirm|dismiss`: concerns and mandatory reports
from a script."""

from __future__ import annotations

import argparse
from datetime import date

from ..core.domain.care import CONCERN_KINDS, REPORT_TARGETS
from ..core.services.concerns import Concerns
from ..words import label_both
from .common import emit, open_store, store_command


def register(sub: argparse._SubParsersAction) -> None:
    concerns = sub.add_parser("concerns", help="关注与强制报告 concerns and mandatory reports")
    verbs = concerns.add_subparsers(dest="verb", required=True, metavar="VERB")

    add = store_command(verbs, "add", "记录关注 record a concern", cmd_add)
    add.add_argument("--child", required=True, help="儿童 UUID")
    add.add_argument("--type", required=True, choices=CONCERN_KINDS)
    add.add_argument("--noticed", required=True, type=date.fromisoformat, help="YYYY-MM-DD")
    add.add_argument("--notes", default="", help="情况 what was noticed")

    report = store_command(verbs, "report", "记录报告 record a report", cmd_report)
    report.add_argument("--concern", required=True, help="关注记录 ID")
    report.add_argument("--to", required=True, choices=REPORT_TARGETS)
    report.add_argument("--date", required=True, type=date.fromisoformat, help="YYYY-MM-DD")
    report.add_argument("--receipt", default="", help="回执号 receipt number")

    close = store_command(verbs, "close", "结案 close a concern", cmd_close)
    close.add_argument("--concern", required=True, help="关注记录 ID")
    close.add_argument("--follow-up", required=True, help="跟进情况 what was done (required)")

    store_command(verbs, "list", "未结关注 open concerns", cmd_list)

    store_command(
        verbs, "to-confirm", "档案显示须确认的情形 situations the files show", cmd_to_confirm
    )
    dismiss = store_command(
        verbs, "dismiss", "核实后不需报告 not a situation to report", cmd_dismiss
    )
    dismiss.add_argument("--child", required=True, help="儿童 UUID")
    dismiss.add_argument("--type", required=True, choices=CONCERN_KINDS)
    dismiss.add_argument("--reason", required=True, help="核实情况 why it is not one (required)")


def cmd_add(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        service = Concerns(store)
        concern = service.add(args.child, args.type, args.noticed, args.notes)
        contacts = service.contacts()
    finally:
        store.close()
    prompt = "\n".join(f"  {c.name}  {c.number}" for c in contacts)
    emit(
        args,
        {**_concern(concern), "report_to": contacts},
        f"已记录 recorded: {concern.uuid}\n请立即报告 report now:\n{prompt}",
    )
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        concern = Concerns(store).report(args.concern, args.to, args.date, args.receipt)
    finally:
        store.close()
    emit(args, _concern(concern), f"已记录报告 report recorded: {concern.uuid}")
    return 0


def cmd_close(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        concern = Concerns(store).close(args.concern, args.follow_up)
    finally:
        store.close()
    emit(args, _concern(concern), f"已结案 closed: {concern.uuid}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        rows = Concerns(store).open_concerns()
    finally:
        store.close()
    document = [{**_concern(r.concern), "child_name": r.child_name} for r in rows]
    text = "\n".join(
        f"{r.concern.noticed_on}  {r.child_name}  {r.concern.kind}  {r.concern.uuid}" for r in rows
    )
    emit(args, document, text or "（无 none）")
    return 0


def cmd_to_confirm(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        found = Concerns(store).to_confirm()
    finally:
        store.close()
    document = [
        {
            "child": x.child_uuid,
            "child_name": x.child_name,
            "birth_date": x.birth_date,
            "type": x.found.kind,
            "reason": x.found.reason,
        }
        for x in found
    ]
    text = "\n".join(
        f"{x.child_name}  {x.birth_date}  {label_both('concern_kind', x.found.kind)}\n"
        f"    {label_both('reportable_reason', x.found.reason)}  {x.child_uuid}"
        for x in found
    )
    emit(args, document, text or "（无 none）")
    return 0


def cmd_dismiss(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        Concerns(store).dismiss(args.child, args.type, args.reason)
    finally:
        store.close()
    emit(args, {"child": args.child, "type": args.type, "reason": args.reason.strip()},
         "已记录核实情况 recorded")  # fmt: skip
    return 0


def _concern(concern) -> dict:
    return {
        "uuid": concern.uuid,
        "child": concern.child_uuid,
        "type": concern.kind,
        "noticed": concern.noticed_on,
        "notes": concern.description,
        "status": "open" if concern.is_open else "closed",
        "closed_on": concern.closed_on,
        "follow_up": concern.follow_up,
        "reports": [
            {"to": r.target, "date": r.reported_on, "receipt": r.receipt} for r in concern.reports
        ],
    }
