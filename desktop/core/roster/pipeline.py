"""Reading and checking a roster file chunk by chunk, here or in a second process.

Parsing CSV/XLSX and checking every field is pure Python and costs about as much as writing
the rows to SQLite. For a big file a child process reads and checks while this process
matches and writes, so an import uses both cores of a training-centre laptop. The pipe between
them holds about one chunk: the reader stays a chunk ahead and memory stays flat.

The child is started with "spawn" (never fork: the GUI runs imports on a worker thread, and a
forked copy of a threaded Qt process is unsafe); it needs only this module's imports."""

from __future__ import annotations

import gc
import multiprocessing
import traceback
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.core.roster.derived import CONVERTED_KEY, DERIVED_KEY
from desktop.core.roster.districts import DistrictMatcher
from desktop.core.roster.readers import RosterFileError, UnmappedColumns, open_table
from desktop.core.roster.seen import BYTES_PER_ROW, FileScreen
from desktop.core.roster.validate import RowValidator
from desktop.protocol.ids import new_id
from desktop.protocol.records import KIND_FIELDS
from desktop.text.roman import english_name
from desktop.text.translit import names_key, participant_key

#: The order of the fields in a ready row: the participant table's own (desktop.protocol.records).
PARTICIPANT_FIELDS = KIND_FIELDS["participant"]
#: The keys people are matched by, strongest first.
MATCH_KEYS = ("employee_code", "igot_user_id", "mobile")
#: where each match key sits in a ready row (id, fields..., search key)
KEY_AT = {key: 1 + PARTICIPANT_FIELDS.index(key) for key in MATCH_KEYS}


def mapped_keys(columns: Sequence[tuple[int, str]]) -> dict[str, int]:
    """The match keys a mapping imports, strongest first, each with its place in a ready row
    (the reader screens and the writer matches by exactly these)."""
    mapped = {name for _, name in columns}
    return {key: at for key, at in KEY_AT.items() if key in mapped}


@dataclass
class Checked:
    """A checked chunk, column-wise: one list entry per row, in file order.

    Accepted rows travel only as their `ready_row` tuple (a dict per row made pickling
    between the processes cost 8 s of the writer's time for 1.88 million rows, the tuples
    2 s); their data is `row_data(ready)`. Rows with errors carry their data and errors."""

    numbers: list[int] = field(default_factory=list)  # spreadsheet row of each row
    ready: list[tuple[Any, ...] | None] = field(default_factory=list)  # None: has errors
    #: index -> (clean data, [(field, message)]) of each row with errors
    rejected: dict[int, tuple[dict[str, str], list[tuple[str, str]]]] = field(
        default_factory=dict
    )
    cells: list[list[str]] | None = None  # the raw cells, when a report or preview needs them
    derived: set[int] = field(default_factory=set)  # English name written from the Hindi
    converted: dict[int, str] = field(default_factory=dict)  # fields from a legacy font
    #: per match key, the values that may occur in an earlier row of the file (`FileScreen`)
    maybe: dict[str, set[str]] = field(default_factory=dict)
    #: accepted rows that must be matched row by row (see `FileScreen`)
    hard: set[int] = field(default_factory=set)

    def __len__(self) -> int:
        return len(self.numbers)


Chunk = tuple[Checked, float, int]  # rows, fraction of the file read, rows skipped


def row_data(ready: tuple[Any, ...]) -> dict[str, str]:
    """The clean data of an accepted row from its ready tuple (fields without a value are
    left out, as the validator leaves them out)."""
    return {f: v for f, v in zip(PARTICIPANT_FIELDS, ready[1:-1], strict=True) if v is not None}


@dataclass(frozen=True)
class ReadSpec:
    """Everything needed to read and check a file, picklable for the child process."""

    path: str
    columns: tuple[tuple[int, str], ...]  # (column index, field) to import
    districts: tuple[tuple[str, str, str], ...]  # (code, name_en, name_hi)
    chunk_rows: int
    limit: int | None = None
    keep_cells: bool = True  # the raw cells are only needed for a report or the preview
    #: (column index, label) of columns mapped to nothing that must stay empty
    watch: tuple[tuple[int, str], ...] = ()
    sheet: str | None = None


def _check_unmapped(watch: Sequence[tuple[int, str]], rows: list[tuple[int, list[str]]]) -> None:
    """Refuse (UnmappedColumns) when a watched column holds data in any of `rows`."""
    if not watch:
        return
    full = [
        label
        for index, label in watch
        if any(index < len(cells) and str(cells[index]).strip() for _, cells in rows)
    ]
    if full:
        raise UnmappedColumns(full)


def check_rows(
    validator: RowValidator,
    columns: Sequence[tuple[int, str]],
    rows: list[tuple[int, list[str]]],
    keep_cells: bool,
) -> Checked:
    """Validate raw rows; each accepted row becomes its `ready_row`: built here, in the
    reader process, it costs the writing process (the import's slower half) nothing.

    Checked a column at a time (`RowValidator.check_column`) and put together column-wise;
    a row with a problem, a cell converted from a legacy font, or no English name to write
    goes through `RowValidator.validate` on its own, so every row ends as that gives."""
    count = len(rows)
    out = Checked(numbers=[number for number, _ in rows])
    all_cells = [cells for _, cells in rows]
    if keep_cells:
        out.cells = all_cells
    checked: dict[str, list[Any]] = {}
    width = max((at for at, _ in columns), default=-1) + 1
    # every row as wide as the mapping needs (the usual case): transposed in one go
    whole = None
    if min(map(len, all_cells), default=0) >= width:
        whole = list(zip(*all_cells, strict=False))
    for at, name in columns:
        if whole is not None:
            column: Sequence[str] = whole[at]
        else:
            column = [cells[at] if at < len(cells) else "" for cells in all_cells]
        checked[name] = validator.check_column(name, column)
    # rows for the one-by-one path: anything but plain text (a Problem, a Converted value)
    alone: set[int] = set()
    for values in checked.values():
        if len(set(map(type, values))) > 1 or (values and values[0].__class__ is not str):
            alone.update(r for r, value in enumerate(values) if value.__class__ is not str)
    blank = [""] * count
    english = list(checked.get("name_en", blank))
    hindi = checked.get("name_hi", blank)
    without = [r for r, value in enumerate(english) if not value and r not in alone]
    # a Hindi-only row: the English name written from the Hindi (one C-level map), marked
    for r, written in zip(without, map(english_name, [hindi[r] for r in without]), strict=True):
        if written:
            english[r] = written
            out.derived.add(r)
        else:
            alone.add(r)  # "Name (English) is required", as validate says it
    checked["name_en"] = english
    hindi = list(hindi)
    for r in alone:  # made whole below; no search key from a Problem meanwhile
        hindi[r] = english[r] = ""
    nothing = [None] * count
    fields = [
        [value or None for value in checked[name]] if name in checked else nothing
        for name in PARTICIPANT_FIELDS
    ]
    keys = list(map(names_key, hindi, english))
    ready: list[tuple[Any, ...] | None] = list(
        zip([new_id() for _ in range(count)], *fields, keys, strict=True)
    )
    for index in sorted(alone):
        ready[index] = _check_alone(validator, columns, rows[index][1], index, out)
    out.ready = ready
    return out


def _check_alone(
    validator: RowValidator, columns: Sequence[tuple[int, str]], cells: list[str], index: int,
    out: Checked,
) -> tuple[Any, ...] | None:
    """One row through `validate`: its ready row, or None with its data and errors kept."""
    width = len(cells)
    data, errors = validator.validate({f: (cells[i] if i < width else "") for i, f in columns})
    if DERIVED_KEY in data and data.pop(DERIVED_KEY) is not None:
        out.derived.add(index)
    if CONVERTED_KEY in data:
        out.converted[index] = data.pop(CONVERTED_KEY)
    if errors:
        out.rejected[index] = (data, errors)
        return None
    return ready_row(data)


def ready_row(data: dict[str, str]) -> tuple[Any, ...]:
    """A new participant as `BulkInserter.add_ready` inserts it: a new id, the fields in the
    table's column order, the Latin search key. The id is made even for a row that turns
    out to match someone (then it is simply not used)."""
    return (new_id(), *map(data.get, PARTICIPANT_FIELDS), participant_key(data))


def read_chunks(spec: ReadSpec) -> Iterator[Chunk]:
    """Checked chunks of the file, read in this process. Blank rows, and rows holding
    nothing but a serial number (or other columns left out by name), are skipped and
    counted, not rejected."""
    validator = RowValidator(DistrictMatcher(spec.districts))
    used = [i for i, _ in spec.columns] + [i for i, _ in spec.watch]
    first = used[0] if used else 0
    with open_table(spec.path, spec.sheet) as table:
        expected = table.total_bytes // BYTES_PER_ROW
        screen = FileScreen(mapped_keys(spec.columns), min(expected, spec.limit or expected))
        chunk: list[tuple[int, list[str]]] = []
        skipped = 0  # rows of this chunk skipped (blank, or a serial number only)
        number = table.header_row  # spreadsheet row of the last row read
        count = 0  # non-blank rows read
        counted_gaps = 0  # blank rows already reported in earlier chunks

        def flush(fraction: float) -> Chunk:
            nonlocal chunk, skipped, counted_gaps
            _check_unmapped(spec.watch, chunk)
            out = check_rows(validator, spec.columns, chunk, spec.keep_cells)
            out.maybe, out.hard = screen.screen(out.ready)
            # blank rows inside the table are the gaps in the numbering so far
            gaps = number - table.header_row - count
            result = (out, fraction, skipped + gaps - counted_gaps)
            counted_gaps, chunk, skipped = gaps, [], 0
            return result

        for row in table.rows():
            if spec.limit is not None and count >= spec.limit:
                break
            number, cells = row
            count += 1
            # the first used column (the name, usually) settles almost every row at once
            if not (first < len(cells) and cells[first].strip()):
                width = len(cells)
                if not any(i < width and cells[i].strip() for i in used):
                    skipped += 1
                    continue
            chunk.append(row)
            if len(chunk) >= spec.chunk_rows:
                yield flush(table.fraction_done())
        yield flush(1.0)


class ReaderProcess:
    """`read_chunks` in a child process; iterate it, and close it (or use `with`) when done.

    A file problem found by the child (bad encoding at row N...) is raised here as the same
    RosterFileError; anything else as RuntimeError with the child's traceback text. Closing
    early (cancel, an error while writing) stops the child."""

    def __init__(self, spec: ReadSpec) -> None:
        context = multiprocessing.get_context("spawn")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_serve, args=(spec, send), name="roster-reader", daemon=True
        )
        self._process.start()
        send.close()  # ours is the reading end; EOF then means the child has gone

    def __iter__(self) -> Iterator[Chunk]:
        while True:
            try:
                message: tuple[Any, ...] = self._receive.recv()
            except EOFError:
                self._process.join(5)
                raise RuntimeError(
                    f"the roster reader process stopped (exit code {self._process.exitcode})"
                ) from None
            kind = message[0]
            if kind == "chunk":
                yield message[1], message[2], message[3]
            elif kind == "done":
                return
            elif kind == "unmapped":
                raise UnmappedColumns(message[1])
            elif kind == "file-error":
                raise RosterFileError(message[1])
            else:
                raise RuntimeError(f"reading the roster failed:\n{message[1]}")

    def close(self) -> None:
        self._receive.close()
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()

    def __enter__(self) -> ReaderProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _serve(spec: ReadSpec, send: Any) -> None:
    """The child: send each checked chunk, then "done" (or what went wrong). Without the
    cycle collector: its rows and chunks are freed by their reference counts, and the
    collector's passes over them cost ~3 % (callgrind); the process ends when done."""
    gc.disable()
    try:
        for checked, fraction, skipped in read_chunks(spec):
            send.send(("chunk", checked, fraction, skipped))
        send.send(("done",))
    except UnmappedColumns as exc:
        send.send(("unmapped", exc.columns))
    except RosterFileError as exc:
        send.send(("file-error", exc.args[0] if exc.args else str(exc)))  # a Said stays one
    except (BrokenPipeError, EOFError, KeyboardInterrupt):
        pass  # the importer stopped listening (cancelled or failed): just end
    except BaseException:
        send.send(("error", traceback.format_exc()))
    finally:
        send.close()
