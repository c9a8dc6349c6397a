"""`childcare review list|returned|approve|return|reserve`: 审核 from a script."""

from __future__ import annotations

import argparse

from ..core.services.approval import Approval, ReviewItem
from ..words import label_both
from .common import emit, open_store, store_command


def register(sub: argparse._SubParsersAction) -> None:
    review = sub.add_parser("review", help="审核 review of what villages submit")
    verbs = review.add_subparsers(dest="verb", required=True, metavar="VERB")

    store_command(verbs, "list", "待本级审核 waiting for this station's review", cmd_list)
    store_command(verbs, "returned", "被退回 returned to this village", cmd_returned)

    approve = store_command(verbs, "approve", "通过（县级：确认） approve (county: confirm)",
                            cmd_approve)  # fmt: skip
    approve.add_argument("id", help="报审 ID")
    approve.add_argument("--by", default="", help="审核人 reviewer (default: this station's)")

    back = store_command(verbs, "return", "退回 return with a reason", cmd_return)
    back.add_argument("id", help="报审 ID")
    back.add_argument("--reason", default="", help="退回理由 why (required)")
    back.add_argument("--by", default="", help="审核人 reviewer (default: this station's)")

    reserve = store_command(
        verbs, "reserve", "须县级确认的事项 what the county confirms (county only)", cmd_reserve
    )
    reserve.add_argument(
        "rules",
        nargs="*",
        metavar="KIND[:SUBJECT]",
        help="e.g. category_added:de_facto_unsupported (none given: the rules are shown)",
    )
    reserve.add_argument("--clear", action="store_true", help="全部由镇级审核 the town decides all")


def cmd_list(args: argparse.Namespace) -> int:
    return _listed(args, lambda review: review.waiting())


def cmd_returned(args: argparse.Namespace) -> int:
    return _listed(args, lambda review: review.returned())


def cmd_approve(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        decided = Approval(store).approve(args.id, args.by)
    finally:
        store.close()
    emit(args, decided, f"{label_both('review_state', decided.verdict)}: {args.id}")
    return 0


def cmd_return(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        decided = Approval(store).return_(args.id, args.reason, args.by)
    finally:
        store.close()
    emit(args, decided, f"{label_both('review_state', 'returned')}: {args.id}")
    return 0


def cmd_reserve(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        review = Approval(store)
        if args.rules or args.clear:
            rules = review.reserve([] if args.clear else args.rules)
        else:
            rules = review.rules()
    finally:
        store.close()
    emit(args, {"county_confirms": list(rules)}, "\n".join(rules) or "（无 none）")
    return 0


def _listed(args: argparse.Namespace, read) -> int:
    store = open_store(args)
    try:
        items = read(Approval(store))
    finally:
        store.close()
    document = {"items": [_item(i) for i in items]}
    text = "\n".join(
        f"{i.id}  {i.submitted_on}  {i.village}  {i.child_name}  "
        f"{label_both('review_kind', i.kind)}{'  ' + i.subject if i.subject else ''}  "
        f"{label_both('review_state', i.state)}{'  ' + i.reason if i.reason else ''}"
        for i in items
    )
    emit(args, document, text or "（无 none）")
    return 0


def _item(i: ReviewItem) -> dict:
    return {
        "id": i.id,
        "child": i.child,
        "child_name": i.child_name,
        "village": i.village,
        "kind": i.kind,
        "subject": i.subject,
        "submitted_by": i.submitted_by,
        "submitted_on": i.submitted_on,
        "state": i.state,
        "reason": i.reason,
        "changes": i.changes,
    }
