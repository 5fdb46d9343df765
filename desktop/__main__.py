"""`python -m desktop` is the same program as the `karmayogi-desk` command."""

import multiprocessing

from desktop.cli.main import main

if __name__ == "__main__":
    # Certificate rendering uses worker processes (spawn); in the PyInstaller bundle the
    # workers start this same executable, and freeze_support() turns them into workers.
    multiprocessing.freeze_support()
    raise SystemExit(main())
