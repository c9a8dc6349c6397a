"""`make bench`: runs every benchmark module, prints one table each, `--json FILE` keeps figures."""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
from pathlib import Path

from .common import print_table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench")
    parser.add_argument("--json", type=Path, help="write every figure to this file")
    parser.add_argument("--only", help="run only the modules whose name contains this")
    args = parser.parse_args(argv)
    here = Path(__file__).resolve().parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    figures = {}
    for name in names:
        if args.only and args.only not in name:
            continue
        module = importlib.import_module(f"bench.{name}")
        rows = module.run()
        print_table(module.__doc__.splitlines()[0], rows)
        figures[name] = rows
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
