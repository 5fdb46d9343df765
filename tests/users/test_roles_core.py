"""Every protected action is refused by the core itself for a role below it (issue 16).

Each action is called directly on the core as a user of each role. A role below the one the
permission table names gets `AccessDenied` naming the role needed; a role at or above it gets
past the check (the call may still fail on its dummy arguments, but not for want of a role)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from desktop.core import completion, enrolment, field_visits, nodal, people, setup, workshops
from desktop.core.attendance import Desk, close_session, save_settings, undo_mark
from desktop.core.certificates import issue, keys
from desktop.core.field_visits import writing
from desktop.core.field_workshops import plan_field_workshop
from desktop.core.igot import files as igot_files
from desktop.core.igot import forward as igot_forward
from desktop.core.igot import linking
from desktop.core.igot import settings as igot_settings
from desktop.core.roster.importer import import_roster
from desktop.core.sync import bundle, outbox, receipt, trust
from desktop.core.sync import enrol as sync_enrol
from desktop.core.sync.engine import SyncEngine
from desktop.core.users import (
    AccessDenied,
    Permission,
    Role,
    add_user,
    list_users,
    reset_pin,
    set_disabled,
    set_role,
)
from tests.attendance.helpers import plan, programme

assert field_visits  # the package the writing module belongs to

NAMES = {Role.OPERATOR: "Om", Role.TRAINER: "Tara", Role.COORDINATOR: "Kavita", Role.ADMIN: "Asha"}
X = "01900000-0000-7000-8000-000000000000"  # an id that is nowhere

#: the issue's table, written out once more: the test fails if permissions.py drifts from it
EXPECTED_ROLE = {
    Permission.MARK_ATTENDANCE: Role.OPERATOR,
    Permission.WALK_IN: Role.OPERATOR,
    Permission.EDIT_WORKSHOPS: Role.TRAINER,
    Permission.ENROL: Role.TRAINER,
    Permission.FIELD_VISITS: Role.TRAINER,
    Permission.EDIT_PARTICIPANTS: Role.TRAINER,
    Permission.IMPORT_ROSTER: Role.COORDINATOR,
    Permission.COMPLETION_RULES: Role.COORDINATOR,
    Permission.ISSUE_CERTIFICATES: Role.COORDINATOR,
    Permission.REVOKE_CERTIFICATES: Role.COORDINATOR,
    Permission.SYNC: Role.COORDINATOR,
    Permission.BUNDLES: Role.COORDINATOR,
    Permission.IGOT: Role.COORDINATOR,
    Permission.NODAL_OFFICERS: Role.COORDINATOR,
    Permission.VENUE: Role.COORDINATOR,
    Permission.VIEW_AUDIT: Role.COORDINATOR,
    Permission.MANAGE_USERS: Role.ADMIN,
    Permission.KEYS: Role.ADMIN,
    Permission.SETTINGS: Role.ADMIN,
    Permission.RESTORE: Role.ADMIN,
}


def test_the_permission_table_is_the_issues():
    assert {p: p.role for p in Permission} == EXPECTED_ROLE


Action = Callable[..., object]


def _session_id(store) -> str:
    return store.conn.execute("SELECT id FROM session LIMIT 1").fetchone()[0]


def _workshop_id(store) -> str:
    return store.conn.execute("SELECT id FROM workshop LIMIT 1").fetchone()[0]


#: (name, permission, call(store, tmp_path))
ACTIONS: list[tuple[str, Permission, Action]] = [
    ("mark", Permission.MARK_ATTENDANCE, lambda s, t: Desk(s, _session_id(s)).mark(X)),
    ("undo mark", Permission.MARK_ATTENDANCE, lambda s, t: undo_mark(s, 10**9)),
    ("close session", Permission.MARK_ATTENDANCE, lambda s, t: close_session(s, _session_id(s))),
    ("reopen session", Permission.MARK_ATTENDANCE, lambda s, t: Desk(s, _session_id(s)).reopen()),
    (
        "walk-in",
        Permission.WALK_IN,
        lambda s, t: enrolment.register_walk_in(s, X, enrolment.WalkIn(name_en="")),
    ),
    ("save person", Permission.EDIT_PARTICIPANTS, lambda s, t: people.save_person(s, {})),
    ("delete person", Permission.EDIT_PARTICIPANTS, lambda s, t: people.delete_person(s, X)),
    ("save programme", Permission.EDIT_WORKSHOPS, lambda s, t: workshops.save_programme(s, {})),
    (
        "create workshop",
        Permission.EDIT_WORKSHOPS,
        lambda s, t: workshops.create_workshop(s, plan(X, date(2026, 1, 5))),
    ),
    (
        "update workshop",
        Permission.EDIT_WORKSHOPS,
        lambda s, t: workshops.update_workshop(s, X, plan(X, date(2026, 1, 5))),
    ),
    (
        "copy workshop",
        Permission.EDIT_WORKSHOPS,
        lambda s, t: workshops.copy_workshop(s, X, "2026-02-01"),
    ),
    ("enrol", Permission.ENROL, lambda s, t: enrolment.enrol(s, X, X)),
    ("withdraw", Permission.ENROL, lambda s, t: enrolment.withdraw(s, X, X)),
    (
        "import nominations",
        Permission.ENROL,
        lambda s, t: enrolment.import_nominations(s, X, t / "none.csv"),
    ),
    ("create visit", Permission.FIELD_VISITS, lambda s, t: writing.create_visit(s, {})),
    ("update visit", Permission.FIELD_VISITS, lambda s, t: writing.update_visit(s, X, {})),
    ("save visit", Permission.FIELD_VISITS, lambda s, t: writing.save_visit(s, None, {})),
    (
        "update action point",
        Permission.FIELD_VISITS,
        lambda s, t: writing.update_action_point(s, X, 0, {}),
    ),
    (
        "quick add participant",
        Permission.FIELD_VISITS,
        lambda s, t: writing.quick_add_participant(s, ""),
    ),
    ("delete visit", Permission.FIELD_VISITS, lambda s, t: writing.delete_visit(s, X)),
    (
        "plan field workshop",
        Permission.FIELD_VISITS,
        lambda s, t: plan_field_workshop(s, X, X),
    ),
    ("import roster", Permission.IMPORT_ROSTER, lambda s, t: import_roster(s, t / "none.csv")),
    (
        "completion rule",
        Permission.COMPLETION_RULES,
        lambda s, t: completion.set_rule(s, X, late_counts_present=True, excused_excluded=True),
    ),
    (
        "issue certificates",
        Permission.ISSUE_CERTIFICATES,
        lambda s, t: issue.issue_certificates(s, X, out_dir=t),
    ),
    (
        "re-issue certificates",
        Permission.ISSUE_CERTIFICATES,
        lambda s, t: issue.issue_certificates(s, X, reissue_reason="typo", out_dir=t),
    ),
    ("revoke certificate", Permission.REVOKE_CERTIFICATES, lambda s, t: issue.revoke(s, "N", "r")),
    ("sync", Permission.SYNC, lambda s, t: SyncEngine(s).sync("manual")),
    ("reconcile", Permission.SYNC, lambda s, t: SyncEngine(s).reconcile()),
    ("enrol with portal", Permission.SYNC, lambda s, t: sync_enrol.enrol(s, "not a url", "c")),
    ("discard rejected", Permission.SYNC, lambda s, t: outbox.discard(s, "participant", X)),
    ("send again", Permission.SYNC, lambda s, t: outbox.send_again(s, "participant", X)),
    ("export bundle", Permission.BUNDLES, lambda s, t: bundle.export_bundle(s, t / "b.kdbundle")),
    ("import bundle", Permission.BUNDLES, lambda s, t: bundle.import_bundle(s, t / "no.kdbundle")),
    ("export receipt", Permission.BUNDLES, lambda s, t: receipt.export_receipt(s, t / "r", X)),
    ("import receipt", Permission.BUNDLES, lambda s, t: receipt.import_receipt(s, t / "no")),
    ("iGOT settings", Permission.IGOT, lambda s, t: igot_settings.save(s, base_url="x")),
    ("iGOT link", Permission.IGOT, lambda s, t: linking.link_workshop(s, X, "do_1", "b1")),
    ("iGOT matches", Permission.IGOT, lambda s, t: linking.apply_matches(s, [])),
    (
        "iGOT enrolment file",
        Permission.IGOT,
        lambda s, t: igot_files.import_enrolment_file(s, X, t / "none.csv"),
    ),
    ("iGOT forward", Permission.IGOT, lambda s, t: igot_forward.forward(s, None, dry_run=True)),
    ("nodal officer", Permission.NODAL_OFFICERS, lambda s, t: nodal.add_officer(s, "", "")),
    ("add user", Permission.MANAGE_USERS, lambda s, t: add_user(s, "New", Role.OPERATOR)),
    ("list users", Permission.MANAGE_USERS, lambda s, t: list_users(s)),
    ("set role", Permission.MANAGE_USERS, lambda s, t: set_role(s, "Om", Role.TRAINER)),
    ("reset PIN", Permission.MANAGE_USERS, lambda s, t: reset_pin(s, "Asha", "4321")),
    ("disable user", Permission.MANAGE_USERS, lambda s, t: set_disabled(s, "Tara")),
    ("rotate key", Permission.KEYS, lambda s, t: keys.rotate(s)),
    ("import trust list", Permission.KEYS, lambda s, t: keys.import_trust_list(s, {})),
    ("untrust desk key", Permission.KEYS, lambda s, t: trust.untrust(s, "AB")),
    ("desk settings", Permission.SETTINGS, lambda s, t: save_settings(s, grace_minutes=10)),
    (
        "centre settings",
        Permission.SETTINGS,
        lambda s, t: setup.set_up_centre(s, "TST", "Test Institute"),
    ),
]


@pytest.fixture
def team_store(store):
    """The test store with a session to mark and one user of each role (no PINs: the test
    sets the acting user directly, as sign-in would)."""
    pid = programme(store)
    workshops.create_workshop(store, plan(pid, date(2026, 1, 5)))
    add_user(store, NAMES[Role.ADMIN], Role.ADMIN)
    store.actor = NAMES[Role.ADMIN]
    for role in (Role.OPERATOR, Role.TRAINER, Role.COORDINATOR):
        add_user(store, NAMES[role], role)
    return store


def test_every_permission_has_an_action_here_or_is_for_a_later_screen():
    covered = {permission for _, permission, _ in ACTIONS}
    # VENUE: issue 18; VIEW_AUDIT: issue 16 part 4 (the audit view); RESTORE:
    # test_restore_needs_an_admin.
    later = {Permission.VENUE, Permission.VIEW_AUDIT, Permission.RESTORE}
    assert covered | later == set(Permission)


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.label)
@pytest.mark.parametrize("name, permission, action", ACTIONS, ids=[a[0] for a in ACTIONS])
def test_the_core_refuses_below_the_role(team_store, tmp_path: Path, role, name, permission,
                                         action):
    team_store.actor = NAMES[role]
    if role < permission.role:
        with pytest.raises(AccessDenied) as refused:
            action(team_store, tmp_path)
        assert refused.value.needed is permission.role
        assert f"the {permission.role.label} role" in str(refused.value)
        assert NAMES[role] in str(refused.value)
    else:
        try:
            action(team_store, tmp_path)
        except AccessDenied as exc:  # pragma: no cover - the failure this test looks for
            pytest.fail(f"{role.label} was refused {name}: {exc}")
        except Exception:
            pass  # the dummy arguments may be refused for what they are, not for the role


def test_a_refused_mark_writes_nothing(team_store):
    team_store.actor = NAMES[Role.OPERATOR]
    before = team_store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    with pytest.raises(AccessDenied, match="trainer"):
        workshops.save_programme(
            team_store,
            {"code": "NEW", "title_en": "New", "hours": 2, "min_attendance_pct": 50},
        )
    after = team_store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    assert after == before


def test_restore_needs_an_admin(db_path, tmp_path):
    from desktop.core import maintenance
    from desktop.store import open_store

    with open_store(db_path) as s:
        add_user(s, "Asha", Role.ADMIN)
        s.actor = "Asha"
        add_user(s, "Kavita", Role.COORDINATOR, "2468")
        backup = maintenance.backup(s, tmp_path / "b.db")
    with pytest.raises(AccessDenied, match="admin role"):
        maintenance.restore(backup, db_path, actor="Kavita")
    assert maintenance.restore(backup, db_path, actor="Asha") is not None
