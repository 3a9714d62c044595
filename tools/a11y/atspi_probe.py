#!/usr/bin/python3
"""Out-of-process AT-SPI probe: what a Linux screen reader (Orca) can see of Hojo Desk.

Runs with Debian's /usr/bin/python3 (python3-pyatspi, gir1.2-atspi-2.0) inside the same X
display and session D-Bus as the client (tools/a11y/with_a11y_session.sh), never in the
project's venv. Adapted from ../shared/design/a11y-recipe/atspi_probe.py.

Two modes:

  atspi_probe.py --app "Hojo Desk" [--step key:Tab ...]     one shot: JSON tree + events
  atspi_probe.py --app "Hojo Desk" --serve                   one JSON command per stdin line,
                                                             one JSON answer per stdout line

Commands of --serve (the test suite keeps one probe per test module):
  {"op": "tree", "root": ID|null, "showing": true}   nodes (role, name, id, states, relations,
                                                       description, text, value, table headers)
  {"op": "steps", "steps": [...], "delay_ms": 150}    run steps; answer the events seen
  {"op": "focused"}                                    the focused accessible (brief) or null
  {"op": "showing", "id": ID}                          is an accessible with that id showing
  {"op": "events", "seconds": 0.1}                     the events not yet answered
  {"op": "quit"}

Steps: key:<xdotool key> (Alt chords held like a person does: tools/a11y/probe_keys.py)
       type:<text> (ASCII: keys; other text: IME commits)
       xfocus:<window title regex> (X input focus)  focus:<id> (grabFocus)  action:<id>:<name>
       tab: (one Tab, until another control has focus)
       tabto:<id or name> (Tab until focused)  sleep:<ms>  waitid:<id> (until showing)
       page:<id> (the 작업 목록 by keyboard: Alt+W, arrows until the page with accessible id
                  <id> shows, Enter; the page's first control gets focus)
       waitfocus:<id or name> (until focused)
       waitevent:<type>[|<text in any_data or source name/id>]   (each wait: 10 s at most)

Qt only emits event types some client registered for, so listeners are registered at start.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

import pyatspi
from probe_keys import Keys, press, pump

T0 = time.monotonic()
WAIT_S = 10.0
EVENT_TYPES = (
    "focus:",
    "object:state-changed:focused",
    "object:announcement",
    "object:property-change:accessible-name",
    "object:property-change:accessible-description",
    "object:text-changed",
    "object:selection-changed",
    "object:active-descendant-changed",
    "window:activate",
)


def now():
    return round(time.monotonic() - T0, 3)


def find_app(name, timeout):
    seen = []
    while now() < timeout:
        desktop = pyatspi.Registry.getDesktop(0)
        seen = []
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is None:
                continue
            seen.append(app.name)
            if app.name == name:
                return app
        time.sleep(0.1)
    sys.exit(
        f"atspi_probe: application {name!r} is not on the AT-SPI bus (saw {seen}); is "
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 set and QT_QPA_PLATFORM=xcb?"
    )


def brief(acc):
    if acc is None:
        return None
    try:
        return {"role": acc.getRoleName(), "name": acc.name, "id": acc.accessibleId}
    except Exception as exc:  # the object went away
        return {"error": repr(exc)}


def states_of(acc):
    return sorted(pyatspi.stateToString(s) for s in acc.getState().getStates())


def node(acc, path):
    n = brief(acc)
    n["path"] = path
    n["description"] = acc.description
    n["states"] = states_of(acc)
    n["interfaces"] = sorted(acc.get_interfaces())
    rels = {}
    for r in acc.getRelationSet():
        rels[pyatspi.relationToString(r.getRelationType())] = [
            (r.getTarget(i).name if r.getTarget(i) is not None else None)
            for i in range(r.getNTargets())
        ]
    n["relations"] = rels
    if "Value" in n["interfaces"]:
        v = acc.queryValue()
        n["value"] = [v.currentValue, v.minimumValue, v.maximumValue]
    if "Text" in n["interfaces"]:
        n["text"] = acc.queryText().getText(0, -1)
    if "Action" in n["interfaces"]:
        a = acc.queryAction()
        n["actions"] = [a.getName(i) for i in range(a.nActions)]
    if "TableCell" in n["interfaces"]:
        n["cell"] = table_cell(acc)
    if "Table" in n["interfaces"]:
        t = acc.queryTable()
        n["table"] = {
            "rows": t.nRows,
            "columns": t.nColumns,
            "column_headers": [t.getColumnDescription(c) for c in range(t.nColumns)],
            "row_headers": [t.getRowDescription(r) for r in range(min(t.nRows, 5))],
        }
    return n


def table_cell(acc):
    """Row, column and the header cells a screen reader reads with a table cell."""
    from gi.repository import Atspi

    try:
        row, col = Atspi.TableCell.get_row_column_span(acc)[-4:-2]
        return {
            "row": row,
            "column": col,
            "column_headers": [h.get_name() for h in Atspi.TableCell.get_column_header_cells(acc)],
            "row_headers": [h.get_name() for h in Atspi.TableCell.get_row_header_cells(acc)],
        }
    except Exception as exc:
        return {"error": repr(exc)}


def walk(acc, path, out, showing_only, max_children=400):
    try:
        n = node(acc, path)
    except Exception:  # went away while walking
        return
    if showing_only and path and "showing" not in n["states"]:
        return
    out.append(n)
    # table cells: only the first rows (a 16,000-line table must not be walked)
    limit = 60 if n["role"] in ("table", "tree table", "tree", "list") else max_children
    for i in range(min(acc.childCount, limit)):
        child = acc.getChildAtIndex(i)
        if child is not None:
            walk(child, f"{path}/{i}", out, showing_only, max_children)


def by_id(app, ident, showing_only=False):
    stack = [app]
    while stack:
        acc = stack.pop()
        try:
            if acc.accessibleId == ident and (
                not showing_only or acc.getState().contains(pyatspi.STATE_SHOWING)
            ):
                return acc
            role = acc.getRoleName()
            if role in ("table", "tree table", "tree", "list"):
                continue  # ids we look for are never table cells
            stack.extend(c for c in (acc.getChildAtIndex(i) for i in range(acc.childCount)) if c)
        except Exception:
            continue
    raise KeyError(f"no accessible with id {ident!r}")


def focused_of(app):
    """The focused, showing accessible; closed combo popups (which claim focus) are skipped."""
    stack = [app]
    while stack:
        acc = stack.pop()
        try:
            st = acc.getState()
            if st.contains(pyatspi.STATE_FOCUSED) and st.contains(pyatspi.STATE_SHOWING):
                return acc
            if acc.getRoleName() == "combo box" or not st.contains(pyatspi.STATE_SHOWING):
                continue
            stack.extend(
                c for c in (acc.getChildAtIndex(i) for i in range(min(acc.childCount, 80))) if c
            )
        except Exception:
            continue
    return None


def problems_in(tree):
    """Heuristic checks a screen-reader user would notice."""
    out = []
    for n in tree:
        st = set(n["states"])
        if (
            "focusable" in st
            and "showing" in st
            and n["role"]
            in (
                "text", "password text", "push button", "check box", "radio button",
                "spin button", "slider", "table", "tree table", "list", "tree", "page tab",
                "toggle button", "entry", "combo box",
            )
            and not n["name"].strip()
        ):  # fmt: skip
            out.append({"problem": "focusable control without accessible name", **_where(n)})
        if n["role"] == "combo box" and "labelled by" not in n["relations"]:
            out.append(
                {
                    "problem": "combo box without label relation (Qt on Linux reports the "
                    "current item as its name)",
                    **_where(n),
                }
            )
        headers = n.get("table", {}).get("column_headers", [])
        if n["role"] in ("table", "tree table", "tree") and any(not h for h in headers):
            out.append({"problem": "table column without header text", **_where(n)})
    return out


def _where(n):
    return {k: n[k] for k in ("role", "name", "id", "path")}


class Probe(Keys):
    def __init__(self, app):
        self.app = app
        self.events = []
        self.mark = 0
        self.last_focus = None
        pyatspi.Registry.registerEventListener(self.on_event, *EVENT_TYPES)
        pump(0.2)

    def on_event(self, ev):
        data = ev.any_data
        if hasattr(data, "getRoleName"):
            data = brief(data)
        elif not isinstance(data, (str, int, float, type(None))):
            data = repr(data)
        if ev.type == "object:state-changed:focused" and ev.detail1 == 1:
            self.last_focus = ev.source  # what Orca (47+) tracks as the focus
        self.events.append(
            {
                "t": now(),
                "type": ev.type,
                "source": brief(ev.source),
                "detail1": ev.detail1,
                "any_data": data,
            }
        )

    def wait(self, check, what):
        end = time.monotonic() + WAIT_S
        while time.monotonic() < end:
            pump(0.05)
            if check():
                return
        raise TimeoutError(f"waited {WAIT_S} s for {what}")

    def step(self, step, delay):
        kind, _, arg = step.partition(":")
        if not kind.startswith("wait"):
            self.mark = len(self.events)  # waits look at events since the last action
        if kind == "key":
            self.key(arg)
        elif kind == "xfocus":  # no window manager under Xvfb: give X input focus ourselves
            subprocess.run(
                ["xdotool", "search", "--sync", "--onlyvisible", "--name", arg,
                 "windowfocus", "--sync"],
                check=True, timeout=WAIT_S, capture_output=True,
            )  # fmt: skip
        elif kind == "type":
            self.type_text(arg)
        elif kind == "focus":
            by_id(self.app, arg, True).queryComponent().grabFocus()
        elif kind == "action":
            ident, _, name = arg.partition(":")
            act = by_id(self.app, ident, True).queryAction()
            names = [act.getName(i) for i in range(act.nActions)]
            act.doAction(names.index(name) if name else 0)
        elif kind == "tab":
            self.tab_once()
        elif kind == "tabto":  # Tab until <id or name> has focus (40 presses at most)
            for _ in range(40):
                if self._focused_is(arg):
                    break
                self.tab_once()
            else:
                raise TimeoutError(f"Tab never reached {arg}")
        elif kind == "page":
            self.open_page(arg)
        elif kind == "sleep":
            delay = int(arg) / 1000
        elif kind == "waitid":
            self.wait(lambda: self._has(arg), f"{arg} showing")
            delay = 0
        elif kind == "waitfocus":
            self.wait(lambda: self._focused_is(arg), f"focus on {arg}")
            delay = 0
        elif kind == "waitevent":
            etype, _, text = arg.partition("|")
            self.wait(lambda: self._seen(self.mark, etype, text), f"event {arg}")
            delay = 0
        else:
            raise ValueError(f"unknown step {step!r}")
        pump(delay)

    def tab_once(self):
        """One Tab, then wait for the client's focus event on the control it moved to (the
        focus-in, detail1 = 1; the focus-out of the control left comes first and is not
        enough). A screen reader needs that event before the next key: Orca 43 drops a focus
        event when a newer one is queued behind it (tests/a11y/orca_harness.py waits for
        Orca too). Then a round trip to the client's GUI thread, so a second focus-in of the
        same key (a table's cell, then the table: pitfall 5) is in before the caller looks."""
        mark = len(self.events)
        press("Tab")
        self.wait(lambda: self._focus_in(mark) is not None, "focus to move on Tab")
        self.settle()
        pump(0.01)

    def _focus_in(self, mark):
        """The last focus-in event since ``mark``, or None."""
        for e in reversed(self.events[mark:]):
            if e["type"] == "object:state-changed:focused" and e["detail1"] == 1:
                return e
        return None

    def wait_quiet(self, quiet, limit=WAIT_S):
        """Until no event came from the client for ``quiet`` seconds (``limit`` at most)."""
        end = time.monotonic() + limit
        count, since = len(self.events), time.monotonic()
        while time.monotonic() < end:
            pump(0.03)
            if len(self.events) != count:
                count, since = len(self.events), time.monotonic()
            elif time.monotonic() - since >= quiet:
                return

    def _focus_role(self, role):
        try:
            return self.last_focus is not None and self.last_focus.getRoleName() == role
        except Exception:
            return False

    def _has(self, ident):
        try:
            by_id(self.app, ident, True)
            return True
        except KeyError:
            return False

    def _focused_is(self, what):
        acc = self.last_focus
        try:
            return acc is not None and what in (acc.accessibleId, acc.name)
        except Exception:
            return False

    def _seen(self, mark, etype, text):
        for e in self.events[mark:]:
            if not e["type"].startswith(etype):
                continue
            hay = [str(e["any_data"])]
            if isinstance(e["source"], dict):
                hay += [str(e["source"].get("name")), str(e["source"].get("id"))]
            if not text or any(text in h for h in hay):
                return True
        return False

    def run_steps(self, steps, delay_ms):
        # Events that came between two commands (a timer in the client, a late announcement)
        # are kept and answered with this command: never dropped.
        pump(0.05)
        self.mark = len(self.events)
        started = now()
        for step in steps:
            self.events.append({"t": now(), "type": "STEP", "step": step})
            try:
                self.step(step, delay_ms / 1000)
            except Exception as exc:
                self.events.append({"t": now(), "type": "STEP-ERROR", "error": repr(exc)})
                break
        pump(delay_ms / 1000)
        return {"events": self.take(), "seconds": round(now() - started, 3)}

    def take(self):
        """The events not yet answered (and forget them)."""
        events, self.events = self.events, []
        self.mark = 0
        return events

    def tree(self, root, showing):
        acc = by_id(self.app, root, True) if root else self.app
        out = []
        walk(acc, root or "", out, showing)
        return {"tree": out, "problems": problems_in(out)}

    def handle(self, cmd):
        op = cmd.get("op")
        if op == "tree":
            return self.tree(cmd.get("root"), cmd.get("showing", True))
        if op == "steps":
            return self.run_steps(cmd.get("steps", []), cmd.get("delay_ms", 150))
        if op == "events":
            pump(cmd.get("seconds", 0.1))
            return {"events": self.take()}
        if op == "showing":
            pump(0.05)
            return {"showing": self._has(cmd["id"])}
        if op == "focused":
            pump(0.05)
            acc = self.last_focus or focused_of(self.app)
            return {"focused": node(acc, "") if acc is not None else None}
        raise ValueError(f"unknown op {op!r}")


def serve(probe):
    print(json.dumps({"ready": True, "found_after_s": now()}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        cmd = json.loads(line)
        if cmd.get("op") == "quit":
            break
        try:
            answer = probe.handle(cmd)
        except Exception as exc:
            answer = {"error": repr(exc)}
        print(json.dumps(answer, ensure_ascii=False), flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--app", required=True)
    ap.add_argument("--serve", action="store_true")
    ap.add_argument("--step", action="append", default=[])
    ap.add_argument("--step-delay-ms", type=int, default=300)
    ap.add_argument("--timeout", type=float, default=20.0)
    args = ap.parse_args()

    app = find_app(args.app, args.timeout)
    probe = Probe(app)
    if args.serve:
        serve(probe)
        return
    result = {"app": args.app, "found_after_s": now()}
    result.update(probe.tree(None, False))
    result.update(probe.run_steps(args.step, args.step_delay_ms))
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
