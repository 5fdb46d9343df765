"""Importing a roster file: read, validate, match existing people, write in one transaction.

Rows stream through in chunks, so memory stays flat for any file size; a big file is read
and checked in a second process while this one writes (`pipeline`). Matching looks people
up by employee code, then iGOT id, then mobile, with one indexed `IN (...)` query per key and
chunk. A matched person gets only the fields that changed (`Store.update`, one new version;
none if nothing changed); blank cells never clear stored values. Everything accepted is
committed in one transaction at the end, so cancel, a crash or a kill leaves the database as
it was. A dry run does the same work and rolls it back.

About 775 lines on purpose: `_ImportJob` is the one transaction's chunk loop (read, check,
match, write, report, derived-name marks) and shares its state — the open transaction, the
filter of stored keys, the error report, the thread writing a chunk's search index and change
log while the next chunk is screened — with the helpers below it; reading and checking live
in `desktop.core.roster.readers` / `validate`, the second process in `pipeline`, the
screening of the file's own keys in `seen`."""

from __future__ import annotations

import csv
import gc
import sys
import threading
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core import audit
from desktop.core.cells import csv_row
from desktop.core.lookups import districts
from desktop.core.problems import Problem
from desktop.core.progress import Cancelled, Progress
from desktop.core.roster import derived
from desktop.core.roster.fields import (
    FIELD_LABELS,
    IGNORE,
    IMPORT_FIELDS,
    detect_layout,
    is_known_unused,
    missing_required,
    normalise_header,
    propose_mapping,
)
from desktop.core.roster.messages import problem
from desktop.core.roster.pipeline import (
    KEY_AT,
    MATCH_KEYS,
    Checked,
    Chunk,
    ReaderProcess,
    ReadSpec,
    mapped_keys,
    read_chunks,
    row_data,
)
from desktop.core.roster.readers import (
    NoDataRows,
    RosterFileError,
    Table,
    column_label,
    open_table,
)
from desktop.core.roster.seen import BYTES_PER_ROW, AllMaybe, SeenFilter
from desktop.core.users import Permission, require
from desktop.fileio import AtomicFile
from desktop.protocol.records import KIND_FIELDS
from desktop.store import Store
from desktop.store.bulk import (
    BulkInserter,
    DeferredIndexes,
    deferred_indexes,
    written_once_if_alone,
)
from desktop.text.said import said

CHUNK_ROWS = 5000
MAX_ERRORS = 10_000
BIG_FILE = 20 * 1024 * 1024  # bytes of input above which the import gets a bigger page cache
BIG_CACHE_KIB = 128 * 1024  # 192 MiB was no faster and pushed a full re-import past 500 MB
#: Indexes no import step reads (the review's counts): built once at the end of a big import
#: instead of row by row (measured: README, roster import table)
DEFERRED_INDEXES = ("participant_review",)
#: the index of each match key: a first import of a big list builds them at the end (see
#: `_ImportJob.run`, held rows)
KEY_INDEXES = {
    "employee_code": "participant_employee_code",
    "igot_user_id": "participant_igot_user_id",
    "mobile": "participant_mobile",
}
#: rows held back for matching while the key indexes are missing, at most: then they are
#: built and the held rows matched there and then (the memory held stays small)
HELD_ROWS_MAX = 50_000
_SELECT = "SELECT seq, id, " + ", ".join(KIND_FIELDS["participant"]) + " FROM participant"


class ImportCancelled(Exception):
    """The user cancelled; the transaction was rolled back, nothing changed."""


class _DryRun(Exception):
    pass


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    skipped: int = 0
    #: accepted rows whose English name was written from the Hindi (marked on the person)
    derived_names: int = 0
    #: cells turned from a legacy font (Kruti Dev, Chanakya, DevLys) into Unicode
    converted_legacy: int = 0
    #: columns holding data that map to no field (the import was refused when non-empty)
    unmapped_columns: list[str] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    errors_truncated: bool = False
    #: the same errors as `Problem`s (code and params, for a translated view); not in the JSON
    problems: list[tuple[int, Problem]] = field(default_factory=list, repr=False)
    dry_run: bool = False
    layout: str = "auto"
    mapping: dict[str, str] = field(default_factory=dict)

    @property
    def rows(self) -> int:
        return self.created + self.updated + self.unchanged + self.rejected

    def as_dict(self) -> dict[str, Any]:
        """The CLI.md JSON shape (plus `dry_run`, and `errors_truncated` when capped)."""
        out: dict[str, Any] = {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "skipped": self.skipped,
            "derived_names": self.derived_names,
            "converted_legacy": self.converted_legacy,
            "unmapped_columns": self.unmapped_columns,
            "errors": self.errors,
            "dry_run": self.dry_run,
        }
        if self.errors_truncated:
            out["errors_truncated"] = True
        return out


@dataclass
class FilePreview:
    """What the GUI's mapping step shows before importing."""

    path: Path
    kind: str
    encoding: str | None
    delimiter: str | None
    headers: list[str]
    header_row: int
    layout: str
    mapping: dict[str, str]  # header -> field ('' = not imported)
    missing: list[str]  # required fields no column maps to
    rows: list[tuple[int, list[str]]]  # first rows: (spreadsheet row, cells)
    #: labels of columns that map to nothing, are not known by name and hold data here
    unmapped: list[str] = field(default_factory=list)


def preview_file(
    path: str | Path, layout: str = "auto", rows: int = 20, sheet: str | None = None
) -> FilePreview:
    """Open a file (a workbook's `sheet`), propose a column mapping and read the first rows
    (RosterFileError if the file is unusable)."""
    with open_table(path, sheet) as table:
        chosen = layout if layout != "auto" else detect_layout(table.headers)
        mapping = propose_mapping(table.headers, chosen)
        sample: list[tuple[int, list[str]]] = []
        for item in table.rows():
            sample.append(item)
            if len(sample) >= rows:
                break
        watch = unmapped_watch(table.headers, mapping)
        unmapped = [
            label
            for index, label in watch
            if any(index < len(cells) and cells[index].strip() for _, cells in sample)
        ]
        return FilePreview(
            unmapped=unmapped,
            path=Path(path),
            kind=table.kind,
            encoding=table.encoding,
            delimiter=table.delimiter,
            headers=table.headers,
            header_row=table.header_row,
            layout=chosen,
            mapping=mapping,
            missing=missing_required(mapping),
            rows=sample,
        )


def unmapped_watch(
    headers: list[str], mapping: Mapping[str, str], ignore: Iterable[str] = ()
) -> list[tuple[int, str]]:
    """(index, label) of the columns that map to nothing, are not known by name (serial
    numbers, iGOT template columns...) and were not named in `ignore`: they must hold no
    data. A second column with the same header is watched too."""
    left_out = {normalise_header(name) for name in ignore}
    watch: list[tuple[int, str]] = []
    seen: set[str] = set()
    for index, header in enumerate(headers):
        label = column_label(headers, index)
        target = mapping.get(header, IGNORE) if header not in seen else IGNORE
        seen.add(header)
        if target:
            continue
        if header.strip() and is_known_unused(header):
            continue
        if normalise_header(label) in left_out or label in ignore:
            continue
        watch.append((index, label))
    return watch


def resolve_mapping(
    headers: list[str],
    layout: str = "auto",
    extra: Mapping[str, str] | None = None,
    ignore: Iterable[str] = (),
) -> tuple[dict[str, str], list[tuple[int, str]]]:
    """The proposed mapping with the caller's `extra` header -> field choices applied, and
    the columns to watch (see `unmapped_watch`). Unknown headers or fields are refused."""
    mapping = propose_mapping(headers, layout)
    labels = {normalise_header(column_label(headers, i)): h for i, h in enumerate(headers)}
    for name, target in (extra or {}).items():
        header = labels.get(normalise_header(name))
        if header is None:
            raise RosterFileError(said(
                    "--map names a column the file does not have: {name!r}",
                    name=name,
                ))
        wanted = _field_named(target)
        if wanted is None:
            raise RosterFileError(
                said(
                    "--map {name}={target}: no such field (fields: {value})",
                    name=name, target=target, value=', '.join(IMPORT_FIELDS),
                )
            )
        for other, current in mapping.items():
            if wanted and current == wanted and other != header:
                mapping[other] = IGNORE  # the user's choice wins over a guess
        mapping[header] = wanted
    for name in ignore:
        header = labels.get(normalise_header(name))
        if header is None:
            raise RosterFileError(said(
                    "--ignore names a column the file does not have: {name!r}",
                    name=name,
                ))
        mapping[header] = IGNORE
    return mapping, unmapped_watch(headers, mapping, ignore)


def _field_named(name: str) -> str | None:
    """A field key or its label ("name_hi", "Name (Hindi)"); '' for ignore; None if neither."""
    key = normalise_header(name)
    if key in ("", "ignore", "none"):
        return IGNORE
    for field_name in IMPORT_FIELDS:
        if key in (normalise_header(field_name), normalise_header(FIELD_LABELS[field_name])):
            return field_name
    return None


def check_mapping(
    headers: list[str], mapping: Mapping[str, str] | Sequence[str]
) -> list[tuple[int, str]]:
    """Validate a mapping and return the (column index, field) pairs to import.

    `mapping` is either header text -> field, or one field per column in file order (what a
    mapping table in the GUI naturally holds; needed when two columns share a header).
    '' means "not imported". Raises RosterFileError naming the problem."""
    if isinstance(mapping, Mapping):
        unknown = [h for h in mapping if h not in headers]
        if unknown:
            raise RosterFileError(said(
                    "the mapping names columns the file does not have: {unknown}",
                    unknown=unknown,
                ))
        seen: set[str] = set()
        pairs: list[tuple[int, str]] = []
        for index, header in enumerate(headers):
            if header not in seen:
                pairs.append((index, mapping.get(header, IGNORE) or IGNORE))
            seen.add(header)
    else:
        pairs = [(i, f or IGNORE) for i, f in enumerate(mapping)]
    bad = [f for _, f in pairs if f and f not in IMPORT_FIELDS]
    if bad:
        raise RosterFileError(said("unknown participant field(s) in the mapping: {bad}", bad=bad))
    targets = [f for _, f in pairs if f]
    twice = sorted({f for f in targets if targets.count(f) > 1})
    if twice:
        raise RosterFileError(
            said(
                "more than one column is mapped to: {fields}",
                fields=", ".join(FIELD_LABELS[f] for f in twice),
            )
        )
    missing = missing_required(targets)
    if missing:
        names = ", ".join(FIELD_LABELS[f] for f in missing)
        found = ", ".join(repr(h) for h in headers if h) or "none"
        raise RosterFileError(
            said(
                "missing required column(s): {names}. Columns found: {found}. Rename the column "
                "(e.g. 'Name (English)', 'Full Name', 'नाम (अंग्रेज़ी)', or 'नाम (हिन्दी)' for a "
                "list with Hindi names only) or map it.",
                names=names, found=found,
            )
        )
    return [(i, f) for i, f in pairs if f]


@dataclass
class RowOutcome:
    """One data row's fate, for the GUI's preview table and progress views."""

    row: int  # spreadsheet row number
    cells: list[str]
    status: str  # created | updated | unchanged | rejected
    data: dict[str, str]  # the cleaned values
    errors: list[Problem]  # (field, message) pairs with a code and params
    derived: bool = False  # the English name was written from the Hindi
    converted: tuple[str, ...] = ()  # fields turned from a legacy font into Unicode


def import_roster(
    store: Store,
    path: str | Path,
    *,
    layout: str = "auto",
    mapping: Mapping[str, str] | Sequence[str] | None = None,
    extra_mapping: Mapping[str, str] | None = None,
    ignore: Iterable[str] = (),
    sheet: str | None = None,
    dry_run: bool = False,
    limit: int | None = None,
    on_row: Callable[[RowOutcome], None] | None = None,
    report: str | Path | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    chunk_rows: int = CHUNK_ROWS,
    reader_process: bool | None = None,
    defer_key_indexes: bool | None = None,
) -> ImportResult:
    """Import a roster file into `store`; see the module docstring.

    `mapping`: header -> field or one field per column, the caller's full choice (default:
    recognised headers, with `extra_mapping` header -> field and `ignore` headers applied;
    then a column holding data that maps to nothing raises UnmappedColumns, nothing written).
    `limit`: only the first N data rows (with `dry_run`, the GUI's preview); `on_row` is
    called with a RowOutcome for every row. `progress(rows_done, rows_estimated, text)` and
    `cancelled()` are called between chunks (the estimate is the rows read so far scaled by
    the share of the file read; True from `cancelled` rolls everything back).
    `reader_process`: read and check the file in a second process (default: for big files).
    `defer_key_indexes`: build the match keys' indexes at the end (default: for a big file;
    only ever into an empty roster, without a report or `on_row`; see `_ImportJob.run`).
    Raises RosterFileError (file unusable, nothing changed) or ImportCancelled."""
    require(store, Permission.IMPORT_ROSTER)
    with open_table(path, sheet) as table:
        chosen = layout if layout != "auto" else detect_layout(table.headers)
        watch: list[tuple[int, str]] = []
        if mapping is None:
            mapping, watch = resolve_mapping(table.headers, chosen, extra_mapping, ignore)
        columns = check_mapping(table.headers, mapping)
        result = ImportResult(
            dry_run=dry_run,
            layout=chosen,
            mapping={table.headers[i]: f for i, f in columns if i < len(table.headers)},
        )
        writer = _ReportWriter(Path(report), table.headers) if report else None
        spec = ReadSpec(
            path=str(path),
            columns=tuple(columns),
            districts=tuple(tuple(d) for d in districts(store)),
            chunk_rows=chunk_rows,
            limit=limit,
            keep_cells=writer is not None or on_row is not None,
            watch=tuple(watch),
            sheet=sheet,
        )
        if reader_process is None:
            reader_process = limit is None and table.total_bytes > BIG_FILE
        job = _ImportJob(store, table, columns, result, writer, progress, cancelled)
        job.limit, job.on_row = limit, on_row
        conn = store.conn
        cache = conn.execute("PRAGMA cache_size").fetchone()[0]
        if table.total_bytes > BIG_FILE:
            # A big import touches index pages all over; with them in memory each page is
            # written once at commit instead of spilled and rewritten (half the disk I/O).
            conn.execute(f"PRAGMA cache_size = -{BIG_CACHE_KIB}")
        # A file of at least four times the roster's rows (a first import; ~100 bytes a row)
        # builds the review index once at the end: 1.88M inserts took 2.6-3.1 s less CPU, for
        # 60-90 MB more peak memory while it sorts. A re-import into a big roster (mostly
        # matches, where the rebuild would be waste and push memory past 500 MB) keeps it.
        existing = conn.execute("SELECT coalesce(max(seq), 0) FROM participant").fetchone()[0]
        big = table.total_bytes > BIG_FILE and existing * 4 <= table.total_bytes // 100
        defer = DEFERRED_INDEXES if big else ()
        if defer_key_indexes is None:
            defer_key_indexes = big and existing == 0
        if defer_key_indexes and existing == 0 and writer is None and on_row is None:
            defer += tuple(KEY_INDEXES[key] for key in job.keys)
        try:
            try:
                with (
                    written_once_if_alone(store, big and not dry_run),
                    _open_chunks(spec, reader_process) as chunks,
                    store.transaction(),
                    deferred_indexes(store, defer) as job.indexes,
                    BulkInserter(store, "participant", merge_search_index_once=big) as bulk,
                ):
                    with collector_paused():
                        job.run(bulk, chunks)
                    if result.rows == 0 and not (cancelled and cancelled()):
                        raise NoDataRows(path)  # not "0 rows, done": nothing was there
                    if dry_run:
                        raise _DryRun
                    audit.record(store, "roster.import", target=Path(path).name, details={
                        "created": result.created, "updated": result.updated,
                        "unchanged": result.unchanged, "rejected": result.rejected})
            except _DryRun:
                pass
        except BaseException:
            if writer:
                writer.abort()
            raise
        finally:
            if table.total_bytes > BIG_FILE:
                conn.execute(f"PRAGMA cache_size = {cache}")
                conn.execute("PRAGMA shrink_memory")
        if writer:
            writer.finish()
        return result


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off for the block (back as it was after): an import's
    millions of short-lived rows are freed by their reference counts, and the collector's
    passes over them cost ~3 % of a 30,000-row import (callgrind: 8.15 -> 7.98 G)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _open_chunks(spec: ReadSpec, use_process: bool) -> Any:
    """A closable source of checked chunks: a reader process, or a generator here."""
    return ReaderProcess(spec) if use_process else closing(read_chunks(spec))


class _ReportWriter:
    """The input rows with Status and Error columns, written beside and renamed at the end
    (a cancelled import leaves no half report)."""

    def __init__(self, path: Path, headers: list[str]) -> None:
        self.path = path
        try:
            self.file = AtomicFile(path, fsync=False)
            self.handle = self.file.tmp.open("w", encoding="utf-8-sig", newline="")
        except OSError as exc:
            raise RosterFileError(said(
                    "cannot write the report {path}: {strerror}",
                    path=path, strerror=exc.strerror,
                )) from exc
        self.width = len(headers)
        self.csv = csv.writer(self.handle)
        self.csv.writerow(csv_row([*headers, "Status", "Error"]))

    def row(self, cells: list[str], status: str, error: str) -> None:
        cells = list(cells[: self.width]) + [""] * (self.width - len(cells))
        self.csv.writerow(csv_row([*cells, status, error]))

    def finish(self) -> None:
        self.handle.close()
        self.file.commit()

    def abort(self) -> None:
        self.handle.close()
        self.file.abort()


class _ImportJob:
    def __init__(
        self,
        store: Store,
        table: Table,
        columns: list[tuple[int, str]],
        result: ImportResult,
        writer: _ReportWriter | None,
        progress: Progress | None,
        cancelled: Cancelled | None,
    ) -> None:
        self.store = store
        self.table = table
        self.columns = columns
        self.result = result
        self.writer = writer
        self.progress = progress
        self.cancelled = cancelled
        self.key_at = mapped_keys(columns)
        self.keys = list(self.key_at)
        self.limit: int | None = None
        self.on_row: Callable[[RowOutcome], None] | None = None
        # Whether any participant carries a derived English name (checked on matches).
        self.any_derived = derived.any_marked(store.conn)
        self.kept_derived = False
        self.indexes: DeferredIndexes | None = None  # set by import_roster
        self.held: list[Checked] = []  # rows held back while key indexes are missing
        self.held_rows = 0

    def run(self, bulk: BulkInserter, chunks: Iterable[Chunk]) -> None:
        self.base_seq = bulk.base_seq
        file_rows = self.table.total_bytes // BYTES_PER_ROW  # a generous guess of its rows
        if self.limit is not None:
            file_rows = min(file_rows, self.limit)
        # The file's own values were screened where it was read (`Checked.maybe`/`hard`);
        # here only the people stored before the import began. None: the roster was empty.
        # The filter pays off when the file is big next to the roster; a small list into a
        # big roster is cheaper to look up row by row than to load the whole roster's keys.
        self.stored: dict[str, SeenFilter | AllMaybe] | None = None
        if self.base_seq:
            use_filter = file_rows * 4 >= self.base_seq
            self.stored = {}
            for key in self.keys:
                seen = self.stored[key] = SeenFilter(self.base_seq) if use_filter else AllMaybe()
                # A covering-index scan; tombstones too (a false "maybe" only costs a lookup).
                seen.add_all(
                    value
                    for (value,) in self.store.conn.execute(
                        f"SELECT {key} FROM participant WHERE {key} IS NOT NULL"
                    )
                )
        # Row number that claimed each existing person (0 = not yet) and each new one.
        self.touched = array("I", bytes(4 * (self.base_seq + 1)))
        self.inserted = array("I")
        # (A reader *thread* overlapping validation with writing was tried: the GIL hand-offs
        # around every sqlite3_step made the writer slower than doing both in turn.)
        # The search index and change log of chunk N are written by one statement each, which
        # runs without the GIL: on a thread, while this one receives and screens chunk N + 1.
        # The connection is never used by both at once (`behind.wait()` comes first).
        #
        # A first import of a big list into an empty roster goes without the match keys'
        # indexes (keeping three indexes up to date row by row was half of its inserts'
        # work) and builds them at the end. The rows that must be matched one by one (a key
        # value that may occur in an earlier row, a row with errors) would then look up a
        # table without an index, so they are held back and matched, in file order, once
        # the indexes are built. That gives what matching in file order gives: a row that
        # shares a value with an earlier row is always one of them (`FileScreen`), so no row
        # settled in bulk meanwhile depends on a held row. Only the new people's `seq` order
        # differs: held rows that turn out new come after the others.
        holding = self.stored is None and self.indexes is not None and any(
            self.indexes.missing(KEY_INDEXES[key]) for key in self.keys
        )
        behind = _Behind()
        try:
            done = 0
            for checked, fraction, skipped in chunks:
                self.result.skipped += skipped
                maybe, one_by_one = self._screen(checked)
                behind.wait()
                if holding and one_by_one:
                    self.held.append(_subset(checked, one_by_one))
                    self.held_rows += len(one_by_one)
                self._apply(checked, maybe, one_by_one, bulk, hold=holding)
                behind.start(bulk.catch_up)
                if holding and self.held_rows > HELD_ROWS_MAX:
                    behind.wait()
                    self._match_held(bulk)
                    holding = False
                done += len(checked)
                self._tick(done, fraction)
            behind.wait()
            if holding:
                self._match_held(bulk)
        finally:
            behind.wait(check=sys.exc_info()[0] is None)
        self._tick(done, 1.0)

    def _match_held(self, bulk: BulkInserter) -> None:
        """Build the match keys' indexes, then match the held rows in file order."""
        assert self.indexes is not None
        self.indexes.restore(KEY_INDEXES.values())
        held, self.held, self.held_rows = self.held, [], 0
        for part in held:
            maybe = {
                key: {row[at] for row in part.ready if row is not None and row[at]}
                for key, at in self.key_at.items()
            }
            self._apply(part, maybe, list(range(len(part))), bulk)

    def _tick(self, done: int, fraction: float) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled(said("import cancelled; nothing was changed"))
        if self.progress is not None:
            # total: the rows read so far scaled by the share of the file read (0 = unknown)
            total = max(done, round(done / fraction)) if fraction > 0 else 0
            self.progress(done, total, f"{done:,} rows checked")

    def _error(self, row: int, error: Problem) -> None:
        if len(self.result.errors) < MAX_ERRORS:
            self.result.errors.append({"row": row, "field": error[0], "message": error[1]})
            self.result.problems.append((row, error))
        else:
            self.result.errors_truncated = True

    def _lookup(self, key: str, values: set[str]) -> dict[str, dict[str, Any]]:
        if not values:
            return {}
        found: dict[str, dict[str, Any]] = {}
        items = list(values)
        for start in range(0, len(items), 10_000):
            part = items[start : start + 10_000]
            marks = ",".join("?" * len(part))
            # No ORDER BY: with thousands of values the planner would rather scan the whole
            # table in seq order than sort a few rows; the lowest seq is kept here instead.
            for row in self.store.conn.execute(
                f"{_SELECT} WHERE {key} IN ({marks}) AND deleted = 0", part
            ):
                value = row[key]
                if value not in found or found[value]["seq"] > row["seq"]:
                    found[value] = dict(row)
        return found

    def _screen(self, chunk: Checked) -> tuple[dict[str, set[str]], list[int]]:
        """No database work (it runs while the previous chunk's index work goes on): per
        match key, the chunk's values that may already be a person (an earlier row's, found
        by the reader, or a stored one's); and, in file order, the rows that go through
        `_resolve` — rows with errors, and rows with such a value or one that occurs twice in
        the chunk. The other accepted rows are simply new. Every row goes through `_resolve`
        when somebody watches row by row (a report, the GUI's preview)."""
        rows = chunk.ready
        maybe = {key: set(chunk.maybe.get(key, ())) for key in self.keys}
        hard = set(chunk.hard)
        if self.stored is not None:
            for key, at in self.key_at.items():
                pairs = [
                    (i, value) for i, row in enumerate(rows) if row and (value := row[at])
                ]
                hits = self.stored[key].which_maybe([value for _, value in pairs])
                if hits:
                    maybe[key] |= hits
                    hard.update(i for i, value in pairs if value in hits)
        if self.writer is not None or self.on_row is not None:
            return maybe, list(range(len(rows)))
        hard.update(chunk.rejected)
        return maybe, sorted(hard)

    def _apply(
        self, chunk: Checked, maybe: dict[str, set[str]], one_by_one: list[int],
        bulk: BulkInserter, hold: bool = False,
    ) -> None:
        """Match and write a validated chunk (`maybe`, `one_by_one`: what `_screen` found).
        The rows between those in `one_by_one` are new people, taken as they are; with
        `hold`, the rows in `one_by_one` are left alone (the caller holds them back)."""
        if hold:
            maybe = {key: set() for key in self.keys}
        found = {key: self._lookup(key, maybe[key]) for key in self.keys}
        local: dict[str, dict[str, int]] = {k: {} for k in self.keys}
        # matched people whose English name is marked as derived (a derived name never
        # replaces a real one; a real one replaces a derived one and clears the mark)
        self.marked: set[str] = set()
        if self.any_derived:
            self.marked = derived.marked(
                self.store.conn, {r["id"] for rows in found.values() for r in rows.values()}
            )
        self.unmark: list[str] = []
        new_ready: list[tuple[Any, ...]] = []
        new_numbers: list[int] = []
        new_indexes: list[int] = []  # the chunk index of each new person, in order
        result, writer, on_row = self.result, self.writer, self.on_row
        made_up_rows, converted_rows, rejected = chunk.derived, chunk.converted, chunk.rejected
        cells_of, numbers, rows = chunk.cells, chunk.numbers, chunk.ready
        start = 0
        for index in (*one_by_one, len(rows)):
            if index > start:  # new people, settled without `_resolve`
                new_ready.extend(rows[start:index])  # type: ignore[arg-type]
                new_numbers.extend(numbers[start:index])
                new_indexes.extend(range(start, index))
            start = index + 1
            if index == len(rows):
                break
            if hold:
                continue
            number, ready = numbers[index], rows[index]
            made_up = index in made_up_rows
            converted: tuple[str, ...] = ()
            if index in converted_rows:
                converted = tuple(converted_rows[index].split(","))
            if ready is not None:
                status, errors = self._resolve(
                    number, ready, found, local, new_ready, new_numbers, made_up
                )
                if status == "created":
                    new_indexes.append(index)
                elif made_up and status != "rejected" and self.kept_derived:
                    result.derived_names += 1
            else:
                status, errors = "", rejected[index][1]
            if errors:
                result.rejected += 1
                for error in errors:
                    self._error(number, error)
                status = "rejected"
            if writer or on_row is not None:
                cells = cells_of[index] if cells_of is not None else []
                if writer:
                    writer.row(cells, status, "; ".join(m for _, m in errors))
                if on_row is not None:
                    data = rejected[index][0] if ready is None else row_data(ready)
                    on_row(RowOutcome(number, cells, status, data, errors, made_up, converted))
        # cells turned from a legacy font, in every row that passed the checks
        held = set(one_by_one) if hold else set()
        result.converted_legacy += sum(
            len(names.split(",")) for index, names in converted_rows.items()
            if rows[index] is not None and index not in held
        )
        if new_ready:
            first_seq = bulk.add_ready(new_ready)  # numbered first_seq, first_seq + 1, ...
            self.inserted.extend(new_numbers)
            result.created += len(new_ready)
            if made_up_rows:
                new_derived = [p for p, i in enumerate(new_indexes) if i in made_up_rows]
                result.derived_names += len(new_derived)
                if new_derived:
                    derived.mark_numbered(self.store.conn, first_seq, new_derived)
                    self.any_derived = True
        if self.unmark:
            derived.unmark(self.store.conn, self.unmark)

    def _claimed_by(self, row: dict[str, Any]) -> int:
        seq = row["seq"]
        if seq > self.base_seq:
            return self.inserted[seq - self.base_seq - 1]
        return self.touched[seq]

    def _resolve(
        self,
        number: int,
        ready: tuple[Any, ...],
        found: dict[str, dict[str, dict[str, Any]]],
        local: dict[str, dict[str, int]],
        new_ready: list[tuple[Any, ...]],
        new_numbers: list[int],
        made_up: bool = False,
    ) -> tuple[str, list[Problem]]:
        self.kept_derived = False
        target: dict[str, Any] | None = None
        target_key = ""
        errors: list[Problem] = []
        for key in self.keys:
            value = ready[KEY_AT[key]]
            if not value:
                continue
            earlier = local[key].get(value)
            row = found[key].get(value)
            if earlier is None and row is not None:
                claimed = self._claimed_by(row)
                earlier = claimed or None
            if earlier is not None:
                errors.append(problem(key, "duplicate_in_file", value=value, row=earlier))
                continue
            if row is None:
                continue
            if target is None:
                target, target_key = row, key
            elif row["seq"] != target["seq"] and key != "mobile":
                errors.append(_conflict(key, value, row))
        if target is not None and not errors:
            # A weaker key must not pull in someone whose stronger identity differs.
            for key in MATCH_KEYS[: MATCH_KEYS.index(target_key)]:
                mine, theirs = ready[KEY_AT[key]], target.get(key)
                if mine and theirs and mine != theirs:
                    errors.append(
                        problem(
                            target_key,
                            "identity_mismatch",
                            value=ready[KEY_AT[target_key]],
                            name=target["name_en"],
                            other_field=key,
                            theirs=theirs,
                            mine=mine,
                        )
                    )
        if errors:
            return "rejected", errors
        for key in self.keys:
            value = ready[KEY_AT[key]]
            if value:
                local[key][value] = number
        if target is None:
            new_ready.append(ready)
            new_numbers.append(number)
            return "created", []
        self.touched[target["seq"]] = number
        data = row_data(ready)
        if target["id"] in self.marked:
            if made_up:
                self.kept_derived = True  # still derived (perhaps from a corrected Hindi)
            else:
                self.unmark.append(target["id"])  # a real English name at last
        elif made_up:
            data = {k: v for k, v in data.items() if k != "name_en"}  # keep the real one
        changes = {k: v for k, v in data.items() if target.get(k) != v}
        if changes and self.store.update("participant", target["id"], changes):
            self.result.updated += 1
            return "updated", []
        self.result.unchanged += 1
        return "unchanged", []


def _subset(chunk: Checked, indexes: list[int]) -> Checked:
    """The rows of `chunk` at `indexes` (in that order) as a chunk of their own."""
    at = {old: new for new, old in enumerate(indexes)}
    return Checked(
        numbers=[chunk.numbers[i] for i in indexes],
        ready=[chunk.ready[i] for i in indexes],
        rejected={at[i]: v for i, v in chunk.rejected.items() if i in at},
        cells=None if chunk.cells is None else [chunk.cells[i] for i in indexes],
        derived={at[i] for i in chunk.derived if i in at},
        converted={at[i]: v for i, v in chunk.converted.items() if i in at},
    )


class _Behind:
    """One call at a time on a thread; `wait` joins it and raises what it raised."""

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    def start(self, call: Callable[[], None]) -> None:
        def run() -> None:
            try:
                call()
            except BaseException as exc:  # handed to wait(), on the importing thread
                self._error = exc

        self._thread = threading.Thread(target=run, name="roster-index", daemon=True)
        self._thread.start()

    def wait(self, check: bool = True) -> None:
        """Join the running call; raise its error when `check` (not while another error is
        already on its way out: then the rollback matters, not this)."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        error, self._error = self._error, None
        if error is not None and check:
            raise error


def _conflict(key: str, value: str, row: Mapping[str, Any]) -> Problem:
    who = row["name_en"] + (f" ({row['employee_code']})" if row.get("employee_code") else "")
    return problem(key, "belongs_to_other", value=value, who=who)
