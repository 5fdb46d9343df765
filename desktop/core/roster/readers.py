"""Reading roster files as a stream of rows, whatever Excel or a department's PC produced.

CSV: UTF-8 with or without BOM, UTF-16 LE/BE with BOM (Excel's "Unicode text", which is
tab-separated), or Windows-1252 ("ANSI") when the whole file decodes as that; the delimiter is
sniffed. XLSX: openpyxl in read-only mode. Both stream, so a 1.88-million-row file needs no
more memory than a small one. Old .xls: xlrd, whole (it cannot stream; size-capped). Row
numbers are the ones a spreadsheet shows (the header is row 1 unless a title sits above it).

A little over 500 lines: the three readers share the header search, the cell texts and the
`Table` they return (a separate .xls module would import them back: a cycle)."""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.roster.fields import header_score
from desktop.core.roster.zipcheck import check_workbook_zip
from desktop.text.said import said

csv.field_size_limit(1 << 24)

_SNIFF_BYTES = 256 * 1024
_HEADER_SEARCH_ROWS = 10


class RosterFileError(Exception):
    """The file cannot be used at all (exit 2, nothing changed): unreadable, empty, wrongly
    encoded, no recognisable header..."""


class NoDataRows(RosterFileError):
    """The file has a header row and nothing under it: refused rather than "imported" as
    0 rows, which looks like success. `name` is the file's name, for a translated message."""

    def __init__(self, path: str | Path) -> None:
        self.name = Path(path).name
        super().__init__(f"{self.name} has a header but no data rows: nothing to import.")


class UnmappedColumns(RosterFileError):
    """Columns that hold data map to no field: refused before anything is written, naming
    them, until the caller says to map or leave them out (`columns`: their labels)."""

    def __init__(self, columns: list[str]) -> None:
        self.columns = list(columns)
        names = ", ".join(repr(c) for c in self.columns)
        super().__init__(said(
            "column(s) {names} hold data but map to no participant field; nothing was "
            "imported. Map each to a field or leave it out by name.",
            names=names,
        ))


def column_label(headers: list[str], index: int) -> str:
    """How a column is named to the user: its header, or "column N" when it has none."""
    header = headers[index].strip() if index < len(headers) else ""
    return header or f"column {index + 1}"


@dataclass
class Table:
    """An opened roster file: its header and a one-pass iterator of data rows."""

    path: Path
    kind: str  # "csv" | "xlsx" | "xls"
    headers: list[str]
    header_row: int
    encoding: str | None = None
    delimiter: str | None = None
    total_bytes: int = 0
    estimated_rows: int | None = None
    _rows: Iterator[tuple[int, list[str]]] | None = field(default=None, repr=False)
    _progress: Any = field(default=None, repr=False)
    _close: Any = field(default=None, repr=False)

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(spreadsheet row number, cell texts) for each non-blank data row. Blank rows
        between the header and a data row are the gaps in the numbering (counted by the
        caller: no per-row wrapper here, this loop runs 1.88 million times on a big list)."""
        if self._rows is None:
            raise RuntimeError("rows() can be iterated once")
        rows, self._rows = self._rows, None
        return rows

    def fraction_done(self) -> float:
        """0..1 of the file consumed (bytes for CSV, rows for XLSX)."""
        return float(self._progress()) if self._progress else 0.0

    def close(self) -> None:
        if self._close:
            self._close()
            self._close = None

    def __enter__(self) -> Table:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_table(path: str | Path, sheet: str | None = None) -> Table:
    """Open a CSV or XLSX roster (`sheet`: a workbook's sheet by name, default the first one
    holding data); raises RosterFileError with a message for the user."""
    path = Path(path)
    try:
        if path.is_dir():
            raise RosterFileError(said("{path} is a folder, not a file.", path=path))
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except FileNotFoundError as exc:
        raise RosterFileError(said("{path}: no such file.", path=path)) from exc
    except OSError as exc:
        raise RosterFileError(said(
                "{path} cannot be read: {reason}.",
                path=path, reason=exc.strerror or str(exc),
            )) from exc
    if size == 0 or not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise RosterFileError(said("{path} is empty.", path=path))
    if head.startswith(b"PK\x03\x04"):
        refusal = check_workbook_zip(path)  # before any XML is parsed
        if refusal:
            raise RosterFileError(refusal)
        return _open_xlsx(path, size, sheet)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return _open_xls(path, size, sheet)
    if sheet:
        raise RosterFileError(said(
                "{path} is a text file, not a workbook: it has no sheets.",
                path=path,
            ))
    encoding = _detect_encoding(path, head)
    return _open_csv(path, size, head, encoding)


# -- CSV ------------------------------------------------------------------------------------


def _detect_encoding(path: Path, head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16"
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    sample = head[:4096]
    if sample.count(b"\x00") > len(sample) // 4:
        # UTF-16 without a BOM: ASCII text has a NUL in every other byte.
        even = sample[0::2].count(b"\x00")
        odd = sample[1::2].count(b"\x00")
        if odd > len(sample) // 4 and even == 0:
            return "utf-16-le"
        if even > len(sample) // 4 and odd == 0:
            return "utf-16-be"
        raise RosterFileError(said(
                "{path} is not a text or spreadsheet file (binary data).",
                path=path,
            ))
    if b"\x00" in sample:
        raise RosterFileError(said(
                "{path} is not a text or spreadsheet file (binary data).",
                path=path,
            ))
    try:
        # A multi-byte character may be cut at the end of the sample: decode incrementally.
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError as exc:
        if _is_windows_1252(path):
            return "cp1252"
        raise RosterFileError(
            said(
                '{path} is neither UTF-8 nor Windows-1252 ("ANSI") text (byte {byte} is '
                "invalid). Hindi would be lost: in Excel choose Save As → 'CSV UTF-8' or 'Unicode "
                "Text', or save as .xlsx.",
                path=path, byte=exc.start + 1,
            )
        ) from exc
    size = path.stat().st_size
    if len(head) < size <= _CP1252_LIMIT and not _is_utf8(path) and _is_windows_1252(path):
        return "cp1252"  # ASCII at the top, é or a Kruti Dev Å further down
    return "utf-8"


def _is_utf8(path: Path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_CP1252_LIMIT = 64 * 1024 * 1024


def _is_windows_1252(path: Path) -> bool:
    """An "ANSI" CSV from Excel on an English Windows: Latin text (and Kruti Dev typed in it),
    never Unicode Hindi. The whole file must decode (none of the five bytes Windows-1252
    leaves undefined), so a file in some other code page is refused, not turned to mojibake."""
    if path.stat().st_size > _CP1252_LIMIT:
        return False
    data = path.read_bytes()
    # Well-formed UTF-8 sequences (Hindi...) mean a UTF-8 file with a damaged byte, which is
    # refused at its row; Windows-1252 names never put a continuation byte after é or ñ.
    return _CP1252_UNDEFINED.search(data) is None and _UTF8_SEQUENCE.search(data) is None


class _CountingReader(io.RawIOBase):
    """Counts bytes read so progress can be shown for a streamed CSV."""

    def __init__(self, raw: io.BufferedReader) -> None:
        self.raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = self.raw.readinto(buffer)
        self.count += n or 0
        return n

    def close(self) -> None:
        self.raw.close()
        super().close()


def _sniff_delimiter(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()][:20]
    if not lines:
        return ","
    best, best_score = ",", -1
    for delimiter in (",", "\t", ";", "|"):
        counts = [_count_outside_quotes(line, delimiter) for line in lines]
        first = counts[0]
        if first == 0:
            continue
        # The header's count, weighted by how many lines agree with it.
        score = first * 10 + sum(1 for c in counts if c == first)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count


def _open_csv(path: Path, size: int, head: bytes, encoding: str) -> Table:
    try:
        sample = head.decode(encoding, errors="ignore")
    except LookupError as exc:  # pragma: no cover - encodings above are built in
        raise RosterFileError(str(exc)) from exc
    delimiter = _sniff_delimiter(sample.lstrip("\ufeff"))
    raw = _CountingReader(path.open("rb"))
    text = io.TextIOWrapper(io.BufferedReader(raw, 1 << 20), encoding=encoding, newline="")
    reader = csv.reader(text, delimiter=delimiter)

    def records() -> Iterator[tuple[int, list[str]]]:
        number = 0
        try:
            for cells in reader:
                number += 1
                yield number, cells
        except UnicodeDecodeError as exc:
            # The decoder works a block ahead of the csv reader: find the real line.
            bad = _first_undecodable_line(path, encoding) or number + 1
            raise RosterFileError(
                said(
                    "{path}: row {bad} is not valid {encoding} text. Save the file as 'CSV UTF-8' "
                    "or '.xlsx' and try again.",
                    path=path, bad=bad, encoding=encoding,
                )
            ) from exc
        except csv.Error as exc:
            raise RosterFileError(said(
                    "{path}: row {row} cannot be read ({error}).",
                    path=path, row=number + 1, error=str(exc),
                )) from exc

    stream = records()
    try:
        header_row, headers, pending = _find_header(stream, path)
    except BaseException:
        text.close()
        raise

    def rows() -> Iterator[tuple[int, list[str]]]:
        yield from pending
        for number, cells in stream:
            if "".join(cells).strip():  # a cell with more than spaces (one join, no loop)
                yield number, cells

    table = Table(
        path=path,
        kind="csv",
        headers=headers,
        header_row=header_row,
        encoding=encoding,
        delimiter=delimiter,
        total_bytes=size,
        _rows=rows(),
        _progress=lambda: min(1.0, raw.count / size) if size else 1.0,
        _close=text.close,
    )
    return table


def _first_undecodable_line(path: Path, encoding: str) -> int | None:
    """1-based line holding the first byte that is not valid `encoding` (UTF-8 family; None
    for others, whose lines cannot be split as bytes)."""
    if not encoding.replace("_", "-").lower().startswith("utf-8"):
        return None
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                return number
    return None


def _find_header(
    stream: Iterator[tuple[int, list[Any]]], path: Path
) -> tuple[int, list[str], list[tuple[int, list[str]]]]:
    """The header is the first non-blank row, unless a later row among the first few looks
    more like one (a title such as "Employees of Lucknow district" above the table)."""
    seen: list[tuple[int, list[str]]] = []
    for number, cells in stream:
        texts = [_cell_text(c) for c in cells]
        if any(texts):
            seen.append((number, texts))
        if len(seen) >= _HEADER_SEARCH_ROWS:
            break
    if not seen:
        raise RosterFileError(said("{path} is empty.", path=path))
    scores = [header_score(cells) for _, cells in seen]
    best = max(range(len(seen)), key=lambda i: (scores[i], -i))
    if scores[best] == 0:
        best = 0
    header_row, headers = seen[best]
    while headers and not headers[-1]:
        headers.pop()
    if not headers:
        raise RosterFileError(said("{path} has no header row.", path=path))
    return header_row, headers, seen[best + 1 :]


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        # Excel stores every number as a float: 9876543210 arrives as 9876543210.0.
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10] if hasattr(value, "hour") else value.isoformat()
    return str(value).strip()


# -- XLSX -----------------------------------------------------------------------------------


def _open_xlsx(path: Path, size: int, sheet_name: str | None = None) -> Table:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise RosterFileError(
            said(
                "{path} is not a readable Excel workbook ({error}). Save it again from Excel as "
                ".xlsx or CSV UTF-8.",
                path=path, error=str(exc),
            )
        ) from exc
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise RosterFileError(said(
                "{path} is not a readable Excel workbook ({error}).",
                path=path, error=str(exc),
            )) from exc
    if sheet_name:
        if sheet_name not in workbook.sheetnames:
            workbook.close()
            raise RosterFileError(
                said(
                "{path} has no sheet {sheet!r}; its sheets: {sheets}",
                path=path, sheet=sheet_name,
                sheets=", ".join(repr(n) for n in workbook.sheetnames),
            )
            )
        sheet = workbook[sheet_name]
    else:
        sheet = _first_sheet_with_data(workbook)
    if sheet is None:
        workbook.close()
        raise RosterFileError(said("{path} is empty (no sheet holds any data).", path=path))
    max_row = sheet.max_row or 0
    state = {"row": 0}

    def records() -> Iterator[tuple[int, list[str]]]:
        try:
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                state["row"] = number
                yield number, list(values)
        except Exception as exc:  # damaged sheet XML
            raise RosterFileError(
                said(
                    "{path}: row {row} cannot be read ({error}).",
                    path=path, row=state['row'] + 1, error=str(exc),
                )
            ) from exc

    stream = records()
    try:
        header_row, headers, pending = _find_header(stream, path)
    except BaseException:
        workbook.close()
        raise

    def rows() -> Iterator[tuple[int, list[str]]]:
        yield from pending
        for number, values in stream:
            texts = [_cell_text(v) for v in values]
            if any(texts):
                yield number, texts

    return Table(
        path=path,
        kind="xlsx",
        headers=headers,
        header_row=header_row,
        total_bytes=size,
        estimated_rows=max(0, max_row - header_row) if max_row else None,
        _rows=rows(),
        _progress=lambda: min(1.0, state["row"] / max_row) if max_row else 0.0,
        _close=workbook.close,
    )


_XLS_LIMIT = 64 * 1024 * 1024  # an .xls holds 65,536 rows at most: a real roster is far less


def _open_xls(path: Path, size: int, sheet_name: str | None = None) -> Table:
    """An old Excel 97-2003 workbook, read with xlrd (which reads .xls only, whole)."""
    if size > _XLS_LIMIT:
        raise RosterFileError(
            said(
                "{path} is an old Excel (.xls) workbook of {megabytes} MB, more than any roster; save "
                "it as .xlsx or CSV UTF-8 and import that.",
                path=path, megabytes=size // (1024 * 1024),
            )
        )
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), on_demand=True)
    except Exception as exc:  # xlrd raises its own kinds and struct errors on damaged files
        raise RosterFileError(
            said(
                "{path} is an old Excel (.xls) workbook that cannot be read ({error}). Open it in "
                "Excel and save it as Excel Workbook (.xlsx) or CSV UTF-8.",
                path=path, error=str(exc),
            )
        ) from exc
    names = book.sheet_names()
    if sheet_name and sheet_name not in names:
        book.release_resources()
        raise RosterFileError(
            said(
                "{path} has no sheet {sheet!r}; its sheets: {sheets}",
                path=path, sheet=sheet_name, sheets=", ".join(map(repr, names)),
            )
        )
    chosen = None
    for name in [sheet_name] if sheet_name else names:
        candidate = book.sheet_by_name(name)
        if candidate.nrows and any(
            any(v not in (None, "") for v in candidate.row_values(r))
            for r in range(min(candidate.nrows, _HEADER_SEARCH_ROWS))
        ):
            chosen = candidate
            break
    if chosen is None:
        book.release_resources()
        raise RosterFileError(said("{path} is empty (no sheet holds any data).", path=path))
    sheet = chosen
    state = {"row": 0}

    def records() -> Iterator[tuple[int, list[str]]]:
        for index in range(sheet.nrows):
            state["row"] = index + 1
            yield index + 1, sheet.row_values(index)

    stream = records()
    try:
        header_row, headers, pending = _find_header(stream, path)
    except BaseException:
        book.release_resources()
        raise

    def rows() -> Iterator[tuple[int, list[str]]]:
        yield from pending
        for number, values in stream:
            texts = [_cell_text(v) for v in values]
            if any(texts):
                yield number, texts

    total = sheet.nrows
    return Table(
        path=path,
        kind="xls",
        headers=headers,
        header_row=header_row,
        total_bytes=size,
        estimated_rows=max(0, total - header_row),
        _rows=rows(),
        _progress=lambda: min(1.0, state["row"] / total) if total else 1.0,
        _close=book.release_resources,
    )


def sheet_names(path: str | Path) -> list[str]:
    """The sheets of a workbook (.xlsx or .xls) that hold data, in order; [] for a CSV.
    The GUI asks which one when there are several (the CLI takes --sheet)."""
    path = Path(path)
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"PK\x03\x04"):
        refusal = check_workbook_zip(path)
        if refusal:
            raise RosterFileError(refusal)
        import openpyxl

        try:
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # damaged: the reader says so with its own message
            raise RosterFileError(said(
                    "{path} is not a readable Excel workbook ({error}).",
                    path=path, error=str(exc),
                )) from exc
        try:
            return [
                ws.title
                for ws in workbook.worksheets
                if any(
                    any(v not in (None, "") for v in values)
                    for values in ws.iter_rows(max_row=_HEADER_SEARCH_ROWS, values_only=True)
                )
            ]
        finally:
            workbook.close()
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        import xlrd

        try:
            book = xlrd.open_workbook(str(path), on_demand=True)
        except Exception as exc:
            raise RosterFileError(said(
                    "{path} cannot be read as an .xls workbook ({error}).",
                    path=path, error=str(exc),
                )) from exc
        try:
            return [name for name in book.sheet_names() if book.sheet_by_name(name).nrows]
        finally:
            book.release_resources()
    return []


def _first_sheet_with_data(workbook: Any) -> Any:
    sheets = [workbook.active] + [ws for ws in workbook.worksheets if ws is not workbook.active]
    for sheet in sheets:
        if sheet is None:
            continue
        for values in sheet.iter_rows(max_row=_HEADER_SEARCH_ROWS, values_only=True):
            if any(v not in (None, "") for v in values):
                return sheet
    return None
