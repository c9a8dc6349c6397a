"""Sample reports from demo data, and one PNG page of each for the README.

`python -m childcare_desktop.core.reports.samples OUTDIR` writes report-child.png,
report-roster.png, report-ledger.png and report-summary.png (and the PDFs beside them when
`--pdf` is given), from a throw-away town store of demo children.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from ..services.children import Children
from ..services.demo import fill_demo
from ..services.reports import Reports
from ..services.station import init_station
from ..storage import keyfile
from ..storage import tables as t

# A throw-away store: the passphrase and key cost only have to get it open once.
_PASSPHRASE = "sample reports"
_KDF = keyfile.KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
LONG_ADDRESS = "兴宁市石坑镇新陂村第十二村民小组老屋背巷子尽头左手边第三户（原村小学旧址后面）"


def make_samples(out: Path, keep_pdf: bool = False, dpi: int = 80) -> list[Path]:
    """Write the four sample pages as PNG into `out`; returns their paths."""
    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm (poppler-utils) is needed to turn the PDFs into images")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        store, _ = init_station(
            work / "sample.db", _PASSPHRASE, "town", "441481103", "石坑镇", "张督导", _KDF
        )
        try:
            fill_demo(store, 400, seed=2024)
            reports = Reports(store)
            pdfs = {
                "child": reports.child_file(_busy_child(store), work / "child.pdf").path,
                "roster": reports.roster(work / "roster.pdf").path,
                "ledger": reports.ledger(date.today().strftime("%Y-%m"), work / "ledger.pdf").path,
                "summary": reports.summary(work / "summary.pdf")[0].path,
            }
        finally:
            store.close()
        written = []
        for name, pdf in pdfs.items():
            target = out / f"report-{name}"
            first_page = ["-f", "1", "-l", "1", "-singlefile"]
            subprocess.run(
                ["pdftoppm", "-png", "-r", str(dpi), *first_page, str(pdf), str(target)],
                check=True,
            )
            written.append(target.with_suffix(".png"))
            if keep_pdf:
                shutil.copy(pdf, out / f"report-{name}.pdf")
    return written


def _busy_child(store) -> str:
    """The child with the most visits, given a long address to show how cells wrap."""
    v = t.visit.c
    with store.read() as conn:
        uuid = conn.execute(
            select(v.child_uuid).group_by(v.child_uuid).order_by(func.count().desc()).limit(1)
        ).scalar_one()
    children = Children(store)
    child = children.get(uuid)
    children.save(replace(child, current_address=LONG_ADDRESS, school="新陂村中心小学"))
    return uuid


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="sample report pages from demo data")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--pdf", action="store_true", help="keep the PDFs as well")
    args = parser.parse_args(argv)
    for path in make_samples(args.outdir, args.pdf):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
