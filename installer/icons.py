"""Draws the program's icon (resources/icons/childcare-desktop.svg) as the PNG sizes a Linux
menu uses and the .ico Windows wants: `python installer/icons.py OUTDIR`."""

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SOURCE = Path(__file__).resolve().parent.parent / "resources" / "icons" / "childcare-desktop.svg"
SIZES = (16, 32, 48, 64, 128, 256)


def draw(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    renderer = QSvgRenderer(str(SOURCE))
    for size in SIZES:
        if not draw(renderer, size).save(str(out / f"childcare-desktop-{size}.png")):
            raise SystemExit(f"could not write the {size} px icon")
    # Qt's .ico writer keeps one image: the 256 px one, which Windows scales down.
    if not draw(renderer, 256).save(str(out / "childcare-desktop.ico"), "ICO"):
        raise SystemExit("could not write the .ico icon")


if __name__ == "__main__":
    app = QGuiApplication(sys.argv[:1])
    main(Path(sys.argv[1]))
