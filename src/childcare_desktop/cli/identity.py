"""`childcare identity`: this station's fingerprint, enrollment requests and certificates,
and revoking a lost laptop."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path

from ..core.services import identity
from .common import emit, open_store, store_command


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("identity", help="本站密钥与登记 keys and enrollment")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    store_command(actions, "show", "显示本站指纹 show this station's fingerprint", cmd_show)

    request = store_command(
        actions, "request", "写登记申请 write an enrollment request", cmd_request
    )
    request.add_argument("--out", type=Path, required=True)

    enroll = store_command(actions, "enroll", "为下级发证书 issue a certificate", cmd_enroll)
    enroll.add_argument("request", type=Path, metavar="REQUEST")
    enroll.add_argument("--fingerprint", required=True, help="对方屏幕上的指纹 as read aloud")
    enroll.add_argument("--out", type=Path, required=True)

    install = store_command(
        actions, "install", "安装上级发的证书 install a certificate", cmd_install
    )
    install.add_argument("certificate", type=Path, metavar="CERT")
    install.add_argument("--fingerprint", help="上级屏幕上的指纹 the supervisor's fingerprint")

    revoke = store_command(actions, "revoke", "注销丢失的电脑 revoke a lost laptop", cmd_revoke)
    revoke.add_argument("--station", required=True, help="站点区划代码 station code")
    revoke.add_argument("--after-seq", type=int, required=True, help="最后承认的批次号")


def cmd_show(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        me = identity.identity(store)
    finally:
        store.close()
    emit(args, me, f"{me.name}（{me.station}）指纹 fingerprint: {me.fingerprint}")
    return 0


def cmd_request(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        me = identity.write_request(store, args.out)
    finally:
        store.close()
    emit(
        args,
        {**asdict(me), "file": str(args.out)},
        f"登记申请已写到 {args.out}\n请把这个指纹念给上级核对 fingerprint: {me.fingerprint}",
    )
    return 0


def cmd_enroll(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        done = identity.enroll(store, args.request, args.fingerprint, args.out)
    finally:
        store.close()
    emit(
        args,
        done,
        f"已为 {done.name}（{done.station}）发证书 {done.serial} 号，有效至 {done.not_after}："
        f"{done.file}",
    )
    return 0


def cmd_install(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        done = identity.install(store, args.certificate, args.fingerprint)
    finally:
        store.close()
    emit(
        args,
        done,
        f"已安装 {done.issuer_name}（{done.issuer}）发的证书；请核对上级指纹 "
        f"fingerprint: {done.issuer_fingerprint}",
    )
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    if args.after_seq < 0:
        raise SystemExit(2)
    store = open_store(args)
    try:
        count = identity.revoke(store, args.station, args.after_seq)
    finally:
        store.close()
    emit(
        args,
        {"station": args.station, "after_seq": args.after_seq, "keys": count},
        f"已注销 {args.station}：第 {args.after_seq} 批以后的文件将被隔离",
    )
    return 0
