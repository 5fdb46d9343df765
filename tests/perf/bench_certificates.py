"""Benchmark: 1,000 certificates for one workshop (each its own shaped bilingual PDF with a
signed QR, plus the combined print file), on all cores.

Side by side in the same run, with the same two-process pipeline:
  - shaped (the real thing: `issue_certificates`, DB + signing + files included),
  - shaped, rendering only (no DB),
  - unshaped (HarfBuzz off: what shaping costs; Hindi would look broken),
  - fpdf2 with its own HarfBuzz shaping (a peer library).
Memory: peak RSS of the parent and of the worker processes, at 250 and at 1,000 certificates
(flat = the same).

Run: python tests/perf/bench_certificates.py [--count 1000] [--workers 2]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.core.centre import init_centre  # noqa: E402
from desktop.core.certificates import keys  # noqa: E402
from desktop.core.certificates.issue import issue_certificates  # noqa: E402
from desktop.core.demo.names import GIVEN_FEMALE, GIVEN_MALE, SURNAMES  # noqa: E402
from desktop.store import open_store  # noqa: E402
from desktop.store.bulk import insert_many  # noqa: E402

TEMPLATE = str(ROOT / "resources" / "templates" / "academy")


def make_db(path: Path, count: int) -> tuple[object, str]:
    store = open_store(path)
    init_centre(store, "UPAAM", "UP Academy of Administration and Management",
                "उत्तर प्रदेश प्रशासन एवं प्रबंधन अकादमी")  # fmt: skip
    keys.ensure_signing_key(store)
    rng = random.Random(5)
    prog = store.insert("programme", {"code": "EOFF", "title_en": "e-Office and Digital Governance",
                        "title_hi": "ई-ऑफिस एवं डिजिटल शासन", "hours": 18, "min_attendance_pct": 75})  # fmt: skip
    ws = store.insert("workshop", {"programme_id": prog, "institute_code": "UPAAM",
        "title_en": "e-Office batch 7", "title_hi": "ई-ऑफिस बैच 7", "mode": "institute",
        "venue": "UPAAM, Lucknow", "district_code": "LKO", "start_date": "2026-11-18",
        "end_date": "2026-11-20", "trainers": ["A. Kumar"]})  # fmt: skip
    session = store.insert("session", {"workshop_id": ws, "date": "2026-11-18",
                                       "start_time": "10:00", "end_time": "13:00", "topic_en": "x"})  # fmt: skip
    rows = []
    for i in range(count):
        g_en, g_hi = rng.choice(GIVEN_FEMALE + GIVEN_MALE)
        s_en, s_hi = rng.choice(SURNAMES)
        rows.append({"name_en": f"{g_en} {s_en}", "name_hi": f"{g_hi} {s_hi}",
                     "employee_code": f"UP{i:07d}", "designation": "Block Development Officer",
                     "department": "Rural Development"})  # fmt: skip
    with store.transaction():
        pids = insert_many(store, "participant", rows)
        insert_many(store, "enrolment", ({"workshop_id": ws, "participant_id": p,
                    "source": "nominated", "status": "enrolled"} for p in pids))  # fmt: skip
        insert_many(store, "attendance", ({"session_id": session, "participant_id": p,
                    "status": "present", "marked_at": "2026-11-18T10:00:00.000Z",
                    "method": "scan", "marked_by": "bench"} for p in pids))  # fmt: skip
    return store, ws


# -- render-only variants (run in worker processes) ---------------------------------------------
def _items(count: int, out: Path):
    from desktop.core.certificates.values import pdf_meta

    rng = random.Random(9)
    qr = "eyJhbGciOiJFZERTQSIsImtpZCI6IlVQQUFNOjEiLCJ0eXAiOiJrZC1jZXJ0K2p3cyJ9." + "x" * 430
    items = []
    for i in range(count):
        g_en, g_hi = rng.choice(GIVEN_FEMALE + GIVEN_MALE)
        s_en, s_hi = rng.choice(SURNAMES)
        number = f"UPAAM/2026/{i + 1:06d}X"
        values = {"name_en": f"{g_en} {s_en}", "name_hi": f"{g_hi} {s_hi}",
            "designation_line": "Block Development Officer — ग्राम्य विकास / Rural Development",
            "programme_en": "e-Office and Digital Governance", "programme_hi": "ई-ऑफिस एवं डिजिटल शासन",
            "hours": "18", "from": "18.11.2026", "to": "20.11.2026", "venue": "UPAAM, Lucknow",
            "venue_hi": "UPAAM, Lucknow", "institute_en": "UP Academy of Administration and Management",
            "institute_hi": "उत्तर प्रदेश प्रशासन एवं प्रबंधन अकादमी", "number": number,
            "issued": "21.11.2026"}  # fmt: skip
        sig = f"{i:086d}"[-86:]
        items.append((values, qr + "." + sig, pdf_meta(values, qr), str(out / f"{i:05d}.pdf")))
    return items


def _no_shaping() -> None:
    import desktop.core.pdf.text as t

    t.shapeStr = lambda s, font, size, force=False: s
    t.shape_runs.cache_clear()


def _rl_job(args):
    from desktop.core.certificates.batch import render_job

    shaped, job = args
    if not shaped:
        _no_shaping()
    return render_job(job)


def _fpdf_job(args):
    """The same certificate with fpdf2 (text shaping on), separate files + combined part."""
    items, part = args
    from fpdf import FPDF

    from desktop.core.pdf.qr import qr_matrix

    font_dir = ROOT / "resources" / "fonts"
    tdir = Path(TEMPLATE)

    def new_doc():
        pdf = FPDF(orientation="L", unit="mm", format="A4")
        pdf.set_auto_page_break(False)
        pdf.add_font("N", "", str(font_dir / "NotoSansDevanagari-Regular.ttf"))
        pdf.add_font("N", "B", str(font_dir / "NotoSansDevanagari-Bold.ttf"))
        pdf.set_text_shaping(True)
        return pdf

    def page(pdf, values, qr):
        pdf.add_page()
        pdf.set_fill_color(255, 253, 246)
        pdf.rect(0, 0, 297, 210, style="F")
        pdf.set_draw_color(31, 58, 104)
        pdf.set_line_width(0.85)
        pdf.rect(7, 7, 283, 196)
        pdf.image(str(tdir / "emblem.png"), x=137, y=13, w=23, h=23)
        for text, y, style, size in (
            (values["institute_hi"], 44, "B", 17), (values["institute_en"], 50.5, "", 11.5),
            ("प्रशिक्षण पूर्णता प्रमाण-पत्र", 64, "B", 27), ("CERTIFICATE OF COMPLETION", 72.5, "", 15),
            ("प्रमाणित किया जाता है कि / This is to certify that", 83, "", 11),
            (values["name_hi"], 95, "B", 24), (values["name_en"], 104, "B", 17),
            (values["designation_line"], 111, "", 10.5),
            (f"ने {values['from']} से {values['to']} तक {values['venue_hi']} में आयोजित प्रशिक्षण "
             f"कार्यक्रम “{values['programme_hi']}” ({values['hours']} घंटे) सफलतापूर्वक पूर्ण किया है।", 121, "", 11.5),
            (f"has successfully completed the training programme “{values['programme_en']}” "
             f"({values['hours']} hours) held at {values['venue']} from {values['from']} to {values['to']}.", 134, "", 11),
            (f"प्रमाण-पत्र सं. / Certificate No.: {values['number']}", 178, "", 8.5),
        ):  # fmt: skip
            pdf.set_font("N", style, size)
            pdf.set_xy(31, y - size * 0.3)
            pdf.multi_cell(235, size * 0.45, text, align="C")
        for x, sig in ((62, "signature-coordinator.png"), (235, "signature-director.png")):
            pdf.image(str(tdir / sig), x=x - 40, y=151, w=80, h=15)
        m = qr_matrix(qr)
        n = len(m)
        mod = 30 / n
        pdf.set_fill_color(0, 0, 0)
        for r in range(n):
            row = m[r]
            c = 0
            while c < n:
                if row[c]:
                    s = c
                    while c < n and row[c]:
                        c += 1
                    pdf.rect(133.5 + s * mod, 143 + r * mod, (c - s) * mod, mod, style="F")
                else:
                    c += 1

    import hashlib

    shas = []
    combined = new_doc()
    for values, qr, _meta, path in items:
        pdf = new_doc()
        page(pdf, values, qr)
        data = bytes(pdf.output())
        Path(path).write_bytes(data)
        shas.append(hashlib.sha256(data).hexdigest())
        page(combined, values, qr)
    combined.output(part)
    return shas


def _cpu_seconds() -> float:
    """User+system CPU of this process and its finished children (robust to a busy machine)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _peak_children_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _peak_self_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_render(kind: str, count: int, workers: int, out: Path) -> tuple[float, float]:
    """Render `count` certificates + a combined file per worker with a fresh pool."""
    out.mkdir(parents=True, exist_ok=True)
    items = _items(count, out)
    size = -(-count // workers)
    chunks = [items[k * size : (k + 1) * size] for k in range(workers)]
    ctx = multiprocessing.get_context("spawn")
    c0 = _cpu_seconds()
    t0 = time.perf_counter()
    with ProcessPoolExecutor(workers, mp_context=ctx) as pool:
        if kind == "fpdf2":
            args = [(c, str(out / f"part{k}.pdf")) for k, c in enumerate(chunks)]
            list(pool.map(_fpdf_job, args))
        else:
            jobs = [{"template": TEMPLATE, "items": c, "part": str(out / f"part{k}.pdf")}
                    for k, c in enumerate(chunks)]  # fmt: skip
            list(pool.map(_rl_job, [(kind == "shaped", j) for j in jobs]))
    if kind != "fpdf2":
        from desktop.core.certificates.issue import merge_pdfs

        merge_pdfs([out / f"part{k}.pdf" for k in range(workers)], out / "print.pdf")
    return time.perf_counter() - t0, _cpu_seconds() - c0


def issue_run(n: int, workers: int) -> dict:
    """One real issue in this (fresh) process; reports time, sizes and peak memory."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "desk.db"
        store, ws = make_db(path, n)
        c0 = _cpu_seconds()
        t0 = time.perf_counter()
        res = issue_certificates(store, ws, workers=workers)
        dt = time.perf_counter() - t0
        cpu = _cpu_seconds() - c0
        assert len(res.issued) == n and res.batch_pdf is not None
        size = sum(i.pdf.stat().st_size for i in res.issued) / n / 1024
        batch = res.batch_pdf.stat().st_size / 1024 / 1024
        store.close()
    return {"n": n, "seconds": dt, "cpu": cpu, "kb": size, "batch_mb": batch,
            "rss_parent": _peak_self_mb(), "rss_worker": _peak_children_mb()}  # fmt: skip


def main() -> None:
    import json
    import subprocess

    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--issue-only", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.issue_only:
        print(json.dumps(issue_run(args.issue_only, args.workers)))
        return
    rows = []
    mem = []
    for n in (args.count // 4, args.count):
        out = subprocess.run(
            [sys.executable, __file__, "--issue-only", str(n), "--workers", str(args.workers)],
            capture_output=True, text=True, check=True,
        ).stdout.strip().splitlines()[-1]  # fmt: skip
        r = json.loads(out)
        rows.append(("issue: DB + sign + shaped PDFs + print file", n, r["seconds"], r["cpu"],
                     r["kb"], r["batch_mb"]))  # fmt: skip
        mem.append((n, r["rss_parent"], r["rss_worker"]))
    cpu_of = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for kind in ("shaped", "unshaped", "fpdf2"):
            out = tmp / kind
            dt, cpu = run_render(kind, args.count, args.workers, out)
            cpu_of[kind] = cpu
            files = list(out.glob("0*.pdf"))
            size = sum(p.stat().st_size for p in files) / len(files) / 1024
            prints = [out / "print.pdf"] if kind != "fpdf2" else list(out.glob("part*.pdf"))
            combined = sum(p.stat().st_size for p in prints) / 1024 / 1024
            rows.append((f"render only, {kind}", args.count, dt, cpu, size, combined))
    w = args.workers
    print(f"\nCertificates benchmark — {w} worker processes, {os.cpu_count()} CPUs, "
          f"load average now {os.getloadavg()[0]:.1f}\n")  # fmt: skip
    print(f"| {'run':44} | {'n':>5} | {'wall s':>7} | {'CPU s':>7} | {'CPU s / cores':>13} "
          f"| {'KB/PDF':>6} | {'print MB':>8} |")  # fmt: skip
    print(f"|{'-' * 46}|{'-' * 7}|{'-' * 9}|{'-' * 9}|{'-' * 15}|{'-' * 8}|{'-' * 10}|")
    for name, n, dt, cpu, size, comb in rows:
        print(f"| {name:44} | {n:5} | {dt:7.2f} | {cpu:7.2f} | {cpu / w:13.2f} "
              f"| {size:6.0f} | {comb:8.1f} |")  # fmt: skip
    print()
    print("wall s: elapsed here, under whatever else runs; CPU s: user+system of all processes;")
    print("CPU s / cores: the elapsed time to expect on an otherwise idle machine")
    base = cpu_of["shaped"]
    print(f"shaping cost (CPU): shaped / unshaped = {base / cpu_of['unshaped']:.2f}x")
    print(f"peer (CPU): fpdf2 shaped / ReportLab shaped = {cpu_of['fpdf2'] / base:.2f}x")
    for n, parent, worker in mem:
        print(f"peak RSS at {n:5} certificates: parent {parent:.0f} MB, worker {worker:.0f} MB")


if __name__ == "__main__":
    main()
