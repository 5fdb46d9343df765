"""Desk side of SYNC-PROTOCOL.md: outbox, HTTP client, sync runs, USB bundles and receipts.

No Qt here: the CLI and the GUI are thin faces over `engine.SyncEngine`, `bundle` and
`receipt`."""
