"""The GUI fixtures of tests/ui (a demo database copied per test, isolated settings, the
window on a synchronous runner) for the users screens."""

from tests.ui.conftest import (  # noqa: F401 (pytest finds fixtures by name)
    demo_db,
    demo_template,
    gui_settings,
    no_unexpected_setup_dialog,
    start_window,
)
