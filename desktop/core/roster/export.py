"""Writing the roster back out: our own "kd" layout or iGOT's bulk-onboarding template, as CSV
(UTF-8 with BOM, so Excel shows Hindi) or XLSX (write-only, streaming); formula-like text
is written as text (`desktop.core.cells`). Both read back in
through `import_roster` unchanged."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop.core.cells import csv_row, xlsx_row
from desktop.core.progress import Progress
from desktop.core.roster.fields import IGOT_COLUMNS, IGOT_GENDER, IGOT_GROUP, KD_COLUMNS
from desktop.fileio import AtomicFile
from desktop.store import Store

LAYOUTS = ("kd", "igot")


def _columns(layout: str) -> tuple[tuple[str, str | None], ...]:
    if layout == "kd":
        return KD_COLUMNS
    if layout == "igot":
        return IGOT_COLUMNS
    raise ValueError(f"unknown layout {layout!r} (kd, igot)")


def roster_rows(store: Store, layout: str = "kd") -> Iterator[list[str]]:
    """Cells of every live participant in roster order (oldest first), header excluded."""
    columns = _columns(layout)
    fields = [f for _, f in columns if f]
    sql = f"SELECT {', '.join(fields)} FROM participant WHERE deleted = 0 ORDER BY seq"
    for row in store.conn.execute(sql):
        out: list[str] = []
        for _, name in columns:
            value = row[name] if name else None
            if layout == "igot" and value is not None:
                if name == "service_group":
                    value = IGOT_GROUP.get(value, value)
                elif name == "gender":
                    value = IGOT_GENDER.get(value, value)
            out.append("" if value is None else str(value))
        yield out


def export_roster(
    store: Store,
    path: str | Path,
    layout: str = "kd",
    progress: Progress | None = None,
) -> int:
    """Write the roster to `path` (.csv or .xlsx by extension); returns the row count.

    Written to a temporary file first and renamed, so a failed export never leaves half a
    file under the real name."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".txt"):
        raise ValueError(f"{path}: export writes .csv or .xlsx files")
    headers = [h for h, _ in _columns(layout)]
    count = 0
    with AtomicFile(path, fsync=False) as tmp:
        if suffix == ".xlsx":
            count = _write_xlsx(tmp, headers, roster_rows(store, layout), progress)
        else:
            with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(headers)
                for cells in roster_rows(store, layout):
                    writer.writerow(csv_row(cells))
                    count += 1
                    if progress and count % 50_000 == 0:
                        progress(count, 0, f"{count:,} rows written")
    return count


def _write_xlsx(
    path: Path,
    headers: list[str],
    rows: Iterator[list[str]],
    progress: Progress | None,
) -> int:
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet: Any = workbook.create_sheet("Roster")
    sheet.append(headers)
    count = 0
    for cells in rows:
        # Text, not numbers: a mobile or numeric code must not turn into 9.87E+09.
        sheet.append(xlsx_row(sheet, cells))  # formula-like text stays text
        count += 1
        if progress and count % 50_000 == 0:
            progress(count, 0, f"{count:,} rows written")
    workbook.save(path)
    return count
