"""The state's page over HTTP: login, sessions, CSRF refusals, languages, downloads."""

from __future__ import annotations

import csv
import io
import re
import subprocess

import openpyxl
import pytest

from desktop.portal.pg import find_pg_tool
from desktop.portal.state import accounts
from desktop.portal.state.i18n import STRINGS

from ..conftest import http_client
from .conftest import ADMIN, PASSWORD


@pytest.fixture
def web(state_portal):
    with http_client(state_portal.url) as client:
        yield client


def log_in(web, name=ADMIN, password=PASSWORD, **headers):
    return web.post("/state/login", data={"name": name, "password": password},
                    headers=headers)


def funnel_numbers(html: str) -> dict[str, str]:
    return dict(re.findall(r'<div class="n" data-step="(\w+)">([^<]*)</div>', html))


def test_every_page_needs_a_login(web):
    for path in ("/state", "/state/download/funnel.csv", "/state?month=2026-11"):
        answer = web.get(path)
        assert answer.status_code == 303
        assert answer.headers["location"].startswith("/state/login")
    assert web.get("/state/login").status_code == 200


def test_log_in_sets_a_strict_http_only_cookie_and_shows_the_numbers(web):
    answer = log_in(web)
    assert answer.status_code == 303
    cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/state" in cookie
    page = web.get("/state", params={"month": "2026-11"})
    assert page.status_code == 200
    assert funnel_numbers(page.text) == {"registered": "6", "enrolled": "4", "attended": "3",
                                         "completed": "3", "certified": "1"}
    assert "script" not in page.text.lower()  # no JavaScript at all
    assert "default-src 'none'" in page.headers["content-security-policy"]
    narrowed = web.get("/state", params={"month": "2026-11", "department": "Revenue"})
    assert funnel_numbers(narrowed.text) == {"registered": "3", "enrolled": "2",
                                             "attended": "2", "completed": "2",
                                             "certified": "1"}


def test_a_wrong_password_and_an_unknown_name_get_the_same_answer(web):
    wrong = log_in(web, password="not the password")
    unknown = log_in(web, name="nobody")
    assert wrong.status_code == unknown.status_code == 401
    assert "Wrong name or password." in wrong.text and "Wrong name or password." in unknown.text
    assert "kd_state=" not in wrong.headers.get("set-cookie", "")
    assert web.get("/state").status_code == 303


def test_a_cross_site_post_is_refused(web, state_portal):
    answer = log_in(web, origin="http://evil.example")
    assert answer.status_code == 403
    assert "kd_state" not in answer.headers.get("set-cookie", "")
    log_in(web)
    assert web.post("/state/logout", headers={"origin": "http://evil.example"}).status_code == 403
    assert web.get("/state").status_code == 200  # still logged in


def test_log_out_ends_the_session_on_the_portal(web):
    log_in(web)
    token = web.cookies.get("kd_state")
    assert web.post("/state/logout").status_code == 303
    web.cookies.set("kd_state", token, path="/state")  # a copied cookie is useless now
    assert web.get("/state").status_code == 303


def test_a_disabled_admin_is_logged_out_at_once(web, state_portal):
    log_in(web)
    assert web.get("/state").status_code == 200
    with state_portal.db.transaction() as conn:
        assert accounts.disable_admin(conn, ADMIN)
    assert web.get("/state").status_code == 303
    assert log_in(web).status_code == 401


def everything_stored(db) -> bytes:
    """Every byte the store holds: SQLite's file and its WAL, or PostgreSQL's plain dump."""
    if db.backend == "sqlite":
        raw = db.path.read_bytes()
        for wal in db.path.parent.glob("portal.db-wal"):
            raw += wal.read_bytes()
        return raw
    return subprocess.run([find_pg_tool("pg_dump"), "--format=plain", db.conninfo],
                          capture_output=True, check=True).stdout


def test_neither_password_nor_session_token_is_stored(web, state_portal):
    log_in(web)
    token = web.cookies.get("kd_state")
    raw = everything_stored(state_portal.db)
    assert PASSWORD.encode() not in raw and token.encode() not in raw
    assert b"scrypt$" in raw


def test_hindi_page_and_language_switch(web):
    log_in(web)
    page = web.get("/state", params={"month": "2026-11", "lang": "hi"})
    assert 'lang="hi"' in page.text
    for key in ("funnel", "by_department", "registered", "certified"):
        assert STRINGS[key][1] in page.text
    assert "राजस्व" in page.text and "एटीआई लखनऊ" in page.text  # departments and institutes
    assert 'href="/state?month=2026-11&amp;lang=en"' in page.text
    # remembered: the next page without ?lang is Hindi too
    assert STRINGS["funnel"][1] in web.get("/state", params={"month": "2026-11"}).text


def test_every_string_has_english_and_hindi():
    for key, (en, hi) in STRINGS.items():
        assert en.strip() and hi.strip(), key
        assert re.findall(r"{\w+}", en) == re.findall(r"{\w+}", hi), key
        if key != "language":
            assert re.search("[\u0900-\u097f]", hi), key


def test_bad_input_is_named(web):
    log_in(web)
    for params, field in (({"month": "2026-13"}, "month"), ({"month": "11/2026"}, "month"),
                          ({"month": "2026-11", "to": "2026-09"}, "to"),
                          ({"month": "2026-11", "days": "-1"}, "days"),
                          ({"month": "2026-11", "mode": "online"}, "mode")):
        page = web.get("/state", params=params)
        assert page.status_code == 400, params
        assert re.search(rf'id="problem">[^<]*{field}', page.text), (params, page.text[-800:])


def test_downloads_are_the_tables_and_formula_safe(web):
    log_in(web)
    answer = web.get("/state/download/by_department.csv", params={"month": "2026-11"})
    assert answer.status_code == 200
    assert 'filename="state-by_department-2026-11.csv"' in answer.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert rows[0] == ["key", "name_en", "name_hi", "registered", "enrolled", "attended",
                       "completed", "certified"]
    assert rows[1:] == [
        ["'=SUM(A1)", "'=SUM(A1)", "'=SUM(A1)", "1", "0", "0", "0", "0"],
        ["Basic Education", "Basic Education", "बेसिक शिक्षा", "2", "2", "1", "1", "0"],
        ["Revenue", "Revenue", "राजस्व", "3", "2", "2", "2", "1"],
    ]
    answer = web.get("/state/download/by_institute.xlsx",
                     params={"month": "2026-11", "department": "Revenue"})
    sheet = openpyxl.load_workbook(io.BytesIO(answer.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    # Revenue people in ATI's W1: p1 p2 enrolled, attended and completed, p1 certified; RTI: p2
    assert values[1:] == [["ATI", "ATI Lucknow", "एटीआई लखनऊ", None, 2, 2, 2, 1],
                          ["RTI", "RTI Varanasi", "आरटीआई वाराणसी", None, 1, 0, 0, 0]]
    formula = web.get("/state/download/by_department.xlsx", params={"month": "2026-11"})
    cell = openpyxl.load_workbook(io.BytesIO(formula.content)).active["A2"]
    assert cell.value == "=SUM(A1)" and cell.data_type == "s"
    months = web.get("/state/download/by_month.csv", params={"month": "2026-10",
                                                             "to": "2026-11"})
    assert [r[0] for r in csv.reader(io.StringIO(months.content.decode("utf-8-sig")))] == [
        "key", "2026-10", "2026-11"]
    assert web.get("/state/download/secrets.csv").status_code == 404


def test_fonts_are_served_and_nothing_else(web):
    answer = web.get("/state/font/NotoSansDevanagari-Regular.ttf")
    assert answer.status_code == 200 and answer.headers["content-type"] == "font/ttf"
    assert web.get("/state/font/OFL.txt").status_code == 404
    assert web.get("/state/font/..%2F..%2Fportal.db").status_code == 404


def test_the_protocol_is_untouched(web):
    assert web.get("/info").status_code == 200
    assert web.get("/offline/v1/info").json()["protocol"] == 1
