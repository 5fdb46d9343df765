"""Issuing, re-issue, revoke, reprint and verification from files."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import threading

import pypdfium2 as pdfium
import pytest

from desktop.core.certificates.issue import (
    issue_certificates,
    list_certificates,
    reprint_bytes,
    revoke,
    stored_file,
)
from desktop.core.certificates.numbering import is_valid_number, next_number
from desktop.core.certificates.verify import verify_any, verify_file
from desktop.store import open_store

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")
TITLE_HI = "प्रशिक्षण पूर्णता प्रमाण-पत्र"


def _text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout


def test_issue_eligible_only_and_once(file_store, workshop):
    result = issue_certificates(file_store, workshop["workshop"])
    pids = workshop["participants"]
    assert [i.participant_id for i in result.issued] == sorted(pids[:-1]) or {
        i.participant_id for i in result.issued
    } == set(pids[:-1])
    assert [s[0] for s in result.skipped] == []  # the absent one is simply not eligible
    numbers = [i.number for i in result.issued]
    assert len(set(numbers)) == 4 and all(is_valid_number(n) for n in numbers)
    assert all(n.startswith("TST/") for n in numbers)
    assert result.batch_pdf is not None and len(pdfium.PdfDocument(str(result.batch_pdf))) == 4
    again = issue_certificates(file_store, workshop["workshop"])
    assert again.issued == [] and len(again.skipped) == 4
    assert all("already holds" in reason for _, reason in again.skipped)
    one = issue_certificates(file_store, workshop["workshop"], participant_ids=[pids[-1]])
    assert one.issued == [] and "not eligible" in one.skipped[0][1]


@needs_poppler
def test_pdf_text_metadata_and_qr_verify(file_store, workshop):
    result = issue_certificates(file_store, workshop["workshop"])
    by_pid = {i.participant_id: i for i in result.issued}
    long_one = by_pid[workshop["participants"][1]]
    text = _text(long_one.pdf)
    assert "ज्ञानेश्वरी प्रियदर्शिनी त्रिपाठी-क्षत्रिय" in text
    assert TITLE_HI in text and "ई-ऑफिस एवं डिजिटल शासन" in text
    assert "Gyaneshwari Priyadarshini Tripathi-Kshatriya" in text
    doc = pdfium.PdfDocument(str(long_one.pdf))
    assert "ज्ञानेश्वरी प्रियदर्शिनी त्रिपाठी-क्षत्रिय" in doc.get_metadata_value("Title")
    doc.close()
    v = verify_file(long_one.pdf, store=file_store)
    assert v.valid and v.source == "pdf" and v.qr == long_one.qr
    assert v.payload["name_hi"] == "ज्ञानेश्वरी प्रियदर्शिनी त्रिपाठी-क्षत्रिय"
    assert v.payload["no"] == long_one.number and v.payload["hours"] == 12
    # The QR is also read from a photo/scan-like image (rendered page saved as PNG/JPG).
    page = pdfium.PdfDocument(str(long_one.pdf))[0].render(scale=2).to_pil()
    png = long_one.pdf.with_suffix(".png")
    page.save(png)
    assert verify_any(str(png), store=file_store).valid
    jpg = long_one.pdf.with_suffix(".jpg")
    page = pdfium.PdfDocument(str(long_one.pdf))[0].render(scale=200 / 72).to_pil()
    page.rotate(3, expand=True, fillcolor="white").convert("RGB").save(jpg, quality=70)
    assert verify_any(str(jpg), store=file_store).valid
    # Every certificate in the combined print file decodes too.
    assert "सीता देवी" in _text(result.batch_pdf)


def test_issued_file_never_changes_after_name_edit(file_store, workshop):
    result = issue_certificates(file_store, workshop["workshop"])
    item = result.issued[0]
    before = item.pdf.read_bytes()
    cert = file_store.require("certificate", item.certificate_id)
    assert cert["pdf_sha256"] == hashlib.sha256(before).hexdigest() and cert["qr"] == item.qr
    file_store.update("participant", item.participant_id, {"name_hi": "बदला हुआ नाम"})
    assert issue_certificates(file_store, workshop["workshop"]).issued == []
    assert reprint_bytes(file_store, item.number) == before
    assert item.pdf.read_bytes() == before
    # A stored file altered on disk is refused, not reprinted.
    item.pdf.write_bytes(before + b"%tampered")
    with pytest.raises(Exception, match="does not match"):
        reprint_bytes(file_store, item.number)


@needs_poppler
def test_reissue_and_revoke_flow(file_store, workshop, tmp_path):
    first = issue_certificates(file_store, workshop["workshop"])
    old = first.issued[0]
    with pytest.raises(Exception, match="reason"):
        issue_certificates(file_store, workshop["workshop"], reissue_reason="  ")
    re = issue_certificates(
        file_store,
        workshop["workshop"],
        participant_ids=[old.participant_id],
        reissue_reason="name corrected",
    )
    assert len(re.issued) == 1
    new = re.issued[0]
    assert new.number != old.number and new.supersedes == old.certificate_id
    row_old = file_store.require("certificate", old.certificate_id)
    assert row_old["revoked_at"] and "name corrected" in row_old["revocation_reason"]
    assert new.number in row_old["revocation_reason"]
    reason = file_store.conn.execute(
        "SELECT reason FROM certificate_reissue WHERE certificate_id = ?", (new.certificate_id,)
    ).fetchone()[0]
    assert reason == "name corrected"
    assert file_store.require("certificate", new.certificate_id)["supersedes"] == old.certificate_id
    v_old = verify_file(old.pdf, store=file_store)
    assert not v_old.valid and v_old.reason == "revoked"
    assert verify_file(new.pdf, store=file_store).valid
    # Revoke the new one explicitly: a new version that syncs (pending in the change log).
    n_log = file_store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    revoke(file_store, new.number, "duplicate nomination")
    assert file_store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == n_log + 1
    with pytest.raises(Exception, match="already revoked"):
        revoke(file_store, new.number, "again")
    stamped = tmp_path / "stamped.pdf"
    stamped.write_bytes(reprint_bytes(file_store, new.number))
    text = _text(stamped)
    assert "REVOKED" in text and "निरस्त" in text and "duplicate nomination" in text
    assert TITLE_HI in text  # the original page is still there, untouched
    assert stored_file(file_store, new.certificate_id).read_bytes() != stamped.read_bytes()
    statuses = {r["number"]: r["revoked_at"] is not None for r in list_certificates(file_store)}
    assert statuses[new.number] and statuses[old.number]
    assert [r["number"] for r in list_certificates(file_store, status="valid")] == sorted(
        [i.number for i in first.issued[1:]], reverse=True
    ) or len(list_certificates(file_store, status="valid")) == 3
    assert len(list_certificates(file_store, search="सीता")) >= 1


def test_cancel_and_progress(file_store, workshop):
    seen = []
    result = issue_certificates(
        file_store,
        workshop["workshop"],
        chunk_size=2,
        progress=lambda d, t, m: seen.append((d, t)),
        cancelled=lambda: len(seen) >= 1,
    )
    assert result.cancelled and len(result.issued) == 2 and seen == [(2, 4)]
    rest = issue_certificates(file_store, workshop["workshop"])
    assert len(rest.issued) == 2 and len(rest.skipped) == 2


def test_numbers_unique_under_concurrent_threads(db_path):
    """Four connections reserve numbers at once on one file: no duplicates, no gaps."""
    errors = []

    def worker(k: int) -> None:
        s = open_store(db_path)
        try:
            for i in range(25):
                with s.transaction():
                    number = next_number(s, "TST", 2026)
                    s.insert(
                        "certificate",
                        {
                            "number": number,
                            "participant_id": f"p{k}-{i}",
                            "workshop_id": "w",
                            "issued_at": "2026-11-20T00:00:00.000Z",
                            "pdf_sha256": "0" * 64,
                            "qr": "x",
                        },
                    )
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            s.close()

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with open_store(db_path) as s:
        numbers = [r[0] for r in s.conn.execute("SELECT number FROM certificate")]
    assert len(numbers) == 100 == len(set(numbers))
    assert sorted(int(n.split("/")[2][:6]) for n in numbers) == list(range(1, 101))


def _issue_in_process(db_path: str, workshop_id: str, pids: list[str], out):
    from desktop.core.certificates.issue import issue_certificates
    from desktop.store import open_store

    with open_store(db_path) as s:
        r = issue_certificates(s, workshop_id, participant_ids=pids, workers=1, combined=False)
        out.put([i.number for i in r.issued])


def test_numbers_unique_under_concurrent_processes(file_store, db_path):
    import multiprocessing

    from certdata import make_workshop

    ws = make_workshop(file_store, 12)
    ws["eligible"] = ws["participants"][:-1]
    ctx = multiprocessing.get_context("spawn")
    q = ctx.Queue()
    half = len(ws["eligible"]) // 2
    procs = [
        ctx.Process(target=_issue_in_process, args=(str(db_path), ws["workshop"], part, q))
        for part in (ws["eligible"][:half], ws["eligible"][half:])
    ]
    for p in procs:
        p.start()
    got = [q.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    numbers = got[0] + got[1]
    assert len(numbers) == len(ws["eligible"]) == len(set(numbers))


@needs_poppler
def test_centre_template_copy_without_code(file_store, workshop):
    import json

    from desktop.core.certificates.template import TemplateError, load_template
    from desktop.paths import files_dir, resource_path

    mine = files_dir(file_store.path) / "templates" / "mycentre"
    shutil.copytree(resource_path("templates", "academy"), mine)
    spec = json.loads((mine / "template.json").read_text(encoding="utf-8"))
    spec["blocks"][2]["text"] = "कार्यशाला सहभागिता प्रमाण-पत्र"
    (mine / "template.json").write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    result = issue_certificates(file_store, workshop["workshop"], template="mycentre")
    assert "कार्यशाला सहभागिता प्रमाण-पत्र" in _text(result.issued[0].pdf)
    spec["blocks"][2]["text"] = "{nmae_hi}"
    (mine / "template.json").write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(TemplateError, match=r"blocks\[2\].*nmae_hi"):
        load_template("mycentre", file_store.path)


def test_revoked_stamp_leaves_the_certificate_readable(file_store, workshop):
    """The REVOKED mark is laid over the page translucently: the text under it still shows
    (an opaque stamp once hid the name) and the QR still decodes (it then says "revoked")."""
    from PIL import ImageChops

    cert = issue_certificates(file_store, workshop["workshop"]).issued[0]
    original = cert.pdf.read_bytes()
    revoke(file_store, cert.number, "wrong person")
    stamped = reprint_bytes(file_store, cert.number)

    def page(data: bytes):
        doc = pdfium.PdfDocument(data)
        try:
            return doc[0].render(scale=1).to_pil().convert("RGB")
        finally:
            doc.close()

    before, after = page(original), page(stamped)
    changed = ImageChops.difference(before, after).convert("L").point(lambda v: 255 if v else 0)
    assert changed.getbbox() is not None  # there is a stamp
    dark_before = dark_kept = 0
    b, a = before.load(), after.load()
    w, h = before.size
    for x in range(w):
        for y in range(h):
            r0, g0, b0 = b[x, y]
            if r0 + g0 + b0 < 180:  # ink of the original page (text, QR, borders)
                dark_before += 1
                r1, g1, b1 = a[x, y]
                if abs(r1 - r0) + abs(g1 - g0) + abs(b1 - b0) < 150:
                    dark_kept += 1
    assert dark_before > 2000
    assert dark_kept / dark_before > 0.97, dark_kept / dark_before
    v = verify_any(str(_write(stamped, cert.pdf.with_name("stamped.pdf"))), store=file_store)
    assert v.source == "pdf" and v.reason == "revoked"


def _write(data: bytes, path):
    path.write_bytes(data)
    return path


def test_revocation_travels_to_another_desk(file_store, workshop, tmp_path):
    """A revocation is a new version of the certificate record; applied on a second desk
    (pull or USB bundle use `apply_record`) that desk's verify says revoked too."""
    from desktop.core.certificates import keys

    cert = issue_certificates(file_store, workshop["workshop"]).issued[0]
    issued_version = file_store.record("certificate", cert.certificate_id)
    other = open_store(tmp_path / "other.db")
    try:
        other.conn.execute(
            "INSERT INTO trusted_key(kid, institute, public_key, valid_from, own) "
            "VALUES (?, ?, ?, ?, 0)",
            (
                keys.current_kid(file_store),
                file_store.institute_code,
                keys.trust_list(file_store)["keys"][0]["public_key"],
                "2026-01-01T00:00:00.000Z",
            ),
        )
        assert other.apply_record(issued_version) == "applied"
        assert verify_any(cert.qr, store=other).valid
        revoke(file_store, cert.number, "duplicate nomination")
        revoked_version = file_store.record("certificate", cert.certificate_id)
        assert (
            revoked_version["data"]["revoked_at"] and revoked_version["data"]["revocation_reason"]
        )
        assert other.apply_record(revoked_version) == "applied"
        assert other.apply_record(issued_version) == "stale"  # an old copy cannot un-revoke
        v = verify_any(cert.qr, store=other)
        assert not v.valid and v.reason == "revoked"
        assert v.revocation["reason"] == "duplicate nomination"
    finally:
        other.close()
