"""`users add|list|set-role|reset-pin|disable|enable`: the desk's local users (issue 16).

Every command acts as `--user NAME` (a global option) once the desk has more than one user;
changing users needs the admin role. A new PIN is read from the terminal (asked twice) or
from the first line of `--pin-file F`, never from the command line."""

from __future__ import annotations

import argparse

from desktop.cli.base import CliError, emit, open_db
from desktop.cli.session import read_secret
from desktop.core.users import (
    Role,
    User,
    UserError,
    add_user,
    list_users,
    reset_pin,
    set_disabled,
    set_role,
)

ROLES = [r.label for r in Role]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("users", help="the desk's local users and their roles")
    parser.set_defaults(help_parser=parser)
    sub = parser.add_subparsers(dest="users", metavar="ACTION")

    add = sub.add_parser("add", help="add a user (the first user of a desk is its admin)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=ROLES)
    _pin_options(add)
    add.set_defaults(func=run_add)

    listing = sub.add_parser("list", help="the users, their roles and whether they have a PIN")
    listing.set_defaults(func=run_list)

    role = sub.add_parser("set-role", help="change a user's role")
    role.add_argument("name")
    role.add_argument("role", choices=ROLES)
    role.set_defaults(func=run_set_role)

    reset = sub.add_parser("reset-pin", help="set a new PIN (also unlocks a locked account)")
    reset.add_argument("name")
    _pin_options(reset)
    reset.set_defaults(func=run_reset_pin)

    disable = sub.add_parser("disable", help="stop a user signing in (their name stays on "
                             "what they did)")
    disable.add_argument("name")
    disable.set_defaults(func=run_disable, disabled=True)
    enable = sub.add_parser("enable", help="let a disabled user sign in again")
    enable.add_argument("name")
    enable.set_defaults(func=run_disable, disabled=False)


def _pin_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--pin-file", metavar="F", help="read the new PIN from the first line of F")
    group.add_argument("--no-pin", action="store_true",
                       help="no PIN (anyone at the desk can act as this user)")


def _new_pin(args: argparse.Namespace) -> str | None:
    if args.no_pin:
        return None
    if args.pin_file:
        return read_secret("", file=args.pin_file)
    first = read_secret(f"New PIN for {args.name}: ")
    if read_secret("The same PIN again: ") != first:
        raise CliError("The two PINs differ; nothing was changed.")
    return first


def _as_json(user: User) -> dict:
    return {
        "name": user.name,
        "role": user.role.label,
        "pin": user.has_pin,
        "disabled": user.disabled,
        "locked_until": user.locked_until,
        "last_sign_in": user.last_sign_in,
    }


def _run(args: argparse.Namespace, action) -> User:
    with open_db(args) as store:
        try:
            return action(store)
        except (UserError, ValueError) as exc:  # AccessDenied is a UserError: exit 2 too
            raise CliError(str(exc)) from exc


def run_add(args: argparse.Namespace) -> int:
    pin = _new_pin(args)
    user = _run(args, lambda store: add_user(store, args.name, args.role, pin))
    emit(args, _as_json(user), f"Added {user.name} ({user.role.label})")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        try:
            users = list_users(store)
        except UserError as exc:
            raise CliError(str(exc)) from exc
    lines = [
        f"{u.name}  {u.role.label}"
        + ("" if u.has_pin else "  (no PIN)")
        + ("  (disabled)" if u.disabled else "")
        for u in users
    ]
    emit(args, [_as_json(u) for u in users], "\n".join(lines) or "No users on this desk.")
    return 0


def run_set_role(args: argparse.Namespace) -> int:
    user = _run(args, lambda store: set_role(store, args.name, args.role))
    emit(args, _as_json(user), f"{user.name} is now {user.role.label}")
    return 0


def run_reset_pin(args: argparse.Namespace) -> int:
    pin = _new_pin(args)
    user = _run(args, lambda store: reset_pin(store, args.name, pin))
    emit(args, _as_json(user), f"New PIN set for {user.name}" if pin else
         f"{user.name} has no PIN now")
    return 0


def run_disable(args: argparse.Namespace) -> int:
    user = _run(args, lambda store: set_disabled(store, args.name, args.disabled))
    emit(args, _as_json(user), f"{user.name} is {'disabled' if user.disabled else 'enabled'}")
    return 0
