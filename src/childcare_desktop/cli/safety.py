"""`childcare passwd|backup|restore|audit|check`: keeping the store safe from a script."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path

from ..core.services import safety
from ..words import both
from .common import (
    Refused,
    add_db,
    add_json,
    db_path,
    emit,
    new_passphrase,
    open_store,
    passphrase,
)


def register(sub: argparse._SubParsersAction) -> None:
    passwd = sub.add_parser("passwd", help="修改密码 change the passphrase")
    add_db(passwd)
    passwd.set_defaults(handler=cmd_passwd)

    backup = sub.add_parser("backup", help="备份 back up the store")
    add_db(backup)
    add_json(backup)
    backup.add_argument("--out", type=Path, required=True, help="备份文件 backup file")
    backup.set_defaults(handler=cmd_backup)

    restore = sub.add_parser("restore", help="从备份恢复 restore from a backup")
    add_db(restore)
    add_json(restore)
    restore.add_argument("file", type=Path)
    restore.set_defaults(handler=cmd_restore)

    audit = sub.add_parser("audit", help="操作日志 the audit log")
    add_db(audit)
    add_json(audit)
    audit.add_argument("--since", help="YYYY-MM-DD")
    audit.set_defaults(handler=cmd_audit)

    check = sub.add_parser("check", help="检查数据完整性 check integrity")
    add_db(check)
    add_json(check)
    check.set_defaults(handler=cmd_check)


def cmd_passwd(args: argparse.Namespace) -> int:
    old = passphrase()
    safety.change_passphrase(db_path(args), old, new_passphrase())
    print("密码已修改 (passphrase changed)")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        out = safety.backup(store, "manual", dest=args.out)
    finally:
        store.close()
    emit(args, {"file": str(out)}, f"已备份到 backed up to {out}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    if not args.file.exists():
        raise Refused(both("no_store", path=str(args.file)))
    kept = safety.restore(db_path(args), args.file, passphrase())
    emit(
        args,
        {"restored": str(args.file), "previous_kept_as": str(kept)},
        f"已恢复 restored from {args.file}\n原数据已备份 previous store kept as {kept}",
    )
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        entries = safety.audit_entries(store, args.since)
    finally:
        store.close()
    text = "\n".join(
        f"{e.seq:>6} {e.at} {e.who} {e.action} {e.entity} {e.entity_uuid} {','.join(e.fields)}"
        f" {e.detail}".rstrip()
        for e in entries
    )
    emit(args, {"entries": entries}, text or "（无 none）")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        report = safety.check(store)
        problems = safety.stored_problems(store) if report.ok else ()
    finally:
        store.close()
    broken = report.audit_break
    audit_text = "ok" if broken is None else f"broken at {broken.seq}"
    document = {
        "ok": report.ok,
        "integrity": report.integrity,
        "cipher_integrity": report.cipher_integrity,
        "audit_chain": audit_text,
        "audit_broken_at": report.audit_broken_at,
        "backups": report.backups,
        "newest_backup": report.newest_backup.isoformat() if report.newest_backup else None,
    }
    lines = [f"{k}: {v}" for k, v in document.items()]
    document["audit_break"] = None if broken is None else asdict(broken)
    if broken is not None:
        code = "audit_cut" if broken.missing else "audit_altered"
        lines.append(both(code, seq=str(broken.seq), at=broken.at or "-"))
        if broken.anchored:
            lines.append(both("audit_anchor_reached", seq=str(broken.anchored)))
    # Values an older version stored that a received change could not set today: each named
    # with its child and field, so the town can open the file and correct it.
    document["refused_values"] = [
        {"entity": p.entity, "uuid": p.uuid, "child": p.child_uuid or None, "field": p.field}
        for p in problems
    ]
    lines += [
        both("stored_value_refused", field=p.field, child=p.child_uuid or "-", uuid=p.uuid)
        for p in problems
    ]
    emit(args, document, "\n".join(lines))
    return 0 if report.ok and not problems else 1
