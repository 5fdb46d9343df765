"""Sync area: status, Sync now with progress, enrolment, USB bundles and receipts, rejected
records (fix, send again or discard), portal updates held here, trusted desks, a plain-language
history of sync runs and the differences found by a check with the portal.

The page only collects input and shows results; the work is in `desktop.core.sync` and runs
in the background through the shared `SyncController` (`status`, which also draws the
status-bar indicator) or `ctx.run` (database). `page.SyncPage` is the page; each tab of its
lower half and the USB buttons are their own modules, mixed into that one class; `dialogs`
holds its three dialogs, `words` the texts its parts share (all in the "SyncPage" context)."""
