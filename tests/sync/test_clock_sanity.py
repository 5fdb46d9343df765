"""A wrong laptop clock is noticed and said in words (issue 11, clock sanity): against the
portal's `Date`, against another desk's bundle, and against the newest stamp this database
holds; marks and certificates made meanwhile carry a note in their history."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from desktop.core import clock
from desktop.core.attendance import Desk, history_for
from desktop.core.certificates.issue import issue_certificates
from desktop.protocol.ids import set_wall_clock
from desktop.store import open_store
from tests.attendance.helpers import workshop_with_people
from tests.certificates.certdata import make_workshop
from tests.sync.conftest import make_desk


@pytest.fixture
def wrong_clock():
    """Set this laptop's clock `offset` away from the real time for the rest of the test."""
    previous = []

    def set_offset(offset: timedelta) -> None:
        previous.append(set_wall_clock(lambda: datetime.now(timezone.utc) + offset))

    yield set_offset
    if previous:
        set_wall_clock(previous[0])


def test_portal_date_hours_away_warns_on_sync_and_in_status_then_clears(
    tmp_path, ref_portal, cli, wrong_clock
):
    db = tmp_path / "desk.db"
    make_desk(db, ref_portal, ref_portal.url).close()
    wrong_clock(timedelta(hours=-5))  # this laptop lives five hours in the past
    code, out, err = cli("--db", db, "sync")
    assert code == 0, err
    assert "clock seems to be 4 hours behind the portal" in out or (
        "clock seems to be 5 hours behind the portal" in out
    )
    code, out, _ = cli("--db", db, "--json", "sync", "status")
    warnings = json.loads(out)["clock_warnings"]
    assert [(w["kind"], w["source"]) for w in warnings] == [("skew", "portal")]
    assert -5 * 3600 - 60 < warnings[0]["seconds"] < -5 * 3600 + 60
    wrong_clock(timedelta(0))  # the clock is set right
    code, out, _ = cli("--db", db, "sync")
    assert code == 0 and "Warning" not in out
    code, out, _ = cli("--db", db, "--json", "sync", "status")
    assert json.loads(out)["clock_warnings"] == []


def test_a_few_seconds_of_drift_is_not_a_warning(tmp_path, ref_portal, cli, wrong_clock):
    db = tmp_path / "desk.db"
    make_desk(db, ref_portal, ref_portal.url).close()
    wrong_clock(timedelta(seconds=40))
    code, out, _ = cli("--db", db, "sync")
    assert code == 0 and "Warning" not in out


def test_clock_set_back_is_noticed_and_marks_are_flagged(store, wrong_clock):
    day = date.today()
    _, sessions, people = workshop_with_people(store, day, 3)
    desk = Desk(store, sessions[0])
    assert desk.mark(people[0], check_window=False).attendance_id
    assert clock.check(store) == []
    wrong_clock(timedelta(days=-2 * 365))  # a flat CMOS battery
    [warning] = clock.check(store)
    assert warning.kind == "behind_database" and warning.seconds < -365 * 86400
    assert "clock was set back" in warning.message()
    assert "years later" in warning.message() or "year later" in warning.message()
    desk = Desk(store, sessions[0])
    result = desk.mark(people[1], check_window=False)
    assert result.attendance_id
    [entry] = history_for(store, people[1])
    assert entry["clock_note"] and "behind_database" in entry["clock_note"]
    # the version it wrote still goes above everything the database held
    assert store.get("attendance", result.attendance_id)["updated_at"] >= warning.reference


def test_marks_with_a_right_clock_carry_no_note(store):
    day = date.today()
    _, sessions, people = workshop_with_people(store, day, 2)
    result = Desk(store, sessions[0]).mark(people[0], check_window=False)
    [entry] = history_for(store, people[0])
    assert result.attendance_id and entry["clock_note"] is None


def test_certificates_issued_while_the_clock_is_wrong_are_flagged(db_path, wrong_clock):
    from desktop.core.certificates import keys

    with open_store(db_path) as store:
        keys.ensure_signing_key(store)
        ws = make_workshop(store)
        clock.observe(store, "portal", datetime.now(timezone.utc) + timedelta(days=3))
        result = issue_certificates(store, ws["workshop"])
        assert result.issued
        notes = {r[0] for r in store.conn.execute("SELECT clock_note FROM certificate_file")}
        assert len(notes) == 1 and "skew" in notes.pop()


def test_bundle_from_the_future_warns_an_old_one_does_not(store):
    now = datetime.now(timezone.utc)
    old = (now - timedelta(days=9)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    assert clock.observe_creation(store, "bundle", old) is None
    assert clock.check(store) == []
    future = (now + timedelta(hours=6)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    warning = clock.observe_creation(store, "bundle", future)
    assert warning is not None and warning.source == "bundle"
    assert "behind a bundle from another desk" in warning.message()
    assert clock.check(store)[0].source == "bundle"


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(59, "59 seconds"), (61, "1 minute"), (7200, "2 hours"), (3 * 86400, "3 days"),
     (2 * 365 * 86400 + 5, "2 years")],
)
def test_durations_in_words(seconds, words):
    assert clock.describe_duration(seconds) == words


def test_bundle_and_receipt_made_by_a_clock_ahead_warn_on_import(tmp_path, wrong_clock):
    """The field desk's clock runs six hours ahead: its bundle looks made in the future here,
    and the relay desk says so; the relay's receipt, made with the right clock, then looks
    six hours old to the field desk, which says nothing (files travel for days)."""
    from desktop.core.centre import init_centre
    from desktop.core.sync.bundle import export_bundle, import_bundle
    from desktop.core.sync.receipt import export_receipt, import_receipt, own_fingerprint

    field, relay = open_store(tmp_path / "field.db"), open_store(tmp_path / "relay.db")
    try:
        for desk in (field, relay):
            init_centre(desk, "TST", "Test Institute", "परीक्षण संस्थान")
        wrong_clock(timedelta(hours=6))
        field.insert("participant", {"name_en": "Asha"})
        export_bundle(field, tmp_path / "field.kdbundle")
        wrong_clock(timedelta(0))
        summary = import_bundle(relay, tmp_path / "field.kdbundle",
                                trust_fingerprint=own_fingerprint(field))
        warning = summary["clock_warning"]
        assert warning["source"] == "bundle" and warning["seconds"] < -5 * 3600
        assert "behind a bundle from another desk" in warning["message"]
        # the bundle said so, and the record it brought is newer than this clock too
        assert sorted(w.source for w in clock.check(relay)) == ["bundle", "database"]
        export_receipt(relay, tmp_path / "back.kdreceipt", field.device_id)
        wrong_clock(timedelta(hours=6))
        got = import_receipt(field, tmp_path / "back.kdreceipt",
                             trust_fingerprint=own_fingerprint(relay))
        assert got["clock_warning"] is None
    finally:
        field.close()
        relay.close()


def test_cli_bundle_import_prints_the_clock_warning(tmp_path, cli, wrong_clock):
    from desktop.core.centre import init_centre
    from desktop.core.sync.bundle import export_bundle
    from desktop.core.sync.receipt import own_fingerprint

    field_db, relay_db = tmp_path / "field.db", tmp_path / "relay.db"
    for path in (field_db, relay_db):
        with open_store(path) as desk:
            init_centre(desk, "TST", "Test Institute", "परीक्षण संस्थान")
    wrong_clock(timedelta(hours=50))
    with open_store(field_db) as field:
        field.insert("participant", {"name_en": "Asha"})
        export_bundle(field, tmp_path / "f.kdbundle")
        fingerprint = own_fingerprint(field)
    wrong_clock(timedelta(0))
    code, out, err = cli("--db", relay_db, "bundle", "import", tmp_path / "f.kdbundle",
                         "--trust-signer", fingerprint)
    assert code == 0, err
    assert "Warning: This laptop's clock seems to be 2 days behind a bundle" in out
