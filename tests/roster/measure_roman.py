"""How often the derived English spelling of a Hindi name is the usual one (exact match,
case-insensitive) over tests/roster/data/hindi_names.csv.

    python tests/roster/measure_roman.py          # the figure and the misses
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


def load() -> list[tuple[str, str]]:
    with NAMES.open(encoding="utf-8") as handle:
        return [(row["hindi"], row["english"]) for row in csv.DictReader(handle)]


def measure() -> tuple[float, list[tuple[str, str, str]]]:
    """(share exact, [(hindi, usual, ours) for each miss])."""
    names = load()
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
    share, misses = measure()
    print(f"{share:.1%} exact over {len(load())} names ({len(misses)} differ)")
    if "--quiet" not in sys.argv:
        for hindi, usual, ours in misses:
            print(f"  {hindi}: usual {usual}, ours {ours}")
