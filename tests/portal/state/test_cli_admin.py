"""`portal admin add|list|disable`, as headquarters would run them."""

from __future__ import annotations

import json

from desktop.portal.state import accounts
from desktop.portal.stores import is_database_url, open_portal_store


def test_admin_add_list_disable(cli, tmp_path, store_target):
    where = ("--database", store_target) if is_database_url(store_target) else (
        "--data", store_target)
    secret = tmp_path / "pw.txt"
    secret.write_text("a long enough secret\nignored second line\n", encoding="utf-8")
    code, out, err = cli("portal", "admin", "add", *where, "hq.one",
                         "--password-file", secret)
    assert code == 0, err
    assert out.strip() == "Admin hq.one added"
    code, out, _ = cli("--json", "portal", "admin", "list", *where)
    assert [a["name"] for a in json.loads(out)] == ["hq.one"]
    db = open_portal_store(store_target)
    try:
        with db.transaction() as conn:
            assert accounts.log_in(conn, "hq.one", "a long enough secret") is not None
            assert accounts.log_in(conn, "hq.one", "ignored second line") is None
    finally:
        db.close()
    short = tmp_path / "short.txt"
    short.write_text("short\n", encoding="utf-8")
    code, _, err = cli("portal", "admin", "add", *where, "hq.two",
                       "--password-file", short)
    assert code == 2 and "password: at least 10 characters" in err
    code, _, err = cli("portal", "admin", "add", *where, "bad name!",
                       "--password-file", secret)
    assert code == 2 and "name:" in err
    assert cli("portal", "admin", "disable", *where, "hq.one")[0] == 0
    assert cli("portal", "admin", "disable", *where, "hq.one")[0] == 1
    code, out, _ = cli("portal", "admin", "list", *where)
    assert "hq.one" in out and "disabled" in out
