"""Render installer/assets/hojo.svg to PNG sizes and a Windows .ico (Qt + Pillow).

Usage: python installer/assets/make_icons.py OUTDIR   (run in the build venv)
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PIL import Image  # Pillow comes with reportlab
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 24, 32, 48, 64, 128, 256)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(Path(__file__).resolve().parent / "hojo.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        image.save(str(out / f"hojo-{size}.png"))
    big = Image.open(out / "hojo-256.png")
    big.save(out / "hojo.ico", sizes=[(s, s) for s in SIZES])


if __name__ == "__main__":
    main(Path(sys.argv[1]))
