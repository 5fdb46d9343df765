"""Clean-up of attachments: files attached to a visit never saved are removed once abandoned,
never a file anything this desk holds still names, and leftovers of interrupted writes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from desktop.core.attachments.store import attachments_root
from desktop.protocol.ids import format_ts
from desktop.store import Store

#: A staged file nobody saved is removed after this long (the form may stay open for hours;
#: one left open over a day is still protected by the form passing its own files as `keep`).
ABANDONED_AFTER = timedelta(hours=24)


def mark_kept(store: Store, refs: Iterable[Mapping[str, Any]]) -> None:
    """A saved record names these attachments: they are no longer candidates for clean-up."""
    shas = sorted({str(ref.get("sha256") or "") for ref in refs} - {""})
    if shas:
        with store.transaction():
            store.conn.executemany(
                "UPDATE attachment SET staged_at = NULL WHERE sha256 = ? AND staged_at IS NOT NULL",
                [(sha,) for sha in shas],
            )


def referenced(store: Store, sha256: str) -> bool:
    """Whether anything this desk holds names the file: a record of any kind that has
    attachments (current, edited or deleted, made here or received by sync or in a bundle), a
    batch in the outbox or kept for relaying, or a pulled version held back. A plain substring
    test on the stored JSON: a mention anywhere counts, so nothing named is ever removed."""
    from desktop.protocol.records import KIND_FIELDS

    kinds = [kind for kind, fields in KIND_FIELDS.items() if "attachments" in fields]
    for kind in kinds:
        if store.conn.execute(
            f"SELECT 1 FROM {kind} WHERE instr(attachments, ?) > 0 LIMIT 1", (sha256,)
        ).fetchone():
            return True
    # Batch bodies are JSON bytes; only batches that carry such kinds can name a file.
    marks = ",".join("?" for _ in kinds)
    if store.conn.execute(
        "SELECT 1 FROM sync_batch WHERE batch_id IN (SELECT batch_id FROM sync_batch_record "
        f"WHERE kind IN ({marks})) AND instr(body, ?) > 0 LIMIT 1",
        (*kinds, sha256.encode("ascii")),
    ).fetchone():
        return True
    return bool(
        store.conn.execute(
            "SELECT 1 FROM sync_pull_held WHERE instr(record, ?) > 0 LIMIT 1", (sha256,)
        ).fetchone()
    )


@dataclass
class Cleanup:
    """What a clean-up did: files removed (and their bytes), staged files found named by a
    record (now kept), and files that could not be removed."""

    removed: list[str] = field(default_factory=list)
    freed: int = 0
    now_kept: int = 0
    failed: list[str] = field(default_factory=list)


def _remove_one(
    store: Store, sha256: str, *, staged_before: str | None, staged_at: str | None, out: Cleanup
) -> None:
    """Remove one staged file if it is still abandoned, deciding and deleting under the
    database's write lock (so an `add_bytes` of the same bytes waits or comes first)."""
    root = attachments_root(store)
    try:
        with store.transaction():
            row = store.conn.execute(
                "SELECT path, staged_at, size FROM attachment WHERE sha256 = ?", (sha256,)
            ).fetchone()
            if row is None or row["staged_at"] is None:
                return
            if staged_before is not None and row["staged_at"] > staged_before:
                return  # attached again meanwhile
            if staged_at is not None and row["staged_at"] != staged_at:
                return  # attached again meanwhile (by someone else)
            if referenced(store, sha256):
                store.conn.execute(
                    "UPDATE attachment SET staged_at = NULL WHERE sha256 = ?", (sha256,)
                )
                out.now_kept += 1
                return
            store.conn.execute("DELETE FROM attachment WHERE sha256 = ?", (sha256,))
            (root / row["path"]).unlink(missing_ok=True)  # an error rolls the row back
            out.removed.append(sha256)
            out.freed += int(row["size"] or 0)
    except OSError:
        out.failed.append(sha256)


def remove_abandoned(
    store: Store,
    *,
    older_than: timedelta = ABANDONED_AFTER,
    keep: Iterable[str] = (),
    now: datetime | None = None,
) -> Cleanup:
    """Remove files that were attached to a visit never saved (the form was cancelled, the app
    closed, the visit saved without them) once they have been waiting `older_than`.

    Only files this desk stored for an unsaved record are candidates (`staged_at`); each is
    checked against everything that could name it (`referenced`) right before removal, and a
    named one is marked kept instead. Files received by sync or in a bundle, files a saved
    visit once named (a backup may still name them) and files from before staging existed
    are never removed. Leftover `.part-` files of interrupted writes go too."""
    moment = now or datetime.now(timezone.utc)
    cutoff = format_ts(moment - older_than)
    keep_set = set(keep)
    out = Cleanup()
    candidates = [
        row[0]
        for row in store.conn.execute(
            "SELECT sha256 FROM attachment WHERE staged_at IS NOT NULL AND staged_at <= ? "
            "ORDER BY staged_at",
            (cutoff,),
        )
    ]
    for sha in candidates:
        if sha not in keep_set:
            _remove_one(store, sha, staged_before=cutoff, staged_at=None, out=out)
    _remove_partial_writes(attachments_root(store), moment - older_than)
    return out


def discard_unsaved(
    store: Store, staged: Mapping[str, str | None], *, keep: Iterable[str] = ()
) -> Cleanup:
    """The form was closed without saving: remove the files it stored (sha256 -> the
    `staged_at` it was given) that no record names, at once. A file attached again since (here
    or by another program) has a new `staged_at` and is left for `remove_abandoned`."""
    keep_set = set(keep)
    out = Cleanup()
    for sha, stamp in staged.items():
        if stamp is not None and sha not in keep_set:
            _remove_one(store, sha, staged_before=None, staged_at=stamp, out=out)
    return out


def _remove_partial_writes(root: Path, before: datetime) -> None:
    """Temporary files of interrupted writes older than `before` (`*.part`, desktop.fileio;
    `.part-*` from older versions): a crash mid-write."""
    if not root.is_dir():
        return
    limit = before.timestamp()
    for folder in root.iterdir():
        if not (folder.is_dir() and len(folder.name) == 2):
            continue
        for path in folder.iterdir():
            if path.name.startswith(".part-") or path.name.endswith(".part"):
                try:
                    if path.is_file() and path.stat().st_mtime < limit:
                        path.unlink()
                except OSError:
                    continue
