"""Issue, re-issue, revoke and reprint certificates.

Rules (from what users of other tools complain about):
- an issued certificate never changes: the PDF bytes' SHA-256 and the signed QR text are
  stored at issue time and the stored file is what is reprinted, whatever later edits;
- issuing again does nothing for someone who already holds one, unless re-issue is chosen
  (new number, `supersedes` the old one, which is revoked with the reason);
- numbers are reserved in the same transaction that inserts the certificates.

Work happens in chunks: each chunk is one transaction (numbers, signatures, rendering on both
cores, inserts); cancel takes effect between chunks, so what was committed is complete.

A little over 500 lines: issue, re-issue, revoke and reprint share the numbering, signing and
rendering steps of that one chunked transaction, kept together so they cannot drift apart.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import shutil
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from desktop.core import audit, clock
from desktop.core.certificates import keys
from desktop.core.certificates.batch import BATCH_SYNC, render_job, warm_up
from desktop.core.certificates.jws import sign
from desktop.core.certificates.numbering import next_number, suggest_numbers
from desktop.core.certificates.template import find_template
from desktop.core.certificates.values import (
    WorkshopContext,
    certificate_payload,
    certificate_values,
    display_date,
    pdf_meta,
)
from desktop.core.dates import format_date
from desktop.core.progress import Cancelled, Progress
from desktop.core.users import Permission, require
from desktop.fileio import AtomicFile, make_named_folder
from desktop.paths import files_dir
from desktop.protocol.ids import new_id, now_ts
from desktop.store import RecordNotFound, Store, StoreError
from desktop.text.said import said

POOL_THRESHOLD = 24  # below this many, rendering in-process beats starting workers


class CertificateNotFound(RecordNotFound):
    """No certificate has the typed number; `suggestions` are stored numbers it may have
    meant (look-alike characters), best first."""

    def __init__(self, number: str, suggestions: list[str]) -> None:
        self.number = number
        self.suggestions = suggestions
        hint = f" Did you mean {' or '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"No certificate numbered {number}.{hint}")


class CertificateError(StoreError):
    """A certificate operation that cannot be done (message is for the user)."""


@dataclass
class Issued:
    certificate_id: str
    number: str
    participant_id: str
    pdf: Path
    qr: str
    supersedes: str | None = None


@dataclass
class IssueResult:
    issued: list[Issued] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (participant_id, reason)
    batch_pdf: Path | None = None
    cancelled: bool = False


def certificates_root(store: Store) -> Path:
    if store.path is None:
        raise CertificateError(said("An in-memory database has no files folder; pass out_dir."))
    return files_dir(store.path) / "certificates"


def _safe(number: str) -> str:
    return number.replace("/", "-")


@lru_cache(maxsize=16)
def _files_root(db_path: str) -> Path:
    return files_dir(db_path).resolve()


def _rel(store: Store, path: Path) -> str:
    """Stored file paths are relative to the files folder, so a moved/restored folder works."""
    path = path if path.is_absolute() else path.resolve()
    if store.path is not None:
        try:
            return str(path.relative_to(_files_root(str(store.path))))
        except ValueError:
            pass
    return str(path)


def stored_path(store: Store, rel: str) -> Path:
    p = Path(rel)
    if p.is_absolute() or store.path is None:
        return p
    return files_dir(store.path) / p


def current_certificate(store: Store, participant_id: str, workshop_id: str) -> dict | None:
    """The latest certificate of a participant for a workshop (revoked ones included)."""
    row = store.conn.execute(
        "SELECT * FROM certificate WHERE participant_id = ? AND workshop_id = ? AND deleted = 0 "
        "ORDER BY issued_at DESC, number DESC LIMIT 1",
        (participant_id, workshop_id),
    ).fetchone()
    return dict(row) if row else None


def _default_eligible(store: Store, workshop_id: str) -> list[str]:
    from desktop.core.completion import eligible_participants

    return eligible_participants(store, workshop_id)


def _plan(
    store: Store,
    workshop_id: str,
    participant_ids: Iterable[str] | None,
    reissue_reason: str | None,
    eligible: Callable[[Store, str], list[str]],
) -> tuple[list[tuple[str, dict | None]], list[tuple[str, str]]]:
    allowed = list(dict.fromkeys(eligible(store, workshop_id)))
    wanted = allowed if participant_ids is None else list(dict.fromkeys(participant_ids))
    allowed_set = set(allowed)
    todo: list[tuple[str, dict | None]] = []
    skipped: list[tuple[str, str]] = []
    for pid in wanted:
        if pid not in allowed_set:
            skipped.append((pid, said("not eligible (completion rule not met or not enrolled)")))
            continue
        old = current_certificate(store, pid, workshop_id)
        if old is not None and not reissue_reason:
            why = (
                said("already holds {number} (revoked); choose re-issue", number=old["number"])
                if old["revoked_at"]
                else said("already holds {number} (valid); choose re-issue", number=old["number"])
            )
            skipped.append((pid, why))
            continue
        todo.append((pid, old))
    return todo, skipped


def issue_certificates(
    store: Store,
    workshop_id: str,
    *,
    participant_ids: Iterable[str] | None = None,
    reissue_reason: str | None = None,
    template: str | Path | None = None,
    out_dir: Path | str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    workers: int | None = None,
    chunk_size: int | None = None,
    combined: bool = True,
    issued_on: date | None = None,
    eligible: Callable[[Store, str], list[str]] | None = None,
) -> IssueResult:
    """Issue certificates for a workshop (all eligible, or `participant_ids`).

    `reissue_reason` makes it a re-issue for those who already hold one. `cancelled()` is
    polled between chunks. Files go under `files_dir(db)/certificates/<workshop>/` (or
    `out_dir`)."""
    require(store, Permission.ISSUE_CERTIFICATES)
    if reissue_reason is not None and not reissue_reason.strip():
        raise CertificateError(said("A re-issue needs a reason."))
    institute = store.institute_code
    if not institute:
        raise CertificateError(said("Run init first: this database has no institute code."))
    ctx = WorkshopContext.load(store, workshop_id)
    template_path = str(find_template(template, store.path).parent)
    kid, private = keys.signing_key(store)
    todo, skipped = _plan(
        store, workshop_id, participant_ids, reissue_reason, eligible or _default_eligible
    )
    result = IssueResult(skipped=skipped)
    total = len(todo)
    if not total:
        return result
    if chunk_size is None:
        # About ten steps: progress and cancel stay responsive, each commit stays short.
        chunk_size = min(200, max(25, -(-total // 10)))
    root = Path(out_dir) if out_dir else certificates_root(store)
    folder = (root / workshop_id).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    day = issued_on or date.today()
    stamp = now_ts().replace(":", "").replace("-", "").replace(".", "")
    parts: list[Path] = []
    n_workers = max(1, min(workers or os.cpu_count() or 1, 8))
    pool = None
    warm: list = []
    if n_workers > 1 and total >= POOL_THRESHOLD:
        pool = ProcessPoolExecutor(n_workers, mp_context=multiprocessing.get_context("spawn"))
        warm = [pool.submit(warm_up, template_path) for _ in range(n_workers)]
    try:
        # The workers warm up (imports, fonts, images) while the first chunk is numbered and
        # signed here; their jobs simply queue behind the warm-up.
        done = 0
        for start in range(0, total, chunk_size):
            if cancelled and cancelled():
                result.cancelled = True
                break
            chunk = todo[start : start + chunk_size]
            issued = _issue_chunk(
                store, ctx, chunk, kid, private, institute, day, folder, template_path,
                reissue_reason, pool, n_workers, parts, stamp, len(parts) if combined else None,
            )  # fmt: skip
            result.issued.extend(issued)
            done += len(chunk)
            if progress:
                progress(done, total, f"{done} of {total} certificates issued")
        for f in warm:
            f.result()  # surface a worker that failed to start
        if combined and parts:
            batch = folder / f"print-{stamp}.pdf"
            merge_pdfs(parts, batch)
            result.batch_pdf = batch
            with store.transaction():
                store.conn.executemany(
                    "UPDATE certificate_file SET batch_path = ? WHERE certificate_id = ?",
                    [(_rel(store, batch), i.certificate_id) for i in result.issued],
                )
    finally:
        for p in parts:
            p.unlink(missing_ok=True)
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    return result


def _issue_chunk(
    store, ctx, chunk, kid, private, institute, day, folder, template_path,
    reissue_reason, pool, n_workers, parts, stamp, part_index,
) -> list[Issued]:  # fmt: skip
    issued_at = now_ts()
    issued_iso = day.isoformat()
    clock_note = clock.history_note(store)  # issued while this laptop's clock is known wrong
    made: list[Issued] = []
    items = []
    written: list[Path] = []
    try:
        with store.transaction():
            for pid, old in chunk:
                participant = store.require("participant", pid)
                number = next_number(store, institute, day.year)
                payload = certificate_payload(ctx, participant, number, issued_iso)
                qr = sign(payload, kid, private)
                values = certificate_values(store, ctx, participant, number, issued_iso)
                path = folder / f"{_safe(number)}.pdf"
                written.append(path)
                items.append((values, qr, pdf_meta(values, qr), str(path)))
                made.append(Issued(new_id(), number, pid, path, qr, old["id"] if old else None))
            shas = _render(items, template_path, pool, n_workers, folder, parts, stamp, part_index)
            if BATCH_SYNC:
                os.sync()  # the files are on disk before the rows that point at them commit
            for cert, sha in zip(made, shas, strict=False):
                store.insert(
                    "certificate",
                    {
                        "number": cert.number,
                        "participant_id": cert.participant_id,
                        "workshop_id": ctx.workshop["id"],
                        "issued_at": issued_at,
                        "pdf_sha256": sha,
                        "qr": cert.qr,
                        "supersedes": cert.supersedes,
                    },
                    record_id=cert.certificate_id,
                )
                store.conn.execute(
                    "INSERT INTO certificate_file(certificate_id, pdf_path, template, "
                    "created_at, clock_note) VALUES (?, ?, ?, ?, ?)",
                    (cert.certificate_id, _rel(store, cert.pdf), template_path, issued_at,
                     clock_note),
                )
                if cert.supersedes:
                    old = store.require("certificate", cert.supersedes)
                    if not old["revoked_at"]:
                        store.update(
                            "certificate",
                            cert.supersedes,
                            {
                                "revoked_at": issued_at,
                                "revocation_reason": f"superseded by {cert.number}: {reissue_reason}",
                            },
                        )
                    store.conn.execute(
                        "INSERT INTO certificate_reissue(certificate_id, supersedes, reason, at, "
                        "acted_by) VALUES (?, ?, ?, ?, ?)",
                        (cert.certificate_id, cert.supersedes, reissue_reason, issued_at,
                         store.actor),
                    )
                audit.record(
                    store, "certificate.reissue" if cert.supersedes else "certificate.issue",
                    target=cert.number, participant_id=cert.participant_id,
                    workshop_id=ctx.workshop["id"],
                    details={"certificate_id": cert.certificate_id,
                             "supersedes": cert.supersedes, "reason": reissue_reason},
                )
    except BaseException:
        for p in written:
            p.unlink(missing_ok=True)
        raise
    return made


def _render(items, template_path, pool, n_workers, folder, parts, stamp, part_index) -> list[str]:
    """Split the chunk across workers; each also draws its pages into a part of the print file."""
    if pool is None:
        n = 1
    else:
        n = min(n_workers, len(items))
    size = -(-len(items) // n)
    jobs = []
    for k in range(n):
        sub = items[k * size : (k + 1) * size]
        if not sub:
            continue
        part = None
        if part_index is not None:
            part = folder / f".part-{stamp}-{len(parts):05d}.pdf"
            parts.append(part)
        jobs.append({"template": template_path, "items": sub, "part": str(part) if part else None})
    if pool is None:
        results = [render_job(j) for j in jobs]
    else:
        results = list(pool.map(render_job, jobs))
    return [sha for shas in results for sha in shas]


def merge_pdfs(sources: list[Path], target: Path) -> None:
    """Concatenate PDFs (pdfium, C speed) into `target`, written atomically."""
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    for src in sources:
        doc = pdfium.PdfDocument(str(src))
        out.import_pages(doc)
        doc.close()
    try:
        with AtomicFile(target, fsync=False) as tmp:  # a print file, made again from the PDFs
            out.save(str(tmp))
    finally:
        out.close()


# -- register, revoke, reprint ----------------------------------------------------------------
def find_by_number(store: Store, number: str) -> dict:
    row = store.conn.execute(
        "SELECT * FROM certificate WHERE number = ? AND deleted = 0", (number.strip().upper(),)
    ).fetchone()
    if row is None:
        raise CertificateNotFound(number.strip(), suggest_numbers(store, number))
    return dict(row)


def revoke(store: Store, number: str, reason: str, when: str | None = None) -> dict:
    """Revoke with reason and date: a new version of the certificate record, so it syncs."""
    require(store, Permission.REVOKE_CERTIFICATES)
    if not reason or not reason.strip():
        raise CertificateError(said("A revocation needs a reason."))
    with store.transaction():
        cert = find_by_number(store, number)
        if cert["revoked_at"]:
            raise CertificateError(
                said(
                    "Certificate {number} was already revoked on {date}.",
                    number=cert['number'], date=format_date(cert['revoked_at']),
                )
            )
        store.update(
            "certificate",
            cert["id"],
            {"revoked_at": when or now_ts(), "revocation_reason": reason.strip()},
        )
        audit.record(
            store, "certificate.revoke", target=cert["number"],
            participant_id=cert["participant_id"], workshop_id=cert["workshop_id"],
            details={"certificate_id": cert["id"], "reason": reason.strip()},
        )
        return store.require("certificate", cert["id"])


def stored_file(store: Store, certificate_id: str) -> Path | None:
    row = store.conn.execute(
        "SELECT pdf_path FROM certificate_file WHERE certificate_id = ?", (certificate_id,)
    ).fetchone()
    return stored_path(store, row[0]) if row else None


def reprint_bytes(store: Store, number: str) -> bytes:
    """The stored, issued PDF (checked against its recorded SHA-256); a revoked certificate
    gets a visible REVOKED stamp laid over the unchanged original page."""
    import hashlib

    cert = find_by_number(store, number)
    path = stored_file(store, cert["id"])
    if path is None or not path.is_file():
        raise CertificateError(
            said(
                "The issued file of {number} is not on this desk ({path}); it was issued "
                "elsewhere or the files folder was not restored.",
                number=cert['number'], path=path,
            )
        )
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != cert["pdf_sha256"]:
        raise CertificateError(
            said(
                "The stored file of {number} does not match the one issued (SHA-256 differs); it "
                "has been altered. Restore it from a backup.",
                number=cert['number'],
            )
        )
    if not cert["revoked_at"]:
        return data
    return stamp_revoked(
        data, display_date(cert["revoked_at"]), cert.get("revocation_reason") or ""
    )


def stamp_revoked(data: bytes, when: str, reason: str) -> bytes:
    """A new PDF whose page shows the stored page 1 untouched (embedded as a form XObject,
    so its text layer and ActualText survive) with the REVOKED mark laid over it."""
    import pypdfium2 as pdfium

    from desktop.core.certificates.render import CertificateRenderer
    from desktop.core.certificates.template import load_template

    original = pdfium.PdfDocument(data)
    w, h = original[0].get_size()
    renderer = CertificateRenderer(load_template())
    renderer.W, renderer.H = w, h
    buf = io.BytesIO()
    c = renderer.new_canvas(buf)
    c.setPageSize((w, h))
    renderer._revoked(c, {"date": when, "reason": reason})
    c.showPage()
    c.save()
    stamp = pdfium.PdfDocument(buf.getvalue())
    out_doc = pdfium.PdfDocument.new()
    page = out_doc.new_page(w, h)
    for source in (original, stamp):
        page.insert_obj(source.page_as_xobject(0, out_doc).as_pageobject())
    page.gen_content()
    out = io.BytesIO()
    out_doc.save(out)
    return out.getvalue()


def list_certificates(
    store: Store,
    *,
    search: str | None = None,
    workshop_id: str | None = None,
    status: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """The register: newest first, with participant and workshop names."""
    sql = (
        "SELECT c.id, c.number, c.participant_id, c.workshop_id, c.issued_at, c.revoked_at, "
        "c.revocation_reason, c.supersedes, c.pdf_sha256, p.name_en, p.name_hi, p.employee_code, "
        "w.title_en AS workshop_en, w.title_hi AS workshop_hi, f.pdf_path, f.batch_path "
        "FROM certificate c LEFT JOIN participant p ON p.id = c.participant_id "
        "LEFT JOIN workshop w ON w.id = c.workshop_id "
        "LEFT JOIN certificate_file f ON f.certificate_id = c.id WHERE c.deleted = 0"
    )
    args: list[Any] = []
    if workshop_id:
        sql += " AND c.workshop_id = ?"
        args.append(workshop_id)
    if status == "valid":
        sql += " AND c.revoked_at IS NULL"
    elif status == "revoked":
        sql += " AND c.revoked_at IS NOT NULL"
    if search:
        like = f"%{search.strip()}%"
        sql += (
            " AND (c.number LIKE ? OR p.name_en LIKE ? OR p.name_hi LIKE ? "
            "OR p.employee_code LIKE ? OR p.name_latin LIKE ?)"
        )
        args += [like, like, like, like, like.lower()]
    sql += " ORDER BY c.issued_at DESC, c.number DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [dict(r) for r in store.conn.execute(sql, args)]


def copy_out(result: IssueResult, out_dir: Path) -> dict[str, Path]:
    """Copy the issued files to `out_dir` (CLI --out); returns certificate_id → copy. The
    folder itself is made if its parent exists; a missing parent is MissingFolder."""
    make_named_folder(out_dir)
    copies = {}
    for item in result.issued:
        target = out_dir / item.pdf.name
        shutil.copy2(item.pdf, target)
        copies[item.certificate_id] = target
    if result.batch_pdf:
        shutil.copy2(result.batch_pdf, out_dir / result.batch_pdf.name)
    return copies
