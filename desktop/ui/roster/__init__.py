"""Roster screen parts: the lazy table model, its queries, the person and import dialogs."""
