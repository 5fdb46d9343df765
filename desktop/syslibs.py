"""The system libraries Qt needs on Linux, in one place.

The PySide6 wheel brings Qt itself but not the X11/OpenGL/font libraries of the system. On a
bare Debian or Ubuntu machine a missing one made `gui` abort (exit 134) with Qt's own message
about `libxcb-cursor0`. This table is the one source for:

- the README's set-up line and `.ci/run`: `sudo apt-get install -y $(python3 -m desktop.syslibs)`
  (stdlib only, so it runs from a checkout before anything is installed);
- the check `gui` makes before Qt starts (`missing_packages()`), which prints that line
  instead of letting Qt abort.

Only the standard library is imported here.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# (Debian/Ubuntu package, a shared library it installs, needed for the xcb platform only)
LIBRARIES: tuple[tuple[str, str, bool], ...] = (
    ("libegl1", "libEGL.so.1", False),
    ("libgl1", "libGL.so.1", False),
    ("libfontconfig1", "libfontconfig.so.1", False),
    ("libxkbcommon0", "libxkbcommon.so.0", False),
    ("libglib2.0-0", "libglib-2.0.so.0", False),
    ("libdbus-1-3", "libdbus-1.so.3", False),
    ("libxkbcommon-x11-0", "libxkbcommon-x11.so.0", True),
    ("libx11-xcb1", "libX11-xcb.so.1", True),
    ("libxcb-cursor0", "libxcb-cursor.so.0", True),
    ("libxcb-icccm4", "libxcb-icccm.so.4", True),
    ("libxcb-image0", "libxcb-image.so.0", True),
    ("libxcb-keysyms1", "libxcb-keysyms.so.1", True),
    ("libxcb-randr0", "libxcb-randr.so.0", True),
    ("libxcb-render-util0", "libxcb-render-util.so.0", True),
    ("libxcb-shape0", "libxcb-shape.so.0", True),
    ("libxcb-xkb1", "libxcb-xkb.so.1", True),
    ("libxcb-xfixes0", "libxcb-xfixes.so.0", True),
    ("libxcb-sync1", "libxcb-sync.so.1", True),
    ("libxcb-shm0", "libxcb-shm.so.0", True),
)

PACKAGES: tuple[str, ...] = tuple(package for package, _lib, _xcb in LIBRARIES)
INSTALL_LINE = "sudo apt-get install -y " + " ".join(PACKAGES)


def _loadable(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def uses_xcb(env: Mapping[str, str] = os.environ) -> bool:
    """Whether Qt will use its X11 (xcb) platform plugin: the default on Linux unless another
    platform is asked for or the session is Wayland (where Qt tries Wayland first)."""
    platform = (env.get("QT_QPA_PLATFORM") or "").split(":", 1)[0].split(";", 1)[0].strip()
    if platform:
        return platform == "xcb"
    return not env.get("WAYLAND_DISPLAY")


def missing_packages(
    *,
    env: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
    loadable: Callable[[str], bool] = _loadable,
) -> list[str]:
    """The packages whose library cannot be loaded, for the platform Qt will use (Linux only;
    Windows and macOS wheels carry what they need)."""
    if not platform.startswith("linux"):
        return []
    xcb = uses_xcb(env)
    return [p for p, lib, only_xcb in LIBRARIES if (xcb or not only_xcb) and not loadable(lib)]


def missing_message(packages: list[str]) -> str:
    """What `gui` prints instead of Qt's abort."""
    return (
        "The window cannot open: this computer lacks system libraries Qt needs ("
        + ", ".join(packages)
        + ").\nOn Debian or Ubuntu install them with:\n  "
        + INSTALL_LINE
        + "\nthen start again. Nothing was changed."
    )


if __name__ == "__main__":
    if "--missing" in sys.argv[1:]:
        print(" ".join(missing_packages()))
    else:
        print(" ".join(PACKAGES))
