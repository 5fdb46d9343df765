"""Linking workshops, sessions and people to iGOT; settings kept outside the database."""

from __future__ import annotations

import stat

import pytest

from desktop.core.igot import settings as igot_settings
from desktop.core.igot.linking import (
    LinkError,
    apply_matches,
    link_workshop,
    match_users,
    missing,
    parse_session_links,
)
from desktop.core.sync.keys import keys_dir
from tests.igot.helpers import make_workshop, person


def test_link_stores_ids_and_refuses_bad_ones_without_change(store):
    ws, sids = make_workshop(store, course=None, batch=None)
    out = link_workshop(store, ws, "do_123", "B1", {sids[0]: "do_s1"})
    assert out["changed"] == 2
    assert store.get("workshop", ws)["igot_batch_id"] == "B1"
    assert store.get("session", sids[0])["igot_session_id"] == "do_s1"
    other, other_sids = make_workshop(store)
    with pytest.raises(LinkError, match="not a session of workshop"):
        link_workshop(store, ws, "do_999", "B9", {other_sids[0]: "do_x"})
    with pytest.raises(LinkError, match="start with do_"):
        link_workshop(store, ws, "123", "B9")
    with pytest.raises(LinkError, match="iGOT batch id"):
        link_workshop(store, ws, "do_999", "B 9")
    assert store.get("workshop", ws)["igot_course_id"] == "do_123"  # unchanged
    with pytest.raises(LinkError, match="SESSION_ID=DO_ID"):
        parse_session_links(["abc"])


def test_missing_lists_sessions_and_people_without_ids(store):
    ws, sids = make_workshop(store)
    store.update("session", sids[1], {"igot_session_id": None})
    with_id, without = person(store, 1), person(store, 2, igot=False)
    for pid in (with_id, without):
        store.insert("enrolment", {"workshop_id": ws, "participant_id": pid,
                                   "source": "nominated", "status": "enrolled"})
    gaps = missing(store, ws)
    assert [s["session_id"] for s in gaps["sessions_without_id"]] == [sids[1]]
    assert [p["participant_id"] for p in gaps["participants_without_id"]] == [without]


def test_matching_lists_ambiguous_never_guesses(store):
    a = person(store, 1, igot=False)
    b = person(store, 2, igot=False)
    c = person(store, 3, igot=False, mobile="9999999999")
    d = person(store, 4, igot=False, mobile="9999999999")
    held = person(store, 5)  # holds uid-00005 already
    report = match_users(store, [
        {"userId": "U1", "employee_code": "emp00001"},          # a, by code (any case)
        {"userId": "U2", "email": "L2@UP.GOV.IN"},                # b, by e-mail
        {"userId": "U3", "mobile": "+91 99999 99999"},            # c or d: ambiguous
        {"userId": "U5", "employee_code": "EMP00005"},            # held has another id
        {"userId": "U6", "employee_code": "NOBODY"},
        {"userId": "U7", "employee_code": "EMP00002"},            # b again, other user
    ])
    assert [(m.participant_id, m.igot_user_id, m.by) for m in report.matched] == [
        (a, "U1", "employee_code")]
    reasons = {tuple(x.get("participant_ids") or [x.get("participant_id")]): x["reason"]
               for x in report.ambiguous}
    assert reasons[tuple(sorted([c, d]))] == "several participants match"
    assert reasons[(b,)] == "several iGOT users match this participant"
    assert reasons[(held,)].startswith("already holds iGOT id uid-00005")
    assert [u["userId"] for u in report.unmatched] == ["U6"]
    assert apply_matches(store, report.matched) == 1
    assert store.get("participant", a)["igot_user_id"] == "U1"
    assert store.get("participant", b)["igot_user_id"] is None


def test_secrets_live_in_private_files_not_in_the_database(tmp_path, db_path):
    from desktop.store import open_store

    with open_store(db_path) as s:
        with pytest.raises(igot_settings.SettingsError, match="base URL"):
            igot_settings.save(s, api_key="K", token="T")
        with pytest.raises(igot_settings.SettingsError, match="plain http"):
            igot_settings.save(s, base_url="http://igot.example/api", api_key="K", token="T")
        igot_settings.save(s, base_url="https://igot.example/api/course/",
                           api_key="SECRET-API-KEY-1", token="SECRET-TOKEN-2")
        loaded = igot_settings.load(s)
        assert loaded.base_url == "https://igot.example/api/course"
        assert "SECRET" not in repr(loaded) and "SECRET" not in str(loaded)
        folder = keys_dir(s)
    for name in ("igot-api-key", "igot-token"):
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600
    for f in tmp_path.glob("desk.db*"):
        if f.is_file():
            assert b"SECRET-" not in f.read_bytes(), f
