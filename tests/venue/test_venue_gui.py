"""The Venue panel offscreen: host (code and QR), join with that code, the desks and what is
waiting, a bad code refused in words, both languages; every string has Hindi. Screenshots go
to $KD_SHOTS (or the test's temporary folder) at 1366×768 and 1024×768."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.core.venue import code as codes
from desktop.core.venue import link
from tests.tr_strings import tr_strings
from tests.venue.helpers import make_db

ROOT = Path(__file__).resolve().parents[2]


def _language(lang: str) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.ui.i18n import Translations

    Translations.shared(QApplication.instance()).apply(lang)
    QApplication.processEvents()


def _shots(widget, name: str, tmp_path) -> list[Path]:
    folder = Path(os.environ.get("KD_SHOTS") or tmp_path)
    made = []
    for w, h in ((1366, 768), (1024, 768)):
        widget.resize(w, h)
        widget.show()
        pixmap = widget.grab()
        assert pixmap.width() == w
        path = folder / f"{name}_{w}x{h}.png"
        assert pixmap.save(str(path))
        made.append(path)
    return made


@pytest.fixture
def panels(qtbot, tmp_path):
    from desktop.ui.context import AppContext
    from desktop.ui.tasks import SyncRunner
    from desktop.ui.venue.controller import VenueController
    from desktop.ui.venue.panel import VenuePanel

    made = []

    def make(name: str, desk: int):
        path = tmp_path / f"{name}.db"
        store = make_db(path, desk)
        ctx = AppContext(store, path, SyncRunner())
        panel = VenuePanel(ctx)
        panel.controller.hub_port = 0  # any free port: tests may run side by side
        qtbot.addWidget(panel)
        made.append((panel, store))
        return panel

    yield make
    for panel, store in made:
        VenueController.for_context(panel.ctx).shutdown()
        panel.close()
        store.close()
    _language("en")


def test_host_and_join_from_the_panels_in_both_languages(panels, tmp_path):
    host = panels("hub", 1)
    assert host.role.text() == "This desk is not in a venue."
    assert host.host_button.isVisible() is False or host.host_button.isVisibleTo(host)
    host.host()
    hub = host.controller.hub
    assert hub is not None and hub.running
    code = host.code_text.text()
    assert codes.parse(code).fingerprint == hub.fingerprint
    assert not host.qr.pixmap().isNull()
    assert host.role.text().startswith("This desk hosts the venue at https://")
    assert host.code_box.isVisibleTo(host) and not host.join_box.isVisibleTo(host)

    desk = panels("desk", 2)
    desk.join_input.setText("nonsense")
    desk.join()
    assert desk.last_problem.startswith("This is not a joining code: Not a venue joining code")
    # the hub listens on the LAN address; this test reaches it on loopback
    parsed = codes.parse(code)
    local = codes.JoinCode("127.0.0.1", parsed.port, parsed.fingerprint, parsed.secret)
    desk.join_input.setText(local.text())
    desk.join()
    assert desk.last_problem == ""
    assert desk.status["role"] == "joined"
    assert desk.leave_button.isVisibleTo(desk) and not desk.join_box.isVisibleTo(desk)
    host.controller.tick()
    assert host.code_text.text() != code  # used once: a new code is shown
    assert host.desks.rowCount() == 2
    assert {host.desks.item(r, 0).text() for r in range(2)} == {"Desk 1", "Desk 2"}
    desk.controller.tick()
    assert desk.desks.rowCount() == 2
    assert "Waiting to go to the hub: 0" in desk.waiting.text()
    shots = _shots(host, "venue_host_en", tmp_path) + _shots(desk, "venue_joined_en", tmp_path)

    _language("hi")
    assert host.title.text() == "आयोजन स्थल"
    assert host.role.text().startswith("यह डेस्क https://")
    assert {host.desks.item(r, 0).text() for r in range(2)} == {"डेस्क 1", "डेस्क 2"}
    assert desk.waiting.text().startswith("हब को भेजने के लिए प्रतीक्षारत: 0")
    shots += _shots(host, "venue_host_hi", tmp_path) + _shots(desk, "venue_joined_hi", tmp_path)
    _language("en")

    desk.controller.leave()
    assert desk.status["role"] == "none"
    assert link.status(desk.ctx.store)["role"] == "none"
    host.controller.stop_hosting()
    assert host.status["role"] == "none" and not hub.running
    assert all(p.exists() for p in shots)


def test_every_venue_string_has_hindi():
    ts = ROOT / "resources" / "i18n" / "venue_hi.ts"
    have = {}
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            have[(context.findtext("name"), message.findtext("source"))] = (
                message.find("translation").text or "")
    wanted = tr_strings(ROOT / "desktop" / "ui" / "venue" / "panel.py", "VenuePanel")
    wanted.add(("MainWindow", "Venue"))
    assert ("VenuePanel", "Host a venue") in wanted and len(wanted) > 20
    missing = sorted(w for w in wanted if not have.get(w))
    assert not missing, missing
    for (_context, source), text in have.items():
        assert re.search("[\u0900-\u097f]", text), source
        assert set(re.findall(r"\{\d\}", source)) == set(re.findall(r"\{\d\}", text)), source


def test_problems_are_said_in_the_users_language(panels, tmp_path):
    from desktop.core.venue.tls import PinMismatch
    from desktop.ui.venue.panel import describe

    panel = panels("lone", 4)
    panel.join_input.setText(codes.JoinCode("127.0.0.1", 9, "ab" * 32, "ABCDEFGH").text())
    panel.join()  # nothing listens on port 9
    assert panel.last_problem.startswith("The hub cannot be reached.")
    _language("hi")
    assert describe(PinMismatch("x")).startswith("यह आयोजन स्थल का हब नहीं है")
    _language("en")
    assert describe(PinMismatch("x")).startswith("This is not the hub of the venue")
