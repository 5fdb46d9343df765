"""The Sync page shows what still differs after "Check with portal" (issue 11): a line with
the count and a tab listing each record with this desk's version and the portal's, in English
and Hindi; a clean check says so. Against the reference portal on loopback."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase

from desktop.paths import resource_path
from desktop.ui.sync import page as sync_page
from tests.sync.conftest import quick_engine
from tests.sync.helpers import participant
from tests.sync.test_gui import SHOTS, _load_hindi, ctx, deliver_language_change  # noqa: F401 - the fixture


def page_for(ctx, qtbot):  # noqa: F811
    page = sync_page.create_page(ctx)
    qtbot.addWidget(page)
    return page


def test_a_clean_check_says_so_and_lists_nothing(ctx, qtbot):  # noqa: F811
    ctx.store.insert("participant", participant(1))
    assert quick_engine(ctx.store).sync().pending == 0
    page = page_for(ctx, qtbot)
    page.buttons["reconcileButton"].click()
    assert page.message.text() == "The portal holds exactly what this desk sent."
    assert page.differences.table.rowCount() == 0
    assert page.tabs.tabText(page.differences_tab) == "Differences with the portal"


def test_remaining_differences_are_listed_in_both_languages(ctx, qtbot, ref_portal):  # noqa: F811
    ids = [ctx.store.insert("participant", participant(i)) for i in range(3)]
    assert quick_engine(ctx.store).sync().pending == 0
    ref_portal.db.put_admin_record({"kind": "participant", "id": ids[2],
                                    "data": {"name_en": "Edited at the portal"}})
    page = page_for(ctx, qtbot)
    page.buttons["reconcileButton"].click()
    assert page.message.text() == (
        "Desk and portal still differ after sending again: 1 record(s), listed under "
        "“Differences with the portal”.")
    assert page.tabs.currentIndex() == page.differences_tab
    assert page.tabs.tabText(page.differences_tab) == "Differences with the portal (1)"
    table = page.differences.table
    assert table.rowCount() == 1
    assert [table.item(0, j).text() for j in (0, 1)] == ["Participant", "Person 2"]
    assert table.item(0, 1).toolTip() == ids[2]
    assert table.item(0, 2).text().endswith(", made on this desk")
    assert table.item(0, 3).text().startswith("another version: ")
    held = {r["id"]: r for r in ref_portal.db.records(["participant"])}[ids[2]]
    assert table.item(0, 3).toolTip() == held["updated_at"]
    for name in ("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1366, 1024):
        page.resize(width, 768)
        page.grab().save(str(SHOTS / f"sync_differences_en_{width}.png"))
    translator = _load_hindi()
    try:
        deliver_language_change()
        assert page.message.text().startswith("दोबारा भेजने के बाद भी डेस्क और पोर्टल में अंतर है: 1")
        assert page.tabs.tabText(page.differences_tab) == "पोर्टल से अंतर (1)"
        assert table.item(0, 0).text() != "Participant"
        assert table.item(0, 2).text().endswith(", इसी डेस्क पर बनाया गया")
        for width in (1366, 1024):
            page.resize(width, 768)
            page.grab().save(str(SHOTS / f"sync_differences_hi_{width}.png"))
    finally:
        QCoreApplication.removeTranslator(translator)
        deliver_language_change()
