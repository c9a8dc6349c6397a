"""`childcare children list|show|update`: the registry and a child's file from a script."""

from __future__ import annotations

import argparse

from ..core.domain.child import CHILD_FIELDS
from ..core.domain.masking import mask_id_number, mask_phone
from ..core.services.approval import Approval, FileReview
from ..core.services.child_file import ChildFile, child_file
from ..core.services.children import Children
from ..words import label_both
from .common import Refused, add_db, add_json, emit, open_store, to_json


def register(sub: argparse._SubParsersAction) -> None:
    children = sub.add_parser("children", help="儿童档案 children's files")
    verbs = children.add_subparsers(dest="verb", required=True, metavar="VERB")

    listing = verbs.add_parser("list", help="在册儿童 active children")
    add_db(listing)
    add_json(listing)
    listing.add_argument("--all", action="store_true", help="包括已销档 include closed files")
    listing.add_argument(
        "--to-complete", action="store_true", help="只列待补充的档案 only files still to complete"
    )
    listing.set_defaults(handler=cmd_list)

    show = verbs.add_parser("show", help="一人一档 a child's whole file")
    add_db(show)
    add_json(show)
    show.add_argument("--child", required=True, help="儿童 UUID")
    show.set_defaults(handler=cmd_show)

    update = verbs.add_parser("update", help="修改字段 set fields")
    add_db(update)
    add_json(update)
    update.add_argument("--child", required=True, help="儿童 UUID")
    update.add_argument("--set", action="append", required=True, metavar="FIELD=VALUE")
    update.add_argument(
        "--reason",
        default="",
        help="类别与档案事实不符时的理由 why categories stand against the file's facts",
    )
    update.set_defaults(handler=cmd_update)


def cmd_list(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        rows = Children(store).summaries(include_closed=args.all, to_complete=args.to_complete)
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
        service.update_fields(args.child, values, args.reason)
        summary = service.summary(args.child)
    finally:
        store.close()
    emit(args, summary, f"已保存 saved: {summary.name}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        found = child_file(store, args.child)
        review = Approval(store).file_state(args.child)
    finally:
        store.close()
    document = {**_file_json(found), "review": {"state": review.state, "reason": review.reason}}
    emit(args, document, "\n".join([*_file_lines(found), _review_line(review)]))
    return 0


def _review_line(review: FileReview) -> str:
    """The file's review state (审核) and the reason of a return."""
    if review.state is None:
        return _line("review", "")
    said = label_both("review_state", review.state)
    return _line("review", f"{said}  {review.reason}" if review.reason else said)


def _file_json(found: ChildFile) -> dict:
    """The list's keys and codes first, then the rest of the file; phones and ID numbers in
    full (the words mask them)."""
    summary = to_json(found.summary)
    child = found.child
    return {
        **summary,
        **{k: getattr(child, k) for k in CHILD_FIELDS if k not in summary},
        # A multiple choice (家庭经济来源) as a list of codes, none as an empty list.
        "income_sources": [c for c in child.income_sources.split(",") if c],
        "members": child.members,
        "category_spans": child.categories,
        # An allowance is never 0 yuan a month: 0 is the amount not given.
        "assistance": [
            {**to_json(a), "amount_month": a.amount_month or None} for a in child.assistance
        ],
        "last_visits": found.last_visits,
    }


def _file_lines(found: ChildFile) -> list[str]:
    """The file in words, Chinese with English beside; ID numbers and phones masked as the
    lists mask them."""
    s, child = found.summary, found.child
    age = f"  {s.age} {label_both('file', 'years')}" if s.age is not None else ""
    identity = mask_id_number(s.id_number) if s.id_number else ""
    if not identity and s.no_id_reason:
        identity = label_both("no_id_reason", s.no_id_reason)
    health = " ".join(
        x
        for x in (label_both("health", s.health), child.disability_type, child.disability_grade)
        if x
    )
    return [
        f"{s.name}  {label_both('sex', s.sex)}{age}  {s.uuid}",
        _line("birth_date", s.birth_date),
        _line("id_number", identity),
        _line("ethnicity", s.ethnicity),
        _line("village", s.village),
        _line("current_address", s.current_address),
        _line("hukou_place", s.hukou_place),
        _line("hukou_type", child.hukou_type and label_both("hukou_type", child.hukou_type)),
        _line("income_sources", _choices("income_source", child.income_sources)),
        _line("health", health),
        _line("schooling", s.schooling and label_both("schooling", s.schooling)),
        _line("guardianship", label_both("guardianship", s.guardianship)),
        _line("risk", label_both("risk", s.risk)),
        _line("status", label_both("status", s.status)),
        _line("registered_on", s.registered_on),
        _line("next_due", s.next_due),
        *_section(
            "categories",
            [
                f"  {label_both('category', c.code)}  {c.start} ~ "
                + (str(c.end) if c.end else label_both("file", "until_now"))
                + (f"  {label_both('file', 'category_reason')}：{c.reason}" if c.reason else "")
                for c in child.categories
            ],
        ),
        *_section(
            "members",
            [
                f"  {label_both('relation', m.relation)}  {m.name}  "
                f"{label_both('situation', m.situation)}  "
                f"{_line('work_place', m.work_place)}  {_line('phone', mask_phone(m.phone))}"
                + "".join(
                    f"  {_line(key, value)}"
                    for key, value in (
                        ("kinship", m.kinship),
                        ("address", m.address),
                        ("left_on", m.left_on),
                    )
                    if value
                )
                for m in child.members
            ],
        ),
        *_section(
            "assistance",
            [
                f"  {label_both('assistance', a.kind)}  "
                f"{_line('amount', f'{a.amount_month:.2f}' if a.amount_month else '')}  "
                f"{a.start or label_both('file', 'unset')} ~ "
                f"{a.end or label_both('file', 'until_now')}  {a.note}".rstrip()
                for a in child.assistance
            ],
        ),
        _line("notes", child.notes),
        _line(
            "to_complete",
            "、".join(label_both("detail", k) for k in s.to_complete) or label_both("file", "none"),
        ),
        *_section(
            "last_visits",
            [
                f"  {v.visit_date}  {label_both('mode', v.mode)}  {v.visitor}".rstrip()
                for v in found.last_visits
            ],
        ),
    ]


def _choices(kind: str, codes: str) -> str:
    """A multiple choice stored as codes joined by commas, in words."""
    return "、".join(label_both(kind, c) for c in codes.split(",") if c)


def _line(key: str, value: object) -> str:
    return f"{_heading(key)}{value or label_both('file', 'unset')}"


def _section(key: str, lines: list[str]) -> list[str]:
    return [_heading(key), *(lines or [f"  {label_both('file', 'none')}"])]


def _heading(key: str) -> str:
    return f"{label_both('file', key)}："
