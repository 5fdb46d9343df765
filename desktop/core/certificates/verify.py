"""Offline verification of a certificate's signed QR: from the QR text (a scanner types it),
a PDF (page rendered with pdfium, QR decoded with zxing-cpp) or a photo/scan.

Outcomes (reason codes, stable in `--json`): valid · invalid_signature · unknown_key ·
revoked (when this desk knows) · malformed · number_not_qr · not_a_file_type · no_qr. A
payload that was changed in any way fails the signature check, so it can never come out valid.

People read `Verification.message`: the reason in plain words (English here and on the
command line; the GUI shows its own translated text per code). The technical cause (e.g. what
the JWS parser disliked) stays in `detail`, for `--json` and support, not for a trainer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from desktop.core.certificates import keys
from desktop.core.certificates.jws import MalformedToken, parse, signature_ok
from desktop.core.certificates.numbering import NUMBER_RE
from desktop.core.dates import format_date
from desktop.store import Store

REASONS = {
    "invalid_signature": "The certificate's details do not match its signature: it was "
    "changed after it was issued, or it is forged.",
    "unknown_key": "This certificate was signed by a centre this desk does not know. Import "
    "that centre's trust list (--trust-list) to check it.",
    "revoked": "This certificate was revoked by the issuing centre.",
    "malformed": "This QR code is not a Karmayogi certificate.",
    "number_not_qr": "This is a certificate number, not the text of its QR code. Scan the QR "
    "code, or look the number up in the certificate register.",
    "not_a_file_type": "Only a PDF or a photo (PNG, JPG…) of a certificate can be checked.",
    "no_qr": "No QR code was found in this file. Try the certificate's PDF or a sharper, "
    "straight photo of the whole QR code.",
}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff", ".webp"}


@dataclass
class Verification:
    valid: bool
    reason: str | None = None
    payload: dict[str, Any] | None = None
    kid: str | None = None
    detail: str = ""
    revocation: dict[str, Any] | None = None
    source: str = "text"
    qr: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"valid": self.valid}
        if self.reason:
            out["reason"] = self.reason
        out["payload"] = self.payload
        if self.kid:
            out["kid"] = self.kid
        if self.detail:
            out["detail"] = self.detail
        if self.revocation:
            out["revocation"] = self.revocation
        out["source"] = self.source
        return out

    @property
    def message(self) -> str:
        """The outcome in plain words, with what a person can act on (never parser jargon)."""
        if self.valid:
            return "valid"
        text = REASONS.get(self.reason or "", "This certificate is not valid.")
        if self.reason == "revoked" and self.revocation:
            when = format_date(self.revocation.get("revoked_at"))
            why = self.revocation.get("reason") or ""
            text += f" Revoked on {when}" + (f": {why}" if why else "") + "."
        elif self.reason == "unknown_key" and self.kid:
            text += f" (Signing key {self.kid}.)"
        return text


def trusted_keys(
    store: Store | None, trust_list: str | Path | dict | None = None
) -> dict[str, Ed25519PublicKey]:
    found: dict[str, Ed25519PublicKey] = {}
    if store is not None:
        found.update(keys.known_public_keys(store))
    if trust_list is not None:
        if isinstance(trust_list, (str, Path)) and not str(trust_list).lstrip().startswith("{"):
            trust_list = Path(trust_list).read_text(encoding="utf-8")
        found.update(keys.parse_trust_list(trust_list))
    return found


def verify_text(
    text: str,
    *,
    store: Store | None = None,
    trust_list: str | Path | dict | None = None,
    public_keys: dict[str, Ed25519PublicKey] | None = None,
    source: str = "text",
) -> Verification:
    text = (text or "").strip()
    try:
        parsed = parse(text)
    except MalformedToken as exc:
        reason = "number_not_qr" if NUMBER_RE.match(text.upper()) else "malformed"
        return Verification(False, reason, detail=str(exc), source=source, qr=text)
    kid = parsed.header["kid"]
    known = public_keys if public_keys is not None else trusted_keys(store, trust_list)
    public = known.get(kid)
    if public is None:
        return Verification(False, "unknown_key", None, kid, f"key {kid}", source=source, qr=text)
    if not signature_ok(parsed, public):
        # Never show a payload that failed its signature as if it were the certificate's.
        return Verification(False, "invalid_signature", None, kid, source=source, qr=text)
    issuer = kid.rsplit(":", 1)[0]
    if str(parsed.payload.get("institute", "")).upper() != issuer.upper():
        # A genuine key of one centre cannot vouch for a certificate of another.
        return Verification(
            False, "unknown_key", None, kid,
            f"key {kid} belongs to {issuer}, not {parsed.payload.get('institute')}",
            source=source, qr=text,
        )  # fmt: skip
    result = Verification(True, None, parsed.payload, kid, source=source, qr=text)
    if store is not None:
        row = store.conn.execute(
            "SELECT revoked_at, revocation_reason FROM certificate WHERE number = ? "
            "AND deleted = 0",
            (str(parsed.payload.get("no", "")),),
        ).fetchone()
        if row is not None and row[0]:
            result.valid = False
            result.reason = "revoked"
            result.revocation = {"revoked_at": row[0], "reason": row[1]}
            result.detail = f"on {format_date(row[0])}: {row[1] or ''}".strip()
    return result


def decode_qr_image(image) -> list[str]:
    """QR texts found in a PIL image (tries a grey, sharpened copy and a downscale too)."""
    import zxingcpp
    from PIL import ImageOps

    formats = zxingcpp.BarcodeFormat.QRCode
    found = [r.text for r in zxingcpp.read_barcodes(image, formats=formats) if r.valid]
    if found:
        return found
    grey = ImageOps.autocontrast(image.convert("L"))
    found = [r.text for r in zxingcpp.read_barcodes(grey, formats=formats) if r.valid]
    if found or max(grey.size) < 1600:
        return found
    small = grey.copy()
    small.thumbnail((1600, 1600))
    return [r.text for r in zxingcpp.read_barcodes(small, formats=formats) if r.valid]


def qr_texts_from_pdf(path: Path, scale: float = 3.0) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        texts: list[str] = []
        for i in range(min(len(doc), 3)):
            texts += decode_qr_image(doc[i].render(scale=scale, grayscale=True).to_pil())
            if texts:
                break
        return texts
    finally:
        doc.close()


def pdf_keywords(path: Path) -> str | None:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return doc.get_metadata_value("Keywords") or None
    finally:
        doc.close()


def verify_file(
    path: str | Path,
    *,
    store: Store | None = None,
    trust_list: str | Path | dict | None = None,
) -> Verification:
    """Verify a PDF or an image of a certificate by decoding its printed QR."""
    path = Path(path)
    known = trusted_keys(store, trust_list)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        texts = qr_texts_from_pdf(path)
        source = "pdf"
        if not texts:
            # The visible QR is what counts; the metadata copy only helps when the page
            # cannot be decoded (it is still fully verified).
            kw = pdf_keywords(path)
            if kw:
                texts, source = [kw], "pdf-metadata"
    elif suffix in IMAGE_SUFFIXES:
        from PIL import Image

        with Image.open(path) as img:
            img.load()
            texts = decode_qr_image(img)
        source = "image"
    else:
        return Verification(False, "not_a_file_type", detail=f"{path.name}: not a PDF or image")
    if not texts:
        return Verification(False, "no_qr", detail=path.name, source=source)
    results = [verify_text(t, store=store, public_keys=known, source=source) for t in texts]
    for r in results:
        if r.valid:
            break
    else:
        r = results[0]
    return r


def verify_any(
    arg: str, *, store: Store | None = None, trust_list: str | Path | dict | None = None
) -> Verification:
    """What the CLI and GUI accept: QR text, or a path to a PDF/image."""
    candidate = arg.strip()
    if (
        candidate.count(".") != 2
        or "/" in candidate
        or Path(candidate).suffix.lower() in ({".pdf"} | IMAGE_SUFFIXES)
    ):
        p = Path(candidate)
        if p.is_file():
            return verify_file(p, store=store, trust_list=trust_list)
    return verify_text(candidate, store=store, trust_list=trust_list)


def dumps(v: Verification) -> str:
    return json.dumps(v.to_json(), ensure_ascii=False)
