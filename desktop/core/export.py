"""`export`: every synced row as JSON Lines, one §4 record per line, tombstones included."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from desktop.protocol.records import KIND_ORDER
from desktop.store import Store


def parse_kinds(text: str | None) -> list[str]:
    if not text:
        return list(KIND_ORDER)
    kinds = [k.strip() for k in text.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in KIND_ORDER]
    if unknown:
        raise ValueError(f"unknown kind(s) {', '.join(unknown)}; known: {', '.join(KIND_ORDER)}")
    return kinds


def export_jsonl(store: Store, out: TextIO, kinds: Iterable[str] | None = None) -> int:
    count = 0
    for record in store.iter_records(kinds):
        out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
        count += 1
    return count
