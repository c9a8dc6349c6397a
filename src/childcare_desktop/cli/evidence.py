"""`childcare evidence attach|list|save`: 证明材料 of a submission for review, from a script."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.services import evidence
from .common import emit, open_store, store_command


def register(sub: argparse._SubParsersAction) -> None:
    files = sub.add_parser("evidence", help="证明材料 evidence attached to a submission")
    verbs = files.add_subparsers(dest="verb", required=True, metavar="VERB")

    attach = store_command(verbs, "attach", "添加证明材料 attach a picture or PDF", cmd_attach)
    attach.add_argument("--submission", required=True, help="报审 ID")
    attach.add_argument("file", type=Path, metavar="FILE", help="JPEG, PNG or PDF, at most 2 MB")

    listed = store_command(verbs, "list", "报审的证明材料 a submission's evidence", cmd_list)
    listed.add_argument("--submission", required=True, help="报审 ID")

    save = store_command(verbs, "save", "另存证明材料 save a file out", cmd_save)
    save.add_argument("--evidence", required=True, help="证明材料 ID")
    save.add_argument("--out", required=True, type=Path, help="保存到 the file to write")


def cmd_attach(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        attached = evidence.attach(store, args.submission, args.file)
    finally:
        store.close()
    emit(args, attached, f"已添加 attached: {attached.id}  {attached.name}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        found = evidence.list_for(store, args.submission)
    finally:
        store.close()
    text = "\n".join(f"{e.id}  {e.media_type}  {e.size}  {e.name}" for e in found)
    emit(args, {"items": found}, text or "（无 none）")
    return 0


def cmd_save(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        size = evidence.save(store, args.evidence, args.out)
    finally:
        store.close()
    emit(args, {"file": str(args.out), "size": size}, f"已保存 saved: {args.out} ({size})")
    return 0
