"""A field visit with a photo travels to another desk by USB bundle: the record and the
photo's stored bytes (location already removed) arrive together and show on the other desk."""

from __future__ import annotations

from fv_helpers import TODAY, jpeg, visit_data

from desktop.core import attachments as att
from desktop.core import field_visits as fv
from desktop.core.centre import init_centre
from desktop.core.sync.bundle import export_bundle, import_bundle
from desktop.core.sync.receipt import own_fingerprint
from desktop.store import open_store


def test_visit_and_photo_travel_by_bundle(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = open_store(tmp_path / "a" / "desk.db")
    b = open_store(tmp_path / "b" / "desk.db")
    try:
        init_centre(a, "TST", "Test Institute")
        init_centre(b, "TST", "Test Institute")
        photo = att.add_bytes(a, jpeg(gps=True), "site.jpg")
        vid = fv.create_visit(a, visit_data(attachments=[photo.ref()]), today=TODAY)
        summary = export_bundle(a, tmp_path / "a.kdbundle")
        assert summary["attachments"] == 1 and not summary["missing_attachments"]
        import_bundle(b, tmp_path / "a.kdbundle", trust_fingerprint=own_fingerprint(a))
        visit = fv.load_visit(b, vid)
        assert visit["attachments"] == [photo.ref()]
        data = att.read_attachment(b, photo.sha256)
        assert data == att.read_attachment(a, photo.sha256)
        assert not att.has_location(data)
        assert att.thumbnail_png(b, photo.sha256) is not None
        assert [v.id for v in fv.list_visits(b, today=TODAY)] == [vid]
        # the carried-over action points are there for the next visit from desk B
        assert len(fv.carried_over_points(b, "LKO", "vikas bhawan")) == 2
    finally:
        a.close()
        b.close()
