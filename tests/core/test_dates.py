"""One date and time style for people (05-12-2026, 24-hour local time); ISO for machines."""

from __future__ import annotations

import os
import time
from datetime import date, datetime, timezone

import pytest

from desktop.core import dates


@pytest.fixture
def india(monkeypatch):
    """Local time = India (UTC+5:30), whatever the test machine's zone."""
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_dates_are_day_month_year_with_dashes():
    assert dates.format_date("2026-12-05") == "05-12-2026"
    assert dates.format_date(date(2026, 12, 5)) == "05-12-2026"
    assert dates.format_date(None) == dates.format_date("") == ""
    assert dates.format_date("not a date") == "not a date"  # shown, never lost
    assert dates.format_month("2026-12") == "12-2026"
    assert dates.format_range("2026-11-30", "2026-12-01") == "30-11-2026 – 01-12-2026"
    assert dates.format_range("2026-11-30", "2026-12-01", short=True) == "30-11 – 01-12-2026"
    assert dates.format_range("2026-12-31", "2027-01-02", short=True) == (
        "31-12-2026 – 02-01-2027"
    )
    assert dates.format_range("2026-12-05", "2026-12-05") == "05-12-2026"


def test_stored_utc_stamps_become_local_24_hour_time(india):
    assert os.environ["TZ"] == "Asia/Kolkata"
    assert dates.format_datetime("2026-12-05T09:04:00.123Z") == "05-12-2026 14:34"
    assert dates.format_datetime("2026-12-05T09:04:00+00:00") == "05-12-2026 14:34"
    assert dates.format_time("2026-12-05T09:04:00Z") == "14:34"
    # Late in the UTC evening is already the next day in India.
    assert dates.format_date("2026-12-05T20:00:00Z") == "06-12-2026"
    aware = datetime(2026, 12, 5, 9, 4, tzinfo=timezone.utc)
    assert dates.format_datetime(aware) == "05-12-2026 14:34"


def test_typed_dates_are_read_back_as_iso():
    for typed in ("05-12-2026", "5-12-2026", "05.12.2026", "05/12/2026", "2026-12-05"):
        assert dates.parse_date(typed) == "2026-12-05", typed
    assert dates.parse_date("31-02-2026") == "31-02-2026"  # not a day: the validator says so
    assert dates.parse_date("tomorrow") == "tomorrow"


def test_date_fields_of_forms_show_the_one_style():
    """Every QDateEdit in forms/*.ui shows dd-MM-yyyy (months: MM-yyyy). The Workshops page
    sets its three in code (forms/workshops.ui is also laid out elsewhere)."""
    import xml.etree.ElementTree as ET
    from pathlib import Path

    forms = Path(__file__).resolve().parents[2] / "forms"
    seen = 0
    for ui in sorted(forms.glob("*.ui")):
        if ui.name == "workshops.ui":
            continue
        for widget in ET.parse(ui).getroot().iter("widget"):
            if widget.get("class") != "QDateEdit":
                continue
            seen += 1
            shown = widget.find("./property[@name='displayFormat']/string")
            assert shown is not None, (ui.name, widget.get("name"))
            assert shown.text in (dates.QT_DATE_FORMAT, dates.QT_MONTH_FORMAT), (
                ui.name, widget.get("name"), shown.text,
            )  # fmt: skip
    assert seen >= 3
