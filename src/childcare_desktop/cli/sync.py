"""`childcare sync`: export the next batch, import received files, status per station,
conflicts and their resolution, possible duplicates merged and unmerged."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core.services import sync
from ..core.services.conflicts import Conflicts
from ..words import both, label, message
from .common import emit, open_store, store_command, to_json


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("sync", help="同步文件 sync files between stations")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    export = store_command(actions, "export", "导出下一批 write the next batch", cmd_export)
    export.add_argument("--out", type=Path, required=True)
    export.add_argument("--to", help="接收站点代码 receiving station (county or a village)")

    imports = store_command(actions, "import", "导入文件 import batch files", cmd_import)
    imports.add_argument("files", type=Path, nargs="+", metavar="FILE")

    store_command(actions, "status", "各站点的批次情况 per-station status", cmd_status)

    store_command(actions, "conflicts", "待处理的冲突 open conflicts", cmd_conflicts)

    resolve = store_command(actions, "resolve", "处理一条冲突 resolve a conflict", cmd_resolve)
    resolve.add_argument("conflict", type=int, metavar="CONFLICT_ID")
    resolve.add_argument("--value", required=True)

    found = store_command(
        actions, "duplicates", "可能重复的档案 possible duplicate files", cmd_duplicates
    )
    found.add_argument("--merged", action="store_true", help="也列出已合并的 also those merged")

    merge = store_command(actions, "merge", "合并重复档案 merge a duplicate file", cmd_merge)
    merge.add_argument("duplicate", metavar="DUPLICATE_UUID", help="销档的一份 the file closed")
    merge.add_argument(
        "--into", required=True, metavar="KEPT_UUID", help="保留的一份 the file kept"
    )

    unmerge = store_command(actions, "unmerge", "撤销合并 undo a merge", cmd_unmerge)
    unmerge.add_argument("duplicate", metavar="DUPLICATE_UUID")


def cmd_export(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        done = sync.export(store, args.out, args.to)
    finally:
        store.close()
    said = f"第 {done.seq} 批已写到 {done.file}（{done.changes} 条修改，发给 {done.to}）"
    if done.left:
        said += f"\n还有 {done.left} 条修改一个文件装不下：对方回传确认后再导出下一批"
    emit(
        args,
        {
            "file": done.file,
            "seq": done.seq,
            "changes": done.changes,
            "to": done.to,
            "left": done.left,
        },
        said,
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        results = sync.import_files(store, list(args.files))
    finally:
        store.close()
    rows = [
        {
            "file": r.file,
            "status": r.status,
            "reason": r.reason,
            "message": message(r.reason, **r.detail) if r.reason else "",
            "detail": r.detail,
            "station": r.station,
            "seq": r.seq,
            "changes_applied": r.changes_applied,
            "conflicts": r.conflicts,
        }
        for r in results
    ]
    lines = [
        f"{Path(r.file).name}: {label('sync_status', r.status)}"
        + (f"（{r.changes_applied} 条修改，{r.conflicts} 处冲突）" if r.status == "applied" else "")
        + (f"：{message(r.reason, **r.detail)}" if r.reason else "")
        for r in results
    ]
    emit(args, {"results": rows}, "\n".join(lines))
    refused = any(r.status in ("rejected", "quarantined") for r in results)
    if refused and args.json:
        print("有文件被拒收或隔离 (some files were rejected or quarantined)", file=sys.stderr)
    return 1 if refused else 0


def cmd_status(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        state = sync.status(store)
        alarms = sync.audit_alarms(store)
    finally:
        store.close()
    # Batches are numbered from 1: a last batch 0 is none yet, said as null like every unknown.
    stations = [
        {
            "station": s.station,
            "name": s.name,
            "last_seq": s.last_seq or None,
            "missing": list(s.missing),
            "last_import": s.last_import,
            "rejected": s.rejected,
            "quarantined": s.quarantined,
            "late": s.late,
        }
        for s in state.stations
    ]
    sent = [
        {**to_json(s), "last_seq": s.last_seq or None, "changes": s.changes if s.last_seq else None}
        for s in state.sent
    ]
    lines = [
        f"{s.name or s.station}: 第 {s.last_seq} 批（{s.last_import or '-'}）"
        + "".join(f"，缺第 {n} 批" for n in s.missing)
        + ("，迟报 (late)" if s.late else "")
        for s in state.stations
    ] + [
        f"已发给 {s.name or s.to}: 第 {s.last_seq} 批（{s.last_export or '-'}）" for s in state.sent
    ]
    lines += [
        both(
            f"audit_head_{a.kind}",
            station=a.origin,
            batch=str(a.batch),
            entry=str(a.entry),
            at=a.at,
        )
        for a in alarms
    ]
    emit(
        args,
        {
            "stations": stations,
            "sent": sent,
            "refused": state.refused,
            "audit_alarms": [to_json(a) for a in alarms],
        },
        "\n".join(lines) or "还没有同步过 (nothing synced yet)",
    )
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        found = Conflicts(store).open()
    finally:
        store.close()
    rows = [
        {
            "id": c.id,
            "entity": c.entity,
            "uuid": c.uuid,
            "field": c.field,
            "values": [
                {"value": v.value, "station": v.station, "change_id": v.change_id, "clock": v.clock}
                for v in c.values
            ],
            "shown": c.shown,
            "child": c.child_uuid,
            "child_name": c.child_name,
        }
        for c in found
    ]
    lines = [
        f"#{c.id} {c.entity} {c.uuid} {c.field}: "
        + " / ".join(f"{v.value}（{v.station}）" for v in c.values)
        for c in found
    ]
    emit(args, {"conflicts": rows}, "\n".join(lines) or "没有待处理的冲突 (no open conflicts)")
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        done = Conflicts(store).resolve(args.conflict, args.value)
    finally:
        store.close()
    emit(
        args,
        {"conflict": done.conflict_id, "value": done.value, "change": done.change_id},
        f"冲突 #{args.conflict} 已处理，结果随下一批同步发出",
    )
    return 0


HOW = {"id_number": "同一身份证号", "name_birth": "姓名和出生日期相同", "fuzzy": "相似"}


def cmd_duplicates(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        found = Conflicts(store).possible_duplicates(args.merged)
    finally:
        store.close()
    groups = [
        {
            "how": g.how,
            "score": g.score,
            "id_number": g.id_number,
            "merged": g.merged,
            "files": list(g.files),
        }
        for g in found
    ]
    lines = [
        f"{HOW.get(g.how, '已合并')} {g.score:.2f} {g.id_number}: "
        + " / ".join(f"{f.name}（{f.village_code}，{f.uuid}）" for f in g.files)
        for g in found
    ]
    emit(
        args, {"groups": groups}, "\n".join(lines) or "没有可能重复的档案 (no possible duplicates)"
    )
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        Conflicts(store).merge_duplicate(args.duplicate, args.into)
    finally:
        store.close()
    emit(
        args,
        {"merged": args.duplicate, "into": args.into},
        f"{args.duplicate} 已并入 {args.into}（已销档，可撤销），随下一批同步发出",
    )
    return 0


def cmd_unmerge(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        Conflicts(store).undo_merge(args.duplicate)
    finally:
        store.close()
    emit(args, {"reopened": args.duplicate}, f"{args.duplicate} 已恢复在册，随下一批同步发出")
    return 0
