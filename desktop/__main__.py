"""`python -m desktop` is the same program as the `karmayogi-desk` command."""

from desktop.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
