"""What every command shares: exit codes, errors, JSON output, opening the database."""

from __future__ import annotations

import argparse
import json
import shlex
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.core.progress import Progress
from desktop.fileio import MissingFolder, make_named_folder, require_folder
from desktop.paths import default_db_path
from desktop.store import Store, StoreError, open_store

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class CliError(Exception):
    """Stops a command with a message on stderr and an exit code (2: nothing was changed)."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    """`--json` is accepted after the command too; SUPPRESS keeps the global value when absent."""
    parser.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS,
        help="print one JSON document on stdout",
    )


def output_file(value: str | Path) -> Path:
    """A file the command will write, checked before any work: its folder must exist (exit 2
    naming the missing folder otherwise). Folders are never created for a file."""
    try:
        return require_folder(Path(value))
    except MissingFolder as exc:
        raise CliError(str(exc)) from exc


def output_folder(value: str | Path) -> Path:
    """A folder the command will write files into: made if only it is missing (as `mkdir`
    would), refused with exit 2 when a folder above it is missing too (a mistyped path)."""
    folder = Path(value)
    if folder.is_dir():
        return folder
    if not folder.parent.is_dir():
        output_file(folder)  # raises, naming the missing folder
    return folder


def make_output_folder(folder: Path) -> Path:
    try:
        return make_named_folder(folder)
    except MissingFolder as exc:
        raise CliError(str(exc)) from exc


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else default_db_path()


def open_db(args: argparse.Namespace, *, create: bool = False) -> Store:
    """Open the command's database; a missing or unusable file is a usage error (exit 2)."""
    path = db_path(args)

    def announce(_names: list[str]) -> None:
        print(
            f"Updating {path} for this version (a backup copy first); with a large roster "
            "this can take a few minutes…",
            file=sys.stderr,
            flush=True,
        )

    try:
        store = open_store(path, create=create, on_upgrade=announce)
    except StoreError as exc:
        raise CliError(str(exc)) from exc
    try:
        from desktop.cli.session import act_as

        act_as(store, args)  # --user NAME: every command acts as that desk user
    except BaseException:
        store.close()
        raise
    return store


def emit(
    args: argparse.Namespace, payload: Any, text: Callable[[], str] | str | None = None
) -> None:
    """Print `payload` as JSON with --json, else the human text."""
    if getattr(args, "json", False):
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=None, default=str)
        sys.stdout.write("\n")
        return
    if text is None:
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        sys.stdout.write((text() if callable(text) else text).rstrip("\n") + "\n")


def progress(message: str) -> None:
    """Progress and logs go to stderr so stdout stays a clean JSON document."""
    print(message, file=sys.stderr, flush=True)


def progress_printer(every: float = 0.0, tty_only: bool = False) -> Progress:
    """The core's `Progress` (desktop.core.progress) printed to stderr as `what (NN%)`:
    at most once per `every` seconds, the last step (done == total) always; with
    `tty_only`, nothing when stderr is not a terminal (a log would fill with it)."""
    last = [float("-inf")]

    def show(done: int, total: int, what: str) -> None:
        if tty_only and not sys.stderr.isatty():
            return
        now = time.monotonic()
        if now - last[0] < every and not (total and done >= total):
            return
        last[0] = now
        progress(f"{what} ({done / total:.0%})" if total else what)

    return show


def untrusted_signer_error(
    args: argparse.Namespace, group: str, exc: Any, operator: str
) -> CliError:
    """Exit 2 (CLI.md: refused input, nothing changed) for a bundle or receipt from a desk
    whose key is not trusted; unless a wrong fingerprint was given, it ends with the exact
    `<group> import FILE --trust-signer FP` to run once `operator` reads out the same one."""
    if exc.given is not None:
        return CliError(str(exc))
    words = ["karmayogi-desk"]
    if args.db:
        words += ["--db", str(args.db)]
    words += [group, "import", str(args.file), "--trust-signer", exc.fingerprint]
    return CliError(
        f"{exc}\nIf {operator} reads out the same fingerprint, run:\n  {shlex.join(words)}"
    )
