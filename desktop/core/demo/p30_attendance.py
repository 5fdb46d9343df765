"""Demo part: attendance marks with their history. Sessions before now are fully marked (and
closed when the day is over); today's running session is half marked, so the desk has work."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import Any

from desktop.core.attendance import attendance_id
from desktop.protocol.ids import format_ts
from desktop.store import Store
from desktop.store.bulk import insert_many


def seed(store: Store, rng: random.Random, context: dict[str, Any]) -> None:
    today = date.fromisoformat(context.get("today") or date.today().isoformat())
    now = datetime.now()
    if now.date() != today:
        now = datetime.combine(today, datetime.min.time()).replace(hour=12)
    marks = 0
    with store.transaction():
        device = store.device_id
        for workshop in context.get("workshops", []):
            people = [
                r[0]
                for r in store.conn.execute(
                    "SELECT participant_id FROM enrolment WHERE workshop_id = ? AND "
                    "status = 'enrolled' AND deleted = 0 ORDER BY participant_id",
                    (workshop["id"],),
                )
            ]
            reliability = {p: rng.choice((0.55, 0.8, 0.95, 1.0, 1.0)) for p in people}
            for sid in workshop["sessions"]:
                session = store.require("session", sid)
                start = datetime.fromisoformat(f"{session['date']}T{session['start_time']}")
                if start > now:
                    continue
                running = session["date"] == today.isoformat() and now < datetime.fromisoformat(
                    f"{session['date']}T{session['end_time']}"
                )
                rows, ids, history = [], [], []
                for p in people:
                    if running and rng.random() < 0.5:
                        continue
                    roll = rng.random()
                    if roll < reliability[p]:
                        late = rng.random() < 0.12
                        status = "late" if late else "present"
                        minutes = rng.randint(16, 50) if late else rng.randint(-25, 10)
                        method = "scan" if rng.random() < 0.85 else "search"
                    elif roll < reliability[p] + 0.08:
                        status, minutes, method = "excused", 0, "search"
                    else:
                        if running:
                            continue
                        status, minutes, method = "absent", 120, "bulk"
                    at = (start + timedelta(minutes=minutes)).astimezone()
                    stamp = format_ts(at)
                    att = attendance_id(sid, p)
                    rows.append(
                        {
                            "session_id": sid,
                            "participant_id": p,
                            "status": status,
                            "marked_at": stamp,
                            "method": method,
                            "marked_by": "demo desk",
                        }
                    )
                    ids.append(att)
                    history.append(
                        (
                            att,
                            sid,
                            p,
                            "bulk" if method == "bulk" else "mark",
                            status,
                            stamp,
                            method,
                            "demo desk",
                            "Demo desk",
                            device,
                        )
                    )
                insert_many(store, "attendance", rows, ids=ids)
                store.conn.executemany(
                    "INSERT INTO attendance_history(attendance_id, session_id, participant_id, "
                    "action, status, marked_at, method, marked_by, desk, device_id, version) "
                    "SELECT ?,?,?,?,?,?,?,?,?,?, updated_at FROM attendance WHERE id = ?",
                    [(*h, h[0]) for h in history],
                )
                marks += len(rows)
                if not running and session["date"] < today.isoformat():
                    store.conn.execute(
                        "INSERT OR IGNORE INTO session_close(session_id, closed_at, closed_by) "
                        "VALUES (?, ?, ?)",
                        (sid, format_ts(start.astimezone() + timedelta(hours=2)), "demo desk"),
                    )
    context["attendance_marks"] = marks
