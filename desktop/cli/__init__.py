"""The command line: a thin face over the core, per ../shared/CLI.md."""
