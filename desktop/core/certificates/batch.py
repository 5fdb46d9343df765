"""Rendering jobs that run in worker processes (both cores for big batches).

A job renders each certificate into its own PDF (written atomically, SHA-256 returned) and
the same pages into one part of the combined print file. Only plain data crosses the process
boundary; the database is never touched here (one writer connection, in the parent).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from desktop.core.certificates.render import CertificateRenderer
from desktop.core.certificates.template import load_template
from desktop.fileio import write_file_atomic

_renderers: dict[str, CertificateRenderer] = {}


def renderer_for(template_path: str) -> CertificateRenderer:
    r = _renderers.get(template_path)
    if r is None:
        r = _renderers[template_path] = CertificateRenderer(load_template(template_path))
    return r


def write_atomic(path: Path, data: bytes, *, fsync: bool = True) -> None:
    """Write a certificate PDF whole or not at all, making its folder. `fsync=False` when the
    caller flushes the whole batch at once (`os.sync()` per chunk costs what one fsync per
    file costs, ~8 ms here)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_file_atomic(path, data, fsync=fsync)


# POSIX: one os.sync() per chunk (in the parent, before the commit) instead of an fsync per file.
BATCH_SYNC = hasattr(os, "sync")


def render_job(job: dict[str, Any]) -> list[str]:
    """Render `job["items"]` = [(values, qr, meta, pdf_path)]; returns their SHA-256s.

    With `job["part"]`, the pages are also drawn into that one multi-page PDF."""
    r = renderer_for(job["template"])
    part = None
    if job.get("part"):
        part = r.new_canvas(job["part"], {"title": job.get("part_title", "")})
    shas = []
    for values, qr, meta, pdf_path in job["items"]:
        data = r.render_pdf(values, qr, meta)
        write_atomic(Path(pdf_path), data, fsync=not BATCH_SYNC)
        shas.append(hashlib.sha256(data).hexdigest())
        if part is not None:
            r.draw_page(part, values, qr)
            part.showPage()
    if part is not None:
        part.save()
    return shas


def warm_up(template_path: str) -> bool:
    """Pool initializer work: fonts, images and the template loaded before the first job."""
    renderer_for(template_path)
    return True
