"""Which match-key values of a roster file may already have been seen, cheaply.

An import must look up every employee code, iGOT id and mobile that may belong to someone
stored or to an earlier row of the same file. Most values of a big list are simply new, and a
bit filter proves it without touching the database. The file's own values are screened where
the file is read (`FileScreen`, in the reader process for a big file: 1.88 million rows cost
the writing process 11 s of a 60 s import when it did this itself); the writing process then
tests only against what was stored before the import began (`SeenFilter` over the database's
values), and not at all when the roster was empty."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from operator import itemgetter
from typing import Any

#: average bytes per row of a roster file: a generous (high) guess of its rows from its size
BYTES_PER_ROW = 60
#: the largest filter: 2**27 bits (16 MiB); its mask leaves the probes' 32-bit halves apart
_MAX_BITS_LOG2 = 27


class SeenFilter:
    """Two bits per value added (a Bloom filter with two probes).

    A clear bit proves a value is new, so most rows of a big import need no index lookup;
    both bits set ("maybe") is confirmed by the lookup. 16 MiB at most. The two probes are
    the low and the high half of the value's one 64-bit hash: with one probe, 1.88 million
    values in the largest filter left ~0.7 % of new values "maybe" on average (each a row
    matched row by row), with two ~0.03 %, for no second hash. Values go in and are tested
    a chunk at a time (a million method calls cost more than the bits). Hashes are Python's,
    so a filter is only meaningful inside the process that filled it."""

    def __init__(self, expected: int) -> None:
        bits = 1 << 16
        while bits < expected * 32 and bits < 1 << _MAX_BITS_LOG2:
            bits <<= 1
        self.mask = bits - 1
        self.bits = bytearray(bits >> 3)

    def add_all(self, values: Iterable[str]) -> None:
        bits, mask = self.bits, self.mask
        for value in values:
            h = hash(value)
            low, high = h & mask, (h >> 32) & mask
            bits[low >> 3] |= 1 << (low & 7)
            bits[high >> 3] |= 1 << (high & 7)

    def which_maybe(self, values: Iterable[str]) -> set[str]:
        bits, mask = self.bits, self.mask
        return {
            v
            for v in values
            if bits[(low := (h := hash(v)) & mask) >> 3] >> (low & 7) & 1
            and bits[(high := (h >> 32) & mask) >> 3] >> (high & 7) & 1
        }

    def maybe_then_add(self, values: Sequence[str]) -> set[str]:
        """`which_maybe` and `add_all` in one pass, value by value: a value met earlier in
        `values` is a "maybe" too."""
        bits, mask = self.bits, self.mask
        hits: set[str] = set()
        for value, h in zip(values, map(hash, values), strict=True):
            low, high = h & mask, (h >> 32) & mask
            low_byte, low_bit = low >> 3, 1 << (low & 7)
            high_byte, high_bit = high >> 3, 1 << (high & 7)
            if bits[low_byte] & low_bit and bits[high_byte] & high_bit:
                hits.add(value)
            else:
                bits[low_byte] |= low_bit
                bits[high_byte] |= high_bit
        return hits


class AllMaybe:
    """No filter: every value is looked up."""

    def add_all(self, values: Iterable[str]) -> None:
        pass

    def which_maybe(self, values: Iterable[str]) -> set[str]:
        return set(values)


class FileScreen:
    """Screens each checked chunk's match-key values against the file's earlier rows.

    For every chunk: per key, the values that may occur in an earlier row (`maybe`: of an
    earlier chunk, or earlier in this one), and the rows that cannot be settled in bulk
    (`hard`): every row holding such a value (then every occurrence goes row by row, in file
    order, which reports the duplicate). Every accepted row's values are added — also those
    of rows the writer later refuses: a needless "maybe" costs one lookup, never a wrong
    answer."""

    def __init__(self, key_at: dict[str, int], expected_rows: int) -> None:
        self.key_at = key_at
        self.filters = {key: SeenFilter(expected_rows) for key in key_at}

    def screen(
        self, ready: Sequence[tuple[Any, ...] | None]
    ) -> tuple[dict[str, set[str]], set[int]]:
        """(`maybe`, `hard`) of one chunk's ready rows (None: a row with errors)."""
        accepted = [row for row in ready if row is not None]
        maybe: dict[str, set[str]] = {}
        hard: set[int] = set()
        for key, at in self.key_at.items():
            values = [value for value in map(itemgetter(at), accepted) if value]
            # a value met earlier in this chunk is a hit too, and every row holding a hit
            # goes row by row (the first occurrence included)
            hits = self.filters[key].maybe_then_add(values)
            if hits:
                hard.update(
                    i for i, row in enumerate(ready) if row is not None and row[at] in hits
                )
            maybe[key] = hits
        return maybe, hard
