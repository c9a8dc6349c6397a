"""`childcare roster import|export`: Excel ledgers (台账) from a script."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core.services.roster import Roster
from .common import Refused, add_db, add_json, emit, open_store


def register(sub: argparse._SubParsersAction) -> None:
    roster = sub.add_parser("roster", help="台账导入导出 Excel ledgers")
    verbs = roster.add_subparsers(dest="verb", required=True, metavar="VERB")

    importing = verbs.add_parser("import", help="导入台账 import a ledger (.xlsx .xls .csv)")
    add_db(importing)
    add_json(importing)
    importing.add_argument("file", type=Path, metavar="FILE")
    importing.add_argument("--dry-run", action="store_true", help="只检查，不写入 check only")
    importing.set_defaults(handler=cmd_import)

    exporting = verbs.add_parser("export", help="导出花名册 export the roster (.xlsx)")
    add_db(exporting)
    exporting.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx")
    exporting.set_defaults(handler=cmd_export)


def cmd_import(args: argparse.Namespace) -> int:
    """Exit 0 even when rows were refused (they are listed); a file that cannot be read at all
    raises RosterError, which `common.run` turns into its message and exit 1."""
    store = open_store(args)
    try:
        result = Roster(store).import_file(args.file, dry_run=args.dry_run)
    finally:
        store.close()
    for warning in result.warnings:
        where = f"第{warning.row}行 {warning.column}".strip()
        print(f"{where}: {warning.message}", file=sys.stderr)
    lines = [
        f"新增 imported: {result.imported}  更新 updated: {result.updated}  "
        f"未变 unchanged: {result.unchanged}  错误 errors: {len(result.errors)}"
        + ("  （试运行，未写入 dry run）" if args.dry_run else "")
    ]
    lines += [f"第{e.row}行 {e.column}: {e.message} [{e.code}]" for e in result.errors]
    if result.error_file:
        lines.append(f"错误行已写入 error rows written to: {result.error_file}")
    emit(args, result.as_json(), "\n".join(lines))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.suffix.lower() != ".xlsx":
        raise Refused(f"--out 应为 .xlsx 文件 (expected an .xlsx file): {out.name}")
    store = open_store(args)
    try:
        result = Roster(store).export(out)
    finally:
        store.close()
    print(f"已导出 exported {result.count} 人 children: {result.path}")
    return 0
