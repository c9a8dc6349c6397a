"""`childcare visits due|log|policy`: the visit schedule and the visit log from a script."""

from __future__ import annotations

import argparse
from dataclasses import fields, replace
from datetime import date
from pathlib import Path

from ..core.domain.visit import MODES, Visit
from ..core.domain.visit_policy import HOME_RULES, VisitPolicy
from ..core.domain.visit_presets import PRESETS, preset_of
from ..core.domain.vocab import GUARDIANSHIP
from ..core.errors import FieldProblem, ValidationFailed
from ..core.services.children import Children
from ..core.services.visits import Visits, read_photo
from .common import Refused, add_db, add_json, emit, open_store

DUE_KEYS = ("uuid", "name", "due_date", "status", "interval_days", "reason", "home_visit")


def register(sub: argparse._SubParsersAction) -> None:
    visits = sub.add_parser("visits", help="走访 visits")
    verbs = visits.add_subparsers(dest="verb", required=True, metavar="VERB")

    due = verbs.add_parser("due", help="待走访名单 children due for a visit")
    add_db(due)
    add_json(due)
    due.add_argument("--as-of", type=date.fromisoformat, help="YYYY-MM-DD (default: today)")
    due.set_defaults(handler=cmd_due)

    log = verbs.add_parser("log", help="记录走访 log a visit")
    add_db(log)
    add_json(log)
    log.add_argument("--child", required=True, help="儿童 UUID")
    log.add_argument("--date", required=True, type=date.fromisoformat, help="YYYY-MM-DD")
    log.add_argument("--mode", required=True, choices=MODES)
    log.add_argument("--guardianship", choices=GUARDIANSHIP, help="重新评估的监护情况")
    log.add_argument("--notes", default="", help="走访记录：所做的事 what was done")
    log.add_argument("--visitor", default="", help="走访人 who visited")
    log.add_argument("--met", default="", help="见到的人 persons met")
    log.add_argument("--needs", default="", help="需求 needs")
    log.add_argument("--next", type=date.fromisoformat, help="下次计划走访 next planned date")
    log.add_argument("--supersedes", help="更正哪条走访 the visit this one corrects")
    log.add_argument(
        "--photo",
        action="append",
        default=[],
        type=Path,
        metavar="FILE",
        help="照片 JPEG/PNG, 可重复 a photo (repeatable)",
    )
    log.set_defaults(handler=cmd_log)

    policy = verbs.add_parser("policy", help="走访周期 the visit policy (days)")
    add_db(policy)
    add_json(policy)
    policy.add_argument(
        "--preset", choices=sorted(PRESETS), help="选用预设周期 take a preset whole (first)"
    )
    policy.add_argument("--set", action="append", default=[], metavar="RULE=DAYS")
    policy.add_argument(
        "--home",
        metavar="RULE,RULE",
        help="须入户的规则（空为都不须）the rules only a home visit resets ('' for none): "
        + ",".join(HOME_RULES),
    )
    policy.set_defaults(handler=cmd_policy)


def cmd_due(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        rows = Visits(store).due(args.as_of)
    finally:
        store.close()
    document = [{k: getattr(r, k) for k in DUE_KEYS} for r in rows]
    text = "\n".join(
        f"{r.due_date}  {r.status:<8}  {r.name}  {r.reason} {r.interval_days or ''}  {r.uuid}"
        for r in rows
    )
    emit(args, document, text or "（无 none）")
    return 0


def cmd_log(args: argparse.Namespace) -> int:
    visit = Visit(
        child_uuid=args.child,
        visit_date=args.date,
        mode=args.mode,
        visitor=args.visitor,
        met=args.met,
        needs=args.needs,
        actions=args.notes,
        guardianship=args.guardianship or "",
        next_planned=args.next,
        supersedes=args.supersedes,
    )
    photos = [read_photo(path) for path in args.photo]
    problems = [p for p in photos if isinstance(p, FieldProblem)]
    if problems:
        raise ValidationFailed(problems)
    store = open_store(args)
    try:
        record = Visits(store).log(visit, photos)
        child = Children(store).rows([args.child])[0]
    finally:
        store.close()
    document = {
        **{f.name: getattr(record.visit, f.name) for f in fields(Visit)},
        "recorded_at": record.recorded_at,
        "photos": [p.taken_name for p in record.photos],
        "child": {
            "uuid": child.uuid,
            "guardianship": child.guardianship,
            "risk": child.risk,
            "last_visit": child.last_visit,
            "next_due": child.next_due,
        },
    }
    emit(args, document, f"已记录 logged: {record.visit.uuid}  下次 next due {child.next_due}")
    return 0


def cmd_policy(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        service = Visits(store)
        stored = service.policy()
        policy = _edited(PRESETS[args.preset] if args.preset else stored, args)
        if policy != stored:
            service.set_policy(policy)
    finally:
        store.close()
    document = {**policy.days(), "home": sorted(policy.home), "preset": preset_of(policy) or None}
    text = "\n".join(f"{k:<18} {v}" for k, v in policy.days().items())
    text += f"\n{'home':<18} {','.join(sorted(policy.home)) or '-'}"
    text += f"\n{'preset':<18} {document['preset'] or '-'}"
    emit(args, document, text)
    return 0


def _edited(policy: VisitPolicy, args: argparse.Namespace) -> VisitPolicy:
    """The policy with the days of --set and the rules of --home."""
    values = policy.days()
    for item in args.set:
        key, _, days = item.partition("=")
        if key not in values or not days.isdigit():
            raise Refused(f"--set 需要 RULE=DAYS，RULE 为 {', '.join(values)}: {item}")
        values[key] = int(days)
    home = policy.home
    if args.home is not None:
        home = frozenset(filter(None, args.home.split(",")))
        if not home <= set(HOME_RULES):
            raise Refused(f"--home 的规则为 rules are {', '.join(HOME_RULES)}: {args.home}")
    return replace(policy, **values, home=home)
