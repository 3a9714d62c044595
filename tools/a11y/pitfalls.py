"""Re-check ACCESSIBILITY.md §3 pitfalls 1, 5 and 6 on the pinned PySide6, over AT-SPI.

Run inside the session with the venv's python (it builds the widgets; the probe reads them
from another process, as Orca would):

    tools/a11y/with_a11y_session.sh .venv/bin/python tools/a11y/pitfalls.py

1  QComboBox: is the AT-SPI name the current item, whatever accessibleName/buddy say?
5  QTableView: does Tab move cell to cell (tabKeyNavigation default)? are row headers
   "1, 2, 3"? where does focus land when the table gets it?
6  Delegate editor (F2): does the editor get an accessible name?

Prints one line per finding (JSON). The app's own rule (app/a11y) is the mitigation.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6 import __version__
from PySide6.QtCore import QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

PROBE = Path(__file__).resolve().parent / "atspi_probe.py"


def build() -> QWidget:
    w = QWidget()
    w.setWindowTitle("pitfalls")
    form = QFormLayout(w)
    first = QLineEdit()
    first.setAccessibleIdentifier("first")
    form.addRow("처음", first)
    combo = QComboBox()
    combo.addItems(["일반회계", "기타특별회계"])
    combo.setAccessibleName("회계 구분")
    combo.setAccessibleIdentifier("combo")
    label = QLabel("회계(&A):")
    label.setBuddy(combo)
    form.addRow(label, combo)
    model = QStandardItemModel(2, 2)
    model.setHorizontalHeaderLabels(["세목", "금액(원)"])
    for r, (a, b) in enumerate([("인건비", "1,000"), ("운영비", "350,000")]):
        model.setItem(r, 0, QStandardItem(a))
        model.setItem(r, 1, QStandardItem(b))
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName("예산 내역")
    table.setAccessibleIdentifier("table")
    form.addRow("표", table)
    after = QLineEdit()
    after.setAccessibleIdentifier("after")
    form.addRow("다음", after)
    w.resize(500, 400)
    return w


def main() -> int:
    app = QApplication(sys.argv)
    app.setApplicationName("pitfalls")
    w = build()
    w.show()
    w.activateWindow()
    steps = [
        "xfocus:pitfalls", "focus:first", "key:Tab",          # → combo
        "key:Tab",                                            # → table (where?)
        "key:Tab", "key:Tab",                                 # cell to cell, or out?
        "focus:table", "key:Home", "key:F2", "sleep:300",     # delegate editor
        "key:Escape",
    ]  # fmt: skip
    cmd = ["/usr/bin/python3", str(PROBE), "--app", "pitfalls", "--step-delay-ms", "250"]
    for s in steps:
        cmd += ["--step", s]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    # The probe calls into this process: keep Qt's loop running while it works.
    timer = QTimer()
    timer.timeout.connect(lambda: proc.poll() is not None and app.quit())
    timer.start(50)
    app.exec()
    result = json.loads(proc.communicate()[0])
    tree = {n["id"]: n for n in result["tree"]}
    combo = tree["combo"]
    table = tree["table"]
    focus = [
        f"{e['source']['role']} {e['source']['name']!r}"
        for e in result["events"]
        if e["type"] == "object:state-changed:focused" and e["detail1"] == 1
    ]
    findings = {
        "pyside6": __version__,
        "1 combo name": combo["name"],
        "1 combo labelled by": combo["relations"].get("labelled by"),
        "5 row headers": table["table"]["row_headers"],
        "5 focus path (Tab from combo x3, then table, Home, F2)": focus,
    }
    for key, value in findings.items():
        print(json.dumps({key: value}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
