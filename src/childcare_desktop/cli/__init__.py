"""The `childcare` command: parses, calls the services, prints. Exit 0 ok, 1 refused, 2 usage."""

from __future__ import annotations

import argparse
import sys

from .. import __version__
from . import (
    children,
    concerns,
    dashboard,
    evidence,
    identity,
    match,
    reports,
    review,
    roster,
    safety,
    screening,
    station,
    store,
    sync,
    team,
    visits,
)
from .common import run

COMMANDS = (
    station,
    store,
    children,
    roster,
    safety,
    reports,
    visits,
    concerns,
    review,
    evidence,
    team,
    screening,
    match,
    dashboard,
    identity,
    sync,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="childcare", description="儿童关爱服务台账 childcare-desktop"
    )
    parser.add_argument("--version", action="version", version=f"childcare {__version__}")
    parser.add_argument("--data-dir", help="数据文件夹 data folder (or CHILDCARE_HOME)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
