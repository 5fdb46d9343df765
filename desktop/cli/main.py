"""Entry point: global options, command discovery, exit codes.

Each module in `desktop.cli.commands` defines `register(subparsers)`; adding a command is
adding a module, so features never edit a shared list."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from desktop.cli import commands
from desktop.cli.base import EXIT_USAGE, CliError, add_json_flag
from desktop.core.buildinfo import version_line
from desktop.core.users import UserError
from desktop.fileio import MissingFolder


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own exit code for usage is 2 too
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="karmayogi-desk",
        description="Karmayogi Desk: roster, workshops, attendance, field visits, "
        "certificates and sync for Mission Karmayogi training centres. "
        "With no command, starts the GUI.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {version_line()}")
    parser.add_argument(
        "--db", help="database file (default: $KARMAYOGI_DESK_DB or the per-user data folder)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON document on stdout")
    parser.add_argument(
        "--user",
        metavar="NAME",
        help="act as this desk user (PIN from the terminal or $KARMAYOGI_DESK_PIN); needed "
        "once a desk has more than one user",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation end to end on a temporary database (roster, attendance, "
        "certificate, report, main window offscreen); exit 0, or 1 naming the failed step",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        module.register(subparsers)
    for sub in subparsers.choices.values():
        _add_json_everywhere(sub)
    return parser


def _add_json_everywhere(parser: argparse.ArgumentParser) -> None:
    if not any("--json" in a.option_strings for a in parser._actions):
        add_json_flag(parser)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                _add_json_everywhere(sub)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from desktop.cli.selftest import run_self_test

        return run_self_test()
    if not args.command:
        args.command = "gui"
        args.func = _gui
    if not hasattr(args, "func"):
        # A command group given without its sub-command (`roster`): show what it offers.
        getattr(args, "help_parser", parser).print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.func(args) or 0)
    except CliError as exc:
        print(f"karmayogi-desk: {exc}", file=sys.stderr)
        return exc.code
    except UserError as exc:  # a role that may not do this, no one signed in (issue 16)
        print(f"karmayogi-desk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except MissingFolder as exc:  # a core writer refused a folder that is not there
        print(f"karmayogi-desk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `... | head`: the reader left; not an error of ours
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("karmayogi-desk: interrupted", file=sys.stderr)
        return 130


def _gui(args: argparse.Namespace) -> int:
    from desktop.cli.commands.gui import run_gui

    return run_gui(args)
