"""Which build this is: the version, and the build date a bundle carries.

`build.spec` writes `build_info.json` into the bundle; from a source checkout there is none,
and the date is None. About and `--version` show both, so a support call can tell which
build a centre runs."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from desktop import __version__
from desktop.paths import bundle_root


@cache
def build_info() -> dict[str, Any]:
    """The bundle's build_info.json ({} from source or when it cannot be read)."""
    path = bundle_root() / "build_info.json"
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return info if isinstance(info, dict) else {}


def build_date() -> str | None:
    """ISO date (YYYY-MM-DD) the bundle was built; None when running from source."""
    built = build_info().get("built")
    return built if isinstance(built, str) else None


def version_line() -> str:
    """`0.1.0 (built 2026-12-06)` or `0.1.0 (from source)`, for `--version` and logs."""
    built = build_date()
    return f"{__version__} (built {built})" if built else f"{__version__} (from source)"
