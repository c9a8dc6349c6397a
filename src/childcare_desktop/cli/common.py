"""What every command shares: finding and opening the store, the passphrase, printing, errors."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import os
import sys
from datetime import date
from pathlib import Path

from ..core import paths
from ..core.errors import CoreError, ValidationFailed
from ..core.storage import disk
from ..core.storage.server import is_server
from ..core.storage.store import Store
from ..words import both

ENV_PASSPHRASE = "CHILDCARE_PASSPHRASE"
ENV_NEW_PASSPHRASE = "CHILDCARE_NEW_PASSPHRASE"


class Refused(Exception):
    """A command refused with a message already in words."""


def store_location(value: str) -> Path | str:
    """A store file's path, or a server's URL kept as written (a Path would fold its `//`)."""
    return value if is_server(value) else Path(value)


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        type=store_location,
        help="数据文件或服务器 store file or postgresql://ROLE@HOST/DB (default: this station)",
    )


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON document")


def store_command(verbs, name: str, help: str, handler) -> argparse.ArgumentParser:
    """A command that works on a store: its `--db`, its `--json` and what runs it."""
    parser = verbs.add_parser(name, help=help)
    add_db(parser)
    add_json(parser)
    parser.set_defaults(handler=handler)
    return parser


def db_path(args: argparse.Namespace) -> Path | str:
    """The store's file, or its server's URL."""
    if args.db:
        return args.db
    return paths.store_path(paths.data_dir(args.data_dir))


def passphrase(confirm: bool = False) -> str:
    """From CHILDCARE_PASSPHRASE when set, else asked on the terminal; never an argument."""
    return _asked(ENV_PASSPHRASE, "密码 Passphrase: ", confirm)


def new_passphrase() -> str:
    """A new passphrase: from CHILDCARE_NEW_PASSPHRASE when set, else typed twice."""
    return _asked(ENV_NEW_PASSPHRASE, "新密码 New passphrase: ", True)


def _asked(variable: str, prompt: str, confirm: bool) -> str:
    value = os.environ.get(variable)
    if value:
        return value
    if not sys.stdin.isatty():
        raise Refused(f"请设置 {variable} 或在终端输入密码 (set {variable})")
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("再输一次 Again: ") != value:
        raise Refused(both("passphrase_mismatch"))
    return value


def open_store(args: argparse.Namespace) -> Store:
    return Store.open(db_path(args), passphrase())


def to_json(value: object) -> object:
    """The JSON form of a result: dates as ISO text, and an unset text ("" in the core: no
    ID number, not assessed, no reason) as null, so that every command says unknown one way."""
    if value == "":
        return None
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: to_json(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def emit(args: argparse.Namespace, document: object, text: str) -> None:
    if getattr(args, "json", False):
        print(json.dumps(to_json(document), ensure_ascii=False, indent=1))
    else:
        print(text)


def run(args: argparse.Namespace) -> int:
    try:
        return args.handler(args) or 0
    except ValidationFailed as failed:
        for problem in failed.problems:
            said = both(problem.code, **problem.params)
            print(f"{problem.field} [{problem.code}]: {said}", file=sys.stderr)
        return 1
    except CoreError as error:
        print(both(error.code, **error.params), file=sys.stderr)
        return 1
    except Refused as refused:
        print(str(refused), file=sys.stderr)
        return 1
    except Exception as error:
        trouble = disk.trouble(error)
        if trouble is None:
            raise
        print(both(trouble.code), file=sys.stderr)
        return 1
