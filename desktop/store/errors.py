"""Errors the store raises with messages meant for the person at the desk."""

from __future__ import annotations

import sqlite3

#: What a read raises when the store's connection is closed: the store is being swapped by a
#: restore, or closed at exit. (SQLite calls it ProgrammingError; the GUI catches it by this
#: name and needs no sqlite3 of its own.)
StoreClosed = sqlite3.ProgrammingError


class StoreError(Exception):
    """A problem with the database file itself; the message says what and what to do."""


class NewerDatabaseError(StoreError):
    """The file was written by a newer Karmayogi Desk; opening it would risk damaging it."""


class CorruptDatabaseError(StoreError):
    """The file is not a readable SQLite database, or fails its integrity check."""


class ReadOnlyDatabaseError(StoreError):
    """The file or its folder cannot be written."""


class DatabaseInUseError(StoreError):
    """Another process has the database open (or is restoring it) right now."""


class RecordNotFound(StoreError):
    """A record id that is not in the database."""
