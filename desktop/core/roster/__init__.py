"""The participant roster without Qt: reading lists, importing, exporting and searching.

What the GUI (and the CLI) call:

- `preview_file(path, layout)` -> FilePreview: headers, proposed mapping, first rows.
- `check_mapping(headers, mapping)`: raises RosterFileError naming what is wrong.
- `import_roster(store, path, mapping=..., dry_run=..., limit=..., on_row=..., report=...,
  progress=..., cancelled=...)` -> ImportResult (`as_dict()` is the CLI JSON).
- `export_roster(store, path, layout)`; `search(store, query, limit)`; `exact_code(store, code)`.
"""

from desktop.core.roster.export import export_roster
from desktop.core.roster.fields import (
    FIELD_LABELS,
    IMPORT_FIELDS,
    REQUIRED_FIELDS,
    propose_mapping,
)
from desktop.core.roster.importer import (
    FilePreview,
    ImportCancelled,
    ImportResult,
    RowOutcome,
    check_mapping,
    import_roster,
    preview_file,
)
from desktop.core.roster.readers import RosterFileError
from desktop.core.roster.search import exact_code, search

__all__ = [
    "FIELD_LABELS",
    "IMPORT_FIELDS",
    "REQUIRED_FIELDS",
    "FilePreview",
    "ImportCancelled",
    "ImportResult",
    "RosterFileError",
    "RowOutcome",
    "check_mapping",
    "exact_code",
    "export_roster",
    "import_roster",
    "preview_file",
    "propose_mapping",
    "search",
]
