"""What the import dialog needs from a roster import, behind one small interface.

`open_import(path)` reads the file and returns an `ImportPlan`: headers, sample rows, a
proposed column mapping; `plan.preview(mapping)` checks the first rows; `plan.run(store,
mapping, handle)` validates everything, matches existing people (employee code, then iGOT id,
then mobile) and writes the accepted rows in ONE transaction, so Cancel or a crash leaves the
database as it was. No Qt here.

This is the GUI's bridge to the roster core (`desktop.core.roster`); until that lands, the
reading, mapping and checks below are a compact interim implementation of the same rules."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.store import Store

FIELDS: tuple[str, ...] = (
    "name_en",
    "name_hi",
    "employee_code",
    "igot_user_id",
    "designation",
    "department",
    "district_code",
    "mobile",
    "email",
    "gender",
    "service_group",
)
REQUIRED = ("name_en",)
IGNORE = ""

_ALIASES = {
    "name_en": (
        "name english",
        "name in english",
        "english name",
        "full name",
        "name",
        "employee name",
        "participant name",
        "नाम अंग्रेजी",
        "नाम",
        "कर्मचारी का नाम",
    ),
    "name_hi": (
        "name hindi",
        "name in hindi",
        "hindi name",
        "नाम हिंदी",
        "नाम हिन्दी",
        "हिंदी नाम",
        "हिन्दी नाम",
        "हिंदी में नाम",
    ),
    "employee_code": (
        "employee code",
        "employee id",
        "emp code",
        "emp id",
        "code",
        "ehrms code",
        "कर्मचारी कोड",
        "कर्मचारी संख्या",
    ),
    "igot_user_id": ("igot user id", "igot id", "user id", "आईगॉट आईडी"),
    "designation": ("designation", "post", "पदनाम", "पद"),
    "department": ("department", "group", "विभाग"),
    "district_code": ("district", "district code", "district name", "जनपद", "जिला", "ज़िला"),
    "mobile": (
        "mobile",
        "mobile number",
        "mobile no",
        "phone",
        "मोबाइल",
        "मोबाइल नंबर",
        "मोबाइल संख्या",
    ),
    "email": ("email", "email id", "e mail", "ईमेल"),
    "gender": ("gender", "sex", "लिंग"),
    "service_group": ("service group", "class", "श्रेणी", "वर्ग"),
}
_MOBILE = re.compile(r"^[6-9][0-9]{9}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_GENDERS = {
    "m": "male",
    "male": "male",
    "पुरुष": "male",
    "f": "female",
    "female": "female",
    "महिला": "female",
    "other": "other",
    "अन्य": "other",
}


class ImportFileError(Exception):
    """The file cannot be imported at all (unreadable, empty, no name column …)."""


class Cancelled(Exception):
    """The user pressed Cancel: the transaction is rolled back."""


@dataclass
class RowResult:
    line: int  # 1-based line in the file (header = 1)
    values: dict[str, Any]
    status: str  # "new", "update", "unchanged", "error"
    errors: list[str] = field(default_factory=list)
    record_id: str | None = None


@dataclass
class ImportSummary:
    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: int = 0
    results: list[RowResult] = field(default_factory=list)


def _normalise(header: str) -> str:
    text = unicodedata.normalize("NFC", header or "").replace("\u093c", "").lower()
    text = re.sub(r"[^\w\u0900-\u097F]+|_", " ", text)
    return " ".join(text.split())


def _read_rows(path: Path) -> list[list[str]]:
    if not path.exists() or path.is_dir():
        raise ImportFileError(f"{path}: no such file.")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            import openpyxl

            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a broken file
            raise ImportFileError(f"{path.name}: not a readable Excel file ({exc}).") from exc
        sheet = book.worksheets[0]
        rows = [
            ["" if v is None else str(v).strip() for v in row]
            for row in sheet.iter_rows(values_only=True)
        ]
        book.close()
        return rows
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, delimiter = raw.decode("utf-16"), "\t"
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                f"{path.name}: not UTF-8 or UTF-16 text (byte {exc.start}). Save it from Excel "
                "as “CSV UTF-8” or “Unicode text”."
            ) from exc
        delimiter = "\t" if text.count("\t") > text.count(",") else ","
    return [
        [cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)
    ]


def open_import(path: Path | str) -> ImportPlan:
    rows = [row for row in _read_rows(Path(path)) if any(cell for cell in row)]
    if not rows:
        raise ImportFileError(f"{Path(path).name}: the file is empty.")
    if len(rows) == 1:
        raise ImportFileError(f"{Path(path).name}: only a header row, no people in it.")
    return ImportPlan(Path(path), rows[0], rows[1:])


class ImportPlan:
    def __init__(self, path: Path, headers: Sequence[str], rows: list[list[str]]) -> None:
        self.path = path
        self.headers = list(headers)
        self.rows = rows

    def proposed_mapping(self) -> list[str]:
        """For each column, the field it fills ("" = not imported)."""
        taken: set[str] = set()
        mapping: list[str] = []
        lookup = {alias: f for f, aliases in _ALIASES.items() for alias in aliases}
        for header in self.headers:
            target = lookup.get(_normalise(header), IGNORE)
            if target in taken:
                target = IGNORE
            taken.add(target)
            mapping.append(target)
        return mapping

    def samples(self, column: int, count: int = 3) -> list[str]:
        return [row[column] for row in self.rows[:count] if column < len(row) and row[column]]

    def check_mapping(self, mapping: Sequence[str]) -> list[str]:
        """Problems that stop the import before any row is read."""
        problems = [f"No column is mapped to {name}." for name in REQUIRED if name not in mapping]
        seen: set[str] = set()
        for target in mapping:
            if target and target in seen:
                problems.append(f"Two columns are mapped to {target}.")
            seen.add(target)
        return problems

    def _values(self, row: list[str], mapping: Sequence[str]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for column, target in enumerate(mapping):
            if target and column < len(row):
                values[target] = row[column].strip() or None
        return values

    def _check(self, values: dict[str, Any], districts: dict[str, str]) -> list[str]:
        errors: list[str] = []
        if not values.get("name_en"):
            errors.append("Name (English): required")
        code = values.get("employee_code")
        if code:
            values["employee_code"] = code = code.upper()
            if len(code) > 30 or re.search(r"\s", code):
                errors.append(f"Employee code: at most 30 characters, no spaces (got {code})")
        mobile = values.get("mobile")
        if mobile:
            digits = re.sub(r"[\s-]", "", mobile)
            if digits.startswith("+91"):
                digits = digits[3:]
            if not _MOBILE.match(digits):
                errors.append(f"Mobile: 10 digits starting with 6-9 (got {mobile})")
            values["mobile"] = digits
        email = values.get("email")
        if email and not _EMAIL.match(email):
            errors.append(f"Email: not a valid address (got {email})")
        district = values.get("district_code")
        if district:
            code_found = districts.get(_normalise(district))
            if code_found is None:
                errors.append(f"District: unknown district {district}")
            values["district_code"] = code_found
        gender = values.get("gender")
        if gender:
            values["gender"] = _GENDERS.get(gender.strip().lower(), "other")
        return errors

    def _districts(self, store: Store) -> dict[str, str]:
        out: dict[str, str] = {}
        for code, name_en, name_hi in store.conn.execute(
            "SELECT code, name_en, name_hi FROM district"
        ):
            for key in (code, name_en, name_hi):
                out[_normalise(key)] = code
        return out

    def _match(self, store: Store, values: dict[str, Any]) -> dict[str, Any] | None:
        for column in ("employee_code", "igot_user_id", "mobile"):
            if values.get(column):
                row = store.conn.execute(
                    f"SELECT * FROM participant WHERE {column} = ? AND deleted = 0 LIMIT 1",
                    (values[column],),
                ).fetchone()
                if row is not None:
                    return dict(row)
        return None

    def evaluate(
        self, store: Store, mapping: Sequence[str], limit: int | None = None
    ) -> list[RowResult]:
        """Check rows (all, or the first `limit`) without writing: the preview."""
        districts = self._districts(store)
        results: list[RowResult] = []
        seen: dict[tuple[str, str], int] = {}
        for n, row in enumerate(self.rows[:limit] if limit else self.rows, start=2):
            values = self._values(row, mapping)
            errors = self._check(values, districts)
            for key in ("employee_code", "mobile"):
                if values.get(key):
                    first = seen.setdefault((key, values[key]), n)
                    if first != n:
                        errors.append(
                            f"Duplicate in file: same {key.replace('_', ' ')} as line {first}"
                        )
            result = RowResult(n, values, "error" if errors else "new", errors)
            if not errors:
                existing = self._match(store, values)
                if existing is not None:
                    result.record_id = existing["id"]
                    changed = {
                        k: v for k, v in values.items() if v is not None and existing.get(k) != v
                    }
                    result.status = "update" if changed else "unchanged"
                    result.values = changed
            results.append(result)
        return results

    def run(
        self,
        store: Store,
        mapping: Sequence[str],
        handle=None,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportSummary:
        """Validate and write every accepted row in one transaction; Cancel rolls back."""
        from desktop.store.bulk import insert_many

        problems = self.check_mapping(mapping)
        if problems:
            raise ImportFileError(" ".join(problems))
        total = len(self.rows)
        summary = ImportSummary(total=total)
        with store.transaction():
            results = self.evaluate(store, mapping)
            new_rows: list[dict[str, Any]] = []
            for done, result in enumerate(results, start=1):
                if handle is not None and handle.cancelled:
                    raise Cancelled()
                if result.status == "new":
                    new_rows.append(result.values)
                    summary.created += 1
                elif result.status == "update":
                    store.update("participant", result.record_id, result.values)
                    summary.updated += 1
                elif result.status == "unchanged":
                    summary.unchanged += 1
                else:
                    summary.errors += 1
                if handle is not None and (done % 200 == 0 or done == total):
                    handle.progress(done, total, "")
            if handle is not None and handle.cancelled:
                raise Cancelled()
            if new_rows:
                insert_many(store, "participant", new_rows)
        summary.results = results
        return summary

    def write_report(self, path: Path | str, summary: ImportSummary) -> None:
        """The input rows with Status and Error columns added (what the user fixes and re-imports)."""
        by_line = {r.line: r for r in summary.results}
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([*self.headers, "Status", "Error"])
            for n, row in enumerate(self.rows, start=2):
                result = by_line.get(n)
                writer.writerow(
                    [
                        *row,
                        result.status if result else "",
                        "; ".join(result.errors) if result else "",
                    ]
                )
