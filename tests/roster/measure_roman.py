"""How often the derived English spelling of a Hindi name is the usual one (exact match,
case-insensitive) over tests/roster/data/hindi_names.csv.

    python tests/roster/measure_roman.py          # the figures (list, held out) and misses
    python tests/roster/measure_roman.py --quiet  # the figure only
    python tests/roster/measure_roman.py --rules-only  # without the table of surnames"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.text.roman import english_name  # noqa: E402

NAMES = Path(__file__).parent / "data" / "hindi_names.csv"
#: 50 more names written down after the rules were done and never used to tune them
HELD_OUT = Path(__file__).parent / "data" / "hindi_names_heldout.csv"


def load(path: Path = NAMES) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return [(row["hindi"], row["english"]) for row in csv.DictReader(handle)]


def measure(path: Path = NAMES) -> tuple[float, list[tuple[str, str, str]]]:
    """(share exact, [(hindi, usual, ours) for each miss])."""
    names = load(path)
    misses = [
        (hindi, usual, ours)
        for hindi, usual in names
        if (ours := english_name(hindi)).lower() != usual.lower()
    ]
    return 1 - len(misses) / len(names), misses


if __name__ == "__main__":
    if "--rules-only" in sys.argv:
        from desktop.text import roman

        roman.CONVENTIONAL.clear()
    for label, path in (("the list", NAMES), ("held out", HELD_OUT)):
        share, misses = measure(path)
        print(f"{label}: {share:.1%} exact over {len(load(path))} names ({len(misses)} differ)")
        if "--quiet" not in sys.argv:
            for hindi, usual, ours in misses:
                print(f"  {hindi}: usual {usual}, ours {ours}")
