"""Acting as a named desk user from the command line (`--user NAME`).

The PIN comes from `KARMAYOGI_DESK_PIN` or, at a terminal, from a prompt that does not echo;
never from the command line (argv is visible to every user of the machine and lands in shell
history). Without `--user`, the core's rule applies (desktop/core/users/session.py): a desk
without users or with one user, or the demo's PIN-less admin, needs no sign-in."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from desktop.core.users import UserError, find_user, has_users, sign_in
from desktop.store import Store

PIN_ENV = "KARMAYOGI_DESK_PIN"


def read_secret(prompt: str, *, env: str | None = None, file: str | None = None) -> str:
    """A PIN from the first line of `file`, the environment variable `env`, or the terminal
    (a `UserError` when there is none: the CLI's exit 2)."""
    if file:
        try:
            with open(file, encoding="utf-8") as handle:
                return handle.readline().rstrip("\r\n")
        except OSError as exc:
            raise UserError(f"Cannot read the PIN file {file}: {exc.strerror}.") from exc
    if env and os.environ.get(env):
        return os.environ[env]
    if not sys.stdin.isatty():
        where = f"set {env}" if env else "use --pin-file F"
        raise UserError(f"A PIN is needed and there is no terminal to ask at: {where}.")
    return getpass.getpass(prompt, stream=sys.stderr)


def act_as(store: Store, args: argparse.Namespace) -> None:
    """Sign in as `--user NAME` when it is given. A wrong PIN, a locked account or a missing
    PIN raise a `UserError` (exit 2, desktop/cli/main.py); the message never holds the PIN."""
    name = getattr(args, "user", None)
    if not name:
        return
    if not has_users(store):
        raise UserError(f"--user {name}: this desk has no users yet (`users add`).")
    user = find_user(store, name)
    pin = None
    if user is not None and user.has_pin and not user.disabled:
        pin = read_secret(f"PIN for {user.name}: ", env=PIN_ENV)
    sign_in(store, name, pin)
