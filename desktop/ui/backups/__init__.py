"""Backups in the window: the automatic daily backup and its line in the status bar."""
