"""Template preview: a specimen drawn by the real renderer, never a certificate."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from desktop.core.certificates.preview import SPECIMEN_QR, preview_pdf
from desktop.core.certificates.template import TemplateError
from desktop.core.certificates.verify import qr_texts_from_pdf, verify_any, verify_text
from desktop.paths import files_dir, resource_path

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")


def _text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout


def _counts(store) -> tuple:
    return (
        store.conn.execute("SELECT count(*) FROM certificate").fetchone()[0],
        store.conn.execute("SELECT count(*) FROM certificate_counter").fetchone()[0],
        store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0],
    )


@needs_poppler
def test_preview_shows_workshop_and_participant_and_takes_nothing(file_store, workshop, tmp_path):
    before = _counts(file_store)
    second = workshop["participants"][1]
    out = tmp_path / "preview.pdf"
    out.write_bytes(
        preview_pdf(file_store, workshop_id=workshop["workshop"], participant_id=second)
    )
    text = _text(out)
    assert "ज्ञानेश्वरी प्रियदर्शिनी त्रिपाठी-क्षत्रिय" in text  # the chosen participant
    assert "ई-ऑफिस एवं डिजिटल शासन" in text and "SPECIMEN" in text and "नमूना" in text
    assert f"{file_store.institute_code}/2026/XXXXXX" in text  # no number taken
    assert _counts(file_store) == before  # nothing numbered, stored or queued for sync
    # Its QR is plain text: verifying the specimen never says "valid".
    assert qr_texts_from_pdf(out) == [SPECIMEN_QR]
    v = verify_any(str(out), store=file_store)
    assert not v.valid and v.reason == "malformed"
    assert not verify_text(SPECIMEN_QR, store=file_store).valid


@needs_poppler
def test_preview_defaults_first_eligible_or_sample(file_store, workshop, tmp_path):
    out = tmp_path / "a.pdf"
    out.write_bytes(preview_pdf(file_store, workshop_id=workshop["workshop"]))
    assert "सीता देवी" in _text(out)  # first eligible participant
    out.write_bytes(preview_pdf(file_store))  # no workshop chosen yet: sample values
    assert "श्रद्धा क्षितिजा मिश्रा" in _text(out)


def test_preview_names_the_bad_template_entry(file_store):
    mine = files_dir(file_store.path) / "templates" / "broken"
    shutil.copytree(resource_path("templates", "academy"), mine)
    spec = json.loads((mine / "template.json").read_text(encoding="utf-8"))
    spec["blocks"][1]["text"] = "{institue_hi}"
    (mine / "template.json").write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(TemplateError, match=r"blocks\[1\].*institue_hi"):
        preview_pdf(file_store, "broken")
