"""The state's page in a real headless Chromium (Debian's package, driven by Playwright):
log in, a filter changes the numbers, a download works, the language switch gives Hindi.

Screenshots at 1366×768 in both languages go to $KD_SCREENSHOTS when it is set (to look at
them), else to the test's temporary folder."""

from __future__ import annotations

import csv
import io
import os
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.protocol.ids import format_ts, new_id

from ..conftest import enrol, http_client
from .conftest import ADMIN, PASSWORD

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() or shutil.which("chromium") is None,
    reason="Chromium is not installed (CI installs Debian's chromium in .ci/run)",
)


@pytest.fixture
def browser():
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="the playwright package is not installed")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


def funnel(page) -> dict[str, str]:
    return {step: page.inner_text(f'#n-{step} .n')
            for step in ("registered", "enrolled", "attended", "completed", "certified")}


def test_log_in_filter_download_and_hindi(browser, state_portal, tmp_path):
    quiet_desk = new_id()
    state_portal.add_enrolment_code("CODE-RTI", "RTI")
    with http_client(state_portal.url) as client:
        assert enrol(client, "CODE-RTI", "RTI", quiet_desk).status_code == 201
    with state_portal.db.transaction() as conn:
        conn.execute("UPDATE device SET enrolled_at = ?",
                     (format_ts(datetime.now(timezone.utc) - timedelta(days=12, hours=1)),))
    shots = Path(os.environ.get("KD_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{state_portal.url}/state?month=2026-11")
    assert page.url.startswith(f"{state_portal.url}/state/login")
    page.fill("#name", ADMIN)
    page.fill("#password", "wrong password!")
    page.click("#login-button")
    assert page.inner_text("#login-error") == "Wrong name or password."
    page.fill("#password", PASSWORD)
    page.click("#login-button")
    page.wait_for_selector("#s-funnel")
    page.fill("#f-month", "2026-11")
    page.click("#apply")
    page.wait_for_selector("#s-funnel")
    assert funnel(page) == {"registered": "6", "enrolled": "4", "attended": "3",
                            "completed": "3", "certified": "1"}
    assert page.inner_text('#t-by_institute tr[data-key="ATI"] td[data-step="enrolled"]') == "3"
    enrolled_on = (datetime.now(timezone.utc) - timedelta(days=12, hours=1)).date().isoformat()
    assert page.inner_text(f'#t-quiet_desks tr[data-key="{quiet_desk}"]').split("\t") == [
        "Desk at the front office", "RTI Varanasi", f"never (enrolled {enrolled_on})", "12"]
    page.screenshot(path=str(shots / "state-en-1366x768.png"))
    page.screenshot(path=str(shots / "state-en-full.png"), full_page=True)

    page.select_option("#f-department", "Revenue")
    page.click("#apply")
    page.wait_for_selector("#s-funnel")
    assert "department=Revenue" in page.url
    assert funnel(page) == {"registered": "3", "enrolled": "2", "attended": "2",
                            "completed": "2", "certified": "1"}
    page.select_option("#f-institute", "RTI")
    page.click("#apply")
    page.wait_for_selector("#s-funnel")
    assert funnel(page) == {"registered": "3", "enrolled": "1", "attended": "0",
                            "completed": "0", "certified": "0"}

    with page.expect_download() as started:
        page.click("#dl-by_district-csv")
    download = started.value
    assert download.suggested_filename == "state-by_district-2026-11.csv"
    rows = {r[0]: r for r in csv.reader(io.StringIO(
        Path(download.path()).read_text(encoding="utf-8-sig")))}
    # Revenue people in RTI's W2: p2 (Varanasi) enrolled, nothing more; Lucknow's roster has
    # p1 and p5 of Revenue
    assert rows["VNS"][3:] == ["1", "1", "0", "0", "0"]
    assert rows["LKO"][3:] == ["2", "0", "0", "0", "0"]

    page.click("#lang-switch")
    page.wait_for_selector("#s-funnel")
    assert page.inner_text("#s-funnel h2").startswith("प्रशिक्षण क्रम")
    assert funnel(page)["enrolled"] == "1"  # the filters survive the switch
    page.select_option("#f-institute", "")
    page.select_option("#f-department", "")
    page.click("#apply")
    page.wait_for_selector("#s-funnel")
    assert funnel(page)["enrolled"] == "4"
    # the Devanagari web font is really used (not a fallback box font)
    assert page.evaluate("document.fonts.check('16px \"Noto Sans Devanagari\"', 'राजस्व')")
    page.screenshot(path=str(shots / "state-hi-1366x768.png"))
    page.screenshot(path=str(shots / "state-hi-full.png"), full_page=True)
    page.click("#logout")
    page.wait_for_selector("#login-button")
    page.screenshot(path=str(shots / "login-hi-1366x768.png"))
    context.close()
