"""The monthly review's hand-computed dataset, shared by the review's tests.

The dataset (November 2026 unless said):
  p1 Revenue LKO A · p2 Revenue LKO C · p3 Revenue AGR D · p4 Basic Education AGR B ·
  p5 Basic Education LKO C · p6 Health, no district, no group · p7 Revenue, deleted.
  W1 prog K (100 %), institute TST, mode institute, 03–04 Nov, sessions 03 and 04 Nov;
     enrolled p1 p2 p3 p4 p7, p5 withdrawn; marks p1 present ×2, p2 present+absent,
     p3 late ×2, p7 present ×2 → attended p1 p2 p3, completed p1 p3.
  W2 prog M (50 %), institute XYZ, mode field, 28 Nov – 02 Dec, sessions 28 Nov and 01 Dec;
     enrolled p1 p5; p1 present 28 Nov, p5 present 01 Dec (not in November) → attended p1;
     still running on 30 Nov → no completions.
  W3 prog K, institute TST, 01–02 Oct, one session; p4 p5 present → both complete in October.
  Certificates: p1/W1 issued 05 Nov; p3/W1 issued 01 Dec (too late for November);
     p2/W1 issued 10 Nov but superseded by one issued 02 Dec; p4/W3 05 Oct; p5/W3 revoked.
"""

from __future__ import annotations


def _people(store):
    rows = [
        ("p1", "Revenue", "LKO", "A"),
        ("p2", "Revenue", "LKO", "C"),
        ("p3", "Revenue", "AGR", "D"),
        ("p4", "Basic Education", "AGR", "B"),
        ("p5", "Basic Education", "LKO", "C"),
        ("p6", "Health", None, None),
        ("p7", "Revenue", "LKO", "A"),
    ]
    ids = {}
    for name, dept, district, group in rows:
        ids[name] = store.insert(
            "participant",
            {
                "name_en": name,
                "department": dept,
                "district_code": district,
                "service_group": group,
            },
        )
    return ids


def _workshop(store, prog, institute, mode, start, end, sessions):
    wid = store.insert(
        "workshop",
        {
            "programme_id": prog,
            "institute_code": institute,
            "title_en": f"W {start}",
            "title_hi": f"कार्यशाला {start}",
            "mode": mode,
            "start_date": start,
            "end_date": end,
        },
    )
    sids = [
        store.insert("session", {"workshop_id": wid, "date": d, "start_time": "10:00"})
        for d in sessions
    ]
    return wid, sids


def _enrol(store, wid, pid, status="enrolled"):
    store.insert(
        "enrolment",
        {"workshop_id": wid, "participant_id": pid, "source": "nominated", "status": status},
    )


def _mark(store, sid, pid, status):
    store.insert("attendance", {"session_id": sid, "participant_id": pid, "status": status})


def _cert(store, number, pid, wid, issued, revoked=None, supersedes=None):
    return store.insert(
        "certificate",
        {
            "number": number,
            "participant_id": pid,
            "workshop_id": wid,
            "issued_at": issued,
            "revoked_at": revoked,
            "supersedes": supersedes,
        },
    )


def build_dataset(store):
    store.conn.execute(
        "INSERT INTO institute(code, name_en, name_hi) VALUES ('XYZ', 'Xyz Centre', 'एक्सवाईज़ेड')"
    )
    k = store.insert(
        "programme",
        {
            "code": "K",
            "title_en": "Karma",
            "title_hi": "कर्म",
            "hours": 6,
            "min_attendance_pct": 100,
        },
    )
    m = store.insert(
        "programme", {"code": "M", "title_en": "Mission", "hours": 6, "min_attendance_pct": 50}
    )
    p = _people(store)
    w1, (s1, s2) = _workshop(
        store, k, "TST", "institute", "2026-11-03", "2026-11-04", ["2026-11-03", "2026-11-04"]
    )
    for name in ("p1", "p2", "p3", "p4", "p7"):
        _enrol(store, w1, p[name])
    _enrol(store, w1, p["p5"], "withdrawn")
    for sid in (s1, s2):
        _mark(store, sid, p["p1"], "present")
        _mark(store, sid, p["p3"], "late")
        _mark(store, sid, p["p7"], "present")
        _mark(store, sid, p["p5"], "present")  # withdrawn: never counts
    _mark(store, s1, p["p2"], "present")
    _mark(store, s2, p["p2"], "absent")
    store.delete("participant", p["p7"])

    w2, (s3, s4) = _workshop(
        store, m, "XYZ", "field", "2026-11-28", "2026-12-02", ["2026-11-28", "2026-12-01"]
    )
    _enrol(store, w2, p["p1"])
    _enrol(store, w2, p["p5"])
    _mark(store, s3, p["p1"], "present")
    _mark(store, s4, p["p5"], "present")

    w3, (s5,) = _workshop(store, k, "TST", "institute", "2026-10-01", "2026-10-02", ["2026-10-01"])
    for name in ("p4", "p5"):
        _enrol(store, w3, p[name])
        _mark(store, s5, p[name], "present")

    _cert(store, "C1", p["p1"], w1, "2026-11-05T06:00:00Z")
    _cert(store, "C2", p["p3"], w1, "2026-12-01T06:00:00Z")
    old = _cert(store, "C3", p["p2"], w1, "2026-11-10T06:00:00Z")
    _cert(store, "C4", p["p2"], w1, "2026-12-02T06:00:00Z", supersedes=old)
    _cert(store, "C5", p["p4"], w3, "2026-10-05T06:00:00Z")
    _cert(store, "C6", p["p5"], w3, "2026-10-05T06:00:00Z", revoked="2026-10-20T06:00:00Z")
    return store, {"K": k, "M": m, "W1": w1, "W2": w2, "W3": w3}
