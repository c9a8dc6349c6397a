"""`childcare screening open|list|mark|status|print|close`: 排查 from a script."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from ..core.domain.categories import CATEGORY_CODES
from ..core.domain.screening import NONE_FOUND
from ..core.services.screening import RoundStatus, Screening, ScreeningRound
from ..words import both, label_both
from .common import Refused, emit, open_store, store_command


def register(sub: argparse._SubParsersAction) -> None:
    screening = sub.add_parser("screening", help="排查 screening rounds")
    verbs = screening.add_subparsers(dest="verb", required=True, metavar="VERB")

    opened = store_command(verbs, "open", "发起排查 open a round (town or county)", cmd_open)
    opened.add_argument("--title", required=True, help="名称 title")
    opened.add_argument(
        "--deadline", required=True, type=date.fromisoformat, help="截止日期 YYYY-MM-DD"
    )
    opened.add_argument("--note", default="", help="排查对象说明 the population, in words")
    opened.add_argument(
        "--population", type=Path, help="户籍名单 the household register (.xlsx/.csv)"
    )

    store_command(verbs, "list", "排查轮次 the rounds this station holds", cmd_list)

    mark = store_command(verbs, "mark", "登记排查结果 mark a child or person screened", cmd_mark)
    mark.add_argument("round", help="排查 ID round id")
    mark.add_argument("subject", help="儿童或名单人员 ID a child's or listed person's id")
    mark.add_argument(
        "--found",
        required=True,
        help=f"发现的类别 none, or codes joined by commas: {','.join(CATEGORY_CODES)}",
    )
    mark.add_argument("--on", required=True, type=date.fromisoformat, help="排查日期 YYYY-MM-DD")
    mark.add_argument("--note", default="", help="备注 note")

    status = store_command(verbs, "status", "排查进度 coverage per village", cmd_status)
    status.add_argument("round", help="排查 ID round id")

    printed = store_command(verbs, "print", "打印排查结果 the result as a PDF", cmd_print)
    printed.add_argument("round", help="排查 ID round id")
    printed.add_argument("--out", required=True, type=Path, help="FILE.pdf")

    closed = store_command(verbs, "close", "结束排查 close a round", cmd_close)
    closed.add_argument("round", help="排查 ID round id")


def cmd_open(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        loaded = None
        if args.population is None:
            opened = Screening(store).open(args.title, args.deadline, args.note)
        else:
            # Imported here: the list reader and the matcher load only for a list.
            from ..core.services.screening_population import open_with_population

            opened, loaded = open_with_population(
                store, args.title, args.deadline, args.note, args.population
            )
    finally:
        store.close()
    document: dict = {"round": _round(opened)}
    text = f"已发起排查 opened: {opened.title} {opened.uuid}"
    if loaded is not None:
        document["population"] = {
            "rows": loaded.rows,
            "registered": [
                {"line": int(m.row), "child": m.child, "how": m.how, "score": m.score}
                for m in loaded.registered
            ],
            "added": list(loaded.people.added),
            "already": [int(key) for key in loaded.people.already],
            "refused": [
                {
                    "line": int(key),
                    "field": p.field,
                    "code": p.code,
                    "message": both(p.code, **p.params),
                }
                for key, p in loaded.people.refused
            ],
        }
        text += (
            f"\n名单 {loaded.rows} 行 rows: 已登记 registered {len(loaded.registered)}，"
            f"新增待排查 added {len(loaded.people.added)}，已在本轮 already "
            f"{len(loaded.people.already)}，未收 refused {len(loaded.people.refused)}"
        )
        text += "".join(
            f"\n  第 {key} 行 line {key}: {p.field} {both(p.code, **p.params)}"
            for key, p in loaded.people.refused
        )
    emit(args, document, text)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        rounds = Screening(store).rounds()
    finally:
        store.close()
    text = "\n".join(
        f"{r.uuid}  {r.title}  {r.division_name or r.division_code}  {r.opened_on}–{r.deadline}"
        + (f"  已结束 closed {r.closed_on}" if r.closed_on else "")
        for r in rounds
    )
    emit(args, {"rounds": [_round(r) for r in rounds]}, text or "（无 none）")
    return 0


def cmd_mark(args: argparse.Namespace) -> int:
    found = [] if args.found.strip() == NONE_FOUND else args.found.split(",")
    store = open_store(args)
    try:
        result = Screening(store).mark(args.round, args.subject, found, args.on, args.note)
    finally:
        store.close()
    s = result.subject
    said = "、".join(label_both("category", c) for c in s.found) or "无 none"
    text = f"已排查 screened: {s.name} {s.screened_on} {said}"
    if result.register:
        text += f"\n{both('screening_register_hint', name=s.name)}"
    emit(args, {"subject": _subject(s), "register": result.register}, text)
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        status = Screening(store).status(args.round)
    finally:
        store.close()
    emit(args, _status(status), _status_text(status))
    return 0


def cmd_print(args: argparse.Namespace) -> int:
    if args.out.suffix.lower() != ".pdf":
        raise Refused(both("report_format", suffix=args.out.suffix or args.out.name))
    store = open_store(args)
    try:
        pages = Screening(store).print(args.round, args.out)
    finally:
        store.close()
    emit(args, {"path": str(args.out), "pages": pages}, f"已打印 printed: {args.out} ({pages})")
    return 0


def cmd_close(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        closed = Screening(store).close(args.round)
    finally:
        store.close()
    emit(args, _round(closed), f"已结束 closed: {closed.title} {closed.closed_on}")
    return 0


def _round(r: ScreeningRound) -> dict:
    return {
        "id": r.uuid,
        "title": r.title,
        "opened_on": r.opened_on,
        "deadline": r.deadline,
        "opened_by": r.opened_by,
        "level": r.level,
        "division_code": r.division_code,
        "division_name": r.division_name,
        "population_note": r.population_note,
        "closed_on": r.closed_on,
    }


def _subject(s) -> dict:
    return {
        "kind": s.kind,
        "id": s.uuid,
        "person_id": s.person_uuid,
        "name": s.name,
        "village_code": s.village_code,
        "village": s.village_name,
        "screened_on": s.screened_on,
        "found": list(s.found),
        "note": s.note,
    }


def _status(status: RoundStatus) -> dict:
    return {
        "round": _round(status.round),
        "to_screen": status.to_screen,
        "screened": status.screened,
        "villages": [
            {
                "village_code": v.village_code,
                "village": v.village_name,
                "to_screen": v.to_screen,
                "screened": v.screened,
                "found": v.found,
                "late": v.late,
            }
            for v in status.villages
        ],
        "late": [v.village_code for v in status.late],
        "subjects": [_subject(s) for s in status.subjects],
    }


def _status_text(status: RoundStatus) -> str:
    lines = [
        f"{status.round.title}  截止 deadline {status.round.deadline}  "
        f"已排查 screened {status.screened}/{status.to_screen}"
    ]
    for v in status.villages:
        late = "  逾期 late" if v.late else ""
        lines.append(
            f"  {v.village_name or v.village_code}  {v.screened}/{v.to_screen}"
            f"  发现 found {v.found}{late}"
        )
    return "\n".join(lines)
