"""Pictures of every page and dialog, in English and Hindi, at 1366×768 and 1024×768.

    python -m tests.screens OUT/ [--db DEMO.db] [--sizes 1366x768,1024x768] [--check]

Writes OUT/<W>x<H>/<lang>/<page-or-dialog>.png, OUT/<W>x<H>/seen.txt (every page view and
window the walk met) and OUT/<W>x<H>/problems.txt (what the walk of tests/ui/walk.py found: cut-off labels, dialogs past the screen, …). Without --db a small
demo database is built first (as `karmayogi-desk demo` does). Each screen size runs in its
own process, whose offscreen screen has that size. With --check the exit code is 1 when a
problem was found. Use it on every change to the GUI, and look at the pictures."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO_PARTICIPANTS = 600


def build_demo_db(path: Path) -> Path:
    from desktop.core.demo import build_demo
    from desktop.store import open_store

    with open_store(path) as store:
        build_demo(store, participants=DEMO_PARTICIPANTS, seed=3)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def _safe(key: str) -> str:
    return "".join(c if c.isalnum() or c in "-_+" else "_" for c in key)


def child(out: Path, db: Path, languages: tuple[str, ...], pictures: bool) -> int:
    """In a process whose screen has the wanted size: walk and write what was seen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from tests.ui.walk import walk_languages

    app = QApplication.instance() or QApplication(sys.argv[:1])
    geometry = QGuiApplication.primaryScreen().geometry()
    folder = out / f"{geometry.width()}x{geometry.height()}"
    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="screens-"))
    problems: list[str] = []
    seen_keys: list[str] = []
    try:
        for language in languages:
            copy = work / f"desk-{language}.db"  # the walk may write (a cancelled dialog…)
            shutil.copyfile(db, copy)
            for beside in db.parent.glob(f"{db.stem}-*"):  # its files and keys folders
                if beside.is_dir():
                    shutil.copytree(beside, work / beside.name.replace(db.stem, copy.stem, 1))
            for walk in walk_languages(copy, pictures=pictures, languages=(language,)):
                problems.extend(walk.problems)
                seen_keys.extend(f"{walk.language} {item.key} {item.size[0]}x{item.size[1]}"
                            for item in walk.seen)
                if pictures:
                    target = folder / walk.language
                    target.mkdir(exist_ok=True)
                    for seen in walk.seen:
                        if seen.picture is not None:
                            seen.picture.save(str(target / f"{_safe(seen.key)}.png"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    (folder / "seen.txt").write_text("".join(f"{k}\n" for k in seen_keys), encoding="utf-8")
    (folder / "problems.txt").write_text("".join(f"{p}\n" for p in problems), encoding="utf-8")
    for problem in problems:
        print(problem)
    del app
    return 0


def run_size(out: Path, db: Path, width: int, height: int, *, languages: tuple[str, ...],
             pictures: bool, scratch: Path) -> subprocess.CompletedProcess:
    """Run `child` in a fresh process with a width×height offscreen screen, a private data
    folder and private settings (a walk never touches the user's)."""
    from tests.ui.walk import screen_environment

    env = screen_environment(width, height, scratch)
    env.update(
        XDG_DATA_HOME=str(scratch / "data"),
        KARMAYOGI_DESK_SETTINGS=str(scratch / f"settings-{width}.ini"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])),
    )
    command = [sys.executable, "-m", "tests.screens", str(out), "--db", str(db), "--child",
               "--languages", ",".join(languages)]
    if not pictures:
        command.append("--no-pictures")
    return subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=600)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.screens", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="folder for the pictures")
    parser.add_argument("--db", type=Path, help="a demo database to copy (else one is built)")
    parser.add_argument("--sizes", default="1366x768,1024x768")
    parser.add_argument("--languages", default="en,hi")
    parser.add_argument("--check", action="store_true", help="exit 1 when a problem is found")
    parser.add_argument("--no-pictures", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    languages = tuple(args.languages.split(","))
    if args.child:
        return child(args.out, args.db, languages, not args.no_pictures)
    args.out.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="screens-"))
    try:
        db = args.db or build_demo_db(scratch / "demo.db")
        failed = False
        for size in args.sizes.split(","):
            width, height = (int(n) for n in size.lower().split("x"))
            done = run_size(args.out, db, width, height, languages=languages,
                            pictures=not args.no_pictures, scratch=scratch)
            sys.stdout.write(done.stdout)
            if done.returncode != 0:
                sys.stderr.write(done.stderr[-4000:])
                return 2
            failed = failed or bool(done.stdout.strip())
        print(f"pictures in {args.out}")
        return 1 if failed and args.check else 0
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
