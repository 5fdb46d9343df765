"""The CLI as a named desk user: --user, the PIN from the environment or a file, never argv."""

from __future__ import annotations

import pytest

from desktop.core.users import find_user
from desktop.store import open_store


@pytest.fixture
def team_db(cli, db_path, tmp_path):
    pin = tmp_path / "pin"
    pin.write_text("9911\n")
    assert cli("--db", db_path, "users", "add", "Asha", "--role", "admin", "--pin-file", pin)[0] == 0
    pin.write_text("1357\n")
    code, out, err = cli("--db", db_path, "--user", "Asha", "users", "add", "Om", "--role",
                         "operator", "--pin-file", pin)
    assert code == 2 and "PIN" in err  # Asha has a PIN and there is no terminal to ask at
    return db_path, pin


def test_env_pin_and_user(cli, team_db, monkeypatch):
    db_path, pin = team_db
    monkeypatch.setenv("KARMAYOGI_DESK_PIN", "9911")
    code, out, err = cli("--db", db_path, "--user", "Asha", "users", "add", "Om", "--role",
                         "operator", "--pin-file", pin)
    assert code == 0, err
    code, out, err = cli("--db", db_path, "--user", "Asha", "--json", "users", "list")
    assert code == 0
    assert '"name": "Om", "role": "operator", "pin": true' in out
    assert "9911" not in out and "1357" not in out
    # without --user, a desk with two users asks who
    code, out, err = cli("--db", db_path, "users", "list")
    assert code == 2 and "--user" in err
    # the operator may not manage users: refused by the core, naming the role
    monkeypatch.setenv("KARMAYOGI_DESK_PIN", "1357")
    code, out, err = cli("--db", db_path, "--user", "Om", "users", "disable", "Asha")
    assert code == 2 and "admin role" in err
    # a wrong PIN: exit 2, the PIN not echoed, counted
    monkeypatch.setenv("KARMAYOGI_DESK_PIN", "0000")
    code, out, err = cli("--db", db_path, "--user", "Om", "users", "list")
    assert code == 2 and "Wrong PIN" in err and "0000" not in err
    with open_store(db_path) as s:
        assert s.conn.execute("SELECT failed_attempts FROM desk_user WHERE name='Om'"
                              ).fetchone()[0] == 1


def test_the_user_is_recorded_on_cli_changes(cli, team_db, monkeypatch, tmp_path):
    db_path, pin = team_db
    monkeypatch.setenv("KARMAYOGI_DESK_PIN", "9911")
    code, out, err = cli("--db", db_path, "--user", "Asha", "nodal", "add", "Revenue",
                         "--name", "R. Singh")
    assert code == 0, err
    with open_store(db_path) as s:
        row = s.conn.execute("SELECT changed_by FROM nodal_officer").fetchone()
    assert row[0] == "Asha"


def test_no_pin_on_the_command_line(cli):
    from desktop.cli.main import build_parser

    users = build_parser()._subparsers._group_actions[0].choices["users"]
    actions = users._subparsers._group_actions[0].choices
    for name in ("add", "reset-pin"):
        options = {o for a in actions[name]._actions for o in a.option_strings}
        assert "--pin" not in options and "--pin-file" in options


def test_demo_admin_without_pin_and_team(cli, tmp_path):
    plain = tmp_path / "plain.db"
    assert cli("--db", plain, "demo", "--participants", "30")[0] == 0
    with open_store(plain) as s:
        admin = find_user(s, "Admin")
        assert admin is not None and not admin.has_pin
    # scripts keep working on a demo without --user
    code, out, err = cli("--db", plain, "nodal", "add", "Revenue", "--name", "R. Singh")
    assert code == 0, err
    team = tmp_path / "team.db"
    assert cli("--db", team, "demo", "--participants", "30", "--team")[0] == 0
    code, out, err = cli("--db", team, "--json", "users", "list")
    assert code == 0, err  # the lone PIN-less admin acts for scripts
    assert '"Om Prakash", "role": "operator", "pin": true' in out
