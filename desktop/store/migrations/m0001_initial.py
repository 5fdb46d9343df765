"""The first schema: the synced kinds of SYNC-PROTOCOL.md §4, the change log, reference data.

Synced tables carry `id` (UUID), `updated_at`, `origin`, `deleted` and one column per data
field. References between synced rows are plain ids without FOREIGN KEY constraints on purpose:
records arrive by sync and USB bundle in any order and from other desks, and a missing parent
must not make a whole batch fail. Local tables do use foreign keys.

The change log is filled by triggers, so no write path can forget it: every insert, and every
update that makes a new version (a new `updated_at` or `origin`), appends one row in the same
transaction."""

from __future__ import annotations

import csv

from sqlite_utils import Database

from desktop.paths import resource_path
from desktop.protocol.records import KIND_FIELDS
from desktop.store.sql import run_script

_ENVELOPE = """
    id TEXT PRIMARY KEY NOT NULL,
    updated_at TEXT NOT NULL,
    origin TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))"""

_TABLES = {
    "participant": """
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    updated_at TEXT NOT NULL,
    origin TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    name_en TEXT NOT NULL, name_hi TEXT, employee_code TEXT, igot_user_id TEXT,
    designation TEXT, department TEXT, district_code TEXT, mobile TEXT, email TEXT,
    gender TEXT, service_group TEXT,
    name_latin TEXT NOT NULL DEFAULT ''""",
    "programme": _ENVELOPE
    + """,
    code TEXT, title_en TEXT, title_hi TEXT, igot_course_id TEXT, hours REAL,
    min_attendance_pct INTEGER""",
    "workshop": _ENVELOPE
    + """,
    programme_id TEXT, institute_code TEXT, title_en TEXT, title_hi TEXT, mode TEXT,
    venue TEXT, district_code TEXT, department TEXT, start_date TEXT, end_date TEXT,
    trainers TEXT, igot_course_id TEXT, igot_batch_id TEXT""",
    "session": _ENVELOPE
    + """,
    workshop_id TEXT, date TEXT, start_time TEXT, end_time TEXT, topic_en TEXT,
    topic_hi TEXT, trainer TEXT, igot_session_id TEXT""",
    "enrolment": _ENVELOPE
    + """,
    workshop_id TEXT, participant_id TEXT, source TEXT, status TEXT""",
    "attendance": _ENVELOPE
    + """,
    session_id TEXT, participant_id TEXT, status TEXT, marked_at TEXT, method TEXT,
    marked_by TEXT""",
    "field_visit": _ENVELOPE
    + """,
    district_code TEXT, office TEXT, department TEXT, visit_date TEXT, purpose TEXT,
    team TEXT, people_met INTEGER, participant_ids TEXT, findings TEXT,
    action_points TEXT, attachments TEXT""",
    "certificate": _ENVELOPE
    + """,
    number TEXT, participant_id TEXT, workshop_id TEXT, issued_at TEXT, pdf_sha256 TEXT,
    qr TEXT, revoked_at TEXT, revocation_reason TEXT, supersedes TEXT""",
}

_INDEXES = """
CREATE INDEX participant_employee_code ON participant(employee_code);
CREATE INDEX participant_igot_user_id ON participant(igot_user_id);
CREATE INDEX participant_mobile ON participant(mobile);
CREATE INDEX workshop_start ON workshop(start_date);
CREATE INDEX session_workshop ON session(workshop_id, date, start_time);
CREATE INDEX enrolment_workshop ON enrolment(workshop_id, participant_id);
CREATE INDEX enrolment_participant ON enrolment(participant_id);
CREATE UNIQUE INDEX attendance_session_participant ON attendance(session_id, participant_id);
CREATE INDEX attendance_participant ON attendance(participant_id);
CREATE INDEX field_visit_district_date ON field_visit(district_code, visit_date);
CREATE UNIQUE INDEX certificate_number ON certificate(number);
CREATE INDEX certificate_participant ON certificate(participant_id, workshop_id);
"""

# Search as you type: prefix indexes, and a tokenizer that keeps Devanagari vowel signs and
# the virama inside words (GOTCHAS.md: the default splits राम into र + म).
_FTS = """
CREATE VIRTUAL TABLE participant_fts USING fts5(
    name_en, name_hi, name_latin, employee_code, mobile,
    content='participant', content_rowid='seq',
    tokenize="unicode61 remove_diacritics 2 categories 'L* N* Co M*'",
    prefix='2 3 4'
);
CREATE TRIGGER participant_fts_insert AFTER INSERT ON participant BEGIN
    INSERT INTO participant_fts(rowid, name_en, name_hi, name_latin, employee_code, mobile)
    VALUES (new.seq, new.name_en, new.name_hi, new.name_latin, new.employee_code, new.mobile);
END;
CREATE TRIGGER participant_fts_delete AFTER DELETE ON participant BEGIN
    INSERT INTO participant_fts(participant_fts, rowid, name_en, name_hi, name_latin,
                                employee_code, mobile)
    VALUES ('delete', old.seq, old.name_en, old.name_hi, old.name_latin, old.employee_code,
            old.mobile);
END;
CREATE TRIGGER participant_fts_update AFTER UPDATE OF name_en, name_hi, name_latin,
        employee_code, mobile ON participant BEGIN
    INSERT INTO participant_fts(participant_fts, rowid, name_en, name_hi, name_latin,
                                employee_code, mobile)
    VALUES ('delete', old.seq, old.name_en, old.name_hi, old.name_latin, old.employee_code,
            old.mobile);
    INSERT INTO participant_fts(rowid, name_en, name_hi, name_latin, employee_code, mobile)
    VALUES (new.seq, new.name_en, new.name_hi, new.name_latin, new.employee_code, new.mobile);
END;
"""

_LOCAL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE change_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin TEXT NOT NULL,
    logged_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'batched', 'acked', 'foreign', 'superseded'))
);
CREATE INDEX change_log_state ON change_log(state, seq);
CREATE INDEX change_log_record ON change_log(kind, record_id);
CREATE TABLE district (
    code TEXT PRIMARY KEY, name_en TEXT NOT NULL, name_hi TEXT NOT NULL,
    division_en TEXT NOT NULL
);
CREATE TABLE department (
    code TEXT PRIMARY KEY, name_en TEXT NOT NULL, name_hi TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE institute (
    code TEXT PRIMARY KEY, name_en TEXT NOT NULL, name_hi TEXT,
    is_self INTEGER NOT NULL DEFAULT 0,
    district_code TEXT REFERENCES district(code)
);
"""

STARTER_DEPARTMENTS = (
    ("REV", "Revenue", "राजस्व"),
    ("HLT", "Medical Health and Family Welfare", "चिकित्सा स्वास्थ्य एवं परिवार कल्याण"),
    ("EDU", "Basic Education", "बेसिक शिक्षा"),
    ("PRD", "Panchayati Raj", "पंचायती राज"),
    ("RDV", "Rural Development", "ग्राम्य विकास"),
    ("AGR", "Agriculture", "कृषि"),
    ("HOM", "Home (Police)", "गृह (पुलिस)"),
    ("FIN", "Finance", "वित्त"),
    ("PWD", "Public Works", "लोक निर्माण"),
    ("SWD", "Social Welfare", "समाज कल्याण"),
    ("WCD", "Women and Child Development", "महिला एवं बाल विकास"),
    ("UDV", "Urban Development", "नगर विकास"),
    ("FSD", "Food and Civil Supplies", "खाद्य एवं रसद"),
    ("IRR", "Irrigation and Water Resources", "सिंचाई एवं जल संसाधन"),
    ("PER", "Personnel (Karmik)", "कार्मिक"),
)


# Versions made on this desk are pending until the portal acknowledges them; versions that came
# from elsewhere (pull, bundle) are logged as 'foreign' and never sent back.
_STATE = (
    "CASE WHEN new.origin = (SELECT value FROM meta WHERE key = 'device_id') "
    "THEN 'pending' ELSE 'foreign' END"
)


def _log_triggers(kind: str) -> str:
    return f"""
CREATE TRIGGER {kind}_log_insert AFTER INSERT ON {kind} BEGIN
    INSERT INTO change_log(kind, record_id, updated_at, origin, state)
    VALUES ('{kind}', new.id, new.updated_at, new.origin, {_STATE});
END;
CREATE TRIGGER {kind}_log_update AFTER UPDATE ON {kind}
    WHEN new.updated_at IS NOT old.updated_at OR new.origin IS NOT old.origin BEGIN
    INSERT INTO change_log(kind, record_id, updated_at, origin, state)
    VALUES ('{kind}', new.id, new.updated_at, new.origin, {_STATE});
END;
"""


def migrate(db: Database) -> None:
    assert set(_TABLES) <= set(KIND_FIELDS)  # later kinds come with their own migration
    for kind, columns in _TABLES.items():
        db.execute(f"CREATE TABLE {kind} ({columns})")
        run_script(db, _log_triggers(kind))
    run_script(db, _INDEXES + _LOCAL + _FTS)
    with resource_path("data", "up-districts.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    db.conn.executemany(
        "INSERT INTO district(code, name_en, name_hi, division_en) VALUES (?, ?, ?, ?)",
        [(r["code"], r["name_en"], r["name_hi"], r["division_en"]) for r in rows],
    )
    db.conn.executemany(
        "INSERT INTO department(code, name_en, name_hi) VALUES (?, ?, ?)", STARTER_DEPARTMENTS
    )
