"""What the import dialog needs from the roster core, in the shape the dialog works with.

The work is `desktop.core.roster.importer`: `preview_file` reads the header and first rows and
proposes a mapping; `import_roster` validates, matches (employee code, then iGOT id, then
mobile) and writes every accepted row in ONE transaction, so Cancel or a crash leaves the
database as it was. This module only adapts: a per-column mapping list for the combo boxes,
a preview that is the core's own dry run on the first rows (the same validation, matching
and conflict checks as the import, rolled back), and the report file kept until the user
saves it. No Qt and no SQL here."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.problems import Problem
from desktop.core.roster import remembered
from desktop.core.roster.fields import FIELD_LABELS, IGNORE, IMPORT_FIELDS
from desktop.core.roster.importer import (
    FilePreview,
    ImportCancelled,
    ImportResult,
    RowOutcome,
    check_mapping,
    import_roster,
    preview_file,
)
from desktop.core.roster.readers import NoDataRows, RosterFileError, column_label, sheet_names
from desktop.store import Store
from desktop.ui.said import say

FIELDS: tuple[str, ...] = IMPORT_FIELDS
#: A column holding data that matches no field, until the user chooses (a field or IGNORE).
UNDECIDED = "?"
PREVIEW_ROWS = 50
#: The core's row fates as the preview names them (a matched person is "in the roster").
PREVIEW_STATUS = {
    "created": "new",
    "updated": "update",
    "unchanged": "update",
    "rejected": "error",
}

ImportFileError = RosterFileError
Cancelled = ImportCancelled
ImportSummary = ImportResult
__all__ = ["FIELDS", "FIELD_LABELS", "IGNORE", "ImportPlan", "RowResult", "open_import"]


@dataclass
class RowResult:
    """One previewed row: its spreadsheet row number, status and messages (`errors` in the
    core's English, `problems` the same with codes and params, for a translated view)."""

    line: int
    cells: list[str]
    status: str  # "new", "update" (matches someone already in the roster), "error"
    errors: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: the cleaned values the import would store (a converted legacy-font cell, a derived
    #: English name), shown beside what the file holds
    data: dict[str, str] = field(default_factory=dict)
    derived: bool = False  # the English name was written from the Hindi
    converted: tuple[str, ...] = ()  # fields turned from a legacy font into Unicode


class ChooseSheet(Exception):
    """The workbook has several sheets holding data: the user picks one."""

    def __init__(self, sheets: list[str]) -> None:
        super().__init__(", ".join(sheets))
        self.sheets = sheets


def open_import(
    path: Path | str, sheet: str | None = None, store: Store | None = None
) -> ImportPlan:
    """Read the header and first rows (RosterFileError with a message if unusable;
    ChooseSheet when a workbook has several sheets with data and none was chosen). With
    `store`, the mapping remembered for these headers is offered."""
    if sheet is None:
        sheets = sheet_names(path)
        if len(sheets) > 1:
            raise ChooseSheet(sheets)
    preview = preview_file(path, rows=PREVIEW_ROWS, sheet=sheet)
    if not preview.rows:
        raise NoDataRows(path)
    plan = ImportPlan(preview, sheet)
    if store is not None:
        plan.remembered = remembered.recall(store.conn, plan.headers)
    return plan


class ImportPlan:
    def __init__(self, preview: FilePreview, sheet: str | None = None) -> None:
        self.preview = preview
        self.sheet = sheet
        #: (fields per column, saved at) chosen for a file with these headers before
        self.remembered: tuple[list[str], str] | None = None
        self.path = preview.path
        self.headers = list(preview.headers)
        self.rows = [cells for _number, cells in preview.rows]
        #: columns that hold data but match no field: the user must choose before going on
        self.unmapped = [
            i for i in range(len(self.headers)) if column_label(self.headers, i) in preview.unmapped
        ]
        self._report: Path | None = None

    @property
    def layout(self) -> str:
        return self.preview.layout

    def proposed_mapping(self) -> list[str]:
        """For each column, the field it fills (IGNORE = not imported, UNDECIDED = holds data
        that matches no field: the user has to choose). The choice remembered for these
        headers, when there is one."""
        if self.remembered is not None:
            return list(self.remembered[0])
        return [
            UNDECIDED if i in self.unmapped else self.preview.mapping.get(header, IGNORE)
            for i, header in enumerate(self.headers)
        ]

    def undecided(self, mapping: Sequence[str]) -> list[str]:
        """Headers of the columns still waiting for the user's choice."""
        return [column_label(self.headers, i) for i, f in enumerate(mapping) if f == UNDECIDED]

    def samples(self, column: int, count: int = 3) -> list[str]:
        return [row[column] for row in self.rows[:count] if column < len(row) and row[column]]

    def mapping_dict(self, mapping: Sequence[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for header, target in zip(self.headers, mapping, strict=True):
            out.setdefault(header, target or IGNORE)  # a repeated header: the first wins
        return out

    def check_mapping(self, mapping: Sequence[str]) -> list[str]:
        """The core's objections to a mapping (empty when it can be imported)."""
        try:
            check_mapping(self.headers, self.mapping_dict(mapping))
        except RosterFileError as exc:
            return [say(exc)]
        return []

    def evaluate(
        self, store: Store, mapping: Sequence[str], limit: int | None = None
    ) -> list[RowResult]:
        """The core's dry run of the import on the first `limit` rows (PREVIEW_ROWS by
        default): the same validation, matching and conflict checks as the import itself,
        rolled back, so the preview and the import cannot disagree about these rows."""
        outcomes: list[RowOutcome] = []
        import_roster(
            store,
            self.path,
            mapping=self.mapping_dict(mapping),
            sheet=self.sheet,
            dry_run=True,
            limit=limit or PREVIEW_ROWS,
            on_row=outcomes.append,
            reader_process=False,
        )
        return [
            RowResult(
                o.row,
                list(o.cells),
                PREVIEW_STATUS[o.status],
                [message for _field, message in o.errors],
                list(o.errors),
                dict(o.data),
                o.derived,
                o.converted,
            )
            for o in outcomes
        ]

    def run(self, store: Store, mapping: Sequence[str], handle=None) -> ImportResult:
        """The whole import, in one transaction; raises Cancelled when the user cancels."""
        report = Path(tempfile.mkdtemp(prefix="kd-import-")) / "report.csv"

        def progress(done: int, total: int, what: str) -> None:
            if handle is not None:
                handle.progress(done, total, what)
                # A Cancel pressed while this chunk was reported counts before the commit.
                if handle.cancelled:
                    raise ImportCancelled("import cancelled; nothing was changed")

        result = import_roster(
            store,
            self.path,
            mapping=self.mapping_dict(mapping),
            sheet=self.sheet,
            report=report,
            progress=progress,
            cancelled=(lambda: handle.cancelled) if handle is not None else None,
        )
        self._report = report
        remembered.remember(store, self.headers, [f or IGNORE for f in mapping])
        return result

    def write_report(self, path: Path | str, summary: ImportResult | None = None) -> None:
        """The input rows with Status and Error columns (written by the core during import)."""
        if self._report is None or not self._report.exists():
            raise RosterFileError("There is no report yet: run the import first.")
        shutil.copyfile(self._report, path)

